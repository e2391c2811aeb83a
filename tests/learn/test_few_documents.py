"""Trained on fewer documents than k-fold tuning needs (a user's first few finished documents), the event model
keeps the prior's suggestions where the prior makes any: 5 finished seed documents whose events were the rules'
accepted suggestions gave trigger F1 0.000 (one epoch) and 0.105 (five) against the rules' 0.98, because below
MIN_DOCS the barely trained model replaced the prior for every type."""

from __future__ import annotations


from annotator.learn.scoring import as_events
from annotator.learn.event_model import TrainedEventSuggester, default_prior
from annotator.learn.event_tuning import MIN_DOCS, train_event_model
from annotator.schema import default_schema

TEXTS = [
    "Rebels attacked the town of Adana on Monday, officials said.",
    "Soldiers attacked a convoy near Mosul on Friday.",
    "Gunmen attacked a police station in Kano last week.",
    "Militants attacked the airport in Kabul on Sunday.",
    "Insurgents attacked an army base near Aleppo on Tuesday.",
]


def _entities(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_few_documents_keep_the_priors_suggestions(nlp):
    schema = default_schema()
    prior = default_prior(schema)
    examples = []
    for text in TEXTS[: MIN_DOCS - 2]:  # gold: the prior's suggestions, accepted (as a user does at first)
        doc = nlp(text)
        ents = _entities(doc)
        gold = as_events(prior.suggest(doc, ents))
        assert gold, text
        examples.append((doc, ents, gold))
    model = train_event_model(examples, schema, prior, epochs=1, seed=0)
    assert "Conflict:Attack" in model.prior_types
    doc = nlp(TEXTS[-1])
    want = [(s.type, s.trigger_start, s.arguments) for s in prior.suggest(doc, _entities(doc))]
    got = [
        (s.type, s.trigger_start, s.arguments)
        for s in TrainedEventSuggester(model, schema, "new", prior).suggest(doc, _entities(doc))
    ]
    assert want and got == want
