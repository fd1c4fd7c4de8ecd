"""Helpers shared by the map and export tests: hostile data, and the browser-or-skip rule."""

from __future__ import annotations

import json
import os

import pytest

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_PERSON = "\"'><svg onload=alert(4)></script><!--"
XSS_DESCRIPTION = "</script><script>alert(2)</script> \u2028 and \u2029 & <b>bold</b>"
JS_SOURCE = "javascript:alert(3)"
WEB_SOURCE = "https://example.org/report?a=1&b=%3C2%3E"


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_hostile_data(folder) -> None:
    """A small valid data folder whose texts try to run script in a map."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "organisations.yaml").write_text(
        f"- id: evil-org\n  name: {q(XSS_NAME)}\n  description: {q(XSS_DESCRIPTION)}\n"
        f"  sources: [{q(JS_SOURCE)}, {q(WEB_SOURCE)}]\n"
        f"- id: plain-org\n  name: Plain Org\n  sources: [{q(WEB_SOURCE)}]\n", encoding="utf-8")
    (folder / "people.yaml").write_text(
        f"- id: evil-person\n  name: {q(XSS_PERSON)}\n  works_for:\n    - {{id: evil-org, role: {q('<i>boss</i>')}}}\n"
        f"  sources: [{q(WEB_SOURCE)}]\n", encoding="utf-8")
    (folder / "projects.yaml").write_text(
        "- id: evil-project\n  name: \"Back\\\\slash 'quote' \\\"dq\\\" line\\nbreak\"\n  start: \"2020\"\n"
        f"  partners:\n    - {{id: evil-org, role: lead, note: {q('</script>' + XSS_NAME)}}}\n"
        "    - {id: plain-org, role: partner}\n  people: [evil-person]\n"
        f"  sources: [{q(WEB_SOURCE)}]\n", encoding="utf-8")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def need_chromium() -> None:
    """Skip (or, under CI=true, fail) when the browser tests cannot run here."""
    from tools.browser import chromium_path

    reason = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "Playwright for Python is not installed (pip install -e '.[test]')"
    if reason is None and chromium_path() is None:
        reason = "Chromium not found (apt-get install chromium, or set LCG_CHROMIUM)"
    if reason:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
