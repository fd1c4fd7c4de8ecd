"""Writing the files `lcg map` and `lcg export` are asked for, with failures a user can act on.

The operating system says "No such file or directory (/no-dir/x.html)", which does
not tell the user that the missing thing is the folder. Every failure here becomes
one ``CannotWrite`` line: ``cannot write PATH: folder DIR does not exist``,
``... permission denied (folder DIR)`` and so on. ``check_writable`` runs before
the (possibly slow) layout or export so a typo fails at once; ``writing`` wraps
the write itself for what a check cannot foresee (permissions for root, a full disk).
"""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager
from pathlib import Path

from graph.errors import LcgError

__all__ = ["CannotWrite", "check_writable", "check_output", "writing", "reason"]


class CannotWrite(LcgError):
    """An output file or folder that cannot be written where the user asked."""


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_writable(path, *, folder_ok: bool = False) -> None:
    """Raise CannotWrite when ``path`` clearly cannot be written: missing folder, a folder in the way..."""
    path = Path(path)
    folder = _folder(path)
    if not folder.exists():
        raise CannotWrite(f"cannot write {path}: folder {folder} does not exist")
    if not folder.is_dir():
        raise CannotWrite(f"cannot write {path}: {folder} is a file, not a folder")
    if path.is_dir() and not folder_ok:
        raise CannotWrite(f"cannot write {path}: it is a folder; give a file name")
    if path.exists():
        if not path.is_dir() and not os.access(path, os.W_OK):
            raise CannotWrite(f"cannot write {path}: permission denied (the file is read-only for you)")
    elif not os.access(folder, os.W_OK | os.X_OK):
        raise CannotWrite(f"cannot write {path}: permission denied (folder {folder})")


def check_output(path, *, force: bool = False, data_dir=None, folder_ok: bool = False) -> None:
    # folder_ok: the file's folder may be missing (created by the export)
    """The rules for a file the user names with ``-o``, checked before any work.

    Never into the data folder (an export named ``organisations.yaml`` there, or
    a symbolic link into it, destroyed the data being read); an existing file or
    link is replaced only with ``force`` (and then the link itself, never what it
    points at: writes are a temp file and a rename, graph/atomic_write.py).
    """
    path = Path(path)
    if data_dir is not None and Path(data_dir).is_dir():
        data = Path(data_dir).resolve()
        for candidate in (path.resolve(), _folder(path).resolve() / path.name):
            if candidate == data or data in candidate.parents:
                raise CannotWrite(f"cannot write {path}: it is inside the data folder {data_dir}; "
                                  "write outputs to another folder")
    if not (folder_ok and not _folder(path).exists()):  # a CSV export creates its folder
        check_writable(path)
    if os.path.lexists(path) and not force:
        what = "a symbolic link" if path.is_symlink() else "a file"
        raise CannotWrite(f"{path} already exists ({what}); add --force to replace it, or give another name")


def reason(path, error: OSError) -> str:
    """One line for an OSError met while writing ``path``."""
    path = Path(path)
    target = Path(error.filename) if getattr(error, "filename", None) else path
    if target.parent == _folder(path):  # the file itself or its temp file beside it (graph/atomic_write.py)
        target = path
    folder = _folder(target)
    code = error.errno
    if code == errno.ENOENT:
        return f"cannot write {target}: folder {folder} does not exist"
    if code in (errno.EACCES, errno.EPERM):
        where = "" if target.exists() else f" (folder {folder})"
        return f"cannot write {target}: permission denied{where}"
    if code == errno.EISDIR:
        return f"cannot write {target}: it is a folder; give a file name"
    if code == errno.ENOTDIR:
        return f"cannot write {target}: a part of {folder} is a file, not a folder"
    if code == errno.ENOSPC:
        return f"cannot write {target}: no space left on the device"
    if code == errno.EROFS:
        return f"cannot write {target}: the file system is read-only"
    return f"cannot write {target}: {(error.strerror or str(error)).lower()}"


@contextmanager
def writing(path):
    """Turn an OSError raised while writing ``path`` into one CannotWrite line."""
    try:
        yield
    except OSError as e:
        raise CannotWrite(reason(path, e)) from None
