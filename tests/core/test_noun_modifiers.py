"""``noun_modifiers.NounModifiers`` (session 35, s35-keys): the trigger words N passes as naming the kind of the noun
after them, from the stored noun heads."""

from __future__ import annotations

from annotator.keyflow import trigger_types
from annotator.noun_modifiers import NounModifiers
from annotator.resources_path import resource_path
from annotator.schema import load_schema

TEXT = "The deputy transport minister spoke of payment channels, the trial and a phone call; payments stopped. Trial"


def _at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def _kinds(heads: list[tuple[int, int]]) -> NounModifiers:
    schema = load_schema(resource_path("schemas/news.toml"))
    return NounModifiers(TEXT, heads, lambda w: bool(trigger_types(schema, w)))


def test_a_word_before_a_stored_noun_head_names_its_kind():
    kinds = _kinds([_at("minister"), _at("channels"), _at("trial"), _at("call")])
    assert kinds.modifies(_at("transport"))
    assert kinds.modifies(_at("payment"))


def test_a_word_and_its_noun_that_make_a_trigger_are_kept():
    kinds = _kinds([_at("call")])
    assert not kinds.modifies(_at("phone"))  # "phone call": a trigger of Contact:Phone-Write


def test_a_head_a_word_before_punctuation_and_a_word_without_heads_are_kept():
    kinds = _kinds([_at("minister"), _at("trial"), _at("payments")])
    assert not kinds.modifies(_at("trial"))  # "trial and": no head after it
    assert not kinds.modifies(_at("payments"))  # "payments stopped": a head, the verb after it
    assert not kinds.modifies(_at("channels"))  # no head after it
    assert not kinds.modifies(_at("Trial"))  # the text's last word
    assert not _kinds([]).modifies(_at("transport"))  # no heads stored (pre-annotated without events): as before
