"""``dataset.yaml``: the name and description of a data folder, for the map's title and ``lcg stats``.

Optional: without it the dataset is named after its folder. It is not a kind
file (it holds no entries), so loading leaves it alone; ``lcg validate`` checks
it (:func:`check_dataset_info`). Example::

    name: Wolverhampton City Learning Region
    description: Partners, projects and people of the learning city initiative.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DATASET_FILE", "DatasetInfo", "dataset_info", "check_dataset_info"]

DATASET_FILE = "dataset.yaml"
_FIELDS = {"name": "the dataset's name, shown as the map's title and by lcg stats",
           "description": "one or two sentences on what the data covers"}


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    description: str = ""


def _read(data_dir) -> tuple[DatasetInfo, list]:
    from .validate import Problem
    from .yaml_files import line_of, parse

    root = Path(data_dir)
    fallback = DatasetInfo(root.resolve().name)
    path = root / DATASET_FILE
    if not path.is_file():
        return fallback, []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        return fallback, [Problem(DATASET_FILE, (), "", f"not UTF-8 text (byte {e.start}); save it as UTF-8", line=1)]
    value = parse(text)
    if hasattr(value, "column"):  # a SyntaxProblem
        return fallback, [Problem(DATASET_FILE, (), "", f"YAML syntax error at column {value.column}: "
                                  f"{value.message} (expected {value.expected})", line=value.line)]
    if not isinstance(value, dict):
        return fallback, [Problem(DATASET_FILE, (), "", "expected fields name: ... and description: ...", line=1)]
    problems = []
    finder = None

    def problem(key, message):
        nonlocal finder
        finder = finder or line_of(text)
        problems.append(Problem(DATASET_FILE, (key,), "", message, line=finder.line((key,))))

    for key, v in value.items():
        if key not in _FIELDS:
            problem(key, f"unknown field {key!r} (expected one of: {', '.join(_FIELDS)})")
        elif not isinstance(v, str) or not v.strip():
            problem(key, f"{key}: expected text ({_FIELDS[key]}), got {v!r}")
    if "name" not in value:
        problems.append(Problem(DATASET_FILE, (), "", f"missing required field 'name' ({_FIELDS['name']})", line=1))
    if problems:
        return fallback, problems
    return DatasetInfo(value["name"].strip(), str(value.get("description") or "").strip()), []


def dataset_info(data_dir: str | os.PathLike) -> DatasetInfo:
    """The folder's name and description (from dataset.yaml; else the folder's name, no description)."""
    return _read(data_dir)[0]


def check_dataset_info(data_dir: str | os.PathLike) -> list:
    """What is wrong with the folder's dataset.yaml, as ``validate.Problem``s (none when absent or fine)."""
    return _read(data_dir)[1]
