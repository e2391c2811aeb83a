"""A file refused because the project's schema lacks labels (or a brat folder's event types) its documents use: the
box offered only to add them to the schema (session 19); it now offers the command line's other way too, ``--map``:
take each as one of the project's own labels or event types, picked from a list beside its name. A role a file gives
one of the project's event types (s19-realc) and an event attribute (session 20) can only be added: with one among
them the other way is off, saying so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

# how the import names what a file lacks (``schema_choices``)
LABEL, TYPE, ROLE, ATTRIBUTE = "label ", "event type ", "role ", "attribute "
ADDED_ONLY = (ROLE, ATTRIBUTE)  # what can only be added (--map takes labels and event types)
PICK = "choose…"  # a list's first entry: nothing taken yet


class AddOrMapDialog(QDialog):
    """Add the names ``lacking`` lists to the project's schema, or take each as one of ``labels`` (an event type as
    one of ``event_types``). ``choice()``: (add, {the file's name: the project's})."""

    def __init__(
        self,
        parent: QWidget | None,
        lacking: list[tuple[str, list[str]]],
        labels: list[str],
        event_types: list[str],
    ) -> None:
        super().__init__(parent)
        names = list(dict.fromkeys(w for _, lacks in lacking for w in lacks))
        self.setWindowTitle(f"{_what(names)} the project's schema lacks")
        files = "; ".join(f"{Path(p).name} uses {', '.join(lacks)}" for p, lacks in lacking)
        said = QLabel(f"{files}, which the project's schema lacks.")
        said.setWordWrap(True)
        self.add = QRadioButton("&Add them to the project's schema")
        self.take = QRadioButton("&Take each as one of the project's:")
        group = QButtonGroup(self)
        group.addButton(self.add)
        group.addButton(self.take)
        self.add.setChecked(True)
        self.lists: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        only_added = [w for w in names if w.startswith(ADDED_ONLY)]
        if only_added:
            self.take.setEnabled(False)
            self.take.setToolTip(
                f"{', '.join(only_added)}: a role or an attribute can only be added (--map takes labels and event types)"
            )
        for w in names:
            if w.startswith(ADDED_ONLY):
                continue
            box = QComboBox()
            box.addItem(PICK)
            box.addItems(event_types if w.startswith(TYPE) else labels)
            box.setEnabled(False)
            box.currentIndexChanged.connect(self._update)
            name = w[len(TYPE) :] if w.startswith(TYPE) else w[len(LABEL) :]
            form.addRow(f"{name} ({'event type' if w.startswith(TYPE) else 'label'}) as", box)
            self.lists[name] = box
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        for part in (said, self.add, self.take):
            layout.addWidget(part)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self, *_: object) -> None:
        taking = self.take.isChecked()
        for box in self.lists.values():
            box.setEnabled(taking)
        self.ok.setEnabled(not taking or all(b.currentIndex() > 0 for b in self.lists.values()))

    def choice(self) -> tuple[bool, dict[str, str]]:
        """(True, {}) to add them; (False, {the file's name: the project's}) to take each as the project's."""
        if self.add.isChecked():
            return True, {}
        return False, {name: box.currentText() for name, box in self.lists.items()}


def _what(names: list[str]) -> str:
    """The box's title's first words: what the file's names the project lacks are."""
    if names and all(w.startswith(ROLE) for w in names):
        return "Roles"
    if names and all(w.startswith(ADDED_ONLY) for w in names):
        return "Roles and attributes" if any(w.startswith(ROLE) for w in names) else "Attributes"
    return "Labels"
