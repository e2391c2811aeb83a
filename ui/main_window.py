"""The main window: wires the controller, the document view, the panels, menus and workers (no annotation logic)."""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.role_heads import older_heads_said
from ui import theme as themes
from ui.after_paint import AfterPaint
from ui.controller import Controller
from ui.document_view import DocumentView
from ui.e_key import follow_e_key
from ui.edit_keys import annotation_key
from ui.editing import EditActions
from ui.extra_menus import add_review_menu, add_training_menu
from ui.menus import build_menus
from ui.merge_files import add_merge_action
from ui.merges_in import MergesIn
from ui.status_line import StatusLine
from ui.panels.find_bar import FindBar
from ui.moved_bar import MovedBar
from ui.panels.legend import Legend, LegendArea
from ui.panels.table_model import KEYS_LOOK, keys_look
from ui.palette import label_colors
from ui.places import PlaceMemory
from ui.role_keys import bar_filler
from ui.settings import AppSettings
from ui.project_files import is_project_file
from ui.widget_tools import lay_out_now
from ui.window_files import FilesAndWork
from ui.window_flow import WindowFlow
from ui.window_preannotation import WindowPreannotation
from ui.window_status import WindowStatusLine
from ui.window_closing import WindowClosing
from ui.window_panels import WindowPanels
from ui import window_widgets
from ui.workers import Worker

WRITE_ACTIONS = (
    "import_files",
    "import_folder",
    "import_format",
    "merge_files",
    "preannotate",
    "preannotate_document",
    "preannotate_tokens",
    "accept_all",
    "accept_scored",
    "new_event",
    "annotated",
    "reviewed",
)  # off while the project is open read-only
PROJECT_ACTIONS = (
    "save_copy",
    "close_project",
    "export",
    "next_suggestion",
    "accept_one",
    "reject_one",
    "label_everywhere",
    "find",
    "find_next",
    "find_previous",
    "categories",
    "next_document",
    "previous_document",
    "train",
    "adjudicate",
    "agreement",
)  # off with no project open (a first start, File > Close project), as WRITE_ACTIONS are


class MainWindow(
    WindowPanels, FilesAndWork, WindowPreannotation, WindowFlow, WindowStatusLine, WindowClosing, QMainWindow
):
    def __init__(
        self,
        settings: AppSettings,
        pipeline: str | Callable[[], Any] | None = None,
        auto_preannotate: bool | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.pipeline = pipeline
        self.auto_preannotate = bool(settings.get("auto_preannotate")) if auto_preannotate is None else auto_preannotate
        self.controller = c = Controller(self)
        self.workers: list[Worker] = []
        self.opens_named: set[int] = set()  # the other programs' process ids said to have the project open
        self.setWindowTitle("Annotator")
        self.resize(1500, 920)
        self.setAcceptDrops(True)

        # centre: title, legend, find bar, the document
        self.view = DocumentView(c)
        self.view.snap_to_tokens = settings.snap_to_tokens
        self.view.highlighter.show_rejected = settings.show_rejected
        self.view.set_font_size(settings.font_size)
        self.view.palette_name = str(settings.get("palette"))
        self.places = PlaceMemory(c, self.view, settings)  # where each document was left, kept as it moves
        self.edit_actions = EditActions(c, self.view, self._pick_event_type)
        self.view.key_handler = partial(annotation_key, self.edit_actions)  # the annotation keys: ui/edit_keys.py
        self.min_score: float | None = None  # the last minimum given to Accept suggestions scored at least…
        self.edit_actions.events.without_picker = bool(settings.get("event_without_picker"))
        self.view.context_menu_builder = self._context_menu
        self.after_view_paint = AfterPaint(self.view.viewport())  # the side panels fill after the text is drawn
        # the document's name and status over the text, its categories beside them (ui/window_widgets.py)
        self.title, self.categories_shown, title_row = window_widgets.title_row()
        self.legend = Legend()
        self.legend.labelClicked.connect(self.edit_actions.label)
        self.find_bar = FindBar(self.view, lambda: c.doc.text if c.doc is not None else "", self._chosen_range)
        self.find_bar.jumped.connect(lambda: c.select_entity(None))  # keys act on the match and start from it
        self.edit_actions.escapedBare.connect(self.find_bar.close_bar)  # Escape with nothing selected: the bar
        self.edit_actions.closes_find = self.find_bar.close_on_match  # Escape on its match: the bar, the match kept
        self.edit_actions.on_find_match = self.find_bar.on_match  # X on its match: the suggestion it lies in
        self.find_bar.undecided = self.edit_actions.undecided_extents  # Alt+X in the bar: the next match X decides
        self.find_bar.named = c.name_around  # Alt+Enter in the bar: the next match in a name, widened to it
        self.find_bar.spans = self.edit_actions.live_extents  # Alt+E in the bar: a trigger word in no span first
        self.find_bar.names_type, self.find_bar.triggers = (
            self.edit_actions.moves.names_type,
            self.edit_actions.live_triggers,
        )
        self.find_bar.filler = partial(bar_filler, c)  # a role key in the bar: the span or name the match lies in
        self.read_only_banner = window_widgets.read_only_banner()  # shown while the project file is open read-only
        self.moved_bar = MovedBar()  # the project file renamed, moved or deleted while open (WindowFlow.offer_reopen)
        self.moved_bar.answered.connect(lambda had_keys: had_keys and self.view.setFocus())  # the keys the text's
        self.moved_recall = self.moved_bar.recall  # in the status bar: the choices again once answered
        back = QShortcut(QKeySequence("Escape"), self.moved_bar, self.back_to_text)  # F6 went in: Escape comes back
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        centre = QWidget()
        lay = QVBoxLayout(centre)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        self.legend_area = LegendArea(self.legend)  # at most a share of the column: the text keeps the room
        self.legend_area.follow(centre)
        for wdg in (self.read_only_banner, self.moved_bar, title_row, self.legend_area, self.find_bar, self.view):
            lay.addWidget(wdg)
        lay.setStretch(5, 1)
        self.setCentralWidget(centre)

        # the side panels' docks; the panels in them are built after the first paint (ui/window_panels.py)
        self._make_docks()
        self.resizeDocks([self.docks["annotations"], self.docks["event"]], [330, 560], Qt.Orientation.Vertical)

        self.actions_by_name = build_menus(self)
        add_merge_action(self, self.file_menu, self.actions_by_name["export"])  # File > Merge… (ui/merge_files.py)
        add_review_menu(self)  # Review > Mark reviewed, Adjudicate, Agreement (ui/extra_menus.py; windows on first use)
        add_training_menu(self)  # Project > Train suggestions… (ui/dialogs/training.py, loaded on first use)
        self.actions_by_name["annotated"].setShortcuts(["Ctrl+Return", "Ctrl+Enter"])
        follow_e_key(c, self.view, self.actions_by_name["new_event"])  # its tooltip: a new event, or a type changed
        for dock in self.docks.values():
            self.docks_menu.addAction(dock.toggleViewAction())

        self.message = StatusLine()  # the status bar's line, and its widgets below
        self.progress_label = QLabel("")
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.cancel_button = QPushButton("&Cancel")  # Alt+C: the keys reach it (Tab is the text's)
        self.cancel_button.clicked.connect(self.cancel_work)
        self.reviewed_label = QLabel("")
        # the work left in the document (ui/window_status.py): its own widget, which no long message pushes out of view
        self.work_label = QLabel("")
        self.work_label.setTextFormat(Qt.TextFormat.PlainText)
        self.work_label.hide()
        self.saved_label = QLabel("")
        # edits kept while another program writes to the project (an import, a merge): shown until they are saved
        self.waiting_label = QLabel("")
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting_label.hide()
        # Ctrl+Z when the undo stack has no step but edits are kept: Qt's Undo is off then, this takes the newest back
        self.take_back_action = QAction("Take back the last edit not yet saved", self)
        self.take_back_action.setShortcut("Ctrl+Z")
        self.take_back_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.take_back_action.setEnabled(False)
        self.take_back_action.triggered.connect(lambda _checked=False: self.controller.take_back_kept())
        self.addAction(self.take_back_action)
        c.undo_stack.canUndoChanged.connect(lambda _can: self._follow_take_back())
        sb = self.statusBar()
        sb.addWidget(self.message, 1)
        for wdg in (
            self.progress_label,
            self.progress_bar,
            self.cancel_button,
            self.moved_recall,
            self.waiting_label,
            self.work_label,
            self.reviewed_label,
            self.saved_label,
        ):
            sb.addPermanentWidget(wdg)
        self._show_progress(False)
        self.message.textSet.connect(lambda _text: self.follow_work_label())
        self.message.widthChanged.connect(self.refit_line)  # a suggested event's fillers fitted to the new width

        self._make_refresh_timers()  # the panels and the document list follow edits (ui/window_panels.py)
        self._error_timer = QTimer(self)  # owned by the window: never fires after it is gone
        self._error_timer.setSingleShot(True)
        self._error_timer.setInterval(8000)
        self._error_timer.timeout.connect(self.message.end_error)

        # wiring
        c.documentChanged.connect(self.on_document_changed)
        c.documentChanged.connect(self.find_bar.document_changed)  # the words kept, counted in the new document
        c.entitiesChanged.connect(self._entities_changed)
        c.eventsChanged.connect(self._events_changed)
        c.selectionChanged.connect(self.on_selection_changed)
        self.view.cursorPositionChanged.connect(self.caret_moved)  # the span under it said while an event is selected
        c.placeChanged.connect(self.view.show_cp)  # an undo or redo shows what it changed
        c.documentsChanged.connect(self._all_documents_changed)
        c.documentRowsChanged.connect(self._document_rows_changed)
        c.commentsChanged.connect(self.refresh_comments)
        c.saved.connect(lambda t: self.saved_label.setText(f"saved {t}"))
        c.statusChanged.connect(lambda _s: self.status_shown())  # the title, and the work left beside the line
        c.categoriesChanged.connect(self.show_title)  # they stand beside the status
        c.failed.connect(self.show_error)
        c.info.connect(self.show_note)
        c.undo_stack.indexChanged.connect(self.after_step)  # an undo or redo says what it did; an edit ends a note
        c.saveFailed.connect(lambda msg: self.alert("Not saved", msg))
        c.writesWaiting.connect(self.show_waiting)
        c.projectMoved.connect(self.offer_reopen)
        c.projectChanged.connect(self.moved_bar.forget)  # the bar spoke of the project before
        c.outsideCommit.connect(self.say_open_elsewhere)  # a program opened after this one: named at its first commit
        self.merges_in = MergesIn(self)  # and a merge it brought (annotator merge), said after: ui/merges_in.py
        c.poll.timeout.connect(self.end_open_note_when_gone)  # and the line naming them ends once they have quit
        c.projectChanged.connect(self._on_project)
        QApplication.instance().focusChanged.connect(self.keys_moved)  # a panel's keys said (ui/pane_keys.py)
        settings.changed.connect(self.on_setting_changed)
        geo = settings.q.value("window/geometry")
        self.first_start = not isinstance(geo, QByteArray)  # no geometry of a last run: the screen's room (app.py)
        if not self.first_start:
            self.restoreGeometry(geo)
        self._fit_on_screen()
        self.size_docks()
        state = settings.q.value("window/state")
        # the docks' widths of the last run: the event panel's least width is then no reason to measure it early
        self._docks_restored = isinstance(state, QByteArray) and bool(self.restoreState(state))
        self.view.setFocus()
        self._follow_project_actions()
        self.describe_current_entity()  # no project yet: how to begin (the first start said nothing)

    # -- project and documents ---------------------------------------------------------------------------
    def open_project(self, path: str | Path) -> bool:
        if not self.confirm_lose_only_copy():  # the open one deleted or replaced: the only copy of its work
            return False
        said = self.opening(path)  # the file open here under its new name: the moved bar's Open (ui/window_flow.py)
        place = self.saved_place(path)  # the document left there is the one read (not the first, then that one),
        try:  # shown where it was left from the start (its spans there indexed first): ui/places.py
            self.controller.open_project(path, self.settings.annotator or None, place[0] if place else None)
        except AnnotatorError as exc:
            self.alert("Cannot open project", str(exc))
            return False
        self.opened(said)
        self.after_view_paint.call(partial(self.settings.add_recent, str(path)))  # a file written: after the text
        if self.controller.unreadable:
            self.alert("Document not opened", self.controller.unreadable[0])
        read_only = self.controller.project is not None and self.controller.project.read_only
        self.setWindowTitle(f"{Path(path).name}{' [read-only]' if read_only else ''} — Annotator")
        if read_only:
            self.message.setText("Opened read-only: edits are not possible")
        self.preannotate_new_documents()
        self.opens_named.clear()
        self._open_note = None  # the project before's line of other programs' opens
        if not read_only:
            self.say_open_elsewhere(at_open=True)
        return True

    def _on_project(self) -> None:
        colors = label_colors(self.controller.schema, self.view.palette_name)
        if self.panels_built:  # else the entity table takes them when built
            self.entities.model.colors = colors
        # the legend's entries now (their counts with the document): the text is not pushed down once shown
        self.legend.set_counts(self.controller.schema, Counter(), colors)
        if not (self.panels_built or self._docks_restored) and self.controller.schema is not None:  # the first start:
            from ui.panels.event_editor import least_width  # the docks widened when the panel came after the paint

            self.docks["event"].widget().setMinimumWidth(least_width(self.controller))
        self.fit_documents_to_names()
        if self.panels_built:  # a first start's split, for this schema's events (the panels were built before it)
            self.fit_event_split()
        p = self.controller.project
        read_only = p is not None and p.read_only
        self.read_only_banner.setText(window_widgets.read_only_banner_text(p) if read_only and p is not None else "")
        self.read_only_banner.setVisible(read_only)
        self._follow_project_actions()
        if p is None:  # closed (File > Close project, or before another opens): the title as at a start, and what the
            self.setWindowTitle("Annotator")  # window remembered of the project closed forgotten: the undo step seen
            # last, N's count and the annotators waiting for adjudication (keyed by a document id and an object's id,
            # which the next project's may have again), the event whose panel height was fitted and the span the line
            # named under the caret (ids the next project has too)
            self._step_index = self._words_left = self._adjudication_kept = None
            self._height_fitted_for = self._caret_said = None
            self.edit_actions.events.forget_project()  # the event keys' memos (a role key's cycle, Shift+E's types)
        self.saved_label.setText("")  # the project before's last save ("saved 02:20:09") is not this one's
        older = older_heads_said(p) if p is not None else ""  # nouns stored by older rules (session 41)
        if p is not None and p.upgraded is not None:  # said once, kept while the first document's note shows
            upgraded = p.upgraded.summary(p.path.name)
            self.after_view_paint.call(partial(self.show_note, f"{upgraded}; {older}" if older else upgraded))
        elif older:
            self.after_view_paint.call(partial(self.show_note, older))
        if p is not None and p.log_unread is not None:  # another user's saved changes in a log not readable here
            self.after_view_paint.call(partial(self.show_note, f"{p.path.name}: {p.log_unread}"))
        if p is not None and p.read_from is not None:  # an older file read-only: shown from an upgraded copy
            self.after_view_paint.call(partial(self.show_note, p.read_from.summary(p.path.name)))
        if p is not None and p.kept_replay is not None and (kept := p.kept_replay.summary()):  # a run killed with
            self.after_view_paint.call(partial(self.show_note, kept))  # edits kept: what the open wrote of them

    def _follow_project_actions(self) -> None:
        """What needs a project on only while one is open, and what writes to it only while it is writable."""
        p = self.controller.project
        for name in PROJECT_ACTIONS:
            self.actions_by_name[name].setEnabled(p is not None)
        for name in WRITE_ACTIONS:
            self.actions_by_name[name].setEnabled(p is not None and not p.read_only)

    def open_document(self, doc_id: int) -> None:
        if self.controller.doc is None or self.controller.doc.id != doc_id:
            try:
                self.controller.open_document(doc_id)
            except AnnotatorError as exc:  # a stored text damaged on disk: said, the document shown stays
                self.alert("Document not opened", str(exc))

    def on_document_changed(self) -> None:
        self.show_title()
        c = self.controller  # the legend's counts now, from the spans just read: it read 0 for every label while
        colors = label_colors(c.schema, self.view.palette_name)  # the panels were built, the document before's after
        self.legend.set_counts(c.schema, c.entity_tally.kinds if c.held.coming is None else None, colors)
        self._changed_entities = self._changed_events = None  # every row of the panels is another one
        self.panels_for_new_document()
        said, self._said_on_leaving = getattr(self, "_said_on_leaving", None), None
        if said:  # of the document left, said on this one (a note ends at the document after the one it is said on)
            c.report_status(said)
        if self.message.said_elsewhere(c.doc.id if c.doc is not None else None):  # a key's refusal ends with its
            self.message.setText("")  # document, as its note does (show_note): the work left here is said
            self.describe_current_entity()
        self.remember_place()  # kept at each document, not only at a clean close: a crash lost the place
        lay_out_now()  # the title, the legend and the lists laid out before the paint: drawn once

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.keep_dock_shares(event.oldSize().width(), event.size().width())

    def _fit_on_screen(self) -> None:
        """Never open larger than the screen (a geometry saved on a bigger screen); on a first start, the screen's
        room (its available geometry, as a maximised window has it: the fixed 1500x920 sat in the corner of a
        1920x1080 screen, and was cut to the screen's size at 1366x768 with the text column the narrower)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        if self.first_start:
            self.setGeometry(avail)
        elif self.width() > avail.width() or self.height() > avail.height():
            self.resize(min(self.width(), avail.width()), min(self.height(), avail.height()))
            self.move(avail.topLeft())

    def on_selection_changed(self) -> None:
        c = self.controller
        if not self.panels_built:  # they select the current entity and event when filled
            self.describe_current_entity()
            return
        self.entities.select(c.current_entity)
        self.events.select(c.current_event)
        if self.event_editor.event_id != c.current_event:
            self.event_editor.rebuild()
            self.fit_event_height_soon()
        self.describe_current_entity()

    def jump_to_entity(self, entity_id: int) -> None:
        e = self.controller.entities.get(entity_id)
        if e is not None:
            self.edit_actions.select(e)
            self.view.setFocus()

    def jump_to_event(self, event_id: int) -> None:
        v = self.controller.events.get(event_id)
        if v is not None:  # as ] selects it: a span selected before is no filler chosen for its roles
            self.edit_actions.select_event(v)
            self.view.setFocus()

    def _chosen_range(self) -> tuple[int, int] | None:
        """What the keys act on, as code points: the selected span, else the selected event's trigger (Find goes on
        past a match it overlaps)."""
        c = self.controller
        span = c.entities.get(c.current_entity) if c.current_entity is not None else None
        if span is not None:
            return span.start, span.end
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        return (ev.trigger_start, ev.trigger_end) if ev is not None else None

    def _pick_event_type(self, trigger: str, likely: list[str] | None, nearby: Sequence[str] = ()) -> str | None:
        from ui.dialogs.event_type import pick_event_type  # the picker loads on first use, not at start

        return pick_event_type(self, self.controller.schema, trigger, likely, nearby)

    # -- settings and view ---------------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        self.settings.set("font_size", max(6, min(48, self.settings.font_size + step)))

    def set_show_rejected(self, on: bool) -> None:
        self.settings.set("show_rejected", bool(on))

    def on_setting_changed(self, name: str) -> None:
        s = self.settings
        if name == "font_size":
            self.view.set_font_size(s.font_size)
        elif name == "show_rejected":
            self.view.set_show_rejected(s.show_rejected)
            self.actions_by_name["show_rejected"].setChecked(s.show_rejected)
        elif name == "snap_to_tokens":
            self.view.snap_to_tokens = s.snap_to_tokens
        elif name == "annotator":
            self.controller.set_annotator(s.annotator)
        elif name in ("palette", "appearance"):
            if name == "appearance":  # light or dark at once: the chrome's sheet, the text's colours, the panels
                from ui.style import apply_style

                self.view.highlighter.set_theme(apply_style(QApplication.instance(), True, str(s.get(name))))
                self.event_editor.restyle()
                for table in self.findChildren(QTableView):  # the lists' frames and rows, set when they were made
                    if table.property(KEYS_LOOK):
                        keys_look(table, table.hasFocus())
            self.view.set_palette(str(s.get("palette")))
            self._on_project()
            self.refresh_panels()
        elif name == "event_without_picker":
            self.edit_actions.events.without_picker = bool(s.get(name))
        elif name == "auto_preannotate":
            self.auto_preannotate = bool(s.get("auto_preannotate"))

    def settings_dialog(self) -> None:
        from ui.dialogs.settings import ask_settings  # dialogs load on first use, not at start

        ask_settings(self)
        self.back_to_text()

    def shortcuts_dialog(self) -> None:
        from ui.dialogs.shortcuts import ShortcutsDialog

        (dlg := ShortcutsDialog(self.controller.schema, self)).exec()
        dlg.deleteLater()  # the window's child until deleted: every dialog stayed in the window, hidden
        self.back_to_text()

    # -- messages, drag and drop, closing ------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        if self.controller.kept.landing:  # a kept edit refused as it lands: kept in view (a note) while the selection
            self.show_note(message)  # stays; the panels' update after it described the selection over it
        else:
            self.message.setText(message)
        self.message.mark_error(themes.current().error, self.controller.doc.id if self.controller.doc else None)
        self._error_timer.start()

    def alert(self, title: str, message: str) -> None:
        """A non-modal warning (plain text); a second alert while one is open replaces its text."""
        box = getattr(self, "_alert_box", None)
        if box is None or not box.isVisible():
            box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            self._alert_box = box
            box.open()
        else:
            box.setWindowTitle(title)
            box.setText(message)
        self.show_error(message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if len(paths) == 1 and is_project_file(paths[0]):
            self.open_project(paths[0])
        elif paths:
            self.import_paths(paths)
        event.acceptProposedAction()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.panels_built:  # a window with no document gets its (empty) panels after its first paint too
            self.after_view_paint.call(self.side_panels)

    def clear_line(self) -> None:
        """The status line empty, in its own colour (an error's red ended)."""
        self.message.setText("")
        self.message.end_error()
        self._error_timer.stop()
