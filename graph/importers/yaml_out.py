"""Adding imported entries to a data folder without disturbing what is there.

Existing files are hand-edited, with comments and an order people chose, so
new entries are *appended* as YAML text rather than the file being rewritten.
Every file is written to a temporary file first and all are swapped in at the
end, so a failure leaves the folder as it was.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

import yaml

from .. import schema
from ..errors import LcgError

__all__ = ["slug", "ExistingData", "write_entries"]


def slug(*parts) -> str:
    """A readable id: lower case ASCII letters, digits and single hyphens."""
    text = " ".join(str(p) for p in parts if p)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:80].rstrip("-")


class ExistingData:
    """What the output folder already holds: ids, org-ids and grant ids."""

    def __init__(self, out_dir):
        self.root = Path(out_dir)
        self.ids: set[str] = set()
        self.org_by_identifier: dict[str, str] = {}
        self.project_by_id: dict[str, str] = {}
        if self.root.exists() and not self.root.is_dir():
            raise LcgError(f"output {str(self.root)!r} is a file, not a folder (give a folder with -o DIR)")
        for kind in schema.NODE_KINDS.values():
            path = self.root / kind.file
            if not path.is_file():
                continue
            try:
                entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            except yaml.YAMLError as e:
                raise LcgError(f"{path}: not valid YAML ({e.__class__.__name__}); fix it before importing "
                               "(run `lcg validate`)") from None
            if not isinstance(entries, list):
                raise LcgError(f"{path}: expected a list of entries; fix it before importing")
            for e in entries:
                if not isinstance(e, dict) or "id" not in e:
                    continue
                self.ids.add(str(e["id"]))
                for ident in e.get("identifiers") or ():
                    target = self.org_by_identifier if kind.name == "Organisation" else self.project_by_id
                    if kind.name in ("Organisation", "Project"):
                        target.setdefault(str(ident).upper() if kind.name == "Organisation" else str(ident),
                                          str(e["id"]))

    def has_id(self, node_id: str) -> bool:
        return node_id in self.ids

    def by_identifier(self, identifiers) -> str | None:
        return next((self.org_by_identifier[i.upper()] for i in identifiers if i.upper() in self.org_by_identifier),
                    None)

    def project_by_identifier(self, grant_id: str) -> str | None:
        return self.project_by_id.get(grant_id)

    def free_id(self, preferred: str, fallback: str) -> str:
        """``preferred`` if no entry uses it yet, else ``fallback`` (numbered if need be); reserved."""
        candidates = [preferred, fallback] + [f"{fallback}-{n}" for n in range(2, 1000)]
        node_id = next(c for c in candidates if c and c not in self.ids)
        self.ids.add(node_id)
        return node_id


def _yaml_text(entries: list[dict]) -> str:
    return yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file: 0o666 less the process umask (read by setting it back)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_entries(out_dir, by_file: dict[str, list[dict]]) -> None:
    """Append ``entries`` to each file of ``out_dir`` (created if missing), all or nothing."""
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, entries in by_file.items():
            if not entries:
                continue
            path = root / name
            old = path.read_text(encoding="utf-8") if path.is_file() else ""
            if old.strip() and yaml.safe_load(old):
                text = old + ("" if old.endswith("\n") else "\n") + _yaml_text(entries)
            else:
                text = _yaml_text(entries)
            fd, tmp = tempfile.mkstemp(dir=root, prefix=f".{name}.", suffix=".tmp")
            # mkstemp makes the file 0600; the replaced file keeps its own mode, a new one the usual 0644-ish.
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode) if path.is_file() else _new_file_mode())
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            staged.append((tmp, path))
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
