"""What a query returns: one shape for every question, so the CLI prints any of them the same way.

``rows`` are dicts with stable keys (structure, not prose: JSON and CSV users
get lists and numbers); ``total`` is how many rows there were before a limit;
``notes`` are sentences about the answer (how it was computed, what was left
out), speaking of values, never of command-line flags; the CLI prints them on
stderr. ``info`` keeps the figures the notes were made from, for scripts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["QueryResult"]


@dataclass(frozen=True)
class QueryResult:
    rows: list[dict]
    total: int
    notes: tuple[str, ...] = ()
    info: dict = field(default_factory=dict)

    # ``rows, info = broker_rows(...)`` and ``broker_rows(...)[0]``: the (rows, info) shape these queries
    # returned before, kept so callers move over one at a time.
    def __iter__(self):
        return iter((self.rows, self.info))

    def __getitem__(self, i):
        return (self.rows, self.info)[i]
