"""A CSV file's text: UTF-8, or Windows-1252 with a warning that names the words to check.

Excel on Windows saves "CSV (Comma delimited)", its default CSV, in the
computer's code page: Windows-1252 on an English-language machine, so a UK
partner list arrives with "Café" or "£" as single bytes that are not UTF-8.
Refusing such a file sent every such user back to Excel (a trial's analyst:
"Save As > CSV UTF-8" was the one step they could not have guessed). Reading it
as Windows-1252 is right for that common case; where the file was in another
code page (an old Mac's), some letters come out wrong, so the warning quotes the
first words that hold a letter beyond ASCII, with their lines, for the user to
check against the sheet. Bytes Windows-1252 does not define mean it was neither,
and stay an error that says how to save the file.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import UnreadableInput

__all__ = ["SAVE_AS_UTF8", "csv_text", "not_utf8_at"]

SAVE_AS_UTF8 = "save it as UTF-8 (in Excel: Save As > CSV UTF-8) and import again"

_WORD = re.compile(r"[^\s,;\t\"']*[^\x00-\x7f][^\s,;\t\"']*")  # a word within a cell


def not_utf8_at(raw: bytes) -> int | None:
    """Where the first byte that is not UTF-8 is in ``raw``, or None when all of it is UTF-8 (a BOM allowed)."""
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return e.start + (3 if raw.startswith(codecs.BOM_UTF8) else 0)
    return None


def csv_text(path: Path, raw: bytes | None = None) -> tuple[str, str | None]:
    """``(text, warning)``: the text of a UTF-8 file (a BOM allowed) and no warning, or of a Windows-1252 file
    and a warning quoting its first words beyond ASCII; any other bytes are an :class:`UnreadableInput`."""
    raw = Path(path).read_bytes() if raw is None else raw
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode Text": UTF-16, its mark first
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            raise UnreadableInput(f"{path}: UTF-16 text with a broken character; {SAVE_AS_UTF8}") from None
    if b"\x00" in raw:  # no list's text: UTF-16 without its mark (ASCII in it decodes as UTF-8), or no text
        line = raw[:raw.index(b"\x00")].count(b"\n") + 1
        raise UnreadableInput(f"{path}: not text in one byte per letter (a NUL byte on line {line}); {SAVE_AS_UTF8}")
    bad = not_utf8_at(raw)
    if bad is None:
        return raw.decode("utf-8-sig"), None
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        line = raw[:bad].count(b"\n") + 1
        raise UnreadableInput(f"{path}: not UTF-8 text (byte 0x{raw[bad]:02x} on line {line}); {SAVE_AS_UTF8}") \
            from None
    seen: dict[str, int] = {}  # the first words beyond ASCII -> their line
    for n, line_text in enumerate(text.splitlines(), start=1):
        for word in _WORD.findall(line_text):
            if len(seen) < 3:
                seen.setdefault(word, n)
        if len(seen) >= 3:
            break
    quoted = ", ".join(f"{w!r} (line {n})" for w, n in seen.items())
    return text, (f"not UTF-8: read as Windows-1252, Excel's CSV on Windows; check {quoted} read as the "
                  f"sheet shows them, or {SAVE_AS_UTF8}")
