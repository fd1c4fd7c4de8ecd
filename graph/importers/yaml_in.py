"""Reading back the files lcg's own emitter wrote, without PyYAML.

A data folder that grows by imports holds most of its entries in files written
by :func:`.yaml_out.yaml_text`; a folder nothing has read before must be parsed,
and PyYAML builds every value in Python (bench/RESULTS.md, "Cold imports: the
importers' own files read without PyYAML"). Those files use a handful of line
shapes only, so they are read here line by line, with the text split by C code
and most scalars taken as they stand. Files written since one entry per line
(``- {"id": ...}``, :mod:`.json_lines`) are read by the C JSON scanner instead;
the block form stays readable here for folders written before.

Never a second opinion: a file is read here only when it starts with the
emitter's header AND every line has one of the shapes the emitter writes (no
comment after the header, no blank line, no tab, no character YAML treats
specially, keys of letters, digits and ``_``, plain scalars the emitter would
write plain, quoted scalars in JSON's style). Anything else, including a
repeated key or a number longer than :data:`graph.yaml_files.MAX_INT_DIGITS`,
returns None and the caller reads the whole file with the reference reader
(:func:`graph.yaml_files.parse`), so a hand-edited file is always read, and
reported, exactly as before. For the files this does read, the values (types
included) are exactly what the reference reader gives
(tests/test_yaml_in.py: every file the importers write for the real
360Giving data and the seed data, and generated entries with awkward text).
Line numbers are unaffected: they are found from the text, only for files with
problems (:class:`graph.yaml_files.LineFinder`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from . import json_lines

__all__ = ["HEADER", "read_emitted", "is_json_lines"]

#: How every file the emitter writes starts (:func:`.yaml_out.yaml_text`).
HEADER = "# lcg: "
_WRITTEN = "# Written by `"

#: Characters outside this set end fast reading: line breaks other than ``\n`` (``\r``, NEL, U+2028/9),
#: tabs, control characters, a byte-order mark, surrogates and non-characters (the emitter escapes them).
_ODD = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Plain text as the emitter writes it (``yaml_out._PLAIN``), without a trailing space.
_PLAIN = re.compile(r"[A-Za-z](?:[A-Za-z0-9 _.,'()&/+-]*[A-Za-z0-9_.,'()&/+-])?")
#: Words YAML 1.1 reads as booleans or null in some spelling: the emitter quotes them all.
_RESERVED = frozenset("y n yes no on off true false null".split())
#: Decimal integers of at most 100 digits (``graph.yaml_files.MAX_INT_DIGITS``), no leading zero.
_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,99})")
#: Floats as ``yaml_out._float`` writes finite ones (YAML 1.1 wants the dot and the exponent's sign).
_FLOAT = re.compile(r"-?[0-9]+\.[0-9]+(?:e[-+][0-9]+)?")
#: A JSON string; ``\u`` escapes of surrogates are left to PyYAML (JSON pairs them, YAML does not).
_QUOTED = re.compile(r'"(?:[^"\\]|\\["\\/bfnrt]|\\u(?![dD][89abAB])(?![dD][c-fC-F])[0-9a-fA-F]{4})*"')
#: One item of a flow list and what follows it.
_FLOW_ITEM = re.compile(r'("(?:[^"\\]|\\.)*"|[^",\[\]{}"]+)(, |$)')
_CONSTANTS: dict[str, Any] = {"null": None, "true": True, "false": False}


class _NotEmitted(Exception):
    """The text is not in the emitter's shapes: read it with the reference reader."""


def _scalar(s: str, flow: bool = False) -> Any:
    if not s:
        raise _NotEmitted
    c = s[0]
    if c == '"':
        inner = s[1:-1]
        if len(s) > 1 and s[-1] == '"' and "\\" not in inner and '"' not in inner:
            return inner
        if _QUOTED.fullmatch(s):
            return json.loads(s)
        raise _NotEmitted
    if c == "[" and not flow:
        return _flow(s)
    if s in _CONSTANTS:
        return _CONSTANTS[s]
    if c.isascii() and c.isalpha():
        if _PLAIN.fullmatch(s) and s.lower() not in _RESERVED:
            return s
        raise _NotEmitted
    if _INT.fullmatch(s):
        return int(s)
    if _FLOAT.fullmatch(s):
        return float(s)
    raise _NotEmitted


def _flow(s: str) -> list:
    if s[-1] != "]":
        raise _NotEmitted
    inner = s[1:-1]
    if not inner:
        return []
    out = []
    at = 0
    while at < len(inner):  # match() at each item's start: finditer would retry every position (quadratic)
        m = _FLOW_ITEM.match(inner, at)
        if m is None:
            raise _NotEmitted
        at = m.end()
        out.append(_scalar(m.group(1), True))
    if inner.endswith(", "):
        raise _NotEmitted
    return out


def _pair(rest: str, keys: set) -> tuple[str, str | None]:
    """``key: value`` -> (key, value text); ``key:`` -> (key, None)."""
    at = rest.find(": ")
    if at < 0:
        if not rest.endswith(":"):
            raise _NotEmitted
        key, value = rest[:-1], None
    else:
        key, value = rest[:at], rest[at + 2:]
    if key not in keys:
        if not _KEY.fullmatch(key) or key.lower() in _RESERVED:
            raise _NotEmitted
        keys.add(key)
    return key, value


class _Scalars(dict):
    """Scalar text -> value, memoised for one file: ids and roles repeat in every tie (lists are not kept)."""

    def __missing__(self, s: str) -> Any:
        value = _scalar(s)
        if not isinstance(value, list):
            self[s] = value
        return value


def _put(mapping: dict, key: str, value: Any) -> None:
    if key in mapping:  # a key written twice: the reference reader reports it
        raise _NotEmitted
    mapping[key] = value


def read_emitted(text: str) -> list | None:
    """The entries of a file the emitter wrote, exactly as the reference reader reads them; None otherwise."""
    if not text.startswith(HEADER) or _ODD.search(text):
        return None
    try:
        return _read(text)
    except _NotEmitted:
        return None


def is_json_lines(text: str) -> bool:
    """Whether ``text`` looks like a file of one entry per line (:mod:`.json_lines`): its header, then ``- {``.

    Such a file is read about as fast as a cached copy of its values would be, so it is not cached
    (graph/importers/parse_cache.py); whether it really is one is for :func:`read_emitted` to say."""
    if not text.startswith(HEADER):
        return False
    head = text.split("\n", 3)
    return len(head) == 4 and head[1].startswith(_WRITTEN) and head[2].startswith(json_lines.LINE_START)


def _read(text: str) -> list:
    lines = text.split("\n")
    if len(lines) < 3 or not lines[1].startswith(_WRITTEN):
        raise _NotEmitted
    if lines[-1] == "":
        lines.pop()
    if len(lines) < 3:  # its header alone (its last entry deleted by hand, as a merge advises): the reference
        raise _NotEmitted  # reader reads that (no document)
    if lines[2].startswith(json_lines.LINE_START):  # one entry per line (json_lines.py)
        values = json_lines.decode(lines[2:])
        if values is None:
            raise _NotEmitted
        return values
    entries: list[dict] = []
    keys: set[str] = set()
    entry: dict | None = None
    items: list | None = None  # the list that "  - " lines add to
    waiting = False  # a "key:" line whose list has no item yet (a "key:" alone would be null)
    item: dict | None = None  # the mapping that "    key: value" lines add to
    scalar = _Scalars()
    for line in lines[2:]:
        if line.startswith("  - "):
            if items is None:
                raise _NotEmitted
            rest = line[4:]
            if rest[:1] not in ('"', "[") and ": " in rest:
                key, value = _pair(rest, keys)
                if value is None:
                    raise _NotEmitted
                item = {key: scalar[value]}
                items.append(item)
            else:
                items.append(scalar[rest])
                item = None
            waiting = False
            continue
        if waiting:
            raise _NotEmitted
        if line.startswith("    "):
            if item is None:
                raise _NotEmitted
            key, value = _pair(line[4:], keys)
            if value is None:
                raise _NotEmitted
            _put(item, key, scalar[value])
            continue
        if line.startswith("- "):
            entry = {}
            entries.append(entry)
            rest = line[2:]
        elif line.startswith("  ") and entry is not None:
            rest = line[2:]
        else:
            raise _NotEmitted
        item = None
        key, value = _pair(rest, keys)
        if value is None:
            items = []
            waiting = True
            _put(entry, key, items)
        else:
            items = None
            _put(entry, key, scalar[value])
    if waiting or not entries:
        raise _NotEmitted
    return entries
