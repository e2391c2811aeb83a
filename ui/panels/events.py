"""The events of the current document: type, trigger, arguments by role (the missing required roles first, in the
error's ink), state."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Any, Callable, Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from annotator.model import Entity, Event
from annotator.rules import event_missing_roles
from annotator.schema import Schema
from ui import theme as themes
from ui.panels.row_panel import RowPanel
from ui.elided import elide_unique
from ui.panels.table_model import (
    BULK_ROWS,
    DISPLAY,
    FONT,
    FOREGROUND,
    GRID_SLACK,
    TOOLTIP,
    USER,
    ElidingDelegate,
    RowTableModel,
    cell_width,
    header_width,
)
from ui.plain import STATE_MARKS_SAID, state_marked, state_shown, state_with_score, tooltip_text

# The missing required roles lead the Arguments cell ("missing Defendant; Time: Tuesday"), in the error's ink: a
# Missing column of their own took ~50 px of the 390 at 1366x768, where Arguments read "Defendant: de…" (session 22)
COLUMNS = ("Type", "Trigger", "Arguments", "State")
ARGUMENTS, STATE = 2, 3
MISSING_SAID = "missing "  # before the roles, in the Arguments cell
STATE_COLORS = ("suggested", "rejected")  # drawn in their own ink (italic; struck out)
FITTED = (0, 1, STATE)  # columns as wide as their longest text; Arguments takes the rest
TRIGGER_WIDEST = 160  # pixels: a longer trigger is elided in its column
ARGUMENTS_CHARS = 18  # Arguments keeps about this many characters ("Artifact: Daniel…") ...
# ... Trigger, State and Type giving up room for it, in this order (Trigger first: it is selected in the text;
# State's ink says it too; the type is what Enter accepts: at 1366x768 "Sent…", "Arres…" and "End-…" left it to the
# editor) ...
GIVE_UP = (1, STATE, 0)
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1  # how many characters of an Arguments cell say its missing roles
ANSWERED = frozenset({DISPLAY, USER, MISSING_ROLE, FOREGROUND, FONT, TOOLTIP})  # the roles data() answers


@lru_cache(maxsize=4)
def state_font(state: str) -> QFont:
    """An undecided event's row in italics, a rejected one's struck out (made once each, at the first paint)."""
    font = QFont()
    font.setItalic(state == "suggested")
    font.setStrikeOut(state == "rejected")
    return font


ARGUMENTS_WANT = 36  # characters ("Defendant: deputy transport minister"): the room Arguments is given before the rest
TYPE_KEPT = 13  # characters: a type of up to this many stays whole ("Trial-Hearing", "End-Position") for Arguments
FLOOR_CHARS = 8  # ... down to about this many characters each (or their titles)


def list_order(v: Event) -> tuple[int, int]:
    """The list's order: by trigger, then by id."""
    return v.trigger_start, v.id


def arguments_text(
    event: Event,
    entities: dict[int, Entity],
    text: str,
    schema: Schema | None = None,
    orders: dict[str, dict[str, int]] | None = None,
) -> str:
    """'Role: words; ...' in the order of the type's roles, a role's fillers in the text's order (as the editor lists
    them), else as stored. ``orders``:
    each type's order of its roles, kept by the caller from one event to the next (a fill of the 4,992 events of a
    1 MB document made the same type's order again for each)."""
    order = None if orders is None else orders.get(event.type)
    if order is None:
        etype = schema.event_type(event.type) if schema is not None else None
        order = {r.name: i for i, r in enumerate(etype.roles)} if etype is not None else {}
        if orders is not None:
            orders[event.type] = order
    args = event.arguments
    if len(args) > 1:  # a role's fillers in the text's order, as the editor lists them (session 38)
        last, far = len(order), len(text)
        args = sorted(
            args, key=lambda a: (order.get(a.role, last), e.start if (e := entities.get(a.entity_id)) else far)
        )
    parts = []
    for a in args:
        e = entities.get(a.entity_id)
        parts.append(f"{a.role}: {text[e.start : e.end] if e else '?'}")
    return "; ".join(parts)


class EventTableModel(RowTableModel):
    """The events as rows, each with its five cells worked out once; a refresh that keeps the same events in the
    same order tells the view only the rows that changed (an Enter or X rebuilt 705 x 5 items: 48 ms a key)."""

    columns = COLUMNS
    tips = ("", "", "", STATE_MARKS_SAID)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Event] = []
        self.cells: list[tuple[str, ...]] = []
        self.missing: list[int] = []  # the characters of each row's Arguments cell that say its missing roles
        self._row_by_id: dict[int, int] = {}
        self.types: frozenset[str] = frozenset()  # the types shown (Type's cells), each elided apart from the others
        self.waiting: set[int] = set()  # events whose decision is kept (another program writes): marked in State

    def set_events(self, schema: Schema | None, events: list[Event], entities: dict[int, Entity], text: str) -> None:
        orders: dict[str, dict[str, int]] = {}  # each type's order of its roles, made once for the fill
        waiting = self.waiting
        made = [event_cells(schema, v, entities, text, v.id in waiting, orders) for v in events]
        cells = [c for c, _ in made]
        if [v.id for v in events] != [v.id for v in self.rows]:
            self.beginResetModel()
            self.rows, self.cells = events, cells
            self.missing = [m for _, m in made]
            self._row_by_id = {v.id: i for i, v in enumerate(events)}
            self.types = frozenset(c[0] for c in cells)
            self.endResetModel()
            return
        for r, (v, (row_cells, missing)) in enumerate(zip(events, made)):
            if v != self.rows[r] or row_cells != self.cells[r]:
                self.rows[r], self.cells[r], self.missing[r] = v, row_cells, missing
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))
        self._types_changed()

    def _types_changed(self) -> None:
        """Every type cell drawn again when the types shown are other ones (one told apart from a type gone)."""
        types = frozenset(c[0] for c in self.cells)
        if types != self.types:
            self.types = types
            if self.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def update(
        self,
        schema: Schema | None,
        changed: Iterable[tuple[int, Event | None]],
        entities: dict[int, Entity],
        text: str,
    ) -> list[tuple[str, ...]]:
        """Only the rows of the events that changed (``(id, event)``, event None when gone), each in its place in
        the list's order; returns the cells worked out (the other rows' were kept: a refresh made all 528 rows'
        cells again at every key); more than ``BULK_ROWS`` at once (a pre-annotation's arriving) make the list again
        in one step, the kept rows' cells kept."""
        changed = list(changed)
        if len(changed) > BULK_ROWS:
            return self._update_all(schema, changed, entities, text)
        made = []
        for event_id, v in changed:
            r = self.row_of(event_id)
            cells, missing = (
                event_cells(schema, v, entities, text, v.id in self.waiting) if v is not None else (None, 0)
            )
            if cells is not None:
                made.append(cells)
            if r >= 0 and v is not None and list_order(self.rows[r]) == list_order(v):
                if v != self.rows[r] or cells != self.cells[r]:
                    self.rows[r], self.cells[r], self.missing[r] = v, cells, missing
                    self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))
                continue
            if r >= 0:
                self.beginRemoveRows(QModelIndex(), r, r)
                del self.rows[r], self.cells[r], self.missing[r]
                self._row_by_id = {x.id: i for i, x in enumerate(self.rows)}
                self.endRemoveRows()
            if v is not None and cells is not None:
                at = bisect_left(self.rows, list_order(v), key=list_order)
                self.beginInsertRows(QModelIndex(), at, at)
                self.rows.insert(at, v)
                self.cells.insert(at, cells)
                self.missing.insert(at, missing)
                self._row_by_id = {x.id: i for i, x in enumerate(self.rows)}
                self.endInsertRows()
        self._types_changed()
        return made

    def _update_all(
        self,
        schema: Schema | None,
        changed: list[tuple[int, Event | None]],
        entities: dict[int, Entity],
        text: str,
    ) -> list[tuple[str, ...]]:
        """``update``'s many changes in one reset: the changed rows' cells worked out, the others' kept."""
        rows = {v.id: (v, c, m) for v, c, m in zip(self.rows, self.cells, self.missing)}
        orders: dict[str, dict[str, int]] = {}
        made = []
        for event_id, v in changed:
            if v is None:
                rows.pop(event_id, None)
                continue
            cells, missing = event_cells(schema, v, entities, text, v.id in self.waiting, orders)
            made.append(cells)
            rows[event_id] = (v, cells, missing)
        ordered = sorted(rows.values(), key=lambda r: list_order(r[0]))
        self.beginResetModel()
        self.rows = [r[0] for r in ordered]
        self.cells = [r[1] for r in ordered]
        self.missing = [r[2] for r in ordered]
        self._row_by_id = {v.id: i for i, v in enumerate(self.rows)}
        self.types = frozenset(c[0] for c in self.cells)
        self.endResetModel()
        return made

    def row_of(self, event_id: int | None) -> int:
        return -1 if event_id is None else self._row_by_id.get(event_id, -1)

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role not in ANSWERED or not index.isValid():  # asked ~7 roles a cell at each paint
            return None
        r, col = index.row(), index.column()
        v = self.rows[r]
        if role == DISPLAY:
            return self.cells[r][col]
        if role == USER:
            return v.id
        if role == MISSING_ROLE:
            return self.missing[r] if col == ARGUMENTS else 0
        if role == FOREGROUND:
            if v.state in STATE_COLORS:
                t = themes.current()
                return QColor(t.suggested_event if v.state == "suggested" else t.rejected)
            return None
        if role == FONT:
            return state_font(v.state) if v.state in STATE_COLORS else None  # undecided and rejected look it
        if role == TOOLTIP:
            if col == 0:
                alt = f"; also possible: {', '.join(v.alternatives)}" if v.alternatives else ""
                return tooltip_text(f"{v.type} ({state_with_score(v.state, v.score)}){alt}")
            if col in (1, ARGUMENTS):  # a long trigger is elided in its column, the arguments in theirs
                return tooltip_text(self.cells[r][col])
            if col == STATE:
                return tooltip_text(state_with_score(v.state, v.score))
        return None


def event_cells(
    schema: Schema | None,
    v: Event,
    entities: dict[int, Entity],
    text: str,
    waits: bool = False,
    orders: dict[str, dict[str, int]] | None = None,
) -> tuple[tuple[str, ...], int]:
    """Type (short), trigger, arguments by role after the missing required roles, state: as the list shows them
    (``waits``: its decision kept, not yet saved, marked; ``orders``: as ``arguments_text``'s, for a fill of many);
    and how many characters of the Arguments cell say the missing roles (0: none missing), as it was written (a
    role's name may hold "missing " or "; ")."""
    miss = event_missing_roles(schema, v) if schema else []
    state = "undecided" if v.state == "suggested" else v.state
    said = arguments_text(v, entities, text, schema, orders)
    missing = f"{MISSING_SAID}{', '.join(miss)}" if miss else ""
    if miss:
        said = missing + (f"; {said}" if said else "")
    cells = (v.type.rpartition(":")[2], text[v.trigger_start : v.trigger_end], said, state_shown(state, waits))
    return cells, len(missing)


def _state_in_room(_index: QModelIndex, text: str, room: float, advance: Callable[[str], float]) -> str:
    """A State cell's word where it has the room, else its mark ("unde…" told nothing "acce…" did not; session 23)."""
    return text if advance(text) <= room else state_marked(text)


class ArgumentsDelegate(QStyledItemDelegate):
    """The Arguments cell with its leading missing roles in the error's ink (the rest in the row's), elided as one
    text; a selected row in the selection's ink alone, as every other cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        red = int(index.data(MISSING_ROLE) or 0)
        if not red:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # background, selection
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)
        shown = QFontMetrics(opt.font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.save()
        painter.setFont(opt.font)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        head, rest = shown[:red], shown[red:]
        painter.setPen(ink if selected else QColor(themes.current().error))
        painter.drawText(rect, flags, head)
        if rest:
            painter.setPen(ink)
            painter.drawText(rect.adjusted(QFontMetrics(opt.font).horizontalAdvance(head), 0, 0, 0), flags, rest)
        painter.restore()


class EventPanel(RowPanel):
    eventActivated = Signal(int)
    activated_signal = "eventActivated"
    empty_text = "No events listed for this document: select a trigger word in the text, then press E."
    coming_text = "Listing this document's events…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(EventTableModel(), parent)
        self.model: EventTableModel
        self.table.setWordWrap(False)  # elided by letters: wrapped at words, a cell read "Artifact: …"
        # a type elided keeps what tells it from the other types shown: Transfer-Ownership and Transfer-Money both
        # read "Transfer-…" where Arguments took the room
        self.table.setItemDelegateForColumn(0, ElidingDelegate(self._elide_type, self.table))
        self.table.setItemDelegateForColumn(ARGUMENTS, ArgumentsDelegate(self.table))
        self.table.setItemDelegateForColumn(STATE, ElidingDelegate(_state_in_room, self.table))
        self._elided: dict[tuple[str, float, frozenset[str]], str] = {}
        hh = self.table.horizontalHeader()
        for col in FITTED:  # sized by _fit_columns: Qt's ResizeToContents read every row at each selection
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(ARGUMENTS, QHeaderView.ResizeMode.Stretch)
        self._widths: dict[str, int] = {}  # text -> its cell's width, measured once
        self._fitted: dict[int, int] = {}
        self._args_widest = 0  # the width Arguments' widest cell needs
        self._type_kept = 0  # the width of the widest type shown of up to TYPE_KEPT characters
        self.table.viewport().installEventFilter(self)

    def _elide_type(self, _index: QModelIndex, text: str, room: float, advance: Callable[[str], float]) -> str:
        key = (text, room, self.model.types)
        if key not in self._elided:  # worked out once per type, width and types shown (a paint draws every row)
            if len(self._elided) > 2000:
                self._elided.clear()
            self._elided[key] = elide_unique(text, self.model.types, room, advance)
        return self._elided[key]

    @property
    def ids(self) -> list[int]:
        return [v.id for v in self.model.rows]

    def cell(self, row: int, col: int) -> str:
        """The text shown in a cell."""
        return self.model.cells[row][col]

    def set_events(
        self, schema: Schema | None, events: list[Event], entities: dict[int, Entity], text: str, current: int | None
    ) -> None:
        self.rows_listed()
        self.model.set_events(schema, events, entities, text)
        self._fit_columns()
        self.select(current)

    def wait_for_rows(self, schema: Schema | None) -> None:
        """Emptied: the document's rows come later (``set_events``); till then the list says so."""
        self.rows_coming = True
        self.model.set_events(schema, [], {}, "")

    def update_events(
        self,
        schema: Schema | None,
        changed: Iterable[tuple[int, Event | None]],
        entities: dict[int, Entity],
        text: str,
        current: int | None,
    ) -> None:
        """The rows of the events that changed (see ``EventTableModel.update``); columns widened when a new text
        needs it (narrowed at the next whole refresh)."""
        made = self.model.update(schema, changed, entities, text)
        self._fit_columns(made)
        self.select(current)

    def _fit_columns(self, only: list[tuple[str, ...]] | None = None) -> None:
        """Type, trigger and state as wide as their longest text (a trigger's up to a limit; the
        whole in the cell's tooltip): each distinct text measured once with the font; with ``only`` (the rows
        an edit changed), columns are widened to fit them, never narrowed."""
        widths = self._widths
        for col in FITTED:
            want = header_width(self.table, COLUMNS[col]) if only is None else self._fitted.get(col, 0)
            for text in {cells[col] for cells in (self.model.cells if only is None else only)}:
                if text not in widths:
                    # a suggestion's row is drawn in italics, and the grid's line is in the column: measured
                    # upright without it, "Trial-Hearing" read "Trial-Heari…" in the room made for it
                    upright = cell_width(self.table, text)
                    widths[text] = max(upright, cell_width(self.table, text, italic=True)) + GRID_SLACK
                want = max(want, min(widths[text], TRIGGER_WIDEST if col == 1 else widths[text]))
            self._fitted[col] = want
        # Arguments' widest cell: the longest few by characters, measured (a width for every row's text at each
        # open cost more than the list's other columns together)
        texts = [cells[ARGUMENTS] for cells in (self.model.cells if only is None else only)]
        longest = sorted(set(texts), key=len)[-3:]
        widest = max((cell_width(self.table, t, italic=True) + GRID_SLACK for t in longest), default=0)
        self._args_widest = widest if only is None else max(self._args_widest, widest)
        types = [t for t in {cells[0] for cells in self.model.cells} if len(t) <= TYPE_KEPT]
        self._type_kept = max((widths.get(t, 0) for t in types), default=0)
        self._share()

    def _share(self) -> None:
        """Each fitted column its width, unless Arguments would be left less than its least (its title, a role with
        the start of its filler): then Trigger and State give up room, down to their titles', then a few
        characters, and only then Type (their whole text is in the tooltip). Arguments took what the others left:
        "rguments" and "Artifa…" at 1366 px. Then Trigger and State give up room for the rest of Arguments' widest
        cell, Type not."""
        if not self._fitted:
            return
        table, hh = self.table, self.table.horizontalHeader()
        least = max(header_width(table, COLUMNS[ARGUMENTS]), ARGUMENTS_CHARS * table.fontMetrics().averageCharWidth())
        widths = dict(self._fitted)
        over = sum(widths.values()) + least - table.viewport().width()
        least_cell = cell_width(table, "x" * FLOOR_CHARS)
        last_floor = cell_width(table, "x" * (FLOOR_CHARS - 2))
        # their titles whole first, then a few characters less and their titles elided (else the list scrolled
        # sideways): Trigger and State before Type
        steps = [(col, titled) for cols in (GIVE_UP[:-1], GIVE_UP[-1:]) for titled in (True, False) for col in cols]
        for col, titled in steps:
            if over <= 0:
                break
            floor = max(header_width(table, COLUMNS[col]), least_cell) if titled else last_floor
            take = max(0, min(over, widths[col] - floor))
            widths[col] -= take
            over -= take
        # then Arguments as wide as its widest cell (up to ARGUMENTS_WANT characters: at 1920x1080 the other
        # columns stay whole) where State can give it the room, down to a few characters (its mark says it), and
        # Type down to its types of up to TYPE_KEPT characters, whole (session 21; "Transfer-Ownership" elided
        # apart); Trigger keeps what it has (at 1366x768 it read "discu…", "meet…", "conv…" for Arguments' rest:
        # the event's word, session 28)
        want = min(self._args_widest, ARGUMENTS_WANT * table.fontMetrics().averageCharWidth())
        over = want - (table.viewport().width() - sum(widths.values()))
        extra = [(STATE, titled) for titled in (True, False)] + [(0, False)]
        for col, titled in extra:
            if over <= 0:
                break
            floor = max(header_width(table, COLUMNS[col]), least_cell) if titled else last_floor
            if col == 0:
                floor = max(floor, self._type_kept)
            take = max(0, min(over, widths[col] - floor))
            widths[col] -= take
            over -= take
        for col, width in widths.items():
            if hh.sectionSize(col) != width:
                hh.resizeSection(col, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched == self.table.viewport():
            self._share()  # the list's own width (a hidden tab's is set only when it is shown; a scroll bar's room)
        return False
