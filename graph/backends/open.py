"""Choosing the backend a command runs on: the embedded graph, or Neo4j over Bolt."""

from __future__ import annotations

from ..loading import open_graph

__all__ = ["open_backend"]


def open_backend(data_dir, *, neo4j_uri: str | None = None, **neo4j_options):
    """The embedded backend over ``data_dir``, or a Cypher backend when ``neo4j_uri`` is given."""
    if neo4j_uri:
        from .neo4j_backend import open_neo4j_backend

        return open_neo4j_backend(neo4j_uri, **neo4j_options)
    from .embedded import EmbeddedBackend

    return EmbeddedBackend(open_graph(data_dir))
