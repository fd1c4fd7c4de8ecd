"""JSON on a terminal never drives it; JSON into a pipe is byte for byte what it always was.

Python's json escapes only C0 controls (ESC included); with ``ensure_ascii=False`` it writes DEL,
the C1 controls (U+009B is an 8-bit CSI that some terminals obey) and bidi overrides as they are.
On a terminal lcg writes those as ``\\uXXXX`` escapes, which decode to the same strings.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from conftest import FIXTURES, ROOT
from test_output import _in_terminal

from graph.output import render, render_json

HOSTILE = "Example \x9b31mCity\x1b[2J \u202eCouncil\x7f\u2028end \x85 Córdoba 学习"
#: what a terminal must never receive raw
DRIVERS = ["\x9b", "\x1b", "\u202e", "\x7f", "\u2028", "\x85"]


def test_render_json_for_a_terminal_escapes_controls_and_means_the_same():
    rows = [{"name": HOSTILE, HOSTILE: [HOSTILE]}]
    shown = render(rows, "json", terminal=True)
    assert not any(ch in shown for ch in DRIVERS), ascii(shown)
    assert "\\u009b31mCity\\u001b[2J \\u202eCouncil\\u007f\\u2028end \\u0085 Córdoba 学习" in shown
    assert json.loads(shown) == rows  # the same values: keys and strings alike
    piped = render(rows, "json")
    assert piped == json.dumps(rows, indent=2, ensure_ascii=False) + "\n"  # unchanged for a pipe
    assert render_json({"x": ("a", HOSTILE)}, terminal=True) == json.dumps(
        {"x": ["a", HOSTILE]}, indent=2, ensure_ascii=True).replace("\\u00f3", "ó").replace(
        "\\u5b66\\u4e60", "学习") + "\n"


def _folder(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny", data)
    orgs = data / "organisations.yaml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace(
        "  name: Example City Council",
        '  name: "Example \\x9b31mCity\\x1b[2J \\u202eCouncil\\x7f\\u2028end"'), encoding="utf-8")
    return data


def test_cli_json_on_a_terminal_escapes_and_in_a_pipe_is_exact(tmp_path):
    data = _folder(tmp_path)
    name = "Example \x9b31mCity\x1b[2J \u202eCouncil\x7f\u2028end"
    for args in (["show", "example-city-council"], ["search", "Example", "--kind", "Organisation"]):
        args = [*args, "--data", str(data), "--format", "json"]
        shown = _in_terminal(args, 100)
        assert not any(ch in shown for ch in DRIVERS), (args, ascii(shown))
        assert "\\u009b31mCity\\u001b[2J \\u202eCouncil\\u007f\\u2028end" in shown, ascii(shown)
        piped = subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args], capture_output=True,
                               cwd=ROOT, env={**os.environ}, check=True).stdout.decode()
        # a pipe gets the characters as the data has them: json.dumps' own output, as before
        assert "\x9b31mCity\\u001b[2J \u202eCouncil\x7f\u2028end" in piped, ascii(piped)
        assert piped == json.dumps(json.loads(piped), indent=2, ensure_ascii=False) + "\n"
        assert json.loads(piped) == json.loads(shown)  # the same values either way
        assert name in json.dumps(json.loads(shown), ensure_ascii=False).replace("\\u001b", "\x1b")
