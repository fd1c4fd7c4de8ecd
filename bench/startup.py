"""Start-up: how long `lcg --help` takes, beside a bare `python -c pass` in the same run.

`lcg --help` must answer in under 100 ms, so no heavy module is imported at
start-up (tests/test_cli_basics.py checks the imports; this measures the time).
Best and median of N runs each, interleaved so that machine noise hits both alike.

    python bench/startup.py --runs 30
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    lcg = [sys.executable, "-c", "import sys; sys.argv = ['lcg', '--help']; import cli; cli.main()"]
    bare = [sys.executable, "-c", "pass"]
    script = [str(Path(sys.executable).parent / "lcg"), "--help"]
    a, b, c = [], [], []
    for _ in range(args.runs):
        a.append(timed(lcg))
        b.append(timed(bare))
        c.append(timed(script))
    print(f"installed console script `lcg --help`: best {min(c) * 1000:.0f} ms, median {statistics.median(c) * 1000:.0f} ms")
    print(f"lcg --help: best {min(a) * 1000:.0f} ms, median {statistics.median(a) * 1000:.0f} ms; "
          f"python -c pass: best {min(b) * 1000:.0f} ms, median {statistics.median(b) * 1000:.0f} ms; "
          f"lcg start-up beyond the interpreter: {(min(a) - min(b)) * 1000:.0f} ms (best)")


if __name__ == "__main__":
    main()
