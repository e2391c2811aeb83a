"""The status bar's work-left widget is shown or hidden once per description of the selection, not shown and hidden
again within it (each flip lays the window's status bar and columns out again: ~170 flips in a sixth of the GUI tests,
docs/performance.md, session 29)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class Flips(QObject):
    """The widget's shows and hides (to its parent: sent whether the window is on screen or not)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShowToParent:
            self.seen.append("shown")
        elif event.type() == QEvent.Type.HideToParent:
            self.seen.append("hidden")
        return False


def test_another_document_with_nothing_selected_leaves_the_work_left_widget_hidden(window) -> None:  # type: ignore[no-untyped-def]
    """Nothing selected, the line itself says the work left (the widget hidden); another document's work left is said
    in the line and the widget stays hidden throughout (it was shown, then hidden again, at each description)."""
    w, c = window, window.controller
    c.select_entity(None)
    c.select_event(None)
    w.describe_current_entity()
    first = w.message.text()
    assert first and w.work_label.isHidden(), (first, w.work_label.text())
    flips = Flips()
    w.work_label.installEventFilter(flips)
    try:
        w.open_document(next(d for d in c.project.document_ids() if d != c.doc.id))
        w.describe_current_entity()
    finally:
        w.work_label.removeEventFilter(flips)
    assert c.current_entity is None and c.current_event is None
    assert w.message.text() != first  # the other document's work left, said in the line
    assert w.work_label.isHidden()
    assert flips.seen == []
