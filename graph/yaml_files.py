"""Reading the data folder's YAML: fast on clean data, precise on broken data.

PyYAML's C loader is the fastest safe parser available here, but a plain load
loses line numbers. Clean data (the common case, and every large load) is
parsed once with ``CSafeLoader``; only a file that has errors is composed a
second time to find the line of each error. Only ``safe`` loaders are used: no
YAML tag can build a Python object.
"""

from __future__ import annotations

import os
import re
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


class RefusedYaml(yaml.constructor.ConstructorError):
    """YAML that parses but that data files do not use (aliases, a key twice, a huge number)."""

    def __init__(self, mark, problem: str, expected: str):
        super().__init__(None, None, problem, mark)
        self.expected = expected


#: Longest integer read as a number: Python refuses to convert more than 4,300 digits (a bare
#: ValueError); far past any amount, so longer digit runs are reported at their line.
MAX_INT_DIGITS = 100


def cut(value, limit: int = 80) -> str:
    """``repr(value)`` cut to about ``limit`` characters: a message never formats an unbounded value."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


class _DataLoader(_BaseLoader):
    """The safe loader, with dates left as the text written, no repeated keys and no huge numbers.

    PyYAML turns an unquoted ``2019-06-01`` into a ``datetime.date`` and raises
    a bare ValueError on ``2019-02-30``; the validator checks dates itself, with
    the file and line, so timestamps stay strings here. A key written twice in
    one mapping is refused: PyYAML keeps the last value and silently drops the
    first (an ``id:`` or a ``member_of:`` lost). The check costs a length
    comparison per mapping; the search for the culprit runs only on a mismatch.
    """

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        if isinstance(node, yaml.MappingNode) and len(mapping) != len(node.value):
            self._duplicate_key(node)
        return mapping

    def _duplicate_key(self, node):
        lines = {}
        for key_node, _ in node.value:
            key = self.constructed_objects.get(key_node, key_node.value)
            if key in lines:
                raise RefusedYaml(key_node.start_mark, f"key {cut(key, 40)} is written twice in this mapping "
                                  f"(first at line {lines[key]})", "each key once: keep the value you mean")
            lines[key] = key_node.start_mark.line + 1

    def construct_yaml_int(self, node):
        if len(node.value) > MAX_INT_DIGITS:
            digits = sum(c.isdigit() for c in node.value)
            if digits > MAX_INT_DIGITS:
                raise RefusedYaml(node.start_mark, f"a number {digits:,} digits long",
                                  "a number of at most 100 digits, or quoted text")
        return super().construct_yaml_int(node)


_DataLoader.add_constructor("tag:yaml.org,2002:int", _DataLoader.construct_yaml_int)
_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class SafeLoader(_DataLoader):
    """The data loader, refusing aliases too.

    Aliases (``*name``) are refused: data files are written by hand or by lcg
    and never need them, and a few hundred bytes of nested aliases ("billion
    laughs") expand to gigabytes. Refused at the first reuse of a node, before
    anything is expanded. This costs a Python call per node, so a text in which
    no ``*`` can start an alias is read by ``_DataLoader`` (see ``_loader_for``).
    """

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise RefusedYaml(node.start_mark, "an alias (*name) reuses the value anchored (&name) here",
                              "each value written out where it is used: data files take no anchors or aliases")
        return super().construct_object(node, deep=deep)


#: Where an alias can start: ``*`` first in a line, after a space or a flow ``[ { ,``. Text
#: without one has no alias (a ``*`` inside a word or a quoted text only costs the slower loader).
_MAYBE_ALIAS = re.compile(r"(?:^|[\s\[{,])\*", re.MULTILINE)


def _loader_for(text: str):
    return SafeLoader if _MAYBE_ALIAS.search(text) else _DataLoader


def safe_load(text):
    """``yaml.safe_load`` with dates as text: for every YAML file the tool reads."""
    return yaml.load(text, Loader=_loader_for(text))


__all__ = ["DataFile", "DataFiles", "data_files", "parse", "line_of", "safe_load", "SafeLoader", "SyntaxProblem",
           "RefusedYaml", "cut"]


@dataclass(frozen=True)
class DataFile:
    """One data file's bytes; decoded only when parsed (the cache key needs the bytes alone)."""

    path: Path
    kind: str
    data: bytes
    name: str = ""  # the path relative to the data folder, as messages show it

    def __post_init__(self):
        if not self.name:
            object.__setattr__(self, "name", self.path.name)

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


def data_files(data_dir: str | os.PathLike) -> "DataFiles":
    """The data folder's kind files (see :func:`graph.data_folder.scan`), in schema order, then ``sources.yaml``
    (kind ``SOURCES_KIND``) when there is one, so that the cache key covers it; raises if there are no kind files.

    Files that look like data but cannot be read or placed are not skipped: they
    travel with the list as ``problems`` and make validation fail.
    """
    from .data_folder import scan

    root = Path(data_dir)
    if not root.is_dir():
        raise DataDirNotFound(f"data folder {str(root)!r} not found (give one with --data DIR or LCG_DATA)")
    found = scan(root)
    if not found and not found.problems:
        expected = ", ".join(k.file for k in schema.NODE_KINDS.values())
        raise DataDirNotFound(f"no data files in {str(root)!r} (expected one or more of: {expected})")
    from .sources import SOURCES_FILE

    if (root / SOURCES_FILE).is_file():
        found.append(DataFile(root / SOURCES_FILE, SOURCES_KIND, (root / SOURCES_FILE).read_bytes(), SOURCES_FILE))
    return found


class DataFiles(list):
    """A list of DataFile, plus ``problems`` ((relative path, message)) and ``leftovers`` (temp files ignored)."""

    problems: list
    leftovers: list


def parse(text: str):
    """The file's value, or a SyntaxProblem with 1-based line and column.

    A file lcg's importers wrote is read without PyYAML when every line has the emitter's shapes
    (graph/importers/yaml_in.py; the values are exactly the same); any other file, or line, is PyYAML's.
    """
    if text.startswith("# lcg: "):
        from .importers.yaml_in import read_emitted

        value = read_emitted(text)
        if value is not None:
            return value
    try:
        return yaml.load(text, Loader=_loader_for(text))
    except RefusedYaml as e:
        mark = e.problem_mark
        return SyntaxProblem(mark.line + 1, mark.column + 1, e.problem, e.expected)
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return SyntaxProblem(line, col, str(e.problem), "plain YAML without tags such as !!python/object: remove the tag")
    except yaml.reader.ReaderError as e:  # a control character: PyYAML gives its offset, not its line
        at = e.position if isinstance(e.position, int) and 0 <= e.position <= len(text) else 0
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        return SyntaxProblem(line, column, f"control character {e.character:#06x} is not allowed in YAML",
                             "text without control characters: delete it (often pasted from a terminal)")
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
