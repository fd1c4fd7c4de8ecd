"""Groups from pairs: overlapping projects as small stars (``overlap_groups``), duplicate records as
merge groups whose members agree with each other (``merge_groups``), and what ``lcg duplicates``
offers for each pair, a merge or a review (``merge_plan``).

Overlap groups stay small: each group is a star around one project.

Connected components of overlap pairs chain: a-b, b-c, c-d, ... joins projects
that have nothing in common, and on generated data 635 of 643 pairs fell into
one "group". Here a group is a centre project and the projects that overlap it
directly, so every member of a group overlaps the centre (two members are at
most two steps apart). Centres are chosen greedily: the project with the most
pairs not yet in a group (then the higher sum of their scores, then the smaller
id) takes all its remaining pairs and the remaining pairs among its members.
A project may therefore appear in more than one group; each pair is in exactly
one. The result depends only on the set of pairs, not their order.
"""

from __future__ import annotations

import functools
import heapq
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Mapping

from ..forked import split_map
from ..gc_pause import paused_gc
from . import weights as W
from .places import DISTRICTS, STREET_TYPES
from .names import (AFTER_A_DASH, ANOTHER_INSTITUTION, ANOTHER_MEETING, CHARITY_OF, FORMS_OF_TWO_KINDS,
                    FOUNDATION_OF, IN_BRACKETS, NAMING_FORMS_IN_ITS_TOWN, TOWN_LONG_NAME,
                    KIND_WORDS, MANY_AND_ONE, NO_WORD_IN_COMMON, ONLY_A_PLACE, OWN_WORDS, PUBLICATIONS, SAME_NAME,
                    SPELLED_OUT, SPELLS_A_KIND, acronyms, added_after, added_words, company_of, council_part,
                    kind_after_a_kind, kind_written_after, like, many_and_one, name_key, numbered_unit, one_name_twice,
                    part_after, parts_of_one_body, people_added, same_words, service_added, several_bodies,
                    site_after_a_dash, team_name_added, titled, two_parts)

__all__ = ["overlap_groups", "merge_groups", "groups_of", "merge_plan", "review_only", "PlannedPair"]


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def overlap_groups(pairs) -> dict[tuple[str, str], int]:
    """{(a, b) with a < b: group number from 1}, groups numbered in the order their centres were chosen.

    ``pairs`` are (a, b, score) tuples or objects with ``a``, ``b`` and ``score``.
    """
    score: dict[tuple[str, str], float] = {}
    for p in pairs:
        a, b, s = (p.a, p.b, p.score) if hasattr(p, "a") else p
        if a != b:
            k = _key(a, b)
            score[k] = max(s, score.get(k, s))
    open_: dict[str, set[str]] = defaultdict(set)  # project -> partners whose pair has no group yet
    wsum: dict[str, float] = defaultdict(float)  # project -> sum of the scores of those pairs
    for (a, b), s in score.items():
        open_[a].add(b)
        open_[b].add(a)
        wsum[a] += s
        wsum[b] += s

    def weight(x: str) -> tuple[int, float]:
        return len(open_[x]), round(wsum[x], 9)  # rounded: the sum's last bits depend on the order of adding

    heap = [(-d, -w, x) for x in open_ for d, w in [weight(x)]]
    heapq.heapify(heap)
    group_of: dict[tuple[str, str], int] = {}
    n = 0
    while heap:
        d, w, centre = heapq.heappop(heap)
        current = weight(centre)
        if current[0] == 0:
            continue
        if (-d, -w) != current:  # stale entry: the centre lost pairs to an earlier group
            heapq.heappush(heap, (-current[0], -current[1], centre))
            continue
        n += 1
        members = {centre, *open_[centre]}
        touched = set()
        for m in members:
            for other in open_[m] & members:
                k = _key(m, other)
                if k not in group_of:
                    group_of[k] = n
                    wsum[m] -= score[k]
                    wsum[other] -= score[k]
            open_[m] -= members
            touched.add(m)
        for x in sorted(touched - {centre}):
            if open_[x]:
                dx, wx = weight(x)
                heapq.heappush(heap, (-dx, -wx, x))
    return group_of


def merge_groups(pairs, *, min_linked: float | None = None) -> list[list[str]]:
    """Groups of ids safe to merge: connected groups whose members are each paired with most of the others.

    Merging is transitive, so a plain connected group chains: a~b and b~c merge a
    and c though nothing says they are one. Here, while some member of a group is
    paired with fewer than ``min_linked`` of the other members (of at most
    ``GROUP_LINKS_CHECKED`` of them: each name is only compared with its nearest
    names, so a large true group is never fully paired), the group's weakest
    pair is cut and the group split again; a pair cut is still listed, for review.
    Each group sorted, largest first.
    """
    min_linked = W.GROUP_MIN_LINKED if min_linked is None else min_linked
    raw = [(p.a, p.b, p.score) if hasattr(p, "a") else (*p[:2], p[2] if len(p) > 2 else 1.0) for p in pairs]
    # exact pairs (same normalised name, same identifier) join into one atom first, named by its first id
    atom_of = {x: g[0] for g in groups_of([(p.a, p.b) for p in pairs if getattr(p, "exact", False)]) for x in g}

    def atom(x: str) -> str:
        return atom_of.setdefault(x, x)

    for a, b, _ in raw:
        atom(a), atom(b)
    members: dict[str, list[str]] = defaultdict(list)
    for x, at in atom_of.items():
        members[at].append(x)
    score: dict[tuple[str, str], float] = {}
    for a, b, s in raw:
        a, b = atom_of[a], atom_of[b]  # (every id has its atom: the loop above)
        if a != b:
            k = (a, b) if a < b else (b, a)
            score[k] = max(s, score.get(k, s))
    adj: dict[str, set[str]] = defaultdict(set)
    for a in members:
        adj[a]  # every atom, linked or not
    for a, b in score:
        adj[a].add(b)
        adj[b].add(a)
    done, seen = [], set()
    for start in sorted(adj):
        if start in seen:
            continue
        todo = [_component(adj, start)]
        seen |= todo[0]
        while todo:
            group = todo.pop()
            size = sum(len(members[x]) for x in group)  # records, not atoms: a link to an atom reaches all of it

            def linked(x: str) -> bool:
                reached = sum(len(members[y]) for y in adj[x] & group)
                return reached >= min_linked * min(size - len(members[x]), W.GROUP_LINKS_CHECKED)

            if len(group) <= 2 or all(linked(x) for x in group):
                ids = sorted(y for x in group for y in members[x])
                if len(ids) > 1:
                    done.append(ids)
                continue
            edges = [(score[(a, b)], (a, b)) for a in group for b in adj[a] & group if a < b]  # (a < b: the key)
            cut = max(1, len(edges) // 20)  # cut the weakest few at a time: big chains split in few rounds
            for _, (a, b) in sorted(edges)[:cut]:
                adj[a].discard(b)
                adj[b].discard(a)
            left = set(group)
            while left:
                part = _component(adj, next(iter(left)), within=group)
                left -= part
                todo.append(part)
    return sorted(done, key=lambda g: (-len(g), g[0]))


def _component(adj, start: str, within=None) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for y in adj[todo.pop()]:
            if y not in seen and (within is None or y in within):
                seen.add(y)
                todo.append(y)
    return seen


def groups_of(pairs) -> list[list[str]]:
    """Connected groups of ids from pairs (union-find), each sorted, largest first."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        a, b = (p.a, p.b) if hasattr(p, "a") else p
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = defaultdict(list)
    for x in parent:
        groups[root(x)].append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


#: How a pair's reason says its records are on different streets: two sites of one body (or one that moved),
#: which ``review_only`` offers for review, never as a merge.
ON_DIFFERENT_STREETS = "on different streets"
#: How a pair's reason says one address is a town alone and the other names another (``duplicates._towns_apart``).
TOWNS_APART = "but the addresses name different towns"
#: How a pair's reason says one name names a town and the other record's address another
#: (``duplicates._named_elsewhere``).
NAMED_ELSEWHERE = "but one name names a town the other's address is not in"
#: How a pair's reasons say one name is the other's and words of its own naming a site, a service or a branch
#: (``duplicates._site_of_the_body``), the website both give the body's: reviewed, never merged.
SITE_OF_THE_BODY = "one name is the other's and words of its own, on its website: a site, a service or a branch"
#: How a pair's reasons say one record's website is named after the other's name, at one door or on one line
#: (``duplicates._website_names``): one body renamed, or a body and its service; reviewed, never merged.
WEBSITE_NAMES_THE_OTHER = "the website of one is named after the other's name"
#: How a pair's reason says the two records give the sites of two bodies (``duplicates._site``).
WEBSITES_APART = "but websites of two bodies"
#: How it says so when one is a page under the other's site, named with words the other's name has not: a unit's
#: page on its body's site ("dudleycol.ac.uk/enterprise" of "Dudley College Enterprise Hub" / "dudleycol.ac.uk"),
#: which shares the body's door and line, so reviewed there too.
PAGE_UNDER = f"{WEBSITES_APART}, one a page under the other's site"
#: How it says so when each site is named with a word of its own record's name the other's lacks
#: (``duplicates._sites_of_their_own``): two bodies at their own sites, not one body's old and new site.
SITES_OF_THEIR_OWN = f"{WEBSITES_APART}, each named as its own record"
#: How a pair's reasons say the record with no registered number is part of a body registered under another number
#: than the other record's (``duplicates._parent_registered_apart``): a project of one charity, and another body.
PARENT_REGISTERED_APART = "but it is part of a body registered under another number"
#: How a pair's reasons say one address names an area alone (a ward, an estate) and the other a street, and no
#: postcode or phone says one place (``duplicates.contact_evidence``): the street may be in the area or elsewhere.
AREA_AND_STREET = "but one address names an area alone, the other a street"
#: How a pair's contact reasons say one record gives a line and no door ("Helpline only"), the other a place.
LINE_ONLY = "but one record gives a line and no door, the other a place"
#: How a pair's reasons say the one website of the two is a page named with a word its record's name adds to the
#: other's (``duplicates._unit_page_alone``): a unit's or a project's page, reviewed at the body's door and line too.
UNIT_PAGE = "one website, a page named for words one name adds"
#: How a pair's reason says its postcodes are in different areas (``duplicates.contact_evidence``): two sites too,
#: whatever else the pair shares.
AREAS_APART = "but postcodes in different areas"
#: How a pair's reason says its records have two full UK postcodes of one district (``contact_evidence``).
POSTCODES_APART = "but two postcodes of one district"
#: How a pair's reason ends when its addresses share their town and nothing else (``duplicates._streets_apart``).
ONE_TOWN_ONLY = "two sites in one town, or one body that moved"
#: How a pair's reason says one record is the venue the other meets at, or both meet at one (``duplicates._venue``).
AT_ONE_VENUE = "at one venue"
#: How a pair of people's reason names the organisation both work for: two people of one name at one body are
#: one person written twice (a contact in two imported lists), which ``merge_plan`` may merge.
SAME_EMPLOYER = "both work for"
#: Reasons (from ``dedup.duplicates.find_duplicates``) that say which body a record is beyond its name: an
#: identifier, an address, a phone number or a website shared by both records.
EVIDENCE_BEYOND_NAME = ("same identifier", "same address", "same phone number", "same website")
#: Of those, the ones that say one place or one line, not only one body: a register's number is shared by a
#: body's sites.
_ONE_PLACE_OR_LINE = tuple(r for r in EVIDENCE_BEYOND_NAME if r != "same identifier")
#: Of those, a door or a line: not a website, which a body's projects give as their own (a refugee hold-out's
#: "Interfaith Wolverhampton ESOL Buddies", merged into the charity on its postcode and website); but a place a
#: name adds is a branch's, whose page is its own ("Arts Connect West Midlands" / "Arts Connect", one home page).
_ONE_DOOR_OR_LINE = ("same address", "same phone number")


def numbers_a_site(identifier: str) -> bool:
    """True for a register's number of one site, not of a body with sites: a school's URN, and an NHS
    organisation (ODS) code of five or more characters (a pharmacy's FA109, a practice's M92007, a trust's
    site RL403). One such number on two records is one site, whatever town or branch word a name adds ("Boots" /
    "BOOTS STOURBRIDGE", both FA109). A trust's own three-character code (TAJ, RL4) is shared by its sites in
    several towns, as a charity's number by its branches: there a place a name adds is still for review."""
    return identifier.startswith("GB-URN-") or (identifier.startswith("GB-NHS-") and len(identifier) >= 12)


#: How a name reason says one name's initials were read as the other's words (``names._spelled_out``).
_SPELLED = re.compile(rf"[A-Z]{{2,6}}{re.escape(SPELLED_OUT)}'")
_TWO_LETTERS = re.compile(rf"[A-Z]{{2}}{re.escape(SPELLED_OUT)}'")
#: How ``review_only`` begins its answer for initials or two letters read as the other name's words.
_READ_AS = ("initials read as", "two letters read as")


#: How a name reason says each name has a kind of body the other lacks ("..., but council vs foundation (0.63)",
#: ``names.KIND_CLASH``), each side's kinds a group (``_kinds_apart``).
_KINDS_APART = re.compile(r", but ([\w/' ]+) vs ([\w/' ]+) \(")


#: How a name reason says each name has a kind of body the other lacks and words of its own ("..., but trust vs
#: centre, and each has words of its own (healthcare / integrated) (0.42)").
_KINDS_AND_OWN = re.compile(rf", but ([\w/' ]+) vs ([\w/' ]+), and {OWN_WORDS} \(([^/()]*) / ([^()]*)\)")


def _kind_added(a: str, b: str, said) -> str | None:
    """``names.kind_after_a_kind``, not at one door and on one line (``_door_and_line``: a body's site written so)."""
    kind = kind_after_a_kind(a, b)
    return None if kind is None or _door_and_line(said) else kind


def _kinds_and_own(reason: str) -> bool:
    """The name reason says each name has a kind of body the other lacks, and each words of its own besides its
    kind's ("healthcare / integrated" beside "trust vs centre"); not where its own words are its kind's ("Pelsall
    Village Hall Trust" / "Pelsall Village Centre", "hall / centre": one venue's charity, a review's find)."""
    m = _KINDS_AND_OWN.search(reason)
    return m is not None and all(set(own.split()) - set(kind.replace("/", " ").split())
                                 for kind, own in ((m.group(1), m.group(3)), (m.group(2), m.group(4))))


def _kinds_apart(reason: str) -> tuple[set[str], set[str]] | None:
    """The kinds of body a name reason says each name has and the other lacks (``_KINDS_APART``), or None."""
    m = _KINDS_APART.search(reason)
    return None if m is None else (set(m.group(1).split("/")), set(m.group(2).split("/")))


def review_only(pair, names: Mapping[str, str] | None, several=None) -> str | None:
    """Why ``pair`` may be reviewed but never merged, in words; None when nothing stands against a merge.

    A pair below the reporting score (``weights.DUPLICATE_MIN_SCORE``), listed because a lower minimum was
    asked for, is a candidate to look at, not a merge to make.

    A name that still names two or more bodies once its unit prefixes are gone ("Department of
    Ophthalmology, Xiangya Hospital, Central South University": a hospital and a university) does not
    say which body its record is, so a pair that rests on that name is a guess, on any list
    (``names.several_bodies``). An identifier, address, phone or website both records share says which
    body they are, so such a pair may still be merged. ``several``: ``names.several_bodies``, or a memo of it
    (``merge_plan`` asks it of each name once, not once per pair).
    """
    if pair.score < W.DUPLICATE_MIN_SCORE - 1e-9:  # asked for with a lower --min-score: worth a look only
        return (f"scores {pair.score}, below {W.DUPLICATE_MIN_SCORE}, the score a merge is advised at: "
                "review it rather than merge")
    said = _said(pair.reasons)  # (the reasons read once for all the rules below: 184k pairs at 100k records)
    if said.starts(WEBSITE_NAMES_THE_OTHER):
        # "Beacon Centre for the Blind" at beaconvision.org / "Beacon Vision", on one phone (a care trial's renamed
        # charity, 0.72 and unlisted): the new name, or a service the body runs under its own site
        return ("one record's website is named after the other's name, at one door or on one line: one body renamed, "
                "or a body and a service of its: review it (merge them, or keep both with part_of)")
    if said.has(ON_DIFFERENT_STREETS):  # the sites of one body at different addresses
        # are bodies of their own (issue 10); the reason above names the two addresses
        return f"the addresses are {ON_DIFFERENT_STREETS}: two sites of one body, or one that moved: review it " \
               "rather than merge"
    if said.starts(PARENT_REGISTERED_APART):
        return ("one record is part of a body registered under another number than the other's: a project of one "
                "charity beside another body of its words, or the project grown into a body of its own: review it "
                "rather than merge")
    if said.has(NAMING_FORMS_IN_ITS_TOWN) and not said.starts(("same address", "same phone number", "same website",
                                                               "same identifier")):
        # (at its door, on its line, at its site or under its number, one body, as before: merged)
        return ("'University of X' and 'X University' in a list of X's: its own university written either way, or "
                "two bodies: review it rather than merge")
    if said.has(TOWN_LONG_NAME) and not said.starts(("same address", "same phone number", "same website",
                                                      "same identifier")):
        return ("one name writes its town's long name, the other its short name, which may be another town's "
                "(Kingston upon Hull, Kingston upon Thames): review it rather than merge")
    if said.starts(FORMS_OF_TWO_KINDS):
        return ("one name written with an association's legal form and with a company's: a club or charity and the "
                "company it runs, or one body that changed its form: review it rather than merge")
    if said.starts(AREA_AND_STREET):
        return ("one address names an area alone (a ward, an estate) and the other a street, which may be in it or "
                "elsewhere: review it rather than merge")
    if said.starts(TOWNS_APART):
        return "the addresses name different towns: two bodies, or two sites of one: review it rather than merge"
    if said.starts(LINE_ONLY):  # ("Samaritans" at "Freephone helpline" / "Samaritans" in Walsall, a branch of its own)
        return ("one record gives a line and no door, the other a place: a body's national or remote service beside a "
                "local one of its name, or one body: review it rather than merge")
    if said.starts(NAMED_ELSEWHERE):
        return ("one name names a town and the other's address is in another: a local group and a body elsewhere (a "
                "national or regional office), or one body that moved: review it rather than merge")
    if said.ends(ONE_TOWN_ONLY):
        return f"the addresses share only their town: {ONE_TOWN_ONLY}: review it rather than merge"
    if said.starts(AREAS_APART) and not said.starts("same address"):
        # a college's campuses in two towns answer on one switchboard ("City of Wolverhampton College", Paget Road
        # and Old Hall Street, merged on their one name and phone): one phone says one body, not one site; and one
        # charity number at two sites is a national body and its branch ("Mind" / "Mind (Sandwell)", on the
        # national helpline or not)
        return ("the postcodes are in different areas: two sites of one body, or one that moved: review it rather "
                "than merge")
    if said.starts(POSTCODES_APART) and not said.starts(_ONE_PLACE_OR_LINE):
        # "Ladywood Community Gardens Network" (B16 0QT) / "Ladywood Community Garden" (B16 8HA), merged on their
        # names in a green skills trial: two postcodes are two addresses, and nothing else said one body. A register
        # does not say one site: a college's campuses share its UKPRN ("Coventry College" at CV1 5DG and at CV1 3GD,
        # a skills trial's two campuses merged on it)
        return ("two postcodes of one district, and no address, phone or website says one place: two sites or "
                "bodies, or one that moved: review it rather than merge")
    same_ids = next((r[len("same identifier "):].split(", ") for r in pair.reasons if r.startswith("same identifier")),
                    ()) if said.starts("same identifier") else ()
    if same_ids and "a body of its own" in pair.reasons[0] and not any(map(numbers_a_site, same_ids)):
        # "Dudley College of Technology" / "Dudley College - Dudley Advance II" under one UKPRN: the register says
        # one body, the names two (a campus, another institution): a trial's merge read "a body of its own"
        return ("the names say two bodies and a register one: review it (merge them, or keep both with part_of)")
    if pair.reasons and pair.reasons[0].startswith(NO_WORD_IN_COMMON) and not same_ids and names and min(
            len(name_key(names[x]).tokens) for x in (pair.a, pair.b)) >= 2 and (
            not _initials_in(names[pair.a], names[pair.b], door=said.starts(_ONE_DOOR))
            or _initials_add_a_place(pair.reasons[0])):
        # a council's teams and a housing group's services share its door, switchboard and website ("Rough Sleeper
        # Outreach Team" / "Welfare Rights Service", "Playscheme at Penn Fields" / "Transitions Team": housing and
        # SEND trials' merges at 0.95): names of two words or more with no word in common are two bodies or one
        # renamed (a one-word name may be the other's short name: "Wolves" at the club's door and website)
        return ("the names have no word in common: two bodies that share a door, a phone or a website, or one "
                "renamed: review it rather than merge")
    if said.starts(WEBSITES_APART) and not same_ids and (
            said.starts((PAGE_UNDER, SITES_OF_THEIR_OWN)) or not said.starts(_ONE_DOOR_OR_LINE)):
        # (at one address and phone, a renamed body's new site: "Greater Pittsburgh Literacy Council" / "Literacy
        # Pittsburgh"; but not a page under the other's own site, a unit's: "Dudley College Enterprise Hub" /
        # "Dudley College" on the college's door and switchboard, merged at 1.0 in an enterprise hold-out)
        return ("the records give two bodies' websites: two bodies of one name (two councils' services), or one that "
                "moved: review it rather than merge")
    if said.starts(UNIT_PAGE) and not said.starts("same identifier"):
        return ("one record's website is a page named for words its name adds to the other's: a unit's or a project's "
                "page, so a unit of the body, or the body: review it (merge them, or keep both with part_of)")
    if names and not (said.starts("same identifier") and said.starts(_ONE_DOOR_OR_LINE)) and (
            number := numbered_unit(names[pair.a], names[pair.b])):  # (one registered body at one door or line is
        # the group written with and without its number: "1st Penn Scout Group" / "Penn Scout Group", a review's)
        return (f"only one name writes {number!r}, a numbered unit's number (a Scout group, a Brigade company): a unit "
                "of the body, or the body: review it rather than merge")
    if names and (parts := two_parts(names[pair.a], names[pair.b])):
        return (f"both names are one body's with a part of its own after a dash ({parts}): two parts of one body, "
                "which share its identifier and website: review it rather than merge")
    if names and pair.reasons and not pair.reasons[0].startswith((NO_WORD_IN_COMMON, SAME_NAME)) and (
            service := service_added(names[pair.a], names[pair.b])) and not (
            service == "shop" and said.starts(("same address", "same postcode", "same phone number"))) and not (
            service in PUBLICATIONS and (said.starts(_REGISTER_OR_WEBSITE) or _door_and_line(said)) and titled(
                min(names[pair.a], names[pair.b], key=len))):
        # (a body named for its title, "Black Country Bugle Magazine" / "Black Country Bugle", one register, website,
        # or door and line says; a review's find; not a network's or an association's newsletter, which shares all)
        # (a trading name, "Mrs B's Kitchen" of a catering company, shares no word, or is its other name: the rules
        # on such names decide; a shop at the other's door is the other, "Beans Coffee Shop" / "Beans Coffee")
        return (f"only one name names a service, a shop or a publication ({service}): a service a body runs, its "
                "shop or what it publishes, or the body: review it (merge them, or keep both with part_of)")
    if names and pair.reasons and not pair.reasons[0].startswith(SAME_NAME) and (
            part := council_part(names[pair.a], names[pair.b])):
        # (one name once normalised, the service in a bracket or not: "City of Wolverhampton Council (Economic Growth
        # Team)" / "... Council Economic Growth Team", reviewed at 1.0 on one door, line and site in an enterprise
        # hold-out)
        return (f"one name ends with 'Council' and the other writes {part!r} after it: a council's service beside a "
                "body named as a council (a youth council), or the council and its service: review it (merge them, or "
                "keep both with part_of)")
    if names and not said.starts("same identifier") and (company := company_of(names[pair.a], names[pair.b])):
        return (f"one name is the other's with {company!r} and a company's legal form: the body's own company (a "
                "college's or a charity's, with its own number), or the body: review it (merge them, or keep both)")
    if names and (part := part_after(names[pair.a], names[pair.b]) or _kind_added(names[pair.a], names[pair.b], said)):
        return (f"one name is the other's with {part!r} added: a part of the body, or the body: review it (merge "
                "them, or keep both with part_of)")
    if same_ids and names and added_after(names[pair.a], names[pair.b]) and not said.starts(_ONE_DOOR) and not any(
            map(numbers_a_site, same_ids)):
        # a charity's services and projects are registered under its number, named after it ("Barnardo's Black
        # Country Family Support" / "Barnardo's", an early years trial's merge at 0.99, the service kept): at no one
        # door, the body or a part of it
        return ("one registered number, and one name is the other's with words of its own: a service, project or "
                "branch of the body, or the body: review it (merge them, or keep both with part_of)")
    if same_ids and names and (site := site_after_a_dash(names[pair.a], names[pair.b])):
        return (f"one registered number, and one name adds {site!r} after a dash: a site of the body, or the body: "
                "review it (merge them, or keep both with part_of)")
    if names and not same_ids and said.starts("same postcode") and not said.starts(
            _ONE_PLACE_OR_LINE if _adds_a_place(pair, names) else _ONE_DOOR_OR_LINE) and not (
            "(" in names[pair.a] or "(" in names[pair.b]) and added_after(names[pair.a], names[pair.b]) and not \
            kind_written_after(names[pair.a], names[pair.b]):
        # a body's service or section at its postcode ("Age UK Walsall Community Transport" / "Age UK Walsall",
        # "Wolverhampton Wheelers Youth Academy" / "Wolverhampton Wheelers", merged at 1.0 and 0.83 in a transport
        # trial): a postcode is a street's many doors, and a name that adds words of its own after the body's names
        # a part of it as often as the body written in full (a bracket's words, its owner's or its site's, "Forest
        # Arts Centre (Walsall Council)", are read by the rules on brackets)
        return ("one name is the other's with words of its own after it, and only a postcode says one place (a "
                "street's many doors): a service, project or section of the body at its door, or the body: review it "
                "(merge them, or keep both with part_of)")
    if same_ids and names and OWN_WORDS in pair.reasons[0] and not _door_and_line(said) and _more_apart_than_alike(
            names[pair.a], names[pair.b]) and not any(map(numbers_a_site, same_ids)):
        # "Wheels to Work Black Country" / "Black Country Community Transport CIO", a charity's project under its
        # number at its postcode, merged at 0.99 in a transport trial: names that share fewer words than each
        # adds are as far apart as names with none in common (below); at one door and on one line both, the body
        # renamed ("Positive Youth Foundation" / "Positive Futures Coventry"); a project runs from the charity's office
        return ("one registered number, but names that share fewer words than each has of its own, and no door and "
                "line both say one: a project, branch or other name of one body: review it (merge them, or keep both "
                "with part_of)")
    if same_ids and pair.reasons[0].startswith(NO_WORD_IN_COMMON) and not any(map(numbers_a_site, same_ids)):
        # a charity's projects and branches are registered under its number, and a company's trading names under
        # its own ("Restore" / "Birmingham Churches Together", "Codsall U3A" / "The Third Age Trust": 0.99 on the
        # number alone): names with no word in common are the body, a part of it or its other name
        return ("one registered number, but names with no word in common: a project, branch or other name of one "
                "body: review it (merge them, or keep both with part_of)")
    if same_ids and ONLY_A_PLACE in pair.reasons[0] and not said.starts(_ONE_PLACE_OR_LINE) and not any(
            map(numbers_a_site, same_ids)):
        # names that share only their town's name (or a common word) are as far apart as names with none in common:
        # "CAP Wolverhampton" / "Wolverhampton Christian Fellowship", a church's debt centre under its number, merged
        # at 0.99 in a faith trial, nothing but the number in common; at one door or on one line, the body renamed
        # ("Dudley Mencap" / "Include Dudley" on one phone)
        return ("one registered number, but names that share only a place's name or a common word: a project, branch "
                "or other name of one body: review it (merge them, or keep both with part_of)")
    if same_ids and _two_bodies_kinds(pair.reasons[0]) and not _door_and_line(said) and not any(
            map(numbers_a_site, same_ids)):
        # "Women's Interfaith Network Wolverhampton" / "Wolverhampton Inter-Faith Group", the forum's network under
        # its number, merged at 0.99 in a faith trial: two kinds of body under one number are the body and a part
        # (not a place's word read as a kind: "MS Society Dudley and District" / "MS Society Dudley Group")
        return ("one registered number, but the names say two kinds of body (a forum and its network, a church and "
                "its club): a project or part of one body, or the body renamed: review it (merge them, or keep both "
                "with part_of)")
    if same_ids and not pair.reasons[0].startswith("same name") and said.starts(_CONTACT_APART) and not said.starts(
            ("same address", "same postcode")) and not (
            names and same_words(names[pair.a], names[pair.b])) and not any(map(numbers_a_site, same_ids)):
        # a diocese's parishes and a circuit's churches are registered under its number, and a charity's agency
        # under the charity's ("Wednesbury, St Paul" / "Wednesbury, St Bartholomew", "Walsall Methodist Church" /
        # "Walsall Methodist Circuit", "Caritas Archdiocese of Birmingham" / "Archdiocese of Birmingham", each pair
        # on two phones, were merged at 0.99 on the number): names that differ, at two phones or addresses, are two
        # of its parts, or one body written twice; at one address or postcode a renamed body keeps its number
        # ("Age Concern Wolverhampton" / "Age UK Wolverhampton"), and one name's words in another order are one
        # name ("Walsall U3A" / "U3A in Walsall")
        return ("one registered number, but the names differ and so do their phones or addresses: the parts of one "
                "registered body (a diocese's parishes, a circuit's churches, a charity's projects) share its number: "
                "review it (merge them, or keep both with part_of)")
    if same_ids and names and OWN_WORDS in pair.reasons[0] and not _door_and_line(said) and parts_of_one_body(
            names[pair.a], names[pair.b]) and not any(map(numbers_a_site, same_ids)):
        # a trust's services are listed under its code, named as it and a service after a dash ("... Healthcare NHS
        # Foundation Trust - Maternal Mental Health Service" / "... - Perinatal Mental Health Team", one building, two
        # lines: merged at 0.99 on GB-NHS-TAJ in a family hubs hold-out)
        return ("one registered number, and both names are its body's with a part of its own after a dash, each with "
                "words of its own: two units of the registered body, which share its number: review it rather than "
                "merge")
    if same_ids and names and OWN_WORDS in pair.reasons[0] and _kind_of_its_own(
            names[pair.a], names[pair.b]) and not any(map(numbers_a_site, same_ids)):
        # an NHS trust's recovery college is listed under the trust's code ("Black Country Recovery College" /
        # "Black Country Healthcare NHS FT", GB-NHS-TAJ at one postcode: merged in a mental health hold-out, the
        # trust kept as the college's alias); a renamed body has no kind of its own ("Age Concern" / "Age UK")
        return ("one registered number, and one name has a kind of body of its own (a college, a school, a "
                "library) the other lacks: a unit of the registered body, or the body: review it (merge them, or "
                "keep both with part_of)")
    if same_ids and (said.has("a branch or another body") or said.starts("different places")) and not (
            said.starts("same address") or (said.starts("same postcode") and _one_adds_a_place(pair, names))
    ) and not any(map(numbers_a_site, same_ids)):
        # one registered body whose names say a branch or a site of it (a national charity's local corps share its
        # charity number): a record each may be what the user wants; at one address, or one postcode (a street's
        # few doors), a place one name adds to the other's words says where the body is ("Guru Nanak Gurdwara
        # Sedgley Street", "Friends of West Park (Wolverhampton)"), not a branch elsewhere
        return ("one registered body, but the names say a branch or a site of it: review it (merge them, or keep "
                "both with part_of)")
    if pair.reasons and borough_and_place(pair.reasons[0]):  # (listed at one door and line: ``duplicates``)
        return ("the names give two places, one a council area: one body named for its borough and for its town, at "
                "one door and line, or two bodies: review it rather than merge")
    if pair.reasons and ANOTHER_INSTITUTION in pair.reasons[0]:
        return ("only one name names its kind so: another institution (a university of technology, a teaching "
                "hospital), or the body written in full at its own door: review it rather than merge")
    if names and said.starts("same postcode") and not said.starts(EVIDENCE_BEYOND_NAME) and _kinds_each(
            names[pair.a], names[pair.b]):
        return ("the names say two kinds of body, each with words of its own, and only a postcode says one place (a "
                "street's many doors): review it rather than merge")
    if pair.reasons and _KINDS_APART.search(pair.reasons[0]) and not said.starts(EVIDENCE_BEYOND_NAME):
        return ("the names say two kinds of body, and no identifier, street address, phone or website says they are "
                "one (a postcode is a street's many doors): review it rather than merge")
    if pair.reasons and (kinds := _kinds_apart(pair.reasons[0])) and any(
            "council" in side for side in kinds) and not said.starts(_REGISTER_OR_WEBSITE):
        # a council's building and switchboard hold its services and the bodies it hosts ("Walsall Youth Council" /
        # "Walsall Youth Support Services", merged at 0.84 in a youth trial on the Civic Centre's postcode and line)
        return ("one name says a council and the other another kind of body, and no register or website says they "
                "are one (a council's building and switchboard serve many): review it rather than merge")
    if names and not said.starts(_REGISTER_OR_WEBSITE) and said.starts("same address") and said.starts(
            _CONTACT_APART[0]) and _two_kinds(
            names[pair.a], names[pair.b]):
        # "Wolverhampton Voluntary Sector Council (WVSC)" / "... Consortium", the council hosting the consortium at
        # its address, merged at 1.0 in a volunteering trial: one building holds several bodies, on their own lines
        return ("the names say two kinds of body, at one address on two phones: two bodies of one building, or one: "
                "review it rather than merge")
    if said.has(AT_ONE_VENUE) and not said.starts(_REGISTER_OR_WEBSITE):
        return ("a venue and a body that meets there, or two bodies that meet at it, share its address and its "
                "phone: review it rather than merge")
    if pair.reasons and IN_BRACKETS in pair.reasons[0]:
        return ("one name is the other's in brackets after a name of its own: a project or service of the other, or "
                "its new name: review it (merge them, or keep both with part_of)")
    if pair.reasons and OWN_WORDS in pair.reasons[0] and not said.starts(_REGISTER_OR_WEBSITE):
        return ("each name has words of its own, and no register or website says they are one (bodies that share a "
                "building or a booking line): review it rather than merge")
    if pair.reasons and OWN_WORDS in pair.reasons[0] and said.starts("same identifier") and _kinds_and_own(
            pair.reasons[0]):
        # a register's number names the body a list files its units and sites under: "Walsall Healthcare NHS Trust -
        # Sexual Health (WISH)" / "Walsall Integrated Sexual Health (WISH) - Saddlers Centre", one trust's code on
        # both, merged at 0.99 on it in an LGBTQ+ hold-out
        return ("one registered body, but the names say two kinds of body, each with words of its own: the body and a "
                "unit or site listed under its number, or the body renamed: review it (merge them, or keep both with "
                "part_of)")
    if pair.reasons and AFTER_A_DASH in pair.reasons[0]:
        # (a branch's or a project's page on its national body's site is no evidence either: "National Autistic
        # Society - West Midlands Branch" / "National Autistic Society", a SEND trial's merge, "The Children's Society
        # - Wolverhampton Young Carers" / "The Children's Society", an early years trial's)
        # (a register's number is no evidence here: a unit is written with its body's, "University of Birmingham -
        # Birmingham Energy Institute" under the university's UKPRN, merged in a trial)
        return ("one name is the other's with words after a dash or a building's word: a unit, a site, a meeting or "
                "the hall of the body, or the body written so: review it (merge them, or keep both with part_of)")
    if said.holds(SITE_OF_THE_BODY):
        return ("one name is the other's and words of its own naming a site, a service or a branch, on the body's "
                "website: review it (merge them, or keep both with part_of)")
    if said.starts(TWO_ESTABLISHMENTS) and not _door_and_line(said):
        return ("one registered number, but two establishments of one kind, each named for itself (a care group's "
                "homes, a trust's schools, a diocese's churches share its number): review it (merge them, or keep both "
                "with part_of)")
    if said.starts(REGISTERS_APART):
        return ("the records carry numbers of two registers no one body is on together (a society's and a charity's or "
                "a company's): two bodies, or a number written on the wrong record: review it rather than merge")
    if pair.reasons and ANOTHER_MEETING in pair.reasons[0]:
        return ("one name alone names a day: another market, meeting or session of the body's, or the body: review "
                "it (merge them, or keep both with part_of)")
    if said.starts(RUN_BY_THE_OTHER):  # (the other a name alone: no identifier to share)
        return ("one record is recorded as part of a body whose name the other's is, and adds words of its own: a "
                "unit beside its body: review it rather than merge (or keep both with part_of)")
    if said.starts(UNITS_OF_ONE):
        # a business improvement district's events on its phone ("Walsall Christmas Lights Switch On" / "Walsall
        # Christmas Market", merged at 0.81 in a town centres trial): the parts of one body share its door and line
        return ("both are recorded as parts of one body, whose door, line and website they share: two of its parts, "
                "or one written twice: review it rather than merge")
    if pair.reasons and (MANY_AND_ONE in pair.reasons[0] or (names and many_and_one(
            name_key(names[pair.a]), name_key(names[pair.b])))):  # (with words of their own besides, scored by them)
        return ("one name writes a venue's kind in the plural, the other once: a service (a council's libraries) and "
                "one of its venues, or one body written so: review it (merge them, or keep both with part_of)")
    if pair.reasons and CHARITY_OF in pair.reasons[0]:
        return ("an NHS trust's, a council's or a university's charity is registered apart, a body of its own: review "
                "it rather than merge (or keep both with part_of)")
    if pair.reasons and FOUNDATION_OF in pair.reasons[0]:
        return ("a club's or a company's foundation is its charity, a body of its own, and a grant-maker is written "
                "with and without the word: review it (merge them, or keep both with part_of)")
    if pair.reasons and ONLY_A_PLACE in pair.reasons[0] and not same_ids:
        return ("the names share a place's name and common words, nothing else: bodies of one town at one address "
                "or phone (the offices of one building, the groups of one community centre) are two unless an "
                "identifier says one: review it rather than merge")
    if pair.reasons and _SPELLED.match(pair.reasons[0]) and not said.starts(EVIDENCE_BEYOND_NAME):
        return ("initials read as the other name's words, and no identifier, street address, phone or website says "
                "they are one (initials spell several names; a postcode is a street's many doors): review it rather "
                "than merge")
    if pair.reasons and SPELLS_A_KIND in pair.reasons[0] and not said.starts(EVIDENCE_BEYOND_NAME):
        return ("initials of a body of its own kind (a friends' group, a hospital) spell other names too, and no "
                "identifier, street address, phone or website says they are one: review it rather than merge")
    if pair.reasons and _TWO_LETTERS.match(pair.reasons[0]) and not said.starts(_REGISTER_OR_WEBSITE):
        # "Penn CC" at the address (and on the phone) of both "Penn Cricket Club" and "Penn Community Centre": a club
        # based at a centre shares its door, so only a register's number or a website says which body two letters are
        return ("two letters read as the other name's words, which two bodies at one door may both be (a cricket "
                "club and the community centre it meets at share an address and a phone): only an identifier or a "
                "website would say which; review it rather than merge")
    if names and not said.starts(_REGISTER_OR_WEBSITE) and (
            who := people_added(names[pair.a], names[pair.b])):
        return (f"one name is the other's with {who!r}: a body or a section for those people, or the body, and no "
                "register or website says they are one: review it (merge them, or keep both with part_of)")
    if names and not said.starts(_REGISTER_OR_WEBSITE) and (
            team := team_name_added(names[pair.a], names[pair.b])):
        return (f"one club's name is the other's with {team!r} before its sport: another club of that place (clubs "
                "share grounds), or the club written in full, and no register or website says they are one: review "
                "it rather than merge")
    if not names:
        return None
    if (" / " in names[pair.a] or " / " in names[pair.b]) and (joint := _one_of_two(names[pair.a], names[pair.b])):
        return joint
    several = several or several_bodies
    why = several(names[pair.a]) or several(names[pair.b])
    return None if why and said.starts(EVIDENCE_BEYOND_NAME) else why


#: How a pair's reasons say two records' phones or street addresses differ (``duplicates.contact_evidence``).
_CONTACT_APART = ("but different phone numbers", "but different addresses")


#: Kinds of establishment a registered body runs as units under its own number (a trust's recovery college, a
#: charity's school or museum, a church's foodbank): not every word of ``names.KIND_WORDS``, whose "youth", "first"
#: or "union" name no establishment ("Positive Youth Foundation" renamed "Positive Futures", a review's find).
_UNIT_KINDS = frozenset("college colleges school schools academy library libraries museum museums gallery galleries "
                        "hospital hospitals nursery nurseries preschool clinic clinics theatre foodbank cafe".split())


_CLASH = re.compile(r"different places: (.+) vs (.+) \(branches or sites\)")


def borough_and_place(reason: str) -> bool:
    """A name reason saying different places, one of them a council area ("tameside" vs "ashton"): a body named for
    its borough and for its town ("Tameside Carers Centre" / "Carers Centre Ashton", merged at one door and line
    until council areas were places: a review's find), or two bodies."""
    m = _CLASH.match(reason) if reason.startswith("different places") else None
    return m is not None and any(set(side.split()) <= DISTRICTS for side in m.groups())


def _two_bodies_kinds(reason: str) -> bool:
    """The name reason says each name has a kind of body the other lacks (``_kinds_apart``), each a body's kind
    (``_BODY_KINDS``: a group and a network, not a district and a group)."""
    kinds = _kinds_apart(reason)
    return kinds is not None and all(side <= _BODY_KINDS for side in kinds)


def _adds_a_place(pair, names: Mapping[str, str]) -> bool:
    """One name adds a place to the other's, by the name reason ("a branch or another body": "Arts Connect West
    Midlands" / "Arts Connect") or a street's name ("Guru Nanak Gurdwara Sedgley Street", a review's find): a branch
    or the body's site, whose website is its own page, so one home page both give says one body."""
    if "a branch or another body" in pair.reasons[0]:
        return True
    added = added_words(names[pair.a], names[pair.b])
    return added is not None and not STREET_TYPES.isdisjoint(added[1])


def _door_and_line(said) -> bool:
    """The pair's records share a phone and an address or a postcode (its reasons read once, ``_said``): one door and
    one line."""
    return said.starts("same phone number") and said.starts(("same address", "same postcode"))


def _more_apart_than_alike(a: str, b: str) -> bool:
    """Each name has as many words of its own as the two share, or more (their content words, ``name_key``)."""
    ta, tb = set(name_key(a).tokens), set(name_key(b).tokens)
    return min(len(ta - tb), len(tb - ta)) >= len(ta & tb)


def _kind_of_its_own(a: str, b: str) -> bool:
    """One name has a word naming an establishment (``_UNIT_KINDS``: a college, a school) and the other none."""
    ta, tb = set(name_key(a).tokens), set(name_key(b).tokens)
    return bool(_UNIT_KINDS & ta) != bool(_UNIT_KINDS & tb)


def _one_of_two(a: str, b: str) -> str | None:
    """Why a pair is reviewed when one name is two names joined by " / " and the other is one of them ("Mind /
    Rethink Mental Illness" / "Rethink Mental Illness": a wellbeing hold-out's joint provider cell, merged into one
    of its two bodies); None otherwise."""
    for joint, one in ((a, b), (b, a)):
        if one_name_twice(joint):  # "Swansea Council / Cyngor Abertawe": one body's name in two languages
            continue
        parts = [name_key(p).tokens for p in joint.split(" / ")]
        if len(parts) > 1 and name_key(one).tokens in parts:
            return (f"{joint.strip()!r} names two bodies, and the other is one of them: review it rather than "
                    "merge (keep both, or write each body's own record)")
    return None


_ONLY_ONE_NAMES = re.compile(r"only (['\"])(.+?)\1 names ")


def _initials_add_a_place(reason: str) -> bool:
    """The name reason says the name written with initials adds a place: "NAS Wolverhampton Branch" / "National
    Autistic Society", a branch; not a place the initials spell ("ART Business Loans" / "Aston Reinvestment Trust",
    Aston read as a place once a list's address wrote it between a street and a town)."""
    if "a branch or another body" not in reason or not (m := _ONLY_ONE_NAMES.search(reason)):
        return False
    return bool(name_key(m.group(2)).capitals)


def _initials_in(a: str, b: str, door: bool = True) -> bool:
    """One name writes in capitals the initials of the other's words ("JFCS Pittsburgh" / "Jewish Family &
    Community Services"): words in common after all. Where no address or phone is shared (not ``door``), not when
    it adds two words or more the other does not have: on the body's website alone, those name a part of the body
    the initials spell, a centre or a project ("CAP Debt Centre - Jubilee Church" / "Christians Against Poverty", a
    food trial's merge at 0.95 on the national site both give); at its door, its trading name ("ART Business
    Loans" / "Aston Reinvestment Trust"). One more word is a place or a kind ("JFCS Pittsburgh")."""
    ka, kb = name_key(a), name_key(b)
    for x, y in ((ka, kb), (kb, ka)):
        if (spelt := x.capitals & acronyms(y)) and (door or len(set(x.tokens) - spelt - set(y.tokens)) <= 1):
            return True
    return False


#: How a pair's reasons say its records carry two registers' numbers no one body holds (``duplicates.find_duplicates``).
REGISTERS_APART = "but numbers of registers no one body is on together"


def _two_kinds(a: str, b: str) -> bool:
    """Each name has a word the other lacks, nor writes misspelt, one of them a kind of body's ("Council" /
    "Consortium" after "Wolverhampton Voluntary Sector"); not "Second Street Grill" / "... Grille", one restaurant's
    two spellings, nor "Viva" / "Viva Home Based", a site's two names (two phones at one door are common for one)."""
    own_a, own_b = _own_words(name_key(a), name_key(b))
    return bool(own_a and own_b) and bool((own_a | own_b) & _BODY_KINDS)


def _own_words(ka, kb) -> tuple[set[str], set[str]]:
    """The words each of two names' keys has that the other lacks, nor writes misspelt (``names.like``)."""
    ta, tb = set(ka.tokens), set(kb.tokens)
    return {w for w in ta - tb if not like(w, tb - ta)}, {w for w in tb - ta if not like(w, ta - tb)}


def _kinds_each(a: str, b: str) -> bool:
    """Each name has a word naming a kind of body (``_BODY_KINDS``) the other lacks, nor writes misspelt, and a word
    of its own besides: "Low Hill Job Club" / "Low Hill Community Association". Not one kind written two ways, a
    word's two spellings ("Penn Playgroup" / "Penn Play Group") nor a group's two words for what it is ("Tettenhall
    Wood Residents Association" / "... Residents Group", "Ettingshall Lunch Club" / "... Lunch Group": a review's
    finds)."""
    ka, kb = name_key(a), name_key(b)
    return ka.joined != kb.joined and all(words & _BODY_KINDS and words - _BODY_KINDS for words in _own_words(ka, kb))


#: Words naming a kind of body, by its form or its place in others' ("Council", "Consortium", "Trust", "Forum"), with
#: ``names.KIND_WORDS``' establishments: not a word that says what a body does ("Learning", "Development").
_BODY_KINDS = KIND_WORDS | frozenset("council consortium alliance coalition trust foundation association society "
                                     "partnership network forum federation board committee charity company "
                                     "cooperative club group".split())


#: How a pair's reasons say both records are recorded as parts of one body (``duplicates.find_duplicates``).
UNITS_OF_ONE = "both recorded as parts of"
#: How a pair's reasons say one record is part of a body whose name holds the other's, to which it adds words of its
#: own (``duplicates._run_by_the_other``): a unit beside another record of its body.
RUN_BY_THE_OTHER = "but one is recorded as part of a body whose name the other's is"
#: How a pair's reason says its names are two establishments of one kind under one registered number
#: (``duplicates.find_duplicates``): a care group's homes, a trust's schools.
TWO_ESTABLISHMENTS = "but two establishments of one kind, each named for itself"


#: Reasons that say two records share a door: an address, a postcode or a phone.
_ONE_DOOR = ("same address", "same postcode", "same phone number")


def _contact_apart(pair) -> bool:
    """A pair's reasons say two phones, two street addresses or postcodes in two areas."""
    return any(r.startswith(_CONTACT_APART) or r.startswith(AREAS_APART) for r in pair.reasons)


#: Reasons that say a register's number or a website both records give says they are one body: what the rules that
#: review names at one address or phone (two letters, a venue, words of their own, words after a dash) still merge
#: by; an address or a phone is shared by the bodies of one building.
_REGISTER_OR_WEBSITE = ("same identifier", "same website")


#: What separates a pair's reasons in ``_Said``'s one string: no reason holds it (``_said`` checks).
_SEP = "\x00"


class _Said:
    """A pair's reasons as one string, each between two ``_SEP``: what ``review_only``'s rules ask of them (does a
    reason begin with, hold, end with or equal these words), each an ``in`` on the string, not a loop over them."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def starts(self, prefix: str | tuple[str, ...]) -> bool:
        """any(r.startswith(prefix) for r in reasons)"""
        if isinstance(prefix, str):
            return _SEP + prefix in self.text
        return any(_SEP + p in self.text for p in prefix)

    def has(self, words: str) -> bool:
        """any(words in r for r in reasons)"""
        return words in self.text

    def ends(self, suffix: str) -> bool:
        """any(r.endswith(suffix) for r in reasons)"""
        return suffix + _SEP in self.text

    def holds(self, reason: str) -> bool:
        """reason in reasons"""
        return _SEP + reason + _SEP in self.text


class _SaidOneByOne:
    """``_Said``'s questions asked reason by reason: for reasons one of which holds ``_SEP``, or none."""

    __slots__ = ("reasons",)

    def __init__(self, reasons):
        self.reasons = reasons

    def starts(self, prefix: str | tuple[str, ...]) -> bool:
        return any(r.startswith(prefix) for r in self.reasons)

    def has(self, words: str) -> bool:
        return any(words in r for r in self.reasons)

    def ends(self, suffix: str) -> bool:
        return any(r.endswith(suffix) for r in self.reasons)

    def holds(self, reason: str) -> bool:
        return reason in self.reasons


def _said(reasons) -> _Said | _SaidOneByOne:
    """A pair's reasons, read for ``review_only``'s rules."""
    text = _SEP + _SEP.join(reasons) + _SEP
    return _Said(text) if reasons and text.count(_SEP) == len(reasons) + 1 else _SaidOneByOne(reasons)


def _one_adds_a_place(pair, names: Mapping[str, str] | None) -> bool:
    """True when one name of ``pair`` is the other's words and more ("Friends of West Park" / "Friends of West Park
    (Wolverhampton)"): what it adds is all the difference; not "Age UK Walsall" / "Age UK Birmingham"."""
    if not names or pair.reasons[0].startswith("different places"):
        return False
    a, b = (set(name_key(names[x]).tokens) for x in (pair.a, pair.b))
    return a <= b or b <= a


@dataclass(frozen=True)
class PlannedPair:
    """What ``lcg duplicates`` offers for one pair: merge (with its group) or review, and why."""

    pair: Any
    group: int  # number from 1: merge groups first (largest first), then pairs to review on their own
    action: str  # "merge" or "review"
    size: int  # records in the group (2 for a pair reviewed on its own)
    weakest: Any  # the group's weakest pair, named when the pair is for review; else None
    notes: tuple[str, ...]  # reasons added to the pair's own: why it is for review


#: Why a pair of people is for review: a person is recorded by name alone (no contact details), and a name is
#: shared by many people ("Tom Evans" of a digital charity and "Mr Tom Evans" of the WEA).
PEOPLE_BY_NAME = "two people may share a name, and nothing but the name says these are one: review it"


def _by_name_only(pair) -> str | None:
    """Why a pair of people is for review (``PEOPLE_BY_NAME``), unless they are one name, scoring at least the
    reporting score, and both work for one organisation: "John Smith" and "Joan Smith" of one trust, or
    "Mohammed Ali" and "Mohammed Ali Khan", are two people as often as one."""
    if (pair.score >= W.DUPLICATE_MIN_SCORE - 1e-9 and pair.reasons and pair.reasons[0].startswith(SAME_NAME)
            and any(r.startswith(SAME_EMPLOYER) for r in pair.reasons)):
        return None
    return PEOPLE_BY_NAME


@paused_gc()  # (as ``duplicates.find_duplicates``: many small objects, no cycles to collect)
def _split_at_weakest_links(groups: list[list[str]], pairs, conflicts) -> list[list[str]]:
    """``groups``, each holding two records that cannot be one (``conflicts``: decided apart, two registers' numbers,
    a unit and its body, two sites) split where its weakest links alone join them: its pairs below a score are
    dropped, the lowest first, until no part holds both of a conflict; the dropped pairs, each weaker than every
    pair kept, are listed as weak links between two merge groups (``merge_plan``). A recovery hold-out's "Embrace
    Recovery Sandwell" and its two other records (one address, one phone) were joined to "Horizon Substance Misuse
    Services" and its "Ltd" record by three pairs at 0.815 on "substance misuse service", and the five were reviewed
    pair by pair for the two companies' numbers. A group no such cut separates stays whole, offered for review."""
    against: dict[str, set[str]] = defaultdict(set)
    for pair in conflicts:
        a, b = tuple(pair)
        against[a].add(b)
        against[b].add(a)
    if not against:
        return groups
    torn = {n for n, group in enumerate(groups) if (held := set(group)) and any(
        against[x] & held for x in group if x in against)}
    if not torn:
        return groups
    group_of = {x: n for n in torn for x in groups[n]}
    edges_of: dict[int, list] = defaultdict(list)  # each torn group's pairs, gathered in one pass over them all
    for p in pairs:
        if p.a != p.b and (n := group_of.get(p.a)) is not None and group_of.get(p.b) == n:
            edges_of[n].append((p.score, p.a, p.b))
    out = []
    for n, group in enumerate(groups):
        if n not in torn:
            out.append(group)
            continue
        edges = sorted(edges_of[n])
        parts = None
        for level in sorted({score for score, _, _ in edges})[:-1]:  # (never every pair: the strongest stay)
            kept = groups_of([(a, b) for score, a, b in edges if score > level])
            if not any(against[x] & set(part) for part in kept for x in part if x in against):
                parts = kept
                break
        out.extend(parts if parts else [group])
    return sorted(out, key=lambda g: (-len(g), g[0]))


@paused_gc()  # (as ``duplicates.find_duplicates``; the pause had slipped onto ``_split_at_weakest_links`` above
# when that was put between it and this: at 100k records the collector's walks took 2 s of the plan's 7 to 9,
# bench/RESULTS.md, "Duplicates at 100k, session 19")
def merge_plan(pairs, names: Mapping[str, str] | None = None, *, review_size: int | None = None,
               apart=frozenset(), clashing=frozenset(), people: bool = False, same=frozenset(),
               sites=frozenset(), units=frozenset(), free: bool | None = None) -> list[PlannedPair]:
    """Each pair's place in the merge advice, in the order of ``pairs``.

    Pairs form merge groups (``merge_groups``), except pairs for review only (``review_only``), which
    join no group. A group of up to ``review_size`` records (``weights.GROUP_REVIEW_SIZE``) is offered as
    a merge; a larger group is offered as pairs to review one by one, its weakest link named, unless it is one
    name written several times, up to ``weights.GROUP_ONE_NAME_SIZE`` records: every pair of it listed, each the
    same name once normalised or the same identifier with no address, postcode, phone or website apart
    (``DuplicatePair.one_name``), none for review only, which a reviewer checks at a glance (a trial's four
    "Alcaldía de Medellín" records were pairs to review; bench/RESULTS.md, session 9), or a group of up to
    ``weights.GROUP_COMPLETE_SIZE`` every two records of which are a pair to merge themselves, none joined only
    through others (two hold-outs' bodies in three lists and twice in one, on one number, postcode and phone, were
    reviewed pair by pair; bench/RESULTS.md, session 16); a pair cut from its group,
    or for review only, is a group of its own, to review on its own. ``names`` maps ids to organisations' names
    (None for people: a person's name names no body). ``apart``: pairs of ids decided to be different records
    (frozensets, not among ``pairs``): a group that holds both of such a pair, joined through others, is offered
    pair by pair for review, since merging it would undo the decision.
    ``clashing``: pairs of ids whose records carry different numbers of one register
    (``duplicates.identifier_clashes``): a group holding both is offered for review, as for ``apart``.
    ``people``: the pairs are of people, each for review (``PEOPLE_BY_NAME``) unless both work for one body.
    ``sites``: pairs of ids at two sites, joined only through others (``duplicates.site_clashes``): a group
    holding both is offered for review, as for ``apart``.
    ``units``: pairs of ids of a unit and the body it is part of, joined only through others
    (``duplicates.unit_clashes``): a group holding both is offered for review, as for ``apart``.
    ``same``: pairs of ids decided to be one record: never for review only, whatever the rules above say of
    them (the user has reviewed them); they join their group, whose size still decides.
    ``free``: whether a core is free for a forked copy to ask half the pairs' rules (``forked.core_free``, asked
    before the search raised the load with its own work); None to look now.
    """
    review_size = W.GROUP_REVIEW_SIZE if review_size is None else review_size
    several = functools.cache(several_bodies)  # a name is in many pairs (at 100k, 284k pairs of 90k names)
    asked = [p for p in pairs if not same or frozenset((p.a, p.b)) not in same]
    # (at 100k records, 184k pairs' rules: on both cores when one is free, as the search scores its pairs)
    answers = split_map(_by_name_only if people else lambda p: review_only(p, names, several), asked, free=free)
    why = {id(p): w for p, w in zip(asked, answers) if w}
    joining = [p for p in pairs if id(p) not in why]
    groups = _split_at_weakest_links(merge_groups(joining), joining, (*apart, *clashing, *units, *sites))
    group_of = {x: n for n, g in enumerate(groups, start=1) for x in g}
    n = len(groups)
    own: dict[int, int] = {}  # pairs for review only, outside any group: a group number each
    own_cut: dict[int, int] = {}  # pairs cut between two groups: a group number each
    for p in pairs:
        if id(p) in why and not (p.a in group_of and group_of[p.a] == group_of.get(p.b)):
            n += 1
            own[id(p)] = n
        elif group_of.get(p.a) != group_of.get(p.b) or p.a not in group_of:  # a pair cut from its group: a
            n += 1                                                               # group of its own
            group_of.setdefault(p.a, n)
            group_of.setdefault(p.b, n)
            own_cut[id(p)] = n
    members: dict[int, set[str]] = defaultdict(set)
    for x, g in group_of.items():
        members[g].add(x)
    weakest: dict[int, Any] = {}
    # a group joined across a pair for review only, or holding two records decided to be different (its
    # merge would undo the decision): the note its pairs get, offered for review
    flagged: dict[int, str] = {}
    for a, b in sorted(tuple(sorted(pair)) for pair in apart):
        if a in group_of and group_of[a] == group_of.get(b):
            flagged.setdefault(group_of[a], f"its group holds {a} and {b}, decided to be different records")
    for a, b in sorted(tuple(sorted(pair)) for pair in clashing):
        if a in group_of and group_of[a] == group_of.get(b):
            flagged.setdefault(group_of[a], f"its group holds {a} and {b}, whose registry numbers differ: two "
                                            "registered bodies")
    for a, b in sorted(tuple(sorted(pair)) for pair in units):
        if a in group_of and group_of[a] == group_of.get(b):
            flagged.setdefault(group_of[a], f"its group holds {a} and {b}, a unit and the body it is part of")
    for a, b in sorted(tuple(sorted(pair)) for pair in sites):
        if a in group_of and group_of[a] == group_of.get(b):
            flagged.setdefault(group_of[a], f"its group holds {a} and {b}, at two sites, joined only through "
                                            "another record that may be either")
    decided = set(flagged)
    # a group every two records of which are a pair to merge, none for review only (``complete``), and of those one
    # name (or one identifier) written several times: each one name with nothing apart (``DuplicatePair.one_name``:
    # the same name once normalised, or the same identifier, and no address, postcode, phone or website apart)
    clean: dict[int, int] = defaultdict(int)
    linked: dict[int, int] = defaultdict(int)
    for p in pairs:
        if id(p) not in why and id(p) not in own_cut and p.a in group_of and group_of[p.a] == group_of.get(p.b):
            linked[group_of[p.a]] += 1
            clean[group_of[p.a]] += bool(getattr(p, "one_name", False))
    one_name = {g for g, n in clean.items() if n == len(members[g]) * (len(members[g]) - 1) // 2}
    complete = {g for g, n in linked.items() if n == len(members[g]) * (len(members[g]) - 1) // 2}
    # initials read as the other name's words say nothing against a pair that one name written twice joins anyway
    # ("TU Wien" / "Technische Universität Wien", also written "TU Wien": a trial's group of three was reviewed)
    spelled = [p for p in pairs if id(p) in why and why[id(p)].startswith(_READ_AS)]
    if spelled:
        joined = {x: n for n, g in enumerate(groups_of([(p.a, p.b) for p in pairs if p.exact and id(p) not in why]))
                  for x in g}
        for p in spelled:
            if p.a in joined and joined[p.a] == joined.get(p.b):
                del why[id(p)]
    for p in pairs:
        if id(p) in own or group_of[p.a] != group_of[p.b]:
            continue
        g = group_of[p.a]
        if id(p) in why:
            flagged.setdefault(g, f"its group is joined across a pair for review only: {why[id(p)]}")
        if g not in weakest or (p.score, p.a, p.b) < (weakest[g].score, weakest[g].a, weakest[g].b):
            weakest[g] = p
    plan = []
    for p in pairs:
        if id(p) in own:
            plan.append(PlannedPair(p, own[id(p)], "review", 2, p, (why[id(p)],)))
            continue
        cut = group_of[p.a] != group_of[p.b]
        group = own_cut[id(p)] if cut else group_of[p.a]  # a cut pair: its own number, not one of its groups'
        size = 2 if cut else len(members[group])
        notes = [why[id(p)]] if id(p) in why else []
        if cut:
            notes.append("a weak link between two merge groups: review it on its own")
        link = p if cut else weakest[group]
        review = cut or size > (W.GROUP_ONE_NAME_SIZE if group in one_name else W.GROUP_COMPLETE_SIZE
                                if group in complete and review_size == W.GROUP_REVIEW_SIZE else review_size) \
            or group in flagged
        if review and not cut:
            if group in flagged and (id(p) not in why or group in decided):
                notes.append(flagged[group])
            notes.append(f"one of {size} records: review the pairs one by one, the weakest link first "
                         f"({link.a} / {link.b}, {link.score})")
        plan.append(PlannedPair(p, group, "review" if review else "merge", size, link if review else None,
                                tuple(notes)))
    return plan
