"""The importers' parse cache writes its entries whole, private, and never raises (graph.atomic_write)."""

from __future__ import annotations

import stat

from graph.importers.parse_cache import _MISS, load_json, store_json


def test_an_entry_is_written_whole_and_private(tmp_path):
    folder = tmp_path / "cache"
    path = folder / "abc.json"
    store_json(folder, path, [{"name": "Café", "n": 1}])
    assert load_json(path) == [{"name": "Café", "n": 1}]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    store_json(folder, path, [2])  # replaced, not appended to
    assert load_json(path) == [2]
    assert sorted(p.name for p in folder.iterdir()) == ["abc.json"]


def test_a_failed_write_raises_nothing_and_leaves_no_temp_file(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    target = folder / "abc.json"
    target.mkdir()  # the rename onto a folder fails for real (IsADirectoryError)
    store_json(folder, target, [1])
    assert sorted(p.name for p in folder.iterdir()) == ["abc.json"]
    assert load_json(target) is _MISS
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    store_json(folder, folder / "deep.json", deep)  # RecursionError in the encoder: no entry, no temp file
    assert sorted(p.name for p in folder.iterdir()) == ["abc.json"]
