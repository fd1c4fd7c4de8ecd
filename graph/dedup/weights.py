"""Every weight and threshold of duplicate and overlap scoring, in one place.

Change a number here and both ``lcg overlaps`` and ``lcg duplicates`` follow
(on either backend: scoring is shared Python). A user can also pass
``--weight NAME=VALUE`` to ``lcg overlaps`` for one run.

Overlap score of two projects (each signal in [0, 1], the score their weighted
mean, so it stays in [0, 1] and rises with every signal):

* ``text``: cosine of the TF-IDF vectors of name + description (rare words weigh most);
* ``themes``: Jaccard of themes and target groups;
* ``partners``: shared partner organisations (1 shared = 0.6, 2+ = 1.0);
* ``funders``: 1.0 when the two have *different* funders (two funders paying
  for the same thing is the headline case), 0.6 when the same funder pays twice,
  0 when either has none;
* ``dates``: overlap of the two periods (1.0 when they overlap at all, falling
  to 0 at ``date_gap_years`` apart);
* ``place``: 1.0 when they share a place.

Text carries the most weight, and the other signals' part is scaled by
``min(1, text / TEXT_GATE)``: without similar text, shared themes, place, dates
and "different funders" describe half the projects in a city, not a duplicate.
"""

from __future__ import annotations

OVERLAP_WEIGHTS: dict[str, float] = {
    "text": 0.50,
    "themes": 0.125,
    "partners": 0.075,
    "funders": 0.10,
    "dates": 0.10,
    "place": 0.10,
}
#: Text cosine at which the context signals count in full (below it, proportionally less).
TEXT_GATE = 0.5
#: Funders signal: different funders for similar work, or one funder paying twice.
FUNDERS_DIFFERENT = 1.0
FUNDERS_SAME = 0.6
#: Dates signal reaches 0 this many years apart.
DATE_GAP_YEARS = 3.0
#: Pairs below this score are not reported by default. Whether a pair is listed at all is its kind
#: (graph/dedup/kinds.py); the score ranks the pairs, so by default every pair of a kind is listed.
OVERLAP_MIN_SCORE = 0.0

# Kinds of overlap (graph/dedup/kinds.py) and the words that count as evidence (graph/dedup/distinctive.py).
#: A word in at least this share of one funder's, commissioner's or programme's projects (and in at least
#: PROGRAMME_WORD_MIN of them) is that body's template vocabulary, not evidence; judged only for bodies
#: with at least PROGRAMME_MIN_GRANTS projects (with fewer, a template cannot be told from a repeat).
PROGRAMME_WORD_SHARE = 0.1
PROGRAMME_WORD_MIN = 5
PROGRAMME_MIN_GRANTS = 10
#: "Similar work": the cosine of the two distinctive word sets is at least this (a third of their words in
#: common, as a geometric mean); different organisations also need this many distinctive words in common.
SIMILAR_TEXT = 1 / 3
PARALLEL_MIN_SHARED_WORDS = 2
#: Candidate pairs: every pair is compared up to this many projects, above it each project's OVERLAP_TOP_K
#: best text matches; pairs sharing a partner are always compared when the partner has at most
#: SAME_PARTNER_MAX projects (a hub partner would make every pair a candidate).
ALL_PAIRS_MAX = 3000
SAME_PARTNER_MAX = 50
#: Related work (``lcg overlaps --related``): below the overlap threshold, pairs sharing at least this
#: many themes and paid for by different bodies; every pair is examined up to RELATED_ALL_PAIRS projects,
#: above it only the text candidates.
RELATED_MIN_SHARED_THEMES = 2
RELATED_ALL_PAIRS = 2000
#: Candidate generation: each project's k most text-similar projects above this cosine.
OVERLAP_TOP_K = 10
OVERLAP_MIN_TEXT = 0.2
#: The candidate join uses only rare terms: those in at most max(RARE_TERM_MIN_CAP,
#: RARE_TERM_FRACTION x projects) projects; candidates need this much rare-term cosine.
RARE_TERM_MIN_CAP = 100
RARE_TERM_FRACTION = 0.0002
RARE_MIN_SIM = 0.1

#: Duplicates: a pair is reported at or above this score.
DUPLICATE_MIN_SCORE = 0.8
#: Name candidates: each name's k most similar names by character 3-grams.
DUPLICATE_TOP_K = 20
DUPLICATE_MIN_CANDIDATE = 0.3
#: A name that is the initials of the other ("WVSC" / "Wolverhampton Voluntary Sector Council") scores this: a
#: merge, under the evidence below, unless the initials are another name's too (``names._name_overlap``).
INITIALS = 0.9
#: Evidence beyond the name (score becomes at least this).
SAME_IDENTIFIER = 0.99
SAME_WEBSITE = 0.95
#: Each person attached to both records adds this to the name score.
SHARED_PERSON = 0.1
#: Address, postcode and phone (organisations): added to the name score when the same, taken off when
#: both are written and differ. A shared address or phone is strong evidence; a postcode covers a street.
SAME_ADDRESS = 0.3
SAME_PHONE = 0.25
SAME_POSTCODE = 0.15
MAX_CONTACT_BONUS = SAME_ADDRESS + SAME_PHONE + SAME_POSTCODE
DIFFERENT_ADDRESS = 0.35
DIFFERENT_POSTCODE_AREA = 0.3
DIFFERENT_PHONE = 0.1
#: Records sharing a phone, address or postcode are compared only when fewer than this many share it.
DUPLICATE_MAX_BLOCK = 30
#: Merge groups: a member must be paired with at least this share of the others, counted over at most
#: GROUP_LINKS_CHECKED of them (else the weakest links are cut).
GROUP_MIN_LINKED = 0.5
GROUP_LINKS_CHECKED = 8
#: A merge group of more than this many records is shown as pairs to review, its weakest link named: a
#: merge of four or more records at once is more than a reviewer checks at a glance, and a wrong one is
#: the costliest mistake (every tie of every member moves).
GROUP_REVIEW_SIZE = 3
#: ... or of more than this many when it is one name (or identifier) written several times
#: (``groups.merge_plan``): still a few, and each record checked against one name at a glance.
GROUP_ONE_NAME_SIZE = 6
#: ... or of more than this many when every two of its records are a pair to merge themselves, none joined only
#: through another (``groups.merge_plan``).
GROUP_COMPLETE_SIZE = 4
#: Different identifiers of the same register (two charity numbers) cap the score here.
CONFLICTING_IDENTIFIER = 0.4


def overlap_weights(overrides: dict[str, float] | None = None) -> dict[str, float]:
    """The overlap weights with ``overrides`` applied; an unknown name or a bad number raises BadOption."""
    from ..errors import BadOption

    weights = dict(OVERLAP_WEIGHTS)
    for name, value in (overrides or {}).items():
        if name not in weights:
            raise BadOption("weight", name, f"is not an overlap weight (expected one of: {', '.join(weights)})")
        if not value >= 0 or value == float("inf"):  # also refuses nan
            raise BadOption("weight", f"{name}={value}", "must be a finite number >= 0")
        weights[name] = float(value)
    if sum(weights.values()) <= 0:
        raise BadOption("weight", ", ".join(f"{k}={v}" for k, v in (overrides or {}).items()),
                        "leaves every overlap weight at 0; give at least one positive weight")
    return weights
