"""Opening a data folder for the commands, with a cache that is never stale.

Every command reads the whole data folder, so the validated data is cached, as
the built networkx graph, by the SHA-256 of the data files' bytes (plus the
tool's version): a second run over unchanged files skips parsing, validation and
building; any edit changes the key. Caching the graph rather than the dataset
is what makes a warm start fast: unpickling a million-relationship graph takes
a fraction of the time rebuilding it from a cached dataset took (bench/RESULTS.md,
"Loading"). The cache is written atomically (graph/atomic_write.py), so a killed
run leaves no half file; an unreadable cache entry is ignored and rebuilt.

A pickle runs code when loaded, so a cache entry is only read from a folder
this user owns that no one else can write (made 0700), from a regular file (not
a link) this user owns that no one else can write, checked on the open file
itself. Anything else (a folder or file planted by another user, a shared
``LCG_CACHE_DIR``) is not read and the graph is rebuilt; a folder that is not
this user's is not written either.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from . import __version__
from .gc_pause import paused_gc
from .dataset import Dataset, load_dataset
from .yaml_files import data_files

__all__ = ["open_graph", "open_dataset", "cache_dir", "dataset_key", "cached_graph"]

_FORMAT = 2


def cache_dir() -> Path:
    base = os.environ.get("LCG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "lcg")
    return Path(base)


def _code_stamp() -> str:
    """Size and mtime of the modules that decide what a loaded graph holds.

    An edited validator or schema (an editable install, a developer's tree)
    must not be answered from a graph the old code built; stat-ing a dozen
    files costs well under a millisecond.
    """
    here = Path(__file__).resolve().parent
    parts = []
    for name in ("schema.py", "validate.py", "yaml_files.py", "dataset.py", "records.py", "nx_build.py",
                 "loading.py", "gc_pause.py", "data_folder.py", "sources.py"):
        try:
            st = (here / name).stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:missing")
    return ";".join(parts)


def dataset_key(data_dir, files=None) -> str:
    h = hashlib.sha256(f"lcg {__version__} format {_FORMAT} code {_code_stamp()}\n".encode())
    root = Path(data_dir).resolve()
    h.update(str(root).encode() + b"\0")
    files = data_files(data_dir) if files is None else files
    for relpath, message in getattr(files, "problems", ()):  # an unreadable file must fail every run, cached or not
        h.update(f"problem {relpath}: {message}\0".encode())
    for f in files:
        data = f.data
        h.update(f.name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest()


def _private_folder(folder: Path, *, create: bool) -> bool:
    """True when ``folder`` is this user's and closed to others (made so when it is ours)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: per-user profile folders
        return True
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.stat(folder, follow_symlinks=False)
        import stat

        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
            return False
        if st.st_mode & 0o077:
            if not create:  # others could write here: nothing in it is trusted (the writer closes it)
                return False
            os.chmod(folder, 0o700)
        return True
    except OSError:
        return False


def _read_cache(path: Path):
    """(key, graph) from a cache file this user owns and only they can write; None otherwise."""
    if not _private_folder(path.parent, create=False):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        import stat

        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()) \
                or st.st_mode & 0o022:
            return None
        with paused_gc(freeze=True):
            return pickle.load(fh)


def open_graph(data_dir, *, use_cache: bool = True):
    """The validated data of ``data_dir`` as the embedded MultiDiGraph; raises ValidationFailed on bad data."""
    from .nx_build import build_graph

    if not use_cache or os.environ.get("LCG_NO_CACHE"):
        return build_graph(load_dataset(data_dir))
    files = data_files(data_dir)  # read once: for the key, and for the load on a miss
    key = dataset_key(data_dir, files)
    path = _cache_path(data_dir, key)
    cached = _cached(path, key)
    if cached is not None:
        return cached
    with paused_gc(freeze=True):
        graph = build_graph(load_dataset(data_dir, files))
    _write_atomically(path, (key, graph))
    return graph


def _cache_path(data_dir, key: str) -> Path:
    prefix = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return cache_dir() / f"{prefix}-{key[:32]}.pickle"


def _cached(path: Path, key: str):
    try:
        entry = _read_cache(path)
        if entry is not None:
            cached_key, cached = entry
            if cached_key == key:
                return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    return None


def cached_graph(data_dir, files):
    """The graph an earlier command cached for exactly these ``files`` of ``data_dir``, or None; builds nothing.

    For an importer, which needs what the folder holds but need not build a graph to learn it.
    """
    if os.environ.get("LCG_NO_CACHE"):
        return None
    key = dataset_key(data_dir, files)
    return _cached(_cache_path(data_dir, key), key)


def open_dataset(data_dir, *, use_cache: bool = True) -> Dataset:
    """The validated dataset of ``data_dir`` (from the cached graph when there is one).

    Relationships come in the graph's adjacency order, not file order.
    """
    if not use_cache or os.environ.get("LCG_NO_CACHE"):
        return load_dataset(data_dir)
    from .nx_build import dataset_from_graph

    return dataset_from_graph(open_graph(data_dir))


def _write_atomically(path: Path, entry) -> None:
    """Replace this folder's previous cache entry, so the cache holds one per folder.

    Written whole or not at all through graph/atomic_write.py, streamed (no bytes copy of a
    large graph), readable by this user only, and not fsynced: an entry lost or cut by a
    power failure fails to unpickle and is rebuilt.
    """
    from .atomic_write import atomic_write

    try:
        if not _private_folder(path.parent, create=True):
            return  # another user's folder: a file left there could be replaced by them
        for old in path.parent.glob(path.name.split("-")[0] + "-*.pickle"):
            old.unlink(missing_ok=True)
        with atomic_write(path, "wb", file_mode=0o600, sync=False) as fh:
            pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass  # a read-only home or a full disk costs speed, never correctness (no temp file is left)
