"""The document list's rows: its columns, each row's cells, marks and tips (``DocumentListModel``), and which rows
the status and text filters show (``DocumentFilter``). The panel around them is ``ui.panels.documents``."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from annotator.find_words import words_pattern
from annotator.model import UNFINISHED
from annotator.teams.sets import waits_for_adjudication
from ui import theme as themes
from ui.elided import told_leads
from ui.plain import WAITS_MARK, state_shown
from annotator.wording import counted
from ui.panels.document_widths import ADJ_TITLE, COUNT_TITLES
from ui.panels.table_model import (
    ALIGNMENT,
    DECORATION,
    DISPLAY,
    FONT,
    FOREGROUND,
    TOOLTIP,
    USER,
    RowTableModel,
)

COLUMNS = ("Name", "Status", *COUNT_TITLES, ADJ_TITLE)  # the counts' titles short: their tips say them whole
HEADER_TIPS = (
    "Document name",
    "new, in progress, annotated, reviewed",
    "Entities (not rejected)",
    "Events",
    "Suggestions nobody has decided on yet",
    "Annotators whose work here waits for adjudication (Review > Adjudicate differences…)",
)
KEYS = ("name", "status", "entities", "events", "suggestions", "annotators")
COUNT_WORDS = {"entities": "entities", "events": "events", "suggestions": "undecided suggestions"}  # a count's tip
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


SORT = int(Qt.ItemDataRole.UserRole) + 1  # what the list sorts by: a count itself where its cell shows it short
ANSWERED = frozenset({DISPLAY, USER, DECORATION, TOOLTIP, FOREGROUND, FONT, ALIGNMENT, SORT})  # what data() answers
COUNT_KEYS = frozenset(KEYS[2:ADJ_COLUMN])  # entities, events, suggestions
SHORT_FROM = 1000  # a count from here on is shown short: "1k", "12k" (its tip says it whole)


def count_shown(n: int) -> int | str:
    """A count as its cell shows it: whole below ``SHORT_FROM``; else in whole thousands, cut (never rounded up: 1,999
    is "1k"), no wider than three digits up to 99,999 (the room the dock keeps for each count: "1.2k" was 4 px wider
    and pushed the name below its floor at 1366x768). Session 39: a document of 12,000 entities widened its column
    past that room, and at 1366x768 the counts scrolled out of sight beside a name at its floor."""
    if n < SHORT_FROM:
        return n
    return f"{n // SHORT_FROM}k"


RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # the counts


@lru_cache(maxsize=1)
def bold_font() -> QFont:
    """The open document's row's font (made once, at the first paint: a QFont needs the application)."""
    font = QFont()
    font.setBold(True)
    return font


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
        self.leads: frozenset[str] = frozenset()  # first words few rows' names start with (``elided.told_leads``)
        self.annotators: dict[int, list[str]] = {}  # document id -> annotators' sets covering it (teams.sets)
        self._icons: tuple[str, QIcon, QIcon] | None = None  # (ink, the waiting marker, a blank), made at first use

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Every row (after an import, an outside commit, ...): rows that differ are updated in place when the
        documents are the same ones (the view keeps its selection); a different set of documents resets."""
        self.reviewed = sum(r["status"] == "reviewed" for r in rows)
        self.leads = told_leads([r["name"] for r in rows])
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
            if r["name"] != old["name"]:
                self.leads = told_leads([row["name"] for row in self.rows])
            self.dataChanged.emit(self.index(k, 0), self.index(k, len(COLUMNS) - 1))
        return True

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role not in ANSWERED or not index.isValid():  # asked ~7 roles a cell at each paint
            return None
        row = self.rows[index.row()]
        key = KEYS[index.column()]
        if key == "annotators":
            return self._annotators_data(row, DISPLAY if role == SORT else role)
        if role == SORT and key in COUNT_KEYS:
            return row[key]
        if role == DISPLAY or role == SORT:
            v = row[key]
            if key in COUNT_KEYS:
                return count_shown(v)
            return state_shown(v.replace("_", " "), row.get("waits", False)) if key == "status" else v
        if role == TOOLTIP and key in COUNT_KEYS and row[key] >= SHORT_FROM:  # "12k": the count whole
            return f"{row[key]:,} {COUNT_WORDS[key]}"
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
        self.setSortRole(SORT)  # the counts themselves, not "12k" and "9k" as text
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
