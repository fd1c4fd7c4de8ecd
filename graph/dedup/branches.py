"""Organisations that are a national body's local branches under one registered number.

360Giving files name a grant's recipient by its charity (or company) number, so the
Salvation Army's Taunton, Street and Shepton Mallet corps, each funded on its own,
arrive as one organisation with three names. Two grants to it are not "the same
organisation funded twice" unless something says they went to the same branch.

Two rules, the first where the data can say it:

* **Per tie** (``Branches.one_body``): the importer records on each grant's PARTNER_IN
  tie the name the publisher gave the recipient on that grant (``named_as``; absent, the
  organisation's own name). Two grants share their recipient only when those two names
  could be one body by the duplicates' own name matcher: the same name key, or
  ``names.name_similarity`` with the data's token weights and place words reaching
  ``weights.DUPLICATE_MIN_SCORE``. "MHA North Shields Live At Home Scheme" and "Methodist
  Homes Chopwell and Rowlands Gill Live at Home Scheme" (one charity number, COVID-19
  snapshot) are two schemes; "The Salvation Army Taunton" and "Salvation Army Taunton"
  one corps. The number says nothing here: both names carry it, so only the names can
  tell the branches apart, by the same rule that tells bodies apart in ``lcg duplicates``.
* **Per place** (``branched_bodies``), for bodies none of whose ties carries a name
  (hand-written data, where a tie without one says nothing of the branch): a body is *branched*
  when two of its recorded names (name and aliases) each carry a place the other lacks
  (``names.place_clash`` over ``places.PlaceWords``, the rule that keeps "Age UK
  Dorchester" and "Age UK Colchester" apart); its grants share their recipient only when
  they are in the same place (``kinds.recipients``).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .places import PlaceWords

__all__ = ["Branches", "NO_BRANCHES", "branched_bodies"]


def branched_bodies(organisations: Iterable, places=None) -> frozenset[str]:
    """Ids of the organisations (``records.EntityRecord``) whose names are branches in different places."""
    from .names import name_key, place_clash
    from .places import PlaceWords

    orgs = list(organisations)
    if places is None:
        places = PlaceWords.of(orgs)  # the data's own town and street names, as duplicates uses
    out = set()
    for o in orgs:
        names = list(dict.fromkeys([o.name, *o.aliases]))
        if len(names) < 2:
            continue
        keys = [name_key(n) for n in names]
        if any(place_clash(x, y, places) for x, y in combinations(keys, 2)):
            out.add(o.id)
    return frozenset(out)


class Branches:
    """What overlaps need to know of recipients that may be several branches under one number.

    ``ids``: the branched bodies (``branched_bodies``); ``named``: the bodies some tie names
    (``named_as``), whose ties without a name stand for its own name (``name_of``), as the
    importer writes them. The name matcher (token weights over
    every organisation's names, the data's place words, ambiguous initials: built as
    ``duplicates.find_duplicates`` builds them) is made on first use, so data without
    per-tie names pays nothing for it.
    """

    def __init__(self, organisations: Iterable = (), named: Iterable[str] = ()):
        self._orgs = list(organisations)
        self.named = frozenset(named)
        self._places: PlaceWords | None = None
        self.ids: frozenset[str] = frozenset()
        if self._orgs:  # NO_BRANCHES, made at import, imports nothing (`lcg --help` stays light)
            from .places import PlaceWords

            self._places = PlaceWords.of(self._orgs)
            self.ids = branched_bodies(self._orgs, self._places)
        self._names = {o.id: o.name for o in self._orgs}
        self._matcher: tuple | None = None
        self._verdicts: dict[tuple[str, str], bool] = {}

    def name_of(self, org: str) -> str:
        return self._names.get(org, org)

    def _match(self) -> tuple:
        if self._matcher is None:
            from .names import NameKey, TokenWeights, ambiguous_initials, initials_only, name_key

            keys: dict[tuple, NameKey] = {}
            for o in self._orgs:
                for n in (o.name, *o.aliases):
                    if not initials_only(n):
                        k = name_key(n)
                        if k.tokens:
                            keys.setdefault(k.tokens, k)
            self._matcher = (TokenWeights(list(keys.values())), ambiguous_initials(keys.values()))
        return self._matcher

    def one_body(self, x: str, y: str) -> bool:
        """Whether two names of one registered number could be one body (module docstring)."""
        from . import weights as W
        from .names import NO_PLACES, name_key, name_similarity

        pair = (x, y) if x <= y else (y, x)
        seen = self._verdicts.get(pair)
        if seen is None:
            a, b = name_key(x), name_key(y)
            if a.tokens == b.tokens:
                seen = True
            else:
                weight, ambiguous = self._match()
                places = self._places if self._places is not None else NO_PLACES
                seen = name_similarity(a, b, weight, ambiguous, places)[0] >= W.DUPLICATE_MIN_SCORE
            self._verdicts[pair] = seen
        return seen


    @staticmethod
    def named_in(records) -> frozenset[str]:
        """The partners some project's tie names (``ProjectRecord.partner_names``): the ``named`` argument."""
        return frozenset(org for r in records for org, name in r.partner_names if name is not None)


NO_BRANCHES = Branches()
