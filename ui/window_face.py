"""What the dialogs and the menus added after the main ones (Review, Project) use of the main window
(``ui.main_window.MainWindow`` is it): a type of its own, so that they need not import the window that imports
them. The window's own parts see more of it: ``ui.window_parts.WindowParts`` extends this."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QAction, QScreen
    from PySide6.QtWidgets import QMenuBar

    from ui.controller import Controller
    from ui.document_view import DocumentView
    from ui.settings import AppSettings
    from ui.status_line import StatusLine
    from ui.workers import ImportFormatWorker, ImportWorker, Worker


class WindowFace(Protocol):
    """The main window as its dialogs and late menus see it."""

    controller: "Controller"
    view: "DocumentView"
    settings: "AppSettings"
    message: "StatusLine"
    workers: "list[Worker]"
    actions_by_name: "dict[str, QAction]"

    def show_error(self, message: str) -> None: ...

    def alert(self, title: str, message: str) -> None: ...

    def back_to_text(self) -> None: ...

    def show_note(self, message: str) -> None: ...

    def end_note(self, message: str) -> None: ...

    def start_worker(
        self, worker: "Worker", after: Callable[[], None] | None = None, said_before: str = "", note: bool = False
    ) -> None: ...

    def import_again(
        self,
        worker: "ImportWorker | ImportFormatWorker",
        paths: list[str],
        add_types: bool,
        mapped: dict[str, str],
        encoding: str | None,
    ) -> None: ...

    def menuBar(self) -> "QMenuBar": ...  # noqa: N802 (Qt name)

    def screen(self) -> "QScreen": ...

    def width(self) -> int: ...

    def isVisible(self) -> bool: ...  # noqa: N802 (Qt name)

    def activateWindow(self) -> None: ...  # noqa: N802 (Qt name)
