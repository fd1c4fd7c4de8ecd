"""The embedded graph: a validated dataset as a networkx MultiDiGraph.

Zero set-up: every command works on this graph with no server. Node and edge
attributes follow docs/internals.md, which maps, exports and the embedded
backend rely on.

The graph is filled through networkx's own adjacency dicts rather than
``add_edges_from``: the dataset is already validated and merged (no edge is
added twice), and the per-edge bookkeeping of ``add_edges_from`` made building
a million-relationship graph several times slower (bench/RESULTS.md, "Loading"). Equal strings and
lists are shared (one object per distinct id, edge key and ``sources`` list), so
the graph and its cache take far less memory; treat attribute values as
read-only (``subgraph(...).copy()`` before changing anything).
"""

from __future__ import annotations

from .records import FrozenProps, Node, Rel

__all__ = ["build_graph", "graph_from_records", "node_attrs", "edge_attrs", "dataset_from_graph"]


def _attrs(kind: str, props, shared: dict) -> dict:
    attrs = {"kind": kind}
    for k, v in props.items():
        if type(v) is tuple:
            same = shared.get(v)
            if same is None:
                same = shared[v] = list(v)
            v = same
        attrs[k] = v
    return attrs


def node_attrs(node: Node) -> dict:
    return _attrs(node.kind, node.props, {})


def edge_attrs(rel: Rel) -> dict:
    return _attrs(rel.kind, rel.props, {})


def build_graph(dataset):
    """The dataset as a MultiDiGraph (see the module docstring for the contract)."""
    import networkx as nx

    from .gc_pause import paused_gc

    g = nx.MultiDiGraph(name=dataset.name)
    nodes, succ, pred = g._node, g._succ, g._pred
    ids: dict[str, str] = {}
    keys: dict[str, str] = {}
    shared: dict[tuple, list] = {}
    with paused_gc():
        for n in dataset.nodes:
            node_id = ids.setdefault(n.id, n.id)
            nodes[node_id] = _attrs(n.kind, n.props, shared)
            succ[node_id] = {}
            pred[node_id] = {}
        for r in dataset.rels:
            start, end = ids[r.start], ids[r.end]
            out = succ[start]
            by_key = out.get(end)
            if by_key is None:
                by_key = out[end] = {}
                pred[end][start] = by_key
            key = r.key
            by_key[keys.setdefault(key, key)] = _attrs(r.kind, r.props, shared)
    return g


def graph_from_records(sub):
    """A ``Backend.subgraph`` (records from either backend) as a MultiDiGraph of this module's contract,
    for maps and exports: nodes in id order, edges in tie order, keyed as ``records.Rel.key``."""
    import networkx as nx

    g = nx.MultiDiGraph(name=sub.name)
    for n in sub.nodes:
        g.add_node(n.id, kind=n.kind, **n.props)
    for t in sub.ties:
        g.add_edge(t.start, t.end, key=t.key, kind=t.kind, **t.props)
    return g


def dataset_from_graph(g):
    """The Dataset a graph was built from (the graph keeps every field): for the cache."""
    from . import schema
    from .dataset import Dataset

    def props(attrs: dict) -> FrozenProps:
        return FrozenProps({k: tuple(v) if type(v) is list else v for k, v in attrs.items() if k != "kind"})

    nodes = tuple(Node(n, a["kind"], props(a), schema.NODE_KINDS[a["kind"]].file) for n, a in g.nodes(data=True))
    rels = tuple(Rel(d["kind"], u, v, props(d)) for u, v, d in g.edges(data=True))
    return Dataset(g.graph.get("name", ""), nodes, rels)
