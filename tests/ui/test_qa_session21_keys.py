"""Session 21's keys pass (docs/keyboard.md, round 14): deciding is one key. Each test presses keys through the real
window, then reads what the window shows or the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

VISIT = "Prime Minister Modi arrived in Tokyo on Monday for a three-day visit to Japan."


def test_e_on_words_of_two_types_makes_the_first_and_shift_e_the_next(qtbot, tmp_path):
    """Seed 000's "visit" (Movement:Transport or Contact:Meet): E opened the picker with the two on top, and the
    decision took `e Return` (the first) or `e Down Return` (the second). E makes the first type the words name and
    says the others; Shift+E gives the event the next (again: the one after, round to the first); Ctrl+Z undoes."""
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, one_event, open_window, picker_closer

    path = tmp_path / "visit.annotator"
    one_event(path, VISIT, (("Modi", "PERSON"), ("Tokyo", "GPE")), "Movement:Transport", "arrived")
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        (old,) = c.events.values()
        v.setFocus()
        v.select_cp(*find(VISIT, "visit"))
        picker: list[str] = []
        close_picker = picker_closer(picker)

        QTimer.singleShot(100, close_picker)
        qtbot.keyClick(v, Qt.Key.Key_E)
        assert not picker and c.current_event is not None
        ev = c.events[c.current_event]
        assert ev.type == "Movement:Transport" and ev.id != old.id
        said = w.message.text()
        assert "Shift+E: Contact:Meet" in said, said
        qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)
        assert c.events[ev.id].type == "Contact:Meet"
        qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)  # again: round to the first
        assert c.events[ev.id].type == "Movement:Transport"
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
        assert c.events[ev.id].type == "Contact:Meet"
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        types = sorted(x.type for x in p.events(p.document_ids()[0]))
    assert types == ["Contact:Meet", "Movement:Transport"]


BOUGHT = (
    'His client would appeal to the court, he said, about the verdict. "The verdict is based on the words of a man '
    'who bought his own freedom," Grabowski said of the airstrike and the strike.'
)


def test_find_steps_over_a_match_inside_a_word_for_one_at_a_words_start(qtbot, tmp_path):
    """Seed 004's "bought": Find's first letters "bou" met "about" first, so reaching the word cost a key more than
    `]` did. Enter steps over a match with a letter on each side while another stands at a word's start or end
    (``find_words.find_stops``): "bou" selects "bought", said as the 2nd of 2; "strike" still finds "airstrike" first
    (round 12), and words found only inside words are found there."""
    from ui_helpers import find
    from ui_support import close_window, one_event, open_window

    path = tmp_path / "bought.annotator"
    one_event(path, BOUGHT, (("Grabowski", "PERSON"),), "Justice:Appeal", "appeal")
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar

        def found(words: str) -> tuple[tuple[int, int] | None, str]:
            v.setFocus()
            v.select_cp(0, 0)
            qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
            bar.edit.setText(words)
            qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
            return v.selection_cp(), bar.info.text()

        at = find(BOUGHT, "bought")[0]
        assert found("bou") == ((at, at + 3), "2 of 2")
        at = find(BOUGHT, "airstrike")[0] + 3
        assert found("strike") == ((at, at + 6), "1 of 2")
        at = find(BOUGHT, "verdict")[0] + 2
        assert found("rdi") == ((at, at + 3), "1 of 2")  # only inside words: found there
    finally:
        close_window(w)


def test_the_status_line_names_what_enter_accepts_with_a_suggested_event(qtbot, tmp_path):
    """A person deciding a suggested event read "event Justice:Fine (suggested): fined (Enter: accept; X: reject)":
    what Enter accepts with it, its fillers, only the Roles box and the text's labels around the trigger showed. The
    status line names them in the roles' order (three, the rest counted): "(Enter: accept, with Adjudicator “court”, Money
    “500,000 zlotys”; X: reject)". What is left said "3 suggestions undecided in this document, 1 of them event": "one of them an
    event"."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, window_on_its_event

    text = "The court also fined him 500,000 zlotys and barred him from holding public office."
    path = tmp_path / "fined.annotator"
    spans = [(*find(text, "court"), "ORG"), (*find(text, "500,000 zlotys"), "MONEY")]
    args = (
        ArgumentSuggestion("Money", *find(text, "500,000 zlotys"), "MONEY"),
        ArgumentSuggestion("Adjudicator", *find(text, "court"), "ORG"),
    )
    one_suggested_event(path, text, spans, EventSuggestion("Justice:Fine", *find(text, "fined"), 0.6, args))
    w, ev = window_on_its_event(qtbot, path)
    try:
        said = w.message.text()
        assert said.startswith("event Justice:Fine (suggested): fined (Enter: accept, with "), said
        assert "with Adjudicator “court”, Money “500,000 zlotys”; X: reject)" in said, said
        assert w.work_label.text().endswith(" undecided, one of them an event"), w.work_label.text()
    finally:
        close_window(w)


def test_shift_e_after_an_undo_goes_on_from_the_type_undone_to(qtbot, tmp_path):
    """ "transfer" names Movement:Transport, Transaction:Transfer-Ownership, Transfer-Money and Justice:Extradite: E,
    Shift+E (Ownership),
    Ctrl+Z (Transport again), Shift+E gave Transfer-Money, the types tried before the undo still counted as tried.
    After an undo Shift+E starts again from the type the event has: Ownership."""
    from ui_helpers import find
    from ui_support import close_window, one_event, open_window

    text = "The ministry will transfer the prisoners to Warsaw on Monday."
    path = tmp_path / "transfer.annotator"
    one_event(path, text, (("Warsaw", "GPE"),), "Contact:Meet", "ministry")
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.setFocus()
        v.select_cp(*find(text, "transfer"))
        qtbot.keyClick(v, Qt.Key.Key_E)
        ev = c.current_event
        assert c.events[ev].type == "Movement:Transport"
        qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)
        assert c.events[ev].type == "Transaction:Transfer-Ownership"
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
        assert c.events[ev].type == "Movement:Transport"
        c.select_event(ev)
        qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)
        assert c.events[ev].type == "Transaction:Transfer-Ownership"
    finally:
        close_window(w)
