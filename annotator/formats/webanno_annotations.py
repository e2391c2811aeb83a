"""A WebAnno TSV document's layers as the project's annotations: the span layers' entities (``entities_of``: a label
column, the layer's name, the most valued feature), the slot layers' events and their arguments (``events_of``), the
relations between entities kept for the exports (``relations_of``); what is left out counted by kind
(``Warnings``). ``webanno_read`` reads the file, its folder or a project export, and calls these on each document's
parts (``webanno_layout``)."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.reading import need
from annotator.formats.schema_growth import as_label_name
from annotator.formats.webanno_layout import Annotation, Column, Layout
from annotator.formats.webanno_tsv import (
    ANY_SPAN,
    COMMENT_FEATURES,
    COMMENT_LAYER,
    DECISION_FEATURES,
    EVENT_LAYER,
    NAMED_ENTITY,
    SOURCE,
    TOKEN_LAYERS,
    PDF_LAYOUT_LAYERS,
    short_name,
    split_suffix,
)
from annotator.formats.brat_conf import PROXY_SOURCE
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.model import STATES
from annotator.schema import is_label_name
from annotator.wording import counted


class Warnings:
    """What was left out, counted by kind with the first examples, one warning per kind."""

    def __init__(self, path: Path, out: list[str]) -> None:
        self.path, self.out = path, out
        self.kinds: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}

    def add(self, kind: str, example: str = "") -> None:
        self.kinds[kind] += 1
        if example and len(self.examples.setdefault(kind, [])) < 3:
            self.examples[kind].append(example)

    def flush(self) -> None:
        for kind, n in self.kinds.items():
            shown = self.examples.get(kind, [])
            more = f" ({', '.join(shown)}{', ...' if n > len(shown) else ''})" if shown else ""
            self.out.append(f"{self.path}: {kind}" + (f": {n}{more}" if shown else ""))


# the feature that labels the spans of a layer of several features, the first of these names it has
LABEL_FEATURES = ("value", "label", "entity", "category", "type", "class", "tag")
LAYER_NAME = ""  # the "feature" of a layer without features: its spans are labelled with the layer's short name
SLOT_COLUMNS = ("slot_role", "slot_target")


def _label_column(layer: str, cols: list[Column]) -> str | None:
    """The feature whose values label a layer's spans as entities: NamedEntity's ``value``, another layer's only one;
    ``LAYER_NAME`` for a layer without features (``webanno.custom.Quote|``: its spans are quotes). Of several, the one
    that names the layer's own class (``TIMEX3``'s ``timex3Class``, before its ``value``, TimeML's normalised date),
    else the one named as a label."""
    features = [c.feature for c in cols if c.role == "feature"]
    if layer == NAMED_ENTITY:
        return "value"
    if all(c.role == "placeholder" for c in cols):
        return LAYER_NAME
    if len(features) == 1 and len(cols) == 1:
        return features[0]
    if len(features) != len(cols):
        return None
    named = {f.lower(): f for f in features}  # several: the one named as a label (GUM's Referent|entity|infstat|...)
    own = short_name(layer).lower()
    return next((named[own + n] for n in LABEL_FEATURES if own + n in named), None) or next(
        (named[n] for n in LABEL_FEATURES if n in named), None
    )


def link_counts(layout: Layout, path: Path) -> Counter[tuple[str, str]]:
    """How many slot links go from each layer with slot features to the spans of each layer (itself too)."""
    layers = layout.layers("span")
    counts: Counter[tuple[str, str]] = Counter()
    for a in layout.spans:
        for slot in (c for c in layers[a.layer] if c.role == "slot_role"):
            target = next(
                (c.target for c in layers[a.layer] if c.role == "slot_target" and c.feature == slot.feature), ANY_SPAN
            )
            for ref in a.targets.get(slot.feature, []):
                unit_id, n = split_suffix(ref)
                if unit_id not in layout.units:
                    continue  # refused where the link is read (``events_of``)
                filler = _resolve(layout, unit_id, n, target, a, path)
                if filler is not None:
                    counts[(a.layer, filler.layer)] += 1
    return counts


def linked_layers(counts: Counter[tuple[str, str]]) -> frozenset[str]:
    """The layers with slot features whose spans are read as entities, not events: a layer B another layer A points at
    more often than B points back at A, A's links (to any span, its own layer's too) more than B's. E3C's
    ``TIMEX3``: the ``EVENT`` layer's ``TLINK``s point at it, its own ``timexLink``s (to times, a few to events) are
    fewer; ``EVENT`` stays the events' layer though ``RML``'s ``PERTAINSTO`` points at it (``RML``'s links are fewer
    than its own). ``counts``: ``link_counts`` of a file, or summed over a folder's files, so every document of a
    corpus reads a layer one way."""
    went: Counter[str] = Counter()
    for (a, _), n in counts.items():
        went[a] += n
    return frozenset(b for (a, b), n in counts.items() if a != b and n > counts[(b, a)] and went[a] > went[b])


def _most_valued(layout: Layout, layer: str, features: list[str]) -> str | None:
    """The feature of ``layer`` that most of its spans give a value (the first such of the header on a tie), or None
    when they give none: the label of a layer whose features are named as no label is (InfoLink's
    ``Dataset|Information|LeftContext|RightContext``, ``Information`` holding ``Title``)."""
    counts = Counter(f for a in layout.spans if a.layer == layer for f in features if a.features.get(f) is not None)
    return max(features, key=lambda f: (counts[f], -features.index(f))) if counts else None


def _where(layout: Layout, a: Annotation) -> str:
    return f"{a.units[0].id} {layout.text[a.begin : a.end]!r}"


def entities_of(
    layout: Layout,
    doc: IncomingDocument,
    warn: Warnings,
    notes: list[str],
    path: Path,
    span_layers: dict[str, list[str]] | None = None,
    values: dict[str, str] | None = None,
    unset: dict[str, str] | None = None,
    zero: list[list[Any]] | None = None,
    linked: frozenset[str] | None = None,
    features: list[list[Any]] | None = None,
    links: list[list[Any]] | None = None,
) -> dict[int, IncomingEntity]:
    """Entities from the span layers that label spans; keyed by ``id`` of the annotation they come from.
    ``span_layers`` gets, for each label that came from a layer other than ``NamedEntity`` (and never from it), that
    layer and its labelling feature (``""`` for a layer without features); ``values``, for each value that is no label
    name (``A.2 Landform``), the label it is read as (``A.2_Landform``) -> the value; ``unset``, for each span whose
    labelling feature is unset (``*``: marked, not yet labelled), the label it is read as, the layer's name -> the
    layer (the export writes such an entity back unset); ``features``, for each span of a project's own layer with
    values of features other than its label's (E3C's ``TIMEX3`` ``value``, TimeML's normalised date beside
    ``timex3Class``), ``[begin, end, label, layer, {feature: value}]``, which the export writes back (else they are
    said as not kept); ``links``, for each ``NamedEntity`` with an ``identifier`` (INCEpTION's entity linking),
    ``[begin, end, identifier, label]`` (``entity_links``; else said as not kept)."""
    out: dict[int, IncomingEntity] = {}
    seen: dict[tuple[int, int, str], list[tuple[IncomingEntity, set[str]]]] = {}  # each entity with its layers
    layers = layout.layers("span")
    used_as_labels: set[str] = set()
    linked = linked_layers(link_counts(layout, path)) if linked is None else linked
    event_layers = {c.layer for c in layout.columns if c.role == "slot_role"} - linked
    # a slot layer read as entities is labelled by its features alone; its own links are said as left out
    label_of = {
        layer: _label_column(layer, [c for c in cols if layer not in linked or c.role not in SLOT_COLUMNS])
        for layer, cols in layers.items()
    }
    for layer, cols in layers.items():  # several features, none named as a label: the one the spans give values
        if label_of[layer] is None and layer not in event_layers and all(c.role == "feature" for c in cols):
            label_of[layer] = _most_valued(layout, layer, [c.feature for c in cols])
    for a in layout.spans:
        if a.layer in event_layers:
            continue
        if a.layer == COMMENT_LAYER and {c.feature for c in layers[a.layer]} >= set(COMMENT_FEATURES):
            if isinstance(a.features.get("text"), str):  # a document comment, as decisions=yes writes them
                doc.comments.append({"author": a.features.get("author"), "text": a.features["text"]})
            continue
        if a.layer.startswith(TOKEN_LAYERS):
            warn.add(f"spans of DKPro Core's token-level layers (not entities): {a.layer}")
            continue
        if a.layer.startswith(PDF_LAYOUT_LAYERS):  # a page spans the whole page: its height was read as a label
            warn.add(f"spans of the PDF layout INCEpTION's PDF editor made (pages, not entities): {a.layer}")
            continue
        feature = label_of[a.layer]
        if feature is None:
            warn.add(f"spans of layer {a.layer}, which has no single feature to label them with", _where(layout, a))
            continue
        label = short_name(a.layer) if feature == LAYER_NAME else a.features.get(feature)
        if a.layer == NAMED_ENTITY and a.features.get("identifier") is not None and links is None:
            warn.add("entity links (NamedEntity identifier)", f"{_where(layout, a)} -> {a.features['identifier']}")
        if not label and a.begin < a.end:  # marked, its label not set yet (or an entity link alone): the layer's name
            label = short_name(a.layer)
            if unset is not None:
                unset[label] = a.layer
        if not label:
            warn.add(f"{short_name(a.layer)} spans without a {feature}", _where(layout, a))
            continue
        if not is_label_name(label) and (named := as_label_name(label)) is not None:  # 'A.2 Landform'
            if values is not None:
                values.setdefault(named, label)
            label = named
        lost = [f"{f}={v}" for f, v in a.features.items() if f != feature and v is not None and a.layer != NAMED_ENTITY]
        if lost and feature != LAYER_NAME and features is None:
            warn.add(f"features of layer {a.layer} other than {feature}", f"{label} {', '.join(lost)}")
        if a.layer == NAMED_ENTITY and a.features.get("identifier") is not None and links is not None:
            links.append([a.begin, a.end, a.features["identifier"], label])  # its label: one of a stack's spans
        begin, end = a.begin, a.end
        if begin >= end and zero is not None:  # kept for the export: an entity needs a width
            zero.append([begin, label, a.layer, feature])
            continue
        if begin >= end:
            warn.add("zero-width spans", f"{a.units[0].id} {label}")
            continue
        if a.layer != NAMED_ENTITY:
            used_as_labels.add(a.layer)
        if lost and feature != LAYER_NAME and features is not None:
            given = {f: v for f, v in a.features.items() if f != feature and v is not None}
            features.append([begin, end, label, a.layer, given])
        if span_layers is not None:
            span_layers.setdefault(label, [a.layer, feature])
            if a.layer == NAMED_ENTITY:  # a label of NamedEntity stays there
                span_layers[label] = [NAMED_ENTITY, "value"]
        # the same span and label from two layers is one entity; two of one layer (stacked: ``NE[1]|NE[2]``) are two,
        # as INCEpTION holds them (they were one, the other lost without a word)
        same = seen.setdefault((begin, end, label), [])
        got = next((x for x, layers in same if a.layer not in layers), None)
        if got is None:
            state, source, score = _decision(a, path)
            got = IncomingEntity(len(doc.entities), begin, end, label, state, source, score=score)
            doc.entities.append(got)
            same.append((got, set()))
        next(layers for x, layers in same if x is got).add(a.layer)
        out[id(a)] = got
    for label in [k for k, (layer, _) in (span_layers or {}).items() if layer == NAMED_ENTITY]:
        del span_layers[label]  # type: ignore[union-attr]
    if values:
        notes.append(
            f"{path}: {counted(len(values), 'value')} that {'is not a label name' if len(values) == 1 else 'are not label names'} read as "
            "labels with _ for the characters a label may not hold ("
            + ", ".join(f"{v!r} -> {k}" for k, v in list(values.items())[:3])
            + (", ..." if len(values) > 3 else "")
            + "); the WebAnno TSV export writes them back as they were"
        )
    for layer in sorted(used_as_labels):
        if label_of[layer] == LAYER_NAME:
            notes.append(
                f"{path}: the spans of layer {layer}, which has no features, read as entities labelled "
                f"{short_name(layer)}"
            )
        else:
            notes.append(f"{path}: the values of layer {layer}'s feature {label_of[layer]} read as entity labels")
    return out


def _decision(a: Annotation, path: Path) -> tuple[str, str, float | None]:
    """An annotation's state, source and score where its layer has those features (our export with
    ``decisions=yes``), else ``accepted``, ``webanno`` and none; a state or score that cannot be one refuses the
    file at its line."""
    state, source, score = a.features.get("state"), a.features.get("source"), a.features.get("score")
    need(state is None or state in STATES, path, a.line, f"state {state!r} is not one of {', '.join(STATES)}")
    value: float | None = None
    if score is not None:
        try:
            value = float(score)
        except ValueError:
            value = math.nan
        need(math.isfinite(value), path, a.line, f"score {score!r} is not a finite number")
    return state or "accepted", source or SOURCE, value


def events_of(
    layout: Layout,
    entities: dict[int, IncomingEntity],
    doc: IncomingDocument,
    warn: Warnings,
    path: Path,
    attributes: frozenset[str],
    own: dict[str, dict[str, Any]] | None = None,
    linked: frozenset[str] | None = None,
) -> None:
    """Events from the span layers with slot features. ``own`` gets, for each event type read from a layer other
    than ``webanno.custom.Event`` (a project's own, ``SimpleLinkHost``), that layer as the export writes it back
    (``_own_layer``). A link to another event (E3C's ``TLINK`` from one ``EVENT`` to another) is an argument filled
    by the span that stands for that event (``_nested``), as the brat import makes one for ``Event-Arg:E2``."""
    layers = layout.layers("span")
    linked = linked_layers(link_counts(layout, path)) if linked is None else linked
    made: dict[int, IncomingEvent] = {}  # id of the annotation -> the event read from it
    links: list[tuple[IncomingEvent, str, str, Annotation | None]] = []  # (event, role, ref, the span it names)
    for a in layout.spans:
        cols = layers[a.layer]
        slots = [c for c in cols if c.role == "slot_role"]
        if not slots:
            continue
        if a.layer in linked:  # its spans are entities (``linked_layers``): its own links have no event to go in
            for slot in slots:
                for ref in a.targets.get(slot.feature, []):
                    warn.add(
                        f"slot links of layer {a.layer}, whose spans are read as entities (another layer's links "
                        "point at them)",
                        f"{_where(layout, a)} {slot.feature} -> {ref}",
                    )
            continue
        features = [c.feature for c in cols if c.role == "feature"]
        ours = a.layer == EVENT_LAYER and "type" in features  # our export's layer: its other features are attributes
        attrs = [  # polarity, modality, ... as our export writes them (the schema's, or one it lacks: told)
            f for f in features if f != "type" and (f in attributes or ours) and f not in DECISION_FEATURES
        ]
        others = [f for f in features if f not in attrs and f not in DECISION_FEATURES]
        feature = "type" if "type" in others else others[0] if len(others) == 1 else None
        if feature is None:  # the layer's name is the type (E3C's EVENT): its features are attributes (docTimeRel)
            attrs, others = attrs + others, []
        type_ = a.features.get(feature) if feature else short_name(a.layer)
        if not type_:
            warn.add(f"{short_name(a.layer)} spans without a {feature} (events need a type)", _where(layout, a))
            continue
        if a.begin >= a.end:
            warn.add("zero-width spans", f"{a.units[0].id} {type_}")
            continue
        lost = [f"{f}={a.features[f]}" for f in others if f != feature and a.features.get(f) is not None]
        if lost:
            warn.add(f"features of layer {a.layer} other than its type", f"{type_} {', '.join(lost)}")
        state, source, score = _decision(a, path)
        event = IncomingEvent(
            type_,
            a.begin,
            a.end,
            {f: v for f in attrs if (v := a.features.get(f)) is not None},
            state=state,
            source=source,
            score=score,
            fill_defaults=not attrs,  # a layer with the attributes' features says which are unset ('*')
        )
        kept = _own_layer(a.layer, cols, feature, own, type_)
        for slot in slots:
            target_col = next((c for c in cols if c.role == "slot_target" and c.feature == slot.feature), None)
            roles = a.roles.get(slot.feature, [])
            refs = a.targets.get(slot.feature, [])
            for given, ref in zip(roles, refs):
                unit_id, n = split_suffix(ref)
                filler = _resolve(layout, unit_id, n, target_col.target if target_col else ANY_SPAN, a, path)
                role = given or slot.feature
                if kept is not None:
                    kept["slots"].setdefault(role, slot.feature)
                    if given is None and role not in kept["unset"]:
                        kept["unset"].append(role)
                links.append((event, role, ref, filler))
        doc.events.append(event)
        made[id(a)] = event
    stand_ins: dict[int, Any] = {}  # id of a nested event -> the key of the span that stands for it
    for event, role, ref, filler in links:
        if filler is not None and id(filler) in entities:
            event.arguments.append((role, entities[id(filler)].key))
        elif filler is not None and made.get(id(filler)) not in (None, event):
            event.arguments.append((role, _nested(doc, made[id(filler)], stand_ins)))
        else:
            what = "nothing" if filler is None else f"a {short_name(filler.layer)} span"
            warn.add("arguments that point at no entity", f"{event.type} {role} -> {ref} ({what})")
    _mark_proxies(doc)


def _nested(doc: IncomingDocument, nested: IncomingEvent, stand_ins: dict[int, Any]) -> Any:
    """The key of the entity that stands for ``nested`` as another event's argument: on its trigger, labelled with its
    type, of the source the brat import gives such a span (``brat_conf.PROXY_SOURCE``, ``:N`` for the Nth event of
    that type on that trigger), so the brat export writes ``ROLE:E…``; made once an event."""
    if id(nested) not in stand_ins:
        same = (nested.type, nested.trigger_start, nested.trigger_end)
        at = next(i for i, v in enumerate(doc.events) if v is nested)
        k = sum(1 for v in doc.events[:at] if (v.type, v.trigger_start, v.trigger_end) == same)
        key = len(doc.entities)
        source = PROXY_SOURCE + (f":{k}" if k else "")
        doc.entities.append(IncomingEntity(key, nested.trigger_start, nested.trigger_end, nested.type, source=source))
        stand_ins[id(nested)] = key
    return stand_ins[id(nested)]


def _mark_proxies(doc: IncomingDocument) -> None:
    """An argument's entity that stands for a nested event (brat's ``Event-Arg:<EVENT>``: our export writes it as a
    ``NamedEntity`` labelled with the event's type on its trigger's span, which the slot points at) marked as the brat
    import marks it (``brat_conf.PROXY_SOURCE``), so the brat export writes ``Event-Arg:E…`` again, not a second span
    of the type; one whose source the file gives (``decisions=yes``) keeps it."""
    triggers = {(v.trigger_start, v.trigger_end, v.type) for v in doc.events}
    filling = {key for v in doc.events for _, key in v.arguments}
    for x in doc.entities:
        if x.key in filling and x.source == SOURCE and (x.start, x.end, x.label) in triggers:
            x.source = PROXY_SOURCE


def drop_stand_ins(doc: IncomingDocument, kept: list[dict[str, Any]]) -> None:
    """The ``NamedEntity`` spans that stand for an event at a relation's end (our export writes brat's ``Cause
    Arg1:E1 Arg2:T3`` from one on the event's trigger, labelled with its type) taken out of the entities: the relation
    keeps the end as the trigger's ``[start, end, type]``, which the brat export reads as the event. One an argument
    fills is a nested event's (``_mark_proxies``) and stays."""
    triggers = {(v.trigger_start, v.trigger_end, v.type) for v in doc.events}
    filling = {key for v in doc.events for _, key in v.arguments}
    ends = {tuple(r[k]) for r in kept for k in ("from", "to") if isinstance(r.get(k), list)}
    doc.entities = [
        x
        for x in doc.entities
        if x.key in filling or x.source != SOURCE or not {(x.start, x.end, x.label)} & triggers & ends
    ]


def _own_layer(
    layer: str, cols: list[Column], feature: str | None, own: dict[str, dict[str, Any]] | None, type_: str
) -> dict[str, Any] | None:
    """The record of a project's own event layer kept for the events of type ``type_`` (the first layer that gave
    it), None for ``webanno.custom.Event`` (the export's own) or when nothing is kept: ``layer``, its ``columns`` as
    the header declares them, the ``feature`` that gave the type (``""``: the layer's name), ``slots`` (role -> the
    slot it came in) and ``unset`` (the roles that came as a slot's name, from links without a role)."""
    if own is None or layer == EVENT_LAYER:
        return None
    if type_ not in own:
        columns = [c.target if c.role in ("slot_role", "slot_target") else c.feature for c in cols]
        own[type_] = {"layer": layer, "columns": columns, "feature": feature or "", "slots": {}, "unset": []}
    got = own[type_]
    return got if got["layer"] == layer else None


def _resolve(
    layout: Layout, unit_id: str, n: str | int | None, target: str, host: Annotation, path: Path
) -> Annotation | None:
    """The span a reference names: the one of the type ``target`` with the id ``n`` (``[4]``), or without one, the one
    on the row ``unit_id`` (starting there first); a row the file lacks refuses it at the referring line."""
    need(
        unit_id in layout.units,
        path,
        host.units[0].line,
        f"a {'relation' if host.source else 'slot link'} points at {unit_id!r}, which is not a token of the file",
    )
    layers = list(layout.layers("span")) if target == ANY_SPAN else [target]
    for layer in layers:
        if n:
            if (layer, str(n)) in layout.by_id:
                return layout.by_id[(layer, str(n))]
            continue
        stack = layout.at_unit.get((unit_id, layer), [])
        firsts = [a for a in stack if a.units[0].id == unit_id]
        if firsts or stack:
            return (firsts or stack)[0]
    return None


def relations_of(
    layout: Layout, entities: dict[int, IncomingEntity], warn: Warnings, path: Path
) -> list[dict[str, object]]:
    """The relations between two entities, in the shape kept in the meta; the others counted as left out."""
    bases = {c.layer: c.target for c in layout.columns if c.role == "base"}
    layers = layout.layers("relation")
    out: list[dict[str, object]] = []
    place = stacked_places(entities)
    for a in layout.relations:
        unit = a.units[0]
        if not a.source:
            warn.add(f"relations of layer {a.layer} without the row they come from (no BT_ column value)", unit.id)
            continue
        base = bases.get(a.layer, ANY_SPAN)
        ends = [_resolve(layout, a.source, a.ids[0], base, a, path), _resolve(layout, unit.id, a.ids[1], base, a, path)]
        got = [entities.get(id(x)) if x is not None else None for x in ends]
        if got[0] is None or got[1] is None:
            warn.add(f"relations of layer {a.layer} whose ends are not entities", f"{a.source} -> {unit.id}")
            continue
        features = {c.feature: a.features.get(c.feature) for c in layers[a.layer] if c.role == "feature"}
        nth = [place[id(got[0])], place[id(got[1])]]
        out.append(
            {
                "layer": a.layer,
                "type": next(iter(features.values()), None),
                "features": features,
                "from": [got[0].start, got[0].end, got[0].label],
                "to": [got[1].start, got[1].end, got[1].label],
            }
            | ({"base": base} if base not in (NAMED_ENTITY, ANY_SPAN) else {})  # the span layer its ends are on
            | ({"stacked": nth} if any(nth) else {})  # which of stacked spans alike in label and place each end is
        )
    return out


def stacked_places(entities: dict[int, IncomingEntity]) -> dict[int, int]:
    """Each entity's place among the entities of its span and label (``NE[1]|NE[2]`` stacked, alike once a second
    feature is gone), in the document's order: 0 for the first or only one; keyed by ``id`` of the entity."""
    seen: dict[tuple[int, int, str], int] = {}
    out: dict[int, int] = {}
    for e in sorted({id(x): x for x in entities.values()}.values(), key=lambda x: x.key):
        k = (e.start, e.end, e.label)
        out[id(e)] = seen.get(k, 0)
        seen[k] = out[id(e)] + 1
    return out
