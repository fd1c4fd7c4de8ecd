"""Work done in a forked copy of this process, beside this one, when a core is free for it.

Two jobs split this way: an import's check of the rest of its folder (graph/importers/rest_check.py) and
the scoring of duplicate candidates (graph/dedup/duplicates.py). The child gets the parent's data by the
fork, not by copying it, and sends back its answer as JSON through a pipe. A child that fails, or a
machine where a fork would not help, costs time, never a different answer: the caller then does the work
itself.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any, Callable

__all__ = ["spare_core", "core_free", "can_fork", "start", "split_map"]


def spare_core(cores: int, load: float) -> bool:
    """Whether a second process would have a core to itself: this process has two or more, and the 1-minute
    load average (processes running or waiting to run) leaves one free besides this one. The average
    counts this process too once it has run a while (about 1 on an otherwise idle machine), so a core is
    free while the load stays under ``cores - 0.5``: at 1.5 on two cores, something else is keeping one
    busy. On a busy machine the two would take turns with the others, and the fork's extra work (each
    page the child touches is copied) made an import slower, not faster (bench/RESULTS.md, "Cold imports,
    second round")."""
    return cores >= 2 and load < cores - 0.5


def core_free() -> bool:
    """Whether this machine has a core free for a second process now (``spare_core`` on its 1-minute load).

    A job that splits several steps asks once, before it starts: its own threads soon raise the load
    average (a two-thread join on two cores lifts it by about one within half a minute), which would
    otherwise refuse its later steps the core it found free (bench/RESULTS.md, "Duplicates at 100k,
    third pass")."""
    from .cores import usable_cores

    try:
        return spare_core(usable_cores(), os.getloadavg()[0])
    except OSError:
        return False


def can_fork() -> bool:
    """A fork is safe and may help: Linux (affinity known), ``os.fork`` exists, and no other Python thread
    runs (a fork copies one thread; a lock another holds would never be released in the child)."""
    return hasattr(os, "sched_getaffinity") and hasattr(os, "fork") and threading.active_count() == 1


def start(task: Callable[[], Any]) -> Callable[[], Any] | None:
    """Run ``task()`` in a forked copy of this process; a function that waits for its JSON-ready answer (None
    when the child failed). None when no child could be started."""
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: answer, then leave without running the parent's clean-up
        code = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "w", encoding="utf-8") as out:
                out.write(json.dumps(task(), ensure_ascii=False))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)

    def wait() -> Any:
        with os.fdopen(read_end, encoding="utf-8") as answer:
            text = answer.read()
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:  # SIGCHLD ignored by whoever started us: the child was reaped already
            status = 0  # its exit status is lost; a complete answer (parsed below) says it finished
        if status != 0:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return None

    return wait


def split_map(func: Callable[[Any], Any], items: list, *, min_items: int = 20_000,
              free: bool | None = None) -> list:
    """``[func(x) for x in items]``, the second half worked out in a forked child when a core is free for it.

    ``func``'s results must come back from JSON as they went (numbers, text, lists, None: a tuple comes
    back a list). The answers are the same either way; only the time differs. ``free``: whether a core is
    free, as the caller found it (``core_free``); None to look now.
    """
    half = len(items) // 2
    wait = None
    if len(items) >= min_items and can_fork():
        if free is None:
            free = core_free()
        if free:
            wait = start(lambda: [func(x) for x in items[half:]])
    if wait is None:
        return [func(x) for x in items]
    first = [func(x) for x in items[:half]]
    second = wait()
    if not isinstance(second, list) or len(second) != len(items) - half:  # the child failed: do it here
        second = [func(x) for x in items[half:]]
    return first + second
