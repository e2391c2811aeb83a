"""Answers about a Doc's tokens kept while that Doc is read: ``PerDoc``, for a question the rule suggester asks again
and again of the same tokens of one Doc (a token's prepositional phrases, the label its noun guesses)."""

from __future__ import annotations

from typing import Any
from weakref import ref


class PerDoc:
    """What a function of a token answered, kept by token index for one Doc at a time (the last asked, weakly held):
    for a question asked again and again of the same tokens while one Doc is read. The Doc and its answers are
    swapped in one assignment: a thread asking of another Doc meanwhile starts its own, never reads this one's."""

    def __init__(self) -> None:
        self._slot: tuple[Any, dict[int, Any]] = (_no_doc, {})

    def of(self, doc: Any) -> dict[int, Any]:
        """The answers kept for ``doc`` (empty at its first question)."""
        held, answers = self._slot
        if held() is not doc:
            answers = {}
            self._slot = (ref(doc), answers)
        return answers


def _no_doc() -> None:  # the slot's first Doc: none
    return None
