"""A project of an older file format that cannot be upgraded where it is (no write permission, a folder or file system
it cannot be written in, or opened read-only on purpose) is read from an upgraded copy in a temporary folder: the file
itself is never written. ``merge`` reads an older annotator's file the same way (through ``Project(read_only=True)``).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from annotator import migrations
from annotator.child_process import process_alive
from annotator.errors import ProjectFileError, UpgradeFailedError

PREFIX = "annotator-older-"  # then the process id: a killed app's copies are removed by the next copy made


@dataclass
class UpgradedCopy:
    """The temporary copy an older project is read from, and the upgrade made in it."""

    path: Path
    before: int
    after: int
    folder: tempfile.TemporaryDirectory
    why: str | None = None  # why the file cannot be written (None: opened read-only on purpose)

    def summary(self, name: str) -> str:
        """One line for the person: what is shown, why, and that the file was not changed."""
        why = f" ({self.why})" if self.why else ""
        return (
            f"{name} is of file format {self.before} and cannot be upgraded where it is{why}: it is shown read-only from a "
            f"copy upgraded to format {self.after} in a temporary folder; the file itself was not changed"
        )

    def remove(self) -> None:
        self.folder.cleanup()


def make_upgraded_copy(source: sqlite3.Connection, original: Path, before: int) -> UpgradedCopy:
    """Copy the project ``source`` reads (``original``, of format ``before``) to a temporary folder and upgrade the
    copy there. Raises ProjectFileError (the original untouched) when the copy cannot be made or upgraded."""
    remove_killed_copies()
    folder = tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-")
    copy = Path(folder.name) / original.name
    try:
        dst = sqlite3.connect(copy, isolation_level=None)
        try:
            source.backup(dst)
            migrations.migrate(dst, None)  # no .bak beside a temporary copy: the original is the one kept
            dst.execute("PRAGMA journal_mode = DELETE")  # self-contained: read later with immutable=1
        finally:
            dst.close()
    except (OSError, sqlite3.Error, ProjectFileError) as exc:
        folder.cleanup()
        why = exc.why if isinstance(exc, UpgradeFailedError) else str(exc)  # the copy's own name not said
        raise ProjectFileError(
            f"{original}: is of file format {before} and read-only here; an upgraded copy to read it could not be "
            f"made in {tempfile.gettempdir()} ({why}); nothing was changed"
        ) from None
    return UpgradedCopy(copy, before, migrations.LATEST, folder)


def remove_killed_copies() -> list[Path]:
    """Remove the temporary copies of processes that are gone (an app killed with its older project open left its
    copy, as big as the project, in the temporary folder); never a running process's. Returns what was removed."""
    removed = []
    top = Path(tempfile.gettempdir())
    try:
        entries = list(top.glob(f"{PREFIX}*"))
    except OSError:
        return removed
    for folder in entries:
        m = re.fullmatch(rf"{PREFIX}(\d+)-.+", folder.name)
        if m is None or process_alive(int(m.group(1))) or not folder.is_dir() or folder.is_symlink():
            continue
        try:
            if folder.stat().st_uid != os.getuid():
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed
