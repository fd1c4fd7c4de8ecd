"""The graph a running server answers from, reopened when the data folder changes.

Each request asks ``GraphSource.backend()``. For a data folder it first compares
a stat fingerprint of the folder's kind files (name, size, mtime: a dozen
``stat`` calls, microseconds); when that changed, the folder is opened again
through ``graph.backends.open.open_backend``, so the usual validated load and its
warm cache apply (bench/RESULTS.md: loading). Data that no longer validates keeps
the last good graph and the pages say why, so a half-saved edit never takes the
app down. A Neo4j server is live already and is never reopened.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from graph import schema
from graph.errors import LcgError

__all__ = ["GraphSource"]


def fingerprint(data_dir) -> tuple:
    """(name, size, mtime_ns) of each kind file present: what changes when someone saves an edit."""
    out = []
    for kind in schema.NODE_KINDS.values():
        try:
            st = os.stat(Path(data_dir) / kind.file)
        except OSError:
            continue
        out.append((kind.file, st.st_size, st.st_mtime_ns))
    return tuple(out)


class GraphSource:
    """Hands out the current backend; thread-safe, reloads at most once per change."""

    def __init__(self, data_dir, neo4j_uri: str | None = None, **neo4j_options):
        self.data_dir = str(data_dir)
        self.neo4j_uri = neo4j_uri
        self._neo4j_options = neo4j_options
        self._lock = threading.Lock()
        self._backend = None
        self._stamp = None
        self.problem: str | None = None   # why the folder's current files are not being served
        self.generation = 0               # bumped on each reload; keys per-graph caches
        self.backend()                    # fail at start-up, not on the first request

    @property
    def where(self) -> str:
        if self.neo4j_uri:
            from urllib.parse import urlsplit

            u = urlsplit(self.neo4j_uri)
            return f"Neo4j at {u.scheme}://{u.hostname or ''}{f':{u.port}' if u.port else ''}"
        return self.data_dir

    def backend(self):
        if self.neo4j_uri:
            if self._backend is None:
                from graph.backends.open import open_backend

                self._backend = open_backend(self.data_dir, neo4j_uri=self.neo4j_uri, **self._neo4j_options)
            return self._backend
        stamp = fingerprint(self.data_dir)
        if stamp == self._stamp and self._backend is not None:
            return self._backend
        with self._lock:
            if stamp != self._stamp or self._backend is None:
                self._reload(stamp)
        return self._backend

    def _reload(self, stamp) -> None:
        from graph.backends.open import open_backend

        try:
            backend = open_backend(self.data_dir)
        except LcgError as e:
            if self._backend is None:
                raise
            self.problem = f"{self.data_dir} changed but cannot be loaded ({e}); showing the data as it was."
            self._stamp = stamp  # do not retry until the files change again
            return
        self._backend, self._stamp, self.problem = backend, stamp, None
        self.generation += 1
        # build the search index now, beside the first requests, not inside the first search (seconds at 1M)
        from graph.search import search

        threading.Thread(target=search, args=(backend, "index"), daemon=True).start()

    def close(self) -> None:
        if self._backend is not None and hasattr(self._backend, "close"):
            self._backend.close()
