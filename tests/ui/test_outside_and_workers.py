"""Changes by another process show up; workers pre-annotate, import and cancel on their own connections."""

from __future__ import annotations

import pytest

import sys

from PySide6.QtCore import Qt
from ui_support import DOC_A
from ui_helpers import find


@pytest.mark.slow
def test_changes_by_another_process_are_shown(qtbot, window, db):
    from annotator import edits

    db.annotator = "someone else"
    a = db.document_ids()[0]
    s, e = find(DOC_A, "forces")
    change = edits.add_entity(db, a, s, e, "NORP")
    qtbot.waitUntil(lambda: change.result_id in window.controller.entities)
    assert change.result_id in window.view.highlighter.items


def test_own_commits_do_not_reload(qtbot, window, db, monkeypatch):
    calls = []
    monkeypatch.setattr(window.controller, "reload", lambda: calls.append(1))
    s, e = find(DOC_A, "forces")
    window.view.select_cp(s, e)
    versions = window.controller.project.data_version(), db.data_version()
    qtbot.keyClick(window.view, "2")
    doc = window.controller.doc.id
    label = window.edit_actions.label_keys()["2"]
    assert any((x.start, x.end, x.label) == (s, e, label) for x in db.entities(doc)), "the key press committed nothing"
    assert db.data_version() != versions[1]  # the other connection sees a commit
    window.controller.check_outside_changes()
    assert calls == []


def test_preannotate_worker_fills_new_document(qtbot, window, db, tmp_path):
    from annotator.importing import IncomingDocument, import_documents

    import_documents(db, [IncomingDocument("Maria Lopez flew to Paris.", "new.txt")])
    window.preannotate(only_new=True)
    assert window.progress_bar.isVisible() or not window.workers
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    new_id = db.document_ids()[-1]
    assert {e.label for e in db.entities(new_id)} == {"PERSON", "GPE"}
    assert db.tokens(new_id) is not None
    assert "Pre-annotation" in window.message.text()
    assert not window.progress_bar.isVisible()


def test_import_worker_adds_documents_to_the_list(qtbot, window, db, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("Acme Corp hired John Smith.", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01bad")  # NULs, no byte order mark: binary (session 29)
    window.import_paths([str(tmp_path / "in")])
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 4)
    assert "1 imported" in window.message.text() and "bad.txt" in window.message.text()


def test_cancel_stops_preannotation(qtbot, window, db):
    from annotator.importing import IncomingDocument, import_documents

    # 400 documents (100 batches of 4): with 40, a machine under load let the worker finish them all before the
    # click reached the GUI thread, and the test failed with nothing wrong (seen twice in session 29).
    count = 400
    before = db.db.conn.execute("SELECT count(*) FROM tokens").fetchone()[0]
    import_documents(db, [IncomingDocument(f"Document {i} about Paris.", f"d{i}.txt") for i in range(count)])
    window.preannotate(only_new=True)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    assert "cancel" in window.message.text().lower()
    done = db.db.conn.execute("SELECT count(*) FROM tokens").fetchone()[0]
    assert done < before + count


@pytest.mark.slow
def test_gui_module_does_not_import_spacy():
    import importlib
    import subprocess

    code = "import sys, ui.app, ui.main_window, ui.workers; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "False"
    importlib.import_module("ui.app")


@pytest.mark.slow
def test_app_start_and_opening_a_project_import_neither_spacy_nor_sqlite_utils(project_path):
    """sqlite-utils is for migrations and bulk writes: importing it cost about a quarter of the app's start."""
    import subprocess

    code = (
        "import sys, ui.app, ui.main_window, ui.workers\n"
        "from ui.controller import Controller\n"
        "c = Controller(); c.open_project(sys.argv[1]); c.close_project()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'sqlite_utils'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(project_path)],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "[]"


def test_main_opens_project_without_asking_name(qtbot, project_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    import ui.app as app_mod
    from ui.settings import AppSettings

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    windows_before = set(QApplication.topLevelWidgets())
    assert app_mod.main([str(project_path), "--annotator", "ana"]) == 0
    assert AppSettings().annotator == "ana"
    new = [
        w
        for w in QApplication.topLevelWidgets()
        if w not in windows_before and w.objectName() == "" and w.__class__.__name__ == "MainWindow"
    ]
    assert new and new[0].controller.doc is not None
    assert new[0].controller.project.annotator == "ana"
    for w in new:
        w.auto_preannotate = False
        w.close()


def test_import_format_worker_counts_in_english_once(qtbot, window, tmp_path):
    # the app's import said "1 things not kept (see warnings); 1 warning(s): ...": two wordings of one count
    from ui.status_line import SEPARATOR
    from ui.workers import ImportFormatWorker

    path = tmp_path / "pos.conll"
    path.write_text("Maria NNP B-PERSON\nLopez NNP I-PERSON\nflew VBD O\n", encoding="utf-8")
    window.start_worker(ImportFormatWorker(window.controller.project.path, "conll", [str(path)]))
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    lines = window.message.text().split(SEPARATOR)  # the status line's one line, a line of the text a part
    assert lines[0] == (
        "Import (CoNLL): 1 imported, 1 entity, 0 events, 0 duplicates skipped, 0 files skipped; "
        "1 thing not kept (see warnings)"
    )
    assert lines[1:] == [
        f"not kept: {path}: 1 column besides the token and the entity tag "
        + "(CoNLL-2003's part-of-speech and chunk tags, say)"
    ]
