"""Importing 360Giving grants into a large data folder: this tree's importer against an earlier one.

    python bench/imports.py --relationships 100000 400000 --grants 5000 --baseline 7d60dba

For each folder size (bench/generate.py, deterministic) and a synthetic 360Giving
file (recipients repeat, a third have a charity number already in the folder),
times in one process, each on a fresh copy of the folder:
- ``import``: the first import of the file;
- ``re-import``: the same file again (adds nothing);
- ``import, warm``: the first import again into a fresh copy, whose files an earlier import read (its caches);
- ``import after a command``: the first import into a fresh copy with no import cache, after a query command
  loaded the folder (``graph.loading.open_graph``, untimed: it leaves the cached graph);
for the current importer and for the baseline, the importer as it was at the
commit given by --baseline (every module of graph/importers, and graph/validate.py,
loaded from git into side modules; the library reads the importers' own files
through graph/importers/yaml_in.py, which the baseline's runs replace by the
baseline's). Recorded in bench/RESULTS.md.

``--layouts``: ``flat``, the generated folder as it is (one hand-style file per
kind); ``imported``, the same entries in files an importer's emitter wrote
(``imports/generated/<kind>.yaml``), as a folder grown by imports holds them:
each importer's runs use the folder its own emitter wrote.

Times are (wall, CPU of this process, CPU of the second processes it waited for): a cold import may check
the rest of the folder in a forked child (graph/importers/rest_check.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def synthetic_grants(folder: Path, n: int, seed: int = 1) -> dict:
    """``n`` grants from 20 funders to ~n/3 recipients, a third of them organisations the folder already has."""
    import yaml

    rng = random.Random(seed)
    orgs = yaml.load((folder / "organisations.yaml").read_text(), Loader=yaml.CSafeLoader)
    known = [o for o in orgs if o.get("identifiers")]
    funders = [{"id": f"GB-CHC-9{i:06d}", "name": f"Bench Funder {i}"} for i in range(20)]
    recipients = []
    for i in range(max(1, n // 3)):
        if known and i % 3 == 0:
            o = rng.choice(known)
            recipients.append({"id": o["identifiers"][0], "name": o["name"]})
        else:
            recipients.append({"id": f"GB-CHC-{1100000 + i}", "name": f"Bench Recipient {i}",
                               "charityNumber": str(1100000 + i), "postalCode": "WV1 1AA",
                               "url": f"https://r{i}.example.org"})
    grants = []
    for i in range(n):
        grants.append({"id": f"360G-bench-{i}", "title": f"Grant {i}", "description": "Synthetic grant for timing",
                       "currency": "GBP", "amountAwarded": rng.randrange(500, 50000), "awardDate": "2020-04-01",
                       "plannedDates": [{"startDate": "2020-04-01", "endDate": "2021-03-31"}],
                       "fundingOrganization": [rng.choice(funders)], "recipientOrganization": [rng.choice(recipients)],
                       "beneficiaryLocation": [{"name": f"Bench Place {rng.randrange(200)}"}]})
    return {"grants": grants}


def load_baseline_validator(commit: str):
    """graph/validate.py at ``commit`` as module ``graph.validate_baseline`` (its ``.`` imports reach today's graph)."""
    text = subprocess.run(["git", "show", f"{commit}:graph/validate.py"], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout
    path = Path(tempfile.mkdtemp(prefix="lcg-baseline-validate-")) / "validate.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location("graph.validate_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def load_baseline(commit: str):
    """The importer at ``commit`` as package ``graph.importers_baseline`` (its ``..`` imports reach today's graph)."""
    import atexit

    tmp = Path(tempfile.mkdtemp(prefix="lcg-baseline-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)  # the modules are loaded by then
    names = subprocess.run(["git", "ls-tree", "--name-only", commit, "graph/importers/"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    for name in (n.rsplit("/", 1)[1] for n in names if n.endswith(".py")):
        text = subprocess.run(["git", "show", f"{commit}:graph/importers/{name}"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout
        (tmp / name).write_text(text)
    spec = importlib.util.spec_from_file_location("graph.importers_baseline", tmp / "__init__.py",
                                                  submodule_search_locations=[str(tmp)])
    pkg = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = pkg
    spec.loader.exec_module(pkg)
    return importlib.import_module("graph.importers_baseline.giving360")


def as_imported(flat: Path, out: Path, yaml_text=None) -> None:
    """The entries of the ``flat`` folder written by an importers' emitter into ``out/imports/generated/``."""
    import yaml

    from graph import schema

    if yaml_text is None:
        from graph.importers.yaml_out import yaml_text

    kinds = {k.file: name for name, k in schema.NODE_KINDS.items()}
    own = out / "imports" / "generated"
    own.mkdir(parents=True)
    for p in sorted(flat.glob("*.yaml")):
        entries = yaml.load(p.read_text(), Loader=yaml.CSafeLoader)
        (own / p.name).write_text(yaml_text(entries, kinds[p.name], "lcg import bench"))


def timed(fn, *args, **kw) -> tuple[float, float, float]:
    """(wall, CPU, CPU of child processes) seconds: on a machine shared with other work the CPU time says more
    than the wall time."""
    t, c, k = time.perf_counter(), time.process_time(), os.times()
    fn(*args, **kw)
    after = os.times()
    children = after.children_user + after.children_system - k.children_user - k.children_system
    return time.perf_counter() - t, time.process_time() - c, children


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--relationships", type=int, nargs="+", default=[100_000])
    ap.add_argument("--grants", type=int, default=5000)
    ap.add_argument("--baseline", default="7d60dba", help="commit of the importer to compare with")
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--layouts", nargs="+", choices=("flat", "imported"), default=["flat", "imported"])
    ap.add_argument("--with-serial", action="store_true",
                    help="also time the current importer with the rest checked in this process (no fork)")
    args = ap.parse_args()
    from generate import generate

    import graph.importers.rest_check as rest_check
    import graph.importers.yaml_in as yaml_in
    import graph.validate as validate
    from graph.importers.giving360 import import_360giving
    from graph.loading import open_graph
    from graph.yaml_files import safe_load

    fast_reader, validator, parallel_from = yaml_in.read_emitted, validate.Validator, rest_check.PARALLEL_FROM
    baseline = None if args.skip_baseline else load_baseline(args.baseline)
    if baseline is not None:
        base_out = importlib.import_module("graph.importers_baseline.yaml_out")
        base_in = importlib.import_module("graph.importers_baseline.yaml_in")
        base_validator = load_baseline_validator(args.baseline).Validator
    work = Path(tempfile.mkdtemp(prefix="lcg-bench-imports-"))
    rows = []
    try:
        for size, layout in ((size, layout) for size in args.relationships for layout in args.layouts):
            flat = work / f"r{size}"
            if not flat.exists():
                generate(flat, size)
            entries = sum(p.read_text().count("\n- id:") + 1 for p in flat.rglob("*.yaml"))
            src = work / f"grants-{args.grants}.json"
            src.write_text(json.dumps(synthetic_grants(flat, args.grants)))
            written: dict = {}
            for name, run in (("current", import_360giving),
                              ("current-serial", args.with_serial and import_360giving),
                              ("baseline", baseline and baseline.import_360giving)):
                if not run:
                    continue
                current = name.startswith("current")
                rest_check.PARALLEL_FROM = 10**12 if name == "current-serial" else parallel_from
                yaml_in.read_emitted = fast_reader if current else base_in.read_emitted
                validate.Validator = validator if current else base_validator
                base = flat
                if layout == "imported":
                    base = work / f"r{size}-imported-{'current' if current else name}"
                    if not base.exists():
                        as_imported(flat, base, None if current else base_out.yaml_text)
                folder = work / f"{name}-{size}-{layout}"
                shutil.rmtree(folder, ignore_errors=True)
                shutil.copytree(base, folder)
                os.environ["LCG_CACHE_DIR"] = str(work / f"cache-{name}-{size}-{layout}")  # cold: nothing parsed yet
                first = timed(run, src, folder)
                again = timed(run, src, folder)
                shutil.rmtree(folder)
                shutil.copytree(base, folder)
                warm = timed(run, src, folder)  # the folder's files parsed before (by an earlier import)
                shutil.rmtree(folder)
                shutil.copytree(base, folder)
                os.environ["LCG_CACHE_DIR"] = str(work / f"cache-{name}-{size}-{layout}-command")
                open_graph(folder)  # an earlier query command: leaves the cached graph, nothing for imports
                after = timed(run, src, folder)
                written[name] = {q.relative_to(folder): safe_load(q.read_text())  # the import's own files
                                 for q in sorted(folder.glob("imports/360giving-*/*.yaml"))}
                rows.append({"importer": name, "relationships": size, "layout": layout, "entries": entries,
                             "grants": args.grants,
                             **{f"{step}_{what}": round(v, 2) for step, triple in (
                                 ("import_cold", first), ("reimport", again), ("import_warm", warm),
                                 ("import_after_command", after)) for what, v in zip(("s", "cpu_s", "child_cpu_s"), map(abs, triple))}})
                if name != "current":  # both importers wrote the same entries (each in its own emitter's form)
                    rows[-1]["same_entries_as_current"] = written["current"] == written[name]
                print(json.dumps(rows[-1]), flush=True)
    finally:
        yaml_in.read_emitted, validate.Validator, rest_check.PARALLEL_FROM = fast_reader, validator, parallel_from
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
