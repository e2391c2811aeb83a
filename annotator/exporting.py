"""Shared export plumbing: write to a temporary file beside the target, then rename into place."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from annotator.errors import AnnotatorError
from annotator.fileid import refuse_project_target


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux), else set and restored."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _as_user_would(path: str | Path, folder: bool = False) -> None:
    """Give a temporary file (0600) or folder (0700) the mode a plain ``open``/``mkdir`` would: the user's umask."""
    os.chmod(path, (0o777 if folder else 0o666) & ~current_umask())


@contextmanager
def atomic_output(out: str | Path) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces ``out`` only if the block finishes."""
    target = Path(out)
    refuse_project_target(target)
    if target.is_dir():
        raise AnnotatorError(f"{target}: is a folder; give a file name to export to")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise AnnotatorError(f"{folder}: no such folder")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        _as_user_would(tmp)  # mkstemp makes it 0600: a brat server or a colleague could not read the export
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise AnnotatorError(f"{target}: export failed, nothing was replaced: {exc.strerror or exc}") from None
    except BaseException:
        _discard(tmp)
        raise


@contextmanager
def atomic_folder(out: str | Path) -> Iterator[Path]:
    """A temporary folder that replaces the folder ``out`` only if the block finishes."""
    target = Path(out)
    refuse_project_target(target)
    if target.exists() and not target.is_dir():
        raise AnnotatorError(f"{target}: exists and is not a folder")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.exists():
        raise AnnotatorError(f"{parent}: no such folder")
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=parent))
    import shutil

    try:
        _as_user_would(tmp, folder=True)  # mkdtemp makes it 0700
        yield tmp
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.replace(target, old / "x")
            try:
                os.replace(tmp, target)
            except OSError:  # put the old export back before reporting
                os.replace(old / "x", target)
                shutil.rmtree(old, ignore_errors=True)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise AnnotatorError(f"{target}: export failed, nothing was replaced: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
