"""Reviewed pairs, kept with the data so later runs do not raise them again.

``decisions.yaml`` sits beside the data files (the loader ignores it) and is a
list of entries::

    - pair: [wclr-digital-inclusion-study, dudley-digital-skills-review]
      decision: accepted overlap        # or: same, distinct
      note: Different cohorts; agreed at the March steering group.

Both ``lcg overlaps`` and ``lcg duplicates`` leave out every decided pair (the
order of the two ids does not matter). Re-importing data never touches it.

Recording a decision appends an entry (a later entry on the same pair wins), so
the file keeps its comments and layout and shows the history of a pair, with
no round-trip YAML parser to depend on. The read-append-rename runs under a
lock (``fcntl.flock`` on ``.decisions.yaml.lock`` beside it): ten `lcg decide`
at once used to keep 5-8 of 10. The new file is a fresh temp file renamed over
the old (graph/atomic_write.py), never written through a link. A file whose
layout cannot take a block entry (flow style, unusual indentation) is rewritten
whole instead, comments lost, rather than left invalid.
"""

from __future__ import annotations

import datetime as _dt
import os
from contextlib import contextmanager
from pathlib import Path

import yaml

from ..errors import DataDirNotFound, DecisionsFileError, OutOfRange, SameNode, WrongKind

__all__ = ["DECISIONS_FILE", "DECISIONS", "load_decisions", "record_decision", "remove_decision"]

DECISIONS_FILE = "decisions.yaml"
DECISIONS = ("same", "distinct", "accepted overlap")


def _normal(decision: str) -> str | None:
    d = str(decision).strip().lower().replace("-", " ").replace("_", " ")
    return d if d in DECISIONS else None


def load_decisions(data_dir) -> dict[frozenset, dict]:
    """{frozenset({a, b}): entry} from the data folder's decisions file (empty if there is none)."""
    path = Path(data_dir) / DECISIONS_FILE
    if not path.is_file():
        return {}
    from ..yaml_files import safe_load

    try:
        entries = safe_load(path.read_text(encoding="utf-8")) or []
    except UnicodeDecodeError:
        raise DecisionsFileError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise DecisionsFileError(f"{path}{where}: not valid YAML; fix the file (expected a list of pair/decision entries)") \
            from None
    if not isinstance(entries, list):
        raise DecisionsFileError(f"{path}: expected a list of entries with pair and decision")
    out = {}
    for n, entry in enumerate(entries, start=1):
        pair = entry.get("pair") if isinstance(entry, dict) else None
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
                and pair[0] != pair[1]):
            raise DecisionsFileError(f"{path} entry {n}: expected pair: [id-a, id-b] with two different ids")
        decision = _normal(entry.get("decision", ""))
        if decision is None:
            raise DecisionsFileError(f"{path} entry {n}: bad decision {entry.get('decision')!r} "
                           f"(expected one of: {', '.join(DECISIONS)})")
        out[frozenset(pair)] = {**entry, "decision": decision}
    return out


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'AEIOU' else 'a'} {kind}"


def record_decision(data_dir, a: str, b: str, decision: str, note: str | None = None, *, backend=None) -> dict:
    """Append (or replace) the decision on a pair; returns the entry written.

    With ``backend``, ``a`` and ``b`` may be names, as everywhere else on the command
    line: each is resolved to its node's id (ambiguous or unknown -> LcgError), because
    later runs compare ids and would never see a decision written as typed.
    """
    d = _normal(decision)
    if d is None:
        raise OutOfRange("decision", decision, f"is not a decision (expected one of: {', '.join(DECISIONS)})")
    if backend is not None:
        from ..search import resolve

        na, nb = resolve(backend, a), resolve(backend, b)
        if na.kind != nb.kind:  # overlaps pair projects, duplicates pair records of one kind
            raise WrongKind(nb.id, f"{na.id} is {_a(na.kind)} and {nb.id} is {_a(nb.kind)}; "
                           "a decision is about two records of one kind")
        a, b = na.id, nb.id
    if a == b:
        raise SameNode(f"a pair needs two different records, got {a!r} twice")
    path = Path(data_dir) / DECISIONS_FILE
    if not Path(data_dir).is_dir():
        raise DataDirNotFound(f"data folder {str(data_dir)!r} not found (give one with --data DIR)")
    entry = {"pair": sorted([a, b]), "decision": d, "date": _dt.date.today().isoformat()}
    if note:
        entry["note"] = note
    with _locked(path):
        existing = load_decisions(data_dir)
        old = path.read_text(encoding="utf-8") if path.is_file() else HEADER
        if old and not old.endswith("\n"):
            old += "\n"
        text = old + yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100)
        if not _reads_as(old, text, entry):
            existing[frozenset((a, b))] = entry
            text = HEADER + yaml.safe_dump(list(existing.values()), sort_keys=False, allow_unicode=True, width=100)
        from ..atomic_write import write_text_atomic

        write_text_atomic(path, text)
    return entry


#: What the file is, for whoever opens it: a library trial read "leave these out" and found its pair decided the
#: same still listed (a merge still to make, ``lcg duplicates`` says so).
HEADER = ("# Reviewed pairs. lcg overlaps and lcg duplicates leave out a pair decided distinct; lcg duplicates lists a\n"
          "# pair decided the same as a merge still to make, until its records are merged.\n")


def _reads_as(old: str, text: str, entry: dict) -> bool:
    """``text`` (``old`` plus the entry) parses to old's entries and then the entry (else the layout could not take it)."""
    from ..yaml_files import safe_load

    try:
        before, after = safe_load(old) or [], safe_load(text)
    except yaml.YAMLError:
        return False
    return isinstance(before, list) and isinstance(after, list) and after == [*before, entry]


@contextmanager
def _locked(path: Path):
    """An exclusive lock on ``.NAME.lock`` beside ``path`` for the block (POSIX; elsewhere no lock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as e:
        raise DecisionsFileError(f"cannot lock {path} (lock file {lock_path}): {(e.strerror or str(e)).lower()}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def remove_decision(data_dir, a: str, b: str) -> dict | None:
    """Take the decision on the pair ``a``/``b`` (ids, either order) out of the file: the review's undo.

    Returns the entry removed, or None when the pair had none. Under the same lock as
    ``record_decision``; the file is rewritten whole (comments in it are not kept).
    """
    from ..atomic_write import write_text_atomic

    path = Path(data_dir) / DECISIONS_FILE
    with _locked(path):
        existing = load_decisions(data_dir)
        removed = existing.pop(frozenset((a, b)), None)
        if removed is None:
            return None
        write_text_atomic(path, HEADER + yaml.safe_dump(list(existing.values()), sort_keys=False,
                                                        allow_unicode=True, width=100))
    return removed
