"""Session 11's QA pass (docs/keyboard.md): the app as an annotator meets it, suggestions decided by keys. Each test
failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _selected_doc(window) -> int | None:  # type: ignore[no-untyped-def]
    """The document of the row the list shows selected (the one Enter there opens)."""
    rows = window.documents.table.selectionModel().selectedRows()
    return int(rows[0].data(Qt.ItemDataRole.UserRole)) if rows else None


def test_after_a_filter_the_list_selects_the_open_document_again(qtbot, window):
    """Typing a filter that hid the open document (a.txt) left the match selected, and when the filter was cleared
    that row stayed selected: the list showed b.txt chosen while a.txt was open, and F6, Enter opened b.txt."""
    c, docs = window.controller, window.documents
    qtbot.waitUntil(lambda: window.panels_built)
    opened = c.doc.id
    assert _selected_doc(window) == opened
    docs.search.setFocus()
    qtbot.keyClicks(docs.search, "b.t")  # only b.txt is shown
    assert docs.proxy.rowCount() == 1
    for _ in "b.t":
        qtbot.keyClick(docs.search, Qt.Key.Key_Backspace)  # every document shown again
    assert docs.proxy.rowCount() == 3
    assert _selected_doc(window) == opened
    docs.status.setCurrentIndex(docs.status.findData("in_progress"))  # none is in progress: the list is empty
    docs.status.setCurrentIndex(0)
    assert _selected_doc(window) == opened
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F6)  # the document list
    assert QApplication.focusWidget() is docs.table
    qtbot.keyClick(docs.table, Qt.Key.Key_Return)
    assert c.doc.id == opened  # Enter on the list's row: the document that was open, still open


def test_enter_in_the_filter_opens_the_document_it_found(qtbot, window):
    """Enter in the filter box did nothing: the keys stayed there. It opens the row the list shows selected (the one
    match, or the open document when it is among those shown) and gives the keys to its text."""
    c, docs = window.controller, window.documents
    qtbot.waitUntil(lambda: window.panels_built)
    names = {d["id"]: d["name"] for d in c.project.document_summaries()}
    docs.search.setFocus()
    qtbot.keyClicks(docs.search, "c.t")
    qtbot.keyClick(docs.search, Qt.Key.Key_Return)
    assert names[c.doc.id] == "c.txt"
    assert QApplication.focusWidget() is window.view


def test_find_stays_on_the_toolbar_under_a_larger_font_on_a_small_screen(qtbot, project_path, qapp):
    """Under a 14 pt font on a 1366 px screen the toolbar's last button, Find, went behind Qt's » (the button most
    used of them, on the narrowest screens): the toolbar gives up the buttons the File menu holds first (Open project,
    Import files, Export: each has its key there), and takes them back when there is room."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QToolBar

    from ui_support import close_window, open_window

    was = QFont(qapp.font())
    big = QFont(was)
    big.setPointSizeF(14)
    qapp.setFont(big)
    try:
        w = open_window(qtbot, project_path, size=(1366, 740))
        tb = w.findChild(QToolBar, "main_toolbar")
        find = w.actions_by_name["find"]

        def on_bar(action) -> bool:  # type: ignore[no-untyped-def]
            button = tb.widgetForAction(action)
            return button is not None and button.isVisible() and button.geometry().right() <= tb.width()

        qtbot.waitUntil(lambda: on_bar(find))
        for name in ("accept_all", "new_event", "annotated", "reviewed"):  # the annotator's buttons stay
            assert on_bar(w.actions_by_name[name]), name
        qtbot.mouseClick(tb.widgetForAction(find), Qt.MouseButton.LeftButton)
        assert w.find_bar.isVisible()
        assert w.actions_by_name["open"] not in tb.actions()  # in the File menu, with its key (Ctrl+O)
        w.resize(1900, 740)  # a wider window: every button back
        qtbot.waitUntil(lambda: all(on_bar(w.actions_by_name[k]) for k in ("open", "import_files", "export", "find")))
        close_window(w)
    finally:
        qapp.setFont(was)


VISIT = (
    "Kenyan President Daniel Otieno arrived in Seoul on Monday. Otieno was received at Seoul Air Base before "
    "travelling to Yongsan. Hanjin Mobility will supply 40 electric trains to Kenya Railways."
)


@pytest.fixture
def visit_path(tmp_path):  # type: ignore[no-untyped-def]
    """A document whose events have long type names (Transfer-Ownership, Transfer-Money), as seed 001's have."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    from ui_helpers import find

    def sug(type_: str, word: str, *args: tuple[str, str, str]) -> EventSuggestion:
        parts = tuple(ArgumentSuggestion(role, *find(VISIT, words), label) for role, words, label in args)
        return EventSuggestion(type_, *find(VISIT, word), 0.8, parts)

    path = tmp_path / "visit.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(VISIT, "001_state_visit.txt")]).imported[0][1]
        suggestions = [
            sug(
                "Movement:Transport",
                "arrived",
                ("Artifact", "Daniel Otieno", "PERSON"),
                ("Destination", "Seoul", "GPE"),
            ),
            sug("Transaction:Transfer-Money", "received"),
            sug("Movement:Transport", "travelling"),
            sug("Transaction:Transfer-Ownership", "supply"),
        ]
        with p.db.conn:
            write_events(p, doc, suggestions, "rules:test@1", WriteCounts())
    return path


@pytest.mark.parametrize("points", [0, 14])
def test_the_event_list_keeps_its_arguments_readable(qtbot, qapp, visit_path, points):  # type: ignore[no-untyped-def]
    """At 1366x768 the event list gave Type ("Transfer-Ownership"), Trigger, Missing and State their whole width and
    Arguments what was left: its title read "rguments" and each cell "Artifa…" (under a 14 pt font "ume" and "A…").
    Type and Trigger give up room first (their whole text in the tooltip); Arguments keeps its title and a role
    with the start of its filler."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    from ui_support import event_list_at_1366

    with event_list_at_1366(qtbot, qapp, visit_path, points, events=4) as (w, table):
        hh = table.horizontalHeader()
        title = hh.fontMetrics().horizontalAdvance("Arguments") + 2 * table.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin, None, hh
        )
        role = QFontMetrics(table.font()).horizontalAdvance("Artifact: Daniel")

        def readable() -> bool:  # once the dock has its width (the tab is laid out after it is shown)
            shown = sum(table.columnWidth(i) for i in range(table.model().columnCount()))
            return table.columnWidth(2) >= max(title, role) and shown <= table.viewport().width()

        qtbot.waitUntil(readable)  # its title and a role with the start of its filler; State in sight, no scrolling
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # ] to the first event: the list follows
        assert table.selectionModel().selectedRows()[0].row() == 0


@pytest.fixture
def meet_path(project_path):  # type: ignore[no-untyped-def]
    """The GUI project with a suggested Contact:Meet on a.txt's "met", its Entity the two people around it."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    from ui_helpers import find
    from ui_support import DOC_A

    with Project(project_path, annotator="setup") as p:
        doc = next(d["id"] for d in p.document_summaries() if d["name"] == "a.txt")
        people = tuple(ArgumentSuggestion("Entity", *find(DOC_A, w), "PERSON") for w in ("Maria Lopez", "John Smith"))
        with p.db.conn:
            write_events(
                p, doc, [EventSuggestion("Contact:Meet", *find(DOC_A, "met"), 0.8, people)], "rules:t@1", WriteCounts()
            )
    return project_path


def test_after_a_rejection_is_redone_a_role_key_does_not_fill_the_hidden_event(qtbot, meet_path):
    """X on a suggested event, Ctrl+Z, Ctrl+Shift+Z: the redo selected the rejected event (hidden in the text) and the
    editor showed it as if it were there; Alt+1 then filled its Entity: the file held a rejected event with an
    argument, and its filler accepted. After the redo nothing is selected (as after X), and a rejected event takes no
    role."""
    from annotator.store import Project

    from ui_support import close_window, open_window

    w = open_window(qtbot, meet_path)
    c, v = w.controller, w.view
    qtbot.waitUntil(lambda: w.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_BracketRight)  # ] to the event
    meet = c.current_event
    assert c.events[meet].type == "Contact:Meet"
    qtbot.keyClick(v, Qt.Key.Key_X)
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert c.events[meet].state == "rejected"
    assert c.current_event != meet
    qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    close_window(w)
    with Project(meet_path, create=False) as p:
        doc = next(d["id"] for d in p.document_summaries() if d["name"] == "a.txt")
        (event,) = p.events(doc)
        assert event.state == "rejected" and event.arguments == ()
        assert {e.state for e in p.entities(doc) if e.label == "PERSON"} == {"suggested"}


def test_e_on_a_suggestion_without_alternatives_offers_its_words_other_type_first(qtbot, window, db):
    """E on a suggested event that came without alternatives ("fired" as Conflict:Attack) opened the picker on the
    type it has: Enter there kept it (as Enter on the event does), and the word's other type (Personnel:End-Position,
    from the schema's trigger words) took Down first. The word's other types come first, its own type after them:
    E, Enter changes the type."""
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events
    from test_events import pick_in_dialog

    from ui_helpers import find
    from ui_support import DOC_A

    d = db.document_ids()[0]
    with db.transaction():
        write_events(
            db, d, [EventSuggestion("Conflict:Attack", *find(DOC_A, "fired"), 0.6)], "rules:t@1", WriteCounts()
        )
    w, c = window, window.controller
    c.reload()
    qtbot.waitUntil(lambda: len(c.events) == 1)
    ev_id = next(iter(c.events))
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # ] to the event
    assert c.current_event == ev_id
    pick_in_dialog(qtbot, "")  # Enter at once: the type the picker offers first
    qtbot.keyClick(w.view, "e")
    assert db.event(ev_id).type == "Personnel:End-Position"
    assert db.event(ev_id).state == "accepted"


def test_ctrl_page_down_and_up_move_between_documents_as_the_list_shows_them(qtbot, window, db):
    """Going to another document without marking this one took F6, the arrows, Enter (and the keys were then in the
    list's order only while it had them). Ctrl+PgDown / Ctrl+PgUp open the next / previous document of the list as
    it is sorted and filtered, the keys staying in the text; past either end the status line says so and the
    document stays. Nothing is marked."""
    c, v, docs = window.controller, window.view, window.documents
    qtbot.waitUntil(lambda: window.panels_built)
    names = {d["id"]: d["name"] for d in c.project.document_summaries()}
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert names[c.doc.id] == "b.txt"
    assert QApplication.focusWidget() is v
    qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # c.txt is the last
    assert names[c.doc.id] == "c.txt"
    assert "last document" in window.message.text()
    qtbot.keyClick(v, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert names[c.doc.id] == "b.txt"
    docs.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # c, b, a: the list's order is the keys' order
    qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert names[c.doc.id] == "a.txt"
    docs.search.setText("c.t")  # only c.txt shown: from a.txt (hidden) to the first shown
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert names[c.doc.id] == "c.txt"
    assert {db.document(i).status for i in names} == {"new"}


def test_accept_all_suggestions_takes_the_events_too(qtbot, meet_path):
    """Ctrl+Shift+A (the toolbar's "Accept all suggestions", "every undecided suggestion in this document") accepted
    the entity suggestions only: the suggested events stayed undecided and the status line went on counting them,
    without a word of why. It accepts events and entities alike, in one step that one Ctrl+Z takes back."""
    from annotator.store import Project

    from ui_support import close_window, open_window

    w = open_window(qtbot, meet_path)
    c, v = w.controller, w.view
    qtbot.waitUntil(lambda: w.panels_built)
    v.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(v, Qt.Key.Key_A, ctrl_shift)
    doc = c.doc.id
    with Project(meet_path, create=False) as p:
        assert {v.state for v in p.events(doc)} == {"accepted"}
        assert {e.state for e in p.entities(doc)} == {"accepted"}
    assert "accepted" in w.message.text()
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    close_window(w)
    with Project(meet_path, create=False) as p:
        assert {v.state for v in p.events(doc)} == {"suggested"}
        assert {e.state for e in p.entities(doc)} == {"suggested"}


def test_delete_says_what_it_took_out(qtbot, meet_path):
    """Delete on a span or an event said nothing (Enter and X show the next item): after a span went, the status line
    described the event still shown in the editor. It says what was deleted and that Ctrl+Z puts it back."""
    from annotator.store import Project

    from ui_support import close_window, open_window

    w = open_window(qtbot, meet_path)
    c, v = w.controller, w.view
    qtbot.waitUntil(lambda: w.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_BracketRight)  # ] to the event
    qtbot.keyClick(v, Qt.Key.Key_Tab)  # on to a span, the event still in the editor
    span = c.entities[c.current_entity]
    words = c.span_text(span.start, span.end)
    qtbot.keyClick(v, Qt.Key.Key_Delete)
    said = w.message.text()  # (session 12: with the argument it filled, which went with it)
    assert f"{span.label} “{words}” deleted, and with it Entity of “met” (Ctrl+Z puts them back)" in said, said
    c.select_entity(None)
    qtbot.keyClick(v, Qt.Key.Key_BracketRight)
    qtbot.keyClick(v, Qt.Key.Key_Delete)
    assert "Contact:Meet “met” deleted (Ctrl+Z puts it back)" in w.message.text()
    doc = c.doc.id
    close_window(w)
    with Project(meet_path, create=False) as p:
        assert p.events(doc) == [] and span.id not in {e.id for e in p.entities(doc)}
