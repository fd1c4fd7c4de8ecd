"""The bidirectional shortest-path search (queries/path.py) against networkx's own, on real data.

networkx's ``all_shortest_paths`` on the undirected view is the reference (what the
embedded backend used before it got too slow at a million relationships).
"""

from __future__ import annotations

import random

import networkx as nx
import pytest

from conftest import FIXTURES, SEED

DATA = [FIXTURES / "collab", FIXTURES / "tiny", SEED]


def reference(g, a, b, max_hops, kinds):
    view = g if kinds is None else nx.subgraph_view(g, filter_edge=lambda u, v, k: g.edges[u, v, k]["kind"] in kinds)
    try:
        paths = [tuple(p) for p in nx.all_shortest_paths(view.to_undirected(as_view=True), a, b)]
    except nx.NetworkXNoPath:
        return set()
    return {p for p in paths if len(p) - 1 <= max_hops}


@pytest.mark.parametrize("data", DATA, ids=lambda p: p.name)
def test_same_shortest_paths_as_networkx(data):
    from graph.backends.embedded import EmbeddedBackend
    from graph.dataset import load_dataset
    from graph.queries.path import shortest_paths

    b = EmbeddedBackend.from_dataset(load_dataset(data))
    ids = sorted(b.graph.nodes)
    rnd = random.Random(7)
    pairs = [tuple(rnd.sample(ids, 2)) for _ in range(300)] if len(ids) > 30 else \
        [(x, y) for x in ids for y in ids if x != y]
    without_themes = [k for k in ("MEMBER_OF", "PARTNER_IN", "FUNDS", "COMMISSIONED", "WORKS_FOR", "WORKS_ON",
                                  "PART_OF", "ORGANISED", "PARTICIPATED_IN", "LOCATED_IN", "AUTHORED", "ABOUT")]
    checked = 0
    for a, z in pairs:
        for max_hops, kinds in ((4, None), (2, None), (4, without_themes)):
            got = shortest_paths(b, a, z, max_hops=max_hops, rel_kinds=kinds)
            assert {tuple(n.id for n in p.nodes) for p in got} == reference(b.graph, a, z, max_hops,
                                                                            None if kinds is None else set(kinds))
            assert got == sorted(got, key=lambda p: p.sort_key())
            for p in got:  # each tie joins its neighbours in the chain, in either direction
                for (u, v), t in zip(zip(p.nodes, p.nodes[1:]), p.ties):
                    assert {t.start, t.end} == {u.id, v.id} and (kinds is None or t.kind in kinds)
            checked += bool(got)
    assert checked > 0
