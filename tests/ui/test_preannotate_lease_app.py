"""The app and another pre-annotation of the same project (annotator.lease): its own run of new documents after an
open waits quietly while ``annotator preannotate`` holds the lease and starts once it is let go; Project >
Pre-annotate all documents says in the status line that another run is under way (round 11, docs/reliability.md:
both ran, doubling the CPU)."""

from __future__ import annotations

import sqlite3

from ui_support import close_window, project_held_elsewhere, settled, shown_window, window_settled

from annotator.store import Project


def suggestions(path) -> int:  # type: ignore[no-untyped-def]
    with Project(path, create=False, read_only=True) as p:
        return sum(len(p.entities(i)) for i in p.document_ids())


def test_the_app_s_run_of_new_documents_waits_for_another_run_and_starts_after_it(qtbot, tmp_path, monkeypatch):
    from ui import window_preannotation

    from annotator import lease

    monkeypatch.setattr(window_preannotation, "LEASE_RETRY_MS", 100)
    asked: list[object] = []
    monkeypatch.setattr(lease, "running", lambda p, ask=lease.running: asked.append(ask(p)) or asked[-1])
    path = project_held_elsewhere(tmp_path)
    w = shown_window(qtbot, auto_preannotate=True)
    assert w.open_project(path)
    window_settled(qtbot, w)
    assert not w.workers and suggestions(path) == 0  # waiting, not running beside the other
    assert "already running" not in w.message.text()  # quietly
    settled(qtbot, lambda: len(asked) >= 3)  # tried again, the lease still held: still waiting
    assert all(a is not None for a in asked) and not w.workers and suggestions(path) == 0
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM preannotation_lease")  # the other run ends
    conn.commit()
    conn.close()
    settled(qtbot, lambda: suggestions(path) > 0 and not w.workers)
    assert "Pre-annotation: 1 document" in w.message.text()
    close_window(w)


def test_pre_annotate_all_says_another_run_is_under_way(qtbot, tmp_path, monkeypatch):
    from ui_support import open_window

    path = project_held_elsewhere(tmp_path)
    w = open_window(qtbot, path)
    monkeypatch.setattr(w, "ask_take_over", lambda text: False)  # another host's: asked (session 20), not taken
    w.preannotate_all()
    settled(qtbot, lambda: not w.workers)
    said = w.message.text()
    assert said.startswith("Pre-annotation is already running on this project (pid 4242 on elsewhere since "), said
    assert suggestions(path) == 0
    close_window(w)
