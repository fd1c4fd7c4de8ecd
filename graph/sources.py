"""The documents the data cites, by key: ``sources.yaml`` in the data folder.

A ``sources`` field holds keys (``001_b0e830f65fbfb7a9.txt``) or URLs. A key
means nothing to a board member reading the map, so the folder's
``sources.yaml`` names each document once: its title, publisher, kind, date,
URL where known and the file it was saved as. ``lcg show``, the map and the
exports show the title (linked when there is a URL); validation refuses a key
with no entry (a URL needs none). A folder without ``sources.yaml`` keeps free
text sources, unchecked, as before.

Imported data registers its file the same way: one entry (publisher, licence,
date of the file) whose key the imported records cite.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import dates
from .errors import BadDate

__all__ = ["SOURCES_FILE", "FIELDS", "Source", "SourceProblem", "is_url", "parse_sources", "read_sources",
           "source_info", "unknown_key_message", "register_source"]

#: Not a kind file: the folder reader hands it here (graph/yaml_files.py).
SOURCES_FILE = "sources.yaml"

#: Field -> what it holds; ``key`` and ``title`` are required.
FIELDS: dict[str, str] = {
    "key": "the value `sources` fields cite: the saved file's name, or a short slug",
    "title": "the document's title as it gives it",
    "publisher": "who published it, where the document says",
    "kind": "web page, press release, report, dataset ...",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD, where the document states it",
    "url": "where to read it (http or https)",
    "file": "the file it was saved as",
    "licence": "the licence of a data file",
    "note": "anything else worth knowing",
}

_URL = re.compile(r"^https?://\S+$")


def is_url(value: str) -> bool:
    """A ``sources`` value that is a web address needs no entry."""
    return bool(_URL.match(str(value)))


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str = ""
    kind: str = ""
    date: str = ""
    url: str = ""
    file: str = ""
    licence: str = ""
    note: str = ""


@dataclass(frozen=True)
class SourceProblem:
    """One thing wrong in ``sources.yaml``: where (index path), whose key, what."""

    path: tuple
    key: str
    message: str


def _did_you_mean(word, options) -> str:
    from .validate import _did_you_mean as hint  # the validator's wording, for the same kind of mistake

    return hint(word, options)


def parse_sources(value) -> tuple[dict[str, Source], list[SourceProblem]]:
    """The parsed YAML of ``sources.yaml`` as entries by key, and every problem found."""
    found: dict[str, Source] = {}
    problems: list[SourceProblem] = []
    if value is None:
        return found, problems
    if not isinstance(value, list):
        return found, [SourceProblem((), "", "expected a list of entries, each starting with '- key: ...'")]
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            problems.append(SourceProblem((i,), "", f"entry {i + 1}: expected a mapping (key: ..., title: ...)"))
            continue
        key = entry.get("key")
        label = str(key) if key is not None else f"entry {i + 1}"
        fields = {}
        for name, v in entry.items():
            if name not in FIELDS:
                hint = _did_you_mean(str(name), FIELDS)
                problems.append(SourceProblem((i, name), label, f"unknown field {name!r} for a source "
                                              f"({hint}expected one of: {', '.join(FIELDS)})"))
                continue
            if not isinstance(v, (str, int)) or isinstance(v, bool):
                problems.append(SourceProblem((i, name), label, f"{name}: expected text, got {v!r}"))
                continue
            fields[name] = str(v)
        for name in ("key", "title"):
            if not fields.get(name):
                problems.append(SourceProblem((i,), label, f"missing required field {name!r} ({FIELDS[name]})"))
        if fields.get("date"):
            try:
                fields["date"] = dates.from_value(fields["date"])
            except BadDate:
                problems.append(SourceProblem((i, "date"), label, f"date: bad date {fields['date']!r} "
                                              "(expected YYYY, YYYY-MM or YYYY-MM-DD)"))
        if fields.get("url") and not is_url(fields["url"]):
            problems.append(SourceProblem((i, "url"), label, f"url: bad URL {fields['url']!r} "
                                          "(expected one starting with http:// or https://)"))
        if not fields.get("key") or not fields.get("title"):
            continue
        if fields["key"] in found:
            problems.append(SourceProblem((i, "key"), label, "duplicate key (expected each document once)"))
            continue
        found[fields["key"]] = Source(**fields)
    return found, problems


def read_sources(data_dir: str | os.PathLike | None) -> dict[str, Source]:
    """The folder's sources by key, for display: {} when there is no readable ``sources.yaml``.

    Validation reports a broken file; showing a node never fails because of one.
    """
    import yaml

    from .yaml_files import safe_load

    if data_dir is None:
        return {}
    path = Path(data_dir) / SOURCES_FILE
    try:
        value = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):  # unreadable: no titles, keys shown as they are
        return {}
    return parse_sources(value)[0]


def source_info(value: str, sources: dict[str, Source]) -> dict:
    """How one ``sources`` value reads: its title (the key itself when unknown) and URL ("" when none)."""
    entry = sources.get(value)
    if entry is not None:
        return {"key": value, "title": entry.title, "url": entry.url}
    return {"key": value, "title": value, "url": value if is_url(value) else ""}


def unknown_key_message(value: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.6)
    hint = f" (closest: {', '.join(close)})" if close else ""
    return (f"sources: {value!r} is not a key of {SOURCES_FILE}{hint}; expected a key listed there "
            "or a URL (add an entry with key, title, publisher ... for the document)")


def register_source(data_dir: str | os.PathLike, source: Source) -> bool:
    """Add ``source`` to the folder's ``sources.yaml`` unless its key is there; True when added.

    For importers: the file they read becomes a document the data can cite (publisher,
    licence, date of the file). A folder without ``sources.yaml`` gets one, so the
    imported ``sources`` keys resolve. Written whole to a temporary file, then renamed.
    """
    import yaml

    from .atomic_write import write_text_atomic

    path = Path(data_dir) / SOURCES_FILE
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if source.key in read_sources(data_dir):
        return False
    fields = {name: getattr(source, name) for name in FIELDS if getattr(source, name)}
    entry = yaml.safe_dump([fields], allow_unicode=True, sort_keys=False, width=100)
    text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + entry
    write_text_atomic(path, text)
    return True
