"""A Cypher script (``cypher-shell -f FILE``) that rebuilds a graph in Neo4j.

A script file cannot carry query parameters, so values are written as Cypher
literals: strings single-quoted with backslash, quote, newline, carriage
return, tab and every other control character escaped (``\\\\``, ``\\'``,
``\\n``, ``\\uXXXX``); map keys in backticks (a backtick doubled). Labels and
relationship types come only from the schema; a kind the schema does not name
stops the export rather than reach the script.

The statements and rows are the ones ``lcg load --neo4j`` sends
(graph/backends/cypher_statements.py, neo4j_load.node_row/rel_row), with the
rows inlined: constraints first, then ``UNWIND [rows] AS row MERGE`` per node
kind and per (type, start label, end label), in batches, on ``id`` for nodes
and on (type, ends, key field) for relationships, and ``SET x = row.props``
with the same bookkeeping properties, so running it twice changes nothing and
``lcg --neo4j`` reads the result like a loaded graph.
"""

from __future__ import annotations

import math
from pathlib import Path

from graph import schema

__all__ = ["write_cypher", "cypher_script", "literal", "string_literal", "comment_text", "BATCH"]

BATCH = 500

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _unsafe(ch: str) -> bool:
    """A character that can end a line for some reader (C0, DEL, C1 incl. NEL, U+2028/9) or is no UTF-8."""
    o = ord(ch)
    return o < 0x20 or 0x7f <= o <= 0x9f or ch in "\u2028\u2029" or 0xd800 <= o <= 0xdfff


def string_literal(text: str) -> str:
    out = []
    for ch in str(text):
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif _unsafe(ch):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def comment_text(text: str) -> str:
    """Data text for a ``//`` comment: every character that could end the line becomes a space."""
    return "".join(" " if _unsafe(ch) else ch for ch in str(text))


def _key(name: str) -> str:
    return "`" + str(name).replace("`", "``") + "`"


def literal(value) -> str:
    """A Cypher literal for a str, int, float, bool, None, list or dict."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} has no Cypher literal")
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {literal(v)}" for k, v in value.items()) + "}"
    return string_literal(value)


def cypher_script(g, *, dataset: str | None = None):
    """The script's statements, one string each (without the ``;``).

    The statements and rows are ``lcg load``'s own (``cypher_statements``,
    ``neo4j_load.node_row`` / ``rel_row``), with ``$rows`` replaced by the rows
    as a literal: one source of truth for what a loaded graph looks like.
    """
    from graph.backends import cypher_statements as cypher
    from graph.backends.base import NodeRecord, Tie
    from graph.backends.neo4j_load import node_row, rel_row

    dataset = dataset or str(g.graph.get("name") or "export")
    unknown = sorted({k for _, k in g.nodes(data="kind")} - set(schema.NODE_KINDS)) + sorted(
        {k for _, _, k in g.edges(data="kind")} - set(schema.REL_KINDS))
    if unknown:
        raise ValueError(f"kinds not in the schema: {', '.join(map(repr, unknown))}")
    nodes_by_kind: dict[str, list] = {}
    for n in sorted(g.nodes):
        d = g.nodes[n]
        kind = d.get("kind", "")
        props = {k: v for k, v in d.items() if k not in ("kind", "id") and v is not None}
        nodes_by_kind.setdefault(kind, []).append(node_row(NodeRecord(n, kind, props), dataset))
    groups: dict[tuple, list] = {}
    for u, v, d in g.edges(data=True):
        kind = d.get("kind", "")
        props = {k: val for k, val in d.items() if k != "kind" and val is not None}
        row = rel_row(Tie(kind, u, v, props), dataset)
        groups.setdefault((kind, g.nodes[u].get("kind", ""), g.nodes[v].get("kind", "")), []).append(row)

    yield (f"// lcg export: {g.number_of_nodes()} nodes and {g.number_of_edges()} relationships of "
           f"{comment_text(dataset)}. Run with: cypher-shell -f FILE")
    for kind in schema.NODE_KINDS:
        if kind in nodes_by_kind:
            yield cypher.id_constraint(kind)
    for kind in schema.NODE_KINDS:
        rows = nodes_by_kind.get(kind, [])
        for i in range(0, len(rows), BATCH):
            yield _inline(cypher.merge_nodes(kind), rows[i:i + BATCH])
    for key in sorted(groups):
        rows = sorted(groups[key], key=lambda r: (r["start"], r["end"], r["key"]))
        for i in range(0, len(rows), BATCH):
            yield _inline(cypher.merge_rels(*key), rows[i:i + BATCH])


def _inline(statement: str, rows: list) -> str:
    assert statement.count("$rows") == 1, statement
    return statement.replace("$rows", literal(rows))


def write_cypher(g, path, *, dataset: str | None = None) -> Path:
    path = Path(path)
    statements = list(cypher_script(g, dataset=dataset))
    from graph.atomic_write import atomic_write

    with atomic_write(path) as fh:
        fh.write(statements[0] + "\n")
        for s in statements[1:]:
            fh.write(s + ";\n")
    return path
