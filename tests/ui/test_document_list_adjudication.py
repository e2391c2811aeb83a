"""The document list says which documents hold annotators' work waiting for adjudication (the reviewer opened each
and pressed Ctrl+Shift+J to find out): a column and a filter, in a merged project only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from ui_support import close_window, open_window, settled

TEXTS = [("one.txt", "Maria Lopez met officials in Kabul."), ("two.txt", "Rain fell on Tuesday.")]


def _team(tmp_path: Path, merged: bool = True) -> Path:
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from team_copies import merged_copies

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument(t, n) for n, t in TEXTS])
    if not merged:
        return team

    def person(p: Project) -> None:  # on one.txt; nobody opened two.txt
        edits.add_entity(p, p.document_ids()[0], 0, 11, "PERSON")

    return merged_copies(team, {"alice": person, "bob": person})


def _cells(panel, column: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    m = panel.proxy
    return {m.index(r, 0).data(): m.index(r, column).data() for r in range(m.rowCount())}


def test_the_list_shows_and_filters_the_documents_waiting_for_adjudication(qtbot, tmp_path):
    from ui.panels.documents import ADJ_COLUMN, TO_ADJUDICATE

    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        panel = w.documents
        settled(qtbot, lambda: panel.proxy.rowCount() == 2)
        assert not panel.table.isColumnHidden(ADJ_COLUMN)
        assert panel.model.headerData(ADJ_COLUMN, Qt.Orientation.Horizontal) == "Adj"
        assert _cells(panel, ADJ_COLUMN) == {"one.txt": "2", "two.txt": ""}
        one = panel.proxy.index(0, ADJ_COLUMN)
        assert one.data(Qt.ItemDataRole.ToolTipRole) == "Waiting for adjudication: the work of alice, bob"
        panel.status.setCurrentIndex(panel.status.findData(TO_ADJUDICATE))
        assert list(_cells(panel, 0)) == ["one.txt"]
        w.controller.open_document(w.documents.shown_ids()[0])
        w.actions_by_name["reviewed"].trigger()  # the reviewer is done with it: nothing waits there any more
        settled(qtbot, lambda: panel.proxy.rowCount() == 0)
        assert panel.status.currentData() == TO_ADJUDICATE  # the filter chosen stays
    finally:
        close_window(w)


def test_the_list_emptied_by_the_filter_says_why_and_how_to_see_the_documents(qtbot, tmp_path):
    """The reviewer marks the last document waiting for adjudication reviewed: the list, filtered to 'to
    adjudicate', emptied without a word (as if the project had lost its documents)."""
    from ui.panels.documents import TO_ADJUDICATE

    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        panel = w.documents
        settled(qtbot, lambda: panel.proxy.rowCount() == 2)
        assert not panel.empty_note.isVisible()
        panel.status.setCurrentIndex(panel.status.findData(TO_ADJUDICATE))
        assert not panel.empty_note.isVisible()  # one.txt waits: shown, nothing to explain
        w.controller.open_document(panel.shown_ids()[0])
        w.actions_by_name["reviewed"].trigger()
        settled(qtbot, lambda: panel.proxy.rowCount() == 0)
        note = panel.empty_note
        assert note.isVisible() and note.geometry().intersects(panel.table.viewport().rect())
        assert note.text() == (
            "No document waits for adjudication: every document an annotator worked on is reviewed.\n"
            "\u201cAll statuses\u201d in the filter shows the 2 documents of the project."
        )
        panel.search.setText("Two")  # a name filter too: both are said, with their own undoing
        assert note.text() == (
            "No document whose name contains \u201cTwo\u201d waits for adjudication.\n"
            "\u201cAll statuses\u201d in the filter and clearing the name box shows the 2 documents of the project."
        )
        panel.status.setCurrentIndex(0)
        assert panel.shown_ids() and not note.isVisible()
        w.controller.undo_stack.undo()  # back to waiting: the filter shows it again, the note goes
        panel.search.clear()
        panel.status.setCurrentIndex(panel.status.findData(TO_ADJUDICATE))
        settled(qtbot, lambda: panel.proxy.rowCount() == 1)
        assert not note.isVisible()
    finally:
        close_window(w)


def test_a_project_without_annotators_work_opened_after_it_drops_the_filter(qtbot, tmp_path):
    """'to adjudicate' stayed chosen when a project without annotators' sets was opened: every document hidden, in a
    project where none can wait for adjudication, and the item itself kept in the filter."""
    from ui.panels.documents import TO_ADJUDICATE

    solo = tmp_path / "solo"
    solo.mkdir()
    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        panel = w.documents
        settled(qtbot, lambda: panel.proxy.rowCount() == 2)
        panel.status.setCurrentIndex(panel.status.findData(TO_ADJUDICATE))
        assert panel.proxy.rowCount() == 1
        assert w.open_project(_team(solo, merged=False))
        settled(qtbot, lambda: panel.model.rows and not panel.model.annotators)
        assert panel.status.currentData() == "" and panel.status.findData(TO_ADJUDICATE) < 0
        assert panel.proxy.rowCount() == 2 and not panel.empty_note.isVisible()
    finally:
        close_window(w)


def test_a_project_without_annotators_work_has_neither_column_nor_filter(qtbot, tmp_path):
    from ui.panels.documents import ADJ_COLUMN, TO_ADJUDICATE

    w = open_window(qtbot, _team(tmp_path, merged=False), pipeline=None)
    try:
        panel = w.documents
        settled(qtbot, lambda: panel.proxy.rowCount() == 2)
        assert panel.table.isColumnHidden(ADJ_COLUMN)
        assert panel.status.findData(TO_ADJUDICATE) < 0
    finally:
        close_window(w)


def test_the_marker_takes_the_ink_of_the_theme_in_use(qtbot, qapp):
    """The marker was made once per list: after a switch to the dark theme it kept the light theme's ink."""
    from PySide6.QtGui import QColor

    from ui import theme as themes
    from ui.panels.documents import DocumentPanel
    from ui_support import show_widget

    panel = show_widget(qtbot, DocumentPanel(), (400, 300))
    rows = [{"id": 1, "name": "one.txt", "status": "new", "entities": 0, "events": 0, "suggestions": 0}]
    panel.set_rows(rows, None, {1: ["alice"]})

    def dot() -> str:
        icon = panel.proxy.index(0, 1).data(Qt.ItemDataRole.DecorationRole)
        return icon.pixmap(16, 16).toImage().pixelColor(8, 8).name()

    before = qapp.palette()
    try:
        assert dot() == QColor(themes.LIGHT.statuses["reviewed"]).name()
        qapp.setPalette(themes.dark_palette())
        assert dot() == QColor(themes.DARK.statuses["reviewed"]).name()
    finally:
        qapp.setPalette(before)


def test_the_filter_box_shows_to_adjudicate_whole(qtbot, tmp_path):
    """The status filter's box was sized at its first show, before a team's project added "to adjudicate": in the
    210 px dock at 1366x768 it read "to adjudicat"."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from ui.panels.documents import TO_ADJUDICATE

    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None, size=(1366, 768))
    try:
        panel = w.documents
        settled(qtbot, lambda: panel.proxy.rowCount() == 2)
        box = panel.status
        box.setCurrentIndex(box.findData(TO_ADJUDICATE))
        settled(qtbot, lambda: box.width() >= box.sizeHint().width())  # the layout gave it what it asks
        opt = QStyleOptionComboBox()
        box.initStyleOption(opt)
        field = box.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, box
        )
        assert field.width() >= box.fontMetrics().horizontalAdvance(TO_ADJUDICATE)
        assert panel.search.isVisible() and panel.search.width() >= 60  # the name box keeps a usable width
    finally:
        close_window(w)
