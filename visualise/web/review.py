"""The review queue (overlaps and duplicates, decided together) and the proposal check.

Decisions go through ``graph.dedup.decisions`` (``record_decision`` as `lcg decide`
writes them, ``remove_decision`` for undo), one write at a time in this server;
the library's own file handling keeps the file whole. Each write is a POST with the
page's CSRF token, answered by a redirect back to the queue (so a reload does not
post again, and the page works without script).
"""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any

from graph.errors import LcgError

from . import questions as Q

__all__ = ["register", "check_proposal_text", "paging", "PAGE_SIZE", "QUEUES"]

DECISION_CHOICES = (("same", "Same"), ("distinct", "Distinct"), ("accepted overlap", "Accepted overlap"))
#: Two records that may be one body or person: one or two, never an "overlap" to accept.
RECORD_CHOICES = DECISION_CHOICES[:2]
PROPOSAL_EXAMPLE = """name: Digital skills for older learners
description: Weekly drop-in sessions teaching tablets and online services in libraries.
start: 2024-09
end: 2025-08
"""
#: The theme the example names, when the folder has it; else the folder's first theme, or none.
EXAMPLE_THEME = "digital-inclusion"


def proposal_example(backend) -> str:
    """``PROPOSAL_EXAMPLE`` with a theme of this folder, so that checking it as it stands works on any folder (a
    folder of imported grants has no "digital-inclusion": the example had failed there)."""
    theme: str | None = EXAMPLE_THEME
    if backend.node(EXAMPLE_THEME) is None:
        theme = min((n.id for n in backend.nodes(["Theme"])), default=None)
    return PROPOSAL_EXAMPLE + (f"themes: [{theme}]\n" if theme else "")


def check_proposal_text(backend, data_dir, text: str, args) -> Q.Answer:
    """Overlaps of one pasted project entry, through the same file reader as `lcg overlaps --proposal FILE`."""
    from graph.queries.overlaps import read_proposal

    if not text.strip():
        raise Q.BadInput("proposal: paste or upload one project entry (YAML, as in projects.yaml)")
    fd, path = tempfile.mkstemp(prefix="lcg-proposal-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            proposal = read_proposal(path)
        except LcgError as e:  # the message names our temporary file: name what the user gave instead
            raise Q.BadInput(str(e).replace(path, "the proposal")) from None
    finally:
        os.unlink(path)
    return Q.overlaps(backend, data_dir, args, proposal=proposal)


def _proposal_text(request) -> str:
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        data = upload.read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise Q.BadInput("proposal: the file is not UTF-8 text; save it as UTF-8") from None
    return request.form.get("text", "")


def register(app, graph) -> None:
    from flask import Response, redirect, render_template, request, url_for

    from graph.dedup.decisions import load_decisions, record_decision, remove_decision

    lock = app.extensions["lcg.write_lock"]

    @app.get("/review")
    def review():
        backend = graph.backend()
        overlaps = Q.overlaps(backend, graph.data_dir, request.args)
        orgs = Q.duplicates(backend, graph.data_dir, _plain(request.args) | {"kind": "Organisation"})
        people = Q.duplicates(backend, graph.data_dir, _plain(request.args) | {"kind": "Person"})
        decided = []
        for pair, entry in load_decisions(graph.data_dir).items():
            a, b = entry["pair"]
            na, nb = backend.node(a), backend.node(b)
            decided.append({"a": a, "a_name": na.name if na else a, "b": b, "b_name": nb.name if nb else b,
                            "decision": entry["decision"], "note": entry.get("note"), "date": entry.get("date")})
        rows = {"overlaps": overlaps.rows, "organisations": orgs.rows, "people": people.rows, "decided": decided}
        size, offsets = paging(request.args, {q: len(r) for q, r in rows.items()})
        state = _state(size, offsets)
        pages = {q: _page(rows[q], q, size, offsets, state) for q in QUEUES}
        return render_template("review.html", overlaps=overlaps, orgs=orgs, people=people, pages=pages,
                               state=state, choices=DECISION_CHOICES, record_choices=RECORD_CHOICES,
                               done=request.args.get("done"))

    @app.get("/duplicates")
    @app.get("/overlaps")
    def review_by_its_command():
        """The page of ``lcg duplicates`` and ``lcg overlaps`` under the commands' names: a user who knows
        them asks for these addresses first (a new user's 404)."""
        return redirect(url_for("review", **request.args), code=302)

    def back(done: str, page: dict):
        """To the queue the form was sent from (its pages kept: a decision on page 2 lands on page 2)."""
        return redirect(url_for("review", done=done, **page), code=303)

    @app.post("/decide")
    def decide():
        a, b = request.form.get("a", ""), request.form.get("b", "")
        decision, note = request.form.get("decision", ""), (request.form.get("note") or "").strip() or None
        page = _state(*paging(request.form, None))  # a bad page is refused before anything is written
        with lock:
            entry = record_decision(graph.data_dir, a, b, decision, note, backend=graph.backend())
        return back(entry["decision"].replace(" ", "-"), page)

    @app.post("/undo")
    def undo():
        page = _state(*paging(request.form, None))
        with lock:
            remove_decision(graph.data_dir, request.form.get("a", ""), request.form.get("b", ""))
        return back("undone", page)

    @app.route("/proposal", methods=["GET", "POST"])
    def proposal():
        answer, text, error = None, proposal_example(graph.backend()), None
        if request.method == "POST":
            text = _proposal_text(request)
            try:
                answer = check_proposal_text(graph.backend(), graph.data_dir, text, _plain(request.form))
            except LcgError as e:
                error = str(e)
        return render_template("proposal.html", answer=answer, text=text, error=error)

    @app.post("/api/proposal")
    def api_proposal():
        from graph.output import render

        answer = check_proposal_text(graph.backend(), graph.data_dir, _proposal_text(request), _plain(request.form))
        return Response(render(answer.rows, "json", answer.columns), mimetype="application/json")

    @app.get("/api/decisions")
    def api_decisions():
        entries = [e for e in load_decisions(graph.data_dir).values()]
        return Response(json.dumps(entries, ensure_ascii=False, default=str), mimetype="application/json")


#: Pairs per page of each queue, unless ``per_page`` says otherwise.
PAGE_SIZE = 20
#: The review page's lists, each paged on its own by ``<name>_offset`` in the query string.
QUEUES = ("overlaps", "organisations", "people", "decided")


def paging(args, totals: dict[str, int] | None) -> tuple[int, dict[str, int]]:
    """(page size, each queue's offset) from a query string or a decision form.

    With ``totals``, an offset past a queue's end (its last pair was just decided)
    moves back to the queue's last page, so the page shown is never empty while pairs remain.
    """
    size = Q._int(args, "per_page", PAGE_SIZE, lo=1, hi=1000)
    offsets = {}
    for q in QUEUES:
        offset = Q._int(args, f"{q}_offset", 0)
        total = totals[q] if totals is not None else None
        if total is not None and offset >= total:
            offset = (total - 1) // size * size if total else 0
        offsets[q] = offset
    return size, offsets


def _state(size: int, offsets: dict[str, int]) -> dict[str, Any]:
    """The query-string arguments that bring back these pages (defaults left out)."""
    state: dict[str, Any] = {f"{q}_offset": o for q, o in offsets.items() if o}
    if size != PAGE_SIZE:
        state["per_page"] = size
    return state


def _page(rows: list, queue: str, size: int, offsets: dict[str, int], state: dict[str, Any]) -> dict:
    """One queue's page: its rows, the totals and the links to the pages before and after."""
    from flask import url_for

    offset = offsets[queue]
    shown = rows[offset:offset + size]
    key = f"{queue}_offset"
    prev = url_for("review", **{**state, key: max(offset - size, 0)}) + f"#{queue}" if offset > 0 else None
    more = offset + len(shown) < len(rows)
    nxt = url_for("review", **{**state, key: offset + len(shown)}) + f"#{queue}" if more else None
    return {"rows": shown, "total": len(rows), "offset": offset, "count": len(shown), "prev": prev, "next": nxt}


class _plain(dict):
    """A form or query string as the plain mapping questions.py reads (``get`` and ``getlist``)."""

    def __init__(self, args=None):
        super().__init__({k: args.get(k) for k in args} if args is not None else {})

    def __or__(self, other):
        return _plain({**self, **other}) if isinstance(other, dict) else NotImplemented

    def __ror__(self, other):
        return _plain({**other, **self})

    def getlist(self, key):
        v = self.get(key)
        return [v] if v else []
