"""Importing a 360Giving file as a spreadsheet against the same file as JSON, in one run.

    python bench/giving360_sheets.py [--file PATH] [--repeats 5]

The file (default: the Wolfson Foundation's, ../shared/data/360giving-wolfson-esmee/)
is flattened by flatten-tool (the standard's converter, a test dependency) into an
.xlsx workbook and a CSV, the standard's column titles, rolled up. Each of JSON,
XLSX and CSV is then read alone (``read_grant_file``) and imported whole
(``import_360giving``, a fresh empty folder each time), in turns, ``--repeats``
times; the median is printed, with each one's ratio to JSON. Recorded in
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
              ROOT.parent / "shared")
DEFAULT = SHARED / "data" / "360giving-wolfson-esmee" / "wolfson-grants.json"
SCHEMA = ROOT / "tests" / "fixtures" / "360giving" / "360-giving-schema.json"


def _flatten(src: Path, out: Path, fmt: str) -> Path:
    from flattentool import flatten

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the transaction lists have no title; flatten-tool says so
        flatten(str(src), output_name=str(out), output_format=fmt, schema=str(SCHEMA), root_list_path="grants",
                main_sheet_name="grants", use_titles=True, rollup=True, root_id="")
    return out if fmt == "xlsx" else out / "grants.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    from graph.importers.giving360 import import_360giving, read_grant_file

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = {"JSON": args.file, "XLSX": _flatten(args.file, work / "grants.xlsx", "xlsx"),
                 "CSV": _flatten(args.file, work / "flat-csv", "csv")}
        read: dict[str, list[float]] = {k: [] for k in files}
        whole: dict[str, list[float]] = {k: [] for k in files}
        grants = {}
        for n in range(args.repeats):
            for name, path in files.items():
                t = time.perf_counter()
                grants[name] = len(read_grant_file(path).rows)
                read[name].append(time.perf_counter() - t)
                t = time.perf_counter()
                import_360giving(path, work / f"out-{name}-{n}")
                whole[name].append(time.perf_counter() - t)
        print(f"{args.file.name}: {grants['JSON']} grants; sizes "
              + ", ".join(f"{k} {p.stat().st_size / 1e6:.2f} MB" for k, p in files.items()))
        print("| file | read, median s | x JSON | import, median s | x JSON |")
        print("| --- | --- | --- | --- | --- |")
        base_read, base_whole = statistics.median(read["JSON"]), statistics.median(whole["JSON"])
        for name in files:
            r, w = statistics.median(read[name]), statistics.median(whole[name])
            print(f"| {name} | {r:.3f} | {r / base_read:.2f} | {w:.3f} | {w / base_whole:.2f} |")


if __name__ == "__main__":
    main()
