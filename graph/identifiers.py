"""The value rules for identifiers and currencies, written once for the validator and the importers.

An org-id (org-id.guide) is ``<country>-<register>-<id>`` (``GB-CHC-1164883``), or a
360Giving publisher's own ``360G-...`` id. Registry ids are written the same way:
charity ``GB-CHC-``, company ``GB-COH-``, UK provider ``GB-UKPRN-10007166``, school
``GB-URN-123456`` (Edubase URN); a Research Organization Registry id as
``ROR:03yrm5c26`` (its URL ``https://ror.org/03yrm5c26`` is accepted as well; ``registry_id``
gives the one written form, so two spellings of one id compare equal).
"""

from __future__ import annotations

import re

__all__ = ["ORG_ID", "BARE_WEB_ADDRESS", "MAIL_DOMAINS", "CURRENCY_SIGNS", "is_org_id", "is_currency", "registry_id",
           "amount_value", "currency_sign", "society_number", "MPR", "CRA"]

_ROR = r"0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}"
#: An org-id: a country's two letters, its register's list code (two letters or digits or more, a bilingual code's parts
#: joined by "_": Canada's CA-CRA_ACR, Belgium's BE-BCE_KBO; a Hamilton hold-out's CA-CRA_ACR-119035988RR0001 was
#: refused) and the number; 360Giving's own; a ROR id.
ORG_ID = re.compile(rf"(?:[A-Z]{{2}}-[A-Z0-9]{{2,}}(?:_[A-Z0-9]{{2,}})*-\S+|360G-\S+|ROR:{_ROR}|"
                    rf"https?://ror\.org/{_ROR})")
_ROR_URL = re.compile(rf"https?://ror\.org/({_ROR})")
_CURRENCY = re.compile(r"[A-Z]{3}")
#: A web address written without "http(s)://" ("wvsc.org.uk", "www.oak.org.uk/about"): names of letters, digits
#: and hyphens joined by dots, a top-level name of letters last, then any path. The importers read it as a web
#: address (with "https://" or "http://" before it) rather than refuse it.
#: E-mail providers' domains, every user's and no body's web site, and the NHS's shared mail domain: a list's "Email
#: domain" column gives them (a Wolverhampton hold-out's, mapped to website, merged "Retired" into a U3A on
#: btinternet.com). The import passes them over as websites; `lcg duplicates` reads no site in them.
#: Not a provider's that is a company's site too ("sky.com", "virginmedia.com": a review's find).
MAIL_DOMAINS = frozenset(
    "gmail.com googlemail.com hotmail.com hotmail.co.uk outlook.com yahoo.com yahoo.co.uk ymail.com aol.com "
    "aol.co.uk icloud.com btinternet.com btopenworld.com ntlworld.com blueyonder.co.uk talktalk.net tiscali.co.uk "
    "protonmail.com gmx.com gmx.co.uk nhs.net".split())
BARE_WEB_ADDRESS = re.compile(r"(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)


def is_org_id(text) -> bool:
    return isinstance(text, str) and ORG_ID.fullmatch(text) is not None


def registry_id(text: str) -> str:
    """The one written form of an identifier: a ROR URL becomes ``ROR:<id>``; other ids upper-cased, a US
    employer number without its hyphen (the IRS writes "25-1000101", lists as often "251000101": one number), an
    Australian Business Number without its spaces (``_DIGITS_ONLY``), and
    a registered society's number as the Mutuals Public Register writes it (``society_number``: GB-MPR-IP30086R,
    GB-MPR-030086R and GB-MPR-30086R are GB-MPR-30086R; GB-MPR-RS007553 is GB-MPR-7553), Companies House's index
    of the society's number too (GB-COH-IP30086R, GB-COH-RS007553): ``lcg duplicates`` compares these, and read
    two "different GB-MPR numbers" in one society's."""
    text = text.strip()
    m = _ROR_URL.fullmatch(text)
    if m:
        return f"ROR:{m.group(1)}"
    upper = text.upper()
    if upper.startswith("ROR:"):
        return "ROR:" + text[4:]
    for prefix in _DIGITS_ONLY:
        if upper.startswith(prefix) and (number := re.sub(r"[\s.-]|NPO", "", upper[len(prefix):])).isdigit():
            return prefix + number
    if upper.startswith(CRA) and (m := _CRA_NUMBER.fullmatch(re.sub(r"\s+", "", upper[len(CRA):]))):
        return CRA + m.group(1)
    if upper.startswith(_RCS) and (number := re.sub(r"[\s.-]", "", upper[len(_RCS):])).isdigit() \
            and len(number) in (9, 14):
        return _RCS + number[:9]  # a SIRET's SIREN: the body, whichever of its establishments
    if upper.startswith(_ZVR) and (number := re.sub(r"[\s.:-]", "", re.sub(r"^ZVR(?:-?(?:ZAHL|NR|NUMMER))?", "",
                                                                              upper[len(_ZVR):].strip()))).isdigit():
        return _ZVR + number  # "ZVR-Zahl: 838472615" is 838472615
    if upper.startswith(_FB) and (m := re.fullmatch(r"(?:FN)?0*(\d{1,6}[A-Z])", re.sub(r"[\s.:-]", "",
                                                                                        upper[len(_FB):]))):
        return _FB + m[1]  # "FN 208802x" is 208802X
    if upper.startswith(_KBO) and (number := re.sub(r"[\s./-]|^BE", "", upper[len(_KBO):])).isdigit():
        return _KBO + number  # "BE 0412 345 678" is 0412345678
    for prefix, bare in ((MPR, True), (_COH, False)):  # Companies House's "IP..."/"RS..." of a society
        if upper.startswith(prefix) and (society := society_number(upper[len(prefix):], bare=bare)):
            return MPR + society
    return upper


#: org-id.guide's prefixes of registers whose numbers are digits that lists write with hyphens, spaces or dots between
#: groups: the US Internal Revenue Service's employer identification numbers ("25-1000101"), the Australian Business
#: Register's ABNs ("51 824 753 556"), South Africa's NPO numbers ("012-345 NPO": ZA-NPO-012345) and PBO numbers, the
#: Netherlands' Chamber of Commerce numbers ("2440.1567").
_DIGITS_ONLY = ("US-EIN-", "AU-ABN-", "ZA-NPO-", "ZA-PBO-", "NL-KVK-")
#: org-id.guide's prefixes of the FCA's Mutuals Public Register (co-operative and community benefit societies, the
#: former industrial and provident societies) and of Companies House.
MPR, _COH = "GB-MPR-", "GB-COH-"
#: org-id.guide's prefix of the Canada Revenue Agency's business numbers: a registered charity's number is its
#: business number (9 digits) and its account ("RR0001"), one body whatever the account written after it
#: (CA-CRA_ACR-119035988RR0001 is CA-CRA_ACR-119035988).
CRA = "CA-CRA_ACR-"
_CRA_NUMBER = re.compile(r"(\d{9})(?:[A-Z]{2}\d{4})?")
#: org-id.guide's prefixes of France's register of businesses (the SIREN, 9 digits; a SIRET is the SIREN of the body
#: and 5 digits of one of its establishments: one body) and of Belgium's enterprise numbers (10 digits, written with
#: dots, spaces or "BE" before them).
_RCS, _KBO = "FR-RCS-", "BE-BCE_KBO-"
#: org-id.guide's prefixes of Austria's central register of associations (the ZVR number, 9 or 10 digits, written
#: "ZVR 123456789") and its company register (the Firmenbuch number, digits and a check letter, "FN 208802x").
_ZVR, _FB = "AT-ZVR-", "AT-FB-"
#: A registered society's number as lists write it. The Mutuals Public Register's "full registration number" (the
#: number of GB-MPR, as find-that-charity's register import and org-id.guide's lists write it) is digits then
#: the letter of the Act of an older society ("30086R", registered under the Industrial and Provident Societies
#: Acts), digits alone for one registered since the 2014 Act ("7553"). Companies House indexes the first as
#: "IP" and the number ("IP30086R", also padded "IP030086R"), the second as "RS" and six digits ("RS007553"); lists
#: copy either, with spaces ("IP 30086 R", "RS 7553"), and an older society's number after "RS" ("RS 29321R": a
#: money trial's grants list; its letter kept, "29321R", as "IP 29321R" and "29321R" are read).
_SOCIETY = re.compile(r"(?P<ip>IP|RS)?0*(?P<number>\d{1,6})(?P<act>R)|RS0*(?P<rs>\d{1,6})")


def society_number(text: str, bare: bool = False) -> str | None:
    """A registered society's number as the Mutuals Public Register writes it ("30086R", "7553"), from any of
    the ways lists write it (``_SOCIETY``), or None when ``text`` is none; ``bare``: digits alone are one too (in
    a GB-MPR org-id: "GB-MPR-007553"), elsewhere they are any register's."""
    text = re.sub(r"\s+", "", str(text)).upper()
    if (m := _SOCIETY.fullmatch(text)) is not None:
        number, act = (m["rs"], "") if m["rs"] else (m["number"], m["act"])
    elif bare and (m := re.fullmatch(r"0*(\d{1,6})([A-Z]?)", text)) is not None:
        number, act = m[1], m[2]
    else:
        return None
    return number.lstrip("0") + act if number.strip("0") else None  # "RS000000" numbers no society


def is_currency(text) -> bool:
    """An ISO 4217 code such as GBP."""
    return isinstance(text, str) and _CURRENCY.fullmatch(text) is not None


#: The currency signs a spreadsheet's amount typed as text starts with ("£14,000"), and the ISO code each means.
CURRENCY_SIGNS = {"£": "GBP", "€": "EUR", "$": "USD"}


def currency_sign(value) -> tuple[str | None, str]:
    """(the ISO code of the sign an amount typed as text starts or ends with, or None; the amount without it).

    A spreadsheet cell typed "£14,000" (not a number cell formatted as pounds) reaches an importer as that
    text. The sign is split off here, not dropped, so the importer can check it against the row's currency:
    "$500" on a GBP row is a mistake to show, not a number to take.
    """
    text = value.strip() if isinstance(value, str) else ""
    if text[:1] in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[text[0]], text[1:].strip()
    if text[-1:] in CURRENCY_SIGNS:  # written after the figure, as German and French lists do: "12.000,00 €"
        return CURRENCY_SIGNS[text[-1]], text[:-1].strip()
    return None, value


#: "40,000" and "1,234.50": commas between groups of three digits, a dot before the decimals.
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: "40000,00", "1.234,56", "40 000,5": a decimal comma (Excel's CSV where the comma is the decimal mark, which
#: is why such files are separated by semicolons). Money has at most two decimals, so a comma before one or
#: two digits is never a thousands separator.
_DECIMAL_COMMA = re.compile(r"\d{1,3}(?:[. \u00a0\u202f]\d{3})*,\d{1,2}|\d+,\d{1,2}")
#: "303 900", "25 000": spaces (or narrow spaces) between groups of three digits, as Finland, France and South Africa
#: write amounts (an Espoo hold-out's totals row "Yhteensä ... 303 900" was read as an organisation).
_THOUSANDS_SPACE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")


def _number_text(text: str) -> str:
    """An amount's text with its separators read: thousands commas dropped, a decimal comma made a dot.

    Any other comma is left in place, so the text is no number and the row says so (never a guess: removing
    every comma read "40000,00" as four million).
    """
    text = text.strip()
    if _THOUSANDS_COMMA.fullmatch(text):
        return text.replace(",", "")
    if _DECIMAL_COMMA.fullmatch(text):
        return re.sub("[. \u00a0\u202f]", "", text).replace(",", ".")
    if _THOUSANDS_SPACE.fullmatch(text):
        return re.sub("[ \u00a0\u202f]", "", text)
    return text


def amount_value(value):
    """An amount as a number, from a number or from text as files write it ("40,000", "40000,00"); None
    when it is no number. A whole amount is an int whatever the file wrote (JSON's 40000.0, a spreadsheet's
    40000), so one grant reads the same from every format; only while a float holds it exactly (2**53):
    1e150 stays a float, which the data files read back (as an int it would be 151 digits, beyond what the
    loader accepts). Whether the number is a valid amount (finite, >= 0) is the caller's rule."""
    import math

    if isinstance(value, str):
        try:
            value = float(_number_text(value))
        except ValueError:
            return None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) <= 2 ** 53:
        value = int(value)
    return value


#: A totals row's label: "Total", "Totals:", "Grand total", "Sub-total", "TOTAL", or "Total" then words in small
#: letters ("Total awarded", "Total (2008-2024)"); a body's name capitalises its words ("Total Fitness", "Total Care").
#: German lists write "Summe", "Gesamt", "Gesamtsumme" or "Insgesamt", Dutch ones "Totaal" (a German hold-out's
#: grants' "Summe" became an organisation), Finnish ones "Yhteensä", Swedish "Totalt" or "Summa" (an Espoo hold-out's
#: "Yhteensä" did), Korean "합계" or "총계", Italian "Totale" or "Somma" (a Bologna hold-out's register stopped on its
#: "TOTALE" row); a year after it, "TOTAL 2022" (a Barcelona hold-out's grants by year).
_TOTALS = re.compile(r"(?i:(?:grand|sub)[\s-]*)?(?i:totals?|totaal|summe|gesamt|gesamtsumme|insgesamt|yhteensä|totalt"
                     r"|summa|totale|totali|somma|합계|총계)"
                     r"(?:\s*\([^()]*\)|(?:\s+[a-z][\w'-]*)+|\s+(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?)?\s*:?")


def _a_figure(value) -> bool:
    """Whether a cell is a number: 92200, "£92,200", "1,234.50", "262.400,00 €" (``amount_value``)."""
    _, text = currency_sign(value)
    number = amount_value(text) if isinstance(text, (str, int, float)) and not isinstance(text, bool) else None
    return isinstance(number, (int, float)) and not isinstance(number, bool)


def totals_row(cells) -> tuple[str, list[str]] | None:
    """(its label, its figures as written) when a spreadsheet's row is a totals row, else None: its first written
    cell a total's label (``_TOTALS``: "Total awarded") and its other written cells figures ("£92,200"), one at
    least. No body is named "Total" with only figures for its other cells, and no grant is a row without an id or
    a recipient: a sum is what a spreadsheet's last rows add up, wherever they stand. The one rule for every
    importer: a sports trial's grants file, whose "Total awarded" row the sheet importer passed over, stopped
    `lcg import 360giving` as a grant with no id, title, date or funder."""
    written = [c for c in cells if c not in (None, "") and str(c).strip()]
    if (len(written) > 1 and isinstance(written[0], str) and _TOTALS.fullmatch(written[0].strip())
            and all(_a_figure(c) for c in written[1:])):
        return written[0].strip(), [str(c).strip() for c in written[1:]]
    return None
