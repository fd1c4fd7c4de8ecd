"""Maps and exports on a real Bolt server (ArcadeDB started by the suite, or NEO4J_URI's).

`lcg map`/`lcg export --neo4j` must give what the embedded graph gives, and the
exported Cypher script, run statement by statement, must rebuild the graph that
`lcg load` writes.
"""

from __future__ import annotations

import json
import re

from conftest import FIXTURES
from support.bolt_db import dump, empty_db, run  # noqa: F401 (empty_db is a fixture)
from test_map_support import write_hostile_data


def _payload(path):
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="lcg-data">(.*?)</script>', text, re.S).group(1))


def test_map_and_export_on_neo4j_equal_embedded(lcg, empty_db, tmp_path):
    env = empty_db.env()
    assert lcg("load", "--data", FIXTURES / "tiny", env=env).exit_code == 0
    for where, extra, e in (("embedded", (), None), ("neo4j", ("--neo4j", empty_db.uri), env)):
        r = lcg("map", "--data", FIXTURES / "tiny", *extra, "--around", "university-of-example", "--depth", "1",
                "-o", tmp_path / f"{where}.html", env=e)
        assert r.exit_code == 0, r.output
        r = lcg("export", "--format", "json", "--data", FIXTURES / "tiny", *extra, "-o", tmp_path / f"{where}.json",
                env=e)
        assert r.exit_code == 0, r.output
    emb, neo = _payload(tmp_path / "embedded.html"), _payload(tmp_path / "neo4j.html")
    assert neo["nodes"] == emb["nodes"] and neo["edges"] == emb["edges"]
    assert any("Neo4j at" in line for line in neo["caption"])
    assert not any(empty_db.password and empty_db.password in line for line in neo["caption"])
    a = json.loads((tmp_path / "embedded.json").read_text())
    b = json.loads((tmp_path / "neo4j.json").read_text())
    assert a["nodes"] == b["nodes"] and a["edges"] == b["edges"]


def test_cypher_script_rebuilds_what_load_writes(lcg, empty_db, tmp_path):
    from visualise.exports import export

    data = tmp_path / "h"
    write_hostile_data(data)
    assert lcg("load", "--data", data, env=empty_db.env()).exit_code == 0
    loaded = _data_only(dump(empty_db))

    from graph.backends.open import open_backend

    g = open_backend(data).graph
    export(g, "cypher", tmp_path / "g.cypher")
    statements = [line[:-1] for line in (tmp_path / "g.cypher").read_text(encoding="utf-8").split("\n")[1:] if line]
    run(empty_db, "MATCH (n) DETACH DELETE n")
    for _ in range(2):                                     # twice: MERGE makes the second run change nothing
        for s in statements:
            if s.startswith("CREATE CONSTRAINT"):
                continue                                   # the server already has lcg load's constraints
            run(empty_db, s)
    assert _data_only(dump(empty_db)) == loaded
    assert loaded[0] and loaded[1]


def _data_only(state):
    """The graph's nodes and ties, without the load's own bookkeeping node (its fingerprint manifest)."""
    from graph import schema

    nodes, rels = state
    return [n for n in nodes if set(n["labels"]) <= set(schema.NODE_KINDS)], rels
