"""A project's trained model versions copied beside a copy of its file (File > Save a copy…): the copy, opened
elsewhere, keeps its models. Written into a hidden folder beside the target and renamed into place when whole: a
failure or a cancel leaves nothing at the target; a models folder already there (another project's) is never
touched, and the one line that says so names where the models were left."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.learn import versions
from annotator.opencheck import why_file_not_written
from annotator.store import Project


@dataclass
class ModelsCopied:
    versions: list[int]  # the version folders copied beside the copy
    left_behind: str = ""  # one line when the models were not copied (empty: copied, or none to copy)


class CopyCancelled(Exception):
    """Raised inside the copy when ``cancelled()`` answers True; nothing is left at the target."""


class _FileNotCopied(Exception):
    """A file's copy failed: ends the copy at once (``shutil.copytree`` would go on to the next file and gather the
    failures into one list)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def models_dir_of(project_file: str | Path) -> Path:
    path = Path(project_file)
    return path.with_name(path.name + ".models")


def version_folders(project: Project) -> list[Path]:
    """The project's trained version folders (digits), oldest first; a training's temporary folder is not one."""
    root = versions.models_dir(project)
    try:
        with os.scandir(root) as entries:
            found = [Path(e.path) for e in entries if e.name.isdigit() and e.is_dir()]
    except OSError:
        return []
    return sorted(found, key=lambda f: int(f.name))


def size_of(folders: list[Path]) -> int:
    return sum(f.stat().st_size for folder in folders for f in folder.rglob("*") if f.is_file())


def copy_models_beside(
    project: Project,
    copy_file: str | Path,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> ModelsCopied:
    """Copy ``project``'s trained version folders to ``<copy_file>.models``; ``progress(bytes done, total)`` after
    each file, ``cancelled()`` looked at before each. Never raises for the copy itself: what could not be copied is
    said in ``left_behind`` (one line), with nothing left at the target."""
    source = versions.models_dir(project)
    target = models_dir_of(copy_file)
    folders = version_folders(project)
    if not folders or os.path.realpath(source) == os.path.realpath(target):
        return ModelsCopied([])
    left = f"its trained models were left in {source}"
    if os.path.lexists(target):
        return ModelsCopied([], f"{left}: {target} is there already (not replaced); copy them into it to use them")
    total, done = size_of(folders), 0
    part = target.with_name(f".{target.name}.part-{uuid.uuid4().hex[:8]}")

    def copy_one(src: str, dst: str) -> None:
        nonlocal done
        if cancelled():
            raise CopyCancelled
        try:
            shutil.copy2(src, dst)
        except OSError as exc:
            raise _FileNotCopied(exc) from None
        done += os.path.getsize(dst)
        progress(done, total)

    try:
        part.mkdir()
        for folder in folders:
            shutil.copytree(folder, part / folder.name, copy_function=copy_one)
        os.replace(part, target)
    except CopyCancelled:
        shutil.rmtree(part, ignore_errors=True)
        return ModelsCopied([], f"{left} (the copy of them was cancelled)")
    except (OSError, _FileNotCopied) as exc:
        shutil.rmtree(part, ignore_errors=True)
        why = why_file_not_written(exc.error if isinstance(exc, _FileNotCopied) else exc)
        return ModelsCopied([], f"{left} ({why}); copy that folder to {target} to use them")
    return ModelsCopied([int(f.name) for f in folders])
