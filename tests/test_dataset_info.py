"""dataset.yaml: the data folder's name and description, read by `lcg stats` and the map, checked by validate,
and never taken for a kind file."""

from __future__ import annotations

import shutil

import pytest

from conftest import SEED
from graph.dataset_info import check_dataset_info, dataset_info


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(SEED, tmp_path / "data")
    return tmp_path / "data"


def test_seed_data_is_named():
    info = dataset_info(SEED)
    assert info.name == "Wolverhampton City Learning Region"
    assert info.description.startswith("Who works with whom")
    assert check_dataset_info(SEED) == []


def test_without_the_file_the_folder_names_the_dataset(folder):
    (folder / "dataset.yaml").unlink()
    assert dataset_info(folder).name == "data" and dataset_info(folder).description == ""
    assert check_dataset_info(folder) == []


def test_stats_and_the_map_use_the_name(lcg, folder, tmp_path):
    result = lcg("stats", "--data", folder)
    assert result.stderr.startswith("Wolverhampton City Learning Region: Who works with whom")
    assert result.stdout.startswith("type ")  # the rows stay on stdout, alone
    out = tmp_path / "map.html"
    assert lcg("map", "--data", folder, "-o", out).exit_code == 0
    page = out.read_text()
    assert "<title>Partnership map: Wolverhampton City Learning Region</title>" in page
    assert "learning-city movement around it" in page


@pytest.mark.parametrize("text,expected", [
    ("name: X\ncolour: red\n", "dataset.yaml:2: unknown field 'colour' (expected one of: name, description)"),
    ("name: [a, b]\n", "dataset.yaml:1: name: expected text"),
    ("description: only\n", "dataset.yaml:1: missing required field 'name'"),
    ("name: 'unclosed\n", "dataset.yaml:2: YAML syntax error"),
])
def test_validate_checks_it_and_loading_ignores_it(lcg, folder, text, expected):
    (folder / "dataset.yaml").write_text(text)
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{folder}/{expected}")
    assert lcg("stats", "--data", folder).exit_code == 0  # not a kind file: the data itself still loads
