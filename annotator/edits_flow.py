"""Edits of the keyboard flow that touch several rows in one step (each one transaction, one Change)."""

from __future__ import annotations

from typing import Iterable

from annotator.db import argument_row, span_row
from annotator.decisions import (
    accept_events,
    decide_entities,
    drop_cycled_span,
    drop_made_fillers,
    edit_event,
    reject_events,
    undecide_fillers,
)
from annotator.edit_checks import (
    check_event_type,
    check_label,
    check_offsets,
    check_status,
    event_of,
    refuse_breach,
    text_of,
)
from annotator.edits import HUMAN, suggested_events, unfit_roles
from annotator.errors import ValidationError
from annotator.keyflow import sort_places
from annotator.model import STATES, Change, Entity, Event
from annotator.recorder import EditRecorder, run_edit
from annotator.rules import filler_breaches, room_breach
from annotator.shown import check_none_unseen
from annotator.store import Project, now


def add_entities(
    project: Project,
    doc_id: int,
    spans: list[tuple[int, int]],
    label: str,
    *,
    state: str = "suggested",
    source: str = HUMAN,
) -> Change:
    """Add one label over several spans in one step (label every occurrence); places holding a span already (not
    rejected: of this label or another) and places where this label was rejected are left as they are
    (``keyflow.sort_places``). ``change.result_id`` is the first new entity."""
    text = text_of(project, doc_id)
    check_label(project, label)
    if state not in STATES:
        raise ValidationError(f"state {state!r} is not one of {', '.join(STATES)}")
    for a, b in spans:
        check_offsets(text, a, b)

    def body(rec: EditRecorder) -> None:
        t = now()
        for a, b in sort_places(project.entities(doc_id), spans, label).new:
            new_id = rec.insert(
                "entities",
                span_row(doc_id, project.annotation_set, a, b, label, state, source, project.annotator, at=t),
            )
            if rec.result_id is None:
                rec.result_id = new_id
        if rec.rows:
            rec.touch_document()

    return run_edit(project, "add_entities", doc_id, body)


def accept_rest(
    project: Project,
    doc_id: int,
    *,
    status: str | None = None,
    shown: Iterable[int | Entity] | None = None,
    shown_events: Iterable[int | Event] | None = None,
) -> Change:
    """Accept every undecided entity and event suggestion of a document in one step (before marking it done);
    with ``status``, the document gets it in the same step (Ctrl+Enter: one key, one undo). With ``shown`` and
    ``shown_events`` (what the view showed undecided), a suggestion that came in elsewhere since (a pre-annotation
    re-run by a command while the app asked "accept the N undecided?") is a StaleChangeError, never accepted unseen."""
    text_of(project, doc_id)
    if status is not None:
        check_status(status)

    def body(rec: EditRecorder) -> None:
        t = now()
        entities = project.db.suggested_entities(doc_id, project.annotation_set)
        events = suggested_events(project, doc_id)  # read in the edit's transaction: nothing comes in between
        check_none_unseen(project, entities, shown, "entity")
        check_none_unseen(project, events, shown_events, "event")
        decide_entities(rec, entities, "accepted")
        accept_events(rec, events)
        if status is not None:
            rec.update("documents", doc_id, {"status": status, "updated_at": t})
        elif rec.rows:
            rec.touch_document()

    return run_edit(project, "accept_rest", doc_id, body)


def fill_role_with_span(
    project: Project,
    event_id: int,
    role: str,
    start: int,
    end: int,
    label: str,
    *,
    replace: int | None = None,
    undecide: Iterable[int] = (),
    drop: int | None = None,
) -> Change:
    """Fill ``role`` of an event with a span that is no entity yet, in one step: the span is added with ``label``
    (one the role accepts) and put in the role, or in argument ``replace`` instead of its entity (a single role
    already filled; that entity, if one of ``undecide``, is undecided again as ``edits.change_argument`` says).
    ``drop``: the span a role key's cycle made a step before, deleted when it fills no role any more
    (``decisions.drop_cycled_span``). ``change.result_id`` is the argument."""
    event = event_of(project, event_id)
    doc_id = event["document_id"]
    check_offsets(text_of(project, doc_id), start, end)
    check_label(project, label)
    check_event_type(project, event["type"])
    etype = project.schema.event_type(event["type"])
    assert etype is not None
    refuse_breach(filler_breaches(etype, role, None, label, "added"))
    others = [entity for arg, entity in project.db.role_fillers(event_id, role) if arg != replace]
    refuse_breach([room_breach(etype, role, None, others)])
    if project.db.has_span(doc_id, event["annotation_set"], start, end, label):
        raise ValidationError(f"that text is already a {label} span: put that span in {role}")

    def body(rec: EditRecorder) -> None:
        entity_id = rec.insert(
            "entities", span_row(doc_id, event["annotation_set"], start, end, label, "added", HUMAN, project.annotator)
        )
        if replace is None:
            rec.result_id = rec.insert("arguments", argument_row(event_id, role, entity_id, project.annotator))
        else:
            rec.result_id = replace
            old = project.row("arguments", replace)
            rec.update("arguments", replace, {"role": role, "entity_id": entity_id, "annotator": project.annotator})
        edit_event(rec, event_id, filler=entity_id)
        if replace is not None and old is not None:
            undecide_fillers(rec, [old["entity_id"]] if old["entity_id"] in set(undecide) else [])
            drop_made_fillers(rec, event_id, [old["entity_id"]])
            drop_cycled_span(rec, drop if drop == old["entity_id"] else None)
        rec.touch_document()

    return run_edit(project, "fill_role_with_span", doc_id, body)


def fill_role_relabelled(
    project: Project,
    event_id: int,
    role: str,
    entity_id: int,
    label: str,
    *,
    replace: int | None = None,
    undecide: Iterable[int] = (),
    drop: int | None = None,
) -> Change:
    """Fill ``role`` of an event with an undecided entity suggestion of a label the role does not take, relabelled
    ``label`` (one the role takes) in the same step: the suggestion is decided as a label key decides it (accepted,
    edited) and put in the role, or in argument ``replace`` instead of its entity (whose undeciding follows
    ``undecide``, and ``drop`` its deletion, as ``edits.change_argument`` says). ``change.result_id`` is the
    argument."""
    event = event_of(project, event_id)
    doc_id, annotation_set = event["document_id"], event["annotation_set"]
    check_label(project, label)
    check_event_type(project, event["type"])
    etype = project.schema.event_type(event["type"])
    assert etype is not None
    ent = project.row("entities", entity_id)
    if ent is None or (ent["document_id"], ent["annotation_set"]) != (doc_id, annotation_set):
        raise ValidationError("an argument must be an entity of the same document and annotation set as its event")
    if ent["state"] != "suggested":
        raise ValidationError(f"that span is a decided {ent['label']}: relabel it first (a label key)")
    refuse_breach(filler_breaches(etype, role, entity_id, label, "accepted"))
    others = [x for arg, x in project.db.role_fillers(event_id, role) if arg != replace]
    refuse_breach([room_breach(etype, role, entity_id, others)])
    if project.db.has_span(doc_id, annotation_set, ent["start"], ent["end"], label):
        raise ValidationError(f"that text is already a {label} span: put that span in {role}")
    values = {"label": label, "state": "accepted", "edited": 1, "annotator": project.annotator, "updated_at": now()}

    def body(rec: EditRecorder) -> None:
        for arg_id in unfit_roles(project, entity_id, label):  # as a relabel does: out of the roles not taking it
            if arg_id != replace:
                rec.delete("arguments", arg_id)
        rec.update("entities", entity_id, values)
        old = project.row("arguments", replace) if replace is not None else None
        if replace is None:
            rec.result_id = rec.insert("arguments", argument_row(event_id, role, entity_id, project.annotator))
        else:
            rec.result_id = replace
            rec.update("arguments", replace, {"role": role, "entity_id": entity_id, "annotator": project.annotator})
        edit_event(rec, event_id, filler=entity_id)
        if old is not None and old["entity_id"] != entity_id:
            undecide_fillers(rec, [old["entity_id"]] if old["entity_id"] in set(undecide) else [])
            drop_made_fillers(rec, event_id, [old["entity_id"]])
            drop_cycled_span(rec, drop if drop == old["entity_id"] else None)
        rec.touch_document()

    return run_edit(project, "fill_role_relabelled", doc_id, body)


def clear_role(project: Project, event_id: int, role: str, *, undecide: Iterable[int] = ()) -> Change:
    """Remove every filler of ``role`` of an event in one step (Ctrl+Alt+N: one key, one undo); those of
    ``undecide`` are undecided again as ``edits.change_argument`` says."""
    event = event_of(project, event_id)
    rows = project.db.role_fillers(event_id, role)
    arg_ids = [r[0] for r in rows]
    back = set(undecide) & {r[1] for r in rows}

    def body(rec: EditRecorder) -> None:
        for arg_id in arg_ids:
            rec.delete("arguments", arg_id)
        if arg_ids:
            edit_event(rec, event_id)
            undecide_fillers(rec, back)
            drop_made_fillers(rec, event_id, [r[1] for r in rows])
            rec.touch_document()

    return run_edit(project, "clear_role", event["document_id"], body)


def move_filler(
    project: Project, argument_id: int, role: str, *, replace: int | None = None, undecide: Iterable[int] = ()
) -> Change:
    """Move an argument's entity out of its role into ``role`` of the same event in one step (a role key on a filler
    of another role: it was put in both, and the old role took Ctrl+Alt+N, a key more), in place of argument
    ``replace`` of that role when given (taken out; its entity, if one of ``undecide``, undecided again as
    ``edits.change_argument`` says). ``change.result_id`` is the argument moved."""
    arg = project.row("arguments", argument_id)
    if arg is None:
        raise ValidationError(f"no argument with id {argument_id}")
    event = event_of(project, arg["event_id"])
    check_event_type(project, event["type"])
    etype = project.schema.event_type(event["type"])
    assert etype is not None
    if role == arg["role"]:
        raise ValidationError(f"that entity fills {role} already")
    fillers = project.db.role_fillers(event["id"], role)
    if replace is not None and replace not in {a for a, _ in fillers}:
        raise ValidationError(f"argument {replace} is no filler of {role} of that event")
    ent = project.row("entities", arg["entity_id"])
    assert ent is not None  # (the foreign key)
    refuse_breach(filler_breaches(etype, role, ent["id"], ent["label"], ent["state"]))
    refuse_breach([room_breach(etype, role, ent["id"], [x for a, x in fillers if a != replace])])
    old = next((x for a, x in fillers if a == replace), None)

    def body(rec: EditRecorder) -> None:
        rec.result_id = argument_id
        if replace is not None:
            rec.delete("arguments", replace)
        rec.update("arguments", argument_id, {"role": role, "annotator": project.annotator})
        edit_event(rec, event["id"], filler=ent["id"])
        if old is not None and old != ent["id"]:
            undecide_fillers(rec, [old] if old in set(undecide) else [])
            drop_made_fillers(rec, event["id"], [old])
        rec.touch_document()

    return run_edit(project, "move_filler", event["document_id"], body)


def reject_rest(
    project: Project,
    doc_id: int,
    *,
    labels: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
) -> Change:
    """Reject the undecided suggestions of a document in one step (``annotator reject``): every entity and event
    suggestion, or with ``labels`` the entity suggestions of those labels and with ``types`` the event suggestions
    of those types (one of them given: that kind alone). A rejected event loses its arguments and the suggestions
    made only to fill them (``decisions.reject_events``); a rejected entity leaves the roles of suggested events."""
    text_of(project, doc_id)
    for label in labels or ():
        check_label(project, label)
    for event_type in types or ():
        check_event_type(project, event_type)
    every = labels is None and types is None
    db, annotation_set = project.db, project.annotation_set

    def body(rec: EditRecorder) -> None:
        if every:
            events = db.suggested_events(doc_id, annotation_set)
        else:
            events = db.suggested_of_kinds("events", doc_id, annotation_set, types or ())
        reject_events(rec, events)  # first: the fillers made for them alone go with them, not rejected one by one
        if every:
            entities = db.suggested_entities(doc_id, annotation_set)
        else:
            entities = db.suggested_of_kinds("entities", doc_id, annotation_set, labels or ())
        decide_entities(rec, entities, "rejected")
        if rec.rows:
            rec.touch_document()

    return run_edit(project, "reject_rest", doc_id, body)


def chosen_suggestions(
    project: Project, entity_ids: Iterable[int] = (), event_ids: Iterable[int] = ()
) -> dict[int, tuple[list[int], list[int]]]:
    """The entity and event suggestions a script chose by id (``accept --ids``, ``reject --event-ids``), by document:
    document id -> (entity ids, event ids), documents in order. An id that is no entity (event) of the project's set
    is refused before anything changes (``ValidationError`` naming them all); one already decided is kept in, and
    left as it is by ``decide_chosen``."""
    chosen: dict[int, tuple[list[int], list[int]]] = {}
    missing: list[str] = []
    for table, ids, what in (("entities", entity_ids, "entity"), ("events", event_ids, "event")):
        wanted = list(dict.fromkeys(ids))
        places = project.db.places_of(table, wanted)
        for row_id in wanted:
            place = places.get(row_id)
            if place is None or place[1] != project.annotation_set:
                missing.append(f"{what} {row_id}")
            else:
                chosen.setdefault(place[0], ([], []))[table == "events"].append(row_id)
    if missing:
        raise ValidationError(
            f"no such suggestion in the annotation set {project.annotation_set!r}: {', '.join(missing)} (the ids of "
            "the export's records: an entity's or event's 'id'); nothing was changed"
        )
    return dict(sorted(chosen.items()))


def decide_chosen(
    project: Project, doc_id: int, state: str, entity_ids: Iterable[int] = (), event_ids: Iterable[int] = ()
) -> Change:
    """Accept or reject (``state``) the suggestions of one document a script chose by id, in one step: those still
    undecided in the edit's transaction (one decided is left as it is). As the app's keys do: an accepted event takes
    its undecided fillers with it, a rejected one loses its arguments and the suggestions made only to fill them, a
    rejected entity leaves the roles of suggested events."""
    text_of(project, doc_id)
    if state not in ("accepted", "rejected"):
        raise ValidationError(f"decide_chosen: state {state!r} is neither 'accepted' nor 'rejected'")
    db = project.db

    def body(rec: EditRecorder) -> None:
        events = [i for i in dict.fromkeys(event_ids) if db.event_state(i) == "suggested"]
        (accept_events if state == "accepted" else reject_events)(rec, events)
        # read after the events: a rejected event's lone filler is gone, an accepted one's filler decided
        entities = [i for i in dict.fromkeys(entity_ids) if db.entity_state(i) == "suggested"]
        decide_entities(rec, entities, state)
        if rec.rows:
            rec.touch_document()

    return run_edit(project, f"{'accept' if state == 'accepted' else 'reject'}_chosen", doc_id, body)
