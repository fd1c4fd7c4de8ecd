"""The parsed values of a data folder's files, kept between imports as JSON keyed by each file's bytes.

PyYAML builds Python objects in Python even with its C parser: a 100k-entry
folder takes seconds to parse, which is most of an import into it
(bench/RESULTS.md, "Imports into a large folder"). An import needs its own
files' values (to keep their ids), and the other files' values when their
summary (:mod:`.rest_check`) must be made again after an edit or when the whole
folder is validated to report problems; so each file's value is cached under
the SHA-256 of its bytes: any edit is a miss, however small, whatever its mtime. JSON, not pickle,
so a planted cache file can at worst be wrong data for a file with that hash,
never code; values JSON cannot hold exactly (a non-text mapping key) are simply
not cached.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Callable

from ..atomic_write import atomic_write

__all__ = ["parsed_values", "remember_written", "load_json", "store_json"]

_FORMAT = "parsed-1"


def _json_exact(value: Any) -> str | None:
    """JSON text that gives ``value`` back unchanged, or None (a non-text key, bytes, a set, a NaN...).

    By a round trip in C: ``==`` tells a text key from a number and a list from a tuple, JSON keeps the
    order of keys and the types of numbers; a Python walk of the value took as long as parsing the files
    the importers wrote (bench/RESULTS.md, "Cold imports").
    """
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=True)
        return text if json.loads(text) == value else None
    except (TypeError, ValueError, RecursionError):
        return None


def parsed_values(files, parse: Callable[[str], Any]) -> dict[str, Any]:
    """name -> parsed value (or SyntaxProblem, never cached) for each DataFile; ``parse(text)`` on a miss."""
    from .yaml_in import is_json_lines, read_emitted

    folder = _folder()
    out: dict[str, Any] = {}
    for f in files:
        if not f.problem and is_json_lines(f.text):  # read as fast as its cached copy would be
            value = read_emitted(f.text)
            if value is not None:
                out[f.name] = value
                continue
        path = folder / f"{hashlib.sha256(f.data).hexdigest()}.json"
        cached = load_json(path)
        if cached is not _MISS:
            out[f.name] = cached
            continue
        value = parse(f.text) if not f.problem else f.problem
        out[f.name] = value
        text = _json_exact(value) if isinstance(value, (list, type(None))) else None
        if text is not None:
            store_json(folder, path, value, text)
    return out


def remember_written(text: str, value: list) -> None:
    """Keep ``value`` as the parsed value of ``text``, a file an import has just written.

    The import's emitter writes text that the safe loader reads back as exactly
    the values it was given (tests/test_import_publishers.py,
    tests/test_import_incremental.py), so the next import reads its own files
    from here instead of parsing what it wrote. The emitter writes only
    text-keyed mappings, lists and scalars, which JSON keeps exactly.
    """
    from .yaml_in import is_json_lines

    if is_json_lines(text):  # read again as fast as from the cache (see parsed_values)
        return
    folder = _folder()
    store_json(folder, folder / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}.json", value)


def _folder() -> Path:
    from ..loading import cache_dir

    return cache_dir() / _FORMAT


#: What :func:`load_json` returns when there is no readable entry (None is a file's value: an empty file).
_MISS: Any = object()


def load_json(path: Path) -> Any:
    """The JSON value stored at ``path``, or ``_MISS`` when there is none or it is unreadable."""
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError, RecursionError):
        return _MISS


def store_json(folder: Path, path: Path, value: Any, text: str | None = None) -> None:
    """Write ``value`` (``text``: its JSON, when known) to ``path`` whole (graph.atomic_write); a read-only or
    full cache costs speed only.

    Readable by this user only (0o600), and not synced to disk: an entry lost to a
    power cut is parsed again."""
    try:
        if text is None:  # dumps: json.dump encodes in Python, 5x slower
            text = json.dumps(value, ensure_ascii=False, allow_nan=True)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_write(path, "w", file_mode=0o600, sync=False) as fh:
            fh.write(text)
    except (OSError, ValueError, RecursionError):
        pass
