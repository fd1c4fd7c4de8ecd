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


class UnknownNode(LcgError):
    """An id or name matches no node."""

    def __init__(self, given: str, suggestions=()):
        self.given = given
        self.suggestions = list(suggestions)
        self.hint = ("search", given)
        closest = f"; closest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"no node with id or name {given!r}{closest}")


#: The old name of ``UnknownNode``.
UnknownId = UnknownNode


class AmbiguousName(LcgError):
    """A name matches several nodes equally well."""

    def __init__(self, given: str, candidates, total: int | None = None, where=None):
        self.given = given
        self.candidates = list(candidates)
        self.hint = ("search", given)  # lists them with their names and kinds, when ids say little ("2448")
        more = f" (and {total - len(self.candidates)} more)" if total and total > len(self.candidates) else ""
        # each with where it is, when its record says: ten "Boots" of a pharmacy list are told apart by town
        shown = [f"{c} ({where[c]})" if where and where.get(c) else c for c in self.candidates]
        super().__init__(f"{given!r} matches several nodes: {', '.join(shown)}{more}; give one of these ids")


class BackendError(LcgError):
    """A graph server could not be reached or refused a request."""


class BadDate(LcgError, ValueError):
    """A date that is not a real YYYY, YYYY-MM or YYYY-MM-DD (or is refused for another reason, e.g. the future)."""

    def __init__(self, value, why: str = ""):
        self.value = value
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "...'"
        why = why or "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        super().__init__(f"{shown} {why}")


class BadOption(LcgError, ValueError):
    """A value given to a library function (so to a command's option) is refused.

    Names the argument as the library knows it (``max_hops``) and the value; the
    CLI names its own flag instead (``--max-hops``, see cli.py). ``str(error)``
    reads ``max_hops=0 must be at least 1``.
    """

    def __init__(self, option: str, value, why: str):
        self.option, self.value, self.why = option, value, why
        super().__init__(f"{option}={value!r} {why}")


class OutOfRange(BadOption):
    """A number outside the range an argument accepts."""


class WrongKind(LcgError):
    """A node was found but is of a kind the question does not take (a project where an actor is needed)."""

    def __init__(self, node_id: str, message: str, option: str | None = None):
        self.node_id, self.option = node_id, option
        super().__init__(message)


class SameNode(LcgError):
    """Two ends of a question are one node."""


class BadRange(LcgError, ValueError):
    """A from/to pair of arguments whose start is after its end; names both arguments and values."""

    def __init__(self, low_option: str, low, high_option: str, high):
        self.low_option, self.low, self.high_option, self.high = low_option, low, high_option, high
        super().__init__(f"{low_option}={low!r} is after {high_option}={high!r}; give the earlier date first")


class BadProposal(LcgError):
    """A proposal (``lcg overlaps --proposal FILE``) that is not one readable project entry, or names unknown ids."""


class DecisionsFileError(LcgError):
    """decisions.yaml (the reviewed pairs) cannot be read as a list of pairs, or cannot be locked to write it."""


class UnreadableInput(LcgError):
    """A file given to an importer cannot be read as the format it should be in (encoding, JSON, CSV, workbook)."""


class ImportTargetInvalid(LcgError):
    """The folder an import writes into cannot take it as it is (a file, not a folder; a data file it cannot read)."""
