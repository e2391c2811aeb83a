"""Edits made while another program holds the project's write lock (an import of a large file, a merge) are kept
in order and written once it is free (``annotator.write_queue``), never refused after the busy timeout."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import edits
from annotator.errors import BusyError, SaveError, ValidationError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import BUSY_TIMEOUT_MS, Project
from annotator.write_queue import WriteQueue
from core_helpers import hold_lock, stored_comments


@pytest.fixture
def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Project(tmp_path / "p.annotator", annotator="ann") as p:
        import_documents(p, [IncomingDocument("Paris is in France.", "a.txt")])
        yield p


def test_a_write_that_finds_the_lock_held_is_a_busy_error_saying_how_long_it_waited(project: Project) -> None:
    other = hold_lock(project.path, "x")
    try:
        with project.lock_wait(0), pytest.raises(BusyError) as caught:
            edits.add_comment(project, 1, "mine")
        assert isinstance(caught.value, SaveError)
        assert "another program is writing to it (waited 0 s" in str(caught.value)
        assert "nothing was changed" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert project.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS  # the wait put back
    assert stored_comments(project.path) == []


def test_edits_made_while_another_program_writes_are_kept_in_order_and_written_once_it_is_done(
    project: Project,
) -> None:
    queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
    other = hold_lock(project.path, "x")
    try:
        results = [
            queue.submit(project, text, lambda text=text: edits.add_comment(project, 1, text))
            for text in ("first", "second", "third")
        ]
        assert results == [(False, None)] * 3  # none refused, none written: kept
        assert queue.keys() == ["first", "second", "third"]
        assert isinstance(queue.last_busy, BusyError)
        assert queue.retry(project) == []  # still held: all kept, in order
        assert len(queue) == 3
    finally:
        other.execute("COMMIT")
        other.close()
    landed = queue.retry(project)
    assert [key for key, _ in landed] == ["first", "second", "third"]
    assert all(change.ids("comments") for _, change in landed)  # type: ignore[attr-defined]
    assert len(queue) == 0
    # the other program's write first, then the person's, in the order they were made
    assert stored_comments(project.path) == [("other", "x"), ("ann", "first"), ("ann", "second"), ("ann", "third")]
    # with nothing kept and the lock free, an edit is written at once
    assert queue.submit(project, "fourth", lambda: edits.add_comment(project, 1, "fourth"))[0] is True


def test_an_edit_made_after_one_that_is_kept_waits_behind_it_even_when_the_lock_is_free(project: Project) -> None:
    queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
    other = hold_lock(project.path, "x")
    queue.submit(project, "first", lambda: edits.add_comment(project, 1, "first"))
    other.execute("COMMIT")
    other.close()
    assert queue.submit(project, "second", lambda: edits.add_comment(project, 1, "second")) == (False, None)
    assert [k for k, _ in queue.retry(project)] == ["first", "second"]
    assert [t for _, t in stored_comments(project.path)] == ["x", "first", "second"]


def test_a_kept_edit_that_fails_for_another_reason_is_done_with_and_the_rest_go_on(project: Project) -> None:
    queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
    other = hold_lock(project.path, "x")
    queue.submit(project, "before", lambda: edits.add_comment(project, 1, "before"))
    queue.submit(project, "gone", lambda: edits.delete_comment(project, 999))
    queue.submit(project, "kept", lambda: edits.add_comment(project, 1, "kept"))
    other.execute("COMMIT")
    other.close()
    _, (gone, refused), (kept, change) = queue.retry(project)
    assert (gone, kept) == ("gone", "kept")
    assert isinstance(refused, ValidationError) and "no comment with id 999" in str(refused)
    assert change.ids("comments")  # type: ignore[attr-defined]
    assert len(queue) == 0  # the refused one is not tried again
    assert [t for _, t in stored_comments(project.path)] == ["x", "before", "kept"]


def test_take_last_forgets_an_edit_never_written(project: Project) -> None:
    queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
    other = hold_lock(project.path, "x")
    queue.submit(project, "a", lambda: edits.add_comment(project, 1, "a"))
    queue.submit(project, "b", lambda: edits.add_comment(project, 1, "b"))
    assert queue.take_last() == "b"
    other.execute("COMMIT")
    other.close()
    assert [k for k, _ in queue.drain(project, timeout_s=5)] == ["a"]
    assert [t for _, t in stored_comments(project.path)] == ["x", "a"]


def test_a_retry_with_a_budget_writes_at_least_one_and_leaves_the_rest_in_order(project: Project) -> None:
    """Each write waits for the disk: 60 kept edits written in one go held the app's window 1.2 s (bench/
    edit_during_import.py); with a budget the rest wait for the next try, in order."""
    queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
    other = hold_lock(project.path, "x")
    for text in ("a", "b", "c"):
        queue.submit(project, text, lambda text=text: edits.add_comment(project, 1, text))
    other.execute("COMMIT")
    other.close()
    assert [k for k, _ in queue.retry(project, budget_s=0)] == ["a"]
    assert queue.keys() == ["b", "c"]
    assert [k for k, _ in queue.retry(project, budget_s=0)] == ["b"]
    assert [k for k, _ in queue.retry(project, budget_s=60)] == ["c"]
    assert [t for _, t in stored_comments(project.path)] == ["x", "a", "b", "c"]


def test_kept_edits_that_find_the_disk_full_when_they_land_stay_kept_in_order(project: Project) -> None:
    """The other program filled the disk: each kept edit failed in turn when the lock was let go ('database or disk
    is full'), was done with, and was gone once there was room again, though the person saw it made and waiting. A
    write that could not be saved (SaveError) stays at the head, with those after it, and is tried again."""
    queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
    other = hold_lock(project.path, "x")
    for text in ("a", "b", "c"):
        queue.submit(project, text, lambda text=text: edits.add_comment(project, 1, text * 200_000))
    other.execute("COMMIT")
    other.close()
    pages = project.db.conn.execute("PRAGMA page_count").fetchone()[0]
    project.db.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    assert queue.retry(project) == []
    assert queue.keys() == ["a", "b", "c"]
    assert isinstance(queue.last_failure, SaveError) and "database or disk is full" in str(queue.last_failure)
    project.db.conn.execute("PRAGMA max_page_count = 4294967294")  # room again
    assert [k for k, _ in queue.retry(project)] == ["a", "b", "c"]
    assert queue.last_failure is None
    assert [t[:1] for _, t in stored_comments(project.path)] == ["x", "a", "b", "c"]


def test_a_worker_s_write_waits_for_the_lock_as_a_kept_edit_does_and_gives_up_when_told(project: Project) -> None:
    """``write_when_free`` (session 34: a set's rename taken back in a worker gave up after the busy timeout): tried
    again until the other program is done, ``waiting`` told once; ``stop()`` gives up with the BusyError."""
    import threading

    from annotator.write_queue import write_when_free

    import time

    held = threading.Event()

    def other_program() -> None:  # its connection used in its own thread alone
        other = hold_lock(project.path)
        held.set()
        time.sleep(0.5)
        other.execute("ROLLBACK")
        other.close()

    threading.Thread(target=other_program).start()
    assert held.wait(10)
    told: list[BusyError] = []
    give_up = time.monotonic() + 20  # never a hung run, whatever the code does
    change = write_when_free(
        project, lambda: edits.add_comment(project, 1, "mine"), lambda: time.monotonic() > give_up, told.append
    )
    assert not change.is_empty and len(told) == 1
    assert [text for _, text in stored_comments(project.path)] == ["mine"]
    other = hold_lock(project.path, "x")
    try:
        with pytest.raises(BusyError):
            write_when_free(project, lambda: edits.add_comment(project, 1, "not made"), lambda: True)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(stored_comments(project.path)) == 1
