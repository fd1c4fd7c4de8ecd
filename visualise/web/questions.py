"""The questions the web app answers: each one library call, with the CLI's defaults and columns.

A page and its ``/api/`` twin both call the function here, and the twin renders
its rows through ``graph.output.render`` with the columns ``lcg ... --format json``
prints, so the browser, the API and the command line cannot drift apart
(tests/test_web_parity.py). Values typed in the browser are checked by the same
rules as the CLI's options (``graph.dates.parse``, the schema's kind names); a bad
one raises ``BadInput``, shown on the page as one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph import schema
from graph.errors import LcgError

__all__ = ["Answer", "BadInput", "QUESTIONS", "search", "collaborators", "path", "brokers", "clusters", "gaps",
           "timeline", "overlaps", "duplicates", "show"]


class BadInput(LcgError):
    """A value typed in the browser that cannot be used; the message names the field."""


@dataclass
class Answer:
    rows: list[dict]
    columns: list[str]
    notes: list[str] = field(default_factory=list)


# --- reading the query string the way the CLI reads its options --------------------------------------------

def _text(args, key: str) -> str | None:
    value = (args.get(key) or "").strip()
    return value or None


def _int(args, key: str, default: int, lo: int = 0, hi: int | None = None) -> int:
    raw = _text(args, key)
    if raw is None:
        return default
    if not (raw.isascii() and raw.lstrip("-").isdigit()):  # int() also takes "1_0", "+1" and other scripts' digits
        raise BadInput(f"{key}: expected a whole number, got {raw!r}")
    value = int(raw)
    if value < lo or (hi is not None and value > hi):
        raise BadInput(f"{key}: expected a number from {lo}{f' to {hi}' if hi is not None else ''}, got {value}")
    return value


def _float(args, key: str, default: float, lo: float = 0.0, hi: float = 1.0) -> float:
    raw = _text(args, key)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise BadInput(f"{key}: expected a number, got {raw!r}") from None
    if not lo <= value <= hi:
        raise BadInput(f"{key}: expected a number from {lo} to {hi}, got {value}")
    return value


def _choice(args, key: str, choices, *, capitalise: bool = False) -> str | None:
    raw = _text(args, key)
    if raw is None:
        return None
    by_lower = {c.lower(): c for c in choices}
    if raw.lower() not in by_lower:
        raise BadInput(f"{key}: expected one of {', '.join(choices)}, got {raw!r}")
    value = by_lower[raw.lower()]
    return value.capitalize() if capitalise else value


def _date(args, key: str, *, past: bool = True) -> str | None:
    from graph.dates import BadDate, parse

    raw = _text(args, key)
    if raw is None:
        return None
    try:
        return parse(raw, not_after_today=past)
    except BadDate as e:
        raise BadInput(f"{key}: {e}") from None


def _flag(args, key: str) -> bool:
    return (_text(args, key) or "").lower() in ("1", "true", "on", "yes")


def _required(args, key: str, what: str) -> str:
    value = _text(args, key)
    if value is None:
        raise BadInput(f"{key}: give {what}")
    return value


def kinds_of(args, key: str = "kind") -> list[str] | None:
    """Node kinds from the query string, in the schema's spelling (case-insensitive), as the CLI's --kind."""
    given = [k.strip() for k in args.getlist(key) if k.strip()]
    if not given:
        return None
    by_lower = {k.lower(): k for k in schema.NODE_KINDS}
    bad = [k for k in given if k.lower() not in by_lower]
    if bad:
        raise BadInput(f"{key}: unknown kind {bad[0]!r} (expected one of: {', '.join(schema.NODE_KINDS)})")
    return [by_lower[k.lower()] for k in given]


# --- the questions -------------------------------------------------------------------------------------------

#: Relationships shown per kind on a node's page and in its JSON twin, unless ``limit`` says otherwise.
TIES_PER_KIND = 50


def page_size(args) -> int:
    """The ``limit`` a node's page and its JSON twin use for these arguments (0: all)."""
    return _int(args, "limit", TIES_PER_KIND)


def show(backend, data_dir, args) -> dict:
    """`lcg show ID --limit 50 [--offset N] [--relationship KIND] --format json`: the node's fields, sources and
    a page of its relationships per kind, with each kind's total (``limit=0``: all of them)."""
    from graph.describe import show_node
    from graph.sources import read_sources

    return show_node(backend, _required(args, "id", "an id or a name"), read_sources(data_dir) if data_dir else {},
                     limit=page_size(args), offset=_int(args, "offset", 0),
                     relationship=_text(args, "relationship"))


def search(backend, data_dir, args) -> Answer:
    """`lcg search TEXT [--kind K] [--limit N]`."""
    from graph.search import search as find

    text = _text(args, "q") or ""
    matches = find(backend, text, kinds=kinds_of(args), limit=_int(args, "limit", 20)) if text else []
    rows = [{"id": m.node.id, "kind": m.node.kind, "name": m.node.name, "matched": m.matched, "score": m.score}
            for m in matches]
    return Answer(rows, ["id", "kind", "name", "matched", "score"])


def collaborators(backend, data_dir, args) -> Answer:
    """`lcg collaborators ID [--via] [--kind] [--since] [--as-of] [--limit 50]`."""
    from graph.queries.collaborators import COLUMNS, collaborator_page

    rows, total = collaborator_page(
        backend, _required(args, "id", "an id or a name"),
        via=_choice(args, "via", ["project", "event", "network", "employment"]),
        kind=_choice(args, "kind", ["organisation", "person", "place"], capitalise=True),
        since=_date(args, "since"), as_of=_date(args, "as_of"), limit=_int(args, "limit", 50) or None)
    notes = [f"Showing {len(rows)} of {total} collaborators."] if total > len(rows) else []
    return Answer(rows, COLUMNS, notes)


def path(backend, data_dir, args) -> Answer:
    """`lcg path A B [--max-hops 4] [--themes] [--through ID] [--limit 50]`."""
    from graph.queries.path import COLUMNS, path_rows

    a, b = _required(args, "a", "where to start (an id or a name)"), _required(args, "b", "where to end")
    max_hops = _int(args, "max_hops", 4, lo=1, hi=10)
    rows, total = path_rows(backend, a, b, max_hops=max_hops, themes=_flag(args, "themes"),
                            through=_text(args, "through"), limit=_int(args, "limit", 50) or None)
    notes = [] if rows else [f"No connection between {a} and {b} within {max_hops} hops."]
    if total > len(rows):
        notes.append(f"Showing {len(rows)} of {total} shortest connections.")
    return Answer(rows, COLUMNS, notes)


def brokers(backend, data_dir, args) -> Answer:
    """`lcg brokers [--kind] [--sample 500] [--seed 1] [--limit 20]`: organisations and people unless a kind is asked."""
    from graph.queries.brokers import COLUMNS, RANKED_KINDS, broker_rows

    seed = _int(args, "seed", 1, lo=-2**31, hi=2**31)
    kind = _choice(args, "kind", ["organisation", "person", "place"], capitalise=True)
    result = broker_rows(backend, sample=_int(args, "sample", 500, lo=1), seed=seed,
                         kinds=(kind,) if kind else RANKED_KINDS, limit=_int(args, "limit", 20) or None)
    return Answer(result.rows, COLUMNS, list(result.notes))


def clusters(backend, data_dir, args) -> Answer:
    """`lcg clusters [--kind] [--min-size 2] [--seed 1] [--limit 20]`."""
    from graph.queries.brokers import RANKED_KINDS
    from graph.queries.clusters import COLUMNS, cluster_rows

    seed = _int(args, "seed", 1, lo=-2**31, hi=2**31)
    kind = _choice(args, "kind", ["organisation", "person", "place"], capitalise=True)
    result = cluster_rows(backend, seed=seed, min_size=_int(args, "min_size", 2, lo=2),
                          limit=_int(args, "limit", 20) or None, kinds=(kind,) if kind else RANKED_KINDS)
    return Answer(result.rows, COLUMNS, list(result.notes))


def gaps(backend, data_dir, args) -> Answer:
    """`lcg gaps [--only] [--few 1] [--city PLACE]`."""
    from graph.queries.gaps import COLUMNS, gap_rows

    rows = gap_rows(backend, few=_int(args, "few", 1), city=_text(args, "city"),
                    only=_choice(args, "only", ["theme", "organisation", "network", "person"]))
    return Answer(rows, COLUMNS)


def timeline(backend, data_dir, args) -> Answer:
    """`lcg timeline [--from DATE] [--to DATE]`."""
    from graph.queries.timeline import COLUMNS, timeline_rows

    rows, undated = timeline_rows(backend, date_from=_date(args, "from", past=False),
                                  date_to=_date(args, "to", past=False))
    return Answer(rows, COLUMNS, [f"{undated} events or projects have no date and are not shown."] if undated else [])


def overlaps(backend, data_dir, args, *, proposal: dict | None = None) -> Answer:
    """`lcg overlaps [--min-score] [--project] [--theme] [--place] [--since] [--include-decided] [--related]`."""
    from graph.dedup import weights as W
    from graph.dedup.decisions import load_decisions
    from graph.queries.overlaps import COLUMNS, overlap_rows

    include_decided = _flag(args, "include_decided")
    rows = overlap_rows(backend, decisions=load_decisions(data_dir) if data_dir else {},
                        min_score=_float(args, "min_score", W.OVERLAP_MIN_SCORE),
                        project=_text(args, "project"), theme=_text(args, "theme"), place=_text(args, "place"),
                        since=_date(args, "since"), proposal=proposal, include_decided=include_decided,
                        related=_flag(args, "related"), kinds=args.getlist("kind") or None)
    return Answer(rows, COLUMNS + (["decision"] if include_decided else []) + ["evidence", "signals"])


def duplicates(backend, data_dir, args) -> Answer:
    """`lcg duplicates [--kind Organisation|Person] [--min-score] [--include-decided]`."""
    from graph.dedup import weights as W
    from graph.queries.duplicates import COLUMNS, duplicate_rows

    include_decided = _flag(args, "include_decided")
    kind = _choice(args, "kind", ["Organisation", "Person"]) or "Organisation"
    from graph.dedup.decisions import load_decisions

    from graph.entry_files import EntryFiles

    rows = duplicate_rows(backend, load_decisions(data_dir) if data_dir else {}, kind=kind, include_decided=include_decided,
                          min_score=_float(args, "min_score", W.DUPLICATE_MIN_SCORE),
                          where=EntryFiles(data_dir) if data_dir else None)
    return Answer(rows, COLUMNS + (["decision"] if include_decided else []) + ["change"])


#: The row questions by the name used in URLs (/brokers, /api/brokers); a name not here is a 404.
QUESTIONS = {"search": search, "collaborators": collaborators, "path": path, "brokers": brokers,
             "clusters": clusters, "gaps": gaps, "timeline": timeline, "overlaps": overlaps,
             "duplicates": duplicates}
