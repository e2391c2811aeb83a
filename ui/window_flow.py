"""The main window's keyboard flow around the text: marking done (asking about undecided suggestions), the focus
after dialogs, F4/F8, the right-click target and the last place of each project (a mixin of MainWindow, split from it
to keep each file to one job; the status line is ``window_status``'s)."""

from __future__ import annotations

from pathlib import Path
from functools import partial
from typing import TYPE_CHECKING, Any, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QWidget

from ui import commands as cmd
from ui.menus import build_context_menu
from ui.work_left import unasked_note

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_parts import WindowParts as _Window
else:
    _Window = object  # a part of the window: what it takes from the rest is WindowParts

ACCEPT_REST = "&Accept the rest and mark annotated"  # Enter; Alt+A, Alt+L: each answer has its key
LEAVE_REST = "Mark annotated, &leave them undecided"


def _focus_target(panel: QWidget | None) -> QWidget | None:
    """Where the keys go in a tab of the annotation panel: its table (the arrows move in it), or its text box."""
    return getattr(panel, "table", None) or getattr(panel, "edit", None) or panel


class WindowFlow(_Window):
    """Methods of MainWindow (``self`` is the MainWindow)."""

    accepted_unasked = 0  # the undecided suggestions the last question accepted without asking (Settings)

    # -- marking done ----------------------------------------------------------------------------------
    def undecided_count(self) -> int:
        c = self.controller
        return c.entity_tally.count("suggested") + c.event_tally.count("suggested")

    def ask_undecided(self, n: int, status: str = "annotated") -> str | None:
        """What to do with ``n`` undecided suggestions before the document is marked ``status``: ACCEPT_REST (the
        default), LEAVE_REST or None. A person who ticked "without asking" is not asked again (Settings asks again):
        the answer is ACCEPT_REST, said with the mark (``accepted_unasked``). Ctrl+Enter's question (``annotated``)
        says which suggested events it would accept lack a required role; Mark reviewed's problems list follows its
        own."""
        self.accepted_unasked = 0
        if self.settings.get("accept_rest_without_asking"):
            self.accepted_unasked = n
            return ACCEPT_REST
        question = f"{n} suggestion{'s are' if n != 1 else ' is'} still undecided in this document."
        lacking = self._accepted_lacking_roles() if status == "annotated" else None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Undecided suggestions",
            f"{question}\n\n{lacking}" if lacking else question,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        accept = box.addButton(ACCEPT_REST.replace("annotated", status), QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton(LEAVE_REST.replace("annotated", status), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(accept)
        # the question a person who always accepts the rest answers by Enter at every document: asked once, not again
        unasked = QCheckBox("Accept the rest &without asking from now on (Settings can ask again)", box)
        box.setCheckBox(unasked)
        box.exec()
        self.back_to_text()
        clicked = box.clickedButton()
        if clicked is accept and unasked.isChecked():
            self.settings.set("accept_rest_without_asking", True)
        return ACCEPT_REST if clicked is accept else LEAVE_REST if clicked is leave else None

    def mark_annotated_and_next(self) -> None:
        c = self.controller
        if c.doc is None:
            return
        shown = self.document_list().shown_ids() if self.panels_built else None  # before the mark can take this one out
        if c.doc.status == "reviewed":  # on to the next: a reviewed document is never marked back to annotated
            self._open_next(shown=shown)
            return
        n = 0 if c.project is None or c.project.read_only else self.undecided_count()  # read-only: refused below
        unasked = 0  # accepted without the question (the person chose not to be asked): said on the next document
        marked = c.doc.status == "annotated"  # (or its mark kept while another program writes)
        if n and not marked:
            choice = self.ask_undecided(n)
            if choice is None:
                return
            unasked = self.accepted_unasked if choice == ACCEPT_REST else 0
            if choice == ACCEPT_REST:  # and marked, in one step: one Ctrl+Z takes both back
                if not self._marked(cmd.AcceptRest, status="annotated", **c.shown_undecided()):
                    return  # refused (one came in unseen) or not saved: stay
                marked = True
        if not marked and not self._marked(cmd.SetStatus, "annotated"):
            return  # refused or not saved: stay, the message shows why
        said = [unasked_note(c.doc.name, unasked, "annotated"), self._problems_left()]
        self._open_next("; ".join(x for x in said if x) or None, shown)

    def _marked(self, command: type[cmd.CoreEditCommand], *args: object, **kwargs: object) -> bool:
        """Mark the document annotated with ``command``: True once it is, or once the mark is kept while another
        program writes (a decision kept is one made, as Enter and X move on: Ctrl+Enter stayed on the document, shown
        undecided, and a second Ctrl+Enter kept a second mark)."""
        c = self.controller
        assert c.doc is not None
        waiting = c.edits_waiting()
        c.run(command, c.doc.id, *args, **kwargs)
        return c.edits_waiting() > waiting or (c.doc is not None and c.doc.status == "annotated")

    # -- marking reviewed -------------------------------------------------------------------------------------
    def mark_reviewed(self) -> None:
        c = self.controller
        if c.doc is None or c.project is None:
            return
        from annotator.validation import validate  # the checks and their dialog load on first use, not at start
        from ui.dialogs.problems import confirm_problems, problem_text

        problems = validate(c.project, c.doc.id)
        if not confirm_problems(self, problems, partial(problem_text, c), self._go_to_problem):
            return
        # undecided suggestions are asked about as Ctrl+Enter asks (a document with 58 of them was marked reviewed
        # without a word, and they went to training and the exports as part of a reviewed document)
        n = 0 if c.project.read_only or c.doc.status == "reviewed" else self.undecided_count()  # read-only: refused
        choice = self.ask_undecided(n, "reviewed") if n else None
        if n and choice is None:
            return
        if choice == ACCEPT_REST:  # and marked, in one step
            # what accepting them breaks (a suggested event without its required role) is listed as well: those
            # listed above were of decided items only, and "fly" without its Artifact was reviewed without a word
            confirmed = set(problems)
            more = [p for p in validate(c.project, c.doc.id, accepting=True) if p not in confirmed]
            if not confirm_problems(self, more, partial(problem_text, c), self._go_to_problem):
                return
            c.run(cmd.AcceptRest, c.doc.id, status="reviewed", **c.shown_undecided())
            if self.accepted_unasked and c.doc is not None and c.doc.status == "reviewed":
                c.report_status(unasked_note(c.doc.name, self.accepted_unasked, "reviewed"))
        else:
            c.run(cmd.SetStatus, c.doc.id, "reviewed")

    def accept_scored(self) -> None:
        """Edit > Accept suggestions scored at least…: ask the minimum, then accept as Accept all does."""
        if self.controller.doc is None:
            return
        from ui.dialogs.min_score import ask_min_score  # the dialog loads on first use, not at start

        chosen = ask_min_score(self, self.min_score)
        if chosen is not None:
            self.min_score = chosen
            self.edit_actions.accept_all(min_score=chosen)
        self.back_to_text()

    def _go_to_problem(self, problem: Any) -> None:
        """A problem of Mark reviewed's list (an ``annotator.validation.Problem``, loaded on first use), chosen to be
        put right: its event (else its entity) selected."""
        if problem.event_id is not None:
            self.jump_to_event(problem.event_id)
        elif problem.entity_id is not None:
            self.jump_to_entity(problem.entity_id)
        self.back_to_text()  # after the dialog, the keys to the text (the role keys fill the event from there)

    def _problems_left(self) -> str | None:
        """What the document just marked annotated still breaks (a decided event without its required role), in a
        line for the next document's status bar: Ctrl+Enter said nothing of it, only Mark reviewed listed it."""
        from annotator.validation import validate  # loaded on first use, not at start

        c = self.controller
        assert c.project is not None and c.doc is not None
        found = validate(c.project, c.doc.id)
        if not found:
            return None
        n = len(found)
        # the first one named, and the key that lists them: "(Mark reviewed there lists them)" named no problem, and
        # read as a button's name
        said = self._first_and_more(found[0], n)
        return f"{c.doc.name} has {n} problem{'s' if n != 1 else ''} left: {said} (Ctrl+Shift+R there lists them)"

    def _first_and_more(self, first: Any, n: int) -> str:
        """The first of ``n`` problems named as the problems list names it, and how many more: "“meeting”:
        Contact:Meet needs Entity, and 3 more"."""
        from ui.dialogs.problems import problem_text  # the words as the list names them, not the ids

        return f"{problem_text(self.controller, first)}{f', and {n - 1} more' if n > 1 else ''}"

    def _accepted_lacking_roles(self) -> str | None:
        """What Ctrl+Enter's question says, before anything is accepted, of the suggested events its "Accept the
        rest" would accept without a required role (``validate(accepting=True)``, the check Mark reviewed asks): they
        were accepted with the rest and said only on the next document ("has 4 problems left")."""
        from annotator.validation import lacking_roles_on_accepting  # loaded on first use, not at start

        c = self.controller
        assert c.project is not None and c.doc is not None
        found = lacking_roles_on_accepting(c.project, c.doc.id)
        if not found:
            return None
        n = len({p.event_id for p in found})
        events = "an event" if n == 1 else f"{n} events"
        return f"Accepting them accepts {events} without a required role: {self._first_and_more(found[0], n)}."

    def _open_next(self, said: str | None = None, shown: Sequence[int] | None = None) -> None:
        """The next document not done, of those the list shows (``shown``: its rows as sorted and filtered) when
        given: a filter that hid it was passed over (Ctrl+Enter opened a document the list had no row for)."""
        c = self.controller
        nxt = c.next_open_document(shown)
        if nxt is not None:
            c.open_document(nxt)
            if said:
                c.report_status(said)
            return
        hidden = c.open_documents_hidden(shown) if shown is not None else 0
        if hidden:
            n = f"{hidden} document{'s' if hidden != 1 else ''}"
            done = f"Every document the list shows is annotated or reviewed; {n} not done hidden by its filter"
        else:
            done = "Every document is annotated or reviewed"
        self.message.setText(f"{done}.{f' {said}.' if said else ''}")

    def step_document(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next / previous document of the list as it is sorted and filtered, marking
        nothing; the keys stay in the text."""
        c = self.controller
        if c.project is None:
            return
        found = self.document_list().neighbour(c.doc.id if c.doc else None, step)
        if found is None:
            c.report_status(f"This is the {'last' if step > 0 else 'first'} document in the list")
            return
        self.open_document(found)
        self.view.setFocus()

    # -- focus -----------------------------------------------------------------------------------------
    def back_to_text(self) -> None:
        """After a dialog or a panel: the keys go to the text again."""
        self.activateWindow()
        self.view.setFocus()

    def open_document_from_list(self, doc_id: int) -> None:
        """A document chosen in the list (Enter or a click): opened, and the keys go to its text."""
        self.open_document(doc_id)
        self.view.setFocus()

    def into_event_editor(self) -> None:
        """F4: the focus into the event editor (its type); Escape there comes back to the text."""
        dock = self.docks["event"]
        dock.show()
        dock.raise_()
        self.keys_to(self.event_editor.type_combo or self.event_editor)

    def keys_to(self, target: QWidget) -> None:
        """The keyboard focus to ``target`` by a key (F4, F6), drawn as Tab draws it (Qt draws a box's focus frame only
        after a key moved the focus: given so, the type box F4 or F6 gave the keys to looked as every other box)."""
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_pane(self, step: int) -> None:
        """F6 / Shift+F6: the keys to the next (previous) pane shown: the text, the moved-file bar, the document list,
        each tab of the annotation panel (entities, events, comments: their tables keep Ctrl+Tab), the event editor
        (Tab is the text's next suggestion; Escape in any of them comes back to the text)."""
        self.side_panels()
        panes: list[tuple[QWidget, QWidget | None, int | None]] = [(self.view, self.view, None)]
        if self.moved_bar.isVisible():  # its buttons had their Alt+letter only (session 32)
            panes.append((self.moved_bar, self.moved_bar.buttons()[0], None))
        if self.docks["documents"].isVisible():
            panes.append((self.docks["documents"], self.documents.table, None))
        if self.docks["annotations"].isVisible():
            order = self._tab_lap(step)
            panes += [(self.tabs.widget(i), _focus_target(self.tabs.widget(i)), i) for i in order]
        if self.docks["event"].isVisible():
            panes.append((self.docks["event"], self.event_editor.type_combo, None))
        focus = QApplication.focusWidget()
        here = next((i for i, (box, _, _) in enumerate(panes) if focus is box or box.isAncestorOf(focus)), 0)
        box, target, tab = panes[(here + step) % len(panes)]
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
            self.docks["annotations"].raise_()
        elif box is not self.view:
            box.raise_()
        if target is None or not (target.isVisible() and target.isEnabled()):
            target = box if tab is not None else box.widget()  # type: ignore[attr-defined]
        self.keys_to(target)

    def _tab_lap(self, step: int) -> list[int]:
        """The annotation panel's tabs in F6's order: coming in from another pane, the tab shown first (last for
        Shift+F6), then the others in turn; kept while the keys go from tab to tab. The fixed order took the keys of
        a person who had clicked Events to the Entities tab, and showed it in its place (s40-look)."""
        n = self.tabs.count()
        if not self.tabs.isAncestorOf(QApplication.focusWidget()) or getattr(self, "_tabs_lap", None) is None:
            shown = self.tabs.currentIndex()
            start = shown if step > 0 else shown + 1
            self._tabs_lap = [(start + i) % n for i in range(n)]
        return [i for i in self._tabs_lap if i < n]

    def toggle_side_panels(self) -> None:
        """F8: hide every side panel (the text gets the width), or show them again."""
        shown = [d for d in self.docks.values() if d.isVisible()]
        if shown:
            self._hidden_docks = shown
            for d in shown:
                d.hide()
        else:
            for d in getattr(self, "_hidden_docks", None) or list(self.docks.values()):
                d.show()
        self.back_to_text()

    # -- right click -----------------------------------------------------------------------------------
    def _context_menu(self, event: QContextMenuEvent) -> None:
        """The menu acts on the span (or trigger) under the pointer, which it selects first."""
        c = self.controller
        cp = self.view.cp_at(event.pos())
        if cp is not None and self.view.selection_cp() is None:
            hits = c.entities_at(cp, self.view.highlighter.show_rejected)
            if c.current_entity not in {e.id for e in hits}:
                self.view.click_at(cp)
        menu = build_context_menu(self)
        menu.exec(event.globalPos())
        menu.deleteLater()  # the window's child: every right-click's menu stayed in it
        self.view.setFocus()

    # -- the last place of each project (ui/places.py) -------------------------------------------------------
    def remember_place(self) -> None:  # the current document's place written now (an open, the project closed)
        self.places.write()

    def carry_place(self, new_path: str | Path) -> None:
        """The places in the project open now kept for ``new_path`` too, the name its file has now (renamed or moved
        while open): the reopen then shows the person's document where it was, not the first (places are by name)."""
        self.places.carry(new_path)

    def offer_reopen(self, message: str, new_path: str, deleted: bool = False, replaced: bool = False) -> None:
        """The open file renamed, moved, deleted or replaced: the bar over the text offers it, once
        (``MovedBar.offer_move``)."""
        kept = self.controller.edits_waiting() if new_path else 0
        do = (partial(self.reopen_moved, new_path), None) if new_path else (None, self.save_copy_of_project)
        self.moved_bar.offer_move(message, (new_path, deleted, kept), kept, deleted, *do, replaced=replaced)

    def reopen_moved(self, new_path: str) -> None:
        """The moved bar's Open: the project open again where its file is now; the line no longer says "…: the project
        file was renamed …; editing has stopped …" (it stayed after the reopen, in red)."""
        self.clear_line()
        self.carry_place(new_path)  # the document and the caret the person was at
        self.open_project(new_path)

    def opening(self, path: str | Path) -> str:
        """Before the project at ``path`` opens: the file open here, renamed or moved while open, opened under its new
        name (File > Open, as the line and the moved bar say) is the bar's Open, its document and caret carried (it
        opened at the first document). Returns the red refusal the line shows now, the project before's
        ("…; editing has stopped …"), for ``opened``."""
        c = self.controller
        if c.project is not None and c.holds_file(path) and Path(path).resolve() != Path(c.project.path).resolve():
            self.carry_place(path)
        return self.message.error_shown()

    def opened(self, said: str) -> None:
        """The project opened: the refusal ``said`` of the project before ended, when the line still shows it (it
        stayed in red over the reopened project, which took edits)."""
        if said and self.message.error_shown() == said:
            self.clear_line()

    def saved_place(self, path: str | Path) -> tuple[int, int] | None:
        """(document id, caret) where the project at ``path`` was left, if it was."""
        return self.places.saved(path)
