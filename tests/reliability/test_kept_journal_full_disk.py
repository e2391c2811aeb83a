"""The journal of kept edits on a full disk: a kept edit it cannot hold stays kept in memory (said), never an error
at the key; a line the disk cut short is taken off again, so what the journal holds is still read whole."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import orjson
import pytest
from reliability_support import fill

from annotator import api, edits, kept_journal, kept_replay
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.write_queue import WriteQueue


def _keep(queue: WriteQueue[str], project: Project, text: str) -> None:
    def write() -> object:
        return edits.add_comment(project, 1, text)

    def line() -> dict:
        return kept_journal.record(project, edits.add_comment, (1, text), {})

    assert queue.submit(project, text, write, line) == (False, None)


@pytest.mark.slow
def test_kept_edits_on_a_disk_that_fills_are_kept_in_memory_and_the_journal_stays_whole(small_fs: Path) -> None:
    path = small_fs / "p.annotator"
    with Project(path, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program writing
        queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
        _keep(queue, project, "before the disk filled")
        fill(small_fs)
        texts = []
        for n in range(60):  # ~180 bytes a line: past the journal's last page within a few dozen
            texts.append(f"kept {n:02d} " + "x" * 60)
            _keep(queue, project, texts[-1])
            if queue.journal_problem:
                break
        assert queue.journal_problem is not None and "No space left on device" in queue.journal_problem
        assert len(queue) == len(texts) + 1  # every key kept, none refused
        journaled = len(texts) - 1  # the last one found the disk full: in memory only
        (small_fs / "filler").unlink()
        while len(queue) > journaled:  # Ctrl+Z back to a journaled one, and that one too: a skip line
            queue.take_last()
        assert queue.journal_problem is None
        assert queue.clear() and queue.journaled == journaled  # the app killed, or closed, before they landed
        other.execute("ROLLBACK")
        other.close()
    journal = kept_journal.journal_paths(path)[0]
    parsed = kept_replay.parse(journal, journal.read_bytes())
    assert parsed.note is None and parsed.skipped == {journaled + 1}
    with api.open_project(path, write=True) as reopened:
        assert reopened.kept_replay.notes == []
        rows = reopened.comments(1)
    assert [c.text for c in rows] == ["before the disk filled", *texts[: journaled - 1]]
    assert [p.name for p in small_fs.iterdir() if "kept" in p.name] == []


@pytest.mark.slow
def test_kept_edits_an_open_cannot_save_on_a_full_disk_wait_for_the_next_open(small_fs: Path) -> None:
    """The open after a kill writes the journal's edits; the disk full then, each one's commit failed, was taken for
    a refused edit ('could not be made') and skipped in the journal: once there was room, none came back. They stay
    for the next open now, in order, said in one line."""
    path = small_fs / "p.annotator"
    with Project(path, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
        journal = kept_journal.KeptJournal.start(project)
        texts = [f"kept {n:02d} " + "x" * 3000 for n in range(3)]
        for text in texts:
            journal.append(kept_journal.record(project, edits.add_comment, (1, text), {}))
        journal.close()  # the app killed
    fill(small_fs)
    filler = small_fs / "filler"
    os.truncate(filler, filler.stat().st_size - 96 * 1024)  # room to open it for writing and save one of them
    with api.open_project(path, write=True) as reopened:
        replay = reopened.kept_replay
        assert replay is not None and replay.written < 3 and not reopened.read_only
        assert replay.notes == [
            f"p.annotator-kept: {3 - replay.written} kept edit{'s' if replay.written < 2 else ''} not written yet "
            f"({path}: the change could not be saved (database or disk is full: the disk holding {small_fs} is full; "
            "free some space on it, then make the change again); nothing was changed); written at the next open that can "
            "save them"
        ]
        written = replay.written
    assert kept_journal.journal_paths(path)[0].exists()
    filler.unlink()
    with api.open_project(path, write=True) as later:
        assert later.kept_replay.written == 3 - written
        assert [c.text for c in later.comments(1)] == texts
    assert not kept_journal.journal_paths(path)[0].exists()


@pytest.mark.slow
def test_a_take_over_on_a_full_disk_that_cannot_write_a_skip_goes_on_with_the_edits_it_can_make(small_fs: Path) -> None:
    """The app opened after a kill while the other program still writes takes the journal over; a line it cannot make
    a command of is skipped with a line of its own, and on a full disk that line could not be written: the OSError
    went out of the take-over (the app's open failed, the journal's lock held by nothing that would let it go). The
    take-over goes on; the line is said, and said again by the next open."""
    path = small_fs / "p.annotator"
    with Project(path, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
        journal = kept_journal.KeptJournal.start(project)
        journal.append(kept_journal.record(project, edits.add_comment, (1, "one"), {}))
        journal.append({**kept_journal.record(project, edits.add_comment, (1, ""), {}), "edit": "annotator.edits:gone"})
        last = orjson.dumps({"seq": 3, **kept_journal.record(project, edits.add_comment, (1, ""), {})})
        pad = 4096 - journal.path.stat().st_size - len(last) - 6  # the journal's page all but full after this line
        journal.append(kept_journal.record(project, edits.add_comment, (1, "x" * pad), {}))
        journal.close()  # the app killed
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the other program still writes
    fill(small_fs)
    try:
        with Project(path, annotator="ann") as reopened:
            queue: WriteQueue[int] = WriteQueue(first_wait_ms=0)

            def make(line: dict) -> int:
                kept_journal.edit_of(line)  # raises NotJournaled for the line naming no edit
                return int(line["seq"])

            assert queue.take_over(reopened, make, lambda seq: None, wait_ms=0)
            assert queue.keys() == [1, 3]
            notes = reopened.kept_replay.notes
            assert len(notes) == 1 and "'annotator.edits:gone' is not one of the core's edits" in notes[0], notes
            queue.clear()
    finally:
        other.execute("ROLLBACK")
        other.close()
    (small_fs / "filler").unlink()
    with api.open_project(path, write=True) as later:
        assert later.kept_replay.written == 2
        assert any("annotator.edits:gone" in n for n in later.kept_replay.notes)
    with Project(path, create=False, read_only=True) as after:
        assert [c.text[:3] for c in after.comments(1)] == ["one", "xxx"]
