"""Work that waits for a widget's next paint: what the user waits for is drawn first, the rest follows."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

BACKSTOP_MS = 1000  # how often it looks whether a widget still due a paint will get one (a minimised window won't)
BACKSTOP_TRIES = 30  # and how often at most: a paint Qt never makes for a reason not known here still ends


class AfterPaint(QObject):
    """Runs queued calls just after ``widget``'s next paint (on a zero-delay timer, so the paint is finished and
    on screen first), or at once on the next turn of the event loop when the widget is not visible. Each call is
    queued once however often it is asked for; a backstop timer runs them if no paint will come (the widget hidden,
    minimised, covered, its updates off or its window not exposed). A paint that is only late (a busy machine: the
    backstop's second came first and the side panels were built before the text was drawn) is waited for."""

    def __init__(self, widget: QWidget, backstop_ms: int | None = None) -> None:
        super().__init__(widget)
        self._widget = widget
        self._waiting: list[Callable[[], object]] = []
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.run)
        self._backstop = QTimer(self)
        self._backstop.setSingleShot(True)
        self._backstop.setInterval(BACKSTOP_MS if backstop_ms is None else backstop_ms)
        self._backstop.timeout.connect(self._look)
        self._tries = 0
        widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        """True while calls wait for the paint."""
        return bool(self._waiting)

    def call(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` after the widget's next paint (once, however often it is asked before that)."""
        if fn not in self._waiting:
            self._waiting.append(fn)
        if self._widget.isVisible():
            self._widget.update()
            if not self._backstop.isActive():
                self._tries = 0
                self._backstop.start()
        else:
            self._soon.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Paint and self._waiting:
            self._soon.start()  # fires once this paint is done
        return False

    def paint_due(self) -> bool:
        """Whether Qt will paint the widget: shown, updates on, its window not minimised, some of it uncovered."""
        w = self._widget
        return w.isVisible() and w.updatesEnabled() and not w.window().isMinimized() and not w.visibleRegion().isEmpty()

    def _look(self) -> None:
        """The backstop: the work waits on for a paint that is only late, runs now when none will come."""
        self._tries += 1
        if self._waiting and self._tries < BACKSTOP_TRIES and self.paint_due():
            self._widget.update()
            self._backstop.start()
            return
        self.run()

    def run(self) -> None:
        """Run what waits now (also when the paint has not come)."""
        self._soon.stop()
        self._backstop.stop()
        waiting, self._waiting = self._waiting, []
        for fn in waiting:
            fn()
