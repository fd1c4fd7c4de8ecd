"""The embedded backend: the graph primitives on a networkx MultiDiGraph."""

from __future__ import annotations

from operator import itemgetter
from typing import Iterable

from .base import NodeRecord, Path, Tie

__all__ = ["EmbeddedBackend"]


class EmbeddedBackend:
    """Primitives over ``graph.embedded.build_graph``'s MultiDiGraph; needs no server."""

    immutable = True  # its data never changes (see below), so per-backend indexes may be kept (graph.search)

    def __init__(self, graph):
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

    @classmethod
    def from_dataset(cls, dataset) -> "EmbeddedBackend":
        from ..embedded import build_graph

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

    def _incident(self, node_id: str, wanted, direction: str):
        g = self.graph
        if direction in ("out", "both"):
            for _, v, d in g.out_edges(node_id, data=True):
                if wanted is None or d["kind"] in wanted:
                    yield self._tie(node_id, v, d), v
        if direction in ("in", "both"):
            for u, _, d in g.in_edges(node_id, data=True):
                if wanted is None or d["kind"] in wanted:
                    yield self._tie(u, node_id, d), u

    def neighbours(self, node_id: str, *, rel_kinds=None, direction: str = "both") -> list[tuple[Tie, NodeRecord]]:
        if node_id not in self.graph:
            return []
        wanted = set(rel_kinds) if rel_kinds is not None else None
        cached = self._adj.get(node_id)
        if cached is not None and node_id not in self.graph._succ[node_id]:  # a hub's ties, already built
            rows = [(t, r) for _, t, r in cached if (wanted is None or t.kind in wanted)
                    and (direction == "both" or (t.start == node_id) == (direction == "out"))]
            rows.sort(key=lambda x: (x[0].sort_key(), x[1].id))
            return rows
        rows = [(t, self._record(o)) for t, o in self._incident(node_id, wanted, direction)]
        rows.sort(key=lambda r: (r[0].sort_key(), r[1].id))
        return rows

    def _cached_record(self, node_id: str) -> NodeRecord:
        rec = self._recs.get(node_id)
        if rec is None:
            rec = self._recs[node_id] = self._record(node_id)
        return rec

    def _around(self, u: str) -> list:
        """Every tie at ``u`` as (other id, Tie, other's NodeRecord), sorted by (other id, ``Tie.sort_key``); cached."""
        lst = self._adj.get(u)
        if lst is None:
            g, rec = self.graph, self._cached_record
            lst = [(v, self._tie(u, v, d)) for v, keyed in g._succ[u].items() for d in keyed.values()]
            lst += [(v, self._tie(v, u, d)) for v, keyed in g._pred[u].items() if v != u for d in keyed.values()]
            lst.sort(key=lambda x: (x[0], x[1].sort_key()))
            lst = self._adj[u] = [(v, t, rec(v)) for v, t in lst]
        return lst

    def co_participation(self, node_id: str, *, rel_kinds=None, others=None):
        """Walks items in id order and each item's cached, pre-sorted ties, so the rows come out
        in contract order without sorting them (a hub has tens of thousands)."""
        if node_id not in self.graph:
            return []
        wanted = frozenset(rel_kinds) if rel_kinds is not None else None
        if others is not None:
            return self._co_participation_with(node_id, wanted, others)
        mine_by_item: dict[str, list] = {}
        for item, tie, _ in self._around(node_id):
            if item != node_id and (wanted is None or tie.kind in wanted):
                mine_by_item.setdefault(item, []).append(tie)
        rec = self._cached_record
        rows: list = []
        for item in sorted(mine_by_item):
            mines = mine_by_item[item]
            item_rec = rec(item)
            if wanted is None:
                theirs = [x for x in self._around(item) if x[0] != node_id]
            else:
                theirs = [x for x in self._around(item) if x[1].kind in wanted and x[0] != node_id]
            if len(mines) == 1:
                m = mines[0]
                rows += [(m, item_rec, t, o) for _, t, o in theirs]
                continue
            i = 0
            while i < len(theirs):  # per other: every mine, then every theirs, both in tie order
                j = i
                while j < len(theirs) and theirs[j][0] == theirs[i][0]:
                    j += 1
                other_rec = theirs[i][2]
                rows += [(m, item_rec, t, other_rec) for m in mines for _, t, _ in theirs[i:j]]
                i = j
        return rows

    def _ties_between(self, u: str, v: str, wanted) -> list[Tie]:
        """Every tie of a wanted kind between u and v, either way (a self-loop once)."""
        succ, pred = self.graph._succ, self.graph._pred
        out = [self._tie(u, v, d) for d in succ[u].get(v, {}).values() if wanted is None or d["kind"] in wanted]
        if u != v:
            out += [self._tie(v, u, d) for d in pred[u].get(v, {}).values() if wanted is None or d["kind"] in wanted]
        return out

    def _co_participation_with(self, node_id: str, wanted, others) -> list:
        """``co_participation`` rows of a few others: walks each other's items (not the node's, a
        hub has tens of thousands) and builds records only for the items they share."""
        g = self.graph
        succ, pred = g._succ, g._pred
        mine = set(succ[node_id]) | set(pred[node_id])
        mine.discard(node_id)
        rec = self._cached_record
        rows: list = []
        for other in sorted(set(others)):
            if other == node_id or other not in g:
                continue
            other_rec = rec(other)
            theirs_out, theirs_in = succ[other], pred[other]
            if len(theirs_out) + len(theirs_in) <= len(mine):  # walk the smaller side
                shared = {i for i in theirs_out if i in mine} | {i for i in theirs_in if i in mine}
            else:
                shared = {i for i in mine if i in theirs_out or i in theirs_in}
            for item in shared:
                mines = self._ties_between(node_id, item, wanted)
                theirs = self._ties_between(item, other, wanted)
                if mines and theirs:
                    item_rec = rec(item)
                    rows += [(m, item_rec, t, other_rec) for m in mines for t in theirs]
        rows.sort(key=lambda r: (r[1].id, r[3].id, r[0].sort_key(), r[2].sort_key()))
        return rows

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
        loop over them misses the CPU cache on every tie object (scattered over a 1.7 GB heap);
        as arrays the sums are a few numpy calls."""
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
        at = present.tolist()
        pick = itemgetter(*at) if len(at) > 1 else lambda seq: (seq[at[0]],)
        return list(zip(pick(self._ids), pick(self._id_kinds), sums[present].astype(np.int64).tolist()))

    def shortest_paths(self, a: str, b: str, *, max_hops: int = 4, rel_kinds=None) -> list[Path]:
        """Bidirectional breadth-first search on the raw adjacency, expanding the cheaper side.

        Why not ``nx.all_shortest_paths``: on an undirected, edge-filtered view of a
        million-relationship graph it walks out from ``a`` through every hub until it
        reaches ``b`` (seconds); meeting in the middle touches a few thousand nodes.
        """
        g = self.graph
        if a not in g or b not in g or a == b:
            return []
        wanted = set(rel_kinds) if rel_kinds is not None else None
        succ, pred = g._succ, g._pred

        def linked(edges) -> bool:
            return wanted is None or any(d["kind"] in wanted for d in edges.values())

        def around(u):
            for v, edges in succ[u].items():
                if linked(edges):
                    yield v
            out = succ[u]
            for v, edges in pred[u].items():
                if linked(edges) and not (v in out and linked(out[v])):
                    yield v

        # dist and predecessors on each side; frontier = nodes at the side's current depth
        sides = [({a: 0}, {a: []}, [a]), ({b: 0}, {b: []}, [b])]
        depth = [0, 0]
        meet: list[str] = []
        while not meet and depth[0] + depth[1] < max_hops:
            # expand the side whose frontier has fewer ties to walk (a hub's frontier is one node)
            cost = [sum(len(succ[u]) + len(pred[u]) for u in side[2]) for side in sides]
            i = 0 if cost[0] <= cost[1] else 1
            dist, preds, frontier = sides[i]
            if not frontier:
                return []
            d = depth[i] + 1
            nxt: list[str] = []
            for u in frontier:
                for v in around(u):
                    seen = dist.get(v)
                    if seen is None:
                        dist[v] = d
                        preds[v] = [u]
                        nxt.append(v)
                    elif seen == d:
                        preds[v].append(u)
            depth[i] = d
            sides[i] = (dist, preds, nxt)
            other = sides[1 - i][0]
            meet = sorted(v for v in nxt if v in other)
        if not meet:
            return []

        def walks(preds, v):
            """Every node chain from the side's root to v along shortest-path predecessors."""
            if not preds[v]:
                return [[v]]
            return [w + [v] for u in sorted(preds[v]) for w in walks(preds, u)]

        node_paths = []
        for v in meet:
            for left in walks(sides[0][1], v):
                for right in walks(sides[1][1], v):
                    node_paths.append(left + right[::-1][1:])
        records: dict[str, NodeRecord] = {}
        paths = []
        for ids in node_paths:
            recs = tuple(records.get(n) or records.setdefault(n, self._record(n)) for n in ids)
            chains: list[tuple[Tie, ...]] = [()]
            for u, v in zip(ids, ids[1:]):
                hops = [self._tie(u, v, d) for d in succ[u].get(v, {}).values()
                        if wanted is None or d["kind"] in wanted]
                hops += [self._tie(v, u, d) for d in succ[v].get(u, {}).values()
                         if wanted is None or d["kind"] in wanted]
                hops.sort(key=Tie.sort_key)
                chains = [c + (t,) for c in chains for t in hops]
            paths.extend(Path(recs, c) for c in chains)
        paths.sort(key=Path.sort_key)
        return paths

    def subgraph(self, node_ids: Iterable[str]):
        return self.graph.subgraph([n for n in node_ids if n in self.graph]).copy()

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        nodes: dict[str, int] = {}
        rels: dict[str, int] = {}
        for _, k in self.graph.nodes(data="kind"):
            nodes[k] = nodes.get(k, 0) + 1
        for _, _, k in self.graph.edges(data="kind"):
            rels[k] = rels.get(k, 0) + 1
        return nodes, rels
