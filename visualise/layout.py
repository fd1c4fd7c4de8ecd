"""Seeded node positions in linear time, so maps are the same run to run.

A force layout of every node (networkx ``spring_layout``) costs O(N^2) per
iteration: minutes at 20k nodes. Instead the ``CORE`` best-connected nodes get a
seeded force layout (dense Fruchterman-Reingold on a few hundred nodes, fast:
bench/RESULTS.md, "Maps"; ``force_layout``), linked both by their own ties and by the nodes they share (two
organisations in one project pull together); every other node is then placed
level by level outward from the core: a node tied to several placed nodes sits
at their centre, a node tied to one sits on a golden-angle spiral around it.
Components the core does not reach are laid out the same way and packed in rows
below. Everything after the core layout is one pass over nodes and ties.

The browser either refines these positions with bounded physics (small maps)
or shows them as they are (large maps); either way the same data gives the
same picture.
"""

from __future__ import annotations

import math
import random

__all__ = ["positions", "CORE", "SPACING"]

CORE = 300          # nodes laid out by force; above this, by placement
SPACING = 28.0      # px between neighbouring leaves on a spiral
GOLDEN = math.pi * (3 - math.sqrt(5))
SHARED_MAX_DEGREE = 60   # a hub node is not used to link core pairs (quadratic in its degree)


def positions(g, *, seed: int = 1) -> dict[str, tuple[float, float]]:
    """x, y in screen pixels for every node of ``g`` (any networkx graph)."""
    nodes = sorted(g.nodes)
    if not nodes:
        return {}
    # undirected simple adjacency straight from networkx's dicts (its edge views are slow at 80k ties)
    if g.is_directed():
        adj = {n: (set(g._succ[n]) | set(g._pred[n])) - {n} for n in nodes}
    else:
        adj = {n: set(g._adj[n]) - {n} for n in nodes}
    degree = {n: len(adj[n]) for n in nodes}
    rng = random.Random(seed)

    core = sorted(sorted(nodes, key=lambda n: (-degree[n], n))[:CORE])
    core_set = set(core)
    weights: dict[tuple[str, str], float] = {}
    for u in core:
        for v in adj[u]:
            if v in core_set and u < v:
                weights[(u, v)] = 1.0
    for w in nodes:
        if w in core_set or degree[w] > SHARED_MAX_DEGREE:
            continue
        cs = sorted(c for c in adj[w] if c in core_set)
        for i, a in enumerate(cs):
            for b in cs[i + 1:]:
                weights[(a, b)] = weights.get((a, b), 0.0) + 1.0 / len(cs)
    # Normalised like a cosine: a theme or national funder tied to everyone pulls weakly on each,
    # so groups that share work (a city's partners) come out as groups instead of one hairball.
    # Spread the core so that each hub has room for its leaves around it.
    scale = SPACING * math.sqrt(len(nodes)) * 1.2
    if len(core) == 1:
        core_pos = {core[0]: (0.0, 0.0)}
    else:
        raw = force_layout(core, {(a, b): w / math.sqrt(degree[a] * degree[b]) for (a, b), w in weights.items()},
                           seed=seed)
        core_pos = {n: (x * scale, y * scale) for n, (x, y) in zip(core, raw)}

    pos: dict[str, tuple[float, float]] = {}
    children: dict = {}

    def place_from(roots, start_pos):
        pos.update(start_pos)
        level = list(roots)
        while level:
            nxt = sorted({v for u in level for v in adj[u] if v not in pos})
            placed_now = {}
            for v in nxt:
                anchors = sorted(u for u in adj[v] if u in pos)
                if len(anchors) == 1:
                    p = anchors[0]
                    k = children.get(p, 0) + 1
                    children[p] = k
                    r = SPACING * (1.5 + math.sqrt(k))
                    a = GOLDEN * k
                    x0, y0 = pos[p]
                    placed_now[v] = (x0 + r * math.cos(a), y0 + r * math.sin(a))
                else:
                    # weighted by 1/degree: a theme tied to everything says little about where work belongs
                    ws = [1.0 / degree[u] for u in anchors]
                    total = sum(ws)
                    x = sum(w * pos[u][0] for w, u in zip(ws, anchors)) / total
                    y = sum(w * pos[u][1] for w, u in zip(ws, anchors)) / total
                    placed_now[v] = (x + rng.uniform(-SPACING, SPACING), y + rng.uniform(-SPACING, SPACING))
            pos.update(placed_now)
            level = nxt

    place_from(core, core_pos)

    # Components the core does not reach: each from its best-connected node, in rows below.
    rest = [n for n in nodes if n not in pos]
    if rest:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        left, top = min(xs), max(ys) + SPACING * 4
        width = max(max(xs) - left, SPACING * 20)
        cursor_x, cursor_y, row_h = left, top, 0.0
        for n in rest:
            if n in pos:
                continue
            comp = _component(adj, n)
            root = min(comp, key=lambda c: (-degree[c], c))
            before = set(pos)
            place_from([root], {root: (0.0, 0.0)})
            mine = [c for c in pos if c not in before]
            cx = [pos[c][0] for c in mine]
            cy = [pos[c][1] for c in mine]
            w = max(cx) - min(cx) + SPACING * 2
            h = max(cy) - min(cy) + SPACING * 2
            if cursor_x + w > left + width and cursor_x > left:
                cursor_x, cursor_y, row_h = left, cursor_y + row_h, 0.0
            dx, dy = cursor_x - min(cx) + SPACING, cursor_y - min(cy) + SPACING
            for c in mine:
                pos[c] = (pos[c][0] + dx, pos[c][1] + dy)
            cursor_x += w
            row_h = max(row_h, h)
    return pos


def force_layout(nodes: list, weights: dict, *, seed: int = 1, iterations: int = 60) -> list[tuple[float, float]]:
    """Dense Fruchterman-Reingold (as networkx's ``spring_layout`` for small graphs) in [-1, 1].

    Written out here because building a networkx graph of the core's weighted
    pairs cost more than the layout itself (bench/maps.py); the arithmetic
    is networkx's: attraction weight * d^2 / k, repulsion k^2 / d, linear cooling.
    """
    import numpy as np

    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for (a, b), w in sorted(weights.items()):
        A[index[a], index[b]] = A[index[b], index[a]] = w
    pos = np.random.RandomState(seed).rand(n, 2)
    k = math.sqrt(1.0 / n)
    t = max(float(np.ptp(pos[:, 0])), float(np.ptp(pos[:, 1]))) * 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(axis=-1))
        np.clip(dist, 0.01, None, out=dist)
        disp = np.einsum("ijk,ij->ik", delta, k * k / dist ** 2 - A * dist / k)
        length = np.sqrt((disp ** 2).sum(axis=-1))
        length = np.where(length < 0.01, 0.1, length)
        pos += disp * (t / length)[:, None]
        t -= dt
    pos -= pos.mean(axis=0)
    top = float(np.abs(pos).max()) or 1.0
    return [(float(x) / top, float(y) / top) for x, y in pos]


def _component(adj, start):
    seen = {start}
    stack = [start]
    while stack:
        u = stack.pop()
        for v in adj[u]:
            if v not in seen:
                seen.add(v)
                stack.append(v)
    return seen
