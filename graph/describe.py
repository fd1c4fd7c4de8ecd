"""What ``lcg stats`` and ``lcg show`` report: counts, and one node with its ties."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

from . import schema
from .backends.base import Backend
from .search import resolve

__all__ = ["stats_rows", "show_node", "TIE_COLUMNS", "TIE_FIELDS"]

#: Every field a tie may have (graph/schema.py's relationship kinds), in reading order: who and when first,
#: then any other field the schema names, the note last; sources have their own column.
_TIE_FIRST = ("role", "named_as", "since", "from", "to", "amount", "currency", "period")
TIE_FIELDS = (*_TIE_FIRST, *dict.fromkeys(f.name for k in schema.REL_KINDS.values() for f in k.fields
                                          if f.name not in (*_TIE_FIRST, "sources", "note")), "note")
TIE_COLUMNS = ["direction", "relationship", "other_id", "other_kind", "other_name", *TIE_FIELDS, "sources"]


def stats_rows(backend: Backend) -> list[dict]:
    """One row per node kind and relationship kind, in schema order, zeros included."""
    nodes, rels = backend.counts()
    rows = [{"type": "node", "kind": k, "count": nodes.get(k, 0)} for k in schema.NODE_KINDS]
    rows += [{"type": "relationship", "kind": k, "count": rels.get(k, 0)} for k in schema.REL_KINDS]
    rows.append({"type": "total", "kind": "nodes", "count": sum(nodes.values())})
    rows.append({"type": "total", "kind": "relationships", "count": sum(rels.values())})
    return rows


def show_node(backend: Backend, given: str, sources: dict | None = None, *, limit: int | None = None,
              offset: int = 0, relationship: str | None = None) -> dict:
    """A node's fields, its ties out and in (with the other end's name) and its sources.

    ``sources``: the data folder's ``graph.sources.read_sources``; ``source_titles`` then
    gives each of the node's sources as {key, title, url} (a key without an entry reads as itself).

    Without ``limit`` (what `lcg show` asks by default): every tie, sorted by
    (direction, kind, other's name, other's id). With ``limit``: a page per relationship
    kind, the ties ``offset .. offset+limit`` of each kind in the same order (out, then
    in, then name), the kinds one after another; ``relationship_groups`` then gives each
    kind's total, so a reader can page on. A hub funds ~19k projects in the 1M benchmark
    and building a row per tie was most of its page's time (bench/RESULTS.md, "lcg
    serve"); a page now builds rows only for the ties it shows. ``relationship``: only
    ties of that kind (the schema's spelling, case ignored).
    """
    from .errors import OutOfRange
    from .sources import source_info

    if limit is not None and limit < 0:
        raise OutOfRange("limit", limit, "must be 0 or more")
    if offset < 0:
        raise OutOfRange("offset", offset, "must be 0 or more")
    kind = _rel_kind(relationship) if relationship is not None else None
    node = resolve(backend, given)
    me = node.id
    fields = {k: v for k, v in node.props.items() if k != "sources"}
    keys = list(node.props.get("sources", ()))
    info: dict[str, Any] = {"id": me, "kind": node.kind, "fields": fields, "sources": keys,
                            "source_titles": [source_info(k, sources or {}) for k in keys]}
    incident = backend.incident([me], rel_kinds=[kind] if kind else None)
    if limit is None and not offset and kind is None:
        incident.sort(key=lambda r: (r[1].start != me, r[1].kind, r[2].name.casefold(), r[2].id, r[1].sort_key()))
        info["relationships"] = [_tie_row(me, t, o) for _, t, o in incident]
        return info
    by_kind: dict[str, list] = {}
    for row in incident:
        by_kind.setdefault(row[1].kind, []).append(row)
    # kinds in the order the full answer meets them: those with a tie out first, then the rest, by name
    order = sorted(by_kind, key=lambda k: (all(t.start != me for _, t, _ in by_kind[k]), k))
    ties, groups = [], []
    end = None if not limit else offset + limit
    for k in order:
        rows = by_kind[k]
        picked = _first(backend, (me, k), rows, end, key=lambda r: (r[1].start != me, r[2].name.casefold(), r[2].id,
                                                                    r[1].sort_key()))
        page = [_tie_row(me, t, o) for _, t, o in picked[offset:end]]
        ties += page
        groups.append({"relationship": k, "total": len(rows), "offset": offset, "count": len(page)})
    info["relationships"] = ties
    info["relationship_groups"] = groups
    return info


def _first(backend: Backend, group: tuple, rows: list, n: int | None, *, key) -> list:
    """At least the ``n`` smallest rows by ``key``, in order (all of them when ``n`` is None).

    A first page of a big group picks its few rows with a heap; a later page sorts the
    whole group once and, on a backend whose data cannot change (``immutable``), keeps
    that order, so paging on through a hub's 19k ties costs each page only its rows.
    """
    if n is not None and n * 32 <= len(rows):
        import heapq

        return heapq.nsmallest(n, rows, key=key)
    if len(rows) < _KEEP_FROM or not getattr(backend, "immutable", False):
        return sorted(rows, key=key)
    with _SORTED_LOCK:
        kept = _SORTED.setdefault(backend, OrderedDict())
        found = kept.get(group)
        if found is not None:
            kept.move_to_end(group)
            return found
    found = sorted(rows, key=key)
    with _SORTED_LOCK:
        kept[group] = found
        while len(kept) > _SORTED_SIZE:
            kept.popitem(last=False)
    return found


#: Groups of at least this many ties keep their order between pages; the last ``_SORTED_SIZE`` of them.
_KEEP_FROM, _SORTED_SIZE = 1000, 32
_SORTED: "weakref.WeakKeyDictionary[Any, OrderedDict]" = weakref.WeakKeyDictionary()
_SORTED_LOCK = threading.Lock()


def _rel_kind(given: str) -> str:
    from .errors import BadOption

    by_lower = {k.lower(): k for k in schema.REL_KINDS}
    found = by_lower.get(given.strip().lower())
    if found is None:
        raise BadOption("relationship", given, f"is not a relationship kind (one of: {', '.join(schema.REL_KINDS)})")
    return found


def _tie_row(me: str, tie, other) -> dict:
    row: dict[str, Any] = {"direction": "out" if tie.start == me else "in", "relationship": tie.kind,
                           "other_id": other.id, "other_kind": other.kind, "other_name": other.name}
    for f in TIE_FIELDS:
        if f in tie.props:
            row[f] = tie.props[f]
    row["sources"] = list(tie.props.get("sources", ()))
    return row


