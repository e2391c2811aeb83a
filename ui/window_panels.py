"""The main window's side panels (document list; entity, event and comment tabs; event editor), built just after
the first paint of the text, or when first used before that (a mixin of MainWindow, split from it to keep each
file to one job). Their docks exist from the start, holding a placeholder, so the window's layout and saved state
apply at once; the panels' modules are imported only when they are built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

from annotator.categories import document_categories
from annotator.comment_drafts import draft_of, keep_draft
from annotator.errors import BusyError, SaveError
from annotator.teams.sets import annotators_by_document
from ui import commands as cmd
from ui.palette import label_colors
from ui.plain import categories_line, state_shown
from ui.panels.events import list_order
from ui.documents_width import DocumentsWidth, share_width
from ui.panels.document_widths import NAMES_MEASURED
from ui.panels.document_widths import least_width as documents_least_width
from ui.rows_arrival import RowsArrival
from ui.side_panels import SidePanels
from ui.widget_tools import lay_out_now

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_parts import WindowParts as _Window
    from ui.panels.comments import CommentPanel
    from ui.panels.documents import DocumentPanel
    from ui.panels.entities import EntityPanel
    from ui.panels.event_editor import EventEditor
    from ui.panels.events import EventPanel
else:
    _Window = object  # a part of the window: what it takes from the rest is WindowParts

# a document of up to this many spans and events has its side lists filled at the switch, drawn once with the text
# (a seed's fill: 2-3 ms of CPU); a longer one's after the text is drawn (1 MB, 32,000 rows: 66-83 ms). Session 34.
PANELS_AT_ONCE_ROWS = 2000
ANNOTATIONS_LEAST_ROWS = 5  # rows of the entity list kept when the event panel grows for an event's roles
DOCKS = (  # name, title, area
    ("documents", "Documents", Qt.DockWidgetArea.LeftDockWidgetArea),
    ("annotations", "Annotations", Qt.DockWidgetArea.RightDockWidgetArea),
    ("event", "Event", Qt.DockWidgetArea.RightDockWidgetArea),
)


class WindowPanels(_Window):
    """Methods of MainWindow (``self`` is the MainWindow)."""

    _side_panels: SidePanels | None = None
    _draft_of: tuple[object, int] | None = None  # (project, document) whose kept draft the comment box was given
    _split_fitted = (
        False  # the right-hand docks' split fitted to the schema's events (once a run: a later start only grows it)
    )

    def _make_docks(self) -> None:
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
        self.documents_width = DocumentsWidth(self, self.docks["documents"], self.settings.q)

    def size_docks(self) -> None:
        """The text column gets the room: side panels in proportion to the window (F8 hides them); the list as the app
        fitted it to the project's names and counts, when it did (a share of its own made the list's width look the
        person's: never fitted again)."""
        fitted = self.documents_width.fitted
        listed = fitted if fitted is not None and not self.documents_width.moved() else share_width(self.width())
        self.resizeDocks(
            [self.docks["documents"], self.docks["annotations"]],
            [listed, max(300, self.width() * 27 // 100)],
            Qt.Orientation.Horizontal,
        )

    def keep_dock_shares(self, before: int, now: int) -> None:
        """The side docks keep their share of the window's width when it changes (as a splitter's panes do): Qt gives
        all of it to the text, so the event panel opened at 1366 and maximised at 1920 stayed 368 px, cutting the
        event list's columns beside a text 1,100 px wide, and one of 1920 shrunk to 1366 left the text 470 px."""
        if before <= 0 or now <= 0 or before == now:
            return
        docks = [
            d
            for d in (self.docks["documents"], self.docks["annotations"])
            if d.isVisible() and not d.isFloating() and d.width() > 0
        ]
        if not docks:
            return
        own = self.documents_width.moved()  # before the widths change: a list the person widened stays theirs
        widths = [max(1, d.width() * now // before) for d in docks]
        self.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
        if not own and self.docks["documents"] in docks:
            self.documents_width.fitted = widths[docks.index(self.docks["documents"])]

    def fit_documents_to_names(self) -> None:
        """The list's dock fitted to the open project's longest names before the text is first drawn (the rows come
        after that paint: fitted then, the text reflowed under the reader's eyes)."""
        p = self.controller.project
        if p is not None:
            self.documents_width.fit(p.db.longest_names(NAMES_MEASURED))

    @property
    def panels_built(self) -> bool:
        return self._side_panels is not None

    def side_panels(self) -> SidePanels:
        """The panels, built (put in their docks and wired) the first time they are asked for."""
        if self._side_panels is None:
            self._side_panels = p = SidePanels(self.controller)
            for name, widget in (("documents", p.documents), ("annotations", p.tabs), ("event", p.event_editor)):
                placeholder = self.docks[name].widget()
                self.docks[name].setWidget(widget)
                placeholder.deleteLater()
            self._wire_panels(p)
            lay_out_now()  # in their docks: the event panel's width known for its measure
            self.fit_event_split()  # the start's split (here, not after: a close before it came found no project)
            p.entities.model.colors = label_colors(self.controller.schema, self.view.palette_name)
        return self._side_panels

    def keep_comment_draft(self) -> None:
        """A comment written but not added (Enter or Add) is added to its document when the person leaves it (another
        document or project, closing the window), one undoable step: it was dropped at the close, and the next
        document's Enter in the box added it there."""
        c = self.controller
        self._draft_of = None  # the box is the next document's: its draft shown when it is
        if c.doc is None or c.project is None or c.project.read_only:
            return
        text = self.comments.take_draft()
        if text and self.add_comment(text):  # said on the next document: a note is
            self._said_on_leaving = f"The comment written on {c.doc.name} is added to it (Ctrl+Z takes it back)"

    def add_comment(self, text: str) -> bool:
        """``text`` added to the current document as a comment (one undoable step), its draft kept in the file let go
        once added (one not added stays there, shown again when the document is)."""
        c = self.controller
        if c.doc is None or c.run(cmd.AddComment, c.doc.id, text) is None:
            return False
        self.keep_draft("")
        return True

    def keep_draft(self, text: str) -> None:
        """The comment box's words kept in the file as the current document's draft (``comment_drafts``): what is
        typed outlives a crash. Another program writing: tried again at the next pause, the GUI never waits."""
        c = self.controller
        if c.doc is None or c.project is None or c.project.read_only:
            return
        try:
            with c.project.lock_wait(0):
                keep_draft(c.project, c.doc.id, text)
        except BusyError:
            if text == self.comments.edit.text():  # still the box's: tried again after the next pause
                self.comments.draft_pause.start()
        except SaveError as exc:
            c.report_failure(exc)

    def _wire_panels(self, p: SidePanels) -> None:
        c = self.controller
        p.documents.documentActivated.connect(self.open_document_from_list)
        p.entities.entityActivated.connect(self.jump_to_entity)
        p.events.eventActivated.connect(self.jump_to_event)
        p.comments.addRequested.connect(self.add_comment)
        p.comments.draftTyped.connect(self.keep_draft)
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
        self.edit_actions.events.show_role = self._show_role
        # a click on the Comments tab gives its box the keys: they stayed in the text, where the comment typed
        # next acted as keys ("ok": "o" relabelled the selected span ORDINAL, and accepted it)
        p.tabs.tabBarClicked.connect(
            lambda i: p.tabs.widget(i) is p.comments and QTimer.singleShot(0, p.comments.edit.setFocus)
        )
        for panel in (ed, p.documents, p.tabs):  # F4 or F6 goes in, Escape comes back
            back = QShortcut(QKeySequence("Escape"), panel, self.back_to_text)
            back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- keeping the panels in step with the document and its edits ------------------------------------------
    def _make_refresh_timers(self) -> None:
        """The panels refresh together, soon after a change (the text view redraws at once), and so does the
        document list: each by a single-shot timer, with what edits changed since."""
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(0)
        self._panel_timer.timeout.connect(self._refresh_changed)
        self._role_to_show: int | None = None  # a role key's row, brought into the editor's view after the refresh
        # what edits changed since the panels were last filled (None: everything, e.g. another document)
        self._changed_entities: set[int] | None = None
        self._changed_events: set[int] | None = None
        self._height_fitted_for: int | None = None  # the event the panel's height was last fitted for
        self._height_timer = QTimer(self)  # the event panel's height, once an event shown is laid out
        self._height_timer.setSingleShot(True)
        self._height_timer.setInterval(0)
        self._height_timer.timeout.connect(self.fit_event_height)
        self.rows_arrival = RowsArrival(self.controller, self)  # a long document's rows, read after its text's paint
        self.rows_arrival.arrived.connect(self._rows_arrived)
        self._docs_timer = QTimer(self)
        self._docs_timer.setSingleShot(True)
        self._docs_timer.setInterval(0)
        self._docs_timer.timeout.connect(self.refresh_documents)
        self._docs_pending: set[int] | None = set()  # documents whose row an edit changed; None: all of them

    def show_title(self) -> None:
        """The document's name, status and categories (a text classification's labels) above the text."""
        doc = self.controller.doc
        cats = document_categories(doc.meta) if doc is not None and isinstance(doc.meta, dict) else []
        status = state_shown(doc.status.replace("_", " "), self.controller.status_waits()) if doc else ""
        none = "No document" if self.controller.project is not None else ""  # no project open: as at a start
        self.title.set_full_text(f"{doc.name}  —  {status}" if doc else none)
        self.categories_shown.set_full_text(*categories_line(cats))

    def panels_for_new_document(self) -> None:
        """The side lists at a switch of document: never the document before's rows (they stayed ~3 s while a
        long text was drawn, session 27), never "No entities listed" for a document that has some. Few rows:
        filled now, and drawn once, with the text (they were emptied, drawn with that untrue note, filled and drawn
        again: the docks' repaint was the largest part of a seed's open, session 34); many: emptied, saying the
        rows come, and filled once the text is drawn."""
        c = self.controller
        self.rows_arrival.stop()  # the document before's rows, if they were still read
        if self.panels_built and c.held.coming is None and len(c.entities) + len(c.events) <= PANELS_AT_ONCE_ROWS:
            self._fill_panels()
            return
        if self.panels_built:
            self.entities.wait_for_rows()
            self.events.wait_for_rows(c.schema)
            self._lists_laid_out()
        if c.held.coming is not None:  # its rows read after the text is drawn (``RowsArrival``), the lists then
            self.after_view_paint.call(self.rows_arrival.start)
        else:
            self.after_view_paint.call(self._fill_panels)  # the text and its highlights are drawn first

    def _lists_laid_out(self) -> None:
        """The side lists' rows and headers laid out now, for the paint due: left to their timers, after it, a list
        was drawn again (with its scroll bar, its columns), the window around it too (session 35)."""
        for table in (self.entities.table, self.events.table):
            table.executeDelayedItemsLayout()
            table.horizontalHeader().executeDelayedItemsLayout()

    def _rows_arrived(self) -> None:
        """A long document's rows all read: highlighted in the text, listed, counted in the legend and its list row."""
        c = self.controller
        self.view.rows_arrived()
        self._changed_entities = self._changed_events = None
        self._fill_panels()
        if c.doc is not None:
            self._document_rows_changed({c.doc.id})
        lay_out_now()  # the lists, the legend and the status line laid out before the paint: drawn once

    def _fill_panels(self) -> None:
        """The side panels, the legend and the document list's current row, for the current document."""
        doc = self.controller.doc
        shown = doc.id if doc else None
        if shown != getattr(self, "_panels_doc", None):  # another document: its lists start at their top (they
            self._panels_doc = shown  # stayed scrolled as far down as the document before's were)
            self.entities.table.scrollToTop()
            self.events.table.scrollToTop()
        self.refresh_panels()
        self.refresh_comments()
        self._lists_laid_out()
        self.documents.model.set_current(doc.id if doc else None)
        self.documents.select(doc.id if doc else None)

    def refresh_panels(self) -> None:
        """Every row of the side panels read again (an open, another document, a new palette)."""
        c = self.controller
        text = c.doc.text if c.doc else ""
        ents = c.visible_entities(show_rejected=True)
        self.entities.model.waiting, self.events.model.waiting = c.held.waiting  # marked: waits to be saved
        self.entities.set_entities(ents, text, c.current_entity)
        self.events.set_events(c.schema, sorted(c.events.values(), key=list_order), c.entities, text, c.current_event)
        self._changed_entities, self._changed_events = set(), set()
        self._after_panels(rebuild_editor=True)

    def _entities_changed(self, ids: set[int]) -> None:
        if self._changed_entities is not None:
            self._changed_entities |= set(ids)
        self._panel_timer.start()

    def _events_changed(self, ids: set[int]) -> None:
        if self._changed_events is not None:
            self._changed_events |= set(ids)
        self._panel_timer.start()

    def _refresh_changed(self) -> None:
        """After edits: only the rows of the spans and events they changed, the events whose arguments those spans
        fill, and the event editor when its event (or a span) changed; the rest stays (every panel was filled from
        scratch at each key: 8,000 spans sorted, 528 events' cells, the editor twice)."""
        ents, evs = self._changed_entities, self._changed_events
        if ents is None or evs is None or not self.panels_built:
            self.refresh_panels()
            return
        self._changed_entities, self._changed_events = set(), set()
        c = self.controller
        text = c.doc.text if c.doc else ""
        self.entities.model.waiting, self.events.model.waiting = c.held.waiting  # marked: waits to be saved
        if ents:
            self.entities.update_entities(((i, c.entities.get(i)) for i in sorted(ents)), c.current_entity)
            evs = evs | {v.id for v in c.events.values() if any(a.entity_id in ents for a in v.arguments)}
        if evs:
            self.events.update_events(
                c.schema, ((i, c.events.get(i)) for i in sorted(evs)), c.entities, text, c.current_event
            )
        shown = self.event_editor.event_id
        self._after_panels(rebuild_editor=shown is not None and (shown in evs or bool(ents)))

    def _show_role(self, index: int) -> None:
        """Role ``index``'s row into the editor's view: after the refresh its key's edit started, when there is one."""
        if self._panel_timer.isActive():
            self._role_to_show = index
        else:
            self.event_editor.reveal_role(index)

    def _after_panels(self, rebuild_editor: bool) -> None:
        c = self.controller
        self.legend.set_counts(c.schema, c.entity_tally.kinds, self.entities.model.colors)
        if rebuild_editor or self.event_editor.event_id != c.current_event:
            self.event_editor.refresh()
            self._height_timer.start()
        if self._role_to_show is not None:
            self.event_editor.reveal_role(self._role_to_show)
            self._role_to_show = None
        self.describe_current_entity()
        self.show_title()

    def fit_event_height_soon(self) -> None:
        """``fit_event_height`` once the event shown is laid out (its rows' heights are known only then)."""
        self._height_timer.start()

    def fit_event_height(self) -> None:
        """The event panel grows (the Annotations above it give up rows, down to ``ANNOTATIONS_LEAST_ROWS``) when the
        event shown needs more height than it has: a Movement:Transport's seven roles at 1366x768 needed the scroll
        bar for Time, its last. Only grows, once for each event shown (the panel a person shortens while filling its
        roles stays so), only when the two docks stand one above the other; the split is theirs to move again (the
        window keeps it)."""
        if (
            not self.panels_built
            or self.controller.project is None  # a fit pending at the close: the closed project's event is no more
            or self.event_editor.event_id in (None, self._height_fitted_for)
        ):
            return
        self._height_fitted_for = self.event_editor.event_id  # once per event shown: a person's shorter panel stays
        short = self.event_editor.height_short()
        if short > 0 and self._docks_stacked():
            self._grow_event_dock(short)

    def fit_event_split(self) -> None:
        """At a first start (no split kept from a last run) the right-hand docks are split so that the event panel is
        as tall as an event of the schema's type of the most roles needs (``EventEditor.most_height``) and the
        Annotations have the rest: at 1920x1080 Qt's split left the panel 610 px, a Meet's three roles or a
        Transport's seven shown over 250-330 px of nothing, beside an event list of 13 rows (session 39). Where
        the panel needs more, it grows as ``fit_event_height`` grows it, the list keeping its least rows.

        A later start keeps the last run's split, but a panel shorter than that height grows to it there too (only
        grows: a taller one stays the person's): the split restored into a shorter window (1366x768 with a taskbar,
        the screen's room 25-60 px less than the window saved) left the panel 20-40 px short of a Transport's seven
        roles under "No event selected", and the first Transport shown took them from the Annotations, the layout
        jumping under the person's eyes (session 41). ``fit_event_height`` grows it at each event shown anyway."""
        if self._split_fitted or not self.panels_built or self.controller.schema is None:
            return
        if not self._docks_stacked():
            return
        self._split_fitted = True
        dock = self.docks["event"]
        change = self.event_editor.most_height() - self.event_editor.height()
        if change > 0:
            self._grow_event_dock(change)
        elif change < 0 and not self._docks_restored:
            above = self.docks["annotations"]
            self.resizeDocks([above, dock], [above.height() - change, dock.height() + change], Qt.Orientation.Vertical)

    def _docks_stacked(self) -> bool:
        """The event panel's dock stands below the Annotations' in one area, neither floating nor tabbed."""
        dock, above = self.docks["event"], self.docks["annotations"]
        return (
            self.dockWidgetArea(dock) == self.dockWidgetArea(above)
            and not (dock.isFloating() or above.isFloating() or self.tabifiedDockWidgets(dock))
            and above.isVisible()
            and above.y() < dock.y()
        )

    def _grow_event_dock(self, short: int) -> None:
        """The event panel ``short`` pixels taller, the Annotations above it giving up rows down to
        ``ANNOTATIONS_LEAST_ROWS``."""
        dock, above = self.docks["event"], self.docks["annotations"]
        table = self.entities.table
        spare = table.viewport().height() - ANNOTATIONS_LEAST_ROWS * table.verticalHeader().defaultSectionSize()
        give = min(short, spare)
        if give > 0:
            self.resizeDocks([above, dock], [above.height() - give, dock.height() + give], Qt.Orientation.Vertical)

    def _all_documents_changed(self) -> None:
        self._docs_pending = None
        self.after_view_paint.call(self._docs_timer.start)  # after an open: the text is drawn first

    def _document_rows_changed(self, ids: set[int]) -> None:
        if self._docs_pending is not None:  # else every row is read already
            self._docs_pending |= set(ids)
        self._docs_timer.start()

    def refresh_documents(self) -> None:
        """The document list: only the rows an edit changed, or every row (compared, so only what differs is
        redrawn) after an open, an import or a commit made elsewhere."""
        c = self.controller
        pending, self._docs_pending = self._docs_pending, set()
        current = c.doc.id if c.doc else None
        model = self.documents.model
        if c.project is None:
            self.documents.set_rows([], None)
        elif pending and self.documents.update_rows(c.document_rows(pending), current):
            pass
        else:
            rows, annotators = c.document_summaries(), annotators_by_document(c.project)
            self.documents.set_rows(rows, current, annotators)
            self.documents_width.fit((r["name"] for r in rows), marked=bool(annotators))  # an import's names
        # none with no project open (it said "reviewed 0/0" after File > Close project)
        self.reviewed_label.setText(f"reviewed {model.reviewed}/{len(model.rows)}" if c.project is not None else "")

    def document_list(self) -> "DocumentPanel":
        """The document list with its rows read: filled now when an open's fill is still waiting for the text's first
        paint (Ctrl+PgDown right after a project opened found it empty: "This is the last document in the list" on
        the first of three)."""
        panel = self.documents
        if self._docs_pending is None:
            self.refresh_documents()
        return panel

    def refresh_comments(self) -> None:
        if not self.panels_built:  # filled with the other panels after the first paint
            return
        c = self.controller
        self.comments.set_comments(c.project.comments(c.doc.id) if c.project and c.doc else [])
        shown = (c.project.path, c.doc.id) if c.project and c.doc else None
        if shown != self._draft_of:  # the box shows this document's draft kept in the file (a crash left it there)
            self._draft_of = shown
            self.comments.show_draft(draft_of(c.project, c.doc.id) if c.project and c.doc else "")

    @property
    def documents(self) -> "DocumentPanel":
        return self.side_panels().documents

    @property
    def entities(self) -> "EntityPanel":
        return self.side_panels().entities

    @property
    def events(self) -> "EventPanel":
        return self.side_panels().events

    @property
    def comments(self) -> "CommentPanel":
        return self.side_panels().comments

    @property
    def event_editor(self) -> "EventEditor":
        return self.side_panels().event_editor

    @property
    def tabs(self) -> QTabWidget:
        return self.side_panels().tabs
