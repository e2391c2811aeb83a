"""Session 19's first-hour pass (docs/keyboard.md, round 12): a fresh clone's `scripts/app`, 30 articles of
events-dev imported and pre-annotated, three annotated by xdotool keys under Xvfb. Each test presses keys through the
real window, then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_support import DOC_A
from ui_helpers import entity_rows, find

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize("key", [Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up])
def test_a_ctrl_caret_move_leaves_the_span_so_the_next_key_does_not_change_it(qtbot, window, db, key):
    """Seed-like article 03: Enter accepted "11", then Ctrl+Home (to the title, to select its first word) and
    Ctrl+Shift+Right: "11" became "11 security", accepted, at the other end of the text. A plain Home or arrow left
    the span; a Ctrl caret move (Ctrl+Home/End, a word left or right, a paragraph up or down) kept it, so the next
    Enter, X, label key or Shift+arrow changed a span the caret had left, out of view on a long text."""
    v, c = window.view, window.controller
    s, e = find(DOC_A, "Tal Abyad")
    tal = next(x for x in c.entities.values() if (x.start, x.end) == (s, e))
    v.setFocus()
    window.edit_actions.select(tal)
    assert c.current_entity == tal.id
    qtbot.keyClick(v, key, CTRL)
    assert c.current_entity is None
    qtbot.keyClick(v, Qt.Key.Key_Right, CTRL | SHIFT)  # from the caret: no span to resize
    qtbot.keyClick(v, "x")  # nothing selected: nothing rejected
    doc = db.document_ids()[0]
    ents = entity_rows(db, doc)
    assert (s, e) in ents and ents[(s, e)].state == "suggested" and ents[(s, e)].label == "GPE"
    assert not [k for k in ents if k[0] == s and k != (s, e)]


def test_a_right_to_left_name_keeps_its_place_in_the_status_line(qtbot, tmp_path):
    """A document with Hebrew, Arabic, emoji and CRLF (the unicode pass): "שלום" labelled PERSON by Find and 1, the
    status line said "PERSON (added): שלום · 7 suggestions undecided …", shown as "PERSON (added): 7 · שלום
    suggestions": the count and the dot after the name were laid out right to left with it. A message quotes a
    document's right-to-left words between Unicode's isolates (FSI … PDI), so the words around them keep their order;
    left-to-right words as they were."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.writer import WriteCounts, write_entities
    from annotator.wording import FSI, PDI
    from ui_support import close_window, open_window

    text = "Ahmed al-Sharif أحمد met José García.\r\nThe army said שלום Cohen of Reuters 😀 left.\r\n"
    path = tmp_path / "rtl.annotator"
    spans = [(0, 15, "PERSON"), (text.index("Cohen"), text.index("Cohen") + 5, "PERSON")]
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "rtl.txt")]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        v, c = w.view, w.controller
        v.setFocus()
        s = text.index("שלום")
        v.select_cp(s, s + 4)
        qtbot.keyClick(v, "1")  # PERSON
        said = w.message.text()
        assert said.startswith(f"PERSON (added): {FSI}שלום{PDI}"), said
        ahmed = next(e for e in c.entities.values() if e.start == 0)
        w.edit_actions.select(ahmed)
        assert w.message.text().startswith("PERSON (suggested): Ahmed al-Sharif (Enter"), w.message.text()
        assert FSI not in w.message.text()
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        ents = {(e.start, e.end, e.label, e.state) for e in p.entities(p.document_ids()[0])}
    assert (s, s + 4, "PERSON", "added") in ents  # code-point offsets, after an Arabic word and a CRLF
