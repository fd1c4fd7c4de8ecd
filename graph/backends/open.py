"""Choosing the backend a command runs on: the embedded graph, or Neo4j over Bolt."""

from __future__ import annotations

import os

from ..loading import open_graph as _nx_graph
from .base import Backend

__all__ = ["open_backend", "open_graph"]


def open_backend(data_dir: str | os.PathLike | None = "seed_data", *, neo4j_uri: str | None = None,
                 **neo4j_options) -> Backend:
    """The embedded backend over ``data_dir``, or a Cypher backend when ``neo4j_uri`` is given.

    Use it as a context manager (``with open_backend(...) as g:``) to close a server connection.
    Raises ``DataDirNotFound``/``ValidationFailed`` for a bad folder, ``BackendError`` for a server.
    """
    if neo4j_uri:
        from .neo4j_backend import open_neo4j_backend

        return open_neo4j_backend(neo4j_uri, **neo4j_options)
    from .embedded import EmbeddedBackend

    return EmbeddedBackend(_nx_graph(data_dir if data_dir is not None else "seed_data"))


#: The library's name for it (``graph.open_graph``).
open_graph = open_backend
