"""`graph.describe.show_node` pages: each kind's ties in slices, with totals, equal to the full answer cut up.

The full answer (no ``limit``) is what `lcg show` prints and is unchanged; a page
(``limit``/``offset``/``relationship``, what `lcg serve` asks) must hold exactly the
full answer's ties of each kind, in its order, so paging through loses and repeats nothing.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SEED


def _nodes(backend):
    return [n.id for n in backend.nodes()]


@pytest.mark.parametrize("keep_from", [1000, 1], ids=["sorted-each-time", "order-kept"])
@pytest.mark.parametrize("folder", [SEED, FIXTURES / "collab", FIXTURES / "dedup" / "overlaps"], ids=lambda p: p.name)
def test_pages_cut_the_full_answer_per_kind(folder, keep_from, monkeypatch):
    """``keep_from=1``: every group keeps its sorted order between pages (as a hub's does), so the kept path is
    the one read on every later page."""
    from graph import describe
    from graph.backends.open import open_backend
    from graph.describe import show_node

    monkeypatch.setattr(describe, "_KEEP_FROM", keep_from)

    backend = open_backend(str(folder))
    checked = 0
    for node_id in _nodes(backend):
        full = show_node(backend, node_id)
        assert "relationship_groups" not in full  # what `lcg show` prints stays as it was
        everything = show_node(backend, node_id, limit=0)
        assert sorted(map(repr, everything["relationships"])) == sorted(map(repr, full["relationships"]))
        assert sum(g["total"] for g in everything["relationship_groups"]) == len(full["relationships"])
        for g in everything["relationship_groups"]:
            want = [r for r in full["relationships"] if r["relationship"] == g["relationship"]]
            got, offset = [], 0
            while True:
                page = show_node(backend, node_id, limit=2, offset=offset, relationship=g["relationship"].lower())
                (group,) = page["relationship_groups"]
                assert group == {"relationship": g["relationship"], "total": len(want), "offset": offset,
                                 "count": len(page["relationships"])}
                if not page["relationships"]:
                    break
                got += page["relationships"]
                offset += 2
            assert got == want
            checked += 1
        if keep_from == 1 and any(g["total"] > 2 for g in everything["relationship_groups"]):
            assert any(key[0] == node_id for key in describe._SORTED[backend])
        first = show_node(backend, node_id, limit=1)
        assert [g["count"] for g in first["relationship_groups"]] == [1] * len(first["relationship_groups"])
    assert checked > 10


def test_paging_arguments_are_checked():
    from graph.backends.open import open_backend
    from graph.describe import show_node
    from graph.errors import BadOption, OutOfRange

    backend = open_backend(str(SEED))
    with pytest.raises(BadOption, match="relationship='FUNDZ' is not a relationship kind"):
        show_node(backend, "university-of-wolverhampton", limit=5, relationship="FUNDZ")
    with pytest.raises(OutOfRange, match="limit=-1"):
        show_node(backend, "university-of-wolverhampton", limit=-1)
    with pytest.raises(OutOfRange, match="offset=-2"):
        show_node(backend, "university-of-wolverhampton", limit=5, offset=-2)


def test_cli_pages_and_says_what_is_left(lcg):
    import json

    out = lcg("show", "university-of-wolverhampton", "--limit", "2", "--data", SEED, "--format", "json")
    info = json.loads(out.stdout)
    part_of = [g for g in info["relationship_groups"] if g["relationship"] == "PART_OF"]
    assert part_of == [{"relationship": "PART_OF", "total": 7, "offset": 0, "count": 2}]
    table = lcg("show", "university-of-wolverhampton", "--relationship", "PART_OF", "--offset", "6", "--data", SEED)
    assert table.exit_code == 0 and "Relationships (1)" in table.stdout
    table = lcg("show", "university-of-wolverhampton", "--relationship", "PART_OF", "--limit", "3", "--data", SEED)
    assert "PART_OF: 1-3 of 7 shown; --offset 3 for more" in table.stderr
    bad = lcg("show", "university-of-wolverhampton", "--relationship", "FUNDZ", "--data", SEED)
    assert bad.exit_code == 2 and "'--relationship'" in bad.stderr and "Traceback" not in bad.stderr
