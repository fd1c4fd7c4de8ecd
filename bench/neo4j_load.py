"""Neo4j loading and query benchmark, on the ArcadeDB Bolt server the tests use.

Measured in one run, against baselines from the same run:

* batched  - `load_into_neo4j` (UNWIND batches, constraints first, diff against
  what is there) into an empty database: relationships per second over the whole
  load (nodes, relationships, constraints, the initial read), for several batch
  sizes (the default batch size is chosen from this sweep).
* reload   - the same data again, unchanged: compared with the first load; once
  as `lcg load` does it (fingerprint and counts), once as `--replace` does it
  (every record read back and compared).
* naive    - one auto-committed MERGE per node and per relationship (constraints
  present, so it is not handicapped by scans), on a subset of the data because it
  is slow; its rate is compared with the batched rate.
* queries  - the main query commands in-process (`lcg ... --format json`) on the
  embedded graph (warm cache) and on the server; the output must be identical.

    python bench/neo4j_load.py                         # 100k relationships
    python bench/neo4j_load.py --relationships 10000 --naive 1000 --batch-sizes 5000
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support.arcadedb import ArcadeDBServer  # noqa: E402
from support.bolt_db import counts, wipe  # noqa: E402


def generate(n: int, out: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", str(n), "-o", str(out),
                    "--seed", "1"], check=True, capture_output=True)
    return out


def naive_load(settings, dataset, max_rels: int) -> tuple[int, int, float]:
    """One MERGE statement per node and per relationship, each its own transaction."""
    import neo4j

    from graph.backends import cypher_statements as cypher
    from graph.backends.neo4j_load import node_row, rel_row

    rels = list(dataset.rels[:max_rels])
    needed = {r.start for r in rels} | {r.end for r in rels}
    nodes = [n for n in dataset.nodes if n.id in needed]
    kinds = {n.id: n.kind for n in dataset.nodes}
    d = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    t0 = time.perf_counter()
    with d.session(database=settings.database) as s:
        for k in {n.kind for n in nodes}:
            s.run(cypher.id_constraint(k)).consume()
        for n in nodes:
            row = node_row(n, dataset.name)
            s.run(f"MERGE (n:{n.kind} {{id: $id}}) SET n = $props", id=row["id"], props=row["props"]).consume()
        for r in rels:
            row = rel_row(r, dataset.name)
            s.run(f"MATCH (a:{kinds[r.start]} {{id: $start}}) MATCH (b:{kinds[r.end]} {{id: $end}}) "
                  f"MERGE (a)-[x:{r.kind} {{lcg_key: $key}}]->(b) SET x = $props",
                  start=row["start"], end=row["end"], key=row["key"], props=row["props"]).consume()
    seconds = time.perf_counter() - t0
    d.close()
    return len(nodes), len(rels), seconds


def batched_load(settings, dataset, batch_size: int, replace: bool = False):
    from graph.backends.bolt import BoltConfig
    from graph.backends.neo4j_load import load_into_neo4j

    config = BoltConfig(settings.uri, settings.user, settings.password, settings.database, timeout=60)
    t0 = time.perf_counter()
    result = load_into_neo4j(dataset, config, batch_size=batch_size, replace=replace)
    return result, time.perf_counter() - t0


def query_times(settings, data: Path, fill: dict, repeat: int) -> list[dict]:
    from click.testing import CliRunner

    from cli import main

    commands = [["stats"], ["show", fill["org"]], ["search", fill["word"]], ["collaborators", fill["org"]],
                ["path", fill["org"], fill["org2"]], ["gaps"], ["timeline"], ["overlaps"], ["brokers"],
                ["clusters"]]
    runner = CliRunner()
    env_server = {k: v for k, v in settings.env().items()}
    rows = []
    runner.invoke(main, ["stats", "--data", str(data)])  # warm the embedded cache
    for cmd in commands:
        out = {}
        for name, extra, env in (("embedded", [], {}), ("server", [], env_server)):
            best = None
            for _ in range(repeat):
                t0 = time.perf_counter()
                r = runner.invoke(main, [*cmd, "--data", str(data), "--format", "json", *extra], env=env)
                dt = time.perf_counter() - t0
                assert r.exit_code == 0, (cmd, name, r.output[-500:])
                best = dt if best is None else min(best, dt)
                out[name] = r.output
            out[name + "_s"] = best
        rows.append({"command": " ".join(cmd[:1]), "embedded_s": round(out["embedded_s"], 3),
                     "server_s": round(out["server_s"], 3), "same_output": out["embedded"] == out["server"]})
        print(json.dumps(rows[-1]), flush=True)
    return rows


def fill_ins(dataset) -> dict:
    degree: dict[str, int] = {}
    for r in dataset.rels:
        degree[r.start] = degree.get(r.start, 0) + 1
        degree[r.end] = degree.get(r.end, 0) + 1
    orgs = sorted((n for n in dataset.nodes if n.kind == "Organisation"), key=lambda n: (-degree.get(n.id, 0), n.id))
    return {"org": orgs[0].id, "org2": orgs[len(orgs) // 2].id, "word": max(orgs[0].name.split(), key=len)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--relationships", type=int, default=100_000)
    ap.add_argument("--naive", type=int, default=3000, help="relationships in the naive loader's subset")
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[2000, 5000, 10000, 20000])
    ap.add_argument("--repeat", type=int, default=2, help="query runs per command (best kept)")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--json", help="also write the report here")
    args = ap.parse_args()

    os.environ.setdefault("LCG_CACHE_DIR", tempfile.mkdtemp(prefix="lcg-bench-cache-"))
    from graph.loading import open_dataset

    tmp = Path(tempfile.mkdtemp(prefix="lcg-neo4j-bench-"))
    data = generate(args.relationships, tmp / f"gen{args.relationships}")
    dataset = open_dataset(data)
    n_nodes, n_rels = len(dataset.nodes), len(dataset.rels)
    print(json.dumps({"machine": platform.machine(), "python": platform.python_version(), "nodes": n_nodes,
                      "relationships": n_rels}), flush=True)
    report = {"nodes": n_nodes, "relationships": n_rels, "sweep": []}
    with ArcadeDBServer(heap=args.heap) as server:
        s = server.settings
        # Warm the server's JIT with one full load (discarded): otherwise whichever batch size runs
        # first pays for it, and the sweep measures the warm-up instead of the batch size.
        batched_load(s, dataset, 5000)
        wipe(s)
        for size in args.batch_sizes:
            wipe(s)
            result, first = batched_load(s, dataset, size)
            assert counts(s) == (n_nodes, n_rels), counts(s)
            second, again = batched_load(s, dataset, size)
            assert second.nodes_written == second.rels_written == 0 and second.up_to_date
            third, compared = batched_load(s, dataset, size, replace=True)
            assert third.nodes_written == third.rels_written == 0 and not third.up_to_date
            row = {"batch_size": size, "first_s": round(first, 2), "rels_per_s": round(n_rels / first),
                   "reload_s": round(again, 2), "reload_speedup": round(first / again, 1),
                   "compare_all_s": round(compared, 2), "compare_all_speedup": round(first / compared, 1),
                   "phases": result.phases, "compare_phases": third.phases,
                   "load_avg": round(os.getloadavg()[0], 1)}
            report["sweep"].append(row)
            print(json.dumps(row), flush=True)
        wipe(s)
        nn, nr, naive_s = naive_load(s, dataset, args.naive)
        report["naive"] = {"nodes": nn, "relationships": nr, "seconds": round(naive_s, 2),
                           "rels_per_s": round(nr / naive_s)}
        print(json.dumps(report["naive"]), flush=True)
        best = max(report["sweep"], key=lambda r: r["rels_per_s"])
        report["speedup_vs_naive"] = round(best["rels_per_s"] / report["naive"]["rels_per_s"], 1)
        wipe(s)
        from graph.backends.neo4j_load import DEFAULT_BATCH_SIZE
        batched_load(s, dataset, DEFAULT_BATCH_SIZE)
        report["queries"] = query_times(s, data, fill_ins(dataset), args.repeat)
    print(json.dumps({k: report[k] for k in ("speedup_vs_naive",)}), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
