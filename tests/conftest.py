"""Shared test helpers: run the CLI in-process, and the paths of the fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "seed_data"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own dataset cache, so no test sees another's."""
    monkeypatch.setenv("LCG_CACHE_DIR", str(tmp_path_factory.mktemp("lcg-cache")))


@pytest.fixture
def lcg():
    """Run `lcg ARGS...` in-process; returns click's Result (exit_code, stdout, stderr)."""
    from cli import main

    def run(*args, input=None, env=None):
        runner = CliRunner()
        return runner.invoke(main, [str(a) for a in args], input=input, env=env, catch_exceptions=False)

    return run
