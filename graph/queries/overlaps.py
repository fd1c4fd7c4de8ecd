"""`lcg overlaps`: funded projects that may duplicate each other, as rows.

The projection comes from the backend's primitives (``dedup.records``); the
candidates, scores and reasons from ``dedup.overlaps``; reviewed pairs from
the data folder's ``decisions.yaml`` are left out.
"""

from __future__ import annotations

from .. import dates
from ..dedup import weights as W
from ..dedup.decisions import load_decisions
from ..dedup.groups import overlap_groups
from ..dedup.overlaps import check_proposal, find_overlaps, related_pairs, text_matrix, year_span
from ..dedup.records import place_parents, project_from_entry, project_records
from ..errors import LcgError
from ..search import resolve, search

__all__ = ["overlap_rows", "read_proposal", "COLUMNS"]

COLUMNS = ["group", "kind", "score", "a", "a_name", "b", "b_name", "reasons"]


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
        raise LcgError(f"{given!r} is {a} {other_node.kind}, expected a {kind} (try `lcg search {given}`)")
    return resolve(backend, given, kinds=[kind]).id


def read_proposal(path) -> dict:
    """One project entry from a YAML file (a mapping, or a list holding one)."""
    import yaml

    from ..validate import Validator
    from ..yaml_files import safe_load

    try:
        with open(path, encoding="utf-8") as fh:
            value = safe_load(fh.read())
    except UnicodeDecodeError:
        raise LcgError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise LcgError(f"{path}{f' line {mark.line + 1}' if mark else ''}: not valid YAML "
                       "(expected one project entry as in projects.yaml)") from None
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, dict) or not value.get("name"):
        raise LcgError(f"{path}: expected one project entry with at least a name (as in projects.yaml)")
    checker = Validator()
    checker.read_file(str(path), "Project", [{"id": "proposal", **value}])
    if checker.problems:
        first = checker.problems[0]
        more = f" (and {len(checker.problems) - 1} more)" if len(checker.problems) > 1 else ""
        raise LcgError(f"{path}: {first.message}{more}")
    return value


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
                raise LcgError(f"proposal {key}: unknown id {node_id!r}{hint}; expected an id in the data")


def _since_ok(record, since: float) -> bool:
    span = year_span(record)
    return span is None or span[1] >= since


def overlap_rows(backend, data_dir=None, *, min_score: float = W.OVERLAP_MIN_SCORE, project: str | None = None,
                 theme: str | None = None, place: str | None = None, since: str | None = None,
                 proposal: dict | None = None, weights: dict | None = None,
                 include_decided: bool = False, related: bool = False) -> list[dict]:
    """Overlapping project pairs as rows (best first), each with its group number and reasons."""
    weights = W.overlap_weights(weights)
    records, names, parents = project_records(backend)
    decisions = load_decisions(data_dir) if data_dir is not None else {}
    if theme:
        tid = _resolve(backend, theme, "Theme")
        records = [r for r in records if tid in r.themes]
    if place:
        pid = _resolve(backend, place, "Place")
        records = [r for r in records if pid in r.places
                   or any(pid in place_parents(parents, p) for p in r.places)]
    if since:
        cut = dates.fractional_year(dates.parse(since))
        records = [r for r in records if _since_ok(r, cut)]
    skip = frozenset() if include_decided else frozenset(decisions)
    if proposal is not None:
        _check_proposal_ids(backend, proposal)
        pairs = check_proposal(project_from_entry(proposal), records, names=names, parents=parents,
                               weights=weights, min_score=min_score)
        names = {**names, pairs[0].a: proposal.get("name")} if pairs else names
    else:
        if project is not None:
            project = _resolve(backend, project, "Project")
            if all(r.id != project for r in records):
                return []
        matrix = text_matrix(records) if len(records) >= 2 else None  # one TF-IDF for both passes
        pairs = find_overlaps(records, names=names, parents=parents, weights=weights, min_score=min_score,
                              project=project, skip=skip, matrix=matrix)
        if related:
            pairs += related_pairs(records, pairs, names=names, parents=parents, weights=weights, project=project,
                                   skip=skip, matrix=matrix)
    group_of = overlap_groups([p for p in pairs if p.kind == "overlap"])  # stars, not chains: see dedup/groups.py
    rows = []
    for p in pairs:
        row = {"group": group_of.get((min(p.a, p.b), max(p.a, p.b))) if p.kind == "overlap" else None, "kind": p.kind, "score": p.score, "a": p.a, "a_name": names.get(p.a, p.a), "b": p.b,
               "b_name": names.get(p.b, p.b), "reasons": "; ".join(p.reasons), "signals": p.signals}
        decided = decisions.get(frozenset((p.a, p.b)))
        if decided:
            row["decision"] = decided["decision"]
        rows.append(row)
    rows.sort(key=lambda r: (r["kind"] != "overlap", r["group"] or 0, -r["score"], r["a"], r["b"]))
    return rows
