"""WebAnno TSV 3.x import (INCEpTION's and WebAnno's exchange format): a file is one document, a folder every file in
it that starts with ``#FORMAT=WebAnno TSV`` (the other files are counted as skipped); INCEpTION's project export
(``annotation/DOC/USER.tsv``, ``curation/DOC/CURATION_USER.tsv``) by document, in annotation sets
(``project_export_sets``).

- The text is rebuilt from the ``#Text=`` lines as INCEpTION rebuilds it (``webanno_layout``); the token rows
  become the document's stored tokens and sentences (pipeline ``webanno``), so a token export cuts it as the file did.
- ``NamedEntity`` spans become entities labelled with their ``value``; a span layer of one feature (not one of DKPro
  Core's token-level layers: POS, lemma, ...) gives entities too, its values as labels (a note says which layer), as
  does a layer of several features one of which is named as a label (``LABEL_FEATURES``: GUM's ``Referent|entity|...``)
  and a layer without features (its spans labelled with its short name).
- A span layer with slot features (``ROLE_...`` and its target column) is an event layer: each span is an event
  (its type: the feature ``type``, else the layer's one feature, else the layer's name), each slot link an argument
  whose role is the link's role (or the slot's name when the link has none) and whose filler is the entity the link
  points at.
- Relations (``#T_RL`` layers) between two entities are kept in the document's meta (``meta["webanno"]["relations"]``:
  ``{"layer", "type", "features", "from": [start, end, label], "to": [...]}``, ``type`` the first feature's value, the
  shape doccano's and Label Studio's imports keep) for the exports to write back; the app does not show them.
- Coreference chains (``#T_CH`` layers) are kept as relations from each mention to the one before it (``webanno_chains``:
  a mention on no entity's span becomes an entity labelled with its ``referenceType``, or ``Mention``).
- Left out, and said so in warnings: relations whose ends are not entities, a chain of one mention, spans without a label,
  layers of several features none named as a label, links that point at something that is not an entity, zero-width spans, sentence ids,
  entity links (``NamedEntity|identifier``).
Bad input refuses the file with its line. Labels and event types the schema lacks are added to it
(``webanno_schema``): the result's ``schema``, which a project without documents takes.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.reading import LabelTally, ReadResult, check_with_line, need, need_known_labels, read_text_file
from annotator.formats.schema_growth import as_label_name
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.formats.webanno_chains import read_chains
from annotator.formats.webanno_layout import Annotation, Column, Layout, read_layout
from annotator.formats.webanno_schema import extended_schema
from annotator.formats.webanno_tsv import (
    ZERO_WIDTH,
    ANY_SPAN,
    COMMENT_FEATURES,
    COMMENT_LAYER,
    DECISION_FEATURES,
    EVENT_LAYER,
    EVENT_LAYERS,
    LABEL_VALUES,
    NAMED_ENTITY,
    SOURCE,
    SPAN_LAYERS,
    TOKEN_LAYERS,
    UNSET_LABELS,
    is_webanno_file,
    short_name,
    split_suffix,
)
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.wording import counted, first_named
from annotator.model import STATES
from annotator.schema import Schema, default_schema, is_label_name


def read_webanno(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """A WebAnno TSV 3.x file, or a folder of them (each a document)."""
    path = Path(path)
    schema = schema or default_schema()
    result = ReadResult([], schema_from="its layers give labels and event types")
    if path.is_dir():
        found = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
        files = [f for f in found if is_webanno_file(f)]
        need(bool(files), path, None, "no WebAnno TSV files in the folder (none starts with '#FORMAT=WebAnno TSV')")
        taken = set(files)
        others = [f.relative_to(path).as_posix() for f in found if f not in taken]
        if others:  # an INCEpTION project export's source texts and project file, say
            shown = first_named(others, 3)
            result.warnings.append(f"{path}: files that are not WebAnno TSV, skipped: {len(others)} ({shown})")
    else:
        need(path.is_file(), path, None, "no such file or folder")
        files = [path]
    for f in files:
        name = f.relative_to(path).with_suffix("").as_posix() if f != path else f.stem
        result.documents.append(read_document(f, name, result, frozenset(a.name for a in schema.attributes)))
    if path.is_dir():
        result.documents = project_export_sets(path, files, result.documents, result.notes)
    names = SchemaNames(schema)  # INCEpTION's PER, LOC, ORG as the schema spells them where it declares them
    for doc in result.documents:
        _rename(doc, names)
        spelt = given_spellings(names)  # INCEpTION's PER for PERSON: written back as the file spelt it
        if spelt:
            doc.meta.setdefault(SOURCE, {}).update(spelt)
    result.notes += names.notes(str(path))  # what had no match is added to the schema below, and said there
    use = schema
    extended = extended_schema(schema, result.documents, path)
    if extended is not None:
        use, added = extended
        result.schema = use
        result.notes.append(
            f"{path}: the schema {schema.name!r} lacks {', '.join(added[:6])}{' and more' if len(added) > 6 else ''} "
            "that the files use: added to it (a project without documents takes it; one with documents refuses the "
            "files)"
        )
    tally = LabelTally(path)  # labels the schema lacks and cannot be given: named all at once
    for doc in result.documents:
        with tally.collect():
            need_known_labels(
                use, [e.label for e in doc.entities] + [v.type for v in doc.events], doc.source_path or path, 1
            )
            check_with_line(use, doc, doc.source_path or path, 1)
    tally.check()
    return result


EXPORT_PARTS = ("annotation", "curation")  # INCEpTION's (and WebAnno's) project export: PART/DOCUMENT/USER.tsv
NO_ANNOTATOR = "INITIAL_CAS"  # the document as first imported, in some exports: nobody's annotations


def project_export_sets(
    folder: Path, files: list[Path], docs: list[IncomingDocument], notes: list[str]
) -> list[IncomingDocument]:
    """The documents of an INCEpTION project export (``annotation/DOC/USER.tsv`` for each annotator, ``curation/DOC/
    CURATION_USER.tsv`` for the curated version) each under its document's name, in annotation sets as a Label Studio
    task of several annotators comes in: the curated version into the import's set (status ``reviewed``) and every
    annotator's into a set named after them; without a curated version, one annotator's into the import's set and
    several annotators' each into their own set, the import's set without a decision. Other files are left as they
    are. Each file was read as a document of its own (``annotation/story.txt/bob``), every one after the first "a
    duplicate": only the first annotator's work came in, the curated version never."""
    groups: dict[str, list[tuple[str, str, IncomingDocument]]] = {}
    rest: list[IncomingDocument] = []
    for f, doc in zip(files, docs):
        parts = f.relative_to(folder).parts
        if len(parts) >= 3 and parts[-3] in EXPORT_PARTS and f.stem != NO_ANNOTATOR:
            groups.setdefault(parts[-2], []).append((parts[-3], f.stem, doc))
        else:
            rest.append(doc)
    out: list[IncomingDocument] = []
    for name, members in groups.items():
        curated = [d for part, _, d in members if part == "curation"]
        users = [(user, d) for part, user, d in members if part == "annotation"]
        for d in curated[:1]:
            d.name, d.status = name, "reviewed"
            out.append(d)
        if not curated and len(users) == 1:
            users[0][1].name = name
            out.append(users[0][1])
            continue
        covers = {user: {"source": f"webanno:{folder.name}"} for user, _ in users}
        for d in curated[:1]:
            d.meta["annotation_sets"] = covers
        for user, d in users:
            d.name, d.annotation_set = name, user
            for x in [*d.entities, *d.events]:
                x.annotator = user
            d.meta["annotation_sets"] = covers  # teams.sets.META_KEY: the sets that cover the document
            out.append(d)
        said = (
            "the curated version (curation/) is the import's set's"
            if curated
            else "no curated version: the import's set has no decision yet (compare them with annotator agree, "
            "settle them with Review > Adjudicate differences)"
        )
        notes.append(
            f"{folder}: {name}: INCEpTION's project export: the annotations of {counted(len(users), 'annotator')} "
            f"({', '.join(u for u, _ in users)}) are kept each in an annotation set of its own; {said}"
        )
        if len(curated) > 1:
            notes.append(f"{folder}: {name}: {len(curated)} curated versions; the first is used")
    return out + rest


def _rename(doc: IncomingDocument, names: SchemaNames) -> None:
    """The document's labels, event types and roles as the schema names them where it has them, the kept
    relations' ends too (an export finds their entities by span and label)."""
    renamed: dict[str, str] = {}
    for e in doc.entities:
        ours = names.label(e.label)
        renamed[e.label] = ours
        e.label = ours
    types: dict[str, str] = {}
    roles: dict[tuple[str, str], str] = {}  # (the file's type, its role) -> the role as renamed
    for v in doc.events:
        given, v.type = v.type, names.event_type(v.type)
        types[given] = v.type
        renamed_args = [(names.role(v.type, role), key) for role, key in v.arguments]
        roles.update({(given, old): new for (old, _), (new, _) in zip(v.arguments, renamed_args)})
        v.arguments = renamed_args
    own = doc.meta.get(SOURCE, {}).get(EVENT_LAYERS)
    for given, kept in list((own or {}).items()):  # the own event layers' types and roles as the events now name them
        kept["slots"] = {roles.get((given, r), r): slot for r, slot in kept["slots"].items()}
        kept["unset"] = [roles.get((given, r), r) for r in kept["unset"]]
        del own[given]
        own[types.get(given, given)] = kept
    for rel in doc.meta.get(SOURCE, {}).get("relations", ()):
        for end in (rel["from"], rel["to"]):
            end[2] = renamed.get(end[2], end[2])
    for key in (SPAN_LAYERS, LABEL_VALUES, UNSET_LABELS):
        kept = doc.meta.get(SOURCE, {}).get(key)
        if kept:
            doc.meta[SOURCE][key] = {renamed.get(k, k): v for k, v in kept.items()}


def read_document(
    path: Path, name: str, result: ReadResult, attributes: frozenset[str] = frozenset()
) -> IncomingDocument:
    """One ``.tsv`` file as one document (not yet checked against a schema); what it has and the project keeps not
    goes in ``result.warnings``; an event layer's features named as the schema's ``attributes`` are event attributes."""
    lines = read_text_file(path).split("\n")
    if lines and lines[0].endswith("\r"):
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
        result.notes.append(f"{path}: lines end in CR LF; read as LF")
    layout = read_layout(lines, path)
    if not layout.utf16:
        result.notes.append(f"{path}: offsets read as code points (the tokens fit them that way, not as UTF-16 units)")
    doc = IncomingDocument(layout.text, name, source_path=str(path), source_line=1)
    doc.tokens = ([u.begin for u in layout.tokens], [u.end for u in layout.tokens], layout.sentence_starts)
    doc.tokens_source = SOURCE
    warn = _Warnings(path, result.warnings)
    span_layers: dict[str, list[str]] = {}
    values: dict[str, str] = {}
    unset: dict[str, str] = {}
    zero: list[list[Any]] = []
    entities = _entities(layout, doc, warn, result.notes, path, span_layers, values, unset, zero)
    event_layers: dict[str, dict[str, Any]] = {}
    _events(layout, entities, doc, warn, path, attributes, event_layers)
    kept = _relations(layout, entities, warn, path)
    before = len(doc.entities)
    links = read_chains(layout, doc, SOURCE, warn)
    if len(doc.entities) > before:
        made = ", ".join(f"{k} {n}" for k, n in Counter(e.label for e in doc.entities[before:]).most_common())
        result.notes.append(
            f"{path}: {counted(len(doc.entities) - before, 'coreference mention')} on no entity's span came in as "
            f"entities labelled with their referenceType, or Mention without one ({made})"
        )
    if links:
        result.notes.append(
            f"{path}: {counted(len(links), 'coreference link')} kept as relations from each mention to the one before "
            "it in its chain, for the export to WebAnno TSV, doccano and Label Studio (the app does not show them)"
        )
    if kept:
        result.notes.append(
            f"{path}: {counted(len(kept), 'relation')} between entities kept for the export to WebAnno TSV, doccano "
            "and Label Studio (the app does not show them)"
        )
    if kept or links:
        doc.meta[SOURCE] = {"relations": kept + links}
    if span_layers:  # the labels of a project's own span layers: the export writes them back there
        doc.meta.setdefault(SOURCE, {})[SPAN_LAYERS] = span_layers
    if event_layers:  # the event types of a project's own event layers: the export writes them back there
        doc.meta.setdefault(SOURCE, {})[EVENT_LAYERS] = event_layers
    if unset:  # the labels read for spans without a value: the export writes them back so
        doc.meta.setdefault(SOURCE, {})[UNSET_LABELS] = unset
        result.notes.append(
            f"{path}: spans without a value read as entities labelled with their layer's name ("
            + ", ".join(sorted(unset))
            + "); the WebAnno TSV export writes them back without one"
        )
    if zero:  # zero-width spans: no entity, written back by the export where they were
        doc.meta.setdefault(SOURCE, {})[ZERO_WIDTH] = zero
        result.notes.append(
            f"{path}: {counted(len(zero), 'zero-width span')} ({', '.join(sorted({z[1] for z in zero}))}) kept for the "
            "export to WebAnno TSV, which writes them back where they were (an entity needs a width: the app does not show them)"
        )
    if values:  # the values that are no label names, as the export writes them back
        doc.meta.setdefault(SOURCE, {})[LABEL_VALUES] = values
    for layer, n in layout.chains.items():
        warn.add(f"chain layer {layer}: {counted(n, 'chain link')} without a referenceRelation column (no chains)")
    if layout.sentence_ids:
        warn.add(f"{counted(layout.sentence_ids, 'sentence id')} (#Sentence.id)")
    warn.flush()
    return doc


class _Warnings:
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


def _label_column(layer: str, cols: list[Column]) -> str | None:
    """The feature whose values label a layer's spans as entities: NamedEntity's ``value``, another layer's only one;
    ``LAYER_NAME`` for a layer without features (``webanno.custom.Quote|``: its spans are quotes)."""
    features = [c.feature for c in cols if c.role == "feature"]
    if layer == NAMED_ENTITY:
        return "value"
    if all(c.role == "placeholder" for c in cols):
        return LAYER_NAME
    if len(features) == 1 and len(cols) == 1:
        return features[0]
    named = {f.lower(): f for f in features}  # several: the one named as a label (GUM's Referent|entity|infstat|...)
    return next((named[n] for n in LABEL_FEATURES if n in named), None) if len(features) == len(cols) else None


def _most_valued(layout: Layout, layer: str, features: list[str]) -> str | None:
    """The feature of ``layer`` that most of its spans give a value (the first such of the header on a tie), or None
    when they give none: the label of a layer whose features are named as no label is (InfoLink's
    ``Dataset|Information|LeftContext|RightContext``, ``Information`` holding ``Title``)."""
    counts = Counter(f for a in layout.spans if a.layer == layer for f in features if a.features.get(f) is not None)
    return max(features, key=lambda f: (counts[f], -features.index(f))) if counts else None


def _where(layout: Layout, a: Annotation) -> str:
    return f"{a.units[0].id} {layout.text[a.begin : a.end]!r}"


def _entities(
    layout: Layout,
    doc: IncomingDocument,
    warn: _Warnings,
    notes: list[str],
    path: Path,
    span_layers: dict[str, list[str]] | None = None,
    values: dict[str, str] | None = None,
    unset: dict[str, str] | None = None,
    zero: list[list[Any]] | None = None,
) -> dict[int, IncomingEntity]:
    """Entities from the span layers that label spans; keyed by ``id`` of the annotation they come from.
    ``span_layers`` gets, for each label that came from a layer other than ``NamedEntity`` (and never from it), that
    layer and its labelling feature (``""`` for a layer without features); ``values``, for each value that is no label
    name (``A.2 Landform``), the label it is read as (``A.2_Landform``) -> the value; ``unset``, for each span whose
    labelling feature is unset (``*``: marked, not yet labelled), the label it is read as, the layer's name -> the
    layer (the export writes such an entity back unset)."""
    out: dict[int, IncomingEntity] = {}
    seen: dict[tuple[int, int, str], list[tuple[IncomingEntity, set[str]]]] = {}  # each entity with its layers
    layers = layout.layers("span")
    used_as_labels: set[str] = set()
    event_layers = {c.layer for c in layout.columns if c.role == "slot_role"}
    label_of = {layer: _label_column(layer, cols) for layer, cols in layers.items()}
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
        feature = label_of[a.layer]
        if feature is None:
            warn.add(f"spans of layer {a.layer}, which has no single feature to label them with", _where(layout, a))
            continue
        label = short_name(a.layer) if feature == LAYER_NAME else a.features.get(feature)
        if a.layer == NAMED_ENTITY and a.features.get("identifier") is not None:
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
        if lost and feature != LAYER_NAME:
            warn.add(f"features of layer {a.layer} other than {feature}", f"{label} {', '.join(lost)}")
        begin, end = a.begin, a.end
        if begin >= end and zero is not None:  # kept for the export: an entity needs a width
            zero.append([begin, label, a.layer, feature])
            continue
        if begin >= end:
            warn.add("zero-width spans", f"{a.units[0].id} {label}")
            continue
        if a.layer != NAMED_ENTITY:
            used_as_labels.add(a.layer)
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


def _events(
    layout: Layout,
    entities: dict[int, IncomingEntity],
    doc: IncomingDocument,
    warn: _Warnings,
    path: Path,
    attributes: frozenset[str],
    own: dict[str, dict[str, Any]] | None = None,
) -> None:
    """Events from the span layers with slot features. ``own`` gets, for each event type read from a layer other
    than ``webanno.custom.Event`` (a project's own, ``SimpleLinkHost``), that layer as the export writes it back
    (``_own_layer``)."""
    layers = layout.layers("span")
    for a in layout.spans:
        cols = layers[a.layer]
        slots = [c for c in cols if c.role == "slot_role"]
        if not slots:
            continue
        features = [c.feature for c in cols if c.role == "feature"]
        attrs = [f for f in features if f in attributes and f != "type"]  # polarity, modality, ... as our export writes
        others = [f for f in features if f not in attrs and f not in DECISION_FEATURES]
        feature = "type" if "type" in others else others[0] if len(others) == 1 else None
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
                if filler is None or id(filler) not in entities:
                    what = "nothing" if filler is None else f"a {short_name(filler.layer)} span"
                    warn.add("arguments that point at no entity", f"{type_} {role} -> {ref} ({what})")
                    continue
                event.arguments.append((role, entities[id(filler)].key))
        doc.events.append(event)


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


def _relations(
    layout: Layout, entities: dict[int, IncomingEntity], warn: _Warnings, path: Path
) -> list[dict[str, object]]:
    """The relations between two entities, in the shape kept in the meta; the others counted as left out."""
    bases = {c.layer: c.target for c in layout.columns if c.role == "base"}
    layers = layout.layers("relation")
    out: list[dict[str, object]] = []
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
        out.append(
            {
                "layer": a.layer,
                "type": next(iter(features.values()), None),
                "features": features,
                "from": [got[0].start, got[0].end, got[0].label],
                "to": [got[1].start, got[1].end, got[1].label],
            }
            | ({"base": base} if base not in (NAMED_ENTITY, ANY_SPAN) else {})  # the span layer its ends are on
        )
    return out
