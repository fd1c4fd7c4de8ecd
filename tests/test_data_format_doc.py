"""docs/data-format.md is generated from the schema, and its example is a valid, complete data folder."""

from __future__ import annotations

import re

from conftest import ROOT

from graph import schema
from tools.format_doc import EXAMPLE, render


def test_committed_doc_matches_the_schema():
    committed = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/data-format.md is stale: run `python -m tools.format_doc > docs/data-format.md`"


def test_doc_names_every_field_slot_and_relationship():
    doc = render()
    for kind in schema.NODE_KINDS.values():
        assert f"## {kind.name} (`{kind.file}`)" in doc
        for f in kind.fields:
            assert f"| `{f.name}` |" in doc
    for slot in schema.SLOTS:
        assert f"| `{slot.key}` | " in doc
    for rel in schema.REL_KINDS.values():
        assert f"### {rel.name}" in doc


def _write_example(folder):
    for name, text in EXAMPLE.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_example_validates_and_uses_every_node_kind_and_relationship_kind(tmp_path, lcg):
    _write_example(tmp_path)
    result = lcg("validate", "--data", tmp_path)
    assert result.exit_code == 0, result.output
    from graph.dataset import load_dataset

    dataset = load_dataset(tmp_path)
    nodes, rels = dataset.counts()
    assert set(nodes) == set(schema.NODE_KINDS)
    assert set(rels) == set(schema.REL_KINDS)


def test_example_uses_every_slot(tmp_path):
    """A slot missing from the example is a slot a reader never sees written."""
    import yaml

    used = set()
    for name, text in EXAMPLE.items():
        kind = schema.kind_for_file(name)
        for entry in yaml.safe_load(text):
            used |= {(kind, key) for key in entry if key in schema.slots_of(kind)}
    missing = {(s.owner, s.key) for s in schema.SLOTS} - used
    assert not missing, f"slots absent from the doc's example: {sorted(missing)}"


def test_example_blocks_in_doc_are_the_example():
    doc = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"`([a-z]+\.yaml)`:\n\n```yaml\n(.*?)\n```", doc, flags=re.S)
    assert {n: t + "\n" for n, t in blocks} == EXAMPLE
