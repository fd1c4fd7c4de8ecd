"""The map file and the focus selection, without a browser (tests/test_map_browser.py opens them)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from hypothesis import given, settings, strategies as st

from conftest import FIXTURES
from test_map_support import XSS_DESCRIPTION, XSS_NAME, write_hostile_data

WHEN = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)


def _backend(folder):
    from graph.backends.open import open_backend

    return open_backend(folder)


def _payload(html_text: str) -> dict:
    m = re.search(r'<script type="application/json" id="lcg-data">(.*?)</script>', html_text, re.S)
    return json.loads(m.group(1))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_json_for_script_cannot_close_the_element(text):
    from visualise.html_map import json_for_script

    out = json_for_script({"t": text, "l": [text, "</script>"]})
    assert "<" not in out and ">" not in out and "&" not in out
    assert "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"t": text, "l": [text, "</script>"]}


def test_hostile_names_never_reach_the_html_raw(tmp_path):
    from visualise.html_map import build_map_html

    write_hostile_data(tmp_path / "d")
    g = _backend(tmp_path / "d").graph
    page = build_map_html(g, title=XSS_NAME, generated=WHEN)
    assert XSS_NAME not in page and "<script>alert" not in page and "\u2028" not in page
    assert f"<title>&lt;img src=x onerror=alert(1)&gt;</title>" in page
    data = _payload(page)
    rows = {r[0]: r for r in data["nodes"]}
    assert rows["evil-org"][1] == XSS_NAME
    assert rows["evil-org"][7]["description"] == g.nodes["evil-org"]["description"]
    assert g.nodes["evil-org"]["description"].startswith(XSS_DESCRIPTION[:30])
    # exactly three script elements close: data, vis-network, the page's own
    assert len(re.findall(r"</script", page, re.I)) == 3
    # the CSP names the two executable scripts by hash and allows no network source
    import html

    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert "http" not in csp


def test_no_network_reference_in_the_page(tmp_path):
    """No src=, href= or url() pointing anywhere: everything the page needs is inline."""
    from visualise.html_map import build_map_html

    page = build_map_html(_backend(FIXTURES / "tiny").graph, generated=WHEN)
    assert not re.search(r"""<(script|link|img|iframe)[^>]*\b(src|href)\s*=""", page, re.I)
    assert "bootstrap" not in page.lower()


def test_same_data_same_page_whatever_the_insertion_order():
    import networkx as nx

    from visualise.html_map import build_map_html

    g = _backend(FIXTURES / "tiny").graph
    r = nx.MultiDiGraph(name=g.graph["name"])
    r.add_nodes_from(reversed(list(g.nodes(data=True))))
    r.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    assert build_map_html(g, generated=WHEN) == build_map_html(r, generated=WHEN)
    other_seed = _payload(build_map_html(g, generated=WHEN, seed=2))["nodes"]
    assert [row[4:6] for row in other_seed] != [row[4:6] for row in _payload(build_map_html(g, generated=WHEN))["nodes"]]


def test_layout_is_seeded_and_covers_every_node(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT
    from visualise.layout import positions

    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", "3000", "-o",
                    str(tmp_path / "g"), "--seed", "3"], check=True, capture_output=True)
    g = _backend(tmp_path / "g").graph
    g.add_node("lonely-a", kind="Theme", name="A")       # components the core does not reach
    g.add_edge("lonely-b", "lonely-c", kind="PART_OF")
    a, b = positions(g, seed=1), positions(g, seed=1)
    assert a == b and set(a) == set(g.nodes)
    assert len(set(a.values())) == len(a)                  # no two nodes on one spot


def test_write_map_writes_only_that_file(tmp_path):
    from visualise.html_map import write_map

    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "mine.js").write_text("keep me")
    write_map(_backend(FIXTURES / "tiny").graph, tmp_path / "m.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib", "m.html"]
    assert (tmp_path / "lib" / "mine.js").read_text() == "keep me"
    assert [p.name for p in (tmp_path / "lib").iterdir()] == ["mine.js"]


def test_large_maps_switch_to_a_precomputed_layout_and_say_so():
    import networkx as nx

    from visualise.html_map import LARGE, PHYSICS_MAX, build_map_html

    def ring(n):
        g = nx.MultiDiGraph(name="ring")
        g.add_nodes_from((f"n{i}", {"kind": "Organisation", "name": f"N {i}"}) for i in range(n))
        g.add_edges_from((f"n{i}", f"n{(i + 1) % n}", "PART_OF", {"kind": "PART_OF"}) for i in range(n))
        return g

    small, big, huge = (_payload(build_map_html(ring(n), generated=WHEN)) for n in (50, PHYSICS_MAX + 1, LARGE + 1))
    assert small["layout"] == "physics" and not small["large"]
    assert big["layout"] == "fixed" and "precomputed" in " ".join(big["caption"]) and not big["large"]
    assert huge["large"] and "--around" in " ".join(huge["caption"])


# --- focus ------------------------------------------------------------------------------------------------

def _select(**kw):
    from visualise.focus import Focus, select

    return select(_backend(FIXTURES / "tiny"), Focus(**kw))


def test_focus_whole_graph_is_everything():
    g = _backend(FIXTURES / "tiny").graph
    s = _select()
    assert sorted(s.nodes) == sorted(g.nodes) and s.number_of_edges() == g.number_of_edges()


def test_focus_around_by_depth():
    assert sorted(_select(around="ada-researcher", depth=0).nodes) == ["ada-researcher"]
    assert sorted(_select(around="ada-researcher", depth=1).nodes) == [
        "ada-researcher", "digital-skills-study", "university-of-example"]
    two = _select(around="Ada Researcher", depth=2)
    assert {"example-city-council", "digital-inclusion", "example-learning-network"} <= set(two.nodes)


def test_focus_excluded_kind_is_neither_shown_nor_walked_through():
    s = _select(around="digital-skills-study", depth=1, exclude_kinds=("Person",))
    assert "ada-researcher" not in s
    assert all(d["kind"] != "Person" for _, d in s.nodes(data=True))
    # University -> Ada -> Study is cut; University -> Study directly remains
    s2 = _select(exclude_kinds=("Organisation",))
    assert sorted(s2.nodes) == ["ada-researcher", "digital-inclusion", "digital-skills-study",
                                "example-learning-network"]
    assert all(d["kind"] != "Organisation" for _, d in s2.nodes(data=True))


def test_focus_kind_keeps_the_focus_node():
    s = _select(around="digital-skills-study", depth=2, kinds=("Organisation",))
    assert set(s.nodes) == {"digital-skills-study", "university-of-example", "example-city-council"}


def test_focus_theme_and_network():
    t = _select(theme="digital-inclusion")
    assert set(t.nodes) == {"digital-inclusion", "digital-skills-study", "university-of-example",
                            "example-city-council", "ada-researcher"}
    n = _select(network="Example Learning Network")
    assert set(n.nodes) == {"example-learning-network", "university-of-example", "example-city-council",
                            "fundacion-cordoba"}


def test_focus_since_drops_ended_work_and_ties():
    from graph.dates import ended_before

    assert ended_before("2018", "2019") and not ended_before("2019", "2019-06")
    assert ended_before("2019-03", "2019-06") and not ended_before(None, "2019")
    s = _select(since="2021")                        # the study ended 2020-03
    assert "digital-skills-study" not in s
    assert "ada-researcher" in s                     # she still works for the university
    assert s.number_of_edges("ada-researcher", "university-of-example") == 1
    assert "example-learning-network" in s
    # a tie that ended before the date goes, and a node it leaves without ties goes with it
    from visualise.focus import Focus, select

    b = _backend(FIXTURES / "tiny")
    for d in b.graph["fundacion-cordoba"]["example-learning-network"].values():
        d["to"] = "2019"
    cut = select(b, Focus(since="2020"))
    assert "fundacion-cordoba" not in cut and "university-of-example" in cut


def test_focus_errors_are_one_line(lcg, tmp_path):
    r = lcg("map", "--data", FIXTURES / "tiny", "--since", "last year", "-o", tmp_path / "x.html")
    assert r.exit_code == 2 and "Error: Invalid value for '--since': 'last year' is not a date" in r.output
    r = lcg("map", "--data", FIXTURES / "tiny", "--around", "nobody-here", "-o", tmp_path / "x.html")
    assert r.exit_code == 1 and "no node with id or name 'nobody-here'" in r.output
    r = lcg("export", "--format", "json", "--data", FIXTURES / "tiny", "--around", "ada-researcher",
            "--exclude-kind", "person", "-o", tmp_path / "x.json")
    assert r.exit_code == 2 and "Invalid value for '--around': 'ada-researcher' is a Person, which the excluded kinds" in r.output
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "x.json").exists()
    assert "Traceback" not in r.output


def test_since_must_be_a_real_date(lcg, tmp_path):
    """The shape alone is not enough: month 13 or 30 February must be refused, not shown as "since 2019-13"."""
    for cmd, out in (("map", "x.html"), ("export", "x.json")):
        for bad in ("2019-13", "2019-02-30", "2019-00", "2019-04-31"):
            extra = ("--format", "json") if cmd == "export" else ()
            r = lcg(cmd, *extra, "--data", FIXTURES / "tiny", "--since", bad, "-o", tmp_path / out)
            assert r.exit_code == 2, (cmd, bad, r.output)
            lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
            assert lines == [f"Error: Invalid value for '--since': {bad!r} is not a date (expected YYYY, YYYY-MM or "
                             f"YYYY-MM-DD) (see `lcg {cmd} --help`)"], r.stderr
            assert not (tmp_path / out).exists()
    for good in ("2019", "2019-12", "2020-02-29"):
        r = lcg("export", "--format", "json", "--data", FIXTURES / "tiny", "--since", good, "-o", tmp_path / "ok.json",
                    "--force")
        assert r.exit_code == 0 and f"since {good}" in r.stderr, r.output


def test_unknown_kind_names_the_option_given(lcg, tmp_path):
    for option in ("--kind", "--exclude-kind"):
        for cmd, out in (("map", "x.html"), ("export", "x.json")):
            extra = ("--format", "json") if cmd == "export" else ()
            r = lcg(cmd, *extra, "--data", FIXTURES / "tiny", option, "Persn", "-o", tmp_path / out)
            assert r.exit_code != 0 and "unknown kind 'Persn'" in r.stderr, r.output
            assert f"Invalid value for {option}:" in r.stderr, r.stderr
            other = "--exclude-kind" if option == "--kind" else "--kind"
            assert f"for {other}" not in r.stderr


def test_size_by_brokers(lcg, tmp_path):
    for how in ("ties", "brokers"):
        r = lcg("map", "--data", FIXTURES / "tiny", "--size-by", how, "-o", tmp_path / f"{how}.html")
        assert r.exit_code == 0, r.output
    ties = _payload((tmp_path / "ties.html").read_text(encoding="utf-8"))
    brokers = _payload((tmp_path / "brokers.html").read_text(encoding="utf-8"))
    assert "broker score" in " ".join(brokers["caption"]) and "number of ties" in " ".join(ties["caption"])
    size = {r[0]: r[3] for r in brokers["nodes"]}
    # the university links the council, the network's members and the study: the biggest broker
    assert size["university-of-example"] == max(size.values()) > min(size.values())
    assert [r[3] for r in ties["nodes"]] != [r[3] for r in brokers["nodes"]]
