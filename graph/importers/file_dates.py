"""Reading the dates of one imported file: ISO as the standard says, ``dd/mm/yyyy`` as UK publishers write.

360Giving asks for ISO dates, yet publishers export from spreadsheets and write
``05/06/2014``. Whether that is 5 June or 6 May cannot be told from the value;
it can from the file: one ``17/08/2015`` anywhere settles day-first for every
date of the file. So the order is decided once per file (the importer's rule):
day-first or month-first when some date proves it, and the file is refused
when no date settles it or when dates prove both (``--dates dmy|mdy`` tells).
The result is checked as a real day by :mod:`graph.dates`.

Why this is not in graph/dates.py: dates.py reads one value at a time in the
formats the data is written in (ISO partial dates) and refuses anything else.
Slash dates are a property of an imported file, not of a value: reading one needs
the order decided from every date of its file, and only an importer has the
file. So the per-file decision and the slash pattern live here; every ISO value,
the real-day check and month arithmetic (``dates.add_months``) go through dates.py.
"""

from __future__ import annotations

import re

from .. import dates
from ..errors import LcgError

__all__ = ["AmbiguousDates", "slash_order", "read_day", "ORDERS"]

_SLASH = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:$|[T ])")
ORDERS = ("dmy", "mdy")


class AmbiguousDates(LcgError):
    """The file's slash dates could be read day-first or month-first, or prove both."""


def slash_order(values, where: str) -> str | None:
    """``dmy``, ``mdy`` or None (no slash dates) for the date texts of one file; raises AmbiguousDates.

    ``values``: (row, text) pairs.
    """
    day_first = month_first = None
    example = None
    for row, text in values:
        m = _SLASH.match(text) if isinstance(text, str) else None
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        example = example or (row, text.strip())
        if a > 12 and day_first is None:
            day_first = (row, text.strip())
        if b > 12 and month_first is None:
            month_first = (row, text.strip())
    if example is None:
        return None
    if day_first and month_first:
        raise AmbiguousDates(
            f"{where}: dates are written both day-first (row {day_first[0]}: {day_first[1]!r}) and month-first "
            f"(row {month_first[0]}: {month_first[1]!r}); make them one order (YYYY-MM-DD is best) and import again")
    if day_first:
        return "dmy"
    if month_first:
        return "mdy"
    raise AmbiguousDates(
        f"{where}: dates such as {example[1]!r} (row {example[0]}) could be day-first or month-first and no date in "
        "the file settles it; say which with --dates dmy (05/06/2014 is 5 June) or --dates mdy")


def read_day(value, order: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp, or from ``dd/mm/yyyy`` (``order``); None if no real day."""
    iso = dates.iso_day_prefix(value)
    if iso or not isinstance(value, str) or order is None:
        return iso
    m = _SLASH.match(value)
    if not m:
        return None
    a, b, y = m.groups()
    day, month = (a, b) if order == "dmy" else (b, a)
    return dates.iso_day_prefix(f"{y}-{int(month):02d}-{int(day):02d}")

