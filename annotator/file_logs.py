"""A project file's SQLite logs (``-wal``, ``-shm``), beside it and under names it had: the second name a moved
file's log is given before it is written into the file, the logs a close after a move, a killed run and a read-only
reader left, found and removed only when provably the project's own. Which file is which (device and inode) and
which projects this process has open are ``fileid``'s."""

from __future__ import annotations

import os
from pathlib import Path

from annotator import fileid, whereabouts
from annotator.child_process import process_alive
from annotator.shm_holders import SHM_DMS_BYTE


def log_also_at(wal: Path, ours: fileid.Identity | None, path: Path) -> Path | None:
    """Give the log ``wal`` (the one opened, ``ours``) a second name beside ``path``, where its file now is (a hard
    link, ``<path>-wal``), before the log is written into that file: a crash half-way through leaves that file with
    some pages new and some old, and only a log beside it puts that right at its next open (SQLite looks for the log
    by the file's name). Returns the new name, or None when it cannot be given (a log there already, a file system
    without hard links): then nothing may be written into the file."""
    link = Path(f"{path}-wal")
    if ours is None or fileid.identity(wal) != ours:
        return None
    try:
        os.link(wal, link)
    except OSError:
        return None
    return link


def drop_log_name(link: Path, ours: fileid.Identity | None) -> None:
    """Remove the second name ``log_also_at`` gave the log once the log is empty (all of it in the file)."""
    try:
        st = os.lstat(link)
        if (st.st_dev, st.st_ino) == ours and st.st_size == 0:
            link.unlink()
    except OSError:
        pass


LOG_SUFFIXES = ("-wal", "-shm")  # the side files a read-write connection makes (WAL mode) and leaves open


def side_identities(path: str | Path) -> dict[str, fileid.Identity]:
    """(device, inode) of the ``-wal`` and ``-shm`` now beside ``path``: taken once a project is open, they are what
    ``remove_left_logs`` may later prove to be its own."""
    out = {}
    for suffix in LOG_SUFFIXES:
        ident = fileid.identity(f"{path}{suffix}")
        if ident is not None:
            out[suffix] = ident
    return out


def remove_left_logs(path: str | Path, ours: dict[str, fileid.Identity]) -> list[Path]:
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
    ident = fileid.identity(path)
    if ident is None or fileid.is_open(ident):
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
        if took is None and fileid.identity(here) == fileid.identity(wal) and not _used(Path(f"{old}-shm")):
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


def opened_for_writing(project: fileid.OpenFile) -> None:
    """Note where ``project`` (just opened for writing) has its log, for ``take_left_log`` after a kill."""
    whereabouts.note_open(project.identity, project.path)


def closed_for_writing(ident: fileid.Identity | None) -> None:
    """The last connection of this process to the file ``ident`` is closed: its note goes."""
    if ident is not None and not fileid.is_open(ident):
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
    if taken is not None and fileid.identity(taken) == (st.st_dev, st.st_ino):
        other: Path | None = taken  # the old name's log this open took, in whatever folder (``take_left_log``)
    else:
        other = fileid.find_by_identity(path.parent, (st.st_dev, st.st_ino), besides=wal)
    if other is None or not other.name.endswith("-wal"):
        return []
    old = other.with_name(other.name[: -len("-wal")])
    if os.path.lexists(old) or fileid.open_at_name(old):
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


def made_logs(path: str | Path, before: dict[str, fileid.Identity]) -> dict[str, fileid.Identity]:
    """The ``-wal``/``-shm`` beside ``path`` now that were not there ``before`` (``side_identities`` taken before a
    read-only connection opened): what that connection made."""
    return {k: v for k, v in side_identities(path).items() if k not in before}


def remove_made_logs(path: str | Path, made: dict[str, fileid.Identity]) -> list[Path]:
    """After a read-only connection's close, remove the ``-wal``/``-shm`` it made (``made_logs``), when nobody else
    uses them: SQLite makes them with the reader's owner and the file's mode, so a colleague reading someone's project
    (``stats``, an export, ``merge``, the app) left files its owner could not write, and every edit of the owner's
    failed ("attempt to write a readonly database"). Kept: a log with content, files replaced since, files another
    connection holds (SQLite's lock on the -shm), and everything while this process has the project open elsewhere
    (opening the -shm here to ask would drop that connection's locks)."""
    import fcntl

    path = Path(path)
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if (
        not made
        or fileid.open_here(path)
        or fileid.identity(wal) != made.get("-wal")
        or fileid.identity(shm) != made.get("-shm")
    ):
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
