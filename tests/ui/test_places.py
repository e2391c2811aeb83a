"""Where the person was in a document (ui/places.py): the caret and the view come back at a reopen of the project
(closed, or killed: written a moment after each move, no clean close needed) and at a document opened again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from ui_support import close_window, open_window

PARAGRAPH = "Officials in Nairobi said the talks with Seoul would go on next week, the ministry added. " * 3


def _project(tmp_path: Path, name: str = "p.annotator") -> Path:
    """Two documents long enough to scroll (80 paragraphs each) and a short one."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    long_text = "\n".join(f"{k}. {PARAGRAPH}" for k in range(80))
    path = tmp_path / name
    with Project(path, annotator="tester") as p:
        import_documents(
            p,
            [
                IncomingDocument(long_text, "a.txt"),
                IncomingDocument(long_text.replace("Seoul", "Busan"), "b.txt"),
                IncomingDocument("A short one.", "c.txt"),
            ],
        )
    return path


def _where(w) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(document id, caret, the first character in view). Not the scroll bar's value: it counts the lines laid out,
    and a new window has not laid out those above the view. (On main before, no ``top_cp``: the character at the
    view's corner, the same but for the room above the first line.)"""
    v = w.view
    top = v.top_cp() if hasattr(v, "top_cp") else v.to_cp(v.cursorForPosition(QPoint(0, 30)).position())
    return w.controller.doc.id, v.caret_cp(), top


def _page_down(qtbot, w, times: int) -> None:  # type: ignore[no-untyped-def]
    w.view.setFocus()
    for _ in range(times):
        qtbot.keyClick(w.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(w.view, Qt.Key.Key_Down)  # the caret off the page's edge line


def _quick(w) -> None:  # type: ignore[no-untyped-def]
    if hasattr(w, "places"):  # (main before: no such memory, the test fails on what the reopen shows)
        w.places.timer.setInterval(20)  # the moment after the last move, short for the test


def test_closed_and_reopened_the_document_shows_the_caret_and_the_view_where_they_were(qtbot, tmp_path):
    # main kept the caret of a clean close but showed it as a jump does (centred): the view moved under the person
    path = _project(tmp_path)
    w = open_window(qtbot, path)
    _page_down(qtbot, w, 6)
    left = _where(w)
    assert left[1] > 2000 and left[2] > 0
    w.close()  # the window closed as a person closes it
    w2 = open_window(qtbot, path)
    try:
        assert _where(w2) == left
    finally:
        close_window(w2)


def test_killed_without_a_close_the_reopen_shows_where_the_caret_was(qtbot, tmp_path):
    # kill -9 after moving in the text: main had written the place only when the document opened (its caret 0)
    from ui.settings import make_qsettings

    path = _project(tmp_path)
    w = open_window(qtbot, path)
    _quick(w)
    _page_down(qtbot, w, 5)
    left = _where(w)
    on_disk = f"{left[0]}:{left[1]}"  # the preferences file read again, as another run reads it
    qtbot.waitUntil(lambda: str(make_qsettings().value(f"places/{path.resolve()}")).startswith(on_disk), timeout=20_000)
    w2 = open_window(qtbot, path)  # another run reading the file as it is now: no close of the first one came
    try:
        assert _where(w2) == left
    finally:
        close_window(w2)
        close_window(w)


def test_a_document_opened_again_shows_where_it_was_left_and_a_new_one_its_top(qtbot, tmp_path):
    path = _project(tmp_path)
    w = open_window(qtbot, path)
    try:
        a, b, _c = w.controller.project.document_ids()
        _page_down(qtbot, w, 4)
        in_a = _where(w)
        w.open_document(b)
        assert _where(w) == (b, 0, 0)  # never opened: its top, Tab's first suggestion next
        _page_down(qtbot, w, 2)
        in_b = _where(w)
        w.open_document(a)
        assert _where(w) == in_a
        w.open_document(b)
        assert _where(w) == in_b
    finally:
        close_window(w)


@pytest.mark.parametrize("value", ["{c}:5000", "{c}:5000:4000"])  # session 6's value; with the view's top
def test_a_place_past_the_end_of_a_shorter_text_is_its_end(qtbot, tmp_path, value):
    path = _project(tmp_path)
    w = open_window(qtbot, path)
    try:
        _a, _b, c = w.controller.project.document_ids()
        w.controller.close_project()
        w.settings.q.setValue(f"places/{path.resolve()}", value.format(c=c))  # kept when the text was longer
        assert w.open_project(path)
        assert _where(w) == (c, len("A short one."), 0)
    finally:
        close_window(w)


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("3:120", {3: (120, None)}),  # session 6's value, no top
        ("3:120:80 1:0:0 3:5:5", {3: (120, 80), 1: (0, 0)}),  # the most recent first, a repeat ignored
        ("x 4:-1:0 2:7:1:9 5:10:2", {5: (10, 2)}),  # what does not read is skipped
        (None, {}),
    ],
)
def test_stored_places_read(value, read):
    from ui.places import read_places, write_places

    places = read_places(value)
    assert {d: (p.caret, p.top) for d, p in places.items()} == read
    assert read_places(write_places(places)) == places


def test_at_most_kept_places_a_project_the_most_recent(qtbot):
    from ui.places import KEPT, Place, read_places, write_places

    places = {d: Place(d, d) for d in range(KEPT + 10, 0, -1)}
    assert list(read_places(write_places(places))) == list(range(KEPT + 10, 10, -1))


def test_a_narrower_text_keeps_the_words_of_its_first_line_in_view(qtbot, tmp_path):
    # seen reopening under Xvfb: the docks laid out after the text narrowed it, and Qt kept the first line's number,
    # which the new wrapping gave to words 2,400 characters further on (so did a window made narrower after a jump)
    path = _project(tmp_path)
    w = open_window(qtbot, path)
    try:
        w.view.show_cp(len(w.controller.doc.text) * 2 // 3)  # a jump (Tab, Find, ]): the lines above not laid out
        top, wide = _where(w)[2], w.view.viewport().width()
        w.resize(w.width() - 300, w.height())
        qtbot.waitUntil(lambda: w.view.viewport().width() < wide)
        now = _where(w)[2]
        assert now <= top < now + 200, (top, now)  # the line that holds them is the first (a line: ~70 characters)
    finally:
        close_window(w)


def test_an_undo_in_a_document_left_shows_what_it_undid_not_the_place(qtbot, tmp_path):
    # the undo opens the document of its edit and selects what it changed: that wins over where the caret was left
    path = _project(tmp_path)
    w = open_window(qtbot, path)
    try:
        a, b, _c = w.controller.project.document_ids()
        text = w.controller.doc.text
        start = text.index("Nairobi", len(text) // 2)
        w.view.setFocus()
        w.view.select_cp(start, start + len("Nairobi"))
        qtbot.keyClick(w.view, "3")  # GPE
        (span,) = w.controller.entities.values()
        w.view.show_cp(10)  # the caret left near the top
        w.open_document(b)
        w.controller.undo_stack.undo()
        assert w.controller.doc.id == a and not w.controller.entities
        assert abs(w.view.caret_cp() - span.start) < 20, (w.view.caret_cp(), span.start)
    finally:
        close_window(w)


def test_a_project_moved_while_closed_reopens_where_it_was_left(qtbot, tmp_path):
    """Session 28's lead, seen in session 29 under Xvfb: w3.annotator left at 001, closed, `mv w3.annotator
    w4.annotator`, opened: its first document, 000, at the top (the places are kept by the file's name). The file is the
    same one (its device and inode): its places follow it; a copy of it (another file) starts afresh."""
    import os
    import shutil

    path = _project(tmp_path)
    w = open_window(qtbot, path)
    _a, b, _c = w.controller.project.document_ids()
    w.open_document(b)
    _page_down(qtbot, w, 3)
    left = _where(w)
    w.close()
    (tmp_path / "elsewhere").mkdir()
    moved = tmp_path / "elsewhere" / "q.annotator"  # renamed and moved to another folder
    shutil.copyfile(path, tmp_path / "copy.annotator")  # a copy made before the move: another file
    os.rename(path, moved)
    w2 = open_window(qtbot, moved)
    try:
        assert _where(w2) == left
    finally:
        close_window(w2)
    w3 = open_window(qtbot, tmp_path / "copy.annotator")
    try:
        assert _where(w3)[:2] == (w3.controller.project.document_ids()[0], 0)
    finally:
        close_window(w3)
