"""The Adjudication window says which annotators did not work on the document (their file had it, status new): the
rule that leaves them out (session 13) would otherwise just drop their column without a word."""

from __future__ import annotations

from pathlib import Path

from ui_support import close_window, open_window

TEXT = "Maria Lopez met officials in Kabul."


def _team(tmp_path: Path) -> Path:
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from team_copies import merged_copies

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument(TEXT, "one.txt")])
    return merged_copies(
        team, {"alice": lambda p: edits.add_entity(p, p.document_ids()[0], 0, 11, "PERSON"), "bob": None}
    )  # bob never opens it


def test_the_heading_names_the_annotator_who_did_not_work_on_the_document(qtbot, tmp_path):
    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        heading = dlg.heading.text()
        assert "sets A = alice; not worked on by bob (status new in the file: left out)" in heading, heading
        assert dlg.tree.columnCount() == 5  # Kind, Difference, Text, alice, Decision: no column of bob's 'nothing'
    finally:
        close_window(w)


def test_one_annotators_items_are_hers_not_agreed(qtbot, tmp_path):
    """On a document only alice worked on, her items read 'same' and G recorded them 'agreed by vera' (nobody
    agreed: there was nobody to differ from); they read 'one annotator', G records them as alice's, and there are
    no two versions to keep (Both)."""
    from PySide6.QtCore import Qt

    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        assert dlg.tree.topLevelItem(0).text(1) == "one annotator"
        assert not dlg.buttons["both"].isEnabled()
        # the keys said "A / B ... +: keep both spans ... G: all agreed" with one annotator
        assert dlg.hint.text() == "A: take the annotator's version · E: edit · G: take them all · Ctrl+Z: undo"
        assert dlg.buttons["agreed"].text() == "Take all (G)"
        qtbot.keyClick(dlg.tree, Qt.Key.Key_G)
        qtbot.waitUntil(lambda: dlg.diffs[0].settled)
        assert dlg.diffs[0].decision["take"] == "alice"
        assert dlg.tree.topLevelItem(0).text(4) == "alice by vera"
    finally:
        close_window(w)


def test_g_with_one_annotator_is_undone_as_take_all(qtbot, tmp_path):
    """Session 25 (s25-qab): G on a document one annotator worked on reads "Take all (G)", but Edit > Undo and the
    line after Ctrl+Z said "Take all agreed" ("Undone: Take all agreed"), nothing being agreed."""
    from PySide6.QtCore import Qt

    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        qtbot.keyClick(dlg.tree, Qt.Key.Key_G)
        qtbot.waitUntil(lambda: dlg.diffs[0].settled)
        assert w.controller.undo_stack.undoText() == "Take all"
    finally:
        close_window(w)
