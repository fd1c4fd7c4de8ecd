"""360Giving spreadsheet column titles -> the JSON path of the grant field each one holds.

Most 360Giving files are spreadsheets made the standard's way (flatten-tool
``--use-titles --rollup``): a column is titled with the schema's titles joined by
``:``, an array's item given by its index (``Beneficiary Location:1:Name`` is
``beneficiaryLocation[1].name``) or, rolled up, without one (the first item:
``Recipient Org:Identifier``). Some tools write the JSON path instead
(``recipientOrganization/0/id``), and GrantNav's exports add columns of their own
(region, district, ward). This module turns any of these headers into a path
(a tuple of names and indexes) so one reader serves CSV and XLSX alike.

The title table below is the 360Giving Data Standard's grant schema
(ThreeSixtyGiving/standard, ``schema/360-giving-schema.json``, standard 1.x;
MIT licence, Copyright (c) 2014 ThreeSixtyGiving), kept to each property's name
and title; ``tests/fixtures/360giving/`` holds that schema with its licence and a
test checks this table against it. Titles are matched ignoring case and spacing,
because people retype them; JSON names with no ``/`` are matched as written (JSON
names are case-sensitive: a publisher's own ``ID`` column is not the grant's ``id``).
"""

from __future__ import annotations

import difflib
import re

__all__ = ["GRANT", "column_path", "is_number", "list_separator", "norm_title"]

_LOCATION = {"id": "Identifier", "name": "Name", "countryCode": "Country Code", "latitude": "Latitude",
             "longitude": "Longitude", "description": "Description", "geoCode": "Geographic Code",
             "geoCodeType": "Geographic Code Type", "dateModified": "Last modified"}
_ORGANIZATION = {"id": "Identifier", "name": "Name", "department": "Department", "contactName": "Contact Name",
                 "charityNumber": "Charity Number", "companyNumber": "Company Number",
                 "streetAddress": "Street Address", "addressLocality": "City", "addressRegion": "County",
                 "addressCountry": "Country", "postalCode": "Postal Code", "telephone": "Phone Number",
                 "alternateName": "Alternate Name", "email": "Email", "description": "Description",
                 "organisationType": "Organisation Type", "url": "Web Address",
                 "location": ("Location", _LOCATION), "dateModified": "Last modified"}
_EVENT = {"title": "Title", "startDate": "Start Date", "endDate": "End Date", "duration": "Duration (months)",
          "description": "Description", "dateModified": "Last modified"}
_CLASSIFICATION = {"vocabulary": "Vocabulary", "code": "Code", "title": "Title", "description": "Description",
                   "url": "URL", "dateModified": "Last modified"}
_PROGRAMME = {"code": "Code", "title": "Title", "description": "Description", "url": "URL",
              "dateModified": "Last modified"}
_DOCUMENT = {"id": "Identifier", "title": "Title", "url": "Web Address", "description": "Description",
             "documentType": "Document Type", "dateModified": "Last modified"}
_TRANSACTION = {"id": "Identifier", "transactionDate": "Transaction date", "currency": "Currency", "value": "Value",
                "valueDate": "Value date", "description": "Description", "provider": "Provider",
                "recipient": "Recipient", "dateModified": "Last modified"}
#: A grant's properties: name -> title, or (title, item properties) for an array of objects. The three
#: transaction arrays have no title in the schema; flatten-tool then uses the name.
GRANT: dict = {
    "id": "Identifier", "title": "Title", "description": "Description", "currency": "Currency",
    "amountAppliedFor": "Amount Applied For", "amountAwarded": "Amount Awarded",
    "amountDisbursed": "Amount Disbursed", "awardDate": "Award Date", "url": "URL",
    "plannedDates": ("Planned Dates", _EVENT), "actualDates": ("Actual Dates", _EVENT),
    "recipientOrganization": ("Recipient Org", _ORGANIZATION),
    "beneficiaryLocation": ("Beneficiary Location", _LOCATION),
    "fundingOrganization": ("Funding Org", _ORGANIZATION), "grantProgramme": ("Grant Programme", _PROGRAMME),
    "fromOpenCall": "From an open call?", "fundingType": ("Funding Type", _CLASSIFICATION),
    "classifications": ("Classifications", _CLASSIFICATION), "relatedDocument": ("Related Document", _DOCUMENT),
    "applicationTransaction": ("applicationTransaction", _TRANSACTION),
    "commitmentTransaction": ("commitmentTransaction", _TRANSACTION),
    "disbursementTransaction": ("disbursementTransaction", _TRANSACTION),
    "relatedActivity": "Related Activity", "dateModified": "Last modified", "dataSource": "Data Source",
}
#: Fields whose cells stay numbers (the schema's ``"type": "number"``); every other cell is read as text.
_NUMBERS = {("amountAppliedFor",), ("amountAwarded",), ("amountDisbursed",)}
#: Arrays of strings, written in one cell separated by ``;`` (flatten-tool's way); org-ids hold no comma or
#: space, so GrantNav's list of a recipient's org-ids is split at those too, whatever separator an export used.
_TEXT_LISTS = {("relatedActivity",): re.compile(r"\s*;\s*"),
               ("additional_data", "recipientOrgInfos", "orgIDs"): re.compile(r"[;,\s]+")}

#: GrantNav's own columns (not the standard's) -> where its JSON puts the same value (``additional_data``).
#: Three generations of GrantNav's CSV export, from its ``grantnav/csv_layout.py`` (ThreeSixtyGiving/grantnav):
#: the oldest titles (``Recipient Region``...); then ``Best Available Recipient ... (additional data)``; today's
#: titles come from the standard's ``schema/additional-data-schema.json`` plus `` (additional data)``.
_GRANTNAV = {
    "recipientRegionName": ("Recipient Region", "Best Available Recipient Region (additional data)",
                            "Recipient Region Name (additional data)"),
    "recipientDistrictName": ("Recipient District", "Best Available Recipient District (additional data)",
                              "Recipient District Name (additional data)"),
    "recipientDistrictGeoCode": ("Recipient District Geographic Code",
                                 "Best Available Recipient District Geographic Code (additional data)",
                                 "Recipient District Geographic Code (additional data)"),
    "recipientWardName": ("Recipient Ward", "Best Available Recipient Ward (additional data)",
                          "Ward Name (additional data)"),
    "recipientWardNameGeoCode": ("Recipient Ward Geographic Code",
                                 "Best Available Recipient Ward Geographic Code (additional data)",
                                 "Ward Name Geo Code (additional data)"),
    "recipientOrganizationCanonical/id": ("Recipient Org: Canonical Org ID (additional data)",),
    "recipientOrganizationCanonical/name": ("Recipient Org: Canonical Name (additional data)",),
    "recipientOrgInfos/0/orgIDs": ("Recipient Org: Org ID(s) (additional data)",
                                   "Recipient Org Info: Organisation Identifiers (additional data)"),
}
#: GrantNav's other columns (same source): known, not grant fields the importer reads, and not misspelt titles.
_GRANTNAV_OTHER = ("Data Source", "Publisher:Name", "Publisher Name", "Grant Type", "Regrant Type",
                   "Funding Type Title", "Date Modified", "License", "License (see note)",
                   "Retrieved for use in GrantNav", "Type of Recipient", "Recipient Individual Id",
                   "Recipient Individual Name")


def norm_title(text: str) -> str:
    """A title as compared: case and spacing ignored (``Recipient org : identifier`` = ``Recipient Org:Identifier``)."""
    return re.sub(r"\s*:\s*", ":", " ".join(str(text).split())).casefold()


def _index(props: dict) -> dict:
    return {norm_title(v if isinstance(v, str) else v[0]): k for k, v in props.items()}


_GRANTNAV_PATHS = {norm_title(t): ("additional_data", *(int(p) if p.isdigit() else p for p in k.split("/")))
                   for k, ts in _GRANTNAV.items() for t in ts}
_GRANTNAV_KNOWN = {norm_title(t) for t in _GRANTNAV_OTHER}
_TITLES: dict[int, dict] = {}


def _all_titles(props: dict, prefix: str = "") -> dict[str, str]:
    """Every column title, rolled up (``Recipient Org:Location:Name``), normalised -> as the standard writes it."""
    out = {}
    for spec in props.values():
        if isinstance(spec, tuple):
            out.update(_all_titles(spec[1], prefix + spec[0] + ":"))
        else:
            out[norm_title(prefix + spec)] = prefix + spec
    return out


_ALL_TITLES = _all_titles(GRANT)


def _titles(props: dict) -> dict:
    key = id(props)
    if key not in _TITLES:
        _TITLES[key] = _index(props)
    return _TITLES[key]


def _from_titles(parts: list[str]) -> tuple | None:
    """``["Recipient Org", "Location", "0", "Name"]`` -> ``("recipientOrganization", 0, "location", 0, "name")``."""
    props: dict | None = GRANT
    path: list = []
    i = 0
    while i < len(parts):
        if props is None:
            return None
        name = _titles(props).get(norm_title(parts[i]))
        if name is None:
            return None
        spec = props[name]
        path.append(name)
        i += 1
        if isinstance(spec, tuple):
            if i < len(parts) and parts[i].strip().isdigit():
                path.append(int(parts[i]))
                i += 1
            else:
                path.append(0)  # rolled up: the first item
            props = spec[1]
        else:
            props = None
            if i < len(parts):
                return None
    return tuple(path) if props is None else None


def _from_json_path(parts: list[str]) -> tuple:
    """``recipientorganization/0/id`` -> ``("recipientOrganization", 0, "id")``: known names in their JSON case."""
    props: dict | None = GRANT
    path: list = []
    for part in parts:
        part = part.strip()
        if part.isdigit():
            path.append(int(part))
            continue
        known = {k.casefold(): k for k in props} if props else {}
        name = known.get(part.casefold(), part)
        if props and name in props and isinstance(props[name], tuple):
            path.append(name)
            props = props[name][1]
            continue
        path.append(name)
        props = None
    # an array named without an index is its first item, as in a rolled-up title
    out: list = []
    spec: dict | None = GRANT
    for n, p in enumerate(path):
        out.append(p)
        if isinstance(p, str) and spec and isinstance(spec.get(p), tuple):
            if n + 1 >= len(path) or not isinstance(path[n + 1], int):
                out.append(0)
            spec = spec[p][1]
        elif isinstance(p, str):
            spec = None
    return tuple(out)


def column_path(header) -> tuple[tuple | None, str | None]:
    """(the JSON path a column holds, or None; for a column not read that looks like one of the standard's
    titles, the title it is closest to, or "" when none is close).

    A header is read, in order, as GrantNav's own column, as the standard's title
    path, as a JSON path (``a/0/b``), or as a grant property's own JSON name.
    A header within a few letters of a title (``Award Dte``, ``Recipient
    Org:Identifer``), or that starts with one of the standard's lists and goes on
    with something the standard does not have, is one the publisher meant as a
    title: it is reported rather than passed over as the publisher's own.
    """
    if not isinstance(header, str) or not header.strip():
        return None, None
    text = " ".join(header.split())
    norm = norm_title(text)
    if norm in _GRANTNAV_PATHS:
        return _GRANTNAV_PATHS[norm], None
    if norm.endswith("(additional data)") or norm in _GRANTNAV_KNOWN:
        return None, None  # GrantNav's other additions (licences, incomes...): not grant fields
    parts = text.split(":")
    if len(parts) > 1 or "/" not in text:
        found = _from_titles(parts)
        if found:
            return found, None
        if text in GRANT and not isinstance(GRANT[text], tuple):
            return (text,), None
        lower = {k.casefold(): k for k in GRANT if not isinstance(GRANT[k], tuple) and k.casefold() != k}
        if len(parts) == 1 and text in lower:  # today's lower-case spellings: amountawarded, awarddate
            return (lower[text],), None
        plain = re.sub(r":\d+(?=:|$)", "", norm)  # indexes left out, as in the rolled-up titles
        close = difflib.get_close_matches(plain, _ALL_TITLES, n=1, cutoff=0.85)
        if close:
            return None, _ALL_TITLES[close[0]]
        first = _titles(GRANT).get(norm_title(parts[0]))
        return None, "" if len(parts) > 1 and first is not None and isinstance(GRANT[first], tuple) else None
    return _from_json_path(text.split("/")), None


def is_number(path: tuple) -> bool:
    """Whether a cell of this field keeps its number (amounts); every other field is text."""
    return path in _NUMBERS


def list_separator(path: tuple) -> re.Pattern | None:
    """For a field that is a list of strings written in one cell (``a;b``), the separator; else None."""
    return _TEXT_LISTS.get(tuple(p for p in path if not isinstance(p, int)))
