"""Session 25's second keys pass (docs/keyboard.md, round 19): a name of several words in one key. Each test presses
keys through the real window, then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from text_support import argument_words

BUREAU = (
    "Zielinski was arrested by officers of the Central Anti-Corruption Bureau at his home in Krakow. "
    "On Monday the court of the General Directorate for National Roads and Motorways met."
)


def test_shift_space_widens_find_s_match_to_the_name_around_it(qtbot, tmp_path):
    """Seed 004's "the Central Anti-Corruption Bureau" (no suggestion) took Find "cen", Enter, five Ctrl+Shift+Right
    (Central, Anti, -, Corruption, Bureau) and the label key: 12 keys. Shift+Space on Find's match selects the name
    around it, again with the "the" before it: `Ctrl+F c e n Return Shift+Space Shift+Space 2` (the second press takes in the "the"). On main
    Shift+Space was Space ("No span under the caret."), and 2 labelled "Central" alone. A word with no capital
    ("officers") is left as it is, said."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    path = tmp_path / "bureau.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(BUREAU, "a.txt")])
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        first: list[str | None] = []
        v.setFocus()
        for words in ("cen", "nat"):
            qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            bar.edit.clear()
            qtbot.keyClicks(bar.edit, words)
            qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
            qtbot.keyClick(v, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
            first.append(BUREAU[slice(*v.selection_cp())] if v.selection_cp() else None)
            qtbot.keyClick(v, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)  # again: the "the" before it
            qtbot.keyClick(v, Qt.Key.Key_2)  # ORG
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        bar.edit.clear()
        qtbot.keyClicks(bar.edit, "offi")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        qtbot.keyClick(v, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
        assert v.selection_cp() is not None and BUREAU[slice(*v.selection_cp())] == "offi"  # left as it was
        assert w.message.text().startswith("No name here"), w.message.text()
        assert first == ["Central Anti-Corruption Bureau", "General Directorate for National Roads and Motorways"]
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((e.label, BUREAU[e.start : e.end]) for e in p.entities(p.document_ids()[0]))
    assert got == [
        ("ORG", "the Central Anti-Corruption Bureau"),  # main: Central
        ("ORG", "the General Directorate for National Roads and Motorways"),  # main: National
    ]


def test_a_kept_new_span_fill_keeps_its_span_selected_once_it_lands(qtbot, window, project_path):
    """ "forces" selected (no span) and Alt+1 (Attacker) while another program writes: the fill is kept, its new span
    selected under its stand-in id (round 18). Once it landed the stand-in's id was gone and the selection with it:
    nothing selected, the span no longer the one the role key left. The file's span on its words stays selected now,
    as the one the role key left: Alt+2 (Target) fills Target with its first candidate, as with no one writing, and a
    label key relabels "forces" (main: nothing selected after the landing)."""
    from annotator.stand_ins import stand_in
    from ui_support import DOC_A, attacker_fill_kept, press_role_key

    w, c = window, window.controller
    with attacker_fill_kept(qtbot, w, project_path) as ev:
        assert c.current_entity is not None and stand_in(c.current_entity)
    selected = c.entities.get(c.current_entity) if c.current_entity is not None else None
    assert selected is not None and not stand_in(selected.id), c.current_entity  # main: None
    assert DOC_A[selected.start : selected.end] == "forces"
    press_role_key(qtbot, w, "Conflict:Attack", "Target")
    roles = argument_words(DOC_A, c.events[ev].arguments, c.entities)
    assert sorted(roles) == [("Attacker", "forces"), ("Target", "Tal Abyad")], roles
    qtbot.keyClick(w.view, Qt.Key.Key_2)  # ORG: the label key on the span still selected
    from annotator.store import Project

    c.close_project()
    with Project(project_path, create=False) as p:
        forces = [e for e in p.entities(p.document_ids()[0]) if DOC_A[e.start : e.end] == "forces"]
    assert [e.label for e in forces] == ["ORG"], [(e.label, e.state) for e in forces]
