"""A project opened read-only (a colleague's file, a 0444 file, a read-only mount) for which an app was killed with
edits kept (another program was writing: its journal ``<project>-kept``): the open can write nothing, and it said
nothing either: ``annotator stats`` counted without them, the app showed the document without them, and nothing told
the person the project as read there lacks them (session 16 probe). Said now, in one line; the file is unchanged and
the journal left for the next open that can write it."""

from __future__ import annotations

import os
from pathlib import Path

from annotator import api, edits, kept_journal
from annotator.cli import main
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import KeptJournal
from annotator.store import Project

NOTE = (
    "p.annotator-kept: 2 edits a stopped program kept are not in it (read-only: the file is not writable (no write "
    "permission)); saved at the next open that can write it"
)


def _killed_run_kept(folder: Path) -> Path:
    path = folder / "p.annotator"
    with Project(path, annotator="maria") as p:
        import_documents(p, [IncomingDocument("Paris is in France.", "a.txt")])
        journal = KeptJournal.start(p)
        for text in ("one", "two", "three"):
            journal.append(kept_journal.record(p, edits.add_comment, (1, text), {}))
        journal.skip(3)  # taken back by Ctrl+Z before it was saved: not counted
        journal.close()
    os.chmod(path, 0o444)
    return path


def test_a_read_only_open_says_what_a_killed_run_kept_is_not_in_it(tmp_path: Path, capsys) -> None:
    path = _killed_run_kept(tmp_path)
    before = path.read_bytes()
    with api.open_project(path) as project:  # asked read-only
        assert project.read_only and project.kept_replay is not None
        assert project.kept_replay.summary() == NOTE.replace(
            "read-only: the file is not writable (no write permission)", "opened read-only"
        )
    assert main(["stats", str(path)]) == 0
    assert capsys.readouterr().err.strip() == f"annotator: note: {NOTE}"
    assert path.read_bytes() == before and (tmp_path / "p.annotator-kept").exists()
    os.chmod(path, 0o644)
    with api.open_project(path, write=True) as project:  # the next open that can write it
        assert project.kept_replay is not None and project.kept_replay.written == 2


def test_a_live_program_s_journal_is_not_said(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project(path, annotator="maria") as p:
        import_documents(p, [IncomingDocument("Paris is in France.", "a.txt")])
        journal = KeptJournal.start(p)  # the app still running: it saves them
        journal.append(kept_journal.record(p, edits.add_comment, (1, "one"), {}))
        try:
            with api.open_project(path) as project:
                assert project.read_only and project.kept_replay is None
        finally:
            journal.close()
