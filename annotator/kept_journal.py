"""Edits kept while another program writes, made durable at once: an append-only, fsynced journal beside the project.

An edit the app keeps (``write_queue``: another program holds SQLite's write lock) lived only in memory until it
landed; a kill or a power cut meanwhile lost a keystroke the person saw applied. Each kept edit is now one line of
``<project>-kept`` (the edit's core function and arguments as JSON), written and fsynced before the key returns,
and the file is owned like the ``-wal``: it exists only while edits are kept, and the next read-write open of the
project writes what it holds, in order (``kept_replay.replay``).

Idempotent: a kept edit that lands writes ``kept:<journal name>`` = ``<nonce> <seq>`` into the project's own
values in its own transaction (``Project.riding``), so the file says which lines landed whatever moment a kill came;
kept edits land in the order made, so the last one is enough. A line ``{"skip": seq}`` is an edit taken back
before it landed (undo) or refused when it landed: never written. A torn last line (the kill came while it was
written) was never a kept edit (the key had not returned): ignored, with a one-line note.

The live journal is held under ``flock``: an open elsewhere (another program, a worker in the app's own process)
leaves it alone; a second program keeping edits at the same time takes ``-kept-2`` and so on.

A journal belongs to the file it was kept for (its header names it by device and inode), not to a name: a project
renamed while edits are kept has them written by the open of its new name, which finds the journal under the old
name in its folder and moves it beside itself first (``kept_replay``); a program that sees the file move while it
keeps edits moves its journal with it (``KeptJournal.follow``). What landed is known by the journal's nonce, whatever
name its marks were written under.
"""

from __future__ import annotations

import fcntl
import os
import uuid
from pathlib import Path
from typing import Any, Callable

import orjson

from annotator import fileid, whereabouts
from annotator.kept_lines import NotJournaled as NotJournaled, as_who_kept as as_who_kept, edit_of as edit_of
from annotator.kept_lines import record as record, title_of as title_of
from annotator.exchange import rename_free
from annotator.store import Project

SUFFIX = fileid.KEPT_SUFFIX
MAX_JOURNALS = fileid.KEPT_MAX  # -kept, -kept-2 ... -kept-8: programs keeping edits on one project at once
FORMAT = 1
MARK = "kept:"  # the project's own value naming the last line of a journal that landed


def journal_paths(project_path: Path) -> list[Path]:
    base = project_path.name + SUFFIX
    return [project_path.with_name(base if n == 1 else f"{base}-{n}") for n in range(1, MAX_JOURNALS + 1)]


def _journal_name(name: str) -> bool:
    """Whether ``name`` is one a journal takes (``<project>-kept``, ``<project>-kept-2`` ... ``-kept-8``)."""
    return fileid.kept_journal_of(name) is not None


def journal_header(path: Path) -> dict[str, Any] | None:
    """A journal's first line, or None when the file at ``path`` is not one (or cannot be read)."""
    try:
        with open(path, "rb") as fh:
            first = fh.readline(65536)
        header = orjson.loads(first)
    except (OSError, orjson.JSONDecodeError):
        return None
    return header if isinstance(header, dict) and header.get("kept_journal") == FORMAT else None


def kept_elsewhere(project_path: Path, ident: tuple[int, int] | None) -> list[Path]:
    """The journals kept for the file ``ident`` under another name (a name it had when a program kept edits for it and
    was killed): in ``project_path``'s folder (one listing of it; only journal names are read), or in another folder
    the per-user index names (``whereabouts``: the file moved there before its program saw the move); oldest first."""
    if ident is None:
        return []
    own = {p.name for p in journal_paths(project_path)}
    try:
        with os.scandir(project_path.parent) as entries:
            names = [e.name for e in entries if SUFFIX in e.name and _journal_name(e.name) and e.name not in own]
    except OSError:
        names = []
    seen = {_inode(p) for p in journal_paths(project_path)} - {None}
    found = []
    for path in [project_path.with_name(name) for name in names] + whereabouts.journals(ident):
        inode = _inode(path)
        if inode is None or inode in seen:
            continue
        seen.add(inode)
        header = journal_header(path)
        if header is not None and list(header.get("identity") or ()) == list(ident):
            found.append((os.path.getmtime(path) if os.path.exists(path) else 0.0, path))
    return [p for _, p in sorted(found)]


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def pending(project_path: Path, ident: tuple[int, int] | None) -> list[Path]:
    """Every journal of edits kept for the file ``ident`` at ``project_path`` (beside it, or under a name it had)
    that is still there: what an open would write (or a live program's, still writing them); one beside it that this
    user cannot read is among them (``unreadable``)."""
    own = []
    for path in journal_paths(project_path):
        if os.path.lexists(path):
            header = journal_header(path)
            if header is None and unreadable(path) is not None:
                own.append(path)  # what it holds cannot be told here: never taken for no journal
            elif header is not None and (
                header.get("identity") is None or list(header["identity"]) == list(ident or ())
            ):
                own.append(path)
    return own + kept_elsewhere(project_path, ident)


def unwritable(path: Path) -> str | None:
    """Why this user cannot write the journal at ``path`` (another user's: a replay writes into it), or None when
    it can (or it is gone)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_APPEND)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    os.close(fd)
    return None


def unreadable(path: Path) -> str | None:
    """Why the journal at ``path`` cannot be read by this user (``Permission denied``: its keeper's umask made it
    0600), or None when it can."""
    try:
        with open(path, "rb"):
            return None
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)


def move_free(source: Path, project_path: Path) -> Path:
    """Give the journal at ``source`` the first free journal name of ``project_path`` instead, in one step where the
    system can (``exchange.rename_free``); elsewhere a second name, then the first removed (a kill between leaves two
    names of one journal: each open writes it once, its marks being by nonce). Raises OSError (no free name, a folder
    it cannot write); the folders are made durable."""
    for path in journal_paths(project_path):
        try:
            if not rename_free(source, path):
                os.link(source, path)
                _fsync_folder(path.parent)
                os.unlink(source)
        except FileExistsError:
            continue
        _fsync_folder(path.parent)
        if path.parent != source.parent:
            _fsync_folder(source.parent)
        return path
    raise OSError(f"{MAX_JOURNALS} journals of kept edits are beside {project_path.name} already")


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class KeptJournal:
    """One program's journal of kept edits, held under ``flock`` while it is in use."""

    def __init__(self, path: Path, fd: int, nonce: str, seq: int = 0, ident: tuple[int, int] | None = None) -> None:
        self.path = path
        self._fd = fd
        self.nonce = nonce
        self.seq = seq  # the last line's number
        self.ident = ident  # the file it is kept for (device, inode): its entry in ``whereabouts``

    @classmethod
    def start(cls, project: Project) -> "KeptJournal":
        """A new journal beside ``project`` under the first free name: written whole (its header, locked, fsynced)
        under a temporary name, then linked into place, so no open ever sees it half made. Raises OSError."""
        nonce = uuid.uuid4().hex
        tmp = project.path.with_name(f".{project.path.name}{SUFFIX}.{nonce[:12]}.part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o666)  # the user's umask decides
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            ident = project.identity
            header = {
                "kept_journal": FORMAT,
                "nonce": nonce,
                "project": project.path.name,
                "identity": ident,
                "born": project.db.birth(),  # the project, not only its file: another copied over it has its inode
            }
            os.write(fd, orjson.dumps(header) + b"\n")
            os.fsync(fd)
            for path in journal_paths(project.path):
                try:
                    os.link(tmp, path)
                except FileExistsError:
                    continue
                break
            else:
                raise OSError(f"{MAX_JOURNALS} journals of kept edits are beside {project.path.name} already")
            os.unlink(tmp)
            _fsync_folder(project.path.parent)
            whereabouts.note_journal(ident, nonce, path)
        except BaseException:
            os.close(fd)
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return cls(path, fd, nonce, ident=ident)

    def _append(self, line: dict[str, Any]) -> None:
        """One line, durable; a line that could not be written whole (a full disk) is cut off again, so the next
        line (a skip) does not follow half of one."""
        data = orjson.dumps(line) + b"\n"
        size = os.fstat(self._fd).st_size
        try:
            written = 0
            while written < len(data):  # a short write is followed by one that says why (ENOSPC)
                written += os.write(self._fd, data[written:])
            os.fdatasync(self._fd)
        except OSError:
            try:
                os.ftruncate(self._fd, size)
            except OSError:
                pass
            raise

    def append(self, line: dict[str, Any]) -> int:
        """Write one kept edit, durable before it returns; its number. Raises OSError (a full disk)."""
        self._append({"seq": self.seq + 1, **line})
        self.seq += 1
        return self.seq

    def skip(self, seq: int) -> None:
        """The edit ``seq`` will never be written (taken back, or refused when it landed)."""
        self._append({"skip": seq})

    def mark(self, seq: int) -> Callable[[Any], None]:
        """What the edit ``seq``'s own transaction writes: this journal's lines up to ``seq`` have landed."""
        key, value = MARK + self.path.name, f"{self.nonce} {seq}"
        return lambda db: db.set_project_value(key, value)

    def follow(self, project_path: Path) -> None:
        """The file this journal is kept for is at ``project_path`` now (renamed, moved): the journal goes beside it,
        under its name, so the next open of it finds it wherever it was killed. Raises OSError (left where it was)."""
        if self.path.parent == project_path.parent and self.path.name in {p.name for p in journal_paths(project_path)}:
            return
        self.path = move_free(self.path, project_path)
        whereabouts.note_journal(self.ident, self.nonce, self.path)

    def finish(self) -> None:
        """Every line landed or was skipped: the journal goes (while still locked, so no open replays it)."""
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        whereabouts.forget_journal(self.ident, self.nonce)
        self.close()

    def close(self) -> None:
        """Let go of it (its lock goes with the descriptor); a journal still holding edits stays for the next open."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
