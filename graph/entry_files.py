"""Which file of a data folder holds an entry, so merge advice names the file to edit.

A data folder can hold several files per kind (``organisations-2024.yaml``, an
import's ``imports/360giving-wolfson-foundation/organisations.yaml``), and the
loaded graph keeps no file per node (neither backend has a place for it, and the
cached graph is the same whichever file an entry came from). So the file is looked
up when advice needs it: only files of the entry's kind whose text holds the id at
all are parsed, each once.
"""

from __future__ import annotations

import os

__all__ = ["EntryFiles"]


class EntryFiles:
    """``EntryFiles(data_dir)(entry_id, kind)``: the relative path of the file whose entry has that id, or None."""

    def __init__(self, data_dir: str | os.PathLike):
        self._data_dir = data_dir
        self._files: list | None = None
        self._parsed: set[str] = set()
        self._found: dict[tuple[str, str], tuple[str, dict]] = {}  # (kind, id) -> (file, entry as written)

    def __call__(self, entry_id: str, kind: str) -> str | None:
        if (kind, entry_id) in self._found:
            return self._found[(kind, entry_id)][0]
        if self._files is None:
            from .errors import DataDirNotFound
            from .yaml_files import data_files

            try:
                self._files = list(data_files(self._data_dir))
            except DataDirNotFound:  # a folder of decisions only, beside a Neo4j graph: no file to name
                self._files = []
        for f in self._files:
            if f.kind != kind or f.name in self._parsed or entry_id not in f.text:
                continue
            self._parsed.add(f.name)
            self._read(f)
            if (kind, entry_id) in self._found:
                return self._found[(kind, entry_id)][0]
        return None

    def entry(self, entry_id: str, kind: str) -> dict | None:
        """The entry as its file has it (None when no file has it)."""
        return self._found[(kind, entry_id)][1] if self(entry_id, kind) else None

    def imported(self, name: str) -> bool:
        """True when the file at relative path ``name`` is one an import writes (and a re-import rewrites)."""
        from .importers.yaml_out import written_by_import

        return any(f.name == name and written_by_import(f.text) for f in self._files or ())

    def _read(self, f) -> None:
        from .yaml_files import parse

        value = parse(f.text)
        for entry in value if isinstance(value, list) else ():
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                self._found.setdefault((f.kind, entry["id"]), (f.name, entry))
