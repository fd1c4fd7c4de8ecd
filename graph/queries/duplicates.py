"""`lcg duplicates`: records that are probably one organisation or person, with the merge to make.

Scoring lives in ``dedup.duplicates``; this module turns pairs into rows, each
with the YAML edits that would merge them, file by file (``merge_edits``): keep
the richer record, add the other's names to its aliases, its identifiers,
sources and own ties to its lists, delete the other entry, and replace its id
in every entry whose slot names it. Nothing is deleted that is not kept.

Rows come in merge groups (``dedup.groups.merge_plan``). A group of up to
``weights.GROUP_REVIEW_SIZE`` records is offered as a merge (``action`` "merge");
a larger one, a pair cut between two groups, and a pair resting on a name that
names two bodies ("..., Xiangya Hospital, Central South University") as pairs to
review one by one (``action`` "review"), each row naming the group's weakest link
(``weakest_link``, ``weakest_score``): the pair a wrong merge most likely hangs on.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from typing import Any

import yaml

from .. import schema
from ..dedup import weights as W
from ..dedup.duplicates import DuplicatePair, find_duplicates, identifier_clashes, site_clashes, unit_clashes
from ..dedup.groups import PlannedPair, merge_plan
from ..dedup.names import own_name_only
from ..dedup.records import entity_records
from ..forked import core_free
from ..search import where_written

__all__ = ["duplicate_rows", "merge_change", "merge_edits", "render_edits", "COLUMNS"]

COLUMNS = ["group", "action", "score", "keep", "keep_name", "keep_where", "merge", "merge_name", "merge_where",
           "reasons", "group_size", "weakest_link", "weakest_score"]


#: Single-valued fields moved to the kept record when it lacks them (kept in its note when both differ).
_SINGLE = ("website", "address", "postcode", "phone")
#: Files the importers read: a record whose every source is one was imported, not written by hand.
_IMPORTED = (".json", ".csv", ".xlsx", ".xls")


def tie_ends(ties, node_id: str) -> set[tuple[str, str, bool]]:
    """``node_id``'s ties as (kind, other end, it is the start): what a merge into it need not write again."""
    return {(t.kind, t.end if t.start == node_id else t.start, t.start == node_id) for t in ties
            if node_id in (t.start, t.end)}


def merge_edits(keep, drop, ties=(), kinds=None, where=None, gained=frozenset()) -> list[dict]:
    """The edits that merge ``drop`` into ``keep``, file by file; no fact of ``drop`` is lost.

    1. In ``keep``'s entry: add ``drop``'s names to ``aliases``, its identifiers and sources, and its
       own ties (its ``member_of``, ``located_in``... written in its entry); set each field ``keep``
       lacks; a field both have with different values goes into the note ("from <id>: ...").
    2. Delete ``drop``'s entry (everything in it is now in ``keep``'s).
    3. In every entry whose slot names ``drop`` (a project's ``partners``, a person's ``works_for``),
       replace ``drop`` by ``keep`` (or delete it where the slot names ``keep`` already). ``ties`` are the
       relationships at ``drop`` (and at ``keep``: a tie of ``drop`` that ``keep`` has already, with no
       fields but its sources, is not written twice), ``kinds`` maps ids to node kinds. A tie the schema
       lets either end write (``member_of`` / ``members``) cannot be told from the graph to be written on
       one end or the other: it is added to ``keep``'s entry
       and replaced where the other end would write it, marked ``if_written_here`` (a tie written on
       both ends loads once).

    Each edit is a dict: ``{"file", "entry", "add": {field: [values]}, "set": {field: value}}``,
    ``{"file", "entry", "delete": True}`` or ``{"file", "entry", "slot", "replace", "by", "if_written_here"}``.
    ``where(id, kind)`` gives the file an entry is written in (``graph.entry_files.EntryFiles``);
    without it, or when it does not know, the kind's own file (``organisations.yaml``) is named.
    When the kept entry is in a file an import writes (which a re-import rewrites), the merged entry
    moves to the kind's own file instead: ``{"file", "entry", "move_from", "value"}`` (the whole entry),
    then ``{"file": move_from, "entry", "delete"}``. A re-import then finds the body there by its
    identifiers and names (``drop``'s are in it now) and links its grants to it.
    """
    kinds = kinds or {}

    def file_of(entry_id: str, kind: str) -> str:
        return (where(entry_id, kind) if where else None) or schema.NODE_KINDS[kind].file

    add, set_ = merge_facts(keep, drop)
    add = {k: list(v) for k, v in add.items()}  # the ties below join it; the facts stay as merge_facts says
    elsewhere: list[dict] = []
    # keep's ties (with those an earlier merge of its group gave it: ``gained``): one drop has too is not written a
    # second time; its fields, when it has some, go into the note
    kept = tie_ends(ties, keep.id) | set(gained)
    also: list[str] = []
    for t in sorted(ties, key=lambda t: t.sort_key()):
        if drop.id not in (t.start, t.end) or keep.id in (t.start, t.end):
            continue
        has = (t.kind, t.end if t.start == drop.id else t.start, t.start == drop.id) in kept
        places = [(s, t.start if s.outgoing else t.end) for s in schema.SLOTS if s.rel == t.kind and
                  s.owner == kinds.get(t.start if s.outgoing else t.end)]
        for slot, owner in places:
            if owner == drop.id:  # written in drop's own entry: it moves to keep's, unless keep has it
                other = t.end if slot.outgoing else t.start
                fields = {k: copy.deepcopy(v) for k, v in t.props.items()  # one copy each: no YAML anchors
                          if k in schema.REL_KINDS[t.kind].field_names}
                if has:  # its sources join keep's with the entry's (merge_facts); its other fields, the note
                    said = ", ".join(f"{k} {v}" for k, v in fields.items() if k != "sources")
                    if said:
                        also.append(f"{slot.key} {other}: {said}")
                    continue
                add.setdefault(slot.key, []).append({"id": other, **fields} if fields else other)
            else:
                elsewhere.append({"file": file_of(owner, kinds[owner]), "entry": owner, "slot": slot.key,
                                  "replace": drop.id, "by": keep.id, "if_written_here": len(places) > 1,
                                  "named_already": has})
    if also:  # the tie keep has already, as drop wrote it: its fields kept in the note ("from <id>: ...")
        said = f"from {drop.id}: "
        note = str(set_.get("note", keep.other.get("note") or "") or "")
        set_["note"] = (f"{note}; {'; '.join(also)}" if said in note
                        else "; ".join(x for x in (note, said + "; ".join(also)) if x))
    edits: list[dict] = []
    keep_file = file_of(keep.id, keep.kind)
    written = where.entry(keep.id, keep.kind) if where and where.imported(keep_file) else None
    if written is not None:  # an import's file: a re-import would undo a merge made there, so move it out
        value = copy.deepcopy(written)
        for name, values in add.items():
            value[name] = [*(value.get(name) or []), *values]
        value.update(copy.deepcopy(set_))
        edits.append({"file": schema.NODE_KINDS[keep.kind].file, "entry": keep.id, "move_from": keep_file,
                      "value": value})
        edits.append({"file": keep_file, "entry": keep.id, "delete": True})
    elif add or set_:
        edits.append({"file": keep_file, "entry": keep.id, "add": add, "set": set_})
    edits.append({"file": file_of(drop.id, drop.kind), "entry": drop.id, "delete": True})
    unique = {tuple(sorted((k, str(v)) for k, v in e.items())): e for e in elsewhere}
    return edits + sorted(unique.values(), key=lambda e: (e["file"], e["entry"], e["slot"]))


def folded(keep, add: dict, set_: dict):
    """``keep`` as it is once ``merge_facts``' edit is made: the next merge into it in a group starts from
    there (its note then holds the first merge's note, its aliases the first merged names)."""
    import dataclasses

    other = copy.deepcopy(dict(keep.other))
    for name, values in add.items():
        if name not in ("aliases", "identifiers"):
            other[name] = [*(other.get(name) or []), *values]
    other.update({k: copy.deepcopy(v) for k, v in set_.items() if k not in _SINGLE and k != "name"})
    return dataclasses.replace(keep, name=set_.get("name", keep.name),
                               aliases=(*keep.aliases, *add.get("aliases", ())),
                               identifiers=(*keep.identifiers, *add.get("identifiers", ())),
                               other=other, **{k: v for k, v in set_.items() if k in _SINGLE})


def merge_facts(keep, drop) -> tuple[dict, dict]:
    """(values to add to lists, fields to set) in ``keep``'s entry so that it holds every fact of ``drop``'s
    entry: its names as aliases, identifiers, sources, each field ``keep`` lacks, and in the note each field
    both have with different values ("from <id>: ...")."""
    add: dict[str, list] = {}
    set_: dict = {}
    names = [n for n in (drop.name, *drop.aliases) if n != keep.name and n not in keep.aliases]
    if _initials_of(keep.name, drop.name) and drop.name not in keep.aliases:  # the name in full, "WHT" an alias
        set_["name"] = drop.name
        names = [keep.name, *(n for n in names if n != drop.name and n != keep.name)]
    if names:  # same names on both: no aliases line, which would only repeat (or empty) the list
        add["aliases"] = list(dict.fromkeys(names))
    if (ids := [i for i in drop.identifiers if i not in keep.identifiers]):
        add["identifiers"] = ids
    kept_values = {**{f: getattr(keep, f) for f in _SINGLE}, **dict(keep.other)}
    drop_values = {**{f: getattr(drop, f) for f in _SINGLE}, **dict(drop.other)}
    notes = []
    for name, value in drop_values.items():
        if value in (None, "", (), []) or name == "note":
            continue
        mine = kept_values.get(name)
        if name == "sources":
            if (more := [x for x in value if x not in (mine or ())]):
                add["sources"] = list(dict.fromkeys(more))
        elif mine in (None, "", (), []):
            set_[name] = list(value) if isinstance(value, (tuple, list)) else copy.deepcopy(value)
        elif isinstance(mine, (list, tuple)) and isinstance(value, (list, tuple)):
            if (more := [x for x in value if x not in mine]):
                add[name] = more
        elif mine != value:
            notes.append(f"{name} {', '.join(value) if isinstance(value, (tuple, list)) else value}")
    if drop_values.get("note") and drop_values["note"] != kept_values.get("note"):
        notes.append(f"note: {drop_values['note']}")
    said = f"from {drop.id}: " + "; ".join(notes)
    if notes and said not in str(kept_values.get("note") or ""):  # (a merge made twice says it once)
        set_["note"] = "; ".join(str(x) for x in [kept_values.get("note"), said] if x)
    return add, set_


def _initials_of(short: str, full: str) -> bool:
    """``short`` is the initials of ``full`` (``names.acronyms``): the richer record kept is named "WHT", the other
    "Walsall Healthcare NHS Trust" (a care trial's merges read "Walsall Healthcare NHS Trust into WHT", the trust's
    homes then tied to "WHT"), so the merged entry takes the name in full and keeps its initials as an alias."""
    from ..dedup.names import acronyms, name_key

    key = name_key(short)
    return (short.strip().isupper() and len(key.tokens) == 1 and len(full.split()) >= 2  # ("Mind" is a name)
            and key.joined in acronyms(name_key(full)))


#: The merge advice's YAML lines break at the first space past this column (a long text folds onto the next
#: line, which YAML reads back as one): shown in a terminal, an edit fits 80 columns but for a word of 20 letters.
YAML_WIDTH = 60


class _PlainDumper(yaml.SafeDumper):
    """Writes a value used twice twice: data files take no anchors or aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def render_edits(edits: list[dict]) -> str:
    """The edits as text to follow by hand, file by file; the lines to add parse as YAML."""
    out = []
    for e in edits:
        if "move_from" in e:
            out.append(f"# {e['file']} (create it if there is none): add this entry, moved out of {e['move_from']} "
                       "(an import writes that file again) with the other record's facts added")
            out.append(yaml.dump([e["value"]], Dumper=_PlainDumper, sort_keys=False, allow_unicode=True,
                                 width=YAML_WIDTH).rstrip())
        elif "add" in e:
            out.append(f"# {e['file']}: in entry {e['entry']}, add to each list the values below"
                       + (" and set the fields it lacks (the note replaces its note, which it contains)"
                          if e["set"] else "")
                       + (", the name replacing its name (kept among the aliases)" if "name" in e["set"] else ""))
            entry = {"id": e["entry"], **e["add"], **e["set"]}
            out.append(yaml.dump([entry], Dumper=_PlainDumper, sort_keys=False, allow_unicode=True,
                                 width=YAML_WIDTH).rstrip())
        elif e.get("delete") and any(x.get("move_from") == e["file"] and x["entry"] == e["entry"] for x in edits):
            out.append(f"# {e['file']}: then delete entry {e['entry']} (it is in the entry above now{_again(e)})")
        elif e.get("delete"):
            out.append(f"# {e['file']}: then delete entry {e['entry']}"
                       + (f" (every fact of it is in the lines above{_again(e)})" if len(out) else
                          f" (the kept entry already has every fact of it{_again(e)})"))
        else:
            where = " (if it is written there)" if e["if_written_here"] else ""
            if e.get("named_already"):  # replaced, the slot would name the kept entry twice
                out.append(f"# {e['file']}: in entry {e['entry']}, {e['slot']}: delete {e['replace']}"
                           f"{' if it is written there' if e['if_written_here'] else ''} ({e['by']} has this tie "
                           "already)")
            else:
                out.append(f"# {e['file']}: in entry {e['entry']}, {e['slot']}: replace {e['replace']} by "
                           f"{e['by']}{where}")
    return "\n".join(out)


def _again(edit: dict) -> str:
    """What a delete in an import's own file says: the import, run again, does not bring the entry back (its
    name is the kept entry's now: ``importers.sheet._held_elsewhere``, the 360Giving importer's own check)."""
    return "; importing again leaves it out" if str(edit["file"]).startswith("imports/") else ""


def merge_change(keep, drop, ties=(), kinds=None) -> str:
    """The YAML edit that merges ``drop`` into ``keep``, as text to follow (``merge_edits``, rendered)."""
    return render_edits(merge_edits(keep, drop, ties, kinds))


def _imported(r) -> bool:
    sources = r.other.get("sources") or ()
    return bool(sources) and all(str(s).lower().endswith(_IMPORTED) and "://" not in str(s) for s in sources)


def _richness(r) -> tuple:
    """Keep the hand-written record over an imported one, then the one with more facts and sources, then
    the better-connected one, then the one named by the body's own name alone (not "Department of X,
    Boston University" over "Boston University", whose name the other keeps as an alias), then the fuller
    name ("Wolverhampton Voluntary Sector Council" over "WVSC"), then the first of a list's repeated names
    ("aga-khan-university" over "aga-khan-university-2")."""
    facts = sum(1 for f in _SINGLE if getattr(r, f)) + len(r.identifiers) + len(r.aliases) + len(r.other)
    own = r.kind != "Organisation" or own_name_only(r.name)
    return (not _imported(r), facts, len(r.other.get("sources") or ()), r.degree, own, len(r.name),
            not _REPEATED.search(r.id), r.id)


#: The id a repeated name of a list gets (``importers.sheet``: "-2", "-3"...).
_REPEATED = re.compile(r"-\d+$")


def duplicate_rows(backend, decisions=None, *, kind: str = "Organisation", min_score: float = W.DUPLICATE_MIN_SCORE,
                   include_decided: bool = False, where=None) -> list[dict]:
    """Likely duplicate pairs of ``kind`` records as rows, best first within each group.

    ``decisions`` are the reviewed pairs ({frozenset({a, b}): entry}, as ``dedup.decisions.load_decisions``
    reads them): the caller reads the file, so the query reads no files. ``where(id, kind)``: the file an
    entry is written in, for the merge advice (``merge_edits``); the caller knows the folder.
    """
    records = entity_records(backend, kind)
    by_id = {r.id: r for r in records}
    kinds = {n.id: n.kind for n in backend.nodes()}
    decisions = decisions or {}
    free = core_free()  # a core free for the merge plan's forked copy: asked before the search raises the load
    found = find_duplicates(records, min_score=min_score)
    # A pair decided the same is a merge to make, listed whatever its score: scored on its own when the run
    # above left it out (below min_score), with no reasons when its names and fields share nothing at all.
    listed_pairs = {frozenset((p.a, p.b)) for p in found}
    for k, d in sorted(decisions.items(), key=lambda kd: sorted(kd[0])):
        if d.get("decision") == "same" and k not in listed_pairs and k <= by_id.keys() and len(k) == 2:
            a, b = sorted(k)
            found += find_duplicates([by_id[a], by_id[b]], min_score=0.0) or [DuplicatePair(a, b, 0.0, [])]
    # A pair decided "same" is a merge still to make: it stays in the plan, once, as any pair. A pair decided
    # apart joins no merge group; asked for, it is shown last with action "decided" and no edit.
    apart = {k for k, d in decisions.items() if d.get("decision") != "same"}
    pairs = [p for p in found if frozenset((p.a, p.b)) not in apart]
    plan = merge_plan(pairs, {r.id: r.name for r in records} if kind == "Organisation" else None, apart=apart,
                      clashing=identifier_clashes(pairs, records), people=kind == "Person",
                      sites=site_clashes(pairs, records), units=unit_clashes(pairs, records),
                      same=frozenset(k for k, d in decisions.items() if d.get("decision") == "same"), free=free)
    last = max((x.group for x in plan), default=0)
    decided_pairs = [p for p in found if frozenset((p.a, p.b)) in apart] if include_decided else []
    plan += [PlannedPair(p, last + n, "decided", 2, None, ()) for n, p in enumerate(decided_pairs, start=1)]
    pairs += decided_pairs
    in_pairs = {x for p in pairs for x in (p.a, p.b)}
    ties_at: dict[str, list] = defaultdict(list)
    for t in backend.relationships() if pairs else ():
        for x in {t.start, t.end} & in_pairs:
            ties_at[x].append(t)
    chosen = []  # (planned pair, kept record, merged record, the other member it was paired with, if any)
    by_group: dict[int, list] = defaultdict(list)
    for planned in plan:
        by_group[planned.group].append(planned)
    for items in by_group.values():
        if items[0].action != "merge":  # pairs to review: each on its own, the richer record kept
            for planned in items:
                a, b = by_id[planned.pair.a], by_id[planned.pair.b]
                chosen.append((planned, *((a, b) if _richness(a) >= _richness(b) else (b, a)), None))
            continue
        # A merge group has one kept record, the richest: every other member merges into it, through its
        # pair with it or, when it has none, its best pair in the group (a pair of two members that both
        # merge into a third would otherwise keep one of them, merged away by another row).
        members = {x for planned in items for x in (planned.pair.a, planned.pair.b)}
        keeper = max(members, key=lambda x: _richness(by_id[x]))
        for m in sorted(members - {keeper}):
            best = max((planned for planned in items if m in (planned.pair.a, planned.pair.b)),
                       key=lambda planned: (keeper in (planned.pair.a, planned.pair.b), planned.pair.score,
                                            planned.pair.a, planned.pair.b))
            via = None if keeper in (best.pair.a, best.pair.b) else ({best.pair.a, best.pair.b} - {m}).pop()
            chosen.append((best, by_id[keeper], by_id[m], via))
    chosen.sort(key=lambda c: (c[0].group, -c[0].pair.score, c[1].id, c[2].id))
    moved = _Moved(where) if where else None
    # The merges are made in order: a group's second merge into its kept record starts from that record as the
    # first left it (its note, its aliases; ``folded``), else the second edit would replace a note it does
    # not hold. A pair to review, or decided, is no step of that order: its edit is against the folder as the
    # merges leave it, and makes nothing the next row counts on (apply one, then ask again).
    state: dict[str, Any] = {}
    gained: dict[str, set] = {}  # keep id -> the ties earlier merges of its group moved onto it (``tie_ends``)
    rows = []
    for planned, keep, drop, via in chosen:
        p = planned.pair
        keep, drop = state.get(keep.id, keep), state.get(drop.id, drop)
        review, link = planned.action == "review", planned.weakest
        reasons = p.reasons + list(planned.notes)
        if via:  # the score and reasons are of the pair that brought drop into the group, said so first
            reasons = [f"through {via}, which merges into {keep.id} too: {drop.id} and {via} have "
                       + "; ".join(p.reasons), *planned.notes]
        decided = decisions.get(frozenset((p.a, p.b)))
        if decided and decided.get("decision") == "same":
            reasons.append("decided the same in decisions.yaml: merge them" if planned.action == "merge" else
                           "decided the same in decisions.yaml; its group is reviewed pair by pair (see above)")
        if planned.action == "decided":
            edits = []  # decided apart: nothing to do
        else:
            edits = merge_edits(keep, drop, [*ties_at.get(drop.id, ()), *ties_at.get(keep.id, ())], kinds, moved,
                                gained=gained.get(keep.id, ()))
        if planned.action == "merge":
            add, set_ = merge_facts(keep, drop)
            note = next(((x.get("set") or x.get("value") or {}).get("note") for x in edits
                         if x.get("entry") == keep.id and ("set" in x or "value" in x)), None)
            state[keep.id] = folded(keep, add, {**set_, "note": note} if note else set_)  # the note as edited
            # drop's ties are keep's once merged: the group's next merge into keep does not write them again
            gained.setdefault(keep.id, set()).update(
                (kind, other, start) for kind, other, start in tie_ends(ties_at.get(drop.id, ()), drop.id)
                if other != keep.id)
            if moved:
                moved.record(edits, keep.kind)
        row: dict[str, Any] = {"group": planned.group, "action": planned.action, "score": p.score, "keep": keep.id,
               "keep_name": keep.name, "keep_where": _where(by_id[keep.id]), "merge": drop.id,
               "merge_name": drop.name, "merge_where": _where(by_id[drop.id]), "reasons": "; ".join(reasons),
               "group_size": planned.size, "weakest_link": [link.a, link.b] if review else None,
               "weakest_score": link.score if review else None, "edits": edits,
               "change": render_edits(edits)}
        if decided:
            row["decision"] = decided["decision"]
        rows.append(row)
    return _numbered_merges_first(rows)


_ACTION_ORDER = {"merge": 0, "review": 1, "decided": 2}


def _numbered_merges_first(rows: list[dict]) -> list[dict]:
    """The rows with their groups numbered merges first, then the groups to review, then the pairs decided, each in
    the plan's order: a table lists them so, and an arts trial read "group 1, review" after group 34 as out of order."""
    rank: dict[int, int] = {}
    for r in rows:  # (a group's rows share one action; were they mixed, its first merge would place it)
        rank[r["group"]] = min(rank.get(r["group"], 3), _ACTION_ORDER.get(r["action"], 3))
    order = sorted(rank.items(), key=lambda g: (g[1], g[0]))
    number = {group: n for n, (group, _) in enumerate(order, start=1)}
    for r in rows:
        r["group"] = number[r["group"]]
    return sorted(rows, key=lambda r: r["group"])  # (stable: each group's rows in their order)


def _where(record) -> str:
    """Where a record is and the files it came from ("Birmingham, B4 7ET; skills_pledge.xlsx"): what tells two
    records of one name apart ("aston-university" / "aston-university-2", a trial's) without opening the YAML."""
    sources = record.other.get("sources") or ()
    return "; ".join(x for x in (where_written(record.address, record.postcode),
                                 ", ".join(map(str, sources if isinstance(sources, (list, tuple)) else [sources])))
                     if x)


class _Moved:
    """``where`` as the advice so far leaves the folder: an entry moved by an earlier row is in its new file.

    Rows are followed in order, so the second row of a merge group whose kept entry the first row moved
    out of an import's file adds to it where it now is, instead of moving it again (a second copy).
    """

    def __init__(self, where):
        self.where = where
        self.moved: dict[tuple[str, str], str] = {}

    def __call__(self, entry_id: str, kind: str) -> str | None:
        return self.moved.get((kind, entry_id)) or self.where(entry_id, kind)

    def entry(self, entry_id: str, kind: str) -> dict | None:
        return None if (kind, entry_id) in self.moved else self.where.entry(entry_id, kind)

    def imported(self, name: str) -> bool:
        return self.where.imported(name)

    def record(self, edits: list[dict], kind: str) -> None:
        for e in edits:
            if "move_from" in e:
                self.moved[(kind, e["entry"])] = e["file"]
