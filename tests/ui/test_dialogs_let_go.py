"""A dialog or menu the window opens and closes is let go once it is done with: each was made as the window's child
and stayed one, hidden, for as long as the window lived (every E's type picker, every right-click's menu, every
export, settings and shortcuts dialog, every question), so a day's work kept hundreds of dead widgets in the window
(and every ``findChildren`` of the window walked them)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget


def _kept(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The window's dialogs and menus that are windows of their own (not the menu bar's menus), by class."""
    return sorted(
        type(w).__name__
        for w in window.findChildren(QWidget)
        if isinstance(w, (QDialog, QMenu)) and w.parent() is window
    )


def _shut_when_open() -> None:
    """Close the modal dialog or the popup menu as soon as it is up."""

    def shut() -> None:
        popup = QApplication.activePopupWidget()
        modal = QApplication.activeModalWidget()
        if popup is not None:
            popup.close()
        elif isinstance(modal, QDialog):
            modal.reject()
        else:
            QTimer.singleShot(5, shut)

    QTimer.singleShot(0, shut)


def test_the_window_s_dialogs_and_menus_are_let_go_once_closed(qtbot, window):
    from ui.dialogs.keys import ask_yes_no

    before = _kept(window)
    for name in ("export", "settings", "shortcuts", "import_format", "about", "models"):
        _shut_when_open()
        window.actions_by_name[name].trigger()
    _shut_when_open()
    assert window._pick_event_type("met", None) is None  # the type picker, cancelled
    _shut_when_open()
    assert ask_yes_no(window, "Quit?", "Stop it and quit?") is False
    _shut_when_open()
    window._context_menu(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5)))
    qtbot.waitUntil(lambda: _kept(window) == before)  # deleted once the event loop turns (deleteLater)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, (QDialog, QMessageBox)) and w.isVisible()]
