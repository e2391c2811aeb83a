"""The legend's buttons at File > Close project and the next open: put aside, hidden, and taken again by the next project
of the same labels (they were made, polished and laid out anew at every open: ~5 % of the GUI tests' CPU, session 29);
a project of other labels gets its own and the ones put aside go."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, QEvent
from shiboken6 import Shiboken

import annotator.schema as sch

TWO = "[schema]\nname = 'two'\n[[entity]]\nname = 'CAT'\nkey = 'c'\ndescription = 'a cat'\n[[entity]]\nname = 'DOG'\n"
THREE = TWO + "[[entity]]\nname = 'EMU'\n"


def shown(legend) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts of the entries the flow lays out and shows, in order (the buttons; not the "more" line, nor the buttons
    put aside at a close: hidden where they stand)."""
    items = [legend.flow.itemAt(k).widget() for k in range(legend.flow.count())]
    return [w.text() for w in items if w is not legend.more and not w.isHidden()]


def test_a_project_of_the_same_labels_takes_the_buttons_put_aside_at_the_close(qtbot):
    from ui.panels.legend import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    legend.show()
    two = sch.parse_schema(TWO)
    legend.set_counts(two, Counter({"CAT": 2}))
    made = dict(legend.buttons)
    assert shown(legend) == ["[c] CAT 2", "DOG 0"]

    legend.set_counts(None, Counter())  # closed
    assert legend.buttons == {} and shown(legend) == []
    assert all(Shiboken.isValid(b) and not b.isVisible() for b in made.values())

    legend.set_counts(sch.parse_schema(TWO + "\n"), Counter({"DOG": 1}))  # another file of the same labels
    assert all(legend.buttons[name] is b for name, b in made.items()) and list(legend.buttons) == ["CAT", "DOG"]
    assert shown(legend) == ["[c] CAT 0", "DOG 1"] and all(b.isVisible() for b in made.values())
    assert made["CAT"].toolTip() == "<qt>a cat</qt>"
    clicked = []
    legend.labelClicked.connect(clicked.append)
    made["DOG"].click()
    assert clicked == ["DOG"]


def test_a_project_of_other_labels_gets_its_own_buttons_and_those_put_aside_go(qtbot):
    from ui.panels.legend import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    legend.show()
    legend.set_counts(sch.parse_schema(TWO), Counter())
    made = list(legend.buttons.values())
    legend.set_counts(None, Counter())
    legend.set_counts(sch.parse_schema(THREE), Counter({"EMU": 3}))
    assert shown(legend) == ["[c] CAT 0", "DOG 0", "EMU 3"]
    assert not any(b in made for b in legend.buttons.values())
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(Shiboken.isValid(b) for b in made)


def test_the_buttons_taken_again_are_laid_out_once_not_once_a_button(qtbot, monkeypatch):
    """Qt lays a shown widget's layout out again at each child shown: the 18 buttons of the news schema shown again at
    an open laid the flow out 18 times (~6 % of a window's close and open in the tests). Now once, and in place."""
    from ui.panels.legend import FlowLayout, Legend
    from ui_support import laid_out

    legend = Legend()
    qtbot.addWidget(legend)
    legend.resize(500, 300)
    with qtbot.waitExposed(legend):
        legend.show()
    news = sch.default_schema()
    legend.set_counts(news, Counter({"ORG": 2}))
    laid_out()
    placed = {name: b.geometry() for name, b in legend.buttons.items()}
    legend.set_counts(None, Counter())  # closed

    laid = []
    do_layout = FlowLayout._do_layout
    monkeypatch.setattr(
        FlowLayout, "_do_layout", lambda self, rect, apply: laid.append(apply) or do_layout(self, rect, apply)
    )
    legend.set_counts(news, Counter({"ORG": 2}))  # the next project of the same labels
    assert len(legend.buttons) >= 10 and laid.count(True) <= 2
    laid_out()
    assert {name: b.geometry() for name, b in legend.buttons.items()} == placed
    assert all(b.isVisible() for b in legend.buttons.values())


def test_a_close_and_an_open_of_the_same_labels_take_no_entry_out_of_the_flow_nor_put_one_in(qtbot, monkeypatch):
    """The buttons put aside stay in the flow, hidden, in their order: the close took each out and the open put each
    in again (Qt's ``removeWidget`` scans the flow's items for each: ~90 scans and 19 adds a GUI test's close and
    open of the news schema). What is laid out and shown is as before."""
    from ui.panels.legend import FlowLayout, Legend
    from ui_support import laid_out

    legend = Legend()
    qtbot.addWidget(legend)
    legend.resize(500, 300)
    with qtbot.waitExposed(legend):
        legend.show()
    news = sch.default_schema()
    legend.set_counts(news, Counter({"ORG": 2}))
    laid_out()
    placed = {name: b.geometry() for name, b in legend.buttons.items()}
    before = shown(legend)

    moved = []
    take_at, add_item = FlowLayout.takeAt, FlowLayout.addItem
    monkeypatch.setattr(FlowLayout, "takeAt", lambda self, i: moved.append(("out", i)) or take_at(self, i))
    monkeypatch.setattr(FlowLayout, "addItem", lambda self, item: moved.append(("in", item)) or add_item(self, item))
    legend.set_counts(None, Counter())  # closed
    laid_out()
    assert shown(legend) == [] and legend.heightForWidth(500) == legend.flow.contentsMargins().top() * 2
    legend.set_counts(news, Counter({"ORG": 2}))  # the next project of the same labels
    laid_out()
    assert moved == []
    assert shown(legend) == before and {name: b.geometry() for name, b in legend.buttons.items()} == placed
