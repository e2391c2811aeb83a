"""What deciding on suggestions does to related rows, inside one edit (an EditRecorder), for ``annotator.edits``.

One rule for entities and events: a person's decision on an event carries to the entity suggestions that fill its
roles, and a person's rejection of an entity takes it out of the roles of events nobody decided on yet.
"""

from __future__ import annotations

from typing import Iterable

from annotator.errors import DeletedElsewhereError, ValidationError
from annotator.model import HUMAN
from annotator.recorder import EditRecorder
from annotator.store import now


def decide_entities(rec: EditRecorder, entity_ids: Iterable[int], state: str) -> None:
    """A person's decision (``state``: accepted or rejected) on entity suggestions: each row says who decided and
    when, and a rejected one leaves the roles of suggested events (``leave_suggested_events``). One rule for every
    decision on many at once: the fillers an accepted event takes, Accept/Reject all, the rest, a script's chosen."""
    ids = list(entity_ids)
    t = now()
    for entity_id in ids:
        rec.update("entities", entity_id, {"state": state, "annotator": rec.project.annotator, "updated_at": t})
    if state == "rejected":
        leave_suggested_events(rec, ids)


def accept_fillers(rec: EditRecorder, event_id: int) -> None:
    """Accept the entity suggestions that fill the roles of an event."""
    decide_entities(rec, rec.project.db.suggested_fillers(event_id), "accepted")


def undecide_fillers(rec: EditRecorder, entity_ids: Iterable[int]) -> None:
    """Put back to undecided the entity suggestions that were accepted only by filling a role (the caller knows
    which: a candidate the role keys went past, a wrong filler of a suggested event accepted with it) and that a
    person's edit has just taken out of their last role; one that fills another argument of a decided event stays
    accepted (a role of a suggested event is no decision: seed 001's "Hanjin Mobility", the Buyer the rules offered
    for "supply", stayed an accepted PERSON after Alt+2 went past it for "lend", out of Tab's reach, session 30)."""
    db = rec.project.db
    for entity_id in sorted(set(entity_ids)):
        if db.fills_a_decided_role(entity_id):
            continue
        if db.entity_state(entity_id) == "accepted":
            rec.update("entities", entity_id, {"state": "suggested", "updated_at": now()})


def drop_made_fillers(rec: EditRecorder, event_id: int, entity_ids: Iterable[int]) -> None:
    """Delete the entity suggestions the event's suggester made only to fill its roles (of its source, nobody decided
    or edited them) that a person's edit of its roles has just taken out of their last role, as rejecting the event
    deletes them (``reject_events``). Seed 004 (session 31): Alt+2 put Zielinski in the Adjudicator of the suggested
    "fined" in place of "court", the ORG the rules made for that role alone; "court" stayed an undecided ORG filling
    no role, and Ctrl+Enter's "Accept the rest" made it an accepted ORG. A name the pipeline found stays (another
    source), and so does a span a person decided or that fills another role."""
    db = rec.project.db
    source = db.event_source(event_id)
    if source == HUMAN:  # a person's event: no span was made for it
        return
    for entity_id in sorted(set(entity_ids)):
        if db.is_lone_suggestion(entity_id, source):
            rec.delete("entities", entity_id)


def drop_cycled_span(rec: EditRecorder, entity_id: int | None) -> None:
    """Delete the span a role key's cycle made of a noun head a step before (``role_heads.heads_offered``), now that the key
    moved on from it, when it fills no role any more: the file holds only what the person chose."""
    if entity_id is not None and rec.project.row("entities", entity_id) is not None:
        if rec.project.db.fills_no_role(entity_id):
            rec.delete("entities", entity_id)


def decided_values(state: str, values: dict) -> dict:
    """What a person's edit of a span or an event (a relabel, a resize, a new type, a moved trigger) writes into its
    row in state ``state``: a suggestion edited is decided, accepted unless ``values`` say otherwise (its fillers are
    accepted with an event: ``edit_event``). Also what the app holds as made for such an edit kept while another
    program writes (``annotator.foreseen``)."""
    return {**values, "state": "accepted"} if state == "suggested" and "state" not in values else values


def edit_event(rec: EditRecorder, event_id: int, values: dict | None = None, filler: int | None = None) -> None:
    """Apply a person's change to an event: a suggestion becomes accepted and edited, with its role fillers;
    an entity suggestion a person puts in a role (``filler``) is accepted too. A rejected event is refused (Enter
    takes it back first)."""
    db = rec.project.db
    state = db.event_state(event_id)
    if state is None:  # deleted by another window or process between the caller's read and this transaction
        raise DeletedElsewhereError(f"the event {event_id}")
    if state == "rejected":  # no annotation: rejecting took its arguments, and a role filled there was kept hidden
        word = db.trigger_text(event_id)
        raise ValidationError(f"“{word}” is a rejected event: Enter takes it back first; nothing was changed")
    values = decided_values(
        state, {**(values or {}), "edited": 1, "annotator": rec.project.annotator, "updated_at": now()}
    )
    rec.update("events", event_id, values)
    if state == "suggested":
        accept_fillers(rec, event_id)
    elif filler is not None:
        if db.entity_state(filler) == "suggested":  # (a filler deleted meanwhile: the foreign key refuses)
            decide_entities(rec, [filler], "accepted")


def accept_events(rec: EditRecorder, event_ids: list[int]) -> None:
    t = now()
    for event_id in event_ids:
        rec.update("events", event_id, {"state": "accepted", "annotator": rec.project.annotator, "updated_at": t})
        accept_fillers(rec, event_id)


def reject_events(rec: EditRecorder, event_ids: list[int]) -> None:
    """Reject events: the row stays (it keeps a later run from suggesting the same trigger and type again)
    without its arguments, and the entity suggestions made only to fill its roles go with them."""
    db = rec.project.db
    t = now()
    for event_id in event_ids:
        source = db.event_source(event_id)
        args = db.arguments_of_event(event_id)
        for arg_id, _ in args:
            rec.delete("arguments", arg_id)
        for entity_id in dict.fromkeys(e for _, e in args):
            if db.is_lone_suggestion(entity_id, source):
                rec.delete("entities", entity_id)
        rec.update("events", event_id, {"state": "rejected", "annotator": rec.project.annotator, "updated_at": t})


def leave_suggested_events(rec: EditRecorder, entity_ids: Iterable[int]) -> None:
    """Rejected entities leave the roles of suggested events (a decided event keeps them: validation reports it)."""
    for entity_id in entity_ids:
        for arg_id in rec.project.db.roles_in_suggested_events(entity_id):
            rec.delete("arguments", arg_id)
