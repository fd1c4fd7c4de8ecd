"""Open a map in headless Chromium with the network cut off, and report what happened.

Shared by the browser tests, ``bench/maps.py`` and ``tools/map_screenshot.py`` so all
three open maps the same way: Debian's Chromium driven by Playwright (no
``playwright install``), every request other than the map file itself aborted
and counted, console errors and dialogs (an ``alert`` from injected script)
recorded.
"""

from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["chromium_path", "open_map", "MapPage", "ARGS"]

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path() -> str | None:
    """The Chromium binary to drive: $LCG_CHROMIUM, else Debian's, else one on PATH."""
    for candidate in (os.environ.get("LCG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@dataclass
class MapPage:
    page: object
    url: str
    requests: list = field(default_factory=list)        # every request other than the map file
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    open_seconds: float = 0.0                            # navigation start to settled

    def evaluate(self, script, arg=None):
        return self.page.evaluate(script, arg)


@contextmanager
def open_map(path, *, width: int = 1400, height: int = 900, timeout_s: float = 120.0, wait: bool = True):
    """Yield a MapPage for the HTML file at ``path``, once the map reports it has settled."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("Chromium not found (apt-get install chromium, or set LCG_CHROMIUM)")
    url = Path(path).resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
            page = context.new_page()
            mp = MapPage(page, url)

            def route(r):
                if r.request.url == url:
                    r.continue_()
                else:
                    mp.requests.append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            def request(req) -> None:
                if req.url != url and req.url not in mp.requests:
                    mp.requests.append(req.url)

            def console(msg) -> None:
                if msg.type == "error":
                    mp.console_errors.append(msg.text)

            def page_error(exc) -> None:
                mp.page_errors.append(str(exc))

            page.on("request", request)
            page.on("console", console)
            page.on("pageerror", page_error)

            def on_dialog(d):
                mp.dialogs.append(d.message)
                d.dismiss()

            page.on("dialog", on_dialog)
            start = time.perf_counter()
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            if wait:
                page.wait_for_selector("body[data-state=settled]", state="attached", timeout=timeout_s * 1000)
            mp.open_seconds = time.perf_counter() - start
            yield mp
        finally:
            browser.close()
