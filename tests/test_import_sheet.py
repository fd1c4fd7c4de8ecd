"""Spreadsheets both ways: `lcg export --format xlsx` and `lcg import sheet` round-trip the seed data."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from conftest import SEED
from graph.dataset import load_dataset


def _graph(folder):
    ds = load_dataset(folder)
    nodes = {(n.id, n.kind, tuple(sorted(n.props.items()))) for n in ds.nodes}
    rels = {(r.kind, r.start, r.end, tuple(sorted(r.props.items()))) for r in ds.rels}
    return nodes, rels


def _book(path, elements, connections):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Elements"
    for row in elements:
        ws.append(row)
    ws = book.create_sheet("Connections")
    for row in connections:
        ws.append(row)
    book.save(path)
    return path


def test_seed_data_round_trips_through_a_spreadsheet(lcg, tmp_path):
    sheet = tmp_path / "seed.xlsx"
    assert lcg("export", "--format", "xlsx", "-o", sheet, "--data", SEED).exit_code == 0
    out = tmp_path / "data"
    result = lcg("import", "sheet", sheet, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"in {out}/imports/sheet-seed" in result.output
    assert _graph(out) == _graph(SEED)
    before = {p: p.read_bytes() for p in out.rglob("*.yaml")}
    again = lcg("import", "sheet", sheet, "-o", out)
    assert again.exit_code == 0 and "already up to date" in again.output
    assert {p: p.read_bytes() for p in out.rglob("*.yaml")} == before


def test_an_edited_sheet_updates_by_id_without_duplicates(lcg, tmp_path):
    from openpyxl import load_workbook

    sheet = tmp_path / "seed.xlsx"
    assert lcg("export", "--format", "xlsx", "-o", sheet, "--data", SEED).exit_code == 0
    out = tmp_path / "data"
    assert lcg("import", "sheet", sheet, "-o", out).exit_code == 0
    book = load_workbook(sheet)
    ws = book["Elements"]
    ws.cell(row=2, column=2).value = "Renamed Organisation"
    first_id = ws.cell(row=2, column=1).value
    ws.append([None, "A New Charity", "Organisation", "charity"])
    book.save(sheet)
    assert lcg("import", "sheet", sheet, "-o", out).exit_code == 0
    ds = load_dataset(out)
    names = {n.id: n.props["name"] for n in ds.nodes}
    assert names[first_id] == "Renamed Organisation" and names["a-new-charity"] == "A New Charity"
    assert len(ds.nodes) == len(load_dataset(SEED).nodes) + 1


def test_cells_never_start_a_formula_and_read_back_as_written(lcg, tmp_path):
    from openpyxl import load_workbook

    src = _book(tmp_path / "in.xlsx",
                [["Label", "Type", "Description"], ["=HYPERLINK(\"http://x\")", "Organisation", "+44 1902 321000"],
                 ["@home", "Place", "-minus"]], [["From", "To", "Type"]])
    src_book = load_workbook(src)  # as a user would type them: openpyxl stores "=..." as a formula; quote it
    ws = src_book["Elements"]
    ws["A2"].value = "'=HYPERLINK(\"http://x\")"
    src_book.save(src)
    out = tmp_path / "data"
    assert lcg("import", "sheet", src, "-o", out).exit_code == 0
    names = {n.props["name"] for n in load_dataset(out).nodes}
    assert names == {'=HYPERLINK("http://x")', "@home"}
    exported = tmp_path / "out.xlsx"
    assert lcg("export", "--format", "xlsx", "-o", exported, "--data", out).exit_code == 0
    book = load_workbook(exported)
    cells = [c.value for row in book["Elements"].iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'=HYPERLINK(\"http://x\")" in cells and "'+44 1902 321000" in cells


def test_bad_sheets_give_every_problem_at_once_and_write_nothing(lcg, tmp_path):
    src = _book(tmp_path / "bad.xlsx",
                [["Label", "Type", "Colour"], ["Learn Together", "Organisation", "blue"],
                 ["Learn Together", "Organisation", None], ["Wolverhampton", "Plaice", None]],
                [["From", "To", "Type"], ["Learn Together", "Nowhere", "PARTNER_IN"], ["Wolverhampton", "x", "LIKES"]])
    out = tmp_path / "data"
    result = lcg("import", "sheet", src, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    for expected in ("Elements:2: unknown column 'Colour' for an Organisation (expected one of",
                     "Elements:3: label 'Learn Together' used twice (first on row 2)",
                     "Elements:4: unknown type 'Plaice' (expected one of", "did you mean 'place'?",
                     "Connections:2: To 'Nowhere' is no element",
                     "Connections:3: unknown connection type 'LIKES'"):
        assert expected in result.output, expected
    assert "nothing was written" in result.output and not out.exists()
    missing = _book(tmp_path / "headless.xlsx", [["Name", "Kind"], ["A", "Organisation"]], [["From", "Type"]])
    result = lcg("import", "sheet", missing, "-o", out)
    assert "Elements:1: missing columns Label, Type" in result.output
    assert "Connections:1: missing column To" in result.output


def test_duplicate_labels_without_ids_are_a_problem(lcg, tmp_path):
    src = _book(tmp_path / "dup.xlsx", [["ID", "Label", "Type"], ["", "Same Name", "Organisation"],
                                        ["", "Same name", "Organisation"], ["b-1", "Other", "Organisation"],
                                        ["", "other", "Organisation"]], [["From", "To", "Type"]])
    result = lcg("import", "sheet", src, "-o", tmp_path / "data")
    assert result.exit_code == 1
    assert "Elements:3: label 'Same name' used twice (first on row 2)" in result.output
    assert "Elements:5: label 'other' used twice for an Organisation (first on row 4)" in result.output


def test_one_label_on_rows_with_distinct_ids_is_two_elements(lcg, tmp_path):
    """Grants titled "Core costs" by two funders: their IDs tell them apart, as an export writes them."""
    src = _book(tmp_path / "two.xlsx", [["ID", "Label", "Type"], ["grant-1", "Core costs", "Project"],
                                        ["grant-2", "Core costs", "Project"]], [["From", "To", "Type"]])
    result = lcg("import", "sheet", src, "-o", tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert {n.id for n in load_dataset(tmp_path / "data").nodes} == {"grant-1", "grant-2"}


def test_real_grants_round_trip_through_a_spreadsheet(lcg, tmp_path):
    """Two real 360Giving files in one folder (repeated grant titles, one name under two ids) -> xlsx -> back."""
    from conftest import SHARED

    data, out, sheet = tmp_path / "data", tmp_path / "back", tmp_path / "grants.xlsx"
    for f in (SHARED / "data" / "360giving-covid19-multifunder" / "covid19-grants-2020-04-16.json",
              SHARED / "data" / "360giving-wolfson-esmee" / "wolfson-grants.json"):
        assert lcg("import", "360giving", f, "-o", data).exit_code == 0
    assert lcg("export", "--format", "xlsx", "-o", sheet, "--data", data).exit_code == 0
    result = lcg("import", "sheet", sheet, "-o", out)
    assert result.exit_code == 0, result.output
    assert _graph(out) == _graph(data)


def test_columns_and_types_mapped_by_a_file_and_csv_pairs(lcg, tmp_path):
    (tmp_path / "map.yaml").write_text("columns:\n  Org name: Label\n  Kind: Type\n  Web: website\n"
                                       "types:\n  Org: Organisation\n  Funds: FUNDS\n")
    (tmp_path / "orgs.csv").write_text("Org name,Kind,Web\nTest Foundation,Org,https://tf.example.org\n"
                                       "Digital Skills,Project,\n")
    (tmp_path / "ties.csv").write_text("From,To,Type,amount,currency\nTest Foundation,Digital Skills,Funds,5000,GBP\n")
    out = tmp_path / "data"
    result = lcg("import", "sheet", tmp_path / "orgs.csv", tmp_path / "ties.csv", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert result.exit_code == 0, result.output
    ds = load_dataset(out)
    (funds,) = [r for r in ds.rels if r.kind == "FUNDS"]
    assert (funds.start, funds.end, funds.props["amount"], funds.props["currency"]) == \
        ("test-foundation", "digital-skills", 5000, "GBP")


@pytest.mark.parametrize("name", ["notes.txt"])
def test_an_unknown_file_type_is_one_clear_error(lcg, tmp_path, name):
    (tmp_path / name).write_text("hello")
    result = lcg("import", "sheet", tmp_path / name, "-o", tmp_path / "data")
    assert result.exit_code == 1 and "expected a .xlsx or .csv file" in result.output


def test_amount_cells_written_as_text_are_read_as_grant_files_are(lcg, tmp_path):
    """One reader of amount text for every importer (graph/identifiers.amount_value): "40000,00" is forty
    thousand, not four million."""
    src = _book(tmp_path / "amounts.xlsx",
                [["ID", "Label", "Type"], ["fund", "Fund", "Organisation"], ["p1", "One", "Project"],
                 ["p2", "Two", "Project"]],
                [["From", "To", "Type", "amount", "currency"], ["fund", "p1", "FUNDS", "40000,00", "GBP"],
                 ["fund", "p2", "FUNDS", "1,234.50", "GBP"]])
    result = lcg("import", "sheet", src, "-o", tmp_path / "data")
    assert result.exit_code == 0, result.output
    amounts = {r.end: r.props["amount"] for r in load_dataset(tmp_path / "data").rels if r.kind == "FUNDS"}
    assert amounts == {"p1": 40000, "p2": 1234.5}


def test_a_plain_list_of_organisations_imports_and_pairs_as_labelled(lcg, tmp_path):
    """The real Chicago sites list (name, address, zip, phone, and columns of its own) imports as it is with
    --type and a mapping that leaves its other columns out; `lcg duplicates` then finds its labelled pairs."""
    import csv
    import json

    from conftest import SHARED

    src = SHARED / "data" / "org-sites-chicago-early-childhood" / "chicago_sites_labelled.csv"
    (tmp_path / "map.yaml").write_text(
        "type: organisation\ncolumns:\n  Site name: Label\n  Zip: postcode\n  Address: address\n  Phone: phone\n"
        "  True Id: ~\n  Source: ~\n  Program Name: ~\n  Fax: ~\n  Agency: ~\n  Website: ~\n")
    out = tmp_path / "data"
    result = lcg("import", "sheet", src, "--map", tmp_path / "map.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    with open(src, newline="", encoding="utf-8") as fh:
        label = {r["Id"]: r["True Id"] for r in csv.DictReader(fh)}
    assert {n.id for n in load_dataset(out).nodes} == set(label)
    pairs = json.loads(lcg("duplicates", "--data", out, "--format", "json").stdout)
    merges = [p for p in pairs if p["action"] == "merge"]
    assert len(merges) > 20 and sum(label[p["keep"]] == label[p["merge"]] for p in merges) >= 0.9 * len(merges)


def test_a_column_no_field_has_is_said_once_and_may_be_left_out(lcg, tmp_path):
    (tmp_path / "orgs.csv").write_text("Name,Fax,Postcode\nBilston Learning Hub,01902 1,WV14 0EW\n"
                                       "Learning Works,01902 2,WV1 1LY\nTest Foundation,,WV2 2AB\n")
    (tmp_path / "map.yaml").write_text("columns:\n  Name: Label\n")
    out = tmp_path / "data"
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.count("unknown column 'Fax'") == 1  # as the sheet writes it
    assert "orgs.csv:2 (and 1 more row): unknown column 'Fax' for an Organisation" in result.output
    assert "leave it out with Fax: ~ under columns: in a mapping file" in result.output
    (tmp_path / "map.yaml").write_text("columns:\n  Name: Label\n  Fax: ~\n")
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert result.exit_code == 0, result.output
    assert {n.props.get("postcode") for n in load_dataset(out).nodes} == {"WV14 0EW", "WV1 1LY", "WV2 2AB"}
    bad = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organization", "-o", out)
    assert bad.exit_code == 1 and "unknown kind 'organization' for rows with no Type" in bad.output
    assert "did you mean 'organisation'?" in bad.output and "Traceback" not in bad.output


def test_a_plain_list_keeps_rows_with_one_name_as_records_for_duplicates(lcg, tmp_path):
    """In a plain list (--type) two rows with one name are two records, which `lcg duplicates` pairs; in a
    Kumu sheet they stay a problem (test_duplicate_labels_without_ids_are_a_problem)."""
    (tmp_path / "orgs.csv").write_text("Label,Postcode\nBilston Learning Hub,WV14 0EW\nBilston Learning Hub Ltd,WV14 0EW\n"
                                       "bilston learning hub,WV14 0EW\nLearning Works,WV1 1LY\n"
                                       "Институт лингвистических исследований,\nИнститут лингвистических исследований,\n"
                                       "Acme,\nAcme,\nAcme-2,\n", encoding="utf-8")
    out = tmp_path / "data"
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "-o", out)
    assert result.exit_code == 0, result.output
    assert "note: 3 rows repeat the name of an earlier row" in result.output  # not "Acme-2": a name of its own
    assert f"which `lcg duplicates --data {out}` pairs" in result.output
    ids = {n.id for n in load_dataset(out).nodes}
    assert ids == {"bilston-learning-hub", "bilston-learning-hub-ltd", "bilston-learning-hub-2", "learning-works",
                   "organisation-row-6", "organisation-row-7",  # a name with no Latin letters: an id from its row
                   "acme", "acme-2", "acme-2-2"}  # "Acme-2" is no repeat, but its id is taken
    dup = lcg("duplicates", "--data", out, "--format", "csv").output
    assert "bilston-learning-hub-2" in dup and "learning-works" not in dup
    assert "organisation-row-6" in dup and "organisation-row-7" in dup  # names in Cyrillic are compared too


def test_hints_name_the_field_quote_odd_columns_and_one_problem_on_many_rows_is_said_once(lcg, tmp_path):
    (tmp_path / "orgs.csv").write_text("Name,Zip,Phone #1,Website\nBilston Learning Hub,60624,1,No\n"
                                       "Learning Works,60651,2,No\nTest Foundation,60652,3,Yes\n")
    out = tmp_path / "data"
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "-o", out)
    assert "missing column Label" in result.output and "map it with Zip: postcode" in result.output  # read ahead
    assert "name your own column in a mapping file, as the command on the last line does)" in result.output
    assert result.output.count("printf") == 1, result.output  # the long command said once, on the last line
    assert result.output.strip().endswith(
        f": `printf '%s\\n' columns: '  Name: Label' '  Zip: postcode' '  \"Phone #1\": phone' > map.yaml && lcg "
        f"import sheet {tmp_path / 'orgs.csv'} --type organisation --map map.yaml -o {out}`)"), result.output
    (tmp_path / "map.yaml").write_text("columns:\n  Name: Label\n")
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert "map it with Zip: postcode" in result.output
    assert 'leave it out with "Phone #1": ~ under columns:' in result.output
    (tmp_path / "map.yaml").write_text('columns:\n  Name: Label\n  Zip: postcode\n  "phone #1": ~\n')
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)  # the hints, pasted, work: what is left is the Website column's Yes / No
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.count("bad URL 'No'") == 1 and "bad URL 'No' (expected" in result.output
    assert "orgs.csv:2 (column Website) (and 1 more row: 3): website: bad URL 'No'" in result.output
    assert "orgs.csv:4 (column Website): website: bad URL 'Yes'" in result.output
    assert result.output.count("bad URL 'Yes'") == 1


def test_an_output_folder_of_no_data_yet_is_written_to(lcg, tmp_path):
    """A trial's output folder, made with mkdir and holding a hidden file, was refused: "no data files in ...
    (expected one or more of: organisations.yaml, ...)". A folder holding no data yet (a README, a .gitkeep) is a
    new data folder, as an empty one is."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / ".gitkeep").write_text("", encoding="utf-8")
    result = _import_list(lcg, tmp_path, "Name\nOak Trust\n", "{Name: Label}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["Oak Trust"]


def test_two_columns_mapped_to_note_are_joined_in_their_order(lcg, tmp_path):
    """A community trial's "Contact: note" and "Notes: note" were refused ("are both note"), as two address columns
    are not: a row's remarks, like its address, may be written over several columns, each kept, joined with "; "."""
    result = _import_list(lcg, tmp_path, "Centre,Contact,Tel,Notes\nOak Hall,Steve,01902 111111,hall + room\n"
                          "Elm Hall,,01902 111112,kitchen\nAsh Hall,Pat,,\nFir Hall,,,\n",
                          "{Centre: Label, Contact: note, Tel: phone, Notes: note}")
    assert result.exit_code == 0, result.output
    notes = {n.name: n.props.get("note") for n in load_dataset(tmp_path / "data").nodes}
    assert notes == {"Oak Hall": "Steve; hall + room", "Elm Hall": "kitchen", "Ash Hall": "Pat", "Fir Hall": None}


def test_two_columns_of_one_field_are_a_problem_and_odd_keys_are_quoted(lcg, tmp_path):
    (tmp_path / "orgs.csv").write_text("Label,Addr1,Addr2,No\nAcme,1 High St,,x\nBeta,,Suite 5,y\n")
    (tmp_path / "map.yaml").write_text("columns:\n  Addr1: phone\n  Addr2: phone\n")
    out = tmp_path / "data"
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "orgs.csv:1: columns 'Addr1' and 'Addr2' are both phone" in result.output
    (tmp_path / "map.yaml").write_text("columns:\n  Addr1: address\n  Addr2: ~\n")
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert 'leave it out with "No": ~ under columns:' in result.output  # YAML reads a bare No as false
    (tmp_path / "map.yaml").write_text('columns:\n  Addr1: address\n  Addr2: ~\n  "no": ~\n')
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert result.exit_code == 0, result.output


def _refused(result) -> list[str]:
    """The lines of a refused import: its problems, then the one-line error."""
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: importing ") and lines[-1].endswith("(listed above); nothing was written")
    return lines[:-1]


def test_validation_problems_point_to_the_row_and_column_they_came_from(lcg, tmp_path):
    """The YAML an import would write is not written when it has a problem, so a problem on an imported
    entry is said at the sheet's row (as the sheet numbers it: a blank row shifts nothing) and column; a
    problem in the folder's own files keeps its file and line."""
    sheet = _book(tmp_path / "partners.xlsx",
                  [["Label", "Type", "Start", "Web site", "ID"],
                   ["Acme", "Organisation", None, "ftp://acme.org", None],
                   [],  # a blank row: the rows below keep their numbers
                   ["Proj", "Project", "2020-13", None, None],
                   ["Beta", "Organisation", None, None, None],
                   ["Gamma", "Place", None, None, "hand-org"]],
                  [["From", "To", "Type", "Since date", "Until date", "Amount"],
                   ["Acme", "Proj", "PARTNER_IN", "2020", "2019", None],
                   ["Beta", "Proj", "FUNDS", None, None, "lots"]])
    (tmp_path / "map.yaml").write_text("columns:\n  Web site: website\n")
    out = tmp_path / "data"
    out.mkdir()
    (out / "organisations.yaml").write_text("- id: hand-org\n  name: Hand Org\n")
    (out / "projects.yaml").write_text("- id: hand-proj\n  name: Hand Project\n  partners: [beta]\n"
                                       "- id: hand-two\n  name: Hand Two\n  partners: [proj]\n")
    lines = _refused(lcg("import", "sheet", sheet, "--map", tmp_path / "map.yaml", "-o", out))
    assert lines == [
        "Elements:2 (column Web site): website: bad URL 'ftp://acme.org' (expected one starting with http:// or "
        "https://)",
        "Elements:4 (column Start): start: bad date '2020-13' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        "Elements:6 (column ID): id 'hand-org': duplicate id (already used by Organisation entry 1 of "
        "organisations.yaml; expected ids unique across all files)",
        "Connections:2 (column Until date): partners: 'to' 2019 is before 'from' 2020",
        "Connections:3 (column Amount): funders: amount: bad amount 'lots' (expected a number >= 0 such as 25000, "
        "without currency signs or commas)",
        f"{out}/projects.yaml:6: hand-two: partners: 'proj' is a Project, but PARTNER_IN here expects Organisation",
    ]
    assert not (out / "imports").exists()


def test_an_id_made_from_the_label_that_the_users_file_holds_for_another_name_is_a_free_one(lcg, tmp_path):
    """The user's "beta" is Beta Hand; the list's Beta gets "beta-2", said in a note (an id the sheet gives
    itself stays, and a clash with it is a problem at its row: ``test_validation_problems_...``)."""
    (tmp_path / "orgs.csv").write_text("Name\nAcme\nBeta\n")
    (tmp_path / "map.yaml").write_text("type: organisation\ncolumns:\n  Name: Label\n")
    out = tmp_path / "data"
    out.mkdir()
    (out / "organisations.yaml").write_text("- id: beta\n  name: Beta Hand\n")
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--map", tmp_path / "map.yaml", "-o", out)
    assert result.exit_code == 0 and "written as beta-2 (beta is another entry's)" in result.output, result.output
    assert {n.id: n.name for n in load_dataset(out).nodes} == {"acme": "Acme", "beta": "Beta Hand", "beta-2": "Beta"}


def test_a_real_list_with_yes_or_no_for_a_website_is_refused_at_its_rows(lcg, tmp_path):
    """The Chicago sites list's Website column says Yes or No on 236 rows: each value is said once, at its
    first row with the count and the next rows, as a spreadsheet numbers them (cells span lines in the file)."""
    import csv

    from conftest import SHARED

    src = SHARED / "data" / "org-sites-chicago-early-childhood" / "chicago_sites_labelled.csv"
    (tmp_path / "map.yaml").write_text(
        "type: organisation\ncolumns:\n  Site name: Label\n  Zip: postcode\n  Address: address\n  Phone: phone\n"
        "  True Id: ~\n  Source: ~\n  Program Name: ~\n  Fax: ~\n  Agency: ~\n  Website: website\n")
    out = tmp_path / "data"
    lines = _refused(lcg("import", "sheet", src, "--map", tmp_path / "map.yaml", "-o", out))
    with open(src, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    at = {v: [n for n, r in enumerate(rows, start=1) if r[-1] == v] for v in ("No", "Yes")}
    assert len(at["No"]) == 209 and len(at["Yes"]) == 27
    assert lines == [f"{src.name}:{at[v][0]} (column Website) (and {len(at[v]) - 1} more rows: "
                     f"{', '.join(map(str, at[v][1:6]))}...): website: bad URL {v!r} (expected one starting with "
                     "http:// or https://)" for v in ("No", "Yes")]
    assert not out.exists() or not any(out.rglob("*.yaml"))


def test_the_last_line_counts_in_words_a_person_would_write(lcg, tmp_path):
    sheet = tmp_path / "one.csv"
    sheet.write_text("Label,Type\nBilston Library,Organisation\nAsha Patel,Person\nSam Lee,Person\n",
                     encoding="utf-8")
    result = lcg("import", "sheet", sheet, "-o", tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert "added 1 organisation, 2 people;" in result.stderr, result.stderr


def _hint_command(output: str) -> str:
    """The command of the first "... in a mapping file" hint: its own, or the last line's it points to."""
    after = output.split(" in a mapping file", 1)[1]
    if not after.startswith(": `"):
        return _one_go(output)
    return after.removeprefix(": ").split("\n", 1)[0].removesuffix(")").strip("`")


def test_the_label_hint_is_a_command_that_works_when_pasted(lcg, tmp_path, monkeypatch):
    """No Label: the hint writes a mapping file and imports again with it (--map), quoted for the shell."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "my orgs.csv").write_text("Site name,Postcode\nBilston Learning Hub,WV14 0EW\n")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "my orgs.csv", "--type", "organisation", "-o", "my data")
    assert result.exit_code == 1
    command = _hint_command(result.output)
    assert command == ("printf '%s\\n' columns: '  Site name: Label' > map.yaml && lcg import sheet 'my orgs.csv' "
                       "--type organisation --map map.yaml -o 'my data'")
    bin_dir = Path(sys.executable).parent  # the lcg of this environment
    run = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert run.returncode == 0, run.stderr
    assert "wrote 1 file" in run.stderr and (tmp_path / "map.yaml").read_text() == "columns:\n  Site name: Label\n"
    assert {n.name for n in load_dataset(tmp_path / "my data").nodes} == {"Bilston Learning Hub"}


def test_the_label_hint_with_a_mapping_file_names_a_column_of_the_sheet(lcg, tmp_path):
    """A map that sends the names' column elsewhere ({Site name: name}): the hint is the line to change in
    that file, naming the sheet's own column, not the field it was mapped to."""
    (tmp_path / "orgs.csv").write_text("Site name,Zip\nBilston Learning Hub,WV14 0EW\n")
    (tmp_path / "map.yaml").write_text("columns: {Site name: name, Zip: postcode}\n")
    out = tmp_path / "data"
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert result.exit_code == 1 and "missing column Label" in result.output
    assert (f"in {tmp_path / 'map.yaml'}, under columns:, write Site name: Label (it maps it to name now), then run: "
            f"`lcg import sheet {tmp_path / 'orgs.csv'} --type organisation --map {tmp_path / 'map.yaml'} -o {out}`"
            ) in result.output
    assert "{name: Label}" not in result.output


def test_a_mapping_files_unknown_key_or_column_is_an_error_with_a_did_you_mean(lcg, tmp_path):
    (tmp_path / "orgs.csv").write_text("Site name,Zip\nBilston Learning Hub,WV14 0EW\n")
    out = tmp_path / "data"
    mapping = tmp_path / "map.yaml"
    mapping.write_text("column: {Site name: Label}\n")
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", mapping, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (f"{mapping}: unknown key 'column' (expected columns, types, type; did you mean 'columns'?)"
            in result.output)
    mapping.write_text("columns: {Site nam: Label, Zip: postcode}\n")
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", mapping, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (f"{mapping}: column 'Site nam' under columns: is in none of the sheets (columns: Site name, Zip; "
            "did you mean 'Site name'?)") in result.output
    assert not out.exists()
    # a column left out (`~`) that this sheet lacks is a shared map's spare line, not a misspelling
    mapping.write_text("columns: {Site name: Label, Zip: postcode, Fax: ~}\n")
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", mapping, "-o", out)
    assert result.exit_code == 0, result.output


def test_a_column_is_not_offered_a_field_its_values_could_not_be(lcg, tmp_path):
    """"Source" holding file names is no `sources` (keys of sources.yaml); "Websit" or "Web site" holding no
    URL is no website; a close name whose values fit still gets its did-you-mean."""
    def hints(text):
        (tmp_path / "orgs.csv").write_text(text)
        result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "-o", tmp_path / "data")
        assert result.exit_code == 1
        return {line.split("unknown column '", 1)[1].split("'", 1)[0]: line.split("(expected", 1)[1]
                for line in result.output.splitlines() if "unknown column" in line}

    found = hints("Label,Source,Websit,Web site,Adress\nBilston Hub,CPS_scrape.csv,Yes,Yes,1 High St\n")
    assert "map it with" not in found["Source"] and "map it with" not in found["Websit"]
    assert "map it with" not in found["Web site"]
    assert "map it with Adress: address" in found["Adress"]
    found = hints("Label,Websit,Web site\nBilston Hub,https://bilston.org,https://bilston.org\n")
    assert "map it with Websit: website" in found["Websit"] and "map it with Web site: website" in found["Web site"]


def _import_bytes(lcg, tmp_path, raw: bytes, out: str = "data"):
    """``raw`` as list.csv (Name, Town), imported as a list of organisations into ``tmp_path / out``."""
    (tmp_path / "list.csv").write_bytes(raw)
    (tmp_path / "map.yaml").write_text("columns: {Name: Label, Town: address}\n", encoding="utf-8")
    return lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
               "-o", tmp_path / out)


def _contacts_imported(lcg, tmp_path, cells):
    """``cells`` as the Contact column of a list of organisations "Org 0", "Org 1"..., imported with ``Contact:
    person``: (the result, the ties made as (organisation, person, role))."""
    text = "Name,Contact\n" + "".join(f"Org {i},\"{c}\"\n" for i, c in enumerate(cells))
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    return result, {(names[r.end], names[r.start], r.props.get("role")) for r in ds.rels if r.kind == "WORKS_FOR"}


def _import_list(lcg, tmp_path, text: str, columns: str):
    """``text`` as list.csv, imported as a plain list of organisations with ``columns`` as its mapping file."""
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(f"columns: {columns}\n", encoding="utf-8")
    return lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
               "-o", tmp_path / "data")


def _parts_imported(tmp_path) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """(id -> name of the folder's nodes, the (unit, body) names of its PART_OF ties) once a list is imported."""
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    return names, {(names[r.start], names[r.end]) for r in ds.rels if r.kind == "PART_OF"}


def test_a_cell_past_the_header_is_a_problem_at_its_row(lcg, tmp_path):
    """A name with a comma and no quotes splits into two cells; the second was dropped without a word."""
    result = _import_list(lcg, tmp_path, "name\nDepartment of Physics, Boston University\nBoston University\n"
                          "Yale, USA\n", "{name: Label}")
    assert result.exit_code == 1 and not (tmp_path / "data").exists()
    assert ("list.csv:2 (and 1 more row): 2 cells, but the header names 1 column: a cell with a comma "
            "in it needs double quotes") in result.stderr, result.stderr
    # the cell pushed past the header empty: the columns after the split cell are shifted all the same
    result = _import_list(lcg, tmp_path, "Name,Address,Postcode,Phone,Fax\nBilston Library,1 High St,WV14 0EW,"
                          "01902 111111,\nLittle Stars, Inc.,200 W Oak St,60602,5555678,\n", "{Name: Label, Fax: ~}")
    assert result.exit_code == 1 and "list.csv:3: 6 cells, but the header names 5 columns: the cell past it is " \
        "empty: a comma too many at the end of the row" in result.stderr, result.stderr


def test_a_cell_written_over_two_lines_keeps_its_line_break(lcg, tmp_path):
    """The Chicago list writes addresses over two lines; read line by line they ran together ("AveRiverdale")."""
    result = _import_list(lcg, tmp_path, 'Name,Address\nRiverdale,"14424 Wentworth Ave\nRiverdale, IL  60827"\n'
                          "Bilston Library,1 High St\n", "{Name: Label}")
    assert result.exit_code == 0, result.output
    entries = yaml.safe_load((tmp_path / "data" / "imports" / "sheet-list" / "organisations.yaml").read_text())
    assert entries[0]["address"] == "14424 Wentworth Ave\nRiverdale, IL  60827"


def test_an_empty_cell_past_a_workbooks_table_is_no_problem():
    """A workbook row may hold an empty formatted cell past its table (openpyxl reads one when the sheet has no
    dimension tag): nothing is shifted there. In a CSV the same row is a cell split by a comma."""
    from graph.importers.sheet import _cells_past_the_header, _Reader

    rows = [(2, ["Bilston Library", "Organisation"]), (3, ["Heath Town Hub", "Organisation", None]),
            (4, ["Wednesfield Hub", "Organisation"])]
    for text, problems in ((False, 0), (True, 1)):
        reader = _Reader({}, {})
        _cells_past_the_header(reader, "Elements", 2, rows, text)
        assert len(reader.problems) == problems, reader.problems



def test_only_a_merge_into_the_users_own_files_leaves_rows_out(lcg, tmp_path):
    """Rows are left out only when the user's own files hold them, moved there by a merge of this sheet's
    rows: another list with the same row numbers is a clash to fix, and a hand-written entry whose alias is
    a row's name takes nothing from a first import."""
    (tmp_path / "map.yaml").write_text("columns:\n  Name: Label\n", encoding="utf-8")
    data = tmp_path / "data"

    def run(name, text):
        (tmp_path / name).write_text(text, encoding="utf-8")
        return lcg("import", "sheet", tmp_path / name, "--type", "organisation", "--map", tmp_path / "map.yaml",
                   "-o", data)

    assert run("a.csv", "ID,Name\n1,Age UK Wolverhampton\n2,WVSC\n").exit_code == 0
    second = run("b.csv", "ID,Name\n1,Bilston Arts and Crafts Centre\n2,Heath Town Boys and Girls Club\n4,Grammar\n")
    assert second.exit_code == 1 and "left out" not in second.stderr
    assert "b.csv:2" in second.stderr and "duplicate id" in second.stderr, second.stderr
    (data / "organisations.yaml").write_text(
        "- id: wvsc-hand\n  name: Wolverhampton Voluntary Sector Council\n  aliases: [Age Concern]\n",
        encoding="utf-8")
    first = run("c.csv", "Name\nAge Concern\nBilston Library\n")
    assert first.exit_code == 0 and "left out" not in first.stderr, first.stderr
    assert "age-concern" in (data / "imports" / "sheet-c" / "organisations.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, said", [
    ("columns:\n  - Name\n", "columns: expected a mapping, one line per column (e.g. columns: {Site name: Label})"),
    ("types: [Charity]\n", "types: expected a mapping, one line per column"),
    ("type: [organisation]\n", "type: expected one kind, e.g. type: organisation"),
])
def test_a_mapping_file_of_the_wrong_shape_is_one_line(lcg, tmp_path, text, said):
    (tmp_path / "orgs.csv").write_text("Name\nBilston Library\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text(text, encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", tmp_path / "data")
    assert result.exit_code == 1 and said in result.stderr and "Traceback" not in result.output, result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_address_over_several_columns_is_joined_and_own_categories_are_one_problem(lcg, tmp_path):
    """Real lists write an address over columns (street, town) and keep categories of their own in a column
    named "type" (a cuisine): the address is read whole, as the duplicates check needs it, and the categories
    are one problem with the line that maps them, not one problem per row."""
    text = ("id,name,addr,city,phone,type\n1,Remi,145 W. 53rd St.,New York,212/581-4242,italian\n"
            "2,Remi,3rd St. Promenade,Santa Monica,310/393-6545,italian\n3,Aquavit,13 W. 54th St.,,212/307-7311,"
            "continental\n4,Spago,1114 Horn Ave.,Los Angeles,310/652-4025,californian\n")
    result = _import_list(lcg, tmp_path, text, "{name: Label}")
    lines = [x for x in result.stderr.splitlines() if "unknown type" in x]
    assert lines == ["list.csv:2 (and 3 more rows): unknown types 'italian' (2), 'californian' (1), 'continental' (1) "
                     "(expected one of Organisation, Person, Project, Network, Event, Place, Theme, Report; if they "
                     f"are categories of your own, in {tmp_path / 'map.yaml'}, under columns:, write type: Category, "
                     f"then run: `lcg import sheet {tmp_path / 'list.csv'} --type organisation --map "
                     f"{tmp_path / 'map.yaml'} -o {tmp_path / 'data'}`)"], result.stderr
    result = _import_list(lcg, tmp_path, text, "{name: Label, type: Category}")
    assert "unknown column 'city' for an Organisation" in result.stderr and "map it with city: address" in result.stderr
    assert "map it with addr: address" in result.stderr
    result = _import_list(lcg, tmp_path, text, "{name: Label, type: Category, addr: address, city: address}")
    assert result.exit_code == 0, result.stderr
    by_id = {n.id: n for n in load_dataset(tmp_path / "data").nodes}
    assert by_id["1"].props["address"] == "145 W. 53rd St., New York"
    assert by_id["3"].props["address"] == "13 W. 54th St."  # an empty town adds nothing
    assert by_id["1"].props["type"] == "italian"
    dupes = lcg("duplicates", "--data", tmp_path / "data")
    assert "Remi" not in dupes.output, dupes.output  # one name in two cities: two restaurants


def test_an_address_column_already_ending_with_the_town_does_not_say_it_twice(lcg, tmp_path):
    """An early years trial's address cell ended with its town beside a Local authority column mapped to address:
    "St Judes Church Hall, Tettenhall Rd, Wolverhampton, Wolverhampton". A part the address already ends with
    (case and spacing aside) is not added again; a town only inside a part ("Wolverhampton Road") still is."""
    text = ("Provider,Setting address,Local authority\nSt Judes Preschool,\"St Judes Church Hall, Tettenhall Rd, "
            "Wolverhampton\",Wolverhampton\nLadybirds,\"Birchfield Lane, Old  bury\",OLD BURY\n"
            "Penn Nursery,\"245 Penn Road, Penn\",Wolverhampton\nOak Nursery,2 Wolverhampton Road,Wolverhampton\n")
    result = _import_list(lcg, tmp_path, text, "{Provider: Label, Setting address: address, Local authority: address}")
    assert result.exit_code == 0, result.stderr
    address = {n.props["name"]: n.props["address"] for n in load_dataset(tmp_path / "data").nodes}
    assert address == {"St Judes Preschool": "St Judes Church Hall, Tettenhall Rd, Wolverhampton",
                       "Ladybirds": "Birchfield Lane, Old  bury", "Penn Nursery": "245 Penn Road, Penn, Wolverhampton",
                       "Oak Nursery": "2 Wolverhampton Road, Wolverhampton"}, address


def test_an_id_column_repeated_on_many_rows_is_one_problem_and_hints_keep_the_users_map(lcg, tmp_path, monkeypatch):
    """A labelled list's "id" column names the entity each row belongs to: it repeats on most rows, said once
    with the line that leaves it out. A hint's mapping file never writes over one already there."""
    text = "name,id\nAllianz SE 80802 Munich,3\nAllianz SE Munich Germany,3\nAXA SA Paris,7\nAXA SA 75008 Paris,7\n"
    result = _import_list(lcg, tmp_path, text, "{name: Label}")
    problems = [x for x in result.stderr.splitlines() if "used twice" in x]
    assert problems == [f"list.csv:3 (and 1 more row): ids used twice: '3' (first on row 2), '7' (first on row 4) "
                        "(expected one row per element, or distinct IDs; if they are no ids of your rows, leave the "
                        f"column out: in {tmp_path / 'map.yaml'}, under columns:, write id: ~, then run: `lcg import "
                        f"sheet {tmp_path / 'list.csv'} --type organisation --map {tmp_path / 'map.yaml'} -o "
                        f"{tmp_path / 'data'}`)"], result.stderr
    result = _import_list(lcg, tmp_path, text, "{name: Label, id: ~}")
    assert result.exit_code == 0, result.stderr
    monkeypatch.chdir(tmp_path)  # map.yaml is here now: the hint names another file
    result = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "other")
    assert "printf '%s\\n' columns: '  name: Label' '  id: ~' > map-2.yaml && lcg import sheet list.csv" in \
        result.stderr, result.stderr


def test_one_run_says_the_kinds_and_the_ids_problems_and_its_hint_pasted_imports(lcg, tmp_path, monkeypatch):
    """A Type column of one's own category (one value on every row) and an ID column that repeats: the rows are
    read ahead as the Type's hint maps them, so the one run says both, and its hint, pasted, maps Type to Category,
    leaves ID out, gives the rows their kind and imports (the next step's hint had taken another run)."""
    (tmp_path / "k.csv").write_text("ID,Label,Type\n1,Remi,restaurant\n1,Spago,restaurant\n2,Aquavit,restaurant\n")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "k.csv", "-o", "dk")
    assert result.exit_code == 1
    (kinds,) = [x for x in result.stderr.splitlines() if "unknown type 'restaurant' (3)" in x]
    assert "if it is a category of your own, name your own column in a mapping file: " in kinds, kinds
    (ids,) = [x for x in result.stderr.splitlines() if "id used twice" in x]  # one id repeated: "id used twice"
    command = _hint_command(kinds)
    assert command == ("printf '%s\\n' columns: '  Type: Category' '  ID: ~' > map.yaml && lcg import sheet k.csv "
                       "--type organisation --map map.yaml -o dk") == _hint_command(ids)
    run = _paste(tmp_path, command)
    assert run.returncode == 0, run.stderr
    assert {n.props.get("type") for n in load_dataset(tmp_path / "dk").nodes} == {"restaurant"}


def test_a_hint_never_maps_away_a_column_other_rows_or_connections_need(lcg, tmp_path):
    """A mapping applies to every sheet: Type mapped to Category would unmake the rows whose Type names a kind,
    and ID left out the connections that name rows by it; so neither is offered then."""
    book = _book(tmp_path / "w.xlsx", [["ID", "Label", "Type"], ["1", "Remi", "restaurant"], ["2", "Spago", "Organisation"],
                                       ["2", "Bones", "Organisation"]],
                 [["From", "To", "Type"], ["2", "1", "PARTNER_IN"]])
    result = lcg("import", "sheet", book, "-o", tmp_path / "data")
    assert "Elements:2: unknown type 'restaurant'" in result.stderr and "Category" not in result.stderr, result.stderr
    assert "Elements:4: id used twice: '2' (first on row 3) (expected one row per element, or distinct IDs)" in result.stderr


def test_a_title_above_the_header_is_passed_over_and_an_address_column_keeps_its_case(lcg, tmp_path):
    """A report's sheet begins with its title and a blank row; "Address" and a column mapped to address
    are one field, joined (the later had silently replaced the earlier)."""
    text = ("Wolverhampton learning partners 2024,,\n,,\nOrganisation name,Address,City\n"
            "Bilston Library,1 High St,Wolverhampton\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation name: Label, City: address}")
    assert result.exit_code == 0, result.stderr
    (node,) = load_dataset(tmp_path / "data").nodes
    assert node.name == "Bilston Library" and node.props["address"] == "1 High St, Wolverhampton"
    # a one-column list's header is no title, and a name split at its comma under it is still said
    result = _import_list(lcg, tmp_path, "name\nDepartment of Physics, Boston University\nBoston University\n",
                          "{name: Label}")
    assert "list.csv:2: 2 cells, but the header names 1 column" in result.stderr, result.stderr


def test_an_id_first_used_on_another_sheet_is_said_with_that_sheet(lcg, tmp_path):
    book = _book(tmp_path / "w.xlsx", [["ID", "Label", "Type"], ["4", "Bilston Library", "Organisation"]], [])
    from openpyxl import load_workbook

    wb = load_workbook(book)
    more = wb.create_sheet("More")
    more.append(["ID", "Label", "Type"])
    more.append(["4", "Bilston Hub", "Organisation"])
    wb.save(book)
    result = lcg("import", "sheet", book, "-o", tmp_path / "data")
    assert "More:2: id used twice: '4' (first on Elements:2)" in result.stderr, result.stderr


def test_a_council_sheet_imports_by_pasting_what_the_tool_says(lcg, tmp_path, monkeypatch):
    """A new user's partner list: an "Organisation" column, "Type of organisation" holding their categories,
    an address over columns, "Telephone", "Notes", websites written "www....". Each step's hint, pasted as
    it is, is the next step: the first names the list's kind too, the second maps every column at once."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "partners.csv").write_text(
        "Organisation,Type of organisation,Address line 1,Town,Telephone,Website,Notes\n"
        "Bilston Library,library,1 High St,Bilston,01902 111111,www.bilstonlibrary.org.uk,open Saturdays\n"
        "WEA West Midlands,charity,4 Church Rd,Wolverhampton,01902 222222,wea.org.uk/west-midlands,\n")
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}

    def paste(command: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, env=env)

    first = lcg("import", "sheet", "partners.csv", "-o", "data")
    assert "missing columns Label, Type" in first.stderr
    assert "map it with Type of organisation: Category" in first.stderr  # the entry's type, not the kind
    assert "map it with Notes: note" in first.stderr and "map it with Address line 1: address" in first.stderr
    command = _hint_command(first.stderr)
    assert command == _one_go(first.stderr) == (
        "printf '%s\\n' columns: '  Organisation: Label' '  Type of organisation: Category' '  Address line 1: "
        "address' '  Town: address' '  Telephone: phone' '  Notes: note' > map.yaml && lcg import sheet partners.csv "
        "--type organisation --map map.yaml -o data")
    second = paste(command)
    assert second.returncode == 0, second.stderr
    nodes = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert nodes["Bilston Library"]["website"] == "https://www.bilstonlibrary.org.uk"
    assert nodes["WEA West Midlands"]["website"] == "https://wea.org.uk/west-midlands"  # no "www." either
    assert nodes["Bilston Library"]["address"] == "1 High St, Bilston" and nodes["Bilston Library"]["type"] == "library"
    assert nodes["Bilston Library"]["phone"] == "01902 111111" and nodes["Bilston Library"]["note"] == "open Saturdays"


def test_a_title_that_says_name_a_cell_under_no_header_and_a_label_first_on_another_sheet(lcg, tmp_path):
    result = _import_list(lcg, tmp_path, "Partner names 2024\n\nLabel,Phone\nBilston Hub,01902 111111\n", "{}")
    assert result.exit_code == 0, result.stderr  # the title is passed over though it says "name"
    book = _book(tmp_path / "w.xlsx", [["Label", "Type", None, "Phone"],
                                       ["Bilston Hub", "Organisation", "a note", "01902 111111"]], [])
    from openpyxl import load_workbook

    wb = load_workbook(book)
    wb["Elements"]["F2"] = "lost?"  # past the header, in a workbook whose rows are padded
    more = wb.create_sheet("More")
    more.append(["Label", "Type"])
    more.append(["Bilston Hub", "Organisation"])
    wb.save(book)
    result = lcg("import", "sheet", book, "-o", tmp_path / "data2")
    assert "Elements:2: a cell in column 3, which the header row does not name" in result.stderr, result.stderr
    assert ("Elements:2: 6 cells, but the header names 4 columns: the header row names no column there"
            in result.stderr), result.stderr
    assert "More:2: label 'Bilston Hub' used twice (first on Elements:2)" in result.stderr


def test_one_go_keeps_every_hint_and_one_category_and_odd_column_names_survive_the_shell(lcg, tmp_path, monkeypatch):
    """The final command holds the label hint's line too, offers Category to one column only, and writes
    column names with quotes and backslashes as they are (printf reads no escape in them)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "orgs.csv").write_text('Organisation,Organisation type,Sector,Telephone,Notes,Dept\\Unit,Contact "main"\n'
                                       "Oak Trust,charity,arts,01902 1,open,x,Jo Lee\n")
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    first = lcg("import", "sheet", "orgs.csv", "-o", "data")
    assert first.stderr.count(": Category;") == 1, first.stderr  # "Organisation type", not "Sector" too
    assert "map it with Sector: Category" not in first.stderr
    run = subprocess.run(["bash", "-c", _hint_command(first.stderr)], cwd=tmp_path, capture_output=True, text=True,
                         env=env)
    assert run.returncode == 0, run.stderr
    assert yaml.safe_load((tmp_path / "map.yaml").read_text())["columns"] == {
        "Organisation": "Label", "Organisation type": "Category", "Sector": None, "Telephone": "phone",
        "Notes": "note", "Dept\\Unit": "unit", 'Contact "main"': "person"}  # a unit: "Oak Trust - x"
    (tmp_path / "map.yaml").write_text('columns:\n  Organisation: Label\n  "Dept\\\\Unit": ~\n  \'Contact "main"\': ~\n')
    again = lcg("import", "sheet", "orgs.csv", "--type", "organisation", "--map", "map.yaml", "-o", "data")
    command = _one_go(again.stderr)
    run = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr  # "Sector", which no field is offered for, left out
    written = (tmp_path / "map-2.yaml").read_text()
    assert yaml.safe_load(written)["columns"] == {  # keys as the sheet and the mapping file write them
        "Organisation": "Label", "Dept\\Unit": None, 'Contact "main"': None, "Organisation type": "Category",
        "Sector": None, "Telephone": "phone", "Notes": "note"}, written


def test_the_kind_hint_is_for_element_sheets_and_people_lists_name_no_organisation(lcg, tmp_path):
    book = _book(tmp_path / "c.xlsx", [["Label", "Type"], ["Oak Trust", "Organisation"]], [["From", "To", "Role"]])
    result = lcg("import", "sheet", book, "-o", tmp_path / "out")
    assert "Connections:1: missing column Type" in result.stderr and "--type organisation" not in result.stderr
    (tmp_path / "people.csv").write_text("Contact,Organisation,Email\nJane Smith,Oak Trust,j@oak.org\n")
    result = lcg("import", "sheet", tmp_path / "people.csv", "--type", "person", "-o", tmp_path / "out")
    assert "Organisation: Label" not in result.stderr, result.stderr


def test_a_www_column_is_offered_website_and_a_pandas_index_is_no_lost_column(lcg, tmp_path):
    result = _import_list(lcg, tmp_path, ",Label,Web site\n0,Oak Trust,www.oak.org\n1,Elm Trust,www.elm.org\n", "{}")
    assert "map it with Web site: website" in result.stderr, result.stderr
    assert "which the header row does not name" not in result.stderr  # 0, 1: the rows' numbers


def test_a_contact_column_becomes_people_who_work_for_the_organisations(lcg, tmp_path):
    """A council's list names a main contact per partner: mapped to ``person``, each name is a Person (by name
    only: people carry no contact details) who works for the row's organisation, one person however many rows
    name them; `lcg duplicates` reads a person on both records as evidence."""
    text = ("Name,Main contact,Contact email\nBilston Library,Jane Smith,j@example.org\n"
            "Bilston Museum,Raj Patel; Jane Smith,\nBilston Libraries,jane smith,\n")
    hinted = _import_list(lcg, tmp_path, text, "{Name: Label, Contact email: ~}")
    assert hinted.exit_code == 1 and "make each name in it a person who works for the organisation with " \
                                      "Main contact: person" in hinted.output, hinted.output
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Main contact: person, Contact email: ~}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    people = {n.id: n for n in ds.nodes if n.kind == "Person"}
    assert set(people) == {"jane-smith", "raj-patel"} and all(set(n.props) <= {"name", "sources"} for n in people.values())
    works = {(r.start, r.end) for r in ds.rels if r.kind == "WORKS_FOR"}
    assert works == {("jane-smith", "bilston-library"), ("jane-smith", "bilston-museum"),
                     ("jane-smith", "bilston-libraries"), ("raj-patel", "bilston-museum")}
    again = _import_list(lcg, tmp_path, text, "{Name: Label, Main contact: person, Contact email: ~}")
    assert again.exit_code == 0 and "already up to date" in again.output, again.output
    found = lcg("duplicates", "--data", tmp_path / "data", "--format", "json")
    assert "1 person attached to both (jane-smith)" in found.stdout, found.stdout


def test_people_sharing_a_family_name_written_once_are_each_that_family_s(lcg, tmp_path):
    """A faith trial's "Majors Tim & Ruth Clarke", the Salvation Army's officers, became the people "Majors Tim" and
    "Ruth Clarke", silently. Given names joined by "&" or "and" before a family name written once share it, after
    the ranks or titles the people share ("Majors", "Mr & Mrs"), said in a warning; two names in full are two."""
    text = ("Name,Contact\nSalvation Army Citadel,Majors Tim & Ruth Clarke\nBeckminster Methodist,Mr & Mrs Sam and Jo "
            "Bennett\nBilston Library,Jane Smith & Raj Patel\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    people = {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"}
    assert people == {"Tim Clarke", "Ruth Clarke", "Sam Bennett", "Jo Bennett", "Jane Smith", "Raj Patel"}, people
    assert ("list.csv:2 (and 1 more row): column 'Contact': read 'Majors Tim & Ruth Clarke' as 'Tim Clarke', "
            "'Ruth Clarke', the family name written once") in result.stderr, result.stderr


def test_a_contact_detail_is_never_a_person_and_a_person_needs_an_organisation(lcg, tmp_path):
    result = _import_list(lcg, tmp_path, "Name,Contact\nBilston Library,jane@example.org\n",
                          "{Name: Label, Contact: person}")
    assert result.exit_code == 1 and "list.csv:2: column 'Contact' holds 'jane@example.org', not a person's name " \
                                     "alone" in result.output, result.output
    assert not (tmp_path / "data").exists()
    for cell in ("Jane Smith 07700 900123", "Jane Smith (jane at elm dot org)", "123"):
        result = _import_list(lcg, tmp_path, f"Name,Contact\nBilston Library,{cell}\n", "{Name: Label, Contact: person}")
        assert result.exit_code == 1 and "not a person's name alone" in result.output, (cell, result.output)
    # a role or a body names no person: passed over, one warning for the column with its rows (a review found
    # each made a person); text that may hold a person's name with more is one problem for the column
    text = ("Name,Contact\nBilston Library,Centre Manager\nBilston Museum,See website\nBilston Hub,Head of Centre\n"
            "Bilston School,Safeguarding Lead\nBilston Park,Wolverhampton City Council\nBilston Farm,Yes\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0 and result.output.count("warning:") == 1, result.output
    assert "list.csv:2 (and 3 more rows): column 'Contact': passed over 'Centre Manager', 'Head of Centre', " \
           "'Safeguarding Lead', 'Wolverhampton City Council' (rows 2, 4, 5, 6)" in result.output
    assert not [n for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"]
    result = _import_list(lcg, tmp_path, "Name,Contact\nA Trust,Jane Smith Oak Trust\nB Trust,Jane Smith Oak Trust\n",
                          "{Name: Label, Contact: person}")
    assert result.exit_code == 1 and "list.csv:2 (and 1 more row): column 'Contact' holds 'Jane Smith Oak Trust', " \
        "which names no person" in result.output, result.output
    # names that share a word with a role are names; "Yes" names no one; one text on many rows is said once
    result = _import_list(lcg, tmp_path, "Name,Contact\nA Trust,Sarah Church\nB Trust,Emily Post\nC Trust,Tom Head\n"
                          "D Trust,\"Smith, Jane\"\nE Trust,Per Andersson\nF Trust,Sarah\nG Trust,Yes\n",
                          "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    assert {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"} == {
        "Sarah Church", "Emily Post", "Tom Head", "Smith, Jane", "Per Andersson"}
    # a given name alone says no one (one "Sarah" across every list): passed over, as a word alone is
    assert "passed over 'Sarah' (row 7)" in result.stderr, result.stderr
    result = _import_list(lcg, tmp_path, "Name,Contact\n" + "".join(f"T{i},Centre Manager\n" for i in range(7))
                          + "T9,Head of Centre & Centre Manager\n", "{Name: Label, Contact: person}")
    assert "list.csv:2 (and 7 more rows): column 'Contact': passed over 'Centre Manager', 'Head of Centre' (rows 2, " \
           "3, 4, 5, 6, 7, 8, 9)" in result.output, result.output
    (tmp_path / "data" / "imports" / "sheet-list" / "people.yaml").unlink(missing_ok=True)  # as the next check needs
    # a placeholder names no one: no person, no tie; two people in one cell are two
    result = _import_list(lcg, tmp_path, "Name,Contact\nBilston Library,N/A\nBilston Museum,TBC\nBilston Hub,Vacant\n"
                          "Bilston Park,-\nBilston Farm,Jane Smith & Raj Patel\n", "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    people = {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"}
    assert people == {"Jane Smith", "Raj Patel"}
    (tmp_path / "p.csv").write_text("Name,Lead\nLearning Festival,Jane Smith\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text("columns: {Name: Label, Lead: person}\n", encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "p.csv", "--type", "project", "--map", tmp_path / "map.yaml",
                 "-o", tmp_path / "data")
    assert result.exit_code == 1 and "names people who work for an organisation, and this row is a Project" \
        in result.output, result.output


def test_register_numbers_are_read_as_org_ids(lcg, tmp_path):
    """"Charity number: 1131580" is GB-CHC-1131580 (as the 360Giving import reads it), a company number is
    padded to eight, and two rows with one charity number pair as one body; a number no register has is a
    problem at its row."""
    text = ("Name,Charity number,Company no,Identifiers\nBilston Library Trust,1131580,,GB-URN-123456\n"
            "Bilston Museum Trust,SC012345,1234567,\nThe Library Trust (Bilston),1131580,,\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 0, result.output
    ids = {n.id: n.props.get("identifiers") for n in load_dataset(tmp_path / "data").nodes}
    assert list(ids["bilston-library-trust"]) == ["GB-URN-123456", "GB-CHC-1131580"]
    assert list(ids["bilston-museum-trust"]) == ["GB-SC-SC012345", "GB-COH-01234567"]
    found = lcg("duplicates", "--data", tmp_path / "data", "--format", "json")
    assert "same identifier GB-CHC-1131580" in found.stdout, found.stdout
    bad = _import_list(lcg, tmp_path, "Name,Charity no\nOdd Trust,12AB\n", "{Name: Label}")
    assert bad.exit_code == 1 and "list.csv:2: charity number 12AB in column 'Charity no' fits no register" \
        in bad.output, bad.output


def test_a_list_without_label_and_with_its_own_types_is_fixed_by_one_pasted_command(lcg, tmp_path, monkeypatch):
    """A council's list names its columns Name and Type (School, Charity...): one run says both problems, and
    its one command maps both columns and gives the rows' kind (a new user's trial took three runs)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "partners.csv").write_text("Name,Type,Charity number\nBilston Library,Library,\n"
                                           "Bilston Church of England Primary School,School,\n"
                                           "Bilston Community Association,Charity,1131580\n")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "partners.csv", "-o", "data")
    assert result.exit_code == 1 and "2 problems" in result.output, result.output
    assert "partners.csv:2 (and 2 more rows): unknown types" in result.output
    command = _hint_command(result.output)
    assert command == ("printf '%s\\n' columns: '  Name: Label' '  Type: Category' > map.yaml && lcg import sheet "
                       "partners.csv --type organisation --map map.yaml -o data")
    bin_dir = Path(sys.executable).parent
    run = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert run.returncode == 0, run.stderr
    nodes = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert nodes["Bilston Library"]["type"] == "Library"
    assert list(nodes["Bilston Community Association"]["identifiers"]) == ["GB-CHC-1131580"]


def test_a_person_column_beside_a_connections_sheet_and_a_second_list_naming_the_same_person(lcg, tmp_path):
    """A WORKS_FOR connection row (with a role) and the person column naming the same tie give one tie, the
    connection's; a second list naming a contact of the same name imports too, its person under a free id (two
    people may share a name: `lcg duplicates --kind person` offers them for review), stable when imported again."""
    book = _book(tmp_path / "partners.xlsx",
                 [["Label", "Type", "Manager"], ["Bilston Library", "Organisation", "Jane Smith"],
                  ["Jane Smith", "Person", None]],
                 [["From", "To", "Type", "Role"], ["Jane Smith", "Bilston Library", "WORKS_FOR", "Manager"]])
    (tmp_path / "book-map.yaml").write_text("columns: {Manager: person}\n", encoding="utf-8")
    result = lcg("import", "sheet", book, "--map", tmp_path / "book-map.yaml", "-o", tmp_path / "data")
    assert result.exit_code == 0, result.output
    works = [r for r in load_dataset(tmp_path / "data").rels if r.kind == "WORKS_FOR"]
    assert [(r.start, r.end, r.props.get("role")) for r in works] == [("jane-smith", "bilston-library", "Manager")]
    data = tmp_path / "data"
    for _ in range(2):
        second = _import_list(lcg, tmp_path, "Name,Manager\nBilston Museum,Jane Smith\n", "{Name: Label, Manager: person}")
        assert second.exit_code == 0, second.output
        ds = load_dataset(data)
        assert {(r.start, r.end) for r in ds.rels if r.kind == "WORKS_FOR"} == {
            ("jane-smith", "bilston-library"), ("jane-smith-2", "bilston-museum")}
    found = json.loads(lcg("duplicates", "--kind", "person", "--data", data, "--format", "json").stdout)
    assert [(r["action"], {r["keep"], r["merge"]}) for r in found] == [("review", {"jane-smith", "jane-smith-2"})]
    # the other list gone, this one still imports and validates: its person is its own
    import shutil

    shutil.rmtree(data / "imports" / "sheet-partners")
    again = _import_list(lcg, tmp_path, "Name,Manager\nBilston Museum,Jane Smith\n", "{Name: Label, Manager: person}")
    assert again.exit_code == 0 and lcg("validate", "--data", data).exit_code == 0, again.output
    # two spellings of one person in one list: two records; merged as `lcg duplicates` advises (the kept entry in
    # the folder's own people.yaml with the other name as an alias), importing again brings neither back
    third = _import_list(lcg, tmp_path, "Name,Manager\nBilston Hub,Raj Patel\nBilston Farm,R. Patel\n",
                         "{Name: Label, Manager: person}")
    assert third.exit_code == 0, third.output
    assert {n.id for n in load_dataset(data).nodes if n.kind == "Person"} == {"raj-patel", "r-patel"}
    (data / "people.yaml").write_text("- id: raj-patel\n  name: Raj Patel\n  aliases: [R. Patel]\n", encoding="utf-8")
    own = data / "imports" / "sheet-list"
    (own / "people.yaml").write_text("".join(line for line in (own / "people.yaml").read_text().splitlines(True)
                                             if "patel" not in line))
    orgs = (own / "organisations.yaml").read_text().replace('"r-patel"', '"raj-patel"')
    (own / "organisations.yaml").write_text(orgs)
    assert lcg("validate", "--data", data).exit_code == 0
    fourth = _import_list(lcg, tmp_path, "Name,Manager\nBilston Hub,Raj Patel\nBilston Farm,R. Patel\n",
                          "{Name: Label, Manager: person}")
    assert fourth.exit_code == 0, fourth.output
    ds = load_dataset(data)
    assert {n.id for n in ds.nodes if n.kind == "Person"} == {"raj-patel"}
    assert {(r.start, r.end) for r in ds.rels if r.start == "raj-patel"} == {("raj-patel", "bilston-hub"),
                                                                          ("raj-patel", "bilston-farm")}


def test_a_person_column_is_suggested_only_for_names_of_people(lcg, tmp_path):
    text = ("Name,Head office,Lead partner,Contact hours,Main contact\n"
            "Bilston Library,12 High St,University of Wolverhampton,9-5,Jane Smith\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 1
    lines = {line.split("unknown column ")[1].split(" ")[0]: line for line in result.output.splitlines()
             if "unknown column" in line}
    assert "Main contact: person" in lines["'Main"], result.output
    assert not any(": person" in lines[k] for k in ("'Head", "'Lead", "'Contact")), result.output


def test_a_row_whose_made_id_another_import_holds_is_written_under_a_free_id(lcg, tmp_path):
    """A plain list names a school a 360Giving import holds under the id its name makes: the import writes it
    as '-2' and says so (a trial found the import refused: 'duplicate id'); importing again keeps that id, and
    `lcg duplicates` pairs the two records."""
    import json

    data = tmp_path / "data"
    first = tmp_path / "grants.csv"
    first.write_text("Name\nEllowes Hall Sports College\n", encoding="utf-8")
    assert lcg("import", "sheet", first, "--type", "organisation", "--map", _map(tmp_path), "-o", data).exit_code == 0
    for n in range(2):
        result = _import_list(lcg, tmp_path, "Name\nEllowes Hall Sports College\nBilston Hub\n", "{Name: Label}")
        assert result.exit_code == 0, result.output
        assert ("written as ellowes-hall-sports-college-2 (ellowes-hall-sports-college is another entry's)"
                in result.output) == (n == 0)  # said once; the id stays
    assert lcg("validate", "--data", data).exit_code == 0
    (row,) = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    assert {row["keep"], row["merge"]} == {"ellowes-hall-sports-college", "ellowes-hall-sports-college-2"}


def _map(tmp_path):
    (tmp_path / "name-map.yaml").write_text("columns: {Name: Label}\n", encoding="utf-8")
    return tmp_path / "name-map.yaml"


def test_a_person_named_only_on_rows_the_user_holds_now_is_not_written(lcg, tmp_path):
    """The organisation moved into the user's file (a merge), its contact's tie is left out and said, and the
    contact is not written as a person with no tie (a review found "Pat Lee" so)."""
    text = "Name,Manager\nBilston Hub,Pat Lee\nBilston Farm,Raj Patel\n"
    assert _import_list(lcg, tmp_path, text, "{Name: Label, Manager: person}").exit_code == 0
    data = tmp_path / "data"
    (data / "organisations.yaml").write_text("- {id: bilston-hub, name: Bilston Hub}\n", encoding="utf-8")
    again = _import_list(lcg, tmp_path, text, "{Name: Label, Manager: person}")
    assert again.exit_code == 0 and "left out 1 connection" in again.output, again.output
    assert {n.id for n in load_dataset(data).nodes if n.kind == "Person"} == {"raj-patel"}
    assert lcg("validate", "--data", data).exit_code == 0


def test_a_schools_register_imports_with_one_pasted_mapping(lcg, tmp_path, monkeypatch):
    """A DfE-style extract: URN read as an org-id (an Ofsted "EY" number kept in the note), "TelephoneNum" / "SchoolWebsite" /
    "TypeOfEstablishment" offered their fields, the head's title and names in three columns one person, a title
    alone no one; the hints name the columns as the sheet writes them (a trial's register took many runs)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "register.csv").write_text(
        "URN,EstablishmentName,TypeOfEstablishment,TelephoneNum,SchoolWebsite,HeadTitle,HeadFirstName,HeadLastName\n"
        "104301,Woodfield Infant School,Community school,01902 558840,www.woodfieldinfants.co.uk,Mrs,Helen,Bradley\n"
        "EY301234,Little Acorns Pre-School,Childcare,01902 111222,,Mr,,\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text("columns:\n  EstablishmentName: Label\n  HeadTitle: person\n"
                                       "  HeadFirstName: person\n  HeadLastName: person\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = lcg("import", "sheet", "register.csv", "--type", "organisation", "--map", "map.yaml", "-o", "data")
    assert first.exit_code == 1
    for hint in ("map it with TelephoneNum: phone", "map it with SchoolWebsite: website",
                 "map it with TypeOfEstablishment: Category"):
        assert hint in first.stderr, first.stderr
    command = _one_go(first.stderr)
    run = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"})
    assert run.returncode == 0, run.stderr
    ds = load_dataset(tmp_path / "data")
    orgs = {n.name: n.props for n in ds.nodes if n.kind == "Organisation"}
    assert list(orgs["Woodfield Infant School"]["identifiers"]) == ["GB-URN-104301"]
    assert "identifiers" not in orgs["Little Acorns Pre-School"] and orgs["Little Acorns Pre-School"]["note"] == \
        "URN: EY301234."
    assert {n.name for n in ds.nodes if n.kind == "Person"} == {"Mrs Helen Bradley"}  # "Mr" alone is no one


def test_a_fields_word_is_offered_only_where_the_columns_name_ends_with_it(lcg, tmp_path):
    """"TelephoneNum" is phone, "Street 1" address; "Town twinning", "Phone opening hours", "Postcode district",
    "Email address", "Street champion" are not (a review found them offered, and the one-go command applied
    them); a "URN" column is offered as a school's only when its values look like one."""
    text = ("Name,TelephoneNum,Street 1,Town twinning,Phone opening hours,Postcode district,Email address,"
            "Street champion,URN\nA School,01902 1,1 High St,Lille,9-5,WV1,a@b.org,Amy Lee,104301\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    offered = dict(re.findall(r"map it with ([^;:]+): ([^;]+);", result.output))
    assert offered == {"TelephoneNum": "phone", "Street 1": "address", "URN": "school urn"}, result.output
    result = _import_list(lcg, tmp_path, "Name,URN,UKPRN\nA School,7,10007166\n", "{Name: Label}")
    assert "unknown column 'URN'" in result.output and "map it with" not in result.output  # 7 is no school's
    # a UKPRN column is read as one unasked (the name is only ever a provider's number)
    result = _import_list(lcg, tmp_path, "Name,URN,UKPRN\nA School,EY301234,10007166\n",
                          "{Name: Label, URN: school urn}")
    assert result.exit_code == 0, result.output
    (org,) = load_dataset(tmp_path / "data").nodes
    assert list(org.props["identifiers"]) == ["GB-UKPRN-10007166"]  # an Ofsted EY number is no school's URN
    # mapped to "URN" by name, as the README lists it (a schools hold-out's "URN: URN" was refused)
    result = _import_list(lcg, tmp_path, "Name,URN\nB School,104301\n", "{Name: Label, URN: URN}")
    assert result.exit_code == 0, result.output
    (org,) = [n for n in load_dataset(tmp_path / "data").nodes if n.name == "B School"]
    assert list(org.props["identifiers"]) == ["GB-URN-104301"]


@pytest.mark.parametrize("header, row, people", [
    ("Head first name,Head surname,DSL first name,DSL surname", "Helen,Bradley,John,Okafor",
     {"Helen Bradley", "John Okafor"}),  # the parts of each prefix: one person each
    ("Contact name,Contact surname", "Jane,Smith", {"Jane Smith"}),  # "name" beside "surname": the first name
    ("Contact title,Contact first name,Contact last name", "Manager,Helen,Bradley", {"Helen Bradley"}),  # a job
    ("HeadTitle,HeadFirstName,HeadLastName", "Mrs,N/A,N/A", set()),  # placeholders and a title: no one
    ("HeadTitle,HeadFirstName,HeadLastName", "Revd,,", set()),
])
def test_the_parts_of_names_make_one_person_each(lcg, tmp_path, header, row, people):
    columns = ", ".join(f"{h}: person" for h in header.split(","))
    result = _import_list(lcg, tmp_path, f"Name,{header}\nBilston Hub,{row}\n", f"{{Name: Label, {columns}}}")
    assert result.exit_code == 0, result.output
    assert {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"} == people


def _paste(tmp_path, command: str):
    """``command`` run by bash in ``tmp_path`` as a user pastes it, with this environment's lcg."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    return subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, env=env)


def _one_go(output: str) -> str:
    """The command of the last line's "map the columns ... in one go" hint."""
    return output.strip().splitlines()[-1].split("in one go", 1)[1].split("`")[1]


def test_hints_offer_the_fields_that_columns_of_hosts_web_pages_comments_and_wards_plainly_name(lcg, tmp_path):
    """Two trials' hints offered ~ for "Host organisation", "Management Committee", "Facebook / web", "Comments" and a
    TRA list's "Estate" and "Ward" (its only places), left "Charity no. (if any)" unread, and offered a "Contact" of
    first names ("Steve", "Kev?", "reception") as person, every cell of which would be passed over."""
    (tmp_path / "clubs.csv").write_text(
        "Club,Host organisation,Facebook / web,Contact,Comments,Charity no. (if any),Estate,Ward\n"
        "Bilston Breakfast Club,Bilston Veterans Centre,facebook.com/bilstonbc,Steve,,1187345,Bilston,Bilston East\n"
        "Penn Coffee Morning,RAFA Penn Branch,,Kev?,meets weekly,,Penn,Penn\n"
        "Low Hill Drop-in,,https://lowhill.org.uk,reception,,,Low Hill,Bushbury South & Low Hill\n"
        "Heath Town Club,Heath Town Community Association,,caseworker,,,Heath Town,Heath Town\n"
        "Tipton Club,,,Mick,,,Tipton Green,Tipton Green\n", encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "clubs.csv", "--type", "organisation", "-o", tmp_path / "data")
    assert _mapping_written(_one_go(result.stderr))["columns"] == {
        "Club": "Label", "Host organisation": "part_of", "Facebook / web": "website", "Contact": None,
        "Comments": "note", "Estate": "address", "Ward": "address"}, result.stderr
    for header in ("Management Committee", "Managed by", "Host"):
        (tmp_path / "halls.csv").write_text(
            f"Hall,{header},Town\nBilston Hall,Bilston Community Association,Bilston\n"
            "Penn Hall,Penn Village Hall Trust,Penn\n", encoding="utf-8")
        result = lcg("import", "sheet", tmp_path / "halls.csv", "--type", "organisation", "-o", tmp_path / "data")
        assert _mapping_written(_one_go(result.stderr))["columns"][header] == "part_of", result.stderr


@pytest.mark.parametrize("header, field", [
    ("Prime provider", "note"), ("Prime contractor", "note"), ("Lead provider", "note"), ("Lead partner", "note"),
    ("Funder", "note"), ("Commissioner", "note"), ("Managing body", "part_of"), ("Managed by", "part_of")])
def test_a_column_naming_a_prime_or_funder_is_a_note_not_a_parent(lcg, tmp_path, header, field):
    """A money trial's DWP list: its "Prime provider" (the prime contractor a subcontractor delivers for) was offered
    part_of, "make each row a unit of the organisation it names", though a subcontractor is no unit of its prime; so
    for a "Lead partner", a "Funder", a "Commissioner": offered as note. A "Managing body" still runs its rows."""
    (tmp_path / "list.csv").write_text(
        f"Provider,Town,{header}\nSteps To Work,Walsall,Reed in Partnership\n"
        "Walsall Works,Walsall,Reed in Partnership\nBlack Country Jobs,Dudley,Shaw Trust\n", encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "-o", tmp_path / "data")
    assert _mapping_written(_one_go(result.stderr))["columns"][header] == field, result.stderr


def test_register_columns_are_known_by_their_usual_names(lcg, tmp_path):
    """"Companies House No", "Reg Charity Number", "Charity No." are read as org-ids unasked, as "Company number"
    is; "Company phone number" and "Charity" (yes or no) are not (a trial's lists took runs to map them)."""
    text = ("Name,Companies House No,Reg Charity Number,Charity No.,Company phone number,Charity\n"
            "Moog Controls Ltd,00983376,,,01902 397700,No\nBilston Trust,,1131580,,,Yes\n"
            "Wolves Foundation,08045426,,1126987,,Yes\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Company phone number: phone, Charity: ~}")
    assert result.exit_code == 0, result.output
    ids = {n.name: list(n.props.get("identifiers", [])) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Moog Controls Ltd": ["GB-COH-00983376"], "Bilston Trust": ["GB-CHC-1131580"],
                   "Wolves Foundation": ["GB-COH-08045426", "GB-CHC-1126987"]}
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Charity: ~}")
    assert "unknown column 'Company phone number'" in result.output, result.output
    # a CRM's or a ledger's own key is no register's number (a review: "Company ID" 1000 became GB-COH-00001000)
    result = _import_list(lcg, tmp_path, "Name,Company ID,Company code\nMoog Controls Ltd,1000,MOOG01\n",
                          "{Name: Label}")
    assert "unknown column 'Company ID'" in result.output and "unknown column 'Company code'" in result.output, \
        result.output


def test_register_numbers_mapped_to_identifiers_get_the_mapping_that_reads_them(lcg, tmp_path, monkeypatch):
    """A column of bare register numbers mapped to identifiers, whose name names no register: one problem for the
    column (not one per row expecting GB-CHC-...) whose hint, pasted, maps it to Charity number and imports. A
    column whose name names its register ("Companies House No") is read by its name, mapped to identifiers or not
    (``test_a_register_column_mapped_to_identifiers_reads_as_it_does_unmapped``)."""
    monkeypatch.chdir(tmp_path)
    # no mapping file: the hint writes one
    (tmp_path / "plain.csv").write_text("Label,Identifiers\nBilston Trust,1131580\n", encoding="utf-8")
    result = lcg("import", "sheet", "plain.csv", "--type", "organisation", "-o", "data2")
    assert "for charity numbers, map the column in a mapping file: " in result.stderr, result.stderr
    assert _paste(tmp_path, _hint_command(result.stderr)).returncode == 0
    assert [list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data2").nodes] == [["GB-CHC-1131580"]]


def test_register_cells_with_words_and_nhs_ods_codes_are_read_as_org_ids(lcg, tmp_path):
    """"Reg. Charity 1110039" is the number 1110039 (GB-CHC-1110039, said so in a warning at its rows); an "ODS /
    UKPRN" column holds NHS bodies' ODS codes (GB-NHS-, org-id.guide) and providers' UKPRNs, each read as the one
    it fits, and an "ODS code" column its codes (a trial's list was refused: "fits no register")."""
    text = ("Name,Charity No,ODS / UKPRN,ODS code\nCitizens Advice,Reg. Charity 1110039,,\n"
            "Age UK,Charity No. 1110041,,\nHomes Trust,No. 1110042,,\nThe Royal Wolverhampton NHS Trust,,RL4,\n"
            "Penn Manor Medical Centre,,M92011,\nUniversity of Wolverhampton,,10007166,\nOld PCT,,,5MX\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 0, result.output
    assert ("warning: list.csv:2 (and 2 more rows): column 'Charity No': read 'Reg. Charity 1110039' as "
            "GB-CHC-1110039, 'Charity No. 1110041' as GB-CHC-1110041, 'No. 1110042' as GB-CHC-1110042") in result.stderr, result.stderr
    ids = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Citizens Advice": ["GB-CHC-1110039"], "Age UK": ["GB-CHC-1110041"],
                   "Homes Trust": ["GB-CHC-1110042"],
                   "The Royal Wolverhampton NHS Trust": ["GB-NHS-RL4"], "Penn Manor Medical Centre": ["GB-NHS-M92011"],
                   "University of Wolverhampton": ["GB-UKPRN-10007166"], "Old PCT": ["GB-NHS-5MX"]}
    bad = _import_list(lcg, tmp_path, "Name,ODS / UKPRN\nOdd Trust,1234\n", "{Name: Label}")
    assert "list.csv:2: '1234' in column 'ODS / UKPRN' fits no register (expected an NHS ODS code" in bad.output, \
        bad.output


def test_placeholders_in_optional_columns_are_empty_with_one_warning_per_column(lcg, tmp_path):
    """'n/a', '-', '—', 'tbc', 'none', 'unknown', '?' in a website, phone, register, postcode or address column
    say nothing: read as empty, one warning per column with its rows (a trial's list was refused: "website: bad
    URL 'n/a'"); "Yes" in a website column is still a problem (``BLANK_WORDS`` is the one list)."""
    text = ("Name,Website,Phone,Charity number,Postcode,Address,Category\n"
            "Oak Trust,n/a,-,tbc,\u2014,unknown,?\nElm Trust,N/A,none,TBC,WV1 1AA,1 High St,charity\n"
            "Ash Trust,https://ash.org,01902 111111,1131580,n/a,-,none\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 0, result.output
    orgs = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert orgs["Oak Trust"] == {"name": "Oak Trust", "sources": ("list.csv",)}
    assert orgs["Elm Trust"] == {"name": "Elm Trust", "sources": ("list.csv",), "postcode": "WV1 1AA", "address": "1 High St", "type": "charity"}
    assert "website: bad URL" not in result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert said[:2] == ["warning: list.csv:2 (and 1 more row): column 'Website': 'n/a', 'N/A' read as empty "
                        "(placeholders)",
                        "warning: list.csv:2 (and 1 more row): column 'Phone': '-', 'none' read as empty "
                        "(placeholders)"], said
    assert len(said) == 6, said  # one per column
    refused = _import_list(lcg, tmp_path, "Name,Website\nOak Trust,Yes\n", "{Name: Label}")
    assert refused.exit_code == 1 and "website: bad URL 'Yes'" in refused.output, refused.output


def test_a_postcode_district_or_sector_alone_is_kept_with_one_warning_naming_its_rows(lcg, tmp_path):
    """A faith register's "B63 3" and "B68" were taken silently as postcodes while its "tbc" was warned about: a
    district or sector is an area, not a postcode, and `lcg duplicates` reads only its district. The schema's postcode
    is any text, so the part is kept as written, with one warning per column naming its rows, as a placeholder
    has; full postcodes, a US ZIP and a placeholder are not said so."""
    text = ("Name,Postcode\nSt John the Baptist Halesowen,B63 3\nOak Trust,WV10 8PN\nOldbury Jamia Masjid,B68 \n"
            "Elm Trust,tbc\nAsh Trust,60624\nChildminder,wv4\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 0, result.output
    postcodes = {n.name: n.props.get("postcode") for n in load_dataset(tmp_path / "data").nodes}
    assert postcodes == {"St John the Baptist Halesowen": "B63 3", "Oak Trust": "WV10 8PN",
                         "Oldbury Jamia Masjid": "B68", "Elm Trust": None, "Ash Trust": "60624",
                         "Childminder": "wv4"}, postcodes
    said = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert said == ["warning: list.csv:5: column 'Postcode': 'tbc' read as empty (a placeholder)",
                    "warning: list.csv:2 (and 2 more rows): column 'Postcode': 'B63 3' (row 2), 'B68' (row 4), "
                    "'wv4' (row 7): parts of a postcode (its district or sector), not a full one: kept as written, "
                    "but `lcg duplicates` reads only its district from it; write the full postcode there (such as "
                    "WV1 1LY) where it is known"], said


@pytest.mark.parametrize("header, label", [
    ("Ref,Group,Reg Charity Number,Address,Post Code,Contact Name,Contact Phone", "Group"),  # the trial's grants
    ("Name of chair,Secretary,Name of group,Phone", "Name of group"),
    ("Contact name,Organisation Name,Phone", "Organisation Name"),
    ("Main contact,Employer,Companies House No,Sector", "Employer"),
    ("Contact person name,Organisation type,Company,Phone", "Company"),
    ("City / organisation,Country,Network,Website", "City / organisation"),
])
def test_the_label_is_guessed_from_the_organisations_column_never_a_contacts(lcg, tmp_path, monkeypatch, header,
                                                                             label):
    """A column whose name says it holds a person ("Contact Name", "Chair") is no organisation's name: the hint
    offers the column that is ("Group", "Name of group", "Employer"...)."""
    cells = ",".join("Bilston Hub" if c == label else "x" for c in header.split(","))
    (tmp_path / "list.csv").write_text(f"{header}\n{cells}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "-o", "data")
    assert result.exit_code == 1
    columns = _mapping_written(_hint_command(result.stderr))["columns"]
    assert [c for c, f in columns.items() if f == "Label"] == [label], result.stderr


def _mapping_written(command: str) -> dict:
    """The mapping file a hint's ``printf '%s\\n' LINE... > FILE && ...`` command writes, as YAML reads it."""
    import shlex

    args = shlex.split(command.split(" > ", 1)[0])
    return yaml.safe_load("\n".join(args[2:]))


def test_a_workbook_whose_header_names_no_label_still_gets_a_command_to_paste(lcg, tmp_path, monkeypatch):
    """No column's name says it holds the names ("Supplier"): the hint guesses the first column no field has, says
    it is a guess, and is a command that imports the workbook when pasted (a trial's .xlsx got "name your own
    columns in a mapping file (columns:)" and nothing to paste)."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Suppliers"
    for row in (["Skills board suppliers, 2024"], ["Supplier", "Phone", "Website"],
                ["Moog Controls", "01902 397700", "www.moog.com"]):
        ws.append(row)
    book.save(tmp_path / "suppliers.xlsx")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "suppliers.xlsx", "-o", "data")
    assert "Suppliers:2: missing columns Label, Type" in result.stderr, result.stderr
    assert "if it holds the rows' names, name your own column in a mapping file: `printf" in result.stderr
    pasted = _paste(tmp_path, _hint_command(result.stderr))
    assert pasted.returncode == 0, pasted.stderr
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["Moog Controls"]


def test_a_persons_title_with_or_without_a_full_stop_is_no_part_of_their_id(lcg, tmp_path):
    """"Prof. Alan Reid" is written as alan-reid (a trial found prof-alan-reid), his name as the list writes it;
    police ranks are titles too, so `lcg duplicates` compares "Insp. Dave Carter" as "Dave Carter"."""
    from graph.dedup.names import name_key

    text = ("Name,Contact\nUniversity of Wolverhampton,Prof. Alan Reid\nWolverhampton LPU,Insp. Dave Carter\n"
            "Bilston Hub,Dr Amir Khan\nCivic Centre,Cllr. Jo Bloggs\nFire Station,Sgt Ann Lee; Supt.\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    people = {n.id: n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"}
    assert people == {"alan-reid": "Prof. Alan Reid", "dave-carter": "Insp. Dave Carter", "amir-khan": "Dr Amir Khan",
                      "jo-bloggs": "Cllr. Jo Bloggs", "ann-lee": "Sgt Ann Lee"}  # "Supt." alone is no one
    for titled in ("Insp. Dave Carter", "Insp Dave Carter", "Sgt Dave Carter", "Supt. Dave Carter"):
        assert name_key(titled, person=True).tokens == name_key("Dave Carter", person=True).tokens, titled
    # a rank of two letters is read as initials: "D.C. Patel" and "DS Patel" are two names
    assert name_key("D.C. Patel", person=True).tokens != name_key("DS Patel", person=True).tokens


def test_a_faith_leaders_title_is_no_part_of_their_id_and_a_family_name_of_that_word_is(lcg, tmp_path):
    """A diaspora trial's contacts "Fr Marek Nowak" and "Pastor D. Campbell" were written as fr-marek-nowak and
    pastor-d-campbell, while "Mr" and "Mrs" are dropped: clergy titles ("Fr", "Pastor", "Rabbi", "Imam") are titles
    too, kept in the name as the list writes it; "Syed Imam" and "Sarah Bishop" keep their family names."""
    text = ("Name,Contact\nPolish Catholic Mission,Fr Marek Nowak\nNew Testament Church,Pastor D. Campbell\n"
            "Beth Shalom,Rabbi Moshe Levy\nCentral Mosque,Imam Abdul Rahman\nMuslim Youth,Syed Imam\n"
            "St Mary's,Sarah Bishop\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    people = {n.id: n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"}
    assert people == {"marek-nowak": "Fr Marek Nowak", "d-campbell": "Pastor D. Campbell",
                      "moshe-levy": "Rabbi Moshe Levy", "abdul-rahman": "Imam Abdul Rahman", "syed-imam": "Syed Imam",
                      "sarah-bishop": "Sarah Bishop"}, people


def test_a_contact_cell_naming_a_role_or_team_is_passed_over_with_one_warning(lcg, tmp_path):
    """'Community Team', 'Parish Office', 'Chief Executive', 'The Manager', 'Reception' name no person: the import
    goes on, one warning for the column naming its rows (a trial's user had to edit the CSV, as no hint could fix
    it); a contact detail in a person column is still refused (people carry no contact details)."""
    text = ("Name,Main Contact\nWolves Foundation,Community Team\nSt Peter's Church,Parish Office\n"
            "WVSC,Chief Executive\n"
            "Bilston Hub,The Manager\nBilston Library,Reception\nAge UK,Jane Smith\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Main Contact: person}")
    assert result.exit_code == 0, result.output
    assert ("warning: list.csv:2 (and 3 more rows): column 'Main Contact': passed over 'Community Team', 'Parish "
            "Office', 'Chief Executive', 'The Manager' (rows 2, 3, 4, 5): a role or team, not a person's name"
            ) in result.stderr, result.stderr
    people = {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"}
    assert people == {"Jane Smith"}
    refused = _import_list(lcg, tmp_path, text + "Elm Trust,Community Team 01902 111111\n",
                           "{Name: Label, Main Contact: person}")
    assert refused.exit_code == 1 and "holds 'Community Team 01902 111111', not a person's name alone" in \
        refused.output, refused.output
    held = _import_list(lcg, tmp_path, text + "Elm Trust,Jane Smith Community Team\n",
                        "{Name: Label, Main Contact: person}")
    assert held.exit_code == 1 and "holds 'Jane Smith Community Team', which names no person" in held.output, \
        held.output  # a person's name with more: not passed over


def test_the_one_go_command_names_every_unknown_column_and_imports_when_pasted(lcg, tmp_path, monkeypatch):
    """The one-go map holds each unknown column, `~` (left out, as the hint says) where no field fits: a
    trial's one-go left out "EstablishmentStatus" and "Ward", and pasting it failed again on them. One unknown
    column with no field gets a command too."""
    (tmp_path / "list.csv").write_text("Organisation,EstablishmentStatus,Tel,Ward,Main contact\n"
                                       "Bilston Hub,Open,01902 111111,Bilston East,Jane Smith\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text("columns:\n  Organisation: Label\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "--type", "organisation", "--map", "map.yaml", "-o", "data")
    assert "in one go (columns mapped to ~ are left out): `" in result.stderr, result.stderr
    command = _one_go(result.stderr)
    assert _mapping_written(command)["columns"] == {"Organisation": "Label", "EstablishmentStatus": None,
                                                    "Tel": "phone", "Ward": "address", "Main contact": "person"}
    pasted = _paste(tmp_path, command)  # the list's only place, its ward, is its address
    assert pasted.returncode == 0, pasted.stderr
    (org,) = [n for n in load_dataset(tmp_path / "data").nodes if n.kind == "Organisation"]
    assert org.props == {"name": "Bilston Hub", "sources": ("list.csv",), "phone": "01902 111111",
                         "address": "Bilston East"}
    (tmp_path / "one.csv").write_text("Organisation,Ward\nBilston Hub,Bilston East\n", encoding="utf-8")
    result = lcg("import", "sheet", "one.csv", "--type", "organisation", "--map", "map.yaml", "-o", "data2")
    assert _paste(tmp_path, _one_go(result.stderr)).returncode == 0, result.stderr
    # a column another sheet reads (a connection's role) is never left out by the one-go command
    book = _book(tmp_path / "w.xlsx", [["Label", "Type", "Role", "Fax"], ["Oak Trust", "Organisation", "host", "1"]],
                 [["From", "To", "Type", "Role"], ["Oak Trust", "Oak Trust", "PARTNER_OF", "lead"]])
    result = lcg("import", "sheet", book, "-o", "data3")
    assert _mapping_written(_one_go(result.stderr))["columns"] == {"Fax": None}, result.stderr


def test_register_and_phone_columns_written_short_are_read_and_a_cell_saying_charity_is_a_charitys(
        lcg, tmp_path, monkeypatch):
    """Trials' hints mapped "Co. Reg. No.", "Charity/Co No" (while "Charity / company no." is read), "Ofsted URN"
    and "Contact tel" (while "Tel" is offered phone) to ~, and "Charity 1115638" in a company number column became
    GB-COH-01115638. "Co" is a company's word as "Company" is; Ofsted's URN is the establishment's; a name ending
    with "tel" is a phone's; a cell whose words say charity is a charity's number whatever its column."""
    (tmp_path / "list.csv").write_text(
        "Employer,Co. Reg. No.,Charity/Co No,Ofsted URN,Contact tel\n"
        "Moog Controls Ltd,00983376,,,01902 397700\nAston Villa Foundation,Charity 1140764,1140764,,\n"
        "Walsall College,,,130489,01922 657000\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    command = _one_go(result.stderr)
    assert _mapping_written(command)["columns"] == {"Employer": "Label", "Contact tel": "phone"}, result.stderr
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0, pasted.stderr
    got = {n.name: (list(n.props.get("identifiers", ())), n.props.get("phone"))
           for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Moog Controls Ltd": (["GB-COH-00983376"], "01902 397700"),
                   "Aston Villa Foundation": (["GB-CHC-1140764"], None),
                   "Walsall College": (["GB-URN-130489"], "01922 657000")}, got
    assert "read 'Charity 1140764' as GB-CHC-1140764 (a charity's number)" in pasted.stderr, pasted.stderr


def test_a_register_column_reads_a_cio_and_the_words_lists_write_before_a_number(lcg, tmp_path):
    """A veterans trial's "CIO 1187345" under "Charity/Company No" made the whole list be refused ("fits no
    register"): a charitable incorporated organisation is registered with the Charity Commission alone, so "CIO"
    before a number says a charity's, as "Reg. charity", "Charity No.", "Company" and "Co. No." say theirs."""
    cells = {"Bilston Veterans Centre": ("CIO 1187345", "GB-CHC-1187345"),
             "Oak Trust": ("Reg. charity 1187346", "GB-CHC-1187346"),
             "Elm Trust": ("Charity No. 1187347", "GB-CHC-1187347"), "Ash Ltd": ("Company 04411223", "GB-COH-04411223"),
             "Yew Ltd": ("Co. No. 04411224", "GB-COH-04411224"), "Fir Hub": ("SCIO SC045123", "GB-SC-SC045123")}
    result = _import_list(lcg, tmp_path, "Organisation,Charity/Company No\n" + "".join(
        f"{name},{cell}\n" for name, (cell, _) in cells.items()), "{Organisation: Label}")
    assert result.exit_code == 0, result.output
    got = {n.name: list(n.props.get("identifiers", ())) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {name: [org_id] for name, (_, org_id) in cells.items()}, got


def test_a_register_column_mapped_to_identifiers_reads_as_it_does_unmapped(lcg, tmp_path):
    """A veterans trial's "Charity/Company No: identifiers" stopped the import ("numbers that say no register, among
    cells that name theirs ... write each number's register before it") on 46 bare numbers that the column, left
    out of the map, read unasked: a column whose name names its registers is read by its name however it is mapped,
    each bare number by its form (6-7 digits a charity's, 8 characters a company's, IP...R a society's, RL4 an NHS
    trust's), and a register's word before a number read as that register's in any register column, as an
    identifiers column reads it ("UKPRN 10007166", "ODS RL4")."""
    text = ("Organisation,Charity/Company No,ODS code\nThe Royal British Legion,219279,\nRBL Bilston,Charity 219279,\n"
            "Wednesbury RBL Club Ltd,IP19876R,\nMoog Controls Ltd,00983376,\nWalsall Healthcare NHS Trust,RBK,ODS RBK\n"
            "Walsall College,UKPRN 10007166,\n")
    want = {"The Royal British Legion": ["GB-CHC-219279"], "RBL Bilston": ["GB-CHC-219279"],
            "Wednesbury RBL Club Ltd": ["GB-MPR-19876R"], "Moog Controls Ltd": ["GB-COH-00983376"],
            "Walsall Healthcare NHS Trust": ["GB-NHS-RBK"], "Walsall College": ["GB-UKPRN-10007166"]}
    for columns in ("{Organisation: Label}", "{Organisation: Label, Charity/Company No: identifiers}"):
        result = _import_list(lcg, tmp_path, text, columns)
        assert result.exit_code == 0, result.output
        got = {n.name: list(n.props.get("identifiers", ())) for n in load_dataset(tmp_path / "data").nodes}
        assert got == want, (columns, got)


def test_hints_keep_a_registers_numbers_phone_numbers_a_locality_and_the_groups_kinds(lcg, tmp_path, monkeypatch):
    """Trials' hints threw data away: "Reg charity" (charity numbers: "Reg Charity Number" is read unasked) and
    "Contact no." and "Contact" (every cell a phone number) were offered ~; "Area" (Bilston, Wednesfield, between the
    address and the postcode) ~ while "Town" was joined into the address; and a youth list's "Section" (Scouts,
    Cubs, Youth club, the same few beside many groups) was offered as unit, renaming each group "1st Penn Scout Group -
    Scouts". A register's word with a registration word and its numbers is that register's column; a column of phone
    numbers is the phone; a column between the address and the postcode is a part of the address; a column whose
    values most rows share with two other names or more says the rows' kinds, a Category."""
    rows = [("1st Penn Scout Group", "Scouts"), ("2nd Penn Scout Group", "Scouts"), ("3rd Penn Scout Group", "Scouts"),
            ("1st Penn Cubs", "Cubs"), ("2nd Penn Cubs", "Cubs"), ("Bilston Cubs", "Cubs"), ("Penn Youth Club", "Youth club"),
            ("Low Hill Youth Club", "Youth club"), ("Caldmore Youth Club", "Youth club")]
    (tmp_path / "list.csv").write_text(
        "Group,Section,Address,Area,Post code,Contact no.,Reg charity,Contact\n" + "".join(
            f"{name},{section},{k} High St,Bilston,WV14 {k}AA,01902 34{k} 112,102345{k},0121 557 190{k}\n"
            for k, (name, section) in enumerate(rows)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    command = _one_go(result.stderr)
    assert _mapping_written(command)["columns"] == {
        "Group": "Label", "Section": "Category", "Area": "address", "Post code": "postcode", "Contact no.": "phone",
        "Reg charity": "Charity number", "Contact": None}, result.stderr  # a row keeps one phone: the first
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0, pasted.stderr
    got = {n.name: (n.props.get("type"), n.props.get("address"), n.props.get("phone"), n.props.get("identifiers"))
           for n in load_dataset(tmp_path / "data").nodes}
    assert got["1st Penn Scout Group"] == ("Scouts", "0 High St, Bilston", "01902 340 112", ("GB-CHC-1023450",)), got
    assert set(got) == {name for name, _ in rows}, got
    # a part of one body each ("Law School", "Finance" of one or two bodies): still a unit
    (tmp_path / "units.csv").write_text(
        "Organisation,Department,Phone\nUniversity of Wolverhampton,Law School,01902 321000\n"
        "University of Wolverhampton,Business School,01902 321001\nCity Council,Finance,01902 551155\n"
        "County Council,Finance,01902 551156\n", encoding="utf-8")
    result = lcg("import", "sheet", "units.csv", "--type", "organisation", "-o", "data2")
    assert _mapping_written(_one_go(result.stderr))["columns"]["Department"] == "unit", result.stderr


def test_each_row_of_a_plain_list_cites_its_file_as_its_source(lcg, tmp_path):
    """A trial's sheet imports recorded no source: `lcg show` printed "sources: (none)" for every record, so a user
    could not tell "aston-university" from "aston-university-2" nor find the list a record came from. As the 360Giving
    import does, each entry of a sheet with no sources column (its people too) cites its file by name, registered in
    the folder's sources.yaml when the folder keeps one, so that validation resolves the key."""
    result = _import_list(lcg, tmp_path, "Name,Town,Contact\nAston University,Birmingham,Jane Smith\n"
                          "Aston University,Aston,\n", "{Name: Label, Town: address, Contact: person}")
    assert result.exit_code == 0, result.output
    assert {n.id: n.props.get("sources") for n in load_dataset(tmp_path / "data").nodes} == {
        "aston-university": ("list.csv",), "aston-university-2": ("list.csv",), "jane-smith": ("list.csv",)}
    shown = lcg("show", "aston-university-2", "--data", tmp_path / "data")
    assert "sources: list.csv" in shown.output and "(none)" not in shown.output, shown.output
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "sources.yaml").write_text("- key: report.pdf\n  title: A report\n", encoding="utf-8")
    (kept / "organisations.yaml").write_text("- id: oak-trust\n  name: Oak Trust\n  sources: [report.pdf]\n",
                                             encoding="utf-8")
    (tmp_path / "list.csv").rename(tmp_path / "partners.csv")
    result = lcg("import", "sheet", tmp_path / "partners.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", kept)
    assert result.exit_code == 0, result.output
    listed = yaml.safe_load((kept / "sources.yaml").read_text(encoding="utf-8"))
    assert [(e["key"], e.get("kind")) for e in listed] == [("report.pdf", None), ("partners.csv", "spreadsheet")], \
        listed
    assert lcg("validate", "--data", kept).exit_code == 0


def test_two_files_with_a_sheet_of_one_name_each_cite_their_own_file(lcg, tmp_path):
    """A reviewer's `lcg import sheet a.xlsx b.xlsx`, both sheets named "Elements", cited b.xlsx as the source of
    every entry (the file was looked up by the sheet's name alone), and two lists named list.csv in two folders
    would share one sources key for two documents. Each entry cites its own file; files of one name are told
    apart by their folder's name, and so are their sheets in what is said of their rows."""
    _book(tmp_path / "a.xlsx", [["Label", "Type"], ["Alpha Trust", "Organisation"]], [["From", "To", "Type"]])
    _book(tmp_path / "b.xlsx", [["Label", "Type"], ["Beta Trust", "Organisation"], ["", "Organisation"]],
          [["From", "To", "Type"]])
    result = lcg("import", "sheet", tmp_path / "a.xlsx", tmp_path / "b.xlsx", "-o", tmp_path / "data")
    assert result.exit_code == 1 and "Elements (b.xlsx):3" in result.output, result.output
    _book(tmp_path / "b.xlsx", [["Label", "Type"], ["Beta Trust", "Organisation"]], [["From", "To", "Type"]])
    result = lcg("import", "sheet", tmp_path / "a.xlsx", tmp_path / "b.xlsx", "-o", tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert {n.name: n.props.get("sources") for n in load_dataset(tmp_path / "data").nodes} == {
        "Alpha Trust": ("a.xlsx",), "Beta Trust": ("b.xlsx",)}
    for folder, name in (("north", "Oak Trust"), ("south", "Elm Trust")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "list.csv").write_text(f"Name,Town\n{name},Bilston\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text("columns: {Name: Label, Town: address}\n", encoding="utf-8")
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "sources.yaml").write_text("- key: report.pdf\n  title: A report\n", encoding="utf-8")
    (kept / "organisations.yaml").write_text("- id: ash-trust\n  name: Ash Trust\n  sources: [report.pdf]\n",
                                             encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "north" / "list.csv", tmp_path / "south" / "list.csv", "--type",
                 "organisation", "--map", tmp_path / "map.yaml", "-o", kept)
    assert result.exit_code == 0, result.output
    assert {n.name: n.props.get("sources") for n in load_dataset(kept).nodes} == {
        "Ash Trust": ("report.pdf",), "Oak Trust": ("north/list.csv",), "Elm Trust": ("south/list.csv",)}
    assert [e["key"] for e in yaml.safe_load((kept / "sources.yaml").read_text(encoding="utf-8"))] == [
        "report.pdf", "north/list.csv", "south/list.csv"]
    assert lcg("validate", "--data", kept).exit_code == 0


def test_the_import_says_where_each_file_it_wrote_is(lcg, tmp_path):
    """A reviewer's import said "wrote 2 files in .../imports/sheet-list" when one of them was the data folder's
    sources.yaml, where the list is registered: a user looked for it in the import's folder. Files in the import's
    folder are counted there; one outside it is named by its path."""
    kept = tmp_path / "data"
    kept.mkdir()
    (kept / "sources.yaml").write_text("- key: report.pdf\n  title: A report\n", encoding="utf-8")
    (kept / "organisations.yaml").write_text("- id: oak-trust\n  name: Oak Trust\n  sources: [report.pdf]\n",
                                             encoding="utf-8")
    result = _import_list(lcg, tmp_path, "Name,Town\nElm Trust,Bilston\n", "{Name: Label, Town: address}")
    assert result.exit_code == 0, result.output
    assert (f"wrote 1 file in {kept / 'imports' / 'sheet-list'} and updated {kept / 'sources.yaml'}."
            in result.output), result.output


def test_a_department_is_no_person_a_left_out_column_is_not_warned_of_and_a_reimport_says_what_it_did(
        lcg, tmp_path):
    """From trials: "ESOL dept" in a Contact column was imported as a person (a department, as "Admissions Team" is
    a team); "'n/a' read as empty" was warned for a column mapped to ~, which no field reads; importing the list
    again with a row deleted said "added 0 organisations" and nothing of the one it removed."""
    text = "Name,Contact,Fax\nOak Trust,ESOL dept,n/a\nElm Trust,Jane Smith,1\nAsh Trust,,\n"
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person, Fax: ~}")
    assert result.exit_code == 0, result.output
    assert {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"} == {"Jane Smith"}
    assert "passed over 'ESOL dept' (row 2): a role or team" in result.stderr, result.stderr
    assert "read as empty" not in result.stderr, result.stderr
    result = _import_list(lcg, tmp_path, "Name,Contact,Fax\nOak Trust,,\nElm Trust,Jane Smith,1\n",
                          "{Name: Label, Contact: person, Fax: ~}")
    assert result.exit_code == 0, result.output
    assert ("added nothing new; 2 organisations, 1 person unchanged; removed 1 organisation;" in result.stderr
            ), result.stderr
    # a re-import says what it wrote again changed, and what it left as it was: a trial's said "added 0
    # organisations" when 67 had been updated
    result = _import_list(lcg, tmp_path, "Name,Contact,Fax\nOak Trust,,\nElm Trust,Jane Smith,1\n",
                          "{Name: Label, Contact: person, Fax: phone}")
    assert result.exit_code == 0, result.output
    assert "added nothing new; updated 1 organisation; 1 organisation, 1 person unchanged;" in result.stderr, \
        result.stderr


def test_a_list_without_a_label_column_imports_with_the_first_runs_command(lcg, tmp_path, monkeypatch):
    """A trial's grants list: no Label, so its rows were not read until the Label's hint had been pasted, and the
    other columns' problems took another run. They are read ahead as the hint maps them: the first run says them
    all, and its command, pasted, imports the list (the register column read unasked, a role passed over)."""
    (tmp_path / "grants.csv").write_text(
        "Ref,Group,Reg Charity Number,Post Code,Contact Name,Contact Phone,Ward\n"
        "CG-23-001,1st Penn Scouts,520001,WV4 5HR,G Hollins,01902555101,Penn\n"
        "CG-23-002,Wolves Foundation,Charity No. 1126987,WV1 4QR,Community Team,01902 555110,St Peter's\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = lcg("import", "sheet", "grants.csv", "-o", "data")
    assert first.exit_code == 1 and "missing columns Label, Type" in first.stderr
    assert "unknown column 'Post Code'" in first.stderr and "unknown column 'Ward'" in first.stderr, first.stderr
    assert _mapping_written(_hint_command(first.stderr))["columns"] == {
        "Group": "Label", "Ref": None, "Post Code": "postcode", "Contact Name": "person", "Contact Phone": "phone",
        "Ward": "address"}  # the list's only place
    pasted = _paste(tmp_path, _hint_command(first.stderr))
    assert pasted.returncode == 0, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    orgs = {n.name: n.props for n in ds.nodes if n.kind == "Organisation"}
    assert list(orgs["Wolves Foundation"]["identifiers"]) == ["GB-CHC-1126987"]
    assert {n.name for n in ds.nodes if n.kind == "Person"} == {"G Hollins"}


def test_a_list_whose_type_cells_are_its_own_categories_imports_with_the_first_runs_command(lcg, tmp_path,
                                                                                             monkeypatch):
    """A health partners' list with an "Organisation" column and a "Type" column of its own categories: the read
    with the Label mapped found the types, and only the read after it (Type as Category) finds the other
    columns, so the first run's command left out Tel and Main contact and took a second round (a re-run trial)."""
    (tmp_path / "partners.csv").write_text(
        "Organisation,Type,Tel,Main contact\nThe Royal Wolverhampton NHS Trust,NHS trust,01902 307999,Jane Smith\n"
        "Penn Manor Medical Centre,GP practice,01902 331166,\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = lcg("import", "sheet", "partners.csv", "--type", "organisation", "-o", "data")
    assert first.exit_code == 1 and "unknown column 'Tel'" in first.stderr, first.stderr
    assert _mapping_written(_hint_command(first.stderr))["columns"] == {
        "Organisation": "Label", "Type": "Category", "Tel": "phone", "Main contact": "person"}
    pasted = _paste(tmp_path, _hint_command(first.stderr))
    assert pasted.returncode == 0, pasted.stderr
    assert {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"} == {"Jane Smith"}


def test_australian_business_numbers_are_read_as_org_ids(lcg, tmp_path):
    """"ABN" and "Australian Business Number" hold the Australian Business Register's 11 digits, written in groups or
    not: one id, AU-ABN-51824753556 (org-id.guide), in an identifiers column named for them too, and a cell saying
    "ABN ..." in any identifiers column. An Australian hold-out's directory and grants list were refused ("no org-id,
    and no register's number") and the user rewrote each ABN by hand. A number of another length is a problem."""
    text = ("Name,ABN,Australian Business Number,Other ids\nWyndham City Council,38 393 903 860,,\n"
            "Wyndham Community and Education Centre,,38393903860,\nAMES Australia,,,ABN 51 824 753 556\n"
            "Cultivate Learning,Pending,,AU-ABN-51824753556\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Other ids: identifiers}")
    assert result.exit_code == 0, result.output
    ids = {n.name: list(n.props.get("identifiers", [])) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Wyndham City Council": ["AU-ABN-38393903860"],
                   "Wyndham Community and Education Centre": ["AU-ABN-38393903860"],
                   "AMES Australia": ["AU-ABN-51824753556"], "Cultivate Learning": ["AU-ABN-51824753556"]}, ids
    shutil.rmtree(tmp_path / "data")
    mapped = _import_list(lcg, tmp_path, "Name,ABN\nA Org,38 393 903 860\n", "{Name: Label, ABN: identifiers}")
    assert mapped.exit_code == 0, mapped.output
    assert [list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes] == [["AU-ABN-38393903860"]]
    bad = _import_list(lcg, tmp_path, "Name,ABN\nA Org,38 393 903\n", "{Name: Label}")
    assert bad.exit_code == 1 and "an Australian Business Number of 11 digits" in bad.stderr, bad.stderr
    from graph.importers.org_ids import register_ids, said_org_id

    assert register_ids({"abn": "51-824-753-556"}) == (["AU-ABN-51824753556"], [])
    assert said_org_id("Charity 1112775 1") is None  # digits in groups are one number of an ABN's or an EIN's only
    assert said_org_id("URN 104301 2") is None
    # a mail domain in a note, "nhs.net", is no NHS body's code (a Manchester hold-out's "Email domain" was GB-NHS-NET)
    assert said_org_id("nhs.net") is None and said_org_id("NHS RL4") == ("ods", "GB-NHS-RL4")


def test_us_employer_numbers_are_read_as_org_ids_and_a_short_one_is_one_problem_per_column(lcg, tmp_path):
    """"EIN", "FEIN", "Tax ID", "EIN #", "Federal Tax ID" hold the IRS's employer numbers, written with their
    hyphen or without: one id, US-EIN-251000101 (org-id.guide), so a US coalition's lists pair by it (a trial's
    user prefixed every cell by hand); "Pending" is a placeholder; numbers that are not 9 digits are one problem
    for their column; "Tax" alone is no register."""
    text = ("Name,EIN,FEIN,Tax ID,EIN #,Federal Tax ID,Tax\nGoodwill SWPA,25-1000101,251000101,,,,Yes\n"
            "Lawrenceville United,Pending,,26-1000165,,,\nCCAC,,,,25 1000106,,\nYMCA,,,,,25-1000102,\n"
            "Oakland Planning,00-0000000,,,,,\nHill District Consensus,000000000,,,,,\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Tax: ~}")
    assert result.exit_code == 0, result.output
    ids = {n.name: list(n.props.get("identifiers", [])) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Goodwill SWPA": ["US-EIN-251000101"], "Lawrenceville United": ["US-EIN-261000165"],
                   "CCAC": ["US-EIN-251000106"], "YMCA": ["US-EIN-251000102"],
                   "Oakland Planning": [], "Hill District Consensus": []}  # zeros: no number, not one shared id
    assert ("warning: list.csv:3 (and 2 more rows): column 'EIN': 'Pending', '00-0000000', '000000000' read as "
            "empty (placeholders)") in result.stderr, result.stderr
    bad = _import_list(lcg, tmp_path, "Name,EIN\nA Org,2510001\nB Org,25-1000101\nC Org,1234\n", "{Name: Label}")
    assert bad.exit_code == 1
    (line,) = [p for p in bad.stderr.splitlines() if "EIN" in p and not p.startswith("Error")]
    assert line.startswith("list.csv:2 (and 1 more row): '2510001', '1234' in column 'EIN' fit no register (expected "
                           "a US employer identification number of 9 digits"), line
    assert "leave the column out with EIN: ~ under columns:" in line


def test_scotlands_charity_numbers_are_sc0_and_its_companies_sc_and_another_digit(lcg, tmp_path):
    """OSCR numbers its charities from SC000001 and is not past SC060000; Companies House's Scottish companies run
    past SC800000: "SC" and a 0 is a Scottish charity's number where charities' numbers are (in a column naming
    companies too), "SC" and another digit a company's (in a charity column too). A Glasgow hold-out's "OSCR /
    Company No." cells "SC037412 / SC313740" (a charity's and its company's) were read as two charities' numbers, and
    the column mapped to identifiers was offered as Company number; "OSCR" names the charity register."""
    from graph.importers.org_ids import register_ids

    text = ("Organisation,OSCR / Company No.,OSCR\nGlasgow Life,SC037412 / SC313740,\nRosemount,SC023041,\n"
            "Jobs and Business Glasgow,SC213519,\nGovan HA,,SC012345\nOld Mill Co,,SC313741\n")
    for mapping in ("{Organisation: Label}", "{Organisation: Label, OSCR / Company No.: identifiers}"):
        result = _import_list(lcg, tmp_path, text, mapping)
        assert result.exit_code == 0, result.output
        ids = {n.name: list(n.props.get("identifiers", [])) for n in load_dataset(tmp_path / "data").nodes}
        assert ids == {"Glasgow Life": ["GB-SC-SC037412", "GB-COH-SC313740"], "Rosemount": ["GB-SC-SC023041"],
                       "Jobs and Business Glasgow": ["GB-COH-SC213519"], "Govan HA": ["GB-SC-SC012345"],
                       "Old Mill Co": ["GB-COH-SC313741"]}, mapping
        assert ("'SC313740' as GB-COH-SC313740 (a Scottish company's number: Scotland's charity numbers are SC0 and 5 "
                "digits)") in result.stderr
        assert "'SC313741' as GB-COH-SC313741 (a company's number)" in result.stderr
        shutil.rmtree(tmp_path / "data")
    # SC0 and 5 digits where companies' numbers are too: an older Scottish company's number has that form
    assert ("'SC023041' as GB-SC-SC023041 (a Scottish charity's number; an older Scottish company's number has this "
            "form too: write 'Company SC023041' if it is one)") in result.stderr, result.stderr
    assert register_ids({"charityNumber": "SC313740"}) == (["GB-COH-SC313740"], [])  # a 360Giving file's so too
    assert register_ids({"charityNumber": "SC 037412"}) == (["GB-SC-SC037412"], [])
    assert register_ids({"companyNumber": "SC037412"}) == (["GB-COH-SC037412"], [])  # a company column's: a company's


def test_charity_and_company_numbers_in_one_column_are_each_read_in_their_register(lcg, tmp_path, monkeypatch):
    """"Charity / company no." is a register column; each number is read as the register it fits: words before it
    ("Co.", "Company", "Co. No.") or eight characters (08123456, SC123456, OC301234, NI012345) make a company's,
    6-7 digits a charity's. A charity column's 8-digit number is a company's too, said (a trial's "Company
    07654321" was written GB-CHC-07654321, which never matched the company's GB-COH id); Scotland's charity
    number stays one in a charity column. "Registered number" is offered as Charity number, which reads both."""
    text = ("Name,Charity / company no.,Charity No.\nGallery Cafe,Co. 08123456,\nGrand Trading,Company 02345678,\n"
            "Friends of WAG,1001234,\nCreative BC,,Company 07654321\nAsha Arts,,10234567\nScots Trust,SC123456,"
            "SC012345\nBCT LLP,OC301234,\nBelfast Co,NI012345,\nTiny Co,Co. No. 0812,\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 0, result.output
    ids = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Gallery Cafe": ["GB-COH-08123456"], "Grand Trading": ["GB-COH-02345678"],
                   "Friends of WAG": ["GB-CHC-1001234"], "Creative BC": ["GB-COH-07654321"],
                   "Asha Arts": ["GB-COH-10234567"], "Scots Trust": ["GB-COH-SC123456", "GB-SC-SC012345"],
                   "BCT LLP": ["GB-COH-OC301234"], "Belfast Co": ["GB-COH-NI012345"], "Tiny Co": ["GB-COH-00000812"]}
    assert ("warning: list.csv:5 (and 1 more row): column 'Charity No.': read 'Company 07654321' as GB-COH-07654321 "
            "(a company's number), '10234567' as GB-COH-10234567 (a company's number)") in result.stderr, result.stderr
    assert ("'SC123456' as GB-COH-SC123456 (a Scottish company's number: Scotland's charity numbers are SC0 and 5 "
            "digits)") in result.stderr
    from graph.importers.org_ids import register_ids  # the one rule: a 360Giving charityNumber reads so too
    assert register_ids({"charityNumber": "07654321"}) == (["GB-COH-07654321"], [])
    # two letters that are no Companies House prefix are no company's: a sports trial's FA club number
    assert register_ids({"charityNumber": "FA104221"}) == ([], ["charity number FA104221"])
    assert register_ids({"companyNumber": "FA104221"}) == ([], ["company number FA104221"])
    (tmp_path / "funder.csv").write_text("Applicant name,Registered number\nGrand Theatre,511235\n"
                                         "BC Arts CIC,07654321\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    offered = lcg("import", "sheet", "funder.csv", "-o", "data2")
    assert "map it with Registered number: Charity number (a company's number in it is read as one)" \
        in offered.stderr, offered.stderr
    assert _paste(tmp_path, _one_go(offered.stderr)).returncode == 0
    ids = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data2").nodes}
    assert ids == {"Grand Theatre": ["GB-CHC-511235"], "BC Arts CIC": ["GB-COH-07654321"]}


def test_a_person_named_with_their_role_is_the_person_and_the_role_goes_on_their_tie(lcg, tmp_path, monkeypatch):
    """"Jo Bennett (Curator)", "Secretary: Jean Wild", "Jean Wild - Secretary", "Jean Wild, Secretary" name Jo
    Bennett and Jean Wild (a trial's user cleared such cells by hand); the role is kept on the WORKS_FOR tie, as
    its role field; "Smith, Jane" is still a name, a team alone is still passed over, a contact detail refused."""
    text = ("Name,Contact\nArt Gallery,Jo Bennett (Curator)\nBantock House,Jo Bennett\nSymphony,Secretary: Jean Wild\n"
            "Choir,Jean Wild - Secretary\nBrass Band,\"Jean Wild, Secretary\"\nGrand Theatre,Paul Marsh (Chief Exec)\n"
            "Civic Society,\"Smith, Jane\"\nCouncil,Culture team\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    assert {n.name for n in ds.nodes if n.kind == "Person"} == {"Jo Bennett", "Jean Wild", "Paul Marsh", "Smith, Jane"}
    ties = {(names[r.end], names[r.start], r.props.get("role")) for r in ds.rels if r.kind == "WORKS_FOR"}
    assert ties == {("Art Gallery", "Jo Bennett", "Curator"), ("Bantock House", "Jo Bennett", None),
                    ("Symphony", "Jean Wild", "Secretary"), ("Choir", "Jean Wild", "Secretary"),
                    ("Brass Band", "Jean Wild", "Secretary"), ("Grand Theatre", "Paul Marsh", "Chief Exec"),
                    ("Civic Society", "Smith, Jane", None)}
    assert "passed over 'Culture team' (row 9)" in result.stderr, result.stderr
    refused = _import_list(lcg, tmp_path, "Name,Contact\nArt Gallery,Jo Bennett (07700 900123)\n",
                           "{Name: Label, Contact: person}")
    assert refused.exit_code == 1 and "not a person's name alone" in refused.output, refused.output
    # the hint offers such a column as people, and a tie with no role field passes the roles over with one warning
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    offered = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "-o", tmp_path / "data2")
    assert "with Contact: person" in offered.stderr, offered.stderr
    from dataclasses import replace

    from graph import schema

    works_for = schema.REL_KINDS["WORKS_FOR"]
    monkeypatch.setitem(schema.REL_KINDS, "WORKS_FOR", replace(works_for, fields=tuple(
        f for f in works_for.fields if f.name != "role")))
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    assert ("warning: list.csv:2 (and 4 more rows): column 'Contact': passed over the roles 'Curator', 'Secretary', "
            "'Chief Exec' beside the people's names (rows 2, 4, 5, 6, 7)") in result.stderr, result.stderr


@pytest.mark.parametrize("column", ["Web address", "Web", "URL", "Homepage", "Website address"])
def test_a_web_address_column_is_offered_website_and_an_email_column_is_left_out(lcg, tmp_path, monkeypatch, column):
    """"Web address" was offered address (close to its name), which would put URLs in the address: a column
    named for web addresses is offered website; "Email", "Email address" are offered ~ with why (an
    organisation's e-mail address is a contact detail the graph does not keep: Organisation has no such field)."""
    from graph import schema

    assert "email" not in schema.NODE_KINDS["Organisation"].field_names  # else the hint would offer it
    (tmp_path / "list.csv").write_text(f"Applicant name,{column},Email,Email address\n"
                                       "Light House,light-house.co.uk/cinema,info@light-house.co.uk,x@y.org\n",
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "-o", "data")
    assert f"map it with {column}: website;" in result.stderr, result.stderr
    assert ("unknown column 'Email' for an Organisation (expected one of Category (its type), aliases, website, "
            "identifiers") in result.stderr
    assert ("an organisation's e-mail address is a contact detail the graph does not keep: leave it out with Email: "
            "~ under columns: in a mapping file)") in result.stderr
    command = _one_go(result.stderr)
    assert _mapping_written(command)["columns"] == {"Applicant name": "Label", column: "website", "Email": None,
                                                    "Email address": None}
    assert _paste(tmp_path, command).returncode == 0
    (org,) = load_dataset(tmp_path / "data").nodes
    assert org.props == {"name": "Light House", "sources": ("list.csv",), "website": "https://light-house.co.uk/cinema"}


def test_a_note_below_the_list_is_passed_over_with_a_warning_naming_its_row(lcg, tmp_path):
    """A last row (or rows) with only its first cell written, a note's words ("Exported 2024-02-12 by ...",
    "Total: 50 organisations", "Source: ..."), is no organisation: passed over with a warning naming the row (a
    trial's library list imported its export line as an organisation); "Total Fitness" alone on the last row is a
    row, as is such a note in a one-column list."""
    text = ("Partner Name,Zip Code\nGoodwill SWPA,15201\nTotal Fitness,\nCarnegie Mellon,15213\n"
            "Exported 2024-02-12 by CLP Community Engagement,,\nTotal: 3 organisations\nSource: CLP partner database\n")
    result = _import_list(lcg, tmp_path, text, "{Partner Name: Label, Zip Code: postcode}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["Goodwill SWPA", "Total Fitness",
                                                                         "Carnegie Mellon"]
    said = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert said == ["warning: list.csv:5: passed over 'Exported 2024-02-12 by CLP Community Engagement': a note "
                    "below the list (its first cell alone written), not one of its rows",
                    "warning: list.csv:6: passed over 'Total: 3 organisations': a note below the list (its first cell "
                    "alone written), not one of its rows",
                    "warning: list.csv:7: passed over 'Source: CLP partner database': a note below the list (its "
                    "first cell alone written), not one of its rows"], said
    for name in ("Total Fitness", "Total Care 24/7", "Source at the Heart"):  # a note's word is a name's too
        last = _import_list(lcg, tmp_path, f"Partner Name,Zip Code\nGoodwill SWPA,15201\n{name},\n",
                            "{Partner Name: Label, Zip Code: postcode}")
        assert last.exit_code == 0 and "warning" not in last.stderr, (name, last.stderr)
    one = _import_list(lcg, tmp_path, "Partner Name\nGoodwill SWPA\nSource: 2024\n", "{Partner Name: Label}")
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["Goodwill SWPA", "Source: 2024"], one.output


@pytest.mark.parametrize("footer", ["Source: DWP Black Country District partnership team, Oct 2024. OFFICIAL",
                                    "Note: figures are provisional, please check with Finance",
                                    "Data as at 31/03/2025, Economy team",
                                    "NB sites may change, please check the website"])
def test_a_note_below_the_list_split_at_its_comma_is_passed_over(lcg, tmp_path, footer):
    """A money trial's DWP list ended with "Source: DWP Black Country District partnership team, Oct 2024.
    OFFICIAL", split at its comma into two cells: it became an organisation, though as one cell it is passed over.
    A last row starting with a note's word ("Source:", "Note:", "Data as at", "NB") and reading as a sentence is a
    note below the list however many cells it fills; "Source Arts Trust" with its town is still a row."""
    text = f"Provider,Town\nSteps To Work,Walsall\nReed in Partnership,Dudley\nJobcentre Plus,Bilston\n{footer}\n"
    result = _import_list(lcg, tmp_path, text, "{Provider: Label, Town: address}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["Steps To Work", "Reed in Partnership",
                                                                         "Jobcentre Plus"]
    assert (f"warning: list.csv:5: passed over {footer!r}: a note below the list (a note's word first, a sentence "
            "split at its commas), not one of its rows") in result.stderr, result.stderr
    last = _import_list(lcg, tmp_path, "Provider,Town\nSteps To Work,Walsall\nReed,Dudley\nSource Arts Trust,Bilston\n",
                        "{Provider: Label, Town: address}")
    assert [n.name for n in load_dataset(tmp_path / "data").nodes][-1] == "Source Arts Trust", last.output


@pytest.mark.parametrize("column", ["DBA", "Trading name", "Also known as", "AKA", "Formerly", "Previous name"])
def test_a_trading_or_former_name_column_is_offered_as_aliases(lcg, tmp_path, monkeypatch, column):
    """A US list's "DBA" ("doing business as"), a UK one's "Trading name" or "Formerly" hold the body's other
    names: offered as aliases, which `lcg duplicates` reads (a trial's one-go command left "DBA" out); two such
    columns are one list of aliases."""
    (tmp_path / "list.csv").write_text(f"Provider,{column},Other names\n"
                                       "\"Goodwill of Southwestern Pennsylvania, Inc.\",Goodwill SWPA,Goodwill\n"
                                       "Carnegie Library of Pittsburgh,,\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "-o", "data")
    assert f"map it with {column}: aliases;" in result.stderr, result.stderr
    command = _one_go(result.stderr)
    assert _mapping_written(command)["columns"] == {"Provider": "Label", column: "aliases", "Other names": "aliases"}
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0, pasted.stderr
    orgs = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert list(orgs["Goodwill of Southwestern Pennsylvania, Inc."]["aliases"]) == ["Goodwill SWPA", "Goodwill"]
    assert "aliases" not in orgs["Carnegie Library of Pittsburgh"]


@pytest.mark.parametrize("column, value", [("State", "PA"), ("County", "Staffordshire"), ("Country", "USA"),
                                           ("Region", "West Midlands")])
def test_a_state_county_country_or_region_column_is_offered_as_address(lcg, tmp_path, monkeypatch, column, value):
    """"State", "County", "Country", "Region" are part of the address, joined after the street and town: the
    one-go command keeps them (a US trial's left "State" out, as nothing was offered for it)."""
    (tmp_path / "list.csv").write_text(f"Organization,Street Address,City,{column},ZIP\n"
                                       f"Goodwill SWPA,118 52nd Street,Pittsburgh,{value},15201\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "-o", "data")
    assert f"map it with {column}: address;" in result.stderr, result.stderr
    assert _paste(tmp_path, _one_go(result.stderr)).returncode == 0
    (org,) = load_dataset(tmp_path / "data").nodes
    assert org.props["address"] == f"118 52nd Street, Pittsburgh, {value}"


def test_rows_of_one_name_get_their_ids_in_row_order_when_another_file_holds_the_first(lcg, tmp_path):
    """A trial imported its council's list (Multistory) and then a funder's with two rows "Multistory" and
    "MULTISTORY": the first row was written multistory-3 and the second multistory-2, as the first alone was moved
    off the council's id. The rows of one name are numbered together, in row order, and again so on re-import."""
    (tmp_path / "council.csv").write_text("Name,Phone\nMultistory,0121 553 0000\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text("columns: {Name: Label}\n", encoding="utf-8")
    assert lcg("import", "sheet", tmp_path / "council.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
               "-o", tmp_path / "data").exit_code == 0
    (tmp_path / "funder.csv").write_text("Name,Phone\nMultistory,0121 553 7930\nMULTISTORY,01215537930\n"
                                         "Sandwell Arts,0121 000 0000\n", encoding="utf-8")
    for _ in range(2):  # and the same ids when imported again
        result = lcg("import", "sheet", tmp_path / "funder.csv", "--type", "organisation", "--map",
                     tmp_path / "map.yaml", "-o", tmp_path / "data")
        assert result.exit_code == 0, result.output
        written = yaml.safe_load((tmp_path / "data" / "imports" / "sheet-funder" / "organisations.yaml").read_text())
        assert [(e["id"], e["phone"]) for e in written] == [("multistory-2", "0121 553 7930"),
                                                           ("multistory-3", "01215537930"),
                                                           ("sandwell-arts", "0121 000 0000")]


def test_a_title_split_at_its_comma_above_the_header_is_passed_over(lcg, tmp_path, monkeypatch):
    """A CSV's title with a comma and no quotes is two cells, fewer than the header's, neither a column's name:
    it is a title, not the header (a trial's funder list was refused: "missing column Label ... (columns: Arts
    Council England - funded organisations, Black Country (export ...))"). A header with a name split under it
    is still the header."""
    (tmp_path / "funder.csv").write_text(
        "Arts Council England - funded organisations, Black Country (export 12/03/2024)\n"
        "Applicant name,Town,Post code,Main phone\nLight House Cinema,Wolverhampton,WV1 1HT,01902 716044\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "funder.csv", "-o", "data")
    assert "funder.csv:2: missing columns Label, Type" in result.stderr, result.stderr
    assert "Black Country (export" not in result.stderr
    assert _paste(tmp_path, _one_go(result.stderr)).returncode == 0
    (org,) = load_dataset(tmp_path / "data").nodes
    assert org.props == {"name": "Light House Cinema", "sources": ("funder.csv",), "address": "Wolverhampton", "postcode": "WV1 1HT",
                         "phone": "01902 716044"}
    split = _import_list(lcg, tmp_path, "name,Phone\nDepartment of Physics, Boston University,0100\n", "{name: Label}")
    assert "list.csv:2: 3 cells, but the header names 2 columns" in split.stderr, split.stderr


def test_a_title_of_one_cell_above_a_header_naming_no_known_column_is_passed_over(lcg, tmp_path, monkeypatch):
    """An ageing-well trial's directory began "Ageing Well - Directory of Older People's Groups (Black Country)
    v7,,,," above "Group,Meets at,Day/time,Contact phone,Run by": no column's name is one the tool knows, so the
    title was read as the header ("missing column Label") and the hint mapped the title as Label (a header saying
    "Name" was found). Below one-cell rows, a row of several cells over rows of several cells is the header."""
    (tmp_path / "groups.csv").write_text(
        "Ageing Well - Directory of Older People's Groups (Black Country) v7,,,\n"
        "Group,Day/time,Contact phone,Run by\nWOLVERHAMPTON,,,\n"
        "Penn Lunch Club,Tues 12pm,01902 111111,Penn Church\nBilston Walkers,Weds 10am,01902 222222,\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "groups.csv", "--type", "organisation", "-o", "data")
    assert "groups.csv:2: missing column Label" in result.stderr, result.stderr
    assert "Ageing Well" not in result.stderr
    assert _mapping_written(_one_go(result.stderr))["columns"]["Group"] == "Label"
    assert _paste(tmp_path, _one_go(result.stderr)).returncode == 0
    assert {n.name for n in load_dataset(tmp_path / "data").nodes} >= {"Penn Lunch Club", "Bilston Walkers"}


def test_tel_zip4_and_location_columns_are_offered_their_fields(lcg, tmp_path, monkeypatch):
    """A US provider list's "Location", "ZIP+4", "Tel." were offered ~, so its first run's one-go command left
    out every address, ZIP and phone (found re-running a trial after its fixes): offered address, postcode, phone."""
    (tmp_path / "list.csv").write_text("Provider,Location,ZIP+4,Tel.\nCCAC,\"808 Ridge Avenue, Pittsburgh PA\","
                                       "15233-1894,412-555-0171\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "-o", "data")
    command = _one_go(result.stderr)
    assert _mapping_written(command)["columns"] == {"Provider": "Label", "Location": "address", "ZIP+4": "postcode",
                                                    "Tel.": "phone"}, result.stderr
    assert _paste(tmp_path, command).returncode == 0
    (org,) = load_dataset(tmp_path / "data").nodes
    assert org.props == {"name": "CCAC", "sources": ("list.csv",), "address": "808 Ridge Avenue, Pittsburgh PA", "postcode": "15233-1894",
                         "phone": "412-555-0171"}


def test_a_csv_cell_past_the_readers_limit_is_one_line_and_true_in_a_person_column_is_no_one(lcg, tmp_path):
    """A review's hostile inputs: a cell of 140,000 characters ended in a csv.Error traceback; a TRUE cell in a
    contact column (a spreadsheet's tick box) made a person named "True"."""
    result = _import_list(lcg, tmp_path, "Name,Notes\nA Org,\"" + "x" * 140_000 + "\"\n", "{Name: Label, Notes: ~}")
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    (line,) = [x for x in result.output.splitlines() if x.strip()]
    assert "not readable as CSV" in line and "shorten or remove it" in line, line
    result = _import_list(lcg, tmp_path, "Name,Contact\nA Org,TRUE\nB Org,Jo Bennett\n", "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"] == ["Jo Bennett"]


def test_a_windows_1252_csv_is_read_with_a_warning_quoting_the_words_to_check(lcg, tmp_path):
    """A trial's user saved the list from Excel on Windows ("CSV (Comma delimited)", Windows-1252) and was
    refused; it is read, and the warning quotes the words that a wrong code page would have changed."""
    text = "Name,Town\nCaf\u00e9 Bleu Learning,Wolverhampton\nTh\u00e9\u00e2tre Club,Bilston\n"
    result = _import_bytes(lcg, tmp_path, text.encode("cp1252"))
    assert result.exit_code == 0, result.output
    assert ("list.csv: not UTF-8: read as Windows-1252, Excel's CSV on Windows; check 'Caf\u00e9' (line 2), "
            "'Th\u00e9\u00e2tre' (line 3) read as the sheet shows them") in result.output, result.output
    names = sorted(n.name for n in load_dataset(tmp_path / "data").nodes)
    assert names == ["Caf\u00e9 Bleu Learning", "Th\u00e9\u00e2tre Club"]


def test_headings_and_notes_inside_a_list_are_passed_over_with_one_warning_per_sheet(lcg, tmp_path):
    """Trials' lists were arranged under headings and carried notes, each a row with one cell written: "--- Europe
    ---" (in another column than the names) was a "no Label" problem, and a pharmacy list's borough headings
    "Wolverhampton", "Walsall"... were imported as organisations. A decorated row, a note ("NOTE: ...", "N.B. ..."),
    or the text or plural of a Type or Town value ("PCNs", "WALSALL") are passed over, one warning per sheet naming
    the rows. "Oak Trust" with only its name is a row: undecorated, no value of a grouping column, no place. Another
    row written as the headings are ("Greenway", no row's Town nor a known place) is a row, with a warning naming it
    (not "Sandwell", a borough: a place)."""
    text = ("Practice Name,Type,Town,Phone\n--- Black Country ---,,,\nWOLVERHAMPTON,,,\n"
            "Penn Surgery,Practice,Wolverhampton,01902 1\nOak Trust,,,\nUnity PCN,PCN,Wolverhampton,01902 2\n"
            "Keats Grove Surgery,Practice,Wolverhampton,01902 3\nLea Road Surgery,Practice,Wolverhampton,01902 4\n"
            "*** rows below still to be checked ***,,,\nWALSALL,,,\nPinfold Surgery,Practice,Walsall,01922 1\n"
            "Stroud Practice,Practice,Walsall,01922 2\nPCNs,,,\nWalsall PCN,PCN,Walsall,01922 3\n"
            "NOTE: phone numbers checked Dec 2023,,,\nN.B. closes in May,,,\nLast Surgery,Practice,Walsall,01922 4\n"
            "Moxley Surgery,Practice,Walsall,01922 5\n")
    result = _import_list(lcg, tmp_path, text, "{Practice Name: Label, Type: Category, Town: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == [
        "Penn Surgery", "Oak Trust", "Unity PCN", "Keats Grove Surgery", "Lea Road Surgery", "Pinfold Surgery",
        "Stroud Practice", "Walsall PCN", "Last Surgery", "Moxley Surgery"]
    said = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert said == ["warning: list.csv:2 (and 6 more rows): passed over '--- Black Country ---', 'WOLVERHAMPTON', "
                    "'*** rows below still to be checked ***', 'WALSALL', 'PCNs', 'NOTE: phone numbers checked Dec 2023',"
                    " 'N.B. closes in May' (rows 2, 3, 9, 10, 13, 15, 16): headings or notes inside the list, not rows "
                    "of it (one cell written where its rows fill several); to import such a row, write another of its "
                    "cells"], said
    # headings in the names' own case: the Towns they share; one more written as they are ("Greenway") is a row, said
    text = ("Pharmacy Name,Town,Phone\nWolverhampton,,\nBoots,Wolverhampton,1\nWalsall,,\nLloyds,Walsall,2\n"
            "Greenway,,\nKhan's Chemist,Smethwick,3\nTesco Pharmacy,Oldbury,4\n")
    result = _import_list(lcg, tmp_path, text, "{Pharmacy Name: Label, Town: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["Boots", "Lloyds", "Greenway",
                                                                         "Khan's Chemist", "Tesco Pharmacy"]
    assert "passed over 'Wolverhampton', 'Walsall' (rows 2, 4)" in result.stderr, result.stderr
    assert ("warning: list.csv:6: imported 'Greenway' (row 6) with one cell written, as the headings passed over "
            "('Wolverhampton', 'Walsall') are") in result.stderr, result.stderr
    # a heading in another column than the names was "no Label"; a list with no headings keeps its one-cell rows
    text = ("Member city,Organisation,Country\n--- Europe ---,,\nCork,Cork City Council,Ireland\n"
            "Limerick,Limerick City Council,Ireland\nLagos,,\nKöln,Stadt Köln,Germany\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Member city: address, Country: address}")
    assert result.exit_code == 1 and "list.csv:5: no name in column 'Organisation'" in result.stderr, result.stderr
    assert "list.csv:2" not in result.stderr
    result = _import_list(lcg, tmp_path, "Name,Town,Phone\nOak Trust,,\nBoots,Wolverhampton,1\nLloyds,Walsall,2\n"
                          "Oxfam,,\n", "{Name: Label, Town: address, Phone: phone}")
    assert result.exit_code == 0 and "warning" not in result.stderr, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["Oak Trust", "Boots", "Lloyds", "Oxfam"]


def test_a_type_column_of_categories_in_a_plain_list_is_mapped_to_category_by_the_first_runs_command(
        lcg, tmp_path, monkeypatch):
    """A trial's partner list (--type organisation) with a "Type" column of its own ("University", "Institute") and
    a row with no Type: that row's kind, the one given, was counted as a kind the column names, so no hint said
    `Type: Category` and the pasted command failed again; its other columns were said only for that row, then again
    for all rows. The first run says every problem once, and its command, pasted, imports the list."""
    (tmp_path / "partners.csv").write_text(
        "Institution,Type,City,Web\nUniversidad de Antioquia,University,Medellín,www.udea.edu.co\n"
        "UCL Institute of Education,Institute,London,www.ucl.ac.uk/ioe\nUNESCO-Institut,,Hamburg,uil.unesco.org\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = lcg("import", "sheet", "partners.csv", "--type", "organisation", "-o", "data")
    assert first.exit_code == 1
    assert ("partners.csv:2 (and 1 more row): unknown types 'Institute' (1), 'University' (1) (expected one of "
            "Organisation") in first.stderr, first.stderr
    assert "if they are categories of your own, name your own column in a mapping file, as the command on the last " \
        "line does)" in first.stderr
    assert first.stderr.count("unknown column 'City'") == 1, first.stderr
    assert "partners.csv:2 (and 2 more rows): unknown column 'City'" in first.stderr, first.stderr
    command = _one_go(first.stderr)
    assert _mapping_written(command)["columns"] == {"Institution": "Label", "Type": "Category", "City": "address",
                                                    "Web": "website"}
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0, pasted.stderr
    orgs = {n.name: n.props.get("type") for n in load_dataset(tmp_path / "data").nodes}
    assert orgs == {"Universidad de Antioquia": "University", "UCL Institute of Education": "Institute",
                    "UNESCO-Institut": None}


@pytest.mark.parametrize("column", ["Acronym", "Abbreviation", "Short name", "Also known as", "AKA", "Known as"])
def test_a_column_of_a_bodys_other_names_is_offered_as_aliases(lcg, tmp_path, monkeypatch, column):
    """A trial's partner list had "Acronym" ("UdeA", "CR&DALL"), offered `Acronym: ~`: its short names were thrown
    away, though `lcg duplicates` reads aliases. A column of short or other names is offered as aliases."""
    (tmp_path / "list.csv").write_text(f"Institution,{column}\nUniversidad de Antioquia,UdeA\n"
                                       "University of Glasgow,UofG\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "-o", "data")
    assert f"map it with {column}: aliases;" in result.stderr, result.stderr
    assert _paste(tmp_path, _one_go(result.stderr)).returncode == 0
    assert {n.name: list(n.props["aliases"]) for n in load_dataset(tmp_path / "data").nodes} == {
        "Universidad de Antioquia": ["UdeA"], "University of Glasgow": ["UofG"]}


@pytest.mark.parametrize("column", ["F-Code", "Org code", "Practice code"])
def test_a_column_of_nhs_ods_codes_is_offered_as_ods_code(lcg, tmp_path, monkeypatch, column):
    """A trial's pharmacy list's "F-Code" (FA109, fa105) was offered `F-Code: ~`, throwing the codes away: a column
    named for codes whose values have the shapes of ODS codes (a pharmacy's F-code, a practice's M92007, a trust's
    RL4, a primary care network's U12001) is offered "ODS code", read as org-ids (GB-NHS-FA109). A column of a
    system's own keys ("ORG-0001") is not."""
    (tmp_path / "list.csv").write_text(f"Name,{column}\nBoots,FA109\nBoots - Park St,fa105\nPenn Surgery,M92007\n"
                                       "Royal Wolverhampton NHS Trust,RL4\nUnity PCN,U12005\nKhans Chemists,\n",
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "-o", "data")
    assert f"map it with {column}: ODS code;" in result.stderr, result.stderr
    assert _paste(tmp_path, _one_go(result.stderr)).returncode == 0
    ids = {n.name: list(n.props.get("identifiers", ())) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Boots": ["GB-NHS-FA109"], "Boots - Park St": ["GB-NHS-FA105"], "Penn Surgery": ["GB-NHS-M92007"],
                   "Royal Wolverhampton NHS Trust": ["GB-NHS-RL4"], "Unity PCN": ["GB-NHS-U12005"],
                   "Khans Chemists": []}
    (tmp_path / "keys.csv").write_text(f"Name,{column}\nBoots,ORG-0001\nLloyds,ORG-0002\n", encoding="utf-8")
    result = lcg("import", "sheet", "keys.csv", "-o", "data2")
    assert "ODS code" not in result.stderr and f"leave it out with {column}: ~" in result.stderr, result.stderr


def test_registered_society_numbers_are_one_mutuals_register_org_id_in_any_column(lcg, tmp_path, monkeypatch):
    """A housing list's "Registration no." held co-operative and community benefit societies' numbers as lists copy
    them: IP28449R (Companies House's index), 28449R (the Mutuals Public Register's), RS007553 and "RS 7553" (a
    society registered since 2014, as Companies House writes it), "IP 30086 R". Mapped to Charity number, they fit no
    register, and RS007553 was read as the company number GB-COH-RS007553 without a word. Each is read as the
    society's org-id, one way (GB-MPR-28449R, GB-MPR-7553), with a warning; a "Society no." column unasked."""
    (tmp_path / "housing.csv").write_text(
        "Organisation Name,Registration no.,Company no.,Society no.\nBromford Housing Group Ltd,IP28449R,,\n"
        "Bromford Group,28449R,,\nAccord Group,RS007553,,\nThe Accord Group,RS 7553,RS007553,\n"
        "Midland Heart Ltd,IP 30086 R,,\nMidland Heart,,,30086R\nYMCA Black Country Group,1105318,,\n"
        "Dovecotes TMO Ltd,04017862,,\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = lcg("import", "sheet", "housing.csv", "--type", "organisation", "-o", "data")
    assert "map it with Registration no.: Charity number (a company's number in it" in first.stderr, first.stderr
    pasted = _paste(tmp_path, _one_go(first.stderr))
    assert pasted.returncode == 0, pasted.stderr
    ids = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Bromford Housing Group Ltd": ["GB-MPR-28449R"], "Bromford Group": ["GB-MPR-28449R"],
                   "Accord Group": ["GB-MPR-7553"], "The Accord Group": ["GB-MPR-7553"],
                   "Midland Heart Ltd": ["GB-MPR-30086R"], "Midland Heart": ["GB-MPR-30086R"],
                   "YMCA Black Country Group": ["GB-CHC-1105318"], "Dovecotes TMO Ltd": ["GB-COH-04017862"]}
    assert ("column 'Registration no.': read 'IP28449R' as GB-MPR-28449R (a registered society's number), '28449R' as "
            "GB-MPR-28449R (a registered society's number), 'RS007553' as GB-MPR-7553 (a registered society's "
            "number) and 3 more") in pasted.stderr, pasted.stderr
    assert "column 'Company no.': read 'RS007553' as GB-MPR-7553 (a registered society's number)" in pasted.stderr


def test_an_older_society_s_number_after_rs_and_a_space_is_its_mutuals_register_org_id(lcg, tmp_path):
    """A money trial's grants list's mixed "Charity / Company No" column held "RS 29321R" (an older society's number,
    its Act's letter kept, after Companies House's "RS"): the whole import stopped, "fits no register". Read as the
    number written "29321R" or "IP 29321R" is, GB-MPR-29321R; the forms read before map as they did."""
    text = ("Recipient,Charity / Company No\nBlack Country Credit Union,RS 29321R\nDudley Credit Union,IP 29322R\n"
            "Walsall Co-op,RS29323R\nAccord Group,RS007553\nMidland Heart,30086R\n")
    result = _import_list(lcg, tmp_path, text, "{Recipient: Label}")
    assert result.exit_code == 0, result.output
    ids = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Black Country Credit Union": ["GB-MPR-29321R"], "Dudley Credit Union": ["GB-MPR-29322R"],
                   "Walsall Co-op": ["GB-MPR-29323R"], "Accord Group": ["GB-MPR-7553"],
                   "Midland Heart": ["GB-MPR-30086R"]}
    assert "read 'RS 29321R' as GB-MPR-29321R (a registered society's number)" in result.stderr, result.stderr


def test_people_with_their_roles_written_every_way_and_services_where_a_person_would_be(lcg, tmp_path):
    """Trials' contact columns: "Clinical Director: Dr P Singh", "Branch Sec: Margaret Ellis", "Dr Tom Fielding -
    Consultant Geriatrician", "Jas Dhillon, Integrated Care Coordinator" were refused; "Mo Ahmed (Information & Advice
    Officer)" was split at the "&" in its brackets; "PALS", "Switchboard", "Helpline", "Advice line", "Duty Officer",
    "Self-referral", "Referrals nurse", "Debt adviser", "Patient Relations", "Adult Social Care", "Kids & families
    team" became people; "Coach - Wolverhampton" (a role and a place) was an error where "Tenant Involvement Team" was
    a warning. A person's name is a given and a family name: each person is read with their role, every service,
    job or acronym alone is passed over with the one warning."""
    people = {"Clinical Director: Dr P Singh": ("Dr P Singh", "Clinical Director"),
              "Branch Sec: Margaret Ellis": ("Margaret Ellis", "Branch Sec"),
              "Jo Bennett - Curator": ("Jo Bennett", "Curator"), "Jo Bennett, Curator": ("Jo Bennett", "Curator"),
              "Dr Tom Fielding - Consultant Geriatrician": ("Dr Tom Fielding", "Consultant Geriatrician"),
              "Jas Dhillon, Integrated Care Coordinator": ("Jas Dhillon", "Integrated Care Coordinator"),
              "Mo Ahmed (Information & Advice Officer)": ("Mo Ahmed", "Information & Advice Officer"),
              "Sanne de Vries": ("Sanne de Vries", None), "Tom Head": ("Tom Head", None)}
    services = ["PALS", "Switchboard", "Helpline", "Infoline", "Advice line", "Duty Officer", "Self-referral",
                "Referrals nurse", "Debt adviser", "Patient Relations", "Adult Social Care", "Kids & families team",
                "Coach - Wolverhampton", "Tenant Involvement Team", "Adult Social Care front door",
                "Community Health Officer", "Independent DV Advocate"]
    cells = [*people, *services]
    result, ties = _contacts_imported(lcg, tmp_path, cells)
    assert ties == {(f"Org {i}", *people[c]) for i, c in enumerate(people)}
    rows = ", ".join(str(i + 2) for i in range(len(people), len(cells)))
    assert (f"column 'Contact': passed over {', '.join(map(repr, services))} (rows {rows}): a role or team, not a "
            "person's name (a given and a family name)") in result.stderr, result.stderr
    assert result.stderr.count("warning:") == 1, result.stderr


def test_the_note_on_rows_repeating_a_name_counts_the_rows_written_and_names_them(lcg, tmp_path):
    """A trial's note said "1 row repeats the name of an earlier row ... (its id ending -2...)" where no id ended -2
    ("The Accord Group" repeats "Accord Group" as the-accord-group), and named no row. It counts the rows written,
    each with its id and the earlier row's."""
    text = ("Name,Phone\nAccord Group,0300 1\nThe Accord Group,0300 2\nBoots,1\nBoots,2\nLloyds,3\n"
            "WOLVERHAMPTON HOMES,4\nWolverhampton Homes,5\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Phone: phone}")
    assert result.exit_code == 0, result.output
    assert (f"note: 3 rows repeat the name of an earlier row, each an entry of its own: 3 at the earlier row's "
            f"address or postcode, or with none apart, which `lcg duplicates --data {tmp_path / 'data'}` pairs: "
            "list.csv:3 'The Accord Group' as the-accord-group (row 2: accord-group), list.csv:5 'Boots' as boots-2 "
            "(row 4: boots), list.csv:8 'Wolverhampton Homes' as wolverhampton-homes-2 (row 7: "
            "wolverhampton-homes)") in \
        result.stderr, result.stderr


def test_the_note_on_repeated_names_tells_rows_at_one_place_from_a_bodys_sites(lcg, tmp_path):
    """A refugee trial's ESOL list gave a provider's classes at 13 venues, and the note said "15 rows repeat the name
    of an earlier row... `lcg duplicates --data data` pairs them": it listed one of them to merge, the others being
    sites of one body, which it keeps apart by design. The note says which are at the earlier row's postcode (or
    address, where no postcodes are written), paired, and which elsewhere, with the command listing those."""
    text = ("Class provider,Venue,Postcode\nAdult Education Wolverhampton,Old Hall Street Centre,WV1 3AU\n"
            "Adult Education Wolverhampton,Central Library,WV1 3AX\nCity of Wolverhampton College,Paget Road,WV6 0DU\n"
            "City of Wolverhampton College,Paget Road Campus,wv60du\n")
    result = _import_list(lcg, tmp_path, text, "{Class provider: Label, Venue: address, Postcode: postcode}")
    assert result.exit_code == 0, result.output
    data = tmp_path / "data"
    assert (f"note: 2 rows repeat the name of an earlier row, each an entry of its own: 1 at the earlier row's address "
            f"or postcode, or with none apart, which `lcg duplicates --data {data}` pairs: list.csv:5 'City of "
            "Wolverhampton College' as city-of-wolverhampton-college-2 (row 4: city-of-wolverhampton-college); 1 at "
            "another address or postcode, kept as separate records, which may be sites of one body or bodies of "
            f"one name (`lcg search 'Adult Education Wolverhampton' --data {data}` lists them with their "
            "towns and postcodes): list.csv:3 'Adult Education Wolverhampton' as adult-education-wolverhampton-2 (row "
            "2: adult-education-wolverhampton)") in result.stderr, result.stderr
    pairs = json.loads(lcg("duplicates", "--data", data, "--format", "json").stdout)
    assert [(p["action"], p["keep"], p["merge"]) for p in pairs if p["action"] == "merge"] == [
        ("merge", "city-of-wolverhampton-college", "city-of-wolverhampton-college-2")], pairs
    searched = lcg("search", "Adult Education Wolverhampton", "--data", data)
    assert searched.exit_code == 0 and "WV1 3AX" in searched.output, searched.output


def test_rows_of_one_name_at_two_postcodes_are_said_to_be_two_records_not_one_bodys_sites(lcg, tmp_path):
    """A libraries trial's two "Central Library" rows (Wolverhampton WV1, West Bromwich B70: two councils' libraries)
    and a food trial's two "Priory Pantry" rows (Walsall, Dudley) were said to be "kept as sites of one body
    (`lcg duplicates` lists their pairs for review...)", which duplicates did not. The list cannot say whether
    they are one body's sites or two bodies of one name; the note says what is true, and its command, pasted,
    lists both records with their postcodes."""
    text = ("Venue,Address,Postcode\nCentral Library,\"Snow Hill, Wolverhampton\",WV1 3AX\n"
            "Heritage Centre,\"High Street, Wednesfield\",WV11 1ST\n"
            "Central Library,\"High Street, West Bromwich\",B70 8DZ\n"
            "Heritage Centre,\"Victoria Road, Darlaston\",WS10 8AA\n")
    result = _import_list(lcg, tmp_path, text, "{Venue: Label, Address: address, Postcode: postcode}")
    assert result.exit_code == 0, result.output
    data = tmp_path / "data"
    note = next(line for line in result.stderr.splitlines() if line.startswith("note: 2 rows repeat"))
    assert "sites of one body (" not in note and "lcg duplicates" not in note, note
    assert "kept as separate records, which may be sites of one body or bodies of one name" in note, note
    command = note.split("(`", 1)[1].split("`", 1)[0]
    assert command == f"lcg search 'Central Library' --data {data}", command
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0 and "WV1 3AX" in pasted.stdout and "B70 8DZ" in pasted.stdout, pasted.stdout


def test_ids_fold_letters_unicode_gives_no_plain_form_and_end_at_a_words_end(lcg, tmp_path):
    """"Sønderborg Kommune" was written snderborg-kommune (ø has no decomposition, and the ASCII fold dropped it),
    and a long name's id was cut mid-word at 80 characters ("...-cr-dall-universit")."""
    from graph.importers.yaml_out import slug

    long = "Centre for Research & Development in Adult and Lifelong Learning (CR&DALL), University of Glasgow"
    text = f"Name\nSønderborg Kommune\n\"{long}\"\nStraße der Æbeltoft Œuvre\nŁódź Đakovo Þingvellir Ðeð Kadıköy\n"
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 0, result.output
    assert [n.id for n in load_dataset(tmp_path / "data").nodes] == [
        "sonderborg-kommune", "centre-for-research-development-in-adult-and-lifelong-learning-cr-dall",
        "strasse-der-aebeltoft-oeuvre", "lodz-dakovo-thingvellir-ded-kadikoy"]
    assert slug("x" * 100) == "x" * 80  # one word longer than an id: cut inside it


def test_an_nhs_trusts_ods_code_in_a_charity_column_is_read_as_one(lcg, tmp_path):
    """A social prescribing directory's "Charity No." held the NHS trusts' ODS codes RL4 and TAJ, which "fit no
    register" and blocked the import: no charity's or company's number has a trust's shape (R or T and two), so they
    are read as GB-NHS- org-ids with a warning, as a company's number in a charity column is."""
    text = "Organisation,Charity No.\nThe Royal Wolverhampton NHS Trust,RL4\nBlack Country Healthcare,TAJ\nMind,219830\n"
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label}")
    assert result.exit_code == 0, result.output
    assert {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes} == {
        "The Royal Wolverhampton NHS Trust": ["GB-NHS-RL4"], "Black Country Healthcare": ["GB-NHS-TAJ"],
        "Mind": ["GB-CHC-219830"]}
    assert ("column 'Charity No.': read 'RL4' as GB-NHS-RL4 (an NHS body's ODS code), 'TAJ' as GB-NHS-TAJ (an NHS "
            "body's ODS code)") in result.stderr, result.stderr


def test_a_utf16_csv_is_read_by_its_mark_and_one_without_it_is_one_clear_line(lcg, tmp_path):
    """A review's find: a UTF-16 file (Excel's "Unicode Text", its byte-order mark first) was read as Windows-1252
    into a header of NULs, and the hint's map pasted them; it is read as UTF-16, and one without its mark (NUL
    bytes) is refused in one line."""
    result = _import_bytes(lcg, tmp_path, "Name,Town\nCaf\u00e9 Bleu Learning,Wolverhampton\n".encode("utf-16"))
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["Caf\u00e9 Bleu Learning"]
    result = _import_bytes(lcg, tmp_path, "Name,Town\nBilston Learning,Wolverhampton\n".encode("utf-16-le"),
                           "other")  # ASCII in UTF-16 without its mark
    (line,) = [x for x in result.output.splitlines() if x.strip()]
    assert result.exit_code == 1 and "a NUL byte on line 1" in line and "\x00" not in line, line


def test_names_in_scripts_without_capitals_are_people_and_their_roles_are_not(lcg, tmp_path):
    """A trial's conference delegates "박서연", "陈静" were passed over as "a role or team, not a person's name":
    Chinese, Japanese and Korean write a whole name as one word of two to four letters, with no capitals to tell
    it from a role's. Such a word is a person unless it is a role's word of those scripts ("王经理" Manager Wang,
    "팀장" team leader), which follows a name as Latin roles do ("박서연 팀장" is 박서연, team leader); Thai's vowel
    signs are part of its words; Cyrillic, Arabic and Hebrew names are read as Latin ones (a word alone, "Иван",
    "محمد", is a given name alone)."""
    people = {"박서연": ("박서연", None), "陈静": ("陈静", None), "山田太郎": ("山田太郎", None),
              "Dr 윤지혜": ("Dr 윤지혜", None), "김민수 팀장": ("김민수", "팀장"), "Иван Петров": ("Иван Петров", None),
              "Γιώργος Παπαδόπουλος": ("Γιώργος Παπαδόπουλος", None), "محمد علي": ("محمد علي", None),
              "สมชาย ใจดี": ("สมชาย ใจดี", None)}
    passed = ["王经理", "팀장", "陈", "Иван", "محمد", "ОТДЕЛ"]
    cells = [*people, *passed]
    result, ties = _contacts_imported(lcg, tmp_path, cells)
    assert ties == {(f"Org {i}", *people[c]) for i, c in enumerate(people)}
    assert f"column 'Contact': passed over {', '.join(map(repr, passed))}" in result.stderr, result.stderr


_DELEGATES = (("Dr Anna Schmidt", "Universität Hamburg", "Germany"), ("박서연", "Seoul Metropolitan Government", "Korea"),
              ("Juan Pérez", "Alcaldía de Medellín", "Colombia"), ("Luz Gómez", "Universidad de Antioquia", "Colombia"))


@pytest.mark.parametrize("people", [("Name",), ("Delegate",), ("First Name", "Last Name")])
def test_a_list_of_delegates_makes_their_organisations_the_label_and_them_people(lcg, tmp_path, monkeypatch, people):
    """A trial's conference list: "Name" (the delegates: "Dr Anna Schmidt", "박서연") beside "Organisation /
    Institution". The hint made Name the Label and left the organisations out: pasted, 125 people were imported as
    organisations, with no warning. A column of people's names (or a first and a last name's, as an event's export
    writes them) beside one named for organisations is read as the people who work for them: the organisations'
    column is the Label, the names' columns person."""
    rows = [(name if len(people) == 1 else ",".join(name.rsplit(" ", 1)), org, country)
            for name, org, country in _DELEGATES if len(people) == 1 or " " in name]
    (tmp_path / "delegates.csv").write_text(
        f"Reg ID,{','.join(people)},Organisation / Institution,Country,Email\n"
        + "".join(f"PC-{i},{name},{org},{country},x{i}@example.org\n" for i, (name, org, country) in enumerate(rows)),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = lcg("import", "sheet", "delegates.csv", "--type", "organisation", "-o", "data")
    assert first.exit_code == 1
    assert _mapping_written(_hint_command(first.stderr))["columns"] == {
        "Organisation / Institution": "Label", **dict.fromkeys(people, "person"), "Reg ID": None,
        "Country": "address", "Email": None}
    pasted = _paste(tmp_path, _hint_command(first.stderr))
    assert pasted.returncode == 0, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    assert {(names[r.start], names[r.end]) for r in ds.rels if r.kind == "WORKS_FOR"} == {
        (name.replace(",", " "), org) for name, org, _ in rows}


@pytest.mark.parametrize("bodies, cells", [
    ("Parent organisation", ("Government of Ireland", "Universidad de Antioquia", "Fundación Roble", "")),
    ("Organisation", ("Cork City Council", "Bilston Library", "Fundación Roble", "Oak Trust")),
])
def test_a_name_column_of_organisations_stays_the_label_beside_an_organisation_column(lcg, tmp_path, monkeypatch,
                                                                                      bodies, cells):
    """Only a column of people's names gives way to the organisations' column: a list whose "Name" holds the bodies
    (some written as names are, "Facultad de Educación") beside their "Parent organisation" (another body than the
    row's) or an "Organisation" column keeps Name as its Label."""
    names = ("Cork City Council", "Facultad de Educación", "Bilston Library", "Oak Trust")
    (tmp_path / "orgs.csv").write_text(f"Name,{bodies},Phone\n" + "".join(
        f"{n},{c},{i}\n" for i, (n, c) in enumerate(zip(names, cells))), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = lcg("import", "sheet", "orgs.csv", "--type", "organisation", "-o", "data")
    columns = _mapping_written(_hint_command(first.stderr))["columns"]
    assert [c for c, f in columns.items() if f == "Label"] == ["Name"] and "person" not in columns.values(), columns


def test_a_place_column_is_address_and_a_focal_point_of_names_is_people(lcg, tmp_path, monkeypatch):
    """A trial's list of member cities: the map left "Member city" out (~) and gave "Focal point", a column of
    people's names, nothing. A column whose name ends with a place's word ("Member city", "Home country") is offered
    as address, joined with the others in their order; "Focal point", "Liaison", "Representative", "Key contact",
    "Coordinator" columns whose cells are people's names are offered as person; one of a body's desks ("International
    Office") is not, nor "Ethnicity" (whose end is no word) address."""
    (tmp_path / "members.csv").write_text(
        "Member city,City government,Home country,Focal point,Liaison,Representative,Key contact,Co-ordinator,"
        "Lead,Ethnicity\n"
        "Medellín,Alcaldía de Medellín,Colombia,Luz Gómez,Ana Ruiz,Dr Pablo Sosa,Ana Ruiz,Juan Pérez,"
        "International Office,x\n"
        "Cork,Cork City Council,Ireland,Denis Barrett (coordinator),Mary Walsh,Seán Ó Riada,Denis Barrett,"
        "Mary Walsh,Yes,y\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = lcg("import", "sheet", "members.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_hint_command(first.stderr))["columns"] == {
        "City government": "Label", "Member city": "address", "Home country": "address", "Focal point": "person",
        "Liaison": "person", "Representative": "person", "Key contact": "person", "Co-ordinator": "person",
        "Lead": None, "Ethnicity": None}, first.stderr
    pasted = _paste(tmp_path, _hint_command(first.stderr))
    assert pasted.returncode == 0, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    orgs = {n.name: n.props for n in ds.nodes if n.kind == "Organisation"}
    assert orgs["Alcaldía de Medellín"]["address"] == "Medellín, Colombia"
    assert {n.name for n in ds.nodes if n.kind == "Person"} == {"Luz Gómez", "Ana Ruiz", "Dr Pablo Sosa", "Juan Pérez",
                                                                "Denis Barrett", "Mary Walsh", "Seán Ó Riada"}


def test_a_note_with_no_row_after_it_is_said_to_be_below_the_list(lcg, tmp_path):
    """A trial's referral directory ended with "NOTE: phone numbers checked Dec 2023 - ... directory v4", said to be
    "a note inside the list" though no row followed it. A heading or note with no row of the list after it is a note
    below the list, said with the others there in their order; one with rows after it is still inside."""
    text = ("Organisation,Town,Phone\n--- Wolverhampton ---,,\nOak Trust,Wolverhampton,1\nElm Trust,Bilston,2\n"
            "Ash Trust,Wolverhampton,3\nBirch Trust,Bilston,4\n,NOTE: phone numbers checked Dec 2023 - directory v4,\n"
            "Exported 2024-01-12 by J Evans,,\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Town: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    assert len(load_dataset(tmp_path / "data").nodes) == 4
    said = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert said == ["warning: list.csv:7: passed over 'NOTE: phone numbers checked Dec 2023 - directory v4': a note "
                    "below the list (one cell alone written), not one of its rows",
                    "warning: list.csv:8: passed over 'Exported 2024-01-12 by J Evans': a note below the list (its "
                    "first cell alone written), not one of its rows",
                    "warning: list.csv:2: passed over '--- Wolverhampton ---' (row 2): a heading or note inside the "
                    "list, not a row of it (one cell written where its rows fill several); to import such a row, "
                    "write another of its cells"], said


def test_a_family_name_that_is_also_a_jobs_word_is_a_person_and_a_job_written_so_is_not(lcg, tmp_path):
    """A reviewer's plain list with a Contact column: "Paul Nurse", "Syed Imam", "Sarah Care", "Rosa Pastor",
    "Kevin Trainer" were passed over as roles (family names that are job words too), and "Ehsan ul Haq", "Juan de los
    Ríos", "Maria do Carmo", "Jane smith" refused the import ("which name no person"); the release before read them
    all as people. A given name then such a family name is a person; the job word is a job where the cell reads as
    one ("Practice Nurse", "Imam", "Youth Pastor", "Care Coordinator": a job's qualifier or a role's word before
    it). A cell of two to four words with no role, team or body word is at worst passed over, never refused."""
    people = ["Paul Nurse", "Syed Imam", "Sarah Care", "Rosa Pastor", "Kevin Trainer", "Ehsan ul Haq",
              "Juan de los Ríos", "Maria do Carmo", "Jane smith", "Omar al-Sayed", "Mary Anne Chaplain", "Tom Baker"]
    jobs = ["Practice Nurse", "Imam", "Youth Pastor", "Care Coordinator", "Personal Trainer", "Senior Nurse",
            "Hospital Chaplain", "Day Care"]
    odd = ["Jane 'Jo' Smith"]  # no name as the rules read names, nor a role's word: passed over, not refused
    cells = [*people, *jobs, *odd]
    text = "Name,Contact\n" + "".join(f"Org {i},\"{c}\"\n" for i, c in enumerate(cells))
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    assert {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"} == set(people)
    rows = ", ".join(str(i + 2) for i in range(len(people), len(cells)))
    assert (f"column 'Contact': passed over {', '.join(map(repr, jobs + odd))} (rows {rows}): a role or team, not a "
            "person's name") in result.stderr, result.stderr
    # care agencies are named so too ("Bluebird Care"): a column of them is no column of people
    (tmp_path / "partners.csv").write_text("Name,Lead,Phone\nOak Trust,Bluebird Care,1\nElm Trust,Sunrise Care,2\n"
                                           "Ash Trust,Helping Care,3\n", encoding="utf-8")
    first = lcg("import", "sheet", tmp_path / "partners.csv", "--type", "organisation", "-o", tmp_path / "data2")
    assert _mapping_written(_hint_command(first.stderr))["columns"]["Lead"] is None, first.stderr


def test_an_organisation_with_only_its_name_is_a_row_however_it_is_written(lcg, tmp_path):
    """A reviewer's mixed-case list: rows written only "NSPCC" and "WEA" (initials) were passed over as headings, and
    once "Wolverhampton" and "Walsall" (its Towns) were, "Barnardo's" and "Caritas" too, written as they are. A row is
    a heading only when what it says is a heading's: decorated, a note, a value of a Type or Town column, or a
    place's name (a country, place words such as "West Midlands", a part of an address the list gives); capitals or
    being written as other headings are not enough (those rows are imported, the latter with a warning)."""
    text = ("Name,Town,Address,Phone\nWest Midlands,,,\nWolverhampton,,,\nOak Trust,Wolverhampton,1 High St,1\n"
            "NSPCC,,,\nElm Trust,Wolverhampton,\"2 Mill Rd, Penn\",2\nPine Trust,Wolverhampton,3 Oak Rd,5\n"
            "Penn,,,\nYew Trust,Wolverhampton,4 Elm Rd,6\nWalsall,,,\nAsh Trust,Walsall,5 Ash Rd,3\nBarnardo's,,,\n"
            "Fir Trust,Walsall,6 Fir Rd,7\nWEA,,,\nCaritas,,,\nBirch Trust,Walsall,7 Birch Rd,4\nIreland,,,\n"
            "Lime Trust,Dublin,8 Lime Rd,8\nRowan Trust,Dublin,9 Rowan Rd,9\nHolly Trust,Cork,10 Holly Rd,10\n"
            "Alder Trust,Cork,11 Alder Rd,11\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Town: address, Address: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    names = [n.name for n in load_dataset(tmp_path / "data").nodes]
    assert {"NSPCC", "WEA", "Barnardo's", "Caritas"} <= set(names), names
    assert not {"West Midlands", "Wolverhampton", "Penn", "Walsall", "Ireland"} & set(names), names
    assert ("passed over 'West Midlands', 'Wolverhampton', 'Penn', 'Walsall', 'Ireland' (rows 2, 3, 8, 10, 17)"
            in result.stderr), result.stderr
    assert ("imported \"Barnardo's\", 'Caritas' (rows 12, 15) with one cell written, as the headings passed over "
            "('West Midlands', 'Wolverhampton', 'Penn' and 2 more) are") in result.stderr, result.stderr
    # written as the headings are, in another column than the names: no name to import, so one of them (a GP list's
    # "SANDWELL" in its first column refused the list: "no Label")
    text = ("ODS Code,Practice Name,Town\nWOLVERHAMPTON,,\nM1,Penn Surgery,Wolverhampton\nM2,Oak Surgery,Bilston\n"
            "WALSALL,,\nM3,Pinfold Surgery,Walsall\nM4,Ash Surgery,Walsall\nSANDWELL,,\nM5,Lyng Surgery,Smethwick\n"
            "M6,Elm Surgery,Oldbury\n")
    result = _import_list(lcg, tmp_path, text, "{Practice Name: Label, ODS Code: ~, Town: address}")
    assert result.exit_code == 0, result.output
    assert "passed over 'WOLVERHAMPTON', 'WALSALL', 'SANDWELL' (rows 2, 5, 8)" in result.stderr, result.stderr
    assert len(load_dataset(tmp_path / "data").nodes) == 6


def test_headings_in_capitals_of_the_lists_own_words_and_sentences_below_it_are_passed_over(lcg, tmp_path):
    """Trials' directories imported their headings "REGIONAL / NATIONAL", "BLACK COUNTRY", "COVENTRY & WARWICKSHIRE"
    as organisations, and "SANDWELL" (no row's Town) with a warning while "WALSALL" (a Town) was passed over; their
    last rows "Last updated Feb 2025 by Economy team - please ..." and GrantNav's "Data published under the Open
    Government Licence; exported from ..." were imported, or refused as "no Label". A one-cell row in capitals with a
    word the rows write in small letters is those words shouted, a heading; initials ("NSPCC": capitals wherever
    written) stay a row. A one-cell row below the list written as a sentence (three words or more in small letters
    that no name writes so) is a note; a name written in haste ("Bilston toy library") stays a row."""
    text = ("Name,Town,Phone\nWALSALL,,\nWalsall Arboretum Friends,Walsall,1\nSandwell Valley Friends,Walsall,2\n"
            "SANDWELL,,\nWarley Woods Trust,Smethwick,3\nNSPCC,,\nBLACK COUNTRY,,\nTCV Black Country,Tipton,4\n"
            "REGIONAL / NATIONAL,,\nNational Waterways Museum,Ellesmere Port,5\nCanal Trust,Fazeley,6\n"
            "Keep Britain Tidy,Wigan,7\nGroundwork UK,Birmingham,8\nBilston toy library,,\n"
            "Last updated Feb 2025 by Economy team - please tell us about changes,,\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Town: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    names = [n.name for n in load_dataset(tmp_path / "data").nodes]
    assert names == ["Walsall Arboretum Friends", "Sandwell Valley Friends", "Warley Woods Trust", "NSPCC",
                     "TCV Black Country", "National Waterways Museum", "Canal Trust", "Keep Britain Tidy",
                     "Groundwork UK", "Bilston toy library"], names
    assert ("passed over 'WALSALL', 'SANDWELL', 'BLACK COUNTRY', 'REGIONAL / NATIONAL' (rows 2, 5, 8, 10): headings "
            "or notes inside the list") in result.stderr, result.stderr
    assert ("list.csv:16: passed over 'Last updated Feb 2025 by Economy team - please tell us about changes': a note "
            "below the list") in result.stderr, result.stderr
    assert "imported 'NSPCC'" in result.stderr  # written as the headings are: imported, and said
    # a sector's heading (a Bradford and a Birmingham hold-out's "FAITH" became an organisation)
    result = _import_list(lcg, tmp_path, "Name,Town\nFAITH,\nBirmingham Council of Faiths,Digbeth\n"
                          "Green Lane Masjid,Small Heath\nHEALTH & WELLBEING,\nBirmingham Mind,Ladywood\n"
                          "NSPCC,Edgbaston\n", "{Name: Label, Town: address}")
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == [
        "Birmingham Council of Faiths", "Green Lane Masjid", "Birmingham Mind", "NSPCC"], result.output
    # a licence line below a list whose first column is no name: a note, not a row with no Label
    text = ("Ref,Organisation,Amount\nG-1,Oak Trust,100\nG-2,Elm Trust,200\nG-3,Ash Trust,300\n"
            "Data published under the Open Government Licence; exported from GrantNav 2024-03-01,,\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Ref: ~, Amount: ~}")
    assert result.exit_code == 0, result.output
    assert "list.csv:5: passed over 'Data published under" in result.stderr, result.stderr


def test_a_heading_in_capitals_above_its_rows_is_passed_over_whatever_its_words(lcg, tmp_path):
    """Trials' lists imported their headings "SPECIAL SCHOOLS", "SANDWELL & DUDLEY", "LICHFIELD DIOCESE - WALSALL
    DEANERY", "LATE RETURNS", "NEW MEMBERS 2024 (not yet sorted)" as organisations while their siblings ("TRUSTS",
    "WALSALL") were passed over: a body's kind in the singular, or words the list writes nowhere else, read as a
    body's. A line of the names' column written alone in capitals (a note in small letters after it at most), above
    the rows it heads, in a list that writes its names in mixed case, is a heading; initials ("NSPCC") and a body
    written as names are ("AGE UK - Walsall") stay rows, as does a body with only its name right above a heading."""
    text = ("Name,Town,Phone\nSPECIAL SCHOOLS,,\nPenn Hall School,Wolverhampton,1\nTettenhall Wood School,"
            "Wolverhampton,2\nSANDWELL & DUDLEY,,\n1st Tipton Scout Group,Tipton,3\nNSPCC,,\nOak Trust,Dudley,4\n"
            "LICHFIELD DIOCESE - WALSALL DEANERY,,\nSt Matthew's Walsall,Walsall,5\nAGE UK - Walsall,,\n"
            "Elm Trust,Walsall,6\nNEW MEMBERS 2024 (not yet sorted),,\nAsh Trust,Bilston,7\nBirch Trust,Bilston,8\n"
            "WOLVERHAMPTON HOMES,,\nLATE RETURNS,,\nRowan Trust,Walsall,9\nSECONDARY,,\nHeath Park,Wolverhampton,10\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Town: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    names = [n.name for n in load_dataset(tmp_path / "data").nodes]
    assert names == ["Penn Hall School", "Tettenhall Wood School", "1st Tipton Scout Group", "NSPCC", "Oak Trust",
                     "St Matthew's Walsall", "AGE UK - Walsall", "Elm Trust", "Ash Trust", "Birch Trust",
                     "WOLVERHAMPTON HOMES", "Rowan Trust", "Heath Park"], names
    assert ("passed over 'SPECIAL SCHOOLS', 'SANDWELL & DUDLEY', 'LICHFIELD DIOCESE - WALSALL DEANERY', 'NEW MEMBERS "
            "2024 (not yet sorted)', 'LATE RETURNS', 'SECONDARY' (rows 2, 5, 9, 13, 17, 19)") in result.stderr, \
        result.stderr


def test_a_heading_with_initials_in_the_plural_or_a_dated_note_in_brackets_is_passed_over(lcg, tmp_path):
    """A community safety trial imported its heading "COUNCILS / CSPs" as an organisation, and a schools trial
    "HAF / HOLIDAY + EXTRA PARTNERS (added Mar 2025)", while "FIRE" and "POLICE" of the same lists were passed over:
    initials in the plural ("CSPs") are how capitals write them, and a bracket opening with a word in small letters
    is a note on the heading whatever words follow (a month's name). A body's bracket ("Cruse (Walsall)") and a
    body's name ending in a plural of initials in mixed case ("Walsall GPs Forum") stay rows."""
    text = ("Name,Town,Phone\nFIRE,,\nOak Fire Station,Walsall,1\nCOUNCILS / CSPs,,\nWalsall Council,Walsall,2\n"
            "Elm Trust,Dudley,3\nHAF / HOLIDAY + EXTRA PARTNERS (added Mar 2025),,\nAsh Trust,Bilston,4\n"
            "Cruse (Walsall),,\nWalsall GPs Forum,,\nBirch Trust,Bilston,5\nRowan Trust,Walsall,6\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Town: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    names = [n.name for n in load_dataset(tmp_path / "data").nodes]
    assert names == ["Oak Fire Station", "Walsall Council", "Elm Trust", "Ash Trust", "Cruse (Walsall)",
                     "Walsall GPs Forum", "Birch Trust", "Rowan Trust"], names
    assert ("passed over 'FIRE', 'COUNCILS / CSPs', 'HAF / HOLIDAY + EXTRA PARTNERS (added Mar 2025)' (rows 2, 4, 7)"
            ) in result.stderr, result.stderr


def test_a_note_without_its_stops_a_heading_above_a_note_and_a_place_with_a_bracket_are_passed_over(lcg, tmp_path):
    """A sports trial's venues imported "SCHOOL SITES (evening lets)" and "NB school halls are term-time evenings
    only - book via the school business manager" as organisations, and a refugee trial's list "BIRMINGHAM
    (regional)" while "WALSALL" was passed over. "NB" in capitals before small letters is a note's word; a note
    written as a sentence is one inside the list as below it; a heading heads the rows past the notes under it; a
    bracket in small letters after a heading is a note on it, the heading its words before. Real bodies with only
    their name written stay rows ("Cruse (bereavement support)", "NSPCC")."""
    text = ("Name,Address,Phone\nWALSALL,,\nGala Baths,\"Tower Street, Walsall\",1\n"
            "SCHOOL SITES (evening lets),,\n"
            "NB school halls are term-time evenings only - book via the school business manager,,\n"
            "Highfields School,\"Boundary Way, Penn\",2\nSmestow Academy,\"Windmill Crescent, Castlecroft\",3\n"
            "BIRMINGHAM (regional),,\nKurdish Community Association Birmingham,\"Coventry Road, Birmingham\",4\n"
            "Cruse (bereavement support),,\nNSPCC,,\nEritrean Community Birmingham,\"Digbeth, Birmingham\",5\n"
            "Syrian Community Birmingham,\"Sparkhill, Birmingham\",6\nYemeni Community Association,\"Sparkbrook, "
            "Birmingham\",7\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Address: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    names = [n.name for n in load_dataset(tmp_path / "data").nodes]
    assert names == ["Gala Baths", "Highfields School", "Smestow Academy", "Kurdish Community Association Birmingham",
                     "Cruse (bereavement support)", "NSPCC", "Eritrean Community Birmingham",
                     "Syrian Community Birmingham", "Yemeni Community Association"], names
    assert ("passed over 'WALSALL', 'SCHOOL SITES (evening lets)', 'NB school halls are term-time evenings only - "
            "book via the school business manager', 'BIRMINGHAM (regional)' (rows 2, 4, 5, 8)") in result.stderr, \
        result.stderr


def test_a_registers_number_written_in_the_notes_is_read_as_its_org_id(lcg, tmp_path):
    """A trial's library list gave the WEA's charity number in its Notes only ("Reg charity 1112775"), which was kept
    as a note: `lcg duplicates` had no number to pair it with the WEA of another list. A note, or a part of it between
    ";", that is a register's words and a number is read as the org-id, with a warning, as a register column reads
    "Charity 1115638"; words around the number leave the note as written."""
    text = ("Name,Town,Notes\nW.E.A.,Birmingham,Reg charity 1112775\nOak Trust,Walsall,NPO; Company 01986171\n"
            "Elm Trust,Dudley,Charity number 1112775 (WEA)\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Town: address, Notes: note}")
    assert result.exit_code == 0, result.output
    got = {n.name: (n.props.get("identifiers"), n.props.get("note")) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"W.E.A.": (("GB-CHC-1112775",), None), "Oak Trust": (("GB-COH-01986171",), "NPO"),
                   "Elm Trust": (None, "Charity number 1112775 (WEA)")}, got
    assert ("column 'Notes': read 'Reg charity 1112775' as GB-CHC-1112775 (in its identifiers), 'Company 01986171' "
            "as GB-COH-01986171 (in its identifiers)") in result.stderr, result.stderr


def test_another_name_in_brackets_in_the_name_cell_is_an_alias(lcg, tmp_path):
    """A trial's church audit imported "Walsall Methodist Church (formerly Ablewell Street Methodist)" as one name, so
    `lcg duplicates` paired it with neither name another list wrote. A bracket at the end of the name saying another
    name in the aliases column's words ("formerly", "now", "aka") is that name, an alias, with a warning; one naming
    another body ("now part of X") or no name ("now closed") stays as written. "(now X)" gives the body's name now:
    X is the record's name, the old one its alias (the money and disability trials' users asked for "Walsall Society
    for the Blind (now Sight Support Walsall)" to be Sight Support Walsall)."""
    text = ("Name,Town\nWalsall Methodist Church (formerly Ablewell Street Methodist),Walsall\n"
            "Beacon Hill School (now Beacon Hill Academy),Walsall\nOak Trust (now part of Elm Group),Dudley\n"
            "Penn Library (now closed),Penn\nAsh Trust (aka ATW),Tipton\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Town: address}")
    assert result.exit_code == 0, result.output
    got = {n.id: (n.name, n.props.get("aliases")) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"walsall-methodist-church": ("Walsall Methodist Church", ("Ablewell Street Methodist",)),
                   "beacon-hill-academy": ("Beacon Hill Academy", ("Beacon Hill School",)),
                   "oak-trust-now-part-of-elm-group": ("Oak Trust (now part of Elm Group)", None),
                   "penn-library-now-closed": ("Penn Library (now closed)", None),
                   "ash-trust": ("Ash Trust", ("ATW",))}, got
    assert ("list.csv:2 (and 2 more rows): column 'Name': read 'Walsall Methodist Church (formerly Ablewell Street "
            "Methodist)' as 'Walsall Methodist Church', another name 'Ablewell Street Methodist' as its alias, "
            "'Beacon Hill School (now Beacon Hill Academy)' as 'Beacon Hill Academy', its name now, its former name "
            "'Beacon Hill School' as its alias") in result.stderr, result.stderr


def test_a_bracket_saying_a_body_merged_from_others_is_a_note_and_their_names_aliases(lcg, tmp_path):
    """A community trial's "Scotlands & Underhill TRA (merged 2022 - was Scotlands Estate TRA and Underhill TRA)" was
    kept whole as the name, with no warning, while "(formerly X)" is read as an alias: a bracket first saying when the
    body merged or was renamed, then its former names, is a note and those names' aliases, said as "(formerly X)" is;
    one name with "and" in it stays one."""
    text = ("TRA,Ward\nScotlands & Underhill TRA (merged 2022 - was Scotlands Estate TRA and Underhill TRA),Bushbury\n"
            "Heath Town TRA (merged 2019 - was Heath Town Tenants and Residents Association),Heath Town\n"
            "Penn TRA (previously Penn Estate TRA),Penn\nLow Hill TRA (was Low Hill Residents Group),Bushbury\n")
    result = _import_list(lcg, tmp_path, text, "{TRA: Label, Ward: address}")
    assert result.exit_code == 0, result.output
    got = {n.id: (n.name, n.props.get("aliases"), n.props.get("note")) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {
        "scotlands-underhill-tra": ("Scotlands & Underhill TRA", ("Scotlands Estate TRA", "Underhill TRA"),
                                    "Merged 2022 - was Scotlands Estate TRA and Underhill TRA."),
        "heath-town-tra": ("Heath Town TRA", ("Heath Town Tenants and Residents Association",),
                           "Merged 2019 - was Heath Town Tenants and Residents Association."),
        "penn-tra": ("Penn TRA", ("Penn Estate TRA",), None),
        "low-hill-tra": ("Low Hill TRA", ("Low Hill Residents Group",), None)}, got
    assert ("read 'Scotlands & Underhill TRA (merged 2022 - was Scotlands Estate TRA and Underhill TRA)' as "
            "'Scotlands & Underhill TRA', other names 'Scotlands Estate TRA', 'Underhill TRA' as its aliases, "
            "'Merged 2022 - was Scotlands Estate TRA and Underhill TRA.' in its note") in result.stderr, result.stderr


def test_the_label_hint_names_the_rows_column_not_who_runs_them_nor_where(lcg, tmp_path, monkeypatch):
    """A youth trial's directory ("Provision", "Delivered by", "Venue") was offered 'Venue: Label' and 'Provision: ~':
    every provision's name thrown away, and the pasted hint stopped with "no name in column 'Venue'" on 45 rows; a
    family hubs list ("Hub", "Lead organisation") was offered 'Lead organisation: Label', 37 hubs named after
    councils. A column naming who runs a row or where it meets describes the rows: the Label is the column before it
    that names them, the runner offered as part_of; and a column empty on most rows is never offered as the Label."""
    (tmp_path / "youth.csv").write_text(
        "Provision,Delivered by,Venue,Address,Post code\n"
        "Bilston Boxing Club - youth sessions,Bilston Boxing Club,Bilston Youth Centre,Prouds Lane,WV14 6PW\n"
        "Ashmore Park Youth Centre,City of Wolverhampton Council,,Griffiths Drive,WV11 2LH\n"
        "Wednesfield Methodist Youth Club,Wednesfield Methodist Church,,High Street,WV11 1ST\n"
        "Heath Town Youth Club,Dudley MBC,,Chervil Rise,WV10 0HP\n", encoding="utf-8")
    (tmp_path / "hubs.csv").write_text(
        "Hub,Lead organisation,Address,Postcode\nAshmore Park Family Hub,City of Wolverhampton Council,"
        "Griffiths Drive,WV11 2LH\nBilston Family Hub,City of Wolverhampton Council,Prouds Lane,WV14 6PW\n"
        "Low Hill Family Hub,Royal Wolverhampton NHS Trust,Kempthorne Avenue,WV10 9JR\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name, label, runner, names in (
            ("youth", "Provision", "Delivered by", "Bilston Boxing Club - youth sessions"),
            ("hubs", "Hub", "Lead organisation", "Low Hill Family Hub")):
        result = lcg("import", "sheet", f"{name}.csv", "--type", "organisation", "-o", f"data-{name}")
        assert result.exit_code == 1, result.output
        columns = _mapping_written(_one_go(result.stderr))["columns"]
        assert (columns[label], columns[runner]) == ("Label", "part_of"), result.stderr
        (tmp_path / "map.yaml").unlink(missing_ok=True)
        assert _paste(tmp_path, _one_go(result.stderr)).returncode == 0
        assert names in {n.name for n in load_dataset(tmp_path / f"data-{name}").nodes}


def test_a_heading_naming_kinds_of_bodies_in_sentence_case_is_passed_over_a_bodys_name_alone_is_not(lcg, tmp_path):
    """A youth trial's directory imported "Uniformed groups - Wolverhampton" (one cell written, above the groups it
    heads) as an organisation, while its headings in capitals ("WOLVERHAMPTON") were passed over. A phrase in
    sentence case ending in a kind of body in the plural, and after a dash where, is a section's heading (said in
    the warning naming the rows); a body with only its name written ("Sea Cadets", "Heath Town Youth Club") is a row."""
    text = ("Provision,Delivered by,Post code\nWOLVERHAMPTON,,\n"
            "Bilston Youth Centre,City of Wolverhampton Council,WV14 6PW\n"
            "Heath Town Youth Club,,\nAshmore Park Youth Centre,City of Wolverhampton Council,WV11 2LH\n"
            "Uniformed groups - Wolverhampton,,\n1st Tettenhall Scouts,The Scouts,WV6 8RW\nSea Cadets,,\n"
            "2nd Bilston Guides,Girlguiding Bilston Division,WV14 0AX\n"
            "2nd Bilston Brownies,Girlguiding Bilston Division,WV14 0AX\nTS Wolverhampton,Sea Cadets,WV10 6DB\n")
    result = _import_list(lcg, tmp_path, text, "{Provision: Label, Delivered by: part_of, Post code: postcode}")
    assert result.exit_code == 0, result.output
    names = {n.name for n in load_dataset(tmp_path / "data").nodes}
    assert "Uniformed groups - Wolverhampton" not in names and "WOLVERHAMPTON" not in names, names
    assert {"Heath Town Youth Club", "Sea Cadets", "1st Tettenhall Scouts"} <= names, names
    assert ("list.csv:2 (and 1 more row): passed over 'WOLVERHAMPTON', 'Uniformed groups - Wolverhampton' (rows 2, 6)"
            ) in result.stderr, result.stderr


def test_rows_with_no_name_say_the_column_and_what_to_do(lcg, tmp_path):
    """A trial's warm spaces list, mapped "Organiser: Label", stopped with "Warm spaces:9: no Label (expected the
    element's name)" for rows whose Organiser cell was empty: no word of which column, nor of what to do. One line per
    sheet names the column and the rows, says to write the names or delete the rows, and, where another column named
    for names is written on every row, the mapping lines that name the rows by it, with the command that then works."""
    text = ("Venue name,Organiser,Town\nSt Peter's Hall,St Peter's Church,Wolverhampton\nBilston Library,,Bilston\n"
            "Penn Hall,Penn Methodists,Penn\nLow Hill Hub,,Low Hill\n")
    result = _import_list(lcg, tmp_path, text, "{Organiser: Label, Venue name: address, Town: address}")
    assert result.exit_code == 1 and not (tmp_path / "data").exists()
    line = result.stderr.splitlines()[0]
    assert line.startswith("list.csv:3 (and 1 more row): no name in column 'Organiser', the Label (rows 3, 5) "
                           "(expected each row's name: write it there, or delete the row; or name each row by 'Venue "
                           f"name', written on every row: in {tmp_path / 'map.yaml'}, under columns:, write Venue name: "
                           "Label (it maps it to address now) and Organiser: ~ (it maps it to Label now), then run: `"), \
        result.stderr
    command = line.rsplit("`", 2)[1]
    (tmp_path / "map.yaml").write_text("columns: {Venue name: Label, Organiser: ~, Town: address}\n")
    assert _paste(tmp_path, command).returncode == 0
    assert len(load_dataset(tmp_path / "data").nodes) == 4


def test_a_totals_row_is_passed_over_and_said(lcg, tmp_path):
    """A grants list's last rows, "Total awarded" in its Recipient column and "£92,200" in its Amount column (mapped
    to ~), were imported as an organisation named "Total awarded". A row whose first written cell is a total's word
    and whose other cells are figures is a sum, not a body; "Total Fitness" (a name: its words capitalised) with its
    phone number stays a row."""
    text = ("Ref,Group,Phone,Amount\nA1,1st Bloxwich Scout Group,01922 476001,£500\nA2,Total Fitness,01902 123456,"
            "£400\nA3,Oak Trust,,300\n,,,\n,Total awarded,,\"£1,200\"\nGrand total:,,,1200\n")
    result = _import_list(lcg, tmp_path, text, "{Group: Label, Ref: ~, Amount: ~, Phone: phone}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == ["1st Bloxwich Scout Group", "Total Fitness",
                                                                       "Oak Trust"]
    assert ("list.csv:6 (and 1 more row): passed over 'Total awarded' (£1,200), 'Grand total:' (1200) (rows 6, 7): "
            "totals rows") in result.stderr, result.stderr


def test_a_body_named_in_capitals_is_a_row_and_a_heading_names_places_or_sections(lcg, tmp_path):
    """A reviewer's list of names all in capitals lost "WOLVERHAMPTON HOMES" and "BILSTON LIBRARY" (one cell
    written) as headings, a word of each being written small in its Town column; in a mixed-case list "YMCA BLACK
    COUNTRY GROUP" and "THE HAVEN WOLVERHAMPTON" were lost so. Capitals say a heading only in a list that writes its
    names in mixed case, and only of words that name no body: places', sections' or the list's own small words
    ("BILSTON / WEDNESFIELD", "COVENTRY & WARWICKSHIRE"), or kinds of bodies, many ("COLLEGES & UNIVERSITIES")."""
    text = ("Organisation,Town,Postcode\nWOLVERHAMPTON VOLUNTARY SECTOR COUNCIL,Wolverhampton,WV1 3AA\n"
            "BILSTON TOWN JUNIORS,Bilston,WV14 0AB\nWALSALL HOUSING GROUP,Walsall,WS1 1AA\nWOLVERHAMPTON HOMES,,\n"
            "BILSTON LIBRARY,,\nDUDLEY CVS,Dudley,DY1 1AA\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Town: address, Postcode: postcode}")
    assert result.exit_code == 0, result.output
    assert len(load_dataset(tmp_path / "data").nodes) == 6 and "passed over" not in result.stderr, result.stderr
    bodies = ["WOLVERHAMPTON HOMES", "YMCA BLACK COUNTRY GROUP", "THE HAVEN WOLVERHAMPTON", "BILSTON LIBRARY", "NSPCC"]
    headings = ["BILSTON / WEDNESFIELD", "DUDLEY / SANDWELL", "BIRMINGHAM & SOLIHULL", "COVENTRY & WARWICKSHIRE",
                "BLACK COUNTRY", "COLLEGES & UNIVERSITIES", "REGIONAL / NATIONAL"]
    rows = [("Bilston Town Juniors", "Bilston"), ("Wednesfield Library", "Wednesfield"), ("Dudley CVS", "Dudley"),
            ("Sandwell Valley Friends", "Oldbury"), ("Aston Villa Foundation", "Birmingham"),
            ("Solihull Carers", "Solihull"), ("Coventry Refugee Centre", "Coventry"), ("TCV Black Country", "Tipton"),
            ("Walsall College", "Walsall"), ("Canal and River Trust", "Milton Keynes")]
    lines = []
    for k, (name, town) in enumerate(rows):
        if k < len(headings):
            lines.append(f"{headings[k]},,")
        lines += [f"{name},{town},WV1 {k}AA", f"{town} Food Bank,{town},WV2 {k}AA"]  # rows mostly fill cells
        if k < len(bodies):
            lines.append(f"{bodies[k]},,")
    result = _import_list(lcg, tmp_path, "Organisation,Town,Postcode\n" + "\n".join(lines) + "\n",
                          "{Organisation: Label, Town: address, Postcode: postcode}")
    assert result.exit_code == 0, result.output
    names = {n.name for n in load_dataset(tmp_path / "data").nodes}
    assert names == {name for name, _ in rows} | {f"{town} Food Bank" for _, town in rows} | set(bodies), names
    assert "passed over " + ", ".join(map(repr, headings)) in result.stderr, result.stderr


def test_last_rows_typed_in_small_letters_are_rows_and_a_note_below_says_something(lcg, tmp_path):
    """A reviewer's list ended with two real rows typed in small letters, "bilston community centre" and "tettenhall
    wood residents association": both were passed over as notes below the list (three words in small letters were
    read as a sentence). A note has what a name has not: a figure or a date, a note's word ("please", "licence"),
    a sentence's verb, or a sentence's end; the rows are imported, the note after them still passed over."""
    text = ("Organisation,Town,Postcode\nDudley CVS,Dudley,DY1 1AA\nBilston Town Juniors,Bilston,WV14 0AB\n"
            "Walsall Housing Group,Walsall,WS1 1AA\nbilston community centre,,\n"
            "tettenhall wood residents association,,\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Town: address, Postcode: postcode}")
    assert result.exit_code == 0, result.output
    names = [n.name for n in load_dataset(tmp_path / "data").nodes]
    assert names[-2:] == ["bilston community centre", "tettenhall wood residents association"], names
    assert "passed over" not in result.stderr, result.stderr
    result = _import_list(lcg, tmp_path, text + "list kept by the volunteer centre - please send changes,,\n",
                          "{Organisation: Label, Town: address, Postcode: postcode}")
    assert result.exit_code == 0, result.output
    assert len(load_dataset(tmp_path / "data").nodes) == 5
    assert "list.csv:7: passed over 'list kept by the volunteer centre - please send changes': a note below" \
        in result.stderr, result.stderr


def test_a_360giving_grants_file_given_as_a_sheet_stops_with_the_command_that_imports_it(lcg, tmp_path):
    """A trial's grants file given to `lcg import sheet --type organisation` was offered a mapping that made the
    grant's Identifier the organisation's identifiers and left out the recipients' register numbers, with no word
    of `lcg import 360giving`. A sheet with the grant's Identifier and a column of the standard's recipient or funder
    stops, nothing written, with one line whose command, pasted, imports the grants."""
    grants = tmp_path / "small grants.csv"
    grants.write_text("Identifier,Title,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,"
                      "Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n"
                      "360G-X-1,Bird boxes,GBP,1500,2023-05-12,GB-CHC-1103287,Friends of West Park,GB-CHC-1117345,"
                      "Heart of England Community Foundation\n", encoding="utf-8")
    result = lcg("import", "sheet", grants, "--type", "organisation", "-o", tmp_path / "data")
    assert result.exit_code == 1 and not (tmp_path / "data").exists(), result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "a 360Giving grants file" in lines[0], result.stderr
    command = lines[0].rsplit("(try `", 1)[1].rstrip(")").rstrip("`")
    assert command == f"lcg import 360giving '{grants}' -o {tmp_path / 'data'}", command
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0, pasted.stderr
    assert {n.name for n in load_dataset(tmp_path / "data").nodes} >= {"Friends of West Park", "Bird boxes"}


def test_a_note_or_a_subjects_job_in_a_person_column_is_passed_over_not_a_person(lcg, tmp_path):
    """A reviewer's contact lists: "As above", "To be confirmed", "Currently vacant", "See below", "Drop in", "By
    appointment" (notes written in sentence case) and "ESOL Tutor", "Maths Tutor", "Learning Mentor", "Wolverhampton
    Imam" (a subject's or a place's job) were each imported as a Person with no warning; the release before passed
    them over. They are passed over with the column's warning; a given name before the job's word is a person still,
    as "Jane smith" written in haste is."""
    people = ["Paul Nurse", "Syed Imam", "Sarah Care", "Kevin Trainer", "Jane smith", "Ehsan ul Haq"]
    notes = ["As above", "To be confirmed", "Currently vacant", "See below", "Drop in", "By appointment",
             "ESOL Tutor", "Maths Tutor", "Learning Mentor", "Wolverhampton Imam"]
    cells = [*people, *notes]
    text = "Name,Contact\n" + "".join(f"Org {i},\"{c}\"\n" for i, c in enumerate(cells))
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Contact: person}")
    assert result.exit_code == 0, result.output
    assert {n.name for n in load_dataset(tmp_path / "data").nodes if n.kind == "Person"} == set(people)
    rows = ", ".join(str(i + 2) for i in range(len(people), len(cells)))
    assert f"column 'Contact': passed over {', '.join(map(repr, notes))} (rows {rows})" in result.stderr, \
        result.stderr


@pytest.mark.parametrize("text", [
    "Name,Provider,Phone\nAshmore Lodge,HC-One Ltd,1\nBeech House,Barchester Healthcare,2\nPenn Manor,Penn Manor Care "
    "Ltd,3\nOak Lodge,Sanctuary Care,4\n",
    "Organisation,Project name,Contact\nWolverhampton Voluntary Sector Council,Open Door,Jane Smith\nBilston Resource "
    "Centre,Men in Sheds,Raj Patel\nHeath Town Community Centre,Green Gym,Mary Jones\nAspire 2 Be,Fresh Start,Tom Evans\n"
    "Refugee and Migrant Centre,Talking Cafe,Asha Khan\nAccess to Business,Steps to Work,Ben Ward\n",
    "Institution,Local name,Contact\nPeking University,北京大学,Prof. Li Wei\nBeijing Municipal Government,北京市,\n"
    "Suwon City,수원시,Kim Min-su\nYeonsu-gu Office,연수구청,\n"])
def test_a_column_of_homes_projects_or_local_names_is_no_column_of_people(lcg, tmp_path, text):
    """A reviewer's lists: care homes' "Name" ("Ashmore Lodge", "Beech House"), a "Project name" ("Open Door", "Men
    in Sheds") and an "Institution"'s "Local name" (北京大学, 北京市, 수원시, 연수구청) were offered as people's names
    (``Name: person``), the other column as the Label. A names column is people's only when most of its cells read as
    a given and a family name, its name says no one else's, and a body's name of Chinese or Korean is no person's."""
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "-o", tmp_path / "data")
    columns = _mapping_written(_hint_command(result.stderr))["columns"]
    names = text.split("\n", 1)[0].split(",")[:2]
    assert not {c for c in names if columns.get(c) == "person"}, result.stderr
    assert "holds people's names" not in result.stderr, result.stderr
    # and the column named for the organisations is the Label, not the project's or the local name
    assert columns.get(names[0]) == "Label", columns


def test_a_row_named_as_the_building_of_another_rows_address_is_a_row_not_a_heading(lcg, tmp_path):
    """A reviewer's venues list: "Heath Town Community Centre" and "Pendeford Library", rows with only their names
    written, were passed over as headings because other rows' addresses start with them ("Heath Town Community
    Centre, Tudor Road, Heath Town"). An address's first part is a building, which may be a row's own; only its later
    parts (a locality, a town) say a row is a heading ("Bilston")."""
    text = ("Organisation,Address,Postcode,Phone\nHeath Town Tenants Association,\"Heath Town Community Centre, Tudor "
            "Road, Heath Town\",WV10 0PG,1\nHeath Town Community Centre,,,\nBilston Resource Centre,\"25 Mount "
            "Pleasant, Bilston\",WV14 7LU,2\nBilston,,,\nBilston Food Bank,\"Broad Street, Bilston\",WV14 0BZ,3\n"
            "Pendeford Residents Group,\"Pendeford Library, Whitburn Close\",WV9 5NJ,4\nPendeford Library,,,\n"
            "Low Hill Community Centre,\"Showell Circus, Low Hill\",WV10 9JL,5\nRefugee and Migrant Centre,\"Brintons "
            "Building, 101 Darlington Street\",WV1 4HW,6\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Address: address, Postcode: postcode, "
                                                "Phone: phone}")
    assert result.exit_code == 0, result.output
    names = {n.name for n in load_dataset(tmp_path / "data").nodes}
    assert {"Heath Town Community Centre", "Pendeford Library"} <= names, result.stderr
    assert "Bilston" not in names, result.stderr
    # a town written before its postcode in an address's last part names it (a parks hold-out's town headings)
    text = ("Site,Address,Phone\nWolverhampton,,\nFordhouse Road Allotments,\"Fordhouse Road, Bushbury, Wolverhampton "
            "WV10 9EA\",1\nPenn Allotments,\"Mount Road, Penn, Wolverhampton WV4 5SW\",2\n"
            "Oxley Allotments,\"Oxley Moor Road, Wolverhampton WV10 6TZ\",3\n")
    result = _import_list(lcg, tmp_path, text, "{Site: Label, Address: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    assert "Wolverhampton" not in {n.name for n in load_dataset(tmp_path / "data").nodes}, result.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_a_tab_separated_csv_as_excel_saves_unicode_text_is_read_with_its_tabs(lcg, tmp_path, encoding):
    """A reviewer's Excel "Unicode Text" file (UTF-16, tabs between cells) named .csv was read as one column: "missing
    column Label" for a header "Name<tab>Postcode". A .csv whose header row has tabs and no comma is read with tab as
    the separator, quotes as CSV's, and one warning says so."""
    (tmp_path / "list.csv").write_text("Name\tPostcode\nBilston Café\tWV14 0HT\n\"Age UK, Wolverhampton\"\tWV1 1AA\n",
                                       encoding=encoding)
    (tmp_path / "map.yaml").write_text("columns: {Name: Label}\n", encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert {(n.name, n.props.get("postcode")) for n in load_dataset(tmp_path / "data").nodes} == {
        ("Bilston Café", "WV14 0HT"), ("Age UK, Wolverhampton", "WV1 1AA")}
    assert [line for line in result.stderr.splitlines() if "tab-separated" in line and "CSV UTF-8" in line], \
        result.stderr


def test_register_words_before_numbers_in_an_identifiers_column_are_read_as_their_registers_org_ids(
        lcg, tmp_path, monkeypatch):
    """A trial's CRM "Reg ID" column wrote five registers' numbers, each with its register's word ("UKPRN 10007166",
    "Charity 1139296", "Company 00031461", "ROR 03angcq70", "ODS RL4", an NHS trust's "RRK" alone): it was offered ~,
    and mapped to identifiers 39 cells were refused, so the user rewrote every one as an org-id. Each is read as its
    register's, said with its row; the column is offered as identifiers; numbers that say no register are one problem
    asking for the word the other cells have (a company's number mapping would misread the UKPRNs)."""
    text = ("Organisation,Reg ID\nWVSC,Charity 1077122\nUniversity of Wolverhampton,UKPRN 10007166\n"
            "University of Birmingham,ROR 03angcq70\nThe Royal Wolverhampton NHS Trust,ODS RL4\n"
            "Marston's PLC,Company 00031461\nUniversity Hospitals Birmingham,RRK\nWolves Foundation,Registered charity "
            "no. 1152617\nDudley College,GB-UKPRN-10007924\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Reg ID: identifiers}")
    assert result.exit_code == 0, result.output
    ids = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"WVSC": ["GB-CHC-1077122"], "University of Wolverhampton": ["GB-UKPRN-10007166"],
                   "University of Birmingham": ["ROR:03angcq70"], "The Royal Wolverhampton NHS Trust": ["GB-NHS-RL4"],
                   "Marston's PLC": ["GB-COH-00031461"], "University Hospitals Birmingham": ["GB-NHS-RRK"],
                   "Wolves Foundation": ["GB-CHC-1152617"], "Dudley College": ["GB-UKPRN-10007924"]}, ids
    assert ("warning: list.csv:2 (and 6 more rows): column 'Reg ID': read 'Charity 1077122' as GB-CHC-1077122, "
            "'UKPRN 10007166' as GB-UKPRN-10007166, 'ROR 03angcq70' as ROR:03angcq70 and 4 more") in result.stderr, \
        result.stderr
    # unmapped: offered as identifiers
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain.csv").write_text(text, encoding="utf-8")
    offered = lcg("import", "sheet", "plain.csv", "--type", "organisation", "-o", "data2")
    assert _mapping_written(_hint_command(offered.stderr))["columns"]["Reg ID"] == "identifiers", offered.stderr
    # bare numbers among them: one line, the fix the words (not a register's mapping); a number its register has
    # not, one line
    # a sub-ICB location's code alone is read as an NHS body's (a public bodies hold-out's "D2P2L"), and a cell that
    # is no number at all is said with the sheet's other problems, not only once they are fixed
    refused = _import_list(lcg, tmp_path, text + "Science Park Ltd,03960127\nAston University,10007759\n"
                           "Keele University,UKPRN 1234\nNHS Black Country ICB (Wolverhampton),D2P2L\n"
                           "Bilston Trust,XK9-Z\n", "{Organisation: Label, Reg ID: identifiers}")
    assert refused.exit_code == 1, refused.output
    lines = [p for p in refused.stderr.splitlines() if not p.startswith("Error")]
    assert lines == [
        "list.csv:10 (and 1 more row): column 'Reg ID' holds '03960127', '10007759': numbers that say no register, "
        "among cells that name theirs (expected org-ids such as GB-CHC-1164883; write each number's register before "
        "it, as the other cells do: 'Charity 1139296', 'Company 03960127', 'UKPRN 10007166', 'URN 104301', "
        "'ODS RL4')",
        "list.csv:12: column 'Reg ID': 'UKPRN 1234' (expected 8 digits from 1, or an org-id such as "
        "GB-UKPRN-10007166) fits no number of the register named (correct the number, or write the org-id itself)",
        "list.csv:14: column 'Reg ID' holds 'XK9-Z': no org-id, and no register's number (expected org-ids such as "
        "GB-CHC-1164883, or each number with its register's word before it: 'Charity 1139296', 'Company 03960127', "
        "'UKPRN 10007166', 'ODS RL4'; another country's register's number as its org-id, such as IE-CRO-527711, from "
        "org-id.guide; a licence or a number no register lists in a note column)"
    ], refused.stderr


def test_cqc_location_ids_are_no_org_ids_and_their_column_is_offered_as_the_note(lcg, tmp_path, monkeypatch):
    """A trial's framework list had a "CQC Location ID" column ("1-139614022"): offered ~, and mapped to identifiers
    refused 15 times as "bad identifier". The CQC's register has no org-id scheme and a location id names a site,
    which two of the list's bodies shared: one line says so, with the mapping that keeps the ids in the note, and
    the column is offered as the note."""
    text = ("Provider Name,CQC Location ID\nBirmingham Mind,1-139614022\nKaleidoscope Plus Group,1-2018754432\n"
            "KPG Supported Living Ltd,1-2018754432\nDudley CVS,\n")
    result = _import_list(lcg, tmp_path, text, "{Provider Name: Label, CQC Location ID: identifiers}")
    assert result.exit_code == 1 and not (tmp_path / "data").exists(), result.output
    (line,) = [p for p in result.stderr.splitlines() if not p.startswith("Error")]
    assert line.startswith("list.csv:2 (and 2 more rows): column 'CQC Location ID' holds CQC ids ('1-139614022', "
                           "'1-2018754432'): the Care Quality Commission's register has no org-id scheme"), line
    assert "write CQC Location ID: note (it maps it to identifiers now), then run: " in line, line
    (tmp_path / "map.yaml").write_text("columns: {Provider Name: Label, CQC Location ID: note}\n")
    assert _paste(tmp_path, line.split("then run: ")[1].split("`")[1]).returncode == 0
    notes = {n.name: n.props.get("note") for n in load_dataset(tmp_path / "data").nodes}
    assert notes["Birmingham Mind"] == "CQC Location ID 1-139614022", notes  # said what it is
    monkeypatch.chdir(tmp_path)
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data2")
    assert _mapping_written(_hint_command(offered.stderr))["columns"]["CQC Location ID"] == "note", offered.stderr


def test_a_heading_continued_or_joining_the_lists_types_is_passed_over(lcg, tmp_path):
    """A trial's partners register imported its heading "VCSE PARTNERS (CONT.)" as an organisation with no word
    ("VCSE" and "partners" name no place or section), and "TRUST SERVICES & NHS" too (the Types "Trust service"
    and "NHS" joined); a framework's headings "LOT 1 - MENTAL HEALTH & WELLBEING", in capitals in its Ref column,
    no name written, refused the list as "no Label". A heading saying it goes on ("(cont.)", "(continued)"), one
    joining the values of a grouping column, and one in capitals outside the names' column are passed over, said
    in the sheet's one warning."""
    text = ("Ref,Organisation,Type,Postcode\n,VCSE PARTNERS,,\nR1,Dudley Mind,VCSE,DY1 1XD\nR2,Scope,VCSE,E15 2GW\n"
            ",TRUST SERVICES & NHS,,\nR3,Black Country Healthcare NHS Foundation Trust,NHS,B70 9PL\n"
            "R4,Recovery College (BCHFT),Trust service,WS2 9PS\n,VCSE PARTNERS (CONT.),,\n"
            "R5,Samaritans of Dudley,VCSE,DY1 1BP\nLOT 2 - LEARNING DISABILITY & AUTISM,,,\n"
            "R6,Dudley Mencap,VCSE,DY1 1RT\n"
            "R7,Walsall Mencap,VCSE,WS2 8NG\nR8,Headway Dudley,VCSE,DY2 0BW\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Type: Category, Ref: ~}")
    assert result.exit_code == 0, result.output
    names = {n.name for n in load_dataset(tmp_path / "data").nodes}
    assert names == {"Dudley Mind", "Scope", "Black Country Healthcare NHS Foundation Trust",
                     "Recovery College (BCHFT)", "Samaritans of Dudley", "Dudley Mencap", "Walsall Mencap",
                     "Headway Dudley"}, names
    assert ("passed over 'VCSE PARTNERS', 'TRUST SERVICES & NHS', 'VCSE PARTNERS (CONT.)', 'LOT 2 - LEARNING "
            "DISABILITY & AUTISM' (rows 2, 5, 8, 10)") \
        in result.stderr, result.stderr


def test_an_also_known_as_or_formerly_column_is_offered_as_aliases_and_says_names_not_history(
        lcg, tmp_path, monkeypatch):
    """A trial's partners register had an "Also known as / formerly" column: offered ~ (each part of its name is an
    aliases column's), and mapped to aliases, "formerly The Spastics Society" and "now Rethink Mental Illness" were
    stored word for word, and "merged into Carers Trust Heart of England 2019", "part of Recovery Focus", which name
    another body, as aliases, which `lcg duplicates` reads as one body's names. The words are taken off the names;
    a cell naming another body goes to the note, with a warning."""
    text = ("Organisation,Also known as / formerly,Notes\nScope,formerly The Spastics Society,\n"
            "National Schizophrenia Fellowship,now Rethink Mental Illness,old name on SLA\n"
            "Crossroads Care Sandwell,merged into Carers Trust Heart of England 2019,legacy name\n"
            "Aquarius,part of Recovery Focus,\nWolves Foundation,t/a Wolves Community Trust; aka WCT,\n"
            "Kaleidoscope,Kaleidoscope Plus Group,\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Also known as / formerly: aliases, Notes: note}")
    assert result.exit_code == 0, result.output
    orgs = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert {name: list(p.get("aliases", ())) for name, p in orgs.items()} == {
        "Scope": ["The Spastics Society"], "National Schizophrenia Fellowship": ["Rethink Mental Illness"],
        "Crossroads Care Sandwell": [], "Aquarius": [], "Wolves Foundation": ["Wolves Community Trust", "WCT"],
        "Kaleidoscope": ["Kaleidoscope Plus Group"]}
    assert orgs["Crossroads Care Sandwell"]["note"] == "legacy name. Merged into Carers Trust Heart of England 2019."
    assert orgs["Aquarius"]["note"] == "Part of Recovery Focus."
    assert ("warning: list.csv:4 (and 1 more row): column 'Also known as / formerly': 'merged into Carers Trust Heart "
            "of England 2019' (row 4), 'part of Recovery Focus' (row 5) name another body") in result.stderr, \
        result.stderr
    monkeypatch.chdir(tmp_path)
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data2")
    assert _mapping_written(_hint_command(offered.stderr))["columns"]["Also known as / formerly"] == "aliases", \
        offered.stderr


def test_a_partner_lead_named_with_a_head_of_role_is_a_person_and_the_column_is_offered_as_one(
        lcg, tmp_path, monkeypatch):
    """A trial's KTP list: "Partner lead" holding "Tom Harris - Head of Insight" was offered ~ ("partner" read as a
    detail's word, as in "Partner organisation"), and mapped to person said "names no person" ("of" read as a body's
    word), though README says "Jo Bennett - Curator" works. A detail's word before the person's word says whose
    lead; "Head of ..." is a role; "UoW PI" names another body's people (by its initials) and is not offered."""
    text = ("Partner organisation,UoW PI,Partner lead,Lead organisation\n"
            "Marstons PLC,Dr K. Owusu,Tom Harris - Head of Insight,Marstons\n"
            "Grand Theatre,Prof R Chen,Jo Bennett - Curator,Grand Theatre\n"
            "City of Wolverhampton Council,Dr A. Moyo,Director of Public Health: Dr Lina Begum,CWC\n")
    result = _import_list(lcg, tmp_path, text, "{Partner organisation: Label, UoW PI: ~, Partner lead: person, "
                                               "Lead organisation: ~}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    ties = {(names[r.start], names[r.end], r.props.get("role")) for r in ds.rels if r.kind == "WORKS_FOR"}
    assert ties == {("Tom Harris", "Marstons PLC", "Head of Insight"), ("Jo Bennett", "Grand Theatre", "Curator"),
                    ("Dr Lina Begum", "City of Wolverhampton Council", "Director of Public Health")}, ties
    monkeypatch.chdir(tmp_path)
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data2")
    columns = _mapping_written(_hint_command(offered.stderr))["columns"]
    assert columns["Partner lead"] == "person" and columns["UoW PI"] is None, offered.stderr
    assert columns["Lead organisation"] is None, offered.stderr


def test_a_site_the_name_names_is_still_a_site_of_a_body_with_several(lcg, tmp_path):
    """A money trial's DWP list ("Delivery site: unit"): "Citizens Advice Dudley and Wolverhampton" of site
    "Wolverhampton" (beside its "Brierley Hill" site) and "Steps To Work (Walsall) Ltd" of site "Walsall" became the
    body's name alone, the site dropped without a word, since the name holds its word. Where the sheet writes the name
    with other units too, each row is one of its sites; a unit the name holds on its only row is said, not dropped
    without a word."""
    text = ("Provider,Delivery site,Town\nCitizens Advice Dudley and Wolverhampton,Brierley Hill,Brierley Hill\n"
            "Citizens Advice Dudley and Wolverhampton,Wolverhampton,Wolverhampton\n"
            "Steps To Work (Walsall) Ltd,Willenhall,Willenhall\nSteps To Work (Walsall) Ltd,Walsall,Walsall\n"
            "Wolverhampton Law School,Law School,Wolverhampton\n")
    result = _import_list(lcg, tmp_path, text, "{Provider: Label, Delivery site: unit, Town: address}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == [
        "Citizens Advice Dudley and Wolverhampton - Brierley Hill", "Citizens Advice Dudley and Wolverhampton - "
        "Wolverhampton", "Steps To Work (Walsall) Ltd - Willenhall", "Steps To Work (Walsall) Ltd - Walsall",
        "Wolverhampton Law School"]
    assert ("list.csv:6: column 'Delivery site': read 'Law School' as part of the name 'Wolverhampton Law School', no "
            "unit of its own") in result.stderr, result.stderr


def test_a_department_column_is_offered_as_part_of_the_name_and_the_summary_counts_the_rows_named_so(
        lcg, tmp_path, monkeypatch):
    """A trial's CRM wrote a university's schools and a council's services as rows of the body's name with a
    "Department/Unit" column beside it: offered ~, "University of Wolverhampton / Law School" became a second
    "University of Wolverhampton" (20 rows "repeat the name"), and with the unit in the description the duplicate
    finder merged the council's services into the council. The column is offered as unit: the row's name becomes
    "Organisation - Unit" (the form the duplicate rules read a unit in), unless the name holds the unit already, and
    the summary says how many rows were named so."""
    text = ("Organisation,Department/Unit,Postcode\nUniversity of Wolverhampton,,WV1 1LY\n"
            "University of Wolverhampton,Law School,WV1 1LY\nUniversity of Wolverhampton,Business School,WV1 1AD\n"
            "City of Wolverhampton Council,Public Health,WV1 1SH\nWolverhampton Law School,Law School,WV1 1LY\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_hint_command(offered.stderr))["columns"]["Department/Unit"] == "unit", offered.stderr
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Department/Unit: unit, Postcode: postcode}")
    assert result.exit_code == 0, result.output
    assert [n.name for n in load_dataset(tmp_path / "data").nodes] == [
        "University of Wolverhampton", "University of Wolverhampton - Law School",
        "University of Wolverhampton - Business School", "City of Wolverhampton Council - Public Health",
        "Wolverhampton Law School"]
    assert "repeat the name" not in result.stderr, result.stderr
    assert ("added 5 organisations (3 named 'Organisation - Department/Unit' from column 'Department/Unit', such as "
            "'University of Wolverhampton - Law School', 2 of them units of the row of that organisation)") in \
        result.stderr, result.stderr


@pytest.mark.parametrize("column", ["Venue", "Site", "Campus", "Venue / Campus", "Meeting place"])
def test_a_venue_column_is_offered_as_the_address_and_written_first(lcg, tmp_path, monkeypatch, column):
    """A trial's social prescribing directory: its "Venue" column was offered ~, so each group carried only the
    street of the community centre it meets in, the centre's own ("Cross Walks Road, Lye"), and `lcg duplicates`,
    which reads a venue in the building an address starts with, merged the centre and its groups; an ESOL list's
    three "City of Wolverhampton College" rows lost the "Venue / Campus" that told them apart. Such a column is
    offered as address, the venue's name written first wherever the column is, unless the address starts with it
    already (the centre's own row)."""
    (tmp_path / "list.csv").write_text(
        f'Service Name,Address Line 1,Town,Postcode,"{column}"\n'
        "Knit and Natter (Lye),Cross Walks Road,Lye,DY9 8AU,Lye Community Centre\n"
        "Lye Community Centre,\"Lye Community Centre, Cross Walks Road\",Lye,DY9 8AU,Lye Community Centre\n"
        "Lye Walking Group,Cross Walks Road,Lye,DY9 8AU,\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert f"map it with {json.dumps(column) if '/' in column else column}: address;" in result.stderr, result.stderr
    pasted = _paste(tmp_path, _one_go(result.stderr))
    assert pasted.returncode == 0, pasted.stderr
    orgs = {n.name: n.props["address"] for n in load_dataset(tmp_path / "data").nodes}
    assert orgs == {"Knit and Natter (Lye)": "Lye Community Centre, Cross Walks Road, Lye",
                    "Lye Community Centre": "Lye Community Centre, Cross Walks Road, Lye",
                    "Lye Walking Group": "Cross Walks Road, Lye"}



@pytest.mark.parametrize("text, columns", [
    ("Partner,Country,County,City,Street\nUniversity of Glasgow,UK,,Glasgow,University Avenue\n"
     "Keele University,United Kingdom,Staffordshire,Keele,\n",
     "{Partner: Label, Country: address, County: address, City: address, Street: address}"),
    ("Partner,Based in,City\nUniversity of Glasgow,UK,\"University Avenue, Glasgow\"\n"
     "Keele University,United Kingdom,\"Keele, Staffordshire\"\n",
     '{Partner: Label, "Based in": address, City: address}'),
    # a province written short (a Hamilton hold-out's "Prov." made "90 Mulberry St, ON, Hamilton")
    ("Partner,Street,Prov.,City,Country\nUniversity of Glasgow,University Avenue,,Glasgow,UK\n"
     "Keele University,,Staffordshire,Keele,United Kingdom\n",
     '{Partner: Label, Street: address, "Prov.": address, City: address, Country: address}')])
def test_an_address_is_joined_street_town_county_country_whatever_the_columns_order(lcg, tmp_path, text, columns):
    """A research trial's partners register had "Country" before "City": its addresses read "UK, Glasgow", which
    people, `lcg search` (a town before the country ending an address) and `lcg duplicates` (the country an address
    ends with) read as a town "UK". A column whose heading names a country, or whose cells all name one, goes last,
    a county's or region's before it, the other columns in their order."""
    result = _import_list(lcg, tmp_path, text, columns)
    assert result.exit_code == 0, result.output
    orgs = {n.name: n.props["address"] for n in load_dataset(tmp_path / "data").nodes}
    assert orgs == {"University of Glasgow": "University Avenue, Glasgow, UK",
                    "Keele University": "Keele, Staffordshire, United Kingdom"}

def test_a_provider_s_address_column_is_no_province_s(lcg, tmp_path):
    """"Prov." alone is a province's column (a Hamilton hold-out's); "Prov. address", a provider's address, stays first
    (a review's find)."""
    text = "Partner,Prov. address,City\nKeele University,Keele Hall,Keele\n"
    result = _import_list(lcg, tmp_path, text, '{Partner: Label, "Prov. address": address, City: address}')
    assert result.exit_code == 0, result.output
    assert [n.props["address"] for n in load_dataset(tmp_path / "data").nodes] == ["Keele Hall, Keele"]


def test_the_rows_named_by_a_unit_column_are_counted_beside_the_organisations(lcg, tmp_path):
    """A trial's summary read "added 68 organisations, 7 people (7 named 'Organisation - Dept / Service' ...)":
    the rows named "Organisation - Unit" counted after the people, as if people had been named so. Their count is
    said beside the organisations', whatever kinds the import adds after them."""
    text = ("Organisation,Dept / Service,Main contact\nCity of Wolverhampton Council,Public Health,Jo Bennett\n"
            "City of Wolverhampton Council,Adult Education,\n")
    result = _import_list(lcg, tmp_path, text, '{Organisation: Label, "Dept / Service": unit, Main contact: person}')
    assert result.exit_code == 0, result.output
    assert ("added 2 organisations (2 named 'Organisation - Dept / Service' from column 'Dept / Service', such as "
            "'City of Wolverhampton Council - Public Health'), 1 person;") in result.stderr, result.stderr


def test_names_joined_by_a_plus_after_formerly_are_each_an_alias_and_a_dated_bracket_is_none(lcg, tmp_path):
    """A trial's partners register: "formerly Dudley Mind + Walsall Mind (merged 2013)" became the one alias "Dudley
    Mind + Walsall Mind (merged 2013)", a name no list writes, which `lcg duplicates` cannot pair with either body's
    record. The names joined by "+" after "formerly" are each an alias, and a bracket saying when ("merged 2013",
    "until 2009", a year) is no part of a name; a bracket naming a place is kept ("Mind (Dudley)")."""
    text = ("Organisation,Also known as / formerly\n"
            "Dudley and Walsall Mind,formerly Dudley Mind + Walsall Mind (merged 2013)\n"
            "Age UK Dudley,formerly Age Concern Dudley (until 2009)\nBlack Country Mind,aka Mind (Dudley)\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Also known as / formerly: aliases}")
    assert result.exit_code == 0, result.output
    orgs = {n.name: list(n.props.get("aliases", ())) for n in load_dataset(tmp_path / "data").nodes}
    assert orgs == {"Dudley and Walsall Mind": ["Dudley Mind", "Walsall Mind"], "Age UK Dudley": ["Age Concern Dudley"],
                    "Black Country Mind": ["Mind (Dudley)"]}
    assert "read 'formerly Dudley Mind + Walsall Mind (merged 2013)' as 'Dudley Mind', 'Walsall Mind'" \
        in result.stderr, result.stderr


def test_a_provider_column_is_offered_as_part_of_and_ties_each_group_to_the_body_that_runs_it(
        lcg, tmp_path, monkeypatch):
    """A trial's social prescribing directory named who runs each group in a "Provider Organisation" column; it
    was offered ~, so nothing tied "Age UK Walsall Befriending" to "Age UK Walsall", and `lcg duplicates` offered
    the two at one postcode as one body. The column is offered as part_of: a provider that is a row of the list is
    that row (by its name), one that is not becomes an organisation of its own, once however many rows name it;
    and a group tied to its provider is never offered as its duplicate."""
    text = ("Group name,Provider Organisation,Postcode\n"
            "Age UK Walsall,,WS1 1RL\n"
            "Age UK Walsall Befriending,Age UK Walsall,WS1 1RL\n"
            "Carers Cafe Lye,Carers Trust Heart of England,DY9 8AA\n"
            "Young Carers Group,Carers Trust Heart of England; Age UK Walsall,DY9 8AA\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    command = _one_go(offered.stderr)
    assert _mapping_written(_hint_command(offered.stderr))["columns"]["Provider Organisation"] == "part_of", \
        offered.stderr
    assert "make each row a unit of the organisation it names with Provider Organisation: part_of" in offered.stderr
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    assert sorted(names.values()) == ["Age UK Walsall", "Age UK Walsall Befriending", "Carers Cafe Lye",
                                      "Carers Trust Heart of England", "Young Carers Group"]
    assert {(names[r.start], names[r.end]) for r in ds.rels if r.kind == "PART_OF"} == {
        ("Age UK Walsall Befriending", "Age UK Walsall"), ("Carers Cafe Lye", "Carers Trust Heart of England"),
        ("Young Carers Group", "Carers Trust Heart of England"), ("Young Carers Group", "Age UK Walsall")}
    listed = lcg("duplicates", "--data", "data", "--format", "json", "--min-score", "0.3")
    assert listed.exit_code == 0, listed.output
    assert not [p for p in json.loads(listed.stdout)
                if {p["keep"], p["merge"]} == {"age-uk-walsall", "age-uk-walsall-befriending"}], listed.stdout


def test_an_ofsted_early_years_number_is_kept_in_the_note_with_one_warning_naming_its_rows(lcg, tmp_path):
    """An early years trial's "URN" column held Ofsted's register numbers ("EY301245") beside schools' URNs, and
    each was written GB-URN-EY301245, a school's org-id: a DfE URN is digits, an EY number another register's, and
    org-id.guide has none of Ofsted's. The EY numbers are kept in the note, said in one warning naming their rows;
    a school's URN in the column is still read as its org-id."""
    text = ("Provider name,URN\nBusy Bees Wolverhampton Penn,EY301245\nSt Mary's CE Primary Nursery,104367\n"
            "Kids Planet Bilston,ey561234\n")
    result = _import_list(lcg, tmp_path, text, "{Provider name: Label, URN: school urn}")
    assert result.exit_code == 0, result.output
    orgs = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert {name: (p.get("identifiers"), p.get("note")) for name, p in orgs.items()} == {
        "Busy Bees Wolverhampton Penn": (None, "URN: EY301245."),
        "St Mary's CE Primary Nursery": (("GB-URN-104367",), None),
        "Kids Planet Bilston": (None, "URN: ey561234.")}, orgs
    said = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert said == ["warning: list.csv:2 (and 1 more row): column 'URN': 2 Ofsted early years or social care numbers "
                    "('EY301245', 'ey561234'; rows 2, 4): Ofsted's register's, not a school's URN (GB-URN is the "
                    "DfE's), and no org-id register holds them: kept in the note, not in the identifiers"], said


def test_an_ofsted_social_care_number_in_an_ofsted_urn_column_is_kept_in_the_note(lcg, tmp_path):
    """A fostering hold-out's "Ofsted URN" column of children's homes' and fostering agencies' numbers ("SC055511")
    was refused as fitting no register: Ofsted's social care register's, kept in the note as its early years
    numbers are; a school's URN beside them is still its org-id. Elsewhere "SC" and 6 digits is a Scottish charity's."""
    text = "Provider,Ofsted URN\nMeadowbank Lodge,SC055511\nOakfield College,104367\n"
    result = _import_list(lcg, tmp_path, text, "{Provider: Label, Ofsted URN: Ofsted URN}")
    assert result.exit_code == 0, result.output
    orgs = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert {name: (p.get("identifiers"), p.get("note")) for name, p in orgs.items()} == {
        "Meadowbank Lodge": (None, "Ofsted URN: SC055511."), "Oakfield College": (("GB-URN-104367",), None)}, orgs
    assert "an Ofsted early years or social care number ('SC055511'" in result.stderr, result.stderr


@pytest.mark.parametrize("column", ["Registered person", "Registered provider"])
def test_a_registered_person_column_naming_companies_is_offered_as_part_of(lcg, tmp_path, monkeypatch, column):
    """Ofsted's "Registered person" is whoever holds a setting's registration, most often the company or charity
    running it; an early years trial's hint offered it ~ (its name reads as a people column's). Its cells decide:
    naming bodies ("Busy Bees Nurseries Limited", "... Committee") it is offered as part_of, and the pasted
    command ties each nursery to its company; naming people, it is not."""
    text = (f"Provider name,{column}\nBusy Bees Wolverhampton Penn,Busy Bees Nurseries Limited\n"
            "Busy Bees Wolverhampton Compton,BUSY BEES NURSERIES LIMITED\n"
            "St Jude's Pre-School,St Jude's Pre-School Committee\nKids Planet Bilston,Kids Planet Day Nurseries Ltd\n"
            "Sunshine Childminding,\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert f"make each row a unit of the organisation it names with {column}: part_of" in offered.stderr, \
        offered.stderr
    pasted = _paste(tmp_path, _one_go(offered.stderr))
    assert pasted.returncode == 0, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    assert {(names[r.start], names[r.end]) for r in ds.rels if r.kind == "PART_OF"} >= {
        ("Kids Planet Bilston", "Kids Planet Day Nurseries Ltd")}, ds.rels
    # a pre-school's own committee is its own body, as a venue's trust is: an alias, no parent
    assert {n.name: n.props for n in ds.nodes}["St Jude's Pre-School"].get("aliases") == (
        "St Jude's Pre-School Committee",)
    (tmp_path / "people.csv").write_text(f"Provider name,{column}\nSunshine Childminding,Jane Smith\n"
                                         "Little Stars Childminding,Raj Patel\nHappy Days,Helen Bradley\n",
                                         encoding="utf-8")
    people = lcg("import", "sheet", "people.csv", "--type", "organisation", "-o", "data2")
    assert f"{column}: part_of" not in people.stderr, people.stderr


def test_a_provider_two_rows_of_a_plain_list_name_is_the_first_of_them(lcg, tmp_path):
    """A trial's festival list named "Dudley College of Technology" as the parent of the Institute of Technology, and
    had two rows of that name (the college, and one of its campuses): the pasted one-go command stopped with "names
    'Dudley College of Technology', which 2 rows are (...) (expected one: write its ID)", and a plain list has no ID to
    write. Its rows of one name are records of it, ids the import makes: the first, which the others repeat, is the
    body named, said with a warning."""
    text = ("Provider name,Campus,Trust / parent\nDudley College of Technology,,\n"
            "Dudley College of Technology,Dudley Advance II,\nBlack Country Institute of Technology,,"
            "Dudley College of Technology\n")
    result = _import_list(lcg, tmp_path, text, "{Provider name: Label, Campus: address, Trust / parent: part_of}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    assert {(r.start, r.end) for r in ds.rels if r.kind == "PART_OF"} == {
        ("black-country-institute-of-technology", "dudley-college-of-technology")}
    assert ("list.csv:4: column 'Trust / parent': read 'Dudley College of Technology' as dudley-college-of-technology, "
            "the first of the 2 rows of that name") in result.stderr, result.stderr


def test_a_mapping_line_naming_no_field_is_replaced_in_the_one_go_command(lcg, tmp_path, monkeypatch):
    """A user's own line mapping a column to no field ("Borough: town") was written again into the one-go command
    the error gave, which then failed the same way: the command maps it as the hint says, or leaves it out."""
    monkeypatch.chdir(tmp_path)
    result = _import_list(lcg, tmp_path, "Name,Borough,Stars\nBilston Trust,Wolverhampton,5\n",
                          "{Name: Label, Borough: town, Stars: rating}")
    assert result.exit_code == 1
    command = _one_go(result.stderr)
    assert "'  Borough: address'" in command and "'  Stars: ~'" in command, result.stderr
    assert _paste(tmp_path, _one_go(result.stderr)).returncode == 0


def test_a_provider_of_the_row_s_own_name_is_no_tie(lcg, tmp_path):
    """An Ofsted list's "Registered person" names the company that runs each nursery, often the nursery's own name
    with "Ltd": mapped to part_of, a trial's "Little Acorns Day Nursery" was made a unit of the row "Little Acorns
    Day Nursery Ltd", its own twin, and `lcg duplicates` never offered the two. A provider of the row's own name
    (legal forms aside) is the body itself."""
    text = ("Provider name,Registered person,Postcode\n"
            "Little Acorns Day Nursery Ltd,Little Acorns Day Nursery Ltd,WV4 4AA\n"
            "Little Acorns Day Nursery,Little Acorns Day Nursery Ltd,WV4 4AA\n"
            "Foster Wise,Fosterwise Ltd,WV1 4HB\n"  # (its name written with a space: a fostering hold-out's)
            "Busy Bees Wolverhampton,Busy Bees Nurseries Limited,WV3 9PH\n")
    result = _import_list(lcg, tmp_path, text, "{Provider name: Label, Registered person: part_of, Postcode: postcode}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    assert {(names[r.start], names[r.end]) for r in ds.rels if r.kind == "PART_OF"} == {
        ("Busy Bees Wolverhampton", "Busy Bees Nurseries Limited")}
    listed = lcg("duplicates", "--data", tmp_path / "data", "--format", "json")
    assert any({p["keep_name"], p["merge_name"]} == {"Little Acorns Day Nursery Ltd", "Little Acorns Day Nursery"}
               for p in json.loads(listed.stdout)), listed.stdout


def test_a_family_hub_s_delivery_partner_column_is_offered_as_part_of(lcg, tmp_path, monkeypatch):
    """An early years trial's hubs list named the charity delivering each site in "Delivery partner", offered ~."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text("Site,Delivery partner,Postcode\nBilston Family Hub,Barnardo's,WV14 6PW\n"
                                       "Low Hill Family Hub,Action for Children,WV10 9JN\n", encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_hint_command(offered.stderr))["columns"]["Delivery partner"] == "part_of", \
        offered.stderr


def test_a_provider_s_name_and_id_columns_offer_part_of_once_and_the_pasted_hint_imports(lcg, tmp_path, monkeypatch):
    """A CQC list has "Provider name" and "Provider ID" ("1-101641632", or an NHS trust's "RL4"): both were offered
    part_of, and the pasted hint stopped with "columns 'Provider name' and 'Provider ID' are both part_of". A row
    is a unit of one body, named by its name: a column whose name says it holds numbers is no part_of, and one
    column only is offered it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cqc.csv").write_text(
        "Location name,Provider name,Provider ID,Provider parent\n"
        "Cedar Lodge,Barchester Healthcare Homes Limited,1-101652021,Barchester Group\n"
        "Penn Hospital,Black Country Healthcare NHS Foundation Trust,TAJ,NHS England\n", encoding="utf-8")
    offered = lcg("import", "sheet", "cqc.csv", "--type", "organisation", "-o", "data")
    columns = _mapping_written(_one_go(offered.stderr))["columns"]
    assert columns["Provider name"] == "part_of" and columns["Provider ID"] != "part_of", offered.stderr
    assert columns["Provider parent"] != "part_of", offered.stderr
    pasted = _paste(tmp_path, _one_go(offered.stderr))
    assert pasted.returncode == 0, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    assert ("cedar-lodge", "barchester-healthcare-homes-limited") in {(r.start, r.end) for r in ds.rels
                                                                       if r.kind == "PART_OF"}


def test_a_service_column_naming_every_row_is_the_label_where_the_organisations_column_has_gaps(lcg, tmp_path,
                                                                                                  monkeypatch):
    """An employment directory's "Service" names every row and its "Organisation" the body running it, empty on
    some rows: the hint offered "Organisation: Label" and "Service: unit", and pasted it stopped with "no name in
    column 'Organisation'". The service is the row, a unit of the organisation named where one is (part_of)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dir.csv").write_text(
        "Service,Organisation,Phone\nJobcentre Plus Bilston,DWP,0800 169 0190\n"
        "Jobcentre Plus Walsall,DWP,0800 169 0190\nCitizens Advice Dudley,,0808 278 7917\n", encoding="utf-8")
    offered = lcg("import", "sheet", "dir.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_hint_command(offered.stderr))["columns"] == {"Service": "Label", "Organisation": "part_of"}, \
        offered.stderr
    assert "column 'Organisation' is empty on rows that 'Service' names" in offered.stderr
    pasted = _paste(tmp_path, _hint_command(offered.stderr))
    assert pasted.returncode == 0, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    assert {(r.start, r.end) for r in ds.rels if r.kind == "PART_OF"} == {
        ("jobcentre-plus-bilston", "dwp"), ("jobcentre-plus-walsall", "dwp")}
    assert "citizens-advice-dudley" in {n.id for n in ds.nodes}


@pytest.mark.parametrize("header", ["Meets at", "Venue / base", "Registered office", "Where", "Outlet / venue",
                                    "Outlets", "Premises", "Sites"])
def test_a_column_saying_where_a_row_meets_or_is_based_is_offered_as_its_address(lcg, tmp_path, monkeypatch, header):
    """Trials' "Meets at" (ageing well), "Venue / base" (arts), "Registered office" (skills), "Where" (an
    employment directory) and "Outlet / venue" (a money trial's advice network), each holding the building or street,
    were offered ~ and their addresses dropped, though a venue's column is offered as one (the building `lcg
    duplicates` tells a venue from its groups by); a venue's word in the plural ("Outlets") names venues too."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text(f'Organisation,{header}\nPenn Lunch Club,"St Bart\'s Hall, Penn Road"\n',
                                       encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_one_go(offered.stderr))["columns"][header] == "address", offered.stderr
    assert _paste(tmp_path, _one_go(offered.stderr)).returncode == 0
    (org,) = load_dataset(tmp_path / "data").nodes
    assert org.props["address"] == "St Bart's Hall, Penn Road"


def test_a_column_of_email_domains_is_each_row_s_website_unless_rows_share_one(lcg, tmp_path, monkeypatch):
    """An arts trial's "Contact email domain" ("wlv.ac.uk", "bclm.com") was left out as "an e-mail address is a
    contact detail": a domain is no one's address but a web site's, offered as website when each row's is its own.
    Where rows share one (a council's "wolverhampton.gov.uk" beside its gallery and its festival), it is the parent's
    site: as their website `lcg duplicates` offered the gallery and the festival as one body. Left out, said why."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text("Partner,Contact email domain\nArena Theatre,wlv.ac.uk\n"
                                       "Black Country Living Museum,bclm.com\n", encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_one_go(offered.stderr))["columns"]["Contact email domain"] == "website", offered.stderr
    assert _paste(tmp_path, _one_go(offered.stderr)).returncode == 0
    assert {n.props["website"] for n in load_dataset(tmp_path / "data").nodes} == {"https://wlv.ac.uk",
                                                                                  "https://bclm.com"}
    (tmp_path / "list.csv").write_text("Partner,Contact email domain\nBantock House,wolverhampton.gov.uk\n"
                                       "Wolverhampton Literature Festival,wolverhampton.gov.uk\n", encoding="utf-8")
    shared = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data2")
    assert _mapping_written(_one_go(shared.stderr))["columns"]["Contact email domain"] is None, shared.stderr
    assert "2 rows share 'wolverhampton.gov.uk': a parent body's site" in shared.stderr


def test_a_cqc_location_id_kept_in_the_note_says_what_it_is(lcg, tmp_path):
    """A CQC list's "Location ID" ("1-8890012345"), mapped to note as the hint offers it, was a bare number in the
    note that told a reader nothing: it is said with its column's name, "CQC Location ID 1-8890012345"."""
    result = _import_list(lcg, tmp_path, "Location name,Location ID,CQC provider ID\nPenn Manor,1-8890012345,\n"
                          "Penn Hall,n/a,\n", "{Location name: Label, Location ID: note, CQC provider ID: ~}")
    assert result.exit_code == 0, result.output
    notes = {n.name: n.props.get("note") for n in load_dataset(tmp_path / "data").nodes}
    assert notes == {"Penn Manor": "CQC Location ID 1-8890012345", "Penn Hall": None}
    result = _import_list(lcg, tmp_path, "Name,CQC ID\nPenn Manor,1-8890012345\n", "{Name: Label, CQC ID: note}")
    assert [n.props["note"] for n in load_dataset(tmp_path / "data").nodes] == ["CQC ID 1-8890012345"]


def test_a_provider_named_exactly_as_an_organisation_of_the_folder_is_linked_to_it(lcg, tmp_path):
    """An ageing-well trial's groups list named "Beechwood Grange Care Home" in "Run by", a row of the CQC list
    imported into the folder before: it was written again, by name alone, as beechwood-grange-care-home-2. A name a
    tie column gives that no row has is the folder's organisation of exactly that name, when one only has it,
    said in the summary; another spelling is a new entry, for `lcg duplicates` to pair."""
    (tmp_path / "homes.csv").write_text("Location name,Postcode\nBeechwood Grange Care Home,DY1 2QH\n", encoding="utf-8")
    (tmp_path / "m.yaml").write_text("columns: {Location name: Label}\n", encoding="utf-8")
    first = lcg("import", "sheet", tmp_path / "homes.csv", "--type", "organisation", "--map", tmp_path / "m.yaml",
                "-o", tmp_path / "data")
    assert first.exit_code == 0, first.output
    text = ("Group,Run by\nBeechwood Memory Cafe,Beechwood Grange Care Home\n"
            "Cedar Cafe,Cedar Lodge (Barchester)\n")
    for _ in range(2):  # and again: the same
        result = _import_list(lcg, tmp_path, text, "{Group: Label, Run by: part_of}")
        assert result.exit_code == 0, result.output
    assert ("linked to it rather than written again: 'Beechwood Grange Care Home' (Run by) as "
            "beechwood-grange-care-home") in result.stderr, result.stderr
    ds = load_dataset(tmp_path / "data")
    assert sorted(n.id for n in ds.nodes) == ["beechwood-grange-care-home", "beechwood-memory-cafe", "cedar-cafe",
                                              "cedar-lodge-barchester"]
    assert ("beechwood-memory-cafe", "beechwood-grange-care-home") in {(r.start, r.end) for r in ds.rels
                                                                        if r.kind == "PART_OF"}


def test_a_provider_named_as_an_organisation_of_the_folder_is_named_otherwise_is_linked_to_it(lcg, tmp_path):
    """A hospital charities hold-out's "Run by" cells "WRVS" and "RWT Charitable Funds" made two records beside the
    directory's "Royal Voluntary Service (formerly WRVS)" and "Your Trust Charity (formerly RWT Charitable Funds)":
    a name that the folder's one record has as its other name, and none as its name, is that record."""
    (tmp_path / "dir.csv").write_text("Organisation\nRoyal Voluntary Service (formerly WRVS)\n", encoding="utf-8")
    (tmp_path / "m.yaml").write_text("columns: {Organisation: Label}\n", encoding="utf-8")
    first = lcg("import", "sheet", tmp_path / "dir.csv", "--type", "organisation", "--map", tmp_path / "m.yaml",
                "-o", tmp_path / "data")
    assert first.exit_code == 0, first.output
    result = _import_list(lcg, tmp_path, "Group,Run by\nRVS Shop - New Cross,WRVS\n", "{Group: Label, Run by: part_of}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    assert sorted(n.id for n in ds.nodes) == ["royal-voluntary-service", "rvs-shop-new-cross"], ds.nodes
    assert {(r.start, r.end) for r in ds.rels if r.kind == "PART_OF"} == {("rvs-shop-new-cross",
                                                                          "royal-voluntary-service")}



def test_a_provider_named_as_a_row_but_for_an_apostrophe_is_that_row_said_in_a_warning(lcg, tmp_path):
    """A community safety trial's directory named its provider "Black Country Womens Aid" beside its row "Black
    Country Women's Aid": a new record of the name, to which "BCWA" was then linked too, two records of one charity
    and neither tied to the row. A provider cell naming a row once case, apostrophes, punctuation and a leading
    "The" are set aside is that row, said in a warning; initials then spell the row's name alone."""
    text = ("Service name,Provider\nBlack Country Women's Aid,\n"
            "Dudley Domestic Abuse Service,Black Country Womens Aid\n"
            "Sandwell DV Support Service,BCWA\nHaven Helpline,THE HAVEN\nThe Haven,\n")
    result = _import_list(lcg, tmp_path, text, "{Service name: Label, Provider: part_of}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    assert [n.name for n in ds.nodes] == ["Black Country Women's Aid", "Dudley Domestic Abuse Service",
                                          "Sandwell DV Support Service", "Haven Helpline", "The Haven"]
    assert {(r.start, r.end) for r in ds.rels if r.kind == "PART_OF"} == {
        ("dudley-domestic-abuse-service", "black-country-women-s-aid"),
        ("sandwell-dv-support-service", "black-country-women-s-aid"), ("haven-helpline", "the-haven")}
    assert ("list.csv:3 (and 1 more row): column 'Provider': read 'Black Country Womens Aid' as "
            "black-country-women-s-aid (\"Black Country Women's Aid\"), the row of that name once case, apostrophes, punctuation and a leading "
            "'The' are set aside, 'BCWA' as black-country-women-s-aid") in result.stderr, result.stderr


def test_a_provider_named_by_initials_written_without_dots_is_the_row_written_with_them(lcg, tmp_path):
    """A veterans trial's host cell "RAFA Club Halesowen" was not linked to the row "R.A.F.A. Club Halesowen" of the
    same list (a second record of the club): initials written with dots are those initials when a cell is matched to
    a row, as other punctuation is set aside; one initial ("J. Smith") and a word ("St.") stay as they are."""
    text = ("Club,Host\nHalesowen Veterans Breakfast Club,RAFA Club Halesowen\nR.A.F.A. Club Halesowen,\n"
            "Penn Coffee Morning,U.K. Veterans Trust\nUK Veterans Trust,\n")
    result = _import_list(lcg, tmp_path, text, "{Club: Label, Host: part_of}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    assert len(ds.nodes) == 4, [n.name for n in ds.nodes]
    assert {(r.start, r.end) for r in ds.rels if r.kind == "PART_OF"} == {
        ("halesowen-veterans-breakfast-club", "r-a-f-a-club-halesowen"), ("penn-coffee-morning", "uk-veterans-trust")}


def test_a_provider_is_the_one_folder_record_written_as_it_is_among_several_of_its_loose_name(lcg, tmp_path):
    """A schools trial's "Trusts (name)" column named "Dudley Academies Trust", the name of a row of trusts.xlsx
    imported before, yet made dudley-academies-trust-2: the list had "The Dudley Academies Trust" too, and of two
    records of one name (a leading "The" aside) neither was taken. The one written as the cell is, case and spacing
    aside, is the record."""
    (tmp_path / "trusts.csv").write_text("Trust,Head office\nDudley Academies Trust,\"The Broadway, Dudley\"\n"
                                         "The Dudley Academies Trust,Dudley College\n", encoding="utf-8")
    (tmp_path / "m.yaml").write_text("columns: {Trust: Label, Head office: address}\n", encoding="utf-8")
    first = lcg("import", "sheet", tmp_path / "trusts.csv", "--type", "organisation", "--map", tmp_path / "m.yaml",
                "-o", tmp_path / "data")
    assert first.exit_code == 0, first.output
    result = _import_list(lcg, tmp_path, "School,Trust\nCastle High School,Dudley Academies Trust\n",
                          "{School: Label, Trust: part_of}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    assert sorted(n.id for n in ds.nodes) == ["castle-high-school", "dudley-academies-trust",
                                              "the-dudley-academies-trust"]
    assert {(r.start, r.end) for r in ds.rels if r.kind == "PART_OF"} == {
        ("castle-high-school", "dudley-academies-trust")}

def test_a_row_named_as_a_provider_another_import_made_is_that_record(lcg, tmp_path):
    """A libraries trial's venues list, imported first, made "Wednesfield History Society" for the body in its
    "Managed by" column; its heritage list's row of the society was then written as wednesfield-history-society-2,
    two records of one body. The record another import made by a name alone is the row's record: written by this
    import with the row's facts, dropped from the other file in the same write, said naming both; the venue stays
    part of it, and either import run again leaves the folder as it is."""
    (tmp_path / "venues.csv").write_text("Venue,Postcode,Managed by\nHeritage Centre,WV11 1UN,Wednesfield History "
                                         "Society\nBantock Park,WV3 9LQ,City of Wolverhampton Council\n",
                                         encoding="utf-8")
    (tmp_path / "v.yaml").write_text("columns: {Venue: Label, Managed by: part_of}\n", encoding="utf-8")
    venues = ["import", "sheet", tmp_path / "venues.csv", "--type", "organisation", "--map", tmp_path / "v.yaml",
              "-o", tmp_path / "data"]
    assert lcg(*venues).exit_code == 0
    text = "Partner,Charity No.\nWednesfield History Society,1018722\nBilston Historical Society,1067344\n"
    result = _import_list(lcg, tmp_path, text, "{Partner: Label}")
    assert result.exit_code == 0, result.output
    assert ("list.csv:2: 'Wednesfield History Society' (wednesfield-history-society) was a record of its name alone "
            "in imports/sheet-venues/organisations.yaml, made for a provider's cell there; this row's record replaces "
            "it, and that file's rows stay tied to it\n") in result.stderr, result.stderr
    folder = {p: p.read_bytes() for p in (tmp_path / "data").rglob("*.yaml")}
    ds = load_dataset(tmp_path / "data")
    society = [n for n in ds.nodes if n.name == "Wednesfield History Society"]
    assert [(n.id, n.props.get("identifiers")) for n in society] == [("wednesfield-history-society",
                                                                      ("GB-CHC-1018722",))]
    assert ("heritage-centre", "wednesfield-history-society") in {(r.start, r.end) for r in ds.rels
                                                                  if r.kind == "PART_OF"}
    assert lcg(*venues).exit_code == 0
    assert _import_list(lcg, tmp_path, text, "{Partner: Label}").exit_code == 0
    assert {p: p.read_bytes() for p in (tmp_path / "data").rglob("*.yaml")} == folder


def test_a_provider_cell_of_one_common_word_or_of_initials(lcg, tmp_path):
    """A libraries trial's "Managed by" wrote "volunteers" once, which became an organisation named "volunteers",
    the parent of a heritage centre; and "CWC" on a library of the council the other rows named in full, which
    became an organisation of its own. One common word (a kind of body, "Council", or who runs the row) names no
    body: kept in the note, said; initials spelling one name of the sheets and the folder are that body, said;
    initials spelling two names are said with both, for the user to write the name meant."""
    text = ("Venue,Managed by\nCentral Library,City of Wolverhampton Council\nFinchfield Library,CWC\n"
            "Tettenhall Transport Heritage Centre,volunteers\nHall Green Chapel,Council\n"
            "Adult Learning Hub,City of Wolverhampton College\nBilston Centre,DMBC\nDudley Library,Dudley MBC\n")
    result = _import_list(lcg, tmp_path, text, "{Venue: Label, Managed by: part_of}")
    assert result.exit_code == 0, result.output
    assert ("list.csv:4 (and 1 more row): column 'Managed by': passed over 'volunteers' (row 4), 'Council' (row 5): "
            "one common word") in result.stderr, result.stderr
    ds = load_dataset(tmp_path / "data")
    parents = {(r.start, r.end) for r in ds.rels if r.kind == "PART_OF"}
    assert sorted(n.name for n in ds.nodes if not any(s == n.id for s, _ in parents)) == [
        "CWC", "City of Wolverhampton College", "City of Wolverhampton Council", "DMBC", "Dudley MBC", "Hall Green Chapel",
        "Tettenhall Transport Heritage Centre"]
    assert {n.props.get("note") for n in ds.nodes if n.name == "Hall Green Chapel"} == {"Managed by: Council."}
    assert "'CWC' as an organisation of its own, cwc: the initials of 2 names" in result.stderr, result.stderr
    result = _import_list(lcg, tmp_path, text.replace("City of Wolverhampton College", "Wolverhampton College"),
                          "{Venue: Label, Managed by: part_of}")
    assert ("list.csv:3: column 'Managed by': read 'CWC' as city-of-wolverhampton-council ('City of Wolverhampton "
            "Council'), the one name") in result.stderr, result.stderr
    parents = {(r.start, r.end) for r in load_dataset(tmp_path / "data").rels if r.kind == "PART_OF"}
    assert ("finchfield-library", "city-of-wolverhampton-council") in parents, parents
    for text, mapping, said in (
            # a school board's initials, longer than a heading's word (a Hamilton hold-out's "HWCDSB" became a body)
            ("Organization,Parent Organization\nHamilton-Wentworth Catholic District School Board,\n"
             "St. Charles Adult & Continuing Education,HWCDSB\n", "{Organization: Label, Parent Organization: part_of}",
             "read 'HWCDSB' as hamilton-wentworth-catholic-district-school-board"),
            # initials of one body written two ways (a Bradford hold-out's "BTHFT" became a body of its own, "the
            # initials of 2 names", its trust's "NHS FT" and "NHS Foundation Trust")
            ("Name,Parent organisation\nBradford Teaching Hospitals NHS Foundation Trust,\n"
             "Bradford Teaching Hospitals NHS FT,\nBradford Royal Infirmary,BTHFT\n",
             "{Name: Label, Parent organisation: part_of}",
             "read 'BTHFT' as bradford-teaching-hospitals-nhs-foundation-trust"),
            # initials with a stop after them, as before (a review's find)
            ("Venue,Managed by\nCentral Library,City of Wolverhampton Council\nFinchfield Library,CWC.\n",
             "{Venue: Label, Managed by: part_of}", "read 'CWC.' as city-of-wolverhampton-council")):
        shutil.rmtree(tmp_path / "data")
        result = _import_list(lcg, tmp_path, text, mapping)
        assert result.exit_code == 0 and said in result.stderr, result.output


def test_a_provider_cell_saying_the_council_runs_the_row_names_no_body(lcg, tmp_path):
    """A community trial's "Management Committee" cell "Council run" made an organisation council-run: "Council run",
    "Council-run", "Run by the council", "LA run", "LA maintained" (an early years hold-out's nursery school's) say, as
    "Council" does, that a council runs the row, not which one (in one council's list too, nothing is guessed): kept
    in the note, said; a body's name after "Run by" is no such cell."""
    cells = ["Council run", "Council-run", "Run by the council", "LA run", "Managed by volunteers", "LA maintained"]
    text = "Centre,Management Committee\n" + "".join(f"Centre {k},{cell}\n" for k, cell in enumerate(cells)) + \
        "Bilston Centre,Bilston Community Association\n"
    result = _import_list(lcg, tmp_path, text, "{Centre: Label, Management Committee: part_of}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    assert sorted(n.name for n in ds.nodes) == sorted(
        ["Bilston Centre", "Bilston Community Association", *(f"Centre {k}" for k in range(len(cells)))])
    notes = {n.name: n.props.get("note") for n in ds.nodes}
    assert [notes[f"Centre {k}"] for k in range(len(cells))] == [f"Management Committee: {c}." for c in cells]
    assert "one common word" in result.stderr, result.stderr


def test_a_register_number_in_a_bracket_after_a_providers_name_is_that_bodys(lcg, tmp_path):
    """A community trial's "Management Committee" cell "Pelsall Village Hall Trust (reg charity 521234)" put the
    number in the hall's note: a register's words and number in a bracket after a body's name are that body's
    identifier, on its record (the row's own, where the cell names the row's own body), the name without them."""
    text = ("Hall,Management Committee\nPelsall Village Hall,Pelsall Village Hall Trust (reg charity 521234)\n"
            "Bilston Hall,Bilston Community Association (Charity No. 1045512)\nOak Hall,Bilston Community Association\n"
            "Penn Hall,Penn Hall Management Ltd (Company 04411223)\n")
    result = _import_list(lcg, tmp_path, text, "{Hall: Label, Management Committee: part_of}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    got = {n.name: (list(n.props.get("identifiers", ())), n.props.get("note")) for n in ds.nodes}
    assert got == {"Pelsall Village Hall": (["GB-CHC-521234"], None), "Bilston Hall": ([], None),
                   "Oak Hall": ([], None), "Bilston Community Association": (["GB-CHC-1045512"], None),
                   "Penn Hall": ([], None), "Penn Hall Management Ltd": (["GB-COH-04411223"], None)}, got
    assert {(r.start, r.end) for r in ds.rels if r.kind == "PART_OF"} == {
        ("bilston-hall", "bilston-community-association"), ("oak-hall", "bilston-community-association"),
        ("penn-hall", "penn-hall-management-ltd")}
    assert ("read 'Pelsall Village Hall Trust (reg charity 521234)' as 'Pelsall Village Hall Trust', its number "
            "GB-CHC-521234 in its identifiers") in result.stderr, result.stderr


def test_a_unit_and_its_provider_joined_through_a_third_record_are_not_merged(lcg, tmp_path):
    """A review's sheet tied "Little Acorns Day Nursery" to its provider "Little Acorns Nursery Ltd" (part_of), and a
    third row, "Little Acorns Nursery", joined the three into one merge group: the advice folded the unit into its
    own parent and left its part_of tie pointing at an entry it deleted. Such a group is for review."""
    text = ("Name,Address,Postcode,Provider Organisation\n"
            "Little Acorns Day Nursery,5 Oak Lane Wolverhampton,WV3 0AA,Little Acorns Nursery Ltd\n"
            "Little Acorns Nursery,5 Oak Lane Wolverhampton,WV3 0AA,\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Address: address, Postcode: postcode, "
                                               "Provider Organisation: part_of}")
    assert result.exit_code == 0, result.output
    rows = json.loads(lcg("duplicates", "--data", tmp_path / "data", "--min-score", "0.5", "--format", "json").stdout)
    assert rows and all(r["action"] == "review" for r in rows), rows
    assert any("a unit and the body it is part of" in r["reasons"] for r in rows), rows


def test_a_word_with_no_digit_in_a_register_column_is_kept_in_the_note_and_its_column_offered(lcg, tmp_path,
                                                                                               monkeypatch):
    """A sports trial's clubs list wrote "CASC" (a Community Amateur Sports Club: a tax status, no number) in its
    "Charity/CASC no." column: mapped to Charity number, the import stopped on 18 rows ("'CASC' ... fit no
    register"), and unmapped, its hint offered the column ~, throwing the charity numbers away. A word with no
    digit is no number: kept in the note with one warning; a number mistyped (a digit in it) is still a problem.
    A column naming one register's number beside a status ("Charity/CASC no.") is offered as that register's, even
    when its first cell is the status."""
    monkeypatch.chdir(tmp_path)
    text = ("Club Name,Postcode,Charity/CASC no.\nSporting Khalsa FC,WV13 3BB,CASC\n"
            "Bilston Town Community FC,WV14 6PS,1156789\nWolverhampton Casuals FC,WV10 7PR,CASC\n")
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert offered.exit_code == 1
    assert _mapping_written(_one_go(offered.stderr))["columns"]["Charity/CASC no."] == "Charity number", \
        offered.stderr
    pasted = _paste(tmp_path, _one_go(offered.stderr))
    assert pasted.returncode == 0, pasted.stderr
    assert ("list.csv:2 (and 1 more row): column 'Charity/CASC no.': 'CASC' (rows 2, 4) is no register's number "
            "(no digit): kept in the note, not in the identifiers") in pasted.stderr, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    got = {n.name: (n.props.get("identifiers"), n.props.get("note")) for n in ds.nodes}
    assert got == {"Sporting Khalsa FC": (None, "Charity/CASC no.: CASC."),
                   "Bilston Town Community FC": (("GB-CHC-1156789",), None),
                   "Wolverhampton Casuals FC": (None, "Charity/CASC no.: CASC.")}, got
    (tmp_path / "list.csv").write_text(text + "Penn Hockey Club,WV4 4AA,11567x9\n", encoding="utf-8")
    mistyped = _paste(tmp_path, _one_go(offered.stderr))
    assert mistyped.returncode == 1 and "charity number 11567x9 in column 'Charity/CASC no.' fits no register" in \
        mistyped.stderr, mistyped.stderr


def test_a_bare_number_in_nic_s_range_beside_nic_numbers_is_northern_ireland_s(lcg, tmp_path):
    """A Belfast hold-out's grants list wrote "NIC101010" and, for nine recipients, the bare "100123": read as England
    and Wales's (GB-CHC-100123), they matched none of the directory's NIC numbers. Beside cells written with NIC, a
    bare number in NIC's range (from 100001, not yet past 110000) is Northern Ireland's, said; elsewhere it stays
    England and Wales's, whose register has such numbers too, and a number out of that range stays so everywhere."""
    text = ("Recipient,Charity No.\nAdvice NI,NIC101010\nMarkets Community Association,100123\n"
            "Shankill Women's Centre,1001234\n")
    result = _import_list(lcg, tmp_path, text, "{Recipient: Label}")
    assert result.exit_code == 0, result.output
    got = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Advice NI": ["GB-NIC-101010"], "Markets Community Association": ["GB-NIC-100123"],
                   "Shankill Women's Centre": ["GB-CHC-1001234"]}, got
    assert ("'100123' as GB-NIC-100123 (Northern Ireland's, as the column's other numbers are; an England and Wales "
            "charity's would be GB-CHC-100123)") in result.stderr, result.stderr
    shutil.rmtree(tmp_path / "data")
    alone = _import_list(lcg, tmp_path, "Recipient,Charity No.\nOld Charity,100123\n", "{Recipient: Label}")
    assert alone.exit_code == 0, alone.output
    assert [list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes] == [["GB-CHC-100123"]]


def test_an_hmrc_charity_reference_in_a_register_column_is_kept_in_the_note(lcg, tmp_path):
    """A Belfast hold-out's churches had only old HMRC charity references ("XR23456") in the directory's "Charity/
    Company No" beside NIC numbers: the import stopped on them as numbers mistyped, and the user moved them to the
    note by hand. HMRC's reference ("X", a letter, digits) is the tax office's, no register's: kept in the note with
    one warning; a number mistyped is still a problem."""
    text = ("Organisation,Charity/Company No\nFitzroy Presbyterian Church,XR23456\nAdvice NI,NIC101010\n"
            "Ballysillan Presbyterian Church,XR 34567\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Charity/Company No: Charity number}")
    assert result.exit_code == 0, result.output
    assert ("column 'Charity/Company No': 'XR23456', 'XR 34567' (rows 2, 4) are no register's number (HMRC's charity "
            "reference, the tax office's): kept in the note, not in the identifiers") in result.stderr, result.stderr
    got = {n.name: (n.props.get("identifiers"), n.props.get("note")) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Fitzroy Presbyterian Church": (None, "Charity/Company No: XR23456."), "Advice NI": (
        ("GB-NIC-101010",), None), "Ballysillan Presbyterian Church": (None, "Charity/Company No: XR 34567.")}, got
    shutil.rmtree(tmp_path / "data")
    for column, cell in (("Charity No", "XRR23456"), ("Company No", "X1234"), ("UKPRN", "XN12345")):
        bad = _import_list(lcg, tmp_path, f"Organisation,{column}\nA Church,{cell}\n", "{Organisation: Label}")
        assert bad.exit_code == 1 and "fit" in bad.stderr and "HMRC" not in bad.stderr, bad.stderr
    mixed = _import_list(lcg, tmp_path, "Club,Charity/CASC no.\nPenn FC,CASC\nA Church,XR23456\n",
                         "{Club: Label, Charity/CASC no.: Charity number}")
    assert mixed.exit_code == 0, mixed.output
    assert "'CASC' (row 2) is no register's number (no digit)" in mixed.stderr, mixed.stderr
    assert "'XR23456' (row 3) is no register's number (HMRC's charity reference" in mixed.stderr, mixed.stderr


def test_an_operator_column_is_offered_as_part_of_and_its_words_in_small_letters_name_no_body(lcg, tmp_path,
                                                                                              monkeypatch):
    """A sports trial's venues list's "Operator" (a leisure trust, a council) was offered ~, as "Run by" is offered
    part_of; mapped so, its cells "school" (five rows) and "club run" (two) became organisations, each the parent
    of its venues. Words in small letters the column repeats are a kind or a note, not a body: kept in the note,
    with a warning; a column of nothing else is no provider's."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text(
        "Venue,Operator,Post Code\nHadley Stadium,Sandwell Leisure Trust,B66 4HW\n"
        "Portway Lifestyle Centre,Sandwell Leisure Trust,B69 1HE\nColton Hills Community School,school,WV4 5DG\n"
        "Walsall Academy,school,WS3 3LX\nWalsall Cricket Club,club run,WS1 3BE\nLawn Tennis Club,club run,WV6 0LW\n"
        "Smestow Academy,Smestow lettings,WV3 8HU\n", encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_one_go(offered.stderr))["columns"]["Operator"] == "part_of", offered.stderr
    pasted = _paste(tmp_path, _one_go(offered.stderr))
    assert pasted.returncode == 0, pasted.stderr
    assert ("list.csv:4 (and 3 more rows): column 'Operator': passed over 'school' (rows 4, 5), 'club run' (rows 6, "
            "7): words in small letters the column repeats") in pasted.stderr, pasted.stderr
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    assert {(names[r.start], names[r.end]) for r in ds.rels if r.kind == "PART_OF"} == {
        ("Hadley Stadium", "Sandwell Leisure Trust"), ("Portway Lifestyle Centre", "Sandwell Leisure Trust"),
        ("Smestow Academy", "Smestow lettings")}
    assert next(n for n in ds.nodes if n.name == "Walsall Academy").props["note"] == "Operator: school."
    (tmp_path / "list.csv").write_text("Venue,Operator,Post Code\nWalsall Academy,school,WS3 3LX\n"
                                       "Colton Hills School,school,WV4 5DG\nLawn Tennis Club,club run,WV6 0LW\n"
                                       "Walsall Cricket Club,club run,WS1 3BE\n", encoding="utf-8")
    kinds = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_one_go(kinds.stderr))["columns"]["Operator"] != "part_of", kinds.stderr


def test_a_services_column_of_phrases_and_a_contact_venue_are_offered_as_description_and_address(lcg, tmp_path,
                                                                                                monkeypatch):
    """A refugee trial's "Service offered" ("Move-on support after a positive decision") and a sports trial's
    "Contact venue" ("Aspray Arena, Noose Lane") were offered ~, throwing away what each body does and where it
    meets. Phrases under a services heading are the body's description; a venue word after one word saying which
    is a venue, written first in the address."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text(
        "Partner,Service offered,Contact venue,Postcode\n"
        "Refugee Council,\"National asylum advice, resettlement\",\"Aspray Arena, Noose Lane\",WV13 3BB\n"
        "Refugee Action,Move-on support after a positive decision,Low Hill Community Centre,WV10 9JL\n"
        "British Red Cross,Family reunion travel,,B1 1AA\n", encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    columns = _mapping_written(_one_go(offered.stderr))["columns"]
    assert (columns["Service offered"], columns["Contact venue"]) == ("description", "address"), offered.stderr
    assert _paste(tmp_path, _one_go(offered.stderr)).returncode == 0
    ds = load_dataset(tmp_path / "data")
    council = next(n for n in ds.nodes if n.name == "Refugee Council")
    assert (council.props["description"], council.props["address"]) == ("National asylum advice, resettlement",
                                                                         "Aspray Arena, Noose Lane")


@pytest.mark.parametrize("header", ["Service / what they do", "What they do", "Services / activities"])
def test_a_services_heading_of_several_parts_is_offered_as_description(lcg, tmp_path, header):
    """A disability trial's "Service / what they do" ("Carers assessments, advice, breaks") was offered ~, though
    "Services" and "Service offered" are offered as description: a heading each of whose parts names what the
    body does is one such heading."""
    (tmp_path / "list.csv").write_text(
        f'Member organisation,"{header}",Town\nWolverhampton Carers Centre,"Carers assessments, advice, breaks",'
        "Wolverhampton\nWalsall Carers Centre,Info & support for adult carers,Walsall\n", encoding="utf-8")
    offered = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "-o", tmp_path / "data")
    assert _mapping_written(_one_go(offered.stderr))["columns"][header] == "description", offered.stderr


def test_an_email_address_in_a_website_column_is_passed_over_with_a_warning(lcg, tmp_path):
    """A diaspora trial's "Email / web" column mapped to website stopped the import with "website: bad URL
    'szkola.wolverhampton@gmail.com'" and no fix said. Organisations keep no e-mail address here (people carry no
    contact details): such a cell is passed over, said in a warning, and the web addresses read."""
    text = ("School,Email / web\nPolish Saturday School,szkola.wolverhampton@gmail.com\n"
            "Urdu School,www.urduschool.org.uk\nArabic School,mailto:info@arabic.org\n")
    result = _import_list(lcg, tmp_path, text, '{School: Label, "Email / web": website}')
    assert result.exit_code == 0, result.output
    found = {n.name: n.props.get("website") for n in load_dataset(tmp_path / "data").nodes}
    assert found == {"Polish Saturday School": None, "Urdu School": "https://www.urduschool.org.uk",
                     "Arabic School": None}, found
    assert ("list.csv:2 (and 1 more row): column 'Email / web': passed over 'szkola.wolverhampton@gmail.com', "
            "'mailto:info@arabic.org' (rows 2, 4): e-mail addresses, not a web site") in result.stderr, result.stderr


def test_a_note_starting_with_a_former_name_gives_the_row_its_alias(lcg, tmp_path):
    """A sports trial's clubs list said "formerly Tipton Tigers Netball Club (renamed 2022)" in its Notes, which was
    kept as a note only, while "(formerly X)" in the name's cell is an alias: `lcg duplicates` could not pair the
    club with its old name in another list. "formerly", "previously", "renamed from" starting a note give an alias,
    said with the row, and so do "now called", "now known as", "renamed to" (its name now), "t/a", "aka" (its other
    name); "now X" (what became of
    the body: "now part of X", "now meets at X") and a note with no name after the word stay notes only."""
    text = ("Club Name,Notes\nBlack Country Blaze Netball Club,formerly Tipton Tigers Netball Club (renamed 2022)\n"
            "Penn Hockey Club,previously Penn & Tettenhall HC; merged 2019\n"
            "Bilston Children's Centre,old name - now Bilston Family Hub\nOak Trust,formerly in Penn\n"
            "Elm Trust,now part of Walsall Mind\n"
            "Dudley Youth Offending Service,now called Dudley Youth Justice Service\n"
            "Manchester Met Students Union,t/a The Union MMU\nFoo Club,trading as usual\n")
    result = _import_list(lcg, tmp_path, text, "{Club Name: Label, Notes: note}")
    assert result.exit_code == 0, result.output
    got = {n.name: (n.props.get("aliases"), n.props.get("note")) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {
        "Black Country Blaze Netball Club": (("Tipton Tigers Netball Club",),
                                             "formerly Tipton Tigers Netball Club (renamed 2022)"),
        "Penn Hockey Club": (("Penn & Tettenhall HC",), "previously Penn & Tettenhall HC; merged 2019"),
        "Bilston Children's Centre": (None, "old name - now Bilston Family Hub"),
        "Oak Trust": (None, "formerly in Penn"), "Elm Trust": (None, "now part of Walsall Mind"),
        # its name now (a justice hold-out's note, kept as a note only)
        "Dudley Youth Offending Service": (("Dudley Youth Justice Service",),
                                           "now called Dudley Youth Justice Service"),
        # its trading name (a Manchester hold-out's, kept as a note only)
        "Manchester Met Students Union": (("The Union MMU",), "t/a The Union MMU"),
        "Foo Club": (None, "trading as usual")}, got
    assert ("list.csv:2 (and 3 more rows): column 'Notes': read 'formerly Tipton Tigers Netball Club (renamed 2022)' "
            "as the alias 'Tipton Tigers Netball Club', 'previously Penn & Tettenhall HC' as the alias 'Penn & "
            "Tettenhall HC'") in result.stderr, result.stderr


def test_a_column_of_figures_is_no_unit_and_rp_numbers_are_offered_as_the_social_housing_register(lcg, tmp_path):
    """A housing trial's hint offered "Units: unit" for a count of bedspaces, naming a row "Wolverhampton Homes (ALMO)
    - 21500", and "RP number: ~", losing the Regulator of Social Housing's numbers (L4112), the strongest evidence
    that two rows are one provider. A count names no part of a body; a column named for registered providers'
    numbers whose cells are theirs is offered as that register, read as org-id.guide's GB-SHPE."""
    (tmp_path / "list.csv").write_text(
        "Scheme name,RP number,Address,Units\nMidland Heart,L4112,20 Bath Row,\nWolverhampton Homes (ALMO),n/a,"
        "Civic Centre,21500\nHeantun Housing Association,lh0174 ,Salop Street,\nTipton Foyer,L4112,Owen Street,32\n",
        encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "-o", tmp_path / "data")
    assert result.exit_code == 1
    command = _one_go(result.output)
    assert "'  Units: ~'" in command and "'  RP number: registered provider number'" in command, command
    assert "Charity number, Company number or registered provider number (read as identifiers)" in result.output
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0, pasted.stderr
    ids = {n.name: list(n.props.get("identifiers", [])) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Midland Heart": ["GB-SHPE-L4112"], "Wolverhampton Homes (ALMO)": [],
                   "Heantun Housing Association": ["GB-SHPE-LH0174"], "Tipton Foyer": ["GB-SHPE-L4112"]}, ids


def test_a_heading_in_capitals_written_as_its_siblings_are_is_passed_over_but_initials(lcg, tmp_path):
    """A housing trial imported its headings "PROVIDERS" and "SANDWELL" as organisations while "WALSALL",
    "WOLVERHAMPTON" and "DUDLEY" (towns of its addresses) were passed over. The rule: a one-cell row written as the
    headings passed over are (in their column, in capitals, no longer), in a list writing its names in mixed case,
    right above rows of the list, is a heading too, unless it is a body's initials, one short word ("NSPCC")."""
    text = ("Name,Address,Phone\nPROVIDERS,,\nWalsall Housing Group,\"1 High St, Walsall\",1\n"
            "Accord Group,\"2 Low St, Dudley\",2\nWALSALL,,\nHatherton Street,\"3 Hatherton St, Walsall\",3\n"
            "NSPCC,,\nHarden Court,\"4 Harden Rd, Walsall\",4\nSANDWELL,,\nTipton Foyer,\"5 Owen St, Tipton\",5\n"
            "DUDLEY,,\nCastle View,\"6 Castle Hill, Dudley\",6\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Address: address, Phone: phone}")
    assert result.exit_code == 0, result.output
    names = [n.name for n in load_dataset(tmp_path / "data").nodes]
    assert "PROVIDERS" not in names and "SANDWELL" not in names and "NSPCC" in names, names
    assert "passed over 'PROVIDERS', 'WALSALL', 'SANDWELL', 'DUDLEY' (rows 2, 5, 9, 11)" in result.stderr, result.stderr


def test_a_note_after_nb_is_passed_over_and_a_unit_naming_its_body_is_not_joined_to_it_twice(lcg, tmp_path):
    """A housing trial's directory stopped on its row "NB Switchboard numbers - ask for the named service" ("no name
    in column 'Organisation'"; under the hint's mapping it became an organisation), and named its units "Nacro -
    Nacro - Dudley supported housing": a unit's cell that names its body already is the row's name as written."""
    text = ("Service,Organisation,Phone\nNacro - Dudley supported housing,Nacro,1\nHousing Options,Dudley MBC,2\n"
            "NB Switchboard numbers - ask for the named service,,\nBirchills Hostel,Accord,3\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Service: unit, Phone: phone}")
    assert result.exit_code == 0, result.output
    names = [n.name for n in load_dataset(tmp_path / "data").nodes]
    assert names == ["Nacro - Dudley supported housing", "Dudley MBC - Housing Options", "Accord - Birchills Hostel"], \
        names
    assert "passed over 'NB Switchboard numbers - ask for the named service' (row 4)" in result.stderr, result.stderr


def test_a_former_name_in_brackets_in_a_part_of_cell_is_an_alias_of_the_body_it_names(lcg, tmp_path):
    """A housing trial's Organisation column (part_of) held "Midland Heart (formerly Prime Focus)", made an
    organisation of that whole text, while in a name's cell the same text is a name and its alias: one rule for
    both cells (``_bracket_names``)."""
    text = ("Service,Organisation\nMidland Heart,Midland Heart (formerly Prime Focus)\n"
            "Tipton Foyer,Midland Heart (formerly Prime Focus)\nOne Walsall Hub,One Walsall (formerly WVA)\n")
    result = _import_list(lcg, tmp_path, text, "{Service: Label, Organisation: part_of}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    nodes = {n.name: list(n.props.get("aliases", [])) for n in ds.nodes}
    assert nodes == {"Midland Heart": ["Prime Focus"], "Tipton Foyer": [], "One Walsall Hub": [],
                     "One Walsall": ["WVA"]}, nodes
    assert "'Midland Heart (formerly Prime Focus)' as 'Midland Heart', another name 'Prime Focus' as its alias" in \
        result.stderr, result.stderr


def test_a_column_named_by_its_register_alone_is_offered_as_it_when_its_cells_fit(lcg, tmp_path):
    """A SEND trial's hint offered "Companies House: ~" and "Charity: ~" though their cells were company and charity
    numbers, and the same error listed "Charity number or Company number (read as identifiers)": a column named by
    its register alone is offered as that register when every cell fits it ("Charity" of Yes and No stays ~)."""
    text = ("Provider,Companies House,Charity,Registered\nScope,00520014,208231,Yes\nShaw Trust,01744121,287785,No\n"
            "Mencap Dudley,,502867,Yes\nBilston Crafts,IP31234R,,No\n")
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "-o", tmp_path / "data")
    assert result.exit_code == 1
    command = _one_go(result.output)
    assert "'  Companies House: Company number'" in command and "'  Charity: Charity number'" in command, command
    pasted = _paste(tmp_path, command)
    assert pasted.returncode == 0, pasted.stderr
    ids = {n.name: list(n.props.get("identifiers", [])) for n in load_dataset(tmp_path / "data").nodes}
    assert ids["Scope"] == ["GB-COH-00520014", "GB-CHC-208231"] and ids["Bilston Crafts"] == ["GB-MPR-31234R"], ids


def test_the_fields_an_unknown_column_error_lists_name_the_register_its_hint_offers(lcg, tmp_path):
    """A SEND trial's hint offered "URN: school urn", which works, but the error's list of fields named only
    "Charity number or Company number (read as identifiers)": the list names the register the hint offers."""
    result = _import_list(lcg, tmp_path, "School,URN\nPenn Hall School,104301\n", "{School: Label}")
    assert result.exit_code == 1
    assert "Charity number, Company number or school urn (read as identifiers)" in result.output, result.output
    assert "map it with URN: school urn" in result.output, result.output


def test_a_name_given_as_the_folder_it_makes_is_that_folder(lcg, tmp_path):
    """A SEND trial imported a list again with `--name sheet-employment-day-ops`, the folder its summary showed, and
    got "imports/sheet-sheet-employment-day-ops/" beside it, every row twice. The 360Giving import's --source too."""
    from conftest import FIXTURES

    sheet = tmp_path / "partners.csv"
    sheet.write_text("Label,Postcode\nPenn Bowling Club,WV4 5AA\n", encoding="utf-8")
    out = tmp_path / "data"
    for name in ("partners", "sheet-partners"):
        assert lcg("import", "sheet", sheet, "-o", out, "--type", "organisation", "--name", name).exit_code == 0
    assert sorted(p.name for p in (out / "imports").iterdir()) == ["sheet-partners"]
    grants = FIXTURES / "360giving-branches" / "mha-live-at-home.json"
    assert lcg("import", "360giving", grants, "-o", out, "--source", "360giving-mha").exit_code == 0
    assert (out / "imports" / "360giving-mha").is_dir() and not (out / "imports" / "360giving-360giving-mha").exists()


def test_a_trading_name_after_t_a_in_a_name_cell_is_the_body_s_alias(lcg, tmp_path):
    """A business trial's "R.K. Singh Ltd t/a Singh's Bakery" and a skills trial's "X Ltd T/A Y" stayed one long name,
    which no other list writes: the company's name, and its trading name as an alias, said with its row."""
    sheet = tmp_path / "employers.csv"
    sheet.write_text("Label,Postcode\nR.K. Singh Ltd t/a Singh's Bakery,WV4 5AA\nAcme Training Ltd T/A Skills4U,"
                     "WV1 1AA\nPenn Bowling Club,WV4 5AB\n", encoding="utf-8")
    result = lcg("import", "sheet", sheet, "-o", tmp_path / "data", "--type", "organisation")
    assert result.exit_code == 0 and "read \"R.K. Singh Ltd t/a Singh's Bakery\" as 'R.K. Singh Ltd'" in result.output
    entries = {e["name"]: e for e in yaml.safe_load(
        (tmp_path / "data" / "imports" / "sheet-employers" / "organisations.yaml").read_text(encoding="utf-8"))}
    assert entries["R.K. Singh Ltd"]["aliases"] == ["Singh's Bakery"]
    assert entries["Acme Training Ltd"]["aliases"] == ["Skills4U"] and "aliases" not in entries["Penn Bowling Club"]


def test_a_grants_list_with_no_identifier_keeps_its_recipients_ids_and_postcodes_and_names_the_grants_import(
        lcg, tmp_path):
    """A food trial's grants list (no grant Identifier column) given to `lcg import sheet` was offered a map with
    "Recipient Org:Identifier: ~" and "Recipient Org:Postal Code: ~", throwing away the charity numbers and
    postcodes the duplicates check pairs records by (10 true pairs found of 21), and never named `lcg import
    360giving`. The recipient's columns are offered as the fields they hold, and the error names the grants import
    with what it needs."""
    grants = tmp_path / "hsf.csv"
    grants.write_text("Recipient Org:Name,Recipient Org:Identifier,Recipient Org:Postal Code,Title,Amount Awarded\n"
                      "Wolverhampton Foodbank,GB-CHC-1152034,WV2 4PF,HSF4 food parcels,15000\n"
                      "Walsall Foodbank,GB-CHC-1148877,WS1 1DA,HSF4 food + fuel,14000\n", encoding="utf-8")
    data = tmp_path / "data"
    result = lcg("import", "sheet", grants, "--type", "organisation", "-o", data)
    assert result.exit_code == 1 and not data.exists(), result.output
    last = result.stderr.strip().splitlines()[-1]
    assert f"hsf.csv is a list of grants: `lcg import 360giving {grants} -o {data}` imports its grants with their " \
        "funder and recipients once it has columns Award Date and Funding Org:Name)" in last, last
    pasted = _paste(tmp_path, _one_go(result.stderr))
    assert pasted.returncode == 0, pasted.stderr
    found = {n.props["name"]: (list(n.props.get("identifiers", ())), n.props.get("postcode"))
             for n in load_dataset(data).nodes}
    assert found == {"Wolverhampton Foodbank": (["GB-CHC-1152034"], "WV2 4PF"),
                     "Walsall Foodbank": (["GB-CHC-1148877"], "WS1 1DA")}, found


def test_a_website_domain_column_is_the_rows_website_and_a_denomination_their_category(lcg, tmp_path, monkeypatch):
    """A libraries trial's "Website domain" ("learnmyway.com", three rows "wolverhampton.gov.uk") was offered ~,
    though its name says it is the row's web site as the list gives it, as a "Website" column is (an e-mail domain,
    a contact's, may be a parent body's: that rule stays its own); a faith trial's "Denomination" ("Church of
    England", "Roman Catholic") was offered ~ while a "Type" or "Sector" column is offered as Category: a faith
    list's denomination or faith is its bodies' kind."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text(
        "Organisation,Denomination,Website domain\nWolverhampton Libraries,Civic,wolverhampton.gov.uk\n"
        "City of Wolverhampton Council,Civic,wolverhampton.gov.uk\nSt Peter's Collegiate Church,Church of England,"
        "stpeterscollegiatechurch.co.uk\nSts Peter & Paul,Roman Catholic,rcaob.org.uk\n", encoding="utf-8")
    offered = lcg("import", "sheet", "list.csv", "--type", "organisation", "-o", "data")
    columns = _mapping_written(_one_go(offered.stderr))["columns"]
    assert (columns["Website domain"], columns["Denomination"]) == ("website", "Category"), offered.stderr
    assert _paste(tmp_path, _one_go(offered.stderr)).returncode == 0
    found = {n.props["name"]: (n.props.get("website"), n.props.get("type")) for n in load_dataset("data").nodes}
    assert found["Sts Peter & Paul"][0] == "https://rcaob.org.uk", found
    assert found["St Peter's Collegiate Church"][1], found


def test_a_notes_charity_number_between_sentences_is_read_and_a_former_name_ends_before_its_bracket(lcg, tmp_path):
    """A food trial's Notes wrote "Trussell Trust. Reg charity 1152034. Warehouse + office" and "Trussell Trust.
    Charity 1148877": the numbers, which the README says a note's are, were not read (only a whole cell or a part
    between ";" was). A faith trial's "formerly Spring Head Methodist Church (circuit merger 2019)" became the alias
    "Spring Head Methodist Church (circuit merger 2019)": a bracket after a former name in a note is a remark on
    it, no part of the name."""
    text = ("Name,Notes\nWolverhampton Foodbank,Trussell Trust. Reg charity 1152034. Warehouse + office\n"
            "Walsall Foodbank,Trussell Trust. Charity 1148877\n"
            "Darlaston Methodist Church,formerly Spring Head Methodist Church (circuit merger 2019)\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Notes: note}")
    assert result.exit_code == 0, result.output
    found = {n.props["name"]: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert list(found["Wolverhampton Foodbank"]["identifiers"]) == ["GB-CHC-1152034"], found
    assert found["Wolverhampton Foodbank"]["note"] == "Trussell Trust. Warehouse + office", found
    assert list(found["Walsall Foodbank"]["identifiers"]) == ["GB-CHC-1148877"], found
    assert list(found["Darlaston Methodist Church"]["aliases"]) == ["Spring Head Methodist Church"], found


def test_a_notes_number_after_a_dash_and_a_former_name_in_brackets_are_read(lcg, tmp_path):
    """A disability trial's Notes "CIC - company 08123456" was not read as a company number while "Co. 09876543" and
    "company 07766554" were; a diaspora trial's "(formerly Wolverhampton Asian Women's Forum)", a bracket first, was
    not read as an alias while "formerly Sandwell Polish Association" was. A note's parts end at a spaced dash or a
    comma too; a former name may stand in a bracket."""
    text = ("Name,Notes\nAspire Futures CIC,CIC - company 08123456\nCarers Hub,\"CIO, charity 1187345\"\n"
            "Sandwell Asian Women's Forum,(formerly Wolverhampton Asian Women's Forum)\n"
            "Oak Trust,Trussell Trust - meets Tuesdays\nElm Club,(formerly in Penn)\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Notes: note}")
    assert result.exit_code == 0, result.output
    found = {n.props["name"]: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert (list(found["Aspire Futures CIC"]["identifiers"]), found["Aspire Futures CIC"]["note"]) == (
        ["GB-COH-08123456"], "CIC"), found
    assert list(found["Carers Hub"]["identifiers"]) == ["GB-CHC-1187345"], found
    assert list(found["Sandwell Asian Women's Forum"]["aliases"]) == ["Wolverhampton Asian Women's Forum"], found
    assert found["Oak Trust"]["note"] == "Trussell Trust - meets Tuesdays" and "aliases" not in found["Elm Club"]


@pytest.mark.parametrize("text, wanted", [
    # a list of trusts: the schools each holds, a list in each cell, are not the rows' names ("Schools in trust:
    # Label" stopped the pasted hint: no name in 'Schools in trust' on the rows listing none)
    ("Trust,Head office,Schools in trust\nCentral Learning Partnership Trust,\"Holland Road, Bilston\","
     "\"Moseley Park, Coppice, Deansfield\"\nWindsor Academy Trust,\"Richmond Street, Halesowen\",\"Windsor High, + 12 "
     "primaries\"\nDudley Academies Trust,\"The Broadway, Dudley\",\nSt Chad's Academies Trust,"
     "\"The Close, Lichfield\",St Peter's Collegiate + CE primaries\n",
     {"Trust": "Label", "Head office": "address", "Schools in trust": None}),
    # a station or a team is the part of the service the row is, its Agency repeated on many rows
    ("Agency,Station / team,Phone\nWest Midlands Fire Service,Bilston Fire Station,0121 380 7500\n"
     "West Midlands Fire Service,Dudley Fire Station,0121 380 7500\nWest Midlands Police,Walsall North "
     "Neighbourhood Team,101\nWest Midlands Police,Tipton Neighbourhood Team,101\n",
     {"Agency": "Label", "Station / team": "unit"}),
    # a school's trust is who runs it
    ("EstablishmentName,Trusts (name),Town\nMoseley Park School,Central Learning Partnership Trust,Bilston\n"
     "Wednesfield High School,,Wednesfield\nColtham Primary,Central Learning Partnership Trust,Wednesfield\n",
     {"EstablishmentName": "Label", "Trusts (name)": "part_of", "Town": "address"}),
    # the body's name as each delegate typed it: other names of it, not its kind ("typed" is no "type")
    ("Organisation,Delegate's institution as typed,Country\nUniversity of Wolverhampton,Univ of Wolverhampton,UK\n"
     "Keele University,Keele,UK\nWolverhampton Students' Union,WSU,UK\n",
     {"Organisation": "Label", "Delegate's institution as typed": "aliases", "Country": "address"}),
])
def test_the_hint_keeps_the_column_naming_the_rows_and_reads_whose_part_they_are(lcg, tmp_path, text, wanted):
    """Trials' hints threw away or misplaced the columns that name the rows and whose they are: a list of trusts was
    offered 'Schools in trust: Label' and 'Trust: ~' (a column of lists of names is no row's name), a statutory
    list '"Station / team": ~' (a station is a unit, as a team is), a schools list '"Trusts (name)": ~' (the trust
    runs the school: part_of), a delegates list '"Delegate's institution as typed": Category' (the name as typed is
    an alias). Each hint, pasted, imports the list."""
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "-o", tmp_path / "data")
    assert result.exit_code == 1, result.output
    command = _one_go(result.output)
    assert _mapping_written(command) == {"columns": wanted}, command
    run = _paste(tmp_path, command)
    assert run.returncode == 0, run.stderr


def test_bare_ids_in_a_column_naming_their_register_are_offered_and_read_as_its_ids(lcg, tmp_path):
    """A research trial's register wrote its "ROR ID" column bare ("00vtgdb53"): the hint offered 'ROR ID: ~', and
    mapped to identifiers it gave 44 lines "bad identifier '00vtgdb53'". The column's name says the register: it is a
    register's column (a universities hold-out mapped it "ROR ID: ROR", refused), each bare id read as its register's
    as a "UKPRN" column's numbers are, a ROR URL as the id it names; the hint asks only for the names' column."""
    text = ("Partner institution,ROR ID\nUniversity of Glasgow,00vtgdb53\nUniversity of Wolverhampton,"
            "https://ror.org/01k2y1055\nKeele University,\nUniversity of Warwick,01a77tt86\n")
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "-o", tmp_path / "data")
    assert result.exit_code == 1, result.output
    command = result.output.split("`")[1]
    assert _mapping_written(command) == {"columns": {"Partner institution": "Label"}}, command
    run = _paste(tmp_path, command)
    assert run.returncode == 0 and "warning" not in run.stderr, run.stderr
    ids = {n.name: list(n.props.get("identifiers", [])) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"University of Glasgow": ["ROR:00vtgdb53"], "University of Wolverhampton": ["ROR:01k2y1055"],
                   "Keele University": [], "University of Warwick": ["ROR:01a77tt86"]}, ids


def test_one_problem_of_a_columns_cells_each_with_its_own_value_is_said_once(lcg, tmp_path):
    """A column's cells refused alike, each with its own value, were one line each (44 lines "bad identifier ..."
    for a register's ids): said once, at the first row, with the other rows counted, as one value on many rows is.
    (An identifiers column's cells that are no number are said by the import itself, with its other problems.)"""
    result = _import_list(lcg, tmp_path, "Name,Ref\nOak Trust,http://a b\nElm Trust,http://c d\n"
                          "Ash Trust,http://e f\n", "{Name: Label, Ref: website}")
    assert result.exit_code == 1, result.output
    assert ("list.csv:2 (column Ref) (and 2 more rows: 3, 4, each with its own value): website: bad URL "
            "'http://a b'") in result.stderr, result.stderr
    assert "'http://c d'" not in result.stderr, result.stderr
    result = _import_list(lcg, tmp_path, "Name,Ref\nOak Trust,AB12\nElm Trust,CD34\nAsh Trust,EF56\n",
                          "{Name: Label, Ref: identifiers}")
    assert result.exit_code == 1, result.output
    (line,) = [x for x in result.stderr.splitlines() if not x.startswith("Error")]
    assert line.startswith("list.csv:2 (and 2 more rows): column 'Ref' holds 'AB12', 'CD34', 'EF56': no org-id"), line


def test_a_postcode_column_and_the_lists_only_place_are_offered_not_dropped(lcg, tmp_path, monkeypatch):
    """Trials' hints dropped data: a care list's "Location Postal Code" (every cell a UK postcode) and an arts
    list's "Local Authority" and a discharge list's "Area" (Sandwell, Rushall: the list's only place) were offered
    ~. A heading naming a postal code, or a column of postcodes, is the postcode; a column named for an area whose
    cells are places is the address when no other column says where the rows are; not "Service area" (no place's
    heading), nor an "Area" beside a "Town" (a borough would only lengthen the address)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cqc.csv").write_text(
        "Location Name,Location Postal Code,Ref,Local Authority\n"
        "Brook House,WS4 1ED,WS4 1ED,Walsall\nCedar Grange,WS1 2QG,WS1 2QG,Walsall\n"
        "Sandford Court,DY6 8QA,DY6 8QA,Dudley\n", encoding="utf-8")
    result = lcg("import", "sheet", "cqc.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_one_go(result.stderr))["columns"] == {
        "Location Name": "Label", "Location Postal Code": "postcode", "Ref": None, "Local Authority": "address"}, \
        result.stderr  # a row keeps one postcode: the second column of postcodes is offered ~
    (tmp_path / "zips.csv").write_text("Name,Zip,Codes\nOak Club,WV1 1LY,WV2 2AA\nElm Club,WV3 3BB,B70 8EG\n",
                                       encoding="utf-8")
    result = lcg("import", "sheet", "zips.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_one_go(result.stderr))["columns"] == {"Name": "Label", "Zip": "postcode",
                                                                     "Codes": None}, result.stderr
    (tmp_path / "discharge.csv").write_text(
        "Provider,Tel,Area,Service area\nBrook House NH,01922 622418,Rushall,Mental Health\n"
        "Allcare,01384 291774,Sedgley,Older People\nPelsall Care,01922 111222,Pelsall,Mental Health\n",
        encoding="utf-8")
    result = lcg("import", "sheet", "discharge.csv", "--type", "organisation", "-o", "data")
    command = _one_go(result.stderr)
    assert _mapping_written(command)["columns"] == {"Provider": "Label", "Tel": "phone", "Area": "address",
                                                    "Service area": None}, result.stderr
    assert _paste(tmp_path, command).returncode == 0
    assert {n.name: n.props.get("address") for n in load_dataset(tmp_path / "data").nodes}["Allcare"] == "Sedgley"
    (tmp_path / "towns.csv").write_text("Group,Town,Area\nOak Club,Bilston,Wolverhampton\n"
                                        "Elm Club,Oldbury,Sandwell\n", encoding="utf-8")
    result = lcg("import", "sheet", "towns.csv", "--type", "organisation", "-o", "data")
    assert _mapping_written(_one_go(result.stderr))["columns"] == {"Group": "Label", "Town": "address",
                                                                     "Area": None}, result.stderr


def test_an_operator_naming_the_row_itself_is_its_own_body_and_a_note_after_a_name_no_part_of_it(lcg, tmp_path):
    """Trials' "Operated by" / "Provider Name" columns mapped to part_of: "Smethwick Heritage Centre Trust" running
    "Smethwick Heritage Centre" became a parent of its own venue (which `lcg duplicates` never offers as one), and
    "Allcare Stourbridge Ltd" or "Mary Stevens Hospice" naming their own row were dropped without a word; "AEG
    Presents (lease from CWC)" and "Light House (charity)" made organisations named so, brackets included. The row's
    name with a legal form, "Trust" or a note added is the row's own body: no part_of, no record, its name an alias,
    said in one line; a note after a name is kept in the row's note; another body ("Walsall Council") stays the
    parent, a bracket that is part of a name ("(Wolverhampton)") stays, and a cell matching another cell, not a row,
    is said to be that."""
    text = ("Venue,Operated by,Town\nSmethwick Heritage Centre,Smethwick Heritage Centre Trust,Smethwick\n"
            "Newhampton Arts Centre,Newhampton Arts Centre (charity),Wolverhampton\n"
            "Allcare Stourbridge,Allcare Stourbridge Ltd,Stourbridge\nMary Stevens Hospice,Mary Stevens Hospice,\n"
            "Walsall Arts Centre,Walsall Council,Walsall\nArena Theatre,AEG Presents (lease from CWC),Wolverhampton\n"
            "Grand Theatre,Grand Theatre (Wolverhampton) Ltd - charity,Bilston\n"
            "Walsall Stroke Club,Stroke Association,Walsall\nDudley Stroke Club,The Stroke Association,Dudley\n"
            "New Art Gallery,The New Art Gallery Walsall (charity),Walsall\n")
    result = _import_list(lcg, tmp_path, text, "{Venue: Label, Operated by: part_of, Town: address}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    assert {(names[r.start], names[r.end]) for r in ds.rels if r.kind == "PART_OF"} == {
        ("Walsall Arts Centre", "Walsall Council"), ("Arena Theatre", "AEG Presents"),
        ("Grand Theatre", "Grand Theatre (Wolverhampton) Ltd"), ("Walsall Stroke Club", "Stroke Association"),
        ("Dudley Stroke Club", "Stroke Association")}
    assert len(ds.nodes) == 10 + 4, sorted(names.values())  # the rows, and the four other bodies
    # the row's name and its town, "The New Art Gallery Walsall" of Walsall, is its own body; in another town, not
    props = {n.name: n.props for n in ds.nodes}
    assert props["Smethwick Heritage Centre"].get("aliases") == ("Smethwick Heritage Centre Trust",)
    assert props["Allcare Stourbridge"].get("aliases") == ("Allcare Stourbridge Ltd",)
    assert props["Newhampton Arts Centre"].get("note") == "Operated by: Newhampton Arts Centre (charity)."
    assert props["Arena Theatre"].get("note") == "Operated by: AEG Presents (lease from CWC)."
    own = [line for line in result.stderr.splitlines() if "own body" in line]
    assert props["New Art Gallery"].get("aliases") == ("The New Art Gallery Walsall",)
    assert own == ["warning: list.csv:2 (and 4 more rows): column 'Operated by': 'Smethwick Heritage Centre Trust' "
                   "(row 2), 'Newhampton Arts Centre (charity)' (row 3), 'Allcare Stourbridge Ltd' (row 4) and 2 more "
                   "name the row's own body (its name, or with a legal form, 'Trust', 'Committee', its town or a note "
                   "added), not "
                   "another that runs it: no part_of, the name kept as the row's alias"], result.stderr
    assert ("'The Stroke Association' as stroke-association, the body this column's cell 'Stroke Association' names "
            "(row 9), the same name once case") in result.stderr, result.stderr
    assert "the row of that name" not in result.stderr


def test_a_hall_s_own_committee_is_the_hall_s_own_body(lcg, tmp_path):
    """A review's "Lye Community Centre" run by "Lye Community Centre Management Committee", and a community trial's
    "Hasbury Village Hall Committee": each was made a parent of its own row (which `lcg duplicates` never offers
    beside another list's record of the hall). The committee is the hall's own body: an alias."""
    text = ("Venue,Management Committee,Town\nLye Community Centre,Lye Community Centre Management Committee,Lye\n"
            "Hasbury Village Hall,Hasbury Village Hall Committee,Halesowen\n")
    result = _import_list(lcg, tmp_path, text, "{Venue: Label, Management Committee: part_of, Town: address}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    assert not [r for r in ds.rels if r.kind == "PART_OF"] and len(ds.nodes) == 2
    props = {n.name: n.props for n in ds.nodes}
    assert props["Lye Community Centre"].get("aliases") == ("Lye Community Centre Management Committee",)


def test_a_provider_cell_saying_run_by_a_body_names_that_body(lcg, tmp_path):
    """A review's "Run by Walsall Council" became an organisation named so; the words say what the column says."""
    text = ("Venue,Run by,Town\nWalsall Arts Centre,Run by Walsall Council,Walsall\n"
            "Bilston Hall,Run by the council,Bilston\n")
    result = _import_list(lcg, tmp_path, text, "{Venue: Label, Run by: part_of, Town: address}")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "data")
    names = {n.id: n.name for n in ds.nodes}
    assert {(names[r.start], names[r.end]) for r in ds.rels if r.kind == "PART_OF"} == {
        ("Walsall Arts Centre", "Walsall Council")} and len(ds.nodes) == 3


def test_a_company_number_that_lost_its_leading_zero_is_no_charity_number(lcg, tmp_path):
    """A transport trial's grants list wrote company numbers without the leading zero a spreadsheet dropped (3986211
    for 03986211) in its "Charity/Company No", and each was read as the charity number GB-CHC-3986211. A charity's
    number of 7 digits starts with 1 (the Charity Commission's run from about 200000 to 1,2xx,xxx): 7 digits starting
    2-9 in a column of charity numbers are a company's, GB-COH-03986211, said with the cell; in a column mapped to
    Charity number too."""
    text = ("Recipient,Charity/Company No\nWolverhampton Community Transport,3986211\nHalesowen CT,4011372\n"
            "Wolverhampton CT Ltd,03986211\nRing & Ride Wolverhampton,1102388\nAge Concern Penn,521234\n")
    for columns in ("{Recipient: Label, Charity/Company No: identifiers}",
                    "{Recipient: Label, Charity/Company No: Charity number}"):
        result = _import_list(lcg, tmp_path, text, columns)
        assert result.exit_code == 0, result.output
        got = {n.name: list(n.props.get("identifiers", ())) for n in load_dataset(tmp_path / "data").nodes}
        assert got == {"Wolverhampton Community Transport": ["GB-COH-03986211"], "Halesowen CT": ["GB-COH-04011372"],
                       "Wolverhampton CT Ltd": ["GB-COH-03986211"], "Ring & Ride Wolverhampton": ["GB-CHC-1102388"],
                       "Age Concern Penn": ["GB-CHC-521234"]}, (columns, got)
        assert ("column 'Charity/Company No': read '3986211' as GB-COH-03986211 (a "
                "company's number that lost its leading zero: a charity's of 7 digits starts with 1), '4011372' as "
                "GB-COH-04011372 (a company's number that lost its leading zero") in result.stderr, result.stderr
        # the warning names every row it read so, not only its first (a schools hold-out's "(and 1 more row)")
        assert re.search(r"\(rows 2, 3(, 4)?\)\n", result.stderr), result.stderr


def test_a_column_of_several_registers_numbers_is_offered_charity_number_and_registration_names_are_read(
        lcg, tmp_path, monkeypatch):
    """An energy trial's "Reg No" of charities', companies' and societies' numbers, mapped to identifiers, was
    refused with the hint "Reg No: Company number", which read its charities' 1190234 as GB-COH-01190234 without a
    word. A column of numbers of several forms is offered Charity number, which reads each by its form; a column
    mapped to Company number says a number of a charity's form (1 and 5-6 digits) it reads as a company's; and a
    column naming its registers ("Charity / Co / Soc no") is read as "Charity/Company No" is, each number by its
    form. One named for the registration number alone ("Reg No") is asked about, offered Charity number: a school's
    URN (104301) or a childcare provider's (2589631) has a charity's or a company's form, and no word says which."""
    rows = ("Energy Advice Black Country,1190234\nGreets Green Community Enterprise Ltd,04987123\n"
            "Black Country Energy Co-op,RS007412\nWalsall Community Energy,IP30877R\n")
    want = {"Energy Advice Black Country": ["GB-CHC-1190234"],
            "Greets Green Community Enterprise Ltd": ["GB-COH-04987123"],
            "Black Country Energy Co-op": ["GB-MPR-7412"], "Walsall Community Energy": ["GB-MPR-30877R"]}
    monkeypatch.chdir(tmp_path)
    first = _import_list(lcg, tmp_path, "Organisation,Ref\n" + rows, "{Organisation: Label, Ref: identifiers}")
    assert first.exit_code == 1
    assert ("or the column mapped to Charity number, which reads each number as an org-id by its form; for numbers "
            "of several registers, map the column: in") in first.stderr, first.stderr
    assert "write Ref: Charity number (it maps it to identifiers now)" in first.stderr, first.stderr
    (tmp_path / "map.yaml").write_text("columns: {Organisation: Label, Ref: Charity number}\n", encoding="utf-8")
    pasted = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", tmp_path / "data")
    assert pasted.exit_code == 0, pasted.output
    got = {n.name: list(n.props.get("identifiers", ())) for n in load_dataset(tmp_path / "data").nodes}
    assert got == want, got
    company = _import_list(lcg, tmp_path, "Organisation,Company number\nEnergy Advice Black Country,1190234\n",
                           "{Organisation: Label}")
    assert company.exit_code == 0, company.output
    assert ("column 'Company number': read '1190234' as GB-COH-01190234 (a charity's form too: GB-CHC-1190234 with "
            "the column mapped to Charity number, which reads each number by its form)") in company.stderr
    for columns in ("{Organisation: Label}", "{Organisation: Label, Charity / Co / Soc no: identifiers}"):
        result = _import_list(lcg, tmp_path, "Organisation,Charity / Co / Soc no\n" + rows, columns)
        assert result.exit_code == 0, (columns, result.output)
        got = {n.name: list(n.props.get("identifiers", ())) for n in load_dataset(tmp_path / "data").nodes}
        assert got == want, (columns, got)
    for column in ("Reg No", "Registration no.", "Reg. number"):
        asked = _import_list(lcg, tmp_path, f"Organisation,{column}\n" + rows, "{Organisation: Label}")
        assert asked.exit_code == 1 and f"map it with {column}: Charity number" in asked.stderr, asked.stderr


def test_a_society_number_written_in_the_notes_is_read_as_its_org_id(lcg, tmp_path):
    """An energy trial's notes gave co-operatives' society numbers, "IP 30412R", "RS007412", which stayed notes while
    "Charity 1115638" beside them was read. A society's number with Companies House's prefix (IP, RS) or after the
    word "society" is read as its Mutuals Public Register org-id, with a warning; a bare number stays a note."""
    text = ("Name,Notes\nSandwell Energy Co-op,IP 30412R\nDudley Energy Co-op,Installer; IP30413R\n"
            "Tipton Energy Co-op,RS007412\nWalsall Energy Co-op,Society no. 7413R\nPenn Energy Co-op,30414R\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Notes: note}")
    assert result.exit_code == 0, result.output
    got = {n.name: (n.props.get("identifiers"), n.props.get("note")) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Sandwell Energy Co-op": (("GB-MPR-30412R",), None),
                   "Dudley Energy Co-op": (("GB-MPR-30413R",), "Installer"),
                   "Tipton Energy Co-op": (("GB-MPR-7412",), None),
                   "Walsall Energy Co-op": (("GB-MPR-7413R",), None), "Penn Energy Co-op": (None, "30414R")}, got
    assert "column 'Notes': read 'IP 30412R' as GB-MPR-30412R (in its identifiers)" in result.stderr, result.stderr


def test_a_former_name_starting_any_note_column_s_cell_gives_the_row_its_alias(lcg, tmp_path):
    """A transport trial's members list joined its permit's columns and its Notes into one note, "S19 Standard /
    S22; PB1103800; formerly Walsall Community Transport (renamed 2023)", and the former name, read where it starts
    the note, was not read there. Each note column's cell is read so."""
    text = ("Member organisation,Permit type,Permit no.,Notes\n"
            "Accessible Transport Walsall,S19 Standard / S22,PB1103800,formerly Walsall Community Transport (renamed "
            "2023)\nRing & Ride Walsall,S19 Large bus,PB1094472,\n")
    result = _import_list(lcg, tmp_path, text,
                          "{Member organisation: Label, Permit type: note, Permit no.: note, Notes: note}")
    assert result.exit_code == 0, result.output
    got = {n.name: n.props.get("aliases") for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Accessible Transport Walsall": ("Walsall Community Transport",), "Ring & Ride Walsall": None}, got
    assert "read 'formerly Walsall Community Transport (renamed 2023)' as the alias 'Walsall Community Transport'" \
        in result.stderr, result.stderr


def test_a_year_after_the_word_society_in_a_note_is_no_society_number(lcg, tmp_path):
    """A reviewer's notes "Registered society 2015" and "Formerly a company; society 2019" became GB-MPR-2015 and
    GB-MPR-2019, the note lost: a society's number has its form (7412R, RS007412), a year none."""
    text = ("Name,Notes\nBilston Energy Co-op,Registered society 2015\n"
            "Penn Housing Co-op,Formerly a company; society 2019\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Notes: note}")
    assert result.exit_code == 0, result.output
    got = {n.name: (list(n.props.get("identifiers", ())), n.props.get("note"))
           for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Bilston Energy Co-op": ([], "Registered society 2015"),
                   "Penn Housing Co-op": ([], "Formerly a company; society 2019")}, got


def test_a_provider_s_record_replaced_by_a_row_says_how_the_other_file_wrote_it(lcg, tmp_path):
    """A faith trial's warning quoted the grants row's "St Peter's Collegiate Church Wolverhampton" as the record the
    social action list had made, which that list wrote "St Peters Collegiate Church, Wolverhampton": the name as the
    other file wrote it is said too, where it differs."""
    (tmp_path / "venues.csv").write_text("Venue,Managed by\nHeritage Centre,WEDNESFIELD HISTORY SOCIETY\n",
                                         encoding="utf-8")
    (tmp_path / "v.yaml").write_text("columns: {Venue: Label, Managed by: part_of}\n", encoding="utf-8")
    assert lcg("import", "sheet", tmp_path / "venues.csv", "--type", "organisation", "--map", tmp_path / "v.yaml",
               "-o", tmp_path / "data").exit_code == 0
    result = _import_list(lcg, tmp_path, "Partner,Charity No.\nWednesfield History Society,1018722\n",
                          "{Partner: Label}")
    assert result.exit_code == 0, result.output
    assert ("list.csv:2: 'Wednesfield History Society' (wednesfield-history-society) was a record of its name alone "
            "in imports/sheet-venues/organisations.yaml (written 'WEDNESFIELD HISTORY SOCIETY' there), made for a "
            "provider's cell there;") in result.stderr, result.stderr


def test_registered_providers_numbers_in_an_identifiers_column_are_read_as_their_org_ids(lcg, tmp_path):
    """A housing hold-out mapped its directory's "RP code" column (L4496) to identifiers: the import was refused,
    "bad identifier 'L4496'", its field for them found only by leaving the column out. No other register's number
    looks so: read as org-id.guide's GB-SHPE id, said at its rows."""
    result = _import_list(lcg, tmp_path, "Provider,RP code\nwhg,L4496\nAccord Housing Association,LH0174\n",
                          "{Provider: Label, RP code: identifiers}")
    assert result.exit_code == 0, result.output
    assert "read 'L4496' as GB-SHPE-L4496 (a registered provider of social housing's number)" in result.stderr
    assert sorted(i for n in load_dataset(tmp_path / "data").nodes for i in n.props["identifiers"]) == [
        "GB-SHPE-L4496", "GB-SHPE-LH0174"]


def test_a_register_cell_of_two_numbers_and_a_website_cell_of_words_are_read_not_refused(lcg, tmp_path):
    """A heritage hold-out's directory stopped on "1059237 / 3150812" in its "Charity/Co No" column (a canal trust's
    charity and company numbers: "fit no register"), and its events list on "Drop in, no booking" in a "Booking /
    info" column mapped to website ("bad URL"). Each number is read by its form; the words are kept in the note,
    said; a linked charity's "1059237/1" is one cell still."""
    text = ('Name,Charity/Co No,Booking / info\nCanals Trust,1059237 / 3150812,www.lhcrt.org.uk\n'
            'Friends of Bantock Park,"1061234; 04123456","Drop in, no booking"\n')
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Charity/Co No: Charity number, Booking / info: website}")
    assert result.exit_code == 0, result.output
    nodes = {n.id: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert nodes["canals-trust"]["identifiers"] == ("GB-CHC-1059237", "GB-COH-03150812"), nodes
    assert nodes["friends-of-bantock-park"]["identifiers"] == ("GB-CHC-1061234", "GB-COH-04123456"), nodes
    assert nodes["friends-of-bantock-park"]["note"] == "Booking / info: Drop in, no booking.", nodes
    assert "passed over 'Drop in, no booking' (row 3): words, not a web site's address: kept in the note" in \
        result.stderr, result.stderr
    from graph.importers.sheet import _numbers_of_a_cell

    assert _numbers_of_a_cell("1059237/1") == ["1059237/1"]


def test_a_merger_s_two_former_names_each_ending_with_a_body_s_kind_are_two_aliases(lcg, tmp_path):
    """A housing hold-out's "Black Country Housing Advice (merged 2021 - was Dudley Housing Advice Centre and Sandwell
    Housing Aid)" kept one alias of both names, and its pairs with either were missed."""
    text = ("Name\nBlack Country Housing Advice (merged 2021 - was Dudley Housing Advice Centre and Sandwell Housing "
            "Aid)\nHeath Town TRA (merged 2019 - was Heath Town Tenants and Residents Association)\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 0, result.output
    got = {n.id: n.props.get("aliases") for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"black-country-housing-advice": ("Dudley Housing Advice Centre", "Sandwell Housing Aid"),
                   "heath-town-tra": ("Heath Town Tenants and Residents Association",)}, got


def test_a_bracket_naming_who_runs_a_club_stays_in_its_name(lcg, tmp_path):
    """A heritage hold-out's "Amblecote Nailmaking Museum (operated by Stour Valley Heritage Trust)" missed its pair
    with the bracket kept; read as a note, "Bilston Lunch Club (run by St Leonard's Church)" and "... (run by Bilston
    Methodist Church)", two clubs, were one name and merged (a review's find): the bracket stays."""
    result = _import_list(lcg, tmp_path, "Name\nBilston Lunch Club (run by St Leonard's Church)\n"
                          "Bilston Lunch Club (run by Bilston Methodist Church)\n", "{Name: Label}")
    assert result.exit_code == 0, result.output
    assert len({n.name for n in load_dataset(tmp_path / "data").nodes}) == 2


def test_a_review_s_finds_on_the_session_s_import_rules(lcg, tmp_path):
    """A reviewer's hostile inputs: a website cell of words beside a Notes column kept both in the note (the Notes
    cell had overwritten it); one merged body's name with "and" in it stays one alias; a number of five digits after
    a slash is no second register number (the cell is read whole, as before)."""
    text = ('Name,Website,Notes\nEttingshall Lunch Club,"Drop in, no booking",Tuesdays only\n'
            'Pelsall Heritage (merged 2018 - was Pelsall Village Centre and Museum),,\n')
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Website: website, Notes: note}")
    assert result.exit_code == 0, result.output
    got = {n.id: (n.props.get("note"), n.props.get("aliases")) for n in load_dataset(tmp_path / "data").nodes}
    assert got["ettingshall-lunch-club"] == ("Tuesdays only; Website: Drop in, no booking.", None), got
    assert got["pelsall-heritage"][1] == ("Pelsall Village Centre and Museum",), got
    from graph.importers.sheet import _numbers_of_a_cell

    assert _numbers_of_a_cell("1012345/12345") == ["1012345/12345"]


def test_every_id_written_with_a_number_added_is_named_in_the_note(lcg, tmp_path):
    """A family hubs hold-out's note said "... and 6 more" of the ids an import wrote with a number added, which
    named no row a user could look at: every such id is named."""
    (tmp_path / "orgs.csv").write_text("Name\nAcme\nBeta\nGamma\nDelta\nEpsilon\n")
    (tmp_path / "map.yaml").write_text("type: organisation\ncolumns:\n  Name: Label\n")
    out = tmp_path / "data"
    out.mkdir()
    (out / "organisations.yaml").write_text("".join(f"- id: {x}\n  name: {x.title()} Hand\n"
                                                    for x in ("acme", "beta", "gamma", "delta", "epsilon")))
    result = lcg("import", "sheet", tmp_path / "orgs.csv", "--map", tmp_path / "map.yaml", "-o", out)
    assert result.exit_code == 0 and "and 2 more (delta-2, epsilon-2)" in result.output, result.output


def test_a_ror_id_column_mapped_to_ror_is_read_as_org_ids(lcg, tmp_path):
    """A universities hold-out mapped its research office's "ROR ID" column as "ROR ID: ROR" and was refused ("unknown
    column"): ROR is a register's column, read as ROR ids however written, a cell that is none a problem at its row."""
    (tmp_path / "r.csv").write_text("Institution,ROR ID\nUniversity of Wolverhampton,01k2y1055\n"
                                    "Aston University,https://ror.org/05j0ve876\nKeele University,ROR:00340yn33\n"
                                    "Some College,\n")
    (tmp_path / "map.yaml").write_text("columns:\n  Institution: Label\n  ROR ID: ROR\n")
    out = tmp_path / "data"
    result = lcg("import", "sheet", tmp_path / "r.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", out)
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    ids = {n.name: n.props.get("identifiers") for n in load_dataset(out).nodes}
    assert ids == {"University of Wolverhampton": ("ROR:01k2y1055",), "Aston University": ("ROR:05j0ve876",),
                   "Keele University": ("ROR:00340yn33",), "Some College": None}, ids
    (tmp_path / "r.csv").write_text("Institution,ROR ID\nBad University,12345\n")
    result = lcg("import", "sheet", tmp_path / "r.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", tmp_path / "data2")
    assert result.exit_code != 0 and "r.csv:2: ROR id 12345 in column 'ROR ID' fits no register" in result.output


def test_a_passed_over_cell_kept_in_the_note_after_its_days_is_a_sentence_of_its_own(lcg, tmp_path):
    """A uniformed youth hold-out's days ran into its passed-over provider cell: "Tue Provider: Scouts."."""
    result = _import_list(lcg, tmp_path, "Club,Provider,Days\n12th Walsall Scouts,Scouts,Tue\n"
                          "Bilston Youth Club,Scouts,Mon-Thu.\n", "{Club: Label, Provider: part_of, Days: note}")
    assert result.exit_code == 0, result.stderr
    notes = {n.name: n.props.get("note") for n in load_dataset(tmp_path / "data").nodes}
    assert notes == {"12th Walsall Scouts": "Tue. Provider: Scouts.",
                     "Bilston Youth Club": "Mon-Thu. Provider: Scouts."}


def test_a_column_named_for_charity_company_and_ods_codes_reads_each_cell_by_its_form(lcg, tmp_path):
    """A hospice hold-out's "Charity / Co / ODS code" column was refused (its bare numbers "say no register, among
    cells that name theirs"): "code" is the ODS's word for its numbers, and the column names its three registers."""
    result = _import_list(lcg, tmp_path, "Service,Charity / Co / ODS code\nCompton Care,512387\n"
                          "Black Country Doulas CIO,Co. 11234567\nRWT Palliative Care Team,ODS RL4\n"
                          "Penn Manor Medical Centre,M92007\n",
                          "{Service: Label, Charity / Co / ODS code: identifiers}")
    assert result.exit_code == 0, result.stderr
    ids = {n.name: list(n.props.get("identifiers")) for n in load_dataset(tmp_path / "data").nodes}
    assert ids == {"Compton Care": ["GB-CHC-512387"], "Black Country Doulas CIO": ["GB-COH-11234567"],
                   "RWT Palliative Care Team": ["GB-NHS-RL4"], "Penn Manor Medical Centre": ["GB-NHS-M92007"]}, ids


def test_a_bare_number_of_a_ukprn_s_form_and_a_company_s_is_asked_about_in_a_column_naming_both(lcg, tmp_path):
    """A students hold-out's "UKPRN / Charity / Co. no" column read five colleges' bare UKPRNs ("10007455") as company
    numbers without a word (Companies House gave such numbers to companies in 2016). Asked for the register, with the
    others' read; a company's number no UKPRN has (from 101, or with its leading zero) is a company's; a column naming
    no UKPRN reads them as companies' still; one naming them in a remark, or mapped to Charity number under a name
    of UKPRNs, asks too."""
    text = ("Name,UKPRN / Charity / Co. no\nWalsall College,10007289\nHalesowen College,10002923\n"
            "Prism Biotech Ltd,11234567\nOld Co,03178345\nUniversity of Wolverhampton,UKPRN 10007166\n"
            "Oak Academy Trust,10498367\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, UKPRN / Charity / Co. no: identifiers}")
    assert result.exit_code == 1 and not (tmp_path / "data").exists()
    assert ("list.csv:2 (and 1 more row): column 'UKPRN / Charity / Co. no' holds '10007289', '10002923': 8 digits "
            "from 100, a UKPRN's form and a company's number's alike (write the register before each, as 'UKPRN "
            "10007289' or 'Company 10007289')") in result.stderr, result.stderr
    assert "11234567" not in result.stderr and "03178345" not in result.stderr
    fixed = text.replace(",10007289", ",UKPRN 10007289").replace(",10002923", ",UKPRN 10002923")
    result = _import_list(lcg, tmp_path, fixed, "{Name: Label, UKPRN / Charity / Co. no: identifiers}")
    assert result.exit_code == 0, result.output
    ids = {n.name: list(n.props.get("identifiers", ())) for n in load_dataset(tmp_path / "data").nodes}
    assert ids["Walsall College"] == ["GB-UKPRN-10007289"] and ids["Prism Biotech Ltd"] == ["GB-COH-11234567"], ids
    assert ids["Oak Academy Trust"] == ["GB-COH-10498367"], ids
    result = _import_list(lcg, tmp_path, "Name,Charity / Co. no\nPrism Biotech Ltd,10007289\n",
                          "{Name: Label, Charity / Co. no: identifiers}")
    assert result.exit_code == 0, result.output
    # a remark naming UKPRNs is asked about too: "(UKPRN for colleges)" says they are here (a review's find)
    result = _import_list(lcg, tmp_path, "Name,Company no. (UKPRN for colleges)\nWalsall College,10007455\n",
                          "{Name: Label, Company no. (UKPRN for colleges): identifiers}")
    assert result.exit_code == 1 and "'10007455': 8 digits from 100" in result.stderr, result.stderr
    result = _import_list(lcg, tmp_path, "Name,Charity / Co. No / UKPRN\nSandwell Coll.,10087704\n",
                          "{Name: Label, Charity / Co. No / UKPRN: Charity number}")
    assert result.exit_code == 1 and "'10087704': 8 digits from 100" in result.stderr, result.stderr


def test_renamed_from_in_a_name_s_bracket_gives_its_alias(lcg, tmp_path):
    """An LGBTQ+ hold-out's "Dudley Pride (renamed from Dudley Pride Festival)" kept its bracket in its name, where
    "(formerly X)" beside it gave an alias: its old name in another list was missed. A date after the words names no
    body (a review's "September 2020")."""
    result = _import_list(lcg, tmp_path, "Group,Town\nDudley Pride (renamed from Dudley Pride Festival),Dudley\n"
                          "Walsall Pride (formerly known as Walsall Pride Festival),Walsall\n"
                          "Penn Hall School (renamed from September 2020),Penn\n"
                          "Arbeit und Leben Emscher-Lippe (jetzt Bildungswerk Emscher-Lippe),Gelsenkirchen\n"
                          "Syrisch-Deutscher Kulturverein (vormals Syrischer Kulturverein),Gelsenkirchen\n",
                          "{Group: Label, Town: address}")
    assert result.exit_code == 0, result.output
    props = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert "aliases" not in props["Penn Hall School (renamed from September 2020)"], props  # a date: when, no name
    # a German list's words: "jetzt" (now) gives the name now, "vormals" (formerly) the old one (a German hold-out's)
    assert props["Bildungswerk Emscher-Lippe"]["aliases"] == ("Arbeit und Leben Emscher-Lippe",), props
    assert props["Syrisch-Deutscher Kulturverein"]["aliases"] == ("Syrischer Kulturverein",), props
    assert props["Dudley Pride"]["aliases"] == ("Dudley Pride Festival",), props
    assert props["Walsall Pride"]["aliases"] == ("Walsall Pride Festival",), props


def test_a_parent_cell_naming_a_row_written_in_two_languages_by_one_of_them_is_that_row(lcg, tmp_path):
    """A Swansea hold-out's directory wrote "Swansea Council / Cyngor Abertawe" (one name in English and Welsh:
    ``names.one_name_twice``) and its libraries' parent cells "Swansea Council", written again as a bare record. Two
    bodies joined by " / " are no row of either's name."""
    result = _import_list(lcg, tmp_path, "Organisation,Parent body\nSwansea Council / Cyngor Abertawe,\n"
                          "Townhill Library,Swansea Council\nLlyfrgell Treforys,Cyngor Abertawe\n"
                          "Mind / Rethink Mental Illness,\nWellbeing Cafe,Mind\n",
                          "{Organisation: Label, Parent body: part_of}")
    assert result.exit_code == 0, result.output
    names, parts = _parts_imported(tmp_path)
    assert parts == {("Townhill Library", "Swansea Council / Cyngor Abertawe"),
                     ("Llyfrgell Treforys", "Swansea Council / Cyngor Abertawe"), ("Wellbeing Cafe", "Mind")}, parts
    assert sorted(names.values()) == ["Llyfrgell Treforys", "Mind", "Mind / Rethink Mental Illness",
                                      "Swansea Council / Cyngor Abertawe", "Townhill Library", "Wellbeing Cafe"]


def test_a_provider_cell_naming_another_row_by_the_name_its_own_cell_gave_it_is_that_row(lcg, tmp_path):
    """An LGBTQ+ hold-out's "Walsall Rainbow Hub" ran itself as "Walsall Rainbow Hub CIC" (its own body: an alias),
    and "Silver Rainbows Walsall", run by "Walsall Rainbow Hub CIC", was made part of a new record of that name
    beside it, which `lcg duplicates` then had to merge back. Either order of the rows."""
    for rows in (("Walsall Rainbow Hub,Walsall Rainbow Hub CIC", "Silver Rainbows Walsall,Walsall Rainbow Hub CIC"),
                 ("Silver Rainbows Walsall,Walsall Rainbow Hub CIC", "Walsall Rainbow Hub,Walsall Rainbow Hub CIC")):
        result = _import_list(lcg, tmp_path, "Service,Provider\n" + "\n".join(rows) + "\n",
                              "{Service: Label, Provider: part_of}")
        assert result.exit_code == 0, result.output
        names, parts = _parts_imported(tmp_path)
        assert sorted(names.values()) == ["Silver Rainbows Walsall", "Walsall Rainbow Hub"], names
        assert parts == {("Silver Rainbows Walsall", "Walsall Rainbow Hub")}
        assert "the row that has it as its other name" in result.stderr, result.stderr
    # a name two rows give themselves (two churches of one name in two towns) is neither's: a record of its own
    result = _import_list(lcg, tmp_path, "Service,Provider,Town\n"
                          "Holy Trinity Church,Holy Trinity Church Trustees,Bilston\n"
                          "Holy Trinity Church,Holy Trinity Church Trustees,Walsall\n"
                          "Holy Trinity Toddlers,Holy Trinity Church Trustees,Walsall\n",
                          "{Service: Label, Provider: part_of, Town: address}")
    assert result.exit_code == 0, result.output
    names, parts = _parts_imported(tmp_path)
    assert parts == {("Holy Trinity Toddlers", "Holy Trinity Church Trustees")}, names


def test_doing_business_as_in_a_name_gives_its_trading_name_as_an_alias(lcg, tmp_path):
    """A US hold-out's "Puget Sound Skills LLC d/b/a ReadyWork Training" was kept whole as one name, its trading name
    in another list ("ReadyWork Training") never paired: "d/b/a", "dba" and "doing business as" are "t/a"."""
    result = _import_list(lcg, tmp_path, "Provider,City\nPuget Sound Skills LLC d/b/a ReadyWork Training,Tacoma\n"
                          "\"Lakewood Learning, Inc. dba Lakewood Tutors\",Lakewood\n"
                          "Cranfield DBA Alumni Network,Cranfield\n", "{Provider: Label, City: address}")
    assert result.exit_code == 0, result.output
    props = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert "aliases" not in props["Cranfield DBA Alumni Network"], props  # a degree's initials (a review's find)
    assert props["Puget Sound Skills LLC"]["aliases"] == ("ReadyWork Training",), props
    assert props["Lakewood Learning, Inc."]["aliases"] == ("Lakewood Tutors",), props


def test_a_parent_cell_naming_a_row_by_its_aliases_column_s_name_is_that_row(lcg, tmp_path):
    """An Irish hold-out's parent cells "Cork ETB" made a bare record beside the row "Cork Education and Training
    Board", whose aliases cell gave "Cork ETB"; the festival list's "Cork ETB" then became cork-etb-2. A name two rows
    give as their other name is neither's."""
    text = ("Provider,Also known as,Parent body\nCork Education and Training Board,Cork ETB,\n"
            "Cork ETB Training Centre,,Cork ETB\nBantry Adult Education,,Cork ETB\n")
    result = _import_list(lcg, tmp_path, text, "{Provider: Label, Also known as: aliases, Parent body: part_of}")
    assert result.exit_code == 0, result.output
    names, parts = _parts_imported(tmp_path)
    assert len(names) == 3 and {body for _, body in parts} == {"Cork Education and Training Board"}, names
    text = ("Provider,Also known as,Parent body\nSt Mary's Church Bilston,St Mary's,\n"
            "St Mary's Church Walsall,St Mary's,\nSt Mary's Toddlers,,St Mary's\n")
    result = _import_list(lcg, tmp_path, text, "{Provider: Label, Also known as: aliases, Parent body: part_of}")
    assert result.exit_code == 0, result.output
    names = {n.id: n.name for n in load_dataset(tmp_path / "data").nodes}
    assert len(names) == 4, names


def test_a_semicolon_separated_csv_as_german_excel_saves_it_is_read_with_its_semicolons(lcg, tmp_path):
    """A German hold-out's directory, saved by Excel where a comma is the decimal mark, was "missing column Label"
    beside a header naming it, and its grants' "12.000,00 €" split a row into a header: ";" between cells is read
    as such, said in a warning; its "Summe" row of figures is a totals row."""
    text = ("Bürgerstiftung - Förderungen 2022-2024;;;\nZuwendungsempfänger;Projekt;Betrag;Ort\n"
            "Volkshochschule Gelsenkirchen;Grundbildung;12.000,00 €;Gelsenkirchen\n"
            "Afrika-Forum Ruhr e. V.;Lesepaten;3.500,00 €;Gelsenkirchen\nSumme;;15.500,00 €;\n")
    (tmp_path / "list.csv").write_bytes(("\ufeff" + text).encode("utf-8"))
    (tmp_path / "map.yaml").write_text(
        "columns: {Zuwendungsempfänger: Label, Projekt: note, Betrag: ~, Ort: address}\n", encoding="utf-8")
    result = lcg("import", "sheet", tmp_path / "list.csv", "--type", "organisation", "--map", tmp_path / "map.yaml",
                 "-o", tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert "read as semicolon-separated" in result.stderr and "passed over 'Summe'" in result.stderr, result.stderr
    props = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert sorted(props) == ["Afrika-Forum Ruhr e. V.", "Volkshochschule Gelsenkirchen"], props
    assert props["Volkshochschule Gelsenkirchen"]["address"] == "Gelsenkirchen"
    # a ";" in a note above a comma-separated header, or in a one-column list's cell, is no separator (a review's)
    for text, names in (("Walsall adult learning providers; updated March 2024\nName,Town\nAge UK Walsall,Walsall\n",
                         ["Age UK Walsall"]),
                        ("Name\nWalsall College\nFriends of Walsall Arboretum; Arboretum Volunteers\n",
                         ["Friends of Walsall Arboretum; Arboretum Volunteers", "Walsall College"])):
        columns = "{Name: Label, Town: address}" if "Town" in text else "{Name: Label}"
        result = _import_list(lcg, tmp_path, text, columns)
        assert result.exit_code == 0 and "read as semicolon" not in result.stderr, result.output
        assert sorted(n.name for n in load_dataset(tmp_path / "data").nodes) == names

def test_a_provider_cell_of_the_row_s_own_initials_is_its_own_body(lcg, tmp_path):
    """A domestic abuse hold-out's "African Caribbean Women's Network", run by "ACWN" (its own initials, the body
    its group's row names too), stopped the import: "part_of: ... is this entry itself". Its own body: no part_of,
    the initials its alias; the group is part of it."""
    result = _import_list(lcg, tmp_path, "Service,Provider\nAfrican Caribbean Women's Network,ACWN\n"
                          "ACWN Wellbeing Group,ACWN\n", "{Service: Label, Provider: part_of}")
    assert result.exit_code == 0, result.output
    names, parts = _parts_imported(tmp_path)
    assert parts == {("ACWN Wellbeing Group", "African Caribbean Women's Network")}, names
    aliases = {n.name: n.props.get("aliases") for n in load_dataset(tmp_path / "data").nodes}
    assert aliases["African Caribbean Women's Network"] == ("ACWN",)


def test_a_canadian_charity_s_number_is_its_business_number_s_org_id(lcg, tmp_path):
    """A Hamilton hold-out's grants list wrote registered charities' numbers as the Canada Revenue Agency does
    ("119035988RR0001", "119035988 RR 0001", "11887 4455 RR0001") and, for four, the business number alone
    ("108182837"): the import refused all, and refused the org-id.guide form the user then wrote
    (CA-CRA_ACR-119035988RR0001, a list code of two parts). A charity's number is its business number and its charity
    account: CA-CRA_ACR and the 9 digits, one body whatever is written after them; a bare 9 digits is one beside such
    numbers, said, and a problem elsewhere (no UK register's number has 9 digits)."""
    from graph.identifiers import is_org_id, registry_id

    assert is_org_id("CA-CRA_ACR-119035988RR0001") and is_org_id("BE-BCE_KBO-0403170701")
    assert not is_org_id("CA-_ACR-1190") and not is_org_id("CA-CRA_-1190")
    assert not is_org_id("LC-1-2023") and not is_org_id("GB-C-1234")  # (a programme's code: a review's find)
    assert registry_id("CA-CRA_ACR-119035988RR0001") == registry_id("ca-cra_acr-119035988") == \
        "CA-CRA_ACR-119035988"
    text = ("Grantee,Charitable Registration No.\nWesley Urban Ministries,119035988 RR 0001\n"
            "Immigrants Working Centre,11887 4455 RR0001\nNiwasa Kendaaswin Teg,108182837\n"
            "Good Shepherd Centres,CA-CRA_ACR-107453811RR0001\n")
    result = _import_list(lcg, tmp_path, text, "{Grantee: Label, Charitable Registration No.: Charity number}")
    assert result.exit_code == 0, result.output
    got = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Wesley Urban Ministries": ["CA-CRA_ACR-119035988"],
                   "Immigrants Working Centre": ["CA-CRA_ACR-118874455"],
                   "Niwasa Kendaaswin Teg": ["CA-CRA_ACR-108182837"],
                   "Good Shepherd Centres": ["CA-CRA_ACR-107453811"]}, got
    assert "'108182837' as CA-CRA_ACR-108182837 (a Canadian business number, as the column's other numbers are)" in \
        result.stderr, result.stderr
    shutil.rmtree(tmp_path / "data")
    alone = _import_list(lcg, tmp_path, "Grantee,Charity No.\nA Trust,108182837\nB Trust,1123456\n",
                         "{Grantee: Label}")
    assert alone.exit_code == 1 and ("charity number 108182837 in column 'Charity No.' fits no register (expected 5 "
                                     "to 7 digits") in alone.stderr, alone.stderr
    # the cells said in their rows' order, the first one's row first (a bare number is read after the column's others)
    mixed = _import_list(lcg, tmp_path, "Grantee,Charity No.\nA Trust,108182837\nB Trust,XYZ12\nC Trust,1123456\n",
                         "{Grantee: Label}")
    assert mixed.exit_code == 1 and "list.csv:2 (and 1 more row): '108182837', 'XYZ12' in column" in mixed.stderr, \
        mixed.stderr
    assert not (tmp_path / "data").exists()


def test_a_script_with_no_capitals_names_bodies_and_former_names(lcg, tmp_path):
    """A Suwon hold-out's parent column wrote "수원시" (the city) on fifteen rows: passed over as "words in small letters
    the column repeats", a test of a script with capitals; and "(구 수원시건강가정지원센터)", the centre's former name
    after Korea's "구", was kept in the name."""
    text = ("기관명,상위기관\n수원시가족센터 (구 수원시건강가정지원센터),수원시\n영통구청,수원시\n장안구청,수원시\n"
            "Penn Library,school\nBilston Library,school\n")
    result = _import_list(lcg, tmp_path, text, "{기관명: Label, 상위기관: part_of}")
    assert result.exit_code == 0, result.output
    names, parents = _parts_imported(tmp_path)
    assert ("영통구청", "수원시") in parents and ("수원시가족센터", "수원시") in parents, parents
    assert not any(b == "school" for _, b in parents), parents  # (a Latin word in small letters: as before)
    aliases = {n.name: n.props.get("aliases") for n in load_dataset(tmp_path / "data").nodes}
    assert aliases["수원시가족센터"] == ("수원시건강가정지원센터",), aliases


def test_finnish_and_south_african_register_numbers_are_their_registers_org_ids(lcg, tmp_path):
    """An Espoo hold-out's "Y-tunnus" column (Finland's business ID, "0101263-6") was refused, its hint offering
    Charity number, which read it as an English charity's (GB-CHC-0101263-6); a Cape Town hold-out's NPO numbers
    ("204-117 NPO") and CIPC company numbers ("2004/025561/08") fit no register. Each is its register's org-id
    (org-id.guide's FI-PRO, ZA-NPO, ZA-CIP, ZA-PBO); a linked charity's number is 5 or 6 digits (padded with a 0 or
    not) or 7 from 1, then "-1" ("2970115-0" is none), and a number that fits no register may be kept as written in
    the note, which the problem says."""
    from graph.identifiers import registry_id

    assert registry_id("ZA-NPO-204-117 NPO") == registry_id("za-npo-204117") == "ZA-NPO-204117"
    text = ("Nimi,Y-tunnus\nEspoon kaupunki,0101263-6\nOmnia,0203291-2\n")
    result = _import_list(lcg, tmp_path, text, "{Nimi: Label, Y-tunnus: identifiers}")
    assert result.exit_code == 0, result.output
    got = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Espoon kaupunki": ["FI-PRO-0101263-6"], "Omnia": ["FI-PRO-0203291-2"]}, got
    shutil.rmtree(tmp_path / "data")
    text = ("Organisation,NPO No.,PBO No.,Company reg. no.\nWordworks,054-812 NPO,930012345,2005/031987/08\n"
            "SHAWCO,NPO 002-914,,\nLearn to Earn,002914-NPO,,\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, NPO No.: Charity number, "
                                               "Company reg. no.: Company number}")
    assert result.exit_code == 0, result.output
    got = {n.name: list(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Wordworks": ["ZA-NPO-054812", "ZA-PBO-930012345", "ZA-CIP-2005/031987/08"],
                   "SHAWCO": ["ZA-NPO-002914"], "Learn to Earn": ["ZA-NPO-002914"]}, got
    shutil.rmtree(tmp_path / "data")
    text = "Name,Charity no.\nA Trust,2970115-0\nB Trust,1123456-1\nC Trust,0216401-1\n"
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Charity no.: Charity number}")
    assert result.exit_code == 1 and "2970115-0 in column 'Charity no.' fits no register" in result.stderr, \
        result.stderr
    assert "keep the column's numbers as written with Charity no.: note, or leave the column out" in result.stderr


def _identifiers_imported(lcg, tmp_path, text: str, mapping: str) -> dict:
    """Each organisation's identifiers (sorted), the list ``text`` imported with ``mapping`` into a new folder."""
    shutil.rmtree(tmp_path / "data", ignore_errors=True)
    result = _import_list(lcg, tmp_path, text, mapping)
    assert result.exit_code == 0, result.output
    return {n.name: sorted(n.props["identifiers"]) for n in load_dataset(tmp_path / "data").nodes}


def test_dutch_and_french_register_numbers_and_two_identifier_columns(lcg, tmp_path):
    """A Rotterdam hold-out mapped "KvK-nummer: Company number" and its Dutch Chamber of Commerce numbers were
    written GB-COH- without a word; a Lyon hold-out's two identifier columns were refused ("are both identifiers")
    and its SIRET column fit no register; a Brussels one's Belgian enterprise numbers too. The column's name says
    whose register (NL-KVK, FR-RCS: a SIRET's first 9 digits are the SIREN, the body, whichever establishment;
    BE-BCE_KBO), where it names another country's; identifiers is a list, so two columns of it are one."""
    from graph.identifiers import registry_id

    assert registry_id("FR-RCS-779 855 123 00029") == registry_id("fr-rcs-779855123") == "FR-RCS-779855123"
    got = _identifiers_imported(lcg, tmp_path, (
        "Naam,KvK-nummer,N° SIRET,Ids,More ids\nAlbeda,24401567,,GB-CHC-1012345,\nLyon Asso,,779 855 123 00029,,"
        "GB-COH-01234567\nZadkine,2440.1568,,,\n"), "{Naam: Label, KvK-nummer: Company number, N° SIRET: identifiers, "
                                                   "Ids: identifiers, More ids: identifiers}")
    assert got == {"Albeda": ["GB-CHC-1012345", "NL-KVK-24401567"],
                   "Lyon Asso": ["FR-RCS-779855123", "GB-COH-01234567"], "Zadkine": ["NL-KVK-24401568"]}, got
    got = _identifiers_imported(lcg, tmp_path, (
        "Nom,N° d'entreprise / Ondernemingsnr\nCommune de Schaerbeek,0207.359.968\n"
        "Gemeente Schaarbeek,BE 0207 359 968\n"), "{Nom: Label, \"N° d'entreprise / Ondernemingsnr\": Company number}")
    assert got == {"Commune de Schaerbeek": ["BE-BCE_KBO-0207359968"],
                   "Gemeente Schaarbeek": ["BE-BCE_KBO-0207359968"]}, got
    got = _identifiers_imported(lcg, tmp_path, "Name,Charity / Co / Soc no\nA Trust,1234567\n",
                                "{Name: Label, Charity / Co / Soc no: Company number}")
    assert got == {"A Trust": ["GB-COH-01234567"]}, got  # (UK registers named: read as the map says, as before)


def test_austrian_association_and_company_register_numbers(lcg, tmp_path):
    """A Vienna hold-out's "ZVR-Zahl" ("ZVR 838472615") mapped to identifiers and "Firmenbuchnummer" ("FN 208802x")
    mapped to Company number were refused: Austria's association register (AT-ZVR) and company register (AT-FB), by
    the column's name or the register's word in the cell, however the number is written."""
    from graph.identifiers import registry_id

    assert registry_id("AT-ZVR-ZVR-Zahl: 838 472 615") == registry_id("at-zvr-838472615") == "AT-ZVR-838472615"
    got = _identifiers_imported(lcg, tmp_path, (
        "Förderwerber;ZVR-Zahl;Firmenbuchnummer;Ids\nVerein A;ZVR 838472615;;\nVolkshilfe GmbH;;FN 208802x;\n"
        "Verein B;;;ZVR 712849306\nVerein C;712849306;;\nVerein D;ZVR-Nr. 123456789;;\n"
        "Verein E;;;ZVR-Zahl: 123456780\n").replace(";", ","),
        "{Förderwerber: Label, ZVR-Zahl: identifiers, Firmenbuchnummer: Company number, Ids: identifiers}")
    assert got == {"Verein A": ["AT-ZVR-838472615"], "Volkshilfe GmbH": ["AT-FB-208802X"],
                   "Verein B": ["AT-ZVR-712849306"], "Verein C": ["AT-ZVR-712849306"],
                   "Verein D": ["AT-ZVR-123456789"], "Verein E": ["AT-ZVR-123456780"]}, got


def test_french_and_dutch_words_for_formerly_and_trading_as(lcg, tmp_path):
    """A Lyon hold-out's "Cap Emploi 69 (ex-OHE Prométhée Rhône)", "Association ALIS (anciennement Alis Formation)"
    and a Rotterdam one's "(v/h Stichting Welzijn IJsselmonde)", "B.V. h.o.d.n. Taalcentrum Zuid" (trading as) were
    kept whole, brackets and all, and a Brussels one's "CBE Brussel (nu Ligo)" (now), a Bologna one's "(già ...)": the
    words say another name of the body, its alias. "(ex-directeur)", "(ex officio)" and "(Ex Cathedra)", a choir's
    name in capitals, are none (a review's find)."""
    text = ("Name\nCap Emploi 69 (ex-OHE Prométhée Rhône)\nAssociation ALIS (anciennement Alis Formation)\n"
            "Stichting Wijkwerk IJsselmonde (v/h Stichting Welzijn IJsselmonde)\n"
            "NT2 Taalschool Rijnmond B.V. h.o.d.n. Taalcentrum Zuid\nFoo (ex-directeur)\nCBE Brussel (nu Ligo)\n"
            "Fondazione Innovazione Urbana (già Fondazione Urban Center Bologna)\nBoard (ex officio)\n"
            "Birmingham Early Music Choir (Ex Cathedra)\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label}")
    assert result.exit_code == 0, result.output
    got = {n.name: n.props.get("aliases") for n in load_dataset(tmp_path / "data").nodes}
    assert got == {"Cap Emploi 69": ("OHE Prométhée Rhône",), "Association ALIS": ("Alis Formation",),
                   "Stichting Wijkwerk IJsselmonde": ("Stichting Welzijn IJsselmonde",),
                   "NT2 Taalschool Rijnmond B.V.": ("Taalcentrum Zuid",), "Foo (ex-directeur)": None,
                   "Ligo": ("CBE Brussel",), "Fondazione Innovazione Urbana": ("Fondazione Urban Center Bologna",),
                   "Board (ex officio)": None, "Birmingham Early Music Choir (Ex Cathedra)": None}, got


def test_a_unit_column_s_rows_are_units_of_the_row_of_their_organisation(lcg, tmp_path):
    """A Cape Town hold-out's directory wrote the city's departments and a charity's branches as rows of the body
    with a "Branch / Unit" cell: named "NICRO - Khayelitsha", each was offered for review as the body's duplicate,
    though the list said which was a unit of which. Such a row is a unit (part_of) of the row of its organisation's
    name, where one is; a body no row is is not made up, and a row with a parent cell of its own keeps it, and the
    body's main site ("Head office") is the body there."""
    text = ("Organisation,Branch / Unit,Parent body,Town\nNICRO,,,Cape Town\nNICRO,Khayelitsha,,Khayelitsha\n"
            "Rape Crisis,Athlone,,Athlone\nWCED,Metro East District,Western Cape Government,Kuils River\n"
            "NICRO,Head office,,Cape Town\n"
            "WCED,,,Cape Town\n")
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Branch / Unit: unit, Parent body: part_of, "
                                               "Town: address}")
    assert result.exit_code == 0, result.output
    names, parents = _parts_imported(tmp_path)
    assert ("NICRO - Khayelitsha", "NICRO") in parents, parents
    assert ("NICRO - Head office", "NICRO") not in parents, parents  # (the body at its main site: no unit of it)
    assert not any(u == "Rape Crisis - Athlone" for u, _ in parents) and "Rape Crisis" not in names.values()
    assert ("WCED - Metro East District", "Western Cape Government") in parents
    assert ("WCED - Metro East District", "WCED") not in parents, parents
    assert "1 of them units of the row of that organisation" in result.output, result.output


def test_a_year_heading_a_finnish_total_and_a_note_with_a_compound_s_tail_are_no_rows(lcg, tmp_path):
    """An Espoo hold-out's grants list headed each year's rows "VUOSI 2022" (Finnish "year") and ended with
    "Yhteensä" ("total") beside "303 900" (spaces between the thousands), and its register ended with "Päivitetty
    14.11.2024, Oppiva Espoo -tiimi. Ei julkiseen jakeluun.": each was imported as an organisation, as was a Barcelona
    one's "TOTAL 2023" beside its figures."""
    from graph.identifiers import amount_value

    assert amount_value("303 900") == 303900 and amount_value("12 34") is None
    text = ("Saaja,Vuosi,Summa €\nVUOSI 2022,,\nEspoon Martat ry,2022,3 000\nTapiolan Martat,2022,900\n"
            "Year 2023/24,,\nEJY ry,2023,1 500\nTOTAL 2023,,\"1.500,00 €\"\nYhteensä,,\"303 900\"\n"
            "\"Päivitetty 14.11.2024, Oppiva Espoo -tiimi. Ei julkiseen jakeluun.\",,\n")
    result = _import_list(lcg, tmp_path, text, "{Saaja: Label, Vuosi: note, Summa €: note}")
    assert result.exit_code == 0, result.output
    names = {n.name for n in load_dataset(tmp_path / "data").nodes}
    assert names == {"Espoon Martat ry", "Tapiolan Martat", "EJY ry"}, names


def test_finnish_and_swedish_words_for_formerly_give_an_alias(lcg, tmp_path):
    """An Espoo hold-out's "Kotipolku ry (ent. Espoon Maahanmuuttajaäidit ry)" ("ent.", Finnish "formerly") kept the
    bracket in its name; Swedish lists write "f.d." and "tidigare"."""
    text = ("Nimi,Kaupunki\nKotipolku ry (ent. Espoon Maahanmuuttajaäidit ry),Espoo\n"
            "Esbo Sång rf (f.d. Esbo Sångarbröder rf),Esbo\n")
    result = _import_list(lcg, tmp_path, text, "{Nimi: Label, Kaupunki: address}")
    assert result.exit_code == 0, result.output
    aliases = {n.name: n.props.get("aliases") for n in load_dataset(tmp_path / "data").nodes}
    assert aliases == {"Kotipolku ry": ("Espoon Maahanmuuttajaäidit ry",), "Esbo Sång rf": ("Esbo Sångarbröder rf",)}, \
        aliases


def test_a_mail_provider_s_domain_in_a_website_column_is_no_website(lcg, tmp_path):
    """A Wolverhampton hold-out's festival list's "Email domain" column, mapped to website, wrote https://gmail.com and
    https://btinternet.com as websites of the bodies of its rows, without a word."""
    text = "Organisation,Email domain\nTettenhall U3A,btinternet.com\nRetired,www.gmail.com\nWEA,wea.org.uk\n"
    result = _import_list(lcg, tmp_path, text, "{Organisation: Label, Email domain: website}")
    assert result.exit_code == 0, result.output
    sites = {n.name: n.props.get("website") for n in load_dataset(tmp_path / "data").nodes}
    assert sites == {"Tettenhall U3A": None, "Retired": None, "WEA": "https://wea.org.uk"}, sites
    assert "passed over 'btinternet.com', 'www.gmail.com' (rows 2, 3): a mail provider's domain" in \
        " ".join(result.stderr.split()), result.stderr


def test_an_entrance_a_year_named_event_and_a_head_office_s_variants_are_read_as_before(lcg, tmp_path):
    """A review of the session's rules: "(ent. Church Lane)" is an entrance, no former name; "Youth 2000", "Leeds 2023"
    and "Class of 2019" are rows, not year headings; "Head Office (Bilston)" is the body there, no unit of it."""
    text = ("Name,Unit,Town\nSt Peter's Church Hall (ent. Church Lane),,Bilston\nYouth 2000,,\nLeeds 2023,,\n"
            "Class of 2019,,\nWolverhampton Homes,,Wolverhampton\nWolverhampton Homes,Head Office (Bilston),Bilston\n")
    result = _import_list(lcg, tmp_path, text, "{Name: Label, Unit: unit, Town: address}")
    assert result.exit_code == 0, result.output
    names, parents = _parts_imported(tmp_path)
    assert {"Youth 2000", "Leeds 2023", "Class of 2019", "St Peter's Church Hall (ent. Church Lane)"} <= set(
        names.values()), names
    assert not parents, parents
    assert not any(n.props.get("aliases") for n in load_dataset(tmp_path / "data").nodes)


def test_a_parent_cell_naming_a_row_without_its_own_initials_is_that_row(lcg, tmp_path):
    """A Pittsburgh hold-out's directory named the college "Community College of Allegheny County (CCAC)" and its
    campuses' parent cells "Community College of Allegheny County": a second record of the college was made."""
    text = ("Organization,Parent organization\nCommunity College of Allegheny County (CCAC),\n"
            "CCAC Allegheny Campus,Community College of Allegheny County\n")
    result = _import_list(lcg, tmp_path, text, "{Organization: Label, Parent organization: part_of}")
    assert result.exit_code == 0, result.output
    names, parents = _parts_imported(tmp_path)
    assert parents == {("CCAC Allegheny Campus", "Community College of Allegheny County (CCAC)")}, parents
    assert len(names) == 2, names


def test_a_classes_list_s_repeated_provider_at_its_venues_is_said_with_its_fix(lcg, tmp_path):
    """Five hold-outs' classes and programmes lists named their provider again on each row at another venue, their
    "Venue" column mapped to address as the README offers: a record per venue, reviewed as "two sites of one body".
    The note on repeated names says the column, and the mapping line that reads it as where the course is."""
    text = ("Provider,Course,Venue,Contact tel\nBCC Adult Learning,ESOL,Bedminster Library,0117 903 8844\n"
            "BCC Adult Learning,Digital Skills,Filton Avenue Library,0117 903 8844\n")
    result = _import_list(lcg, tmp_path, text, "{Provider: Label, Course: description, Venue: address, "
                                               "Contact tel: phone}")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert "their addresses come from column 'Venue': if it says where each row's course or event is" in said, said
    assert "(under columns: in the mapping file, Venue: note)" in said, said
    shutil.rmtree(tmp_path / "data")
    result = _import_list(lcg, tmp_path, text, "{Provider: Label, Course: description, Venue: note, "
                                               "Contact tel: phone}")
    assert result.exit_code == 0 and "their addresses come from" not in result.stderr, result.stderr


def test_a_contact_column_in_another_language_is_offered_as_person(lcg, tmp_path):
    """A Porto hold-out mapped "Contacto: Main contact" (the README's column name, not its field), and the problem
    listed no field for people's names and offered only ~: "person" is listed for an organisation, and a "Contacto"
    column of names is offered as it."""
    result = _import_list(lcg, tmp_path, "Entidade,Contacto\nCâmara Municipal do Porto,Rui Tavares\n"
                          "Biblioteca Almeida Garrett,Ana Luísa Sousa\nÁgora,Joana Ribeiro\n", "{Entidade: Label}")
    assert result.exit_code == 1, result.output
    assert "person (its people's names)" in result.stderr and "with Contacto: person;" in result.stderr, result.stderr


def test_a_register_number_with_a_remark_in_brackets_is_read(lcg, tmp_path):
    """A Liverpool hold-out's directory wrote "1189234 (CIO since 2023)" in its charity number column: the one cell
    stopped the import, and its user mapped the column to note, losing some 55 charities' numbers. The number is
    read, the bracket a remark kept in the note, said in a warning."""
    result = _import_list(lcg, tmp_path, "Name,Registered charity no.\nSefton CVS,1189234 (CIO since 2023)\n"
                          "Age UK,1128267\n", "{Name: Label, Registered charity no.: Charity number}")
    assert result.exit_code == 0, result.output
    props = {n.name: n.props for n in load_dataset(tmp_path / "data").nodes}
    assert props["Sefton CVS"]["identifiers"] == ("GB-CHC-1189234",), props
    assert "1189234 (CIO since 2023)" in props["Sefton CVS"]["note"], props
    assert "'1189234 (CIO since 2023)': the number read, the bracket after it a remark" in result.output, result.output
    shutil.rmtree(tmp_path / "data")
    result = _import_list(lcg, tmp_path, 'Name,Registered charity no.\nA,"1123456 (CIO, since 2019)"\n'
                          "B,1123457 (registered 12/03/2015)\n",
                          "{Name: Label, Registered charity no.: Charity number}")
    assert result.exit_code == 0, result.output
    for cell in ("1148877 (Trussell Trust)", "1131580 (parent church)", "1123459 (linked 1)", "1234567 (company)"):
        shutil.rmtree(tmp_path / "data", ignore_errors=True)  # another body's number, another number, a register's
        result = _import_list(lcg, tmp_path, f"Name,Registered charity no.\nFood Bank,{cell}\n",  # word: as before
                              "{Name: Label, Registered charity no.: Charity number}")
        assert result.exit_code == 1 and "fits no register" in result.stderr, (cell, result.output)


def test_two_registers_words_and_numbers_in_one_cell_with_no_mark_between(lcg, tmp_path):
    """A Newcastle hold-out's directory wrote "Charity 1141293 Company 07403536" in its "Charity/Company No" column:
    the one cell stopped the import, and its user mapped the column to note, losing 69 rows' numbers. Each word and
    its number is read, as "1102373 / 04987452" is."""
    got = _identifiers_imported(lcg, tmp_path, "Name,Charity/Company No\nSearch Newcastle,Charity 1141293 Company "
                                "07403536\nAge UK,1102373 / 04987452\n",
                                "{Name: Label, Charity/Company No: identifiers}")
    assert got == {"Search Newcastle": ["GB-CHC-1141293", "GB-COH-07403536"],
                   "Age UK": ["GB-CHC-1102373", "GB-COH-04987452"]}, got
    shutil.rmtree(tmp_path / "data", ignore_errors=True)  # a part naming no register: the cell said whole (a review's)
    result = _import_list(lcg, tmp_path, "Name,Charity No\nA,Charity No 1141293 Scotland SC012345\n",
                          "{Name: Label, Charity No: Charity number}")
    assert result.exit_code == 1 and "Charity No 1141293 Scotland SC012345 in column" in result.stderr, result.output


def test_licence_numbers_are_offered_the_note_and_a_heading_s_mixed_case_bracket(lcg, tmp_path):
    """A Seattle hold-out's child care licence numbers ("1184523"), mapped to identifiers, were offered Charity
    number, which would read them as English charities'; a licence's number is no org-id register's: the note. Its
    heading "SEATTLE PUBLIC SCHOOLS (SPS-operated classrooms)", alone in the provider column above its sites, stopped
    the import as a row with no name, while its siblings in capitals were passed over: beside no name, a bracket ending
    the cell leaves it written as they are."""
    result = _import_list(lcg, tmp_path, "Provider Name,License Number\nTiny Tots,1184523\nABC Care,1184524\n",
                          "{Provider Name: Label, License Number: identifiers}")
    assert result.exit_code == 1 and "licence numbers, which no org-id register holds" in result.stderr, result.output
    assert "License Number: note" in result.stderr and "Charity number" not in result.stderr, result.stderr
    result = _import_list(lcg, tmp_path, "Provider Agency,Site Name,ZIP\n,,\nSEATTLE PUBLIC SCHOOLS (SPS-operated "
                          "classrooms),,\nSeattle Public Schools,Arbor Heights Elementary,98146\n"
                          "Seattle Public Schools,"
                          "Bailey Gatzert Elementary,98122\nCOMMUNITY-BASED PROVIDERS,,\nTiny Tots Development Center,"
                          "Tiny Tots - Central,98122\nFAMILY CHILD CARE (FCC) HUB SITES,,\nKids Hub,Kids Hub - North,"
                          "98125\n",
                          "{Provider Agency: part_of, Site Name: Label, ZIP: postcode}")
    assert result.exit_code == 0, result.output
    assert "passed over 'SEATTLE PUBLIC SCHOOLS (SPS-operated classrooms)'" in result.output, result.output
    shutil.rmtree(tmp_path / "data")  # but a row of the names' column with a bracket is a row (a review's find)
    result = _import_list(lcg, tmp_path, "Name,Country,City\nFinland (Ministry of Education and Culture),,\n"
                          "Espoo City,Finland,Espoo\n", "{Name: Label, Country: address, City: address}")
    assert result.exit_code == 0, result.output
    assert {n.name for n in load_dataset(tmp_path / "data").nodes} == {
        "Finland (Ministry of Education and Culture)", "Espoo City"}, result.output
    shutil.rmtree(tmp_path / "data")  # a column naming a register's number beside a licence's: as before
    result = _import_list(lcg, tmp_path, "Provider Name,Reg / Licence No\nTiny Tots,1184523\n",
                          "{Provider Name: Label, Reg / Licence No: identifiers}")
    assert result.exit_code == 1 and "licence numbers" not in result.stderr, result.output
