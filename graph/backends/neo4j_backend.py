"""The Cypher backend: the graph primitives (base.Backend) over Bolt, with the embedded graph's answers.

Each primitive is a few simple, label-specific reads (statements in
``cypher_statements``); ordering, path enumeration and two-step walks are done
here in Python exactly as ``embedded.py`` does them, so both backends return the
same records in the same order with the same properties (lists as lists, ints
as ints, dates as the ISO strings the data holds, absent fields absent). Only
what an lcg load wrote (nodes and ties carrying ``dataset``) is read.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .. import schema
from . import cypher_statements as cypher
from .base import NodeRecord, Path, Tie
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

    def __enter__(self):
        return self

    def __exit__(self, *exc):
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

    def _kind_of(self, node_id: str) -> str | None:
        if node_id not in self._kinds:
            if self.node(node_id) is None:
                return None
        return self._kinds[node_id]

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

    def neighbours(self, node_id: str, *, rel_kinds=None, direction: str = "both") -> list[tuple[Tie, NodeRecord]]:
        kind = self._kind_of(node_id)
        if kind is None:
            return []
        rows = [(t, o) for _, t, o in self._incident({kind: [node_id]}, rel_kinds, direction)]
        rows.sort(key=lambda r: (r[0].sort_key(), r[1].id))
        return rows

    def co_participation(self, node_id: str, *, rel_kinds=None, others=None):
        kind = self._kind_of(node_id)
        if kind is None:
            return []
        keep = set(others) if others is not None else None
        # One record object per node, as the embedded backend hands out: callers may group rows by identity.
        records: dict[str, NodeRecord] = {}
        mine_rows = [(s, t, records.setdefault(o.id, o))
                     for s, t, o in self._incident({kind: [node_id]}, rel_kinds, "both") if o.id != node_id]
        items: dict[str, list[str]] = defaultdict(list)
        for _, _, item in mine_rows:
            items[item.kind].append(item.id)
        theirs_at: dict[str, list] = defaultdict(list)
        for src, tie, other in self._incident(items, rel_kinds, "both"):
            theirs_at[src].append((tie, records.setdefault(other.id, other)))
        rows = [(mine, item, theirs, other)
                for _, mine, item in mine_rows
                for theirs, other in theirs_at.get(item.id, ())
                if other.id != node_id and (keep is None or other.id in keep)]
        rows.sort(key=lambda r: (r[1].id, r[3].id, r[0].sort_key(), r[2].sort_key()))
        return rows

    def co_participation_strengths(self, node_id: str, weights, *, other_kinds=None) -> list[tuple[str, str, int]]:
        """Summed here from ``co_participation``'s records: the same reads as before, in the
        plain tuples the contract asks for (one aggregate query per kind is the next step)."""
        rel_kinds = sorted({k for _, mine, theirs in weights for k in (mine, theirs)})
        kinds_ok = set(other_kinds) if other_kinds is not None else None
        best: dict[tuple[str, str], int] = {}
        kind_of: dict[str, str] = {}
        for mine, item, theirs, other in self.co_participation(node_id, rel_kinds=rel_kinds):
            if mine.start != node_id or theirs.start != other.id or (kinds_ok is not None
                                                                      and other.kind not in kinds_ok):
                continue
            w = weights.get((item.kind, mine.kind, theirs.kind))
            if w is not None and w > best.get((item.id, other.id), w - 1):
                best[(item.id, other.id)] = w
                kind_of[other.id] = other.kind
        strength: dict[str, int] = {}
        for (_, other), w in best.items():
            strength[other] = strength.get(other, 0) + w
        return sorted((o, kind_of[o], w) for o, w in strength.items())

    def shortest_paths(self, a: str, b: str, *, max_hops: int = 4, rel_kinds=None) -> list[Path]:
        """Bidirectional breadth-first search in Python over simple neighbour reads.

        Each step expands the smaller frontier by one whole level; the first
        level at which the two searches meet gives the shortest length, and every
        shortest path passes through a node at exactly (level A, level B).
        """
        if a == b:
            return []
        ra, rb = self.node(a), self.node(b)
        if ra is None or rb is None:
            return []
        records = {a: ra, b: rb}
        ties: dict[frozenset, dict[tuple, Tie]] = defaultdict(dict)
        dist = ({a: 0}, {b: 0})
        preds: tuple[dict, dict] = (defaultdict(set), defaultdict(set))
        frontier = ([a], [b])
        level = [0, 0]
        while level[0] + level[1] < max_hops:
            s = 0 if len(frontier[0]) <= len(frontier[1]) else 1
            if not frontier[s]:
                return []
            by_kind: dict[str, list[str]] = defaultdict(list)
            for n in frontier[s]:
                by_kind[records[n].kind].append(n)
            new: set[str] = set()
            for u, tie, other in self._incident(by_kind, rel_kinds, "both"):
                v = other.id
                if v == u:
                    continue
                records.setdefault(v, other)
                ties[frozenset((u, v))][tie.sort_key()] = tie
                if v not in dist[s]:
                    dist[s][v] = level[s] + 1
                    new.add(v)
                if dist[s][v] == level[s] + 1:
                    preds[s][v].add(u)
            level[s] += 1
            frontier[s].clear()
            frontier[s].extend(sorted(new))
            meet = sorted(v for v in new if dist[1 - s].get(v) == level[1 - s])
            if meet:
                return self._assemble(a, b, meet, preds, ties, records)
        return []

    @staticmethod
    def _assemble(a, b, meet, preds, ties, records) -> list[Path]:
        def chains(v, side, root):
            if v == root:
                return [[root]]
            return [p + [v] for u in sorted(preds[side][v]) for p in chains(u, side, root)]

        paths = []
        for m in meet:
            for head in chains(m, 0, a):
                for tail in chains(m, 1, b):
                    ids = head + tail[::-1][1:]
                    links: list[tuple[Tie, ...]] = [()]
                    for u, v in zip(ids, ids[1:]):
                        hops = sorted(ties[frozenset((u, v))].values(), key=Tie.sort_key)
                        links = [c + (t,) for c in links for t in hops]
                    nodes = tuple(records[n] for n in ids)
                    paths.extend(Path(nodes, c) for c in links)
        paths.sort(key=Path.sort_key)
        return paths

    def subgraph(self, node_ids: Iterable[str]):
        """The induced subgraph as the embedded contract's MultiDiGraph (nodes by id, edges by tie order)."""
        import networkx as nx

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
        edges = [(t, key) for key, t in self._out_ties_with_keys(by_kind) if t.end in present]
        names = sorted({d for _, d in found if d})
        g = nx.MultiDiGraph(name=names[0] if names else None)
        for n, _ in found:
            g.add_node(n.id, kind=n.kind, **n.props)
        for t, key in sorted(edges, key=lambda e: e[0].sort_key()):
            g.add_edge(t.start, t.end, key=key, kind=t.kind, **t.props)
        return g

    def _out_ties_with_keys(self, by_kind) -> list[tuple[str, Tie]]:
        """Out-ties at these nodes with their edge key (``Rel.key``: the kind, plus ``:value`` of its key field)."""
        out = []
        for kind, ids in by_kind.items():
            for chunk in _chunks(sorted(ids)):
                for r in self._read(cypher.incident(kind, "out"), ids=chunk, kinds=None):
                    if _kind(r["other_labels"]) is None:
                        continue
                    value = r["props"].get(cypher.REL_KEY) or ""
                    key = f"{r['type']}:{value}" if value else r["type"]
                    out.append((key, self._tie(r["type"], r["source"], r["other"]["id"], r["props"])))
        return out

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


def open_neo4j_backend(uri: str | None = None, *, user: str | None = None, database: str | None = None,
                       prompt: bool = True, config: BoltConfig | None = None) -> Neo4jBackend:
    """A connected Cypher backend; settings from the arguments and NEO4J_* (see ``bolt.bolt_config``)."""
    config = config or bolt_config(uri, user=user, database=database, prompt=prompt)
    return Neo4jBackend(connect(config), config)
