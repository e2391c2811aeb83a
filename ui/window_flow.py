"""The main window's keyboard flow around the text: marking done (asking about undecided suggestions), the focus
after dialogs, F4/F8, the right-click target, the status line and the last place of each project (a mixin of
MainWindow, split from it to keep each file to one job)."""

from __future__ import annotations

from pathlib import Path
from functools import partial
from typing import TYPE_CHECKING, Any, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QWidget

from annotator.model import DEFAULT_SET, FINISHED
from annotator.navigation import LocalTokens
from annotator.teams.sets import covering_sets, waits_for_adjudication
from ui import commands as cmd
from ui.caret_note import caret_key, caret_span
from ui.event_line import DECIDE_KEYS, event_line
from ui.menus import build_context_menu
from ui.plain import tooltip_text
from ui.status_line import SEPARATOR
from ui.step_notes import after_review_said, made_fillers_said
from ui.work_left import unasked_note, work_left, work_left_short

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
    _refit_queued = False  # a refit of the status line waits for the layout to settle (``refit_line``)

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
            panes += [(self.tabs.widget(i), _focus_target(self.tabs.widget(i)), i) for i in range(self.tabs.count())]
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

    # -- status line -----------------------------------------------------------------------------------
    def show_note(self, message: str) -> None:
        """A key's own message ("Entity: John Smith (Alt+1 again: next candidate)"): it stays, with the work left,
        while what was selected when it was said stays selected and no other edit is made (the panels' update
        after the edit described the selection over it, so it was never seen). Another document ends it: "a.txt has
        1 problem left", said on the next one, stayed two document changes later."""
        c = self.controller
        self._note = (message, c.current_entity, c.current_event, c.doc.id if c.doc is not None else None)
        self.message.setText(message)
        self._described = self.message.text()  # as the line keeps it (its spaces made one): told from another's

    def forget_note(self, *_: object) -> None:
        self._note = None

    def end_note(self, message: str) -> None:
        """The note ``message`` is over (the window it spoke of closed): when the status line still shows it, the
        line tells the selection and the document's work again; another message since then stays."""
        note = getattr(self, "_note", None)
        if message and note is not None and note[0] == message and self.message.text() == self._described:
            self.forget_note()
            self.message.setText("")
            self.describe_current_entity()

    def after_step(self, *_: object) -> None:
        """The undo stack moved: an undo or redo tells what it did ("Undone: Fill Place") beside the work left, with
        what it touched selected; any other step ends the message of the key before it."""
        said = self.controller.take_said()
        before, self._step_index = getattr(self, "_step_index", None), self.controller.undo_stack.index()
        if said is None:
            made = self._step_index != before and not self.controller.kept.landing  # not a kept edit written
            step = self.controller.undo_stack.command(self._step_index - 1)
            new = made and self._step_index > (before or 0)  # made, not undone
            if new and (review := after_review_said(self.controller, step)):  # after the key's own line (move_on's)
                QTimer.singleShot(0, self, partial(self.controller.report_status, review))
            if new and (went := made_fillers_said(self.controller, step)):  # before the next suggestion's line
                QTimer.singleShot(
                    0, self, lambda: self.controller.report_status(went + SEPARATOR + self.message.text())
                )
            if made and getattr(self, "_note", None) is not None:  # a step made: said again
                self.forget_note()  # now (a comment, which changes no span or event, left "Undone: Accept all
                self.describe_current_entity()  # suggestions" as if that were the last thing done)
        else:
            self.show_note(said)

    def _trigger_words_left(self) -> int:
        """How many words N stops at (``EventMoves.n_stops``), counted again only when a span, a rejection or an event
        trigger changed: 4.6 ms a count on the 529,249-character document of bench/event_keys.py, at every key once all is
        decided."""
        c = self.controller
        taken = frozenset((v.trigger_start, v.trigger_end) for v in c.events.values())  # a rejected one's too
        key = (c.doc.id if c.doc is not None else None, id(c.span_index()), c.entity_tally.count("rejected"), taken)
        kept = getattr(self, "_words_left", None)
        if kept is None or kept[0] != key:
            kept = self._words_left = (key, len(self.edit_actions.moves.n_stops()))
        return kept[1]

    def _waiting_annotators(self) -> list[str]:
        """The annotators whose work on the open document waits for adjudication (``teams.sets``), read again only
        when the document or its status changed (the line is told at every key)."""
        c = self.controller
        doc = c.doc
        key = (c.project.path if c.project is not None else None, id(doc), doc.id if doc else None, doc and doc.status)
        kept = getattr(self, "_adjudication_kept", None)
        if kept is None or kept[0] != key:
            names: list[str] = []
            if c.project is not None and c.doc is not None:
                names = sorted(covering_sets(c.project, c.doc.id) - {DEFAULT_SET})
                names = names if waits_for_adjudication(names, c.doc.status) else []
            kept = self._adjudication_kept = (key, names)
        return kept[1]

    def work_left_now(self) -> tuple[str, str]:
        """What is left to do in the open document: (the status bar's own widget's words, the whole line)."""
        c = self.controller
        short = ""  # the count in the status bar's own widget (a selection's line no longer ends with it)
        if c.doc is not None and (coming := c.held.coming) is not None:  # not "no suggestions here": not read yet
            left = f"Reading this document's annotations ({coming.total:,}): they are shown once read"
        elif c.doc is not None:
            n = self.undecided_count()
            bare = not n and c.doc.status == "new" and not c.entities and not c.events
            if bare and self.preannotating():
                # not "every suggestion is decided (Ctrl+Enter: mark it annotated)": they have not come yet
                left = "Pre-annotation is running: this document's suggestions come when it is done (Alt+C cancels it)"
            elif bare and (elsewhere := self.waiting_for_other_run()):  # not "Pre-annotate all": it is refused
                left = elsewhere
            elif bare and (names := self._waiting_annotators()):  # a team project's final set before adjudication
                left = (
                    f"Nothing decided here yet: the work of {', '.join(names)} waits for adjudication "
                    "(Review > Adjudicate differences…: Ctrl+Shift+J)"
                )
                short = "Left: adjudication"
            elif bare and isinstance(c.tokens(), LocalTokens):  # never pre-annotated (cancelled, or turned off)
                left = (
                    "No suggestions here yet: Project > Pre-annotate all documents makes them "
                    "(or select words and press a label key)"
                )
            else:
                words = 0 if n or c.doc.status in FINISHED else self._trigger_words_left()
                made = n > 0 or any(
                    t.count(s) for t in (c.entity_tally, c.event_tally) for s in ("accepted", "rejected")
                )
                left = work_left(n, c.doc.status, c.event_tally.count("suggested"), words, made)
                short = work_left_short(n, c.doc.status, c.event_tally.count("suggested"), words, made)
        elif c.project is not None and self.importing():  # not "has no documents yet" while they come in
            left = "Importing: the documents come into the list as each batch is stored (Alt+C cancels; stored ones are kept)"
        elif c.project is not None and not c.project.document_ids():  # a new project (`gui NEW` makes one): said so
            left = f"{c.project.path.name} has no documents yet: File > Import files… (Ctrl+I) brings them in"
        elif c.project is None:  # the first start: the window was empty and said nothing
            left = "No project open: File > New project… (Ctrl+N) makes one, File > Open project… (Ctrl+O) opens one"
        else:
            left = ""
        return short, left

    def describe_current_entity(self) -> None:
        """The selected span (else event): label, state and text in the status bar; cleared when it is gone."""
        c = self.controller
        e = c.entities.get(c.current_entity) if c.current_entity is not None else None
        v = c.events.get(c.current_event) if c.current_event is not None else None
        short, left = self.work_left_now()
        self._fitted_at: int | None = None  # the line's width a suggested event's fillers were fitted to
        self.show_work_left(short, left)
        note = getattr(self, "_note", None)
        ours = self.message.text() in ("", getattr(self, "_described", ""))  # not a message of some work's
        here = (c.current_entity, c.current_event, c.doc.id if c.doc is not None else None)
        if note is not None and (note[1:] != here or not ours):
            # its selection is gone, or another message came after it (a setting's, a work's end): it came back over
            # "Version 1 is now the default" minutes later, at the pre-annotation that message asked for
            note = self._note = None
        whole = ""  # the line's whole text where it says less (the selected event's, ``ui.event_line``)
        if note is not None:
            text = note[0]
        elif e is not None:
            keys = DECIDE_KEYS if e.state == "suggested" else ""
            text = f"{e.label} ({e.state}): {c.span_said(e.start, e.end, 80)}{keys}"
        elif v is not None:
            # fewer fillers named, words shortened where the line is cut (1366x768): its keys, then the caret note, stay
            # in view (sessions 26, 34); fitted to the line as wide as it is beside the work-left widget, shown with it
            self.work_label.setVisible(bool(getattr(self, "_work_left_whole", "")))
            self.message.parentWidget().layout().activate()  # the status bar's
            under = caret_span(c, self.view)  # the caret moved off the event onto a span: said (``caret_moved``)
            self._caret_said = caret_key(under)
            # "found" of "found … guilty": Shift+Enter takes the phrase (a decided event's too, session 23)
            phrase = self.edit_actions.events.phrase(v) if v.state != "rejected" else None
            text, whole = event_line(c, v, phrase, under, self.message.fits)
            self._fitted_at = self.message.width()  # resized to another width: fitted again (``refit_line``)
        else:
            text = ""
        if text:
            beside = f"{SEPARATOR}{left}" if left and not short else ""
            self.message.set_text_and_whole(f"{text}{beside}", f"{whole}{beside}" if whole != text else "")
            self._described = self.message.text()
        elif ours:  # what it described is gone, or nothing is selected: the work left in the document
            self.message.setText(left)
            self._described = left
        self.follow_work_label()  # once the line is set (shown before it, the line's text hid it again: a relayout)

    def status_shown(self) -> None:
        """The open document's status changed (Mark reviewed, which stays on it; an undo of a mark): the title, and the
        work left beside the line. It said "All decided; annotated" on a document just marked reviewed, until the
        selection changed (session 30). The line itself is told again only while it says the selection."""
        self.show_title()
        if self.message.text() in ("", getattr(self, "_described", "")):
            self.describe_current_entity()
            return
        self.show_work_left(*self.work_left_now())
        self.follow_work_label()

    def caret_moved(self) -> None:
        """The caret moved while an event is selected: the line names the span under it once that is another one
        (``ui.caret_note``), while the line still says the selection (no message came since)."""
        e = caret_span(self.controller, self.view)
        if caret_key(e) == getattr(self, "_caret_said", None):
            return
        if self.message.text() == getattr(self, "_described", None):
            self.describe_current_entity()

    def refit_line(self, _width: int = 0) -> None:
        """The line names a suggested event's fillers fitted to its width (``describe_current_entity``); the window
        resized, they are fitted to the new width, once the layout has settled (session 26's fit followed only a new
        selection: made narrow, the line fitted wider was cut before its keys, "X: re…"; made wide, it kept "and 2
        more" with room for them). Only while the line still says the selection, and its width is another."""
        fitted = getattr(self, "_fitted_at", None)
        if fitted is None or self._refit_queued:
            return
        self._refit_queued = True

        def refit() -> None:
            self._refit_queued = False
            width = self.message.width()
            if getattr(self, "_fitted_at", None) in (None, width) or self.controller.current_event is None:
                return
            if self.message.text() == getattr(self, "_described", None):  # no other message came since
                self.describe_current_entity()

        QTimer.singleShot(0, self, refit)

    def show_work_left(self, short: str, whole: str) -> None:
        """The work left in the status bar's own widget (``short``, ``whole`` in its tooltip), where no message can push
        it out of view; hidden while the line says ``whole``: the caller follows it once the line is set (not twice)."""
        label = self.work_label
        label.setText(short)
        label.setToolTip(tooltip_text(whole) if short else "")
        self._work_left_whole = whole if short else ""

    def follow_work_label(self) -> None:
        """The work-left widget shown unless the status line says the same whole (nothing selected)."""
        whole = getattr(self, "_work_left_whole", "")
        self.work_label.setVisible(bool(whole) and self.message.text() != whole)

    # -- the last place of each project (ui/places.py) -------------------------------------------------------
    def remember_place(self) -> None:  # the current document's place written now (an open, the project closed)
        self.places.write()

    def carry_place(self, new_path: str | Path) -> None:
        """The places in the project open now kept for ``new_path`` too, the name its file has now (renamed or moved
        while open): the reopen then shows the person's document where it was, not the first (places are by name)."""
        self.places.carry(new_path)

    def offer_reopen(self, message: str, new_path: str, deleted: bool = False) -> None:
        """The open file renamed, moved or deleted: the bar over the text offers it, once (``MovedBar.offer_move``)."""
        kept = self.controller.edits_waiting() if new_path else 0
        do = (partial(self.reopen_moved, new_path), None) if new_path else (None, self.save_copy_of_project)
        self.moved_bar.offer_move(message, (new_path, deleted, kept), kept, deleted, *do)

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
