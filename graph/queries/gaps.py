"""`lcg gaps`: what the partnership is missing, each row saying why.

Four kinds of gap:
* a theme or priority that no project (or at most ``few``) addresses, counting
  projects on its sub-themes (``PART_OF``) as well;
* an organisation with no collaborator at all (nothing shared, as defined in
  ``collaboration``: no project, event, network or staff shared with anyone);
* a network the city belongs to (the place is a member, or one of the
  organisations located in it is a member or partner) with no project or event
  tied to it; without a city, every network;
* a person with no affiliation (no ``works_for``).
"""

from __future__ import annotations

from ..gc_pause import paused_gc
from ..backends.base import Backend
from ..errors import OutOfRange, WrongKind
from .walks import neighbours
from ..schema import a_kind
from ..search import resolve
from .strength import item_groups

__all__ = ["gap_rows", "COLUMNS", "GAP_KINDS"]

COLUMNS = ["gap", "id", "name", "why"]
GAP_KINDS = ("theme", "organisation", "network", "person")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _theme_gaps(backend: Backend, few: int) -> list[dict]:
    themes = backend.nodes(["Theme"])
    children: dict[str, list[str]] = {}
    for t in backend.relationships(["PART_OF"]):
        children.setdefault(t.end, []).append(t.start)
    rows = []
    for theme in themes:
        family, todo = {theme.id}, [theme.id]
        while todo:
            for c in children.get(todo.pop(), ()):
                if c not in family:
                    family.add(c)
                    todo.append(c)
        projects = sorted({o.id: o.name for th in sorted(family)
                           for _, o in neighbours(backend, th, rel_kinds=["ADDRESSES"], direction="in")
                           if o.kind == "Project"}.items())
        if len(projects) > few:
            continue
        what = "priority" if theme.props.get("type") == "priority" else "theme"
        sub = " or its sub-themes" if len(family) > 1 else ""
        why = (f"no project addresses this {what}{sub}" if not projects else
               f"only {_plural(len(projects), 'project')} address{'es' if len(projects) == 1 else ''} this "
               f"{what}{sub}: " + ", ".join(name for _, name in projects))
        rows.append({"gap": "theme", "id": theme.id, "name": theme.name, "why": why})
    return rows


def _tie_text(me: str, tie, other) -> str:
    """One tie as seen from ``me``, pointing the way it is recorded (as ``lcg path`` writes it):
    ``-PART_OF-> City Board`` (me PART_OF it), ``<-PART_OF- UNESCO Institute ...`` (it PART_OF me)."""
    return f"-{tie.kind}-> {other.name}" if tie.start == me else f"<-{tie.kind}- {other.name}"


def _lonely_organisations(backend: Backend) -> list[dict]:
    g = item_groups(backend)
    tied: set[str] = set()
    for actors in g.groups.values():
        if len(actors) > 1:
            tied.update(actors)
    employers: dict[str, set[str]] = {}  # person -> organisations: staff shared ties them, a contact alone not
    for t in g.employment:
        employers.setdefault(t.start, set()).add(t.end)
    for orgs in employers.values():
        if len(orgs) > 1:
            tied.update(orgs)
    rows = []
    for org in backend.nodes(["Organisation"]):
        if org.id not in tied:
            ties = [_tie_text(org.id, t, o) for t, o in neighbours(backend, org.id) if t.kind != "ADDRESSES"]
            has = f"; its ties: {', '.join(ties[:3])}{' ...' if len(ties) > 3 else ''}" if ties else ""
            rows.append({"gap": "organisation", "id": org.id, "name": org.name,
                         "why": f"no collaborator: shares no project, event, network or staff with anyone{has}"})
    return rows


def _idle_networks(backend: Backend, city: str | None) -> list[dict]:
    if city:
        place = resolve(backend, city)
        if place.kind != "Place":
            raise WrongKind(place.id, f"{city!r} is {a_kind(place.kind)} ({place.id}); give a place, e.g. a city", "city")
        networks = {o.id: f"{place.name} is a member" for _, o in
                    neighbours(backend, place.id, rel_kinds=["MEMBER_OF"], direction="out") if o.kind == "Network"}
        for _, org in neighbours(backend, place.id, rel_kinds=["LOCATED_IN"], direction="in"):
            if org.kind != "Organisation":
                continue
            for tie, net in neighbours(backend, org.id, rel_kinds=["MEMBER_OF", "PARTNER_IN"], direction="out"):
                if net.kind == "Network" and net.id not in networks:
                    networks[net.id] = f"{org.name} ({place.name}) is a {'member' if tie.kind == 'MEMBER_OF' else 'partner'}"
        candidates = [n for n in (backend.node(i) for i in sorted(networks)) if n is not None]
    else:
        networks = {}
        candidates = backend.nodes(["Network"])
    rows = []
    for net in candidates:
        linked = [o for _, o in neighbours(backend, net.id) if o.kind in ("Project", "Event")]
        if linked:
            continue
        because = f"; {networks[net.id]}" if net.id in networks else ""
        rows.append({"gap": "network", "id": net.id, "name": net.name,
                     "why": f"no project or event is tied to this network{because}"})
    return rows


def _unaffiliated_people(backend: Backend) -> list[dict]:
    employed = {t.start for t in backend.relationships(["WORKS_FOR"])}
    return [{"gap": "person", "id": p.id, "name": p.name, "why": "no affiliation: works for no organisation"}
            for p in backend.nodes(["Person"]) if p.id not in employed]


def gap_rows(backend: Backend, *, few: int = 1, city: str | None = None, only: str | None = None) -> list[dict]:
    """Gap rows grouped by kind (theme, organisation, network, person), each by id."""
    if few < 0:
        raise OutOfRange("few", few, "must be 0 or more")
    with paused_gc():
        return _gap_rows(backend, few, city, only)


def _gap_rows(backend: Backend, few, city, only) -> list[dict]:
    rows = []
    if only in (None, "theme"):
        rows += _theme_gaps(backend, few)
    if only in (None, "organisation"):
        rows += _lonely_organisations(backend)
    if only in (None, "network"):
        rows += _idle_networks(backend, city)
    if only in (None, "person"):
        rows += _unaffiliated_people(backend)
    return rows
