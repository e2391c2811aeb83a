"""A title-case headline run into the first sentence is no part of that sentence's events (session 30): the sentence's
nearest Place or Time is looked for on the trigger's side of the headline's end ("Tensions Rise in Baghdad Protesters
marched on Monday": the march's place is not the headline's Baghdad)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _args(nlp, text: str, word: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    (event,) = [s for s in suggested_events(nlp, text) if text[s.trigger_start : s.trigger_end] == word]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_a_place_the_headline_names_is_no_place_of_the_sentence_run_into_it(nlp):
    got = _args(nlp, "Tensions Rise in Baghdad Protesters marched on Monday.", "marched")
    assert ("Place", "Baghdad") not in got, got
    assert ("Time", "Monday") in got, got


@pytest.mark.slow
def test_a_place_the_sentence_itself_names_is_still_its_nearest(nlp):
    got = _args(
        nlp, "Tensions Rise Across the Region Protesters marched on Monday, residents in Baghdad said.", "marched"
    )
    assert ("Place", "Baghdad") in got, got
