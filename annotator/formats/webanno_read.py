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
  shape doccano's and Label Studio's imports keep; ``"stacked": [i, j]`` when an end is the i-th of stacked spans alike
  in label and place, ``PER[1]|PER[3]``, in the document's order) for the exports to write back; the app does not
  show them.
- Coreference chains (``#T_CH`` layers) are kept as relations from each mention to the one before it (``webanno_chains``:
  a mention on no entity's span becomes an entity labelled with its ``referenceType``, or ``Mention``).
- Left out, and said so in warnings: relations whose ends are not entities, a chain of one mention, spans without a label,
  layers of several features none named as a label, links that point at something that is not an entity, zero-width spans, sentence ids,
  entity links (``NamedEntity|identifier``).
Bad input refuses the file with its line. Labels and event types the schema lacks are added to it
(``webanno_schema``): the result's ``schema``, told from the files (``ReadResult.told``), matched to the project's by
``schema_match``'s rule (``Meet`` is the news schema's ``Contact:Meet``); what it still lacks a project without documents
takes, one with documents refuses (``--add-types`` adds it).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.reading import LabelTally, ReadResult, check_with_line, need, need_known_labels, read_text_file
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.formats.webanno_annotations import (
    Warnings,
    drop_stand_ins,
    entities_of,
    events_of,
    link_counts,
    linked_layers,
    relations_of,
)
from annotator.formats.webanno_chains import CHAIN_MENTIONS
from annotator.formats.webanno_chains_read import read_chains
from annotator.formats.set_meta_kept import OWN, own_meta
from annotator.formats.webanno_layout import Layout, read_layout
from annotator.formats.webanno_schema import extended_schema
from annotator.formats.webanno_tsv2 import as_tsv3, is_tsv2
from annotator.formats.webanno_tsv import (
    ZERO_WIDTH,
    DECISION_FEATURES,
    EVENT_LAYERS,
    LABEL_VALUES,
    LAYER_FEATURES,
    SOURCE,
    SPAN_FEATURES,
    SPAN_LAYERS,
    UNSET_LABELS,
    is_webanno_file,
)
from annotator.importing import IncomingDocument
from annotator.text_encoding import file_encoding
from annotator.wording import counted, first_named
from annotator.schema import Schema, default_schema


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
    linked = folder_links(files) if len(files) > 1 else None
    for f in files:
        name = f.relative_to(path).with_suffix("").as_posix() if f != path else f.stem
        result.documents.append(read_document(f, name, result, frozenset(a.name for a in schema.attributes), linked))
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
    if extended is not None:  # the project's schema grown by what the layers use: told from the files, as a
        # DyGIE++ file's, it goes through schema_match's rule in a new project as in one holding documents (a layer's
        # Meet is the news schema's Contact:Meet; what still lacks is added to a new project, and said there)
        use, result.told = extended, True
        result.schema = use
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
        # each annotator's own kept relations and links in her set's record (``set_meta_kept``): a document keeps one meta
        covers = {user: {"source": f"webanno:{folder.name}", OWN: own_meta(d.meta)} for user, d in users}
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
        for end in (rel["from"], rel["to"]):  # an event's stand-in (``drop_stand_ins``): by its type's name
            end[2] = renamed.get(end[2], types.get(end[2], end[2]))
    for key in (SPAN_LAYERS, LABEL_VALUES, UNSET_LABELS):
        kept = doc.meta.get(SOURCE, {}).get(key)
        if kept:
            doc.meta[SOURCE][key] = {renamed.get(k, k): v for k, v in kept.items()}
    for given in doc.meta.get(SOURCE, {}).get(SPAN_FEATURES, ()):  # [begin, end, label, layer, features]
        given[2] = renamed.get(given[2], given[2])


def _layout(lines: list[str], path: Path) -> tuple[Layout, bool, bool]:
    """A file's lines as its layout, and whether they ended in CR LF and were WebAnno TSV 2 (read as TSV 3.3)."""
    crlf = bool(lines) and lines[0].endswith("\r")
    if crlf:
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    tsv2 = bool(lines) and is_tsv2(lines[0])
    if tsv2:  # WebAnno 2's TSV: read as the TSV 3.3 it stands for
        lines = as_tsv3(lines, path)
    return read_layout(lines, path), crlf, tsv2


def folder_links(files: list[Path]) -> frozenset[str] | None:
    """The layers with slot features read as entities in every file of a folder (``linked_layers`` of the links of
    all its files, so a document whose TIMEX3 spans no TLINK points at reads them as the others do); None, each file
    on its own, when none declares two layers with slot features (our own export's one: nothing to weigh)."""
    many = [f for f in files if _slot_layers(f) > 1]
    if not many:
        return None
    counts: Counter[tuple[str, str]] = Counter()
    for f in many:
        counts += link_counts(_layout(read_text_file(f, nuls_kept=True).split("\n"), f)[0], f)
    return linked_layers(counts)


def _slot_layers(path: Path) -> int:
    """How many layers with slot features the file's header declares (its lines before the first text)."""
    n = 0
    with open(path, "rb") as fh:
        encoding = file_encoding(fh.read(4))  # the import's, or the one its byte order mark names
    with open(path, encoding=encoding, errors="replace") as fh:
        for line in fh:
            if line.startswith("#Text=") or line.startswith("#text="):
                break
            n += line.startswith("#T_SP=") and "|ROLE_" in line
    return n


def _declared_features(layout: Layout, entities: dict[int, Any]) -> dict[str, list[str]]:
    """layer -> its declared features (the decision features aside: read as decisions), for each span layer that gave
    an entity (``entities`` by ``id`` of its annotation) and declares more than one."""
    used = {a.layer for a in layout.spans if id(a) in entities}
    out: dict[str, list[str]] = {}
    for layer, cols in layout.layers("span").items():
        names = [c.feature for c in cols if c.role == "feature" and c.feature not in DECISION_FEATURES]
        if layer in used and len(names) > 1:
            out[layer] = names
    return out


def read_document(
    path: Path,
    name: str,
    result: ReadResult,
    attributes: frozenset[str] = frozenset(),
    linked: frozenset[str] | None = None,
) -> IncomingDocument:
    """One ``.tsv`` file as one document (not yet checked against a schema); what it has and the project keeps not
    goes in ``result.warnings``; an event layer's features named as the schema's ``attributes`` are event attributes;
    ``linked``: the layers with slot features whose spans are entities (``folder_links``), else told from the file."""
    layout, crlf, tsv2 = _layout(read_text_file(path, nuls_kept=True).split("\n"), path)
    if crlf:
        result.notes.append(f"{path}: lines end in CR LF; read as LF")
    if tsv2:
        result.notes.append(
            f"{path}: WebAnno TSV 2 (no offsets: each token found in its sentence's '#text=', the sentences a line "
            "each), read as TSV 3.3"
        )
    if not layout.utf16:
        result.notes.append(f"{path}: offsets read as code points (the tokens fit them that way, not as UTF-16 units)")
    doc = IncomingDocument(layout.text, name, source_path=str(path), source_line=1)
    doc.tokens = ([u.begin for u in layout.tokens], [u.end for u in layout.tokens], layout.sentence_starts)
    doc.tokens_source = SOURCE
    warn = Warnings(path, result.warnings)
    span_layers: dict[str, list[str]] = {}
    values: dict[str, str] = {}
    unset: dict[str, str] = {}
    zero: list[list[Any]] = []
    features: list[list[Any]] = []
    kb_links: list[list[Any]] = []
    entities = entities_of(
        layout, doc, warn, result.notes, path, span_layers, values, unset, zero, linked, features, kb_links
    )
    event_layers: dict[str, dict[str, Any]] = {}
    events_of(layout, entities, doc, warn, path, attributes, event_layers, linked)
    kept = relations_of(layout, entities, warn, path)
    drop_stand_ins(doc, kept)
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
    # the mentions that are the chain's alone and in a link: the export writes them back in the chain, on no span
    # layer (a chain of one mention keeps no link: its entity goes out as any other)
    ends = {tuple(r[k]) for r in links for k in ("from", "to")}
    made_of = [[e.start, e.end, e.label] for e in doc.entities[before:] if (e.start, e.end, e.label) in ends]
    if made_of:
        doc.meta.setdefault(SOURCE, {})[CHAIN_MENTIONS] = made_of
    declared = _declared_features(layout, entities)
    if declared:  # the features the layers that gave entities declared, set or not: the export declares them back
        doc.meta.setdefault(SOURCE, {})[LAYER_FEATURES] = declared
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
    if kb_links:  # INCEpTION's entity links: every export with a place for a link writes them (``entity_links``)
        doc.meta.setdefault(SOURCE, {})["links"] = kb_links
        result.notes.append(
            f"{path}: {counted(len(kb_links), 'entity link')} (NamedEntity identifier) kept for the exports that write "
            "links (WebAnno TSV, brat's N lines, Prodigy's nel.manual answers, a DocBin's kb_id; the app does not show them)"
        )
    if values:  # the values that are no label names, as the export writes them back
        doc.meta.setdefault(SOURCE, {})[LABEL_VALUES] = values
    if features:  # E3C's TIMEX3 value beside its class: the export writes them back on their layer
        doc.meta.setdefault(SOURCE, {})[SPAN_FEATURES] = features
        named = Counter(f"{layer} {f}" for _, _, _, layer, given in features for f in given)
        result.notes.append(
            f"{path}: {counted(len(features), 'span')} with features beside their label ("
            + ", ".join(f"{k}: {n}" for k, n in sorted(named.items()))
            + ") kept for the export to WebAnno TSV, which writes them back (the app does not show them)"
        )
    for layer, n in layout.chains.items():
        warn.add(f"chain layer {layer}: {counted(n, 'chain link')} without a referenceRelation column (no chains)")
    if layout.sentence_ids:
        warn.add(f"{counted(layout.sentence_ids, 'sentence id')} (#Sentence.id)")
    warn.flush()
    return doc
