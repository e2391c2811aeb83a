"""The trigger phrase a trigger word starts with its object between (``annotator.trigger_phrase``, Shift+Enter)."""

from __future__ import annotations

import pytest

from annotator.resources_path import resource_path
from annotator.schema import load_schema
from annotator.trigger_phrase import phrase_ahead

SCHEMA = load_schema(resource_path("schemas/news.toml"))


@pytest.mark.parametrize(
    ("text", "word", "type_", "phrase"),
    [
        (
            "The judge found Marek Zielinski guilty of fraud.",
            "found",
            "Justice:Convict",
            "found Marek Zielinski guilty",
        ),
        ("He was found guilty.", "found", "Justice:Convict", "found guilty"),
        ("A gunman shot it down over the sea.", "shot", "Conflict:Attack", "shot it down"),
        ("Rebels set the old depot on fire.", "set", "Conflict:Attack", "set the old depot on fire"),
        ("She was pleading guilty.", "pleading", "Justice:Convict", "pleading guilty"),
        ("Police found the key. He was guilty.", "found", "Justice:Convict", None),  # another sentence
        ("They found the old and very rich man guilty.", "found", "Justice:Convict", None),  # five words between
        ("The court fined him guilty men.", "fined", "Justice:Fine", None),  # no phrase of the type
    ],
)
def test_phrase_ahead(text: str, word: str, type_: str, phrase: str | None) -> None:
    start = text.index(word)
    got = phrase_ahead(SCHEMA.event_type(type_), text, start, start + len(word), len(text))
    assert (text[got[0] : got[1]] if got else None) == phrase
