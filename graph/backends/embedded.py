"""The embedded backend: the storage primitives on a networkx MultiDiGraph.

Also a ``queries.strength.StrengthAccelerator``: ``co_participation_strengths``
sums collaboration strengths in numpy, held equal to the plain rule by
tests/test_queries_strengths.py.

Its caches (each node's tie list and record, built on first use) live as long as
the backend, like the loaded graph; so, like the loaded graph (``graph.loading``),
they are moved out of the cyclic collector's reach with ``gc.freeze``. Left in
the collector's generations (ties, records and their props dicts are all objects
it tracks), every full collection walked all of them again, and a 20 ms query
could take seconds (bench/RESULTS.md, "Garbage collection and the embedded
caches"). The rule (``_settle``): each time the caches have grown by
``FREEZE_BATCH`` ties and records since the last freeze, collect everything not
frozen (so no garbage is ever frozen), then freeze. A collection therefore never
walks more than about one batch of cache, and a process freezes at most (the
graph's tie ends and nodes) / ``FREEZE_BATCH`` times.
"""

from __future__ import annotations

import gc
from operator import itemgetter
from typing import Any, Iterable

from .base import Incident, NodeRecord, Subgraph, Tie, check_direction

__all__ = ["EmbeddedBackend", "FREEZE_BATCH"]

#: Cached ties and records (about three tracked objects per tie: the tie, its props dict, the
#: cached row) after which the caches are frozen: small enough that a collection over one batch
#: stays a fraction of a second on the shared benchmark machine (bench/RESULTS.md, "Garbage
#: collection and the embedded caches"), large enough that a 1M-relationship graph (~2M tie ends)
#: is frozen in at most ~50 steps over the process's life.
FREEZE_BATCH = 50_000


class EmbeddedBackend:
    """Primitives over ``graph.nx_build.build_graph``'s MultiDiGraph; needs no server."""

    immutable = True  # its data never changes (see below), so per-backend indexes may be kept (graph.search)

    def __init__(self, graph: Any) -> None:
        self.graph = graph
        # Lazily filled, per node: its ties as (other id, Tie) sorted by (other id, tie),
        # and its NodeRecord. Two-step queries on a hub revisit the same items, and
        # building Tie objects is most of their cost. The graph must not change
        # after the backend is made.
        self._adj: dict[str, list] = {}
        self._recs: dict[str, NodeRecord] = {}
        self._in: dict[str, object] = {}  # node id -> ties into it, as an array (see _into)
        self._index: dict[str, int] = {}  # node id -> its code in those arrays; _ids the reverse
        self._ids: list[str] = []
        self._id_kinds: list[str] = []
        self._tie_codes: dict[str, int] = {}
        self._kind_codes: dict[str, int] = {}
        self._unfrozen = 0  # ties and records cached since the caches were last frozen (_settle)
        self.freeze_batch = FREEZE_BATCH

    @classmethod
    def from_dataset(cls, dataset) -> "EmbeddedBackend":
        from ..nx_build import build_graph

        return cls(build_graph(dataset))

    # -- records ---------------------------------------------------------------
    def _record(self, node_id: str) -> NodeRecord:
        attrs = self.graph.nodes[node_id]
        return NodeRecord(node_id, attrs["kind"], {k: v for k, v in attrs.items() if k != "kind"})

    @staticmethod
    def _tie(start: str, end: str, attrs: dict) -> Tie:
        return Tie(attrs["kind"], start, end, {k: v for k, v in attrs.items() if k != "kind"})

    # -- primitives --------------------------------------------------------------
    def node(self, node_id: str) -> NodeRecord | None:
        return self._record(node_id) if node_id in self.graph else None

    def nodes(self, kinds: Iterable[str] | None = None) -> list[NodeRecord]:
        wanted = set(kinds) if kinds is not None else None
        ids = sorted(n for n, k in self.graph.nodes(data="kind") if wanted is None or k in wanted)
        return [self._record(n) for n in ids]

    def relationships(self, kinds: Iterable[str] | None = None) -> list[Tie]:
        wanted = set(kinds) if kinds is not None else None
        ties = [self._tie(u, v, d) for u, v, d in self.graph.edges(data=True)
                if wanted is None or d["kind"] in wanted]
        ties.sort(key=Tie.sort_key)
        return ties

    def incident(self, node_ids: Iterable[str], *, rel_kinds: Iterable[str] | None = None,
                 direction: str = "both") -> list[Incident]:
        """From each node's cached tie list (``_around``), already in contract order."""
        check_direction(direction)
        wanted = frozenset(rel_kinds) if rel_kinds is not None else None
        nodes, around = self.graph._node, self._around
        rows: list[Incident] = []
        add = rows.append
        for u in sorted(set(node_ids)):
            if u not in nodes:
                continue
            if direction == "both":  # the hot case (walks, paths): one test per tie at most
                if wanted is None:
                    rows += [(u, t, r) for _, t, r in around(u)]
                else:
                    rows += [(u, t, r) for _, t, r in around(u) if t.kind in wanted]
                continue
            out = direction == "out"
            for _, t, r in around(u):
                if (wanted is None or t.kind in wanted) and ((t.start == u) if out else (t.end == u)):
                    add((u, t, r))
        return rows

    # -- queries.path.SearchHints: the search walks the raw adjacency, no record built --------
    def degree(self, node_id: str) -> int:
        g = self.graph
        return len(g._succ[node_id]) + len(g._pred[node_id])

    def adjacent(self, node_ids: Iterable[str], *, rel_kinds: Iterable[str] | None = None):
        wanted = frozenset(rel_kinds) if rel_kinds is not None else None
        succ, pred = self.graph._succ, self.graph._pred
        for u in node_ids:
            for side in (succ[u], pred[u]):
                if wanted is None:
                    for v in side:
                        yield u, v
                else:
                    for v, keyed in side.items():
                        if any(d["kind"] in wanted for d in keyed.values()):
                            yield u, v

    def ties_between(self, u: str, v: str, *, rel_kinds: Iterable[str] | None = None) -> list[Tie]:
        """Every tie of these kinds between u and v, either way."""
        wanted = frozenset(rel_kinds) if rel_kinds is not None else None
        succ = self.graph._succ
        out = [self._tie(u, v, d) for d in succ[u].get(v, {}).values() if wanted is None or d["kind"] in wanted]
        if u != v:
            out += [self._tie(v, u, d) for d in succ[v].get(u, {}).values() if wanted is None or d["kind"] in wanted]
        return out

    def _cached_record(self, node_id: str) -> NodeRecord:
        rec = self._recs.get(node_id)
        if rec is None:
            rec = self._recs[node_id] = self._record(node_id)
            self._unfrozen += 1
        return rec

    def _around(self, u: str) -> list:
        """Every tie at ``u`` as (other id, Tie, other's NodeRecord), sorted by (other id, ``Tie.sort_key``); cached.

        Two-step walks on a hub revisit the same items, and building Tie objects
        is most of their cost (bench/RESULTS.md, "Who works with whom")."""
        lst = self._adj.get(u)
        if lst is None:
            g, rec = self.graph, self._cached_record
            pairs = [(v, self._tie(u, v, d)) for v, keyed in g._succ[u].items() for d in keyed.values()]
            pairs += [(v, self._tie(v, u, d)) for v, keyed in g._pred[u].items() if v != u for d in keyed.values()]
            pairs.sort(key=lambda x: (x[0], x[1].sort_key()))
            lst = self._adj[u] = [(v, t, rec(v)) for v, t in pairs]
            self._unfrozen += len(lst)
            if self._unfrozen >= self.freeze_batch:
                self._settle()
        return lst

    def _settle(self) -> None:
        """Move the caches out of the cyclic collector's reach (the module docstring's rule).

        ``gc.collect()`` first, so that only live objects are frozen: cyclic garbage
        made before this point is freed now rather than kept for ever. Its cost is
        that of the objects not yet frozen, about one batch. Objects alive now besides
        the caches (a query's rows in the making) are frozen too; reference counting
        still frees them when they are dropped, as it does the frozen loaded graph.
        Works with the collector paused (queries pause it; ``graph.gc_pause``)."""
        gc.collect()
        gc.freeze()
        self._unfrozen = 0

    def _code(self, node_id: str) -> int:
        """A small integer for a node id (assigned when first met), for the numpy arrays of ``_into``."""
        i = self._index.get(node_id)
        if i is None:
            i = self._index[node_id] = len(self._ids)
            self._ids.append(node_id)
            self._id_kinds.append(self.graph._node[node_id]["kind"])
        return i

    def _into(self, item: str):
        """Every tie into ``item`` as an int32 array of rows (other's code, tie kind's code, other's
        kind's code), one other's ties adjacent; cached.

        What ``co_participation_strengths`` walks: a hub's items hold ~100k ties, and a Python
        loop over them misses the CPU cache on every tie object (scattered over the whole heap);
        as arrays the sums are a few numpy calls (bench/RESULTS.md, "On 1M relationships")."""
        import numpy as np

        arr = self._in.get(item)
        if arr is None:
            node, index, kinds, tie_codes = self.graph._node, self._index, self._kind_codes, self._tie_codes
            rows = []
            for o, keyed in self.graph._pred[item].items():  # one other's ties come together
                i = index.get(o)
                if i is None:
                    i = self._code(o)
                k = kinds.setdefault(node[o]["kind"], len(kinds))
                for d in keyed.values():
                    rows.append((i, tie_codes.setdefault(d["kind"], len(tie_codes)), k))
            arr = self._in[item] = np.array(rows, dtype=np.int32).reshape(len(rows), 3)
        return arr

    def co_participation_strengths(self, node_id: str, weights, *, other_kinds=None) -> list[tuple[str, str, int]]:
        """My tie kinds per item from the node's cached tie list; every tie into those items from
        ``_into``'s arrays, concatenated; then in numpy: each tie's weight (a table of the best
        weight my ties at that kind of item give each kind of their tie), the heaviest per (item,
        other), and the sum per other. No record is built."""
        import numpy as np

        if node_id not in self.graph:
            return []
        table: dict[str, dict[str, dict[str, int]]] = {}  # item kind -> mine kind -> theirs kind -> weight
        for (item_kind, mine, theirs), w in weights.items():
            table.setdefault(item_kind, {}).setdefault(mine, {})[theirs] = w
        mine_at: dict[str, tuple] = {}  # item -> (its kind, my tie kinds there)
        for item, tie, item_rec in self._around(node_id):
            if tie.start == node_id and item != node_id and item_rec.kind in table:
                mine_at[item] = mine_at.get(item, (item_rec.kind,)) + (tie.kind,)
        if not mine_at:
            return []
        groups: dict[tuple, int] = {}  # (item kind, my tie kinds) -> row of the weight table
        group_of = [groups.setdefault(key, len(groups)) for key in mine_at.values()]
        arrays = [self._into(item) for item in mine_at]
        me = self._code(node_id)
        tie_codes, kind_codes = self._tie_codes, self._kind_codes
        w_table = np.full((len(groups), max(len(tie_codes), 1)), -1, dtype=np.int64)
        for key, g in groups.items():
            at = table[key[0]]
            for m in key[1:]:
                for theirs, w in at.get(m, {}).items():
                    t = tie_codes.get(theirs)
                    if t is not None and w > w_table[g, t]:
                        w_table[g, t] = w
        kind_ok = np.ones(max(len(kind_codes), 1), dtype=bool)
        if other_kinds is not None:
            wanted = set(other_kinds)
            for kind, k in kind_codes.items():
                kind_ok[k] = kind in wanted
        lengths = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
        rows = np.concatenate(arrays)
        item_of = np.repeat(np.arange(len(arrays)), lengths)
        others = rows[:, 0]
        w = w_table[np.asarray(group_of)[item_of], rows[:, 1]]
        keep = (w >= 0) & kind_ok[rows[:, 2]] & (others != me)
        others, w, item_of = others[keep], w[keep], item_of[keep]
        if not len(others):
            return []
        # an other's ties into one item are adjacent: one run per (item, other), counted at its heaviest
        starts = np.flatnonzero(np.concatenate(([True], (others[1:] != others[:-1]) | (item_of[1:] != item_of[:-1]))))
        others, w = others[starts], np.maximum.reduceat(w, starts)
        sums = np.bincount(others, weights=w)
        present = np.flatnonzero(np.bincount(others))
        codes = present.tolist()
        pick = itemgetter(*codes) if len(codes) > 1 else lambda seq: (seq[codes[0]],)
        return list(zip(pick(self._ids), pick(self._id_kinds), sums[present].astype(np.int64).tolist()))

    def subgraph(self, node_ids: Iterable[str]) -> Subgraph:
        g = self.graph
        keep = sorted({n for n in node_ids if n in g})
        inside = set(keep)
        succ = g._succ
        ties = [self._tie(u, v, d) for u in keep for v, keyed in succ[u].items() if v in inside
                for d in keyed.values()]
        ties.sort(key=Tie.sort_key)
        return Subgraph(g.graph.get("name"), tuple(self._record(n) for n in keep), tuple(ties))

    def describe(self) -> str | None:
        return None

    def close(self) -> None:
        """Nothing to release: the graph is in memory."""

    def __enter__(self) -> "EmbeddedBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        nodes: dict[str, int] = {}
        rels: dict[str, int] = {}
        for _, k in self.graph.nodes(data="kind"):
            nodes[k] = nodes.get(k, 0) + 1
        for _, _, k in self.graph.edges(data="kind"):
            rels[k] = rels.get(k, 0) + 1
        return nodes, rels
