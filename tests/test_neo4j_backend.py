"""The Cypher backend's primitives return exactly the embedded backend's records.

Same records, same order, same properties with the same types and key order,
on the seed data and a generated dataset loaded into the session's Bolt server.
(tests/test_parity.py compares whole commands; this pins each primitive.)
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from support.bolt_db import embedded_and_server


def _exact(a, b) -> None:
    """Equal, in the same order, and every record's props equal with the same keys in the same order."""
    assert a == b
    for x, y in zip(a, b):
        xs, ys = (x, y) if isinstance(x, tuple) else ((x,), (y,))
        for p, q in zip(xs, ys):
            if isinstance(p, str):  # the node id an incident row is about
                continue
            for r, s in ([(p, q)] if not hasattr(p, "nodes") else [*zip(p.nodes, q.nodes), *zip(p.ties, q.ties)]):
                assert list(r.props.items()) == list(s.props.items())
                assert [type(v) for v in r.props.values()] == [type(v) for v in s.props.values()]


@pytest.fixture(scope="module", params=["seed", "generated"])
def backends(request, bolt_server, tmp_path_factory):
    if request.param == "seed":
        data = SEED
    else:
        data = tmp_path_factory.mktemp("primitives") / "generated"
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", "3000", "-o",
                        str(data), "--seed", "7"], check=True, capture_output=True)
    with embedded_and_server(bolt_server, data) as pair:
        yield pair


def _sample(backend, n=25, seed=3):
    ids = [x.id for x in backend.nodes()]
    return random.Random(seed).sample(ids, min(n, len(ids)))


def test_nodes_relationships_counts(backends):
    emb, srv = backends
    _exact(emb.nodes(), srv.nodes())
    _exact(emb.nodes(["Project", "Place"]), srv.nodes(["Place", "Project"]))
    _exact(emb.relationships(), srv.relationships())
    _exact(emb.relationships(["FUNDS", "WORKS_FOR"]), srv.relationships(["FUNDS", "WORKS_FOR"]))
    assert emb.nodes(["NoSuchKind"]) == srv.nodes(["NoSuchKind"]) == []
    assert emb.counts() == srv.counts()
    some = _sample(emb, 5)
    for i in some:
        _exact([emb.node(i)], [srv.node(i)])
    assert emb.node("no-such-id") is None and srv.node("no-such-id") is None


def test_incident_batched(backends):
    emb, srv = backends
    ids = _sample(emb)
    kinds = ["PARTNER_IN", "MEMBER_OF", "WORKS_ON"]
    for backend in (emb, srv):  # neither guesses what an unknown direction means
        with pytest.raises(ValueError, match="direction must be"):
            backend.incident(ids, direction="sideways")
    for direction in ("out", "in", "both"):
        _exact(emb.incident(ids, direction=direction), srv.incident(ids, direction=direction))
        _exact(emb.incident(ids, rel_kinds=kinds, direction=direction),
               srv.incident(ids, rel_kinds=kinds, direction=direction))
    rows = emb.incident(ids)
    assert rows and rows == sorted(rows, key=lambda r: (r[0], r[2].id, r[1].sort_key()))
    assert srv.incident(["no-such-id"]) == [] == emb.incident(["no-such-id"])


def test_neighbours_and_co_participation(backends):
    from graph.queries.walks import co_participation, neighbours

    emb, srv = backends
    for i in _sample(emb):
        for direction in ("out", "in", "both"):
            _exact(neighbours(emb, i, direction=direction), neighbours(srv, i, direction=direction))
        kinds = ["PARTNER_IN", "MEMBER_OF", "WORKS_ON"]
        _exact(neighbours(emb, i, rel_kinds=kinds), neighbours(srv, i, rel_kinds=kinds))
        _exact(co_participation(emb, i), co_participation(srv, i))
        _exact(co_participation(emb, i, rel_kinds=kinds), co_participation(srv, i, rel_kinds=kinds))
    assert neighbours(srv, "no-such-id") == [] and co_participation(srv, "no-such-id") == []


def test_shortest_paths(backends):
    from graph.queries.path import shortest_paths

    emb, srv = backends
    ids = _sample(emb, 16, seed=5)
    found = 0
    for a, b in zip(ids[:8], ids[8:]):
        for kinds, hops in ((None, 4), (["PARTNER_IN", "FUNDS", "WORKS_ON", "WORKS_FOR", "MEMBER_OF"], 6), (None, 2)):
            e = shortest_paths(emb, a, b, max_hops=hops, rel_kinds=kinds)
            _exact(e, shortest_paths(srv, a, b, max_hops=hops, rel_kinds=kinds))
            found += bool(e)
    assert found  # some pairs are connected, so paths themselves were compared
    assert shortest_paths(srv, ids[0], ids[0]) == []


def test_subgraph(backends):
    emb, srv = backends
    ids = _sample(emb, 60, seed=11) + ["no-such-id"]
    from graph.nx_build import graph_from_records

    se, ss = emb.subgraph(ids), srv.subgraph(ids)
    _exact(list(se.nodes), list(ss.nodes))
    _exact(list(se.ties), list(ss.ties))
    assert se.name == ss.name
    ge, gs = graph_from_records(se), graph_from_records(ss)
    assert ge.graph == gs.graph
    assert sorted(ge.nodes(data=True)) == sorted(gs.nodes(data=True))
    assert sorted(ge.edges(keys=True, data=True), key=repr) == sorted(gs.edges(keys=True, data=True), key=repr)
    assert ge.number_of_edges() > 0
