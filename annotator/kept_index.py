"""Where each live journal of kept edits is, by the file it is kept for: a per-user index, so the open of a project
moved to another folder finds a journal a killed app left in the old one.

A journal lives beside its project (``kept_journal``) and follows it when the app sees the file move (at its next
0.15 s tick). An app killed before that tick left the journal in the old folder, and the open of the moved file lists
its own folder only: the edits were never written. Each journal is named here while it lives: a symbolic link
``<device>-<inode>-<nonce>`` (the file's identity, which a move keeps, and the journal's nonce) to the journal's full
path, made when the journal is made or moved and removed when it goes. The open looks up its own identity (one
listing of this small folder) and reads only the journals it names.

The folder is ``$ANNOTATOR_STATE_DIR``, else ``$XDG_STATE_HOME/annotator/kept``, else
``~/.local/state/annotator/kept`` (mode 0700). Another user's open does not see it (their index is their own), and
where it cannot be written (no home) journals work as before, only the move to another folder followed by a kill
inside one tick is not covered. The index only says where to look: a journal is used only if its own header names the
file, as everywhere else.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

Identity = tuple[int, int]


def folder() -> Path:
    """The index's folder (not made here)."""
    if os.environ.get("ANNOTATOR_STATE_DIR"):
        return Path(os.environ["ANNOTATOR_STATE_DIR"])
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "annotator" / "kept"


def _prefix(ident: Identity) -> str:
    return f"{ident[0]}-{ident[1]}-"


def note(ident: Identity | None, nonce: str, journal: Path) -> bool:
    """Name the journal ``nonce`` of the file ``ident`` as being at ``journal`` now; False when the index cannot be
    written here (the journal works as before, only not found from another folder). Not fsynced: a kill leaves it
    (the system's cache is the file's), and a power cut would take the move it covers too (a rename is durable only
    once its folders are synced, which ``mv`` does not do); the fsync doubled the cost of a journal's start."""
    if ident is None:
        return False
    where = folder()
    entry = where / f"{_prefix(ident)}{nonce}"
    tmp = where / f".{entry.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.symlink(os.path.abspath(journal), tmp)
        os.replace(tmp, entry)  # one step: the entry names the old place or the new, never none
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True


def forget(ident: Identity | None, nonce: str) -> None:
    """The journal ``nonce`` is gone: its entry goes (one that cannot be removed is passed over by ``named``)."""
    if ident is None:
        return
    try:
        os.unlink(folder() / f"{_prefix(ident)}{nonce}")
    except OSError:
        pass


def named(ident: Identity | None) -> list[Path]:
    """The journals the index names for the file ``ident`` that are still there, wherever they are; an entry whose
    journal is gone (a kill between the journal's removal and its entry's) is removed."""
    if ident is None:
        return []
    where, prefix = folder(), _prefix(ident)
    try:
        with os.scandir(where) as entries:
            names = [e.name for e in entries if e.name.startswith(prefix)]
    except OSError:
        return []
    found = []
    for name in names:
        try:
            target = Path(os.readlink(where / name))
        except OSError:
            continue
        if os.path.lexists(target):
            found.append(target)
        else:
            forget(ident, name[len(prefix) :])
    return found
