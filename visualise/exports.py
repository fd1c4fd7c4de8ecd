"""The graph as files for other tools: GraphML, GEXF, node-link JSON, CSV, Cypher.

Every writer takes a networkx MultiDiGraph in the embedded contract (a whole
graph or a ``visualise.focus`` selection) and writes only the path it is given.

Choices that let the files read back the same (docs/maps.md):

* GraphML and GEXF cannot hold lists: list fields (``sources``, ``aliases``,
  ``target_groups``, ``identifiers``) are joined with ``"; "``. Amounts are
  floats, every other value a string, so each attribute has one declared type.
  Nodes get ``label`` (the name) and edges ``label`` (the kind) for Gephi.
* Edge ids are unique (Gephi drops an edge whose id it has already seen):
  ``start--KEY--end``, where KEY is the tie's key in the embedded graph (its kind,
  plus ``:role`` or ``:period``) with every run of characters GraphML ids cannot
  hold (xs:NMTOKEN: no spaces, no ``|``) written ``_``. The key itself is the edge
  attribute ``rel_key``. The Gephi CSV uses the same ids.
* GEXF reserves ``start`` and ``end`` on nodes for dynamic graphs (Gephi would
  read "2019" as a time interval and refuse "2019-03"), so a node's ``start`` /
  ``end`` fields are written as ``start_date`` / ``end_date`` there.
* CSV is a folder (or a file-name prefix ending in ``-`` or ``_``) holding two
  file pairs, because no one header row suits both
  tools: ``nodes.csv`` / ``edges.csv`` with Neo4j admin import headers
  (``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, lists as
  ``string[]`` split on ``;``) and ``gephi_nodes.csv`` / ``gephi_edges.csv``
  with Gephi's spreadsheet headers (``Id``, ``Label``, ``Source``, ``Target``,
  ``Type`` = Directed, ``Kind``). A text cell that would start a spreadsheet
  formula (``=``, ``+``, ``-``, ``@``, tab, CR) gets a ``'`` in front (OWASP);
  ``raw`` (``--csv-raw``) writes cells exactly, for programs.
* GraphML and GEXF leave out the control characters XML 1.0 cannot hold, and
  write a CR as LF (graph/text_safety.py), so the files always parse.
  ``Type`` = Directed, ``Kind``).
* Given the data folder's ``sources.yaml`` (``graph.sources``), every node and edge
  with sources also gets ``source_titles``: the documents' titles, in the order of
  ``sources``, so a spreadsheet reader sees what a key such as
  ``001_b0e830f65fbfb7a9.txt`` is.
"""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

from graph import schema
from graph.atomic_write import atomic_write
from graph.errors import LcgError
from graph.text_safety import csv_cell, xml_text

__all__ = ["FORMATS", "export", "flat_graph", "edge_ids", "LIST_SEPARATOR", "GEXF_RENAMES", "ExportError"]

FORMATS = ("graphml", "gexf", "json", "csv", "cypher", "xlsx")
LIST_SEPARATOR = "; "
GEXF_RENAMES = {"start": "start_date", "end": "end_date"}
NUMBER_FIELDS = {"amount"}
_NOT_IN_NMTOKEN = re.compile(r"[^\w.:-]+")


class ExportError(LcgError):
    """An export that cannot be written as asked."""


def _flat(value, key):
    if isinstance(value, (list, tuple)):
        return xml_text(LIST_SEPARATOR.join(str(v) for v in value))
    if key in NUMBER_FIELDS:
        return float(value)
    return xml_text(str(value))


def flat_graph(g, *, renames: dict | None = None):
    """A copy of ``g`` whose attribute values are strings or floats (no lists, no None)."""
    import networkx as nx

    renames = renames or {}
    out = nx.MultiDiGraph()
    out.graph.update({k: xml_text(str(v)) for k, v in g.graph.items() if v is not None})
    for n in sorted(g.nodes):
        d = g.nodes[n]
        attrs = {renames.get(k, k): _flat(v, k) for k, v in d.items() if v is not None}
        attrs["label"] = xml_text(str(d.get("name", n)))
        out.add_node(n, **attrs)
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for (u, v, k, d), edge_id in zip(edges, edge_ids(edges)):
        attrs = {key: _flat(val, key) for key, val in d.items() if val is not None}
        attrs["label"] = xml_text(str(d.get("kind", "")))
        attrs["rel_key"] = xml_text(str(k))
        out.add_edge(u, v, key=edge_id, **attrs)
    return out


def edge_ids(edges) -> list[str]:
    """One unique, readable id per (start, end, key, ...) edge: ``start--KEY--end``.

    Valid as a GraphML id (xs:NMTOKEN), so roles such as "led the evaluation" become
    ``led_the_evaluation``. Two edges can then look alike (roles differing only in
    punctuation, ids holding ``--``): the later one gets ``.2``, ``.3``... so no
    edge is lost.
    """
    seen: set[str] = set()
    out = []
    for u, v, k, *_ in edges:
        base = candidate = "--".join(_NOT_IN_NMTOKEN.sub("_", str(part)) for part in (u, k, v))
        n = 1
        while candidate in seen:
            n += 1
            candidate = f"{base}.{n}"
        seen.add(candidate)
        out.append(candidate)
    return out


def with_source_titles(g, sources: dict):
    """A copy of ``g`` where each node and edge with sources also has ``source_titles``."""
    from graph.sources import source_info

    out = g.copy()
    for _, d in list(out.nodes(data=True)) + [(None, d) for *_, d in out.edges(keys=True, data=True)]:
        if d.get("sources"):
            d["source_titles"] = [source_info(k, sources)["title"] for k in d["sources"]]
    return out


def export(g, fmt: str, path, *, csv_raw: bool = False, sources: dict | None = None) -> list[Path]:
    """Write ``g`` as ``fmt`` to ``path``; returns the files written (``csv_raw``: no formula guard).

    ``sources``: the data folder's ``graph.sources.read_sources``, to add source titles.
    A path that cannot be written fails as one ``CannotWrite`` line naming the path and why.
    """
    from .output_files import check_writable, writing

    if sources:
        g = with_source_titles(g, sources)
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    if fmt != "csv":
        check_writable(path)
    with writing(path):
        return _export(g, fmt, Path(path), csv_raw=csv_raw)


def _export(g, fmt: str, path: Path, *, csv_raw: bool = False) -> list[Path]:
    if fmt == "graphml":
        import networkx as nx

        with atomic_write(path, "wb") as fh:
            nx.write_graphml(flat_graph(g), fh, encoding="utf-8", prettyprint=True)
        return [path]
    if fmt == "gexf":
        import networkx as nx

        flat = flat_graph(g, renames=GEXF_RENAMES)
        for _u, _v, k, d in flat.edges(keys=True, data=True):
            d["id"] = k  # networkx numbers GEXF edges unless told their id
        with atomic_write(path, "wb") as fh:
            nx.write_gexf(flat, fh, encoding="utf-8", prettyprint=True)
        return [path]
    if fmt == "json":
        return [write_node_link(g, path)]
    if fmt == "csv":
        return write_csv(g, path, raw=csv_raw)
    if fmt == "cypher":
        from .cypher_script import write_cypher

        return [write_cypher(g, path)]
    if fmt == "xlsx":
        from .sheet_export import write_xlsx

        return [write_xlsx(g, path)]
    raise ExportError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")


def write_node_link(g, path) -> Path:
    """networkx node-link JSON (``nodes`` / ``edges``), lists kept as lists."""
    import networkx as nx

    data = nx.node_link_data(g, edges="edges")
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["source"], e["target"], str(e["key"])))
    with atomic_write(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")
    return Path(path)


def _node_fields(g) -> list[str]:
    present = {k for _, d in g.nodes(data=True) for k in d}
    ordered = []
    for kind in schema.NODE_KINDS.values():
        for f in kind.field_names:
            if f in present and f not in ordered and f != "id":
                ordered.append(f)
    return ordered + sorted(present - set(ordered) - {"kind", "id"})


def _edge_fields(g) -> list[str]:
    present = {k for _, _, d in g.edges(data=True) for k in d}
    ordered = []
    for kind in schema.REL_KINDS.values():
        for f in kind.field_names:
            if f in present and f not in ordered:
                ordered.append(f)
    return ordered + sorted(present - set(ordered) - {"kind"})


def _list_fields() -> set[str]:
    out: set[str] = set()
    for kinds in (schema.NODE_KINDS.values(), schema.REL_KINDS.values()):
        for k in kinds:
            out.update(f.name for f in k.fields if f.type in ("list", "orgid"))
    out.add("source_titles")
    return out


def _neo4j_header(name: str, lists: set[str]) -> str:
    if name in lists:
        return f"{name}:string[]"
    if name in NUMBER_FIELDS:
        return f"{name}:float"
    return name


def _cell(value, *, neo4j: bool, raw: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        # neo4j-admin splits arrays on its --array-delimiter (default ';')
        return csv_cell((";" if neo4j else LIST_SEPARATOR).join(str(v) for v in value), raw=raw)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return csv_cell(str(value), raw=raw)


CSV_FILES = ("nodes.csv", "edges.csv", "gephi_nodes.csv", "gephi_edges.csv")


def _csv_place(target) -> tuple[Path, str]:
    """(folder, file-name prefix) of a CSV export target: a folder, or a prefix ending in - or _."""
    text = str(target)
    if text.endswith(("-", "_")) and not text.endswith((os.sep + "-", os.sep + "_")):
        return Path(text).parent, Path(text).name
    return Path(text), ""


def csv_files(target) -> list[Path]:
    """The files a CSV export to ``target`` writes (so the caller can check them first)."""
    folder, prefix = _csv_place(target)
    return [folder / (prefix + name) for name in CSV_FILES]


def write_csv(g, target, *, raw: bool = False) -> list[Path]:
    """nodes.csv + edges.csv (Neo4j admin import) and gephi_nodes.csv + gephi_edges.csv.

    ``target`` is a folder (created if missing), or a prefix when its name ends in ``-`` or ``_``:
    ``out/wclr-`` writes ``out/wclr-nodes.csv`` and so on, beside other files.
    """
    text = str(target)
    folder, prefix = _csv_place(target)
    if prefix:
        if not folder.is_dir():
            raise ExportError(f"cannot write {text}nodes.csv (and the other CSV files): folder {folder} does not exist")
    else:
        if folder.exists() and not folder.is_dir():
            raise ExportError(f"{folder} is a file; CSV export writes a folder (nodes.csv, edges.csv...) "
                              "or, with a name ending in '-' or '_', files with that prefix")
        folder.mkdir(parents=True, exist_ok=True)
    lists = _list_fields()
    nfields = _node_fields(g)
    efields = _edge_fields(g)
    nodes = sorted(g.nodes(data=True))
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    written = []

    def table(name, header, rows):
        path = folder / (prefix + name)
        with atomic_write(path, newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
        written.append(path)

    table("nodes.csv", ["id:ID", ":LABEL"] + [_neo4j_header(f, lists) for f in nfields],
          ([n, d.get("kind", "")] + [_cell(d.get(f), neo4j=True, raw=raw) for f in nfields] for n, d in nodes))
    table("edges.csv", [":START_ID", ":END_ID", ":TYPE"] + [_neo4j_header(f, lists) for f in efields],
          ([u, v, d.get("kind", "")] + [_cell(d.get(f), neo4j=True, raw=raw) for f in efields] for u, v, _k, d in edges))
    table("gephi_nodes.csv", ["Id", "Label", "Kind"] + [f for f in nfields if f != "name"],
          ([n, _cell(d.get("name", n), neo4j=False, raw=raw), d.get("kind", "")]
           + [_cell(d.get(f), neo4j=False, raw=raw) for f in nfields if f != "name"]
           for n, d in nodes))
    table("gephi_edges.csv", ["Source", "Target", "Type", "Id", "Label", "Kind"] + efields,
          ([u, v, "Directed", edge_id, d.get("kind", ""), d.get("kind", "")]
           + [_cell(d.get(f), neo4j=False, raw=raw) for f in efields] for (u, v, _k, d), edge_id in zip(edges, edge_ids(edges))))
    return written
