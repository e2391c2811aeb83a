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
    qtbot.waitUntil(lambda: seen["reads"] != [])
    qtbot.wait(20)
    assert seen["reads"] == [[doc.id]]  # one document's summary, not every document's
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
