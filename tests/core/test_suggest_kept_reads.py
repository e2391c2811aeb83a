"""Session 43 (s43-cost): what the suggester read again and again, kept, and the same as read afresh: a filler's
reading (``resolve``, ``span_of``) kept for the document by ``fill_roles`` (the same subjects and objects are read
again for the next trigger), and an event type's roles with their slots. Failed on main (``fill_roles`` took
no ``read``; no ``_slots_of``)."""

from __future__ import annotations

import pytest

from annotator.suggest import event_args
from annotator.role_slots import role_slots
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


def test_a_types_roles_and_slots_are_kept_per_type_and_read_as_afresh():
    etypes = news_suggester().types
    for etype in etypes.values():
        slots = event_args._slots_of(etype)
        assert slots == tuple((r, role_slots(r)) for r in etype.roles)
        assert event_args._slots_of(etype) is slots  # kept
    from dataclasses import replace

    arrest = etypes["Justice:Arrest-Jail"]
    fewer = replace(arrest, roles=arrest.roles[:1])  # another type (another schema's): its own roles
    assert event_args._slots_of(fewer) == ((arrest.roles[0], role_slots(arrest.roles[0])),)
    assert len(event_args._slots_of(arrest)) == len(arrest.roles)
