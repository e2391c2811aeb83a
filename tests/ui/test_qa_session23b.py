"""What a queued write shows (docs/reliability.md, round 15, session 23, helper s23-qab): an edit kept while another
program writes is shown as the file will hold it once it lands, with the lists' mark "⏳" (waiting to be saved).
Each test goes through the real window and reads the file after the lock goes."""

from __future__ import annotations


from PySide6.QtCore import Qt

from ui.plain import WAITS_MARK
from ui_support import file_rows, let_go_and_land, locked

CTRL = Qt.KeyboardModifier.ControlModifier


def listed_status(qtbot, w, doc_id: int) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    """The document list's Status cell of ``doc_id`` as drawn (its text, its tip), once the list is refreshed."""
    w.refresh_documents()
    model = w.documents.model
    index = model.index(model.row_of(doc_id), 1)
    return model.data(index), model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_a_kept_ctrl_enter_shows_the_document_marked_in_the_list_with_the_waiting_mark(qtbot, window, project_path):
    """Ctrl+Enter with another program writing moved on (round 15), but the list showed the document "new" until the
    mark landed: now "annotated ⏳", its tip saying it waits; once the lock goes, "annotated" as the file has it."""
    w, c = window, window.controller
    w.settings.set("accept_rest_without_asking", True)
    first = c.doc.id
    assert listed_status(qtbot, w, first)[0] == "new"
    other = locked(project_path)
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_Return, CTRL)
        assert c.doc.id != first
        shown, tip = listed_status(qtbot, w, first)
        in_file = file_rows(project_path, f"SELECT status FROM documents WHERE id = {first}")
    finally:
        let_go_and_land(qtbot, c, other)
    assert in_file == [("new",)]  # kept, not written yet
    assert shown == f"annotated {WAITS_MARK}"  # was: "new"
    assert tip is not None and "waiting to be saved" in tip
    assert file_rows(project_path, f"SELECT status FROM documents WHERE id = {first}") == [("annotated",)]
    assert listed_status(qtbot, w, first)[0] == "annotated"


def test_a_kept_type_change_shows_the_arguments_the_new_type_drops_gone(qtbot, window, db, project_path):
    """A type change made with another program writing showed the new type at once, but the arguments the new type
    cannot hold stayed in view (the Roles box, the event list, the text) until it landed, when they went: now the
    event is shown as the file will hold it, without them; the file once the lock goes the same. Session 33: a filler
    the new type holds in another role (the Attacker NATO, Phone-Write's Entity: ``role_carry``) is shown there as the
    file will hold it (it showed gone while the file carried it; a Place the new type has no role for still goes)."""
    from annotator import edits

    w, c = window, window.controller
    doc = c.doc.id
    text = c.doc.text
    at = {name: text.index(name) for name in ("NATO", "attacked", "Tal Abyad", "Friday")}
    span = {e.id: c.span_text(e.start, e.end) for e in c.entities.values()}
    ids = {s: i for i, s in span.items()}
    event = edits.add_event(db, doc, "Conflict:Attack", at["attacked"], at["attacked"] + len("attacked")).result_id
    for role, name in (("Attacker", "NATO"), ("Place", "Tal Abyad"), ("Time", "Friday")):
        edits.add_argument(db, event, role, ids[name])
    c.reload()
    w.view.setFocus()
    c.select_event(event)
    editor = w.event_editor
    qtbot.waitUntil(lambda: editor.type_combo is not None and editor.type_combo.currentText() == "Conflict:Attack")
    other = locked(project_path)
    try:
        combo = editor.type_combo
        combo.setCurrentText("Contact:Phone-Write")
        combo.activated.emit(combo.currentIndex())  # the person's choice in the box
        qtbot.waitUntil(lambda: c.edits_waiting() == 1)
        held = c.events[event]
        shown = (held.type, sorted((a.role, span[a.entity_id]) for a in held.arguments))
    finally:
        let_go_and_land(qtbot, c, other)
    in_file = file_rows(
        project_path,
        f"SELECT a.role, e.start FROM arguments a JOIN entities e ON e.id = a.entity_id WHERE a.event_id = {event}",
    )
    assert sorted((role, text[start : start + 3]) for role, start in in_file) == [("Entity", "NAT"), ("Time", "Fri")]
    # was: the Attacker NATO and the Place too; at main 269f7728 the Entity NATO not shown
    assert shown == ("Contact:Phone-Write", [("Entity", "NATO"), ("Time", "Friday")])


def test_back_on_a_document_whose_ctrl_enter_is_kept_its_suggestions_show_accepted(qtbot, window, project_path):
    """Going back to a document whose Ctrl+Enter ("Accept the rest and mark annotated") was kept while another program
    wrote showed its suggestions undecided (Tab went to them, "Left: N undecided"), though the file will have them
    accepted once it lands: they are shown accepted, marked as waiting."""
    w, c = window, window.controller
    w.settings.set("accept_rest_without_asking", True)
    first = c.doc.id
    suggested = {e.id for e in c.entities.values() if e.state == "suggested"}
    assert suggested
    other = locked(project_path)
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_Return, CTRL)
        assert c.doc.id != first
        w.documents.documentActivated.emit(first)  # back to it from the list
        qtbot.waitUntil(lambda: c.doc is not None and c.doc.id == first)
        shown = {i: c.entities[i].state for i in suggested if i in c.entities}
        waits = c.held.waiting[0] >= suggested
    finally:
        let_go_and_land(qtbot, c, other)
    assert set(shown.values()) == {"accepted"}  # was: suggested
    assert waits
    in_file = file_rows(project_path, f"SELECT DISTINCT state FROM entities WHERE document_id = {first}")
    assert in_file == [("accepted",)]


def test_back_on_a_document_whose_ctrl_enter_is_kept_it_is_marked_and_ctrl_enter_moves_on(qtbot, window, project_path):
    """Back on a document whose Ctrl+Enter was kept, its title said the file's old status ("new") and a second
    Ctrl+Enter kept a second mark: the title says the mark made, "annotated ⏳", and Ctrl+Enter moves on."""
    w, c = window, window.controller
    w.settings.set("accept_rest_without_asking", True)
    first = c.doc.id
    other = locked(project_path)
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_Return, CTRL)
        w.documents.documentActivated.emit(first)
        qtbot.waitUntil(lambda: c.doc is not None and c.doc.id == first)
        title = w.title.full_text
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_Return, CTRL)
        kept, now = c.edits_waiting(), c.doc.id
    finally:
        let_go_and_land(qtbot, c, other)
    assert title.endswith(f"annotated {WAITS_MARK}"), title  # was: "… — new"
    assert kept == 1  # was: 2, a second mark kept
    assert now != first
    assert file_rows(project_path, f"SELECT status FROM documents WHERE id = {first}") == [("annotated",)]
    w.documents.documentActivated.emit(first)
    qtbot.waitUntil(lambda: c.doc is not None and c.doc.id == first)
    assert c.doc.status == "annotated" and not c.status_waits()
