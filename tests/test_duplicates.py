"""`lcg duplicates`: name variants found with reasons, different bodies kept apart, decisions honoured."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from graph.dedup.duplicates import EntityRecord, find_duplicates, groups_of
from graph.dedup.names import TokenWeights, name_key, name_similarity

DATA = FIXTURES / "dedup" / "duplicates"


def _expected_pairs():
    """Pairs of fixture records tagged with the same "same:<tag>" note."""
    entries = yaml.safe_load((DATA / "organisations.yaml").read_text())
    tags: dict[str, list[str]] = {}
    for e in entries:
        if str(e.get("note", "")).startswith("same:"):
            tags.setdefault(e["note"], []).append(e["id"])
    return {frozenset((a, b)) for ids in tags.values() for i, a in enumerate(ids) for b in ids[i + 1:]}


def _rows(lcg, *args, data=DATA):
    result = lcg("duplicates", "--data", data, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_fixture_pairs_are_exactly_the_tagged_ones_apart_from_ambiguous_initials(lcg):
    found = {frozenset((r["keep"], r["merge"])) for r in _rows(lcg)}
    expected = _expected_pairs()
    # "UoW" is the initials of Warwick too, so on its own it is not enough here (see the next test).
    expected -= {frozenset(("uow", x)) for x in ("university-of-wolverhampton", "univ-wolverhampton")}
    assert found == expected


def test_initials_match_when_they_fit_one_name_only():
    recs = [EntityRecord("a", "Organisation", "University of Wolverhampton"), EntityRecord("b", "Organisation", "UoW")]
    (pair,) = find_duplicates(recs)
    assert pair.score >= 0.8 and "initials" in pair.reasons[0]
    recs.append(EntityRecord("c", "Organisation", "University of Warwick"))
    assert all(p.score < 0.8 for p in find_duplicates(recs, min_score=0.0) if "b" in (p.a, p.b))


@pytest.mark.parametrize("a, b", [
    ("University of Wolverhampton", "University of Warwick"),
    ("Somerset Community Foundation", "Community Council for Somerset"),
    ("Bright Futures CIC", "Bright Horizons Ltd"),
    ("Black Country Consortium", "Black Country Chamber of Commerce"),
    ("City of Wolverhampton College", "City of Wolverhampton Council"),
])
def test_different_bodies_do_not_match(a, b):
    recs = [EntityRecord("a", "Organisation", a), EntityRecord("b", "Organisation", b)]
    assert find_duplicates(recs) == []


def test_reasons_name_the_evidence(lcg):
    rows = {frozenset((r["keep"], r["merge"])): r for r in _rows(lcg)}
    assert "same identifier GB-CHC-1076694" in rows[frozenset(("age-concern-wlv", "age-uk-wolverhampton"))]["reasons"]
    assert "same website wvactive.co.uk" in rows[frozenset(("wv-active", "wolverhampton-leisure"))]["reasons"]
    assert "1 person attached to both (sam-patel)" in \
        rows[frozenset(("black-country-consortium", "bc-consortium-ltd"))]["reasons"]


def test_the_table_heads_an_edit_for_review_as_no_advice_to_merge(lcg):
    """Under the table each pair's edit follows: a merge to make, or, for a pair to review, the edit a
    reviewer who finds the two one body would make; the heading says which."""
    out = lcg("duplicates", "--data", DATA, "--min-score", "0", "--edits", "all").stdout
    rows = {frozenset((r["keep"], r["merge"])): r for r in _rows(lcg, "--min-score", "0")}
    hub = rows[frozenset(("learning-hub-a", "learning-hub-b"))]
    assert hub["action"] == "review"
    assert f"# for review: if they are one body, merge {hub['merge']} into {hub['keep']} (score" in out
    merged = next(r for r in rows.values() if r["action"] == "merge")
    assert f"\n# merge {merged['merge']} into {merged['keep']} (score" in out


def test_the_table_gives_the_merges_edits_and_says_how_to_see_the_rest(lcg):
    """New users' trials read 1,900 to 5,200 lines in an 80-column terminal, most of them the edits of pairs for
    review: by default only the merges' edits follow the table, and a line says the command that prints the rest;
    ``--edits none`` prints none."""
    done = lcg("duplicates", "--data", DATA, "--min-score", "0")
    reviews = [r for r in _rows(lcg, "--min-score", "0") if r["action"] == "review" and r["change"]]
    assert reviews and "# for review:" not in done.stdout and "\n# merge " in done.stdout
    err = done.stderr.splitlines()
    at = next(i for i, line in enumerate(err) if line.startswith("The edits of the"))
    assert err[at].startswith(f"The edits of the {len(reviews)} pairs for review") and err[at + 1] == (
        f"lcg duplicates --min-score 0.0 --edits all --data {DATA}"), err
    assert "# for review:" in lcg(*err[at + 1].split()[1:]).stdout  # the command, pasted
    assert "\n# " not in lcg("duplicates", "--data", DATA, "--edits", "none").stdout


def test_in_a_terminal_the_edits_comment_lines_fit_and_the_yaml_is_whole(lcg, monkeypatch):
    import cli

    wide = lcg("duplicates", "--data", DATA).stdout
    monkeypatch.setattr(cli, "table_width", lambda: 60)
    narrow = lcg("duplicates", "--data", DATA).stdout
    comments = [line for line in narrow.splitlines() if line.startswith("#")]
    assert any(len(line) > 60 for line in wide.splitlines() if line.startswith("# ")), "no long comment to fit"
    assert comments and all(len(line) <= 60 or " " not in line[4:] for line in comments)
    # the YAML lines are the same, in the same order: a wrapped one would not paste
    assert [x for x in narrow.splitlines() if not x.startswith("#")][-20:] == \
        [x for x in wide.splitlines() if not x.startswith("#")][-20:]


def test_in_a_narrow_terminal_a_pair_is_a_few_lines_naming_both_records_and_why(lcg, monkeypatch):
    """Trials' 80 columns gave each pair thirteen lines, one field a line (1,755 lines for a food trial's 135 pairs
    before the edits): a pair is its group, action and score, the two records and the reasons, wrapped."""
    import cli

    rows = [r for r in _rows(lcg, "--min-score", "0") if r["change"]]
    monkeypatch.setattr(cli, "table_width", lambda: 72)
    out = lcg("duplicates", "--data", DATA, "--min-score", "0").stdout
    pairs = out.split("\n# ")[0].strip("\n").split("\n\n")
    assert len(pairs) == len(rows) and all(len(line) <= 72 for p in pairs for line in p.splitlines())
    for block, r in zip(pairs, rows):
        lines = block.splitlines()
        assert lines[0].startswith(f"group {r['group']}, {r['action']}, score {r['score']}"), block
        assert r["merge_name"] in block.replace("\n      ", " ") and r["keep"] in block and "  why: " in block
        assert len(lines) <= 4 + len(r["reasons"]) // 60 + 4, block


def test_a_last_line_counts_what_the_advice_comes_to(lcg):
    result = lcg("duplicates", "--data", DATA, "--min-score", "0", "--format", "json")
    rows = json.loads(result.stdout)
    merges = [r for r in rows if r["action"] == "merge"]
    assert merges and len(merges) < len(rows)
    assert result.stderr.splitlines()[-1].startswith(
        f"{len(rows)} pairs: {len(merges)} to merge in {len({r['group'] for r in merges})} group"), result.stderr
    assert f"{len(rows) - len(merges)} to review" in result.stderr


def test_the_counts_fit_a_narrow_terminal(lcg, monkeypatch):
    """A faith trial's 80 columns ended in the counts on one line of 132 characters, though the same counts at the
    top were wrapped."""
    import cli

    monkeypatch.setattr(cli, "table_width", lambda: 40)
    result = lcg("duplicates", "--data", DATA, "--min-score", "0")
    lines = [line for line in result.stderr.splitlines()  # (a command pastes whole)
             if not line.startswith(("The merges alone: ", "lcg duplicates "))]
    assert "to merge in" in result.stderr and all(len(line) <= 40 for line in lines), result.stderr


def test_action_shows_only_the_merges_or_only_the_pairs_to_review(lcg):
    every = _rows(lcg, "--min-score", "0")
    for action in ("merge", "review"):
        result = lcg("duplicates", "--data", DATA, "--min-score", "0", "--format", "json", "--action", action)
        shown = json.loads(result.stdout)
        assert shown == [r for r in every if r["action"] == action] and shown
        assert result.stderr.splitlines()[-1].startswith(f"{len(every)} pairs: ")  # the count line counts all
        assert result.stderr.splitlines()[-1].endswith(f"; shown: the {len(shown)} to {action}")


def test_different_charity_numbers_keep_same_names_apart(lcg):
    low = {frozenset((r["keep"], r["merge"])): r for r in _rows(lcg, "--min-score", "0")}
    row = low[frozenset(("learning-hub-a", "learning-hub-b"))]
    assert row["score"] < 0.8 and "different GB-CHC numbers" in row["reasons"]
    # a pair below the reporting score, listed because a lower minimum was asked for, is never a merge
    assert row["action"] == "review" and "below 0.8, the score a merge is advised at" in row["reasons"]
    assert all(r["action"] == "review" for r in low.values() if r["score"] < 0.8)


def test_merge_change_keeps_the_other_name_as_alias(lcg):
    rows = {frozenset((r["keep"], r["merge"])): r for r in _rows(lcg)}
    row = rows[frozenset(("age-concern-wlv", "age-uk-wolverhampton"))]
    change = yaml.safe_load(row["change"])  # comments are dropped by the parser
    assert change[0]["id"] == row["keep"]
    assert row["merge_name"] in change[0]["aliases"]
    assert f"delete entry {row['merge']}" in row["change"]


def test_people_titles_ignored(lcg):
    rows = _rows(lcg, "--kind", "person")
    assert [(r["keep"], r["merge"]) for r in rows] == [("jane-smith", "jane-smith-2")]


def test_decisions_are_honoured(lcg, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = {frozenset((r["keep"], r["merge"])) for r in _rows(lcg, data=data)}
    pair = frozenset(("wv-active", "wolverhampton-leisure"))
    assert pair in before
    result = lcg("decide", "wv-active", "wolverhampton-leisure", "distinct", "--note", "two bodies", "--data", data)
    assert result.exit_code == 0, result.output
    after = {frozenset((r["keep"], r["merge"])) for r in _rows(lcg, data=data)}
    assert after == before - {pair}
    shown = [r for r in _rows(lcg, "--include-decided", data=data) if frozenset((r["keep"], r["merge"])) == pair]
    assert shown[0]["decision"] == "distinct"
    # shown, it is no advice to merge: decided apart, it has no edit and joins no merge group
    assert shown[0]["action"] == "decided" and shown[0]["change"] == ""
    table = lcg("duplicates", "--data", data, "--include-decided")
    assert "into wolverhampton-leisure" not in table.stdout and "into wv-active" not in table.stdout
    assert table.stderr.splitlines()[-1].endswith(", 1 decided")
    # asked for alone, the decided pairs are shown (they were "(no rows)" without --include-decided)
    decided = _rows(lcg, "--action", "decided", data=data)
    assert [frozenset((r["keep"], r["merge"])) for r in decided] == [pair]


def test_bad_decisions_file_is_one_clear_error(lcg, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "decisions.yaml").write_text("- pair: [a, b]\n  decision: maybe\n")
    result = lcg("duplicates", "--data", data)
    assert result.exit_code == 1
    assert "bad decision 'maybe'" in result.output and "Traceback" not in result.output


def test_groups_from_pairs_are_connected_components():
    assert groups_of([("a", "b"), ("c", "d"), ("b", "c"), ("x", "y")]) == [["a", "b", "c", "d"], ["x", "y"]]


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=4), st.sampled_from(["Ltd", "Limited", "CIC", "C.I.C.", "N.V.", "B.V."]),
       st.booleans())
@example(["department"], "Ltd", False)  # a unit's word before a comma, then only a legal form: the name, kept
def test_legal_form_case_and_the_never_change_a_name(words, form, the):
    plain = " ".join(words)
    variant = ("The " if the else "") + plain.upper() + ", " + form
    a, b = name_key(plain), name_key(variant)
    weight = TokenWeights([a, b])
    assert name_similarity(a, b, weight)[0] == 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=4), st.lists(WORD, min_size=1, max_size=4))
def test_name_similarity_is_symmetric_and_bounded(x, y):
    a, b = name_key(" ".join(x)), name_key(" ".join(y))
    weight = TokenWeights([a, b])
    s1, s2 = name_similarity(a, b, weight)[0], name_similarity(b, a, weight)[0]
    assert 0.0 <= s1 <= 1.0 and s1 == pytest.approx(s2)


def test_decide_resolves_names_and_writes_ids(lcg, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    result = lcg("decide", "WV-Active", "Wolverhampton Leisure", "distinct", "--data", data)
    assert result.exit_code == 0, result.output
    entries = yaml.safe_load((data / "decisions.yaml").read_text())
    assert entries[0]["pair"] == sorted(["wv-active", "wolverhampton-leisure"])
    pairs = {frozenset((r["keep"], r["merge"])) for r in _rows(lcg, data=data)}
    assert frozenset(("wv-active", "wolverhampton-leisure")) not in pairs


@pytest.mark.parametrize("a, b, expect", [
    ("no-such-thing", "wv-active", "no node with id or name 'no-such-thing'"),
    ("Smith", "wv-active", "'Smith' matches several nodes: jane-smith, jane-smith-2, john-smith"),
    ("wv-active", "WV-ACTIVE", "two different records"),
    ("jane-smith", "wv-active", "jane-smith is a Person and wv-active is an Organisation"),
])
def test_decide_rejects_unknown_ambiguous_and_same(lcg, tmp_path, a, b, expect):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    result = lcg("decide", a, b, "distinct", "--data", data)
    assert result.exit_code == 1
    assert expect in result.output and "Traceback" not in result.output
    assert not (data / "decisions.yaml").exists()


def test_initials_alone_are_no_evidence_for_people():
    recs = [EntityRecord("stuart-connor", "Person", "Stuart Connor", aliases=("Connor", "S.")),
            EntityRecord("sarah-hayes", "Person", "Sarah Hayes", aliases=("Hayes", "S")),
            EntityRecord("sam-hill", "Person", "Sam Hill", aliases=("Dr S. H.",)),
            EntityRecord("sue-hunt", "Person", "Sue Hunt", aliases=("S.H.",))]
    assert find_duplicates(recs, min_score=0.0) == []
    orgs = [EntityRecord("a", "Organisation", "Alpha Trust", aliases=("A",)),
            EntityRecord("b", "Organisation", "Acorn Trust", aliases=("A.",))]
    assert all(p.score < 0.8 for p in find_duplicates(orgs, min_score=0.0))


def test_seed_people_have_no_false_duplicates(lcg):
    from conftest import SEED

    rows = _rows(lcg, "--kind", "person", data=SEED)
    merged = {frozenset((r["keep"], r["merge"])) for r in rows}
    assert frozenset(("stuart-connor", "sarah-hayes")) not in merged
    assert all(r["score"] < 1.0 for r in rows), rows


def test_a_part_is_not_a_duplicate_of_the_whole():
    whole = EntityRecord("unesco", "Organisation", "UNESCO")
    part = EntityRecord("uil", "Organisation", "UNESCO Institute for Lifelong Learning", part_of=frozenset({"unesco"}))
    assert find_duplicates([whole, part], min_score=0.0) == []
    assert find_duplicates([EntityRecord("unesco", "Organisation", "UNESCO", part_of=frozenset({"uil"})),
                            EntityRecord("uil", "Organisation", "UNESCO Institute for Lifelong Learning")],
                           min_score=0.0) == []
    unlinked = EntityRecord("uil", "Organisation", "UNESCO Institute for Lifelong Learning")
    assert find_duplicates([whole, unlinked], min_score=0.0)  # the same names unlinked are still offered


def test_seed_part_of_pairs_are_not_offered(lcg):
    from conftest import SEED

    rows = _rows(lcg, "--min-score", "0.3", data=SEED)
    pairs = {frozenset((r["keep"], r["merge"])) for r in rows}
    assert frozenset(("unesco", "unesco-institute-for-lifelong-learning")) not in pairs


def test_merge_change_of_same_names_adds_no_empty_aliases():
    from graph.queries.duplicates import merge_change

    keep = EntityRecord("a", "Organisation", "Learning Hub", degree=2)
    drop = EntityRecord("b", "Organisation", "Learning Hub", identifiers=("GB-CHC-1",))
    change = merge_change(keep, drop)
    assert "aliases" not in change
    assert yaml.safe_load(change) == [{"id": "a", "identifiers": ["GB-CHC-1"]}]


def test_decisions_raise_typed_errors(tmp_path):
    from graph.dedup.decisions import load_decisions, record_decision
    from graph.errors import DataDirNotFound, DecisionsFileError, OutOfRange, SameNode

    with pytest.raises(SameNode):
        record_decision(tmp_path, "a", "a", "same")
    with pytest.raises(OutOfRange, match="'maybe' is not a decision"):
        record_decision(tmp_path, "a", "b", "maybe")
    with pytest.raises(DataDirNotFound):
        record_decision(tmp_path / "missing", "a", "b", "same")
    (tmp_path / "decisions.yaml").write_text("- {pair: [a, a], decision: same}\n")
    with pytest.raises(DecisionsFileError, match="entry 1: expected pair"):
        load_decisions(tmp_path)


def test_deciding_same_keeps_the_merge_listed_once(lcg, tmp_path):
    """A pair decided the same is a merge still to make: listed once, as before, with its edit; deciding
    says the records are still two and which command lists the merge."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = [r for r in _rows(lcg, data=data) if {r["keep"], r["merge"]} == {"learning-works", "learnng-works"}]
    done = lcg("decide", "learning-works", "learnng-works", "same", "--data", data)
    assert done.exit_code == 0
    hint = done.stderr.split("the edit that merges them is listed by ", 1)[1].strip()
    assert hint == f"lcg duplicates --data {data}"
    for args in ((), ("--include-decided",)):
        rows = [r for r in _rows(lcg, *args, data=data) if {r["keep"], r["merge"]} == {"learning-works", "learnng-works"}]
        assert [(r["action"], r["change"]) for r in rows] == [(r["action"], r["change"]) for r in before]
    assert [r["decision"] for r in _rows(lcg, "--include-decided", data=data)
            if {r["keep"], r["merge"]} == {"learning-works", "learnng-works"}] == ["same"]


def test_a_name_two_records_share_is_ambiguous_whatever_their_ids(lcg, tmp_path):
    """Two campuses written with one name: the one whose id the name spells is no likelier the one meant, so
    a decision by that name names both instead of taking one without a word."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: city-of-wolverhampton-college, name: City of Wolverhampton College, address: Paget Road}\n"
        "- {id: city-of-wolverhampton-college-2, name: City of Wolverhampton College, address: Bilston}\n"
        "- {id: bilston-college, name: Bilston College}\n")
    result = lcg("decide", "City of Wolverhampton College", "Bilston College", "distinct", "--data", data)
    assert result.exit_code != 0 and "Traceback" not in result.output
    # each with where it is (a trial's ten "Boots" were ten ids and nothing to tell them apart)
    assert ("matches several nodes: city-of-wolverhampton-college (Paget Road), city-of-wolverhampton-college-2 "
            "(Bilston)") in result.output
    assert lcg("decide", "city-of-wolverhampton-college-2", "Bilston College", "distinct", "--data", data).exit_code == 0


def test_a_name_as_written_names_its_record_and_an_ambiguous_one_lists_every_record_of_it(lcg, tmp_path):
    """A faith trial's `lcg decide "St Jude's Church" "St Jude's Church Hall" distinct` recorded "St Judes Church"
    (whose id the words fold to) and the hall, without a word; "Masjid E Noor" was several records but the list
    left out "Masjid-e-Noor", the register's."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: st-jude-s-church, name: \"St Jude's Church\", address: \"St Jude's Road, Wolverhampton\"}\n"
        "- {id: st-judes-church, name: St Judes Church}\n"
        "- {id: st-jude-s-church-hall, name: \"St Jude's Church Hall\"}\n"
        "- {id: masjid-e-noor, name: Masjid-e-Noor, address: \"73 Cannock Road, Wolverhampton\"}\n"
        "- {id: masjid-e-noor-2, name: masjid e noor}\n"
        "- {id: masjid-e-noor-3, name: Masjid E Noor}\n")
    shown = lcg("show", "St Jude's Church", "--data", data)
    assert shown.exit_code == 0 and "st-jude-s-church" in shown.output and "st-judes-church" not in shown.output
    assert lcg("decide", "St Jude's Church", "St Jude's Church Hall", "distinct", "--data", data).exit_code == 0
    import yaml

    assert [d["pair"] for d in yaml.safe_load((data / "decisions.yaml").read_text())] == [
        ["st-jude-s-church", "st-jude-s-church-hall"]]
    result = lcg("decide", "Masjid E Noor", "St Judes Church", "distinct", "--data", data)
    assert result.exit_code != 0 and all(i in result.output for i in ("masjid-e-noor (Wolverhampton)",
                                                                       "masjid-e-noor-2", "masjid-e-noor-3"))
    assert lcg("show", "st-judes-church", "--data", data).exit_code == 0  # an id still names its record


def test_no_pair_says_how_to_list_less_alike_ones_keeping_the_users_options(lcg, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "people.yaml").write_text("- {id: jane-smith, name: Jane Smith}\n- {id: jo-bloggs, name: Jo Bloggs}\n")
    result = lcg("duplicates", "--kind", "person", "--data", data)
    assert result.exit_code == 0
    assert (f"`lcg duplicates --min-score 0.6 --kind Person --data {data}` lists less alike pairs, for review"
            in result.stderr), result.stderr
    decided = lcg("duplicates", "--action", "decided", "--data", data)
    assert "--min-score" not in decided.stderr  # a lower score decides nothing


def test_a_place_and_a_network_of_one_name_are_no_ambiguity(lcg, tmp_path):
    """Only two records of one kind and one name are two answers: a city and the network named after it are
    told apart by their kinds, as before."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "places.yaml").write_text("- {id: wolverhampton, name: Wolverhampton, type: city}\n")
    (data / "networks.yaml").write_text("- {id: wolverhampton-network, name: Wolverhampton}\n")
    result = lcg("gaps", "--city", "Wolverhampton", "--data", data)
    assert result.exit_code == 0 and "matches several" not in result.stderr, result.stderr


def test_in_a_terminal_a_long_list_says_first_what_it_comes_to_and_how_to_see_the_merges_alone(lcg, monkeypatch):
    """A trial's 80-column terminal scrolled 3,539 lines of records before the count line: in a terminal a long
    list starts with it, wrapped to the width, and the command that lists the merges alone, whole on its line."""
    import cli

    monkeypatch.setattr(cli, "table_width", lambda: 60)
    result = lcg("duplicates", "--data", DATA, "--min-score", "0")
    first = result.stderr.splitlines()
    rows = _rows(lcg, "--min-score", "0")
    assert len(rows) > 10 and first[0].startswith(f"{len(rows)} pairs: ") and all(len(x) <= 60 for x in first[:2])
    # with the user's own options (a review's find: --min-score was dropped)
    assert f"The merges alone: lcg duplicates --action merge --min-score 0.0 --data {DATA}" in result.stderr, \
        result.stderr
    monkeypatch.setattr(cli, "table_width", lambda: None)  # piped: the count line last only
    assert "The merges alone" not in lcg("duplicates", "--data", DATA, "--min-score", "0").stderr

