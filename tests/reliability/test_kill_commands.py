"""The commands added in sessions 9-10, SIGKILLed at points spread over their run (a laptop's battery, the OOM
killer, ``kill -9`` of a stuck script): ``import --format oneie`` (one transaction), ``merge`` (one transaction per
source file), an export onto a file in the project's own folder. After each kill the project opens whole, nothing
half-written is there or looks whole, and running the command again finishes the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from reliability_support import assert_sound, connect

from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project

KILLS = 5


def _cli(*argv: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _run(*argv: str) -> float:
    """Run the command to its end; its seconds."""
    start = time.monotonic()
    proc = _cli(*argv)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, (out + err).decode()[-2000:]
    return time.monotonic() - start


def _killed(delay: float, *argv: str) -> bool:
    """Run the command and SIGKILL it ``delay`` seconds in; True when it was still running."""
    proc = _cli(*argv)
    time.sleep(delay)
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    return alive


def _spread(whole: float) -> list[float]:
    """Kill points over a run of ``whole`` seconds, past the interpreter's start (about a third of it)."""
    return [whole * (0.3 + 0.7 * (k + 0.5) / KILLS) for k in range(KILLS)]


def _oneie(path: Path, n: int) -> None:
    lines = []
    for k in range(n):
        tokens = ["Rebels", "attacked", "a", "convoy", "near", "Kabul", "on", f"day{k}", "."]
        lines.append(
            {
                "doc_id": f"D{k}",
                "sent_id": f"D{k}-0",
                "tokens": tokens,
                "sentence": " ".join(tokens[:-1]) + ".",
                "entity_mentions": [
                    {"id": f"D{k}-E1", "text": "Kabul", "entity_type": "GPE", "start": 5, "end": 6},
                    {"id": f"D{k}-E2", "text": "Rebels", "entity_type": "PER", "start": 0, "end": 1},
                ],
                "relation_mentions": [],
                "event_mentions": [
                    {
                        "id": f"D{k}-V1",
                        "event_type": "Conflict:Attack",
                        "trigger": {"text": "attacked", "start": 1, "end": 2},
                        "arguments": [{"entity_id": f"D{k}-E2", "text": "Rebels", "role": "Attacker"}],
                    }
                ],
            }
        )
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))


def _counts(path: Path) -> tuple[int, int, int]:
    conn = connect(path)
    try:
        assert_sound(conn)
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "entities", "events")
        )  # type: ignore[return-value]
    finally:
        conn.close()


@pytest.mark.slow
def test_import_of_a_oneie_file_killed_is_all_there_or_not_at_all(tmp_path, figures):
    source = tmp_path / "train.oneie.json"
    _oneie(source, 800)
    base = tmp_path / "base.annotator"
    with Project(base, annotator="t") as p:
        import_documents(p, [IncomingDocument("A document there before.", "before.txt")])
    whole_path = tmp_path / "whole.annotator"
    whole_path.write_bytes(base.read_bytes())
    whole = _run("import", str(whole_path), str(source), "--format", "oneie")
    full = _counts(whole_path)
    seen = []
    for k, delay in enumerate(_spread(whole)):
        path = tmp_path / f"k{k}.annotator"
        path.write_bytes(base.read_bytes())
        _killed(delay, "import", str(path), str(source), "--format", "oneie")
        now = _counts(path)
        assert now in ((1, 0, 0), full), (delay, now, full)
        seen.append(now == full)
        if now != full:
            _run("import", str(path), str(source), "--format", "oneie")  # the same command again finishes it
            assert _counts(path) == full
    figures.update(kills=KILLS, killed_before_the_commit=seen.count(False), documents=full[0])


def _member(folder: Path, who: str, n: int) -> Path:
    path = folder / f"{who}.annotator"
    with Project(path, annotator=who) as p:
        docs = []
        for k in range(n):
            text = f"Maria Lopez met officials in Paris on day {k}."
            docs.append(
                IncomingDocument(text, f"d{k}.txt", entities=[IncomingEntity("m", 0, 11, "PERSON", annotator=who)])
            )
        import_documents(p, docs)
    return path


def _tables(path: Path) -> int:
    conn = connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        conn.close()


def _sets(path: Path) -> dict[str, int]:
    conn = connect(path)
    try:
        assert_sound(conn)
        return dict(conn.execute("SELECT annotation_set, count(*) FROM entities GROUP BY annotation_set").fetchall())
    finally:
        conn.close()


@pytest.mark.slow
def test_merge_killed_keeps_each_source_whole_or_absent(tmp_path, figures):
    sources = [_member(tmp_path, who, 600) for who in ("alice", "bob", "carol")]
    whole = _run("merge", str(tmp_path / "whole.annotator"), *map(str, sources))
    full = _sets(tmp_path / "whole.annotator")
    kept = []
    for k, delay in enumerate(_spread(whole)):
        team = tmp_path / f"team{k}.annotator"
        _killed(delay, "merge", str(team), *map(str, sources))
        if team.exists() and _tables(team):  # killed before its first commit: an SQLite file with no tables
            now = _sets(team)
            assert all(now[s] == full[s] for s in now), (delay, now, full)  # each set whole, or not there
            kept.append(len(now))
        _run("merge", str(team), *map(str, sources))  # again: finishes it (a set merged already is taken as is)
        assert _sets(team) == full
    figures.update(kills=KILLS, sets_kept=kept)


@pytest.mark.slow
def test_an_export_into_the_project_s_folder_killed_leaves_the_old_one_or_the_new_one_whole(tmp_path, figures):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        import_documents(
            p,
            [
                IncomingDocument(f"Maria Lopez met officials in Paris on day {k}. " * 20, f"d{k}.txt")
                for k in range(3000)
            ],
        )
    target = tmp_path / "corpus.jsonl"
    whole = _run("export", str(path), "-f", "jsonl", "-o", str(target))
    new = target.read_bytes()
    old = b'{"old": "export"}\n'
    outcomes = []
    for delay in _spread(whole):
        target.write_bytes(old)
        _killed(delay, "export", str(path), "-f", "jsonl", "-o", str(target))
        got = target.read_bytes()
        assert got in (old, new), (delay, len(got))  # never a part of the new one under the name
        outcomes.append("new" if got == new else "old")
        assert _counts(path)[0] == 3000
    _run("export", str(path), "-f", "jsonl", "-o", str(target))
    assert sorted(x.name for x in tmp_path.iterdir() if not x.name.startswith("p.annotator")) == ["corpus.jsonl"]
    figures.update(kills=KILLS, outcomes=outcomes)
