"""A node's page in the library, same run: every tie (what the page asked before) against a page per kind.

    python bench/serve_show_pages.py /tmp/g1m [HUB]

``graph.describe.show_node`` on the organisation with the most ties (or HUB), in
one process over the warm cache: the first paged call (the tie list built cold),
then 20 rounds each of all ties, the first page (50 a kind) and a page deep in
the hub's biggest kind (its order kept after the first sort). See bench/RESULTS.md,
"lcg serve: paged node pages".
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(argv=None) -> int:
    from graph.backends.open import open_backend
    from graph.describe import show_node

    argv = sys.argv[1:] if argv is None else argv
    backend = open_backend(argv[0])
    hub = argv[1] if len(argv) > 1 else max((n.id for n in backend.nodes(["Organisation"])), key=backend.degree)
    t = time.perf_counter()
    groups = show_node(backend, hub, limit=50)["relationship_groups"]
    print(f"{hub}: first page, first in the process (tie list built cold): {(time.perf_counter() - t) * 1000:.0f} ms")
    biggest = max(groups, key=lambda g: g["total"])
    cases = [("all ties (before)", {}), ("page of 50 a kind (now)", {"limit": 50}),
             (f"page deep in {biggest['relationship']}", {"limit": 50, "offset": biggest["total"] // 2,
                                                        "relationship": biggest["relationship"]})]
    for name, options in cases:
        times = []
        for _ in range(20):
            t = time.perf_counter()
            show_node(backend, hub, **options)
            times.append((time.perf_counter() - t) * 1000)
        print(f"{name:28s} p50 {statistics.median(times):6.1f}  p95 {pct(times, 95):6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
