"""The storage primitives every backend implements, and the records they return.

A backend stores and reads; it holds no domain rule. Queries (``graph/queries``)
are written once, in Python, on top of these few operations: the walks
(``queries/walks.py``), the path search (``queries/path.py``) and the
collaboration strengths (``queries/strength.py``). The embedded networkx backend
and the Cypher backend each implement the primitives, and a parity test demands
identical rows from both. Keep a primitive small and its result fully ordered,
so that two backends cannot disagree on order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Protocol, runtime_checkable

from .. import schema

__all__ = ["NodeRecord", "Tie", "Path", "Subgraph", "Incident", "Backend", "DIRECTIONS", "check_direction"]

DIRECTIONS = ("out", "in", "both")


def check_direction(direction: str) -> None:
    """Refuse a ``direction`` that is not one of ``DIRECTIONS`` (both backends, so neither guesses)."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be out, in or both, not {direction!r}")


@dataclass(frozen=True, slots=True)
class NodeRecord:
    """A node: its id, its kind (a schema NodeKind name) and its fields."""

    id: str
    kind: str
    props: Mapping = field(default_factory=dict, compare=False, hash=False)

    @property
    def name(self) -> str:
        return self.props.get("name", self.id)


@dataclass(frozen=True, slots=True, eq=False)
class Tie:
    """A relationship in the schema's direction: ``start -kind-> end``.

    Two ties are equal when the graph would store them as one: same kind, same
    ends, same value of the kind's key field (``schema.RelKind.key_field``, the
    role of a participation): a speaker tie and an attendee tie are two ties.
    """

    kind: str
    start: str
    end: str
    props: Mapping = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The edge key, as ``records.Rel.key``: the kind, plus ``:value`` of its key field when set."""
        rk = schema.REL_KINDS.get(self.kind)
        value = self.props.get(rk.key_field) if rk is not None and rk.key_field else None
        return f"{self.kind}:{value}" if value is not None else self.kind

    def _identity(self) -> tuple:
        return (self.start, self.end, self.key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tie):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

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


@dataclass(frozen=True, slots=True)
class Subgraph:
    """Nodes (sorted by id) and the ties among them (sorted by ``Tie.sort_key``); ``name`` the dataset's."""

    name: str | None
    nodes: tuple[NodeRecord, ...]
    ties: tuple[Tie, ...]


#: One row of ``Backend.incident``: (the node asked about, a tie at it, the node at the tie's other end).
Incident = tuple[str, Tie, NodeRecord]


@runtime_checkable
class Backend(Protocol):
    """What a query may ask of a graph. Every list comes back sorted as documented.

    Also a context manager: ``with open_backend(...) as backend:`` closes it (a
    server's driver; nothing for the embedded graph).
    """

    def node(self, node_id: str) -> NodeRecord | None:
        """The node with this id, or None."""

    def nodes(self, kinds: Iterable[str] | None = None) -> list[NodeRecord]:
        """All nodes (of these kinds), sorted by id."""

    def relationships(self, kinds: Iterable[str] | None = None) -> list[Tie]:
        """All relationships (of these kinds), sorted by ``Tie.sort_key``.

        The raw material for projections (who-works-with-whom scoring,
        overlap records): Python builds the projection, so both backends share it.
        """

    def incident(self, node_ids: Iterable[str], *, rel_kinds: Iterable[str] | None = None,
                 direction: str = "both") -> list[Incident]:
        """Every tie (of ``rel_kinds``) at these nodes, as (node id, tie, other end's record).

        ``direction``: "out" (the node is the tie's start), "in" (its end) or "both"
        (a self-loop once). Unknown ids give no rows. Sorted by (node id, other id,
        ``Tie.sort_key``). Batched: one call for a whole frontier or a whole set of
        items, so a server answers in a few round trips, not one per node.
        """

    def subgraph(self, node_ids: Iterable[str]) -> Subgraph:
        """The nodes among these ids and every tie between two of them."""

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """(nodes by kind, relationships by kind), only kinds present."""

    def describe(self) -> str | None:
        """Which graph answers, for a message: None for the embedded graph, the server (password-free) else."""

    def close(self) -> None:
        """Release what the backend holds (a server connection)."""

    def __enter__(self) -> "Backend": ...

    def __exit__(self, *exc: object) -> None: ...
