""" "its" or "their" in front of a noun trigger stands for the subject of the clause above it (session 29): "Iran and
Syria cooperated in their fight against the rebels" (the attackers, read through a pronoun: suggested as no evidence
of the trigger, after the noun's own slots)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _args(nlp, text: str, word: str) -> set[tuple[str, str, float]]:  # type: ignore[no-untyped-def]
    (event,) = [s for s in suggested_events(nlp, text) if text[s.trigger_start : s.trigger_end] == word]
    return {(a.role, text[a.start : a.end], a.score) for a in event.arguments}


@pytest.mark.slow
def test_their_in_front_of_a_noun_trigger_stands_for_the_clauses_subject(nlp):
    got = _args(nlp, "Iran and Syria cooperated in their fight against the rebels.", "fight")
    assert ("Attacker", "Iran", 0.45) in got, got


@pytest.mark.slow
def test_a_subject_the_noun_frame_gives_keeps_its_own_reading(nlp):
    got = _args(nlp, "The rebels resumed their attacks on the city.", "attacks")
    assert ("Attacker", "rebels", 0.6) in got, got
