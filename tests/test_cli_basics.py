"""`lcg stats`, `show`, `search`, `--version`, `--help`: what a coordinator types first."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys


from conftest import FIXTURES, ROOT, SEED

TINY = FIXTURES / "tiny"


def test_stats_counts_by_kind_in_every_format(lcg):
    rows = json.loads(lcg("stats", "--data", TINY, "--format", "json").stdout)
    counts = {(r["type"], r["kind"]): r["count"] for r in rows}
    assert counts[("node", "Organisation")] == 3
    assert counts[("node", "Report")] == 0
    assert counts[("relationship", "PARTNER_IN")] == 3
    assert counts[("relationship", "MEMBER_OF")] == 2
    assert counts[("total", "relationships")] == 9
    table = lcg("stats", "--data", TINY).stdout.splitlines()
    assert table[0].split() == ["type", "kind", "count"]
    assert ["node", "Organisation", "3"] in [line.split() for line in table]
    parsed = list(csv.DictReader(io.StringIO(lcg("stats", "--data", TINY, "--format", "csv").stdout)))
    assert {r["kind"]: r["count"] for r in parsed if r["type"] == "node"}["Person"] == "1"


def test_show_lists_fields_relationships_and_sources(lcg):
    result = lcg("show", "university-of-example", "--data", TINY, "--format", "json")
    info = json.loads(result.stdout)
    assert info["kind"] == "Organisation"
    assert info["fields"]["aliases"] == ["UoE"]
    assert info["sources"] == ["https://example.org/about"]
    ties = {(t["direction"], t["relationship"], t["other_id"], t.get("role")) for t in info["relationships"]}
    assert ties == {
        ("out", "MEMBER_OF", "example-learning-network", None),
        ("out", "PARTNER_IN", "example-learning-network", "partner"),
        ("out", "PARTNER_IN", "digital-skills-study", "lead"),
        ("in", "WORKS_FOR", "ada-researcher", "researcher"),
    }
    text = lcg("show", "university-of-example", "--data", TINY).stdout
    assert text.startswith("University of Example  [Organisation]  id: university-of-example")
    assert re.search(r"^  sources: +https://example.org/about$", text, re.M)


def test_show_accepts_a_name_or_alias(lcg):
    for given in ("University of Example", "uoe"):
        info = json.loads(lcg("show", given, "--data", TINY, "--format", "json").stdout)
        assert info["id"] == "university-of-example"


def test_unknown_id_is_one_line_with_closest_ids(lcg):
    result = lcg("show", "university-of-exampel", "--data", TINY)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: no node with id or name 'university-of-exampel'; closest: university-of-example "
        f"(try `lcg search university-of-exampel --data {TINY}`)"]


def test_ambiguous_name_lists_candidates(lcg):
    result = lcg("show", "example", "--data", TINY)
    assert result.exit_code == 1
    assert "matches several nodes" in result.stderr
    # the two names it begins, and the one it is a word of: part of a name names no one record ("U3A" began
    # one of seven U3As' names, and `lcg show U3A` showed that one)
    assert result.stderr.strip() == ("Error: 'example' matches several nodes: example-city-council, "
                                     "example-learning-network, university-of-example; give one of these ids "
                                     f"(try `lcg search example --data {TINY}`)")
    assert lcg("search", "example", "--data", TINY).exit_code == 0  # the hint works when pasted


def test_search_ignores_case_and_accents_best_first(lcg):
    rows = json.loads(lcg("search", "fundacion CORDOBA", "--data", TINY, "--format", "json").stdout)
    assert rows[0]["id"] == "fundacion-cordoba" and rows[0]["name"] == "Fundación Córdoba"
    rows = json.loads(lcg("search", "example", "--data", TINY, "--format", "json").stdout)
    assert [r["id"] for r in rows][:1] == ["example-city-council"]  # prefix match beats a word match
    assert {r["id"] for r in rows} >= {"university-of-example", "example-learning-network"}
    rows = json.loads(lcg("search", "example", "--kind", "network", "--data", TINY, "--format", "json").stdout)
    assert [r["id"] for r in rows] == ["example-learning-network"]


def test_data_folder_from_environment(lcg):
    """LCG_DATA names the folder: the counts are the tiny fixture's, not the default seed_data's."""
    result = lcg("stats", "--format", "json", env={"LCG_DATA": str(TINY)})
    assert result.exit_code == 0
    named = lcg("stats", "--format", "json", "--data", TINY)
    default = lcg("stats", "--format", "json", "--data", SEED)
    assert json.loads(result.stdout) == json.loads(named.stdout) != json.loads(default.stdout)


def test_an_explicit_data_folder_wins_over_neo4j_uri_from_the_environment(lcg):
    """With NEO4J_URI exported (as for `lcg load`), `--data DIR` still reads DIR; nothing listens on port 1,
    so asking the server would fail."""
    env = {"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "unused"}
    result = lcg("stats", "--format", "json", "--data", TINY, env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout == lcg("stats", "--format", "json", "--data", TINY).stdout
    assert "Neo4j" not in result.stderr
    # without --data on the command line the environment's server is asked (and named when it fails)
    result = lcg("stats", env={**env, "LCG_DATA": str(TINY)})
    assert result.exit_code == 1 and "127.0.0.1:1" in result.stderr


def test_version(lcg):
    from graph import __version__

    assert lcg("--version").stdout.strip() == f"lcg, version {__version__}"


def test_every_command_has_an_example_in_its_help(lcg):
    from cli import main

    for name in main.list_commands(None):
        text = lcg(name, "--help").stdout
        assert "Example" in text and f"lcg {name}" in text, name


def test_help_imports_no_heavy_module():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import sys; sys.argv=['lcg','--help']; "
                           "import cli; cli.main()"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line}
    assert "click" in imported  # the measurement works
    heavy = imported & {"networkx", "pyvis", "neo4j", "pandas", "sklearn", "scipy", "numpy", "igraph", "yaml",
                        "jinja2", "rapidfuzz"}
    assert not heavy, f"`lcg --help` imports {sorted(heavy)}"


def test_cache_is_used_and_never_stale(tmp_path, lcg):
    import shutil

    shutil.copytree(TINY, tmp_path / "data")
    first = json.loads(lcg("stats", "--data", tmp_path / "data", "--format", "json").stdout)
    assert any(os.scandir(os.environ["LCG_CACHE_DIR"]))
    people = tmp_path / "data" / "people.yaml"
    people.write_text(people.read_text() + "- id: bob\n  name: Bob\n")
    second = json.loads(lcg("stats", "--data", tmp_path / "data", "--format", "json").stdout)
    count = lambda rows: {r["kind"]: r["count"] for r in rows if r["type"] == "node"}["Person"]
    assert (count(first), count(second)) == (1, 2)
    assert len(list(os.scandir(os.environ["LCG_CACHE_DIR"]))) == 1  # the old entry was replaced


def test_search_in_a_narrow_terminal_keeps_ids_whole_and_says_where_each_is(lcg, tmp_path, monkeypatch):
    """A trial's 80-column search cut the id ("royal-wolverham…"), the value `decide` needs, and ten "Boots"
    had nothing to tell them apart: the ids stay whole, and a record's town and postcode are shown."""
    import cli

    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: the-royal-wolverhampton-nhs-trust, name: The Royal Wolverhampton NHS Trust}\n"
        "- {id: boots-pharmacy-mander-centre, name: Boots, address: 'Unit 28, Mander Centre, Wolverhampton', "
        "postcode: WV1 3NH}\n"
        "- {id: boots-pharmacy-high-street, name: Boots, address: '126 High Street, Stourbridge'}\n")
    monkeypatch.setattr(cli, "table_width", lambda: 80)
    out = lcg("search", "Boots", "--data", data).stdout
    assert "boots-pharmacy-mander-centre" in out and "Wolverhampton, WV1 3NH" in out and "Stourbridge" in out, out
    out = lcg("search", "Royal Wolverhampton", "--data", data).stdout
    assert "the-royal-wolverhampton-nhs-trust" in out and "where" not in out, out
    # names, ids and places too long for one line of 80: a record per match, each whole (a schools trial's table
    # showed "Univers…" beside cut ids for seven University of Wolverhampton records)
    (data / "organisations.yaml").write_text("".join(
        f"- {{id: university-of-wolverhampton-{unit.lower().replace(' ', '-')}, name: University of Wolverhampton - "
        f"{unit}, address: 'Wulfruna Street, Wolverhampton', postcode: WV1 1LY}}\n"
        for unit in ("Business School", "Institute of Education", "School of Art")))
    out = lcg("search", "University of Wolverhampton", "--data", data).stdout
    for unit in ("Business School", "Institute of Education", "School of Art"):
        assert f"University of Wolverhampton - {unit}" in out, out
        assert f"university-of-wolverhampton-{unit.lower().replace(' ', '-')}" in out, out
    assert max(map(len, out.splitlines())) <= 80, out


def test_search_finds_a_record_by_its_registry_number(lcg, tmp_path):
    """A trial's analyst searched "01672070", a company's number, and found nothing; the number as written in the
    list (its leading zero dropped) finds it too, and so does `lcg show` when one record holds it."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: jlr, name: Jaguar Land Rover Ltd, identifiers: [GB-COH-01672070]}\n"
        "- {id: jlr-holdings, name: Jaguar Land Rover Holdings Ltd, identifiers: [GB-COH-06477691]}\n")
    for asked in ("01672070", "1672070", "GB-COH-01672070"):
        out = lcg("search", asked, "--data", data).stdout
        assert "jlr " in out and "jlr-holdings" not in out and "GB-COH-01672070" in out, (asked, out)
    assert lcg("show", "01672070", "--data", data).stdout.startswith("Jaguar Land Rover Ltd")


def test_search_finds_saint_as_st_and_initials_written_with_stops():
    """A trial's "saint peter" did not find "St Peter's Church", nor "WEA" the "W.E.A.": both sides fold so."""
    from graph.search import fold

    assert fold("Saint Peter") == fold("St. Peter") == "st peter"
    assert fold("W.E.A.") == "wea" and fold("Saintfield") == "saintfield"


def test_stats_says_a_folder_without_dataset_yaml_is_a_folder(lcg, tmp_path):
    """A skills trial's `lcg stats --data DATA` printed a bare "DATA" above its counts."""
    data = tmp_path / "DATA"
    data.mkdir()
    (data / "organisations.yaml").write_text("- {id: a, name: A}\n", encoding="utf-8")
    assert lcg("stats", "--data", data).stderr.startswith("data folder DATA (no dataset.yaml names the dataset)")


def test_search_reads_a_name_with_or_without_its_apostrophe_and_says_when_more_match(lcg, tmp_path):
    """Three trials' searches: "St Edmunds" missed "St Edmund's", "Princes Trust" the "Prince's Trust" (and the other
    way round), "Kings School" "The King's CE School"; and 20 of 34 matches were shown with no sign of the rest."""
    from graph.search import fold

    assert fold("St Edmund's") == fold("St Edmunds") == fold("St. Edmund\u2019s") == "st edmunds"
    assert fold("'Quoted'") == "quoted"
    assert fold("Université d'Angers") == "universite d angers" and fold("O'Neill") == "o neill"  # no possessive
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: pt, name: Prince's Trust}\n- {id: pt2, name: Princes Trust}\n"
        + "".join(f"- {{id: club-{n}, name: Club {n} Wolverhampton}}\n" for n in range(25)), encoding="utf-8")
    for asked in ("Princes Trust", "Prince's Trust", "Prince\u2019s Trust"):
        out = lcg("search", asked, "--data", data, "--format", "json").stdout
        assert {m["id"] for m in json.loads(out)} == {"pt", "pt2"}, (asked, out)
    result = lcg("search", "club", "--data", data)
    assert "the first 20 matches shown; more match: --limit 0 for all" in result.stderr, result.stderr
    assert "more match" not in lcg("search", "club", "--limit", "0", "--data", data).stderr
    assert "more match" not in lcg("search", "princes", "--data", data).stderr


def test_a_name_several_records_share_is_one_line_whatever_their_addresses(lcg, tmp_path):
    """A review's find: an imported address keeps its line break, and the candidates' list ran over lines."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: boots-a, name: Boots, address: \"12 Dudley St\\nWolverhampton\", postcode: WV1 3ER}\n"
        "- {id: boots-b, name: Boots, address: 126 High Street}\n", encoding="utf-8")
    result = lcg("show", "Boots", "--data", data)
    (line,) = [x for x in result.output.splitlines() if x.strip()]
    assert result.exit_code == 1 and "boots-a (12 Dudley St Wolverhampton, WV1 3ER)" in line, line


def test_search_reads_ordinals_and_ampersands_and_no_short_query_inside_a_word(lcg, tmp_path):
    """A youth trial's "1st Penn Scouts" did not find "First Penn Scout Group"; a faith trial's "RC" listed every
    church (it is inside "chuRCh"): a short query finds names it begins a word of, and "1st" is "First"."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: first-penn, name: First Penn Scout Group}\n- {id: st-marys, name: St Mary's Church}\n"
        "- {id: st-peters-rc, name: St Peter's RC Church}\n- {id: bgc, name: Boys and Girls Club Walsall}\n")
    out = lcg("search", "1st Penn Scout", "--data", data, "--format", "json").stdout
    assert [m["id"] for m in json.loads(out)] == ["first-penn"], out
    out = lcg("search", "RC", "--data", data, "--format", "json").stdout
    assert [m["id"] for m in json.loads(out)] == ["st-peters-rc"], out
    out = lcg("search", "Boys & Girls", "--data", data, "--format", "json").stdout
    assert [m["id"] for m in json.loads(out)] == ["bgc"], out
    out = lcg("search", "hurch", "--data", data, "--format", "json").stdout  # four letters: inside a word too
    assert len(json.loads(out)) == 2, out


def test_search_finds_a_name_written_with_its_words_apart_or_together(lcg, tmp_path):
    """A food trial's `lcg search foodbank` found none of eleven "... Food Bank" records, and "Walsall Foodbank"
    missed "Walsall Food Bank": spaces dropped from both, a query of four letters or more inside a name is found,
    ranked after every other kind of match."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: wfb, name: Walsall Food Bank}\n- {id: dfb, name: Dudley Foodbank}\n- {id: fbc, name: Food Bank Cafe}\n"
        "- {id: sm, name: St Mary's Church}\n")
    out = json.loads(lcg("search", "foodbank", "--data", data, "--format", "json").stdout)
    assert [m["id"] for m in out] == ["dfb", "fbc", "wfb"] and out[0]["score"] > out[1]["score"], out
    out = json.loads(lcg("search", "Walsall Foodbank", "--data", data, "--format", "json").stdout)
    assert [m["id"] for m in out] == ["wfb"], out
    out = json.loads(lcg("search", "rc h", "--data", data, "--format", "json").stdout)  # under four letters joined
    assert out == [], out


def test_search_finds_a_name_by_its_initials(lcg, tmp_path):
    """A research trial's `lcg search UoW` did not find the University of Wolverhampton, nor a community safety
    trial's `lcg search wmfs` the West Midlands Fire Service's stations, though `lcg duplicates` reads both: a query
    of three to six letters finds the names whose first words it is the initials of, with or without "of", "the",
    ranked after every other kind of match; two letters find none so (too many names)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: wlv, name: University of Wolverhampton}\n- {id: wo, name: UoW Students}\n"
        "- {id: st, name: West Midlands Fire Service - Bilston Fire Station}\n"
        "- {id: ns, name: National Society for the Prevention of Cruelty to Children}\n"
        "- {id: wmp, name: West Midlands Police}\n")
    for query, ids in (("UoW", ["wo", "wlv"]), ("wmfs", ["st"]), ("NSPCC", ["ns"]), ("wm", [])):
        out = json.loads(lcg("search", query, "--data", data, "--format", "json").stdout)
        assert [m["id"] for m in out] == ids, (query, out)


def test_where_a_record_is_shows_the_town_of_an_address_ending_in_its_country(lcg, tmp_path):
    """A research trial's delegates list wrote "Glasgow, UK": every record was shown as in "UK" (107 of them), in
    `lcg search`, in `lcg duplicates` and in the candidates of an ambiguous name."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisations.yaml").write_text(
        "- {id: g, name: University of Glasgow, address: 'Glasgow, UK'}\n"
        "- {id: s, name: Seoul National University, address: 'Gwanak-ro 1, Seoul, Republic of Korea'}\n"
        "- {id: w, name: Walsall College, address: 'Littleton Street West, Walsall', postcode: WS2 8ES}\n")
    out = json.loads(lcg("search", "university", "--data", data, "--format", "json").stdout)
    assert {m["id"]: m["where"] for m in out} == {"g": "Glasgow, UK", "s": "Seoul, Republic of Korea"}, out
    out = json.loads(lcg("search", "walsall", "--data", data, "--format", "json").stdout)
    assert [m["where"] for m in out] == ["Walsall, WS2 8ES"], out
