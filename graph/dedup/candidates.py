"""Candidate pairs without comparing everything with everything.

Rows are TF-IDF vectors (rare terms weigh most, L2-normalised), so a sparse
product gives cosine similarity. Pairs within one matrix come from a C++
product that keeps a heap of each row's ``k`` best (``sparse_dot_topn``): no
product is held, and the pairs are the plain path's (bench/RESULTS.md,
"duplicates, speed, second pass"). The plain path takes the product a chunk of
rows at a time and keeps each row's ``k`` best partners above ``min_sim``,
selected with array operations (no Python loop per row), so memory stays
bounded by one chunk's product (sized by its expected entries, not a fixed row
count) plus ``k x n`` pairs held as numpy arrays.
Measured against exact all-pairs in ``bench/overlaps.py``.
"""

from __future__ import annotations

__all__ = ["tfidf_matrix", "word_tfidf", "topk_arrays", "topk_pairs", "all_pairs", "row_dots", "PRODUCT_BUDGET"]


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


def _best_per_row(rows, cols, sims, k: int):
    """Each row's ``k`` best entries, best first, ties kept in the order given (the product's order).

    ``rows`` ascending; the sort key is ``row + 1 - sim`` in float64, exact for float32 cosines while
    rows stay below 2**26."""
    import numpy as np

    order = np.argsort(rows + (1.0 - sims.astype(np.float64)), kind="stable")  # by row, best first
    rows, cols, sims = rows[order], cols[order], sims[order]
    first = np.searchsorted(rows, rows, side="left")
    top = (np.arange(len(rows)) - first) < k
    return rows[top], cols[top], sims[top]


def _plain_topk(matrix, right, rows, *, k: int, min_sim: float, same: bool, chunk: int, budget: int):
    """(i, j, sim) parts for ``rows`` (all when None) from the whole sparse product, a chunk of rows at a time."""
    import numpy as np

    sub = matrix if rows is None else matrix[rows]
    index = np.arange(matrix.shape[0], dtype=np.int64) if rows is None else rows
    for start, stop in _chunks(sub, right, chunk, budget):
        block = sub[start:stop] @ right
        kept = np.flatnonzero(block.data >= min_sim)  # the product's entries in stored order, filtered first
        local = np.searchsorted(block.indptr, kept, side="right").astype(np.int64) - 1
        cols, sims = block.indices[kept].astype(np.int64), block.data[kept]
        del block
        if same:
            keep = cols != index[start + local]
            local, cols, sims = local[keep], cols[keep], sims[keep]
        if len(local):
            local, cols, sims = _best_per_row(local, cols, sims, k)
            yield index[start + local], cols, sims


def _cores() -> int:
    """The cores this process may run on: rows are independent, so the heap join shares them out
    (the same result whatever the number of threads)."""
    from ..cores import usable_cores

    return usable_cores()


def _heap_topk(matrix, right, *, k: int, min_sim: float, budget: int = PRODUCT_BUDGET, rows=None):
    """(i, j, sim) of each row's ``k`` best, from ``sparse_dot_topn`` (the product row by row in C++,
    keeping a heap of the best per row instead of every entry), and the rows it cannot settle.

    Its sums are scipy's (same float32 terms in the same order) and it returns a row's kept entries
    in the product's order (``sort=False``), so equal cosines are ranked as the plain path ranks them.
    Its heap holds ``2k + 1`` entries (the row itself among them) and drops one of several equal
    smallest ones, whichever its layout puts first; a row whose ``k``-th best partner is not above the heap's smallest kept
    value may have lost a tie that way, and is returned to be done the plain way. Rows are taken
    ``budget // (2k + 1)`` at a time: a call holds a heap per row. With ``rows`` (ascending row
    numbers), only those rows' partners among all rows are sought; numbers returned are the matrix's.

    Its threads each take an equal run of a call's rows (OpenMP's static schedule), and names' costs grow along
    the matrix (at 100k records the later half of the short names' rows held 6.2 of 11.7 billion products, and
    the first thread sat idle for the difference: bench/RESULTS.md, "Duplicates at 100k, session 19"); so a call
    is given its rows dealt out, every ``threads``-th row to one run. Each row's answer is its own (its heap and
    sums are cleared for each row), and the rows are put back in order before anything is read.
    """
    import numpy as np
    from sparse_dot_topn import sp_matmul_topn

    index = None if rows is None else np.asarray(rows, dtype=np.int64)
    left = matrix if index is None else matrix[index]
    n = left.shape[0]
    top_n = 2 * k + 1
    below = np.nextafter(np.float32(min_sim), np.float32(-np.inf))  # the heap keeps values above it
    below = np.nextafter(below, np.float32(-np.inf))  # and one step more: the filter below decides
    step = max(1, budget // top_n)  # each call holds rows x top_n entries
    threads = _cores()
    parts_c, parts_s, parts_n, parts_r = [], [], [], []
    for start in range(0, n, step):
        dealt = np.arange(start, min(start + step, n), dtype=np.int64)
        if threads > 1:
            dealt = np.concatenate([dealt[t::threads] for t in range(threads)])
        found = sp_matmul_topn(left[dealt], right, top_n=top_n, threshold=float(below), sort=False,
                               n_threads=threads)
        parts_r.append(dealt)
        parts_n.append(np.diff(found.indptr))
        parts_c.append(found.indices[:found.indptr[-1]])  # an empty product comes with one stray entry
        parts_s.append(found.data[:found.indptr[-1]])
    dealt, found_n = np.concatenate(parts_r), np.concatenate(parts_n)
    rows = np.repeat(dealt, found_n)  # (each row's entries side by side, in the order the product gave them)
    counts = np.zeros(n, dtype=found_n.dtype)
    counts[dealt] = found_n
    cols, sims = np.concatenate(parts_c).astype(np.int64), np.concatenate(parts_s)
    smallest = np.full(n, np.inf, dtype=np.float32)
    np.minimum.at(smallest, rows, sims)
    other = cols != (rows if index is None else index[rows])
    r, c, s = _best_per_row(rows[other], cols[other], sims[other], k)
    kth = np.full(n, -np.inf, dtype=np.float32)
    last = np.ones(len(r), dtype=bool)
    last[:-1] = r[1:] != r[:-1]
    kth[r[last]] = s[last]
    per_row = np.bincount(r, minlength=n)
    unsure = (counts == top_n) & (per_row >= k) & ~(kth > smallest)
    keep = ~unsure[r] & (s >= min_sim)
    if index is None:
        return r[keep], c[keep], s[keep], np.flatnonzero(unsure)
    return index[r[keep]], c[keep], s[keep], index[np.flatnonzero(unsure)]


def topk_arrays(matrix, *, k: int = 10, min_sim: float = 0.1, chunk: int = 2000, other=None,
                budget: int = PRODUCT_BUDGET, plain: bool = False, rows=None):
    """(i, j, sim) numpy arrays: each row's ``k`` most similar rows with cosine >= ``min_sim``.

    Without ``other``: pairs within ``matrix``, i < j, each pair once (its
    highest similarity). With ``other`` (same columns): i indexes ``matrix``,
    j indexes ``other``. Each row's result depends on that row alone. Pairs within
    one float32 matrix come from :func:`_heap_topk` (bench/RESULTS.md, "duplicates, speed");
    otherwise, and for the rows it leaves, rows are taken ``chunk`` at a time, fewer when
    their product would exceed ``budget`` entries; the chunks change the memory used, never the pairs.
    ``plain=True`` takes every row the plain way: the reference the fast path is held equal to
    (tests/test_dedup_speed.py). ``rows`` (without ``other``): only those rows' ``k`` best among all
    rows are sought (a pair with a row outside them is still found from their side); each of those
    rows gets what it gets with ``rows=None``.
    """
    import numpy as np

    matrix = matrix.tocsr()
    right = (matrix if other is None else other).T.tocsr()
    n = matrix.shape[0]
    parts = []
    if not plain and other is None and matrix.dtype == np.float32 and 0 < 2 * k + 1 < n:  # else a heap keeps all
        i, j, s, rest = _heap_topk(matrix, right, k=k, min_sim=min_sim, budget=budget, rows=rows)
        parts.append((i, j, s))
        if len(rest):
            parts += _plain_topk(matrix, right, rest, k=k, min_sim=min_sim, same=True, chunk=chunk, budget=budget)
    else:
        rows = None if rows is None or other is not None else np.asarray(rows, dtype=np.int64)
        parts += _plain_topk(matrix, right, rows, k=k, min_sim=min_sim, same=other is None, chunk=chunk,
                             budget=budget)
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    i, j, s = (np.concatenate(x) for x in zip(*parts))
    if other is None:
        i, j = np.minimum(i, j), np.maximum(i, j)
        key = i * n + j
        order = np.lexsort((-s, key))
        key, i, j, s = key[order], i[order], j[order], s[order]
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        i, j, s = i[first], j[first], s[first]
    return i, j, s


def topk_pairs(matrix, *, k: int = 10, min_sim: float = 0.1, chunk: int = 2000, other=None, rows=None):
    """The same pairs as :func:`topk_arrays`, as a dict {(i, j): cosine} for small inputs."""
    i, j, s = topk_arrays(matrix, k=k, min_sim=min_sim, chunk=chunk, other=other, rows=rows)
    return {(int(a), int(b)): float(x) for a, b, x in zip(i, j, s)}


def word_tfidf(token_lists):
    """Sparse L2-normalised float32 TF-IDF rows of whole words (sublinear tf, smoothed idf, no word dropped).

    For names already cut into words (the name keys' tokens): no stop words, since "The" is an ordinary
    word of a name, and no scikit-learn, whose import alone costs seconds (``char_ngrams``).
    """
    import numpy as np
    import scipy.sparse as sp

    from .char_ngrams import _row_l2_normalise

    vocab: dict[str, int] = {}
    indptr, indices, counts = [0], [], []
    for tokens in token_lists:
        seen: dict[int, int] = {}
        for t in tokens:
            col = vocab.setdefault(t, len(vocab))
            seen[col] = seen.get(col, 0) + 1
        indices += seen
        counts += seen.values()
        indptr.append(len(indices))
    n = len(indptr) - 1
    cols = np.asarray(indices, dtype=np.int32)
    ptr = np.asarray(indptr, dtype=np.int64)
    if not len(cols):
        return sp.csr_matrix((n, 1), dtype=np.float32)
    df = np.bincount(cols, minlength=len(vocab))
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    data = (np.log(np.asarray(counts, dtype=np.float32)) + np.float32(1.0)) * idf[cols]
    return sp.csr_matrix((_row_l2_normalise(data, ptr), cols, ptr), shape=(n, len(vocab)))


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
