"""Which event a role key fills: the selected one, or the one of the sentence of the words the person selected.

An argument lies in its trigger's sentence: all 1,055 gold arguments of events-dev (M2E2 marks them within it) and the
58 of the three seeds' gold (docs/keyboard.md, round 7). A person who selects a filler in another sentence than the
selected event's trigger (Find's match, a click, Tab) means an event of that sentence: seed 000's "Modi" of "the
Putin-Modi summit" took four ] to reach the summit before Find went to the words (round 15's leftover)."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.model import Event


def gap(event: Event, words: tuple[int, int]) -> int:
    """Characters between ``event``'s trigger and ``words`` (0 when they touch or overlap)."""
    return max(0, words[0] - event.trigger_end, event.trigger_start - words[1])


def event_for_filler(
    events: Iterable[Event], current: Event | None, words: tuple[int, int], sentence: tuple[int, int]
) -> Event | None:
    """The event a role key fills with ``words`` (in the sentence ``sentence``): ``current`` when its trigger lies in
    that sentence; else the event of the sentence (not rejected) whose trigger is nearest the words, the earlier of
    two as near; else ``current`` (None: no event to fill)."""
    a, b = sentence
    if current is not None and a <= current.trigger_start < b:
        return current
    there = [v for v in events if v.state != "rejected" and a <= v.trigger_start < b]
    if not there:
        return current
    return min(there, key=lambda v: (gap(v, words), v.trigger_start, v.id))
