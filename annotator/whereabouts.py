"""Where a project's side files are, by the file's device and inode (which a rename or a move keeps): a per-user
index, so the open of a project renamed or moved while a program had it open finds what that program, killed before
it met the move, left under the old name.

Two kinds of entry, each a symbolic link in one small folder:

- ``k-<device>-<inode>-<nonce>`` → a live journal of kept edits (``kept_journal``): made with the journal, renamed
  over when it follows its file, removed when it goes. An app killed within one 0.15 s tick of a move to another
  folder left the journal there, and the open of the moved file lists its own folder only.
- ``o-<device>-<inode>-<pid>`` → the path a process opened the file at for writing (its log, ``<path>-wal``): made at
  the open, removed at the last close in that process. An app killed before its next poll (1.5 s) met a rename or a
  move left the edits it saved since its last write of the log into the file in ``<old name>-wal``, and SQLite looks
  for the log by the file's name (``fileid.take_left_log``).

The folder is ``$ANNOTATOR_STATE_DIR``, else ``$XDG_STATE_HOME/annotator/whereabouts``, else
``~/.local/state/annotator/whereabouts`` (mode 0700). Another user's open does not see it (their index is their own),
and where it cannot be written (no home) everything works as before, only those two kills are not covered. An entry
only says where to look: what is found there is used only when it provably belongs to the file. Entries are not
fsynced: a kill leaves them (the system's cache is the file's), and a power cut would take the move they cover too (a
rename is durable only once its folders are synced, which ``mv`` does not do).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

Identity = tuple[int, int]
JOURNAL, OPEN = "k", "o"


def folder() -> Path:
    """The index's folder (not made here)."""
    if os.environ.get("ANNOTATOR_STATE_DIR"):
        return Path(os.environ["ANNOTATOR_STATE_DIR"])
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "annotator" / "whereabouts"


def _prefix(kind: str, ident: Identity) -> str:
    return f"{kind}-{ident[0]}-{ident[1]}-"


def _note(name: str, target: Path) -> bool:
    where = folder()
    tmp = where / f".{name}.{uuid.uuid4().hex[:8]}.part"
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.symlink(os.path.abspath(target), tmp)
        os.replace(tmp, where / name)  # one step: the entry names the old place or the new, never none
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True


def _forget(name: str) -> None:
    try:
        os.unlink(folder() / name)
    except OSError:
        pass


def _entries(kind: str, ident: Identity) -> list[tuple[str, Path]]:
    """(the entry's last part, where it points) of each entry of ``kind`` for the file ``ident``."""
    where, prefix = folder(), _prefix(kind, ident)
    try:
        with os.scandir(where) as entries:
            names = [e.name for e in entries if e.name.startswith(prefix)]
    except OSError:
        return []
    out = []
    for name in names:
        try:
            out.append((name[len(prefix) :], Path(os.readlink(where / name))))
        except OSError:
            continue
    return out


# -- journals of kept edits -----------------------------------------------------------------------------------------


def note_journal(ident: Identity | None, nonce: str, journal: Path) -> bool:
    """Name the journal ``nonce`` of the file ``ident`` as being at ``journal`` now; False when the index cannot be
    written here (the journal works as before, only not found from another folder)."""
    return ident is not None and _note(_prefix(JOURNAL, ident) + nonce, journal)


def forget_journal(ident: Identity | None, nonce: str) -> None:
    """The journal ``nonce`` is gone: its entry goes (one that cannot be removed is passed over by ``journals``)."""
    if ident is not None:
        _forget(_prefix(JOURNAL, ident) + nonce)


def journals(ident: Identity | None) -> list[Path]:
    """The journals the index names for the file ``ident`` that are still there, wherever they are; an entry whose
    journal is gone (a kill between the journal's removal and its entry's) is removed."""
    if ident is None:
        return []
    found = []
    for nonce, target in _entries(JOURNAL, ident):
        if os.path.lexists(target):
            found.append(target)
        else:
            forget_journal(ident, nonce)
    return found


# -- where the file was opened for writing --------------------------------------------------------------------------


def note_open(ident: Identity | None, path: Path) -> bool:
    """This process opened the file ``ident`` for writing at ``path`` (its log is ``<path>-wal``)."""
    return ident is not None and _note(f"{_prefix(OPEN, ident)}{os.getpid()}", path)


def forget_open(ident: Identity | None) -> None:
    """This process has closed the file ``ident`` (its last connection to it)."""
    if ident is not None:
        _forget(f"{_prefix(OPEN, ident)}{os.getpid()}")


def opened_at(ident: Identity | None) -> list[tuple[int, Path]]:
    """(process id, path) of each open of the file ``ident`` for writing that was not closed: a live process's, or one
    killed with it open."""
    if ident is None:
        return []
    return [(int(pid), target) for pid, target in _entries(OPEN, ident) if pid.isdigit()]


def forget_open_of(ident: Identity, pid: int) -> None:
    """The entry of process ``pid``'s open of the file ``ident`` goes (its log was taken, or there is none left)."""
    _forget(f"{_prefix(OPEN, ident)}{pid}")
