"""Importing 360Giving grants (JSON or CSV) as organisations, projects and places.

360Giving is the UK's open grants format; funders publish every grant with the
funder's and the recipient's org-ids. A grant becomes a project (``type:
grant``) whose ``identifiers`` keep the grant id, with a ``funders`` tie
(amount, currency, award date) and a ``partners`` tie to the recipient (role
lead); places come from ``beneficiaryLocation``; a ``grantProgramme`` becomes a
Network of type programme (funded by the funder) that the grant is ``part_of``.

Ids are derived from the published identifiers, and entries already in the
output folder (matched by org-id, grant id or place id) are left alone, so a
second import of the same file adds nothing. Every row is checked first: if
any is malformed, nothing is written (unless ``skip_invalid``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import dates
from ..errors import LcgError
from ..identifiers import is_currency, is_org_id
from .yaml_out import ExistingData, slug, write_entries

__all__ = ["ImportResult", "RowProblem", "import_360giving", "read_grants", "ImportFailed"]

#: Same rule as the validator's ``orgid`` fields.
#: 360Giving CSV column titles (and the JSON paths some tools write) -> grant field.
CSV_COLUMNS = {
    "identifier": "id", "id": "id", "title": "title", "description": "description", "currency": "currency",
    "amount awarded": "amountAwarded", "amountawarded": "amountAwarded", "award date": "awardDate",
    "awarddate": "awardDate",
    "recipient org:identifier": "recipient.id", "recipientorganization/0/id": "recipient.id",
    "recipient org:name": "recipient.name", "recipientorganization/0/name": "recipient.name",
    "recipient org:charity number": "recipient.charityNumber",
    "recipient org:company number": "recipient.companyNumber",
    "funding org:identifier": "funder.id", "fundingorganization/0/id": "funder.id",
    "funding org:name": "funder.name", "fundingorganization/0/name": "funder.name",
    "planned dates:start date": "start", "planned dates:end date": "end",
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
    added: dict = field(default_factory=dict)  # file -> entries added
    already: dict = field(default_factory=dict)  # file -> entries already present
    skipped: list = field(default_factory=list)  # RowProblem


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
        raise LcgError(f"{path}: not UTF-8 text (byte 0x{raw[e.start]:02x} on line {line}); save it as UTF-8 "
                       "(in Excel: Save As > CSV UTF-8) and import again") from None


def read_grants(path) -> list[tuple[int, dict]]:
    """(row number, grant as 360Giving JSON) from a JSON or CSV file; CSV rows numbered as lines.

    A file with no grants (empty, a CSV header only, a CSV without 360Giving
    columns, an empty grants list) is an LcgError: importing it would report
    success and add nothing.
    """
    path = Path(path)
    text = _read_text(path)
    if path.suffix.lower() == ".csv" or not text.lstrip().startswith(("{", "[")):
        grants = _csv_grants(text)
        if not grants:
            raise LcgError(f"no grants found in {path} ({NO_GRANTS_HINT})")
        return grants
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise LcgError(f"{path}: not valid JSON at line {e.lineno} column {e.colno} ({e.msg}); "
                       "expected a 360Giving file with a \"grants\" list") from None
    grants = data.get("grants") if isinstance(data, dict) else data
    if not isinstance(grants, list):
        raise LcgError(f"{path}: no \"grants\" list found (expected a 360Giving JSON file)")
    if not grants:
        raise LcgError(f"no grants found in {path} ({NO_GRANTS_HINT})")
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
            key = CSV_COLUMNS.get((col or "").strip().lower())
            if key is None or value is None or value == "":
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
        if "start" in g or "end" in g:
            g["plannedDates"] = [{"startDate": g.pop("start", None), "endDate": g.pop("end", None)}]
        out.append((reader.line_num, g))
    return out


def _date(value) -> str | None:
    """YYYY-MM-DD from the start of ``value`` if that is a real date (not 2020-02-30), else None."""
    return dates.iso_day_prefix(value)


def _looks_like_date(value) -> bool:
    return isinstance(value, str) and re.match(r"\s*\d{4}-\d{2}-\d{2}", value) is not None


def _amount(value):
    """A finite number >= 0 (ints kept as ints), else None: 1e400 would be written as .inf."""
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
        if not math.isfinite(value):
            return None
        value = int(value) if value.is_integer() else value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return None
    return value


def _org(grant: dict, key: str, what: str, errors: list) -> dict | None:
    orgs = grant.get(key)
    org = orgs[0] if isinstance(orgs, list) and orgs and isinstance(orgs[0], dict) else None
    if org is None:
        errors.append(f"no {what} (expected {key} with id and name)")
        return None
    oid, name = str(org.get("id") or "").strip(), str(org.get("name") or "").strip()
    if not is_org_id(oid):
        errors.append(f"bad {what} id {oid!r} (expected an org-id such as GB-CHC-1164883 or 360G-...)")
    if not name:
        errors.append(f"{what} has no name")
    return {**org, "id": oid, "name": name}


def check_grant(grant) -> tuple[dict | None, list[str]]:
    """The grant's cleaned fields, or the list of what is wrong with it."""
    if not isinstance(grant, dict):
        return None, ["not a grant object"]
    errors: list[str] = []
    gid = str(grant.get("id") or "").strip()
    if not gid:
        errors.append("no grant id (expected id / Identifier)")
    title = str(grant.get("title") or "").strip()
    if not title:
        errors.append("no title")
    currency = str(grant.get("currency") or "").strip()
    if not is_currency(currency):
        errors.append(f"bad currency {currency!r} (expected an ISO 4217 code such as GBP)")
    amount = _amount(grant.get("amountAwarded"))
    if amount is None:
        errors.append(f"bad amountAwarded {grant.get('amountAwarded')!r} (expected a finite number >= 0)")
    award = _date(grant.get("awardDate"))
    if award is None:
        errors.append(f"bad awardDate {grant.get('awardDate')!r} (expected a real date YYYY-MM-DD)")
    planned = grant.get("plannedDates")
    planned = planned[0] if isinstance(planned, list) and planned and isinstance(planned[0], dict) else {}
    for key in ("startDate", "endDate"):  # a date-like value that is no real date would fail `lcg validate`
        if _looks_like_date(planned.get(key)) and _date(planned.get(key)) is None:
            errors.append(f"bad plannedDates {key} {planned.get(key)!r} (expected a real date YYYY-MM-DD)")
    funder = _org(grant, "fundingOrganization", "funding organisation", errors)
    recipient = _org(grant, "recipientOrganization", "recipient organisation", errors)
    if errors:
        return None, errors
    places = [p for p in grant.get("beneficiaryLocation") or [] if isinstance(p, dict) and p.get("name")]
    programme = grant.get("programme") or next(
        (p.get("title") for p in grant.get("grantProgramme") or [] if isinstance(p, dict) and p.get("title")), None)
    return {"id": gid, "title": title, "description": str(grant.get("description") or "").strip(),
            "currency": currency, "amount": amount, "award": award, "funder": funder, "recipient": recipient,
            "start": _date(planned.get("startDate")) or award, "end": _date(planned.get("endDate")),
            "places": places, "programme": programme}, []


def _org_identifiers(org: dict) -> list[str]:
    ids = [org["id"]]
    for field_name, prefix in (("charityNumber", "GB-CHC-"), ("companyNumber", "GB-COH-")):
        number = str(org.get(field_name) or "").strip().replace(" ", "")
        if number and is_org_id(prefix + number) and prefix + number not in ids:
            ids.append(prefix + number)
    return ids


def import_360giving(path, out_dir, *, skip_invalid: bool = False) -> ImportResult:
    """Read a 360Giving file and add its funders, recipients, grants and places to ``out_dir``."""
    path = Path(path)
    source = path.name
    result = ImportResult()
    grants, problems = [], []
    seen: dict[str, tuple[int, dict]] = {}  # grant id -> (first row, raw grant)
    for row, raw in read_grants(path):
        grant, errors = check_grant(raw)
        gid = str(raw.get("id") or "") if isinstance(raw, dict) else ""
        if grant and gid in seen:
            first_row, first = seen[gid]
            if raw != first:  # an exact repeat is harmless; a different one would be silently dropped
                errors = [f"grant id repeated (first on row {first_row}) with different content"]
            grant = None
        elif grant:
            seen[gid] = (row, raw)
        problems.extend(RowProblem(row, gid, e) for e in errors)
        if grant:
            grants.append(grant)
    if problems and (not skip_invalid or not grants):
        raise ImportFailed(problems, path, none_valid=not grants)
    result.skipped = problems
    existing = ExistingData(out_dir)
    orgs, projects, places, programmes = [], [], [], []
    org_ids: dict[str, str] = {}  # org-id -> node id
    place_ids: dict[str, str] = {}
    programme_ids: dict[tuple[str, str], str] = {}

    def org_entry(org: dict, role: str) -> str:
        idents = _org_identifiers(org)
        known = next((org_ids[i] for i in idents if i in org_ids), None) or existing.by_identifier(idents)
        if known:
            for i in idents:
                org_ids.setdefault(i, known)
            return known
        node_id = existing.free_id(slug(org["name"]) or slug(org["id"]), slug(org["id"]))
        for i in idents:
            org_ids[i] = node_id
        entry = {"id": node_id, "name": org["name"], "type": role, "identifiers": idents, "sources": [source]}
        region = org.get("addressRegion")
        if region:
            entry["note"] = f"Address region as published: {region}"
        orgs.append(entry)
        return node_id

    def place_entry(place: dict) -> str:
        code = str(place.get("geoCode") or "").strip()
        key = code or place["name"].strip().lower()
        if key in place_ids:
            return place_ids[key]
        node_id = slug(place["name"]) or slug(code)
        if existing.has_id(node_id):
            place_ids[key] = node_id
            return node_id
        node_id = existing.free_id(node_id, slug(place["name"], code))
        place_ids[key] = node_id
        entry = {"id": node_id, "name": place["name"].strip(), "sources": [source]}
        if place.get("geoCodeType"):
            entry["type"] = str(place["geoCodeType"])
        if code:
            entry["note"] = f"Geographic code {code}" + (f" ({place['geoCodeType']})" if place.get("geoCodeType") else "")
        places.append(entry)
        return node_id

    def programme_entry(funder: str, title: str) -> str:
        """The funder's grant programme as a Network of type programme, so "same programme" is a fact in the graph.

        Its id comes from the funder and the title (a second import finds the same id);
        two funders' programmes with one title stay two nodes.
        """
        key = (funder, title.strip().lower())
        if key in programme_ids:
            return programme_ids[key]
        node_id = slug(funder, "programme", title)
        programme_ids[key] = node_id
        if not existing.has_id(node_id):
            existing.ids.add(node_id)
            programmes.append({"id": node_id, "name": title.strip(), "type": "programme",
                               "funders": [funder], "sources": [source]})
        return node_id

    for g in grants:
        result.grants += 1
        result.total_amount[g["currency"]] = result.total_amount.get(g["currency"], 0) + g["amount"]
        funder = org_entry(g["funder"], "funder")
        recipient = org_entry(g["recipient"], "charity" if g["recipient"]["id"].startswith("GB-CHC-") else "organisation")
        where = [place_entry(p) for p in g["places"]]
        if existing.project_by_identifier(g["id"]) or any(g["id"] in p["identifiers"] for p in projects):
            continue
        node_id = existing.free_id(slug(g["id"]), "grant-" + hashlib.sha1(g["id"].encode()).hexdigest()[:10])
        entry = {"id": node_id, "name": g["title"], "type": "grant"}
        if g["description"]:
            entry["description"] = g["description"]
        entry["start"] = g["start"]
        if g["end"]:
            entry["end"] = g["end"]
        entry["identifiers"] = [g["id"]]
        entry["funders"] = [{"id": funder, "amount": g["amount"], "currency": g["currency"], "from": g["award"]}]
        entry["partners"] = [{"id": recipient, "role": "lead"}]
        if where:
            entry["located_in"] = sorted(set(where))
        if g["programme"]:
            entry["part_of"] = [programme_entry(funder, str(g["programme"]))]
        entry["sources"] = [source]
        projects.append(entry)
    by_file = {"organisations.yaml": orgs, "places.yaml": places, "networks.yaml": programmes,
               "projects.yaml": projects}
    for file, entries in by_file.items():
        result.added[file] = len(entries)
    result.already["projects.yaml"] = result.grants - len(projects)
    write_entries(out_dir, by_file)
    return result
