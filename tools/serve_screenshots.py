"""Screenshots of `lcg serve` for the README: a node's page (seed data) and the review queue.

    .venv/bin/python tools/serve_screenshots.py   # writes docs/serve-entity.png, docs/serve-review.png

Runs the app on a free loopback port and photographs it in Debian's headless Chromium.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def shoot(folder, path: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tools.browser import ARGS, chromium_path
    from visualise.web import create_app
    from visualise.web.server import in_background

    with in_background(create_app(str(folder))) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + path, wait_until="load")
        page.screenshot(path=str(out))
        browser.close()


def main() -> int:
    shoot(ROOT / "seed_data", "/entity?id=university-of-wolverhampton", ROOT / "docs" / "serve-entity.png")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "tests" / "fixtures" / "dedup" / "overlaps", data)
        shoot(data, "/review", ROOT / "docs" / "serve-review.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
