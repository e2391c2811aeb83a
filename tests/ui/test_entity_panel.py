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
    panel.set_entities(rows, text, None)  # the columns are fitted at once (_fit_columns)
    fm = panel.table.fontMetrics()
    assert panel.table.columnWidth(1) >= fm.horizontalAdvance("WORK_OF_ART_OR_PRODUCT")  # row 200 of 200
    assert panel.table.columnWidth(2) >= fm.horizontalAdvance("suggested")
    panel.set_entities(rows[:5], text, None)  # fewer labels: sized again
    assert fm.horizontalAdvance("ORG") <= panel.table.columnWidth(1) < fm.horizontalAdvance("WORK_OF_ART_OR_PRODUCT")


class CountingRows(list):
    """The model's rows, counting the passes made over them."""

    passes = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        CountingRows.passes += 1
        return super().__iter__()


def test_selecting_reads_the_rows_at_most_once_per_fill(qtbot):
    """Filling the table with no entity current makes no pass over its rows (an open selects none); lookups after
    that pass over them once in all, and find the right rows (the 8,000-row table of an open scanned them per
    lookup)."""
    from ui.panels.entities import EntityPanel

    panel = show_widget(qtbot, EntityPanel(), (420, 300))
    text = "Reuters " * 300
    rows = CountingRows(Entity(i, 1, 8 * i, 8 * i + 7, "ORG", "accepted", "human", None) for i in range(300))
    CountingRows.passes = 0
    panel.set_entities(rows, text, None)
    assert CountingRows.passes == 1  # the columns' fit reads the rows' labels; selecting no entity reads nothing
    CountingRows.passes = 0
    for entity_id in (250, 3, 299):
        panel.select(entity_id)
        assert panel.table.currentIndex().row() == entity_id
    panel.select(12345)  # not a row: nothing selected
    assert not panel.table.selectionModel().hasSelection()
    assert CountingRows.passes <= 1
    assert panel.model.row_of(0) == 0 and panel.model.row_of(None) == -1
