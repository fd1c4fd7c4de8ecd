"""The dataset's records: one node, one relationship, with read-only fields."""

from __future__ import annotations

from dataclasses import dataclass

from . import schema

__all__ = ["FrozenProps", "Node", "Rel"]


class FrozenProps(dict):
    """A dict that refuses changes: the dataset's fields are facts, not scratch space."""

    __slots__ = ()

    def _readonly(self, *args, **kwargs):
        raise TypeError("dataset fields are read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly  # type: ignore[assignment]

    def __reduce__(self):
        return (FrozenProps, (dict(self),))


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: str
    props: FrozenProps
    file: str

    @property
    def name(self) -> str:
        return self.props["name"]


@dataclass(frozen=True, slots=True)
class Rel:
    kind: str
    start: str
    end: str
    props: FrozenProps

    @property
    def key(self) -> str:
        """The edge key: the kind, plus the distinguishing field's value when set."""
        field = schema.REL_KINDS[self.kind].key_field
        value = self.props.get(field) if field else None
        return f"{self.kind}:{value}" if value is not None else self.kind
