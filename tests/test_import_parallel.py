"""The rest of a large folder checked in a second process (graph/importers/rest_check.py, ``_fork_check``).

What must hold: the same answers as checking in this process (every broken import of
tests/test_import_incremental.py refused with the same problems, the good one written, the same summary
cached); a second process only when it can run beside this one (two cores); a child that fails costs
time, never a wrong answer. Each run is a fresh interpreter: a fork is refused while other threads run,
and a test session may have some.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, os, shutil, sys, tempfile
from pathlib import Path
root, parallel_from, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
sys.path[:0] = [str(root), str(root / "tests")]
if mode == "one-core":
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
import test_import_incremental as t
from graph.importers import rest_check
from graph.importers.yaml_out import FolderIndex, ImportInvalid

forks = []
real_fork = rest_check._fork_check
def counting(*a):
    waiter = real_fork(*a)
    forks.append(waiter is not None)
    return waiter
rest_check._fork_check = counting
rest_check.PARALLEL_FROM = parallel_from
if mode != "busy":  # the machine running the tests may be busy: the rule on load is tested on its own
    rest_check.spare_core = lambda cores, load: cores >= 2
if mode == "child-fails":
    parent, real_check = os.getpid(), rest_check._check
    def failing(*a):
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return real_check(*a)
    rest_check._check = failing

out, summaries = {}, {}
broken_rest = {**t.HAND, "projects.yaml": t.HAND["projects.yaml"] + "- id: second\n  name: Second\n  start: 2020-13-01\n"}
cases = [("good", t.GOOD), ("rest broken before", t.GOOD),
         ("hand file names an entry this import no longer writes", {"Project": t.GOOD["Project"]})] + list(t.BROKEN.items())
for case, entries in cases:
    hand = broken_rest if case == "rest broken before" else t._loop_hand() if case.startswith("loop") else t.HAND
    folder = t._folder(Path(tempfile.mkdtemp()), hand)
    if case.startswith(("loop", "hand file")):  # a first import, then the summary of the rest made again
        t._write(folder, {**t.GOOD, "Place": [{"id": "imported-place", "name": "Imported Place"}]})
        shutil.rmtree(os.environ["LCG_CACHE_DIR"])
    try:
        out[case] = "written" if t._write(folder, entries) else "nothing"
    except ImportInvalid as e:
        out[case] = [str(p).replace(str(folder), "DATA") for p in e.errors]
    summaries[case] = FolderIndex(folder, t.OWN).rest.complete().as_json()  # from the cache the import left
print(json.dumps({"forks": forks, "out": out, "summaries": summaries}))
"""


def _run(tmp_path, parallel_from: int, mode: str = "") -> dict:
    env = {**os.environ, "LCG_CACHE_DIR": str(tmp_path / f"cache-{parallel_from}-{mode}")}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT), str(parallel_from), mode], env=env,
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_large_rest_is_checked_in_a_second_process_with_the_same_answers(tmp_path):
    here = _run(tmp_path, 10**9)
    beside = _run(tmp_path, 0)
    assert not any(here["forks"])
    two_cores = len(os.sched_getaffinity(0)) >= 2
    assert beside["forks"] and all(f == two_cores for f in beside["forks"])
    assert beside["out"] == here["out"] and beside["summaries"] == here["summaries"]
    assert here["out"]["good"] == "written"
    assert here["out"]["hand file names an entry this import no longer writes"] == "written"  # kept, not refused
    assert all(isinstance(v, list) and v for case, v in here["out"].items()
               if case not in ("good", "hand file names an entry this import no longer writes"))


def test_with_one_core_the_rest_is_checked_in_this_process(tmp_path):
    one = _run(tmp_path, 0, "one-core")
    assert one["forks"] and not any(one["forks"])
    assert one["out"] == _run(tmp_path, 10**9)["out"]


def test_a_second_process_only_with_a_core_to_itself():
    from graph.importers.rest_check import spare_core

    assert spare_core(2, 0.3) and spare_core(4, 2.9) and spare_core(2, 1.0)
    assert not spare_core(1, 0.0) and not spare_core(2, 1.5) and not spare_core(4, 3.5)


def test_on_a_busy_machine_the_answers_are_the_same(tmp_path):
    """Whatever the load when the tests run, fork or not, the same answers."""
    assert _run(tmp_path, 0, "busy")["out"] == _run(tmp_path, 10**9)["out"]


def test_a_failed_child_costs_time_not_a_wrong_answer(tmp_path):
    failed = _run(tmp_path, 0, "child-fails")
    here = _run(tmp_path, 10**9)
    assert failed["out"] == here["out"] and failed["summaries"] == here["summaries"]


def test_an_ignored_sigchld_costs_nothing(tmp_path):
    """A parent that ignores SIGCHLD makes the kernel reap the child itself: its answer is still used, and
    the import neither fails nor waits twice (it said "Bad file descriptor")."""
    script = SCRIPT.replace("import test_import_incremental as t",
                            "import signal\nsignal.signal(signal.SIGCHLD, signal.SIG_IGN)\nimport test_import_incremental as t")
    env = {**os.environ, "LCG_CACHE_DIR": str(tmp_path / "cache-sigchld")}
    done = subprocess.run([sys.executable, "-c", script, str(ROOT), "0", ""], env=env, capture_output=True,
                          text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["out"] == _run(tmp_path, 10**9)["out"]
