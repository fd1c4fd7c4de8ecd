"""Likely duplicate records of one organisation or person, each with its reasons.

Candidates come from cheap indexes, never from all pairs: names that
normalise to the same key, each distinct name's nearest names by character
3-gram TF-IDF (plus initials such as "UoW"), and records sharing an identifier,
a website, a phone number, a street address or a full postcode. Only candidates
are scored: ``names.name_similarity`` (word rarity, places never typo-matched),
then the evidence beyond the name, for and against, each named in the reasons:
same identifier / address / phone / postcode / website for; a different register
number, address, postcode area or phone, a PART_OF tie, or branches sharing a
national website against. Results on every labelled set: bench/RESULTS.md.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

from . import weights as W
from ..forked import core_free, split_map
from ..gc_pause import paused_gc
from ..identifiers import MAIL_DOMAINS, registry_id
from .groups import (AREA_AND_STREET, AREAS_APART, AT_ONE_VENUE, LINE_ONLY, NAMED_ELSEWHERE, ON_DIFFERENT_STREETS,
                     ONE_TOWN_ONLY,
                     PAGE_UNDER, PARENT_REGISTERED_APART, POSTCODES_APART, REGISTERS_APART, RUN_BY_THE_OTHER,
                     SAME_EMPLOYER, SITE_OF_THE_BODY, SITES_OF_THEIR_OWN, TOWNS_APART, TWO_ESTABLISHMENTS, UNIT_PAGE,
                     UNITS_OF_ONE, WEBSITE_NAMES_THE_OTHER, WEBSITES_APART, borough_and_place, groups_of, merge_groups,
                     numbers_a_site)
from .name_bound import NameBound
from .names import (ANOTHER_INSTITUTION, BODY_WORDS, COUNTRY_ENDS, ESTABLISHMENT_KINDS, FORMS_OF_TWO_KINDS,
                    GENERIC_WORDS, HALLS, LEGAL_TOKENS, NO_WORD_IN_COMMON, SAME_NAME, SPELLED_OUT, UNIT_HEADS,
                    NameKey, TokenWeights, acronyms, added_words, after_a_dash, ambiguous_initials,
                    establishment_kinds, forms_of_two_kinds, initials_only, like, list_area, name_key,
                    name_key_uncached, name_keys, name_similarity, place_in_one_name, same_name_reason, same_words,
                    towns_known, without_accents)
from .places import (AREA_TOWNS, BUILTIN_PLACES, STREET_TYPES, PlaceWords, area_town, country_named,
                     names_a_street, postcode_in, postcode_district, postcode_parts, without_postcode)

__all__ = ["EntityRecord", "DuplicatePair", "find_duplicates", "groups_of", "merge_groups"]


@dataclass(frozen=True)
class EntityRecord:
    """What duplicate scoring reads of an organisation or person, from any backend."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    website: str | None = None
    identifiers: tuple[str, ...] = ()
    people: frozenset = field(default_factory=frozenset)  # ids of people attached (WORKS_FOR)
    part_of: frozenset = field(default_factory=frozenset)  # ids it is recorded as a unit of (PART_OF)
    degree: int = 0  # relationships it takes part in: the better-connected record is kept
    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    #: Every other field as written (type, description, sources, note...), for the merge advice.
    other: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class DuplicatePair:
    a: str
    b: str
    score: float
    reasons: list[str]
    exact: bool = False  # same normalised name or same identifier: an equivalence, merge groups may close it
    #: exact, and nothing says two sites (no address, postcode, phone or website apart): one name written twice,
    #: which a group of more than a few may still be merged by (``groups.merge_plan``)
    one_name: bool = False


#: Sites that host pages of many bodies, and mail providers' domains: sharing one says nothing.
SHARED_HOSTS = frozenset("facebook.com twitter.com x.com instagram.com linkedin.com youtube.com wordpress.com "
                         "blogspot.com blogspot.co.uk sites.google.com google.com wixsite.com wix.com "
                         "squarespace.com weebly.com justgiving.com eventbrite.com eventbrite.co.uk "
                         "gov.uk nhs.uk ac.uk org.uk co.uk".split()) | MAIL_DOMAINS


@lru_cache(maxsize=1 << 17)  # one field, asked once per candidate pair
def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    host = host[4:] if host.startswith("www.") else host
    if not host or "." not in host or host in SHARED_HOSTS or any(host.endswith("." + h) for h in SHARED_HOSTS
                                                                   if h.count(".") >= 1 and "." in h[:-3]):
        return None
    return host


#: The second-level names under which a country's bodies register a site ("walsall.gov.uk", "wlv.ac.uk").
_SECOND_LEVEL = frozenset("co org gov ac nhs ltd plc net sch police me com edu mod".split())
def _site(url: str | None) -> str | None:
    """The registered name of a record's website ("go.walsall.gov.uk/x" -> "walsall.gov.uk"; "www.ageuk.org.uk" ->
    "ageuk.org.uk"), or None: two of them are two bodies' sites ("wolverhampton.gov.uk" / "dudley.gov.uk": a SEND
    trial's two councils' "Educational Psychology Service", merged on the name), no evidence against one body on a
    shared host's."""
    host = _domain(url)
    if host is None:
        return None
    labels = host.split(".")
    n = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-n:])


#: Parts of a web address's path that name no page of a body's own: a home page in another spelling, a language,
#: the pages every site has about its own body ("wvactive.co.uk/about" is WV Active's site).
_HOME_PAGES = frozenset("index index.html index.htm index.php index.asp default.aspx default.asp home home.html en "
                        "en-gb en-us welcome about about-us aboutus about.html contact contact-us contactus "
                        "contact.html who-we-are our-story".split())


@lru_cache(maxsize=1 << 17)  # one field, asked once per candidate pair
def _path(url: str | None) -> tuple[str, ...]:
    """The parts of a web address's path, without its home page or language, and its query: ("hubs",
    "bilston") for "https://www.wolverhampton.gov.uk/en/hubs/bilston/", ("service.page", "?id=abc123") for a
    directory's entry "https://x.gov.uk/fsd/service.page?id=AbC123"."""
    path = re.sub(r"^(?:[a-z]+://)?[^/?#]*", "", (url or "").strip().lower()).split("#", 1)[0]
    path, _, query = path.partition("?")
    return tuple(p for p in path.split("/") if p and p not in _HOME_PAGES) + ((f"?{query}",) if query else ())


def _one_page(ra, rb) -> bool:
    """The two records' web addresses are one body's: the same page (a home page written with and without
    "/about-us": ``_HOME_PAGES``), or a page and one under it when the names share a word and the name at the
    page under adds none. Two pages of one site are branches' or services' pages of a national body's or a
    council's site ("ageuk.org.uk/wolverhampton" / ".../walsall", ".../hubs/bilston" / ".../hubs/whitmore-reans",
    a directory's "?id=" entries); a page under a site is a unit's when its name shares no word with the site's
    body ("wolverhampton.gov.uk/access-to-business" / the council) or names more than it ("wien.gv.at/ma13" of
    "Magistrat der Stadt Wien - MA 13 Bildung" / "Stadt Wien" at wien.gv.at: a trial's department was advised to
    merge into its city)."""
    pa, pb = _path(ra.website), _path(rb.website)
    if pa == pb:
        return True
    n = min(len(pa), len(pb))
    if pa[:n] != pb[:n] or not _share_words(ra, rb):
        return False
    deeper, other = (ra, rb) if len(pa) > len(pb) else (rb, ra)
    return not _name_words(deeper.name) - _name_words(other.name)


def _unit_page(ra, rb) -> bool:
    """One record's web address is a page under the other's, named with a word its name adds to the other's:
    "dudleycol.ac.uk/enterprise" of "Dudley College Enterprise Hub" / "dudleycol.ac.uk" of "Dudley College", a
    unit's page on its body's site. Not a page of the body's own, "/find-us", "/get-help", "?page_id=12", whatever
    words a name adds ("Wolverhampton Citizens Advice Bureau" at ".../find-us": a review's find). A path may write
    the words joined: "wvsc.org.uk/positivepathways" of "WVSC Positive Pathways" (merged into "WVSC" at 1.0 on its
    door and line in an employment hold-out)."""
    pa, pb = _path(ra.website), _path(rb.website)
    if pa[:len(pb)] != pb[:len(pa)] or len(pa) == len(pb):
        return False
    deeper, path, other = (ra, pa[len(pb):], rb) if len(pa) > len(pb) else (rb, pb[len(pa):], ra)
    return _page_of_added_words(path, deeper, other)


def _sites_of_their_own(ra, rb, sa: str, sb: str) -> bool:
    """Each record's site (``_site``) is named with a word of its own name the other's lacks: "himleypc.org.uk" of
    "Himley Parish Council" and "swindonparishcouncil.org.uk" of "Swindon Parish Council", two parish councils
    that share a clerk's office and line, merged at 1.0 on them in a neighbourhood hold-out. A renamed body's old
    and new sites name its old and new names, and one of them holds none of its own: "gplc.org" of "Greater
    Pittsburgh Literacy Council" (its initials) beside "literacypittsburgh.org" of "Literacy Pittsburgh".
    One name written as the other's words joined has no word of its own ("Wednesfield Food Bank" at
    wednesfield.foodbank.org.uk / "Wednesfield Foodbank" at wednesfieldfoodbank.org.uk, a review's find)."""
    ka, kb = name_key(ra.name), name_key(rb.name)
    wa, wb = frozenset(ka.tokens), frozenset(kb.tokens)
    return all(any(len(w) >= 4 and w not in other.joined and w in site.split(".")[0] for w in mine - theirs)
               for mine, theirs, site, other in ((wa, wb, sa, kb), (wb, wa, sb, ka)))


def _page_of_added_words(path, deeper, other) -> bool:
    """A web address's path (``_path``) names a word that ``deeper``'s name adds to ``other``'s, or writes it joined
    with others ("positivepathways"), and no word the two names share: a page named for the whole name is the
    record's own entry on a host or a directory ("facebook.com/blakenhallcommunitygardenproject",
    ".../directory/bantock-park-friends-group": a review's finds). A word is not its plural ("groups" of a host's
    path is no "Group")."""
    named = re.findall(r"[a-z]+", " ".join(path))
    mine, theirs = _name_words(deeper.name), _name_words(other.name)
    added, shared = mine - theirs, mine & theirs
    if any(w in shared or any(len(s) >= 4 and s in w for s in shared) for w in named):
        return False
    return any(w in added or any(len(a) >= 4 and a in w and len(w) - len(a) >= 3 for a in added) for w in named)


def _unit_page_alone(ra, rb, contact=()) -> str | None:
    """The web address of the one of two records that gives one, when it is a page (not a home page) named with a
    word its name adds to the other's: "whgrp.co.uk/employment" of "whg Employment & Skills", beside "WHG" with no
    website, merged at 0.92 on the housing group's postcode and switchboard in an employment hold-out. A body's
    own address is its home page; a page named for what a name adds is a unit's, or a project's, of the body.
    ``contact``: the pair's reasons from their addresses and phones (``contact_evidence``)."""
    page, other = (ra, rb) if ra.website else (rb, ra)
    if not _name_words(other.name) < _name_words(page.name) or _domain(page.website) is None:
        # (the other's words all its own, and words added:
        return None  # not a renamed body's page, "Goscote Family Hub" at ".../family-hubs" beside the council's
        # "Goscote Children's Centre", nor a name the other writes as initials or cut short, "Groundwork West Mids";
        # nor a page of a shared host, a group's on Facebook: ``_domain``)
    if towns_known(_name_words(page.name) - _name_words(other.name)) and any(
            r.startswith("same phone number") for r in contact) and any(
            r.startswith(("same address", "same postcode")) for r in contact):
        return None  # (a branch's page on its national body's site, the branch written short at its own door and
        # line: "Mind" / "Mind Wolverhampton" at mind.org.uk/wolverhampton, a review's find)
    path = _path(page.website)
    return page.website.strip() if path and not path[-1].startswith("?") and _page_of_added_words(
        path, page, other) else None


def _parent_registered_apart(ra, rb, by_id) -> str | None:
    """The name of the body the record without a registered number is part of, when that body's numbers clash with
    the other record's (``identifier_clash``): "Wolverhampton Young Carers", run by "Carers Support Centre
    Wolverhampton" (charity 1108877), beside "Young Carers Wolverhampton Trust" (charity 1030303), merged at 0.96
    on their words in a fostering hold-out. A project of one charity is no body registered as another."""
    unit, other = (rb, ra) if ra.identifiers else (ra, rb)
    for parent in sorted(unit.part_of):
        if (body := by_id.get(parent)) is not None and identifier_clash(body, other):
            return body.name
    return None


def _run_by_the_other(ra, rb, by_id) -> str | None:
    """The name of the body one record is recorded as part of, when the other record's name is within that body's and
    the first adds words of its own to it: "Guru Nanak Gurdwara Immigration Advice", run by "Guru Nanak Sikh Temple
    Wolverhampton", beside "Guru Nanak Sikh Temple" (an advice hold-out's service merged into its temple at 0.81 on
    their words). The other, a name alone (a list's "Run by" cell), names the body, not its unit: a unit beside
    another record of its body. (A record with an address, phone, website or number may be the unit written short,
    "Little Acorns Nursery" at the door of "Little Acorns Day Nursery", run by "Little Acorns Nursery Ltd": a group
    holding the unit and its body is reviewed whole, ``unit_clashes``.)"""
    for unit, other in ((ra, rb), (rb, ra)):
        if not unit.part_of or other.address or other.postcode or other.phone or other.website or other.identifiers:
            continue
        mine, theirs = set(name_key(unit.name).tokens), set(name_key(other.name).tokens)
        for parent in sorted(unit.part_of):
            if (body := by_id.get(parent)) is None:
                continue
            words = set(name_key(body.name).tokens)
            if theirs and theirs <= words and theirs < mine and mine - theirs - words:
                return body.name
    return None


def identifier_clash(ra, rb) -> set[str]:
    """The registers of which two records carry different numbers, and no number in common: two bodies
    ("Wolves Foundation", a company of its own, and the club's company)."""
    if not (ra.identifiers and rb.identifiers):
        return set()
    a, b = {registry_id(i) for i in ra.identifiers}, {registry_id(i) for i in rb.identifiers}
    return set() if a & b else {_scheme(i) for i in a} & {_scheme(i) for i in b}


def registers_apart(ra, rb) -> tuple[str, str] | None:
    """The two registers of two records' numbers when no one body is on both (``_NEVER_ONE_BODY``) and they share
    no number: two bodies, or a number written on the wrong record (a company converted to a society keeps its old
    number in some lists), so reviewed, never merged (``groups.review_only``)."""
    if not (ra.identifiers and rb.identifiers):
        return None
    a, b = {registry_id(i) for i in ra.identifiers}, {registry_id(i) for i in rb.identifiers}
    if a & b:
        return None
    sa, sb = {_scheme(i) for i in a}, {_scheme(i) for i in b}
    return next(((x, y) for x, y in _NEVER_ONE_BODY if (x in sa and y in sb) or (y in sa and x in sb)), None)


#: Registers no one body is on together: a registered society (co-operative or community benefit society, on the
#: Mutuals Public Register) is no company, and a charitable one is an exempt charity, on no Charity Commission
#: register (an energy trial's co-op, GB-MPR, was merged into an advice charity, GB-CHC, on two words of their
#: names). A society's Companies House index ("IP30086R") is read as its GB-MPR number (``registry_id``).
_NEVER_ONE_BODY = (("GB-CHC", "GB-MPR"), ("GB-COH", "GB-MPR"))


@paused_gc()  # (as ``find_duplicates``)
def identifier_clashes(pairs, records) -> frozenset[frozenset]:
    """Pairs of records that ``pairs`` join into one group, through others, though their registry numbers
    say two bodies (``identifier_clash``): merging the group would make one body of two registered ones.
    Such a pair is rarely listed itself (its score is capped), so the group is judged here."""
    by_id = {r.id: r for r in records}
    out: set[frozenset] = set()
    for group in groups_of(pairs):
        held = [by_id[x] for x in group if x in by_id and by_id[x].identifiers]
        for n, ra in enumerate(held if len(held) <= W.DUPLICATE_MAX_BLOCK else ()):
            out.update(frozenset((ra.id, rb.id)) for rb in held[n + 1:]
                       if identifier_clash(ra, rb) or registers_apart(ra, rb))
    return frozenset(out)


def unit_clashes(pairs, records) -> frozenset[frozenset]:
    """Pairs of records that ``pairs`` join into one group, through others, though one is recorded as a unit of
    the other (PART_OF): such a pair is never offered itself (``find_duplicates``), and a group holding both is
    not one body. A review's sheet tied "Little Acorns Day Nursery" to its provider "Little Acorns Nursery Ltd",
    and a third record, "Little Acorns Nursery", joined them into one merge group."""
    by_id = {r.id: r for r in records}
    out: set[frozenset] = set()
    for group in groups_of(pairs):
        out.update(frozenset((x, parent)) for x in group if x in by_id for parent in by_id[x].part_of
                   if parent in group)
    return frozenset(out)


@paused_gc()  # (as ``find_duplicates``)
def site_clashes(pairs, records) -> frozenset[frozenset]:
    """Pairs of records that ``pairs`` join into one group of three or more, through others, though no pair of
    theirs is listed and their addresses or postcodes say two sites (``contact_evidence``: on different streets,
    postcodes in different areas). "St Mary's Church" at Bushbury and at Kingswinford, each paired with a third
    "St Mary's Church" written with no address, were one merge group of one name (a review's find): the third
    record may be either church, and a merge would make one body of two."""
    by_id = {r.id: r for r in records}
    listed = {frozenset((p.a, p.b)) for p in pairs}
    out: set[frozenset] = set()
    for group in groups_of(pairs):
        sited = [by_id[x] for x in group if x in by_id and (by_id[x].address or by_id[x].postcode)]
        if len(group) < 3 or len(sited) < 2 or len(sited) > W.DUPLICATE_MAX_BLOCK:
            continue
        for n, ra in enumerate(sited):
            for rb in sited[n + 1:]:
                pair = frozenset((ra.id, rb.id))
                if pair not in listed and any(ON_DIFFERENT_STREETS in r or r.startswith(AREAS_APART)
                                              for r in contact_evidence(ra, rb)[1]):
                    out.add(pair)
    return frozenset(out)


def _scheme(identifier: str) -> str:
    """The register an org-id belongs to: GB-CHC-1164883 -> GB-CHC."""
    identifier = registry_id(identifier)
    if identifier.startswith("ROR:"):
        return "ROR"
    parts = identifier.split("-")
    return "-".join(parts[:2]) if len(parts) >= 3 else identifier


_EXTENSION = re.compile(r"(?i)(?<=\d)\s*(?:x|ext\.?|extn\.?|extension)\s*\d")  # after the number: not "Fax 01902"


#: How a pair's reason says the phone both give is a UK national number (``_national_line``).
NATIONAL_LINE = "a national line, every branch's"


def _national_line(text) -> bool:
    """Whether a phone is a UK non-geographic number, a body's national or main line (0300, 0330, 0345, 0370, 0800,
    0808, 0844, 0845, 0870): every branch of a national charity gives it (a Leeds hold-out's "WEA Bradford Branch" and
    "WEA Leeds Branch" merged on the WEA's 0300 number), so it says which body, not which branch: it lifts no pair
    that names a branch's place (an NHS trust's 0300 switchboard still says one trust)."""
    digits = _digits(text)
    digits = "0" + digits[2:] if digits.startswith("44") else digits
    return re.match(r"0(?:3[0-7]|80[08]|84[2-5]|87[01])", digits) is not None and len(digits) in (10, 11)


def _digits(text) -> str:
    """A phone number's digits, without an extension ("ext. 214": a desk on the body's switchboard)."""
    return re.sub(r"\D", "", _EXTENSION.split(str(text or ""), 1)[0])


@lru_cache(maxsize=1 << 17)  # one field, asked once per candidate pair
def _phone(text) -> str | None:
    """The last 7 digits of a phone number (the local number, whatever the area code), or None. An extension
    ("(412) 555-0140 x214", "ext. 214") is a desk on the body's switchboard, left out."""
    digits = _digits(text)
    return digits[-7:] if len(digits) >= 7 else None


_DIRECTIONS = frozenset("n s e w north south east west".split())
#: (and "campus", which a college writes with each of its sites' names, "City Centre campus", "Butts campus": two
#: campuses share the word, not a place; a trial's two campuses were merged on it)
_ADDRESS_SKIP = _DIRECTIONS | frozenset("st street rd road ave av avenue blvd boulevard dr drive ln lane ct court pl "
                                        "place the campus".split()) | frozenset(
    # Spain's and Catalonia's street kinds and the articles of their streets' names ("C/ de Numància", "Av. de les
    # Drassanes"): "c" and "de" shared said "one street" of two (a Barcelona hold-out's)
    "c cl calle carrer avda avinguda avenida pg passeig paseo placa plaza ronda travessera de del dels la les el "
    "los las".split()) | frozenset(
    # France's, Italy's and Portugal's, the same way ("6 rue Marcel Mérieux" / "6 rue Jules Guesde": "rue" shared
    # said "same address" of two towns' committees, a Lyon hold-out's); not those that name England's streets too
    # ("5 The Passage" / "5 The Drive" were one address without them: "passage", "route", "cours", "le", "do")
    "rue bd chemin allee impasse quai rte montee du des via viale piazza piazzale corso vicolo della delle dei rua "
    "praca travessa dos das".split())
#: A street's kind in its short form, read as the word: "777 Hwy 8" / "777 Highway 8" (a Hamilton hold-out's library
#: branch was "on different streets"), "Gdns", "Cres", "Sq", "Tce", "Pkwy".
_STREET_SPELLINGS = {"hwy": "highway", "pkwy": "parkway", "gdns": "gardens", "cres": "crescent", "sq": "square",
                     "tce": "terrace", "terr": "terrace"}
#: Numbered streets spelt out: "Fifth Ave." is "5th Ave.".
_ORDINALS = dict(zip("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
                     "1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th".split()))


def _street_words(words: list[str]) -> frozenset:
    """The words that name a street or town, however a source writes them: numbers, street types and
    directions left out, numbered streets as figures ("fifth" -> "5th"), and a direction run into the word
    after it kept as one word too ("North Point" is also "northpoint")."""
    out = {_ORDINALS.get(w) or _STREET_SPELLINGS.get(w, w) for w in words if w not in _ADDRESS_SKIP and not w.isdigit()}
    out.update(w + words[i + 1] for i, w in enumerate(words[:-1])
               if w in _DIRECTIONS and len(w) > 1 and words[i + 1] not in _ADDRESS_SKIP)
    return frozenset(out)


def _address_text(text) -> list[str]:
    """An address's words, in lower case without accents ("Königinstraße" -> "koniginstrasse"), a district's or a
    floor's ordinal left out (``_without_ordinals``)."""
    text = str(text or "")
    return re.findall(r"[a-z0-9]+", without_accents(_without_ordinals(text) if "." in text else text).lower())


#: A number of one or two figures with a full stop, starting an address or a part of it after a comma, before a comma,
#: the part's end or a district's or a floor's word ("Bezirk", "OG", "Stock", "sal"): an ordinal, as German and the
#: Nordic languages write them, a district's ("16. Bezirk", "1., Innere Stadt": Vienna's Bezirke) or a floor's
#: ("2. OG"), never a house's. A Vienna hold-out's "Bezirk" column, read as the address, made the city and its
#: university, both "1., Innere Stadt", one door, and kept one Lerncafé "16. Bezirk" a street apart from its own door.
#: Not before a street's name ("7. Market Place", "12. High Street": a house's number), nor after a street ("Koppstraße
#: 36. Wien").
_ORDINAL = re.compile(r"(?:^|(?<=,))\s*(\d{1,2})\.(?=\s*(?:,|$)|\s+(?:gemeinde|stadt)?bezirk\b|\s+(?:og|ug|eg|stock|"
                      r"etage|obergeschoss|sal|th|tv|mf|sek)\b)", re.IGNORECASE)
#: The floor words ``_ORDINAL`` reads after a number: a floor's ordinal names no district (``_district``).
_FLOOR_ORDINAL = re.compile(r"\s+(?:og|ug|eg|stock|etage|obergeschoss|sal|th|tv|mf|sek)\b", re.IGNORECASE)


def _without_ordinals(text: str) -> str:
    """``text`` without the ordinals ``_ORDINAL`` finds."""
    return _ORDINAL.sub(" ", text)


@lru_cache(maxsize=1 << 16)
def _district(text) -> str | None:
    """A district's number of an address that names no door, only its district ("16" of "16. Bezirk", "1., Innere
    Stadt": ``_ORDINAL``, not a floor's), which two records' addresses may give apart though nothing else of theirs
    names a place; None for an address read as a number and a street (a floor's or a flat's ordinal there is no
    district's: "Vesterbrogade 12, 3. sal", a review's find)."""
    text = str(text or "")
    if "." not in text or _address(text) is not None:
        return None
    return next((m.group(1) for m in _ORDINAL.finditer(text) if not _FLOOR_ORDINAL.match(text, m.end())), None)


#: How an address of a line and no door is written, its words one space apart (``_LINE_ONLY``).
_A_LINE = (r"(?:(?:national|freephone|free|telephone|phone) )?(?:helpline|phone line|telephone|phone)"
           r"(?: only)?(?: no (?:local )?(?:office|base|premises|address))?")
#: Addresses that say nothing of where: a placeholder, whole ("N/A", "Unknown", "TBC").
_PLACEHOLDERS = frozenset({"n a", "na", "unknown", "tbc", "tba", "none", "not known", "not applicable", "not given",
                           "no address", "various", "x"})
_PO_BOX = re.compile(r"\b(?:p ?o ?box|pobox|postbus|postfach)\b")
#: Addresses of no one place: "Various venues", "Multiple locations", "Online", "See notes" (an ageing well trial's
#: U3A at "Various venues" was two addresses apart from its own office; a faith trial's community meeting in
#: "members' homes" was on a street apart from its own record). Nor an area a body covers, a grants list's "Borough"
#: column's "All Black Country", "All boroughs", "Regional", "National" (a justice hold-out's three records of one
#: charity were reviewed as "All Black Country" / "Sandwell", two towns); nor "All campuses" (a students hold-out's
#: college); nor "Various villages, Clun", a town after it (a rural hold-out's mobile library was on a street apart).
_NO_ONE_PLACE = re.compile(r"^(?:(?:various|multiple|several)(?: \w+){0,3}|online|virtual|see notes?|see below|"
                           r"home visits?|citywide|city wide|borough wide|confidential|withheld|not disclosed|"
                           r"undisclosed|(?:members|private|each others) homes?|"
                           r"all(?: the| four| 4)? (?:black country|boroughs|areas|wards|sites|venues|locations|towns|"
                           r"campuses|centres|centers|branches|premises)|"
                           rf"{_A_LINE}|"  # a line and no door (``_LINE_ONLY``)
                           r"no (?:fixed|local) (?:address|office|base)|"
                           r"black country(?: wide)?|"
                           r"regional|region wide|national|nationwide|countywide|county wide|area wide|cross borough|"
                           # the same in other languages, and a city's centre, which is in any city (a Rotterdam
                           # hold-out's "Wijk" column's "Centrum", "stedelijk", "landelijk" were towns apart from
                           # "Rotterdam": 30 pairs of one name reviewed; a Manchester one's "City centre" a street
                           # apart from "20 Swan Street")
                           r"(?:city|town) cent(?:re|er)|cent(?:re|er) city|"  # (Philadelphia's "Center City", a
                           # Philadelphia hold-out's neighbourhood column's: "different streets" from its door)
                           r"centrum|zentrum|innenstadt|stadtmitte|centre ville|keskusta|stedelijk|landelijk|"
                           r"regionaal|bovenwijks|stadsbreed|bundesweit|landesweit|stadtweit|nationale|"
                           # and a district's word alone, its number an ordinal's (``_ORDINAL``: "16. Bezirk")
                           r"(?:gemeinde|stadt)?bezirk|arrondissement)$")


#: Words before a number that is a unit's within a building, not the building's: "Suite 200", "Ste. 200",
#: "Unit 3" ("#214" loses its sign to ``_address_text`` and reads as a number after the street).
#: ("FL" is Florida as often as a floor: "Miami, FL 33101".)
_UNIT_WORDS = frozenset("suite ste unit room rm floor apt apartment office flat block level shop".split())
_UNIT = re.compile(rf"(?i)(?:\b(?:{'|'.join(sorted(_UNIT_WORDS))})\b\.?|#)\s*([0-9]+[a-z]?)\b")


@lru_cache(maxsize=1 << 17)
def _unit(text) -> str | None:
    """The suite, unit or room number an address names ("Suite 100", "Ste. 100", "#214"), or None."""
    m = _UNIT.search(str(text or ""))
    return m.group(1).lower() if m else None


#: An address of a line and no door: "Helpline only", "National helpline (no local office)" (an LGBTQ+ hold-out's
#: switchboard was read as in a town "Helpline only" apart from its own record's): no place, but no place of the
#: other's either (``contact_evidence``: "Samaritans" at "Freephone helpline" is no local branch, a review's find).
_LINE_ONLY = re.compile(rf"^{_A_LINE}$")


@lru_cache(maxsize=1 << 16)  # (asked of both addresses of most pairs that reach it)
def _line_only(text) -> bool:
    """An address of a line and no door (``_LINE_ONLY``)."""
    return bool(text) and _LINE_ONLY.match(" ".join(_address_text(text))) is not None


def _no_place(words: list[str]) -> bool:
    """True for an address that names no place of its own: a placeholder or a post box ("PO Box 12, Leeds":
    the box's number is no house's)."""
    text = " ".join(words)
    return text in _PLACEHOLDERS or _PO_BOX.search(text) is not None or _NO_ONE_PLACE.match(text) is not None


@lru_cache(maxsize=1 << 17)  # one field, asked once per candidate pair
def _address(text) -> tuple[str, frozenset] | None:
    """(house number, street words) of an address, or None without a number: "3449 W. Arthington St" ->
    ("3449", {"arthington"}). Street types and directions are left out, as sources write them differently."""
    words = _address_text(text)
    if _no_place(words):
        return None
    parts = [_address_text(part) for part in str(text or "").split(",")]
    for n, part in enumerate(parts):
        at = next((i for i, w in enumerate(part) if w.isdigit() and not (i and part[i - 1] in _UNIT_WORDS)), None)
        if at is None:
            continue
        # the street is written after the number, up to the comma: the town, state and ZIP after it are no
        # street ("1500 Carlisle St, Pittsburgh, PA" and "444 Liberty Ave, Pittsburgh" are two streets); a
        # number alone before its comma ("Unit 3, Mount Pleasant") is followed by its street; a number ending its
        # part after words is written after its street, as most of Europe writes it ("C/ Numància 149, Barcelona",
        # "Leppävaarankatu 9, Leppävaara": a Barcelona hold-out's were "on one street", Barcelona, the town)
        # (not in the last part of several, "Chicago, IL 60601", nor a number of four digits or more, a postcode's,
        # "Melton 3337": a house number written after its street is short)
        inner = (n < len(parts) - 1 or len(parts) == 1) and len(part[at]) <= 3
        if inner and at == len(part) - 1 and at and (before := _street_words(part[:at])):
            return part[at], before
        if inner and len(part) == 1 and n and not (n + 1 < len(parts) and names_a_street(parts[n + 1])) and (
                before := _street_words(parts[n - 1])) and not any(w.isdigit() for w in parts[n - 1]):
            return part[at], before  # "C/ de Numància, 149, Les Corts": its street before it, none after it
        street = _street_words(part[at + 1:]) or (_street_words(parts[n + 1]) if n + 1 < len(parts) else frozenset())
        return (part[at], street) if street else None
    return None


#: Words too wide to tell two places apart: countries and the UK's nations ("..., Leeds, England").
_WIDE_PLACES = COUNTRY_ENDS | frozenset("england scotland wales ireland northern britain great america".split())


@lru_cache(maxsize=1 << 17)  # one field, asked once per candidate pair
def _address_words(text) -> frozenset:
    """The street and town words of an address (``_street_words``, countries left out) and its postcode-like
    numbers ("67056"): what two addresses not both read as a number and a street can still share. Empty for
    an address of fewer than two such words ("Zürich", "Paris, France") or one that names no place
    (``_no_place``): no evidence of a place apart."""
    words = _address_text(text)
    if _no_place(words):
        return frozenset()
    out = (_street_words(words) - _WIDE_PLACES) | {w for w in words if w.isdigit() and len(w) >= 4}  # a postcode too
    return out if len(out) >= 2 else frozenset()


def _localities(text: str) -> list[list[str]]:
    """The words of each part of an address, in order, empty for a part that names no place of its own: a street, a
    building or a number ("St Peter's Church Hall, Stafford Street, Walsall WS2 8DN" -> [[], [], ["walsall"]]); a
    country, a county, a state or its two letters at the end left out ("Chicago, IL" and "Chicago, Illinois" ->
    [["chicago"]]; "..., Dudley, West Midlands" ends with dudley)."""
    parts = [w for w in (_without_arrondissement(_address_text(p)) for p in without_postcode(text).split(",")) if w]
    city = None
    while parts and (country_named(" ".join(parts[-1])) or len("".join(parts[-1])) <= 2
                     or all(w in BUILTIN_PLACES for w in parts[-1])):
        last = parts.pop()
        city = last if tuple(last) in _CITY_COUNTIES else city
    out = [p if _a_locality(p) else [] for p in parts]
    return out + [city] if city and not any(out) else out


#: Counties that are post towns too: the town of an address that names no other ("London"; "Fryer Street,
#: London"), passed over after one ("Croydon, London"). A grants list's "London" for a national charity's office
#: named no town, and its local group elsewhere was merged with it (``_named_elsewhere``).
_CITY_COUNTIES = frozenset({("london",), ("durham",)})


def _a_locality(words: list[str]) -> bool:
    """A part of an address that may name a town: a few words, none with a figure (a number's, or a postcode's
    district: "Cannock Road, WV10" ends in no town, a faith trial's mosque was "Wolverhampton" / "WV10" apart), a
    street's or a building's."""
    words = _without_arrondissement(words)
    return bool(words) and len(words) <= 3 and not _no_place(words) and not any(
        any(c.isdigit() for c in w) or w in STREET_TYPES or w in _BUILDING_WORDS for w in words)


#: A French city's district, its number and ordinal ending ("Lyon 3e", "Paris 11ème", "..., 1er"): a part of the
#: town it follows, no figure of a street's or a postcode's (a Lyon hold-out's "Lyon 3e" was a street apart from
#: the city library's door, and its initials "BmL" held back).
_ARRONDISSEMENT = re.compile(r"\d{1,2}(?:e|er|eme|ere|re)")


def _without_arrondissement(words: list[str]) -> list[str]:
    """A part's words without an arrondissement's (``_ARRONDISSEMENT``): alone, or ending the part after a town's
    word, not a unit's ("Unit 3e" is a unit's number: kept)."""
    if words and _ARRONDISSEMENT.fullmatch(words[-1]) and (len(words) == 1 or words[-2] not in _UNIT_WORDS
                                                           and not words[-2].isdigit()):
        return words[:-1]
    return words


@lru_cache(maxsize=1 << 16)
def _area_only(text: str) -> bool:
    """An address of one part that names a place alone, no street, number or building ("Birchills Leamore", "Soho &
    Victoria", a grants list's wards; "Wolverhampton")."""
    return "," not in text and _a_locality(_address_text(text))


def _an_area_alone(record, text: str) -> bool:
    """Whether a record's address ``text`` is places alone, an area and its town ("Botanic, Belfast"), and it has no
    postcode or phone: where a list says a body is, not a site's door ("Castle Hill, Dudley", a college's campus on
    its switchboard, is a street named without its kind: two sites)."""
    return not record.postcode and not record.phone and all(map(_area_only, text.split(",")))


@lru_cache(maxsize=1 << 16)
def _town(text: str) -> str:
    """The town an address ends with, its words one space apart ("Telford"; "Stafford Street, Walsall WS2 8DN" ->
    "walsall"; "Córdoba, España" -> "cordoba"), or "" when its last part is no place's (``_localities``)."""
    places = _localities(text)
    return " ".join(places[-1]) if places else ""


def _towns_apart(ra, rb, ta: str, tb: str) -> bool:
    """True when two addresses (``ta``, ``tb``: as written) end with towns that neither record names, as a place of
    its address or in its name: two places, though neither address is read as a number and a street ("Dudley" /
    "Stafford Street, Walsall", a list's "Town" column read as the address; "St Peter's Church Hall, Stafford
    Street, Walsall" / "..., Temple Street, Upper Gornal"). A town is named whole ("West Bromwich" is not "Castle
    Bromwich"), and not by a street named after it ("Wolverhampton Road, Walsall"). A district and its city
    ("Digbeth" / "Birmingham") are apart so too unless a name says where ("Friends of the Earth Birmingham"), so
    there is no score for it, but no merge either (``groups.review_only``): an arts trial's "Kaleidoscope Arts"
    charity of Walsall and CIC of Dudley, and two "Open Door Studios" in two cities, were merged on their names."""
    town_a, town_b = _town(ta), _town(tb)
    if not (town_a and town_b) or town_a == town_b:
        return False
    if "london" in (town_a, town_b) and not ({town_a, town_b} - {"london"}) <= _POST_TOWNS - _IN_LONDON:
        return False  # "London" alone (a grants list's, a national office's) is no other place than a borough of
        # London ("Victoria Charity Centre, Belgrave Road, Westminster, London", a review's case), only another town
    return not _names_town(town_a, rb, tb) and not _names_town(town_b, ra, ta)


def _named_elsewhere(ra, rb, places: PlaceWords) -> tuple[str, str] | None:
    """(the town one record's name names, the other record's town) when one record writes no address and its name
    names a post town (``_POST_TOWNS``) that the other's name and address do not, and the other's address is in
    another post town (its postcode area's, where it writes no town): two towns kilometres apart, neither within the
    other. A local group named for its town and a body elsewhere, its national office most often ("Wolverhampton
    Street Pastors (Ascension Trust)" / "Ascension Trust (Street Pastors)" at "London", merged on the charity number a
    grants list gave both in a community safety hold-out, the town read as the list's area). Only post towns, and
    the town an address writes before its postcode's: a district is within a town no list here says ("Guru Nanak
    Gurdwara Wolverhampton" / "..., Sedgley Street, Blakenhall", one gurdwara; "Walsall Street Pastors" / "...,
    Willenhall", WV13, a review's case). Not a town named beside another place, with "and" (the area a body serves:
    "Refugee and Migrant Centre (Black Country and Birmingham)", at WV1 4AN in a social prescribing trial) or in a
    place of two words ("Sutton Coldfield"); not where both give one website."""
    if _domain(ra.website) and _domain(ra.website) == _domain(rb.website):
        return None
    for named, other in ((ra, rb), (rb, ra)):
        if _written_address(named, places):
            continue
        there = _town(_written_address(other, places)) or area_town(other.postcode)
        if there not in _POST_TOWNS:
            continue
        words = _address_text(named.name.replace("&", " and "))
        theirs = set(_address_text(other.name)) | set(_address_text(other.address or ""))
        mine = [w for n, w in enumerate(words) if w in _POST_TOWNS and w not in theirs and places.is_town(w)
                and not any(x == "and" or places.is_town(x) for x in words[max(0, n - 1):n] + words[n + 1:n + 2])]
        if mine and there not in words and there not in mine:
            return mine[0], there
    return None


#: Towns a UK postcode area is named after, and London, whose areas are named for its parts: a town another is not
#: within (``_named_elsewhere``).
_POST_TOWNS = AREA_TOWNS | {"london"}
#: Post towns within Greater London, whose areas London's lists write "London" for too (``_towns_apart``).
_IN_LONDON = frozenset("croydon bromley enfield harrow ilford romford sutton twickenham".split())


def _names_town(town: str, r, address: str) -> bool:
    """``town`` (words one space apart) is a place of ``address`` or words of the record's name."""
    texts = [" ".join(p) for p in _localities(address) if p] + [" ".join(_address_text(r.name))]
    return any(f" {town} " in f" {t} " for t in texts)


def _streets_apart(a: str, b: str, typo: bool) -> bool:
    """True when two addresses of a street and a town ("The Broadway, Dudley" / "Castle Hill, Dudley, West
    Midlands", a college's two campuses, merged on their one name and switchboard) share only the town: neither's
    street (its first part with a street's or a building's words) has a word in the other address ("Dunkley
    Street, Wolverhampton" / "Newhampton Arts Centre, Dunkley St" is one street). Two sites in one town, or one body
    that moved: for review (``groups.review_only``), no evidence against (a restaurant on "3rd St. Promenade" is in
    "Underground Mall")."""
    sa, wa = _street_part(a)
    sb, wb = _street_part(b)
    # the town both end with is no street of either: "Dudley Advance II, Castle Hill, Dudley" (a campus's building,
    # named for its town, written first) and "The Broadway, Dudley" share only "Dudley" (a trial's merge)
    town = _last_part_words(a) & _last_part_words(b)
    sa, sb = sa - town, sb - town
    return bool(sa and sb) and not _one_street(sa, wb - town, typo) and not _one_street(sb, wa - town, typo)


def _last_part_words(text: str) -> frozenset:
    """The street words of an address's last part (its town, as most lists write it), none for one part."""
    parts = str(text).split(",")
    return _street_words(_address_text(parts[-1])) if len(parts) > 1 else frozenset()


@lru_cache(maxsize=1 << 14)
def _street_part(text: str) -> tuple[frozenset, frozenset]:
    """(the street words of an address's first part that has any, but a modifier's alone; all its street words),
    read once per address; apostrophes dropped ("St John's Road" is "St Johns Rd"). No street part in an address of
    one part. (A building's name first is the address's street part: two buildings on one street are two sites,
    "Blakenall Village Centre, Thames Road" and "Goscote Lodge, Thames Road", as a review found when the street was
    read first.)"""
    text = str(text).replace("'", "").replace("’", "")
    parts = text.split(",")
    whole = _street_words(_address_text(text))
    if len(parts) < 2:
        return frozenset(), whole
    for part in parts[:-1]:
        words = _street_words(_address_text(part)) - _WIDE_PLACES
        if words:
            return (words if words - _STREET_MODIFIERS else frozenset()), whole
    return frozenset(), whole


@lru_cache(maxsize=1 << 16)
def _name_words(name: str) -> frozenset[str]:
    """The content words of an organisation's name, once per name (every pair of a record asks again)."""
    return frozenset(name_key(name).tokens)


def _branches(ra, rb) -> bool:
    """True when the names share words and each adds its own ("Age UK North Tyneside" / "Age UK North Craven",
    "... Adult Education Service" / "... Youth Offending Team" on a council's site): branches or services of
    one body, whose website they share, so the website is no evidence. Not when the words each adds are only
    the words a council is written with ("Swansea Council" / "City and County of Swansea", one council on one
    site: a trial's old and new names of it were not told to share it)."""
    a, b = _name_words(ra.name), _name_words(rb.name)
    return bool(a & b) and bool(a - b) and bool(b - a) and not (a ^ b) <= _COUNCIL_WORDS


#: The words a local authority's name is written with, one way or another: "Swansea Council", "City and County of
#: Swansea", "City of Wolverhampton Council", "Wolverhampton City Council", "Kirklees Metropolitan Borough".
_COUNCIL_WORDS = frozenset("city county borough district metropolitan council corporation municipality municipal "
                           "authority government town parish unitary".split())


def _reordered(ra, rb, reason: str) -> bool:
    """True when two names are the same words in another order, no rule apart ("Kings Heath Park Friends" /
    "Friends of Kings Heath Park": a trial's group of four, one name written so, was reviewed pair by pair)."""
    return reason.startswith("name words in common") and ", but" not in reason and _same_words(ra, rb)


def _same_words(ra, rb) -> bool:
    """True when two records' names are the same words, in any order (``names.same_words``)."""
    return same_words(ra.name, rb.name, person=ra.kind == "Person")


#: Words that make the first part of an address a building's name ("Kates Hill Community Centre, Dock Lane"), not a
#: town's ("Wolverhampton, West Midlands") or a floor's ("Ground Floor, 95 Broad Street"). (Not a sports venue's
#: words: "Walsall Arena" names its town, which an "Aspray Arena" does not; a review found two clubs of one name at
#: "Walsall Arena" and in Dudley merged once "arena" was read so.)
_BUILDING_WORDS = HALLS | frozenset("center church chapel library pavilion institute rooms buildings building".split())


@lru_cache(maxsize=1 << 14)
def _building_words(address: str) -> frozenset[str]:
    """The name words of the building an address starts with, or none: a first part with no figure and a
    building's word, before a street or a town. Its own cache: a building's name would push names out of
    ``name_key``'s."""
    words = _first_part_words(address)
    return words if words & _BUILDING_WORDS else frozenset()


@lru_cache(maxsize=1 << 14)
def _first_part_words(address: str) -> frozenset[str]:
    """The name words of an address's first part when it has no figure and a part follows it (a building's or a
    body's name, "Birmingham Settlement, 318 Summer Lane"; or a town's); none otherwise."""
    parts = address.split(",")
    if len(parts) < 2 or any(c.isdigit() for c in parts[0]):
        return frozenset()
    return frozenset(name_key_uncached(parts[0]).tokens)


def _venue(ra, rb, one_name: bool = False) -> str | None:
    """Why two records at one building are a venue and a body that meets there, or two bodies that meet there, in
    words; None otherwise. A social prescribing directory lists each group at the community centre it meets in,
    on the centre's booking line: "Lye Community Allotment" / "Lye Community Centre" (the centre's own record) and
    "Art for Wellbeing - Kates Hill" / "Kates Hill Luncheon Club", whose names share only the building's, were
    merged on their one postcode and phone. A body named as its own office is no venue ("Citizens Advice Dudley"
    at "Citizens Advice Dudley, Hall Street"). The venue's own record needs no address: its name is the building
    the other's address names ("Pelsall Village Centre", a grants list's charity with a postcode alone, and "Pelsall
    Village Centre Baby Group" at "Pelsall Village Centre, Station Road": a family hubs hold-out's merge)."""
    if not (ra.address or rb.address):
        return None
    na, nb = _name_words(ra.name), _name_words(rb.name)
    for venue, name, other, address in ((ra, na, nb, rb.address), (rb, nb, na, ra.address)):
        if not address:
            continue
        # "Birmingham Settlement Youth Club" at "Birmingham Settlement, 318 Summer Lane": a group named after the
        # body whose premises its address names first (a trial's youth club was merged into the settlement), or a
        # body of another name there ("Birmingham Museums Trust" at "Birmingham Museum & Art Gallery, Chamberlain
        # Square"); not names read as one ("Shri Krishna Mandir West Bromwich" at "Shree Krishna Mandir, ...")
        if not one_name and name and name != other and _first_part_words(address) == name and not (
                other <= name):  # (a body written with its own name first: "Wolverhampton Grammar School, ...")
            return f"{venue.name!r} is the building the other's address names: a venue and a body {AT_ONE_VENUE}"
    if not (ra.address and rb.address):
        return None
    ba, bb = _building_words(ra.address), _building_words(rb.address)
    if not (ba or bb):
        return None
    if na == nb or one_name:  # (one name written two ways, "Trans Voices Walsall" / "TransVoices Walsall" at
        return None  # "Walsall Rainbow Hub": an LGBTQ+ hold-out's were "two bodies at one venue", their words apart)
    for venue, name, building in ((ra, na, bb), (rb, nb, ba)):
        if building and name == building:
            return f"{venue.name!r} is the building the other's address names: a venue and a body {AT_ONE_VENUE}"
    shared = na & nb
    if ba and ba == bb and shared and shared <= ba | GENERIC_WORDS:
        return f"the names share only their building's ({' '.join(sorted(ba))}): two bodies {AT_ONE_VENUE}"
    return None


def _site_of_the_body(ra, rb, places) -> bool:
    """One name is the other's and words of its own (``names.added_words``) that name a site, a service or a branch
    of the body, not the body in full: the other name of two words or more ("WV Active Bert Williams" / "WV
    Active", a leisure centre merged into its service on their one site), or the words added naming a town
    ("Wolverhampton District Scouts" / "The Scouts" on the national site, youth trial's merge). "Cork Learning
    City" is Cork's own body, written "Cork" on its site."""
    added = added_words(ra.name, rb.name)
    return added is not None and (len(added[0]) >= 2 or any(places.is_town(w) for w in added[1]))


#: The fewest letters a website's name must have to name a body by itself: "beaconvision", not "bcc".
_SITE_NAME_MIN = 6


def _website_names(ra, rb) -> str | None:
    """The domain of one record's website when it is named after the other record's name and no part of its own
    ("beaconvision.org" of "Beacon Centre for the Blind" / "Beacon Vision"): the body's new name or a service's, at
    one door or on one line (``find_duplicates``) a pair to review whatever the names' score. None otherwise, and
    when both give that site (the same website says more: "grandtheatre.co.uk" of "Grand Theatre (Wolverhampton)
    Ltd" and of "Grand Theatre", one body written two ways)."""
    for x, y in ((ra, rb), (rb, ra)):
        if (d := _domain(x.website)) and len(label := d.split(".", 1)[0]) >= _SITE_NAME_MIN \
                and label == name_key(y.name).joined and label not in name_key(x.name).joined \
                and _domain(y.website) != d:
            return d
    return None


def _share_words(ra, rb) -> bool:
    """True when the names share a word: "Age UK" / "Age UK Dorchester" (a body and its branch, one website
    for both), not "WV Active" / "Wolverhampton Leisure Services" (one body's two names, one website)."""
    return bool(_name_words(ra.name) & _name_words(rb.name))




#: Words that tell streets of one name apart rather than name one: "Lower Hall Lane" and "Lower High Street" (a
#: trial's two offices in two towns read as "on one street") share only "lower"; "New Road" is still one street.
_STREET_MODIFIERS = frozenset("lower upper old new great little high low middle".split())


def _one_street(a: frozenset, b: frozenset, typo: bool) -> str | None:
    """The street word two addresses share, allowing a typo when ``typo`` ("Roosevelt" / "Roosevlet",
    "Cermak" / "Cermack"); None when they name different streets. No typo is allowed across two postcodes:
    "Bilston Road" and "Bilton Road", "Wellington" and "Willington" are streets of different towns."""
    both = a & b
    if both - _STREET_MODIFIERS or (both and a == b):
        return " ".join(sorted(both))
    if not typo:
        return None
    for x in sorted(a - _STREET_MODIFIERS):
        if len(x) >= 5 and (hit := extractOne(x, b, scorer=OSA.normalized_similarity, score_cutoff=0.8,
                                              processor=None)) and len(hit[0]) >= 5:
            return x
    return None


#: How a pair's reason says its records are in two countries: a national body and its namesake abroad
#: ("Birmingham" / "Birmingham, Alabama"; a British Council office in each), never one record.
IN_DIFFERENT_COUNTRIES = "in different countries"
@lru_cache(maxsize=1 << 17)  # one field, asked once per candidate pair
def _country(text) -> str | None:
    """The country an address ends with (``places.country_named``: "UK (Wales)", "United Kingdom", "England" ->
    "the UK"), or None when its last part is not a country alone ("Leeds", "New South Wales", "Paris, Texas").
    A continent after the country is passed over ("Canada, North America": a trial's London, Ontario merged
    into the City of London Corporation)."""
    parts = [" ".join(_address_text(p)) for p in str(text or "").split(",")]
    while len(parts) > 1 and parts[-1] in _CONTINENTS:
        parts.pop()
    return country_named(parts[-1])


_CONTINENTS = frozenset({"europe", "asia", "africa", "oceania", "australasia", "north america", "south america",
                         "latin america", "central america", "americas", "the americas", "caribbean", "middle east",
                         "east asia", "south asia", "south east asia", "southeast asia", "western europe",
                         "eastern europe", "northern europe", "southern europe", "asia pacific", "eu"})


def _abroad(a, b) -> bool:
    """True when two addresses end with two countries (``_country``)."""
    ca, cb = _country(a), _country(b)
    return ca is not None and cb is not None and ca != cb


def _two_establishments(ra, rb, places) -> str | None:
    """"laburnum house / laburnum lodge" when both names name one kind of establishment (``names.ESTABLISHMENT_KINDS``:
    a care home, a school, a church) and each has a word of its own, no town's, a kind's or a common word, nor the
    other's written otherwise (``names.like``); else None."""
    ka, kb = name_key(ra.name).tokens, name_key(rb.name).tokens
    if "".join(ka) == "".join(kb) or not {ESTABLISHMENT_KINDS[t] for t in ka if t in ESTABLISHMENT_KINDS} & {
            ESTABLISHMENT_KINDS[t] for t in kb if t in ESTABLISHMENT_KINDS}:
        return None
    own = [[t for t in mine if t not in theirs and len(t) > 2 and t not in ESTABLISHMENT_KINDS
            and t not in GENERIC_WORDS and not places.is_town(t) and not like(t, [x for x in theirs if x not in mine])]
           for mine, theirs in ((ka, kb), (kb, ka))]
    if not (own[0] and own[1]) or like("".join(own[0]), ["".join(own[1])]):  # ("Oak Meadow" / "Oakmeadow")
        return None
    return " / ".join(" ".join(t for t in key if t not in ESTABLISHMENT_KINDS) for key in (ka, kb))


def _written_address(r, places: PlaceWords | None = None) -> str:
    """A record's address field, or else the address its name runs on with after a legal form
    (``names.NameKey.address``), or else, given the data's ``places``, the town its name ends with after a comma
    (``_town_after_comma``: compared as a town only, never as a street, ``contact_evidence``)."""
    out = (r.address or "").strip() or name_key(r.name, person=r.kind == "Person").address
    if not out and places is not None and r.kind != "Person" and (town := _town_after_comma(r.name)):
        return town if all(w in places for w in _address_text(town)) else ""
    return out


#: Words of a name's last part after a comma that say it is no town: a body's, a unit's or a legal form's
#: ("Smith & Co, Solicitors", "Wednesbury, St Paul": "St" is a street's type, ``_a_locality``).
_NO_TOWN_WORDS = BODY_WORDS | GENERIC_WORDS | LEGAL_TOKENS | UNIT_HEADS


@lru_cache(maxsize=1 << 16)
def _town_after_comma(name: str) -> str:
    """The last part of a name after a comma when it may name a town, as written ("Smethwick" of "Holy Trinity CE
    Primary School, Smethwick"), or "". A list that writes no address writes the town so, and the name's key reads
    it as an address (``names.NameKey.head``), not as a place of the name: an adult learning trial's two schools of
    one name, one in Smethwick by its name and one in Wolverhampton by its address, were merged on their words."""
    head, _, tail = name.rpartition(",")
    words = _address_text(tail)
    if not head.strip() or not words or not tail.strip()[:1].isupper() or not _a_locality(words) or any(
            w in _NO_TOWN_WORDS for w in words):
        return ""
    return tail.strip()


def _alias_reason(ra, rb) -> str:
    """How a pair whose names differ but share a key says which alias it is ("DBA Goodwill SWPA"): the names
    shown side by side would not say why they are "the same name"."""
    person = ra.kind == "Person"
    for r, other in ((ra, rb), (rb, ra)):
        mine = {name_key(n, person=person).tokens for n in (r.name, *r.aliases)}
        for alias in other.aliases:
            if name_key(alias, person=person).tokens in mine:
                return f"{SAME_NAME}: {other.name!r} is also written {alias!r}"
    return SAME_NAME


def contact_evidence(ra, rb, switchboards: Mapping[str, int] | None = None,
                     places: PlaceWords | None = None) -> tuple[float, list[str]]:
    """(score change, reasons) from address, postcode and phone: the same is strong evidence of one body,
    a different one (both written) evidence of two sites; the weights are in ``weights``. A phone among
    ``switchboards`` (``_switchboards``: its local number -> how many names answer it) is no evidence. Given the
    data's ``places``, a town a name ends with after a comma stands for a record's town (``_written_address``)."""
    delta, reasons = 0.0, []
    aa, ab = _address(ra.address), _address(rb.address)
    pa, pb = postcode_parts(ra.postcode), postcode_parts(rb.postcode)
    typo = not (pa and pb and pa[1] != pb[1])
    # towns named apart say two places only where no postcode or phone says one (a borough and its town,
    # "Walsall" / "The Green, Aldridge", at one postcode; a city and its district, as sources write them)
    one_place = bool(pa and pb and pa[1] == pb[1]) or bool(
        (f := _phone(ra.phone)) and f == _phone(rb.phone) and not (switchboards and f in switchboards))
    if aa and ab:
        street = _one_street(aa[1], ab[1], typo)
        if aa[0] == ab[0] and street and (ua := _unit(ra.address)) and (ub := _unit(rb.address)) and ua != ub:
            reasons.append(f"one building, different suites ({ra.address.strip()} / {rb.address.strip()})")
        elif aa[0] == ab[0] and street:
            delta += W.SAME_ADDRESS
            reasons.append(f"same address ({ra.address.strip()})")
        else:
            delta -= W.DIFFERENT_ADDRESS
            where = "on one street" if street else ON_DIFFERENT_STREETS
            reasons.append(f"but different addresses {where} ({ra.address.strip()} / {rb.address.strip()})")
    elif (wa := _address_words(ta := _written_address(ra))) and (wb := _address_words(tb := _written_address(rb))):
        if not _one_street(wa, wb, typo) and not (pa and pb and pa[1] == pb[1] and " " in pa[1]) and (
                _area_only(ta) == _area_only(tb)):
            # not both read as a number and a street, two addresses with no word in common (street nor town) are
            # two places: "145 W. 53rd St., New York" / "3rd St. Promenade, Santa Monica"; an address a company's
            # name runs on with counts too ("Bupa Care Homes Ltd, 12 High St, Maidstone" / "..., Chelmsford").
            # Not at one full UK postcode (a street's few doors): there one address names the area, not a street,
            # as a grants list's "Ward" column does ("Heath Town" / "Chervil Rise, Wolverhampton", both WV10 0HP, a
            # digital inclusion trial's hub reviewed as two sites)
            # Nor where one address names an area alone, no street, and the other a street (a grants list's "Ward":
            # "Birchills Leamore" / "Beechdale Centre, Stephenson Avenue", one residents' association, missed as on
            # two streets in a neighbourhood hold-out): below; two areas with no word in common are two places
            # ("Maidstone, Kent" / "Chelmsford, Essex")
            delta -= W.DIFFERENT_ADDRESS
            reasons.append(f"but different addresses {ON_DIFFERENT_STREETS} ({ta} / {tb})")
        elif not one_place and _towns_apart(ra, rb, ta, tb):  # one building's name in two towns ("St Peter's
            reasons.append(f"{TOWNS_APART} ({ta} / {tb})")  # Church Hall, ...": two lunch clubs merged on its words)
        elif not one_place and _area_only(ta) != _area_only(tb) and not _one_street(wa, wb, typo):
            # the street may be in the area or elsewhere ("Community Pantry" at "Low Hill" and at "45 Bushbury Lane
            # Oxley", two pantries, a review's find): for review, unless a postcode or a phone says one place
            reasons.append(f"{AREA_AND_STREET} ({ta} / {tb})")
        elif not (pa and pb and pa[1] == pb[1]) and _streets_apart(ta, tb, typo):  # (one postcode: one site)
            # an area and its town with no postcode or phone ("Botanic, Belfast", a Belfast hold-out's grants list's
            # ward and district, a recipient's whereabouts, not a site's door) is no street: the other's may be in it
            # (reviewed all the same: one name and number beside an area may be a body's site there, "Community
            # Pantry" at "Low Hill" and at "45 Bushbury Lane", and a street named without its kind reads as an area)
            reasons.append(f"{AREA_AND_STREET} ({ta} / {tb})" if _an_area_alone(ra, ta) != _an_area_alone(rb, tb)
                           else f"but the addresses share only their town ({ta} / {tb}): {ONE_TOWN_ONLY}")
    elif not one_place and (ta := _written_address(ra, places)) and (
            tb := _written_address(rb, places)) and _towns_apart(ra, rb, ta, tb):
        reasons.append(f"{TOWNS_APART} ({ta} / {tb})")
    elif not one_place and ra.address and rb.address and _line_only(ra.address) != _line_only(rb.address) and (
            other := _address_text(rb.address if _line_only(ra.address) else ra.address)) and not _no_place(other):
        reasons.append(f"{LINE_ONLY} ({ra.address.strip()} / {rb.address.strip()})")
    elif not one_place and places is not None and (elsewhere := _named_elsewhere(ra, rb, places)):
        reasons.append(f"{NAMED_ELSEWHERE} ({elsewhere[0]} / {elsewhere[1]})")
    if (da := _district(ra.address)) and (db := _district(rb.address)) and da != db and not any(
            r.startswith("but different addresses") for r in reasons):  # "16. Bezirk" / "10. Bezirk": two districts
        delta -= W.DIFFERENT_ADDRESS
        reasons.append(f"but different districts ({ra.address.strip()} / {rb.address.strip()})")
    if pa and pb:
        if pa[1] == pb[1]:
            delta += W.SAME_POSTCODE
            reasons.append(f"same postcode {pa[1]}")
        elif pa[0] != pb[0]:
            delta -= W.DIFFERENT_POSTCODE_AREA
            reasons.append(f"{AREAS_APART} ({pa[1]} / {pb[1]})")
        elif " " in pa[1]:  # two full UK postcodes of one district: two streets or buildings, a few hundred metres
            reasons.append(f"{POSTCODES_APART} ({pa[1]} / {pb[1]})")  # apart (no score: one may be a registered office)
    elif ra.postcode and rb.postcode and (da := postcode_district(ra.postcode)) and (
            db := postcode_district(rb.postcode)) and da != db:  # one or both cut short to a district or sector
        delta -= W.DIFFERENT_POSTCODE_AREA
        reasons.append(f"{AREAS_APART} ({ra.postcode.strip()} / {rb.postcode.strip()})")
    if _abroad(ra.address, rb.address):
        reasons.append(f"but {IN_DIFFERENT_COUNTRIES} ({_country(ra.address)} / {_country(rb.address)})")
    fa, fb = _phone(ra.phone), _phone(rb.phone)
    if fa and fb:
        if fa == fb and switchboards and fa in switchboards:
            reasons.append(f"{SWITCHBOARD} ({ra.phone.strip()}, answering {switchboards[fa]} names)")
        elif fa == fb:
            delta += W.SAME_PHONE
            reasons.append(f"same phone number ({ra.phone.strip()})")
        else:
            delta -= W.DIFFERENT_PHONE
            reasons.append("but different phone numbers")
    return delta, reasons


#: Most a pair's contact evidence can add, by the fields both records carry (bits: 1 address, 2 phone,
#: 4 postcode): ``contact_evidence`` adds a field's bonus only when both records' values are read.
_FIELD_BONUS = tuple(W.SAME_ADDRESS * (m & 1) + W.SAME_PHONE * (m >> 1 & 1) + W.SAME_POSTCODE * (m >> 2)
                     for m in range(8))


_ONE_SITE = ("same address", "same postcode", "same phone number")


def _places_apart(contact: list[str]) -> bool:
    """Contact reasons (``contact_evidence``) that say two places: addresses naming two towns, or on two streets in
    two postcode districts. Not two postcodes alone: a body's office and its registered address."""
    return any(r.startswith((TOWNS_APART, NAMED_ELSEWHERE)) for r in contact) or (
        any(r.startswith(AREAS_APART) for r in contact) and any(r.startswith("but different addresses")
                                                                 for r in contact))


@lru_cache(maxsize=1 << 16)
def _street_named(text) -> frozenset:
    """The words of the street an address names (the first part with a street's word: "2 Rutter Street, Walsall"
    and "Rutter St" -> rutter), apostrophes dropped; empty when no part has one. "St" first in a part is a saint's
    ("St Mary's Church, Bloxwich" names no street)."""
    for part in str(text or "").replace("'", "").replace("’", "").split(","):
        words = _address_text(part)
        if names_a_street(words):
            return _street_words(words) - _STREET_MODIFIERS - _WIDE_PLACES
    return frozenset()


def _one_street_written(a, b) -> bool:
    """Two addresses name one street, written with or without its number and town ("Sandwell Street, Walsall" /
    "Sandwell Street"): one site, as far as a street says, where one name's place is the other address's town. Not
    where both name places and they differ: "Church Road, Walsall" and "Church Road, Aldridge, Walsall" are two
    streets of one name (a review's find: two churches of St Mary merged on it)."""
    sa, sb = _street_named(a), _street_named(b)
    if not sa or sa != sb:
        return False
    la, lb = ({w for part in _localities(str(x)) for w in part} for x in (a, b))
    return not (la and lb and la != lb)


def _one_door_written(a, b) -> bool:
    """Two addresses that name one street alike (``_one_street_written``), or are one address word for word and more
    than a place alone: the door a list without house numbers gives ("The Broadway, Dudley", a students hold-out's
    college and its name in full, on one line: never shown)."""
    if not (a and b):
        return False
    words = _address_text(a)
    return _one_street_written(a, b) or (words == _address_text(b) and not _area_only(a) and not _no_place(words))


def _placed_by_address(ra, rb, weight, ambiguous, places, switchboards=None) -> tuple[float, str] | None:
    """(score, reason) of two names one of which adds a place (``names.place_in_one_name``) that the other
    record's address names, the two at one postcode, address or phone, or on one street (``_one_street_written``):
    "St. Peters Church Upper Gornal" / "St Peter's Church" at "Clarence St, Upper Gornal", both DY3 1UL, is one
    church, the name saying where it is as the address does (a trial's were "a branch or another body"); so are
    "Guru Nanak Gurdwara Walsall" on "Sandwell Street" and "Guru Nanak Gurdwara" at "Sandwell Street, Walsall" (a
    faith trial's). The other name is scored with that place added; None otherwise: a national body's head office
    is in the town of one of its branches ("Age UK" in London / "Age UK London"), and there the site tells them
    apart."""
    contact = contact_evidence(ra, rb, switchboards)[1]
    shared = [r for r in contact if r.startswith(_ONE_SITE)]
    person = ra.kind == "Person"
    ka, kb = name_key(ra.name, person=person), name_key(rb.name, person=person)
    by_kind = not shared and not _one_street_written(ra.address, rb.address)
    if by_kind and not (_one_kind_of_establishment(ka, kb) and not any(r.startswith("but") for r in contact)):
        return None
    branch = place_in_one_name(ka, kb, places, weight)
    if branch is None:
        return None
    named, words = branch
    other = rb if named is ka else ra
    if by_kind and any(names_a_street(_address_text(part)) for part in str(
            (ra if named is ka else rb).address or "").split(",")):
        return None  # (its own street written, not the other's: "Guru Nanak Gurdwara Walsall" at "High Street")
    # the place in the address's localities: its parts without a number or a street's word ("Clarence St,
    # Upper Gornal"), not its street ("7956 S Western" names no place Western)
    # (nor a part naming no one place, "County-wide", "Online": a courses list's "Warwickshire Libraries" was "in
    # County by its address"; nor a kind's word, "University of Warwick" naming no place "University")
    if _NO_TOWN_WORDS.intersection(words):
        return None
    parts = {part.strip(): at for part in without_postcode(str(other.address or "")).split(",")
             if (at := _address_text(part)) and not any(x.isdigit() for x in at)
             and not STREET_TYPES.intersection(at) and not _no_place(at)}
    localities = {w for at in parts.values() for w in at}
    # or the list's area, which the name names as a chain's branch does (``names.list_area``): a record of the
    # chain's own name at that branch's site, its address or postcode (a phone is shared by a charity's groups), is
    # that branch ("Somali Community Association" at WV2 3BZ and "... Wolverhampton" there, in a list of
    # Wolverhampton that has the one of Walsall too)
    at_site = len(words) == 1 and any(r.startswith(_ONE_SITE[:2]) for r in shared)  # (one place: the area)
    # or, where the name is the other's and that place, the town the postcode area both are in is named after
    # ("Friends of West Park Wolverhampton" / "Friends of West Park", both WV1 4PH: a green spaces hold-out's grants
    # named the town the council's register never wrote; not "Birmingham Churches Together" / "Restore")
    town = at_site and set(named.tokens) - set(words) <= set((kb if named is ka else ka).tokens) and area_town(
        other.postcode)
    if not all(w in localities or (at_site and (list_area(w, places, weight) or w == town)) for w in words):
        return None
    placed = name_key(f"{other.name} {' '.join(words)}", person=person)
    score, reason = name_similarity(named, placed, weight, ambiguous, places)
    # the part of the address as written that holds the place ("Stratford-upon-Avon", not "Avon")
    where = next((part for part, at in parts.items() if set(words) <= set(at)), " ".join(words).title())
    return score, f"{reason} ({other.name!r} is in {where} by its address)"


def _one_kind_of_establishment(ka: NameKey, kb: NameKey) -> bool:
    """Both names name one kind of establishment (``names.establishment_kinds``: a nursery, a school, a church, a
    pharmacy), which is in one place: one name with a place its address does not contradict, beside a record at an
    address in that place, is that record ("Sunshine Day Nursery Bloxwich", a grants row at "Walsall" / "Sunshine Day
    Nursery" at "19 High Street, Bloxwich, Walsall"; an early years hold-out's eight nurseries and pre-schools were
    missed so), where a national body's name with a town is its branch ("Age UK" in London / "Age UK London")."""
    kinds = establishment_kinds(ka)
    return bool(kinds) and kinds == establishment_kinds(kb)


def _one_word_alias(ra, rb, word: str, weight, ambiguous, places) -> tuple[float, str]:
    """(score, reason) of two records that both have a one-word name only as an alias: the names' own. Initials
    and short names are shared by a body's campuses, regions and units ("UNAL" of a university and of its campus
    "Universidad Nacional de Colombia - Sede Medellín", which a trial found merged into its university at 1.0;
    "WEA" of a national body and of its region), so they say no more than the names do; initials against the
    whole name still score ``weights.INITIALS`` (``names``)."""
    person = ra.kind == "Person"
    score, reason = name_similarity(name_key(ra.name, person=person), name_key(rb.name, person=person), weight,
                                    ambiguous, places)
    return score, f"{reason}; both also written {word!r}"


def _at_one_line(reason: str, both: int) -> bool:
    """A name reason saying another institution (``names.ANOTHER_INSTITUTION``), or a council area and another place
    (``groups.borough_and_place``), of two records that both give a phone (``_liftable``'s bits ``both`` carry, 2):
    such a pair at one door and on one line is listed for review, however low its name's score ("Dudley College" /
    "Dudley College of Technology"), so it is kept to be scored."""
    return bool(both & 2) and _apart_unless_one_door(reason)


def _apart_unless_one_door(reason: str) -> bool:
    """A name reason that keeps a pair unlisted unless one door and one line say otherwise: another institution
    (``names.ANOTHER_INSTITUTION``), or a council area and another place (``groups.borough_and_place``)."""
    return ANOTHER_INSTITUTION in reason or borough_and_place(reason)


def _liftable(records) -> tuple[frozenset, dict[str, int]]:
    """(ids of records without identifier, person or website; each record's contact fields as bits).

    A pair with such a record gains nothing from identifiers, people or websites, and from its contact
    evidence at most ``_FIELD_BONUS`` of the fields both carry: a pair whose name score stays under
    min_score even so cannot be listed, so ``find_duplicates`` neither keeps nor examines it. At 100k
    records those were two pairs in three offered (bench/RESULTS.md, "Duplicates at 100k, third pass").
    """
    records = list(records)
    free = frozenset(r.id for r in records if not (r.identifiers or r.people or r.website))
    return free, {r.id: (_address(r.address) is not None) | (_phone(r.phone) is not None) << 1
                  | (postcode_parts(r.postcode) is not None) << 2 for r in records}


#: Names of this many words or more find their candidates by whole words (see ``_name_candidates``).
LONG_NAME_WORDS = 7


def _name_candidates(keys: list, min_sim: float, k: int) -> list[tuple[int, int]]:
    """Pairs (i < j) of distinct name keys worth scoring, in order: 3-gram neighbours, word neighbours of long
    names, initials.

    A name of fewer than ``LONG_NAME_WORDS`` words takes its ``k`` nearest among all names by character
    3-grams, where a typo or another spelling of a word still shares most 3-grams. A longer name (a long
    affiliation string) has many 3-grams, most of them common, and made most of the 3-gram join's work
    (bench/RESULTS.md, "Duplicates, speed, long names by words"); it takes its ``k`` nearest by whole words instead:
    two long names of one body share most of their words exactly, and a typo in one word of seven leaves
    the others (at least six in seven) shared. A pair of a short and a long name is found from the short
    name's side (its 3-gram neighbours are sought among all names) and from the long name's side.

    The pairs are gathered as numbers ``i * len(keys) + j`` and sorted once in numpy: a set of a million tuples
    sorted in Python took seconds at 100k records (bench/RESULTS.md, "Duplicates at 100k, session 19"); the order
    is the tuples' own.
    """
    import numpy as np

    from .candidates import tfidf_matrix, topk_arrays, word_tfidf

    n = len(keys)
    coded = []  # int64 arrays of i * n + j, i < j

    def joined(matrix, rows=None) -> None:
        i, j, _ = topk_arrays(matrix, k=k, min_sim=min_sim, rows=rows)  # (i < j)
        coded.append(i * n + j)

    if n > 1:
        texts = [" ".join(key.tokens) for key in keys]
        matrix = tfidf_matrix(texts, analyzer="char_wb", ngram_range=(3, 3), max_df=1.0)
        long = np.fromiter((len(key.tokens) >= LONG_NAME_WORDS for key in keys), dtype=bool, count=n)
        if not long.any():
            joined(matrix)
        else:
            joined(matrix, np.flatnonzero(~long))
            words = word_tfidf([key.tokens for key in keys])
            joined(words, np.flatnonzero(long))
    more: list[int] = []  # (the same numbers)
    single = defaultdict(list)
    for i, key in enumerate(keys):
        if len(key.tokens) == 1:
            single[key.joined].append(i)
    for i, key in enumerate(keys):
        for acr in acronyms(key):
            for j in single.get(acr, ()):
                more.append(i * n + j if i < j else j * n + i)
    # initials written in capitals among other words ("BCLM Trust") and the words they spell at the start of the
    # other name, which goes on with a word of theirs ("Black Country Living Museum Trust"): few 3-grams in common,
    # so no neighbours by them (a library trial's pair was not scored); ``names._spelled_out`` scores them. Only
    # such pairs: any run of words spelling any initials added a third more pairs to score at 100k records
    capitals = defaultdict(list)
    for i, key in enumerate(keys):
        if len(key.tokens) > 1:
            for cap in key.capitals:
                capitals[cap].append(i)
    if capitals:
        for i, key in enumerate(keys):
            t = key.tokens
            if len(t) < 4:
                continue
            last = min(6, len(t) - 1)
            initials = "".join(w[0] for w in t[:last])  # (each word's first letter, one character: a prefix of it)
            for stop in range(3, last + 1):
                for j in capitals.get(initials[:stop], ()):
                    if j != i and not set(t[stop:]).isdisjoint(keys[j].tokens):
                        more.append(i * n + j if i < j else j * n + i)
    if not n:
        return []
    coded.append(np.asarray(more, dtype=np.int64))
    codes = np.sort(np.concatenate(coded))  # (np.unique hashes first: slower at a million numbers)
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
    return list(zip((codes // n).tolist(), (codes % n).tolist()))


#: How a pair's reason names a phone many bodies answer (``_switchboards``).
SWITCHBOARD = "the same phone, a switchboard or a national line, no evidence of one record"


def _switchboards(records) -> dict[str, int]:
    """Phones (their local numbers, ``_phone``) answered by records of more than ``GROUP_ONE_NAME_SIZE`` names in
    at least ``SWITCHBOARD_DISTRICTS`` postcode districts -> how many names: a national line or a council's
    switchboard (a skills trial's thirteen Jobcentre offices on 0800 169 0190, two of them in two towns merged on
    it). Such a phone lifts no pair, as an umbrella body's register number does not (``_umbrella_numbers``). One
    site's line is answered under several names where a list writes each body several ways (a faith trial's two
    churches of one parish office, seven names at DY1), but not in districts apart."""
    names: dict[str, set] = defaultdict(set)
    districts: dict[str, set] = defaultdict(set)
    for r in records:
        if (f := _phone(r.phone)):
            names[f].add(name_key(r.name, person=r.kind == "Person").tokens)
            if (pc := postcode_parts(r.postcode)):
                districts[f].add(pc[0])
    return {f: len(n) for f, n in names.items()
            if len(n) > W.GROUP_ONE_NAME_SIZE and len(districts[f]) >= SWITCHBOARD_DISTRICTS}


#: Postcode districts whose records answer one phone that make it a central line (``_switchboards``): a body's
#: office and one site may be in two.
SWITCHBOARD_DISTRICTS = 3


#: How a pair's reason names a number many bodies hold (``_umbrella_numbers``): no evidence of one record.
UMBRELLA_NUMBER = "an umbrella body's number, no evidence of one record:"


def _umbrella_numbers(records) -> dict[str, tuple[int, int]]:
    """Register numbers held by records of more than ``GROUP_ONE_NAME_SIZE`` names: identifier -> (records, names).

    A diocese's parishes, a circuit's churches and a national charity's branches are written with its one number
    (a faith trial's 18 parishes under the diocese's board of finance, each pair of them listed at 0.99 for
    review); one body is not written under so many names. Such a number lifts no pair: its records are paired on
    their names, addresses and phones, as records without it are."""
    names, held = _names_giving(records, lambda r: {registry_id(i) for i in r.identifiers})
    return {i: (held[i], len(n)) for i, n in names.items() if len(n) > W.GROUP_ONE_NAME_SIZE}


def _names_giving(records, values) -> tuple[dict, Counter]:
    """(each value -> the names (their keys' tokens) of the records giving it, each value -> how many records give
    it), ``values(record)`` the set a record gives: what an umbrella number or page is counted by."""
    names: dict = defaultdict(set)
    held: Counter = Counter()
    for r in records:
        for value in values(r):
            held[value] += 1
            names[value].add(name_key(r.name, person=r.kind == "Person").tokens)
    return names, held


def _umbrella_pages(records) -> set[tuple[str, tuple[str, ...]]]:
    """Web pages (host and path) given by records of more than ``GROUP_ONE_NAME_SIZE`` names: a council's or a
    university's home page written for its services and units, as a list's "email domain" column gives it
    ("wolverhampton.gov.uk" for 36 pairs of a Wolverhampton hold-out's council services, "Wolves at Work" merged into
    "CWC" on it alone). One body is not written under so many names; such a page says whose the records are, not
    that they are one, so it lifts no pair (as ``_umbrella_numbers``' numbers lift none); a site apart from it still
    says two bodies (a review's find: another council's services, their pages read as none, merged with its own)."""
    names, _ = _names_giving(records, lambda r: {(host, _path(r.website))} if (host := _domain(r.website)) else ())
    return {page for page, seen in names.items() if len(seen) > W.GROUP_ONE_NAME_SIZE}


@paused_gc()  # millions of small objects, no cycles to collect: the collector's walks were ~10% of the time
def find_duplicates(records, *, min_score: float = W.DUPLICATE_MIN_SCORE, top_k: int = W.DUPLICATE_TOP_K,
                    min_candidate: float = W.DUPLICATE_MIN_CANDIDATE) -> list[DuplicatePair]:
    """Pairs of records likely to be one entity, best first (score, then ids).

    A record linked to the other by PART_OF (either way) is never offered: the data
    already says they are a unit and its parent, whatever their names share; nor one whose address is care of the
    other (``_care_of``), nor a unit and its parent's name written again (``_without_units_of_others``). A UK
    postcode an address ends with is the record's postcode when it has none (a list without a postcode column writes
    it there).
    """
    records = [replace(r, postcode=written) if not r.postcode and (written := postcode_in(r.address)) else r
               for r in records]
    wide_pages = _umbrella_pages(records)
    free_core = core_free()  # asked before this work raises the load (``forked.core_free``)
    by_id = {r.id: r for r in records}
    key_index: dict[tuple, int] = {}
    keys: list[NameKey] = []
    holders: list[list[str]] = []  # key number -> record ids carrying that name
    by_alias: dict[int, set[str]] = defaultdict(set)  # a one-word key -> the records that carry it as an alias
    for r in records:
        person = r.kind == "Person"
        names = [n for n in (r.name, *r.aliases) if not initials_only(n, person=person)]
        for n in names:
            for key in name_keys(n, person=person):
                if not key.tokens:
                    continue
                i = key_index.get(key.tokens)
                if i is None:
                    i = key_index[key.tokens] = len(keys)
                    keys.append(key)
                    holders.append([])
                if r.id not in holders[i]:
                    holders[i].append(r.id)
                    if n is not r.name and len(key.tokens) == 1:
                        by_alias[i].add(r.id)
    weight = TokenWeights(keys)
    places = PlaceWords.of(records)
    ambiguous = ambiguous_initials(keys)
    found: dict[tuple[str, str], tuple[float, str]] = {}
    exact: set[tuple[str, str]] = set()

    free, fields = _liftable(by_id.values())
    bonus, limit = _FIELD_BONUS, min_score - 1e-9

    def offer(a: str, b: str, score: float, reason: str) -> None:
        # an offer the evidence cannot lift to min_score is dropped at the end whatever else is offered (a
        # higher offer replaces a lower one), so it is not kept at all (see ``_liftable``)
        if a == b or ((a in free or b in free) and score + bonus[fields[a] & fields[b]] < limit
                      and not _at_one_line(reason, fields[a] & fields[b])
                      and not (fields[a] & fields[b] and _website_names(by_id[a], by_id[b]))):
            return
        pair = (a, b) if a < b else (b, a)
        if score > found.get(pair, (-1.0, ""))[0]:
            found[pair] = (score, reason)

    for i, ids in enumerate(holders):  # one normalised name, several records: a few, every pair of them (a group
        # of one name is merged only when no two of it are apart, ``groups.merge_plan``); many, a star
        for first, other in (itertools.combinations(ids, 2) if len(ids) <= W.GROUP_ONE_NAME_SIZE
                             else ((ids[0], x) for x in ids[1:])):
            if first in by_alias.get(i, ()) and other in by_alias[i]:  # (a record named so is what the other's
                # alias names: "UIL" / "UNESCO Institute for Lifelong Learning", also written "UIL")
                offer(first, other, *_one_word_alias(by_id[first], by_id[other], keys[i].raw, weight, ambiguous,
                                                     places))
                continue
            if (forms := forms_of_two_kinds(by_id[first].name, by_id[other].name)):  # ("ry" / "Oy": reviewed)
                offer(first, other, 1.0, f"{FORMS_OF_TWO_KINDS} ({forms})")
                continue
            offer(first, other, 1.0, SAME_NAME)
            exact.add((first, other) if first < other else (other, first))
    floor = min_score - W.SHARED_PERSON * 3 - W.MAX_CONTACT_BONUS
    # A name's pairs are offered to its records: dropped, as ``offer`` would, when each has a free record
    free_key = [all(x in free for x in ids) for ids in holders]
    key_fields = [0] * len(holders)  # the fields any record of the name carries
    for n, ids in enumerate(holders):
        for x in ids:
            key_fields[n] |= fields[x]
    # the streets the name's records are on (a street alone too): a branch's place may be the other's town by its
    # address on one street (``_placed_by_address``), so such a pair is not dropped unscored
    streets = [frozenset(sn for x in ids if (sn := _street_named(by_id[x].address))) for ids in holders]

    # the most the score could be, from per-name facts: most pairs at 100k need no more (``name_bound``)
    bound = NameBound(keys, weight, places).bound

    def scored(pair: tuple[int, int]):
        i, j = pair
        need = max(floor, limit - bonus[key_fields[i] & key_fields[j]]) if free_key[i] or free_key[j] else floor
        if need > 0.0 and bound(i, j) < need - 1e-9:  # the score, never above the bound, would be dropped below
            return None
        score, reason = name_similarity(keys[i], keys[j], weight, ambiguous, places)
        if (score < floor or ((free_key[i] or free_key[j]) and score + bonus[key_fields[i] & key_fields[j]] < limit)
                ) and not ("a branch or another body" in reason and (
                    (streets[i] and not streets[i].isdisjoint(streets[j]))
                    or _one_kind_of_establishment(keys[i], keys[j]))) and not _at_one_line(
                reason, key_fields[i] & key_fields[j]):
            return None  # (a branch's place may be the other's town by its address: ``_placed_by_address``)
        return score, reason

    # Pairs of records at one site: one identifier, website, phone, address or full postcode, whatever their names
    shared_keys = defaultdict(list)
    for r in records:
        for ident in r.identifiers:
            shared_keys["id:" + registry_id(ident)].append(r.id)
        if (d := _domain(r.website)):
            shared_keys["web:" + d].append(r.id)
        if (f := _phone(r.phone)):
            shared_keys["tel:" + f].append(r.id)
        if (ad := _address(r.address)):
            shared_keys["adr:" + ad[0] + " " + min(ad[1])].append(r.id)
        if (pc := postcode_parts(r.postcode)) and " " in pc[1]:  # a full UK postcode: a few dozen addresses
            shared_keys["pc:" + pc[1]].append(r.id)
    at_one_site = [(first, other) for ids in shared_keys.values()
                   if len(ids) <= W.DUPLICATE_MAX_BLOCK  # (more: a switchboard or a shared building, no evidence)
                   for n, first in enumerate(ids) for other in ids[n + 1:]]
    umbrella, switchboards = _umbrella_numbers(records), _switchboards(records)

    # the names' (score, reason) by the two names: the records of one site are few names written again and again
    # (at 30k records, 46k pairs of records at one site were 14k pairs of names; bench/RESULTS.md, "Duplicates at
    # 100k, session 19"), and a name's key is a function of its name (``name_key``)
    said: dict[tuple[str, bool, str, bool], tuple[float, str]] = {}

    def named(pair: tuple[str, str]) -> tuple[float, str]:
        """The (score, reason) of the names of two records at one site."""
        ra, rb = by_id[pair[0]], by_id[pair[1]]
        two = (ra.name, ra.kind == "Person", rb.name, rb.kind == "Person")
        if (known := said.get(two)) is None:
            known = said[two] = name_similarity(name_key(ra.name, person=two[1]), name_key(rb.name, person=two[3]),
                                                weight, places=places)
        score, reason = known
        if "a branch or another body" in reason and (placed := _placed_by_address(
                ra, rb, weight, ambiguous, places, switchboards)):
            score, reason = placed  # (at one site: a pair of this loop's, a postcode, phone or address)
        return score, reason

    # Scoring the name pairs is most of the time on large lists; they are shared with a forked copy when a core is
    # free for it (bench/RESULTS.md, "Duplicates at 100k, scoring on both cores"), and so are the names of the
    # records at one site (3.4 s at 100k records, one process: "Duplicates at 100k, session 17"). The candidates go
    # in order, so that of two offers with one score the same one comes first (and is kept) on every run
    candidates = _name_candidates(keys, min_candidate, top_k)  # (in order)
    work: list = [*candidates, *((None, *pair) for pair in at_one_site)]  # (name numbers, then None and record ids)
    results = split_map(lambda x: scored(x) if x[0] is not None else named(x[1:]), work, free=free_core)
    for (i, j), result in zip(candidates, results):
        if result is None:
            continue
        score, reason = result
        # a one-word other name (initials) says no more than the names of the records that have it as one
        # (``_one_word_alias``): "WEA West Midlands", also "WEA", is not "Workers' Educational Association" so
        a_ids = [x for x in holders[i] if x not in by_alias[i]] if i in by_alias else holders[i]
        b_ids = [x for x in holders[j] if x not in by_alias[j]] if j in by_alias else holders[j]
        if len(a_ids) * len(b_ids) > 100:  # big exact groups are already linked inside
            a_ids, b_ids = a_ids[:1], b_ids[:1]
        for a in a_ids:
            for b in b_ids:
                ra, rb = by_id[a], by_id[b]
                if ("a branch or another body" in reason and (
                        _one_street_written(ra.address, rb.address) or _one_kind_of_establishment(keys[i], keys[j]))
                        and (placed := _placed_by_address(ra, rb, weight, ambiguous, places, switchboards))):
                    offer(a, b, *placed)  # (the place one name adds is the other's town, on one street)
                else:
                    offer(a, b, score, reason)
    for (first, other), (score, reason) in zip(at_one_site, results[len(candidates):]):
        offer(first, other, score, reason)

    def listed(item):
        """(a, b, score, reasons, exact, one name) of an offered pair, all its evidence weighed (``DuplicatePair``);
        None if not listed."""
        (a, b), (score, reason) = item
        ra, rb = by_id[a], by_id[b]
        if a in rb.part_of or b in ra.part_of or _care_of(ra, rb) or _care_of(rb, ra):  # recorded as a unit of
            return None  # the other, or its post care of the other: two records on purpose
        if (score + W.MAX_CONTACT_BONUS < min_score - 1e-9 and not (ra.identifiers and rb.identifiers)
                and not (ra.people & rb.people) and not (ra.website and rb.website)
                and not _at_one_line(reason, fields[a] & fields[b])  # (lifted to review below)
                and not (fields[a] & fields[b] and _website_names(ra, rb))):
            return None  # nothing below lifts it to min_score: contact evidence adds at most MAX_CONTACT_BONUS
        if reason == SAME_NAME:  # the name's key is shared: say which address it left out of these two names
            ka, kb = name_key(ra.name, person=ra.kind == "Person"), name_key(rb.name, person=rb.kind == "Person")
            reason = same_name_reason(ka, kb) if ka.tokens == kb.tokens else _alias_reason(ra, rb)
        reasons = [reason] if reason else []
        names_alone = score  # (before the contact evidence)
        delta, contact = contact_evidence(ra, rb, switchboards, places)
        if "different places" in reason or "a body of its own" in reason:
            delta = min(delta, 0.0)  # a town or a hospital apart is not undone by a shared switchboard
        elif "a branch or another body" in reason and _national_line(ra.phone) and _phone(ra.phone) == _phone(
                rb.phone) and not any(r.startswith(("same address", "same postcode")) for r in contact):
            delta -= W.SAME_PHONE  # (a branch's place is not undone by its body's national line)
            contact = [f"{r}, {NATIONAL_LINE}" if r.startswith("same phone number") else r for r in contact]
        score = min(1.0, max(0.0, score + delta))
        reasons += contact
        if _apart_unless_one_door(reason) and any(r.startswith("same phone number") for r in contact) and (any(
                r.startswith(("same address", "same postcode")) for r in contact) or _one_door_written(
                ra.address, rb.address)):
            # one name's kind qualified ("Dudley College of Technology" / "Dudley College") at one door and on one
            # line (a switchboard is none): the college written in full, or two bodies there; listed for review
            # (``groups.review_only``), never merged (a schools trial's pair, 0.0 and never shown); so too at one
            # door written without a number (``_one_door_written``)
            score = max(score, W.DUPLICATE_MIN_SCORE)
        if score < W.DUPLICATE_MIN_SCORE and (named := _website_names(ra, rb)) and any(
                r.startswith(_ONE_SITE) for r in contact):  # (a lift: a pair listed on its own evidence keeps it)
            score = max(score, W.DUPLICATE_MIN_SCORE)  # (for review: ``groups.review_only``)
            reasons.append(f"{WEBSITE_NAMES_THE_OTHER} ({named})")
        # (only a shared address, postcode or phone lifts such a pair)
        if delta > 0 and (venue := _venue(ra, rb, reason.startswith("same name"))):
            reasons.append(venue)
        same_ids = sorted({registry_id(i) for i in ra.identifiers} & {registry_id(i) for i in rb.identifiers}
                          ) if ra.identifiers and rb.identifiers else []  # most records carry none
        if umbrella and (wide := [i for i in same_ids if i in umbrella]) and not _same_words(ra, rb):
            # (one name's words in another order are one name, under any number: "University of Wolverhampton" /
            # "Wolverhampton University" among its units, a review's find)
            same_ids = [i for i in same_ids if i not in umbrella]
            reasons += [f"{UMBRELLA_NUMBER} {i} (held by {umbrella[i][0]} records of {umbrella[i][1]} names)"
                        for i in wide]
        one_door = any(r.startswith(_ONE_SITE[:2]) for r in contact)  # (an address or a postcode, no line)
        if same_ids and ((reason.startswith("different places") and not one_door)
                         or ("a branch or another body" in reason and _places_apart(contact) and delta < 0)) \
                and not any(map(numbers_a_site, same_ids)):
            # a national charity's branches share its number: two names in two places, at two sites, are two of
            # them (a trial's WEA branches and Salvation Army corps were 34 pairs to review at 0.99), and so are a
            # circuit's churches in two towns, one named for its place and one for its street ("Bilston Methodist
            # Church" / "Darlington Street Methodist Church", once "Darlington" was read as no town there); two
            # towns' names at no one door or postcode are two too, on the charity's national line or not ("W.E.A.
            # Walsall" / "WEA - Wolverhampton branch", no address written: a festival trial's pairs to review at 0.99
            # on the WEA's number); at one door, one body renamed or a place within the other's, reviewed
            reasons.append(f"same identifier {', '.join(same_ids)} (one registered body's branches)")
        elif same_ids:
            score = max(score, W.SAME_IDENTIFIER)
            reasons.append(f"same identifier {', '.join(same_ids)}")
            if not any(map(numbers_a_site, same_ids)) and (two := _two_establishments(ra, rb, places)):
                # a care group's homes are written with its company number ("Laburnum Lodge Nursing Home" / "Laburnum
                # House Care Home", two towns, merged at 0.99 in an ageing well trial), a trust's schools and a
                # diocese's churches with theirs: two of one kind, each with a name of its own, are two of them
                reasons.append(f"{TWO_ESTABLISHMENTS} ({two})")
        clash = identifier_clash(ra, rb) if ra.identifiers and rb.identifiers and not same_ids else ()
        if (_domain(ra.website) and _domain(ra.website) == _domain(rb.website) and _one_page(ra, rb)
                and (_domain(ra.website), _path(ra.website)) not in wide_pages  # (``_umbrella_pages``)
                and not (  # apart: asked only here
                "different places" in reason or "a body of its own" in reason
                or (_branches(ra, rb) and SPELLED_OUT not in reason)  # ("BC Growth Hub": initials of the other's words)
                or ("a branch or another body" in reason and _share_words(ra, rb) and not any(
                    r.startswith(("same address", "same postcode")) for r in contact))
                # (at one door, the branch's place is the body's own: "Arts Connect West Midlands" / "Arts Connect",
                # one postcode and website, 0.7 and unlisted in an arts trial)
                # a council's page of its venues: names with no word in common at sites apart are its venues
                # (a sports trial's "Gala Baths" / "Oak Park Active Living Centre", 0.95 on one page)
                or (reason.startswith(NO_WORD_IN_COMMON) and delta < 0))):
            score = max(score, W.SAME_WEBSITE)
            reasons.append(f"same website {_domain(ra.website)}")
            if _site_of_the_body(ra, rb, places) and not any(r.startswith(_ONE_SITE) for r in contact) and not \
                    reason.startswith(SAME_NAME):  # (one name, its part written after a dash or a comma: "Ulster
                # University - Magee campus" / "Ulster University, Magee Campus", reviewed in a universities hold-out)
                reasons.append(SITE_OF_THE_BODY)  # (a site's or a branch's page on the body's site: reviewed; at
                # its door, the body written in full: "Dudley Group" / "Dudley Group NHS Foundation Trust")
        elif (sa := _site(ra.website)) and (sb := _site(rb.website)) and (sa != sb or not _one_page(ra, rb)):
            # two sites, or two pages of one site that are two branches' or units' ("mind.org.uk/wolverhampton" /
            # "mind.org.uk/dudley", ``_one_page``)
            under = sa == sb and _unit_page(ra, rb)
            apart = PAGE_UNDER if under else SITES_OF_THEIR_OWN if sa != sb and _sites_of_their_own(
                ra, rb, sa, sb) else WEBSITES_APART
            reasons.append(f"{apart} ({ra.website.strip()} / {rb.website.strip()})")
        elif bool(ra.website) != bool(rb.website) and (page := _unit_page_alone(ra, rb, contact)):
            reasons.append(f"{UNIT_PAGE} ({page})")
        if names_alone < W.DUPLICATE_MIN_SCORE and (parents := ra.part_of & rb.part_of):
            # two parts of one body share its door, line and website: their names alone say whether they are one
            reasons.append(f"{UNITS_OF_ONE} {', '.join(sorted(by_id[x].name if x in by_id else x for x in parents))}")
        elif (ra.part_of or rb.part_of) and (body := _run_by_the_other(ra, rb, by_id)):
            reasons.append(f"{RUN_BY_THE_OTHER} ({body})")
        people = sorted(ra.people & rb.people)
        if people and ra.kind == "Person":  # a person's "people" are their employers
            score = min(1.0, score + W.SHARED_PERSON * len(people))
            reasons.append(f"{SAME_EMPLOYER} {', '.join(people[:3])}")
        elif people:
            score = min(1.0, score + W.SHARED_PERSON * len(people))
            reasons.append(f"{len(people)} {'person' if len(people) == 1 else 'people'} attached to both "
                           f"({', '.join(people[:3])})")
        if clash:  # two different charity (or company) numbers: two bodies, whatever the names say
            score = min(score, W.CONFLICTING_IDENTIFIER)
            reasons.append(f"but different {', '.join(sorted(clash))} numbers")
        elif not same_ids and (apart := registers_apart(ra, rb)):
            reasons.append(f"{REGISTERS_APART} ({' / '.join(apart)})")
        elif bool(ra.identifiers) != bool(rb.identifiers) and not reason.startswith("same name") and (
                parent := _parent_registered_apart(ra, rb, by_id)):  # (one name written twice is one body: a
            # network's member, "Walsall Foodbank" of the Trussell Trust, is a charity of its own)
            reasons.append(f"{PARENT_REGISTERED_APART} ({parent})")
        if ra.address and rb.address and not same_ids and _abroad(ra.address, rb.address):  # a body and its
            score = min(score, W.CONFLICTING_IDENTIFIER)  # namesake abroad, whatever the names and websites say
        score = round(score, 3)  # the score said is the score decided: a pair shown at 0.8 is listed at 0.8 (a
        # community trial's 0.7996, shown "0.8" under --min-score 0.79 and absent at 0.8)
        if score < min_score:
            return None
        same = (bool(same_ids) and score >= W.SAME_IDENTIFIER - 1e-9) or ((a, b) in exact and delta >= 0)
        web_apart = bool(ra.website and rb.website) and not (_domain(ra.website) == _domain(rb.website)
                                                            and _one_page(ra, rb))
        # one name written twice: the same once normalised, or once its spaces are ignored ("ComputerReach" /
        # "Computer Reach"), or the same identifier; with nothing apart
        one = (same or reason.startswith("same name once") or _reordered(ra, rb, reason)) and delta >= 0 \
            and not web_apart
        return a, b, score, reasons, same, one

    # weighed on both cores when one was free, as the names were (``listed`` reads the records and writes nothing;
    # its answers come back from the forked copy as they went, a tuple as a list)
    weighed = split_map(listed, list(found.items()), free=free_core)
    pairs = [DuplicatePair(a, b, score, reasons, exact=same, one_name=one) for a, b, score, reasons, same, one
             in filter(None, weighed)]
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return _without_units_of_others(pairs, by_id) if any(r.part_of for r in records) else pairs


#: An address care of a body: "c/o Sandwell Carers Centre, 1 Crosswells Road, Oldbury".
_CARE_OF = re.compile(r"\s*(?:c/o|c\.o\.|care of)\s+([^,]+)", re.IGNORECASE)


def _care_of(ra, rb) -> bool:
    """True when ``ra``'s address is care of ``rb`` by its name or an alias: ``rb`` hosts it, two bodies, as a unit
    and its body are (a disability hold-out's "Black Country Carers Network", "c/o Sandwell Carers Centre", offered
    for review beside the centre's three records; a veterans trial's cadets "c/o Tipton Community Association")."""
    if not ra.address or not (m := _CARE_OF.match(ra.address)):
        return False
    host = name_key(m.group(1)).tokens
    return any(name_key(n).tokens == host for n in (rb.name, *rb.aliases)) and not any(
        name_key(n).tokens == host for n in (ra.name, *ra.aliases))  # (care of its own name: its own door)


#: How a name reason says one name is a part or a branch of the other's body (``names.name_similarity``).
_A_PART_OR_BRANCH = re.compile(r"after a dash|a branch or another body|different places|of its own")


def _without_units_of_others(pairs: list, by_id: dict) -> list:
    """``pairs`` without a unit and the body it is recorded as a unit of (PART_OF), either written again: x a unit
    of z, u x or x's name written again, v z or z's name written again (a pair of ``one_name``, its names no part's
    nor branch's): u / v is the unit and its body once more, two records on purpose (a veterans trial's breakfast
    club, recorded as meeting at "Dudley Veterans Hub", offered for review beside each of the hub's three records,
    and the club's record in another list beside them too). Only a name written again: a record merely more like the
    body than the unit may be either ("Black Country Living Museum Trust", the trust of the museum recorded as a unit
    of "BCLM Trust"), and so may one whose name is within the other's ("Little Acorns Nursery" beside "Little Acorns
    Day Nursery" and its provider "Little Acorns Nursery Ltd": reviewed as a group), unless the unit's name is the
    other's and its part after a dash, which says whose unit it is."""
    again: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        if p.one_name and not _A_PART_OR_BRANCH.search(p.reasons[0]) and not _places_apart(p.reasons[1:]):
            # (one number under names of a part or a branch: "Carers Trust Heart of England - Dudley Carers Hub", the
            # charity's number, is the hub; one number in two towns is the body's and its unit's: "Spectrum
            # Counselling BC Ltd" of Oldbury was the unit "Spectrum Counselling - Wolverhampton" written again, and
            # its pair with the body itself dropped, in an LGBTQ+ hold-out)
            again[p.a].add(p.b)
            again[p.b].add(p.a)

    def unit_again(u: str, v: str) -> bool:
        bodies = {z for x in (u, *again[u]) for z in by_id[x].part_of}
        return bool(bodies) and (v in bodies or not bodies.isdisjoint(again[v]))

    def within(u: str, v: str) -> bool:
        ku, kv = name_key(by_id[u].name), name_key(by_id[v].name)
        if after_a_dash(ku, kv) or after_a_dash(kv, ku):  # the unit's name says whose part it is ("Wolverhampton
            return False  # Foodbank - Bilston" beside another list's "Wolverhampton Foodbank": a food hold-out's)
        tu, tv = set(ku.tokens), set(kv.tokens)
        return tu <= tv or tv <= tu

    return [p for p in pairs if not ((unit_again(p.a, p.b) or unit_again(p.b, p.a)) and not within(p.a, p.b))]
