"""Which part of the graph a map or export shows: the whole, or a focus.

Written on the Backend primitives only (``nodes``, ``incident`` through ``walks.neighbours``, ``node``,
``subgraph``), so ``lcg map`` and ``lcg export`` behave the same on the
embedded graph and on Neo4j. The result is a networkx MultiDiGraph in the
embedded contract (docs/internals.md), which ``visualise.html_map`` and
``visualise.exports`` turn into files.

Rules (also in docs/maps.md):

* ``around`` + ``depth``: the node and everything within ``depth`` ties of it,
  in either direction.
* ``theme``: the theme, the work that addresses it (``ADDRESSES``) and everything
  tied to that work.
* ``network``: the network, its clusters and programmes (``PART_OF``, nested), and
  everything tied to any of them.
* ``kinds`` / ``exclude_kinds``: nodes of other (or excluded) kinds are neither
  shown nor walked through, so ``--exclude-kind Person`` leaves no trace of
  people and a walk never links two organisations through a hidden person.
* ``since``: ties that ended before the date and work (projects, networks,
  events, reports) that ended before it are left out; a node left with no tie
  that had ties before is left out too.

Several of around/theme/network together give the nodes all of them select.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph import dates, schema
from graph.backends.base import Backend
from graph.nx_build import graph_from_records
from graph.errors import BadOption, OutOfRange
from graph.queries.walks import neighbours
from graph.schema import a_kind
from graph.search import resolve

__all__ = ["Focus", "BadFocus", "select"]



class BadFocus(BadOption):
    """A focus option that cannot be applied (an unknown kind, an excluded focus node...)."""


@dataclass(frozen=True)
class Focus:
    around: str | None = None
    depth: int = 2
    kinds: tuple[str, ...] = ()
    exclude_kinds: tuple[str, ...] = ()
    theme: str | None = None
    network: str | None = None
    since: str | None = None

    @property
    def is_whole(self) -> bool:
        return not (self.around or self.kinds or self.exclude_kinds or self.theme or self.network or self.since)

    def describe(self) -> str:
        """One line for a map caption: what part of the graph this is."""
        parts = []
        if self.around:
            parts.append(f"within {self.depth} tie{'s' if self.depth != 1 else ''} of {self.around}")
        if self.theme:
            parts.append(f"work on theme {self.theme}")
        if self.network:
            parts.append(f"network {self.network}")
        if self.kinds:
            parts.append("only " + ", ".join(self.kinds))
        if self.exclude_kinds:
            parts.append("without " + ", ".join(self.exclude_kinds))
        if self.since:
            parts.append(f"since {self.since}")
        return "; ".join(parts) if parts else "whole graph"


def _node_end(kind: str, props) -> str | None:
    if kind in ("Project", "Network", "Event"):
        return props.get("end") or (props.get("date") if kind == "Event" else None)
    if kind == "Report":
        return props.get("date")
    return None


def select(backend: Backend, focus: Focus):
    """The focused subgraph as a networkx MultiDiGraph (node ids sorted)."""
    for k in (*focus.kinds, *focus.exclude_kinds):
        if k not in schema.NODE_KINDS:
            raise BadFocus("kinds", k, f"is not a kind (expected one of: {', '.join(schema.NODE_KINDS)})")
    if focus.since:
        dates.parse(focus.since)
    if focus.depth < 0:
        raise OutOfRange("depth", focus.depth, "must be 0 or more")

    wanted = set(focus.kinds) if focus.kinds else set(schema.NODE_KINDS)
    wanted -= set(focus.exclude_kinds)

    def allowed(kind: str) -> bool:
        return kind in wanted

    chosen: set[str] | None = None
    anchors: set[str] = set()
    walks = (("around", focus.around, None, lambda n: _ball(backend, n, focus.depth, allowed)),
             ("theme", focus.theme, ("Theme",), lambda n: _theme_work(backend, n, allowed)),
             ("network", focus.network, ("Network",), lambda n: _network_reach(backend, n, allowed)))
    for label, option, kinds, walk in walks:
        if not option:
            continue
        node = resolve(backend, option, kinds=kinds)
        if node.kind in focus.exclude_kinds:
            raise BadFocus(label, option, f"is {a_kind(node.kind)}, which the excluded kinds leave out")
        # the focus node itself is shown even when --kind names other kinds: the map is about it
        anchors.add(node.id)
        ids = walk(node.id)
        chosen = ids if chosen is None else chosen & ids
    if chosen is None:
        chosen = {n.id for n in backend.nodes(sorted(wanted))}
    g = graph_from_records(backend.subgraph(sorted(chosen)))
    if focus.since:
        _apply_since(g, focus.since, keep=anchors)
    return g


def _ball(backend: Backend, start: str, depth: int, allowed) -> set[str]:
    """Nodes within ``depth`` ties of ``start``, walking only through allowed kinds."""
    seen = {start}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for node_id in frontier:
            for _tie, other in neighbours(backend, node_id):
                if other.id not in seen and allowed(other.kind):
                    seen.add(other.id)
                    nxt.append(other.id)
        frontier = nxt
    return seen


def _theme_work(backend: Backend, theme: str, allowed) -> set[str]:
    """The theme, what addresses it, and everything tied to that work."""
    out = {theme}
    work = [o.id for _t, o in neighbours(backend, theme, rel_kinds=["ADDRESSES"], direction="in") if allowed(o.kind)]
    out.update(work)
    for w in work:
        out.update(o.id for _t, o in neighbours(backend, w) if allowed(o.kind))
    return out


def _network_reach(backend: Backend, network: str, allowed) -> set[str]:
    """The network, its nested clusters (PART_OF), and everything tied to any of them."""
    parts = [network]
    seen = {network}
    i = 0
    while i < len(parts):
        for _t, o in neighbours(backend, parts[i], rel_kinds=["PART_OF"], direction="in"):
            if o.id not in seen and o.kind == "Network" and allowed(o.kind):
                seen.add(o.id)
                parts.append(o.id)
        i += 1
    out = set(parts)
    for p in parts:
        out.update(o.id for _t, o in neighbours(backend, p) if allowed(o.kind))
    return out


def _apply_since(g, since: str, keep: set[str]) -> None:
    """Drop ties and work that ended before ``since``, then nodes this left without ties."""
    had_ties = {n for n in g if g.degree(n)}
    g.remove_edges_from([(u, v, k) for u, v, k, d in g.edges(keys=True, data=True)
                         if dates.ended_before(d.get("to"), since)])
    g.remove_nodes_from([n for n, d in g.nodes(data=True)
                         if n not in keep and dates.ended_before(_node_end(d.get("kind", ""), d), since)])
    g.remove_nodes_from([n for n in had_ties if n in g and n not in keep and not g.degree(n)])
