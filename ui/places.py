"""Where the person was in each document of a project: the caret and the first character in view, kept per project
in the preferences (QSettings ``places/<project path>``) and written a moment after the last move, so that a reopened
project (after a close, or a kill -9) and a document opened again show the text where it was left.

The value is ``doc:caret:top`` items, the most recent first (the first is the document open last, the one a reopen
shows); session 6's ``doc:caret`` (no top) is still read. At most ``KEPT`` documents a project. The file's device and
inode note the name its places were written under (``place_files/<device>-<inode>``): a project renamed or moved while
closed finds them there (session 29; it opened at its first document)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer

from annotator import fileid

if TYPE_CHECKING:
    from ui.controller import Controller
    from ui.document_view import DocumentView
    from ui.settings import AppSettings

KEPT = 50  # documents' places kept a project, the most recent
WRITE_AFTER_MS = 1000  # written once the caret and the view have been still this long (a kill loses at most that)


class Place(NamedTuple):
    """A document's caret and the first character in view (None: not known, an older value), in code points; a plain
    pair to the view (``DocumentView.show_place``), which imports nothing of this module."""

    caret: int
    top: int | None = None


def place_key(path: str | Path) -> str:
    """The preferences' key of the project at ``path`` (by its full name: a renamed file carries its value over)."""
    return f"places/{Path(path).resolve()}".replace("\\", "/")


def file_key(ident: tuple[int, int]) -> str:
    """The preferences' key of the name the file ``ident`` (device, inode) had when its places were last written: a
    project renamed or moved while closed keeps its inode, and its places (kept by name) follow it from there."""
    return f"place_files/{ident[0]}-{ident[1]}"


def moved_from(settings: "AppSettings", path: str | Path, ident: tuple[int, int] | None) -> str | None:
    """The key of the places the file at ``path`` had under the name it was left at, when that name is another and no
    longer this file (renamed or moved since; not a copy, another file, nor a hard link, still this file there)."""
    if ident is None:
        return None
    old = settings.q.value(file_key(ident))
    if not old or place_key(old) == place_key(path) or fileid.identity(str(old)) == ident:
        return None
    return place_key(str(old))


def read_places(value: object) -> dict[int, Place]:
    """The places a stored value holds, the most recent first; an item that does not read is skipped."""
    out: dict[int, Place] = {}
    for item in str(value or "").split():
        try:
            numbers = [int(x) for x in item.split(":")]
        except ValueError:
            continue
        if len(numbers) in (2, 3) and min(numbers) >= 0 and numbers[0] not in out:
            out[numbers[0]] = Place(numbers[1], numbers[2] if len(numbers) == 3 else None)
    return out


def write_places(places: dict[int, Place]) -> str:
    """The stored value of ``places`` (the most recent first), at most ``KEPT`` of them."""
    items = list(places.items())[:KEPT]
    return " ".join(f"{d}:{p.caret}" if p.top is None else f"{d}:{p.caret}:{p.top}" for d, p in items)


class PlaceMemory(QObject):
    """The open project's places: read when it opens, the current document's noted and written a moment after the
    caret or the view last moved (one timer restarted; nothing else a key), at once when the document is left."""

    def __init__(self, controller: "Controller", view: "DocumentView", settings: "AppSettings") -> None:
        super().__init__(view)
        self.controller, self.view, self.settings = controller, view, settings
        self.places: dict[int, Place] = {}
        self.key: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WRITE_AFTER_MS)
        self.timer.timeout.connect(self.write)
        view.cursorPositionChanged.connect(self._moved)
        view.verticalScrollBar().valueChanged.connect(self._moved)
        controller.projectChanged.connect(self._on_project)
        controller.documentLeaving.connect(self.write)
        view.place_of = self.place_of

    def _moved(self, *_: object) -> None:
        if self.key is not None:
            self.timer.start()

    def _on_project(self) -> None:
        p = self.controller.project
        self.timer.stop()
        self.key = place_key(p.path) if p is not None else None
        self.places = read_places(self.settings.q.value(self.key)) if self.key is not None else {}
        if p is not None and not self.places and (old := moved_from(self.settings, p.path, p.identity)) is not None:
            self.places = read_places(self.settings.q.value(old))  # renamed or moved while closed: its places follow

    def saved(self, path: str | Path) -> tuple[int, int] | None:
        """(document id, caret) where the project at ``path`` was left, if it was (under another name it had before
        a rename or a move while closed too)."""
        places = read_places(self.settings.q.value(place_key(path)))
        if not places and (old := moved_from(self.settings, path, fileid.identity(path))) is not None:
            places = read_places(self.settings.q.value(old))
        first = next(iter(places.items()), None)
        return (first[0], first[1].caret) if first is not None else None

    def place_of(self, doc_id: int) -> Place | None:
        """Where document ``doc_id`` was left (this run or one before), if it was: the view's load shows it."""
        return self.places.get(doc_id)

    def note(self) -> None:
        """The current document's place noted (the most recent), not yet written."""
        c, v = self.controller, self.view
        if self.key is None or c.doc is None or c.project is None or v.refused:
            return
        rest = {d: p for d, p in self.places.items() if d != c.doc.id}
        self.places = {c.doc.id: Place(v.caret_cp(), v.top_cp()), **rest}

    def write(self) -> None:
        """The current document's place noted and the project's places written (the preferences file, synced)."""
        self.timer.stop()
        self.note()
        if self.key is None or not self.places:
            return
        self.settings.q.setValue(self.key, write_places(self.places))
        p = self.controller.project
        if p is not None and p.identity is not None:
            self.settings.q.setValue(file_key(p.identity), str(Path(p.path).resolve()))
        self.settings.q.sync()

    def carry(self, new_path: str | Path) -> None:
        """The places kept under ``new_path`` too, the name the project's file has now (renamed or moved while open)."""
        self.write()
        if self.key is not None and self.places:
            self.settings.q.setValue(place_key(new_path), write_places(self.places))
            self.settings.q.sync()
