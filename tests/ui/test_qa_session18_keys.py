"""Session 18's keys pass (docs/keyboard.md, round 11): the Roles box of a seven-role event and the document list at
1366x768, and the keys of deciding one suggestion. Each test works the real window, then reads what it shows or what
the file holds, and failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

TRIP = (
    "The deputy transport minister flew from Warsaw to Brussels on Monday aboard a government jet, "
    "a trip that cost about 40,000 zlotys."
)
TRIP_ROLES = {  # Movement:Transport's seven roles, each filled as seed 004's and 001's are
    "Agent": ("Warsaw", "GPE"),
    "Artifact": ("deputy transport minister", "PERSON"),
    "Vehicle": ("government jet", "PRODUCT"),
    "Price": ("about 40,000 zlotys", "MONEY"),
    "Origin": ("Warsaw", "GPE"),
    "Destination": ("Brussels", "GPE"),
    "Time": ("Monday", "DATE"),
}


def _trip_project(tmp_path):  # type: ignore[no-untyped-def]
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find

    path = tmp_path / "trip.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TRIP, "trip.txt")]).imported[0][1]
        ev = edits.add_event(p, doc, "Movement:Transport", *find(TRIP, "flew")).result_id
        spans: dict[str, int] = {}
        for role, (words, label) in TRIP_ROLES.items():
            if words not in spans:
                spans[words] = edits.add_entity(p, doc, *find(TRIP, words), label).result_id
            edits.add_argument(p, ev, role, spans[words])
    return path, ev


@pytest.mark.parametrize("size", [(1366, 740), (1920, 1050)])
def test_every_role_of_a_seven_role_event_is_in_sight_with_its_key(qtbot, tmp_path, size):
    """Round 10b: the Roles box of a Movement:Transport at 1366x768 needed its scroll bar for its seventh role (Time),
    the filler column wrapping "deputy transport minister" onto lines. Every role's key and name, and each filler, is
    in the editor's view as the window first shows the event, without scrolling."""
    from ui_support import close_window, open_window

    path, ev = _trip_project(tmp_path)
    w = open_window(qtbot, path, size=size)
    try:
        w.size_docks()  # as the window does at start, at its size
        w.edit_actions.select_event(w.controller.events[ev])
        ed = w.event_editor
        qtbot.waitUntil(lambda: len(ed.fill_combos) == 7 and ed.fill_combos[-1].isVisible())
        qtbot.wait(50)
        QApplication.processEvents()
        view = ed.scroll.viewport()
        seen = QRect(0, 0, view.width(), view.height())
        for index, role in enumerate(TRIP_ROLES):
            for widget in ed._group.row_widgets(index):  # its name, its filler, its fill list
                where = QRect(widget.mapTo(view, widget.rect().topLeft()), widget.size())
                assert seen.contains(where), (role, widget, where, seen)
        assert ed.scroll.verticalScrollBar().value() == 0
    finally:
        close_window(w)
