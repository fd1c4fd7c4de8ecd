"""The partnership map: one self-contained, offline, safe HTML file.

Why not pyvis's own ``Network.from_nx`` + ``write_html``: its ``add_node`` and
``add_edge`` scan the lists built so far (quadratic; bench/RESULTS.md, "Maps"), its
``cdn_resources="in_line"`` page still loads bootstrap from a CDN (pyvis #228,
#229), HTML in titles is passed through (#92), and ``show()`` writes a ``lib/``
folder beside the file (#174). So pyvis is used only for what it does well:
the vis-network bundle it ships (``pyvis/templates/lib/vis-9.1.2``), inlined
here. The page is generated from ``visualise/assets`` in one linear pass:

* Data is embedded as JSON in a ``<script type="application/json">`` block with
  ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no text can end the block;
  the page's script builds every label, tooltip and panel with DOM text nodes
  (never innerHTML), and links only ``http(s)`` sources.
* A Content-Security-Policy allows only the page's own two scripts (by hash)
  and no network at all: even a stray ``<img>`` could not load or run.
* Positions come from ``visualise.layout`` (seeded). Up to ``PHYSICS_MAX`` nodes
  the browser refines them with bounded physics, then switches physics off;
  above it they are shown as computed (the caption says which).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from graph import schema

if TYPE_CHECKING:
    from collections.abc import Mapping

    from graph.sources import Source

__all__ = ["build_map_html", "write_map", "vis_bundle", "PHYSICS_MAX", "HIDE_TIES_MAX", "LARGE", "json_for_script"]

PHYSICS_MAX = 1000      # nodes; above this the precomputed layout is shown with physics off
HIDE_TIES_MAX = 2000    # nodes; above this ties hide while dragging/zooming: drawing the ties is most of
                        # a frame on big maps (bench/RESULTS.md, "Maps")
LARGE = 5000            # nodes; above this labels need zooming in and the caption suggests a focus
DESCRIPTION_MAX = 500   # nodes; larger maps leave descriptions out of tooltips to stay small
DESCRIPTION_CHARS = 160
STABILISATION_ITERATIONS = 150   # at most; fewer on bigger maps (see stabilisation_iterations)

NODE_FACTS = ("type", "title", "date", "start", "end", "target_groups", "aliases", "website", "identifiers")
EDGE_FACTS = ("role", "since", "from", "to", "amount", "currency", "period", "award", "outcome", "date", "note")

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_for_script(value) -> str:
    """JSON that is safe inside ``<script>``: nothing in it can close the element or start a comment."""
    # default=str: a value from a server (a date object) is written as text, never an error
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).translate(_JSON_ESCAPES)


#: vis-network keeps nodes and edges in plain objects keyed by id, so a node called ``constructor``
#: or ``toString`` found Object's own function there and the map never drew (stack overflow). These
#: are the places those dictionaries are made; each becomes ``Object.create(null)`` (no inherited keys).
_VIS_DICTS = re.compile(r"(?<=[.,{])(nodes|edges|forces|velocities|clusteredNodes|clusteredEdges|containedNodes|"
                        r"containedEdges|positionedNodes|previousStates)([=:])\{\}")


def vis_bundle() -> str:
    """The vis-network JavaScript that pyvis ships, made safe to inline (and safe for any node id)."""
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    js = lib.read_text(encoding="utf-8")
    js = _VIS_DICTS.sub(r"\1\2Object.create(null)", js)
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def _asset(name: str) -> str:
    return (resources.files("visualise") / "assets" / name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


_EMPTY: tuple = (None, "", [], ())
_EDGE_FACTS = frozenset(EDGE_FACTS)


def build_payload(g, *, title: str, caption: list[str], scores: dict | None = None, seed: int = 1,
                  sources: Mapping[str, Source] | None = None) -> dict:
    """The data the page needs, compactly: rows of arrays, repeated strings interned.

    ``sources``: the data folder's ``graph.sources.read_sources``; ``sourceTitles`` maps the
    index of each source key with an entry to [title, url], so the page shows titles, not keys.

    node row: [id, name, kind index, size, x, y, sources?, facts?]
    edge row: [start row, end row, relationship index, sources?, facts?]
    sources: an index into ``strings``, a list of them, or -1 for none.
    """
    from .layout import positions

    ids = sorted(g.nodes)
    index = {n: i for i, n in enumerate(ids)}
    kinds = list(schema.NODE_KINDS)
    kind_index = {k: i for i, k in enumerate(kinds)}
    rels = list(schema.REL_KINDS)
    rel_index = {k: i for i, k in enumerate(rels)}
    strings: list[str] = []
    string_index: dict[str, int] = {}

    def intern(values):
        """Indexes into ``strings``: one int for one value, a list for several."""
        if isinstance(values, str):
            values = [values]
        out = []
        for v in values:
            v = str(v)
            i = string_index.get(v)
            if i is None:
                i = string_index[v] = len(strings)
                strings.append(v)
            out.append(i)
        return out[0] if len(out) == 1 else out

    n = len(ids)
    pos = positions(g, seed=seed)
    with_description = n <= DESCRIPTION_MAX

    # One pass over the ties, in a fixed order (node order, then the other end's, then key),
    # counting degree on the way; no per-edge sort key, no networkx views (both cost seconds at 80k ties).
    degree = [0] * n
    edges = []
    succ = g._succ if g.is_directed() else g._adj
    node_attrs = g._node
    multi = g.is_multigraph()
    def with_tail(row: list, src, facts: dict) -> list:
        """A compact row ends with its sources (index, -1 for none) and facts, each only when needed."""
        if src or facts:
            row.append(intern(src) if src else -1)
        if facts:
            row.append(facts)
        return row

    for ui, u in enumerate(ids):
        nbrs = succ[u]
        for v in sorted(nbrs, key=index.__getitem__):
            vi = index[v]
            keyed = nbrs[v]
            for d in ([keyed[k] for k in sorted(keyed, key=str)] if multi else [keyed]):
                facts = {k: v for k, v in d.items() if k in _EDGE_FACTS and v is not None}
                edges.append(with_tail([ui, vi, rel_index.get(d.get("kind", ""), 0)], d.get("sources"), facts))
                degree[ui] += 1
                degree[vi] += 1

    if scores:
        top = max(scores.values()) or 1.0
        size = [10 + 30 * math.sqrt(max(scores.get(k, 0.0), 0.0) / top) for k in ids]
    else:
        size = [min(10 + 3 * math.sqrt(dg), 45) for dg in degree]

    nodes = []
    for i, node_id in enumerate(ids):
        d = node_attrs[node_id]
        facts = {k: d[k] for k in NODE_FACTS if d.get(k) not in _EMPTY}
        if with_description and d.get("description"):
            text = str(d["description"])
            facts["description"] = text if len(text) <= DESCRIPTION_CHARS else text[:DESCRIPTION_CHARS - 1] + "…"
        x, y = pos[node_id]
        nodes.append(with_tail([node_id, str(d.get("name", node_id)), kind_index.get(d.get("kind", ""), 0),
                                round(size[i]), round(x), round(y)], d.get("sources"), facts))

    present = sorted({r[2] for r in nodes})
    known = sources or {}
    source_titles = {i: [known[k].title, known[k].url] for i, k in enumerate(strings) if k in known}
    return {
        "title": title,
        "caption": caption,
        "layout": "physics" if n <= PHYSICS_MAX else "fixed",
        "large": n > LARGE,
        "hideTies": n > HIDE_TIES_MAX,
        "iterations": stabilisation_iterations(n),
        "seed": seed,
        "kinds": [{"name": kinds[i], "colour": schema.NODE_KINDS[kinds[i]].colour,
                   "shape": schema.NODE_KINDS[kinds[i]].shape, "doc": schema.NODE_KINDS[kinds[i]].doc}
                  for i in range(len(kinds))],
        "present": present,
        "rels": rels,
        "strings": strings,
        "sourceTitles": source_titles,
        "nodes": nodes,
        "edges": edges,
    }


def stabilisation_iterations(n: int) -> int:
    """Physics steps in the browser: the start is already a layout, so big maps need fewer.

    Measured with bench/maps.py in headless Chromium: 150 steps at 1,000 nodes settled too
    slowly, 60 give a similar picture in about half the time (bench/RESULTS.md, "Maps").
    """
    return max(50, min(STABILISATION_ITERATIONS, 60_000 // max(n, 1)))


def layout_note(n: int) -> str:
    if n <= PHYSICS_MAX:
        return (f"Layout: seeded, settled by a bounded physics run ({stabilisation_iterations(n)} steps) "
                "then fixed; drag nodes to move them.")
    note = (f"Layout: precomputed (more than {PHYSICS_MAX:,} nodes), physics off; drag nodes to move them.")
    if n > HIDE_TIES_MAX:
        note += " Ties are hidden while moving."
    if n > LARGE:
        note += (f" A large map (over {LARGE:,} nodes): labels appear when zoomed in; "
                 "`lcg map --around ID --depth 2` or `--kind` gives a readable focus.")
    return note


def build_map_html(g, *, title: str | None = None, focus_text: str = "whole graph", source: str = "",
                   generated: datetime | None = None, scores: dict | None = None, seed: int = 1,
                   sources: dict | None = None) -> str:
    """The complete HTML page for the graph ``g`` (a networkx graph in the embedded contract)."""
    n, m = g.number_of_nodes(), g.number_of_edges()
    name = g.graph.get("name") or source or "graph"
    title = title or f"Partnership map: {name}"
    when = (generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    caption = [g.graph["description"]] if g.graph.get("description") else []
    caption += [
        f"{n:,} nodes and {m:,} relationships; {focus_text}.",
        f"Data: {source or name}. Generated {when} by lcg.",
        layout_note(n),
        "Size shows " + ("broker score" if scores else "number of ties") + "; hover or click for details and sources.",
    ]
    payload = build_payload(g, title=title, caption=caption, scores=scores, seed=seed, sources=sources)
    vis_js = vis_bundle()
    app_js = _asset("map.js")
    csp = ("default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    parts = _asset("map.html").split("@@")
    fill = {
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(title),
        "CSS": _asset("map.css"),
        "DATA": json_for_script(payload),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # the template alternates text and @@NAME@@ markers; data is never re-scanned for markers
    return "".join(fill[p] if i % 2 else p for i, p in enumerate(parts))


def write_map(g, path, **options) -> Path:
    """Write the map to ``path`` and nothing else (no lib/ folder, no browser)."""
    from .output_files import check_writable, writing

    path = Path(path)
    check_writable(path)  # before the layout, which can take a while
    text = build_map_html(g, **options)  # built whole first: a failure writes nothing
    from graph.atomic_write import write_text_atomic

    with writing(path):
        write_text_atomic(path, text)
    return path
