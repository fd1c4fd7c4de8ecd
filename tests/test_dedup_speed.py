"""The fast paths of duplicate scoring give exactly what the plain ones give, on real names.

Speed work must not change a single listed pair (bench/RESULTS.md, "duplicates, speed"), so each
bulk or re-built step is held equal to its reference here: the character n-gram matrix to
scikit-learn's, bit for bit.
"""

from __future__ import annotations

import csv

import numpy as np
import pytest

from conftest import SHARED
from graph.dedup.candidates import _heap_topk, tfidf_matrix, topk_arrays, topk_pairs, word_tfidf
from graph.dedup.char_ngrams import char_wb_tfidf
from graph.dedup.names import name_key

DATA = SHARED / "data"


def _real_names(limit: int = 400) -> list[str]:
    """A few hundred names from each labelled list: affiliations, patent applicants, Chicago sites."""
    out = []
    for path, column, encoding in (
            (DATA / "org-names-ror-affiliations" / "ror_affiliations_train.csv", "affiliation", "utf-8-sig"),
            (DATA / "org-names-patstat-nl" / "patstat_reference.csv", "person_name", "utf-8"),
            (DATA / "org-sites-chicago-early-childhood" / "chicago_sites_labelled.csv", "Site name", "utf-8")):
        with open(path, newline="", encoding=encoding) as fh:
            out += [row[column] for _, row in zip(range(limit), csv.DictReader(fh))]
    return out


def _sklearn(texts, ngram_range=(3, 3)):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range, max_df=1.0, sublinear_tf=True,
                           dtype=np.float32).fit_transform(texts)


def _assert_same_matrix(ours, theirs):
    assert ours.shape == theirs.shape
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)  # same order inside rows: same float sums later
    assert ours.data.dtype == theirs.data.dtype == np.float32
    assert np.array_equal(ours.data, theirs.data)


@pytest.mark.parametrize("keyed", [True, False], ids=["name keys", "raw names"])
def test_char_ngram_matrix_is_scikit_learns_bit_for_bit(keyed):
    names = _real_names()
    texts = [" ".join(name_key(n).tokens) for n in names] if keyed else names
    texts += ["a", "ab", "  a  b\tc ", "ÅSE Ünïversität", "a" * 40, texts[0]]  # short words, odd spaces, repeats
    _assert_same_matrix(char_wb_tfidf(texts), _sklearn(texts))
    _assert_same_matrix(char_wb_tfidf(texts, (2, 4)), _sklearn(texts, (2, 4)))


def test_duplicate_candidates_use_the_same_matrix_without_scikit_learn():
    texts = [" ".join(name_key(n).tokens) for n in _real_names(150)]
    _assert_same_matrix(tfidf_matrix(texts, analyzer="char_wb", ngram_range=(3, 3), max_df=1.0), _sklearn(texts))


def test_names_without_any_ngram_give_an_empty_matrix():
    m = tfidf_matrix(["", " ", ""], analyzer="char_wb", ngram_range=(3, 3), max_df=1.0)
    assert m.shape == (3, 1) and m.nnz == 0


def _name_matrix(limit: int = 300):
    texts = list(dict.fromkeys(" ".join(name_key(n).tokens) for n in _real_names(limit)))
    return tfidf_matrix(texts, analyzer="char_wb", ngram_range=(3, 3), max_df=1.0)


def test_top_k_pairs_do_not_depend_on_how_rows_are_chunked():
    m = _name_matrix()
    whole = topk_arrays(m, k=5, min_sim=0.3, chunk=m.shape[0], budget=10**12)
    for chunked in (topk_arrays(m, k=5, min_sim=0.3, budget=1), topk_arrays(m, k=5, min_sim=0.3, chunk=7),
                    topk_arrays(m, k=5, min_sim=0.3, budget=5_000)):
        assert all(np.array_equal(x, y) for x, y in zip(whole, chunked))
    assert len(whole[0]) > 100


def test_top_k_pairs_are_each_rows_best_by_plain_cosine():
    """The reference: every row's cosines from one dense product, its k best at or above min_sim."""
    m = _name_matrix()
    k, min_sim = 4, 0.3
    dense = (m @ m.T).toarray()
    np.fill_diagonal(dense, 0.0)
    expected: dict[tuple[int, int], float] = {}
    for i, row in enumerate(dense):
        for j in np.argsort(-row, kind="stable")[:k]:
            if row[j] >= min_sim:
                expected[(min(i, int(j)), max(i, int(j)))] = float(row[j])
    got = {(int(a), int(b)): float(s) for a, b, s in zip(*topk_arrays(m, k=k, min_sim=min_sim))}
    assert got == expected and len(got) > 100


def _assert_same_arrays(got, expected):
    assert all(x.dtype == y.dtype and np.array_equal(x, y) for x, y in zip(got, expected))


def _tied_name_matrix(limit: int = 400):
    """Real names plus, for every tenth name of several words, the same words in reverse order: the same
    3-grams, so every other name meets the two at exactly equal cosines (ties at the k-th place)."""
    texts = list(dict.fromkeys(" ".join(name_key(n).tokens) for n in _real_names(limit)))
    texts += [" ".join(reversed(t.split())) for t in texts[::10] if len(t.split()) > 1]
    return tfidf_matrix(list(dict.fromkeys(texts)), analyzer="char_wb", ngram_range=(3, 3), max_df=1.0)


@pytest.mark.parametrize("k", [1, 2, 5, 20])
def test_heap_top_k_gives_the_plain_products_pairs_on_real_names(k):
    """The C++ heap join (sparse_dot_topn) gives the plain product's pairs, cosines and order, for every k:
    the same float32 sums, and equal cosines at the k-th place ranked as the product lists them."""
    m = _tied_name_matrix(400)
    plain = topk_arrays(m, k=k, min_sim=0.3, plain=True)
    _assert_same_arrays(topk_arrays(m, k=k, min_sim=0.3), plain)
    assert len(plain[0]) > 100 * min(k, 5)


def test_heap_top_k_at_the_threshold_itself():
    """A cosine exactly at ``min_sim`` is kept, one float32 step below it is not, as in the plain product."""
    m = _name_matrix(400)
    sims = topk_arrays(m, k=20, min_sim=0.3, plain=True)[2]
    at = float(np.sort(sims)[len(sims) // 2])
    plain = topk_arrays(m, k=20, min_sim=at, plain=True)
    assert at in plain[2].tolist()
    _assert_same_arrays(topk_arrays(m, k=20, min_sim=at), plain)
    above = float(np.nextafter(np.float32(at), np.float32(2)))
    plain_above = topk_arrays(m, k=20, min_sim=above, plain=True)
    assert at not in plain_above[2].tolist()
    _assert_same_arrays(topk_arrays(m, k=20, min_sim=above), plain_above)


def test_rows_with_ties_beyond_the_heap_are_done_the_plain_way():
    """With k = 1 the heap holds 3 entries; rows whose best partners tie past it are returned unsettled
    (and taken from the plain product by topk_arrays, which the test above holds equal)."""
    m = _tied_name_matrix(400)
    right = m.T.tocsr()
    *_, unsure = _heap_topk(m, right, k=1, min_sim=0.3)
    assert len(unsure) > 0
    i, j, s, unsure20 = _heap_topk(m, right, k=20, min_sim=0.3)
    assert len(unsure20) < len(unsure) and len(i) > 1000


def test_heap_top_k_is_the_same_on_one_thread_or_several(monkeypatch):
    import graph.dedup.candidates as candidates

    m = _tied_name_matrix(200)
    runs = []
    for threads in (1, 2, 3):
        monkeypatch.setattr(candidates, "_cores", lambda threads=threads: threads)
        runs.append(topk_arrays(m, k=3, min_sim=0.3))
    _assert_same_arrays(runs[1], runs[0])
    _assert_same_arrays(runs[2], runs[0])


def test_heap_top_k_on_a_matrix_without_ngrams():
    m = tfidf_matrix(["", " ", ""], analyzer="char_wb", ngram_range=(3, 3), max_df=1.0)
    assert all(len(x) == 0 for x in topk_arrays(m, k=3, min_sim=0.3))


class _TakenForAccented(str):
    """A name that says it is not ASCII, so the fold takes its accent-stripping pass."""

    def isascii(self) -> bool:
        return False


def test_folding_skips_accent_stripping_only_where_it_changes_nothing():
    from graph.dedup.names import _fold

    names = _real_names(3000) + ["İstanbul Üniversitesi", "Société Générale S.A.", "ＡＢＣ Ltd", "Ærø Skole"]
    assert sum(not n.isascii() for n in names) > 20
    assert [_fold(n) for n in names] == [_fold(_TakenForAccented(n)) for n in names]


def test_cached_name_keys_are_the_plain_ones():
    names = _real_names(200)
    assert [name_key(n) for n in names] == [name_key.__wrapped__(n) for n in names]
    assert name_key(names[0]) is name_key(names[0])


def test_top_k_pairs_with_names_without_ngrams_anywhere():
    m = tfidf_matrix(["", "alpha beta", "", "alpha betas", "gamma", ""], analyzer="char_wb", ngram_range=(3, 3),
                     max_df=1.0)
    for budget in (1, 10**9):
        i, j, s = topk_arrays(m, k=3, min_sim=0.3, budget=budget)
        assert list(zip(i.tolist(), j.tolist())) == [(1, 3)] and s[0] > 0.5


@pytest.mark.parametrize("plain", [False, True])
def test_some_rows_top_k_are_their_part_of_the_whole_join(plain):
    """``rows=`` seeks only those rows' partners; both halves together are the whole join, pair for pair."""
    m = _tied_name_matrix()
    odd = np.arange(1, m.shape[0], 2)
    even = np.arange(0, m.shape[0], 2)
    whole = topk_pairs(m, k=5, min_sim=0.3)
    halves = topk_pairs(m, k=5, min_sim=0.3, rows=odd) | topk_pairs(m, k=5, min_sim=0.3, rows=even)
    assert halves.keys() == whole.keys() and len(whole) > 100
    part = topk_arrays(m, k=5, min_sim=0.3, rows=odd, plain=plain)
    assert len(part[0]) and all(a % 2 or b % 2 for a, b in zip(*part[:2]))  # every pair has an odd row


def test_word_matrix_is_sublinear_tf_idf_of_whole_words_with_the_kept():
    m = word_tfidf([("the", "bright", "futures"), ("bright", "bright", "trust"), ()])
    assert m.dtype == np.float32 and m.shape == (3, 4) and m[2].nnz == 0
    assert np.allclose(np.asarray(m.multiply(m).sum(axis=1)).ravel(), [1.0, 1.0, 0.0])
    dense = m.toarray()
    idf_rare, idf_bright = np.log(4 / 2) + 1, np.log(4 / 3) + 1  # "the" is kept, as rare as "trust"
    row = np.array([(1 + np.log(2)) * idf_bright, idf_rare])
    assert np.allclose(dense[1][dense[1] > 0], row / np.linalg.norm(row))


LONG_PAIRS = [  # names of LONG_NAME_WORDS words or more, one body each
    ("Centre for Education and Lifelong Learning, University of Wolverhampton, Walsall Campus",
     "Centre for Education & Lifelong Learning, Walsall Campus, University of Wolverhampton"),  # word order
    ("Wolverhampton Voluntary Sector Council Community Learning and Skills Partnership",
     "Wolverhampton Voluntary Sector Council Comunity Learning and Skills Partnership Ltd"),  # a typo, legal form
    ("Black Country Adult and Community Learning Partnership for Family Literacy",
     "Black Country Adult and Community Learning Partnersihp for Family Literacy"),  # a typo
]


def test_long_names_and_must_merge_fixtures_still_pair_among_real_names():
    """Among a thousand real names (long affiliation strings among them), the must-merge fixtures and long
    names with a typo or another word order are still candidates and still pair; the long pairs are found
    by the word join alone (neither name takes 3-gram neighbours)."""
    from test_duplicates_evidence import MUST_MERGE

    from graph.dedup.duplicates import LONG_NAME_WORDS, EntityRecord, _name_candidates, find_duplicates

    real = list(dict.fromkeys(_real_names(400)))
    # The abbreviation is left out: initials have a path of their own, unchanged, and among real names
    # "UoW" fits other universities too (ambiguous initials are no evidence).
    fixtures = [p for p in MUST_MERGE if p[1] != "UoW"] + LONG_PAIRS
    records = [EntityRecord(f"r{n}", "Organisation", name) for n, name in enumerate(real)]
    records += [EntityRecord(f"f{n}{side}", "Organisation", name)
                for n, pair in enumerate(fixtures) for side, name in zip("ab", pair)]
    found = {frozenset((p.a, p.b)) for p in find_duplicates(records)}
    for n, pair in enumerate(fixtures):
        assert frozenset((f"f{n}a", f"f{n}b")) in found, pair
    keys = list({k.tokens: k for k in (name_key(n) for n in real + [x for p in LONG_PAIRS for x in p])}.values())
    index = {k.tokens: i for i, k in enumerate(keys)}
    assert sum(len(k.tokens) >= LONG_NAME_WORDS for k in keys) > 100  # the word join is used on real names
    candidates = _name_candidates(keys, 0.3, 20)
    for a, b in LONG_PAIRS:
        i, j = sorted((index[name_key(a).tokens], index[name_key(b).tokens]))
        assert len(keys[i].tokens) >= LONG_NAME_WORDS and len(keys[j].tokens) >= LONG_NAME_WORDS
        assert (i, j) in candidates, (a, b)



def _sites_and_recipients() -> list[dict]:
    """Chicago early-childhood sites (address, ZIP, phone) and 360Giving recipients (address, postcode, website)."""
    import json

    out = []
    with open(DATA / "org-sites-chicago-early-childhood" / "chicago_sites_labelled.csv", newline="",
              encoding="utf-8") as fh:
        out += [dict(name=r["Site name"], address=r["Address"], postcode=r["Zip"], phone=r["Phone"])
                for r in csv.DictReader(fh)]
    seen = set()
    for g in json.loads((DATA / "360giving-wolfson-esmee" / "wolfson-grants.json").read_text(encoding="utf-8"))[
            "grants"]:
        for o in g["recipientOrganization"]:
            if (o["id"], o["name"]) not in seen:
                seen.add((o["id"], o["name"]))
                out.append(dict(name=o["name"], address=o.get("streetAddress"), postcode=o.get("postalCode"),
                                website=o.get("url")))
    return out


@pytest.mark.parametrize("mixed", [False, True], ids=["as written", "fields left out at random"])
def test_pairs_dropped_early_are_those_no_evidence_could_list(mixed, monkeypatch):
    """Offers the evidence cannot lift to the reporting score are dropped as they come (``_liftable``):
    the listed pairs, scores, reasons and flags are those of keeping every offer to the end, on real
    sites and recipients where addresses, phones, postcodes and websites decide pairs, as written and
    with each field (and an identifier) present or not at random."""
    import random

    from graph.dedup import duplicates as D

    rnd = random.Random(3)
    rows = _sites_and_recipients()
    for r in rows if mixed else ():
        for field in ("address", "postcode", "phone", "website"):
            if rnd.random() < 0.4:
                r[field] = None
        r["identifiers"] = ("GB-CHC-1",) if rnd.random() < 0.1 else ()
    records = [D.EntityRecord(f"x{n}", "Organisation", r["name"], website=r.get("website") or None,
                              identifiers=r.get("identifiers", ()), address=r.get("address") or None,
                              postcode=r.get("postcode") or None, phone=r.get("phone") or None)
               for n, r in enumerate(rows)]

    def listed():
        return [(p.a, p.b, p.score, p.reasons, p.exact) for p in D.find_duplicates(records)]

    fast = listed()
    liftable = D._liftable
    monkeypatch.setattr(D, "_liftable", lambda rs: (frozenset(), liftable(rs)[1]))  # no record is free
    assert fast == listed()
    assert len(fast) > 1000


def test_initials_only_fast_path_is_the_plain_one():
    from graph.dedup.names import initials_only

    names = _real_names(3000) + ["A", "a.", " B ", "A B", "A-1", "_", "__a", "1", "12", "(X)", "", " . ", "É", "Ab"]
    assert [initials_only(n) for n in names] == [initials_only(_TakenForAccented(n)) for n in names]
    assert initials_only("A.") and initials_only("_a_") and not initials_only("AB") and not initials_only("A 1")


def test_name_bound_is_never_below_the_score():
    """``name_bound`` lets scoring skip a pair only when its bound is under the line: a bound below
    ``name_similarity`` on any pair would drop a pair the score keeps. Held on the candidate pairs of real
    names (places, typos, initials, kinds of body) and on pairs made to reach each of the score's paths."""
    from collections import Counter

    from graph.dedup import weights as W
    from graph.dedup.duplicates import EntityRecord, _name_candidates
    from graph.dedup.name_bound import NameBound
    from graph.dedup.names import TokenWeights, acronyms, name_similarity
    from graph.dedup.places import PlaceWords

    names = _real_names(1500) + [
        "University of Wolverhampton", "UoW", "Univ of Wolverhampton", "Wolverhampton University",
        "Age UK Dorchester", "Age UK Colchester", "Age UK", "Ruijin Hospital", "Rui Jin Hospital",
        "Akzo Nobel Chemicals", "Akzo Nobell Chemical", "Koninklijke Philips Electronics", "Philips",
        "Netherlands Cancer Institute", "Netherland Cancer Institute", "Leeds Beckett University",
        "Leeds University", "Bilston Community Centre", "Bilston Community Council", "The Friends of Bilston",
        "Phillipsgloeilampenfabrieken", "Philips Gloeilampenfabrieken", "ABC", "Alpha Beta Corp",
        "Bilston Library", "Bilston Libraries", "City Communities", "Community City",
        # initials a name writes in capitals, spelled by the other's words, or not ("USA" ends many affiliations)
        "Black Country ICB", "NHS Black Country Integrated Care Board", "SWBH NHS Trust",
        "Sandwell and West Birmingham Hospitals NHS Trust", "Harvard Medical School, Boston, USA",
        "Harvard Medical School, Boston", "RWT Community Services", "Royal Wolverhampton NHS Trust Community Services",
        # two letters a club ends with, and a short name a body gives itself in brackets
        "Penn C.C.", "Penn Cricket Club", "Sport Across Staffordshire and Stoke-on-Trent (SASSOT)", "SASSOT",
        "C&W Chamber of Commerce", "Coventry & Warwickshire Chamber of Commerce", "JQ BID", "Jewellery Quarter BID"]
    keys = list({name_key(n).tokens: name_key(n) for n in names if name_key(n).tokens}.values())
    weight = TokenWeights(keys)
    places = PlaceWords.of([EntityRecord(str(n), "Organisation", x) for n, x in enumerate(names)])
    ambiguous = frozenset(a for a, n in Counter(a for k in keys for a in acronyms(k)).items() if n > 1)
    pairs = sorted(_name_candidates(keys, W.DUPLICATE_MIN_CANDIDATE, W.DUPLICATE_TOP_K))
    pairs += [(i, j) for i in range(len(keys) - 46, len(keys)) for j in range(len(keys) - 46, len(keys)) if i != j]
    bound = NameBound(keys, weight, places).bound
    scores = [(bound(i, j), name_similarity(keys[i], keys[j], weight, ambiguous, places)[0]) for i, j in pairs]
    assert len(scores) > 3000
    assert all(most >= score for most, score in scores), [(keys[i].raw, keys[j].raw, m, s) for (i, j), (m, s) in zip(pairs, scores) if m < s][:5]
    assert sum(most == score for most, score in scores) > len(scores) / 3  # a bound, and a close one
