"""Checking an import against the rest of its folder without reading the rest again.

An import must never write what ``lcg validate`` would reject, so the folder is
checked with the new files in place. Validating the whole folder costs about
1.2 s per 25k entries (bench/RESULTS.md, "Imports into a large folder"), and the
files an import does not own rarely change between imports. So what the check
needs from them is kept once, as JSON keyed by the SHA-256 of their names and
bytes and of the checking code (any edit is a miss; JSON, so a planted cache
file can never run code):

- the kind of every id they define, and whether they have problems of their
  own (a field, a duplicate id among them, a wrong tie between two of their
  entries, a loop);
- their "open" ties: those to ids they do not define (hand-written data that
  refers to an import's entries);
- their PART_OF / LOCATED_IN ties (a new tie may close a loop through them);
- the ``sources`` values they cite;
- the importer's look-ups (ids, org-ids, names, grant ids, place names).

:func:`new_files_pass` then reads only the new files, with the rest's ids in
place: every rule of :class:`graph.validate.Validator` is either about one entry
(checked on the new entries in full) or spans files (unique ids, references
resolve to an entry of the right kind, a tie written twice agrees, no loops,
cited sources exist), and those are checked against the summary. So when it
finds nothing, whole-folder validation finds nothing. When it finds anything,
or the rest has problems of its own, the caller validates the whole folder as
``lcg validate`` does, so the problems reported are exactly that command's
(tests/test_import_incremental.py compares the two on broken imports).

A folder nothing has read before must be read and checked once: the reading is
needed here (the look-ups), the check only when the new files are checked, so
on a machine with a core to spare the check of a large rest runs in a forked
second process meanwhile (:func:`_fork_check`; bench/RESULTS.md, "Cold
imports, second round"), with the same answers (tests/test_import_parallel.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..forked import spare_core

__all__ = ["RestSummary", "rest_summary", "new_files_pass", "spare_core"]

_FORMAT = "rest-1"
#: Where the look-ups of one file's entries go (see ``yaml_out.index_entry``).
Indexer = Callable[[dict, str, dict], None]


#: The fields of :class:`RestSummary` that checking the rest gives (the others come from reading it).
_CHECKED = ("clean", "open_ties", "hierarchy", "cited")


@dataclass
class RestSummary:
    """What the files an import does not own contribute to checking it (see the module's docstring).

    ``hierarchy`` is kept only when there are ``open_ties`` (only they can lead a loop through the rest).
    While a second process is still checking the rest (:func:`rest_summary`), ``clean`` and the fields
    after it are not known yet: :meth:`complete` waits for them.
    """

    kinds: dict[str, str]
    clean: bool
    open_ties: list = field(default_factory=list)
    hierarchy: list = field(default_factory=list)
    cited: list = field(default_factory=list)
    lookups: dict = field(default_factory=dict)
    _pending: Any = field(default=None, repr=False, compare=False)

    def complete(self) -> "RestSummary":
        """The summary with every field known (waits for the check of the rest, then caches the summary)."""
        if self._pending is not None:
            pending, self._pending = self._pending, None  # asked once: a second call must not wait again
            checked, store = pending()
            for name in _CHECKED:
                setattr(self, name, checked[name])
            if store is not None:
                store(self)
        return self

    def as_json(self) -> dict:
        return {name: getattr(self, name) for name in ("kinds", *_CHECKED, "lookups")}


def _key(files) -> str:
    from ..loading import _code_stamp

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{_FORMAT} {_code_stamp()}".encode())
    for name in ("rest_check.py", "yaml_out.py", "yaml_in.py", "json_lines.py"):
        st = (here / name).stat()
        h.update(f";{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    for f in files:
        h.update(b"\0" + f.name.encode() + b"\0" + f.kind.encode() + b"\0" + hashlib.sha256(f.data).digest())
    return h.hexdigest()


def rest_summary(files, values: Callable[[], dict], lookups: Callable[[], dict], index_entry: Indexer, *,
                 whole: tuple[Path, list] | None = None) -> RestSummary:
    """The summary of ``files`` (the folder's kind files the import does not own), from a cache or computed.

    ``values()``: relative path -> parsed value of those files (called only when no cache has them);
    ``lookups()``: empty look-ups, filled by ``index_entry(lookups, kind, entry)`` for each entry;
    ``whole``: (folder, all its data files) when ``files`` and ``sources.yaml`` are the whole folder (the
    import owns nothing there yet): then the graph an earlier command cached for it will do
    (graph/loading.py), and only a folder no command has read before is parsed.
    """
    from ..loading import cache_dir, cached_graph
    from .parse_cache import load_json, store_json

    folder = cache_dir() / _FORMAT
    path = folder / f"{_key(files)}.json"
    cached = load_json(path)
    if isinstance(cached, dict):
        try:
            return RestSummary(**cached)
        except TypeError:  # another layout: recompute
            pass
    graph = cached_graph(*whole) if whole else None
    if graph is not None:
        summary = _from_graph(graph, lookups(), index_entry)
    else:
        summary = _summarise(files, values(), lookups(), index_entry, parallel=True)
    if summary._pending is None:
        store_json(folder, path, summary.as_json())
    else:  # cached once the second process has answered
        pending = summary._pending
        summary._pending = lambda: (pending()[0], lambda s: store_json(folder, path, s.as_json()))
    return summary


def _from_graph(graph, look: dict, index_entry: Indexer) -> RestSummary:
    """The summary of a whole folder from its validated graph.

    The graph exists only if the folder validated: nothing is wrong and no tie
    is open; every ``sources`` value it cites is in ``sources.yaml``, which an
    import only adds to (so ``cited`` stays empty); and with no open tie, no
    tie of the rest leads to a new entry, so no loop can pass through them
    (``hierarchy`` stays empty too).
    """
    kinds: dict[str, str] = {}
    for node_id, attrs in graph.nodes(data=True):
        kinds[node_id] = attrs["kind"]
        index_entry(look, attrs["kind"], {**attrs, "id": node_id})
    return RestSummary(kinds=kinds, clean=True, lookups=look)


#: A rest of at least this many entries is checked in a second process while this one goes on with the import
#: (when the machine gives this process two cores): forking a process this size and reading back the answer
#: cost a few milliseconds, checking a thousand entries about twenty (bench/RESULTS.md, "Cold imports,
#: second round").
PARALLEL_FROM = 5_000


def _summarise(files, values: dict, look: dict, index_entry: Indexer, *, parallel: bool = False) -> RestSummary:
    """The summary of ``files`` from their parsed ``values``.

    This process fills the look-ups and the kind of every id: when the rest is clean, each entry has an id
    of its own, so that is exactly the validator's list (when it is not, the kinds are not used). Checking
    the entries (``clean``, open ties, hierarchy, cited sources) runs in a second process when ``parallel``
    allows it (:func:`_fork_check`), else here.
    """
    entries = sum(len(v) for v in values.values() if isinstance(v, list))
    pending = _fork_check(files, values) if parallel and entries >= PARALLEL_FROM else None
    kinds: dict[str, str] = {}
    for f in files:
        value = values[f.name]
        if isinstance(value, list):
            for e in value:
                if isinstance(e, dict) and isinstance(e.get("id"), str):
                    kinds.setdefault(e["id"], f.kind)
                    index_entry(look, f.kind, e)
    summary = RestSummary(kinds=kinds, clean=False, lookups=look)
    if pending is None:
        for name, v in _check(files, values).items():
            setattr(summary, name, v)
    else:
        summary._pending = lambda: (pending() or _check(files, values), None)
    return summary


def _check(files, values: dict) -> dict:
    """What validating ``files`` gives the summary (the fields named in ``_CHECKED``), JSON-ready."""
    from ..validate import Validator

    validator = Validator()
    for f in files:
        validator.read_file(f.name, f.kind, values[f.name])
    open_ties = validator.take_open_ties()
    hierarchy = validator.hierarchy_rows() if open_ties else []
    cited = sorted(validator.cited_values())
    validator.finish(records=False)
    return {"clean": not validator.problems, "open_ties": open_ties, "hierarchy": hierarchy, "cited": cited}


def _fork_check(files, values: dict) -> Callable[[], dict | None] | None:
    """Start :func:`_check` in a forked copy of this process (``graph.forked``); a function that waits for its
    answer (None when the child failed: the caller then checks here). None when a second process would not
    run beside this one: a core free for it (:func:`spare_core`), no other thread running. The child gets
    the parsed values by the fork and sends back only the checked fields: a flag and, in a folder with no
    ties into an import, a few short lists.
    """
    import os

    from ..cores import usable_cores
    from ..forked import can_fork, start

    if not can_fork():
        return None
    try:
        if not spare_core(usable_cores(), os.getloadavg()[0]):
            return None
    except OSError:
        return None
    wait = start(lambda: _check(files, values))
    if wait is None:
        return None

    def checked() -> dict | None:
        answer = wait()
        return answer if isinstance(answer, dict) and set(answer) == set(_CHECKED) else None

    return checked


def new_files_pass(summary: RestSummary, new: dict[str, tuple[str, Any]], known_sources: set[str] | None) -> bool:
    """True when the folder, the rest as summarised plus the ``new`` files (name -> (kind, value)), validates.

    ``known_sources``: the keys of the folder's ``sources.yaml`` as it will be, None when it has none
    (then citations are not checked, as in whole-folder validation). False says nothing about which
    problems there are: the caller validates the whole folder to report them.
    """
    from .. import schema
    from ..sources import is_url
    from ..validate import Validator

    validator = Validator()
    validator.assume_ids(summary.kinds, "(other files)")
    for name, (kind, value) in new.items():  # needs only the kinds: done while a second process may still check
        validator.read_file(name, kind, value)
    if not summary.complete().clean or validator.problems:
        return False
    validator.add_tie_rows(summary.open_ties)
    # A loop through a new entry needs a tie into it of the loop's kind. Without an open tie of that kind,
    # every such tie starts at a new entry, so the loop runs through new entries only: the rest's
    # hierarchy matters only for the kinds of its open ties (most folders have none).
    rel_of = {(s.owner, s.key): s.rel for s in schema.SLOTS}
    looping = {rel_of[row[0], row[1]] for row in summary.open_ties}
    if looping:
        validator.add_tie_rows(row for row in summary.hierarchy if rel_of[row[0], row[1]] in looping)
    if known_sources is not None:
        validator.check_sources(known_sources)
        if any(v not in known_sources and not is_url(v) for v in summary.cited):
            return False
    validator.finish(records=False)
    return not validator.problems
