"""A project's trained model versions copied beside a copy of its file (File > Save a copy…): the copy, opened
elsewhere, keeps its models. Written into a hidden folder beside the target and renamed into place when whole: a
failure or a cancel leaves nothing at the target; a models folder already there (another project's) is never
touched, and the one line that says so names where the models were left.

What is copied is chosen where the project is open (``models_to_copy``: the version folders, and the models kept aside
for it, ``kept_models.kept_for``); the copy itself (``copy_models``) needs no project, so a worker runs it: a file is
copied a chunk at a time, ``cancelled()`` looked at before each chunk (a model's weights of hundreds of MB on a USB
stick held the cancel until the file's end)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.learn import versions
from annotator.learn.kept_models import kept_for
from annotator.opencheck import why_file_not_written
from annotator.store import Project

CHUNK = 1 << 20  # bytes copied between two looks at the cancel: well under a second on a slow stick


@dataclass
class ModelsCopied:
    versions: list[int]  # the version folders copied beside the copy
    left_behind: str = ""  # one line when the models were not copied (empty: copied, or none to copy)
    kept: list[str] = field(default_factory=list)  # the models kept aside copied with them (their folders' names)


@dataclass(frozen=True)
class ModelsToCopy:
    """A project's models as a copy takes them: ``source`` (its models folder), its version folders (digits, oldest
    first) and its models kept aside (``kept-…`` folders: trained while it moved, not attached yet)."""

    source: Path
    folders: tuple[Path, ...] = ()
    kept: tuple[Path, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.folders and not self.kept


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


def models_to_copy(project: Project) -> ModelsToCopy:
    """What a copy of ``project`` takes: its version folders and its models kept aside (one of each name)."""
    kept = {f.name: f for f in reversed(kept_for(project))}  # the oldest of a name, as kept_for orders them
    return ModelsToCopy(versions.models_dir(project), tuple(version_folders(project)), tuple(sorted(kept.values())))


def size_of(folders: list[Path] | tuple[Path, ...]) -> int:
    return sum(f.stat().st_size for folder in folders for f in folder.rglob("*") if f.is_file())


def _copy_file(src: str, dst: str, cancelled: Callable[[], bool], copied: Callable[[int], None]) -> None:
    """``src`` to ``dst`` a chunk at a time, ``cancelled()`` asked before each (CopyCancelled), ``copied(n)`` after."""
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while True:
            if cancelled():
                raise CopyCancelled
            chunk = fin.read(CHUNK)
            if not chunk:
                break
            fout.write(chunk)
            copied(len(chunk))
    shutil.copystat(src, dst)


def copy_models(
    models: ModelsToCopy,
    copy_file: str | Path,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> ModelsCopied:
    """Copy ``models`` to ``<copy_file>.models``; ``progress(bytes done, total)`` after each chunk, ``cancelled()``
    looked at before each. Never raises for the copy itself: what could not be copied is said in ``left_behind`` (one
    line), with nothing left at the target."""
    source, target = models.source, models_dir_of(copy_file)
    if models.empty or os.path.realpath(source) == os.path.realpath(target):
        return ModelsCopied([])
    left = f"its trained models were left in {source}"
    if os.path.lexists(target):
        return ModelsCopied([], f"{left}: {target} is there already (not replaced); copy them into it to use them")
    every = (*models.folders, *models.kept)
    total, done = size_of(every), 0
    part = target.with_name(f".{target.name}.part-{uuid.uuid4().hex[:8]}")

    def copied(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    def copy_one(src: str, dst: str) -> None:
        try:
            _copy_file(src, dst, cancelled, copied)
        except OSError as exc:
            raise _FileNotCopied(exc) from None

    try:
        part.mkdir()
        for folder in every:
            shutil.copytree(folder, part / folder.name, copy_function=copy_one)
        os.replace(part, target)
    except CopyCancelled:
        shutil.rmtree(part, ignore_errors=True)
        return ModelsCopied([], f"{left} (the copy of them was cancelled)")
    except (OSError, _FileNotCopied) as exc:
        shutil.rmtree(part, ignore_errors=True)
        why = why_file_not_written(exc.error if isinstance(exc, _FileNotCopied) else exc)
        return ModelsCopied([], f"{left} ({why}); copy that folder to {target} to use them")
    return ModelsCopied([int(f.name) for f in models.folders], kept=[f.name for f in models.kept])
