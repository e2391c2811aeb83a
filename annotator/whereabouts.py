"""Where a project's side files are, by the file's device and inode (which a rename or a move keeps): a per-user
index, so the open of a project renamed or moved while a program had it open finds what that program, killed before
it met the move, left under the old name.

Two kinds of entry, each a symbolic link in one small folder:

- ``k-<device>-<inode>-<nonce>`` → a live journal of kept edits (``kept_journal``): made with the journal, renamed
  over when it follows its file, removed when it goes. An app killed within one 0.15 s tick of a move to another
  folder left the journal there, and the open of the moved file lists its own folder only.
- ``t-<device>-<inode>-<nonce>`` → a journal kept for another project (copied over its file) that this user was told
  of once (``kept_journal``): not named at every open after; gone with the journal.
- ``m-<device>-<inode>-<nonce>`` → a trained model kept aside for the file (``learn.kept_models``: its project moved
  or was deleted while it trained, and it could not be saved beside it): the moved file's next open finds it, from
  another folder, to offer attaching it; gone with the folder (attached, or removed).
- ``o-<device>-<inode>-<pid>`` → the path a process opened the file at for writing (its log, ``<path>-wal``): made at
  the open, removed at the last close in that process. An app killed before its next poll (1.5 s) met a rename or a
  move left the edits it saved since its last write of the log into the file in ``<old name>-wal``, and SQLite looks
  for the log by the file's name (``file_logs.take_left_log``).

The folder is ``$ANNOTATOR_STATE_DIR``, else ``$XDG_STATE_HOME/annotator/whereabouts``, else
``~/.local/state/annotator/whereabouts`` (mode 0700). Another user's open does not see it (their index is their own),
and where it cannot be written (no home) everything works as before, only those two kills are not covered. An entry
only says where to look: what is found there is used only when it provably belongs to the file. Entries are not
fsynced: a kill leaves them (the system's cache is the file's), and a power cut would take the move they cover too (a
rename is durable only once its folders are synced, which ``mv`` does not do).

Entries whose file is never opened again (deleted, or moved and opened elsewhere by someone else) are pruned
(``prune``, at a read-write open, once an hour at most): only an entry that can no longer lead to anything, never one
by which a moved file's next open would find a journal or a log (see ``prune``).
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from annotator.child_process import process_alive

Identity = tuple[int, int]
JOURNAL, OPEN, TOLD, MODEL = "k", "o", "t", "m"
PRUNE_EVERY_S = 3600.0  # a read-write open prunes the index when its last pruning is older than this
PRUNED = ".pruned"  # the stamp of the last pruning (its mtime)
WAL_HEADER = 32  # a log shorter than SQLite's WAL header holds no frame: nothing to take
PART_AGE_S = 600.0  # a ``.part`` older than this was left by a kill between the link and its rename


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


def note_told(ident: Identity | None, nonce: str, journal: Path) -> bool:
    """This user was told what the journal ``nonce`` beside the file ``ident`` is (kept for another project) and what
    to do with it; False when the index cannot be written here (it is told again at the next open)."""
    return ident is not None and _note(_prefix(TOLD, ident) + nonce, journal)


def told(ident: Identity | None, nonce: str) -> bool:
    """Whether ``note_told`` was made for the journal ``nonce`` of the file ``ident``."""
    return ident is not None and os.path.lexists(folder() / (_prefix(TOLD, ident) + nonce))


# -- trained models kept aside ------------------------------------------------------------------------------------


def note_kept_model(ident: Identity | None, folder_: Path) -> bool:
    """A model trained for the file ``ident`` is kept aside in ``folder_``; False when the index cannot be written
    here (the model is still named in the training's message, and found beside the old name)."""
    return ident is not None and _note(_prefix(MODEL, ident) + uuid.uuid4().hex[:8], folder_)


def kept_models(ident: Identity | None) -> list[Path]:
    """The kept models' folders the index names for the file ``ident`` that are still there; an entry whose folder is
    gone (attached, or removed by hand) is removed."""
    if ident is None:
        return []
    found = []
    for nonce, target in _entries(MODEL, ident):
        if os.path.isdir(target):
            found.append(target)
        else:
            _forget(_prefix(MODEL, ident) + nonce)
    return found


# -- where the file was opened for writing --------------------------------------------------------------------------


def note_open(ident: Identity | None, path: Path) -> bool:
    """This process opened the file ``ident`` for writing at ``path`` (its log is ``<path>-wal``); the index is
    pruned when it is due (``prune_if_due``)."""
    noted = ident is not None and _note(f"{_prefix(OPEN, ident)}{os.getpid()}", path)
    if noted:
        prune_if_due()
    return noted


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


def live_opens(ident: Identity | None) -> list[int]:
    """The process ids of the other live opens of the file ``ident`` for writing (this process's left out; a process
    killed since, or whose id was given again, is not one: ``_process_gone``; nor an entry whose path now holds
    another file)."""
    if ident is None:
        return []
    where, prefix = folder(), _prefix(OPEN, ident)
    pids = []
    for pid, target in _entries(OPEN, ident):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:  # the file it names is this one: an entry left for a file deleted since names its inode, given again
            st = os.stat(target)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) != ident:
            continue
        try:
            noted = os.lstat(where / f"{prefix}{pid}").st_mtime
        except OSError:
            continue
        if not _process_gone(int(pid), noted):
            pids.append(int(pid))
    return sorted(pids)


def forget_open_of(ident: Identity, pid: int) -> None:
    """The entry of process ``pid``'s open of the file ``ident`` goes (its log was taken, or there is none left)."""
    _forget(f"{_prefix(OPEN, ident)}{pid}")


# -- pruning --------------------------------------------------------------------------------------------------------


def _started_at(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), None when it is gone; ``inf`` when it lives but its
    start cannot be read (no ``/proc``: taken for the same process)."""
    if not process_alive(pid):  # another user's lives too
        return None
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            ticks = int(f.read().rsplit(b")", 1)[1].split()[19])  # field 22, after the name in parentheses
        with open("/proc/stat", "rb") as f:
            boot = next(int(line.split()[1]) for line in f if line.startswith(b"btime "))
    except (OSError, ValueError, IndexError, StopIteration):
        return float("inf")
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def _process_gone(pid: int, noted_at: float) -> bool:
    """The process that made an entry at ``noted_at`` is gone: no process has its id, or the one that has it started
    after the entry was made (the id given again, or a restart of the machine). ``btime`` is in whole seconds: 2 s
    of slack."""
    started = _started_at(pid)
    return started is None or (started != float("inf") and started > noted_at + 2.0)


def _log_left(old: Path) -> bool:
    """A log with frames beside no file at ``old``: a file moved before its process met the move may need it."""
    if os.path.lexists(old):
        return False  # a file at that name: its log is its own (SQLite finds it by the name), or another's
    try:
        return os.stat(f"{old}-wal").st_size >= WAL_HEADER
    except OSError:
        return False


def _looked_at_on(target: Path, device: int) -> bool:
    """Whether what is (or is not) at ``target`` is seen on the file system ``device``: the nearest folder of it that
    exists is there. A drive or a share not mounted now shows the folder it is mounted on (another device), or
    nothing: its entries are kept for when it is back."""
    folder = target.parent
    while True:
        try:
            return os.stat(folder).st_dev == device
        except FileNotFoundError:
            if folder.parent == folder:
                return False
            folder = folder.parent
        except OSError:
            return False


def _useless(name: str, link: Path) -> bool:
    """Whether the entry ``name`` (its link at ``link``) can no longer lead anywhere (see ``prune``)."""
    try:
        st = os.lstat(link)
        target = Path(os.readlink(link))
        device = int(name.split("-")[1])
    except (OSError, ValueError, IndexError):
        return False  # gone meanwhile, or not a link or not a name of ours: not ours to judge
    if not _looked_at_on(target, device):
        return False
    if name.startswith(f"{JOURNAL}-"):
        return not os.path.lexists(target)  # a journal still there is written by its file's next open, wherever
    if name.startswith(f"{TOLD}-"):
        return not os.path.lexists(target)  # told of a journal removed since
    if name.startswith(f"{MODEL}-"):
        return not os.path.lexists(target)  # a kept model attached, or removed by hand
    if name.startswith(f"{OPEN}-"):
        pid = name.rsplit("-", 1)[1]
        return pid.isdigit() and _process_gone(int(pid), st.st_mtime) and not _log_left(target)
    return False


def prune(now: float | None = None) -> list[str]:
    """Remove the entries that can no longer lead to anything, of any file: a journal's whose journal is gone (it was
    written, or removed by hand); an open's whose process is gone (or whose id a later process has) and whose log is
    nothing to take: a file is at the name it opened (its log is SQLite's own there) or no log with frames is; and
    a ``.part`` a kill left between an entry's link and its rename. Kept: a live process's, a journal that is still
    there (its file's next open writes it, wherever the file went), a log left beside no file (the moved file's next
    open takes it: the edits saved since its last write-in), and any entry whose place is not on its file's device
    now (a drive or a share not mounted: its journal or log may be there when it is back). Each entry is taken out of the index by one rename
    first and judged again: an entry its owner renamed over meanwhile (a journal that followed its file) is put back.
    Returns the names removed."""
    where, now = folder(), time.time() if now is None else now
    try:
        with os.scandir(where) as entries:
            names = [e.name for e in entries]
    except OSError:
        return []
    removed = []
    for name in names:
        if name.startswith(".") and name.endswith(".part"):
            try:
                if now - os.lstat(where / name).st_mtime > PART_AGE_S:
                    os.unlink(where / name)
                    removed.append(name)
            except OSError:
                pass
            continue
        if name.startswith(".") and name.endswith(".prune"):  # a pruning killed between its rename and its judging
            _put_back(where / name, name[1:-15], now)  # ".<name>.<8 hex>.prune": judged at the next pruning
            continue
        if name.startswith(".") or not _useless(name, where / name):
            continue
        aside = where / f".{name}.{uuid.uuid4().hex[:8]}.prune"
        try:
            os.rename(where / name, aside)
        except OSError:
            continue  # removed meanwhile by its owner
        try:
            if _useless(name, aside):
                removed.append(name)
                os.unlink(aside)
            else:  # its owner renamed a new one over it meanwhile
                _put_back(aside, name, None)
        except OSError:
            pass
    return removed


def _put_back(aside: Path, name: str, now: float | None) -> None:
    """An entry taken aside by a pruning goes back under ``name``, unless its owner has made it again since (``now``:
    only one older than ``PART_AGE_S``, a killed pruning's, not a running one's)."""
    try:
        if now is not None and now - os.lstat(aside).st_ctime <= PART_AGE_S:  # the rename aside sets ctime
            return
        try:
            os.symlink(os.readlink(aside), aside.with_name(name))
        except FileExistsError:
            pass
        os.unlink(aside)
    except OSError:
        pass


def prune_if_due(now: float | None = None) -> list[str]:
    """``prune`` when the last pruning (the stamp ``PRUNED``'s time) is older than ``PRUNE_EVERY_S`` or none was
    made: one ``stat`` otherwise. The stamp is set first, so opens at the same moment do not all prune."""
    stamp, now = folder() / PRUNED, time.time() if now is None else now
    try:
        if now - os.stat(stamp).st_mtime < PRUNE_EVERY_S:
            return []
    except FileNotFoundError:
        pass
    except OSError:
        return []
    try:
        stamp.touch()
        os.utime(stamp, (now, now))
    except OSError:
        return []
    return prune(now)
