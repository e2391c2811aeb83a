"""A panel of one table over a ``RowTableModel`` whose rows are things with ids (the entity and event lists)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget

from ui.panels.empty_note import EmptyNote
from ui.panels.table_model import RowTableModel, show_keys


class RowPanel(QWidget):
    """Rows selected whole, one at a time, the keys shown (``show_keys``); a row clicked or entered emits its id
    (``Qt.ItemDataRole.UserRole``) by the subclass's signal named ``activated_signal``; ``select(id)`` selects
    and shows its row. Subclasses size the columns."""

    activated_signal = ""  # the name of the subclass's Signal(int)
    empty_text = ""  # what the empty list says goes there (it stood blank at 1366x768, session 30)
    coming_text = ""  # what the list says while the document's rows wait to be listed (``wait_for_rows``)

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # the panel's child: deleted with the window by Qt, never left to the cyclic collector (docs/reliability.md,
        # "Session 43: the crash in CI"), which deleted a closed window's models inside a later collection
        model.setParent(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        show_keys(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        self.rows_coming = False  # the rows are those of a document left: emptied, the document's own come after
        self.empty_note = EmptyNote(self.table, self._note_text)
        self.empty_note.refresh()  # empty from the start: a list set to no rows again signals nothing
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)

    def _note_text(self) -> str:
        if self.model.rowCount():
            return ""
        return self.coming_text if self.rows_coming else self.empty_text

    def rows_listed(self) -> None:
        """The document's own rows are in the model now (a subclass's fill calls it before it sets them)."""
        self.rows_coming = False

    def _clicked(self, index: QModelIndex) -> None:
        getattr(self, self.activated_signal).emit(int(self.model.data(index, Qt.ItemDataRole.UserRole)))

    def select(self, row_id: int | None) -> None:
        """Select the row of ``row_id`` and scroll to it (left as it is when it is the current row already); no
        selection when it is not shown."""
        r = self.model.row_of(row_id)  # type: ignore[attr-defined]
        if r >= 0:
            # the current row may be unselected: cleared (the selection went through none), the row Enter chose in
            # the list stayed current and showed nothing selected (session 39)
            if self.table.currentIndex().row() != r or not self.table.selectionModel().isRowSelected(r, QModelIndex()):
                self.table.selectRow(r)
                self.table.scrollTo(self.model.index(r, 0))
        else:
            self.table.clearSelection()
