"""The event editor's Roles box: each role of the event's type as a row (its key, its name, its fillers, its fill
list), built once for a type and changed in place row by row as the event shown changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from annotator.filler_pick import arguments_in_order
from annotator.keyflow import agent_order, first_role_candidates, source_order
from annotator.role_heads import of_no_known_kind
from annotator.span_label import key_fill_label, label_for_span
from annotator.pipeline_names import label_kinds
from annotator.model import Entity, Event
from ui import theme as themes
from ui.elided import ElidedLabel
from annotator.rules import event_missing_roles, takes
from ui.plain import tooltip_text
from ui.role_heads import with_heads
from ui.role_rows import RoleRowLabel, agree_forms
from ui.role_keys import labels_with_keys, no_candidate_row, no_candidate_tip, role_shortcut, sentence_said
from ui.widget_tools import empty_layout, plain_label, widgets_of
from ui.wrapped import WrappedButton

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

    from annotator.schema import Role
    from ui.controller import Controller

FILL_LIST_MOST = 50  # entities in a role's fill list, nearest to the trigger first
PROBE_FILLER = -1  # the entity id of the filler every role gets when the panel's least width is measured
ROW_SPACING = 2  # pixels between two roles' rows (the style's 6 left Time of a seven-role event off screen)
FILL_LIST_CHARACTERS = 4  # a fill list's width in 'x's: "fill…" whole (its entries shown whole when it opens)
NOUN_SAID = "a noun of the sentence"  # an empty role's key makes a span of it (``role_heads``), as its line says
UNKNOWN_NOUN_SAID = "a noun of the sentence, its kind unknown"  # offered after those of a kind the role takes
ROLE_NAME_LEAST = 14  # characters of a role's name always shown ("Beneficiary *"); a longer one is elided


def nearest_candidates(c: "Controller", role: "Role", event: Event) -> list[Entity]:
    """Entities ``role`` accepts (not rejected, not in it yet) in the order Alt+N puts them
    (``keyflow.first_role_candidates``: the trigger's sentence first, a place after the trigger first for a place
    role, a place told as where last for a participant role, then the nearest others): the list's first entity is
    the one Alt+N puts (the list was nearest first, Alt+N's order another). The ``FILL_LIST_MOST`` first (a long
    document's list held thousands, built again at every key: 25 ms an Enter), found by the controller's index of
    spans by start (a pass over every span at each rebuild was half of the editor's time)."""
    ts, te = event.trigger_start, event.trigger_end
    taken = [a.entity_id for a in event.arguments if a.role == role.name]
    others = [a.entity_id for a in event.arguments if a.role != role.name]
    text = c.doc.text if c.doc is not None else ""
    etype = c.schema.event_type(event.type) if c.schema is not None else None
    source, agent = source_order(etype, role), agent_order(etype, role)
    kinds = label_kinds(c.schema)  # the pipeline's places, times and amounts in the schema's names
    ask = (role, (ts, te), c.sentence(ts), taken, others, text, source, agent, kinds)
    found, _ = first_role_candidates(c.entities, c.span_index(), *ask, most=FILL_LIST_MOST)
    return found[:FILL_LIST_MOST]


def name_style(missing: bool) -> str:
    """A role's name: bold; red while it is required and not filled."""
    return "font-weight: bold" + (f"; color: {themes.current().error}" if missing else "")


def role_label_columns(index: int, role: "Role") -> tuple[QLabel, QLabel]:
    """A role's key and name labels as its row in the Roles box shows them (name bold, as a filled role's)."""
    key = plain_label(role_shortcut(index), color=themes.current().muted)
    name = ElidedLabel(role.name + (" *" if role.required else ""), "", least=ROLE_NAME_LEAST)
    name.setStyleSheet(name_style(False))
    return key, name


class RolesBox(QGroupBox):
    """The Roles box of an event: each role's key, name, fillers and fill list (``role_rows``, ``fill_combos``);
    ``lists``: each role's fill list, as the editor found them. Every control asks through a signal."""

    fillRequested = Signal(int, int)  # role index, entity id
    removeArgumentRequested = Signal(int)
    argumentClicked = Signal(int)  # entity id

    def __init__(self, controller: "Controller", ev: Event, lists: dict[str, list[Entity]]) -> None:
        super().__init__("Roles")
        self.c = controller
        self.event_type = ev.type
        self._lists = lists
        self._in_event = {a.entity_id for a in ev.arguments}  # no candidate Alt+N puts (it leaves them out)
        self._event = ev  # its trigger's sentence: where a candidate lies, the nouns a role key offers there
        # the span the role keys put in place of the candidates, and the event they put it in (``say_selected``)
        self._selected: tuple[Entity, Event] | None = None
        self.fill_combos: list[QComboBox] = []
        self.role_rows: dict[str, QLabel] = {}
        self._cells: list[QVBoxLayout] = []  # each role's fillers, as its row shows them
        self._row_shows: list[tuple] = []  # each row's fillers, fill list and flag, as shown
        schema = controller.schema
        etype = schema.event_type(ev.type)
        group_lay = QVBoxLayout(self)
        # the hint wraps: as the group's title it set the panel's least width, wider than the dock it starts in
        hint = plain_label("Select an entity in the text, then press the role's key.", color=themes.current().muted)
        hint.setWordWrap(True)
        group_lay.addWidget(hint)
        grid = QGridLayout()
        grid.setVerticalSpacing(ROW_SPACING)  # seven roles fit at 1366x768, "Delete event" under them
        group_lay.addLayout(grid)
        grid.setColumnStretch(2, 1)
        missing = set(event_missing_roles(schema, ev))
        for i, role in enumerate(etype.roles if etype else ()):
            filled = arguments_in_order(ev, role.name, controller.entities)  # as Ctrl+Shift+N goes (session 38)
            key, name = role_label_columns(i, role)
            # a row never widens the panel (the dock took the width of each event): the argument elides first
            accepts = f"{role.name}: accepts " + ", ".join(role.labels) + f" ({role.multiplicity.replace('_', ' ')})"
            name.setToolTip(tooltip_text(accepts))
            name.setStyleSheet(name_style(role.name in missing))
            self.role_rows[role.name] = name
            grid.addWidget(key, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, i, 1, Qt.AlignmentFlag.AlignTop)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            self._fill_cell(cell, i, role.name, filled)
            grid.addLayout(cell, i, 2)
            combo = QComboBox()
            # as wide as its "fill…" needs, no room for an icon no entry has: the 98 px of six characters and an
            # icon took the width a short filler lacked ("counterp…" beside its × at 1366x768)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setIconSize(QSize(0, 0))
            combo.setMinimumContentsLength(FILL_LIST_CHARACTERS)
            combo.setToolTip(
                tooltip_text(f"Fill {role.name} with an entity it accepts, in the order Alt+{i + 1} puts them")
            )
            self._fill_list(combo, self._lists.get(role.name, ()))
            combo.activated.connect(lambda idx, ri=i, b=combo: self._fill(ri, b, idx))
            self.fill_combos.append(combo)
            self._cells.append(cell)
            self._row_shows.append(self._row_of(ev, role.name, role.name in missing))
            grid.addWidget(combo, i, 3, Qt.AlignmentFlag.AlignTop)

    def focus_chain(self) -> list[QWidget]:
        """Each role's arguments (each with its ×) and fill list, as Tab goes down them."""
        chain: list[QWidget] = []
        for cell, combo in zip(self._cells, self.fill_combos, strict=True):
            chain += [w for w in widgets_of(cell) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
            chain.append(combo)
        return chain

    def row_widgets(self, index: int) -> list[QWidget]:
        """Role ``index``'s row: its name, every filler (or the candidate an empty one names), its fill list."""
        if not 0 <= index < len(self._cells):
            return []
        name = list(self.role_rows.values())[index]
        return [name, *widgets_of(self._cells[index]), self.fill_combos[index]]

    def update_rows(self, ev: Event, lists: dict[str, list[Entity]]) -> None:
        """The rows (of ``ev``'s type) changed in place, each only where it differs from what it shows: its fillers
        (or the candidate an empty one names), its fill list, its flag as a required role not filled."""
        self._lists = lists
        self._in_event = {a.entity_id for a in ev.arguments}
        self._event = ev
        etype = self.c.schema.event_type(ev.type)
        missing = set(event_missing_roles(self.c.schema, ev))
        for i, role in enumerate(etype.roles if etype else ()):
            now = self._row_of(ev, role.name, role.name in missing)
            was, self._row_shows[i] = self._row_shows[i], now
            if now[0] != was[0]:
                had_keys = any(w.hasFocus() for w in widgets_of(self._cells[i]))  # its × pressed by Space
                empty_layout(self._cells[i])
                self._fill_cell(self._cells[i], i, role.name, arguments_in_order(ev, role.name, self.c.entities))
                if had_keys:  # the keys stay in the row, seen there: Qt gave them on (to its fill list) unframed
                    combo = self.fill_combos[i]
                    combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
                    combo.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # as after Tab
                    combo.update()
            elif not now[0]:  # empty: what its key puts named again (a noun of the sentence made a span is no more)
                said = self._cells[i].itemAt(0).widget()
                if isinstance(said, ElidedLabel):
                    self._say_candidate(said, i, role.name)
            if now[1] != was[1]:
                self._fill_list(self.fill_combos[i], self._lists.get(role.name, ()))
            else:
                self.fill_combos[i].setCurrentIndex(0)  # "fill…" again, as a new box shows it
            if now[2] != was[2]:
                self.role_rows[role.name].setStyleSheet(name_style(now[2]))
        self.agree_rows()  # a row filled or emptied: the others' form may change with it

    def _row_of(self, ev: Event, role: str, missing: bool) -> tuple:
        """What a role's row shows of ``ev``: its fillers (argument, entity, offsets), its fill list, its flag."""
        ents = self.c.entities
        fillers = tuple(
            (a.id, a.entity_id, (e.start, e.end) if (e := ents.get(a.entity_id)) else None)
            for a in arguments_in_order(ev, role, ents)
        )
        ids = tuple(e.id for e in self._lists.get(role, ()))
        return fillers, (ids, self.c.sentence(ev.trigger_start)), missing  # the list says where each lies against it

    def _fill_cell(self, cell: QVBoxLayout, index: int, role: str, filled: list) -> None:  # type: ignore[type-arg]
        """A role's fillers in its cell: each a button (to the text) and × (remove it); when none, a dash and the
        entity its key (role ``index``'s) puts with nothing selected, its fill list's first (the first press was
        blind: a wrong candidate seen only once put). A filler of entity id ``PROBE_FILLER`` shows a long name
        (the editor's least width measures a row at its widest)."""
        c, text = self.c, self.c.doc.text if self.c.doc else ""
        for a in filled:
            ent = c.entities.get(a.entity_id)
            line = QHBoxLayout()
            shown = "M" * 40 if a.entity_id == PROBE_FILLER else text[ent.start : ent.end] if ent else "?"
            keys = f"; Ctrl+Shift+{index + 1} in the text selects it" if index < 9 else ""  # round 31
            btn = WrappedButton(shown, f"{shown}\n(click: show it in the text{keys})")  # whole: elided, 7 roles cut it
            btn.clicked.connect(lambda _=False, eid=a.entity_id: self.argumentClicked.emit(eid))
            rm = QToolButton()
            rm.setText("×")
            by_keys = f" (by keys: Ctrl+Shift+{index + 1} to it, then Ctrl+Alt+{index + 1})" if index < 9 else ""
            rm.setToolTip(f"Remove this {role}{by_keys}")
            rm.clicked.connect(lambda _=False, aid=a.id: self.removeArgumentRequested.emit(aid))
            line.addWidget(btn)  # as wide as its text, or wrapped onto more lines in the room there is
            line.addWidget(rm, 0, Qt.AlignmentFlag.AlignTop)  # beside the first line of a wrapped filler
            line.addStretch(1)
            cell.addLayout(line)
        if not filled:
            cell.addWidget(self._empty_role(index, role))

    def agree_rows(self) -> None:
        """The empty roles' rows in one form, each with its key or none without (``role_rows.agree_forms``)."""
        agree_forms(self._empty_rows())

    def _empty_rows(self) -> list[RoleRowLabel]:
        said = (cell.itemAt(0).widget() if cell.count() == 1 else None for cell in self._cells)
        return [w for w in said if isinstance(w, RoleRowLabel)]

    def _empty_role(self, index: int, role: str) -> RoleRowLabel:
        """An empty role's cell: a dash, then "Alt+N: " and the words of the entity the key would put (elided, never
        widening the panel; the whole in its tooltip), faint and in italics, a candidate and no filler."""
        said = RoleRowLabel("—", self.agree_rows)  # one form with its neighbours (``role_rows``)
        said.setStyleSheet(f"color: {themes.current().faint}; font-style: italic")
        self._say_candidate(said, index, role)
        return said

    def say_selected(self, selected: tuple[Entity, Event] | None) -> None:
        """The empty roles name the span of ``selected`` as what their keys put, and in which event (a span selected
        that fills no role of the event: ``EventEditor.selected_for_keys``), or their candidates again (None). Seed
        003: Enter on "indictment" moved on to "New York", the Defendant still saying "— Alt+1: Rostami", and Alt+1
        put New York (session 33)."""
        if selected == self._selected:
            return
        self._selected = selected
        for i, (cell, role) in enumerate(zip(self._cells, self.role_rows, strict=True)):
            said = cell.itemAt(0).widget() if cell.count() == 1 else None
            if isinstance(said, ElidedLabel):
                self._say_candidate(said, i, role)

    def _say_candidate(self, said: ElidedLabel, index: int, role: str) -> None:
        """``said`` names what role ``index``'s key puts with nothing selected: the first of its fill list that fills
        no other role of the event, or a noun of the trigger's sentence before another sentence's entity
        (``role_heads.with_heads``, as the key's cycle offers them, session 32), and where it lies when that is not
        the trigger's sentence ("— Alt+1: Bakare (earlier sentence)"; session 33: it read as the trigger's); a
        dash alone when there is none or the role has no key (a tenth). Set in place: ] made the label again."""
        first = self._first_put(role)
        key = role_shortcut(index)
        if self._selected is not None and key and self.c.doc is not None:  # the key puts it (``say_selected``)
            self._say_selected_put(said, index, role, first)
            return
        if first is None or not key:  # session 36: the row said a dash alone, not what its key does there
            said.set_full_text(*no_candidate_row(key))
            said.setToolTip(tooltip_text(no_candidate_tip(role, self._role_labels(role), key)))
            return
        words, label, where = first
        # the place in a few words, kept at 1366x768 where the row shows some 25 characters (", a noun o…" was cut);
        # where the row is narrower, without the key its first column shows already (session 35: "— Alt+3: cooperation
        # (…" and "— Alt+2: November 17 (earl…" hid what the key puts and where it lies)
        if not where:
            said.set_full_text(f"— {key}: {words}", (f"— {words}",))
        elif where == NOUN_SAID:
            said.set_full_text(f"— {key}: {words} (noun)", (f"— {words} (noun)",))
        elif where == UNKNOWN_NOUN_SAID:
            said.set_full_text(f"— {key}: {words} (noun?)", (f"— {words} (noun?)",))
        else:  # "of an earlier sentence": "(earlier sentence)", "(earlier)" where that does not fit
            when = where.split()[-2]
            shorter = (f"— {key}: {words} ({when})", f"— {words} ({when})")
            said.set_full_text(f"— {key}: {words} ({when} sentence)", shorter)
        if where in (NOUN_SAID, UNKNOWN_NOUN_SAID):
            tip = f"makes “{words}” a span ({label}) and puts it: {where}, where no entity it accepts is free"
        elif where:
            tip = f"puts “{words}” ({label}), {where}: the trigger's sentence has no entity or noun it takes free"
        else:
            tip = f"puts “{words}” ({label}), first in its fill list"
        said.setToolTip(tooltip_text(f"{role} is empty: {key} (nothing selected) {tip}"))

    def _say_selected_put(self, said: ElidedLabel, index: int, role: str, first: tuple[str, str, str] | None) -> None:
        """``said`` names the selected span as what role ``index``'s key puts: in this event, or in the event of the
        span's sentence, its role of the same key (``role_event.event_for_filler``), that event's trigger named."""
        assert self._selected is not None and self.c.doc is not None
        sel, into = self._selected
        key, words = role_shortcut(index), self.c.doc.text[sel.start : sel.end]
        alone = f"; with nothing selected it puts “{first[0]}”" if first is not None else ""
        r = self.c.schema.event_type(self._event.type).role(role)
        put = key_fill_label(self.c.entities.values(), self.c.doc.text, sel, r) if r is not None else sel.label
        if into.id == self._event.id and r is not None and put is None:
            fit = labels_with_keys(self.c.schema, r.labels)  # the key refuses it: what the role takes, and their keys
            said.set_full_text(f"— {key}: takes {fit}", (f"— takes {fit}", f"— takes {', '.join(r.labels)}"))
            said.setToolTip(
                tooltip_text(
                    f"{role} is empty and takes {fit}: {key} does not put the selected “{words}” ({sel.label}); "
                    f"that label's key relabels it first{alone}"
                )
            )
            return
        if into.id == self._event.id:
            new = f" as {put}" if put and put != sel.label else ""  # a suggestion the key relabels: "Syria as PRODUCT"
            said.set_full_text(f"— {key}: selected: {words}{new}", (f"— selected: {words}{new}",))
            said.setToolTip(
                tooltip_text(
                    f"{role} is empty: {key} puts the selected “{words}” ({sel.label}"
                    + (f", relabelled {put}" if new else "")
                    + f"){alone}"
                )
            )
            return
        trigger = self.c.span_said(into.trigger_start, into.trigger_end, 30)
        other = self.c.schema.event_type(into.type)
        theirs = other.roles[index] if other is not None and index < len(other.roles) else None
        why = f"“{words}” lies in another sentence, whose event is {into.type} “{trigger}”"
        if theirs is None:
            # without the key where the row is narrower (session 35: "— Alt+4: “met” has no …" at 1366 cut its number)
            said.set_full_text(
                f"— {key}: “{trigger}” has no role {index + 1}", (f"— “{trigger}” has no role {index + 1}",)
            )
            tip = f"{role} is empty: {key} fills nothing with the selected “{words}”: {why}, which has no role {index + 1}"
            said.setToolTip(tooltip_text(f"{tip} (it selects that event){alone}"))
            return
        # the selected words in the tooltip alone (they are selected in the text): at 1366x768 the row has some 25
        # characters, and "— Alt+1: Lyon → arrested: Person" was cut before its role
        said.set_full_text(f"— {key}: → {trigger}: {theirs.name}", (f"— → {trigger}: {theirs.name}",))
        takes_it = "" if takes(theirs, sel.label) else f" ({theirs.name} takes {', '.join(theirs.labels)})"
        tip = f"{role} is empty: {key} puts the selected “{words}” ({sel.label}) in {theirs.name}{takes_it}: {why}"
        said.setToolTip(tooltip_text(f"{tip}, and a span fills an event of its own sentence{alone}"))

    def _role_labels(self, role: str) -> tuple[str, ...]:
        r = self.c.schema.event_type(self._event.type).role(role)
        return tuple(r.labels) if r is not None else ()

    def _first_put(self, role: str) -> tuple[str, str, str] | None:
        """The words, label and place ("" in the trigger's sentence, ``NOUN_SAID``, or "of a later sentence") of what
        ``role``'s key puts with nothing selected (``_say_candidate``); None: nothing."""
        c, ev = self.c, self._event
        ents = [e for e in self._lists.get(role, []) if e.id not in self._in_event]
        sentence = c.sentence(ev.trigger_start)
        r = c.schema.event_type(ev.type).role(role)
        first = with_heads(c, ev, ents, sentence, r)[:1]
        if not first or c.doc is None:
            return None
        if isinstance(first[0], tuple):  # a noun head: made a span as the key would label it
            label = label_for_span(c.entities.values(), c.doc.text, first[0], r.labels, label_kinds(c.schema))
            unknown = of_no_known_kind(c.doc.text, first[0])
            return c.span_said(*first[0]), label, UNKNOWN_NOUN_SAID if unknown else NOUN_SAID
        ent = c.entities[first[0]]
        return c.span_said(ent.start, ent.end), ent.label, sentence_said(ent, sentence)

    def _fill_list(self, combo: QComboBox, entities: "Iterable[Entity]") -> None:
        """A role's fill list: "fill…" (whole in the least width: 'fill Destination…' read 'fill Destinati'), then
        the entities it accepts, in the order Alt+N puts them, each of another sentence than the trigger's said so
        ("Bakare  (PERSON, of an earlier sentence)")."""
        text = self.c.doc.text if self.c.doc else ""
        sentence = self.c.sentence(self._event.trigger_start)
        combo.clear()
        combo.addItem("fill…", None)
        for e in entities:
            where = sentence_said(e, sentence)
            combo.addItem(f"{text[e.start : e.end]}  ({e.label}{where and ', ' + where})", e.id)

    def _fill(self, role_index: int, combo: QComboBox, idx: int) -> None:
        eid = combo.itemData(idx)
        if eid is not None:
            self.fillRequested.emit(role_index, int(eid))
