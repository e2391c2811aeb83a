"""The GUI tests' guard against a modal dialog no one answers (``ui_support.ModalGuard``, autouse in
tests/ui/conftest.py): rejected and named, where the test waited in the dialog's event loop for ever (session 38)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from ui_support import ModalGuard


def test_a_modal_dialog_left_unanswered_is_rejected_and_named(qtbot):
    guard = ModalGuard(guard_ms=0, look_ms=5)
    dlg = QDialog()
    qtbot.addWidget(dlg)
    dlg.setWindowTitle("Pick the event's type")
    guard.start()
    try:
        answer = dlg.exec()  # returns once the guard has rejected it
    finally:
        guard.stop()
    assert answer == QDialog.DialogCode.Rejected.value
    assert guard.left == "QDialog “Pick the event's type”"


def test_a_dialog_answered_in_time_is_not_named(qtbot):
    from PySide6.QtCore import QTimer

    guard = ModalGuard(guard_ms=60_000, look_ms=5)
    dlg = QDialog()
    qtbot.addWidget(dlg)
    QTimer.singleShot(30, dlg.accept)  # several looks first
    guard.start()
    try:
        answer = dlg.exec()
    finally:
        guard.stop()
    assert answer == QDialog.DialogCode.Accepted.value and guard.left is None
