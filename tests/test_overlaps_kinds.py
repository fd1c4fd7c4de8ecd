"""Kinds of overlap, evidence specific to the two projects, and scores that other records cannot move (issue 11)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.dedup.distinctive import DistinctiveWords
from graph.dedup.overlaps import find_overlaps, related_pairs, score_pair
from graph.dedup.records import ProjectRecord

WORK = "Hospital-based IDVA service in A&E supporting survivors of domestic abuse at the Royal Infirmary"
NAMES = {"safe": "SAFE Partnership", "refuge": "Refuge North", "f1": "County Fund", "f2": "City Trust",
         "cf": "Somerset Community Foundation", "wolfson": "Wolfson Foundation", "town": "Exeter"}


def rec(pid, text, *, partners=(), funders=("f1",), places=("town",), start="2020-04", end="2021-03", **kw):
    return ProjectRecord(pid, text, "", partners=frozenset(partners), funders=frozenset(funders),
                         places=frozenset(places), start=start, end=end, **kw)


def kinds(records, **kw):
    return {(p.a, p.b): p.kind for p in find_overlaps(records, names=NAMES, min_score=0.0, **kw)}


def test_double_funding_same_organisation_overlapping_periods_two_funders():
    a = rec("a", WORK, partners=("safe",), funders=("f1",))
    b = rec("b", "IDVA in A&E for survivors of domestic abuse, Royal Infirmary", partners=("safe",), funders=("f2",),
            start="2020-10", end="2021-09")
    pair = find_overlaps([a, b], names=NAMES)[0]
    assert pair.kind == "double-funding"
    assert pair.reasons[0] == "same recipient: SAFE Partnership"
    assert "one funded by County Fund, the other funded by City Trust" in pair.reasons
    assert "periods overlap by 6 months (2020-04 to 2021-03; 2020-10 to 2021-09)" in pair.reasons
    assert any(r.startswith("both: a&e, abuse, domestic, idva, infirmary") for r in pair.reasons)
    assert pair.evidence["timing"] == {"relation": "overlap", "months": 6}


def test_continuation_same_work_paid_for_again_afterwards():
    a = rec("a", WORK, partners=("safe",), start="2018-04", end="2019-03")
    b = rec("b", WORK, partners=("safe",), start="2020-04", end="2021-03")
    pair = find_overlaps([a, b], names=NAMES)[0]
    assert pair.kind == "continuation"
    assert "the second starts 12 months after the first ends (2018-04 to 2019-03; 2020-04 to 2021-03)" in pair.reasons


def test_parallel_work_different_organisations_same_place_same_time():
    a = rec("a", WORK, partners=("safe",))
    b = rec("b", "Domestic abuse IDVA at the Royal Infirmary A&E", partners=("refuge",), funders=("f2",))
    assert kinds([a, b]) == {("a", "b"): "parallel-work"}
    elsewhere = rec("b", "Domestic abuse IDVA at the Royal Infirmary A&E", partners=("refuge",), places=("other",))
    assert kinds([a, elsewhere]) == {}  # the same work elsewhere is not parallel work
    later = rec("b", "Domestic abuse IDVA at the Royal Infirmary A&E", partners=("refuge",), start="2023", end="2023")
    assert kinds([a, later]) == {}


def test_back_to_back_periods_are_parallel_work_for_two_organisations_and_continuation_for_one():
    # "2016" then "2017": the later begins the day after the earlier ends (grant dates are award dates and
    # planned periods); a calendar-month count called that "1 month apart" and the pair fell into no kind.
    a = rec("a", WORK, partners=("safe",), start="2016", end="2016")
    b = rec("b", "Domestic abuse IDVA at the Royal Infirmary A&E", partners=("refuge",), funders=("f2",),
            start="2017", end="2017")
    pair = find_overlaps([a, b], names=NAMES)[0]
    assert pair.kind == "parallel-work"
    assert pair.evidence["timing"] == {"relation": "adjacent", "months": 0}
    assert any(r.startswith("back to back: the second starts within a month of the first's end") for r in pair.reasons)
    same = rec("b", WORK, partners=("safe",), start="2017-01", end="2017-12")
    assert kinds([a, same]) == {("a", "b"): "continuation"}
    month_gap = rec("b", "Domestic abuse IDVA at the Royal Infirmary A&E", partners=("refuge",), start="2017-02",
                    end="2017-12")
    assert kinds([a, month_gap]) == {}  # a whole month between them: apart, not at the same time


def test_related_work_shares_themes_and_has_different_payers():
    a = rec("a", "Coding club for girls", themes=frozenset({"t1", "t2"}))
    b = rec("b", "Allotment gardening for retired residents", funders=("f2",), themes=frozenset({"t1", "t2"}))
    assert [(p.a, p.b, p.kind) for p in related_pairs([a, b], [], names=NAMES)] == [("a", "b", "related")]


def _template_grants(n=12):
    towns = ["taunton", "yeovil", "frome", "wells", "chard", "street", "bruton", "minehead", "watchet", "ilminster",
             "crewkerne", "glastonbury"]
    return [rec(f"g{i}", f"COVID19 Emergency food bank funding in {towns[i].title()}", partners=(f"org{i}",),
                funders=("cf",), places=("somerset",), start="2020-04", end="2020-06") for i in range(n)]


def test_template_text_across_towns_is_not_an_overlap():
    grants = _template_grants()
    assert kinds(grants) == {}
    words = DistinctiveWords(grants, NAMES)
    pair = score_pair(grants[0], grants[1], words, NAMES)
    assert pair.kind is None
    assert "only their funders' or programmes' usual words in common: bank, food" in pair.reasons


def test_grant_to_recipient_titles_and_recipient_names_are_not_evidence():
    names = {**NAMES, "u1": "University of Exeter", "u2": "Exeter College"}
    a = rec("a", "Grant to University of Exeter. New chemistry laboratories", partners=("u1",), funders=("wolfson",))
    b = rec("b", "Grant to Exeter College. Music technology equipment", partners=("u2",), funders=("wolfson",))
    words = DistinctiveWords([a, b], names)
    assert score_pair(a, b, words, names).evidence["shared_words"] == []
    assert find_overlaps([a, b], names=names) == []


def test_awards_naming_different_people_are_different_work():
    text = "Merit Award made to Professor {} , School of Ocean and Earth Science"
    a = rec("a", text.format("Alberto Garabato"), partners=("u",), funders=("wolfson",))
    b = rec("b", text.format("Paul Wilson"), partners=("u",), funders=("wolfson",))
    assert kinds([a, b]) == {}


def test_two_core_grants_to_one_organisation_at_once_are_double_funding():
    a = rec("a", "Core costs. Unrestricted funding during the crisis", partners=("safe",), funders=("f1",))
    b = rec("b", "Emergency grant. Core unrestricted funding", partners=("safe",), funders=("f2",))
    assert kinds([a, b]) == {("a", "b"): "double-funding"}
    other = rec("b", "Emergency grant. Core unrestricted funding", partners=("refuge",), funders=("f2",))
    assert kinds([a, other]) == {}  # two organisations' core grants: nothing says the work is the same


def test_one_funder_everywhere_is_not_evidence():
    texts = ["Coding club for girls", "Allotment gardening for retirees", "Choir for people with dementia",
             "Repair cafe for bicycles", "English classes for refugees", "Swimming lessons for toddlers",
             "Debt advice drop-in", "Men's shed woodwork", "Youth football league", "Baby bank clothing",
             "Reading buddies in primary schools", "Museum late openings"]
    grants = [rec(f"g{i}", t, partners=(f"org{i}",), funders=("hub",)) for i, t in enumerate(texts)]
    assert kinds(grants) == {}


UNRELATED = st.lists(st.tuples(st.sampled_from(["choir", "football", "allotment", "coding", "debt", "refugees",
                                                 "domestic", "abuse", "idva", "infirmary", "bicycles"]),
                               st.sampled_from(["g1", "g2", "g3"]), st.sampled_from(["town", "other"])),
                     max_size=25)


@settings(max_examples=60, deadline=None)
@given(UNRELATED, st.booleans())
def test_score_does_not_depend_on_unrelated_records_or_a_filter(extra, filtered):
    """Records of other funders (another funder's file), however worded, and a filter leave the score as it was."""
    a = rec("a", WORK, partners=("safe",), funders=("f1",))
    b = rec("b", "IDVA in A&E for survivors of domestic abuse", partners=("safe",), funders=("f2",))
    alone = score_pair(a, b, DistinctiveWords([a, b], NAMES), NAMES)
    others = [rec(f"x{i}", f"{w} project {i}", partners=(f"o{i}",), funders=(f,), places=(p,))
              for i, (w, f, p) in enumerate(extra)]
    words = DistinctiveWords([a, b, *others], NAMES)
    assert score_pair(a, b, words, NAMES).score == alone.score
    listed = find_overlaps([a, b] if filtered else [a, b, *others], words=words, names=NAMES)
    assert [(p.a, p.b, p.score) for p in listed if {p.a, p.b} == {"a", "b"}] == [("a", "b", alone.score)]


def test_programme_node_kind_filter_and_summary_end_to_end(lcg, tmp_path):
    """A 360Giving programme becomes a node both grants are part of; --kind filters; the summary counts kinds."""
    grant = {"currency": "GBP", "amountAwarded": 5000, "awardDate": "2020-04-01",
             "fundingOrganization": [{"id": "GB-CHC-2000002", "name": "Test Foundation"}],
             "grantProgramme": [{"title": "Covid Fund"}],
             "plannedDates": [{"startDate": "2020-04-01", "endDate": "2020-09-30"}]}
    grants = [{**grant, "id": "360G-t-1", "title": "Telephone befriending for isolated older residents",
               "recipientOrganization": [{"id": "GB-CHC-1000001", "name": "Age Concern Town"}]},
              {**grant, "id": "360G-t-2", "title": "Telephone befriending for isolated older residents (extension)",
               "recipientOrganization": [{"id": "GB-CHC-1000001", "name": "Age Concern Town"}]}]
    src = tmp_path / "g.json"
    src.write_text(json.dumps({"grants": grants}))
    data = tmp_path / "data"
    assert lcg("import", "360giving", src, "-o", data).exit_code == 0
    result = lcg("overlaps", "--data", data, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["kind"] for r in rows] == ["double-funding"]
    assert "same programme: Covid Fund" in rows[0]["reasons"]
    assert rows[0]["evidence"]["programmes"]["shared"] == ["Covid Fund"]
    assert "1 pair: 1 double-funding, 0 continuation, 0 parallel-work" in result.stderr
    none = lcg("overlaps", "--data", data, "--format", "json", "--kind", "parallel-work")
    assert json.loads(none.stdout) == [] and "0 pairs:" in none.stderr
    bad = lcg("overlaps", "--data", data, "--kind", "duplicate")
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_branches_under_one_charity_number_in_different_towns_are_not_one_recipient(lcg, tmp_path):
    """The Salvation Army's corps share one charity number; the importer makes them one organisation with
    several names, and keeps on each grant's tie the corps it named (``named_as``). Two grants to corps in
    two towns are not double funding; nor are two corps' grants in one town (parallel work of two corps);
    two grants naming one corps still are, wherever they are located."""
    def grant(gid, name, town):
        return {"id": gid, "title": "Emergency food parcels and hot meals for homeless families",
                "currency": "GBP", "amountAwarded": 2000, "awardDate": "2020-04-07",
                "fundingOrganization": [{"id": "GB-CHC-2000002", "name": "Test Foundation"}],
                "plannedDates": [{"startDate": "2020-04-01", "endDate": "2020-06-30"}],
                "recipientOrganization": [{"id": "GB-CHC-214779", "name": name}],
                "beneficiaryLocation": [{"name": town}]}

    def kinds(grants, name):
        src = tmp_path / f"{name}.json"
        src.write_text(json.dumps({"grants": grants}))
        data = tmp_path / name
        assert lcg("import", "360giving", src, "-o", data).exit_code == 0
        result = lcg("overlaps", "--data", data, "--format", "json")
        assert result.exit_code == 0, result.output
        return [r["kind"] for r in json.loads(result.stdout)]

    two_towns = [grant("360G-t-1", "The Salvation Army Taunton", "Taunton"),
                 grant("360G-t-2", "The Salvation Army Shepton Mallet", "Shepton Mallet")]
    assert kinds(two_towns, "towns") == []
    one_town = [grant("360G-t-1", "The Salvation Army Taunton", "Taunton"),
                grant("360G-t-2", "The Salvation Army Shepton Mallet", "Taunton")]
    assert kinds(one_town, "town") == ["parallel-work"]
    one_name = [grant("360G-t-1", "The Salvation Army Taunton", "Taunton"),  # not branched: one recipient
                grant("360G-t-2", "The Salvation Army Taunton", "Bridgwater")]
    assert kinds(one_name, "name") == ["double-funding"]


def test_a_named_person_ends_at_a_possessive_and_is_no_acronym():
    """"Professor Hayes' EPSRC funded project" names Hayes: reading EPSRC as the surname made two grants naming
    Professor Hayes look like awards to two different people (seed data, the HDI and authorship projects)."""
    from graph.dedup.kinds import people

    assert people("Professor Hayes' EPSRC funded Human Data Interaction project") == {"hayes"}
    assert people("Professor Hayes has just won a second EPSRC grant") == {"hayes"}
    assert people("Professor A. Smith and Dr Sach Mukherjee") == {"smith", "mukherjee"}
    assert people("Dr. John Smith's lab") == {"smith"}


def test_branched_bodies_are_names_in_different_places_not_other_spellings():
    from graph.dedup.branches import branched_bodies
    from graph.dedup.records import EntityRecord

    def org(oid, name, *aliases):
        return EntityRecord(oid, "Organisation", name, aliases, None, ("GB-CHC-1",), frozenset(), frozenset(), 1,
                            None, None, None, {})

    orgs = [org("sa", "The Salvation Army Taunton", "The Salvation Army Shepton Mallet"),
            org("ageuk", "Age UK Dorchester", "Age UK Colchester"),
            org("ps", "Philharmonia Orchestra", "Philharmonia Ltd"),  # a legal form: one body
            org("lw", "Learning and Work Institute", "L&W"),  # initials: one body
            org("one", "Refuge")]
    assert branched_bodies(orgs) == {"sa", "ageuk"}


def test_two_small_areas_of_one_authority_are_one_place_when_both_texts_name_it_even_in_a_recipients_name():
    """Food parcels "in the Halcon Estate, Taunton" and "in Taunton" by The Salvation Army Taunton (COVID-19
    snapshot, Taunton Deane 009E and 007A): "taunton" is not evidence of the same work (it is in a recipient's
    name), but it still says where both work."""
    names = {**NAMES, "sa": "The Salvation Army Taunton", "ted": "Taunton East Development Trust",
             "td7": "Taunton Deane 007A", "td9": "Taunton Deane 009E", "md": "Mendip 014E"}
    a = rec("a", "Food parcels for vulnerable families in the Halcon Estate, Taunton", partners=("ted",),
            places=("td9",))
    b = rec("b", "Food parcels for vulnerable families and support to the homeless in Taunton", partners=("sa",),
            places=("td7",))
    pair = find_overlaps([a, b], names=names)[0]
    assert pair.kind == "parallel-work" and "taunton" not in pair.evidence["shared_words"]
    elsewhere = rec("b", "Food parcels for vulnerable families and support to the homeless", partners=("sa",),
                    places=("td7",))
    assert find_overlaps([a, elsewhere], names=names) == []  # one text does not name Taunton: not one place
