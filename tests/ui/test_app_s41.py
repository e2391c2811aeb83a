"""Session 41 (helper s41-app): the app's loose ends of learning and decisions. Each test failed on main before its
fix (written and run first)."""

from __future__ import annotations

import threading

import pytest
from ui_support import save_copy_as, train_versions


def test_save_a_copy_copies_the_trained_models_off_the_window_s_thread(qtbot, window, tmp_path, monkeypatch):
    """File > Save a copy… copied the models' folder in the GUI thread: a few hundred MB of weights to a USB stick held
    the window (no repaint, no key, no cancel) for as long. The copy runs in a worker; the copy is opened when its
    models are there, and the line says so."""
    from annotator.learn import copy_models, versions

    c = window.controller
    train_versions(c.project, 2)
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
    save_copy_as(window, monkeypatch, copy)
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

    c = window.controller
    train_versions(c.project, 1, size=64 * 1024)
    source = versions.models_dir(c.project)
    monkeypatch.setattr(copy_models, "CHUNK", 1024)
    gate, real = threading.Event(), copy_models._copy_file

    def held(*args):  # type: ignore[no-untyped-def]
        gate.wait(60)  # until Cancel is pressed (a guard against a hang, never reached)
        return real(*args)

    monkeypatch.setattr(copy_models, "_copy_file", held)
    copy = tmp_path / "copy.annotator"
    save_copy_as(window, monkeypatch, copy)
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


def _meet_written(path) -> None:  # type: ignore[no-untyped-def]
    """A run's store of a suggested Contact:Meet on a.txt's "met", its Entity the two people around it (another
    connection, as ``annotator preannotate`` or the app's run writes it: the undecided cleared, then written afresh)."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, clear_undecided, write_entities, write_events
    from ui_helpers import find
    from ui_support import DOC_A

    with Project(path, create=False, annotator="cli") as p:
        doc = next(d["id"] for d in p.document_summaries() if d["name"] == "a.txt")
        people = tuple(ArgumentSuggestion("Entity", *find(DOC_A, w), "PERSON") for w in ("Maria Lopez", "John Smith"))
        counts = WriteCounts()
        with p.transaction():
            clear_undecided(p, doc, counts)
            write_entities(p, doc, [], "spacy:x@1", counts)
            write_events(
                p, doc, [EventSuggestion("Contact:Meet", *find(DOC_A, "met"), 0.8, people)], "rules:t@1", counts
            )


def _event_states(path):  # type: ignore[no-untyped-def]
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT type, state FROM events").fetchall()), sorted(
            con.execute("SELECT start, end, label, state FROM entities WHERE label = 'PERSON'").fetchall()
        )
    finally:
        con.close()


@pytest.mark.slow  # a window of its own: ~4 s
def test_ctrl_y_of_an_accepted_event_after_a_re_suggest_is_redone_on_the_event_written_again(qtbot, project_path):
    """] to a suggested Meet, Enter (accepted, its people with it), Ctrl+Z, a re-suggest writes the same suggestion
    again (new ids), Ctrl+Y: "cannot redo: the suggested Contact:Meet event “met” is gone …", the step dropped. It is
    redone on the event written again; Ctrl+Z takes it back."""
    from PySide6.QtCore import Qt

    from ui_helpers import find
    from ui_support import DOC_A, close_window, open_window

    _meet_written(project_path)
    w = open_window(qtbot, project_path, size=(1366, 768))
    c, v = w.controller, w.view
    qtbot.waitUntil(lambda: w.panels_built)
    v.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(v, Qt.Key.Key_BracketRight)  # ] to the event
    assert c.events[c.current_event].type == "Contact:Meet"
    before = _event_states(project_path)
    for key, mods in ((Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Z, ctrl)):
        qtbot.keyClick(v, key, mods)
        qtbot.waitUntil(lambda: not c.landing)
    _meet_written(project_path)  # the re-suggest
    qtbot.keyClick(v, Qt.Key.Key_Y, ctrl)
    qtbot.waitUntil(lambda: not c.landing)
    said, redone = w.message.text(), _event_states(project_path)
    qtbot.keyClick(v, Qt.Key.Key_Z, ctrl)
    qtbot.waitUntil(lambda: not c.landing)
    undone = _event_states(project_path)
    close_window(w)
    fillers = {find(DOC_A, "Maria Lopez"), find(DOC_A, "John Smith")}
    accepted = [(a, b, label, "accepted" if (a, b) in fillers else state) for a, b, label, state in before[1]]
    assert before[0] == [("Contact:Meet", "suggested")]
    assert said.startswith("Redone:"), said  # on main: "cannot redo: the suggested Contact:Meet event “met” is gone …"
    assert redone == ([("Contact:Meet", "accepted")], accepted) != before
    assert undone == before


def test_a_project_moved_then_deleted_where_it_went_offers_save_a_copy(qtbot, window, project_path, tmp_path):
    """The open project moved to the bin (the bar: "Project file moved … reopen it from …", Open it where it is now),
    then the bin emptied: the bar kept offering to open a file gone, and quitting lost the only copy of the work
    without a word. The app's poll sees the delete: the bar says the work is the only copy and offers Save a copy…."""
    import os

    c = window.controller
    window.edit_actions.accept_all()  # the person's work, saved
    moved = tmp_path / "bin" / project_path.name
    moved.parent.mkdir()
    os.rename(project_path, moved)
    c.check_outside_changes()  # the app's poll
    qtbot.waitUntil(lambda: window.moved_bar.isVisible())
    assert window.moved_bar.title() == "Project file moved"
    os.remove(moved)
    c.check_outside_changes()  # the next poll
    bar = window.moved_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.title() == "Project file deleted")  # on main: "moved" stays
    assert "only copy" in bar.text(), bar.text()
    assert [b.text() for b in bar.buttons()] == ["&Save a copy… (Alt+S)", "&Keep working here (Alt+K)"]
