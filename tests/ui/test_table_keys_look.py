"""A list's look without the keys (``table_model.keys_look``: a palette and the table's own 2-pixel frame) draws the
pixels the table's own style sheet drew before session 39, when the sheet made every paint of the list go through
Qt's style sheet style (~1 ms more a paint of each list; docs/performance.md, session 39); with the keys it is the
sheet still, after the look without them too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui import theme as themes
from ui.panels.table_model import show_keys


def sheet_look(has_keys: bool) -> str:
    """The style sheet each list had of its own before (session 38's ``keys_look``): the reference."""
    t = themes.current()
    if has_keys:
        return (
            f"QTableView {{ border: 2px solid {t.selection}; selection-background-color: {t.selection}; "
            f"selection-color: {t.selection_ink}; }}"
        )
    return (
        f"QTableView {{ border: 2px solid {t.border}; selection-background-color: {t.idle_selection}; "
        f"selection-color: {t.ink}; }}"
    )


class SheetLook(QObject):
    """Session 38's ``_KeysLook``: the sheet swapped as the table gains and loses the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            watched.setStyleSheet(sheet_look(event.type() == QEvent.Type.FocusIn))
        return False


def shown_table(qtbot, qapp, by_sheet: bool) -> QTableView:  # type: ignore[no-untyped-def]
    """A list of 60 rows (its scroll bar drawn too), its third row selected, with the old look or ours."""
    model = QStandardItemModel(60, 3)
    for row in range(60):
        for col in range(3):
            model.setItem(row, col, QStandardItem(f"cell {row} {col} text"))
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    qtbot.addWidget(table)
    if by_sheet:
        table.setStyleSheet(sheet_look(table.hasFocus()))
        table.installEventFilter(SheetLook(table))
    else:
        show_keys(table)
    table.resize(400, 300)
    with qtbot.waitExposed(table):
        table.show()
    table.selectRow(2)
    table.setCurrentIndex(model.index(2, 1))
    return table


def grabbed(qapp, table: QTableView, keys: list[bool]):  # type: ignore[no-untyped-def]
    """The table drawn after the keys came and went as ``keys`` says (True: it has them)."""
    table.activateWindow()
    qapp.processEvents()
    for has in keys:
        if has:
            table.setFocus()
        else:
            table.clearFocus()
        qapp.processEvents()
    return table.grab().toImage()


@pytest.mark.parametrize("appearance", [None, "light", "dark"])  # None: no application style sheet (as most tests)
@pytest.mark.parametrize("keys", [[False], [True], [True, False], [True, False, True]])
def test_the_look_of_having_the_keys_or_not_is_the_style_sheet_s_pixel_for_pixel(qtbot, qapp, keys, appearance):
    import ui.style

    if appearance is not None:
        ui.style.apply_style(qapp, True, appearance)  # put back by tests/ui/conftest.py's _application_look_put_back
    old = grabbed(qapp, shown_table(qtbot, qapp, by_sheet=True), keys)
    ours = shown_table(qtbot, qapp, by_sheet=False)
    new = grabbed(qapp, ours, keys)
    assert bool(ours.styleSheet()) == keys[-1]  # a sheet of its own only while it has the keys
    assert (old.width(), old.height()) == (new.width(), new.height())
    if old != new:  # QImage compares the pixels in C++; a Python loop over them took ~0.4 s of CPU a case
        differ = [(x, y) for y in range(old.height()) for x in range(old.width()) if old.pixel(x, y) != new.pixel(x, y)]
        pytest.fail(f"{len(differ)} pixels differ, the first at {differ[:3]}")


def test_a_list_s_look_follows_the_keys_and_the_theme(qtbot, window):
    from PySide6.QtGui import QPalette

    from ui.panels.table_model import FRAME_ROLE

    table = window.documents.table
    t = themes.current()

    def colours() -> tuple[str, str, str]:
        p = table.palette()
        return tuple(  # type: ignore[return-value]
            p.color(QPalette.ColorGroup.Active, role).name()
            for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText, FRAME_ROLE)
        )

    window.view.setFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    assert colours() == (t.idle_selection, t.ink, t.border) and table.lineWidth() == 2
    assert not table.styleSheet() and table.foregroundRole() == FRAME_ROLE
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert t.selection in table.styleSheet() and t.selection_ink in table.styleSheet()
    window.view.setFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    assert not table.styleSheet() and colours() == (t.idle_selection, t.ink, t.border)
