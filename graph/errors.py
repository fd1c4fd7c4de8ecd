"""The library's exceptions: each carries one line a user can act on.

The CLI prints ``str(error)`` as ``Error: ...`` and exits 1, so the message must say
what went wrong, where, and what to do, without a traceback.
"""

from __future__ import annotations


class LcgError(Exception):
    """Base of every error a user can cause and fix.

    ``hint``: a command that helps, as the arguments after ``lcg`` (values, not
    text); the CLI quotes it, adds the user's own --data/--neo4j and prints it.
    """

    hint: tuple[str, ...] = ()


class DataDirNotFound(LcgError):
    """The data folder does not exist or holds no data files."""


class ValidationFailed(LcgError):
    """The data has errors; ``errors`` lists every one of them."""

    def __init__(self, errors):
        self.errors = list(errors)
        n = len(self.errors)
        self.hint = ("validate",)
        super().__init__(f"{n} error{'s' if n != 1 else ''} in the data; nothing was loaded")


class UnknownId(LcgError):
    """An id or name given on the command line matches nothing."""

    def __init__(self, given: str, suggestions=()):
        self.given = given
        self.suggestions = list(suggestions)
        self.hint = ("search", given)
        closest = f"; closest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"no node with id or name {given!r}{closest}")


class AmbiguousName(LcgError):
    """A name given on the command line matches several nodes equally well."""

    def __init__(self, given: str, candidates):
        self.given = given
        self.candidates = list(candidates)
        super().__init__(f"{given!r} matches several nodes: {', '.join(self.candidates)}; give one of these ids")


class BackendError(LcgError):
    """A graph server could not be reached or refused a request."""


class BadDate(LcgError, ValueError):
    """A date that is not a real YYYY, YYYY-MM or YYYY-MM-DD (or is refused for another reason, e.g. the future)."""

    def __init__(self, value, why: str = ""):
        self.value = value
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "...'"
        why = why or "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        super().__init__(f"{shown} {why}")
