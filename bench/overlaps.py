"""Overlap detection at scale: time, peak memory, recall and precision on planted pairs.

Generates N projects shaped like the learning-city data (cities, themes, target
groups, local partners, a few hub funders, 2012-2025) whose descriptions mix a
template with words from a Zipf vocabulary (growing as the square root of N, as
real text does), then plants near-duplicates of 1% of them: a paraphrased title
and description (other template, 75% of the content words reordered, new words
added), dates shifted by up to a year, a different funder, the same city and
themes. Runs `find_overlaps` exactly as
`lcg overlaps` does (default weights and threshold, every kind) on each size in
its own process (so peak RSS is that size's), and on the smallest size also the
scorer before issue 11 on the same records. A planted pair counts as found when
it is listed with any kind. The evaluation on real files and hand-labelled
pairs is bench/overlaps_real.py.

    python bench/overlaps.py --sizes 10000 100000 1000000

Each size also runs the kinds scorer as it was on main at ``overlaps_real.PREVIOUS`` (its library from
``git archive``), in its own process, on the same generated records (``--no-previous`` skips it).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--tree" in sys.argv:  # a previous version of the library (git archive), for the scorer before this one
    sys.path.insert(0, sys.argv[sys.argv.index("--tree") + 1])
else:
    sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "bench"))

from generate import ACTIVITY, CITY_A, CITY_B, GROUPS, NATIONAL_FUNDERS, THEMES, VERBS  # noqa: E402

SYLLABLES = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo".split()
TEMPLATES = ("A project to {verb} {group} in {city} through {activity}, focusing on {theme}: {words}.",
             "{City} programme that helps {group} with {theme} using {activity}; {words}.")


def vocabulary(size: int, rnd: random.Random) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))))
    return sorted(words)


def generate(n: int, seed: int = 7, planted_fraction: float = 0.01):
    """(records, planted pairs as frozensets of ids)."""
    import numpy as np

    from graph.dedup.records import ProjectRecord

    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    vocab = vocabulary(int(50_000 * (n / 10_000) ** 0.5), rnd)  # Heaps' law: vocabulary grows with the corpus
    zipf = 1.0 / (np.arange(1, len(vocab) + 1) + 200)  # Zipf-like with a flat head, like topic words
    zipf /= zipf.sum()
    n_cities = max(50, n // 100)
    cities = [f"{rnd.choice(CITY_A)}{rnd.choice(CITY_B)} {i}" for i in range(n_cities)]
    funders = [f"funder-{i}" for i in range(len(NATIONAL_FUNDERS))]
    n_planted = int(n * planted_fraction)
    n_base = n - n_planted
    word_ix = rng.choice(len(vocab), size=(n_base, 15), p=zipf)
    records, planted = [], set()

    def project(pid, ci, themes, group, words, start, end, partners, funder, template):
        theme = THEMES[themes[0]].lower()
        desc = TEMPLATES[template].format(verb=rnd.choice(VERBS), group=group, city=cities[ci], City=cities[ci],
                                          activity=rnd.choice(ACTIVITY), theme=theme, words=" ".join(words))
        title = (f"{THEMES[themes[0]]} for {group} in {cities[ci]}" if template == 0
                 else f"{cities[ci]} {theme} programme")
        return ProjectRecord(pid, title, desc, frozenset(f"theme-{t}" for t in themes), frozenset({group}),
                             frozenset(partners), frozenset({funder}), frozenset({f"city-{ci}"}),
                             str(start), str(end))

    for p in range(n_base):
        ci = rnd.randrange(n_cities)
        themes = rnd.sample(range(len(THEMES)), rnd.randint(1, 3))
        start = rnd.randint(2012, 2024)
        partners = {f"org-{ci}-{rnd.randrange(20)}" for _ in range(rnd.randint(1, 3))}
        funder = funders[min(int(rng.zipf(1.5)) - 1, len(funders) - 1)] if rnd.random() < 0.7 else f"org-{ci}-{rnd.randrange(20)}"
        words = [vocab[i] for i in word_ix[p]]
        records.append(project(f"p{p}", ci, themes, rnd.choice(GROUPS), words, start, start + rnd.randint(0, 3),
                               partners, funder, 0))
    for q, b in enumerate(rnd.sample(range(n_base), n_planted)):  # distinct bases: no twin-twin pairs
        base = records[b]
        ci = int(next(iter(base.places)).split("-")[1])
        themes = [int(t.split("-")[1]) for t in sorted(base.themes)]
        content = base.description.split(": ", 1)[1].rstrip(".").split()
        kept = rnd.sample(content, int(len(content) * 0.75)) + [vocab[i] for i in rng.choice(len(vocab), 3, p=zipf)]
        start = int(base.start) + rnd.choice((-1, 0, 1))
        funder = rnd.choice([f for f in funders if f not in base.funders])
        partners = set(rnd.sample(sorted(base.partners), 1)) if rnd.random() < 0.5 else {f"org-{ci}-{rnd.randrange(20)}"}
        twin = project(f"t{q}", ci, themes, next(iter(base.target_groups)), kept, start,
                       start + (int(base.end) - int(base.start)), partners, funder, 1)
        records.append(twin)
        planted.add(frozenset((base.id, twin.id)))
    return records, planted


def measure(found: set, planted: set) -> tuple[float, float]:
    tp = len(found & planted)
    return (tp / len(planted) if planted else 1.0), (tp / len(found) if found else 1.0)


def run_one(n: int, exact: bool) -> dict:
    """The current scorer (every kind) and the scorer before issue 11 on the same generated records."""
    from graph.dedup.distinctive import DistinctiveWords
    from graph.dedup.overlaps import find_overlaps

    t0 = time.perf_counter()
    records, planted = generate(n)
    out = {"n": n, "planted": len(planted), "generate_s": round(time.perf_counter() - t0, 2)}
    t0 = time.perf_counter()
    stats: dict = {}
    pairs = find_overlaps(records, words=DistinctiveWords(records, {}), stats=stats)
    found = {frozenset((p.a, p.b)) for p in pairs}
    recall, precision = measure(found, planted)
    kinds: dict = {}
    for p in pairs:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    out.update(overlaps_s=round(time.perf_counter() - t0, 2), candidate_pairs=stats.get("candidates"),
               found=len(found), kinds=kinds, recall=round(recall, 4), precision=round(precision, 4))
    if exact:  # the scorer before issue 11, for comparison (loaded from git by bench/overlaps_real.py)
        from overlaps_real import old_module

        old = old_module()
        t0 = time.perf_counter()
        found_old = {frozenset((p.a, p.b)) for p in old.find_overlaps(records, min_score=0.5)}
        out["before_issue11_s"] = round(time.perf_counter() - t0, 2)
        out["before_issue11_recall"], out["before_issue11_precision"] = (round(x, 4) for x in
                                                                         measure(found_old, planted))
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--exact", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--tree", help=argparse.SUPPRESS)
    ap.add_argument("--no-previous", action="store_true", help="skip the previous kinds scorer (main at PREVIOUS)")
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.exact)))
        return 0
    print(f"# {platform.machine()}, {platform.processor() or '?'}; Python {platform.python_version()}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    import tempfile

    from overlaps_real import PREVIOUS, tree_at

    smallest = min(args.sizes)
    with tempfile.TemporaryDirectory() as tmp:
        tree = None if args.no_previous else tree_at(PREVIOUS, Path(tmp))
        for n in args.sizes:
            runs = [("new", ["--exact"] if n == smallest else [])]
            if tree is not None:
                runs.append((f"previous ({PREVIOUS})", ["--tree", str(tree)]))
            for scorer, extra in runs:
                res = subprocess.run([sys.executable, __file__, "--one", str(n)] + extra, capture_output=True,
                                     text=True)
                if res.returncode:
                    print(f"n={n} {scorer}: failed\n{res.stderr[-2000:]}")
                    continue
                print(json.dumps({"scorer": scorer, **json.loads(res.stdout.strip().splitlines()[-1])}))
                sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
