"""Take a PNG of a map as headless Chromium shows it (offline), e.g. docs/map.png.

    .venv/bin/python -m tools.map_screenshot --data seed_data -o docs/map.png
    .venv/bin/python -m tools.map_screenshot --html map.html -o map.png

With ``--data`` the map is built first (whole graph, default options) into a
temporary file that is removed afterwards. A developer tool (Playwright is a test
dependency), so it lives in ``tools/``, outside the installed package.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: tools/ importable


def screenshot(html_path, png_path, *, width: int = 1400, height: int = 900, select: str | None = None,
               zoom: float = 1.0) -> dict:
    """Open the map, let it settle, optionally select a node, save a PNG; returns what the page reported."""
    from tools.browser import open_map

    with open_map(html_path, width=width, height=height) as mp:
        if select:
            mp.page.fill("#search", select)
            mp.page.press("#search", "Enter")
            mp.evaluate("(z) => lcgMap.network.moveTo({scale: z})", zoom)
        mp.page.wait_for_timeout(300)
        mp.page.screenshot(path=str(png_path))
        return {"requests": mp.requests, "errors": mp.console_errors + mp.page_errors, "dialogs": mp.dialogs,
                "seconds": mp.open_seconds}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", help="data folder to map (whole graph)")
    src.add_argument("--html", help="an existing map file")
    ap.add_argument("-o", "--output", required=True, help="PNG to write")
    ap.add_argument("--select", help="search for and select this node before the shot")
    ap.add_argument("--zoom", type=float, default=1.0, help="with --select: zoom around that node")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=900)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        html_path = args.html
        if args.data:
            from graph.loading import open_graph
            from graph.sources import read_sources
            from visualise.html_map import write_map

            html_path = write_map(open_graph(args.data), Path(tmp) / "map.html", source=args.data,
                                  sources=read_sources(args.data))
        info = screenshot(html_path, args.output, width=args.width, height=args.height, select=args.select,
                          zoom=args.zoom)
    print(f"Wrote {args.output} ({info['seconds']:.1f} s to settle; {len(info['requests'])} network requests, "
          f"{len(info['errors'])} errors)", file=sys.stderr)
    return 1 if info["requests"] or info["errors"] or info["dialogs"] else 0


if __name__ == "__main__":
    sys.exit(main())
