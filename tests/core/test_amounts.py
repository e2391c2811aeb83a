"""An amount the pipeline labelled a count or a measure that names a currency is money (annotator/suggest/amounts.py):
seed 004's "fined him 500,000 zlotys", spaCy's QUANTITY, left the suggested fine's Money empty."""

from __future__ import annotations

import pytest

from annotator import edits
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate
from annotator.suggest.amounts import is_money, names_currency
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
from core_helpers import add_document

TEXT = "The court fined him 500,000 zlotys and 20 people were there."


def at(words: str) -> tuple[int, int]:
    return TEXT.index(words), TEXT.index(words) + len(words)


def test_an_amount_is_money_when_its_words_name_a_currency():
    money = ["500,000 zlotys", "3.4 million euros", "$850,000", "USD 2 million", "10 billion yuan", "₹5 crore"]
    other = ["20 people", "500 pounds", "three tonnes", "2 million", "50 percent"]  # a pound a weight as often
    assert [w for w in money if not names_currency(w)] == []
    assert [w for w in other if names_currency(w)] == []
    assert is_money("QUANTITY", "500,000 zlotys") and is_money("CARDINAL", "5 million euros")
    assert not is_money("PERCENT", "5 euros") and not is_money("QUANTITY", "20 people")


class Fines:
    """A stand-in event suggester: "fined" a Justice:Fine whose Money is "500,000 zlotys" told as MONEY, as the rule
    suggester gives it (``event_args``: ``amounts.is_money``)."""

    source = "fake:fines@1"

    def suggest(self, doc, entities):  # type: ignore[no-untyped-def]
        money = ArgumentSuggestion("Money", *at("500,000 zlotys"), "MONEY", 0.8)
        return [EventSuggestion("Justice:Fine", *at("fined"), 0.8, (money,))]


@pytest.fixture(scope="module")
def pipe():
    return ruler_pipeline([{"label": "QUANTITY", "pattern": "500,000 zlotys"}, {"label": "CARDINAL", "pattern": "20"}])


def test_the_pipelines_amount_an_event_suggestion_fills_as_money_is_one_suggestion_of_money(project, pipe):
    """The pipeline's QUANTITY on "500,000 zlotys" and the suggested fine's Money on the same words as MONEY were two
    entity suggestions on one amount (the writer made a MONEY beside the QUANTITY): one now, MONEY, filling the role;
    another amount stays as the pipeline read it. Since session 42 the entities pre-annotation keeps read a count or a
    measure that names a currency as the MONEY it is (``nlp._sum_named``, as OntoNotes and the seeds' gold label
    it), so the MONEY is the pipeline's own suggestion, and stays one where no event takes it."""
    doc = add_document(project, TEXT)
    report = preannotate(project, pipe, event_suggester=Fines())
    assert report.counts.kept_human == 0  # the pipeline's QUANTITY is no person's decision it spared
    got = sorted((TEXT[e.start : e.end], e.label, e.state) for e in project.entities(doc))
    assert got == [("20", "CARDINAL", "suggested"), ("500,000 zlotys", "MONEY", "suggested")]
    assert [e.source for e in project.entities(doc) if e.label == "MONEY"] == [pipe.source]  # the label's maker
    (event,) = project.events(doc)
    ents = {e.id: e for e in project.entities(doc)}
    assert [(a.role, TEXT[ents[a.entity_id].start : ents[a.entity_id].end]) for a in event.arguments] == [
        ("Money", "500,000 zlotys")
    ]

    # a rerun after a person rejected the fine: the event is not suggested again, and the pipeline's MONEY is
    # written as it read it, not lost
    edits.reject_event(project, event.id)
    preannotate(project, pipe, event_suggester=Fines())
    assert [v.state for v in project.events(doc)] == ["rejected"]
    got = sorted((TEXT[e.start : e.end], e.label, e.state) for e in project.entities(doc))
    assert got == [("20", "CARDINAL", "suggested"), ("500,000 zlotys", "MONEY", "suggested")]
