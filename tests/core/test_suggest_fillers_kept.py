"""Session 43 (s43-cost): a filler's reading (``resolve``, ``span_of``) kept for the document by ``fill_roles``
(the suggester reads the same subjects and objects again for the next trigger), the roles filled as afresh. Failed on
main (``fill_roles`` took no ``read``)."""

from __future__ import annotations

import pytest

from annotator.suggest import event_args
from tests.spacy_support import english_words, news_suggester


def _doc():  # noqa: ANN202 - "Police arrested the man in Kabul on Monday", parsed by hand
    from spacy.tokens import Doc

    return Doc(
        english_words().vocab,
        words="Police arrested the man in Kabul on Monday".split(),
        pos="NOUN VERB DET NOUN ADP PROPN ADP PROPN".split(),
        tags="NNS VBD DT NN IN NNP IN NNP".split(),
        deps="nsubj ROOT det dobj prep pobj prep pobj".split(),
        heads=[1, 1, 3, 1, 1, 4, 1, 6],
        lemmas="police arrest the man in Kabul on Monday".split(),
        ents=["O", "O", "O", "O", "O", "B-GPE", "O", "B-DATE"],
        sent_starts=[True] + [False] * 7,
    )


def test_a_fillers_reading_is_kept_and_the_roles_filled_are_the_same(monkeypatch: pytest.MonkeyPatch):
    doc = _doc()
    etype = news_suggester().types["Justice:Arrest-Jail"]
    entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    from annotator.suggest.arg_spans import entity_index

    ents = entity_index(doc, entities)
    head, sent = doc[1], doc[0 : len(doc)]
    pairs = event_args.frame(head)
    fresh = event_args.fill_roles(etype, pairs, ents, (head.idx, head.idx + 8), sent, entities)
    text = doc.text
    assert {(a.role, text[a.start : a.end]) for a in fresh} >= {("Agent", "Police"), ("Person", "man")}
    resolved: list[int] = []
    resolve = event_args.resolve

    def counted(tok, ents):  # noqa: ANN001, ANN202
        resolved.append(tok.i)
        return resolve(tok, ents)

    monkeypatch.setattr(event_args, "resolve", counted)
    read: dict = {}
    first = event_args.fill_roles(etype, pairs, ents, (head.idx, head.idx + 8), sent, entities, read)
    assert first == fresh
    assert sorted(read) == sorted(set(resolved)) and resolved  # each filler read once, kept by its index
    asked = len(resolved)
    again = event_args.fill_roles(etype, pairs, ents, (head.idx, head.idx + 8), sent, entities, read)
    assert again == fresh
    assert len(resolved) == asked  # read from what was kept
