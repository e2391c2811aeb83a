"""Small helpers of widgets and layouts the panels share: a label that never reads its text as HTML, the widgets of
a layout, a layout emptied, widgets brought into a scroll area's view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

    from PySide6.QtWidgets import QLayout, QScrollArea

# levels of layouts a change inside a row reaches: the label, its row, the column holding the row, the window
LAYOUT_ROUNDS = 4
MARGIN = 4  # pixels kept between what is brought into a scroll area's view and the view's edge


def plain_label(text: str, *, bold: bool = False, color: str | None = None) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    lab = QLabel(text)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    style = []
    if bold:
        style.append("font-weight: bold")
    if color:
        style.append(f"color: {color}")
    if style:
        lab.setStyleSheet("; ".join(style))
    return lab


def widgets_of(layout: "QLayout") -> list[QWidget]:
    """The widgets of ``layout`` and of the layouts in it, in their order."""
    out: list[QWidget] = []
    for k in range(layout.count()):
        item = layout.itemAt(k)
        if (w := item.widget()) is not None:
            out.append(w)
        elif (sub := item.layout()) is not None:
            out += widgets_of(sub)
    return out


def empty_layout(layout: "QLayout") -> None:
    """Take every widget and layout out of ``layout``, deleting them."""
    while (item := layout.takeAt(0)) is not None:
        if (w := item.widget()) is not None:
            w.hide()
            w.deleteLater()
        elif (sub := item.layout()) is not None:
            empty_layout(sub)
            sub.deleteLater()


def bring_into_view(scroll: "QScrollArea", parts: "Iterable[QWidget]") -> None:
    """Scroll ``scroll`` so that the band from the top of the highest of ``parts`` (widgets in its content) to the
    bottom of the lowest is in view, laid out as they are now; its top when the band is taller than the view."""
    body = scroll.widget()
    if body is None:
        return
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the rows laid out after the edit
    boxes = [w.geometry().translated(w.parentWidget().mapTo(body, QPoint(0, 0))) for w in parts if w.isVisible()]
    if boxes:
        scroll.ensureVisible(0, max(b.bottom() for b in boxes), 0, MARGIN)
        scroll.ensureVisible(0, min(b.top() for b in boxes), 0, MARGIN)


def lay_out_now(rounds: int = LAYOUT_ROUNDS) -> None:
    """Every layout asked for laid out at once, children and the rows and windows they widen alike, before the next
    paint. Left to the event loop, a layout asked for while the loop lays out others (a label widened, its text set
    again; the legend's buttons, then the column holding them) waits behind the paint already due: the window was
    drawn, laid out again and drawn a second time (a switch of document to a longer name, session 35). Qt sends
    the requests posted before each call alone (those they post wait for the next): ``rounds`` calls, one a level
    of the cascade; one with nothing left to lay out costs nothing."""
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
