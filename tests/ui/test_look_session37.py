"""s37-look: the document list's count columns in sight beside the names at the dock's width at 1366x768 (300 px)
and at 1920x1080: short headers whose tip says the whole name, the room of a sort mark given to the sorted column
only, the name elided in the middle."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.panels.document_rows import COLUMNS, HEADER_TIPS
from ui.panels.document_widths import name_floor
from ui.panels.documents import DocumentPanel
from ui_support import show_widget

SEED_NAMES = (
    "000_c5086996ec44ef81.txt",
    "001_state_visit_trade_agreement.txt",
    "002_airstrike_market.txt",
    "003_sanctions_and_fine.txt",
    "004_arrest_trial_sentence.txt",
    "005_merger_and_ceo.txt",
    "006_election_and_protests.txt",
    "007_phone_call_zurich.txt",
)


def _rows() -> list[dict]:
    return [
        {"id": i, "name": n, "status": "new", "entities": 40 + i, "events": 12, "suggestions": 62}
        for i, n in enumerate(SEED_NAMES)
    ]


def _in_sight(panel: DocumentPanel) -> list[str]:
    """The titles of the shown columns whose right edge is past the viewport's (scrolled out of sight)."""
    table = panel.table
    table.horizontalScrollBar().setValue(0)
    return [
        COLUMNS[c]
        for c in range(len(COLUMNS))
        if not table.isColumnHidden(c)
        and table.columnViewportPosition(c) + table.columnWidth(c) > table.viewport().width()
    ]


def test_the_counts_are_in_sight_beside_the_names_in_the_dock_of_1366(qtbot):
    """The dock at 1366x768 is 300 px: the list showed Name and Status, the counts scrolled sideways (main: Ent.,
    Ev., Sugg. cut). They are in sight, the names elided in the middle and still told apart."""
    panel = show_widget(qtbot, DocumentPanel(), (300, 500))
    panel.set_rows(_rows(), 0)
    qtbot.waitUntil(lambda: not _in_sight(panel))  # the header lays the stretched name out at its next layout
    assert panel.table.columnWidth(0) >= name_floor(panel.table)
    assert panel.table.columnWidth(1) >= panel.table.sizeHintForColumn(1)  # the Status whole


def test_the_count_headers_are_short_and_their_tips_say_the_whole_name(qtbot):
    panel = show_widget(qtbot, DocumentPanel(), (300, 500))
    panel.set_rows(_rows(), 0)
    model = panel.table.model()
    for col in range(2, 5):
        title = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        tip = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert len(title) <= 3 and tip == HEADER_TIPS[col], (title, tip)


def test_a_count_column_sorted_by_gets_the_room_of_its_sort_mark(qtbot):
    """The count columns are as narrow as their title and counts; sorted by one, its title keeps room beside the
    mark (the other columns give the name that room back when the sort moves on)."""
    panel = show_widget(qtbot, DocumentPanel(), (300, 500))
    panel.set_rows(_rows(), 0)
    qtbot.waitUntil(lambda: not _in_sight(panel))
    table, header = panel.table, panel.table.horizontalHeader()
    narrow = table.columnWidth(4)
    table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert table.columnWidth(4) >= header.sectionSizeHint(4) > narrow  # the title beside the mark, not cut
    qtbot.waitUntil(lambda: not _in_sight(panel))  # the name gave the mark its room (the counts went out of sight)
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert table.columnWidth(4) == narrow
    assert table.columnWidth(2) >= header.sectionSizeHint(2)


@pytest.mark.slow  # a window of its own: ~2 s
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_window_shows_the_counts_beside_the_seeds_names(qtbot, tmp_path, size):
    """The seeds' project opened at 1366x768 and at 1920x1080: the list's dock kept the names whole beside the
    Status and the count columns scrolled sideways at both. Every column is in sight now (the dock fitted to the
    counts too where the window has room: the names whole at 1920)."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import DOC_A, close_window, open_window

    path = tmp_path / "seeds.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(f"{DOC_A} {n}", n) for n in SEED_NAMES])
    w = open_window(qtbot, path, pipeline=None, size=size)
    try:
        panel = w.side_panels().documents
        qtbot.waitUntil(lambda: panel.proxy.rowCount() == len(SEED_NAMES) and not _in_sight(panel))
        assert panel.table.columnWidth(0) >= name_floor(panel.table)
        if size[0] == 1920:
            qtbot.waitUntil(lambda: panel.table.columnWidth(0) >= panel._names_width)  # the names whole too
    finally:
        close_window(w)
