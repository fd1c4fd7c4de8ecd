"""Projects that may duplicate funding or effort: pairs, each of a kind, ranked, with the evidence.

Three steps, so that a million projects never meet each other pairwise:

1. words: each project's distinctive words (``distinctive.py``: its funders' and
   programmes' template vocabulary, names and grant words left out);
2. candidates: every pair up to ``ALL_PAIRS_MAX`` projects, above it each
   project's ``k`` best matches on rare distinctive words (``candidates.py``),
   plus the pairs that share a partner;
3. each candidate's evidence, its kind (``kinds.py``: double-funding,
   continuation, parallel-work) and a score from the signals weighted in
   ``weights.py``, used to rank.

A pair's evidence and score depend only on the two projects and on the records
that share a funder, commissioner or programme with them (the text similarity
is the cosine of the two distinctive word sets, with no corpus-wide weights),
so another funder's file or a filter changes no pair's score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import dates
from . import weights as W
from .distinctive import DistinctiveWords
from .branches import NO_BRANCHES, Branches
from .kinds import Evidence, is_core, is_related, kind_of, people, recipients, shared_recipients, timing
from .records import ProjectRecord, place_parents

__all__ = ["OverlapPair", "signals", "combine", "evidence", "score_pair", "find_overlaps", "related_pairs",
           "check_proposal", "year_span", "DistinctiveWords"]


@dataclass
class OverlapPair:
    a: str
    b: str
    score: float
    signals: dict
    reasons: list[str]
    kind: str | None = None
    evidence: dict = field(default_factory=dict)


def year_span(p: ProjectRecord) -> tuple[float, float] | None:
    """The project's period in fractional years; an open end counts as the start's year."""
    start, end = dates.fractional_year(p.start), dates.fractional_year(p.end)
    if start is None:
        if end is None:
            return None
        start = end
    if end is None:
        end = start + 1.0
    return (min(start, end), max(start, end))


_AREA_CODE = re.compile(r"\s+\d{3}[A-Z]$")


def _area(name: str) -> str:
    """An ONS small area's authority: "Mendip 013E" -> "mendip" (LSOA/MSOA names are the authority and a code)."""
    return _AREA_CODE.sub("", str(name)).strip().lower()


def _place(a: ProjectRecord, b: ProjectRecord, parents, names=None, said=frozenset()) -> float:
    """1.0 the same place; 0.5 one within the other, or two small areas (LSOAs) of one local authority whose
    name both texts use (``said``: their shared distinctive words; a district is too large to mean "the same
    place" unless both say so); else 0."""
    if a.places & b.places:
        return 1.0
    if parents and a.places and b.places:
        up_a = set().union(*(place_parents(parents, p) for p in a.places))
        up_b = set().union(*(place_parents(parents, p) for p in b.places))
        if (up_a & b.places) or (up_b & a.places):
            return 0.5
    if names and said:
        from .distinctive import name_words

        areas = {_area(names.get(p, p)) for p in a.places} & {_area(names.get(p, p)) for p in b.places}
        if areas and name_words(areas) & said:
            return 0.5
    return 0.0


def signals(a: ProjectRecord, b: ProjectRecord, text: float, parents=None,
            branched: Branches = NO_BRANCHES) -> dict[str, float]:
    """Each signal in [0, 1] (see ``weights.py`` for what each means)."""
    ta, tb = a.themes | a.target_groups, b.themes | b.target_groups
    union = ta | tb
    shared_partners = len(shared_recipients(a, b, branched))
    if a.payers and b.payers:
        funders = W.FUNDERS_DIFFERENT if a.payers != b.payers else W.FUNDERS_SAME
    else:
        funders = 0.0
    sa, sb = year_span(a), year_span(b)
    if sa and sb:
        gap = max(sa[0], sb[0]) - min(sa[1], sb[1])
        when = 1.0 if gap <= 0 else max(0.0, 1.0 - gap / W.DATE_GAP_YEARS)
    else:
        when = 0.0
    return {"text": max(0.0, min(1.0, text)), "themes": len(ta & tb) / len(union) if union else 0.0,
            "partners": 0.0 if not shared_partners else (0.6 if shared_partners == 1 else 1.0),
            "funders": funders, "dates": when, "place": _place(a, b, parents)}


def combine(sig: dict[str, float], weights: dict[str, float]) -> float:
    """Weighted mean of the signals, the context signals gated by text similarity.

    Shared place, dates and themes only mean duplication when the work is
    described alike, so their part is scaled by min(1, text / TEXT_GATE).
    Non-decreasing in every signal, and in [0, 1].
    """
    total = sum(weights.values())
    gate = min(1.0, sig["text"] / W.TEXT_GATE) if W.TEXT_GATE > 0 else 1.0
    context = sum(weights[k] * sig[k] for k in weights if k != "text")
    # a sum of weights read from floats can pass 1 by a rounding error (every signal 1.0: 1.0000000000000002)
    return min(1.0, (weights.get("text", 0.0) * sig["text"] + gate * context) / total)


def evidence(a: ProjectRecord, b: ProjectRecord, words: DistinctiveWords, parents=None,
             branched: Branches = NO_BRANCHES) -> Evidence:
    """What the two projects share that is specific to them, and how their periods and places relate."""
    da, db = words.of(a), words.of(b)
    common = da.keys() & db.keys()
    text = len(common) / (len(da) * len(db)) ** 0.5 if common else 0.0
    raw = (words.raw[a.id].keys() & words.raw[b.id].keys()) - common
    programme = raw & (words.programme_words(a) | words.programme_words(b))
    same_org, aside = recipients(a, b, branched)
    core = bool(same_org) and is_core(a.text) and is_core(b.text)
    pa, pb = people(a.text), people(b.text)
    return Evidence(round(text, 4), tuple(sorted(da[k] for k in common)),
                    tuple(sorted(words.raw[a.id][k] for k in programme)), same_org, core, timing(a, b),
                    _place(a, b, parents, words.names, frozenset(words.raw[a.id].keys() & words.raw[b.id].keys())),
                    bool(pa and pb and not pa & pb), aside)


def score_pair(a: ProjectRecord, b: ProjectRecord, words: DistinctiveWords, names=None, weights=None,
               parents=None, ev: Evidence | None = None, branched: Branches = NO_BRANCHES) -> OverlapPair:
    """The pair's kind, score (ranking) and evidence; ``a`` and ``b`` are ordered by id unless ``a`` is a proposal."""
    from .evidence_text import describe

    weights = weights or W.OVERLAP_WEIGHTS
    ev = ev or evidence(a, b, words, parents, branched)
    kind = kind_of(a, b, ev)
    sig = signals(a, b, 1.0 if ev.core and kind == "double-funding" else ev.text, parents, branched)
    sig["place"] = ev.place
    facts, prose = describe(a, b, ev, names or {}, words)
    return OverlapPair(a.id, b.id, round(combine(sig, weights), 4), {k: round(v, 3) for k, v in sig.items()},
                       prose, kind, facts)


def _ordered(a, b):
    return (a, b) if a.id <= b.id else (b, a)


def candidate_pairs(matrix, *, rows=None, top_k: int = W.OVERLAP_TOP_K, min_text: float = W.SIMILAR_TEXT,
                    stats: dict | None = None) -> set[tuple[int, int]]:
    """Row pairs (i < j) whose distinctive-word cosine may reach ``min_text``.

    Up to ALL_PAIRS_MAX rows every such pair; above, each row's ``top_k`` best
    on rare words (``rare_columns``), as a join on common words grows with the
    square of their counts. ``rows``: only pairs involving these rows.
    """
    import numpy as np

    from .candidates import row_dots, topk_arrays

    n = matrix.shape[0]
    small = n <= W.ALL_PAIRS_MAX
    join = matrix if small else rare_columns(matrix)
    k = n if small else top_k
    if rows is not None:
        parts = [topk_arrays(join[r:r + 1], other=join, k=k + 1, min_sim=min_text if small else W.RARE_MIN_SIM)[1]
                 for r in rows]
        i = np.concatenate([np.full(len(p), r) for r, p in zip(rows, parts)]) if parts else np.zeros(0, np.int64)
        j = np.concatenate(parts) if parts else np.zeros(0, np.int64)
        keep = i != j
        i, j = np.minimum(i[keep], j[keep]), np.maximum(i[keep], j[keep])
    else:
        i, j, _ = topk_arrays(join, k=k, min_sim=min_text if small else W.RARE_MIN_SIM)
    text = row_dots(matrix, i, j) if len(i) else np.zeros(0, dtype=np.float32)
    keep = text >= min_text - 1e-6
    if stats is not None:
        stats.update(candidates=int(len(i)), scored=int(keep.sum()))
    return {(int(x), int(y)) for x, y in zip(i[keep], j[keep])}


def rare_columns(matrix, cap: int | None = None):
    """The matrix restricted to rare words (in at most ``cap`` rows), for the candidate join of large data."""
    import numpy as np

    n = matrix.shape[0]
    cap = cap or max(W.RARE_TERM_MIN_CAP, int(n * W.RARE_TERM_FRACTION))
    df = np.diff(matrix.tocsc().indptr)
    return matrix[:, np.flatnonzero(df <= cap)]


def partner_pairs(records, rows=None, matrix=None) -> set[tuple[int, int]]:
    """Row pairs (i < j) sharing a partner with at most SAME_PARTNER_MAX projects that could be a kind:
    similar words (cosine on ``matrix`` >= SIMILAR_TEXT) or two core grants (``kinds.is_core``)."""
    from collections import defaultdict
    from itertools import combinations

    by_partner: dict[str, list[int]] = defaultdict(list)
    for n, r in enumerate(records):
        for p in r.partners:
            by_partner[p].append(n)
    wanted = None if rows is None else set(rows)
    out = set()
    for members in by_partner.values():
        if len(members) > W.SAME_PARTNER_MAX:
            continue
        for i, j in combinations(members, 2):
            if wanted is None or i in wanted or j in wanted:
                out.add((min(i, j), max(i, j)))
    if matrix is None or not out:
        return out
    import numpy as np

    from .candidates import row_dots

    pairs = sorted(out)
    text = row_dots(matrix, np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]))
    core: dict[int, bool] = {}

    def is_core_row(n: int) -> bool:
        if n not in core:
            core[n] = is_core(records[n].text)
        return core[n]

    return {p for p, t in zip(pairs, text) if t >= W.SIMILAR_TEXT - 1e-6 or (is_core_row(p[0]) and is_core_row(p[1]))}


def find_overlaps(records, *, words: DistinctiveWords | None = None, names=None, parents=None, weights=None,
                  min_score: float = W.OVERLAP_MIN_SCORE, project: str | None = None,
                  skip=frozenset(), stats: dict | None = None, kinds=None,
                  branched: Branches = NO_BRANCHES) -> list[OverlapPair]:
    """Pairs of one of the kinds at or above ``min_score``, best first; ``skip`` holds decided pairs;
    ``branched``: organisations that may be branches under one number (``branches.Branches``).

    ``words``: the distinctive words, built from every record of the graph (so
    that ``records`` may be a filtered subset without changing any score).
    """
    records = list(records)
    if len(records) < 2:
        return []
    words = words or DistinctiveWords(records, names or {})
    rows = None
    if project is not None:
        rows = [next(n for n, r in enumerate(records) if r.id == project)]
    matrix = words.matrix(records)
    cand = candidate_pairs(matrix, rows=rows, stats=stats) | partner_pairs(records, rows, matrix)
    out = []
    for i, j in cand:
        a, b = _ordered(records[i], records[j])
        if skip and frozenset((a.id, b.id)) in skip:
            continue
        pair = score_pair(a, b, words, names, weights, parents, branched=branched)
        if pair.kind and pair.score >= min_score and (kinds is None or pair.kind in kinds):
            out.append(pair)
    out.sort(key=lambda p: (-p.score, p.a, p.b))
    return out


def related_pairs(records, found, *, words: DistinctiveWords | None = None, names=None, parents=None,
                  weights=None, project: str | None = None, skip=frozenset(),
                  branched: Branches = NO_BRANCHES) -> list[OverlapPair]:
    """Related work: the same themes, paid for by different bodies (``kinds.is_related``), not already listed.

    Written in different words, two studies of one topic commissioned by two
    bodies share few words, yet a funder wants to see both before paying for a
    third. Pairs sharing a theme are examined when each theme has at most
    RELATED_ALL_PAIRS projects; a more popular theme says too little to pair on.
    """
    from collections import defaultdict
    from itertools import combinations

    records = list(records)
    words = words or DistinctiveWords(records, names or {})
    seen = {frozenset((p.a, p.b)) for p in found} | set(skip)
    by_theme: dict[str, list[int]] = defaultdict(list)
    for n, r in enumerate(records):
        for t in r.themes:
            by_theme[t].append(n)
    cand = {(i, j) for m in by_theme.values() if len(m) <= W.RELATED_ALL_PAIRS for i, j in combinations(m, 2)}
    out = []
    for i, j in cand:
        a, b = _ordered(records[i], records[j])
        if project is not None and project not in (a.id, b.id):
            continue
        if frozenset((a.id, b.id)) in seen or not is_related(a, b):
            continue
        pair = score_pair(a, b, words, names, weights, parents, branched=branched)
        pair.kind = "related"
        out.append(pair)
    out.sort(key=lambda p: (-p.score, p.a, p.b))
    return out


def check_proposal(proposal: ProjectRecord, records, *, words: DistinctiveWords | None = None, names=None,
                   parents=None, weights=None, min_score: float = W.OVERLAP_MIN_SCORE, related: bool = False,
                   kinds=None, branched: Branches = NO_BRANCHES) -> list[OverlapPair]:
    """What already-loaded projects a proposal (not in the graph) overlaps, of the same kinds, best first."""
    records = [r for r in records if r.id != proposal.id]
    if not records:
        return []
    names = names or {}
    words = words or DistinctiveWords(records, names)
    words.add(proposal, names)
    matrix = words.matrix(records + [proposal])
    n = len(records)
    cand = candidate_pairs(matrix, rows=[n]) | partner_pairs(records + [proposal], rows=[n], matrix=matrix)
    out = []
    for i, j in cand:
        other = records[i if j == n else j]
        pair = score_pair(proposal, other, words, names, weights, parents, branched=branched)
        if related and not pair.kind and is_related(proposal, other):
            pair.kind = "related"
        if pair.kind and pair.score >= min_score and (kinds is None or pair.kind in kinds):
            out.append(pair)
    out.sort(key=lambda p: (-p.score, p.b))
    return out
