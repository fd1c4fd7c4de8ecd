"""Hostile data files: each refused in one line at its file:line, never a traceback or a flood.

Aliases (a 536-byte "billion laughs" printed 722 MB), a key written twice (the
first value silently lost), a 5,000-digit number (Python's int-string limit), a
NUL byte (reported at line 1), an id ending in a newline (passed the slug check),
an unbounded value formatted into a message, and 20,000 dangling references (37 s).
"""

from __future__ import annotations

import difflib

import pytest

BOMB = """\
- id: a
  name: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  description: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
- id: b
  name: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  description: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
- id: c
  name: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  description: [*e,*e,*e,*e,*e,*e,*e,*e,*e]
"""


def _validate(lcg, tmp_path, text, name="organisations.yaml"):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / name).write_text(text, encoding="utf-8")
    result = lcg("validate", "--data", data)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.stdout + result.stderr


def _problem_lines(out):
    return [ln for ln in out.splitlines() if "organisations.yaml:" in ln]


def test_alias_bomb_refused_at_its_line(lcg, tmp_path):
    out = _validate(lcg, tmp_path, BOMB)
    assert len(out) < 2000
    assert any(ln.split("organisations.yaml:")[1].startswith("2:") and "alias" in ln for ln in _problem_lines(out))


def test_even_one_alias_refused(lcg, tmp_path):
    out = _validate(lcg, tmp_path, "- id: a\n  name: &n Org\n- id: b\n  name: *n\n")
    assert "alias" in out and "organisations.yaml:2:" in out


@pytest.mark.parametrize("text, line, key", [
    ("- id: a\n  name: A\n  id: b\n", 3, "'id'"),
    ("- id: a\n  name: A\n  member_of: [n1]\n  member_of: [n2]\n", 4, "'member_of'"),
])
def test_duplicate_key_refused_at_its_line(lcg, tmp_path, text, line, key):
    out = _validate(lcg, tmp_path, text)
    problem = [ln for ln in _problem_lines(out) if "twice" in ln]
    assert problem and f"organisations.yaml:{line}:" in problem[0] and key in problem[0]


def test_huge_integer_one_line(lcg, tmp_path):
    out = _validate(lcg, tmp_path, "- id: a\n  name: A\n  founded: " + "9" * 5000 + "\n")
    assert "organisations.yaml:3:" in out and "5,000 digits" in out and len(out) < 2000


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07"])
def test_control_byte_reported_at_its_line(lcg, tmp_path, char):
    out = _validate(lcg, tmp_path, f"- id: a\n  name: A\n- id: b\n  name: \"B{char}x\"\n")
    assert "organisations.yaml:4:" in out and "control character" in out


def test_id_with_trailing_newline_is_not_a_slug(lcg, tmp_path):
    out = _validate(lcg, tmp_path, '- id: "city-of-example\\n"\n  name: A\n')
    assert "bad id" in out


def test_unbounded_value_cut_in_messages(lcg, tmp_path):
    long = "x" * 200_000
    out = _validate(lcg, tmp_path, f"- id: a\n  name: A\n  website: {long}\n  member_of: [{long}]\n- id: {long}\n")
    assert len(out) < 3000
    assert "200,002 characters" in out  # said how long, not shown


def test_many_dangling_references_cost_linear(tmp_path, monkeypatch):
    """Closest-id hints compare with every known id: the total comparisons stay within a fixed budget.

    (Counted, not timed: 3,000 misses among 3,000 ids made 1.5 million comparisons before.)
    """
    from graph.dataset import check_dataset

    compared = []
    real = difflib.get_close_matches

    def counting(word, possibilities, *args, **kwargs):
        possibilities = list(possibilities)
        compared.append(len(possibilities))
        return real(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    n = 3000
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "".join(f"- id: org-{i}\n  name: Org {i}\n  member_of: [net-missing-{i}]\n" for i in range(n)))
    dataset, problems = check_dataset(data)
    assert dataset is None and len(problems) == n
    assert sum(compared) <= 300_000
