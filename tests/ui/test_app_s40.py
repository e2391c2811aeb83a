"""Session 40 (helper s40-app): learning in the app and an annotator's day through the real window. Each test failed
on main before its fix (written and run first)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest


def _finished(path: Path, names: int) -> None:
    """The fixture project's documents, each of its first ``names`` accepted whole and marked annotated (training's
    finished documents)."""
    from annotator import edits, edits_flow
    from annotator.store import Project

    with Project(path, create=False, annotator="tester") as project:
        for doc_id in project.document_ids()[:names]:
            edits_flow.accept_rest(project, doc_id)
            edits.set_status(project, doc_id, "annotated")


def _counting_parser(load, seen: list[int], on_load=None):  # type: ignore[no-untyped-def]
    """``train._load_parser`` whose pipeline counts in ``seen`` the texts its ``pipe`` has taken (a text taken is being
    parsed: spaCy parses a batch before it gives the first Doc back); ``on_load`` runs once the model is loaded."""

    def loaded(base, events):  # type: ignore[no-untyped-def]
        nlp = load(base, events)
        real = nlp.pipe

        def taken(texts):  # type: ignore[no-untyped-def]
            for text in texts:
                seen.append(len(text))
                yield text

        nlp.pipe = lambda texts, **kw: real(taken(texts), **kw)
        if on_load is not None:
            on_load()
        return nlp

    return loaded


@pytest.mark.slow  # the real spaCy pipeline loaded: ~3 s
def test_cancel_pressed_while_training_loads_its_model_parses_no_document(qtbot, project_path, monkeypatch):
    """Project > Train suggestions…, Cancel pressed in the first seconds (spaCy's model loading): the run went on to
    parse the first 16 finished documents (2.4 s of CPU on events-dev articles, 10.7 s wall at load 9) before it looked
    at the cancel. It stops as soon as the model is loaded."""
    from annotator.learn import train
    from ui.dialogs.training import start_training
    from ui_support import close_window, open_window

    _finished(project_path, 3)
    w = open_window(qtbot, project_path, pipeline=None, size=(1366, 768))
    pressed, seen = threading.Event(), []
    monkeypatch.setattr(train, "_load_parser", _counting_parser(train._load_parser, seen, lambda: pressed.wait(60)))
    start_training(w, train.TrainOptions().quick())
    qtbot.waitUntil(lambda: w.progress_label.isVisible())
    qtbot.mouseClick(w.cancel_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    pressed.set()
    qtbot.waitUntil(lambda: not w.workers, timeout=120_000)
    said = w.message.text()
    close_window(w)
    assert said.startswith("Training: cancelled"), said
    assert seen == [], seen  # on main: the 3 documents parsed after the cancel


@pytest.mark.slow  # the real spaCy pipeline loaded: ~3 s
def test_training_parses_its_finished_documents_a_few_at_a_time_between_looks_at_cancel(qtbot, project_path):
    """The finished documents were handed to spaCy all at once, which parses 16 before it gives the first back: a
    Cancel pressed meanwhile waited for all 16. No more than four are taken before the run looks at Cancel again."""
    from annotator.learn import train
    from ui.dialogs.training import start_training
    from ui_support import close_window, open_window

    _finished(project_path, 3)
    w = open_window(qtbot, project_path, pipeline=None, size=(1366, 768))
    seen: list[int] = []
    at_first: list[int] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(train, "_load_parser", _counting_parser(train._load_parser, seen))
        start_training(w, train.TrainOptions().quick())
        worker = w.workers[-1]
        # the count of texts taken when the first document's parse is said (the worker's thread, in order)
        worker.progress.connect(
            lambda done, total, text: at_first.append(len(seen)) if text.startswith("parsing") and done == 1 else None,
            __import__("PySide6.QtCore").QtCore.Qt.ConnectionType.DirectConnection,
        )
        qtbot.waitUntil(lambda: bool(at_first), timeout=120_000)
        w.cancel_button.click()
        qtbot.waitUntil(lambda: not w.workers, timeout=120_000)
    close_window(w)
    assert at_first and at_first[0] <= 1, at_first  # on main 3: every finished document taken at once


def _entity_states(path: Path) -> list[tuple[int, int, int, str, str]]:
    """The file's spans: (document, start, end, label, state), sorted."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT document_id, start, end, label, state FROM entities").fetchall())
    finally:
        con.close()


def _press(qtbot, w, *keys) -> None:  # type: ignore[no-untyped-def]
    """Each (key, modifiers) pressed on the text, the window settled after each (its write landed)."""
    from PySide6.QtCore import Qt

    for key in keys:
        key, mods = key if isinstance(key, tuple) else (key, Qt.KeyboardModifier.NoModifier)
        qtbot.keyClick(w.view, key, mods)
        qtbot.waitUntil(lambda: not w.controller.landing)


def _resuggested(qtbot, w, pipeline) -> None:  # type: ignore[no-untyped-def]
    """Project > Pre-annotate all documents with ``pipeline``, waited for."""
    from ui_support import settled

    w.pipeline = pipeline
    w.actions_by_name["preannotate"].trigger()
    settled(qtbot, lambda: not w.workers)


def test_ctrl_y_after_a_re_suggest_redoes_the_accept_on_the_same_suggestion_written_again(qtbot, project_path):
    """Tab, Enter (“Maria Lopez” accepted), Ctrl+Z, Project > Pre-annotate all documents (which writes the suggestions
    nobody decided afresh, the same ones under new ids), Ctrl+Y: refused, "cannot redo 'accept_entity': the entitie 1
    was changed elsewhere — “Accept suggestion” was removed from the undo history", though the suggestion was there
    as it was. The redo accepts it (as a key on it does, ``shown.aimed_at``), and Ctrl+Z takes it back again."""
    from PySide6.QtCore import Qt
    from ui_support import close_window, open_window, pattern_pipeline

    w = open_window(qtbot, project_path, size=(1366, 768))
    w.view.setFocus()
    before = _entity_states(project_path)
    ctrl = Qt.KeyboardModifier.ControlModifier
    _press(qtbot, w, Qt.Key.Key_Tab, Qt.Key.Key_Return)
    accepted = _entity_states(project_path)
    _press(qtbot, w, (Qt.Key.Key_Z, ctrl))
    _resuggested(qtbot, w, pattern_pipeline)
    _press(qtbot, w, (Qt.Key.Key_Y, ctrl))
    said = w.message.text()
    redone = _entity_states(project_path)
    _press(qtbot, w, (Qt.Key.Key_Z, ctrl))
    undone, said_undo = _entity_states(project_path), w.message.text()
    close_window(w)
    assert (1, 0, 11, "PERSON", "accepted") in accepted
    assert said == "Redone: Accept suggestion", said  # on main: refused, the step dropped
    assert redone == accepted
    assert undone == before and said_undo == "Undone: Accept suggestion", said_undo


def test_ctrl_y_of_a_suggestion_a_re_suggest_took_away_names_its_words(qtbot, project_path):
    """The same with a pipeline that no longer suggests “Maria Lopez”: the refusal is right, but it said "the entitie 1
    was changed elsewhere" (a row's number nobody sees, the table's name cut, "elsewhere" of the window's own
    pre-annotation). It names the words and the label, and what takes a suggestion away."""
    from PySide6.QtCore import Qt
    from spacy_support import ruler_pipeline
    from ui_support import close_window, open_window

    def fewer():  # type: ignore[no-untyped-def]
        from annotator.nlp import Pipeline

        made = ruler_pipeline([{"label": "PERSON", "pattern": "John Smith"}])
        return Pipeline(made.nlp, "fewer", "1")

    w = open_window(qtbot, project_path, size=(1366, 768))
    w.view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    _press(qtbot, w, Qt.Key.Key_Tab, Qt.Key.Key_Return, (Qt.Key.Key_Z, ctrl))
    _resuggested(qtbot, w, fewer)
    _press(qtbot, w, (Qt.Key.Key_Y, ctrl))
    said = w.message.text()
    close_window(w)
    assert said == (
        "cannot redo: the suggestion “Maria Lopez” (PERSON) is gone (a pre-annotation or another window took it "
        "away) — “Accept suggestion” was removed from the undo history"
    ), said


def test_make_it_the_default_on_a_training_result_left_open_over_another_project_changes_nothing_there(
    qtbot, tmp_path, project_path
):
    """The "Training finished" box stays open while the person works (it is not modal). Left open, the project closed
    and another opened in the window, its "Make it the default" made version 1 of the other project the default
    (a model trained on other documents, in place of its better version 2), saying "Version 1 is now the default". The
    box's button is the trained project's: on another it changes nothing and says why."""
    import shutil

    from annotator.learn import versions
    from annotator.learn.train import TrainReport
    from annotator.store import Project
    from test_qa_session7_app import _version
    from ui.dialogs.training import show_training_result
    from ui_support import close_window, open_window

    other = tmp_path / "other.annotator"
    shutil.copyfile(project_path, other)
    with Project(other, create=False) as project:
        _version(project, 8, 0.9, default=False)
        _version(project, 9, 0.95, default=True)
    w = open_window(qtbot, project_path)
    _version(w.controller.project, 3, 0.5, default=False)
    report = TrainReport(documents=3, quick=True)
    report.version, report.made_default = 1, False
    show_training_result(w, "Training: done", report)
    box = w.training_result
    w.close_project_asked()
    assert w.open_project(other)
    next(b for b in box.buttons() if b.text() == "&Make it the default").click()
    said = w.message.text()
    with Project(other, create=False) as project:
        default = versions.default_version(project)
    assert w.open_project(project_path)
    with Project(project_path, create=False) as project:
        trained_default = versions.default_version(project)
    close_window(w)
    assert default == 2, default  # on main: 1, the other project's model changed by this project's box
    assert trained_default is None
    assert said == (
        "Version 1 is gui.annotator's, which is no longer open in this window; nothing was changed (open gui.annotator, "
        "then Project > Models… makes it the default)"
    ), said


def test_cancel_pressed_before_training_loads_its_model_loads_none(qtbot, project_path, monkeypatch):
    """Cancel pressed in the training's first half second (its modules importing, the finished documents read): it
    loaded spaCy's model all the same (1-2.7 s of CPU, 7 s wall at load 16) before it looked at the cancel. It stops
    before the load."""
    import spacy

    from annotator.learn import train
    from ui.dialogs.training import start_training
    from ui_support import close_window, open_window

    _finished(project_path, 3)
    w = open_window(qtbot, project_path, pipeline=None, size=(1366, 768))
    loads: list[str] = []
    read = train.finished_documents

    def read_then_cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        finished = read(*args, **kwargs)
        w.workers[-1].cancel()  # what Cancel does, while the finished documents are read
        return finished

    monkeypatch.setattr(train, "finished_documents", read_then_cancel)
    monkeypatch.setattr(train, "_load_parser", lambda base, events: loads.append(base) or spacy.blank("en"))
    start_training(w, train.TrainOptions().quick())
    qtbot.waitUntil(lambda: not w.workers, timeout=120_000)
    said = w.message.text()
    close_window(w)
    assert said.startswith("Training: cancelled"), said
    assert loads == []  # on main: the model loaded first
