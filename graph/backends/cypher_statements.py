"""Every Cypher statement lcg sends to a Bolt server, in one place.

Why one module: labels and relationship types may only come from the schema
(never from user text), every value must be a parameter, and what runs on the
ArcadeDB test server must also be valid Neo4j 5 Cypher. Keeping each statement
here, built only from ``graph.schema`` names, lets ``all_statements()`` hand
every statement the code can produce (every label and type combination) to a
test that lints it with Neo4j's own front end (tests/test_cypher_lint.py).

The statements keep to a portable subset (MATCH, MERGE, UNWIND, SET n = map,
properties(), labels(), type(), UNION ALL): path-finding and projections are
done in Python from these simple reads, so no vendor procedure is needed.

Bookkeeping properties lcg writes beside the data's own fields:
``dataset`` (the data folder's name: marks what an lcg load wrote),
``lcg_order`` (the data's field order when it is not the schema's, so records read back equal the embedded
graph's) and on relationships ``lcg_key`` (the value of the kind's key field,
``""`` when absent, so MERGE can tell ``PARTICIPATED_IN`` from
``PARTICIPATED_IN {role: speaker}`` without merging on a null).
"""

from __future__ import annotations

from .. import schema

__all__ = ["BOOKKEEPING", "DATASET", "ORDER", "REL_KEY", "DIRECTIONS", "MANIFEST", "all_statements"]

DATASET = "dataset"
ORDER = "lcg_order"
REL_KEY = "lcg_key"
#: Properties lcg writes for itself; stripped from every record read back.
BOOKKEEPING = frozenset({DATASET, ORDER, REL_KEY})
DIRECTIONS = ("out", "in")


def _label(kind: str) -> str:
    """A node label, only ever a schema NodeKind name (never user text)."""
    if kind not in schema.NODE_KINDS or not kind.isidentifier():
        raise ValueError(f"not a schema node kind: {kind!r}")
    return kind


def _type(kind: str) -> str:
    """A relationship type, only ever a schema RelKind name."""
    if kind not in schema.REL_KINDS or not kind.isidentifier():
        raise ValueError(f"not a schema relationship kind: {kind!r}")
    return kind


def _slug(kind: str) -> str:
    return kind.lower()


# --- schema: constraints and indexes (created before the first MERGE) --------

def id_constraint(kind: str) -> str:
    return (f"CREATE CONSTRAINT lcg_{_slug(kind)}_id IF NOT EXISTS "
            f"FOR (n:{_label(kind)}) REQUIRE n.id IS UNIQUE")


def name_index(kind: str) -> str:
    return f"CREATE INDEX lcg_{_slug(kind)}_name IF NOT EXISTS FOR (n:{_label(kind)}) ON (n.name)"


# --- loading ----------------------------------------------------------------

def merge_nodes(kind: str) -> str:
    """Rows ``{id, props}``; ``SET n = props`` makes the node's properties exactly the data's."""
    return f"UNWIND $rows AS row MERGE (n:{_label(kind)} {{id: row.id}}) SET n = row.props"


def merge_rels(rel: str, start: str, end: str) -> str:
    """Rows ``{start, end, key, props}``; merged on (type, start, end, key field)."""
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{_label(start)} {{id: row.start}}) MATCH (b:{_label(end)} {{id: row.end}}) "
            f"MERGE (a)-[r:{_type(rel)} {{{REL_KEY}: row.key}}]->(b) SET r = row.props")


def create_rels(rel: str, start: str, end: str) -> str:
    """Rows ``{start, end, key, props}`` the loader found absent (its merge on type, start, end and
    key field is done against what it read): CREATE skips MERGE's scan of every tie at a hub node."""
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{_label(start)} {{id: row.start}}) MATCH (b:{_label(end)} {{id: row.end}}) "
            f"CREATE (a)-[r:{_type(rel)}]->(b) SET r = row.props")


def delete_rels(rel: str, start: str, end: str) -> str:
    """Rows ``{start, end, key}``: relationships an earlier load wrote that the data no longer has."""
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{_label(start)} {{id: row.start}})-[r:{_type(rel)} {{{REL_KEY}: row.key}}]->"
            f"(b:{_label(end)} {{id: row.end}}) WHERE r.{DATASET} IS NOT NULL DELETE r")


def delete_nodes(kind: str) -> str:
    """Ids of nodes an earlier load wrote that the data no longer has."""
    return (f"UNWIND $ids AS id MATCH (n:{_label(kind)} {{id: id}}) "
            f"WHERE n.{DATASET} IS NOT NULL DETACH DELETE n")


# --- reading ----------------------------------------------------------------

def read_nodes(kind: str) -> str:
    return f"MATCH (n:{_label(kind)}) WHERE n.{DATASET} IS NOT NULL RETURN properties(n) AS props"


def read_rels(rel: str) -> str:
    return (f"MATCH (a)-[r:{_type(rel)}]->(b) WHERE r.{DATASET} IS NOT NULL "
            f"RETURN a.id AS start, b.id AS end, properties(r) AS props")


def node_by_id() -> str:
    """One lookup across every label, each branch using that label's id constraint."""
    return " UNION ALL ".join(
        f"MATCH (n:{_label(k)} {{id: $id}}) WHERE n.{DATASET} IS NOT NULL "
        f"RETURN '{_label(k)}' AS kind, properties(n) AS props" for k in schema.NODE_KINDS)


def nodes_by_ids(kind: str) -> str:
    return (f"UNWIND $ids AS id MATCH (n:{_label(kind)} {{id: id}}) WHERE n.{DATASET} IS NOT NULL "
            f"RETURN properties(n) AS props")


def incident(kind: str, direction: str) -> str:
    """Ties at nodes of one kind (by id), in one direction, with the node at the other end.

    ``$kinds`` (a list of relationship types, or null for all) filters by
    ``type(r)`` as a value, so no statement is built from a user's choice.
    """
    if direction not in DIRECTIONS:
        raise ValueError(direction)
    arrow = "-[r]->(m)" if direction == "out" else "<-[r]-(m)"
    return (f"UNWIND $ids AS id MATCH (n:{_label(kind)} {{id: id}}){arrow} "
            f"WHERE r.{DATASET} IS NOT NULL AND m.{DATASET} IS NOT NULL "
            f"AND ($kinds IS NULL OR type(r) IN $kinds) "
            f"RETURN id AS source, type(r) AS type, properties(r) AS props, "
            f"labels(m) AS other_labels, properties(m) AS other")


#: The one node lcg writes outside the schema: the fingerprint of the last complete load, so that
#: reloading unchanged data can stop after two counts (see neo4j_load). Not a data kind: no
#: ``dataset`` property, so no primitive ever reads it.
MANIFEST = "LcgLoad"


def read_manifest() -> str:
    return (f"MATCH (m:{MANIFEST}) RETURN m.fingerprint AS fingerprint, m.nodes AS nodes, "
            f"m.relationships AS relationships")


def delete_manifest() -> str:
    return f"MATCH (m:{MANIFEST}) DELETE m"


def write_manifest() -> str:
    return (f"CREATE (m:{MANIFEST} {{fingerprint: $fingerprint, of_dataset: $name, nodes: $nodes, "
            f"relationships: $relationships}})")


#: The node that makes loads exclude each other (graph/backends/load_lock.py): one at most, by its
#: uniqueness constraint, so of two loads creating it at once the database lets exactly one win.
LOAD_LOCK = "LcgLoadLock"


def lock_constraint() -> str:
    return f"CREATE CONSTRAINT lcg_load_lock IF NOT EXISTS FOR (n:{LOAD_LOCK}) REQUIRE n.name IS UNIQUE"


def take_lock() -> str:
    return (f"CREATE (l:{LOAD_LOCK} {{name: 'load', token: $token, holder: $holder, host: $host, pid: $pid, "
            f"since: $since}})")


def read_lock() -> str:
    return (f"MATCH (l:{LOAD_LOCK}) RETURN l.token AS token, l.holder AS holder, l.host AS host, l.pid AS pid, "
            f"l.since AS since")


def release_lock() -> str:
    return f"MATCH (l:{LOAD_LOCK} {{token: $token}}) DELETE l"


def break_lock() -> str:
    return f"MATCH (l:{LOAD_LOCK}) DELETE l"


def delete_extra_rels(rel: str, start: str, end: str) -> str:
    """Rows ``{start, end, key}`` of ties found more than once: every copy but one is deleted."""
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{_label(start)} {{id: row.start}})-[r:{_type(rel)} {{{REL_KEY}: row.key}}]->"
            f"(b:{_label(end)} {{id: row.end}}) WHERE r.{DATASET} IS NOT NULL "
            f"WITH row, collect(r) AS copies UNWIND copies[1..] AS extra DELETE extra")


def ping() -> str:
    """Checks, after the login, that the database exists and answers."""
    return "RETURN 1 AS ok"


def count_nodes() -> str:
    return f"MATCH (n) WHERE n.{DATASET} IS NOT NULL RETURN labels(n) AS labels, count(*) AS count"


def count_rels() -> str:
    return f"MATCH ()-[r]->() WHERE r.{DATASET} IS NOT NULL RETURN type(r) AS type, count(*) AS count"


def rel_endpoints() -> list[tuple[str, str, str]]:
    """Every (relationship kind, start kind, end kind) the schema allows."""
    return [(r, s, e) for r, rk in schema.REL_KINDS.items() for s in rk.starts for e in rk.ends]


def all_statements() -> list[str]:
    """Every statement the code can send, for the lint test: one per label/type combination."""
    out: list[str] = []
    for k in schema.NODE_KINDS:
        out += [id_constraint(k), name_index(k), merge_nodes(k), delete_nodes(k), read_nodes(k),
                nodes_by_ids(k), *(incident(k, d) for d in DIRECTIONS)]
    for r, s, e in rel_endpoints():
        out += [merge_rels(r, s, e), create_rels(r, s, e), delete_rels(r, s, e), delete_extra_rels(r, s, e)]
    out += [read_rels(r) for r in schema.REL_KINDS]
    out += [node_by_id(), count_nodes(), count_rels(), ping(), read_manifest(), delete_manifest(), write_manifest(),
            lock_constraint(), take_lock(), read_lock(), release_lock(), break_lock()]
    return out
