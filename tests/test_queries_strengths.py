"""The lean path of `lcg collaborators` gives what the full walk gives.

Without date filters ``collaborators`` sums strengths with the backend's
``co_participation_strengths`` and fetches evidence with ``co_participation(...,
others=...)`` for the printed rows only; with ``--since``/``--as-of`` it walks every
``co_participation`` row. A ``--since`` before all dates keeps everything, so the two
paths must give the same rows. Checked on the hand-made fixture, the seed data and a
generated dataset (tests/test_parity.py runs the same commands on the Bolt backend).
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, SEED


@pytest.fixture(scope="module", params=["collab", "seed", "generated"])
def backend(request, tmp_path_factory):
    from graph.backends.embedded import EmbeddedBackend
    from graph.dataset import load_dataset

    if request.param == "collab":
        data = FIXTURES / "collab"
    elif request.param == "seed":
        data = SEED
    else:
        data = tmp_path_factory.mktemp("strengths") / "generated"
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", "3000", "-o",
                        str(data), "--seed", "5"], check=True, capture_output=True)
    return EmbeddedBackend.from_dataset(load_dataset(data))


def _actors(backend, n=60):
    ids = [x.id for x in backend.nodes(["Organisation", "Person", "Place"])]
    return sorted(random.Random(2).sample(ids, min(n, len(ids))))


def test_strengths_primitive_sums_the_heaviest_pair_per_item(backend):
    """The numpy accelerator and the plain rule, against a sum written out from ``co_participation`` rows."""
    from graph.queries.strength import StrengthAccelerator, plain_strengths, strengths, weight_table
    from graph.queries.walks import co_participation

    assert isinstance(backend, StrengthAccelerator)
    for via in (None, "event", "project"):
        weights = weight_table(via)
        kinds = sorted({k for _, m, t in weights for k in (m, t)})
        for actor in _actors(backend):
            best: dict[tuple[str, str], int] = {}
            kind_of = {}
            for mine, item, theirs, other in co_participation(backend, actor, rel_kinds=kinds):
                w = weights.get((item.kind, mine.kind, theirs.kind))
                if mine.start == actor and theirs.start == other.id and w is not None:
                    best[(item.id, other.id)] = max(best.get((item.id, other.id), 0), w)
                    kind_of[other.id] = other.kind
            expected: dict[str, int] = {}
            for (_, other), w in best.items():
                expected[other] = expected.get(other, 0) + w
            got = sorted(strengths(backend, actor, weights, other_kinds=None))
            assert got == sorted((o, kind_of[o], w) for o, w in expected.items()), (actor, via)
            assert got == plain_strengths(backend, actor, weights), (actor, via)
            people = sorted(strengths(backend, actor, weights, other_kinds=["Person"]))
            assert people == [r for r in got if r[1] == "Person"]
            assert people == plain_strengths(backend, actor, weights, other_kinds=["Person"])


def test_co_participation_of_some_others_is_the_full_list_filtered(backend):
    from graph.queries.walks import co_participation

    rnd = random.Random(4)
    for actor in _actors(backend, 30):
        full = co_participation(backend, actor)
        ids = sorted({r[3].id for r in full})
        some = rnd.sample(ids, min(3, len(ids))) + ["no-such-id", actor]
        assert co_participation(backend, actor, others=some) == [r for r in full if r[3].id in some]
        assert co_participation(backend, actor, others=[]) == []
        kinds = ["MEMBER_OF", "PARTNER_IN"]
        assert co_participation(backend, actor, rel_kinds=kinds, others=ids) == co_participation(
            backend, actor, rel_kinds=kinds)


@pytest.mark.parametrize("via, kind", [(None, None), ("project", None), ("event", None), ("network", None),
                                       ("employment", None), (None, "Person"), (None, "Organisation")])
def test_lean_and_full_paths_give_the_same_rows(backend, via, kind):
    from graph.queries.collaborators import collaborator_page

    for actor in _actors(backend, 40):
        lean, total = collaborator_page(backend, actor, via=via, kind=kind)
        full, full_total = collaborator_page(backend, actor, via=via, kind=kind, since="0001")
        assert lean == full and total == full_total == len(lean), actor
        for limit in (1, 3):
            cut, total = collaborator_page(backend, actor, via=via, kind=kind, limit=limit)
            assert cut == lean[:limit] and total == len(lean)


def test_incident_is_the_graph_s_adjacency(backend):
    """The embedded backend answers ``incident`` from cached tie lists: the same rows as the raw
    networkx adjacency, whatever was cached before."""
    from graph.backends.embedded import EmbeddedBackend
    from graph.queries.walks import co_participation

    g = backend.graph
    fresh = EmbeddedBackend(g)
    actors = _actors(backend, 30)
    for a in actors:
        co_participation(fresh, a)
    for a in actors:
        for kinds in (None, ("WORKS_FOR",), ("PARTNER_IN", "FUNDS")):
            for d in ("both", "in", "out"):
                raw = set()
                if d in ("out", "both"):
                    raw |= {(a, k, v) for _, v, k in g.out_edges(a, keys=True)}
                if d in ("in", "both"):
                    raw |= {(u, k, a) for u, _, k in g.in_edges(a, keys=True)}
                raw = {r for r in raw if kinds is None or g.edges[r[0], r[2], r[1]]["kind"] in kinds}
                got = fresh.incident([a], rel_kinds=kinds, direction=d)
                assert {(t.start, t.key, t.end) for _, t, _ in got} == raw, (a, kinds, d)
                assert len(got) == len(raw)


@pytest.fixture(scope="module")
def both(bolt_server):
    """The collab fixture on the embedded graph and loaded into the session's Bolt server."""
    from support.bolt_db import embedded_and_server

    with embedded_and_server(bolt_server, FIXTURES / "collab") as pair:
        yield pair


def test_the_bolt_backend_gives_the_same_strengths_and_rows(both):
    from graph.queries.strength import StrengthAccelerator, strengths, weight_table
    from graph.queries.walks import co_participation

    emb, srv = both
    assert not isinstance(srv, StrengthAccelerator)  # the plain rule runs on the server's records
    for actor in [n.id for n in emb.nodes(["Organisation", "Person", "Place"])]:
        for via in (None, "event"):
            weights = weight_table(via)
            for kinds in (None, ["Person", "Place"]):
                assert sorted(strengths(srv, actor, weights, other_kinds=kinds)) == sorted(
                    strengths(emb, actor, weights, other_kinds=kinds)), (actor, via, kinds)
        some = ["beta-council", "hometown", "dan-dale", "no-such-id"]
        assert co_participation(srv, actor, others=some) == co_participation(emb, actor, others=some)
    assert strengths(srv, "no-such-id", weight_table(None)) == []
