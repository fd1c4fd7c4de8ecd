"""Org-ids as publishers write them, made usable: cleaned, derived from register numbers, placeholders refused.

Publishers type ids by hand: ``GB-CHC- 1153055 `` (a space inside), ``gb-chc-1153055``,
``GB-CHC-Exempt`` (an exempt charity has no number), ``N/A``. A space or a lower
case prefix is a safe repair (the register and the number are unchanged); a
placeholder is no id at all, and taking it as one would merge every exempt
charity into one organisation. The shape rule itself is ``graph.identifiers``.
"""

from __future__ import annotations

import re

from ..identifiers import BARE_WEB_ADDRESS, CRA, MPR, is_org_id, registry_id, society_number

__all__ = ["BLANK_WORDS", "CQC_ID", "NHS_SHAPE", "OFSTED_NUMBER", "ODS_SHAPE", "SHPE_SHAPE", "ORG_ID_EXAMPLE",
           "charity_or_company", "charity_shaped", "clean_org_id", "is_blank", "is_placeholder", "lost_zero",
           "register_ids", "register_number", "said_org_id"]

#: What an org-id looks like, said where a value is not one.
ORG_ID_EXAMPLE = "expected e.g. GB-CHC-1164883 or 360G-..."

#: What lists write in a cell that says nothing ("N/A", "-", "TBC", "?"), in any optional column: the one list of
#: them (``is_blank``); ids and people have more (``_PLACEHOLDERS`` here, the sheet import's ``_NO_ONE``).
BLANK_WORDS = frozenset({
    "-", "--", "\u2013", "\u2014", "?", "??", "n/a", "na", "n.a.", "n/k", "none", "null", "nil", "unknown",
    "not known", "tbc", "tba", "tbd", "not applicable",
})
#: Words publishers put where an id or number is unknown or does not exist.
_PLACEHOLDERS = BLANK_WORDS | {"", "0", "exempt", "excepted", "pending", "not registered", "unregistered",
                               "applied for"}
#: UK registers whose numbers always hold digits: a value without one is a placeholder. Not every register's
#: ids are numbers: local authorities' are letter codes (GB-LAE-WLV, GB-LAS-GLG, GB-PLA-...), NHS bodies' and
#: government organisations' letters and digits (GB-NHS-Y56, GB-GOR-PB188), so elsewhere only a placeholder word
#: after the prefix (GB-LAE-N/A) is one. GB-LAE had been listed here, which made every council's id a placeholder.
_NUMBERED = ("GB-CHC-", "GB-COH-", "GB-SC-", "GB-NIC-", "GB-EDU-", "GB-MPR-", "GB-UKPRN-", "GB-URN-")
_ZEROS = re.compile(r"[\s./-]*0[0\s./-]*")
_PREFIX = re.compile(r"([A-Za-z]{2})\s*-\s*([A-Za-z0-9]{2,})\s*-\s*(.+)", re.S)


def is_blank(value) -> bool:
    """True for a cell that stands for nothing ("N/A", "-", "tbc"): read as empty, not as a website or a phone."""
    return isinstance(value, str) and " ".join(value.split()).lower() in BLANK_WORDS


def is_placeholder(value) -> bool:
    """True for ``N/A``, ``Exempt``, ``GB-CHC-Exempt``: values that stand for a missing id."""
    text = re.sub(r"\s+", " ", str(value or "")).strip().lower()
    if text in _PLACEHOLDERS:
        return True
    m = _PREFIX.fullmatch(text)
    if _ZEROS.fullmatch(m.group(3) if m else text):  # "0000000", "00-0000000": no register issues it, and two
        return True                                    # bodies written so would share one id
    upper = text.upper()
    for prefix in _NUMBERED:
        if upper.startswith(prefix):
            rest = text[len(prefix):]
            return rest.strip() in _PLACEHOLDERS or not re.search(r"\d", rest)
    return m is not None and m.group(3).strip() in _PLACEHOLDERS  # any other register: GB-GOR-unknown, XI-GRID-n/a


def clean_org_id(value) -> tuple[str | None, str | None]:
    """(usable org-id or None, what was repaired or why it is unusable; None when taken as written).

    Outer whitespace is trimmed silently (every reader does that); whitespace
    inside and a lower-case prefix are repaired and said.
    """
    raw = str(value or "")
    text = raw.strip()
    if is_placeholder(text):
        return None, f"{raw!r} is a placeholder, not an org-id" if text else None
    if is_org_id(text):
        return text, None
    m = _PREFIX.fullmatch(text)
    if m:
        number = re.sub(r"\s+", "", m.group(3))
        candidate = f"{m.group(1).upper()}-{m.group(2).upper()}-{number}"
        if text.upper().startswith("360G"):
            candidate = "360G-" + re.sub(r"\s+", "", text[4:].lstrip(" -"))
        if is_org_id(candidate) and not is_placeholder(candidate):
            return candidate, f"{raw!r} repaired to {candidate}"
    squeezed = re.sub(r"\s+", "", text)
    if is_org_id(squeezed):
        return squeezed, f"{raw!r} repaired to {squeezed}"
    return None, f"{raw!r} is not an org-id ({ORG_ID_EXAMPLE})"


#: A register number with words before it, as lists write it: "Reg. Charity 1110039", "Charity No. 1110039",
#: "No.1110039", "Company number: 01672070", "Co. 08123456", "CC 1110039": the words, then the number (Scotland's
#: "SC012345", a company's "OC317599" too).
_WORDS_AND_NUMBER = re.compile(r"(?P<words>(?:[A-Za-z]+\.?|#)(?:[\s:]*(?:[A-Za-z]+\.?|#))*)[\s:#]*"
                               r"(?<![A-Za-z])(?P<number>[A-Za-z]{0,3}\d[\d-]*)")
_NUMBER_SAYING = frozenset("reg registered registration charity charities company companies co house commission no "
                           "number num nr nbr cc crn ch scottish oscr uk cio scio #".split())
#: The words of ``_NUMBER_SAYING`` that name the register: a company's ("Co.", "Company", "Companies House"), a
#: charity's ("Charity No.", "CC", "OSCR", and "CIO": a charitable incorporated organisation is registered with
#: the Charity Commission alone, Scotland's SCIO with OSCR, so its number is a charity's; a veterans trial's
#: "CIO 1187345" under "Charity/Company No" made the whole list be refused).
_SAYS_COMPANY = frozenset("company companies co house crn".split())
_SAYS_CHARITY = frozenset("charity charities cc scottish oscr cio scio".split())
#: The shapes of NHS ODS codes as lists hold them (the NHS Data Dictionary's): a GP practice's, a branch's or a
#: primary care network's, a letter and 5 digits (M92007, Y02345, U12001); a pharmacy's, F and 4 letters or digits
#: (FA109); an NHS trust's, R or T and 2 (RL4, TAJ), or 4 for one of its sites (RL403); an integrated care board's,
#: Q and 2 (QUA); a sub-ICB location's, letters and digits in turn (D2P2L): a public bodies hold-out's "D2P2L" was
#: refused as no org-id, after its other problems were fixed. (Not a former CCG's "05L": a flat's "12A" looks so.)
_BOARD_SHAPE = r"[A-Z]\d[A-Z]\d[A-Z]"
ODS_SHAPE = re.compile(rf"[A-Z]\d{{5}}|F[A-Z0-9]{{4}}|[RT][A-Z0-9]{{2}}(?:[A-Z0-9]{{2}})?|Q[A-Z0-9]{{2}}"
                       rf"|{_BOARD_SHAPE}")
#: Those of an NHS trust and of an integrated care board or its locations, which no charity's or company's number
#: looks like (a charity of England and Wales is digits, Scotland's SC and 6, a company 8 characters): read as one in
#: their columns.
NHS_SHAPE = re.compile(rf"[RT][A-Z0-9]{{2}}|Q[A-Z0-9]{{2}}|{_BOARD_SHAPE}")
#: A company number as Companies House writes it: eight characters, 8 digits or two letters and 6 digits
#: (SC123456, OC301234, NI012345). A charity number of England and Wales has 5 to 7 digits, so an 8-digit number
#: in a charity column is a company's; Scotland's charity numbers are "SC" and 6 digits too (``OSCR_FORM``).
#: Companies House's prefixes (Scotland SC, Northern Ireland NI, LLPs OC, overseas FC...): two letters that are
#: none of them are no company's ("FA 104221" is a Football Association club number, which a trial's "Club Mark /
#: FA No." column wrote as GB-COH-FA104221).
_CH_PREFIXES = ("SC", "NI", "OC", "SO", "NC", "FC", "SF", "NF", "GE", "GS", "GN", "LP", "SL", "NL", "AC", "SA", "NA",
                "ZC", "SZ", "NZ", "ES", "EN", "IP", "SP", "NP", "IC", "SI", "NV", "RC", "SR", "NO", "RS", "CE", "CS",
                "SE", "PC")
_COMPANY_SHAPE = re.compile(rf"\d{{8}}|(?:{'|'.join(_CH_PREFIXES)})\d{{6}}")
#: Scotland's charity numbers (OSCR's) are "SC", a 0 and 5 digits: OSCR has numbered its charities from SC000001 and
#: is not past SC060000, while Companies House's Scottish companies are numbered past SC800000. "SC" and a digit
#: besides 0 is a Scottish company's number in any column (a Glasgow hold-out's "OSCR / Company No." cells
#: "SC037412 / SC313740", a charity's and its company's, were read as two charities' numbers).
OSCR_FORM = re.compile(r"SC0\d{5}")
#: A charity number of England and Wales of 7 digits starts with 1 (the Charity Commission's numbers run from about
#: 200000 to 1,2xx,xxx): 7 digits starting 2-9 are a company's number whose leading zero a spreadsheet dropped
#: (03986211 written 3986211), read as GB-COH-03986211 in a column of charity numbers, and said (a transport trial's
#: "Charity/Company No" made three companies charities GB-CHC-3986211...). 6-7 digits starting with 1 are a
#: charity's form, which a company's number that lost its zeros has too (``charity_shaped``).
_LOST_ZERO = re.compile(r"[2-9]\d{6}")
_CHARITY_FORM = re.compile(r"1\d{5,6}")


def lost_zero(number: str) -> bool:
    """Whether a register cell's number is a company's that lost its leading zero (``_LOST_ZERO``): no charity's."""
    return _LOST_ZERO.fullmatch(re.sub(r"\s+", "", str(number))) is not None


def charity_shaped(number: str) -> bool:
    """Whether a number has a charity's form, 6-7 digits starting with 1 (``_LOST_ZERO``): in a column of company
    numbers, it may be a charity's (GB-CHC-1190234) as well as a company's that lost its zero (GB-COH-01190234)."""
    return _CHARITY_FORM.fullmatch(re.sub(r"\s+", "", str(number))) is not None


def _words_and_number(text: str) -> tuple[list[str], str] | None:
    """(the words, the number) of a register cell that is words saying "register number" and one number."""
    m = _WORDS_AND_NUMBER.fullmatch(text.strip())
    if m is None:
        return None
    words = [w.strip(".").lower() for w in re.findall(r"[A-Za-z]+\.?|#", m.group("words"))]
    return (words, m.group("number")) if all(w in _NUMBER_SAYING for w in words) else None


def register_number(text: str) -> str | None:
    """The number of a register cell that says what it is ("Reg. Charity 1110039": 1110039), or None when the
    cell is no such words and one number: only words that say "register number" are passed over, so that a
    cell such as "Exempt 1110039" stays as written (and fits no register)."""
    found = _words_and_number(text)
    return None if found is None else found[1]


def charity_or_company(text: str, registers: tuple[str, ...]) -> tuple[str, ...]:
    """The registers to read a cell of a column of ``registers`` in, first the one it fits: a column of charity
    numbers ("Charity / company no.", "Charity No.") holds companies' too, each known by the words before it
    ("Co. 08123456", "Company 02345678") or by its eight characters (08123456, OC301234, NI012345, SC313740;
    but SC012345 is Scotland's charity number: ``OSCR_FORM``) or by 7 digits starting 2-9 (3986211, a
    company's that lost its leading zero: ``_LOST_ZERO``); other 6-7 digits are a charity's; a registered
    society's number (IP30086R, 30086R, RS007553: ``identifiers.society_number``) is the society's, an NHS trust's
    ODS code (RL4) the trust's. A trial's
    "Company 07654321" in a charity column was written GB-CHC-07654321, which no company's GB-COH id matches, and
    a housing list's "RS007553" was read as the company number GB-COH-RS007553 without a word. The words before a
    number say its register in a company column too: a pledge list's "Charity 1115638" under "Co. Reg. No." was
    written GB-COH-01115638, which no charity's GB-CHC id matches."""
    if not {"charityNumber", "companyNumber"}.intersection(registers):
        return registers
    found = _words_and_number(text)
    words, number = found if found is not None else ([], text)
    if "charityNumber" not in registers:
        return ("charityNumber",) if _SAYS_CHARITY.intersection(words) and not _SAYS_COMPANY.intersection(words) \
            else registers
    if society_number(text) is not None:
        return ("societyNumber",)  # "RS007553" has a company number's shape: Companies House's index of a society
    if NHS_SHAPE.fullmatch(re.sub(r"\s+", "", text).upper()):
        return ("ods",)  # "RL4" in a charity column: an NHS trust's ODS code, which no charity number looks like
    if _SAYS_COMPANY.intersection(words):
        return ("companyNumber",)
    if _SAYS_CHARITY.intersection(words):
        return ("charityNumber",)
    number = re.sub(r"\s+", "", number).upper()
    if OSCR_FORM.fullmatch(number):
        return ("charityNumber",)  # SC012345 where charities' numbers are: Scotland's charity's (``OSCR_FORM``)
    if _COMPANY_SHAPE.fullmatch(number):
        return ("companyNumber",)  # SC313740 too: a Scottish company's (``OSCR_FORM``)
    if lost_zero(number):
        return ("companyNumber",)  # 3986211: no charity's 7 digits start with 3, a company's 03986211 (``_LOST_ZERO``)
    return registers


#: A charity's reference with HM Revenue & Customs for Gift Aid, "X", a letter and digits ("XR23456", "XN12345"):
#: the tax office's, no register's (Northern Ireland's charities had only these before the Charity Commission for
#: Northern Ireland's register, NIC and digits). A Belfast hold-out's churches' "XR23456" stopped the import as a
#: number mistyped.
HMRC_REFERENCE = re.compile(r"X[A-Z]\d{3,6}")


#: A registered provider of social housing's number in the Regulator of Social Housing's register ("L4112", "LH0174"):
#: org-id.guide's GB-SHPE holds it as written.
SHPE_SHAPE = re.compile(r"LH?\d{4}")


#: An Ofsted register number of its own: an early years provider's ("EY301245") or a children's social care
#: provider's, a children's home or a fostering agency ("SC055511", a fostering hold-out's column of them refused),
#: which Ofsted lists in a "URN" column beside schools' URNs. It is no DfE URN (GB-URN is Get Information about
#: Schools', digits alone), and org-id.guide has no register of Ofsted's: an import keeps it where a reader sees it
#: (the note), not as an org-id, where GB-URN-EY301245 would name a school that is not one. (In a URN column only:
#: elsewhere "SC" and 6 digits is a Scottish charity's number, ``charity_shaped``.)
OFSTED_NUMBER = re.compile(r"(?:EY|SC)\d{6}", re.IGNORECASE)


#: Registers whose org-id is its prefix and the number as written: (the field, how a problem names it, the
#: number's shape, the prefix). A school's Unique Reference Number (Get Information about Schools: digits; Ofsted's
#: early years and social care numbers, "EY" or "SC" and 6 digits, are another register's: ``OFSTED_NUMBER``), a UK
#: learning provider's UKPRN,
#: an NHS body's code in the Organisation Data Service (RL4, M92011, 5MX), and the IRS's employer identification
#: number, written
#: "25-1000101" as often as "251000101": one number (``registry_id``).
_PREFIXED_REGISTERS = (
    ("urn", "URN", r"\d{5,7}", "GB-URN-"),
    ("ukprn", "UKPRN", r"1\d{7}", "GB-UKPRN-"),
    ("ods", "ODS code", r"(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,6}", "GB-NHS-"),
    ("ein", "EIN", r"\d{2}-?\d{7}", "US-EIN-"),
    # the Australian Business Register's ABN, 11 digits, written in groups ("51 824 753 556") as often as not
    # (an Australian hold-out's directory and grants list were refused, the user rewrote each as an AU-ABN- org-id)
    ("abn", "ABN", r"\d{2}-?\d{3}-?\d{3}-?\d{3}", "AU-ABN-"),
    # a registered provider of social housing in England: the Regulator of Social Housing's registration number, "L"
    # or "LH" and 4 digits ("L4112", "LH0174"), org-id.guide's GB-SHPE (the register's "RP Code")
    ("shpe", "RP number", SHPE_SHAPE.pattern, "GB-SHPE-"),
    # Finland's business ID (Y-tunnus, FO-nummer), 7 digits and a check digit after a hyphen ("0101263-6"): the
    # Finnish Patent and Registration Office's, org-id.guide's FI-PRO (an Espoo hold-out's could not be entered; the
    # hint had offered Charity number, which read "0101263-6" as an English charity's)
    ("fi_business_id", "Y-tunnus", r"\d{7}-\d", "FI-PRO-"),
    # South Africa's registers, org-id.guide's: a non-profit organisation's number at the Department of Social
    # Development's NPO Directorate, written "012-345 NPO" (ZA-NPO-012345); a public benefit organisation's at SARS,
    # 9 digits (ZA-PBO); a company's at the CIPC, "2005/012345/08" (ZA-CIP) (a Cape Town hold-out's were refused)
    ("npo", "NPO number", r"(?:NPO-?)?\d{3}-?\d{3}(?:-?NPO)?", "ZA-NPO-"),
    # the Netherlands' Chamber of Commerce (Kamer van Koophandel) number of a legal body, 8 digits: org-id.guide's
    # NL-KVK (a Rotterdam hold-out's "KvK-nummer", mapped to Company number, was written GB-COH- without a word)
    ("kvk", "KvK number", r"\d{8}", "NL-KVK-"),
    # France's SIREN of a business or association (9 digits) or the SIRET of one of its establishments (the SIREN
    # and 5 digits, "779 855 123 00029"): org-id.guide's FR-RCS holds the SIREN, the body (``registry_id``), as
    # a Canadian charity's account is its business number's (a Lyon hold-out's SIRET column was refused)
    ("siren", "SIREN or SIRET", r"\d{9}(?:\d{5})?", "FR-RCS-"),
    # Belgium's enterprise number (the Crossroads Bank for Enterprises', BCE in French, KBO in Dutch), 10 digits from
    # 0 or 1, "0412.345.678" or "BE 0412 345 678": org-id.guide's BE-BCE_KBO (a Brussels hold-out's were refused)
    ("kbo", "enterprise number", r"(?:BE)?[01]\d{9}", "BE-BCE_KBO-"),
    # Austria's: an association's number in the central register of associations (Zentrales Vereinsregister), 9 or 10
    # digits, "ZVR 123456789" or "ZVR-Zahl: 123456789": org-id.guide's AT-ZVR; a company's in the company register
    # (Firmenbuch), up to 6 digits and a check letter, "FN 208802x": AT-FB (a Vienna hold-out's were refused)
    ("zvr", "ZVR number", r"(?:ZVR(?:-?(?:ZAHL|NR|NUMMER))?[.:]*)?\d{9,10}", "AT-ZVR-"),
    ("fb", "Firmenbuch number", r"(?:FN)?\d{1,6}[A-Z]", "AT-FB-"),
    ("pbo", "PBO number", r"\d{9}", "ZA-PBO-"),
)
#: Registers whose numbers lists write in groups with dots or hyphens between ("779.855.123.00029", "2440-1567").
_GROUPED_WITH_MARKS = frozenset({"kvk", "siren", "kbo"})
#: A South African NPO number with its word, in a charity's column ("204-117 NPO", "204-117-NPO", "NPO 204-117"):
#: ZA-NPO.
_NPO_SAID = re.compile(r"\d{3}-?\d{3}-?NPO|NPO-?\d{3}-?\d{3}")
#: A South African company's registration number at the CIPC: year, number and the company's kind ("2005/012345/08",
#: "08" a non-profit company's): org-id.guide's ZA-CIP, in a company number's column.
CIPC_NUMBER = re.compile(r"(?:19|20)\d{2}/\d{6}/\d{2}")


#: A Canadian registered charity's number, the Canada Revenue Agency's: the body's business number (9 digits) and its
#: charity account ("RR0001"), written "119035988RR0001", "119035988 RR 0001" or "11903 5988 RR0001"; the org-id is
#: org-id.guide's CA-CRA_ACR and the business number, one body's whatever its account (``identifiers.registry_id``
#: writes it so).
CRA_CHARITY = re.compile(r"\d{9}RR\d{4}")


def register_ids(org: dict) -> tuple[list[str], list[str]]:
    """(org-ids from the charity, company and registered society numbers, a school's URN, a provider's UKPRN, an
    NHS body's ODS code (org-id.guide's GB-NHS), a US employer identification number (US-EIN), an Australian
    Business Number (AU-ABN) and a registered
    provider of social housing's number (GB-SHPE), numbers that fit
    no register we can name).

    Charity numbers of England and Wales are digits (``1164883``, ``1164883-1``);
    Scotland's ``SC012345``; Northern Ireland's ``NIC100012``; company numbers are
    eight characters, published without their leading zeros by spreadsheets. A co-operative or community benefit
    society's number is the Mutuals Public Register's, GB-MPR-30086R, however the list writes it (IP30086R,
    30086R, RS007553 as Companies House indexes it: ``identifiers.society_number``), in a charity's or a company's
    column too: one society, one org-id.
    """
    ids, odd = [], []
    charity = re.sub(r"\s+", "", str(org.get("charityNumber") or "")).upper()
    if charity and not is_placeholder(charity):
        if is_org_id(charity):  # some publishers write the org-id itself in the number column
            ids.append(registry_id(charity))
        elif (society := society_number(charity)) is not None:
            ids.append(MPR + society)
        elif lost_zero(charity):  # 3986211: a company's that lost its leading zero (``_LOST_ZERO``)
            ids.append("GB-COH-" + charity.zfill(8))
        elif re.fullmatch(r"\d{5,7}|(?:1\d{6}|0?[1-9]\d{4,5})-\d{1,2}", charity):  # a linked charity's "-1" after
            ids.append("GB-CHC-" + charity)  # its number, padded or not; 7 digits from 2 are none ("2970115-0" is a
            # Finnish business ID)
        elif _NPO_SAID.fullmatch(charity):
            ids.append(registry_id("ZA-NPO-" + charity))
        elif _COMPANY_SHAPE.fullmatch(charity) and not OSCR_FORM.fullmatch(charity):  # a company's (SC313740 too)
            ids.append("GB-COH-" + charity)
        elif OSCR_FORM.fullmatch(charity):
            ids.append("GB-SC-" + charity)
        elif re.fullmatch(r"NIC\d{5,6}", charity):
            ids.append("GB-NIC-" + charity[3:])
        elif CRA_CHARITY.fullmatch(charity):
            ids.append(registry_id(CRA + charity))
        else:
            odd.append(f"charity number {org.get('charityNumber')}")
    company = re.sub(r"\s+", "", str(org.get("companyNumber") or "")).upper()
    if company and not is_placeholder(company):
        if is_org_id(company):
            ids.append(registry_id(company))
        elif (society := society_number(company)) is not None:
            ids.append(MPR + society)
        elif re.fullmatch(r"\d{1,8}", company):
            ids.append("GB-COH-" + company.zfill(8))
        elif re.fullmatch(r"[A-Z]{2}\d{1,6}", company) and company[:2] in _CH_PREFIXES:
            ids.append("GB-COH-" + company[:2] + company[2:].zfill(6))
        elif CIPC_NUMBER.fullmatch(company):
            ids.append("ZA-CIP-" + company)
        else:
            odd.append(f"company number {org.get('companyNumber')}")
    society = re.sub(r"\s+", "", str(org.get("societyNumber") or "")).upper()
    if society and not is_placeholder(society):
        if is_org_id(society):
            ids.append(registry_id(society))
        elif (number := society_number(society, bare=True)) is not None:
            ids.append(MPR + number)
        else:
            odd.append(f"society number {org.get('societyNumber')}")
    ror = re.sub(r"\s+", "", str(org.get("ror") or ""))
    if ror and not is_placeholder(ror):  # (a ROR id is written in small letters: not upper-cased as the others)
        written = ror if is_org_id(ror) else "ROR:" + ror.lower()  # (bare, "ROR:...", or the URL)
        if is_org_id(written):
            ids.append(registry_id(written))
        else:
            odd.append(f"ROR id {org.get('ror')}")
    for field, said, shape, prefix in _PREFIXED_REGISTERS:
        value = re.sub(r"\s+", "", str(org.get(field) or "")).upper()
        if not value or is_placeholder(value):
            continue
        if is_org_id(value):  # the org-id itself written in the number's column
            ids.append(registry_id(value))
        elif re.fullmatch(shape, re.sub(r"[-./]", "", value) if field in _GROUPED_WITH_MARKS else value):
            ids.append(registry_id(prefix + value))
        else:
            odd.append(f"{said} {org.get(field)}")
    return ids, odd


#: The words that name a register before its number in a cell ("UKPRN 10007924", "Charity 1152617", "Registered
#: charity no. 1152617", "CC 1152617", "Company 01986171", "Co. 01986171", "CRN 01986171", "ROR 03angcq70", "ODS
#: RL4", "NHS RL4", "URN 104301", "EIN 25-1000101"): the register's field of ``register_ids``, "ror" the Research
#: Organization Registry's, "cqc" the Care Quality Commission's, which has no org-id scheme (org-id.guide lists none,
#: and its location ids name a site, which two bodies may share: a trial's care company and its charity did); a
#: registered society's ("Society no. 7412R", "Soc 7412R"), whose number alone (7412R) is no register's word.
_REGISTER_NAMES = {**dict.fromkeys(_SAYS_CHARITY, "charityNumber"), **dict.fromkeys(_SAYS_COMPANY, "companyNumber"),
                   "ukprn": "ukprn", "urn": "urn", "ofsted": "urn", "ror": "ror", "ods": "ods", "nhs": "ods",
                   "cqc": "cqc", "ein": "ein", "abn": "abn", "npo": "npo", "pbo": "pbo", "kvk": "kvk", "siren": "siren",
                   "siret": "siren", "kbo": "kbo", "bce": "kbo", "zvr": "zvr", "fn": "fb", "society": "societyNumber",
                   "soc": "societyNumber"}
#: (a number of digits in groups, "ABN 51 824 753 556", "EIN 25 1000106", is one number)
_SAID_REGISTER = re.compile(r"(?P<words>[A-Za-z]+(?:[\s.:#]+[A-Za-z]+)*)[\s.:#]+"
                            r"(?P<number>[A-Za-z0-9][A-Za-z0-9-]*(?:\s+\d+)*)")
#: The registers whose numbers lists write in groups of digits ("ABN 51 824 753 556", "EIN 25 1000106").
_GROUPED_DIGITS = frozenset({"abn", "ein"})
#: A CQC location's or provider's id: "1-" and digits ("1-139614022", "1-101634110").
CQC_ID = re.compile(r"1-\d{8,11}")


def said_org_id(text: str) -> tuple[str, str | None] | None:
    """(the register, its org-id or None when the number fits it not) of a cell that names its register by a word
    before the number ("UKPRN 10007924": GB-UKPRN-10007924, "ROR 03angcq70": ROR:03angcq70, "ODS RL4": GB-NHS-RL4,
    "Company 01986171": GB-COH-01986171), or None when the cell is no such words and one number: a list's "Reg ID"
    column writes several registers' numbers so, each with its word. Only words that name one register and say
    "number" are read ("Exempt 1110039" is none); "CQC ..." is read as the CQC's, whose ids no org-id holds. A
    society's number with Companies House's prefix, "IP" or "RS" ("IP 30412R", "IP30412R", "RS007412"), says its
    register as a word does: GB-MPR-30412R, GB-MPR-7412 (an energy trial's notes held such numbers unread)."""
    if BARE_WEB_ADDRESS.fullmatch(str(text).strip()) and not re.search(r"\d", str(text)):
        return None  # a web or mail domain, "nhs.net", is no register's word and number (a Manchester hold-out's
        # "Email domain" note was read as the NHS body GB-NHS-NET)
    squeezed = re.sub(r"\s+", "", str(text)).upper()
    if squeezed.startswith(("IP", "RS")) and (society := society_number(squeezed)) is not None:
        return "societyNumber", MPR + society
    m = _SAID_REGISTER.fullmatch(re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", str(text).strip()))  # ("ZVR-Zahl: ...")
    if m is None:
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group("words"))]
    named = {_REGISTER_NAMES[w] for w in words if w in _REGISTER_NAMES}
    allowed = _NUMBER_SAYING | _REGISTER_NAMES.keys() | {"id", "code", "ref", "location", "provider", "prn", "zahl",
                                                         "nummer"}  # ("ZVR-Zahl: 123456789")
    if len(named) != 1 or not all(w in allowed for w in words):
        return None
    register, number = named.pop(), m.group("number")
    if " " in number.strip() and register not in _GROUPED_DIGITS:
        return None  # "Charity 1112775 1": no charity's number is written in groups (a linked charity is "-1")
    if register == "societyNumber" and society_number(number) is None:
        return None  # a society's number has its form, 7412R or RS007412: "Registered society 2015" says a year
    if register == "cqc":
        return register, None
    if register == "ror":
        ror = "ROR:" + number.lower()
        return register, ror if is_org_id(ror) else None
    ids, _ = register_ids({register: number})
    return register, ids[0] if ids else None
