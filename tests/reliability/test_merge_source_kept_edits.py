"""``annotator merge`` run by a colleague who can read a source but not write it, the source holding edits an app kept
and was killed before saving (its journal): they cannot be written into it here, so the source is refused in one line
that says what to do; nothing is merged (until session 14 they were left out, silently)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import AS_NOBODY, ROOT, needs_nobody, shared_folder

from annotator import edits, kept_journal
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import KeptJournal
from annotator.store import Project

TEXT = "Maria Lopez met officials in Paris."


@pytest.fixture
def shared():
    yield from shared_folder("annotator-merge-kept-", mode=0o755)  # others can read in it, not write


@pytest.mark.slow  # another process
@needs_nobody
def test_a_source_whose_kept_edits_the_person_merging_cannot_write_is_refused_saying_what_to_do(shared: Path) -> None:
    source = shared / "maria.annotator"
    with Project(source, annotator="maria") as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
        journal = KeptJournal.start(p)  # the app killed with a new span kept
        journal.append(kept_journal.record(p, edits.add_entity, (1, 0, 11, "PERSON"), {}))
        journal.close()
    os.chmod(source, 0o644)
    team = shared.parent / "team"
    team.mkdir()
    os.chmod(team, 0o777)
    target = team / "team.annotator"
    r = subprocess.run(
        [*AS_NOBODY, sys.executable, "-m", "annotator", "merge", str(target), str(source)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        cwd="/",
    )
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1, r.stderr
    assert lines[0].startswith(f"annotator: error: {source}: holds 1 edit an app kept and never saved"), lines[0]
    assert "open it once as someone who can write it" in lines[0] and lines[0].endswith("nothing was merged")
    assert (shared / "maria.annotator-kept").exists()  # left for that open
    with Project(source, create=False, read_only=True) as p:
        assert p.entities(1) == []


@pytest.mark.slow  # another process
@needs_nobody
def test_a_source_whose_journal_the_person_merging_cannot_read_is_refused_saying_what_to_do(shared: Path) -> None:
    """The keeper's umask made the journal 0600: a colleague merging the source could not read it, and the merge went
    on without its edits, silently (until session 15: an unreadable journal was taken for no journal)."""
    source = shared / "maria.annotator"
    with Project(source, annotator="maria") as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
        journal = KeptJournal.start(p)
        journal.append(kept_journal.record(p, edits.add_entity, (1, 0, 11, "PERSON"), {}))
        journal.close()
    os.chmod(source, 0o644)
    os.chmod(shared / "maria.annotator-kept", 0o600)
    team = shared.parent / "team"
    team.mkdir()
    os.chmod(team, 0o777)
    target = team / "team.annotator"
    r = subprocess.run(
        [*AS_NOBODY, sys.executable, "-m", "annotator", "merge", str(target), str(source)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        cwd="/",
    )
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1, (r.stdout, r.stderr)
    assert lines[0].startswith(f"annotator: error: {source}: maria.annotator-kept holds edits an app kept"), lines[0]
    assert "cannot be read here" in lines[0] and lines[0].endswith("nothing was merged"), lines[0]
    assert not target.exists()
    assert (shared / "maria.annotator-kept").exists()
