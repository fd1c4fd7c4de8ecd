"""Shared test helpers: run the CLI in-process, and the paths of the fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "seed_data"


def _shared_dir() -> Path:
    """The workplace's shared folder (seed pages, real data): env LCG_SHARED_DIR, ../shared, or /work/shared."""
    given = os.environ.get("LCG_SHARED_DIR")
    for candidate in ([Path(given)] if given else []) + [ROOT.parent / "shared", Path("/work/shared")]:
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


SHARED = _shared_dir()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own dataset cache, so no test sees another's."""
    monkeypatch.setenv("LCG_CACHE_DIR", str(tmp_path_factory.mktemp("lcg-cache")))


#: A Bolt server given by the environment (e.g. Neo4j 5 to certify the tool); read once, then
#: hidden from every test so that no command reaches it unless a test passes it on.
_NEO4J_ENV = {k: os.environ.get(k) for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")}


@pytest.fixture(autouse=True)
def _no_neo4j_env(monkeypatch):
    for k in _NEO4J_ENV:
        monkeypatch.delenv(k, raising=False)


@pytest.fixture(scope="session")
def bolt_server():
    """Connection settings (support.arcadedb.BoltSettings) of a real Bolt server for the session.

    The server NEO4J_URI names when set; otherwise an ArcadeDB the suite starts on
    127.0.0.1 (free ports, temp dir) and stops at the end.
    """
    from support.arcadedb import ArcadeDBServer, BoltSettings

    if _NEO4J_ENV["NEO4J_URI"]:
        yield BoltSettings(_NEO4J_ENV["NEO4J_URI"], _NEO4J_ENV["NEO4J_USERNAME"] or "neo4j",
                           _NEO4J_ENV["NEO4J_PASSWORD"] or "", _NEO4J_ENV["NEO4J_DATABASE"] or "neo4j")
        return
    server = ArcadeDBServer().start()
    try:
        yield server.settings
    finally:
        server.stop()


@pytest.fixture
def lcg():
    """Run `lcg ARGS...` in-process; returns click's Result (exit_code, stdout, stderr)."""
    from cli import main

    def run(*args, input=None, env=None):
        runner = CliRunner()
        return runner.invoke(main, [str(a) for a in args], input=input, env=env, catch_exceptions=False)

    return run
