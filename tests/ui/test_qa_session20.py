"""A first hour, session 20 (docs/reliability.md, round 12, session 20): keys through the real window, then the
project file or the window's words."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from ui_support import close_window, open_window, window_settled

from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.suggest.writer import WriteCounts, write_entities

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
DETAINEES = "The 11 detainees --Algerians, Saudis and Yemenis-- were flown to Algiers."
# spaCy's English tokens of it (blank("en") and en_core_web_sm alike): "--Algerians" and "Yemenis--" one token each
TOKENS = "The 11 detainees --Algerians , Saudis and Yemenis-- were flown to Algiers .".split()


def detainees_project(path) -> None:  # type: ignore[no-untyped-def]
    starts, ends, at = [], [], 0
    for word in TOKENS:
        at = DETAINEES.index(word, at)
        starts.append(at)
        ends.append(at := at + len(word))
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(DETAINEES, "d.txt")]).imported[0][1]
        spans = [(DETAINEES.index(w), DETAINEES.index(w) + len(w), "NORP") for w in ("--Algerians", "Yemenis--")]
        with p.transaction():
            p.db.insert_tokens(doc, "spacy:test@1", json.dumps(starts), json.dumps(ends), "[0]")
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())


def stored_spans(path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with Project(path, create=False, read_only=True) as p:
        return sorted((DETAINEES[e.start : e.end], e.label) for e in p.entities(p.document_ids()[0]))


def test_the_keys_shrink_a_span_inside_one_of_the_pipeline_s_tokens_to_its_word(qtbot, tmp_path):
    """Round 12: "--Algerians" is one token of spaCy's; Shift+Right said "A span keeps at least one token" and the
    keys could not make it "Algerians". Inside one stored token the edge moves by the fallback's pieces."""
    path = tmp_path / "p.annotator"
    detainees_project(path)
    w = open_window(qtbot, path)
    v = w.view
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_Tab)  # the first suggestion: "--Algerians"
    assert w.controller.entities[w.controller.current_entity].start == DETAINEES.index("--Algerians")
    qtbot.keyClick(v, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(v, Qt.Key.Key_Right, SHIFT)
    window_settled(qtbot, w)
    assert "keeps at least one token" not in w.message.text()
    qtbot.keyClick(v, Qt.Key.Key_Return)  # accepted as it is now
    qtbot.keyClick(v, Qt.Key.Key_Left, CTRL_SHIFT)  # the next: "Yemenis--", its end moved in
    qtbot.keyClick(v, Qt.Key.Key_Left, CTRL_SHIFT)
    window_settled(qtbot, w)
    assert stored_spans(path) == [("Algerians", "NORP"), ("Yemenis", "NORP")]
    qtbot.keyClick(v, Qt.Key.Key_Left, SHIFT)  # its start out by one token: "and Yemenis", as before
    window_settled(qtbot, w)
    assert stored_spans(path) == [("Algerians", "NORP"), ("and Yemenis", "NORP")]
    close_window(w)
