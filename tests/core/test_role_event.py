"""Which event a role key fills (annotator.role_event): the selected one, or the nearest of the words' sentence."""

from __future__ import annotations

from annotator.model import Event
from annotator.role_event import event_for_filler


def ev(id_: int, start: int, end: int, state: str = "accepted") -> Event:
    return Event(id_, 1, "Contact:Meet", start, end, {}, None, state=state)


def test_the_selected_event_is_kept_when_its_trigger_is_in_the_words_sentence():
    talk, other = ev(1, 10, 20), ev(2, 30, 36)
    assert event_for_filler([talk, other], talk, (32, 40), (0, 50)) is talk


def test_else_the_nearest_event_of_the_words_sentence_not_rejected():
    talk, near, far, gone = ev(1, 10, 20), ev(2, 80, 86), ev(3, 95, 99), ev(4, 71, 75, "rejected")
    assert event_for_filler([talk, far, near, gone], talk, (76, 79), (60, 100)) is near
    assert event_for_filler([talk, far, near], None, (96, 97), (60, 100)) is far  # none selected: the sentence's


def test_no_event_in_the_words_sentence_keeps_the_selected_one():
    talk = ev(1, 10, 20)
    assert event_for_filler([talk], talk, (70, 75), (60, 100)) is talk
    assert event_for_filler([talk], None, (70, 75), (60, 100)) is None
