"""Which match Alt+E in Find's bar goes to (annotator/trigger_reach.py, session 33)."""

from __future__ import annotations

from annotator.find_words import find_all, find_stops
from annotator.trigger_reach import merged_spans, next_match_for_event, word_around

TEXT = "She said the state of Sudan will strike. They sent troops. Soldiers shot."


def at(word: str) -> tuple[int, int]:
    s = TEXT.index(word)
    return s, s + len(word)


def landing(words: str, names=(), typed=frozenset({"strike", "sent", "shot"}), triggers=(), here=0) -> str | None:
    stops = find_stops(TEXT, find_all(TEXT, words))
    i = next_match_for_event(TEXT, stops, here, here, list(names), lambda w: w in typed, list(triggers))
    return None if i is None else word_around(TEXT, *stops[i])


def test_the_next_trigger_word_first_then_a_word_of_no_closed_class_in_no_span():
    assert landing("s") == "strike"  # "She", "said", "state", "Sudan" passed over
    assert landing("s", triggers=[at("strike")]) == "sent"  # an event's trigger: E there decides it
    # no free trigger word: an event's before a word of no type ("st": "strike", decided as before, not "state")
    assert landing("st", typed=frozenset({"strike"}), triggers=[at("strike")]) == "strike"
    assert landing("st", typed=frozenset(), triggers=[at("strike")]) == "state"
    assert landing("s", typed=frozenset()) == "said"  # no trigger word: "She" passed over, a closed-class word
    assert landing("su", typed=frozenset(), names=[at("Sudan")]) is None  # the only match in a span: Enter's
    assert landing("s", here=at("sent")[1]) == "shot"  # from the caret on, wrapping round
    assert landing("s", here=at("shot")[1]) == "strike"


def test_spans_merged_where_they_overlap_only():
    assert merged_spans([(5, 9), (0, 3), (2, 4), (9, 12)]) == [(0, 4), (5, 9), (9, 12)]
