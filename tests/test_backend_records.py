"""The records the backends hand out, and the embedded backend as a Backend."""

from __future__ import annotations

from conftest import FIXTURES


def test_tie_equality_includes_its_role():
    from graph.backends.base import Tie

    speaker = Tie("PARTICIPATED_IN", "ann", "summit", {"role": "speaker"})
    attendee = Tie("PARTICIPATED_IN", "ann", "summit", {"role": "attendee"})
    assert speaker != attendee and len({speaker, attendee}) == 2
    same = Tie("PARTICIPATED_IN", "ann", "summit", {"role": "speaker", "sources": ["x.txt"]})
    assert speaker == same and hash(speaker) == hash(same)  # other fields do not make another tie
    assert speaker.key == "PARTICIPATED_IN:speaker" and Tie("FUNDS", "a", "b").key == "FUNDS"


def test_the_embedded_backend_is_a_backend_and_a_context_manager():
    from graph.backends.base import Backend
    from graph.backends.open import open_backend

    with open_backend(FIXTURES / "collab") as b:
        assert isinstance(b, Backend)
        assert b.describe() is None  # nothing to name: the data folder answered
        sub = b.subgraph(["alpha-university", "digital-skills-project", "no-such-id"])
        assert [n.id for n in sub.nodes] == ["alpha-university", "digital-skills-project"]
        assert sub.ties and all({t.start, t.end} <= {"alpha-university", "digital-skills-project"} for t in sub.ties)
