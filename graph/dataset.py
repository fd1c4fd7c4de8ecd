"""A validated, immutable dataset: what every backend is built from.

Loading is all-or-nothing: :func:`load_dataset` either returns a complete
:class:`Dataset` or raises :class:`ValidationFailed` carrying *every* problem
found, each with file and line, so a partnership officer fixes a file in one
pass instead of one error per run. Nothing downstream ever sees half a dataset.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .gc_pause import paused_gc
from .errors import ValidationFailed
from .records import FrozenProps, Node, Rel
from .validate import Problem, Validator
from .yaml_files import SOURCES_KIND, SyntaxProblem, data_files, line_of, parse

__all__ = ["Node", "Rel", "Dataset", "FrozenProps", "load_dataset", "check_dataset", "Problem"]


@dataclass(frozen=True)
class Dataset:
    name: str
    nodes: tuple[Node, ...]
    rels: tuple[Rel, ...]

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        nodes: dict[str, int] = {}
        rels: dict[str, int] = {}
        for n in self.nodes:
            nodes[n.kind] = nodes.get(n.kind, 0) + 1
        for r in self.rels:
            rels[r.kind] = rels.get(r.kind, 0) + 1
        return nodes, rels


def check_dataset(data_dir: str | os.PathLike, files=None) -> tuple[Dataset | None, list[Problem]]:
    """Parse and validate a data folder: (dataset, []) or (None, every problem, sorted).

    ``files``: the folder's ``data_files``, when the caller has read them already.
    """
    with paused_gc():
        return _check_dataset(data_dir, data_files(data_dir) if files is None else files)


def _check_dataset(data_dir, files, parsed=None) -> tuple[Dataset | None, list[Problem]]:
    """``parsed``: relative path -> value, for files the caller has parsed already (an import's index)."""
    validator = Validator()
    texts = {}
    for relpath, message in getattr(files, "problems", ()):
        texts[relpath] = ""
        validator.problems.append(Problem(relpath, (), "", message, line=1))
    known_sources = None
    for f in files:
        texts[f.name] = f.text
        if f.problem:
            validator.unreadable_file(f.name, f.text, Problem(
                f.name, (), "", f"column {f.problem.column}: {f.problem.message}", line=f.problem.line))
            continue
        value = parsed[f.name] if parsed and f.name in parsed else parse(f.text)
        if isinstance(value, SyntaxProblem):
            validator.unreadable_file(f.name, f.text, Problem(
                f.name, (), "", f"YAML syntax error at column {value.column}: {value.message} "
                f"(expected {value.expected})", line=value.line))
            continue
        if f.kind == SOURCES_KIND:
            known_sources = _read_sources(validator, f.name, value)
        else:
            validator.read_file(f.name, f.kind, value)
    if known_sources is not None:
        validator.check_sources(known_sources)
    nodes, rels = validator.finish()
    problems = validator.problems
    if problems:
        finders: dict = {}
        for p in problems:
            if p.line is None:
                finder = finders.get(p.file) or finders.setdefault(p.file, line_of(texts[p.file]))
                p.line = finder.line(p.path)
        problems.sort(key=lambda p: (p.file, p.line, p.message))
        return None, problems
    name = Path(data_dir).resolve().name
    return Dataset(name, tuple(nodes), tuple(rels)), []


def _read_sources(validator: Validator, file: str, value) -> set[str]:
    """The keys of ``sources.yaml``, its problems added to the validator's."""
    from .sources import parse_sources

    found, problems = parse_sources(value)
    validator.problems += [Problem(file, p.path, p.key, p.message) for p in problems]
    return set(found)


def load_dataset(data_dir: str | os.PathLike, files=None) -> Dataset:
    """The validated dataset of a folder, or ValidationFailed with every problem."""
    dataset, problems = check_dataset(data_dir, files)
    if problems:
        raise ValidationFailed(problems)
    assert dataset is not None  # no problems: check_dataset built it
    return dataset
