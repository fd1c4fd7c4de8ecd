"""`lcg cypher` refuses every write, schema or administration command before sending it.

The bypasses are the ones an adversarial test found on the Bolt server the suite
uses (ArcadeDB does not enforce read transactions and its summary does not count
schema or user changes): after each, the server's users, constraints, indexes,
labels and counts are unchanged, and a user it tried to create cannot log in.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from support.bolt_db import counts, empty_db, run  # noqa: F401 (empty_db is a fixture)

BYPASSES = [
    "CREATE USER mallory SET PASSWORD 'mallory-pw-4711' CHANGE NOT REQUIRED",
    "create user mallory set password 'mallory-pw-4711'",
    "DROP CONSTRAINT lcg_theme_id",
    "DROP INDEX lcg_theme_name",
    "CREATE INDEX sneaky FOR (n:Theme) ON (n.sneaky)",
    "CREATE CONSTRAINT sneaky FOR (n:Sneaky) REQUIRE n.id IS UNIQUE",
    "CREATE (:Sneaky) RETURN 1 AS x",
    "/* a read */ CREATE (n:Sneaky) RETURN n",
    "// MATCH (n) RETURN n\nMERGE (:Sneaky {id: 'x'})",
    "MATCH (n:Theme) WITH n LIMIT 1 CALL { CREATE (:Sneaky) } RETURN 1 AS x",
    "UNWIND [1] AS x CALL { WITH x CREATE (:Sneaky) } IN TRANSACTIONS RETURN 1 AS y",
    "RETURN 1 AS x; CREATE (:Sneaky)",
    "MATCH (n:Theme) SET n.name = 'changed' RETURN n.id AS id",
    "MATCH (n:Theme) REMOVE n:Theme RETURN n.id AS id",
    "MATCH (n) DETACH DELETE n",
    "FOREACH (x IN [1] | CREATE (:Sneaky))",
    "INSERT (:Sneaky)",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL db.createLabel('Sneaky')",
    "CALL apoc.cypher.runWrite('CREATE (:Sneaky)', {})",
    "RETURN apoc.cypher.runFirstColumnSingle('CREATE (:Sneaky) RETURN 1', {}) AS x",
    ":use system",
    "USE system CREATE USER mallory SET PASSWORD 'mallory-pw-4711'",
    "SHOW USERS",
    "GRANT ROLE admin TO mallory",
    "ALTER USER root SET PASSWORD 'taken-over-4711'",
    "EXPLAIN CREATE (:Sneaky)",
    "RETURN 'unterminated",
]

READS = [
    "MATCH (start:Theme)-[r]-(end) RETURN start.name AS set, end.id AS delete",
    "RETURN 'CREATE (:X); DROP INDEX y' AS text, \"SET\" AS other // CREATE in a comment",
    "MATCH (n) WHERE n.`delete` IS NULL AND n:Theme RETURN {merge: n.id, create: 1} AS m",
    "CALL db.labels() YIELD label RETURN label ORDER BY label",
    "MATCH (n:Theme) CALL { WITH n RETURN n.id AS i } RETURN i",
    "RETURN date.truncate('month', date('2020-05-05')) AS d, $create AS c;",
    "MATCH (a)-[:PARTNER_IN|FUNDS]->(p) RETURN count(*) AS n UNION ALL MATCH (x) RETURN count(x) AS n",
]


def _state(settings):
    """Everything a refused command must leave as it was, read with the tests' own admin session."""
    def rows(query):
        return sorted(repr(sorted(r.items())) for r in run(settings, query))
    return {"labels": rows("CALL db.labels() YIELD label RETURN label"),
            "indexes": rows("SHOW INDEXES YIELD name, labelsOrTypes, properties RETURN *"),
            "constraints": rows("SHOW CONSTRAINTS"), "users": rows("SHOW USERS"),
            "counts": counts(settings)}


@pytest.mark.parametrize("query", BYPASSES)
def test_guard_refuses(query):
    from graph.backends.cypher_guard import NotReadOnly, check_read_only

    with pytest.raises(NotReadOnly) as e:
        check_read_only(query)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("query", READS)
def test_guard_allows_reads(query):
    from graph.backends.cypher_guard import check_read_only

    check_read_only(query)


def test_every_bypass_refused_and_server_unchanged(lcg, empty_db):
    import neo4j

    env = empty_db.env()
    assert lcg("load", "--data", FIXTURES / "tiny", env=env).exit_code == 0
    before = _state(empty_db)
    assert before["indexes"] and before["constraints"]  # the load made them: DROP has something to drop
    for query in BYPASSES:
        result = lcg("cypher", query, env=env)
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert result.exit_code == 1 and len(lines) == 1 and "nothing changed" in lines[0] or \
            "could not read the query" in lines[0], (query, result.output)
        assert "Traceback" not in result.output
        assert _state(empty_db) == before, query
    with pytest.raises(neo4j.exceptions.Neo4jError):
        with neo4j.GraphDatabase.driver(empty_db.uri, auth=("mallory", "mallory-pw-4711")) as d:
            d.verify_connectivity()
    for query in READS:
        result = lcg("cypher", query, "--param", "create=1", env=env)
        assert result.exit_code == 0, (query, result.output)
    assert _state(empty_db) == before


def test_deeply_nested_param_is_one_line(lcg):
    deep = "[" * 100_000 + "]" * 100_000
    result = lcg("cypher", "RETURN $x AS x", "--param", f"x={deep}", "--neo4j", "bolt://127.0.0.1:1",
                 env={"NEO4J_PASSWORD": "x"})
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    # a bad value for --param: a usage error naming the flag, with the value cut short
    assert result.exit_code == 2 and "Invalid value for '--param'" in result.stderr, result.stderr
    assert "nested too deeply" in lines[-1] and len(lines[-1]) < 200, lines


def test_deeply_nested_param_is_a_typed_error_naming_the_argument():
    from graph.backends.cypher_read import parse_params
    from graph.errors import BadOption

    with pytest.raises(BadOption) as e:
        parse_params(["x=" + "[" * 100_000 + "]" * 100_000])
    assert e.value.option == "param" and "--" not in str(e.value) and "nested too deeply" in str(e.value)
