"""Time and memory of the who-works-with-whom queries at scale, with networkx as the baseline.

Part 1, on a large generated dataset (default 1M relationships), graph loaded
(load time reported on its own): ``collaborators`` on the biggest hub (the node
with most relationships) and on a typical organisation, ``path`` between random
organisation pairs, ``gaps`` and ``timeline``.
Part 2, on a ~100k-tie collaboration network (the projection of the 100k
generated dataset): ``brokers`` (500 sampled sources) and ``clusters`` with
igraph, against networkx's betweenness (k=500) and Louvain on the same network
in the same run (the ratio is the figure to quote).

    python bench/generate.py --relationships 1000000 -o /tmp/g1m --seed 1
    python bench/generate.py --relationships 100000 -o /tmp/g100k --seed 1
    python bench/queries.py --large /tmp/g1m --collab /tmp/g100k

Peak memory: the process's peak RSS after each step (it only grows), and the
step's own growth.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class GcWatch:
    """The slowest cyclic-garbage collection since the last ``take()`` (gc.callbacks): a step's time can be
    one full collection rather than the query (bench/RESULTS.md, "Garbage collection and the embedded caches")."""

    def __init__(self):
        self.slowest, self._start = 0.0, 0.0
        gc.callbacks.append(self._cb)

    def _cb(self, phase, info):
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.slowest = max(self.slowest, time.perf_counter() - self._start)

    def take(self) -> float:
        out, self.slowest = round(self.slowest, 4), 0.0
        return out


class Steps:
    def __init__(self):
        self.rows = []
        self.gc = GcWatch()

    def run(self, name, fn, repeat=1, note="", describe=None):
        """Time ``fn`` (best of ``repeat``; the first call is reported as cold when repeating)."""
        before = rss_mb()
        self.gc.take()
        times = []
        out = None
        for _ in range(repeat):
            t = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t)
        row = {"step": name, "seconds": round(times[0], 4), "warm_best": round(min(times[1:]), 4) if repeat > 1 else None,
               "rss_growth_mb": round(rss_mb() - before, 1), "peak_rss_mb": round(peak_mb(), 1),
               "note": note + (describe(out) if describe else ""), "slowest_gc_s": self.gc.take()}
        self.rows.append(row)
        print(json.dumps(row), flush=True)
        return out


def load(data):
    from graph.backends.embedded import EmbeddedBackend
    from graph.loading import open_dataset

    b = EmbeddedBackend.from_dataset(open_dataset(data))  # as the CLI: the dataset cache when it is there
    gc.collect()
    gc.freeze()  # as a long-running service would: the loaded graph is never garbage
    return b


def part_large(steps: Steps, data: Path, pairs: int, seed: int):
    from graph.queries.collaborators import collaborator_rows
    from graph.queries.gaps import gap_rows
    from graph.queries.path import path_rows
    from graph.queries.timeline import timeline_rows

    from graph.loading import cache_dir

    cached = any(cache_dir().glob("*.pickle")) if cache_dir().exists() else False
    b = steps.run("load (dataset -> embedded graph)", lambda: load(data), describe=lambda b: (
        f"{b.graph.number_of_nodes():,} nodes, {b.graph.number_of_edges():,} relationships; "
        f"{'a dataset cache may have been used' if cached else 'YAML parsed and validated'}"))
    g = b.graph
    hub = max(sorted(n for n, k in g.nodes(data="kind") if k in ("Organisation", "Person", "Place")), key=g.degree)
    orgs = sorted(n for n, k in g.nodes(data="kind") if k == "Organisation")
    typical = sorted(orgs, key=lambda n: (g.degree(n), n))[len(orgs) // 2]
    steps.run(f"collaborators {hub} --limit 50 (biggest hub)", lambda: collaborator_rows(b, hub, limit=50),
              repeat=3, note=f"degree {g.degree(hub):,}; cold = first call, warm = tie lists cached")
    from graph.queries.strength import ACTOR_KINDS, rel_kinds_for, weight_table
    from graph.queries.collaborators import _scan
    from graph.queries.walks import co_participation

    weights = weight_table(None)
    steps.run("  of which the co_participation_strengths primitive alone",
              lambda: b.co_participation_strengths(hub, weights, other_kinds=ACTOR_KINDS), repeat=3,
              describe=lambda rows: f"{len(rows):,} collaborators")
    hub_rec = b.node(hub)
    steps.run("  baseline: the full walk the command did before (co_participation rows + one pass)",
              lambda: _scan(b, hub_rec, None), repeat=3, describe=lambda r: f"{len(r[0]):,} rows, warm")
    two_step = [k for k in rel_kinds_for(None)[1] if k != "WORKS_FOR"]
    steps.run("  of which the co_participation primitive alone (warm)",
              lambda: len(co_participation(b, hub, rel_kinds=two_step)), repeat=3, describe=lambda n: f"{n:,} rows")
    n_all = len(collaborator_rows(b, hub))
    print(json.dumps({"hub_collaborators": n_all}), flush=True)
    steps.run(f"collaborators {hub} --as-of 2019 (biggest hub)",
              lambda: collaborator_rows(b, hub, as_of="2019", limit=50), repeat=2)
    steps.run(f"collaborators {typical} (median-degree organisation)",
              lambda: collaborator_rows(b, typical, limit=50), repeat=3, note=f"degree {g.degree(typical)}")
    rnd = random.Random(seed)
    chosen = [tuple(rnd.sample(orgs, 2)) for _ in range(pairs)]
    times, hops, found = [], [], 0
    steps.gc.take()
    for a, z in chosen:
        t = time.perf_counter()
        res, total = path_rows(b, a, z)
        times.append(time.perf_counter() - t)
        if res:
            found += 1
            hops.append(res[0]["hops"])
    steps.rows.append({"step": f"path (max 4 hops), {pairs} random organisation pairs", "seconds": round(max(times), 4),
                       "warm_best": None, "rss_growth_mb": None, "peak_rss_mb": round(peak_mb(), 1),
                       "note": f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms; "
                               f"{found} connected, hops {sorted(set(hops))}", "slowest_gc_s": steps.gc.take()})
    print(json.dumps(steps.rows[-1]), flush=True)
    # baseline: what the embedded backend did before (networkx on the edge-filtered undirected view)
    import networkx as nx

    from graph.queries.path import _WITHOUT_THEMES

    wanted = set(_WITHOUT_THEMES)
    view = nx.subgraph_view(g, filter_edge=lambda u, v, k: g.edges[u, v, k]["kind"] in wanted)
    und = view.to_undirected(as_view=True)
    base = []
    for a, z in chosen[:5]:
        t = time.perf_counter()
        try:
            list(nx.all_shortest_paths(und, a, z))
        except nx.NetworkXNoPath:
            pass
        base.append(time.perf_counter() - t)
    steps.rows.append({"step": "  baseline: networkx all_shortest_paths, first 5 of those pairs",
                       "seconds": round(max(base), 4), "warm_best": None, "rss_growth_mb": None,
                       "peak_rss_mb": round(peak_mb(), 1),
                       "note": f"median {statistics.median(base):.2f} s vs {statistics.median(times[:5]) * 1000:.1f} ms"})
    print(json.dumps(steps.rows[-1]), flush=True)
    t = time.perf_counter()
    res, total = path_rows(b, hub, typical)
    steps.rows.append({"step": "path biggest hub -> median organisation", "seconds": round(time.perf_counter() - t, 4),
                       "warm_best": None, "rss_growth_mb": None, "peak_rss_mb": round(peak_mb(), 1),
                       "note": f"{total} shortest paths of {res[0]['hops'] if res else '-'} hops"})
    print(json.dumps(steps.rows[-1]), flush=True)
    steps.run("gaps", lambda: gap_rows(b))
    steps.run("timeline", lambda: timeline_rows(b))


def part_collab(steps: Steps, data: Path, sample: int, seed: int, networkx: bool):
    import networkx as nx

    from graph.queries.brokers import broker_rows
    from graph.queries.clusters import cluster_rows, to_igraph
    from graph.queries.strength import collaboration_network

    b = steps.run("load collaboration dataset", lambda: load(data))
    proj = steps.run("projection to actor-actor ties (shared by brokers, clusters)", lambda: collaboration_network(b),
                     describe=lambda p: (f"{len(p.actors):,} actors, {len(p.edges):,} ties, "
                                         f"{len(p.skipped)} items over 100 actors left out"))
    steps.run(f"brokers (igraph, {sample} sampled sources, incl. projection and Louvain)",
              lambda: broker_rows(b, sample=sample, seed=seed))
    steps.run("clusters (igraph Louvain, incl. projection)", lambda: cluster_rows(b, seed=seed))
    ig_graph = to_igraph(proj)
    ig_graph.es["distance"] = [1.0 / w for w in ig_graph.es["weight"]]
    n = ig_graph.vcount()
    sample = min(sample, n)
    sources = sorted(random.Random(seed).sample(range(n), sample))
    steps.run(f"  igraph betweenness alone ({sample} sources)",
                       lambda: ig_graph.betweenness(weights="distance", sources=sources, directed=False))
    igraph_b = steps.rows[-1]["seconds"]
    steps.run("  igraph Louvain alone", lambda: ig_graph.community_multilevel(weights="weight"))
    igraph_l = steps.rows[-1]["seconds"]
    if not networkx:
        return
    G = nx.Graph()
    G.add_nodes_from(proj.actors)
    G.add_weighted_edges_from(proj.edges)
    for u, v, d in G.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    t = time.perf_counter()
    steps.run(f"  networkx betweenness_centrality(k={sample}) (baseline)",
              lambda: nx.betweenness_centrality(G, k=sample, weight="distance", seed=seed),
              describe=lambda _: f"igraph {(time.perf_counter() - t) / max(igraph_b, 1e-4):.0f}x faster")
    t = time.perf_counter()
    steps.run("  networkx louvain_communities (baseline)",
              lambda: nx.community.louvain_communities(G, weight="weight", seed=seed),
              describe=lambda comms: (f"igraph {(time.perf_counter() - t) / max(igraph_l, 1e-4):.0f}x faster; "
                                      f"networkx modularity {nx.community.modularity(G, comms, weight='weight'):.4f}"))
    steps.run("  igraph modularity of its own Louvain", lambda: ig_graph.community_multilevel(weights="weight"),
              describe=lambda parts: f"{parts.modularity:.4f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--large", type=Path, help="generated dataset for part 1 (e.g. 1M relationships)")
    ap.add_argument("--collab", type=Path, help="generated dataset whose projection is ~100k ties (part 2)")
    ap.add_argument("--pairs", type=int, default=20)
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-networkx", action="store_true", help="skip the networkx baseline")
    args = ap.parse_args(argv)
    steps = Steps()
    info = {"nproc": os.cpu_count(), "python": sys.version.split()[0]}
    try:
        import igraph

        info["igraph"] = igraph.__version__
    except ImportError:
        pass
    print(json.dumps(info), flush=True)
    if args.large:
        part_large(steps, args.large, args.pairs, args.seed)
    if args.collab:
        part_collab(steps, args.collab, args.sample, args.seed, not args.no_networkx)
    return 0


if __name__ == "__main__":
    sys.exit(main())
