"""Merge advice on a folder that grew by imports, followed as a coordinator would, on real 360Giving files.

The advice must name the file each entry is really in (a folder holds several files per kind), and a
merge of two imported records must last: a re-import rewrites an import's own files, so the kept entry
moves into the user's own file, and a re-import then links its grants to it and keeps writing what the
user's file still names (an imported ward the merged entry is located in).
"""

from __future__ import annotations

import json

import yaml

from conftest import SHARED

DATA = SHARED / "data"
COVID = DATA / "360giving-covid19-multifunder" / "covid19-grants-2020-04-16.json"
WOLFSON = DATA / "360giving-wolfson-esmee" / "wolfson-grants.json"


def _apply(data, edits: list[dict]) -> None:
    """The advised edits, file by file: a moved entry added to its new file, deletions, slot replacements."""
    for e in edits:
        path = data / e["file"]
        entries = (yaml.safe_load(path.read_text()) if path.exists() else None) or []
        if "move_from" in e:
            entries.append(e["value"])
        elif e.get("delete"):
            entries = [x for x in entries if x["id"] != e["entry"]]
        for x in entries:
            if x["id"] != e["entry"] or "move_from" in e:
                continue
            for field, values in e.get("add", {}).items():
                x[field] = [*(x.get(field) or []), *values]
            x.update(e.get("set", {}))
            if "slot" in e:
                x[e["slot"]] = [({**v, "id": e["by"]} if v["id"] == e["replace"] else v) if isinstance(v, dict)
                                else (e["by"] if v == e["replace"] else v) for v in x.get(e["slot"]) or []]
        path.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True))


def _orgs(lcg, data) -> int:
    stats = json.loads(lcg("stats", "--data", data, "--format", "json").stdout)
    return next(r["count"] for r in stats if (r["type"], r["kind"]) == ("node", "Organisation"))


def test_merging_two_imported_records_names_their_files_and_survives_re_imports(lcg, tmp_path):
    """Wolfson's file writes "Living Options Devon" as the COVID-19 file does, and a grant is credited to the
    folder's record of its name (``giving360_build._same_name``): here Wolfson's copy writes it with "Ltd", as
    another funder's file would, so the two imports hold two records of one body."""
    data = tmp_path / "data"
    wolfson = tmp_path / WOLFSON.name
    wolfson.write_text(WOLFSON.read_text(encoding="utf-8").replace('"Living Options Devon"',
                                                                  '"Living Options Devon Ltd"'), encoding="utf-8")
    for f in (COVID, wolfson):
        assert lcg("import", "360giving", f, "-o", data).exit_code == 0
    rows = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    imported = {p.relative_to(data).as_posix() for p in data.glob("imports/*/*.yaml")}
    row = next(r for r in rows if r["action"] == "merge")
    # each record says where it is and the file it came from: two records of one name are told apart so
    assert {row["keep_where"].rsplit("; ", 1)[-1], row["merge_where"].rsplit("; ", 1)[-1]} == {
        "covid19-grants-2020-04-16.json", "wolfson-grants.json"}, row
    from graph import open_backend
    from graph.entry_files import EntryFiles
    from graph.queries.duplicates import duplicate_rows

    with open_backend(data) as g:
        edits = next(r["edits"] for r in duplicate_rows(g, where=EntryFiles(data))
                     if (r["keep"], r["merge"]) == (row["keep"], row["merge"]))
    # every file named is one the entry is really in: both records are in two different imports' files
    assert {e["file"] for e in edits if "move_from" not in e} <= imported
    moved = next(e for e in edits if "move_from" in e)
    assert moved["file"] == "organisations.yaml" and moved["move_from"] in imported
    assert moved["entry"] == row["keep"] and f"# {moved['move_from']}: then delete entry {row['keep']}" in row["change"]
    # a delete in a file an import writes says the import will not bring the entry back (as below it does not)
    assert row["change"].count("; importing again leaves it out)") == 2, row["change"]
    dropped = next(e for e in edits if e.get("delete") and e["entry"] == row["merge"])
    assert dropped["file"] in imported and dropped["file"] != moved["move_from"]
    before = _orgs(lcg, data)
    _apply(data, edits)
    v = lcg("validate", "--data", data)
    assert v.exit_code == 0, v.output
    assert _orgs(lcg, data) == before - 1
    kept = next(e for e in yaml.safe_load((data / "organisations.yaml").read_text()) if e["id"] == row["keep"])
    assert row["merge_name"] in [kept["name"], *kept.get("aliases", [])]
    # a re-import of either file finds the body in the user's file and keeps what that file names
    for f in (COVID, wolfson, COVID):
        r = lcg("import", "360giving", f, "-o", data)
        assert r.exit_code == 0, r.output
        assert "added 0 organisations, 0 places, 0 projects" in r.output
        if f == wolfson:  # the ward the merged entry is located in: written again, and said so
            assert "note: kept 1 entry of the previous import that other files name" in r.output
    v = lcg("validate", "--data", data)
    assert v.exit_code == 0, v.output
    assert _orgs(lcg, data) == before - 1
    again = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    assert not [r for r in again if {r["keep"], r["merge"]} == {row["keep"], row["merge"]}]


def test_advice_names_the_file_of_a_folder_with_several_files_per_kind(lcg, tmp_path):
    import shutil

    from conftest import FIXTURES

    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "dedup" / "duplicates", data)
    orgs = data / "organisations.yaml"
    entries = yaml.safe_load(orgs.read_text())
    moved = [e for e in entries if e["id"] == "age-uk-wolverhampton"]
    orgs.write_text(yaml.safe_dump([e for e in entries if e["id"] != "age-uk-wolverhampton"], sort_keys=False))
    (data / "organisations-2024.yaml").write_text(yaml.safe_dump(moved, sort_keys=False))
    assert lcg("validate", "--data", data).exit_code == 0
    rows = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    row = next(r for r in rows if "age-uk-wolverhampton" in (r["keep"], r["merge"]))
    other = row["keep"] if row["merge"] == "age-uk-wolverhampton" else row["merge"]
    assert "# organisations-2024.yaml: " in row["change"] and "age-uk-wolverhampton" in row["change"]
    assert f"# organisations.yaml: " in row["change"] and other in row["change"]
    assert "move_from" not in row["change"]  # hand-written files: edited where they are


def test_a_merge_group_of_three_keeps_one_record_and_its_advice_followed_in_order_validates(lcg, tmp_path):
    """Every row of a merge group keeps the same record, and moves it out of an import's file once at most (a
    second move would write its id twice). Real files, and two hand-written records of one imported charity
    ("Trussell Trust" written "The Trussell Trust" and "Trussell Trust Ltd" at its postcode): the real files' one
    group of three at a lowered bar, three town councils of three towns, is no longer merged."""
    data = tmp_path / "data"
    for f in (COVID, WOLFSON, DATA / "360giving-wolfson-esmee" / "esmee-fairbairn-sample.json"):
        assert lcg("import", "360giving", f, "-o", data).exit_code == 0
    (data / "organisations.yaml").write_text(
        "- {id: trussell-a, name: The Trussell Trust, postcode: SP2 7HL, sources: [by hand]}\n"
        "- {id: trussell-b, name: Trussell Trust Ltd, postcode: SP2 7HL, sources: [by hand]}\n", encoding="utf-8")
    rows = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    from graph import open_backend
    from graph.entry_files import EntryFiles
    from graph.queries.duplicates import duplicate_rows

    with open_backend(data) as g:
        structured = duplicate_rows(g, where=EntryFiles(data))
    assert [(r["keep"], r["merge"], r["change"]) for r in structured] == [(r["keep"], r["merge"], r["change"])
                                                                         for r in rows]
    group = next(r["group"] for r in structured if r["action"] == "merge" and r["group_size"] == 3)
    members = [r for r in structured if r["group"] == group]
    assert len({r["keep"] for r in members}) == 1 and len({r["merge"] for r in members}) == 2
    assert sum("move_from" in e for r in members for e in r["edits"]) <= 1  # moved once at most
    before = _orgs(lcg, data)
    for r in members:
        _apply(data, r["edits"])
    v = lcg("validate", "--data", data)
    assert v.exit_code == 0, v.output
    assert _orgs(lcg, data) == before - 2


def test_the_kept_record_is_named_by_the_body_s_own_name_and_is_the_list_s_first(lcg, tmp_path):
    """Two imported records alike in every fact: the one named by the body's own name is kept and the
    department string becomes its alias; of a list's repeated name, the first row's record is kept."""
    sheet = tmp_path / "list.csv"
    sheet.write_text("name\n\"Department of Psychological and Brain Sciences, Boston University\"\nBoston University\n"
                     "Aga Khan University\nAga Khan University\nBayer AG 51368 Leverkusen Germany\nBayer AG\n",
                     encoding="utf-8")
    (tmp_path / "map.yaml").write_text("columns:\n  name: Label\n", encoding="utf-8")
    data = tmp_path / "data"
    done = lcg("import", "sheet", sheet, "--type", "organisation", "--map", tmp_path / "map.yaml", "-o", data)
    assert done.exit_code == 0, done.output
    rows = {r["merge"]: r for r in json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)}
    assert rows["department-of-psychological-and-brain-sciences-boston-university"]["keep"] == "boston-university"
    assert rows["aga-khan-university-2"]["keep"] == "aga-khan-university"
    assert rows["bayer-ag-51368-leverkusen-germany"]["keep"] == "bayer-ag"  # an address after its legal form


CHICAGO = DATA / "org-sites-chicago-early-childhood" / "chicago_sites_labelled.csv"


def _import_chicago(lcg, tmp_path, data):
    """The real Chicago sites list, imported as a coordinator would: --type and a mapping file."""
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: {Site name: Label, Zip: postcode, Fax: ~, true id: ~, source: ~, program name: ~, "
                       "agency: ~, Website: ~}\n")
    return lcg("import", "sheet", CHICAGO, "--type", "organisation", "--map", mapping, "-o", data)


def test_a_merge_of_a_sheets_records_lasts_when_the_sheet_is_imported_again(lcg, tmp_path):
    """The loop a new user ran: import a plain list, follow the advice of `lcg duplicates` for a group whose
    records share one name (no alias is added: a re-import knows the merged rows as rows of the sheet that
    carry the name of one moved into the user's file) and for one whose names differ (the merge adds an
    alias), then import the same sheet again. It used to refuse: the kept id twice."""
    from graph import open_backend
    from graph.dataset import load_dataset
    from graph.entry_files import EntryFiles
    from graph.queries.duplicates import duplicate_rows

    data = tmp_path / "data"
    assert _import_chicago(lcg, tmp_path, data).exit_code == 0
    with open_backend(data) as g:
        rows = [r for r in duplicate_rows(g, where=EntryFiles(data)) if r["action"] == "merge"]
    groups = {}
    for r in rows:
        groups.setdefault(r["group"], []).append(r)
    same = next(g for g in groups.values() if len(g) > 1 and all(r["keep_name"] == r["merge_name"] for r in g))
    other = next(g for g in groups.values() if any(r["keep_name"] != r["merge_name"] for r in g))
    printed = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    for group in (same, other):
        for r in group:  # the edits are the advice as printed
            assert next(p["change"] for p in printed if (p["keep"], p["merge"]) == (r["keep"], r["merge"])) \
                == r["change"]
            _apply(data, r["edits"])
    merged = {r["merge"] for g in (same, other) for r in g}
    kept = {r["keep"] for g in (same, other) for r in g}
    assert lcg("validate", "--data", data).exit_code == 0
    before = {n.id for n in load_dataset(data).nodes}
    assert not merged & before and kept <= before
    for _ in range(2):
        again = _import_chicago(lcg, tmp_path, data)
        assert again.exit_code == 0, again.output
        assert f"note: left out {len(merged) + len(kept)} rows the folder's own files hold now" in again.output
        assert f"{len(kept)} under their own id" in again.output and f"{len(merged)} merged into an entry there" \
            in again.output
        assert "added nothing new" in again.output
        v = lcg("validate", "--data", data)
        assert v.exit_code == 0, v.output
        assert {n.id for n in load_dataset(data).nodes} == before  # the merged records did not come back
    pairs = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    assert not [p for p in pairs if {p["keep"], p["merge"]} & merged]


def test_connections_stored_on_rows_the_user_holds_now_are_left_out_and_said(lcg, tmp_path):
    """A Kumu workbook: one organisation moved into the user's file by hand, one merged into another there
    (its name an alias of it). Ties stored on them cannot be written into the user's file: left out, counted
    and named on stderr; ties another entry stores that name the merged one point to the kept entry."""
    from graph.dataset import load_dataset
    from test_import_sheet import _book

    sheet = _book(tmp_path / "partners.xlsx",
                  [["ID", "Label", "Type"], ["a", "Alpha Trust", "Organisation"], ["b", "Beta Hub", "Organisation"],
                   ["c", "Beta Hub Ltd", "Organisation"], ["p", "Skills Project", "Project"],
                   ["n", "Learning Network", "Network"]],
                  [["From", "To", "Type"], ["a", "n", "MEMBER_OF"], ["c", "n", "MEMBER_OF"], ["c", "p", "PARTNER_IN"],
                   ["Beta Hub Ltd", "p", "FUNDS"], ["b", "n", "MEMBER_OF"]])
    data = tmp_path / "data"
    assert lcg("import", "sheet", sheet, "-o", data).exit_code == 0
    imported = data / "imports" / "sheet-partners" / "organisations.yaml"
    (data / "organisations.yaml").write_text(yaml.safe_dump(
        [{"id": "a", "name": "Alpha Trust"},  # moved by hand without its tie: the sheet's is left out, and said
         {"id": "b", "name": "Beta Hub", "aliases": ["Beta Hub Ltd"], "member_of": ["n"]}], sort_keys=False))
    imported.write_text(yaml.safe_dump([e for e in yaml.safe_load(imported.read_text()) if e["id"] == "c"]))
    # c is still in the import's file: an alias alone is no merge (the advice deletes the merged entry)
    r = lcg("import", "sheet", sheet, "-o", data)
    assert r.exit_code == 0, r.output
    assert "c" in {n.id for n in load_dataset(data).nodes}
    assert "2 under their own id (a, b)" in r.output and "merged into" not in r.output
    imported.write_text(yaml.safe_dump([]))  # the merge's last step: c deleted from the import's file
    r = lcg("import", "sheet", sheet, "-o", data)
    assert r.exit_code == 0, r.output
    assert "note: left out 3 rows the folder's own files hold now" in r.output
    assert "2 under their own id (a, b); 1 merged into an entry there (c -> b)" in r.output
    # b's entry holds the ties of b and of c (merged into b) already: only a's is left out
    assert ("note: left out 1 connection stored on those rows, which an import does not write into your files "
            "(Connections:2)") in r.output
    assert "Imported 2 elements and 2 connections" in r.output
    assert lcg("validate", "--data", data).exit_code == 0
    ds = load_dataset(data)
    assert {n.id for n in ds.nodes} == {"a", "b", "p", "n"}
    assert {(t.kind, t.start, t.end) for t in ds.rels} == {("MEMBER_OF", "b", "n"),
                                                            ("PARTNER_IN", "b", "p"), ("FUNDS", "b", "p")}


def test_a_group_s_second_merge_keeps_what_the_first_put_in_the_kept_entry(lcg, tmp_path):
    """Three records of one body with three descriptions and one alias twice: followed in order, the merges
    leave one entry whose note holds both other descriptions and whose aliases name each name once (the
    second merge's note replaced the first's, and its aliases repeated one)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(yaml.safe_dump([
        {"id": "erie-house", "name": "Erie House", "type": "charity", "description": "Family centre.",
         "address": "1 High Street", "postcode": "WV1 1AA", "phone": "01902 111111", "sources": ["a"]},
        {"id": "erie-house-2", "name": "Erie House", "aliases": ["Erie Hse"], "description": "Nursery.",
         "address": "1 High Street", "postcode": "WV1 1AA", "phone": "01902 111111"},
        {"id": "erie-house-3", "name": "Erie House", "aliases": ["Erie Hse"], "description": "Youth club.",
         "address": "1 High Street", "postcode": "WV1 1AA", "phone": "01902 111111"},
    ], sort_keys=False))
    (data / "sources.yaml").write_text("- key: a\n  title: A list\n")
    rows = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    from graph import open_backend
    from graph.entry_files import EntryFiles
    from graph.queries.duplicates import duplicate_rows

    with open_backend(data) as g:
        structured = duplicate_rows(g, where=EntryFiles(data))
    assert [r["change"] for r in structured] == [r["change"] for r in rows]
    assert [r["action"] for r in structured] == ["merge", "merge"]
    for r in structured:
        _apply(data, r["edits"])
    v = lcg("validate", "--data", data)
    assert v.exit_code == 0, v.output
    (kept,) = yaml.safe_load((data / "organisations.yaml").read_text())
    assert "Nursery." in kept["note"] and "Youth club." in kept["note"], kept
    assert sorted(kept["aliases"]) == ["Erie Hse"], kept


def test_a_change_in_the_sheet_to_a_row_the_user_holds_now_is_said(lcg, tmp_path):
    """A row merged into the user's file is the user's entry now: a re-import leaves it as it is, and says
    which values of the sheet differ (a new phone number was lost without a word)."""
    sheet, mapping, data = tmp_path / "list.csv", tmp_path / "map.yaml", tmp_path / "data"
    mapping.write_text("columns: {Name: Label, Phone: phone}\n")
    sheet.write_text("ID,Name,Phone\n2319,Bateman,5345055\n2320,Erie House,5551234\n")
    assert lcg("import", "sheet", sheet, "--type", "organisation", "--map", mapping, "-o", data).exit_code == 0
    imported = data / "imports" / "sheet-list" / "organisations.yaml"
    entries = yaml.safe_load(imported.read_text())
    (data / "organisations.yaml").write_text(yaml.safe_dump([e for e in entries if e["id"] == "2319"]))
    imported.write_text(yaml.safe_dump([e for e in entries if e["id"] != "2319"]))  # as a merge moves it
    assert lcg("validate", "--data", data).exit_code == 0
    sheet.write_text("ID,Name,Phone\n2319,Bateman,5345000\n2320,Erie House,5551234\n")
    again = lcg("import", "sheet", sheet, "--type", "organisation", "--map", mapping, "-o", data)
    assert again.exit_code == 0, again.output
    assert ("note: 1 value in the sheet differs from the entries your files hold, which were left as they are: "
            "2319 phone: the sheet says '5345000', your entry '5345055'; edit the entries in "
            f"{data / 'organisations.yaml'} if the sheet is right") in again.stderr, again.stderr
    assert yaml.safe_load((data / "organisations.yaml").read_text())[0]["phone"] == "5345055"


def test_a_value_written_another_way_is_no_difference():
    from graph.importers.sheet import _held_differences

    rows = [{"id": "a", "name": "A", "_kind": "Organisation", "postcode": "wv14 0aa", "website": "bilstoncc.org.uk",
             "phone": "01902 999999"}]
    theirs = {"a": {"id": "a", "name": "A", "postcode": "WV14 0AA", "website": "https://www.bilstoncc.org.uk/",
                    "phone": "01902 111111"}}
    assert _held_differences(rows, theirs) == [("a", "phone", "01902 999999", "01902 111111")]


def test_a_merge_made_twice_says_its_note_once():
    from graph.dedup.duplicates import EntityRecord
    from graph.queries.duplicates import folded, merge_facts

    keep = EntityRecord("k", "Organisation", "Erie House", address="1 High St", other={"description": "Centre."})
    drop = EntityRecord("d", "Organisation", "Erie House", address="1 High St", other={"description": "Nursery."})
    once = folded(keep, *merge_facts(keep, drop))
    assert "from d: description Nursery." in once.other["note"]
    assert "note" not in merge_facts(once, drop)[1]  # made again (the row came back): the note is not repeated


def test_rows_merged_into_a_hand_written_entry_stay_merged_on_a_re_import(lcg, tmp_path):
    """Two imported rows of one body merged, as advised, into the hand-written entry: a re-import leaves them
    out (they came back, and the note grew each round); on a first import the same name is no merge."""
    data, sheet, mapping = tmp_path / "data", tmp_path / "list.csv", tmp_path / "map.yaml"
    data.mkdir()
    (data / "organisations.yaml").write_text(yaml.safe_dump([
        {"id": "bilston-community-centre", "name": "Bilston Community Centre", "aliases": ["Bilston CC"],
         "phone": "01902 111111"}]))
    mapping.write_text("columns: {Name: Label}\n")
    sheet.write_text("Name,Phone\nBilston Community Centre Ltd,01902 111111\nThe Bilston Community Centre,"
                     "01902 111111\nHeath Town Hub,01902 222222\n")
    assert lcg("import", "sheet", sheet, "--type", "organisation", "--map", mapping, "-o", data).exit_code == 0
    from graph import open_backend
    from graph.entry_files import EntryFiles
    from graph.queries.duplicates import duplicate_rows

    with open_backend(data) as g:
        rows = [r for r in duplicate_rows(g, where=EntryFiles(data)) if r["keep"] == "bilston-community-centre"]
    assert len(rows) == 2 and all(r["action"] == "merge" for r in rows)
    for r in rows:
        _apply(data, r["edits"])
    assert lcg("validate", "--data", data).exit_code == 0
    for _ in range(2):
        again = lcg("import", "sheet", sheet, "--type", "organisation", "--map", mapping, "-o", data)
        assert again.exit_code == 0 and "2 merged into an entry there" in again.stderr, again.output
        with open_backend(data) as g:
            assert not [r for r in duplicate_rows(g) if "bilston-community-centre" in (r["keep"], r["merge"])]


def test_a_member_merged_through_another_says_whose_evidence_its_row_shows(lcg, tmp_path):
    """A group member with no pair of its own with the kept record merges through its best pair in the
    group: its row's score and reasons are that pair's, so they must say so first ("Bushbury Hill Tenants
    & Residents Association <- ... Over 60s Lunch Club: name words in common: club, lunch" read as the
    association's own evidence to a new user). Real Chicago sites held such a group until weak pairs of names
    with words of their own at one address were reviewed; a residents' group of one charity number is one now."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: heath-town-tra, name: Heath Town TRA, description: The estate's tenants and residents association.,"
        " website: 'https://heathtowntra.org.uk', postcode: WV10 0QQ}\n"
        "- {id: heath-town-tenants, name: Heath Town Tenants and Residents Association, postcode: WV10 0QQ,"
        " identifiers: [GB-CHC-1099991]}\n"
        "- {id: heath-town-residents, name: Heath Town Residents Group, identifiers: [GB-CHC-1099991]}\n",
        encoding="utf-8")
    rows = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    through = [r for r in rows if r["action"] == "merge" and r["reasons"].startswith("through ")]
    assert through
    from graph import open_backend
    from graph.dedup.duplicates import find_duplicates
    from graph.queries.duplicates import entity_records

    with open_backend(data) as g:
        scores = {frozenset((p.a, p.b)): p.score for p in find_duplicates(entity_records(g, "Organisation"))}
    for r in through:
        via = r["reasons"].split()[1].rstrip(",")
        assert frozenset((r["keep"], r["merge"])) not in scores
        assert scores[frozenset((r["merge"], via))] == r["score"]
        assert f"{r['merge']} and {via} have " in r["reasons"]


def test_a_record_kept_under_its_initials_takes_the_name_in_full():
    """A care trial's merge read "Walsall Healthcare NHS Trust into WHT" (the richer record named by its initials),
    and the trust's homes were then tied to "WHT": the merged entry takes the name in full, its initials an alias;
    nothing is lost, and a name in full kept as it is stays."""
    from graph.dedup.duplicates import EntityRecord
    from graph.queries.duplicates import folded, merge_change, merge_facts

    keep = EntityRecord("wht", "Organisation", "WHT", phone="01922 721172", other={"type": "NHS"})
    drop = EntityRecord("trust", "Organisation", "Walsall Healthcare NHS Trust")
    add, set_ = merge_facts(keep, drop)
    assert set_["name"] == "Walsall Healthcare NHS Trust" and add["aliases"] == ["WHT"]
    merged = folded(keep, add, set_)
    assert (merged.name, merged.aliases, merged.phone) == ("Walsall Healthcare NHS Trust", ("WHT",), "01922 721172")
    assert "the name replacing its name (kept among the aliases)" in merge_change(keep, drop)
    add, set_ = merge_facts(drop, keep)  # the name in full kept: its initials an alias, as before
    assert "name" not in set_ and add["aliases"] == ["WHT"]
    mind = EntityRecord("mind", "Organisation", "Mind", phone="0300 123 3393")  # a name, not initials in capitals
    assert "name" not in merge_facts(mind, EntityRecord("m", "Organisation", "Mental Illness Needs Dudley"))[1]


def test_the_same_name_reason_says_the_short_forms_it_read():
    """"Dudley CVS" / "Dudley Council for Voluntary Service" read "same name once case, punctuation, legal forms and
    titles are ignored" in a care trial: the reason says the short forms read as their words."""
    from graph.dedup.names import name_key, same_name_reason

    def reason(a, b):
        return same_name_reason(name_key(a), name_key(b))

    assert "(CVS = council for voluntary service)" in reason("Dudley CVS", "Dudley Council for Voluntary Service")
    assert "(MBC = metropolitan borough council)" in reason("Dudley Metropolitan Borough Council", "Dudley MBC")
    assert "(FT = foundation trust)" in reason("Dudley Group FT", "The Dudley Group NHS Foundation Trust")
    assert "(hse = house)" in reason("Oakwood Hse", "Oakwood House")
    assert "(council = metropolitan borough council)" in reason("Walsall Council", "Walsall Metropolitan Borough Council")
    assert "short forms" not in reason("Oakwood House Ltd", "Oakwood House")
