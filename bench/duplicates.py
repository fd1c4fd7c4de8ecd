"""Duplicate organisations on every labelled set in ../shared/data, beside a simple baseline, in one run.

Sets (each record carries only what a partner list would: name, and where the
source has them address, postcode/ZIP and phone; the labels are hidden from the
matcher):

* ``patstat``: 2,379 Dutch patent-applicant names, 102 organisations (KU Leuven);
* ``chicago``: 1,598 early-childhood sites with address, ZIP and phone, 527 true sites;
* ``ror``: 6,747 affiliation strings, labelled with the ROR id the publisher asserted;
* ``360giving``: the recipients of the three 360Giving files, one record per distinct
  (recipient id, name); the recipient id is the label, so an id written under two
  spellings is a true pair (ids are hidden from the matcher, postcodes and addresses kept).
* hold-out sets, copied from PyPI packages into bench/holdout (its README.md): ``restaurants``, 864
  Fodor's and Zagat restaurants with street, city and phone, 112 true pairs; ``stoxx``, 134 ways of writing
  the 50 STOXX Europe 50 companies, addresses run on after the names. The matcher was not written on them.

Measures, per set, for ``find_duplicates`` (exactly as ``lcg duplicates``) and for the
baseline (rapidfuzz ``token_sort_ratio >= 90`` within blocks of the same first token):

* pairs: the listed pairs themselves;
* groups: every pair inside the merge groups (what merging every merge group would do, whatever its
  size), the usual entity-resolution measure; plus the largest group beside the largest true group. The
  matcher's merge groups are its plan's (``merge_plan``): a pair it lists for review only (a name that
  names two bodies, ``groups.review_only``) joins no group, as the tool says; until 2026-12-01 (session
  5) every listed pair joined one;
* merges: every pair inside the groups ``lcg duplicates`` offers with action "merge" (``merge_plan``:
  groups of at most ``GROUP_REVIEW_SIZE`` records, no pair for review only), what a user following the
  merge advice merges; for the baseline, its groups of at most as many records, for comparison;
* the precision ceiling names leave: false pairs inside groups (or merges) whose names are one once
  normalised ("University of Massachusetts" under two ROR ids) can be told apart by no name;
* time and peak memory (RSS) of each run, each in its own process. The time is the work its user waits
  for: for the matcher, ``find_duplicates`` and the merge plan (what ``lcg duplicates`` works out); for the
  baseline, its pairs and groups. The bench's own counting (the matcher's merge groups of every listed
  pair, for the group columns) is left out.

``--scale`` adds the timing runs of the targets: all names of the four shared sets together
(names only), and 100k records made from the real names with their addresses.

    python bench/duplicates.py [--sets patstat chicago ...] [--scale] [--show-false 5]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The labelled sets: env LCG_SHARED_DIR, else the first "shared" folder beside the checkout (or its parent), as
#: tests/conftest.py finds it.
DATA = next((p for p in [*([Path(os.environ["LCG_SHARED_DIR"])] if os.environ.get("LCG_SHARED_DIR") else []),
                         ROOT.parent / "shared", ROOT.parent.parent / "shared", Path("/work/shared")] if p.is_dir()),
            ROOT.parent / "shared") / "data"
SETS = ("patstat", "chicago", "ror", "360giving")


def _patstat():
    with open(DATA / "org-names-patstat-nl" / "patstat_reference.csv", newline="", encoding="utf-8") as fh:
        return [dict(id=f"p{r['person_id']}", label=r["leuven_id"], name=r["person_name"]) for r in csv.DictReader(fh)]


def _chicago():
    out = []
    with open(DATA / "org-sites-chicago-early-childhood" / "chicago_sites_labelled.csv", newline="",
              encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            phone = r["Phone"].strip()
            out.append(dict(id=f"c{r['Id']}", label=r["True Id"], name=r["Site name"], address=r["Address"],
                            postcode=r["Zip"], phone=phone))
    return out


def _ror():
    with open(DATA / "org-names-ror-affiliations" / "ror_affiliations_train.csv", newline="",
              encoding="utf-8-sig") as fh:
        return [dict(id=f"r{n}", label=r["ror_id"], name=r["affiliation"]) for n, r in enumerate(csv.DictReader(fh))]


def _giving():
    files = [DATA / "360giving-covid19-multifunder" / "covid19-grants-2020-04-16.json",
             DATA / "360giving-wolfson-esmee" / "wolfson-grants.json",
             DATA / "360giving-wolfson-esmee" / "esmee-fairbairn-sample.json"]
    seen = {}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for g in data["grants"] if isinstance(data, dict) else data:
            orgs = g["recipientOrganization"]
            for o in orgs if isinstance(orgs, list) else [orgs]:
                key = (o["id"], o["name"])
                if key not in seen:
                    address = ", ".join(x for x in (o.get("streetAddress"), o.get("addressLocality")) if x)
                    seen[key] = dict(id=f"g{len(seen)}", label=o["id"], name=o["name"], address=address,
                                     postcode=o.get("postalCode") or "", website=o.get("url") or None)
    return list(seen.values())


#: Two more labelled lists, copied from PyPI packages (bench/holdout/README.md): the matcher was not written on
#: them. They are run beside the shared sets, not mixed into the timing runs (``--scale``).
HOLDOUT_DATA = Path(__file__).resolve().parent / "holdout"
HOLDOUT_SETS = ("restaurants", "stoxx")


def _restaurants():
    folder = HOLDOUT_DATA / "restaurants-fodors-zagat"
    with open(folder / "matches_fodors_zagats.csv", newline="", encoding="utf-8") as fh:
        same = {f"z{r['zagats_id']}": f"f{r['fodors_id']}" for r in csv.DictReader(fh)}
    out = []
    for prefix, name in (("f", "fodors.csv"), ("z", "zagats.csv")):
        with open(folder / name, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                rid = f"{prefix}{r['id']}"
                out.append(dict(id=rid, label=same.get(rid, rid), name=r["name"],
                                address=f"{r['addr']}, {r['city']}", phone=r["phone"]))
    return out


def _stoxx():
    with open(HOLDOUT_DATA / "stoxx50-deduplipy" / "stoxx50_extended_with_id.csv", newline="",
              encoding="utf-8") as fh:
        return [dict(id=f"x{n}", label=r["id"], name=r["name"]) for n, r in enumerate(csv.DictReader(fh))]


LOADERS = {"patstat": _patstat, "chicago": _chicago, "ror": _ror, "360giving": _giving,
           "restaurants": _restaurants, "stoxx": _stoxx}


def _scale_rows(n: int):
    """``n`` records from the real names (with their addresses), repeated with a site number so they stay distinct."""
    base = [r for s in SETS for r in LOADERS[s]()]
    rnd = random.Random(1)
    out = []
    for i in range(n):
        r = dict(base[i % len(base)])
        copy = i // len(base)
        if copy:
            r["name"] = f"{r['name']} {rnd.choice(['North', 'South', 'East', 'West', 'Central'])} {copy}"
            r["postcode"] = f"{copy:05d}"
        r["id"] = f"s{i}"
        out.append(r)
    return out


def _matcher(rows, timer):
    from graph.dedup.duplicates import (EntityRecord, find_duplicates, groups_of, identifier_clashes, merge_groups,
                                        site_clashes)
    from graph.dedup.groups import merge_plan, review_only
    from graph.forked import core_free

    records = [EntityRecord(r["id"], "Organisation", r["name"], website=r.get("website"),
                            address=r.get("address") or None, postcode=r.get("postcode") or None,
                            phone=r.get("phone") or None) for r in rows]
    names = {r.id: r.name for r in records}
    with timer:  # what `lcg duplicates` works out: the pairs and the merge plan
        free = core_free()  # (asked once, before the search raises the load: ``graph.queries.duplicates``)
        pairs = find_duplicates(records)
        plan = merge_plan(pairs, names, clashing=identifier_clashes(pairs, records),
                          sites=site_clashes(pairs, records), free=free)
    merges = groups_of([x.pair for x in plan if x.action == "merge"])
    # the merge groups of the plan, of any size: a pair for review only joins none (``merge_plan``)
    groups = merge_groups([p for p in pairs if not review_only(p, names)])
    return ([(p.a, p.b) for p in pairs], groups, {(p.a, p.b): (p.score, p.reasons) for p in pairs}, merges)


def _baseline(rows, timer):
    """rapidfuzz token_sort_ratio >= 90 on processed names, all pairs within a block of the same first token."""
    from rapidfuzz import fuzz, process, utils

    from graph.dedup.duplicates import groups_of
    from graph.dedup.weights import GROUP_REVIEW_SIZE

    timer.__enter__()
    blocks = defaultdict(list)
    for r in rows:
        text = utils.default_process(r["name"])
        if text:
            blocks[text.split()[0]].append((r["id"], text))
    pairs = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        texts = [t for _, t in members]
        scores = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, score_cutoff=90, workers=1)
        for i, j in zip(*scores.nonzero()):
            if i < j:
                pairs.append((members[i][0], members[j][0]))
    groups = groups_of(pairs)  # its counterpart of the advised merges: components a merge group may be
    timer.__exit__()
    return pairs, groups, {}, [g for g in groups if len(g) <= GROUP_REVIEW_SIZE]


class _Timer:
    """Seconds of the work a method's user waits for: the bench's own counting is left out of them."""

    seconds = 0.0

    def __enter__(self):
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds += time.perf_counter() - self._start


def _one(set_name: str, method: str) -> dict:
    rows = _scale_rows(int(set_name[5:])) if set_name.startswith("scale") else (
        [r for s in SETS for r in LOADERS[s]()] if set_name == "allnames" else LOADERS[set_name]())
    if set_name == "allnames":
        rows = [dict(id=f"{n}", label=r["label"], name=r["name"]) for n, r in enumerate(rows)]
    timer = _Timer()
    pairs, groups, detail, merges = (_matcher if method == "matcher" else _baseline)(rows, timer)
    seconds = timer.seconds
    labels = {r["id"]: r["label"] for r in rows}
    names = {r["id"]: r["name"] for r in rows}
    true_total = sum(n * (n - 1) // 2 for n in Counter(labels.values()).values())
    judged = [(a, b) for a, b in pairs if _judgeable(labels[a], labels[b])]
    tp_pairs = sum(1 for a, b in judged if labels[a] == labels[b])
    tp, predicted, unjudged = _group_counts(groups, labels)
    tp_merges, merge_pairs, _ = _group_counts(merges, labels)
    false = [(names[a], names[b], *detail.get((a, b), (None, None))) for a, b in judged if labels[a] != labels[b]]
    return {"set": set_name, "method": method, "records": len(rows), "true_pairs": true_total,
            "largest_true": max(Counter(labels.values()).values()), "pairs": len(judged), "tp_pairs": tp_pairs,
            "unjudged": len(pairs) - len(judged), "unjudged_in_groups": unjudged,
            "false_same_name": _false_same_name(groups, labels, names), "group_pairs": predicted, "tp_groups": tp,
            "merge_pairs": merge_pairs, "tp_merges": tp_merges,
            "false_same_name_merges": _false_same_name(merges, labels, names),
            "largest_group": max((len(g) for g in groups), default=0),
            "seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "false": false[:50]}


def _group_counts(groups, labels) -> tuple[int, int, int]:
    """(true pairs, judged pairs, pairs left out) inside ``groups``: every pair a merge of each group makes."""
    predicted = tp = unjudged = 0
    for g in groups:
        counts = Counter(labels[x] for x in g)
        tp += sum(n * (n - 1) // 2 for n in counts.values())
        internal = sum(n for label, n in counts.items() if label.startswith(INTERNAL_ID))
        # pairs between two different labels of which one is internal: neither true nor false
        skip = sum(n * (len(g) - n) for label, n in counts.items() if label.startswith(INTERNAL_ID))
        skip -= sum(n * (internal - n) for label, n in counts.items() if label.startswith(INTERNAL_ID)) // 2
        unjudged += skip
        predicted += len(g) * (len(g) - 1) // 2 - skip
    return tp, predicted, unjudged


#: 360Giving's prefix for a publisher's own recipient ids (Wolfson's "360G-wolfson:org-5176"): not from a
#: register, so the same body funded by two publishers carries two ids, and a pair whose labels differ
#: with one of them internal can be neither true nor false ("Living Options Devon" is GB-COH-04295281 in
#: the Covid-19 file and 360G-wolfson:org-5176 in Wolfson's). Such pairs are left out of both counts.
INTERNAL_ID = "360G-"


def _judgeable(a: str, b: str) -> bool:
    return a == b or not (a.startswith(INTERNAL_ID) or b.startswith(INTERNAL_ID))


def _false_same_name(groups, labels, names) -> int:
    """False pairs inside merge groups between two records whose names are one once normalised (a unit
    prefix, legal form, case and punctuation dropped): labels no name can tell apart. A pair left out of
    the counts (``_judgeable``) is left out here too."""
    from graph.dedup.names import name_key

    n = 0
    for g in groups:
        by_key: dict = defaultdict(Counter)
        for x in g:
            by_key[name_key(names[x]).tokens][labels[x]] += 1
        for counts in by_key.values():
            items = list(counts.items())
            n += sum(ca * cb for i, (la, ca) in enumerate(items) for lb, cb in items[i + 1:] if _judgeable(la, lb))
    return n


def _ratio(a, b) -> str:
    return f"{a / b:.3f}" if b else "-"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="*", default=[*SETS, *HOLDOUT_SETS], choices=[*SETS, *HOLDOUT_SETS])
    ap.add_argument("--methods", nargs="*", default=["baseline", "matcher"], choices=["baseline", "matcher"])
    ap.add_argument("--scale", action="store_true", help="also time all names together and 100k records")
    ap.add_argument("--show-false", type=int, default=0, metavar="N", help="print N false pairs per set")
    ap.add_argument("--one", nargs=2, metavar=("SET", "METHOD"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(_one(*args.one)))
        return 0
    print(f"# {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("| set | method | records | pair P | pair R | group P | group R | merge P | merge R | largest group (true) "
          "| time | peak RSS |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    runs = [(s, m) for s in args.sets for m in args.methods]
    if args.scale:
        runs += [("allnames", "baseline"), ("allnames", "matcher"), ("scale100000", "matcher")]
    for s, m in runs:
        out = subprocess.run([sys.executable, __file__, "--one", s, m], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"| {s} | {m} | {r['records']} | {_ratio(r['tp_pairs'], r['pairs'])} | "
              f"{_ratio(r['tp_pairs'], r['true_pairs'])} | {_ratio(r['tp_groups'], r['group_pairs'])} | "
              f"{_ratio(r['tp_groups'], r['true_pairs'])} | {_ratio(r['tp_merges'], r['merge_pairs'])} | "
              f"{_ratio(r['tp_merges'], r['true_pairs'])} | {r['largest_group']} ({r['largest_true']}) | "
              f"{r['seconds']:.2f} s | {r['peak_mb']:.0f} MB |", flush=True)
        if r.get("false_same_name") or r.get("false_same_name_merges"):
            print(f"    ({r['false_same_name']} of the false pairs in groups, {r['false_same_name_merges']} of those "
                  "in merges, join names that are one once normalised; ceiling they leave: group P "
                  f"{_ratio(r['group_pairs'] - r['false_same_name'], r['group_pairs'])}, merge P "
                  f"{_ratio(r['merge_pairs'] - r['false_same_name_merges'], r['merge_pairs'])})", flush=True)
        if r.get("unjudged"):
            print(f"    ({r['unjudged']} listed pairs, {r['unjudged_in_groups']} pairs in groups left out: one of "
                  "two different labels is a publisher's own id)", flush=True)
        for f in r["false"][:args.show_false]:
            print(f"    false: {f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
