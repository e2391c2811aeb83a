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


def test_the_training_s_line_is_its_verdict_and_the_table_is_behind_it(qtbot, window, monkeypatch):
    """Project > Train suggestions… (quick try) on the first hour's three documents: the status line said "Training:
    version 1 trained on 3 finished documents (…) in 41 s (…); made the default · current (original) new · P R F1 P R
    F1 gold · entities (all) 0.958 0.892 0.924 0.9…", the held-out table flattened into one line and cut at the right.
    The line says the run and its verdict; the table is in its tooltip (as a pre-annotation's whole account is), and
    the box at the end shows it under Show Details as before."""
    from annotator.learn import train
    from annotator.learn.train import TrainReport
    from ui.dialogs import training
    from ui.workers import TrainWorker

    prf = {"p": 0.958, "r": 0.892, "f1": 0.924, "tp": 91, "fp": 4, "fn": 11}
    report = TrainReport(
        version=1, documents=3, held_out=3, folds=3, seconds=41.0, quick=True, made_default=True,
        scores={"current": {"entities": {"all": prf}}, "new": {"entities": {"all": prf}}},
    )  # fmt: skip
    monkeypatch.setattr(train, "train_project", lambda *a, **k: report)
    shown: list[str] = []
    monkeypatch.setattr(training, "show_training_result", lambda w, text, rep=None: shown.append(text))
    worker = TrainWorker(window.controller.project.path, "tester")
    window.start_worker(worker)
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    line = window.message.text()
    assert line == (
        "Training: version 1 trained on 3 finished documents (3 held out, 3-fold) in 41 s (a quick try: 1 pass each); "
        "made the default"
    ), line
    assert "entities (all)" in window.message.toolTip() and "0.924" in window.message.toolTip()
    assert report.summary().endswith(worker.detail) and "P" in worker.detail


def test_the_training_s_line_says_where_a_version_not_made_the_default_is_chosen(qtbot, window, monkeypatch):
    """A version kept but not made the default: the status line said "… ('Make it the default' below uses it from now
    on)", the box's words, read once the box with that button was closed. The line names Project > Models…, where the
    versions are listed and chosen; the box keeps its button and its words."""
    from annotator.learn import train
    from annotator.learn.train import TrainReport
    from ui.dialogs import training
    from ui.workers import TrainWorker

    report = TrainReport(version=2, documents=3, held_out=3, folds=3, seconds=45.0, quick=True, made_default=False)
    monkeypatch.setattr(train, "train_project", lambda *a, **k: report)
    monkeypatch.setattr(training, "show_training_result", lambda *a, **k: None)
    window.start_worker(TrainWorker(window.controller.project.path, "tester"))
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    assert window.message.text().endswith(
        "kept but NOT made the default (worse than the current model; Project > Models… makes it the default)"
    ), window.message.text()  # session 31: the window that lists the versions (it named Settings' model row)


def test_escape_after_find_closes_the_bar_and_the_label_key_takes_the_words_found(qtbot, window, db):
    """The 2 MB document: Ctrl+F, "Oleksander Pisaruk", Enter (the match selected, the keys back in the text, the bar
    left open), Escape (to close the bar, as in any editor) and 1: the span made was "Pisaruk", PERSON, the word at
    the caret, for Escape had let go of the match and a label key with nothing selected labels the word under the
    caret. Escape on Find's match closes the bar and keeps the match selected; a second Escape lets it go (and the
    keys act where the caret is, as before)."""
    w, v = window, window.view
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    bar = w.find_bar
    qtbot.waitUntil(bar.isVisible)
    qtbot.keyClicks(bar.edit, "John Smith")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    s, e = find(DOC_A, "John Smith")
    qtbot.waitUntil(lambda: v.hasFocus() and v.selection_cp() == (s, e))
    john = next(x for x in w.controller.entities.values() if (x.start, x.end) == (s, e))
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert not bar.isVisible() and v.hasFocus()
    assert v.selection_cp() == (s, e)  # the words found, still selected
    qtbot.keyClick(v, "2")  # ORG: the span there relabelled, not the word "Smith" made a span
    rows = entity_rows(db, db.document_ids()[0])
    assert rows[(s, e)].id == john.id and rows[(s, e)].label == "ORG"
    assert (find(DOC_A, "Smith")[0], e) not in rows
    qtbot.keyClick(v, Qt.Key.Key_Escape)  # a second Escape lets go of what is selected
    assert v.selection_cp() is None and w.controller.current_entity is None
