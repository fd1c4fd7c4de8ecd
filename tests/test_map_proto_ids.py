"""Ids that name JavaScript object properties (constructor, __proto__, toString...) draw like any other.

In headless Chromium, offline (tools/browser.py). Before, vis-network's objects used as
dictionaries of ids (patched to Object.create(null) by visualise/html_map.py) overflowed the stack
when a node was called `constructor` or `toString`, and the map never drew.
"""

from __future__ import annotations

import pytest

from test_map_support import need_chromium

IDS = ["constructor", "__proto__", "tostring", "hasownproperty", "valueof", "prototype", "length", "0"]


@pytest.fixture(scope="module", autouse=True)
def _browser_available():
    need_chromium()


def test_ids_that_are_object_properties(tmp_path):
    import networkx as nx

    from tools.browser import open_map
    from visualise.html_map import write_map

    g = nx.MultiDiGraph(name="proto")
    for i, node_id in enumerate(IDS):
        g.add_node(node_id, kind="Organisation", name=f"Org {node_id}", sources=[f"https://example.org/{i}"])
    g.add_node("toString", kind="Theme", name="toString")
    for a, b in zip(IDS, IDS[1:] + ["toString"]):
        g.add_edge(a, b, key="PARTNER_IN", kind="PARTNER_IN")
    path = write_map(g, tmp_path / "map.html", source="test")
    with open_map(path) as mp:
        assert mp.page_errors == [] and mp.console_errors == [], (mp.page_errors, mp.console_errors)
        assert mp.evaluate("() => lcgMap.nodes.getIds().sort()") == sorted([*IDS, "toString"])
        assert mp.evaluate("() => lcgMap.edges.length") == len(IDS)
        for node_id in ("constructor", "__proto__", "toString"):
            mp.page.fill("#search", node_id if node_id != "toString" else "toString")
            mp.page.press("#search", "Enter")
            assert mp.evaluate("() => lcgMap.network.getSelectedNodes()") == [node_id]
        assert mp.dialogs == []
