"""A shared project (a colleague's file, writable by the team: 0666 in a 0777 folder) whose app was killed with
decisions kept while another program wrote (its journal ``<project>-kept``, 0644: its keeper's umask). Another user
can write the project but not the journal, so her open cannot replay it (a replay writes into the journal). Until
session 17, ``stats`` said only "could not be read or removed (...); it is left as it is", and ``train`` trained a
version without the kept decisions, exit 0 (the journal's two finished documents left out). Now the open counts
them in its note, and ``train`` is refused in one line that says whose open writes them; nothing is trained."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import AS_NOBODY, ROOT, needs_nobody, shared_folder

from annotator import api, edits, kept_journal
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import KeptJournal
from annotator.store import Project

TEXT = "Angela Merkel met Emmanuel Macron in Paris on Monday {}."
SPANS = (("Angela Merkel", "PERSON"), ("Emmanuel Macron", "PERSON"), ("Paris", "GPE"))


@pytest.fixture
def shared():
    yield from shared_folder("annotator-kept-other-", mode=0o777)  # the team's folder: everyone writes in it


def _team_project(folder: Path, journal_mode: int) -> Path:
    """Four documents, two finished in the file, two more finished by decisions a killed app kept (8 edits)."""
    path = folder / "p.annotator"
    texts = [TEXT.format(i) for i in range(4)]
    with Project(path, annotator="maria") as p:
        import_documents(p, [IncomingDocument(t, f"{i}.txt") for i, t in enumerate(texts)])
        ids = p.document_ids()
        journal = KeptJournal.start(p)
        for k, (doc, text) in enumerate(zip(ids, texts)):
            for name, label in SPANS:
                start = text.index(name)
                if k < 2:
                    edits.add_entity(p, doc, start, start + len(name), label)
                else:
                    journal.append(kept_journal.record(p, edits.add_entity, (doc, start, start + len(name), label), {}))
            if k < 2:
                edits.set_status(p, doc, "annotated")
            else:
                journal.append(kept_journal.record(p, edits.set_status, (doc, "annotated"), {}))
        journal.close()
    os.chmod(path, 0o666)
    os.chmod(f"{path}-kept", journal_mode)
    return path


def _as_nobody(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*AS_NOBODY, sys.executable, "-m", "annotator", *args],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        cwd="/",
    )


@pytest.mark.slow  # other processes
@needs_nobody
def test_another_user_s_stats_counts_what_it_lacks_and_train_refuses_without_the_kept_decisions(shared):
    path = _team_project(shared, 0o644)
    journal = path.read_bytes(), Path(f"{path}-kept").read_bytes()
    stats = _as_nobody("stats", str(path))
    assert stats.returncode == 0
    assert stats.stderr.strip() == (
        "annotator: note: p.annotator-kept: 8 edits a stopped program kept are not in it (their journal is root's and "
        "cannot be written by this user: Permission denied); saved at the next open by root, who kept them"
    )
    train = _as_nobody("train", str(path), "--ner-epochs", "1", "--event-epochs", "1")
    assert train.returncode == 1
    assert train.stderr.strip().splitlines()[-1] == (
        f"annotator: error: {path}: holds 8 edits an app kept and never saved (p.annotator-kept, root's); they "
        f"cannot be written into it by this user (Permission denied): open it once as root (the app, or 'annotator "
        f"stats {path}'), then train on it; nothing was trained"
    )
    assert not Path(f"{path}.models").exists()  # no version made
    assert Path(f"{path}-kept").read_bytes() == journal[1]  # left for root's open
    with api.open_project(path, write=True) as p:  # root's open, as the line says: the decisions are in it
        assert p.kept_replay is not None and p.kept_replay.written == 8
        assert sum(1 for d in p.document_summaries() if d["status"] == "annotated") == 4


@pytest.mark.slow  # another process
@needs_nobody
def test_train_refuses_a_kept_journal_it_cannot_read(shared):
    path = _team_project(shared, 0o600)
    train = _as_nobody("train", str(path), "--ner-epochs", "1", "--event-epochs", "1")
    assert train.returncode == 1
    last = train.stderr.strip().splitlines()[-1]
    assert last.startswith(f"annotator: error: {path}: p.annotator-kept holds edits an app kept for it"), last
    assert "(Permission denied)" in last and last.endswith("then train on it; nothing was trained")
    assert not Path(f"{path}.models").exists()
