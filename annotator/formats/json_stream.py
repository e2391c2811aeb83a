"""The JSON and JSONL exports, streamed: SQLite writes each entity's JSON, Python only slices the texts
(``json_chunks`` reads and renders a chunk of documents).

On a machine with two cores, an export of at least ``json_split.MIN_DOCUMENTS`` documents from a project file that
can be opened again is written by two processes, each rendering chunks and writing them at their places in the
output (``json_split``). Otherwise ``READERS`` threads, each on its own read-only connection, read chunks ahead
(SQLite releases the GIL while it works) while the calling thread renders and writes them. Projects without a file
of their own to reconnect to (or opened read-only) are read on the project's connection, in this thread. Every
chunk of documents is read in one read transaction (so each chunk is consistent); the bytes are the same on every
path.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, BinaryIO, Callable, Generator

from annotator import fileid
from annotator.exporting import synced_behind
from annotator.formats import json_split
from annotator.formats.json_chunks import Chunk, event_dicts, read_chunk, render_chunk
from annotator.queries.export_chunks import open_reader
from annotator.store import BUSY_TIMEOUT_MS, Project

CHUNK = 100  # documents per read transaction (100: 1.61-1.65 s, 500: 1.88-1.95 s, same run: smaller buffers)
PROGRESS_EVERY = 0.2  # seconds: progress (and the cancel) after each chunk, and within one after this long
READERS = 2  # reader threads when the export is not split between two processes


def _reader_connection(project: Project) -> Callable[[], sqlite3.Connection] | None:
    """A way to open more read connections to the project's file, or None to read on its own connection."""
    if project.read_only or not project.path.is_file():
        return None
    uri = fileid.sqlite_uri(project.path.resolve(), mode="ro")

    def connect() -> sqlite3.Connection:
        return open_reader(uri, BUSY_TIMEOUT_MS, check_same_thread=False)

    try:
        connect().close()
    except sqlite3.Error:
        return None
    return connect


def chunk_size(count: int) -> int:
    """Documents per chunk: ``CHUNK``, fewer in a small export so that progress (and the cancel checked with it)
    still comes about 20 times in it."""
    return max(1, min(CHUNK, count // 20))


def iter_chunks(
    project: Project,
    ids: list[int],
    aset: str,
    states: tuple[str, ...],
    readers: int | None = None,
    tokens: bool = True,
) -> Generator[Chunk, None, None]:
    """The chunks of ``ids`` in order, read ahead by reader threads where the project's file allows."""
    readers = READERS if readers is None else readers
    size = chunk_size(len(ids))
    chunks = [ids[k : k + size] for k in range(0, len(ids), size)]
    connect = _reader_connection(project) if readers > 0 and len(chunks) > 1 else None
    if connect is None:
        for c in chunks:
            yield read_chunk(project.db.streaming_connection(), c, aset, states, where=project.path, tokens=tokens)
        return
    local = threading.local()
    opened: list[sqlite3.Connection] = []
    lock = threading.Lock()

    def work(c: list[int]) -> Chunk:
        conn = getattr(local, "reader", None)
        if conn is None:
            conn = local.reader = connect()
            with lock:
                opened.append(conn)
        return read_chunk(conn, c, aset, states, where=project.path, tokens=tokens)

    pool = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="export-reader")
    pending: deque[Future[Chunk]] = deque()
    try:
        todo = iter(chunks)
        for c in todo:
            pending.append(pool.submit(work, c))
            if len(pending) > readers:
                break
        while pending:
            done = pending.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.submit(work, nxt))
            yield done
    finally:
        for f in pending:
            f.cancel()
        pool.shutdown(wait=True)
        for conn in opened:
            conn.close()


def write_documents(
    fh: BinaryIO,
    project: Project,
    ids: list[int],
    aset: str,
    states: tuple[str, ...],
    report: Any,
    events_of: Callable,
    separator: bytes,
    progress: Callable[[int], None] | None = None,
    tokens: bool = True,
) -> None:
    """Write every document's JSON object, ``separator`` between them (JSON) or after each (JSONL: ``b"\\n"``);
    ``tokens``: with each document's stored tokens."""
    steps = _Progress(report, progress)
    uri = _split_uri(project, ids, events_of)
    if uri is not None:
        size = max(chunk_size(len(ids)), math.ceil(len(ids) / json_split.MAX_CHUNKS))
        chunks = [ids[k : k + size] for k in range(0, len(ids), size)]
        with synced_behind(fh) as wrote:

            def between(position: int) -> None:
                wrote(position)
                steps.done()

            json_split.write_split(
                fh,
                project.db.streaming_connection(),
                uri,
                chunks,
                aset,
                states,
                report,
                separator,
                steps.tick,
                between,
                tokens,
                busy_ms=BUSY_TIMEOUT_MS,
            )
        return
    after = separator == b"\n"
    read = iter_chunks(project, ids, aset, states, tokens=tokens)
    try:
        with synced_behind(fh) as wrote:
            first = True
            for chunk in read:
                if not chunk.docs:
                    continue
                fh.write(b"".join(render_chunk(chunk, report, events_of, separator, after, first, steps.tick)))
                wrote()
                first = False
                steps.done()
    finally:
        read.close()  # stops the readers now, not when a traceback lets go of this frame


def _split_uri(project: Project, ids: list[int], events_of: Callable) -> str | None:
    """The project file's URI for the second process of a split export, or None to write in this process."""
    if events_of is not event_dicts or not json_split.usable(len(ids)) or project.db.in_transaction():
        return None  # (an open transaction: the second process would not see its changes)
    if _reader_connection(project) is None:
        return None
    return fileid.sqlite_uri(project.path.resolve(), mode="ro")


class _Progress:
    """``progress(documents done)`` after each chunk (``done``) and, within one, after ``PROGRESS_EVERY`` seconds
    of rendering (``tick``, after each document), so a chunk of long documents cannot hold a cancel."""

    def __init__(self, report: Any, progress: Callable[[int], None] | None) -> None:
        self.report, self.progress = report, progress
        self.last, self.reported = time.monotonic(), 0
        if progress is None:
            self.tick = None  # type: ignore[assignment]

    def tick(self) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_EVERY:
            self.last, self.reported = now, self.report.documents
            self.progress(self.reported)  # type: ignore[misc]

    def done(self) -> None:
        if self.progress is not None and self.report.documents != self.reported:
            self.last, self.reported = time.monotonic(), self.report.documents
            self.progress(self.reported)
