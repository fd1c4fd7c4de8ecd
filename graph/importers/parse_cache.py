"""The parsed values of a data folder's files, kept between imports as JSON keyed by each file's bytes.

PyYAML builds Python objects in Python even with its C parser: a 100k-entry
folder takes seconds to parse, which is most of an import into it
(bench/RESULTS.md, "Imports into a large folder"). An import needs every file's
values (to reuse ids and to validate before writing), so each file's value is
cached under the SHA-256 of its bytes: any edit is a miss. JSON, not pickle,
so a planted cache file can at worst be wrong data for a file with that hash,
never code; values JSON cannot hold exactly (a non-text mapping key) are simply
not cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile

__all__ = ["parsed_values"]

_FORMAT = "parsed-1"


def _json_exact(value, depth: int = 0) -> bool:
    """True when JSON gives ``value`` back unchanged (mapping keys are text); data files nest three deep."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_exact(v, depth + 1) for k, v in value.items()) if depth < 6 else False
    if isinstance(value, list):
        return all(_json_exact(v, depth + 1) for v in value) if depth < 6 else False
    return value is None or isinstance(value, (str, int, float, bool))


def parsed_values(files, parse) -> dict:
    """name -> parsed value (or SyntaxProblem, never cached) for each DataFile; ``parse(text)`` on a miss."""
    from ..loading import cache_dir

    folder = cache_dir() / _FORMAT
    out = {}
    for f in files:
        key = hashlib.sha256(f.data).hexdigest()
        path = folder / f"{key}.json"
        try:
            with open(path, encoding="utf-8") as fh:
                out[f.name] = json.load(fh)
            continue
        except (OSError, ValueError, RecursionError):
            pass
        value = parse(f.text) if not f.problem else f.problem
        out[f.name] = value
        if isinstance(value, (list, type(None))) and _json_exact(value):
            _store(folder, path, value)
    return out


def _store(folder, path, value) -> None:
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False, allow_nan=True)
        os.replace(tmp, path)
    except (OSError, ValueError, RecursionError):
        if tmp:  # a read-only or full cache costs speed, never correctness
            try:
                os.unlink(tmp)
            except OSError:
                pass
