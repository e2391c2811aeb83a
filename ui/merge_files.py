"""File > Merge annotators' files…: the team lead's ``annotator merge`` in the window (session 36; the command line alone
had it). The files are chosen, then a dialog names them, what to do with a set already holding documents merged from
another file (the command line's --combine and --replace) and that a merge is not undone by Ctrl+Z; the core's
``merge_projects`` runs in a worker with progress and cancel (each file written whole or not at all: a cancel keeps
the files written before it, and says which). The open document and the list read the file again when it ends."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError, SetHeldElsewhere, WentInAsAnotherSet
from annotator.model import DEFAULT_SET
from annotator.store import Project
from annotator.wording import counted, first_named
from ui import file_dialogs, gc_guard
from ui.project_files import PROJECT_FILTER
from ui.workers import Cancelled, Worker

if TYPE_CHECKING:  # pragma: no cover
    from annotator.teams.merge_copy import SourceReport
    from annotator.teams.merge_preview import MergePreview
    from ui.window_face import WindowFace

# the dialog's choices for a set that holds documents merged from another file: (shown, combine, replace)
HELD_CHOICES = (
    ("Refuse: merge nothing, say which documents", False, False),
    ("This file's version wins (replace the set's earlier version)", False, True),
    ("Take each document from the file it was worked on in (combine)", True, False),
)
# a file of several annotators, its set named after the first: how to name it otherwise, in the app (not --as)
RENAME_SAID = "a Set name typed beside the file in File > Merge's dialog names it otherwise"
NOT_UNDONE = (
    "A merge is not undone by Ctrl+Z, nor can Ctrl+Z then take back a decision or a status mark made before it on the "
    "documents it brings work to. Each file is written whole or not at all; merging a file again brings its newer work, "
    "and Project > Annotation sets… drops a set merged by mistake."
)


class MergeWorker(Worker):
    """``merge_projects`` of ``sources`` into the open project; cancel stops it before the next document (the file
    being written is rolled back whole, those written before stay)."""

    title = "Merge"
    again = "File > Merge annotators' files… starts it again"

    def __init__(
        self,
        project_path: str | Path,
        sources: list[str],
        annotator: str | None,
        combine: bool,
        replace: bool,
        names: list[str | None] | None = None,
    ) -> None:
        super().__init__(project_path, annotator)
        self.sources, self.combine, self.replace = sources, combine, replace
        self.names = names  # each file's set name (None: named after its annotator), as the command line's --as
        self.reports: list["SourceReport"] = []

    def work(self, project: Project) -> str:
        from annotator import kept_reading
        from annotator.teams.merge import merge_projects

        notes = []
        for path in self.sources:  # edits an app kept for a source and never saved: written into it first (as the CLI)
            try:
                kept = kept_reading.write_before_reading(Path(path), "merge it")
            except kept_reading.KeptEditsLeft as exc:
                raise AnnotatorError(f"{exc}; nothing was merged") from None
            if kept:
                notes.append(f"note: {Path(path).name}: {kept}")

        def progress(what: str, done: int, total: int) -> None:
            if self._cancel:
                raise Cancelled
            self.progress.emit(done, total, f"merging: {what}")

        try:
            merge_projects(
                project,
                self.sources,
                self.names,
                combine=self.combine,
                replace=self.replace,
                on_source=self.reports.append,
                progress=progress,
            )
        except SetHeldElsewhere as exc:
            raise AnnotatorError(held_said(exc)) from None
        except WentInAsAnotherSet as exc:
            raise AnnotatorError(another_set_said(exc)) from None
        except Cancelled:
            if not self.reports:
                raise
            self.detail = "\n".join([*notes, *(r.summary(RENAME_SAID) for r in self.reports)])
            return f"Merge: cancelled; {self._written_and_not()}"
        except AnnotatorError as exc:  # a file's write failed (the disk, the lock): the files before it are in
            if not self.reports:
                raise
            self.detail = "\n".join([*notes, *(r.summary(RENAME_SAID) for r in self.reports)])
            raise AnnotatorError(f"{exc}; {self._written_and_not()}") from None
        self.detail = "\n".join([*notes, *(r.summary(RENAME_SAID) for r in self.reports)])
        return merged_said(self.reports)

    def _written_and_not(self) -> str:
        """Which files a merge stopped midway wrote (each whole) and which it did not."""
        merged = {r.path for r in self.reports}
        rest = [Path(s).name for s in self.sources if str(Path(s)) not in merged]
        return (
            f"{first_named([Path(r.path).name for r in self.reports], 3)} merged and saved whole, "
            f"{first_named(rest, 3)} not (File > Merge annotators' files… again to finish)"
        )


def merged_said(reports: list["SourceReport"]) -> str:
    """The line after a merge: each file's set and documents, the adjudication decisions it opened again (the core's
    line: how many, on which documents, those no longer reviewed), where to go next (the whole report is the line's
    tooltip)."""
    sets = [
        f"{Path(r.path).name} as set '{r.annotation_set}' "
        f"({counted(len(r.added_documents) + len(r.matched_documents), 'document')})"
        for r in reports
    ]
    reopened = [r.decisions for r in reports if r.reopened]
    then = "; ".join(reopened) if reopened else "Review > Adjudicate settles the differences"
    return f"Merged: {first_named(sets, 3)}; {then}; not undone by Ctrl+Z"


def held_said(exc: SetHeldElsewhere) -> str:
    """The app's words for the command line's refusal of a set already holding documents of another file."""
    name = Path(exc.source).name
    other = exc.other
    if Path(exc.other).resolve() == Path(exc.source).resolve():  # another file by its history, at the same path
        other = f"an earlier {name} at the same path (another file: this one was made anew)"
    return (  # the remedy before the documents and the other file's path: a whole path cut it off the line at 1366
        f"{name}: nothing was merged, set '{exc.set_name}' already holds {counted(len(exc.documents), 'document')} "
        "of this file from another: merge again and choose “This file's version wins” or “Take each document from "
        f"the file it was worked on in”; merged from {other} ({first_named(exc.documents, 3)})"
    )


def another_set_said(exc: WentInAsAnotherSet) -> str:
    """The app's words for the command line's refusal of a file merged before as another set (its --as, its
    ``annotator sets --rename``): the dialog's Set name cell and Project > Annotation sets…, the remedy first."""
    return (
        f"{Path(exc.source).name}: nothing was merged, this file went in as set '{exc.earlier_set}' at an earlier "
        f"merge: merge it again with '{exc.earlier_set}' as its set name (or blank), or rename that set "
        f"'{exc.set_name}' first (Project > Annotation sets…); as '{exc.set_name}' too its work would count twice "
        f"({counted(len(exc.documents), 'document')}: {first_named(exc.documents, 3)})"
    )


SET_NAME_HEADER = "Set name (blank: its annotator's)"
AHEAD_LINES = 4  # what the dialog says of the sets before Merge, at most (the rest in the text's tooltip)


class SourcesRead(QObject):
    """The files chosen to merge read for the dialog's preview in a thread of their own (each opened and read whole:
    their change logs, some 25 ms CPU a 2,000-document file, the GUI thread never waiting on them); ``read`` in the
    window's thread."""

    read = Signal(object)  # list[SourceSeen]

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc_guard.install()  # made on the GUI thread: its collector turns collection on again after ``read_all``

    def read_all(self, sources: list[str]) -> None:
        from annotator.teams import merge_preview

        with gc_guard.no_collection_here():  # no collection in this thread, as in a worker's (ui/gc_guard.py)
            seen = [merge_preview.read_source(s) for s in sources]
        self.read.emit(seen)
        self.deleteLater()


class _SetNameCell(QStyledItemDelegate):
    """The Set name cell's editor tells the dialog each key (``MergeDialog.typing``), so the preview under the choice
    follows the name as it is typed; until session 39 it followed only a committed edit (Enter, Tab, Alt+M), and a
    name typed and not yet committed was said as the set it would replace."""

    def __init__(self, dialog: "MergeDialog") -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def createEditor(self, parent: QWidget, option: object, index: QModelIndex | QPersistentModelIndex) -> QWidget:  # noqa: N802 - Qt's name
        editor = super().createEditor(parent, option, index)  # type: ignore[arg-type]
        if isinstance(editor, QLineEdit):
            row = index.row()
            editor.textEdited.connect(lambda text, row=row: self.dialog.typed(row, text))
        return editor

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802 - Qt's name
        """The edit ended, committed or not (Escape): the preview follows the cell as it holds it."""
        super().destroyEditor(editor, index)
        self.dialog.typed(index.row(), None)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:  # noqa: N802 - Qt's name
        self.dialog.typing.pop(index.row(), None)  # committed: the cell holds it now
        super().setModelData(editor, model, index)


class MergeDialog(QDialog):
    """The files to merge, the choice for a set holding documents of another file, and that it is not undone."""

    def __init__(
        self,
        project_name: str,
        sources: list[str],
        parent: QWidget | None = None,
        preview: "MergePreview | None" = None,
    ) -> None:
        super().__init__(parent)
        self.preview = preview  # what the merge would do with each file's set, said before Merge (session 38)
        self.setWindowTitle("Merge annotators' files")
        lay = QVBoxLayout(self)
        head = QLabel(
            f"Bring each file into {project_name} as an annotation set of its own, named after its annotator "
            "(the one of most of its rows), or the set name typed beside it:"
        )
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(head)
        # each file's set name, typed where its annotator's name will not do (two machines' logins alike, a file
        # made under a shared account): the command line's --as (session 37: the app had none)
        self.files = QTableWidget(len(sources), 2)
        self.files.setHorizontalHeaderLabels(["File", SET_NAME_HEADER])
        self.files.verticalHeader().hide()
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.files.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        for row, path in enumerate(sources):
            shown = QTableWidgetItem(path)
            shown.setFlags(shown.flags() & ~Qt.ItemFlag.ItemIsEditable)
            shown.setToolTip(path)
            self.files.setItem(row, 0, shown)
            name = QTableWidgetItem("")
            name.setToolTip("The annotation set this file's work goes into; blank: named after its annotator")
            self.files.setItem(row, 1, name)
        header = self.files.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.setMaximumHeight(140)
        self.files.setCurrentCell(0, 1)
        self.typing: dict[int, str] = {}  # a Set name cell being edited: its row -> the name as typed so far
        self.files.setItemDelegateForColumn(1, _SetNameCell(self))
        lay.addWidget(self.files)
        self.refused = QLabel("")  # a set name the dialog cannot take, said where it is typed
        self.refused.setTextFormat(Qt.TextFormat.PlainText)
        self.refused.setWordWrap(True)
        self.refused.setStyleSheet("color: #b00020")
        self.refused.hide()
        lay.addWidget(self.refused)
        form = QFormLayout()
        self.held = QComboBox()
        self.held.addItems([shown for shown, _c, _r in HELD_CHOICES])
        form.addRow("A set already holding a &document of another file:", self.held)
        lay.addLayout(form)
        self.ahead = QLabel("")  # two files into one set, a set's documents from another file: before Merge
        self.ahead.setTextFormat(Qt.TextFormat.PlainText)
        self.ahead.setWordWrap(True)
        self.ahead.setStyleSheet("color: #8a4b00")
        self.ahead.hide()
        lay.addWidget(self.ahead)
        self.files.itemChanged.connect(lambda _item: self.say_ahead())
        self.held.currentIndexChanged.connect(lambda _i: self.say_ahead())
        self.say_ahead()
        note = QLabel(NOT_UNDONE)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge = buttons.addButton("&Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def say_ahead(self) -> None:
        """What the merge would do with the sets as typed and the choice made, under the choice (hidden: nothing); the
        red refusal Merge said goes once no set is named as the final set."""
        if DEFAULT_SET not in self.set_names():
            self.refused.hide()
        if self.preview is None:
            return
        lines = self.preview.said(self.set_names(), *self.combine_replace())
        shown = lines[:AHEAD_LINES] + (
            [f"… and {len(lines) - AHEAD_LINES} more (in this text's tip)"] if len(lines) > AHEAD_LINES else []
        )
        self.ahead.setText("\n".join(shown))  # the dialog stays on a 768 px screen however many files are chosen
        self.ahead.setToolTip("\n".join(lines) if len(lines) > AHEAD_LINES else "")
        self.ahead.setVisible(bool(lines))

    def typed(self, row: int, text: str | None) -> None:
        """A key in ``row``'s Set name cell (``text`` as typed so far; None: its edit ended): said again at once."""
        if text is None:
            self.typing.pop(row, None)
        else:
            self.typing[row] = text
        self.say_ahead()

    def set_names(self) -> list[str | None]:
        """Each file's set name as typed (spaces around it dropped; a cell being edited as typed so far), None where
        blank."""
        out: list[str | None] = []
        for row in range(self.files.rowCount()):
            item = self.files.item(row, 1)
            text = self.typing.get(row, item.text() if item is not None else "")
            out.append(text.strip() or None)
        return out

    def accept(self) -> None:
        """Merge, unless a set name typed is the project's final set's (the core refused it in the command line's
        words, after the dialog had gone)."""
        if DEFAULT_SET in self.set_names():
            if self.ahead.isVisibleTo(self):  # the line under the choice says which file, why and what to type
                said = f"Nothing merged: a set cannot be named '{DEFAULT_SET}' (the line below says what to type)"
            else:
                said = (
                    f"A set cannot be named '{DEFAULT_SET}': that is the project's final set (Review > Adjudicate "
                    "settles into it); type another name or leave it blank"
                )
            self.refused.setText(said)
            self.refused.show()
            return
        super().accept()

    def combine_replace(self) -> tuple[bool, bool]:
        _shown, combine, replace = HELD_CHOICES[self.held.currentIndex()]
        return combine, replace


def merge_files(window: "WindowFace", sources: list[str] | None = None, ask: bool = True) -> MergeWorker | None:
    """The menu's action: choose the files (``sources`` given: those), confirm in the dialog (``ask``), start the
    worker; the worker started, or None."""
    c = window.controller
    if c.project is None:
        window.alert("No project", "Open or create the team's project first (File > Open project…).")
        return None
    if c.refuse_read_only():
        return None
    if sources is None:
        sources, _ = file_dialogs.open_file_names(
            window,  # type: ignore[arg-type]
            "Merge annotators' files",
            str(c.project.path.absolute().parent),
            PROJECT_FILTER,
        )
        window.back_to_text()
    if not sources:
        return None
    combine = replace = False
    names: list[str | None] | None = None
    if ask:
        from annotator.teams.merge_preview import MergePreview, SourceSeen

        dlg = MergeDialog(c.project.path.name, sources, window)  # type: ignore[arg-type]
        project, closed = c.project, []

        def read(seen: list[SourceSeen]) -> None:  # in the window's thread, the files read in another
            if not closed and c.project is project:
                dlg.preview = MergePreview(project, seen)
                dlg.say_ahead()

        relay = SourcesRead(window)  # type: ignore[arg-type]  # the window's: it outlives the dialog
        relay.read.connect(read)
        threading.Thread(target=relay.read_all, args=(sources,), daemon=True).start()
        chosen = dlg.exec()
        closed.append(True)
        combine, replace = dlg.combine_replace()
        names = dlg.set_names()
        dlg.deleteLater()
        window.back_to_text()
        if not chosen:
            return None
    worker = MergeWorker(c.project.path, sources, window.settings.annotator or None, combine, replace, names)
    own = getattr(window, "merges_in", None)
    if own is not None:  # this window's own merge: its line says it, not "A merge came in (annotator merge)"
        own.own_merges += 1

    def ended() -> None:
        if own is not None:
            own.own_merges -= 1
            own.start()  # the rows it wrote: read as seen
        c.reload()

    window.start_worker(worker, after=ended)
    if worker not in window.workers:  # not started (the file renamed or moved meanwhile: said): no merge of its own
        if own is not None:  # runs, and another program's merges are said again (its count stayed up, for good)
            own.own_merges -= 1
        return None
    return worker


def add_merge_action(window: "WindowFace", file_menu: object, before: QAction) -> QAction:
    """File > Merge annotators' files…, put before ``before`` (Export) in ``file_menu``."""
    act = QAction("Mer&ge annotators' files…", window)  # type: ignore[arg-type]
    act.setStatusTip(
        "Bring annotators' project files into this project, each as an annotation set (as 'annotator merge' does); "
        "then Review > Adjudicate"
    )
    act.triggered.connect(lambda _c=False: merge_files(window))
    file_menu.insertAction(before, act)  # type: ignore[attr-defined]
    window.actions_by_name["merge_files"] = act
    return act
