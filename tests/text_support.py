"""Where a word stands in a text, for tests that place spans by their words, and which words an event's arguments
fill."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping


def word_span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    """Code-point (start, end) of the ``nth`` occurrence of ``word`` in ``text`` (from 0); ValueError when there is
    no such occurrence."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def argument_words(
    text: str, arguments: Iterable[Any], entities: Mapping[int, Any] | Callable[[int], Any]
) -> list[tuple[str, str]]:
    """(role, words) of each of an event's ``arguments`` in their order: the words of ``text`` its entity spans,
    ``entities`` giving an entity by its id (a mapping, or a function such as ``Project.entity``)."""
    entity_of = entities.__getitem__ if isinstance(entities, Mapping) else entities
    return [(a.role, text[(e := entity_of(a.entity_id)).start : e.end]) for a in arguments]
