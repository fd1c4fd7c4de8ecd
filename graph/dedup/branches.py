"""Organisations that are a national body's local branches under one registered number.

360Giving files name a grant's recipient by its charity (or company) number, so the
Salvation Army's Taunton, Street and Shepton Mallet corps, each funded on its own,
arrive as one organisation with three names. Two grants to it are not "the same
organisation funded twice" unless something says they went to the same branch.

A body is *branched* when two of its recorded names (name and aliases) each carry a
place the other lacks: the rule ``lcg duplicates`` uses to keep "Age UK Dorchester"
and "Age UK Colchester" apart (``names.place_clash`` over ``places.PlaceWords``).
For such a body, two grants share their recipient only when they are in the same
place (``kinds.shared_recipients``); otherwise they went to two branches.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

__all__ = ["branched_bodies"]


def branched_bodies(organisations: Iterable) -> frozenset[str]:
    """Ids of the organisations (``records.EntityRecord``) whose names are branches in different places."""
    from .names import name_key, place_clash
    from .places import PlaceWords

    orgs = list(organisations)
    places = PlaceWords(o.address for o in orgs)  # the data's own town and street names, as duplicates uses
    out = set()
    for o in orgs:
        names = list(dict.fromkeys([o.name, *o.aliases]))
        if len(names) < 2:
            continue
        keys = [name_key(n) for n in names]
        if any(place_clash(x, y, places) for x, y in combinations(keys, 2)):
            out.add(o.id)
    return frozenset(out)
