"""Checks every entry of the data against the schema and collects *all* problems.

Each problem names its file, the entry's id and what was expected; lines are
filled in afterwards (only for files that have problems, see ``yaml_files``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from . import dates, schema
from .errors import BadDate
from .identifiers import is_currency, is_org_id
from .records import FrozenProps, Node, Rel
from .yaml_files import cut

__all__ = ["Problem", "Validator", "causes_first"]

_SLUG = re.compile(schema.ID_PATTERN)
_MAX_SUGGESTED = 500  # closest-id hints are costly; past this many misses, just name the id
#: A hint compares the missing id with every known id: at most this many comparisons in all, so that
#: many misses among many ids stay linear (20,000 of each took 37 s without a budget).
_HINT_BUDGET = 300_000


@dataclass
class Problem:
    """One thing wrong in the data: ``file:line: id: message``."""

    file: str
    path: tuple
    id: str
    message: str
    line: int | None = None
    #: the problem this one only follows from (an unknown id whose entry is itself broken); fixing that fixes this
    cause: "Problem | None" = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        shown = self.id if len(self.id) <= 80 else f"{self.id[:80]}... ({len(self.id):,} characters)"
        who = f" {shown}:" if self.id else ""
        return f"{self.file}:{self.line or 1}:{who} {self.message}"


class BadValue(ValueError):
    """A value that does not fit its field; the message says what was expected."""


def _date(v) -> str:
    try:
        return dates.from_value(v)
    except BadDate:
        raise BadValue(f"bad date {cut(v)} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _text(v) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    raise BadValue(f"expected text, got {type(v).__name__} {cut(v)}")


def _url(v) -> str:
    if isinstance(v, str) and re.match(r"^https?://\S+$", v):
        return v
    raise BadValue(f"bad URL {cut(v)} (expected one starting with http:// or https://)")


def _amount(v):
    """A finite number >= 0: YAML's .inf/.nan would reach JSON output as invalid ``Infinity``/``NaN``."""
    import math

    if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0:
        return v
    if isinstance(v, float) and not math.isfinite(v):
        raise BadValue(f"bad amount {cut(v)} (expected a finite number >= 0)")
    raise BadValue(f"bad amount {cut(v)} (expected a number >= 0 such as 25000, without currency signs or commas)")


def _currency(v) -> str:
    if is_currency(v):
        return v
    raise BadValue(f"bad currency {cut(v)} (expected an ISO 4217 code such as GBP)")


def _list(v) -> tuple:
    if isinstance(v, (str, int, float)) and not isinstance(v, bool):
        return (_text(v),)
    if isinstance(v, list):
        for x in v:
            if type(x) is not str:  # a number among the texts (converted), or what is not text (refused)
                return tuple(_text(x) for x in v)
        return tuple(v)
    raise BadValue(f"expected a list of texts, got {type(v).__name__}")


def _orgids(v) -> tuple:
    ids = _list(v)
    for x in ids:
        if not is_org_id(x):
            raise BadValue(f"bad identifier {cut(x)} (expected an org-id such as GB-CHC-1164883 or GB-COH-01234567)")
    return ids


_CONVERT = {"str": _text, "text": _text, "url": _url, "date": _date, "amount": _amount,
            "currency": _currency, "list": _list, "orgid": _orgids}


def convert(f: schema.Field, v):
    return converter(f)(v)


def converter(f: schema.Field):
    """The function that checks and converts a value of field ``f`` (raises BadValue)."""
    if f.type != "enum":
        return _CONVERT[f.type]
    choices, name = f.choices, f.name

    def enum(v):
        if v in choices:
            return v
        raise BadValue(f"bad {name} {cut(v)} (expected one of: {', '.join(choices)})")

    return enum


def _did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(word[:100], list(options), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


class Validator:
    """Reads entries file by file, then :meth:`finish` checks references and builds records."""

    def __init__(self):
        self.problems: list[Problem] = []
        self._nodes: dict[str, tuple[str, str, dict, tuple]] = {}  # id -> (kind, file, props, path)
        self._assumed: dict[str, str] = {}  # id -> kind, defined in files not read here (see assume_ids)
        self._assumed_file = ""
        self._pending: list[tuple] = []
        self._fields = {k: {f.name: f for f in nk.fields} for k, nk in schema.NODE_KINDS.items()}
        self._rel_fields = {k: {f.name: f for f in rk.fields} for k, rk in schema.REL_KINDS.items()}
        self._slots = {k: schema.slots_of(k) for k in schema.NODE_KINDS}
        # Per kind, worked out once: every entry and tie is read through these (bench/RESULTS.md, "Cold imports,
        # second round": a third of the time to check a 100k-entry folder went on finding them again).
        real_dates: set[str] = set()  # dates already checked: the same few hundred recur in every file

        def date(v) -> str:
            if type(v) is str and v in real_dates:
                return v
            out = _date(v)
            if type(v) is str:
                real_dates.add(v)
            return out

        def conv(f: schema.Field):
            return date if f.type == "date" else converter(f)

        self._convert = {k: {n: conv(f) for n, f in fs.items() if n != "id"} for k, fs in self._fields.items()}
        self._rel_convert = {k: {n: conv(f) for n, f in fs.items()} for k, fs in self._rel_fields.items()}
        #: fields whose value is taken as it is when it is a str (converted by _text)
        self._texts = {k: frozenset(n for n, f in fs.items() if f.type in ("str", "text") and n != "id")
                       for k, fs in self._fields.items()}
        self._rel_texts = {k: frozenset(n for n, f in fs.items() if f.type in ("str", "text"))
                           for k, fs in self._rel_fields.items()}
        self._required = {k: tuple(f for f in nk.fields if f.required and f.name != "id")
                          for k, nk in schema.NODE_KINDS.items()}
        self._broken: dict[str, Problem] = {}  # id (as written, and as a slug) of an entry that could not be read
        self._cited: list[tuple] = []  # (file, path, id, sources): checked against sources.yaml

    def _problem(self, file, path, id_, message):
        self.problems.append(Problem(file, path, id_, message))

    def _unreadable_id(self, raw_id: str, problem: Problem) -> None:
        """References to ``raw_id`` will be unknown because of ``problem``: they are folded under it."""
        for key in (raw_id, _as_slug(raw_id)):
            self._broken.setdefault(key, problem)

    def unreadable_file(self, file: str, text: str, problem: Problem) -> None:
        """A whole file could not be read (bad YAML, not UTF-8): ``problem``, the cause of every unknown id it held."""
        self.problems.append(problem)
        for raw_id in _WRITTEN_ID.findall(text):
            self._unreadable_id(raw_id, problem)

    def read_file(self, file: str, kind: str, value) -> None:
        if value is None:
            return
        if not isinstance(value, list):
            self._problem(file, (), "", "expected a list of entries, each starting with '- id: ...'")
            return
        for i, entry in enumerate(value):
            if not isinstance(entry, dict):
                self._problem(file, (i,), "", f"entry {i + 1}: expected a mapping of fields (id: ..., name: ...)")
                continue
            self._read_entry(file, kind, i, entry)

    def _read_entry(self, file, kind, i, entry) -> None:
        fields, slots = self._fields[kind], self._slots[kind]
        raw_id = entry.get("id")
        node_id = raw_id if isinstance(raw_id, str) and _SLUG.fullmatch(raw_id) else None
        label = node_id or (cut(raw_id) if raw_id is not None else f"entry {i + 1}")
        if raw_id is None:
            self._problem(file, (i,), label, "missing required field 'id' (expected a slug such as 'city-of-example')")
        elif node_id is None:
            self._problem(file, (i, "id"), label,
                          "bad id (expected a slug: lowercase letters, digits and hyphens, e.g. 'city-of-example')")
            self._unreadable_id(str(raw_id), self.problems[-1])
        props = {}
        convert, texts = self._convert[kind], self._texts[kind]
        for key, value in entry.items():
            if key in texts and type(value) is str:
                props[key] = value
                continue
            conv = convert.get(key)
            if conv is not None:
                try:
                    props[key] = conv(value)
                except BadValue as e:
                    self._problem(file, (i, key), label, f"{key}: {e}")
            elif key != "id" and key not in slots:
                hint = _did_you_mean(str(key), list(fields) + list(slots))
                self._problem(file, (i, key), label,
                              f"unknown field {cut(key)} for {kind} ({hint}expected one of: {', '.join(list(fields) + list(slots))})")
        for f in self._required[kind]:
            if f.name not in entry:
                self._problem(file, (i,), label, f"missing required field {f.name!r} ({f.doc.rstrip('.')})")
        if "start" in props and "end" in props and _later(props["start"], props["end"]):
            self._problem(file, (i, "end"), label, f"end {props['end']} is before start {props['start']}")
        if node_id is None:
            return
        if node_id in self._nodes or node_id in self._assumed:
            first_kind, first_file, _, first_path = self._nodes.get(node_id) or self._assumed_entry(node_id)
            self._problem(file, (i, "id"), label,
                          f"duplicate id (already used by {first_kind} entry {first_path[0] + 1} of {first_file}; "
                          "expected ids unique across all files)")
            return
        self._nodes[node_id] = (kind, file, props, (i,))
        sources = props.get("sources", ())
        if sources:
            self._cited.append((file, (i, "sources"), node_id, sources))
        for key, slot in slots.items():
            if key in entry:
                self._read_slot(file, i, node_id, slot, entry[key], sources)

    def _read_slot(self, file, i, owner, slot: schema.Slot, value, sources) -> None:
        listed = isinstance(value, list)
        items = value if listed else [value]
        rel_convert, texts = self._rel_convert[slot.rel], self._rel_texts[slot.rel]
        pending = self._pending
        slot_key, outgoing = slot.key, slot.outgoing
        for j, item in enumerate(items):
            path = (i, slot_key, j) if listed else (i, slot_key)
            props: dict
            if type(item) is str:
                target, props = item, {}
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                target, props = item["id"], {}
                for key, v in item.items():
                    if key == "id":
                        continue
                    if key in texts and type(v) is str:
                        props[key] = v
                        continue
                    conv = rel_convert.get(key)
                    if conv is None:
                        hint = _did_you_mean(str(key), rel_convert)
                        self._problem(file, path + (key,), owner,
                                      f"{slot.key}: unknown field {cut(key)} for {slot.rel} "
                                      f"({hint}expected one of: id, {', '.join(rel_convert)})")
                        continue
                    try:
                        props[key] = conv(v)
                    except BadValue as e:
                        self._problem(file, path + (key,), owner, f"{slot.key}: {key}: {e}")
            elif isinstance(item, str):  # a str subclass: as the check above, a little slower
                target, props = item, {}
            else:
                self._problem(file, path, owner,
                              f"{slot.key}: expected an id or a mapping with 'id' (e.g. '- id: some-id'), got {cut(item)}")
                continue
            if "from" in props and "to" in props and _later(props["from"], props["to"]):
                self._problem(file, path + ("to",), owner, f"{slot.key}: 'to' {props['to']} is before 'from' {props['from']}")
            if "sources" in props:
                self._cited.append((file, path + ("sources",), owner, props["sources"]))
            elif sources:
                props["sources"] = sources
            if outgoing:
                pending.append((slot, owner, target, props, file, path, owner, target))
            else:
                pending.append((slot, target, owner, props, file, path, owner, target))

    def check_sources(self, known: set[str]) -> None:
        """Every ``sources`` value is a key of the folder's sources.yaml, or a URL."""
        from .sources import is_url, unknown_key_message

        for file, path, id_, values in self._cited:
            for v in values:
                if v not in known and not is_url(v):
                    self._problem(file, path, id_, unknown_key_message(v, known))

    # --- checking part of a folder against a summary of the rest (graph/importers/rest_check.py) ----------------

    def assume_ids(self, kinds: dict[str, str], file: str) -> None:
        """Ids defined in files not read by this validator (``file`` names them), by kind; ``kinds`` is kept, not copied."""
        self._assumed, self._assumed_file = kinds, file

    def _assumed_entry(self, node_id: str):
        kind = self._assumed.get(node_id)
        return None if kind is None else (kind, self._assumed_file, {}, (0,))

    def known_kinds(self) -> dict[str, str]:
        """Id -> kind of every entry read so far."""
        return {node_id: v[0] for node_id, v in self._nodes.items()}

    def take_open_ties(self) -> list[list]:
        """Remove and return the ties whose other end is not an id read so far, as JSON-ready rows."""
        known, pending = self._nodes, self._pending
        self._pending = [t for t in pending if t[7] in known]
        if len(self._pending) == len(pending):  # the usual case: every tie's other end is here
            return []
        return [[slot.owner, slot.key, owner, target, {k: list(v) if isinstance(v, tuple) else v
                                                       for k, v in props.items()}, file, list(path)]
                for slot, _, _, props, file, path, owner, target in pending if target not in known]

    def hierarchy_rows(self) -> list[list]:
        """The PART_OF / LOCATED_IN ties read so far as rows for :meth:`add_tie_rows` (a new tie may close a loop)."""
        return [[t[0].owner, t[0].key, t[6], t[7], {}, t[4], list(t[5])] for t in self._pending if t[0].rel in _NO_CYCLES]

    def add_tie_rows(self, rows) -> None:
        """Ties read elsewhere (rows of :meth:`take_open_ties` / :meth:`hierarchy_rows`), checked by :meth:`finish`."""
        slots = self._slots
        for owner_kind, key, owner, target, props, file, path in rows:
            slot = slots[owner_kind][key]
            props = {k: tuple(v) if isinstance(v, list) else v for k, v in props.items()}
            start, end = (owner, target) if slot.outgoing else (target, owner)
            self._pending.append((slot, start, end, props, file, tuple(path), owner, target))

    def cited_values(self) -> set[str]:
        """Every ``sources`` value cited by the entries and ties read so far."""
        return {v for *_, values in self._cited for v in values}

    def finish(self, records: bool = True) -> tuple[list[Node], list[Rel]]:
        """Check every reference, merge ties written twice, and build the records (not when ``records`` is False)."""
        known = self._nodes
        misses = 0
        merged: dict[tuple, dict] = {}
        where: dict[tuple, tuple] = {}
        # per slot (by identity: hashing a frozen dataclass hashes all its fields), what each tie needs of it
        of_slot = {id(s): (s.other_kinds, schema.REL_KINDS[s.rel].key_field, s.rel in _NO_CYCLES)
                   for s in schema.SLOTS}
        assumed = self._assumed
        for slot, start, end, props, file, path, owner, target in self._pending:
            entry = known.get(target)
            if entry is None and assumed:
                entry = self._assumed_entry(target)
            if entry is None:
                misses += 1
                hint = ""
                if misses <= _MAX_SUGGESTED and misses * len(known) <= _HINT_BUDGET:
                    close = difflib.get_close_matches(target, known.keys(), n=3, cutoff=0.6)
                    hint = f" (closest: {', '.join(close)})" if close else ""
                self._problem(file, path, owner, f"{slot.key}: unknown id {cut(target)}{hint}; expected an id defined in a data file")
                self.problems[-1].cause = self._broken.get(target)
                continue
            other_kinds, key_field, hierarchy = of_slot[id(slot)]
            if entry[0] not in other_kinds:
                self._problem(file, path, owner,
                              f"{slot.key}: {cut(target)} is {schema.a_kind(entry[0])}, but {slot.rel} here expects "
                              f"{' or '.join(other_kinds)}")
                continue
            if start == end:
                self._problem(file, path, owner, f"{slot.key}: {cut(target)} is this entry itself; expected another id")
                continue
            key = (slot.rel, start, end, props.get(key_field) if key_field else None)
            seen = merged.get(key)
            if seen is None:
                merged[key] = props
                if hierarchy:
                    where[key] = (file, path, owner, slot.key)
                continue
            # The same tie written on both ends (a network's members and an org's member_of):
            # one relationship, with the sources of both.
            for name, v in props.items():
                if name == "sources":
                    continue
                if name in seen and seen[name] != v:
                    self._problem(file, path, owner,
                                  f"{slot.key}: {slot.rel} {start} -> {end} is written twice with different "
                                  f"{name} ({cut(seen[name])} and {cut(v)}); expected one value")
                else:
                    seen[name] = v
            extra = tuple(s for s in props.get("sources", ()) if s not in seen.get("sources", ()))
            if extra:
                seen["sources"] = tuple(seen.get("sources", ())) + extra
        for rel in _NO_CYCLES:
            for key in _cycle_ties(rel, where):  # the hierarchy's ties, in the order merged has them
                file, path, owner, slot_key = where[key]
                self._problem(file, path, owner, f"{slot_key}: {cut(key[2])} closes a loop of {rel} ties back to "
                                                 f"{cut(owner)}; expected a hierarchy (nothing is part of itself)")
        if self.problems or not records:
            return [], []
        nodes = [Node(nid, kind, FrozenProps(props), file) for nid, (kind, file, props, _) in known.items()]
        rels = [Rel(k[0], k[1], k[2], FrozenProps(p)) for k, p in merged.items()]
        return nodes, rels


#: Hierarchies: a unit is part of an organisation, a city is in a region; a loop is a mistake.
_NO_CYCLES = ("PART_OF", "LOCATED_IN")


#: ``id: value`` as written in a data file, for finding the ids of a file YAML could not read.
_WRITTEN_ID = re.compile(r"""^[ \t-]*id:[ \t]*["']?([^"'#\s]+)""", re.M)


def _as_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def causes_first(problems: list[Problem]) -> list[tuple[Problem, list[Problem]]]:
    """Each problem with those that only follow from it; causes of others first, then in the given order.

    A knock-on problem (an unknown id whose entry is broken) is never listed on
    its own, so the first problem shown is always one to fix.
    """
    followers: dict[int, list[Problem]] = {}
    for p in problems:
        if p.cause is not None:
            followers.setdefault(id(p.cause), []).append(p)
    out = [(p, followers.get(id(p), [])) for p in problems if p.cause is None]
    out.sort(key=lambda pf: not pf[1])  # stable: causes first, file order kept within each group
    return out


def _cycle_ties(rel: str, merged: dict) -> list[tuple]:
    """One tie (merged key) per loop of ``rel`` ties: the one that closes it in a depth-first walk."""
    out_ties: dict[str, list[tuple]] = {}
    for key in merged:
        if key[0] == rel:
            out_ties.setdefault(key[1], []).append(key)
    state: dict[str, int] = {}  # 1 on the current walk, 2 done
    closing = []
    for root in sorted(out_ties):
        if state.get(root):
            continue
        stack = [(root, iter(sorted(out_ties.get(root, ()))))]
        state[root] = 1
        while stack:
            node, ties = stack[-1]
            key = next(ties, None)
            if key is None:
                state[node] = 2
                stack.pop()
                continue
            nxt = key[2]
            if state.get(nxt) == 1:
                closing.append(key)
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(sorted(out_ties.get(nxt, ())))))
    return closing


def _later(a: str, b: str) -> bool:
    """True when partial date ``a`` starts after partial date ``b`` ends."""
    return a[: len(b)] > b if len(a) >= len(b) else a > b[: len(a)]
