"""``annotator export`` of a project whose app was killed with edits kept (another program was writing: its journal,
``<project>-kept``), by someone who cannot write the file (a colleague exporting her project, a 0444 file): the export
read the file as it holds it and wrote it without those edits, exit 0, without a word (session 16 probe, as ``nobody``
on a project of root's: the kept comment missing from the JSONL). ``merge`` refuses such a source since session 14;
the export now does the same, and writes them first where it can, as the open of every command does. A live app's
kept edits are its own business: the file is exported as it is at that moment."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from annotator import edits, kept_journal
from annotator.cli import main
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import KeptJournal
from annotator.store import Project


def _project_with_a_killed_run_s_edit(folder: Path) -> Path:
    path = folder / "p.annotator"
    with Project(path, annotator="maria") as p:
        import_documents(p, [IncomingDocument("Paris is in France.", "a.txt")])
        journal = KeptJournal.start(p)  # the app killed with one comment kept
        journal.append(kept_journal.record(p, edits.add_comment, (1, "check the name"), {}))
        journal.close()
    return path


def _comments(out: Path) -> list[str]:
    return [c["text"] for line in out.read_bytes().splitlines() for c in orjson.loads(line)["comments"]]


@pytest.mark.slow  # two commands, a replay
def test_an_export_that_cannot_write_a_killed_run_s_kept_edits_is_refused_saying_what_to_do(tmp_path, capsys):
    path = _project_with_a_killed_run_s_edit(tmp_path)
    os.chmod(path, 0o444)  # read-only here (for root too: no write bit)
    out = tmp_path / "out.jsonl"
    assert main(["export", str(path), "-f", "jsonl", "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"annotator: error: {path}: holds 1 edit an app kept and never saved (p.annotator-kept); it cannot be written "
        f"into it here (the file is not writable (no write permission)): open it once as someone who can write it "
        f"(the app, or 'annotator stats {path}'), then export it; nothing was written"
    ]
    assert not out.exists() and (tmp_path / "p.annotator-kept").exists()
    os.chmod(path, 0o644)  # as the message says: once it can be written, the export has it
    assert main(["export", str(path), "-f", "jsonl", "-o", str(out)]) == 0
    assert "Saved now: 1 edit kept by a program that stopped before saving it" in capsys.readouterr().err
    assert _comments(out) == ["check the name"]


def test_a_live_app_s_kept_edits_do_not_stop_an_export(tmp_path, capsys):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="maria") as p:
        import_documents(p, [IncomingDocument("Paris is in France.", "a.txt")])
        journal = KeptJournal.start(p)  # the app still running, its edit kept (held: its flock)
        journal.append(kept_journal.record(p, edits.add_comment, (1, "not saved yet"), {}))
        try:
            out = tmp_path / "out.jsonl"
            assert main(["export", str(path), "-f", "jsonl", "-o", str(out)]) == 0
            assert _comments(out) == []  # the file as it is now
            assert (tmp_path / "p.annotator-kept").exists()
        finally:
            journal.close()
