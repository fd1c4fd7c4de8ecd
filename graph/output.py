"""Rows to text: the one output path every command shares (table, JSON, CSV).

Data goes to stdout; messages go to stderr (the CLI's job). Rows are dicts with
stable keys, so JSON and CSV are machine-readable and the table is for people.
"""

from __future__ import annotations

import csv
import io
import json

__all__ = ["render", "FORMATS"]

FORMATS = ("table", "json", "csv")


def _cell(value, exact: bool = False) -> str:
    """A value as one cell: lists joined with "; "; floats rounded for people, exact for CSV."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v, exact) for v in value)
    if isinstance(value, float) and not exact:
        return f"{value:.4g}" if abs(value) < 1e6 else f"{value:.0f}"
    return str(value)


def _table(rows: list[dict], columns: list[str]) -> str:
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()
    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out) + "\n"


def _jsonable(value):
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def render(rows: list[dict], fmt: str, columns: list[str] | None = None) -> str:
    """The rows in ``fmt``; ``columns`` fixes the order (and the header when there are no rows)."""
    rows = list(rows)
    if columns is None:
        columns = list(rows[0]) if rows else []
    if fmt == "json":
        return json.dumps([_jsonable({c: r.get(c) for c in columns}) for r in rows], indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c), exact=True) for c in columns])
        return buf.getvalue()
    if not rows:
        return "(no rows)\n"
    return _table(rows, columns)
