"""Finding nodes by what people type: names, abbreviations, accents optional.

Used by ``lcg search`` and wherever a command accepts an id, so that
"Universite de Cork", "uow" and "university-of-wolverhampton" all find their node.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import itertools
import re
import sys
import threading
import unicodedata
import weakref
from array import array
from dataclasses import dataclass

from .backends.base import Backend, NodeRecord
from .errors import AmbiguousName, OutOfRange, UnknownNode

__all__ = ["fold", "search", "resolve", "index_of", "Match", "where_is"]

_SCORES = {"id": 1.0, "exact": 0.95, "prefix": 0.8, "words": 0.7, "substring": 0.6, "joined": 0.55, "initials": 0.5}


_NOT_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces: the form both sides are compared in. Initials
    written with stops are one word ("W.E.A." is "wea") and "Saint" is "St", as lists write both ways (a trial's
    "saint peter" did not find "St Peter's Church", nor "WEA" the "W.E.A.")."""
    text = str(text)
    if text.isascii():  # nothing to decompose or drop (most names): the same answer, without a step per letter
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    # a possessive's apostrophe joins: "St Edmund's" is "st edmunds", as "St Edmunds" is (three trials' searches
    # missed a name written with or without one); elsewhere it parts two words ("Université d'Angers", "O'Neill")
    if "'" in text or "\u2019" in text:
        text = POSSESSIVE.sub("", text)
    words = _NOT_WORD.sub(" ", text.replace("&", " and ")).split()
    if "saint" in text or any(w in _SAME_WORD for w in words):
        words = [_SAME_WORD.get(w, w) for w in words]
    return " ".join(words)


#: Words lists write two ways, each folded to one: "Saint" is "St", "1st" is "First" (a youth trial's "1st Penn
#: Scouts" did not find "First Penn Scout Group"), and "&" is "and" ("Boys & Girls Club").
_SAME_WORD = {"saint": "st", "1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth",
              "6th": "sixth", "7th": "seventh", "8th": "eighth", "9th": "ninth", "10th": "tenth"}
#: A query this short finds names it begins a word of, never one it is inside ("RC" is in "chuRCh": a faith
#: trial's search for it listed every church).
SUBSTRING_MIN = 4


_DOTTED = re.compile(r"\b(?:\w\.){2,}")  # initials with stops: "w.e.a.", "u.k."
#: "'s" ending a word, whose apostrophe joins ("St Edmund's" is "St Edmunds"): a quote around a name stays a
#: space. Searches (``fold``) and the importers' names (``importers.yaml_out.norm_name``) read it so.
POSSESSIVE = re.compile(r"(?<=\w)['\u2019](?=s\b)")


#: Initials a query may be, in letters: "UoW" finds the University of Wolverhampton and "WMFS" the West Midlands Fire
#: Service's stations (a research and a community safety trial's searches found neither); two letters would find
#: too many names.
INITIALS_MIN, INITIALS_MAX = 3, 6
#: Words initials skip ("NSPCC": the National Society for the Prevention of Cruelty to Children).
_SKIPPED = frozenset("of and the for to in at on a an de".split())


def searched_initials(folded: str) -> frozenset:
    """The initials a name (folded) may be searched by: of its first three to six words, with and without the words
    initials skip ("uow", "wmfs" for "west midlands fire service bilston fire station")."""
    words = folded.split()
    if len(words) < INITIALS_MIN:
        return frozenset()
    out: set[str] = set()
    for ws in (words, [w for w in words if w not in _SKIPPED]):
        letters = "".join(w[0] for w in ws[:INITIALS_MAX])
        out.update(letters[:k] for k in range(INITIALS_MIN, len(letters) + 1))
    return frozenset(x for x in out if x.isalpha())


@dataclass(frozen=True)
class Match:
    node: NodeRecord
    score: float
    matched: str
    how: str


def _folded(node: NodeRecord) -> tuple:
    """(node, its id folded, [(name, name folded)] for its name, aliases and identifiers): what matching compares.
    A registry number finds its record ("01672070" its GB-COH-01672070: a trial's analyst searched so, and found
    nothing)."""
    props = node.props
    return node, fold(node.id), [(n, fold(n)) for n in (node.name, *props.get("aliases", ()),
                                                        *props.get("identifiers", ()))]


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
        elif query in f and len(query) >= SUBSTRING_MIN:
            how = "substring"
        elif len(joined := query.replace(" ", "")) >= SUBSTRING_MIN and joined in f.replace(" ", ""):
            how = "joined"  # (a food trial's "foodbank" found none of eleven "... Food Bank" records)
        elif INITIALS_MIN <= len(query) <= INITIALS_MAX and query in searched_initials(f):
            how = "initials"
        else:
            continue
        if best is None or _SCORES[how] > best.score:
            best = Match(node, _SCORES[how], name, how)
    return best


class _Index:
    """Every node's id and names folded once, laid out so a query reads only what can be in its answer.

    Entries are kept in the answer's tie-break order (folded name, then id), so within one class of
    match a smaller position is a better answer. The classes are asked best first (id, exact, prefix,
    words, substring) and each from a structure that lists exactly its members: a dictionary for ids,
    a sorted list of names for exact and prefix (one slice each), a sorted list of the names' words for
    "words" (each query word a slice; a name must hold all of them), and the names as one text for
    substring (``str.find``, C speed, read in answer order, so it stops once enough are found). A node
    belongs to the best class it is in; once ``limit`` are found no lower class can come before them,
    so a common word at 1M no longer scores every node holding it (bench/RESULTS.md, lcg serve, third
    pass). Built for backends whose data cannot change (``immutable``), where a long-running caller
    (``lcg serve``) asks many times; ``tests/test_search_index.py`` compares it with the full scan.
    """

    def __init__(self, backend):
        entries = [_folded(n) for n in backend.nodes()]
        entries.sort(key=lambda e: (e[2][0][1], e[0].id))  # the answer's tie-break: a position is a rank
        self.entries = entries
        self.kind = [e[0].kind for e in entries]
        self.by_id: dict[str, int | tuple[int, ...]] = {}  # an id, as given and folded -> its entry (or entries)
        lines: list[str] = []
        self.owner = array("l")  # line -> entry: one line per distinct folded name of each entry, in rank order
        lines_of_word: dict[str, list[int]] = {}
        for i, (node, id_folded, names) in enumerate(entries):
            for key in {node.id, id_folded}:
                had = self.by_id.setdefault(key, i)
                if had != i:  # two ids that fold alike ("A-B", "a b"): rare
                    self.by_id[key] = (*(had if isinstance(had, tuple) else (had,)), i)
            for f in dict.fromkeys(f for _, f in names):
                for w in set(f.split()):
                    lines_of_word.setdefault(w, []).append(len(lines))
                lines.append(f)
                self.owner.append(i)
        self.text = "\n".join(lines)
        self.starts = array("l", itertools.accumulate((len(t) + 1 for t in lines[:-1]), initial=0))
        joined = [t.replace(" ", "") for t in lines]  # the names without their spaces ("joined")
        self.joined_text = "\n".join(joined)
        self.joined_starts = array("l", itertools.accumulate((len(t) + 1 for t in joined[:-1]), initial=0))
        order = sorted(range(len(lines)), key=lines.__getitem__)
        self.sorted_names = [lines[j] for j in order]  # exact and prefix matches are each one slice of it
        self.sorted_owner = array("l", (self.owner[j] for j in order))
        self.initials: dict[str, list[int]] = {}  # initials (``searched_initials``) -> their lines, in rank order
        for j, t in enumerate(lines):
            for x in searched_initials(t):
                self.initials.setdefault(x, []).append(j)
        self.words = sorted(lines_of_word)  # each distinct word once
        self.word_at = array("l")           # where its lines start in word_lines (one more at the end)
        self.word_lines = array("l")
        for w in self.words:
            self.word_at.append(len(self.word_lines))
            self.word_lines.extend(lines_of_word[w])
        self.word_at.append(len(self.word_lines))

    def ranked(self, query: str, kinds, limit: int | None) -> list[int]:
        """Positions of the entries that match ``query``, in the answer's order, at most ``limit``."""
        wanted = set(kinds) if kinds is not None else None
        out: list[int] = []
        taken: set[int] = set()
        for members in (self._id, self._exact, self._prefix, self._words, self._substring, self._joined,
                        self._initials):
            need = None if limit is None else limit - len(out)
            if need == 0:
                break
            found = members(query, need, taken, wanted)
            out.extend(found)
            taken.update(found)
        return out

    def _best_of(self, candidates, need, taken, wanted) -> list[int]:
        pick = set(candidates) - taken  # set arithmetic and the heap below run in C: no step per candidate here
        if wanted is not None:
            pick = {i for i in pick if self.kind[i] in wanted}
        return sorted(pick) if need is None else heapq.nsmallest(need, pick)

    def _id(self, query, need, taken, wanted):
        found = self.by_id.get(query, ())
        return self._best_of((found,) if isinstance(found, int) else found, need, taken, wanted)

    def _exact(self, query, need, taken, wanted):
        lo = bisect.bisect_left(self.sorted_names, query)
        hi = bisect.bisect_right(self.sorted_names, query, lo)
        return self._best_of(self.sorted_owner[lo:hi], need, taken, wanted)

    def _prefix(self, query, need, taken, wanted):
        lo, hi = _prefix_range(self.sorted_names, query)
        return self._best_of(self.sorted_owner[lo:hi], need, taken, wanted)

    def _words(self, query, need, taken, wanted):
        lines: set[int] | None = None
        for qw in sorted(set(query.split()), key=len, reverse=True):  # the longest (fewest lines) first
            lo, hi = _prefix_range(self.words, qw)
            these = set(self.word_lines[self.word_at[lo]:self.word_at[hi]])
            lines = these if lines is None else lines & these
            if not lines:
                return []
        # lines are in rank order (an entry's lines follow each other): walk them in order, stop when enough
        out: list[int] = []
        last = -1
        owner, kind = self.owner, self.kind
        for j in sorted(lines or ()):
            i = owner[j]
            if i == last:
                continue
            last = i
            if i not in taken and (wanted is None or kind[i] in wanted):
                out.append(i)
                if need is not None and len(out) == need:
                    break
        return out

    def _initials(self, query, need, taken, wanted):
        """The names ``query`` is the initials of (``searched_initials``)."""
        if not INITIALS_MIN <= len(query) <= INITIALS_MAX:
            return []
        out: list[int] = []
        seen: set[int] = set()
        for j in self.initials.get(query, ()):
            i = self.owner[j]
            if i not in taken and i not in seen and (wanted is None or self.kind[i] in wanted):
                seen.add(i)
                out.append(i)
                if need is not None and len(out) == need:
                    break
        return out

    def _joined(self, query, need, taken, wanted):
        """The names that hold the query once spaces are dropped from both ("Food Bank" for "foodbank")."""
        return self._substring(query.replace(" ", ""), need, taken, wanted, self.joined_text, self.joined_starts)

    def _substring(self, query, need, taken, wanted, text=None, starts=None):
        if len(query) < SUBSTRING_MIN:
            return []
        out: list[int] = []
        seen: set[int] = set()
        text, starts = (self.text, self.starts) if text is None else (text, starts)
        owner, kind = self.owner, self.kind
        at = text.find(query)
        while at != -1:
            line = bisect.bisect_right(starts, at) - 1
            i = owner[line]
            if i not in taken and i not in seen and (wanted is None or kind[i] in wanted):
                seen.add(i)
                out.append(i)  # lines are in rank order: the first found are the best
                if need is not None and len(out) == need:
                    break
            nxt = starts[line + 1] if line + 1 < len(starts) else len(text)
            at = text.find(query, nxt)
        return out


def _prefix_range(sorted_texts: list[str], prefix: str) -> tuple[int, int]:
    """The slice of ``sorted_texts`` that starts with ``prefix``."""
    lo = bisect.bisect_left(sorted_texts, prefix)
    last = ord(prefix[-1])
    if last < sys.maxunicode:  # every text starting with prefix sorts before prefix with its last letter raised
        return lo, bisect.bisect_left(sorted_texts, prefix[:-1] + chr(last + 1), lo)
    hi = lo
    while hi < len(sorted_texts) and sorted_texts[hi].startswith(prefix):
        hi += 1
    return lo, hi


_INDEXES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_BUILDING = threading.Lock()


def index_of(backend) -> "_Index | None":
    """The search index kept for ``backend`` (built on first use), or None where its data can change."""
    if not getattr(backend, "immutable", False):
        return None
    index = _INDEXES.get(backend)
    if index is None:
        with _BUILDING:  # once: threads asking meanwhile wait rather than each building one (GIL-bound)
            index = _INDEXES.get(backend)
            if index is None:
                index = _INDEXES[backend] = _Index(backend)
    return index


def search(backend: Backend, text: str, *, kinds=None, limit: int | None = 20) -> list[Match]:
    """Nodes whose id, name or alias matches ``text``, best first, then by name and id (``limit`` 0 or None: all)."""
    if limit is not None and limit < 0:
        raise OutOfRange("limit", limit, "must be 0 (no limit) or more")
    query = fold(text)
    if not query:
        return []
    index = index_of(backend)
    if index is not None:
        entries = index.entries
        return [m for i in index.ranked(query, kinds, limit or None) if (m := _best(query, entries[i])) is not None]
    return _scan((_folded(n) for n in backend.nodes(kinds)), query, limit)


def _scan(entries, query: str, limit: int | None) -> list[Match]:
    """Every entry (``_folded``) scored: for a backend whose data can change (a graph server); the index's reference."""
    found = [(m, e[2][0][1]) for e in entries if (m := _best(query, e)) is not None]
    found.sort(key=lambda x: (-x[0].score, x[1], x[0].node.id))  # x[1]: the name, folded
    return [m for m, _ in (found[:limit] if limit else found)]


def where_is(node: NodeRecord) -> str:
    """Where a record says it is, on one line: its address's last part (the town) and its postcode ("Wolverhampton,
    WV1 3NH"), or "". What tells ten "Boots" of a pharmacy list apart, in `lcg search` and in the candidates of a
    name several records share; an imported address may hold a line break."""
    return where_written(node.props.get("address"), node.props.get("postcode"))


def where_written(address, postcode) -> str:
    """``where_is`` of an address and a postcode as written (either may be None). An address ending in its country
    ("Glasgow, UK", "Seoul, Korea") shows its town with it: a research trial's 107 records read "UK" alone."""
    parts = [" ".join(p.split()) for p in str(address or "").split(",")]
    parts = [p for p in parts if p]
    town = ", ".join(parts[-2:]) if len(parts) >= 2 and _country(parts[-1]) else (parts[-1] if parts else "")
    return ", ".join(x for x in (town, str(postcode or "").strip()) if x)


def _country(part: str) -> bool:
    """True when an address part names a country ("UK", "England", "Republic of Korea")."""
    from .dedup.places import country_named

    return country_named(fold(part)) is not None


def resolve(backend: Backend, text: str, *, kinds=None) -> NodeRecord:
    """The one node ``text`` names (an id or a name); raises UnknownNode or AmbiguousName."""
    node = backend.node(text)
    if node is not None and (kinds is None or node.kind in kinds):
        return node
    matches = search(backend, text, kinds=kinds, limit=None)
    if matches:
        top = [m for m in matches if m.score == matches[0].score]
        # a name as written, one record's, is that record, though another's id its words fold to ranks first (a
        # faith trial's `lcg decide "St Jude's Church" ...` recorded "St Judes Church", id st-judes-church); two
        # records of one kind and one name (a list's repeated row, two campuses) are two answers, however their ids
        # rank, with every record of that kind whose name folds to it ("Masjid E Noor", "Masjid-e-Noor")
        written = [m for m in matches if " ".join(m.node.name.split()).casefold() == " ".join(text.split()).casefold()]
        if len(written) == 1:
            return written[0].node
        if len(written) > 1:
            folded = fold(text)
            top = [m for m in matches if m.node.kind == written[0].node.kind and fold(m.node.name) == folded]
        elif top[0].score < _SCORES["exact"]:
            # part of a name is no name: "U3A" began one of seven U3As' names, and `lcg show U3A` showed that one
            # as if it were the answer; a part names a record only when no other record holds it at all
            top = matches
        if len(top) == 1:
            return top[0].node
        raise AmbiguousName(text, [m.node.id for m in top[:10]], len(top),
                            {m.node.id: where_is(m.node) for m in top[:10]})
    ids = [n.id for n in backend.nodes(kinds)]
    raise UnknownNode(text, difflib.get_close_matches(text.lower(), ids, n=3, cutoff=0.5))
