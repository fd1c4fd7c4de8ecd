"""`lcg overlaps`: funded projects that may duplicate each other, as rows, each of a kind.

The projection comes from the backend's primitives (``dedup.records``); the
candidates, kinds, scores and evidence from ``dedup.overlaps``. Reviewed pairs
(``decisions``) and a proposal are passed in as data: this module reads no
file (the CLI reads ``decisions.yaml`` and the proposal's YAML).
"""

from __future__ import annotations

from dataclasses import replace

from .. import dates
from ..dedup import weights as W
from ..dedup.groups import groups_of, overlap_groups
from ..dedup.kinds import KINDS
from ..dedup.overlaps import DistinctiveWords, check_proposal, find_overlaps, related_pairs, year_span
from ..dedup.proposal import read_proposal
from ..dedup.branches import Branches
from ..dedup.records import entity_records, place_parents, project_from_entry, project_records
from ..errors import BadOption, BadProposal, WrongKind
from ..search import resolve, search

__all__ = ["overlap_rows", "read_proposal", "kind_counts", "COLUMNS", "KINDS"]

COLUMNS = ["group", "kind", "score", "a", "a_name", "b", "b_name", "reasons"]
#: Kinds that are overlaps proper (grouped); ``related`` rows come after them, ungrouped.
OVERLAP_KINDS = ("double-funding", "continuation", "parallel-work")


def _resolve(backend, given: str, kind: str) -> str:
    """An id of ``kind`` from an id, name or alias, resolved as ``lcg show`` does (``search.resolve``).

    Ambiguous -> AmbiguousName listing the candidates. When ``given`` names a node of
    another kind better than any node of ``kind`` (``--project unesco``: an organisation's
    id, and only a substring of some project names), the error says which kind it is
    rather than quietly filtering by a loosely matching project.
    """
    exact = backend.node(given)
    if exact is not None and exact.kind == kind:
        return exact.id
    own = search(backend, given, kinds=[kind], limit=1)
    other = search(backend, given, limit=1)
    other_node, other_score = (exact, 1.0) if exact is not None else \
        ((other[0].node, other[0].score) if other else (None, 0.0))
    if other_node is not None and other_node.kind != kind and other_score > (own[0].score if own else 0.0):
        a = "an" if other_node.kind[0] in "AEIOU" else "a"
        said = f"{given!r} is {a} {other_node.kind}, expected a {kind}" if exact is not None or other_score >= 1.0 \
            else f"no {kind} is named {given!r} (the nearest name is {a} {other_node.kind}'s, {other_node.id})"
        error = WrongKind(other_node.id, said)
        error.hint = ("search", given)  # the CLI writes it as a command that works when pasted
        raise error
    return resolve(backend, given, kinds=[kind]).id


def with_signal_columns(rows: list[dict]) -> tuple[list[dict], list[str]]:
    """For CSV: each signal as its own column (``signal_text``...), since a cell cannot hold the dict."""
    names = [f"signal_{k}" for k in W.OVERLAP_WEIGHTS]
    return [{**r, **{f"signal_{k}": r.get("signals", {}).get(k) for k in W.OVERLAP_WEIGHTS}} for r in rows], names


def _check_proposal_ids(backend, proposal: dict) -> None:
    """A proposal's partners, funders, themes... must be ids in the graph (a typo would silently score 0)."""
    import difflib

    from .. import schema
    from ..dedup.records import slot_ids

    for key, slot in schema.slots_of("Project").items():
        for node_id in sorted(slot_ids(proposal.get(key))):
            if backend.node(node_id) is None:
                ids = [n.id for n in backend.nodes(slot.other_kinds)]
                close = difflib.get_close_matches(node_id, ids, n=3, cutoff=0.6)
                hint = f" (closest: {', '.join(close)})" if close else ""
                raise BadProposal(f"proposal {key}: unknown id {node_id!r}{hint}; expected an id in the data")


def _since_ok(record, since: float) -> bool:
    span = year_span(record)
    return span is None or span[1] >= since


def kind_counts(rows) -> dict[str, int]:
    """{kind: number of rows} for every kind, in KINDS order (the summary line)."""
    return {k: sum(1 for r in rows if r["kind"] == k) for k in KINDS}


def _decided_same(records, decisions: dict) -> list:
    """The projects with every organisation decided the same as another (``lcg decide A B same``, a merge not
    made yet) written as one of them: two grants to "Wolverhampton Foodbank" and "The Wolverhampton Food Bank
    Ltd" are one body's, not "different organisations" doing the same work."""
    same = [tuple(sorted(pair)) for pair, d in decisions.items() if d.get("decision") == "same" and len(pair) == 2]
    if not same:
        return records
    one = {x: group[0] for group in groups_of(same) for x in group}

    def ids(values: frozenset) -> frozenset:
        return frozenset(one.get(x, x) for x in values)

    return [replace(r, partners=ids(r.partners), funders=ids(r.funders), commissioners=ids(r.commissioners),
                    amounts=tuple((one.get(x, x), *rest) for x, *rest in r.amounts),
                    partner_names=frozenset((one.get(x, x), n) for x, n in r.partner_names)) for r in records]


def overlap_rows(backend, *, decisions: dict | None = None, min_score: float = W.OVERLAP_MIN_SCORE,
                 project: str | None = None, theme: str | None = None, place: str | None = None,
                 since: str | None = None, proposal: dict | None = None, weights: dict | None = None,
                 include_decided: bool = False, related: bool = False, kinds=None) -> list[dict]:
    """Overlapping project pairs as rows (best first within each group), each with its kind, group and evidence.

    ``decisions``: {frozenset({a, b}): entry} of reviewed pairs (``dedup.decisions.load_decisions``), left
    out unless ``include_decided``; ``proposal``: a project entry not in the graph (``read_proposal``);
    ``kinds``: only these kinds. ``theme``, ``place`` and ``since`` only filter: every score is computed
    against the whole graph.
    """
    weights = W.overlap_weights(weights)
    unknown = sorted(set(kinds or ()) - set(KINDS))
    if unknown:
        raise BadOption("kinds", unknown[0], f"is not a kind of overlap (expected one of: {', '.join(KINDS)})")
    kinds = set(kinds) if kinds else None
    related = related or bool(kinds and "related" in kinds)
    records, names, parents = project_records(backend)
    records = _decided_same(records, decisions or {})
    words = DistinctiveWords(records, names)  # before any filter: a filter must not change a score
    # One number, several branches? Named from every record, before any filter, like the words.
    branched = Branches(entity_records(backend, "Organisation"), named=Branches.named_in(records))
    decisions = decisions or {}
    if theme:
        tid = _resolve(backend, theme, "Theme")
        records = [r for r in records if tid in r.themes]
    if place:
        pid = _resolve(backend, place, "Place")
        records = [r for r in records if pid in r.places
                   or any(pid in place_parents(parents, p) for p in r.places)]
    if since:
        cut = dates.fractional_year(dates.parse(since))
        if cut is not None:
            records = [r for r in records if _since_ok(r, cut)]
    skip = frozenset() if include_decided else frozenset(decisions)
    if proposal is not None:
        _check_proposal_ids(backend, proposal)
        programmes = {n.id for n in backend.nodes(["Network"])
                      if str(n.props.get("type") or "").lower() == "programme"}
        pairs = check_proposal(project_from_entry(proposal, programmes=programmes), records, words=words,
                               names=names, parents=parents, weights=weights, min_score=min_score,
                               related=related, kinds=kinds, branched=branched)
        names = {**names, pairs[0].a: str(proposal.get("name"))} if pairs else names
    else:
        if project is not None:
            project = _resolve(backend, project, "Project")
            if all(r.id != project for r in records):
                return []
        pairs = find_overlaps(records, words=words, names=names, parents=parents, weights=weights,
                              min_score=min_score, project=project, skip=skip, kinds=kinds, branched=branched)
        if related and (kinds is None or "related" in kinds):  # listed below the score too, as before
            pairs += related_pairs(records, pairs, words=words, names=names, parents=parents, weights=weights,
                                   project=project, skip=skip, branched=branched)
    group_of = overlap_groups([p for p in pairs if p.kind in OVERLAP_KINDS])  # stars, not chains: dedup/groups.py
    rows: list[dict] = []
    for p in pairs:
        key = (min(p.a, p.b), max(p.a, p.b))
        row = {"group": group_of.get(key) if p.kind in OVERLAP_KINDS else None, "kind": p.kind, "score": p.score,
               "a": p.a, "a_name": names.get(p.a, p.a), "b": p.b, "b_name": names.get(p.b, p.b),
               "reasons": "; ".join(p.reasons), "evidence": p.evidence, "signals": p.signals}
        decided = decisions.get(frozenset((p.a, p.b)))
        if decided:
            row["decision"] = decided["decision"]
        rows.append(row)
    rows.sort(key=lambda r: (r["kind"] not in OVERLAP_KINDS, r["group"] or 0, -r["score"], r["a"], r["b"]))
    return rows
