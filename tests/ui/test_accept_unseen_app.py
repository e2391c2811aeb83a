"""A command pre-annotates (or imports into) the document the app shows: before the app's next poll, "Accept all
suggestions" and Ctrl+Enter's "accept the N undecided and mark annotated" accepted the new suggestions too, unseen,
with the person's name on them (session 10). Now they are refused with what happened, nothing changes, and once the
poll has shown them the same keys work."""

from __future__ import annotations

from annotator.db import span_row
from annotator.store import Project


def add_elsewhere(path, doc: int) -> int:  # type: ignore[no-untyped-def]
    with Project(path, create=False, annotator="command") as other, other.transaction():
        return other.db.insert_span(span_row(doc, "main", 0, 5, "NORP", "suggested", "spacy:test@1", None))


def states(path, doc: int) -> dict[int, str]:  # type: ignore[no-untyped-def]
    with Project(path, create=False) as p:
        return {e.id: e.state for e in p.entities(doc)}


def test_accept_all_refuses_suggestions_that_came_in_unseen(qtbot, window, project_path):
    c = window.controller
    doc = c.doc.id
    shown = {i for i, e in c.entities.items() if e.state == "suggested"}
    assert shown
    new = add_elsewhere(project_path, doc)
    before = states(project_path, doc)
    window.edit_actions.accept_all()  # before the poll: the view never showed the new one
    assert "came in elsewhere" in window.message.text()
    assert states(project_path, doc) == before and before[new] == "suggested"  # was: all accepted, NORP unseen
    assert c.undo_stack.count() == 0
    c.check_outside_changes()  # the poll shows it
    assert new in c.entities
    window.edit_actions.accept_all()
    assert set(states(project_path, doc).values()) == {"accepted"}


def test_ctrl_enter_refuses_suggestions_that_came_in_unseen(qtbot, window, project_path, monkeypatch):
    from ui.window_flow import ACCEPT_REST

    c = window.controller
    doc = c.doc.id
    monkeypatch.setattr(window, "ask_undecided", lambda n, status="annotated": ACCEPT_REST)
    new = add_elsewhere(project_path, doc)
    window.mark_annotated_and_next()
    assert c.doc.id == doc and "came in elsewhere" in window.message.text()  # stays on the document
    assert states(project_path, doc)[new] == "suggested"
    with Project(project_path, create=False) as p:
        assert p.document(doc).status != "annotated"


def test_mark_reviewed_refuses_suggestions_that_came_in_unseen(qtbot, window, project_path, monkeypatch):
    """Review > Mark reviewed, 'accept the rest', accepted a suggestion a command had just added, unseen."""
    import ui.dialogs.problems as problems
    from ui.window_flow import ACCEPT_REST

    c = window.controller
    doc = c.doc.id
    monkeypatch.setattr(window, "ask_undecided", lambda n, status="annotated": ACCEPT_REST)
    monkeypatch.setattr(problems, "confirm_problems", lambda *a, **k: True)
    new = add_elsewhere(project_path, doc)
    window.mark_reviewed()
    assert states(project_path, doc)[new] == "suggested"  # was: accepted, with the person's name on it
    with Project(project_path, create=False) as p:
        assert p.document(doc).status != "reviewed"
    assert "came in elsewhere" in window.message.text()
