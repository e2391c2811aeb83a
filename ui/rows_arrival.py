"""A long document's spans and events read after its text is shown, a page at a time between the event loop's other
work (``HeldDocument.read_more``): the window, the text and the start of the work appear first, the highlights and
the side lists once the rows are read. Until then the text can be read, scrolled, selected, copied and searched,
another document opened or the project closed; an edit is refused, said on the status line, nothing lost
(``ui.edit_refusals``, the annotation keys)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.errors import AnnotatorError

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


class RowsArrival(QObject):
    """Reads the current document's rows still coming, one page an event loop pass, from ``start`` (after the
    text's first paint); ``arrived`` once all are held. Another document, a reload or a close ends it (the held
    document has no rows coming then, or others: ``start`` again after that one's paint)."""

    arrived = Signal()

    def __init__(self, controller: "Controller", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._doc: int | None = None  # the document whose rows are read

    def start(self) -> None:
        """Read the current document's rows still coming, from the next pass of the event loop."""
        held = self.controller.held
        if held.coming is not None and held.doc is not None:
            self._doc = held.doc.id
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._doc = None

    @property
    def reading(self) -> bool:
        return self._timer.isActive()

    def _step(self) -> None:
        c = self.controller
        held = c.held
        if c.project is None or held.doc is None or held.doc.id != self._doc or held.coming is None:
            self._doc = None  # closed, another document, or read whole meanwhile (a reload): nothing to do
            return
        try:
            done = held.read_more(c.project)
        except AnnotatorError as exc:  # the file gone or damaged meanwhile: said; what is held stays shown
            self._doc = None
            c.report_failure(exc)
            return
        if not done:
            self._timer.start()
            return
        self._doc = None
        self.arrived.emit()
