"""What an edit checks before it writes, each refusal a ``ValidationError`` naming what is wrong: the document is
there and the offsets fall in its text, the span, event or argument named exists, the status is one of
``STATUSES``, the minimum score a number, and the schema's rules (``rules``' breaches) said as one refusal, in one
line (``refuse_breach``). The edits (``edits``, ``edits_flow``) call these first."""

from __future__ import annotations

from annotator.db import is_score
from annotator.errors import ValidationError
from annotator.model import STATUSES
from annotator.rules import (
    Breach,
    attribute_breaches,
    event_type_breach,
    filler_breaches,
    label_breach,
    room_breach,
)
from annotator.store import Project


def text_of(project: Project, doc_id: int) -> str:
    text = project.db.document_text(doc_id)
    if text is None:
        raise ValidationError(f"no document with id {doc_id}")
    return text


def check_offsets(text: str, start: int, end: int, what: str = "span") -> None:
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValidationError(f"{what} offsets must be whole numbers, got {start!r}, {end!r}")
    if not 0 <= start < end <= len(text):
        raise ValidationError(f"{what} [{start}, {end}) is empty or outside the text (0 to {len(text)} characters)")


def refuse_breach(breaches: "list[Breach | None]") -> None:
    """An edit that breaks a schema rule is refused with every breach's message, in one line: a label the role does
    not take first (relabelling the span is the fix, and a label key takes a rejection back too), then a rejected
    span, then a role with no room. Only the first was said (a rejected PERSON for a Place: "a rejected suggestion
    cannot fill Place", and once taken back the next refusal named the label)."""
    found = sorted(
        (b for b in breaches if b is not None), key=lambda b: _REFUSAL_ORDER.get(b.kind, len(_REFUSAL_ORDER))
    )
    if found:
        raise ValidationError("; ".join(dict.fromkeys(b.message for b in found)), breaches=found)


_REFUSAL_ORDER = {kind: i for i, kind in enumerate(("unknown_role", "wrong_label", "rejected_argument"))}


def check_label(project: Project, label: str) -> None:
    refuse_breach([label_breach(project.schema, label)])


def check_status(status: str) -> None:
    """Refuse (``ValidationError``) a document status that is none of ``STATUSES``."""
    if status not in STATUSES:
        raise ValidationError(f"status {status!r} is not one of {', '.join(STATUSES)}")


def entity_row(project: Project, entity_id: int) -> dict:
    row = project.row("entities", entity_id)
    if row is None:
        raise ValidationError(f"no entity with id {entity_id}")
    return row


def event_of(project: Project, event_id: int) -> dict:
    row = project.row("events", event_id)
    if row is None:
        raise ValidationError(f"no event with id {event_id}")
    return row


# -- entities -------------------------------------------------------------------------------------


def check_min_score(min_score: float | None) -> None:
    """A minimum score must be a finite number (scores are the suggesters' confidences, usually 0 to 1)."""
    if min_score is not None and not is_score(min_score):
        raise ValidationError(f"the minimum score must be a number, not {min_score!r}")


def check_event_type(project: Project, type_: str) -> None:
    refuse_breach([event_type_breach(project.schema, type_)])


def check_attributes(project: Project, attributes: dict[str, str]) -> None:
    refuse_breach(attribute_breaches(project.schema, attributes))


def check_argument(project: Project, event: dict, role: str, entity_id: int, replacing: int | None = None) -> None:
    check_event_type(project, event["type"])
    etype = project.schema.event_type(event["type"])
    assert etype is not None
    refuse_breach(filler_breaches(etype, role, entity_id, None, None))  # an unknown role, before the entity is read
    ent = entity_row(project, entity_id)
    if ent["document_id"] != event["document_id"] or ent["annotation_set"] != event["annotation_set"]:
        raise ValidationError("an argument must be an entity of the same document and annotation set as its event")
    rows = project.db.role_fillers(event["id"], role)
    others = [x[1] for x in rows if x[0] != replacing]
    refuse_breach(
        [
            *filler_breaches(etype, role, entity_id, ent["label"], ent["state"]),
            room_breach(etype, role, entity_id, others),
        ]
    )
