"""Rows to text: the one output path every command shares (table, JSON, CSV).

Data goes to stdout; messages go to stderr (the CLI's job). Rows are dicts with
stable keys, so JSON and CSV are machine-readable and the table is for people.
"""

from __future__ import annotations

import csv
import io
import json
import re

__all__ = ["render", "FORMATS", "terminal_text"]

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


_LINE_BREAKS = re.compile("[\t\n\v\f\r\x85\u2028\u2029]")
#: other C0/C1 controls (ESC starts terminal sequences), DEL, and bidi overrides that reorder a line
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """Data text safe to print on a terminal: line breaks and tabs as spaces, other controls removed."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))


def _table(rows: list[dict], columns: list[str]) -> str:
    cells = [[terminal_text(_cell(r.get(c))) for c in columns] for r in rows]
    columns = [terminal_text(str(c)) for c in columns]
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


def _csv_cell(value, raw: bool) -> str:
    """A CSV cell; text that would start a spreadsheet formula gets a ``'`` (graph/text_safety.py)."""
    from .text_safety import csv_cell

    text = _cell(value, exact=True)
    return text if isinstance(value, (int, float)) and not isinstance(value, bool) else csv_cell(text, raw=raw)


def render(rows: list[dict], fmt: str, columns: list[str] | None = None, *, csv_raw: bool | None = None) -> str:
    """The rows in ``fmt``; ``columns`` fixes the order (and the header when there are no rows).

    ``csv_raw``: CSV cells exactly as the data has them, no formula guard (default: env LCG_CSV_RAW).
    """
    rows = list(rows)
    if columns is None:
        columns = list(rows[0]) if rows else []
    if fmt == "json":
        return json.dumps([_jsonable({c: r.get(c) for c in columns}) for r in rows], indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        if csv_raw is None:
            from .text_safety import csv_raw_from_env

            csv_raw = csv_raw_from_env()
        for r in rows:
            w.writerow([_csv_cell(r.get(c), csv_raw) for c in columns])
        return buf.getvalue()
    if not rows:
        return "(no rows)\n"
    return _table(rows, columns)
