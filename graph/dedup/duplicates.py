"""Likely duplicate records of one organisation or person, each with its reasons.

Candidates come from three cheap indexes, never from all pairs: names that
normalise to the same key, each distinct name's nearest names by character
3-gram TF-IDF (plus initials such as "UoW"), and records sharing an identifier
or a website. Only candidates are scored (``names.name_similarity`` plus the
evidence beyond the name), so thousands of names cost seconds.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import weights as W
from .names import TokenWeights, acronyms, initials_only, name_key, name_keys, name_similarity

__all__ = ["EntityRecord", "DuplicatePair", "find_duplicates", "groups_of"]


@dataclass(frozen=True)
class EntityRecord:
    """What duplicate scoring reads of an organisation or person, from any backend."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    website: str | None = None
    identifiers: tuple[str, ...] = ()
    people: frozenset = field(default_factory=frozenset)  # ids of people attached (WORKS_FOR)
    part_of: frozenset = field(default_factory=frozenset)  # ids it is recorded as a unit of (PART_OF)
    degree: int = 0  # relationships it takes part in: the better-connected record is kept


@dataclass
class DuplicatePair:
    a: str
    b: str
    score: float
    reasons: list[str]


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    return host[4:] if host.startswith("www.") else host or None


def _scheme(identifier: str) -> str:
    """The register an org-id belongs to: GB-CHC-1164883 -> GB-CHC."""
    parts = identifier.split("-")
    return "-".join(parts[:2]) if len(parts) >= 3 else identifier


def _name_candidates(keys: list, min_sim: float, k: int) -> set[tuple[int, int]]:
    """Pairs of distinct name keys worth scoring: 3-gram neighbours and initials."""
    from .candidates import tfidf_matrix, topk_pairs

    pairs: set[tuple[int, int]] = set()
    if len(keys) > 1:
        texts = [" ".join(key.tokens) for key in keys]
        matrix = tfidf_matrix(texts, analyzer="char_wb", ngram_range=(3, 3), max_df=1.0)
        pairs.update(topk_pairs(matrix, k=k, min_sim=min_sim))
    single = defaultdict(list)
    for i, key in enumerate(keys):
        if len(key.tokens) == 1:
            single[key.joined].append(i)
    for i, key in enumerate(keys):
        for acr in acronyms(key):
            for j in single.get(acr, ()):
                pairs.add((min(i, j), max(i, j)))
    return pairs


def find_duplicates(records, *, min_score: float = W.DUPLICATE_MIN_SCORE, top_k: int = W.DUPLICATE_TOP_K,
                    min_candidate: float = W.DUPLICATE_MIN_CANDIDATE) -> list[DuplicatePair]:
    """Pairs of records likely to be one entity, best first (score, then ids).

    A record linked to the other by PART_OF (either way) is never offered: the data
    already says they are a unit and its parent, whatever their names share.
    """
    records = list(records)
    by_id = {r.id: r for r in records}
    key_index: dict[tuple, int] = {}
    keys = []
    holders: list[list[str]] = []  # key number -> record ids carrying that name
    for r in records:
        person = r.kind == "Person"
        names = [n for n in (r.name, *r.aliases) if not initials_only(n, person=person)]
        for key in (k for n in names for k in name_keys(n, person=person)):
            if not key.tokens:
                continue
            i = key_index.get(key.tokens)
            if i is None:
                i = key_index[key.tokens] = len(keys)
                keys.append(key)
                holders.append([])
            if r.id not in holders[i]:
                holders[i].append(r.id)
    weight = TokenWeights(keys)
    initials = Counter(a for key in keys for a in acronyms(key))
    ambiguous = frozenset(a for a, n in initials.items() if n > 1)
    found: dict[tuple[str, str], tuple[float, str]] = {}

    def offer(a: str, b: str, score: float, reason: str) -> None:
        if a == b:
            return
        pair = (a, b) if a < b else (b, a)
        if score > found.get(pair, (-1.0, ""))[0]:
            found[pair] = (score, reason)

    for ids in holders:  # one normalised name, several records
        for other in ids[1:]:
            offer(ids[0], other, 1.0, "same name once case, punctuation, legal forms and titles are ignored")
    for i, j in _name_candidates(keys, min_candidate, top_k):
        score, reason = name_similarity(keys[i], keys[j], weight, ambiguous)
        if score < min_score - W.SHARED_PERSON * 3:
            continue
        a_ids, b_ids = holders[i], holders[j]
        if len(a_ids) * len(b_ids) > 100:  # big exact groups are already linked inside
            a_ids, b_ids = a_ids[:1], b_ids[:1]
        for a in a_ids:
            for b in b_ids:
                offer(a, b, score, reason)
    shared_keys = defaultdict(list)
    for r in records:
        for ident in r.identifiers:
            shared_keys["id:" + ident.strip().upper()].append(r.id)
        if (d := _domain(r.website)):
            shared_keys["web:" + d].append(r.id)
    for ids in shared_keys.values():
        for other in ids[1:]:
            ra, rb = by_id[ids[0]], by_id[other]
            offer(ra.id, rb.id, *name_similarity(name_key(ra.name, person=ra.kind == "Person"),
                                                 name_key(rb.name, person=rb.kind == "Person"), weight))
    pairs = []
    for (a, b), (score, reason) in found.items():
        ra, rb = by_id[a], by_id[b]
        if a in rb.part_of or b in ra.part_of:  # recorded as a unit of the other: two records on purpose
            continue
        reasons = [reason] if reason else []
        same_ids = sorted({i.upper() for i in ra.identifiers} & {i.upper() for i in rb.identifiers})
        if same_ids:
            score = max(score, W.SAME_IDENTIFIER)
            reasons.append(f"same identifier {', '.join(same_ids)}")
        clash = set() if same_ids else (
            {_scheme(i) for i in ra.identifiers} & {_scheme(i) for i in rb.identifiers})
        if _domain(ra.website) and _domain(ra.website) == _domain(rb.website):
            score = max(score, W.SAME_WEBSITE)
            reasons.append(f"same website {_domain(ra.website)}")
        people = sorted(ra.people & rb.people)
        if people:
            score = min(1.0, score + W.SHARED_PERSON * len(people))
            reasons.append(f"{len(people)} {'person' if len(people) == 1 else 'people'} attached to both "
                           f"({', '.join(people[:3])})")
        if clash:  # two different charity (or company) numbers: two bodies, whatever the names say
            score = min(score, W.CONFLICTING_IDENTIFIER)
            reasons.append(f"but different {', '.join(sorted(clash))} numbers")
        if score >= min_score:
            pairs.append(DuplicatePair(a, b, round(score, 3), reasons))
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return pairs


def groups_of(pairs) -> list[list[str]]:
    """Connected groups of ids from pairs (union-find), each sorted, largest first."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        a, b = (p.a, p.b) if hasattr(p, "a") else p
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = defaultdict(list)
    for x in parent:
        groups[root(x)].append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))
