"""Session 30 as a user (helper s30-qa, docs/reliability.md "Session 30: as a user"): keys pressed through the real
window under Xvfb, then what the project file holds; each test failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import drag_select, find
from ui_support import DOC_A

ALT = Qt.KeyboardModifier.AltModifier


def _find(qtbot, w, words: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+F, the words, Enter, then Escape: the bar closed, its match kept selected for the next key."""
    v, bar = w.view, w.find_bar
    qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.isVisible)
    bar.edit.selectAll()
    qtbot.keyClicks(bar.edit, words)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: v.hasFocus() and v.selection_cp() == find(DOC_A, words))
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert not bar.isVisible() and v.selection_cp() == find(DOC_A, words)


def test_x_on_find_s_match_kept_by_escape_rejects_the_suggestion_there_not_the_event_selected(qtbot, window, db):
    """Seed 001 under Xvfb: "supply" accepted and its roles put right by keys (Buyer, Seller, Artifact), then Ctrl+F
    "Trade", Enter, Escape (the bar closed, the match kept, as for a label key) and X to reject the wrong ORG "Trade"
    of "Kenyan Trade Secretary": X rejected "supply", out of view, its three arguments gone, and the line moved on to
    the next suggestion, saying nothing of it. Escape's kept match stands for the suggestion it lies in, as with the bar
    open: X rejects "Trade"; Enter accepts it; the event is left as it was."""
    w, c, v = window, window.controller, window.view
    v.setFocus()
    drag_select(qtbot, v, *find(DOC_A, "attacked"))
    qtbot.keyClick(v, "e")  # Conflict:Attack, added
    ev = c.current_event
    qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # Attacker: NATO
    assert [a.role for a in c.events[ev].arguments] == ["Attacker"]
    _find(qtbot, w, "Acme")  # a word of the suggestion "Acme Corp"
    qtbot.keyClick(v, Qt.Key.Key_X)
    d = c.doc.id
    state = {DOC_A[e.start : e.end]: e.state for e in db.entities(d)}
    assert state["Acme Corp"] == "rejected"
    (after,) = [x for x in db.events(d) if x.id == ev]
    assert after.state == "added" and [a.role for a in after.arguments] == ["Attacker"]
    _find(qtbot, w, "Tal")  # Enter the same: the suggestion "Tal Abyad" accepted, not the event
    qtbot.keyClick(v, Qt.Key.Key_Return)
    state = {DOC_A[e.start : e.end]: e.state for e in db.entities(d)}
    assert state["Tal Abyad"] == "accepted"


def test_the_line_names_the_span_under_the_caret_while_an_event_is_selected(qtbot, window, db):
    """Seed 001 under Xvfb: "travelling" selected by [, then Ctrl+Right to "Yongsan": the line said "event
    Movement:Transport (accepted): travelling" still, nothing of the span the caret was on (session 29's lead). It names
    it, the role it fills and Space; on the trigger again, or with a span selected, the line is the selection's."""
    from ui_helpers import select_suggested_meet

    w, c, v = window, window.controller, window.view
    _d, ev = select_suggested_meet(qtbot, w, db)
    v.setFocus()
    assert c.current_event == ev and c.current_entity is None
    cur = v.textCursor()
    cur.setPosition(find(DOC_A, "Monday")[0] + 2)  # DOC_A is ASCII: UTF-16 positions are code points
    v.setTextCursor(cur)
    qtbot.waitUntil(lambda: "the caret is on DATE “Monday” (suggested; Space selects it)" in w.message.text())
    assert w.message.text().startswith("event Contact:Meet (suggested): met")
    cur.setPosition(find(DOC_A, "Paris")[1])  # just after it, as Space takes it
    v.setTextCursor(cur)
    qtbot.waitUntil(lambda: "the caret is on GPE “Paris” (suggested, its Place; Space selects it)" in w.message.text())
    cur.setPosition(find(DOC_A, "met")[0] + 1)  # the event's own trigger: nothing more said
    v.setTextCursor(cur)
    qtbot.waitUntil(lambda: "the caret is on" not in w.message.text())
    assert w.message.text().startswith("event Contact:Meet (suggested): met")


def test_the_work_left_beside_the_line_follows_mark_reviewed_and_its_undo(qtbot, window):
    """Seed 001 annotated, then Mark reviewed (Ctrl+Shift+R), which stays on the document: its title and the list said
    "reviewed", the status bar's own widget "All decided; annotated" until the selection changed. It follows the
    status at once, and its undo."""
    w, c, v = window, window.controller, window.view
    v.setFocus()
    w.edit_actions.accept_all()
    c.undo_stack.clear()
    qtbot.keyClick(v, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert c.doc.status == "reviewed"
    assert w.work_label.text() == "All decided; reviewed"
    c.undo_stack.undo()
    assert c.doc.status != "reviewed" and "reviewed" not in w.work_label.text()


def test_the_training_result_says_how_the_new_model_compared_without_a_click(qtbot, window):
    """Project > Train suggestions…, Quick try, on seeds 001 and 002: "version 1 … made the default" and "Held-out
    scores of the current and the new model: see Show Details"; only the table behind the button showed that the new
    version scored the same as the original in every row. The box says each part's F1, the current model's and the
    new one's; the table stays behind Show Details."""
    from annotator.learn.train import TrainReport
    from ui.dialogs.training import show_training_result

    def part(f1: float) -> dict:
        return {"all": {"p": f1, "r": f1, "f1": f1, "tp": 10, "fn": 2, "fp": 1}}

    scores = {
        "current": {"entities": part(0.829), "triggers": part(0.95), "arguments": part(0.5)},
        "new": {"entities": part(0.9), "triggers": part(0.95), "arguments": part(0.45)},
    }
    report = TrainReport(version=1, documents=2, held_out=2, made_default=True, scores=scores)
    show_training_result(window, "", report)
    box = window.training_result
    try:
        said = box.informativeText()
        assert "entities 0.829 → 0.900, triggers 0.950 → 0.950, arguments 0.500 → 0.450" in said
        assert "Show Details" in said and "P " in box.detailedText()
    finally:
        box.close()
