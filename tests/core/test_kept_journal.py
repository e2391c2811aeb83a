"""A kept edit (another program holds the write lock) is durable at once: one fsynced line of ``<project>-kept``,
written by the next open if the program that kept it died first, once, in order (``annotator.kept_journal``)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator import api, edits, kept_journal, kept_lines, kept_replay
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import KeptJournal
from annotator.model import Entity
from annotator.store import Project
from annotator.write_queue import WriteQueue
from core_helpers import hold_lock, journal_left_by_a_killed_program, stored_comments


@pytest.fixture(scope="session")
def tmp_path_factory(disk_tmp_path_factory):
    """This module's folders on the disk, not a tmpfs: it tests a kept edit's fsynced journal (tests/conftest.py)."""
    return disk_tmp_path_factory


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "p.annotator"
    with Project(p, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
        edits.add_entity(project, 1, 0, 5, "GPE")
    return p


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-kept")


def keep(queue: WriteQueue[str], project: Project, text: str) -> None:
    def write() -> object:
        return edits.add_comment(project, 1, text)

    def line() -> dict:
        return kept_journal.record(project, edits.add_comment, (1, text), {})

    assert queue.submit(project, text, write, line) == (False, None)


def reopen(path: Path, annotator: str = "ann") -> Project:
    """The person's next open (the app's, a command's, the API's: each writes what a killed program kept)."""
    return api.open_project(path, write=True, annotator=annotator)


def test_a_kept_edit_is_a_line_of_the_journal_before_submit_returns(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
        other = hold_lock(path)
        try:
            for text in ("first", "second"):
                keep(queue, project, text)
            parsed = kept_replay.parse(journal_of(path), journal_of(path).read_bytes())
            assert [(ln["seq"], ln["edit"], ln["args"]) for ln in parsed.lines] == [
                (1, "annotator.edits:add_comment", [1, "first"]),
                (2, "annotator.edits:add_comment", [1, "second"]),
            ]
            assert parsed.header["project"] == "p.annotator" and parsed.note is None
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert [k for k, _ in queue.retry(project)] == ["first", "second"]
        assert not journal_of(path).exists()  # nothing kept: the journal goes, as an empty -wal does
    assert stored_comments(path) == [("ann", "first"), ("ann", "second")]
    with reopen(path) as again:
        assert again.kept_replay is None  # each written once


def test_the_next_open_writes_what_a_killed_program_kept_once_in_order_as_who_kept_it(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal = journal_left_by_a_killed_program(project, ["one", "two", "three"])
        journal.skip(2)  # taken back before it landed
        journal.close()
    with reopen(path, "someone else") as reopened:
        assert reopened.kept_replay is not None and reopened.kept_replay.written == 2
        assert reopened.kept_replay.summary() == "Saved now: 2 edits kept by a program that stopped before saving them"
        assert reopened.annotator == "someone else"
    assert stored_comments(path) == [("ann", "one"), ("ann", "three")]
    assert not journal_of(path).exists()
    with reopen(path) as again:
        assert again.kept_replay is None
    assert stored_comments(path) == [("ann", "one"), ("ann", "three")]


def test_an_edit_that_landed_before_the_kill_is_not_made_twice(path: Path) -> None:
    """Killed after the second kept edit's commit, before its journal went: its mark landed with it."""
    with Project(path, annotator="ann") as project:
        journal = journal_left_by_a_killed_program(project, ["one", "two", "three"])
        parsed = kept_replay.parse(journal.path, journal.path.read_bytes())
        for seq, line in enumerate(parsed.lines[:2], start=1):
            with project.riding(journal.mark(seq)):
                kept_lines.run_line(project, line)
        journal.close()
    with reopen(path) as reopened:
        assert reopened.kept_replay is not None and reopened.kept_replay.written == 1
    assert [t for _, t in stored_comments(path)] == ["one", "two", "three"]


def test_a_torn_last_line_is_ignored_with_a_note(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal = journal_left_by_a_killed_program(project, ["one"])
        journal.close()
    with open(journal_of(path), "ab") as fh:
        fh.write(b'{"seq": 2, "edit": "annotator.edits:add_comm')
    with reopen(path) as reopened:
        replay = reopened.kept_replay
        assert replay is not None and replay.written == 1
        assert replay.notes == [
            "p.annotator-kept: its last line was cut short (written when the program was killed): ignored"
        ]
    assert [t for _, t in stored_comments(path)] == ["one"]
    assert not journal_of(path).exists()


def test_a_kept_edit_refused_when_it_is_written_at_the_open_is_said_and_the_rest_go_on(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal = KeptJournal.start(project)
        shown = project.entity(1)
        journal.append(kept_journal.record(project, edits.add_comment, (1, "before"), {}))
        journal.append(kept_journal.record(project, edits.relabel_entity, (1, "ORG"), {"expected": shown}))
        journal.append(kept_journal.record(project, edits.add_comment, (1, "after"), {}))
        journal.close()
        edits.relabel_entity(project, 1, "LOC")  # changed meanwhile: the kept relabel was made on GPE
    with reopen(path) as reopened:
        replay = reopened.kept_replay
        assert replay is not None and replay.written == 2
        assert len(replay.notes) == 1 and replay.notes[0].startswith(
            "a kept edit (“Relabel entity”) could not be made:"
        )
        assert reopened.entity(1).label == "LOC"
    assert [t for _, t in stored_comments(path)] == ["before", "after"]


def test_an_entity_argument_goes_through_the_journal_as_it_was(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        shown = project.entity(1)
        line = orjson.loads(
            orjson.dumps(kept_journal.record(project, edits.relabel_entity, (1, "ORG"), {"expected": shown}))
        )
        edit, args, kwargs = kept_journal.edit_of(line)
        assert (edit, args, kwargs) == (edits.relabel_entity, (1, "ORG"), {"expected": shown})
        assert isinstance(kwargs["expected"], Entity)


def test_a_journal_naming_anything_but_a_core_edit_makes_nothing(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal = KeptJournal.start(project)
        journal.append({"edit": "os:system", "args": ["true"], "kwargs": {}})
        journal.append({"edit": "annotator.edits:add_comment", "args": [1, {"$c": "Path", "f": {}}], "kwargs": {}})
        journal.close()
    with reopen(path) as reopened:
        replay = reopened.kept_replay
        assert replay is not None and replay.written == 0
        assert [n.split(":")[0] for n in replay.notes] == [
            "a kept edit (“System”) could not be made",
            "a kept edit (“Add comment”) could not be made",
        ]
    assert stored_comments(path) == []


def test_a_live_program_s_journal_is_left_to_it_by_another_open(path: Path) -> None:
    """A worker of the app (its own open of the project) or another program opening it while the app keeps edits."""
    with Project(path, annotator="ann") as project:
        queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
        other = hold_lock(path)
        keep(queue, project, "mine")
        other.execute("ROLLBACK")
        other.close()
        with Project(path, annotator="worker") as worker:  # a worker's open: no replay
            assert kept_replay.replay(worker) is None  # nor would it take a live journal
            assert worker.kept_replay is None
        assert stored_comments(path) == []
        assert [k for k, _ in queue.retry(project)] == ["mine"]
    assert stored_comments(path) == [("ann", "mine")]


def test_edits_taken_back_or_left_at_a_close_are_as_the_person_left_them_at_the_next_open(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
        other = hold_lock(path)
        for text in ("a", "b", "c"):
            keep(queue, project, text)
        assert queue.take_last() == "c"  # Ctrl+Z before it landed
        assert queue.clear() == ["a", "b"] and queue.journaled == 2  # closed while the other program still writes
        other.execute("ROLLBACK")
        other.close()
    with reopen(path) as reopened:
        assert reopened.kept_replay is not None and reopened.kept_replay.written == 2
    assert [t for _, t in stored_comments(path)] == ["a", "b"]


def test_a_journal_taken_over_while_another_program_writes_goes_on_whole_after_a_torn_line(path: Path) -> None:
    """The app opened while the program that made its edits wait still writes: it takes the journal over (its lines
    then go before any new key); a torn last line is cut off first, so the lines it appends are read whole."""
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one", "two"]).close()
    with open(journal_of(path), "ab") as fh:
        fh.write(b'{"seq": 3, "ed')
    other = hold_lock(path)
    try:
        with Project(path, annotator="ann") as reopened:
            replay = kept_replay.replay(reopened, wait_ms=0, adopt=True)
            assert replay is not None and replay.waiting is not None and replay.written == 0
            journal, lines = replay.waiting
            assert [ln["args"] for ln in lines] == [[1, "one"], [1, "two"]]
            assert replay.summary() == (
                "2 edits kept by a program that stopped before saving them wait for another program writing to "
                "the project, before any new edit; p.annotator-kept: its last line was cut short (written when the "
                "program was killed): ignored"
            )
            journal.append(kept_journal.record(reopened, edits.add_comment, (1, "three"), {}))
            journal.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    parsed = kept_replay.parse(journal_of(path), journal_of(path).read_bytes())
    assert parsed.note is None and [ln["seq"] for ln in parsed.lines] == [1, 2, 3]
    with reopen(path) as again:
        assert again.kept_replay.written == 3
    assert [t for _, t in stored_comments(path)] == ["one", "two", "three"]


def test_two_programs_keeping_edits_at_once_each_have_a_journal_and_both_are_written(path: Path) -> None:
    """Two windows of the app on one project (two processes), both keeping edits while an import runs."""
    with Project(path, annotator="ann") as first, Project(path, annotator="bob") as second:
        one = journal_left_by_a_killed_program(first, ["a1", "a2"])
        two = journal_left_by_a_killed_program(second, ["b1"])
        assert (one.path.name, two.path.name) == ("p.annotator-kept", "p.annotator-kept-2")
        one.close()
        two.close()
    with reopen(path) as reopened:
        assert reopened.kept_replay.written == 3
    assert stored_comments(path) == [("ann", "a1"), ("ann", "a2"), ("bob", "b1")]
    assert not any(p.exists() for p in kept_journal.journal_paths(path))


def test_a_kept_edit_the_app_s_command_refused_when_it_landed_is_not_made_by_the_next_open(path: Path) -> None:
    """The app's command reports a refusal itself and returns False: that edit was written at the next open after a
    kill (the journal did not know it was done with), though the person had been told it was refused."""
    with Project(path, annotator="ann") as project:
        queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
        other = hold_lock(path)
        keep(queue, project, "first")
        queue.submit(
            project,
            "refused",
            lambda: False,  # as CoreEditCommand.execute returns for a refused edit
            lambda: kept_journal.record(project, edits.add_comment, (1, "refused"), {}),
        )
        keep(queue, project, "last")
        other.execute("ROLLBACK")
        other.close()
        assert [k for k, _ in queue.retry(project, budget_s=0)] == ["first"]
        assert [k for k, _ in queue.retry(project, budget_s=0)] == ["refused"]
        queue.clear()  # killed before "last" landed
    with reopen(path) as reopened:
        assert reopened.kept_replay.written == 1
    assert [t for _, t in stored_comments(path)] == ["first", "last"]


def test_a_journal_taken_over_by_a_queue_is_written_first_as_who_kept_it_and_a_line_it_cannot_make_is_said(
    path: Path,
) -> None:
    """``WriteQueue.take_over`` (the app's open, without Qt): a killed run's lines wait in the queue before any new
    edit while another program writes; each lands under the name of who kept it; a line the caller cannot make a
    key of (``NotJournaled``) is skipped, said in the open's notes, and never written by a later open."""
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one", "not this", "two"]).close()
    other = hold_lock(path)
    with Project(path, annotator="bob") as reopened:

        def make(line: dict) -> str:
            text = kept_journal.edit_of(line)[1][1]
            if text == "not this":
                raise kept_journal.NotJournaled("no command for it")
            return text

        queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
        assert queue.take_over(reopened, make, lambda text: edits.add_comment(reopened, 1, text)) is True
        keep(queue, reopened, "new")
        assert queue.keys() == ["one", "two", "new"]
        assert reopened.kept_replay is not None
        assert "a kept edit (“Add comment”) could not be made: no command for it" in reopened.kept_replay.notes
        other.execute("ROLLBACK")
        other.close()
        assert [k for k, _ in queue.drain(reopened, 5)] == ["one", "two", "new"]
        assert not queue.take_over(reopened, make, str)  # nothing left to take over
    assert stored_comments(path) == [("ann", "one"), ("ann", "two"), ("bob", "new")]
    assert not any(p.exists() for p in kept_journal.journal_paths(path))


def test_a_journal_left_for_the_next_open_says_how_many_wait_in_english(path: Path) -> None:
    """The open that meets another program writing leaves the journal's edits for the next open and says how many
    (one edit: 'edits wait ... they are' before its words came from ``kept_messages``); the journal stays whole."""
    for texts, said in ((["one"], "1 kept edit waits"), (["one", "two"], "2 kept edits wait")):
        with Project(path, annotator="ann") as project:
            journal_left_by_a_killed_program(project, texts).close()
        other = hold_lock(path)
        try:
            with Project(path, annotator="ann") as reopened:
                replay = kept_replay.replay(reopened, wait_ms=0)
                assert replay is not None and replay.written == 0 and replay.waiting is None
                it = "it is" if len(texts) == 1 else "they are"
                assert replay.summary() == (
                    f"p.annotator-kept: {said} for another program writing to the project; {it} written at the next open"
                )
        finally:
            other.execute("ROLLBACK")
            other.close()
        with reopen(path) as again:
            assert again.kept_replay is not None and again.kept_replay.written == len(texts)
