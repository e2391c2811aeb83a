"""The document list's panel: the table of name, status, counts and annotators' work waiting for adjudication under its
status and text filters, its columns fitted to the dock, the next document; its rows and filter are ``document_rows``'s."""

from __future__ import annotations

from itertools import repeat
from operator import itemgetter
from typing import Any, Callable, NamedTuple

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.model import STATUSES
from ui.elided import common_end, common_start, elide_apart, first_word
from ui.panels.document_widths import (
    MARGIN,
    count_width,
    digits_as_zeros,
    least_width,
    name_floor,
    name_width,
    names_width,
    status_width,
)
from ui.panels.document_rows import (
    ADJ_COLUMN,
    ALL_STATUSES,
    COLUMNS,
    KEYS,
    NOT_DONE,
    TO_ADJUDICATE,
    DocumentFilter,
    DocumentListModel,
    count_shown,
    filtered_out,
)
from ui.panels.empty_note import EmptyNote
from ui.panels.table_model import (
    ElidingDelegate,
    show_keys,
)


class ColumnShape(NamedTuple):
    """What the widths of the Status and count columns depend on: the font, the marks beside a status, and the
    widest text of each count column (Ent., Ev., Sugg., Adj.) over every row."""

    font: str
    marked: bool  # a document waits for adjudication: the marker before the status
    waits: bool  # a status kept while another program writes: "annotated ⏳"
    counts: tuple[str, ...]  # the largest count of each column as shown, its digits 0s ("00", "00k"; "": none shown)


def column_shape(table: QTableView, model: "DocumentListModel") -> ColumnShape:
    """The shape of ``model``'s rows shown in ``table``: equal shapes have equal column widths (counts of as many
    digits are as wide: the digits of a font share one advance)."""
    rows = model.rows
    counts = [digits_as_zeros(count_shown(max(map(itemgetter(k), rows), default=0))) for k in KEYS[2:ADJ_COLUMN]]
    waiting = max((len(model.waiting(r)) for r in rows), default=0) if model.annotators else 0
    return ColumnShape(
        f"{table.font().toString()} {table.style().name()}",
        bool(model.annotators),
        any(map(dict.get, rows, repeat("waits"))),
        (*counts, digits_as_zeros(waiting) if waiting else ""),
    )


def apart_from_neighbours(index: QModelIndex, name: str, room: float, advance: Callable[[str], float]) -> str:
    """A document's name elided so that it keeps what tells it from the names above and below it in the list (an end
    they share, as ".txt", given up first), and its first word when that tells it from other names of the list
    ("new-…2560677.txt" beside "VOA_…2556485.txt")."""
    model, differs, shared = index.model(), 0, 0
    for row in (index.row() - 1, index.row() + 1):
        if 0 <= row < model.rowCount():
            other = str(model.index(row, 0).data())
            differs = max(differs, common_start(name, other))
            shared = max(shared, common_end(name, other))
    rows = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    lead = first_word(name)
    if name[:lead] not in getattr(rows, "leads", ()):
        lead = 0
    return elide_apart(name, differs, room, advance, shared, lead)


class DocumentPanel(QWidget):
    """Filter boxes over the table; emits ``documentActivated(id)``."""

    documentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel()
        self.model.setParent(self)  # the panel's children, deleted with it by Qt (as a RowPanel's model)
        self._names_width = 0  # a Name cell with the widest name of the rows whole (``names_width``)
        self._shape: ColumnShape | None = None  # what the count and Status columns were last sized for
        self._counts_fitted: dict[int, int] = {}  # count column -> the width the list gave it (else the person's)
        self._sort_column = -1  # the column the sort mark stands on
        self.proxy = DocumentFilter()
        self.proxy.setParent(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by name")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(ALL_STATUSES, "")
        self.status.addItem(NOT_DONE, NOT_DONE)  # "n" in the box: everything not yet annotated, in one choice
        self.status.setItemData(1, "New and in progress: every document not yet annotated", Qt.ItemDataRole.ToolTipRole)
        for s in STATUSES:
            self.status.addItem(s.replace("_", " "), s)
        # as wide as its longest item, "to adjudicate" too once a team's project adds it (sized at the first show, the
        # box read "to adjudicat" in a 210 px dock): the name box gives up the width
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        show_keys(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # rows, not cells: Shift+Tab goes up to the status filter, Tab on
        self.table.verticalHeader().hide()
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setItemDelegateForColumn(0, ElidingDelegate(apart_from_neighbours, self.table))  # told apart
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        hh = self.table.horizontalHeader()
        hh.sortIndicatorChanged.connect(lambda col, _order: self._sorted_by(col))
        hh.setResizeContentsPrecision(60)  # size columns from the first rows, not all of them
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, len(COLUMNS)):  # sized when the rows are set, not on every row's change (each
            hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)  # would measure 60 rows x 4 columns)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        lay.addLayout(top)
        lay.addWidget(self.table)
        self.empty_note = EmptyNote(  # why a filter left the list empty (it stood empty without a word)
            self.table,
            lambda: (
                ""
                if self.proxy.rowCount()
                else filtered_out(self.proxy.status, self.search.text().strip(), len(self.model.rows))
            ),
        )
        self.search.textChanged.connect(self._filter_text)
        self.status.currentIndexChanged.connect(lambda _i: self._filter_status(self.status.currentData()))
        self.search.returnPressed.connect(self._open_selected)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)

    def _filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._keep_current()
        self.empty_note.refresh()

    def _filter_status(self, status: str) -> None:
        self.proxy.set_status(status)
        self._keep_current()
        self.empty_note.refresh()

    def _keep_current(self) -> None:
        """After a filter the open document's row is the selected one whenever it is shown, else the first row shown
        (Qt kept whichever row the filter left selected: cleared again, the list showed another document chosen
        than the one open, and Enter there opened it)."""
        if self.select(self.model.current_id):
            return
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self.table.clearSelection()

    def _open_selected(self) -> None:
        """Enter in the filter box: the row the list shows selected is opened (the match found)."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._activated(rows[0])

    def _activated(self, index: QModelIndex) -> None:
        doc_id = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if doc_id is not None:
            self.documentActivated.emit(int(doc_id))

    def set_rows(
        self, rows: list[dict[str, Any]], current_id: int | None, annotators: dict[int, list[str]] | None = None
    ) -> None:
        """Every row; ``annotators``: the annotators' sets covering each document (their column and filter item are
        shown only when there are some)."""
        annotators = annotators or {}
        if self._shape is not None and annotators == self.model.annotators and rows == self.model.rows:
            self.model.set_current(current_id)  # the same rows (a close with none open, a commit made elsewhere)
            self.select(current_id)
            return
        self.model.current_id = current_id
        self.model.annotators = annotators
        self.model.set_rows(rows)
        self._names_width = names_width(self.table, (r["name"] for r in rows))
        self._show_adjudication(bool(self.model.annotators))
        self.fit_columns()
        self.select(current_id)
        self.empty_note.refresh()

    def _show_adjudication(self, shown: bool) -> None:
        """The Adj. column and the filter's "to adjudicate" item in a project with annotators' work (merged) only.
        In a project without (another one opened) the filter chosen goes back to every status: it stayed on, every
        document hidden, in a project where no document can wait for adjudication."""
        self.table.setColumnHidden(ADJ_COLUMN, not shown)
        self.setMinimumWidth(least_width(self, marked=shown))  # the Status whole beside the marker
        at = self.status.findData(TO_ADJUDICATE)
        if shown and at < 0:
            self.status.addItem(TO_ADJUDICATE, TO_ADJUDICATE)
        elif not shown and at >= 0:
            if self.status.currentIndex() == at:
                self.status.setCurrentIndex(0)
            self.status.removeItem(at)

    def fit_columns(self) -> None:
        """Name takes the room (never less than a readable width); the other columns fit their title and the widest
        text of every row, measured when that shape changes (``column_shape``): Qt's ``resizeColumnToContents`` read
        the first 60 rows, every role, at each fill (an open, a close, a commit elsewhere: s33-loop's 1.0 s of the
        tests' event-loop work), set back a width the person had given a column, and cut a longer count further down."""
        shape = column_shape(self.table, self.model)
        if shape != self._shape:
            self._shape = shape
            hh = self.table.horizontalHeader()
            # every status, not only those of the rows now (marking one in progress cut it to "in p…ress"), in bold
            status = status_width(self.table, marked=shape.marked, waits=shape.waits)
            hh.resizeSection(1, max(hh.sectionSizeHint(1), status))
            for col in range(2, len(COLUMNS)):
                self._fit_count(col, force=True)
        self._fit_name()
        self.table.updateGeometries()  # the scroll bars now: fitted after Qt's defaults (100 px a column), the
        # sideways one stayed shown until the next layout of the list though every column was in sight

    def _fit_count(self, col: int, force: bool = False) -> None:
        """A count column as narrow as its title and counts (with the sort mark's room while sorted by it); unless
        ``force``, only while its width is still the one the list gave it (not one the person set)."""
        if self._shape is None or (not force and self.table.columnWidth(col) != self._counts_fitted.get(col)):
            return
        width = count_width(self.table, col, COLUMNS[col], self._shape.counts[col - 2])
        self.table.horizontalHeader().resizeSection(col, width)
        self._counts_fitted[col] = width

    def _sorted_by(self, col: int) -> None:
        """The sort mark moved: the column it left gives its room back, the one sorted by gets it."""
        for count_col in {self._sort_column, col} & set(range(2, len(COLUMNS))):
            self._fit_count(count_col)
        self._sort_column = col
        self._fit_name()

    def _mark_room(self) -> int:
        """What the sort mark's room adds to the count column sorted by (0 when the list is sorted by none, or by a
        count column the person sized): the name gives it up below its floor rather than the counts going out of
        sight at 1366x768 when the list was sorted by one."""
        col = self._sort_column
        if (
            self._shape is None
            or col not in self._counts_fitted
            or self._counts_fitted[col] != self.table.columnWidth(col)
        ):
            return 0
        narrow = count_width(self.table, col, COLUMNS[col], self._shape.counts[col - 2], mark=False)
        return self._counts_fitted[col] - narrow

    def _fit_name(self) -> None:
        """The name stretches when every column fits beside its readable floor, elided in the middle and told apart
        from its neighbours (the counts scrolled sideways at 1366x768 and 1920x1080 to keep the names whole); else
        it keeps a readable width but gives up what the Status column needs to stay whole in sight (the counts
        scroll sideways)."""
        hh = self.table.horizontalHeader()
        room = self.table.viewport().width()
        others = sum(self.table.columnWidth(i) for i in range(1, len(COLUMNS))) - self._mark_room()
        floor, least = name_floor(self.table), max(name_width(self.table), self._names_width)
        if room - others >= floor:
            hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:  # the names whole first, the Status beside them (at 1366x768 "000_c508…1.txt" beside the counts)
            hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(0, max(floor, min(least, room - self.table.columnWidth(1))))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_name()

    def update_rows(self, rows: list[dict[str, Any]], current_id: int | None) -> bool:
        """Only these documents' rows; False if one is not in the list (then ``set_rows`` with all of them)."""
        if not self.model.update_rows(rows):
            return False
        if any(r.get("waits") for r in rows):  # "annotated ⏳" is wider than every status alone
            self.fit_columns()
        self.model.set_current(current_id)
        self.empty_note.refresh()  # a row's change the filter hides signals no removal the note hears in time
        return True

    def neighbour(self, doc_id: int | None, step: int) -> int | None:
        """The document ``step`` rows from ``doc_id`` in the list as it is sorted and filtered; when the filter hides
        it, from where it would stand (``rows_before``): the list filtered to "new", seed 003 opened and worked on
        (in progress, out of the list), Ctrl+PgDown opened seed 002 at the top, the work going backwards; none there
        (a name typed in the filter to find one), from the top, or the bottom going up. None past either end."""
        rows = self.proxy.rowCount()
        r = self.model.row_of(doc_id) if doc_id is not None else -1
        idx = self.proxy.mapFromSource(self.model.index(r, 0)) if r >= 0 else QModelIndex()
        if idx.isValid():
            target = idx.row() + step
        else:  # none after (before) where it would stand, or no document: from the top (the bottom going up)
            before = self.rows_before(r) if r >= 0 else -1
            target = before + step - 1 if step > 0 else before + step
            target = target if r >= 0 and 0 <= target < rows else 0 if step > 0 else rows - 1
        if not 0 <= target < rows:
            return None
        return int(self.proxy.index(target, 0).data(Qt.ItemDataRole.UserRole))

    def rows_before(self, source_row: int) -> int:
        """How many of the list's rows stand before the document of ``source_row`` (one the filter hides) as the list
        is sorted: the proxy's own comparison on its sort column, ties (and no sort) in the model's order."""
        proxy, col = self.proxy, self.proxy.sortColumn()
        descending = proxy.sortOrder() == Qt.SortOrder.DescendingOrder

        def stands_before(row: int) -> bool:  # the shown ``row`` before the hidden one
            if col >= 0:
                mine, theirs = self.model.index(source_row, col), self.model.index(row, col)
                first, second = (mine, theirs) if descending else (theirs, mine)
                if proxy.lessThan(first, second):
                    return True
                if proxy.lessThan(second, first):
                    return False
            return row < source_row

        shown = (proxy.mapToSource(proxy.index(i, 0)).row() for i in range(proxy.rowCount()))
        return sum(1 for row in shown if stands_before(row))

    def shown_ids(self) -> list[int]:
        """The documents of the list's rows, as sorted and filtered."""
        return [int(self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)) for r in range(self.proxy.rowCount())]

    def select(self, doc_id: int | None) -> bool:
        """The document's row selected; False when it is not in the list or the filter hides it."""
        r = self.model.row_of(doc_id) if doc_id is not None else -1
        idx = self.proxy.mapFromSource(self.model.index(r, 0)) if r >= 0 else QModelIndex()
        if not idx.isValid():
            return False
        if not self.table.selectionModel().isRowSelected(idx.row(), QModelIndex()):
            self.table.selectRow(idx.row())
        return True
