"""The Adjudication window: the annotators' differences on the current document, side by side, settled by keys.

Keys on the list: A / B (C, D ... for more sets) take that annotator's version, + keeps both versions
(entity spans only), E settles it as the reviewer's own edit and puts the text cursor on it in the main
window, G takes every agreed item at once. Each key pushes one command on the app's undo stack, so
Ctrl+Z in the main window (or here) takes a decision back. The core does the work
(annotator.teams.adjudication); this window only lists and dispatches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import kept_messages
from annotator.categories import document_categories
from annotator.teams import adjudication as adj
from annotator.teams.differences import (
    Difference,
    EventOption,
    differences,
    document_sets,
    final_events,
)
from annotator.teams.merge_categories import said_choices
from annotator.teams.sets import not_worked_on, still_in_progress
from annotator.wording import counted, first_named
from ui.dialogs.adjudication_steps import MarkEdited, TakeAllAgreed, TakeAllFrom, TakeBoth, TakeVersion, settled_by
from ui.dialogs.adjudication_words import (
    SET_KEYS,
    decision_said,
    describe_option,
    difference_said,
    keys_hint,
    waiting_said,
)
from ui.dialogs.keys import close_buttons
from ui.dialogs.problems import problem_text
from ui.plain import no_mnemonic, tooltip_text
from ui.roles_left import roles_left, roles_of

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.window_face import WindowFace

SETTLED = QColor("#8a8a8a")
NAMED_LACKING = 3  # the events lacking a required role the heading names; the rest counted
TEXT_MOST = 40  # characters of a difference's words in the Text column ("…" last when cut, whole in its tooltip)


class AdjudicationWindow(QDialog):
    """Differences of the controller's current document; follows the main window's document."""

    def __init__(
        self, controller: "Controller", parent: QWidget | None = None, window: "WindowFace | None" = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Adjudication")
        self.setModal(False)
        # as wide as the main window allows: the annotators' versions side by side need the room (at 1100 px,
        # with DejaVu Sans, a long organisation's name was cut in each version at a 1366-px screen)
        self.resize(max(1100, window.width() - 60) if window is not None else 1100, 500)
        self.controller = controller
        self.main_window = window
        self.sets: list[str] = []
        self.diffs: list[Difference] = []
        # the items whose decision is kept while another program writes (id -> that edit's title): shown decided,
        # being saved; a second key on one is refused (until session 35 the row looked undecided, and A on it again
        # kept a second decision of the same item)
        self.waiting: dict[str, str] = {}
        self.heading = QLabel("")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)  # the events it names grew the window past the screen at 1366 (session 36)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.installEventFilter(self)
        self.tree.viewport().installEventFilter(self)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_current())
        self.tree.currentItemChanged.connect(lambda *_: self._follow_current())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("both", "Both (+)", self.take_both),
            ("edit", "Edit (E)", self.edit_current),
            ("agreed", "Take all agreed (G)", self.take_agreed),
        ):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[key] = b
        self.set_buttons = QHBoxLayout()
        row.addLayout(self.set_buttons)
        for b in self.buttons.values():
            row.addWidget(b)
        row.addStretch(1)
        # the annotators' categories of the document (a merge keeps them with each set): settled in Categories…
        self.categories = QLabel("")
        self.categories.setTextFormat(Qt.TextFormat.PlainText)
        self.categories.setWordWrap(True)
        self.categories.setVisible(False)
        self.hint = QLabel(keys_hint(2))
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.categories)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row)
        lay.addWidget(self.hint)
        lay.addWidget(close_buttons(self))  # Esc too: it had no button, only the window manager's cross
        undo = controller.undo_stack.createUndoAction(self, "Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = controller.undo_stack.createRedoAction(self, "Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for act in (undo, redo):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(act)
        controller.documentChanged.connect(self.refresh)
        controller.outsideCommit.connect(self._outside_commit)  # a merge by another program: the versions it brought
        controller.categoriesChanged.connect(self._say_categories)  # changed in Categories… meanwhile
        controller.undo_stack.indexChanged.connect(lambda _i: self.refresh())
        controller.kept.waiting.connect(self._follow_kept)  # a key kept, saved or taken back: its row follows
        self._set_columns()  # named from the start (one column headed "1" while no set covered the document)
        self.refresh()

    # -- listing ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        c = self.controller
        keep = self.current_id()
        self.tree.clear()
        self.diffs = []
        for b in self.buttons.values():
            b.setEnabled(False)
        self._say_categories()
        if c.project is None or c.doc is None:
            self.heading.setText("No document open.")
            return
        sets = document_sets(c.project, c.doc.id)
        if sets != self.sets:
            self.sets = sets
            self._set_columns()
        self.diffs = differences(c.project, c.doc.id, self.sets) if self.sets else []
        text = c.doc.text
        selected = None
        finals = final_events(c.project, c.doc.id) if any(d.kind == "event" and d.settled for d in self.diffs) else {}
        self.waiting = self._kept_decisions()
        for d in self.diffs:
            waits = self.waiting.get(d.id)
            decision = decision_said(text, d, finals) if waits is None else waiting_said(waits)
            alone = len(d.options) == 1  # one annotator worked on the document: nothing to differ from
            words = "(the document)" if d.kind == "categories" else text[d.start : d.end]
            where = words if len(words) <= TEXT_MOST else words[: TEXT_MOST - 1] + "…"  # cut: said, whole in its tip
            cols = [d.kind, "one annotator" if alone else difference_said(d), where]
            cols += [describe_option(text, opt) for _, opt in d.options]
            cols.append(decision)
            item = QTreeWidgetItem(cols)
            item.setData(0, Qt.ItemDataRole.UserRole, d.id)
            for k in range(3, len(cols)):
                item.setToolTip(k, tooltip_text(cols[k]))
            if where != words:
                item.setToolTip(2, tooltip_text(words))
            if d.settled or waits is not None:
                for k in range(len(cols)):
                    item.setForeground(k, QBrush(SETTLED))
            if waits is not None:  # decided, not in the file yet: the decision in italics
                font = item.font(len(cols) - 1)
                font.setItalic(True)
                item.setFont(len(cols) - 1, font)
            self.tree.addTopLevelItem(item)
            if d.id == keep:
                selected = item
        self._fit_columns()
        left = sum(not d.settled and d.id not in self.waiting for d in self.diffs)
        if not self.sets and not_worked_on(c.project, c.doc.id):
            self.heading.setText(f"{c.doc.name}: no annotator worked on this document{self._absent()}.")
        elif not self.sets:
            self.heading.setText(f"{c.doc.name}: no annotators' sets cover this document (merge their files first).")
        else:
            self.heading.setText(
                f"{c.doc.name} ({c.doc.status.replace('_', ' ')}): {counted(len(self.diffs), 'item')}, {left} to settle"
                + (f" ({why})" if not left and (why := self._not_reviewed()) else "")
                + "; sets "
                + ", ".join(f"{SET_KEYS[i]} = {s}" for i, s in enumerate(self.sets[: len(SET_KEYS)]))
                + self._absent()
            )
        if selected is None and self.tree.topLevelItemCount():
            selected = next(
                (self.tree.topLevelItem(i) for i, d in enumerate(self.diffs) if self._open(d)),
                self.tree.topLevelItem(0),
            )
        if selected is not None:
            self.tree.setCurrentItem(selected)
        for b in self.buttons.values():
            b.setEnabled(bool(self.diffs))  # nothing listed: nothing to take, edit or settle
        self._follow_current()

    def _kept_decisions(self) -> dict[str, str]:
        """The listed items whose decision is kept while another program writes: id -> the title of that edit."""
        out: dict[str, str] = {}
        for edit in self.controller.kept.writes.keys():
            for diff_id in settled_by(edit, self.diffs):
                out[diff_id] = edit.text()
        return out

    def _outside_commit(self) -> None:
        """Another program's commit read by the poll: a merge may have brought a set, or a set's newer work, into the
        document, or another window on the file decided items; the list is read again when its items or their
        decisions changed (it showed the versions of before until reopened; decisions until session 37)."""
        if self.isVisible() and self._stale():
            self.refresh()

    def _stale(self) -> str:
        """What came into the document since the list was read, as the line says it ("" when the list's items are the
        file's: the same sets, the same items' ids, which are made from every set's version, the same decisions)."""
        c = self.controller
        if c.project is None or c.doc is None:
            return ""
        sets = document_sets(c.project, c.doc.id)
        now = differences(c.project, c.doc.id, sets) if sets == self.sets else []
        if sets == self.sets and [d.id for d in now] == [d.id for d in self.diffs]:
            # decided in the project's other window, or by another reviewer's program (s37: B overwrote her A)
            changed = [d for d, was in zip(now, self.diffs) if d.decision != was.decision]
            if not changed:
                return ""
            who = sorted({str((d.decision or {}).get("by") or "someone") for d in changed if d.decision})
            whose = f"{first_named(who, 3)} decided" if who else "a decision was taken back on"
            return f"{whose} {counted(len(changed), 'item')} of this document meanwhile (another window or program)"
        new = [f"{s}'s" for s in sets if s not in self.sets]
        came = f"{first_named(new, 3)} work came" if new else "the annotators' work changed"
        return f"{came} into this document meanwhile (a merge)"

    def _refused_stale(self) -> bool:
        """A key on a list the file no longer matches (a merge the poll has not read yet, a decision of the project's
        other window): nothing is decided, the list is read again and the line says why. A took alice's version of
        the item as it was without carol's, recorded under an item that no longer was: the row read undecided beside
        carol's version (session 36); B overwrote the other window's A (session 37)."""
        whose = self._stale()
        if whose:
            self.refresh()
            self.controller.report_status(
                f"{whose}: the list is read again with it; nothing was decided (press the key again)"
            )
        return bool(whose)

    def _follow_kept(self, *_: object) -> None:
        """A decision kept, saved or taken back (``KeptEdits.waiting``, said at each retry too): the list read again
        when the items waiting changed."""
        if self._kept_decisions() != self.waiting:
            self.refresh()  # the row kept selected: the key that kept it moves on (``_next``), once

    def _open(self, d: Difference) -> bool:
        """Not settled, nor its decision kept to be saved."""
        return not d.settled and d.id not in self.waiting

    def _refused_waiting(self, d: Difference) -> bool:
        """A key deciding ``d`` again while its decision is kept: refused, said (it was kept a second time, session
        35, and the later key changed the first one's decision once both landed)."""
        title = self.waiting.get(d.id)
        if title is not None:
            self.controller.report_status(kept_messages.decision_waits("item", title))
        return title is not None

    def _follow_current(self) -> None:
        """Both (+) on only where the row's two versions can both be kept (entity spans that differ; one annotator:
        no two versions): on a row both annotators made the same it was on, and pressed said in red that it cannot
        be (+ still says why)."""
        d = self.current() if self.diffs else None
        self.buttons["both"].setEnabled(len(self.sets) > 1 and d is not None and d.can_take_both)

    def _say_categories(self) -> None:
        """The annotators' categories of the document beside the document's own, when a merge gave any (they are no
        items of the list: Document > Categories… settles them)."""
        c = self.controller
        meta = c.doc.meta if c.doc is not None and isinstance(c.doc.meta, dict) else {}
        choices = said_choices(meta)
        if choices:
            own = ", ".join(document_categories(meta)) or "none"
            self.categories.setText(
                f"Categories: {choices}; the document's: {own} (Document > Categories…, Ctrl+Shift+C, changes them)"
            )
        self.categories.setVisible(bool(choices))

    def _absent(self) -> str:
        """The annotators whose file had the document but who did not work on it: why their column is missing; and
        those whose work on it was still in progress in their file (half-done work, which a reviewer may wait for)."""
        c = self.controller
        if c.project is None or c.doc is None:
            return ""
        absent, unfinished = not_worked_on(c.project, c.doc.id), still_in_progress(c.project, c.doc.id)
        said = ""
        if absent:
            files = "their files" if len(absent) > 1 else "the file"
            said += f"; not worked on by {', '.join(absent)} (status new in {files}: left out)"
        if unfinished:  # her work here not done yet when her file was merged (session 35: said nowhere)
            files = "their files" if len(unfinished) > 1 else "the file"
            said += f"; not finished by {', '.join(unfinished)} (in progress in {files}: merge it again when done)"
        return said

    def _set_columns(self) -> None:
        headers = ["Kind", "Difference", "Text", *[f"{SET_KEYS[i]}: {s}" for i, s in enumerate(self.sets)], "Decision"]
        self.tree.setColumnCount(len(headers))
        self.tree.setHeaderLabels(headers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        while self.set_buttons.count():
            w = self.set_buttons.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for i, s in enumerate(self.sets[: len(SET_KEYS)]):
            b = QPushButton(no_mnemonic(f"Take {s} ({SET_KEYS[i]})"))
            b.clicked.connect(lambda _c=False, name=s: self.take(name))
            b.setToolTip(f"{s}'s version of the selected item; Shift+{SET_KEYS[i]}: of every item left, in one step")
            self.set_buttons.addWidget(b)
        # one annotator: nothing agreed, no two to keep; G takes the items (it said "A / B", "+", "all agreed")
        self.hint.setText(keys_hint(len(self.sets)))
        self.buttons["agreed"].setText("Take all agreed (G)" if len(self.sets) != 1 else "Take all (G)")

    def _fit_columns(self) -> None:
        """Every column as wide as its text (the annotators' versions were 100 px each, cut to 'GPE “Moscow” …',
        with half the window empty right of them), the versions at most an even share of the width (an event's
        attributes are long: the other version went out of sight), whole in their tooltips."""
        tree, n = self.tree, self.tree.columnCount()
        for col in range(n):
            tree.resizeColumnToContents(col)
        versions = range(3, n - 1)  # one column per annotator's set: side by side, never scrolled out of sight
        # the Decision column as wide as its longest cell (up to a third of the list): a reopened item's "open again:
        # was agreed by lead (carol's merged version differs)" was scrolled out of sight at 1366 (session 37)
        em = tree.fontMetrics().horizontalAdvance("M")
        decision = min(tree.columnWidth(n - 1), max(em * 12, tree.viewport().width() // 3))
        tree.setColumnWidth(n - 1, decision)
        fixed = sum(tree.columnWidth(c) for c in range(3)) + decision
        share = (tree.viewport().width() - fixed) // max(1, len(versions))
        for col in versions:
            if tree.columnWidth(col) > share:
                tree.setColumnWidth(col, max(share, tree.fontMetrics().horizontalAdvance("M" * 10)))

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def current(self) -> Difference | None:
        did = self.current_id()
        return next((d for d in self.diffs if d.id == did), None)

    def select(self, diff_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == diff_id:
                self.tree.setCurrentItem(item)
                return

    # -- settling --------------------------------------------------------------------------------------
    def _next(self, here_first: bool = False) -> None:
        """Move to the next difference not settled yet (after the list was refreshed); ``here_first``: stay on the
        selected one if it is not settled (G settles the agreed rows, not the one the person is on: it moved past
        it, and A then settled the next one)."""
        start = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        if here_first and start >= 0:
            start -= 1  # the selected one is looked at first
        order = list(range(start + 1, len(self.diffs))) + list(range(0, start + 1))
        for i in order:
            if self._open(self.diffs[i]):
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return

    def take(self, set_name: str) -> None:
        d = self.current()
        if d is None or self._refused_waiting(d) or self._refused_stale():
            return
        c = self.controller
        opt = d.option(set_name) if d.kind == "entity" else None
        at = [e.id for e in c.entities.values() if opt is not None and (e.start, e.end) == (opt.start, opt.end)]
        before = roles_of(c, at)  # a label taken takes the span out of the roles not taking it: said
        c.run(TakeVersion, d, set_name, sets=self.sets)
        kept = [(ev, a) for ev, a in before if (e := c.entities.get(a.entity_id)) is not None and e.label == opt.label]
        said = roles_left(c, kept, c.span_said(opt.start, opt.end, 40), opt.label) if kept and opt is not None else ""
        if said:
            c.report_status(said)  # (a span replaced by one of other bounds took its roles with it: not this)
        self._say_not_reviewed(said)
        self._next()

    def _not_reviewed(self) -> str:
        """Why a document whose every difference is settled is not marked reviewed: an event of the final set lacks a
        required role (``adj.lacking_roles``), named in the words Ctrl+Enter's question uses, each event (the first
        ``NAMED_LACKING``: the heading said "and 1 more" until session 35, and the reviewer met the next one only after
        she had filled the first and pressed G); "" when not so."""
        c = self.controller
        if c.project is None or c.doc is None or c.edits_waiting() or c.doc.status == "reviewed":
            return ""
        if not self.diffs or not all(d.settled for d in self.diffs):
            return ""
        lacking = adj.lacking_roles(c.project, c.doc.id)
        if not lacking:
            return ""
        each: dict[int | None, Any] = {}
        for p in lacking:  # each event's first problem, in the list's order
            each.setdefault(p.event_id, p)
        named = [problem_text(c, p) for p in each.values()]
        shown = first_named(named, NAMED_LACKING, sep="; ")
        return f"not marked reviewed: {shown} (fill {'it' if len(named) == 1 else 'them'}, then G)"

    def _say_not_reviewed(self, said: str = "") -> None:
        """The status line after a decision: why the document is not marked reviewed first (a line too long for the
        window is cut at its end: at 1366 px the role it named was), then ``said``."""
        c, line = self.controller, self._not_reviewed()
        if line and c.doc is not None:
            c.report_status(f"{c.doc.name} {line}" + (f"; {said}" if said else ""))

    def take_both(self) -> None:
        d = self.current()
        if d is None or self._refused_waiting(d) or self._refused_stale():
            return
        if not d.can_take_both:
            self.controller.report_error("Both versions can be kept only for entity spans that differ")
            return
        self.controller.run(TakeBoth, d, sets=self.sets)
        self._say_not_reviewed()
        self._next()

    def edit_current(self) -> None:
        """Settle as the reviewer's own edit and put the selection on it in the main window: an event item's event
        selected, so its role keys fill it (the words alone were, until session 35: "No event selected")."""
        d = self.current()
        if d is None or self._refused_waiting(d) or self._refused_stale():
            return
        self.controller.run(MarkEdited, d, sets=self.sets)
        w = self.main_window
        if w is not None and d.kind == "categories":  # edited where categories are: Document > Categories…
            from ui.dialogs.categories import edit_categories

            edit_categories(w)
        elif w is not None:
            w.view.show_cp(d.start, d.end)  # scrolls there, the caret at its start (and drops the selection) ...
            if d.kind == "event":  # the event itself, as a click on its trigger: its role keys act on it (its words
                event = self._main_event(d)  # selected, a role key made them the filler)
                self.controller.select_event(event)
                if event is None:  # no version kept: the line said the document's work left (session 35, s35-look)
                    self.controller.report_status(self._no_event_said(d))
            else:
                w.view.select_cp(d.start, d.end)  # ... so select afterwards
            w.activateWindow()
            w.view.setFocus()

    def _no_event_said(self, d: Difference) -> str:
        """The line after E on an event item whose trigger has no event in the final set: what the versions give, and
        that E (the caret on the trigger) makes one."""
        given = "; ".join(f"{name}'s: {o.type}" for name, o in d.options if isinstance(o, EventOption))
        word = self.controller.span_said(d.start, d.end, 30)
        return f"“{word}”: settled as your edit, no event here yet ({given}); E makes one"

    def _main_event(self, d: Difference) -> int | None:
        """The final set's event at the item's trigger (of a type one of the versions gave, if several are there)."""
        types = {o.type for _, o in d.options if isinstance(o, EventOption)}
        here = [v for v in self.controller.events.values() if (v.trigger_start, v.trigger_end) == (d.start, d.end)]
        here.sort(key=lambda v: v.type not in types)
        return here[0].id if here else None

    def take_all_from(self, set_name: str) -> None:
        """Shift+A…: ``set_name``'s version of every item left, one step on the undo stack (Ctrl+Z takes it back)."""
        c = self.controller
        if c.doc is not None and any(self._open(d) for d in self.diffs) and not self._refused_stale():
            c.run(TakeAllFrom, c.doc.id, set_name, sets=self.sets)
            self._say_not_reviewed()
            self._next(here_first=True)

    def take_agreed(self) -> None:
        c = self.controller
        if c.doc is not None and not self._refused_stale():
            c.run(TakeAllAgreed, c.doc.id, sets=self.sets)
            self._say_not_reviewed()
            self._next(here_first=True)

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
        if obj is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()  # the versions' share follows the window's width
            return False
        if obj is self.tree and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                return False
            key = event.text().upper()
            if key and key in SET_KEYS[: len(self.sets)]:
                name = self.sets[SET_KEYS.index(key)]
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and len(self.sets) > 1:
                    self.take_all_from(name)  # of every item left
                else:
                    self.take(name)
                return True
            if key == "+":
                self.take_both()
                return True
            if key == "E":
                self.edit_current()
                return True
            if key == "G":
                self.take_agreed()
                return True
        return super().eventFilter(obj, event)


def open_adjudication(window: "WindowFace") -> AdjudicationWindow | None:
    c = window.controller
    if c.project is None:
        window.show_error("Open a project first")
        return None
    dlg = getattr(window, "_adjudication_window", None)
    if dlg is None:
        dlg = AdjudicationWindow(c, window, window)
        window._adjudication_window = dlg  # type: ignore[attr-defined]
    dlg.refresh()
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()  # the keys too: raised behind them, Escape and A / B / E / G went to the main window's text
    dlg.tree.setFocus()
    return dlg
