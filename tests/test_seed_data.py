"""The WCLR seed data: it loads clean, every fact names the page it came from, and the ties the
pages state (core partners, the GNLC cluster, the "Building a Learning Region" event) are there.

Checks run on the real ``seed_data`` folder through the CLI and the embedded backend's primitives;
no counts of particular ties are hard-coded, so adding entries keeps them green and losing a
stated tie turns them red.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import SEED, SHARED
from graph.queries.walks import neighbours

SEEDS_DIR = SHARED / "seeds"
SEED_FILE = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")
URL = re.compile(r"^https?://\S+$")

WCLR = "wolverhampton-city-learning-region"
UNIVERSITY = "university-of-wolverhampton"
COUNCIL = "city-of-wolverhampton-council"


@pytest.fixture(scope="module")
def backend():
    from graph.backends.open import open_backend

    return open_backend(SEED)


def _facts(backend):
    """Every node and relationship as (label, sources)."""
    for node in backend.nodes():
        yield f"{node.kind} {node.id}", tuple(node.props.get("sources") or ())
    for tie in backend.relationships():
        yield f"{tie.start} -{tie.kind}-> {tie.end}", tuple(tie.props.get("sources") or ())


def _places_of(backend, node_id: str) -> set[str]:
    """The node itself and every place it is in, following LOCATED_IN outwards."""
    seen, todo = {node_id}, [node_id]
    while todo:
        for tie, other in neighbours(backend, todo.pop(), rel_kinds=["LOCATED_IN"], direction="out"):
            if other.id not in seen:
                seen.add(other.id)
                todo.append(other.id)
    return seen


def test_seed_data_validates_clean(lcg):
    result = lcg("validate", "--data", SEED)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK:"), result.output


def test_seed_data_is_rich(backend):
    nodes, rels = backend.counts()
    assert sum(nodes.values()) > 100, nodes
    assert sum(rels.values()) > 200, rels
    assert set(nodes) == {"Organisation", "Person", "Project", "Network", "Event", "Place", "Theme", "Report"}


def test_every_node_and_relationship_names_its_sources(backend):
    missing = [label for label, sources in _facts(backend) if not sources]
    assert not missing, f"{len(missing)} facts without sources, e.g. {missing[:5]}"
    malformed = sorted({s for _, sources in _facts(backend) for s in sources
                        if not (SEED_FILE.match(s) or URL.match(s))})
    assert not malformed, f"sources that are neither a seed file name nor a URL: {malformed}"


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"seed pages folder {SEEDS_DIR} not present")
def test_every_source_is_an_existing_seed_page_and_every_page_is_used(backend):
    cited = {s for _, sources in _facts(backend) for s in sources if not URL.match(s)}
    unknown = sorted(s for s in cited if not (SEEDS_DIR / s).is_file())
    assert not unknown, f"sources naming no file in {SEEDS_DIR}: {unknown}"
    pages = {p.name for p in SEEDS_DIR.glob("*.txt")}
    assert pages - cited == set(), f"seed pages no fact cites: {sorted(pages - cited)}"


def test_fixed_ids_have_the_kinds_others_rely_on(backend):
    expected = {UNIVERSITY: "Organisation", COUNCIL: "Organisation", "wolverhampton": "Place",
                "cork": "Place", WCLR: "Network", "unesco-gnlc": "Network"}
    found = {i: (backend.node(i).kind if backend.node(i) else None) for i in expected}
    assert found == expected
    assert backend.node(WCLR).props.get("type") == "partnership"


def test_show_university_lists_wclr_partnership_memberships_and_sources(lcg):
    result = lcg("show", UNIVERSITY, "--data", SEED, "--format", "json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["sources"], "the University's entry names no sources"
    ties = info["relationships"]
    partner_in = [t for t in ties if t["direction"] == "out" and t["relationship"] == "PARTNER_IN"]
    assert WCLR in {t["other_id"] for t in partner_in}
    memberships = [t for t in ties if t["direction"] == "out" and t["relationship"] == "MEMBER_OF"]
    assert memberships, "the University is a member of nothing"
    assert all(t["sources"] for t in ties), [t for t in ties if not t["sources"]]
    text = lcg("show", UNIVERSITY, "--data", SEED).stdout
    assert "PARTNER_IN" in text and "MEMBER_OF" in text and "sources:" in text


def test_university_and_council_are_core_partners_of_wclr(backend):
    partners = {other.id for tie, other in neighbours(backend, WCLR, rel_kinds=["PARTNER_IN"], direction="in")}
    assert {UNIVERSITY, COUNCIL} <= partners
    assert all(backend.node(p).kind == "Organisation" for p in partners)


def test_wolverhampton_and_cork_meet_in_the_gnlc_health_and_well_being_cluster(backend):
    clusters = [n for n in backend.nodes(["Network"])
                if "health" in n.name.lower() and any(t.end == "unesco-gnlc" for t, _ in
                                                      neighbours(backend, n.id, rel_kinds=["PART_OF"], direction="out"))]
    assert clusters, "no health and well-being cluster that is part of the UNESCO GNLC"
    for cluster in clusters:
        members = {other.id for _, other in neighbours(backend, cluster.id, rel_kinds=["MEMBER_OF"], direction="in")}
        coordinators = {o.id for _, o in neighbours(backend, cluster.id, rel_kinds=["COORDINATES"], direction="in")}
        if "cork" in coordinators and members & {"wolverhampton", COUNCIL}:
            return
    pytest.fail("no GNLC health and well-being cluster has Wolverhampton (or its council) as a member and Cork as "
                "a coordinating city")


def test_building_a_learning_region_event_links_wolverhampton_to_cork(backend):
    events = [n for n in backend.nodes(["Event"]) if n.name.startswith("Building a Learning Region")]
    assert events, "no 'Building a Learning Region' event"
    event = events[0].id
    reach = set()
    for _, other in neighbours(backend, event):
        reach |= _places_of(backend, other.id)
    reach |= _places_of(backend, event)
    assert "cork" in reach, "nothing at the event is in Cork"
    assert reach & {"wolverhampton", COUNCIL}, "nothing at the event is in Wolverhampton"


# --- say only what the pages say --------------------------------------------------------

def _fold(text: str) -> str:
    """Case, accents, curly quotes, dashes and runs of spaces folded, so a name matches as the page writes it."""
    import unicodedata

    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                                         "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).casefold()


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"seed pages folder {SEEDS_DIR} not present")
def test_every_tie_names_both_ends_in_the_pages_it_cites(backend):
    """A tie to a page that never names one of its ends (by name or alias) states nothing about it."""
    pages = {p.name: _fold(p.read_text(encoding="utf-8")) for p in SEEDS_DIR.glob("*.txt")}
    unnamed = []
    for tie in backend.relationships():
        text = " ".join(pages.get(s, "") for s in tie.props.get("sources", ()))
        for end in (tie.start, tie.end):
            node = backend.node(end)
            names = [node.name, *node.props.get("aliases", ())]
            if not any(_fold(n) in text for n in names):
                unnamed.append(f"{tie.start} -{tie.kind}-> {tie.end}: {end} not named in {tie.props.get('sources')}")
    assert not unnamed, f"{len(unnamed)} ties whose pages do not name an end, e.g. {unnamed[:5]}"


#: Readings the pages do not support (issue 15): each was a tie, none may come back.
STRETCHED = [
    *[("MEMBER_OF", x, WCLR) for x in ("nhs-futures-zone", "wolverhampton-wanderers-foundation",
                                       "university-of-wolverhampton-childrens-university", "learning-city-quarter",
                                       "springfield-campus-project", "wolverhampton-for-everyone",
                                       "skills-support-for-workforce", "wclr-learning-festival")],
    *[("MEMBER_OF", x, "uk-learning-city-network") for x in ("liverpool", "sheffield", "hull", "swansea",
                                                             "norwich", "retford")],
    *[("ADDRESSES", "uk-learning-city-network", t) for t in ("learning-city-partnership",
                                                             "learning-city-participation",
                                                             "learning-city-performance")],
    ("ORGANISED", WCLR, "transformational-change-summit-2019"),
    ("ORGANISED", "geoff-layer", "wclr-launch-2017"),
    ("WORKS_ON", "stuart-connor", "epsrc-regional-digital-inclusion-authorship-project"),
    ("AUTHORED", "national-institute-of-adult-continuing-education", "learning-city-toolkit"),
    ("ADDRESSES", "global-megatrends-and-the-black-country", "futures-of-learning"),
    ("ADDRESSES", "black-country-education-insight-2", "covid-19-community-recovery"),
    ("MEMBER_OF", "city-of-melton", "unesco-gnlc"),
    ("MEMBER_OF", "city-of-wyndham", "unesco-gnlc"),
    ("PART_OF", "pascal-eccowell-2", "pascal-learning-cities-network"),
    ("PART_OF", "education-skills-and-employment-board", "city-board"),
]

#: Ties the pages state (issue 15), each with a relationship kind that says no more than the page.
STATED = [
    ("EVALUATES", "learning-and-work-institute", "cities-of-learning"),
    ("EVALUATES", "cities-of-learning-evaluation", "cities-of-learning"),
    ("ABOUT", "cities-of-learning-evaluation-page", "cities-of-learning-evaluation"),
    ("EVALUATES", "institute-for-community-research-and-development", "social-prescribing-service"),
    ("CONTRIBUTES_TO", "centre-for-international-development-and-training", WCLR),
    ("PART_OF", "wolverhampton", "west-midlands-combined-authority"),
    ("PARTICIPATED_IN", "wolverhampton", "regional-skills-and-productivity-work"),
    ("PARTICIPATED_IN", "west-midlands-combined-authority", "regional-skills-and-productivity-work"),
    ("PARTICIPATED_IN", "black-country", "regional-skills-and-productivity-work"),
    ("COORDINATES", "unesco", "unesco-gnlc"),
    ("COORDINATES", "cork", "gnlc-education-for-health-and-well-being-cluster"),
    ("COORDINATES", "osan", "gnlc-education-for-health-and-well-being-cluster"),
    ("INFORMS", "benefits-of-learning-study", WCLR),
    ("INFORMS", "role-of-learning-in-your-life-study", WCLR),
    ("INFORMS", "learning-and-place-study", WCLR),
    ("INFORMS", "anticipating-a-4th-industrial-revolution", WCLR),
    ("RECOGNISED_BY", "wolverhampton-learning-communities", "uall"),
    ("RECOGNISED_BY", "wolverhampton", "unesco"),
    ("ADVISES", "alan-tuckett", "unesco"),
    ("ADVISES", "alan-tuckett", "world-economic-forum"),
    ("INFORMS", "communities-uncovered", "communities-uncovered-fund"),
    ("PART_OF", "global-megatrends-and-the-black-country", "dial-481-project"),
    ("PUBLISHED", "edtech-hub", "learning-through-the-crisis"),
    ("PUBLISHED", "brill", "postdigital-positionality"),
    ("PUBLISHED", "springer", "digital-inclusion-and-data-book"),
    ("PUBLISHED", "heart-of-england-community-foundation", "communities-uncovered"),
    ("REPORTS_TO", "education-skills-and-employment-board", "city-board"),
    *[("ABOUT", "building-a-learning-region", c) for c in ("bristol", "swansea", "cork")],
    *[("ADDRESSES", "learning-city-toolkit", t) for t in (
        "improving-access-to-learning", "education-and-training-strategy-for-the-local-economy",
        "learning-and-community-participation", "coordination-of-adult-learning-institutions",
        "links-between-education-sectors", "modernising-local-government", "tackling-social-exclusion",
        "regenerating-urban-areas", "achieving-best-value")],
]


def _ties(backend) -> set[tuple[str, str, str]]:
    return {(t.kind, t.start, t.end) for t in backend.relationships()}


def test_stretched_readings_are_gone(backend):
    back = sorted(set(STRETCHED) & _ties(backend))
    assert not back, f"ties the pages do not state: {back}"


def test_ties_the_pages_state_are_there(backend):
    missing = sorted(set(STATED) - _ties(backend))
    assert not missing, f"ties the pages state, missing: {missing}"


def test_awards_say_won_or_shortlisted(backend):
    awards = {(t.start, t.end): t.props for t in backend.relationships() if t.kind == "RECOGNISED_BY"}
    assert awards[("wolverhampton-learning-communities", "uall")]["outcome"] == "won"
    assert awards[("wolverhampton", "unesco")]["outcome"] == "shortlisted"
    assert all(p.get("award") and p.get("date") == "2019" for p in awards.values())


def test_an_entry_without_ties_says_why_in_its_note(backend):
    bare = [n.id for n in backend.nodes() if not neighbours(backend, n.id) and not n.props.get("note")]
    assert not bare, f"entries with no ties and no note saying why: {bare}"


def test_types_from_general_knowledge_are_marked(backend):
    """A type the pages do not state (county, town, state ...) says so in its note."""
    for node_id in ("telford", "staffordshire", "retford", "victoria", "pre-school-learning-alliance",
                    "city-and-guilds-group", "liverpool", "melbourne"):
        node = backend.node(node_id)
        assert "general knowledge" in (node.props.get("note") or ""), node_id


def test_learning_and_work_institute_reaches_cities_of_learning_in_two_hops(lcg):
    result = lcg("path", "Learning and Work Institute", "Cities of Learning programme", "--data", SEED,
                 "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(r["hops"] <= 2 for r in rows), rows
