"""The graph as a spreadsheet in the elements-and-connections layout that ``lcg import sheet`` reads back.

Two sheets, as Kumu lays them out: **Elements** (ID, Label, Type = the kind,
Category = the entry's ``type`` field, Description, then one column per other
field, lists joined with ``; ``) and **Connections** (From, To, Type = the
relationship kind, then the tie's fields; its ``from``/``to`` dates as
``From date``/``To date``). A text cell that would start a formula (``= + - @``,
tab, CR) is written with a leading ``'`` (OWASP's advice against CSV/formula
injection); the importer takes it off again (graph/importers/sheet.py).
"""

from __future__ import annotations

from pathlib import Path

from graph import schema
from graph.importers.sheet import FORMULA_START

__all__ = ["write_xlsx"]

_FIRST = ("id", "name", "kind", "type", "description")
_TITLES = {"id": "ID", "name": "Label", "kind": "Type", "type": "Category", "description": "Description"}


def _safe(value):
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        value = str(value)
        if value.startswith(FORMULA_START):
            value = "'" + value
    return value


def write_xlsx(g, path) -> Path:
    from openpyxl import Workbook

    from graph.nx_build import dataset_from_graph

    ds = dataset_from_graph(g)
    node_fields: list[str] = []
    for kind in schema.NODE_KINDS.values():
        for f in kind.fields:
            if f.name not in _FIRST and f.name not in node_fields:
                node_fields.append(f.name)
    used = {k for n in ds.nodes for k in n.props}
    node_fields = [f for f in node_fields if f in used]
    rel_fields: list[str] = []
    for rel in schema.REL_KINDS.values():
        for f in rel.fields:
            if f.name not in rel_fields:
                rel_fields.append(f.name)
    used = {k for r in ds.rels for k in r.props}
    rel_fields = [f for f in rel_fields if f in used]

    book = Workbook()
    elements = book.active
    elements.title = "Elements"
    elements.append([_TITLES[c] for c in _FIRST] + node_fields)
    for n in sorted(ds.nodes, key=lambda n: (list(schema.NODE_KINDS).index(n.kind), n.id)):
        row = {"id": n.id, "kind": n.kind, **n.props}
        elements.append([_safe(row[c]) if row.get(c) is not None else None for c in (*_FIRST, *node_fields)])
    connections = book.create_sheet("Connections")
    titles = {"from": "From date", "to": "To date"}
    connections.append(["From", "To", "Type"] + [titles.get(f, f) for f in rel_fields])
    for r in sorted(ds.rels, key=lambda r: (r.kind, r.start, r.end, r.key)):
        connections.append([_safe(r.start), _safe(r.end), r.kind] +
                           [_safe(r.props[f]) if r.props.get(f) is not None else None for f in rel_fields])
    path = Path(path)
    book.save(path)
    return path
