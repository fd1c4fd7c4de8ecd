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
    everyone = cluster_rows(open_backend(str(SEED)))[0]  # the library's default: every actor kind
    assert "Place" in {kinds[m] for r in everyone for m in r["member_ids"]}
