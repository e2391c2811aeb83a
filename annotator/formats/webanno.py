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
  Label Studio import kept go on ``webanno.custom.Relation|label`` (brat's too, one from an event going from a
  ``NamedEntity`` on its trigger labelled with its type, which the import takes for the event); the coreference chains it kept as relations
  (``webanno_chains``) go back on their chain layers (``#T_CH=LAYER|referenceRelation|referenceType``).
- ``decisions=yes``: each entity's and event's state, source and score as features of its layer
  (``NamedEntity|score|source|state|value``), the document's comments on ``webanno.custom.Comment|author|text``.
Lost: entity and event states, sources, scores and comments (unless ``decisions=yes``), annotators, document status
and meta.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from annotator.errors import AnnotatorError
from annotator.exporting import atomic_folder
from annotator.formats.problem_place import Where
from annotator.formats.brat import name_parts, unused_stem
from annotator.formats.common import option_choice
from annotator.formats.writing import FormatExportReport, parts_of, records_with_tokens, split_option
from annotator.formats.entity_links import DB_ID, inception_identifier, links_of, webanno_links
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.kept_relations import EVENT_ENDED, event_ended_shared, from_words, kept_relations
from annotator.formats.meta_keys import BRAT, PRODIGY
from annotator.formats.regions_out import KEPT, kept_ends
from annotator.formats.tokens import DocTokens
from annotator.formats.webanno_tsv import (
    DECISION_FEATURES,
    EVENT_SLOT,
    ANY_SPAN,
    NAMED_ENTITY,
    RELATION_LAYER,
    SOURCE,
)
from annotator.formats.schema_names import GivenSpellings
from annotator.formats.webanno_chains import (
    ChainLink,
    chain_mentions,
    is_chain_link,
    kept_chains,
    with_equivalences,
)
from annotator.formats.webanno_render import Layers, render
from annotator.formats.webanno_rows import Relation, Rows, Span, UnitKey
from annotator.formats.webanno_own import (
    SpanLayer,
    declared_features,
    event_layers,
    label_values,
    own_feature,
    span_features,
    span_layers,
    unset_labels,
    zero_width,
)
from annotator.schema import Schema
from annotator.store import Project


def _layer_cells(spans: list[Span]) -> dict[UnitKey, list[Span]]:
    """Each unit's spans of one layer, in order."""
    at: dict[UnitKey, list[Span]] = {}
    for sp in spans:
        for key in sp.units:
            at.setdefault(key, []).append(sp)
    return at


def _give_ids(at: dict[UnitKey, list[Span]], spans: list[Span], n: int, named: frozenset[int] = frozenset()) -> int:
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
    rows = Rows(text, toks)
    if not rows.starts:
        report.problem("documents left out (no tokens: only whitespace)", name, Where(rec.get("id"), name).at())
        return None

    def place(start: int, end: int, what: str, label: str | None = None) -> list[UnitKey] | None:
        where = Where(rec.get("id"), name, what, label)
        got = rows.units(start, end)
        if got is None:
            report.problem(
                "spans left out (in the space between tokens)", f"{where} [{start}, {end})", where.at(start, end)
            )
            return None
        if got[1] != (start, end):
            report.problem(
                "span edges in the space between tokens moved to the tokens",
                f"{where} [{start}, {end}) -> [{got[1][0]}, {got[1][1]})",
                where.at(start, end),
            )
        return got[0]

    entities: dict[int, Span] = {}
    on_layer: dict[str, list[Span]] = {}  # a project's own span layer -> its entities
    own = span_layers(rec, decisions, report)
    shown = label_values(rec)  # a label read from a value that is no label name ('A.2 Landform') goes out as that
    spelt = GivenSpellings.of_meta(rec["meta"])  # the labels, types and roles as the file it came from spelt them
    not_labelled = unset_labels(rec)  # labels read for spans without a value (the layer's name): written back so
    kept_features = span_features(rec["meta"])  # E3C's TIMEX3 value beside its class, on the span it came with
    kb_ids = links_of(rec["meta"])  # the entities' knowledge-base links, from whichever file: NamedEntity's identifier
    stacked = webanno_links(rec["meta"])  # a WebAnno TSV import's own, by label too: a stack's spans each their own
    own_spans = {(s, e) for s, e, _ in stacked}
    for e in rec["entities"]:
        units = place(e["start"], e["end"], f"entity {e['label']}", e["label"])
        if units is not None:
            written = shown.get(e["label"], spelt.label(e["label"]))  # as the file spelt it (INCEpTION's PER)
            extra = _decision(e) if decisions else {}
            at = (e["start"], e["end"])
            kb_id = stacked.get((*at, written)) if at in own_spans else kb_ids.get(at)
            if kb_id is not None and e["label"] not in own:
                extra["identifier"] = _identifier(kb_id, f"{name}: {e['label']} [{e['start']}, {e['end']})", report)
            entities[e["id"]] = Span(units, written, extra=extra, unset=e["label"] in not_labelled)
            if e["label"] in own:
                layer = own[e["label"]][0]
                on_layer.setdefault(layer, []).append(entities[e["id"]])
                entities[e["id"]].attributes = kept_features.get((e["start"], e["end"], e["label"], layer), {})
    zero = [(Span([rows.point(at)], spelt.label(lab)), lay, f) for at, lab, lay, f in zero_width(rec)]
    for sp, layer, feature in [z for z in zero if z[1] != NAMED_ENTITY]:  # the zero-width spans an import kept
        own.setdefault(sp.value, (layer, feature))
        on_layer.setdefault(layer, []).append(sp)
    triggers: list[Span] = []
    own_events = event_layers(rec) if events else {}  # event type -> the project's own event layer it came from
    if own_events and decisions:
        report.problem(
            "events on a project's own layers written without their decisions (those layers keep their features)",
            name,
        )
    if events:
        for v in rec["events"]:
            units = place(v["trigger"]["start"], v["trigger"]["end"], f"event {v['type']}", v["type"])
            if units is None:
                continue
            written = spelt.label(v["type"])
            sp = Span(units, written, attributes=dict(v["attributes"]), extra=_decision(v) if decisions else {})
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
    stand_ins: dict[tuple[int, int, str], Span | None] = {}  # an event that is a relation's end: its NamedEntity
    at_trigger = {(v["trigger"]["start"], v["trigger"]["end"], v["type"]) for v in rec["events"]} if events else set()

    def stand_in(start: int, end: int, etype: str) -> Span | None:
        if (start, end, etype) in at_trigger and (start, end, etype) not in stand_ins:
            units = place(start, end, f"event {etype}", etype)
            stand_ins[(start, end, etype)] = Span(units, spelt.label(etype)) if units is not None else None
        return stand_ins.get((start, end, etype))

    relations = _relations(rec, entities, report, stand_in)
    chains = _chains(rec, entities, report)
    elsewhere = {id(sp) for spans in on_layer.values() for sp in spans}
    elsewhere |= _chain_only(rec, entities, events)  # a chain's mentions alone: in the chain, on no span layer
    ne_spans = [sp for sp in entities.values() if id(sp) not in elsewhere] + [
        z[0] for z in zero if z[1] == NAMED_ENTITY
    ]
    ne_spans += [sp for sp in stand_ins.values() if sp is not None]
    ne_at = _layer_cells(ne_spans)
    declared = declared_features(rec["meta"])  # INCEpTION declares a layer's every feature, set or not
    custom = [
        SpanLayer(
            layer,
            own_feature(own, layer),
            _layer_cells(spans),
            _extras(spans, own_feature(own, layer), declared.get(layer, ())),
        )
        for layer, spans in on_layer.items()
    ]
    ev_at = _layer_cells(triggers)
    own_layers = list({id(x): x for x in own_events.values() if x.spans}.values())  # each once, those with events
    for x in own_layers:
        x.at = _layer_cells(x.spans)
    notes = [
        Span([(0, rows.starts[0], rows.ends[0])], "", extra={"author": c.get("author"), "text": c.get("text")})
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
    linked = any("identifier" in sp.extra for sp in ne_spans)
    layers = Layers(events, decisions, custom, ANY_SPAN if any_span else NAMED_ENTITY, own_layers, spelt, linked)
    layers.entity_declared = tuple(f for f in declared.get(NAMED_ENTITY, ()) if f != "value") if ne_spans else ()
    return render(rows, ne_at, ev_at, co_at, relations, chains, layers, report, name)


def _extras(spans: list[Span], feature: str, declared: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The features beside ``feature`` the layer's spans have values of (``span_features``) or the file it came from
    declared (``declared_features``), by name."""
    return tuple(sorted(({f for sp in spans for f in sp.attributes} | set(declared)) - {feature})) if feature else ()


def _identifier(kb_id: str, where: str, report: FormatExportReport) -> str:
    """A link as INCEpTION's identifier (``inception_identifier``), what was written otherwise than it was kept said:
    a Wikidata id as its IRI, an id of no knowledge base (neither an IRI nor ``DB:ID``) as it is, linked to none."""
    written = inception_identifier(kb_id)
    if written != kb_id:
        report.problem("entity links written as Wikidata IRIs (INCEpTION's identifier)", f"{where}: {kb_id}")
    elif "://" not in kb_id and not DB_ID.match(kb_id):
        report.problem(
            "entity links of no knowledge base written as they are (INCEpTION links an IRI of one)", f"{where}: {kb_id}"
        )
    return written


def _decision(x: dict[str, Any]) -> dict[str, Any]:
    """An entity's or event's state, source and score, as the features ``decisions=yes`` writes."""
    return {"state": x["state"], "source": x["source"], "score": x.get("score")}


def _stacks(rec: dict[str, Any], entities: dict[int, Span]) -> dict[tuple[int, int, str], list[Span]]:
    """The written entities by their ``(start, end, label)``, as kept relations name their ends: the ones alike in
    label and place (stacked) in the document's order."""
    out: dict[tuple[int, int, str], list[Span]] = {}
    for e in rec["entities"]:
        if e["id"] in entities:
            out.setdefault((e["start"], e["end"], e["label"]), []).append(entities[e["id"]])
    return out


def _by_span(rec: dict[str, Any], entities: dict[int, Span]) -> dict[tuple[int, int, str], Span]:
    """The first written entity of each ``(start, end, label)``."""
    return {k: v[0] for k, v in _stacks(rec, entities).items()}


def _chain_only(rec: dict[str, Any], entities: dict[int, Span], events: bool) -> set[int]:
    """The spans (by ``id``) of the entities a WebAnno TSV import made of coreference mentions on no other span
    (``webanno_chains.chain_mentions``), still as they came and no event's argument: the chain columns write them,
    the ``NamedEntity`` layer does not (the round trip gave the file's ``pro`` and ``nom`` mentions NamedEntity spans
    it never had). One a person relabelled or resized, or put in an event, is an entity of the project's own."""
    made = chain_mentions(rec["meta"])
    if not made:
        return set()
    arguments = {a["entity_id"] for v in rec["events"] for a in v["arguments"]} if events else set()
    return {
        id(entities[e["id"]])
        for e in rec["entities"]
        if e["id"] in entities and e["id"] not in arguments and (e["start"], e["end"], e["label"]) in made
    }


def _chains(
    rec: dict[str, Any], entities: dict[int, Span], report: FormatExportReport
) -> list[tuple[str, list[ChainLink]]]:
    """The coreference chains a WebAnno TSV import kept as relations (``webanno_chains``), and brat's equivalences as
    chains (``with_equivalences``), between the spans written."""
    by_span = _by_span(rec, entities)
    labels = {(s, e): label for s, e, label in by_span}
    brat = rec["meta"].get(BRAT)
    return kept_chains(
        with_equivalences(
            rec["meta"].get(SOURCE),
            brat.get("equivalences") if isinstance(brat, dict) else None,
            lambda s, e: labels.get((s, e)),
        ),
        lambda x: by_span.get(tuple(x)) if isinstance(x, list) else None,
        lambda what: report.problem("coreference links left out (a mention is gone)", f"{rec['name']}: {what}"),
    )


def _relations(
    rec: dict[str, Any],
    entities: dict[int, Span],
    report: FormatExportReport,
    stand_in: Callable[[int, int, str], Span | None],
) -> list[Relation]:
    """The relations between entities a WebAnno TSV, doccano, Label Studio or Prodigy import kept in the meta
    (``kept_relations``), between the
    spans they join (one whose end is gone is left out and reported); doccano's and Label Studio's go on the layer
    ``webanno.custom.Relation`` with their type as its ``label``. An end that is an event (brat's ``Cause Arg1:E1
    Arg2:T3``, ``event_ended_shared``; one a WebAnno TSV import read so) goes from ``stand_in(start, end, type)``, a
    ``NamedEntity`` on its trigger labelled with its type, as a nested event's stand-in is written."""
    stacks = _stacks(rec, entities)
    out = []
    from_events, left = event_ended_shared(rec["meta"])
    for t in left:  # brat's with an end that is a relation, or roles of their own: the layer joins two spans
        report.problem(EVENT_ENDED, f"{rec['name']}: {t}")
    kept = [*kept_relations(rec["meta"], (SOURCE, *KEPT, PRODIGY, BRAT)), *((BRAT, r) for r in from_events)]
    for key, r in kept:
        if key == SOURCE and is_chain_link(r):
            continue
        if from_words(r):
            report.problem("relations from words that are no entity left out", f"{rec['name']}: {r.get('type')}")
            continue
        ends = [
            got if got is not None or not _is_end(x) else stand_in(*x)
            for got, x in zip(kept_ends(r, stacks), (r.get("from"), r.get("to")))
        ]
        if ends[0] is None or ends[1] is None:
            report.problem("relations between entities left out (an end is gone)", f"{rec['name']}: {r.get('type')}")
            continue
        features = r.get("features") if key == SOURCE and isinstance(r.get("features"), dict) else None
        layer = r.get("layer") if key == SOURCE and isinstance(r.get("layer"), str) else RELATION_LAYER
        base = r.get("base") if key == SOURCE and isinstance(r.get("base"), str) else NAMED_ENTITY
        out.append(Relation(layer, features if features is not None else {"label": r.get("type")}, *ends, base))
    return out


def _is_end(x: Any) -> bool:
    """A kept relation's end in the shared shape, ``[start, end, label]``."""
    return isinstance(x, list) and len(x) == 3 and type(x[0]) is int and type(x[1]) is int and isinstance(x[2], str)


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
    assignment = split_option(
        project, request.statuses, dict(request.options), request.annotation_set, request.documents
    )
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
            inner, base = name_parts(rec["name"], "")  # story.txt.tsv: story.txt back; sub/story.txt into sub/
            part = "/".join(x for x in (assignment[rec["id"]], inner) if x)
            (folder / part).mkdir(parents=True, exist_ok=True)
            stem = unused_stem(base, part, used, rec["id"])
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
