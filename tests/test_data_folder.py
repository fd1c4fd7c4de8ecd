"""Data folders that grow: every YAML file is read or reported, never skipped in silence (graph/data_folder.py)."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import SEED
from graph.dataset import load_dataset


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "data"
    shutil.copytree(SEED, out)
    return out


def _ids(folder):
    return {n.id: n.kind for n in load_dataset(folder).nodes}


@pytest.mark.parametrize("name", ["organisations-2024.yaml", "Organisations_extra.YML", "imports/team-a/organisations.yaml",
                                  "imports/team-a/deep/organisations.yml"])
def test_files_that_follow_the_naming_rule_are_read_and_listed(lcg, folder, name):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("- id: extra-org\n  name: Extra Org\n")
    assert _ids(folder)["extra-org"] == "Organisation"
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 0 and f"Also read: {name} (Organisation)" in result.output


@pytest.mark.parametrize("name", ["places.yml", "Places.yaml"])
def test_places_under_another_spelling_are_read(folder, name):
    (folder / "places.yaml").rename(folder / name)
    assert _ids(folder)["wolverhampton"] == "Place"


def test_a_header_line_names_the_kind(lcg, folder):
    (folder / "imports" / "x").mkdir(parents=True)
    (folder / "imports" / "x" / "from-the-team.yaml").write_text("# lcg: places\n- id: extra-place\n  name: Extra\n")
    assert _ids(folder)["extra-place"] == "Place"
    (folder / "projects-more.yaml").write_text("# lcg: places\n- id: p\n  name: P\n")
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 1
    assert "projects-more.yaml:1: its name says Project but its first line says Place" in result.output


def test_a_stray_yaml_file_is_a_validation_error_with_its_path(lcg, folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "partners-2024.yaml").write_text("- id: a\n  name: A\n")
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 1
    assert f"{folder}/sub/partners-2024.yaml:1: not a data file the tool can place" in result.output
    assert "# lcg: <kind>" in result.output
    for name in ("dataset.yaml", "decisions.yaml", "README.md", "notes.txt"):  # the tool's own files, and non-YAML
        (folder / "sub" / "partners-2024.yaml").unlink(missing_ok=True)
        (folder / name).write_text({"decisions.yaml": "[]\n", "dataset.yaml": "name: Test data\n"}.get(name, "x: 1\n"))
    assert lcg("validate", "--data", folder).exit_code == 0


@pytest.mark.parametrize("make, message", [
    (lambda p: p.mkdir(), "is a folder named like a data file"),
    (lambda p: p.symlink_to(p.parent / "missing.yaml"), "is a broken symbolic link"),
    (lambda p: p.symlink_to(p), "is a symbolic link loop"),
    (lambda p: os.mkfifo(p), "is not a regular file"),
])
def test_kind_files_that_cannot_be_read_are_errors(lcg, folder, make, message):
    make(folder / "people-more.yaml")
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 1 and f"people-more.yaml:1: {message}" in result.output
    result = lcg("stats", "--data", folder)  # every command refuses, not only validate
    assert result.exit_code == 1


def test_a_broken_file_is_not_hidden_by_the_cache(lcg, folder):
    assert lcg("stats", "--data", folder).exit_code == 0  # warms the cache
    (folder / "people-2.yaml").symlink_to(folder / "missing.yaml")
    assert lcg("stats", "--data", folder).exit_code == 1


def test_a_leftover_temp_file_is_ignored_by_the_loader_and_reported(lcg, folder):
    (folder / ".organisations.yaml.k3j2.tmp").write_text("- id: half-written\n  name: Half\n")
    assert "half-written" not in _ids(folder)
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 0
    assert "Warning:" in result.output and ".organisations.yaml.k3j2.tmp: temp file left by an interrupted write" \
        in result.output


def test_the_same_id_in_two_files_is_reported(lcg, folder):
    (folder / "organisations-copy.yaml").write_text("- id: university-of-wolverhampton\n  name: Again\n")
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 1 and "university-of-wolverhampton" in result.output


def test_a_yaml_file_that_says_it_is_not_data_is_left_alone(lcg, folder):
    (folder / "proposal.yaml").write_text("# lcg: ignore (a proposal for lcg overlaps)\nid: bid\nname: Bid\n")
    assert lcg("validate", "--data", folder).exit_code == 0


def test_an_import_s_folder_of_files_is_listed_once(lcg, folder):
    """An import writes one file per kind; three imports listed file by file made a paragraph on every run."""
    for n, kind in enumerate(("organisations", "projects", "places")):
        path = folder / "imports" / "team-b" / f"{kind}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"- id: extra-{n}\n  name: Extra {n}\n")
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 0 and "Also read: imports/team-b/ (3 files)" in result.output, result.output
