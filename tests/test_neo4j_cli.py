"""Connecting to Neo4j: clear one-line failures, no password anywhere, and read-only `lcg cypher`.

Runs against a real Bolt server (ArcadeDB started by the suite, or NEO4J_URI's);
the stopped server is a real ArcadeDB started and stopped for the test, the
timeout a real socket that accepts connections and never answers.
"""

from __future__ import annotations

import json
import socket

import pytest

from conftest import FIXTURES
from support.arcadedb import ArcadeDBServer
from support.bolt_db import counts, empty_db, run  # noqa: F401 (empty_db is a fixture)

TINY = FIXTURES / "tiny"


def _one_line_error(result, *, mentions: str, secret: str | None = None):
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert mentions in lines[0]
    assert "Traceback" not in result.output
    if secret:
        assert secret not in result.output and secret not in result.stderr
    return lines[0]


def test_wrong_password_one_line_with_uri_no_password(lcg, bolt_server):
    secret = "not-the-password-4711"
    env = {**bolt_server.env(), "NEO4J_PASSWORD": secret}
    for args in (["stats"], ["load", "--data", TINY], ["cypher", "RETURN 1 AS x"]):
        line = _one_line_error(lcg(*args, env=env), mentions=bolt_server.uri, secret=secret)
        assert "NEO4J_PASSWORD" in line


def test_stopped_server_one_line(lcg):
    server = ArcadeDBServer().start()
    settings = server.settings
    server.stop()
    line = _one_line_error(lcg("stats", env=settings.env()), mentions=settings.uri, secret=settings.password)
    assert "running" in line
    line = _one_line_error(lcg("show", "x", "--neo4j", settings.uri, env={"NEO4J_PASSWORD": settings.password}),
                           mentions=settings.uri, secret=settings.password)


def test_unknown_database_one_line(lcg, bolt_server):
    env = {**bolt_server.env(), "NEO4J_DATABASE": "no-such-db"}
    line = _one_line_error(lcg("stats", env=env), mentions=bolt_server.uri, secret=bolt_server.password)
    assert "NEO4J_DATABASE" in line


def test_timeout_one_line():
    """A server that accepts the connection and never speaks: one line after the timeout."""
    from graph.backends.bolt import BoltConfig
    from graph.backends.neo4j_backend import open_neo4j_backend
    from graph.errors import BackendError

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        uri = f"bolt://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(BackendError) as e:
            open_neo4j_backend(config=BoltConfig(uri, "neo4j", "pw-4711", None, timeout=1.0))
    message = str(e.value)
    assert uri in message and "pw-4711" not in message and "\n" not in message
    assert "did not answer within 1s" in message


def test_password_never_from_argv(lcg, bolt_server):
    assert lcg("stats", "--password", "x", env=bolt_server.env()).exit_code == 2  # no such option
    uri = bolt_server.uri.replace("bolt://", f"bolt://{bolt_server.user}:secret-4711@")
    _one_line_error(lcg("stats", "--neo4j", uri), mentions="NEO4J_PASSWORD", secret="secret-4711")


def test_cypher_reads_in_every_format(lcg, empty_db):
    env = empty_db.env()
    assert lcg("load", "--data", TINY, env=env).exit_code == 0
    query = "MATCH (o:Organisation)-[r:PARTNER_IN]->(p) WHERE p.id = $project RETURN o.id AS org, r.role AS role"
    result = lcg("cypher", query, "--param", "project=digital-skills-study", "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"org": "university-of-example", "role": "lead"}]
    table = lcg("cypher", "MATCH (n:Theme) RETURN n.id AS id, n.name AS name", env=env)
    assert table.stdout.splitlines()[0].split() == ["id", "name"] and "digital-inclusion" in table.stdout
    csv = lcg("cypher", "MATCH (n:Person) RETURN n.name AS name, $k AS k", "--param", "k=[1, 2]",
              "--format", "csv", env=env)
    assert csv.stdout == "name,k\nAda Researcher,1; 2\n"


def test_cypher_write_refused_and_nothing_changed(lcg, empty_db):
    env = empty_db.env()
    assert lcg("load", "--data", TINY, env=env).exit_code == 0
    before = counts(empty_db)
    for query in ("CREATE (n:Theme {id: 'sneaky'}) RETURN n.id AS id",
                  "MATCH (n:Theme) SET n.name = 'changed' RETURN n.id AS id",
                  "MATCH (n) DETACH DELETE n"):
        line = _one_line_error(lcg("cypher", query, env=env), mentions="read-only")
        assert "nothing changed" in line
    assert counts(empty_db) == before
    assert run(empty_db, "MATCH (n:Theme) RETURN n.name AS name") == [{"name": "Digital inclusion"}]


def test_cypher_bad_param_and_syntax(lcg, bolt_server):
    env = bolt_server.env()
    r = lcg("cypher", "RETURN 1 AS x", "--param", "no-equals", env=env)
    assert r.exit_code == 2 and "Invalid value for '--param': 'no-equals' is not NAME=VALUE" in r.stderr
    _one_line_error(lcg("cypher", "MATC (n) RETURN n", env=env), mentions=bolt_server.uri)


def test_uri_schemes(lcg, empty_db):
    """bolt:// and neo4j:// (routing) reach the server; +s/+ssc against a server without TLS: one line."""
    env = {k: v for k, v in empty_db.env().items() if k != "NEO4J_URI"}
    host = empty_db.uri.split("://", 1)[1]
    for scheme in ("bolt", "neo4j"):
        result = lcg("stats", "--format", "csv", "--neo4j", f"{scheme}://{host}", env=env)
        assert result.exit_code == 0, result.output
        assert "total,nodes,0" in result.stdout
    if empty_db.uri.startswith("bolt://127.0.0.1"):  # the suite's own ArcadeDB speaks no TLS
        line = _one_line_error(lcg("stats", "--neo4j", f"bolt+ssc://{host}", env=env), mentions=host)
        assert "TLS" in line
    _one_line_error(lcg("stats", "--neo4j", f"http://{host}", env=env), mentions="scheme")


EXPECTED_FORM = "expected bolt://host:port or neo4j://host:port (+s/+ssc)"


@pytest.mark.parametrize("uri, reason", [
    ("bolt://127.0.0.1:notaport", "port"),
    ("bolt://127.0.0.1:-1", "port"),
    ("bolt://127.0.0.1:99999", "port"),
    ("bolt://127.0.0.1:0", "port"),
    ("bolt://localhost:", "port"),
    ("bolt://", "host"),
    ("bolt://:7687", "host"),
    ("neo4j+s://", "host"),
    ("bolt:/x", "host"),
    ("bolt://exa mple:7687", "host"),
    ("bolt://[::1", "bad Neo4j URI"),
    ("http://localhost:7687", "scheme"),
    ("localhost:7687", "scheme"),
    ("127.0.0.1:7687", "scheme"),
    ("bolt://localhost:7687/neo4j", "NEO4J_DATABASE"),
])
def test_malformed_uri_is_one_line_before_any_connection(lcg, uri, reason):
    """No server needed: a malformed URI is refused as such, never a traceback or 'connection refused'."""
    result = lcg("stats", "--neo4j", uri, env={"NEO4J_PASSWORD": "pw-4711"})
    line = _one_line_error(result, mentions=EXPECTED_FORM, secret="pw-4711")
    assert line.startswith("Error: bad Neo4j URI"), line
    assert reason in line
    assert "refused" not in line and "cannot reach" not in line


@pytest.mark.parametrize("uri", ["bolt://neo4j:s3cret-4711@127.0.0.1:notaport",
                                 "neo4j:s3cret-4711@localhost:7687",
                                 "bolt://neo4j:s3cret-4711@:7687",
                                 "bolt://127.0.0.1:bad?password=s3cret-4711"])
def test_malformed_uri_never_shows_credentials(lcg, uri):
    line = _one_line_error(lcg("stats", "--neo4j", uri), mentions="Neo4j URI", secret="s3cret-4711")
    assert "s3cret" not in line


def test_bad_uri_checked_by_the_library_too():
    """Code that opens a backend without the CLI gets the same one-line BackendError."""
    from graph.backends.bolt import bolt_config
    from graph.errors import BackendError

    for uri in ("bolt://127.0.0.1:notaport", "bolt://", "neo4j://host:7687#frag"):
        with pytest.raises(BackendError) as e:
            bolt_config(uri, prompt=False)
        assert EXPECTED_FORM in str(e.value) and "\n" not in str(e.value)
    ok = bolt_config("neo4j+ssc://db.example.org:7687", prompt=False)
    assert ok.uri == "neo4j+ssc://db.example.org:7687"
    assert bolt_config("bolt://[::1]:7687", prompt=False).uri == "bolt://[::1]:7687"
    assert bolt_config("bolt://localhost", prompt=False).uri == "bolt://localhost"


def test_the_output_names_the_server_that_answered(lcg, bolt_server):
    """On a server, stderr says which one (no password); the rows on stdout stay clean."""
    result = lcg("stats", "--format", "json", "--neo4j", bolt_server.uri,
                 env={"NEO4J_PASSWORD": bolt_server.password, "NEO4J_USERNAME": bolt_server.user,
                      "NEO4J_DATABASE": bolt_server.database})
    assert result.exit_code == 0, result.output
    host = bolt_server.uri.split("//", 1)[1]
    assert result.stderr.count("Graph: Neo4j at ") == 1 and host in result.stderr
    assert bolt_server.password not in result.stderr
    json.loads(result.stdout)
