"""The most ``names.name_similarity`` can give a pair of names, from facts about each name computed once.

At 100k records most candidate name pairs are scored only to be dropped: a pair whose records carry no
identifier, person or website cannot be listed unless its name score plus the contact bonuses of the
fields both carry reaches the reporting score (``duplicates._liftable``). The full score runs every rule
(places, kinds of body, typos) on both names; this bound reads only each name's tokens, their weights and
which of them are places, so a pair it puts under the line is skipped unscored (bench/RESULTS.md,
"Duplicates at 100k, a bound before the score"). The answer is the same: a skipped pair is one the full
score would have dropped.

Why it is a bound, step by step of ``name_similarity``: equal tokens or equal joined spellings give 1.0;
a rule that rules gives 0.0, or caps the overlap (``ONE_PLACE_CAP``); ``_name_overlap`` gives the joined
spelling's similarity when it is at least 0.92 (both at least six letters), 0.9 or 0.5 for initials, else
``num / den`` times 1 or ``KIND_CLASH``. In ``num / den`` each token adds ``w * best`` to ``num`` and ``w``
to ``den``, with ``best`` at most 1; a place adds (w, w) when the other name has it (``_place_in``), else
(0, ``PLACE_WEIGHT`` * w), which the bound computes exactly; another token adds (w, w) when the other name
has it (or has it in its other number, ``other_number``, or with or without its "s", ``s_form``), (0, w) when it can match nothing (shorter than
five letters, or the other name has no token of five letters or more within the 0.8 similarity's length),
and at most (w, w) otherwise. The bound adds
the same terms in the same order with ``best`` 1 where the score's may be less, so in floating point too
it is never below the score (a sum or product of larger terms is never smaller). A name that writes
initials in capitals the other lacks may have them spelled out by the other's words (``names._spelled_out``),
which the bound does not follow: such a pair's bound is 1 when the other's words spell them, as when two
letters a name starts or ends with are the other's first or last two words' (``names.club_letters``).
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extractOne

from . import weights as W
from .names import JOINED_MIN as _JOINED_MIN
from .names import JOINED_SIM as _JOINED_SIM
from .names import (ALL_JOINS, PLACE_WEIGHT, TYPO_SCORER, acronyms, adjacent_joins, club_letters, initials_apart,
                    initials_run, other_number, place_then_site_word, s_form, short_name_given, streets_in,
                    town_tails)
from .names import TYPO_MIN as _TYPO_MIN
from .names import TYPO_SIM as _TYPO_SIM

__all__ = ["NameBound"]


class NameBound:
    """``bound(i, j)``: at least ``name_similarity(keys[i], keys[j], weight, ambiguous, places)``."""

    def __init__(self, keys, weight, places):
        self.keys, self.places = keys, places
        # shared between names (a word's facts, a set of lengths' reach): 100k names hold them once each
        # token -> (token, weight, is a place, may be a typo: five letters or more, its other number, its "s" form:
        # worked out once a word, not once a pair)
        term: dict[str, tuple] = {}
        reach: dict[frozenset[int], frozenset[int]] = {}  # long tokens' lengths -> lengths a typo may have
        # per name: (tokens, joined, token set, terms, lengths its long tokens may match, its capitals, two of its
        # neighbouring words written as one that are a word of some name: most names have none, and share one set)
        self.facts = []
        words = {t for key in keys for t in key.tokens}
        none: frozenset[str] = frozenset()
        for key in keys:
            terms = tuple(term.get(t) or term.setdefault(t, (t, weight(t), t in places, len(t) >= _TYPO_MIN,
                                                             other_number(t), s_form(t)))
                          for t in key.tokens)
            lengths = frozenset(len(t) for t in key.tokens if len(t) >= _TYPO_MIN)
            near = reach.get(lengths)
            if near is None:
                near = reach[lengths] = frozenset().union(*map(_near, lengths))
            self.facts.append((key.tokens, key.joined, frozenset(key.tokens), terms, near, key.capitals,
                               (adjacent_joins(key.tokens) & words) or none,
                               frozenset(streets_in(key.tokens)) or none))
        self._acronyms: dict[int, frozenset[str]] = {}
        self._firsts: dict[int, frozenset[str]] = {}  # name -> the first letters of its words (``_spells``)
        # names that start with a word of one or two letters or end with one of two (``names.club_letters``)
        self.letters = [bool(k.tokens) and (len(k.tokens[0]) <= 2 or len(k.tokens[-1]) == 2) for k in keys]
        # names that may write a town's long name ("Capelle aan den IJssel": ``names.town_tails``)
        self.joined_towns = [not ALL_JOINS.isdisjoint(k.words) for k in keys]

    def bound(self, i: int, j: int) -> float:
        tokens_a, ja, set_a, terms_a, near_a, caps_a, joins_a, streets_a = self.facts[i]
        tokens_b, jb, set_b, terms_b, near_b, caps_b, joins_b, streets_b = self.facts[j]
        if tokens_a == tokens_b or ja == jb or (joins_a and not joins_a.isdisjoint(set_b)) or (
                joins_b and not joins_b.isdisjoint(set_a)):
            return 1.0  # (two words of one the other writes as one are scored as that word: ``names._fused``)
        if (caps_a and not caps_a <= set_b and self._spells(caps_a - set_b, j)) or (
                caps_b and not caps_b <= set_a and self._spells(caps_b - set_a, i)):
            return 1.0  # (initials a name writes in capitals may be the other's words spelled: ``_spelled_out``)
        if (len(tokens_a) == 1 and tokens_a[0] in caps_b and short_name_given(self.keys[i], self.keys[j])) or (
                len(tokens_b) == 1 and tokens_b[0] in caps_a and short_name_given(self.keys[j], self.keys[i])):
            return W.INITIALS  # (a short name the other gives itself in brackets: ``names.short_name_given``)
        if (self.letters[i] and club_letters(self.keys[i], self.keys[j])) or (
                self.letters[j] and club_letters(self.keys[j], self.keys[i])):
            return 1.0  # (two letters read as the other's first or last two words: ``names.club_letters``)
        key_a, key_b = self.keys[i], self.keys[j]
        if abs(len(tokens_a) - len(tokens_b)) == 1 and (place_then_site_word(key_a, key_b, self.places)
                                                        or place_then_site_word(key_b, key_a, self.places)):
            return 1.0  # (a branch's word after its place: ``names.place_then_site_word``)
        if (self.joined_towns[i] and town_tails(self.keys[i], self.keys[j], self.places)) or (
                self.joined_towns[j] and town_tails(self.keys[j], self.keys[i], self.places)):
            return 1.0  # (the short name read as the long: ``names.name_similarity``)
        num = den = 0.0
        apart = 0  # sides with a place the other name lacks (not a street's name): both, and ``place_clash`` rules 0.0
        for terms, theirs, their_near, other, streets in ((terms_a, set_b, near_b, tokens_b, streets_a),
                                                          (terms_b, set_a, near_a, tokens_a, streets_b)):
            unmatched_place = False
            for t, w, place, typo, number, s in terms:
                if place:  # exact: matched in either number, else a fraction of its weight and nothing
                    if t in theirs or (t + "s") in theirs or (t.endswith("s") and t[:-1] in theirs):
                        num += w
                    else:
                        w = w * PLACE_WEIGHT
                        unmatched_place = unmatched_place or t not in streets
                elif t in theirs or number in theirs or s in theirs:
                    num += w
                elif typo and len(t) in their_near:  # the score's own typo match, in one C call
                    hit = extractOne(t, other, scorer=TYPO_SCORER, score_cutoff=_TYPO_SIM,
                                     processor=None)
                    if hit:
                        num += w * hit[1]
                den += w
            apart += unmatched_place
        if apart == 2:
            return 0.0
        la, lb = len(ja), len(jb)
        if la >= _JOINED_MIN and lb >= _JOINED_MIN and 1.0 - abs(la - lb) / max(la, lb) >= _JOINED_SIM - 1e-9:
            joined = Levenshtein.normalized_similarity(ja, jb)  # the spelling's score, when it rules
            if joined >= _JOINED_SIM and not (caps_a and caps_b and initials_apart(self.keys[i], self.keys[j])):
                return joined  # (not between two names' initials: ``names.initials_apart``)
        if len(tokens_a) == 1 or len(tokens_b) == 1:  # initials: 0.9 at most
            short, long_ = (ja, j) if len(tokens_a) == 1 else (jb, i)
            if len(self.keys[long_].tokens) >= 2 and len(short) >= 2 and short in self._acr(long_):
                return W.INITIALS
        return num / den if den else 0.0

    def _spells(self, initials, n: int) -> bool:
        """Whether name ``n``'s words spell any of ``initials`` (``names.initials_run``): most pairs' do not, and
        are bounded as any other (at 100k, many affiliations end "USA"). A run's words begin with the initials'
        letters, so initials with a letter none of the name's words begins with are passed over unread."""
        firsts = self._firsts.get(n)
        if firsts is None:
            firsts = self._firsts[n] = frozenset(w[:1] for w in self.keys[n].words)
        return any(firsts.issuperset(t) and initials_run(t, self.keys[n]) for t in initials)

    def _acr(self, n: int) -> frozenset[str]:
        out = self._acronyms.get(n)
        if out is None:
            out = self._acronyms[n] = acronyms(self.keys[n])
        return out


def _near(m: int) -> frozenset[int]:
    """Lengths of tokens that may be within ``_TYPO_SIM`` of a token of ``m`` letters (``TYPO_SCORER``: edits normalised
    by the longer: the difference in length alone costs that many edits)."""
    return frozenset(n for n in range(_TYPO_MIN, 2 * m + 2) if 1.0 - abs(n - m) / max(n, m) >= _TYPO_SIM - 1e-9)
