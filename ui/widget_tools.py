"""Small helpers of widgets and layouts the panels share: a label that never reads its text as HTML, the widgets of
a layout, a layout emptied."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QLayout


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
