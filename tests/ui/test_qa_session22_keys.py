"""Session 22's keys pass (docs/keyboard.md, round 15): fewer keys per event, and the event list readable at 1366.
Each test presses keys through the real window, then reads what the window shows or the project file holds, and
failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

GUILTY = (
    "Judge Anna Kowalczyk found Marek Zielinski guilty of accepting bribes. "
    "The court also fined him and a gunman shot it down."
)


def test_e_on_a_phrase_with_its_object_between_its_words_makes_its_type(qtbot, tmp_path):
    """Seed 004's "found Marek Zielinski guilty": the schema's trigger phrase "found guilty" with the defendant between
    its words. E opened the picker (no type's words matched the whole selection) and the event took `c o n v Return`
    more; it makes Justice:Convict at once now, as it does on "found guilty" ("shot it down": Conflict:Attack)."""
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, one_event, open_window, picker_closer

    path = tmp_path / "guilty.annotator"
    one_event(path, GUILTY, (("Marek Zielinski", "PERSON"),), "Justice:Fine", "fined")
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        picker: list[str] = []
        close_picker = picker_closer(picker)

        for words, type_ in (("found Marek Zielinski guilty", "Justice:Convict"), ("shot it down", "Conflict:Attack")):
            v.setFocus()
            v.select_cp(*find(GUILTY, words))
            QTimer.singleShot(100, close_picker)
            qtbot.keyClick(v, Qt.Key.Key_E)
            assert not picker, words
            ev = c.events[c.current_event]
            assert (ev.type, GUILTY[ev.trigger_start : ev.trigger_end]) == (type_, words)
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        types = sorted(x.type for x in p.events(p.document_ids()[0]))
    assert types == ["Conflict:Attack", "Justice:Convict", "Justice:Fine"]


SENTENCE = (
    "A former deputy transport minister of Poland was sentenced on Tuesday to eight years in prison, ending a trial "
    "that lasted almost two years. Judge Anna Kowalczyk of the Warsaw Regional Court found Marek Zielinski guilty. "
    "The court also fined him 500,000 zlotys. Zielinski, 58, was arrested by officers at his home in Krakow."
)


def test_the_event_list_reads_each_event_s_fillers_at_1366(qtbot, qapp, tmp_path):
    """Seed 004's suggestions at 1366x768: the Arguments column kept about 18 characters in the 400-px dock
    ("Defendant: de…", "Person: Zielins…") beside a Missing column of its own. The missing required roles lead the
    Arguments cell now, in the error's ink ("missing Entity; Adjudicator: court; …"), and State gives up room for
    Arguments (its whole word in the tooltip; Trigger keeps its own since session 28): a role and its filler's words are read; each type of up to
    13 characters stays whole (session 21)."""
    from test_qa_session12 import shown_text
    from ui_support import event_list_at_1366, seed004_suggestions

    path = tmp_path / "sentence.annotator"
    seed004_suggestions(path, SENTENCE)
    with event_list_at_1366(qtbot, qapp, path, 0, events=6) as (w, table):
        hh = table.horizontalHeader()
        columns = table.model().columnCount()

        def laid_out() -> bool:  # once the dock has its width (the tab is laid out after it is shown)
            shown = sum(table.columnWidth(i) for i in range(columns))
            return shown <= table.viewport().width() and hh.sectionSize(2) > 0

        qtbot.waitUntil(laid_out)
        assert [table.model().headerData(i, Qt.Orientation.Horizontal) for i in range(columns)] == [
            "Type",
            "Trigger",
            "Arguments",
            "State",
        ]
        args = {w.events.cell(r, 1): shown_text(table, r, 2) for r in range(6)}
        # "Defendant: deputy transp…" beside "sentenced" whole (session 28: Trigger read "sente…" for three letters)
        assert args["sentenced"].startswith("Defendant: deputy trans"), args
        assert args["arrested"].startswith("Person: Zielinski; Agent"), args
        assert args["trial"] == "missing Defendant", args
        fine = w.events.ids.index(next(v.id for v in w.controller.events.values() if v.type == "Justice:Fine"))
        assert w.events.cell(fine, 2) == "missing Entity; Adjudicator: court; Money: 500,000 zlotys"
        from ui.panels.events import MISSING_ROLE

        assert table.model().index(fine, 2).data(MISSING_ROLE) == len("missing Entity")  # the part in red
        types = {w.events.cell(r, 0): shown_text(table, r, 0) for r in range(6)}
        assert all(whole == shown for whole, shown in types.items()), types


BRIBES = (
    "A former minister was sentenced for taking bribes in exchange for contracts. The judge found him guilty of "
    "pocketing 3.4 million zlotys from two firms."
)


def test_the_picker_puts_the_types_of_the_events_nearby_first_for_a_word_of_no_type(qtbot, tmp_path):
    """Seed 004's "accepting" (bribes): its word named no type, and the picker listed the schema's types from the
    first (Life:Be-Born); the player typed `m o n` for Transaction:Transfer-Money. The types of the document's
    events come first now, the nearest trigger first (Justice:Convict on "found", then Transfer-Money on "bribes"),
    before the schema's order: Down, Enter. A rejected event's type is not one of them. ("Accepting" a sum names
    Transfer-Money since session 43, the schema's object triggers: "pocketing" stands for a word of no type.)"""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "bribes.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(BRIBES, "a.txt")]).imported[0][1]
        edits.add_event(p, doc, "Transaction:Transfer-Money", *find(BRIBES, "bribes"))
        edits.add_event(p, doc, "Justice:Convict", *find(BRIBES, "found"))
        gone = edits.add_event(p, doc, "Conflict:Attack", *find(BRIBES, "firms")).result_id
        edits.reject_event(p, gone)
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        listed: list[list[str]] = []

        def read_and_choose() -> None:  # the picker as it opened: its rows in order; Down, Enter
            dlg = QApplication.activeModalWidget()
            assert dlg is not None and dlg.windowTitle() == "Event type"
            listed.append([dlg.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.list.count())])
            qtbot.keyClick(dlg.filter, Qt.Key.Key_Down)
            qtbot.keyClick(dlg.filter, Qt.Key.Key_Return)

        v.setFocus()
        v.select_cp(*find(BRIBES, "pocketing"))
        QTimer.singleShot(0, read_and_choose)
        qtbot.keyClick(v, Qt.Key.Key_E)
        assert listed and listed[0][:2] == ["Justice:Convict", "Transaction:Transfer-Money"], listed[0][:4]
        assert listed[0].index("Conflict:Attack") > 2  # the rejected event's type: where the schema puts it
        ev = c.events[c.current_event]
        assert (ev.type, BRIBES[ev.trigger_start : ev.trigger_end]) == ("Transaction:Transfer-Money", "pocketing")
    finally:
        close_window(w)


KILLED = "At least 14 people were killed on Saturday morning when an airstrike hit a crowded market in Kabkabiya."


def test_ctrl_shift_right_on_find_s_match_takes_in_the_next_word(qtbot, tmp_path):
    """Seed 002's Time "Saturday morning": Find "sa", Enter selected "Sa"; the first Ctrl+Shift+Right only took in the
    rest of "Saturday" (which a label key, E or Alt+N takes for the match already) and a second took "morning". On
    Find's match the first press takes in the next word now; the next presses go on a word each, as before, and a
    selection made otherwise is widened as it was."""
    from ui_helpers import find
    from ui_support import close_window, one_event, open_window

    path = tmp_path / "killed.annotator"
    one_event(path, KILLED, (("Kabkabiya", "GPE"),), "Life:Die", "killed")
    w = open_window(qtbot, path)
    try:
        c, v, bar = w.controller, w.view, w.find_bar
        v.setFocus()
        v.select_cp(0, 0)
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        bar.edit.setText("sa")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        at = find(KILLED, "Saturday")[0]
        assert v.selection_cp() == (at, at + 2)
        qtbot.keyClick(v, Qt.Key.Key_Right, CTRL | SHIFT)
        assert c.snap(*v.selection_cp()) == find(KILLED, "Saturday morning")
        qtbot.keyClick(v, Qt.Key.Key_Right, CTRL | SHIFT)  # then a word a press
        assert c.snap(*v.selection_cp()) == find(KILLED, "Saturday morning when")
        v.select_cp(at, at + 2)  # the same letters selected otherwise (no Find): the press as it was
        qtbot.keyClick(v, Qt.Key.Key_Right, CTRL | SHIFT)
        assert c.snap(*v.selection_cp()) == find(KILLED, "Saturday")
    finally:
        close_window(w)
