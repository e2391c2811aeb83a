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
