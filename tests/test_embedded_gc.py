"""The embedded backend's caches leave the cyclic collector's reach in batches, and no garbage is frozen with them.

Why: left in the collector's generations, the tie lists a hub's walks cache were
walked again by every full collection (bench/RESULTS.md, "Garbage collection and
the embedded caches"). These tests use a batch of a few ties so that the seed data
crosses it; the default batch is far above any test graph.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from graph.backends.embedded import FREEZE_BATCH, EmbeddedBackend
from graph.loading import open_dataset

SEED = Path(__file__).resolve().parent.parent / "seed_data"


@pytest.fixture
def backend():
    b = EmbeddedBackend.from_dataset(open_dataset(SEED))
    yield b
    gc.unfreeze()  # give the test process its collector back


def _tracked_ids() -> set[int]:
    return {id(o) for generation in range(3) for o in gc.get_objects(generation)}


def _cached_ties(b: EmbeddedBackend) -> list:
    return [t for lst in b._adj.values() for _, t, _ in lst]


def test_cached_ties_are_frozen_once_a_batch_is_reached(backend):
    backend.freeze_batch = 1
    ids = sorted(backend.graph.nodes)
    backend.incident(ids)
    ties = _cached_ties(backend)
    assert len(ties) > 100
    tracked = _tracked_ids()
    assert not [t for t in ties if id(t) in tracked]  # none left for a collection to walk
    assert not [r for r in backend._recs.values() if id(r) in tracked]


def test_below_a_batch_nothing_is_frozen(backend):
    frozen = gc.get_freeze_count()
    backend.incident(sorted(backend.graph.nodes))
    assert sum(len(lst) for lst in backend._adj.values()) < FREEZE_BATCH
    assert gc.get_freeze_count() == frozen
    tracked = _tracked_ids()
    assert all(id(t) in tracked for t in _cached_ties(backend)[:50])


class _Cycle:
    def __init__(self):
        self.me = self


def test_garbage_is_collected_before_the_freeze(backend):
    backend.freeze_batch = 1
    was = gc.isenabled()
    gc.disable()  # as during a query (graph.gc_pause): nothing collects the cycle by itself
    try:
        ref = weakref.ref(_Cycle())  # unreachable at once, kept alive only by its own cycle
        assert ref() is not None
        backend.incident(sorted(backend.graph.nodes)[:5])
        assert ref() is None  # freed, not frozen for the life of the process
        assert not gc.isenabled()  # the pause the query asked for is kept
    finally:
        if was:
            gc.enable()


def test_answers_are_the_same_with_freezing(backend):
    plain = EmbeddedBackend.from_dataset(open_dataset(SEED))
    backend.freeze_batch = 3
    ids = sorted(backend.graph.nodes)
    assert backend.incident(ids, rel_kinds=["WORKS_FOR", "PARTICIPATED_IN"]) == \
        plain.incident(ids, rel_kinds=["WORKS_FOR", "PARTICIPATED_IN"])
