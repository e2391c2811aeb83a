"""The events of the current document: type, trigger, arguments by role, missing required roles flagged."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from annotator.model import Entity, Event
from annotator.schema import Schema
from ui.plain import tooltip_text

COLUMNS = ("Type", "Trigger", "Arguments", "Missing", "State")
STATE_COLORS = {"suggested": "#7a5c00", "rejected": "#8a8a8a"}


def missing_roles(schema: Schema, event: Event) -> list[str]:
    """Required roles of the event's type that no argument fills (none for a rejected event: no annotation, and
    rejecting took its arguments; validation skips it too)."""
    etype = schema.event_type(event.type)
    if etype is None or event.state == "rejected":
        return []
    filled = {a.role for a in event.arguments}
    return [r.name for r in etype.roles if r.required and r.name not in filled]


def arguments_text(event: Event, entities: dict[int, Entity], text: str) -> str:
    parts = []
    for a in event.arguments:
        e = entities.get(a.entity_id)
        parts.append(f"{a.role}: {text[e.start : e.end] if e else '?'}")
    return "; ".join(parts)


class EventPanel(QWidget):
    eventActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # the type's short name (full in its tip)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        self.ids: list[int] = []
        self.table.cellClicked.connect(lambda r, _c: self.eventActivated.emit(self.ids[r]))

    def set_events(
        self, schema: Schema | None, events: list[Event], entities: dict[int, Entity], text: str, current: int | None
    ) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(events))
        self.ids = [v.id for v in events]
        for r, v in enumerate(events):
            miss = missing_roles(schema, v) if schema else []
            state = "undecided" if v.state == "suggested" else v.state
            cells = (
                v.type.split(":")[-1],
                text[v.trigger_start : v.trigger_end],
                arguments_text(v, entities, text),
                ", ".join(miss),
                state,
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(tooltip_text(value) if col == 2 else "")
                if col == 3 and miss:
                    item.setForeground(QColor("#b00020"))
                if v.state in STATE_COLORS:  # undecided and rejected rows look it (as in the text)
                    item.setForeground(QColor(STATE_COLORS[v.state]) if col != 3 else item.foreground())
                    font = item.font()
                    font.setItalic(v.state == "suggested")
                    font.setStrikeOut(v.state == "rejected")
                    item.setFont(font)
                if col == 0:
                    alt = f"; also possible: {', '.join(v.alternatives)}" if v.alternatives else ""
                    score = f"; score {v.score:.2f}" if v.score is not None else ""
                    item.setToolTip(tooltip_text(f"{v.type} ({v.state}{score}){alt}"))
                self.table.setItem(r, col, item)
        self.table.blockSignals(False)
        self.select(current)

    def select(self, event_id: int | None) -> None:
        if event_id in self.ids:
            r = self.ids.index(event_id)
            if self.table.currentRow() != r:
                self.table.selectRow(r)
        else:
            self.table.clearSelection()
