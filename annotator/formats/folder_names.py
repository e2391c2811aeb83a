"""The names documents of plain files found in a folder's subfolders get: their path in that folder."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable


def names_in_folders(paths: Iterable[str | Path], files: Iterable[Path]) -> dict[Path, str]:
    """The name each of ``files`` found in a subfolder of a folder among ``paths`` gives its document: its path in
    that folder (``2009/01/001.txt``), as the brat and WebAnno readers name theirs (and their exports write them back
    there); a file at a folder's top is not in it. It was the file's name alone: the year/month folders' 001.txt
    files became "001.txt", "001.txt (2)", ..., which no export tied to their files."""
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    out: dict[Path, str] = {}
    for f in files:
        for folder in folders:
            if f.parent != folder and folder in f.parents:
                out[f] = f.relative_to(folder).as_posix()
                break
    return out
