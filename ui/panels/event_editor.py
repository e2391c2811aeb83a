"""The selected event: type, trigger, attributes, and its roles with their keys and fill lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Argument, Entity, Event
from annotator.role_event import event_for_filler
from ui import theme as themes
from ui.elided import ElidedLabel
from ui.panels.event_roles import PROBE_FILLER, RolesBox, nearest_candidates, role_label_columns
from annotator.rules import event_missing_roles
from ui.plain import event_state_text, state_shown, tooltip_text
from ui.widget_tools import bring_into_view, plain_label

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtCore import SignalInstance

    from annotator.schema import EventType, Schema
    from ui.controller import Controller


# An event's least width by (schema, font, application style sheet), measured once per process: a window made
# again on the same schema (a project reopened; every GUI test's window) measured it again, ~40 % of opening one.
_LEAST_WIDTHS: dict[tuple["Schema", str, str], int] = {}
# The height an event of the schema's type of the most roles needs, by (schema, the view's width, font, application
# style sheet), measured once per process: every new window measured it at its first start (``fit_event_split``),
# its head and a Roles box of that type made off screen, ~6-10 ms of CPU a window.
_MOST_HEIGHTS: dict[tuple["Schema", int, str, str], int] = {}


def _widest_roles_type(schema: "Schema") -> "EventType | None":
    """The event type whose Roles box is widest with every role filled. Its rows differ from another type's only
    in their key and name columns (a filler, its remove button and fill list are as wide in every row), so the
    type whose two label columns need the most decides the box's least width."""
    best, best_width = None, -1
    for etype in schema.events:
        probe = QWidget()
        grid = QGridLayout(probe)
        for i, role in enumerate(etype.roles):
            key, name = role_label_columns(i, role)
            grid.addWidget(key, i, 0)
            grid.addWidget(name, i, 1)
        width = grid.minimumSize().width()
        probe.deleteLater()
        if width > best_width:
            best, best_width = etype, width
    return best


def _set_attribute(box: QComboBox, value: str | None) -> None:
    """An attribute's box showing ``value``; none (imported without a value) shows no value rather than the
    schema's default."""
    if value is not None:
        _show_text(box, value)
    elif box.currentIndex() != -1:
        box.setPlaceholderText("(no value)")
        box.setCurrentIndex(-1)


def _show_text(box: QComboBox, text: str) -> None:
    """``box`` at ``text``; at its first item when it has none such (a value or type the schema lacks), as a new
    box is after ``setCurrentText``: a box kept from another event showed that event's."""
    at = box.findText(text)
    box.setCurrentIndex(at if at >= 0 else 0)


def _show_state(label: QLabel, ev: Event, waits: bool) -> None:
    """``ev``'s state in the editor's State row: an undecided suggestion in the event list's colour and italics; one
    a kept edit made (another program writing) marked as waiting to be saved, as the lists mark it."""
    label.setText(state_shown(event_state_text(ev.state, ev.score, ev.alternatives), waits))
    undecided = ev.state == "suggested"
    label.setStyleSheet(f"color: {themes.current().suggested_event}; font-style: italic" if undecided else "")


class EventEditor(QWidget):
    """Rebuilt whenever the selected event changes; every control runs one command."""

    typeChangeRequested = Signal(int, str)
    attributeChangeRequested = Signal(int, str, str)
    fillRequested = Signal(int, int)  # role index, entity id
    removeArgumentRequested = Signal(int)
    deleteRequested = Signal(int)
    argumentClicked = Signal(int)  # entity id

    def __init__(self, controller: "Controller", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.c = controller
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.scroll)
        # under the scroll area, always on screen with an event: below its roles, seven of them (and the State row)
        # pushed it under the panel's lower edge at 1366x768
        self._delete = QPushButton("Delete event")
        self._delete.clicked.connect(lambda: self.event_id is not None and self.deleteRequested.emit(self.event_id))
        self._delete.hide()
        lay.addWidget(self._delete, 0, Qt.AlignmentFlag.AlignLeft)
        self.event_id: int | None = None
        self.type_combo: QComboBox | None = None
        self.attribute_combos: dict[str, QComboBox] = {}
        self.trigger_label: ElidedLabel | None = None
        self.state_label: QLabel | None = None  # undecided or decided, a suggestion's score and other types
        self._least_width_of: tuple[Schema, int] | None = None
        self._head_of: Schema | None = None  # the schema whose type and attribute boxes are shown (None: no event)
        self._shown: tuple = ()
        self._shown_at: tuple = ()  # (controller revision, event, schema) that ``_shown`` was worked out at
        # the schema whose ``id()`` ``_shown_at`` and ``_shown`` hold, held by them: no other object can have that id
        # while they hold it (before, only the boxes' ``_head_of`` and the least width's memos happened to hold it)
        self._keyed_schema: Schema | None = None
        self._lists: dict[str, list[Entity]] = {}  # each role's fill list, as shown() last found it
        self._group: RolesBox | None = None  # the Roles box of the event shown
        self.rebuild()
        controller.selectionChanged.connect(self._say_selected)

    def selected_for_keys(self) -> tuple[Entity, Event] | None:
        """The span selected that a role key puts in place of its candidate, and the event it puts it in: the event
        shown, or the event of the span's sentence when the shown one's trigger lies in another
        (``role_event.event_for_filler``: the key fills that one, its role of the same key; session 34: the row named
        the shown event's candidate, and the key put the span in the other event). None when nothing or a filler of
        the event is selected (the one a role key just put: the next key finds its own)."""
        c = self.c
        span = c.entities.get(c.current_entity) if c.current_entity is not None else None
        ev = c.events.get(self.event_id) if self.event_id is not None else None
        if span is None or ev is None or any(a.entity_id == span.id for a in ev.arguments):
            return None
        into = event_for_filler(c.events.values(), ev, (span.start, span.end), c.sentence(span.start))
        return (span, into) if into is not None else None

    def _say_selected(self) -> None:
        if self._group is not None and self.event_id == self.c.current_event:
            self._group.say_selected(self.selected_for_keys())

    @property
    def fill_combos(self) -> list[QComboBox]:
        """Each role's fill list, in the Roles box shown (none without an event)."""
        return self._group.fill_combos if self._group is not None else []

    @property
    def role_rows(self) -> dict[str, QLabel]:
        """Each role's name, in the Roles box shown (none without an event)."""
        return self._group.role_rows if self._group is not None else {}

    def shown(self) -> tuple:
        """What the editor shows of the selected event: its type, trigger, state (a suggestion's score and other
        types with it), attributes, each role's fillers and fill list (ids, offsets, labels), the required roles it
        flags."""
        c = self.c
        self._shown_at = (c.revision, c.current_event, id(c.schema))
        self._keyed_schema = c.schema
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        self._lists = {}
        if ev is None or c.schema is None or c.doc is None:  # the same "No event selected" in every document: kept
            return (id(c.schema), c.doc is not None)  # at a switch (made again at each open, ~0.8 ms and its paint)
        etype = c.schema.event_type(ev.type)
        # each role's fill list, kept for the rebuild that may follow at once (it found them all again: 2 ms a key)
        self._lists = {r.name: nearest_candidates(c, r, ev) for r in (etype.roles if etype else ())}

        def spans(ids: list[int]) -> tuple:
            return tuple((i, e.start, e.end, e.label) if (e := c.entities.get(i)) else (i,) for i in ids)

        roles = tuple(
            (
                spans([a.entity_id for a in ev.arguments if a.role == r.name]),
                tuple(a.id for a in ev.arguments if a.role == r.name),
                spans([e.id for e in self._lists[r.name]]),
            )
            for r in (etype.roles if etype else ())
        )
        return (
            id(c.schema),
            c.doc.id,
            ev.id,
            ev.type,
            ev.trigger_start,
            ev.trigger_end,
            (ev.state, ev.score, ev.alternatives, ev.id in c.held.waiting[1]),  # marked while a kept edit waits
            tuple(sorted(ev.attributes.items())),
            tuple(event_missing_roles(c.schema, ev)),  # the required roles it flags: none on a rejected event
            roles,
        )

    def refresh(self) -> None:
        """Rebuild only when what it shows changed (an Enter or X on a suggested event rebuilt it for nothing); not
        even worked out again when the controller's spans and events and the selected event are those it was worked
        out from (an undo shows its event at once, then the panels' refresh asked again: every fill list found twice)."""
        c = self.c
        if self._shown_at == (c.revision, c.current_event, id(c.schema)):
            return
        now = self.shown()
        if now != self._shown:
            self.rebuild(now)

    def restyle(self) -> None:
        """Every widget made again in the theme now in use (Settings' Theme): a kept head showed the trigger in the
        theme it was made in, the light one's dark red on the dark panel (session 27)."""
        self._head_of = None
        self._shown_at = ()
        self.rebuild()

    def rebuild(self, shown: tuple | None = None) -> None:
        """Show the selected event; ``shown``: ``self.shown()`` just computed (not twice). An event shown before in
        the same schema keeps the editor's widgets: the type, trigger and attributes are set in them, and the Roles
        box's rows (of the same event type) change only where their fillers, fill list or flag differ; another type
        gets a new Roles box. A full build (every widget made again, 8 ms a key: ], an undo, Alt+N) only for the
        first event shown, or after none or another schema."""
        self._shown = self.shown() if shown is None else shown
        c = self.c
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        if ev is not None and c.doc is not None and self._group is not None and self._head_of is c.schema:
            self.event_id = ev.id
            self._set_head(ev, c.doc.text)
            if self._group.event_type == ev.type:
                self._group.update_rows(ev, self._lists)
            else:
                self._replace_roles()
            self._tab_order()
            self._say_selected()
            return
        self._group = self._head_of = None
        self.state_label = None
        self._delete.setVisible(ev is not None and c.schema is not None and c.doc is not None)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        body = QWidget()
        self.scroll.setWidget(body)
        body.installEventFilter(self)  # its rows are shown (and sized) later: _fit_width follows them
        self.attribute_combos = {}
        self.type_combo = None
        c = self.c
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        self.event_id = ev.id if ev else None
        lay = QVBoxLayout(body)
        if ev is None or c.schema is None or c.doc is None:
            hint = plain_label(
                "No event selected.\n\nSelect the trigger words and press E to create one, "
                f"or click a trigger ({'pink' if themes.current().dark else 'dark red'}, underlined) in the text.",
                color=themes.current().muted,
            )
            hint.setWordWrap(True)
            lay.addWidget(hint)
            lay.addStretch(1)
            if c.schema is not None:  # as wide as an event needs from the start: the text never reflows on one
                margins = lay.contentsMargins()
                body.setMinimumWidth(self._least_width(c.schema) + margins.left() + margins.right())
            return
        schema, text = c.schema, c.doc.text
        lay.addLayout(self._head(schema, ev, text))
        self._head_of = schema
        self._group = self._roles_group(ev)
        lay.addWidget(self._group)
        lay.addStretch(1)
        self._tab_order()
        self._say_selected()

    def _tab_order(self) -> None:
        """Tab goes down the editor as it reads: type, attributes, then each role's arguments (each with its ×) and
        fill list, then "Delete event". A widget made later (an argument filled while its event is shown, a new Roles
        box) came after every other, past "Delete event"."""
        chain: list[QWidget] = [w for w in (self.type_combo, *self.attribute_combos.values()) if w is not None]
        if self._group is not None:
            chain += self._group.focus_chain()
        if self._delete.isVisibleTo(self):
            chain.append(self._delete)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _roles_group(self, ev: Event) -> RolesBox:
        """The Roles box of ``ev``, its requests the editor's."""
        group = RolesBox(self.c, ev, self._lists)
        group.fillRequested.connect(self.fillRequested)
        group.removeArgumentRequested.connect(self.removeArgumentRequested)
        group.argumentClicked.connect(self.argumentClicked)
        return group

    def _replace_roles(self) -> None:
        """A new Roles box in place of the old one, the rest of the editor kept."""
        ev = self.c.events[self.c.current_event]  # type: ignore[index]
        body = self.scroll.widget()
        group = self._roles_group(ev)
        body.layout().replaceWidget(self._group, group)
        self._group.hide()  # type: ignore[union-attr]
        self._group.deleteLater()  # type: ignore[union-attr]
        self._group = group

    def _head(self, schema: "Schema", ev: Event | None, text: str) -> QGridLayout:
        """The type, the trigger and the attributes (their least width is the panel's: the roles elide to it)."""
        head = QGridLayout()
        self.type_combo = QComboBox()
        self.type_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_combo.addItems(list(schema.event_type_names))
        if ev is not None:
            self.type_combo.setCurrentText(ev.type)
            combo = self.type_combo  # the event shown when it is chosen (the box is kept for the next event)
            combo.activated.connect(lambda _i: self._ask(self.typeChangeRequested, combo.currentText()))
        head.addWidget(plain_label("Type"), 0, 0)
        head.addWidget(self.type_combo, 0, 1, 1, 3)
        head.addWidget(plain_label("Trigger"), 1, 0)
        trigger = ElidedLabel(text[ev.trigger_start : ev.trigger_end] if ev else "")  # never widens the panel
        trigger.setStyleSheet(f"font-weight: bold; color: {themes.current().trigger}")
        self.trigger_label = trigger if ev is not None else self.trigger_label
        head.addWidget(trigger, 1, 1, 1, 3)
        # decided or not, and a suggestion's score and other types (E offers them first): seen only in the event
        # list's tooltip before, out of reach by keys. Wrapped, never widening the panel (no least width of its own)
        state = plain_label("")
        state.setWordWrap(True)
        state.setMinimumWidth(1)
        if ev is not None:
            _show_state(state, ev, ev.id in self.c.held.waiting[1])
            self.state_label = state
        head.addWidget(plain_label("State"), 2, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(state, 2, 1, 1, 3)
        for k, attr in enumerate(schema.attributes):  # two attributes a row
            box = QComboBox()
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
            box.addItems(list(attr.values))
            if ev is not None:
                _set_attribute(box, ev.attributes.get(attr.name))
            box.setToolTip(tooltip_text(attr.description))
            if ev is not None:
                box.activated.connect(
                    lambda _i, n=attr.name, b=box: self._ask(self.attributeChangeRequested, n, b.currentText())
                )
            self.attribute_combos[attr.name] = box
            row, col = 3 + k // 2, (k % 2) * 2
            head.addWidget(plain_label(attr.name.capitalize()), row, col)
            head.addWidget(box, row, col + 1)
        head.setColumnStretch(1, 1)
        head.setColumnStretch(3, 1)
        return head

    def _set_head(self, ev: Event, text: str) -> None:
        """The type, trigger and attributes of ``ev`` in the boxes shown (made for another event of the schema)."""
        assert self.type_combo is not None and self.trigger_label is not None
        _show_text(self.type_combo, ev.type)
        self.trigger_label.set_full_text(text[ev.trigger_start : ev.trigger_end])
        if self.state_label is not None:
            _show_state(self.state_label, ev, ev.id in self.c.held.waiting[1])
        for name, box in self.attribute_combos.items():
            _set_attribute(box, ev.attributes.get(name))

    def _ask(self, signal: "SignalInstance", *args: object) -> None:
        """A request about the event shown (the boxes outlive the event they were made for)."""
        if self.event_id is not None:
            signal.emit(self.event_id, *args)

    def _least_width(self, schema: "Schema") -> int:
        """The least width of an event in this schema, margins aside: its head, and the Roles box of the type whose
        rows are widest with every role filled (measured off screen once per schema and font in a process, since the
        probe, like any widget without a parent, has the application's font and style sheet; only that type's box is
        made: one for each of the schema's 33 types took 0.26 s at every project opened). The head alone was less
        than Conflict:Attack's roles need with DejaVu Sans ("Instrument", a filler and its fill list): the panel
        widened by 8 px when the first event was shown, and the text reflowed."""
        if self._least_width_of is None or self._least_width_of[0] is not schema:
            app = QApplication.instance()
            key = (schema, QApplication.font().key(), app.styleSheet() if isinstance(app, QApplication) else "")
            if (least := _LEAST_WIDTHS.get(key)) is None:
                least = _LEAST_WIDTHS[key] = self._measure_least_width(schema)
            self._least_width_of = (schema, least)
        return self._least_width_of[1]

    def _measure_least_width(self, schema: "Schema") -> int:
        """The least width ``_least_width`` keeps, measured off screen from the head and the widest Roles box."""
        probe = QWidget()
        lay = QVBoxLayout(probe)
        lay.addLayout(self._head(schema, None, ""))
        widest = _widest_roles_type(schema)
        if widest is not None:
            args = tuple(Argument(-1 - i, -1, r.name, PROBE_FILLER) for i, r in enumerate(widest.roles))
            lay.addWidget(self._roles_group(Event(-1, -1, widest.name, 0, 0, {}, None, args)))
        margins = lay.contentsMargins()
        least = lay.minimumSize().width() - margins.left() - margins.right()
        probe.deleteLater()
        self.type_combo, self.attribute_combos = None, {}
        return least

    def most_height(self) -> int:
        """The editor's height (its view, and "Delete event" below it) for an event of the open schema's type of the
        most roles, one filler each, at the view's width now: what the event panel is given at a first start
        (``WindowPanels.fit_event_split``). Measured off screen, as ``_measure_least_width`` is, once per schema, width,
        font and application style sheet in a process (``_MOST_HEIGHTS``); 0 without a schema."""
        schema = self.c.schema
        most = max(schema.events, key=lambda t: len(t.roles), default=None) if schema is not None else None
        if most is None:
            return 0
        width = self.scroll.viewport().width()
        app = QApplication.instance()
        key = (schema, width, QApplication.font().key(), app.styleSheet() if isinstance(app, QApplication) else "")
        if (need := _MOST_HEIGHTS.get(key)) is None:
            need = _MOST_HEIGHTS[key] = self._measure_most_height(schema, most, width)
        around = self.height() - self.scroll.viewport().height()  # the view's frame, and the button when shown
        if not self._delete.isVisibleTo(self):
            around += self._delete.sizeHint().height() + self.layout().spacing()
        return need + around

    def _measure_most_height(self, schema: "Schema", most: "EventType", width: int) -> int:
        """The height ``most_height`` keeps: the head and ``most``'s Roles box, one filler a role, at ``width``,
        measured off screen (the probe, like any widget without a parent, has the application's font and style
        sheet)."""
        kept = (self.type_combo, self.attribute_combos, self.trigger_label)  # _head sets them: the event shown's
        self.attribute_combos = {}  # the probe's boxes put in a dict of their own, not in the event shown's
        probe = QWidget()
        lay = QVBoxLayout(probe)
        lay.addLayout(self._head(schema, None, ""))
        args = tuple(Argument(-1 - i, -1, r.name, PROBE_FILLER) for i, r in enumerate(most.roles))
        lay.addWidget(self._roles_group(Event(-1, -1, most.name, 0, 0, {}, None, args)))
        need = lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
        probe.deleteLater()
        self.type_combo, self.attribute_combos, self.trigger_label = kept
        return need

    def reveal_role(self, index: int) -> None:
        """Bring role ``index``'s row (its name, every filler, its fill list) into the editor's view, once the rows are
        laid out after the edit under way: a role of several fillers, or a long filler wrapped onto lines, scrolls the
        Roles box at 1366x768, and Alt+N on a row scrolled out of view filled it unseen."""
        QTimer.singleShot(
            0, lambda: self._group is not None and bring_into_view(self.scroll, self._group.row_widgets(index))
        )

    def height_short(self) -> int:
        """How many pixels the event shown needs beyond the editor's view at the view's width (its rows laid out
        first); 0 when every row is in sight or no event is shown."""
        body = self.scroll.widget()
        if body is None or self.event_id is None:
            return 0
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        view = self.scroll.viewport()
        need = body.heightForWidth(view.width()) if body.hasHeightForWidth() else body.sizeHint().height()
        return max(0, need - view.height())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.scroll.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._fit_width()
        return False

    def _fit_width(self) -> None:
        """The panel is never narrower than the content with the vertical scroll bar beside it: a scroll bar
        appearing (more roles filled) pushed the combo boxes past the panel's edge, where they were cut."""
        body = self.scroll.widget()
        if body is not None:
            self.setMinimumWidth(
                max(body.minimumSizeHint().width(), body.minimumWidth())
                + self.scroll.verticalScrollBar().sizeHint().width()
                + 2 * self.scroll.frameWidth()
            )


def least_width(controller: "Controller") -> int:
    """The panel's least width for the open project's schema, known before the panel is built (after the text's
    first paint): given to its dock from the start, the right-hand docks no longer widened (368 -> 398 px at 1366x768)
    when the panel came, and the text no longer rewrapped then. The measure is kept for the panel (``_LEAST_WIDTHS``)."""
    probe = EventEditor(controller)
    probe._fit_width()  # as the panel's, shown: the content with the scroll bar beside it
    width = max(probe.minimumWidth(), probe.minimumSizeHint().width())
    probe.deleteLater()
    return width
