"""One- and two-step walks from a node, built once on ``Backend.incident`` for both backends.

``neighbours``: the ties at a node with the node at their other end.
``co_participation``: two-step ties ``node -mine- item -theirs- other``, the raw
material of who-works-with-whom (``collaborators``, ``strength``).
"""

from __future__ import annotations

from typing import Iterable

from ..backends.base import Backend, NodeRecord, Tie

__all__ = ["neighbours", "co_participation", "CoRow"]

#: (my tie, the shared item, their tie, the other node).
CoRow = tuple[Tie, NodeRecord, Tie, NodeRecord]


def neighbours(backend: Backend, node_id: str, *, rel_kinds: Iterable[str] | None = None,
               direction: str = "both") -> list[tuple[Tie, NodeRecord]]:
    """Ties at ``node_id`` with the node at their other end, sorted by (tie, other id)."""
    rows = [(t, o) for _, t, o in backend.incident([node_id], rel_kinds=rel_kinds, direction=direction)]
    rows.sort(key=lambda r: (r[0].sort_key(), r[1].id))
    return rows


def co_participation(backend: Backend, node_id: str, *, rel_kinds: Iterable[str] | None = None,
                     others: Iterable[str] | None = None) -> list[CoRow]:
    """Two-step ties ``node -mine- item -theirs- other`` (other != node), each tie of ``rel_kinds``
    in either direction; sorted by (item id, other id, mine, theirs).

    ``others``: only the rows whose other is one of these ids. Then the walk goes
    out from those few others, not from the node: a hub has tens of thousands of
    items, and the evidence of the 50 collaborators printed needs only theirs.
    """
    kinds = tuple(rel_kinds) if rel_kinds is not None else None
    mine_at: dict[str, list[Tie]] = {}
    items: dict[str, NodeRecord] = {}
    for _, tie, item in backend.incident([node_id], rel_kinds=kinds):
        if item.id != node_id:
            mine_at.setdefault(item.id, []).append(tie)
            items[item.id] = item
    if not mine_at:
        return []
    rows: list[CoRow] = []
    if others is None:
        # incident's order is (item, other, tie): rows of one (item, other) are adjacent, so every
        # mine-then-theirs combination comes out in contract order without sorting (a hub has 80k rows)
        theirs = [r for r in backend.incident(sorted(mine_at), rel_kinds=kinds) if r[2].id != node_id]
        i, n = 0, len(theirs)
        while i < n:
            item_id, _, other = theirs[i]
            j = i + 1
            while j < n and theirs[j][0] == item_id and theirs[j][2].id == other.id:
                j += 1
            item, mines = items[item_id], mine_at[item_id]
            if len(mines) == 1 and j == i + 1:
                rows.append((mines[0], item, theirs[i][1], other))
            else:
                rows += [(m, item, t, o) for m in mines for _, t, o in theirs[i:j]]
            i = j
        return rows
    else:
        wanted = sorted({o for o in others if o != node_id})
        records = {r.id: r for r in _records(backend, wanted)}
        for other_id, tie, item in backend.incident(wanted, rel_kinds=kinds):
            if item.id in mine_at and other_id in records:
                rows += [(m, items[item.id], tie, records[other_id]) for m in mine_at[item.id]]
    rows.sort(key=lambda r: (r[1].id, r[3].id, r[0].sort_key(), r[2].sort_key()))
    return rows


def _records(backend: Backend, ids: list[str]) -> list[NodeRecord]:
    return [r for r in (backend.node(i) for i in ids) if r is not None]
