"""One pre-annotation of a project at a time (annotator.lease, migration 9): the app's pre-annotation of new
documents started while ``annotator preannotate`` ran on the same file, both parsing the same documents (round 11,
docs/reliability.md). A second run is refused in one line; a stale lease is taken over; the lease is let go at the
end, on a cancel and on an error."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from core_helpers import add_document
from spacy.language import Language

from annotator import migrations
from annotator.cli import main
from annotator.errors import SaveError
from annotator.lease import STALE_AFTER, PreannotationRunning, host_name
from annotator.nlp import blank_pipeline_with_patterns
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate
from annotator.store import Project


@pytest.fixture(scope="module")
def pipe():
    return ruler_pipeline([{"label": "GPE", "pattern": "Moscow"}])


def lease_of(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT pid, host FROM preannotation_lease").fetchall()
    finally:
        conn.close()


def put(path, pid: int, host: str, beat: datetime) -> None:
    conn = sqlite3.connect(path)
    at = beat.isoformat(timespec="milliseconds")
    conn.execute("INSERT OR REPLACE INTO preannotation_lease VALUES (1, ?, ?, ?, ?, 'theirs')", (pid, host, at, at))
    conn.commit()
    conn.close()


def test_a_second_run_in_the_same_process_is_refused_and_nothing_is_stored_twice(project, pipe):
    for i in range(4):
        add_document(project, f"Doc {i} on Moscow.", f"d{i}")
    refused: list[str] = []

    def second(done: int, total: int) -> None:  # the app's run of new documents, while the first is under way
        if refused:
            return
        with Project(project.path, create=False) as other:
            with pytest.raises(PreannotationRunning) as exc:
                preannotate(other, pipe, only_new=True)
            refused.append(str(exc.value))
            assert lease_of(project.path) == [(os.getpid(), host_name())]

    report = preannotate(project, pipe, batch_size=2, progress=second)
    assert report.documents == 4 and report.suggestions == 4
    (said,) = refused
    assert said.startswith(f"pre-annotation is already running on this project (pid {os.getpid()} on {host_name()} ")
    assert "\n" not in said
    conn = project.db.conn
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 4  # one run's suggestions, once
    assert conn.execute("SELECT count(*) FROM pipeline_runs").fetchone()[0] == 1
    assert lease_of(project.path) == []  # let go at the end
    assert preannotate(project, pipe).documents == 4  # and the next run takes it


def test_a_live_lease_of_another_host_refuses_the_command_with_a_clear_line(tmp_path, capsys):
    path = tmp_path / "p.annotator"
    with Project(path) as p:
        add_document(p, "Rebels near Moscow.", "a")
    put(path, 4242, "elsewhere", datetime.now(timezone.utc))
    assert main(["preannotate", str(path), "--only-new"]) != 0
    err = capsys.readouterr().err
    assert "pre-annotation is already running on this project (pid 4242 on elsewhere since " in err
    assert len(err.strip().splitlines()) == 1, err
    assert lease_of(path) == [(4242, "elsewhere")]  # theirs, left as it was


def test_a_stale_lease_is_taken_over(project, pipe):
    add_document(project, "Rebels near Moscow.", "a")
    old = datetime.now(timezone.utc) - STALE_AFTER - timedelta(seconds=5)
    put(project.path, 4242, "elsewhere", old)  # a run on another machine that stopped without a word
    assert preannotate(project, pipe).documents == 1
    assert lease_of(project.path) == []
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    put(project.path, int(ended.stdout), host_name(), datetime.now(timezone.utc))  # a killed run of this host
    assert preannotate(project, pipe).documents == 1
    assert lease_of(project.path) == []


def test_the_lease_is_let_go_after_a_cancel_and_after_an_error(project, pipe):
    for i in range(3):
        add_document(project, f"Doc {i} on Moscow.", f"d{i}")
    report = preannotate(project, pipe, batch_size=1, progress=lambda d, n: None, cancelled=lambda: True)
    assert report.cancelled
    assert lease_of(project.path) == []

    @Language.component("lease_test_breaks")
    def breaks(doc):
        raise RuntimeError("a component that fails")

    broken = blank_pipeline_with_patterns([{"label": "GPE", "pattern": "Moscow"}])
    broken.nlp.add_pipe("lease_test_breaks")
    with pytest.raises(RuntimeError):
        preannotate(project, broken)
    assert lease_of(project.path) == []
    assert preannotate(project, pipe).documents == 3


def test_a_read_only_open_writes_no_lease(tmp_path, pipe):
    path = tmp_path / "p.annotator"
    with Project(path) as p:
        add_document(p, "Rebels near Moscow.", "a")
    with Project(path, create=False, read_only=True) as p:
        with pytest.raises(SaveError):
            preannotate(p, pipe)
    assert lease_of(path) == []


def test_an_older_file_gets_the_lease_table_and_a_copy_beside_it(tmp_path, pipe):
    path = tmp_path / "old.annotator"
    with Project(path) as p:
        add_document(p, "Rebels near Moscow.", "a")
    before = migrations.MIGRATIONS.index(migrations._m9_preannotation_lease)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE preannotation_lease")  # as format 8 wrote it
    conn.execute(f"PRAGMA user_version = {before}")
    conn.commit()
    conn.close()
    with Project(path, create=False) as p:
        assert migrations.user_version(p.db.conn) == migrations.LATEST
        assert p.upgraded is not None and p.upgraded.before == before
        assert p.db.lease_row() is None
        assert preannotate(p, pipe).documents == 1
    assert (tmp_path / f"old.annotator.v{before}.bak").exists()
    assert lease_of(path) == []


def test_a_long_document_s_run_renews_its_heartbeat_between_groups_of_pieces(project, pipe, monkeypatch):
    """One long document is one stored batch: without a heartbeat between its pieces a run of minutes would look
    stopped to a second run after ``STALE_AFTER``."""
    from annotator import lease, preannotate as module

    monkeypatch.setattr(module, "CHUNK_CHARS", 200)
    monkeypatch.setattr(lease, "RENEW_EVERY", 0.0)
    clock = iter(range(10_000))
    base = datetime(2026, 12, 5, tzinfo=timezone.utc)
    monkeypatch.setattr(lease, "now", lambda: (base + timedelta(seconds=next(clock))).isoformat())
    add_document(project, "Talks in Moscow went on. " * 100, "long")  # 2,500 characters: about 13 pieces
    seen: list[str] = []

    def asked() -> bool:
        conn = sqlite3.connect(project.path)
        seen.extend(r[0] for r in conn.execute("SELECT heartbeat_at FROM preannotation_lease"))
        conn.close()
        return False

    assert preannotate(project, pipe, batch_size=64, cancelled=asked).documents == 1
    assert len(set(seen)) >= 10, seen  # renewed before each piece, not only when the one batch was stored
    assert seen == sorted(seen)
    assert lease_of(project.path) == []


def test_a_lease_is_taken_over_when_asked_and_only_the_one_named(project, pipe) -> None:
    """A run on another host that stopped without a word held the project for ``STALE_AFTER``; ``take_over`` lets
    the one lease a person was told of go (its token), never one another run holds since."""
    from annotator.lease import running, take_over

    add_document(project, "Doc on Moscow.", "d")
    beat = datetime.now(timezone.utc) - timedelta(minutes=3)
    put(project.path, 4242, "elsewhere", beat)
    theirs = running(project)
    assert theirs is not None and theirs.token == "theirs"
    assert ", last seen at " not in theirs.where()  # its start and heartbeat alike
    conn = sqlite3.connect(project.path)
    conn.execute("UPDATE preannotation_lease SET token = 'newer'")  # another run holds it now
    conn.commit()
    conn.close()
    assert not take_over(project, theirs) and lease_of(project.path) == [(4242, "elsewhere")]
    put(project.path, 4242, "elsewhere", beat)
    assert take_over(project, theirs) and lease_of(project.path) == []
    preannotate(project, pipe, only_new=True)
    assert [e.label for e in project.entities(project.document_ids()[0])] == ["GPE"]


def test_the_refusal_says_when_the_other_run_was_last_seen() -> None:
    started = datetime(2026, 12, 5, 1, 0, tzinfo=timezone.utc)
    quiet = PreannotationRunning(7, "box", started.isoformat(), (started + timedelta(minutes=9)).isoformat(), "t")
    clock = (started + timedelta(minutes=9)).astimezone().strftime("%H:%M")
    assert f", last seen at {clock})" in str(quiet) and quiet.seen() == clock
    assert quiet.silent_for(started + timedelta(minutes=12)) == timedelta(minutes=3)


@pytest.mark.slow  # loads a pipeline from disk: about 2 s
def test_the_command_takes_over_another_machine_s_stopped_run_when_told(tmp_path, pipe, capsys) -> None:
    """``annotator preannotate`` over a run on another machine that stopped without a word could only wait out
    ``STALE_AFTER``; the refusal names ``--take-over``, which lets that lease go and runs. A live run of this
    machine is never taken over."""
    path = tmp_path / "p.annotator"
    model = tmp_path / "model"
    pipe.nlp.to_disk(model)
    with Project(path) as p:
        add_document(p, "Rebels near Moscow.", "a")
    put(path, 4242, "elsewhere", datetime.now(timezone.utc) - timedelta(minutes=4))
    assert main(["preannotate", str(path), "--model", str(model)]) == 1
    err = capsys.readouterr().err
    assert err.strip().endswith(
        "run it again when that one has finished, or with --take-over if it has stopped without a word"
    )
    assert main(["preannotate", str(path), "--model", str(model), "--take-over"]) == 0
    out, err = capsys.readouterr()
    assert "took over from the pre-annotation of pid 4242 on elsewhere (last seen at " in err
    assert "1 document" in out and lease_of(path) == []
    put(path, os.getpid(), host_name(), datetime.now(timezone.utc))  # alive, here
    assert main(["preannotate", str(path), "--model", str(model), "--take-over"]) == 1
    err = capsys.readouterr().err
    assert "its process is alive; nothing was started: --take-over takes over only another machine's run" in err
    assert lease_of(path) == [(os.getpid(), host_name())]
