"""The annotation API: every edit is one transaction and returns a Change that undo/redo can invert."""

from __future__ import annotations

from typing import Iterable, Sequence

import orjson

from annotator.categories import (
    CATEGORY_LIST,
    carrier_names,
    carriers,
    category_names,
    grown_list,
    project_categories,
    shrunk_list,
    with_categories,
    without_category,
)
from annotator.db import argument_row, event_row, span_row
from annotator.role_carry import retyped_arguments
from annotator.decisions import (
    accept_events,
    decide_entities,
    decided_values,
    edit_event,
    leave_suggested_events,
    reject_events,
    drop_cycled_span,
    drop_made_fillers,
    undecide_fillers,
)
from annotator.edit_checks import (
    check_argument,
    check_attributes,
    check_event_type,
    check_label,
    check_min_score,
    check_offsets,
    check_status,
    entity_row,
    event_of,
    text_of,
)
from annotator.errors import CategoryInUse, DeletedElsewhereError, ValidationError
from annotator.model import HUMAN, PROJECT_WIDE, STATES, Change, Entity, Event
from annotator.recorder import EditRecorder, run_edit
from annotator.shown import aimed_at, check_as_shown, check_none_unseen
from annotator.rules import holds
from annotator.store import Project, now


def add_entity(
    project: Project, doc_id: int, start: int, end: int, label: str, *, state: str = "added", source: str = HUMAN
) -> Change:
    """Add an entity span; the new id is ``change.result_id``."""
    check_offsets(text_of(project, doc_id), start, end)
    check_label(project, label)
    if state not in STATES:
        raise ValidationError(f"state {state!r} is not one of {', '.join(STATES)}")
    if project.db.has_span(doc_id, project.annotation_set, start, end, label):
        raise ValidationError(f"that text is already a {label} span; nothing was added")

    def body(rec: EditRecorder) -> None:
        rec.result_id = rec.insert(
            "entities", span_row(doc_id, project.annotation_set, start, end, label, state, source, project.annotator)
        )
        rec.touch_document()

    return run_edit(project, "add_entity", doc_id, body)


def _decide(project: Project, entity_id: int, action: str, values: dict, expected: Entity | None = None) -> Change:
    """A person's decision on a span; a rejected span also leaves the roles of suggested events, a relabelled one
    the roles that do not take its new label."""
    entity_id = aimed_at(project, entity_id, expected)
    row = _shown_row(project, entity_id, expected)
    values = {**decided_values(row["state"], values), "annotator": project.annotator, "updated_at": now()}

    def body(rec: EditRecorder) -> None:
        check_as_shown(project, entity_id, expected)
        rec.result_id = entity_id
        rec.update("entities", entity_id, values)
        if values.get("state") == "rejected":
            leave_suggested_events(rec, [entity_id])
        if "label" in values:
            for arg_id in unfit_roles(project, entity_id, values["label"]):
                rec.delete("arguments", arg_id)
        rec.touch_document()

    return run_edit(project, action, row["document_id"], body)


def _shown_row(project: Project, entity_id: int, expected: Entity | None) -> dict:
    if expected is not None:
        check_as_shown(project, entity_id, expected)
    return entity_row(project, entity_id)


def unfit_roles(project: Project, entity_id: int, label: str) -> list[int]:
    """The arguments an entity fills whose role does not take ``label`` (``rules.holds``): a relabel takes it out of
    them in the same step, as a type change takes out what the new type cannot hold. Kept, they broke the schema:
    ``validate`` reported them and an import of the project's own export refused the file."""
    out = []
    for arg_id, role, type_ in project.db.roles_of_entity(entity_id):
        etype = project.schema.event_type(type_)
        if etype is not None and not holds(etype, role, label):
            out.append(arg_id)
    return out


# ``expected``: the span as the view showed it; the edit is refused (StaleChangeError) if the row differs now
def relabel_entity(project: Project, entity_id: int, label: str, *, expected: Entity | None = None) -> Change:
    """Give a span another label; a suggestion relabelled by a person counts as accepted and edited. The roles it
    fills that do not take the new label let it go (``unfit_roles``)."""
    check_label(project, label)
    return _decide(project, entity_id, "relabel_entity", {"label": label, "edited": 1}, expected)


def resize_entity(project: Project, entity_id: int, start: int, end: int, *, expected: Entity | None = None) -> Change:
    entity_id = aimed_at(project, entity_id, expected)
    row = _shown_row(project, entity_id, expected)
    check_offsets(text_of(project, row["document_id"]), start, end)
    return _decide(project, entity_id, "resize_entity", {"start": start, "end": end, "edited": 1}, expected)


def accept_entity(project: Project, entity_id: int, *, expected: Entity | None = None) -> Change:
    return _decide(project, entity_id, "accept_entity", {"state": "accepted"}, expected)


def reject_entity(project: Project, entity_id: int, *, expected: Entity | None = None) -> Change:
    return _decide(project, entity_id, "reject_entity", {"state": "rejected"}, expected)


def set_entity_state(project: Project, entity_id: int, state: str, *, expected: Entity | None = None) -> Change:
    if state not in STATES:
        raise ValidationError(f"state {state!r} is not one of {', '.join(STATES)}")
    return _decide(project, entity_id, "set_entity_state", {"state": state}, expected)


def _decide_all(
    project: Project,
    doc_id: int,
    state: str,
    action: str,
    min_score: float | None = None,
    shown: Iterable[int | Entity] | None = None,
) -> Change:
    text_of(project, doc_id)
    check_min_score(min_score)

    def body(rec: EditRecorder) -> None:
        # with a minimum, only the suggestions scored at least that much: one without a score stays undecided
        ids = project.db.suggested_entities(doc_id, project.annotation_set, min_score)
        check_none_unseen(project, ids, shown, "entity")
        decide_entities(rec, ids, state)
        if ids:
            rec.touch_document()

    return run_edit(project, action, doc_id, body)


def accept_all(
    project: Project, doc_id: int, *, min_score: float | None = None, shown: Iterable[int | Entity] | None = None
) -> Change:
    """Accept every undecided entity suggestion of a document in one step; with ``min_score``, only those the
    suggester scored at least that much (a suggestion without a score stays undecided). Undone as any edit. With
    ``shown`` (the suggestions the view showed: ids, or the rows as shown, which stand for the same suggestions a
    re-run put in their places), one that came in elsewhere since is a StaleChangeError."""
    return _decide_all(project, doc_id, "accepted", "accept_all", min_score, shown)


def reject_all(project: Project, doc_id: int, *, shown: Iterable[int | Entity] | None = None) -> Change:
    return _decide_all(project, doc_id, "rejected", "reject_all", shown=shown)


def delete_entity(project: Project, entity_id: int, *, expected: Entity | None = None) -> Change:
    """Delete a span and, in the same step, every event argument that points at it."""
    entity_id = aimed_at(project, entity_id, expected)
    row = _shown_row(project, entity_id, expected)
    return _delete_with_arguments(project, "delete_entity", "entities", entity_id, row["document_id"], expected)


def _delete_with_arguments(
    project: Project, action: str, table: str, row_id: int, doc_id: int, expected: Entity | Event | None
) -> Change:
    """Delete an entity or an event and every argument that points at it (or belongs to it), in one step."""

    def body(rec: EditRecorder) -> None:
        check_as_shown(project, row_id, expected)
        if table == "entities":
            arg_ids = project.db.arguments_of_entity(row_id)
        else:
            arg_ids = [a for a, _ in project.db.arguments_of_event(row_id)]
        for arg_id in arg_ids:
            rec.delete("arguments", arg_id)
        rec.delete(table, row_id)
        rec.touch_document()

    return run_edit(project, action, doc_id, body)


# -- events ---------------------------------------------------------------------------------------
def add_event(
    project: Project,
    doc_id: int,
    type_: str,
    trigger_start: int,
    trigger_end: int,
    attributes: dict[str, str] | None = None,
) -> Change:
    """Add an event with its trigger span; attributes default to the schema's defaults."""
    check_offsets(text_of(project, doc_id), trigger_start, trigger_end, "trigger")
    check_event_type(project, type_)
    attrs = {**project.schema.default_attributes(), **(attributes or {})}
    check_attributes(project, attrs)

    def body(rec: EditRecorder) -> None:
        rec.result_id = rec.insert(
            "events",
            event_row(doc_id, project.annotation_set, type_, trigger_start, trigger_end, attrs, project.annotator),
        )
        rec.touch_document()

    return run_edit(project, "add_event", doc_id, body)


def _update_event(project: Project, event_id: int, action: str, values: dict, expected: Event | None = None) -> Change:
    row = event_of(project, event_id)

    def body(rec: EditRecorder) -> None:
        check_as_shown(project, event_id, expected)
        rec.result_id = event_id
        edit_event(rec, event_id, values)
        rec.touch_document()

    return run_edit(project, action, row["document_id"], body)


# ``expected``: the event as the view showed it; refused (StaleChangeError) if it was changed elsewhere since
def set_event_type(project: Project, event_id: int, type_: str, *, expected: Event | None = None) -> Change:
    """Change an event's type; a suggested event changed by a person counts as accepted (and edited). An argument the
    new type cannot hold in its role (a role it has not, a filler its role does not take) goes to the role that
    stands for it there (a Place told after "to": the Destination, ``role_carry``), else is removed, in the same
    step: kept, they broke the schema (``validate`` reported them, an import of the project's own export refused
    them)."""
    check_event_type(project, type_)
    etype = project.schema.event_type(type_)
    assert etype is not None
    row = event_of(project, event_id)

    def body(rec: EditRecorder) -> None:
        check_as_shown(project, event_id, expected)
        if project.db.event_state(event_id) is None:  # deleted by another window or process since the read above
            raise DeletedElsewhereError(f"the event {event_id}")
        rec.result_id = event_id
        for arg_id, to in retyped_arguments(project, etype, event_id, row["document_id"]):
            if to is None:
                rec.delete("arguments", arg_id)
            else:
                rec.update("arguments", arg_id, {"role": to})
        edit_event(rec, event_id, {"type": type_})  # after: a filler removed is not accepted with the event
        rec.touch_document()

    return run_edit(project, "set_event_type", row["document_id"], body)


def move_trigger(project: Project, event_id: int, start: int, end: int, *, expected: Event | None = None) -> Change:
    row = event_of(project, event_id)
    check_offsets(text_of(project, row["document_id"]), start, end, "trigger")
    return _update_event(project, event_id, "move_trigger", {"trigger_start": start, "trigger_end": end}, expected)


def set_event_attribute(
    project: Project, event_id: int, name: str, value: str, *, expected: Event | None = None
) -> Change:
    check_as_shown(project, event_id, expected)
    row = event_of(project, event_id)
    check_attributes(project, {name: value})
    attrs = {**orjson.loads(row["attributes"] or "{}"), name: value}
    return _update_event(
        project, event_id, "set_event_attribute", {"attributes": orjson.dumps(attrs).decode()}, expected
    )


def _decide_events(
    project: Project, action: str, doc_id: int, event_ids: list[int], decide, expected: Event | None = None
) -> Change:  # type: ignore[no-untyped-def]
    def body(rec: EditRecorder) -> None:
        if expected is not None:  # one event, as the view showed it
            check_as_shown(project, event_ids[0], expected)
        rec.result_id = event_ids[0] if len(event_ids) == 1 else None
        decide(rec, event_ids)
        if rec.rows:
            rec.touch_document()

    return run_edit(project, action, doc_id, body)


def accept_event(project: Project, event_id: int, *, expected: Event | None = None) -> Change:
    """Accept an event (a suggestion, or a rejected one again) and the entity suggestions filling its roles;
    ``expected``: the event as the view showed it (changed elsewhere since: StaleChangeError)."""
    event_id = aimed_at(project, event_id, expected)
    row = _shown_event(project, event_id, expected)
    return _decide_events(project, "accept_event", row["document_id"], [event_id], accept_events, expected)


def reject_event(project: Project, event_id: int, *, expected: Event | None = None) -> Change:
    """Reject an event; it is remembered, so pre-annotation does not suggest this trigger and type again."""
    event_id = aimed_at(project, event_id, expected)
    row = _shown_event(project, event_id, expected)
    return _decide_events(project, "reject_event", row["document_id"], [event_id], reject_events, expected)


def _shown_event(project: Project, event_id: int, expected: Event | None) -> dict:
    if expected is not None:
        check_as_shown(project, event_id, expected)
    return event_of(project, event_id)


def suggested_events(project: Project, doc_id: int, min_score: float | None = None) -> list[int]:
    text_of(project, doc_id)
    check_min_score(min_score)
    return project.db.suggested_events(doc_id, project.annotation_set, min_score)


def accept_all_events(project: Project, doc_id: int, *, min_score: float | None = None) -> Change:
    """Accept every undecided event suggestion of a document (and the entity suggestions filling their roles);
    with ``min_score``, only the events scored at least that much."""
    return _decide_events(
        project, "accept_all_events", doc_id, suggested_events(project, doc_id, min_score), accept_events
    )


def reject_all_events(project: Project, doc_id: int) -> Change:
    return _decide_events(project, "reject_all_events", doc_id, suggested_events(project, doc_id), reject_events)


def delete_event(project: Project, event_id: int, *, expected: Event | None = None) -> Change:
    """Delete an event with all its arguments (the entities stay)."""
    check_as_shown(project, event_id, expected)
    row = event_of(project, event_id)
    return _delete_with_arguments(project, "delete_event", "events", event_id, row["document_id"], expected)


def add_argument(project: Project, event_id: int, role: str, entity_id: int) -> Change:
    """Fill ``role`` of an event with an entity span (a suggestion used so is accepted); the new argument id is
    ``change.result_id``."""
    event = event_of(project, event_id)
    check_argument(project, event, role, entity_id)

    def body(rec: EditRecorder) -> None:
        rec.result_id = rec.insert("arguments", argument_row(event_id, role, entity_id, project.annotator))
        edit_event(rec, event_id, filler=entity_id)
        rec.touch_document()

    return run_edit(project, "add_argument", event["document_id"], body)


def change_argument(
    project: Project,
    argument_id: int,
    *,
    role: str | None = None,
    entity_id: int | None = None,
    undecide: Iterable[int] = (),
    drop: int | None = None,
) -> Change:
    """Change the role or the entity of an argument. The entity it held, if it is one of ``undecide`` (suggestions
    accepted only by filling a role, as the caller knows) and fills no other argument, is undecided again; if it is
    ``drop`` (a span a role key's cycle made of a noun head) and fills no role any more, it is deleted."""
    arg = project.row("arguments", argument_id)
    if arg is None:
        raise ValidationError(f"no argument with id {argument_id}")
    event = event_of(project, arg["event_id"])
    new_role = role or arg["role"]
    new_entity = entity_id if entity_id is not None else arg["entity_id"]
    check_argument(project, event, new_role, new_entity, replacing=argument_id)
    values = {"role": new_role, "entity_id": new_entity, "annotator": project.annotator}
    old = arg["entity_id"]

    def body(rec: EditRecorder) -> None:
        rec.result_id = argument_id
        rec.update("arguments", argument_id, values)
        edit_event(rec, event["id"], filler=new_entity)
        if old != new_entity:
            undecide_fillers(rec, [old] if old in set(undecide) else [])
            drop_made_fillers(rec, event["id"], [old])
            drop_cycled_span(rec, drop if drop == old else None)
        rec.touch_document()

    return run_edit(project, "change_argument", event["document_id"], body)


def remove_argument(project: Project, argument_id: int, *, undecide: Iterable[int] = ()) -> Change:
    """Take an argument out of its event (the editor's ×); its entity, when in ``undecide`` (accepted only by filling
    a role: the caller knows), is undecided again as ``change_argument`` says."""
    arg = project.row("arguments", argument_id)
    if arg is None:
        raise ValidationError(f"no argument with id {argument_id}")
    event = event_of(project, arg["event_id"])
    back = set(undecide) & {arg["entity_id"]}

    def body(rec: EditRecorder) -> None:
        rec.delete("arguments", argument_id)
        edit_event(rec, event["id"])
        undecide_fillers(rec, back)
        drop_made_fillers(rec, event["id"], [arg["entity_id"]])
        rec.touch_document()

    return run_edit(project, "remove_argument", event["document_id"], body)


# -- documents ------------------------------------------------------------------------------------
def set_status(project: Project, doc_id: int, status: str) -> Change:
    """The document's status; the one it has already is an empty Change (no change-log row, ``updated_at`` as it
    was), whenever it comes: re-stamped, it was an edit unless it fell in the last stamp's millisecond."""
    check_status(status)
    text_of(project, doc_id)

    def body(rec: EditRecorder) -> None:
        if project.document(doc_id).status != status:  # read in the edit's transaction
            rec.update("documents", doc_id, {"status": status, "updated_at": now()})

    return run_edit(project, "set_status", doc_id, body)


def set_statuses(project: Project, doc_ids: list[int], status: str) -> list[Change]:
    """``set_status`` for each document (skipping those already in ``status``), all in one transaction: each is
    one entry of the change log, as the app's status edits are; a failure leaves every document as it was."""
    check_status(status)
    changes: list[Change] = []
    with project.transaction():
        for doc_id in doc_ids:
            if project.document(doc_id).status != status:
                changes.append(set_status(project, doc_id, status))
    return changes


def set_categories(project: Project, doc_id: int, categories: Sequence[str]) -> Change:
    """The document's categories (a text classification's labels, ``annotator.categories``) set to exactly
    ``categories``, in its meta where the imports keep them and the exports read them; one transaction (an empty
    Change when they are those already). A document still ``new`` becomes ``in_progress``, as with any first edit."""
    chosen = category_names(categories)
    text_of(project, doc_id)

    def body(rec: EditRecorder) -> None:
        raw = project.db.document_meta(doc_id)
        meta = orjson.loads(raw) if raw else {}
        if not isinstance(meta, dict):
            raise ValidationError(f"document {doc_id}'s metadata is not an object; its categories cannot be set")
        new = with_categories(meta, chosen)
        grown = grown_list(project, chosen)  # the project's list: offered again when no document has them
        if grown is not None:  # recorded: an undo takes a category it added off the list again
            rec.set_value(CATEGORY_LIST, grown)
        if new != meta:
            rec.update("documents", doc_id, {"meta": orjson.dumps(new).decode(), "updated_at": now()})
            rec.touch_document()

    return run_edit(project, "set_categories", doc_id, body)


def remove_category(project: Project, name: str, *, from_documents: bool = False) -> Change:
    """Take the category ``name`` off the project's list, so it is offered no more; one transaction, one change-log
    row, undone whole (a Change of the project: ``PROJECT_WIDE``). A category the schema declares cannot be (the
    schema offers it). One that documents carry is refused, naming them, unless ``from_documents``: then it is taken
    off them too in the same step (their categories, spaCy's scores of it, a Prodigy choice's option); their
    statuses stay."""
    (name,) = category_names([name])
    offered = project_categories(project)
    if name not in offered:
        listed = ", ".join(offered) if offered else "none"
        raise ValidationError(f"no category {name!r} in the project (its categories: {listed})")
    if name in project.schema.categories:
        raise ValidationError(
            f"category {name!r} is declared by the project's schema {project.schema.name!r} ([[category]]): "
            "it is offered while the schema declares it; nothing was removed"
        )
    on = carriers(project, name)
    if on and not from_documents:
        raise CategoryInUse(name, carrier_names(project, name))

    def body(rec: EditRecorder) -> None:
        for doc_id, meta in on:
            rec.update(
                "documents", doc_id, {"meta": orjson.dumps(without_category(meta, name)).decode(), "updated_at": now()}
            )
        shrunk = shrunk_list(project, name)
        if shrunk is not None:
            rec.set_value(CATEGORY_LIST, shrunk)

    return run_edit(project, "remove_category", PROJECT_WIDE, body)


def add_comment(project: Project, doc_id: int, text: str) -> Change:
    if not text.strip():
        raise ValidationError("a comment cannot be empty")
    text_of(project, doc_id)

    def body(rec: EditRecorder) -> None:
        rec.result_id = rec.insert(
            "comments", {"document_id": doc_id, "author": project.annotator, "text": text, "created_at": now()}
        )

    return run_edit(project, "add_comment", doc_id, body)


def delete_comment(project: Project, comment_id: int) -> Change:
    row = project.row("comments", comment_id)
    if row is None:
        raise ValidationError(f"no comment with id {comment_id}")

    def body(rec: EditRecorder) -> None:
        rec.delete("comments", comment_id)

    return run_edit(project, "delete_comment", row["document_id"], body)
