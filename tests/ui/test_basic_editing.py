"""Entities, by keys and mouse on the real view; every assertion reads the project FILE."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import DOC_A
from ui_helpers import click_char, drag_select, entity_rows, find


def doc_a(db) -> int:  # type: ignore[no-untyped-def]
    return db.document_ids()[0]


def undo(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_window_shows_document_with_highlights(qtbot, window):
    v = window.view
    assert v.toPlainText() == DOC_A
    assert window.controller.doc.name == "a.txt"
    assert len([k for k in v.highlighter.items if k > 0]) == 8
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 3)
    assert "reviewed 0/3" in window.reviewed_label.text()


def test_add_entity_with_label_key_then_undo_redo(qtbot, window, db):
    v = window.view
    s, e = find(DOC_A, "forces")
    drag_select(qtbot, v, s + 1, e - 1)  # a partial word snaps to the whole token
    assert v.selection_cp() == (s, e)
    qtbot.keyClick(v, "2")  # ORG
    ents = entity_rows(db, doc_a(db))
    assert ents[(s, e)].label == "ORG" and ents[(s, e)].state == "added"
    assert ents[(s, e)].annotator == "tester"
    assert db.document(doc_a(db)).status == "in_progress"
    assert window.saved_label.text().startswith("saved ")
    undo(qtbot, window)
    assert (s, e) not in entity_rows(db, doc_a(db))
    assert db.document(doc_a(db)).status == "new"
    redo(qtbot, window)
    assert entity_rows(db, doc_a(db))[(s, e)].label == "ORG"


def test_click_span_relabel_undo_redo(qtbot, window, db):
    v = window.view
    s, e = find(DOC_A, "Paris")
    click_char(qtbot, v, s + 2)
    assert window.controller.current_entity == entity_rows(db, doc_a(db))[(s, e)].id
    assert window.message.text().startswith("GPE (suggested): Paris")
    qtbot.keyClick(v, "5")  # LOC
    got = entity_rows(db, doc_a(db))[(s, e)]
    assert (got.label, got.state) == ("LOC", "accepted")
    qtbot.waitUntil(lambda: window.message.text().startswith("DATE (suggested): Monday"))  # decided: on to the next one
    click_char(qtbot, v, s + 2)
    qtbot.keyClick(v, "6")  # FAC: a decided span is relabelled and stays selected
    qtbot.waitUntil(
        lambda: window.message.text().startswith("FAC (accepted): Paris")
    )  # the status bar follows the edit
    undo(qtbot, window)
    undo(qtbot, window)
    got = entity_rows(db, doc_a(db))[(s, e)]
    assert (got.label, got.state) == ("GPE", "suggested")
    redo(qtbot, window)
    assert entity_rows(db, doc_a(db))[(s, e)].label == "LOC"


def test_accept_reject_delete_with_keys_and_undo(qtbot, window, db):
    v = window.view
    d = doc_a(db)
    ms, me = find(DOC_A, "Monday")
    click_char(qtbot, v, ms)
    qtbot.keyClick(v, Qt.Key.Key_Return)
    assert entity_rows(db, d)[(ms, me)].state == "accepted"
    undo(qtbot, window)
    assert entity_rows(db, d)[(ms, me)].state == "suggested"
    redo(qtbot, window)
    assert entity_rows(db, d)[(ms, me)].state == "accepted"

    fs, fe = find(DOC_A, "Friday")
    click_char(qtbot, v, fs + 1)
    qtbot.keyClick(v, "x")
    assert entity_rows(db, d)[(fs, fe)].state == "rejected"
    assert (fs, fe) not in {
        k
        for k, it in [
            ((window.controller.entities[i].start, window.controller.entities[i].end), i)
            for i in v.highlighter.items
            if i > 0
        ]
    }  # hidden
    undo(qtbot, window)
    assert entity_rows(db, d)[(fs, fe)].state == "suggested"
    redo(qtbot, window)
    assert entity_rows(db, d)[(fs, fe)].state == "rejected"

    as_, ae = find(DOC_A, "Acme Corp")
    click_char(qtbot, v, as_ + 1)
    qtbot.keyClick(v, Qt.Key.Key_Delete)
    assert (as_, ae) not in entity_rows(db, d)
    undo(qtbot, window)
    restored = entity_rows(db, d)[(as_, ae)]
    assert restored.label == "ORG" and restored.state == "suggested"
    redo(qtbot, window)
    assert (as_, ae) not in entity_rows(db, d)


def test_tab_cycles_suggestions_and_resize_by_tokens(qtbot, window, db):
    v = window.view
    qtbot.keyClick(v, Qt.Key.Key_Tab)
    first = window.controller.entities[window.controller.current_entity]
    assert DOC_A[first.start : first.end] == "Maria Lopez"
    qtbot.keyClick(v, Qt.Key.Key_Tab)
    second = window.controller.entities[window.controller.current_entity]
    assert DOC_A[second.start : second.end] == "John Smith"
    qtbot.keyClick(v, Qt.Key.Key_Backtab)
    assert window.controller.current_entity == first.id
    # end one token right ("Maria Lopez met"), then start one token right ("Lopez met")
    qtbot.keyClick(v, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    got = db.entity(first.id)
    assert DOC_A[got.start : got.end] == "Maria Lopez met"
    qtbot.keyClick(v, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    got = db.entity(first.id)
    assert DOC_A[got.start : got.end] == "Lopez met"
    undo(qtbot, window)
    undo(qtbot, window)
    got = db.entity(first.id)
    assert DOC_A[got.start : got.end] == "Maria Lopez" and got.state == "suggested"
    redo(qtbot, window)
    assert DOC_A[db.entity(first.id).start : db.entity(first.id).end] == "Maria Lopez met"


def test_accept_all_is_one_undo_step(qtbot, window, db):
    d = doc_a(db)
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert {e.state for e in db.entities(d)} == {"accepted"}
    undo(qtbot, window)
    assert {e.state for e in db.entities(d)} == {"suggested"}
    redo(qtbot, window)
    assert {e.state for e in db.entities(d)} == {"accepted"}


def test_undo_and_redo_show_the_place_they_change(qtbot, tmp_path):
    """Ctrl+Z took back an accept made at the end of a long document while the top was in view (or in another
    document, which it opened at the top): the change happened out of sight. Undo and redo bring it into view."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.preannotate import preannotate
    from annotator.store import Project
    from ui_support import close_window, open_window, pattern_pipeline

    long_text = DOC_A + "\n" + "Nothing much happened that day.\n" * 400 + "Maria Lopez left Paris."
    path = tmp_path / "long.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(long_text, "long.txt"), IncomingDocument(DOC_A, "short.txt")])
        preannotate(p, pattern_pipeline())
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        v, c = w.view, w.controller
        paris = next(e for e in c.entities.values() if e.start == long_text.rindex("Paris"))

        def in_view() -> bool:
            rects = v.span_rects(v.to16(paris.start), v.to16(paris.end))
            return bool(rects) and v.viewport().rect().intersects(rects[0].toRect())

        v.setFocus()
        w.edit_actions.select(paris)
        qtbot.keyClick(v, Qt.Key.Key_Return)  # accept
        assert c.entities[paris.id].state == "accepted"
        qtbot.keyClick(v, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not in_view())
        undo(qtbot, w)
        assert c.entities[paris.id].state == "suggested"
        qtbot.waitUntil(in_view, timeout=20_000)
        qtbot.keyClick(v, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not in_view())
        redo(qtbot, w)
        assert c.entities[paris.id].state == "accepted"
        qtbot.waitUntil(in_view, timeout=20_000)
        w.open_document(next(d for d in c.project.document_ids() if d != c.doc.id))  # elsewhere: undo comes back
        undo(qtbot, w)
        assert c.doc.id == paris.document_id
        qtbot.waitUntil(in_view, timeout=20_000)
    finally:
        close_window(w)
