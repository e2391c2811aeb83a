"""A first hour, session 20 (docs/reliability.md, round 12, session 20): keys through the real window, then the
project file or the window's words."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from PySide6.QtCore import Qt
from ui_support import (
    close_window,
    open_window,
    project_held_elsewhere,
    settled,
    show_widget,
    shown_window,
    window_settled,
)

from annotator.importing import IncomingDocument, import_documents
from annotator.lease import host_name
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


def lease_and_suggestions(path) -> tuple[list[tuple], int]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT pid, host FROM preannotation_lease").fetchall(), conn.execute(
            "SELECT count(*) FROM entities"
        ).fetchone()[0]
    finally:
        conn.close()


def test_the_empty_document_says_another_run_is_under_way_not_pre_annotate_all(qtbot, tmp_path):
    """Round 11: after an open that found another run's lease, the empty document's line said "No suggestions here
    yet: Project > Pre-annotate all documents makes them", which that run's lease refused."""

    path = project_held_elsewhere(tmp_path, minutes_ago=3)
    w = shown_window(qtbot, auto_preannotate=True)
    assert w.open_project(path)
    window_settled(qtbot, w)
    said = w.message.text()
    assert "Pre-annotate all documents makes them" not in said, said
    assert said.startswith("Waiting for the pre-annotation on elsewhere (pid 4242, last seen at "), said
    assert said.endswith("; if it has stopped, Project > Pre-annotate all documents takes it over"), said
    assert not w.workers and lease_and_suggestions(path) == ([(4242, "elsewhere")], 0)
    close_window(w)


def test_another_host_s_run_is_offered_to_take_over_and_pre_annotation_runs(qtbot, tmp_path, monkeypatch):
    """A run on another host that stopped without a word held the project for 10 minutes, and Project > Pre-annotate
    all documents said only "run it again when that one has finished"."""
    path = project_held_elsewhere(tmp_path, minutes_ago=3)
    w = open_window(qtbot, path)
    asked: list[str] = []
    monkeypatch.setattr(w, "ask_take_over", lambda text: asked.append(text) or False)
    w.preannotate_all()
    window_settled(qtbot, w)
    assert len(asked) == 1 and "running on elsewhere (pid 4242), not heard from for 3 min" in asked[0], asked
    assert w.message.text().endswith("nothing was started: run it again when that one has finished, or take it over")
    assert not w.workers and lease_and_suggestions(path) == ([(4242, "elsewhere")], 0)  # Wait: as it was
    monkeypatch.setattr(w, "ask_take_over", lambda text: asked.append(text) or True)
    w.preannotate_all()
    settled(qtbot, lambda: not w.workers)
    lease, made = lease_and_suggestions(path)
    assert lease == [] and made > 0, (lease, made, w.message.text())
    close_window(w)


def test_a_live_run_of_this_machine_is_not_offered_to_take_over(qtbot, tmp_path, monkeypatch):
    path = project_held_elsewhere(tmp_path, minutes_ago=3, host=host_name(), pid=os.getpid())
    w = open_window(qtbot, path)
    monkeypatch.setattr(w, "ask_take_over", lambda text: pytest.fail("asked"))
    w.preannotate_all()
    settled(qtbot, lambda: not w.workers)
    assert "nothing was started: run it again when that one has finished" in w.message.text()
    assert lease_and_suggestions(path) == ([(os.getpid(), host_name())], 0)
    close_window(w)


def test_the_export_dialog_says_a_folder_it_cannot_write_in_and_stays_open(qtbot, tmp_path):
    """An export into a folder the user cannot write (as ``nobody``) or that is not there was refused only after the
    dialog had closed, in the status line; the project's own file name was refused in the dialog itself."""
    from PySide6.QtWidgets import QDialog

    from ui.dialogs.export import ExportDialog

    dlg = show_widget(qtbot, ExportDialog(str(tmp_path / "p.json"), None))
    dlg.path.setText(str(tmp_path / "nowhere" / "out.json"))
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted and dlg.isVisible()
    assert dlg.error.text() == f"{tmp_path / 'nowhere'}: no such folder"
    dlg.path.setText(str(tmp_path / "out.json"))
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
