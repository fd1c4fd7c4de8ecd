"""The Flask application: pages and their JSON twins, each one question from ``questions.py``.

Why Flask (with Jinja2 and waitress, see server.py): the library is synchronous,
so a WSGI framework fits it without thread hand-offs; Flask is small, well kept,
autoescapes every ``.html`` template (Jinja2, already installed for pyvis) and has
a test client built in. Ids and names from the URL only ever reach the backend's
look-ups (``search.resolve`` and friends), never a path or a query string.
"""

from __future__ import annotations

import json
import threading
import time

from graph.errors import AmbiguousName, LcgError, UnknownId
from graph.queries.strength import ACTOR_KINDS

from . import questions as Q
from .state import GraphSource

__all__ = ["create_app"]

#: Columns shown as links to a node's page, and the id column each one links with.
LINKS = {"id": "id", "name": "id", "a": "a", "a_name": "a", "b": "b", "b_name": "b", "keep": "keep",
         "keep_name": "keep", "merge": "merge", "merge_name": "merge", "other_id": "other_id",
         "other_name": "other_id"}

#: The query-string arguments of the collaborators shown on a node's page (the form's, and ``limit`` not: that one
#: pages the relationships).
COLLAB_ARGS = ("via", "kind", "since", "as_of")

#: The table pages: (title, what the page answers, the form's fields).
TABLES = {
    "brokers": ("Brokers", "Who holds the partnership together (betweenness on the collaboration network).",
                [("kind", "Kind", ["", "organisation", "person", "place"]), ("limit", "At most", None)]),
    "clusters": ("Clusters", "Communities of the collaboration network, each with its members and main themes.",
                 [("min_size", "Smallest cluster", None), ("limit", "At most", None)]),
    "gaps": ("Gaps", "Themes with few projects, organisations with no collaborators, idle networks, "
                     "unaffiliated people.",
             [("only", "Only", ["", "theme", "organisation", "network", "person"]), ("few", "Few projects", None),
              ("city", "City (id or name)", None)]),
    "timeline": ("Timeline", "Events and project spans in date order.",
                 [("from", "From (YYYY, YYYY-MM or YYYY-MM-DD)", None), ("to", "To", None)]),
}


def create_app(data_dir, *, neo4j_uri: str | None = None, token: str | None = None, source: GraphSource | None = None,
               **neo4j_options):
    """The app over ``data_dir`` (or the Neo4j server, with ``data_dir`` holding decisions.yaml)."""
    from flask import Flask, Response, abort, g, render_template, request
    from werkzeug.datastructures import MultiDict

    from . import review, security, visuals

    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024  # a pasted or uploaded proposal; nothing else is posted
    graph = source or GraphSource(data_dir, neo4j_uri, **neo4j_options)
    app.extensions["lcg.graph"] = graph
    app.extensions["lcg.write_lock"] = threading.Lock()  # one decision write at a time in this server
    security.install(app, token=token)

    answer = app.wsgi_app

    def counted(environ, start_response):  # every request, so the background warm-up gives way (state.py)
        with graph.serving():
            return answer(environ, start_response)

    app.wsgi_app = counted  # type: ignore[method-assign]

    @app.before_request
    def _start_clock():
        g.lcg_started = time.perf_counter()

    @app.after_request
    def _server_timing(resp):
        # the server's own time for this answer (bench/serve.py reads it; browsers show it in their dev tools)
        started = getattr(g, "lcg_started", None)
        if started is not None:
            resp.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return resp

    app.jinja_env.globals.update(csrf=app.config["CSRF"], links=LINKS, cell=cell, sort_key=sort_key)

    @app.context_processor
    def _common():
        return {"where": graph.where, "problem": graph.problem}

    def backend():
        return graph.backend()

    ask = graph.ask

    def page_error(e: LcgError, status: int = 400):
        if request.path.startswith("/api/"):
            return Response(json.dumps({"error": str(e)}, ensure_ascii=False), status, mimetype="application/json")
        return render_template("error.html", message=str(e)), status

    @app.errorhandler(LcgError)
    def _lcg_error(e):
        return page_error(e, 404 if isinstance(e, UnknownId) else 400)

    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(405)
    @app.errorhandler(413)
    def _http_error(e):
        message = e.description if e.code in (403, 413) else e.name
        if request.path.startswith("/api/"):
            return Response(json.dumps({"error": message}), e.code, mimetype="application/json")
        return render_template("error.html", message=message), e.code

    # --- pages -------------------------------------------------------------------------------------------

    @app.get("/")
    def home():
        answer = ask("search", request.args)
        return render_template("home.html", answer=answer, q=request.args.get("q", ""))

    @app.get("/entity")
    def entity():
        try:
            info = ask("show", request.args)
        except AmbiguousName as e:
            hits = [backend().node(i) for i in e.candidates]
            return render_template("ambiguous.html", given=e.given, nodes=[n for n in hits if n is not None])
        collab = None
        paged = bool(request.args.get("relationship"))
        if info["kind"] in ACTOR_KINDS and not paged:  # asked of organisations, people and places
            # only the collaborators' own arguments: paging the relationships reuses the kept answer
            args = MultiDict([(k, v) for k, v in request.args.items(multi=True) if k in COLLAB_ARGS])
            args["id"] = info["id"]
            collab = ask("collaborators", args)
        rows: dict[str, list] = {}
        for r in info["relationships"]:
            rows.setdefault(r["relationship"], []).append(r)
        groups = [(g, rows.get(g["relationship"], [])) for g in info["relationship_groups"]]
        return render_template("entity.html", info=info, groups=groups, collab=collab, args=request.args,
                               limit=Q.page_size(request.args), paged=paged)

    @app.get("/path")
    def path():
        answer = None
        if request.args.get("a") and request.args.get("b"):
            answer = ask("path", request.args)
        chains = [(r, steps(backend(), r)) for r in answer.rows] if answer else []
        return render_template("path.html", answer=answer, chains=chains, args=request.args)

    @app.get("/<any(brokers, clusters, gaps, timeline):name>")
    def table(name):
        title, about, fields = TABLES[name]
        answer = ask(name, request.args)
        columns = [c for c in answer.columns if c != "member_ids"]
        return render_template("table.html", title=title, about=about, fields=fields, answer=answer, columns=columns,
                               args=request.args, name=name)

    # --- JSON twins: the rows `lcg ... --format json` prints ------------------------------------------------

    @app.get("/api/show")
    def api_show():
        info = ask("show", request.args)
        return Response(json.dumps(info, indent=2, ensure_ascii=False, default=list), mimetype="application/json")

    @app.get("/api/<name>")
    def api(name):
        if name not in Q.QUESTIONS:
            abort(404)
        from graph.output import render

        answer = ask(name, request.args)
        return Response(render(answer.rows, "json", answer.columns), mimetype="application/json")

    review.register(app, graph)
    visuals.register(app, graph)
    return app


def cell(value) -> str:
    """A value as table text, exactly as the CLI's table shows it (graph.output: lists joined, floats rounded)."""
    from graph.output import _cell

    if isinstance(value, dict):
        return "; ".join(f"{k} {_cell(v)}" for k, v in value.items())
    return _cell(value)


def sort_key(value) -> str:
    """What a sortable column sorts by: numbers as numbers, text as text (read by static/app.js)."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        return repr(float(value))
    return ""


def steps(backend, row) -> list[tuple]:
    """A chain as (node id, name, tie label before it): each step a link on the page.

    The library gives the chain as text (``A -KIND(role)-> B <-KIND- C``) and its ids;
    the ties between are the text between consecutive names.
    """
    nodes = [backend.node(i) for i in row["ids"]]
    names = [n.name if n is not None else i for n, i in zip(nodes, row["ids"])]
    text, out = row["path"], []
    pos = len(names[0])
    out.append((row["ids"][0], names[0], ""))
    for node_id, name in zip(row["ids"][1:], names[1:]):
        at = text.find(" " + name, pos + 1)
        while at != -1 and not _tie_text(text[pos:at].strip()):
            at = text.find(" " + name, at + 1)
        label = text[pos:at].strip() if at != -1 else ""
        out.append((node_id, name, label))
        pos = at + 1 + len(name) if at != -1 else pos
    return out


def _tie_text(s: str) -> bool:
    return (s.startswith("-") and s.endswith("->")) or (s.startswith("<-") and s.endswith("-"))
