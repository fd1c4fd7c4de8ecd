"""`lcg brokers`: who holds the partnership together, by betweenness on the collaboration network.

Betweenness counts how many shortest routes between other actors pass through
an actor. Routes run on the weighted projection (``collaboration.project``)
with length ``1 / weight`` per tie, so a route through close partners (joint
projects) is shorter than one through a shared network. Each broker also gets
its degree (distinct collaborators) and how many distinct clusters (``lcg
clusters``) it and its collaborators belong to: a broker touching many clusters
bridges otherwise separate groups.

Exact up to ``EXACT_UP_TO`` actors; above that, betweenness is estimated from
``sample`` source actors drawn with a fixed seed and scaled by n / sample
(Brandes and Pich's estimator). igraph computes it (see ``clusters`` for why).
"""

from __future__ import annotations

import random

from ..backends.base import Backend
from .clusters import DEFAULT_SEED, communities, to_igraph
from .strength import MAX_ITEM_ACTORS, collaboration_network
from .result import QueryResult

__all__ = ["broker_rows", "COLUMNS", "EXACT_UP_TO", "DEFAULT_SAMPLE", "RANKED_KINDS"]

COLUMNS = ["rank", "id", "name", "kind", "betweenness", "degree", "strength", "clusters"]
EXACT_UP_TO = 2000
DEFAULT_SAMPLE = 500
#: Who people ask about when they ask who brokers a partnership: bodies and people. A place is an actor of the
#: network (a city joins networks, so routes run through it) but not one that brokers a partnership, so the
#: CLI ranks these kinds unless asked for places too (``--kind place``); ``lcg clusters`` lists the same.
RANKED_KINDS = ("Organisation", "Person")


def broker_rows(backend: Backend, *, sample: int = DEFAULT_SAMPLE, exact_up_to: int = EXACT_UP_TO, seed: int = DEFAULT_SEED,
                kinds=None, limit: int | None = None,
                max_item_actors: int = MAX_ITEM_ACTORS) -> QueryResult:
    """Actors by normalised betweenness, highest first (ties by id); the note says whether it was sampled.

    ``kinds``: only actors of these kinds are ranked (None: every actor kind);
    betweenness is computed on the whole network either way, so it does not
    change with the kinds shown.

    Betweenness is normalised by the number of pairs of other actors,
    (n-1)(n-2)/2, and rounded to 6 decimals so both backends print the same.
    """
    proj = collaboration_network(backend, max_item_actors=max_item_actors)
    g = to_igraph(proj)
    n = g.vcount()
    g.es["distance"] = [1.0 / w for w in g.es["weight"]] if g.ecount() else []
    if n > exact_up_to and sample < n:
        sources = sorted(random.Random(seed).sample(range(n), sample))
        raw = g.betweenness(weights="distance", sources=sources, directed=False)
        scale = n / len(sources)
        info = {"sampled": len(sources), "actors": n}
    else:
        raw = g.betweenness(weights="distance", directed=False) if n else []
        scale = 1.0
        info = {"sampled": None, "actors": n}
    pairs = (n - 1) * (n - 2) / 2 if n > 2 else 1
    comm = communities(proj, g, seed=seed)
    degree = g.degree()
    strength = g.strength(weights="weight") if g.ecount() else [0] * n
    neighbours = g.get_adjlist()
    rows = []
    for v, actor in enumerate(proj.actors):
        if degree[v] == 0 or (kinds and proj.kinds[actor] not in kinds):
            continue
        touched = {comm.of[proj.actors[u]] for u in neighbours[v] if proj.actors[u] in comm.of}
        if actor in comm.of:
            touched.add(comm.of[actor])
        rows.append({"id": actor, "name": proj.names[actor], "kind": proj.kinds[actor],
                     "betweenness": round(raw[v] * scale / pairs, 6), "degree": len(set(neighbours[v])),
                     "strength": int(strength[v]), "clusters": len(touched)})
    rows.sort(key=lambda r: (-r["betweenness"], r["id"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    info.update({"ties": len(proj.edges), "skipped_items": proj.skipped, "seed": seed})
    how = (f"approximate: {info['sampled']} of {n:,} actors sampled as sources (seed {seed})"
           if info["sampled"] else f"exact over {n:,} actors")
    skipped = (f"; {len(proj.skipped)} items with over {max_item_actors} actors left out" if proj.skipped else "")
    note = f"Betweenness {how}, {len(proj.edges):,} collaboration ties{skipped}."
    return QueryResult(rows[:limit] if limit else rows, len(rows), (note,), info)
