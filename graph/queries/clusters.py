"""`lcg clusters`: communities of the collaboration network (Louvain, fixed seed), with their themes.

The network is ``collaboration.project`` (actor-actor ties weighted as
documented there), built in Python from the backend's ``nodes()`` and
``relationships()``, so both backends feed the same input to the same algorithm.

Why igraph and not networkx's Louvain: on a 100,000-tie network networkx takes
tens of seconds, igraph's C implementation (the same multilevel algorithm) a
second or two; ``bench/queries.py`` measures both in one run. igraph draws its
random numbers from a Python ``random.Random`` we seed, so a run is repeatable;
the vertex order (ids sorted) and edge order (sorted pairs) are fixed too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..backends.base import Backend
from .strength import MAX_ITEM_ACTORS, Projection, collaboration_network
from .result import QueryResult

__all__ = ["Communities", "to_igraph", "communities", "cluster_rows", "COLUMNS", "DEFAULT_SEED"]

COLUMNS = ["cluster", "size", "members", "themes", "member_ids"]
DEFAULT_SEED = 1
_ITEM_KINDS = ("Project", "Event", "Network")


def to_igraph(proj: Projection):
    """An undirected igraph Graph: vertex i is ``proj.actors[i]``; edge attribute ``weight``."""
    import igraph as ig

    index = {a: i for i, a in enumerate(proj.actors)}
    g = ig.Graph(n=len(proj.actors), edges=[(index[a], index[b]) for a, b, _ in proj.edges], directed=False)
    g.es["weight"] = [w for _, _, w in proj.edges]
    return g


@dataclass
class Communities:
    """``of[actor id] -> cluster number`` (1 = largest); ``members[n]`` sorted ids; isolated actors left out."""

    of: dict[str, int]
    members: dict[int, list[str]]
    modularity: float


def communities(proj: Projection, g=None, *, seed: int = DEFAULT_SEED) -> Communities:
    """Louvain (igraph multilevel) with a seeded generator; clusters numbered by size, then first id."""
    import igraph as ig

    g = g if g is not None else to_igraph(proj)
    ig.set_random_number_generator(random.Random(seed))
    try:
        parts = g.community_multilevel(weights="weight" if g.ecount() else None)
    finally:
        ig.set_random_number_generator(random)
    groups = [sorted(proj.actors[v] for v in part) for part in parts if len(part) > 1]
    groups.sort(key=lambda m: (-len(m), m[0]))
    of = {a: n for n, m in enumerate(groups, 1) for a in m}
    return Communities(of, {n: m for n, m in enumerate(groups, 1)}, round(parts.modularity, 6) if groups else 0.0)


def _themes_by_cluster(proj: Projection, comm: Communities) -> dict[int, dict[str, int]]:
    """How many of each cluster's items (projects, events, networks they share) and own bodies address each theme."""
    counts: dict[int, dict[str, int]] = {}
    groups = proj.groups
    for item, actors in groups.groups.items():
        themes = groups.themes.get(item)
        if not themes or groups.kinds[item] not in _ITEM_KINDS:  # an employer's own themes count as an actor's
            continue
        for n in {comm.of[a] for a in actors if a in comm.of}:
            c = counts.setdefault(n, {})
            for t in themes:
                c[t] = c.get(t, 0) + 1
    for actor, n in comm.of.items():
        for t in groups.themes.get(actor, ()):
            c = counts.setdefault(n, {})
            c[t] = c.get(t, 0) + 1
    return counts


def cluster_rows(backend: Backend, *, seed: int = DEFAULT_SEED, top_themes: int = 3, min_size: int = 2,
                 limit: int | None = None, max_item_actors: int = MAX_ITEM_ACTORS,
                 kinds=None) -> QueryResult:
    """One row per community of at least ``min_size``, largest first; the note gives the modularity.

    ``kinds``: list only members of these kinds (None: every actor kind); the
    communities are found on the whole network either way, and ``size`` and
    ``min_size`` count the members listed.
    """
    proj = collaboration_network(backend, with_themes=True, max_item_actors=max_item_actors)
    comm = communities(proj, seed=seed)
    themes = _themes_by_cluster(proj, comm)
    names = proj.names
    rows = []
    for n, members in comm.members.items():
        if kinds:
            members = [m for m in members if proj.kinds[m] in kinds]
        if len(members) < min_size:
            continue
        top = sorted(themes.get(n, {}).items(), key=lambda kv: (-kv[1], kv[0]))[:top_themes]
        rows.append({"cluster": n, "size": len(members), "members": [names[m] for m in members],
                     "member_ids": members, "themes": [f"{names.get(t, t)} ({c})" for t, c in top]})
    info = {"clusters": len(comm.members), "modularity": comm.modularity, "actors": len(proj.actors),
            "ties": len(proj.edges), "skipped_items": proj.skipped, "seed": seed}
    note = (f"{info['clusters']} clusters of 2 or more among {info['actors']:,} actors, {info['ties']:,} ties; "
            f"modularity {info['modularity']} (seed {seed}).")
    return QueryResult(rows[:limit] if limit else rows, len(rows), (note,), info)
