"""The types k-fold gave to the prior come out of the trained suggester exactly as the prior suggests them."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.learn.event_model import NONE, EventModel, TrainedEventSuggester
from annotator.learn.perceptron import LogLinear
from annotator.schema import default_schema

ATTACK = "Conflict:Attack"


def _model(schema) -> EventModel:
    """A hand-set model: every candidate is an Attack with probability 0.5; a GPE is its Place with probability
    0.6."""
    types = list(schema.event_type_names)
    roles = sorted({r.name for et in schema.events for r in et.roles})
    tw = np.zeros((1, len(types) + 1), np.float32)
    tw[0, 1 + types.index(ATTACK)] = 10.0
    tw[0, 0] = 10.0  # NONE and Attack share the probability
    aw = np.full((1, len(roles) + 1), -50.0, np.float32)
    place = 1 + roles.index("Place")
    aw[0, place] = np.log(0.6)
    aw[0, 0] = np.log(0.4)
    return EventModel(
        LogLinear([NONE, *types], {"bias": 0}, tw),
        LogLinear([NONE, *roles], {f"{ATTACK}|lab=GPE": 0}, aw),
        {ATTACK: 1},
        {},
        {"attack": 1},
        thresholds={ATTACK: 0.3},
        argument_threshold=0.5,
    )


def test_the_priors_types_come_out_as_the_prior_suggests_them_all(nlp):
    """A type implying another on the same trigger (an execution is also a death) gives two suggestions on one
    token: the trained suggester, for the types k-fold gave to the prior, shows both (it showed only the first:
    the Life:Die of 'executed' was lost, so the trained suggestions fell below the rules' own)."""
    schema = default_schema()
    doc = nlp("The government executed two activists in Tehran on Monday, officials said.")
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    from annotator.learn.event_model import default_prior

    prior = default_prior(schema)
    want = prior.suggest(doc, ents)
    assert len({(s.trigger_start, s.trigger_end) for s in want}) < len(want)  # two types on one trigger
    model = _model(schema)
    model.prior_types = set(schema.event_type_names)
    model.learned_arguments = False
    got = TrainedEventSuggester(model, schema, "trained:test@1", prior).suggest(doc, ents)
    assert sorted(got, key=repr) == sorted(want, key=repr)


class _AttackAndPayment:
    """The rules: an Attack on 'attacked', a Transfer-Money on 'paid'."""

    source = "test-rules"

    def suggest(self, doc, entities):
        from annotator.suggest.types import EventSuggestion

        out = []
        for tok in doc:
            if tok.text in ("attacked", "paid"):
                type_ = ATTACK if tok.text == "attacked" else "Transaction:Transfer-Money"
                out.append(EventSuggestion(type_, tok.idx, tok.idx + len(tok), 0.9))
        return out


@pytest.mark.parametrize("marked", [False, True])
def test_a_type_the_rules_did_not_suggest_in_training_stays_the_rules(nlp, marked):
    """Training documents where the rules suggested no payment (and people marked none, or one on a word the
    rules do not know): the trained suggester still shows the rules' payments on new text. The type went to the
    model, which has seen at most one and suggests none, so the first 20 articles of events-dev lost every
    Transfer-Money suggestion of the articles after them."""
    from annotator.learn.data import GoldEvent
    from annotator.learn.event_tuning import train_event_model

    schema = default_schema()
    prior = _AttackAndPayment()
    examples = []
    for city in ("Adana", "Mosul", "Kabul", "Aleppo", "Homs", "Basra", "Herat", "Sanaa"):
        doc = nlp(f"Rebels attacked the town of {city} on Monday, officials said.")
        s = doc.text.index("attacked")
        examples.append((doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents], [GoldEvent(ATTACK, s, s + 8)]))
    if marked:
        doc = nlp("The ministry transferred the money to the families.")
        s = doc.text.index("transferred")
        examples.append((doc, [], [GoldEvent("Transaction:Transfer-Money", s, s + len("transferred"))]))
    model = train_event_model(examples, schema, prior, epochs=2)
    doc = nlp("The government paid the families of the victims.")
    suggested = TrainedEventSuggester(model, schema, "trained:test@1", prior).suggest(doc, [])
    assert [(v.type, doc.text[v.trigger_start : v.trigger_end]) for v in suggested] == [
        ("Transaction:Transfer-Money", "paid")
    ]
