"""Turn labelled regions and relations (doccano, Label Studio) into an IncomingDocument.

A region whose label names an event type is a trigger: it becomes an event, and relations from it become
its arguments (the relation's label is the role). Relations that do not start at a trigger, or that
point at a trigger, have no place in the project and are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.formats.common import check_with_line, need, need_known_labels, trigger_labels
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.schema import Schema, default_schema


@dataclass
class Region:
    key: Any
    start: int
    end: int
    label: str
    attributes: dict[str, str] = field(default_factory=dict)


def build_document(
    text: str,
    name: str,
    regions: list[Region],
    relations: list[tuple[Any, Any, str]],
    schema: Schema | None,
    path: Path,
    line: int,
    warnings: list[str],
    *,
    state: str = "accepted",
    source: str = "import",
    meta: dict[str, Any] | None = None,
    comments: list[str] | None = None,
    status: str = "new",
    annotator: str | None = None,
) -> IncomingDocument:
    schema = schema or default_schema()
    triggers = trigger_labels(schema)
    for r in regions:
        need(
            isinstance(r.key, (str, int, float, type(None))),
            path,
            line,
            f"region id {r.key!r} must be a number or a string",
        )
    need_known_labels(schema, [r.label for r in regions], path, line)
    for frm, to, _label in relations:
        need(
            all(isinstance(x, (str, int, float, type(None))) for x in (frm, to)),
            path,
            line,
            f"relation ends {frm!r}, {to!r} must be numbers or strings",
        )
    once: dict[tuple[Any, int, int, str], Region] = {}
    for r in regions:  # a region given twice whole is one region
        once.setdefault((r.key, r.start, r.end, r.label), r)
    regions = list(once.values())
    by_key: dict[Any, list[Region]] = {}
    for r in regions:
        by_key.setdefault(r.key, []).append(r)
    entities = [
        IncomingEntity((r.key, r.label), r.start, r.end, r.label, state, source, annotator)
        for r in regions
        if r.label not in triggers
    ]
    events: dict[tuple[Any, str], IncomingEvent] = {
        (r.key, r.label): IncomingEvent(r.label, r.start, r.end, dict(r.attributes), annotator=annotator)
        for r in regions
        if r.label in triggers
    }
    for k, (frm, to, label) in enumerate(relations):
        need(
            frm in by_key and to in by_key,
            path,
            line,
            f"relation {k} points at unknown region {frm if frm not in by_key else to!r}",
        )
        for end in (frm, to):  # an id reused for another span: the relation's end cannot be told
            spans = sorted({(r.start, r.end) for r in by_key[end]})
            need(
                len(spans) == 1,
                path,
                line,
                f"relation {k} points at region {end!r}, an id used for more than one span "
                f"({' and '.join(f'[{s}, {e})' for s, e in spans)}); which one is meant cannot be told",
            )
        heads = [r for r in by_key[frm] if r.label in triggers]
        tails = [r for r in by_key[to] if r.label not in triggers]
        if not heads or not tails:
            warnings.append(f"{path}:{line}: relation {k} ({label}) does not go from a trigger to an entity; not kept")
            continue
        for h in heads:
            for t in tails:
                events[(h.key, h.label)].arguments.append((label, (t.key, t.label)))
    doc = IncomingDocument(
        text=text,
        name=name,
        meta=meta or {},
        status=status,
        source_path=str(path),
        entities=entities,
        events=list(events.values()),
        comments=[{"text": c} for c in comments or []],
    )
    check_with_line(schema, doc, path, line)
    return doc
