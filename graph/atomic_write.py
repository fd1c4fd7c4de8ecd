"""Write a file whole or not at all: a temp file in the same folder, then one atomic rename.

Why: writing the target in place meant a failure half-way (a full disk, Ctrl-C, an
exception in an exporter) left a truncated file and had already destroyed the
previous one. ``os.replace`` within one folder (one file system) is atomic on
POSIX and Windows, so readers see the old file or the new one, never a mix. It
also replaces a symbolic link itself rather than writing through it to whatever
it points at. The temp file is hidden (``.NAME.XXXX.tmp``) so no loader reads it
as data, and it is removed on any failure, Ctrl-C included.

Used by map, export, decisions and the importers.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_write", "write_text_atomic", "write_bytes_atomic", "TEMP_SUFFIX"]

TEMP_SUFFIX = ".tmp"


def _default_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0o666 less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_write(path, mode: str = "w", *, encoding: str | None = "utf-8", newline: str | None = None,
                 file_mode: int | None = None):
    """A file object to write ``path`` with; the rename happens when the block ends without error.

    ``file_mode``: permissions of the result; by default those of the file replaced, or the
    umask's for a new file (a temp file starts at 0o600).
    """
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
        binary = "b" in mode
        with os.fdopen(fd, mode, **({} if binary else {"encoding": encoding, "newline": newline})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text_atomic(path, text: str, *, encoding: str = "utf-8", file_mode: int | None = None) -> Path:
    with atomic_write(path, "w", encoding=encoding, newline="", file_mode=file_mode) as fh:
        fh.write(text)
    return Path(path)


def write_bytes_atomic(path, data: bytes, *, file_mode: int | None = None) -> Path:
    with atomic_write(path, "wb", file_mode=file_mode) as fh:
        fh.write(data)
    return Path(path)
