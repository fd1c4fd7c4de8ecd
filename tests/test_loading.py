"""The cached graph is the graph: a warm start gives exactly what a cold one does."""

from __future__ import annotations

import os

from conftest import FIXTURES

from graph.dataset import load_dataset
from graph.nx_build import build_graph
from graph.loading import open_dataset, open_graph

TINY = FIXTURES / "tiny"


def _snapshot(g):
    return (sorted((n, repr(sorted(a.items()))) for n, a in g.nodes(data=True)),
            sorted((u, v, k, repr(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True)))


def test_warm_graph_equals_cold_graph():
    cold = open_graph(TINY)
    assert any(os.scandir(os.environ["LCG_CACHE_DIR"]))
    warm = open_graph(TINY)
    assert warm is not cold
    assert _snapshot(warm) == _snapshot(cold) == _snapshot(build_graph(load_dataset(TINY)))
    assert warm.number_of_edges() == 9


def test_dataset_from_cache_equals_loaded_dataset():
    open_graph(TINY)
    cached, fresh = open_dataset(TINY), load_dataset(TINY)
    assert sorted(cached.nodes, key=lambda n: n.id) == sorted(fresh.nodes, key=lambda n: n.id)
    key = lambda r: (r.kind, r.start, r.end, r.key)
    assert sorted(cached.rels, key=key) == sorted(fresh.rels, key=key)


def test_unreadable_cache_entry_is_rebuilt():
    open_graph(TINY)
    (entry,) = list(os.scandir(os.environ["LCG_CACHE_DIR"]))
    with open(entry.path, "wb") as fh:
        fh.write(b"not a pickle")
    assert open_graph(TINY).number_of_edges() == 9


def test_shared_values_are_equal_not_aliased_across_kinds():
    """Sharing equal lists saves memory; the values must still be the node's own facts."""
    g = open_graph(TINY)
    for _, attrs in g.nodes(data=True):
        for value in attrs.values():
            assert not isinstance(value, tuple)
    sources = [d["sources"] for _, _, d in g.edges(data=True) if "sources" in d]
    assert sources and all(isinstance(s, list) and s for s in sources)
