"""Finding nodes by what people type: names, abbreviations, accents optional.

Used by ``lcg search`` and wherever a command accepts an id, so that
"Universite de Cork", "uow" and "university-of-wolverhampton" all find their node.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
import threading
import unicodedata
import weakref
from dataclasses import dataclass

from .backends.base import Backend, NodeRecord
from .errors import AmbiguousName, UnknownNode

__all__ = ["fold", "search", "resolve", "Match"]

_SCORES = {"id": 1.0, "exact": 0.95, "prefix": 0.8, "words": 0.7, "substring": 0.6}


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces: the form both sides are compared in."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@dataclass(frozen=True)
class Match:
    node: NodeRecord
    score: float
    matched: str
    how: str


def _folded(node: NodeRecord) -> tuple:
    """(node, its id folded, [(name, name folded)] for its name and aliases): what matching compares."""
    return node, fold(node.id), [(n, fold(n)) for n in (node.name, *node.props.get("aliases", ()))]


def _best(query: str, entry: tuple) -> Match | None:
    node, id_folded, names = entry
    if id_folded == query or node.id == query:
        return Match(node, _SCORES["id"], node.id, "id")
    best = None
    q_words = query.split()
    for name, f in names:
        if f == query:
            how = "exact"
        elif f.startswith(query):
            how = "prefix"
        elif all(any(w.startswith(qw) for w in f.split()) for qw in q_words):
            how = "words"
        elif query in f:
            how = "substring"
        else:
            continue
        if best is None or _SCORES[how] > best.score:
            best = Match(node, _SCORES[how], name, how)
    return best


class _Index:
    """Every node's id and names, folded once, as one text: a query first finds the lines holding its
    longest word (``str.find``, C speed), and only those nodes are scored by ``_best``.

    Any match needs that word inside a folded id, name or alias (exact, prefix and substring
    contain the whole query; "words" needs each query word as the start of a word), so the
    answer is the full scan's. Built for backends whose data cannot change (``immutable``),
    where a long-running caller (``lcg serve``) asks many times: bench/RESULTS.md, lcg serve.
    """

    def __init__(self, backend):
        self.entries = [_folded(n) for n in backend.nodes()]
        lines, self.owner = [], []
        for i, (node, id_folded, names) in enumerate(self.entries):
            for t in {node.id, id_folded, *(f for _, f in names)}:
                lines.append(t.replace("\n", " "))
                self.owner.append(i)
        self.text = "\n".join(lines)
        self.starts = list(itertools.accumulate((len(t) + 1 for t in lines[:-1]), initial=0))

    def candidates(self, query: str, kinds) -> list[tuple]:
        word = max(query.split(), key=len)
        hit, at, text, starts = set(), self.text.find(word), self.text, self.starts
        while at != -1:
            line = bisect.bisect_right(starts, at) - 1
            hit.add(self.owner[line])
            nxt = starts[line + 1] if line + 1 < len(starts) else len(text)
            at = text.find(word, nxt)
        wanted = set(kinds) if kinds is not None else None
        return [self.entries[i] for i in sorted(hit) if wanted is None or self.entries[i][0].kind in wanted]


_INDEXES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_BUILDING = threading.Lock()


def _entries(backend, query: str, kinds) -> list[tuple]:
    if not getattr(backend, "immutable", False):
        return [_folded(n) for n in backend.nodes(kinds)]
    index = _INDEXES.get(backend)
    if index is None:
        with _BUILDING:  # once: threads asking meanwhile wait rather than each building one (GIL-bound)
            index = _INDEXES.get(backend)
            if index is None:
                index = _INDEXES[backend] = _Index(backend)
    return index.candidates(query, kinds)


def search(backend: Backend, text: str, *, kinds=None, limit: int | None = 20) -> list[Match]:
    """Nodes whose id, name or alias matches ``text``, best first, then by name and id."""
    query = fold(text)
    if not query:
        return []
    found = [(m, e[2][0][1]) for e in _entries(backend, query, kinds) if (m := _best(query, e)) is not None]
    found.sort(key=lambda x: (-x[0].score, x[1], x[0].node.id))  # x[1]: the name, folded
    return [m for m, _ in (found[:limit] if limit else found)]


def resolve(backend: Backend, text: str, *, kinds=None) -> NodeRecord:
    """The one node ``text`` names (an id or a name); raises UnknownNode or AmbiguousName."""
    node = backend.node(text)
    if node is not None and (kinds is None or node.kind in kinds):
        return node
    matches = search(backend, text, kinds=kinds, limit=None)
    if matches:
        top = [m for m in matches if m.score == matches[0].score]
        if len(top) == 1:
            return top[0].node
        raise AmbiguousName(text, [m.node.id for m in top[:10]])
    ids = [n.id for n in backend.nodes(kinds)]
    raise UnknownNode(text, difflib.get_close_matches(text.lower(), ids, n=3, cutoff=0.5))
