"""The legend's flow layout answers a width's height once until its entries change (Qt asked the same widths many
times a layout: ~45,000 layouts of the legend in the GUI tests), and a change of an entry (its text, shown, hidden)
gives the height the entries have now."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QToolButton, QWidget


def test_a_width_s_height_is_laid_out_once_until_an_entry_changes(qtbot, monkeypatch):
    from ui.panels.legend import FlowLayout

    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    buttons = []
    for k in range(12):
        b = QToolButton(host)
        b.setText(f"[{k}] LABEL{k} 0")
        flow.addWidget(b)
        buttons.append(b)
    host.resize(300, 200)
    with qtbot.waitExposed(host):
        host.show()

    laid = []
    do_layout = FlowLayout._do_layout
    monkeypatch.setattr(
        FlowLayout, "_do_layout", lambda self, rect, apply: laid.append(apply) or do_layout(self, rect, apply)
    )

    def truth() -> int:  # laid out anew, nothing kept
        return do_layout(flow, QRect(0, 0, 400, 0), False)

    first = flow.heightForWidth(400)
    assert [flow.heightForWidth(400) for _ in range(5)] == [first] * 5 == [truth()] * 5
    assert laid == [False]  # measured once

    buttons[5].setText("[5] A LABEL NAMED AT GREAT LENGTH, AS WIDE AS A ROW 0")
    wide = flow.heightForWidth(400)
    assert wide == truth() > first  # its text changed: measured again, a row more
    buttons[5].hide()
    assert flow.heightForWidth(400) == truth() < wide  # hidden: laid out without it
    buttons[5].show()
    assert flow.heightForWidth(400) == truth() == wide
