"""Session 41 (helper s41-app): the app's loose ends of learning and decisions. Each test failed on main before its
fix (written and run first)."""

from __future__ import annotations

import threading

import pytest


def _train_versions(project, count: int, size: int = 1000) -> None:  # type: ignore[no-untyped-def]
    from annotator.learn import versions

    for k in range(count):
        tmp = versions.new_temp_folder(project)
        (tmp / "pipeline").mkdir()
        (tmp / "pipeline" / "weights.bin").write_bytes(b"w" * size * (k + 1))
        versions.publish(project, tmp, {"created": f"run {k}", "documents": 3}, k == 0)


def test_save_a_copy_copies_the_trained_models_off_the_window_s_thread(qtbot, window, tmp_path, monkeypatch):
    """File > Save a copy… copied the models' folder in the GUI thread: a few hundred MB of weights to a USB stick held
    the window (no repaint, no key, no cancel) for as long. The copy runs in a worker; the copy is opened when its
    models are there, and the line says so."""
    from annotator.learn import copy_models, versions
    from ui import file_dialogs

    c = window.controller
    _train_versions(c.project, 2)
    threads: list[bool] = []
    real = copy_models.size_of
    monkeypatch.setattr(
        copy_models,
        "size_of",
        lambda f: threads.append(threading.current_thread() is threading.main_thread()) or real(f),
    )
    said: list[str] = []
    c.info.connect(said.append)
    copy = tmp_path / "away" / "copy.annotator"
    copy.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(copy), ""))
    window.save_copy_of_project()
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == copy, timeout=20000)
    assert threads == [False]  # on main: [True], the GUI thread's
    assert versions.left_behind(c.project) == []
    assert (versions.version_folder(c.project, 2) / "pipeline" / "weights.bin").stat().st_size == 2000
    assert any(
        line.startswith("A copy of the project, with its trained model versions 1, 2, is saved as") for line in said
    ), said


def test_cancel_during_save_a_copy_s_models_leaves_nothing_and_opens_the_copy(qtbot, window, tmp_path, monkeypatch):
    """The models' copy shows its progress in the status bar with Cancel; Cancel pressed while a file is copied stops
    it inside that file, leaves no half-written folder at the target, opens the copy and says where the models were
    left."""
    from PySide6.QtCore import Qt

    from annotator.learn import copy_models, versions
    from ui import file_dialogs

    c = window.controller
    _train_versions(c.project, 1, size=64 * 1024)
    source = versions.models_dir(c.project)
    monkeypatch.setattr(copy_models, "CHUNK", 1024)
    gate, real = threading.Event(), copy_models._copy_file

    def held(*args):  # type: ignore[no-untyped-def]
        gate.wait(60)  # until Cancel is pressed (a guard against a hang, never reached)
        return real(*args)

    monkeypatch.setattr(copy_models, "_copy_file", held)
    copy = tmp_path / "copy.annotator"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(copy), ""))
    window.save_copy_of_project()
    qtbot.waitUntil(lambda: window.cancel_button.isVisible(), timeout=20000)
    shown, line = window.progress_label.text(), window.message.text()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == copy, timeout=20000)
    box = window._alert_box
    text, title = box.text(), box.windowTitle()
    box.close()
    assert shown in ("Copying the trained models", "cancelling…"), shown
    # the line while they are copied (it said "No project open: File > New project… makes one")
    assert (
        line == "copy.annotator is saved; it opens once its trained models are copied beside it (Cancel: without them)"
    )
    assert title == "Trained models not copied"
    assert text == (
        f"copy.annotator is saved and open, but its trained models were left in {source} (the copy of them was "
        "cancelled)"
    )
    assert [p.name for p in tmp_path.iterdir() if "copy.annotator.models" in p.name] == []  # nor its .part folder


@pytest.mark.slow  # a window of its own: ~1 s
def test_opening_a_project_whose_documents_keep_nouns_of_older_rules_says_so_and_how_to_refresh(qtbot, project_path):
    """A project pre-annotated before the rules' last change keeps the noun heads those rules stored (the role keys
    offer them) until it is pre-annotated again: nothing said so. Its open says it in one line with the command."""
    from annotator.store import Project
    from ui_support import close_window, open_window

    with Project(project_path, create=False, annotator="t") as p, p.transaction():
        for doc in p.document_ids()[:2]:
            starts, ends, *_ = p.db.token_row(doc)[1:]
            p.db.insert_tokens(doc, "spacy:x@1", starts, ends, "[0]", replace=True, noun_heads="[[0, 4]]")
    w = open_window(qtbot, project_path, size=(1366, 768))
    said = (
        "2 documents keep the nouns older rules stored for the role keys: Project > Pre-annotate all documents "
        "refreshes them"
    )
    qtbot.waitUntil(lambda: w.message.text() == said, timeout=20000)
    close_window(w)
