"""Facts the seed documents state, found by the who-works-with-whom queries on seed_data/.
"""

from __future__ import annotations

import pytest

from conftest import SEED


@pytest.fixture(scope="module")
def backend():
    from graph.backends.embedded import EmbeddedBackend
    from graph.dataset import load_dataset

    return EmbeddedBackend.from_dataset(load_dataset(SEED))


def test_university_and_council_collaborate_through_the_wclr_partnership(backend):
    from graph.queries.collaborators import collaborator_rows

    rows = {r["id"]: r for r in collaborator_rows(backend, "university-of-wolverhampton")}
    council = rows["city-of-wolverhampton-council"]
    assert "network" in council["via"]
    assert any("(wolverhampton-city-learning-region)" in e for e in council["evidence"])
    # and the other way round, by name
    back = {r["id"]: r for r in collaborator_rows(backend, "City of Wolverhampton Council", via="network")}
    assert any("(wolverhampton-city-learning-region)" in e for e in back["university-of-wolverhampton"]["evidence"])


def test_wolverhampton_is_connected_to_cork_through_the_gnlc_health_cluster(backend):
    from graph.queries.path import path_rows

    rows, _ = path_rows(backend, "wolverhampton", "cork")
    clusters = [r for r in rows if len(r["ids"]) == 3 and "cluster" in r["ids"][1]]
    assert clusters, rows
    assert all(r["ids"][0] == "wolverhampton" and r["ids"][-1] == "cork" for r in rows)
    node = backend.node(clusters[0]["ids"][1])
    assert "Health" in node.name and node.kind == "Network"


def test_wolverhampton_is_connected_to_cork_through_building_a_learning_region(backend):
    from graph.queries.path import path_rows

    rows, _ = path_rows(backend, "wolverhampton", "cork", through="Building a Learning Region")
    assert rows
    for r in rows:
        assert r["ids"][0] == "wolverhampton" and r["ids"][-1] == "cork"
        assert "building-a-learning-region" in r["ids"]
        assert "Building a Learning Region" in r["path"]


def test_commands_run_on_the_seed_data(lcg):
    for args in (["brokers"], ["clusters"], ["gaps"], ["timeline"], ["collaborators", "wolverhampton"], ["path", "unesco-gnlc", "cork"]):
        r = lcg(*args, "--data", SEED)
        assert r.exit_code == 0, (args, r.output)
        assert r.stdout.strip() and r.stdout != "(no rows)\n", args


def test_brokers_and_clusters_do_not_depend_on_hash_order(tmp_path):
    """Same data, same seed, another PYTHONHASHSEED (set and dict-of-str orders change): same rows."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    outs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "LCG_CACHE_DIR": str(tmp_path / hash_seed)}
        outs.append([subprocess.run([sys.executable, "-m", "cli", cmd, "--data", str(SEED), "--format", "json",
                                     "--limit", "0"], cwd=ROOT, env=env, capture_output=True, text=True,
                                    check=True).stdout for cmd in ("brokers", "clusters")])
    assert outs[0] == outs[1]
    assert '"betweenness"' in outs[0][0] and '"member_ids"' in outs[0][1]


def test_an_open_membership_is_still_running(backend):
    from graph.queries.collaborators import collaborator_rows

    # Wolverhampton is a member of the GNLC health cluster since 2020-02, with no end: not "2020-2020"
    rows = {r["id"]: r for r in collaborator_rows(backend, "cork", as_of="2024")}
    assert (rows["wolverhampton"]["first_year"], rows["wolverhampton"]["last_year"]) == (2020, None)


def test_an_organisation_gap_keeps_the_direction_of_its_ties(backend):
    from graph.queries.gaps import gap_rows

    # the commission is part of the ILO (organisations.yaml), not the other way round
    why = {r["id"]: r["why"] for r in gap_rows(backend, only="organisation")}
    ilo = why["international-labour-organisation"]
    assert "<-PART_OF- ILO Global Commission on the Future of Work" in ilo
    assert "-PART_OF-> ILO Global Commission" not in ilo
