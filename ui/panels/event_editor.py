"""The selected event: type, trigger, attributes, and its roles with their keys and fill lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.keyflow import first_role_candidates
from annotator.model import Argument, Entity, Event
from ui import theme as themes
from ui.editing import role_shortcut
from ui.elided import ElidedLabel
from ui.panels.events import missing_roles
from ui.plain import event_state_text, tooltip_text
from ui.wrapped import WrappedButton

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLayout

    from annotator.schema import EventType, Role, Schema
    from ui.controller import Controller


FILL_LIST_MOST = 50  # entities in a role's fill list, nearest to the trigger first
PROBE_FILLER = -1  # the entity id of the filler every role gets when the panel's least width is measured
ROW_SPACING = 2  # pixels between two roles' rows (the style's 6 left Time of a seven-role event off screen)
ROLE_NAME_LEAST = 14  # characters of a role's name always shown ("Beneficiary *"); a longer one is elided

# An event's least width by (schema, font, application style sheet), measured once per process: a window made
# again on the same schema (a project reopened; every GUI test's window) measured it again, ~40 % of opening one.
_LEAST_WIDTHS: dict[tuple["Schema", str, str], int] = {}


def plain_label(text: str, *, bold: bool = False, color: str | None = None) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    lab = QLabel(text)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    style = []
    if bold:
        style.append("font-weight: bold")
    if color:
        style.append(f"color: {color}")
    if style:
        lab.setStyleSheet("; ".join(style))
    return lab


def nearest_candidates(c: "Controller", labels: tuple[str, ...], event: Event, role: str = "") -> list[Entity]:
    """Entities role ``role`` accepts (not rejected, not in it yet) in the order Alt+N puts them
    (``keyflow.first_role_candidates``: the trigger's sentence first, a place after the trigger first for a place
    role, a place told as where last for a participant role, then the nearest others): the list's first entity is
    the one Alt+N puts (the list was nearest first, Alt+N's order another). The ``FILL_LIST_MOST`` first (a long
    document's list held thousands, built again at every key: 25 ms an Enter), found by the controller's index of
    spans by start (a pass over every span at each rebuild was half of the editor's time)."""
    ts, te = event.trigger_start, event.trigger_end
    taken = [a.entity_id for a in event.arguments if a.role == role]
    others = [a.entity_id for a in event.arguments if a.role != role]
    text = c.doc.text if c.doc is not None else ""
    found, _ = first_role_candidates(
        c.entities, c.span_index(), labels, (ts, te), c.sentence(ts), taken, others, text, most=FILL_LIST_MOST
    )
    return found[:FILL_LIST_MOST]


def _name_style(missing: bool) -> str:
    """A role's name: bold; red while it is required and not filled."""
    return "font-weight: bold" + (f"; color: {themes.current().error}" if missing else "")


def _role_label_columns(index: int, role: "Role") -> tuple[QLabel, QLabel]:
    """A role's key and name labels as its row in the Roles box shows them (name bold, as a filled role's)."""
    key = plain_label(role_shortcut(index), color=themes.current().muted)
    name = ElidedLabel(role.name + (" *" if role.required else ""), "", least=ROLE_NAME_LEAST)
    name.setStyleSheet(_name_style(False))
    return key, name


def _widest_roles_type(schema: "Schema") -> "EventType | None":
    """The event type whose Roles box is widest with every role filled. Its rows differ from another type's only
    in their key and name columns (a filler, its remove button and fill list are as wide in every row), so the
    type whose two label columns need the most decides the box's least width."""
    best, best_width = None, -1
    for etype in schema.events:
        probe = QWidget()
        grid = QGridLayout(probe)
        for i, role in enumerate(etype.roles):
            key, name = _role_label_columns(i, role)
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


def _show_state(label: QLabel, ev: Event) -> None:
    """``ev``'s state in the editor's State row: an undecided suggestion in the event list's colour and italics."""
    label.setText(event_state_text(ev.state, ev.score, ev.alternatives))
    undecided = ev.state == "suggested"
    label.setStyleSheet(f"color: {themes.current().suggested_event}; font-style: italic" if undecided else "")


def _widgets(layout: "QLayout") -> list[QWidget]:
    """The widgets of ``layout`` and of the layouts in it, in their order."""
    out: list[QWidget] = []
    for k in range(layout.count()):
        item = layout.itemAt(k)
        if (w := item.widget()) is not None:
            out.append(w)
        elif (sub := item.layout()) is not None:
            out += _widgets(sub)
    return out


def _empty(layout: "QLayout") -> None:
    """Take every widget and layout out of ``layout``, deleting them."""
    while (item := layout.takeAt(0)) is not None:
        if (w := item.widget()) is not None:
            w.hide()
            w.deleteLater()
        elif (sub := item.layout()) is not None:
            _empty(sub)
            sub.deleteLater()


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
        self.fill_combos: list[QComboBox] = []
        self.role_rows: dict[str, QLabel] = {}
        self.trigger_label: ElidedLabel | None = None
        self.state_label: QLabel | None = None  # undecided or decided, a suggestion's score and other types
        self._least_width_of: tuple[Schema, int] | None = None
        self._head_of: Schema | None = None  # the schema whose type and attribute boxes are shown (None: no event)
        self._group_type: str | None = None  # the event type the Roles box has the rows of
        self._cells: list[QVBoxLayout] = []  # each role's fillers, as its row shows them
        self._row_shows: list[tuple] = []  # each row's fillers, fill list and flag, as shown
        self._shown: tuple = ()
        self._shown_at: tuple = ()  # (controller revision, event, schema) that ``_shown`` was worked out at
        self._lists: dict[str, list[Entity]] = {}  # each role's fill list, as shown() last found it
        self._group: QGroupBox | None = None  # the Roles box of the event shown
        self.rebuild()

    def shown(self) -> tuple:
        """What the editor shows of the selected event: its type, trigger, state (a suggestion's score and other
        types with it), attributes, each role's fillers and fill list (ids, offsets, labels), the required roles it
        flags."""
        c = self.c
        self._shown_at = (c.revision, c.current_event, id(c.schema))
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        self._lists = {}
        if ev is None or c.schema is None or c.doc is None:
            return (id(c.schema), c.doc.id if c.doc else None)
        etype = c.schema.event_type(ev.type)
        # each role's fill list, kept for the rebuild that may follow at once (it found them all again: 2 ms a key)
        self._lists = {r.name: nearest_candidates(c, r.labels, ev, r.name) for r in (etype.roles if etype else ())}

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
            (ev.state, ev.score, ev.alternatives),
            tuple(sorted(ev.attributes.items())),
            tuple(missing_roles(c.schema, ev)),  # the required roles it flags: none on a rejected event
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
            if self._group_type == ev.type:
                self._update_roles(ev)
            else:
                self._replace_roles()
            self._tab_order()
            return
        self._group = self._head_of = self._group_type = None
        self.state_label = None
        self._delete.setVisible(ev is not None and c.schema is not None and c.doc is not None)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        body = QWidget()
        self.scroll.setWidget(body)
        body.installEventFilter(self)  # its rows are shown (and sized) later: _fit_width follows them
        self.attribute_combos, self.fill_combos, self.role_rows = {}, [], {}
        self.type_combo = None
        c = self.c
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        self.event_id = ev.id if ev else None
        lay = QVBoxLayout(body)
        if ev is None or c.schema is None or c.doc is None:
            hint = plain_label(
                "No event selected.\n\nSelect the trigger words and press E to create one, "
                "or click a trigger (dark red, underlined) in the text.",
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

    def _roles_group(self, ev: Event) -> QGroupBox:
        """The Roles box of ``ev``: each role's key, name, fillers and fill list (``role_rows``, ``fill_combos``)."""
        c = self.c
        schema = c.schema
        self.fill_combos, self.role_rows, self._cells, self._row_shows = [], {}, [], []
        self._group_type = ev.type
        etype = schema.event_type(ev.type)
        group = QGroupBox("Roles")
        group_lay = QVBoxLayout(group)
        # the hint wraps: as the group's title it set the panel's least width, wider than the dock it starts in
        hint = plain_label("Select an entity in the text, then press the role's key.", color=themes.current().muted)
        hint.setWordWrap(True)
        group_lay.addWidget(hint)
        grid = QGridLayout()
        grid.setVerticalSpacing(ROW_SPACING)  # seven roles fit at 1366x768, "Delete event" under them
        group_lay.addLayout(grid)
        grid.setColumnStretch(2, 1)
        missing = set(missing_roles(schema, ev))
        for i, role in enumerate(etype.roles if etype else ()):
            filled = [a for a in ev.arguments if a.role == role.name]
            key, name = _role_label_columns(i, role)
            # a row never widens the panel (the dock took the width of each event): the argument elides first
            accepts = f"{role.name}: accepts " + ", ".join(role.labels) + f" ({role.multiplicity.replace('_', ' ')})"
            name.setToolTip(tooltip_text(accepts))
            name.setStyleSheet(_name_style(role.name in missing))
            self.role_rows[role.name] = name
            grid.addWidget(key, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, i, 1, Qt.AlignmentFlag.AlignTop)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            self._fill_cell(cell, i, role.name, filled)
            grid.addLayout(cell, i, 2)
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.setToolTip(
                tooltip_text(f"Fill {role.name} with an entity it accepts, in the order Alt+{i + 1} puts them")
            )
            self._fill_list(combo, self._lists.get(role.name, ()))
            combo.activated.connect(lambda idx, ri=i, b=combo: self._fill(ri, b, idx))
            self.fill_combos.append(combo)
            self._cells.append(cell)
            self._row_shows.append(self._row_of(ev, role.name, role.name in missing))
            grid.addWidget(combo, i, 3, Qt.AlignmentFlag.AlignTop)
        return group

    def _tab_order(self) -> None:
        """Tab goes down the editor as it reads: type, attributes, then each role's arguments (each with its ×) and
        fill list, then "Delete event". A widget made later (an argument filled while its event is shown, a new Roles
        box) came after every other, past "Delete event"."""
        chain: list[QWidget] = [w for w in (self.type_combo, *self.attribute_combos.values()) if w is not None]
        for cell, combo in zip(self._cells, self.fill_combos, strict=True):
            chain += [w for w in _widgets(cell) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
            chain.append(combo)
        if self._delete.isVisibleTo(self):
            chain.append(self._delete)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _row_of(self, ev: Event, role: str, missing: bool) -> tuple:
        """What a role's row shows of ``ev``: its fillers (argument, entity, offsets), its fill list, its flag."""
        ents = self.c.entities
        fillers = tuple(
            (a.id, a.entity_id, (e.start, e.end) if (e := ents.get(a.entity_id)) else None)
            for a in ev.arguments
            if a.role == role
        )
        return fillers, tuple(e.id for e in self._lists.get(role, ())), missing

    def _fill_cell(self, cell: QVBoxLayout, index: int, role: str, filled: list) -> None:  # type: ignore[type-arg]
        """A role's fillers in its cell: each a button (to the text) and × (remove it); when none, a dash and the
        entity its key (role ``index``'s) puts with nothing selected, its fill list's first (the first press was
        blind: a wrong candidate seen only once put). A filler of entity id ``PROBE_FILLER`` shows a long name
        (``_least_width`` measures a row at its widest)."""
        c, text = self.c, self.c.doc.text if self.c.doc else ""
        for a in filled:
            ent = c.entities.get(a.entity_id)
            line = QHBoxLayout()
            shown = "M" * 40 if a.entity_id == PROBE_FILLER else text[ent.start : ent.end] if ent else "?"
            btn = WrappedButton(shown, f"{shown}\n(click: show it in the text)")  # whole: elided, 7 roles cut it
            btn.clicked.connect(lambda _=False, eid=a.entity_id: self.argumentClicked.emit(eid))
            rm = QToolButton()
            rm.setText("×")
            rm.setToolTip(f"Remove this {role}")
            rm.clicked.connect(lambda _=False, aid=a.id: self.removeArgumentRequested.emit(aid))
            line.addWidget(btn)  # as wide as its text, or wrapped onto more lines in the room there is
            line.addWidget(rm, 0, Qt.AlignmentFlag.AlignTop)  # beside the first line of a wrapped filler
            line.addStretch(1)
            cell.addLayout(line)
        if not filled:
            cell.addWidget(self._empty_role(index, role))

    def _empty_role(self, index: int, role: str) -> ElidedLabel:
        """An empty role's cell: a dash, then "Alt+N: " and the words of the entity the key would put (elided, never
        widening the panel; the whole in its tooltip), faint and in italics, a candidate and no filler."""
        said = ElidedLabel("—")
        said.setStyleSheet(f"color: {themes.current().faint}; font-style: italic")
        self._say_candidate(said, index, role)
        return said

    def _say_candidate(self, said: ElidedLabel, index: int, role: str) -> None:
        """``said`` names the first of role ``index``'s fill list, as its key with nothing selected puts it; a dash
        alone when there is none or the role has no key (a tenth). Set in place: ] made the label again."""
        first, key = self._lists.get(role, [])[:1], role_shortcut(index)
        if not first or not key:
            said.set_full_text("—")
            said.setToolTip(tooltip_text(f"{role} is empty; no entity it accepts is in the document"))
            return
        ent = first[0]
        words = self.c.doc.text[ent.start : ent.end] if self.c.doc else ""
        said.set_full_text(f"— {key}: {words}")
        said.setToolTip(
            tooltip_text(
                f"{role} is empty: {key} (nothing selected) puts “{words}” ({ent.label}), first in its fill list"
            )
        )

    def _fill_list(self, combo: QComboBox, entities: "Iterable[Entity]") -> None:
        """A role's fill list: "fill…" (whole in the least width: 'fill Destination…' read 'fill Destinati'), then
        the entities it accepts, in the order Alt+N puts them."""
        text = self.c.doc.text if self.c.doc else ""
        combo.clear()
        combo.addItem("fill…", None)
        for e in entities:
            combo.addItem(f"{text[e.start : e.end]}  ({e.label})", e.id)

    def _update_roles(self, ev: Event) -> None:
        """The Roles box's rows (of ``ev``'s type) changed in place, each only where it differs from what it shows:
        its fillers (or the candidate an empty one names), its fill list, its flag as a required role not filled."""
        etype = self.c.schema.event_type(ev.type)
        missing = set(missing_roles(self.c.schema, ev))
        for i, role in enumerate(etype.roles if etype else ()):
            now = self._row_of(ev, role.name, role.name in missing)
            was, self._row_shows[i] = self._row_shows[i], now
            if now[0] != was[0]:
                had_keys = any(w.hasFocus() for w in _widgets(self._cells[i]))  # its × pressed by Space
                _empty(self._cells[i])
                self._fill_cell(self._cells[i], i, role.name, [a for a in ev.arguments if a.role == role.name])
                if had_keys:  # the keys stay in the row, seen there: Qt gave them on (to its fill list) unframed
                    combo = self.fill_combos[i]
                    combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
                    combo.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # as after Tab
                    combo.update()
            elif not now[0] and now[1][:1] != was[1][:1]:  # empty, another first candidate: named in place
                said = self._cells[i].itemAt(0).widget()
                if isinstance(said, ElidedLabel):
                    self._say_candidate(said, i, role.name)
            if now[1] != was[1]:
                self._fill_list(self.fill_combos[i], self._lists.get(role.name, ()))
            else:
                self.fill_combos[i].setCurrentIndex(0)  # "fill…" again, as a new box shows it
            if now[2] != was[2]:
                self.role_rows[role.name].setStyleSheet(_name_style(now[2]))

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
        self.type_combo.addItems([t.name for t in schema.events])
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
            _show_state(state, ev)
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
            _show_state(self.state_label, ev)
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
        kept = (self.fill_combos, self.role_rows, self._cells, self._row_shows, self._group_type)
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
        self.fill_combos, self.role_rows, self._cells, self._row_shows, self._group_type = kept
        return least

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

    def _fill(self, role_index: int, combo: QComboBox, idx: int) -> None:
        eid = combo.itemData(idx)
        if eid is not None:
            self.fillRequested.emit(role_index, int(eid))


def least_width(controller: "Controller") -> int:
    """The panel's least width for the open project's schema, known before the panel is built (after the text's
    first paint): given to its dock from the start, the right-hand docks no longer widened (368 -> 398 px at 1366x768)
    when the panel came, and the text no longer rewrapped then. The measure is kept for the panel (``_LEAST_WIDTHS``)."""
    probe = EventEditor(controller)
    probe._fit_width()  # as the panel's, shown: the content with the scroll bar beside it
    width = max(probe.minimumWidth(), probe.minimumSizeHint().width())
    probe.deleteLater()
    return width
