"""Any unicode text (control characters included) in every text field: every export still parses and reads back.

GraphML/GEXF parse with expat (a strict XML 1.0 parser) and networkx, holding the
text minus what XML 1.0 cannot carry (graph/text_safety.py: controls removed, CR as
LF); CSV reads back the text, with ``'`` before a formula start unless --csv-raw;
JSON reads back exactly; the Cypher script has one line per statement (no line
break from the data) and its string literals decode to the text.
"""

from __future__ import annotations

import ast
import csv
import json
import xml.etree.ElementTree as ET

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES

#: any code point but lone surrogates (a YAML file decoded from UTF-8 cannot hold them)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
HOSTILE = st.sampled_from(["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "\x1b[31mred\x1b[0m",
                           "a\x00b", "x\u2028y", "\x85", "\ufffe", "a\r\nb"])


def _graph():
    from graph.loading import open_graph

    return open_graph(FIXTURES / "tiny")


def _fill(g, texts):
    """Every text field of every node and tie (lists too) set to the given texts, in turn."""
    it = iter(texts * 200)
    for _n, d in g.nodes(data=True):
        for k, v in list(d.items()):
            if k in ("id", "kind") or isinstance(v, (int, float)):
                continue
            d[k] = [next(it), next(it)] if isinstance(v, (list, tuple)) else next(it)
    for _u, _v, d in g.edges(data=True):
        for k, v in list(d.items()):
            if k == "kind" or isinstance(v, (int, float)):
                continue
            d[k] = [next(it), next(it)] if isinstance(v, (list, tuple)) else next(it)
    return g


def _flat_text(v):
    from graph.text_safety import xml_text
    from visualise.exports import LIST_SEPARATOR

    return xml_text(LIST_SEPARATOR.join(v) if isinstance(v, list) else v)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.one_of(TEXT, HOSTILE), min_size=1, max_size=8))
def test_every_export_parses_and_reads_back(tmp_path_factory, texts):
    from graph.text_safety import csv_cell
    from visualise.exports import export

    out = tmp_path_factory.mktemp("exp")
    g = _fill(_graph(), texts)

    for fmt in ("graphml", "gexf"):
        export(g, fmt, out / f"g.{fmt}")
        ET.parse(out / f"g.{fmt}")  # strict XML 1.0
    back = nx.read_graphml(out / "g.graphml")
    for n, d in g.nodes(data=True):
        for k, v in d.items():
            if k != "kind" and not isinstance(v, (int, float)):
                assert back.nodes[n].get(k, "") == _flat_text(v), (n, k)
    gexf = nx.read_gexf(out / "g.gexf")
    for n, d in g.nodes(data=True):
        assert gexf.nodes[n]["label"] == _flat_text(d.get("name", n))

    export(g, "json", out / "g.json")
    data = json.loads((out / "g.json").read_text(encoding="utf-8"))
    assert {n["id"]: n.get("name") for n in data["nodes"]} == {n: d.get("name") for n, d in g.nodes(data=True)}

    for raw in (False, True):
        folder = out / f"csv-{raw}"
        export(g, "csv", folder, csv_raw=raw)
        with open(folder / "gephi_nodes.csv", encoding="utf-8", newline="") as fh:
            labels = {r["Id"]: r["Label"] for r in csv.DictReader(fh)}
        assert labels == {n: csv_cell(d.get("name", n), raw=raw) for n, d in g.nodes(data=True)}
        for n, d in g.nodes(data=True):  # the text back, but for the documented ' and CR -> LF
            shown = labels[n][1:] if not raw and d["name"].startswith(("=", "+", "-", "@", "\t", "\r")) else labels[n]
            assert shown == d["name"].replace("\r\n", "\n").replace("\r", "\n")
        if not raw:
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in labels.values())

    export(g, "cypher", out / "g.cypher")
    script = (out / "g.cypher").read_text(encoding="utf-8")
    lines = script.split("\n")
    assert lines[0].startswith("// ") and all(ln.endswith(";") for ln in lines[1:-1]) and lines[-1] == ""
    from visualise.cypher_script import string_literal

    for _n, d in g.nodes(data=True):
        lit = string_literal(d["name"])
        assert lit in script and ast.literal_eval(lit) == d["name"]


def test_cypher_header_comment_stays_one_line(tmp_path):
    from visualise.exports import export

    g = _graph()
    g.graph["name"] = "folder\rMATCH (n) DETACH DELETE n\u2028// x\x85y"
    export(g, "cypher", tmp_path / "g.cypher")
    first, second = (tmp_path / "g.cypher").read_text(encoding="utf-8").splitlines()[:2]
    assert first.startswith("// ") and "DETACH DELETE" in first
    assert second.startswith("CREATE CONSTRAINT")


def test_csv_output_guards_formulas_and_can_be_raw(lcg, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny", data)
    text = (data / "projects.yaml").read_text()
    (data / "projects.yaml").write_text(text.replace("name: Digital Skills Study", "name: '=HYPERLINK(\"http://evil\")'"))
    guarded = lcg("show", "digital-inclusion", "--data", data, "--format", "csv")
    assert guarded.exit_code == 0, guarded.output
    assert "'=HYPERLINK" in guarded.stdout and "\n=HYPERLINK" not in guarded.stdout
    raw = lcg("show", "digital-inclusion", "--data", data, "--format", "csv", env={"LCG_CSV_RAW": "1"})
    assert "'=HYPERLINK" not in raw.stdout and "=HYPERLINK" in raw.stdout


def test_table_strips_terminal_control_sequences(lcg, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "tiny", data)
    text = (data / "projects.yaml").read_text()
    (data / "projects.yaml").write_text(text.replace("name: Digital Skills Study",
                                                     'name: "Digital\\e]0;pwned\\a \\e[2JSkills\\u202e\\nx"'))
    result = lcg("show", "digital-inclusion", "--data", data)
    assert result.exit_code == 0, result.output
    assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f or c == "\u202e" for c in result.stdout)
    assert "Digital" in result.stdout
