"""What the event keys do: E makes an event on the trigger, Alt+N fills role N (its part for roles: ``ui.role_filling``;
N and [ ]: ``ui.event_moves``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from annotator.filler_pick import filler_to_select
from annotator.text_attributes import attribute_cues
from annotator.keyflow import within_line
from annotator.model import Argument, Event
from annotator.rules import has_room
from annotator.trigger_phrase import phrase_ahead, word_types
from annotator.type_order import named_other, next_event_type, retype_first, tried_after, types_nearby
from ui.plain import retype_said, near_type_said
from ui.role_heads import Cycle
from ui.role_filling import RoleFilling
from ui.span_keys import SpanKeys
from ui.e_key import retyped_by_e
from ui import commands as cmd

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.document_view import DocumentView


TypePicker = Callable[[str, list[str], Sequence[str]], "str | None"]  # (trigger, likely, nearby) -> type


class EventActions(RoleFilling):
    """Event editing by key; one command per key, like the entity keys."""

    def __init__(self, edit: SpanKeys, pick_event_type: TypePicker) -> None:
        self.edit = edit
        self.c: "Controller" = edit.c
        self.view: "DocumentView" = edit.view
        self.pick_event_type = pick_event_type
        self.without_picker = True  # E makes the event at once when a type's trigger words match (the first named)
        self._tried: tuple[int, list[str]] = (-1, [])  # the event Shift+E went through types on, and those types
        # brings a role's row into the event editor's view (the window's; a role key's row was filled unseen there)
        self.show_role: Callable[[int], None] = lambda index: None
        self._cycle: Cycle = None  # the role key's cycle (ui.role_heads.Cycle)
        # the span a role key left selected (the one it made or filled the role with): the next role key does not
        # take it for its own filler (it was refused for its label, or put in a second role), it finds candidates
        self._left: int | None = None
        self._one_only = ""  # Alt+Shift+N on a role of one filler: what it put the new one in place of
        # entity suggestions accepted only by filling a role (put there by a role key, or accepted with their
        # suggested event at a person's first change to it): a role key that takes one out of its last role puts it
        # back to undecided (it stayed accepted, out of Tab's and Ctrl+Enter's reach)
        self._as_filler: set[int] = set()
        self._picked: tuple[int, int] | None = None  # (event, filler) Ctrl+Shift+N selected: Escape goes back to it
        # that filler's (start, end, label) when selected, if it was accepted only as a filler: taken out unchanged it
        # is undecided again (as the editor's × leaves it); its edges or label changed since, the person's (session 38)
        self._picked_as: tuple[int, int, str] | None = None
        self.c.selectionChanged.connect(self._forget_left_when_moved)
        self.c.selectionChanged.connect(self._leave_picked)

    def forget_project(self) -> None:
        """The project closed: what the keys remembered of its rows by id forgotten (the next one's start at 1 too)."""
        self._tried, self._cycle, self._left, self._one_only, self._as_filler = (-1, []), None, None, "", set()
        self._picked = self._picked_as = None

    # -- new event ---------------------------------------------------------------------------------------
    def trigger_span(self) -> tuple[int, int] | None:
        span = self.edit.selected_span()
        if span is not None:
            return span
        cur = self.edit.current()
        if cur is not None:
            return cur.start, cur.end
        pos = self.view.to_cp(self.view.textCursor().position())
        return self.c.word_at(pos)  # the word a caret at its end is on, not the full stop after it (as a label key)

    def likely_types(self, span: tuple[int, int]) -> list[str]:  # the words' types, else a phrase's: word_types
        c, at = self.c, span[0]
        return word_types(c.schema, c.doc.text, *span, self.phrase_bound(at)) if c.schema and c.doc else []

    def new_event(self) -> None:
        c = self.c
        if c.doc is None or c.schema is None or c.refuse_read_only():
            return
        ev = retyped_by_e(c, self.view)  # an event selected, no span, no words: its type (the tooltip says so)
        if ev is not None:
            self.change_type(ev)
            return
        span = self.trigger_span()
        if span is None:
            return c.report_error("Select the trigger word(s) of the event first.")
        if self.edit.across_sentences(span, "No event made"):
            return
        likely = self.likely_types(span)
        if self.without_picker and likely:  # the first type its words name; Shift+E the next (session 21)
            type_: str | None = likely[0]
        else:
            type_ = self.pick_event_type(c.span_text(*span), likely, types_nearby(c.events.values(), span[0]))
            self.view.window().activateWindow()  # back to the text after the picker closes
            self.view.setFocus()
        if not type_:
            return
        there = next(
            (v for v in c.events.values() if (v.trigger_start, v.trigger_end, v.type) == (span[0], span[1], type_)),
            None,
        )
        if there is not None:  # as a label key on a span: decide the event that is there, never double it
            if there.state in ("suggested", "rejected"):
                c.run(cmd.AcceptEvent, there.id)
            self.edit.clear_selection()
            c.select_entity(None)
            c.select_event(there.id)
            self.view.show_cp(span[0], span[1])
            return
        attrs = attribute_cues(c.schema, c.doc.text, span[0], span[1], self.sentence(span[0])[0])
        new_id = c.run(cmd.AddEvent, c.doc.id, type_, span[0], span[1], attrs)
        if new_id is not None:
            self.edit.clear_selection()
            c.select_entity(None)
            c.select_event(new_id)
            self.view.show_cp(span[0], span[1])
            others = [t for t in likely if t != type_]
            if self.without_picker and others:  # a type chosen among several: said, with the key for the next
                c.report_status(
                    f"{type_} made on “{c.span_said(*span, 60)}” (Shift+E: {', then '.join(others)}; E: the picker)"
                )

    def change_type(self, ev: Event) -> None:
        """The type picker on the selected event: a suggestion's alternatives on top, then the other types of its
        trigger word, then the types of the document's events nearby, then its own type (E is pressed on an event to
        change its type: Enter took the type it had, which Enter on the event does already): ``retype_first``."""
        c = self.c
        words = self.likely_types((ev.trigger_start, ev.trigger_end))
        nearby = types_nearby((v for v in c.events.values() if v.id != ev.id), ev.trigger_start)
        likely = retype_first(ev.type, ev.alternatives, words, nearby)
        type_ = self.pick_event_type(c.span_text(ev.trigger_start, ev.trigger_end), likely, nearby)
        self.view.window().activateWindow()
        self.view.setFocus()
        if type_ and (type_ != ev.type or ev.state == "suggested"):
            if type_ == ev.type:
                c.run(cmd.AcceptEvent, ev.id)
            else:
                self.set_type(ev, type_)

    def take_alternative(self) -> bool:
        """Shift+E on the selected event: a suggestion's first alternative, else the next type its trigger words name
        (E made the first), else a nearby event's (``next_event_type``); again: the next. False: Shift+E is E then.
        The event is the one E retypes (``e_key.retyped_by_e``: selected, no span, no words), one test for both."""
        ev = retyped_by_e(self.c, self.view)
        if ev is None:
            return False
        mine, tried = self._tried  # the types gone through, while it has the last one given (an undo: from the start)
        tried = tried if mine == ev.id and tried and ev.type == tried[-1] else [ev.type]
        likely = self.likely_types((ev.trigger_start, ev.trigger_end))
        nearby = types_nearby((v for v in self.c.events.values() if v.id != ev.id), ev.trigger_start)
        type_ = next_event_type(ev.type, ev.alternatives, likely, tried, nearby)  # none named: the document's
        if type_ is None:
            return False
        if self.c.refuse_read_only():
            return True
        gone, word = self.set_type(ev, type_), self.c.span_said(ev.trigger_start, ev.trigger_end, 40)
        if gone is not None and not named_other(tried[0], ev.alternatives, likely):  # a nearby event's: said
            nxt = next_event_type(type_, ev.alternatives, likely, [*tried, type_], nearby)
            self.c.report_status(near_type_said(type_, word, gone, nxt))
        self._tried = (ev.id, tried_after(tried, ev.type, type_))
        return True

    def select_filler(self, index: int) -> None:
        """Ctrl+Shift+N: select the filler of role N of the selected event (``filler_pick.filler_to_select``; again,
        the next of a role of several), the event kept: its edges' keys, a label key and Delete act on it then. A
        suggested filler of another extent took Find to its words and Space before its edge keys (round 31). Another
        role's key then fills that role as with the event alone selected (session 38: it moved the filler into it, and
        Escape came first; on events-dev an event with a filler of another extent has another role to fill 27 times,
        a filler the gold one of another role once); selecting it makes it no more the person's than it was."""
        c, ev = self.c, self.current()
        etype = c.schema.event_type(ev.type) if ev is not None and c.schema is not None else None
        if ev is None or etype is None:
            c.report_status("Ctrl+Shift+1…9 selects a filler of the selected event: select an event first ([ or ])")
            return
        if not 0 <= index < len(etype.roles):
            c.report_status(f"{ev.type} has no role {index + 1}")
            return
        role = etype.roles[index].name
        span = filler_to_select(ev, role, c.entities, c.current_entity)
        if span is None:
            c.report_status(
                f"{role} of “{c.span_said(ev.trigger_start, ev.trigger_end, 30)}” is empty: Alt+{index + 1} fills it"
            )
            return
        as_filler = span.id in self._as_filler
        self.edit.clear_selection()
        self.view.show_cp(span.start, span.end)
        c.select_entity(span.id)
        c.select_event(ev.id)  # kept: the role keys and ] [ go on from it
        self._left = span.id  # as a role key's: another role's key finds its own filler, this role's keeps it
        self._picked = (ev.id, span.id)
        self._picked_as = (span.start, span.end, span.label) if as_filler else None
        if as_filler:  # looked at from its event, not decided: taken out unchanged, undecided again
            self._as_filler.add(span.id)
        more = len([a for a in ev.arguments if a.role == role]) > 1
        again = f"; Ctrl+Shift+{index + 1} again: the next" if more else ""
        c.report_status(
            f"{role} “{c.span_said(span.start, span.end, 40)}” selected: Shift+Left/Right its start, "
            f"Ctrl+Shift+Left/Right its end, Ctrl+Alt+{index + 1} out of {role}; Escape: back to the event{again}; "
            "Ctrl+Alt+Shift+1…9 moves it"  # into that role (Help says it); the rarest last: elided first at 1366 (a click shows it whole)
        )

    def move_filler(self, index: int) -> None:
        """Ctrl+Alt+Shift+N: the selected span, a filler of the selected event (Ctrl+Shift+N selected it, or a click),
        moved out of its role into role N in one step (``edits_flow.move_filler``): in place of the filler of a role of
        one, beside the fillers of a role of several; the filler and its event stay selected. Session 38 made another
        role's key after Ctrl+Shift+N fill that role with its own candidates (27 times on events-dev against one move),
        and the move took a click on the filler first; this chord is the move from the keys (session 39)."""
        c, ev = self.c, self.current()
        etype = c.schema.event_type(ev.type) if ev is not None and c.schema is not None else None
        ent = c.entities.get(c.current_entity) if c.current_entity is not None else None
        args = [a for a in ev.arguments if ent is not None and a.entity_id == ent.id] if ev is not None else []
        if etype is None or ent is None or not args:
            c.report_status(
                "Ctrl+Alt+Shift+1…9 moves the filler selected into that role: select an event's filler first "
                "(Ctrl+Shift+1…9 from the event)"
            )
            return
        if not 0 <= index < len(etype.roles):
            c.report_status(f"{ev.type} has no role {index + 1}")  # type: ignore[union-attr]
            return
        role = etype.roles[index]
        if any(a.role == role.name for a in args):
            if len(args) > 1:  # in this role and another (Alt+Shift+N put it in both): kept here alone
                self._out_of_others(ev, role, ent.id)  # type: ignore[arg-type]
                return
            words = c.span_said(ent.start, ent.end, 40)
            c.report_status(f"“{words}” is in {role.name} already: Ctrl+Alt+Shift+1…9 moves it into another role")
            return
        filled = [a for a in ev.arguments if a.role == role.name]  # type: ignore[union-attr]
        replace = None if has_room(role, len(filled)) else filled[0].id  # a role of several: beside its fillers
        if c.refuse_read_only():
            return
        self._move(ev, role, args[0], ent, replace, False)  # type: ignore[arg-type]
        if self._picked is not None and self._picked[1] == ent.id:
            c.select_event(ev.id)  # type: ignore[union-attr]  # still on it (the event too): its edges, or Escape

    def clear_role(self, index: int) -> None:
        """Ctrl+Alt+N: every filler of role N of the selected event taken out; on the filler Ctrl+Shift+N selected
        (still selected, of that role), that one alone, the event kept selected for Enter (round 31: a role of several
        holding one filler too many, "Trump" and "Turnbull" met where "Trump" is meant, was emptied and filled again)."""
        arg = self._picked_argument(index)
        if arg is None:
            super().clear_role(index)
            return
        c, ev, gone = self.c, self.current(), self.c.entities[arg.entity_id]
        self._picked = None
        self._picked_changed(gone.id)
        c.select_entity(None)  # the event selected again, for Enter or its other roles
        self.view.show_cp(ev.trigger_start, ev.trigger_end)  # type: ignore[union-attr]
        self.remove_argument(arg.id)
        after = c.events.get(ev.id)  # type: ignore[union-attr]
        if after is not None and all(a.id != arg.id for a in after.arguments):  # said though a made span went with it
            self._say_taken_out(arg.role, [gone])

    def _picked_changed(self, entity_id: int) -> None:
        """The filler Ctrl+Shift+N selected, accepted only as a filler, whose edges or label the person changed since:
        his now (an edit of his), it stays accepted when taken out of its role."""
        now = self.c.entities.get(entity_id)
        if now is not None and (now.start, now.end, now.label) != self._picked_as:
            self._as_filler.discard(entity_id)

    def _leave_picked(self) -> None:
        """The selection moved off the filler Ctrl+Shift+N selected: changed by the person meanwhile, it is his."""
        if self._picked is not None and (self.c.current_event, self.c.current_entity) != self._picked:
            self._picked_changed(self._picked[1])
            self._picked = None

    def remove_argument(self, argument_id: int) -> None:
        """The editor's ×: as ``RoleFilling.remove_argument``, the filler Ctrl+Shift+N selected and the person changed
        since kept accepted."""
        ev = next((v for v in self.c.events.values() if any(a.id == argument_id for a in v.arguments)), None)
        arg = next((a for a in ev.arguments if a.id == argument_id), None) if ev is not None else None
        if arg is not None and self._picked is not None and arg.entity_id == self._picked[1]:
            self._picked_changed(arg.entity_id)
        super().remove_argument(argument_id)

    def _picked_argument(self, index: int) -> Argument | None:
        """The argument of role ``index`` of the selected event whose filler Ctrl+Shift+N selected and is still
        selected; else None."""
        c, ev = self.c, self.current()
        etype = c.schema.event_type(ev.type) if ev is not None and c.schema is not None else None
        if self._picked is None or etype is None or (c.current_event, c.current_entity) != self._picked:
            return None
        if not 0 <= index < len(etype.roles):
            return None
        role = etype.roles[index].name
        return next((a for a in ev.arguments if a.role == role and a.entity_id == c.current_entity), None)  # type: ignore[union-attr]

    def back_to_picked_event(self) -> bool:
        """Escape on the filler Ctrl+Shift+N selected (still selected, its event too): the span let go of, the event
        kept selected, for Enter or its other roles (Escape cleared both, and `]` or `[` found the event again); the line
        says the event as its selection does. False: anything else selected, Escape as before."""
        picked, c = self._picked, self.c
        if picked is None or (c.current_event, c.current_entity) != picked or c.current_event not in c.events:
            self._picked = None
            return False
        ev = c.events[c.current_event]
        self.view.show_cp(ev.trigger_start, ev.trigger_end)
        # off the filler (``_leave_picked``): the event's own line (its keys), which the caret's note follows (session
        # 38: a line of its own, "… selected (Escape: nothing)", stayed as the caret moved, and the note never came)
        c.select_entity(None)
        return True

    def phrase(self, ev: Event) -> tuple[int, int] | None:
        """The trigger phrase of ``ev``'s type that its trigger word starts, its rest told after it in its sentence
        ("found" of "found Marek Zielinski guilty": ``trigger_phrase.phrase_ahead``); what Shift+Enter takes."""
        c = self.c
        etype = c.schema.event_type(ev.type) if c.schema is not None else None
        if etype is None or c.doc is None:
            return None
        return phrase_ahead(etype, c.doc.text, ev.trigger_start, ev.trigger_end, self.phrase_bound(ev.trigger_start))

    def phrase_bound(self, at: int) -> int:  # where a trigger phrase from ``at`` ends at the latest: its sentence's end
        return within_line(self.c.doc.text, self.sentence(at), at)[1]  # type: ignore[union-attr]

    def accept_as_phrase(self) -> None:
        """Shift+Enter on the selected event whose trigger word starts a trigger phrase of its type (``phrase``, the
        status line names it): its trigger becomes the whole phrase, which accepts a suggestion with its fillers (one
        step, the core's move of a trigger); the event stays selected, for its roles. The suggested "found" of seed
        004's "found Marek Zielinski guilty" was rejected and made again (13 keys), or widened by three
        Ctrl+Shift+Right. Anything else selected: said, nothing changed."""
        c, ev = self.c, self.current()
        if ev is None or self.edit.current() is not None or ev.state == "rejected":
            c.report_status("Shift+Enter takes the trigger phrase a selected event's word starts (“found … guilty”)")
            return
        span = self.phrase(ev)
        if span is None:
            word = c.span_said(ev.trigger_start, ev.trigger_end, 40)
            c.report_status(f"“{word}” starts no trigger phrase of {ev.type} in its sentence: nothing was changed")
            return
        if c.refuse_read_only() or self._run_on_event(ev, cmd.MoveTrigger, ev.id, *span, expected=ev) is None:
            return  # (refused: the failure says why)
        word = c.span_said(ev.trigger_start, ev.trigger_end, 40)
        done = "accepted" if ev.state == "suggested" else "trigger widened"
        c.report_status(f"{ev.type} {done} on “{c.span_said(*span, 60)}” (Ctrl+Z: back to “{word}”)")

    def set_type(self, ev: Event, type_: str) -> list[tuple[str, str | None, str]] | None:
        """Another type for ``ev`` (the picker, the editor's box); the arguments carried to another role or taken out
        with it (``role_carry``), said in the status line and returned as ``retype_said`` takes them; None: refused."""
        c = self.c
        if self._run_on_event(ev, cmd.SetEventType, ev.id, type_, expected=ev) is None:
            return None
        now = {a.id: a.role for a in after.arguments} if (after := c.events.get(ev.id)) is not None else {}
        ents = [(a, e) for a in ev.arguments if (e := c.entities.get(a.entity_id))]
        said = [(a.role, now.get(a.id), c.span_said(e.start, e.end)) for a, e in ents]
        changed = [s for s in said if s[1] != s[0]]  # carried (``role_carry``) or taken out
        if line := retype_said(type_, changed):
            c.report_status(line)
        return changed

    # -- roles ---------------------------------------------------------------------------------------------
