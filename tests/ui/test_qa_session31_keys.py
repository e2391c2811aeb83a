"""Session 31's keys pass (docs/keyboard.md, round 25): keys a person spends on a name spaCy missed, reached by Find.
Each test presses keys through the real window, then reads what the project file holds, and failed on main before its
fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)
TEXT = (
    "Médecins Sans Frontières said it had sent a surgical team to Goma.\n"
    "Officers of the Central Anti-Corruption Bureau arrested him in Goma on Friday.\n"
    "His lawyer told the court that he would appeal to the Court of Appeal.\n"
    "Witnesses said the RSF shelled the town."
)


def test_alt_enter_in_finds_bar_widens_the_match_to_the_name_around_it(qtbot, tmp_path):
    """A name of several words spaCy missed cost `Ctrl+F`, letters, `Enter`, Shift+Space (the name around the match:
    session 25) and its label key (seed 002's `Ctrl+F m é Return Shift+Space 2`; three of the with-suggestions key
    replays' names): Shift+Space in the bar types a space. Alt+Enter typed in the bar selects the words' next match and
    widens it to the name around it, one key where Enter and Shift+Space were two; Shift+Space in the text again takes
    the "the" in, as after Enter. Words not found: nothing selected, the bar says so and keeps the keys."""
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "names.annotator"
    arrest = EventSuggestion("Justice:Arrest-Jail", *find(TEXT, "arrested"), 0.6)
    one_suggested_event(path, TEXT, [(*find(TEXT, "Goma"), "GPE")], arrest)
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        bar.edit.insert("mé")  # QTest garbles "é": typed as the text (seed 002's player sends it as a key event)
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return, ALT)
        assert v.hasFocus() and v.selection_cp() == find(TEXT, "Médecins Sans Frontières")
        qtbot.keyClick(v, Qt.Key.Key_2)
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        bar.edit.selectAll()
        qtbot.keyClicks(bar.edit, "zzz")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Enter, ALT)
        assert bar.info.text() == "not found" and bar.edit.hasFocus() and bar.edit.text() == "zzz"
        bar.edit.selectAll()
        qtbot.keyClicks(bar.edit, "cen")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Enter, ALT)
        assert v.selection_cp() == find(TEXT, "Central Anti-Corruption Bureau")
        assert "Shift+Space again: with “the”" in w.message.text(), w.message.text()
        qtbot.keyClick(v, Qt.Key.Key_Space, SHIFT)
        qtbot.keyClick(v, Qt.Key.Key_2)
        # the next match in a name: "court" (no name) passed over, as Enter, F3 and Shift+Space would
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        bar.edit.selectAll()
        qtbot.keyClicks(bar.edit, "co")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return, ALT)
        assert v.selection_cp() == find(TEXT, "Court of Appeal"), v.selection_cp()
        qtbot.keyClick(v, Qt.Key.Key_2)
        # a one-word name from part of it: the name, not yet its "the" (main: "the RSF" at the first Shift+Space,
        # the match snapping to the name read as Shift+Space pressed again)
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        bar.edit.selectAll()
        qtbot.keyClicks(bar.edit, "rs")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        qtbot.keyClick(v, Qt.Key.Key_Space, SHIFT)
        assert v.selection_cp() == find(TEXT, "RSF"), v.selection_cp()
        qtbot.keyClick(v, Qt.Key.Key_2)
        # no match in a name: the next match, and Shift+Space's line says why nothing widened
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        bar.edit.selectAll()
        qtbot.keyClicks(bar.edit, "surg")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return, ALT)
        assert v.selection_cp() == (find(TEXT, "surgical")[0], find(TEXT, "surgical")[0] + 4)
        assert w.message.text().startswith("No name here"), w.message.text()
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((TEXT[e.start : e.end], e.label, e.state) for e in p.entities(p.document_ids()[0]))
    assert got == [  # main: Alt+Enter was Enter: "Médecins" and "Central" labelled, each a word
        ("Court of Appeal", "ORG", "added"),
        ("Goma", "GPE", "suggested"),
        ("Médecins Sans Frontières", "ORG", "added"),
        ("RSF", "ORG", "added"),
        ("the Central Anti-Corruption Bureau", "ORG", "added"),
    ], got
