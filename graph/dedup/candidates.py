"""Candidate pairs without comparing everything with everything.

Rows are TF-IDF vectors (rare terms weigh most, L2-normalised), so a sparse
product gives cosine similarity. The product is taken a chunk of rows at a
time and only each row's ``k`` best partners above ``min_sim`` are kept,
selected with array operations (no Python loop per row), so memory stays
bounded by one chunk's product (sized by its expected entries, not a fixed row
count) plus ``k x n`` pairs held as numpy arrays.
Measured against exact all-pairs in ``bench/overlaps.py``.
"""

from __future__ import annotations

__all__ = ["tfidf_matrix", "topk_arrays", "topk_pairs", "all_pairs", "row_dots", "PRODUCT_BUDGET"]


def tfidf_matrix(texts, *, analyzer: str = "word", ngram_range=(1, 1), min_df: int = 1, max_df: float = 0.5,
                 stop_words="english"):
    """Sparse L2-normalised TF-IDF rows; terms in over ``max_df`` of rows are dropped as uninformative.

    Character n-grams with no term dropped (the duplicate names' candidates) are built without
    scikit-learn, whose import alone costs seconds; the matrix is the same (``char_ngrams``).
    """
    import numpy as np

    n = len(texts)
    if analyzer == "char_wb" and min_df == 1 and ((isinstance(max_df, float) and max_df >= 1.0) or n <= 20):
        from .char_ngrams import char_wb_tfidf

        return char_wb_tfidf(texts, ngram_range)
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=analyzer, ngram_range=ngram_range, min_df=min_df,
                          max_df=max_df if n > 20 else 1.0, sublinear_tf=True, dtype=np.float32,
                          stop_words=stop_words if analyzer == "word" else None)
    try:
        return vec.fit_transform(texts)
    except ValueError:  # every text empty or only stop words
        import scipy.sparse as sp

        return sp.csr_matrix((n, 1), dtype=np.float32)


#: Product entries computed at once: the rows of a chunk are as many as keep about this many entries (each
#: costs some 20 bytes while the chunk is filtered). Names made of common 3-grams pair with most other names
#: (bench/RESULTS.md, "duplicates, speed"), so a fixed number of rows could take gigabytes.
PRODUCT_BUDGET = 16_000_000


def _chunks(matrix, right, chunk: int, budget: int):
    """(start, stop) row ranges of at most ``chunk`` rows whose product has at most about ``budget`` entries.

    A row's product entries are at most the sum, over its terms, of the rows holding each term
    (fewer when two terms reach the same row), and never more than the rows of ``right``.
    """
    import numpy as np

    df = np.diff(right.indptr).astype(np.int64)  # right is term x row: rows holding each term
    running = np.concatenate(([0], np.cumsum(df[matrix.indices])))
    sums = running[matrix.indptr[1:]] - running[matrix.indptr[:-1]]
    cost = np.minimum(sums, right.shape[1]) + 1
    total = np.cumsum(cost)
    start, n = 0, matrix.shape[0]
    while start < n:
        stop = int(np.searchsorted(total, (total[start - 1] if start else 0) + budget, side="right"))
        stop = min(max(stop, start + 1), start + chunk, n)
        yield start, stop
        start = stop


def topk_arrays(matrix, *, k: int = 10, min_sim: float = 0.1, chunk: int = 2000, other=None,
                budget: int = PRODUCT_BUDGET):
    """(i, j, sim) numpy arrays: each row's ``k`` most similar rows with cosine >= ``min_sim``.

    Without ``other``: pairs within ``matrix``, i < j, each pair once (its
    highest similarity). With ``other`` (same columns): i indexes ``matrix``,
    j indexes ``other``. Rows are taken ``chunk`` at a time, fewer when their product
    would exceed ``budget`` entries; each row's result depends on that row alone, so the
    chunks change the memory used, never the pairs.
    """
    import numpy as np

    matrix = matrix.tocsr()
    right = (matrix if other is None else other).T.tocsr()
    n = matrix.shape[0]
    parts_i, parts_j, parts_s = [], [], []
    for start, stop in _chunks(matrix, right, chunk, budget):
        block = matrix[start:stop] @ right
        kept = np.flatnonzero(block.data >= min_sim)  # the product's entries in stored order, filtered first
        rows = np.searchsorted(block.indptr, kept, side="right").astype(np.int64) - 1 + start
        cols, sims = block.indices[kept].astype(np.int64), block.data[kept]
        del block
        if other is None:
            keep = cols != rows
            rows, cols, sims = rows[keep], cols[keep], sims[keep]
        if not len(rows):
            continue
        order = np.argsort((rows - start) + (1.0 - sims.astype(np.float64)), kind="stable")  # by row, best first
        rows, cols, sims = rows[order], cols[order], sims[order]
        first = np.searchsorted(rows, rows, side="left")
        rank = np.arange(len(rows)) - first
        top = rank < k
        parts_i.append(rows[top])
        parts_j.append(cols[top])
        parts_s.append(sims[top])
    if not parts_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    i, j, s = np.concatenate(parts_i), np.concatenate(parts_j), np.concatenate(parts_s)
    if other is None:
        i, j = np.minimum(i, j), np.maximum(i, j)
        key = i * n + j
        order = np.lexsort((-s, key))
        key, i, j, s = key[order], i[order], j[order], s[order]
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        i, j, s = i[first], j[first], s[first]
    return i, j, s


def topk_pairs(matrix, *, k: int = 10, min_sim: float = 0.1, chunk: int = 2000, other=None):
    """The same pairs as :func:`topk_arrays`, as a dict {(i, j): cosine} for small inputs."""
    i, j, s = topk_arrays(matrix, k=k, min_sim=min_sim, chunk=chunk, other=other)
    return {(int(a), int(b)): float(x) for a, b, x in zip(i, j, s)}


def all_pairs(matrix, *, min_sim: float = 0.1, chunk: int = 2000):
    """Every pair with cosine >= ``min_sim``: the exact reference the top-k join is measured against."""
    return topk_pairs(matrix, k=matrix.shape[0], min_sim=min_sim, chunk=chunk)


def row_dots(matrix, i, j, chunk: int = 500_000):
    """Cosine of rows i[n] and j[n] of an L2-normalised matrix, a chunk of pairs at a time."""
    import numpy as np

    out = np.empty(len(i), dtype=np.float32)
    for start in range(0, len(i), chunk):
        a, b = i[start:start + chunk], j[start:start + chunk]
        out[start:start + chunk] = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    return out
