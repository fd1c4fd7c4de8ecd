"""`lcg import 360giving`: real grants validate and round-trip; bad rows stop the import."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from conftest import SHARED
from graph.dataset import load_dataset

REAL = SHARED / "data" / "360giving-covid19-multifunder" / "covid19-grants-2020-04-16.json"
needs_real = pytest.mark.skipif(not REAL.is_file(), reason="shared 360Giving snapshot not present")

CSV_HEADER = ("Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,"
              "Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,Planned Dates:Start Date,"
              "Planned Dates:End Date,Beneficiary Location:Name,Beneficiary Location:Geographic Code\n")
GOOD = ("360G-test-1,Digital skills,Laptops and lessons,GBP,5000,2020-04-01,GB-CHC-1000001,Learn Together,"
        "GB-CHC-2000002,Test Foundation,2020-04-01,2021-03-31,Wolverhampton,E08000031\n")
BAD_AMOUNT = ("360G-test-2,Food,Parcels,GBP,lots,2020-04-02,GB-CHC-1000003,Food Bank,"
              "GB-CHC-2000002,Test Foundation,,,,\n")
NO_RECIPIENT = "360G-test-3,Choir,Singing online,GBP,300,2020-04-03,,,GB-CHC-2000002,Test Foundation,,,,\n"


def _totals(dataset):
    grants = [n for n in dataset.nodes if n.kind == "Project" and n.props.get("identifiers")]
    amounts = defaultdict(float)
    for r in dataset.rels:
        if r.kind == "FUNDS" and "amount" in r.props:  # a programme's FUNDS tie carries no amount
            amounts[r.props["currency"]] += r.props["amount"]
    return len(grants), dict(amounts)


@needs_real
def test_real_file_validates_and_round_trips_count_and_total(lcg, tmp_path):
    out = tmp_path / "grants"
    result = lcg("import", "360giving", REAL, "-o", out)
    assert result.exit_code == 0, result.output
    assert lcg("validate", "--data", out).exit_code == 0
    grants = json.loads(REAL.read_text())["grants"]
    expected = defaultdict(float)
    for g in grants:
        expected[g["currency"]] += g["amountAwarded"]
    count, amounts = _totals(load_dataset(out))
    assert count == len(grants) == 374
    assert amounts.keys() == expected.keys()
    for currency in expected:
        assert amounts[currency] == pytest.approx(expected[currency], abs=0.005)
    ids = {n.props["identifiers"][0] for n in load_dataset(out).nodes if n.kind == "Project"}
    assert ids == {g["id"] for g in grants}  # grant ids kept


@needs_real
def test_second_import_adds_nothing(lcg, tmp_path):
    out = tmp_path / "grants"
    assert lcg("import", "360giving", REAL, "-o", out).exit_code == 0
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*.yaml")}
    result = lcg("import", "360giving", REAL, "-o", out)
    assert result.exit_code == 0 and "added 0 organisations, 0 places, 0 projects" in result.output
    assert "was already up to date" in result.output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*.yaml")} == before


def test_csv_grant_becomes_project_with_ties(lcg, tmp_path):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + GOOD)
    out = tmp_path / "data"
    assert lcg("import", "360giving", src, "-o", out).exit_code == 0
    ds = load_dataset(out)
    (project,) = [n for n in ds.nodes if n.kind == "Project"]
    assert project.props["identifiers"] == ("360G-test-1",)
    assert (project.props["start"], project.props["end"]) == ("2020-04-01", "2021-03-31")
    ties = {(r.kind, r.start, r.end): r.props for r in ds.rels}
    funds = ties[("FUNDS", "test-foundation", project.id)]
    assert (funds["amount"], funds["currency"], funds["from"]) == (5000, "GBP", "2020-04-01")
    assert ties[("PARTNER_IN", "learn-together", project.id)]["role"] == "lead"
    assert ("LOCATED_IN", project.id, "wolverhampton") in ties
    orgs = {n.id: n.props for n in ds.nodes if n.kind == "Organisation"}
    assert orgs["learn-together"]["identifiers"] == ("GB-CHC-1000001",)


def test_malformed_rows_reported_by_row_and_nothing_written(lcg, tmp_path):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + GOOD + BAD_AMOUNT + NO_RECIPIENT)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1
    assert "row 3 (360G-test-2): bad amountAwarded 'lots'" in result.output
    assert "row 4 (360G-test-3): no recipient organisation" in result.output
    assert "nothing was written" in result.output and "Traceback" not in result.output
    assert not out.exists() or not list(out.glob("*.yaml"))


def test_skip_invalid_imports_the_rest(lcg, tmp_path):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + GOOD + BAD_AMOUNT)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out, "--skip-invalid")
    assert result.exit_code == 0 and "row 3" in result.output and "(skipped)" in result.output
    assert _totals(load_dataset(out)) == (1, {"GBP": 5000.0})


def test_import_leaves_existing_files_alone_and_reuses_their_entries(lcg, tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    existing = ("# our partners\n- id: learn-together-cic\n  name: Learn Together CIC\n"
                "  identifiers: [GB-CHC-1000001]\n  sources: [seed]\n")
    (out / "organisations.yaml").write_text(existing)
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + GOOD)
    assert lcg("import", "360giving", src, "-o", out).exit_code == 0
    assert (out / "organisations.yaml").read_text() == existing
    ds = load_dataset(out)
    partner = next(r for r in ds.rels if r.kind == "PARTNER_IN")
    assert partner.start == "learn-together-cic"  # matched by charity number, not added again
    assert sum(1 for n in ds.nodes if n.kind == "Organisation") == 2


def test_not_json_is_one_clear_error(lcg, tmp_path):
    src = tmp_path / "grants.json"
    src.write_text("{not json")
    result = lcg("import", "360giving", src, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "not valid JSON" in result.output and "Traceback" not in result.output


def _row(gid="360G-test-9", amount="5000", award="2020-04-01", title="Digital skills", start="2020-04-01"):
    return (f"{gid},{title},Laptops and lessons,GBP,{amount},{award},GB-CHC-1000001,Learn Together,"
            f"GB-CHC-2000002,Test Foundation,{start},2021-03-31,Wolverhampton,E08000031\n")


def test_cp1252_csv_is_read_with_a_warning_naming_the_words_to_check(lcg, tmp_path):
    """Excel's default CSV on Windows is Windows-1252: read, with the words beyond ASCII quoted for checking."""
    src = tmp_path / "grants.csv"
    src.write_bytes((CSV_HEADER + GOOD).encode() + _row(title="Caf\u00e9 club \u00a3").encode("cp1252"))
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    assert "warning: not UTF-8: read as Windows-1252" in result.output
    assert "'Caf\u00e9' (line 3), '\u00a3' (line 3)" in result.output
    assert "Caf\u00e9 club" in "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.yaml"))


def test_bytes_no_code_page_defines_are_one_clear_error(lcg, tmp_path):
    """0x81 is in neither UTF-8 (alone) nor Windows-1252: the file is refused, with the byte, its line and what
    to do; a JSON file is UTF-8 by its standard, so one in Windows-1252 is refused too."""
    src = tmp_path / "grants.csv"
    src.write_bytes((CSV_HEADER + GOOD).encode() + _row(title="Caf\u00e9 club").encode("cp1252") + b"\x81\n")
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert str(src) in result.output and "0xe9" in result.output.lower() and "line 3" in result.output
    assert "save it as UTF-8" in result.output
    assert not out.exists()
    js = tmp_path / "grants.json"
    js.write_bytes('{"grants": [{"id": "360G-x", "title": "Caf\u00e9"}]}'.encode("cp1252"))
    result = lcg("import", "360giving", js, "-o", out)
    assert result.exit_code == 1 and "JSON file that is not UTF-8 text (byte 0xe9 on line 1" in result.output
    assert "Excel" not in result.output and not out.exists()


@pytest.mark.parametrize("amount", ["1e400", "inf", "nan", "-1"])
def test_non_finite_amount_is_a_row_problem(lcg, tmp_path, amount):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + GOOD + _row(amount=amount))
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1
    assert f"row 3 (360G-test-9): bad amountAwarded '{amount}' (expected a finite number >= 0)" in result.output
    assert not out.exists()


@pytest.mark.parametrize("value", [".inf", ".nan", "-.inf"])
def test_validator_rejects_non_finite_amounts(lcg, tmp_path, value):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + GOOD)
    data = tmp_path / "data"
    assert lcg("import", "360giving", src, "-o", data).exit_code == 0
    (projects,) = data.rglob("projects.yaml")
    text = projects.read_text()
    assert '"amount": 5000' in text  # one entry per line (graph/importers/json_lines.py); a hand edit stays YAML
    projects.write_text(text.replace('"amount": 5000', f'"amount": {value}'))
    result = lcg("validate", "--data", data)
    assert result.exit_code == 1 and "expected a finite number >= 0" in result.output


@pytest.mark.parametrize("field, value", [("award", "2020-02-30"), ("award", "2020-13-45"), ("start", "2021-02-29")])
def test_impossible_dates_are_row_problems(lcg, tmp_path, field, value):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + GOOD + _row(**{field: value}))
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1
    assert "row 3 (360G-test-9): bad" in result.output and repr(value) in result.output
    assert not out.exists()


def test_import_keeps_file_modes(lcg, tmp_path):
    import os
    import stat

    out = tmp_path / "data"
    out.mkdir()
    orgs = out / "organisations.yaml"
    orgs.write_text("- {id: someone, name: Someone, sources: [seed]}\n")
    orgs.chmod(0o640)
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + GOOD)
    old_umask = os.umask(0o022)
    try:
        assert lcg("import", "360giving", src, "-o", out).exit_code == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(orgs.stat().st_mode) == 0o640
    (projects,) = out.rglob("projects.yaml")
    assert stat.S_IMODE(projects.stat().st_mode) == 0o644
    projects.chmod(0o600)  # a re-import that rewrites the import's own file keeps the mode it was given
    src.write_text(CSV_HEADER + GOOD.replace("Digital skills", "Digital skills for all"))
    assert lcg("import", "360giving", src, "-o", out).exit_code == 0
    assert stat.S_IMODE(projects.stat().st_mode) == 0o600 and "skills for all" in projects.read_text()


@pytest.mark.parametrize("name, text", [("grants.csv", ""), ("grants.csv", CSV_HEADER), ("notes.txt", "hello\n"),
                                        ("notes.txt", "just some notes\nand more, with a comma\n"),
                                        ("grants.json", '{"grants": []}')])
def test_no_grants_is_one_clear_error_and_nothing_created(lcg, tmp_path, name, text):
    src = tmp_path / name
    src.write_text(text)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"no grants found in {src}" in result.output and "Identifier, Title" in result.output
    assert not out.exists()


def test_grant_id_repeated_with_different_content_is_a_row_problem(lcg, tmp_path):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + _row() + _row() + _row(title="Something else"))
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 1
    assert "row 4 (360G-test-9): grant id repeated (first on row 2) with different content" in result.output
    assert "1 malformed row " in result.output
    src.write_text(CSV_HEADER + _row() + _row())  # an exact repeat is harmless
    assert lcg("import", "360giving", src, "-o", out).exit_code == 0


def test_malformed_rows_counted_as_rows_not_problems(lcg, tmp_path):
    src = tmp_path / "grants.csv"
    two_problems = "360G-test-5,,Parcels,GBP,lots,2020-04-02,GB-CHC-1000003,Food Bank,GB-CHC-2000002,Test Foundation,,,,\n"
    src.write_text(CSV_HEADER + GOOD + two_problems + NO_RECIPIENT)
    result = lcg("import", "360giving", src, "-o", tmp_path / "data")
    assert result.exit_code == 1
    assert "2 malformed rows (" in result.output and "3 malformed rows" not in result.output


def test_skip_invalid_with_no_valid_row_fails_and_creates_nothing(lcg, tmp_path):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + BAD_AMOUNT + NO_RECIPIENT)
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out, "--skip-invalid")
    assert result.exit_code == 1 and "no row is valid" in result.output
    assert "row 2 (360G-test-2)" in result.output and not out.exists()


def test_grant_programme_becomes_a_programme_node_the_grants_are_part_of(lcg, tmp_path):
    """"Same programme" is a fact in the graph (overlaps read it), not text in a note."""
    import yaml

    src = tmp_path / "g.json"
    grant = {"title": "Food", "currency": "GBP", "amountAwarded": 10, "awardDate": "2020-04-01",
             "recipientOrganization": [{"id": "GB-CHC-1000001", "name": "Food Bank"}],
             "fundingOrganization": [{"id": "GB-CHC-2000002", "name": "Test Foundation"}],
             "grantProgramme": [{"title": "Covid Fund"}]}
    src.write_text(json.dumps({"grants": [{**grant, "id": "360G-t-1"}, {**grant, "id": "360G-t-2"}]}))
    out = tmp_path / "out"
    assert lcg("import", "360giving", src, "-o", out).exit_code == 0
    assert lcg("import", "360giving", src, "-o", out).exit_code == 0  # a second import adds no second programme
    own = next((out / "imports").iterdir())  # an import writes its own files (imports/360giving-<publisher>/)
    networks = yaml.safe_load((own / "networks.yaml").read_text())
    assert networks == [{"id": "test-foundation-programme-covid-fund", "name": "Covid Fund", "type": "programme",
                         "funders": ["test-foundation"], "sources": ["g.json"]}]
    projects = yaml.safe_load((own / "projects.yaml").read_text())
    assert [p["part_of"] for p in projects] == [["test-foundation-programme-covid-fund"]] * 2
    assert all("note" not in p for p in projects)
    assert lcg("validate", "--data", out).exit_code == 0


def test_a_lone_surrogate_escape_is_replaced_and_reported_and_the_folder_validates(lcg, tmp_path):
    """JSON may carry "\\ud800" alone, which no UTF-8 file can hold: written as it is, the import's own
    files would be ones lcg validate rejects."""
    import yaml

    src = tmp_path / "g.json"
    grant = {"id": "360G-t-1", "title": "Caf\\ud800 club", "currency": "GBP", "amountAwarded": 10,
             "awardDate": "2020-04-01", "recipientOrganization": [{"id": "GB-CHC-1000001", "name": "Food \\udc00Bank"}],
             "fundingOrganization": [{"id": "GB-CHC-2000002", "name": "Test Foundation"}]}
    src.write_text(json.dumps({"grants": [grant]}).replace("\\\\u", "\\u"))
    out = tmp_path / "out"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    assert "U+FFFD" in result.output and "row 1" in result.output
    own = next((out / "imports").iterdir())
    assert yaml.safe_load((own / "projects.yaml").read_text())[0]["name"] == "Caf\ufffd club"
    assert lcg("validate", "--data", out).exit_code == 0


@pytest.mark.parametrize("amount, expected", [("1e150", 1e150), ("12345678901234567890", 12345678901234567890 * 1.0)])
def test_a_huge_amount_is_written_so_that_the_folder_still_validates(lcg, tmp_path, amount, expected):
    """An amount past 2**53 stays a float: as an int 1e150 is 151 digits, which the loader refuses."""
    import yaml

    src = tmp_path / "g.csv"
    src.write_text(CSV_HEADER + _row(amount=amount))
    out = tmp_path / "out"
    assert lcg("import", "360giving", src, "-o", out).exit_code == 0
    own = next((out / "imports").iterdir())
    assert [p["funders"][0]["amount"] for p in yaml.safe_load((own / "projects.yaml").read_text())] == [expected]
    assert lcg("validate", "--data", out).exit_code == 0


def _currency_row(n: int, currency: str, amount: str = "800") -> str:
    return (f"360G-test-{n},Kit {n},Football kit,{currency},{amount},2023-09-18,GB-CHC-100000{n},Club {n},"
            "GB-CHC-2000002,Test Foundation,,,,\n")


def test_a_blank_currency_is_the_files_one_currency_with_one_warning_naming_the_rows(lcg, tmp_path):
    """A small trust's CSV of pounds left one currency cell empty ("bad currency None" refused the file)."""
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + "".join(_currency_row(n, c) for n, c in ((1, "GBP"), (2, ""), (3, "gbp"), (4, " "))))
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    assert ("warning: currency blank on rows 3 (360G-test-2), 5 (360G-test-4); used GBP, the currency of every "
            "other grant in the file") in result.output
    assert {r.props["currency"] for r in load_dataset(out).rels if r.kind == "FUNDS"} == {"GBP"}


@pytest.mark.parametrize("rows, message", [
    ([_currency_row(1, "GBP"), _currency_row(2, "USD"), _currency_row(3, "")],
     "row 4 (360G-test-3): currency is blank (the file's other grants are in GBP, USD); put the grant's ISO 4217 "
     "code there, such as GBP"),
    ([_currency_row(1, ""), _currency_row(2, "")],  # said once for the file, with the command that gives one
     "no grant gives its currency (no Currency column, or its cells blank: rows 2 (360G-test-1), 3 (360G-test-2)); "
     "if the amounts are in pounds, import with --currency GBP"),
])
def test_a_blank_currency_the_file_cannot_settle_is_a_row_error_saying_it_is_blank(lcg, tmp_path, rows, message):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + "".join(rows))
    result = lcg("import", "360giving", src, "-o", tmp_path / "data")
    assert result.exit_code == 1 and message in result.output and "None" not in result.output


def test_a_blank_currency_is_the_amounts_own_sign_before_the_files(lcg, tmp_path):
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + _currency_row(1, "GBP") + _currency_row(2, "USD") + _currency_row(3, "", '"£1,800"'))
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    assert "row 4 (360G-test-3): currency blank; GBP taken from the amount's sign" in result.output
    funds = {r.props["amount"]: r.props["currency"] for r in load_dataset(out).rels if r.kind == "FUNDS"}
    assert funds[1800] == "GBP"


def test_a_grants_sign_gives_the_files_currency_to_the_grants_with_none(lcg, tmp_path):
    """A reviewer's file with no Currency column, "£500" on one row and "700" on another, was refused as one whose
    grants give no currency ("no grant gives its currency", --skip-invalid too), though the first gives pounds by
    its sign. A currency a grant's sign gives is the file's as its Currency cell's would be: the other takes it,
    with the warning naming its row."""
    src = tmp_path / "grants.csv"
    src.write_text("Identifier,Title,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,"
                   "Funding Org:Identifier,Funding Org:Name\n"
                   "360G-x-1,Grant one,£500,2024-01-05,GB-CHC-1000001,Alpha Trust,GB-CHC-2000002,Test Foundation\n"
                   "360G-x-2,Grant two,700,2024-01-06,GB-CHC-1000002,Beta Trust,GB-CHC-2000002,Test Foundation\n",
                   encoding="utf-8")
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    assert "currency blank on row 3 (360G-x-2); used GBP, the currency of every other grant in the file" \
        in result.output, result.output
    funds = {r.props["amount"]: r.props["currency"] for r in load_dataset(out).rels if r.kind == "FUNDS"}
    assert funds == {500: "GBP", 700: "GBP"}, funds


def test_a_dollar_sign_is_any_dollars_and_no_currency_to_fill_a_blank_with(lcg, tmp_path):
    """"$" is the sign of US, Canadian, Australian... dollars: "$600" on a CAD row is read, and a blank currency
    beside "$500" is the file's one currency, not USD taken from the sign (a review's cases)."""
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + _currency_row(1, "CAD", '"$600"') + _currency_row(2, "CAD") + _currency_row(3, "",
                                                                                                          '"$500"'))
    out = tmp_path / "data"
    result = lcg("import", "360giving", src, "-o", out)
    assert result.exit_code == 0, result.output
    funds = {r.props["amount"]: r.props["currency"] for r in load_dataset(out).rels if r.kind == "FUNDS"}
    assert funds == {600: "CAD", 800: "CAD", 500: "CAD"}, funds


def test_a_repair_made_on_many_rows_is_one_warning_naming_the_rows(lcg, tmp_path):
    """A youth trial's grants file, every amount typed "£…" with its currency blank, printed 112 warnings, two for
    every row, which hid the file's others: one warning per kind of repair names its rows, as the sheet importer
    says its repairs; a repair on one row is said at that row, as before."""
    src = tmp_path / "grants.csv"
    src.write_text(CSV_HEADER + "".join(_currency_row(n, "", f'"£{n},500"') for n in range(1, 8))
                   + _currency_row(8, "GBP", "900"))
    result = lcg("import", "360giving", src, "-o", tmp_path / "data")
    assert result.exit_code == 0, result.output
    warned = [line for line in result.output.splitlines() if "warning:" in line]
    assert len(warned) == 2, warned
    assert warned[0].endswith("warning: rows 2 (360G-test-1), 3 (360G-test-2), 4 (360G-test-3), 5 (360G-test-4), "
                              "6 (360G-test-5) and 2 more: currency blank; GBP taken from the amount's sign"), warned
    assert warned[1].endswith("and 2 more: amountAwarded '£1,500' is text; read as 1500 GBP (row 2; likewise on the "
                              "others)"), warned
