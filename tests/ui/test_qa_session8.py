"""Session 8's qa pass in the app (Xvfb at 1366x768 and 1920x1080, driven by keys): what an annotator and an NLP
engineer met, each checked to fail before its fix."""

from __future__ import annotations

from ui_support import close_window, open_window


def test_the_status_column_is_whole_in_sight_at_1366(qtbot, project_path):
    """At 1366x768 the document list's dock is about 218 px: the name kept 130 px and the Status column ran past
    the panel's edge, "in progress" cut to "in progres" with the counts behind it. The name gives up what the
    Status column needs (the counts still scroll sideways)."""
    from annotator import edits
    from annotator.store import Project

    with Project(project_path, create=False) as p:
        edits.set_status(p, p.document_ids()[0], "in_progress")
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        table = w.side_panels().documents.table

        def status_in_sight() -> bool:
            right = table.columnViewportPosition(1) + table.columnWidth(1)
            return table.viewport().width() < 260 and right <= table.viewport().width()  # the dock's share at 1366

        qtbot.waitUntil(status_in_sight)
        assert table.columnWidth(1) >= table.sizeHintForColumn(1)
        assert table.columnWidth(0) >= 90  # "000_c5…f81.txt": still told apart
    finally:
        close_window(w)
