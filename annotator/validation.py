"""Problems that are allowed while working but must be settled before review (per document)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.store import Project


@dataclass(frozen=True)
class Problem:
    kind: str  # missing_role, too_many, wrong_label, rejected_argument, unknown_label, unknown_type, bad_attribute
    message: str
    event_id: int | None = None
    entity_id: int | None = None
    role: str | None = None


def validate(project: Project, doc_id: int, annotation_set: str | None = None) -> list[Problem]:
    """Everything in one document that breaks the schema's rules."""
    schema = project.schema
    problems: list[Problem] = []
    entities = {e.id: e for e in project.entities(doc_id, annotation_set)}
    for e in entities.values():
        if schema.label(e.label) is None:
            problems.append(Problem("unknown_label", f"entity {e.id} has label {e.label!r}, which the schema lacks", entity_id=e.id))
    for v in project.events(doc_id, annotation_set):
        etype = schema.event_type(v.type)
        if etype is None:
            problems.append(Problem("unknown_type", f"event {v.id} has type {v.type!r}, which the schema lacks", event_id=v.id))
            continue
        for name, value in v.attributes.items():
            attr = schema.attribute(name)
            if attr is None or value not in attr.values:
                problems.append(Problem("bad_attribute", f"event {v.id} ({v.type}): {name}={value!r} is not allowed", event_id=v.id))
        by_role: dict[str, list[int]] = {}
        for a in v.arguments:
            by_role.setdefault(a.role, []).append(a.entity_id)
            role = etype.role(a.role)
            ent = entities.get(a.entity_id)
            if role is None:
                problems.append(Problem("unknown_role", f"event {v.id} ({v.type}) has role {a.role!r}, which the type lacks", v.id, a.entity_id, a.role))
            elif ent is not None and ent.label not in role.labels:
                problems.append(
                    Problem("wrong_label", f"{v.type} {a.role} takes {', '.join(role.labels)}, but '{ent.label}' fills it", v.id, a.entity_id, a.role)
                )
            if ent is not None and ent.state == "rejected":
                problems.append(Problem("rejected_argument", f"{v.type} {a.role} points at a rejected suggestion", v.id, a.entity_id, a.role))
        for role in etype.roles:
            n = len(by_role.get(role.name, []))
            if role.required and n == 0:
                problems.append(Problem("missing_role", f"{v.type} (event {v.id}) needs {role.name}", v.id, role=role.name))
            if not role.repeatable and n > 1:
                problems.append(Problem("too_many", f"{v.type} (event {v.id}) has {n} {role.name} arguments; it takes one", v.id, role=role.name))
    return problems
