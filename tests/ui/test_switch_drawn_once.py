"""A switch of document to one whose name is longer: each widget of the window is drawn once. The title was elided
to its old width, widened by a layout that ran after the window's paint, and its whole name set then asked for another
layout: the docks were drawn a second time; the entity list's rows and the text's wrapped lines were laid out after
the paint too, and the list and the text's scroll bar drawn again (session 35; s34-docks' "Left")."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from annotator.importing import IncomingDocument, import_documents
from annotator.preannotate import preannotate
from annotator.store import Project
from ui_support import DOC_A, close_window, open_window, pattern_pipeline, window_settled

SHORT, LONG = "a.txt", "a_report_with_a_much_longer_name.txt"
# lines enough to scroll (in both: a scroll bar shown or hidden is a new width), each wrapped at the window's width:
# the scroll bar's range is known once those in view are laid out
TEXT = "\n".join([DOC_A.replace("\n", " ") * 3] * 30)


def where(widget) -> str:  # type: ignore[no-untyped-def]
    """A widget named by its class and its parents' (the panel it is part of)."""
    names, at = [], widget
    while at is not None and len(names) < 4:
        names.append(f"{type(at).__name__}{' ' + at.objectName() if at.objectName() else ''}")
        at = at.parentWidget()
    return f"{' in '.join(names)} ({id(widget)})"


class Paints(QObject):
    """Paint events by widget, the window's own left out (its 6-pixel strips between the docks are drawn again after
    the switch; no widget is)."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.window = window
        self.seen: Counter[str] = Counter()

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.Paint and watched is not self.window and self.window.isAncestorOf(watched):
            self.seen[where(watched)] += 1
        return False


def test_a_switch_to_a_longer_name_draws_each_widget_once(qtbot, tmp_path):
    path = tmp_path / "names.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(TEXT.replace("Paris", "Rome"), SHORT), IncomingDocument(TEXT, LONG)])
        preannotate(p, pattern_pipeline())
    w = open_window(qtbot, path, size=(1366, 740))
    c = w.controller
    assert c.doc.name == SHORT
    long_id = next(i for i in c.project.document_ids() if c.project.document(i).name == LONG)
    window_settled(qtbot, w)
    QApplication.processEvents()
    paints = Paints(w)
    QApplication.instance().installEventFilter(paints)
    try:
        w.open_document(long_id)
        window_settled(qtbot, w)
        for _ in range(3):  # whatever the open left due: timers of zero time, the paints they ask for
            QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(paints)
    assert c.doc.name == LONG and w.title.text() == w.title.full_text  # the whole name, once widened
    assert w.entities.model.rowCount() > 0 and w.view.verticalScrollBar().maximum() > 0
    twice = {name: n for name, n in paints.seen.items() if n > 1}
    assert paints.seen and not twice, twice
    close_window(w)
