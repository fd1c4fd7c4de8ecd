"""The words of a project that say what *this* project does, and nothing else.

Two grants are evidence of overlapping work only through words specific to
them. Three kinds of shared words are not such evidence, and are dropped from
each project's words before any comparison:

* a funder's or programme's own vocabulary: a word used by at least
  ``PROGRAMME_WORD_SHARE`` of the grants of one funder, commissioner or
  programme (and by at least ``PROGRAMME_WORD_MIN`` of them) belongs to its
  template ("COVID19 Emergency food bank funding", "Merit Award of *** per annum
  ... under the Wolfson Royal Society Research Merit Awards"), not to the
  project. Only contexts with at least ``PROGRAMME_MIN_GRANTS`` projects are
  judged: with fewer, a template cannot be told from two grants for one thing;
* names: the words of the names of the project's own partners (the recipient),
  funders, commissioners and programmes ("Grant to <recipient>");
* the words every grant uses (``GRANT_WORDS``: grant, funding, core, support,
  covid...) and English stop words.

A project's distinctive words therefore depend only on the project and on the
records that share a funder, commissioner or programme with it; never on the
rest of the folder, a filter, or another funder's file. Two projects'
similarity is the cosine of their distinctive word *sets* (no corpus weights),
so a pair's score is stable in the same way (issue 11; tests/test_overlaps_kinds.py).
"""

from __future__ import annotations

import re
import unicodedata

from . import weights as W

__all__ = ["words", "name_words", "DistinctiveWords", "GRANT_WORDS"]

#: Words that describe grant-making itself rather than the work paid for, in any funder's grants.
GRANT_WORDS = frozenset("""
grant grants granted fund funds funded funding funder award awarded awards towards toward support supports supported
supporting provide provides providing provision help helping helps core cost costs unrestricted running organisation
organisations organization charity charities project projects programme programmes program scheme work working
emergency crisis response respond responding covid covid19 covid-19 coronavirus pandemic virus outbreak lockdown
cv19 ongoing continue continued continuing enable enabling additional new also including include year years month
months per annum total contribution contributing made paid via ref reference round people vulnerable
community lock period
""".split())

_TOKEN = re.compile(r"[a-z0-9]+(?:[&'][a-z0-9]+)*")


def _fold(text: str) -> str:
    if text.isascii():  # most grant text: no accents to take off
        return text.lower()
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _key(word: str) -> str:
    """The comparison form of a word: a plain plural compares equal to its singular."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> dict[str, str]:
    """{comparison key: first spelling} of the content words of ``text`` (stop words and grant words left out)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    out: dict[str, str] = {}
    for w in _TOKEN.findall(_fold(text)):
        w = w.replace("'s", "").strip("'")
        if len(w) < 2 or w.isdigit() or w in ENGLISH_STOP_WORDS or w in GRANT_WORDS:
            continue
        out.setdefault(_key(w), w)
    return out


def name_words(names) -> frozenset:
    """Comparison keys of the words of some names (a recipient, a funder, a programme)."""
    return frozenset(_key(w) for n in names for w in _TOKEN.findall(_fold(str(n or ""))))


class DistinctiveWords:
    """Each project's distinctive words, given every record it might share a funder or programme with.

    ``records``: ProjectRecords (the whole graph, before any filter, so that a
    filter changes nothing); ``names``: id -> name of every node.
    """

    def __init__(self, records, names):
        from collections import Counter, defaultdict

        records = list(records)
        self.names = names
        self.raw: dict[str, dict[str, str]] = {}
        self._names: dict[str, frozenset] = {}
        df: dict[str, Counter] = defaultdict(Counter)
        size: Counter = Counter()
        for r in records:
            self._add_raw(r, names)
            for c in self.contexts(r):
                size[c] += 1
                df[c].update(self.raw[r.id].keys())
        self.common: dict[str, frozenset] = {
            c: frozenset(w for w, n in df[c].items()
                         if n >= W.PROGRAMME_WORD_MIN and n >= W.PROGRAMME_WORD_SHARE * size[c])
            for c in size if size[c] >= W.PROGRAMME_MIN_GRANTS}
        self.size = dict(size)

    @staticmethod
    def contexts(r) -> frozenset:
        """What may give a project a template: its funders, commissioners and programmes."""
        return r.payers | r.programmes

    def _add_raw(self, r, names) -> None:
        self.raw[r.id] = words(r.text)
        self._names[r.id] = name_words(names.get(i, i) for i in r.partners | r.payers | r.programmes)

    def add(self, r, names) -> None:
        """A record not among those given (a proposal): its words, judged by the contexts already known."""
        self._add_raw(r, names)

    def programme_words(self, r) -> frozenset:
        """The project's words that are its funders' or programmes' vocabulary."""
        out: set = set()
        for c in self.contexts(r):
            out |= self.common.get(c, frozenset())
        return frozenset(out) & frozenset(self.raw[r.id])

    def of(self, r) -> dict[str, str]:
        """{key: spelling} of the project's distinctive words."""
        drop = self.programme_words(r) | self._names[r.id]
        return {k: v for k, v in self.raw[r.id].items() if k not in drop}

    def matrix(self, records):
        """Sparse rows (L2-normalised binary) of the distinctive words: row products are cosines of the word sets."""
        import numpy as np
        import scipy.sparse as sp

        vocab: dict[str, int] = {}
        indptr, indices = [0], []
        for r in records:
            for k in self.of(r):
                indices.append(vocab.setdefault(k, len(vocab)))
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.float32)
        m = sp.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
                          shape=(len(indptr) - 1, max(1, len(vocab))))
        norms = np.sqrt(np.diff(m.indptr)).astype(np.float32)
        norms[norms == 0] = 1.0
        return sp.diags(1.0 / norms) @ m
