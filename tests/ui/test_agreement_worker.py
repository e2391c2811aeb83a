"""Review > Agreement works out its scores in a worker: the window opens at once, the app's window keeps
answering meanwhile, and Cancel stops the work at the next document, leaving nothing behind (until session 13 the
scores were worked out on the window's thread before the window opened: a large team project froze the app)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from ui_support import close_window, open_window

TEXT = "Acme Corp hired Mary in Washington."


@pytest.fixture
def team_path(tmp_path: Path) -> Path:
    """Four documents, alice's and bob's sets on each."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "team.annotator"
    with Project(path, annotator="setup") as p:
        docs = [
            d
            for _, d in import_documents(p, [IncomingDocument(f"{TEXT} ({k})", f"t{k}.txt") for k in range(4)]).imported
        ]
        for name, label in (("alice", "PERSON"), ("bob", "ORG")):
            p.annotation_set, p.annotator = name, name
            for doc in docs:
                edits.add_entity(p, doc, TEXT.index("Mary"), TEXT.index("Mary") + 4, label)
    return path


def _gated(monkeypatch, gate: threading.Event) -> list[int]:  # type: ignore[no-untyped-def]
    """Each document's scoring waits (up to 5 s) for ``gate``; returns the documents scored, in order."""
    import annotator.teams.agreement as core

    scored: list[int] = []
    real = core.document_scores

    def waiting(project, doc_id, a, b):  # type: ignore[no-untyped-def]
        gate.wait(5)
        scored.append(doc_id)
        return real(project, doc_id, a, b)

    monkeypatch.setattr(core, "document_scores", waiting)
    return scored


def _rows(path: Path) -> tuple[int, ...]:
    from annotator.store import Project

    with Project(path, create=False) as p:
        return tuple(
            p.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("change_log", "entities", "documents")
        )


def test_the_window_answers_while_the_scores_are_worked_out(qtbot, team_path, monkeypatch):
    gate = threading.Event()
    scored = _gated(monkeypatch, gate)
    w = open_window(qtbot, team_path, annotator="vera", pipeline=None)
    try:
        ticks: list[bool] = []  # each tick of a timer on the GUI thread: was the work done yet?
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: (ticks.append(bool(scored)), len(ticks) >= 3 and gate.set()))
        timer.start()
        w.actions_by_name["agreement"].trigger()
        dlg = w._agreement_window
        assert dlg.isVisible() and dlg.result is None  # open at once, the scores to come
        qtbot.waitUntil(lambda: dlg.result is not None, timeout=20000)
        timer.stop()
        # the timer fired while the work waited for it: on the window's thread it could not (the gate's 5 s ran out)
        assert ticks[:3] == [False, False, False]
        assert len(scored) == 4 and dlg.tabs.count() == 1 and dlg.tabs.tabText(0) == "alice vs bob"
        qtbot.waitUntil(lambda: not w.workers)
        assert "Agreement: 1 pair of annotators" in w.message.text()
    finally:
        close_window(w)


def test_cancel_stops_at_the_next_document_and_leaves_nothing_behind(qtbot, team_path, monkeypatch):
    before = _rows(team_path)
    gate = threading.Event()
    scored = _gated(monkeypatch, gate)
    w = open_window(qtbot, team_path, annotator="vera", pipeline=None)
    try:
        w.actions_by_name["agreement"].trigger()
        dlg = w._agreement_window
        worker = dlg.worker
        assert worker is not None and worker in w.workers
        qtbot.waitUntil(lambda: worker.cancelled or dlg.bar.maximum() == 4)  # the work has started
        dlg.cancel_button.click()
        assert not dlg.isVisible()  # the window goes at once
        gate.set()  # the document being scored ends; the next progress stops the work
        qtbot.waitUntil(lambda: not w.workers)
        assert dlg.worker is None  # the thread ended (and was deleted by the window's start_worker)
        assert len(scored) == 1  # one document of four: stopped, not run to the end
        assert dlg.result is None and dlg.tabs.count() == 0
        assert "Agreement: cancelled" in w.message.text()
        assert not w.progress_bar.isVisible()  # the status line's progress is gone too
        assert _rows(team_path) == before  # nothing written
    finally:
        close_window(w)


@pytest.mark.slow  # 1.6 s: the close waits for the worker held back
def test_closing_the_app_while_the_scores_are_worked_out_asks_nothing(qtbot, team_path, monkeypatch):
    """Quitting asked 'Agreement is still running. Stop it and quit? Finished batches are saved; …': nothing of it
    is saved, it only reads; the work is stopped without a question, as closing its window stops it."""
    gate = threading.Event()
    _gated(monkeypatch, gate)
    w = open_window(qtbot, team_path, annotator="vera", pipeline=None)
    asked: list[str] = []
    monkeypatch.setattr(w, "confirm_stop_work", lambda title: asked.append(title) or False)
    try:
        w.actions_by_name["agreement"].trigger()
        worker = w._agreement_window.worker
        qtbot.waitUntil(lambda: w._agreement_window.bar.maximum() == 4)  # the work has started
        QTimer.singleShot(300, gate.set)  # the document being scored ends while the window waits for the worker
        assert w.close()
        assert asked == [] and worker.cancelled
    finally:
        gate.set()
        close_window(w)


def test_while_the_scores_are_worked_out_the_window_says_what_comes(qtbot, team_path, monkeypatch):
    """It showed its progress above an empty table area (session 13, seen and left): the area says what is being
    worked out, and how far, until the tables replace it."""
    gate = threading.Event()
    _gated(monkeypatch, gate)
    w = open_window(qtbot, team_path, annotator="vera", pipeline=None)
    try:
        w.actions_by_name["agreement"].trigger()
        dlg = w._agreement_window
        qtbot.waitUntil(lambda: dlg.bar.maximum() == 4)  # the work has started
        assert dlg.waiting.isVisible() and not dlg.tabs.isVisible()
        said = dlg.waiting.text()
        assert "alice vs bob" in said and "0 of 4 documents scored" in said and "Event triggers".lower() in said
        gate.set()
        qtbot.waitUntil(lambda: dlg.result is not None, timeout=20000)
        assert dlg.tabs.isVisible() and not dlg.waiting.isVisible() and dlg.tabs.count() == 1
    finally:
        gate.set()
        close_window(w)


def agreement_note_ends_with_its_window(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Agreement from the menu: its note in the status line while its window is open, the line as it was after."""
    before = w.message.text()
    w.actions_by_name["agreement"].trigger()
    dlg = w._agreement_window
    qtbot.waitUntil(lambda: dlg.result is not None and not w.workers, timeout=20000)
    assert w.message.text().startswith("Agreement: 1 pair of annotators")
    dlg.close()
    assert "Agreement" not in w.message.text() and w.message.text() == before != ""


def test_the_status_lines_note_ends_with_the_window(qtbot, team_path):
    """'Agreement: 1 pair of annotators, 2 annotation sets' stayed in the status line after the window was closed,
    until some other message came; it goes with the window, and the line tells the document's work again."""
    w = open_window(qtbot, team_path, annotator="vera", pipeline=None)
    try:
        agreement_note_ends_with_its_window(qtbot, w)
    finally:
        close_window(w)


def test_the_note_ends_with_the_window_when_the_scores_came_before_it_showed(qtbot, team_path, monkeypatch):
    """A small project's scores can be worked out before the window that asked for them is shown (the worker's
    thread runs while the app's thread is held back by a busy machine): the 'done' came before the window's note
    was listening, so the line said 'Agreement: …' as a plain message and closing the window left it there (2 of 8
    inner loops in session 21). The note is listening before the work starts."""
    w = open_window(qtbot, team_path, annotator="vera", pipeline=None)
    real = w.start_worker

    def start_and_wait(worker, *args, **kwargs):  # type: ignore[no-untyped-def]
        real(worker, *args, **kwargs)
        assert worker.wait(20000)  # done and finished emitted (queued) before start returns

    monkeypatch.setattr(w, "start_worker", start_and_wait)
    try:
        agreement_note_ends_with_its_window(qtbot, w)
    finally:
        close_window(w)
