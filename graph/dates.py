"""Partial dates: the one place that parses, checks and compares them.

The data writes dates at the precision its sources give (``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``). A date stands for the whole year or month it names: "2019" runs
from 2019-01-01 to 2019-12-31. A span is ``(lo, hi)`` as ISO day strings, ``None``
on an open side (no start known, or still running). ISO strings compare correctly
as text, so ordering needs no calendar arithmetic (``-31`` closes every month;
only order matters).

Every reader of a date goes through :func:`parse` (text typed by a person or found
in a file) or :func:`from_value` (a YAML value), so a wrong month is refused with
the same words wherever it is typed.
"""

from __future__ import annotations

from typing import overload

import datetime as _dt
import re

from .errors import BadDate

__all__ = ["BadDate", "Span", "OPEN", "parse", "from_value", "iso_day_prefix", "is_date", "low", "high",
           "span", "intersect", "overlaps", "ended_before", "year", "fractional_year", "months_between",
           "add_months", "end_of_months", "today"]

Span = tuple  # (lo: str | None, hi: str | None)
OPEN: Span = (None, None)
EXPECTED = "YYYY, YYYY-MM or YYYY-MM-DD"
_SHAPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO_DAY_PREFIX = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def today() -> str:
    return _dt.date.today().isoformat()


def _real(text: str) -> bool:
    m = _SHAPE.fullmatch(text)
    if not m:
        return False
    y, mo, d = m.groups()
    try:
        _dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return False
    return True


def is_date(text) -> bool:
    """True for a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD (not 2019-13 or 2019-02-30)."""
    return isinstance(text, str) and _real(text)


def parse(text, *, not_after_today: bool = False) -> str:
    """``text`` checked as a partial date and returned as written (stripped).

    ``not_after_today`` refuses a date that starts after today: a ``since`` or an
    ``as of`` in the future would silently answer about nothing (or everything).
    """
    value = str(text).strip() if text is not None else ""
    if not _real(value):
        raise BadDate(text)
    if not_after_today and low(value) > today():
        raise BadDate(text, f"is in the future (today is {today()})")
    return value


def from_value(v) -> str:
    """A YAML value (int year, date, datetime or text) as a partial date string."""
    if isinstance(v, bool):
        raise BadDate(v)
    if isinstance(v, int) and 1000 <= v <= 2999:
        return str(v)
    if isinstance(v, _dt.datetime):
        v = v.date()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, str) and _real(v):
        return v
    raise BadDate(v)


def iso_day_prefix(value) -> str | None:
    """``YYYY-MM-DD`` from the start of an ISO date or timestamp if it is a real day, else None."""
    m = _ISO_DAY_PREFIX.match(value.strip()) if isinstance(value, str) else None
    if not m or not _real(m.group(1)):
        return None
    return m.group(1)


@overload
def low(d: str) -> str: ...
@overload
def low(d: None) -> None: ...
@overload
def low(d: str | None) -> str | None: ...
def low(d: str | None) -> str | None:
    """The first day a partial date can mean."""
    if not d:
        return None
    d = str(d)
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


@overload
def high(d: str) -> str: ...
@overload
def high(d: None) -> None: ...
@overload
def high(d: str | None) -> str | None: ...
def high(d: str | None) -> str | None:
    """The last day a partial date can mean."""
    if not d:
        return None
    d = str(d)
    return d + "-12-31" if len(d) == 4 else d + "-31" if len(d) == 7 else d


def span(start: str | None, end: str | None) -> Span:
    """The interval from ``start`` to ``end``; either may be missing (open)."""
    return (low(start), high(end))


def intersect(*spans: Span) -> Span | None:
    """The common part of the spans, or None when they never meet."""
    los = [s[0] for s in spans if s[0] is not None]
    his = [s[1] for s in spans if s[1] is not None]
    lo = max(los) if los else None
    hi = min(his) if his else None
    if lo is not None and hi is not None and lo > hi:
        return None
    return (lo, hi)


def overlaps(a: Span | None, b: Span) -> bool:
    return a is not None and intersect(a, b) is not None


def ended_before(end: str | None, since: str) -> bool:
    """True when a partial date lies wholly before ``since``.

    Compared as intervals: a tie that ended "2019" may have run to December, so it
    is kept for since=2019-06.
    """
    if not end:
        return False
    return high(str(end)) < low(since)


def year(d: str | None) -> int | None:
    return int(str(d)[:4]) if d else None


def fractional_year(d: str | None) -> float | None:
    """The first day of a partial date as a year with a fraction (2019-07 -> 2019.5)."""
    if not d:
        return None
    parts = str(d).split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else 1
    day = int(parts[2]) if len(parts) > 2 else 1
    return y + (m - 1) / 12 + (day - 1) / 365


def months_between(a: str, b: str) -> int:
    """Whole months from the first day of ``a`` to the first day of ``b`` (negative when b is earlier)."""
    la, lb = low(a), low(b)
    return (int(lb[:4]) - int(la[:4])) * 12 + int(lb[5:7]) - int(la[5:7])


def whole_months(a: str, b: str) -> int:
    """Whole months elapsed from the first day of ``a`` to the first day of ``b`` (2016-12-31 -> 2017-01-01: 0;
    -> 2017-01-31: 1), where ``months_between`` counts calendar months (1 for both); b not before a."""
    la, lb = low(a), low(b)
    return months_between(la, lb) - (1 if lb[8:10] < la[8:10] else 0)


def add_months(day: str, months: int) -> str:
    """``day`` (YYYY-MM-DD) plus whole months, the day of month clamped (2020-01-31 + 1 -> 2020-02-29).

    For a span written as a start and a duration (360Giving's ``plannedDates``)."""
    import calendar

    y, m, d = (int(x) for x in day.split("-"))
    total = y * 12 + (m - 1) + months
    y, m = divmod(total, 12)
    m += 1
    return f"{y:04d}-{m:02d}-{min(d, calendar.monthrange(y, m)[1]):02d}"


def end_of_months(start: str, months: int) -> str:
    """The last day of a period of ``months`` whole months from ``start`` (YYYY-MM-DD): the day before the same
    day ``months`` later, so a 12-month grant from 2022-04-01 ends 2023-03-31, as the data writes an end (the
    last day in it; ``span`` and the overlap kinds read it so, and a next year's grant from 2023-04-01 is back
    to back, not overlapping). When that month has no such day (from 2023-01-31, one month), the period ends on
    its last day (2023-02-28).

    For 360Giving's ``plannedDates`` given as a start and a duration."""
    later = add_months(start, months)
    if int(later[8:]) < int(start[8:]):  # the day was clamped to the month's last: that day is the end
        return later
    return (_dt.date.fromisoformat(later) - _dt.timedelta(days=1)).isoformat()
