"""The benches' direct path gives the suggesters the entities pre-annotation gives them: ``bench/events.py``'s
``labelled_entities`` (read by learning.py, learning_cv.py, rescoring_cv.py, default_roles.py) labels a surname the
NER mislabels, where the document names the person in full, a PERSON, as ``nlp.pipeline_entities`` and training do.
The row was the rule suggester's own until session 41 moved it to the entity layer; the benches' raw ``doc.ents`` then
lost it (the second learning split's untrained arguments 0.5183 -> 0.5160)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from spacy_support import english_vocab
from test_bench_event_match import load_events


def test_the_benches_entities_label_a_surname_of_a_person_named_in_full_a_person():
    words = ["Hassan", "Khouri", "spoke", ".", "Police", "arrested", "Khouri", "."]
    doc = Doc(english_vocab(), words=words, pos=["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "PROPN", "PUNCT"])
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 6, 7, "ORG")]
    (ents,) = load_events().labelled_entities([doc], {"PERSON", "ORG"})
    assert ents == [(0, 13, "PERSON"), (doc[6].idx, doc[6].idx + 6, "PERSON")]
