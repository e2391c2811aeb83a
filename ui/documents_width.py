"""The document list's dock width: fitted to the project's names within reason (the names whole beside the Status,
at most ``MOST_SHARE`` of the window, never narrower than the window's share for it), until the person moves its
edge; a width the person chose is theirs, kept from run to run (the window's saved state holds it, the settings
whether it is theirs)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt

from ui.panels.document_widths import content_width, counts_room, least_width

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QDockWidget, QMainWindow

MOST_SHARE = 22  # per cent of the window's width the list may take for its names (300 px at 1366, 422 at 1920)
COUNTS_SHARE = 26  # in a narrower window, what a team's list may take to keep the counts in sight beside a name's
# floor (355 px at 1366: the Status with its marker and the Adj column did not fit in 300, the counts scrolled away)
OWN_KEY = "window/documents_width_own"  # the person moved the list's edge: their width, never fitted again
WIDE_WINDOW = 1600  # from this width the text is wider than it reads well: the counts may add to the list's share
SLACK = 2  # pixels a dock's width may differ from the one set (the separator's rounding) and still be the app's


def share_width(window_width: int) -> int:
    """The list's width as a share of the window's (the start's proportion, before it was fitted to the names)."""
    return max(170, window_width * 16 // 100)


class DocumentsWidth:
    """Fits the list's dock to the names shown while the width is the app's; ``keep`` at the close notes whether it
    is the person's."""

    def __init__(self, window: "QMainWindow", dock: "QDockWidget", settings: QSettings) -> None:
        self.window, self.dock, self.settings = window, dock, settings
        self.fitted: int | None = None  # the width this run set, while the person has not moved it
        own = settings.value(OWN_KEY, False)
        self.own = own is True or str(own).lower() == "true"

    def moved(self) -> bool:
        """The person moved the list's edge since the app last fitted it (or in a run before)."""
        if not self.own and self.fitted is not None and self.dock.isVisible():
            self.own = abs(self.dock.width() - self.fitted) > SLACK
        return self.own

    def fit(self, names: Iterable[str], marked: bool = False) -> None:
        """The dock as wide as the widest of ``names`` needs beside the Status column (and the count
        columns in a window of ``WIDE_WINDOW``, where they add to the share), between the window's share for it and ``MOST_SHARE``
        of the window; nothing when the width is the person's or the dock not shown."""
        if self.moved() or self.dock.isFloating() or self.dock.isHidden():
            return
        room, panel = self.window.width(), self.dock.widget()
        counts = counts_room(panel, marked)  # the same before the rows and after them
        width = content_width(panel, names, marked, counts)
        most = room * MOST_SHARE // 100
        if room >= WIDE_WINDOW:
            most += counts  # 422 + 90 px at 1920
        elif marked:  # a team's: the Status with its marker and the Adj column beside a name cut to its floor
            # (session 38: they did not fit in the 300 px at 1366, the counts scrolled sideways), within COUNTS_SHARE
            most = max(most, min(least_width(panel, marked) + counts, room * COUNTS_SHARE // 100))
        width = min(max(width, share_width(room)), most)
        if abs(self.dock.width() - width) > SLACK:
            self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        self.fitted = width

    def keep(self) -> None:
        """At the close: whether the width the window saves is the person's (then never fitted again)."""
        self.settings.setValue(OWN_KEY, self.moved())
