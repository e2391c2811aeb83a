"""annotator.history: the undo history's policy, tested without Qt."""

from __future__ import annotations

import pytest
from core_helpers import add_document, dump

from annotator import edits
from annotator.errors import SaveError, StaleChangeError
from annotator.history import Step
from annotator.store import Project


@pytest.fixture
def doc(project):
    return add_document(project, "Anna Berg met Reuters in Paris.")


def test_undo_and_redo_replay_the_change_once_each(project, doc):
    before = dump(project)
    step = Step(edits.add_entity, doc, 0, 9, "PERSON")
    change = step.do(project)
    assert step.applied and step.done and step.result_id == change.result_id
    after = dump(project)
    assert step.redo(project).change is None  # the file already holds it (a QUndoStack push calls redo)
    undone = step.undo(project)
    assert undone.change is not None and not step.applied and dump(project) == before
    assert step.undo(project).change is None and dump(project) == before  # nothing left to undo
    redone = step.redo(project)
    assert redone.change is not None and step.applied and dump(project) == after  # the same ids come back


def test_an_edit_that_changes_nothing_is_no_step(project, doc):
    step = Step(edits.accept_all, doc)  # no suggestions to accept
    assert step.do(project).is_empty and not step.done and not step.applied
    assert step.undo(project).change is None


def test_a_stale_step_is_dropped_and_the_file_keeps_what_it_has(project, doc, tmp_path):
    step = Step(edits.add_entity, doc, 0, 9, "PERSON")
    ent = step.do(project).result_id
    with Project(project.path, annotator="other") as other:
        edits.relabel_entity(other, ent, "ORG")
    kept = dump(project)
    outcome = step.undo(project)
    assert outcome.dropped and not outcome.kept and isinstance(outcome.error, StaleChangeError)
    assert dump(project) == kept and project.entities(doc)[0].label == "ORG"


def test_a_step_that_could_not_be_saved_is_kept_to_try_again(project, doc):
    step = Step(edits.add_entity, doc, 0, 9, "PERSON")
    step.do(project)
    project.read_only = True  # every write now fails as it would on a full disk: not saved
    outcome = step.undo(project)
    assert outcome.kept and not outcome.dropped and isinstance(outcome.error, SaveError)
    assert step.applied and len(project.entities(doc)) == 1
    project.read_only = False
    assert step.undo(project).change is not None and project.entities(doc) == []


def test_a_refused_edit_raises_and_is_no_step(project, doc):
    step = Step(edits.add_entity, doc, 0, 9, "NOT_A_LABEL")
    with pytest.raises(Exception, match="not in the schema"):
        step.do(project)
    assert step.change is None and not step.applied
