"""Decide, before anything is sent, that a user's Cypher text only reads.

Why not rely on the server: Neo4j enforces a read transaction, but other Bolt
servers (ArcadeDB, which the tests use) do not, and a summary's counters do not
count administration or schema commands (``CREATE USER``, ``DROP CONSTRAINT``),
which persisted while the tool said "rolled back". Why not Neo4j's own parser:
it is a JavaScript package, a heavy runtime dependency for a coordinator's laptop.

So a small tokenizer that knows Cypher's strings, comments and backtick names,
and a refusal list of every clause word that writes or administers (a write needs
one of them as a keyword, whatever the casing or comments around it). Procedures
and namespaced functions are allowed from short allow-lists only. A word used as
a property key (``n.set``), a label or type (``:Create``), a parameter
(``$delete``), a map key (``{merge: 1}``) or inside backticks is a name, not a
keyword. When in doubt the query is refused: backticks make any name usable.
"""

from __future__ import annotations

import re

from ..errors import LcgError

__all__ = ["NotReadOnly", "check_read_only", "tokens"]


class NotReadOnly(LcgError):
    """The query is not a plain read, so it was not sent."""


#: Clause and command words that write, change the schema, administer or reach outside the graph.
REFUSED_WORDS = frozenset("""
    CREATE MERGE SET DELETE DETACH NODETACH REMOVE DROP LOAD FOREACH INSERT USE SHOW
    GRANT DENY REVOKE ALTER RENAME START STOP TERMINATE ENABLE DEALLOCATE REALLOCATE
    TRANSACTIONS PERIODIC COMMIT IMPORT
""".split())

#: Read-only procedures a coordinator may CALL (the graph's own vocabulary).
ALLOWED_PROCEDURES = frozenset(name.lower() for name in (
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
))

#: Namespaces of built-in functions that only compute (dates, durations, points, vectors).
ALLOWED_FUNCTION_NAMESPACES = frozenset(
    {"date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "vector"})

_TOKEN = re.compile(r"""
      (?P<space>\s+)
    | (?P<line_comment>//[^\n\r]*)
    | (?P<block_comment>/\*.*?\*/)
    | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<backtick>`(?:[^`]|``)*`)
    | (?P<param>\$(?:[^\W\d]\w*|\d+|`(?:[^`]|``)*`))
    | (?P<number>\d[\w.]*)
    | (?P<word>[^\W\d]\w*)
    | (?P<punct>.)
""", re.VERBOSE | re.DOTALL)

_UNTERMINATED = {"'": "a string", '"': "a string", "`": "a backtick name", "/*": "a comment"}


def tokens(query: str) -> list[tuple[str, str, int]]:
    """(kind, text, offset) of every meaningful token; comments and spaces dropped."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        # ``punct`` matches any one character (DOTALL), so every position starts a token
        assert m is not None and m.lastgroup is not None
        kind, text = m.lastgroup, m.group()
        if kind == "punct":
            opener = query[pos:pos + 2] if query.startswith("/*", pos) else text
            if opener in _UNTERMINATED:
                raise NotReadOnly(f"lcg cypher could not read the query: {_UNTERMINATED[opener]} opened at "
                                  f"character {pos + 1} is never closed")
        if kind not in ("space", "line_comment", "block_comment"):
            out.append((kind, text, pos))
        pos = m.end()
    return out


def _refuse(what: str) -> NotReadOnly:
    return NotReadOnly(f"lcg cypher runs read-only queries and did not send this one ({what}), so nothing "
                       "changed. Use Neo4j's own tools to change the graph, or `lcg load` to load data")


def _dotted_name(toks, i) -> tuple[str, int]:
    """The name ``a.b.c`` starting at token i, and the index after it."""
    parts = []
    while i < len(toks) and toks[i][0] in ("word", "backtick"):
        parts.append(toks[i][1].strip("`"))
        if i + 2 < len(toks) and toks[i + 1][1] == "." and toks[i + 2][0] in ("word", "backtick"):
            i += 2
        else:
            i += 1
            break
    return ".".join(parts), i


def check_read_only(query: str) -> None:
    """Raise NotReadOnly unless ``query`` is one statement of read clauses, read procedures and functions."""
    toks = tokens(query)
    if not toks:
        raise NotReadOnly("lcg cypher needs a query, such as 'MATCH (n) RETURN count(n) AS nodes'")
    if toks[0][1] == ":":
        raise _refuse("a ':' command is a cypher-shell command, not a query")
    for i, (kind, text, _) in enumerate(toks):
        if text == ";" and kind == "punct":
            if i != len(toks) - 1:
                raise _refuse("it holds more than one statement (';')")
            continue
        if kind != "word":
            continue
        before = toks[i - 1][1] if i else ""
        after = toks[i + 1][1] if i + 1 < len(toks) else ""
        if before in (".", ":", "|", "&", "!") and toks[i - 1][0] == "punct":
            continue  # a property key, a label or a relationship type (:A|B, :A&B, :!A)
        if after == ":" and before in ("{", ","):
            continue  # a map key
        if after == "." or before.upper() == "AS" or (before in ("(", "[") and after in (":", ")", "]", "{", ",")):
            pass  # a variable (start.name, AS set, (start:Person)): no clause is written that way
        else:
            upper = text.upper()
            if upper in REFUSED_WORDS:
                raise _refuse(f"it uses {upper}")
        upper = text.upper()
        if upper == "CALL" and after not in ("{", "("):
            name, _ = _dotted_name(toks, i + 1)
            if name.lower() not in ALLOWED_PROCEDURES:
                raise _refuse(f"CALL {name or after} is not one of the read procedures it allows "
                              f"({', '.join(sorted(ALLOWED_PROCEDURES))})")
        if after == "." and before.upper() != "CALL":
            name, j = _dotted_name(toks, i)
            if j < len(toks) and toks[j][1] == "(" and name.split(".")[0].lower() not in ALLOWED_FUNCTION_NAMESPACES:
                raise _refuse(f"the function {name} is not a built-in one")
