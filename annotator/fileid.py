"""Which file is which: device and inode, never the name.

A project file is known by the file it was opened as (device, inode). Exports refuse an output that is an
open project, its ``-wal``/``-shm``, or any annotator project; an open project notices when the file at its
path is no longer the one it holds (renamed, moved, replaced, hard-linked).
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import Iterator, Protocol

from annotator.child_process import process_alive
from annotator.errors import ExportTargetError
from annotator.shm_holders import SHM_DMS_BYTE
from annotator import whereabouts
from annotator.wording import first_named

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x414E4E4F  # "ANNO" (as migrations.APPLICATION_ID), at byte 68 of the file header
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
KEPT_SUFFIX = "-kept"  # a project's journal of kept edits (``kept_journal``): <project>-kept, -kept-2 ... -kept-8
KEPT_MAX = 8
KEPT_HEAD = b'{"kept_journal":'  # how such a journal's first line starts

Identity = tuple[int, int]


class _OpenFile(Protocol):
    path: Path
    identity: Identity | None


_OPEN: "weakref.WeakSet[_OpenFile]" = weakref.WeakSet()


def identity(path: str | Path) -> Identity | None:
    """(device, inode) of the file at ``path`` (following symlinks), or None if there is none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def process_has_open(pid: int, path: str | Path) -> bool | None:
    """Whether process ``pid`` has the file at ``path`` open (a descriptor of it on the file's device and inode, read
    from ``/proc/PID/fd``); None where that cannot be told (no such file, no ``/proc``, another user's process)."""
    wanted = identity(path)
    if wanted is None:
        return None
    try:
        names = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return None
    return any(identity(f"/proc/{pid}/fd/{name}") == wanted for name in names)


def sqlite_uri(path: str | Path, **params: str | int) -> str:
    """An SQLite ``file:`` URI for ``path`` with every special character (``#``, ``?``, ``%``) encoded."""
    uri = Path(os.path.abspath(path)).as_uri()  # percent-encodes the bytes of the name
    if params:
        uri += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return uri


def register_open(project: _OpenFile) -> None:
    """Remember an open project so that no export in this process can replace it."""
    _OPEN.add(project)


def forget_open(project: _OpenFile) -> None:
    _OPEN.discard(project)


def _protected() -> Iterator[tuple[Identity, Path]]:
    for p in list(_OPEN):
        if p.identity is not None:
            yield p.identity, p.path
        for suffix in SIDE_SUFFIXES:
            side = identity(f"{p.path}{suffix}")
            if side is not None:
                yield side, Path(f"{p.path}{suffix}")


def open_here(path: str | Path) -> bool:
    """True when the file at ``path`` is a project this process has open. Never read such a file with a plain
    ``open()``: POSIX drops every lock the process holds on a file when any descriptor of it is closed, SQLite's
    connection included; another program closing the file then takes itself for its last user and deletes the
    ``-wal`` and ``-shm`` under the open project ("disk I/O error")."""
    ident = identity(path)
    return ident is not None and any(p.identity == ident for p in list(_OPEN))


def is_annotator_project(path: str | Path) -> bool:
    """True for an SQLite file marked as an annotator project (its header's application id)."""
    if open_here(path):
        return True  # not read: see open_here
    try:
        with open(path, "rb") as fh:
            head = fh.read(72)
    except OSError:
        return False
    return len(head) == 72 and head[:16] == SQLITE_MAGIC and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def refuse_project_target(target: str | Path) -> None:
    """Raise ExportTargetError if writing ``target`` would replace a project file or one of its side files."""
    target = Path(target)
    ident = identity(target)
    if ident is not None:
        for protected, path in _protected():
            if protected == ident:
                raise ExportTargetError(
                    f"{target}: is the open project file {path} (or one of its side files); "
                    "choose another name to export to; nothing was written"
                )
        if not target.is_dir() and is_annotator_project(target):
            raise ExportTargetError(
                f"{target}: is an annotator project file; an export never replaces a project; "
                "choose another name; nothing was written"
            )
    name = target.name
    base = kept_journal_of(name)
    if base is not None and (is_annotator_project(target.with_name(base)) or _starts_with(target, KEPT_HEAD)):
        raise ExportTargetError(
            f"{target}: is the journal of kept edits of the project {target.with_name(base)} (edits waiting to be "
            "saved); choose another name; nothing was written"
        )
    for suffix in SIDE_SUFFIXES:
        if name.endswith(suffix) and is_annotator_project(target.with_name(name[: -len(suffix)])):
            raise ExportTargetError(
                f"{target}: is a side file of the project {target.with_name(name[: -len(suffix)])}; "
                "choose another name; nothing was written"
            )


def kept_journal_of(name: str) -> str | None:
    """The name of the project whose journal of kept edits a file named ``name`` would be (``p.annotator-kept``,
    ``p.annotator-kept-2`` ... ``-kept-8``: ``p.annotator``), or None."""
    if name.endswith(KEPT_SUFFIX):
        return name[: -len(KEPT_SUFFIX)] or None
    head, _, n = name.rpartition("-")
    if head.endswith(KEPT_SUFFIX) and len(head) > len(KEPT_SUFFIX) and n.isdigit() and 2 <= int(n) <= KEPT_MAX:
        return head[: -len(KEPT_SUFFIX)]
    return None


def _starts_with(path: Path, head: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(head)) == head
    except OSError:
        return False


FOLDER_EXPORT_FILES = (".txt", ".ann", ".conf", ".tsv")  # what a brat export holds: never a project, not opened to look


BRAT_CONFS = ("annotation.conf", "visual.conf")  # the .conf files a brat export writes (not tools.conf, ...)
BRAT_CACHES = (".stats_cache", ".DS_Store")  # made again by brat's server and the Finder: a former export holds them


WEBANNO_HEAD = b"#FORMAT=WebAnno TSV 3"  # the start of a .tsv file a WebAnno TSV export writes


def _is_webanno(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(WEBANNO_HEAD)) == WEBANNO_HEAD
    except OSError:
        return False


def foreign_files(folder: Path) -> list[str]:
    """The files of ``folder`` (searched through subfolders) that a folder export (brat, WebAnno TSV) does not write,
    as paths relative to it: anything but NAME.txt with its NAME.ann beside it (and the .ann of such a .txt),
    ``BRAT_CONFS``, ``BRAT_CACHES`` and WebAnno TSV files."""
    out = []
    for root, _, files in os.walk(folder):
        names = set(files)
        for name in files:
            stem, dot, suffix = name.rpartition(".")
            paired = dot and (
                (suffix == "txt" and f"{stem}.ann" in names) or (suffix == "ann" and f"{stem}.txt" in names)
            )
            webanno = suffix == "tsv" and _is_webanno(os.path.join(root, name))
            if not (paired or webanno or name in BRAT_CONFS or name in BRAT_CACHES):
                out.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(out)


def refuse_project_folder(target: str | Path, kind: str = "a brat export") -> None:
    """Raise ExportTargetError if replacing the folder ``target`` (a folder export, ``kind``: brat, WebAnno TSV) would
    take a project file with it (the folder of an open project or one above it, or a folder holding any annotator
    project file), or any file such an export does not write (``foreign_files``: a folder of the user's own files,
    not a former export)."""
    target = Path(target)
    if not target.is_dir():
        return
    folder = target.resolve()

    def refuse(path: Path) -> None:
        raise ExportTargetError(
            f"{target}: holds the project file {path}; {kind} replaces its whole folder; "
            "choose another folder; nothing was written"
        )

    for p in list(_OPEN):
        try:
            if folder in Path(p.path).resolve().parents:
                refuse(Path(p.path))
        except OSError:
            continue
    for root, _, files in os.walk(folder):
        for name in files:
            if not name.lower().endswith(FOLDER_EXPORT_FILES) and is_annotator_project(os.path.join(root, name)):
                refuse(Path(root) / name)
    foreign = foreign_files(folder)
    if foreign:
        named = first_named(foreign, 3)
        raise ExportTargetError(
            f"{target}: holds files {kind} does not write ({named}); {kind} replaces its whole "
            f"folder: choose a new or empty folder, or a former {kind.split(' ', 1)[1]}; nothing was written"
        )


def find_by_identity(folder: Path, wanted: Identity, limit: int = 5000, besides: Path | None = None) -> Path | None:
    """A name in ``folder`` for the file ``wanted`` (where a renamed project went, or its other hard link; not
    ``besides``), if one is found quickly."""
    try:
        with os.scandir(folder) as it:
            for n, entry in enumerate(it):
                if n >= limit:
                    return None
                if besides is not None and entry.name == besides.name:
                    continue
                try:
                    st = entry.stat()
                except OSError:
                    continue
                if (st.st_dev, st.st_ino) == wanted:
                    return Path(entry.path)
    except OSError:
        return None
    return None


def where_now(wanted: Identity) -> Path | None:
    """The name the file ``wanted``, open in this process, has now, in whatever folder of its file system it was moved
    to (read from the process's own descriptor of it, ``/proc/self/fd``); None when it has none (deleted) or it
    cannot be told (another system)."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return None
    for name in names:
        try:
            st = os.fstat(int(name))
            if (st.st_dev, st.st_ino) != wanted:
                continue
            target = os.readlink(f"/proc/self/fd/{name}")
        except (OSError, ValueError):
            continue
        if target.endswith(" (deleted)") or identity(target) != wanted:
            return None
        return Path(target)
    return None


def deleted_while_open(wanted: Identity) -> bool:
    """True when the file ``wanted``, open in this process, has no name left in any folder (deleted: its link count,
    read from the process's own descriptor of it, is 0): what is open is the only copy. False when it has a name or it
    cannot be told (no ``/proc/self/fd``: another system)."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return False
    for name in names:
        try:
            st = os.fstat(int(name))
        except (OSError, ValueError):
            continue
        if (st.st_dev, st.st_ino) == wanted:
            return st.st_nlink == 0
    return False


def remove_made_empty(path: Path) -> None:
    """Remove the empty file (and its empty side files) a failed creation of a project left at ``path``."""
    for side in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            if side.is_file() and side.stat().st_size == 0:
                side.unlink()
        except OSError:
            continue


def log_also_at(wal: Path, ours: Identity | None, path: Path) -> Path | None:
    """Give the log ``wal`` (the one opened, ``ours``) a second name beside ``path``, where its file now is (a hard
    link, ``<path>-wal``), before the log is written into that file: a crash half-way through leaves that file with
    some pages new and some old, and only a log beside it puts that right at its next open (SQLite looks for the log
    by the file's name). Returns the new name, or None when it cannot be given (a log there already, a file system
    without hard links): then nothing may be written into the file."""
    link = Path(f"{path}-wal")
    if ours is None or identity(wal) != ours:
        return None
    try:
        os.link(wal, link)
    except OSError:
        return None
    return link


def drop_log_name(link: Path, ours: Identity | None) -> None:
    """Remove the second name ``log_also_at`` gave the log once the log is empty (all of it in the file)."""
    try:
        st = os.lstat(link)
        if (st.st_dev, st.st_ino) == ours and st.st_size == 0:
            link.unlink()
    except OSError:
        pass


LOG_SUFFIXES = ("-wal", "-shm")  # the side files a read-write connection makes (WAL mode) and leaves open


def side_identities(path: str | Path) -> dict[str, Identity]:
    """(device, inode) of the ``-wal`` and ``-shm`` now beside ``path``: taken once a project is open, they are what
    ``remove_left_logs`` may later prove to be its own."""
    out = {}
    for suffix in LOG_SUFFIXES:
        ident = identity(f"{path}{suffix}")
        if ident is not None:
            out[suffix] = ident
    return out


def remove_left_logs(path: str | Path, ours: dict[str, Identity]) -> list[Path]:
    """After the close of a project whose file was renamed, moved or deleted while open: remove the ``-wal`` and
    ``-shm`` SQLite left under the old name (it deletes the log only of a file still where it was), and only what is
    provably ours: no file at ``path`` any more, each side file the very one we had open (``ours``: device and
    inode), the log empty (everything in it was written into the file). A side file beside a file belongs to
    whoever wrote it: anything else stays. Returns what was removed."""
    path = Path(path)
    if os.path.lexists(path):
        return []  # a file at the old name (a replacement, a saved copy): its side files may be its own
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        st = os.lstat(wal)
        if (st.st_dev, st.st_ino) != ours.get("-wal") or st.st_size != 0:
            return []  # another's log, or saved work that did not reach the file: kept
    except FileNotFoundError:
        pass
    except OSError:
        return []
    removed = []
    for side in (wal, shm):
        try:
            st = os.lstat(side)
            if (st.st_dev, st.st_ino) == ours.get(side.name[len(path.name) :]):
                side.unlink()
                removed.append(side)
        except OSError:
            continue
    return removed


WAL_MAGIC = (0x377F0682, 0x377F0683)  # a write-ahead log's first four bytes (its checksums' byte order)


def _log_fits(wal: Path, path: Path) -> bool:
    """Whether ``wal`` is a write-ahead log with frames of the page size of the project file at ``path``."""
    try:
        with open(wal, "rb") as fh:
            head = fh.read(32)
        with open(path, "rb") as fh:
            fh.seek(16)
            size = int.from_bytes(fh.read(2), "big")
    except OSError:
        return False
    if len(head) < 32 or int.from_bytes(head[:4], "big") not in WAL_MAGIC:
        return False
    return int.from_bytes(head[8:12], "big") == (65536 if size == 1 else size)


def _used(shm: Path) -> bool:
    """Whether a connection uses the ``-shm`` at ``shm`` (it holds SQLite's lock on it); never asked of a file this
    process has open (closing the descriptor would drop that connection's locks)."""
    import fcntl

    try:
        fd = os.open(shm, os.O_RDWR | os.O_NOFOLLOW)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def take_left_log(path: str | Path, look_only: bool = False) -> Path | None:
    """At a read-write open of ``path``, before SQLite opens it: the log a process killed with this file open under
    another name left there (the file renamed or moved, and the process killed before it met the move: its poll
    comes every 1.5 s) holds the edits it saved since its last write of the log into the file. It is given
    ``path``'s log name (a hard link, as ``log_also_at`` gives it when the process lives to), so SQLite finishes it
    from here, and the old names go once the open has it (``remove_old_log_names``). Only when provably that log: the
    per-user index (``whereabouts``) says this very file was opened for writing at that name, no file is there now,
    nobody uses the old ``-shm`` (SQLite's lock), no log is beside ``path`` yet, the log's page size is the file's and
    the file was not written after the log's last frame (its pages would be put back as they were).
    The old ``-wal`` taken (also one an earlier open linked and was killed before it removed the old names), or None;
    ``look_only``: the one it would take, nothing linked (``kept_reading``, before a read-only read). Entries of
    processes gone whose logs are nothing to take (any more) are removed."""
    path = Path(path)
    ident = identity(path)
    if ident is None or any(p.identity == ident for p in list(_OPEN)):
        return None  # this process has the file open: its own connection meets the move
    here, took = Path(f"{path}-wal"), None
    for pid, old in whereabouts.opened_at(ident):
        if pid == os.getpid():
            continue
        wal = Path(f"{old}-wal")
        if os.path.abspath(old) == os.path.abspath(path) or os.path.lexists(old) or not wal.exists():
            if not process_alive(pid):  # killed where the file still is (its log is SQLite's), or nothing left there
                whereabouts.forget_open_of(ident, pid)
            continue
        if took is None and identity(here) == identity(wal) and not _used(Path(f"{old}-shm")):
            took = wal  # linked by an open killed before it removed the old names: they go now
            continue
        if took is not None or os.path.lexists(here) or not _log_fits(wal, path) or _used(Path(f"{old}-shm")):
            continue  # left for a later open (a live process meets the move itself)
        if os.stat(path).st_mtime_ns > os.stat(wal).st_mtime_ns:
            continue  # the file was written after the log's last frame (another program): the log is no longer its
        if look_only:
            return wal
        try:
            os.link(wal, here)
        except OSError:
            continue
        took = wal  # its entry goes at a later open, once the old names are gone (a kill before: taken again)
    return took


def opened_for_writing(project: _OpenFile) -> None:
    """Note where ``project`` (just opened for writing) has its log, for ``take_left_log`` after a kill."""
    whereabouts.note_open(project.identity, project.path)


def closed_for_writing(ident: Identity | None) -> None:
    """The last connection of this process to the file ``ident`` is closed: its note goes."""
    if ident is not None and not any(p.identity == ident for p in list(_OPEN)):
        whereabouts.forget_open(ident)


def remove_old_log_names(path: str | Path, taken: Path | None = None) -> list[Path]:
    """At the open of ``path``: the ``-wal``/``-shm`` a process killed while closing it under its old name left there.
    Such a close gave the log the file's new name first (``log_also_at``: a hard link), so this open finished the
    log from ``path``'s own ``-wal``; the old name's link to it and the old ``-shm`` stayed for ever (a log still
    full, beside no file). Removed only when provably that: the old ``-wal`` the very file ``path``'s ``-wal`` is, no
    file at the old name, the old ``-shm`` used by nobody (SQLite's lock on it) and not by this process; ``taken``: the
    old ``-wal`` this open took from another folder (``take_left_log``). Returns what was removed."""
    import fcntl

    path = Path(path)
    wal = Path(f"{path}-wal")
    try:
        st = os.lstat(wal)
    except OSError:
        return []
    if st.st_nlink < 2:
        return []
    if taken is not None and identity(taken) == (st.st_dev, st.st_ino):
        other: Path | None = taken  # the old name's log this open took, in whatever folder (``take_left_log``)
    else:
        other = find_by_identity(path.parent, (st.st_dev, st.st_ino), besides=wal)
    if other is None or not other.name.endswith("-wal"):
        return []
    old = other.with_name(other.name[: -len("-wal")])
    if os.path.lexists(old) or any(Path(p.path) == old for p in list(_OPEN)):
        return []  # a file at the old name (its log is its own), or this process has it open under that name
    shm = Path(f"{old}-shm")
    fd = None
    try:
        if os.path.lexists(shm):
            fd = os.open(shm, os.O_RDWR | os.O_NOFOLLOW)
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
    except OSError:
        if fd is not None:
            os.close(fd)
        return []  # another process uses it (its close under way)
    removed = []
    try:
        # the -shm first: a kill between the two leaves the -wal's link, by which the next open knows them again (the
        # other way round, the -shm left was known by nothing and stayed for ever)
        for side in (shm, other):
            try:
                side.unlink()
                removed.append(side)
            except OSError:
                pass
    finally:
        if fd is not None:
            os.close(fd)
    return removed


def made_logs(path: str | Path, before: dict[str, Identity]) -> dict[str, Identity]:
    """The ``-wal``/``-shm`` beside ``path`` now that were not there ``before`` (``side_identities`` taken before a
    read-only connection opened): what that connection made."""
    return {k: v for k, v in side_identities(path).items() if k not in before}


def remove_made_logs(path: str | Path, made: dict[str, Identity]) -> list[Path]:
    """After a read-only connection's close, remove the ``-wal``/``-shm`` it made (``made_logs``), when nobody else
    uses them: SQLite makes them with the reader's owner and the file's mode, so a colleague reading someone's project
    (``stats``, an export, ``merge``, the app) left files its owner could not write, and every edit of the owner's
    failed ("attempt to write a readonly database"). Kept: a log with content, files replaced since, files another
    connection holds (SQLite's lock on the -shm), and everything while this process has the project open elsewhere
    (opening the -shm here to ask would drop that connection's locks)."""
    import fcntl

    path = Path(path)
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if not made or open_here(path) or identity(wal) != made.get("-wal") or identity(shm) != made.get("-shm"):
        return []
    try:
        if wal.stat().st_size != 0:
            return []
        fd = os.open(shm, os.O_RDWR | os.O_NOFOLLOW)
    except OSError:
        return []
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
        except OSError:
            return []  # another connection uses them
        removed = []
        for side in (wal, shm):
            try:
                side.unlink()
                removed.append(side)
            except OSError:
                pass
        return removed
    finally:
        os.close(fd)
