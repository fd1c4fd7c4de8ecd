"""Which files of a data folder hold data: the folder rule, in one place.

A data folder grows: a team splits organisations over several files, an import
writes its own subfolder (``imports/360giving-wolfson/``). So every YAML file
(``.yaml`` or ``.yml``, any case) anywhere under the folder is data, and its kind
comes from its name (``organisations.yaml``, ``Organisations-2024.yml``: the
kind's file name, then optionally ``-``, ``_`` or ``.`` and anything) or, for a
file named otherwise, from a first-line header ``# lcg: organisations``.

Nothing is skipped in silence: a YAML file whose kind cannot be told, or a
file that cannot be read (a folder named ``*.yaml``, a broken or looping
symbolic link, a FIFO, no permission) is a problem with its path, and
validation fails. Left alone, without a word: non-YAML files (README.md),
hidden files and folders (``.git``), and the tool's own files at the top
(``dataset.yaml``, ``decisions.yaml``, ``sources.yaml``), and a YAML file whose first line says
``# lcg: ignore`` (kept there on purpose, such as a proposal for ``lcg overlaps``). Temp files left by an
interrupted write (``.<name>.<random>.tmp``) are ignored by the loader and
listed as ``leftovers`` for ``lcg validate`` to report.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from . import schema

__all__ = ["scan", "kind_of_name", "kind_of_header", "TOOL_FILES", "YAML_SUFFIXES", "is_leftover_temp", "IGNORE"]

YAML_SUFFIXES = (".yaml", ".yml")
#: Files at the top of a data folder that the tool reads for itself; they hold no nodes.
TOOL_FILES = frozenset({"dataset.yaml", "decisions.yaml", "sources.yaml"})
#: The header of a YAML file that is deliberately not data: ``# lcg: ignore``.
IGNORE = "ignore"
_HEADER = re.compile(rb"#\s*lcg\s*:\s*([A-Za-z]+)(?:\s.*)?$")
_LEFTOVER = re.compile(r"\..+\.tmp\Z")


def _stems() -> dict[str, str]:
    """Plural file stem and singular kind name (lower case) -> kind name."""
    out = {}
    for k in schema.NODE_KINDS.values():
        out[k.file.rsplit(".", 1)[0].lower()] = k.name
        out[k.name.lower()] = k.name
    return out


def kind_of_name(filename: str) -> str | None:
    """The kind a file's name gives: ``organisations.yaml``, ``Organisations-2024.yml`` -> Organisation."""
    lower = filename.lower()
    stem = next((lower[: -len(s)] for s in YAML_SUFFIXES if lower.endswith(s)), None)
    if stem is None:
        return None
    for plural, kind in ((k.file.rsplit(".", 1)[0], k.name) for k in schema.NODE_KINDS.values()):
        if stem == plural or (stem.startswith(plural) and stem[len(plural)] in "-_. "):
            return kind
    return None


def kind_of_header(data: bytes) -> str | None:
    """The kind a first-line ``# lcg: organisations`` header names (plural or singular), ``IGNORE``, or None."""
    first = data.split(b"\n", 1)[0].rstrip(b"\r").lstrip(b"\xef\xbb\xbf")
    m = _HEADER.match(first.strip())
    if m and m.group(1).decode().lower() == IGNORE:
        return IGNORE
    return _stems().get(m.group(1).decode().lower()) if m else None


def is_leftover_temp(name: str) -> bool:
    """A temp file an interrupted atomic write left (``.organisations.yaml.x1y2.tmp``)."""
    return _LEFTOVER.match(name) is not None


def _unreadable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a data file, or None when it is a regular file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "is a broken symbolic link (its target does not exist); fix or remove the link"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "is a symbolic link loop; fix or remove the link"
        return f"cannot be read ({e.strerror}); fix its permissions or remove it"
    if stat.S_ISDIR(st.st_mode):
        return "is a folder named like a data file; rename it (a YAML data file was expected)"
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file (a FIFO, socket or device); remove it"
    if not os.access(path, os.R_OK):
        return "cannot be read (permission denied); fix its permissions"
    return None


def scan(root: Path):
    """The folder's data files as a ``DataFiles`` list, with its ``problems`` and ``leftovers``."""
    from .yaml_files import DataFile, DataFiles

    order = {name: i for i, name in enumerate(schema.NODE_KINDS)}
    found: list = []
    problems: list[tuple[str, str]] = []
    leftovers: list[str] = []
    seen_dirs = {os.path.realpath(root)}

    def walk(folder: Path, rel: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            problems.append((rel or ".", f"folder cannot be read ({e.strerror})"))
            return
        for entry in entries:
            name, path, relpath = entry.name, folder / entry.name, f"{rel}{entry.name}"
            if name.startswith("."):
                if is_leftover_temp(name):
                    leftovers.append(relpath)
                continue
            is_yaml = name.lower().endswith(YAML_SUFFIXES)
            try:
                is_dir = entry.is_dir()  # follows links; False for broken ones
            except OSError:
                is_dir = False
            if is_dir and not is_yaml:
                real = os.path.realpath(path)
                if real not in seen_dirs:  # a linked folder is read once; a link loop is not followed
                    seen_dirs.add(real)
                    walk(path, relpath + "/")
                continue
            if not is_yaml:
                continue
            why = _unreadable(path)
            if why:
                problems.append((relpath, why))
                continue
            try:
                data = path.read_bytes()
            except OSError as e:
                problems.append((relpath, f"cannot be read ({e.strerror})"))
                continue
            by_name, by_header = kind_of_name(name), kind_of_header(data)
            if by_name and by_header and by_name != by_header:
                problems.append((relpath, f"its name says {by_name} but its first line says {by_header} "
                                          "(expected them to agree: rename the file or fix the header)"))
                continue
            if by_header == IGNORE and not by_name:
                continue  # a YAML file kept beside the data on purpose (a proposal for `lcg overlaps`)
            kind = by_name or by_header
            if kind is None:
                if not rel and name.lower() in TOOL_FILES:
                    continue
                kinds = ", ".join(k.file.rsplit(".", 1)[0] for k in schema.NODE_KINDS.values())
                problems.append((relpath, "not a data file the tool can place: its name does not start with a kind "
                                          f"({kinds}) and its first line is no '# lcg: <kind>' header (rename it, "
                                          "e.g. organisations-extra.yaml, or add the header; '# lcg: ignore' "
                                          "if it is not data)"))
                continue
            found.append(DataFile(path, kind, data, relpath))

    walk(Path(root), "")
    found.sort(key=lambda f: (order[f.kind], "/" in f.name, f.name))
    out = DataFiles(found)
    out.problems = problems
    out.leftovers = leftovers
    return out
