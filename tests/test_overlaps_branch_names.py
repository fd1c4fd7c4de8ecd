"""Branches under one charity number, told apart by the name each grant gave its recipient.

The 360Giving importer makes one organisation of one org-id and keeps, on each grant's PARTNER_IN tie,
the name the publisher wrote when it is not the organisation's own (``named_as``). Overlaps count two
grants as "the same recipient" only when those names could be one body (graph/dedup/branches.py).
"""

from __future__ import annotations

import json

from conftest import FIXTURES

MHA = FIXTURES / "360giving-branches" / "mha-live-at-home.json"  # two real grants, see its README.md
CHOPWELL = "Methodist Homes Chopwell and Rowlands Gill Live at Home Scheme"
NORTH_SHIELDS = "MHA North Shields Live At Home Scheme"
MHA_ORG = "methodist-homes-chopwell-and-rowlands-gill-live-at-home-scheme"


def _import(lcg, src, out):
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def _overlaps(lcg, data, *args):
    result = lcg("overlaps", "--data", data, "--format", "json", "--min-score", "0", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _grant(gid, recipient_name, *, number="GB-CHC-1083995", text="Befriending calls and shopping for isolated "
           "older people at home during the lockdown", place="North Tyneside"):
    return {"id": gid, "title": text, "description": text, "currency": "GBP", "amountAwarded": 5000,
            "awardDate": "2020-04-07", "fundingOrganization": [{"id": "GB-COH-02273708", "name": "Community Fund"}],
            "plannedDates": [{"startDate": "2020-04-01", "endDate": "2020-09-30"}],
            "recipientOrganization": [{"id": number, "name": recipient_name}],
            "beneficiaryLocation": [{"name": place}]}


def _write(tmp_path, name, grants):
    src = tmp_path / f"{name}.json"
    src.write_text(json.dumps({"grants": grants}), encoding="utf-8")
    return src


def test_the_two_mha_schemes_of_the_real_file_are_not_double_funding(lcg, tmp_path):
    """360G-CFTyneWearNland-000010436 / -000010444: one charity number, two local "Live at Home" schemes, the
    same template text, day and district. Before named_as they were one recipient funded twice."""
    from graph.backends.open import open_backend
    from graph.dedup.branches import Branches
    from graph.dedup.kinds import recipients
    from graph.dedup.records import entity_records, project_records

    data = _import(lcg, MHA, tmp_path / "mha")
    backend = open_backend(data)
    named = {t.end: t.props.get("named_as") for t in backend.relationships(["PARTNER_IN"])}
    assert named == {"360g-cftynewearnland-000010436": None, "360g-cftynewearnland-000010444": NORTH_SHIELDS}
    assert _overlaps(lcg, data) == []
    records = {r.id: r for r in project_records(backend)[0]}
    same, aside = recipients(records["360g-cftynewearnland-000010436"], records["360g-cftynewearnland-000010444"],
                             Branches(entity_records(backend, "Organisation")))
    assert same == frozenset() and aside == ((MHA_ORG, CHOPWELL, NORTH_SHIELDS),)
    shown = lcg("show", "360g-cftynewearnland-000010444", "--data", data)
    assert f"named_as: {NORTH_SHIELDS}" in shown.stdout


def test_the_same_branch_named_on_two_grants_is_still_double_funding(lcg, tmp_path):
    """Two grants naming one scheme are one recipient funded twice, whatever else the number covers; a
    name that differs only by "The", case or legal form is the same name (no named_as is even written when
    it is the organisation's own). A grant to another scheme is parallel work, and says why."""
    grants = [_grant("360G-b-1", CHOPWELL), _grant("360G-b-2", NORTH_SHIELDS), _grant("360G-b-3", NORTH_SHIELDS),
              _grant("360G-s-1", "The Salvation Army Shepton Mallet", number="GB-CHC-214779", place="Taunton",
                     text="Emergency food parcels and hot meals for homeless families"),
              _grant("360G-s-4", "The Salvation Army Shepton Mallet", number="GB-CHC-214779", place="Mendip",
                     text="Emergency food parcels and hot meals for homeless families"),
              _grant("360G-s-2", "The Salvation Army Taunton", number="GB-CHC-214779", place="Taunton",
                     text="Emergency food parcels and hot meals for homeless families"),
              _grant("360G-s-3", "SALVATION ARMY TAUNTON LIMITED", number="GB-CHC-214779", place="Taunton",
                     text="Emergency food parcels and hot meals for homeless families")]
    data = _import(lcg, _write(tmp_path, "branches", grants), tmp_path / "branches")
    rows = {(r["a"], r["b"]): r for r in _overlaps(lcg, data)}
    kinds = {k: r["kind"] for k, r in rows.items()}
    assert kinds[("360g-b-2", "360g-b-3")] == "double-funding"
    assert kinds[("360g-s-2", "360g-s-3")] == "double-funding"
    assert rows[("360g-b-2", "360g-b-3")]["reasons"].startswith(f"same recipient: {CHOPWELL}")
    for other in ("360g-b-2", "360g-b-3"):  # another scheme of the same charity: not one recipient
        row = rows[("360g-b-1", other)]
        assert row["kind"] == "parallel-work"
        assert f"one charity number, two branches: {CHOPWELL} / {NORTH_SHIELDS}" in row["reasons"]
        assert row["evidence"]["branches_set_aside"] == [{"id": MHA_ORG, "name": CHOPWELL, "a": CHOPWELL,
                                                          "b": NORTH_SHIELDS}]
    assert kinds[("360g-s-1", "360g-s-2")] == "parallel-work"  # Shepton Mallet's corps and Taunton's
    # The organisation's own name on both ties (no named_as): one corps, wherever its grants are located;
    # the place rule is for bodies whose ties name no branch at all.
    assert kinds[("360g-s-1", "360g-s-4")] == "double-funding"


def test_named_as_only_where_the_name_key_differs_and_a_reimport_adds_nothing(lcg, tmp_path):
    import yaml

    grants = [_grant("360G-s-1", "The Salvation Army Taunton", number="GB-CHC-214779"),
              _grant("360G-s-2", "SALVATION ARMY TAUNTON LTD", number="GB-CHC-214779"),
              _grant("360G-s-3", "Salvation Army Felixstowe Corps", number="GB-CHC-214779")]
    src = _write(tmp_path, "sa", grants)
    data = _import(lcg, src, tmp_path / "sa")
    (projects,) = data.glob("imports/*/projects.yaml")
    before = projects.read_bytes()
    ties = {p["identifiers"][0]: p["partners"] for p in yaml.safe_load(before)}
    assert ties == {"360G-s-1": [{"id": "the-salvation-army-taunton", "role": "lead"}],
                    "360G-s-2": [{"id": "the-salvation-army-taunton", "role": "lead"}],
                    "360G-s-3": [{"id": "the-salvation-army-taunton", "role": "lead",
                                  "named_as": "Salvation Army Felixstowe Corps"}]}
    assert lcg("validate", "--data", data).exit_code == 0
    again = _import(lcg, src, data)
    assert projects.read_bytes() == before and again == data


ORGS = """\
- id: sa
  name: The Salvation Army Taunton
  aliases: [The Salvation Army Shepton Mallet]
  identifiers: [GB-CHC-214779]
- id: plain
  name: Somerset Foodbank
- id: fund
  name: County Fund
"""
PLACES = """\
- id: taunton
  name: Taunton
- id: shepton-mallet
  name: Shepton Mallet
"""
WORK = "Emergency food parcels and hot meals for homeless families"


def _project(pid, partner, place):
    return (f"- id: {pid}\n  name: {WORK}\n  start: 2020-04\n  end: 2020-09\n  partners: [{partner}]\n"
            f"  funders: [fund]\n  located_in: [{place}]\n")


def test_ties_without_names_keep_the_place_rule(lcg, tmp_path):
    """Hand-written data names no branch on its ties: a body whose names are in two towns is one recipient
    only for grants in the same place (as before named_as); a body with one name is one recipient anywhere."""
    (tmp_path / "organisations.yaml").write_text(ORGS, encoding="utf-8")
    (tmp_path / "places.yaml").write_text(PLACES, encoding="utf-8")
    (tmp_path / "projects.yaml").write_text(
        _project("sa-taunton", "sa", "taunton") + _project("sa-shepton", "sa", "shepton-mallet")
        + _project("sa-taunton-2", "sa", "taunton") + _project("food-taunton", "plain", "taunton")
        + _project("food-shepton", "plain", "shepton-mallet"), encoding="utf-8")
    rows = {(r["a"], r["b"]): r for r in _overlaps(lcg, tmp_path, "--kind", "double-funding")}
    assert set(rows) == {("sa-taunton", "sa-taunton-2"), ("food-shepton", "food-taunton")}
    assert not any("branches" in r["reasons"] for r in rows.values())


def test_recipients_without_named_ties_are_the_previous_rule():
    """Records without per-tie names: the shared partners, less a branched body when the places differ."""
    from itertools import product

    from graph.dedup.branches import Branches
    from graph.dedup.kinds import recipients
    from graph.dedup.records import EntityRecord, ProjectRecord

    def org(oid, name, *aliases):
        return EntityRecord(oid, "Organisation", name, aliases, None, (), frozenset(), frozenset(), 1, None, None,
                            None, {})

    branches = Branches([org("sa", "The Salvation Army Taunton", "The Salvation Army Shepton Mallet"),
                         org("one", "Refuge")])
    assert branches.ids == {"sa"}
    options = [frozenset(), frozenset({"sa"}), frozenset({"one"}), frozenset({"sa", "one"})]
    places = [frozenset({"taunton"}), frozenset({"shepton"})]
    for pa, pb, la, lb in product(options, options, places, places):
        a = ProjectRecord("a", "x", partners=pa, places=la)
        b = ProjectRecord("b", "x", partners=pb, places=lb)
        before = (pa & pb) - ({"sa"} if not la & lb else set())
        assert recipients(a, b, branches)[0] == before


def test_named_as_is_the_same_on_both_backends(lcg, tmp_path, bolt_server):
    """The field travels to a Bolt server as any tie field: `show` and `overlaps` give the same bytes on the
    embedded graph and on the server (the pattern of tests/test_parity.py: the server run gets a folder
    without graph data, so its answer came from the server)."""
    from support.bolt_db import run, wipe

    grants = json.loads(MHA.read_text(encoding="utf-8"))["grants"] + [
        _grant("360G-b-1", CHOPWELL), _grant("360G-b-2", NORTH_SHIELDS), _grant("360G-b-3", NORTH_SHIELDS)]
    data = _import(lcg, _write(tmp_path, "both", grants), tmp_path / "both")
    wipe(bolt_server)
    loaded = lcg("load", "--data", data, env=bolt_server.env())
    assert loaded.exit_code == 0, loaded.output
    stored = run(bolt_server, "MATCH (:Organisation)-[r:PARTNER_IN]->(p:Project) RETURN p.id AS p, r.named_as AS n")
    assert {r["p"]: r["n"] for r in stored}["360g-b-2"] == NORTH_SHIELDS
    empty = tmp_path / "server-only"
    empty.mkdir()
    server_env = {k: v for k, v in bolt_server.env().items() if k != "NEO4J_URI"}
    for args in (["show", MHA_ORG], ["show", "360g-b-2"], ["overlaps", "--min-score", "0"]):
        for fmt in ("json", "table"):
            embedded = lcg(*args, "--format", fmt, "--data", data)
            server = lcg(*args, "--format", fmt, "--data", empty, "--neo4j", bolt_server.uri, env=server_env)
            assert embedded.exit_code == 0 == server.exit_code, server.output
            assert server.stdout == embedded.stdout
    assert NORTH_SHIELDS in embedded.stdout and "one charity number, two branches" in embedded.stdout
    wipe(bolt_server)


def test_show_lists_every_tie_field_of_the_schema():
    """`lcg show` and its CSV name tie fields from a list: a field added to the schema must be in it."""
    from graph import schema
    from graph.describe import TIE_FIELDS, TIE_COLUMNS

    fields = {f.name for k in schema.REL_KINDS.values() for f in k.fields} - {"sources"}
    assert fields <= set(TIE_FIELDS) and fields <= set(TIE_COLUMNS)


def test_a_recipient_written_in_another_file_is_compared_with_its_own_name(lcg, tmp_path):
    """The organisation may be hand-written beside the import (known to the importer by its normalised
    names): a grant naming it as written there adds no named_as, one naming another corps does."""
    import yaml

    (tmp_path / "organisations.yaml").write_text(
        "- id: salvation-army-taunton\n  name: Salvation Army (Taunton)\n  identifiers: [GB-CHC-214779]\n",
        encoding="utf-8")
    src = _write(tmp_path, "sa", [_grant("360G-s-1", "The Salvation Army, Taunton", number="GB-CHC-214779"),
                                  _grant("360G-s-2", "Salvation Army Felixstowe Corps", number="GB-CHC-214779")])
    data = _import(lcg, src, tmp_path)
    (projects,) = data.glob("imports/*/projects.yaml")
    ties = {p["identifiers"][0]: p["partners"][0] for p in yaml.safe_load(projects.read_text(encoding="utf-8"))}
    assert ties == {"360G-s-1": {"id": "salvation-army-taunton", "role": "lead"},
                    "360G-s-2": {"id": "salvation-army-taunton", "role": "lead",
                                 "named_as": "Salvation Army Felixstowe Corps"}}


def test_two_records_decided_the_same_body_are_one_recipient(lcg, tmp_path):
    """`lcg decide A B same` before the merge is made: overlaps read the two records as one body, so their
    grants for one work are that body's double funding, not "different organisations" (a funders' analyst's
    trial: the decision changed nothing in overlaps)."""
    (tmp_path / "organisations.yaml").write_text(
        ORGS + "- id: foodbank-ltd\n  name: The Somerset Food Bank Ltd\n", encoding="utf-8")
    (tmp_path / "places.yaml").write_text(PLACES, encoding="utf-8")
    (tmp_path / "projects.yaml").write_text(
        _project("one", "plain", "taunton") + _project("two", "foodbank-ltd", "taunton"), encoding="utf-8")
    (row,) = _overlaps(lcg, tmp_path)
    assert row["kind"] == "parallel-work" and "different organisations" in row["reasons"], row
    assert lcg("decide", "plain", "foodbank-ltd", "same", "--data", tmp_path).exit_code == 0
    (row,) = _overlaps(lcg, tmp_path)
    assert row["kind"] == "double-funding" and "same recipient" in row["reasons"], row
