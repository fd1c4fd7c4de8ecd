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
    wider = neighbours(backend, WCLR, rel_kinds=["MEMBER_OF"], direction="in")
    assert wider, "the WCLR partnership lists no wider members"


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
        if "cork" in members and members & {"wolverhampton", COUNCIL}:
            return
    pytest.fail("no GNLC health and well-being cluster has both Cork and Wolverhampton (or its council) as members")


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
