"""Reading the data folder's YAML: fast on clean data, precise on broken data.

PyYAML's C loader is the fastest safe parser available here, but a plain load
loses line numbers. Clean data (the common case, and every large load) is
parsed once with ``CSafeLoader``; only a file that has errors is composed a
second time to find the line of each error. Only ``safe`` loaders are used: no
YAML tag can build a Python object.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from . import schema
from .errors import DataDirNotFound

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader


class SafeLoader(_BaseLoader):
    """The safe loader, with dates left as the text written.

    PyYAML turns an unquoted ``2019-06-01`` into a ``datetime.date`` and raises
    a bare ValueError on ``2019-02-30``; the validator checks dates itself, with
    the file and line, so timestamps stay strings here.
    """


SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def safe_load(text):
    """``yaml.safe_load`` with dates as text: for every YAML file the tool reads."""
    return yaml.load(text, Loader=SafeLoader)


__all__ = ["DataFile", "data_files", "parse", "line_of", "safe_load", "SafeLoader", "SyntaxProblem"]


@dataclass(frozen=True)
class DataFile:
    """One data file's bytes; decoded only when parsed (the cache key needs the bytes alone)."""

    path: Path
    kind: str
    data: bytes

    @cached_property
    def _decoded(self) -> "tuple[str, SyntaxProblem | None]":
        try:
            return self.data.decode("utf-8"), None
        except UnicodeDecodeError as e:
            data = self.data
            line = data.count(b"\n", 0, e.start) + 1
            column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
            return "", SyntaxProblem(line, column, f"byte 0x{data[e.start]:02x} is not UTF-8 text "
                                                   "(expected UTF-8: save the file as UTF-8)")

    @property
    def text(self) -> str:
        """The file as text; empty when it is not UTF-8 (see ``problem``)."""
        return self._decoded[0]

    @property
    def problem(self) -> "SyntaxProblem | None":
        """Set when the bytes are not UTF-8: the file is then reported, not parsed."""
        return self._decoded[1]


@dataclass(frozen=True)
class SyntaxProblem:
    line: int
    column: int
    message: str
    expected: str = "valid YAML: check indentation, quotes and colons"


#: A data folder's files that are not kind files, and the ``DataFile.kind`` they are read as.
SOURCES_KIND = "sources"


def data_files(data_dir: str | os.PathLike) -> list[DataFile]:
    """The data folder's kind files, in schema order, then ``sources.yaml`` (kind ``SOURCES_KIND``)
    when there is one, so that the cache key covers it; raises if there are no kind files."""
    root = Path(data_dir)
    if not root.is_dir():
        raise DataDirNotFound(f"data folder {str(root)!r} not found (give one with --data DIR or LCG_DATA)")
    found = []
    for kind in schema.NODE_KINDS.values():
        path = root / kind.file
        if path.is_file():
            found.append(DataFile(path, kind.name, path.read_bytes()))
    if not found:
        expected = ", ".join(k.file for k in schema.NODE_KINDS.values())
        raise DataDirNotFound(f"no data files in {str(root)!r} (expected one or more of: {expected})")
    from .sources import SOURCES_FILE

    if (root / SOURCES_FILE).is_file():
        found.append(DataFile(root / SOURCES_FILE, SOURCES_KIND, (root / SOURCES_FILE).read_bytes()))
    return found


def parse(text: str):
    """The file's value, or a SyntaxProblem with 1-based line and column."""
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return SyntaxProblem(line, col, str(e.problem), "plain YAML without tags such as !!python/object: remove the tag")
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = str(e.problem or e.context)
        if e.context and e.context_mark and e.problem:
            message += f" ({e.context} that starts at line {e.context_mark.line + 1})"
        return SyntaxProblem(line, col, message)
    except yaml.YAMLError as e:
        return SyntaxProblem(1, 1, str(e).splitlines()[0])


class LineFinder:
    """Maps a path of indexes and keys inside a parsed file to a 1-based line."""

    def __init__(self, text: str):
        try:
            self._root = yaml.compose(text, Loader=SafeLoader)
        except yaml.YAMLError:
            self._root = None

    def line(self, path: tuple) -> int:
        node = self._root
        if node is None:
            return 1
        best = node.start_mark.line + 1
        for step in path:
            nxt = None
            if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                nxt = node.value[step]
            elif isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == step:
                        # A key points at its own line; its value may start on the next one.
                        best = k.start_mark.line + 1
                        nxt = v
                        break
            if nxt is None:
                return best
            node = nxt
            if not isinstance(node, yaml.MappingNode) or not isinstance(step, str):
                best = node.start_mark.line + 1
        return best


def line_of(text: str):
    """A finder for one file's lines, built only when that file has errors."""
    return LineFinder(text)
