"""Session 40 (helper s40-look, docs/keyboard.md "Session 40 (helper s40-look)"): the event display on a long, dense
events-dev article under Xvfb at 1366x768 and 1920x1080; each test fails on main."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from test_app_screen import attack_with_arguments_on_three_lines, text_rects


def _horizontal_points(path, samples: int = 400) -> list[QPointF]:  # type: ignore[no-untyped-def]
    """Points of a path where it runs level (its horizontal runs: a band or a bracket's top)."""
    out = []
    for i in range(samples + 1):
        t = i / samples
        if abs(path.angleAtPercent(t) % 180) < 1:
            out.append(path.pointAtPercent(t))
    return out


def test_lines_to_fillers_on_other_lines_keep_clear_of_the_labels_tops_and_the_line_above(qtbot, window):
    """s39-look's Left, seen again on a dense article at 1366: the line from "deployed" (Transport) to "fighters" on
    the next line ran 2 px over the tops of "Die", "Attack", "Destination" and "Agent" along its row, just under the
    underlines of the line above, at the very height of the same-line brackets to "Syria" and "group": one line
    through every label's top, which role it led to unreadable. The lines now have a lane of their own: at least
    4 px over every label box they pass, at least 3 px under the text above; the same-line brackets (which skimmed "GPE" and "NORP" between "attacks" and its Target "embassies") run in it too."""
    v, _ = attack_with_arguments_on_three_lines(qtbot, window)
    arcs = v.labels.arcs
    assert len(arcs) == 3
    boxes = [box for box, _, _ in v.labels.boxes]
    lines = text_rects(v)
    levels = []
    for path in arcs:
        level = _horizontal_points(path)
        assert level, path.elementAt(0)
        levels.append(level)
    assert sum(len({round(p.y(), 1) for p in level}) == 1 for level in levels) == 1  # the one same-line bracket
    for level in levels:
        for pt in level:
            for box in boxes:
                if box.left() <= pt.x() <= box.right() and 0 <= box.top() - pt.y() < 12:
                    assert box.top() - pt.y() >= 4, (pt, box)  # over a label's top: a lane's clearance
            for r in lines:
                if r.left() <= pt.x() <= r.right() and 0 <= pt.y() - r.bottom() < 12:
                    assert pt.y() - r.bottom() >= 3, (pt, r)  # under the line above: clear of its underlines
    inks = [QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5) for r in lines]  # and still never across a line of text
    for path in arcs:
        for i in range(201):
            assert not any(r.contains(path.pointAtPercent(i / 200)) for r in inks)


@pytest.mark.slow  # a window of its own: ~2 s
def test_merge_s_red_refusal_is_one_short_line_where_the_line_below_says_the_why(qtbot, tmp_path, monkeypatch):
    """File > Merge at 1366, "main" typed beside alice's file, Merge pressed: the red line over the choice said
    again in two lines what the amber line under it said already ("A set cannot be named 'main': that is the
    project's final set (Review > Adjudicate settles into it); type another name or leave it blank"), squeezing
    the file table. Where the amber line says it, the red one answers the press in one line and points to it."""
    from test_app_s37 import _two_logins_alike
    from test_app_s38 import _dialog_said
    from test_app_s39 import _typing
    from ui_support import close_window, open_window

    team, files = _two_logins_alike(tmp_path)
    w = open_window(qtbot, team, annotator="lead", pipeline=None, size=(1366, 768))
    red: list[tuple[str, bool, int]] = []

    def press_merge(dlg) -> None:  # type: ignore[no-untyped-def]
        dlg.accept()
        line = dlg.refused
        red.append(
            (line.text(), line.isVisibleTo(dlg), line.fontMetrics().horizontalAdvance(line.text()) - line.width())
        )

    try:
        said = _dialog_said(qtbot, monkeypatch, w, files, [_typing(qtbot, 0, "main"), press_merge])
    finally:
        close_window(w)
    assert "cannot be named 'main'" in said[-1], said  # the amber line says the why and the remedy
    text, shown, overflow = red[0]
    assert shown and "main" in text, red
    assert overflow <= 0, red  # one line at the dialog's width (on main: two, 140 px over)
    assert "type another name" not in text, red  # the remedy is the amber line's, not said twice


@pytest.mark.slow  # a window of its own: ~2 s
def test_x_on_an_event_that_took_a_filler_keeps_the_next_suggestion_s_keys_in_sight_at_1366(qtbot, tmp_path):
    """The dense article at 1366: X on the suggested Transport "deployed" took "fighters", made for its Artifact;
    the line read "“deployed” rejected, and with it “fighters” (PERSON), made for its Artifact only (Ctrl+Z brings
    it back) · CARDINAL (suggested): thousands (Enter: accept;…": the next key a newcomer looks for, X, cut. Where
    the whole does not fit, the first part is said short and the next suggestion's keys stay whole."""
    from test_qa_session33 import _creating_with_a_made_org
    from PySide6.QtCore import Qt
    from ui_support import close_window, open_window, window_settled

    path = tmp_path / "m.annotator"
    _creating_with_a_made_org(path)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        c, v = w.controller, w.view
        w.setFixedWidth(1100)  # the line as narrow as the dense article's window left it beside its work-left widget
        window_settled(qtbot, w)
        v.setFocus()
        creating = next(e for e in c.events.values() if e.type == "Business:Start-Org")
        c.select_event(creating.id)
        qtbot.keyClick(v, Qt.Key.Key_X)
        qtbot.waitUntil(lambda: "electricity groups" in w.message.text())
        line = w.message.text()
        assert line.startswith("“creating” rejected with “electricity groups” (ORG)"), line
        assert line.endswith("LOC (suggested): Europe (Enter: accept; X: reject)"), line
        assert w.message.fits(line), (line, w.message.shown_text())  # on main: "… (Enter: accept; X: re…"
    finally:
        close_window(w)


def test_f6_takes_the_keys_to_the_tab_the_person_chose_first(qtbot, window):
    """The dense article decided, the Events tab clicked to read its 34 events, the keys in the text: F6 went to the
    document list, F6 again to the Entities tab, which it showed in place of the Events the person had chosen (its
    list is first in F6's fixed round). F6 now goes to the tab shown first, then the others in turn, then the event
    editor; Shift+F6 from the editor comes back to it last."""
    from PySide6.QtWidgets import QApplication

    w = window
    w.tabs.setCurrentWidget(w.events)  # the tab clicked
    w.view.setFocus()
    seen = []
    for _ in range(6):
        w.focus_pane(1)
        focus = QApplication.focusWidget()
        names = {w.documents.table: "documents", w.entities.table: "entities", w.events.table: "events"}
        names[w.comments.edit] = "comments"
        seen.append(names.get(focus, "editor" if w.event_editor.isAncestorOf(focus) else "text"))
    assert seen == ["documents", "events", "comments", "entities", "editor", "text"], seen
    w.tabs.setCurrentWidget(w.events)
    w.view.setFocus()
    w.focus_pane(-1)  # Shift+F6: the editor
    w.focus_pane(-1)  # the tab shown, last of the round backwards
    assert QApplication.focusWidget() is w.events.table
    assert w.tabs.currentWidget() is w.events
