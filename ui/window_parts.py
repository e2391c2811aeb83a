"""The main window as its own parts see it (``ui.main_window.MainWindow`` is it): the window is one class split over
files to keep each to one job: its menus (ui/menus.py), files and background work (ui/window_files.py),
pre-annotation (ui/window_preannotation.py), keyboard flow (ui/window_flow.py), status line (ui/window_status.py),
close (ui/window_closing.py) and side panels (ui/window_panels.py). This type names what a part takes from the window
and from the other parts, so that no part imports the window that is made of it (the acyclic contract in
pyproject.toml holds that). tests/ui/test_window_parts.py holds it to the window: every name declared here the
window has, every name a part uses of the rest is declared here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

from ui.window_face import WindowFace

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QProgressBar, QPushButton, QTabWidget, QToolBar

    from ui.after_paint import AfterPaint
    from ui.editing import EditActions
    from ui.elided import ElidedLabel
    from ui.moved_bar import MovedBar
    from ui.panels.documents import DocumentPanel
    from ui.panels.event_editor import EventEditor
    from ui.panels.find_bar import FindBar
    from ui.panels.legend import Legend
    from ui.places import PlaceMemory
    from ui.side_panels import SidePanels
    from ui.workers import Worker


class WindowParts(WindowFace, Protocol):
    """What the window's parts take from each other and from the window (``WindowFace``: what its dialogs take)."""

    # made by the window (ui/main_window.py)
    pipeline: "str | Callable[[], Any] | None"
    auto_preannotate: bool
    edit_actions: "EditActions"
    after_view_paint: "AfterPaint"
    title: "ElidedLabel"
    categories_shown: "ElidedLabel"
    legend: "Legend"
    find_bar: "FindBar"
    moved_bar: "MovedBar"
    progress_label: "QLabel"
    progress_bar: "QProgressBar"
    cancel_button: "QPushButton"
    reviewed_label: "QLabel"
    work_label: "QLabel"
    opens_named: "set[int]"
    places: "PlaceMemory"
    _docks_restored: bool  # the docks' places and sizes of a last run restored (not a first start)

    def open_project(self, path: str | Path) -> bool: ...

    def open_document(self, doc_id: int) -> None: ...

    def jump_to_entity(self, entity_id: int) -> None: ...

    def jump_to_event(self, event_id: int) -> None: ...

    def zoom(self, step: int) -> None: ...

    def set_show_rejected(self, on: bool) -> None: ...

    def settings_dialog(self) -> None: ...

    def shortcuts_dialog(self) -> None: ...

    # made by the menus (ui/menus.py)
    recent_menu: "QMenu"

    # files and work (ui/window_files.py)
    def new_project(self) -> None: ...

    def open_project_dialog(self) -> None: ...

    def close_project_asked(self) -> None: ...

    def clear_line(self) -> None: ...

    def save_copy_of_project(self) -> None: ...

    def confirm_lose_only_copy(self) -> bool: ...

    def fill_recent_menu(self) -> None: ...

    def import_files_dialog(self) -> None: ...

    def import_folder_dialog(self) -> None: ...

    def import_format_dialog(self) -> None: ...

    def export_dialog(self) -> None: ...

    # pre-annotation (ui/window_preannotation.py)
    def preannotate_new_documents(self, said_before: str = "") -> None: ...

    def preannotate_all(self) -> None: ...

    def preannotate_document(self) -> None: ...

    def preannotate_tokens(self) -> None: ...

    def waiting_for_other_run(self) -> str: ...

    # files and work again (ui/window_files.py)
    def preannotating(self) -> bool: ...

    def importing(self) -> bool: ...

    def start_worker(
        self, worker: "Worker", after: "Callable[[], None] | None" = None, said_before: str = "", note: bool = False
    ) -> None: ...

    # the keyboard flow (ui/window_flow.py)
    def undecided_count(self) -> int: ...

    # the status line (ui/window_status.py)
    def describe_current_entity(self) -> None: ...

    def forget_note(self, *_: object) -> None: ...

    def end_note(self, message: str) -> None: ...

    # the keyboard flow again (ui/window_flow.py)
    def remember_place(self) -> None: ...

    def carry_place(self, new_path: str | Path) -> None: ...

    def mark_annotated_and_next(self) -> None: ...

    def mark_reviewed(self) -> None: ...

    def accept_scored(self) -> None: ...

    def step_document(self, step: int) -> None: ...

    def open_document_from_list(self, doc_id: int) -> None: ...

    def into_event_editor(self) -> None: ...

    def focus_pane(self, step: int) -> None: ...

    def toggle_side_panels(self) -> None: ...

    # the side panels (ui/window_panels.py)
    docks: "dict[str, QDockWidget]"

    @property
    def panels_built(self) -> bool: ...

    def side_panels(self) -> "SidePanels": ...

    def show_title(self) -> None: ...

    def document_list(self) -> "DocumentPanel": ...

    @property
    def documents(self) -> "DocumentPanel": ...

    @property
    def event_editor(self) -> "EventEditor": ...

    @property
    def tabs(self) -> "QTabWidget": ...

    # Qt's own (QMainWindow)
    def addDockWidget(self, area: "Qt.DockWidgetArea", dock: "QDockWidget") -> None: ...  # noqa: N802 (Qt name)

    def addToolBar(self, toolbar: "QToolBar") -> None: ...  # noqa: N802 (Qt name)

    def dockWidgetArea(self, dock: "QDockWidget") -> "Qt.DockWidgetArea": ...  # noqa: N802 (Qt name)

    def resizeDocks(  # noqa: N802 (Qt name)
        self, docks: "list[QDockWidget]", sizes: list[int], orientation: "Qt.Orientation"
    ) -> None: ...

    def tabifiedDockWidgets(self, dock: "QDockWidget") -> "list[QDockWidget]": ...  # noqa: N802 (Qt name)

    def close(self) -> bool: ...
