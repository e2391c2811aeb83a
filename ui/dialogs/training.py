"""Project > Train suggestions…: train from finished documents in a worker; show current vs new scores at the end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.model import FINISHED
from annotator.learn.options import EVENT_EPOCHS, LEAST_DOCUMENTS, NER_EPOCHS, QUICK_EPOCHS, TrainOptions
from ui import theme as themes
from ui.dialogs.keys import details_key
from ui.unasked_box import open_unasked
from ui.workers import NOT_DEFAULT_HINT, TrainWorker

if TYPE_CHECKING:  # pragma: no cover
    from annotator.learn.train import TrainReport
    from ui.window_face import WindowFace


class TrainDialog(QDialog):
    """What a run learns from, and how: the full settings or a quick try (the command line's ``--ner-epochs 1
    --event-epochs 1``), and whether the new version becomes the default even when it scores worse
    (``--make-default``). The app had only the full run (minutes on a handful of documents)."""

    def __init__(self, finished: int, quick: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Train suggestions")
        which = " or ".join(FINISHED)
        about = QLabel(
            f"Learns from the project's {finished} finished document{'s' if finished != 1 else ''} ({which}); "
            "a part of them is held out to score the new model beside the current one."
        )
        about.setWordWrap(True)
        self.full = QRadioButton(f"&Full: {NER_EPOCHS} passes for entities, {EVENT_EPOCHS} for events (best scores)")
        self.quick = QRadioButton(
            f"&Quick try: {QUICK_EPOCHS} pass each (about a quarter of the time; scores a little lower)"
        )
        (self.quick if quick else self.full).setChecked(True)
        self.make_default = QCheckBox("Make the new model the &default even if it scores worse")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.train = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.train.setText("&Train")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (about, self.full, self.quick, self.make_default):
            lay.addWidget(w)
        if finished < LEAST_DOCUMENTS:  # said here, Train off: it ran and then said why in a second box
            self.too_few = QLabel(
                f"Training needs at least {LEAST_DOCUMENTS} finished documents (one is held out to score the new "
                "model): mark documents annotated (Ctrl+Enter) or reviewed first."
            )
            self.too_few.setWordWrap(True)
            self.too_few.setStyleSheet(f"color: {themes.current().error}")
            lay.addWidget(self.too_few)
            self.train.setEnabled(False)
        lay.addWidget(buttons)
        (self.quick if quick else self.full).setFocus()
        self.setMinimumWidth(min(560, self.sizeHint().width() + 40))

    def options(self) -> TrainOptions:
        chosen = TrainOptions(make_default=True if self.make_default.isChecked() else None)
        return chosen.quick() if self.quick.isChecked() else chosen


def ask_and_train(window: "WindowFace") -> None:
    """Project > Train suggestions…: the dialog, then the run; the choice of a quick try is remembered."""
    c = window.controller
    if c.project is None or c.refuse_read_only() or _already_training(window):
        return
    finished = len(c.project.document_ids(list(FINISHED)))
    dlg = TrainDialog(finished, bool(window.settings.get("train_quick")), window)
    answer = dlg.exec()
    dlg.deleteLater()  # read below; the window's child until deleted
    window.back_to_text()  # as after every dialog: the keys in the text (under Xvfb they went nowhere, Alt+C lost)
    if answer != QDialog.DialogCode.Accepted:
        return
    options = dlg.options()
    window.settings.set("train_quick", options.is_quick)
    start_training(window, options)


def _already_training(window: "WindowFace") -> bool:
    if any(isinstance(w, TrainWorker) for w in window.workers):
        # a second run beside the first (the menu item again while the bar showed the first) doubled the time of
        # both, under the one progress bar, and its version came out after the other's
        window.show_error("Training is already running (the bar below; Cancel there stops it)")
        return True
    return False


def start_training(window: "WindowFace", options: TrainOptions | None = None) -> None:
    """A training run in a worker, with ``options`` (the full settings when None)."""
    c = window.controller
    if c.project is None or c.refuse_read_only() or _already_training(window):
        return
    worker = TrainWorker(c.project.path, annotator=window.settings.annotator or None, options=options)
    # the result in a box; a cancel asked for only in the status line (it opened 'Training finished' on it)
    worker.done.connect(lambda text: None if worker.cancelled else show_training_result(window, text, worker.report))
    # why it did not train (too few finished documents, ...) in a box too: the red status line alone was hidden
    # while the pointer rested on a toolbar button (as after the menu's click), so nothing seemed to happen
    worker.failed.connect(lambda message: training_failed(window, worker, message))
    window.start_worker(worker)


def training_failed(window: "WindowFace", worker: TrainWorker, message: str) -> None:
    """Why it did not train, in a box; a model kept aside (the project moved or was deleted while it trained) gets a
    button that attaches it to a project the person picks (where it is now, or a backup put back)."""
    kept = worker.kept_aside
    if kept is None:
        window.alert("Training not done", message)
        return
    from ui.dialogs.kept_model import offer_attach

    offer_attach(window, kept)


def show_training_result(window: "WindowFace", text: str, report: "TrainReport | None" = None) -> None:
    """The run's summary: the version, whether it became the default, and the held-out comparison table; a version
    kept aside gets a button that makes it the default (the box said to use the command line for it)."""
    if report is not None:
        text = f"Training: {report.summary(NOT_DEFAULT_HINT)}"
    head, _, table = text.partition("\n")
    box = QMessageBox(window)
    if report is not None and report.version is not None and not report.made_default:
        make = box.addButton("&Make it the default", QMessageBox.ButtonRole.AcceptRole)
        # the trained project's button: the box stays open while the person works, over another project opened since
        # too (its click made that project's version of the same number the default)
        trained = window.controller.project
        of = (trained.identity, trained.path.name) if trained is not None else None
        make.clicked.connect(lambda: make_default(window, report.version, of))
        # Enter closes the box: it made a version that scored worse the default (Qt's default, the first accept)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
    box.setWindowTitle("Training finished")
    box.setTextFormat(box.textFormat().PlainText)
    box.setText(head)
    if table:
        box.setDetailedText(table)
        from annotator.learn.report import compared_line

        line = compared_line(report.scores) if report is not None else ""
        box.setInformativeText(
            f"{line} (every label, type and role: Show Details)."
            if line
            else "Held-out scores of the current and the new model: see Show Details."
        )
        details_key(box)
    details = box.findChild(QTextEdit)
    if details is not None and table:  # a table: columns kept in line, the box as wide as the table needs
        font = QFont("monospace")  # the table's alone: the box's sentences were set in it too, a typewriter's prose
        font.setStyleHint(QFont.StyleHint.Monospace)
        details.setFont(font)
        details.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        widest = max(details.fontMetrics().horizontalAdvance(line) for line in table.splitlines())
        screen = window.screen().availableGeometry().width() if window.screen() else 1366
        margins = 2 * int(details.document().documentMargin()) + 2 * details.frameWidth() + 24  # + scroll bar
        details.setMinimumWidth(min(widest + margins, screen - 80))
        rows = min(len(table.splitlines()), 16)  # Qt gives the details 100 px: four rows of the table
        details.setFixedHeight(rows * details.fontMetrics().lineSpacing() + margins)
    open_unasked(box)  # it ends while the person types: M (Make it the default), Enter, Space typed then answer nothing
    window.training_result = box  # type: ignore[attr-defined]


def make_default(window: "WindowFace", version: int | None, of: tuple[tuple[int, int], str] | None = None) -> None:
    """A version (None: the original pipeline) becomes the project's default for pre-annotation, as
    ``annotator models --default N|original`` makes it; ``of``: the identity and name of the project the version is
    of (a training result's), refused when another is open."""
    from annotator.errors import AnnotatorError
    from annotator.learn.versions import set_default
    from annotator.nlp import DEFAULT_PIPELINE

    c = window.controller
    if of is not None and (c.project is None or c.project.identity != of[0]):
        window.show_error(
            f"Version {version} is {of[1]}'s, which is no longer open in this window; nothing was changed (open "
            f"{of[1]}, then Project > Models… makes it the default)"
        )
        return
    if c.project is None or c.refuse_read_only():
        return
    try:
        set_default(c.project, version)
    except AnnotatorError as exc:
        window.show_error(str(exc))
        return
    what = f"Version {version} is" if version is not None else "The original pipeline is"
    pipeline = (window.settings.pipeline or "").strip()
    overridden = (
        f"; while Settings' spaCy pipeline is {pipeline!r}, pre-annotation uses that"
        if pipeline not in ("", DEFAULT_PIPELINE)
        else ""
    )
    window.message.setText(
        f"{what} now the default for pre-annotation (Project > Pre-annotate all documents to use it){overridden}"
    )
