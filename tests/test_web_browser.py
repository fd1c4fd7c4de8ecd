"""`lcg serve` in a real browser: a coordinator's journeys in headless Debian Chromium, offline.

The app runs on a real waitress server on 127.0.0.1 (a free port); the browser
may reach only that origin: every other request is aborted and counted, and every
test ends by checking that none was made, no dialog opened (script from the data)
and no script error happened. The same journeys run on the embedded graph and on
the suite's Bolt server (ArcadeDB) with --neo4j. Accessibility: axe-core
(tools/axe, installed by `make lint-deps`) on every page, no serious or critical
violation. Skipped without Chromium, failed under CI=true.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
import yaml

from conftest import FIXTURES, ROOT, SEED
from test_map_support import XSS_NAME, XSS_PERSON, in_ci, need_chromium, write_hostile_data

OVERLAPS = FIXTURES / "dedup" / "overlaps"
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module", autouse=True)
def _browser_available():
    need_chromium()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from tools.browser import ARGS, chromium_path

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        try:
            yield b
        finally:
            b.close()


@contextmanager
def running(folder, **options):
    """The app over ``folder`` on a free loopback port: yields (base url, app)."""
    from visualise.web import create_app
    from visualise.web.server import in_background

    app = create_app(str(folder), **options)
    try:
        with in_background(app) as url:
            yield url, app
    finally:
        app.extensions["lcg.graph"].close()


@dataclass
class Tab:
    page: object
    origin: str
    outside: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def go(self, path: str):
        resp = self.page.goto(self.origin + path, wait_until="load")
        assert resp.status == 200, (path, resp.status)
        return resp

    def clean(self):
        assert self.outside == [], f"requests left the app's origin: {self.outside}"
        assert self.dialogs == [], f"script from the data ran: {self.dialogs}"
        assert self.errors == [], self.errors

    def axe(self):
        if not AXE.exists():
            if in_ci():
                pytest.fail("axe-core not installed: run `make lint-deps`")
            pytest.skip("axe-core not installed: run `make lint-deps` (npm ci --prefix tools/axe)")
        # evaluated through the DevTools protocol, so the page's CSP (no inline script) still holds for the page
        self.page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
        result = self.page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        assert bad == [], f"{self.page.url}: {bad}"


@contextmanager
def tab(browser, origin, *, accept_downloads=False):
    context = browser.new_context(service_workers="block", accept_downloads=accept_downloads)
    page = context.new_page()
    t = Tab(page, origin)

    def route(r):
        if r.request.url.startswith(origin + "/") or r.request.url == origin:
            r.continue_()
        else:
            t.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)

    def on_dialog(d):
        t.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: t.errors.append(str(exc)))
    page.on("console", lambda m: m.type == "error" and "403" not in m.text and t.errors.append(m.text))
    try:
        yield t
    finally:
        context.close()


# --- the two backends ------------------------------------------------------------------------------------------

@contextmanager
def app_over(kind, folder, bolt=None, tmp_path=None):
    """The app over ``folder`` on the embedded graph, or over the same data loaded into the Bolt server."""
    if kind == "embedded":
        with running(folder) as srv:
            yield srv
        return
    from click.testing import CliRunner

    from cli import main
    from graph.backends.bolt import BoltConfig
    from support.bolt_db import wipe

    wipe(bolt)
    result = CliRunner().invoke(main, ["load", "--data", str(folder)], env=bolt.env())
    assert result.exit_code == 0, result.output
    decisions = tmp_path / "decisions-only"  # the server holds the data; the folder only decisions.yaml
    decisions.mkdir(exist_ok=True)
    if (folder / "decisions.yaml").exists():
        shutil.copy(folder / "decisions.yaml", decisions / "decisions.yaml")
    with running(decisions, neo4j_uri=bolt.uri,
                 config=BoltConfig(bolt.uri, bolt.user, bolt.password, bolt.database)) as srv:
        yield srv


BACKENDS = ["embedded", "neo4j"]


@pytest.fixture
def bolt(request):
    return request.getfixturevalue("bolt_server") if request.node.callspec.params.get("kind") == "neo4j" else None


# --- journeys ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", BACKENDS)
def test_find_an_organisation_its_collaborators_and_a_connection_to_another_city(browser, kind, bolt, tmp_path):
    with app_over(kind, SEED, bolt, tmp_path) as (origin, _app), tab(browser, origin) as t:
        t.go("/")
        t.axe()
        t.page.fill("#q", "wolverhampton univ")  # search as you type: no Enter
        t.page.click("#results a:text-is('University of Wolverhampton')")
        t.page.wait_for_url("**/entity?id=university-of-wolverhampton")
        assert t.page.inner_text("h1").startswith("University of Wolverhampton")
        rows = t.page.locator("#collab-h ~ table tbody tr")
        assert rows.count() > 0
        t.axe()
        # sort the collaborators by strength, weakest first
        t.page.click("#collab-h ~ table th button:text-is('strength')")
        strengths = [float(x) for x in t.page.locator("#collab-h ~ table tbody tr td:nth-child(4)").all_inner_texts()]
        assert strengths == sorted(strengths)
        # a collaborator's page, then: how is it connected to Cork?
        t.page.click("a:text-is('How is it connected to…')")
        t.page.fill("input[name=b]", "Cork")
        t.page.click("button:text-is('Connect')")
        chain = t.page.locator("ol.chains li").first
        assert chain.locator("a").count() >= 3
        t.axe()
        chain.locator("a").last.click()
        t.page.wait_for_url("**/entity?id=cork")
        assert t.page.inner_text("h1").startswith("Cork")
        # the tables
        for path in ("/brokers", "/clusters", "/gaps", "/timeline"):
            t.go(path)
            assert t.page.locator("table.sortable tbody tr").count() > 0, path
            t.axe()
        t.clean()


@pytest.mark.parametrize("kind", BACKENDS)
def test_review_an_overlap_decide_reload_and_the_cli_honours_it(browser, kind, bolt, tmp_path, lcg):
    folder = tmp_path / "data"
    shutil.copytree(OVERLAPS, folder)
    with app_over(kind, folder, bolt, tmp_path) as (origin, app), tab(browser, origin) as t:
        data_dir = app.extensions["lcg.graph"].data_dir
        t.go("/review")
        t.axe()
        first = t.page.locator("tr.pair").first
        a, b = first.get_attribute("data-a"), first.get_attribute("data-b")
        count = t.page.locator("tr.pair").count()
        first.locator("input[name=note]").fill("<script>alert('n')</script> different cohorts")
        first.locator("button:text-is('Accepted overlap')").click()
        t.page.wait_for_selector(".done")
        t.page.reload()
        assert t.page.locator("tr.pair").count() == count - 1
        decided = t.page.locator(f"tr.decided[data-a='{min(a, b)}']")
        assert decided.count() == 1 and "different cohorts" in decided.inner_text()
        t.axe()
        saved = yaml.safe_load((tmp_path / ("data" if kind == "embedded" else "decisions-only") /
                                "decisions.yaml").read_text(encoding="utf-8"))
        assert saved[0]["pair"] == sorted([a, b]) and saved[0]["decision"] == "accepted overlap"
        if kind == "embedded":
            cli = json.loads(lcg("overlaps", "--data", data_dir, "--format", "json").stdout)
            assert all({r["a"], r["b"]} != {a, b} for r in cli) and len(cli) == count - 1
        # a write without the page's token is refused, in the browser too
        status = t.page.evaluate("([a, b]) => fetch('/decide', {method: 'POST', body: new URLSearchParams("
                                 "{a: a, b: b, decision: 'same'})}).then(r => r.status)", [a, b])
        assert status == 403
        # undo puts the pair back in the queue
        decided.locator("button:text-is('Undo')").click()
        t.page.wait_for_selector(".done")
        assert t.page.locator("tr.pair").count() == count
        t.clean()


@pytest.mark.parametrize("kind", BACKENDS)
def test_check_a_proposal(browser, kind, bolt, tmp_path):
    with app_over(kind, OVERLAPS, bolt, tmp_path) as (origin, _app), tab(browser, origin) as t:
        t.go("/proposal")
        t.axe()
        t.page.fill("#text", (OVERLAPS / "proposal.yaml").read_text(encoding="utf-8"))
        t.page.click("button:text-is('Check')")
        t.page.wait_for_selector("table.sortable tbody tr")
        assert "overlap" in t.page.inner_text("table.sortable tbody")
        t.axe()
        t.clean()


@pytest.mark.parametrize("kind", BACKENDS)
def test_open_the_map_click_a_node_land_on_its_page(browser, kind, bolt, tmp_path):
    with app_over(kind, SEED, bolt, tmp_path) as (origin, _app), tab(browser, origin) as t:
        t.go("/map?around=university-of-wolverhampton&depth=1")
        t.axe()
        frame = t.page.frame_locator("iframe.map")
        frame.locator("body[data-state=settled]").wait_for(state="attached", timeout=120_000)
        inner = t.page.frames[1]
        target = "wolverhampton"
        x, y = inner.evaluate("(id) => { const n = lcgMap.network; n.fit(); n.focus(id, {scale: 1.5});"
                              "const p = n.canvasToDOM(n.getPosition(id)); return [p.x, p.y]; }", target)
        box = t.page.locator("iframe.map").bounding_box()
        rect = inner.evaluate("() => { const r = document.getElementById('network').getBoundingClientRect();"
                              "return [r.x, r.y]; }")
        t.page.wait_for_timeout(300)
        t.page.mouse.click(box["x"] + rect[0] + x, box["y"] + rect[1] + y)
        t.page.wait_for_url(f"**/entity?id={target}")
        assert t.page.inner_text("h1").startswith("Wolverhampton")
        t.clean()


@pytest.mark.parametrize("kind", BACKENDS)
def test_download_exports_and_read_them_back(browser, kind, bolt, tmp_path):
    import networkx as nx

    with app_over(kind, FIXTURES / "tiny", bolt, tmp_path) as (origin, app), \
            tab(browser, origin, accept_downloads=True) as t:
        t.go("/export")
        t.axe()
        expected = app.extensions["lcg.graph"].backend().counts()
        nodes = sum(expected[0].values())
        with t.page.expect_download() as d:
            t.page.click("a:text-is('Download graphml')")
        g = nx.read_graphml(d.value.path())
        assert g.number_of_nodes() == nodes and g.number_of_edges() == sum(expected[1].values())
        with t.page.expect_download() as d:
            t.page.click("a:text-is('Download csv')")
        with zipfile.ZipFile(d.value.path()) as z:
            assert {"nodes.csv", "edges.csv", "gephi_nodes.csv", "gephi_edges.csv"} <= set(z.namelist())
            assert len(z.read("nodes.csv").decode().splitlines()) == nodes + 1
        with t.page.expect_download() as d:
            t.page.click("a:text-is('Download json')")
        assert len(json.loads(open(d.value.path(), encoding="utf-8").read())["nodes"]) == nodes
        t.clean()


def test_hostile_names_notes_and_urls_show_as_text(browser, tmp_path):
    folder = tmp_path / "evil"
    write_hostile_data(folder)
    (folder / "decisions.yaml").write_text(
        "- pair: [evil-org, plain-org]\n  decision: distinct\n  note: \"<img src=x onerror=alert(5)>\"\n", encoding="utf-8")
    with running(folder) as (origin, _app), tab(browser, origin) as t:
        t.go("/")
        t.page.fill("#q", "img")
        t.page.wait_for_selector("#results a")
        assert t.page.inner_text("#results a") == XSS_NAME
        for path in ("/entity?id=evil-org", "/entity?id=evil-person", "/entity?id=evil-project",
                     "/path?a=evil-person&b=plain-org", "/review", "/gaps", "/timeline", "/brokers",
                     "/map?around=evil-org&depth=1"):
            t.go(path)
            if path.startswith("/map"):
                t.page.frame_locator("iframe.map").locator("body[data-state=settled]").wait_for(
                    state="attached", timeout=60_000)
            t.axe()
        t.go("/entity?id=evil-org")
        assert t.page.inner_text("h1").startswith(XSS_NAME)
        assert t.page.locator("a[href^='javascript']").count() == 0
        t.go("/entity?id=evil-person")
        assert t.page.inner_text("h1").startswith(XSS_PERSON)
        t.clean()


def test_page_through_the_review_queue_and_decide_on_page_two(browser, tmp_path, lcg):
    """Paging: Next/Previous with totals; a decision on page 2 is written, the browser stays on page 2, the pair
    leaves the queue, a reload keeps it so and `lcg duplicates` honours it."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "dedup" / "duplicates", folder)
    with running(folder) as (origin, _app), tab(browser, origin) as t:
        t.go("/review?per_page=3")
        orgs = t.page.locator("section#organisations")
        assert "Organisations that may be one (7)" in orgs.locator("h2").inner_text()
        assert orgs.locator("nav.pager .range").inner_text() == "1–3 of 7"
        first_page = [a.get_attribute("data-a") for a in orgs.locator("article.pair").all()]
        orgs.locator("nav.pager a[rel=next]").click()
        t.page.wait_for_url("**organisations_offset=3**")
        t.axe()
        assert orgs.locator("nav.pager .range").inner_text() == "4–6 of 7"
        pair = orgs.locator("article.pair").first
        a, b = pair.get_attribute("data-a"), pair.get_attribute("data-b")
        assert a not in first_page
        pair.locator("input[name=note]").fill("two charities, <b>not</b> one")
        pair.locator("button:text-is('Distinct')").click()
        t.page.wait_for_selector(".done")
        assert "organisations_offset=3" in t.page.url
        t.page.reload()
        assert orgs.locator("nav.pager .range").inner_text() == "4–6 of 6"
        assert orgs.locator(f"article.pair[data-a='{a}'][data-b='{b}']").count() == 0
        saved = yaml.safe_load((folder / "decisions.yaml").read_text(encoding="utf-8"))
        assert saved[0]["pair"] == sorted([a, b]) and saved[0]["decision"] == "distinct"
        left = json.loads(lcg("duplicates", "--data", folder, "--format", "json").stdout)
        assert len(left) == 6 and all({r["keep"], r["merge"]} != {a, b} for r in left)
        orgs.locator("nav.pager a[rel=prev]").click()
        t.page.wait_for_url("**organisations_offset=0**")
        assert [x.get_attribute("data-a") for x in orgs.locator("article.pair").all()] == first_page
        t.axe()
        t.clean()


def test_page_through_a_kind_of_relationship(browser):
    with running(SEED) as (origin, _app), tab(browser, origin) as t:
        t.go("/entity?id=university-of-wolverhampton&limit=2")
        t.axe()
        nav = t.page.locator("nav[aria-label='PART_OF pages']")
        assert nav.locator(".range").inner_text() == "1–2 of 7"
        nav.locator("a[rel=next]").click()
        t.page.wait_for_url("**relationship=PART_OF**")
        assert t.page.locator("#rels-h ~ h3").all_inner_texts() == ["PART_OF (7)"]
        assert t.page.locator("nav.pager .range").inner_text() == "3–4 of 7"
        assert t.page.locator("ul.ties li").count() == 2
        t.axe()
        t.page.click("a:text-is('All kinds of relationship, and collaborators')")
        t.page.wait_for_selector("#collab-h")
        t.clean()
