"""Who else has a project file open, read from the locks every SQLite connection holds on its ``-shm``: the system's
table of locks names their processes, another user's too (round 14, session 22); SQLite's own descriptor on the
``-shm`` tells first whether anyone else holds one (session 29)."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.child_process import process_owner
from annotator.own_descriptors import descriptors_of

SHM_DMS_BYTE = 128  # SQLite's "dead man switch" lock in a -shm file: every connection using the file holds it shared

LOCKS_TABLE = "/proc/locks"  # the system's table of file locks (Linux): "1: POSIX  ADVISORY  READ <pid> <maj>:<min>:<ino> <start> <end>"
FLOCK = "hhqqi"  # Linux's struct flock: type, whence, start, length, pid


def others_may_hold(shm: os.stat_result) -> bool:
    """Whether a process other than this one may hold a lock on the ``-shm`` ``shm``'s byte 128, asked of SQLite's own
    descriptor on it (``F_GETLK``: a question, no lock taken or given up; a second descriptor would drop SQLite's locks
    when closed): False only when this process has it open and no lock of another conflicts with one taken there.
    Reading the system's table of locks waits for the kernel's lock on it (an RCU grace period, 8-13 ms of wall for
    0.2 ms of CPU at each open of a project in the app, docs/performance.md, sessions 27 and 29): it is read only when
    this says another may hold it."""
    import fcntl
    import struct
    import sys

    if not sys.platform.startswith("linux"):
        return True
    held = descriptors_of((shm.st_dev, shm.st_ino))
    if held is None:
        return True
    for fd, _st in held:
        ask = struct.pack(FLOCK, fcntl.F_WRLCK, os.SEEK_SET, SHM_DMS_BYTE, 1, 0)
        try:
            answer = fcntl.fcntl(fd, fcntl.F_GETLK, ask)
            again = os.fstat(fd)  # still that file (not closed and its number given to another meanwhile)
        except OSError:
            return True
        return (again.st_dev, again.st_ino) != (shm.st_dev, shm.st_ino) or struct.unpack(FLOCK, answer)[
            0
        ] != fcntl.F_UNLCK
    return True


def shm_users(path: str | Path) -> list[int]:
    """The process ids of the other programs using the project file at ``path`` now (this process left out), another
    user's as well as this user's: each SQLite connection holds a lock on its ``-shm``'s byte 128 while it is open
    (``SHM_DMS_BYTE``), read from the system's table of locks by the ``-shm``'s device and inode. [] where there is no
    ``-shm`` or the table cannot be read (not Linux): nothing is said then, as before."""
    try:
        st = os.stat(f"{path}-shm")
        if not others_may_hold(st):  # nobody else: the table is not read (its read waits ~10 ms)
            return []
        with open(LOCKS_TABLE, encoding="ascii", errors="replace") as fh:
            table = fh.read()
    except OSError:
        return []
    where = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    pids = set()
    for line in table.splitlines():
        parts = line.split()  # a lock waited for has "->" after its number: not held
        if len(parts) != 8 or parts[5] != where or not parts[4].isdigit():  # an OFD lock's pid is -1: no process
            continue
        start, end = parts[6], parts[7]
        if (
            start.isdigit()
            and int(start) <= SHM_DMS_BYTE
            and (end == "EOF" or (end.isdigit() and int(end) >= SHM_DMS_BYTE))
        ):
            pids.add(int(parts[4]))
    pids.discard(os.getpid())
    pids.discard(0)  # a process outside this one's pid namespace
    return sorted(pids)


def other_users_opens(path: str | Path) -> list[tuple[str, int]]:
    """(login name, process id) of each program of another user that has the project file at ``path`` open now
    (``shm_users``): the per-user index (``whereabouts.live_opens``) names this user's alone. The name is the user
    id where the system has no name for it."""
    from annotator.users import user_name

    me, found = os.getuid(), []
    for pid in shm_users(path):
        uid = process_owner(pid)
        if uid is not None and uid != me:
            found.append((user_name(uid), pid))
    return found
