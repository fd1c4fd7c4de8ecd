"""Pairwise precision and recall of duplicate detection on hand-labelled names.

Data: ../shared/data/org-names-patstat-nl/patstat_reference.csv (2,379 PATSTAT
applicant names, 102 organisations checked by hand at KU Leuven). Each name is
one organisation record; `find_duplicates` runs exactly as `lcg duplicates`
does. Two measures:

* pairs: the reported pairs themselves;
* groups: every pair inside the connected groups the pairs form (what merging
  would do; the usual entity-resolution measure).

Baseline in the same run: exact match after lower-casing (what a naive tool does).

    python bench/duplicates.py [--csv PATH] [--min-score 0.8 ...]
"""

from __future__ import annotations

import argparse
import csv
import platform
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "org-names-patstat-nl" / "patstat_reference.csv"


#: Word-list entries chosen while reading these names (see --without-tuned-words).
TUNED_GENERIC = ("royal koninklijke electronics chemicals pharmaceuticals products systems engineering "
                 "manufacturing solutions").split()
TUNED_ABBREVIATIONS = ("koninkl", "nkl", "elec", "electr")


def load(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return [(f"p{r['person_id']}", r["leuven_id"], r["person_name"]) for r in csv.DictReader(fh)]


def true_pair_count(labels) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels.values()).values())


def measure_pairs(pairs, labels):
    tp = sum(1 for a, b in pairs if labels[a] == labels[b])
    return tp, len(pairs)


def measure_groups(groups, labels):
    predicted = tp = 0
    for g in groups:
        predicted += len(g) * (len(g) - 1) // 2
        by_label = Counter(labels[x] for x in g)
        tp += sum(n * (n - 1) // 2 for n in by_label.values())
    return tp, predicted


def row(name, tp, predicted, true_total, seconds=None):
    p = tp / predicted if predicted else 1.0
    r = tp / true_total if true_total else 1.0
    t = f"{seconds:6.2f} s" if seconds is not None else ""
    print(f"{name:<44} precision {p:.3f}  recall {r:.3f}  predicted pairs {predicted:>7}  {t}")
    return p, r


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", default=str(DEFAULT_CSV))
    ap.add_argument("--min-score", type=float, nargs="*", default=[0.7, 0.75, 0.8, 0.85, 0.9])
    ap.add_argument("--without-tuned-words", action="store_true",
                    help="drop the word-list entries added while looking at this data (Koninklijke = Royal, "
                         "'electronics' and other sector words, 'Koninkl.'/'Elec.' abbreviations): how much "
                         "of the result they carry")
    args = ap.parse_args(argv)
    if args.without_tuned_words:
        import graph.dedup.names as names

        names.GENERIC_WORDS = names.GENERIC_WORDS - set(TUNED_GENERIC)
        for abbreviation in TUNED_ABBREVIATIONS:
            names.ABBREVIATIONS.pop(abbreviation, None)

    from graph.dedup.duplicates import EntityRecord, find_duplicates, groups_of

    rows = load(args.csv)
    labels = {pid: lid for pid, lid, _ in rows}
    records = [EntityRecord(pid, "Organisation", name) for pid, _, name in rows]
    true_total = true_pair_count(labels)
    print(f"# {len(rows)} names, {len(set(labels.values()))} organisations, {true_total} true pairs; "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")

    t = time.perf_counter()
    exact = defaultdict(list)
    for pid, _, name in rows:
        exact[name.strip().lower()].append(pid)
    row("baseline: exact lower-case name (groups)", *measure_groups(exact.values(), labels), true_total,
        time.perf_counter() - t)

    for min_score in args.min_score:
        t = time.perf_counter()
        pairs = find_duplicates(records, min_score=min_score)
        seconds = time.perf_counter() - t
        groups = groups_of(pairs)
        grouped = {x for g in groups for x in g}
        singles = [[pid] for pid in labels if pid not in grouped]
        row(f"find_duplicates >= {min_score} (groups)", *measure_groups(groups + singles, labels), true_total,
            seconds)
        row(f"find_duplicates >= {min_score} (reported pairs)", *measure_pairs([(p.a, p.b) for p in pairs], labels),
            true_total)
    print(f"# peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    # The worst false merges at the last threshold, to see what fails.
    wrong = [p for p in pairs if labels[p.a] != labels[p.b]][:8]
    names = {pid: name for pid, _, name in rows}
    for p in wrong:
        print(f"  false: {names[p.a]!r} ~ {names[p.b]!r} {p.score} {p.reasons}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
