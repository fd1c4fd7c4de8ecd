"""An import's entries as one JSON-style flow mapping per line: YAML that C code reads.

``- {"id": "oxfam", "name": "Oxfam", "identifiers": ["GB-CHC-202918"]}`` is YAML
(a block sequence of flow mappings) that PyYAML and a person read, a diff shows
one record per line, and every line is JSON, so it is read back with the C JSON
scanner instead of building each value in Python (bench/RESULTS.md, "Cold
imports, second round").

YAML 1.1 (PyYAML) and JSON do not agree on every text, so a line is read here
only in a form where they do (:func:`encode` writes ``json.dumps(entry,
ensure_ascii=False)``, with the characters YAML folds or refuses inside quotes
escaped, :data:`ESCAPE`):

- the line is ``- {`` and one JSON object, nothing after it, no tab, CR or
  other character ``yaml_in._ODD`` refuses (the line breaks YAML knows besides
  ``\n`` among them); spaces between tokens read the same in both;
- no key written twice in a mapping (JSON keeps the last, the loader refuses);
- no float without a dot or with an unsigned exponent (``1e+16`` and ``1.5e5``
  are text to YAML 1.1), no NaN or infinity, no integer longer than
  :data:`graph.yaml_files.MAX_INT_DIGITS` digits (the loader refuses those);
- no ``\\u`` escape of a surrogate (JSON pairs them, YAML does not);
- YAML looks for a key's colon within 1,024 characters of its start: a line
  longer than 1,000 characters is read here only when it is exactly what
  :func:`encode` writes and has no key longer than 150 characters.

Anything else: :func:`decode` returns None (PyYAML reads the whole file, and
reports its problems with their lines), and :func:`encode` returns None for
entries it cannot write so (the block emitter writes the file). That both
readers give the same values is tested on generated entries written by
:func:`encode` and written as other JSON (other spacing and escapes), on hand
edits, and on every file the importers write for the real data
(tests/test_yaml_in.py).
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from typing import Any, cast

from ..yaml_files import MAX_INT_DIGITS

__all__ = ["ESCAPE", "escaped", "encode", "decode", "LINE_START"]

#: How every line starts: a block sequence item holding a flow mapping.
LINE_START = "- {"
#: What a YAML reader refuses or folds inside a double-quoted scalar, though JSON leaves it raw; and a
#: byte-order mark, which PyYAML takes as it stands but the fast readers leave to it (``yaml_in._ODD``).
ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: A ``\\u`` escape of a surrogate (JSON pairs them, YAML does not): first a quick look for the letters,
#: then whether the backslash is an escape's (not the second of ``\\\\``).
_MAYBE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]")
#: A key this long, once quoted, may pass the 1,024 characters YAML allows between a key's start and its colon.
_LONGEST_KEY = 150


def escaped(text: str) -> str:
    """JSON text with :data:`ESCAPE` characters as ``\\uXXXX`` (the same string to JSON and to YAML)."""
    return ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _refuse(constant: str):
    raise ValueError(constant)


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:  # the loader refuses it (graph/yaml_files.py)
        raise ValueError(text)
    return int(text)


def _float(text: str) -> float:
    """A float only in a form YAML 1.1 reads as one: a dot, and a sign after the exponent's ``e``."""
    at = max(text.find("e"), text.find("E"))
    if "." not in text or (at >= 0 and text[at + 1] not in "+-"):
        raise ValueError(text)
    return float(text)


def _mapping(pairs: list) -> dict:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):  # a key written twice: the loader refuses it (graph/yaml_files.py)
        raise ValueError("a key written twice")
    return mapping


#: The C scanner behind ``json.loads``, called on each line; NaN and Infinity refused, numbers and keys
#: checked (the hooks run per number and per mapping: checking that no key is written twice by
#: encoding the values again, which also fixes the spacing, took as long as reading them).
_SCAN = json.scanner.make_scanner(cast(Any, json.decoder.JSONDecoder(  # typeshed types its argument as itself
    parse_constant=_refuse, parse_int=_int, parse_float=_float, object_pairs_hook=_mapping)))


def _long_key(value: Any) -> bool:
    if isinstance(value, dict):
        return any(len(k) > _LONGEST_KEY or _long_key(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_long_key(v) for v in value)
    return False


def encode(entries: list[dict]) -> str | None:
    """The entries as lines of JSON-style flow mappings, or None when one of them cannot be written so."""
    try:
        text = "".join([f"{LINE_START[:2]}{json.dumps(e, ensure_ascii=False, allow_nan=False)}\n" for e in entries])
    except (TypeError, ValueError, RecursionError):
        return None
    text = escaped(text)
    if not entries or decode(text.split("\n")[:-1]) != entries:  # what the reader would decline, or read otherwise
        return None
    return text


def decode(lines: list[str]) -> list | None:
    """The entries of ``lines`` (each ``- {...}``, no line break), exactly as PyYAML reads them; else None.

    The caller has checked the text for characters that end fast reading (``yaml_in._ODD``).
    """
    values = []
    scan = _SCAN
    try:
        for line in lines:
            if not line.startswith(LINE_START):
                return None
            value, end = scan(line, 2)
            if end != len(line):
                return None
            if len(line) > 1000 and (_long_key(value) or escaped(json.dumps(value, ensure_ascii=False)) != line[2:]):
                return None
            values.append(value)
    except (ValueError, StopIteration, RecursionError):
        return None
    text = "\n".join(lines)
    if _MAYBE_SURROGATE.search(text) and _SURROGATE.search(text):
        return None
    return values
