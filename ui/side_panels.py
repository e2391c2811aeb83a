"""The side panels' widgets, made together the first time they are needed (after the text's first paint):
the document list, the entity, event and comment lists in their tabs, the event editor. The window's part that
puts them in their docks and wires them is ui/window_panels.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget

from ui.panels.document_widths import least_width as documents_least_width

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


class SidePanels:
    """The panel widgets, made together."""

    def __init__(self, controller: "Controller") -> None:
        from ui.panels.comments import CommentPanel
        from ui.panels.documents import DocumentPanel
        from ui.panels.entities import EntityPanel
        from ui.panels.event_editor import EventEditor
        from ui.panels.events import EventPanel

        self.documents = DocumentPanel()
        self.documents.setMinimumWidth(documents_least_width(self.documents))
        self.entities = EntityPanel()
        self.events = EventPanel()
        self.comments = CommentPanel()
        self.event_editor = EventEditor(controller)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.entities, "Entities")
        self.tabs.addTab(self.events, "Events")
        self.tabs.addTab(self.comments, "Comments")
