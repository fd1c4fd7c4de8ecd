"""Finding nodes by what people type: names, abbreviations, accents optional.

Used by ``lcg search`` and wherever a command accepts an id, so that
"Universite de Cork", "uow" and "university-of-wolverhampton" all find their node.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
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


def _best(query: str, node: NodeRecord) -> Match | None:
    if fold(node.id) == query or node.id == query:
        return Match(node, _SCORES["id"], node.id, "id")
    best = None
    names = [node.name, *node.props.get("aliases", ())]
    q_words = query.split()
    for name in names:
        f = fold(name)
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


def search(backend: Backend, text: str, *, kinds=None, limit: int | None = 20) -> list[Match]:
    """Nodes whose id, name or alias matches ``text``, best first, then by name and id."""
    query = fold(text)
    if not query:
        return []
    found = [m for n in backend.nodes(kinds) if (m := _best(query, n)) is not None]
    found.sort(key=lambda m: (-m.score, fold(m.node.name), m.node.id))
    return found[:limit] if limit else found


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
