"""The per-user index of journals of kept edits (``annotator.whereabouts``): a project moved to another folder before
the program keeping edits for it saw the move (killed within one tick) has them written by the open of its new place.

Until session 15 the open listed its own folder only: the journal stayed in the old folder, never written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator import api, whereabouts, kept_reading, kept_replay
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from core_helpers import journal_left_by_a_killed_program, stored_comments


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "old" / "p.annotator"
    p.parent.mkdir()
    with Project(p, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
    return p


def moved(path: Path, folder: str = "new", name: str = "p.annotator") -> Path:
    to = path.parent.parent / folder / name
    to.parent.mkdir(exist_ok=True)
    os.rename(path, to)
    return to


def entries() -> list[str]:
    """The index's entries (not its stamp of the last pruning)."""
    return [n for n in os.listdir(whereabouts.folder()) if n != whereabouts.PRUNED]


def kept_files(top: Path) -> list[str]:
    return sorted(str(p.relative_to(top)) for p in top.rglob("*-kept*"))


def test_the_open_of_a_project_moved_to_another_folder_writes_the_edits_left_in_the_old_one(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one", "two"]).close()
    to = moved(path, name="renamed too.annotator")
    with api.open_project(to, write=True, annotator="someone") as reopened:
        assert reopened.kept_replay is not None and reopened.kept_replay.written == 2
    assert stored_comments(to) == [("ann", "one"), ("ann", "two")]
    assert kept_files(path.parent.parent) == []
    assert entries() == []  # its entry went with it
    with api.open_project(to, write=True) as again:
        assert again.kept_replay is None


def test_a_journal_that_waits_is_moved_beside_the_file_and_the_index_follows(path: Path) -> None:
    """The old folder's journal goes beside the moved file as the open writes it; one whose edits wait (here: a
    full disk stand-in, the file read-only for the write) is beside it for the next open, named there."""
    with Project(path, annotator="ann") as project:
        journal = journal_left_by_a_killed_program(project, ["one"])
        journal.close()
    to = moved(path)
    with Project(to, annotator="x") as opened:
        opened.db.conn.execute("PRAGMA query_only = 1")
        found = kept_replay.replay(opened)
        opened.db.conn.execute("PRAGMA query_only = 0")
    assert found is not None and found.written == 0 and "not written yet" in found.notes[0]
    assert kept_files(path.parent.parent) == ["new/p.annotator-kept"]
    assert whereabouts.journals((os.stat(to).st_dev, os.stat(to).st_ino)) == [to.parent.resolve() / "p.annotator-kept"]
    assert journal.nonce in entries()[0]
    with api.open_project(to, write=True) as reopened:
        assert reopened.kept_replay.written == 1
    assert stored_comments(to) == [("ann", "one")]


def test_a_merge_of_a_source_moved_to_another_folder_writes_its_kept_edits_first(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one"]).close()
    to = moved(path)
    said = kept_reading.write_before_reading(to, "merge it")
    assert said is not None and "Saved now: 1 edit" in said
    assert stored_comments(to) == [("ann", "one")]


def test_another_file_s_journal_named_in_the_index_is_left_to_it(path: Path, tmp_path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one"]).close()
    other = tmp_path / "other.annotator"
    with Project(other, annotator="ann") as made:
        assert kept_replay.replay(made) is None
    assert kept_files(tmp_path) == ["old/p.annotator-kept"]


def test_an_entry_whose_journal_is_gone_is_removed_at_the_next_look(path: Path) -> None:
    with Project(path, annotator="ann") as project:
        journal = journal_left_by_a_killed_program(project, ["one"])
        journal.close()
        ident = project.identity
    os.unlink(journal.path)  # a kill between the journal's removal and its entry's
    assert len(entries()) == 1
    assert whereabouts.journals(ident) == []
    assert entries() == []


def test_where_the_index_cannot_be_written_journals_work_as_before(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("ANNOTATOR_STATE_DIR", str(blocker / "kept"))  # cannot be made: a file is in the way
    with Project(path, annotator="ann") as project:
        journal_left_by_a_killed_program(project, ["one"]).close()
    with api.open_project(path, write=True) as reopened:
        assert reopened.kept_replay.written == 1
    assert stored_comments(path) == [("ann", "one")]
