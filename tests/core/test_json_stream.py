"""The streamed JSON/JSONL export (SQLite writes the entities' JSON; reader threads read ahead, or a second process
renders half of the chunks and writes them at their places) is byte-identical to orjson's dump of the plain
document records, chunk boundaries, threads, processes and odd characters included."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from claims_support import take_turns
from test_project_json import a_document

from annotator import edits
from annotator.formats import json_split, json_stream
from annotator.formats.project_json import DEFAULT_STATES, header, iter_document_records, write_json, write_jsonl
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.model import STATES
from annotator.store import Project


@pytest.fixture(scope="session")
def tmp_path_factory(disk_tmp_path_factory):
    """This module's folders on the disk, not a tmpfs: it tests the export's fdatasyncs (tests/conftest.py)."""
    return disk_tmp_path_factory


def reference(project: Project, fmt: str, states=DEFAULT_STATES, statuses=None) -> bytes:
    """What the export must be: orjson's dump of each document record (the pre-streaming writer)."""
    recs = [orjson.dumps(r) for r in iter_document_records(project, states, statuses, tokens=True)]
    if fmt == "jsonl":
        return b"".join(r + b"\n" for r in recs)
    return orjson.dumps(header(project))[:-1] + b',"documents":[' + b",".join(recs) + b"]}"


def force(monkeypatch, mode: str) -> list:
    """Exports written by this process (reader threads) or split with a second process (forced on small inputs);
    returns the list the second processes started go to (``subprocess.Popen`` objects)."""
    started: list = []
    monkeypatch.setattr(json_split, "MIN_DOCUMENTS", 0 if mode == "two processes" else 10**9)
    real = json_split.subprocess.Popen

    def popen(*args, **kwargs):
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(json_split.subprocess, "Popen", popen)
    return started


@pytest.fixture(params=["one process", "two processes"])
def split(request, monkeypatch):
    """Both ways of writing the export; yields (the way, the second processes started)."""
    started = force(monkeypatch, request.param)
    yield request.param, started
    assert all(p.poll() is not None for p in started)  # no second process outlives its export


def used(split, started) -> bool:
    """The export went the way ``split`` asked."""
    return bool(started) == (split == "two processes")


def export(project: Project, fmt: str, out: Path, **kw) -> bytes:
    (write_json if fmt == "json" else write_jsonl)(project, out, **kw)
    return out.read_bytes()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(st.integers(0, 10**6), min_size=1, max_size=6).flatmap(
        lambda xs: st.tuples(*[a_document(i) for i in range(len(xs))])
    ),
    st.sampled_from(["json", "jsonl"]),
)
@pytest.mark.slow  # hypothesis, many exports (~9 s)
def test_streamed_export_is_byte_identical(monkeypatch, split, docs, fmt):
    monkeypatch.setattr(json_stream, "CHUNK", 2)  # several chunks, read by the reader threads or two processes
    mode, started = split
    with tempfile.TemporaryDirectory() as tmp:
        with Project(Path(tmp) / "a.annotator", annotator="origin", synchronous="OFF") as p:
            import_documents(p, list(docs))
            started.clear()
            assert export(p, fmt, Path(tmp) / "out", states=STATES) == reference(p, fmt, STATES)
            assert used(mode, started)


TRICKY = ['","', "\\", '"text":"\\u0002"', "\x02", "\x01", "\x00", 'a"b', "é😀", "\u2028", '\\"', ","]
# the markers of the streamed writer: '%' in the entity fields (a '%b' place each text), the character joining the
# texts for orjson, and the text's own key and place
TRICKY += ["%", "%b", "%%b", '"text":"%b"', "\x7f", "a\x7fb", "%s"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_every_score_is_written_exactly(project, tmp_path, split, fmt):
    """Scores whose SQLite quote() is not the stored double (its last digit dropped: a score of [0, 1) among 70,000
    or so, and values near the ends of the range, which hypothesis drew for the test above) come out as stored."""
    scores = [0.6782850768370841, 9.128864066252889e-308, 0.5, 1e-05, 6.4387017260810395e301]
    ents = [IncomingEntity(k, 0, 4, "PERSON", "suggested", "spacy:x@1", score=v) for k, v in enumerate(scores)]
    import_documents(project, [IncomingDocument(text="Kabul", name="d", entities=ents)])
    out = export(project, fmt, tmp_path / "out", states=STATES)
    assert out == reference(project, fmt, STATES)
    doc = orjson.loads(out)["documents"][0] if fmt == "json" else orjson.loads(out)
    assert sorted(e["score"] for e in doc["entities"]) == sorted(scores)
    assert b"0.6782850768370841" in out
    assert used(*split)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_markers_and_quotes_in_the_data(project, tmp_path, monkeypatch, split, fmt):
    monkeypatch.setattr(json_stream, "CHUNK", 1)
    docs = []
    for i, piece in enumerate(TRICKY):
        text = f"{i} {piece} x{piece}{piece} end"
        ents = [
            IncomingEntity(k, s, s + len(piece) + 1, "PERSON", "accepted", piece or "human", piece)
            for k, s in enumerate(range(1, len(text) - len(piece) - 1, 2))
        ]
        docs.append(
            IncomingDocument(text=text, name=piece + str(i), meta={piece: piece}, entities=ents, keep_annotators=True)
        )
    import_documents(project, docs)
    assert export(project, fmt, tmp_path / "out", states=STATES) == reference(project, fmt, STATES)
    assert used(*split)


@pytest.mark.slow
def test_filters_and_a_read_only_project(project, tmp_path, split):
    a = import_documents(project, [IncomingDocument(text=f"Paris {i} London", name=f"d{i}") for i in range(5)])
    ids = [i for _, i in a.imported]
    edits.add_entity(project, ids[1], 0, 5, "GPE")
    edits.add_entity(project, ids[1], 8, 14, "GPE")
    edits.add_entity(project, ids[2], 8, 14, "GPE")
    project.db.conn.execute("UPDATE entities SET state = 'rejected' WHERE start = 8 AND document_id = ?", (ids[1],))
    project.db.conn.execute("UPDATE documents SET status = 'reviewed' WHERE id IN (?, ?)", (ids[1], ids[2]))
    for fmt in ("json", "jsonl"):
        assert export(project, fmt, tmp_path / "o", statuses=["reviewed"]) == reference(
            project, fmt, statuses=["reviewed"]
        )
        assert export(project, fmt, tmp_path / "o", states=("accepted",)) == reference(
            project, fmt, states=("accepted",)
        )
    assert used(*split)
    path = project.path
    project.close()
    with Project(path, read_only=True) as ro:  # read on its own connection
        assert export(ro, "json", tmp_path / "r.json") == reference(ro, "json")


def test_cancel_stops_the_readers_and_writes_nothing(project, tmp_path, monkeypatch, split):
    monkeypatch.setattr(json_stream, "CHUNK", 1)
    import_documents(project, [IncomingDocument(text=f"text {i}", name=f"d{i}") for i in range(40)])

    class Cancelled(Exception):
        pass

    def progress(n: int) -> None:
        if n >= 3:  # (a count can go by 3: the second process's chunks are counted as their sizes come)
            raise Cancelled

    (tmp_path / "exports").mkdir()
    out = tmp_path / "exports" / "out.json"
    with pytest.raises(Cancelled):
        write_json(project, out, progress=progress)
    assert not list(out.parent.iterdir())  # no output, no temporary file
    assert not [t for t in threading.enumerate() if t.name.startswith("export-")]  # readers and the flusher
    assert used(*split)  # (and the fixture checks that the second process has ended)


def test_the_file_is_flushed_to_disk_as_it_grows_and_a_failed_flush_fails_the_export(project, tmp_path, monkeypatch):
    import errno
    import os

    from annotator import exporting
    from annotator.errors import AnnotatorError

    monkeypatch.setattr(json_stream, "CHUNK", 1)
    monkeypatch.setattr(exporting, "SYNC_STEP", 1, raising=False)  # a flush after every chunk written
    import_documents(project, [IncomingDocument(text=f"text {i} " * 50, name=f"d{i}") for i in range(20)])
    flushed: list[int] = []
    real = getattr(os, "fdatasync", os.fsync)

    def counting(fd: int) -> None:
        flushed.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fdatasync", counting, raising=False)
    (tmp_path / "exports").mkdir()
    out = tmp_path / "exports" / "out.json"
    assert export(project, "json", out) == reference(project, "json")
    assert flushed  # in the background, before the closing fsync

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", failing, raising=False)
    before = out.read_bytes()
    with pytest.raises(AnnotatorError, match="nothing was replaced"):
        write_json(project, out)
    assert out.read_bytes() == before  # the earlier export is still there, no temporary file beside it
    assert sorted(p.name for p in out.parent.iterdir()) == ["out.json"]
    assert not [t for t in threading.enumerate() if t.name.startswith("export-")]


def test_progress_and_the_cancel_come_within_a_chunk_of_long_documents(project, tmp_path, monkeypatch):
    monkeypatch.setattr(json_stream, "PROGRESS_EVERY", 0.0, raising=False)  # as if each document took that long
    import_documents(project, [IncomingDocument(text=f"text {i}", name=f"d{i}") for i in range(40)])  # one chunk
    seen: list[int] = []

    class Cancelled(Exception):
        pass

    def progress(n: int) -> None:
        seen.append(n)
        if n == 3:
            raise Cancelled

    out = tmp_path / "out.json"
    with pytest.raises(Cancelled):
        write_json(project, out, progress=progress)
    assert seen == [1, 2, 3]
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_documents_gone_before_their_chunk_is_read(project, tmp_path, monkeypatch, split, fmt):
    """Documents listed but deleted before their chunk is read (the first chunks among them) leave valid output:
    the first document written has no separator before it, whichever chunk and process it comes from."""
    monkeypatch.setattr(json_stream, "CHUNK", 1)
    import_documents(project, [IncomingDocument(text=f"text {i}", name=f"d{i}") for i in range(6)])
    listed = project.document_ids
    monkeypatch.setattr(project, "document_ids", lambda statuses=None: [10**6, 10**6 + 1, *listed(statuses), 10**6 + 2])
    assert export(project, fmt, tmp_path / "out") == reference(project, fmt)
    assert used(*split)


def test_a_killed_second_process_fails_the_export_and_replaces_nothing(project, tmp_path, monkeypatch):
    import signal

    from annotator.errors import AnnotatorError

    started = force(monkeypatch, "two processes")
    take_turns(monkeypatch)  # the second process cannot have written every chunk and ended before the kill
    monkeypatch.setattr(json_stream, "CHUNK", 1)
    import_documents(project, [IncomingDocument(text=f"text {i} " * 20, name=f"d{i}") for i in range(40)])
    (tmp_path / "exports").mkdir()
    out = tmp_path / "exports" / "out.json"
    out.write_bytes(b"the export before")

    def progress(n: int) -> None:
        if n >= 2 and started[0].poll() is None:
            started[0].send_signal(signal.SIGKILL)

    with pytest.raises(AnnotatorError, match="second process failed"):
        write_json(project, out, progress=progress)
    assert started[0].returncode == -signal.SIGKILL
    assert out.read_bytes() == b"the export before"
    assert [p.name for p in out.parent.iterdir()] == ["out.json"]  # no half file, no temporary one


def test_a_second_process_that_fails_says_why_and_replaces_nothing(project, tmp_path, monkeypatch):
    import sys

    from annotator import child_process
    from annotator.errors import AnnotatorError

    started = force(monkeypatch, "two processes")
    import_documents(project, [IncomingDocument(text=f"text {i}", name=f"d{i}") for i in range(5)])
    fail = "import sys; sys.stdin.read(); sys.exit('no such table: documents')"
    monkeypatch.setattr(
        child_process, "module_command", lambda module, packages=None: ([sys.executable, "-c", fail], None)
    )
    out = tmp_path / "out.jsonl"
    with pytest.raises(AnnotatorError, match="second process failed: no such table: documents"):
        write_jsonl(project, out)
    assert len(started) == 1
    assert not list(tmp_path.glob("*out.jsonl*"))


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_the_second_process_ends_when_the_first_is_killed(project, tmp_path):
    """The app killed during an export: its second process does not go on rendering the rest for nobody."""
    import subprocess
    import sys

    import_documents(project, [IncomingDocument(text=f"text {i} " * 20, name=f"d{i}") for i in range(60)])
    project.close()
    script = f"""
import os
from pathlib import Path
from annotator.formats import json_split, json_stream
from annotator.formats.project_json import write_json
from annotator.store import Project
json_split.MIN_DOCUMENTS, json_stream.CHUNK, json_stream.PROGRESS_EVERY = 0, 1, 0.0
real = json_split.subprocess.Popen
def popen(*args, **kwargs):
    proc = real(*args, **kwargs)
    print(proc.pid, flush=True)
    return proc
json_split.subprocess.Popen = popen
def progress(n):
    if n >= 3:
        os.kill(os.getpid(), 9)
with Project(Path({str(project.path)!r})) as p:
    write_json(p, Path({str(tmp_path / "out.json")!r}), progress=progress)
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == -9, run.stderr
    pid = int(run.stdout.split()[0])

    def ended() -> bool:
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
        except OSError:
            return True

    for _ in range(600):  # waits for the event (at most a minute), asserts no time
        if ended():
            break
        threading.Event().wait(0.1)
    assert ended()
    assert not (tmp_path / "out.json").exists()


def test_the_second_process_may_end_before_the_first_tells_its_last_size(tmp_path):
    """The second process can take the next-to-last chunk, write it and end while the first still renders the
    last one; telling it that chunk's size then meets a closed pipe. The first goes on: its chunk is written, the
    file is whole (it was cut short, silently, when the broken pipe was taken for a failure)."""
    import os
    import struct

    claims_r, claims_w = os.pipe()
    os.write(claims_w, struct.pack("<ii", 0, 1))
    os.close(claims_w)
    to_other_r, to_other = os.pipe()
    from_other, from_other_w = os.pipe()
    fd = os.open(tmp_path / "out", os.O_RDWR | os.O_CREAT)
    os.pwrite(fd, b"[", 0)
    # the other process: takes chunk 0 (",A": a separator before each document), writes it at the start without
    # its separator (the export's first document), tells its size and ends
    assert os.read(claims_r, 4) == struct.pack("<i", 0)
    os.pwrite(fd, b"A", 1)
    os.write(from_other_w, json_split._MSG.pack(0, 2, 1, 0, 0))
    os.close(from_other_w)
    os.close(to_other_r)
    counts = []
    side = json_split._Side(
        fd,
        1,
        1,
        2,
        (claims_r, from_other, to_other),
        lambda i: ([b",", b"B"], (1, 0, 0)),
        lambda: None,
        counts.append,
        second=False,
    )
    side.run(need_all=True)
    assert os.pread(fd, 100, 0) == b"[A,B"
    assert side.offset == 4 and counts == [(1, 0, 0)]
    for f in (fd, claims_r, from_other, to_other):
        os.close(f)


def test_a_process_waits_instead_of_holding_more_than_max_pending_chunks(tmp_path, monkeypatch):
    """While the other process holds an early chunk (stopped, starved of CPU), this one renders at most
    MAX_PENDING chunks ahead, then waits for that chunk's size instead of taking every other chunk into memory."""
    import os
    import struct

    monkeypatch.setattr(json_split, "MAX_PENDING", 2)
    monkeypatch.setattr(json_split, "WAIT", 0.01)
    claims_r, claims_w = os.pipe()
    os.write(claims_w, b"".join(struct.pack("<i", i) for i in range(8)))
    os.close(claims_w)
    to_other_r, to_other = os.pipe()
    from_other, from_other_w = os.pipe()
    fd = os.open(tmp_path / "out", os.O_RDWR | os.O_CREAT)
    assert os.read(claims_r, 4) == struct.pack("<i", 0)  # the other process takes chunk 0 and holds it
    held = []

    def between() -> None:
        held.append(len(side.pending))
        if len(held) == 20:  # the other writes its chunk at last
            os.pwrite(fd, b"A", 0)
            os.write(from_other_w, json_split._MSG.pack(0, 2, 1, 0, 0))

    side = json_split._Side(
        fd,
        0,
        1,
        8,
        (claims_r, from_other, to_other),
        lambda i: ([b",", b"%d" % i], (1, 0, 0)),
        between,
        lambda counts: None,
        second=False,
    )
    side.run(need_all=True)
    assert max(held) == 3  # two waiting, and the one just rendered
    assert os.pread(fd, 100, 0) == b"A,1,2,3,4,5,6,7"
    for f in (fd, claims_r, from_other, from_other_w, to_other, to_other_r):
        os.close(f)


def test_the_report_is_the_same_from_one_process_or_two(project, tmp_path, monkeypatch):
    """Counts and the arguments left out (their entity not exported), in document order, whichever process wrote
    which chunk."""
    from annotator.importing import IncomingEvent

    monkeypatch.setattr(json_stream, "CHUNK", 1)
    docs = []
    for i in range(12):
        text = f"Merkel met Putin in Berlin {i}."
        ents = [
            IncomingEntity("m", 0, 6, "PERSON", "accepted", "human", None),
            IncomingEntity("p", 11, 16, "PERSON", "rejected" if i % 3 != 2 else "accepted", "human", None),
        ]
        events = [IncomingEvent("Contact:Meet", 7, 10, {}, [("Entity", "m"), ("Entity", "p")])]
        docs.append(IncomingDocument(text=text, name=f"d{i}", entities=ents, events=events))
    import_documents(project, docs)
    mine = take_turns(monkeypatch)  # which process renders which chunk: decided here, not by the scheduler
    reports = {}
    for mode in ("one process", "two processes"):
        started = force(monkeypatch, mode)
        reports[mode] = write_json(project, tmp_path / f"{mode}.json")
        assert bool(started) == (mode == "two processes")
    assert mine == [0, 2, 4, 6, 8, 10]  # both processes wrote chunks, the second 1, 3, 5...
    one, two = reports["one process"], reports["two processes"]
    assert (one.documents, one.entities, one.events) == (two.documents, two.entities, two.events) == (12, 16, 12)
    assert one.dropped_arguments == two.dropped_arguments
    assert [name for name, _, _ in two.dropped_arguments] == [f"d{i}" for i in range(12) if i % 3 != 2]
    assert (tmp_path / "one process.json").read_bytes() == (tmp_path / "two processes.json").read_bytes()
