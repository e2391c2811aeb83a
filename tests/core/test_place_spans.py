"""A place named with the region it is in after a comma ("Mombasa, Kenya") is one place: the event's Place is the
phrase (annotator/suggest/place_spans.py), and in a project the phrase is one entity suggestion in place of the
pipeline's two names, not a third over them (annotator/suggest/writer.py, ``held_for_arguments``)."""

from __future__ import annotations

import pytest

from annotator import edits
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
from core_helpers import add_document

TEXT = "Three men attacked a police station in Mombasa, Kenya, on Monday."


def at(words: str) -> tuple[int, int]:
    return TEXT.index(words), TEXT.index(words) + len(words)


class Attacks:
    """A stand-in event suggester: "attacked" a Conflict:Attack whose Place is "Mombasa, Kenya", as the rule suggester
    gives it."""

    source = "fake:attacks@1"

    def suggest(self, doc, entities):  # type: ignore[no-untyped-def]
        place = ArgumentSuggestion("Place", *at("Mombasa, Kenya"), "GPE", 0.8)
        return [EventSuggestion("Conflict:Attack", *at("attacked"), 0.8, (place,))]


@pytest.fixture(scope="module")
def pipe():
    return ruler_pipeline([{"label": "GPE", "pattern": "Mombasa"}, {"label": "GPE", "pattern": "Kenya"}])


def _entities(project, doc):  # type: ignore[no-untyped-def]
    return sorted((TEXT[e.start : e.end], e.label, e.state) for e in project.entities(doc))


def _place(project, doc):  # type: ignore[no-untyped-def]
    ents = {e.id: e for e in project.entities(doc)}
    (event,) = [v for v in project.events(doc) if v.state != "rejected"]
    return [TEXT[ents[a.entity_id].start : ents[a.entity_id].end] for a in event.arguments if a.role == "Place"]


def test_a_wider_place_an_argument_takes_is_one_suggestion_in_place_of_the_names(project, pipe):
    """The pipeline's "Mombasa" and "Kenya" and the Place "Mombasa, Kenya" were three overlapping GPE suggestions (the
    writer made the phrase beside the names): one now, the phrase, filling the role; where no event is written, the
    names stay as the pipeline read them."""
    doc = add_document(project, TEXT)
    report = preannotate(project, pipe, event_suggester=Attacks())
    assert report.counts.kept_human == 0
    assert _entities(project, doc) == [("Mombasa, Kenya", "GPE", "suggested")]
    assert _place(project, doc) == ["Mombasa, Kenya"]

    (event,) = project.events(doc)
    edits.reject_event(project, event.id)
    preannotate(project, pipe, event_suggester=Attacks())
    assert _entities(project, doc) == [("Kenya", "GPE", "suggested"), ("Mombasa", "GPE", "suggested")]


def test_a_wider_place_over_a_name_a_person_accepted_is_that_name(project, pipe):
    """A person accepted "Mombasa": the Place is her span, and no phrase is suggested over it."""
    doc = add_document(project, TEXT)
    preannotate(project, pipe)
    (mombasa,) = [e for e in project.entities(doc) if TEXT[e.start : e.end] == "Mombasa"]
    edits.accept_entity(project, mombasa.id)
    preannotate(project, pipe, event_suggester=Attacks())
    assert _place(project, doc) == ["Mombasa"]
    assert ("Mombasa, Kenya", "GPE", "suggested") not in _entities(project, doc)


SENT = "The army sent the soldiers to Kharkiv on Monday."


class Sends:
    """A stand-in event suggester: "sent" a Movement:Transport whose Destination is "Kharkiv" as a place, the NER's
    ORG told as where (``event_args.fill_roles``)."""

    source = "fake:sends@1"

    def suggest(self, doc, entities):  # type: ignore[no-untyped-def]
        k = SENT.index("Kharkiv")
        where = ArgumentSuggestion("Destination", k, k + 7, "GPE", 0.8)
        return [EventSuggestion("Movement:Transport", SENT.index("sent"), SENT.index("sent") + 4, 0.8, (where,))]


def test_a_name_an_argument_takes_under_another_label_is_one_suggestion_of_that_label(project):
    """The NER's ORG on "Kharkiv" and the Destination's GPE on the same words were two suggestions: one now, the GPE
    the role takes; where no event is written, the ORG as the pipeline read it."""
    pipe = ruler_pipeline([{"label": "ORG", "pattern": "Kharkiv"}])
    doc = add_document(project, SENT)
    preannotate(project, pipe, event_suggester=Sends())
    got = sorted((SENT[e.start : e.end], e.label, e.state) for e in project.entities(doc))
    assert got == [("Kharkiv", "GPE", "suggested")]
    (event,) = project.events(doc)
    edits.reject_event(project, event.id)
    preannotate(project, pipe, event_suggester=Sends())
    got = sorted((SENT[e.start : e.end], e.label, e.state) for e in project.entities(doc))
    assert got == [("Kharkiv", "ORG", "suggested")]
