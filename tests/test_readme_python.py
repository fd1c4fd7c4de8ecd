"""The README's "Use it from Python" example runs as written, and `import graph` stays light."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT


def _example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use it from Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1, "the section holds one python example"
    return blocks[0]


def test_the_readme_example_runs(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)  # the example names seed_data relative to the repository
    exec(compile(_example(), "README.md", "exec"), {"__name__": "readme_example"})
    out = capsys.readouterr().out.splitlines()
    assert len(out) >= 5
    assert re.match(r"^\d+ \S.* - project ", out[0])  # strength, name, first evidence
    assert "-" in out[-2] and ("->" in out[-2] or "<-" in out[-2])  # a chain of relationships
    assert out[-1] == "max_hops=0 must be at least 1"


def test_the_public_api_is_complete_and_lazy():
    import graph

    for name in graph.__all__:
        assert getattr(graph, name) is not None, name
    code = "import sys, graph; print(sorted(m for m in ('networkx', 'numpy', 'neo4j', 'yaml') if m in sys.modules))"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert out.stdout.strip() == "[]"
