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
    """``train._load_full`` whose pipeline counts in ``seen`` the texts its ``pipe`` has taken (a text taken is being
    parsed: spaCy parses a batch before it gives the first Doc back); ``on_load`` runs once the model is loaded."""

    def loaded(base):  # type: ignore[no-untyped-def]
        nlp = load(base)
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
    monkeypatch.setattr(train, "_load_full", _counting_parser(train._load_full, seen, lambda: pressed.wait(60)))
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
        mp.setattr(train, "_load_full", _counting_parser(train._load_full, seen))
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
