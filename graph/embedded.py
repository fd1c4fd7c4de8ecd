"""The embedded graph: a validated dataset as a networkx MultiDiGraph.

Zero set-up: every command works on this graph with no server. Node and edge
attributes follow docs/internals.md, which maps, exports and the embedded
backend rely on.
"""

from __future__ import annotations

from .records import Node, Rel

__all__ = ["build_graph", "node_attrs", "edge_attrs"]


def node_attrs(node: Node) -> dict:
    attrs = {"kind": node.kind}
    for k, v in node.props.items():
        attrs[k] = list(v) if isinstance(v, tuple) else v
    return attrs


def edge_attrs(rel: Rel) -> dict:
    attrs = {"kind": rel.kind}
    for k, v in rel.props.items():
        attrs[k] = list(v) if isinstance(v, tuple) else v
    return attrs


def build_graph(dataset):
    import networkx as nx

    g = nx.MultiDiGraph(name=dataset.name)
    g.add_nodes_from((n.id, node_attrs(n)) for n in dataset.nodes)
    g.add_edges_from((r.start, r.end, r.key, edge_attrs(r)) for r in dataset.rels)
    return g
