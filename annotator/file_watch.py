"""Is the file a project opened still the one at its name? Renamed, moved, given a second name, replaced or copied
over while open: SQLite keeps writing beside the old name, so editing stops and what was saved is put where a reopen
finds it; the -wal and -shm left under the old name go when provably ours, once that is done (else at the close).
``Project`` is one."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from annotator import file_logs, fileid, filemark
from annotator.errors import ProjectMovedError

if TYPE_CHECKING:  # pragma: no cover
    from annotator.db import ProjectDb


class WatchedFile:
    """The watch over the opened file, for ``Project``: it sets these when the file is open."""

    path: Path
    db: ProjectDb
    read_only: bool
    identity: fileid.Identity | None  # the file opened: device and inode, not its name
    stopped: ProjectMovedError | None  # editing stopped: the file is no longer the one opened
    _logs: dict[str, fileid.Identity]  # its -wal and -shm as opened
    _made_logs: dict[str, fileid.Identity]  # the -wal/-shm a read-only connection made
    _mark: filemark.FileMark | None  # what the file alone held (a copy over it is told by its history)
    _unsure: bool  # the file changed on disk and could not be read alone: perhaps a copy under way

    def _release_file(self) -> None:
        """Close the connection the watch's way: a file renamed, moved or deleted while open first gets what was
        saved written into it (SQLite closes such a file without its checkpoint: the work stayed in the old name's
        -wal, and the moved file lacked it), then the -wal and -shm SQLite leaves under the old name go, when
        provably ours (``file_logs.remove_left_logs``)."""
        fileid.forget_open(self)
        moved = not self.read_only and self.identity is not None and self._moved()
        if moved:
            try:
                self.check_still_here()  # writes the log into the file, unless it is open under its new name
            except ProjectMovedError:
                pass
        self.db.conn.close()
        if not self.read_only:
            file_logs.closed_for_writing(self.identity)
        if moved:
            file_logs.remove_left_logs(self.path, self._logs)
        if self._made_logs:
            file_logs.remove_made_logs(self.path, self._made_logs)

    def _moved(self) -> bool:
        """True when the file at ``self.path`` is not (only) the one opened: renamed, moved, deleted, replaced, linked."""
        if self.stopped is not None:
            return True
        try:
            st = os.stat(self.path)
        except OSError:
            return True
        return (st.st_dev, st.st_ino) != self.identity or st.st_nlink != 1

    def check_still_here(self) -> None:
        """Raise ProjectMovedError once the file at ``self.path`` is no longer the file this project opened.

        Renamed, moved, replaced or given a second name (hard link) while open: SQLite keeps its -wal beside
        the old name, so later edits would go where a reopen never looks. The edits already made are written
        into the file itself (a checkpoint, through the open handle), and editing stops; reading goes on.
        """
        if self.stopped is not None:
            self._deleted_where_it_went()
            raise self.stopped
        if self.read_only or self.identity is None:
            return
        try:
            st = os.stat(self.path)
            here: tuple[int, int] | None = (st.st_dev, st.st_ino)
            links = st.st_nlink
        except OSError:
            here, links = None, 1
        if here == self.identity and links == 1:
            self._check_copied_over()
            return
        new_path = fileid.find_by_identity(self.path.parent, self.identity, besides=self.path)
        if new_path is None and here != self.identity:  # moved to another folder: named by the open handle
            new_path = fileid.where_now(self.identity)
        opened_there = new_path is not None and any(Path(f"{new_path}{x}").exists() for x in ("-wal", "-shm"))
        # a connection under the other name has its own log: writing ours in could corrupt it
        log_in_file = not opened_there and self._write_log_into_moved(new_path, second_name=here == self.identity)
        kept = (
            "everything saved before is in the file"
            if log_in_file
            else f"what was saved here since the file was last written stays in {self.path.name}-wal"
        )
        if log_in_file and here != self.identity:
            # the log is in the moved file: the old name's -wal and -shm go now, not at the close (the connection
            # keeps them open for its reads; SQLite neither checkpoints nor deletes a moved file's log by name). Left
            # there, a project made at the old name meanwhile took them as its own: this connection's lock file
            file_logs.remove_left_logs(self.path, self._logs)
        file_now = self.path if here == self.identity else new_path or fileid.where_now(self.identity)
        nameless = file_now is None and fileid.deleted_while_open(self.identity)  # the file opened has no name left
        deleted = here is None and nameless
        replaced = here is not None and here != self.identity and nameless  # another file at its name, its own gone
        if deleted:  # no name left: "reopen it from where it is now" pointed nowhere, and "in the file" at a file gone
            why = "was deleted while open"
            kept = "what is open is now the only copy of the work saved in it"
            hint = "save a copy of what is open before closing it (in the app: Save a copy…), or that work is lost"
        elif here == self.identity:
            why = (
                "has a second name now (a hard link"
                + (f", {new_path}" if new_path else "")
                + "); two names for one open project can corrupt it"
            )
            hint = "remove the other name, then reopen the project"
            new_path = None
        elif new_path is not None:
            why = f"was renamed or moved to {new_path} while open"
            hint = f"reopen it from {new_path}"
        elif here is None:
            why = "was renamed, moved or deleted while open"
            hint = (
                "reopen it from where it is now, or save a copy of what is open (if the file was deleted, the only one)"
            )
        elif replaced:  # renamed over it (a sync client, `cp x.tmp && mv`): the work saved here is in no file at all
            why = "was replaced by another file while open"
            kept = "what is open is now the only copy of the work saved in it"
            hint = "save a copy of what is open before closing it (in the app: Save a copy…), or that work is lost"
        else:
            why = "was replaced by another file while open"
            hint = "reopen the project to see the file now at that name"
        self.stopped = ProjectMovedError(
            f"{self.path}: the project file {why}; editing has stopped and {kept}; {hint}",
            str(new_path) if new_path is not None else None,
            str(file_now) if file_now is not None else None,
            deleted=deleted or replaced,
            replaced=replaced,
        )
        raise self.stopped

    def _deleted_where_it_went(self) -> None:
        """A file stopped as moved (renamed, moved to a folder: "everything saved before is in the file") and deleted
        there since (a move to the bin, then the bin emptied): the stop says so now, as a delete's does. It kept
        offering to open it where it went, and quitting lost the only copy without a word (session 41)."""
        moved = self.stopped
        if moved is None or moved.deleted or moved.file_now is None or self.identity is None:
            return
        if not fileid.deleted_while_open(self.identity):
            return
        self.stopped = ProjectMovedError(
            f"{self.path}: the project file was moved to {moved.file_now} and deleted there while open; editing has "
            "stopped and what is open is now the only copy of the work saved in it; save a copy of what is open "
            "before closing it (in the app: Save a copy…), or that work is lost",
            None,
            None,
            deleted=True,
        )

    def _write_log_into_moved(self, new_path: Path | None, second_name: bool) -> bool:
        """Write what was saved into the file, wherever it now is (a checkpoint through the open handle); False when it
        could not be done safely. A renamed or moved file's log is given its new name first (``file_logs.log_also_at``):
        killed half-way through the checkpoint, the file was left with no log beside it to finish it, "database disk
        image is malformed" at its next open."""
        wal = Path(f"{self.path}-wal")
        ours = self._logs.get("-wal")
        link = None
        if not second_name:  # a second name: the log is still beside the first, where the file still is
            target = new_path or fileid.where_now(self.identity)  # type: ignore[arg-type]
            if target is not None:
                link = file_logs.log_also_at(wal, ours, target)
                if link is None:
                    return False
        try:
            self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # the log stays, beside the file's new name too: its next open writes it in
        if link is not None:
            file_logs.drop_log_name(link, ours)
        return True

    def _check_copied_over(self, before_stop: Callable[[], None] | None = None) -> None:
        """Raise ProjectMovedError when another file was copied over this one (same inode, another history), after
        ``before_stop`` (a transaction under way is rolled back before the log is emptied)."""
        if not filemark.changed_on_disk(self.path, self._mark):
            return
        replaced, mark = filemark.replaced_by_another(self.path, self._mark, self.db.conn)  # type: ignore[arg-type]
        if not replaced:
            self._mark = mark or self._mark  # cannot tell now: asked again at the next write or poll
            self._unsure = mark is None  # nothing of ours is written into it meanwhile (write_log_into_file)
            return
        if before_stop is not None:
            before_stop()
        self._stop_overwritten()

    def _stop_overwritten(self) -> None:
        """Stop editing a file another was copied over while open (same inode, another history), and empty our log
        first: its pages, written into that file or read with it by the next program to open it, would damage it."""
        wal = Path(f"{self.path}-wal")
        if fileid.identity(wal) == self._logs.get("-wal"):
            try:
                os.truncate(wal, 0)  # by name: opening and closing it here could drop the connection's locks
            except OSError:
                pass
        self.stopped = ProjectMovedError(
            f"{self.path}: the project file was overwritten by another file while open (copied over it); editing has "
            "stopped, and the edits saved here went with the file that was there (the one now at that name is left "
            "as it was copied); reopen the project to see it",
            str(self.path),  # what to reopen: the file now at the name (a copy of what is open would mix the two)
        )
        raise self.stopped

    def write_log_into_file(self) -> bool:
        """Write what the write-ahead log holds into the project file itself (a passive checkpoint: it waits for
        nobody), so that a copy of the file alone (``cp``, a file manager, a mail attachment) holds every saved
        edit; SQLite does it only every ~4 MB of log. True when the whole log is in the file. Does nothing on a
        read-only project, or once editing has stopped (a renamed file: ``check_still_here``)."""
        if self.read_only or self.stopped is not None:
            return False
        try:
            self.check_still_here()  # never into a file that is no longer the one opened
            if self._unsure:  # nor into one being written by another program (a copy over it, half done)
                return False
            busy, logged, written = self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except (ProjectMovedError, sqlite3.Error):
            return False
        if written > 0 and filemark.changed_on_disk(self.path, self._mark):  # the file moved on by our own hand
            self._mark = filemark.read_mark(self.path, self.db.conn) or self._mark
        return not busy and logged == written
