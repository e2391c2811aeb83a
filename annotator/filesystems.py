"""Whether a project file is on a network share (NFS, SMB, ...), from the system's table of mounts (Linux).

Another user's open is named from the system's table of locks (``shm_holders.shm_users``), which holds this machine's
locks alone: a program on another machine that has the file open on a network share is not in it. Nor can the two
share SQLite's log safely: its index (the ``-shm``) is shared through memory, which only one machine's programs
share, so two machines writing the file at once can damage it. What can be known is that the file is on a share:
the open says so, and what that means (``share_note``)."""

from __future__ import annotations

import os
from pathlib import Path

MOUNTS = "/proc/self/mounts"  # "device mount-point type options 0 0", spaces in a path as \040
# the file systems another machine can have the same file open through
NETWORK = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph", "glusterfs", "afs", "lustre", "gpfs", "beegfs",
        "ocfs2", "gfs2", "davfs", "fuse.sshfs", "fuse.glusterfs", "fuse.davfs", "fuse.s3fs", "fuse.rclone",
        "fuse.cephfs", "fuse.gcsfuse",
    }
)  # fmt: skip


def _unescape(field: str) -> str:
    """A path of the mounts table: space, tab, newline and backslash are written as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def network_share(path: str | Path, mounts: str | None = None) -> str | None:
    """The type of network file system (``NETWORK``: "nfs4", "cifs", ...) the file at ``path`` is on, else None: a
    local disk, or not known (the table cannot be read: not Linux)."""
    try:
        with open(mounts or MOUNTS, encoding="utf-8", errors="replace") as fh:
            table = fh.read()
    except OSError:
        return None
    real = os.path.realpath(path)
    found, longest = None, -1
    for line in table.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = _unescape(parts[1])
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) > longest:  # the last mount on the longest point holds it
            found, longest = parts[2], len(point)
        elif inside and len(point) == longest:
            found = parts[2]
    return found if found in NETWORK else None


def share_note(kind: str) -> str:
    """What the open says of a project on a network share of type ``kind``."""
    return (  # whole in the status line at 1366x768 (it was cut there: "… open it on one machin…")
        f"On a network share ({kind}): an open on another machine is not seen here, and two machines writing at once "
        "can damage it: use it from one machine at a time"
    )
