"""An open's replay of the journals of kept edits a killed program left (``kept_journal`` keeps them): each journal
beside the project that no live program holds is read (``parse``), its edits written in order, once (``replay``,
called by ``Project``'s read-write open, the command line and the API), and it goes when done; a journal kept for the
file under another name is moved beside it first (``_moved_here``), one whose edits wait for another program is taken
over by the opener (``adopt``).
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotator import kept_messages, opencheck, whereabouts
from annotator.errors import AnnotatorError, BusyError, ProjectMovedError, SaveError
from annotator.kept_journal import (
    FORMAT,
    MARK,
    KeptJournal,
    journal_header,
    journal_paths,
    kept_elsewhere,
    move_free,
    pending,
)
from annotator.kept_lines import NotJournaled, run_line, title_of
from annotator.store import Project


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
        if path in elsewhere and not kept_for(journal_header(path) or {}, project):
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
            out.notes.append(kept_messages.kept_not_in_read_only(path.name, n, project.read_only_why))
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
            here = move_free(path, project.path)
        except OSError:
            return None  # written where it is
        header = journal_header(here)
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
                out.notes.append(kept_messages.replay_refused(title_of(line), exc))
                journal.skip(seq)
        if not parsed.damaged:
            os.unlink(path)
            whereabouts.forget_journal(project.identity, journal.nonce)
    finally:
        if fd >= 0:
            os.close(fd)
