"""Document > Categories… (Ctrl+Shift+C): the current document's categories (a text classification's labels, as the
doccano, Prodigy, Label Studio and spaCy imports keep them) chosen among those the project knows, or typed new. The
choice is one command on the undo stack (``commands.SetCategories``: ``edits.set_categories``); the exports carry it.
A team's document (merged annotators' files, an import of several annotators' work) shows each annotator's own above
the list, which is then said to be the final set's (session 39: an import's annotators' own were not shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.categories import carrier_names, category_names, document_categories, project_categories
from annotator.errors import ValidationError
from annotator.model import DEFAULT_SET
from annotator.teams.merge_categories import annotators_categories, said_choices
from annotator.wording import first_named
from ui import theme as themes
from ui.commands import RemoveCategory, SetCategories
from ui.dialogs.keys import ask_yes_no, buddy_label
from ui.plain import no_mnemonic

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_face import WindowFace


HOW = (
    "Space ticks or unticks the category under the cursor; a new one typed in New category above is added with Enter. "
    "Delete takes the category under the cursor off the project's list."
)
FINAL_SET = f"the final set ({DEFAULT_SET})"  # what the app edits: the list ticked below is its own
FINAL_SET_IS = "what the exports write as the document's"
# the note while the list is empty (no category declared, kept or on a document): ticking has nothing to act on yet
NONE_YET = "The project has no category yet: type one in New category above and press Enter to add it."


class _NewCategory(QLineEdit):
    """Enter with a name typed adds it (the dialog stays); with the box empty Enter is the dialog's OK."""

    def __init__(self, dialog: "CategoriesDialog") -> None:
        super().__init__()
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.dialog.add(self.text())
            event.accept()
            return
        super().keyPressEvent(event)


class _CategoryList(QListWidget):
    """Delete (or Backspace) on a category asks the dialog to take it off the project's list."""

    def __init__(self, dialog: "CategoriesDialog") -> None:
        super().__init__()
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem() is not None:
            self.dialog.remove_current()
            event.accept()
            return
        super().keyPressEvent(event)


class CategoriesDialog(QDialog):
    """Every category of ``known`` (then of ``chosen`` not among them) as a check box, ``chosen`` ticked.
    ``remove(name)`` takes a category off the project's list (True when it went); None: the button is not offered."""

    def __init__(
        self,
        name: str,
        known: list[str],
        chosen: list[str],
        parent: QWidget | None = None,
        remove: Callable[[str], bool] | None = None,
        choices: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(no_mnemonic(f"Categories of {name}"))
        self._remove = remove
        self.list = _CategoryList(self)
        for c in [*known, *(c for c in chosen if c not in known)]:
            self._item(c, c in chosen)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.new = _NewCategory(self)
        self.new.setPlaceholderText("a new category")
        # a team's document: what each annotator chose (merge keeps it with her set), for the reviewer to settle here
        self.choices = QLabel(f"The annotators chose: {choices}" if choices else "")
        self.choices.setTextFormat(Qt.TextFormat.PlainText)
        self.choices.setWordWrap(True)
        self.choices.setVisible(bool(choices))
        self.error = QLabel("")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {themes.current().error}")
        self.how = QLabel("")
        self.how.setWordWrap(True)
        self._say_how()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.remove_button = buttons.addButton("&Remove from project…", QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setToolTip("Take the selected category off the project's list (Delete in the list)")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.remove_button.setVisible(remove is not None)
        lay = QVBoxLayout(self)
        lay.addWidget(self.choices)
        # whose the ticked ones are: a team's document has each annotator's own beside them (session 39)
        self.whose = buddy_label(f"&Categories of {FINAL_SET}: {FINAL_SET_IS}" if choices else "&Categories", self.list)
        self.whose.setWordWrap(bool(choices))  # a team's document's line is long
        lay.addWidget(self.whose)
        lay.addWidget(self.list, 1)
        lay.addWidget(buddy_label("&New category", self.new))
        lay.addWidget(self.new)
        lay.addWidget(self.error)
        lay.addWidget(self.how)
        lay.addWidget(buttons)
        self.resize(360, 380)
        (self.list if self.list.count() else self.new).setFocus()

    def confirm_remove(self, name: str, documents: list[str]) -> bool:
        """Whether to take ``name`` off the ``documents`` that carry it too (Enter answers No)."""
        n = len(documents)
        named = first_named(documents, 5)
        return ask_yes_no(
            self,
            "Remove category?",
            f"“{name}” is on {n} document{'' if n == 1 else 's'}: {named}.\n\nTake it off the project's list and off "
            f"{'that document' if n == 1 else 'those documents'} too? Ctrl+Z in the main window puts it back on each.",
        )

    def _item(self, name: str, ticked: bool) -> QListWidgetItem:
        item = QListWidgetItem(name)  # shown as text: a category is data, never markup
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def _say_how(self) -> None:
        """The note below, true of the list as it is now: how to tick, or (empty) how to add the first."""
        self.how.setText(HOW if self.list.count() else NONE_YET)

    def add(self, typed: str) -> None:
        """A typed category ticked (a new item, or the one of that name), the box emptied for the next."""
        try:
            (name,) = category_names([typed])
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        found = self.list.findItems(name, Qt.MatchFlag.MatchExactly)
        item = found[0] if found else self._item(name, True)
        item.setCheckState(Qt.CheckState.Checked)
        self.list.setCurrentItem(item)
        self.new.clear()
        self._say_how()  # the first one added: the list has one to tick now

    def remove_current(self) -> None:
        """Take the category under the cursor off the project's list (``remove``: it asks first when documents carry
        it); its box goes, and the note says how to bring it back."""
        item = self.list.currentItem()
        if item is None or self._remove is None:
            return
        name = item.text()
        if not self._remove(name):
            return
        self.list.takeItem(self.list.row(item))
        self._say_how()
        self.error.setText("")
        self.how.setText(
            f"“{name}” was taken off the project's list. Ctrl+Z in the main window puts it back. " + self.how.text()
        )

    def chosen(self) -> list[str]:
        """The ticked categories, in the list's order."""
        items = (self.list.item(k) for k in range(self.list.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]


def edit_categories(window: "WindowFace") -> CategoriesDialog | None:
    """Open the dialog on the current document; its OK makes the edit (nothing when the categories are the same)."""
    c = window.controller
    if c.project is None or c.doc is None:
        window.show_error("Open a document first")
        return None
    doc = c.doc
    before = document_categories(doc.meta) if isinstance(doc.meta, dict) else []

    def remove(name: str) -> bool:
        """Take ``name`` off the project's list: one step on the undo stack, asked first when documents carry it
        (taken off them too, in the same step)."""
        assert c.project is not None
        on = carrier_names(c.project, name)
        if on and not dlg.confirm_remove(name, on):
            return False
        c.run(RemoveCategory, name, from_documents=bool(on))
        return c.project is not None and name not in project_categories(c.project)

    parent = window if isinstance(window, QWidget) else None
    choices = said_choices(doc.meta) if isinstance(doc.meta, dict) else ""
    known = project_categories(c.project)  # and each annotator's own (kept with her set): the reviewer takes them here
    theirs = annotators_categories(doc.meta) if isinstance(doc.meta, dict) else {}
    known += [name for name in dict.fromkeys(n for chosen in theirs.values() for n in chosen) if name not in known]
    dlg = CategoriesDialog(doc.name, known, before, parent, remove=remove, choices=choices)
    window._categories_dialog = dlg  # type: ignore[attr-defined]

    def done(code: int) -> None:
        now = document_categories(c.doc.meta) if c.doc is not None and isinstance(c.doc.meta, dict) else []
        if code == QDialog.DialogCode.Accepted and dlg.chosen() != now and c.doc is not None and c.doc.id == doc.id:
            c.run(SetCategories, doc.id, dlg.chosen())
        window.back_to_text()
        dlg.deleteLater()

    dlg.finished.connect(done)
    dlg.open()
    return dlg
