"""Helpers shared by the reliability tests: the crash-worker client and checks of a project file."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import orjson
import pytest
from annotator.fileid import sqlite_uri

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WORKER = HERE / "crash_worker.py"
EDIT_TABLES = ("documents", "entities", "events", "arguments", "comments")

# Other users, for what file modes do (root ignores them): run a command as nobody, or as an owner uid 1000
SETPRIV = shutil.which("setpriv")
AS_NOBODY = [SETPRIV, "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if SETPRIV else []
AS_OWNER = [SETPRIV, "--reuid=1000", "--regid=1000", "--clear-groups"] if SETPRIV else []
needs_nobody = pytest.mark.skipif(not SETPRIV or os.geteuid() != 0, reason="needs root and setpriv to act as nobody")


def fill(folder: Path) -> None:
    """Write zeros into ``folder/filler`` until its disk is full."""
    try:
        with open(folder / "filler", "wb") as fh:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
    except OSError:
        pass


def shared_folder(prefix: str, mode: int = 0o777) -> Iterator[Path]:
    """A folder other users can reach (pytest's own tmp folders are private to root), ``mode`` on it; removed after."""
    import tempfile

    top = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(top, 0o755)
    folder = top / "shared"
    folder.mkdir()
    os.chmod(folder, mode)
    try:
        yield folder
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(top, ignore_errors=True)


def mounted_small_fs(folder: Path) -> Iterator[Path]:
    """A 2 MB tmpfs mounted on ``folder`` (a disk that fills), unmounted after; the test skipped where none can be."""
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)]
    if os.geteuid() != 0 or subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


class ForkServer:
    """The crash worker's fork server: ``start(cmd)`` forks a child, ``kill_after`` SIGKILLs it."""

    def __init__(self, stderr_path: Path, spacy: bool = False) -> None:
        self.stderr_path = stderr_path
        self._err = stderr_path.open("wb")
        args = [sys.executable, str(WORKER), "serve"] + (["--spacy"] if spacy else [])
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._err, cwd=ROOT)
        first = self._read()
        assert first.get("ready"), first

    def _read(self) -> dict[str, Any]:
        line = self.proc.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise RuntimeError(f"crash worker ended: {self.stderr_path.read_text()[-2000:]}")
        return orjson.loads(line)

    def start(self, cmd: dict[str, Any]) -> int:
        self.proc.stdin.write(orjson.dumps(cmd) + b"\n")  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]
        return int(self._read()["pid"])

    def kill_after(self, pid: int, delay: float) -> dict[str, Any]:
        """SIGKILL the child after ``delay`` seconds (unless it ended); returns how it ended."""
        time.sleep(delay)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return self._read()

    def kill_after_lines(self, pid: int, log: Path, lines: int, delay: float) -> dict[str, Any]:
        """SIGKILL the child ``delay`` seconds after its side log has ``lines`` lines (the work it did is counted, not
        timed: under load a time allowed fewer edits, and kinds of edit the test needs never ran); how it ended."""
        end = time.monotonic() + 300
        while time.monotonic() < end:
            if log.exists() and log.read_bytes().count(b"\n") >= lines:
                break
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.005)
        return self.kill_after(pid, delay)

    def wait(self, pid: int) -> dict[str, Any]:
        return self._read()

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._err.close()


def read_side_log(path: Path) -> list[dict[str, Any]]:
    """Complete lines of a side log (a line cut by the kill is not a claim and is ignored)."""
    if not path.exists():
        return []
    data = path.read_bytes()
    lines = data.split(b"\n")
    return [orjson.loads(x) for x in lines[:-1] if x.strip()]


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def kept_worker_edits(path: Path) -> tuple[list[str], list[tuple[int, int]]]:
    """What a project file holds of the edits ``kept_worker`` makes: the comments by 'ann' and the (start, end) of
    the ORG spans, in the order they were written, the file checked sound first."""
    conn = connect(path)
    try:
        assert_sound(conn)
        texts = [r[0] for r in conn.execute("SELECT text FROM comments WHERE author = 'ann' ORDER BY id")]
        spans = [
            (r[0], r[1]) for r in conn.execute("SELECT start, [end] FROM entities WHERE label = 'ORG' ORDER BY id")
        ]
        return texts, spans
    finally:
        conn.close()


def assert_sound(conn: sqlite3.Connection) -> None:
    """SQLite's own checks: the page structure and every foreign key."""
    result = conn.execute("PRAGMA integrity_check").fetchall()
    assert result == [("ok",)], result
    bad = conn.execute("PRAGMA foreign_key_check").fetchall()
    assert bad == [], bad
    orphans = conn.execute(
        "SELECT count(*) FROM arguments a LEFT JOIN events v ON v.id = a.event_id "
        "LEFT JOIN entities e ON e.id = a.entity_id WHERE v.id IS NULL OR e.id IS NULL"
    ).fetchone()[0]
    assert orphans == 0, f"{orphans} arguments without their event or entity"


def row(conn: sqlite3.Connection, table: str, id: int) -> dict[str, Any] | None:
    """The row a change names: by its rowid (the ``id`` of the tables with one; the project's values have none, and
    an edit's change names such a row by its rowid: ``ProjectDb.set_project_value``)."""
    cur = conn.execute(f"SELECT * FROM [{table}] WHERE rowid = ?", (id,))
    r = cur.fetchone()
    return None if r is None else dict(zip([c[0] for c in cur.description], r))


def assert_edits_durable(conn: sqlite3.Connection, claims: list[dict[str, Any]]) -> None:
    """Every edit the worker saw return is in the change log exactly as it returned it."""
    for c in claims:
        if c.get("log_id") is None:
            continue
        r = conn.execute("SELECT action, rows FROM change_log WHERE id = ?", (c["log_id"],)).fetchone()
        assert r is not None, f"edit {c} returned but its change-log row {c['log_id']} is missing"
        if c["action"] in ("undo", "redo"):
            assert r[0].startswith(c["action"] + ":"), f"change-log row {c['log_id']} is {r[0]!r}, not {c['action']}"
        assert hashlib.sha1(r[1].encode()).hexdigest() == c["digest"], f"change-log row {c['log_id']} differs from {c}"


def assert_no_half_edit(conn: sqlite3.Connection) -> int:
    """Replaying the change log's "after" rows gives exactly the rows in the tables: no edit is half there.

    Returns the number of rows compared.
    """
    last: dict[tuple[str, int], Any] = {}
    for action, rows in conn.execute("SELECT action, rows FROM change_log ORDER BY id"):
        if action in ("import_document", "import_annotations"):  # a summary, not rows
            continue
        for r in orjson.loads(rows):
            last[(r["table"], r["id"])] = r["after"]
    for (table, id), after in last.items():
        now = row(conn, table, id)
        if now is not None and after is not None:  # the log may leave out columns an edit never changes (text)
            now = {k: v for k, v in now.items() if k in after}
        assert now == after, f"{table} {id}: file has {now}, the change log's last edit wrote {after}"
    return len(last)


def table_counts(path: Path) -> dict[str, int]:
    conn = connect(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in (*EDIT_TABLES, "change_log", "tokens")
        }
    finally:
        conn.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(path: Path) -> list[str]:
    """The file's content as SQL (read through a read-only connection)."""
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
