"""Turn labelled regions and relations (doccano, Label Studio) into an IncomingDocument.

A region whose label names an event type is a trigger: it becomes an event, and relations from it become
its arguments (the relation's label is the role). Relations between two entities have no place in the project:
with ``keep_as`` they are kept in the document's meta under that key (``{"relations": [{"type", "from": [start, end,
label], "to": [...]}]}``, each end by its span) for the format's export to write back (``regions_out``); without it,
and for relations that point at a trigger, they are reported as not kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.wording import counted
from annotator.formats.brat_conf import PROXY_SOURCE
from annotator.formats.reading import check_with_line, need, need_known_labels, trigger_labels
from annotator.formats.schema_names import SchemaNames
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.schema import Schema, default_schema


@dataclass
class Region:
    key: Any
    start: int
    end: int
    label: str
    attributes: dict[str, str] = field(default_factory=dict)
    score: float | None = None  # a prediction's confidence (Label Studio's per-region score): kept on spans and events
    source: str | None = None  # who made it, where not the document's (one of a Label Studio task's several models)
    state: str | None = None  # where not the document's (a suggestion beside a Label Studio annotation's decisions)


def named(regions: list[Region], names: SchemaNames | None) -> list[Region]:
    """``regions`` labelled as the schema names them (``SchemaNames.region``: ``PER`` for the news schema's
    ``PERSON``, ``attack`` for its ``Conflict:Attack``); the same regions without ``names``. Naming twice changes
    nothing more."""
    if names is None:
        return regions
    return [r if (ours := names.region(r.label)) == r.label else replace(r, label=ours) for r in regions]


def _role_of(schema: Schema, names: SchemaNames | None, event_type: str, label: str) -> str | None:
    """The role of ``event_type`` a relation's ``label`` names (as the schema names it), or None: none."""
    etype = schema.event_type(event_type)
    if etype is None:
        return None
    role = names.role(event_type, label) if names is not None else label
    return role if etype.role(role) is not None else None


def _proxy_keys(
    schema: Schema, triggers: set[str], by_key: dict[Any, list[Region]], relations: list[tuple[Any, Any, str | None]]
) -> set[Any]:
    """The regions that stand for an event used as another's argument (brat's ``Event-Arg:<EVENT>``: an entity span
    labelled with the event's type, on its trigger, as the schema declares such a label beside the type): one labelled
    so that a relation from a trigger reaches and none leaves. Our doccano and Label Studio exports write it beside the
    trigger's own region; it was read as a trigger, a second event, and the argument "does not go from a trigger"."""
    both = triggers & set(schema.label_names)
    if not both:
        return set()
    leaving = {frm for frm, _, _ in relations}
    return {
        to
        for frm, to, _ in relations
        if to not in leaving
        and any(r.label in both for r in by_key.get(to, []))
        and any(r.label in triggers for r in by_key.get(frm, []))
    }


def build_document(
    text: str,
    name: str,
    regions: list[Region],
    relations: list[tuple[Any, Any, str | None]],
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
    keep_as: str | None = None,
    notes: list[str] | None = None,
    both_ways: frozenset[int] | set[int] = frozenset(),
    names: SchemaNames | None = None,
    fill_defaults: bool = True,
) -> IncomingDocument:
    """``both_ways``: the indices of ``relations`` drawn with an arrow at both ends (Label Studio's ``direction: "bi"``),
    kept so on a relation between entities (``"direction": "bi"``) for the export to draw it so again. ``names``: the
    other tool's labels, event types and roles matched to the schema's (``SchemaNames``; every reader of labelled
    regions passes its one matcher, whose notes it gives). ``fill_defaults``: False where the file gives every value
    its events have (a doccano line of ours recording them), so an attribute an event lacks stays without one."""
    schema = schema or default_schema()
    regions = named(regions, names)
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
    proxies = _proxy_keys(schema, triggers, by_key, relations)

    def trigger(r: Region) -> bool:
        return r.label in triggers and r.key not in proxies

    entities = [
        IncomingEntity(
            (r.key, r.label),
            r.start,
            r.end,
            r.label,
            r.state or state,
            PROXY_SOURCE if r.key in proxies else r.source or source,  # as the brat import marks it
            annotator if r.state in (None, state) else None,  # a model's suggestion beside a person's decisions
            score=r.score,
        )
        for r in regions
        if not trigger(r)
    ]
    events: dict[tuple[Any, str], IncomingEvent] = {
        (r.key, r.label): IncomingEvent(
            r.label,
            r.start,
            r.end,
            dict(r.attributes),
            annotator=annotator if r.state in (None, state) else None,
            fill_defaults=fill_defaults,
            state=r.state or state,
            source=r.source or source,
            score=r.score,
        )
        for r in regions
        if trigger(r)
    }
    kept: list[dict[str, Any]] = []  # relations between entities, for the format's export (keep_as)
    drawn_back = 0  # relations drawn from an argument to its trigger, read as its arguments
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
        heads = [r for r in by_key[frm] if trigger(r)]
        tails = [r for r in by_key[to] if not trigger(r)]
        if label is None and (heads or not keep_as):  # no label: no role for an argument
            warnings.append(f"{path}:{line}: relation {frm}->{to} has no label")
            continue
        if keep_as and not heads and tails:
            kept += [
                {"type": label, "from": [h.start, h.end, h.label], "to": [t.start, t.end, t.label]}
                | ({"direction": "bi"} if k in both_ways else {})
                for h in by_key[frm]
                for t in tails
            ]
            continue
        if not heads and not tails and label is not None:  # drawn from an argument to its trigger (doccano's
            # relations have no direction): that argument where its label is a role of the trigger's event type
            back_heads = [r for r in by_key[to] if trigger(r)]
            back_tails = [r for r in by_key[frm] if not trigger(r)]
            roles = {h.key: _role_of(schema, names, h.label, label) for h in back_heads}
            if back_heads and back_tails and all(roles.values()):
                for h in back_heads:
                    role = roles[h.key]
                    for t in back_tails:
                        events[(h.key, h.label)].arguments.append((role, (t.key, t.label)))
                drawn_back += 1
                continue
        if not heads or not tails:
            warnings.append(f"{path}:{line}: relation {k} ({label}) does not go from a trigger to an entity")
            continue
        for h in heads:
            role = names.role(h.label, label) if names is not None and label is not None else label
            for t in tails:
                events[(h.key, h.label)].arguments.append((role, (t.key, t.label)))
    if drawn_back and notes is not None:
        notes.append(
            f"{path}:{line}: {counted(drawn_back, 'relation')} drawn from an argument to its trigger read as its "
            "argument (the label a role of the trigger's event type)"
        )
    meta = dict(meta or {})
    if kept:
        meta[keep_as] = {"relations": list({repr(r): r for r in kept}.values())}  # type: ignore[index]
        if notes is not None:
            notes.append(
                f"{path}:{line}: {counted(len(meta[keep_as]['relations']), 'relation')} between entities kept for the "
                "exports that write them (doccano, Label Studio, Prodigy, WebAnno TSV, brat; the app does not show them)"
            )
    doc = IncomingDocument(
        text=text,
        name=name,
        meta=meta,
        status=status,
        source_path=str(path),
        entities=entities,
        events=list(events.values()),
        comments=[{"text": c} for c in comments or []],
    )
    check_with_line(schema, doc, path, line)
    return doc
