"""Every trial in bench/trials (lists new users wrote, with answer keys) imported and scored, one line each.

Per trial: the true pairs of its key; the pairs inside the groups `lcg duplicates` advises to merge that are two
bodies (wrong merges) or one (true merged); the pairs it lists for review that are one body or two; the true pairs
in neither (missed). Each trial is imported afresh in a temporary folder, with the importers of the code measured.

    python bench/trials.py [--root CHECKOUT] [--show] [TRIAL ...]   (a trial: its folder's name here, or its path)
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "trials"


def _lcg(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "cli.py"), *args], capture_output=True, text=True)


def score(rows: list[dict], key: dict[str, str]) -> dict:
    """The counts (and the pairs) of `lcg duplicates --format json` rows against a key of name -> body."""
    groups: dict[int, set] = defaultdict(set)
    review = set()
    for r in rows:
        if r["keep_name"] == r["merge_name"]:
            continue  # two records of one name: the key, by name, cannot tell them apart
        if r["action"] == "merge":
            groups[r["group"]].update([r["keep_name"], r["merge_name"]])
        else:
            review.add(frozenset([r["keep_name"], r["merge_name"]]))
    merged = {frozenset(p) for g in groups.values() for p in itertools.combinations(sorted(g), 2)}
    by_body = defaultdict(list)
    for name, body in key.items():
        by_body[body].append(name)
    true = {frozenset(p) for names in by_body.values() for p in itertools.combinations(names, 2)}
    unknown = sorted({n for r in rows for n in (r["keep_name"], r["merge_name"]) if n not in key})
    return {"true pairs": len(true), "wrong merges": sorted(map(sorted, merged - true)),
            "true merged": len(merged & true), "true for review": len((review - merged) & true),
            "false reviews": sorted(map(sorted, review - merged - true)),
            "missed": sorted(map(sorted, true - merged - review)), "not in key": unknown}


def run(trial: Path, root: Path) -> dict:
    spec = yaml.safe_load((trial / "trial.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        for step in spec["imports"]:
            if step.get("import") == "360giving":  # a funder's file in the 360Giving standard, as published
                done = _lcg(root, "import", "360giving", str(trial / step["file"]), "-o", str(data))
            else:
                done = _lcg(root, "import", "sheet", str(trial / step["file"]), "--type", "organisation",
                            "--map", str(trial / step["map"]), "-o", str(data))
            if done.returncode:  # its first problem, and the line that says how many (a warning is none)
                lines = [x for x in done.stderr.strip().splitlines() if not x.startswith("warning:")]
                return {"error": f"{step['file']}: {' / '.join(dict.fromkeys([lines[0], lines[-1]]))}"}
        done = _lcg(root, "duplicates", "--data", str(data), "--format", "json")
        if done.returncode:
            return {"error": done.stderr.strip()}
        rows = json.loads(done.stdout)
        records = {e["name"] for f in data.rglob("organisations.yaml")
                   for e in yaml.safe_load(f.read_text(encoding="utf-8")) or () if isinstance(e, dict)}
    with open(trial / "key.csv", encoding="utf-8-sig", newline="") as fh:
        key = {r["Name"].strip(): r["Entity"].strip() for r in csv.DictReader(fh)}
    # a name of the key the import made no record of (read as another record's alias, or as the row itself) is one
    # pair fewer to find, not a missed one
    return {**score(rows, {n: b for n, b in key.items() if n in records}), "no record": sorted(key.keys() - records)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trials", nargs="*", help="trial folders: a name in bench/trials or a path (default: all)")
    ap.add_argument("--root", type=Path, default=HERE.parent.parent, help="the checkout to measure")
    ap.add_argument("--show", action="store_true", help="list each wrong merge, false review and missed pair")
    args = ap.parse_args(argv)
    trials = [Path(t) if Path(t, "trial.yaml").is_file() else HERE / t for t in args.trials]
    trials = trials or sorted(p.parent for p in HERE.glob("*/trial.yaml"))
    print("| trial | true pairs | wrong merges | true merged | true for review | false reviews | missed |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    shown = []
    for trial in trials:
        out = run(trial, args.root.resolve())
        if "error" in out:
            print(f"| {trial.name} | import failed: {out['error']} |")
            continue
        print(f"| {trial.name} | {out['true pairs']} | {len(out['wrong merges'])} | {out['true merged']} | "
              f"{out['true for review']} | {len(out['false reviews'])} | {len(out['missed'])} |")
        if out["no record"]:
            shown.append(f"{trial.name}: names of the key the import made no record of: "
                         + "; ".join(out["no record"][:10]))
        if out["not in key"]:
            shown.append(f"{trial.name}: names not in the key (the import named records otherwise): "
                         + "; ".join(out["not in key"][:10]))
        if args.show:
            shown += [f"{trial.name}: {what}: {a!r} / {b!r}" for what in ("wrong merges", "false reviews", "missed")
                      for a, b in out[what]]
    print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
