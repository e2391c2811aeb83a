"""Every dialog of the app fits a 1366x768 screen and can be used by keys alone: each field and button has its
own Alt+letter (none used twice in a dialog), Esc closes it, Enter gives its answer. The Export, Import and Settings
dialogs had no Alt+letter on any field or button (only Tab through them), the agreement and adjudication windows no
button to close them."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
)


def mnemonic(text: str) -> str | None:
    """The Alt+letter of a label or button's text ("&&" is a literal ampersand), or None."""
    m = re.search(r"(?<!&)&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def standard(button: QAbstractButton) -> bool:
    """OK, Cancel, Close...: Enter and Esc are their keys."""
    box = button.parent()
    return isinstance(box, QDialogButtonBox) and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton


def in_a_lettered_row(dlg: QDialog) -> set[int]:
    """The check boxes of a form row whose label has a letter (it goes to the first; Tab goes along the row)."""
    form, out = dlg.layout(), set()
    if not isinstance(form, QFormLayout):
        return out
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None or field.layout() is None or not mnemonic(label.widget().text()):
            continue
        items = [field.layout().itemAt(k).widget() for k in range(field.layout().count())]
        out |= {id(w) for w in items if isinstance(w, QCheckBox)}
    return out


def keys_of(dlg: QDialog) -> list[tuple[str, str | None]]:
    """(text, letter) of every visible label with a buddy, button and check box that is not a standard button
    (nor a check box of a lettered row)."""
    out = [(lab.text(), mnemonic(lab.text())) for lab in dlg.findChildren(QLabel) if lab.buddy() is not None]
    covered = in_a_lettered_row(dlg)
    for b in dlg.findChildren(QAbstractButton):
        if isinstance(b, (QPushButton, QCheckBox)) and b.isVisible() and b.text() and not standard(b):
            if id(b) not in covered and not re.search(r"\(\S\)$", b.text()):  # "Edit (E)": a key of its list
                out.append((b.text(), mnemonic(b.text())))
    return out


def dialogs(window, tmp_path):  # type: ignore[no-untyped-def]
    from annotator.validation import Problem
    from ui.dialogs.adjudication import AdjudicationWindow
    from ui.dialogs.agreement import AgreementWindow
    from ui.dialogs.event_type import EventTypeDialog
    from ui.dialogs.export import ExportDialog
    from ui.dialogs.import_format import ImportFormatDialog
    from ui.dialogs.problems import ProblemsDialog
    from ui.dialogs.settings import SettingsDialog
    from ui.dialogs.shortcuts import ShortcutsDialog
    from ui.dialogs.training import TrainDialog

    c = window.controller
    problem = Problem("error", "required role Attacker is empty", event_id=None)
    return {
        "export": lambda: ExportDialog(str(tmp_path / "p.json"), window),
        "import": lambda: ImportFormatDialog(window),
        "settings": lambda: SettingsDialog(window.settings, window),
        "problems": lambda: ProblemsDialog([problem] * 30, window),
        "event type": lambda: EventTypeDialog(c.schema, "attacked", window, ["Conflict:Attack"]),
        "shortcuts": lambda: ShortcutsDialog(c.schema, window),
        "agreement": lambda: AgreementWindow(c.project, window),
        "adjudication": lambda: AdjudicationWindow(c, window, window),
        "train": lambda: TrainDialog(3, False, window),
    }


def shown_active(qtbot, dlg: QDialog) -> None:  # type: ignore[no-untyped-def]
    """Shown and the active window, as a dialog a user opened is (its Alt+letters work there)."""
    with qtbot.waitExposed(dlg):
        dlg.show()
    dlg.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)


NAMES = ["export", "import", "settings", "problems", "event type", "shortcuts", "agreement", "adjudication", "train"]


@pytest.mark.parametrize("name", NAMES)
def test_each_dialog_fits_the_small_screen_and_has_a_key_for_everything(qtbot, window, tmp_path, name):
    dlg = dialogs(window, tmp_path)[name]()
    qtbot.addWidget(dlg)
    with qtbot.waitExposed(dlg):
        dlg.show()
    # 1366x768 less a title bar and a panel: the whole dialog and its buttons in sight
    assert dlg.width() <= 1366 and dlg.height() <= 768 - 60, (dlg.width(), dlg.height())
    keys = keys_of(dlg)
    assert [text for text, letter in keys if letter is None] == []  # each has its Alt+letter
    letters = [letter for _, letter in keys]
    assert len(letters) == len(set(letters)), keys  # none used twice
    for lab in dlg.findChildren(QLabel):  # a form label's letter goes to its field
        if lab.buddy() is None and mnemonic(lab.text()):
            pytest.fail(f"label {lab.text()!r} has a letter but no field to give the focus to")
    buttons = dlg.findChildren(QDialogButtonBox)
    assert buttons, "an answer or a Close button"  # the agreement and adjudication windows had none
    focus = dlg.focusWidget() or dlg
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert not dlg.isVisible()  # Esc closes it


def test_enter_gives_the_dialogs_answer(qtbot, window, tmp_path):
    from ui.dialogs.settings import SettingsDialog

    dlg = SettingsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    shown_active(qtbot, dlg)
    dlg.pipeline.setFocus()
    qtbot.keyClick(dlg.pipeline, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: "Your name"
    assert dlg.focusWidget() is dlg.annotator
    qtbot.keyClick(dlg.annotator, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_alt_letters_reach_the_fields_of_a_row_of_several(qtbot, window, tmp_path):
    """Rows whose field is a path with its button, or a row of check boxes: the label's letter goes to the first."""
    from ui.dialogs.export import ExportDialog

    dlg = ExportDialog(str(tmp_path / "p.json"), window)
    qtbot.addWidget(dlg)
    shown_active(qtbot, dlg)
    for key, widget in (
        (Qt.Key.Key_L, dlg.path),
        (Qt.Key.Key_S, next(iter(dlg.states.values()))),
        (Qt.Key.Key_D, next(iter(dlg.statuses.values()))),
        (Qt.Key.Key_F, dlg.format),
    ):
        qtbot.keyClick(dlg.focusWidget() or dlg, key, Qt.KeyboardModifier.AltModifier)
        assert dlg.focusWidget() is widget, key


def test_enter_in_the_adjudication_list_keeps_the_window(qtbot, window):
    """Its Close button is no default: Enter in its list of differences does not close it."""
    from ui.dialogs.adjudication import AdjudicationWindow

    dlg = AdjudicationWindow(window.controller, window, window)
    qtbot.addWidget(dlg)
    with qtbot.waitExposed(dlg):
        dlg.show()
    dlg.tree.setFocus()
    qtbot.keyClick(dlg.tree, Qt.Key.Key_Return)
    assert dlg.isVisible()
