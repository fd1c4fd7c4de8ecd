"""Write a file whole or not at all: a temp file in the same folder, then one atomic rename.

Why: writing the target in place meant a failure half-way (a full disk, Ctrl-C, an
exception in an exporter) left a truncated file and had already destroyed the
previous one. ``os.replace`` within one folder (one file system) is atomic on
POSIX and Windows, so readers see the old file or the new one, never a mix. It
also replaces a symbolic link itself rather than writing through it to whatever
it points at. The temp file is hidden (``.NAME.XXXX.tmp``) so no loader reads it
as data, and it is removed on any failure, Ctrl-C included.

Used by map, export, decisions, the importers and the graph cache (graph/loading.py).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_write", "write_text_atomic", "write_bytes_atomic", "TEMP_SUFFIX"]

TEMP_SUFFIX = ".tmp"


def _default_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0o666 less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8",
                 newline: str | None = None, file_mode: int | None = None, sync: bool = True) -> Iterator[IO[Any]]:
    """A file object to write ``path`` with; the rename happens when the block ends without error.

    ``mode``: "w" (text, ``encoding``/``newline`` apply) or "wb" (bytes, e.g. a pickle streamed in).
    ``file_mode``: permissions of the result; by default those of the file replaced, or the
    umask's for a new file (a temp file starts at 0o600).
    ``sync``: flush the bytes to disk before the rename, so a power cut leaves the old file or the
    new one. A cache that is rebuilt when unreadable can skip it (a large file's fsync costs time).
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write writes a whole file: mode 'w' or 'wb', not {mode!r}")
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if file_mode is None:
        try:
            file_mode = os.stat(path, follow_symlinks=False).st_mode & 0o777
            if os.path.islink(path):
                file_mode = _default_mode()
        except OSError:
            file_mode = _default_mode()
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        fh: IO[Any]
        if mode == "wb":
            fh = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with fh:
            yield fh
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.chmod(tmp, file_mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", file_mode: int | None = None) -> Path:
    with atomic_write(path, "w", encoding=encoding, newline="", file_mode=file_mode) as fh:
        fh.write(text)
    return Path(path)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, *, file_mode: int | None = None) -> Path:
    with atomic_write(path, "wb", file_mode=file_mode) as fh:
        fh.write(data)
    return Path(path)
