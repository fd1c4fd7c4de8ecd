"""The one place that names what the learning-city graph may hold.

Validation, the YAML reader, Neo4j constraints and labels, map styling and
``docs/data-format.md`` all read these tables, so a new field or kind is added
here once and every part of the tool learns it together.

Vocabulary
----------
* **Node kinds** (``Organisation``, ``Project``...) are Neo4j labels and map legend
  entries. Each kind lives in one YAML file (``organisations.yaml``...).
* **Relationship kinds** (``PARTNER_IN``...) are Neo4j relationship types. Each has
  the node kinds allowed at its start and end, and its own fields.
* **Slots** say where a relationship is written in YAML: on its *natural owner*,
  e.g. a project lists its ``partners`` (``Organisation -PARTNER_IN-> Project``),
  an organisation its ``member_of`` networks. A slot entry is an id, or a mapping
  with ``id`` plus the relationship's fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

__all__ = [
    "Field",
    "NodeKind",
    "RelKind",
    "Slot",
    "NODE_KINDS",
    "REL_KINDS",
    "SLOTS",
    "node_kind",
    "rel_kind",
    "slots_of",
    "kind_for_file",
    "a_kind",
    "ID_PATTERN",
]

#: Ids are readable slugs: lower case letters, digits and hyphens.
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$|^[a-z0-9]$"


@dataclass(frozen=True)
class Field:
    """A field of a node or relationship.

    ``type`` is one of: ``str`` (one line), ``text`` (free text), ``url``,
    ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), ``amount`` (a number >= 0),
    ``currency`` (ISO 4217 code), ``list`` (list of strings), ``enum`` (one of
    ``choices``), ``orgid`` (list of org-ids such as ``GB-CHC-1164883``).
    """

    name: str
    type: str = "str"
    required: bool = False
    choices: tuple[str, ...] = ()
    doc: str = ""
    example: object = None


@dataclass(frozen=True)
class NodeKind:
    name: str
    file: str
    fields: tuple[Field, ...]
    doc: str
    colour: str
    shape: str

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class RelKind:
    name: str
    starts: tuple[str, ...]
    ends: tuple[str, ...]
    fields: tuple[Field, ...]
    doc: str

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @cached_property
    def key_field(self) -> str | None:
        """The field that tells two ties of this kind between the same ends apart.

        A person may both speak at and attend an event; a funder may fund two
        periods. Loading merges relationships on (kind, start, end, key field).
        """
        return next((n for n in ("role", "period", "award") if n in self.field_names), None)


@dataclass(frozen=True)
class Slot:
    """A YAML key on ``owner`` entries that writes ``rel`` relationships.

    ``outgoing`` is True when the owner is the relationship's start
    (``member_of`` on an organisation), False when it is the end (``partners``
    on a project: each listed organisation is the start of ``PARTNER_IN``).
    """

    owner: str
    key: str
    rel: str
    outgoing: bool
    doc: str = ""

    @property
    def other_kinds(self) -> tuple[str, ...]:
        kind = REL_KINDS[self.rel]
        return kind.ends if self.outgoing else kind.starts


# --- fields shared by several kinds -------------------------------------------

ID = Field("id", "str", True, doc="Readable slug, unique across all kinds.", example="university-of-wolverhampton")
NAME = Field("name", "str", True, doc="Name as the sources write it.", example="University of Wolverhampton")
DESCRIPTION = Field("description", "text", doc="What it is or does, in the sources' words.")
SOURCES = Field("sources", "list", doc="Keys of sources.yaml (or URLs) of the documents that state this fact.",
                example=["001_b0e830f65fbfb7a9.txt"])
ALIASES = Field("aliases", "list", doc="Other names and abbreviations.", example=["UoW"])
WEBSITE = Field("website", "url", doc="Home page.", example="https://www.wlv.ac.uk")
IDENTIFIERS = Field(
    "identifiers",
    "orgid",
    doc="Org-ids as used by 360Giving: GB-CHC-<charity no.>, GB-COH-<company no.>, GB-UKPRN-<UKPRN>, "
        "GB-URN-<school URN>, 360G-...; a ROR id as ROR:<id> (or its https://ror.org/<id> URL).",
    example=["GB-CHC-1164883"],
)
NOTE = Field("note", "text", doc="Anything worth keeping that has no field of its own.")
START = Field("start", "date", doc="When it began (YYYY, YYYY-MM or YYYY-MM-DD).", example="2019")
END = Field("end", "date", doc="When it ended.", example="2021")

NODE_KINDS: dict[str, NodeKind] = {
    k.name: k
    for k in (
        NodeKind(
            "Organisation",
            "organisations.yaml",
            (ID, NAME, Field("type", "str", doc="university, college, council, charity, company, unit, partnership...", example="university"),
             ALIASES, WEBSITE, IDENTIFIERS,
             Field("address", "text", doc="Street address as the source writes it (an organisation's, never a person's).",
                   example="Wulfruna Street, Wolverhampton"),
             Field("postcode", "str", doc="Postcode or ZIP code.", example="WV1 1LY"),
             Field("phone", "str", doc="The organisation's public telephone number as written.", example="01902 321000"),
             DESCRIPTION, SOURCES, NOTE),
            "A partner organisation, funder, or a unit of one (a research centre).",
            "#1f77b4",
            "dot",
        ),
        NodeKind(
            "Person",
            "people.yaml",
            (ID, NAME, Field("title", "str", doc="Job title or position as stated.", example="Professor of Lifelong Learning"),
             ALIASES, WEBSITE, IDENTIFIERS, DESCRIPTION, SOURCES, NOTE),
            "A researcher, officer or speaker named in the sources.",
            "#ff7f0e",
            "triangle",
        ),
        NodeKind(
            "Project",
            "projects.yaml",
            (ID, NAME, Field("type", "str", doc="project, study, initiative, programme, grant, festival...", example="study"),
             DESCRIPTION, START, END,
             Field("target_groups", "list", doc="Who it is for.", example=["adults", "older people"]),
             Field("identifiers", "list", doc="Grant or project ids, e.g. 360Giving grant ids.", example=["360G-example-1"]),
             ALIASES, WEBSITE, SOURCES, NOTE),
            "Funded work, a study or an initiative.",
            "#2ca02c",
            "square",
        ),
        NodeKind(
            "Network",
            "networks.yaml",
            (ID, NAME, Field("type", "str", doc="network, cluster, programme, partnership...", example="network"),
             ALIASES, WEBSITE, DESCRIPTION, START, END, SOURCES, NOTE),
            "A network, partnership, cluster or programme that others belong to.",
            "#d62728",
            "diamond",
        ),
        NodeKind(
            "Event",
            "events.yaml",
            (ID, NAME, Field("type", "str", doc="launch, conference, festival, summit, workshop...", example="festival"),
             Field("date", "date", doc="When it took place (or began).", example="2019-06"),
             END, ALIASES, DESCRIPTION, WEBSITE, SOURCES, NOTE),
            "A meeting, launch, festival or summit.",
            "#9467bd",
            "star",
        ),
        NodeKind(
            "Place",
            "places.yaml",
            (ID, NAME, Field("type", "str", doc="city, region, country...", example="city"),
             ALIASES, DESCRIPTION, SOURCES, NOTE),
            "A city, region or country.",
            "#8c564b",
            "hexagon",
        ),
        NodeKind(
            "Theme",
            "themes.yaml",
            (ID, NAME, Field("type", "str", doc="priority, sdg, topic...", example="priority"),
             ALIASES, DESCRIPTION, SOURCES, NOTE),
            "A priority, Sustainable Development Goal or topic that work addresses.",
            "#e377c2",
            "ellipse",
        ),
        NodeKind(
            "Report",
            "reports.yaml",
            (ID, NAME, Field("date", "date", doc="Publication date.", example="2020"),
             Field("type", "str", doc="report, evaluation, toolkit, press release...", example="evaluation"),
             ALIASES, DESCRIPTION, WEBSITE, SOURCES, NOTE),
            "A research report, evaluation or toolkit.",
            "#7f7f7f",
            "box",
        ),
    )
}

# --- relationships ---------------------------------------------------------------

FROM = Field("from", "date", doc="When the tie began.", example="2018")
TO = Field("to", "date", doc="When the tie ended (absent: still active).", example="2021")
REL_COMMON = (FROM, TO, SOURCES, NOTE)


def _role(*choices: str) -> Field:
    return Field("role", "enum", choices=choices, doc="One of: " + ", ".join(choices) + ".", example=choices[0])


_ALL_ACTORS = ("Organisation", "Person")

REL_KINDS: dict[str, RelKind] = {
    k.name: k
    for k in (
        RelKind("MEMBER_OF", ("Organisation", "Person", "Place", "Project", "Network"), ("Network",),
                (Field("since", "date", doc="Year or date membership began.", example="2018"), *REL_COMMON),
                "Membership of a network, partnership or cluster."),
        RelKind("PARTNER_IN", ("Organisation",), ("Project", "Network", "Event"),
                (_role("lead", "partner", "delivery"),
                 Field("named_as", "str",
                       doc="The name the source gave the organisation on this tie, when it is not the "
                           "organisation's own name (case, punctuation and legal form aside): a local branch or "
                           "scheme under one registered number. Absent: the organisation's own name.",
                       example="MHA North Shields Live At Home Scheme"),
                 *REL_COMMON),
                "An organisation is a partner in a project or partnership."),
        RelKind("FUNDS", ("Organisation",), ("Project", "Network", "Event", "Report"),
                (Field("amount", "amount", doc="Amount awarded.", example=25000),
                 Field("currency", "currency", doc="ISO 4217 code, e.g. GBP.", example="GBP"),
                 Field("period", "str", doc="Funding period as stated.", example="2020-2021"),
                 *REL_COMMON),
                "An organisation funds work."),
        RelKind("COMMISSIONED", _ALL_ACTORS, ("Project", "Report", "Event"),
                REL_COMMON, "Someone commissioned a study, report or event."),
        RelKind("WORKS_FOR", ("Person",), ("Organisation",),
                (Field("role", "str", doc="Position as stated.", example="researcher"), *REL_COMMON),
                "A person works for an organisation or unit."),
        RelKind("WORKS_ON", ("Person",), ("Project", "Report", "Event", "Network"),
                (Field("role", "str", doc="Role as stated.", example="lead researcher"), *REL_COMMON),
                "A person works on a project."),
        RelKind("PART_OF", ("Organisation", "Network", "Project", "Event", "Theme", "Report", "Place"),
                ("Organisation", "Network", "Project", "Event", "Theme"),
                REL_COMMON,
                "A unit of an organisation, a cluster or programme of a network, a strand of a project, a sub-theme, "
                "a paper of a project's series, a city of a combined authority."),
        RelKind("ORGANISED", ("Organisation", "Person", "Network", "Project"), ("Event",),
                (_role("host", "co-lead", "organiser", "partner"), *REL_COMMON),
                "Someone hosted, led or organised an event."),
        RelKind("PARTICIPATED_IN", ("Organisation", "Person", "Place", "Network"), ("Event", "Project"),
                (_role("speaker", "attendee", "partner", "participant"), *REL_COMMON),
                "Someone spoke at, attended or took part in an event or programme."),
        RelKind("ADDRESSES", ("Project", "Event", "Report", "Network", "Organisation"), ("Theme",),
                REL_COMMON, "Work addresses a theme or priority."),
        RelKind("LOCATED_IN", ("Organisation", "Person", "Project", "Event", "Network", "Place"), ("Place",),
                REL_COMMON, "Where something is or happens."),
        RelKind("AUTHORED", _ALL_ACTORS, ("Report",),
                REL_COMMON, "Who wrote a report."),
        # Added beyond the list: evaluations and toolkits are *about* a
        # project or network, and without this tie they float free of it.
        RelKind("ABOUT", ("Report", "Event"), ("Project", "Network", "Event", "Organisation", "Place"),
                REL_COMMON, "A report evaluates or describes something; an event's subject (lessons from a city)."),
        # Added for what the seed pages state and no kind above says (issue 15). None of
        # them is collaboration evidence except COORDINATES (graph/queries/collaboration.py).
        RelKind("EVALUATES", ("Organisation", "Person", "Project"), ("Project", "Network", "Event"),
                REL_COMMON, "Someone (or an evaluation project) evaluates a programme, service or event."),
        RelKind("PUBLISHED", ("Organisation",), ("Report",),
                REL_COMMON, "An organisation published (or is to publish) a report or book."),
        RelKind("ADVISES", ("Person", "Organisation"), ("Organisation", "Network", "Project"),
                REL_COMMON, "Someone advises an organisation or initiative (an advisory role, not employment)."),
        RelKind("RECOGNISED_BY", ("Organisation", "Person", "Place", "Project", "Network"), ("Organisation",),
                (Field("award", "str", doc="The award as the source names it.", example="UALL Award for innovation"),
                 Field("outcome", "enum", choices=("won", "shortlisted"), doc="One of: won, shortlisted.",
                       example="won"),
                 Field("date", "date", doc="Year or date of the award.", example="2019"),
                 *REL_COMMON),
                "An award (won or shortlisted for) from the organisation that gives it."),
        RelKind("INFORMS", ("Project", "Report"), ("Project", "Network", "Event", "Report"),
                REL_COMMON, "A study, paper or report informs or helped shape other work."),
        RelKind("CONTRIBUTES_TO", ("Organisation", "Person"), ("Network", "Project", "Event"),
                REL_COMMON, "Someone's services or work are used in an initiative, without partnership or membership."),
        RelKind("COORDINATES", ("Organisation", "Person", "Place", "Network"), ("Network", "Project", "Event"),
                REL_COMMON, "Someone coordinates a network, cluster or programme (a cluster's coordinating city)."),
        RelKind("REPORTS_TO", ("Organisation", "Network"), ("Organisation",),
                REL_COMMON, "A board or body reports to another."),
    )
}

SLOTS: tuple[Slot, ...] = (
    Slot("Organisation", "member_of", "MEMBER_OF", True, "Networks it belongs to."),
    Slot("Organisation", "part_of", "PART_OF", True, "The organisation this one is a unit of."),
    Slot("Organisation", "located_in", "LOCATED_IN", True, "Where it is."),
    Slot("Organisation", "themes", "ADDRESSES", True, "Themes it works on."),
    Slot("Organisation", "advises", "ADVISES", True, "Organisations or initiatives it advises."),
    Slot("Organisation", "awards", "RECOGNISED_BY", True, "Awards it won or was shortlisted for, by who gives them."),
    Slot("Organisation", "contributes_to", "CONTRIBUTES_TO", True, "Initiatives its services or work are used in."),
    Slot("Organisation", "reports_to", "REPORTS_TO", True, "The body it reports to."),
    Slot("Organisation", "people", "WORKS_FOR", False, "People who work for it, by name (a partner list's contacts)."),
    Slot("Person", "works_for", "WORKS_FOR", True, "Employers and units."),
    Slot("Person", "member_of", "MEMBER_OF", True, "Networks the person belongs to."),
    Slot("Person", "located_in", "LOCATED_IN", True, "Where the person is based."),
    Slot("Person", "advises", "ADVISES", True, "Organisations or initiatives the person advises."),
    Slot("Project", "partners", "PARTNER_IN", False, "Partner organisations."),
    Slot("Project", "funders", "FUNDS", False, "Who funds it."),
    Slot("Project", "commissioned_by", "COMMISSIONED", False, "Who commissioned it."),
    Slot("Project", "people", "WORKS_ON", False, "People working on it."),
    Slot("Project", "participants", "PARTICIPATED_IN", False, "Places or organisations taking part."),
    Slot("Project", "themes", "ADDRESSES", True, "Themes it addresses."),
    Slot("Project", "located_in", "LOCATED_IN", True, "Where it happens."),
    Slot("Project", "part_of", "PART_OF", True, "A larger project or programme."),
    Slot("Project", "member_of", "MEMBER_OF", True, "Networks it belongs to."),
    Slot("Project", "evaluated_by", "EVALUATES", False, "Who evaluated it (an organisation, person or evaluation)."),
    Slot("Project", "informs", "INFORMS", True, "Work this study informs or helped shape."),
    Slot("Network", "partners", "PARTNER_IN", False, "Core partner organisations."),
    Slot("Network", "members", "MEMBER_OF", False, "Members (organisations, places, people...)."),
    Slot("Network", "funders", "FUNDS", False, "Who funds it."),
    Slot("Network", "people", "WORKS_ON", False, "People working on it."),
    Slot("Network", "part_of", "PART_OF", True, "The network this is a cluster or programme of."),
    Slot("Network", "member_of", "MEMBER_OF", True, "Networks it belongs to."),
    Slot("Network", "themes", "ADDRESSES", True, "Themes it addresses."),
    Slot("Network", "located_in", "LOCATED_IN", True, "Where it is."),
    Slot("Network", "coordinators", "COORDINATES", False, "Who coordinates it (a cluster's coordinating cities)."),
    Slot("Event", "organisers", "ORGANISED", False, "Hosts, co-leads and organisers."),
    Slot("Event", "participants", "PARTICIPATED_IN", False, "Speakers, attendees and partners."),
    Slot("Event", "partners", "PARTNER_IN", False, "Partner organisations."),
    Slot("Event", "funders", "FUNDS", False, "Who funds it."),
    Slot("Event", "commissioned_by", "COMMISSIONED", False, "Who commissioned it."),
    Slot("Event", "people", "WORKS_ON", False, "People working on it."),
    Slot("Event", "themes", "ADDRESSES", True, "Themes it addresses."),
    Slot("Event", "located_in", "LOCATED_IN", True, "Where it took place."),
    Slot("Event", "part_of", "PART_OF", True, "A programme, project or larger event it belongs to."),
    Slot("Event", "about", "ABOUT", True, "Its subject, as its title or description states it."),
    Slot("Place", "located_in", "LOCATED_IN", True, "The larger place it is in."),
    Slot("Place", "member_of", "MEMBER_OF", True, "Networks it belongs to (a learning city in GNLC)."),
    Slot("Place", "part_of", "PART_OF", True, "The authority it is a constituent of (a city of a combined authority)."),
    Slot("Place", "awards", "RECOGNISED_BY", True, "Awards it won or was shortlisted for, by who gives them."),
    Slot("Theme", "part_of", "PART_OF", True, "A broader theme."),
    Slot("Report", "authors", "AUTHORED", False, "Who wrote it."),
    Slot("Report", "commissioned_by", "COMMISSIONED", False, "Who commissioned it."),
    Slot("Report", "funders", "FUNDS", False, "Who funded it."),
    Slot("Report", "people", "WORKS_ON", False, "People working on it (not authors)."),
    Slot("Report", "themes", "ADDRESSES", True, "Themes it addresses."),
    Slot("Report", "about", "ABOUT", True, "What it evaluates or describes."),
    Slot("Report", "publishers", "PUBLISHED", False, "Who published it."),
    Slot("Report", "part_of", "PART_OF", True, "The project whose paper it is."),
    Slot("Report", "informs", "INFORMS", True, "Work it informs or helped shape."),
)


def node_kind(name: str) -> NodeKind:
    return NODE_KINDS[name]


def rel_kind(name: str) -> RelKind:
    return REL_KINDS[name]


def slots_of(kind: str) -> dict[str, Slot]:
    """The relationship keys an entry of ``kind`` may carry, by YAML key."""
    return {s.key: s for s in SLOTS if s.owner == kind}


def a_kind(kind: str) -> str:
    """The kind with its article, for messages: "an Organisation", "a Project"."""
    return f"{'an' if kind[:1] in 'AEIOU' else 'a'} {kind}"


def kind_for_file(filename: str) -> str | None:
    return next((k.name for k in NODE_KINDS.values() if k.file == filename), None)


def _check_consistency() -> None:
    """Fail at import if a slot names a relationship its owner cannot take part in."""
    for s in SLOTS:
        rk = REL_KINDS[s.rel]
        ends = rk.starts if s.outgoing else rk.ends
        if s.owner not in ends:
            raise AssertionError(f"slot {s.owner}.{s.key}: {s.owner} cannot be that end of {s.rel}")
        if s.key in NODE_KINDS[s.owner].field_names:
            raise AssertionError(f"slot {s.owner}.{s.key} clashes with a field")


_check_consistency()
