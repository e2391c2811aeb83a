"""Session 12's QA pass (docs/keyboard.md): the app as an annotator meets it, round 4. Each test failed on main
before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from test_qa_session11 import meet_path, visit_path  # noqa: F401 - fixtures: a suggested Meet; seed 001's Transfer types
from ui_support import window_settled

CTRL = Qt.KeyboardModifier.ControlModifier


def answer_with_enter() -> None:
    """The question Ctrl+Enter asks about undecided suggestions, answered by its default (Enter), once it is open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if box is None:  # not open yet
            QTimer.singleShot(20, press)
            return
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)


def test_ctrl_enter_keeps_to_the_documents_the_filtered_list_shows(qtbot, project_path):
    """With the list filtered to the new documents (a.txt and c.txt; b.txt in progress), Ctrl+Enter on a.txt opened
    b.txt, the next not done by id, which the list had no row for. It opens the next the list shows, and on the last
    one shown it stays and says that the filter hides the one left."""
    from annotator.edits import set_status
    from annotator.store import Project

    from ui_support import close_window, open_window

    with Project(project_path, annotator="setup") as p:
        ids = {d["name"]: d["id"] for d in p.document_summaries()}
        with p.transaction():
            set_status(p, ids["b.txt"], "in_progress")
    w = open_window(qtbot, project_path, size=(1400, 900))
    c, v, docs = w.controller, w.view, w.documents
    qtbot.waitUntil(lambda: w.panels_built and docs.proxy.rowCount() == 3)
    assert c.doc.id == ids["a.txt"]
    docs.status.setCurrentIndex(docs.status.findData("new"))  # a.txt and c.txt
    assert docs.proxy.rowCount() == 2
    v.setFocus()
    answer_with_enter()
    qtbot.keyClick(v, Qt.Key.Key_Return, CTRL)
    assert c.doc.id == ids["c.txt"]
    w.activateWindow()  # offscreen, the window is not made active again after the question by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(v, Qt.Key.Key_Return, CTRL)  # c.txt has no suggestion: no question
    assert c.doc.id == ids["c.txt"]  # b.txt is not done, but the filter hides it: the document stays
    said = w.message.text()
    assert "1 document not done hidden by its filter" in said, said
    close_window(w)
    with Project(project_path, create=False) as p:
        statuses = {d["name"]: d["status"] for d in p.document_summaries()}
    assert statuses == {"a.txt": "annotated", "b.txt": "in_progress", "c.txt": "annotated"}


def shown_text(table, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    """A cell's text as the list draws it: its delegate's, elided by the view to the cell's room as Qt paints it."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    index = table.model().index(row, col)
    opt = QStyleOptionViewItem()
    opt.widget, opt.rect, opt.font = table, table.visualRect(index), table.font()
    table.itemDelegateForIndex(index).initStyleOption(opt, index)
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return QFontMetrics(opt.font).elidedText(opt.text, Qt.TextElideMode.ElideRight, opt.rect.width() - 2 * margin)


@pytest.mark.parametrize("points", [0, 14])
def test_the_event_list_tells_transfer_types_apart_when_narrow(qtbot, qapp, visit_path, points):  # type: ignore[no-untyped-def]  # noqa: F811
    """Where Arguments needs the room (1366x768), Type gave up its width and Transaction:Transfer-Ownership and
    Transfer-Money both read "Transfer-…": the list could not tell them apart. A type elided keeps a start and an end
    that no other type shown has both of ("Tran…Money", "Tran…rship")."""
    from ui_support import event_list_at_1366

    with event_list_at_1366(qtbot, qapp, visit_path, points, events=4) as (w, table):
        types = {w.events.cell(r, 0): shown_text(table, r, 0) for r in range(4)}
        # whole at 1366 since session 22 (the Missing column folded into Arguments gave Type its room); elided,
        # each still read as its own type (the elided case: test_elide_unique_keeps_a_start_and_an_end_...)
        for whole, shown in types.items():  # each could be read as its own type only
            start, _, end = shown.partition("…")
            assert [t for t in types if t.startswith(start) and t.endswith(end)] == [whole], types


def test_elide_unique_keeps_a_start_and_an_end_no_other_text_has():
    from ui.elided import elide_unique

    types = {"Transfer-Money", "Transfer-Ownership", "Transport", "Start-Position", "End-Position"}
    width = 7.0  # pixels a character

    def advance(s: str) -> float:
        return width * len(s)

    for room in (35, 56, 70, 90):
        for t in types:
            shown = elide_unique(t, types, room, advance)
            assert advance(shown) <= room
            start, _, end = shown.partition("…")
            assert [u for u in types if u.startswith(start) and u.endswith(end)] == [t], (room, shown)
    assert elide_unique("Transfer-Money", types, 70, advance) == "Tran…Money"  # "…" near the middle
    assert elide_unique("Meet", types, 70, advance) == "Meet"  # fits: whole


def test_agreement_on_a_project_without_annotators_sets_says_why_in_a_line(qtbot, window):
    """Review > Agreement between annotators… on a project of one annotator opened a 900x600 window holding one
    line ("agreement needs two annotation sets or more; …") over an empty area, the keys in it. The refusal is said
    in the status line, no window opens, and the keys stay in the text."""
    from ui.dialogs.agreement import AgreementWindow

    qtbot.waitUntil(lambda: window.panels_built)
    window.view.setFocus()
    window.actions_by_name["agreement"].trigger()
    window_settled(qtbot, window)  # a window that opened would be shown by now
    assert not [d for d in window.findChildren(AgreementWindow) if d.isVisible()]
    said = window.message.text()
    assert said.startswith("Agreement needs two annotation sets or more; the project has none"), said
    assert QApplication.focusWidget() is window.view


def answer_modals(*answers) -> list[str]:  # type: ignore[no-untyped-def]
    """Each modal dialog, as it opens, answered by the next of ``answers`` (a function of the dialog); returns the
    class names of the dialogs met, in order."""
    met: list[str] = []
    left = list(answers)
    handled: list[object] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box not in handled and box.isVisible():
            handled.append(box)
            met.append(type(box).__name__)
            left.pop(0)(box)
        if left:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return met


def test_mark_reviewed_lists_what_accepting_the_rest_breaks(qtbot, project_path):
    """Mark reviewed listed the problems of the decided items, then asked about the undecided suggestions: "Accept
    the rest and mark reviewed" accepted a suggested Contact:Meet without its required Entity and marked the
    document reviewed without a word (seed 001: "fly" and "returning" without their Artifact). What accepting the
    rest breaks is listed before it is done; Escape there leaves the document as it was."""
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    from ui_helpers import find
    from ui_support import DOC_A, close_window, open_window

    with Project(project_path, annotator="setup") as p:
        doc = next(d["id"] for d in p.document_summaries() if d["name"] == "a.txt")
        with p.db.conn:
            write_events(
                p, doc, [EventSuggestion("Contact:Meet", *find(DOC_A, "met"), 0.8)], "rules:t@1", WriteCounts()
            )
    w = open_window(qtbot, project_path)
    qtbot.waitUntil(lambda: w.panels_built)
    w.view.setFocus()
    met = answer_modals(
        lambda box: QTest.keyClick(box, Qt.Key.Key_Return),  # the undecided question: accept the rest
        lambda box: QTest.keyClick(box, Qt.Key.Key_Escape),  # the problems: not reviewed after all
    )
    qtbot.keyClick(w.view, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(met) == 2 or w.controller.doc.status == "reviewed", timeout=20_000)
    assert met == ["QMessageBox", "ProblemsDialog"], met
    close_window(w)
    with Project(project_path, create=False) as p:
        assert p.document(doc).status != "reviewed"
        assert {v.state for v in p.events(doc)} == {"suggested"}


def test_a_click_on_the_comments_tab_gives_its_box_the_keys(qtbot, window, db):
    """A click on the Comments tab left the keys in the text: the comment typed next acted there as keys ("ok": "o"
    relabelled the selected span ORDINAL and accepted it). The box has the keys; Enter adds the comment."""
    from ui_helpers import entity_rows

    c, v = window.controller, window.view
    qtbot.waitUntil(lambda: window.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_Tab)  # a suggestion selected, as the annotator leaves it
    assert c.current_entity is not None
    before = entity_rows(db, c.doc.id)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.tabs.currentWidget() is window.comments
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.comments.edit)
    typed_in = QApplication.focusWidget()  # where the keys are after the click
    qtbot.keyClicks(typed_in, "ok")
    qtbot.keyClick(typed_in, Qt.Key.Key_Return)
    assert entity_rows(db, c.doc.id) == before  # nothing relabelled, nothing decided
    assert [m.text for m in db.comments(c.doc.id)] == ["ok"]
    assert typed_in is window.comments.edit


def test_find_says_not_found_only_of_the_search_it_made(qtbot, window):
    """Find "zzz" said "not found"; Escape, Ctrl+PgDown to the next document and Ctrl+F showed "not found" beside the
    words before any search there (and while other words were typed)."""
    c, v, bar = window.controller, window.view, window.find_bar
    qtbot.waitUntil(lambda: window.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.edit, "zzz")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.info.text() == "not found"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    first = c.doc.id
    qtbot.keyClick(v, Qt.Key.Key_PageDown, CTRL)
    assert c.doc.id != first
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    assert bar.info.text() == "not found"  # the words kept, searched again here (session 13): this document's
    qtbot.keyClicks(bar.edit, "q")  # over the words selected: not here either
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.info.text() == "not found"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Backspace)
    assert bar.info.text() == ""  # other words, not searched yet


def test_settings_refuses_a_pipeline_that_is_not_installed_before_keeping_it(qtbot, window):
    """Settings took any spaCy pipeline name ("en_core_nonexist") without a word; only the pre-annotation that used
    it said it was not installed. OK now says so in the dialog, which stays open with the name selected; Escape keeps
    the pipeline as it was."""
    from ui.dialogs.settings import SettingsDialog

    was = window.settings.pipeline
    seen: list[tuple[bool, str]] = []

    def type_bad_name(box) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(box, SettingsDialog)
        box.pipeline.setFocus()
        box.pipeline.selectAll()
        QTest.keyClicks(box.pipeline, "en_core_nonexist")
        QTest.keyClick(box.pipeline, Qt.Key.Key_Return)  # OK
        problem = getattr(box, "problem", None)
        seen.append((box.isVisible(), problem.text() if problem is not None else ""))
        if box.isVisible():
            QTest.keyClick(box, Qt.Key.Key_Escape)

    met = answer_modals(type_bad_name)
    qtbot.waitUntil(lambda: window.panels_built)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Comma, CTRL)
    assert met == ["SettingsDialog"]
    ((still_open, said),) = seen
    assert still_open and window.settings.pipeline == was
    assert said.startswith("spaCy pipeline 'en_core_nonexist' is not installed or not found"), said
    assert window.settings.pipeline == was


def test_delete_on_a_span_says_the_arguments_that_went_with_it(qtbot, meet_path):  # noqa: F811
    """Delete on "John Smith", an Entity of the accepted Contact:Meet on "met", said "PERSON “John Smith” deleted
    (Ctrl+Z puts it back)" and no more: the argument went with it, the event was left without it, seen only in the
    event list's Missing column when the span was its only filler. The status line names what went with it."""
    from annotator.store import Project

    from ui_helpers import click_char, find
    from ui_support import DOC_A, close_window, open_window

    w = open_window(qtbot, meet_path)
    c, v = w.controller, w.view
    qtbot.waitUntil(lambda: w.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_BracketRight)  # ] to the event
    qtbot.keyClick(v, Qt.Key.Key_Return)  # accepted, with its two people
    click_char(qtbot, v, find(DOC_A, "John Smith")[0])
    assert c.entities[c.current_entity].label == "PERSON"
    qtbot.keyClick(v, Qt.Key.Key_Delete)
    said = w.message.text()
    assert "PERSON “John Smith” deleted, and with it Entity of “met” (Ctrl+Z puts them back)" in said, said

    def fillers() -> list[str]:
        with Project(meet_path, create=False) as p:
            doc = next(d["id"] for d in p.document_summaries() if d["name"] == "a.txt")
            (event,) = p.events(doc)
            people = {e.id: DOC_A[e.start : e.end] for e in p.entities(doc)}
            return sorted(people[a.entity_id] for a in event.arguments)

    assert fillers() == ["Maria Lopez"]
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert fillers() == ["John Smith", "Maria Lopez"]  # as the message says
    close_window(w)


def test_a_counts_only_the_places_it_labels(qtbot, tmp_path):
    """A on "market" said "FAC on 3 more places (to decide)" when one of the three was a FAC suggestion already (the
    core leaves it as it is): 2 were added. It counts those it adds and says the others are FAC already."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    from ui_support import close_window, open_window

    text = "The market burned. A second market stood. The market reopened."
    places = [i for i in range(len(text)) if text.startswith("market", i)]
    path = tmp_path / "m.annotator"
    with Project(path, annotator="tester") as project:
        ents = [IncomingEntity(0, places[0], places[0] + 6, "FAC"), IncomingEntity(1, places[2], places[2] + 6, "FAC")]
        import_documents(project, [IncomingDocument(text=text, name="m.txt", entities=ents)])
    w = open_window(qtbot, path)
    c = w.controller
    w.jump_to_entity(next(e.id for e in c.entities.values() if e.start == places[0]))
    qtbot.keyClick(w.view, "a")
    qtbot.waitUntil(lambda: not w._panel_timer.isActive())  # the panels have followed: the key's message stays
    said = w.message.text()
    assert "FAC on 1 more place (to decide); 1 already FAC." in said, said
    close_window(w)
    with Project(path, create=False) as p:
        doc = p.document_ids()[0]
        assert sorted((e.start, e.label) for e in p.entities(doc)) == [(a, "FAC") for a in places]
