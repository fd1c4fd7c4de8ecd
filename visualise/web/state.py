"""The graph a running server answers from, reopened when the data folder changes.

Each request asks ``GraphSource.backend()``. For a data folder it first compares
a stat fingerprint of the folder's kind files (name, size, mtime: a dozen
``stat`` calls, microseconds); when that changed, the folder is opened again
through ``graph.backends.open.open_backend``, so the usual validated load and its
warm cache apply (bench/RESULTS.md: loading). Data that no longer validates keeps
the last good graph and the pages say why, so a half-saved edit never takes the
app down. A Neo4j server is live already and is never reopened; the answers kept
for it are keyed by the fingerprint its last `lcg load` recorded (``GraphSource.version``).
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator

from werkzeug.datastructures import MultiDict

from graph import schema
from graph.backends.base import Backend
from graph.errors import LcgError
from graph.queries.strength import ACTOR_KINDS

__all__ = ["GraphSource", "AnswerCache", "prepare", "warm_hubs"]


def fingerprint(data_dir: str | os.PathLike) -> tuple:
    """(name, size, mtime_ns) of each kind file present: what changes when someone saves an edit."""
    out = []
    for kind in schema.NODE_KINDS.values():
        try:
            st = os.stat(Path(data_dir) / kind.file)
        except OSError:
            continue
        out.append((kind.file, st.st_size, st.st_mtime_ns))
    return tuple(out)


#: Seconds an answer from a graph server is kept at most (see ``GraphSource.version``).
SERVER_TTL = 60

#: A node with at least this many ties gets its page ready when a graph loads: its first page (the tie list
#: and the collaborators' two-step walk, built cold) costs about half the 200 ms budget at ~2,000 ties on the
#: benchmark machine (bench/RESULTS.md, "lcg serve": paged node pages).
WARM_MIN_TIES = 2000
#: At most this many of them, the biggest first: bounds the warm-up's time and the memory its caches keep.
WARM_MAX_NODES = 64
#: Before each of its steps (one answer, a fraction of a second) the warm-up waits for the requests in
#: flight to finish, at most this many seconds: a request shares the interpreter with at most one step,
#: and a server that is never idle still gets its hubs ready.
WARM_YIELD = 1.0


def prepare(backend: Backend, source: "GraphSource | None" = None) -> None:
    """After a load, beside the first requests: the hubs' pages, then the collector told to skip the graph.

    The search index is built before the graph is served (``GraphSource``), so no search waits for it.
    Without this warm-up the first visit to a national funder's page builds its ~19k ties and their
    collaborators cold (2.4 s at 1M before paging, bench/RESULTS.md). With ``source``, the hubs' page
    answers (their ties, their collaborators) are kept there too, under the keys a visit to
    ``/entity?id=HUB`` asks by, and each step waits for the requests in flight first (``WARM_YIELD``).
    """
    import gc

    from graph.search import index_of

    try:
        index_of(backend)  # built already when ``GraphSource`` loaded it; here for other callers
        warm_hubs(backend, source=source)
    except LcgError:  # the next request meets the same problem and says it; a warm-up has no one to tell
        pass
    # The graph, its index and the hubs' caches are ~1M objects that live as long as the graph: a full
    # collection scanning them took 0.7 s at 1M, paid by whichever request triggered it (bench/RESULTS.md).
    # Frozen, the collector skips them; a reload unfreezes first so the old graph can go.
    gc.freeze()


def warm_hubs(backend: Backend, *, min_ties: int | None = None, most: int | None = None,
              source: "GraphSource | None" = None) -> list[str]:
    """Ask the node page's questions of the nodes with the most ties (at least ``min_ties``), so the
    backend's per-node caches hold them (and ``source`` the answers, as ``/entity?id=HUB`` asks them);
    returns their ids, biggest first. Only for a backend that keeps such caches (``immutable``) and can
    count a node's ties cheaply (``degree``, as the path search uses)."""
    import heapq

    degree = getattr(backend, "degree", None)
    if degree is None or not getattr(backend, "immutable", False):
        return []
    min_ties = WARM_MIN_TIES if min_ties is None else min_ties
    most = WARM_MAX_NODES if most is None else most
    from graph.describe import show_node
    from graph.queries.collaborators import collaborator_page

    from .questions import TIES_PER_KIND

    biggest = heapq.nlargest(most, ((degree(n.id), n.id) for n in backend.nodes()))
    hubs = [node_id for ties, node_id in biggest if ties >= min_ties]
    for node_id in hubs:
        if source is not None:
            args = MultiDict([("id", node_id)])
            source.wait_idle(WARM_YIELD)
            if source.ask("show", args, backend)["kind"] in ACTOR_KINDS:
                source.wait_idle(WARM_YIELD)
                source.ask("collaborators", args, backend)
        elif show_node(backend, node_id, limit=TIES_PER_KIND)["kind"] in ACTOR_KINDS:
            collaborator_page(backend, node_id, limit=50)  # questions.collaborators' default limit
    return hubs


class GraphSource:
    """Hands out the current backend; thread-safe, reloads at most once per change."""

    def __init__(self, data_dir: str | os.PathLike, neo4j_uri: str | None = None, **neo4j_options: Any) -> None:
        self.data_dir = str(data_dir)
        self.neo4j_uri = neo4j_uri
        self._neo4j_options = neo4j_options
        self._lock = threading.Lock()
        self._backend: Backend | None = None
        self._stamp: tuple | None = None
        self.problem: str | None = None   # why the folder's current files are not being served
        self.generation = 0               # bumped on each reload; keys per-graph caches
        self.answers = AnswerCache()
        self._loads: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # backend -> its generation
        self._busy = 0                    # requests in flight (``serving``), which the warm-up gives way to
        self._idle = threading.Condition()
        self.backend()                    # fail at start-up, not on the first request

    @contextmanager
    def serving(self) -> Iterator[None]:
        """Around each request: counted, so the background warm-up can give way (``wait_idle``)."""
        with self._idle:
            self._busy += 1
        try:
            yield
        finally:
            with self._idle:
                self._busy -= 1
                if not self._busy:
                    self._idle.notify_all()

    def wait_idle(self, most: float) -> bool:
        """Wait until no request is in flight, at most ``most`` seconds; whether it is idle."""
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout=most)

    @property
    def where(self) -> str:
        if self.neo4j_uri:
            from urllib.parse import urlsplit

            u = urlsplit(self.neo4j_uri)
            return f"Neo4j at {u.scheme}://{u.hostname or ''}{f':{u.port}' if u.port else ''}"
        return self.data_dir

    def version(self, backend: Backend) -> tuple | None:
        """What the answers kept for ``backend`` are keyed by; None: keep none.

        The embedded graph: the load's number (a reload makes a new one). A server: the
        fingerprint its last complete `lcg load` recorded (``loaded_stamp``, one small read), so
        a new load invalidates every kept answer, and none is kept while a load runs; plus
        a window of ``SERVER_TTL`` seconds, because an edit made by hand in the database
        (Neo4j Browser) changes no fingerprint: such an edit shows within that time.
        """
        if getattr(backend, "immutable", False):
            load = self._loads.get(backend)  # this graph's own number: a warm-up of the one before keeps nothing
            return ("load", load) if load is not None else None
        stamp_of = getattr(backend, "loaded_stamp", None)
        stamp = stamp_of() if stamp_of is not None else None
        if stamp is None:
            return None
        return ("server", stamp, int(time.monotonic() // SERVER_TTL))

    def ask(self, name: str, args: Any, backend: Backend | None = None) -> Any:
        """The answer to question ``name`` (``show`` or a key of ``questions.QUESTIONS``) for these
        query-string arguments, kept (``AnswerCache``) while the graph's version holds."""
        from . import questions as Q

        fn = Q.show if name == "show" else Q.QUESTIONS[name]
        b = backend if backend is not None else self.backend()
        version = None if name in UNCACHED else self.version(b)
        if version is None:
            return fn(b, self.data_dir, args)
        key = (version, name, tuple(sorted((k, v) for k in args for v in args.getlist(k))))
        return self.answers.get(key, lambda: fn(b, self.data_dir, args))

    def backend(self) -> Backend:
        if self.neo4j_uri:
            with self._lock:  # one driver, however many requests arrive first
                if self._backend is None:
                    from graph.backends.open import open_backend

                    self._backend = open_backend(self.data_dir, neo4j_uri=self.neo4j_uri, **self._neo4j_options)
                return self._backend
        stamp = fingerprint(self.data_dir)
        current = self._backend
        if stamp == self._stamp and current is not None:
            return current
        with self._lock:
            if stamp != self._stamp or self._backend is None:
                return self._reload(stamp)
            return self._backend

    def _reload(self, stamp: tuple) -> Backend:
        """The graph to serve after the files changed: the new one, or the last good one if they do not load."""
        from graph.backends.open import open_backend
        from graph.search import index_of

        try:
            backend = open_backend(self.data_dir)
            # before the graph is served: searched while being built, the first searches waited for it (13 s
            # at 1M, under load) and the build slowed every other answer (bench/RESULTS.md, lcg serve)
            index_of(backend)
        except LcgError as e:
            if self._backend is None:
                raise
            self.problem = f"{self.data_dir} changed but cannot be loaded ({e}); showing the data as it was."
            self._stamp = stamp  # do not retry until the files change again
            return self._backend
        import gc

        self._backend, self._stamp, self.problem = backend, stamp, None
        self.generation += 1
        self._loads[backend] = self.generation
        gc.unfreeze()  # the graph being replaced was frozen: let the collector free it,
        gc.collect()
        gc.freeze()    # and spare the new graph and its index its full scans during the warm-up (see ``prepare``)
        threading.Thread(target=prepare, args=(backend, self), daemon=True).start()
        return backend

    def close(self) -> None:
        if self._backend is not None and hasattr(self._backend, "close"):
            self._backend.close()


#: Answers that read decisions.yaml, which changes without the graph changing: never kept.
UNCACHED = {"overlaps", "duplicates"}


class AnswerCache:
    """The last ``size`` answers, keyed by (the graph's version, ``GraphSource.version``, question, arguments).

    Coordinators go back and forth between the same pages, and over a graph server
    every answer is several round trips. Answers are shared between requests and must
    not be changed by whoever reads them. Room for the warm-up's hub pages
    (``WARM_MAX_NODES``, two answers each) and as many again of what people ask.
    """

    def __init__(self, size: int = 4 * WARM_MAX_NODES) -> None:
        self.size, self._lock = size, threading.Lock()
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()  # outside the lock: a slow answer does not hold up the others
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
