"""``lcg load --neo4j``: write a validated dataset to a Bolt server, idempotently, in batches.

Order of work, and why:

1. Validate the whole data folder first: invalid data writes nothing.
2. Create the id uniqueness constraint and name index of every node kind
   (IF NOT EXISTS) before the first MERGE: without them each MERGE scans.
3. Read what earlier lcg loads wrote (everything carrying ``dataset``) and
   compare it, property by property, with the data: only new or changed nodes
   and ties are written, so reloading unchanged data writes nothing and a load
   killed half-way is finished by simply running it again.
4. Write nodes, then ties, as ``UNWIND $rows`` batches, one managed write
   transaction each (transient errors retried), with ``SET x = props`` so
   properties end exactly as the data has them. Nodes: MERGE on id. Ties are
   merged on (type, start, end, key field): the diff against what step 3 read
   *is* that merge. A tie already there is updated by MERGE on its key; one
   absent is CREATEd, because MERGE scans every tie at its ends and a hub (a
   national funder, a theme) has thousands (bench/neo4j_load.py). A batch is
   one transaction, so a killed load leaves whole batches that the rerun's
   read sees.
5. With ``replace``: delete what an earlier lcg load wrote that the data no
   longer has. Nodes and ties without ``dataset`` (not lcg's) are never touched.
0. Take the database's load lock (graph/backends/load_lock.py) for the whole
   load, so two loads never interleave (they doubled ties); released in ``finally``.
   With ``replace``, ties found more than once (left by such a race) keep one copy.
6. Record the data's fingerprint and the counts in one ``LcgLoad`` node. A
   later load of the same data finds it, checks the counts of lcg's nodes and
   ties still match (so a deletion or addition made since is seen), and stops
   there: reading every record back costs about as much as writing it on
   ArcadeDB. The node is deleted before any write, so a killed load leaves none
   and the rerun compares everything. ``--replace`` always compares everything
   (it promises the database holds exactly the data, edits made by hand included).
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from .. import schema
from ..gc_pause import paused_gc
from . import cypher_statements as cypher
from .bolt import BoltConfig, connect, translate_errors
from .load_lock import release_load_lock, take_load_lock
from .neo4j_backend import Neo4jBackend, field_order

__all__ = ["load_into_neo4j", "LoadResult", "DEFAULT_BATCH_SIZE", "node_row", "rel_row"]

#: Rows per UNWIND transaction; chosen by bench/neo4j_load.py (see bench/RESULTS.md).
DEFAULT_BATCH_SIZE = 10_000

Progress = Callable[[int, int], None]

#: Part of the fingerprint: a change in what the loader writes makes every old fingerprint stale.
LOAD_FORMAT = 1


def fingerprint(dataset) -> str:
    """A hash of everything the load writes: the dataset's name, records, fields and their types."""
    h = hashlib.sha256(f"lcg load format {LOAD_FORMAT}\0{dataset.name}\0".encode())
    h.update(repr(dataset.nodes).encode())
    h.update(repr(dataset.rels).encode())
    return h.hexdigest()


@dataclass
class LoadResult:
    nodes_written: int = 0
    rels_written: int = 0
    nodes_unchanged: int = 0
    rels_unchanged: int = 0
    nodes_deleted: int = 0
    rels_deleted: int = 0
    seconds: float = 0.0
    counts: tuple = field(default_factory=lambda: ({}, {}))
    #: seconds per phase (connect, schema, read, diff, nodes, relationships, delete, count), for bench/
    phases: dict = field(default_factory=dict)
    #: the fingerprint of the last complete load matched and the counts agreed: nothing was read or written
    up_to_date: bool = False


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


def _order(kind: str, props: dict) -> dict:
    """``lcg_order`` when the data's field order is not the schema's (so records read back match)."""
    keys = tuple(props)
    unusual = _UNUSUAL.get((kind, keys))
    if unusual is None:
        schema_order = tuple(f for f in field_order(kind) if f in props)
        unusual = _UNUSUAL[(kind, keys)] = keys != schema_order
    return {cypher.ORDER: list(keys)} if unusual else {}


#: (kind, field names in the data's order) -> whether that order differs from the schema's
_UNUSUAL: dict[tuple, bool] = {}


def node_row(node, dataset_name: str) -> dict:
    """What a node is stored as: its fields, its id, lcg's marker (and the fields' order if unusual)."""
    props = {k: _plain(v) for k, v in node.props.items()}
    stored = {"id": node.id, **props, cypher.DATASET: dataset_name, **_order(node.kind, props)}
    return {"id": node.id, "props": stored}


_KEY_FIELDS = {k: rk.key_field for k, rk in schema.REL_KINDS.items()}


def rel_key(rel) -> str:
    """The value of the kind's key field (role, period), ``""`` when the kind has none or it is absent."""
    key_field = _KEY_FIELDS[rel.kind]
    value = rel.props.get(key_field) if key_field else None
    return "" if value is None else str(value)


def rel_row(rel, dataset_name: str) -> dict:
    """What a tie is stored as: its fields, its merge key, lcg's marker (and the fields' order if unusual)."""
    props = {k: _plain(v) for k, v in rel.props.items()}
    key = rel_key(rel)
    stored = {**props, cypher.REL_KEY: key, cypher.DATASET: dataset_name, **_order(rel.kind, props)}
    return {"start": rel.start, "end": rel.end, "key": key, "props": stored}


def same(a, b) -> bool:
    """Equal values of equal types (25000 is not 25000.0, a list is not a string)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


class _Writer:
    def __init__(self, driver, config: BoltConfig, batch_size: int, progress: Progress | None):
        self.driver, self.config = driver, config
        self.batch_size = max(1, int(batch_size))
        self.progress = progress
        self.done = 0
        self.total = 0

    def run(self, statement: str, **params) -> None:
        import neo4j

        with translate_errors(self.config, "writing to"):
            self.driver.execute_query(statement, parameters_=params, database_=self.config.database,
                                      routing_=neo4j.RoutingControl.WRITE)

    def batches(self, statement: str, param: str, rows: list) -> None:
        for i in range(0, len(rows), self.batch_size):
            chunk = rows[i:i + self.batch_size]
            self.run(statement, **{param: chunk})
            self.done += len(chunk)
            if self.progress:
                self.progress(self.done, self.total)


def _existing(backend: Neo4jBackend):
    """What earlier lcg loads wrote: nodes by (kind, id), ties by (type, start, end, key) with end kinds.

    (Reading labels and types on two threads was measured no faster on ArcadeDB.)
    """
    nodes = {}
    for kind in schema.NODE_KINDS:
        for r in backend._read(cypher.read_nodes(kind)):
            nodes[(kind, r["props"]["id"])] = dict(r["props"])
    kind_of = {node_id: kind for kind, node_id in nodes}
    rels = {}
    doubled = set()
    for kind in schema.REL_KINDS:
        for r in backend._read(cypher.read_rels(kind)):
            key = (kind, r["start"], r["end"], r["props"].get(cypher.REL_KEY))
            if key in rels:
                doubled.add(key)
            rels[key] = (kind_of.get(r["start"]), kind_of.get(r["end"]), dict(r["props"]))
    return nodes, rels, doubled


def load_into_neo4j(dataset, config: BoltConfig, *, replace: bool = False,
                    batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None,
                    break_lock: bool = False) -> LoadResult:
    """Write ``dataset`` (already validated: a ``graph.dataset.Dataset``) to the server in ``config``.

    Runs with the cyclic GC paused: the rows for a hundred thousand records are a million small
    objects (and the dataset millions more), and with the collector on, every few hundred
    allocations walk them all (bench/RESULTS.md, "Neo4j over Bolt").
    """
    with paused_gc():
        return _load(dataset, config, replace=replace, batch_size=batch_size, progress=progress,
                     break_lock=break_lock)


def _load(dataset, config: BoltConfig, *, replace: bool, batch_size: int, progress: Progress | None,
          break_lock: bool = False) -> LoadResult:
    t0 = time.perf_counter()
    result = LoadResult()
    clock = [t0]

    def phase(name):
        now = time.perf_counter()
        result.phases[name] = round(now - clock[0], 3)
        clock[0] = now

    driver = connect(config)
    lock = None
    try:
        phase("connect")
        backend = Neo4jBackend(driver, config)
        writer = _Writer(driver, config, batch_size, progress)
        lock = take_load_lock(writer, backend._read, config, break_lock=break_lock)
        for kind in schema.NODE_KINDS:
            writer.run(cypher.id_constraint(kind))
            writer.run(cypher.name_index(kind))
        phase("schema")
        stamp = fingerprint(dataset)
        if not replace and _up_to_date(backend, stamp, result):
            result.nodes_unchanged, result.rels_unchanged = len(dataset.nodes), len(dataset.rels)
            result.up_to_date = True
            phase("count")
            result.seconds = time.perf_counter() - t0
            return result
        writer.run(cypher.delete_manifest())
        old_nodes, old_rels, doubled = _existing(backend)
        doubled = doubled if replace else set()
        for key in doubled:  # rewritten once the extra copies are gone, whichever copy was read last
            old_rels[key] = (*old_rels[key][:2], None)
        phase("read")
        node_rows, wanted_nodes = _diff_nodes(dataset, old_nodes, result)
        rel_rows, wanted_rels = _diff_rels(dataset, old_rels, result)
        stale_rels, stale_nodes = _stale(old_nodes, old_rels, wanted_nodes, wanted_rels) if replace else ({}, {})
        writer.total = (sum(map(len, node_rows.values())) + sum(map(len, rel_rows.values()))
                        + sum(map(len, stale_rels.values())) + sum(map(len, stale_nodes.values())))
        phase("diff")
        # (Writing nodes on a thread while Python diffs the ties was measured no faster: on two cores
        # the server, the driver and the diff share the CPUs.)
        _write_nodes(writer, node_rows)  # nodes before relationships
        phase("nodes")
        _delete_extra_copies(writer, doubled, old_rels)
        for (kind, sk, ek, fresh), rows in sorted(rel_rows.items()):
            writer.batches((cypher.create_rels if fresh else cypher.merge_rels)(kind, sk, ek), "rows", rows)
        phase("relationships")
        for (kind, sk, ek), rows in sorted(stale_rels.items()):
            writer.batches(cypher.delete_rels(kind, sk, ek), "rows", rows)
        for kind, ids in sorted(stale_nodes.items()):
            writer.batches(cypher.delete_nodes(kind), "ids", ids)
        phase("delete")

        result.nodes_written = sum(map(len, node_rows.values()))
        result.rels_written = sum(map(len, rel_rows.values()))
        result.rels_deleted = sum(map(len, stale_rels.values()))
        result.nodes_deleted = sum(map(len, stale_nodes.values()))
        result.counts = backend.counts()
        writer.run(cypher.write_manifest(), fingerprint=stamp, name=dataset.name,
                   nodes=sum(result.counts[0].values()), relationships=sum(result.counts[1].values()))
        phase("count")
        result.seconds = time.perf_counter() - t0
        return result
    finally:
        try:
            if lock is not None:
                release_load_lock(writer, lock, failing=sys.exc_info()[0] is not None)
        finally:
            driver.close()


def _delete_extra_copies(writer: _Writer, doubled: set, old_rels: dict) -> None:
    """Ties found more than once (two loads raced before the lock existed): all copies but one go."""
    extra: dict[tuple, list] = defaultdict(list)
    for kind, start, end, key in sorted(doubled):
        sk, ek, _ = old_rels[(kind, start, end, key)]
        if sk and ek:
            extra[(kind, sk, ek)].append({"start": start, "end": end, "key": key})
    for (kind, sk, ek), rows in sorted(extra.items()):
        writer.batches(cypher.delete_extra_rels(kind, sk, ek), "rows", rows)


def _diff_nodes(dataset, old_nodes: dict, result: LoadResult):
    """Rows of the nodes to write (new or changed), by kind; and every (kind, id) the data has."""
    node_rows: dict[str, list] = defaultdict(list)
    wanted = set()
    for n in dataset.nodes:
        row = node_row(n, dataset.name)
        wanted.add((n.kind, n.id))
        old = old_nodes.get((n.kind, n.id))
        if old is not None and same(old, row["props"]):
            result.nodes_unchanged += 1
        else:
            node_rows[n.kind].append(row)
    return node_rows, wanted


def _diff_rels(dataset, old_rels: dict, result: LoadResult):
    """Rows of the ties to write by (type, start kind, end kind, absent before); and every tie key the data has."""
    kinds = {n.id: n.kind for n in dataset.nodes}
    rel_rows: dict[tuple, list] = defaultdict(list)
    wanted = set()
    for r in dataset.rels:
        row = rel_row(r, dataset.name)
        key = (r.kind, r.start, r.end, row["key"])
        wanted.add(key)
        old = old_rels.get(key)
        ends = (kinds[r.start], kinds[r.end])
        if old is not None and old[:2] == ends and same(old[2], row["props"]):
            result.rels_unchanged += 1
        else:
            rel_rows[(r.kind, *ends, old is None)].append(row)
    return rel_rows, wanted


def _stale(old_nodes: dict, old_rels: dict, wanted_nodes: set, wanted_rels: set):
    """What earlier loads wrote that the data no longer has: ties by (type, start kind, end kind), node ids by kind."""
    stale_rels: dict[tuple, list] = defaultdict(list)
    for (kind, start, end, key), (sk, ek, _) in old_rels.items():
        if (kind, start, end, key) not in wanted_rels and sk and ek and key is not None:
            stale_rels[(kind, sk, ek)].append({"start": start, "end": end, "key": key})
    stale_nodes: dict[str, list] = defaultdict(list)
    for kind, node_id in old_nodes:
        if (kind, node_id) not in wanted_nodes:
            stale_nodes[kind].append(node_id)
    return stale_rels, stale_nodes


def _write_nodes(writer: _Writer, node_rows: dict) -> None:
    for kind in schema.NODE_KINDS:
        writer.batches(cypher.merge_nodes(kind), "rows", node_rows.get(kind, []))


def _up_to_date(backend: Neo4jBackend, stamp: str, result: LoadResult) -> bool:
    """True when the last complete load was of this very data and lcg's counts are still what it left."""
    found = backend._read(cypher.read_manifest())
    if len(found) != 1 or found[0]["fingerprint"] != stamp:
        return False
    result.counts = backend.counts()
    return (sum(result.counts[0].values()), sum(result.counts[1].values())) == \
        (found[0]["nodes"], found[0]["relationships"])
