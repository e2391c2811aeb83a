"""``annotator merge`` SIGKILLed while it writes a source's kept edits into it (the journal an app killed before saving
them left beside the source, ``kept_reading``): after each kill the source holds a first part of them, in order, none
twice, and the merge run again writes the rest and merges them all (session 14's probe)."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from reliability_support import assert_sound, connect
from test_kill_commands import _cli, _run

from annotator import edits, kept_journal
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import KeptJournal
from annotator.store import Project
from annotator.fileid import sqlite_uri

KEPT = 300


def _comments(path: Path) -> list[str]:
    conn = connect(path)
    try:
        assert_sound(conn)
        return [r[0] for r in conn.execute("SELECT text FROM comments ORDER BY id")]
    finally:
        conn.close()


def _source(base: Path, folder: Path) -> Path:
    """A copy of ``base`` in ``folder`` and the journal an app killed with ``KEPT`` comments kept left for it (a
    journal is the file's own, by device and inode: a copy beside a copied journal would not be its file)."""
    folder.mkdir()
    source = folder / "alice.annotator"
    shutil.copy(base, source)
    with Project(source, create=False, annotator="alice") as p:
        journal = KeptJournal.start(p)
        for k in range(KEPT):
            journal.append(kept_journal.record(p, edits.add_comment, (1, f"k{k:03d}"), {}))
        journal.close()
    return source


@pytest.mark.slow
def test_a_merge_killed_while_it_writes_a_source_s_kept_edits_leaves_them_in_order_once(tmp_path, figures):
    base = tmp_path / "base.annotator"
    with Project(base, annotator="alice") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
    wanted = [f"k{k:03d}" for k in range(KEPT)]
    written = []
    for k, after in enumerate((1, 40, 110, 190, 270)):  # killed once that many are in the source: counted, not timed
        source = _source(base, tmp_path / f"k{k}")
        team = source.with_name("team.annotator")
        proc = _cli("merge", str(team), str(source))
        end = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < end and _count(source) < after:
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        now = _comments(source)
        assert now == wanted[: len(now)], (after, len(now))  # a first part, in order, none twice
        written.append(len(now))
        _run("merge", str(team), str(source))
        assert _comments(source) == wanted
        assert not [p.name for p in source.parent.iterdir() if "-kept" in p.name]
        conn = sqlite3.connect(sqlite_uri(team, mode="ro"), uri=True)
        try:
            assert [r[0] for r in conn.execute("SELECT text FROM comments ORDER BY id")] == wanted
        finally:
            conn.close()
    assert any(0 < n < KEPT for n in written), written  # some kills came while they were written
    figures.update(kept=KEPT, written_before_each_kill=written)


def _count(path: Path) -> int:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return conn.execute("SELECT count(*) FROM comments").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()
