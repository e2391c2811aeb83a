"""Session 25's keys pass (docs/keyboard.md, round 18): fewer keys per event. Each test presses keys through the real
window, then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from text_support import argument_words

ACCEPTING = (
    "A Warsaw court convicted the former minister of taking bribes on Tuesday and fined him 500,000 zlotys. Prosecutors "
    "said he was pocketing 3.4 million zlotys from two firms."
)


def test_a_letter_typed_in_the_picker_takes_the_type_with_a_word_it_starts(qtbot, tmp_path):
    """E on "pocketing" (a word that names no type; "accepting" a sum names Transfer-Money since session 43) opens the
    picker on the document's types first, the nearest trigger first (Justice:Fine, Transaction:Transfer-Money, Justice:Convict); "m" kept every type whose name or description holds an m, in the picker's order, and Enter took
    Justice:Fine ("punishment"). The types whose name has a word the letters start come first now: "m" and Enter give
    Transaction:Transfer-Money (seed 004's "accepting": `Down Down Down Return` was the cheapest, now `m Return`)."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "accepting.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(ACCEPTING, "a.txt")]).imported[0][1]
        edits.add_event(p, doc, "Justice:Convict", *find(ACCEPTING, "convicted"))
        edits.add_event(p, doc, "Transaction:Transfer-Money", *find(ACCEPTING, "bribes"))
        edits.add_event(p, doc, "Justice:Fine", *find(ACCEPTING, "fined"))
    w = open_window(qtbot, path)
    try:
        v = w.view
        shown: list[list[str]] = []

        def type_m() -> None:  # in the open picker: "m", what it shows, Enter
            dlg = QApplication.activeModalWidget()
            assert dlg is not None and dlg.windowTitle() == "Event type"
            qtbot.keyClick(dlg.filter, "m")
            rows = range(dlg.list.count())
            shown.append(
                [dlg.list.item(i).data(Qt.ItemDataRole.UserRole) for i in rows if not dlg.list.item(i).isHidden()]
            )
            qtbot.keyClick(dlg.filter, Qt.Key.Key_Return)

        v.setFocus()
        v.select_cp(*find(ACCEPTING, "pocketing"))
        QTimer.singleShot(0, type_m)
        qtbot.keyClick(v, Qt.Key.Key_E)
        assert shown, "the picker did not open"
        assert shown[0][0] == "Transaction:Transfer-Money", shown[0][:4]  # main: Justice:Fine
        assert "Justice:Fine" in shown[0]  # still kept ("punishment"), after the names
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        types = sorted((x.type, ACCEPTING[x.trigger_start : x.trigger_end]) for x in p.events(p.document_ids()[0]))
    assert types == [
        ("Justice:Convict", "convicted"),
        ("Justice:Fine", "fined"),
        ("Transaction:Transfer-Money", "bribes"),
        ("Transaction:Transfer-Money", "pocketing"),
    ]


SUMMIT = "The Putin-Modi summit in Delhi went ahead on Monday, Putin said."


def test_a_role_key_in_the_find_bar_fills_the_role_with_the_words_found(qtbot, tmp_path):
    """Seed 000's second "summit" lacks "Modi" of "the Putin-Modi summit", no span: Ctrl+F, "mod", Enter and Alt+Shift+1
    (Enter gave the keys back to the text, the role key filled the role with the words found). A role key in the bar
    was lost; Alt+N and Alt+Shift+N there select the words' next match and fill the role with it, as Enter and the key
    do: "Ctrl+F m o d Alt+Shift+1". Words not found: said, nothing filled; Ctrl+Alt (AltGr on Windows) left to the
    bar."""
    from ui_support import close_window, event_fillers, one_event, open_window

    path = tmp_path / "summit.annotator"
    one_event(path, SUMMIT, (("Putin", "PERSON"), ("Delhi", "GPE"), ("Monday", "DATE")), "Contact:Meet", "summit")
    w = open_window(qtbot, path)
    try:
        c, v, bar = w.controller, w.view, w.find_bar
        ev = next(iter(c.events))
        c.select_event(ev)
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # Entity: Putin, the nearest
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(bar.edit, "zz")
        qtbot.keyClick(bar.edit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
        assert bar.info.text() == "not found"
        bar.edit.clear()
        qtbot.keyClicks(bar.edit, "mod")
        qtbot.keyClick(bar.edit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is v  # the keys back to the text, as Enter gives them
        assert c.current_event == ev
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        altgr = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier  # AltGr on Windows: "@"
        qtbot.keyClick(bar.edit, Qt.Key.Key_At, altgr)
        assert QApplication.focusWidget() is bar.edit  # left to the bar: no role emptied in the text
    finally:
        close_window(w)
    assert event_fillers(path, SUMMIT) == [("Entity", "Modi"), ("Entity", "Putin")]  # main: Putin alone


PLEADING = "After pleading guilty to two charges, the former minister was heading to Warsaw on Friday."


def test_e_on_a_word_that_starts_a_trigger_phrase_makes_the_phrase_s_type(qtbot, tmp_path):
    """E on "pleading" (a word that names no type; "plead guilty" is a Justice:Convict trigger phrase of the schema)
    opened the picker; E on "heading" ("head to": Movement:Transport) too. E makes the type of the phrase the word
    starts in its sentence now, on the word, and Shift+Enter widens the trigger to the phrase, as the line offers
    (on events-dev the gold of "heading", "headed" is the word alone)."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "pleading.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(PLEADING, "a.txt")])
    w = open_window(qtbot, path)
    opened: list[str] = []

    def close_picker() -> None:  # main: the picker opened; Escape leaves it with no event
        dlg = QApplication.activeModalWidget()
        if dlg is not None:
            opened.append(dlg.windowTitle())
            qtbot.keyClick(dlg.filter, Qt.Key.Key_Escape)

    try:
        v = w.view
        v.setFocus()
        for word in ("heading", "pleading"):
            v.select_cp(*find(PLEADING, word))
            QTimer.singleShot(0, close_picker)
            qtbot.keyClick(v, Qt.Key.Key_E)
        assert opened == []  # main: ['Event type', 'Event type']
        assert "Shift+Enter: widen the trigger to “pleading guilty”" in w.message.text(), w.message.text()
        qtbot.keyClick(v, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        types = sorted((x.type, PLEADING[x.trigger_start : x.trigger_end]) for x in p.events(p.document_ids()[0]))
    assert types == [("Justice:Convict", "pleading guilty"), ("Movement:Transport", "heading")]


def test_a_kept_new_span_fill_leaves_the_span_selected_as_a_made_one_does(qtbot, window, project_path):
    """ "forces" selected (no span) and Alt+1 (Attacker) on a Conflict:Attack while another program wrote: the fill was
    kept, but the words stayed selected, not the new span; once it landed, Alt+2 (Target) took those words and moved
    "forces" from Attacker to Target. Made with no one writing, the new span is selected (left by the role key) and
    Alt+2 fills Target with its first candidate. The kept span is selected the same way now: the same keys, the same
    roles (session 24's lead)."""
    from annotator.stand_ins import stand_in
    from ui_helpers import find
    from ui_support import DOC_A, attacker_fill_kept, press_role_key

    w, c = window, window.controller
    with attacker_fill_kept(qtbot, w, project_path) as ev:
        selected = c.entities.get(c.current_entity) if c.current_entity is not None else None
        assert selected is not None and stand_in(selected.id), (c.current_entity, w.view.selection_cp())
        assert (selected.start, selected.end) == find(DOC_A, "forces") and w.view.selection_cp() is None
    press_role_key(qtbot, w, "Conflict:Attack", "Target")
    roles = argument_words(DOC_A, c.events[ev].arguments, c.entities)
    assert sorted(roles) == [("Attacker", "forces"), ("Target", "Tal Abyad")], roles  # main: Target forces alone
