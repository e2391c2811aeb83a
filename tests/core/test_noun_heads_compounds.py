"""Session 40 (s40-keys, docs/keyboard.md round 34): the nouns that name the kind of the noun after them ("bomb" of
"bomb attack", "police" of "police officers") are stored with the noun heads, so a role key offers them ("missile
attack": Instrument "missile"), and N still passes a trigger word naming the kind of the noun after it. Fails on main
(only the chunks' heads stored)."""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.keyflow import trigger_types
from annotator.nlp import to_parsed
from annotator.noun_modifiers import NounModifiers
from annotator.resources_path import resource_path
from annotator.role_heads import head_beside
from annotator.schema import load_schema
from spacy_support import english_vocab

TEXT = "Police officers detained a suspect after the bomb attack in Kabul ."


def _doc() -> Doc:
    """A hand-parsed Doc (no model): "Police officers", "a suspect", "the bomb attack" noun chunks, "Kabul" a GPE."""
    return Doc(
        english_vocab(),
        words=TEXT.split(),
        spaces=[True] * 10 + [False, False],
        pos=["NOUN", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"],
        deps=["compound", "nsubj", "ROOT", "det", "dobj", "prep", "det", "compound", "pobj", "prep", "pobj", "punct"],
        heads=[1, 2, 2, 4, 2, 2, 8, 8, 5, 8, 9, 2],
        ents=["O"] * 10 + ["B-GPE", "O"],
    )


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def test_a_noun_naming_the_kind_of_the_noun_after_it_is_stored_with_the_heads():
    heads = to_parsed(_doc()).noun_heads
    assert heads == [_at("Police"), _at("officers"), _at("suspect"), _at("bomb"), _at("attack")], heads
    attack = _at("attack")
    assert head_beside([_at("bomb")], TEXT, attack) == _at("bomb")  # the Instrument's noun, right before


def test_n_still_passes_a_trigger_word_naming_the_kind_of_the_noun_after_it():
    """ "attack" of "the attack survivors" is a stored noun now (a compound): N passes it still, the noun after it
    being a head."""
    text = "The attack survivors met in Kabul."
    schema = load_schema(resource_path("schemas/news.toml"))
    attack, survivors = (text.index(w) for w in ("attack", "survivors"))
    heads = [(attack, attack + 6), (survivors, survivors + 9)]
    kinds = NounModifiers(text, heads, lambda w: bool(trigger_types(schema, w)))
    assert kinds.modifies((attack, attack + 6))
