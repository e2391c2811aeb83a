"""The trigger phrase a suggested trigger word starts, its object between ("found" of "found Marek Zielinski guilty":
the schema's "found guilty"): what Shift+Enter widens the trigger to as it accepts the event (no Qt)."""

from __future__ import annotations

import re

from annotator.keyflow import phrase_key, stem, trigger_types
from annotator.schema import EventType, Schema

MOST_BETWEEN = 4  # words between the phrase's first word and its rest: "set the old depot on fire", "shot it down"
_WORD = re.compile(r"\w+")
_STOP = re.compile(r"[.;:!?()\[\]\n]")  # a phrase never runs past a sentence's end, a clause's or a bracket


def phrase_ahead(etype: EventType, text: str, start: int, end: int, bound: int) -> tuple[int, int] | None:
    """The span from the trigger word ``text[start:end]`` to the end of the rest of a trigger phrase of ``etype`` (its
    trigger words, weak ones too, of two words or more) that starts with that word, the rest told after it before
    ``bound`` (the sentence's end) with at most ``MOST_BETWEEN`` words before it and no mark of a sentence's or
    clause's end; the nearest such rest. None when the trigger is not one word or no phrase goes on from it."""
    first = phrase_key(text[start:end])
    if len(first) != 1:
        return None
    stop = _STOP.search(text, end, bound)
    words = [(m.end(), stem(m.group())) for m in _WORD.finditer(text, end, stop.start() if stop else bound)]
    best: tuple[int, int] | None = None
    for phrase in (*etype.triggers, *getattr(etype, "weak_triggers", ())):
        key = phrase_key(phrase)
        if len(key) < 2 or key[0] != first[0]:
            continue
        rest = key[1:]
        for i in range(min(MOST_BETWEEN, len(words) - len(rest)) + 1):
            if tuple(s for _, s in words[i : i + len(rest)]) == rest:
                found = (start, words[i + len(rest) - 1][0])
                best = found if best is None or found[1] < best[1] else best
                break
    return best


def word_types(schema: Schema, text: str, start: int, end: int, bound: int) -> list[str]:
    """The event types E offers for the words ``text[start:end]``, best first: when they are one word that names no
    type (``keyflow.trigger_types``) but starts a trigger phrase of some types, its rest told after it before ``bound``
    (``phrase_ahead``: "pleading" of "pleading guilty", "heading" of "heading to"), those types; else the types the
    words name. E made on such a word took the picker (on events-dev 8 gold events, 5 of them the word alone:
    "heading", "headed"); Shift+Enter then widens the trigger to the phrase, as the status line offers."""
    named = trigger_types(schema, text[start:end])
    if named:
        return named
    return [t.name for t in schema.events if phrase_ahead(t, text, start, end, bound) is not None]
