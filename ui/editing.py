"""What keys and menu choices do to the annotations: each one turns into a single undoable command. Which key asks
for which is ``ui.edit_keys``'s; where Tab goes ``ui.tab_order``'s; the edits of many at once ``ui.bulk_edits``'."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Signal

from annotator import navigation
from annotator.graphemes import whole_characters
from annotator.model import Entity, Event
from ui import bulk_edits
from ui import commands as cmd
from ui.event_actions import EventActions
from ui.event_moves import EventMoves
from ui.roles_left import roles_left, roles_of
from ui.tab_order import UNDECIDED, TabOrder

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.document_view import DocumentView
    from ui.event_actions import TypePicker


class EditActions(QObject):
    """Keyboard-first editing on the document view; used by the view, the menus and the panels."""

    # Escape in the text with nothing to let go of (no selection, span or event): the window closes the find bar,
    # which Enter there had left open over the text with no key to close it from the text
    escapedBare = Signal()
    # Escape on the find bar's match, the bar open: the window closes the bar and keeps the match selected (True), so
    # that the next key acts on the words found; it let go of them, and a label key took the word at the caret
    closes_find: Callable[[], bool] = staticmethod(lambda: False)  # type: ignore[assignment]
    on_find_match: Callable[[], bool] = staticmethod(lambda: False)  # type: ignore[assignment]

    def __init__(self, controller: "Controller", view: "DocumentView", pick_event_type: "TypePicker") -> None:
        super().__init__(view)
        self.c = controller
        self.view = view
        self.events = EventActions(self, pick_event_type)
        self.moves = EventMoves(self.events)  # N, [ and ]
        self.order = TabOrder(controller, view)  # Tab and Shift+Tab
        self._named: tuple[int, int] | None = None  # the name Shift+Space selected last: again, with its "the"

    # -- helpers ---------------------------------------------------------------------------------------
    def label_keys(self) -> dict[str, str]:
        schema = self.c.schema
        return {e.key: e.name for e in schema.entities if e.key} if schema else {}

    def current(self) -> Entity | None:
        return self.c.entities.get(self.c.current_entity) if self.c.current_entity is not None else None

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points, snapped to tokens when the setting is on."""
        sel = self.view.selection_cp()
        if sel is None:
            return None
        if self.view.snap_to_tokens:
            a, b = self.c.snap(*sel)
            if a < b:
                sel = a, b
        if self.c.doc is None:
            return sel
        # never an edge inside a character (an emoji and its modifier, a flag): spaCy's tokens cut them
        return whole_characters(self.c.doc.text, *navigation.without_edge_space(self.c.doc.text, *sel))

    def clear_selection(self) -> None:
        self.view.clear_selection()

    def anchor(self) -> tuple[int, int, int]:
        """Where the user is, as a text-order key (``TabOrder.anchor``)."""
        return self.order.anchor()

    # -- entities --------------------------------------------------------------------------------------
    def label(self, label: str) -> None:
        """Label the selection (a span with that text already there is relabelled or accepted, never doubled),
        relabel the selected span, or label the word under the caret. Find's match, or the caret with nothing
        selected, inside one undecided suggestion and no span itself stands for that suggestion, as for X: the key
        decides it (it made the word a span of its own inside the suggestion, left undecided); words selected
        otherwise, or inside a decided span, are labelled as they are."""
        c = self.c
        if c.doc is None:
            return
        span = self.selected_span()
        cur = self.current()
        if span is None and cur is None:
            if self.view.window().focusWidget() is not self.view:
                # the caret is not drawn (the document list, a panel has the keys): a label clicked in the legend or
                # the menu labelled the word where the document's open put it, the first words, unseen (session 28)
                c.report_status(
                    "Nothing selected: select words or click a span in the text, then click the label (or press its key)"
                )
                return
            span = c.word_at(self.view.caret_cp())
            if (under := self._suggestion_around(span, label)) is not None:
                self._take(under)
                span, cur = None, under
            elif (trigger := self._selected_trigger_at(span)) is not None:
                c.report_status(trigger)
                return
        elif span is not None and self.on_find_match() and (under := self._suggestion_around(span, label)) is not None:
            if cur is None or (cur.start, cur.end) != span:
                self._take(under)
                cur = under
                span = (under.start, under.end)
        if span is not None and (cur is None or (cur.start, cur.end) != span):
            same = sorted(  # a span rejected with this label too: taken back (a second one was added beside it)
                (
                    e
                    for e in c.entities.values()
                    if (e.start, e.end) == span and (e.state != "rejected" or e.label == label)
                ),
                key=lambda e: (e.state == "rejected", e.label != label, e.id),
            )
            cut = None if same else self._suggestion_cut_to(span)
            if same:
                self.clear_selection()
                c.select_entity(same[0].id)
                cur = same[0]
            elif cut is not None:  # the suggestion made the words selected (its dashes left out), decided as it goes
                done = c.run(cmd.ResizeEntity, cut.id, span[0], span[1], expected=cut)
                now = c.entities.get(done or cut.id)
                if now is None or (now.start, now.end) != span:
                    return  # refused: the message says why
                self.clear_selection()
                c.select_entity(now.id)
                if now.label != label:
                    self._relabel(now, label)
                self.move_on()
                return
            elif self.across_sentences(span, "Nothing labelled"):
                return
            else:
                new_id = c.run(cmd.AddEntity, c.doc.id, span[0], span[1], label)
                if new_id is not None:
                    self.clear_selection()
                    c.select_entity(new_id)
                return
        if cur is None:
            return
        if cur.label == label and self._decision_kept(cur, "entities"):  # shown made (its kept decision): nothing more
            return  # (another label relabels it as held, made once the decision is written)
        was_undecided = cur.state == UNDECIDED
        done = None  # the span decided: its id, or the one a re-run of pre-annotation put in its place (aimed_at)
        said = None
        if cur.label != label:
            done, said = self._relabel(cur, label)
        elif cur.state in (UNDECIDED, "rejected"):
            done = c.run(cmd.AcceptEntity, cur.id, expected=cur)
        now = c.entities.get(done or cur.id)
        if was_undecided and now is not None and now.state != UNDECIDED:
            self.move_on()  # a decision: on to the next undecided item
        if said:
            c.report_status(said)  # after the next item's line: the roles the span left are worth more

    def across_sentences(self, span: tuple[int, int], nothing: str) -> bool:
        """Whether the words ``span`` run across sentences: refused, the line says so after ``nothing`` (what was
        not made). A span or a trigger lies within one sentence (of events-dev's 679 gold triggers and 1,055 arguments
        none crosses one, of spaCy's 10,405 entities there a wrong "Napoleon I.\\nOne" alone): a selection dragged or
        extended past a sentence's end made one span or trigger of all of it (session 31)."""
        c = self.c
        start, end = navigation.without_edge_space(c.doc.text, *span) if c.doc is not None else span
        if start >= end or end <= c.sentence(start)[1]:
            return False
        said = c.span_said(start, end, 40)
        c.report_error(
            f"{nothing}: the words selected run across sentences (“{said}”); a span or a trigger lies in one"
        )
        return True

    def _relabel(self, cur: Entity, label: str) -> tuple[int | None, str]:
        """Relabel ``cur``: (the span's id as the edit returns it, what the status line says of the roles that do not
        take ``label`` and let it go in the same step, ``ui.roles_left``: "" when none did). It stayed there unsaid,
        and the project's own export was refused by its import."""
        c = self.c
        before = roles_of(c, [cur.id])
        done = c.run(cmd.RelabelEntity, cur.id, label, expected=cur)
        return done, "" if done is None else roles_left(c, before, c.span_said(cur.start, cur.end, 40), label)

    def _selected_trigger_at(self, word: tuple[int, int] | None) -> str | None:
        """What a label key says when the caret's ``word`` (nothing selected) lies in the selected event's trigger, where
        ] and a click on a trigger put the caret: the key made the trigger word an entity (seed 002: ], 2 gave
        "ORG (added): killed"; no gold trigger of events-dev is an entity). None elsewhere."""
        c = self.c
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        if word is None or ev is None or not (ev.trigger_start <= word[0] and word[1] <= ev.trigger_end):
            return None
        return (
            f"“{c.span_said(ev.trigger_start, ev.trigger_end, 40)}” is the trigger of the {ev.type} event selected: "
            "nothing labelled (select the words to label them, or click an entity first)"
        )

    def _suggestion_around(self, span: tuple[int, int] | None, label: str) -> Entity | None:
        """The one undecided suggestion that ``span`` lies in and is not, when ``span`` is no span itself (not
        rejected, nor rejected with ``label``: the key takes that rejection back); else None."""
        if span is None:
            return None
        a, b = span
        if any(
            (e.start, e.end) == span and (e.state != "rejected" or e.label == label)
            for e in self.c.entities_at(a, True)
        ):
            return None
        around = [e for e in self.c.entities_at(a) if e.state == UNDECIDED and e.start <= a and b <= e.end]
        return around[0] if len(around) == 1 else None

    def take_span_around_match(self) -> None:
        """A role key on Find's match that lies in one span (not rejected) and is no span itself: that span is selected
        for the key, the name around the words found, decided or not, as a label key takes the suggestion the match lies
        in. Seed 007 (session 32): Ctrl+F "sait", Alt+1 made "Saitō" a PERSON of its own inside the suggested "Kenji
        Saitō", and the event's Entity that piece of the name, in the file and every export."""
        sel = self.selected_span()
        if sel is None or not self.on_find_match():
            return
        a, b = sel
        if any((e.start, e.end) == sel for e in self.c.entities_at(a)):
            return
        around = [e for e in self.c.entities_at(a) if e.start <= a and b <= e.end]
        if len(around) == 1:
            self._take(around[0])

    def _take(self, e: Entity) -> None:
        """Select ``e`` for the key that acts on it (the words found or the caret stood for it)."""
        self.events.forget_left()
        self.clear_selection()
        self.c.select_entity(e.id)

    def _suggestion_cut_to(self, span: tuple[int, int]) -> Entity | None:
        """The one undecided suggestion that the pipeline's tokens would make of ``span``, a selection inside one of
        them ("Yemenis" of spaCy's one token "Yemenis--", ``navigation.snapped``): a label key makes the suggestion
        those words (it added a second span beside it, the suggestion left to be rejected); None otherwise."""
        whole = self.c.tokens().snap(*span)
        if whole == span:
            return None
        cut = [e for e in self.c.entities.values() if e.state == UNDECIDED and (e.start, e.end) == whole]
        return cut[0] if len(cut) == 1 else None

    def move_on(self) -> bool:
        """After a decision (Enter, X, a label key): on to the next undecided item. When none is left it stays where
        the user is (it went round to the document's first span, the text scrolled to the top): the status line
        says every suggestion is decided. True when it moved."""
        c = self.c
        spans, events = c.kept.decided_ids()  # decisions kept while another program writes: made
        left = c.entity_tally.ids(UNDECIDED), c.event_tally.ids(UNDECIDED)
        if len(left[0]) > len(spans & left[0]) or len(left[1]) > len(events & left[1]):
            self.cycle(1)
            return True
        return False

    def _decision_kept(self, item: Entity | Event, table: str) -> bool:
        """``item`` (of ``table``) has a decision kept: said, and True (a second one would be refused when it landed,
        the item no longer as shown)."""
        said = self.c.kept.decision_waits(table, item.id)
        if said is not None:
            self.c.report_status(said)
        return said is not None

    def _decide(self, command_cls: type[cmd.CoreEditCommand], item: Any, table: str) -> tuple[bool, Any]:
        """Make the decision ``command_cls`` on ``item`` (a span or an event, of the controller's ``table``, read after
        the edit: a reload makes it anew): (kept, the item as it is now: its id's, or the one a re-run of
        pre-annotation put in its place, aimed_at). Kept while another program writes (the
        edits waiting grew), a decision is one made: Enter, X and a label key move on, as after one written (they
        stayed, the list still showing it undecided, and the next Enter kept another accept of the same span, refused
        once it landed)."""
        waiting = self.c.edits_waiting()
        done = self.c.run(command_cls, item.id, expected=item)
        return self.c.edits_waiting() > waiting, getattr(self.c, table).get(done or item.id)

    def accept(self) -> None:
        """Accept the selected suggestion (span, else event) and move on to the next undecided item (Enter). Find's
        match, still selected with the bar open, stands for the one undecided suggestion it lies in, as for X: Enter
        there accepted the event selected before the Find, out of view."""
        if not self._select_suggestion_under("accepted"):
            return
        cur = self.current()
        ev = self.events.current()
        if cur is not None:
            if self._decision_kept(cur, "entities"):  # shown made: Enter there would keep a second decision
                return
            if cur.state in (UNDECIDED, "rejected"):
                kept, now = self._decide(cmd.AcceptEntity, cur, "entities")
                if not kept and (now is None or now.state == UNDECIDED):  # refused: stay, the message says why
                    return
        elif ev is not None and ev.state in (UNDECIDED, "rejected"):
            if self._decision_kept(ev, "events"):
                return
            kept, after = self._decide(cmd.AcceptEvent, ev, "events")
            if not kept and (after is None or after.state == UNDECIDED):
                return
        self.move_on()

    def reject(self) -> None:
        """Reject the selected suggestion (span, else event) and move on (X). Find's match, still selected with the bar
        open, stands for the one undecided suggestion it lies in (``_select_suggestion_under``): Find's first letters
        and X reject it, where Space went between them (and X rejected the event selected before the Find, out of
        view). Words selected otherwise (Shift+arrows) leave X as it was: the selected span or event."""
        if not self._select_suggestion_under():
            return
        cur = self.current()
        ev = self.events.current()
        if cur is not None:
            if cur.state == "rejected" or self._decision_kept(cur, "entities"):
                return
            kept, now = self._decide(cmd.RejectEntity, cur, "entities")
        elif ev is not None and ev.state != "rejected":
            if self._decision_kept(ev, "events"):
                return
            kept, now = self._decide(cmd.RejectEvent, ev, "events")
        else:
            return
        if kept or now is None or now.state == "rejected":  # a refused edit stays put, its message in view
            if not self.move_on():  # the last one: nothing selected (a rejected item is hidden), the view stays
                self.c.select_entity(None)
                if cur is None:  # the event rejected; a span's event stays selected, its roles filled from here
                    self.c.select_event(None)
                return
            if cur is None and self.current() is not None and self.c.current_event == ev.id:
                self.c.select_event(None)  # on to a span: the role keys are not for the event just rejected

    def _select_suggestion_under(self, done: str = "rejected") -> bool:
        """With Find's match selected (the bar open) that is not the selected span or trigger, select the one undecided
        suggestion (span or event) it lies in, as Space would; False, said in the status line (nothing ``done``), when
        it lies in none or in several. True otherwise: the key acts on what is selected."""
        sel = self.view.selection_cp()
        cur, ev = self.current(), self.events.current()
        if sel is None or not self.on_find_match():
            return True
        if sel == ((cur.start, cur.end) if cur else (ev.trigger_start, ev.trigger_end) if ev else None):
            return True
        a, b = sel
        spans = [e for e in self.c.entities_at(a) if e.state == "suggested" and e.start <= a and b <= e.end]
        events = [
            v for v in self.c.events_at(a) if v.state == "suggested" and v.trigger_start <= a and b <= v.trigger_end
        ]
        if len(spans) + len(events) != 1:
            how = "no undecided suggestion" if not spans and not events else "several suggestions (Space: one by one)"
            self.c.report_status(f"The words found lie in {how}: nothing was {done}.")
            return False
        self.events.forget_left()
        self.clear_selection()
        if spans:
            self.c.select_entity(spans[0].id)
        else:
            self.c.select_entity(None)
            self.c.select_event(events[0].id)
        return True

    def undecided_extents(self) -> list[tuple[int, int]]:
        """The undecided spans' and events' triggers' [start, end): words in exactly one of them are what X on Find's
        match rejects (``_select_suggestion_under``); Alt+X in Find's bar goes to the next such match."""
        c = self.c
        spans = [(e.start, e.end) for e in c.entities.values() if e.state == "suggested"]
        return spans + [(v.trigger_start, v.trigger_end) for v in c.events.values() if v.state == "suggested"]

    def live_extents(self) -> list[tuple[int, int]]:
        """The [start, end) of the spans not rejected, suggested or decided: a match in one is no new event's trigger
        (Alt+E in Find's bar passes over it: ``trigger_reach.next_match_for_event``)."""
        return [(e.start, e.end) for e in self.c.entities.values() if e.state != "rejected"]

    def live_triggers(self) -> list[tuple[int, int]]:
        """The [start, end) of the events' triggers not rejected: Alt+E in Find's bar passes over a trigger word there
        while another is found (E on it decides that event, no new one: ``trigger_reach.next_match_for_event``)."""
        return [(v.trigger_start, v.trigger_end) for v in self.c.events.values() if v.state != "rejected"]

    def delete(self) -> None:
        """Delete the selected span, else the selected event; the status line says what went (it said nothing, and
        after a span went it described the event still in the editor)."""
        c = self.c
        cur = self.current()
        ev = c.events.get(c.current_event) if cur is None and c.current_event is not None else None
        filled: list[str] = []  # the arguments a span fills go with it: said, as a type change says them
        if cur is not None:
            filled = [
                f"{a.role} of “{c.span_said(v.trigger_start, v.trigger_end)}”"
                for v in sorted(c.events.values(), key=lambda v: (v.trigger_start, v.id))
                for a in v.arguments
                if a.entity_id == cur.id
            ]
            c.run(cmd.DeleteEntity, cur.id, expected=cur)
            gone, what = cur.id not in c.entities, f"{cur.label} “{c.span_said(cur.start, cur.end)}”"
        elif ev is not None:
            c.run(cmd.DeleteEvent, ev.id, expected=ev)
            gone, what = ev.id not in c.events, f"{ev.type} “{c.span_said(ev.trigger_start, ev.trigger_end)}”"
        else:
            return
        if gone and filled:  # the events it left without a filler were otherwise seen only in the Missing column
            c.report_status(f"{what} deleted, and with it {', '.join(filled)} (Ctrl+Z puts them back)")
        elif gone:  # (refused: the failure says why)
            c.report_status(f"{what} deleted (Ctrl+Z puts it back)")

    def accept_all(self, min_score: float | None = None) -> None:
        """Accept the document's undecided suggestions (``ui.bulk_edits``)."""
        bulk_edits.accept_all(self.c, min_score)

    def label_everywhere(self, accept: bool = False) -> None:
        """Give the selected span's label to the other places its text occurs (``ui.bulk_edits``)."""
        bulk_edits.label_everywhere(self.c, accept)

    # -- Tab order (see ui/tab_order.py) ---------------------------------------------------------------------
    def cycle(self, step: int) -> None:
        self.order.cycle(step)

    def select(self, e: Entity) -> None:
        self.order.select(e)

    def select_event(self, v: Event) -> None:
        self.order.select_event(v)

    def select_at_caret(self) -> None:
        """Select the innermost span under the caret (again: the next one out), and the event there."""
        pos = self.view.caret_cp()
        hits = self.c.entities_at(pos, self.view.highlighter.show_rejected)
        if not hits and pos > 0:
            hits = self.c.entities_at(pos - 1, self.view.highlighter.show_rejected)
        events = self.c.events_at(pos) or (self.c.events_at(pos - 1) if pos > 0 else [])
        if events and not hits:
            self.clear_selection()  # as for a span: Find's words left selected made Shift+E a new event on them
            self.c.select_entity(None)
            self.c.select_event(events[0].id)
            return
        if not hits:
            self.c.report_status("No span under the caret.")
            return
        ids = [e.id for e in hits]
        cur = self.c.current_entity
        self.events.forget_left()  # chosen by the user: a role key takes it
        self.clear_selection()  # the keys act on the span now, not on the text selected
        self.c.select_entity(ids[(ids.index(cur) + 1) % len(ids)] if cur in ids else ids[0])

    def select_name(self) -> None:
        """Shift+Space: the words selected (Find's match: "cen"), else the word at the caret, widened to the name
        around them (``Controller.name_around``: "Central Anti-Corruption Bureau" in one key, where Ctrl+Shift+Right
        took a token a press); again, on the name it selected, with the "the" before it; with a span selected and no
        words, as Space. Again is the name this key selected, not a selection that snaps to one: Find's "rs" of a
        one-word name ("RSF", session 31) took "the RSF" at the first press."""
        sel = self.view.selection_cp()
        if sel is None and self.c.current_entity is not None:
            self.select_at_caret()
            return
        if sel is None:
            pos = self.view.caret_cp()
            sel = self.c.word_at(pos) or (pos, pos)
        found = self.c.name_around(*sel)
        if found is not None and sel == self._named == found:  # again: the "the" before it
            found = self.c.with_article(*found) or found
        if found is None:
            self.c.report_status("No name here: Shift+Space widens a word that starts with a capital to its name.")
            return
        self.c.select_entity(None)
        self.view.select_cp(*found)
        self._named = found
        again = " (Shift+Space again: with “the”)" if self.c.with_article(*found) else ""
        self.c.report_status(
            f"“{self.c.span_said(*found, 80)}” selected{again}: a label key labels it, Alt+1…9 fill a role"
        )

    def move_edge(self, edge: str, direction: int) -> None:
        """Move the start or end of the selected span (or of the selected event's trigger) by one token."""
        cur = self.current()
        if cur is not None:
            start, end = cur.start, cur.end
        elif self.c.current_event in self.c.events:
            v = self.c.events[self.c.current_event]
            start, end = v.trigger_start, v.trigger_end
        else:
            return
        was = (start, end)
        start, end = self.c.edge_moved(start, end, edge, direction)
        what = "A span" if cur is not None else "A trigger"
        if start >= end:  # it said nothing: the key seemed not to work
            other = "Ctrl+Shift+Right" if edge == "start" else "Shift+Left"
            self.c.report_status(f"{what} keeps at least one token: {other} first widens it, to move it along")
            return
        if self._in_one_sentence(*was) and not self._in_one_sentence(start, end):
            # as a label key or E on words across sentences (session 31): the edge stops at its sentence's end
            self.c.report_error(
                f"{what} lies in one sentence: its {edge} stays at the sentence's {'end' if direction > 0 else 'start'}"
                f" (“{self.c.span_said(*was, 40)}”)"
            )
            return
        if cur is not None:
            self.c.run(cmd.ResizeEntity, cur.id, start, end, expected=cur)
        else:
            self.c.run(
                cmd.MoveTrigger, self.c.current_event, start, end, expected=self.c.events.get(self.c.current_event)
            )

    def _in_one_sentence(self, start: int, end: int) -> bool:
        return end <= self.c.sentence(start)[1]

    # -- events (see ui/event_actions.py) ----------------------------------------------------------------
    def new_event(self) -> None:
        self.events.new_event()

    def fill_role(self, index: int, entity_id: int | None = None) -> None:
        self.events.fill_role(index, entity_id)
