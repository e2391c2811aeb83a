"""The JSON and JSONL exports on both cores: a second interpreter renders chunks of documents beside this one, and
each process writes the chunks it rendered into the one output file, at their places.

- The chunks' numbers are put in a pipe before the second process starts; each process takes the next one by
  reading 4 bytes (a pipe read is atomic: every chunk goes to one process, in order). A process that is slower (it
  started later, or something else holds its core) takes fewer: the split follows the work, not a count, and the
  two finish within about a chunk of each other.
- After rendering a chunk (``json_chunks``) a process tells the other its size (a 40-byte record, with its counts,
  on a pipe each way) and writes it with ``os.pwritev`` at its offset as soon as the sizes of all chunks before it
  are known: no part files, no copy, no bytes passed between the processes. A chunk waiting for an earlier one
  stays in memory (about one chunk: both take chunks in order; at most ``MAX_PENDING``, then the process waits).
- The export's first document has no separator before it: every chunk is rendered with one before each of its
  documents (JSON; JSONL's follow them), and the first chunk holding a document is written without its first
  byte. Both processes compute every offset by that rule from the same sizes.
- The second process is ``python -m annotator.formats.json_split``: it imports ``sqlite3``, ``orjson`` and
  ``json_chunks`` only (no project, no Qt; ~0.05 s to start, during which this process already renders), reads
  the project on its own read-only connection (through a mapping of the file), one read transaction a chunk as
  this process does, a row a document (no GIL to share, unlike reader threads), and writes into
  the temporary file this process opened (its descriptor is passed). It exits when this process goes away (its
  pipe closes). This process waits for it to exit before the file is synced and renamed; if it fails or is
  killed, the export fails and nothing is replaced (``exporting.atomic_output`` removes the temporary file, there
  is no other); a cancel (the progress callback raising) kills it first.
"""

from __future__ import annotations

import gc
import os
import select
import sqlite3
import struct
import subprocess
import sys
from typing import Any, BinaryIO, Callable

import orjson

from annotator.errors import DamagedTextError, second_process_failed
from annotator.formats.json_chunks import event_dicts, read_chunk, render_chunk
from annotator.queries.export_chunks import open_reader

MIN_DOCUMENTS = 1000  # below this the second interpreter (~0.05 s CPU to start) is not worth it
MAX_CHUNKS = 4096  # chunk numbers the claims pipe holds: 16 KB, within any pipe's buffer, written before either reads
MAX_PENDING = 64  # chunks rendered and waiting for an earlier one's size (~64 MB): then wait instead of taking more
MMAP_SIZE = 1 << 30  # bytes of the project file the second process reads through a mapping
WAIT = 0.1  # seconds: how often a process waiting for the other looks at progress (and the cancel) again
_CLAIM = struct.Struct("<i")
_MSG = struct.Struct("<qqqqq")  # chunk, its size in bytes, documents, entities, events


class _Gone(Exception):
    """The other process closed its pipe before sending a size this one needs."""


class Counts:
    """The report the second process keeps (``render_chunk`` counts into it)."""

    def __init__(self) -> None:
        self.documents = self.entities = self.events = 0
        self.dropped_arguments: list[tuple[str, int, str]] = []


def usable(n_documents: int) -> bool:
    """Whether an export of ``n_documents`` goes to two processes on this machine."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return n_documents >= MIN_DOCUMENTS and cores >= 2 and hasattr(os, "pwrite") and sys.platform != "win32"


try:
    _IOV_MAX = min(os.sysconf("SC_IOV_MAX"), 1024)
except (AttributeError, ValueError, OSError):
    _IOV_MAX = 16


def _pwrite_parts(fd: int, parts: list[bytes | memoryview], offset: int) -> None:
    """Write ``parts`` one after the other from ``offset`` on: ``os.pwritev`` (no joined copy), ``_IOV_MAX`` at a
    time; a short write (rare on a file) writes the rest of its batch joined."""
    vector = getattr(os, "pwritev", None)
    for k in range(0, len(parts), _IOV_MAX):
        batch = parts[k : k + _IOV_MAX]
        total = sum(map(len, batch))
        done = vector(fd, batch, offset) if vector is not None else 0
        if done < total:
            view = memoryview(b"".join(batch))[done:]
            at = offset + done
            while view:
                n = os.pwrite(fd, view, at)
                view, at = view[n:], at + n
        offset += total


class _Side:
    """One process's part: takes chunks, renders them, tells the other process their sizes, writes them."""

    def __init__(
        self,
        out: int,
        base: int,
        lead: int,
        n_chunks: int,
        fds: tuple[int, int, int],
        render: Callable[[int], tuple[list[bytes | memoryview], tuple[int, int, int]]],
        between: Callable[[], None],
        received: Callable[[tuple[int, int, int]], None],
        second: bool,
    ) -> None:
        self.out, self.base, self.lead, self.n_chunks = out, base, lead, n_chunks
        self.claims, self.recv, self.send = fds
        self.render, self.between, self.received = render, between, received
        # the second process stops when the first has gone; the first goes on when the second has ended (it may,
        # having written its last chunk, before the first tells it the size of the chunk it still renders)
        self.second = second
        self.sizes: dict[int, int] = {}
        self.pending: dict[int, list[bytes | memoryview]] = {}
        self.next, self.offset = 0, base  # the first chunk not yet placed, and where it goes
        self.buf = b""
        self.ended = False  # the other process's pipe to this one is closed, and all it sent is read
        self.deaf = False  # the other process no longer reads this one's pipe
        os.set_blocking(self.recv, False)

    def run(self, need_all: bool) -> None:
        """Render chunks until none is left, then write what waits; with ``need_all``, until every chunk (this
        process's and the other's) has its place, so ``offset`` is the end of the documents. ``_Gone`` when the
        other process ended without telling a size this one waits for (or, in the second, when the first ended)."""
        while (b := os.read(self.claims, _CLAIM.size)) != b"":
            i = _CLAIM.unpack(b)[0]
            parts, counts = self.render(i)
            size = sum(map(len, parts))
            self.sizes[i], self.pending[i] = size, parts
            self._tell(_MSG.pack(i, size, *counts))
            self._receive(0.0)
            if self.ended and self.next < i:
                raise _Gone  # a chunk before this one was the other's, which ended without telling its size
            self.between()
            while len(self.pending) > MAX_PENDING:  # the other holds an early chunk (stopped, starved of CPU)
                if self.ended:
                    raise _Gone
                self._receive(WAIT)
                self.between()
        while self.pending or (need_all and self.next < self.n_chunks):
            if self.ended:
                raise _Gone  # waiting for sizes the other process will never tell
            self._receive(WAIT)
            self.between()

    def _tell(self, message: bytes) -> None:
        if self.deaf:
            return
        try:
            os.write(self.send, message)
        except BrokenPipeError:
            self.deaf = True
            if self.second:
                raise _Gone from None

    def _receive(self, timeout: float) -> None:
        if timeout:
            select.select([self.recv], [], [], timeout)
        try:
            got = os.read(self.recv, _MSG.size * 256)
        except BlockingIOError:
            got = None
        if got == b"":
            self.ended = True
            if self.second:
                raise _Gone
        elif got:
            self.buf += got
            whole = len(self.buf) - len(self.buf) % _MSG.size
            for i, size, *counts in _MSG.iter_unpack(self.buf[:whole]):
                self.sizes[i] = size
                self.received(tuple(counts))  # type: ignore[arg-type]
            self.buf = self.buf[whole:]
        self._place()

    def _place(self) -> None:
        while self.next in self.sizes:
            size = self.sizes[self.next]
            skip = self.lead if self.offset == self.base and size else 0  # the export's first document
            parts = self.pending.pop(self.next, None)
            if parts is not None:
                _pwrite_parts(self.out, parts[1:] if skip else parts, self.offset)  # (a document's separator first)
            self.offset += size - skip
            self.next += 1


def _renderer(
    conn: sqlite3.Connection,
    chunks: list[list[int]],
    aset: str,
    states: tuple[str, ...],
    separator: bytes,
    report: Any,
    dropped: dict[int, list],
    tick: Callable[[], None] | None,
    tokens: bool = True,
) -> Callable[[int], tuple[list[bytes | memoryview], tuple[int, int, int]]]:
    after = separator == b"\n"

    def render(i: int) -> tuple[list[bytes | memoryview], tuple[int, int, int]]:
        chunk = read_chunk(conn, chunks[i], aset, states, one_row=False, tokens=tokens)
        d, e, v, x = report.documents, report.entities, report.events, len(report.dropped_arguments)
        parts = render_chunk(chunk, report, event_dicts, separator, after, False, tick)
        dropped[i] = report.dropped_arguments[x:]
        del report.dropped_arguments[x:]
        return parts, (report.documents - d, report.entities - e, report.events - v)

    return render


def write_split(
    fh: BinaryIO,
    conn: sqlite3.Connection,
    uri: str,
    chunks: list[list[int]],
    aset: str,
    states: tuple[str, ...],
    report: Any,
    separator: bytes,
    tick: Callable[[], None] | None,
    between: Callable[[int], None],
    tokens: bool = True,
    *,
    busy_ms: int,
) -> None:
    """Write the documents of ``chunks`` (``separator`` between them, or after each for JSONL) from ``fh``'s
    position on, this process reading on ``conn`` and a second one on the file at ``uri``; ``fh`` ends at their
    end. ``tick()`` while rendering, ``between(end of what is written)`` after each chunk and while waiting; the
    second process waits ``busy_ms`` on a busy file (the project's own wait: ``store.BUSY_TIMEOUT_MS``)."""
    import tempfile  # (here: the second process, which imports this module, does not need it)

    from annotator.child_process import module_command

    fh.flush()
    base = fh.tell()
    lead = 0 if separator == b"\n" else len(separator)
    claims_r, claims_w = os.pipe()
    try:
        os.write(claims_w, b"".join(_CLAIM.pack(i) for i in range(len(chunks))))  # whole: under the pipe's buffer
    finally:
        os.close(claims_w)
    to_child_r, to_child = os.pipe()
    from_child, from_child_w = os.pipe()
    child_fds = (claims_r, to_child_r, from_child_w, fh.fileno())
    args = {
        "uri": uri,
        "busy_ms": busy_ms,
        "chunks": chunks,
        "aset": aset,
        "states": states,
        "separator": separator.decode(),
        "base": base,
        "lead": lead,
        "fds": child_fds,
        "tokens": tokens,
    }
    argv, env = module_command(__name__, packages=("orjson",))
    proc = None
    dropped: dict[int, list] = {}
    kept = list(report.dropped_arguments)
    report.dropped_arguments.clear()
    try:
        with tempfile.TemporaryFile() as arg_file, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            arg_file.write(orjson.dumps(args))
            arg_file.seek(0)
            proc = subprocess.Popen(argv, env=env, stdin=arg_file, stdout=out, stderr=err, pass_fds=child_fds)
            os.close(to_child_r)
            os.close(from_child_w)
            to_child_r = from_child_w = -1

            def received(counts: tuple[int, int, int]) -> None:
                report.documents += counts[0]
                report.entities += counts[1]
                report.events += counts[2]

            side = _Side(
                fh.fileno(),
                base,
                lead,
                len(chunks),
                (claims_r, from_child, to_child),
                _renderer(conn, chunks, aset, states, separator, report, dropped, tick, tokens),
                lambda: between(side.offset),
                received,
                second=False,
            )
            gone = False
            try:
                side.run(need_all=True)
                while True:  # the second process writes its last chunks, then exits
                    try:
                        proc.wait(WAIT)
                        break
                    except subprocess.TimeoutExpired:
                        between(side.offset)
            except _Gone:
                gone = True
                proc.wait()
            if proc.returncode != 0 or gone:
                err.seek(0)
                lines = err.read().decode(errors="replace").strip().splitlines()
                why = lines[-1] if lines else f"it ended ({proc.returncode}) before writing its part"
                raise second_process_failed(why, proc.returncode, getattr(conn, "project_path", "the project file"))
            if side.pending or side.next != len(chunks):  # never silently short output
                raise RuntimeError("the export's chunks were not all written")
            out.seek(0)
            for i, rows in orjson.loads(out.read()).items():
                dropped[int(i)] = [tuple(r) for r in rows]
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        for fd in (claims_r, to_child_r, to_child, from_child, from_child_w):
            if fd >= 0:
                os.close(fd)
    report.dropped_arguments[:] = kept + [r for i in sorted(dropped) for r in dropped[i]]
    fh.seek(side.offset)


def _child() -> int:
    """``python -m annotator.formats.json_split`` with the arguments as JSON on stdin: renders and writes chunks
    until none is left; prints the arguments left out (by chunk) as JSON."""
    gc.disable()  # a short-lived process that makes no cycles
    a = orjson.loads(sys.stdin.buffer.read())
    claims, recv, send, out = a["fds"]
    # waiting as long as the project's own connection waits; the file's pages mapped, not copied by a read() each
    # (~7 % of this process's CPU). An I/O error under a mapping is a SIGBUS: it ends this process, not the app, and
    # the export fails with nothing replaced
    conn = open_reader(a["uri"], a["busy_ms"], mmap_size=MMAP_SIZE)
    report, dropped = Counts(), {}
    render = _renderer(
        conn, a["chunks"], a["aset"], tuple(a["states"]), a["separator"].encode(), report, dropped, None, a["tokens"]
    )
    side = _Side(
        out, a["base"], a["lead"], len(a["chunks"]), (claims, recv, send), render, lambda: None, lambda c: None, True
    )
    try:
        side.run(need_all=False)
    except _Gone:
        return 1  # the first process has gone: nobody will use what this one writes
    except DamagedTextError:  # a stored text not UTF-8 (json_chunks): the first process says it, told by the status
        return DamagedTextError.EXIT_STATUS
    sys.stdout.buffer.write(orjson.dumps({str(i): rows for i, rows in dropped.items() if rows}))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    # no interpreter teardown (freeing every object, ~10-30 ms the first process waits for): the output is
    # written, stdout flushed, and the read-only connection has nothing to save
    os._exit(_child())
