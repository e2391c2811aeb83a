"""Session 13's QA pass (docs/keyboard.md): the leftovers of round 4 and a fresh pass. Each test failed on main
before its fix."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from ui_support import laid_out

CTRL = Qt.KeyboardModifier.ControlModifier


def test_find_keeps_its_words_and_counts_them_in_each_document(qtbot, window):
    """Find "e" on a.txt, Enter: then Ctrl+PgDown to b.txt and the bar still read a.txt's result beside the words (the
    count of another document); Enter there searched on. The words stay, and the bar says how often they occur in
    the document now open: at the change, at Ctrl+F, and as "k of n" at each Enter."""
    from ui_support import DOC_A, DOC_B, DOC_C

    def find_all(text: str, words: str) -> list[tuple[int, int]]:  # where a person sees the words, any case
        return [m.span() for m in re.finditer(re.escape(words), text, re.IGNORECASE)]

    c, v, bar = window.controller, window.view, window.find_bar
    qtbot.waitUntil(lambda: window.panels_built)
    in_a, in_b = len(find_all(DOC_A, "e")), len(find_all(DOC_B, "e"))
    assert in_a != in_b and in_b > 1
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.edit, "e")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.info.text() == f"1 of {in_a}"
    assert v.hasFocus()
    qtbot.keyClick(v, Qt.Key.Key_PageDown, CTRL)  # b.txt: the bar closes there (round 10b), its words kept
    assert c.doc.name == "b.txt"
    assert bar.edit.text() == "e"  # the words stay
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)  # b.txt's count, not a.txt's "1 of n"
    assert bar.info.text() == f"{in_b} matches"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # the second match of b.txt (after "😀": code points, not UTF-16)
    assert bar.info.text() == f"2 of {in_b}"
    assert v.selection_cp() == find_all(DOC_B, "e")[1]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    qtbot.keyClick(v, Qt.Key.Key_PageDown, CTRL)  # c.txt, the bar closed
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    assert bar.info.text() == f"{len(find_all(DOC_C, 'e'))} matches"


def menu_shows(menu) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each item of ``menu`` as QMenu draws it: its name and the key in the shortcut column (the text after a tab,
    else the action's shortcut)."""
    shown = {}
    for act in menu.actions():
        name, tab, key = act.text().partition("\t")
        shown[name.replace("&", "")] = key if tab else act.shortcut().toString()
    return shown


def test_the_edit_menu_shows_the_keys_of_new_event_and_label_every_occurrence(qtbot, window):
    """Annotators learn keys from the menus: Edit > New event… and Label every occurrence showed none (E and A work
    in the text only, so they were no shortcuts), while every other item showed its key. They show E and A; the
    toolbar's button still reads "New event…", and E in the text still makes the event."""
    from PySide6.QtWidgets import QToolButton

    from ui_helpers import find
    from ui_support import DOC_A

    edit = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit")
    shown = menu_shows(edit)
    assert shown["New event…"] == "E" and shown["Label every occurrence"] == "A", shown
    buttons = [b.text() for b in window.findChildren(QToolButton) if b.defaultAction() is not None]
    assert "New event…" in buttons, buttons
    c, v = window.controller, window.view
    v.setFocus()
    v.select_cp(*find(DOC_A, "attacked"))
    qtbot.keyClick(v, Qt.Key.Key_E)  # one type's trigger words match: no picker
    assert [(e.type, c.doc.text[e.trigger_start : e.trigger_end]) for e in c.events.values()] == [
        ("Conflict:Attack", "attacked")
    ]


def test_a_leaves_a_rejected_place_and_a_place_of_another_label_as_they_are(qtbot, tmp_path):
    """A on a GPE "Moscow" put a GPE suggestion again where the person had just rejected GPE (X on the second
    "Moscow"), and a second span over the third "Moscow", an ORG (two labels on the same words, the new one to decide). A rejected place stays rejected, as pre-annotation leaves it, and a place holding a span of another
    label keeps it; the status line says so, and only the fourth "Moscow" gets the label."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    from ui_support import close_window, open_window

    text = "Moscow said no. Moscow agreed. Moscow left. Moscow won."
    at = [i for i in range(len(text)) if text.startswith("Moscow", i)]
    path = tmp_path / "m.annotator"
    with Project(path, annotator="tester") as project:  # imported spans are accepted
        ents = [IncomingEntity(0, at[0], at[0] + 6, "GPE"), IncomingEntity(1, at[1], at[1] + 6, "GPE")]
        ents.append(IncomingEntity(2, at[2], at[2] + 6, "ORG"))
        import_documents(project, [IncomingDocument(text=text, name="m.txt", entities=ents)])
    w = open_window(qtbot, path)
    c = w.controller
    w.jump_to_entity(next(e.id for e in c.entities.values() if e.start == at[1]))
    qtbot.keyClick(w.view, "x")  # GPE rejected on the second "Moscow"
    w.jump_to_entity(next(e.id for e in c.entities.values() if e.start == at[0]))
    qtbot.keyClick(w.view, "a")
    qtbot.waitUntil(lambda: not w._panel_timer.isActive())  # the panels have followed: the key's message stays
    said = w.message.text()
    assert said.startswith("GPE on 1 more place (to decide)"), said
    assert "1 already ORG, left as it is" in said and "1 where GPE was rejected, left rejected" in said, said
    close_window(w)
    with Project(path, create=False) as p:
        held = sorted((e.start, e.label, e.state) for e in p.entities(p.document_ids()[0]))
    assert held == [
        (at[0], "GPE", "accepted"),
        (at[1], "GPE", "rejected"),
        (at[2], "ORG", "accepted"),
        (at[3], "GPE", "suggested"),
    ]


def test_the_legend_counts_the_document_before_the_panels_are_built(qtbot, project_path):
    """While the side panels of a project just opened were being built (a second under load), the legend read 0 for
    every label, and after Ctrl+PgDown it read the document before's counts until then. It counts the spans of the
    document shown from the moment it is shown."""
    from collections import Counter

    from ui_support import close_window, shown_window

    w = shown_window(qtbot, size=(1400, 900))
    assert w.open_project(project_path)
    c = w.controller

    def counts() -> Counter:
        return Counter(e.label for e in c.entities.values() if e.state != "rejected")

    def legend() -> dict[str, int]:
        return {t.rsplit(" ", 1)[0].split("] ")[-1]: int(t.rsplit(" ", 1)[1]) for t in w.legend.item_texts()}

    assert not w.panels_built  # built after the text's first paint
    want = counts()
    assert want["PERSON"] == 2 and legend()["PERSON"] == 2, legend()
    assert all(legend()[lab] == n for lab, n in want.items()), legend()
    qtbot.waitUntil(lambda: w.panels_built and w.documents.proxy.rowCount() == 3)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_PageDown, CTRL)  # b.txt: PERSON Zoë and 李小龍, no GPE
    assert c.doc.name == "b.txt"
    assert legend()["GPE"] == counts()["GPE"] and legend()["PERSON"] == counts()["PERSON"], legend()
    close_window(w)


def test_go_to_it_from_mark_reviewed_leaves_no_span_selected_for_the_role_keys(qtbot, project_path):
    """ "Monday" selected (a click in the list, or Tab), then Mark reviewed (Ctrl+Shift+R): “met”: Contact:Meet needs
    Entity, Go to it (Alt+G) selected the event but left "Monday" selected, so Alt+1 took it as the filler and was
    refused ("role Entity of Contact:Meet takes PERSON, ORG, GPE, NORP, not DATE"): the key the list sends the person
    to press did nothing. Going to an event leaves no span selected, as ] and Tab do, and Alt+1 fills the role with
    the nearest fitting entity."""
    from annotator.edits import add_event
    from annotator.store import Project

    from test_qa_session12 import answer_modals
    from ui_helpers import find
    from ui_support import DOC_A, close_window, open_window

    with Project(project_path, annotator="setup") as p:
        doc = next(d["id"] for d in p.document_summaries() if d["name"] == "a.txt")
        add_event(p, doc, "Contact:Meet", *find(DOC_A, "met"))  # decided, its Entity missing
    w = open_window(qtbot, project_path, size=(1400, 900))
    c, v = w.controller, w.view
    qtbot.waitUntil(lambda: w.panels_built)
    w.jump_to_entity(next(e.id for e in c.entities.values() if c.span_text(e.start, e.end) == "Monday"))
    met = answer_modals(lambda box: box.go.click())  # Go to it
    qtbot.keyClick(v, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert met == ["ProblemsDialog"]
    (event,) = c.events.values()
    assert c.current_event == event.id and c.current_entity is None
    qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    close_window(w)
    with Project(project_path, create=False) as p:
        (stored,) = p.events(doc)
        fillers = [(a.role, next(e.label for e in p.entities(doc) if e.id == a.entity_id)) for a in stored.arguments]
    assert fillers == [("Entity", "PERSON")], fillers


def test_the_event_list_headers_are_whole(qtbot, project_path):
    """At 1366x768 the event list's "Missing" read "Missinc" (and "Trigger" was cut the same way at a narrower
    width): a column was given its title's width in the list's font, and Qt draws the titles in bold (every section
    is highlighted while a row is selected). Each column is at least as wide as its header says it needs."""
    from annotator.edits import add_event
    from annotator.store import Project

    from PySide6.QtWidgets import QApplication

    from ui_helpers import find
    from ui_support import DOC_A

    with Project(project_path, annotator="setup") as p:
        doc = next(d["id"] for d in p.document_summaries() if d["name"] == "a.txt")
        add_event(p, doc, "Contact:Meet", *find(DOC_A, "met"))  # its Entity missing: "Entity", narrower than the title
    # Qt's size hint of a section is the oracle: in plain Fusion. A test before this one that applied the app's style
    # sheet (ui.style.apply_style) left it on the application, and under it the hints add the sheet's padding, which
    # the titles do not need (the real app at 1366x768 shows them whole: looked at, session 13), so the whole suite
    # waited for ever where the file alone passed
    app = QApplication.instance()
    sheet = app.styleSheet()
    app.setStyleSheet("")
    try:
        whole_titles(qtbot, project_path)
    finally:
        app.setStyleSheet(sheet)


def whole_titles(qtbot, project_path) -> None:  # type: ignore[no-untyped-def]
    """The event list at 1366x768 on a project of one event: every column as wide as its header says it needs."""
    from ui_support import close_window, open_window, settled

    w = open_window(qtbot, project_path, size=(1366, 768))
    qtbot.waitUntil(lambda: w.panels_built)
    w.tabs.setCurrentWidget(w.events)
    hh = w.events.table.horizontalHeader()
    # the list's rows (its columns are fitted as they are set; a section's size is above 0 from the start)
    settled(qtbot, lambda: w.events.model.rowCount() == 1)

    def sizes() -> dict[int, tuple[int, int]]:
        return {col: (hh.sectionSize(col), hh.sectionSizeHint(col)) for col in range(hh.count())}

    # the list shares its room again when the tab's viewport takes its width, after the rows; with the titles
    # measured in the list's font (not bold) the sizes never reach the need and this wait fails
    settled(qtbot, lambda: all(size >= needs for size, needs in sizes().values()))
    close_window(w)


def test_the_find_bar_buttons_stay_where_they_are_whatever_it_says(qtbot, window):
    """Find "Moscow": "3 of 6" beside the buttons; Ctrl+PgDown: "not found": the box and the Previous and Next
    buttons moved by the difference (23 px at 1366x768), under the pointer of someone clicking Next. The words beside
    them have their room kept."""
    from PySide6.QtWidgets import QPushButton

    v, bar = window.view, window.find_bar
    qtbot.waitUntil(lambda: window.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    (nxt,) = [b for b in bar.findChildren(QPushButton) if b.text() == "Next"]
    places = {}
    for words in ("e", "zzz", ""):
        bar.edit.setFocus()
        bar.edit.selectAll()
        qtbot.keyClicks(bar.edit, words) if words else qtbot.keyClick(bar.edit, Qt.Key.Key_Backspace)
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        laid_out()
        places[bar.info.text()] = nxt.geometry().x()
    assert len(places) == 3 and len(set(places.values())) == 1, places


def test_an_edit_that_selects_nothing_ends_the_note_of_the_undo_before(qtbot, window):
    """Ctrl+Shift+A, Ctrl+Z: "Undone: Accept all suggestions · 8 suggestions undecided …"; then a comment added
    (the Comments tab, "ok", Enter), an edit of its own (Ctrl+Z takes it back): the status line still read "Undone:
    Accept all suggestions", as if that were the last thing done. The edit ends the note and the line says the work
    left again."""
    from PySide6.QtWidgets import QApplication

    c, v = window.controller, window.view
    qtbot.waitUntil(lambda: window.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert window.message.text().startswith("Undone: Accept all suggestions"), window.message.text()
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.comments.edit)
    box = QApplication.focusWidget()
    assert box is window.comments.edit
    qtbot.keyClicks(box, "ok")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert c.undo_stack.undoText() == "Add comment"
    said = window.message.text()
    assert not said.startswith("Undone:") and " undecided" in window.work_label.text(), said  # the count beside it


def test_ctrl_pgdown_right_after_a_project_opens_goes_to_the_next_document(qtbot, project_path):
    """Ctrl+PgDown pressed as soon as a project opened (the document list fills after the text's first paint: a
    second under load) said "This is the last document in the list" on a.txt, the first of three, and stayed. The
    list is filled then and there, and b.txt opens."""
    from ui_support import close_window, shown_window

    w = shown_window(qtbot, size=(1366, 768))
    assert w.open_project(project_path)
    c = w.controller
    assert c.doc.name == "a.txt" and w.after_view_paint.pending  # the list not filled yet
    w.actions_by_name["next_document"].trigger()  # Ctrl+PgDown
    assert c.doc.name == "b.txt", w.message.text()
    close_window(w)
