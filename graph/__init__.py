"""learning-city-graph: a knowledge graph of who works with whom in a learning city region.

The library API, importable from here (``import graph``)::

    with graph.open_graph("seed_data") as g:          # or open_graph(neo4j_uri="bolt://...")
        rows, total = graph.collaborator_page(g, "university-of-wolverhampton", limit=5)

Names are imported on first use (module ``__getattr__``), so ``import graph`` (and
``lcg --help``) loads none of networkx, numpy or the Neo4j driver.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> the module that defines it (relative to this package).
_EXPORTS: dict[str, str] = {
    # opening a graph, and what it returns
    "open_graph": ".backends.open", "open_backend": ".backends.open",
    "Backend": ".backends.base", "NodeRecord": ".backends.base", "Tie": ".backends.base",
    "Path": ".backends.base", "Subgraph": ".backends.base",
    "load_dataset": ".dataset", "check_dataset": ".dataset",
    # questions
    "stats_rows": ".describe", "show_node": ".describe",
    "search": ".search", "resolve": ".search",
    "collaborator_rows": ".queries.collaborators", "collaborator_page": ".queries.collaborators",
    "path_rows": ".queries.path", "shortest_paths": ".queries.path",
    "broker_rows": ".queries.brokers", "cluster_rows": ".queries.clusters",
    "gap_rows": ".queries.gaps", "timeline_rows": ".queries.timeline",
    "overlap_rows": ".queries.overlaps", "duplicate_rows": ".queries.duplicates",
    "neighbours": ".queries.walks", "co_participation": ".queries.walks",
    "strengths": ".queries.strength", "WEIGHTS": ".queries.strength",
    # errors
    "LcgError": ".errors", "DataDirNotFound": ".errors", "ValidationFailed": ".errors", "UnknownNode": ".errors",
    "AmbiguousName": ".errors", "BackendError": ".errors", "BadDate": ".errors", "BadOption": ".errors",
    "OutOfRange": ".errors", "BadRange": ".errors", "WrongKind": ".errors", "SameNode": ".errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # found once; later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # what a type checker and an editor see
    from .backends.base import Backend, NodeRecord, Path, Subgraph, Tie
    from .backends.open import open_backend, open_graph
    from .dataset import check_dataset, load_dataset
    from .describe import show_node, stats_rows
    from .errors import (AmbiguousName, BackendError, BadDate, BadOption, BadRange, DataDirNotFound, LcgError,
                         OutOfRange, SameNode, UnknownNode, ValidationFailed, WrongKind)
    from .queries.brokers import broker_rows
    from .queries.clusters import cluster_rows
    from .queries.strength import WEIGHTS, strengths
    from .queries.collaborators import collaborator_page, collaborator_rows
    from .queries.duplicates import duplicate_rows
    from .queries.gaps import gap_rows
    from .queries.overlaps import overlap_rows
    from .queries.path import path_rows, shortest_paths
    from .queries.timeline import timeline_rows
    from .queries.walks import co_participation, neighbours
    from .search import resolve, search
