"""A journal of kept edits follows the file it was kept for (device and inode), not its name: a project renamed while a
program kept edits for it, that program then killed, has them written by the open of its new name, once, in order.

Until session 14 the journal stayed under the old name: the open of the renamed file did not look there (the kept
edits were never written) and a file later made at the old name refused it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator import api, edits, kept_journal, kept_lines, kept_replay
from annotator.errors import ProjectMovedError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.write_queue import WriteQueue
from core_helpers import hold_lock, journal_left_by_a_killed_program, stored_comments


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "p.annotator"
    with Project(p, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
    return p


def journals_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "-kept" in p.name)


def test_the_open_of_a_renamed_project_writes_the_edits_kept_under_its_old_name(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one", "two"]).close()
    renamed = path.with_name("renamed.annotator")
    os.rename(path, renamed)
    with api.open_project(renamed, write=True, annotator="someone") as reopened:
        assert reopened.kept_replay is not None and reopened.kept_replay.written == 2
    assert stored_comments(renamed) == [("ann", "one"), ("ann", "two")]
    assert journals_in(path.parent) == []  # landed and gone: nothing left under either name
    with Project(path, annotator="new") as made_at_the_old_name:  # a new file at the old name: nothing to refuse
        assert kept_replay.replay(made_at_the_old_name) is None
    with api.open_project(renamed, write=True) as again:
        assert again.kept_replay is None
    assert stored_comments(renamed) == [("ann", "one"), ("ann", "two")]


def test_edits_that_landed_under_the_old_name_before_the_kill_are_not_made_twice(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal = journal_left_by_a_killed_program(project, ["one", "two", "three"])
        parsed = kept_replay.parse(journal.path, journal.path.read_bytes())
        with project.riding(journal.mark(1)):
            kept_lines.run_line(project, parsed.lines[0])
        journal.close()
    renamed = path.with_name("renamed.annotator")
    os.rename(path, renamed)
    with api.open_project(renamed, write=True) as reopened:
        assert reopened.kept_replay.written == 2
    assert [t for _, t in stored_comments(renamed)] == ["one", "two", "three"]


def test_a_journal_taken_over_from_the_old_name_is_kept_under_the_new_one(path: Path) -> None:
    """Opened while the other program still writes: the journal is taken over under the file's name now, so a kill
    then leaves it where the next open of that name looks, and the old name is free."""
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one"]).close()
    renamed = path.with_name("renamed.annotator")
    os.rename(path, renamed)
    other = hold_lock(renamed)
    try:
        with Project(renamed, annotator="ann") as reopened:
            replay = kept_replay.replay(reopened, wait_ms=0, adopt=True)
            assert replay is not None and replay.waiting is not None
            journal, _ = replay.waiting
            assert journal.path.name == "renamed.annotator-kept"
            journal.append(kept_journal.record(reopened, edits.add_comment, (1, "two"), {}))
            journal.close()  # killed
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert journals_in(path.parent) == ["renamed.annotator-kept"]
    with api.open_project(renamed, write=True) as again:
        assert again.kept_replay.written == 2
    assert [t for _, t in stored_comments(renamed)] == ["one", "two"]


def test_another_project_s_journal_in_the_folder_is_left_to_it(path: Path) -> None:
    neighbour = path.with_name("neighbour.annotator")
    with Project(neighbour, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Rome.", "b.txt")])
        journal_left_by_a_killed_program(project, ["theirs"]).close()
    with api.open_project(path, write=True) as opened:
        assert opened.kept_replay is None
    assert journals_in(path.parent) == ["neighbour.annotator-kept"]
    with api.open_project(neighbour, write=True) as theirs:
        assert theirs.kept_replay.written == 1
    assert stored_comments(path) == []


def test_kept_edits_that_find_the_file_renamed_when_they_land_wait_for_the_open_of_its_new_name(path: Path) -> None:
    """The file renamed while edits are kept, the other program then done: a kept edit's landing meets the move
    (editing stops). It was refused and its line skipped: the person's keys were lost. They stay kept, in the journal,
    and the open of the new name writes them."""
    with Project(path, annotator="ann") as project:
        queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
        other = hold_lock(path)
        for text in ("one", "two"):
            queue.submit(
                project,
                text,
                lambda text=text: edits.add_comment(project, 1, text),
                lambda text=text: kept_journal.record(project, edits.add_comment, (1, text), {}),
            )
        renamed = path.with_name("renamed.annotator")
        os.rename(path, renamed)
        other.execute("ROLLBACK")
        other.close()
        assert queue.retry(project) == []
        assert len(queue) == 2 and isinstance(queue.last_failure, ProjectMovedError)
        assert queue.clear() == ["one", "two"] and queue.journaled == 2  # the app closed (or killed)
    with api.open_project(renamed, write=True) as reopened:
        assert reopened.kept_replay.written == 2
    assert stored_comments(renamed) == [("ann", "one"), ("ann", "two")]
    assert journals_in(path.parent) == []


def test_a_journal_follows_its_file_to_another_folder_at_the_first_try_while_the_other_program_still_writes(
    path: Path,
) -> None:
    """Each try of the kept edits looks at the file before it asks for the lock: moved to another folder, the journal
    goes beside it at once (an open in that folder lists only its own folder), and the open there writes them."""
    (path.parent / "elsewhere").mkdir()
    moved = path.parent / "elsewhere" / "renamed.annotator"
    other = hold_lock(path)
    try:
        with Project(path, annotator="ann") as project:
            queue: WriteQueue[str] = WriteQueue(first_wait_ms=0)
            queue.submit(
                project,
                "one",
                lambda: edits.add_comment(project, 1, "one"),
                lambda: kept_journal.record(project, edits.add_comment, (1, "one"), {}),
            )
            os.rename(path, moved)
            assert queue.retry(project) == [] and isinstance(queue.last_failure, ProjectMovedError)
            assert journals_in(moved.parent) == ["renamed.annotator-kept"] and journals_in(path.parent) == []
            queue.clear()  # killed
    finally:
        other.execute("ROLLBACK")
        other.close()
    with api.open_project(moved, write=True) as reopened:
        assert reopened.kept_replay.written == 1
    assert stored_comments(moved) == [("ann", "one")]


def test_a_file_renamed_while_its_open_writes_a_killed_run_s_edits_leaves_them_for_the_open_of_its_new_name(
    path: Path,
) -> None:
    """Renamed between the open and its writing of the journal: each kept edit met the move, was taken for one the file
    refuses ('could not be made') and skipped: the open of the new name had none of them."""
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one", "two"]).close()
    renamed = path.with_name("renamed.annotator")
    with Project(path, annotator="ann") as opened:
        os.rename(path, renamed)
        replay = kept_replay.replay(opened)
        assert replay is not None and replay.written == 0
        assert len(replay.notes) == 1 and "2 kept edits not written yet" in replay.notes[0], replay.notes
    with api.open_project(renamed, write=True) as reopened:
        assert reopened.kept_replay.written == 2
    assert stored_comments(renamed) == [("ann", "one"), ("ann", "two")]


def test_two_projects_renamed_crosswise_each_get_their_own_kept_edits_and_the_note_says_the_other_s_waits(
    tmp_path: Path,
) -> None:
    """a <-> b renamed crosswise, each with a killed app's journal: the open of each writes the journal kept for it
    (under the other name). The open that meets the other file's journal said 'left as it is, nothing made', which
    reads as edits lost; it says whose open writes them."""
    paths = {}
    for name, text in (("a", "Alpha."), ("b", "Beta.")):
        p = tmp_path / f"{name}.annotator"
        with Project(p, annotator="ann") as project:
            import_documents(project, [IncomingDocument(text, "t.txt")])
            journal_left_by_a_killed_program(project, [f"for-{name}"]).close()
        paths[name] = p
    os.rename(paths["a"], tmp_path / "tmp.annotator")
    os.rename(paths["b"], paths["a"])
    os.rename(tmp_path / "tmp.annotator", paths["b"])
    with api.open_project(paths["a"], write=True) as opened:
        notes = opened.kept_replay.notes
    assert notes == [
        "a.annotator-kept: kept for another file that had this name: left as it is for that file's own open, nothing made here"
    ]
    with api.open_project(paths["b"], write=True) as opened:
        assert opened.kept_replay.written == 1 and opened.kept_replay.notes == []
    assert stored_comments(paths["a"]) == [("ann", "for-b")]
    assert stored_comments(paths["b"]) == [("ann", "for-a")]
    assert journals_in(tmp_path) == []
