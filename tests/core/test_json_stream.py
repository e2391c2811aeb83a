"""The streamed JSON/JSONL export (SQLite writes the entities' JSON, reader threads read ahead) is byte-identical
to orjson's dump of the plain document records, chunk boundaries, threads and odd characters included."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_project_json import a_document

from annotator import edits
from annotator.formats import json_stream
from annotator.formats.project_json import DEFAULT_STATES, header, iter_document_records, write_json, write_jsonl
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.model import STATES
from annotator.store import Project


def reference(project: Project, fmt: str, states=DEFAULT_STATES, statuses=None) -> bytes:
    """What the export must be: orjson's dump of each document record (the pre-streaming writer)."""
    recs = [orjson.dumps(r) for r in iter_document_records(project, states, statuses)]
    if fmt == "jsonl":
        return b"".join(r + b"\n" for r in recs)
    return orjson.dumps(header(project))[:-1] + b',"documents":[' + b",".join(recs) + b"]}"


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
def test_streamed_export_is_byte_identical(monkeypatch, docs, fmt):
    monkeypatch.setattr(json_stream, "CHUNK", 2)  # several chunks, read by the reader threads
    with tempfile.TemporaryDirectory() as tmp:
        with Project(Path(tmp) / "a.annotator", annotator="origin", synchronous="OFF") as p:
            import_documents(p, list(docs))
            assert export(p, fmt, Path(tmp) / "out", states=STATES) == reference(p, fmt, STATES)


TRICKY = ['","', "\\", '"text":"\\u0002"', "\x02", "\x01", "\x00", 'a"b', "é😀", "\u2028", '\\"', ","]
# the markers of the streamed writer: '%' in the entity fields (a '%b' place each text), the character joining the
# texts for orjson, and the text's own key and place
TRICKY += ["%", "%b", "%%b", '"text":"%b"', "\x7f", "a\x7fb", "%s"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_markers_and_quotes_in_the_data(project, tmp_path, monkeypatch, fmt):
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


def test_filters_and_a_read_only_project(project, tmp_path):
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
    path = project.path
    project.close()
    with Project(path, read_only=True) as ro:  # read on its own connection
        assert export(ro, "json", tmp_path / "r.json") == reference(ro, "json")


def test_cancel_stops_the_readers_and_writes_nothing(project, tmp_path, monkeypatch):
    monkeypatch.setattr(json_stream, "CHUNK", 1)
    import_documents(project, [IncomingDocument(text=f"text {i}", name=f"d{i}") for i in range(40)])

    class Cancelled(Exception):
        pass

    def progress(n: int) -> None:
        if n == 3:
            raise Cancelled

    out = tmp_path / "out.json"
    with pytest.raises(Cancelled):
        write_json(project, out, progress=progress)
    assert not out.exists()
    assert not [t for t in threading.enumerate() if t.name.startswith("export-")]  # readers and the flusher


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
