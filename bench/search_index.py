"""Search on a big graph: the index's build time, memory and per-query time, against an earlier graph/search.py.

    python bench/generate.py --relationships 1000000 -o /tmp/g1m --seed 1
    python bench/search_index.py /tmp/g1m [--baseline-rev 9b28eda]

One process, one loaded graph; the baseline is graph/search.py as it was at
``--baseline-rev`` (read with ``git show``), so both run on the same data under
the same load. Queries: the words bench/serve.py asks (the longest word of 10
random organisations' names, first 6 letters), the most common words of the
names, and a few shapes (a word start, two word starts, a middle). Each query's
first asking and best of 5 more, limit 20 (what the app and ``lcg search`` ask);
the answers are checked equal.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def baseline_module(rev: str):
    src = subprocess.run(["git", "show", f"{rev}:graph/search.py"], cwd=ROOT, check=True, capture_output=True,
                         text=True).stdout
    path = Path("/tmp") / f"lcg_search_baseline_{rev}.py"
    path.write_text(src.replace("from .backends.base", "from graph.backends.base").replace("from .errors",
                                                                                           "from graph.errors"))
    spec = importlib.util.spec_from_file_location("search_baseline", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["search_baseline"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--baseline-rev", default="9b28eda")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    from graph.backends.open import open_backend
    import graph.search as new

    old = baseline_module(args.baseline_rev)
    backend = open_backend(args.data)
    nodes = backend.nodes()
    g = backend.graph
    orgs = sorted(nid for nid, k in g.nodes(data="kind") if k == "Organisation")
    rnd = random.Random(args.seed)
    picked = rnd.sample(orgs, 10)  # as bench/serve.py picks them
    serve_words = [max(str(g.nodes[o].get("name", o)).split(), key=len)[:6] for o in picked]
    counts = collections.Counter(w for n in nodes for w in set(new.fold(n.name).split()))
    common = [w for w, _ in counts.most_common(5)]
    shapes = ["univ", "univ ash", "ity co", "niversity", "kings"]
    queries = serve_words + common + shapes
    print(f"{len(nodes):,} nodes; most common words {[(w, counts[w]) for w in common]}", flush=True)

    for name, mod in (("baseline", old), ("new", new)):
        before = rss_mb()
        t = time.perf_counter()
        mod.search(backend, "index")
        built = time.perf_counter() - t
        print(f"{name}: index built in {built:.1f} s, RSS +{rss_mb() - before:.0f} MB", flush=True)

    rows = []
    for q in queries:
        row = {"query": q}
        for name, mod in (("baseline", old), ("new", new)):
            t = time.perf_counter()
            first = mod.search(backend, q)
            row[f"{name}_first"] = (time.perf_counter() - t) * 1000
            times = []
            for _ in range(5):
                t = time.perf_counter()
                mod.search(backend, q)
                times.append((time.perf_counter() - t) * 1000)
            row[name] = min(times)
            row[f"{name}_answer"] = [(m.node.id, m.score, m.matched) for m in first]
        assert row["baseline_answer"] == row["new_answer"], q
        rows.append(row)
        print(f"{q!r:14} baseline first {row['baseline_first']:8.1f} ms best {row['baseline']:8.1f}   "
              f"new first {row['new_first']:6.2f} ms best {row['new']:6.2f}   ({len(row['new_answer'])} found)",
              flush=True)
    for name in ("baseline", "new"):
        firsts = sorted(r[f"{name}_first"] for r in rows)
        print(f"{name}: first asking over {len(rows)} queries, ms median {statistics.median(firsts):.1f}, "
              f"max {firsts[-1]:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
