"""`lcg path A B`: every shortest chain of relationships between two nodes, written out.

A chain reads as the graph says it, each tie in its own direction:
``University of Wolverhampton -PARTNER_IN-> X <-FUNDS- Y``. Theme ties
(ADDRESSES) are left out unless asked for: two bodies "working on digital
inclusion" is a shared topic, not a connection anyone can use.
"""

from __future__ import annotations

from typing import Iterable, Protocol, runtime_checkable

from .. import schema
from ..backends.base import Backend, NodeRecord, Path, Tie
from ..gc_pause import paused_gc
from ..errors import BadOption, SameNode
from ..search import resolve

__all__ = ["path_rows", "shortest_paths", "chain_text", "theme_ends", "COLUMNS", "DEFAULT_MAX_HOPS"]

COLUMNS = ["hops", "path", "ids"]
DEFAULT_MAX_HOPS = 4
_WITHOUT_THEMES = tuple(k for k in schema.REL_KINDS if k != "ADDRESSES")


def chain_text(path) -> str:
    """``A -KIND-> B <-KIND- C``: names, and each relationship pointing the way it is stored."""
    parts = [path.nodes[0].name]
    for tie, node in zip(path.ties, path.nodes[1:]):
        role = tie.props.get("role")
        label = f"{tie.kind}({role})" if role else tie.kind
        parts.append(f"-{label}->" if tie.end == node.id else f"<-{label}-")
        parts.append(node.name)
    return " ".join(parts)


def path_rows(backend: Backend, a: str, b: str, *, max_hops: int = DEFAULT_MAX_HOPS, themes: bool = False,
              through: str | None = None, limit: int | None = None) -> tuple[list[dict], int]:
    """(rows, total): the shortest connections from ``a`` to ``b`` (ids or names), at most ``limit`` of them.

    ``through``: instead, the connections that pass through that node (a shortest
    route to it joined to a shortest route on from it, each of at most
    ``max_hops``; chains that visit a node twice are dropped), for "how are we
    connected to Cork through that event?". No connection gives no rows; the
    caller says so.
    """
    if max_hops < 1:
        raise BadOption("max_hops", max_hops, "must be at least 1")
    start, end = resolve(backend, a), resolve(backend, b)
    if start.id == end.id:
        raise SameNode(f"{a!r} and {b!r} are the same node ({start.id}); give two different ones")
    kinds = None if themes else _WITHOUT_THEMES
    via = None
    if through is not None:
        via = resolve(backend, through)
        if via.id in (start.id, end.id):
            raise BadOption("through", via.id, "is one of the two ends; give a node between them")
    with paused_gc():
        paths = _paths(backend, start, end, via, max_hops, kinds)
    rows = [{"hops": len(p.ties), "path": chain_text(p), "ids": [n.id for n in p.nodes]} for p in paths]
    return (rows[:limit] if limit else rows), len(rows)


@runtime_checkable
class SearchHints(Protocol):
    """What a backend may offer the search besides ``incident``: the embedded graph answers both
    from its adjacency without building a record. ``degree``: ties at a node, so the search expands
    the side with fewer ties to read (a frontier of one national funder costs more than fifty small
    charities); ``adjacent``: (node, neighbour id) pairs over ties of ``rel_kinds``, for the levels
    the search walks; ``ties_between``: the ties of ``rel_kinds`` joining two nodes, either way, for
    the steps of the shortest paths found (else read with ``incident`` at the nodes on them)."""

    def degree(self, node_id: str) -> int: ...

    def adjacent(self, node_ids: Iterable[str], *,
                 rel_kinds: Iterable[str] | None = None) -> Iterable[tuple[str, str]]: ...

    def ties_between(self, u: str, v: str, *, rel_kinds: Iterable[str] | None = None) -> list[Tie]: ...


def _paths(backend: Backend, start: NodeRecord, end: NodeRecord, via: NodeRecord | None, max_hops: int,
           kinds) -> list[Path]:
    if via is None:
        return shortest_paths(backend, start.id, end.id, max_hops=max_hops, rel_kinds=kinds)
    first = shortest_paths(backend, start.id, via.id, max_hops=max_hops, rel_kinds=kinds)
    second = shortest_paths(backend, via.id, end.id, max_hops=max_hops, rel_kinds=kinds) if first else []
    paths = [Path(p.nodes + q.nodes[1:], p.ties + q.ties) for p in first for q in second
             if len({n.id for n in p.nodes + q.nodes[1:]}) == len(p.nodes) + len(q.nodes) - 1]
    paths.sort(key=lambda p: (len(p.ties), p.sort_key()))
    return paths


def shortest_paths(backend: Backend, a: str, b: str, *, max_hops: int = DEFAULT_MAX_HOPS,
                   rel_kinds: Iterable[str] | None = None) -> list[Path]:
    """All shortest undirected paths from ``a`` to ``b`` of at most ``max_hops`` ties, one Path per
    distinct chain of relationships, sorted by ``Path.sort_key``; none when a or b is unknown or a == b.

    A bidirectional breadth-first search: each step expands one side's frontier by
    one whole level in one batched read (the side with fewer ties to read when the
    backend gives ``SearchHints``, else fewer nodes); the first level at which the
    two searches meet gives the shortest length, and every shortest path passes
    through a node met at exactly (level A, level B). Why not networkx's
    ``all_shortest_paths``: it walks out from ``a`` through every hub
    (bench/RESULTS.md, "Who works with whom").
    """
    if a == b:
        return []
    ra, rb = backend.node(a), backend.node(b)
    if ra is None or rb is None:
        return []
    kinds = tuple(rel_kinds) if rel_kinds is not None else None
    hints = backend if isinstance(backend, SearchHints) else None
    dist: tuple[dict[str, int], dict[str, int]] = ({a: 0}, {b: 0})
    preds: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
    frontier: tuple[list[str], list[str]] = ([a], [b])
    level = [0, 0]
    while level[0] + level[1] < max_hops:
        if hints is None:
            cost = (len(frontier[0]), len(frontier[1]))
        else:
            cost = (sum(map(hints.degree, frontier[0])), sum(map(hints.degree, frontier[1])))
        s = 0 if cost[0] <= cost[1] else 1
        if not frontier[s]:
            return []
        seen, before, d = dist[s], preds[s], level[s] + 1
        new: list[str] = []
        pairs = (hints.adjacent(frontier[s], rel_kinds=kinds) if hints is not None else
                 ((u, o.id) for u, _, o in backend.incident(frontier[s], rel_kinds=kinds)))
        for u, v in pairs:
            if v == u:
                continue
            at = seen.get(v)
            if at is None:
                seen[v] = d
                before[v] = {u}
                new.append(v)
            elif at == d:
                before[v].add(u)
        level[s] = d
        frontier[s][:] = sorted(new)
        meet = sorted(v for v in new if dist[1 - s].get(v) == level[1 - s])
        if meet:
            return _assemble(backend, kinds, ra, rb, meet, preds)
    return []


def _assemble(backend: Backend, kinds, ra: NodeRecord, rb: NodeRecord, meet: list[str], preds) -> list[Path]:
    """Every chain of ties along the node paths the predecessors give (ties read once, for those nodes)."""
    a, b = ra.id, rb.id

    def chains(v: str, side: int, root: str) -> list[list[str]]:
        if v == root:
            return [[root]]
        return [p + [v] for u in sorted(preds[side][v]) for p in chains(u, side, root)]

    node_paths = [head + tail[::-1][1:] for m in meet for head in chains(m, 0, a) for tail in chains(m, 1, b)]
    steps = {frozenset(pair) for ids in node_paths for pair in zip(ids, ids[1:])}
    on_paths = sorted({n for ids in node_paths for n in ids})
    records: dict[str, NodeRecord] = {a: ra, b: rb}
    ties: dict[frozenset, dict[tuple, Tie]] = {}
    if isinstance(backend, SearchHints):
        for step in steps:
            u, v = sorted(step)
            ties[step] = {t.sort_key(): t for t in backend.ties_between(u, v, rel_kinds=kinds)}
        for n in on_paths:
            if n not in records:
                found = backend.node(n)
                if found is not None:
                    records[n] = found
    else:
        for u, tie, other in backend.incident(on_paths, rel_kinds=kinds):
            step = frozenset((u, other.id))
            if step in steps:
                records.setdefault(other.id, other)
                ties.setdefault(step, {})[tie.sort_key()] = tie
    paths: list[Path] = []
    for ids in node_paths:
        links: list[tuple[Tie, ...]] = [()]
        for u, v in zip(ids, ids[1:]):
            hops = sorted(ties[frozenset((u, v))].values(), key=Tie.sort_key)
            links = [c + (t,) for c in links for t in hops]
        nodes = tuple(records[n] for n in ids)
        paths.extend(Path(nodes, c) for c in links)
    paths.sort(key=Path.sort_key)
    return paths


def theme_ends(backend: Backend, *given: str | None) -> list[str]:
    """The ids among ``given`` (ends, and --through) that are themes: without ``--themes`` a theme
    connects only to its parent and sub-themes, so "no connection" to one should suggest ``--themes``."""
    return [n.id for n in (resolve(backend, g) for g in given if g) if n.kind == "Theme"]
