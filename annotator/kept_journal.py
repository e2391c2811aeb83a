"""Edits kept while another program writes, made durable at once: an append-only, fsynced journal beside the project.

An edit the app keeps (``write_queue``: another program holds SQLite's write lock) lived only in memory until it
landed; a kill or a power cut meanwhile lost a keystroke the person saw applied. Each kept edit is now one line of
``<project>-kept`` (the edit's core function and arguments as JSON), written and fsynced before the key returns,
and the file is owned like the ``-wal``: it exists only while edits are kept, and the next read-write open of the
project writes what it holds, in order (``replay``, called by ``Project``).

Idempotent: a kept edit that lands writes ``kept:<journal name>`` = ``<nonce> <seq>`` into the project's own
values in its own transaction (``Project.riding``), so the file says which lines landed whatever moment a kill came;
kept edits land in the order made, so the last one is enough. A line ``{"skip": seq}`` is an edit taken back
before it landed (undo) or refused when it landed: never written. A torn last line (the kill came while it was
written) was never a kept edit (the key had not returned): ignored, with a one-line note.

The live journal is held under ``flock``: an open elsewhere (another program, a worker in the app's own process)
leaves it alone; a second program keeping edits at the same time takes ``-kept-2`` and so on.

A journal belongs to the file it was kept for (its header names it by device and inode), not to a name: a project
renamed while edits are kept has them written by the open of its new name, which finds the journal under the old
name in its folder and moves it beside itself first (``_moved_here``); a program that sees the file move while it
keeps edits moves its journal with it (``KeptJournal.follow``). What landed is known by the journal's nonce, whatever
name its marks were written under.
"""

from __future__ import annotations

import fcntl
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import orjson

from annotator import kept_messages
from annotator.errors import AnnotatorError, BusyError, ProjectMovedError, SaveError
from annotator import fileid, opencheck, whereabouts
from annotator.kept_lines import NotJournaled as NotJournaled, as_who_kept as as_who_kept, edit_of as edit_of
from annotator.kept_lines import record as record, run_line
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


def _header(path: Path) -> dict[str, Any] | None:
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
        header = _header(path)
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
            header = _header(path)
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


def _move_free(source: Path, project_path: Path) -> Path:
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
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
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
        self.path = _move_free(self.path, project_path)
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


@dataclass
class Parsed:
    header: dict[str, Any]
    lines: list[dict[str, Any]] = field(default_factory=list)  # the kept edits, in order
    skipped: set[int] = field(default_factory=set)
    note: str | None = None  # a torn last line, or a damaged one (the lines after it are not made)
    damaged: bool = False  # a line past the header could not be read: the journal stays (a torn last line: it goes)
    whole: int = 0  # bytes up to the end of the last whole line (a torn one after them is cut off before appending)


def parse(path: Path, data: bytes) -> Parsed:
    """A journal's content; raises NotJournaled when its first line is not a journal's header."""
    rows = data.split(b"\n")
    torn = rows.pop()  # after the last newline: empty, or a line the kill cut short
    try:
        header = orjson.loads(rows[0]) if rows else None
    except orjson.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or header.get("kept_journal") != FORMAT or not isinstance(header.get("nonce"), str):
        raise NotJournaled(f"{path.name}: not a journal of kept edits this version writes")
    out = Parsed(header, whole=len(data) - len(torn))
    if torn.strip():
        out.note = kept_messages.journal_torn(path.name)
    for n, raw in enumerate(rows[1:], start=2):
        try:
            line = orjson.loads(raw)
            if not isinstance(line, dict):
                raise ValueError("not an object")
            if "skip" in line:
                out.skipped.add(int(line["skip"]))
            else:
                if int(line["seq"]) != len(out.lines) + 1:
                    raise ValueError(f"edit {line['seq']} after {len(out.lines)}")
                out.lines.append(line)
        except (orjson.JSONDecodeError, ValueError, KeyError, TypeError) as exc:
            out.note, out.damaged = kept_messages.journal_damaged(path.name, n, exc), True
            break
    return out


@dataclass
class Replay:
    """What an open found and wrote of edits that programs kept and never wrote."""

    written: int = 0
    notes: list[str] = field(default_factory=list)  # one line each: a refused edit, a torn line, one left for later
    # a journal whose next edit found another program writing, when the opener takes it over (``adopt``): the
    # journal, still locked, and its lines not yet written, in order; they go before any edit made after the open
    waiting: tuple[KeptJournal, list[dict[str, Any]]] | None = None

    def summary(self) -> str | None:
        """In one line (``kept_messages.replayed``); None when there is nothing to say."""
        return kept_messages.replayed(self.written, None if self.waiting is None else len(self.waiting[1]), self.notes)


def replay(project: Project, wait_ms: int | None = None, adopt: bool = False) -> Replay | None:
    """Write, in order, the edits of every journal beside ``project`` that no live program holds; each journal that
    is done goes. None when there was none (or the project is open read-only); also kept in
    ``project.kept_replay``. Called by the person's opens (the app's, every command's, the API's), never by a
    worker's. Never raises for a journal's content: what it cannot make is a note. Each write waits ``wait_ms``
    (default: the busy timeout) for another program; one that finds it still writing leaves the rest for the next
    open, or, with ``adopt`` (the app), hands them over in ``waiting`` to be written before anything else."""
    if project.read_only:
        return _not_written_here(project)
    found = [p for p in journal_paths(project.path) if os.path.lexists(p)]
    elsewhere = kept_elsewhere(project.path, project.identity)
    if not found and not elsewhere:
        return None
    out = Replay()
    for path in found + elsewhere:
        if path in elsewhere and not kept_for(_header(path) or {}, project):
            continue  # kept for another project whose file had this one's inode (deleted since): left where it is
        try:
            if path in elsewhere and (here := _moved_here(project, path)) is not None:
                path = here
            _replay_one(project, path, out, wait_ms, adopt and out.waiting is None)
        except OSError as exc:
            if (note := _not_replayed_note(project, path, exc)) is not None:
                out.notes.append(note)
    project.kept_replay = out if out.written or out.notes or out.waiting else None
    return project.kept_replay


def _not_replayed_note(project: Project, path: Path, exc: OSError) -> str | None:
    """What to say of the journal at ``path`` that a read-write open could not replay (``exc``). One this user
    cannot write (another user's, 0644 under her umask: a replay cuts a torn line and marks a refused edit in it) has
    its edits counted, so the person knows the project as read here lacks them (it said "could not be read or
    removed ... left as it is", and ``stats`` or ``train`` went on without them); None when all of them are in the
    project already (only its removal failed)."""
    if not isinstance(exc, PermissionError):
        return kept_messages.journal_unreadable(path.name, exc)
    try:
        n = not_landed(project, path)
    except NotJournaled:
        return kept_messages.journal_unreadable(path.name, exc)
    except OSError as unread:
        return kept_messages.kept_unread_here(path.name, unread.strerror or unread)
    if not n:
        return None
    return kept_messages.kept_not_writable_here(path.name, n, exc.strerror or exc, opencheck.owner_name(path))


def held(path: Path) -> bool:
    """Whether a live program holds the journal at ``path`` (its ``flock``)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def kept_for(header: dict[str, Any], project: Project) -> bool:
    """Whether a journal (its ``header``) was kept for ``project``, not for another project that has its file's name
    and inode now (copied over it in place); a journal of before session 17 names no project: taken as its own."""
    born = header.get("born")
    return born is None or born == project.db.birth()


def not_landed(project: Project, path: Path) -> int:
    """How many edits of the journal at ``path`` are neither landed in ``project`` nor taken back (none of one kept
    for another project); raises OSError (it cannot be read) and NotJournaled."""
    parsed = parse(path, path.read_bytes())
    if not kept_for(parsed.header, project):
        return 0
    done = landed(project, parsed.header["nonce"])
    return sum(int(ln["seq"]) > done and int(ln["seq"]) not in parsed.skipped for ln in parsed.lines)


def _not_written_here(project: Project) -> Replay | None:
    """A read-only open writes nothing: the edits a killed program kept for the file (no live program holds their
    journal) are said, so the person knows the project as read here lacks them (the app's open of a colleague's
    file, ``stats`` of it: they said nothing)."""
    out = Replay()
    for path in pending(project.path, project.identity):
        if held(path):
            continue  # a live program's: saved by it
        try:
            n = not_landed(project, path)
        except NotJournaled:
            continue
        except OSError as exc:
            out.notes.append(kept_messages.kept_unread_here(path.name, exc.strerror or exc))
            continue
        if n:
            out.notes.append(kept_messages.kept_not_in_read_only(path.name, n, project.read_only_reason))
    project.kept_replay = out if out.notes else None
    return project.kept_replay


def _moved_here(project: Project, path: Path) -> Path | None:
    """A journal kept for ``project``'s file under a name it had, given the file's journal name now (so the edits
    left after this open, or kept on top of them, are where its next open looks, and the old name is free); the new
    name, or None when it stays where it is (a live program holds it, the folder cannot be written)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None  # its program is alive (it moves it itself: ``follow``)
        if os.fstat(fd).st_ino != os.stat(path).st_ino:
            return None
        try:
            here = _move_free(path, project.path)
        except OSError:
            return None  # written where it is
        header = _header(here)
        if header is not None and isinstance(header.get("nonce"), str):
            whereabouts.note_journal(project.identity, header["nonce"], here)
        return here
    finally:
        os.close(fd)


def landed(project: Project, nonce: str) -> int:
    """The last line of the journal ``nonce`` that landed (0: none): its marks name it by nonce, under whatever
    journal name it had when each was written."""
    seqs = [0]
    for value in project.db.project_values_under(MARK).values():
        parts = value.split()
        if len(parts) == 2 and parts[0] == nonce and parts[1].isdigit():
            seqs.append(int(parts[1]))
    return max(seqs)


def _replay_one(project: Project, path: Path, out: Replay, wait_ms: int | None, adopt: bool) -> None:
    try:
        fd = os.open(path, os.O_RDWR | os.O_APPEND)
    except FileNotFoundError:
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # its program is alive: its edits are its own to write
        if os.fstat(fd).st_ino != os.stat(path).st_ino:
            return  # finished and replaced while this open waited for it
        size = os.fstat(fd).st_size
        data = os.pread(fd, size, 0)
        try:
            parsed = parse(path, data)
        except NotJournaled as exc:
            out.notes.append(kept_messages.journal_left(exc))
            return
        ident = parsed.header.get("identity")
        if ident is not None and project.identity is not None and list(project.identity) != list(ident):
            out.notes.append(kept_messages.journal_of_another_file(path.name))
            return
        if not kept_for(parsed.header, project):  # another project's, copied over: said once, then left in peace
            if not whereabouts.told(project.identity, parsed.header["nonce"]):
                out.notes.append(kept_messages.journal_of_another_project(path))
                whereabouts.note_told(project.identity, parsed.header["nonce"], path)
            return
        if parsed.note:
            out.notes.append(parsed.note)
        if parsed.whole < size:  # a torn last line: off, before any line follows it
            os.ftruncate(fd, parsed.whole)
        journal = KeptJournal(path, fd, parsed.header["nonce"], len(parsed.lines), project.identity)
        done = landed(project, journal.nonce)
        for line in parsed.lines:
            seq = int(line["seq"])
            if seq <= done or seq in parsed.skipped:
                continue
            try:
                with project.riding(journal.mark(seq)):
                    if wait_ms is None:
                        run_line(project, line)
                    else:
                        with project.lock_wait(wait_ms):
                            run_line(project, line)
                out.written += 1
            except BusyError:
                left = [ln for ln in parsed.lines[seq - 1 :] if int(ln["seq"]) not in parsed.skipped]
                if adopt:
                    out.waiting, fd = (journal, left), -1  # the journal (and its lock) go to the opener
                    return
                out.notes.append(kept_messages.replay_waits(path.name, len(left)))
                return
            except (SaveError, ProjectMovedError) as exc:  # a full disk, a file renamed since the open: never skipped
                left = [ln for ln in parsed.lines[seq - 1 :] if int(ln["seq"]) not in parsed.skipped]
                out.notes.append(kept_messages.replay_not_saved(path.name, len(left), exc))
                return
            except AnnotatorError as exc:  # a rule the file now breaks, a row deleted since: said, never retried
                out.notes.append(kept_messages.replay_refused(str(line.get("edit", "?")), exc))
                journal.skip(seq)
        if not parsed.damaged:
            os.unlink(path)
            whereabouts.forget_journal(project.identity, journal.nonce)
    finally:
        if fd >= 0:
            os.close(fd)
