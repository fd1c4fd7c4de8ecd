"""The WCLR seed data's genuine overlaps: digital inclusion and skills work paid for by different bodies."""

from __future__ import annotations

import json

import pytest

from conftest import SEED


def _digital_projects():
    import yaml

    path = SEED / "projects.yaml"
    if not path.is_file():
        return set()
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {e["id"] for e in entries if isinstance(e, dict)
            and "digital" in f"{e.get('name', '')} {e.get('description', '')}".lower()}


DIGITAL = _digital_projects()


def test_the_seed_data_has_digital_projects_to_compare():
    """Guards the module: with fewer than two digital projects every test below would pass vacuously."""
    assert len(DIGITAL) >= 2, "seed_data/projects.yaml lost its digital projects; these tests need two"


def test_seed_overlaps_surface_digital_work_paid_for_by_different_bodies(lcg):
    result = lcg("overlaps", "--related", "--data", SEED, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    digital = [r for r in rows if r["a"] in DIGITAL and r["b"] in DIGITAL]
    assert digital, "no overlap reported between the seed data's digital projects"
    assert all("text similarity" in r["reasons"] and r["reasons"].count(";") >= 1 for r in digital)
    assert any(" and by " in r["reasons"] or "the other" in r["reasons"] for r in digital), \
        "no digital overlap names two different funders or commissioners"
