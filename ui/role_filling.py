"""What Alt+N does: fills role N of the selected event (with the span selected, a name around the words, the nearest
candidate, a noun head; again: the next), Alt+Shift+N adds another filler, a role's filler taken out or cleared; and
the event a role key fills. The event keys' part for roles (``EventActions`` is one; E is ``ui.event_actions``',
N and [ ] ``ui.event_moves``')."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from annotator.keyflow import agent_order, first_role_candidates
from annotator.span_label import key_fill_label, label_for_span, label_to_fill
from annotator.keyflow import role_candidates, source_order
from annotator.pipeline_names import label_kinds
from annotator.model import Argument, Entity, Event
from annotator.rules import has_room, takes
from ui.role_keys import already_in, elsewhere_said, event_to_fill, filling, next_said, one_only, role_shortcut
from ui.role_keys import filled_span, labels_with_keys, put_said, said_on_event
from ui.role_heads import Cycle, fill_with_head, no_candidate_said, with_heads
from ui.span_keys import SpanKeys
from ui import commands as cmd

if TYPE_CHECKING:  # pragma: no cover
    from annotator.schema import Role
    from ui.controller import Controller

CANDIDATES_FIRST = 50  # Alt+N's candidates made at the first press besides the sentence's (more when gone past)


class RoleFilling:
    """The role keys of the event keys (``EventActions``, which makes what they keep: the controller, the span keys
    and the role keys' memos)."""

    c: "Controller"
    edit: SpanKeys
    show_role: Callable[[int], None]  # brings a role's row into the event editor's view
    _cycle: Cycle  # the role key's cycle (ui.role_heads.Cycle)
    _left: int | None  # the span a role key left selected
    _one_only: str  # Alt+Shift+N on a role of one filler: what it put the new one in place of
    _as_filler: set[int]  # entity suggestions accepted only by filling a role

    def _forget_left_when_moved(self) -> None:
        if self._left is not None and self.c.current_entity != self._left:
            # a span the role key made while another program wrote, landed: still the span it left
            landed = self.c.landed.get(self._left)
            self._left = landed if landed is not None and landed == self.c.current_entity else None
        self._as_filler.discard(self.c.current_entity)  # type: ignore[arg-type]  # the person looks at it: his now

    def _run_on_event(self, ev: Event, command: type, *args, put: int | None = None, **kwargs):  # type: ignore[no-untyped-def]
        """Run a command that changes ``ev`` (``put``: the entity it puts in a role), noting the entity suggestions it
        accepts only as fillers (``_as_filler``)."""
        c = self.c
        if (said := c.kept.roles_wait(command, ev.id, c.held.args, *args, **kwargs)) is not None:  # names a kept
            return c.report_status(said)  # edit's stand-in (refused when it landed): nothing kept
        if put is not None and put == c.current_entity and put != self._left:
            put = None  # the span the person selected (a click, Tab, Space) is his own: it stays accepted (session 7)
        sugg = {a.entity_id for a in ev.arguments} | ({put} if put is not None else set())
        sugg = {x for x in sugg if (e := c.entities.get(x)) is not None and e.state == "suggested"}
        result = c.run(command, *args, **kwargs)
        self._as_filler |= {x for x in sugg if (e := c.entities.get(x)) is not None and e.state == "accepted"}
        return result

    def forget_left(self) -> None:
        """The user selected a span himself: the next role key takes it, even the one a role key left selected."""
        self._left = None

    def left(self) -> int | None:
        """The span a role key left selected (the filler it made or put in), if the person has not moved since."""
        return self._left

    def current(self) -> Event | None:
        return self.c.events.get(self.c.current_event) if self.c.current_event is not None else None

    def sentence(self, cp: int) -> tuple[int, int]:
        return self.c.sentence(cp)

    def role_event(self) -> Event | None:
        """The event a role key fills (``role_keys.event_to_fill``): the words (or span) the person selected say it."""
        words, span = self.edit.selected_span(), self.edit.current()
        if words is None and span is not None and span.id != self._left:
            words = span.start, span.end
        if (ev := event_to_fill(self.c, cur := self.current(), words)) is not cur:
            self._cycle = None
        return ev

    def fill_role(self, index: int, entity_id: int | None = None) -> None:
        """Fill role ``index`` of the selected event: with ``entity_id``, the selected span, or (nothing
        selected) the nearest entity the role accepts; the same key again moves to the next candidate."""
        with said_on_event(self.c):
            if entity_id is None:
                self.edit.take_span_around_match()  # Find's "sait": the name "Kenji Saitō" it lies in
            self._fill_role(index, entity_id)

    def _fill_role(self, index: int, entity_id: int | None = None) -> None:
        c = self.c
        ev = self.role_event() if entity_id is None else self.current()  # the editor's fill list: the one it shows
        if ev is None:
            c.report_error("Select an event first (its trigger, or [ and ] to move between events).")
            return
        etype = c.schema.event_type(ev.type)
        if etype is None or not 0 <= index < len(etype.roles):
            return
        role = etype.roles[index]
        filled = [a for a in ev.arguments if a.role == role.name]
        by_key = entity_id is None  # the role key (the fill list's choice adds to a role of several, as before)
        if entity_id is None:
            span = self.edit.selected_span()
            if self._fill_with_new_span(ev, role, replace=self._replaced(filled, role, span)):
                return
            entity_id = self._explicit_entity(ev, role.name)
            if entity_id == -1:
                return
        if entity_id is None:
            self._fill_next_candidate(ev, index)
            return
        self._cycle = None
        if any(a.entity_id == entity_id for a in filled):
            if by_key:  # in this role and another (Alt+Shift+N put it in both): the key keeps it here alone
                self._out_of_others(ev, role, entity_id)
            return
        ent = c.entities.get(entity_id)
        if by_key or not has_room(role, len(filled)):
            replace = self._replaced(filled, role, (ent.start, ent.end) if ent is not None else None)
        else:
            replace = None
        if ent is not None and ent.state == "suggested" and not takes(role, ent.label):
            self._fill_relabelled(ev, index, ent, replace)
            return
        other = next((a for a in ev.arguments if a.entity_id == entity_id), None) if by_key else None
        if other is not None and ent is not None:
            self._move(ev, role, other, ent, replace, has_room(role, len(filled)))
            return
        also = next((a.role for a in ev.arguments if a.entity_id == entity_id), None)  # Alt+Shift+N, the fill list
        arg = self._put(ev, role.name, entity_id, replace)
        if arg is not None:
            self.edit.clear_selection()
            if self.c.current_entity == entity_id:
                self._left = entity_id
            if ent is not None:  # the role named ("Place: Paris"), as with nothing selected: the span's own line
                said = self._in_place(ev, role, replace)  # ("GPE (accepted): Paris") said which role took it nowhere
                if also is not None and not said:  # in both now: said, and the key that moves it instead
                    said = f", in {also} too ({role_shortcut(index)} moves it; Ctrl+Z takes it back)"
                    c.select_entity(entity_id)  # selected, so that the key named takes it (Find's words were let go)
                    self._left = entity_id
                put = put_said(c, ent, self.sentence(ev.trigger_start))  # ", of a later sentence", then a comma
                c.report_status(f"{role.name}: {put}{',' if said and put.endswith(' sentence') else ''}{said}")

    def _out_of_others(self, ev: Event, role: "Role", entity_id: int) -> None:
        """The role key on a filler of its role that fills another role of the event too: taken out of the other one
        (the message of Alt+Shift+N, which put it in both, names this key as the one that moves it)."""
        other = next((a for a in ev.arguments if a.entity_id == entity_id and a.role != role.name), None)
        ent = self.c.entities.get(entity_id)
        if other is None or ent is None:
            return
        self._run_on_event(ev, cmd.RemoveArgument, other.id)  # (no result id: the event after it tells)
        after = self.c.events.get(ev.id)
        if after is None or any(a.id == other.id for a in after.arguments):
            return
        words = self.c.span_said(ent.start, ent.end)
        self.c.report_status(f"{role.name}: {words}, out of {other.role} (Ctrl+Z puts it back)")

    def _move(self, ev: Event, role: "Role", arg: "Argument", ent: Entity, replace: int | None, both: bool) -> None:
        """The role key on a filler of another role of the event: moved, in one step (it was put in both, and the old
        role took Ctrl+Alt+N, a key more; on events-dev one argument in 1,055 fills two roles of its event).
        ``both``: the role has room for it beside its fillers, and Alt+Shift+N puts it in both, as the message says."""
        c = self.c
        gone = next((a for a in ev.arguments if a.id == replace), None)
        gone_ent = c.entities.get(gone.entity_id) if gone is not None else None
        undecide = tuple(sorted(self._as_filler))
        if self._run_on_event(ev, cmd.MoveFiller, arg.id, role.name, replace=replace, undecide=undecide) is None:
            return
        self.edit.clear_selection()
        if c.current_entity == ent.id:
            self._left = ent.id
        index = [r.name for r in c.schema.event_type(ev.type).roles].index(role.name)
        said = f"{role.name}: {c.span_said(ent.start, ent.end)}, moved from {arg.role}"
        if gone_ent is not None:
            said += f", in place of “{c.span_said(gone_ent.start, gone_ent.end)}”"
        keys = f"Alt+Shift+{index + 1} puts it in both; " if both else ""
        c.report_status(f"{said} ({keys}Ctrl+Z puts it back)")

    def _replaced(self, filled: "list[Argument]", role: "Role", span: tuple[int, int] | None) -> int | None:
        """The argument a role key with a selection puts its filler in place of: the role's filler, for a role of
        one; in a role of several, the filler the selection overlaps (its words put right: 'minister' for 'deputy
        transport minister'), else the last one put, as the key with nothing selected replaces it. Alt+Shift+N adds
        one instead. (The key added to a role of several: a wrong filler took Ctrl+Alt+N first, a key more, and the
        same key did another thing by the role's multiplicity.)"""
        if not filled:
            return None
        if not has_room(role, len(filled)):  # a role of one filler
            return filled[0].id
        if span is None:
            return filled[-1].id
        ents = self.c.entities
        over = [a for a in filled if (e := ents.get(a.entity_id)) is not None and e.start < span[1] and span[0] < e.end]
        return (over or filled)[-1].id

    def _in_place(self, ev: Event, role: "Role", replaced: int | None) -> str:
        """What the status line adds when a role key put a filler in place of another: which one went, and in a role
        of several the key that adds one instead ("" when it replaced none). In a role of one it went unsaid: seed 002's
        "targeting", Enter (on to "El Fasher" of the next sentence) and Alt+1 put it in place of the Attacker "army"
        with the line "Attacker: El Fasher" (session 32)."""
        old = next((a for a in ev.arguments if a.id == replaced), None)
        e = self.c.entities.get(old.entity_id) if old is not None else None
        if e is None:
            return self._one_only
        words = self.c.span_said(e.start, e.end)
        if not has_room(role, 1):  # a role of one filler: no other to add (Alt+Shift+N says it replaced)
            return self._one_only or f" in place of “{words}” (Ctrl+Z puts it back)"
        index = [r.name for r in self.c.schema.event_type(ev.type).roles].index(role.name)
        return f" in place of “{words}” (Alt+Shift+{index + 1} adds one instead; Ctrl+Z puts it back)"

    def _put(self, ev: Event, role: str, entity_id: int, replace: int | None, drop: int | None = None) -> int | None:
        """Fill the role (or put the entity in argument ``replace``); the core accepts an undecided filler, and
        undecides the one it replaces when that was accepted only as a filler. A suggestion of a label the role does
        not take (``keyflow.kin_fits``) is relabelled as it fills, in the same step; ``drop``: ``ui.role_heads``."""
        etype = self.c.schema.event_type(ev.type)
        ent, fill = self.c.entities.get(entity_id), etype.role(role)
        undecide = tuple(sorted(self._as_filler))
        if ent is not None and fill is not None and not takes(fill, ent.label):  # an amount of another label
            label = label_to_fill(self.c.entities.values(), self.c.doc.text, ent, fill.labels)  # (keyflow.kin_fits)
            return self._run_on_event(
                ev, cmd.FillRoleRelabelled, ev.id, role, entity_id, label, replace=replace, undecide=undecide, drop=drop
            )
        if replace is None:
            return self._run_on_event(ev, cmd.AddArgument, ev.id, role, entity_id, put=entity_id)
        return self._run_on_event(
            ev, cmd.ChangeArgument, replace, entity_id=entity_id, undecide=undecide, put=entity_id, drop=drop
        )

    def _fill_with_new_span(self, ev: Event, role: "Role", replace: int | None = None) -> bool:
        """A selection that is no entity span yet fills the role as a new span (one step), labelled as the same
        words are elsewhere in the document when the role takes that label, else with the role's first label;
        True when the selection was such a span (filled, or refused with the reason in the status line)."""
        c = self.c
        span = self.edit.selected_span()
        cur = self.edit.current()
        if span is None or (cur is not None and (cur.start, cur.end) == span):
            return False
        if any((e.start, e.end) == span and e.state != "rejected" for e in c.entities.values()):
            return False  # an entity there: filled with it (or refused for its label)
        if self.edit.across_sentences(span, "No role filled"):
            return True
        label = label_for_span(c.entities.values(), c.doc.text, span, role.labels, label_kinds(c.schema))
        said = self._in_place(ev, role, replace)
        undecide = tuple(sorted(self._as_filler))
        arg = self._run_on_event(
            ev, cmd.FillRoleWithSpan, ev.id, role.name, span[0], span[1], label, replace=replace, undecide=undecide
        )
        # kept (another program writes): its span held as made is selected too (the words stayed selected, and the next
        # role key, once it landed, moved it to that role: Alt+1, Alt+2 did not fill as with no one writing)
        made = filled_span(c, ev.id, arg, span)
        if made is not None:
            self._cycle = None
            self.edit.clear_selection()
            c.select_entity(made)  # selected, so that a label key changes it (as the status line says)
            self._left = made
        if arg is not None:
            c.report_status(f"{role.name}: {c.span_said(*span)} as {label} (a label key changes it){said}")
        return True

    def _fill_relabelled(self, ev: Event, index: int, ent: Entity, replace: int | None) -> None:
        """A role key on an undecided suggestion of a label the role does not take: relabelled and put in the role in
        one step when the label is clear (``span_label.label_to_fill``), left selected so that a label key changes it;
        else the label keys that fit are named (it was refused in the core's words: a label key, then the role key
        again, two keys to decide one suggestion)."""
        c = self.c
        role = c.schema.event_type(ev.type).roles[index]
        words = c.span_said(ent.start, ent.end)
        said = self._in_place(ev, role, replace)
        label = key_fill_label(c.entities.values(), c.doc.text, ent, role)
        if label is None:
            fit = labels_with_keys(c.schema, role.labels)
            c.report_error(
                f"“{words}” is suggested as {ent.label}; {role.name} takes {fit}: "
                f"that label's key relabels it, then {role_shortcut(index)}."
            )
            return
        undecide = tuple(sorted(self._as_filler))
        arg = self._run_on_event(
            ev, cmd.FillRoleRelabelled, ev.id, role.name, ent.id, label, replace=replace, undecide=undecide
        )
        if arg is not None:
            self.edit.clear_selection()
            c.select_entity(ent.id)  # selected, so that a label key changes it (as the status line says)
            self._left = ent.id
            c.report_status(f"{role.name}: {words} as {label}, suggested as {ent.label} (a label key changes it){said}")

    def _explicit_entity(self, ev: Event | None = None, role: str | None = None) -> int | None:
        """The selected span, or the entity whose span equals the (token-snapped) text selection; not the span the
        key of another role of ``ev`` left selected (``role``: the role being filled)."""
        cur = self.edit.current()
        span = self.edit.selected_span()
        if cur is not None and cur.id == self._left and span in (None, (cur.start, cur.end)) and role is not None:
            if not any(a.entity_id == cur.id and a.role == role for a in ev.arguments):  # type: ignore[union-attr]
                return None  # left selected by the key of another role: this key finds its own filler
        if span is not None and (cur is None or (cur.start, cur.end) != span):
            hits = [e for e in self.c.entities.values() if (e.start, e.end) == span and e.state != "rejected"]
            if not hits:
                self.c.report_error("The selection is not an entity span: label it first (a label key).")
                return -1
            return hits[0].id
        return cur.id if cur is not None else None

    def forget_candidates(self) -> None:
        self._cycle = None

    def add_another(self, index: int) -> None:
        """Alt+Shift+N: one more filler for role N (the selected span, else the nearest candidate not in it)."""
        with said_on_event(self.c):
            self.edit.take_span_around_match()
            self._add_another(index)

    def _add_another(self, index: int) -> None:
        ev = self.role_event()
        if ev is None:
            self.c.report_error("Select an event first (its trigger, or [ and ] to move between events).")
            return
        etype = self.c.schema.event_type(ev.type)
        if etype is None or not 0 <= index < len(etype.roles):
            return
        role = etype.roles[index]
        if not has_room(role, sum(a.role == role.name for a in ev.arguments)):
            self._one_only = one_only(self.c, ev, role)  # it replaces: said (it read as one more added)
            self.fill_role(index)
            self._one_only = ""
            return
        if self._fill_with_new_span(ev, role):
            return
        entity_id = self._explicit_entity(ev, role.name)
        if entity_id == -1:
            return
        if entity_id is not None and any(a.entity_id == entity_id and a.role == role.name for a in ev.arguments):
            if entity_id != self._left:  # a span the person selected, in the role already: one more is none
                self.c.report_status(already_in(self.c, entity_id, role.name, index))
                return
            entity_id = None  # the one this role's key left selected: one more is the next candidate
        if entity_id is not None:
            self.fill_role(index, entity_id)
            return
        self._fill_next_candidate(ev, index, keep=True)  # right after this role's key: the next it named, added

    def remove_argument(self, argument_id: int) -> None:
        """The editor's × on an argument: out of its event, its entity undecided again when a role key (or the
        event's first change) accepted it only as a filler, as Ctrl+Alt+N does (× kept it accepted)."""
        ev = next((v for v in self.c.events.values() if any(a.id == argument_id for a in v.arguments)), None)
        if ev is None:
            return
        arg = next(a for a in ev.arguments if a.id == argument_id)
        self._run_on_event(ev, cmd.RemoveArgument, argument_id, undecide=tuple(sorted(self._as_filler)))
        self._cycle = None
        after = self.c.events.get(ev.id)
        if (ent := self.c.entities.get(arg.entity_id)) is not None and after is not None:
            if not any(a.id == argument_id for a in after.arguments):
                self._say_taken_out(arg.role, [ent])

    def _say_taken_out(self, role: str, gone: list[Entity]) -> None:
        """What × or Ctrl+Alt+N took out of a role, as Alt+N says what it put (the status line described the event
        as before the key)."""
        what = ", ".join(f"“{self.c.span_said(e.start, e.end)}”" for e in gone)
        self.c.report_status(f"{role}: {what} taken out (Ctrl+Z puts {'it' if len(gone) == 1 else 'them'} back)")

    def clear_role(self, index: int) -> None:
        """Ctrl+Alt+N: remove every filler of role N of the selected event."""
        ev = self.current()
        etype = self.c.schema.event_type(ev.type) if ev is not None and self.c.schema else None
        if ev is None or etype is None or not 0 <= index < len(etype.roles):
            return
        role = etype.roles[index].name
        gone = [e for a in ev.arguments if a.role == role and (e := self.c.entities.get(a.entity_id)) is not None]
        if gone:
            self._run_on_event(ev, cmd.ClearRole, ev.id, role, undecide=tuple(sorted(self._as_filler)))
        after = self.c.events.get(ev.id)
        if gone and after is not None and not any(a.role == role for a in after.arguments):
            self._say_taken_out(role, gone)
        self._cycle = None

    def _fill_next_candidate(self, ev: Event, index: int, keep: bool = False) -> None:
        c = self.c
        role = c.schema.event_type(ev.type).roles[index]
        cyc = self._cycle
        again = cyc is not None and cyc[0] == ev.id and cyc[1] == index and any(a.id == cyc[4] for a in ev.arguments)
        if again:
            _, _, cands, i, arg_id, more, made = cyc  # type: ignore[misc]
            arg_id, made = (None, None) if keep else (arg_id, made)  # Alt+Shift+N: one beside, the filler kept
            i += 1
            if i >= len(cands) and more is not None:  # past the nearest: the rest of the document, once
                cands, more = with_heads(c, ev, more(), self.sentence(ev.trigger_start), role), None
            if i >= len(cands):
                c.report_error(f"No other entity fills {role.name}{elsewhere_said(c, ev, role, index, '; ')}.")
                return
        else:
            taken = [a.entity_id for a in ev.arguments if a.role == role.name]
            others = [a.entity_id for a in ev.arguments if a.role != role.name]
            # a filler of another role of the event is no candidate: the cycle put it in both roles unasked (one
            # argument in 1,055 of events-dev fills two); selected, the key moves it (the message says so)
            ask = (
                role,
                (ev.trigger_start, ev.trigger_end),
                self.sentence(ev.trigger_start),
                [*taken, *others],
                others,
                c.doc.text,
                source_order(c.schema.event_type(ev.type), role),
                agent_order(c.schema.event_type(ev.type), role),
                label_kinds(c.schema),  # the pipeline's places, times and amounts in the schema's names
            )
            # the sentence's and the nearest others, from the span index: a long document's 8,000 spans were sorted
            # at each key; the whole list (the same, longer) is made only if the user goes past those
            ents, whole = first_role_candidates(c.entities, c.span_index(), *ask, most=CANDIDATES_FIRST)
            more = None if whole else (lambda: role_candidates(c.entities.values(), *ask))
            cands, i, made = with_heads(c, ev, ents, self.sentence(ev.trigger_start), role), 0, None
            if not cands:  # the role's own fillers named: "No entity of DATE, TIME" read as if Friday were not there
                c.report_error(no_candidate_said(c, ev, role, index, taken))
                return
            filled = [a for a in ev.arguments if a.role == role.name]
            arg_id = filled[-1].id if filled and not keep else None  # type: ignore[assignment]
        cand, where = cands[i], self.sentence(ev.trigger_start)
        if isinstance(cand, tuple):  # a noun head (ui.role_heads): made a span, the one made before taken back
            put, cyc = (arg_id, made, tuple(sorted(self._as_filler))), (ev.id, index, cands, i, 0, more, None)
            self._cycle = fill_with_head(c, self._run_on_event, ev, role, cyc, put, self._one_only) or self._cycle
            return
        was = c.entities[cand].label
        new = self._put(ev, role.name, cand, arg_id, made)
        if new is not None:
            self._cycle = (ev.id, index, cands, i, new, more, None)
            e = c.entities[cand]
            said = next_said(c, index, cands[i:], more, where, filling(c, ev, role))
            relabelled = f" as {e.label}, suggested as {was}" if e.label != was else ""
            c.report_status(f"{role.name}: {put_said(c, e, where)}{relabelled}{self._one_only}  ({said})")
