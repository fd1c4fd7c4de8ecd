"""How big a map stays usable: build time, file size, and time for Chromium to settle.

For each size (about 100, 1k, 5k and 20k nodes, from bench/generate.py at about
four relationships per node) this measures, in the same run:

* lcg: ``build_map_html`` + write (median of 3), bytes per node beyond the
  inlined vis-network bundle, the time headless Chromium takes from navigation
  to the map's "settled" signal (physics stabilised and stopped, or first draw
  of a precomputed layout), and the median time to redraw one frame afterwards
  (what zooming costs), also with ties hidden (what dragging costs on maps above
  5,000 nodes, which hide ties while moving), network cut off as in the tests;
* baseline: pyvis's own ``Network.from_nx`` + ``write_html`` (cdn_resources
  "in_line", its default physics) on the same graph, built up to
  ``--pyvis-build-max`` nodes (it is quadratic) and opened up to
  ``--pyvis-open-max`` nodes with a ``--timeout``.

    python bench/maps.py                       # 100 1000 5000 20000
    python bench/maps.py --sizes 100 1000 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REDRAW = """async (hideTies) => {
  const n = lcgMap.network, times = [];
  if (hideTies) n.setOptions({edges: {hidden: true}});   // what a drag costs on a large map (ties hidden)
  for (let i = 0; i < 5; i++) {
    await new Promise(r => { n.once('afterDrawing', r); n.moveTo({scale: n.getScale() * (i % 2 ? 1.1 : 0.9)}); });
    times.push(lcgMap.drawMs);
  }
  times.sort((a, b) => a - b);
  return times[2];
}"""


def machine() -> dict:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    except OSError:
        mem = 0
    from tools.browser import chromium_path

    chrome = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True).stdout.strip() \
        if chromium_path() else "none"
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem / 1024 / 1024, 1),
            "python": platform.python_version(), "chromium": chrome, "date": time.strftime("%Y-%m-%d")}


def dataset(tmp: Path, nodes: int):
    from graph.backends.open import open_backend

    out = tmp / f"n{nodes}"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", str(nodes * 5),
                    "-o", str(out), "--seed", "1"], check=True, capture_output=True)
    g = open_backend(out).graph
    # exactly `nodes` nodes: breadth-first from the best-connected node (a connected, realistic piece)
    und = g.to_undirected(as_view=True)
    start = min(g.nodes, key=lambda n: (-g.degree(n), n))
    keep, frontier = [start], [start]
    seen = {start}
    while frontier and len(keep) < nodes:
        nxt = []
        for u in frontier:
            for v in sorted(und[u]):
                if v not in seen and len(keep) < nodes:
                    seen.add(v)
                    keep.append(v)
                    nxt.append(v)
        frontier = nxt
    keep += sorted(n for n in g.nodes if n not in seen)[: nodes - len(keep)]
    return g.subgraph(keep).copy()


def lcg_build(g, path: Path) -> tuple[float, int]:
    from visualise.html_map import write_map

    times = []
    for _ in range(3):
        t = time.perf_counter()
        write_map(g, path, source="bench")
        times.append(time.perf_counter() - t)
    return statistics.median(times), path.stat().st_size


def lcg_open(path: Path, timeout: float) -> dict:
    from tools.browser import open_map

    with open_map(path, timeout_s=timeout) as mp:
        settled_ms = mp.evaluate("() => lcgMap.settledMs")
        frame = mp.evaluate(REDRAW, False)
        nodes_only = mp.evaluate(REDRAW, True)
        return {"settle_s": round(settled_ms / 1000, 2), "frame_ms": round(frame, 1),
                "frame_no_ties_ms": round(nodes_only, 1),
                "requests": len(mp.requests), "errors": len(mp.console_errors + mp.page_errors)}


def pyvis_build(g, path: Path) -> float:
    from pyvis.network import Network

    simple = g.__class__()
    simple.add_nodes_from((n, {"label": d.get("name", n), "title": d.get("kind", "")}) for n, d in g.nodes(data=True))
    simple.add_edges_from((u, v, {"title": d.get("kind", "")}) for u, v, d in g.edges(data=True))
    t = time.perf_counter()
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    net.from_nx(simple)
    net.write_html(str(path))
    return time.perf_counter() - t


def pyvis_open(path: Path, timeout: float) -> dict:
    """Time from navigation until pyvis's page comes to rest (physics stabilised), or None after ``timeout``."""
    from tools.browser import open_map

    with open_map(path, timeout_s=timeout, wait=False) as mp:
        t0 = time.perf_counter()
        try:
            # settled = vis-network's physics has come to rest (pyvis leaves physics on)
            mp.page.wait_for_function("() => window.network && network.physics && network.physics.stabilized === true",
                                      timeout=timeout * 1000, polling=200)
            settle = round(time.perf_counter() - t0 + mp.open_seconds, 2)
        except Exception:
            settle = None
        return {"settle_s": settle, "requests": len(mp.requests)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000, 20000])
    ap.add_argument("--pyvis-build-max", type=int, default=5000)
    ap.add_argument("--pyvis-open-max", type=int, default=1000)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for a page to settle")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)

    from visualise.html_map import vis_bundle

    import networkx as nx

    from visualise.html_map import build_map_html

    bundle = len(vis_bundle().encode("utf-8"))
    # the page itself (template, style, script, caption) with no data: a fixed cost, not per node
    fixed = len(build_map_html(nx.MultiDiGraph(name="empty")).encode("utf-8")) - bundle
    info = machine()
    info.update({"bundle_bytes": bundle, "page_fixed_bytes": fixed})
    print(json.dumps(info), file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in args.sizes:
            g = dataset(tmp, size)
            n, m = g.number_of_nodes(), g.number_of_edges()
            path = tmp / f"lcg-{size}.html"
            build_s, nbytes = lcg_build(g, path)
            row = {"nodes": n, "edges": m, "build_s": round(build_s, 3), "bytes": nbytes,
                   "bytes_per_node": round((nbytes - bundle) / n, 1),
                   "data_bytes_per_node": round((nbytes - bundle - fixed) / n, 1)}
            row.update({f"lcg_{k}": v for k, v in lcg_open(path, args.timeout).items()})
            if n <= args.pyvis_build_max:
                ppath = tmp / f"pyvis-{size}.html"
                row["pyvis_build_s"] = round(pyvis_build(g, ppath), 3)
                row["pyvis_bytes_per_node"] = round((ppath.stat().st_size - bundle) / n, 1)
                row["build_ratio"] = round(row["pyvis_build_s"] / build_s, 1)
                if n <= args.pyvis_open_max:
                    row.update({f"pyvis_{k}": v for k, v in pyvis_open(ppath, args.timeout).items()})
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    print(f"vis-network bundle {bundle:,} bytes; page without data {fixed:,} bytes beyond it")
    print("| nodes | ties | lcg build | bytes/node (data only) | Chromium settled | frame (ties hidden) "
          "| pyvis build (x lcg) | pyvis bytes/node | pyvis settled |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        pb = f"{r['pyvis_build_s']:.2f} s ({r['build_ratio']}x)" if "pyvis_build_s" in r else "not run"
        ps = ("not run" if "pyvis_settle_s" not in r else
              f"{r['pyvis_settle_s']} s" if r["pyvis_settle_s"] is not None else f"> {args.timeout:.0f} s")
        pbytes = f"{r['pyvis_bytes_per_node']:.0f}" if "pyvis_bytes_per_node" in r else "-"
        print(f"| {r['nodes']:,} | {r['edges']:,} | {r['build_s']:.2f} s | {r['bytes_per_node']:.0f} "
              f"({r['data_bytes_per_node']:.0f}) | {r['lcg_settle_s']} s | {r['lcg_frame_ms']:.0f} ms "
              f"({r['lcg_frame_no_ties_ms']:.0f} ms) | {pb} | {pbytes} "
              f"| {ps} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "bundle_bytes": bundle, "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
