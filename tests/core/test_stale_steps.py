"""An undo or redo refused because its span or event is not as the step left it says so in the person's words."""

from __future__ import annotations

import pytest
from core_helpers import add_document

from annotator import edits
from annotator.errors import StaleChangeError
from annotator.recorder import redo, undo
from text_support import word_span as span

TEXT = "Sergey Lavrov met Antony Blinken in Moscow on Monday."


def test_a_redo_of_an_event_suggestion_a_re_run_took_away_names_its_type_and_trigger(project):
    """Accepting an event suggestion, undone, then a pre-annotation that writes the undecided suggestions afresh
    (without this one), then the redo: it said "the event 1 was changed elsewhere"."""
    doc = add_document(project, TEXT)
    event = edits.add_event(project, doc, "Contact:Meet", *span(TEXT, "met")).result_id
    with project.transaction():  # as pre-annotation writes a suggestion
        project.db.conn.execute("UPDATE events SET state = 'suggested', source = 'rules:x' WHERE id = ?", (event,))
    change = edits.accept_event(project, event)
    undo(project, change)
    with project.transaction():  # the run that replaces the suggestions nobody decided
        project.db.clear_undecided(doc, "main")
    with pytest.raises(StaleChangeError) as refused:
        redo(project, change)
    assert str(refused.value) == (
        "cannot redo: the suggested Contact:Meet event “met” is gone (a pre-annotation or another window took it away)"
    )


# -- session 41: a redo of a decision on an event suggestion a re-suggest wrote again is carried onto it

MEET = "Maria Lopez met John Smith in Paris."


def _meet_suggested(project, roles: tuple[str, ...] = ("Entity", "Place")) -> None:  # type: ignore[no-untyped-def]
    """A pre-annotation run's store of one Contact:Meet suggestion on “met” (its fillers made to fill its roles), as
    ``store_parsed`` makes it: the document's undecided suggestions cleared, then written afresh under new ids."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, clear_undecided, write_entities, write_events

    fillers = {"Entity": ("Maria Lopez", "PERSON"), "Place": ("Paris", "GPE")}
    args = tuple(ArgumentSuggestion(r, *span(MEET, fillers[r][0]), fillers[r][1]) for r in roles)
    meet = EventSuggestion("Contact:Meet", *span(MEET, "met"), 0.9, arguments=args)
    doc, counts = project.document_ids()[0], WriteCounts()
    with project.transaction():
        clear_undecided(project, doc, counts)
        write_entities(project, doc, [], "spacy:x@1", counts)
        write_events(project, doc, [meet], "rules:test@1", counts)


def _states(project):  # type: ignore[no-untyped-def]
    """The document's events (type, state, roles) and spans (offsets, label, state), without their ids."""
    doc = project.document_ids()[0]
    events = [(e.type, e.state, sorted(a.role for a in e.arguments)) for e in project.events(doc)]
    return events, sorted((e.start, e.end, e.label, e.state) for e in project.entities(doc))


@pytest.mark.parametrize("decide", [edits.accept_event, edits.reject_event])
def test_a_redo_of_a_decision_on_an_event_a_re_suggest_wrote_again_is_carried_onto_it(project, decide):
    """Enter (or X) on a suggested event, Ctrl+Z, Project > Pre-annotate all documents (the same suggestion written
    again: new ids for the event, its arguments and the spans made to fill them), Ctrl+Y: refused, "the suggested
    Contact:Meet event “met” is gone", and the step dropped from the history (session 40 carried spans only). It is
    redone on the suggestion written again, and Ctrl+Z takes it back."""
    from annotator.history import Step

    add_document(project, MEET)
    _meet_suggested(project)
    suggested = _states(project)
    (event,) = project.events(project.document_ids()[0])
    step = Step(decide, event.id)
    step.do(project)
    decided = _states(project)
    assert step.undo(project).error is None and _states(project) == suggested
    _meet_suggested(project)  # the re-suggest
    assert project.row("events", event.id) is None
    redone = step.redo(project)
    assert redone.error is None, redone.error  # on main: StaleChangeError, dropped
    assert _states(project) == decided
    (again,) = project.events(project.document_ids()[0])
    assert step.result_id == again.id != event.id
    assert step.undo(project).error is None and _states(project) == suggested


def test_a_redo_of_an_accept_on_an_event_written_again_with_another_filler_is_refused(project):
    """The re-suggest wrote the event with a filler the accept never saw (a Place it had not): carried, the redo would
    accept that span unseen; it is refused in the event's words, as before (a guard of the carry above: on main every
    such redo is refused, so this one passes there)."""
    from annotator.history import Step

    add_document(project, MEET)
    _meet_suggested(project, roles=("Entity",))
    (event,) = project.events(project.document_ids()[0])
    step = Step(edits.accept_event, event.id)
    step.do(project)
    step.undo(project)
    _meet_suggested(project)  # now with a Place
    refused = step.redo(project)
    assert refused.dropped and str(refused.error) == (
        "cannot redo: the suggested Contact:Meet event “met” is gone (a pre-annotation or another window took it away)"
    )
    assert [e.state for e in project.events(project.document_ids()[0])] == ["suggested"]
