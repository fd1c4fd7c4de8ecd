"""`lcg serve`: pages, JSON twins equal to the CLI's JSON, security checks, review decisions, reloads.

Through Flask's test client (the app in-process), and once through a real
`lcg serve` process and a real waitress server on 127.0.0.1 for what needs sockets
(the printed address, two decisions at the same moment). The browser journeys are
in test_web_browser.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
import yaml

from conftest import FIXTURES, ROOT, SEED
from test_map_support import JS_SOURCE, XSS_NAME, XSS_PERSON, write_hostile_data

OVERLAPS = FIXTURES / "dedup" / "overlaps"
DUPLICATES = FIXTURES / "dedup" / "duplicates"
HOST = {"Host": "127.0.0.1:8000"}


def _client(folder, **kw):
    from visualise.web import create_app

    app = create_app(str(folder), **kw)
    return app, app.test_client()


def _get(client, url, **kw):
    return client.get(url, headers={**HOST, **kw.pop("headers", {})}, **kw)


def _copy(src, tmp_path):
    dst = tmp_path / src.name
    shutil.copytree(src, dst)
    return dst


# --- every page answers -----------------------------------------------------------------------------------------

PAGES = ["/", "/?q=wolverhampton", "/entity?id=university-of-wolverhampton",
         "/entity?id=university-of-wolverhampton&as_of=2019-06-01&via=project", "/entity?id=cork",
         "/entity?id=learning-digital-skills-study", "/path?a=wolverhampton&b=cork",
         "/brokers", "/brokers?kind=person", "/clusters", "/gaps", "/timeline?from=2019&to=2022", "/review",
         "/proposal", "/map?around=university-of-wolverhampton&depth=1", "/export"]


@pytest.mark.parametrize("url", PAGES)
def test_seed_pages_answer_with_csp(url):
    _app, c = _client(SEED)
    r = _get(c, url)
    assert r.status_code == 200, r.data[:500]
    assert r.mimetype == "text/html"
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert b"http://" not in r.data.replace(b"http://127.0.0.1", b"") or url.startswith("/entity")
    assert b"<script src=\"/static/app.js\"" in r.data


def test_entity_page_shows_fields_groups_and_collaborators():
    _app, c = _client(SEED)
    page = _get(c, "/entity?id=University of Wolverhampton").data.decode()  # a name resolves like `lcg show`
    assert "<h1>University of Wolverhampton" in page
    assert "<h3 id=\"rel-PARTNER_IN\">PARTNER_IN (3)" in page and "<h3 id=\"rel-MEMBER_OF\">MEMBER_OF (" in page
    assert r"app;dur=" in _get(c, "/").headers["Server-Timing"]
    assert 'href="/entity?id=' in page and "strength" in page
    assert 'type="date" name="as_of"' in page


def test_entity_page_pages_each_kind_of_relationship():
    """Each kind shows its first ``limit`` ties and its total; Next/Previous walk one kind by query parameters."""
    from graph.backends.open import open_backend
    from graph.describe import show_node

    _app, c = _client(SEED)
    every = [r["other_id"] for r in show_node(open_backend(str(SEED)), "university-of-wolverhampton")["relationships"]
             if r["relationship"] == "PART_OF"]
    assert len(every) == 7
    page = _get(c, "/entity?id=university-of-wolverhampton&limit=2").data.decode()
    assert "<h3 id=\"rel-PART_OF\">PART_OF (7)</h3>" in page and "1–2 of 7" in page
    assert "Collaborators" in page
    seen, url = [], "/entity?id=university-of-wolverhampton&relationship=PART_OF&limit=2"
    while url:
        page = _get(c, url).data.decode()
        assert "Collaborators" not in page and "<h3 id=\"rel-" in page and page.count("<h3 id=\"rel-") == 1
        ties = page[page.index('<ul class="ties">'):page.index("</ul>", page.index('<ul class="ties">'))]
        seen += [a.split('"')[0] for a in ties.split('href="/entity?id=')[1:]]
        nxt = page.split('rel="next" href="')
        url = nxt[1].split('"')[0].replace("&amp;", "&") if len(nxt) > 1 else None
    assert seen == every  # every tie once, in the order `lcg show` lists them
    back = _get(c, "/entity?id=university-of-wolverhampton&relationship=PART_OF&limit=2&offset=6").data.decode()
    assert "7–7 of 7" in back and "offset=4" in back and 'rel="next"' not in back
    r = _get(c, "/entity?id=university-of-wolverhampton&relationship=NO_SUCH")
    assert r.status_code == 400 and b"not a relationship kind" in r.data


def test_warm_up_readies_the_nodes_with_most_ties():
    """What the server does in the background after a load: the hubs' tie lists are built before anyone asks."""
    from graph.backends.open import open_backend
    from visualise.web.state import warm_hubs

    backend = open_backend(str(SEED))
    degrees = sorted(((backend.degree(n.id), n.id) for n in backend.nodes()), key=lambda x: (-x[0], x[1]))
    cut = degrees[2][0]
    hubs = warm_hubs(backend, min_ties=cut, most=3)
    assert hubs and sorted(hubs) == sorted(i for d, i in degrees[:3] if d >= cut)
    assert all(h in backend._adj for h in hubs)  # the embedded backend's per-node tie cache holds them
    assert warm_hubs(backend, min_ties=10**9) == []
    import gc

    from visualise.web.state import prepare

    try:
        prepare(backend)  # then the long-lived objects are left out of the collector's full scans
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_search_index_is_ready_before_the_graph_is_served(tmp_path):
    """Built while the graph loads (at start-up, before the address is printed; on a reload, before the new
    graph is handed out), not beside the first requests: no search waits for it."""
    import graph.search as S
    from visualise.web.state import GraphSource

    folder = _copy(SEED, tmp_path)
    graph = GraphSource(folder)
    first = graph.backend()
    assert first in S._INDEXES
    org = folder / "organisations.yaml"
    org.write_text(org.read_text() + "- {id: new-org-x, name: Zebrafish Learning Trust, sources: [001_b0e830f65fbfb7a9.txt]}\n")
    second = graph.backend()
    assert graph.problem is None and second is not first and second in S._INDEXES
    assert [m.node.id for m in S.search(second, "zebrafish")] == ["new-org-x"]


def test_warm_up_gives_way_to_requests_in_flight(monkeypatch):
    from visualise.web import state

    monkeypatch.setattr(state, "WARM_MIN_TIES", 10)
    monkeypatch.setattr(state, "WARM_YIELD", 0.01)
    app, c = _client(SEED)
    graph = app.extensions["lcg.graph"]
    waits = []
    real_wait, real_serving = graph.wait_idle, graph.serving
    me = threading.get_ident()  # (the load's own warm-up thread may wait too, before the request below is in flight)

    def wait_idle(most):
        idle = real_wait(most)
        if threading.get_ident() == me:
            waits.append(idle)
        return idle

    monkeypatch.setattr(graph, "wait_idle", wait_idle)
    with graph.serving():  # a request in flight all along: each step waits for it, then goes on
        assert state.warm_hubs(graph.backend(), source=graph)
    assert waits and not any(waits)
    counted = []
    monkeypatch.setattr(graph, "serving", lambda: counted.append(1) or real_serving())
    assert _get(c, "/api/search?q=wolverhampton").status_code == 200
    assert counted == [1] and graph.wait_idle(0)  # the app counts each request, and the count goes back to 0


def test_warm_up_keeps_the_hubs_page_answers_under_the_keys_a_visit_asks_by(monkeypatch):
    from visualise.web import state

    monkeypatch.setattr(state, "WARM_MIN_TIES", 10)
    app, c = _client(SEED)
    graph = app.extensions["lcg.graph"]
    try:
        state.prepare(graph.backend(), graph)  # what the server's own thread does after a load; here to wait for it
    finally:
        import gc

        gc.unfreeze()
    from graph.queries.strength import ACTOR_KINDS

    hubs = state.warm_hubs(graph.backend(), min_ties=10)
    hub = next(h for h in hubs if graph.backend().node(h).kind in ACTOR_KINDS)
    kept = set(graph.answers._items)
    assert {(k[1], k[2]) for k in kept} >= {("show", (("id", hub),)), ("collaborators", (("id", hub),))}
    _get(c, f"/entity?id={hub}")
    assert set(graph.answers._items) == kept  # the visit found both answers kept: nothing new computed


def test_unknown_and_bad_inputs_are_one_line_errors():
    _app, c = _client(SEED)
    r = _get(c, "/entity?id=../../etc/passwd")
    assert r.status_code == 404 and b"no node with id or name" in r.data
    r = _get(c, "/api/collaborators?id=university-of-wolverhampton&as_of=2999")
    assert r.status_code == 400 and "in the future" in r.get_json()["error"]
    r = _get(c, "/export/download?format=../../etc/passwd")
    assert r.status_code == 400 and b"format: expected one of" in r.data
    assert _get(c, "/api/nothing").status_code == 404


# --- JSON twins: the same rows as `lcg ... --format json` ---------------------------------------------------

PARITY = [
    (["search", "{word}"], "/api/search?q={word}"),
    (["search", "{word}", "--kind", "Organisation", "--limit", "5"], "/api/search?q={word}&kind=Organisation&limit=5"),
    # the page's twin is paged per kind (50 of each, with totals); `lcg show` asks for all unless given --limit
    (["show", "{org}", "--limit", "50"], "/api/show?id={org}"),
    (["show", "{person}", "--limit", "50"], "/api/show?id={person}"),
    (["show", "{org}", "--limit", "0"], "/api/show?id={org}&limit=0"),
    (["show", "{org}", "--limit", "1", "--offset", "1", "--relationship", "part_of"],
     "/api/show?id={org}&limit=1&offset=1&relationship=part_of"),
    (["collaborators", "{org}"], "/api/collaborators?id={org}"),
    (["collaborators", "{org}", "--as-of", "2019-06-01", "--kind", "organisation"],
     "/api/collaborators?id={org}&as_of=2019-06-01&kind=organisation"),
    (["collaborators", "{org}", "--since", "2018", "--via", "project", "--limit", "0"],
     "/api/collaborators?id={org}&since=2018&via=project&limit=0"),
    (["path", "{org}", "{org2}"], "/api/path?a={org}&b={org2}"),
    (["path", "{person}", "{theme}", "--themes", "--max-hops", "3"], "/api/path?a={person}&b={theme}&themes=1&max_hops=3"),
    (["brokers", "--sample", "50"], "/api/brokers?sample=50"),
    (["brokers", "--kind", "person"], "/api/brokers?kind=person"),
    (["clusters"], "/api/clusters"),
    (["gaps"], "/api/gaps"),
    (["gaps", "--only", "theme", "--few", "2"], "/api/gaps?only=theme&few=2"),
    (["timeline", "--from", "2019", "--to", "2022"], "/api/timeline?from=2019&to=2022"),
    (["overlaps"], "/api/overlaps"),
    (["overlaps", "--min-score", "0.2", "--include-decided"], "/api/overlaps?min_score=0.2&include_decided=1"),
    (["overlaps", "--related", "--min-score", "0.3"], "/api/overlaps?related=1&min_score=0.3"),
    (["duplicates"], "/api/duplicates"),
    (["duplicates", "--kind", "Person", "--include-decided"], "/api/duplicates?kind=Person&include_decided=1"),
]


def _same_rows(lcg, folder, pairs, fill):
    _app, c = _client(folder)
    for cli_args, url in pairs:
        args = [a.format(**fill) for a in cli_args]
        cli = lcg(*args, "--data", folder, "--format", "json")
        r = _get(c, url.format(**{k: urllib.parse.quote(v) for k, v in fill.items()}))
        if cli.exit_code != 0:  # the same refusal, as one line
            assert r.status_code in (400, 404), (args, r.data)
            assert r.get_json()["error"] in cli.stderr, (args, r.get_json(), cli.stderr)
            continue
        assert r.status_code == 200, (args, r.data[:300])
        assert r.get_json() == json.loads(cli.stdout), args


@pytest.mark.parametrize("folder", [SEED, OVERLAPS, FIXTURES / "collab", FIXTURES / "tiny"], ids=lambda p: p.name)
def test_api_rows_equal_cli_json(folder, lcg):
    from test_parity import _fill_ins

    _same_rows(lcg, folder, PARITY, _fill_ins(folder))


def test_api_duplicates_equal_cli_json(lcg):
    _same_rows(lcg, DUPLICATES, [p for p in PARITY if p[0][0] in ("duplicates", "search")] +
               [(["show", "age-uk-wolverhampton", "--limit", "50"], "/api/show?id=age-uk-wolverhampton")], {"word": "wolverhampton"})


def test_proposal_twin_equals_cli(lcg):
    text = (OVERLAPS / "proposal.yaml").read_text(encoding="utf-8")
    _app, c = _client(OVERLAPS)
    app = c.application
    r = c.post("/api/proposal", headers=HOST, data={"text": text, "csrf": app.config["CSRF"]})
    cli = lcg("overlaps", "--proposal", OVERLAPS / "proposal.yaml", "--data", OVERLAPS, "--format", "json")
    assert r.status_code == 200 and r.get_json() == json.loads(cli.stdout) and r.get_json()
    page = c.post("/proposal", headers=HOST, data={"text": text, "csrf": app.config["CSRF"]}).data.decode()
    assert json.loads(cli.stdout)[0]["b_name"] in page
    bad = c.post("/proposal", headers=HOST, data={"text": "name: x\nthemes: [no-such-theme]\n",
                                                  "csrf": app.config["CSRF"]}).data.decode()
    assert "unknown id &#39;no-such-theme&#39;" in bad and "lcg-proposal-" not in bad


# --- hostile data shows as text ------------------------------------------------------------------------------

def test_hostile_texts_are_escaped_on_every_page(tmp_path):
    write_hostile_data(tmp_path / "evil")
    _app, c = _client(tmp_path / "evil")
    for url in ["/?q=img", "/entity?id=evil-org", "/entity?id=evil-person", "/entity?id=evil-project",
                "/path?a=evil-person&b=plain-org", "/brokers", "/clusters", "/gaps", "/timeline", "/review",
                "/map?around=evil-org"]:
        page = _get(c, url).data.decode()
        for raw in (XSS_NAME, XSS_PERSON, "<i>boss</i>", "</script><img"):
            assert raw not in page, (url, raw)
        assert f'href="{JS_SOURCE}' not in page and "href='javascript" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in _get(c, "/entity?id=evil-org").data.decode()
    assert _get(c, "/api/search?q=img").get_json()[0]["name"] == XSS_NAME  # JSON keeps the text exact


# --- security ---------------------------------------------------------------------------------------------------

def test_writes_need_the_csrf_token_and_our_origin(tmp_path):
    folder = _copy(OVERLAPS, tmp_path)
    app, c = _client(folder)
    pair = {"a": "food-bank-taunton", "b": "food-bank-yeovil", "decision": "distinct"}
    assert c.post("/decide", headers=HOST, data=pair).status_code == 403
    assert c.post("/decide", headers=HOST, data={**pair, "csrf": "guess"}).status_code == 403
    r = c.post("/decide", headers={**HOST, "Origin": "http://evil.example"}, data={**pair, "csrf": app.config["CSRF"]})
    assert r.status_code == 403
    assert not (folder / "decisions.yaml").exists()
    assert _get(c, "/decide").status_code == 405


def test_only_loopback_host_names_without_a_token():
    _app, c = _client(SEED)
    assert c.get("/", headers={"Host": "attacker.example"}).status_code == 403  # DNS rebinding
    assert c.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_token_from_first_visit_cookie_or_header():
    _app, c = _client(SEED, token="s3cret")
    other = {"Host": "192.0.2.1:8000"}
    assert c.get("/", headers=other).status_code == 403
    assert c.get("/api/search?q=cork", headers=other).status_code == 403
    assert c.get("/?token=wrong", headers=other).status_code == 403
    assert c.get("/api/search?q=cork", headers={**other, "X-LCG-Token": "s3cret"}).status_code == 200
    r = c.get("/entity?id=cork&token=s3cret", headers=other)
    assert r.status_code == 303 and r.headers["Location"].endswith("/entity?id=cork")
    assert "HttpOnly" in r.headers["Set-Cookie"] and "SameSite=Strict" in r.headers["Set-Cookie"]
    assert c.get("/entity?id=cork", headers=other).status_code == 200  # the cookie now carries it


# --- review decisions ------------------------------------------------------------------------------------------

def test_decide_and_undo_write_decisions_the_cli_reads(tmp_path, lcg):
    folder = _copy(OVERLAPS, tmp_path)
    app, c = _client(folder)
    before = _get(c, "/api/overlaps").get_json()
    pair = before[0]
    r = c.post("/decide", headers=HOST, data={"a": pair["a"], "b": pair["b"], "decision": "accepted overlap",
                                               "note": "<b>different cohorts</b>", "csrf": app.config["CSRF"]})
    assert r.status_code == 303 and r.headers["Location"].startswith("/review")
    saved = yaml.safe_load((folder / "decisions.yaml").read_text(encoding="utf-8"))
    assert saved[0]["pair"] == sorted([pair["a"], pair["b"]]) and saved[0]["decision"] == "accepted overlap"
    assert saved[0]["note"] == "<b>different cohorts</b>"
    after = _get(c, "/api/overlaps").get_json()
    assert len(after) == len(before) - 1
    assert json.loads(lcg("overlaps", "--data", folder, "--format", "json").stdout) == after
    page = _get(c, "/review").data.decode()
    assert "&lt;b&gt;different cohorts&lt;/b&gt;" in page and 'action="/undo"' in page
    r = c.post("/undo", headers=HOST, data={"a": pair["b"], "b": pair["a"], "csrf": app.config["CSRF"]})
    assert r.status_code == 303
    assert yaml.safe_load((folder / "decisions.yaml").read_text(encoding="utf-8")) == []
    assert _get(c, "/api/overlaps").get_json() == before


def test_duplicates_queue_shows_the_merge_change(tmp_path):
    _app, c = _client(DUPLICATES)
    page = _get(c, "/review").data.decode()
    rows = _get(c, "/api/duplicates").get_json()
    assert rows and "then delete entry" in rows[0]["change"]
    import html

    assert html.escape(rows[0]["change"]) in page
    # each record pair says whether a merge is advised or a review asked; the queues are a click away (a trial
    # scrolled past every overlap to find them)
    from visualise.web.review import PAGE_SIZE as PAGE

    assert page.count("Merge advised: keep") == sum(r["action"] == "merge" for r in rows[:PAGE])
    people = _get(c, "/api/duplicates?kind=person").get_json()
    assert page.count("To review: ") == sum(r["action"] == "review" for r in rows[:PAGE] + people[:PAGE]) > 0
    assert '<a href="#organisations">Organisations that may be one (' in page and '<a href="#people">' in page
    # where each record is, and the file it came from: two records of one name are told apart on the page too
    shown = [r for r in rows[:PAGE] if r["keep_where"] or r["merge_where"]]
    assert shown and all(f"Kept: {html.escape(r['keep_where'] or 'nowhere written')}; merged: "
                         f"{html.escape(r['merge_where'] or 'nowhere written')}" in page for r in shown)


def test_the_commands_names_lead_to_the_review_page(tmp_path):
    """A user who knows `lcg duplicates` asks for /duplicates first (a new user's 404)."""
    _app, c = _client(DUPLICATES)
    for name in ("duplicates", "overlaps"):
        r = c.get(f"/{name}?per_page=3", headers=HOST)
        assert r.status_code == 302 and r.headers["Location"].endswith("/review?per_page=3"), r.headers


def _queue_ids(page: str, queue: str) -> list[tuple[str, str]]:
    import re

    part = page[page.index(f'id="{queue}"'):]
    part = part[:part.index("</section>")]
    return re.findall(r'class="(?:dup )?pair" data-a="([^"]*)" data-b="([^"]*)"', part)


def test_review_queue_pages_in_a_stable_order_and_decisions_land_on_the_same_page(tmp_path):
    folder = _copy(DUPLICATES, tmp_path)
    app, c = _client(folder)
    every = [(r["keep"], r["merge"]) for r in _get(c, "/api/duplicates").get_json()]
    assert len(every) == 7
    seen, url = [], "/review?per_page=3"
    while url:
        page = _get(c, url).data.decode()
        seen += _queue_ids(page, "organisations")
        nxt = page[page.index('id="organisations"'):].split("</section>")[0].split('rel="next" href="')
        url = nxt[1].split('"')[0].replace("&amp;", "&") if len(nxt) > 1 else None
    assert seen == every  # each pair once, in the queue's own order, totals on every page
    page2 = _get(c, "/review?per_page=3&organisations_offset=3").data.decode()
    assert "Organisations that may be one (7)" in page2 and "4–6 of 7" in page2
    a, b = _queue_ids(page2, "organisations")[0]
    r = c.post("/decide", headers=HOST, data={"a": a, "b": b, "decision": "distinct", "per_page": "3",
                                              "organisations_offset": "3", "csrf": app.config["CSRF"]})
    assert r.status_code == 303 and "organisations_offset=3" in r.location and "per_page=3" in r.location
    after = _get(c, r.location).data.decode()
    assert "Organisations that may be one (6)" in after and "4–6 of 6" in after
    assert _queue_ids(after, "organisations") == [p for p in every if p != (a, b)][3:6]
    # page 3 held the seventh pair; with six left, its link shows the new last page, not an empty one
    last = _get(c, "/review?per_page=3&organisations_offset=6").data.decode()
    assert "4–6 of 6" in last and _queue_ids(last, "organisations") == [p for p in every if p != (a, b)][3:6]
    r = _get(c, "/review?per_page=0")
    assert r.status_code == 400 and b"per_page" in r.data
    for odd in ("1_0", "%2B3", "\uff13"):  # what int() reads but the command line's whole numbers do not
        r = _get(c, f"/review?per_page={odd}")
        assert r.status_code == 400 and b"expected a whole number" in r.data, odd
    # a bad page sent with a decision is refused before anything is written
    before = (folder / "decisions.yaml").read_text(encoding="utf-8")
    c_, d_ = _queue_ids(after, "organisations")[0]
    r = c.post("/decide", headers=HOST, data={"a": c_, "b": d_, "decision": "distinct", "per_page": "abc",
                                              "csrf": app.config["CSRF"]})
    assert r.status_code == 400 and (folder / "decisions.yaml").read_text(encoding="utf-8") == before


def test_remove_decision_keeps_the_others(tmp_path):
    from graph.dedup.decisions import load_decisions, record_decision, remove_decision

    record_decision(tmp_path, "a", "b", "same")
    record_decision(tmp_path, "c", "d", "distinct", "why")
    assert remove_decision(tmp_path, "b", "a")["decision"] == "same"
    assert remove_decision(tmp_path, "a", "b") is None
    assert list(load_decisions(tmp_path)) == [frozenset({"c", "d"})]


# --- the data folder changes under a running app ------------------------------------------------------------------

def test_edits_to_the_data_folder_show_without_restart(tmp_path):
    folder = _copy(FIXTURES / "tiny", tmp_path)
    _app, c = _client(folder)
    assert _get(c, "/api/search?q=zebra").get_json() == []
    orgs = folder / "organisations.yaml"
    text = orgs.read_text(encoding="utf-8")
    orgs.write_text(text.rstrip("\n") + "\n- id: zebra-trust\n  name: Zebra Trust\n", encoding="utf-8")
    assert [r["id"] for r in _get(c, "/api/search?q=zebra").get_json()] == ["zebra-trust"]
    # a broken save keeps the last good graph and says so
    orgs.write_text(text + "\n- id: [unclosed\n", encoding="utf-8")
    page = _get(c, "/").data.decode()
    assert "cannot be loaded" in page and "showing the data as it was" in page
    assert [r["id"] for r in _get(c, "/api/search?q=zebra").get_json()] == ["zebra-trust"]
    orgs.write_text(text, encoding="utf-8")
    assert _get(c, "/api/search?q=zebra").get_json() == []
    assert "cannot be loaded" not in _get(c, "/").data.decode()


# --- real servers -------------------------------------------------------------------------------------------------

def _post(url, data):
    req = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), method="POST")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.status


def test_two_concurrent_decisions_both_persist(tmp_path):
    folder = _copy(OVERLAPS, tmp_path)
    app, _c = _client(folder)
    rows = app.test_client().get("/api/overlaps", headers=HOST).get_json()
    assert len(rows) >= 2
    from visualise.web.server import in_background

    with in_background(app) as url:
        barrier = threading.Barrier(len(rows))
        errors = []

        def decide(row):
            barrier.wait()
            try:
                _post(url + "/decide", {"a": row["a"], "b": row["b"], "decision": "distinct",
                                            "csrf": app.config["CSRF"]})
            except urllib.error.HTTPError as e:
                if e.code != 303:
                    errors.append(e)

        threads = [threading.Thread(target=decide, args=(r,)) for r in rows]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    assert not errors
    saved = yaml.safe_load((folder / "decisions.yaml").read_text(encoding="utf-8"))
    assert sorted(tuple(e["pair"]) for e in saved) == sorted(tuple(sorted([r["a"], r["b"]])) for r in rows)


def test_lcg_serve_prints_its_address_and_answers(tmp_path):
    env = {**os.environ, "LCG_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", "serve", "--data", str(FIXTURES / "tiny"),
                             "--port", "0"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert line.startswith(f"Serving {FIXTURES / 'tiny'} at http://127.0.0.1:"), line
        url = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(url + "api/search?q=example", timeout=30) as resp:
            rows = json.loads(resp.read())
        assert rows and all("id" in r for r in rows)
    finally:
        proc.terminate()
        proc.wait(30)


def test_serve_off_loopback_needs_a_token(lcg):
    r = lcg("serve", "--data", FIXTURES / "tiny", "--host", "0.0.0.0")
    assert r.exit_code == 2 and "--token" in r.stderr and "Traceback" not in r.stderr


def test_help_does_not_import_the_web_stack():
    out = subprocess.run([sys.executable, "-c", "import sys, cli\ntry:\n    cli.main(['--help'])\nexcept SystemExit:\n"
                          "    pass\nprint(sorted(m for m in ('flask', 'waitress', 'jinja2', 'werkzeug') "
                          "if m in sys.modules))"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]"), out.stdout


# --- the search index a long-running server uses gives the full scan's answer ---------------------------------

@pytest.mark.parametrize("folder", [SEED, FIXTURES / "tiny", FIXTURES / "collab"], ids=lambda p: p.name)
def test_search_index_equals_the_full_scan(folder):
    import random

    from graph.backends.open import open_backend
    from graph.search import search

    backend = open_backend(folder)
    assert backend.immutable

    class Scan:  # the same data, not marked immutable: search walks every node
        nodes, node = backend.nodes, backend.node

    rnd = random.Random(1)
    names = [n.name for n in backend.nodes()]
    queries = ["a", "of", "uow", "univ wolv", "fundacion cord", "university-of-wolverhampton", "zzz", "Córdoba"]
    queries += [w for name in rnd.sample(names, min(25, len(names)))
                for w in (name, name[:3], " ".join(x[:3] for x in name.split()[:2]))]
    for q in queries:
        for kinds in (None, ["Organisation"], ["Person", "Place"]):
            got = [(m.node.id, m.score, m.matched) for m in search(backend, q, kinds=kinds, limit=None)]
            want = [(m.node.id, m.score, m.matched) for m in search(Scan(), q, kinds=kinds, limit=None)]
            assert got == want, (q, kinds)


def test_a_port_in_use_or_an_unknown_host_is_one_line(lcg):
    """Real sockets: a port another listener holds, a host name that does not resolve; typed errors, one line."""
    import socket

    from graph.errors import BadOption
    from visualise.web import create_app
    from visualise.web.server import make_server

    app = create_app(str(SEED))
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        with pytest.raises(BadOption) as e:
            make_server(app, "127.0.0.1", port)
        assert e.value.option == "port"
        out = lcg("serve", "--data", SEED, "--port", port)
        assert out.exit_code == 2 and "'--port'" in out.stderr and "0 for any free one" in out.stderr
        assert "Traceback" not in out.stderr
    with pytest.raises(BadOption) as e:
        make_server(app, "no-such-host.invalid", 0)
    assert e.value.option == "host" and "give one such as 127.0.0.1" in str(e.value)


def test_answers_from_a_graph_server_are_kept_until_the_next_load(bolt_server, tmp_path):
    """--neo4j keeps answers as the embedded path does, keyed by the fingerprint `lcg load` records: a hand edit
    in the database is not seen (the kept answer is served), a new load is, and nothing is kept while the
    load's record is missing (a load running)."""
    from click.testing import CliRunner

    from cli import main
    from graph.backends.bolt import BoltConfig
    from support.bolt_db import run, wipe

    data = _copy(SEED, tmp_path)
    wipe(bolt_server)
    load = lambda: CliRunner().invoke(main, ["load", "--data", str(data)], env=bolt_server.env())
    assert load().exit_code == 0
    decisions = tmp_path / "decisions-only"
    decisions.mkdir()
    _app, c = _client(decisions, neo4j_uri=bolt_server.uri,
                      config=BoltConfig(bolt_server.uri, bolt_server.user, bolt_server.password, bolt_server.database))
    name = lambda: _get(c, "/api/show?id=university-of-wolverhampton").get_json()["fields"]["name"]
    assert name() == "University of Wolverhampton"
    run(bolt_server, "MATCH (n:Organisation {id: 'university-of-wolverhampton'}) SET n.name = 'Edited by hand'")
    assert name() == "University of Wolverhampton"  # kept: the server's data has the same fingerprint
    orgs = data / "organisations.yaml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace("name: University of Wolverhampton\n",
                                                             "name: Wolverhampton University\n", 1), encoding="utf-8")
    assert load().exit_code == 0
    assert name() == "Wolverhampton University"  # a new load: a new fingerprint, nothing kept from before
    run(bolt_server, "MATCH (n:Organisation {id: 'university-of-wolverhampton'}) SET n.name = 'Edited by hand'")
    run(bolt_server, "MATCH (m:LcgLoad) DELETE m")  # as a load does before it writes
    assert name() == "Edited by hand"


def test_a_pair_of_records_is_one_or_two_never_an_overlap_to_accept(tmp_path):
    import re as _re

    from conftest import FIXTURES

    folder = _copy(FIXTURES / "dedup" / "duplicates", tmp_path)
    _app, c = _client(folder)
    page = _get(c, "/review").get_data(as_text=True)
    records = _re.findall(r'<article class="dup pair".*?</article>', page, flags=_re.S)
    assert records  # the fixture has likely duplicates
    for block in records:
        assert 'value="same"' in block and 'value="distinct"' in block
        assert 'value="accepted overlap"' not in block


@pytest.mark.parametrize("folder", [SEED, DUPLICATES], ids=lambda p: p.name)
def test_the_proposal_pages_example_checks_as_it_stands_on_any_folder(folder):
    """The example names a theme of the folder or none: checked unedited, it gives an answer, not "unknown id"
    (a trial's folder of imported grants had no "digital-inclusion")."""
    import html
    import re

    _app, c = _client(folder)
    page = c.get("/proposal", headers=HOST).data.decode()
    text = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S).group(1))
    checked = c.post("/proposal", headers=HOST, data={"text": text, "csrf": c.application.config["CSRF"]})
    assert checked.status_code == 200 and "unknown id" not in checked.data.decode(), text
