"""Importing 360Giving grants (JSON or CSV) as organisations, projects and places.

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
import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LcgError, UnreadableInput
from ..identifiers import is_currency
from ..dates import add_months
from .file_dates import read_day, slash_order
from .giving360_build import GraphBuilder
from ..yaml_files import MAX_INT_DIGITS
from .org_ids import clean_org_id, register_ids
from .yaml_out import FolderIndex, slug, write_import

__all__ = ["ImportResult", "RowProblem", "import_360giving", "read_grants", "check_grant", "ImportFailed"]

#: 360Giving CSV column titles (and the JSON paths some tools write) -> grant field.
CSV_COLUMNS = {
    "identifier": "id", "id": "id", "title": "title", "description": "description", "currency": "currency",
    "amount awarded": "amountAwarded", "amountawarded": "amountAwarded", "award date": "awardDate",
    "awarddate": "awardDate",
    "recipient org:identifier": "recipient.id", "recipientorganization/0/id": "recipient.id",
    "recipient org:name": "recipient.name", "recipientorganization/0/name": "recipient.name",
    "recipient org:charity number": "recipient.charityNumber",
    "recipient org:company number": "recipient.companyNumber",
    "recipient org:web address": "recipient.url", "recipient org:street address": "recipient.streetAddress",
    "recipient org:city": "recipient.addressLocality", "recipient org:county": "recipient.addressRegion",
    "recipient org:country": "recipient.addressCountry", "recipient org:postal code": "recipient.postalCode",
    "funding org:identifier": "funder.id", "fundingorganization/0/id": "funder.id",
    "funding org:name": "funder.name", "fundingorganization/0/name": "funder.name",
    "planned dates:start date": "start", "planned dates:end date": "end",
    "planned dates:duration (months)": "duration",
    "beneficiary location:name": "place.name", "beneficiary location:geographic code": "place.geoCode",
    "beneficiary location:geographic code type": "place.geoCodeType",
    "grant programme:title": "programme",
}

#: Said when a file holds no grants at all (empty, a header only, or not a 360Giving file).
NO_GRANTS_HINT = ("expected 360Giving JSON with a grants list or CSV with Identifier, Title, Currency, "
                  "Amount Awarded, Award Date, Recipient Org:Identifier, ... columns")


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

    def __str__(self) -> str:
        return f"row {self.row}{f' ({self.grant})' if self.grant else ''}: {self.message}"


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


def _read_text(path: Path) -> str:
    """The file as UTF-8 text (a BOM is allowed); anything else is one clear error.

    Excel saves "CSV" as cp1252 unless told otherwise. Guessing the encoding would
    put wrong letters in names without anyone noticing, so the user is told which
    byte on which line is not UTF-8 and how to save the file properly.
    """
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise UnreadableInput(f"{path}: not UTF-8 text (byte 0x{raw[e.start]:02x} on line {line}); save it as UTF-8 "
                       "(in Excel: Save As > CSV UTF-8) and import again") from None


def read_grants(path) -> list[tuple[int, dict]]:
    """(row number, grant as 360Giving JSON) from a JSON or CSV file; CSV rows numbered as lines.

    A file with no grants (empty, a CSV header only, a CSV without 360Giving
    columns, an empty grants list) is an UnreadableInput error: importing it would report
    success and add nothing.
    """
    path = Path(path)
    text = _read_text(path)
    if path.suffix.lower() == ".csv" or not text.lstrip().startswith(("{", "[")):
        try:
            rows = _csv_grants(text)
        except csv.Error as e:
            raise UnreadableInput(f"{path}: not readable as CSV ({e}); expected a 360Giving CSV file") from None
        if not rows:
            raise UnreadableInput(f"no grants found in {path} ({NO_GRANTS_HINT})")
        return rows
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
    return list(enumerate(grants, start=1))


def _csv_grants(text: str) -> list[tuple[int, dict]]:
    """Grants from CSV rows; none at all when no column is a 360Giving grant id column."""
    reader = csv.DictReader(io.StringIO(text))
    if not any(CSV_COLUMNS.get((c or "").strip().lower()) == "id" for c in reader.fieldnames or ()):
        return []
    out = []
    for row in reader:
        g: dict = {}
        for col, value in row.items():
            key = CSV_COLUMNS.get((col or "").strip().lower()) if isinstance(col, str) else None
            if key is None or not isinstance(value, str) or value == "":
                continue
            head, _, tail = key.partition(".")
            if tail:
                g.setdefault(head, {})[tail] = value
            else:
                g[key] = value
        if "recipient" in g:
            g["recipientOrganization"] = [g.pop("recipient")]
        if "funder" in g:
            g["fundingOrganization"] = [g.pop("funder")]
        if "place" in g:
            g["beneficiaryLocation"] = [g.pop("place")]
        if "start" in g or "end" in g or "duration" in g:
            g["plannedDates"] = [{"startDate": g.pop("start", None), "endDate": g.pop("end", None),
                                  "duration": g.pop("duration", None)}]
        out.append((reader.line_num, g))
    return out


def _amount(value):
    """A finite number >= 0 (ints kept as ints), else None: 1e400 would be written as .inf."""
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            return None
        if not math.isfinite(value):
            return None
        # a whole number only while a float holds it exactly (2**53): 1e150 stays a float, which the data
        # files read back; as an int it would be 151 digits, beyond what the loader accepts
        value = int(value) if value.is_integer() and abs(value) <= 2 ** 53 else value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return None
    if isinstance(value, int) and len(str(value)) > MAX_INT_DIGITS:  # more digits than the data files may hold
        return None
    return value


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
    if said and primary is None:
        if secondary:
            primary, secondary = secondary[0], secondary[1:]
            warnings.append(f"{what} id {said}; used {primary} from its register number")
        elif str(org.get("id") or "").strip():
            warnings.append(f"{what} id {said}; the organisation is kept by its name")
    elif said:
        if " " in str(org.get("id")).strip() and secondary and primary not in secondary:
            # a mangled id and a clean number that disagree: the number, typed in its own column, is trusted
            warnings.append(f"{what} id {org.get('id')!r} has spaces inside; used {secondary[0]} from its "
                            f"register number ({primary} differs)")
            primary = secondary[0]
        else:
            warnings.append(f"{what} id {said}")
    secondary = [i for i in secondary if i != primary]
    return {"primary": primary, "secondary": secondary, "odd_numbers": odd, "name": name, "raw": org}


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


def check_grant(grant, order: str | None = None) -> tuple[dict | None, list[str], list[str]]:
    """(the grant's cleaned fields or None, what is wrong with it, what was repaired in it)."""
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
    currency = _text(grant.get("currency")).upper()
    if not is_currency(currency):
        errors.append(f"bad currency {grant.get('currency')!r} (expected an ISO 4217 code such as GBP)")
    amount = _amount(grant.get("amountAwarded"))
    if amount is None:
        errors.append(f"bad amountAwarded {grant.get('amountAwarded')!r} (expected a finite number >= 0)")
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
    start, end, note = given.get("startDate"), given.get("endDate"), None
    months = _months(planned.get("duration"))
    if start is None:
        start = award
        if end is None and months:
            end = add_months(award, months)
            note = f"End estimated from the award date and a planned duration of {months} months."
    elif end is None and months:
        end = add_months(start, months)
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
            "currency": currency, "amount": amount, "award": award, "funder": funder, "recipient": recipient,
            "start": start, "end": end, "dates_note": note, "places": places, "programme": programme or None}, [], \
        warnings


def _date_texts(rows):
    for row, g in rows:
        if isinstance(g, dict):
            yield row, g.get("awardDate")
            yield row, g.get("dateModified")
            planned = _first(g.get("plannedDates"))
            yield row, planned.get("startDate")
            yield row, planned.get("endDate")


def _publisher(path: Path, grants: list[dict]) -> str:
    """The import's folder name: the one funder's name, else the file's name (a multi-funder file)."""
    funders = {g["funder"]["primary"] or g["funder"]["name"] for g in grants}
    if len(funders) == 1:
        return slug(grants[0]["funder"]["name"]) or slug(path.stem)
    return slug(path.stem) or "grants"


def import_360giving(path, out_dir, *, skip_invalid: bool = False, dates: str | None = None,
                     source_name: str | None = None, progress=None) -> ImportResult:
    """Read a 360Giving file and write its funders, recipients, grants and places as the folder's own import files.

    ``dates``: ``dmy`` or ``mdy`` for a file whose slash dates no value settles.
    ``progress``: called with (done, total) while grants are turned into entries.
    """
    path = Path(path)
    rows = read_grants(path)
    order = dates or slash_order(_date_texts(rows), str(path))
    result = ImportResult()
    grants: list[dict] = []
    problems: list[RowProblem] = []
    seen: dict[str, tuple[int, dict]] = {}  # grant id -> (first row, raw grant)
    for row, raw in rows:
        raw, mended = _mend_surrogates(raw)
        grant, errors, warned = check_grant(raw, order)
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
        problems.extend(RowProblem(row, gid, e) for e in errors)
        result.warnings.extend(RowProblem(row, gid, w) for w in warned)
        if grant:
            grant["row"] = row
            grants.append(grant)
    if problems and (not skip_invalid or not grants):
        raise ImportFailed(problems, path, none_valid=not grants)
    result.skipped = problems
    own = f"imports/360giving-{slug(source_name) if source_name else _publisher(path, grants)}"
    index = FolderIndex(out_dir, own)
    builder = GraphBuilder(index, source=path.name)
    for i, g in enumerate(grants, start=1):
        result.grants += 1
        result.total_amount[g["currency"]] = result.total_amount.get(g["currency"], 0) + g["amount"]
        if not builder.add_grant(g):
            result.already += 1
        if progress and (i % 500 == 0 or i == len(grants)):
            progress(i, len(grants))
    result.warnings.extend(RowProblem(row, gid, w) for row, gid, w in builder.warnings)
    result.warnings.sort(key=lambda p: p.row)
    entries = builder.entries()
    result.added = {kind: sum(1 for e in es if e["id"] not in index.own_ids) for kind, es in entries.items()}
    result.folder = index.root / own
    from ..sources import Source

    file_date = _dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    cited = Source(key=path.name, title=f"360Giving grants file {path.name}", kind="360Giving data file",
                   date=file_date, file=path.name)
    result.written = write_import(index, entries, command=f"lcg import 360giving {path.name}", source=cited)
    return result
