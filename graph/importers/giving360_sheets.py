"""Reading 360Giving spreadsheets (CSV, XLSX) into grants shaped as the standard's JSON.

A row becomes the grant the JSON file would hold, so one checker reads both:
each column's header is turned into a JSON path by :mod:`.giving360_titles`,
each cell is put at its path (amounts stay numbers, dates from date cells become
``YYYY-MM-DD``, every other cell is text), and rows are numbered as the
spreadsheet numbers them (the CSV line, the sheet's row).

An XLSX workbook's grants sheet is the one whose header has the standard's
``Identifier`` column; when several have one (flatten-tool's layout puts each
list in a sheet of its own, keyed by the grant's Identifier), the one that also
has ``Amount Awarded`` is the grants sheet and the others give the full lists
(e.g. every beneficiary location), which replace the first item rolled up into
the grants sheet. Formulas are read as the values Excel last computed
(``data_only``); a workbook saved by a tool that does not compute them has none.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UnreadableInput
from ..identifiers import totals_row
from .giving360_titles import column_path, is_number, list_separator

__all__ = ["SheetGrants", "csv_grants", "xlsx_grants", "ODS_HINT", "grants_list_lacks"]

ODS_HINT = "save it as .xlsx or .csv (File > Save As) and import that"


@dataclass
class SheetGrants:
    rows: list = field(default_factory=list)  # (row number, grant dict)
    notes: list = field(default_factory=list)  # (sheet or None, row or 0, message): columns not read, sheets chosen
    sheet: str | None = None  # the grants sheet of a workbook
    file_warnings: list = field(default_factory=list)  # str: said of the whole file (read as Windows-1252)


def _cell(value, path: tuple):
    """A cell as the JSON file would hold it, or None for an empty one."""
    if value is None:
        return None
    if isinstance(value, str):
        if not value.strip():
            return None
        separator = list_separator(path)
        return [s for s in separator.split(value.strip()) if s] if separator else value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if is_number(path):
            return value
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return str(value)


def _put(grant: dict, path: tuple, value) -> None:
    """Set ``value`` at ``path`` (names and indexes), making the dicts and lists on the way."""
    here: dict | list = grant
    for step, nxt in zip(path, path[1:]):
        fresh: list | dict = [] if isinstance(nxt, int) else {}
        if isinstance(step, int):
            if not isinstance(here, list):
                return
            while len(here) <= step:
                here.append({})
            if not isinstance(here[step], type(fresh)):
                return
            here = here[step]
        else:
            if not isinstance(here, dict):
                return
            here = here.setdefault(step, fresh)
            if not isinstance(here, type(fresh)):
                return
    last = path[-1]
    if isinstance(last, int):
        if isinstance(here, list):
            while len(here) <= last:
                here.append({})
            here[last] = value
    elif isinstance(here, dict):
        here[last] = value


class _Header:
    """The columns of one header row: their paths, and what is said about the others once."""

    def __init__(self, cells, row: int):
        self.paths: list[tuple | None] = []
        self.notes: list[tuple[int, str]] = []  # (row, message)
        used: dict[tuple, str] = {}
        for cell in cells:
            path, near = column_path(cell)
            name = " ".join(str(cell).split()) if cell is not None else ""
            if path is not None and path in used:
                self.notes.append((row, f"column {name!r} gives the same field as {used[path]!r}, which was used; "
                                        f"{name!r} was not read"))
                path = None
            elif path is not None:
                used[path] = name
            elif near:
                self.notes.append((row, f"column {name!r} looks like the 360Giving title {near!r} but is not "
                                        f"spelt as one; it was not read (rename it to {near!r} if that is what it "
                                        "holds)"))
            elif near == "":
                self.notes.append((row, f"column {name!r} looks like a 360Giving title but is not one the "
                                        "importer knows; it was not read (check it against the standard's titles)"))
            self.paths.append(path)
        amount = [i for i, c in enumerate(cells) if isinstance(c, str) and " ".join(c.split()).casefold() == "amount"]
        if ("amountAwarded",) not in self.paths and len(amount) == 1 and any(p for p in self.paths if p != ("id",)):
            # a grants file's one amount is what was awarded (the standard's Amount Applied For and Amount Disbursed
            # are named so): a trial's file titled it "Amount", and every grant was refused as having none
            self.paths[amount[0]] = ("amountAwarded",)
            self.notes.append((row, "column 'Amount' read as Amount Awarded (the standard's title), the file having "
                                    "no Amount Awarded column"))

    @property
    def grants_list(self) -> bool:
        """Whether the columns are a list of grants with no Identifier column (``grants_list_lacks``)."""
        return ("id",) not in self.paths and grants_list_lacks(self.paths) is not None

    @property
    def has_id(self) -> bool:
        """An Identifier column and another the standard knows (a guidance sheet's "Identifier" row is no header)."""
        return ("id",) in self.paths and sum(p is not None for p in self.paths) > 1

    def grant(self, cells) -> dict:
        g: dict = {}
        for path, value in zip(self.paths, cells):
            if path is not None:
                value = _cell(value, path)
                if value is not None:
                    _put(g, path, value)
        _name_grantnav_info(g)
        return g


def _name_grantnav_info(g: dict) -> None:
    """Give GrantNav's org-ids column the recipient it describes, as its JSON does (``recipientOrgInfos[0].id``).

    GrantNav's CSV has the list of the recipient's org-ids but not the id of the
    register entry they come from; the list belongs to the recipient when it holds
    the recipient's own id (GrantNav found the entry by it).
    """
    extra = g.get("additional_data")
    infos = extra.get("recipientOrgInfos") if isinstance(extra, dict) else None
    info = infos[0] if isinstance(infos, list) and infos and isinstance(infos[0], dict) else None
    recipient = g.get("recipientOrganization")
    org = recipient[0] if isinstance(recipient, list) and recipient and isinstance(recipient[0], dict) else {}
    own = str(org.get("id") or "").strip()
    if info is not None and "id" not in info and own and own in (info.get("orgIDs") or ()):
        info["id"] = own


#: What every 360Giving grant gives, by its column's title: its id, what it is, how much, when, who paid and who was
#: paid (the currency may come from --currency: ``giving360.import_360giving``).
GRANT_NEEDS = ((("id",), "Identifier"), (("title",), "Title"), (("amountAwarded",), "Amount Awarded"),
               (("awardDate",), "Award Date"), (("fundingOrganization", 0, "name"), "Funding Org:Name"),
               (("recipientOrganization", 0, "name"), "Recipient Org:Name"))


def grants_list_lacks(paths) -> list[str] | None:
    """The titles of ``GRANT_NEEDS`` that columns read as ``paths`` (``giving360_titles.column_path``'s) lack, when
    they are a list of grants: a column of the standard's recipient or funder ("Recipient Org:Name") and one of the
    grant itself (Title, Amount Awarded, Award Date), which a list of bodies does not have; None when they are not.
    A food trial's "Recipient Org:Name, Recipient Org:Identifier, Recipient Org:Postal Code, Title, Amount Awarded"
    sheet, with no Identifier column, was told by `lcg import 360giving` only that it had none, and by `lcg import
    sheet` nothing of the grants importer at all."""
    paths = {p for p in paths if p}
    org = any(p[0] in ("recipientOrganization", "fundingOrganization") for p in paths)
    grant = bool(paths & {("title",), ("amountAwarded",), ("awardDate",)})
    if not (org and grant):
        return None
    return [title for path, title in GRANT_NEEDS if path not in paths]


#: How many rows above the header a sheet may have (a title, a date, a licence line).
HEADER_SEARCH = 10


def _find_header(rows) -> tuple[int, _Header] | None:
    """The header: the first of the first few non-blank rows that has the Identifier column or is a list of grants
    (``grants_list_lacks``), else the first row.

    Publishers' sheets sometimes start with a title or a licence line; a header
    without Identifier is still returned, so the caller can say what was found.
    """
    first = None
    for n, (row, cells) in enumerate(rows):
        header = _Header(cells, row)
        if header.has_id or header.grants_list:  # (``rows`` read on from here: the grants follow their header)
            return row, header
        first = first or (row, header)
        if n + 1 >= HEADER_SEARCH:
            break
    return first


def _ids_from_rows(path: Path, sheet: str | None, header: _Header, out: SheetGrants) -> None:
    """Give a list of grants with no Identifier column (``grants_list_lacks``) ids made from the file's name and
    each grant's row ("hsf_grants.xlsx row 2"), said in a warning: the grants are the file's, its rows say which,
    and an id made so is the same on a re-import of the file as it is. A list lacking more than the id (no Award
    Date, no Funding Org:Name: when a grant was made, who paid) is no list of grants the import can write without
    making those up: one line names the columns to add."""
    lacks = [t for t in grants_list_lacks(header.paths) or () if t != "Identifier"]
    where = f"{path}{f', sheet {sheet!r},' if sheet else ''}"
    if lacks:
        _currency = "" if ("currency",) in header.paths else \
            "; a Currency column too, or import with --currency GBP if the amounts are in pounds"
        shown = ", ".join(lacks[:-1]) + (" and " if len(lacks) > 1 else "") + lacks[-1]
        raise UnreadableInput(
            f"{where} is a list of grants without {'a column' if len(lacks) == 1 else 'columns'} every 360Giving "
            f"grant gives: {shown}; add {'it' if len(lacks) == 1 else 'them'} (an Identifier column, each grant's "
            f"own id, too, or each grant is named by its row{_currency}) and import again")
    for n, g in out.rows:
        g["id"] = f"{path.name} row {n}"
    if out.rows:
        out.file_warnings.append(
            f"{f'sheet {sheet!r}: ' if sheet else ''}no Identifier column: each grant's id made "
            f"from the file's name and its row ({out.rows[0][1]['id']!r}...), the same on a re-import of this file "
            "as it is, not once rows are added, removed or sorted; to keep grants' ids, add an Identifier column "
            "with the funder's grant ids")


def _filled(rows):
    for row, cells in rows:
        if any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells):
            yield row, cells


def _without_notes_below(rows, sheet: str | None, out: SheetGrants) -> list:
    """The grant rows under the header, without the rows below the last grant that have one cell written, each
    said in a note: a publisher's or GrantNav's line below the grants ("Data published under the Open Government
    Licence; exported from GrantNav 2024-03-01"), which a trial's file had as its last row and which was refused
    as a grant with no title, amount, date, funder or recipient. A grant has many cells; one cell is no grant.
    A totals row ("Total awarded" and its sum: ``identifiers.totals_row``, the sheet importer's rule too) is passed
    over wherever it stands, said likewise: a trial's grants file stopped on one as a grant with no id or date."""
    rows = list(rows)
    def written(cells) -> int:
        return sum(c is not None and (not isinstance(c, str) or bool(c.strip())) for c in cells)

    end = len(rows)
    while end and written(rows[end - 1][1]) == 1:
        end -= 1
    if end == 0:  # no grant at all: nothing is a note below grants, and the file is said to hold none
        return rows
    for n, cells in rows[end:]:
        text = " ".join(str(next(c for c in cells if c is not None and str(c).strip())).split())
        out.notes.append((sheet, n, f"passed over {text!r}: a note below the grants (one cell written), not a grant"))
    kept = []
    for n, cells in rows[:end]:
        total = totals_row(cells)
        if total:
            out.notes.append((sheet, n, f"passed over {total[0]!r} ({', '.join(total[1])}): a totals row (a total's "
                                        "word, and figures beside it), not a grant"))
        else:
            kept.append((n, cells))
    return kept


def csv_grants(text: str, path: Path = Path("grants.csv")) -> SheetGrants:
    """Grants from CSV text, rows numbered as lines; none when no column is the grant's Identifier.

    Commas first; then ``;`` (Excel's "CSV" where the decimal mark is a comma)
    and tabs, taken only when the header then has the Identifier column.
    """
    out = SheetGrants()
    for delimiter in (",", ";", "\t"):
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        rows = _filled((reader.line_num, cells) for cells in reader)
        found = _find_header(rows)
        if found is not None and (found[1].has_id or found[1].grants_list):
            break
    else:
        return out
    out.notes.extend((None, row, msg) for row, msg in found[1].notes)
    for line, cells in _without_notes_below(rows, None, out):
        g = found[1].grant(cells)
        if g:
            out.rows.append((line, g))
    if not found[1].has_id:
        _ids_from_rows(path, None, found[1], out)
    return out


def _sheet_rows(ws):
    """(row number, cells) of a read-only sheet, numbered as the sheet numbers them (blank rows skipped)."""
    ws.reset_dimensions()  # a saved dimension can be wrong; read to the last row actually there
    yield from _filled(enumerate(ws.iter_rows(min_row=1, values_only=True), start=1))


def _list_prefix(paths) -> tuple | None:
    """The list a sub-sheet's rows are items of: the path up to its columns' last index.

    Columns that stop at an outer list are its parent's keys (flatten-tool's
    ``Recipient Org:Identifier`` beside ``Recipient Org:Location:Name``) and say
    nothing of the item; columns of two unrelated lists make the sheet unreadable.
    """
    prefixes = set()
    for p in paths:
        if p is None or p == ("id",):
            continue
        last = max((i for i, s in enumerate(p) if isinstance(s, int)), default=None)
        if last is None:
            return None
        prefixes.add(p[:last])
    if not prefixes:
        return None
    longest = max(prefixes, key=len)
    return longest if all(longest[:len(p)] == p for p in prefixes) else None


def xlsx_grants(path: Path) -> SheetGrants:
    """Grants from an .xlsx workbook's grants sheet (and the lists in its other sheets); see the module's doc."""
    from openpyxl import load_workbook

    with open(path, "rb") as fh:  # a file object: openpyxl refuses a path whose extension it does not know
        return _workbook_grants(path, fh, load_workbook)


def _workbook_grants(path: Path, fh, load_workbook) -> SheetGrants:
    try:
        book = load_workbook(fh, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds (zip, XML, key errors) for a file that is not a workbook
        raise UnreadableInput(f"{path}: not a readable .xlsx workbook ({e.__class__.__name__}); open it in a "
                              "spreadsheet, save it as .xlsx (or CSV UTF-8) and import again") from None
    try:
        sheets = {}
        for ws in book.worksheets:
            rows = _sheet_rows(ws)
            found = _find_header(rows)
            if found is not None:
                sheets[ws.title] = (found[0], found[1], rows)
        with_id = [name for name, (_, h, _) in sheets.items() if h.has_id]
        listed_grants = [name for name, (_, h, _) in sheets.items() if h.grants_list]
        if not with_id and len(listed_grants) == 1:  # a list of grants with no Identifier column (``_ids_from_rows``)
            name = listed_grants[0]
            _, header, rows = sheets[name]
            out = SheetGrants(sheet=name)
            out.notes.extend((name, row, msg) for row, msg in header.notes)
            for n, cells in _without_notes_below(rows, name, out):
                g = header.grant(cells)
                if g:
                    out.rows.append((n, g))
            _ids_from_rows(path, name, header, out)
            return out
        if not with_id:
            raise UnreadableInput(f"{path}: no sheet has the 360Giving Identifier column (sheets: "
                                  f"{', '.join(repr(s) for s in book.sheetnames)}); expected a grants sheet with "
                                  "Identifier, Title, Currency, Amount Awarded, Award Date, Recipient Org:Identifier, "
                                  "... columns")
        main = [n for n in with_id if ("amountAwarded",) in sheets[n][1].paths] or with_id
        if len(main) > 1:
            raise UnreadableInput(f"{path}: sheets {', '.join(repr(s) for s in main)} could each be the grants sheet "
                                  "(each has Identifier and Amount Awarded columns, or none has Amount Awarded); "
                                  "keep the grants in one sheet and import again")
        out = SheetGrants(sheet=main[0])
        _, header, rows = sheets[main[0]]
        out.notes.extend((main[0], row, msg) for row, msg in header.notes)
        by_id: dict[str, dict] = {}
        for n, cells in _without_notes_below(rows, main[0], out):
            g = header.grant(cells)
            if g:
                out.rows.append((n, g))
                if isinstance(g.get("id"), str):
                    by_id.setdefault(g["id"].strip(), g)
        listed = [name for name in with_id if name != main[0] and _read_lists(name, sheets[name], by_id, out)]
        others = [n for n in book.sheetnames if n not in with_id and n in sheets]
        if listed or others:
            said = f"grants read from sheet {main[0]!r}"
            said += f", full lists from {', '.join(repr(s) for s in listed)}" if listed else ""
            said += f"; not read (no Identifier column): {', '.join(repr(s) for s in others)}" if others else ""
            out.notes.insert(0, (None, 0, said))
        return out
    finally:
        book.close()


def _read_lists(name: str, sheet, by_id: dict, out: SheetGrants) -> int:
    """A sub-sheet's rows as the items of one list of the grants they name (flatten-tool's layout); how many."""
    start, header, rows = sheet
    rows = list(rows)
    if not rows:
        return 0
    prefix = _list_prefix(header.paths)
    if prefix is None:
        out.notes.append((name, start, "the sheet has an Identifier column but its other columns are not one list "
                                       "of the standard; it was not read"))
        return 0
    items: dict[str, list] = {}
    for n, cells in rows:
        gid = None
        item: dict = {}
        for path, value in zip(header.paths, cells):
            if path is None:
                continue
            if path == ("id",):
                gid = _cell(value, path)
                continue
            if path[:len(prefix)] == prefix and len(path) > len(prefix) + 1:
                value = _cell(value, path)
                if value is not None:
                    _put(item, path[len(prefix) + 1:], value)
        if gid and item:
            if gid.strip() not in by_id:
                out.notes.append((name, n, f"Identifier {gid!r} is no grant of the grants sheet; row not read"))
                continue
            items.setdefault(gid.strip(), []).append(item)
    for gid, found in items.items():
        grant = by_id[gid]
        rolled = _get(grant, prefix)
        if isinstance(rolled, list) and rolled and isinstance(rolled[0], dict):
            found[0] = {**rolled[0], **found[0]}  # the rolled-up copy of the first item, completed by its sheet
        _put(grant, prefix, found)
    return sum(len(f) for f in items.values())


def _get(grant: dict, path: tuple):
    here = grant
    for step in path:
        try:
            here = here[step]
        except (KeyError, IndexError, TypeError):
            return None
    return here
