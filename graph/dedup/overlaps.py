"""Projects likely to duplicate funding or effort, ranked, with reasons in words.

Two steps, so that a million projects never meet each other pairwise:

1. candidates: each project's ``k`` most similar projects by TF-IDF of name and
   description (rare words weigh most), via the chunked sparse join in
   ``candidates.py``;
2. scoring: each candidate pair gets the signals and weights documented in
   ``weights.py`` and a sentence per signal.

Shared partners and funders are scoring signals, never blocking keys: a hub
funder would otherwise make every pair a candidate.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import dates
from . import weights as W
from .records import ProjectRecord, place_parents

__all__ = ["OverlapPair", "signals", "combine", "score_pair", "find_overlaps", "related_pairs", "check_proposal",
           "year_span", "text_matrix"]


@dataclass
class OverlapPair:
    a: str
    b: str
    score: float
    signals: dict
    reasons: list[str]
    kind: str = "overlap"


def year_span(p: ProjectRecord) -> tuple[float, float] | None:
    """The project's period in fractional years; an open end counts as the start's year."""
    start, end = dates.fractional_year(p.start), dates.fractional_year(p.end)
    if start is None and end is None:
        return None
    start = start if start is not None else end
    end = end if end is not None else start + 1.0
    return (min(start, end), max(start, end))


def _period(p: ProjectRecord) -> str:
    a, b = (p.start or "?")[:4], (p.end or "")[:4]
    return a if not b or b == a else f"{a}-{b}"


def signals(a: ProjectRecord, b: ProjectRecord, text: float, parents=None) -> dict[str, float]:
    """Each signal in [0, 1] (see ``weights.py`` for what each means)."""
    ta, tb = a.themes | a.target_groups, b.themes | b.target_groups
    union = ta | tb
    shared_partners = len(a.partners & b.partners)
    if a.payers and b.payers:
        funders = W.FUNDERS_DIFFERENT if a.payers != b.payers else W.FUNDERS_SAME
    else:
        funders = 0.0
    sa, sb = year_span(a), year_span(b)
    if sa and sb:
        gap = max(sa[0], sb[0]) - min(sa[1], sb[1])
        dates = 1.0 if gap <= 0 else max(0.0, 1.0 - gap / W.DATE_GAP_YEARS)
    else:
        dates = 0.0
    place = 0.0
    if a.places & b.places:
        place = 1.0
    elif parents and a.places and b.places:
        up_a = set().union(*(place_parents(parents, p) for p in a.places))
        up_b = set().union(*(place_parents(parents, p) for p in b.places))
        if (up_a & b.places) or (up_b & a.places):
            place = 0.5
    return {"text": max(0.0, min(1.0, text)), "themes": len(ta & tb) / len(union) if union else 0.0,
            "partners": 0.0 if not shared_partners else (0.6 if shared_partners == 1 else 1.0),
            "funders": funders, "dates": dates, "place": place}


def combine(sig: dict[str, float], weights: dict[str, float]) -> float:
    """Weighted mean of the signals, the context signals gated by text similarity.

    Shared place, dates and themes only mean duplication when the work is
    described alike, so their part is scaled by min(1, text / TEXT_GATE).
    Non-decreasing in every signal, and in [0, 1].
    """
    total = sum(weights.values())
    gate = min(1.0, sig["text"] / W.TEXT_GATE) if W.TEXT_GATE > 0 else 1.0
    context = sum(weights[k] * sig[k] for k in weights if k != "text")
    return (weights.get("text", 0.0) * sig["text"] + gate * context) / total


def reasons(a: ProjectRecord, b: ProjectRecord, sig: dict, names: dict[str, str], parents=None) -> list[str]:
    """The evidence as sentences a coordinator can check."""
    def named(ids) -> str:
        return ", ".join(sorted(names.get(i, i) for i in ids))

    out = []
    themes = a.themes & b.themes
    groups = a.target_groups & b.target_groups
    if themes or groups:
        out.append("both " + "; ".join(x for x in (f"address {named(themes)}" if themes else "",
                                                   f"for {', '.join(sorted(groups))}" if groups else "") if x))
    if sig["place"] == 1.0:
        out.append(f"both in {named(a.places & b.places)}")
    elif sig["place"]:
        out.append(f"one is within the other's place ({named(a.places)} / {named(b.places)})")
    if sig["dates"] == 1.0:
        out.append(f"at the same time ({_period(a)} and {_period(b)})")
    elif sig["dates"]:
        out.append(f"close in time ({_period(a)} and {_period(b)})")
    shared = a.partners & b.partners
    if shared:
        out.append(f"{len(shared)} shared partner{'s' if len(shared) > 1 else ''} ({named(shared)})")
    if sig["funders"] == W.FUNDERS_DIFFERENT and a.payers and b.payers:
        pa, pb = _paid(a, named), _paid(b, named)
        verb_a, _, who_a = pa.partition(" by ")
        verb_b, _, who_b = pb.partition(" by ")
        out.append(f"{pa} and by {who_b}" if verb_a == verb_b and ";" not in pa + pb else f"one {pa}, the other {pb}")
    elif sig["funders"]:
        out.append(f"both {_paid(a, named)}")
    out.append(f"text similarity {sig['text']:.2f}")
    return out


def _paid(p: ProjectRecord, named) -> str:
    """"funded by A", "commissioned by B", or both, for a reason sentence."""
    parts = [f"{verb} by {named(ids)}" for verb, ids in (("funded", p.funders), ("commissioned", p.commissioners))
             if ids]
    return "; ".join(parts)


def score_pair(a, b, text: float, names=None, weights=None, parents=None) -> OverlapPair:
    weights = weights or W.OVERLAP_WEIGHTS
    sig = signals(a, b, text, parents)
    x, y = (a, b) if a.id <= b.id else (b, a)
    return OverlapPair(x.id, y.id, round(combine(sig, weights), 4), {k: round(v, 3) for k, v in sig.items()},
                       reasons(a, b, sig, names or {}, parents))


def text_matrix(records, extra=()):
    from .candidates import tfidf_matrix

    texts = [r.text for r in records] + [r.text for r in extra]
    return tfidf_matrix(texts, ngram_range=(1, 1), max_df=0.5)


def rare_columns(matrix, cap: int | None = None):
    """The matrix restricted to rare terms (in at most ``cap`` rows), for the candidate join.

    A term in many rows makes the join cost grow with the square of its count
    and says little about duplication; the scores still use every term.
    """
    import numpy as np

    n = matrix.shape[0]
    cap = cap or max(W.RARE_TERM_MIN_CAP, int(n * W.RARE_TERM_FRACTION))
    df = np.diff(matrix.tocsc().indptr)
    return matrix[:, np.flatnonzero(df <= cap)]


def text_floor(weights: dict[str, float], min_score: float) -> float:
    """The lowest text similarity at which a pair could still reach ``min_score``.

    Every other signal at 1 is the best case; ``combine`` is monotone, so bisect.
    """
    lo, hi = 0.0, 1.0
    best = dict.fromkeys(weights, 1.0)
    if combine({**best, "text": 1.0}, weights) < min_score:
        return 1.0
    for _ in range(30):
        mid = (lo + hi) / 2
        if combine({**best, "text": mid}, weights) >= min_score:
            hi = mid
        else:
            lo = mid
    return lo


def candidate_pairs(matrix, *, rows=None, top_k: int = W.OVERLAP_TOP_K, min_text: float = W.OVERLAP_MIN_TEXT,
                    stats: dict | None = None):
    """{(i, j): text cosine} for candidate pairs (i < j), cosine from all terms >= ``min_text``.

    ``rows``: only pairs involving these row numbers (``--project``). ``stats``
    receives the number of pairs the join produced and how many were kept.
    """
    import numpy as np

    from .candidates import row_dots, topk_arrays

    rare = rare_columns(matrix)
    if rows is not None:
        parts = []
        for r in rows:
            _, j, _ = topk_arrays(rare[r:r + 1], other=rare, k=top_k + 1, min_sim=W.RARE_MIN_SIM)
            j = j[j != r]
            parts.append((np.minimum(j, r), np.maximum(j, r)))
        i = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
        j = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    else:
        i, j, _ = topk_arrays(rare, k=top_k, min_sim=W.RARE_MIN_SIM)
    text = row_dots(matrix, i, j) if len(i) else np.zeros(0, dtype=np.float32)
    keep = text >= min_text
    if stats is not None:
        stats.update(candidates=int(len(i)), scored=int(keep.sum()))
    return {(int(a), int(b)): float(t) for a, b, t in zip(i[keep], j[keep], text[keep])}


def find_overlaps(records, *, names=None, parents=None, weights=None, min_score: float = W.OVERLAP_MIN_SCORE,
                  project: str | None = None, top_k: int = W.OVERLAP_TOP_K, min_text: float = W.OVERLAP_MIN_TEXT,
                  skip=frozenset(), matrix=None, stats: dict | None = None) -> list[OverlapPair]:
    """Scored candidate pairs at or above ``min_score``, best first; ``skip`` holds decided pairs."""
    records = list(records)
    if len(records) < 2:
        return []
    weights = weights or W.OVERLAP_WEIGHTS
    matrix = text_matrix(records) if matrix is None else matrix
    rows = None
    if project is not None:
        rows = [next(n for n, r in enumerate(records) if r.id == project)]
    cand = candidate_pairs(matrix, rows=rows, top_k=top_k, min_text=max(min_text, text_floor(weights, min_score)),
                           stats=stats)
    out = []
    for (i, j), text in cand.items():
        a, b = records[i], records[j]
        if skip and frozenset((a.id, b.id)) in skip:
            continue
        pair = score_pair(a, b, text, names, weights, parents)
        if pair.score >= min_score:
            out.append(pair)
    out.sort(key=lambda p: (-p.score, p.a, p.b))
    return out


def _related(a: ProjectRecord, b: ProjectRecord) -> bool:
    return (len(a.themes & b.themes) >= W.RELATED_MIN_SHARED_THEMES and bool(a.payers) and bool(b.payers)
            and a.payers != b.payers)


def related_pairs(records, found, *, names=None, parents=None, weights=None, project: str | None = None,
                  skip=frozenset(), matrix=None) -> list[OverlapPair]:
    """Related work below the overlap threshold: the same themes, paid for by different bodies.

    Written in different words, two studies of one topic commissioned by two
    bodies score low on text, yet a funder wants to see both before paying for
    a third. Every pair is examined for small data (a partnership's own files);
    for large data only the text candidates, as pairs sharing a popular theme
    would be most of all pairs.
    """
    records = list(records)
    if len(records) < 2:
        return []
    weights = weights or W.OVERLAP_WEIGHTS
    matrix = text_matrix(records) if matrix is None else matrix
    seen = {frozenset((p.a, p.b)) for p in found} | set(skip)
    if len(records) <= W.RELATED_ALL_PAIRS:
        sims = (matrix @ matrix.T).toarray()
        pairs = ((i, j, float(sims[i, j])) for i in range(len(records)) for j in range(i + 1, len(records)))
    else:
        rows = [next(n for n, r in enumerate(records) if r.id == project)] if project is not None else None
        pairs = ((i, j, t) for (i, j), t in candidate_pairs(matrix, rows=rows).items())
    out = []
    for i, j, text in pairs:
        a, b = records[i], records[j]
        if project is not None and project not in (a.id, b.id):
            continue
        if frozenset((a.id, b.id)) in seen or not _related(a, b):
            continue
        pair = score_pair(a, b, text, names, weights, parents)
        pair.kind = "related"
        out.append(pair)
    out.sort(key=lambda p: (-p.score, p.a, p.b))
    return out


def check_proposal(proposal: ProjectRecord, records, *, names=None, parents=None, weights=None,
                   min_score: float = W.OVERLAP_MIN_SCORE, top_k: int = 20,
                   min_text: float = W.OVERLAP_MIN_TEXT) -> list[OverlapPair]:
    """What already-loaded projects a proposal (not in the graph) overlaps, best first."""
    from .candidates import topk_pairs

    records = [r for r in records if r.id != proposal.id]
    if not records:
        return []
    matrix = text_matrix(records, [proposal])
    found = topk_pairs(matrix[len(records):], other=matrix[:len(records)], k=top_k, min_sim=min_text)
    out = []
    for (_, j), text in found.items():
        sig = signals(proposal, records[j], text, parents)
        score = round(combine(sig, weights or W.OVERLAP_WEIGHTS), 4)
        if score >= min_score:
            out.append(OverlapPair(proposal.id, records[j].id, score, {k: round(v, 3) for k, v in sig.items()},
                                   reasons(proposal, records[j], sig, names or {}, parents)))
    out.sort(key=lambda p: (-p.score, p.b))
    return out
