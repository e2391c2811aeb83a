"""The keyboard paths of the dialogs: a label whose Alt+letter puts the focus in its field, a Close button, a yes/no
question whose Enter answers No."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QWidget

from ui import theme as themes


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A form label (``"&States"``) whose Alt+letter gives ``field`` the focus: QFormLayout does that for a row
    whose field is one widget, not for a row of several (a path and its Browse button, a row of check boxes)."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A Close button (Esc does the same) for a window that has no other answer to give."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


def options_and_error_rows(form: QFormLayout) -> tuple[QLineEdit, QLabel]:
    """A format's Options field (``key=value; ...``, Alt+O) and the red line below it that says what was wrong."""
    options = QLineEdit()
    form.addRow("&Options", options)
    error = QLabel("")
    error.setTextFormat(Qt.TextFormat.PlainText)
    # wrapped in the dialog's width: a refusal naming a long path widened it past the screen (1434 px at 1366x768)
    error.setWordWrap(True)
    error.setStyleSheet(f"color: {themes.current().error}")
    form.addRow(error)
    return options, error


def options_hint(keys: Sequence[str]) -> str:
    """The Options box's hint: the keys a format takes, or that it takes none."""
    return "KEY=VALUE; … with keys: " + ", ".join(keys) if keys else "no options for this format"


def fit_options_hints(edit: QLineEdit, key_lists: Iterable[Sequence[str]]) -> None:
    """The Options box as wide as the longest hint of any format needs: at 1366x768 Export's DyGIE++ hint was cut
    ("… with keys: split, seed, misaligned, dataset, trigger_head,…"), its last key unseen."""
    fm = edit.fontMetrics()
    need = max((fm.horizontalAdvance(options_hint(keys)) for keys in key_lists), default=0)
    edit.setMinimumWidth(need + 16)  # the frame's and the text's margins


def example_row(form: QFormLayout, error: QLabel) -> QLabel:
    """A grey line above ``error`` (``options_and_error_rows``') for an example of the options, wrapped: in the
    Options box's hint an example was cut at the box's end at 1366x768 (Import's CoNLL, Export's every format)."""
    from ui.widget_tools import plain_label

    example = plain_label("", color=themes.current().muted)
    example.setWordWrap(True)
    form.insertRow(form.getWidgetPosition(error)[0], "", example)
    return example


def show_example(label: QLabel, example: str) -> None:
    """``e.g. <example>`` on ``label``, the line hidden when there is none."""
    label.setText(f"e.g. {example}" if example else "")
    label.setVisible(bool(example))


def details_key(box: QMessageBox) -> None:
    """Alt+D on a message box's own "Show Details…" (Qt gives it no letter while the buttons beside it have one),
    kept when Qt relabels it "Hide Details…" at each click (its relabelling runs first: connected before ours)."""
    own = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]
    button = next((b for b in own if "details" in b.text().lower() and "&" not in b.text()), None)
    if button is None:
        return

    def lettered() -> None:
        button.setText(re.sub(r"(?i)\bdetails", "&Details", button.text().replace("&", ""), count=1))

    lettered()
    button.clicked.connect(lettered)


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A question shown as plain text (a file name is never markup) whose Enter answers No, the answer that changes
    nothing; True for Yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
