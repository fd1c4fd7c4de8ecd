"""An import checks its new files against a cached summary of the rest of the folder (graph/importers/rest_check.py).

What must hold: it never writes what ``lcg validate`` would reject, and when it refuses,
it reports exactly the problems ``lcg validate`` reports on the folder with the files written;
caches keyed by file contents are never stale; a re-import of unchanged data parses nothing.
"""

from __future__ import annotations

import os
import shutil

import pytest

from graph.dataset import check_dataset
from graph.importers import rest_check, yaml_out
from graph.importers.yaml_out import FolderIndex, ImportInvalid, write_import, yaml_text
from graph.sources import Source

OWN = "imports/test-import"

HAND = {
    "organisations.yaml": """\
- id: alpha-trust
  name: Alpha Trust
  identifiers: [GB-CHC-1111111]
  member_of:
    - id: imported-network
      since: 2019
- id: beta-college
  name: Beta College
""",
    "places.yaml": """\
- id: region-a
  name: Region A
- id: town-b
  name: Town B
  located_in: region-a
""",
    "projects.yaml": """\
- id: hand-project
  name: Hand Project
  sources: [hand-notes]
""",
    "sources.yaml": """\
- key: hand-notes
  title: Notes by hand
""",
}

#: The import's entries when all is well: a network that a hand-written organisation is a member of.
GOOD = {
    "Network": [{"id": "imported-network", "name": "Imported Network", "members": [{"id": "alpha-trust"}]}],
    "Project": [{"id": "imported-project", "name": "Imported Project", "partners": [{"id": "beta-college", "role": "lead"}],
                 "located_in": ["town-b"], "sources": ["grants.json"]}],
}


def _folder(tmp_path, hand=HAND):
    folder = tmp_path / "data"
    folder.mkdir(parents=True)
    for name, text in hand.items():
        (folder / name).write_text(text)
    return folder


def _write(folder, entries):
    source = Source(key="grants.json", title="Grants file grants.json", kind="360Giving data file", file="grants.json")
    return write_import(FolderIndex(folder, OWN), entries, command="lcg import test", source=source)


def _validate(folder):
    """The problems ``lcg validate`` finds (as text)."""
    _, problems = check_dataset(folder)
    return [str(p) for p in problems]


def _with(**changes):
    out = {k: [dict(e) for e in v] for k, v in GOOD.items()}
    for kind, entries in changes.items():
        out[kind] = entries
    return out


def test_a_good_import_passes_the_summary_check_and_the_folder_validates(tmp_path, monkeypatch):
    import graph.dataset as dataset

    folder = _folder(tmp_path)
    whole = []
    original = dataset._check_dataset
    monkeypatch.setattr(dataset, "_check_dataset", lambda *a, **k: whole.append(1) or original(*a, **k))
    written = _write(folder, GOOD)
    assert written and not whole  # decided by the summary check alone
    monkeypatch.undo()
    assert _validate(folder) == []


BROKEN = {
    "duplicate id": _with(Project=[{"id": "hand-project", "name": "Same id as a hand-written project"}]),
    "unknown id": _with(Project=[{"id": "imported-project", "name": "P", "partners": [{"id": "nobody-here"}]}]),
    "wrong kind": _with(Project=[{"id": "imported-project", "name": "P", "located_in": ["alpha-trust"]}]),
    "tie written twice, different values": _with(
        Network=[{"id": "imported-network", "name": "N", "members": [{"id": "alpha-trust", "since": "2020"}]}]),
    "loop through a hand-written tie": _with(Place=[{"id": "imported-place", "name": "Imported Place",
                                                     "located_in": ["town-b"]}]),
    "unknown source": _with(Project=[{"id": "imported-project", "name": "P", "sources": ["no-such-source"]}]),
    "bad field value": _with(Project=[{"id": "imported-project", "name": "P", "start": "2021-05-01",
                                       "end": "2020-01-01"}]),
    "tie to itself": _with(Network=[{"id": "imported-network", "name": "N", "members": ["alpha-trust"],
                                     "part_of": ["imported-network"]}]),
}


def _loop_hand():
    hand = dict(HAND)
    hand["places.yaml"] = HAND["places.yaml"].replace("- id: region-a\n  name: Region A\n",
                                                      "- id: region-a\n  name: Region A\n  located_in: imported-place\n")
    return hand


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_import_reports_what_lcg_validate_reports_on_the_written_folder(tmp_path, case):
    hand = _loop_hand() if case.startswith("loop") else HAND
    folder = _folder(tmp_path, hand)
    if case.startswith("loop"):  # the hand file needs the import's place: import it once without the loop
        assert _write(folder, {**GOOD, "Place": [{"id": "imported-place", "name": "Imported Place"}]})
        assert _validate(folder) == []
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    entries = BROKEN[case]
    with pytest.raises(ImportInvalid) as refused:
        _write(folder, entries)
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before  # nothing written
    reported = [str(p) for p in refused.value.errors]
    # The same files written without the check: what `lcg validate` says about them.
    for kind, es in entries.items():
        path = folder / yaml_out._own_kind_file(OWN, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml_text(es, kind, "lcg import test"))
    for name in {yaml_out._own_kind_file(OWN, k) for k in ("Network", "Place", "Project")} - {
            yaml_out._own_kind_file(OWN, k) for k in entries}:
        (folder / name).unlink(missing_ok=True)
    if "grants.json" not in (folder / "sources.yaml").read_text():
        with open(folder / "sources.yaml", "a") as fh:
            fh.write("\n- key: grants.json\n  title: Grants file grants.json\n  kind: 360Giving data file\n"
                     "  file: grants.json\n")
    assert reported and reported == _validate(folder)


def test_the_summary_check_alone_refuses_every_broken_case(tmp_path):
    """Not only the whole-folder fallback: the summary check itself says no (else the import would write)."""
    folder = _folder(tmp_path)
    index = FolderIndex(folder, OWN)
    known = {"hand-notes", "grants.json"}
    for case, entries in BROKEN.items():
        if case.startswith(("loop", "hand file")):
            continue  # need a folder state of their own; covered by the test above
        new = {yaml_out._own_kind_file(OWN, k): (k, es) for k, es in entries.items()}
        assert not rest_check.new_files_pass(index.rest, new, known), case
    good = {yaml_out._own_kind_file(OWN, k): (k, es) for k, es in GOOD.items()}
    assert rest_check.new_files_pass(index.rest, good, known)
    assert not rest_check.new_files_pass(index.rest, good, {"grants.json"})  # the hand project cites hand-notes


def test_a_folder_broken_before_the_import_is_validated_whole(tmp_path):
    hand = dict(HAND)
    hand["projects.yaml"] = HAND["projects.yaml"] + "- id: second\n  name: Second\n  start: 2020-13-01\n"
    folder = _folder(tmp_path, hand)
    assert not FolderIndex(folder, OWN).rest.clean
    with pytest.raises(ImportInvalid) as refused:
        _write(folder, GOOD)
    assert [str(p) for p in refused.value.errors] == [p for p in _validate(folder) if "second" in p]


def _same_size_same_mtime(path, old: str, new: str):
    st = path.stat()
    text = path.read_text()
    assert len(old) == len(new) and old in text
    path.write_text(text.replace(old, new))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns


def test_an_edit_keeping_size_and_mtime_is_seen(tmp_path):
    folder = _folder(tmp_path)
    assert _write(folder, GOOD)
    index = FolderIndex(folder, OWN)
    assert index.org_by_identifier["GB-CHC-1111111"] == "alpha-trust" and "beta-college" in index.rest.kinds
    _same_size_same_mtime(folder / "organisations.yaml", "GB-CHC-1111111", "GB-CHC-2222222")
    _same_size_same_mtime(folder / "organisations.yaml", "beta-college", "gamma-colleg")
    index = FolderIndex(folder, OWN)
    assert index.org_by_identifier.get("GB-CHC-2222222") == "alpha-trust"
    assert "GB-CHC-1111111" not in index.org_by_identifier
    assert "gamma-colleg" in index.rest.kinds and "beta-college" not in index.rest.kinds
    assert index.parsed["organisations.yaml"][1]["id"] == "gamma-colleg"  # the parse cache too
    with pytest.raises(ImportInvalid):  # the import's partner is gone: the summary must know it
        _write(folder, {k: [dict(e) for e in v] for k, v in GOOD.items()} | {
            "Network": [{"id": "imported-network", "name": "Imported Network (renamed)",
                         "members": [{"id": "alpha-trust"}]}]})


def test_a_reimport_of_unchanged_data_parses_no_yaml(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    assert _write(folder, GOOD)
    import graph.yaml_files

    real = graph.yaml_files.parse

    def no_parse(text):  # sources.yaml, rewritten by the import, holds no entries and may be parsed
        assert "- id:" not in text, "parsed a data file a cache holds"
        return real(text)

    monkeypatch.setattr(graph.yaml_files, "parse", no_parse)
    assert _write(folder, GOOD) == []  # nothing written: the files are up to date
    changed = {k: [dict(e) for e in v] for k, v in GOOD.items()}
    changed["Network"][0]["name"] = "Imported Network, renamed"
    assert _write(folder, changed)  # a changed import: its own files come from the cache the last import left
    monkeypatch.undo()
    assert _validate(folder) == []


def test_floats_are_written_so_that_yaml_reads_them_back(tmp_path):
    import yaml

    entries = [{"id": "p", "name": "P", "funders": [{"id": "f", "amount": v}]} for v in (1e16, 2.5e-7, 25000.5, 3.0)]
    assert yaml.load(yaml_text(entries, "Project", "x"), Loader=yaml.CSafeLoader) == entries


def test_the_summary_is_recomputed_when_the_checking_code_changes(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    first = rest_check._key([f for f in FolderIndex(folder, OWN).files if f.name != "sources.yaml"])
    monkeypatch.setattr("graph.loading._code_stamp", lambda: "another validator")
    assert rest_check._key([f for f in FolderIndex(folder, OWN).files if f.name != "sources.yaml"]) != first


def test_real_seed_data_import_keeps_deciding_by_summary(tmp_path):
    """The seed data is clean, so a good import into it is decided without validating the folder whole."""
    from conftest import SEED

    folder = tmp_path / "seed"
    shutil.copytree(SEED, folder)
    index = FolderIndex(folder, OWN)
    assert index.rest.clean and len(index.rest.kinds) > 50


def test_a_folder_an_earlier_command_loaded_is_not_parsed_again(tmp_path, monkeypatch):
    """The first import into a folder reads it from the graph any earlier command cached (graph/loading.py)."""
    import graph.yaml_files
    from graph.loading import open_graph

    hand = {**HAND, "organisations.yaml": HAND["organisations.yaml"].replace(
        "  member_of:\n    - id: imported-network\n      since: 2019\n", "  part_of: beta-college\n")}
    folder = _folder(tmp_path, hand)
    open_graph(folder)
    real = graph.yaml_files.parse

    def no_parse(text):
        assert "- id:" not in text, "parsed a data file an earlier command had loaded"
        return real(text)

    monkeypatch.setattr(graph.yaml_files, "parse", no_parse)
    index = FolderIndex(folder, OWN)
    monkeypatch.undo()
    parsed = rest_check._summarise([f for f in index.files if f.name != "sources.yaml"], index.parsed,
                                   yaml_out._lookups(), yaml_out.index_entry)
    from_graph = index.rest
    assert from_graph.kinds == parsed.kinds and from_graph.clean and parsed.clean
    assert from_graph.lookups == parsed.lookups
    assert not parsed.open_ties and not parsed.hierarchy  # no open tie: no loop can pass through the rest
    assert not from_graph.hierarchy  # with no open tie, no loop can pass through them
    known = {"hand-notes", "grants.json"}
    for case, entries in BROKEN.items():
        if not case.startswith(("loop", "hand file", "tie written twice")):
            new = {yaml_out._own_kind_file(OWN, k): (k, es) for k, es in entries.items()}
            assert not rest_check.new_files_pass(from_graph, new, known), case
    loop = {yaml_out._own_kind_file(OWN, "Organisation"): ("Organisation", [
        {"id": "imported-org", "name": "I", "part_of": ["alpha-trust"]}])}
    assert rest_check.new_files_pass(from_graph, loop, known)
    assert _write(folder, {k: v for k, v in GOOD.items() if k == "Project"})
    assert _validate(folder) == []


def test_a_single_identifier_or_alias_written_as_text_is_looked_up(tmp_path):
    """``identifiers: GB-CHC-1111111`` is valid (a list of one); the look-ups must not read it letter by letter."""
    from graph.loading import open_graph

    orgs = HAND["organisations.yaml"].replace("  member_of:\n    - id: imported-network\n      since: 2019\n", "")
    hand = {**HAND, "organisations.yaml": orgs.replace(
        "  identifiers: [GB-CHC-1111111]\n", "  identifiers: GB-CHC-1111111\n  aliases: The Alpha\n")}
    for via_graph in (False, True):
        folder = _folder(tmp_path / str(via_graph), hand)
        if via_graph:
            open_graph(folder)
        index = FolderIndex(folder, OWN)
        assert index.org_by_identifier.get("GB-CHC-1111111") == "alpha-trust", via_graph
        assert "G" not in index.org_by_identifier
        assert index.org_by_name.get("alpha") == "alpha-trust"  # "The Alpha", normalised


def test_an_entry_of_the_previous_run_that_a_hand_file_names_is_written_again_and_reported(tmp_path):
    """A hand file names an entry of the import's previous run that this run would not write: the entry is
    kept as it was (dropping it would break the hand file and refuse the import) and named in the result."""
    folder = _folder(tmp_path)
    assert _write(folder, GOOD)
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    index = FolderIndex(folder, OWN)
    # the network is no longer imported, but alpha-trust's member_of names it: it stays, so nothing changes
    assert write_import(index, {"Project": GOOD["Project"]}, command="lcg import test") == []
    assert index.kept_for_others == ["imported-network"]
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before
    assert _validate(folder) == []
