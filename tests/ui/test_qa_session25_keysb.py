"""Session 25's second keys pass (docs/keyboard.md, round 19): a name of several words in one key. Each test presses
keys through the real window, then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

BUREAU = (
    "Zielinski was arrested by officers of the Central Anti-Corruption Bureau at his home in Krakow. "
    "On Monday the court of the General Directorate for National Roads and Motorways met."
)


def test_shift_space_widens_find_s_match_to_the_name_around_it(qtbot, tmp_path):
    """Seed 004's "the Central Anti-Corruption Bureau" (no suggestion) took Find "cen", Enter, five Ctrl+Shift+Right
    (Central, Anti, -, Corruption, Bureau) and the label key: 12 keys. Shift+Space on Find's match selects the name
    around it, with the "the" before a name of two words or more: `Ctrl+F c e n Return Shift+Space 2`. On main
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
        v.setFocus()
        for words in ("cen", "nat"):
            qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            bar.edit.clear()
            qtbot.keyClicks(bar.edit, words)
            qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
            qtbot.keyClick(v, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyClick(v, Qt.Key.Key_2)  # ORG
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        bar.edit.clear()
        qtbot.keyClicks(bar.edit, "offi")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        qtbot.keyClick(v, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
        assert v.selection_cp() is not None and BUREAU[slice(*v.selection_cp())] == "offi"  # left as it was
        assert w.message.text().startswith("No name here"), w.message.text()
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((e.label, BUREAU[e.start : e.end]) for e in p.entities(p.document_ids()[0]))
    assert got == [
        ("ORG", "the Central Anti-Corruption Bureau"),  # main: Central
        ("ORG", "the General Directorate for National Roads and Motorways"),  # main: National
    ]
