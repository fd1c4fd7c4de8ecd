"""The search index (graph.search._Index, used on graphs that cannot change) gives the full scan's answer.

Same nodes, same order, same matched name and score, for every limit (a limited answer is the first
``limit`` of the full scan's) and kind filter, on the seed data, the fixtures, a real 360Giving import
and generated data.
"""

from __future__ import annotations

import importlib.util
import random
import sys

import pytest

from conftest import FIXTURES, ROOT, SEED, SHARED
from graph.backends.open import open_backend
from graph.search import _folded, _prefix_range, _scan, fold, index_of, search

REAL_360 = SHARED / "data" / "360giving-covid19-multifunder" / "covid19-grants-2020-04-16.json"
LIMITS = (1, 3, 20, 0, None)
KINDS = (None, ["Organisation"], ["Person", "Place"], ["Project"])


def _queries(backend, n: int, seed: int = 1) -> list[str]:
    """Typed-looking queries: whole names and ids, their starts, word starts, middles, common words, letters."""
    rnd = random.Random(seed)
    nodes = backend.nodes()
    picked = rnd.sample(nodes, min(n, len(nodes)))
    out = ["a", "e", "of", "the", "and", "uow", "univ wolv", "fundacion cord", "university-of-wolverhampton",
           "zzz", "Córdoba", "CITY COUNCIL", "  trust  ", "-", "niversity", "ty of", "o o"]
    for node in picked:
        name = node.name
        alias = (node.props.get("aliases") or [name])[0]
        words = name.split()
        out += [name, name.upper(), alias, name[:3], name[:8], node.id, fold(node.id)[:5],
                " ".join(w[:3] for w in words[:2]), " ".join(reversed(words[:2])), name[2:9],
                max(words, key=len) if words else name]
    return out


def _same_as_the_scan(backend, queries) -> int:
    assert backend.immutable and index_of(backend) is not None
    compared = 0
    folded = [_folded(n) for n in backend.nodes()]  # once: the scan below is the one search() uses, over these
    for q in queries:
        if not fold(q):  # nothing left to look for ("-"): no answer, by design
            assert search(backend, q) == []
            continue
        for kinds in KINDS:
            want = [(m.node.id, m.score, m.matched, m.how) for m in _scan((e for e in folded if kinds is None or e[0].kind in kinds), fold(q), None)]
            for limit in LIMITS:
                got = [(m.node.id, m.score, m.matched, m.how) for m in search(backend, q, kinds=kinds, limit=limit)]
                assert got == (want[:limit] if limit else want), (q, kinds, limit)
                compared += len(got)
    return compared


@pytest.mark.parametrize("folder", [SEED, FIXTURES / "tiny", FIXTURES / "collab", FIXTURES / "dedup" / "duplicates"],
                         ids=lambda p: p.name)
def test_index_equals_the_full_scan_on_the_fixtures(folder):
    backend = open_backend(folder)
    assert _same_as_the_scan(backend, _queries(backend, 40)) > 0


@pytest.mark.skipif(not REAL_360.is_file(), reason="shared 360Giving snapshot not present")
def test_index_equals_the_full_scan_on_a_real_360giving_import(lcg, tmp_path):
    out = tmp_path / "grants"
    assert lcg("import", "360giving", REAL_360, "-o", out).exit_code == 0
    backend = open_backend(out)
    assert len(backend.nodes()) > 300
    assert _same_as_the_scan(backend, _queries(backend, 40) + ["foundation", "community", "covid", "food"]) > 0


def test_index_equals_the_full_scan_on_generated_data(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = gen
    spec.loader.exec_module(gen)
    gen.generate(tmp_path / "g", 4000, seed=3)
    backend = open_backend(tmp_path / "g")
    # generated names share many words ("University of Ashford", "Ashford City Council"): big classes,
    # where a limited answer stops early and ties between names are broken by id
    queries = _queries(backend, 40) + ["university", "council", "college", "ash", "ford", "of ash", "trust", "la"]
    assert _same_as_the_scan(backend, queries) > 0


def test_a_limited_answer_does_not_score_every_candidate(monkeypatch):
    """The point of the index: a word most names hold, limit 3, scores about 3 nodes, not all of them."""
    import graph.search as S

    backend = open_backend(SEED)
    index_of(backend)
    scored = []
    real = S._best
    monkeypatch.setattr(S, "_best", lambda q, e: scored.append(e) or real(q, e))
    common = max({w for n in backend.nodes() for w in fold(n.name).split()},
                 key=lambda w: sum(w in fold(n.name) for n in backend.nodes()))
    assert len(search(backend, common, limit=3)) == 3
    assert len(scored) == 3
    assert sum(common in fold(n.name) for n in backend.nodes()) > 3


def test_prefix_range_at_the_last_code_point():
    texts = sorted(["a", "ab", "ab\U0010ffff", "ab\U0010ffffz", "ac", "b"])
    lo, hi = _prefix_range(texts, "ab\U0010ffff")
    assert texts[lo:hi] == ["ab\U0010ffff", "ab\U0010ffffz"]
    lo, hi = _prefix_range(texts, "ab")
    assert texts[lo:hi] == ["ab", "ab\U0010ffff", "ab\U0010ffffz"]


def test_fold_takes_a_short_cut_on_ascii_with_the_same_answer():
    import re
    import unicodedata

    from graph.search import _SAME_WORD

    def slow(text):  # (then initials with stops as one word, "&" as "and", "Saint" as "St", as ``fold`` does)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
        text = re.sub(r"\b(?:\w\.){2,}", lambda m: m.group(0).replace(".", ""), text)
        text = text.replace("&", " and ")
        return " ".join(_SAME_WORD.get(w, w) for w in re.sub(r"[^\w]+", " ", text).split())

    ascii_text = "".join(chr(c) for c in range(128))
    for text in (ascii_text, "University-of-WOLVERHAMPTON", "  A.B. & Co_Ltd  ", "Café Córdoba", "Straße ǅ ﬁ"):
        assert fold(text) == slow(text), text


def test_a_negative_limit_is_refused():
    """The index and the plain scan read a negative limit differently (found in review): it is no limit."""
    from graph.errors import OutOfRange

    with pytest.raises(OutOfRange, match="limit=-1"):
        search(open_backend(SEED), "wolverhampton", limit=-1)
