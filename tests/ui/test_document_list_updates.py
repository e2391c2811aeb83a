"""The document list after an edit updates the one row the edit changed (issue 9 point 19): the summaries of
that document alone are read, the model is not reset and only its row is redrawn; a commit made elsewhere
redraws only the rows that differ."""

from __future__ import annotations

from ui import commands as cmd


def watch(w):  # type: ignore[no-untyped-def]
    """Record summary reads (which ids), model resets and the rows dataChanged names."""
    seen = {"reads": [], "resets": 0, "rows": set()}
    project = w.controller.project
    real = project.document_summaries

    def summaries(annotation_set=None, ids=None):  # type: ignore[no-untyped-def]
        seen["reads"].append(None if ids is None else sorted(ids))
        return real(annotation_set, ids) if ids is not None else real(annotation_set)

    project.document_summaries = summaries
    model = w.documents.model
    model.modelAboutToBeReset.connect(lambda: seen.__setitem__("resets", seen["resets"] + 1))
    model.dataChanged.connect(lambda a, b, *_: seen["rows"].update(range(a.row(), b.row() + 1)))
    return seen


def test_an_edit_updates_only_its_row(qtbot, window):
    w = window
    model = w.documents.model
    qtbot.waitUntil(lambda: len(model.rows) == 3)
    doc = w.controller.doc
    before = [dict(r) for r in model.rows]
    seen = watch(w)
    assert w.controller.run(cmd.AddEntity, doc.id, 0, 5, "PERSON") is not None
    qtbot.waitUntil(
        lambda: model.rows[model.row_of(doc.id)]["entities"] == before[model.row_of(doc.id)]["entities"] + 1
    )
    qtbot.wait(20)
    # the open document's row comes from the controller's tallies: no SQL count over its spans (5 ms a key on a
    # 100,000-word document); it read that document's summary from the file after every edit
    assert seen["reads"] == []
    assert seen["resets"] == 0
    row = model.row_of(doc.id)
    assert seen["rows"] == {row}
    assert model.rows[row]["entities"] == before[row]["entities"] + 1
    assert [r for k, r in enumerate(model.rows) if k != row] == [r for k, r in enumerate(before) if k != row]


def test_an_outside_commit_redraws_only_what_changed(qtbot, window, db):
    w = window
    model = w.documents.model
    qtbot.waitUntil(lambda: len(model.rows) == 3)
    other = next(r["id"] for r in model.rows if r["id"] != w.controller.doc.id)
    seen = watch(w)
    db.db.conn.execute("UPDATE documents SET status = 'reviewed' WHERE id = ?", (other,))
    w.controller.check_outside_changes()
    qtbot.waitUntil(lambda: model.rows[model.row_of(other)]["status"] == "reviewed")
    assert seen["resets"] == 0
    assert seen["rows"] == {model.row_of(other)}
    assert w.reviewed_label.text() == "reviewed 1/3"


def test_after_a_sequence_of_edits_the_list_shows_what_a_refresh_from_scratch_does(qtbot, window):
    """Edits of every kind, undone and redone, in the open document and after moving to another: the rows shown
    equal the project's summaries read anew (the open document's counted from the tallies, not read)."""
    w, c = window, window.controller
    model = w.documents.model
    qtbot.waitUntil(lambda: len(model.rows) == 3)
    doc = c.doc

    def shown_equals_fresh() -> None:
        qtbot.waitUntil(lambda: not w._docs_timer.isActive())
        fresh = {r["id"]: r for r in c.project.document_summaries()}
        assert {r["id"]: {k: r[k] for k in fresh[r["id"]]} for r in model.rows} == fresh

    suggested = [e.id for e in c.entities.values() if e.state == "suggested"]
    assert len(suggested) >= 3
    new = c.run(cmd.AddEntity, doc.id, 0, 5, "PERSON")
    c.run(cmd.AcceptEntity, suggested[0])
    c.run(cmd.RejectEntity, suggested[1])
    ev = c.run(cmd.AddEvent, doc.id, "Conflict:Attack", *find_word(doc.text, "attacked"))
    assert new is not None and ev is not None
    assert c.run(cmd.AddArgument, ev, "Attacker", next(e for e in suggested[2:] if c.entities[e].label == "ORG"))
    shown_equals_fresh()
    c.run(cmd.RejectEvent, ev)
    c.run(cmd.DeleteEntity, new)
    c.run(cmd.SetStatus, doc.id, "reviewed")
    shown_equals_fresh()
    for _ in range(4):
        c.undo_stack.undo()
    shown_equals_fresh()
    c.undo_stack.redo()
    c.run(cmd.AcceptRest, doc.id)
    shown_equals_fresh()
    other = next(r["id"] for r in model.rows if r["id"] != doc.id)
    c.open_document(other)
    c.undo_stack.undo()  # an edit of the first document, undone from the second: the first is opened again
    shown_equals_fresh()
    c.run(cmd.AcceptRest, c.doc.id)
    shown_equals_fresh()


def find_word(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)
