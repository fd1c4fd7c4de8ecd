"""Opening a data folder for the commands, with a cache that is never stale.

Every command reads the whole data folder, so the validated data is cached, as
the built networkx graph, by the SHA-256 of the data files' bytes (plus the
tool's version): a second run over unchanged files skips parsing, validation and
building; any edit changes the key. Caching the graph rather than the dataset
is what makes a warm start fast: unpickling a million-relationship graph takes
about 2.5 s and under 1 GB (bench/RESULTS.md), where rebuilding it from a
cached dataset took 25 s. The cache is written atomically, so a killed run
leaves no half file; an unreadable cache entry is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from . import __version__
from .bulk import paused_gc
from .dataset import Dataset, load_dataset
from .yaml_files import data_files

__all__ = ["open_graph", "open_dataset", "cache_dir", "dataset_key"]

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
    for name in ("schema.py", "validate.py", "yaml_files.py", "dataset.py", "records.py", "embedded.py",
                 "loading.py", "bulk.py", "sources.py"):
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
    for f in data_files(data_dir) if files is None else files:
        data = f.data
        h.update(f.path.name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest()


def open_graph(data_dir, *, use_cache: bool = True):
    """The validated data of ``data_dir`` as the embedded MultiDiGraph; raises ValidationFailed on bad data."""
    from .embedded import build_graph

    if not use_cache or os.environ.get("LCG_NO_CACHE"):
        return build_graph(load_dataset(data_dir))
    files = data_files(data_dir)  # read once: for the key, and for the load on a miss
    key = dataset_key(data_dir, files)
    prefix = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    path = cache_dir() / f"{prefix}-{key[:32]}.pickle"
    try:
        with open(path, "rb") as fh, paused_gc(freeze=True):
            cached_key, cached = pickle.load(fh)
        if cached_key == key:
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    with paused_gc(freeze=True):
        graph = build_graph(load_dataset(data_dir, files))
    _write_atomically(path, (key, graph))
    return graph


def open_dataset(data_dir, *, use_cache: bool = True) -> Dataset:
    """The validated dataset of ``data_dir`` (from the cached graph when there is one).

    Relationships come in the graph's adjacency order, not file order.
    """
    if not use_cache or os.environ.get("LCG_NO_CACHE"):
        return load_dataset(data_dir)
    from .embedded import dataset_from_graph

    return dataset_from_graph(open_graph(data_dir))


def _write_atomically(path: Path, entry) -> None:
    """Replace this folder's previous cache entry, so the cache holds one per folder."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in path.parent.glob(path.name.split("-")[0] + "-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        # A read-only home or a full disk costs speed, never correctness.
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass
