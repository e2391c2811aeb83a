"""The entities of the current document: text, label, state; a click jumps to the span."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Any, Iterable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QWidget

from annotator.model import STATES, Entity
from annotator.navigation import reading_key
from ui import theme as themes
from ui.panels.row_panel import RowPanel
from ui.panels.table_model import (
    BACKGROUND,
    BULK_ROWS,
    DISPLAY,
    FONT,
    FOREGROUND,
    TOOLTIP,
    USER,
    RowTableModel,
    cell_width,
    header_width,
)
from ui.plain import WAITS_MARK, state_shown, state_with_score, tooltip_text

COLUMNS = ("Text", "Label", "State")
ANSWERED = frozenset({DISPLAY, USER, BACKGROUND, FOREGROUND, FONT, TOOLTIP})  # the roles data() answers
ink_on = lru_cache(maxsize=256)(themes.ink_on)  # a label's colour's ink: two contrasts a cell at each paint


@lru_cache(maxsize=1)
def italic_font() -> QFont:
    """A suggestion's row's font (made once, at the first paint: a QFont needs the application)."""
    font = QFont()
    font.setItalic(True)
    return font


class EntityTableModel(RowTableModel):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Entity] = []
        self.text = ""
        self.colors: dict[str, str] = {}
        self.waiting: set[int] = set()  # spans whose decision is kept (another program writes): marked in State
        self._row_by_id: dict[int, int] | None = None  # built on the first lookup after a reset

    def set_entities(self, entities: list[Entity], text: str) -> None:
        self.beginResetModel()
        self.rows = entities
        self.text = text
        self._row_by_id = None
        self.endResetModel()

    def update(self, changed: Iterable[tuple[int, Entity | None]]) -> None:
        """Only the rows of the spans that changed (``(id, entity)``, entity None when gone): a row whose place in
        the reading order stays is redrawn, others are taken out and put in at their place (a refresh of the
        8,000 rows of a long document at every key, sorted again, was a third of an Enter); more than ``BULK_ROWS``
        at once (a pre-annotation's arriving) make the list again in one step."""
        changed = list(changed)
        if len(changed) > BULK_ROWS:
            by_id = {e.id: e for e in self.rows}
            for entity_id, e in changed:
                if e is None:
                    by_id.pop(entity_id, None)
                else:
                    by_id[entity_id] = e
            self.set_entities(sorted(by_id.values(), key=reading_key), self.text)
            return
        for entity_id, e in changed:
            r = self.row_of(entity_id)
            if r >= 0 and e is not None and reading_key(self.rows[r]) == reading_key(e):
                self.rows[r] = e
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))
                continue
            if r >= 0:
                self.beginRemoveRows(QModelIndex(), r, r)
                del self.rows[r]
                self._row_by_id = None
                self.endRemoveRows()
            if e is not None:
                at = bisect_left(self.rows, reading_key(e), key=reading_key)
                self.beginInsertRows(QModelIndex(), at, at)
                self.rows.insert(at, e)
                self._row_by_id = None
                self.endInsertRows()

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role not in ANSWERED or not index.isValid():  # asked ~7 roles a cell at each paint, 6 of them answered
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col == 0:
                return self.text[e.start : e.end].replace("\n", " ")
            return e.label if col == 1 else state_shown(e.state, e.id in self.waiting)
        if role == USER:
            return e.id
        if role == BACKGROUND:
            return QColor(self.colors.get(e.label, "#dddddd")) if col == 1 else None
        if role == FOREGROUND:
            if e.state == "rejected":
                return QColor(themes.current().rejected)
            if col == 1:  # on the label's colour, whatever the palette's ink
                return QColor(ink_on(self.colors.get(e.label, "#dddddd")))
            # undecided, told at a glance as in the event list: its ink, in italics (FONT)
            return QColor(themes.current().suggested_event) if e.state == "suggested" else None
        if role == FONT:
            return italic_font() if e.state == "suggested" else None
        if col == 0:  # TOOLTIP
            where = f"{self.text[e.start : e.end]} [{e.start}, {e.end})"
            return tooltip_text(f"{where}\n{state_with_score(e.state, e.score)}\nsource: {e.source}")
        if col == 2 and e.score is not None:  # the suggester's confidence
            return tooltip_text(state_with_score(e.state, e.score))
        return None

    def row_of(self, entity_id: int | None) -> int:
        """The row of an entity, -1 when not shown: no pass over the rows for no entity (an open selects none),
        one to build the index at the first lookup after a reset, then a dict lookup."""
        if entity_id is None:
            return -1
        if self._row_by_id is None:
            self._row_by_id = {e.id: i for i, e in enumerate(self.rows)}
        return self._row_by_id.get(entity_id, -1)


class EntityPanel(RowPanel):
    entityActivated = Signal(int)
    activated_signal = "entityActivated"
    empty_text = "No entities listed for this document: select words in the text, then press a label's key."
    coming_text = "Listing this document's entities…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(EntityTableModel(), parent)
        self.model: EntityTableModel
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # sized by _fit_columns
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self._fitted: frozenset[str] | None = None

    def set_entities(self, entities: list[Entity], text: str, current: int | None) -> None:
        self.rows_listed()
        self.model.set_entities(entities, text)
        self._fit_columns(frozenset(e.label for e in entities))
        self.select(current)

    def wait_for_rows(self) -> None:
        """Emptied: the document's rows come later (``set_entities``); till then the list says so."""
        self.rows_coming = True
        self.model.set_entities([], "")

    def update_entities(self, changed: Iterable[tuple[int, Entity | None]], current: int | None) -> None:
        """The rows of the spans that changed (see ``EntityTableModel.update``), the selection kept."""
        changed = list(changed)
        self.model.update(changed)
        labels = frozenset(e.label for _, e in changed if e is not None)
        if self._fitted is not None and not labels <= self._fitted:
            self._fit_columns(self._fitted | labels)
        self.select(current)

    def _fit_columns(self, labels: frozenset[str]) -> None:
        """Label and State as wide as their longest text, every label of the rows included, measured with the
        font when the labels change (Qt's ResizeToContents asked the model about its first 60 rows, every role,
        at each refresh, an edit's too, and cut a longer label that came later)."""
        if labels == self._fitted:
            return
        self._fitted = labels
        hh = self.table.horizontalHeader()
        for col, texts in ((1, labels), (2, [*STATES, *(f"{s} {WAITS_MARK}" for s in STATES)])):
            widths = [header_width(self.table, COLUMNS[col])] + [
                cell_width(self.table, t, italic=italic)
                for t in texts
                for italic in (False, True)  # a suggestion's row is in italics
            ]
            hh.resizeSection(col, max(widths))
