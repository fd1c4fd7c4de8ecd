"""The value rules for identifiers and currencies, written once for the validator and the importers.

An org-id (org-id.guide) is ``<country>-<register>-<id>`` (``GB-CHC-1164883``), or a
360Giving publisher's own ``360G-...`` id.
"""

from __future__ import annotations

import re

__all__ = ["ORG_ID", "is_org_id", "is_currency"]

ORG_ID = re.compile(r"(?:[A-Z]{2}-[A-Z0-9]{2,}-\S+|360G-\S+)")
_CURRENCY = re.compile(r"[A-Z]{3}")


def is_org_id(text) -> bool:
    return isinstance(text, str) and ORG_ID.fullmatch(text) is not None


def is_currency(text) -> bool:
    """An ISO 4217 code such as GBP."""
    return isinstance(text, str) and _CURRENCY.fullmatch(text) is not None
