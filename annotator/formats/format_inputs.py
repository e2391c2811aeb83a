"""What ``import --format NAME`` reads of the paths it is given: a folder given to a reader of single files (CoNLL,
doccano, Label Studio, DyGIE++, ...) is every file in it; the readers of folders (brat, WebAnno TSV) take it whole.

``import P -f conll corpus/`` said "corpus: cannot read: Is a directory" (session 33): the folder is read file by
file now, an empty one refused in one line, and a file in it the reader refuses is named with the folder it was
found in, nothing stored (``import_format`` stores all or nothing)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from annotator.formats.label_studio_config import tasks_of
from annotator.formats.prodigy_colors import is_settings
from annotator.errors import ImportFileError
from annotator.formats.registry import FORMATS

PROJECT_FILES = re.compile(r"\.annotator(-wal|-shm|-journal)?$")  # project files met in a folder: not input


def folder_files(folder: Path) -> list[Path]:
    """Every file in ``folder`` and its subfolders, sorted, hidden ones and project files aside (what an import
    reads of a folder: ``input_paths.expand_paths``, ``format_inputs``)."""
    return sorted(
        f for f in folder.rglob("*") if f.is_file() and not f.name.startswith(".") and not PROJECT_FILES.search(f.name)
    )


def reads_folders(fmt: str) -> bool:
    """Whether the reader ``fmt`` takes a folder whole (its export is a folder: brat, WebAnno TSV)."""
    return FORMATS[fmt].folder


def format_inputs(fmt: str, paths: Iterable[str | Path]) -> list[tuple[Path, Path | None]]:
    """Each file the reader ``fmt`` is to read, with the folder given it was found in (None for a file given, or a
    folder its reader takes whole); a folder with no file to read in it refused (``ImportFileError``)."""
    out: list[tuple[Path, Path | None]] = []
    for path in map(Path, paths):
        if not path.is_dir() or reads_folders(fmt):
            out.append((path, None))
            continue
        files = folder_files(path)
        if fmt == "label_studio":  # a config beside its tasks is read with them (``label_studio_config``)
            files = [f for f in files if tasks_of(f) is None]
        if fmt == "prodigy":  # Prodigy's settings beside its datasets: read with them (``prodigy_colors``)
            files = [f for f in files if not is_settings(f)]
        if not files:
            raise ImportFileError(
                str(path),
                f"a folder with no file in it for --format {fmt} to read (hidden files and project files aside); "
                "nothing was imported",
            )
        out += [(f, path) for f in files]
    return out


def in_folder(exc: ImportFileError, folder: Path | None, fmt: str) -> ImportFileError:
    """``exc`` (the reader refused a file) with the folder it was found in and what to do, for a file of a folder."""
    if folder is None:
        return exc
    shown = FORMATS[fmt].shown
    return ImportFileError(
        exc.path,
        f"{exc.reason} (a file of the folder {folder} given: every file in it is read as {shown} with --format "
        f"{fmt}; give the {shown} files alone, or import the folder without --format; nothing was imported)",
        exc.line,
    )
