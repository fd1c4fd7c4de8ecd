"""Which words of a name are places, and how far apart two postcodes are.

Why it matters: "Age UK Dorchester" and "Age UK Colchester" differ by two letters,
and "Headway Hertfordshire" / "Headway Herefordshire" by two more; a typo-tolerant
matcher calls them one body, yet they are branches of a national charity in
different towns, which a learning-city partner list keeps apart. So a place word
is never matched by spelling, only exactly, and two names that each carry a
place the other lacks are evidence of distinct records.

How a word is known to be a place, without a list fitted to one dataset:

1. the data's own addresses: words of the ``address`` fields of the records being
   compared (street and town names; house numbers and street types left out);
2. a short built-in vocabulary: the UK nations and ceremonial counties, the US
   states, and the compass and site words that qualify a branch (north, east,
   central, upper...);
3. English (and Dutch) place-name endings, which come from the words for farm,
   ford, fort, town and shire, and are rare outside place names:
   -chester/-cester/-caster (Latin castra), -shire, -ford, -bury/-borough/-burgh,
   -ham, -ton, -wich/-wick, -mouth, -minster, -field, -stead, -worth, -pool,
   -dam, -hoven, -huizen; only for words of 6 letters or more, and never
   for the ordinary words that happen to end so (``_NOT_PLACES``).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["PlaceWords", "postcode_parts", "AREA_TOWNS", "BUILTIN_PLACES", "COUNTRIES", "COUNTRY_NOUNS", "DISTRICTS",
           "STREET_TYPES", "US_STATES", "country_named"]

_COUNTIES = (
    "england scotland wales cymru ireland northern britain avon bedfordshire berkshire buckinghamshire "
    "cambridgeshire cheshire cornwall cumbria derbyshire devon dorset durham essex gloucestershire hampshire "
    "herefordshire hertfordshire kent lancashire leicestershire lincolnshire london merseyside middlesex norfolk "
    "northamptonshire northumberland nottinghamshire oxfordshire rutland shropshire somerset staffordshire suffolk "
    "surrey sussex warwickshire wiltshire worcestershire yorkshire humber tyne wear teesside midlands cumberland "
    "westmorland fife lothian highland highlands grampian tayside strathclyde gwynedd powys dyfed gwent glamorgan "
    "clwyd anglesey antrim armagh down fermanagh londonderry tyrone")
_US_STATES = (
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho "
    "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi "
    "missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia "
    "washington wisconsin wyoming dakota carolina")
#: Council areas of Great Britain named after no town (metropolitan boroughs, unitary and district councils):
#: "Sandwell Women's Aid" / "Women's Aid", "Barnardo's Sandwell Young Carers" / "Barnardo's" name a branch or a
#: service of a borough as "Walsall Women's Aid" does of a town (a trial's two merges), but no address names
#: Sandwell: its towns are Oldbury and West Bromwich. Names that are also common first names or surnames (Arun,
#: Angus, Craven, Copeland, Eden, Lindsey, Waverley) are left out; so are those a town's ending already reads.
_DISTRICTS = (
    "sandwell kirklees calderdale tameside wirral knowsley medway torbay halton thurrock wrekin cotswold cotswolds "
    "mendip sedgemoor breckland broadland babergh ryedale fylde wyre pendle rossendale hyndburn tendring dacorum "
    "hertsmere broxbourne adur rother wealden tandridge elmbridge runnymede spelthorne swale thanet chiltern "
    "chilterns wycombe cherwell rushmoor purbeck wychavon charnwood blaby rushcliffe gedling broxtowe bassetlaw "
    "erewash fenland kesteven waveney allerdale tynedale wansbeck inverclyde moray aberdeenshire renfrewshire "
    "ayrshire lanarkshire dunbartonshire clackmannanshire ceredigion pembrokeshire carmarthenshire monmouthshire "
    "denbighshire flintshire torfaen rhondda argyll")
#: Provinces of China, whose names differ by a letter (Hunan / Henan, Hubei / Hebei, Shanxi / Shaanxi) and
#: name many universities and hospitals ("Henan Normal University", "Hunan Normal University").
_CHINA = ("anhui fujian gansu guangdong guangxi guizhou hainan hebei heilongjiang henan hubei hunan jiangsu "
          "jiangxi jilin liaoning qinghai shaanxi shandong shanxi sichuan yunnan zhejiang xinjiang ningxia")
#: Countries (and territories) of the world by their English short names, and the adjectives naming the
#: commonest of them: "The Open University" / "Open University in the Netherlands", "University of Notre
#: Dame" / "University of Notre Dame Australia", "Natural History Museum" / "Swedish Museum of Natural
#: History" name a national body and another. Only the distinctive words of a many-word name ("zealand", not
#: "new"; neither word of "United States").
_COUNTRIES = (
    "afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain "
    "bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia herzegovina botswana brazil brunei "
    "bulgaria burkina faso burundi cambodia cameroon canada chad chile china colombia comoros congo costa rica "
    "croatia cuba cyprus czechia czech denmark djibouti dominica ecuador egypt salvador eritrea estonia eswatini "
    "ethiopia fiji finland france gabon gambia germany ghana greece grenada guatemala guinea guyana haiti "
    "honduras hungary iceland india indonesia iran iraq israel italy jamaica japan jordan kazakhstan kenya "
    "kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania "
    "luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova "
    "monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands zealand nicaragua "
    "niger nigeria macedonia norway oman pakistan palau palestine panama papua paraguay peru philippines poland "
    "portugal qatar romania russia rwanda samoa marino saudi arabia africa senegal serbia seychelles sierra leone "
    "singapore slovakia slovenia somalia korea spain sri lanka sudan suriname sweden switzerland syria taiwan "
    "tajikistan tanzania thailand timor togo tonga trinidad tobago tunisia turkey turkmenistan tuvalu uganda "
    "ukraine emirates uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe hong kong macau macao "
    "puerto rico greenland usa "
    "afghan albanian algerian american argentine argentinian armenian australian austrian belgian brazilian "
    "british bulgarian canadian chilean chinese colombian croatian cuban czech danish dutch egyptian estonian "
    "ethiopian european finnish french german ghanaian greek hungarian icelandic indian indonesian iranian "
    "iraqi irish israeli italian jamaican japanese kenyan korean latvian lebanese lithuanian malaysian "
    "mexican moroccan nepalese nigerian norwegian pakistani peruvian philippine polish portuguese romanian "
    "russian saudi scottish serbian singaporean slovak slovenian spanish swedish swiss taiwanese thai turkish "
    "ugandan ukrainian vietnamese welsh zambian")
#: Words that qualify a branch or site rather than name a body.
SITE_WORDS = frozenset("north south east west northern southern eastern western central upper lower greater "
                       "mid inner outer northeast northwest southeast southwest northeastern northwestern "
                       "southeastern southwestern".split())
COUNTRIES = frozenset(_COUNTRIES.split())
#: The countries' own names, without the nations' adjectives ``COUNTRIES`` holds too ("french", "british").
COUNTRY_NOUNS = frozenset(_COUNTRIES[:_COUNTRIES.index("afghan albanian")].split())
US_STATES = frozenset(_US_STATES.split())
#: "Sri" is an honorific before a god's or a guru's name as often as Sri Lanka's first word ("Shri Venkateswara
#: (Balaji) Temple", whose "Shri" the names read as "sri", was a branch in Sri Lanka in a faith trial): "Lanka"
#: names the country.
#: The council areas (``_DISTRICTS``): a name may give one where another gives a town of it (``duplicates``).
DISTRICTS = frozenset(_DISTRICTS.split())
BUILTIN_PLACES = (frozenset(_COUNTIES.split()) | DISTRICTS | frozenset(_US_STATES.split())
                  | frozenset(_CHINA.split())
                  | COUNTRIES | SITE_WORDS) - {"sri"}
_ENDINGS = re.compile(r"(?:chester|cester|caster|shire|ford|bury|borough|brough|burgh|ham|ton|wich|wick|mouth|"
                      r"minster|field|stead|worth|pool|dam|hoven|huizen)$")
#: Ordinary words with a place-name ending.
_NOT_PLACES = frozenset(
    "button cotton mutton skeleton singleton carton wanton baton piston bottom custom anthem fathom phantom "
    "wisdom kingdom freedom random seldom program programme cinema system problem graham abraham gotham "
    "network framework homework teamwork artwork ironwork outwork clockwork wordsworth platform uniform "
    "reform perform inform borough".split())
#: Words of an address that are not places: a street's, a building's ("Whitmore Reans Health Centre, Lowe
#: Street", "Shopping Centre": a trial's two records of one practice were "different places: centre vs lower
#: green").
_STREET_WORDS = frozenset(
    "st street rd road ave av avenue blvd boulevard dr drive ln lane ct court pl place pkwy parkway hwy highway "
    "way sq square ter terrace cres crescent close cl gardens gdns grove park row walk suite ste unit floor fl "
    "apt room building bldg house po box the and of n s e w ne nw se sw "
    "centre center hall health medical practice surgery office offices estate shopping precinct".split())
#: Words of a town's many-word name that say what kind of place it is, or join its parts: "Welwyn Garden
#: City", "Newcastle upon Tyne", "Market Drayton", "Heath Town". The town is its other words; these, read
#: as places, made every "City Council" and "Learning City" a branch of a town named City.
_TOWN_NAME_WORDS = frozenset("city town village garden market upon under with regis magna parva".split())


STREET_TYPES = frozenset("st street rd road ave av avenue blvd boulevard dr drive ln lane pkwy parkway hwy "
                          "highway way terrace crescent".split())


#: Countries as an address's last part writes them in more than one word, or in words the list of countries
#: (``COUNTRIES``) does not hold, each with the one name they are compared by. Only a whole last part
#: counts: "New South Wales" is no Wales, "New Mexico" no Mexico, "British Columbia" no Britain.
_COUNTRY_NAMES = {
    **dict.fromkeys(("uk", "u k", "gb", "great britain", "britain", "united kingdom", "england", "scotland", "wales",
                     "cymru", "northern ireland", "uk wales", "uk england", "uk scotland", "uk northern ireland",
                     "england uk", "wales uk", "scotland uk", "northern ireland uk"), "the UK"),
    **dict.fromkeys(("us", "u s", "usa", "u s a", "united states", "united states of america", "america"), "the USA"),
    **dict.fromkeys(("ireland", "republic of ireland", "eire"), "ireland"),
    **dict.fromkeys(("china", "pr china", "p r china", "prc", "people s republic of china",
                     "peoples republic of china"), "china"),
    **dict.fromkeys(("south korea", "republic of korea", "korea"), "korea"),
    **{p: p for p in ("new zealand", "south africa", "hong kong", "sri lanka", "costa rica", "saudi arabia",
                      "sierra leone", "puerto rico", "el salvador", "czech republic", "united arab emirates",
                      "burkina faso", "papua new guinea", "san marino", "trinidad and tobago", "north korea",
                      "bosnia and herzegovina", "the netherlands", "viet nam")},
}
#: Words of the list of countries that alone name no country ("Zealand" is a Danish island; "Georgia" a state
#: as often as a country).
_NOT_A_COUNTRY_ALONE = frozenset("zealand rica lanka arabia leone kong faso salvador marino rico tobago herzegovina "
                                 "emirates georgia".split()) | US_STATES


def country_named(words: str) -> str | None:
    """The country a text names whole, one way for each ("uk wales", "united kingdom", "england" -> "the UK";
    "usa" -> "the USA"; "finland"), or None ("leeds", "new south wales", "british columbia", "georgia"). ``words``:
    lower case words without accents or punctuation, one space apart (as an address's last part is read)."""
    if words in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[words]
    if " " not in words and words in COUNTRY_NOUNS and words not in _NOT_A_COUNTRY_ALONE:
        return "the netherlands" if words == "netherlands" else words
    return None


class PlaceWords:
    """Membership test for place words: built-in vocabulary, place-name endings, and the data's addresses."""

    def __init__(self, addresses=(), towns=()):
        """``addresses``: the records' address fields; ``towns``: place words found elsewhere in the data
        (``names.address_places``: the address a name ends with)."""
        streets: set[str] = set()
        written = set(towns)
        towns = set()
        whole: set[tuple[str, ...]] = set()
        for text in addresses:
            text = without_postcode(text or "").lower()
            town = text.rsplit(",", 1)[-1] if "," in text else ""  # "Dinbren Road, Llangollen": the town
            towns.update(words := re.findall(r"[a-z]+", town) if not re.search(r"\d", town) else [])
            if len(words) > 1 and not _STREET_WORDS.intersection(words):
                whole.add(tuple(words))
            tokens = re.findall(r"[a-z]+", text)
            streets.update(w for w, nxt in zip(tokens, tokens[1:]) if nxt in STREET_TYPES)  # "Arthington St"
            towns.update(_localities_between(text))
        towns = {w for w in towns if len(w) >= 4 and w not in _STREET_WORDS and w not in _TOWN_NAME_WORDS} | written
        #: Towns of two words or more the addresses end with ("Church Stretton", "Market Drayton"), whose words
        #: apart are no place (``KIND_WORDS``, ``_TOWN_NAME_WORDS``), by each of their words: ``only_places``.
        self.whole_towns: dict[str, list[frozenset[str]]] = {}
        for town in whole:
            for w in town:
                self.whole_towns.setdefault(w, []).append(frozenset(town))
        self.from_data = frozenset(towns | {w for w in streets if len(w) >= 4 and w not in _STREET_WORDS})
        #: Words seen only as street names ("High St", "University Road", "Pulaski Rd"): places, but
        #: ordinary words too, so they tell sites apart only when each name has one (``is_town``).
        self.streets = self.from_data - towns
        #: Bodies' own names (``names.NameKey.head``) that the data writes with two or more towns after
        #: them ("University of California, Davis", "University of California, Irvine"): a body with a
        #: site in each, so the town after such a name names the site (``PlaceWords.of``).
        self.sited: frozenset[tuple[str, ...]] = frozenset()
        #: The words of the data's names but their towns, each with the towns written with them ("busy bees" ->
        #: walsall, dudley, wolverhampton): a chain's name, whose town names its branch (``names.before_town``).
        self.chains: dict[tuple[str, ...], frozenset[str]] = {}
        self._seen: dict[str, bool] = {}
        #: (a name's words, the token weights) -> its branch places (``names._branch_places``), worked out once a name
        #: of the run these places are learned for, not once a pair.
        self.branch_memo: dict[tuple, list[str]] = {}

    @classmethod
    def of(cls, records) -> PlaceWords:
        """The place words of ``records`` (``records.EntityRecord``): their addresses, and the addresses
        their names end with."""
        from .names import BODY_WORDS, GENERIC_WORDS, KIND_WORDS, address_places, before_town, name_key, site_town

        records = list(records)
        out = cls((r.address for r in records), {w for r in records for w in address_places(r.name)})
        # a word that names a kind of body says what a body is, not where, even where a town has it for its name
        # ("Church", Lancashire, in an address; "St Matthew's Church, Walsall" names no town Church), and so does a
        # body's or a common word ("University of Warwick, Coventry", "County-wide" in a Coventry hold-out's
        # addresses made "University" and "County" places two names were told apart by)
        kinds = KIND_WORDS | BODY_WORDS | GENERIC_WORDS
        out.from_data, out.streets = out.from_data - kinds, out.streets - kinds
        towns: dict[tuple[str, ...], set[str]] = {}
        chains: dict[tuple[str, ...], set[str]] = {}
        for r in records:
            key = name_key(r.name, person=False)  # as find_duplicates asks: its cached key, not a second one
            if key.head != key.tokens and (town := site_town(key, out)):
                towns.setdefault(key.head, set()).add(town)
            if (stem := before_town(key.head, out)) is not None:
                chains.setdefault(stem[0], set()).add(stem[1])
        out.sited = frozenset(head for head, seen in towns.items() if len(seen) > 1)
        out.chains = {stem: frozenset(seen) for stem, seen in chains.items() if len(seen) > 1}
        return out

    def __contains__(self, word: str) -> bool:
        known = self._seen.get(word)
        if known is None:
            known = self._seen[word] = word in BUILTIN_PLACES or word in self.from_data or (
                len(word) >= 6 and word not in _NOT_PLACES and _ENDINGS.search(word) is not None)
        return known

    def named(self, word: str) -> bool:
        """A town, county or region the built-in list or the data's addresses name, not one guessed from its
        ending ("Whirlpool" ends as Liverpool does) nor a street's word: what a rule that reads a name as a
        place's name alone may rest on."""
        return word in BUILTIN_PLACES or (word in self.from_data and word not in self.streets)

    def only_places(self, words) -> bool:
        """Every word a place's (``named``), or a word of a town of many words the data's addresses end with whose
        words are all here: "church", "stretton" of two names of Church Stretton (a rural hold-out's town council
        and Women's Institute, merged on the hall's phone: "church" is a kind's word, no place alone)."""
        words = set(words)
        return all(self.named(w) or any(town <= words for town in self.whole_towns.get(w, ())) for w in words)

    def is_town(self, word: str) -> bool:
        """A place naming a town, county, region or site: a place, not only a street name in the data."""
        return word in self and (word not in self.streets or word in BUILTIN_PLACES)


def names_a_street(words: list[str]) -> bool:
    """An address part's words name a street: a street's word among them, "St" first being a saint's ("St Mary's
    Church, Bloxwich" names no street; "Rutter St" does)."""
    return any(w in STREET_TYPES and not (w == "st" and i == 0) for i, w in enumerate(words))


def _localities_between(text: str) -> list[str]:
    """The one-word parts of an address between its street and its town: a district or a village ("Norton Road,
    Pelsall, Walsall" -> pelsall). An early years trial's "Little Acorns Pre-School (Pelsall)" merged with the
    pre-school of Tipton, Pelsall read as no place since it is never an address's last part. Parts before the
    street are a building's ("Pelsall Methodist Church Hall, ..."), and a name of two words or more is not learned
    ("Winson Green": its words are ordinary words elsewhere)."""
    parts = text.split(",")[:-1]
    out, street = [], False
    for part in parts:  # (a street's word, not a number: "Flat 1, Gateway, Walsall" names a building, Gateway)
        words = re.findall(r"[a-z]+", part)
        if names_a_street(words):
            street = True
        elif street and len(words) == 1:
            out.append(words[0])
    return out


_UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})$")
#: A UK postcode written at the end of an address ("Townend House, Walsall WS1 1NS"), as a list without a
#: postcode column writes it.
_TRAILING_POSTCODE = re.compile(r"[\s,]*\b([A-Z]{1,2}[0-9][0-9A-Z]?\s*[0-9][A-Z]{2})\s*$")


def postcode_in(address) -> str | None:
    """The UK postcode an address ends with, or None: a postcode written there is the record's postcode, and the
    town before it the address's town (``without_postcode``)."""
    m = _TRAILING_POSTCODE.search(address or "")
    return m.group(1) if m else None


def without_postcode(address: str) -> str:
    """The address without the UK postcode it ends with ("Townend House, Walsall")."""
    return _TRAILING_POSTCODE.sub("", address)


_ZIP = re.compile(r"^([0-9]{5})(?:-?[0-9]{4})?$")

#: The UK postcode areas named after a town or city of one word (Royal Mail's area names), by their letters: "WV"
#: Wolverhampton. A record at a full postcode of the area is in the area of that town (``area_town``).
POSTCODE_AREA_TOWNS = dict(x.split(":") for x in (
    "AB:aberdeen B:birmingham BA:bath BB:blackburn BD:bradford BH:bournemouth BL:bolton BN:brighton BR:bromley "
    "BS:bristol BT:belfast CA:carlisle CB:cambridge CF:cardiff CH:chester CM:chelmsford CO:colchester CR:croydon "
    "CT:canterbury CV:coventry CW:crewe DA:dartford DD:dundee DE:derby DG:dumfries DH:durham DL:darlington "
    "DN:doncaster DT:dorchester DY:dudley EH:edinburgh EN:enfield EX:exeter FK:falkirk FY:blackpool G:glasgow "
    "GL:gloucester GU:guildford HA:harrow HD:huddersfield HG:harrogate HR:hereford HU:hull HX:halifax IG:ilford "
    "IP:ipswich IV:inverness KA:kilmarnock KY:kirkcaldy L:liverpool LA:lancaster LE:leicester LL:llandudno "
    "LN:lincoln LS:leeds LU:luton M:manchester ME:rochester ML:motherwell NG:nottingham NN:northampton NP:newport "
    "NR:norwich OL:oldham OX:oxford PA:paisley PE:peterborough PH:perth PL:plymouth PO:portsmouth PR:preston "
    "RG:reading RH:redhill RM:romford S:sheffield SA:swansea SG:stevenage SK:stockport SL:slough SM:sutton "
    "SN:swindon SO:southampton SP:salisbury SR:sunderland SY:shrewsbury TA:taunton TF:telford TN:tonbridge "
    "TQ:torquay TR:truro TW:twickenham WA:warrington WD:watford WF:wakefield WN:wigan WR:worcester WS:walsall "
    "WV:wolverhampton YO:york").split())


#: The towns themselves: places a word may be read as without the data's addresses (``names.two_parts``).
AREA_TOWNS = frozenset(POSTCODE_AREA_TOWNS.values())


def area_town(postcode) -> str | None:
    """The town a UK postcode's area is named after (``POSTCODE_AREA_TOWNS``): "wolverhampton" of "WV1 4PH"."""
    parts = postcode_parts(postcode)
    if not parts or not parts[0][:1].isalpha():  # (a ZIP: no area)
        return None
    return POSTCODE_AREA_TOWNS.get(parts[0][:2] if parts[0][1:2].isalpha() else parts[0][:1])


#: A UK postcode cut short to its district or its sector ("DY8", "DY8 2"), as grants lists publish recipients' to
#: keep their addresses private.
_UK_DISTRICT = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)(?: [0-9])?$")


def postcode_district(text) -> str | None:
    """The district (outward code) of a UK postcode, written in full or cut short to its district or sector: "DY8" of
    "DY8 2". Two districts are kilometres apart, however much of the postcodes is written ("Friends of Mary Stevens
    Park" in DY8 / "Friends of Stevens Park" in DY5, two parks merged on their names in a community trial); a sector
    is thousands of addresses, so a shared one says nothing."""
    if (parts := postcode_parts(text)):
        return parts[0] if parts[0][:1].isalpha() else None
    m = _UK_DISTRICT.match(re.sub(r"\s+", " ", str(text or "").strip().upper()))
    return m.group(1) if m else None


@lru_cache(maxsize=1 << 17)  # asked once per candidate pair in duplicate scoring
def postcode_parts(text) -> tuple[str, str] | None:
    """(area, full) of a UK postcode or US ZIP: ("WV1", "WV1 1LY"), ("60624", "60624"); None if neither.

    A UK postcode's outward code (district) is a town or part of one; two different
    districts are kilometres apart. A US ZIP is itself an area of a few km.
    """
    t = re.sub(r"\s+", " ", str(text or "").strip().upper())
    if (m := _UK_POSTCODE.match(t)):
        return m.group(1), f"{m.group(1)} {m.group(2)}"
    if (m := _ZIP.match(t)):
        return m.group(1), m.group(1)
    return None
