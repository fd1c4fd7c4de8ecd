"""Rows to text: the one output path every command shares (table, JSON, CSV), and ``lcg show``'s record.

Data goes to stdout; messages go to stderr (the CLI's job). Rows are dicts with
stable keys, so JSON and CSV are machine-readable and the table is for people.

A table is fitted to a terminal only when the caller gives a ``width`` (the CLI
does when stdout is a terminal and ``--wide`` is not given): short columns keep
their width, the widest are narrowed evenly, a long cell ends in "…" and a list
shows its first items and how many more ("A; B +3 more"). Without a width, and
always in JSON and CSV, nothing is cut: a pipe or a file gets every value.

Some columns say in sentences why a row is there (an overlap's or a duplicate's
``reasons``): cut to a stub they say nothing. When a caller names such columns
(``whole``) and the fitted table could not show them whole, each row is written as
a record instead, one field per line, long text wrapped to the terminal (what
psql's expanded display does with rows wider than the screen).
Widths are counted in terminal cells (a CJK character takes two), not characters.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

__all__ = ["render", "render_json", "render_record", "field_text", "display_width", "FORMATS", "terminal_text"]

FORMATS = ("table", "json", "csv")
ELLIPSIS = "…"
GAP = "  "
LIST_SEP = "; "
COMFORTABLE = 30  # cells a long text column is narrowed to first
MIN_WIDTH = 8  # a narrowed column keeps at least this many cells (or its natural width, if less)


# --- measuring and cutting text in terminal cells ----------------------------------------------------------------

def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal cells ``text`` takes (wide East Asian characters count two, accents zero)."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending in "…" when something was left out."""
    if display_width(text) <= width:
        return text
    if width <= 0:
        return ""
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + ELLIPSIS


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


# --- cells --------------------------------------------------------------------------------------------------------

def _cell(value, exact: bool = False) -> str:
    """A value as one cell: lists joined with "; "; floats rounded for people, exact for CSV."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(_cell(v, exact) for v in value)
    if isinstance(value, float) and not exact:
        return f"{value:.4g}" if abs(value) < 1e6 else f"{value:.0f}"
    return str(value)


_LINE_BREAK_CHARS = "\t\n\v\f\r\x85\u2028\u2029"
#: other C0/C1 controls (ESC starts terminal sequences, U+009B is an 8-bit CSI), DEL, and bidi
#: overrides that reorder a line
_CONTROL_CHARS = "\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
_LINE_BREAKS = re.compile(f"[{_LINE_BREAK_CHARS}]")
_CONTROLS = re.compile(f"[{_CONTROL_CHARS}]")
#: what JSON for a terminal writes as \u escapes: the same characters beyond ASCII (json escapes the C0
#: ones inside strings itself, and the line breaks between its lines are its own)
_JSON_ESCAPED = re.compile(f"(?![\x00-\x7e])[{_CONTROL_CHARS}{_LINE_BREAK_CHARS}]")


def terminal_text(text: str) -> str:
    """Data text safe to print on a terminal: line breaks and tabs as spaces, other controls removed."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))


def _list_cell(items: list | tuple, width: int) -> str:
    """As many of ``items`` as fit in ``width`` cells, then "+N more"; the first item is cut if it alone is too long."""
    texts = [terminal_text(_cell(v)) for v in items]
    full = LIST_SEP.join(texts)
    if display_width(full) <= width:
        return full
    for keep in range(len(texts) - 1, 0, -1):
        text = f"{LIST_SEP.join(texts[:keep])} +{len(texts) - keep} more"
        if display_width(text) <= width:
            return text
    more = f" +{len(texts) - 1} more" if len(texts) > 1 else ""
    if len(texts) > 1 and width - len(more) < 4:  # no room for a readable first item: say how many
        return _cut(f"{len(texts)} items", width)
    return _cut(texts[0], max(1, width - len(more))) + more


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fit_widths(natural: list[int], available: int, order: list[int], kept: int = 0) -> list[int]:
    """Column widths summing to at most ``available`` where possible.

    ``order`` lists column indexes, most important first; its first ``kept`` are
    the ones the caller named as mattering most. Width is taken from the least
    important column first: from the others, a column wider than ``COMFORTABLE``
    cells is narrowed to it, then any down to ``MIN_WIDTH``; only then are the
    named columns narrowed the same way. So those columns and the short ones
    (numbers, kinds, years) keep their width, and a table with too many columns
    for the terminal runs past its edge rather than becoming unreadable.
    """
    widths = list(natural)
    excess = sum(widths) - available
    for group in (order[kept:], order[:kept]):
        for limit in (COMFORTABLE, MIN_WIDTH):
            for i in reversed(group):
                if excess <= 0:
                    return widths
                give = min(excess, max(0, widths[i] - limit))
                widths[i] -= give
                excess -= give
    return widths


def _layout(rows: list[dict], columns: list[str], width: int | None, priority: list[str] | None):
    """(columns kept, columns left out, the rows' values, their full texts, widths, numeric flags) of a table."""
    dropped: list[str] = []
    first: list[str] = []
    if width is not None:
        first = [c for c in priority or () if c in columns]
        ranked = first + [c for c in columns if c not in first]
        natural = _natural_widths(rows, columns)
        # When the named columns cannot keep a comfortable width and every other column its narrowest, the
        # least important are left out (and named below) rather than every column cut to a stub.
        def least(c):
            return min(natural[c], COMFORTABLE if c in first else MIN_WIDTH)

        while len(ranked) > 1 and sum(map(least, ranked)) + len(GAP) * (len(ranked) - 1) > width:
            dropped.insert(0, ranked.pop())
        columns = [c for c in columns if c not in dropped]
        first = [c for c in first if c not in dropped]
    values = [[r.get(c) for c in columns] for r in rows]
    numeric = [bool(values) and all(v is None or _is_number(v) for v in (row[i] for row in values))
               for i in range(len(columns))]
    full = [[terminal_text(_cell(v)) for v in row] for row in values]
    widths = [max([display_width(c)] + [display_width(row[i]) for row in full]) for i, c in enumerate(columns)]
    if width is not None:
        order = [columns.index(c) for c in first + [c for c in columns if c not in first]]
        widths = _fit_widths(widths, width - len(GAP) * (len(columns) - 1), order, len(first))
    return columns, dropped, values, full, widths, numeric


def _table(layout: tuple, width: int | None) -> str:
    """The table of a ``_layout``, fitted to ``width`` when it was laid out for one."""
    columns, dropped, values, full, widths, numeric = layout
    if width is None:
        cells, heads = full, list(columns)
    else:
        cells = [[_list_cell(v, w) if isinstance(v, (list, tuple)) else _cut(text, w)
                  for v, text, w in zip(row, texts, widths)] for row, texts in zip(values, full)]
        heads = [_cut(c, w) for c, w in zip(columns, widths)]

    def line(vals):
        return GAP.join(_pad(v, w, right) for v, w, right in zip(vals, widths, numeric)).rstrip()

    out = [line(heads), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    if dropped:
        out.append(_cut(f"(left out to fit: {', '.join(dropped)}; --wide shows all)", width or 0))
    return "\n".join(out) + "\n"


def _shows_whole(layout: tuple, columns: list[str], whole: list[str]) -> bool:
    """True when the table of ``layout`` shows every cell of the ``whole`` columns (of ``columns``) uncut."""
    kept, _, _, full, widths, _ = layout
    for c in whole:
        if c not in columns:
            continue
        if c not in kept:
            return False
        i = kept.index(c)
        if any(display_width(row[i]) > widths[i] for row in full):
            return False
    return True


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words (a word too long is split)."""
    lines: list[str] = []
    line, used = "", 0
    for word in text.split(" "):
        w = display_width(word)
        while w > width:  # a word longer than a line: as much as fits, then the rest
            if line:
                lines.append(line)
                line, used = "", 0
            head, taken = "", 0
            for ch in word:
                if taken + _char_width(ch) > width:
                    break
                head += ch
                taken += _char_width(ch)
            lines.append(head)
            word = word[len(head):]
            w = display_width(word)
        if not word:
            continue
        if line and used + 1 + w > width:
            lines.append(line)
            line, used = "", 0
        line, used = (f"{line} {word}", used + 1 + w) if line else (word, w)
    if line or not lines:
        lines.append(line)
    return lines


def _records(rows: list[dict], columns: list[str], width: int) -> str:
    """Each row as a block headed ``-[ N of M ]-``: one field a line, empty fields left out, text wrapped."""
    label = max(display_width(c) for c in columns)
    room = max(20, width - label - len(GAP))
    out: list[str] = []
    for n, r in enumerate(rows, start=1):
        head = f"-[ {n} of {len(rows)} ]"
        out.append(head + "-" * max(0, min(width, 60) - len(head)))
        for c in columns:
            text = terminal_text(_cell(r.get(c)))
            if not text:
                continue
            for k, part in enumerate(_wrap(text, room)):
                out.append(f"{_pad(c if k == 0 else '', label)}{GAP}{part}".rstrip())
    return "\n".join(out) + "\n"


def _natural_widths(rows: list[dict], columns: list[str]) -> dict[str, int]:
    return {c: max([display_width(c)] + [display_width(_cell(r.get(c))) for r in rows]) for c in columns}


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


def render_json(value, *, terminal: bool = False, default=None) -> str:
    """``value`` as indented JSON text (non-ASCII kept as it is), ending in a line break.

    ``terminal``: the text goes to a terminal, so the characters that would drive or reorder
    it (DEL, C1 controls such as the 8-bit CSI U+009B, bidi overrides, line separators) are
    written as ``\\uXXXX`` escapes. They decode to the same strings, so the JSON means the
    same; a pipe or a file (``terminal`` False) gets the characters as they are.
    """
    text = json.dumps(_jsonable(value), indent=2, ensure_ascii=False, default=default)
    if terminal:
        text = _JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"


def wrapped(text: str, width: int, indent: str = "", more: str | None = None) -> list[str]:
    """``text`` (terminal-safe) in lines of at most ``width`` cells, the first after ``indent``, the others after
    ``more`` (``indent`` when None)."""
    more = indent if more is None else more
    room = max(20, width - max(display_width(indent), display_width(more)))
    return [(more if k else indent) + part for k, part in enumerate(_wrap(terminal_text(text), room))]


def render(rows: list[dict], fmt: str, columns: list[str] | None = None, *, width: int | None = None,
           priority: list[str] | None = None, csv_raw: bool | None = None, terminal: bool = False,
           whole: list[str] | None = None, as_record=None) -> str:
    """The rows in ``fmt``; ``columns`` fixes the order (and the header when there are no rows).

    ``csv_raw``: CSV cells exactly as the data has them, no formula guard (default: env LCG_CSV_RAW).
    ``terminal``: JSON for a terminal, its controls escaped (see ``render_json``).

    ``width``: fit a table into this many terminal cells (None: nothing is cut);
    ``priority``: the columns that keep their width longest, most important first
    (the others follow, left to right); ``whole``: columns a table must show in full, else
    the rows are written as records wrapped to ``width``, by ``as_record(row, width)`` (its lines) when given,
    else one field a line. JSON and CSV ignore all four.
    """
    rows = list(rows)
    if columns is None:
        columns = list(rows[0]) if rows else []
    if fmt == "json":
        return render_json([{c: r.get(c) for c in columns} for r in rows], terminal=terminal)
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
    layout = _layout(rows, columns, width, priority)
    if width is not None and whole and not _shows_whole(layout, columns, whole):
        if as_record is not None:
            return "\n".join(line.rstrip() for r in rows for line in as_record(r, width)) + "\n"
        return _records(rows, columns, width)
    return _table(layout, width)


# --- one node as a record (lcg show) ------------------------------------------------------------------------------

def field_text(key: str, value) -> str:
    """How one field's value reads in ``lcg show`` (the one place to change it, e.g. to add source titles)."""
    return _cell(value) if value not in (None, "", [], ()) else "(none)"




def _tie_line(tie: dict) -> str:
    from .describe import TIE_FIELDS  # every tie field, in the order show_node gives them

    details = [f"{k}: {field_text(k, tie[k])}" for k in TIE_FIELDS if tie.get(k) not in (None, "")]
    if tie.get("sources"):
        details.append(f"sources: {field_text('sources', tie['sources'])}")
    head = f"{tie['other_name']} ({tie['other_id']}, {tie['other_kind']})"
    return head + (f"  {', '.join(details)}" if details else "")


def render_record(info: dict, *, width: int | None = None) -> str:
    """A node from ``graph.describe.show_node`` for people: its fields, then its ties grouped by kind.

    Each group is headed the way ``lcg path`` writes a tie (``-PARTNER_IN->`` out
    of this node, ``<-FUNDS-`` into it). With a ``width``, lines are cut with "…".
    """
    fit = (lambda s: _cut(terminal_text(s), width)) if width else terminal_text
    fields = dict(info["fields"])
    name = fields.pop("name", info["id"])
    shown = list(fields.items()) + [("sources", info["sources"])]
    label = max(display_width(k) for k, _ in shown) + 1
    out = [terminal_text(f"{name}  [{info['kind']}]  id: {info['id']}")]  # never cut: the id is what people paste next
    out += [fit(f"  {_pad(k + ':', label)} {field_text(k, v)}") for k, v in shown]
    ties = info["relationships"]
    out.append("")
    out.append(f"Relationships ({len(ties)})" if ties else "Relationships: none")
    groups: dict[tuple, list[dict]] = {}
    for t in ties:
        groups.setdefault((t["direction"], t["relationship"]), []).append(t)
    for (direction, rel), members in groups.items():
        arrow = f"-{rel}->" if direction == "out" else f"<-{rel}-"
        out.append(fit(f"  {arrow} ({len(members)})"))
        out += [fit(f"    {_tie_line(t)}") for t in members]
    return "\n".join(out) + "\n"
