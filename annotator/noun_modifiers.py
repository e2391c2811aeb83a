"""A trigger word that names the kind of the noun right after it ("the deputy transport minister", "payment channels",
"the attack survivors", "election results"): a word N passes over (session 35, helper s35-keys), as it passes the
words of a name.

Read from what pre-annotation with events stores, the parse's noun heads (``nlp.noun_heads``, ``tokens.noun_heads``):
the next word, one space after it, is a noun head (the word itself stored too since session 40: a noun naming the
kind of the one after it, "attack" of "the attack survivors", is stored for the role keys). On events-dev (the rule suggester's
events taken, the pipeline's entities, the 8 annotated types) 203 of the 1,130 trigger words N stopped at were such
words, 6 of them a gold trigger (``bench/n_stops.py``). A word that with the noun after it makes a trigger of the
schema ("phone call", "telephone call": Shift+Enter takes such a phrase) is kept, as is every word of a document
pre-annotated without events (no heads stored): N stops where it did. No Qt."""

from __future__ import annotations

from typing import Callable, Iterable


class NounModifiers:
    """``modifies(word)``: whether the trigger word ``(start, end)`` names the kind of the stored noun head after it."""

    def __init__(self, text: str, noun_heads: Iterable[tuple[int, int]], names_trigger: Callable[[str], bool]) -> None:
        """``noun_heads``: the document's stored heads (code points, end exclusive); ``names_trigger``: whether some
        words are a trigger of the schema (``keyflow.trigger_types``)."""
        self.text = text
        self.heads = set(noun_heads)
        self.head_end = {s: e for s, e in self.heads}
        self.names_trigger = names_trigger

    def modifies(self, word: tuple[int, int]) -> bool:
        start, end = word
        if self.text[end : end + 1] != " ":
            return False
        after = self.head_end.get(end + 1)
        if after is None:
            return False
        return not self.names_trigger(self.text[start:after])  # "phone call": a trigger of two words, kept
