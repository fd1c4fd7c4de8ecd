"""`lcg timeline`: events and project spans in date order.

Dates keep the precision the sources give; a row sorts by the first day its
start can mean ("2019" before "2019-03"), then events before projects, then id.
Events without a date and projects with neither start nor end cannot be placed;
they are counted, not listed.
"""

from __future__ import annotations

from ..gc_pause import paused_gc
from ..backends.base import Backend
from ..errors import BadRange
from .. import dates

__all__ = ["timeline_rows", "COLUMNS"]

COLUMNS = ["start", "end", "kind", "type", "id", "name"]
_ORDER = {"Event": 0, "Project": 1}


def timeline_rows(backend: Backend, *, date_from: str | None = None, date_to: str | None = None) -> tuple[list[dict], int]:
    """(rows, undated): items whose span meets [date_from, date_to] (either open), in date order."""
    window = (dates.low(date_from), dates.high(date_to))
    if window[0] and window[1] and window[0] > window[1]:
        raise BadRange("date_from", date_from, "date_to", date_to)
    rows, undated = [], 0
    with paused_gc():
        records = backend.nodes(["Event", "Project"])
    for n in records:
        p = n.props
        start, end = (p.get("date"), p.get("end")) if n.kind == "Event" else (p.get("start"), p.get("end"))
        if not start and not end:
            undated += 1
            continue
        own = dates.span(start, end or (start if n.kind == "Event" else None))
        if not dates.overlaps(own, window):
            continue
        rows.append({"start": start, "end": end, "kind": n.kind, "type": p.get("type"), "id": n.id,
                     "name": n.name, "_key": (own[0] or dates.low(end), _ORDER[n.kind], n.id)})
    rows.sort(key=lambda r: r["_key"])  # type: ignore[arg-type,return-value]  # rows mix str and tuple values
    for r in rows:
        del r["_key"]
    return rows, undated
