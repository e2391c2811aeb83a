"""The newest formats' paths (session 11-12: Hugging Face token classification JSONL, OmniEvent's unified JSONL),
SIGKILLed at points spread over their run and run on a full disk: an import is all there or not at all and the
same command again finishes it; an export onto an existing file leaves the old one or the whole new one under its
name, and nothing beside it once the next export ran; a full disk says so in one line and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reliability_support import assert_sound, connect, fill
from test_kill_commands import KILLS, _cli, _counts, _killed, _run, _spread

from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project
from annotator.fileid import sqlite_uri

FORMATS = ["hf", "omnievent"]


def _source_project(path: Path, n: int) -> Path:
    docs = []
    for k in range(n):
        text = f"Rebels attacked a convoy near Kabul on day {k}. Maria Lopez met officials in Paris."
        docs.append(
            IncomingDocument(
                text,
                f"d{k}.txt",
                status="annotated",
                entities=[IncomingEntity(1, 0, 6, "PERSON"), IncomingEntity(2, 30, 35, "GPE")],
                events=[IncomingEvent("Conflict:Attack", 7, 15, arguments=[("Attacker", 1), ("Place", 2)])],
            )
        )
    with Project(path, annotator="t") as p:
        import_documents(p, docs)
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """A project of 1,500 annotated documents and its export in each format."""
    folder = tmp_path_factory.mktemp("newest")
    src = _source_project(folder / "src.annotator", 1500)
    out = {"project": src}
    for fmt in FORMATS:
        out[fmt] = folder / f"corpus.{fmt}.jsonl"
        _run("export", str(src), "-f", fmt, "-o", str(out[fmt]))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_import_of_the_newest_formats_killed_is_all_there_or_not_at_all(tmp_path, exported, fmt, figures):
    source = exported[fmt]
    base = tmp_path / "base.annotator"
    with Project(base, annotator="t") as p:
        import_documents(p, [IncomingDocument("A document there before.", "before.txt")])
    whole_path = tmp_path / "whole.annotator"
    whole_path.write_bytes(base.read_bytes())
    whole = _run("import", str(whole_path), str(source), "--format", fmt)
    full = _counts(whole_path)
    assert full[0] == 1501
    seen = []
    for k, delay in enumerate(_spread(whole)):
        path = tmp_path / f"k{k}.annotator"
        path.write_bytes(base.read_bytes())
        _killed(delay, "import", str(path), str(source), "--format", fmt)
        now = _counts(path)
        assert now in ((1, 0, 0), full), (delay, now, full)
        seen.append(now == full)
        if now != full:
            _run("import", str(path), str(source), "--format", fmt)
            assert _counts(path) == full
    figures.update(format=fmt, kills=KILLS, killed_before_the_commit=seen.count(False), documents=full[0])


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_of_the_newest_formats_killed_leaves_the_old_one_or_the_new_one(tmp_path, exported, fmt, figures):
    project = tmp_path / "p.annotator"
    project.write_bytes(exported["project"].read_bytes())
    target = tmp_path / f"corpus.{fmt}.jsonl"
    whole = _run("export", str(project), "-f", fmt, "-o", str(target))
    new = target.read_bytes()
    old = b'{"old": "export"}\n'
    outcomes = []
    for delay in _spread(whole):
        target.write_bytes(old)
        _killed(delay, "export", str(project), "-f", fmt, "-o", str(target))
        got = target.read_bytes()
        assert got in (old, new), (delay, len(got))
        outcomes.append("new" if got == new else "old")
    _run("export", str(project), "-f", fmt, "-o", str(target))
    left = sorted(x.name for x in tmp_path.iterdir() if not x.name.startswith("p.annotator"))
    assert left == [target.name], left  # the killed exports' .part files removed by the next export
    conn = connect(project)
    try:
        assert_sound(conn)
    finally:
        conn.close()
    figures.update(format=fmt, kills=KILLS, outcomes=outcomes)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_newest_formats_on_a_full_disk_say_so_and_change_nothing(small_fs, exported, fmt):
    """Import into and export from a project on a full 2 MB tmpfs: one line, exit 1, nothing changed or left."""
    project = small_fs / "p.annotator"
    with Project(project, annotator="t") as p:
        import_documents(p, [IncomingDocument("A document there before.", "before.txt")])
    fill(small_fs)
    before = project.read_bytes()
    proc = _cli("import", str(project), str(exported[fmt]), "--format", fmt)
    out, err = proc.communicate(timeout=300)
    lines = err.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1, err.decode()
    assert "disk is full" in lines[0] and "nothing was changed" in lines[0], lines
    assert project.read_bytes() == before
    target = small_fs / f"out.{fmt}.jsonl"
    proc = _cli("export", str(project), "-f", fmt, "-o", str(target))
    out, err = proc.communicate(timeout=300)
    lines = err.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1, err.decode()
    assert "No space left on device" in lines[0] and "nothing was replaced" in lines[0], lines
    assert not target.exists() and not [x for x in small_fs.iterdir() if x.name.endswith(".part")]
    conn = sqlite3.connect(sqlite_uri(project, mode="ro", immutable=1), uri=True)  # a full disk: no -shm can be made
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()
    assert project.read_bytes() == before
