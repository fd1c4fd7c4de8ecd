"""Map labels are legible at the first view of a 200-node map (the seed data, 214 nodes): in real headless
Chromium, the most-tied nodes' labels are at least 12 px on screen once the map has settled and fitted, they
grow when zoomed in up to a cap, and a screenshot of the first view is taken (looked at by eye when changed)."""

from __future__ import annotations

import pytest

from conftest import SEED
from test_map_support import need_chromium


@pytest.fixture(scope="module", autouse=True)
def _browser_available():
    need_chromium()


def test_top_labels_are_legible_at_the_first_view(tmp_path):
    from graph.backends.open import open_backend
    from tools.browser import open_map
    from visualise.html_map import write_map

    g = open_backend(str(SEED)).graph
    assert g.number_of_nodes() >= 200
    path = write_map(g, tmp_path / "map.html", source=str(SEED))
    with open_map(path, width=1400, height=900) as mp:
        first = mp.evaluate("() => lcgMap.topLabels()")
        scale = mp.evaluate("() => lcgMap.network.getScale()")
        assert scale * 12 < 5  # the fitted view is zoomed out: a default label would be under 5 px (and hidden)
        assert 8 <= len(first) <= 12
        assert all(12.5 <= t["px"] <= 13.5 for t in first), first
        assert "university-of-wolverhampton" in {t["id"] for t in first}
        # the others keep the default font: 12 graph units, under the draw threshold at this zoom
        other = mp.evaluate("() => lcgMap.nodes.get('adult-education-wolverhampton').font")
        assert other is None or other.get("size", 12) == 12
        mp.page.screenshot(path=str(tmp_path / "first-view.png"))
        box = mp.page.locator("#network").bounding_box()
        mp.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(12):  # zoom in with the wheel, as a person does
            mp.page.mouse.wheel(0, -300)
            mp.page.wait_for_timeout(30)
        assert mp.evaluate("() => lcgMap.network.getScale()") > 2 * scale
        zoomed = mp.evaluate("() => lcgMap.topLabels()")
        assert all(t["px"] <= 20.5 for t in zoomed) and max(t["px"] for t in zoomed) > 19
        assert mp.page_errors == [] and mp.console_errors == [] and mp.requests == []
