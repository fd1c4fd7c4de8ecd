"""Which kind of overlap two projects are: each rule written once, here.

* ``double-funding``: the same work of the same organisation (a shared partner,
  the recipient of a grant) paid for in overlapping periods -- worst when two
  different funders pay. Two core (unrestricted) grants to one organisation for
  overlapping periods count too: both pay for its running costs.
* ``continuation``: the same work of the same organisation paid for again after
  the first period ended, straight after or later (useful to know, not alarming).
* ``parallel-work``: different organisations doing the same work (at least
  ``PARALLEL_MIN_SHARED_WORDS`` distinctive words in common) in the same place
  (or one place within the other) at the same time, or back to back (the later
  begins within a month of the earlier's end: grant dates are award dates and
  planned periods, "2016" then "2017" may be one piece of work handed on): a
  chance to collaborate, or to ask the first what it learnt.
  Two core grants are not "the same work": their words say what the money is
  not tied to.
* ``related``: at least ``RELATED_MIN_SHARED_THEMES`` shared themes, paid for by
  different bodies (listed with ``--related``).

"The same work" is the cosine of the two projects' distinctive words
(``distinctive.py``: programme templates, names and grant words left out) at
least ``SIMILAR_TEXT``. Anything else is not an overlap, however alike the
funders' template text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import dates
from . import weights as W
from .branches import NO_BRANCHES, Branches

__all__ = ["KINDS", "Evidence", "Timing", "timing", "kind_of", "is_core", "is_related", "people",
           "recipients", "shared_recipients"]

KINDS = ("double-funding", "continuation", "parallel-work", "related")

#: Words by which a grant says it pays for an organisation's running costs rather than one piece of work.
CORE_WORDS = ("core", "unrestricted")


@dataclass(frozen=True)
class Timing:
    """How two periods relate: ``overlap`` (and for how many months), ``adjacent`` (back to back: the later
    begins less than a whole month after the earlier ends), ``apart`` (the gap in months), or ``unknown``."""

    relation: str
    months: int | None = None
    first: str | None = None  # id of the project that starts first (for "apart")


@dataclass(frozen=True)
class Evidence:
    text: float
    shared: tuple  # distinctive words both use
    programme_shared: tuple  # words both use that are only their funders' or programmes' vocabulary
    same_org: frozenset  # shared partners (the recipient)
    core: bool  # both are core (unrestricted) funding
    timing: Timing
    place: float  # 1 the same place, 0.5 one within the other, 0 otherwise or unknown
    different_people: bool = False  # each names a person (Professor X, Dr Y) and none in common
    #: Shared partners set aside as two branches under one number: (id, name on a, name on b), names None
    #: when the ties name no branch and the projects are in different places (``recipients``).
    branches: tuple = ()


_PERSON = None


def people(text: str) -> frozenset:
    """Persons a grant names with a title ("Professor Sian Ellard", "Dr Sach Mukherjee"): research awards name them."""
    import re

    global _PERSON
    if _PERSON is None:
        # Name words are capitalised, not acronyms ("Professor Hayes' EPSRC grant" names Hayes, not EPSRC),
        # and a possessive ends the name.
        _PERSON = re.compile(r"\b(?:Professor|Prof\.?|Dr\.?|Sir|Dame)\s+"
                             r"((?:(?:[A-Z][a-z][\w-]*(?:'s?)?|[A-Z](?:\.|(?=\s)))\s*){1,3})")
    out = set()
    for m in _PERSON.findall(text):
        name = []
        for w in m.split():
            if len(w.rstrip(".")) > 1:  # initials are not a surname
                name.append(w.removesuffix("'s").removesuffix("'"))
            if w.endswith("'") or w.endswith("'s"):
                break
        if name:
            out.add(name[-1].lower())
    return frozenset(out)


def _period(p) -> tuple[str, str] | None:
    """The project's days; with one date only (a grant's award date), the whole month of that date."""
    start, end = p.start or p.end, p.end if p.start else None
    if not start:
        return None
    lo, hi = dates.low(start), dates.high(end or str(start)[:7])
    return (min(lo, hi), max(lo, hi))


def timing(a, b) -> Timing:
    """Overlap or gap of two projects' periods in whole months (a gap is at least one month)."""
    pa, pb = _period(a), _period(b)
    if pa is None or pb is None:
        return Timing("unknown")
    both = dates.intersect(pa, pb)
    if both is not None:
        return Timing("overlap", dates.months_between(both[0], both[1]) + 1)
    first, (earlier, later) = (a.id, (pa, pb)) if pa[0] <= pb[0] else (b.id, (pb, pa))
    if dates.months_between(earlier[1], later[0]) < 1:  # days apart within one month: periods given to the
        return Timing("overlap", 1)                        # month cannot tell them apart
    gap = dates.whole_months(earlier[1], later[0])
    if gap < 1:  # one ends, the other begins within the month after: "2016" then "2017", March then April
        return Timing("adjacent", 0, first)
    return Timing("apart", gap, first)


def recipients(a, b, branched: Branches = NO_BRANCHES) -> tuple[frozenset, tuple]:
    """(the organisations both projects are paid through, as evidence of "the same organisation";
    the shared partners set aside as two branches under one number, as (id, name on a, name on b)).

    One registered number may be several local branches (``branches.py``). For a body whose ties
    name the branch (``named_as``; a tie without it, its own name), the two projects share the
    partner only when the names their ties give it could be one body (``Branches.one_body``): the
    MHA schemes in Chopwell and in North Shields are two recipients. For a body no tie names, a
    branched body (names in different places) counts only when the two projects are in the same
    place (None, None in the second part otherwise): two corps in two towns are two recipients.
    """
    shared = a.partners & b.partners
    if not shared:
        return frozenset(), ()
    aside: list[tuple[str, str | None, str | None]] = []
    for org in sorted(shared):
        on_a = {n for p, n in a.partner_names if p == org} or {None}
        on_b = {n for p, n in b.partner_names if p == org} or {None}
        if org not in branched.named and on_a == on_b == {None}:
            if org in branched.ids and not a.places & b.places:
                aside.append((org, None, None))
            continue
        own = branched.name_of(org)
        names_a, names_b = ({n or own for n in on_a}), ({n or own for n in on_b})
        if not any(branched.one_body(x, y) for x in sorted(names_a) for y in sorted(names_b)):
            aside.append((org, " / ".join(sorted(names_a)), " / ".join(sorted(names_b))))
    return frozenset(shared - {org for org, _, _ in aside}), tuple(aside)


def shared_recipients(a, b, branched: Branches = NO_BRANCHES) -> frozenset:
    """The organisations both projects are paid through (``recipients``' first part)."""
    return recipients(a, b, branched)[0]


def is_core(text: str) -> bool:
    import re

    return re.search(r"\b(" + "|".join(CORE_WORDS) + r")\b", text.lower()) is not None


def kind_of(a, b, ev: Evidence) -> str | None:
    """The kind of overlap (one of KINDS but ``related``), or None: not an overlap."""
    # Grants naming different people (research awards to Professor X and Professor Y) are different work,
    # however alike their department's words.
    similar = ev.text >= W.SIMILAR_TEXT and bool(ev.shared) and not ev.different_people
    if ev.same_org:
        if ev.timing.relation in ("apart", "adjacent"):
            return "continuation" if similar else None
        return "double-funding" if similar or ev.core else None
    # Two core grants say what the money is not tied to, not what work it does: no evidence of the same work.
    if (similar and len(ev.shared) >= W.PARALLEL_MIN_SHARED_WORDS and ev.place > 0
            and ev.timing.relation in ("overlap", "adjacent", "unknown")
            and not (is_core(a.text) and is_core(b.text))):
        return "parallel-work"
    return None


def is_related(a, b) -> bool:
    """Related work: shared themes, paid for by different bodies."""
    return (len(a.themes & b.themes) >= W.RELATED_MIN_SHARED_THEMES and bool(a.payers) and bool(b.payers)
            and a.payers != b.payers)
