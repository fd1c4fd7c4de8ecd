"""The graph cache is a pickle, which runs code when loaded: a planted entry must never be loaded.

Real files and folders: a folder others can write, a file others can write, a link,
and (when the tests run as root, who can give a file away) a file owned by another user.
Each time the command answers from the data and the planted code does not run.
"""

from __future__ import annotations

import os
import pickle
import shutil

import pytest

from conftest import FIXTURES


class Planted:
    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))  # creates the marker file when unpickled


def _cache_file(data, cache):
    import hashlib
    from pathlib import Path

    from graph.loading import dataset_key

    prefix = hashlib.sha256(str(Path(data).resolve()).encode()).hexdigest()[:16]
    return cache / f"{prefix}-{dataset_key(data)[:32]}.pickle"


CASES = ["folder-writable-by-others", "file-writable-by-others", "symlink"] + (
    ["file-of-another-user", "folder-of-another-user"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])


@pytest.mark.parametrize("case", CASES)
def test_planted_cache_entry_is_not_loaded(lcg, tmp_path, monkeypatch, case):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny", data)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("LCG_CACHE_DIR", str(cache))
    marker = tmp_path / "code-ran"
    path = _cache_file(data, cache)
    payload = pickle.dumps((Planted(marker), None))
    if case == "symlink":
        elsewhere = tmp_path / "elsewhere.pickle"
        elsewhere.write_bytes(payload)
        path.symlink_to(elsewhere)
    else:
        path.write_bytes(payload)
    if case == "folder-writable-by-others":
        cache.chmod(0o777)
    if case == "file-writable-by-others":
        path.chmod(0o666)
    if case == "file-of-another-user":
        os.chown(path, 65534, 65534)
    if case == "folder-of-another-user":
        os.chown(cache, 65534, 65534)
    result = lcg("stats", "--data", data, "--format", "json")
    assert result.exit_code == 0, result.output
    assert not marker.exists(), "a planted cache entry ran code"
    assert '"nodes"' in result.stdout or "7" in result.stdout


def test_cache_folder_made_private_and_used(lcg, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny", data)
    cache = tmp_path / "new" / "cache"
    monkeypatch.setenv("LCG_CACHE_DIR", str(cache))
    assert lcg("stats", "--data", data).exit_code == 0
    assert cache.stat().st_mode & 0o777 == 0o700
    assert _cache_file(data, cache).exists()


class _FailsHalfway:
    """Pickles as a disk that fills up part-way through the entry would: an OSError mid-stream."""

    def __reduce__(self):
        raise OSError(28, "No space left on device")


def test_cache_entry_written_whole_private_or_not_at_all(lcg, tmp_path, monkeypatch):
    """The entry goes through graph/atomic_write.py: 0600, no temp file left, a failed write leaves nothing."""
    from graph.loading import _write_atomically

    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny", data)
    cache = tmp_path / "cache"
    monkeypatch.setenv("LCG_CACHE_DIR", str(cache))
    assert lcg("stats", "--data", data).exit_code == 0
    path = _cache_file(data, cache)
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in cache.iterdir()) == [path.name]  # no temp file beside it
    key, graph = pickle.loads(path.read_bytes())
    assert graph.number_of_nodes() > 0

    _write_atomically(path, (key, [graph, _FailsHalfway()]))  # a full disk costs speed, never correctness
    assert list(cache.iterdir()) == []  # the half-written temp file is gone; the old entry was dropped first
    result = lcg("stats", "--data", data, "--format", "json")
    assert result.exit_code == 0 and path.exists(), result.output  # rebuilt and cached again
