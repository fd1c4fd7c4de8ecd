"""Turning checked 360Giving grants into entries: one organisation per body, one place per place.

Who is the same body:
- the same org-id (after cleaning) is the same organisation, whatever the name:
  every other spelling is kept as an alias (a publisher writes "The Salvation
  Army Taunton" and "Salvation Army Felixstowe Corps" for one charity number);
- a register number (charity, company) shared with another body is the same
  body: a publisher's own ids (360G-WET-ORG-044, PFT-R003) say less than a
  register does, so a body giving its own id and the charity number that
  another body's org-id or number is becomes that body, its name an alias (said
  in a warning when the names differ). Only when both bodies have register
  org-ids of their own that disagree (GB-CHC-1 and GB-CHC-2 giving one company
  number) is the number most likely a publisher's typing error: the two stay
  apart, the number stays with the first, and a warning names both rows;
- a body whose name shares no word with the body its id or number matched (``_no_word_shared``: a charity's
  branch or project, a council's service) is still that body, the register saying so, but said in a warning
  naming both, its name kept on its grants and never as the other's alias;
- before any id, a body is the record of its name or alias (this file's, else the folder's other files'), with
  or without an org-id, unless their postcodes (else addresses) differ, which says two places: one body's sites
  or two bodies of one name, so the recipient is a record of its own, said in a warning naming both
  (``GraphBuilder._same_name``), or unless each gives a register id of its own and they differ;
- a body found by an id or number the folder's record of another name holds is credited to it, said in a
  warning naming both (a church and the food bank it runs share one charity number).
Entries already in the folder's other files (same org-id, grant id or place
name) are reused by id and never copied. Ids of the import's previous run are
kept, so hand-written references to imported entries survive a re-import.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Collection

from ..dedup.names import without_accents
from ..dedup.places import country_named
from ..identifiers import BARE_WEB_ADDRESS
from .yaml_out import FolderIndex, elsewhere, norm_name, slug

__all__ = ["GraphBuilder", "place_type", "is_country"]

#: ONS / 360Giving geographic code types -> the place type the data uses.
_CODE_TYPES = {"WD": "ward", "LONB": "district", "NMD": "district", "MD": "district", "UA": "district",
               "LAD": "district", "CTY": "county", "RGN": "region", "CTRY": "country", "LSOA": "lsoa",
               "MSOA": "msoa", "WPC": "constituency"}
#: A location name that states a spread, not a place ("England/More than one English Region").
_NOT_A_PLACE = re.compile(r"(more than one|multiple|various|several|not specified|unknown|n/?a)\b", re.I)
#: Place types from the narrowest: of several locations given for one body, the narrowest says most.
NARROW_TO_BROAD = ("lsoa", "msoa", "ward", "constituency", "district", "county", "region", "country")


#: ONS codes of the UK's countries (E92000001 England...) and of the UK, Great Britain, England and Wales.
_ONS_COUNTRY = re.compile(r"[EWSN]92\d{6}|K0[2-4]\d{6}", re.I)


def is_country(name: str, code: str, country: str) -> bool:
    """Whether a location with no code type is a country: its code is an ONS country's, or its name is its own
    country code's ("UK" with countryCode GB). Every location carries a countryCode, so a town published with
    its country's (Bilston, GB) is a place in that country, not the country; a funder's file had made Bilston,
    Wolverhampton and Coventry countries."""
    if code:
        return _ONS_COUNTRY.fullmatch(code) is not None
    named = norm_name(name)
    # its country code ("GB"), or a country's name (``places.country_named``: the UK and its four nations,
    # countries to ONS, whose CTRY codes they have; "Kenya", "France")
    return (bool(country) and named == country.lower()) or country_named(
        " ".join(re.findall(r"[a-z0-9]+", without_accents(named).lower()))) is not None


def place_type(code_type: str) -> str:
    """The place type of a 360Giving geographic code type (``WD`` -> ward); an unknown type as written, lower case."""
    return _CODE_TYPES.get(code_type.upper(), code_type.lower()) if code_type else ""


_URL = re.compile(r"https?://\S+")


def _own_register_id(org_id: str | None) -> bool:
    """Whether a body's own id is a register's (GB-CHC-..., GB-LAE-...), not its funder's number for it (360G-...)
    nor missing."""
    return bool(org_id) and not str(org_id).upper().startswith("360G-")


def _registers_disagree(mine: str | None, theirs: str | None) -> bool:
    """Whether two bodies' own ids are two numbers of one register (GB-CHC-1 and GB-CHC-2): two bodies, unless one
    publisher erred. Two registers' numbers (a charity's and a company's) are one charitable company's as often as not:
    a South Yorkshire hold-out's "Zest Community" (GB-CHC-1078512, giving company number 03864128) was kept apart from
    that company's "Upperthorpe Healthy Living Centre Ltd", its name before, as "a publisher's error"."""
    return (_own_register_id(mine) and _own_register_id(theirs) and str(mine).upper() != str(theirs).upper()
            and str(mine).upper().rsplit("-", 1)[0] == str(theirs).upper().rsplit("-", 1)[0])


def _other_name(name: str, names: Collection[str]) -> bool:
    """Whether ``name`` is none of ``names`` (normalised names), case, punctuation and legal form aside (the
    duplicates' name key: "Wolverhampton Foodbank Ltd" is "Wolverhampton Foodbank"): a body an identifier matched
    under another name, said in a warning naming both (a food trial's "Kings Hill Food Bank" was credited to the
    "Kings Hill Methodist Church" whose charity number it gave, without a word)."""
    from ..dedup.names import name_key

    tokens = name_key(name).tokens
    return bool(names) and norm_name(name) not in names and all(name_key(n).tokens != tokens for n in names)


def _no_word_shared(name: str, names: Collection[str]) -> bool:
    """Whether a recipient's ``name`` shares no word (the duplicates' name key: ``names.name_key``) with any of
    ``names``, the names of the body its identifier matched: another body the number covers, a branch, a project
    or a service ("The Conservation Volunteers - Birmingham" and "TCV Black Country", "Birmingham Churches
    Together" and "Restore"), not another spelling of one name. A town both name is no shared word (two bodies
    in Wolverhampton: "City of Wolverhampton Council" and "Adult Education Wolverhampton"); initials are ("TCV",
    "The Conservation Volunteers"). Nor is one name written with its words apart or together, once case, punctuation
    and legal forms are set aside (the name key's space-less join): a youth trial's 'BASE25 LTD' and 'Base 25 Ltd',
    'Barnardos' and "Barnardo's" (the folder's names are kept as "barnardo s") were said to share no word. No name to
    compare with is no difference."""
    from ..dedup.names import NO_PLACES, acronyms, name_key

    def initials(a, b) -> bool:  # a word of one is the other's whole name's initials ("TCV Black Country" and
        return bool(set(a.tokens) & acronyms(b))  # "The Conservation Volunteers - Birmingham" are two branches)

    mine = name_key(name)
    if not mine.tokens:
        return False
    for other in names:
        theirs = name_key(other)
        if not theirs.tokens or mine.joined == theirs.joined \
                or any(w not in NO_PLACES for w in set(mine.tokens) & set(theirs.tokens)) \
                or initials(mine, theirs) or initials(theirs, mine):
            return False
    return bool(names)


def _tokens(name: str) -> tuple[str, ...]:
    """A name's words as `lcg duplicates` compares them (``dedup.names.name_key``)."""
    from ..dedup.names import name_key

    return name_key(norm_name(name)).tokens


def _named_as(tie: dict, name: str, own: str | None) -> None:
    """Write ``name`` as the tie's ``named_as`` where the grant names the recipient otherwise than its ``own`` name,
    case, punctuation and legal form aside (``GraphBuilder._partner``); none where it names it so."""
    tie.pop("named_as", None)
    if own is not None and _tokens(name) != _tokens(own):
        tie["named_as"] = name


def _renames(new: str, old: str) -> bool:
    """Whether a recipient's later name ``new`` is the body's ``old`` one renamed ("Age UK Dudley" of "Age Concern
    Dudley", "One Walsall" of "Walsall Voluntary Action"): a word of its own, not a longer name, and none of its own
    words a town (a branch's: "Salvation Army Felixstowe Corps" of "The Salvation Army Taunton"), a kind of body or
    a site ("St Mary's Foodbank" of "St Mary's Church", "Scout Hut" of "The Scout Association": a service's, a
    venue's), nor another kind of establishment; not the name shortened, with no word of its own but short forms of
    the old name's ("Dudley College" of "Dudley College of Technology", "Age UK Warwicks")."""
    from ..dedup.names import BODY_WORDS, HALLS, KIND_WORDS, establishment_kinds, name_key, towns_known
    from ..dedup.places import SITE_WORDS

    theirs = set(_tokens(old))
    own = set(_tokens(new)) - theirs
    return bool(own) and len(_tokens(new)) <= len(theirs) and not towns_known(own) and not own & (
        KIND_WORDS | SITE_WORDS | BODY_WORDS | HALLS | _NO_BODY_S_NAME) and establishment_kinds(
        name_key(new)) == establishment_kinds(name_key(old)) and any(
        not any(x.startswith(w.rstrip("s")[:4]) for x in theirs) for w in own)


def _initials(name: str) -> bool:
    """A name that is one word of initials ("WHG Ltd", "WVSC"): no name to call a body by."""
    from ..dedup.names import name_key

    key = name_key(name)
    return len(key.tokens) == 1 and bool(key.capitals or name.isupper())


#: Words naming a building, a project or an appeal a grant funds, not a body (``_renames``).
_NO_BODY_S_NAME = frozenset("hut huts building buildings room rooms appeal project projects scheme schemes fund "
                            "programme programmes campaign".split())


class _Org:
    __slots__ = ("entry", "names", "row", "primary")

    def __init__(self, entry: dict, row: int, primary: str | None = None):
        self.entry, self.names, self.row = entry, {norm_name(entry["name"])}, row
        self.primary = primary  # the id the body gave as its own (upper case), None when it gave none

    def add_name(self, name: str) -> None:
        n = norm_name(name)
        self.names.add(n)
        e = self.entry
        if name != e["name"] and name not in e.setdefault("aliases", []):
            e["aliases"].append(name)


class GraphBuilder:
    def __init__(self, index: FolderIndex, *, source: str):
        self.index, self.source = index, source
        self.taken: set[str] = set(index.ids)
        self.orgs: dict[str, _Org] = {}  # org-id (upper) or "name:<norm>" -> org
        self.elsewhere: dict[str, str] = {}  # own id (upper) -> the folder's org it was taken as (by its number)
        self._first_ids: dict[str, str] | None = None  # the folder's org id -> its first org-id (``_folder_primary``)
        self._ids_of: dict[str, set[str]] | None = None  # the folder's org id -> its org-ids (``_folder_ids``)
        self._by_name: dict[str, list[_Org]] = {}  # a name or alias (``norm_name``) -> this run's orgs of it
        self._said_apart: set[tuple[str, str]] = set()  # (name, place) of the records of a name said apart
        self.org_list: list[_Org] = []
        self._by_id: dict[str, _Org] = {}  # node id -> org, filled from org_list when asked (``_partner``)
        self.places: dict[str, dict] = {}  # code or "name:<norm>" -> entry
        self.projects: list[dict] = []
        self.programmes: dict[tuple[str, str], dict] = {}  # (funder id, normalised title) -> Network entry
        self.themes: dict[str, dict] = {}  # normalised title -> Theme entry
        self.grant_ids: set[str] = set()
        self.warnings: list[tuple[int, str, str]] = []
        # node id -> (award date, row, the name, its postcode) of each grant to this run's recipient
        # (``_latest_names``), and each recipient's tie -> the name its grant gave (``_partner``), to name it again
        self._named_on: dict[str, list[tuple[str, int, str, str]]] = {}
        self._ties: list[tuple[dict, str]] = []

    # --- ids -------------------------------------------------------------------------------------------------

    def _free(self, kind: str, keys, *candidates: str) -> str:
        """The previous run's id for any of ``keys``, else the first free candidate (numbered if need be)."""
        previous = self.index.previous[kind]
        for k in keys:
            old = previous.get(k)
            if old and old not in self.taken:
                self.taken.add(old)
                return old
        base = next((c for c in candidates if c), "entry")
        for c in itertools.chain((c for c in candidates if c), (f"{base}-{n}" for n in itertools.count(2))):
            if c not in self.taken:
                self.taken.add(c)
                return c
        raise AssertionError("unreachable")  # pragma: no cover - itertools.count never ends

    # --- organisations ---------------------------------------------------------------------------------------

    def _org(self, rec: dict, role: str, row: int, gid: str, what: str) -> str:
        primary, name = rec["primary"], rec["name"]
        index = self.index
        same = self._same_name(rec, row, gid, what)
        if isinstance(same, _Org):
            if primary and primary.upper() not in self.orgs:
                same.entry.setdefault("identifiers", []).append(primary)
                self.orgs[primary.upper()] = same
                same.primary = same.primary or primary.upper()
            self._enrich(same, rec, row, gid, what)
            return same.entry["id"]
        if same is not None:
            if primary:
                self.elsewhere.setdefault(primary.upper(), same)
            return same
        if primary:
            known = self.orgs.get(primary.upper())
            if known:
                other_body = _no_word_shared(name, known.names)
                site = self._another_site(known, rec)
                if other_body or site or known.primary != primary.upper() and norm_name(name) not in known.names:
                    self._say_one(rec, primary, known.entry["name"], f"row {known.row}", row, gid, what, True,
                                  other_body, site)
                self._enrich(known, rec, row, gid, what, alias=not (other_body or site))
                return known.entry["id"]
            holder = self._folder_owner(primary, name)
            other = holder or self.elsewhere.get(primary.upper())
            if other is not None:
                # (once for a name: this run's later grants to it are credited alike)
                if holder is not None and _other_name(name, index.names_of.get(other, ())) \
                        and (norm_name(name), other) not in self._said_apart:
                    self._said_apart.add((norm_name(name), other))
                    self._say_one(rec, primary, other, "already in the folder", row, gid, what, False,
                                  _no_word_shared(name, index.names_of.get(other, ())))
                return other
        kept = []
        for sec in rec["secondary"]:
            owner = self.orgs.get(sec.upper())
            other = owner.entry["id"] if owner else self._folder_owner(sec, name)
            if other is None:
                kept.append(sec)
                continue
            names: Collection[str] = owner.names if owner else index.names_of.get(other, ())
            first = owner.entry["name"] if owner else other
            where = f"row {owner.row}" if owner else "already in the folder"
            other_body = _no_word_shared(name, names)
            site = owner is not None and self._another_site(owner, rec)
            if norm_name(name) not in names and _tokens(name) not in {_tokens(n) for n in names}:  # (one name, its
                # legal form aside, is one body giving two numbers: "Bradford Trident" / "... Ltd", a Bradford
                # hold-out's, were kept apart as "a publisher's error")
                theirs = owner.primary if owner else self._folder_primary(other)
                if _registers_disagree(primary, theirs):
                    self.warnings.append((row, gid, f"{what} {name!r} gives {sec}, which {first!r} ({where}) also "
                                                    "gives; kept apart (one of the two is likely a publisher's error), "
                                                    f"{sec} stays with {first!r}"))
                    continue
                self._say_one(rec, sec, first, where, row, gid, what, owner is not None, other_body, site)
            if owner:
                if primary:
                    owner.entry.setdefault("identifiers", []).append(primary)
                    self.orgs[primary.upper()] = owner
                self._enrich(owner, rec, row, gid, what, alias=not (other_body or site))
            elif primary:
                self.elsewhere[primary.upper()] = other
            return other
        idents = ([primary] if primary else []) + kept
        keys = [i.upper() for i in idents] or ["name:" + norm_name(name)]
        node_id = self._free("Organisation", keys, slug(name), slug(name, primary or ""),
                             slug(primary or "") or "org")
        entry = {"id": node_id, "name": name, "type": role}
        if idents:
            entry["identifiers"] = idents
        org = _Org(entry, row, primary.upper() if primary else None)
        for k in keys:
            self.orgs[k] = org
        self.org_list.append(org)
        self._enrich(org, rec, row, gid, what)
        return node_id

    def _same_name(self, rec: dict, row: int, gid: str, what: str) -> "_Org | str | None":
        """The record of the recipient's name (or alias) a grant is credited to, with or without an org-id: this
        file's first, else the folder's, when no postcode (else address) says they are two places
        (``yaml_out.elsewhere``) and their own register ids do not differ. A food trial's "Priory Pantry" of Dudley
        (DY1 4AH) was credited to the folder's Priory Pantry of Walsall (WS5 4LD); a recipient with an org-id was
        never matched to the folder's record of its name while one without was. A record of the name at another
        place only is said in a warning naming both: the recipient becomes a record of its own."""
        named = norm_name(rec["name"])
        if not named:
            return None
        here = self._place_of(rec)
        mine = rec["primary"] if _own_register_id(rec["primary"]) else None
        apart = []
        for org in self._by_name.get(named, ()):
            if elsewhere(org.entry, here):
                apart.append((org.entry["name"], org.entry, f"row {org.row}"))
            elif not (mine and _own_register_id(org.primary) and org.primary != mine.upper()):
                return org
        for other in self.index.orgs_by_name.get(named, ()):
            theirs = self._folder_primary(other)
            place = self.index.place_of.get(other, {})
            if elsewhere(place, here):
                apart.append((other, place, "already in the folder"))
            elif not (mine and theirs and _own_register_id(theirs) and theirs.upper() != mine.upper()
                      and mine.upper() not in self._folder_ids(other)):
                return other
        at = str(here.get("postcode") or here.get("address") or "")
        if apart and (named, at) not in self._said_apart:
            self._said_apart.add((named, at))
            shown = ", ".join(f"{n!r} ({where}, {p.get('postcode') or p.get('address')})" for n, p, where in apart[:3])
            self.warnings.append((row, gid, f"{what} {rec['name']!r} ({here.get('postcode') or here.get('address')}) "
                                            f"not credited to {shown} of its name: the postcodes (or addresses) say "
                                            "two places, which may be one body's sites or two bodies; written as a "
                                            "record of its own"))
        return None

    @staticmethod
    def _place_of(rec: dict) -> dict:
        """A recipient's postcode and address, as the entry would hold them (``_enrich``)."""
        raw = rec["raw"]
        parts = [p for p in (" ".join(str(raw.get(k) or "").split()) for k in (
            "streetAddress", "addressLocality", "addressRegion")) if p]
        return {"postcode": " ".join(str(raw.get("postalCode") or "").split()), "address": ", ".join(parts)}

    def _folder_ids(self, org_id: str) -> set[str]:
        """Every org-id (upper case) an organisation of the folder's other files holds."""
        if self._ids_of is None:
            self._ids_of = {}
            for ident, owners in self.index.orgs_by_identifier.items():
                for owner in owners:
                    self._ids_of.setdefault(owner, set()).add(ident.upper())
        return self._ids_of.get(org_id, set())

    def _another_site(self, org: _Org, rec: dict) -> bool:
        """Whether a recipient an id or number credits to ``org`` writes the body's name and words of its own, or
        another town, at another place (postcode, else address: ``yaml_out.elsewhere``): a branch or site of the
        registered body ("Age UK Warwickshire - Nuneaton", CV11, of Age UK Warwickshire, CV31). The grant is the
        body's, whose number it is, but the name is not the body's other name: as an alias it had told `lcg
        duplicates` that the branch at the other address was the body itself, written otherwise."""
        from ..dedup.names import SCHOOL_PHASES, establishment_kinds, name_key, towns_known

        schools = {"school", *SCHOOL_PHASES.values()}  # (``establishment_kinds``' of a school)

        if norm_name(rec["name"]) in org.names or not elsewhere(org.entry, self._place_of(rec)):
            return False
        # the body's name and more ("Age UK Warwickshire - Nuneaton", "Rugby Myton Hospice" of "The Myton
        # Hospices"), or a name of its with another town ("Barnardo's - Bradford" of "Barnardos Leeds", a Leeds
        # hold-out's): a branch; a name with other words of its own ("Age UK Coventry" of "Age Concern Coventry") is
        # the body renamed, which moved, and stays its alias (a review's find)
        def words(name: str) -> dict[str, str]:  # a word without its plural's "s" -> the word
            return {w.rstrip("s"): w for w in name_key(name).tokens}

        # Or each with words of its own beside a town on either side: "Barnardo's Bolton Young Carers" and "Barnardo's
        # Longsight Family Centre" under the national number, a Manchester hold-out's, two services in two places (a
        # name that only swaps one place for another, "Dudley Mind" / "Black Country Mind", is the body renamed). Or
        # two schools' names, each with words of its own ("Ormiston Forge Academy" and "Ormiston Sandwell Community
        # Academy" under their trust's company number, a Black Country hold-out's): two schools of one trust, at their
        # own doors (a school renamed keeps its door: at another place it is another school; a church renamed may
        # move, and two churches merge)
        mine, kinds = words(rec["name"]), establishment_kinds(name_key(rec["name"]))
        for n in org.names:
            theirs = words(n)
            own, other = mine.keys() - theirs.keys(), theirs.keys() - mine.keys()
            if not own:
                continue
            if not other:
                return True  # (the body's name and more)
            mine_own, their_own = {mine[w] for w in own}, {theirs[w] for w in other}
            # (each's own words towns alone, or neither's, a town among them: two places; one's town against the
            # other's other words, "Dudley Mind" / "Black Country Mind", is the body renamed)
            two_places = mine.keys() & theirs.keys() and towns_known(mine_own) == towns_known(their_own) and any(
                towns_known({x}) for x in mine_own | their_own)
            if two_places or kinds & schools and establishment_kinds(name_key(n)) & schools:  # (of any phases:
                return True  # "Acle Academy" and "Broadland High School" of one trust, a Norfolk hold-out's)
        return False

    def _say_one(self, rec: dict, number: str, first: str, where: str, row: int, gid: str, what: str,
                 alias: bool, other_body: bool = False, site: bool = False) -> None:
        """Warn that a body was taken as another by a register number they share though their names differ: a
        trial's "Bilston Adult Learning Centre (BALC)" (its funder's id, charity number 1160003) and "Bilston
        Adult Learning Centre" (GB-CHC-1160003) had been kept apart and the number taken from one of them.
        Names sharing no word (``_no_word_shared``) may be a branch, a project or a service of the registered
        body ("The Conservation Volunteers - Birmingham" and "TCV Black Country", "Birmingham Churches Together"
        and "Restore"): said so, the name kept on the grant, not as an alias of the other."""
        own = str(rec["raw"].get("id") or "").strip()
        own = "" if own.upper() == number.upper() else own
        kept = "kept as an alias" if alias and not (other_body or site) else "kept as the name on its grants"
        said = f"{what} {rec['name']!r}{f' ({own})' if own else ''} gives {number}, as {first!r} ({where}) does"
        if site and not other_body:
            here = self._place_of(rec)
            self.warnings.append((row, gid, f"{said}, at another place ({here['postcode'] or here['address']}): "
                                            f"credited to {first!r}, whose number it is; {rec['name']!r} {kept}, "
                                            "not as an alias (a branch or site of the body: if it is a body of its "
                                            "own, give it an entry of its own)"))
            return
        if other_body:
            self.warnings.append((row, gid, f"{said}, though their names share no word: credited to {first!r}, "
                                            f"whose number it is; {rec['name']!r} {kept}, not as an alias (a "
                                            "charity's branches and projects share its number: if it is a body of "
                                            "its own, give it an entry of its own)"))
            return
        self.warnings.append((row, gid, f"{said}; taken as one organisation by that number, {rec['name']!r} {kept}"))

    def _folder_owner(self, ident: str, name: str) -> str | None:
        """The folder's organisation an identifier names, for a recipient called ``name``: of several holding it
        (a national charity's branches, each written with its number), the one of that name or alias, else the
        one sharing most of its words (a place's among them: "Mind in Dudley" is the Dudley branch's), else the
        first. The first alone had credited every branch's grants to one of them."""
        from ..dedup.names import name_key

        owners = self.index.orgs_by_identifier.get(ident.upper(), ())
        if len(owners) < 2:
            return owners[0] if owners else None
        names_of, named = self.index.names_of, norm_name(name)
        same = [o for o in owners if named in names_of.get(o, ())]
        if same:
            return same[0]
        mine = set(name_key(name).tokens)

        def shared(owner: str) -> int:
            return max((len(mine & set(name_key(n).tokens)) for n in names_of.get(owner, ())), default=0)

        return max(owners, key=shared)  # (the first of equals: ``max`` keeps it)

    def _folder_primary(self, org_id: str) -> str | None:
        """The first org-id of an organisation of the folder's other files (its own id, as imports write it)."""
        if self._first_ids is None:
            self._first_ids = {}
            for ident, owner in self.index.org_by_identifier.items():
                self._first_ids.setdefault(owner, ident)
        return self._first_ids.get(org_id)

    def _enrich(self, org: _Org, rec: dict, row: int, gid: str, what: str, alias: bool = True) -> None:
        """Every spelling (but a name sharing no word with the body's, or a branch's: ``alias`` False) and its register
        numbers, and the fields the first mention lacked (website, address, postcode...)."""
        e, raw = org.entry, rec["raw"]
        if alias:
            org.add_name(rec["name"])
            # and the register numbers it gives that no other body has: "Z-Arts Ltd"'s company number, given with
            # the charity number the record has (a Manchester hold-out's were dropped, the company kept apart)
            for sec in rec.get("secondary", ()):
                register = sec.upper().rsplit("-", 1)[0] + "-"  # (a trading company's own number, where the body
                # has one of that register already, is the company's: "Age UK Dudley Enterprises" of "Age UK Dudley")
                if sec.upper() not in self.orgs and self._folder_owner(sec, rec["name"]) is None and not any(
                        i.upper().startswith(register) for i in e.get("identifiers", ())):
                    e.setdefault("identifiers", []).append(sec)
                    self.orgs[sec.upper()] = org
        for n in rec.get("register_names", ()):
            org.add_name(n)
        for n in org.names:  # (``_same_name``)
            if org not in self._by_name.setdefault(n, []):
                self._by_name[n].append(org)
        url = str(raw.get("url") or "").strip()
        if url and "website" not in e:
            if _URL.fullmatch(url):
                e["website"] = url
            elif BARE_WEB_ADDRESS.fullmatch(url):
                e["website"] = "http://" + url
                self.warnings.append((row, gid, f"{what} web address {url!r} has no http://; kept as {e['website']}"))
        parts = [p for p in (" ".join(str(raw.get(k) or "").split()) for k in (
            "streetAddress", "addressLocality", "addressRegion", "addressCountry")) if p]
        # a country alone ("UK": a recipient published without its street or town) is no address
        address = ", ".join(parts) if parts[:-1] or not raw.get("addressCountry") else ""
        if address and "address" not in e:
            e["address"] = address
        postcode = " ".join(str(raw.get("postalCode") or "").split())
        if postcode and "postcode" not in e:
            e["postcode"] = postcode
        description = " ".join(str(raw.get("description") or "").split())
        if description and "description" not in e:
            e["description"] = description
        for odd in rec.get("odd_numbers", ()):
            note = f"Published {odd} (not a UK register number)."
            if note not in e.get("note", ""):
                e["note"] = (e.get("note", "") + " " + note).strip()
        if rec.get("location"):
            here = self._chain(rec["location"])
            if here and here not in e.setdefault("located_in", []):
                e["located_in"].append(here)
        e["sources"] = [self.source]

    # --- places ----------------------------------------------------------------------------------------------

    def _place(self, name: str, code: str, ptype: str, parent: str | None) -> str | None:
        if not name and not code:
            return None
        key = code.upper() if code else "name:" + norm_name(name)
        entry = self.places.get(key)
        if entry is None:
            existing = self.index.place_by_name.get(norm_name(name or code))
            if existing:
                return existing
            keys = [key, "name:" + norm_name(name or code)]
            node_id = self._free("Place", keys, slug(name or code), slug(name, code), slug(code) or "place")
            entry = {"id": node_id, "name": name or code}
            if ptype:
                entry["type"] = ptype
            if code:
                entry["note"] = f"ONS/geographic code {code}."
            entry["sources"] = [self.source]
            self.places[key] = entry
        if parent and parent != entry["id"] and parent not in entry.setdefault("located_in", []):
            entry["located_in"].append(parent)
        return entry["id"]

    def _chain(self, levels: list[dict]) -> str | None:
        """Places from the broadest to the narrowest, each located in the one before; the narrowest's id."""
        parent = None
        for level in levels:
            parent = self._place(level["name"], level.get("code", ""), level.get("type", ""), parent) or parent
        return parent

    def _beneficiary(self, p: dict) -> str | None:
        ptype = place_type(p["codeType"])
        if not ptype and is_country(p["name"], p["code"], p["country"]):
            ptype = "country"
        name = p["name"] or p["code"]  # a location published as a code alone is still a place
        parts = [x.strip() for x in name.split("/")] if "/" in name and not p["code"] else [name]
        levels = [{"name": x} for x in parts if x and not _NOT_A_PLACE.match(x)]
        if not levels:
            return None
        levels[-1].update(code=p["code"], type=ptype)
        return self._chain(levels)

    # --- grants ----------------------------------------------------------------------------------------------

    def add_grant(self, g: dict) -> bool:
        """Add one grant (and its funder, recipient, places); False when the folder already holds it."""
        row, gid = g["row"], g["id"]
        funder = self._org(g["funder"], "funder", row, gid, "funding organisation")
        recipient_type = "charity" if any(i.startswith(("GB-CHC-", "GB-SC-", "GB-NIC-")) for i in
                                          [g["recipient"]["primary"] or "", *g["recipient"]["secondary"]]) \
            else "organisation"
        recipient = self._org(g["recipient"], recipient_type, row, gid, "recipient organisation")
        where = [w for w in (self._beneficiary(p) for p in g["places"]) if w]
        if gid in self.index.project_by_grant or gid in self.grant_ids:
            return False
        self.grant_ids.add(gid)
        node_id = self._free("Project", [gid.upper()], slug(gid),
                             "grant-" + hashlib.sha1(gid.encode()).hexdigest()[:10])
        entry = {"id": node_id, "name": g["title"], "type": "grant"}
        if g["description"]:
            entry["description"] = g["description"]
        entry["start"] = g["start"]
        if g["end"]:
            entry["end"] = g["end"]
        entry["identifiers"] = [gid]
        entry["funders"] = [{"id": funder, "amount": g["amount"], "currency": g["currency"], "from": g["award"]}]
        entry["partners"] = [self._partner(recipient, g["recipient"]["name"])]
        self._named_on.setdefault(recipient, []).append((str(g["award"]), row, g["recipient"]["name"], " ".join(
            str(g["recipient"]["raw"].get("postalCode") or "").split()).upper()))
        if where:
            entry["located_in"] = sorted(set(where))
        if g["programme"]:
            entry["part_of"] = [self._programme(funder, str(g["programme"]))]
        themes = list(dict.fromkeys(self._theme(t) for t in g["themes"]))
        if themes:
            entry["themes"] = themes
        notes = [n for n in (g["dates_note"],) if n]
        if notes:
            entry["note"] = " ".join(notes)
        entry["sources"] = [self.source]
        self.projects.append(entry)
        return True

    def _partner(self, org_id: str, name: str) -> dict:
        """The recipient's PARTNER_IN tie, with ``named_as`` when the grant names it otherwise than the organisation.

        One charity number is one organisation here, yet a publisher names the local scheme or corps it paid
        ("MHA North Shields Live At Home Scheme"); the tie keeps that name, so overlaps can tell two branches
        under one number from one body funded twice. Case, punctuation and legal form aside (the duplicates'
        name key, over ``norm_name`` as the folder's other files are known by it), the same name adds nothing.
        """
        tie: dict = {"id": org_id, "role": "lead"}
        self._ties.append((tie, name))
        org = self._org_by_id(org_id)
        known = self.index.names_of.get(org_id)  # the folder's other files: normalised names, its own first
        _named_as(tie, name, org.entry["name"] if org is not None else (known[0] if known else None))
        return tie

    def _org_by_id(self, org_id: str) -> _Org | None:
        """This run's organisation with that id (None when it is in the folder's other files)."""
        if len(self._by_id) != len(self.org_list):
            self._by_id.update((o.entry["id"], o) for o in self.org_list[len(self._by_id):])
        return self._by_id.get(org_id)

    def _programme(self, funder: str, title: str) -> str:
        """The funder's grant programme as a Network of type programme, so "same programme" is a fact in the graph.

        Its id comes from the funder and the title (a re-import finds the same id); two
        funders' programmes with one title stay two nodes.
        """
        key = (funder, norm_name(title))
        if key not in self.programmes:
            node_id = self._free("Network", [], slug(funder, "programme", title))
            self.programmes[key] = {"id": node_id, "name": title.strip(), "type": "programme",
                                    "funders": [funder], "sources": [self.source]}
        return self.programmes[key]["id"]

    def _theme(self, title: str) -> str:
        """A grant's classification as a Theme, by its title: the folder's theme of that name if it has one,
        so a funder's "Digital inclusion" is the theme the folder's own projects address; else one entry per
        title for every funder of the file."""
        key = norm_name(title)
        existing = self.index.theme_by_name.get(key)
        if existing:
            return existing
        if key not in self.themes:
            node_id = self._free("Theme", ["name:" + key], slug(title), slug("theme", title))
            self.themes[key] = {"id": node_id, "name": title, "sources": [self.source]}
        return self.themes[key]["id"]

    def _latest_names(self) -> None:
        """Name each of this run's recipients by the name on its latest grant (award date, then row), the others its
        aliases, where that name renames the body (``_renames``): a body renamed is known by its name now ("Age UK
        Dudley", once "Age Concern Dudley": a Black Country hold-out's records were named by their oldest grants), at
        its postcode. Initials are passed over ("WHG Ltd"), and capitals where a grant writes the name otherwise. Its
        id is kept, and each tie's ``named_as`` said again."""
        renamed = set()
        for org_id, named in self._named_on.items():
            org = self._org_by_id(org_id)
            if org is None:  # (the folder's: its name is its files')
                continue
            e = org.entry
            names = [n for _, _, n, _ in sorted(named, reverse=True) if n == e["name"] or n in e.get("aliases", ())]
            latest = next((n for n in names if not _initials(n)), None)
            last = {n: max(d for d, _, m, _ in named if m == n) for n in names}  # each name's latest award date
            there = {p for _, _, m, p in named if m == latest and p}  # (at another postcode: a branch's name, which
            # no place told apart, or the body moved: not renamed, a Birmingham hold-out's Saltley family centre
            # had become "Barnardo's Solihull Young Carers", its regional WEA the national body)
            if latest is None or last[latest] <= last.get(e["name"], "") or not _renames(latest, e["name"]) or (
                    e.get("postcode") and there - {str(e["postcode"]).upper()}):
                continue  # (two names on one day are spellings or branches: the real Covid-19 file's two live at home
                # schemes under one number)
            if latest.isupper():
                latest = next((n for n in names if _tokens(n) == _tokens(latest) and not n.isupper()), latest)
            e["aliases"] = [e["name"], *(a for a in e["aliases"] if a != latest)]
            e["name"] = latest
            renamed.add(org_id)
        for tie, name in self._ties:
            if tie["id"] in renamed:  # (each tie's ``named_as`` against the name, as ``_partner`` said it)
                _named_as(tie, name, self._by_id[tie["id"]].entry["name"])

    def entries(self) -> dict[str, list[dict]]:
        """Entries by kind, their keys in a reader's order (what it is, its ties, then sources and note)."""
        self._latest_names()
        def tidy(e: dict) -> dict:
            return {**{k: v for k, v in e.items() if k not in ("sources", "note")},
                    **{k: e[k] for k in ("sources", "note") if k in e}}

        return {"Organisation": [tidy(o.entry) for o in self.org_list],
                "Place": [tidy(p) for p in self.places.values()], "Project": self.projects,
                "Network": [tidy(p) for p in self.programmes.values()],
                **({"Theme": list(self.themes.values())} if self.themes else {})}  # said only for a file that has any
