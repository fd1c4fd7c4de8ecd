"""Importing 360Giving grants (JSON, CSV or .xlsx) as organisations, projects and places.

360Giving is the UK's open grants format; funders publish every grant with the
funder's and the recipient's org-ids. A grant becomes a project (``type:
grant``) whose ``identifiers`` keep the grant id, with a ``funders`` tie
(amount, currency, award date) and a ``partners`` tie to the recipient (role
lead); places come from ``beneficiaryLocation`` and from GrantNav's recipient
ward, district and region (``additional_data``); a ``grantProgramme`` becomes a
Network of type programme (funded by the funder) that the grant is ``part_of``.

Publishers differ (dd/mm/yyyy dates, durations without a start, ``GB-CHC-Exempt``,
a space inside an id), so every row is read in three outcomes: taken as
written; repaired safely and reported as a warning with its row; or, only when
nothing safe can be done, a row error (nothing is written unless
``skip_invalid``). The import writes its own files (``imports/360giving-<publisher>/``,
see :mod:`.yaml_out`), validated with the rest of the folder before anything is
written, so a re-import rewrites only those and an import never leaves a
folder ``lcg validate`` rejects.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import math
import re
import shlex
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadOption, LcgError, UnreadableInput
from ..identifiers import amount_value, currency_sign, is_currency
from ..dates import end_of_months
from .file_dates import read_day, slash_order
from .giving360_build import NARROW_TO_BROAD, GraphBuilder, place_type
from .giving360_sheets import ODS_HINT, SheetGrants, csv_grants, xlsx_grants
from ..yaml_files import MAX_INT_DIGITS
from .text_encoding import csv_text, not_utf8_at
from .org_ids import ORG_ID_EXAMPLE, clean_org_id, is_placeholder, register_ids
from .yaml_out import FolderIndex, slug, write_import

__all__ = ["ImportResult", "RowProblem", "import_360giving", "read_grants", "read_grant_file", "check_grant",
           "ImportFailed", "file_currencies"]

#: Said when a file holds no grants at all (empty, a header only, or not a 360Giving file).
NO_GRANTS_HINT = ("expected 360Giving JSON with a grants list, or a CSV or .xlsx file with Identifier, Title, "
                  "Currency, Amount Awarded, Award Date, Recipient Org:Identifier, ... columns")


class ImportFailed(LcgError):
    """Some rows are malformed; ``problems`` lists each by row number. Nothing was written."""

    def __init__(self, problems, path, *, none_valid: bool = False):
        self.problems = list(problems)
        rows, n = len({p.row for p in self.problems}), len(self.problems)
        detail = f" ({n} problems)" if n != rows else ""
        hint = "no row is valid; fix them" if none_valid else "fix them, or pass --skip-invalid to import the rest"
        super().__init__(f"{rows} malformed row{'s' if rows != 1 else ''}{detail} in {path}; nothing was written "
                         f"({hint})")


@dataclass
class RowProblem:
    row: int
    grant: str
    message: str
    sheet: str | None = None  # a workbook's sheet the row is in

    def __str__(self) -> str:
        if not self.row:  # row 0: said of the file as a whole, its message naming the rows
            return f"sheet {self.sheet!r}: {self.message}" if self.sheet else self.message
        where = f"sheet {self.sheet!r} row {self.row}" if self.sheet else f"row {self.row}"
        return f"{where}{f' ({self.grant})' if self.grant else ''}: {self.message}"


def _rows_named(rows: list[tuple[int, str]], limit: int = 5) -> str:
    """"row 11 (360G-1)", or "rows 2 (360G-1), 3 (360G-2) and 7 more": where one warning said of many rows is."""
    # (a grant's id made from its row, "grants.xlsx row 7": ``giving360_sheets._ids_from_rows``, is not said again)
    shown = [f"{row} ({gid})" if gid and not gid.endswith(f" row {row}") else str(row) for row, gid in rows[:limit]]
    more = f" and {len(rows) - limit} more" if len(rows) > limit else ""
    return f"row{'s' if len(rows) > 1 else ''} {', '.join(shown)}{more}"


def _kind_of(warning: str) -> str:
    """A row's warning without its values (quoted cells, figures): what kind of repair it says."""
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\d+(?:[.,]\d+)*", "…", warning)


def _said_by_kind(kinds: dict[str, list[tuple[int, str, str]]], sheet: str | None) -> list[RowProblem]:
    """One warning per kind of row warning (``_kind_of``), naming its rows (``_rows_named``), with the first row's
    as it was said there: a youth trial's grants file, every amount typed "£…" with a blank currency, printed 112
    warnings, two for each row, which hid the file's other warnings. A kind said on one row is said as before."""
    said = []
    for found in kinds.values():
        if len(found) == 1:
            row, gid, message = found[0]
            said.append(RowProblem(row, gid, message, sheet))
            continue
        first_row, _, message = found[0]
        alike = "" if all(m == message for _, _, m in found) else f" (row {first_row}; likewise on the others)"
        said.append(RowProblem(0, "", f"{_rows_named([(r, g) for r, g, _ in found])}: {message}{alike}", sheet))
    return said


@dataclass
class ImportResult:
    grants: int = 0
    total_amount: dict = field(default_factory=dict)  # currency -> sum
    added: dict = field(default_factory=dict)  # kind file -> entries new to the folder
    already: int = 0  # grants already in the folder's other files
    skipped: list = field(default_factory=list)  # RowProblem: rows left out (skip_invalid)
    warnings: list = field(default_factory=list)  # RowProblem: repairs made, things kept apart
    written: list = field(default_factory=list)  # paths written (empty: the files were already up to date)
    folder: Path | None = None  # the import's own folder
    kept: list = field(default_factory=list)  # ids of the previous run written again: other files name them
    sheet: str | None = None  # the grants sheet of a workbook
    notes: list = field(default_factory=list)  # str: what was read from where (a workbook's sheets)


_ZIP = b"PK\x03\x04"  # .xlsx and .ods are zip files; an .ods names its type first (``mimetype``)
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls; also what Excel wraps a password-protected .xlsx in


def read_grants(path) -> list[tuple[int, dict]]:
    """(row number, grant as 360Giving JSON) from a JSON, CSV or .xlsx file; see :func:`read_grant_file`."""
    return read_grant_file(path).rows


def read_grant_file(path) -> SheetGrants:
    """The grants of a JSON, CSV or .xlsx file as 360Giving JSON, numbered by JSON position, CSV line or sheet row.

    Spreadsheet columns are read by the standard's titles, JSON paths or
    GrantNav's titles (:mod:`.giving360_titles`); ``notes`` says which sheet was
    read and which columns were not. A file with no grants (empty, a header only,
    no Identifier column, an empty grants list) is an UnreadableInput error:
    importing it would report success and add nothing.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    with open(path, "rb") as f:
        head = f.read(100)
    # by content, not name: a workbook saved without its extension is still a workbook
    if head.startswith(_OLE) and suffix in (".xlsx", ".xlsm"):
        raise UnreadableInput(f"{path}: a password-protected workbook (or an old .xls renamed) cannot be read; "
                              f"save it without a password as .xlsx or .csv and import that")
    ods = head.startswith(_ZIP) and b"opendocument" in head
    if ods or head.startswith(_OLE) or (suffix in (".ods", ".xls") and not head.startswith(_ZIP)):
        what = "an OpenDocument (.ods) spreadsheet" if ods or (suffix == ".ods" and not head.startswith(_OLE)) \
            else "an old-style Excel (.xls) workbook"
        raise UnreadableInput(f"{path}: {what} cannot be read; {ODS_HINT}")
    if suffix in (".xlsx", ".xlsm") or head.startswith(_ZIP):
        found = xlsx_grants(path)
        if not found.rows:
            raise UnreadableInput(f"no grants found in {path}, sheet {found.sheet!r} ({NO_GRANTS_HINT})")
        return found
    text, encoding_warning = csv_text(path)
    if suffix == ".csv" or not text.lstrip().startswith(("{", "[")):
        try:
            found = csv_grants(text, path)
        except csv.Error as e:
            raise UnreadableInput(f"{path}: not readable as CSV ({e}); expected a 360Giving CSV file") from None
        if not found.rows:
            raise UnreadableInput(f"no grants found in {path} ({NO_GRANTS_HINT})")
        if encoding_warning:
            found.file_warnings.append(encoding_warning)
        return found
    if encoding_warning:  # JSON is UTF-8 by its standard (RFC 8259): a publisher's tool wrote it wrongly
        raw = path.read_bytes()
        at = not_utf8_at(raw) or 0
        line = raw[:at].count(b"\n") + 1
        raise UnreadableInput(f"{path}: a JSON file that is not UTF-8 text (byte 0x{raw[at]:02x} on line {line}; "
                              "JSON is UTF-8 by its standard); save it as UTF-8 and import again")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise UnreadableInput(f"{path}: not valid JSON at line {e.lineno} column {e.colno} ({e.msg}); "
                       "expected a 360Giving file with a \"grants\" list") from None
    except RecursionError:
        raise UnreadableInput(f"{path}: JSON nested too deeply to be a 360Giving file") from None
    except ValueError as e:  # e.g. a number longer than Python's int-string limit
        raise UnreadableInput(f"{path}: not readable as JSON ({str(e).split(';')[0]}); expected a 360Giving file") from None
    grants = data.get("grants") if isinstance(data, dict) else data
    if not isinstance(grants, list):
        raise UnreadableInput(f"{path}: no \"grants\" list found (expected a 360Giving JSON file)")
    if not grants:
        raise UnreadableInput(f"no grants found in {path} ({NO_GRANTS_HINT})")
    return SheetGrants(rows=list(enumerate(grants, start=1)))


def _amount(value):
    """A finite number >= 0 (ints kept as ints, ``identifiers.amount_value``), else None: 1e400 would be
    written as .inf."""
    value = amount_value(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return None
    if isinstance(value, int) and len(str(value)) > MAX_INT_DIGITS:  # more digits than the data files may hold
        return None
    return value


def file_currencies(rows) -> set[str]:
    """The ISO 4217 codes the file's grants give, in their Currency cell or, that blank, by their amount's sign
    ("£500", as ``_currency`` reads it): when there is one, a grant with its currency cell blank is in it (a small
    trust's sheet of pounds left one cell empty). A reviewer's file of "£500" on one row and "700" on another,
    no Currency column, was refused as one whose grants give no currency, though the first gives pounds."""
    found = (_currency(g, ())[0] for _, g in rows if isinstance(g, dict))
    return {c for c in found if is_currency(c)}


def _currency(grant: dict, currencies: Collection[str]) -> tuple[str, str | None, str | None]:
    """(the grant's currency, what is wrong with it, where a blank one was taken from).

    A blank cell is taken from the amount's own sign ("£800"), else from the file when all its other grants
    are in one currency; otherwise the row says the cell is blank and what to put there.
    """
    given = grant.get("currency")
    text = _text(given).upper()
    if text:
        return text, None if is_currency(text) else f"bad currency {given!r} (expected an ISO 4217 code such as GBP)", \
            None
    sign, _ = currency_sign(grant.get("amountAwarded"))
    if sign and not _dollars(grant.get("amountAwarded")):  # "$" is a dozen currencies' sign: not one to take
        return sign, None, "sign"
    if len(currencies) == 1:
        return next(iter(currencies)), None, "file"
    if not currencies:
        return "", NO_CURRENCY, None
    return "", (f"currency is blank (the file's other grants are in {', '.join(sorted(currencies))}); put the "
                "grant's ISO 4217 code there, such as GBP"), None


#: A grant's problem when neither it nor any other grant of the file gives a currency (a list with no Currency
#: column): said once for the file by :func:`import_360giving`, with the command that gives it.
NO_CURRENCY = "currency is blank (no grant of the file has one); put the grant's ISO 4217 code there, such as GBP"


def _dollars(value) -> bool:
    """True for an amount typed with "$", the sign of US, Canadian, Australian, New Zealand... dollars alike."""
    return isinstance(value, str) and value.strip().startswith("$")


def _amount_awarded(value, currency: str) -> tuple[int | float | None, str | None, str | None]:
    """(the amount, what is wrong with it, what was repaired in it).

    A spreadsheet's amount typed as text ("£14,000", "£25,000.00") is read when its sign is the row's
    currency, and said with its row: the number is the publisher's, the reading of it ours. A sign that
    disagrees ("$500" on a GBP row) is an error, as either the sign or the currency is wrong.
    """
    code, number = currency_sign(value)
    amount = _amount(number)
    if amount is None:
        return None, f"bad amountAwarded {value!r} (expected a finite number >= 0)", None
    if code is None or not is_currency(currency):  # no sign, or a bad currency the row is refused for anyway
        return amount, None, None
    if code != currency and not (_dollars(value) and currency.endswith("D")):  # "$600" on a CAD row: dollars
        return None, (f"amountAwarded {value!r} is in {code} but the grant's currency is {currency}; correct the "
                      "amount or the currency"), None
    return amount, None, f"amountAwarded {value!r} is text; read as {amount} {currency}"


def _months(value) -> int | None:
    try:
        n = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return int(n) if math.isfinite(n) and n.is_integer() and 0 < n < 1200 else None


def _mend_surrogates(value):
    """(value, changed): every string with an unpaired UTF-16 surrogate (JSON's ``"\\ud800"`` escape alone)
    with that character replaced by U+FFFD. Such a string cannot be written as UTF-8, so the import's
    files would be unreadable; the rest of the text is kept and the repair is reported."""
    try:  # the common case, in C: nothing to mend (a walk of every grant took a tenth of a cold import)
        json.dumps(value, ensure_ascii=False).encode("utf-8")
        return value, False
    except (UnicodeEncodeError, TypeError, ValueError, RecursionError):
        return _mend(value)


def _mend(value):
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value, False
        except UnicodeEncodeError:
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace"), True
    if isinstance(value, list):
        mended = [_mend(v) for v in value]
        changed = any(c for _, c in mended)
        return ([v for v, _ in mended] if changed else value), changed
    if isinstance(value, dict):
        pairs = {k: _mend(v) for k, v in value.items()}
        changed = any(c for _, c in pairs.values())
        return ({k: v for k, (v, _) in pairs.items()} if changed else value), changed
    return value, False


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def _first(value) -> dict:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, dict) else {}


def _org(grant: dict, key: str, what: str, errors: list, warnings: list) -> dict | None:
    """The organisation of ``key`` with a usable ``primary`` org-id (or None) and register ``secondary`` ids."""
    raw = grant.get(key)
    org = _first(raw)
    if not org:
        errors.append(f"no {what} (expected {key} with id and name)")
        return None
    name = _text(org.get("name"))
    if not name:
        errors.append(f"{what} has no name")
        return None
    secondary, odd = register_ids(org)
    primary, said = clean_org_id(org.get("id"))
    unusable = None
    if said and primary is None:
        if secondary:
            primary, secondary = secondary[0], secondary[1:]
            warnings.append(f"{what} id {said}; used {primary} from its register number")
        elif str(org.get("id") or "").strip():
            unusable = said  # said once for the file (``_unusable_ids``): a publisher's own ids are on every row
    elif said:
        if " " in str(org.get("id")).strip() and secondary and primary not in secondary:
            # a mangled id and a clean number that disagree: the number, typed in its own column, is trusted
            warnings.append(f"{what} id {org.get('id')!r} has spaces inside; used {secondary[0]} from its "
                            f"register number ({primary} differs)")
            primary = secondary[0]
        else:
            warnings.append(f"{what} id {said}")
    secondary = [i for i in secondary if i != primary]
    return {"primary": primary, "secondary": secondary, "odd_numbers": odd, "name": name, "raw": org,
            "unusable": unusable}


def _extras(grant: dict, org: dict) -> None:
    """What GrantNav adds about the recipient (``additional_data``): register ids and names, ward, district."""
    extra = grant.get("additional_data")
    if not isinstance(extra, dict):
        return
    raw_id = str(org["raw"].get("id") or "").strip()
    names = []
    canonical = extra.get("recipientOrganizationCanonical")
    if isinstance(canonical, dict) and str(canonical.get("id") or "").strip() == raw_id:
        names.append(_text(canonical.get("name")))
    for info in extra.get("recipientOrgInfos") or ():
        if isinstance(info, dict) and str(info.get("id") or "").strip() == raw_id and org["primary"]:
            names.append(_text(info.get("name")))
            for other in info.get("orgIDs") or ():
                other, _ = clean_org_id(other)
                if other and other != org["primary"] and other not in org["secondary"]:
                    org["secondary"].append(other)
    org["register_names"] = [n for n in names if n]
    chain = []
    for level, name_key, code_key in (("region", "recipientRegionName", None),
                                      ("district", "recipientDistrictName", "recipientDistrictGeoCode"),
                                      ("ward", "recipientWardName", "recipientWardNameGeoCode")):
        name = _text(extra.get(name_key))
        if name:
            chain.append({"name": name, "code": _text(extra.get(code_key)) if code_key else "", "type": level})
    org["location"] = chain


def _org_location(org: dict) -> list[dict]:
    """Where the standard's own ``location`` list puts a body (GrantNav's ``Recipient Org:Location:0:...``).

    Used when GrantNav's region/district/ward chain is not there. The list's
    order says nothing of which place holds which, so no chain is made: the
    body is placed in the narrowest location whose type is known, else the first.
    """
    found = []
    for loc in org.get("location") or ():
        if isinstance(loc, dict) and (_text(loc.get("name")) or _text(loc.get("geoCode"))):
            code = _text(loc.get("geoCode"))
            found.append({"name": _text(loc.get("name")) or code, "code": code,
                          "type": place_type(_text(loc.get("geoCodeType")))})
    if not found:
        return []
    rank = {t: n for n, t in enumerate(NARROW_TO_BROAD)}
    return [min(found, key=lambda p: rank.get(p["type"], len(rank)))]


def check_grant(grant, order: str | None = None, currencies: Collection[str] = ()) \
        -> tuple[dict | None, list[str], list[str]]:
    """(the grant's cleaned fields or None, what is wrong with it, what was repaired in it).

    ``currencies``: the file's (:func:`file_currencies`), for a grant whose currency is blank; the cleaned
    fields' ``currency_from`` is "file" when it was taken from them (said once for the file, by the caller).
    """
    if not isinstance(grant, dict):
        return None, ["not a grant object"], []
    errors: list[str] = []
    warnings: list[str] = []
    gid = _text(grant.get("id"))
    if not gid:
        errors.append("no grant id (expected id / Identifier)")
    title = _text(grant.get("title"))
    if not title:
        errors.append("no title")
    currency, wrong, taken = _currency(grant, currencies)
    errors.extend([wrong] if wrong else [])
    if taken == "sign":
        warnings.append(f"currency blank; {currency} taken from the amount's sign")
    amount, wrong, repaired = _amount_awarded(grant.get("amountAwarded"), currency)
    errors.extend([wrong] if wrong else [])
    warnings.extend([repaired] if repaired else [])
    award = read_day(grant.get("awardDate"), order)
    if award is None:
        errors.append(f"bad awardDate {grant.get('awardDate')!r} (expected a real date YYYY-MM-DD)")
    planned = _first(grant.get("plannedDates"))
    given = {}
    for key in ("startDate", "endDate"):
        value = planned.get(key)
        if value in (None, ""):
            continue
        day = read_day(value, order)
        if day is None:
            errors.append(f"bad plannedDates {key} {value!r} (expected a real date YYYY-MM-DD)")
        given[key] = day
    funder = _org(grant, "fundingOrganization", "funding organisation", errors, warnings)
    recipient = _org(grant, "recipientOrganization", "recipient organisation", errors, warnings)
    if errors:
        return None, errors, warnings
    assert recipient is not None and award is not None  # each would have been an error
    _extras(grant, recipient)
    if not recipient.get("location"):
        recipient["location"] = _org_location(recipient["raw"])
    start, end, note = given.get("startDate"), given.get("endDate"), None
    months = _months(planned.get("duration"))
    if start is None:
        start = award
        if end is None and months:
            end = end_of_months(award, months)
            note = f"End estimated from the award date and a planned duration of {months} months."
    elif end is None and months:
        end = end_of_months(start, months)
        note = f"End estimated from the start and a planned duration of {months} months."
    if end and start and end < start:
        warnings.append(f"planned end {end} is before the start {start}; the end was left out, the start kept")
        end = None
    places = []
    for p in grant.get("beneficiaryLocation") or ():
        if isinstance(p, dict) and (_text(p.get("name")) or _text(p.get("geoCode"))):
            places.append({"name": _text(p.get("name")), "code": _text(p.get("geoCode")),
                           "codeType": _text(p.get("geoCodeType")), "country": _text(p.get("countryCode"))})
    programme = _text(grant.get("programme")) or next(
        (_text(p.get("title")) for p in grant.get("grantProgramme") or () if isinstance(p, dict) and p.get("title")),
        None)
    return {"id": gid, "title": title, "description": _text(grant.get("description")),
            "currency": currency, "currency_from": taken, "amount": amount, "award": award, "funder": funder,
            "recipient": recipient,
            "start": start, "end": end, "dates_note": note, "places": places, "programme": programme or None,
            "themes": _classification_titles(grant.get("classifications"))}, [], \
        warnings


def _no_ids(grants: list[dict], sheet: str | None) -> list[RowProblem]:
    """One warning per role for the funders or recipients the file gives no id at all (a list with no Funding
    Org:Identifier column): each is written by its name alone, and no org-id matches it with other files' entries
    of it. No id is made up for them; the warning says which column to add."""
    out = []
    for role, what, column in (("funder", "funder", "Funding Org:Identifier"),
                               ("recipient", "recipient", "Recipient Org:Identifier")):
        names = list(dict.fromkeys(g[role]["name"] for g in grants
                                   if not g[role]["primary"] and not str(g[role]["raw"].get("id") or "").strip()))
        if names:
            shown = ", ".join(map(repr, names[:3])) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            out.append(RowProblem(0, "", f"no {column} for {len(names)} {what}{'s' if len(names) > 1 else ''} "
                                         f"({shown}): written by name alone, with no org-id to match other files' "
                                         f"entries of {'them' if len(names) > 1 else 'it'}; to match, add a "
                                         f"{column} column with their org-ids (such as GB-CHC-1164883)", sheet))
    return out


def _unusable_ids(grants: list[dict], sheet: str | None) -> list[RowProblem]:
    """The ids that are no org-id, kept by the organisation's name: per row when one row has them, else one
    warning per file for each role and kind (placeholder or not an org-id), counting ids and rows, the first
    few ids with their rows. A small trust numbers its recipients its own way (PFT-R003) on every row: 24 lines
    saying so hid the file's other warnings."""
    out = []
    for role, what in (("funder", "funding organisation"), ("recipient", "recipient organisation")):
        for placeholder in (True, False):
            found = [g for g in grants if g[role]["unusable"] and
                     is_placeholder(str(g[role]["raw"].get("id"))) == placeholder]
            if len(found) == 1:
                g = found[0]
                out.append(RowProblem(g["row"], g["id"], f"{what} id {g[role]['unusable']}; the organisation is "
                                                         "kept by its name", sheet))
            elif found:
                out.append(RowProblem(0, "", _unusable_said(found, role, what, placeholder), sheet))
    return out


def _unusable_said(found: list[dict], role: str, what: str, placeholder: bool, limit: int = 3) -> str:
    """"recipient organisation ids on 24 rows are not org-ids (...): 21 ids, 'PFT-R003' (rows 2, 3, 4, 25), ..."."""
    rows: dict[str, list[tuple[int, str]]] = {}
    for g in found:
        rows.setdefault(str(g[role]["raw"].get("id")).strip(), []).append((g["row"], ""))
    shown = ", ".join(f"{i!r} ({_rows_named(r)})" for i, r in list(rows.items())[:limit])
    more = f" and {len(rows) - limit} more" if len(rows) > limit else ""
    kind = "placeholders, not org-ids" if placeholder else f"not org-ids ({ORG_ID_EXAMPLE})"
    ids = f"{len(rows)} ids, " if len(rows) > 1 else ""
    return f"{what} ids on {len(found)} rows are {kind}: {ids}{shown}{more}; the organisations are kept by their names"


#: A comma between two words with no space after it: tags run together in one title ("access to art,visual
#: arts"), where a title's own comma is followed by a space ("Arts, culture and heritage") or a digit ("1,000").
_TAG_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")


def _classification_titles(value) -> list[str]:
    """The titles of a grant's ``classifications``, each once: the themes it addresses (``lcg overlaps --theme``).

    A publisher's several tags in one title (Esmee Fairbairn's "access to art,combined arts,visual arts") are
    several themes.
    """
    titles: list[str] = []
    for c in value if isinstance(value, list) else [value]:
        for title in _TAG_COMMA.split(_text(c.get("title"))) if isinstance(c, dict) else ():
            title = title.strip()
            if title and title not in titles and any(ch.isalnum() for ch in title):  # "...", "!!!": no theme
                titles.append(title)
    return titles


def _date_texts(rows):
    for row, g in rows:
        if isinstance(g, dict):
            yield row, g.get("awardDate")
            yield row, g.get("dateModified")
            planned = _first(g.get("plannedDates"))
            yield row, planned.get("startDate")
            yield row, planned.get("endDate")


def _no_currency(path: Path, out_dir, rows: list[tuple[int, str]], problems: list, sheet: str | None,
                 options: list[str]) -> None:
    """Say once for the file that no grant has a currency, with the command that gives it (``--currency``): alone,
    as the one line of an error; among other problems, as the first of them. A trial's list with no Currency
    column had the same line on each of its 56 grants, and no word of how to give one currency to them all."""
    command = ["lcg", "import", "360giving", str(path), "-o", str(out_dir), "--currency", "GBP", *options]
    said = (f"no grant gives its currency (no Currency column, or its cells blank: {_rows_named(rows, 3)}); if "
            "the amounts are in pounds, import with --currency GBP (another ISO 4217 code for another currency), or "
            "fill in a Currency column")
    if not problems:
        error = NoCurrency(f"{path}: {said}; nothing was written")
        error.hint = tuple(command[1:])
        raise error
    problems.insert(0, RowProblem(0, "", f"{said}: {shlex.join(command)}", sheet))


class NoCurrency(LcgError):
    """No grant of a 360Giving file gives its currency, and none was given with ``--currency``."""


def _publisher(path: Path, grants: list[dict]) -> str:
    """The import's folder name: the one funder's name, else the file's name (a multi-funder file)."""
    funders = {g["funder"]["primary"] or g["funder"]["name"] for g in grants}
    if len(funders) == 1:
        return slug(grants[0]["funder"]["name"]) or slug(path.stem)
    return slug(path.stem) or "grants"


def import_360giving(path, out_dir, *, skip_invalid: bool = False, dates: str | None = None,
                     source_name: str | None = None, progress=None, currency: str | None = None) -> ImportResult:
    """Read a 360Giving file and write its funders, recipients, grants and places as the folder's own import files.

    ``dates``: ``dmy`` or ``mdy`` for a file whose slash dates no value settles.
    ``progress``: called with (done, total) while grants are turned into entries.
    ``currency``: the ISO 4217 code of the grants whose currency is blank, as the user gives it (a list with no
    Currency column): never guessed, as a file with no currency anywhere says no more than that.
    """
    path = Path(path)
    if currency is not None and not is_currency(currency.strip().upper()):
        raise BadOption("currency", currency, "is no ISO 4217 code (expected three capitals such as GBP or EUR)")
    given_currency = currency.strip().upper() if currency else None
    found = read_grant_file(path)
    rows = found.rows
    order = dates or slash_order(_date_texts(rows), str(path))
    result = ImportResult(sheet=found.sheet)
    result.notes = [msg for _, row, msg in found.notes if row == 0]
    result.warnings.extend(RowProblem(row, "", msg, sheet) for sheet, row, msg in found.notes if row != 0)
    result.warnings.extend(RowProblem(0, "", msg) for msg in found.file_warnings)
    sheet = found.sheet
    grants: list[dict] = []
    problems: list[RowProblem] = []
    seen: dict[str, tuple[int, dict]] = {}  # grant id -> (first row, raw grant)
    currencies = {given_currency} if given_currency else file_currencies(rows)
    no_currency: list[tuple[int, str]] = []  # (row, grant id) of the grants no cell of the file gives a currency
    kinds: dict[str, list[tuple[int, str, str]]] = {}  # a kind of row warning -> (row, grant id, as said there)
    for row, raw in rows:
        raw, mended = _mend_surrogates(raw)
        grant, errors, warned = check_grant(raw, order, currencies)
        if mended:
            warned = ["a character that is half of a UTF-16 pair (a lone \\ud800-\\udfff escape) was replaced "
                      "by U+FFFD", *warned]
        gid = _text(raw.get("id")) if isinstance(raw, dict) else ""
        if grant and gid in seen:
            first_row, first = seen[gid]
            if raw != first:  # an exact repeat is harmless; a different one would be silently dropped
                errors = [f"grant id repeated (first on row {first_row}) with different content"]
            grant, warned = None, []
        elif grant:
            seen[gid] = (row, raw)
        if NO_CURRENCY in errors:
            no_currency.append((row, gid))
        problems.extend(RowProblem(row, gid, e, sheet) for e in errors if e != NO_CURRENCY)
        for w in warned:
            kinds.setdefault(_kind_of(w), []).append((row, gid, w))
        if grant:
            grant["row"] = row
            grants.append(grant)
    result.warnings.extend(_said_by_kind(kinds, sheet))
    if no_currency:
        _no_currency(path, out_dir, no_currency, problems, sheet,
                     [*(["--skip-invalid"] if skip_invalid else []), *(["--dates", dates] if dates else []),
                      *(["--source", source_name] if source_name else [])])
    if problems and (not skip_invalid or not grants):
        raise ImportFailed(problems, path, none_valid=not grants)
    result.skipped = problems
    result.warnings.extend(_unusable_ids(grants, sheet))
    result.warnings.extend(_no_ids(grants, sheet))
    filled = [(g["row"], g["id"]) for g in grants if g["currency_from"] == "file"]
    if filled:
        said = f"currency blank on {_rows_named(filled)}; used {next(iter(currencies))}, " + (
            "as --currency gives it" if given_currency else "the currency of every other grant in the file")
        result.warnings.append(RowProblem(0, "", said, sheet))
    folder = slug(source_name).removeprefix("360giving-") if source_name else _publisher(path, grants)
    own = f"imports/360giving-{folder}"  # (a name given as the folder it makes is that folder)
    index = FolderIndex(out_dir, own)
    builder = GraphBuilder(index, source=path.name)
    for i, g in enumerate(grants, start=1):
        result.grants += 1
        result.total_amount[g["currency"]] = result.total_amount.get(g["currency"], 0) + g["amount"]
        if not builder.add_grant(g):
            result.already += 1
        if progress and (i % 500 == 0 or i == len(grants)):
            progress(i, len(grants))
    result.warnings.extend(RowProblem(row, gid, w, sheet) for row, gid, w in builder.warnings)
    result.warnings.sort(key=lambda p: p.row)
    entries = builder.entries()
    result.added = {kind: sum(1 for e in es if e["id"] not in index.own_ids) for kind, es in entries.items()}
    result.folder = index.root / own
    from ..sources import Source

    file_date = _dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    cited = Source(key=path.name, title=f"360Giving grants file {path.name}", kind="360Giving data file",
                   date=file_date, file=path.name)
    result.written = write_import(index, entries, command=f"lcg import 360giving {path.name}", source=cited)
    result.kept = index.kept_for_others
    return result
