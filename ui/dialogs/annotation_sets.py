"""Project > Annotation sets…: the project's annotation sets as ``annotator sets PROJECT`` lists them (``main`` first,
each with its documents, entities, events and the files it was merged from), one renamed or dropped through the same
core functions (``teams.set_names.rename_set`` / ``drop_set``), with their refusals: ``main``, a name the project has
already, a set settled with in an adjudication. The last rename is taken back by Ctrl+Z or Undo rename (the set renamed
back: exact, its adjudication decisions too); a drop, which cannot be, is asked first. Each runs in a worker on its own connection (a rename of 1,000 documents' set takes about 2 s); the
list, the document list's Adj. column and the Adjudication window are read again when it is done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator.model import DEFAULT_SET
from annotator.teams.set_names import SET_DOCUMENTS, WORKED_ON, SetInfo
from annotator.wording import counted
from ui import theme as themes
from ui.dialogs.keys import ask_yes_no, buddy_label
from ui.set_steps import RenameSet, SetsWorker, sets_changed
from ui.widget_tools import plain_label

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_face import WindowFace

# the Documents column counts those a set has statuses or annotations in (``SET_DOCUMENTS``: main's are all)
COLUMNS = ("Set", "Documents\n(statuses or annotations)", "Worked on", "Finished", "Entities", "Events", "Merged from")
NUMBERS = range(1, 6)  # the columns of counts (right-aligned)
FINISHED_SAID = (
    "Documents marked annotated or reviewed: in the annotator's own file for a merged set (as annotator stats --set "
    "counts them), the project's for main"
)
MERGED = len(COLUMNS) - 1
ABOUT = (
    f"Each annotator's file brought in by annotator merge is a set of its own; {DEFAULT_SET!r} is the project's, the "
    "final one (Review > Adjudicate settles the others into it)."
)
NONE_MERGED = (
    "No annotator's set yet: annotator merge PROJECT alice.annotator bob.annotator brings each file in as one."
)
MAIN_FIXED = f"{DEFAULT_SET!r} is the project's own, final set: it is neither renamed nor dropped"


class _NewName(QLineEdit):
    """Enter with a name typed renames the selected set (the dialog stays); with the box empty, nothing."""

    def __init__(self, dialog: "AnnotationSetsDialog") -> None:
        super().__init__()
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dialog.rename_selected()
            event.accept()
            return
        super().keyPressEvent(event)


class _SetTable(QTableWidget):
    """Delete on a set asks to drop it; F2 puts its name in the New name box to be changed."""

    def __init__(self, dialog: "AnnotationSetsDialog") -> None:
        super().__init__(0, len(COLUMNS))
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Delete:
            self.dialog.drop_selected()
            event.accept()
            return
        if event.key() == Qt.Key.Key_F2:
            self.dialog.edit_name()
            event.accept()
            return
        super().keyPressEvent(event)


class AnnotationSetsDialog(QDialog):
    def __init__(self, window: "WindowFace") -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window_face = window
        project = window.controller.project
        assert project is not None  # open_annotation_sets refuses first
        self.project = project
        self.sets: list[SetInfo] = []
        self.worker: SetsWorker | None = None
        self.setWindowTitle(f"Annotation sets of {project.path.name}")
        self.about = plain_label(ABOUT)
        self.about.setWordWrap(True)
        self.table = _SetTable(self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.horizontalHeaderItem(1).setToolTip(SET_DOCUMENTS)  # what is counted: main has every document
        self.table.horizontalHeaderItem(2).setToolTip(WORKED_ON)  # those agreement and adjudication take
        self.table.horizontalHeaderItem(3).setToolTip(FINISHED_SAID)  # counted only by stats --set until session 35
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.new_name = _NewName(self)
        self.new_name.setPlaceholderText("the selected set's new name")
        self.new_name.textChanged.connect(lambda _t: self._follow_selection())
        self.rename_button = QPushButton("&Rename")
        self.rename_button.clicked.connect(self.rename_selected)
        self.drop_button = QPushButton("&Drop…")
        self.drop_button.clicked.connect(self.drop_selected)
        # the main window's last step taken back when it is a rename (the set named as it was: rename_set again,
        # exact, decisions too); Edit > Undo after closing does the same
        self.undo_button = QPushButton("&Undo rename")
        self.undo_button.clicked.connect(self.undo_rename)
        self.undo_button.hide()
        window.controller.undo_stack.indexChanged.connect(self._follow_undo)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_rename)  # Ctrl+Z, as in the main window
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for b in (self.rename_button, self.drop_button, self.undo_button):
            b.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(buddy_label("&New name", self.new_name))
        row.addWidget(self.new_name, 1)
        row.addWidget(self.rename_button)
        row.addWidget(self.drop_button)
        row.addWidget(self.undo_button)
        self.said = plain_label("")  # what the last rename or drop did, or its refusal (red)
        self.said.setWordWrap(True)
        self.said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.about)
        lay.addWidget(self.table)
        lay.addLayout(row)
        lay.addWidget(self.said)
        lay.addWidget(buttons)
        self.table.setFocus()
        self.refresh()  # in a worker: 0.3 s on the window's thread for 1,000 documents of two annotators
        self._fit()

    def _fit(self) -> None:
        """As wide as the table's columns need (at least 640 px, never narrower than it is), within the screen; as
        tall as its rows and lines take."""
        screen = self.window_face.screen().availableGeometry() if self.window_face.screen() else None
        width = max(640, self.width() if self.isVisible() else 0)
        width = max(width, self.table.horizontalHeader().length() + 2 * self.table.frameWidth() + 40)
        width = min(width, (screen.width() if screen else 1366) - 80)
        self.resize(width, self.layout().totalHeightForWidth(width))

    def refresh(self) -> None:
        """The sets read again, in a worker (``annotator sets`` may have changed them); the list filled when it ends."""
        self._run(None, None)

    def fill(self, sets: list[SetInfo]) -> None:
        """The table made of ``sets``; the set selected before kept selected, else the first annotator's."""
        chosen = self.selected()
        self.sets = sets
        self.table.setRowCount(len(self.sets))
        for r, s in enumerate(self.sets):
            counts = [f"{n:,}" for n in (s.documents, s.worked_on, s.finished, s.entities, s.events)]
            cells = [s.name, *counts, ", ".join(s.merged_from) or "–"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)  # shown as text: a set's name and a path are data, never markup
                if col in NUMBERS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == MERGED and s.merged_from:
                    item.setToolTip("\n".join(s.merged_from))
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        rows = min(len(self.sets), 8)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(rows))
            + 2 * self.table.frameWidth()
            + 2
        )
        names = [s.name for s in self.sets]
        at = names.index(chosen) if chosen in names else (1 if len(names) > 1 else 0)
        self.table.selectRow(at)
        if len(self.sets) == 1:
            self.say(NONE_MERGED)
        self._follow_selection()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.sets[rows[0].row()].name if rows and rows[0].row() < len(self.sets) else None

    def _why_not(self, name: str | None) -> str:
        """Why the selected set cannot be renamed or dropped now ("" when it can)."""
        if name is None:
            return "Select a set first"
        if self.project.read_only:
            return f"{self.project.path.name} is open read-only: its sets cannot be changed"
        if name == DEFAULT_SET:
            return MAIN_FIXED
        if self.worker is not None:
            return "Reading the sets…" if self.worker.name is None else "A rename or a drop is under way"
        if self._step_running():
            return "A rename is being taken back or made again"
        return ""

    def _step_running(self) -> bool:
        """A rename's step of the undo history is being undone or redone (in its worker)."""
        return any(isinstance(w, SetsWorker) and w is not self.worker for w in self.window_face.workers)

    def rename_step(self) -> RenameSet | None:
        """The main window's next step to undo when it is a set's rename (Ctrl+Z here takes it back), else None."""
        stack = self.window_face.controller.undo_stack
        step = stack.command(stack.index() - 1) if stack.index() > 0 else None
        return step if isinstance(step, RenameSet) else None

    def _follow_undo(self, *_: object) -> None:
        """Undo rename shown while the main window's next undo is a rename, its tooltip naming it."""
        step = self.rename_step()
        self.undo_button.setVisible(step is not None)
        if step is not None:
            self.undo_button.setToolTip(f"Name set {step.new!r} {step.old!r} again (Ctrl+Z; Edit > Undo does the same)")

    def _follow_selection(self) -> None:
        name = self.selected()
        why = self._why_not(name)
        typed = self.new_name.text().strip()
        self.rename_button.setEnabled(not why and bool(typed))
        self.drop_button.setEnabled(not why)
        self.rename_button.setToolTip(
            why or ("Type the set's new name in New name first" if not typed else f"Name set {name!r} {typed!r}")
        )
        self.drop_button.setToolTip(
            why or f"Delete set {name!r} and everything in it (asked first; Delete in the list)"
        )

    def say(self, text: str, error: bool = False) -> None:
        """``text`` under the list (red: a refusal); the window made as tall as its lines take (a refusal wrapped on two
        lines squeezed the list over the New name row at 1366x768)."""
        self.said.setText(text)
        self.said.setStyleSheet(f"color: {themes.current().error}" if error else "")
        self._fit_height()

    def _fit_height(self) -> None:
        need = self.layout().totalHeightForWidth(self.width())
        if need > self.height():
            self.resize(self.width(), need)

    def edit_name(self) -> None:
        """F2: the selected set's name in the New name box, selected, to be typed over."""
        name = self.selected()
        if name is None or name == DEFAULT_SET:
            self.say(MAIN_FIXED if name == DEFAULT_SET else "Select a set first", error=True)
            return
        self.new_name.setText(name)
        self.new_name.selectAll()
        self.new_name.setFocus()

    def rename_selected(self) -> None:
        """The selected set named as typed, in a worker (``rename_set``: its refusals are said here)."""
        name = self.selected()
        new = self.new_name.text().strip()
        if why := self._why_not(name):
            self.say(why, error=True)
            return
        if not new:
            self.say("Type the set's new name in New name first", error=True)
            return
        assert name is not None
        self._run(name, new)

    def undo_rename(self) -> None:
        """Ctrl+Z or Undo rename: the main window's last step taken back when it is a rename (``RenameSet``: the set
        named as it was, its rows, records and adjudication decisions as they were), as Edit > Undo does after the
        window is closed. Another kind of step is not taken back from here; a drop is not undone (it is asked first)."""
        step = self.rename_step()
        if step is None:
            self.say(
                "Nothing to undo here: a rename is taken back (Edit > Undo too, after closing); a drop cannot be",
                error=True,
            )
            return
        if self.worker is not None or self._step_running():
            self.say("A rename or a drop is under way", error=True)
            return
        names = [s.name for s in self.sets]
        if step.new in names:
            self.table.selectRow(names.index(step.new))
        self.say(f"Taking back “{step.text()}”…")
        self.window_face.controller.undo_stack.undo()  # in the step's worker: the list is filled when it ends
        self._follow_selection()

    def confirm_drop(self, info: SetInfo) -> bool:
        """Whether to drop ``info`` (Enter answers No): what goes, and that it cannot be undone."""
        came = (
            f" The file it came from ({', '.join(info.merged_from)}) merges anew afterwards."
            if info.merged_from
            else ""
        )
        return ask_yes_no(
            self,
            "Drop set?",
            f"Delete set {info.name!r}: its {counted(info.entities, 'entity', 'entities')} and "
            f"{counted(info.events, 'event')} on {counted(info.documents, 'document')}, and its records?{came}\n\n"
            "This cannot be undone (Ctrl+Z does not bring it back).",
        )

    def drop_selected(self) -> None:
        """The selected set dropped, asked first, in a worker (``drop_set``: its refusals are said here)."""
        name = self.selected()
        if why := self._why_not(name):
            self.say(why, error=True)
            return
        info = next(s for s in self.sets if s.name == name)
        if not self.confirm_drop(info):
            self.say(f"Set {name!r} kept")
            return
        self._run(info.name, None)

    def _run(self, name: str | None, new: str | None) -> None:
        """A worker started: ``name`` renamed ``new`` or dropped, else (``name`` None) the sets read."""
        c = self.window_face.controller
        if c.project is not self.project:  # closed or another opened meanwhile (the dialog is window-modal)
            self.say("The project was closed: nothing was changed", error=True)
            return
        worker = SetsWorker(str(self.project.path), self.project.annotator, name, new)
        self.worker = worker
        if name is not None:
            after = "" if new is None else " (Ctrl+Z or Edit > Undo takes it back)"
            worker.done.connect(lambda text: self.say(text + after))
        worker.failed.connect(lambda text: self.say(text, error=True))
        if name is not None:  # a wait for another program's write said here too (the window's Cancel gives up)
            worker.progress.connect(lambda _done, _total, text: self.say(text[:1].upper() + text[1:]))
        what = "Reading the sets" if name is None else "Renaming set" if new is not None else "Dropping set"
        self.say(f"{what} {name!r}…" if name is not None else f"{what}…")
        self._follow_selection()
        self.window_face.start_worker(worker, after=lambda: self._done(worker), note=name is None)
        if worker not in self.window_face.workers:  # refused before it started (the file moved): said in the line
            self.worker = None
            self.say(self.window_face.message.text(), error=True)
            self._follow_selection()

    def _done(self, worker: SetsWorker) -> None:
        """The work ended: the list filled with the sets it read; after a rename or a drop, everything else that shows
        the sets read again, and a rename made one step of the main window's undo history (``RenameSet``). Refused,
        nothing changed: the list stays."""
        self.worker = None
        c = self.window_face.controller
        if worker.sets is not None and c.project is self.project:
            if worker.name is None and self.said.text() == "Reading the sets…":
                self.say("")
            self.fill(worker.sets)  # the set selected before kept (a refused rename's name is another's: never it)
            if worker.name is not None:
                sets_changed(self.window_face)  # the document list's Adj. column and filter, the Adjudication window
            if worker.name is not None and worker.new is not None and not worker.already:
                c.undo_stack.push(RenameSet(self.window_face, worker.name, worker.new))  # done: its push does nothing
            names = [s.name for s in self.sets]
            if worker.new is not None and worker.new in names:
                self.new_name.clear()
                self.table.selectRow(names.index(worker.new))
            self._fit()
        self._follow_selection()


def open_annotation_sets(window: "WindowFace") -> AnnotationSetsDialog | None:
    """Project > Annotation sets…: the window (window-modal, not waiting: the worker's end comes to it); refused in
    the status line without a project."""
    if window.controller.project is None:
        window.show_error("Open a project first")
        return None
    dlg = AnnotationSetsDialog(window)
    window._sets_dialog = dlg  # type: ignore[attr-defined]

    def closed(_code: int) -> None:
        window.back_to_text()
        if dlg.worker is not None:  # its end still comes to the dialog: deleted after it
            dlg.worker.finished.connect(dlg.deleteLater)
        else:
            dlg.deleteLater()

    dlg.finished.connect(closed)
    dlg.open()
    return dlg
