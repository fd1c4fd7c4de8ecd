"""Text from the data made safe for the file formats that would misread it.

* CSV opened in a spreadsheet: a cell starting with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return is run as a formula (``=HYPERLINK(...)`` phones home).
  OWASP's advice (CSV Injection): prefix such a cell with a single quote, which
  spreadsheets show as text. Numbers are left alone (``-3`` is a number, not a
  formula); ``raw`` turns the prefix off for programs that read the CSV
  (``lcg export --csv-raw``, ``LCG_CSV_RAW=1`` for ``--format csv``). A carriage
  return inside a cell is written as a line feed, raw or not: Python's csv writer
  leaves a field holding only CR unquoted when rows end in LF, and readers then
  split the row there.
* XML 1.0 (GraphML, GEXF) cannot hold most control characters at all, even
  escaped, so a name with a pasted ANSI colour made the file unreadable: they
  are removed, with unpaired surrogates and U+FFFE/U+FFFF. A carriage return
  becomes a line feed, which is what any XML parser reads it as anyway.
"""

from __future__ import annotations

import os
import re

__all__ = ["csv_cell", "csv_raw_from_env", "xml_text", "FORMULA_STARTS"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def csv_cell(text: str, *, raw: bool = False) -> str:
    """``text`` as a CSV cell a spreadsheet will not run: ``'`` before a formula start (unless ``raw``)."""
    guarded = text if raw or not text.startswith(FORMULA_STARTS) else "'" + text
    return guarded.replace("\r\n", "\n").replace("\r", "\n") if "\r" in guarded else guarded


def csv_raw_from_env() -> bool:
    """``LCG_CSV_RAW=1``: CSV for programs, cells exactly as the data has them."""
    return os.environ.get("LCG_CSV_RAW", "").strip().lower() in ("1", "true", "yes")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (CR written as LF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_ILLEGAL.sub("", text)
