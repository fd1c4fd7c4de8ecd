"""Files lcg writes: whole or not at all, never into the data folder, never through a link, no silent overwrite."""

from __future__ import annotations

import shutil

import networkx as nx
import pytest

from conftest import FIXTURES

TINY = FIXTURES / "tiny"


def _error_line(result):
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


class Unprintable:
    """A value whose text cannot be made: the exporter fails half-way through the file."""

    def __str__(self):
        raise RuntimeError("cannot print this value")


def test_failed_export_keeps_the_previous_file_and_leaves_no_temp(tmp_path):
    from visualise.exports import export

    target = tmp_path / "graph.json"
    target.write_text("the previous export\n")
    g = nx.MultiDiGraph()
    for i in range(2000):
        g.add_node(f"n{i}", kind="Organisation", name="x" * 50)
    g.add_node("zz-last", kind="Organisation", name=Unprintable())
    with pytest.raises(RuntimeError):
        export(g, "json", target)
    assert target.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.json"]


def test_atomic_write_removes_its_temp_file_on_interrupt(tmp_path):
    from graph.atomic_write import atomic_write

    target = tmp_path / "out.html"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt):
        with atomic_write(target) as fh:
            fh.write("half a new file")
            raise KeyboardInterrupt
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_atomic_write_writes_whole_files_only(tmp_path):
    """Appending or updating in place cannot be done by replacing the file: refused, nothing touched."""
    from graph.atomic_write import atomic_write

    target = tmp_path / "out.txt"
    target.write_text("old")
    for mode in ("a", "r+", "ab"):
        with pytest.raises(ValueError, match="whole file"):
            with atomic_write(target, mode):
                pass
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    with atomic_write(target, "wb", file_mode=0o640, sync=False) as fh:  # bytes, streamed, no fsync
        fh.write(b"new \xe2\x9c\x93")
    assert target.read_text(encoding="utf-8") == "new \u2713" and target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("cmd", [("map",), ("export", "--format", "graphml"), ("export", "--format", "csv")])
def test_existing_output_needs_force(lcg, tmp_path, cmd):
    name = "csv-" if "csv" in cmd else "out.x"
    existing = tmp_path / ("csv-nodes.csv" if "csv" in cmd else name)
    existing.write_text("keep me")
    line = _error_line(lcg(*cmd, "--data", TINY, "-o", tmp_path / name))
    assert "already exists" in line and "--force" in line
    assert existing.read_text() == "keep me"
    assert lcg(*cmd, "--data", TINY, "-o", tmp_path / name, "--force").exit_code == 0
    assert existing.read_text() != "keep me"


def test_output_symlink_is_not_followed(lcg, tmp_path):
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("not an export")
    link = tmp_path / "map.html"
    link.symlink_to(elsewhere)
    assert "symbolic link" in _error_line(lcg("map", "--data", TINY, "-o", link))
    assert lcg("map", "--data", TINY, "-o", link, "--force").exit_code == 0
    assert elsewhere.read_text() == "not an export"  # the link was replaced, not written through
    assert not link.is_symlink() and "<html" in link.read_text().lower()


def test_output_never_into_the_data_folder(lcg, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    link = tmp_path / "innocent.graphml"
    link.symlink_to(data / "organisations.yaml")
    for cmd, target in ((("export", "--format", "json"), data / "organisations.yaml"),
                        (("map",), data / "map.html"),
                        (("export", "--format", "graphml"), link),
                        (("export", "--format", "csv"), data)):
        line = _error_line(lcg(*cmd, "--data", data, "-o", target, "--force"))
        assert "inside the data folder" in line
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
