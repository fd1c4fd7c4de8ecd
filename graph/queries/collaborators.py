"""`lcg collaborators ID`: who shares work with an actor, how strongly, with the evidence.

Reads only the actor's neighbourhood (``co_participation`` two steps out,
``neighbours`` for direct employment), never the whole graph, so it stays fast
on the biggest hub. Strengths use ``collaboration.WEIGHTS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import LcgError
from ..search import resolve
from . import spans
from .collaboration import (ACTOR_KINDS, ITEM_ROLES, VIA, WEIGHTS, item_span, rel_kinds_for, role_label,
                            tie_span, tie_type)

__all__ = ["Shared", "shared_with", "collaborator_rows", "resolve_actor", "COLUMNS"]

COLUMNS = ["id", "name", "kind", "strength", "shared", "via", "first_year", "last_year", "evidence"]


@dataclass(frozen=True)
class Shared:
    """One item two actors share (or a direct employer tie, when ``item`` is None)."""

    other: object            # NodeRecord
    item: object | None      # NodeRecord
    type: str                # a key of WEIGHTS
    mine: tuple[str, ...]    # role labels of the subject there
    theirs: tuple[str, ...]  # role labels of the other there
    active: tuple | None     # when both were on it at once (span), None if never at once
    when: tuple              # span used for years: ``active``, or the item's own span

    @property
    def weight(self) -> int:
        return WEIGHTS[self.type]

    def evidence(self) -> str:
        if self.item is None:
            return f"employment: {self.mine[0]}"
        what = self.item.kind.lower() if self.item.kind != "Organisation" else "employer"
        return f"{what} {self.item.name} ({self.item.id}): {', '.join(self.mine)} / {', '.join(self.theirs)}"


def resolve_actor(backend, given: str):
    node = resolve(backend, given)
    if node.kind not in ACTOR_KINDS:
        raise LcgError(f"{node.id!r} is a {node.kind}; collaborators are found for organisations, people and "
                       f"places (try `lcg show {node.id}` for what is tied to it)")
    return node


def _labels(ties) -> tuple[str, ...]:
    return tuple(sorted({role_label(t) for t in ties}))


def shared_with(backend, node, *, via: str | None = None) -> list[Shared]:
    """Everything ``node`` shares with another actor, ordered by (other id, item id)."""
    item_kinds, rels = rel_kinds_for(via)
    two_step = tuple(k for k in rels if k != "WORKS_FOR")
    pairs: dict[tuple[str, str], tuple] = {}
    if two_step:
        for mine, item, theirs, other in backend.co_participation(node.id, rel_kinds=two_step):
            if (other.kind not in ACTOR_KINDS or item.kind not in item_kinds or mine.start != node.id
                    or theirs.start != other.id):
                continue
            roles = ITEM_ROLES[item.kind]
            if mine.kind not in roles or theirs.kind not in roles:
                continue
            entry = pairs.get((other.id, item.id))
            if entry is None:
                entry = pairs[(other.id, item.id)] = (other, item, [], [])
            entry[2].append(mine)
            entry[3].append(theirs)
    out = []
    for (_, _), (other, item, mine, theirs) in sorted(pairs.items()):
        mine = list(dict.fromkeys(mine))
        theirs = list(dict.fromkeys(theirs))
        own = item_span(item)
        active = spans.intersect(own, _union(mine), _union(theirs))
        out.append(Shared(other, item, tie_type(item.kind, {t.kind for t in mine}, {t.kind for t in theirs}),
                          _labels(mine), _labels(theirs), active, active or own))
    if via in (None, "employment"):
        out += _employment(backend, node)
    out.sort(key=lambda s: (s.other.id, s.item.id if s.item else ""))
    return out


def _union(ties) -> tuple:
    """The widest span the ties of one actor at one item cover (several roles: any of them)."""
    ss = [tie_span(t) for t in ties]
    los = [s[0] for s in ss]
    his = [s[1] for s in ss]
    return (None if None in los else min(los), None if None in his else max(his))


def _employment(backend, node) -> list[Shared]:
    out = []
    direct: dict[str, list] = {}
    for tie, other in backend.neighbours(node.id, rel_kinds=["WORKS_FOR"]):
        if other.kind in ("Person", "Organisation"):
            direct.setdefault(other.id, [other]).append(tie)
    for oid in sorted(direct):
        other, *ties = direct[oid]
        active = _union(ties)
        roles = sorted({str(t.props["role"]) for t in ties if t.props.get("role")})
        verb = "works for" if ties[0].start == node.id else "employs"
        text = f"{verb} {other.name}" + (f" ({', '.join(roles)})" if roles else "")
        out.append(Shared(other, None, "employer", (text,), (), active, active))
    if node.kind == "Person":
        pairs: dict[tuple[str, str], tuple] = {}
        for mine, item, theirs, other in backend.co_participation(node.id, rel_kinds=["WORKS_FOR"]):
            if mine.start != node.id or theirs.start != other.id or other.kind != "Person":
                continue
            entry = pairs.setdefault((other.id, item.id), (other, item, [], []))
            entry[2].append(mine)
            entry[3].append(theirs)
        for (_, _), (other, item, mine, theirs) in sorted(pairs.items()):
            active = spans.intersect(_union(mine), _union(theirs))
            out.append(Shared(other, item, "colleagues", _labels(mine), _labels(theirs), active,
                              active or spans.OPEN))
    return out


def _years(when) -> list[int]:
    return [y for y in (spans.year(when[0]), spans.year(when[1])) if y is not None]


def collaborator_rows(backend, given: str, *, via: str | None = None, kind: str | None = None,
                      since: int | None = None, as_of: str | None = None, limit: int | None = None) -> list[dict]:
    """One row per collaborator, strongest first (ties broken by id), with evidence and years.

    ``since``: only items still running in or after that year (undated ones count);
    ``as_of``: only ties active on that date (relationship from/to and item dates).
    """
    node = resolve_actor(backend, given)
    wanted = spans.span(as_of, as_of) if as_of else None
    by_other: dict[str, list[Shared]] = {}
    for s in shared_with(backend, node, via=via):
        if kind and s.other.kind != kind:
            continue
        if since is not None and s.when[1] is not None and spans.year(s.when[1]) < since:
            continue
        if wanted is not None and not spans.overlaps(s.active, wanted):
            continue
        by_other.setdefault(s.other.id, []).append(s)
    rows = []
    for oid, items in by_other.items():
        items.sort(key=lambda s: (-s.weight, s.item.id if s.item else ""))
        years = [y for s in items for y in _years(s.when)]
        best: dict[str, int] = {}
        for s in items:
            best[VIA[s.type]] = max(best.get(VIA[s.type], 0), s.weight)
        vias = sorted(best, key=lambda v: (-best[v], v))
        rows.append({"id": oid, "name": items[0].other.name, "kind": items[0].other.kind,
                     "strength": sum(s.weight for s in items), "shared": len(items), "via": vias,
                     "first_year": min(years) if years else None, "last_year": max(years) if years else None,
                     "evidence": [s.evidence() for s in items]})
    rows.sort(key=lambda r: (-r["strength"], r["id"]))
    return rows[:limit] if limit else rows
