"""`lcg load --neo4j` against a real Bolt server (ArcadeDB started by the suite, or NEO4J_URI's).

Idempotent reloads, --replace removing exactly what the data no longer has (and
nothing lcg did not write), invalid data writing nothing, and a load killed
half-way finished by running it again.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import yaml

from conftest import FIXTURES, ROOT
from support.bolt_db import counts, dump, empty_db, run  # noqa: F401 (empty_db is a fixture)

TINY = FIXTURES / "tiny"


def _load(lcg, settings, data, *extra):
    return lcg("load", "--data", data, *extra, env=settings.env())


def test_load_twice_same_counts_and_properties(lcg, empty_db):
    first = _load(lcg, empty_db, TINY)
    assert first.exit_code == 0, first.output
    assert "wrote 7 nodes and 9 relationships" in first.stderr
    state = dump(empty_db)
    assert counts(empty_db) == (7, 9)
    second = _load(lcg, empty_db, TINY)
    assert second.exit_code == 0, second.output
    assert "wrote 0 nodes and 0 relationships (7 and 9 unchanged)" in second.stderr
    assert dump(empty_db) == state


def test_loaded_graph_holds_the_data(lcg, empty_db):
    """Every node and tie with its fields, lists as lists, amounts as numbers, marked with the dataset."""
    assert _load(lcg, empty_db, TINY).exit_code == 0
    study = run(empty_db, "MATCH (p:Project {id: 'digital-skills-study'}) RETURN properties(p) AS p")[0]["p"]
    assert study["name"] == "Digital Skills Study" and study["start"] == "2019" and study["end"] == "2020-03"
    assert study["sources"] == ["https://example.org/study"] and study["dataset"] == "tiny"
    funds = run(empty_db, "MATCH (:Organisation {id: 'example-city-council'})-[r:FUNDS]->(:Project) "
                          "RETURN properties(r) AS r")[0]["r"]
    assert funds["amount"] == 25000 and isinstance(funds["amount"], int)
    assert funds["currency"] == "GBP" and funds["period"] == "2019-2020" and funds["dataset"] == "tiny"
    leads = run(empty_db, "MATCH (o)-[r:PARTNER_IN]->(n) RETURN o.id AS o, r.role AS role, n.id AS n ORDER BY o, n")
    assert {"o": "example-city-council", "role": "lead", "n": "example-learning-network"} in leads


def test_replace_removes_exactly_what_the_data_dropped(lcg, empty_db, tmp_path):
    data = tmp_path / "tiny"
    shutil.copytree(TINY, data)
    assert _load(lcg, empty_db, data).exit_code == 0
    # Things lcg did not write: a node of a schema label, one of another label, and a tie to an lcg node.
    run(empty_db, "CREATE (:Organisation {id: 'not-lcg', name: 'Hand made'})")
    run(empty_db, "CREATE (:Visitor {id: 'visitor-1'})")
    run(empty_db, "MATCH (o:Organisation {id: 'not-lcg'}) MATCH (u:Organisation {id: 'university-of-example'}) "
                  "CREATE (o)-[:PARTNER_IN {note: 'hand made'}]->(u)")
    before_nodes, before_rels = dump(empty_db)

    projects = yaml.safe_load((data / "projects.yaml").read_text())
    gone = "digital-skills-study"
    (data / "projects.yaml").write_text(yaml.safe_dump([p for p in projects if p["id"] != gone]))

    plain = _load(lcg, empty_db, data)  # without --replace nothing is removed
    assert plain.exit_code == 0, plain.output
    assert dump(empty_db) == (before_nodes, before_rels)

    result = _load(lcg, empty_db, data, "--replace")
    assert result.exit_code == 0, result.output
    after_nodes, after_rels = dump(empty_db)
    removed_nodes = [n for n in before_nodes if n not in after_nodes]
    removed_rels = [r for r in before_rels if r not in after_rels]
    assert [n["props"]["id"] for n in removed_nodes] == [gone]
    assert removed_rels and all(gone in (r["start"], r["end"]) for r in removed_rels)
    assert len(removed_rels) == sum(gone in (r["start"], r["end"]) for r in before_rels)
    assert all(n in after_nodes for n in before_nodes if n not in removed_nodes)
    assert {"type": "PARTNER_IN", "start": "not-lcg", "end": "university-of-example",
            "props": {"note": "hand made"}} in after_rels
    assert "removed 1 and" in result.stderr


def test_invalid_data_writes_nothing(lcg, empty_db):
    result = _load(lcg, empty_db, FIXTURES / "broken" / "unknown-ref")
    assert result.exit_code == 1
    assert "nothing was loaded" in result.stderr
    assert counts(empty_db) == (0, 0)


def test_killed_load_rerun_equals_one_clean_load(lcg, empty_db, tmp_path):
    """Kill a real loader process mid-way (one row per transaction), rerun: the graph of one clean load."""
    data = tmp_path / "gen"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", "2000",
                    "-o", str(data), "--seed", "1"], check=True, capture_output=True)
    assert _load(lcg, empty_db, data).exit_code == 0
    clean = dump(empty_db)
    total_rels = len(clean[1])
    run(empty_db, "MATCH (n) DETACH DELETE n")

    env = {**os.environ, **empty_db.env(), "LCG_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "cli", "load", "--data", str(data), "--batch-size", "1"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if counts(empty_db)[1] >= 50:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the loader finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    partial = counts(empty_db)[1]
    assert 0 < partial < total_rels

    rerun = _load(lcg, empty_db, data)
    assert rerun.exit_code == 0, rerun.output
    assert dump(empty_db) == clean


def test_reload_notices_changes_made_on_the_server(lcg, empty_db):
    """A reload of the same data restores a deleted lcg node; --replace also undoes a hand edit."""
    assert _load(lcg, empty_db, TINY).exit_code == 0
    clean = dump(empty_db)
    run(empty_db, "MATCH (t:Theme {id: 'digital-inclusion'}) DETACH DELETE t")
    again = _load(lcg, empty_db, TINY)
    assert "wrote 1 nodes and 1 relationships" in again.stderr, again.stderr
    assert dump(empty_db) == clean
    run(empty_db, "MATCH (t:Theme {id: 'digital-inclusion'}) SET t.name = 'edited by hand'")
    assert _load(lcg, empty_db, TINY, "--replace").exit_code == 0
    assert dump(empty_db) == clean
