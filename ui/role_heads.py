"""A role key's cycle over the trigger's sentence's noun heads (``annotator.role_heads``): the candidates with them, and a
head reached made a span in the role in one step, the span made a step before taken back (docs/keyboard.md, round
26b)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from annotator.span_label import label_for_span
from annotator.model import Entity, Event
from annotator.pipeline_names import label_kinds
from annotator.role_heads import (
    cycle_with_heads,
    heads_for_role,
    heads_offered,
    noun_side,
    of_no_known_kind,
    takes_nouns,
)
from ui import commands as cmd
from ui.role_keys import elsewhere_said, filled_span, filling, next_said, role_shortcut

if TYPE_CHECKING:
    from annotator.schema import Role
    from ui.controller import Controller

Candidate = int | tuple[int, int]  # an entity's id, or a noun head's (start, end), made a span when reached
# a role key's cycle: event, role index, candidates, the one reached, its argument, the whole list when those are the
# first (made once a person goes past them), and the span made of a head at this step (taken back at the next)
Cycle = tuple[int, int, list[Candidate], int, int, Callable[[], list[Entity]] | None, int | None] | None


def with_heads(
    c: "Controller", ev: Event, ents: Sequence[Entity], sentence: tuple[int, int], role: "Role"
) -> list[Candidate]:
    """``role``'s candidates (entity ids) with the sentence's stored noun heads that are no span
    (``role_heads.heads_offered``) after that sentence's entities (``role_heads.heads_place``): those of a kind the
    role takes ("market" is offered to no Attacker), then those of no kind known (``role_heads.heads_for_role``,
    session 34: "deal" after "firms" for an Org, said so); the one of its kind beside the trigger first of all
    (``role_heads.cycle_with_heads``, session 39: "police" of "police arrest"); none for a role of times or amounts
    alone (``role_heads.takes_nouns``)."""
    ids: list[Candidate] = [e.id for e in ents]
    if not takes_nouns(role.labels, label_kinds(c.schema)):
        return ids
    spans = [(e.start, e.end) for e in c.entities.values() if e.state != "rejected"]
    near = heads_offered(c.held.noun_heads(c.project), sentence, (ev.trigger_start, ev.trigger_end), spans)
    text = c.doc.text if c.doc is not None else ""
    fit, unknown = heads_for_role(near, text, role.labels)
    if not fit and not unknown:
        return ids
    trigger = (ev.trigger_start, ev.trigger_end)
    return cycle_with_heads(
        ids, [(e.start, e.end) for e in ents], (fit, unknown), sentence, text, trigger, noun_side(role)
    )


def fill_with_head(
    c: "Controller",
    run: Callable[..., int | None],
    ev: Event,
    role: "Role",
    cycle: Cycle,
    put: tuple[int | None, int | None, tuple[int, ...]],
    told: str = "",
) -> Cycle:
    """The candidate ``cycle`` reached, a noun head, made a span filling ``role`` (in argument ``replace``; labelled as
    ``span_label.label_for_span`` says: the words' own evidence before the role's first label) in one
    step (``run``: the actions' ``_run_on_event``) with the span the cycle made a step before (``drop``) taken back;
    ``put`` is (replace, drop, undecide). Says so in the status line; the cycle at this step (None: not filled)."""
    assert cycle is not None
    _, index, cands, i, _, more, _ = cycle
    span, (replace, drop, undecide) = cands[i], put
    assert isinstance(span, tuple)
    label = label_for_span(c.entities.values(), c.doc.text, span, role.labels, label_kinds(c.schema))
    arg = run(ev, cmd.FillRoleWithSpan, ev.id, role.name, *span, label, replace=replace, undecide=undecide, drop=drop)
    if arg is None:
        return None
    said = next_said(c, index, cands[i:], more, c.sentence(ev.trigger_start), filling(c, ev, role))
    kind = ", its kind unknown" if of_no_known_kind(c.doc.text, span) else ""
    c.report_status(
        f"{role.name}: {c.span_said(*span)} as {label}, a noun of the sentence{kind} (a label key changes it){told}"
        f"  ({said})"
    )
    return ev.id, index, cands, i, arg, more, filled_span(c, ev.id, arg, span)


def no_candidate_said(c: "Controller", ev: Event, role: "Role", index: int, taken: list[int]) -> str:
    """Why a role key found nothing to offer, the role's own fillers named: "No entity of DATE, TIME" read as if
    Friday were not there."""
    there = [c.span_said(e.start, e.end) for x in taken if (e := c.entities.get(x)) is not None]
    held = f" (“{'”, “'.join(there)}” {'is' if len(there) == 1 else 'are'} in it)" if there else ""
    elsewhere = elsewhere_said(c, ev, role, index, "; ")
    other = " other" if there or elsewhere else ""
    # session 36: with nothing to offer, what the key does with a selection said (it said only what was missing)
    select = "" if there or elsewhere else f": select its words, then {role_shortcut(index)}"
    return f"No{other} entity of {', '.join(role.labels)} to fill {role.name}{held}{elsewhere}{select}."
