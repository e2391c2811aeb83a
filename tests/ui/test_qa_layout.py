"""Found using the app as a user would (qa pass, Xvfb at 1366x768): the status line, the training result and the
event editor must never push other parts of the window aside or cut their own content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextEdit
from test_events import make_attack

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
    make_attack(qtbot, window)
    ed = window.event_editor
    dock = window.docks["event"]
    window.resizeDocks([dock], [200], Qt.Orientation.Vertical)  # short: the roles need the vertical scroll bar
    qtbot.waitUntil(lambda: ed.scroll.verticalScrollBar().isVisible())
    body = ed.scroll.widget()
    qtbot.waitUntil(lambda: body.width() <= ed.scroll.viewport().width(), timeout=3000)  # the panel widens
    assert ed.scroll.verticalScrollBar().isVisible()


def test_showing_an_event_does_not_narrow_the_text_at_1366(qtbot, project_path):
    """The right docks start at their share of a 1366-wide window; the event editor's first event widened them
    (its roles' hint, the group's title, set its least width), so the text reflowed under the reader's eyes."""
    from ui_support import close_window, open_window

    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        w.size_docks()  # as the window does at start, at its size
        qtbot.wait(50)
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
