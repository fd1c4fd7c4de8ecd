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
              free: bool | None = None, chunk: int = 2_000) -> list:
    """``[func(x) for x in items]``, shared with a forked child when a core is free for it.

    ``func``'s results must come back from JSON as they went (numbers, text, lists, None: a tuple comes
    back a list). The answers are the same either way; only the time differs. ``free``: whether a core is
    free, as the caller found it (``core_free``); None to look now.

    The two processes take ``chunk`` items at a time, each chunk claimed from one queue (``_claims``), until
    none is left: neither waits long for the other. Split in two halves, the first half of the candidate
    name pairs at 100k records took 12.5 CPU s and the second 9.5, and the parent's half set the time
    (bench/RESULTS.md, "Duplicates at 100k, session 17"). A chunk is a run of items side by side, as a half
    was: the child scoring every other pair was slower per pair (copy-on-write, bench/RESULTS.md, session 16).
    """
    wait, claims = None, -1
    if len(items) >= min_items and can_fork():
        if free is None:
            free = core_free()
        if free:
            chunk = max(chunk, -(-len(items) // _MAX_CHUNKS))
            queue = _claims(-(-len(items) // chunk))
            if queue is not None:
                claims = queue
                wait = start(lambda: _take(func, items, chunk, claims))
                if wait is None:
                    os.close(claims)
    if wait is None:
        return [func(x) for x in items]
    mine = _take(func, items, chunk, claims)
    os.close(claims)
    theirs = wait()
    done: dict[int, list] = dict(mine)
    if isinstance(theirs, list):
        for c, out in theirs:
            if len(out) == len(items[c * chunk:(c + 1) * chunk]):
                done[c] = out
    result: list = []
    for c in range(-(-len(items) // chunk)):  # a chunk the child claimed and did not answer (it failed): here
        result += done[c] if c in done else [func(x) for x in items[c * chunk:(c + 1) * chunk]]
    return result


#: Chunks a split job is cut into at most: their numbers fill the queue's pipe before the fork (4 bytes each, in
#: the one page the smallest pipe holds without a reader).
_MAX_CHUNKS = 1_024


def _claims(chunks: int) -> int | None:
    """The read end of a pipe holding the numbers 0 .. ``chunks`` - 1, 4 bytes each, its write end closed:
    a queue two processes share. A read of 4 bytes takes one number whole (a pipe's read holds its lock, and
    every number is written before either reads); an empty read is the end of the queue."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        os.set_blocking(write_end, False)  # (a pipe smaller than the numbers: no split, rather than no end)
        data = b"".join(c.to_bytes(4, "little") for c in range(chunks))
        while data:
            data = data[os.write(write_end, data):]
    except OSError:
        os.close(read_end)
        return None
    finally:
        os.close(write_end)
    return read_end


def _take(func: Callable[[Any], Any], items: list, chunk: int, claims: int) -> list:
    """[chunk number, its results] for each chunk this process claims from the queue, until it is empty."""
    out = []
    while len(number := os.read(claims, 4)) == 4:
        c = int.from_bytes(number, "little")
        out.append([c, [func(x) for x in items[c * chunk:(c + 1) * chunk]]])
    return out
