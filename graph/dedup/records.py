"""The flat records duplicate and overlap scoring read, built from any backend.

Scoring is shared Python; a backend only has to hand over nodes and
relationships (``Backend.nodes`` / ``Backend.relationships``), which the
embedded graph and Neo4j both do with the same results, so both give the same
answers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .duplicates import EntityRecord

__all__ = ["ProjectRecord", "project_records", "entity_records", "project_from_entry", "place_parents",
           "slot_ids"]

PROJECT_RELS = ("PARTNER_IN", "FUNDS", "COMMISSIONED", "ADDRESSES", "LOCATED_IN", "PART_OF")


@dataclass(frozen=True)
class ProjectRecord:
    """What overlap scoring reads of a project."""

    id: str
    name: str
    description: str = ""
    themes: frozenset = field(default_factory=frozenset)
    target_groups: frozenset = field(default_factory=frozenset)
    partners: frozenset = field(default_factory=frozenset)
    funders: frozenset = field(default_factory=frozenset)
    places: frozenset = field(default_factory=frozenset)
    start: str | None = None
    end: str | None = None
    commissioners: frozenset = field(default_factory=frozenset)
    #: Programmes (Networks of type programme) it is part of: a funder's grant programme.
    programmes: frozenset = field(default_factory=frozenset)
    #: (payer id, amount, currency) for each funding or commissioning tie that states an amount.
    amounts: tuple = ()
    #: (partner id, name) for partners whose tie gives another name than theirs (PARTNER_IN ``named_as``: the
    #: local branch a grant went to); None for a tie to the same partner without one (its own name).
    partner_names: frozenset = field(default_factory=frozenset)

    @property
    def payers(self) -> frozenset:
        """Who funds or commissions it: two payers for one piece of work is the duplication."""
        return self.funders | self.commissioners

    @property
    def text(self) -> str:
        return f"{self.name}. {self.description}"


def _groups(values) -> frozenset:
    if isinstance(values, str):
        values = [values]
    return frozenset(str(v).strip().lower() for v in values or () if str(v).strip())


def project_records(backend) -> tuple[list[ProjectRecord], dict[str, str], dict[str, set[str]]]:
    """(project records sorted by id, id -> name of every node, place -> enclosing places)."""
    nodes = backend.nodes()
    names = {n.id: n.name for n in nodes}
    slots: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    parents: dict[str, set[str]] = defaultdict(set)
    kinds = {n.id: n.kind for n in nodes}
    programmes = {n.id for n in nodes if n.kind == "Network" and str(n.props.get("type") or "").lower() == "programme"}
    amounts: dict[str, list] = defaultdict(list)
    named: dict[str, set] = defaultdict(set)  # project -> (partner, named_as or None)
    for t in backend.relationships(PROJECT_RELS):
        if t.kind == "PARTNER_IN" and kinds.get(t.end) == "Project":
            slots[t.end]["partners"].add(t.start)
            named[t.end].add((t.start, t.props.get("named_as") or None))
        elif t.kind in ("FUNDS", "COMMISSIONED") and kinds.get(t.end) == "Project":
            slots[t.end]["funders" if t.kind == "FUNDS" else "commissioners"].add(t.start)
            if t.props.get("amount") is not None:
                amounts[t.end].append((t.start, t.props["amount"], str(t.props.get("currency") or "")))
        elif t.kind == "PART_OF" and kinds.get(t.start) == "Project" and t.end in programmes:
            slots[t.start]["programmes"].add(t.end)
        elif t.kind == "ADDRESSES" and kinds.get(t.start) == "Project":
            slots[t.start]["themes"].add(t.end)
        elif t.kind == "LOCATED_IN":
            if kinds.get(t.start) == "Project":
                slots[t.start]["places"].add(t.end)
            elif kinds.get(t.start) == "Place":
                parents[t.start].add(t.end)
    records = []
    for n in nodes:
        if n.kind != "Project":
            continue
        s = slots.get(n.id, {})
        p = n.props
        records.append(ProjectRecord(
            n.id, n.name, str(p.get("description") or ""), frozenset(s.get("themes", ())),
            _groups(p.get("target_groups")), frozenset(s.get("partners", ())), frozenset(s.get("funders", ())),
            frozenset(s.get("places", ())), _iso(p.get("start")), _iso(p.get("end")),
            frozenset(s.get("commissioners", ())), frozenset(s.get("programmes", ())),
            tuple(sorted(amounts.get(n.id, ()), key=lambda x: (x[0], str(x[1]), x[2]))),
            _named(named.get(n.id, ()))))
    return records, names, dict(parents)


def _named(ties) -> frozenset:
    """The (partner, name) of a project's ties to partners that at least one of its ties names otherwise."""
    other = {org for org, name in ties if name is not None}
    return frozenset((org, name) for org, name in ties if org in other)


def _iso(value) -> str | None:
    return None if value in (None, "") else str(value)


def slot_ids(value) -> frozenset:
    out = set()
    if isinstance(value, (str, dict)):  # one item written without the list
        value = [value]
    for item in value or ():
        if isinstance(item, dict) and item.get("id"):
            out.add(str(item["id"]))
        elif isinstance(item, str):
            out.add(item)
    return frozenset(out)


def project_from_entry(entry: dict, default_id: str = "proposal", programmes=frozenset()) -> ProjectRecord:
    """A project entry as written in projects.yaml (a proposal not yet in the graph).

    ``programmes``: the ids of programme networks in the graph; its ``part_of`` ids among them are its programmes.
    """
    amounts = tuple(sorted((str(f["id"]), f["amount"], str(f.get("currency") or ""))
                           for key in ("funders", "commissioned_by") for f in _items(entry.get(key))
                           if isinstance(f, dict) and f.get("id") and f.get("amount") is not None))
    ties = [(str(p["id"]), str(p["named_as"]) if p.get("named_as") else None) if isinstance(p, dict) else (str(p), None)
            for p in _items(entry.get("partners")) if isinstance(p, str) or (isinstance(p, dict) and p.get("id"))]
    return ProjectRecord(
        str(entry.get("id") or default_id), str(entry.get("name") or ""), str(entry.get("description") or ""),
        slot_ids(entry.get("themes")), _groups(entry.get("target_groups")), slot_ids(entry.get("partners")),
        slot_ids(entry.get("funders")), slot_ids(entry.get("located_in")), _iso(entry.get("start")),
        _iso(entry.get("end")), slot_ids(entry.get("commissioned_by")),
        slot_ids(entry.get("part_of")) & frozenset(programmes), amounts, _named(ties))


def _items(value) -> list:
    return [value] if isinstance(value, (str, dict)) else list(value or ())


def place_parents(parents: dict[str, set[str]], place: str) -> set[str]:
    """Every place enclosing ``place`` (its located_in, theirs, and so on)."""
    seen: set[str] = set()
    todo = [place]
    while todo:
        for up in parents.get(todo.pop(), ()):
            if up not in seen:
                seen.add(up)
                todo.append(up)
    return seen


_READ = frozenset("id name aliases website identifiers address postcode phone".split())


def entity_records(backend, kind: str) -> list[EntityRecord]:
    """Organisations or people as duplicate-scoring records, with the people attached to each (for a person,
    the organisations they work for: two people of one name who work for one body are one person)."""
    people: dict[str, set[str]] = defaultdict(set)
    part_of: dict[str, set[str]] = defaultdict(set)
    degree: dict[str, int] = defaultdict(int)
    for t in backend.relationships():
        degree[t.start] += 1
        degree[t.end] += 1
        if t.kind == "WORKS_FOR":
            people[t.start if kind == "Person" else t.end].add(t.end if kind == "Person" else t.start)
        elif t.kind == "PART_OF":
            part_of[t.start].add(t.end)
    out = []
    for n in backend.nodes([kind]):
        p = n.props
        out.append(EntityRecord(n.id, kind, n.name, tuple(p.get("aliases") or ()), p.get("website"),
                                tuple(p.get("identifiers") or ()), frozenset(people.get(n.id, ())),
                                frozenset(part_of.get(n.id, ())), degree[n.id], p.get("address"), p.get("postcode"),
                                p.get("phone"), {k: v for k, v in p.items() if k not in _READ and v not in (None, "")}))
    return out
