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

__all__ = ["ORG_ID", "is_org_id", "is_currency", "registry_id"]

_ROR = r"0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}"
ORG_ID = re.compile(rf"(?:[A-Z]{{2}}-[A-Z0-9]{{2,}}-\S+|360G-\S+|ROR:{_ROR}|https?://ror\.org/{_ROR})")
_ROR_URL = re.compile(rf"https?://ror\.org/({_ROR})")
_CURRENCY = re.compile(r"[A-Z]{3}")


def is_org_id(text) -> bool:
    return isinstance(text, str) and ORG_ID.fullmatch(text) is not None


def registry_id(text: str) -> str:
    """The one written form of an identifier: a ROR URL becomes ``ROR:<id>``; other ids upper-cased."""
    text = text.strip()
    m = _ROR_URL.fullmatch(text)
    return f"ROR:{m.group(1)}" if m else text.upper() if not text.upper().startswith("ROR:") else "ROR:" + text[4:]


def is_currency(text) -> bool:
    """An ISO 4217 code such as GBP."""
    return isinstance(text, str) and _CURRENCY.fullmatch(text) is not None
