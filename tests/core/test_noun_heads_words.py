"""A noun head the role keys offer is a word: the parser's NOUN on an emoji or a symbol ("in Budapest 🏛️ on Tuesday":
en_core_web_sm read 🏛️ as a noun) is none, at pre-annotation and in a project pre-annotated before (session 34,
helper s34-qa). Failed on main: Alt+3 made "🏛️" a LAW, the arrest's Crime."""

from __future__ import annotations

import orjson
from core_helpers import add_document
from spacy.tokens import Doc

from spacy_support import english_vocab
from annotator.held import HeldDocument
from annotator.nlp import noun_heads
from annotator.store import Project

WORDS = ["Police", "arrested", "Kovacs", "in", "Budapest", "🏛️", "for", "fraud", "."]
TEXT = "Police arrested Kovacs in Budapest 🏛️ for fraud."


def _parsed() -> Doc:
    """``TEXT`` parsed by hand as en_core_web_sm parsed seed-like text: the emoji a NOUN heading a chunk."""
    doc = Doc(
        english_vocab(),
        words=WORDS,
        spaces=[True] * 7 + [False, False],
        pos=["NOUN", "VERB", "PROPN", "ADP", "PROPN", "NOUN", "ADP", "NOUN", "PUNCT"],
        deps=["nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "prep", "pobj", "punct"],
        heads=[1, 1, 1, 1, 5, 3, 1, 6, 1],
        ents=["O", "O", "B-PERSON", "O", "B-GPE", "O", "O", "O", "O"],
    )
    assert doc.text == TEXT
    return doc


def test_an_emoji_the_parser_calls_a_noun_is_no_noun_head():
    doc = _parsed()
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    heads = [TEXT[s:e] for s, e in noun_heads(doc, ents)]
    assert "🏛️" not in heads  # on main: offered to a role key
    assert heads == ["Police", "fraud"]


def test_a_project_pre_annotated_before_offers_no_stored_emoji_head(tmp_path):
    """Heads stored by an older pre-annotation (the emoji among them) are read without the ones that are no word."""
    with Project(tmp_path / "p.annotator") as p:
        doc_id = add_document(p, TEXT)
        stored = [(0, 6), (TEXT.index("🏛️"), TEXT.index("🏛️") + 2), (TEXT.index("fraud"), TEXT.index("fraud") + 5)]
        with p.transaction():
            heads = orjson.dumps(stored).decode()
            p.db.insert_tokens(doc_id, "spacy:test@1", "[0]", "[6]", "[0]", replace=True, noun_heads=heads)
        held = HeldDocument()
        held.open(p, doc_id)
        assert [TEXT[s:e] for s, e in held.noun_heads(p)] == ["Police", "fraud"]
