"""Who works with whom: the one definition of a collaboration tie and its weight.

Two actors (organisations, people, places) collaborate when they share an *item*:
both hold a role in the same project, both organise or attend the same event,
both belong to the same network, or both work for the same employer; a person
and the organisation they work for are tied directly. ``lcg collaborators``
lists these shared items as evidence; ``lcg brokers`` and ``lcg clusters`` run on
the *projection* of the graph to actor-actor ties with the same weights; ``lcg
gaps`` uses the same notion of "has a collaborator". Change a weight here and
every command (and docs/queries.md, which must say the same) follows.

Every actor-to-item tie in the schema points from the actor to the item
(``Organisation -PARTNER_IN-> Project``), so a tie counts when its start is an
actor and its end an item of a kind that takes that role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Protocol, runtime_checkable

from ..backends.base import Backend
from ..gc_pause import paused_gc
from .. import dates
from .walks import co_participation

__all__ = ["ACTOR_KINDS", "ITEM_ROLES", "WEIGHTS", "VIA", "VIA_CHOICES", "MAX_ITEM_ACTORS", "tie_type",
           "role_label", "item_span", "tie_span", "rel_kinds_for", "weight_table", "StrengthAccelerator",
           "strengths", "plain_strengths", "ItemGroups", "item_groups", "Projection",
           "collaboration_network"]

#: Who can collaborate. Places are actors too: a learning city joins networks
#: (UNESCO GNLC) and takes part in events in its own right.
ACTOR_KINDS = ("Organisation", "Person", "Place")

#: For each kind of shared item, the ties that put an actor on it, and on which side.
#: At an event, organisers, partners, funders, commissioners and staff run it;
#: participants (speakers, attendees) attend it.
#: Coordinating a network, programme or event (a cluster's coordinating cities lead its
#: exchanges) is working with its members, so COORDINATES counts. Evaluating (an
#: independent evaluator), publishing, advising, awards, reporting lines, a study
#: informing work and services used in an initiative do not: none says two actors
#: worked side by side, and counting them would tie a publisher to every author.
ITEM_ROLES: dict[str, dict[str, str]] = {
    "Project": {"PARTNER_IN": "work", "FUNDS": "work", "COMMISSIONED": "work", "WORKS_ON": "work",
                "PARTICIPATED_IN": "work", "COORDINATES": "work"},
    "Event": {"ORGANISED": "organiser", "PARTNER_IN": "organiser", "FUNDS": "organiser",
              "COMMISSIONED": "organiser", "WORKS_ON": "organiser", "COORDINATES": "organiser",
              "PARTICIPATED_IN": "participant"},
    "Network": {"MEMBER_OF": "member", "PARTNER_IN": "member", "FUNDS": "member", "WORKS_ON": "member",
                "COORDINATES": "member"},
    "Organisation": {"WORKS_FOR": "employee"},
}

#: THE weights. A pair's strength is the sum, over the items they share, of the
#: weight of their tie at that item (one item counts once, at its strongest tie).
#: Integers, so a strength never depends on the order it was summed in.
WEIGHTS: dict[str, int] = {
    "joint project": 4,        # both hold a role (partner, funder, commissioner, worker) in one project
    "co-organised event": 3,   # both on the organising side of one event
    "employer": 3,             # one works for the other (direct tie, no item between)
    "same event": 2,           # at the same event, at least one of them only attending
    "colleagues": 1,           # both work for the same organisation
    "same network": 1,         # both members or partners of the same network
}

#: ``--via`` groups tie types by what is shared.
VIA: dict[str, str] = {"joint project": "project", "co-organised event": "event", "same event": "event",
                       "same network": "network", "employer": "employment", "colleagues": "employment"}
VIA_CHOICES = ("project", "event", "network", "employment")

#: An item with more actors than this (a global network of hundreds of cities)
#: would tie everyone to everyone; the projection used by brokers and clusters
#: leaves it out (and says how many it left out). ``collaborators`` keeps it.
MAX_ITEM_ACTORS = 100



_ITEM_FOR_VIA = {"project": ("Project",), "event": ("Event",), "network": ("Network",),
                 "employment": ("Organisation",)}
_DEFAULT_LABEL = {"PARTNER_IN": "partner", "FUNDS": "funder", "COMMISSIONED": "commissioner",
                  "WORKS_ON": "works on it", "PARTICIPATED_IN": "participant", "ORGANISED": "organiser",
                  "MEMBER_OF": "member", "WORKS_FOR": "works there", "COORDINATES": "coordinator"}


def tie_type(item_kind: str, mine: set[str], theirs: set[str]) -> str:
    """The type of tie two actors have through one item, from the relationship kinds each holds there."""
    if item_kind == "Project":
        return "joint project"
    if item_kind == "Event":
        roles = ITEM_ROLES["Event"]
        organising = lambda kinds: any(roles.get(k) == "organiser" for k in kinds)
        return "co-organised event" if organising(mine) and organising(theirs) else "same event"
    if item_kind == "Network":
        return "same network"
    return "colleagues"


def role_label(tie) -> str:
    """How a tie reads in evidence: its role when it has one ("lead partner", "speaker")."""
    role = tie.props.get("role")
    if tie.kind == "PARTNER_IN" and role:
        return "partner" if role == "partner" else f"{role} partner"
    if tie.kind == "WORKS_FOR" and role:
        return f"works there ({role})"
    return str(role) if role else _DEFAULT_LABEL.get(tie.kind, tie.kind.lower())


def item_span(item) -> dates.Span:
    """When an item ran: a project or network from start to end, an event on its date (to its end)."""
    p = item.props
    if item.kind == "Event":
        return dates.span(p.get("date"), p.get("end") or p.get("date"))
    if item.kind in ("Project", "Network"):
        return dates.span(p.get("start"), p.get("end"))
    return dates.OPEN


def tie_span(tie) -> dates.Span:
    p = tie.props
    if "from" not in p and "since" not in p and "to" not in p:  # most ties: undated, open
        return dates.OPEN
    return dates.span(p.get("from") or p.get("since"), p.get("to"))


def rel_kinds_for(via: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(item kinds, relationship kinds) that make ties of this ``--via`` (all when None), sorted."""
    items = _ITEM_FOR_VIA[via] if via else tuple(ITEM_ROLES)
    rels = sorted({k for i in items for k in ITEM_ROLES[i]})
    return items, tuple(rels)


def weight_table(via: str | None) -> dict[tuple[str, str, str], int]:
    """``WEIGHTS`` per (item kind, my tie, their tie), for ``strengths``.

    The heaviest pair of ties at an item is its ``tie_type``: a project, network or
    employer weighs the same whatever the ties; an event is co-organised when some
    tie of each side is an organiser's.
    """
    item_kinds, rels = rel_kinds_for(via)
    two_step = {k for k in rels if k != "WORKS_FOR"}
    return {(item, mine, theirs): WEIGHTS[tie_type(item, {mine}, {theirs})]
            for item in item_kinds for mine in ITEM_ROLES[item] if mine in two_step
            for theirs in ITEM_ROLES[item] if theirs in two_step}


Strengths = list[tuple[str, str, int]]


@runtime_checkable
class StrengthAccelerator(Protocol):
    """A backend that can sum ``plain_strengths`` itself, faster, with the same result
    (the embedded graph, in numpy; held equal by tests/test_queries_strengths.py)."""

    def co_participation_strengths(self, node_id: str, weights: Mapping[tuple[str, str, str], int], *,
                                   other_kinds: Iterable[str] | None = None) -> Strengths: ...


def strengths(backend: Backend, node_id: str, weights: Mapping[tuple[str, str, str], int], *,
              other_kinds: Iterable[str] | None = None) -> Strengths:
    """``plain_strengths``, by the backend's accelerator when it has one. Why an accelerator: a
    national funder shares items with 55k others in 80k (item, other) pairs, and summing them as
    records is most of ``lcg collaborators`` on it (bench/RESULTS.md, "Who works with whom")."""
    if isinstance(backend, StrengthAccelerator):
        return backend.co_participation_strengths(node_id, weights, other_kinds=other_kinds)
    return plain_strengths(backend, node_id, weights, other_kinds=other_kinds)


def plain_strengths(backend: Backend, node_id: str, weights: Mapping[tuple[str, str, str], int], *,
                    other_kinds: Iterable[str] | None = None) -> Strengths:
    """THE strength rule, per other node sharing an item: ``(other id, other kind, strength)``, sorted.

    Counts the items both point *into* (``node -mine-> item <-theirs- other``,
    other != node, of ``other_kinds`` when given); ``weights[(item kind, mine kind,
    theirs kind)]`` weighs one pair of ties, a pair not in ``weights`` does not count.
    An item counts once, at its heaviest pair; strength sums the items.
    """
    rel_kinds = sorted({k for _, mine, theirs in weights for k in (mine, theirs)})
    kinds_ok = set(other_kinds) if other_kinds is not None else None
    best: dict[tuple[str, str], int] = {}
    kind_of: dict[str, str] = {}
    for mine, item, theirs, other in co_participation(backend, node_id, rel_kinds=rel_kinds):
        if mine.start != node_id or theirs.start != other.id or (kinds_ok is not None
                                                                  and other.kind not in kinds_ok):
            continue
        w = weights.get((item.kind, mine.kind, theirs.kind))
        if w is not None and w > best.get((item.id, other.id), w - 1):
            best[(item.id, other.id)] = w
            kind_of[other.id] = other.kind
    strength: dict[str, int] = {}
    for (_, other_id), w in best.items():
        strength[other_id] = strength.get(other_id, 0) + w
    return sorted((o, kind_of[o], w) for o, w in strength.items())


@dataclass
class ItemGroups:
    """Every item with the actors on it (actor id -> their ties there), and the direct employer ties."""

    kinds: dict[str, str]
    names: dict[str, str]
    groups: dict[str, dict[str, list]]
    employment: list  # WORKS_FOR ties (person -> organisation)
    themes: dict[str, list[str]] = field(default_factory=dict)  # node id -> theme ids it ADDRESSES


def item_groups(backend: Backend, *, with_themes: bool = False) -> ItemGroups:
    """Group the graph's actor-to-item ties by item, from ``nodes()`` and ``relationships()`` only.

    Both backends return these lists sorted, so the groups (and everything built
    on them) come out the same on either.
    """
    with paused_gc():
        return _item_groups(backend, with_themes)


def _item_groups(backend: Backend, with_themes: bool) -> ItemGroups:
    records = backend.nodes()
    kinds = {n.id: n.kind for n in records}
    names = {n.id: n.name for n in records}
    _, rels = rel_kinds_for(None)
    groups: dict[str, dict[str, list]] = {}
    employment = []
    for t in backend.relationships(rels):
        start_kind, end_kind = kinds.get(t.start), kinds.get(t.end, "")
        if start_kind not in ACTOR_KINDS or t.kind not in ITEM_ROLES.get(end_kind, ()):
            continue
        groups.setdefault(t.end, {}).setdefault(t.start, []).append(t)
        if t.kind == "WORKS_FOR":
            employment.append(t)
    themes: dict[str, list[str]] = {}
    if with_themes:
        for t in backend.relationships(["ADDRESSES"]):
            themes.setdefault(t.start, []).append(t.end)
    return ItemGroups(kinds, names, groups, employment, themes)


@dataclass
class Projection:
    """The weighted collaboration network: actors, and one edge per collaborating pair.

    ``edges`` are ``(a, b, weight)`` with ``a < b``, sorted; ``actors`` every actor
    id, sorted (isolated ones included); ``skipped`` the items left out for having
    more than ``MAX_ITEM_ACTORS`` actors.
    """

    actors: list[str]
    edges: list[tuple[str, str, int]]
    names: dict[str, str]
    kinds: dict[str, str]
    skipped: list[str]
    groups: ItemGroups


def collaboration_network(backend: Backend, *, max_item_actors: int = MAX_ITEM_ACTORS, with_themes: bool = False) -> Projection:
    """Project the graph to actor-actor ties weighted by ``WEIGHTS`` (see module doc)."""
    with paused_gc():
        return _collaboration_network(backend, max_item_actors, with_themes)


def _collaboration_network(backend: Backend, max_item_actors: int, with_themes: bool) -> Projection:
    g = item_groups(backend, with_themes=with_themes)
    weight: dict[tuple[str, str], int] = {}
    skipped = []
    for item in sorted(g.groups):
        actors = g.groups[item]
        if len(actors) < 2:
            continue
        if len(actors) > max_item_actors:
            skipped.append(item)
            continue
        ids = sorted(actors)
        kind = g.kinds[item]
        held = {a: {t.kind for t in actors[a]} for a in ids}
        if kind == "Event":
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    w = WEIGHTS[tie_type(kind, held[a], held[b])]
                    weight[(a, b)] = weight.get((a, b), 0) + w
        else:
            w = WEIGHTS[tie_type(kind, set(), set())]
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    weight[(a, b)] = weight.get((a, b), 0) + w
    seen_direct: set[tuple[str, str]] = set()
    for t in g.employment:
        pair = (t.start, t.end) if t.start < t.end else (t.end, t.start)
        if pair not in seen_direct:  # two roles at one employer are one employer tie
            seen_direct.add(pair)
            weight[pair] = weight.get(pair, 0) + WEIGHTS["employer"]
    actor_ids = sorted(i for i, k in g.kinds.items() if k in ACTOR_KINDS)
    edges = sorted((a, b, w) for (a, b), w in weight.items())
    return Projection(actor_ids, edges, g.names, g.kinds, skipped, g)
