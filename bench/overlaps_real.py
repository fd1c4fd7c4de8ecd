"""Overlaps on the real 360Giving files and the seed data, judged against hand-labelled pairs.

Imports the COVID-19 multi-funder snapshot, Wolfson (its dd/mm/yyyy dates turned
into ISO form in memory: the importer refuses them, see issue 12) and the Esmée
sample into one temporary folder, runs the current scorer and the scorer before
issue 11 (``git show BASE:graph/dedup/overlaps.py``) on it and on seed_data/,
and reports for each: pairs listed, per-kind precision on the top 50 and on a
seeded random 50 of what it lists (labels from
tests/fixtures/overlaps-labelled/pairs.csv; a listed pair nobody labelled is
counted as unlabelled, not as right), recall of the labelled overlaps, listed
pairs whose only shared words are template text or names, and how far scores
move when the other funders' files are added to the COVID-19 file.

    python bench/overlaps_real.py
"""

from __future__ import annotations

import csv
import json
import random
import re
import subprocess
import sys
import tempfile
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = "717ed54"  # main before issue 11: the scorer it replaces
PREVIOUS = "b9e111e"  # main before branch names on PARTNER_IN (issue 11, third round)
DATA = Path("/work/shared/data") if Path("/work/shared/data").is_dir() else ROOT.parent / "shared" / "data"
FILES = {"covid": DATA / "360giving-covid19-multifunder" / "covid19-grants-2020-04-16.json",
         "wolfson": DATA / "360giving-wolfson-esmee" / "wolfson-grants.json",
         "esmee": DATA / "360giving-wolfson-esmee" / "esmee-fairbairn-sample.json"}
LABELS = ROOT / "tests" / "fixtures" / "overlaps-labelled" / "pairs.csv"
OVERLAP_KINDS = ("double-funding", "continuation", "parallel-work")


def _iso_dates(src: Path, out: Path) -> Path:
    data = json.loads(src.read_text(encoding="utf-8"))

    def iso(v):
        m = re.match(r"(\d\d)/(\d\d)/(\d{4})", str(v or ""))
        return f"{m[3]}-{m[2]}-{m[1]}" if m else v

    for g in data.get("grants", []):
        g["awardDate"] = iso(g.get("awardDate"))
        for p in g.get("plannedDates") or []:
            for k in ("startDate", "endDate"):
                if k in p:
                    p[k] = iso(p[k])
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


def sources(folder: Path, which) -> list[Path]:
    """The files to import for ``which`` (Wolfson's dates made ISO beside ``folder``: older trees refuse them)."""
    return [_iso_dates(FILES[n], folder.parent / f"{folder.name}-wolfson-iso.json") if n == "wolfson" else FILES[n]
            for n in which]


def build(folder: Path, which) -> Path:
    from graph.importers.giving360 import import_360giving

    for src in sources(folder, which):
        import_360giving(src, folder)
    return folder


def old_module():
    """The scorer before issue 11, loaded from git so both run in the same process on the same records."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{BASE}:graph/dedup/overlaps.py"], check=True,
                            capture_output=True, text=True).stdout
    mod = types.ModuleType("graph.dedup._overlaps_before_issue11")
    mod.__package__ = "graph.dedup"
    sys.modules[mod.__name__] = mod  # dataclasses look their module up
    exec(compile(source, "overlaps_before_issue11.py", "exec"), mod.__dict__)
    return mod


def labels():
    with open(LABELS, encoding="utf-8") as fh:
        return {frozenset((r["a"], r["b"])): r["kind"] for r in csv.DictReader(fh)}


def grant_ids(backend) -> dict[str, str]:
    """node id -> published grant id (seed projects keep their node id)."""
    return {n.id: (n.props.get("identifiers") or [n.id])[0] for n in backend.nodes(["Project"])}


def new_pairs(backend):
    from graph.queries.overlaps import overlap_rows

    return [(r["a"], r["b"], r["kind"], r["score"], bool(r["evidence"]["shared_words"] or r["evidence"]["core_funding"]))
            for r in overlap_rows(backend)]


def old_pairs(backend, mod, words):
    from graph.dedup.overlaps import evidence
    from graph.dedup.records import project_records

    records, names, parents = project_records(backend)
    by_id = {r.id: r for r in records}
    out = []
    for p in mod.find_overlaps(records, names=names, parents=parents, min_score=0.5):  # its default then
        ev = evidence(by_id[p.a], by_id[p.b], words, parents)
        out.append((p.a, p.b, "overlap", p.score, bool(ev.shared or ev.core)))
    return out


def tree_at(ref: str, into: Path) -> Path:
    """The library as it was at ``ref`` (``git archive``), to run a previous scorer in the same run."""
    import io
    import tarfile

    blob = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "graph"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into


_PREVIOUS_ROWS = """
import json, sys
from graph.backends.open import open_backend
from graph.queries.overlaps import overlap_rows
if sys.argv[2:]:  # import with that tree's importer: its validator may not know fields the new one writes
    from graph.importers.giving360 import import_360giving
    for src in sys.argv[2:]:
        import_360giving(src, sys.argv[1])
rows = overlap_rows(open_backend(sys.argv[1]))
print(json.dumps([(r["a"], r["b"], r["kind"], r["score"],
                   bool(r["evidence"]["shared_words"] or r["evidence"]["core_funding"])) for r in rows]))
"""


def previous_pairs(folder: Path, tree: Path, files=()):
    """What ``lcg overlaps`` listed at PREVIOUS in a child process importing that tree: on ``folder``, or
    when ``files`` are given, on a folder of its own that the tree's importer makes of them (the same ids)."""
    import os

    env = {**os.environ, "PYTHONPATH": str(tree)}
    if files:
        folder = tree.parent / "previous-import"
    out = subprocess.run([sys.executable, "-c", _PREVIOUS_ROWS, str(folder), *map(str, files)], check=True,
                         capture_output=True, text=True, env=env, cwd=tree).stdout
    return [tuple(p) for p in json.loads(out)]


def judge(pairs, gid, lab, seed=11) -> dict:
    """Per-kind precision on the top 50 and a seeded random 50, and the listed pairs' labels."""
    def verdict(p):
        key = frozenset((gid[p[0]], gid[p[1]]))
        if key not in lab:
            return None
        truth = lab[key]
        return truth == p[2] if p[2] != "overlap" else truth in OVERLAP_KINDS

    ranked = sorted(pairs, key=lambda p: (-p[3], p[0], p[1]))
    sample = random.Random(seed).sample(ranked, min(50, len(ranked)))
    out = {"listed": len(pairs), "only_template_or_names": sum(1 for p in pairs if not p[4]),
           "top50_and_random50_share": len(set(ranked[:50]) & set(sample))}  # all of them below 51 listed
    for name, chosen in (("top50", ranked[:50]), ("random50", sample), ("all_listed", ranked)):
        per: dict[str, list[int]] = {}
        for p in chosen:
            v = verdict(p)
            cell = per.setdefault(p[2], [0, 0, 0])  # right, labelled, unlabelled
            if v is None:
                cell[2] += 1
            else:
                cell[1] += 1
                cell[0] += int(v)
        out[name] = {k: f"{r}/{n} right" + (f", {u} unlabelled" if u else "") for k, (r, n, u) in sorted(per.items())}
    return out


def recall(pairs, gid, lab) -> dict:
    listed = {frozenset((gid[a], gid[b])): kind for a, b, kind, *_ in pairs}
    present = set(gid.values())
    positives = [k for k, v in lab.items() if v in OVERLAP_KINDS and k <= present]  # pairs of this data only
    found = [k for k in positives if k in listed]
    right = [k for k in found if listed[k] in (lab[k], "overlap")]
    return {"labelled_overlaps": len(positives), "listed": len(found), "listed_with_right_kind": len(right),
            "missed": sorted(" ".join(sorted(k)) + f" ({lab[k]})" for k in positives if k not in listed)}


def stability(mod) -> dict:
    """Scores of the labelled COVID-19 pairs on the COVID-19 file alone and with Wolfson and Esmée added."""
    from graph.backends.open import open_backend
    from graph.dedup.distinctive import DistinctiveWords
    from graph.dedup.overlaps import score_pair
    from graph.dedup.records import project_records

    lab = labels()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for which in (["covid"], ["covid", "wolfson", "esmee"]):
            backend = open_backend(build(Path(tmp) / "-".join(which), which))
            records, names, parents = project_records(backend)
            gid = grant_ids(backend)
            by_gid = {gid[r.id]: r for r in records}
            words = DistinctiveWords(records, names)
            matrix = mod.text_matrix(records)
            row = {r.id: n for n, r in enumerate(records)}
            new, old = {}, {}
            for key in lab:
                a, b = sorted(key)
                if a in by_gid and b in by_gid:
                    ra, rb = sorted((by_gid[a], by_gid[b]), key=lambda r: r.id)
                    new[key] = score_pair(ra, rb, words, names, parents=parents).score
                    cos = float(matrix[row[ra.id]].multiply(matrix[row[rb.id]]).sum())
                    old[key] = mod.score_pair(ra, rb, cos, names, parents=parents).score
            runs.append((new, old))
    (n1, o1), (n2, o2) = runs
    common = n1.keys() & n2.keys()
    delta_new = max(abs(n1[k] - n2[k]) for k in common)
    delta_old = max(abs(o1[k] - o2[k]) for k in common)
    crossed_old = sum(1 for k in common if (o1[k] >= 0.5) != (o2[k] >= 0.5))
    return {"pairs": len(common), "new_max_score_change": round(delta_new, 4),
            "old_max_score_change": round(delta_old, 4), "old_pairs_crossing_0.5": crossed_old}


def main() -> int:
    from graph.backends.open import open_backend
    from graph.dedup.distinctive import DistinctiveWords
    from graph.dedup.records import project_records

    mod = old_module()
    lab = labels()
    with tempfile.TemporaryDirectory() as tmp:
        tree = tree_at(PREVIOUS, Path(tmp) / "previous")
        for name, folder, files in (("360Giving (covid + wolfson + esmee)", build(Path(tmp) / "all", FILES),
                                     sources(Path(tmp) / "all", FILES)),
                                    ("seed_data", ROOT / "seed_data", [])):
            backend = open_backend(folder)
            gid = grant_ids(backend)
            records, names, _ = project_records(backend)
            words = DistinctiveWords(records, names)
            for scorer, pairs in (("new", new_pairs(backend)),
                                  (f"previous ({PREVIOUS})", previous_pairs(folder, tree, files)),
                                  ("before issue 11", old_pairs(backend, mod, words))):
                print(json.dumps({"data": name, "scorer": scorer, **judge(pairs, gid, lab),
                                  "recall": recall(pairs, gid, lab)}))
    print(json.dumps({"stability (labelled covid pairs; covid alone vs + wolfson + esmee)": stability(mod)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
