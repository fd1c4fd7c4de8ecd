"""Reviewed pairs, kept with the data so later runs do not raise them again.

``decisions.yaml`` sits beside the data files (the loader ignores it) and is a
list of entries::

    - pair: [wclr-digital-inclusion-study, dudley-digital-skills-review]
      decision: accepted overlap        # or: same, distinct
      note: Different cohorts; agreed at the March steering group.

Both ``lcg overlaps`` and ``lcg duplicates`` leave out every decided pair (the
order of the two ids does not matter). Re-importing data never touches it.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import yaml

from ..errors import LcgError

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
        raise LcgError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise LcgError(f"{path}{where}: not valid YAML; fix the file (expected a list of pair/decision entries)") \
            from None
    if not isinstance(entries, list):
        raise LcgError(f"{path}: expected a list of entries with pair and decision")
    out = {}
    for n, e in enumerate(entries, start=1):
        pair = e.get("pair") if isinstance(e, dict) else None
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
                and pair[0] != pair[1]):
            raise LcgError(f"{path} entry {n}: expected pair: [id-a, id-b] with two different ids")
        decision = _normal(e.get("decision", ""))
        if decision is None:
            raise LcgError(f"{path} entry {n}: bad decision {e.get('decision')!r} "
                           f"(expected one of: {', '.join(DECISIONS)})")
        out[frozenset(pair)] = {**e, "decision": decision}
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
        raise LcgError(f"bad decision {decision!r} (expected one of: {', '.join(DECISIONS)})")
    if backend is not None:
        from ..search import resolve

        na, nb = resolve(backend, a), resolve(backend, b)
        if na.kind != nb.kind:  # overlaps pair projects, duplicates pair records of one kind
            raise LcgError(f"{na.id} is {_a(na.kind)} and {nb.id} is {_a(nb.kind)}; "
                           "a decision is about two records of one kind")
        a, b = na.id, nb.id
    if a == b:
        raise LcgError(f"a pair needs two different records, got {a!r} twice")
    path = Path(data_dir) / DECISIONS_FILE
    if not Path(data_dir).is_dir():
        raise LcgError(f"data folder {str(data_dir)!r} not found (give one with --data DIR)")
    existing = load_decisions(data_dir)
    entry = {"pair": sorted([a, b]), "decision": d, "date": _dt.date.today().isoformat()}
    if note:
        entry["note"] = note
    existing[frozenset((a, b))] = entry
    _write(path, existing)
    return entry


def _write(path: Path, entries: dict) -> None:
    """The whole file to a temporary beside it, then renamed over it: a reader never sees half a file."""
    text = yaml.safe_dump(list(entries.values()), sort_keys=False, allow_unicode=True, width=100)
    tmp = path.with_name(f".{DECISIONS_FILE}.tmp")
    tmp.write_text("# Reviewed pairs: lcg overlaps and lcg duplicates leave these out.\n" + text, encoding="utf-8")
    tmp.replace(path)


def remove_decision(data_dir, a: str, b: str) -> dict | None:
    """Take the decision on the pair ``a``/``b`` (ids, either order) out of the file: the review's undo.

    Returns the entry removed, or None when the pair had none; written as ``record_decision`` writes.
    """
    path = Path(data_dir) / DECISIONS_FILE
    existing = load_decisions(data_dir)
    removed = existing.pop(frozenset((a, b)), None)
    if removed is None:
        return None
    _write(path, existing)
    return removed
