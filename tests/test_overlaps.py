"""`lcg overlaps`: planted overlaps found with the right reasons, different work not flagged."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from graph.dedup import weights as W
from graph.dedup.overlaps import combine, find_overlaps, signals
from graph.dedup.records import ProjectRecord

DATA = FIXTURES / "dedup" / "overlaps"
HEADLINE = ("digital-skills-adults", "get-online-wolverhampton")
SAME_FUNDER = ("food-bank-taunton", "food-bank-yeovil")


def _rows(lcg, *args, data=DATA):
    result = lcg("overlaps", "--data", data, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _pairs(rows):
    return {(r["a"], r["b"]): r for r in rows}


def test_planted_overlaps_found_and_nothing_else(lcg):
    assert set(_pairs(_rows(lcg))) == {HEADLINE, SAME_FUNDER}


def test_headline_reasons_in_words(lcg):
    row = _pairs(_rows(lcg))[HEADLINE]
    reasons = row["reasons"]
    assert row["kind"] == "double-funding"
    assert reasons.startswith("same partners: Age UK Wolverhampton, Wolverhampton Libraries; ")
    assert ("one funded by National Lottery Community Fund (GBP 60,000), "
            "the other funded by Black Country Skills Trust (GBP 45,000)") in reasons
    assert "periods overlap by 10 months (2020-01 to 2021-06; 2020-09 to 2021-12)" in reasons
    assert "both in Wolverhampton" in reasons
    assert "both address Adult skills, Digital inclusion; for adults with no qualifications" in reasons
    assert "both: adults, applying, banking, basic, calls, digital, email, jobs, online, qualifications, video" in reasons
    assert row["signals"]["funders"] == W.FUNDERS_DIFFERENT
    assert row["evidence"]["same_recipient"] == [{"id": "age-uk-wolverhampton", "name": "Age UK Wolverhampton"},
                                                 {"id": "wolves-library", "name": "Wolverhampton Libraries"}]
    assert row["evidence"]["timing"] == {"relation": "overlap", "months": 10}
    assert [p["amount"] for p in row["evidence"]["payers"]["a"] + row["evidence"]["payers"]["b"]] == [60000, 45000]


def test_same_funder_twice_is_said_so(lcg):
    row = _pairs(_rows(lcg))[SAME_FUNDER]
    assert "both funded by Somerset Community Foundation (GBP 2,000 and GBP 1,500)" in row["reasons"]
    assert row["signals"]["funders"] == W.FUNDERS_SAME
    assert row["kind"] == "parallel-work"  # two food banks, one county, the same weeks


def test_pairs_form_groups(lcg):
    rows = _rows(lcg)
    groups = {r["group"] for r in rows}
    assert len(groups) == 2  # two separate overlaps, two groups


def test_filters(lcg):
    assert set(_pairs(_rows(lcg, "--project", "get-online-wolverhampton"))) == {HEADLINE}
    assert set(_pairs(_rows(lcg, "--project", "Dudley Community Gardens"))) == set()
    assert set(_pairs(_rows(lcg, "--theme", "food-poverty"))) == {SAME_FUNDER}
    assert set(_pairs(_rows(lcg, "--place", "West Midlands"))) == {HEADLINE}  # Wolverhampton is within it
    assert set(_pairs(_rows(lcg, "--since", "2021"))) == {HEADLINE}
    assert set(_pairs(_rows(lcg, "--min-score", "0.99"))) == set()


def test_unknown_project_is_one_clear_error(lcg):
    result = lcg("overlaps", "--data", DATA, "--project", "no-such-project")
    assert result.exit_code == 1 and "no-such-project" in result.output and "Traceback" not in result.output


def test_proposal_is_checked_against_everything_loaded(lcg):
    rows = _rows(lcg, "--proposal", DATA / "proposal.yaml")
    assert [r["b"] for r in rows][:2] and {r["b"] for r in rows} == set(HEADLINE)
    assert all(r["a"] == "digital-champions-bid" for r in rows)
    assert "one funded by City of Wolverhampton Council, the other funded by" in rows[0]["reasons"]
    assert {r["kind"] for r in rows} == {"parallel-work"}  # the proposal names no partner: not the same organisation


def test_decisions_are_honoured(lcg, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    result = lcg("decide", *SAME_FUNDER, "accepted-overlap", "--data", data)
    assert result.exit_code == 0, result.output
    assert set(_pairs(_rows(lcg, data=data))) == {HEADLINE}
    shown = _pairs(_rows(lcg, "--include-decided", data=data))
    assert shown[SAME_FUNDER]["decision"] == "accepted overlap"


def test_weight_override_changes_score_and_bad_name_is_an_error(lcg):
    base = _pairs(_rows(lcg))[HEADLINE]["score"]
    more = _pairs(_rows(lcg, "--weight", "funders=1.0"))[HEADLINE]["score"]
    assert more > base
    result = lcg("overlaps", "--data", DATA, "--weight", "colour=1")
    assert result.exit_code == 2 and "'colour' is not an overlap weight" in result.output and "--weight" in result.output


def _project(i, text, **kw):
    return ProjectRecord(f"p{i}", text, "", **kw)


def test_unrelated_projects_in_the_same_place_and_time_are_not_flagged():
    shared = dict(themes=frozenset({"t"}), places=frozenset({"wolverhampton"}), start="2020", end="2021")
    records = [_project(1, "Coding club for girls at the central library", funders=frozenset({"f1"}), **shared),
               _project(2, "Allotment gardening for retired residents", funders=frozenset({"f2"}), **shared)]
    assert find_overlaps(records, min_score=0.0) == []


SIG = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
SIGNALS = st.fixed_dictionaries({k: SIG for k in W.OVERLAP_WEIGHTS})


@settings(max_examples=200, deadline=None)
@given(SIGNALS, st.sampled_from(sorted(W.OVERLAP_WEIGHTS)), SIG)
def test_score_is_monotone_in_each_signal_and_bounded(sig, name, bump):
    low = combine(sig, W.OVERLAP_WEIGHTS)
    higher = dict(sig, **{name: max(sig[name], bump)})
    high = combine(higher, W.OVERLAP_WEIGHTS)
    assert 0.0 <= low <= high + 1e-12 <= 1.0 + 1e-12


@pytest.mark.parametrize("change, signal", [
    (dict(partners=frozenset({"x"})), "partners"),
    (dict(places=frozenset({"p"})), "place"),
    (dict(start="2020", end="2021"), "dates"),
])
def test_each_shared_fact_raises_its_signal(change, signal):
    a = ProjectRecord("a", "x", "", funders=frozenset({"f"}))
    b = ProjectRecord("b", "x", "", funders=frozenset({"g"}))
    before = signals(a, b, 0.5)[signal]
    after = signals(ProjectRecord("a", "x", "", funders=frozenset({"f"}), **change),
                    ProjectRecord("b", "x", "", funders=frozenset({"g"}), **change), 0.5)[signal]
    assert after > before


class _PrimitivesOnly:
    """A backend offering only ``nodes`` and ``relationships``, built straight from the dataset
    (no networkx): what the projection may rely on, so a Cypher backend gives the same rows."""

    def __init__(self, dataset):
        from graph.backends.base import NodeRecord, Tie

        self._nodes = sorted((NodeRecord(n.id, n.kind, dict(n.props)) for n in dataset.nodes), key=lambda n: n.id)
        self._ties = sorted((Tie(r.kind, r.start, r.end, dict(r.props)) for r in dataset.rels), key=Tie.sort_key)

    def nodes(self, kinds=None):
        return [n for n in self._nodes if kinds is None or n.kind in kinds]

    def relationships(self, kinds=None):
        return [t for t in self._ties if kinds is None or t.kind in kinds]


def test_same_rows_from_any_backend_offering_the_primitives():
    from graph.backends.open import open_backend
    from graph.dataset import load_dataset
    from graph.queries.overlaps import overlap_rows

    embedded = overlap_rows(open_backend(DATA))
    bare = overlap_rows(_PrimitivesOnly(load_dataset(DATA)))
    assert embedded == bare and len(embedded) == 2


@pytest.mark.parametrize("a_kw, b_kw, expected", [
    (dict(commissioned=("x",)), dict(commissioned=("y",)), "one commissioned by X Council, the other commissioned by Y Trust"),
    (dict(funded=("x",)), dict(commissioned=("y",)), "one funded by X Council, the other commissioned by Y Trust"),
    (dict(funded=("x",)), dict(funded=("x",)), "both funded by X Council"),
])
def test_funders_and_commissioners_are_named_as_such(a_kw, b_kw, expected):
    from graph.dedup.overlaps import score_pair

    def record(pid, funded=(), commissioned=()):
        return ProjectRecord(pid, "Digital skills study", "", funders=frozenset(funded),
                             commissioners=frozenset(commissioned))

    from graph.dedup.distinctive import DistinctiveWords

    a, b = record("a", **a_kw), record("b", **b_kw)
    names = {"x": "X Council", "y": "Y Trust"}
    pair = score_pair(a, b, DistinctiveWords([a, b], names), names)
    assert expected in pair.reasons


def test_related_work_listed_only_when_asked(lcg, tmp_path):
    """Same two themes, a different funder, different words: not a duplicate, but related work."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with open(data / "projects.yaml", "a", encoding="utf-8") as fh:
        fh.write("- id: heritage-archive-volunteers\n"
                 "  name: Heritage archive volunteers\n"
                 "  description: Volunteers catalogue photographs of the old canal works for the museum.\n"
                 "  funders: [somerset-cf]\n"
                 "  themes: [digital-inclusion, adult-skills]\n")
    plain = _pairs(_rows(lcg, data=data))
    assert not any("heritage-archive-volunteers" in pair for pair in plain)
    related = [r for r in _rows(lcg, "--related", data=data) if r["kind"] == "related"]
    assert {tuple(sorted((r["a"], r["b"]))) for r in related} == {
        ("digital-skills-adults", "heritage-archive-volunteers"),
        ("get-online-wolverhampton", "heritage-archive-volunteers")}
    assert all(r["group"] is None for r in related)
    assert all("both address Adult skills, Digital inclusion" in r["reasons"] for r in related)


def _fails(lcg, *args):
    result = lcg("overlaps", "--data", DATA, *args)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    return result.output


def test_filters_resolve_names_like_every_other_command(lcg):
    assert set(_pairs(_rows(lcg, "--project", "Get Online Wolverhámpton"))) == {HEADLINE}  # accents optional
    assert set(_pairs(_rows(lcg, "--theme", "FOOD POVERTY"))) == {SAME_FUNDER}
    out = _fails(lcg, "--project", "COVID-19 emergency food bank funding")
    assert "matches several nodes: food-bank-taunton, food-bank-yeovil" in out
    assert "'lottery-fund' is an Organisation, expected a Project" in _fails(lcg, "--project", "lottery-fund")
    assert "'Wolverhampton' is a Place, expected a Theme" in _fails(lcg, "--theme", "Wolverhampton")
    # an exact id of another kind wins over a project that only mentions it (Dudley Community Gardens
    # is a project and the garden club's name; garden-club is the organisation's id)
    assert "'garden-club' is an Organisation, expected a Project" in _fails(lcg, "--project", "garden-club")
    assert "'Dudley' is a Place, expected a Project" in _fails(lcg, "--project", "Dudley")
    assert "no node with id or name 'no-such-place'" in _fails(lcg, "--place", "no-such-place")
    # only part of another kind's name: no place has it (a trial read "is an Organisation" of its town's name)
    assert "no Place is named 'Lottery' (the nearest name is an Organisation's" in _fails(lcg, "--place", "Lottery")


def test_filters_resolve_aliases(lcg, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    themes = data / "themes.yaml"
    themes.write_text(themes.read_text().replace("name: Food poverty,", "name: Food poverty, aliases: [Hunger],"))
    assert set(_pairs(_rows(lcg, "--theme", "hunger", data=data))) == {SAME_FUNDER}


def test_a_chain_of_overlaps_does_not_become_one_group():
    from graph.dedup.groups import overlap_groups

    chain = [("a", "b", 0.9), ("b", "c", 0.8), ("c", "d", 0.7)]
    groups = overlap_groups(chain)
    assert groups[("a", "b")] == groups[("b", "c")] != groups[("c", "d")]
    long_chain = [(f"p{i:02}", f"p{i + 1:02}", 0.9 - i / 100) for i in range(30)]
    assert len(set(overlap_groups(long_chain).values())) >= 10


PAIRS = st.lists(st.tuples(st.sampled_from("abcdefghij"), st.sampled_from("abcdefghij"),
                           st.floats(0.5, 1.0)).filter(lambda t: t[0] < t[1]), max_size=30,
                 unique_by=lambda t: (t[0], t[1]))


@settings(max_examples=80, deadline=None)
@given(PAIRS, st.randoms())
def test_every_group_is_a_star_and_order_does_not_matter(pairs, rnd):
    from graph.dedup.groups import overlap_groups

    groups = overlap_groups(pairs)
    assert set(groups) == {(a, b) for a, b, _ in pairs}
    linked = {frozenset((a, b)) for a, b, _ in pairs}
    for g in set(groups.values()):
        members = {x for pair, n in groups.items() if n == g for x in pair}
        assert any(all(m == c or frozenset((m, c)) in linked for m in members) for c in members), members
    shuffled = list(pairs)
    rnd.shuffle(shuffled)
    assert overlap_groups(shuffled) == groups


def test_proposal_with_a_bad_field_is_one_line(lcg, tmp_path):
    proposal = tmp_path / "p.yaml"
    proposal.write_text("- name: Coding club\n  start: 2019-13-45\n", encoding="utf-8")
    result = lcg("overlaps", "--data", DATA, "--proposal", proposal)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == (f"Error: {proposal}: start: bad date '2019-13-45' "
                                     "(expected YYYY, YYYY-MM or YYYY-MM-DD)")


def test_proposal_with_an_unknown_partner_is_one_line(lcg, tmp_path):
    proposal = tmp_path / "p.yaml"
    proposal.write_text("- name: Coding club\n  partners: [lotery-fund]\n", encoding="utf-8")
    result = lcg("overlaps", "--data", DATA, "--proposal", proposal)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: proposal partners: unknown id 'lotery-fund' (closest: lottery-fund")


def test_csv_carries_each_signal_as_a_column(lcg):
    import csv
    import io

    result = lcg("overlaps", "--data", DATA, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_pair = {(r["a"], r["b"]): r for r in rows}
    as_json = _pairs(_rows(lcg))
    assert set(by_pair) == set(as_json)
    for pair, row in by_pair.items():
        for name, value in as_json[pair]["signals"].items():
            assert float(row[f"signal_{name}"]) == value


def test_library_errors_are_typed_and_name_the_value():
    """The library raises LcgError subclasses a caller can tell apart (issue 11), not bare LcgError."""
    from graph.backends.open import open_backend
    from graph.errors import BadOption, WrongKind
    from graph.queries.overlaps import overlap_rows

    backend = open_backend(DATA)
    with pytest.raises(BadOption) as bad_kind:
        overlap_rows(backend, kinds=["duplicate"])
    assert bad_kind.value.option == "kinds" and bad_kind.value.value == "duplicate"
    with pytest.raises(BadOption) as bad_weight:
        overlap_rows(backend, weights={"text": float("nan")})
    assert bad_weight.value.option == "weight" and "finite number" in str(bad_weight.value)
    with pytest.raises(WrongKind) as wrong:
        overlap_rows(backend, project="lottery-fund")
    assert wrong.value.node_id == "lottery-fund"
