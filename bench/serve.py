"""`lcg serve` under load: server time per answer (warm), 20 concurrent clients, memory over the run.

    python bench/generate.py --relationships 1000000 -o /tmp/g1m --seed 1
    python bench/serve.py /tmp/g1m [--clients 20] [--seconds 60] [--repeats 20]

Starts a real `lcg serve --port 0` process on 127.0.0.1 (after one `lcg stats`
so its graph comes from the warm cache), then:

1. warm server time (the app's ``Server-Timing`` header, not the client's
   clock) for search, a node's page, collaborators and path: each URL's first
   asking (computed) and then ``--repeats`` rounds (the app keeps recent answers
   over an unchanging graph); p50 / p95 / max per question. Nodes: the biggest
   hub and random organisations (seeded);
2. ``--clients`` threads asking a mix of those URLs for ``--seconds``, counting
   errors and requests, while the server's RSS is read from /proc every 5 s.

``--settle S``: wait S seconds after the server is up before step 1, so the
server's background preparation (the biggest hubs' pages: visualise/web/state.py;
the search index is built before the server answers at all) is done; without
it, the first askings share the CPU with that preparation.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def get(url: str) -> tuple[int, float]:
    """(status, server ms) of one GET."""
    try:
        with urllib.request.urlopen(url, timeout=120) as resp:
            resp.read()
            timing = resp.headers.get("Server-Timing", "app;dur=nan")
            return resp.status, float(timing.split("dur=")[1])
    except urllib.error.HTTPError as e:
        return e.code, float("nan")
    except OSError:  # refused, reset or timed out: an error too
        return 0, float("nan")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def choose_nodes(data: str, n: int, seed: int):
    """The biggest hub, ``n`` random organisations and ``n`` random org pairs, and search words."""
    from graph.backends.open import open_backend

    backend = open_backend(data)
    g = backend.graph
    orgs = sorted(nid for nid, k in g.nodes(data="kind") if k == "Organisation")
    hub = max(orgs, key=lambda x: (g.degree(x), x))
    rnd = random.Random(seed)
    picked = rnd.sample(orgs, n)
    pairs = [tuple(rnd.sample(orgs, 2)) for _ in range(n)]
    words = [max(str(g.nodes[o].get("name", o)).split(), key=len)[:6] for o in picked]
    kinds: dict[str, int] = {}
    for _, _, kind in g.out_edges(hub, data="kind"):
        kinds[kind] = kinds.get(kind, 0) + 1
    return hub, g.degree(hub), max(kinds, key=kinds.get), picked, pairs, words


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--nodes", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--settle", type=float, default=0,
                    help="seconds to wait once the server is up, before asking: its background preparation "
                         "(the biggest hubs' pages) done first")
    args = ap.parse_args(argv)

    lcg = [sys.executable, "-c", "import cli; cli.main()"]
    t = time.perf_counter()
    subprocess.run(lcg + ["stats", "--data", args.data], cwd=ROOT, check=True, capture_output=True)
    print(f"cache warmed in {time.perf_counter() - t:.1f} s", flush=True)
    hub, hub_degree, hub_kind, orgs, pairs, words = choose_nodes(args.data, args.nodes, args.seed)
    print(f"hub {hub} (degree {hub_degree:,}); {len(orgs)} random organisations", flush=True)

    t = time.perf_counter()
    proc = subprocess.Popen(lcg + ["serve", "--data", args.data, "--port", "0"], cwd=ROOT, stderr=subprocess.PIPE,
                            text=True)
    try:
        line = proc.stderr.readline()
        base = line.split(" at ", 1)[1].split()[0].rstrip("/")
        print(f"server up in {time.perf_counter() - t:.1f} s at {base}, RSS {rss_mb(proc.pid):.0f} MB", flush=True)
        q = urllib.parse.quote
        questions = {
            "search": [f"/api/search?q={q(w)}" for w in words],
            "entity page": [f"/entity?id={q(o)}" for o in orgs],
            # the hub's page and pages further into its biggest kind: each URL a fresh answer the first time
            "entity page (hub)": [f"/entity?id={q(hub)}"] + [
                f"/entity?id={q(hub)}&relationship={hub_kind}&offset={k * (hub_degree // 20)}" for k in range(1, 20)],
            "JSON twin (hub)": [f"/api/show?id={q(hub)}"],
            "collaborators": [f"/api/collaborators?id={q(o)}" for o in orgs],
            "collaborators (hub)": [f"/api/collaborators?id={q(hub)}"],
            "path": [f"/api/path?a={q(a)}&b={q(b)}" for a, b in pairs],
            "path (hub)": [f"/api/path?a={q(hub)}&b={q(o)}" for o in orgs[:3]],
        }
        time.sleep(args.settle)
        results = {}
        up = time.perf_counter() - args.settle
        for name, urls in questions.items():
            if name == "entity page (hub)":
                print(f"(the hub first asked {time.perf_counter() - up:.1f} s after the server was up)", flush=True)
            first = []
            for u in urls:  # the first asking: computed (the process is warm, the answer not yet kept)
                status, ms = get(base + u)
                assert status == 200, (u, status)
                first.append(ms)
            times = []
            for _ in range(max(1, args.repeats // len(urls)) if len(urls) > 1 else args.repeats):
                for u in urls:
                    times.append(get(base + u)[1])
            results[name] = {"n": len(times), "p50_ms": round(statistics.median(times), 1),
                             "p95_ms": round(pct(times, 95), 1), "max_ms": round(max(times), 1),
                             "first_p50_ms": round(statistics.median(first), 1), "first_p95_ms": round(pct(first, 95), 1),
                             "first_max_ms": round(max(first), 1)}
            print(f"{name:22s} n={len(times):3d}  p50 {results[name]['p50_ms']:7.1f} ms  "
                  f"p95 {results[name]['p95_ms']:7.1f} ms  max {results[name]['max_ms']:7.1f} ms  "
                  f"first asking (n={len(first)}): p50 {results[name]['first_p50_ms']:7.1f}  "
                  f"p95 {results[name]['first_p95_ms']:7.1f}  max {results[name]['first_max_ms']:7.1f} ms",
                  flush=True)

            if "hub" in name and len(first) > 1:
                print(f"    each first asking, ms: {[round(x) for x in first]}", flush=True)

        mix = [u for name, urls in questions.items() if "hub" not in name for u in urls] + questions["entity page (hub)"][:1]
        stop = time.perf_counter() + args.seconds
        counts = {"ok": 0, "error": 0}
        server_ms: list[float] = []
        lock = threading.Lock()

        def client(i):
            rnd = random.Random(args.seed + i)
            while time.perf_counter() < stop:
                status, ms = get(base + rnd.choice(mix))
                with lock:
                    counts["ok" if status == 200 else "error"] += 1
                    if ms == ms:  # not NaN
                        server_ms.append(ms)

        rss = [round(rss_mb(proc.pid))]
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        start = time.perf_counter()
        for th in threads:
            th.start()
        while any(th.is_alive() for th in threads):
            time.sleep(5)
            rss.append(round(rss_mb(proc.pid)))
        for th in threads:
            th.join()
        took = time.perf_counter() - start
        total = counts["ok"] + counts["error"]
        load = {"clients": args.clients, "seconds": round(took, 1), "requests": total, "errors": counts["error"],
                "per_second": round(total / took, 1), "server_p50_ms": round(statistics.median(server_ms), 1),
                "server_p95_ms": round(pct(server_ms, 95), 1), "rss_mb_every_5s": rss}
        print(json.dumps(load), flush=True)
        print(json.dumps({"hub_degree": hub_degree, "warm": results}), flush=True)
    finally:
        proc.terminate()
        proc.wait(60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
