"""Time and size of overlap groups: stars (``dedup.groups.overlap_groups``) against connected components.

Overlap pairs at scale form long chains (templated descriptions make each project
similar to a few others, and those to a few more), so connected components
merge most pairs into one group. This measures, on the same generated pairs in
the same run, how long each grouping takes and how big the largest group gets.

    python bench/overlap_groups.py --pairs 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import random
import time


def chained_pairs(n_pairs: int, seed: int = 1) -> list[tuple[str, str, float]]:
    """Pairs over n_pairs/2 projects: each project overlaps a few near neighbours (a chain-rich graph)."""
    rnd = random.Random(seed)
    n = max(2, n_pairs // 2)
    pairs = {}
    while len(pairs) < n_pairs:
        a = rnd.randrange(n)
        b = (a + rnd.randint(1, 5)) % n
        if a != b:
            key = (f"p{min(a, b):07}", f"p{max(a, b):07}")
            pairs[key] = round(rnd.uniform(0.5, 1.0), 3)
    return [(a, b, s) for (a, b), s in pairs.items()]


def main() -> None:
    from graph.dedup.duplicates import groups_of
    from graph.dedup.groups import overlap_groups

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, nargs="+", default=[10_000, 100_000])
    args = ap.parse_args()
    print("| pairs | stars: time | groups | largest (projects) | components: time | groups | largest (projects) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.pairs:
        pairs = chained_pairs(n)
        t = time.perf_counter()
        stars = overlap_groups(pairs)
        t_stars = time.perf_counter() - t
        members: dict[int, set] = {}
        for (a, b), g in stars.items():
            members.setdefault(g, set()).update((a, b))
        t = time.perf_counter()
        comps = groups_of([(a, b) for a, b, _ in pairs])
        t_comps = time.perf_counter() - t
        print(f"| {n:,} | {t_stars:.2f} s | {len(members):,} | {max(map(len, members.values())):,} "
              f"| {t_comps:.2f} s | {len(comps):,} | {len(comps[0]):,} |")


if __name__ == "__main__":
    main()
