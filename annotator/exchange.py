"""Swap two paths in one step where the system can: Linux ``renameat2(RENAME_EXCHANGE)``; or rename one to a name that
must be free, in one step (``RENAME_NOREPLACE``).

Replacing a folder with two renames leaves a moment with no folder at the name (a brat server watching it
sees it vanish). ``renameat2`` with ``RENAME_EXCHANGE`` swaps both names atomically; Python has no binding
for it, so it is called through ctypes (the only use of ctypes in the project; no input reaches it but two
paths). Where the system or the file system cannot, ``exchange`` returns False and the caller falls back.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

_AT_FDCWD = -100
_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2
# not supported by this kernel / file system / libc: fall back to two renames
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV}


@lru_cache(maxsize=1)
def _renameat2() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2  # glibc 2.28+, musl 1.2.5+
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


def exchange(a: str | Path, b: str | Path) -> bool:
    """Swap the names ``a`` and ``b`` (both must exist) atomically; False where that is not possible here."""
    return _call(a, b, _RENAME_EXCHANGE)


def rename_free(a: str | Path, b: str | Path) -> bool:
    """Rename ``a`` to ``b`` in one step (never two names of one file, whatever moment a kill comes), only if nothing
    is at ``b``: raises FileExistsError if something is; False where that is not possible here."""
    return _call(a, b, _RENAME_NOREPLACE)


def _call(a: str | Path, b: str | Path, flags: int) -> bool:
    fn = _renameat2()
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(os.fspath(a)), _AT_FDCWD, os.fsencode(os.fspath(b)), flags) == 0:
        return True
    err = ctypes.get_errno()
    if err == errno.EEXIST:
        raise FileExistsError(err, os.strerror(err), os.fspath(b))
    if err in _UNSUPPORTED:
        return False
    raise OSError(err, os.strerror(err), os.fspath(b))
