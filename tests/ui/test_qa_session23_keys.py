"""Session 23's keys pass (docs/keyboard.md, round 16): fewer keys per event, and what a decided event shows. Each
test presses keys through the real window, then reads what the window shows or the project file holds, and failed on
main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_qa_session22_keys import SENTENCE


def test_the_event_list_s_state_reads_at_1366_a_decided_event_marked(qtbot, qapp, tmp_path):
    """Seed 004's suggestions at 1366x768: the State column gave its room to Arguments and read "unde…", "acce…",
    "reje…" (round 15's leftover). Where the word has no room the cell shows its mark now: ? undecided, ✓ decided
    (accepted or added), ✗ rejected; the word in the cell's tooltip, the marks in the column title's. Enter on a
    suggested event turns its row's ? into ✓, X into ✗."""
    from test_qa_session12 import shown_text
    from ui_support import event_list_at_1366, seed004_suggestions

    path = tmp_path / "sentence.annotator"
    seed004_suggestions(path, SENTENCE)
    with event_list_at_1366(qtbot, qapp, path, 0, events=6) as (w, table):
        c, v = w.controller, w.view
        qtbot.waitUntil(lambda: table.horizontalHeader().sectionSize(2) > 0)
        model = table.model()
        state = {w.events.cell(r, 1): shown_text(table, r, 3) for r in range(6)}
        assert set(state.values()) == {"?"}, state
        by_word = {c.span_text(e.trigger_start, e.trigger_end): e.id for e in c.events.values()}
        v.setFocus()
        for word, key in (("fined", Qt.Key.Key_Return), ("former", Qt.Key.Key_X)):
            c.select_event(by_word[word])
            qtbot.keyClick(v, key)
        assert (c.events[by_word["fined"]].state, c.events[by_word["former"]].state) == ("accepted", "rejected")
        qtbot.waitUntil(lambda: shown_text(table, w.events.ids.index(by_word["fined"]), 3) != "?")  # the panels' timer
        state = {w.events.cell(r, 1): shown_text(table, r, 3) for r in range(6)}
        assert state["fined"] == "✓" and state["former"] == "✗" and state["trial"] == "?", state
        row = w.events.ids.index(by_word["fined"])
        assert "accepted" in model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
        assert "✓ decided" in model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        table.horizontalHeader().resizeSection(3, 200)  # room for the words (1920x1080): shown whole
        assert (shown_text(table, row, 3), shown_text(table, w.events.ids.index(by_word["trial"]), 3)) == (
            "accepted",
            "undecided",
        )


SUMMIT = "Putin spoke with Modi in a long conversation. They agreed on trade. The Putin-Modi summit ended on Friday."


def test_a_role_key_on_words_of_another_sentence_fills_the_event_of_theirs(qtbot, tmp_path):
    """Seed 000's second "summit": its Entity "Modi" of "Putin-Modi" is no span, and the replays' player reached the
    summit by four ] before Find went to the words (round 15's leftover); Alt+Shift+1 on the words with the
    "conversation" of two sentences before still selected put Modi in the conversation's Entity, an argument outside
    its trigger's sentence (none of events-dev's 1,055 gold arguments is). The role key fills the event of the words'
    sentence nearest them now, selects it and names it in the status line; the words in the selected event's own
    sentence fill it, as before."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "summit.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(SUMMIT, "a.txt")]).imported[0][1]
        for words in ("Putin", "Modi"):
            edits.add_entity(p, doc, *find(SUMMIT, words), "PERSON")
        talk = edits.add_event(p, doc, "Contact:Meet", *find(SUMMIT, "conversation")).result_id
        summit = edits.add_event(p, doc, "Contact:Meet", *find(SUMMIT, "summit")).result_id
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.setFocus()
        c.select_event(talk)
        modi = SUMMIT.index("Putin-Modi") + len("Putin-")
        v.select_cp(modi, modi + len("Modi"))
        qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        assert c.current_event == summit, w.message.text()
        assert w.message.text().startswith("On “summit”: Entity: Modi"), w.message.text()  # it says so
        said = [
            (a.role, c.span_text(c.entities[a.entity_id].start, c.entities[a.entity_id].end))
            for a in c.events[summit].arguments
        ]
        assert said == [("Entity", "Modi")] and not c.events[talk].arguments, w.message.text()
        v.select_cp(*find(SUMMIT, "Modi"))  # the conversation's own sentence: the conversation, selected again
        qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        assert c.current_event == talk and [a.role for a in c.events[talk].arguments] == ["Entity"]
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        ents = {e.id: e for e in p.entities(p.document_ids()[0])}
        held = {v.id: [(a.role, ents[a.entity_id].start) for a in v.arguments] for v in p.events(p.document_ids()[0])}
    assert held == {talk: [("Entity", SUMMIT.index("Modi"))], summit: [("Entity", modi)]}


def test_a_decided_event_on_a_phrase_s_first_word_says_shift_enter_widens_it(qtbot, tmp_path):
    """Round 15b's leftover: the status line offered the trigger phrase a suggested event's word starts ("found" of
    "found Marek Zielinski guilty": "Shift+Enter: accept as …"), but not on an event a person made or accepted, where
    Shift+Enter widens the trigger as well; nothing on the screen said it. The line offers it there too; Shift+Enter
    makes the phrase the trigger."""
    from test_qa_session22_keys import GUILTY
    from ui_helpers import find
    from ui_support import close_window, one_event, open_window

    path = tmp_path / "found.annotator"
    one_event(path, GUILTY, (("Marek Zielinski", "PERSON"),), "Justice:Convict", "found")
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.setFocus()
        (ev,) = c.events.values()
        c.select_event(ev.id)
        said = "(Shift+Enter: widen the trigger to “found Marek Zielinski guilty”)"
        qtbot.waitUntil(lambda: said in w.message.text())
        qtbot.keyClick(v, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        ev = c.events[ev.id]
        assert (ev.trigger_start, ev.trigger_end) == find(GUILTY, "found Marek Zielinski guilty"), w.message.text()
        qtbot.waitUntil(lambda: "widen the trigger" not in w.message.text())  # a phrase's whole: nothing more to offer
    finally:
        close_window(w)


def test_n_does_not_stop_at_a_word_of_a_trigger_of_several(qtbot, tmp_path):
    """Seed 004 with its "found Marek Zielinski guilty" made (Shift+Enter, or E on the phrase): N still stopped at
    "found", a word of that event's trigger, as at a trigger word no event has (the seeds' N stops that were no gold
    trigger: "found" among the seven). N goes past it now, to "bribes"; the event on the phrase is kept."""
    from test_qa_session22_keys import GUILTY
    from ui_helpers import find
    from ui_support import close_window, one_event, open_window

    path = tmp_path / "found.annotator"
    one_event(path, GUILTY, (("Marek Zielinski", "PERSON"),), "Justice:Convict", "found Marek Zielinski guilty")
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        v.select_cp(0, 5)  # "Judge"
        qtbot.keyClick(v, Qt.Key.Key_N)
        assert v.selection_cp() == find(GUILTY, "bribes"), (v.selection_cp(), w.message.text())
    finally:
        close_window(w)
