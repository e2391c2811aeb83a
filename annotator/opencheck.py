"""Checks made before a project file is opened for writing, on connections that cannot change it.

A read-write open of a file with a ``-wal`` beside it applies that log, and the last connection to close
writes it into the file and deletes it. A log from another copy of the project (a backup restored next to a
crash's leftovers) would so replace data, and damage found only after the read-write open would already
have been written into the file. So when a log is there, the file and its log are checked first on a
read-only connection (which never checkpoints), and the file alone on an ``immutable`` one.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

from annotator.errors import DamagedProjectError
from annotator.fileid import sqlite_uri
from annotator.read_only import Kind, ReadOnlyReason

QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024  # files up to this size get a full PRAGMA quick_check at open


def quick_problems(conn: sqlite3.Connection, path: Path) -> list[str]:
    """``["ok"]`` or what PRAGMA quick_check found (files over the limit: the schema is read instead)."""
    try:
        if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            return [" ".join(str(r[0]).split()) for r in conn.execute("PRAGMA quick_check(3)").fetchall()]
        conn.execute("SELECT count(*) FROM sqlite_master WHERE sql IS NOT NULL").fetchone()
        return ["ok"]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _problems_read_only(path: Path, **params: str | int) -> list[str] | None:
    """quick_check on a connection that cannot write; None if such a connection cannot be made here."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, **params), uri=True)
    except sqlite3.Error:
        return None
    try:
        return quick_problems(conn, path)
    except sqlite3.OperationalError:  # e.g. no -shm and a folder it cannot be made in
        return None
    finally:
        conn.close()


def has_log(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def check_log_before_writing(path: Path) -> bool:
    """If a ``-wal`` with content is beside ``path``, check file and log read-only; True if it was checked.

    Raises ProjectFileError (and changes nothing) when the file with its log is damaged, saying whether the
    file alone is intact (then the log is probably another copy's).
    """
    if not has_log(path):
        return False
    problems = _problems_read_only(path, mode="ro")
    if problems is None:
        return False
    if problems == ["ok"]:
        return True
    wal = f"{path.name}-wal"
    alone = _problems_read_only(path, mode="ro", immutable=1)
    if alone == ["ok"]:
        advice = (
            f"the file alone is intact: the log probably belongs to another copy of the project (e.g. after "
            f"restoring a backup); move {wal} and {path.name}-shm out of the folder and open the project again"
        )
    else:
        advice = "restore the project from a backup copy"
    raise DamagedProjectError(
        path,
        "; ".join(problems),
        changed="neither was changed",
        advice=advice,
        what=f"the project file together with its write-ahead log {wal}",
    )


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def why_not_writable(path: Path) -> ReadOnlyReason | None:
    """Why an existing project file can only be read here (None if it can be edited)."""
    st = path.stat()
    if _read_only_fs(path):
        return ReadOnlyReason(Kind.READ_ONLY_FILE_SYSTEM, "it is on a read-only file system")
    # no write permission bit counts as read-only even for root, who os.access says may write anyway
    if not os.access(path, os.W_OK) or not st.st_mode & 0o222:
        return ReadOnlyReason(Kind.FILE_NOT_WRITABLE, "the file is not writable (no write permission)")
    if st.st_nlink > 1:
        return ReadOnlyReason(
            Kind.HARD_LINKS,
            "the file has more than one name (hard links); two names for one open project can corrupt it",
        )
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):  # named whole: a path typed as "p.annotator" has the folder "."
        whole = str(path.absolute().parent)
        return ReadOnlyReason(
            Kind.FOLDER_NOT_WRITABLE,
            f"the folder {whole} is not writable (an open project needs its -wal and -shm files beside it)",
            whole,
        )
    for suffix in ("-wal", "-shm"):  # made by someone who opened it to read: every write here would fail
        side = Path(f"{path}{suffix}")
        if side.exists() and not os.access(side, os.W_OK):
            owner = owner_name(side)
            return ReadOnlyReason(
                Kind.SIDE_FILE_OF_ANOTHER_USER,
                f"its {side.name} belongs to another user ({owner}), who has it open to read; it can be edited "
                f"again once they close it (when nobody has it open, {side.name} may be removed)",
                owner,
            )
    return None


def _log_closed(path: Path) -> bool:
    """A log with content beside ``path`` whose ``-wal`` or ``-shm`` this user cannot read."""
    return has_log(path) and any(
        os.path.exists(f"{path}{side}") and not os.access(f"{path}{side}", os.R_OK) for side in ("-wal", "-shm")
    )


def unread_log(path: Path, exc: BaseException) -> str:
    """What a read-only open that could read the file alone, not its log (``read_only_uris``' last resort), misses:
    the log beside it holds changes saved by another user's program (their app killed, or open now) that this user
    cannot read (its ``-wal`` or ``-shm`` theirs, not readable: a private umask), so the project as read here lacks
    them. One sentence, said by every open that reads it so (a note) and the reason an export or a merge of it is
    refused (it would hand on the project without them, without a word)."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    closed = [side for side in (wal, shm) if side.exists() and not os.access(side, os.R_OK)]
    whose = owner_name(closed[0] if closed else wal)
    why = f"{' and '.join(side.name for side in closed)} cannot be read by this user" if closed else str(exc)
    return (
        f"read without the changes saved in its log ({wal.name}, {whose}'s): {why}; they are in the file once {whose} "
        "opens it again"
    )


def owner_name(path: Path) -> str:
    """The login name of the user who owns the file at ``path`` ("uid N" where the system has no name for them, as
    the note naming another user's open says; "another user" where the file cannot be looked at)."""
    from annotator.users import user_name

    try:
        return user_name(path.stat().st_uid)
    except OSError:
        return "another user"


def why_folder_refuses(folder: Path) -> str | None:
    """Why no file can be made in ``folder`` (missing, on a read-only file system, not writable by this user), or
    None: SQLite says only 'unable to open database file'."""
    if not folder.is_dir():
        return f"no folder {folder}"
    if _read_only_fs(folder):
        return f"the folder {folder} is on a read-only file system"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is not writable (Permission denied)"
    return None


def why_cannot_create(path: Path, exc: BaseException) -> str:
    """The reason to show when a new project file could not be made at ``path`` (SQLite says only 'unable to
    open database file')."""
    folder = path.parent
    why = (why_folder_refuses(folder) if folder.is_dir() else None) or why_write_open_failed(path, exc).text
    return f"{why}; nothing was created"


def is_disk_full(exc: BaseException) -> bool:
    """``exc`` says the disk is full: SQLite's result code SQLITE_FULL (of any extended code), or the system's
    ENOSPC; told by the codes, never by the words of the message."""
    code = getattr(exc, "sqlite_errorcode", None)
    return (isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_FULL) or getattr(exc, "errno", None) == errno.ENOSPC


def file_size_limit_met(path: Path) -> int | None:
    """The process's file size limit (``ulimit -f``, RLIMIT_FSIZE) when the project file or its log has reached it:
    SQLite's write past it fails with EFBIG, which it reports as 'disk I/O error' (a short write stops at the limit,
    so the file is then within a page of it); None otherwise."""
    try:
        import resource
    except ImportError:  # not POSIX
        return None
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit == resource.RLIM_INFINITY or limit < 0:
        return None
    for side in ("", "-wal", "-journal"):
        try:
            if os.stat(f"{path}{side}").st_size >= limit - 65536:
                return limit
        except OSError:
            continue
    return None


def why_not_saved(path: Path, exc: BaseException) -> str:
    """SQLite's reason a write failed, with its cause where SQLite's words hide it: the file size limit (``ulimit
    -f``) reached is 'disk I/O error' to SQLite; a full disk, 'database or disk is full', is named (the folder whose
    disk it is) with what frees it (the project itself is not full)."""
    if is_disk_full(exc):
        folder = path.absolute().parent
        return f"{exc}: the disk holding {folder} is full; free some space on it, then make the change again"
    limit = file_size_limit_met(path)
    if limit is None:
        return str(exc)
    return (
        f"{exc}: the file reached the largest size this program may write, {limit:,} bytes (its file size limit, "
        "'ulimit -f'): raise or remove the limit"
    )


def why_file_not_written(exc: OSError) -> str:
    """The system's reason a file (an export, a trained model) could not be written, with its cause where the words
    hide it: EFBIG is 'File too large', which is this program's file size limit (``ulimit -f``) met, not the disk."""
    said = exc.strerror or str(exc)
    if exc.errno != errno.EFBIG:
        return said
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    except (ImportError, OSError):
        return said
    if limit == resource.RLIM_INFINITY or limit < 0:
        return said
    return (
        f"{said}: a file reached the largest size this program may write, {limit:,} bytes (its file size limit, "
        "'ulimit -f'): raise or remove the limit"
    )


def why_write_open_failed(path: Path, exc: BaseException) -> ReadOnlyReason:
    """The reason to show when a read-write open failed where a read-only one may work. A full disk is told by the
    error's code, or by the folder's free space (an existing file's open fails with SQLITE_IOERR_SHMSIZE, 'disk I/O
    error', when the disk has no room for its -shm)."""
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str):  # the open says why itself (migrations.CannotCopyHere)
        return ReadOnlyReason(Kind.BACKUP_PATH_TOO_LONG, reason)
    try:
        full = is_disk_full(exc) or os.statvfs(path.parent).f_bavail == 0
    except OSError:
        full = False
    if full:
        return ReadOnlyReason(Kind.DISK_FULL, "the disk is full")
    if _read_only_fs(path):
        return ReadOnlyReason(Kind.READ_ONLY_FILE_SYSTEM, "it is on a read-only file system")
    return ReadOnlyReason(Kind.OTHER, f"it cannot be written here ({exc})")


def read_only_uris(path: Path, write_open_failed: bool = False) -> list[str]:
    """URIs to try for a read-only open, best first; none of them leaves new -wal/-shm files behind when
    nobody can be writing the file (no write bit, read-only file system, folder not writable).

    A read-only SQLite connection makes the ``-wal``/``-shm`` it needs with the file's permissions: on a
    0444 file those stayed 0444 and blocked every write once the owner made the file writable again. Where
    no log is there to read and nobody can be writing, ``immutable`` reads the file alone and makes nothing.
    """
    ro = sqlite_uri(path, mode="ro")
    immutable = sqlite_uri(path, mode="ro", immutable=1)
    try:
        st = path.stat()
    except OSError:
        return [ro]
    nobody_writes = not st.st_mode & 0o222 or _read_only_fs(path) or not os.access(path.parent, os.W_OK | os.X_OK)
    if not nobody_writes:
        # a read-write open failed (full disk): read the file alone if even a read-only one cannot start; so too
        # where the log is there and this user cannot read it (another user's): said (``unread_log``), never silent
        return [ro, immutable] if write_open_failed or _log_closed(path) else [ro]
    if has_log(path):
        return [ro, immutable]  # the log holds saved work: read it if SQLite can, else the file alone
    return [immutable]


# SQLite's unix VFS takes full paths of up to 512 bytes (MAX_PATHNAME), and its pager keeps room for "-journal" after
# the name: a file whose full path (symbolic links resolved, as SQLite resolves them) is longer cannot be opened at all
SQLITE_MAX_PATH_BYTES = 512 - len("-journal")


def full_path_bytes(path: Path) -> int | None:
    """The length in bytes of ``path`` as SQLite opens it (its folder's symbolic links resolved); None where that
    limit is not known (not POSIX) or the folder cannot be resolved."""
    if os.name != "posix":
        return None
    try:
        return len(os.fsencode(os.path.join(os.path.realpath(path.parent), path.name)))
    except OSError:
        return None


def path_too_long(path: Path, exists: bool, room: int = 0) -> str | None:
    """Why SQLite cannot open ``path`` when its full path is too long for it (it says 'unable to open database
    file', as for a folder it cannot write), else None; ``room``: bytes more that a file written first beside it
    under a longer name needs (``Project.save_copy``'s ``.NAME.part``)."""
    size = full_path_bytes(path)
    limit = SQLITE_MAX_PATH_BYTES - room
    if size is None or size <= limit:
        return None
    done = "nothing was changed" if exists else "nothing was created"
    return (
        f"its full path is {size:,} bytes long, and SQLite opens project files whose full path is at most "
        f"{limit} bytes: move it to a shorter path (or shorten its folders' names); {done}"
    )


def not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be a project file although something is there (None: a file, or nothing yet)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a loop of symbolic links, not a project file"
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(st.st_mode):
        # a newcomer's `annotator gui seeds/`, `stats corpus/`: what a project is and how a folder gets into one
        return (
            "is a folder, not a project file (a project is one file, NAME.annotator: import the folder's documents "
            "into one)"
        )
    if stat.S_ISREG(st.st_mode):
        return None
    kind = (
        "a FIFO (named pipe)"
        if stat.S_ISFIFO(st.st_mode)
        else "a socket"
        if stat.S_ISSOCK(st.st_mode)
        else "a device"
        if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
        else "not a regular file"
    )
    return f"is {kind}, not a project file"
