"""A merge run by another program (``annotator merge``) into the open project, said in the window's line when the
poll reads its commit (``Controller.outsideCommit``): the list and the open document already followed the file, with
nothing saying a merge had come (session 35). The words are ``teams.merge_seen``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.errors import AnnotatorError
from annotator.teams.merge_seen import last_change, merge_line, merges_after

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_face import WindowFace


class MergesIn(QObject):
    """Reads the change log past the row last seen at each commit of another program; a merge there is said."""

    def __init__(self, window: "WindowFace") -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window_face = window
        self.seen = 0  # the change log's last row read (at the open, then at each outside commit)
        self.own_merges = 0  # this window's own merges running (File > Merge…): their line says them, not this one
        c = window.controller
        c.projectChanged.connect(self.start)
        c.outsideCommit.connect(self.read)  # after the line naming a program opened meanwhile: this one wins

    def start(self) -> None:
        """A project opened (or closed): its merges to come are those after its log's last row now."""
        p = self.window_face.controller.project
        try:
            self.seen = last_change(p) if p is not None else 0
        except AnnotatorError:  # the file unreadable: the open says so; nothing is said here
            self.seen = 0

    def read(self) -> None:
        """Another program committed: its merges, if any, said in the line."""
        c = self.window_face.controller
        if c.project is None:
            return
        try:
            seen = merges_after(c.project, self.seen)
        except AnnotatorError:  # read at the next commit
            return
        self.seen = seen.last_id
        if seen and not self.own_merges:
            self.window_face.show_note(merge_line(seen, c.doc.id if c.doc is not None else None))
