"""WebAnno TSV 3.3 export: a folder with one ``NAME.tsv`` per document, as INCEpTION and WebAnno import them.

- Entities: ``de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value``, the label as the value.
- Events (when the schema has event types): the custom span layer ``webanno.custom.Event`` on the trigger, its
  ``type`` feature the event type, its slot feature ``arguments`` (link type ``webanno.custom.EventArgumentsLink``,
  target ``NamedEntity``) a link per argument, the role as the link's role, and a feature per event attribute
  (``polarity``, ...; ``*`` when unset), in the column order INCEpTION writes (features by name).
- Tokens and sentences: the document's stored ones, or the one token fallback (``annotator.tokens``) for a document
  never pre-annotated (reported); whitespace tokens are not rows. ``#Text=`` holds each sentence's text (a line per
  line of it); what lies between sentences is not kept by the format: INCEpTION rebuilds it as a line break and
  spaces, and a document whose text differs from that is reported.
- A span whose edges are not token edges goes on sub-token rows (``1-3.1``), as INCEpTION writes them, so it keeps
  its offsets; an edge in the space between tokens moves to the token (reported). Offsets count UTF-16 units.
- ``[n]`` disambiguation ids on every annotation that spans several rows or shares a row with another of its layer.
- Relations between entities a WebAnno TSV import kept (``meta["webanno"]``) go back on their layers (``#T_RL``, base
  type ``NamedEntity``, on the target's first row, ``[source_target]`` ids where an end needs one); those a doccano or
  Label Studio import kept go on ``webanno.custom.Relation|label``; the coreference chains it kept as relations
  (``webanno_chains``) go back on their chain layers (``#T_CH=LAYER|referenceRelation|referenceType``).
- ``decisions=yes``: each entity's and event's state, source and score as features of its layer
  (``NamedEntity|score|source|state|value``), the document's comments on ``webanno.custom.Comment|author|text``.
Lost: entity and event states, sources, scores and comments (unless ``decisions=yes``), annotators, document status
and meta.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.exporting import atomic_folder
from annotator.formats.brat import file_stem, unused_stem
from annotator.formats.common import option_choice
from annotator.formats.writing import FormatExportReport, parts_of, records_with_tokens, split_option
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.regions_out import KEPT
from annotator.formats.tokens import DocTokens
from annotator.formats.webanno_tsv import (
    COMMENT_FEATURES,
    COMMENT_LAYER,
    DECISION_FEATURES,
    EMPTY,
    EVENT_LAYER,
    EVENT_LINK,
    EVENT_SLOT,
    HEADER,
    ANY_SPAN,
    NAMED_ENTITY,
    RELATION_LAYER,
    UNSET,
    escape_text,
    escape_value,
)
from annotator.formats.schema_names import GivenSpellings
from annotator.formats.webanno_chains import ChainLink, is_chain_link, kept_chains
from annotator.formats.webanno_own import (
    EventLayer,
    SpanLayer,
    event_layers,
    label_values,
    own_feature,
    slot_feature,
    span_layers,
    unset_labels,
    zero_width,
)
from annotator.formats.webanno_read import SOURCE
from annotator.offsets import Utf16Map
from annotator.schema import Schema
from annotator.store import Project

UnitKey = tuple[int, int, int]  # (word token index, begin, end): the token itself when begin, end are its own


@dataclass
class _Relation:
    layer: str
    features: dict[str, Any]
    source: "_Span"
    target: "_Span"
    base: str = NAMED_ENTITY  # the span layer its ends are on (``BT_``)


@dataclass
class _Span:
    units: list[UnitKey]
    value: str
    ident: int = 0  # the [n] disambiguation id, 0 for none
    args: list[tuple[str, "_Span"]] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # state, source, score (decisions=yes); a comment's features
    unset: bool = False  # an entity read from a span whose labelling feature was unset: written back so (``*``)


class _Rows:
    """A document's word tokens (whitespace tokens left out), sentences and the units spans fall on."""

    def __init__(self, text: str, toks: DocTokens) -> None:
        self.text = text
        n = len(toks.starts)
        sentence = [0] * n  # each token's sentence (an index into ``toks.sent_starts``), by slices: no step a token
        bounds = [*toks.sent_starts, n]
        for i in range(len(bounds) - 1):
            sentence[bounds[i] : bounds[i + 1]] = [i] * (bounds[i + 1] - bounds[i])
        keep = [not text[s:e].isspace() for s, e in zip(toks.starts, toks.ends)]
        self.starts = list(compress(toks.starts, keep))
        self.ends = list(compress(toks.ends, keep))
        self.sentence = list(compress(sentence, keep))

    def units(self, start: int, end: int) -> tuple[list[UnitKey], tuple[int, int]] | None:
        """The rows [start, end) goes on (tokens, sub-tokens at cut edges) and the extent they give, or None when
        it touches no token."""
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end) - 1
        if i > j or i >= len(self.starts) or j < 0:
            return None
        s, e = max(start, self.starts[i]), min(end, self.ends[j])
        keys: list[UnitKey] = []
        for k in range(i, j + 1):
            b, f = max(s, self.starts[k]), min(e, self.ends[k])
            keys.append((k, b, f))
        return keys, (s, e)

    def point(self, at: int) -> UnitKey:  # a zero-width row at ``at``, on the token it is in or ends (else the first)
        k = max(bisect_right(self.starts, at) - 1, 0)
        return (k, min(max(at, self.starts[k]), self.ends[k]), min(max(at, self.starts[k]), self.ends[k]))

    def is_token(self, key: UnitKey) -> bool:
        return (key[1], key[2]) == (self.starts[key[0]], self.ends[key[0]])


def _layer_cells(spans: list[_Span]) -> dict[UnitKey, list[_Span]]:
    """Each unit's spans of one layer, in order."""
    at: dict[UnitKey, list[_Span]] = {}
    for sp in spans:
        for key in sp.units:
            at.setdefault(key, []).append(sp)
    return at


def _give_ids(at: dict[UnitKey, list[_Span]], spans: list[_Span], n: int, named: frozenset[int] = frozenset()) -> int:
    """The [n] ids after ``n``: for each span on several units, sharing a unit with another of its layer, or in
    ``named`` (by ``id()``: the targets of a slot to any span, which INCEpTION finds by id alone; one numbering for the
    whole file, as INCEpTION's reader looks an id up across layers); the last id given."""
    shared = {id(sp) for stack in at.values() if len(stack) > 1 for sp in stack}
    for sp in spans:
        if len(sp.units) > 1 or id(sp) in shared or id(sp) in named:
            n += 1
            sp.ident = n
    return n


def document_tsv(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    events: tuple[str, ...],
    decisions: bool = False,
) -> str | None:
    """A record as a WebAnno TSV 3.3 file; None (reported) when the document has no token to write. ``events``: the
    event layer's features (``event_features``), none for a schema without event types; ``decisions``: each entity's
    and event's state, source and score as features of its layer, and the document's comments on the layer
    ``webanno.custom.Comment`` (on its first token)."""
    text, name = rec["text"], rec["name"]
    rows = _Rows(text, toks)
    if not rows.starts:
        report.problem("documents left out (no tokens: only whitespace)", name)
        return None

    def place(start: int, end: int, what: str) -> list[UnitKey] | None:
        got = rows.units(start, end)
        if got is None:
            report.problem("spans left out (in the space between tokens)", f"{name}: {what} [{start}, {end})")
            return None
        if got[1] != (start, end):
            report.problem(
                "span edges in the space between tokens moved to the tokens",
                f"{name}: {what} [{start}, {end}) -> [{got[1][0]}, {got[1][1]})",
            )
        return got[0]

    entities: dict[int, _Span] = {}
    on_layer: dict[str, list[_Span]] = {}  # a project's own span layer -> its entities
    own = span_layers(rec, decisions, report)
    shown = label_values(rec)  # a label read from a value that is no label name ('A.2 Landform') goes out as that
    spelt = GivenSpellings.of_meta(rec["meta"])  # the labels, types and roles as the file it came from spelt them
    not_labelled = unset_labels(rec)  # labels read for spans without a value (the layer's name): written back so
    for e in rec["entities"]:
        units = place(e["start"], e["end"], f"entity {e['label']}")
        if units is not None:
            written = shown.get(e["label"], spelt.label(e["label"]))  # as the file spelt it (INCEpTION's PER)
            entities[e["id"]] = _Span(
                units, written, extra=_decision(e) if decisions else {}, unset=e["label"] in not_labelled
            )
            if e["label"] in own:
                on_layer.setdefault(own[e["label"]][0], []).append(entities[e["id"]])
    zero = [(_Span([rows.point(at)], spelt.label(lab)), lay, f) for at, lab, lay, f in zero_width(rec)]
    for sp, layer, feature in [z for z in zero if z[1] != NAMED_ENTITY]:  # the zero-width spans an import kept
        own.setdefault(sp.value, (layer, feature))
        on_layer.setdefault(layer, []).append(sp)
    triggers: list[_Span] = []
    own_events = event_layers(rec) if events else {}  # event type -> the project's own event layer it came from
    if own_events and decisions:
        report.problem(
            "events on a project's own layers written without their decisions (those layers keep their features)",
            name,
        )
    if events:
        for v in rec["events"]:
            units = place(v["trigger"]["start"], v["trigger"]["end"], f"event {v['type']}")
            if units is None:
                continue
            written = spelt.label(v["type"])
            sp = _Span(units, written, attributes=dict(v["attributes"]), extra=_decision(v) if decisions else {})
            for a in v["arguments"]:
                if a["entity_id"] in entities:
                    sp.args.append((a["role"], entities[a["entity_id"]]))
                else:
                    report.problem(
                        "arguments left out (their entity is not written)", f"{name}: {v['type']} {a['role']}"
                    )
            if v["type"] in own_events:
                own_events[v["type"]].spans.append(sp)
            else:
                triggers.append(sp)
    relations = _relations(rec, entities, report)
    chains = _chains(rec, entities, report)
    elsewhere = {id(sp) for spans in on_layer.values() for sp in spans}
    ne_spans = [sp for sp in entities.values() if id(sp) not in elsewhere] + [
        z[0] for z in zero if z[1] == NAMED_ENTITY
    ]
    ne_at = _layer_cells(ne_spans)
    custom = [SpanLayer(layer, own_feature(own, layer), _layer_cells(spans)) for layer, spans in on_layer.items()]
    ev_at = _layer_cells(triggers)
    own_layers = list({id(x): x for x in own_events.values() if x.spans}.values())  # each once, those with events
    for x in own_layers:
        x.at = _layer_cells(x.spans)
    notes = [
        _Span([(0, rows.starts[0], rows.ends[0])], "", extra={"author": c.get("author"), "text": c.get("text")})
        for c in rec["comments"]
        if decisions
    ]
    co_at = _layer_cells(notes)
    # an argument on a project's own layer: the slot points at any span, each target named by its id
    filled = frozenset(id(t) for sp in triggers for _, t in sp.args)
    any_span = bool(filled & elsewhere)
    named = filled if any_span else frozenset()
    # an own event layer's argument on a layer other than its slot's target: named by its id (INCEpTION looks it up
    # across layers); on the slot's target layer, by its row
    written_on = {id(sp): layer for layer, spans in on_layer.items() for sp in spans}
    named = named | {
        id(t)
        for x in own_layers
        for sp in x.spans
        for role, t in sp.args
        if x.target_of(x.slot_of(role)) != written_on.get(id(t), NAMED_ENTITY)
    }
    n = _give_ids(ne_at, ne_spans, 0, named)
    for c in custom:
        n = _give_ids(c.at, on_layer[c.layer], n, named)
    n = _give_ids(ev_at, triggers, n)
    for x in own_layers:
        n = _give_ids(x.at, x.spans, n)
    _give_ids(co_at, notes, n)
    layers = _Layers(events, decisions, custom, ANY_SPAN if any_span else NAMED_ENTITY, own_layers, spelt)
    return _render(rows, ne_at, ev_at, co_at, relations, chains, layers, report, name)


def _decision(x: dict[str, Any]) -> dict[str, Any]:
    """An entity's or event's state, source and score, as the features ``decisions=yes`` writes."""
    return {"state": x["state"], "source": x["source"], "score": x.get("score")}


@dataclass
class _Layers:
    """The features of the layers a file has: ``NamedEntity`` (``value``, and the decision features with
    ``decisions``), the event layer (``event_features``), the comment layer (with ``decisions``)."""

    events: tuple[str, ...]
    decisions: bool
    custom: list[SpanLayer] = field(default_factory=list)  # the project's own span layers
    slot_target: str = NAMED_ENTITY  # the event slot's target: ANY_SPAN when an argument is on a project's own layer
    own_events: list[EventLayer] = field(default_factory=list)  # the project's own event layers
    spelt: GivenSpellings = field(default_factory=GivenSpellings)  # the roles as the document's file spelt them

    @property
    def entity(self) -> tuple[str, ...]:
        return (*DECISION_FEATURES, "value") if self.decisions else ("value",)

    @property
    def comments(self) -> tuple[str, ...]:
        return COMMENT_FEATURES if self.decisions else ()


def _by_span(rec: dict[str, Any], entities: dict[int, _Span]) -> dict[tuple[int, int, str], _Span]:
    """The written entities by their ``(start, end, label)``, as kept relations name their ends."""
    out: dict[tuple[int, int, str], _Span] = {}
    for e in rec["entities"]:
        if e["id"] in entities:
            out.setdefault((e["start"], e["end"], e["label"]), entities[e["id"]])
    return out


def _chains(
    rec: dict[str, Any], entities: dict[int, _Span], report: FormatExportReport
) -> list[tuple[str, list[ChainLink]]]:
    """The coreference chains a WebAnno TSV import kept as relations (``webanno_chains``), between the spans written."""
    by_span = _by_span(rec, entities)
    return kept_chains(
        rec["meta"].get(SOURCE),
        lambda x: by_span.get(tuple(x)) if isinstance(x, list) else None,
        lambda what: report.problem("coreference links left out (a mention is gone)", f"{rec['name']}: {what}"),
    )


def _relations(rec: dict[str, Any], entities: dict[int, _Span], report: FormatExportReport) -> list[_Relation]:
    """The relations between entities a WebAnno TSV, doccano or Label Studio import kept in the meta, between the
    spans they join (one whose end is gone is left out and reported); doccano's and Label Studio's go on the layer
    ``webanno.custom.Relation`` with their type as its ``label``."""
    by_span = _by_span(rec, entities)
    out = []
    for key in (SOURCE, *KEPT):
        kept = rec["meta"].get(key)
        for r in kept.get("relations", []) if isinstance(kept, dict) else []:
            if not isinstance(r, dict) or (key == SOURCE and is_chain_link(r)):
                continue
            ends = [by_span.get(tuple(x)) if isinstance(x, list) else None for x in (r.get("from"), r.get("to"))]
            if ends[0] is None or ends[1] is None:
                report.problem(
                    "relations between entities left out (an end is gone)", f"{rec['name']}: {r.get('type')}"
                )
                continue
            features = r.get("features") if key == SOURCE and isinstance(r.get("features"), dict) else None
            layer = r.get("layer") if key == SOURCE and isinstance(r.get("layer"), str) else RELATION_LAYER
            base = r.get("base") if key == SOURCE and isinstance(r.get("base"), str) else NAMED_ENTITY
            out.append(_Relation(layer, features if features is not None else {"label": r.get("type")}, *ends, base))
    return out


def _render(
    rows: _Rows,
    ne_at: dict[UnitKey, list[_Span]],
    ev_at: dict[UnitKey, list[_Span]],
    co_at: dict[UnitKey, list[_Span]],
    relations: list[_Relation],
    chains: list[tuple[str, list[ChainLink]]],
    layers: _Layers,
    report: FormatExportReport,
    name: str,
) -> str:
    events, decisions, entity_features, comment_features = (
        layers.events,
        layers.decisions,
        layers.entity,
        layers.comments,
    )
    text = rows.text
    u16 = Utf16Map(text)
    s16, e16 = u16.to_utf16_many(rows.starts), u16.to_utf16_many(rows.ends)
    subs: dict[int, list[UnitKey]] = {}  # a token's sub-token rows, in order
    custom_keys = [key for c in layers.custom for key in c.at] + [key for x in layers.own_events for key in x.at]
    for key in sorted({key for key in [*ne_at, *custom_keys, *ev_at, *co_at] if not rows.is_token(key)}):
        subs.setdefault(key[0], []).append(key)
    bounds: list[tuple[int, int]] = []  # the sentences, as ranges of word token indices
    first = 0
    for k in range(1, len(rows.sentence) + 1):
        if k == len(rows.sentence) or rows.sentence[k] != rows.sentence[k - 1]:
            bounds.append((first, k))
            first = k
    firsts = [a for a, _ in bounds]
    ids: dict[UnitKey, str] = {}  # the row ids annotations name, made when first asked for

    def row_id(key: UnitKey) -> str:
        if key not in ids:
            n = bisect_right(firsts, key[0]) - 1
            base = f"{n + 1}-{key[0] - firsts[n] + 1}"
            ids[key] = base if rows.is_token(key) else f"{base}.{subs[key[0]].index(key) + 1}"
        return ids[key]

    def ref(sp: _Span) -> str:
        return row_id(sp.units[0]) + (f"[{sp.ident}]" if sp.ident else "")

    def suffix(sp: _Span) -> str:
        return f"[{sp.ident}]" if sp.ident else ""

    rel_layers: dict[str, list[str]] = {}  # relation layer -> its features, in the order met
    rel_base: dict[str, str] = {}  # relation layer -> the span layer its ends are on
    rel_at: dict[UnitKey, list[_Relation]] = {}  # a relation goes on its target's first row, as INCEpTION puts it
    for r in relations:
        rel_base.setdefault(r.layer, r.base)
        names = rel_layers.setdefault(r.layer, [])
        names += [f for f in r.features if f not in names]
        rel_at.setdefault(r.target.units[0], []).append(r)

    def source(r: _Relation) -> str:
        ident = f"[{r.source.ident}_{r.target.ident}]" if r.source.ident or r.target.ident else ""
        return row_id(r.source.units[0]) + ident

    def value(v: Any) -> str:
        return UNSET if v is None else escape_value(str(v))

    escaped: dict[str, str] = {}  # labels, types and roles repeat: each escaped once

    def esc(v: str) -> str:
        got = escaped.get(v)
        if got is None:
            got = escaped[v] = escape_value(v)
        return got

    ch_layers = list(dict.fromkeys(layer for layer, _ in chains))  # chain layers in the order met
    ch_at: dict[UnitKey, dict[str, list[tuple[int, int, ChainLink]]]] = {}  # unit -> layer -> (chain, place, link)
    for number, (layer, links) in enumerate(chains, start=1):  # one numbering of chains for the file
        for place, link in enumerate(links, start=1):
            for key in link.span.units:
                ch_at.setdefault(key, {}).setdefault(layer, []).append((number, place, link))
    ch_empty = [EMPTY, EMPTY] * len(ch_layers)
    rel_empty = [EMPTY] * sum(len(names) + 1 for names in rel_layers.values())

    def features(spans: list[_Span] | None, names: tuple[str, ...]) -> list[str]:
        """A layer's cells on a row: ``value`` the span's value, the others its extra features."""
        if not spans:
            return [EMPTY] * len(names)
        return [
            "|".join((label(sp) if f == "value" else value(sp.extra.get(f))) + suffix(sp) for sp in spans)
            for f in names
        ]

    role = layers.spelt.role  # a role as the file the document came from spelt it

    def label(sp: _Span) -> str:
        """An entity's labelling feature's cell: its label, or ``*`` where it came without one."""
        return UNSET if sp.unset else esc(sp.value)

    def own_event_cells(x: EventLayer, ev: list[_Span] | None) -> list[str]:
        """A project's own event layer's cells on a row, column by column as its header declared them."""
        if not ev:
            return [EMPTY] * len(x.columns)
        out: list[str] = []
        for k, c in enumerate(x.columns):
            if c.startswith("ROLE_"):  # a slot's roles: a link without a role as '*'
                slot = slot_feature(c)
                out.append(
                    "|".join(
                        (
                            ";".join(
                                UNSET if r in x.unset else esc(role(r)) for r, _ in sp.args if x.slot_of(r) == slot
                            )
                            or EMPTY
                        )
                        + suffix(sp)
                        for sp in ev
                    )
                )
            elif k and x.columns[k - 1].startswith("ROLE_"):  # that slot's targets
                slot = slot_feature(x.columns[k - 1])
                out.append("|".join(";".join(ref(t) for r, t in sp.args if x.slot_of(r) == slot) or UNSET for sp in ev))
            elif c == x.feature:
                out.append("|".join(esc(sp.value) + suffix(sp) for sp in ev))
            else:  # an event attribute where the layer has it, else unset
                out.append("|".join(value(sp.attributes.get(c)) + suffix(sp) for sp in ev))
        return out

    def cells(key: UnitKey) -> list[str]:
        ne = ne_at.get(key)
        if decisions:
            out = features(ne, entity_features)
        else:
            out = ["|".join(label(sp) + suffix(sp) for sp in ne) if ne else EMPTY]
        for c in layers.custom:  # the project's own span layers: the label as their feature's value
            own = c.at.get(key)
            out.append("|".join((label(sp) if c.feature else UNSET) + suffix(sp) for sp in own) if own else EMPTY)
        ev = ev_at.get(key)
        for f in events:  # the event layer's features by name, as INCEpTION orders them
            if not ev:
                out += [EMPTY, EMPTY] if f == EVENT_SLOT else [EMPTY]
            elif f == EVENT_SLOT:
                out.append("|".join((";".join(esc(role(r)) for r, _ in sp.args) or EMPTY) + suffix(sp) for sp in ev))
                out.append("|".join(";".join(ref(t) for _, t in sp.args) or UNSET for sp in ev))
            elif f == "type":
                out.append("|".join(esc(sp.value) + suffix(sp) for sp in ev))
            elif f in DECISION_FEATURES:
                out.append("|".join(value(sp.extra.get(f)) + suffix(sp) for sp in ev))
            else:
                out.append("|".join(value(sp.attributes.get(f)) + suffix(sp) for sp in ev))
        for x in layers.own_events:
            out += own_event_cells(x, x.at.get(key))
        if comment_features:
            out += features(co_at.get(key), comment_features)
        if ch_layers:
            at = ch_at.get(key)
            if not at:
                out += ch_empty
            for layer in ch_layers if at else ():  # INCEpTION's column order: referenceRelation, referenceType
                got = at.get(layer)  # type: ignore[union-attr]
                out.append("|".join(f"{value(x.relation)}->{n}-{k}" for n, k, x in got) if got else EMPTY)
                out.append("|".join(f"{value(x.type)}[{n}]" for n, _, x in got) if got else EMPTY)
        here = rel_at.get(key)
        if not here:
            return out + rel_empty
        for layer, names in rel_layers.items():
            rels = [r for r in here if r.layer == layer]
            out += ["|".join(value(r.features.get(f)) for r in rels) or EMPTY for f in names]
            out.append("|".join(source(r) for r in rels) or EMPTY)
        return out

    lines = [HEADER, f"#T_SP={NAMED_ENTITY}|" + "|".join(layers.entity)]
    lines += [f"#T_SP={c.layer}|{c.feature}" for c in layers.custom]
    if events:
        slot = f"ROLE_{EVENT_LAYER}:{EVENT_SLOT}_{EVENT_LINK}|{layers.slot_target}"
        lines.append(f"#T_SP={EVENT_LAYER}|" + "|".join(slot if f == EVENT_SLOT else f for f in events))
    lines += [f"#T_SP={x.layer}|" + "|".join(x.columns) for x in layers.own_events]
    if layers.comments:
        lines.append(f"#T_SP={COMMENT_LAYER}|" + "|".join(layers.comments))
    lines += [f"#T_CH={layer}|referenceRelation|referenceType" for layer in ch_layers]
    lines += [
        f"#T_RL={layer}|{''.join(f + '|' for f in names)}BT_{rel_base[layer]}" for layer, names in rel_layers.items()
    ]
    lines.append("")
    annotated = set(ne_at) | set(custom_keys) | set(ev_at) | set(rel_at) | set(ch_at) | set(co_at)
    bare = "\t".join([EMPTY] * len(cells((-1, 0, 0)))) + "\t"  # the cells of a row without annotations
    rebuilt: list[str] = []  # the text as an import rebuilds it from the sentences (UTF-16 lengths, as it counts)
    at16 = 0
    marked = {key[0] for key in annotated} | set(subs)  # word tokens whose rows carry something
    for n, (a, z) in enumerate(bounds, start=1):
        s, e = rows.starts[a], rows.ends[z - 1]
        if at16 > s16[a]:  # the sentence starts where the one before ends: no line break between
            rebuilt[-1] = rebuilt[-1][:-1]
        else:
            rebuilt.append(" " * (s16[a] - at16))
        rebuilt.append(text[s:e] + "\n")
        at16 = e16[z - 1] + 1
        lines.append("")
        lines += [f"#Text={escape_text(part)}" for part in text[s:e].split("\n")]
        for k in range(a, z):
            b, f = rows.starts[k], rows.ends[k]
            if k not in marked:
                lines.append(f"{n}-{k - a + 1}\t{s16[k]}-{e16[k]}\t{text[b:f]}\t{bare}")
                continue
            key = (k, b, f)
            tail = "\t".join(cells(key)) + "\t" if key in annotated else bare
            lines.append(f"{n}-{k - a + 1}\t{s16[k]}-{e16[k]}\t{text[b:f]}\t{tail}")
            for j, key in enumerate(subs.get(k, ()), start=1):
                b, f = key[1], key[2]
                span16 = f"{u16.to_utf16(b)}-{u16.to_utf16(f)}"
                lines.append(f"{n}-{k - a + 1}.{j}\t{span16}\t{text[b:f]}\t" + "\t".join(cells(key)) + "\t")
    if "".join(rebuilt)[:-1] != text[: rows.ends[-1]]:
        report.problem(
            "documents whose text outside the sentences comes back as line breaks and spaces (WebAnno TSV keeps only "
            "the sentences)",
            name,
        )
    return "\n".join(lines) + "\n"


def event_features(schema: Schema, decisions: bool = False) -> tuple[str, ...]:
    """The features of the layer ``webanno.custom.Event`` in the order INCEpTION writes a layer's features (by name):
    the slot ``arguments``, the event attributes (``polarity``, ...), with ``decisions`` the state, source and score,
    and ``type``; none for a schema without events."""
    if not schema.events:
        return ()
    return tuple(sorted({EVENT_SLOT, "type", *(a.name for a in schema.attributes), *(DECISION_FEATURES * decisions)}))


@export_writer("webanno")
def write_webanno(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """A folder of WebAnno TSV 3.3 files (with ``split=...``, one subfolder per part)."""
    assignment = split_option(project, request.statuses, dict(request.options))
    report = FormatExportReport(format="webanno")
    decisions = option_choice(dict(request.options), "decisions", ("no", "yes")) == "yes"
    events = event_features(project.schema, decisions)
    with atomic_folder(out, "a WebAnno TSV export") as folder:
        used: set[str] = set()
        for part in parts_of(assignment):
            if part:
                (folder / part).mkdir()
        for rec, toks in records_with_tokens(project, request, report):
            body = document_tsv(rec, toks, report, events, decisions)
            if body is None:
                continue
            part = assignment[rec["id"]]
            stem = unused_stem(file_stem(rec["name"], ""), part, used, rec["id"])  # story.txt.tsv: story.txt back
            data = body.encode("utf-8")
            try:
                (folder / part / f"{stem}.tsv").write_bytes(data)
            except OSError as exc:  # name the document; atomic_folder removes the half-made folder
                raise AnnotatorError(
                    f"{out}: export failed at document {rec['name']!r} (file {stem}.tsv): {exc.strerror or exc}; "
                    "nothing was replaced"
                ) from None
            report.bytes += len(data)
    report.files = [str(out)]
    return report
