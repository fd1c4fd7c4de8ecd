"""`lcg path A B`: every shortest chain of relationships between two nodes, written out.

A chain reads as the graph says it, each tie in its own direction:
``University of Wolverhampton -PARTNER_IN-> X <-FUNDS- Y``. Theme ties
(ADDRESSES) are left out unless asked for: two bodies "working on digital
inclusion" is a shared topic, not a connection anyone can use.
"""

from __future__ import annotations

from .. import schema
from ..backends.base import Path
from ..bulk import paused_gc
from ..errors import LcgError
from ..search import resolve

__all__ = ["path_rows", "chain_text", "theme_ends", "COLUMNS", "DEFAULT_MAX_HOPS"]

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


def path_rows(backend, a: str, b: str, *, max_hops: int = DEFAULT_MAX_HOPS, themes: bool = False,
              through: str | None = None, limit: int | None = None) -> tuple[list[dict], int]:
    """(rows, total): the shortest connections from ``a`` to ``b`` (ids or names), at most ``limit`` of them.

    ``through``: instead, the connections that pass through that node (a shortest
    route to it joined to a shortest route on from it, each of at most
    ``max_hops``; chains that visit a node twice are dropped), for "how are we
    connected to Cork through that event?". No connection gives no rows; the
    caller says so.
    """
    if max_hops < 1:
        raise LcgError(f"--max-hops must be at least 1 (got {max_hops})")
    start, end = resolve(backend, a), resolve(backend, b)
    if start.id == end.id:
        raise LcgError(f"{a!r} and {b!r} are the same node ({start.id}); give two different ones")
    kinds = None if themes else _WITHOUT_THEMES
    if through is not None:
        through = resolve(backend, through)
        if through.id in (start.id, end.id):
            raise LcgError(f"--through {through.id!r} is one of the two ends; give a node between them")
    with paused_gc():
        paths = _paths(backend, start, end, through, max_hops, kinds)
    rows = [{"hops": len(p.ties), "path": chain_text(p), "ids": [n.id for n in p.nodes]} for p in paths]
    return (rows[:limit] if limit else rows), len(rows)


def _paths(backend, start, end, through, max_hops, kinds) -> list[Path]:
    if through is None:
        paths = backend.shortest_paths(start.id, end.id, max_hops=max_hops, rel_kinds=kinds)
    else:
        via = through
        first = backend.shortest_paths(start.id, via.id, max_hops=max_hops, rel_kinds=kinds)
        second = backend.shortest_paths(via.id, end.id, max_hops=max_hops, rel_kinds=kinds) if first else []
        paths = [Path(p.nodes + q.nodes[1:], p.ties + q.ties) for p in first for q in second
                 if len({n.id for n in p.nodes + q.nodes[1:]}) == len(p.nodes) + len(q.nodes) - 1]
        paths.sort(key=lambda p: (len(p.ties), p.sort_key()))
    return paths


def theme_ends(backend, *given: str | None) -> list[str]:
    """The ids among ``given`` (ends, and --through) that are themes: without ``--themes`` a theme
    connects only to its parent and sub-themes, so "no connection" to one should suggest ``--themes``."""
    return [n.id for n in (resolve(backend, g) for g in given if g) if n.kind == "Theme"]
