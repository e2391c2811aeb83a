"""Where the tests' folders go (tests/conftest.py): in memory where there is a tmpfs."""

from __future__ import annotations

import os


# A whole run's folders take ~1 GB (the inner loop's ~350 MB, pytest keeping the last three runs); a container's
# /dev/shm is often 64 MB, which a run would fill half-way (ENOSPC in an unrelated test): the disk then.
LEAST_FREE = 2 * 1024**3


def memory_temp_root(candidate: str = "/dev/shm", least_free: int = LEAST_FREE) -> str | None:
    """``candidate`` when it is a folder this process can write with ``least_free`` bytes free (a tmpfs), else None."""
    if not (os.path.isdir(candidate) and os.access(candidate, os.W_OK | os.X_OK)):
        return None
    fs = os.statvfs(candidate)
    return candidate if fs.f_bavail * fs.f_frsize >= least_free else None
