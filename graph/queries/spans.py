"""Partial dates as intervals, so "2019", "2019-06" and "2019-06-15" compare honestly.

The data writes dates at the precision the sources give (``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``). A date stands for the whole year or month it names: "2019" runs
from 2019-01-01 to 2019-12-31. A span is ``(lo, hi)`` as ISO strings, ``None`` on an
open side (no start known, or still running). ISO strings compare correctly as
text, so no calendar arithmetic is needed (``-31`` closes every month; only order
matters).
"""

from __future__ import annotations

import re

from ..errors import LcgError

__all__ = ["Span", "low", "high", "span", "intersect", "overlaps", "year", "parse_date", "OPEN"]

Span = tuple  # (lo: str | None, hi: str | None)
OPEN: Span = (None, None)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def low(d: str | None) -> str | None:
    """The first day a partial date can mean."""
    if not d:
        return None
    d = str(d)
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


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


def year(d: str | None) -> int | None:
    return int(d[:4]) if d else None


def parse_date(text: str, option: str) -> str:
    """A date typed on the command line (YYYY, YYYY-MM or YYYY-MM-DD), checked."""
    import datetime

    text = str(text).strip()
    try:
        if not _DATE.match(text):
            raise ValueError
        y, m, d = (text.split("-") + ["01", "01"])[:3]
        datetime.date(int(y), int(m), int(d))
    except ValueError:
        raise LcgError(f"bad {option} {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return text
