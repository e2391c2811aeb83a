"""The document list: name, status, counts, annotators' work waiting for adjudication; filtered by status (or that
work) and by text."""

from __future__ import annotations

from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any, Callable, NamedTuple

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QResizeEvent
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

from annotator.find_words import words_pattern
from annotator.model import STATUSES, UNFINISHED
from annotator.teams.sets import waits_for_adjudication
from ui import theme as themes
from ui.plain import WAITS_MARK, state_shown
from ui.elided import common_end, common_start, elide_apart
from annotator.wording import counted
from ui.panels.document_widths import (
    MARGIN,
    digits_width,
    least_width,
    name_floor,
    name_width,
    names_width,
    status_width,
)
from ui.panels.empty_note import EmptyNote
from ui.panels.table_model import (
    ALIGNMENT,
    DECORATION,
    DISPLAY,
    FONT,
    FOREGROUND,
    TOOLTIP,
    USER,
    ElidingDelegate,
    RowTableModel,
    show_keys,
)

COLUMNS = ("Name", "Status", "Ent.", "Ev.", "Sugg.", "Adj.")
HEADER_TIPS = (
    "Document name",
    "new, in progress, annotated, reviewed",
    "Entities (not rejected)",
    "Events",
    "Suggestions nobody has decided on yet",
    "Annotators whose work here waits for adjudication (Review > Adjudicate differences…)",
)
KEYS = ("name", "status", "entities", "events", "suggestions", "annotators")
ADJ_COLUMN = KEYS.index("annotators")  # shown only in a project holding annotators' sets (merged)
TO_ADJUDICATE = "to adjudicate"  # the status filter's item for the documents waiting for adjudication
ALL_STATUSES = "All statuses"  # the status filter's first item: no filter
NOT_DONE = "not done"  # its second: the documents nobody has finished (new and in progress together, ``UNFINISHED``)


def marker_ink() -> str:
    """The waiting marker's colour: the ink of ``reviewed`` (what the document waits to become) in the theme in use."""
    t = themes.current()
    return t.statuses.get("reviewed", t.ink)


def waiting_marker(size: int) -> QIcon:
    """The Status cell's marker of a document waiting for adjudication: a dot in the ink of ``reviewed`` (what it
    waits to become), so that it is seen where the list is narrow (at 1366x768 the Adj. column is out of sight)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(marker_ink()))
    d = max(6, size // 2)
    painter.drawEllipse((size - d) // 2, (size - d) // 2, d, d)
    painter.end()
    return QIcon(pixmap)


def blank_marker(size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def filtered_out(status: str, text: str, hidden: int) -> str:
    """Why the filtered list shows no row, and how to see the ``hidden`` documents again ("" when none is hidden)."""
    if not hidden:
        return ""
    named = f" whose name contains \u201c{text}\u201d" if text else ""
    if status == TO_ADJUDICATE:
        why = f"No document{named} waits for adjudication" + (
            "." if text else ": every document an annotator worked on is reviewed."
        )
    elif status:
        said = " or ".join(u.replace("_", " ") for u in UNFINISHED) if status == NOT_DONE else status.replace("_", " ")
        why = f"No document{named} is {said}."
    else:
        why = f"No document's name contains \u201c{text}\u201d."
    undo = " and ".join(
        ([f"\u201c{ALL_STATUSES}\u201d in the filter"] if status else []) + (["clearing the name box"] if text else [])
    )
    return f"{why}\n{undo[:1].upper()}{undo[1:]} shows the {counted(hidden, 'document')} of the project."


def kept_mark_tip(status: str) -> str:
    """The Status cell's tip of a document whose mark is kept while another program writes (``waits``)."""
    return f"Marked {status.replace('_', ' ')}: {WAITS_MARK} waiting to be saved (another program is writing)"


def waiting_tip(names: list[str]) -> str:
    return f"Waiting for adjudication: the work of {', '.join(names)}"


ANSWERED = frozenset({DISPLAY, USER, DECORATION, TOOLTIP, FOREGROUND, FONT, ALIGNMENT})  # the roles data() answers
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # the counts


@lru_cache(maxsize=1)
def bold_font() -> QFont:
    """The open document's row's font (made once, at the first paint: a QFont needs the application)."""
    font = QFont()
    font.setBold(True)
    return font


class ColumnShape(NamedTuple):
    """What the widths of the Status and count columns depend on: the font, the marks beside a status, and the
    widest text of each count column (Ent., Ev., Sugg., Adj.) over every row."""

    font: str
    marked: bool  # a document waits for adjudication: the marker before the status
    waits: bool  # a status kept while another program writes: "annotated ⏳"
    digits: tuple[int, ...]  # of the largest count of each column (0: none shown)


def column_shape(table: QTableView, model: "DocumentListModel") -> ColumnShape:
    """The shape of ``model``'s rows shown in ``table``: equal shapes have equal column widths (counts of as many
    digits are as wide: the digits of a font share one advance)."""
    rows = model.rows
    counts = [len(str(max(map(itemgetter(k), rows), default=0))) for k in KEYS[2:ADJ_COLUMN]]
    waiting = max((len(model.waiting(r)) for r in rows), default=0) if model.annotators else 0
    return ColumnShape(
        f"{table.font().toString()} {table.style().name()}",
        bool(model.annotators),
        any(map(dict.get, rows, repeat("waits"))),
        (*counts, len(str(waiting)) if waiting else 0),
    )


class DocumentListModel(RowTableModel):
    """Rows from ``Project.document_summaries()``."""

    columns = COLUMNS
    tips = HEADER_TIPS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []
        self.current_id: int | None = None
        self._index: dict[int, int] = {}  # document id -> row
        self.reviewed = 0  # rows whose status is reviewed
        self.annotators: dict[int, list[str]] = {}  # document id -> annotators' sets covering it (teams.sets)
        self._icons: tuple[str, QIcon, QIcon] | None = None  # (ink, the waiting marker, a blank), made at first use

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Every row (after an import, an outside commit, ...): rows that differ are updated in place when the
        documents are the same ones (the view keeps its selection); a different set of documents resets."""
        self.reviewed = sum(r["status"] == "reviewed" for r in rows)
        if [r["id"] for r in rows] == [r["id"] for r in self.rows]:
            old, self.rows = self.rows, rows
            for k, (a, b) in enumerate(zip(old, rows)):
                if a != b:
                    self.dataChanged.emit(self.index(k, 0), self.index(k, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self._index = {r["id"]: k for k, r in enumerate(rows)}
        self.endResetModel()

    def set_annotators(self, annotators: dict[int, list[str]]) -> None:
        """The annotators' sets covering each document (``annotators_by_document``); their column is redrawn."""
        self.annotators = annotators
        if self.rows:
            self.dataChanged.emit(self.index(0, ADJ_COLUMN), self.index(len(self.rows) - 1, ADJ_COLUMN))

    def waiting(self, row: dict[str, Any]) -> list[str]:
        """The annotators whose work on the row's document waits for adjudication (none once it is reviewed)."""
        names = self.annotators.get(row["id"], [])
        return names if waits_for_adjudication(names, row["status"]) else []

    def update_rows(self, rows: list[dict[str, Any]]) -> bool:
        """Replace the rows of these documents (an edit changed them); False if one is not in the list."""
        if any(r["id"] not in self._index for r in rows):
            return False
        for r in rows:
            k = self._index[r["id"]]
            old = self.rows[k]
            if old == r:
                continue
            self.reviewed += (r["status"] == "reviewed") - (old["status"] == "reviewed")
            self.rows[k] = r
            self.dataChanged.emit(self.index(k, 0), self.index(k, len(COLUMNS) - 1))
        return True

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role not in ANSWERED or not index.isValid():  # asked ~7 roles a cell at each paint
            return None
        row = self.rows[index.row()]
        key = KEYS[index.column()]
        if key == "annotators":
            return self._annotators_data(row, role)
        if role == DISPLAY:
            v = row[key]
            return state_shown(v.replace("_", " "), row.get("waits", False)) if key == "status" else v
        if role == USER:
            return row["id"]
        if key == "status" and (role == DECORATION or role == TOOLTIP):
            return self._marker(row, role)
        if role == FOREGROUND and key == "status":
            t = themes.current()  # the inks of the background in use (ui/theme.py)
            return QColor(t.statuses.get(row["status"], t.ink))
        if role == FONT and row["id"] == self.current_id:
            return bold_font()
        if role == ALIGNMENT and index.column() >= 2:
            return RIGHT_ALIGNED
        if role == TOOLTIP and key == "name":  # the counts too: at 1366x768 their columns are scrolled out of sight
            import html

            said = [
                row["name"],
                f"{counted(row['entities'], 'entity', 'entities')}, {counted(row['events'], 'event')}, "
                f"{counted(row['suggestions'], 'suggestion')} undecided",
            ]
            if self.annotators and (names := self.waiting(row)):
                said.append(waiting_tip(names))
            lines = (f"<nobr>{html.escape(line)}</nobr>" for line in said)  # Qt wrapped "60 / suggestions undecided"
            return "<qt>" + "<br>".join(lines) + "</qt>"
        return None

    def _marker(self, row: dict[str, Any], role: int) -> Any:
        """The Status cell of a document waiting for adjudication: a dot and a tip naming whose work waits."""
        names = self.waiting(row)
        if role == TOOLTIP:
            said = [waiting_tip(names)] if names else []
            if row.get("waits"):
                said.insert(0, kept_mark_tip(row["status"]))
            return "\n".join(said) or None
        if not self.annotators:
            return None  # a project without annotators' work: no room kept for the marker
        if self._icons is None or self._icons[0] != marker_ink():  # made again when the theme changed
            self._icons = marker_ink(), waiting_marker(16), blank_marker(16)
        return self._icons[1 if names else 2]  # a blank one keeps the statuses in line

    def _annotators_data(self, row: dict[str, Any], role: int) -> Any:
        if role == ALIGNMENT:
            return RIGHT_ALIGNED
        names = self.waiting(row)
        if role == DISPLAY:
            return str(len(names)) if names else ""  # text: sorted as the others, blank rows together
        if role == TOOLTIP and names:
            return waiting_tip(names)
        return None

    def set_current(self, doc_id: int | None) -> None:
        """The open document (shown bold): only its row and the one before are redrawn."""
        old, self.current_id = self.current_id, doc_id
        for d in {old, doc_id} - {None}:
            k = self._index.get(d, -1)  # type: ignore[arg-type]
            if k >= 0:
                self.dataChanged.emit(self.index(k, 0), self.index(k, len(COLUMNS) - 1))

    def row_of(self, doc_id: int) -> int:
        return self._index.get(doc_id, -1)


class DocumentFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.status = ""
        self.text = ""

    def _change(self, **values: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.__dict__.update(values)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover
            self.__dict__.update(values)
            self.invalidateFilter()

    def set_status(self, status: str) -> None:
        self._change(status=status)

    def set_text(self, text: str) -> None:
        self._change(text=text.lower().strip())

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self.status and not self.text:  # no filter: asked of every row at each fill (10,000 at an open)
            return True
        model = self.sourceModel()
        row = model.rows[source_row]
        if self.status == TO_ADJUDICATE:
            if not model.waiting(row):
                return False
        elif self.status and row["status"] not in (UNFINISHED if self.status == NOT_DONE else (self.status,)):
            return False
        # as Find matches (``words_pattern``): a name kept decomposed (a macOS folder's "Mu" U+0308 "ller") is found
        return not self.text or words_pattern(self.text).search(row["name"]) is not None


def apart_from_neighbours(index: QModelIndex, name: str, room: float, advance: Callable[[str], float]) -> str:
    """A document's name elided so that it keeps what tells it from the names above and below it in the list (an end
    they share, as ".txt", given up first)."""
    model, differs, shared = index.model(), 0, 0
    for row in (index.row() - 1, index.row() + 1):
        if 0 <= row < model.rowCount():
            other = str(model.index(row, 0).data())
            differs = max(differs, common_start(name, other))
            shared = max(shared, common_end(name, other))
    return elide_apart(name, differs, room, advance, shared)


class DocumentPanel(QWidget):
    """Filter boxes over the table; emits ``documentActivated(id)``."""

    documentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel()
        self._names_width = 0  # a Name cell with the widest name of the rows whole (``names_width``)
        self._shape: ColumnShape | None = None  # what the count and Status columns were last sized for
        self.proxy = DocumentFilter()
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
            for col, digits in enumerate(shape.digits, start=2):
                hh.resizeSection(col, max(hh.sectionSizeHint(col), digits_width(self.table, digits)))
        self._fit_name()

    def _fit_name(self) -> None:
        """The name stretches when every column fits; else it keeps a readable width but gives up what the Status
        column needs to stay whole in sight (the counts scroll sideways)."""
        hh = self.table.horizontalHeader()
        room = self.table.viewport().width()
        others = sum(self.table.columnWidth(i) for i in range(1, len(COLUMNS)))
        floor, least = name_floor(self.table), max(name_width(self.table), self._names_width)
        if room - others >= least:
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
