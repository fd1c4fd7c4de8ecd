"""The map page and the export downloads: `lcg map` and `lcg export` behind a focus form.

The map is the same offline page ``visualise.html_map`` writes, shown in a frame,
with one small script added (and its hash added to the page's own CSP) so that
clicking a node opens that node's page in the app. Exports are written by
``visualise.exports`` into a private temporary folder and sent back; the format
comes from a fixed list and the file name is ours, so nothing from the URL names
a path.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from . import questions as Q

__all__ = ["register", "focus_of", "LINK_SCRIPT", "WHOLE_MAP_MAX"]

#: Above this many nodes the map page asks for a focus instead of drawing everything (html_map.LARGE's spirit:
#: a map of thousands of nodes is slow to open and unreadable; `lcg map` on the command line can still draw it).
WHOLE_MAP_MAX = 2000

LINK_SCRIPT = """(function () {
  "use strict";
  lcgMap.network.on("click", function (params) {
    if (params.nodes && params.nodes.length === 1) {
      window.top.location.assign("/entity?id=" + encodeURIComponent(String(params.nodes[0])));
    }
  });
}());"""

MIME = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "json": "application/json",
        "csv": "application/zip", "cypher": "text/plain"}


def focus_of(args):
    """The focus the form asks for, checked as `lcg map`'s options are (visualise.focus)."""
    from visualise.focus import Focus

    return Focus(around=Q._text(args, "around"), depth=Q._int(args, "depth", 2, lo=0, hi=10),
                 kinds=tuple(Q.kinds_of(args, "kind") or ()),
                 exclude_kinds=tuple(Q.kinds_of(args, "exclude_kind") or ()), theme=Q._text(args, "theme"),
                 network=Q._text(args, "network"), since=Q._date(args, "since"))


def map_page(g, focus, source: str) -> str:
    """The offline map of ``g`` whose node clicks open the app's node pages."""
    from visualise.html_map import _csp_hash, build_map_html

    html = build_map_html(g, focus_text=focus.describe(), source=source)
    html = html.replace("; script-src ", f"; script-src {_csp_hash(LINK_SCRIPT)} ", 1)  # the meta CSP comes first
    at = html.rindex("</body>")
    return html[:at] + f"<script>{LINK_SCRIPT}</script>\n" + html[at:]


def register(app, graph) -> None:
    from flask import Response, render_template, request

    from visualise.exports import FORMATS, export
    from visualise.focus import select

    def chosen():
        focus = focus_of(request.args)
        backend = graph.backend()
        if focus.is_whole and sum(backend.counts()[0].values()) > WHOLE_MAP_MAX:
            raise Q.BadInput(f"the whole graph has more than {WHOLE_MAP_MAX:,} nodes: choose a node to map around")
        return select(backend, focus), focus

    @app.get("/map")
    def map_():
        return render_template("map.html", args=request.args, query=request.query_string.decode("ascii", "replace"))

    @app.get("/map/frame")
    def map_frame():
        g, focus = chosen()
        resp = Response(map_page(g, focus, graph.where), mimetype="text/html")
        # the page carries its own CSP (scripts by hash, no network); the header adds who may frame it
        resp.headers["Content-Security-Policy"] = "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
        return resp

    @app.get("/export")
    def export_page():
        return render_template("export.html", formats=FORMATS, args=request.args)

    @app.get("/export/download")
    def download():
        fmt = Q._choice(request.args, "format", FORMATS)
        if fmt is None:
            raise Q.BadInput(f"format: expected one of {', '.join(FORMATS)}")
        g, _focus = chosen()
        with tempfile.TemporaryDirectory(prefix="lcg-export-") as tmp:
            target = Path(tmp) / ("export" if fmt == "csv" else f"partnership.{fmt}")
            files = export(g, fmt, target)
            if fmt == "csv":
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                    for f in files:
                        z.write(f, Path(f).name)
                body, name = buf.getvalue(), "partnership-csv.zip"
            else:
                body, name = Path(files[0]).read_bytes(), f"partnership.{fmt}"
        resp = Response(body, mimetype=MIME[fmt])
        resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return resp

    app.jinja_env.globals["export_formats"] = FORMATS
