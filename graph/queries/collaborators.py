"""`lcg collaborators ID`: who shares work with an actor, how strongly, with the evidence.

Reads only the actor's neighbourhood (``walks.co_participation`` two steps out,
``walks.neighbours`` for direct employment), never the whole graph, so it stays fast
on the biggest hub. Strengths use ``collaboration.WEIGHTS``.
"""

from __future__ import annotations

import heapq
import operator
from dataclasses import dataclass
from typing import Any

from ..gc_pause import paused_gc
from ..errors import WrongKind
from ..schema import a_kind
from ..search import resolve
from .. import dates
from ..backends.base import Backend, NodeRecord
from .strength import (ACTOR_KINDS, ITEM_ROLES, VIA, WEIGHTS, item_span, rel_kinds_for,
                            role_label, strengths, tie_span, tie_type, weight_table)
from .walks import co_participation, neighbours

__all__ = ["Shared", "shared_with", "collaborator_rows", "collaborator_page", "resolve_actor", "COLUMNS"]

COLUMNS = ["id", "name", "kind", "strength", "shared", "via", "first_year", "last_year", "evidence"]


@dataclass(frozen=True)
class Shared:
    """One item two actors share (or a direct employer tie, when ``item`` is None)."""

    other: NodeRecord
    item: NodeRecord | None
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


def resolve_actor(backend: Backend, given: str) -> NodeRecord:
    node = resolve(backend, given)
    if node.kind not in ACTOR_KINDS:
        error = WrongKind(node.id, f"{node.id!r} is {a_kind(node.kind)}; collaborators are found for organisations, "
                          "people and places")
        error.hint = ("show", node.id)
        raise error
    return node


def _labels(ties) -> tuple[str, ...]:
    return tuple(sorted({role_label(t) for t in ties}))


def _scan(backend: Backend, node, via: str | None, only=None) -> tuple[list[tuple], dict[str, Any], dict[str, NodeRecord]]:
    """(the ``co_participation`` rows that tie ``node`` to another actor through an item, in the
    walk's order; other id -> where its rows are in that list; other id -> its record).
    ``only``: just the rows of these collaborators.

    The hot loop of the command (a national funder has tens of thousands of
    rows): one filter and one append per row; rows are grouped per collaborator
    only for the few that are printed. Strengths are not summed here: the one
    rule is ``collaboration.strengths`` (or the entries' ``tie_type``).
    """
    item_kinds, rels = rel_kinds_for(via)
    two_step = tuple(k for k in rels if k != "WORKS_FOR")
    accepted: list[tuple] = []
    where: dict[str, Any] = {}  # other id -> index of its row in accepted, or a list of indices
    others: dict[str, NodeRecord] = {}
    if not two_step:
        return accepted, where, others
    me = node.id
    actor = frozenset(ACTOR_KINDS)
    roles_of = {k: frozenset(ITEM_ROLES[k]) for k in item_kinds}
    seen_item = seen_mine = roles = None
    rows = co_participation(backend, me, rel_kinds=two_step, others=only)
    for row in rows:
        mine, item, theirs, other = row
        if item is not seen_item or mine is not seen_mine:  # per-item checks, redone whenever the objects change
            seen_item, seen_mine = item, mine
            roles = roles_of.get(item.kind)
            if roles is not None and (mine.kind not in roles or mine.start != me):
                roles = None
        if roles is None or other.kind not in actor or theirs.kind not in roles or theirs.start != other.id:
            continue
        oid = other.id
        at = where.get(oid)
        if at is None:
            where[oid] = len(accepted)
            others[oid] = other
        elif type(at) is int:
            where[oid] = [at, len(accepted)]
        else:
            at.append(len(accepted))
        accepted.append(row)
    return accepted, where, others


def _rows_of(accepted, where, oid) -> list[tuple]:
    """One collaborator's rows, in item order (``where`` holds an index, or a list of them)."""
    at = where.get(oid)
    if at is None:
        return []
    return [accepted[at]] if type(at) is int else [accepted[i] for i in at]


def _entries(rows) -> list[list]:
    """Rows merged per item: ``[type, item, other, my ties, their ties]``."""
    out: list[list] = []
    for mine, item, theirs, other in rows:
        if out and out[-1][1].id == item.id:  # ids: another backend may give equal, not identical, records
            out[-1][3].append(mine)
            out[-1][4].append(theirs)
        else:
            out.append([None, item, other, [mine], [theirs]])
    for e in out:
        e[0] = tie_type(e[1].kind, {t.kind for t in e[3]}, {t.kind for t in e[4]})
    return out


def _pairs(backend: Backend, node, via: str | None) -> dict[str, list[list]]:
    """other id -> every entry (shared item or direct employment) of ``node`` with it."""
    accepted, where, _ = _scan(backend, node, via)
    by_other = {oid: _entries(_rows_of(accepted, where, oid)) for oid in where}
    if via in (None, "employment"):
        for e in _employment(backend, node):
            by_other.setdefault(e[2].id, []).append(e)
    return by_other


def _when(e, own_spans: dict | None = None) -> tuple[Any, Any]:
    """(active, when) of one entry without writing its evidence: what --since and --as-of need.

    ``own_spans`` memoises item spans by id: a hub meets each item once per collaborator there.
    """
    kind, item, other, mine, theirs = e
    active: Any
    if item is None:
        active = _union(mine)
        return active, active
    own: Any
    if own_spans is None:
        own = item_span(item)
    else:
        own = own_spans.get(item.id)
        if own is None:
            own = own_spans[item.id] = item_span(item)
    a, b = _union(mine), _union(theirs)
    active = own if a is dates.OPEN and b is dates.OPEN else dates.intersect(own, a, b)
    return active, active or own


def _shared(node, e) -> Shared:
    """The full record of one entry: roles, and when both were on it."""
    kind, item, other, mine, theirs = e
    active, when = _when(e)
    # rows repeat a tie once per tie at the other end: one of each, in sort_key order of first sight
    mine = list({t.sort_key(): t for t in mine}.values())
    theirs = list({t.sort_key(): t for t in theirs}.values())
    if item is None:  # direct employment
        roles = sorted({str(t.props["role"]) for t in mine if t.props.get("role")})
        verb = "works for" if mine[0].start == node.id else "employs"
        text = f"{verb} {other.name}" + (f" ({', '.join(roles)})" if roles else "")
        return Shared(other, None, kind, (text,), (), active, when)
    return Shared(other, item, kind, _labels(mine), _labels(theirs), active, when)


def shared_with(backend: Backend, node, *, via: str | None = None) -> list[Shared]:
    """Everything ``node`` shares with another actor, ordered by (other id, item id)."""
    out = [_shared(node, e) for entries in _pairs(backend, node, via).values() for e in entries]
    out.sort(key=lambda s: (s.other.id, s.item.id if s.item else ""))
    return out


def _union(ties) -> tuple:
    """The widest span the ties of one actor at one item cover (several roles: any of them)."""
    if len(ties) == 1:
        return tie_span(ties[0])
    ss = [tie_span(t) for t in ties]
    los = [s[0] for s in ss]
    his = [s[1] for s in ss]
    return (None if None in los else min(los), None if None in his else max(his))


def _employment(backend: Backend, node) -> list[list]:
    """Entries for direct employment (item None) and, for a person, colleagues at each employer."""
    out = []
    direct: dict[str, list] = {}
    for tie, other in neighbours(backend, node.id, rel_kinds=["WORKS_FOR"]):
        if other.kind in ("Person", "Organisation"):
            direct.setdefault(other.id, [other]).append(tie)
    for oid in sorted(direct):
        other, *ties = direct[oid]
        out.append(["employer", None, other, ties, []])
    if node.kind == "Person":
        last: list[Any] | None = None
        for mine, item, theirs, other in co_participation(backend, node.id, rel_kinds=["WORKS_FOR"]):
            if last is not None and last[1].id == item.id and last[2].id == other.id:
                last[3].append(mine)
                last[4].append(theirs)
                continue
            if mine.start != node.id or theirs.start != other.id or other.kind != "Person":
                continue
            last = ["colleagues", item, other, [mine], [theirs]]
            out.append(last)
    return out


def _years(when) -> list[int]:
    return [y for y in (dates.year(when[0]), dates.year(when[1])) if y is not None]


def _year_range(items) -> tuple[int | None, int | None]:
    """(first_year, last_year) of the shared work; last_year None while some of it is still running.

    A span with a start and no end (a membership "since 2020-02", a project with no
    end date) is ongoing: its last year is not the year it began. Wholly undated
    work says nothing about years and is left out of both.
    """
    years = [y for s in items for y in _years(s.when)]
    if not years:
        return None, None
    ongoing = any(s.when[0] is not None and s.when[1] is None for s in items)
    return min(years), None if ongoing else max(years)


def collaborator_rows(backend: Backend, given: str, *, via: str | None = None, kind: str | None = None,
                      since: str | int | None = None, as_of: str | None = None, limit: int | None = None) -> list[dict]:
    """One row per collaborator, strongest first (ties broken by id), with evidence and years.

    ``since``: only items still running on or after that date (YYYY, YYYY-MM or YYYY-MM-DD, or a year
    as an int; a partial date from its first day; undated ones count);
    ``as_of``: only ties active on that date (relationship from/to and item dates).
    Strengths are summed for everyone; evidence is written only for the rows returned.
    """
    return collaborator_page(backend, given, via=via, kind=kind, since=since, as_of=as_of, limit=limit)[0]


def collaborator_page(backend: Backend, given: str, *, via: str | None = None, kind: str | None = None,
                      since: str | int | None = None, as_of: str | None = None,
                      limit: int | None = None) -> tuple[list[dict], int]:
    """(rows, total): ``collaborator_rows`` and how many collaborators there are before ``limit``
    cuts them, so the command can say the list is cut ("Showing 50 of 287")."""
    node = resolve_actor(backend, given)
    with paused_gc():  # a hub's rows are a few hundred thousand small objects, no cycles
        return _collaborator_rows(backend, node, via, kind, since, as_of, limit)


def _collaborator_rows(backend: Backend, node, via, kind, since, as_of, limit) -> tuple[list[dict], int]:
    wanted = dates.span(as_of, as_of) if as_of else None
    since = dates.low(str(since)) if since is not None else None
    if since is None and wanted is None:
        return _ranked_rows(backend, node, via, kind, limit)
    accepted, where, others = _scan(backend, node, via)
    employment: dict[str, list[list]] = {}
    if via in (None, "employment"):
        for e in _employment(backend, node):
            employment.setdefault(e[2].id, []).append(e)
            others.setdefault(e[2].id, e[2])
    full: dict[str, list[list]] = {}  # the entries kept by --since/--as-of
    ranked = []
    own_spans: dict[str, tuple] = {}
    for oid in sorted(others):
        if kind and others[oid].kind != kind:
            continue
        rows = _rows_of(accepted, where, oid)
        kept = []
        for e in (_entries(rows) if rows else []) + employment.get(oid, []):
            active, when = _when(e, own_spans)
            if ((since is None or when[1] is None or when[1] >= since)
                    and (wanted is None or dates.overlaps(active, wanted))):
                kept.append(e)
        if kept:
            full[oid] = kept
            ranked.append((-sum(WEIGHTS[e[0]] for e in kept), oid))
    total = len(ranked)
    ranked = heapq.nsmallest(limit, ranked) if limit and limit < total else sorted(ranked)
    return _rows(node, ranked, full), total


def _ranked_rows(backend: Backend, node, via, kind, limit) -> tuple[list[dict], int]:
    """Without date filters: strengths summed by ``collaboration.strengths`` (one plain tuple per
    collaborator), then the full rows fetched only for the collaborators printed."""
    weights = weight_table(via)
    summed = strengths(backend, node.id, weights, other_kinds=ACTOR_KINDS) if weights else []
    employment: dict[str, list[list]] = {}
    if via in (None, "employment"):
        for e in _employment(backend, node):
            employment.setdefault(e[2].id, []).append(e)
    if not employment and not kind:  # the hot case (55k tuples for a hub): zip and map run in C
        oids, _, ws = zip(*summed) if summed else ((), (), ())
        ranked = list(zip(map(operator.neg, ws), oids))
    elif not employment:
        ranked = [(-w, oid) for oid, other_kind, w in summed if other_kind == kind]
    else:
        extra = {oid: (emp[0][2].kind, sum(WEIGHTS[e[0]] for e in emp)) for oid, emp in employment.items()}
        ranked = [(-w - extra.pop(oid, (None, 0))[1], oid) for oid, other_kind, w in summed
                  if not kind or other_kind == kind]
        ranked += [(-w, oid) for oid, (other_kind, w) in extra.items() if not kind or other_kind == kind]
    total = len(ranked)
    ranked = heapq.nsmallest(limit, ranked) if limit and limit < total else sorted(ranked)
    shown = [oid for _, oid in ranked]
    accepted, where, _ = _scan(backend, node, via, only=shown)
    entries = {oid: (_entries(_rows_of(accepted, where, oid)) if oid in where else []) + employment.get(oid, [])
               for oid in shown}
    return _rows(node, ranked, entries), total


def _rows(node, ranked, entries_of: dict[str, list[list]]) -> list[dict]:
    """The printed rows: evidence, via and years from each collaborator's entries."""
    out = []
    for neg, oid in ranked:
        items = [_shared(node, e) for e in entries_of[oid]]
        items.sort(key=lambda s: (-s.weight, s.item.id if s.item else ""))
        first_year, last_year = _year_range(items)
        best: dict[str, int] = {}
        for s in items:
            best[VIA[s.type]] = max(best.get(VIA[s.type], 0), s.weight)
        out.append({"id": oid, "name": items[0].other.name, "kind": items[0].other.kind, "strength": -neg,
                    "shared": len(items), "via": sorted(best, key=lambda v: (-best[v], v)),
                    "first_year": first_year, "last_year": last_year,
                    "evidence": [s.evidence() for s in items]})
    return out
