"""Faults found by the session-5 qa pass on the real window (each test failed before its fix)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import DOC_A, when_modal
from ui_helpers import drag_select, find

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _meet_with_two_entities(qtbot, window, db):  # type: ignore[no-untyped-def]
    v, c = window.view, window.controller
    drag_select(qtbot, v, *find(DOC_A, "met"))
    qtbot.keyClick(v, "e")  # one type's trigger word: made at once
    ev_id = c.current_event
    qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # Entity: the nearest PERSON
    qtbot.keyClick(v, Qt.Key.Key_1, ALT | SHIFT)  # and another one
    assert len(db.event(ev_id).arguments) == 2
    return ev_id


def test_emptying_a_role_of_two_fillers_is_one_undo_step(qtbot, window, db):
    v, c = window.view, window.controller
    ev_id = _meet_with_two_entities(qtbot, window, db)
    steps = c.undo_stack.count()
    qtbot.keyClick(v, Qt.Key.Key_1, CTRL | ALT)  # empty Entity: one key, one step
    assert not db.event(ev_id).arguments
    assert c.undo_stack.count() == steps + 1
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)  # one undo puts both back
    assert {DOC_A[db.entity(a.entity_id).start : db.entity(a.entity_id).end] for a in db.event(ev_id).arguments} == {
        "Maria Lopez",
        "John Smith",
    }
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL | SHIFT)
    assert not db.event(ev_id).arguments


def test_the_role_key_says_what_it_filled_after_the_panels_follow(qtbot, window):
    v = window.view
    drag_select(qtbot, v, *find(DOC_A, "met"))
    qtbot.keyClick(v, "e")
    qtbot.keyClick(v, Qt.Key.Key_1, ALT)
    qtbot.waitUntil(lambda: not window._panel_timer.isActive())
    said = window.message.text()
    assert "Alt+1 again: “" in said, said  # the hint to the next candidate (named) is not overwritten
    left = window.work_label  # the work left is still told, beside the line (session 21b)
    assert left.isVisible() and "undecided" in left.text(), left.text()
    qtbot.keyClick(v, Qt.Key.Key_Tab)  # another key that selects: the status describes that again
    qtbot.waitUntil(lambda: not window._panel_timer.isActive())
    assert "Alt+1 again" not in window.message.text()


def test_a_label_key_after_a_role_key_made_a_span_relabels_that_span(qtbot, window, db):
    v, c = window.view, window.controller
    d = db.document_ids()[0]
    drag_select(qtbot, v, *find(DOC_A, "met"))
    qtbot.keyClick(v, "e")
    ev_id = c.current_event
    lopez = find(DOC_A, "Lopez")
    drag_select(qtbot, v, *lopez)  # words that are no span yet
    qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # Entity: made a span (PERSON, the role's first label) and filled
    qtbot.waitUntil(lambda: not window._panel_timer.isActive())
    assert "a label key changes it" in window.message.text()
    before = len(db.entities(d))
    qtbot.keyClick(v, "2")  # as the status line says: the new span becomes an ORG
    made = [e for e in db.entities(d) if (e.start, e.end) == lopez]
    assert [e.label for e in made] == ["ORG"]
    assert len(db.entities(d)) == before  # no other span made
    assert [a.entity_id for a in db.event(ev_id).arguments] == [made[0].id]
    assert c.current_event == ev_id  # the event stays selected for its other roles


def test_a_label_key_with_the_caret_at_a_words_end_labels_that_word_not_the_full_stop(qtbot, window, db):
    v = window.view
    d = db.document_ids()[0]
    workers = find(DOC_A, "workers")
    cur = v.textCursor()
    cur.setPosition(workers[1])  # just after the word, before "."
    v.setTextCursor(cur)
    qtbot.keyClick(v, "2")
    got = [(DOC_A[e.start : e.end], e.label) for e in db.entities(d) if e.source == "human"]
    assert got == [("workers", "ORG")]


def test_every_panel_is_reached_by_keys_and_escape_comes_back_to_the_text(qtbot, window):
    from PySide6.QtWidgets import QApplication

    v, c = window.view, window.controller
    qtbot.waitUntil(lambda: window.panels_built)
    v.setFocus()

    def focus_in(widget) -> bool:  # type: ignore[no-untyped-def]
        f = QApplication.focusWidget()
        return f is not None and (f is widget or widget.isAncestorOf(f))

    qtbot.keyClick(v, Qt.Key.Key_F6)  # the next pane: the document list
    assert focus_in(window.documents.table)
    first = c.doc.id
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # opens the next document, keys back to the text
    assert c.doc.id != first
    assert focus_in(v)
    qtbot.keyClick(v, Qt.Key.Key_F6)
    for table in (window.entities.table, window.events.table, window.comments.edit):  # each annotation tab
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        assert QApplication.focusWidget() is table  # a table has the arrows (the tab's page had the keys)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)  # the event editor
    assert focus_in(window.event_editor)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)  # round to the text
    assert focus_in(v)
    qtbot.keyClick(v, Qt.Key.Key_F6, SHIFT)  # backwards: the event editor
    assert focus_in(window.event_editor)
    qtbot.keyClick(v, Qt.Key.Key_F6)  # round to the text
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert focus_in(window.documents)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # from any panel, Escape: back to the text
    assert focus_in(v)


def test_the_keys_go_back_to_the_text_after_the_import_dialog(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QApplication, QLineEdit

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "n.txt").write_text("Nothing here.")
    (tmp_path / "in" / "n.ann").write_text("")
    v = window.view
    for choose in ("cancel", "import"):
        v.setFocus()

        def answer(choose=choose):  # type: ignore[no-untyped-def]
            dlg = QApplication.activeModalWidget()
            if choose == "cancel":
                dlg.reject()
                return
            dlg.findChild(QLineEdit).setFocus()  # as a person types the path into it
            dlg.findChild(QLineEdit).setText(str(tmp_path / "in"))
            dlg.accept()

        when_modal(answer)
        window.import_format_dialog()
        qtbot.waitUntil(lambda: not window.workers)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is v)  # (it stayed None: no widget had the keys)


def test_every_menu_has_its_own_alt_letter(window):
    """Alt+V opened View, never Review (Re&view): a menu reached by keys needs a letter of its own."""
    import re

    def repeated(actions):  # type: ignore[no-untyped-def]
        seen: dict[str, list[str]] = {}
        for a in actions:
            m = re.search(r"&([^&])", a.text())
            if m:
                seen.setdefault(m.group(1).lower(), []).append(a.text())
        return {k: v for k, v in seen.items() if len(v) > 1}

    bar = window.menuBar().actions()
    assert repeated(bar) == {}
    assert all(re.search(r"&[^&]", a.text()) for a in bar)
    for a in bar:
        assert repeated(a.menu().actions()) == {}, a.text()


def test_adjudication_without_annotators_sets_offers_nothing_to_press(qtbot, window):
    from ui.dialogs.adjudication import open_adjudication

    dlg = open_adjudication(window)
    try:
        assert "no annotators' sets" in dlg.heading.text()
        headers = [dlg.tree.headerItem().text(i) for i in range(dlg.tree.columnCount())]
        assert headers[:3] == ["Kind", "Difference", "Text"]  # it was one column headed "1"
        assert not any(b.isEnabled() for b in dlg.buttons.values())  # Both, Edit, Take all agreed: nothing to act on
    finally:
        dlg.close()


def test_background_work_clears_a_stale_message_and_alt_c_cancels_it(qtbot, window):
    import time

    from ui.workers import Cancelled, Worker

    class Waiting(Worker):
        title = "Waiting"

        def work(self, project):  # type: ignore[no-untyped-def]
            while not self.cancelled:
                time.sleep(0.01)
            raise Cancelled

    window.show_error("training needs at least 2 finished documents")  # the refusal of a first try
    w = Waiting(window.controller.project.path)
    window.start_worker(w)
    try:
        assert "training needs" not in window.message.text()  # it said so all through the work that then ran
        qtbot.keyClick(window.view, Qt.Key.Key_C, ALT)  # the status bar's Cancel, by keys
        qtbot.waitUntil(lambda: not window.workers)
        assert "cancelled" in window.message.text()
    finally:
        if w in window.workers:  # (a failure above: stop it before the window goes)
            w.cancel()
            w.wait(5000)


def test_a_trained_version_kept_aside_can_be_made_the_default_from_its_result(qtbot, window):
    from annotator.learn import versions
    from annotator.learn.train import TrainReport
    from ui.dialogs.training import show_training_result

    p = window.controller.project
    v = versions.publish(p, versions.new_temp_folder(p), {"created": "now", "documents": 2}, make_default=False)
    report = TrainReport(version=v, documents=2, held_out=2, made_default=False)
    show_training_result(window, f"Training: {report.summary()}", report)
    box = window.training_result
    try:
        assert "--make-default" not in box.text() and "annotator models" not in box.text()  # no command line here
        button = next(b for b in box.buttons() if "default" in b.text().lower())
        button.click()  # it said to use the command line: the app had no way to it
        assert versions.default_version(p) == v
        assert f"version {v}" in window.message.text().lower()
    finally:
        box.close()


def test_ctrl_enter_accepting_the_rest_is_one_undo_step(qtbot, window, db):
    from PySide6.QtWidgets import QApplication

    from ui_helpers import click_char

    a = db.document_ids()[0]
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    undecided = [e.id for e in db.entities(a) if e.state == "suggested"]
    assert undecided

    when_modal(lambda: qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return))  # accept rest
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert db.document(a).status == "annotated"
    assert {e.state for e in db.entities(a) if e.id in undecided} == {"accepted"}
    qtbot.waitUntil(lambda: window.documents.model.rows[0]["status"] == "annotated")  # (the window active again)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # one key did it: one undo takes all of it back
    assert db.document(a).status == "in_progress"
    assert {e.state for e in db.entities(a) if e.id in undecided} == {"suggested"}
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert db.document(a).status == "annotated"
    assert {e.state for e in db.entities(a) if e.id in undecided} == {"accepted"}


def test_n_says_which_event_e_would_make_on_the_word_it_found(qtbot, window):
    v = window.view
    cur = v.textCursor()
    cur.setPosition(0)
    v.setTextCursor(cur)
    qtbot.keyClick(v, "n")
    assert v.selection_cp() == find(DOC_A, "met")
    qtbot.waitUntil(lambda: not window._panel_timer.isActive())
    said = window.message.text()
    assert "met" in said and "Contact:Meet" in said and "E" in said, said  # it told only the suggestions left


def test_an_imports_summary_stays_beside_the_pre_annotation_that_follows_it(qtbot, window, tmp_path):
    from ui.workers import ImportWorker

    window.auto_preannotate = True
    text = tmp_path / "new.txt"
    text.write_text("Maria Lopez met John Smith in Paris.")
    w = ImportWorker(window.controller.project.path, [str(text)], None)
    window.start_worker(w, after=window._after_import)
    qtbot.waitUntil(lambda: not window.workers and "Pre-annotation" in window.message.text(), timeout=20000)
    said = window.message.text()
    assert "1 imported" in said, said  # it was replaced by the pre-annotation's summary (cleared at its start)


def test_export_names_differ_for_formats_that_share_an_extension(qtbot, window, tmp_path):
    from ui.dialogs.export import ExportDialog

    dlg = ExportDialog(str(tmp_path / "p.json"), window)
    try:
        names = {}
        for fmt in ("jsonl", "prodigy", "dygiepp", "json", "prodigy", "jsonl"):
            dlg.set_format(fmt)
            names.setdefault(fmt, set()).add(dlg.path.text().rsplit("/", 1)[-1])
        assert names == {  # the three .jsonl exports each had the name p.jsonl: the second replaced the first
            "jsonl": {"p.jsonl"},
            "prodigy": {"p.prodigy.jsonl"},
            "dygiepp": {"p.dygiepp.jsonl"},
            "json": {"p.json"},
        }
    finally:
        dlg.close()
