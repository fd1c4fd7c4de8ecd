"""graph/forked.py: half of a job in a forked copy gives exactly the answers of doing it all here.

Each run is a fresh interpreter (as in tests/test_import_parallel.py): a fork is refused while other
threads run, and a test session may have some.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, os, signal, sys
from pathlib import Path
root, mode = Path(sys.argv[1]), sys.argv[2]
sys.path[:0] = [str(root), str(root / "bench")]
from graph import forked
forks = []
real_start = forked.start
def counting(task, **kw):
    wait = real_start(task, **kw)
    forks.append(wait is not None)
    return wait
forked.start = counting
if mode == "sigchld-ignored":
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
if mode in ("fork", "sigchld-ignored", "child-fails"):
    forked.spare_core = lambda cores, load: cores >= 2
    real_split = forked.split_map
    forked.split_map = lambda func, items, min_items=0, **kw: real_split(func, items, min_items=0, **kw)
    import graph.dedup.duplicates as d
    d.split_map = forked.split_map
if mode == "child-fails":
    parent = os.getpid()
    def failing(x):
        if os.getpid() != parent:
            os._exit(3)
        return x * 2
    squares = forked.split_map(failing, list(range(1000)), chunk=7)  # (the chunks it claimed are done here)
else:
    squares = forked.split_map(lambda x: [x, str(x)], list(range(1000)), min_items=0 if mode != "here" else 10**9,
                               chunk=7)  # (143 chunks, claimed by both processes in turn)
import duplicates as bench
from graph.dedup.duplicates import EntityRecord, find_duplicates
rows = bench.LOADERS["ror"]()[:2500]
records = [EntityRecord(r["id"], "Organisation", r["name"]) for r in rows]
if mode == "load-rises":  # the machine is free when asked first, busy (with our own work) afterwards
    looked = []
    def rising():
        looked.append(1)
        return (0.0 if len(looked) == 1 else 9.0, 0.0, 0.0)
    os.getloadavg = rising
    real_split = forked.split_map
    import graph.dedup.duplicates as d
    d.split_map = lambda func, items, min_items=0, **kw: real_split(func, items, min_items=0, **kw)
    del forks[:]
pairs = [(p.a, p.b, p.score, p.reasons) for p in find_duplicates(records)]
print(json.dumps({"forks": forks, "squares": squares, "pairs": pairs}))
"""


def _run(mode: str) -> dict:
    from conftest import SHARED

    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT), mode], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, env={**os.environ, "LCG_SHARED_DIR": str(SHARED)})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_duplicates_scored_on_two_cores_are_the_pairs_scored_on_one():
    here, beside = _run("here"), _run("fork")
    assert not any(here["forks"])
    two_cores = len(os.sched_getaffinity(0)) >= 2
    assert beside["forks"] and all(f == two_cores for f in beside["forks"])
    assert beside["pairs"] == here["pairs"] and here["pairs"]
    assert beside["squares"] == here["squares"] == [[x, str(x)] for x in range(1000)]


def test_one_look_at_the_load_decides_every_step_of_a_duplicates_search():
    """The load is asked once, before the search raises it with its own join: a core free then is used by
    every step split, not only the first (the name pairs' scoring comes after the join)."""
    here, rising = _run("here"), _run("load-rises")
    two_cores = len(os.sched_getaffinity(0)) >= 2
    assert rising["forks"] == [two_cores] * 2  # the name pairs' scoring, then the offered pairs' weighing
    assert rising["pairs"] == here["pairs"]


def test_a_child_that_fails_or_is_reaped_by_the_kernel_costs_time_not_an_answer():
    here = _run("here")
    failed = _run("child-fails")
    assert failed["squares"] == [x * 2 for x in range(1000)]
    assert failed["pairs"] == here["pairs"]
    assert _run("sigchld-ignored")["pairs"] == here["pairs"]
