"""How far SQLite has written an open project's log into the file: its checkpoints, read from the ``-shm``.

A project file in WAL mode is written by SQLite only at a checkpoint, and every checkpoint is counted in the
wal-index (the ``-shm``, which every connection to the file shares): before it writes a page it raises
``nBackfillAttempted``, after it ``nBackfill``; a log started afresh gets new salts. A file whose bytes changed while
these stood still was written by something other than SQLite: a copy over it (``filemark``).

The ``-shm`` is read through the descriptor this process's SQLite already holds (found in ``/proc/self/fd``), never
opened here: closing a descriptor of it would drop the connection's locks on it (see ``fileid.open_here``). Where no
such descriptor is found (another system, no connection of this process), nothing is known: ``None``.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import NamedTuple

from annotator.own_descriptors import descriptors_of

# the wal-index header (wal.c, WalIndexHdr: 48 bytes, twice) and its checkpoint info (WalCkptInfo) after it, in the
# machine's own byte order but for the salts (kept as the log's header has them, big-endian)
_CHANGE = 8  # iChange: one more at each commit
_MX_FRAME = 16  # mxFrame: frames in the log
_SALT = 32  # aSalt[2]: the first is one more at each start of the log afresh
_SECOND_HEADER = 48
_BACKFILL = 96  # WalCkptInfo.nBackfill: frames written into the file
_ATTEMPTED = 128  # WalCkptInfo.nBackfillAttempted: frames a checkpoint began writing
_READ = 136


class Checkpoints(NamedTuple):
    """What the ``-shm`` counts at one moment."""

    restarts: int  # the log's first salt: one more each time it starts afresh
    salt: int  # its second (random at each start)
    commits: int
    frames: int
    backfilled: int
    attempted: int


def _our_descriptor(shm: Path) -> int | None:
    """A descriptor of ``shm`` this process holds open (SQLite's), or None."""
    try:
        st = os.stat(shm)
    except OSError:
        return None
    held = descriptors_of((st.st_dev, st.st_ino))
    first = next(held, None) if held is not None else None
    return first[0] if first is not None else None


def checkpoints(path: str | Path) -> Checkpoints | None:
    """The checkpoints of the open project at ``path`` as its ``-shm`` counts them now; None when they cannot be read
    (no descriptor of it in this process, a header being written: read three times, its two copies differ)."""
    fd = _our_descriptor(Path(f"{path}-shm"))
    if fd is None:
        return None
    for _ in range(3):
        try:
            head = os.pread(fd, _READ, 0)
        except OSError:
            return None
        if len(head) < _READ:
            return None
        if head[:_SECOND_HEADER] == head[_SECOND_HEADER : 2 * _SECOND_HEADER]:  # a header not being changed
            (restarts,) = struct.unpack_from(">I", head, _SALT)
            (salt,) = struct.unpack_from(">I", head, _SALT + 4)
            return Checkpoints(
                restarts,
                salt,
                *(struct.unpack_from("=I", head, at)[0] for at in (_CHANGE, _MX_FRAME, _BACKFILL, _ATTEMPTED)),
            )
    return None


def nothing_written_between(seen: Checkpoints | None, now: Checkpoints | None) -> bool:
    """True when SQLite surely wrote nothing into the file between ``seen`` and ``now``: no checkpoint under way at
    either, and none counted between (in the same log, nothing more backfilled; the log started afresh once, by the one
    commit since, from a log that was all in the file). False when it may have, or nothing is known."""
    if seen is None or now is None or seen.backfilled != seen.attempted or now.backfilled != now.attempted:
        return False
    restarts = (now.restarts - seen.restarts) % (1 << 32)
    if restarts == 0:
        return now.salt == seen.salt and now.backfilled == seen.backfilled
    # a log starts afresh only once all of it is in the file; a commit into the old one after ``seen`` would have
    # needed a checkpoint before that: one commit in all, the one that started it, rules that out
    return restarts == 1 and seen.backfilled == seen.frames and now.backfilled == 0 and now.commits - seen.commits <= 1
