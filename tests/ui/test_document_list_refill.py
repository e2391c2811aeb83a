"""A refill of the document list that changes nothing costs nothing and changes nothing: the columns are measured
once per shape of the rows (the widest count of each column, the statuses' marks, the font), from every row, not
again at each open, close or outside commit (s33-loop: 1.0 s of the tests' event-loop work was that measure)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.panels.documents import DocumentPanel
from ui.panels.table_model import cell_width
from ui_support import show_widget


def _rows(n: int, entities: int = 12) -> list[dict]:
    return [
        {"id": i, "name": f"{i:03d}_report.txt", "status": "new", "entities": entities, "events": 3, "suggestions": 0}
        for i in range(n)
    ]


def test_a_refill_of_equal_rows_keeps_the_width_the_person_gave_a_column(qtbot):
    """The person widened Ent.; an outside commit refilled the list with the same rows: the width snapped back."""
    panel = show_widget(qtbot, DocumentPanel(), (500, 400))
    panel.set_rows(_rows(5), 2)
    widened = panel.table.columnWidth(2) + 40
    panel.table.setColumnWidth(2, widened)
    panel.set_rows(_rows(5), 2)  # equal rows, new dicts (as document_summaries() reads them)
    assert panel.table.columnWidth(2) == widened
    panel.set_rows([{**r, "events": 4} for r in _rows(5)], 2)  # a count changed, no wider: the shape is the same
    assert panel.table.columnWidth(2) == widened
    assert panel.table.selectionModel().isRowSelected(2, panel.table.rootIndex())  # the open document still chosen


def test_a_wider_count_anywhere_in_the_list_widens_its_column(qtbot):
    """Qt measured the first 60 rows only: a document far down with a longer count read "12…" in its cell."""
    panel = show_widget(qtbot, DocumentPanel(), (500, 400))
    rows = _rows(200)
    panel.set_rows(rows, None)
    narrow = panel.table.columnWidth(2)
    rows = [*rows[:150], {**rows[150], "entities": 1234567}, *rows[151:]]  # a new list, as each read makes
    panel.set_rows(rows, None)
    assert panel.table.columnWidth(2) > narrow
    shown = panel.proxy.index(150, 2).data(Qt.ItemDataRole.DisplayRole)
    assert panel.table.columnWidth(2) >= cell_width(panel.table, str(shown), bold=True)
