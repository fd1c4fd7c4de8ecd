"""Character n-gram TF-IDF rows of names, built with numpy and scipy alone.

Why not scikit-learn's ``TfidfVectorizer(analyzer="char_wb")``, which gives the
same matrix: importing scikit-learn takes about a second on a quiet machine and
three on a busy one, which is most of the time budget for duplicate names
(bench/RESULTS.md, "duplicates, speed"). This module builds the very same
matrix, bit for bit: the same n-grams (each word padded with one space), the
same sorted vocabulary, the same column order inside each row (by
first appearance of the n-gram in the data), the same float32 arithmetic for sublinear tf and smoothed idf, and
the same L2 norm (squares summed in row order in double precision). Equal
matrices give equal cosines and so equal candidate pairs; a test holds the two
equal on real names (tests/test_dedup_speed.py).
"""

from __future__ import annotations

import re

__all__ = ["char_wb_tfidf"]

_WHITE_SPACES = re.compile(r"\s\s+")


def _word_ngrams(word: str, min_n: int, max_n: int) -> list[str]:
    """The n-grams of one space-padded word, as scikit-learn's ``_char_wb_ngrams`` lists them."""
    w = " " + word + " "
    w_len = len(w)
    out = []
    for n in range(min_n, max_n + 1):
        offset = 0
        out.append(w[offset:offset + n])
        while offset + n < w_len:
            offset += 1
            out.append(w[offset:offset + n])
        if offset == 0:  # a short word (w_len < n) counts once
            break
    return out


def _row_l2_normalise(data, indptr):
    """Each row divided by its L2 norm, summed in row order in double precision (as scikit-learn does).

    The sum runs over the p-th entry of every row at once, p = 0, 1, ..., so each row's
    squares are added in the order they are stored, as a sequential loop would add them.
    """
    import numpy as np

    n = len(indptr) - 1
    lengths = np.diff(indptr)
    squares = data * data  # float32 products, as in the C loop
    sums = np.zeros(n, dtype=np.float64)
    starts = indptr[:-1]
    for p in range(int(lengths.max(initial=0))):
        rows = np.flatnonzero(lengths > p)
        sums[rows] += squares[starts[rows] + p]
    norms = np.sqrt(sums)
    norms[sums == 0.0] = 1.0  # empty rows stay as they are
    out = data.astype(np.float64) / np.repeat(norms, lengths)
    return out.astype(data.dtype)


def char_wb_tfidf(texts, ngram_range=(3, 3)):
    """Sparse CSR float32 rows: ``TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range,
    sublinear_tf=True, dtype=np.float32, max_df=1.0, min_df=1).fit_transform(texts)``, without scikit-learn.

    Texts with no n-gram at all give an all-zero matrix of one column (as ``tfidf_matrix`` does when
    scikit-learn finds an empty vocabulary).
    """
    import numpy as np
    import scipy.sparse as sp

    min_n, max_n = ngram_range
    vocabulary: dict[str, int] = {}
    word_ids: dict[str, list[int]] = {}  # word -> its n-grams' vocabulary ids (names repeat their words)
    flat: list[int] = []  # every n-gram's first-seen id, document after document
    ends = []
    for doc in texts:
        for word in _WHITE_SPACES.sub(" ", doc.lower()).split():
            ids = word_ids.get(word)
            if ids is None:
                ids = word_ids[word] = [vocabulary.setdefault(g, len(vocabulary))
                                        for g in _word_ngrams(word, min_n, max_n)]
            flat.extend(ids)
        ends.append(len(flat))
    n = len(ends)
    if not vocabulary:
        return sp.csr_matrix((n, 1), dtype=np.float32)
    # (document, first-seen id) pairs, counted and sorted by document then id: scikit-learn's sort_indices
    doc_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(np.asarray([0] + ends, dtype=np.int64)))
    keys, counts = np.unique(doc_of * len(vocabulary) + np.asarray(flat, dtype=np.int64), return_counts=True)
    rows, first_seen = np.divmod(keys, len(vocabulary))
    order = np.empty(len(vocabulary), dtype=np.int32)  # first-seen id -> column in sorted vocabulary
    for column, (_, seen) in enumerate(sorted(vocabulary.items())):
        order[seen] = column
    index_dtype = np.int32 if len(keys) < 2**31 else np.int64
    cols = order.take(first_seen).astype(index_dtype)
    ptr = np.zeros(n + 1, dtype=index_dtype)
    np.cumsum(np.bincount(rows, minlength=n), out=ptr[1:])
    data = counts.astype(np.float32)
    df = np.bincount(cols, minlength=len(vocabulary)).astype(np.float32) + 1.0
    idf = np.full_like(df, fill_value=n + 1, dtype=np.float32)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    np.log(data, data)
    data += 1.0
    data *= idf[cols]
    data = _row_l2_normalise(data, ptr)
    return sp.csr_matrix((data, cols, ptr), shape=(n, len(vocabulary)))
