"""Loading benchmark: parse floor, cold load (validate + build the graph) and warm load (cache).

Every `lcg` command starts by reading the data folder, so this is the latency
users feel most. For each size the generated dataset (bench/generate.py, seed 1)
is measured in fresh processes, so each peak RSS is that step's own:

* parse  - PyYAML's C safe loader alone on the same files: the floor.
* parse, GC off - the same with Python's cyclic GC paused, as `lcg` loads do
  (graph/gc_pause.py): the fairer floor, since the pause alone halves a big parse.
* slowparse - PyYAML's pure-Python safe loader on the same files (smallest size
  only): why the C loader was chosen.
* cold   - what the first `lcg` command does: parse, validate, build the
  networkx MultiDiGraph, write the cache (empty cache folder).
* warm   - the second command over unchanged files: read the cache.

Importing the libraries (networkx, PyYAML, the tool) is start-up paid once per
process whatever the data size; it is timed apart and excluded from every column.

    python bench/load.py                      # 10k, 100k, 1M relationships
    python bench/load.py --sizes 10000 --out /tmp/lcg-bench
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS = {
    "parse": """
import yaml
from graph.yaml_files import data_files
for f in data_files(DATA):
    yaml.load(f.text, Loader=yaml.CSafeLoader)
result = None
""",
    "parse_nogc": """
import gc, yaml
from graph.yaml_files import data_files
gc.disable()
for f in data_files(DATA):
    yaml.load(f.text, Loader=yaml.CSafeLoader)
result = None
""",
    "slowparse": """
import yaml
from graph.yaml_files import data_files
for f in data_files(DATA):
    yaml.load(f.text, Loader=yaml.SafeLoader)
result = None
""",
    "cold": """
from graph.backends.open import open_backend
nodes, rels = open_backend(DATA).counts()
result = [sum(nodes.values()), sum(rels.values())]
""",
}
STEPS["warm"] = STEPS["cold"]  # the same command; only the cache folder's state differs

RUNNER = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
DATA = {data!r}
t0 = time.perf_counter()
import yaml, networkx, graph.backends.open, graph.dataset, graph.nx_build  # start-up, paid once per process
imports = time.perf_counter() - t0
t0 = time.perf_counter()
{body}
seconds = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": rss, "result": result, "imports": imports}}))
"""


def best_of(repeat: int, step: str, data: Path, cache: Path) -> dict:
    """The fastest of ``repeat`` runs (the machine is shared: noise only ever adds time)."""
    runs = [run_step(step, data, cache) for _ in range(repeat)]
    return min(runs, key=lambda r: r["seconds"])


def run_step(step: str, data: Path, cache: Path) -> dict:
    code = RUNNER.format(root=str(ROOT), data=str(data), body=STEPS[step])
    env = dict(os.environ, LCG_CACHE_DIR=str(cache))
    env.pop("LCG_NO_CACHE", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def ensure_dataset(size: int, out: Path) -> Path:
    folder = out / f"r{size}"
    if not (folder / "projects.yaml").is_file():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", str(size),
                        "-o", str(folder), "--seed", "1"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores, {cpu}, {mem} GiB RAM, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--repeat", type=int, default=1, help="runs per step; the best is reported")
    args = ap.parse_args()
    print(f"# bench/load.py, {time.strftime('%Y-%m-%d')}, {machine()}")
    print("| relationships | MB of YAML | parse s (MB) | parse, GC off s | cold s (MB) | cold / parse | "
          "cold / parse GC off | warm s (MB) | warm / cold |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in args.sizes:
        data = ensure_dataset(size, args.out)
        mb = sum(f.stat().st_size for f in data.glob("*.yaml")) / 1e6
        with tempfile.TemporaryDirectory(prefix="lcg-bench-cache-") as cache:
            cache = Path(cache)
            if size == min(args.sizes):
                slow, fast = run_step("slowparse", data, cache), run_step("parse", data, cache)
                print(f"<!-- start-up imports {fast['imports']:.2f} s; {size}: pure-Python SafeLoader {slow['seconds']:.2f} s vs CSafeLoader "
                      f"{fast['seconds']:.2f} s ({slow['seconds'] / fast['seconds']:.1f}x) -->")
            parse = best_of(args.repeat, "parse", data, cache)
            floor = best_of(args.repeat, "parse_nogc", data, cache)
            colds = []
            for _ in range(args.repeat):
                for old in cache.glob("*"):
                    old.unlink()
                colds.append(run_step("cold", data, cache))
            cold = min(colds, key=lambda r: r["seconds"])
            warm = best_of(args.repeat, "warm", data, cache)
        if cold["result"] != warm["result"]:
            raise SystemExit(f"warm load disagrees with cold load at {size}: {warm['result']} != {cold['result']}")
        print(f"| {cold['result'][1]:,} | {mb:.1f} | {parse['seconds']:.2f} ({parse['peak_mb']:.0f}) "
              f"| {floor['seconds']:.2f} | {cold['seconds']:.2f} ({cold['peak_mb']:.0f}) "
              f"| {cold['seconds'] / parse['seconds']:.2f}x | {cold['seconds'] / floor['seconds']:.2f}x "
              f"| {warm['seconds']:.2f} ({warm['peak_mb']:.0f}) | {warm['seconds'] / cold['seconds']:.3f} |",
              flush=True)


if __name__ == "__main__":
    main()
