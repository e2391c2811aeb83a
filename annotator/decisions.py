"""What deciding on suggestions does to related rows, inside one edit (an EditRecorder), for ``annotator.edits``.

One rule for entities and events: a person's decision on an event carries to the entity suggestions that fill its
roles, and a person's rejection of an entity takes it out of the roles of events nobody decided on yet.
"""

from __future__ import annotations

from typing import Iterable

from annotator.errors import StaleChangeError, ValidationError
from annotator.recorder import EditRecorder
from annotator.store import now


def accept_fillers(rec: EditRecorder, event_id: int) -> None:
    """Accept the entity suggestions that fill the roles of an event."""
    project = rec.project
    t = now()
    for (entity_id,) in project.db.conn.execute(
        "SELECT DISTINCT a.entity_id FROM arguments a JOIN entities e ON e.id = a.entity_id "
        "WHERE a.event_id = ? AND e.state = 'suggested' ORDER BY a.entity_id",
        (event_id,),
    ).fetchall():
        rec.update("entities", entity_id, {"state": "accepted", "annotator": project.annotator, "updated_at": t})


def undecide_fillers(rec: EditRecorder, entity_ids: Iterable[int]) -> None:
    """Put back to undecided the entity suggestions that were accepted only by filling a role (the caller knows
    which: a candidate the role keys went past, a wrong filler of a suggested event accepted with it) and that a
    person's edit has just taken out of their last role; one that fills another argument stays accepted."""
    conn = rec.project.db.conn
    for entity_id in sorted(set(entity_ids)):
        if conn.execute("SELECT 1 FROM arguments WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone():
            continue
        found = conn.execute("SELECT state FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if found is not None and found[0] == "accepted":
            rec.update("entities", entity_id, {"state": "suggested", "updated_at": now()})


def edit_event(rec: EditRecorder, event_id: int, values: dict | None = None, filler: int | None = None) -> None:
    """Apply a person's change to an event: a suggestion becomes accepted and edited, with its role fillers;
    an entity suggestion a person puts in a role (``filler``) is accepted too. A rejected event is refused (Enter
    takes it back first)."""
    conn = rec.project.db.conn
    found = conn.execute("SELECT state FROM events WHERE id = ?", (event_id,)).fetchone()
    if found is None:  # deleted by another window or process between the caller's read and this transaction
        raise StaleChangeError(
            f"the event {event_id} was deleted elsewhere (another window or process); nothing was changed"
        )
    state = found[0]
    if state == "rejected":  # no annotation: rejecting took its arguments, and a role filled there was kept hidden
        (word,) = conn.execute(
            "SELECT substr(d.text, v.trigger_start + 1, v.trigger_end - v.trigger_start) "
            "FROM events v JOIN documents d ON d.id = v.document_id WHERE v.id = ?",
            (event_id,),
        ).fetchone()
        raise ValidationError(f"“{word}” is a rejected event: Enter takes it back first; nothing was changed")
    values = {**(values or {}), "edited": 1, "annotator": rec.project.annotator, "updated_at": now()}
    if state == "suggested":
        values["state"] = "accepted"
    rec.update("events", event_id, values)
    if state == "suggested":
        accept_fillers(rec, event_id)
    elif filler is not None:
        filled = conn.execute("SELECT state FROM entities WHERE id = ?", (filler,)).fetchone()
        if filled is not None and filled[0] == "suggested":  # (a filler deleted meanwhile: the foreign key refuses)
            rec.update(
                "entities", filler, {"state": "accepted", "annotator": rec.project.annotator, "updated_at": now()}
            )


def accept_events(rec: EditRecorder, event_ids: list[int]) -> None:
    t = now()
    for event_id in event_ids:
        rec.update("events", event_id, {"state": "accepted", "annotator": rec.project.annotator, "updated_at": t})
        accept_fillers(rec, event_id)


def reject_events(rec: EditRecorder, event_ids: list[int]) -> None:
    """Reject events: the row stays (it keeps a later run from suggesting the same trigger and type again)
    without its arguments, and the entity suggestions made only to fill its roles go with them."""
    conn = rec.project.db.conn
    t = now()
    for event_id in event_ids:
        source = conn.execute("SELECT source FROM events WHERE id = ?", (event_id,)).fetchone()[0]
        args = conn.execute("SELECT id, entity_id FROM arguments WHERE event_id = ?", (event_id,)).fetchall()
        for arg_id, _ in args:
            rec.delete("arguments", arg_id)
        for entity_id in dict.fromkeys(e for _, e in args):
            orphan = conn.execute(
                "SELECT 1 FROM entities WHERE id = ? AND state = 'suggested' AND edited = 0 AND source = ? "
                "AND NOT EXISTS (SELECT 1 FROM arguments WHERE entity_id = ?)",
                (entity_id, source, entity_id),
            ).fetchone()
            if orphan:
                rec.delete("entities", entity_id)
        rec.update("events", event_id, {"state": "rejected", "annotator": rec.project.annotator, "updated_at": t})


def leave_suggested_events(rec: EditRecorder, entity_ids: Iterable[int]) -> None:
    """Rejected entities leave the roles of suggested events (a decided event keeps them: validation reports it)."""
    conn = rec.project.db.conn
    for entity_id in entity_ids:
        for (arg_id,) in conn.execute(
            "SELECT a.id FROM arguments a JOIN events v ON v.id = a.event_id WHERE a.entity_id = ? AND v.state = 'suggested'",
            (entity_id,),
        ).fetchall():
            rec.delete("arguments", arg_id)
