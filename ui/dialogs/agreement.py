"""The Agreement window: per pair of annotators, per label and overall, the scores of annotator.teams.agreement.

The scores are worked out in a worker (its own connection to the file): the window opens at once with a progress
bar and a Cancel button, and, where the tables come, a line saying what is being worked out (an empty table area
stood under the bar until session 14); the tables replace it when they are done. Until session 13 they were worked
out on the window's thread before the window opened: a large team project froze the app meanwhile, with no way to
stop it. The status line's "Agreement: ..." is a note of the window's: it ends when the window closes (or, for a
cancel, at the next selection or edit), where it stayed until some other message came."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.store import Project
from annotator.teams.agreement import agreement, compared_sets, left_out, nothing_shared
from annotator.wording import counted, first_named
from ui.dialogs.keys import close_buttons
from ui.plain import no_mnemonic
from ui.workers import Cancelled, Worker

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_face import WindowFace

SECTIONS = (
    ("entities_exact", "Entity spans (exact)"),
    ("entities_overlap", "Entity spans (overlap)"),
    ("triggers", "Event triggers"),
    ("trigger_words", "Trigger words (any type)"),
    ("arguments", "Arguments"),
)
COLUMNS = ("Measure", "Label", "A", "B", "P", "R", "F1", "Kappa")


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def pair_rows(scores: dict[str, Any]) -> list[list[str]]:
    """Table rows for one pair's scores (project or one document): measure, label, counts, P, R, F1, kappa."""
    rows = []
    kappa = scores["kappa"]
    for key, title in SECTIONS:
        table = scores[key]
        labelled = [] if key == "trigger_words" else list(table["by_label"].items())  # one label: its overall alone
        for label, c in [*labelled, ("overall", table["overall"])]:
            k = ""
            if key == "entities_exact":
                k = _num(kappa["overall"] if label == "overall" else kappa["by_label"].get(label))
            rows.append(
                [title, label, str(c["a"]), str(c["b"]), _num(c["precision"]), _num(c["recall"]), _num(c["f1"]), k]
            )
        if key == "trigger_words":  # the same words typed otherwise: A's type / B's type, how often
            for other in scores.get("other_types") or []:
                label = f"{other['a']} / {other['b']}: {other['count']:,}"
                rows.append(["Same trigger, other type", label, "", "", "", "", "", ""])
    cats = scores.get("categories")
    if cats and cats["documents"]:  # a text classification's labels, where a merge gave the annotators' choices
        for label, c in [*cats["by_label"].items(), ("overall", cats["overall"])]:
            k = _num(cats["kappa"]["overall"] if label == "overall" else cats["kappa"]["by_label"].get(label))
            rows.append(
                [
                    "Document categories",
                    label,
                    str(c["a"]),
                    str(c["b"]),
                    _num(c["precision"]),
                    _num(c["recall"]),
                    _num(c["f1"]),
                    k,
                ]
            )
    return rows


class AgreementWorker(Worker):
    """``agreement`` over the project's file; a cancel stops it at the next document (``result`` stays None)."""

    title = "Agreement"
    again = "Review > Agreement between annotators… starts it again"
    reads_only = True

    def __init__(self, project_path: str | Path, annotator: str | None = None) -> None:
        super().__init__(project_path, annotator)
        self.result: dict[str, Any] | None = None
        self.summary = ""  # what the status line says when done

    def work(self, project: Project) -> str:
        def progress(done: int, total: int) -> None:
            if self._cancel:
                raise Cancelled()
            self.progress.emit(done, total, f"agreement: {done:,} of {counted(total, 'document')} scored")

        result = agreement(project, progress=progress)
        self.result = result
        pairs = result["pairs"]
        self.summary = (
            f"Agreement: {counted(len(pairs), 'pair')} of annotators, {counted(len(result['sets']), 'annotation set')}"
            " (the tables are in the Agreement window)"
        )
        return self.summary


def waiting_text(sets: list[str], done: int = 0, total: int | None = None) -> str:
    """What the table area says while the scores are worked out: which pairs, what comes, how far."""
    pairs = [f"{a} vs {b}" for k, a in enumerate(sets) for b in sets[k + 1 :]]
    shown = first_named(pairs, 6)
    far = (
        "" if total is None else f"\n\n{done:,} of {counted(total, 'document')} scored (each pair's documents counted)."
    )
    return (
        f"Scoring {counted(len(pairs), 'pair')} of annotators: {shown}.\n\n"
        "A tab for each pair comes here when every document is scored: entity spans (exact and overlapping) with "
        f"token kappa, event triggers and arguments, per label, the document categories where the annotators gave any, then "
        f"one line per document.{far}"
    )


_ALONE: set[Worker] = set()  # workers started without a main window: kept until they end (a running QThread
# collected with its window would abort the process)


def _start_alone(worker: Worker) -> None:
    _ALONE.add(worker)
    worker.finished.connect(lambda: _ALONE.discard(worker))
    worker.start()


class AgreementWindow(QDialog):
    """One tab per pair of annotation sets: the project's table, then one overall line per document. ``start``
    runs the worker (the main window's ``start_worker``, so that closing the app cancels it too)."""

    def __init__(
        self, project: Project, parent: QWidget | None = None, start: Callable[[Worker], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement between annotators")
        self.resize(900, 600)
        self.tabs = QTabWidget()
        self.note = QLabel("")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # messages name annotation sets: data, never markup
        self.note.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setToolTip("Stop working out the scores (nothing is changed)")
        self.cancel_button.clicked.connect(self.reject)  # closing the window stops the work too
        working = QHBoxLayout()
        working.addWidget(self.bar, 1)
        working.addWidget(self.cancel_button)
        self.working = QWidget()
        self.working.setLayout(working)
        self.waiting = QLabel("")  # where the tables come, while they are worked out
        self.waiting.setTextFormat(Qt.TextFormat.PlainText)  # set names are data
        self.waiting.setWordWrap(True)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setFrameShape(QFrame.Shape.StyledPanel)
        self.waiting.setMargin(24)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.working)
        lay.addWidget(self.waiting, 1)
        lay.addWidget(self.tabs, 1)
        self.tabs.hide()
        lay.addWidget(close_buttons(self))  # Esc too: it had no button, only the window manager's cross
        self.result: dict[str, Any] | None = None
        self.summary = ""  # the worker's, once done: the status line's note of this window
        self.refusal: str | None = None
        self.worker: AgreementWorker | None = None
        try:
            sets = compared_sets(project)  # cheap: a project of one annotator is refused before any work
        except AnnotatorError as exc:
            self.refusal = str(exc)
            self.note.setText(self.refusal)
            self.working.hide()
            self.waiting.hide()
            return
        self.sets = sets
        self.note.setText(f"Working out the agreement between {', '.join(sets)}…")
        self.waiting.setText(waiting_text(sets))
        self.worker = AgreementWorker(project.path, project.annotator)
        self.worker.progress.connect(self._on_progress)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        (start or _start_alone)(self.worker)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(0, total))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done:,} of {total:,} documents")
        self.waiting.setText(waiting_text(self.sets, done, total))

    def _on_failed(self, message: str) -> None:
        self.note.setText(message)
        self.waiting.setText(f"No tables: {message}")

    def _on_finished(self) -> None:
        worker, self.worker = self.worker, None
        self.working.hide()
        if worker is None or worker.result is None:
            return
        self.result, self.summary = worker.result, worker.summary
        self.waiting.hide()
        self.tabs.show()
        self.note.setText(
            "Only accepted and added spans and events count. A is the reference: P = share of B's items A also has. "
            "Kappa is Cohen's kappa over tokens (over documents for the document categories). Definitions: docs/teams.md."
        )
        for pair in self.result["pairs"]:
            self.tabs.addTab(self._pair_tab(pair), no_mnemonic(f"{pair['a']} vs {pair['b']}"))

    def working_on(self) -> bool:
        """The scores are still being worked out."""
        return self.worker is not None

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name: every way of closing the window comes here
        if self.worker is not None:
            self.worker.cancel()  # stops at the next document; its end is the window's (start_worker's) to tidy
        super().done(code)

    def _pair_tab(self, pair: dict[str, Any]) -> QWidget:
        if (why := nothing_shared(pair)) is not None:
            return self._nothing_shared_tab(why)
        rows = pair_rows(pair["project"])
        for d in pair["by_document"]:
            ex = d["entities_exact"]["overall"]
            rows.append(
                [
                    f"document {d['name']}",
                    "overall",
                    str(ex["a"]),
                    str(ex["b"]),
                    _num(ex["precision"]),
                    _num(ex["recall"]),
                    _num(ex["f1"]),
                    _num(d["kappa"]["overall"]),
                ]
            )
        table = QTableWidget(len(rows), len(COLUMNS))
        table.setHorizontalHeaderLabels([*COLUMNS[:2], pair["a"], pair["b"], *COLUMNS[4:]])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for k, value in enumerate(row):
                item = QTableWidgetItem(value)
                if k >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, k, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        alone = left_out(pair)  # the documents one of them worked on alone: not compared, said
        covered = QLabel(
            f"{counted(pair['documents'], 'document')} both annotators covered" + (f"; {alone}" if alone else "")
        )
        covered.setWordWrap(True)
        covered.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(covered)
        lay.addWidget(table, 1)
        return box

    @staticmethod
    def _nothing_shared_tab(why: str) -> QWidget:
        """A pair with no document both worked on: why, in place of tables of dashes under "0 documents"."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        said = QLabel(why[0].upper() + why[1:])
        said.setTextFormat(Qt.TextFormat.PlainText)
        said.setWordWrap(True)
        lay.addWidget(said)
        lay.addStretch(1)
        return box


def open_agreement(window: "WindowFace") -> AgreementWindow | None:
    c = window.controller
    if c.project is None:
        window.show_error("Open a project first")
        return None
    dlg = AgreementWindow(c.project, window, partial(window.start_worker, note=True))  # its 'done' a note
    if dlg.refusal is not None:  # fewer than two annotators' sets: said in the status line, no empty window
        refusal = dlg.refusal  # (it opened 900x600 with no tab for the one line, the keys left in it)
        dlg.deleteLater()
        window.show_error(refusal[:1].upper() + refusal[1:])
        window.back_to_text()
        return None
    window._agreement_window = dlg  # type: ignore[attr-defined]
    dlg.finished.connect(lambda _code: window.end_note(dlg.summary))  # its note goes with it
    dlg.show()
    return dlg
