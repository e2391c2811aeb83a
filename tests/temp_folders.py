"""Where the tests' folders go (tests/conftest.py): in memory where there is a tmpfs."""

from __future__ import annotations

import os


def memory_temp_root(candidate: str = "/dev/shm") -> str | None:
    """``candidate`` when it is a folder this process can write (a tmpfs on Linux), else None."""
    return candidate if os.path.isdir(candidate) and os.access(candidate, os.W_OK | os.X_OK) else None
