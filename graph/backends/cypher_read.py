"""``lcg cypher``: a user's own query, read-only, as rows.

The text is first checked, before anything is sent, to be one statement of read
clauses (graph/backends/cypher_guard.py). It then runs in a managed *read* transaction (the driver's READ access mode,
which Neo4j enforces). Some Bolt servers (ArcadeDB) do not enforce it, so the
transaction also checks the server's own summary: if the statement is a write or
changed anything, the transaction is rolled back and the user told why. The user's
text is sent as it is, with their ``--param`` values as parameters.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from ..errors import BackendError, BadOption, LcgError
from .bolt import BoltConfig, connect, translate_errors
from .cypher_guard import check_read_only

__all__ = ["run_read_only", "parse_params", "WriteRefused", "plain"]


class WriteRefused(LcgError):
    """The query would change the graph; nothing was changed."""


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs; VALUE as JSON when it parses (42, true, [1,2], "x"), else as text.

    Raises BadOption (argument ``param``) for a pair that is not NAME=VALUE or nests too deeply.
    """
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("$")
        if not sep or not name.isidentifier():
            raise BadOption("param", pair, "is not NAME=VALUE (such as id=university-of-wolverhampton)")
        try:
            out[name] = json.loads(value)
        except ValueError:
            out[name] = value
        except RecursionError:  # [[[[... nested past Python's recursion limit
            shown = pair if len(pair) <= 40 else pair[:37] + "..."
            raise BadOption("param", shown, f"is JSON nested too deeply (more than {sys.getrecursionlimit()} "
                            "levels); give a flatter value") from None
    return out


def plain(value):
    """Driver values (nodes, relationships, paths, dates) as JSON-friendly Python values."""
    from neo4j import graph as g

    if isinstance(value, g.Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, g.Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, g.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_read_only(config: BoltConfig, query: str, params: dict | None = None) -> tuple[list[dict], list[str]]:
    """(rows, column names) of ``query``; raises WriteRefused for a write, BackendError for a failure."""
    import neo4j

    check_read_only(query)

    def work(tx):
        result = tx.run(query, params or {})
        keys = list(result.keys())
        rows = [{k: plain(v) for k, v in zip(keys, record.values())} for record in result]
        summary = result.consume()
        if summary.query_type in ("w", "rw", "s") or summary.counters.contains_updates \
                or summary.counters.contains_system_updates:
            raise WriteRefused("lcg cypher runs read-only queries; this one writes "
                               f"(query type {summary.query_type!r}), so it was rolled back and nothing changed. "
                               "Use Neo4j's own tools to change the graph, or `lcg load` to load data")
        return rows, keys

    driver = connect(config)
    try:
        with translate_errors(config, "querying"):
            with driver.session(database=config.database, default_access_mode=neo4j.READ_ACCESS) as session:
                try:
                    return session.execute_read(work)
                except neo4j.exceptions.ClientError as e:
                    if "Forbidden" in (e.code or "") or "AccessMode" in (e.code or ""):
                        raise WriteRefused("lcg cypher runs read-only queries; the server refused this one as a "
                                           "write and nothing changed") from None
                    if "Syntax" in (e.code or ""):
                        raise BackendError(f"Neo4j at {config.where} could not parse the query: "
                                           f"{(e.message or '').splitlines()[0] if e.message else e.code}") from None
                    raise
    finally:
        driver.close()
