"""An import's own files in a data folder: what the folder holds, and writing the import safely.

An import owns a subfolder (``imports/360giving-wolfson/organisations.yaml``...).
Re-importing rewrites only those files; hand-edited files elsewhere in the
folder are read (their ids, org-ids, grant ids and place names are reused,
never copied) but never touched. The one exception is another sheet import's
record of a name alone, made for a provider's cell, which a row of that name
is: it is dropped from that file as its own next run would (``write_import``'s
``drop``). Before anything is written the folder, with
the new files in place, is checked as ``lcg validate`` would check it (the new
files against a summary of the others, :mod:`.rest_check`; the whole folder
when that finds a problem, to report exactly its problems); then each file is
written to a temp file in its own folder and renamed over the old one, so a
failure or a kill leaves the old file whole (a leftover temp file is ignored by
the loader and reported by ``lcg validate``).

Speed (bench/RESULTS.md, "Imports into a large folder"): the other files are
known through that summary, cached by their bytes, or derived from the graph
an earlier command cached; only a folder nothing has read before is parsed.
The new files are written with the emitter below and not written at all when
unchanged; what was written is kept in the parse cache, so the next import
does not parse it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import schema
from ..atomic_write import write_text_atomic
from ..errors import DataDirNotFound, ImportTargetInvalid, ValidationFailed
from ..search import POSSESSIVE
from .json_lines import encode as json_lines, escaped

__all__ = ["slug", "norm_name", "written_name", "FolderIndex", "write_import", "yaml_text", "ImportInvalid",
           "RowProblem"]

class ImportInvalid(ValidationFailed):
    """The folder with the import in place would not validate (``errors``: every problem); nothing was written."""


@dataclass
class RowProblem:
    """A problem on an imported entry, pointed at the row (and column) of the file it was read from.

    Nothing is written when an import has a problem, so the line of the YAML
    it would have written points into a file the user cannot open; the row of
    their sheet is where they can fix it.
    """

    sheet: str
    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}:{self.row}{self.at}: {self.message}"

    @property
    def at(self) -> str:
        return f" (column {self.column})" if self.column else ""


#: Latin letters that Unicode does not write as a base letter and an accent, so NFKD leaves them whole and the
#: ASCII fold dropped them ("Sønderborg Kommune" became snderborg-kommune): written as their languages' own
#: keyboards and passports write them without the letter (Danish "ø" as "o", German "ß" as "ss", Icelandic "þ"
#: as "th", Polish "ł" as "l", Turkish dotless "ı" as "i").
_NO_DECOMPOSITION = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
                                   "ẞ": "SS", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH",
                                   "ð": "d", "Ð": "D", "ı": "i"})
#: An id's length at most: ids stay readable in a terminal's table and a file's line.
_SLUG_LENGTH = 80


def slug(*parts) -> str:
    """A readable id: lower case ASCII letters, digits and single hyphens; letters with accents without them, and
    those Unicode gives no plain form folded as ``_NO_DECOMPOSITION`` says. Cut to ``_SLUG_LENGTH`` at a word's end
    (a trial's id ended "-cr-dall-universit"), or inside the first word only when it alone is longer."""
    text = " ".join(str(p) for p in parts if p).translate(_NO_DECOMPOSITION)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) <= _SLUG_LENGTH:
        return text
    cut = text[:_SLUG_LENGTH + 1]  # the character after the last one kept says whether a word ends there
    return cut[:cut.rindex("-")] if "-" in cut else text[:_SLUG_LENGTH]


#: Letters each followed by a dot, two at least, as initials are written ("R.A.F.A.", "U.K", "a.k.a."), not a word
#: ("St.") nor one initial ("J. Smith").
_DOTTED_INITIALS = re.compile(r"(?<![^\W_])((?:[^\W\d_]\.)+[^\W\d_])\.?(?![^\W_])")


def norm_name(name) -> str:
    """A name compared loosely: case, accents, punctuation, a possessive's apostrophe (``search.POSSESSIVE``:
    "Women's Aid" is "Womens Aid", as a search finds it), ``&``/``and`` and a leading "The" ignored; letters of
    every script kept ("Московский университет" is a name, not nothing). A community safety trial's directory named
    its provider "Black Country Womens Aid" beside its row "Black Country Women's Aid": a new record of it. Initials
    written with dots are the initials ("R.A.F.A." is "RAFA": a veterans trial's host "RAFA Club Halesowen" was not
    its row "R.A.F.A. Club Halesowen")."""
    text = "".join(c for c in unicodedata.normalize("NFKD", str(name)) if not unicodedata.combining(c))
    text = _DOTTED_INITIALS.sub(lambda m: m.group(1).replace(".", ""), text)
    text = POSSESSIVE.sub("", text.lower())
    text = re.sub(r"[\W_]+", " ", text.lower().replace("&", " and ")).strip()
    return re.sub(r"^the ", "", text)


def written_name(name) -> str:
    """A name as written, but for case and spacing: among records of one loose name (``norm_name``), "The Dudley
    Academies Trust" and "Dudley Academies Trust", the one a cell names letter for letter."""
    return " ".join(str(name).split()).casefold()


def _own_kind_file(own: str, kind: str) -> str:
    return f"{own}/{schema.NODE_KINDS[kind].file}"


def _lookups() -> dict[str, Any]:
    """Empty look-ups of the folder's other files, as :func:`index_entry` fills them (JSON-ready)."""
    return {"ids": [], "org_by_identifier": {}, "orgs_by_identifier": {}, "org_by_name": {}, "names_of": {},
            "orgs_by_name": {}, "orgs_by_written_name": {}, "place_of": {}, "project_by_grant": {},
            "place_by_name": {}, "theme_by_name": {}}


def elsewhere(a: dict, b: dict) -> bool:
    """Whether two records of one name are at two places: both give a postcode and they differ, or, with no
    postcodes to compare, both give an address and they differ (spaces and case aside). Such records may be a
    body's sites or bodies of one name; nothing else says they are one. The one rule of the sheet importer's note
    on repeated names and of the 360Giving import's crediting a grant to a record by its name."""
    def fold(v) -> str:
        return re.sub(r"[\W_]+", "", str(v or "")).casefold()

    if fold(a.get("postcode")) and fold(b.get("postcode")):
        return fold(a.get("postcode")) != fold(b.get("postcode"))
    return bool(fold(a.get("address")) and fold(b.get("address"))) and fold(a.get("address")) != fold(b.get("address"))


def _texts(value: Any) -> tuple[str, ...]:
    """A list-of-texts field as the validator reads it (one text is a list of one); nothing if it is not one."""
    from ..validate import BadValue, _list

    try:
        return _list(value) if value is not None else ()
    except BadValue:
        return ()


def index_entry(look: dict[str, Any], kind: str, e: dict) -> None:
    """Add one entry of the folder's other files to the look-ups (the first entry with a key keeps it)."""
    node_id = e["id"]
    look["ids"].append(node_id)
    if kind == "Organisation":
        for ident in _texts(e.get("identifiers")):
            look["org_by_identifier"].setdefault(ident.upper(), node_id)
            holders = look["orgs_by_identifier"].setdefault(ident.upper(), [])
            if node_id not in holders:
                holders.append(node_id)
        names = list(dict.fromkeys(norm_name(n) for n in [e.get("name", ""), *_texts(e.get("aliases"))]
                                   if isinstance(n, str)))
        look["names_of"][node_id] = names
        for n in names:
            look["org_by_name"].setdefault(n, node_id)
            look["orgs_by_name"].setdefault(n, []).append(node_id)
        if isinstance(e.get("name"), str):
            look.setdefault("orgs_by_written_name", {}).setdefault(written_name(e["name"]), []).append(node_id)
        look["place_of"][node_id] = {k: e[k] for k in ("postcode", "address") if isinstance(e.get(k), str)}
    elif kind == "Project":
        for ident in _texts(e.get("identifiers")):
            look["project_by_grant"].setdefault(ident, node_id)
    elif kind == "Place" and isinstance(e.get("name"), str):
        look["place_by_name"].setdefault(norm_name(e["name"]), node_id)
    elif kind == "Theme":  # a funder's classification is the folder's theme of that name or alias
        for n in [e.get("name", ""), *_texts(e.get("aliases"))]:
            if isinstance(n, str) and norm_name(n):
                look["theme_by_name"].setdefault(norm_name(n), node_id)


class FolderIndex:
    """What the output folder holds, split into the import's own files and everything else.

    The other files are known through their summary (:mod:`.rest_check`, cached
    by their bytes); their parsed values are read only when the whole folder
    must be validated to report problems (``parsed``).
    """

    def __init__(self, out_dir: str | os.PathLike, own: str):
        from ..gc_pause import paused_gc
        from ..sources import SOURCES_FILE
        from ..yaml_files import DataFile, data_files, parse
        from .parse_cache import parsed_values
        from .rest_check import RestSummary, rest_summary

        self.root = Path(out_dir)
        self.own = own
        if self.root.exists() and not self.root.is_dir():
            raise ImportTargetInvalid(f"output {str(self.root)!r} is a file, not a folder (give a folder with -o DIR)")
        self.files: list[DataFile] = []  # the other files (sources.yaml too)
        self.problems: list = []  # the folder scan's (path, message)
        self.ids: set[str] = set()  # every id outside the import's own files
        self.own_ids: set[str] = set()
        self.org_by_identifier: dict[str, str] = {}  # the first entry with that identifier
        self.orgs_by_identifier: dict[str, list[str]] = {}  # every entry with it (a charity's branches)
        self.org_by_name: dict[str, str] = {}
        self.orgs_by_name: dict[str, list[str]] = {}  # every organisation of that name or alias
        self.orgs_by_written_name: dict[str, list[str]] = {}  # every organisation of that name as written
        self.place_of: dict[str, dict] = {}  # org id -> its postcode and address (``elsewhere``)
        self.names_of: dict[str, list[str]] = {}  # org id -> its normalised names and aliases
        self.project_by_grant: dict[str, str] = {}
        self.place_by_name: dict[str, str] = {}
        self.theme_by_name: dict[str, str] = {}
        self.previous: dict[str, dict[str, str]] = {"Organisation": {}, "Project": {}, "Place": {}, "Network": {},
                                                    "Theme": {}}  # key -> id
        self.own_files: dict[str, DataFile] = {}  # relative path -> DataFile, the import's old files
        self.own_entries: dict[str, tuple[str, dict]] = {}  # id -> (kind, entry) of the import's old files
        self.kept_for_others: list[str] = []  # old entries written again because other files name them
        self.rest = RestSummary(kinds={}, clean=True)
        self.sources: list | None = None  # sources.yaml's entries, None when the folder has none
        self._parsed: dict[str, Any] | None = None
        if not self.root.is_dir():
            return
        files: list[DataFile]
        try:
            files = data_files(self.root)
        except DataDirNotFound:  # a folder of no data yet, a README or a .gitkeep in it: the import's first
            files = []           # (a trial's mkdir'd output folder holding a hidden file was refused)
        self.problems = list(getattr(files, "problems", ()))
        for f in files:  # other files a user puts beside the import's own stay theirs
            if f.kind in schema.NODE_KINDS and f.name == _own_kind_file(own, f.kind):
                self.own_files[f.name] = f
            else:
                self.files.append(f)
        own_values = self._readable(parsed_values(list(self.own_files.values()), parse))
        for f in self.own_files.values():
            for e in own_values[f.name] or ():
                if isinstance(e, dict) and isinstance(e.get("id"), str):
                    self._index_own(f.kind, e)
        sources = [f for f in self.files if f.name == SOURCES_FILE]
        if sources:
            self.sources = self._readable(parsed_values(sources, parse))[SOURCES_FILE]
        kind_files = [f for f in self.files if f.kind in schema.NODE_KINDS]
        # Parsing makes millions of objects and no cycles; the summary is then kept out of the collector's
        # walks for the rest of the import, as loading does (graph/gc_pause.py).
        with paused_gc(freeze=True):
            self.rest = rest_summary(kind_files, lambda: self._readable(self.parsed), _lookups, index_entry,
                                     whole=None if self.own_files else (self.root, files))
        look = self.rest.lookups
        self.ids = set(look["ids"])
        self.org_by_identifier = look["org_by_identifier"]
        self.orgs_by_identifier = look["orgs_by_identifier"]
        self.org_by_name = look["org_by_name"]
        self.orgs_by_name = look.get("orgs_by_name", {})
        self.orgs_by_written_name = look.get("orgs_by_written_name", {})
        self.place_of = look.get("place_of", {})
        self.names_of = look["names_of"]
        self.project_by_grant = look["project_by_grant"]
        self.place_by_name = look["place_by_name"]
        self.theme_by_name = look["theme_by_name"]

    @property
    def parsed(self) -> dict[str, Any]:
        """Relative path -> parsed value of the other files (from the parse cache; read on first use)."""
        if self._parsed is None:
            from ..yaml_files import parse
            from .parse_cache import parsed_values

            self._parsed = parsed_values(self.files, parse)
        return self._parsed

    def _readable(self, values: dict[str, Any]) -> dict[str, Any]:
        """``values``, or ImportTargetInvalid naming the first file that is not a list of entries."""
        from ..yaml_files import SyntaxProblem

        for name, value in values.items():
            if isinstance(value, SyntaxProblem) or (value is not None and not isinstance(value, list)):
                raise ImportTargetInvalid(
                    f"{self.root / name}: not a valid data file (line {getattr(value, 'line', 1)}); "
                    f"fix it before importing (run: lcg validate --data {shlex.quote(str(self.root))})")
        return values

    def _index_own(self, kind: str, e: dict) -> None:
        node_id = e["id"]
        self.own_ids.add(node_id)
        self.own_entries.setdefault(node_id, (kind, e))
        keys = self.previous.get(kind)
        if keys is None:
            return
        for ident in _texts(e.get("identifiers")):
            keys.setdefault(ident.upper(), node_id)
        if kind != "Project":
            keys.setdefault("name:" + norm_name(e.get("name", "")), node_id)


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.,'()&/+-]*")
#: Words YAML 1.1 reads as booleans or null when unquoted.
_RESERVED = frozenset("y n yes no on off true false null".split())


def _scalar(v, flow: bool = False) -> str:
    if isinstance(v, list):  # a list inside a tie (its sources): a flow sequence
        return "[" + ", ".join(_scalar(x, True) for x in v) + "]"
    if isinstance(v, str):
        if _PLAIN.fullmatch(v) and not v.endswith(" ") and v.lower() not in _RESERVED and not (flow and "," in v):
            return v
        return escaped(json.dumps(v, ensure_ascii=False))
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return repr(v)
    if isinstance(v, float):
        return _float(v)
    raise TypeError(f"cannot write {type(v).__name__} as a YAML scalar")


def _float(v: float) -> str:
    """A float as YAML 1.1 reads a float: with a dot in the mantissa (PyYAML reads ``1e+16`` as text)."""
    text = repr(v)
    if v != v or v in (float("inf"), float("-inf")):
        return {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}[text]
    mantissa, e, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + (e + exponent if e else "")


def _emit(entries: list[dict]) -> str:
    """Block YAML for a list of entries whose values are scalars, lists of scalars or lists of flat mappings.

    The shape of every imported entry; written here because PyYAML's dumper,
    even the C one, represents every value in Python and took most of an
    import's time (bench/RESULTS.md). tests/test_import_publishers.py checks
    that the safe loader reads back exactly what was written.
    """
    out: list[str] = []
    add = out.append
    for e in entries:
        first = True
        for k, v in e.items():
            lead = "- " if first else "  "
            first = False
            if isinstance(v, list):
                if not v:
                    add(f"{lead}{k}: []\n")
                    continue
                add(f"{lead}{k}:\n")
                for item in v:
                    if isinstance(item, dict):
                        sub = "  - "
                        for ik, iv in item.items():
                            add(f"{sub}{ik}: {_scalar(iv)}\n")
                            sub = "    "
                    else:
                        add(f"  - {_scalar(item)}\n")
            else:
                add(f"{lead}{k}: {_scalar(v)}\n")
    return "".join(out)


def yaml_text(entries: list[dict], kind: str, command: str) -> str:
    """The file of an import's entries of ``kind``: a header, then one entry per line (:mod:`.json_lines`),
    or block YAML for entries that cannot be written so (a float such as 1e16, a very long key)."""
    plural = schema.NODE_KINDS[kind].file.rsplit(".", 1)[0]
    head = (f"# lcg: {plural}\n# Written by `{command}`; importing again rewrites this file. "
            "Edit or add entries in your own files instead.\n")
    body = json_lines(entries)
    return head + (body if body is not None else _emit(entries))


def written_by_import(text: str) -> bool:
    """True when a data file's text starts with the header :func:`yaml_text` writes for ``lcg import``: a file
    an import rewrites when it runs again."""
    head = text.split("\n", 2)
    return len(head) > 1 and head[0].startswith("# lcg: ") and head[1].startswith("# Written by `lcg import")


def _check(index: FolderIndex, new: dict[str, tuple[str, str]], values: dict[str, Any], origin=None,
           rewritten: dict[str, tuple[str, str]] | None = None) -> None:
    """Make sure the folder as it would be with the new files validates; raise ImportInvalid with every problem.

    ``values``: the new files' entries, which is what their text reads back as
    (and ``sources.yaml``'s entries when the import adds one). First the new
    files alone against the summary of the others (:mod:`.rest_check`); only
    when that finds anything is the whole folder validated, as ``lcg validate``
    would, to report exactly its problems. ``origin``: as :func:`write_import`'s. ``rewritten``: other imports'
    files written anew (``write_import``'s ``drop``), which the summary of the rest does not know: the whole
    folder is validated, with them as they would be.
    """
    from ..dataset import _check_dataset
    from ..sources import SOURCES_FILE, parse_sources
    from ..yaml_files import DataFile, DataFiles
    from .rest_check import new_files_pass

    known: set[str] | None = None
    has_sources = SOURCES_FILE in values or any(f.name == SOURCES_FILE for f in index.files)
    found, bad = parse_sources(values.get(SOURCES_FILE, index.sources)) if has_sources else ({}, [])
    if has_sources:
        known = set(found)
    rewritten = rewritten or {}
    if not rewritten and not index.problems and not bad and new_files_pass(
            index.rest, {name: (kind, values[name]) for name, (kind, _) in new.items()}, known):
        return
    files = DataFiles([*(f for f in index.files if f.name not in rewritten),
                       *(DataFile(index.root / name, kind, text.encode("utf-8"), name)
                         for name, (kind, text) in {**rewritten, **new}.items())])
    files.problems, files.leftovers = index.problems, []
    _, problems = _check_dataset(index.root, files, parsed={**index.parsed, **values})
    if problems:
        raise ImportInvalid(_at_rows(problems, new, values, origin) if origin else problems)


def _at_rows(problems: list, new: dict, values: dict[str, Any], origin) -> list:
    """``problems`` with those on an entry ``origin`` knows pointed at its row (:class:`RowProblem`), first and
    in the order of the rows; the others (in the folder's other files, or on an entry an earlier run wrote)
    as they are."""
    rows: list[RowProblem] = []
    others = []
    for p in problems:
        i = p.path[0] if p.file in new and p.path else None
        entries = values[p.file] if i is not None else ()
        entry = entries[i] if isinstance(i, int) and 0 <= i < len(entries) else None
        found = origin(entry["id"], tuple(p.path[1:])) if isinstance(entry, dict) and "id" in entry else None
        if found is None:
            others.append(p)
        else:  # a row says no id when it was made from the label: the problem says which
            sheet, row, column = found
            rows.append(RowProblem(sheet, row, column,
                                   f"id {p.id!r}: {p.message}" if p.path[1:2] == ("id",) else p.message))
    sheets = list(dict.fromkeys(p.sheet for p in rows))
    rows.sort(key=lambda p: (sheets.index(p.sheet), p.row))
    return [*rows, *others]


def _keep_named_elsewhere(index: FolderIndex, entries: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """``entries`` plus the entries of the import's previous run that the folder's other files still name.

    A user's own file may name an imported entry: merge advice moves a recipient into the user's own
    file, keeping its ``located_in`` an imported ward. A re-import then finds the recipient there and
    no longer writes the ward for it; dropping the ward would leave the user's entry naming nothing and
    the import refused. So such an entry is written again as it was, with the old entries it names.
    """
    if not index.own_entries:  # a first import: nothing of its own for other files to name
        return entries  # (and no wait for a check of the rest running beside, which goes on meanwhile)
    written = {e["id"] for es in entries.values() for e in es}
    wanted = [row[3] for row in index.rest.complete().open_ties]  # (waits for a check of the rest running beside)
    carried: dict[str, tuple[str, dict]] = {}
    while wanted:
        node_id = wanted.pop()
        if node_id in written or node_id in carried or node_id not in index.own_entries:
            continue
        kind, entry = carried[node_id] = index.own_entries[node_id]
        for key, value in entry.items():
            for item in value if isinstance(value, list) and key != "sources" else ():
                named = item.get("id") if isinstance(item, dict) else item
                if isinstance(named, str) and named in index.own_entries:
                    wanted.append(named)
    index.kept_for_others = sorted(carried)
    if not carried:
        return entries
    out = {kind: list(es) for kind, es in entries.items()}
    for kind, entry in carried.values():
        out.setdefault(kind, []).append(entry)
    return out


def _without(index: FolderIndex, drop: dict[str, set[str]]) -> tuple[dict[str, tuple[str, str]], dict[str, list]]:
    """Other imports' files (relative path -> ids) as they are without the entries ``drop`` names: (path -> (kind,
    text), path -> entries), each under the header its import wrote, so that its next run rewrites it as before."""
    texts: dict[str, tuple[str, str]] = {}
    values: dict[str, list] = {}
    files = {f.name: f for f in index.files}
    for name, ids in drop.items():
        f = files[name]
        kept = [e for e in index.parsed[name] or () if not (isinstance(e, dict) and e.get("id") in ids)]
        head = f.text.split("\n", 2)
        command = re.search(r"`([^`]*)`", head[1] if len(head) > 1 else "")
        texts[name] = (f.kind, yaml_text(kept, f.kind, command.group(1) if command else "lcg import"))
        values[name] = kept
    return texts, values


def write_import(index: FolderIndex, entries: dict[str, list[dict]], *, command: str, source=None,
                 origin=None, drop: dict[str, set[str]] | None = None) -> list[Path]:
    """Write the import's own files (one per kind that has entries), validated first; the paths written.

    ``source`` (a ``graph.sources.Source``, or a list of them): the file (files) imported, registered in the
    folder's ``sources.yaml`` when it has one, so that the entries' ``sources`` keys resolve there.
    ``origin(id, path)``: where the entry ``id`` was read, as (sheet, row, column or None), ``path`` being
    the problem's place inside the entry (``("website",)``, ``("partner_in", 0, "role")``); None when
    not known. A problem on such an entry is then reported at that row (:class:`RowProblem`).
    ``drop``: another import's file (relative path) -> ids of its entries this import writes instead (a record
    of a name alone that the other import made for a provider's cell, and this import's row is: the sheet
    import's ``_bare_records``), that file written again without them, in the same all-or-nothing write.
    """
    from ..sources import FIELDS, SOURCES_FILE, register_source
    from .parse_cache import remember_written

    entries = _keep_named_elsewhere(index, entries)
    new: dict[str, tuple[str, str]] = {}
    values: dict[str, list] = {}
    listed = index.sources if isinstance(index.sources, list) else None
    cited = [] if source is None else list(source) if isinstance(source, (list, tuple)) else [source]
    register = [s for s in cited if listed is not None and not any(
        isinstance(e, dict) and e.get("key") == s.key for e in listed)]
    if register and listed is not None:
        values[SOURCES_FILE] = [*listed, *({k: getattr(s, k) for k in FIELDS if getattr(s, k)} for s in register)]
    for kind, es in entries.items():
        if es:
            name = _own_kind_file(index.own, kind)
            new[name] = (kind, yaml_text(es, kind, command))
            values[name] = es
    rewritten, rewritten_values = _without(index, drop or {})
    stale = [name for name in index.own_files if name not in new]
    changed = {name: v for name, v in new.items()
               if name not in index.own_files or index.own_files[name].data != v[1].encode("utf-8")}
    if not changed and not stale and not register and not rewritten:
        index.rest.complete()  # a check of the rest in a second process: waited for, and its summary cached
        return []
    try:
        _check(index, new, {**index.parsed, **rewritten_values, **values} if rewritten else values, origin,
               rewritten)
    finally:
        index.rest.complete()  # (already, unless the folder was validated whole)
    written = []
    for s in register:
        register_source(index.root, s)
    if register:
        written.append(index.root / SOURCES_FILE)
    for name, (_, text) in [*changed.items(), *rewritten.items()]:
        path = index.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
        remember_written(text, {**values, **rewritten_values}[name])
        written.append(path)
    for name in stale:
        (index.root / name).unlink(missing_ok=True)
        written.append(index.root / name)
    return written
