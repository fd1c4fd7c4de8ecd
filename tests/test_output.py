"""The one renderer (graph/output.py), whole output per format: tables fitted to two terminal widths and not
fitted at all (a pipe), JSON and CSV never cut, lists, wide (CJK) characters, empty results, `lcg show`'s record;
and the CLI under a real pseudo-terminal (COLUMNS honoured, --wide) and a pipe."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from conftest import ROOT
from graph.output import display_width, render, render_record

ROWS = [
    {"id": "university-of-wolverhampton", "name": "University of Wolverhampton", "score": 0.123456,
     "strength": 12, "evidence": ["joint project A", "event B", "network C", "employer D", "event E"]},
    {"id": "dongguan-city", "name": "东莞市终身学习中心与社区教育网络", "score": 1234567.8, "strength": 3,
     "evidence": ["项目"]},
    {"id": "cork", "name": "Cork Learning City", "score": None, "strength": 0, "evidence": []},
]
COLS = ["id", "name", "score", "strength", "evidence"]


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def test_table_for_a_pipe_cuts_nothing():
    assert render(ROWS, "table", COLS, priority=["name"]) == lines(
        "id                           name                                score  strength  evidence",
        "---------------------------  --------------------------------  -------  --------  "
        "--------------------------------------------------------",
        "university-of-wolverhampton  University of Wolverhampton        0.1235        12  "
        "joint project A; event B; network C; employer D; event E",
        "dongguan-city                东莞市终身学习中心与社区教育网络  1234568         3  项目",
        "cork                         Cork Learning City                                0",
    )


def test_table_at_100_columns_cuts_the_least_important_column_and_counts_the_rest_of_a_list():
    out = render(ROWS, "table", COLS, width=100, priority=["name"])
    assert out == lines(
        "id                           name                                score  strength  evidence",
        "---------------------------  --------------------------------  -------  --------  ------------------",
        "university-of-wolverhampton  University of Wolverhampton        0.1235        12  joint pro… +4 more",
        "dongguan-city                东莞市终身学习中心与社区教育网络  1234568         3  项目",
        "cork                         Cork Learning City                                0",
    )
    assert max(display_width(x) for x in out.splitlines()) == 100


def test_table_at_60_columns_leaves_out_what_cannot_fit_and_cuts_wide_characters_by_cell():
    out = render(ROWS, "table", COLS, width=60, priority=["name"])
    assert out == lines(
        "id        name                               score  strength",
        "--------  -------------------------------  -------  --------",
        "univers…  University of Wolverhampton       0.1235        12",
        "donggua…  东莞市终身学习中心与社区教育网…  1234568         3",
        "cork      Cork Learning City                               0",
        "(left out to fit: evidence; --wide shows all)",
    )
    assert max(display_width(x) for x in out.splitlines()) <= 60


def test_without_priority_long_columns_go_to_30_cells_then_the_rightmost_gives_way_first():
    out = render([{"a": "x" * 40, "b": "y" * 40, "c": "z" * 40}], "table", ["a", "b", "c"], width=70)
    assert out.splitlines()[2] == "x" * 29 + "…  " + "y" * 27 + "…  " + "z" * 7 + "…"


@pytest.mark.parametrize("width", [None, 100, 60])
def test_csv_and_json_never_cut_whatever_the_width(width):
    assert render(ROWS, "csv", COLS, width=width) == lines(
        "id,name,score,strength,evidence",
        "university-of-wolverhampton,University of Wolverhampton,0.123456,12,"
        "joint project A; event B; network C; employer D; event E",
        "dongguan-city,东莞市终身学习中心与社区教育网络,1234567.8,3,项目",
        "cork,Cork Learning City,,0,",
    )
    assert json.loads(render(ROWS, "json", COLS, width=width)) == ROWS
    assert "东莞" in render(ROWS, "json", COLS, width=width)  # not \\u-escaped


@pytest.mark.parametrize("width", [None, 100, 60])
def test_empty_results(width):
    assert render([], "table", COLS, width=width) == "(no rows)\n"
    assert render([], "csv", COLS, width=width) == "id,name,score,strength,evidence\n"
    assert render([], "json", COLS, width=width) == "[]\n"


def test_list_cell_keeps_as_many_items_as_fit():
    rows = [{"members": ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]}]
    assert render(rows, "table", width=25).splitlines()[2] == "Alpha; Beta +3 more"
    assert render(rows, "table", width=80).splitlines()[2] == "Alpha; Beta; Gamma; Delta; Epsilon"


def test_display_width_counts_terminal_cells():
    assert display_width("abc") == 3
    assert display_width("東京") == 4
    assert display_width("Université") == 10
    assert display_width("Universite\u0301") == 10  # a combining accent takes no cell


INFO = {"id": "university-of-example", "kind": "Organisation",
        "fields": {"name": "University of Example", "aliases": ["UoE", "Example Uni"], "type": "university",
                   "description": "A long description of the university that will not fit a narrow terminal at all."},
        "sources": ["https://example.org/about"],
        "relationships": [
            {"direction": "out", "relationship": "PARTNER_IN", "other_id": "digital-skills-study",
             "other_kind": "Project", "other_name": "Digital Skills Study", "role": "lead",
             "sources": ["https://example.org/p"]},
            {"direction": "out", "relationship": "PARTNER_IN", "other_id": "example-learning-network",
             "other_kind": "Network", "other_name": "Example Learning Network", "role": "partner", "sources": []},
            {"direction": "in", "relationship": "WORKS_FOR", "other_id": "ada-researcher", "other_kind": "Person",
             "other_name": "Ada Researcher", "role": "researcher", "from": "2019", "sources": []}]}


def test_record_in_full_fields_then_relationships_grouped_by_kind():
    assert render_record(INFO) == lines(
        "University of Example  [Organisation]  id: university-of-example",
        "  aliases:     UoE; Example Uni",
        "  type:        university",
        "  description: A long description of the university that will not fit a narrow terminal at all.",
        "  sources:     https://example.org/about",
        "",
        "Relationships (3)",
        "  -PARTNER_IN-> (2)",
        "    Digital Skills Study (digital-skills-study, Project)  role: lead, sources: https://example.org/p",
        "    Example Learning Network (example-learning-network, Network)  role: partner",
        "  <-WORKS_FOR- (1)",
        "    Ada Researcher (ada-researcher, Person)  role: researcher, from: 2019",
    )


def test_record_fitted_to_60_columns_keeps_the_heading_whole():
    assert render_record(INFO, width=60) == lines(
        "University of Example  [Organisation]  id: university-of-example",
        "  aliases:     UoE; Example Uni",
        "  type:        university",
        "  description: A long description of the university that wi…",
        "  sources:     https://example.org/about",
        "",
        "Relationships (3)",
        "  -PARTNER_IN-> (2)",
        "    Digital Skills Study (digital-skills-study, Project)  r…",
        "    Example Learning Network (example-learning-network, Net…",
        "  <-WORKS_FOR- (1)",
        "    Ada Researcher (ada-researcher, Person)  role: research…",
    )


def test_record_with_nothing():
    info = {"id": "x", "kind": "Theme", "fields": {"name": "X"}, "sources": [], "relationships": []}
    assert render_record(info, width=60) == lines("X  [Theme]  id: x", "  sources: (none)", "", "Relationships: none")


# --- the CLI: a terminal gets a fitted table, a pipe gets everything -------------------------------------------

def _in_terminal(args, columns: int) -> str:
    """Run lcg with stdout on a real pseudo-terminal of ``columns`` (via COLUMNS) and return what it printed."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50"}
    proc = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", *args], stdout=follower,
                            stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closes when the child exits
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    return b"".join(chunks).decode().replace("\r\n", "\n")


COLLAB = ["collaborators", "university-of-wolverhampton", "--data", "seed_data", "--limit", "0"]


@pytest.mark.parametrize("columns", [80, 120])
def test_a_terminal_gets_a_table_that_fits_its_width(columns):
    out = _in_terminal(COLLAB, columns)
    widths = [display_width(x) for x in out.splitlines()]
    assert widths and max(widths) <= columns
    assert "…" in out or "left out to fit" in out


def test_wide_and_a_pipe_cut_nothing():
    wide = _in_terminal([*COLLAB, "--wide"], 80)
    piped = subprocess.run([sys.executable, "-c", "import cli; cli.main()", *COLLAB], capture_output=True,
                           text=True, cwd=ROOT, env={**os.environ, "COLUMNS": "80"}, check=True).stdout
    assert wide == piped
    assert max(display_width(x) for x in piped.splitlines()) > 80
    assert "…" not in piped and " more" not in piped


# --- rows as records when a table would cut their sentences ------------------------------------------------------

REASONED = [
    {"group": 1, "kind": "double-funding", "score": 0.7217, "a": "grant-1", "b": "grant-2", "note": None,
     "reasons": "same recipient: Big Give Trust; both funded by Woodward Charitable Trust (GBP 10,000 and "
                "GBP 2,500); periods overlap by 1 month; both: appeal, match, money (text similarity 0.83)"},
    {"group": 2, "kind": "parallel-work", "score": 0.5, "a": "grant-3", "b": "grant-4", "note": "东京 大阪",
     "reasons": "different organisations; places within one area (Mendip 012A / Mendip 008B)"},
]
RCOLS = ["group", "kind", "score", "a", "b", "note", "reasons"]


def test_rows_whose_reasons_a_table_would_cut_are_written_as_records_wrapped_to_the_width():
    out = render(REASONED, "table", RCOLS, width=60, whole=["reasons"])
    assert out.splitlines()[:4] == ["-[ 1 of 2 ]" + "-" * 49, "group    1", "kind     double-funding",
                                    "score    0.7217"]
    assert max(display_width(x) for x in out.splitlines()) <= 60
    assert "note" not in out.split("-[ 2 of 2 ]")[0]  # an empty field is left out
    assert "note     东京 大阪" in out
    for row in REASONED:  # every word of the reasons is there, in order, nothing cut
        block = out.split(f"-[ {REASONED.index(row) + 1} of 2 ]")[1].split("-[ ")[0]
        text = " ".join(line[9:] for line in block.splitlines() if line.startswith(("reasons", "         ")))
        assert text == row["reasons"]
    assert "…" not in out


def test_records_only_when_the_table_cannot_show_the_reasons_whole():
    wide = render(REASONED, "table", RCOLS, width=400, whole=["reasons"])
    assert wide == render(REASONED, "table", RCOLS, width=400)  # it fits: the table
    assert render(REASONED, "table", RCOLS, whole=["reasons"]) == render(REASONED, "table", RCOLS)  # a pipe
    assert render(REASONED, "csv", RCOLS, width=60, whole=["reasons"]) == render(REASONED, "csv", RCOLS)


def test_wrapping_counts_wide_characters_and_splits_a_word_longer_than_a_line():
    from graph.output import _wrap

    assert _wrap("東京 大阪 名古屋", 5) == ["東京", "大阪", "名古", "屋"]
    assert _wrap("abcdefghij klm", 4) == ["abcd", "efgh", "ij", "klm"]
    assert _wrap("", 10) == [""]


def test_overlaps_in_a_narrow_terminal_are_records_with_the_whole_reasons():
    out = _in_terminal(["overlaps", "--data", "tests/fixtures/dedup/overlaps"], 80)
    assert out.startswith("-[ 1 of ")
    assert max(display_width(x) for x in out.splitlines()) <= 80
    assert "reasons" in out and "…" not in out


def test_record_shows_every_field_a_tie_has():
    """An award's outcome and date are facts of the tie: the text record lists them as the CSV does."""
    from graph.describe import TIE_FIELDS

    tie = {"direction": "in", "relationship": "AWARDED", "other_id": "x", "other_kind": "Organisation",
           "other_name": "X", "sources": [], **{k: f"v-{k}" for k in TIE_FIELDS}}
    out = render_record({"id": "n", "kind": "Person", "fields": {"name": "N"}, "sources": [], "relationships": [tie]})
    assert all(f"{k}: v-{k}" in out for k in TIE_FIELDS)
