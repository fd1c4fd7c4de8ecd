"""decisions.yaml: concurrent `lcg decide` keep every decision, comments stay, no write through a link."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import yaml

from conftest import FIXTURES, ROOT


def _tiny_with_orgs(tmp_path, n=6):
    """The tiny fixture plus n organisations, so ten different pairs of one kind can be decided."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny", data)
    with open(data / "organisations.yaml", "a", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(f"- id: extra-org-{i}\n  name: Extra Org {i}\n")
    return data


def test_ten_concurrent_decides_keep_all_ten(tmp_path):
    data = _tiny_with_orgs(tmp_path)
    pairs = [(f"extra-org-{i}", f"extra-org-{j}") for i in range(5) for j in range(i + 1, 5)]
    assert len(pairs) == 10
    env = {**os.environ, "LCG_CACHE_DIR": str(tmp_path / "cache")}
    procs = [subprocess.Popen([sys.executable, "-m", "cli", "decide", a, b, "distinct", "--data", str(data)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for a, b in pairs]
    for p in procs:
        assert p.wait(120) == 0, p.stderr.read()
    entries = yaml.safe_load((data / "decisions.yaml").read_text())
    assert {frozenset(e["pair"]) for e in entries} == {frozenset(p) for p in pairs}
    assert not [p.name for p in data.iterdir() if p.name.endswith(".tmp")]


def test_comments_kept_and_later_decision_wins(lcg, tmp_path):
    from graph.dedup.decisions import load_decisions

    data = _tiny_with_orgs(tmp_path)
    (data / "decisions.yaml").write_text("# Agreed at the March steering group\n"
                                         "- pair: [extra-org-0, extra-org-1]\n  decision: same  # checked by Ana\n")
    assert lcg("decide", "extra-org-1", "extra-org-0", "distinct", "--data", data).exit_code == 0
    text = (data / "decisions.yaml").read_text()
    assert "# Agreed at the March steering group" in text and "# checked by Ana" in text
    assert load_decisions(data)[frozenset(("extra-org-0", "extra-org-1"))]["decision"] == "distinct"


def test_flow_style_file_rewritten_valid(lcg, tmp_path):
    from graph.dedup.decisions import load_decisions

    data = _tiny_with_orgs(tmp_path)
    (data / "decisions.yaml").write_text("[{pair: [extra-org-0, extra-org-1], decision: same}]")
    assert lcg("decide", "extra-org-2", "extra-org-3", "distinct", "--data", data).exit_code == 0
    assert len(load_decisions(data)) == 2


def test_temp_file_never_written_through_a_link(lcg, tmp_path):
    data = _tiny_with_orgs(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    (data / ".decisions.yaml.tmp").symlink_to(victim)  # where the old code wrote its temp file
    assert lcg("decide", "extra-org-0", "extra-org-1", "same", "--data", data).exit_code == 0
    assert victim.read_text() == "untouched"
