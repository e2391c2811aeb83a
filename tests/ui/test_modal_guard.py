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


def test_an_answer_runs_once_the_dialog_is_up_and_active(qtbot):
    """``ui_support.when_modal``: the answer a test gives a dialog, run by the dialog's own event loop as soon as the
    dialog is up (it replaced ``QTimer.singleShot(50, answer)``, session 39)."""
    from PySide6.QtWidgets import QApplication

    from ui_support import ModalAnswer, when_modal

    dlg = QDialog()
    qtbot.addWidget(dlg)
    seen: list[tuple[object, bool]] = []

    def answer() -> None:
        up = QApplication.activeModalWidget()
        seen.append((up, up.isActiveWindow()))
        up.accept()

    waiting = when_modal(answer)
    assert waiting in ModalAnswer.pending and not waiting.answered
    assert dlg.exec() == QDialog.DialogCode.Accepted.value
    assert seen == [(dlg, True)] and waiting.answered and waiting not in ModalAnswer.pending


def test_an_answer_stopped_before_its_dialog_answers_nothing(qtbot):
    """What the autouse ``_modal_answers_stopped`` does at a test's end: an answer left waiting answers no dialog of
    the tests after it."""
    from ui_support import ModalAnswer, when_modal

    answered: list[str] = []
    waiting = when_modal(lambda: answered.append("answered"))
    waiting.stop()
    assert waiting not in ModalAnswer.pending
    guard = ModalGuard(guard_ms=0, look_ms=5)  # the dialog left unanswered: rejected by the guard
    dlg = QDialog()
    qtbot.addWidget(dlg)
    guard.start()
    try:
        assert dlg.exec() == QDialog.DialogCode.Rejected.value
    finally:
        guard.stop()
    assert answered == [] and not waiting.answered
