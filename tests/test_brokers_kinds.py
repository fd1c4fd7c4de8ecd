"""`lcg brokers` and `lcg clusters` rank organisations and people by default; places only when asked (--kind)."""

from __future__ import annotations

import csv
import io

from conftest import SEED


def _rows(lcg, *args):
    result = lcg(*args, "--data", SEED, "--format", "csv", "--limit", "0")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_brokers_leave_places_out_unless_asked(lcg):
    default = _rows(lcg, "brokers")
    assert default and {r["kind"] for r in default} == {"Organisation", "Person"}
    assert [int(r["rank"]) for r in default] == list(range(1, len(default) + 1))
    with_places = _rows(lcg, "brokers", "--kind", "place", "--kind", "organisation", "--kind", "person")
    assert "Place" in {r["kind"] for r in with_places}
    # the same scores: the network is the same, only what is listed changes
    score = {r["id"]: r["betweenness"] for r in with_places}
    assert all(score[r["id"]] == r["betweenness"] for r in default)
    assert {r["kind"] for r in _rows(lcg, "brokers", "--kind", "place")} == {"Place"}


def test_clusters_list_organisations_and_people_unless_asked(lcg):
    from graph.backends.open import open_backend
    from graph.queries.clusters import cluster_rows

    kinds = {n.id: n.kind for n in open_backend(str(SEED)).nodes(None)}
    default = _rows(lcg, "clusters")
    listed = [m for r in default for m in r["member_ids"].split("; ")]
    assert listed and {kinds[m] for m in listed} <= {"Organisation", "Person"}
    assert all(int(r["size"]) == len(r["member_ids"].split("; ")) for r in default)
    everyone = cluster_rows(open_backend(str(SEED))).rows  # the library's default: every actor kind
    assert "Place" in {kinds[m] for r in everyone for m in r["member_ids"]}


def test_brokers_and_clusters_return_one_result_shape_and_the_cli_prints_its_notes(lcg):
    import json

    from graph.backends.open import open_backend
    from graph.queries.brokers import broker_rows
    from graph.queries.clusters import cluster_rows

    backend = open_backend(str(SEED))
    for query in (broker_rows, cluster_rows):
        whole, cut = query(backend), query(backend, limit=2)
        assert cut.rows == whole.rows[:2] and cut.total == whole.total == len(whole.rows) > 2
        assert len(cut.notes) == 1 and "--" not in cut.notes[0]  # notes speak of values, not of flags
    result = lcg("brokers", "--data", SEED, "--limit", "2", "--format", "json")
    assert len(json.loads(result.stdout)) == 2  # stdout: the rows only
    notes = broker_rows(backend, kinds=("Organisation", "Person")).notes
    assert result.stderr.splitlines()[0] == notes[0]
    assert result.stderr.splitlines()[1].startswith("Showing 2 of ")
