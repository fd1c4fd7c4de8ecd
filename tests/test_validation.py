"""`lcg validate`: every problem at once, each as file:line: id: what is wrong (expected ...)."""

from __future__ import annotations

import shutil

import pytest

from graph.dataset import check_dataset, load_dataset
from graph.errors import ValidationFailed

from conftest import FIXTURES

BROKEN = FIXTURES / "broken"

EXPECTED = {
    "syntax": [
        "organisations.yaml:6: YAML syntax error at column 1: found unexpected end of stream "
        "(while scanning a quoted scalar that starts at line 4) (expected valid YAML: check indentation, quotes and colons)",
    ],
    "unknown-field": [
        "organisations.yaml:3: org-one: unknown field 'webiste' for Organisation (did you mean 'website'? "
        "expected one of: id, name, type, aliases, website, identifiers, address, postcode, phone, description, sources, note, member_of, "
        "part_of, located_in, themes, advises, awards, contributes_to, reports_to, people)",
    ],
    "missing-required": [
        "people.yaml:1: nameless-person: missing required field 'name' (Name as the sources write it)",
        "people.yaml:3: entry 2: missing required field 'id' (expected a slug such as 'city-of-example')",
    ],
    "duplicate-id": [
        "themes.yaml:3: same-id: duplicate id (already used by Organisation entry 1 of organisations.yaml; "
        "expected ids unique across all files)",
    ],
    "unknown-ref": [
        "projects.yaml:4: project-one: partners: unknown id 'universty-of-example' (closest: university-of-example); "
        "expected an id defined in a data file",
    ],
    "wrong-kind": [
        "projects.yaml:3: project-two: funders: 'ada' is a Person, but FUNDS here expects Organisation",
    ],
    "bad-values": [
        "organisations.yaml:3: funder: website: bad URL 'www.example.org' (expected one starting with http:// or https://)",
        "organisations.yaml:4: funder: identifiers: bad identifier '1164883' (expected an org-id such as "
        "GB-CHC-1164883 or GB-COH-01234567)",
        "projects.yaml:4: project-three: end 2020 is before start 2021",
        "projects.yaml:6: project-three: funders: amount: bad amount '£5k' (expected a number >= 0 such as 25000, "
        "without currency signs or commas)",
        "projects.yaml:6: project-three: funders: currency: bad currency 'pounds' (expected an ISO 4217 code such as GBP)",
        "projects.yaml:8: project-three: partners: from: bad date '2019-02-30' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        "projects.yaml:8: project-three: partners: role: bad role 'boss' (expected one of: lead, partner, delivery)",
    ],
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_broken_fixture_lists_its_problems_and_exits_1(lcg, case):
    data = BROKEN / case
    result = lcg("validate", "--data", data)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{data}/{line}" for line in EXPECTED[case]]
    n = len(EXPECTED[case])
    assert f"Error: {n} problem{'s' if n > 1 else ''} in {data}" in result.stderr
    assert "Traceback" not in result.output


def test_all_problems_of_all_files_come_in_one_run(tmp_path):
    for case in ("unknown-field", "wrong-kind", "bad-values"):
        for f in (BROKEN / case).iterdir():
            (tmp_path / f.name).write_text((tmp_path / f.name).read_text() + f.read_text()
                                           if (tmp_path / f.name).exists() else f.read_text())
    _, problems = check_dataset(tmp_path)
    assert len(problems) == 1 + 1 + 7


def test_clean_data_validates_with_exit_0(lcg):
    result = lcg("validate", "--data", FIXTURES / "tiny")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "OK: 7 nodes and 9 relationships" in result.stderr


def test_loading_is_all_or_nothing():
    with pytest.raises(ValidationFailed) as err:
        load_dataset(BROKEN / "bad-values")
    assert len(err.value.errors) == 7
    assert "nothing was loaded" in str(err.value)


def test_yaml_object_tags_are_refused_not_executed(tmp_path, lcg):
    (tmp_path / "organisations.yaml").write_text(
        "- id: evil\n  name: !!python/object/apply:os.system ['touch " + str(tmp_path / "pwned") + "']\n")
    result = lcg("validate", "--data", tmp_path)
    assert result.exit_code == 1
    assert "organisations.yaml:2: YAML syntax error" in result.stdout
    assert "(expected plain YAML without tags such as !!python/object: remove the tag)" in result.stdout
    assert not (tmp_path / "pwned").exists()


def test_missing_folder_is_one_line(lcg, tmp_path):
    result = lcg("stats", "--data", tmp_path / "nope")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: data folder")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_tie_written_on_both_ends_is_one_relationship_with_both_sources(tmp_path):
    shutil.copytree(FIXTURES / "tiny", tmp_path, dirs_exist_ok=True)
    ds = load_dataset(tmp_path)
    member = [r for r in ds.rels if r.kind == "MEMBER_OF" and r.start == "university-of-example"]
    assert len(member) == 1
    assert member[0].props["since"] == "2018"


def test_conflicting_duplicate_tie_is_an_error(tmp_path):
    shutil.copytree(FIXTURES / "tiny", tmp_path, dirs_exist_ok=True)
    nets = tmp_path / "networks.yaml"
    nets.write_text(nets.read_text().replace("members: [fundacion-cordoba, university-of-example]",
                                             "members: [fundacion-cordoba, {id: university-of-example, since: '2019'}]"))
    _, problems = check_dataset(tmp_path)
    assert [p.message for p in problems] == [
        "members: MEMBER_OF university-of-example -> example-learning-network is written twice with different "
        "since ('2018' and '2019'); expected one value"]


def test_dataset_is_immutable():
    ds = load_dataset(FIXTURES / "tiny")
    with pytest.raises(TypeError):
        ds.nodes[0].props["name"] = "changed"
    with pytest.raises(AttributeError):
        ds.nodes[0].kind = "Person"


def test_file_that_is_not_utf8_is_one_clear_problem(tmp_path, lcg):
    (tmp_path / "themes.yaml").write_bytes(b"- id: ok\n  name: Fine\n- id: bad\n  name: \"caf\xe9\"\n")
    (tmp_path / "places.yaml").write_text("- id: here\n  nme: Here\n", encoding="utf-8")
    result = lcg("validate", "--data", tmp_path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    assert f"{tmp_path}/themes.yaml:4: column 13: byte 0xe9 is not UTF-8 text (expected UTF-8: save the file as UTF-8)" \
        in lines
    assert any(line.startswith(f"{tmp_path}/places.yaml:2: here: unknown field 'nme'") for line in lines), lines


def test_unquoted_impossible_dates_are_problems_not_tracebacks(tmp_path, lcg):
    """PyYAML would build a date from 2019-02-30 and fail with a bare ValueError."""
    (tmp_path / "projects.yaml").write_text(
        "- id: p\n  name: P\n  start: 2019-02-30\n  end: 2019-06-01\n"
        "- id: q\n  name: Q\n  start: 2019-01-30\n", encoding="utf-8")
    (tmp_path / "networks.yaml").write_text(
        "- id: n\n  name: N\n  members:\n    - {id: q, since: 2019-13-01}\n", encoding="utf-8")
    result = lcg("validate", "--data", tmp_path)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stdout.splitlines() == [
        f"{tmp_path}/networks.yaml:4: n: members: since: bad date '2019-13-01' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        f"{tmp_path}/projects.yaml:3: p: start: bad date '2019-02-30' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
    ]


def test_unquoted_valid_dates_read_as_written(tmp_path):
    (tmp_path / "projects.yaml").write_text("- id: p\n  name: P\n  start: 2019-01-30\n", encoding="utf-8")
    (node,) = load_dataset(tmp_path).nodes
    assert node.props["start"] == "2019-01-30"


def test_self_ties_and_hierarchy_loops_are_problems(tmp_path, lcg):
    (tmp_path / "organisations.yaml").write_text(
        "- id: uni\n  name: Uni\n  part_of: [faculty]\n"
        "- id: faculty\n  name: Faculty\n  part_of: [uni]\n"
        "- id: lab\n  name: Lab\n  part_of: [lab]\n"
        "- id: centre\n  name: Centre\n  part_of: [uni]\n", encoding="utf-8")
    (tmp_path / "places.yaml").write_text(
        "- id: city\n  name: City\n  located_in: [region]\n"
        "- id: region\n  name: Region\n  located_in: [country]\n"
        "- id: country\n  name: Country\n", encoding="utf-8")
    result = lcg("validate", "--data", tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path}/organisations.yaml:6: faculty: part_of: 'uni' closes a loop of PART_OF ties back to 'faculty'; "
        "expected a hierarchy (nothing is part of itself)",
        f"{tmp_path}/organisations.yaml:9: lab: part_of: 'lab' is this entry itself; expected another id",
    ]


def test_validate_checks_the_decisions_file(tmp_path, lcg):
    import shutil

    shutil.copytree(FIXTURES / "tiny", tmp_path / "d")
    (tmp_path / "d" / "decisions.yaml").write_text("- pair: [a, b]\n  decision: same\n  date: 2019-13-45\n"
                                                   "- pair: [a]\n  decision: same\n", encoding="utf-8")
    result = lcg("validate", "--data", tmp_path / "d")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "decisions.yaml entry 2: expected pair: [id-a, id-b] with two different ids" in result.stdout
