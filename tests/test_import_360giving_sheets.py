"""360Giving spreadsheets: the real files flattened by flatten-tool (the standard's own converter, an independent
implementation of its titles, rollup and sub-sheets) import to the same entries as their JSON; small workbooks
for sheets, cells, indexed columns, GrantNav's columns and bad files."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest

from conftest import SHARED
from graph.dataset import load_dataset
from graph.importers.giving360 import read_grants
from graph.importers.giving360_titles import GRANT, column_path

DATA = SHARED / "data"
COVID = DATA / "360giving-covid19-multifunder" / "covid19-grants-2020-04-16.json"
WOLFSON = DATA / "360giving-wolfson-esmee" / "wolfson-grants.json"
ESMEE = DATA / "360giving-wolfson-esmee" / "esmee-fairbairn-sample.json"
SCHEMA = __import__("pathlib").Path(__file__).parent / "fixtures" / "360giving" / "360-giving-schema.json"


def _flatten(src, out, fmt):
    """The file as publishers make their spreadsheets: flatten-tool --use-titles --rollup, grants in sheet 'grants'.

    In a process of its own: importing flatten-tool (ZODB's BTrees, zope.interface) walks every class registered
    with Python's collection ABCs, which raises once the suite's embedded ArcadeDB has stopped its JVM. Its
    warnings are silenced: it says that the three transaction lists have no title (nor have they in the schema).
    """
    args = dict(input_name=str(src), output_name=str(out), output_format=fmt, schema=str(SCHEMA),
                root_list_path="grants", main_sheet_name="grants", use_titles=True, rollup=True, root_id="")
    code = ("import json, sys, warnings; warnings.simplefilter('ignore'); from flattentool import flatten; "
            "flatten(**json.loads(sys.argv[1]))")
    done = subprocess.run([sys.executable, "-c", code, json.dumps(args)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out if fmt == "xlsx" else out / "grants.csv"


def _entries(folder):
    """Nodes and relationships with their fields; the source key (the file's name) is the only thing left out."""
    ds = load_dataset(folder)
    nodes = {(n.kind, n.id): {k: v for k, v in n.props.items() if k != "sources"} for n in ds.nodes}
    rels = sorted((r.kind, r.start, r.end, sorted((k, v) for k, v in r.props.items() if k != "sources"))
                  for r in ds.rels)
    return nodes, rels


def _warnings(output: str) -> list[str]:
    return [line.split(": warning: ", 1)[1] for line in output.splitlines() if ": warning: " in line]


def _snapshot(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def _schema_titles(props, definitions):
    out = {}
    for name, spec in props.items():
        if "$ref" in spec:
            spec = definitions[spec["$ref"].rsplit("/", 1)[1]]
        title = spec.get("title", name)
        items = spec.get("items", {})
        if "$ref" in items:
            out[name] = (title, _schema_titles(definitions[items["$ref"].rsplit("/", 1)[1]]["properties"],
                                               definitions))
        else:
            out[name] = title
    return out


def test_the_title_table_is_the_standards_schema():
    schema = json.loads(SCHEMA.read_text())
    assert _schema_titles(schema["properties"], schema["definitions"]) == GRANT


@pytest.mark.parametrize("header, path", [
    ("Recipient Org:Location:0:Geographic Code", ("recipientOrganization", 0, "location", 0, "geoCode")),
    ("Beneficiary Location:1:Name", ("beneficiaryLocation", 1, "name")),
    ("Beneficiary Location:Name", ("beneficiaryLocation", 0, "name")),  # rolled up: the first item
    ("  recipient org : IDENTIFIER ", ("recipientOrganization", 0, "id")),  # case and spacing tolerated
    ("recipientOrganization/0/id", ("recipientOrganization", 0, "id")),
    ("recipientorganization/0/id", ("recipientOrganization", 0, "id")),
    ("amountAwarded", ("amountAwarded",)),
    ("Ward Name (additional data)", ("additional_data", "recipientWardName")),
    ("Best Available Recipient District (additional data)", ("additional_data", "recipientDistrictName")),
    ("Recipient Ward Geographic Code", ("additional_data", "recipientWardNameGeoCode")),
    ("ID", None),  # a publisher's own column: JSON names are case-sensitive, titles are not
    ("Primary issue", None),
])
def test_column_titles_become_json_paths(header, path):
    assert column_path(header)[0] == path


@pytest.mark.parametrize("header, near", [
    ("Award Dte", "Award Date"), ("Recipient Org:Postal Cod", "Recipient Org:Postal Code"),
    ("Beneficiary Location:1:Nmae", "Beneficiary Location:Name"),
    ("Recipient Org:Favourite Colour", ""),  # one of the standard's lists, then something it does not have
    ("Primary issue", None), ("ID", None), ("Open Call?", None), ("Funding Type Title", None),  # own / GrantNav's
    ("Beneficiary Location:1:Name", None),  # read, so nothing to say
])
def test_a_column_that_looks_like_a_title_but_is_not_one_is_named(header, near):
    assert column_path(header)[1] == near


@pytest.mark.parametrize("path", [COVID, WOLFSON, ESMEE], ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_real_file_as_a_spreadsheet_imports_to_the_same_entries_as_its_json(lcg, tmp_path, path, fmt):
    baseline = path
    if fmt == "csv":
        # a CSV file is one sheet: the lists flatten-tool puts in sheets of their own are not in it. Those the
        # importer reads are GrantNav's recipientOrgInfos (Esmee) and the classifications (COVID-19, Esmee, which
        # flatten-tool does not roll up): compare with the JSON without them.
        data = json.loads(path.read_text())
        for g in data["grants"]:
            g.get("additional_data", {}).pop("recipientOrgInfos", None)
            g.pop("classifications", None)
        baseline = tmp_path / path.name
        baseline.write_text(json.dumps(data))
    from_json, from_sheet = tmp_path / "json", tmp_path / "sheet"
    assert lcg("import", "360giving", baseline, "-o", from_json).exit_code == 0
    sheet = _flatten(path, tmp_path / f"{path.stem}-flat", fmt)
    result = lcg("import", "360giving", sheet, "-o", from_sheet)
    assert result.exit_code == 0, result.output
    assert _entries(from_sheet) == _entries(from_json)
    json_said = lcg("import", "360giving", baseline, "-o", tmp_path / "again").output
    # the same true warnings and no others, on the sheet's rows (the header is row 1, the n-th grant row n + 1)
    sheet_name = "sheet 'grants' " if fmt == "xlsx" else ""
    assert _warnings(result.output) == [re.sub(r"^row (\d+)", lambda m: f"{sheet_name}row {int(m[1]) + 1}", w)
                                        for w in _warnings(json_said)]
    assert lcg("validate", "--data", from_sheet).exit_code == 0
    before = _snapshot(from_sheet)
    again = lcg("import", "360giving", sheet, "-o", from_sheet)
    assert again.exit_code == 0 and "added 0 organisations, 0 places, 0 projects" in again.output
    assert _snapshot(from_sheet) == before
    if fmt == "xlsx":
        assert "note: grants read from sheet 'grants'" in result.output


HEADER = ["Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date", "Recipient Org:Identifier",
          "Recipient Org:Name", "Recipient Org:Charity Number", "Funding Org:Identifier", "Funding Org:Name",
          "Planned Dates:Start Date", "Planned Dates:End Date", "Beneficiary Location:0:Name",
          "Beneficiary Location:0:Geographic Code", "Beneficiary Location:1:Name", "ID", "Recipient Org:Identifer",
          "Recipient District Name (additional data)", "Recipient District Geographic Code (additional data)",
          "Ward Name (additional data)", "Ward Name Geo Code (additional data)"]


def _grant_row(gid="360G-t-1", amount=5000.5, award=dt.datetime(2020, 4, 1)):
    return [gid, "Digital skills", "Laptops", "GBP", amount, award, "", "Learn Together", 1000001,
            "GB-CHC-2000002", "Test Foundation", dt.date(2020, 5, 1), dt.datetime(2021, 3, 31), "Wolverhampton",
            "E08000031", "Dudley", "own-7", "typo", "Wolverhampton", "E08000031", "Park", "E05001329"]


def _workbook(path, rows, *, first_sheet=True):
    from openpyxl import Workbook

    book = Workbook()
    about = book.active
    about.title = "About"
    about.append(["This file lists our grants; see the Grants sheet. Its columns:"])
    for title in ("Identifier", "Title", "Amount Awarded"):  # a guidance list, one title a row: not a header
        about.append([title])
    grants = book.create_sheet("Grants")
    grants.append(["Our grants, 2020 (CC BY 4.0)"])  # a title line above the header, as some publishers write
    grants.append(HEADER)
    for row in rows:
        grants.append(row)
    book.save(path)
    return path


def test_xlsx_two_sheets_date_cells_numbers_and_indexed_locations(lcg, tmp_path):
    src = _workbook(tmp_path / "grants.xlsx", [_grant_row(), [], _grant_row("360G-t-2", amount=300)])
    # cells as the JSON file would hold them: date cells as ISO dates, amounts as numbers, other numbers as text
    (row, grant), _ = read_grants(src)
    assert row == 3 and grant["awardDate"] == "2020-04-01" and grant["plannedDates"][0]["startDate"] == "2020-05-01"
    assert grant["amountAwarded"] == 5000.5 and grant["recipientOrganization"][0]["charityNumber"] == "1000001"
    assert [p["name"] for p in grant["beneficiaryLocation"]] == ["Wolverhampton", "Dudley"]
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    assert "note: grants read from sheet 'Grants'; not read (no Identifier column): 'About'" in result.output
    # the misspelt title is reported once, with the header's row; the publisher's own ID column is not
    assert result.output.count("column 'Recipient Org:Identifer' looks like the 360Giving title "
                               "'Recipient Org:Identifier' but is not spelt as one") == 1
    assert "sheet 'Grants' row 2: column 'Recipient Org:Identifer'" in result.output and "'ID'" not in result.output
    ds = load_dataset(out)
    projects = {n.props["identifiers"][0]: n for n in ds.nodes if n.kind == "Project"}
    first = projects["360G-t-1"]
    assert (first.props["start"], first.props["end"]) == ("2020-05-01", "2021-03-31")
    funds = {r.end: r.props for r in ds.rels if r.kind == "FUNDS"}
    assert funds[first.id]["amount"] == 5000.5 and funds[first.id]["from"] == "2020-04-01"
    assert funds[projects["360G-t-2"].id]["amount"] == 300
    places = {n.id: n.props["name"] for n in ds.nodes if n.kind == "Place"}
    where = {places[r.end] for r in ds.rels if r.kind == "LOCATED_IN" and r.start == first.id}
    assert where == {"Wolverhampton", "Dudley"}  # Beneficiary Location:0 and :1
    orgs = {n.props["name"]: n for n in ds.nodes if n.kind == "Organisation"}
    assert orgs["Learn Together"].props["identifiers"] == ("GB-CHC-1000001",)  # a number cell, read as text
    ward = next(r.end for r in ds.rels if r.kind == "LOCATED_IN" and r.start == orgs["Learn Together"].id)
    assert places[ward] == "Park"  # GrantNav's ward and district columns, as from its JSON's additional_data
    assert lcg("validate", "--data", out).exit_code == 0


def test_xlsx_rows_are_numbered_as_the_sheet_numbers_them(lcg, tmp_path):
    src = _workbook(tmp_path / "grants.xlsx", [_grant_row(), [], _grant_row("360G-t-2", amount="lots")])
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1 and "sheet 'Grants' row 5 (360G-t-2): bad amountAwarded 'lots'" in result.output
    assert "nothing was written" in result.output and not out.exists()


def test_csv_with_indexed_title_json_path_and_grantnav_columns(lcg, tmp_path):
    header = ("Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,"
              "Recipient Org:Name,fundingOrganization/0/id,fundingOrganization/0/name,Beneficiary Location:0:Name,"
              "Beneficiary Location:1:Name,Beneficiary Location:1:Geographic Code,Recipient Region,"
              "Recipient District,Recipient Ward\n")
    row = ("360G-t-1,Choir,Singing,GBP,300,2020-04-03,GB-CHC-1000001,Learn Together,GB-CHC-2000002,Test Foundation,"
           "Bilston,Tettenhall,E05001330,West Midlands,Wolverhampton,Park\n")
    src = tmp_path / "grants.csv"
    src.write_text(header + row)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    ds = load_dataset(out)
    places = {n.id: n.props for n in ds.nodes if n.kind == "Place"}
    project = next(n for n in ds.nodes if n.kind == "Project")
    assert {places[r.end]["name"] for r in ds.rels if r.kind == "LOCATED_IN" and r.start == project.id} == \
        {"Bilston", "Tettenhall"}
    assert "test-foundation" in {n.id for n in ds.nodes if n.kind == "Organisation"}
    chain = {places[r.start]["name"]: places[r.end]["name"] for r in ds.rels
             if r.kind == "LOCATED_IN" and r.start in places and r.end in places}
    assert chain["Park"] == "Wolverhampton" and chain["Wolverhampton"] == "West Midlands"


def test_xlsx_without_an_identifier_column_is_one_clear_error(lcg, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Grant ref", "Title", "Amount Awarded"])
    book.active.append(["G-1", "Choir", 300])
    book.save(tmp_path / "grants.xlsx")
    out = tmp_path / "data"
    result = lcg("import", "360giving", tmp_path / "grants.xlsx", "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "no sheet has the 360Giving Identifier column (sheets: 'Sheet')" in result.output
    assert not out.exists()


@pytest.mark.parametrize("name, content, message", [
    ("grants.xlsx", b"PK\x03\x04 not really a zip", "not a readable .xlsx workbook"),
    ("grants.xlsx", b"", "not a readable .xlsx workbook"),
    ("grants.ods", b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
     "an OpenDocument (.ods) spreadsheet cannot be read; save it as .xlsx or .csv"),
    ("grants.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Excel (.xls) workbook cannot be read"),
    ("grants.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a password-protected workbook (or an old .xls renamed)"),
])
def test_a_corrupt_or_unsupported_workbook_is_one_clear_error(lcg, tmp_path, name, content, message):
    src = tmp_path / name
    src.write_bytes(content)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert message in result.output and str(src) in result.output
    assert not out.exists()


def test_grantnav_csv_columns_give_what_grantnav_json_gives(lcg, tmp_path):
    """Today's GrantNav export titles (its csv_layout.py) against the same grant as GrantNav's JSON writes it."""
    grant = {"id": "360G-t-1", "title": "Choir", "description": "Singing", "currency": "GBP", "amountAwarded": 300,
             "awardDate": "2020-04-03",
             "recipientOrganization": [{"id": "GB-CHC-1000001", "name": "Learn Together", "location": [
                 {"geoCode": "E08000031", "geoCodeType": "LAD", "name": "Wolverhampton"},
                 {"geoCode": "E05001329", "geoCodeType": "WD", "name": "Park"}]}],
             "fundingOrganization": [{"id": "GB-CHC-2000002", "name": "Test Foundation"}],
             "additional_data": {"recipientOrgInfos": [{"id": "GB-CHC-1000001",
                                                        "orgIDs": ["GB-CHC-1000001", "GB-COH-01234567"]}]}}
    src_json = tmp_path / "grants.json"
    src_json.write_text(json.dumps({"grants": [grant]}))
    header = ("Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,"
              "Recipient Org:Name,Recipient Org:Location:0:Geographic Code Type,"
              "Recipient Org:Location:0:Geographic Code,"
              "Recipient Org:Location:0:Name,Recipient Org:Location:1:Geographic Code Type,"
              "Recipient Org:Location:1:Geographic Code,Recipient Org:Location:1:Name,Funding Org:Identifier,"
              "Funding Org:Name,Recipient Org Info: Organisation Identifiers (additional data)\n")
    row = ("360G-t-1,Choir,Singing,GBP,300,2020-04-03,GB-CHC-1000001,Learn Together,LAD,E08000031,Wolverhampton,WD,"
           "E05001329,Park,GB-CHC-2000002,Test Foundation,\"GB-CHC-1000001, GB-COH-01234567\"\n")
    src_csv = tmp_path / "grants.csv"
    src_csv.write_text(header + row)
    for src in (src_json, src_csv):
        assert lcg("import", "360giving", src, "-o", tmp_path / src.suffix[1:]).exit_code == 0
    assert _entries(tmp_path / "csv") == _entries(tmp_path / "json")
    ds = load_dataset(tmp_path / "csv")
    org = next(n for n in ds.nodes if n.props.get("name") == "Learn Together")
    assert org.props["identifiers"] == ("GB-CHC-1000001", "GB-COH-01234567")
    places = {n.id: n.props for n in ds.nodes if n.kind == "Place"}
    (where,) = [places[r.end] for r in ds.rels if r.kind == "LOCATED_IN" and r.start == org.id]
    assert (where["name"], where["type"]) == ("Park", "ward")  # the narrowest of the recipient's locations


def _import_csv(lcg, tmp_path, text: str):
    """Import ``text`` as a grants CSV into a new folder; its dataset."""
    src = tmp_path / "grants.csv"
    src.write_text(text)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    return load_dataset(out)


def test_a_semicolon_csv_from_a_comma_decimal_excel_is_read(lcg, tmp_path):
    ds = _import_csv(lcg, tmp_path,
                     "Identifier;Title;Description;Currency;Amount Awarded;Award Date;Recipient Org:Identifier;"
                     "Recipient Org:Name;Funding Org:Identifier;Funding Org:Name\n"
                     "360G-t-1;Choir;Singing, online;GBP;300;2020-04-03;GB-CHC-1000001;Learn Together;GB-CHC-2000002;"
                     "Test Foundation\n")
    (project,) = [n for n in ds.nodes if n.kind == "Project"]
    assert (project.props["name"], project.props["description"]) == ("Choir", "Singing, online")


@pytest.mark.parametrize("text, amount", [("40000,00", 40000), ("1.234,56", 1234.56), ("40 000,5", 40000.5),
                                          ("1,5", 1.5), ("40,000", 40000), ("1,234.50", 1234.5), ("300", 300),
                                          ("1,23,456", None), ("40,00,0", None), ("1.234.567", None)])
def test_amount_separators_are_read_not_deleted(text, amount):
    from graph.importers.giving360 import _amount

    assert _amount(text) == amount


def test_a_decimal_comma_amount_in_a_semicolon_csv_is_not_a_hundred_times_more(lcg, tmp_path):
    ds = _import_csv(lcg, tmp_path,
                     "Identifier;Title;Currency;Amount Awarded;Award Date;Recipient Org:Identifier;Recipient Org:Name;"
                     "Funding Org:Identifier;Funding Org:Name\n"
                     "360G-t-1;Choir;GBP;40000,00;2020-04-03;GB-CHC-1000001;Learn Together;GB-CHC-2000002;Test Fund\n"
                     "360G-t-2;Band;GBP;1.234,56;2020-04-03;GB-CHC-1000001;Learn Together;GB-CHC-2000002;Test Fund\n")
    amounts = {r.end: r.props["amount"] for r in ds.rels if r.kind == "FUNDS"}
    assert sorted(amounts.values()) == [1234.56, 40000]


def test_two_grants_sheets_or_a_header_only_are_one_clear_error(lcg, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "2019"
    book.active.append(HEADER)
    book.active.append(_grant_row())
    second = book.create_sheet("2020")
    second.append(HEADER)
    book.save(tmp_path / "two.xlsx")
    second.title = "Notes"
    book.remove(book["2019"])
    book.save(tmp_path / "header-only.xlsx")
    for name, message in (("two.xlsx", "sheets '2019', '2020' could each be the grants sheet"),
                          ("header-only.xlsx", "no grants found in {src}, sheet 'Notes'")):
        src, out = tmp_path / name, tmp_path / f"out-{name}"
        result = lcg("import", "360giving", src, "-o", out)
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert message.format(src=src) in result.output and not out.exists()


def _with_cached_values(path, values):
    """The workbook as Excel saves it: each formula with the value Excel last computed (openpyxl writes none)."""
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            parts[name] = z.read(name)
    sheet = "xl/worksheets/sheet2.xml"
    for formula, value in values.items():
        parts[sheet] = parts[sheet].replace(f"<f>{formula}</f><v></v>".encode(),
                                            f"<f>{formula}</f><v>{value}</v>".encode())
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_formulas_are_read_as_their_cached_values(lcg, tmp_path):
    src = _workbook(tmp_path / "grants.xlsx", [_grant_row(amount="=2500*2"), _grant_row("360G-t-2", amount="=150*2")])
    _with_cached_values(src, {"2500*2": 5000})  # the second formula was never computed: no value to read
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out, "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "sheet 'Grants' row 4 (360G-t-2): bad amountAwarded None" in result.output  # said, not imported as 0
    (funds,) = [r.props for r in load_dataset(out).rels if r.kind == "FUNDS"]
    assert funds["amount"] == 5000


def test_a_whole_amount_is_an_int_from_every_format():
    """JSON's 40000.0 and a spreadsheet's 40000 are written alike, so importing a publisher's CSV over its
    JSON rewrites nothing but what differs."""
    from graph.importers.giving360 import _amount

    assert type(_amount(40000.0)) is int and type(_amount("40000.00")) is int and type(_amount(40000)) is int
    assert _amount(0.5) == 0.5 and type(_amount(1e150)) is float


def test_a_workbook_is_read_by_its_content_whatever_its_extension(lcg, tmp_path):
    """An .xlsx saved as "grants.xls" (or with no extension) is a workbook: read, not refused as .xls or .ods."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER)
    book.active.append(_grant_row())
    for name in ("grants.xls", "grants"):
        book.save(tmp_path / name)
        result = lcg("import", "360giving", tmp_path / name, "-o", tmp_path / f"data-{name}")
        assert result.exit_code == 0, result.output


def test_an_amount_typed_as_text_with_its_currency_sign_is_read_with_a_warning(lcg, tmp_path):
    """A publisher's sheet had "£14,000" and "£25,000.00" typed as text in GBP rows (a trial refused 8 of 26 rows);
    the sign agrees with the currency, so the number is read and the rows named (once, with the first row's as it
    was read: ``test_a_repair_made_on_many_rows_is_one_warning_naming_the_rows``)."""
    rows = [_grant_row("360G-t-1", amount="£14,000"), _grant_row("360G-t-2", amount="£25,000.00"),
            _grant_row("360G-t-3", amount="14,000"), _grant_row("360G-t-4", amount=1200)]
    src = _workbook(tmp_path / "grants.xlsx", rows)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    warned = [w for w in _warnings(result.output) if "amountAwarded" in w]
    assert warned == ["sheet 'Grants': rows 3 (360G-t-1), 4 (360G-t-2): amountAwarded '£14,000' is text; read as "
                      "14000 GBP (row 3; likewise on the others)"]
    funds = {r.end: r.props["amount"] for r in load_dataset(out).rels if r.kind == "FUNDS"}
    assert sorted(funds.values()) == [1200, 14000, 14000, 25000]


@pytest.mark.parametrize("amount, currency, message", [
    ("$500", "GBP",
     "amountAwarded '$500' is in USD but the grant's currency is GBP; correct the amount or the currency"),
    ("£500", "EUR", "amountAwarded '£500' is in GBP but the grant's currency is EUR"),
    ("£lots", "GBP", "bad amountAwarded '£lots' (expected a finite number >= 0)"),
])
def test_a_currency_sign_that_disagrees_with_the_currency_is_a_row_error(lcg, tmp_path, amount, currency, message):
    row = _grant_row("360G-t-1", amount=amount)
    row[HEADER.index("Currency")] = currency
    src = _workbook(tmp_path / "grants.xlsx", [row])
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1 and f"sheet 'Grants' row 3 (360G-t-1): {message}" in result.output
    assert not out.exists()


def test_a_list_as_grantnav_users_keep_it_imports_with_the_currency_its_one_line_asks_for(lcg, tmp_path):
    """A trial's grants list had "Amount" for Amount Awarded, no Currency column, no Funding Org:Identifier and
    GrantNav's licence line as its last row: 56 grants were each refused twice (blank currency, no amount) and the
    licence line six times, with no way to give one currency to them all. "Amount" alone is the amount awarded (the
    standard names the others); the one-cell line below the grants is passed over with a warning; no currency is
    guessed: one line says none is given, with the command that gives it, which then imports; a funder with no
    id is written by its name, said once, no org-id made up."""
    src = tmp_path / "grants.csv"
    src.write_text("Identifier,Title,Recipient Org:Identifier,Recipient Org:Name,Amount,Award Date,Funding Org:Name\n"
                   "360G-t-1,Advice,GB-CHC-1097855,Refugee & Migrant Centre,15000,2021-04-12,Test Foundation\n"
                   "360G-t-2,English,GB-CHC-1139215,St Martin PCC,2500,2023-11-01,Test Foundation\n"
                   "Data published under the Open Government Licence; exported from GrantNav 2024-03-01\n")
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1 and not out.exists(), result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "no grant gives its currency" in result.stderr, \
        result.stderr
    command = result.stderr.rsplit("(try `", 1)[1].strip().rstrip(")").rstrip("`")
    assert command == f"lcg import 360giving {src} -o {out} --currency GBP", command
    result = lcg(*command.split()[1:])
    assert result.exit_code == 0, result.output
    said = _warnings(result.output)
    assert ("row 4: passed over 'Data published under the Open Government Licence; exported from GrantNav "
            "2024-03-01': a note below the grants (one cell written), not a grant") in said, said
    assert "row 1: column 'Amount' read as Amount Awarded (the standard's title), the file having no Amount " \
        "Awarded column" in said, said
    assert any(w.startswith("no Funding Org:Identifier for 1 funder ('Test Foundation')") for w in said), said
    ds = load_dataset(out)
    funds = sorted((r.props["amount"], r.props["currency"]) for r in ds.rels if r.kind == "FUNDS")
    assert funds == [(2500, "GBP"), (15000, "GBP")], funds
    funder = next(n for n in ds.nodes if n.props.get("name") == "Test Foundation")
    assert not funder.props.get("identifiers"), funder.props


def test_a_totals_row_below_the_grants_is_passed_over_as_the_sheet_importer_passes_it(lcg, tmp_path):
    """A sports trial's grants workbook ended with "Total awarded" in Recipient Org:Name and the sum under Amount
    Awarded: `lcg import 360giving` refused it as a grant with no id, title, date or funder, while `lcg import
    sheet` passes such a row over. One rule (``identifiers.totals_row``) for both: a total's word and figures only."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "grants"
    ws.append(["Identifier", "Title", "Recipient Org:Name", "Recipient Org:Identifier", "Amount Awarded", "Currency",
               "Award Date", "Funding Org:Name", "Funding Org:Identifier"])
    ws.append(["360G-t-1", "Kit", "Penn Hockey Club", "GB-CHC-1111111", 1500, "GBP", "2024-01-15", "Test Trust",
               "GB-CHC-1161234"])
    ws.append(["360G-t-2", "Coaching", "Bilston Boxing Club", "GB-CHC-1122222", "£2,000", "GBP", "2024-02-15",
               "Test Trust", "GB-CHC-1161234"])
    ws.append([None, None, "Total awarded", None, 3500, None, None, None, None])
    ws.append(["Total Fitness Wolverhampton"])  # one cell: a note below the grants, not a totals row
    book.save(tmp_path / "grants.xlsx")
    out = tmp_path / "data"
    result = lcg("import", "360giving", tmp_path / "grants.xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    said = _warnings(result.output)
    assert ("sheet 'grants' row 4: passed over 'Total awarded' (3500): a totals row (a total's word, and figures "
            "beside it), not a grant") in said, said
    ds = load_dataset(out)
    assert sorted(r.props["amount"] for r in ds.rels if r.kind == "FUNDS") == [1500, 2000]
    assert not [n for n in ds.nodes if "total" in n.props.get("name", "").casefold()]


def _grants_with_no_identifier(path, *, award_date: bool = True):
    """A council's grants list as a food trial kept it: the recipients' org-ids and postcodes, titles and amounts,
    and no Identifier column (with or without the award date and the funder)."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "HSF grants"
    extra = ["Award Date", "Funding Org:Name"] if award_date else []
    ws.append(["Recipient Org:Name", "Recipient Org:Identifier", "Recipient Org:Postal Code", "Title",
               "Amount Awarded", "Beneficiary Location:Name", *extra])
    for name, org_id, postcode, title, amount in (
            ("Wolverhampton Foodbank", "GB-CHC-1152034", "WV2 4PF", "HSF4 - food parcels winter", 15000),
            ("Wolverhampton Foodbank", "GB-CHC-1152034", "WV2 4PF", "HSF5 - food parcels spring", 12000),
            ("Walsall Foodbank", "GB-CHC-1148877", "WS1 1DA", "HSF4 food + fuel", 14000)):
        ws.append([name, org_id, postcode, title, amount, "Black Country",
                   *(["2024-11-01", "Sandwell Metropolitan Borough Council"] if award_date else [])])
    book.save(path)
    return path


def test_a_grants_list_with_no_identifier_column_imports_with_ids_from_its_rows_said_in_a_warning(lcg, tmp_path):
    """A food trial's grants list had every column of a grant but the grant's Identifier, and `lcg import 360giving`
    said only "no sheet has the 360Giving Identifier column": the user added ids by hand. The grants are the
    file's, and its rows say which: each grant's id is made from the file's name and its row, said in a warning
    (the same on a re-import of the file as it is), and the recipients keep their org-ids."""
    src = _grants_with_no_identifier(tmp_path / "hsf_grants.xlsx")
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out, "--currency", "GBP")
    assert result.exit_code == 0, result.output
    said = _warnings(result.output)
    assert any(w.startswith("sheet 'HSF grants': no Identifier column: each grant's id made from the file's name "
                            "and its row ('hsf_grants.xlsx row 2'...)") for w in said), said
    ds = load_dataset(out)
    grants = sorted(tuple(n.props["identifiers"]) for n in ds.nodes if n.kind == "Project")
    assert grants == [("hsf_grants.xlsx row 2",), ("hsf_grants.xlsx row 3",), ("hsf_grants.xlsx row 4",)], grants
    banks = {n.props["name"]: list(n.props.get("identifiers", ())) for n in ds.nodes if "Foodbank" in n.props.get("name", "")}
    assert banks == {"Wolverhampton Foodbank": ["GB-CHC-1152034"], "Walsall Foodbank": ["GB-CHC-1148877"]}, banks
    before = _snapshot(out)
    assert lcg("import", "360giving", src, "-o", out, "--currency", "GBP").exit_code == 0
    assert _snapshot(out) == before


def test_a_grants_list_lacking_the_funder_and_date_says_in_one_line_which_columns_to_add(lcg, tmp_path):
    """The same trial's list had no Award Date nor funder either: a grant cannot be written without making them up.
    One line, nothing written, names the columns to add (and the currency's option), not "no Identifier column"."""
    src = _grants_with_no_identifier(tmp_path / "hsf_grants.xlsx", award_date=False)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1 and not out.exists(), result.output
    lines = result.stderr.strip().splitlines()
    assert lines == [f"Error: {src}, sheet 'HSF grants', is a list of grants without columns every 360Giving grant "
                     "gives: Award Date and Funding Org:Name; add them (an Identifier column, each grant's own id, "
                     "too, or each grant is named by its row; a Currency column too, or import with --currency GBP "
                     "if the amounts are in pounds) and import again"], lines
