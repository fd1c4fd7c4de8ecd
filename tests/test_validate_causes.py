"""`lcg validate` puts causes first: one broken entry in people.yaml, referenced from many places, is the first
line printed; the unknown-id problems that only follow from it are folded under it with a count."""

from __future__ import annotations

import shutil

import pytest

from conftest import SEED

PERSON = "alan-tuckett"  # referenced from events, networks, projects...


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(SEED, tmp_path / "data")
    return tmp_path / "data"


def _references(folder) -> int:
    """How many times other entries name PERSON (counted from the files, not from the code under test)."""
    import yaml

    n = 0

    def walk(v):
        nonlocal n
        if isinstance(v, dict):
            if v.get("id") == PERSON and "name" not in v:
                n += 1
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                n += x == PERSON if isinstance(x, str) else 0
                walk(x)

    for f in folder.glob("*.yaml"):
        walk(yaml.safe_load(f.read_text()))
    return n


def _break(folder, old: str, new: str) -> int:
    people = folder / "people.yaml"
    lines = people.read_text().splitlines(keepends=True)
    i = next(i for i, x in enumerate(lines) if x.rstrip() == old)
    lines[i] = new
    people.write_text("".join(lines))
    return i + 1


def _check(lcg, folder, cause_line: int, cause_text: str, knock_on: int):
    result = lcg("validate", "--data", folder)
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[0].startswith(f"{folder}/people.yaml:{cause_line}:") and cause_text in out[0]
    assert out[1].startswith(f"  ...and {knock_on} unknown-id problems that follow from it")
    assert f"unknown id {PERSON!r}" not in result.stdout  # folded, not listed one by one
    assert result.stderr.strip() == f"Error: 1 problem in {folder} (and {knock_on} that follow from it)"


def test_a_bad_id_comes_first_with_its_knock_on_problems_counted(lcg, folder):
    knock_on = _references(folder)
    assert knock_on >= 5
    line = _break(folder, f"- id: {PERSON}", "- id: Alan Tuckett\n")
    _check(lcg, folder, line, "bad id", knock_on)


def test_a_yaml_syntax_error_comes_first_with_every_unknown_id_it_causes(lcg, folder):
    _break(folder, f"- id: {PERSON}", f"- id: {PERSON}\n  name: \"unclosed\n")
    result = lcg("validate", "--data", folder)
    out = result.stdout.splitlines()
    assert "people.yaml" in out[0] and "YAML syntax error" in out[0]
    assert out[1].startswith("  ...and ") and "unknown-id problems that follow from it" in out[1]
    assert len(out) == 2  # every other problem was a knock-on of the unreadable file
    assert result.stderr.startswith("Error: 1 problem in ")


def test_an_unknown_id_with_no_broken_entry_behind_it_is_its_own_problem(lcg, folder):
    events = folder / "events.yaml"
    events.write_text(events.read_text().replace(f"- id: {PERSON}\n", "- id: nobody-at-all\n", 1))
    result = lcg("validate", "--data", folder)
    assert "unknown id 'nobody-at-all'" in result.stdout.splitlines()[0]
    assert result.stderr.strip() == f"Error: 1 problem in {folder}"
