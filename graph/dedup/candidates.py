"""Candidate pairs without comparing everything with everything.

Rows are TF-IDF vectors (rare terms weigh most, L2-normalised), so a sparse
product gives cosine similarity. The product is taken a chunk of rows at a
time and only each row's ``k`` best partners above ``min_sim`` are kept, so
memory stays bounded by ``chunk x n`` non-zeros and the output by ``k x n``
pairs. Measured against exact all-pairs in ``bench/overlaps.py``.
"""

from __future__ import annotations

__all__ = ["tfidf_matrix", "topk_pairs", "all_pairs"]


def tfidf_matrix(texts, *, analyzer: str = "word", ngram_range=(1, 1), min_df: int = 1, max_df: float = 0.5,
                 stop_words="english"):
    """Sparse L2-normalised TF-IDF rows; terms in over ``max_df`` of rows are dropped as uninformative."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(texts)
    vec = TfidfVectorizer(analyzer=analyzer, ngram_range=ngram_range, min_df=min_df,
                          max_df=max_df if n > 20 else 1.0, sublinear_tf=True, dtype=np.float32,
                          stop_words=stop_words if analyzer == "word" else None)
    try:
        return vec.fit_transform(texts)
    except ValueError:  # every text empty or only stop words
        import scipy.sparse as sp

        return sp.csr_matrix((n, 1), dtype="float32")


def topk_pairs(matrix, *, k: int = 10, min_sim: float = 0.1, chunk: int = 2000, other=None):
    """{(i, j): cosine} for each row's ``k`` most similar rows (i < j), cosine >= ``min_sim``.

    With ``other`` (a matrix with the same columns), pairs are (row of matrix,
    row of other) instead, for checking new items against a loaded set.
    """
    import numpy as np

    right = (matrix if other is None else other).T.tocsc()
    pairs: dict[tuple[int, int], float] = {}
    n = matrix.shape[0]
    for start in range(0, n, chunk):
        block = (matrix[start:start + chunk] @ right).tocsr()
        block.data[block.data < min_sim] = 0
        block.eliminate_zeros()
        for r in range(block.shape[0]):
            lo, hi = block.indptr[r], block.indptr[r + 1]
            if lo == hi:
                continue
            cols, sims = block.indices[lo:hi], block.data[lo:hi]
            i = start + r
            if other is None:
                keep = cols != i
                cols, sims = cols[keep], sims[keep]
            if len(cols) > k:
                top = np.argpartition(-sims, k - 1)[:k]
                cols, sims = cols[top], sims[top]
            for j, s in zip(cols.tolist(), sims.tolist()):
                key = (i, j) if other is not None or i < j else (j, i)
                if s > pairs.get(key, 0.0):
                    pairs[key] = s
    return pairs


def all_pairs(matrix, *, min_sim: float = 0.1, chunk: int = 2000):
    """Every pair with cosine >= ``min_sim``: the exact reference the top-k join is measured against."""
    return topk_pairs(matrix, k=matrix.shape[0], min_sim=min_sim, chunk=chunk)
