"""The Cypher backend: the storage primitives (base.Backend) over Bolt, with the embedded graph's answers.

Each primitive is a few simple, label-specific reads (statements in
``cypher_statements``); ordering is done here in Python exactly as
``embedded.py`` does it, and walks, paths and strengths are done once above
both backends (``graph/queries``), so both backends return the
same records in the same order with the same properties (lists as lists, ints
as ints, dates as the ISO strings the data holds, absent fields absent). Only
what an lcg load wrote (nodes and ties carrying ``dataset``) is read.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .. import schema
from . import cypher_statements as cypher
from .base import Incident, NodeRecord, Subgraph, Tie, check_direction
from .bolt import BoltConfig, bolt_config, connect, translate_errors

__all__ = ["Neo4jBackend", "open_neo4j_backend", "data_props"]

READ_CHUNK = 5000


def field_order(kind: str) -> tuple[str, ...]:
    """The schema's field order of a node or relationship kind: the stored order when none is recorded."""
    k = schema.NODE_KINDS.get(kind) or schema.REL_KINDS.get(kind)
    return k.field_names if k else ()


def data_props(raw, kind: str, *, drop=("id",)) -> dict:
    """A record's own fields, in the data's order, without lcg's bookkeeping.

    The loader records the data's field order (``lcg_order``) only when it is not
    the schema's, which is the usual case and saves a property per record.
    """
    order = raw.get(cypher.ORDER) or field_order(kind)
    skip = cypher.BOOKKEEPING | set(drop)
    props = {k: raw[k] for k in order if k in raw and k not in skip}
    for k in sorted(raw):
        if k not in props and k not in skip:
            props[k] = raw[k]
    return props


def _kind(labels) -> str | None:
    return next((label for label in labels if label in schema.NODE_KINDS), None)


def _node(kind: str, raw) -> NodeRecord:
    return NodeRecord(raw["id"], kind, data_props(raw, kind))


def _wanted(kinds, table) -> list[str]:
    """The requested kinds that exist in the schema, in schema order (unknown kinds match nothing)."""
    if kinds is None:
        return list(table)
    asked = set(kinds)
    return [k for k in table if k in asked]


def _chunks(items: list, size: int = READ_CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Neo4jBackend:
    """Primitives over a Bolt server; one driver, closed by ``close()``."""

    def __init__(self, driver, config: BoltConfig):
        self.driver = driver
        self.config = config
        self._kinds: dict[str, str] = {}

    def close(self) -> None:
        self.driver.close()

    def describe(self) -> str | None:
        return self.config.where

    def __enter__(self) -> "Neo4jBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, statement: str, **params) -> list:
        """One managed read transaction (transient errors retried), its records."""
        import neo4j

        with translate_errors(self.config, "reading from"):
            return self.driver.execute_query(statement, parameters_=params, database_=self.config.database,
                                             routing_=neo4j.RoutingControl.READ).records

    # -- records -----------------------------------------------------------------
    def _remember(self, record: NodeRecord) -> NodeRecord:
        self._kinds[record.id] = record.kind
        return record

    def _kinds_of(self, node_ids: list[str]) -> dict[str, list[str]]:
        """The given ids that exist, grouped by kind (ids not met before looked up in one read per kind)."""
        unknown = sorted({n for n in node_ids if n not in self._kinds})
        if unknown:
            for kind in schema.NODE_KINDS:
                for chunk in _chunks(unknown):
                    for r in self._read(cypher.nodes_by_ids(kind), ids=chunk):
                        self._remember(_node(kind, r["props"]))
        by_kind: dict[str, list[str]] = defaultdict(list)
        for n in sorted(set(node_ids)):
            found = self._kinds.get(n)
            if found is not None:
                by_kind[found].append(n)
        return by_kind

    @staticmethod
    def _tie(kind: str, start: str, end: str, raw) -> Tie:
        return Tie(kind, start, end, data_props(raw, kind, drop=()))

    def _incident(self, ids_by_kind: dict[str, list[str]], rel_kinds, direction: str):
        """Rows (source id, tie, other end) at these nodes: out-ties first, then in-ties, as embedded does."""
        kinds = sorted(set(rel_kinds)) if rel_kinds is not None else None
        sides = ("out", "in") if direction == "both" else (direction,)
        rows = []
        for side in sides:
            for kind, ids in ids_by_kind.items():
                for chunk in _chunks(sorted(set(ids))):
                    for r in self._read(cypher.incident(kind, side), ids=chunk, kinds=kinds):
                        other_kind = _kind(r["other_labels"])
                        if other_kind is None:
                            continue
                        other = self._remember(_node(other_kind, r["other"]))
                        src = r["source"]
                        if side == "in" and direction == "both" and other.id == src:
                            continue  # a self-loop, already read as an out-tie
                        start, end = (src, other.id) if side == "out" else (other.id, src)
                        rows.append((src, self._tie(r["type"], start, end, r["props"]), other))
        return rows

    # -- primitives ----------------------------------------------------------------
    def node(self, node_id: str) -> NodeRecord | None:
        found = {r["kind"]: r["props"] for r in self._read(cypher.node_by_id(), id=node_id)}
        kind = next((k for k in schema.NODE_KINDS if k in found), None)
        return self._remember(_node(kind, found[kind])) if kind else None

    def nodes(self, kinds: Iterable[str] | None = None) -> list[NodeRecord]:
        out = []
        for kind in _wanted(kinds, schema.NODE_KINDS):
            out += [self._remember(_node(kind, r["props"])) for r in self._read(cypher.read_nodes(kind))]
        out.sort(key=lambda n: n.id)
        return out

    def relationships(self, kinds: Iterable[str] | None = None) -> list[Tie]:
        ties = []
        for kind in _wanted(kinds, schema.REL_KINDS):
            ties += [self._tie(kind, r["start"], r["end"], r["props"]) for r in self._read(cypher.read_rels(kind))]
        ties.sort(key=Tie.sort_key)
        return ties

    def incident(self, node_ids: Iterable[str], *, rel_kinds: Iterable[str] | None = None,
                 direction: str = "both") -> list[Incident]:
        check_direction(direction)
        by_kind = self._kinds_of(list(node_ids))
        if not by_kind:
            return []
        rows = self._incident(by_kind, rel_kinds, direction)
        rows.sort(key=lambda r: (r[0], r[2].id, r[1].sort_key()))
        return rows

    def subgraph(self, node_ids: Iterable[str]) -> Subgraph:
        wanted = sorted(set(node_ids))
        found: list[tuple[NodeRecord, str | None]] = []
        for kind in schema.NODE_KINDS:
            for chunk in _chunks(wanted):
                for r in self._read(cypher.nodes_by_ids(kind), ids=chunk):
                    found.append((self._remember(_node(kind, r["props"])), r["props"].get(cypher.DATASET)))
        found.sort(key=lambda x: x[0].id)
        present = {n.id for n, _ in found}
        by_kind: dict[str, list[str]] = defaultdict(list)
        for n, _ in found:
            by_kind[n.kind].append(n.id)
        ties = sorted((t for _, t, o in self._incident(by_kind, None, "out") if o.id in present), key=Tie.sort_key)
        names = sorted({d for _, d in found if d})
        return Subgraph(names[0] if names else None, tuple(n for n, _ in found), tuple(ties))

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        nodes: dict[str, int] = {}
        for r in self._read(cypher.count_nodes()):
            kind = _kind(r["labels"])
            if kind:
                nodes[kind] = nodes.get(kind, 0) + r["count"]
        rels: dict[str, int] = {}
        for r in self._read(cypher.count_rels()):
            if r["type"] in schema.REL_KINDS:
                rels[r["type"]] = rels.get(r["type"], 0) + r["count"]
        return nodes, rels

    def loaded_stamp(self) -> str | None:
        """The fingerprint the last complete `lcg load` recorded (neo4j_load.py, step 6), or None while a load
        runs (it deletes the record before writing) or when lcg never loaded this database: what a
        long-running reader (`lcg serve`) keys its kept answers by, one small read per question."""
        found = self._read(cypher.read_manifest())
        return str(found[0]["fingerprint"]) if len(found) == 1 else None


def open_neo4j_backend(uri: str | None = None, *, user: str | None = None, database: str | None = None,
                       prompt: bool = True, config: BoltConfig | None = None) -> Neo4jBackend:
    """A connected Cypher backend; settings from the arguments and NEO4J_* (see ``bolt.bolt_config``)."""
    config = config or bolt_config(uri, user=user, database=database, prompt=prompt)
    return Neo4jBackend(connect(config), config)
