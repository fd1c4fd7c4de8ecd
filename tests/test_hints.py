"""Every hint the CLI prints is a command that works when pasted: quoted, with the user's own --data (and
--neo4j); each one is run here exactly as printed, in a shell. Option defaults show their values."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from cli import command_line
from conftest import ROOT, SEED


@pytest.fixture
def folder(tmp_path):
    """The seed data in a folder whose path needs quoting."""
    target = tmp_path / "my data (copy)"
    shutil.copytree(SEED, target)
    return target


def _hint(stderr: str) -> str:
    found = re.findall(r"\(try `([^`]+)`\)|\(see `([^`]+)`\)", stderr)
    assert len(found) == 1, stderr
    return next(x for x in found[0] if x)


def _run_as_pasted(hint: str, cwd) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LCG_DATA", "NEO4J_URI")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(["bash", "-c", hint], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_unknown_name_hint_is_a_quoted_search_on_the_same_folder(lcg, folder, tmp_path):
    result = lcg("show", "universite de wolverhamptn's", "--data", folder)
    assert result.exit_code == 1
    hint = _hint(result.stderr)
    assert hint.startswith("lcg search ") and "--data" in hint
    ran = _run_as_pasted(hint, tmp_path)  # another folder: --data must be in the hint
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("id ") or ran.stdout == "(no rows)\n"


def test_not_an_actor_hint_shows_the_node_on_the_same_folder(lcg, folder, tmp_path):
    theme = next(line.split(": ", 1)[1].strip() for line in (folder / "themes.yaml").read_text().splitlines()
                 if line.startswith("- id: "))
    result = lcg("collaborators", theme, "--data", folder)
    assert result.exit_code == 1
    ran = _run_as_pasted(_hint(result.stderr), tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert f"id: {theme}" in ran.stdout


def test_invalid_data_hint_runs_validate_on_that_folder(lcg, folder, tmp_path):
    people = folder / "people.yaml"
    people.write_text(people.read_text().replace("- id: alan-tuckett\n", "- id: Alan Tuckett\n", 1))
    result = lcg("stats", "--data", folder)
    assert result.exit_code == 1
    ran = _run_as_pasted(_hint(result.stderr), tmp_path)
    assert ran.returncode == 1  # validate's own answer: there are problems, listed with file and line
    assert f"{folder}/people.yaml:" in ran.stdout and "bad id" in ran.stdout


def test_usage_error_hint_is_the_command_help(lcg, tmp_path):
    result = lcg("show", "--no-such-option")
    assert result.exit_code == 2
    ran = _run_as_pasted(_hint(result.stderr), tmp_path)
    assert ran.returncode == 0 and "Usage: lcg show" in ran.stdout


def test_hint_keeps_the_users_neo4j_and_data_options_only_when_typed():
    ctx = click.Context(click.Command("x"))
    ctx.meta["lcg.given"] = {"--neo4j": "bolt://db.example:7687", "--data": "a folder"}
    assert command_line(("search", "O'Brien & co"), ctx) == \
        "lcg search 'O'\"'\"'Brien & co' --data 'a folder' --neo4j bolt://db.example:7687"
    assert command_line(("validate",), click.Context(click.Command("x"))) == "lcg validate"


def test_data_from_the_environment_is_not_repeated_in_the_hint(lcg, folder):
    result = lcg("show", "nothing like this", env={"LCG_DATA": str(folder)})
    assert _hint(result.stderr) == "lcg search 'nothing like this'"


@pytest.mark.parametrize("command,option,constant", [
    ("overlaps", "--min-score", "graph.dedup.weights.OVERLAP_MIN_SCORE"),
    ("duplicates", "--min-score", "graph.dedup.weights.DUPLICATE_MIN_SCORE"),
    ("load", "--batch-size", "graph.backends.neo4j_load.DEFAULT_BATCH_SIZE")])
def test_option_defaults_show_their_values(lcg, command, option, constant):
    import importlib

    module, _, name = constant.rpartition(".")
    value = str(getattr(importlib.import_module(module), name))
    text = " ".join(lcg(command, "--help").stdout.split())
    assert re.search(rf"{option} .*?\[default: {re.escape(value)}\]", text), text
    assert "weights.py OVERLAP" not in text and "DEFAULT_BATCH_SIZE" not in text
