"""A Cypher script (``cypher-shell -f FILE``) that rebuilds a graph in Neo4j.

A script file cannot carry query parameters, so values are written as Cypher
literals: strings single-quoted with backslash, quote, newline, carriage
return, tab and every other control character escaped (``\\\\``, ``\\'``,
``\\n``, ``\\uXXXX``); map keys in backticks (a backtick doubled). Labels and
relationship types come only from the schema; a kind the schema does not name
stops the export rather than reach the script.

The statements are the ones ``lcg load --neo4j`` sends (graph/backends/
cypher_statements.py), with the rows inlined: constraints first, then
``UNWIND [rows] AS row MERGE`` per node kind and per (type, start label, end
label), in batches, on ``id`` for nodes and on (type, ends, key field) for
relationships, and ``SET x = row.props`` with the same bookkeeping properties
(``dataset``, ``lcg_order``, ``lcg_key``), so running it twice changes nothing
and ``lcg --neo4j`` reads the result like a loaded graph.
"""

from __future__ import annotations

import math
from pathlib import Path

from graph import schema

__all__ = ["write_cypher", "cypher_script", "literal", "string_literal", "BATCH"]

BATCH = 500
# Same names as graph/backends/cypher_statements.py (DATASET, ORDER, REL_KEY); a test keeps them equal.
DATASET = "dataset"
ORDER = "lcg_order"
REL_KEY = "lcg_key"

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def string_literal(text: str) -> str:
    out = []
    for ch in str(text):
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ord(ch) < 0x20 or ch in "\u2028\u2029\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


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


def _label(kind: str) -> str:
    if kind not in schema.NODE_KINDS:
        raise ValueError(f"node kind {kind!r} is not in the schema")
    return kind


def _type(kind: str) -> str:
    if kind not in schema.REL_KINDS:
        raise ValueError(f"relationship kind {kind!r} is not in the schema")
    return kind


def _plain(v):
    return list(v) if isinstance(v, tuple) else v


def cypher_script(g, *, dataset: str | None = None):
    """The script's statements, one string each (without the ``;``)."""
    dataset = dataset or str(g.graph.get("name") or "export")
    nodes_by_kind: dict[str, list] = {}
    for n in sorted(g.nodes):
        d = g.nodes[n]
        props = {k: _plain(v) for k, v in d.items() if k != "kind" and v is not None}
        props.pop("id", None)
        stored = {"id": n, **props, DATASET: dataset, ORDER: list(props)}
        nodes_by_kind.setdefault(_label(d.get("kind", "")), []).append({"id": n, "props": stored})
    yield (f"// lcg export: {g.number_of_nodes()} nodes and {g.number_of_edges()} relationships of "
           f"{dataset.replace(chr(10), ' ')}. Run with: cypher-shell -f FILE")
    for kind in schema.NODE_KINDS:
        if kind in nodes_by_kind:
            yield (f"CREATE CONSTRAINT lcg_{kind.lower()}_id IF NOT EXISTS "
                   f"FOR (n:{kind}) REQUIRE n.id IS UNIQUE")
    for kind in schema.NODE_KINDS:
        rows = nodes_by_kind.get(kind, [])
        for i in range(0, len(rows), BATCH):
            yield (f"UNWIND {literal(rows[i:i + BATCH])} AS row "
                   f"MERGE (n:{kind} {{id: row.id}}) SET n = row.props")
    groups: dict[tuple, list] = {}
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("kind", ""),
                                                             str(e[2].get(REL_KEY, "")))):
        kind = _type(d.get("kind", ""))
        props = {k: _plain(val) for k, val in d.items() if k != "kind" and val is not None}
        key_field = schema.REL_KINDS[kind].key_field
        key = "" if not key_field or props.get(key_field) is None else str(props[key_field])
        stored = {**props, REL_KEY: key, DATASET: dataset, ORDER: list(props)}
        start, end = g.nodes[u].get("kind", ""), g.nodes[v].get("kind", "")
        groups.setdefault((kind, _label(start), _label(end)), []).append(
            {"start": u, "end": v, "key": key, "props": stored})
    for (kind, start, end) in sorted(groups):
        rows = groups[(kind, start, end)]
        for i in range(0, len(rows), BATCH):
            yield (f"UNWIND {literal(rows[i:i + BATCH])} AS row "
                   f"MATCH (a:{start} {{id: row.start}}) MATCH (b:{end} {{id: row.end}}) "
                   f"MERGE (a)-[r:{kind} {{{REL_KEY}: row.key}}]->(b) SET r = row.props")


def write_cypher(g, path, *, dataset: str | None = None) -> Path:
    path = Path(path)
    statements = list(cypher_script(g, dataset=dataset))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(statements[0] + "\n")
        for s in statements[1:]:
            fh.write(s + ";\n")
    return path
