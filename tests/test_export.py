"""Exports read back: GraphML and GEXF through networkx, node-link JSON, CSV headers, the Cypher script."""

from __future__ import annotations

import contextlib
import csv
import json
import re
import shutil
import subprocess
import sys

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st

from conftest import FIXTURES, ROOT
from test_map_support import in_ci, write_hostile_data


def _graph(folder):
    from graph.backends.open import open_backend

    return open_backend(folder).graph


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen") / "d"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", "5000", "-o", str(out),
                    "--seed", "1"], check=True, capture_output=True)
    return out


@pytest.fixture(params=["tiny", "hostile", "generated"])
def graph(request, tmp_path, generated):
    if request.param == "tiny":
        return _graph(FIXTURES / "tiny")
    if request.param == "hostile":
        write_hostile_data(tmp_path / "h")
        return _graph(tmp_path / "h")
    return _graph(generated)


def _expected_attrs(d, renames=None):
    from visualise.exports import LIST_SEPARATOR

    renames = renames or {}
    out = {}
    for k, v in d.items():
        if isinstance(v, (list, tuple)):
            v = LIST_SEPARATOR.join(v)
        elif k == "amount":
            v = float(v)
        out[renames.get(k, k)] = v
    return out


def _edge_multiset(g, attrs):
    return sorted((u, v, json.dumps(attrs(d), sort_keys=True)) for u, v, d in g.edges(data=True))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_counts_and_attributes(graph, fmt, tmp_path):
    from visualise.exports import GEXF_RENAMES, export

    path = tmp_path / f"g.{fmt}"
    export(graph, fmt, path)
    back = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert back.is_directed()
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    renames = GEXF_RENAMES if fmt == "gexf" else {}
    for n, d in graph.nodes(data=True):
        got = dict(back.nodes[n])
        want = _expected_attrs(d, renames)
        want["label"] = d["name"]
        assert {k: got.get(k) for k in want} == want, n
    want_edges = sorted((u, v, json.dumps({**_expected_attrs(d), "label": d["kind"], "rel_key": str(k)},
                                          sort_keys=True)) for u, v, k, d in graph.edges(keys=True, data=True))
    got_edges = _edge_multiset(back, lambda d: {k: v for k, v in d.items() if k not in ("id", "networkx_key")})
    assert got_edges == want_edges


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_edge_ids_are_unique(fmt, tmp_path):
    """Gephi drops an edge whose id it has seen ("The edge id already exist"): every id must differ.

    The seed data has many ties of one kind (80 ADDRESSES), the case that repeated the kind as the id.
    """
    import xml.etree.ElementTree as ET

    from conftest import SEED
    from visualise.exports import export

    graph = _graph(SEED)
    path = tmp_path / f"g.{fmt}"
    export(graph, fmt, path)
    ids = [e.get("id") for e in ET.parse(path).iter() if e.tag.rsplit("}", 1)[-1] == "edge"]
    assert len(ids) == graph.number_of_edges()
    assert None not in ids and len(set(ids)) == len(ids)
    # readable and stable: start--KIND[:role]--end, the id the Gephi CSV uses too
    assert {"adult-education-wolverhampton--MEMBER_OF--global-learning-festival-working-group"} <= set(ids)
    with open_csv_ids(graph, tmp_path) as csv_ids:
        assert csv_ids == set(ids)
    # GraphML declares edge ids xs:NMTOKEN: no spaces (roles are free text), no '|'
    assert all(re.fullmatch(r"[\w.:-]+", i) for i in ids), [i for i in ids if not re.fullmatch(r"[\w.:-]+", i)][:3]
    # the key itself stays an attribute
    back = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert sorted(d["rel_key"] for _u, _v, d in back.edges(data=True)) == sorted(
        str(k) for _u, _v, k in graph.edges(keys=True))


@contextlib.contextmanager
def open_csv_ids(graph, tmp_path):
    from visualise.exports import export

    export(graph, "csv", tmp_path / "csv")
    with open(tmp_path / "csv" / "gephi_edges.csv", encoding="utf-8", newline="") as fh:
        yield {r["Id"] for r in csv.DictReader(fh)}


def test_edge_ids_stay_unique_when_node_ids_hold_the_separator():
    """Ids built from start--key--end can meet (ids holding '--', roles differing in punctuation): kept apart."""
    import networkx as nx

    from visualise.exports import flat_graph

    g = nx.MultiDiGraph()
    for n in ("a", "b--X--c", "a--X--b", "c"):
        g.add_node(n, kind="Organisation", name=n)
    g.add_edge("a", "b--X--c", key="X", kind="X")  # a--X--b--X--c
    g.add_edge("a--X--b", "c", key="X", kind="X")  # a--X--b--X--c as well
    g.add_edge("a", "c", key="WORKS_ON:led it", kind="WORKS_ON")
    g.add_edge("a", "c", key="WORKS_ON:led, it", kind="WORKS_ON")  # both a--WORKS_ON:led_it--c
    flat = flat_graph(g)
    assert flat.number_of_edges() == g.number_of_edges() == 4
    assert len({k for _u, _v, k in flat.edges(keys=True)}) == 4


def test_node_link_json_round_trip(graph, tmp_path):
    from visualise.exports import export

    export(graph, "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert data["directed"] and data["multigraph"]
    back = nx.node_link_graph(data, edges="edges")
    assert dict(back.nodes(data=True)) == {n: dict(d) for n, d in graph.nodes(data=True)}
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    for u, v, k, d in graph.edges(keys=True, data=True):
        assert back.edges[u, v, k] == d


def test_csv_headers_for_neo4j_admin_import_and_gephi(graph, tmp_path):
    from visualise.exports import export

    files = export(graph, "csv", tmp_path / "out")
    assert sorted(f.name for f in files) == ["edges.csv", "gephi_edges.csv", "gephi_nodes.csv", "nodes.csv"]

    def read(name):
        with open(tmp_path / "out" / name, encoding="utf-8", newline="") as fh:
            return list(csv.reader(fh))

    nodes, edges, gnodes, gedges = (read(n) for n in ("nodes.csv", "edges.csv", "gephi_nodes.csv",
                                                       "gephi_edges.csv"))
    assert nodes[0][:3] == ["id:ID", ":LABEL", "name"]
    assert edges[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert "sources:string[]" in nodes[0] and "sources:string[]" in edges[0]
    assert gnodes[0][:3] == ["Id", "Label", "Kind"]
    assert gedges[0][:6] == ["Source", "Target", "Type", "Id", "Label", "Kind"]
    assert len(nodes) - 1 == len(gnodes) - 1 == graph.number_of_nodes()
    assert len(edges) - 1 == len(gedges) - 1 == graph.number_of_edges()
    # every row as wide as its header; ids unique; labels and types from the schema
    from graph import schema

    for table in (nodes, edges, gnodes, gedges):
        assert all(len(r) == len(table[0]) for r in table)
    assert len({r[0] for r in nodes[1:]}) == graph.number_of_nodes()
    assert len({r[3] for r in gedges[1:]}) == graph.number_of_edges()
    assert {r[1] for r in nodes[1:]} <= set(schema.NODE_KINDS)
    assert {r[2] for r in edges[1:]} <= set(schema.REL_KINDS)
    assert {r[2] for r in gedges[1:]} == {"Directed"}
    # a name with a newline and quotes survives CSV quoting
    names = {r[0]: r[2] for r in nodes[1:]}
    for n, d in graph.nodes(data=True):
        assert names[n] == d["name"]
    # Neo4j arrays: sources split on ';' give the list back
    col = nodes[0].index("sources:string[]")
    for r in nodes[1:]:
        want = graph.nodes[r[0]].get("sources", [])
        assert (r[col].split(";") if r[col] else []) == list(want)


def test_csv_prefix_writes_beside_other_files(tmp_path):
    from visualise.exports import export

    (tmp_path / "keep.txt").write_text("x")
    files = export(_graph(FIXTURES / "tiny"), "csv", str(tmp_path / "wclr-"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "keep.txt", "wclr-edges.csv", "wclr-gephi_edges.csv", "wclr-gephi_nodes.csv", "wclr-nodes.csv"]
    assert sorted(files) == sorted(tmp_path / n for n in ("wclr-edges.csv", "wclr-gephi_edges.csv",
                                                          "wclr-gephi_nodes.csv", "wclr-nodes.csv"))
    assert (tmp_path / "wclr-nodes.csv").read_text(encoding="utf-8").startswith("id:ID,:LABEL,name")


def test_csv_refuses_a_file_path(tmp_path):
    from graph.errors import LcgError
    from visualise.exports import export

    (tmp_path / "f").write_text("x")
    with pytest.raises(LcgError):
        export(_graph(FIXTURES / "tiny"), "csv", tmp_path / "f")


# --- Cypher ---------------------------------------------------------------------------------------

_UNESCAPE = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def _parse_string(text: str, i: int) -> tuple[str, int]:
    """Read a Cypher single-quoted literal starting at text[i] (a quote); an independent reading of the
    escapes in the Cypher manual, used to check what the writer produces."""
    assert text[i] == "'"
    out = []
    i += 1
    while True:
        ch = text[i]
        if ch == "'":
            return "".join(out), i + 1
        if ch == "\\":
            nxt = text[i + 1]
            if nxt == "u":
                out.append(chr(int(text[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(_UNESCAPE[nxt])
            i += 2
            continue
        assert ch not in "\n\r", "raw line break inside a string literal"
        out.append(ch)
        i += 1


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cypher_string_literal_reads_back(text):
    from visualise.cypher_script import string_literal

    lit = string_literal(text)
    assert "\n" not in lit and "\r" not in lit
    value, end = _parse_string(lit, 0)
    assert value == text and end == len(lit)


def _statements(path):
    text = path.read_text(encoding="utf-8")
    assert text.endswith(";\n")
    lines = text.split("\n")
    assert lines[0].startswith("// lcg export:")
    return [s for s in lines[1:] if s]


def test_cypher_script_structure(graph, tmp_path):
    from graph import schema
    from visualise.cypher_script import BATCH
    from visualise.exports import export

    export(graph, "cypher", tmp_path / "g.cypher")
    statements = _statements(tmp_path / "g.cypher")
    # one statement per line (no raw newline escaped a literal), each ending with ';'
    assert all(s.endswith(";") for s in statements)
    constraints = [s for s in statements if s.startswith("CREATE CONSTRAINT")]
    kinds = {d["kind"] for _, d in graph.nodes(data=True)}
    assert len(constraints) == len(kinds)
    merges = [s for s in statements if s.startswith("UNWIND")]
    assert statements == constraints + merges           # constraints first
    labels = set(re.findall(r"\((?:n|a|b):(\w+) ", " ".join(s.split(" AS row ")[-1] for s in merges)))
    types = set(re.findall(r"-\[r:(\w+) ", " ".join(merges)))
    assert labels <= set(schema.NODE_KINDS) and types <= set(schema.REL_KINDS)
    # every node id and every (start, end) pair appears as a literal; rows per statement bounded
    text = "\n".join(merges)
    ids = re.findall(r"\{`id`: ('(?:[^'\\]|\\.)*'), `props`:", text)
    parsed = [_parse_string(i, 0)[0] for i in ids]
    assert sorted(parsed) == sorted(graph.nodes)
    starts = re.findall(r"\{`start`: ('(?:[^'\\]|\\.)*')", text)
    assert len(starts) == graph.number_of_edges()
    assert all(s.count("{`start`:") <= BATCH and s.count("`props`: {`id`:") <= BATCH for s in merges)


def test_cypher_script_keeps_hostile_names_inside_literals(tmp_path):
    from visualise.exports import export

    write_hostile_data(tmp_path / "h")
    g = _graph(tmp_path / "h")
    export(g, "cypher", tmp_path / "g.cypher")
    text = (tmp_path / "g.cypher").read_text(encoding="utf-8")
    name = g.nodes["evil-project"]["name"]
    assert "\n" in name and "\\" in name and "'" in name
    i = text.index("`name`: ", text.index("'evil-project'")) + len("`name`: ")
    assert _parse_string(text, i)[0] == name


def test_labels_and_types_only_from_the_schema():
    from visualise.cypher_script import cypher_script

    g = nx.MultiDiGraph()
    g.add_node("x", kind="Organisation) DETACH DELETE (y", name="X")
    with pytest.raises(ValueError):
        list(cypher_script(g))
    g = nx.MultiDiGraph()
    g.add_node("a", kind="Organisation", name="A")
    g.add_node("b", kind="Project", name="B")
    g.add_edge("a", "b", kind="FUNDS]->() DELETE r //")
    with pytest.raises(ValueError):
        list(cypher_script(g))


def test_script_statements_are_the_loaders_with_rows_inlined(tmp_path):
    """One source of truth: each statement is `lcg load`'s, with `$rows` written out."""
    from graph.backends import cypher_statements as cypher
    from visualise.cypher_script import cypher_script

    statements = list(cypher_script(_graph(FIXTURES / "tiny")))[1:]
    known = set(cypher.all_statements())
    for s in statements:
        if s.startswith("CREATE CONSTRAINT"):
            assert s in known
        else:
            head, _, tail = s.partition(" AS row ")
            assert head.startswith("UNWIND [") and f"UNWIND $rows AS row {tail}" in known


def test_cypher_script_passes_neo4j_front_end(tmp_path):
    """Neo4j's own parser (tools/cypher-lint) accepts every statement of a script with hostile values."""
    lint_dir = ROOT / "tools" / "cypher-lint"
    node = shutil.which("node")
    if not node or not (lint_dir / "node_modules" / "@neo4j-cypher" / "language-support").exists():
        if in_ci():
            pytest.fail("Cypher linter not installed: run `make lint-deps`")
        pytest.skip("Cypher linter not installed (make lint-deps)")
    from graph import schema
    from graph.backends import cypher_statements as cypher
    from visualise.exports import export

    write_hostile_data(tmp_path / "h")
    g = _graph(tmp_path / "h")
    export(g, "cypher", tmp_path / "g.cypher")
    statements = [s[:-1] for s in _statements(tmp_path / "g.cypher")]
    keys = {"id", "row", "props", "start", "end", "key", *cypher.BOOKKEEPING}
    for k in (*schema.NODE_KINDS.values(), *schema.REL_KINDS.values()):
        keys.update(k.field_names)
    payload = {"statements": statements, "schema": {"labels": list(schema.NODE_KINDS),
                                                    "relationshipTypes": list(schema.REL_KINDS),
                                                    "propertyKeys": sorted(keys)}}
    done = subprocess.run([node, str(lint_dir / "lint.mjs")], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=300, check=True)
    problems = [(statements[r["statement"]][:120], r["diagnostics"]) for r in json.loads(done.stdout)
                if r["diagnostics"]]
    assert not problems
    # and the linter can fail: a literal with a raw quote is reported
    bad = json.dumps({"statements": ["RETURN 'it's'"], "schema": {}})
    done = subprocess.run([node, str(lint_dir / "lint.mjs")], input=bad, capture_output=True, text=True,
                          timeout=300, check=True)
    assert json.loads(done.stdout)[0]["diagnostics"]


def test_export_cli_writes_each_format(lcg, tmp_path):
    for fmt, name in (("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"), ("cypher", "g.cypher"),
                      ("csv", "csv")):
        r = lcg("export", "--format", fmt, "--data", FIXTURES / "tiny", "--exclude-kind", "Person",
                "-o", tmp_path / name)
        assert r.exit_code == 0, r.output
        assert (tmp_path / name).exists()
    g = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert "ada-researcher" not in g and g.number_of_nodes() == 6


# --- output paths ---------------------------------------------------------------------------------

def _only_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.stderr
    return lines[0]


@pytest.mark.parametrize("cmd, extra, name", [
    ("map", (), "x.html"),
    ("export", ("--format", "graphml"), "x.graphml"),
    ("export", ("--format", "gexf"), "x.gexf"),
    ("export", ("--format", "json"), "x.json"),
    ("export", ("--format", "cypher"), "x.cypher"),
])
def test_missing_output_folder_is_named(lcg, tmp_path, cmd, extra, name):
    target = tmp_path / "no-such-dir" / name
    line = _only_error_line(lcg(cmd, *extra, "--data", FIXTURES / "tiny", "-o", target))
    assert line == f"Error: cannot write {target}: folder {target.parent} does not exist"
    assert not target.parent.exists()


def test_missing_folder_for_a_csv_prefix_is_named(lcg, tmp_path):
    target = f"{tmp_path / 'no-such-dir' / 'wclr-'}"
    line = _only_error_line(lcg("export", "--format", "csv", "--data", FIXTURES / "tiny", "-o", target))
    assert line.startswith(f"Error: cannot write {target}nodes.csv")
    assert line.endswith(f"folder {tmp_path / 'no-such-dir'} does not exist")


def test_output_that_is_a_folder_is_refused(lcg, tmp_path):
    (tmp_path / "d.graphml").mkdir()
    line = _only_error_line(lcg("export", "--format", "graphml", "--data", FIXTURES / "tiny",
                                "-o", tmp_path / "d.graphml"))
    assert line == f"Error: cannot write {tmp_path / 'd.graphml'}: it is a folder; give a file name"


def _unwritable_folder(tmp_path):
    """A real folder this process cannot create files in: a read-only folder, or /sys when running as root."""
    ro = tmp_path / "read-only"
    ro.mkdir()
    ro.chmod(0o500)
    for folder in (ro, __import__("pathlib").Path("/sys")):
        try:
            with open(folder / "probe.txt", "w"):
                pass
        except PermissionError:
            return folder
        else:
            (folder / "probe.txt").unlink()
    pytest.skip("no folder here refuses writes to this user")


@pytest.mark.parametrize("cmd, extra, name", [("map", (), "x.html"), ("export", ("--format", "gexf"), "x.gexf"),
                                              ("export", ("--format", "csv"), "out")])
def test_permission_denied_is_one_line(lcg, tmp_path, cmd, extra, name):
    folder = _unwritable_folder(tmp_path)
    try:
        target = folder / name
        line = _only_error_line(lcg(cmd, *extra, "--data", FIXTURES / "tiny", "-o", target))
        assert line == f"Error: cannot write {target}: permission denied (folder {folder})"
    finally:
        (tmp_path / "read-only").chmod(0o700)


def test_output_path_checked_before_the_graph_is_opened(lcg, tmp_path):
    """A typo in -o fails at once, not after loading (or failing to reach) the graph."""
    for cmd, extra, name in (("map", (), "x.html"), ("export", ("--format", "json"), "x.json")):
        target = tmp_path / "no-such-dir" / name
        line = _only_error_line(lcg(cmd, *extra, "--data", tmp_path / "no-such-data", "-o", target))
        assert line == f"Error: cannot write {target}: folder {target.parent} does not exist"
