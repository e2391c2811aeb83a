"""A box that comes up unasked takes no keys typed before it was seen.

The project file moved while the person typed: its box came up between two keys, and the Tab and Enter meant for
the text moved its focus to No and answered it (docs/reliability.md, "Session 28: as a user"). A box made here
swallows every key for ``HOLD_S`` after it is shown (Enter, Space, Escape, Tab, a button's letter, Alt+letter), as a
browser's download box holds its buttons for a moment, and for ``QUIET_S`` after each key it swallowed: a person
still typing has not seen it (under Xvfb, Tab and Enter every 0.2 s answered it once the first second was over). A
mouse click answers it at once (it is aimed, not typed).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

HOLD_S = 1.0  # long enough to see that a box is there, short enough not to wait for it
QUIET_S = 0.6  # the keyboard quiet this long after a swallowed key: the next key is meant for the box

_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut)


class KeysHeld(QObject):
    """An event filter on the box and each of its widgets: keys are dropped until ``until`` (monotonic seconds), which
    each dropped key moves to ``QUIET_S`` after it."""

    def __init__(self, box: QWidget, hold_s: float) -> None:
        super().__init__(box)
        self.until = time.monotonic() + hold_s

    def holding(self) -> bool:
        return time.monotonic() < self.until

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() not in _KEYS or not self.holding():
            return False
        if event.type() == QEvent.Type.KeyPress:
            self.until = max(self.until, time.monotonic() + QUIET_S)
        elif event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # taken as a key (then dropped), never as the window's shortcut behind the box
        return True


def open_unasked(box: QMessageBox, hold_s: float | None = None) -> KeysHeld:
    """Show ``box`` window-modal (``open``), its keys held for ``hold_s`` (``HOLD_S``) from now."""
    box.open()
    held = KeysHeld(box, HOLD_S if hold_s is None else hold_s)
    for w in (box, *box.findChildren(QWidget)):
        w.installEventFilter(held)
    return held
