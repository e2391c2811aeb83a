"""This process's open descriptors of a file, read from ``/proc/self/fd`` (Linux): the one scan that tells where a
project file open here went (``fileid.where_now``), whether it was deleted (``fileid.deleted_while_open``), and
SQLite's own descriptor on its ``-shm`` (``walindex``, ``shm_holders``)."""

from __future__ import annotations

import os
from typing import Iterator

OWN_DESCRIPTORS = "/proc/self/fd"  # this process's open files (Linux)


def descriptors_of(wanted: tuple[int, int]) -> Iterator[tuple[int, os.stat_result]] | None:
    """Each descriptor this process holds open on the file ``wanted`` (its device and inode), with what ``fstat`` says
    of it, in the order the system lists them, read as they are asked for (a caller that takes the first stops the
    scan there); None when they cannot be told (no ``/proc/self/fd``: another system)."""
    try:
        names = os.listdir(OWN_DESCRIPTORS)
    except OSError:
        return None
    return _holding(names, wanted)


def _holding(names: list[str], wanted: tuple[int, int]) -> Iterator[tuple[int, os.stat_result]]:
    for name in names:
        try:
            fd = int(name)
            st = os.fstat(fd)
        except (OSError, ValueError):  # closed since the listing (the listing's own descriptor too)
            continue
        if (st.st_dev, st.st_ino) == wanted:
            yield fd, st
