"""`lcg duplicates`: records that are probably one organisation or person, with the merge to make.

Scoring lives in ``dedup.duplicates``; this module turns pairs into rows, each
with the YAML change that would merge them: keep the better-connected record,
give it the other's name as an alias (and any identifiers or website it lacks),
delete the other and point its relationships at the one kept.
"""

from __future__ import annotations

import yaml

from .. import schema
from ..dedup import weights as W
from ..dedup.decisions import load_decisions
from ..dedup.duplicates import find_duplicates, merge_groups
from ..dedup.records import entity_records

__all__ = ["duplicate_rows", "merge_change", "COLUMNS"]

COLUMNS = ["group", "score", "keep", "keep_name", "merge", "merge_name", "reasons"]


def merge_change(keep, drop) -> str:
    """The YAML edit that merges ``drop`` into ``keep``, as text to paste."""
    file = schema.NODE_KINDS[keep.kind].file
    names = [n for n in (drop.name, *drop.aliases) if n != keep.name and n not in keep.aliases]
    entry: dict = {"id": keep.id}
    if names:  # same names on both: no aliases line, which would only repeat (or empty) the list
        entry["aliases"] = list(dict.fromkeys([*keep.aliases, *names]))
    ids = list(keep.identifiers) + [i for i in drop.identifiers if i not in keep.identifiers]
    if ids:
        entry["identifiers"] = ids
    if drop.website and not keep.website:
        entry["website"] = drop.website
    refs = f"; replace {drop.id} by {keep.id} in the {drop.degree} relationship slot(s) that name it" \
        if drop.degree else ""
    if len(entry) == 1:
        return f"# {file}: entry {keep.id} already has every name, identifier and website of {drop.id}\n" \
               f"# delete entry {drop.id}{refs}"
    body = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100).rstrip()
    return f"# {file}: in entry {keep.id}, set\n{body}\n# then delete entry {drop.id}{refs}"


def _richness(r) -> tuple:
    """Keep the better-connected record, then the one with more facts, then the fuller name."""
    return (r.degree, bool(r.website) + len(r.identifiers) + len(r.aliases), len(r.name), r.id)


def duplicate_rows(backend, data_dir=None, *, kind: str = "Organisation", min_score: float = W.DUPLICATE_MIN_SCORE,
                   include_decided: bool = False) -> list[dict]:
    """Likely duplicate pairs of ``kind`` records as rows, best first within each group."""
    records = entity_records(backend, kind)
    by_id = {r.id: r for r in records}
    decisions = load_decisions(data_dir) if data_dir is not None else {}
    pairs = [p for p in find_duplicates(records, min_score=min_score)
             if include_decided or frozenset((p.a, p.b)) not in decisions]
    groups = merge_groups(pairs)
    group_of = {x: n for n, g in enumerate(groups, start=1) for x in g}
    n = len(groups)
    for p in pairs:  # a pair cut from its group (a weak link): its own group, to review on its own
        if group_of.get(p.a) != group_of.get(p.b) or p.a not in group_of:
            n += 1
            group_of.setdefault(p.a, n)
            group_of.setdefault(p.b, n)
    rows = []
    for p in pairs:
        a, b = by_id[p.a], by_id[p.b]
        keep, drop = (a, b) if _richness(a) >= _richness(b) else (b, a)
        row = {"group": group_of[p.a] if group_of[p.a] == group_of[p.b] else min(group_of[p.a], group_of[p.b]), "score": p.score, "keep": keep.id, "keep_name": keep.name,
               "merge": drop.id, "merge_name": drop.name, "reasons": "; ".join(p.reasons + (
                   ["a weak link between two merge groups: review it on its own"]
                   if group_of[p.a] != group_of[p.b] else [])),
               "change": merge_change(keep, drop)}
        decided = decisions.get(frozenset((p.a, p.b)))
        if decided:
            row["decision"] = decided["decision"]
        rows.append(row)
    rows.sort(key=lambda r: (r["group"], -r["score"], r["keep"], r["merge"]))
    return rows
