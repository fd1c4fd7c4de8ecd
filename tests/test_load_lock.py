"""Loads exclude each other through a lock in the database; --replace removes doubled ties.

Against the suite's real Bolt server (ArcadeDB) with real `lcg load` processes:
before the lock, two loads at once both created the ties they found absent and
doubled them, both exiting 0.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from conftest import FIXTURES, ROOT
from support.bolt_db import counts, dump, empty_db, run  # noqa: F401 (empty_db is a fixture)

TINY = FIXTURES / "tiny"


def _generated(tmp_path, rels=2000):
    data = tmp_path / "gen"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", str(rels),
                    "-o", str(data), "--seed", "1"], check=True, capture_output=True)
    return data


def test_two_loads_at_once_leave_exactly_one_copy(lcg, empty_db, tmp_path):
    data = _generated(tmp_path)
    assert lcg("load", "--data", data, env=empty_db.env()).exit_code == 0
    clean = dump(empty_db)
    env = {**os.environ, **empty_db.env(), "LCG_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "cli", "load", "--data", str(data), "--batch-size", "5"]
    # The two loads must overlap: both are started at once, so that each pays its start-up at the same time and the
    # one that takes the lock is writing when the other asks for it. (Started once the first had written 20 ties,
    # the second lost the race five times in a row on a quiet machine, its start-up slower than the first's whole
    # load: CI failed.) Where one still finishes before the other asks, the race is run again, up to 5 times; every
    # run must leave one copy.
    overlapped = False
    for _attempt in range(5):
        run(empty_db, "MATCH (n) DETACH DELETE n")
        loads = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True) for _ in range(2)]
        try:
            errors = [load.communicate(timeout=300)[1] for load in loads]
        finally:
            for load in loads:
                if load.poll() is None:
                    load.kill()
        codes = [load.returncode for load in loads]
        assert 0 in codes, errors
        assert dump(empty_db) == clean  # exactly one copy of every tie, whichever way the race went
        assert run(empty_db, "MATCH (l:LcgLoadLock) RETURN count(l) AS c") == [{"c": 0}]  # released
        if codes == [0, 0]:  # one had finished before the other asked: the second found the same data
            continue
        winner, loser = (0, 1) if codes[0] == 0 else (1, 0)
        assert codes[loser] == 1, errors[loser]
        lines = errors[loser].strip().splitlines()
        assert len(lines) == 1 and "another lcg load is writing to" in lines[0] and "--break-lock" in lines[0]
        assert f"(pid {loads[winner].pid})" in lines[0]
        overlapped = True
        break
    assert overlapped, "the two loads never overlapped in 5 tries"


def test_stale_lock_named_and_broken(lcg, empty_db):
    env = empty_db.env()
    assert lcg("load", "--data", TINY, env=env).exit_code == 0  # creates the lock's constraint
    run(empty_db, "CREATE (:LcgLoadLock {name: 'load', token: 'x', holder: 'ana@laptop (pid 4711)', "
                  "host: 'laptop-elsewhere', pid: 4711, since: '2026-01-01 10:00:00 UTC'})")
    refused = lcg("load", "--data", TINY, "--replace", env=env)
    assert refused.exit_code == 1
    assert "ana@laptop (pid 4711) since 2026-01-01 10:00:00 UTC" in refused.stderr
    hint = refused.stderr.strip().split("clear its lock: ", 1)[1]
    args = hint.split()[1:]  # the hint, pasted (after `lcg`)
    assert args == ["load", "--neo4j", empty_db.uri, "--break-lock"]
    result = lcg(*args, "--data", TINY, env={k: v for k, v in env.items() if k != "NEO4J_URI"})
    assert result.exit_code == 0, result.output
    assert run(empty_db, "MATCH (l:LcgLoadLock) RETURN count(l) AS c") == [{"c": 0}]


def test_lock_of_a_killed_load_on_this_machine_is_taken_over(lcg, empty_db):
    env = empty_db.env()
    assert lcg("load", "--data", TINY, env=env).exit_code == 0
    dead = subprocess.Popen(["true"])
    dead.wait()
    run(empty_db, "CREATE (:LcgLoadLock {name: 'load', token: 'y', holder: 'me', host: $host, pid: $pid, "
                  "since: 'then'})", host=socket.gethostname(), pid=dead.pid)
    result = lcg("load", "--data", TINY, "--replace", env=env)
    assert result.exit_code == 0, result.output


def test_replace_removes_doubled_ties(lcg, empty_db):
    env = empty_db.env()
    assert lcg("load", "--data", TINY, env=env).exit_code == 0
    clean = dump(empty_db)
    # what two racing loads left: every tie twice
    run(empty_db, "MATCH (a)-[r]->(b) WHERE r.dataset IS NOT NULL WITH a, b, r, type(r) AS t, properties(r) AS p "
                  "CALL { WITH a, b, t, p WITH a, b, t, p WHERE t = 'PARTNER_IN' CREATE (a)-[x:PARTNER_IN]->(b) "
                  "SET x = p RETURN count(*) AS c } RETURN count(*) AS n")
    assert counts(empty_db)[1] > len(clean[1])
    result = lcg("load", "--data", TINY, "--replace", env=env)
    assert result.exit_code == 0, result.output
    assert dump(empty_db) == clean
