"""Start and open: the text and its highlights are drawn first, the side panels are filled just after that paint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from ui.after_paint import AfterPaint
from ui_support import settled, show_widget, shown_window


class PaintLog(QObject):
    """Records, at each paint of the watched widget, what ``probe`` says."""

    def __init__(self, widget, probe) -> None:  # type: ignore[no-untyped-def]
        super().__init__(widget)
        self.probe = probe
        self.seen: list[object] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.seen.append(self.probe())
        return False


def test_the_document_is_drawn_before_the_side_panels_fill(qtbot, project_path):
    w = shown_window(qtbot, pipeline=None)
    log = PaintLog(
        w.view.viewport(),
        lambda: (
            w.controller.doc.name if w.controller.doc else None,
            len(w.view.highlighter.items),
            w.panels_built,  # (asking for a panel would build it: only looked at once built)
            w.panels_built and w.entities.model.rowCount(),
            w.panels_built and w.documents.model.rowCount(),
            len(w.legend.buttons),
        ),
    )
    try:
        assert w.open_project(project_path)
        assert not w.panels_built  # the docks are there, the panels in them not yet
        settled(qtbot, lambda: w.panels_built and w.entities.model.rowCount() > 0 and w.documents.model.rowCount() == 3)
        shown = [s for s in log.seen if s[0] == "a.txt"]
        name, highlights, built, entity_rows, document_rows, legend = shown[0]
        assert highlights > 0  # the first paint of the document has its highlights...
        assert (built, entity_rows, document_rows) == (False, False, False)  # ...and the panels wait for it
        assert legend == len(w.legend.buttons)  # the legend's entries (counted after) never push the text down
        # then everything is there: every entity in the table, the list, the legend, the current document
        assert w.entities.model.rowCount() == len(w.controller.visible_entities(show_rejected=True))
        assert len(w.legend.buttons) > 0
        assert w.documents.model.current_id == w.controller.doc.id
        assert all(d.widget() is p for d, p in zip(w.docks.values(), (w.documents, w.tabs, w.event_editor)))
    finally:
        w.controller.close_project()


def test_calls_wait_for_the_paint_and_run_once(qtbot):
    label = show_widget(qtbot, QLabel("x"))
    after = AfterPaint(label)
    ran: list[str] = []

    def work() -> None:
        ran.append("work")

    log = PaintLog(label, lambda: list(ran))
    after.call(work)
    after.call(work)  # asked twice before the paint: runs once
    assert after.pending and ran == []
    settled(qtbot, lambda: ran == ["work"])
    assert log.seen and log.seen[0] == []  # it ran after a paint, not before
    assert not after.pending


class PaintsHeld(QObject):
    """A busy machine: the widget's paints do not come while ``holding`` (made last, its filter is asked first)."""

    def __init__(self, widget) -> None:  # type: ignore[no-untyped-def]
        super().__init__(widget)
        self.holding = True
        self.held = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if self.holding and event.type() == QEvent.Type.Paint:
            self.held += 1
            return True
        return False


def test_a_paint_later_than_the_backstop_is_waited_for(qtbot):
    """Under load the first paint came after the backstop's second: the side panels were built before the text was
    drawn (test_the_document_is_drawn_before_the_side_panels_fill failed now and then). A widget still due a paint
    waits for it, however late."""
    label = show_widget(qtbot, QLabel("x"))
    after = AfterPaint(label, backstop_ms=5)
    ran: list[str] = []
    log = PaintLog(label, lambda: list(ran))
    busy = PaintsHeld(label)
    after.call(lambda: ran.append("work"))
    settled(qtbot, lambda: busy.held >= 3 or bool(ran))  # several of the backstop's looks, no paint yet
    assert ran == [] and after.pending
    busy.holding = False
    label.update()
    settled(qtbot, lambda: ran == ["work"])
    assert log.seen and log.seen[0] == []  # the paint came first


def test_a_hidden_or_unpainted_widget_still_gets_the_work(qtbot):
    hidden = QLabel("hidden")
    qtbot.addWidget(hidden)
    ran: list[str] = []
    AfterPaint(hidden).call(lambda: ran.append("hidden"))
    settled(qtbot, lambda: ran == ["hidden"])  # nothing will paint it: the next turn of the event loop

    frozen = show_widget(qtbot, QLabel("frozen"))
    frozen.setUpdatesEnabled(False)  # visible, but never painted
    # the backstop's own interval short (its default, 1 s, was this test's whole time): what runs the work is the same
    AfterPaint(frozen, backstop_ms=20).call(lambda: ran.append("frozen"))
    settled(qtbot, lambda: ran == ["hidden", "frozen"])  # the backstop


def test_the_text_does_not_move_when_the_panels_fill(qtbot, project_path):
    """The legend above the text has its entries at the first paint (their counts follow with the panels): the
    document does not jump down once shown."""
    from PySide6.QtCore import QPoint

    w = shown_window(qtbot, pipeline=None)
    top = lambda: w.view.mapTo(w, QPoint(0, 0)).y()  # noqa: E731
    log = PaintLog(w.view.viewport(), lambda: (w.controller.doc is not None, top()))
    try:
        assert w.open_project(project_path)
        settled(qtbot, lambda: not w.after_view_paint.pending and w.entities.model.rowCount() > 0)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the layout as the panels left it
        first = next(y for shown, y in log.seen if shown)
        assert first == top()
        assert any(str(w.controller.visible_entities()[0].label) in t for t in w.legend.item_texts())
    finally:
        w.controller.close_project()


def test_a_window_without_a_project_gets_its_panels_after_its_first_paint(qtbot):
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    w = MainWindow(AppSettings(), auto_preannotate=False)
    qtbot.addWidget(w)
    log = PaintLog(w.view.viewport(), lambda: w.panels_built)
    w.show()
    settled(qtbot, lambda: w.panels_built)
    assert log.seen and log.seen[0] is False  # the view was painted first
    assert all(d.widget() is p for d, p in zip(w.docks.values(), (w.documents, w.tabs, w.event_editor)))
    assert w.documents.model.rowCount() == 0 and w.entities.model.rowCount() == 0
