"""Test-side helpers for a Bolt server: empty it, read everything back, count.

These statements are the tests' own (lcg never sends them), so they live here
rather than in graph/backends/cypher_statements.py.
"""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def driver_for(settings):
    import neo4j

    d = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    try:
        yield d
    finally:
        d.close()


def run(settings, statement: str, **params) -> list[dict]:
    with driver_for(settings) as d:
        return [r.data() for r in d.execute_query(statement, parameters_=params, database_=settings.database).records]


def wipe(settings) -> None:
    """Delete every node and relationship: tests need a known, empty database."""
    run(settings, "MATCH (n) DETACH DELETE n")


def dump(settings) -> tuple[list, list]:
    """Every node (labels, all properties) and relationship (type, ends, all properties), sorted.

    Leaves out the loader's one bookkeeping node (LcgLoad, the last load's fingerprint).
    """
    nodes = run(settings, "MATCH (n) WHERE NOT n:LcgLoad RETURN labels(n) AS labels, properties(n) AS props")
    rels = run(settings, "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, "
                         "properties(r) AS props")
    key = lambda x: repr(sorted((k, repr(v)) for k, v in x.items()))
    return sorted(nodes, key=key), sorted(rels, key=key)


def counts(settings) -> tuple[int, int]:
    n = run(settings, "MATCH (n) WHERE NOT n:LcgLoad RETURN count(n) AS c")[0]["c"]
    r = run(settings, "MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return n, r


def _empty_db(bolt_server):
    wipe(bolt_server)
    return bolt_server


try:
    import pytest

    #: The session's Bolt server, emptied before the test (import this name into a test module).
    empty_db = pytest.fixture(_empty_db)
except ImportError:  # pragma: no cover - bench scripts without pytest
    pass


@contextmanager
def embedded_and_server(settings, data):
    """``data`` loaded by `lcg load` into an emptied server: (embedded backend, Cypher backend) over it."""
    from click.testing import CliRunner

    from cli import main
    from graph.backends.bolt import BoltConfig
    from graph.backends.embedded import EmbeddedBackend
    from graph.backends.neo4j_backend import open_neo4j_backend
    from graph.loading import open_dataset

    wipe(settings)
    result = CliRunner().invoke(main, ["load", "--data", str(data)], env=settings.env())
    assert result.exit_code == 0, result.output
    server = open_neo4j_backend(config=BoltConfig(settings.uri, settings.user, settings.password, settings.database))
    try:
        yield EmbeddedBackend.from_dataset(open_dataset(data, use_cache=False)), server
    finally:
        server.close()
