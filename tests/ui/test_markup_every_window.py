"""Issue 9, point 17: data is plain text in every window (Agreement, Adjudication, event editor, main window,
menus), and "&" in data is shown as itself, never taken as a shortcut marker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, Qt as QtGui_Qt  # noqa: F401
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QTabBar, QWidget
from ui_support import close_window, open_window

MARKUP = "<b>bold</b><img src=x>"
SET_A = f"R&D {MARKUP}"
SET_B = "Ops & Co"
TEXT = "R&D hired Mary in Washington"


@pytest.fixture
def team_path(tmp_path: Path) -> Path:
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "A&B team.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TEXT, f"R&D {MARKUP}.txt")]).imported[0][1]
        for name, label in ((SET_A, "ORG"), (SET_B, "GPE")):
            p.annotation_set, p.annotator = name, name
            edits.add_entity(p, doc, 0, 3, label)  # "R&D", labelled differently
            edits.add_entity(p, doc, 10, 14, "PERSON")
        p.annotation_set = "main"
        ent = edits.add_entity(p, doc, 0, 3, "ORG").result_id
        ev = edits.add_event(p, doc, "Personnel:Start-Position", 4, 9).result_id
        edits.add_argument(p, ev, "Entity", ent)
    return path


def problems_in(widget: QWidget) -> list[str]:
    """Labels that could render data as markup, and buttons, tabs, actions whose "&" from data is a mnemonic."""
    found = []
    for lab in [widget, *widget.findChildren(QLabel)] if isinstance(widget, QLabel) else widget.findChildren(QLabel):
        if (
            ("<b>" in lab.text() or "&" in lab.text())
            and lab.textFormat() != Qt.TextFormat.PlainText
            and Qt.mightBeRichText(lab.text())
        ):
            found.append(f"label {lab.text()!r} may render as rich text")
    texts = [b.text() for b in widget.findChildren(QAbstractButton)]
    texts += [bar.tabText(i) for bar in widget.findChildren(QTabBar) for i in range(bar.count())]
    texts += [a.text() for a in widget.findChildren(QAction)]
    for menu in widget.findChildren(QMenu):
        texts += [a.text() for a in menu.actions()]
    for t in texts:
        for data in ("R&D", "Ops & Co", "A&B"):
            if data in t.replace("&&", "\0").replace("\0", "&&") and data.replace("&", "&&") not in t:
                found.append(f"{t!r} shows {data!r} with a shortcut marker")
    return found


def test_agreement_adjudication_event_editor_and_menus_show_data_literally(qtbot, team_path):
    from ui.dialogs.adjudication import open_adjudication
    from ui.dialogs.agreement import open_agreement

    w = open_window(qtbot, team_path, annotator="vera", pipeline=None)
    try:
        c = w.controller
        agreement = open_agreement(w)
        assert agreement is not None
        qtbot.waitUntil(lambda: agreement.result is not None)  # worked out in a worker
        assert agreement.tabs.count() == 1
        assert agreement.tabs.tabText(0) == f"{SET_B} vs {SET_A}".replace("&", "&&")
        adjudication = open_adjudication(w)
        assert adjudication is not None
        ev = next(iter(c.events))
        c.select_event(ev)
        w.settings.add_recent(str(team_path))
        w.fill_recent_menu()
        found = []
        for window in (agreement, adjudication, w):
            found += problems_in(window)
        assert any(b.text() == "R&&D" for b in w.findChildren(QAbstractButton)), "the event editor shows the argument"
        assert any(str(team_path).replace("&", "&&") == a.text() for a in w.recent_menu.actions())
        assert not found, "\n".join(found)
        agreement.close(), adjudication.close()
    finally:
        close_window(w)
