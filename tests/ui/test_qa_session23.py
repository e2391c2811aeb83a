"""A first hour, session 23 (docs/reliability.md, round 15, session 23): the file never loses a keystroke while another
program writes. Round 14 held a kept decision as made; the keys after it on the same span or event (a resize, a
relabel, a deletion) named the row as the file had it before the decision, or before the kept edit just made, and a
second one of them was refused when it landed: the keystroke lost. Each test reads the file after the lock goes."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from ui_support import close_window, file_rows, let_go_and_land, locked, window_on_its_event

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
WIDEN = (Qt.Key.Key_Right, CTRL | SHIFT)  # the span's end a token on
ORG_KEY, DELETE = (Qt.Key.Key_2, NONE), (Qt.Key.Key_Delete, NONE)


@pytest.mark.parametrize(
    ("keys", "expect"),
    [
        ([WIDEN, WIDEN], (0, 20, "PERSON", "accepted")),  # "Maria Lopez met John"
        ([WIDEN, ORG_KEY], (0, 15, "ORG", "accepted")),
        ([WIDEN, DELETE], None),
    ],
    ids=["widened-twice", "widened-relabelled", "widened-deleted"],
)
def test_keys_on_a_span_after_its_kept_accept_all_reach_the_file(qtbot, window, project_path, keys, expect):
    """Tab, Enter on "Maria Lopez" while another program writes (kept), the span clicked again, then two keys on it: the
    file holds both once the lock goes, and the window shows each as made meanwhile. On main the second key named the
    span as the file had it ([0, 11), the resize kept but not shown) and was refused when it landed ("the PERSON span
    [0, 11) was changed elsewhere (now PERSON [0, 15), accepted); nothing was changed"); a label key was refused at
    once ("This span's decision … is kept already … nothing more was kept")."""
    w, c = window, window.controller
    refused: list[str] = []
    c.failed.connect(refused.append)
    other = locked(project_path)
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_Tab)
        span = c.current_entity
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # kept: on to the next
        c.select_entity(span)  # clicked again
        qtbot.keyClick(w.view, *keys[0])
        widened = c.entities.get(span)
        qtbot.keyClick(w.view, *keys[1])
        shown = c.entities.get(span)
        waiting = c.edits_waiting()
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 3  # was 2 with the label key: refused as "kept already"
    rows = file_rows(project_path, f"SELECT start, end, label, state FROM entities WHERE id = {span}")
    assert rows == ([expect] if expect else [])  # was [(0, 15, 'PERSON', 'accepted')]: the second key lost
    assert refused == []  # was: "… was changed elsewhere …; nothing was changed"
    assert widened is not None and (widened.start, widened.end) == (0, 15)  # was (0, 11): shown once it landed
    assert (shown and (shown.start, shown.end, shown.label, shown.state)) == (expect and expect)  # as it was shown


def test_a_kept_accept_of_an_event_shows_the_spans_its_arguments_fill_accepted(qtbot, tmp_path):
    """Enter on a suggested event while another program writes: the event was shown accepted (session 22) but the
    entity suggestions its arguments fill, which accepting it accepts, stayed "suggested" (drawn so, counted in
    "Left: n undecided", reached by Tab) until it landed."""
    from ui_support import suggested_court_fine

    path = tmp_path / "fined.annotator"
    suggested_court_fine(path)
    w, ev = window_on_its_event(qtbot, path)
    try:
        c = w.controller
        (court,) = [e.id for e in c.entities.values() if e.label == "ORG"]
        before = w.undecided_count()
        other = locked(path)
        try:
            qtbot.keyClick(w.view, Qt.Key.Key_Return)
            assert c.edits_waiting() == 1 and c.events[ev.id].state == "accepted"
            shown = c.entities[court].state
            left = w.undecided_count()
            model = w.entities.model
            qtbot.waitUntil(lambda: model.data(model.index(model.row_of(court), 2)) == "accepted ⏳")  # not saved yet
            qtbot.waitUntil(lambda: w.event_editor.state_label.text().endswith("⏳"))  # the editor's State row too
        finally:
            let_go_and_land(qtbot, c, other)
        qtbot.waitUntil(lambda: w.event_editor.state_label.text() == "accepted; score 0.60")  # saved: no mark
        assert shown == "accepted"  # was "suggested"
        assert left == before - 2  # the event and its filler; was before - 1
        assert file_rows(path, f"SELECT state FROM entities WHERE id = {court}") == [("accepted",)]
        assert c.entities[court].state == "accepted"
    finally:
        close_window(w)


def test_keys_on_an_event_after_its_kept_accept_all_reach_the_file(qtbot, tmp_path):
    """The event's trigger moved twice after its kept accept (Ctrl+Shift+Right, twice): the file holds both moves; on
    main the second named the trigger as the file had it and was refused when it landed."""
    from ui_helpers import find
    from ui_support import suggested_court_fine

    path = tmp_path / "fined.annotator"
    text = suggested_court_fine(path)
    w, ev = window_on_its_event(qtbot, path)
    refused: list[str] = []
    try:
        c = w.controller
        c.failed.connect(refused.append)
        other = locked(path)
        try:
            qtbot.keyClick(w.view, Qt.Key.Key_Return)
            c.select_event(ev.id)  # clicked again
            qtbot.keyClick(w.view, *WIDEN)
            qtbot.keyClick(w.view, *WIDEN)
            shown = c.events[ev.id]
            waiting = c.edits_waiting()
        finally:
            let_go_and_land(qtbot, c, other)
        rows = file_rows(path, f"SELECT trigger_start, trigger_end, state FROM events WHERE id = {ev.id}")
        assert waiting == 3
        assert rows == [(*find(text, "fined him 500"), "accepted")]  # was "fined him": the second move lost
        assert refused == []  # was: "the Justice:Fine event at [15, 20) was changed elsewhere …"
        assert (shown.trigger_start, shown.trigger_end) == find(text, "fined him 500")
    finally:
        close_window(w)


def test_the_open_of_a_project_on_a_network_share_says_what_cannot_be_seen(qtbot, project_path, tmp_path, monkeypatch):
    """Another user's open is named from this machine's table of locks: on an NFS or SMB share a program on another
    machine that has the file open is in no table here, and nothing was said at all. The open says the file is on a
    share, that such an open is not seen, and that two machines writing it can damage it."""
    from ui_support import open_window

    table = tmp_path / "mounts"
    point = str(project_path.parent).replace(" ", "\\040")  # as the table writes a space in a path
    table.write_text(f"/dev/root / ext4 rw 0 0\nserver:/export {point} nfs4 rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr("annotator.filesystems.MOUNTS", str(table))
    w = open_window(qtbot, project_path)
    try:
        said = w.message.text()
    finally:
        close_window(w)
    assert said.startswith("On a network share (nfs4): an open on another machine is not seen here"), said


def test_ctrl_enter_while_another_program_writes_moves_on_to_the_next_document(qtbot, window, project_path):
    """Ctrl+Enter ("Accept the rest and mark annotated") with another program writing kept the mark and stayed on
    the document, shown undecided and "new": nothing said it was done, and a second Ctrl+Enter kept a second mark. A
    mark kept is one made: on to the next document, as when it is written; the file has it once the lock goes."""
    w, c = window, window.controller
    w.settings.set("accept_rest_without_asking", True)  # the question answered once with its box ticked
    first = c.doc.id
    other = locked(project_path)
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_Return, CTRL)
        now = c.doc.id
        waiting = c.edits_waiting()
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 1
    assert now != first  # was: the same document
    assert file_rows(project_path, f"SELECT status FROM documents WHERE id = {first}") == [("annotated",)]
    states = file_rows(project_path, f"SELECT DISTINCT state FROM entities WHERE document_id = {first}")
    assert states == [("accepted",)]
