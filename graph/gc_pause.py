"""Pausing Python's cyclic garbage collector while millions of objects are made.

Parsing, validating and unpickling a large dataset allocate millions of small
dicts, lists and strings and free almost none; every 700 allocations the
collector would walk the ever-growing heap for cycles that are not there. On
the 1M-relationship benchmark the pause about halved the cold load and the
unpickling of the cached graph (bench/RESULTS.md, "Loading"). The objects made here hold no
reference cycles that need collecting before the pause ends.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc(*, freeze: bool = False):
    """Run the block with the cyclic collector off; restore its previous state after.

    ``freeze``: afterwards move every object alive into the collector's permanent
    generation (``gc.freeze``), so that later collections in this process do not
    walk the loaded graph again and again (a full collection of a large graph is slow, and
    queries that allocate a lot trigger many; bench/RESULTS.md, "Loading"). Objects are still
    freed by reference counting; only cycles among them would be kept.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
