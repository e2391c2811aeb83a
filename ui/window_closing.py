"""The main window's close: edits kept while another program writes (how many wait, the close that waits for them
to be saved, the take-back action), the question before work in progress is stopped, and what the close keeps (the
place, the window's geometry, the list's width) before the workers are cancelled and the project closed (a mixin of
MainWindow, split from it to keep each file to one job)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent

from annotator import kept_messages
from annotator.store import BUSY_TIMEOUT_MS

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_parts import WindowParts as _Window
else:
    _Window = object  # a part of the window: what it takes from the rest is WindowParts


class WindowClosing(_Window):
    """Methods of MainWindow that close it (``self`` is the MainWindow; the close itself is QMainWindow's, after)."""

    def show_waiting(self, kept: int, message: str) -> None:
        """Edits kept while another program writes: how many, in the status bar, until they are saved; a close
        asked for meanwhile happens then."""
        self.waiting_label.setText(f"⏳ {kept} waiting to be saved" if kept else "")
        self.waiting_label.setToolTip(message)
        self.waiting_label.setVisible(bool(kept))
        self._follow_take_back()
        # said when it changes, not at each retry (every 150 ms): a key's own message meanwhile ("This span's
        # decision is kept already ...") stays, the count still beside it; nor when fewer are kept (a pass of the
        # retry timer wrote some): a refusal as they landed stays in view (under load they land in several passes,
        # and "1 edit kept" was said over the refusal of the pass before), the count beside it tells the rest
        said, self._waiting_said = self._waiting_said, message
        fewer, self._waiting_kept = kept < self._waiting_kept, kept
        if kept and message != said and not fewer:
            self.show_note(message)
        elif not kept and self._close_when_saved:
            self._close_when_saved = False
            self.close()

    _close_when_saved = False
    _waiting_said = ""  # the last waiting message shown (show_waiting)
    _waiting_kept = 0  # and how many edits were kept then

    def _follow_take_back(self) -> None:
        """On exactly when Qt's Undo is off and an edit is kept (never both: one Ctrl+Z, one action)."""
        c = self.controller
        self.take_back_action.setEnabled(bool(c.edits_waiting()) and not c.undo_stack.canUndo())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        kept = self.controller.edits_waiting()
        # closing now would lose them: the window closes once they are saved (not for a file renamed meanwhile: they
        # wait for its reopen, in the journal beside it)
        if kept and not self._close_when_saved and not self.controller.kept.wait_for_reopen():
            self._close_when_saved = True
            event.ignore()
            self.show_note(kept_messages.close_waits(kept, BUSY_TIMEOUT_MS // 1000))
            return
        if not self.confirm_lose_only_copy():
            event.ignore()
            return
        running = [w for w in self.workers if w.isRunning() and not w.reads_only]  # a reading one is just stopped
        if running and not self.confirm_stop_work(running[0].title):
            event.ignore()
            return
        self.remember_place()
        self.settings.q.setValue("window/geometry", self.saveGeometry())
        self.settings.q.setValue("window/state", self.saveState())
        self.documents_width.keep()  # the list's width the person's (moved) or the app's (fitted to names)
        self.settings.q.sync()
        # cancel and wait a moment: work checks between pieces, but spaCy cannot be stopped inside one, so a
        # thread still running then is left to the process's end (app.finish), never destroyed while it runs
        self.exit_hard = not self.wait_for_workers(1500)
        self.controller.close_project()
        super().closeEvent(event)

    def confirm_lose_only_copy(self) -> bool:
        """True to close: asked first when what is open is the only copy of its work (the file deleted, or replaced by
        another renamed over it, while open: session 39, the close lost it without a word, the bar over the text
        having said to save a copy); Enter answers No, the window staying with its Save a copy…."""
        p = self.controller.project
        stopped = p.stopped if p is not None else None
        if stopped is None or not stopped.deleted:
            return True
        from ui.dialogs import keys

        how = "replaced by another file" if stopped.replaced else "deleted"
        return keys.ask_yes_no(
            self,
            "Quit and lose the work?",
            f"{p.path.name} was {how} while open: what is open is now the only copy of the work saved in it.\n\n"
            "Quit and lose it? No keeps the window open: Save a copy… (the File menu's, Ctrl+Shift+S, or the bar's over "
            "the text) keeps it.",
        )

    def confirm_stop_work(self, title: str) -> bool:
        """Ask before quitting while background work runs; True to stop it and quit."""
        from ui.dialogs.keys import ask_yes_no

        return ask_yes_no(
            self,
            "Quit?",
            f"{title} is still running.\nStop it and quit? Finished batches are saved; the documents "
            "in progress are left as they were.",
        )
