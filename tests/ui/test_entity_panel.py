"""The entity table: its Label and State columns fit every label of the rows, however far down it comes."""

from __future__ import annotations

from ui_support import show_widget

from annotator.model import Entity


def test_label_column_fits_a_long_label_that_comes_late(qtbot):
    from ui.panels.entities import EntityPanel

    panel = show_widget(qtbot, EntityPanel(), (420, 300))
    text = "Reuters " * 200
    rows = [Entity(i, 1, 8 * i, 8 * i + 7, "ORG", "accepted", "human", None) for i in range(199)]
    rows.append(Entity(199, 1, 8 * 199, 8 * 199 + 7, "WORK_OF_ART_OR_PRODUCT", "suggested", "human", None))
    panel.set_entities(rows, text, None)
    qtbot.wait(10)
    fm = panel.table.fontMetrics()
    assert panel.table.columnWidth(1) >= fm.horizontalAdvance("WORK_OF_ART_OR_PRODUCT")  # row 200 of 200
    assert panel.table.columnWidth(2) >= fm.horizontalAdvance("suggested")
    panel.set_entities(rows[:5], text, None)  # fewer labels: sized again
    qtbot.wait(10)
    assert fm.horizontalAdvance("ORG") <= panel.table.columnWidth(1) < fm.horizontalAdvance("WORK_OF_ART_OR_PRODUCT")
