"""The document list keeps names readable in a narrow panel (counts scroll sideways instead)."""

from __future__ import annotations

from ui.panels.documents import DocumentPanel
from ui_support import show_widget

MIN_NAME_WIDTH = 130  # readable: about 15 characters


def _rows(n: int) -> list[dict]:
    return [
        {
            "id": i,
            "name": f"{i:03d}_a_long_document_name.txt",
            "status": "in_progress",
            "entities": 1234,
            "events": 56,
            "suggestions": 789,
        }
        for i in range(n)
    ]


def test_narrow_panel_keeps_the_name_column_readable(qtbot):
    panel = show_widget(qtbot, DocumentPanel(), (240, 400))
    panel.set_rows(_rows(3), None)  # the columns are fitted at once (fit_columns)
    assert panel.table.columnWidth(0) >= MIN_NAME_WIDTH


def test_wide_panel_gives_the_name_all_the_room(qtbot):
    panel = show_widget(qtbot, DocumentPanel(), (900, 400))
    panel.set_rows(_rows(3), None)

    def room() -> int:
        return panel.table.viewport().width() - sum(panel.table.columnWidth(i) for i in range(1, 5)) - 2

    qtbot.waitUntil(lambda: panel.table.columnWidth(0) >= room())  # the header stretches it at its next layout
    assert panel.table.columnWidth(0) >= room()


def test_the_status_column_fits_every_status_not_only_those_shown_when_filled(qtbot):
    """Sized to the statuses of the rows when the list was filled (all 'new' in a fresh project), the column cut
    the first document marked in progress to "in p…ress"."""
    from PySide6.QtCore import Qt

    panel = show_widget(qtbot, DocumentPanel(), (240, 400))
    rows = [{**r, "status": "new"} for r in _rows(3)]
    panel.set_rows(rows, rows[1]["id"])  # the open document's row is bold: wider
    assert panel.update_rows([{**rows[1], "status": "in_progress"}], rows[1]["id"])  # the model's rows at once
    index = panel.proxy.index(1, 1)
    shown = panel.proxy.data(index, Qt.ItemDataRole.DisplayRole)
    assert shown == "in progress"
    assert panel.table.columnWidth(1) >= panel.table.sizeHintForColumn(1)  # what the delegate needs: no "…"


def test_the_status_stays_whole_beside_the_waiting_marker_at_the_least_width(qtbot):
    """The marker of a document waiting for adjudication takes room in the Status column: at the panel's least width
    (set before the project is known) the Status ran past the viewport's edge."""
    from ui.panels.document_widths import least_width

    panel = DocumentPanel()
    panel.setMinimumWidth(least_width(panel))  # as the window sets it when it builds the panel
    show_widget(qtbot, panel, (least_width(panel), 400))
    rows = _rows(3)
    panel.set_rows(rows, None, {rows[0]["id"]: ["alice", "bob"]})  # the columns fitted at once
    table = panel.table
    assert table.columnViewportPosition(1) + table.columnWidth(1) <= table.viewport().width()
    assert table.columnWidth(1) >= table.sizeHintForColumn(1)  # the marker and "in progress" whole
