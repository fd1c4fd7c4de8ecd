"""`lcg duplicates`: records that are probably one organisation or person, with the merge to make.

Scoring lives in ``dedup.duplicates``; this module turns pairs into rows, each
with the YAML change that would merge them: keep the better-connected record,
give it the other's name as an alias (and any identifiers or website it lacks),
delete the other and point its relationships at the one kept.

Rows come in merge groups (``dedup.groups.merge_groups``). A group of up to
``weights.GROUP_REVIEW_SIZE`` records is offered as a merge (``action`` "merge");
a larger one, and a pair cut between two groups, as pairs to review one by one
(``action`` "review"), each row naming the group's weakest link (``weakest_link``,
``weakest_score``): the pair a wrong merge most likely hangs on.
"""

from __future__ import annotations

from collections import defaultdict

import yaml

from .. import schema
from ..dedup import weights as W
from ..dedup.duplicates import DuplicatePair, find_duplicates, merge_groups
from ..dedup.records import entity_records

__all__ = ["duplicate_rows", "merge_change", "COLUMNS"]

COLUMNS = ["group", "action", "score", "keep", "keep_name", "merge", "merge_name", "reasons", "group_size",
           "weakest_link", "weakest_score"]


#: Single-valued fields moved to the kept record when it lacks them (kept in its note when both differ).
_SINGLE = ("website", "address", "postcode", "phone")
#: Files the importers read: a record whose every source is one was imported, not written by hand.
_IMPORTED = (".json", ".csv", ".xlsx", ".xls")


def merge_change(keep, drop) -> str:
    """The YAML edit that merges ``drop`` into ``keep``, as text to paste; no fact of ``drop`` is lost.

    Its names become aliases, its identifiers and sources are added, each field the
    kept record lacks is copied, and a field both have with different values is kept
    in the note ("from <id>: ...") rather than dropped.
    """
    file = schema.NODE_KINDS[keep.kind].file
    names = [n for n in (drop.name, *drop.aliases) if n != keep.name and n not in keep.aliases]
    entry: dict = {"id": keep.id}
    if names:  # same names on both: no aliases line, which would only repeat (or empty) the list
        entry["aliases"] = list(dict.fromkeys([*keep.aliases, *names]))
    ids = list(keep.identifiers) + [i for i in drop.identifiers if i not in keep.identifiers]
    if ids != list(keep.identifiers):
        entry["identifiers"] = ids
    kept_other, drop_other = dict(keep.other), dict(drop.other)
    kept_values = {**{f: getattr(keep, f) for f in _SINGLE}, **kept_other}
    drop_values = {**{f: getattr(drop, f) for f in _SINGLE}, **drop_other}
    notes = []
    for name, value in drop_values.items():
        if value in (None, "", (), []) or name == "note":
            continue
        mine = kept_values.get(name)
        if name == "sources":
            merged = list(dict.fromkeys([*(mine or ()), *value]))
            if merged != list(mine or ()):
                entry["sources"] = merged
        elif mine in (None, "", (), []):
            entry[name] = list(value) if isinstance(value, (tuple, list)) else value
        elif mine != value:
            notes.append(f"{name} {', '.join(value) if isinstance(value, (tuple, list)) else value}")
    if drop_values.get("note") and drop_values["note"] != kept_values.get("note"):
        notes.append(f"note: {drop_values['note']}")
    if notes:
        entry["note"] = "; ".join(x for x in [kept_values.get("note"), f"from {drop.id}: " + "; ".join(notes)] if x)
    refs = f"; replace {drop.id} by {keep.id} in the {drop.degree} relationship slot(s) that name it" \
        if drop.degree else ""
    if len(entry) == 1:
        return f"# {file}: entry {keep.id} already has every fact of {drop.id}\n" \
               f"# delete entry {drop.id}{refs}"
    body = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100).rstrip()
    return f"# {file}: in entry {keep.id}, set\n{body}\n# then delete entry {drop.id}{refs}"


def _imported(r) -> bool:
    sources = r.other.get("sources") or ()
    return bool(sources) and all(str(s).lower().endswith(_IMPORTED) and "://" not in str(s) for s in sources)


def _richness(r) -> tuple:
    """Keep the hand-written record over an imported one, then the one with more facts and sources, then
    the better-connected one, then the fuller name."""
    facts = sum(1 for f in _SINGLE if getattr(r, f)) + len(r.identifiers) + len(r.aliases) + len(r.other)
    return (not _imported(r), facts, len(r.other.get("sources") or ()), r.degree, len(r.name), r.id)


def duplicate_rows(backend, decisions=None, *, kind: str = "Organisation", min_score: float = W.DUPLICATE_MIN_SCORE,
                   include_decided: bool = False) -> list[dict]:
    """Likely duplicate pairs of ``kind`` records as rows, best first within each group.

    ``decisions`` are the reviewed pairs ({frozenset({a, b}): entry}, as ``dedup.decisions.load_decisions``
    reads them): the caller reads the file, so the query reads no files.
    """
    records = entity_records(backend, kind)
    by_id = {r.id: r for r in records}
    decisions = decisions or {}
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
    members: dict[int, set[str]] = defaultdict(set)
    for x, g in group_of.items():
        members[g].add(x)
    weakest: dict[int, DuplicatePair] = {}
    for p in pairs:
        g = group_of[p.a]
        if g == group_of[p.b] and (g not in weakest or (p.score, p.a, p.b) < (weakest[g].score, weakest[g].a,
                                                                            weakest[g].b)):
            weakest[g] = p
    rows = []
    for p in pairs:
        a, b = by_id[p.a], by_id[p.b]
        keep, drop = (a, b) if _richness(a) >= _richness(b) else (b, a)
        cut = group_of[p.a] != group_of[p.b]
        group = min(group_of[p.a], group_of[p.b])
        size = 2 if cut else len(members[group])
        review = cut or size > W.GROUP_REVIEW_SIZE
        link = p if cut else weakest[group]
        reasons = p.reasons + (["a weak link between two merge groups: review it on its own"] if cut else [])
        if review and not cut:
            reasons.append(f"one of {size} records: review the pairs one by one, the weakest link first "
                           f"({link.a} / {link.b}, {link.score})")
        row = {"group": group, "action": "review" if review else "merge", "score": p.score, "keep": keep.id,
               "keep_name": keep.name, "merge": drop.id, "merge_name": drop.name, "reasons": "; ".join(reasons),
               "group_size": size, "weakest_link": [link.a, link.b] if review else None,
               "weakest_score": link.score if review else None, "change": merge_change(keep, drop)}
        decided = decisions.get(frozenset((p.a, p.b)))
        if decided:
            row["decision"] = decided["decision"]
        rows.append(row)
    rows.sort(key=lambda r: (r["group"], -r["score"], r["keep"], r["merge"]))
    return rows
