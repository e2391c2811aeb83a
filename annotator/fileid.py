"""Which file is which: device and inode, never the name.

A project file is known by the file it was opened as (device, inode). Exports refuse an output that is an
open project, its ``-wal``/``-shm``, or any annotator project; an open project notices when the file at its
path is no longer the one it holds (renamed, moved, replaced, hard-linked).
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import Iterator, Protocol

from annotator.errors import ExportTargetError
from annotator.own_descriptors import OWN_DESCRIPTORS, descriptors_of
from annotator.wording import first_named

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x414E4E4F  # "ANNO" (as migrations.APPLICATION_ID), at byte 68 of the file header
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
KEPT_SUFFIX = "-kept"  # a project's journal of kept edits (``kept_journal``): <project>-kept, -kept-2 ... -kept-8
KEPT_MAX = 8
KEPT_HEAD = b'{"kept_journal":'  # how such a journal's first line starts

Identity = tuple[int, int]


class OpenFile(Protocol):
    path: Path
    identity: Identity | None


_OPEN: "weakref.WeakSet[OpenFile]" = weakref.WeakSet()


def identity(path: str | Path) -> Identity | None:
    """(device, inode) of the file at ``path`` (following symlinks), or None if there is none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def process_has_open(pid: int, path: str | Path) -> bool | None:
    """Whether process ``pid`` has the file at ``path`` open (a descriptor of it on the file's device and inode, read
    from ``/proc/PID/fd``); None where that cannot be told (no such file, no ``/proc``, another user's process)."""
    wanted = identity(path)
    if wanted is None:
        return None
    try:
        names = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return None
    return any(identity(f"/proc/{pid}/fd/{name}") == wanted for name in names)


def sqlite_uri(path: str | Path, **params: str | int) -> str:
    """An SQLite ``file:`` URI for ``path`` with every special character (``#``, ``?``, ``%``) encoded."""
    uri = Path(os.path.abspath(path)).as_uri()  # percent-encodes the bytes of the name
    if params:
        uri += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return uri


def register_open(project: OpenFile) -> None:
    """Remember an open project so that no export in this process can replace it."""
    _OPEN.add(project)


def forget_open(project: OpenFile) -> None:
    _OPEN.discard(project)


def _protected() -> Iterator[tuple[Identity, Path]]:
    for p in list(_OPEN):
        if p.identity is not None:
            yield p.identity, p.path
        for suffix in SIDE_SUFFIXES:
            side = identity(f"{p.path}{suffix}")
            if side is not None:
                yield side, Path(f"{p.path}{suffix}")


def open_here(path: str | Path) -> bool:
    """True when the file at ``path`` is a project this process has open. Never read such a file with a plain
    ``open()``: POSIX drops every lock the process holds on a file when any descriptor of it is closed, SQLite's
    connection included; another program closing the file then takes itself for its last user and deletes the
    ``-wal`` and ``-shm`` under the open project ("disk I/O error")."""
    ident = identity(path)
    return ident is not None and is_open(ident)


def is_open(ident: Identity) -> bool:
    """True when this process has the file ``ident`` (device, inode) open as a project."""
    return any(p.identity == ident for p in list(_OPEN))


def open_at_name(path: Path) -> bool:
    """True when this process has a project open by the name ``path`` (whatever file is there now)."""
    return any(Path(p.path) == path for p in list(_OPEN))


def is_annotator_project(path: str | Path) -> bool:
    """True for an SQLite file marked as an annotator project (its header's application id)."""
    if open_here(path):
        return True  # not read: see open_here
    try:
        with open(path, "rb") as fh:
            head = fh.read(72)
    except OSError:
        return False
    return len(head) == 72 and head[:16] == SQLITE_MAGIC and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def refuse_project_target(target: str | Path) -> None:
    """Raise ExportTargetError if writing ``target`` would replace a project file or one of its side files."""
    target = Path(target)
    ident = identity(target)
    if ident is not None:
        for protected, path in _protected():
            if protected == ident:
                raise ExportTargetError(
                    f"{target}: is the open project file {path} (or one of its side files); "
                    "choose another name to export to; nothing was written"
                )
        if not target.is_dir() and is_annotator_project(target):
            raise ExportTargetError(
                f"{target}: is an annotator project file; an export never replaces a project; "
                "choose another name; nothing was written"
            )
    name = target.name
    base = kept_journal_of(name)
    if base is not None and (is_annotator_project(target.with_name(base)) or _starts_with(target, KEPT_HEAD)):
        raise ExportTargetError(
            f"{target}: is the journal of kept edits of the project {target.with_name(base)} (edits waiting to be "
            "saved); choose another name; nothing was written"
        )
    for suffix in SIDE_SUFFIXES:
        if name.endswith(suffix) and is_annotator_project(target.with_name(name[: -len(suffix)])):
            raise ExportTargetError(
                f"{target}: is a side file of the project {target.with_name(name[: -len(suffix)])}; "
                "choose another name; nothing was written"
            )


def kept_journal_of(name: str) -> str | None:
    """The name of the project whose journal of kept edits a file named ``name`` would be (``p.annotator-kept``,
    ``p.annotator-kept-2`` ... ``-kept-8``: ``p.annotator``), or None."""
    if name.endswith(KEPT_SUFFIX):
        return name[: -len(KEPT_SUFFIX)] or None
    head, _, n = name.rpartition("-")
    if head.endswith(KEPT_SUFFIX) and len(head) > len(KEPT_SUFFIX) and n.isdigit() and 2 <= int(n) <= KEPT_MAX:
        return head[: -len(KEPT_SUFFIX)]
    return None


def _starts_with(path: Path, head: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(head)) == head
    except OSError:
        return False


FOLDER_EXPORT_FILES = (".txt", ".ann", ".conf", ".tsv")  # what a brat export holds: never a project, not opened to look


BRAT_CONFS = ("annotation.conf", "visual.conf")  # the .conf files a brat export writes (not tools.conf, ...)
# the .conf files a brat export writes where the schema asks (label keys, a corpus's tools.conf), each told from a brat server's own, the
# user's, by its first line
BRAT_WRITTEN = {
    "kb_shortcuts.conf": b"# kb_shortcuts.conf written by annotator",
    "tools.conf": b"# tools.conf written by annotator",
}
BRAT_CACHES = (".stats_cache", ".DS_Store")  # made again by brat's server and the Finder: a former export holds them


WEBANNO_HEAD = b"#FORMAT=WebAnno TSV 3"  # the start of a .tsv file a WebAnno TSV export writes


def _is_ours(path: str, head: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(head)) == head
    except OSError:
        return False


def _is_webanno(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(WEBANNO_HEAD)) == WEBANNO_HEAD
    except OSError:
        return False


def foreign_files(folder: Path) -> list[str]:
    """The files of ``folder`` (searched through subfolders) that a folder export (brat, WebAnno TSV) does not write,
    as paths relative to it: anything but NAME.txt with its NAME.ann beside it (and the .ann of such a .txt),
    ``BRAT_CONFS``, ``BRAT_WRITTEN`` (ours alone), ``BRAT_CACHES`` and WebAnno TSV files."""
    out = []
    for root, _, files in os.walk(folder):
        names = set(files)
        for name in files:
            stem, dot, suffix = name.rpartition(".")
            paired = dot and (
                (suffix == "txt" and f"{stem}.ann" in names) or (suffix == "ann" and f"{stem}.txt" in names)
            )
            webanno = suffix == "tsv" and _is_webanno(os.path.join(root, name))
            ours = name in BRAT_WRITTEN and _is_ours(os.path.join(root, name), BRAT_WRITTEN[name])
            if not (paired or webanno or ours or name in BRAT_CONFS or name in BRAT_CACHES):
                out.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(out)


def refuse_project_folder(target: str | Path, kind: str = "a brat export") -> None:
    """Raise ExportTargetError if replacing the folder ``target`` (a folder export, ``kind``: brat, WebAnno TSV) would
    take a project file with it (the folder of an open project or one above it, or a folder holding any annotator
    project file), or any file such an export does not write (``foreign_files``: a folder of the user's own files,
    not a former export)."""
    target = Path(target)
    if not target.is_dir():
        return
    folder = target.resolve()

    def refuse(path: Path) -> None:
        raise ExportTargetError(
            f"{target}: holds the project file {path}; {kind} replaces its whole folder; "
            "choose another folder; nothing was written"
        )

    for p in list(_OPEN):
        try:
            if folder in Path(p.path).resolve().parents:
                refuse(Path(p.path))
        except OSError:
            continue
    for root, _, files in os.walk(folder):
        for name in files:
            if not name.lower().endswith(FOLDER_EXPORT_FILES) and is_annotator_project(os.path.join(root, name)):
                refuse(Path(root) / name)
    foreign = foreign_files(folder)
    if foreign:
        named = first_named(foreign, 3)
        raise ExportTargetError(
            f"{target}: holds files {kind} does not write ({named}); {kind} replaces its whole "
            f"folder: choose a new or empty folder, or a former {kind.split(' ', 1)[1]}; nothing was written"
        )


def find_by_identity(folder: Path, wanted: Identity, limit: int = 5000, besides: Path | None = None) -> Path | None:
    """A name in ``folder`` for the file ``wanted`` (where a renamed project went, or its other hard link; not
    ``besides``), if one is found quickly."""
    try:
        with os.scandir(folder) as it:
            for n, entry in enumerate(it):
                if n >= limit:
                    return None
                if besides is not None and entry.name == besides.name:
                    continue
                try:
                    st = entry.stat()
                except OSError:
                    continue
                if (st.st_dev, st.st_ino) == wanted:
                    return Path(entry.path)
    except OSError:
        return None
    return None


def where_now(wanted: Identity) -> Path | None:
    """The name the file ``wanted``, open in this process, has now, in whatever folder of its file system it was moved
    to (read from the process's own descriptor of it, ``/proc/self/fd``); None when it has none (deleted) or it
    cannot be told (another system)."""
    held = descriptors_of(wanted)
    if held is None:
        return None
    for fd, _st in held:
        try:
            target = os.readlink(f"{OWN_DESCRIPTORS}/{fd}")
        except OSError:
            continue
        if target.endswith(" (deleted)") or identity(target) != wanted:
            return None
        return Path(target)
    return None


def deleted_while_open(wanted: Identity) -> bool:
    """True when the file ``wanted``, open in this process, has no name left in any folder (deleted: its link count,
    read from the process's own descriptor of it, is 0): what is open is the only copy. False when it has a name or it
    cannot be told (no ``/proc/self/fd``: another system)."""
    held = descriptors_of(wanted)
    first = next(held, None) if held is not None else None
    return first is not None and first[1].st_nlink == 0


def remove_made_empty(path: Path) -> None:
    """Remove the empty file (and its empty side files) a failed creation of a project left at ``path``."""
    for side in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            if side.is_file() and side.stat().st_size == 0:
                side.unlink()
        except OSError:
            continue
