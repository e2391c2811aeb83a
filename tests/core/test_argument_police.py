"""An arrest's Agent where the parse ties no one to the arrest is the police (or the authorities) named nearest in its
sentence (session 31: the news schema's Arrest-Jail Agent takes the slot ``police``): "was escorted by a police
officer after her arrest", "taken into custody after a shootout with police"."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _agents(nlp, text: str, word: str) -> list[str]:  # type: ignore[no-untyped-def]
    (event,) = [
        s
        for s in suggested_events(nlp, text)
        if text[s.trigger_start : s.trigger_end] == word and s.type == "Justice:Arrest-Jail"
    ]
    return [text[a.start : a.end] for a in event.arguments if a.role == "Agent"]


@pytest.mark.slow
def test_the_police_named_near_an_arrest_are_its_agent(nlp):
    """Fails on main: no Agent."""
    text = "Maria Lopez was escorted by a police officer after her arrest in Warsaw on Monday."
    assert _agents(nlp, text, "arrest") == ["police officer"]
    text = "Ahmed Ali was taken into custody after a shootout with police on Monday."
    assert _agents(nlp, text, "taken into custody") == ["police"]


@pytest.mark.slow
def test_an_agent_the_parse_gives_stays_and_no_police_gives_none(nlp):
    assert _agents(nlp, "Soldiers arrested Ahmed Ali in Warsaw on Monday as police officers watched.", "arrested") == [
        "Soldiers"
    ]
    assert _agents(nlp, "Ahmed Ali was arrested in Warsaw on Monday, his lawyer said.", "arrested") == []
