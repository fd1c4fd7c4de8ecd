"""graph/cores.py: a container's CPU quota caps the cores work is split across.

A CPU quota cannot be set from inside this test run (it needs a container or root), so the quota and the
cgroup files are stood in for: the one fault here that cannot be caused for real.
"""

from __future__ import annotations

import os


def test_a_cpu_quota_caps_the_cores(monkeypatch):
    from graph import cores

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(cores, "_quota", lambda: 1.0)
    assert cores.usable_cores() == 1
    monkeypatch.setattr(cores, "_quota", lambda: 1.5)  # one and a half CPUs' worth: two take turns less
    assert cores.usable_cores() == 2
    monkeypatch.setattr(cores, "_quota", lambda: None)
    assert cores.usable_cores() == 4


def test_the_quota_is_read_from_the_cgroup_files(monkeypatch, tmp_path):
    from pathlib import Path

    from graph import cores

    files = {"/sys/fs/cgroup/cpu.max": "50000 100000\n"}
    real = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: files[str(self)] if str(self) in files
                        else (_ for _ in ()).throw(OSError("no such file")))
    assert cores._quota() == 0.5
    files["/sys/fs/cgroup/cpu.max"] = "max 100000\n"
    assert cores._quota() is None
    monkeypatch.setattr(Path, "read_text", real)
