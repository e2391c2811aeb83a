"""The main window's side panels (document list; entity, event and comment tabs; event editor), built just after
the first paint of the text, or when first used before that (a mixin of MainWindow, split from it to keep each
file to one job). Their docks exist from the start, holding a placeholder, so the window's layout and saved state
apply at once; the panels' modules are imported only when they are built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

from ui import commands as cmd
from ui.palette import label_colors
from ui.panels.documents import least_width as documents_least_width

if TYPE_CHECKING:  # pragma: no cover
    from ui.main_window import MainWindow
    from ui.panels.comments import CommentPanel
    from ui.panels.documents import DocumentPanel
    from ui.panels.entities import EntityPanel
    from ui.panels.event_editor import EventEditor
    from ui.panels.events import EventPanel

DOCKS = (  # name, title, area
    ("documents", "Documents", Qt.DockWidgetArea.LeftDockWidgetArea),
    ("annotations", "Annotations", Qt.DockWidgetArea.RightDockWidgetArea),
    ("event", "Event", Qt.DockWidgetArea.RightDockWidgetArea),
)


class SidePanels:
    """The panel widgets, made together."""

    def __init__(self, window: "MainWindow") -> None:
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
        self.event_editor = EventEditor(window.controller)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.entities, "Entities")
        self.tabs.addTab(self.events, "Events")
        self.tabs.addTab(self.comments, "Comments")


class WindowPanels:
    """Methods of MainWindow (``self`` is the MainWindow)."""

    _side_panels: SidePanels | None = None

    def _make_docks(self: "MainWindow") -> None:
        """The docks, each holding a placeholder until the panels are built."""
        self.docks = {}
        for name, title, area in DOCKS:
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{name}")
            dock.setWidget(QWidget())
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        # the list's least width from the start (its panel comes after the first paint: no reflow of the text then)
        self.docks["documents"].widget().setMinimumWidth(documents_least_width(self))

    @property
    def panels_built(self) -> bool:
        return self._side_panels is not None

    def side_panels(self: "MainWindow") -> SidePanels:
        """The panels, built (put in their docks and wired) the first time they are asked for."""
        if self._side_panels is None:
            self._side_panels = p = SidePanels(self)
            for name, widget in (("documents", p.documents), ("annotations", p.tabs), ("event", p.event_editor)):
                placeholder = self.docks[name].widget()
                self.docks[name].setWidget(widget)
                placeholder.deleteLater()
            self._wire_panels(p)
            p.entities.model.colors = label_colors(self.controller.schema, self.view.palette_name)
        return self._side_panels

    def keep_comment_draft(self: "MainWindow") -> None:
        """A comment written but not added (Enter or Add) is added to its document when the person leaves it (another
        document or project, closing the window), one undoable step: it was dropped at the close, and the next
        document's Enter in the box added it there."""
        c = self.controller
        if c.doc is None or c.project is None or c.project.read_only:
            return
        text = self.comments.take_draft()
        if text and c.run(cmd.AddComment, c.doc.id, text) is not None:
            c.report_status(f"The comment written on {c.doc.name} is added to it (Ctrl+Z takes it back)")

    def _wire_panels(self: "MainWindow", p: SidePanels) -> None:
        c = self.controller
        p.documents.documentActivated.connect(self.open_document_from_list)
        p.entities.entityActivated.connect(self.jump_to_entity)
        p.events.eventActivated.connect(self.jump_to_event)
        p.comments.addRequested.connect(lambda text: c.doc and c.run(cmd.AddComment, c.doc.id, text))
        p.comments.deleteRequested.connect(lambda cid: c.run(cmd.DeleteComment, cid))
        c.documentLeaving.connect(self.keep_comment_draft)
        ed = p.event_editor
        # each edit carries the event as shown: changed elsewhere meanwhile, it is refused (StaleChangeError)
        ed.typeChangeRequested.connect(
            lambda eid, t: (ev := c.events.get(eid)) and self.edit_actions.events.set_type(ev, t)
        )
        ed.attributeChangeRequested.connect(
            lambda eid, n, v: c.run(cmd.SetEventAttribute, eid, n, v, expected=c.events.get(eid))
        )
        ed.fillRequested.connect(lambda ri, ent: self.edit_actions.fill_role(ri, ent))
        ed.removeArgumentRequested.connect(self.edit_actions.events.remove_argument)
        ed.deleteRequested.connect(lambda eid: c.run(cmd.DeleteEvent, eid, expected=c.events.get(eid)))
        ed.argumentClicked.connect(self.jump_to_entity)
        # a click on the Comments tab gives its box the keys: they stayed in the text, where the comment typed
        # next acted as keys ("ok": "o" relabelled the selected span ORDINAL, and accepted it)
        p.tabs.tabBarClicked.connect(
            lambda i: p.tabs.widget(i) is p.comments and QTimer.singleShot(0, p.comments.edit.setFocus)
        )
        for panel in (ed, p.documents, p.tabs):  # F4 or F6 goes in, Escape comes back
            back = QShortcut(QKeySequence("Escape"), panel, self.back_to_text)
            back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    @property
    def documents(self: "MainWindow") -> "DocumentPanel":
        return self.side_panels().documents

    @property
    def entities(self: "MainWindow") -> "EntityPanel":
        return self.side_panels().entities

    @property
    def events(self: "MainWindow") -> "EventPanel":
        return self.side_panels().events

    @property
    def comments(self: "MainWindow") -> "CommentPanel":
        return self.side_panels().comments

    @property
    def event_editor(self: "MainWindow") -> "EventEditor":
        return self.side_panels().event_editor

    @property
    def tabs(self: "MainWindow") -> QTabWidget:
        return self.side_panels().tabs
