"""What ``lcg stats`` and ``lcg show`` report: counts, and one node with its ties."""

from __future__ import annotations

from typing import Any

from . import schema
from .backends.base import Backend
from .queries.walks import neighbours
from .search import resolve

__all__ = ["stats_rows", "show_node", "TIE_COLUMNS"]

TIE_COLUMNS = ["direction", "relationship", "other_id", "other_kind", "other_name", "role", "since", "from", "to",
               "amount", "currency", "period", "award", "outcome", "date", "note", "sources"]


def stats_rows(backend: Backend) -> list[dict]:
    """One row per node kind and relationship kind, in schema order, zeros included."""
    nodes, rels = backend.counts()
    rows = [{"type": "node", "kind": k, "count": nodes.get(k, 0)} for k in schema.NODE_KINDS]
    rows += [{"type": "relationship", "kind": k, "count": rels.get(k, 0)} for k in schema.REL_KINDS]
    rows.append({"type": "total", "kind": "nodes", "count": sum(nodes.values())})
    rows.append({"type": "total", "kind": "relationships", "count": sum(rels.values())})
    return rows


def show_node(backend: Backend, given: str, sources: dict | None = None) -> dict:
    """A node's fields, its ties out and in (with the other end's name) and its sources.

    ``sources``: the data folder's ``graph.sources.read_sources``; ``source_titles`` then
    gives each of the node's sources as {key, title, url} (a key without an entry reads as itself).
    """
    from .sources import source_info

    node = resolve(backend, given)
    ties = []
    for tie, other in neighbours(backend, node.id):
        row: dict[str, Any] = {"direction": "out" if tie.start == node.id else "in", "relationship": tie.kind,
               "other_id": other.id, "other_kind": other.kind, "other_name": other.name}
        for f in ("role", "since", "from", "to", "amount", "currency", "period", "award", "outcome", "date", "note"):
            if f in tie.props:
                row[f] = tie.props[f]
        row["sources"] = list(tie.props.get("sources", ()))
        ties.append(row)
    ties.sort(key=lambda r: (r["direction"] != "out", r["relationship"], r["other_name"].casefold(), r["other_id"]))
    fields = {k: v for k, v in node.props.items() if k != "sources"}
    keys = list(node.props.get("sources", ()))
    return {"id": node.id, "kind": node.kind, "fields": fields, "sources": keys,
            "source_titles": [source_info(k, sources or {}) for k in keys], "relationships": ties}
