"""The strip over the text that says the project file was renamed, moved or deleted while open, with its choices.

It was a modal box (session 28 held its keys for a moment, ``ui/unasked_box.py``): while it was up the person could
not go on reading or annotating. As an editor shows a file changed on disk, the strip is part of the window: shown, it
takes no focus and no key typed for the text; its buttons are reached by their Alt+letter (Tab is the text's next
suggestion), and a click or one of them answers it. Answered, the same move is not offered again (each edit refused
after it is said in the status line); a kept edit meeting the move offers it again (reopening writes it). A person
who changes their mind brings the choices back (session 32: Keep working here was for good): the status bar's note
``recall`` (a click) or File > Moved project file…, each showing the bar without taking the text's keys; F6 goes
round to its buttons while it is shown. What each choice does is the window's (``WindowFlow.offer_reopen``,
``reopen_moved``).
"""

from __future__ import annotations

from typing import Callable, Hashable

from PySide6.QtCore import Qt, Signal
from annotator import kept_messages
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# each names its key: the underline of a mnemonic shows only while Alt is held, and the text has the keys (Tab is its)
REOPEN = "&Open it where it is now (Alt+O)"  # File > Open is Ctrl+O; no menu takes O
KEEP = "&Keep working here (Alt+K)"
SAVE_COPY = "&Save a copy… (Alt+S)"
# the bar's look: the read-only banner's yellow, a warning's, over the text (a red would read as an error of a key)
STYLE = "#movedBar { background: #fff3c4; border: 1px solid #e0c060; } #movedBar QLabel { color: #5a4300; }"
RECALL_STYLE = "QPushButton { background: #fff3c4; color: #5a4300; border: 1px solid #e0c060; padding: 1px 6px; }"


class MovedBar(QFrame):
    """The message and the buttons of one offer; ``answered`` once a button is used (the bar then hidden)."""

    answered = Signal(bool)  # True when the keys were in the bar (an Alt+letter): the window gives them back
    standing = Signal(bool)  # an answered move can be shown again (``show_again``): File > Moved project file… follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("movedBar")
        self.setStyleSheet(STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._title = ""
        self.label = QLabel("")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # a path to copy, no keys
        self.reopen_button = QPushButton(REOPEN)
        self.keep_button = QPushButton(KEEP)
        self.save_button = QPushButton(SAVE_COPY)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.label, 1)
        for b in (self.reopen_button, self.save_button, self.keep_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click never takes the text's keys; Alt+letter does
            b.setAutoDefault(False)
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
            b.clicked.connect(self._answer)
        self._do: dict[QPushButton, Callable[[], object] | None] = {}
        self._offered: Hashable = None  # the move shown now, or last
        self._answered: Hashable = None  # the move last answered: not offered again
        # the status bar's note while an answered move stands: a click shows the choices again (no focus taken)
        self.recall = QPushButton("Project file moved: choices…")
        self.recall.setFlat(True)
        self.recall.setStyleSheet(RECALL_STYLE)  # the bar's yellow: the note of the bar put away
        self.recall.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recall.setToolTip(
            "The project file was renamed, moved or deleted while open: its choices again (Open it where it is now, "
            "Save a copy…, Keep working here); File > Moved project file… does the same"
        )
        self.recall.clicked.connect(self.show_again)
        self.recall.hide()
        self.hide()

    def offer_move(
        self,
        message: str,
        seen: Hashable,
        kept: int,
        deleted: bool,
        reopen: Callable[[], object] | None,
        save_copy: Callable[[], object] | None,
        replaced: bool = False,
    ) -> None:
        """The move ``seen`` (where the file is now, deleted, the edits kept) said with the project's ``message``,
        unless answered already or shown now. ``reopen`` when it is found; else ``save_copy`` (deleted, or
        ``replaced`` by another file renamed over it: the only way; moved out of sight: or File > Open)."""
        if seen == self._answered or (self.isVisible() and seen == self._offered):
            return
        self._offered = seen
        if reopen is not None:
            said = kept_messages.kept_for_reopen(kept) if kept else ""
            self.offer("Project file moved", f"{message} {said}".rstrip(), reopen, None)
        elif deleted:  # no name left: what is open is the only copy
            self.offer("Project file replaced" if replaced else "Project file deleted", message, None, save_copy)
        else:
            said = "Save a copy of what is open, or open the file where it is now with File > Open."
            self.offer("Project file moved", f"{message} {said}", None, save_copy)

    def forget(self) -> None:
        """A project opened or closed: the bar of the one before hidden, its answer forgotten."""
        self.hide()
        self._answered = None
        self._stand(False)

    def show_again(self) -> None:
        """The choices of the move last answered shown again (the person changed their mind); the focus stays where
        it is, as at the first offer."""
        if self._answered is None or self.isVisible():
            return
        self._answered = None
        self.show()
        self._stand(False)

    def _stand(self, on: bool) -> None:
        self.recall.setVisible(on)
        self.standing.emit(on)

    def offer(
        self, title: str, text: str, reopen: Callable[[], object] | None, save_copy: Callable[[], object] | None
    ) -> None:
        """Show ``title: text``; Open it where it is now when ``reopen``, Save a copy… when ``save_copy``; Keep
        working here always (the bar gone, what is open still read). The focus stays where it is."""
        self._title = title
        self.label.setText(f"{title}: {text}")
        self._do = {self.reopen_button: reopen, self.save_button: save_copy, self.keep_button: None}
        self.reopen_button.setVisible(reopen is not None)
        self.save_button.setVisible(save_copy is not None)
        self.show()
        self._stand(False)

    def title(self) -> str:
        return self._title

    def text(self) -> str:
        return self.label.text()

    def buttons(self) -> list[QPushButton]:
        """The choices shown."""
        return [b for b in (self.reopen_button, self.save_button, self.keep_button) if not b.isHidden()]

    def _answer(self) -> None:
        do = self._do.get(self.sender())  # type: ignore[call-overload]
        had_keys = self.isAncestorOf(QApplication.focusWidget())
        self._answered = self._offered
        self.hide()
        self._stand(True)
        self.answered.emit(had_keys)  # before the choice: a reopen's own move is a new offer, never this one's answer
        if do is not None:
            do()
