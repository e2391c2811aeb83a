"""Session 16's pass on the keys of a role (docs/keyboard.md, round 8): each test presses keys through the real window,
then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

ALT, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
SENTENCED = "A former deputy transport minister of Poland was sentenced on Tuesday, and so was Jan Nowak of Gdansk."


def _sentence_project(tmp_path):  # type: ignore[no-untyped-def]
    """Seed 004's "sentenced" as a person met it: a Justice:Sentence whose Defendant (a role of several fillers) holds
    "deputy transport minister", where the gold filler is "minister"; "Jan Nowak" a PERSON span too."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find

    path = tmp_path / "sentenced.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(SENTENCED, "s.txt")]).imported[0][1]
        wrong = edits.add_entity(p, doc, *find(SENTENCED, "deputy transport minister"), "PERSON").result_id
        edits.add_entity(p, doc, *find(SENTENCED, "Jan Nowak"), "PERSON")
        ev = edits.add_event(p, doc, "Justice:Sentence", *find(SENTENCED, "sentenced")).result_id
        edits.add_argument(p, ev, "Defendant", wrong)
    return path


def _defendants(path) -> list[str]:  # type: ignore[no-untyped-def]
    from annotator.store import Project

    with Project(path, create=False) as p:
        doc = p.document_ids()[0]
        ents = {e.id: e for e in p.entities(doc)}
        (ev,) = p.events(doc)
        return sorted(SENTENCED[ents[a.entity_id].start : ents[a.entity_id].end] for a in ev.arguments)


def test_a_role_key_on_a_selection_puts_it_right_in_a_role_of_several_fillers(qtbot, tmp_path):
    """Seed 004's "sentenced": its Defendant (one or more fillers) held "deputy transport minister", the gold
    "minister". "minister" selected, Alt+1 added it beside the wrong one: Ctrl+Alt+1 had to empty the role first, a key
    more than a role of one filler takes. The role key puts the selection in place of the filler it overlaps, and says
    which went and the key that adds one instead; one Ctrl+Z puts the old one back."""
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = _sentence_project(tmp_path)
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.setFocus()
        (ev,) = c.events.values()
        c.select_event(ev.id)
        v.select_cp(*find(SENTENCED, "minister"))
        qtbot.keyClick(v, Qt.Key.Key_1, ALT)
        said = w.message.text()
        assert "in place of “deputy transport minister” (Alt+Shift+1 adds one instead" in said, said
    finally:
        close_window(w)
    assert _defendants(path) == ["minister"]


def test_the_role_key_replaces_and_alt_shift_adds_in_a_role_of_several(qtbot, tmp_path):
    """A role of several fillers with one wrong filler that the right one does not overlap: the role key on the right
    one's span puts it in place of the last filler (as the key with nothing selected does), Alt+Shift+N adds one more;
    Ctrl+Z takes the replacement back whole."""
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = _sentence_project(tmp_path)
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.setFocus()
        (ev,) = c.events.values()
        c.select_event(ev.id)
        v.select_cp(*find(SENTENCED, "Jan Nowak"))
        qtbot.keyClick(v, Qt.Key.Key_1, ALT)
        names = sorted(
            c.span_text(c.entities[a.entity_id].start, c.entities[a.entity_id].end) for a in c.events[ev.id].arguments
        )
        assert names == ["Jan Nowak"], names
        qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        c.select_event(ev.id)
        v.select_cp(*find(SENTENCED, "Jan Nowak"))
        qtbot.keyClick(v, Qt.Key.Key_Exclam, ALT | SHIFT)  # Alt+Shift+1 as a US keyboard sends it
    finally:
        close_window(w)
    assert _defendants(path) == ["Jan Nowak", "deputy transport minister"]

