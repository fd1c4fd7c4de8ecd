"""The map in a real browser: headless Chromium, network cut off, hostile data.

Each map is opened from a file:// URL with every other request aborted and
counted; the tests read the vis DataSets the page builds, type into its search
box, hover nodes and count dialogs. Skipped without Chromium, failed under CI=true.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, SEED
from test_map_support import JS_SOURCE, XSS_NAME, XSS_PERSON, need_chromium, write_hostile_data


@pytest.fixture(scope="module", autouse=True)
def _browser_available():
    need_chromium()


def _graph(folder):
    from graph.backends.open import open_backend

    return open_backend(folder).graph


def _map(tmp_path, folder, name="map.html", **options):
    from visualise.html_map import write_map

    g = _graph(folder)
    return write_map(g, tmp_path / name, source=str(folder), **options), g


def _open(path, **kw):
    from tools.browser import open_map

    return open_map(path, **kw)


def _clean(mp):
    assert mp.requests == [], f"the map made network requests: {mp.requests}"
    assert mp.console_errors == [], mp.console_errors
    assert mp.page_errors == [], mp.page_errors
    assert mp.dialogs == [], f"script from the data ran: {mp.dialogs}"


COUNTS = "() => ({nodes: lcgMap.nodes.length, edges: lcgMap.edges.length, shown: lcgMap.view.length})"


def test_tiny_map_offline_counts_and_search(tmp_path):
    path, g = _map(tmp_path, FIXTURES / "tiny")
    with _open(path) as mp:
        counts = mp.evaluate(COUNTS)
        assert counts == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "shown": g.number_of_nodes()}
        assert mp.evaluate("() => lcgMap.network.getSelectedNodes()") == []
        # type a name without its accent, press Enter: that node is selected and described
        mp.page.fill("#search", "fundacion cord")
        assert mp.page.inner_text("#results").startswith("Fundación Córdoba")
        mp.page.press("#search", "Enter")
        assert mp.evaluate("() => lcgMap.network.getSelectedNodes()") == ["fundacion-cordoba"]
        assert mp.page.inner_text("#details h2") == "Fundación Córdoba"
        # a result button selects too
        mp.page.fill("#search", "ada")
        mp.page.click("#results button")
        assert mp.evaluate("() => lcgMap.network.getSelectedNodes()") == ["ada-researcher"]
        # the legend lists the kinds present with their counts; unticking one hides its nodes
        legend = mp.page.inner_text("#legend")
        assert "Organisation" in legend and "Person" in legend and "Report" not in legend
        mp.page.uncheck('#legend input[data-kind="Organisation"]')
        shown = mp.evaluate(COUNTS)["shown"]
        assert shown == g.number_of_nodes() - sum(1 for _, k in g.nodes(data="kind") if k == "Organisation")
        # searching a hidden kind's node shows that kind again
        mp.page.fill("#search", "University of Example")
        mp.page.press("#search", "Enter")
        assert mp.evaluate(COUNTS)["shown"] == g.number_of_nodes()
        assert mp.page.is_checked('#legend input[data-kind="Organisation"]')
        caption = mp.page.inner_text("#caption")
        assert "7 nodes and 9 relationships" in caption and "Generated" in caption
        _clean(mp)


def test_hostile_text_shows_literally_and_runs_nothing(tmp_path):
    folder = tmp_path / "hostile"
    write_hostile_data(folder)
    path, g = _map(tmp_path, folder)
    with _open(path) as mp:
        assert mp.evaluate(COUNTS)["nodes"] == g.number_of_nodes() == 4
        # the details panel, via search by the hostile name itself
        mp.page.fill("#search", XSS_NAME)
        assert XSS_NAME in mp.page.inner_text("#results")
        mp.page.press("#search", "Enter")
        assert mp.evaluate("() => lcgMap.network.getSelectedNodes()") == ["evil-org"]
        assert mp.page.inner_text("#details h2") == XSS_NAME
        # sources: the https one is a link, the javascript: one is plain text
        hrefs = mp.evaluate("() => [...document.querySelectorAll('#details a')].map(a => a.getAttribute('href'))")
        assert hrefs == ["https://example.org/report?a=1&b=%3C2%3E"]
        assert JS_SOURCE in mp.page.inner_text("#details")
        # the hover tooltip, by moving the mouse onto each node
        for node_id, name in (("evil-org", XSS_NAME), ("evil-person", XSS_PERSON)):
            xy = mp.evaluate("(id) => { const p = lcgMap.network.getPosition(id);"
                             " const d = lcgMap.network.canvasToDOM(p);"
                             " const r = document.getElementById('network').getBoundingClientRect();"
                             " return [d.x + r.left, d.y + r.top]; }", node_id)
            mp.page.mouse.move(xy[0], xy[1])
            mp.page.wait_for_selector("#tip:not([hidden])")
            assert mp.page.inner_text("#tip h2") == name
            mp.page.mouse.move(5, 5)
        # a tie: click the middle of evil-org -> evil-project; its details show the note as text
        edge = mp.evaluate("() => lcgMap.edges.get().find(e => e.from === 'evil-org' && e.to === 'evil-project').id")
        mid = mp.evaluate("(id) => { const n = lcgMap.network; const [a, b] = n.getConnectedNodes(id);"
                          " const p = n.getPositions([a, b]);"
                          " const d = n.canvasToDOM({x: (p[a].x + p[b].x) / 2, y: (p[a].y + p[b].y) / 2});"
                          " const r = document.getElementById('network').getBoundingClientRect();"
                          " return [d.x + r.left, d.y + r.top]; }", edge)
        mp.page.mouse.move(mid[0], mid[1])
        mp.page.wait_for_selector("#tip:not([hidden])")
        assert mp.page.inner_text("#tip h2") == "PARTNER_IN"
        mp.page.mouse.click(mid[0], mid[1])
        details = mp.page.inner_text("#details")
        assert details.startswith("PARTNER_IN") and "</script>" + XSS_NAME in details and "lead" in details
        assert len(mp.evaluate("() => lcgMap.edges.getIds()")) == g.number_of_edges()
        # nothing the data holds became an element
        assert mp.evaluate("() => document.querySelectorAll('img, svg[onload], b, i, script:not([type])').length") \
            == 2  # the page's own two scripts
        assert mp.evaluate("() => document.querySelectorAll('script').length") == 3
        _clean(mp)


def test_same_data_same_layout_in_the_browser(tmp_path):
    path, _ = _map(tmp_path, FIXTURES / "tiny")
    positions = []
    for _ in range(2):
        with _open(path) as mp:
            positions.append(mp.evaluate("() => lcgMap.network.getPositions()"))
            _clean(mp)
    assert positions[0] == positions[1]
    assert len(positions[0]) == 7


def test_generated_thousand_node_map(tmp_path):
    """About 1,300 nodes: above the physics threshold, so the precomputed layout; all of it loads offline."""
    data = tmp_path / "gen"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--relationships", "5000", "-o", str(data),
                    "--seed", "1"], check=True, capture_output=True)
    path, g = _map(tmp_path, data)
    assert g.number_of_nodes() > 1000
    with _open(path) as mp:
        counts = mp.evaluate(COUNTS)
        assert counts["nodes"] == g.number_of_nodes() and counts["edges"] == g.number_of_edges()
        assert "precomputed" in mp.page.inner_text("#caption")
        names = [n for _, n in g.nodes(data="name")]
        node_id, name = next((i, n) for i, n in sorted(g.nodes(data="name")) if names.count(n) == 1
                             and i.startswith("org-"))
        mp.page.fill("#search", name)
        mp.page.press("#search", "Enter")
        assert mp.evaluate("() => lcgMap.network.getSelectedNodes()") == [node_id]
        _clean(mp)


def test_focus_map_without_people(tmp_path, lcg):
    out = tmp_path / "focus.html"
    r = lcg("map", "--data", FIXTURES / "tiny", "--around", "university-of-example", "--depth", "2",
            "--exclude-kind", "Person", "-o", out)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["focus.html"]
    with _open(out) as mp:
        ids = mp.evaluate("() => lcgMap.nodes.getIds()")
        assert "ada-researcher" not in ids and "university-of-example" in ids
        assert "without Person" in mp.page.inner_text("#caption")
        _clean(mp)


def test_empty_focus_opens_and_says_so(tmp_path, lcg):
    out = tmp_path / "empty.html"
    r = lcg("map", "--data", FIXTURES / "tiny", "--kind", "Report", "-o", out)
    assert r.exit_code == 0 and "no node matches" in r.stderr
    with _open(out) as mp:
        assert mp.evaluate(COUNTS) == {"nodes": 0, "edges": 0, "shown": 0}
        assert "Nothing to show" in mp.page.inner_text("#caption")
        _clean(mp)


def test_seed_map(tmp_path):
    path, g = _map(tmp_path, SEED)
    with _open(path) as mp:
        counts = mp.evaluate(COUNTS)
        assert counts["nodes"] == g.number_of_nodes() and counts["edges"] == g.number_of_edges()
        mp.page.fill("#search", "University of Wolverhampton")
        mp.page.press("#search", "Enter")
        assert mp.evaluate("() => lcgMap.network.getSelectedNodes()") == ["university-of-wolverhampton"]
        _clean(mp)
