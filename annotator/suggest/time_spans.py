"""Whether a DATE or TIME span says when something happened or only how long it lasted.

A Time argument places an event on the calendar: ACE's Time roles (Time-Within, Time-Starting, Time-Ending,
Time-Before, Time-After, ...) each relate the event to a time it happened in, began, ended or came before or after.
A bare length of time ("for three days", "a two-year war", "ended a trial that lasted almost two years") places
nothing, nor does an age ("a 20-year-old man"; "Zielinski, 58, was arrested", spaCy's DATE for an age set off by
commas after a name: ACE marks no time there); "two years ago", "three days later", "the past two weeks", "in two
days" are measured from a point and do.
The units of time are a closed class of English, not words of any event.
"""

from __future__ import annotations

import re
from typing import Any

UNITS = frozenset("second minute hour day night week fortnight month year decade century millennium".split())
# words that measure a length from a point, which makes it one: "two years ago", "three days later", "the past week"
_ANCHORS = frozenset(
    "ago later earlier before after since past last next this that these those coming previous following same "
    "recent early late mid".split()
)
# a length counted from now or from an event is a point too: "in two days", "within hours of the attack"
_POINT_PREPS = frozenset("in within after before by until till from since".split())
# the parts of a day and the clock: what makes a span a TIME rather than a DATE (OntoNotes, whose labels the schema's
# are: "Saturday morning", "about 10:30 a.m.", "that night"); a closed class of English, as the units are
_DAY_PARTS = frozenset("morning afternoon evening night tonight overnight midnight noon midday dawn dusk".split())
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d\s*[ap]\.m\.?|\d\s*[ap]m\b|o'clock", re.IGNORECASE)
_AGE = re.compile(r"\d{1,3}")  # a bare number of at most three digits: no year ("2023"), no date ("5/12")


def tells_time_of_day(words: str) -> bool:
    """Whether ``words`` name a part of a day or a clock time ("Saturday morning", "about 10:30 a.m.", "at noon")."""
    return bool(_CLOCK.search(words)) or any(w in _DAY_PARTS for w in re.findall(r"[a-z]+", words.lower()))


def is_apposed_age(text: str, start: int, end: int) -> bool:
    """Whether the span at [start, end) of ``text`` is a bare number set off by commas right after a word (or by a
    comma and the sentence's end): an age told in apposition ("Zielinski, 58, was arrested", "says Soler, 52."),
    which spaCy's pipeline often labels DATE. It says how old someone
    is, no time an event happened at. Text alone, so the app's role keys (no parse) and the suggester read it alike."""
    if not _AGE.fullmatch(text[start:end]):
        return False
    before = text[max(0, start - 40) : start].rstrip(" ")
    after = text[end : end + 3].lstrip(" ")
    return before.endswith(",") and before[:-1].rstrip(" ")[-1:].isalpha() and after[:1] in (",", ".", ";", "")


def is_duration(doc: Any, start: int, end: int) -> bool:
    """Whether the DATE/TIME span at [start, end) of ``doc`` is a bare length of time ("three days", "two-year",
    "almost two years", "decades") or an age ("Zielinski, 58,"), which is no time an event happened at."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    # the words around the span, not ``doc.text``, which spaCy joins anew at each read (a whole article per span)
    near = doc[max(0, span.start - 4) : span.end + 2]
    if is_apposed_age(near.text, start - near.start_char, end - near.start_char):
        return True  # "Zielinski, 58, was arrested": an age, no time
    root = span.root
    if root.lower_ == "old" and any(t.lemma_.lower() in UNITS for t in span):
        return True  # an age ("a 20-year-old man", "three years old"): how long one has lived, no time
    if root.lemma_.lower() not in UNITS:
        return False
    if any(t.pos_ == "PROPN" or t.like_num and len(t.text) == 4 for t in span):  # "Tuesday", "May 2023", "2016"
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if any(t.lower_ in _ANCHORS for t in span):
        return False
    head = root.head if root.dep_ in ("pobj", "npadvmod") else None
    measured = head is not None and head.dep_ == "prep" and head.lower_ in ("for", "of")  # "a sentence of two years"
    if after is not None and after.lower_ in _ANCHORS and not measured:
        return False  # "two years after the war", "just days after the election", "three days later"
    if head is not None and head.dep_ == "prep" and head.lower_ in _POINT_PREPS:
        return False
    counted = any(t.like_num or t.tag_ == "CD" or t.lower_ in ("several", "few", "many", "some") for t in span)
    if counted:
        return True
    if any(t.dep_ == "det" or t.tag_ in ("DT", "PRP$") for t in span):  # "the day", "that night": a point
        return False
    return root.tag_ == "NNS"  # "for days", "decades of war"
