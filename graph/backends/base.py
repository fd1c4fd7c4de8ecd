"""The graph primitives every backend implements, and the records they return.

Queries (``graph/queries``) are written once, in Python, on top of these few
operations; the embedded networkx backend and the Cypher backend each implement
them, and a parity test demands identical rows from both. Keep a primitive small
and its result fully ordered, so that two backends cannot disagree on order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Protocol, runtime_checkable

__all__ = ["NodeRecord", "Tie", "Path", "Backend", "DIRECTIONS"]

DIRECTIONS = ("out", "in", "both")


@dataclass(frozen=True, slots=True)
class NodeRecord:
    """A node: its id, its kind (a schema NodeKind name) and its fields."""

    id: str
    kind: str
    props: Mapping = field(default_factory=dict, compare=False, hash=False)

    @property
    def name(self) -> str:
        return self.props.get("name", self.id)


@dataclass(frozen=True, slots=True)
class Tie:
    """A relationship in the schema's direction: ``start -kind-> end``."""

    kind: str
    start: str
    end: str
    props: Mapping = field(default_factory=dict, compare=False, hash=False)

    def other(self, node_id: str) -> str:
        return self.end if self.start == node_id else self.start

    def sort_key(self) -> tuple:
        return (self.kind, self.start, self.end, str(self.props.get("role", "")), str(self.props.get("period", "")))


@dataclass(frozen=True, slots=True)
class Path:
    """A chain ``nodes[0] -ties[0]- nodes[1] ... nodes[-1]``; ties keep their own direction."""

    nodes: tuple[NodeRecord, ...]
    ties: tuple[Tie, ...]

    def sort_key(self) -> tuple:
        return (tuple(n.id for n in self.nodes), tuple(t.sort_key() for t in self.ties))


@runtime_checkable
class Backend(Protocol):
    """What a query may ask of a graph. Every list comes back sorted as documented."""

    def node(self, node_id: str) -> NodeRecord | None:
        """The node with this id, or None."""

    def nodes(self, kinds: Iterable[str] | None = None) -> list[NodeRecord]:
        """All nodes (of these kinds), sorted by id."""

    def relationships(self, kinds: Iterable[str] | None = None) -> list[Tie]:
        """All relationships (of these kinds), sorted by ``Tie.sort_key``.

        The raw material for projections (who-works-with-whom scoring,
        overlap records): Python builds the projection, so both backends share it.
        """

    def neighbours(self, node_id: str, *, rel_kinds: Iterable[str] | None = None,
                   direction: str = "both") -> list[tuple[Tie, NodeRecord]]:
        """Ties at ``node_id`` with the node at their other end, sorted by (tie, other id)."""

    def co_participation(self, node_id: str, *, rel_kinds: Iterable[str] | None = None,
                         others: Iterable[str] | None = None) -> list[tuple[Tie, NodeRecord, Tie, NodeRecord]]:
        """Two-step ties ``node -mine- item -theirs- other`` (other != node), each tie of
        ``rel_kinds`` in either direction; sorted by (item id, other id, mine, theirs).

        ``others``: only the rows whose other is one of these ids: the evidence of the
        few collaborators printed, without walking all of a hub's items again."""

    def co_participation_strengths(self, node_id: str, weights: Mapping[tuple[str, str, str], int], *,
                                   other_kinds: Iterable[str] | None = None) -> list[tuple[str, str, int]]:
        """Per other node sharing an item: ``(other id, other kind, strength)``, in no set order
        (the caller ranks them; sorting 55k ids would cost more than the sums).

        Counts the items both point *into* (``node -mine-> item <-theirs- other``,
        other != node, of ``other_kinds`` when given); ``weights[(item kind, mine kind,
        theirs kind)]`` weighs one pair of ties, a pair not in ``weights`` does not count.
        An item counts once, at its heaviest pair; strength sums the items. Why: a
        national funder shares items with 55k others in 80k (item, other) pairs; summing
        inside the backend hands back one plain tuple per other instead of 80k records
        (``lcg collaborators`` on the biggest hub, bench/RESULTS.md)."""

    def shortest_paths(self, a: str, b: str, *, max_hops: int = 4,
                       rel_kinds: Iterable[str] | None = None) -> list[Path]:
        """All shortest undirected paths from a to b of at most ``max_hops`` ties,
        one Path per distinct chain of relationships; sorted by ``Path.sort_key``."""

    def subgraph(self, node_ids: Iterable[str]):
        """The induced subgraph on these ids as a networkx MultiDiGraph (the embedded contract)."""

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """(nodes by kind, relationships by kind), only kinds present."""
