"""sources.yaml: every `sources` key resolves to a document people can read, and its title is what they see.

Checked on the real seed_data, and on small folders written here where a key goes missing, an entry is
broken or a title is hostile (the map inserts titles as text and links only http(s) URLs).
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEED

KEY = "004_f3aad13fcfad5a6b.txt"


def test_every_seed_sources_key_has_an_entry():
    from graph.dataset import load_dataset
    from graph.sources import is_url, read_sources

    known = read_sources(SEED)
    assert known and all(s.title for s in known.values())
    ds = load_dataset(SEED)
    cited = {s for x in ds.nodes + ds.rels for s in x.props.get("sources", ())}
    assert {s for s in cited if not is_url(s)} <= set(known)
    assert set(known) <= cited, f"entries no fact cites: {sorted(set(known) - cited)}"


@pytest.fixture
def seed_copy(tmp_path):
    folder = tmp_path / "seed"
    shutil.copytree(SEED, folder)
    return folder


def test_validate_names_a_key_with_no_entry_and_the_closest_keys(seed_copy, lcg):
    text = (seed_copy / "sources.yaml").read_text(encoding="utf-8")
    (seed_copy / "sources.yaml").write_text(text.replace(f"- key: {KEY}", "- key: 004_f3aad13fcfad5a6c.txt"),
                                            encoding="utf-8")
    result = lcg("validate", "--data", seed_copy)
    assert result.exit_code != 0
    assert f"'{KEY}' is not a key of sources.yaml (closest: 004_f3aad13fcfad5a6c.txt)" in result.output
    lines = [ln for ln in result.output.splitlines() if KEY in ln]
    assert any(ln.startswith(str(seed_copy / "networks.yaml") + ":") and "uk-learning-city-network" in ln
               for ln in lines), lines


def test_a_url_source_needs_no_entry_and_a_broken_entry_is_reported_with_its_line(seed_copy, lcg):
    places = seed_copy / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace(
        "- id: osan\n  name: Osan\n  type: city\n  sources: [001_b0e830f65fbfb7a9.txt]",
        "- id: osan\n  name: Osan\n  type: city\n  sources: [001_b0e830f65fbfb7a9.txt, https://example.org/osan]"),
        encoding="utf-8")
    assert lcg("validate", "--data", seed_copy).exit_code == 0
    with open(seed_copy / "sources.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n- key: extra.txt\n  titel: Misspelt\n")
    result = lcg("validate", "--data", seed_copy)
    assert result.exit_code != 0
    assert "sources.yaml" in result.output and "unknown field 'titel'" in result.output \
        and "did you mean 'title'?" in result.output and "missing required field 'title'" in result.output


def test_a_folder_without_sources_yaml_keeps_free_text_sources(seed_copy, lcg):
    (seed_copy / "sources.yaml").unlink()
    assert lcg("validate", "--data", seed_copy).exit_code == 0


def test_an_edited_sources_yaml_is_not_answered_from_the_cache(seed_copy, lcg):
    assert lcg("validate", "--data", seed_copy).exit_code == 0
    assert lcg("stats", "--data", seed_copy).exit_code == 0  # the cache now holds this folder
    text = (seed_copy / "sources.yaml").read_text(encoding="utf-8")
    (seed_copy / "sources.yaml").write_text(text.replace(f"- key: {KEY}", "- key: gone.txt"), encoding="utf-8")
    assert lcg("stats", "--data", seed_copy).exit_code != 0


def test_show_names_sources_by_title(lcg):
    text = lcg("show", "uk-learning-city-network", "--data", SEED).stdout
    assert "sources: The Learning City - Toolkit" in text and KEY not in text.split("Relationships")[0]
    info = json.loads(lcg("show", "uk-learning-city-network", "--data", SEED, "--format", "json").stdout)
    assert info["sources"] == [KEY]  # JSON keeps the key ...
    assert info["source_titles"] == [{"key": KEY, "title": "The Learning City - Toolkit", "url": ""}]


def test_exports_carry_source_titles(tmp_path, lcg):
    out = tmp_path / "csv"
    assert lcg("export", "--format", "csv", "-o", f"{out}/", "--data", SEED).exit_code == 0
    header, *rows = (out / "nodes.csv").read_text(encoding="utf-8").splitlines()
    assert "source_titles:string[]" in header.split(",")
    assert any(r.startswith("uk-learning-city-network,") and "The Learning City - Toolkit" in r for r in rows)
    assert lcg("export", "--format", "graphml", "-o", tmp_path / "g.graphml", "--data", SEED).exit_code == 0
    assert "About Wolverhampton City Learning Region" in (tmp_path / "g.graphml").read_text(encoding="utf-8")


def _hostile_folder(tmp_path):
    folder = tmp_path / "hostile-sources"
    folder.mkdir()
    (folder / "organisations.yaml").write_text(
        "- id: org-a\n  name: Org A\n  sources: [page-a.txt, page-b.txt]\n"
        "- id: org-b\n  name: Org B\n  sources: [page-b.txt]\n", encoding="utf-8")
    (folder / "sources.yaml").write_text(
        "- key: page-a.txt\n  title: \"<img src=x onerror=alert(1)>Page A\"\n  url: https://example.org/a?x=1&y=2\n"
        "- key: page-b.txt\n  title: Page B\n  url: \"javascript:alert(2)\"\n", encoding="utf-8")
    return folder


def test_map_payload_gives_titles_and_urls(tmp_path):
    from graph.backends.open import open_backend
    from graph.sources import read_sources, parse_sources
    from visualise.html_map import build_payload

    folder = _hostile_folder(tmp_path)
    # a javascript: URL is not a URL to this file: it is reported, and not read as one
    _, problems = parse_sources([{"key": "k", "title": "t", "url": "javascript:alert(2)"}])
    assert [p.message.split(":")[0] for p in problems] == ["url"]
    (folder / "sources.yaml").write_text((folder / "sources.yaml").read_text().replace('"javascript:alert(2)"',
                                                                                       "https://example.org/b"))
    payload = build_payload(open_backend(folder).graph, title="t", caption=[], sources=read_sources(folder))
    titles = {payload["strings"][int(i)]: v for i, v in payload["sourceTitles"].items()}
    assert titles == {"page-a.txt": ["<img src=x onerror=alert(1)>Page A", "https://example.org/a?x=1&y=2"],
                      "page-b.txt": ["Page B", "https://example.org/b"]}


def test_map_details_show_titles_as_text_and_link_only_web_urls(tmp_path):
    from test_map_support import need_chromium

    need_chromium()
    from graph.backends.open import open_backend
    from graph.sources import Source
    from tools.browser import open_map
    from visualise.html_map import write_map

    folder = _hostile_folder(tmp_path)
    (folder / "sources.yaml").unlink()  # its javascript: URL would not validate
    # given straight to the map (as another reader might): an unsafe URL must still not become a link
    sources = {"page-a.txt": Source("page-a.txt", "<img src=x onerror=alert(1)>Page A", url="https://example.org/a"),
               "page-b.txt": Source("page-b.txt", "Page B", url="javascript:alert(2)")}
    path = write_map(open_backend(folder).graph, tmp_path / "m.html", sources=sources)
    with open_map(path) as mp:
        mp.page.fill("#search", "Org A")
        mp.page.press("#search", "Enter")
        details = mp.page.inner_text("#details")
        assert "<img src=x onerror=alert(1)>Page A" in details and "Page B" in details
        assert "page-a.txt" not in details
        hrefs = mp.evaluate("() => [...document.querySelectorAll('#details a')].map(a => a.getAttribute('href'))")
        assert hrefs == ["https://example.org/a"]
        assert mp.evaluate("() => document.querySelectorAll('img').length") == 0
        assert mp.dialogs == [] and mp.page_errors == []


def test_imported_data_cites_its_file_once_registered(seed_copy, lcg):
    """Importing into a folder with sources.yaml registers the file imported (graph.sources.register_source)."""
    from conftest import SHARED
    from graph.sources import Source, read_sources, register_source

    grants = SHARED / "data" / "360giving-covid19-multifunder" / "covid19-grants-2020-04-16.json"
    assert lcg("import", "360giving", grants, "-o", seed_copy).exit_code == 0
    assert lcg("validate", "--data", seed_copy).exit_code == 0
    registered = read_sources(seed_copy)[grants.name]
    assert registered.file == grants.name and "360Giving" in registered.title
    assert lcg("import", "360giving", grants, "-o", seed_copy).exit_code == 0
    assert (seed_copy / "sources.yaml").read_text().count(f"key: {grants.name}") == 1  # once
    entry = Source("another.json", "Other grants", publisher="360Giving", kind="dataset", file="another.json")
    assert register_source(seed_copy, entry) is True
    assert register_source(seed_copy, entry) is False
    assert read_sources(seed_copy)["another.json"] == entry
