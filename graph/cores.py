"""How many cores this process can really use: the ones it may run on, within its container's CPU quota.

Work split across cores (the duplicates' top-k join, an import's check of the rest of its folder in a
second process) only pays when each part gets a core of its own. ``os.sched_getaffinity`` counts the
cores the process may run on, but a container limited to one CPU's worth of time (cgroup ``cpu.max``, or
v1's ``cpu.cfs_quota_us``) still shows the host's cores: two parts would then take turns.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

__all__ = ["usable_cores"]


def _quota() -> float | None:
    """CPUs' worth of time the cgroup allows (None: no limit, or not known)."""
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max" and float(period) > 0:
            return float(quota) / float(period)
    except (OSError, ValueError):
        pass
    try:
        quota_us = float(Path("/sys/fs/cgroup/cpu/cpu.cfs_quota_us").read_text())
        period_us = float(Path("/sys/fs/cgroup/cpu/cpu.cfs_period_us").read_text())
        if quota_us > 0 and period_us > 0:
            return quota_us / period_us
    except (OSError, ValueError):
        pass
    return None


def usable_cores() -> int:
    """At least 1: the cores this process may run on, no more than its cgroup's quota (rounded up)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    quota = _quota()
    if quota is not None:
        cores = min(cores, math.ceil(quota))
    return max(1, cores)
