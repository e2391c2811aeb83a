"""Shared export plumbing: write to a temporary file beside the target, then rename into place."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, TypeVar

from annotator.child_process import process_alive
from annotator.errors import AnnotatorError
from annotator.exchange import exchange
from annotator.fileid import refuse_project_folder, refuse_project_target
from annotator.opencheck import why_file_not_written


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux), else set and restored."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _as_user_would(path: str | Path, folder: bool = False) -> None:
    """Give a temporary file (0600) or folder (0700) the mode a plain ``open``/``mkdir`` would: the user's umask."""
    os.chmod(path, (0o777 if folder else 0o666) & ~current_umask())


def refuse_folder_for_file(out: str | Path) -> None:
    """Raise ``AnnotatorError`` when a one-file export's ``out`` is a folder (asked by the app's export dialog too,
    before its "Replace it?": it asked to replace the folder, the project's models one, and then refused)."""
    if Path(out).is_dir():
        raise AnnotatorError(f"{out}: is a folder; give a file name to export to")


@contextmanager
def atomic_output(out: str | Path) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces ``out`` only if the block finishes."""
    target = Path(out)
    refuse_project_target(target)
    refuse_folder_for_file(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise AnnotatorError(f"{folder}: no such folder")
    clean_stale(folder, target.name)
    fd, tmp = _made_beside(
        target, folder, lambda: tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".part", dir=folder)
    )
    try:
        _as_user_would(tmp)  # mkstemp makes it 0600: a brat server or a colleague could not read the export
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _put_in_place(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise AnnotatorError(f"{target}: export failed, nothing was replaced: {why_file_not_written(exc)}") from None
    except BaseException:
        _discard(tmp)
        raise


T = TypeVar("T")

STDOUT = "-"  # the output name that means standard output (``annotator export -o -``)


STREAM_SPOOL = "annotator-export-"  # the private folder's prefix ``written_to_stream`` writes an export into


def spooled_for_stream(out: str | Path) -> bool:
    """Whether ``out`` is the file ``written_to_stream`` copies to standard output (a file beside it goes nowhere)."""
    return Path(out).parent.name.startswith(STREAM_SPOOL) and Path(out).stem == "export"


def written_to_stream(write: Callable[[Path], T], suffix: str, stream: BinaryIO) -> T:
    """Run ``write(path)`` (an export) into a private temporary folder, then copy the whole file to ``stream``
    (standard output): nothing reaches the stream unless the export finished, so a failed or interrupted export
    writes nothing to it; Ctrl+C during the copy is a ``StreamCut`` (the reader's copy is cut short). The folder is
    the system's temporary one (``TMPDIR``), removed after."""
    with tempfile.TemporaryDirectory(prefix=STREAM_SPOOL) as folder:
        path = Path(folder) / f"export{suffix}"
        result = write(path)
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(STREAM_STEP):
                    write_all(stream, chunk)
            stream.flush()
        except KeyboardInterrupt:  # how much went is not known: a write cut by the signal returns its part first
            raise StreamCut(path.stat().st_size) from None
    return result


STREAM_STEP = 1 << 20  # bytes read from the spooled export and written to the stream at a time


class StreamCut(KeyboardInterrupt):
    """Ctrl+C while an export of ``total`` bytes went to standard output: its reader's copy is cut short (before the
    copy began it is a plain KeyboardInterrupt: nothing went)."""

    def __init__(self, total: int) -> None:
        super().__init__(total)
        self.total = total


def write_all(stream: BinaryIO, data: bytes) -> None:
    """Write ``data`` whole to ``stream``. A raw stream (standard output under ``python -u`` or PYTHONUNBUFFERED=1) takes what a pipe has room for and returns the count, which
    ``shutil.copyfileobj`` ignores: the rest was lost and a reader gone away never raised ``BrokenPipeError`` (the
    pipe's EPIPE comes at the next write)."""
    view = memoryview(data)
    while view:
        taken = stream.write(view)
        if taken is None:  # a non-blocking stream with no room: nothing taken; standard output blocks
            raise BlockingIOError(errno.EAGAIN, "standard output took nothing")
        view = view[taken:]


def check_target_folder(out: str | Path) -> None:
    """Raise ``AnnotatorError`` when an export to ``out`` would be refused for its folder (missing, or one this user
    cannot write), in the words the export itself uses: asked by the app's export dialog before it closes, so the
    refusal stands beside the path typed (it came in the status line after the dialog was gone)."""
    target = Path(out)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise AnnotatorError(f"{folder}: no such folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        why = "Read-only file system" if os.statvfs(folder).f_flag & os.ST_RDONLY else os.strerror(errno.EACCES)
        raise AnnotatorError(f"{target}: cannot write in {folder}: {why}; nothing was written")


def _made_beside(target: Path, folder: Path, make: Callable[[], T]) -> T:
    """The temporary file or folder an export is written to, beside ``target``; a folder the user cannot write
    (permissions, a read-only medium) is named with ``target`` and why, not the temporary name."""
    try:
        return make()
    except OSError as exc:
        raise AnnotatorError(
            f"{target}: cannot write in {folder}: {exc.strerror or exc}; nothing was written"
        ) from None


RELEASE_BEHIND = 8 << 20  # an old export at least this big is freed in the background (see _put_in_place)


def _put_in_place(tmp: str, target: Path) -> None:
    """Rename ``tmp`` over ``target``. An old file there as big as ``RELEASE_BEHIND`` (a re-export) is swapped
    out in one step (``exchange``) and unlinked by a thread: freeing its pages and blocks inside the rename took
    6-70 ms for 100 MB, after the export's work was done."""
    try:
        old = os.lstat(target)
    except OSError:
        old = None
    if old is not None and stat.S_ISREG(old.st_mode) and old.st_size >= RELEASE_BEHIND and exchange(tmp, target):
        threading.Thread(target=_discard, args=(tmp,), name="old-export-release", daemon=True).start()
        return
    os.replace(tmp, target)


# bytes written between two background flushes to disk (the closing fsync at 103 MB: 26-45 ms at 32 MB, 6-20 at 8)
SYNC_STEP = 8 << 20


@contextmanager
def synced_behind(fh: BinaryIO, step: int | None = None) -> Iterator[Callable[..., None]]:
    """Flush a file being written to disk in the background as it grows, so the closing fsync (``atomic_output``)
    waits only for its tail: call the yielded ``wrote()`` after each write (``wrote(end)`` when the file is written
    at offsets, not through ``fh``: the end of what is written). A failed background flush is raised (from
    ``wrote()`` or on leaving), never lost: the kernel reports a write-back error once."""
    step = SYNC_STEP if step is None else step
    datasync = getattr(os, "fdatasync", os.fsync)  # macOS has no fdatasync
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-sync")
    pending: Future[None] | None = None
    mark = 0

    def wrote(end: int | None = None) -> None:
        nonlocal pending, mark
        end = fh.tell() if end is None else end
        if end - mark < step or (pending is not None and not pending.done()):
            return
        if pending is not None:
            pending.result()
        fh.flush()
        mark = end
        pending = pool.submit(datasync, fh.fileno())

    try:
        yield wrote
    finally:
        pool.shutdown(wait=True)
    if pending is not None:
        pending.result()


@contextmanager
def atomic_folder(out: str | Path, kind: str = "a brat export") -> Iterator[Path]:
    """A temporary folder that replaces the folder ``out`` only if the block finishes (``kind``: the export, named in
    a refusal)."""
    target = Path(out)
    refuse_project_target(target)
    refuse_project_folder(target, kind)  # the folder is replaced whole: never one holding a project file
    if target.exists() and not target.is_dir():
        raise AnnotatorError(f"{target}: exists and is not a folder")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.exists():
        raise AnnotatorError(f"{parent}: no such folder")
    clean_stale(parent, target.name)
    tmp = Path(
        _made_beside(target, parent, lambda: tempfile.mkdtemp(prefix=_temp_prefix(target), suffix=".part", dir=parent))
    )

    try:
        _as_user_would(tmp, folder=True)  # mkdtemp makes it 0700
        yield tmp
        if target.exists() and exchange(tmp, target):  # one step: the name never goes missing
            shutil.rmtree(tmp, ignore_errors=True)  # the old export, now under the temporary name
        elif target.exists():
            old = Path(tempfile.mkdtemp(prefix=_temp_prefix(target), suffix=".old", dir=parent))
            os.replace(target, old / "x")
            try:
                os.replace(tmp, target)
            except OSError:  # put the old export back before reporting
                os.replace(old / "x", target)
                shutil.rmtree(old, ignore_errors=True)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise AnnotatorError(f"{target}: export failed, nothing was replaced: {why_file_not_written(exc)}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


STALE_AFTER_S = 3600  # a leftover without a process id (older versions) is stale after an hour


def _temp_prefix(target: Path) -> str:
    """Temporary names carry the writing process's id, so a later export can tell a killed one's leftovers."""
    return f".{target.name}.{os.getpid()}."


def clean_stale(folder: Path, name: str) -> list[str]:
    """Remove the ``.part``/``.old`` files and folders a killed export of ``name`` left in ``folder``."""
    pattern = re.compile(rf"^\.{re.escape(name)}\.(?:(\d+)\.)?[A-Za-z0-9_]+\.(?:part|old)$")
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = pattern.match(entry.name)
        if m is None:
            continue
        pid = int(m.group(1)) if m.group(1) else None
        try:
            if pid is not None:
                if process_alive(pid):
                    continue
            elif time.time() - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER_S:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed
