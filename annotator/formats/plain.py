"""The project's plain inputs, told by their suffix: a ``.txt`` file is one document; a ``.jsonl`` file holds one
document a line (``text``, optional ``name`` or ``id``, ``meta``, ``spans`` of ``start``, ``end``, ``label``), and a
line of the project's own JSONL export is read as the export (``project_json_read.parse_document``); ``entities`` as
``[start, end, label]`` lists (spaCy's training JSONL, an empty list too) are read as spans; other keys of a
line (``cats``, ...) go to the document's meta. Given the project's schema, a line of ``entities`` lists is read as
doccano's and CoNLL's are: its labels named as the schema names them (``PER`` as the news schema's ``PERSON``, said in
a note; ``formats.schema_names``), a label naming an event type a trigger, and the labels the schema still lacks
named all at once for the whole file (``UnknownLabelsError``: a new project's import adds them to its schema)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


from annotator.errors import ImportFileError
from annotator.formats.doccano_names import intent_categories
from annotator.formats.duee import duee_as_line, duee_note, is_duee_line
from annotator.formats.reading import (
    LabelTally,
    blank_lines_note,
    blank_text,
    ReadResult,
    iter_jsonl,
    need,
    objects_over_lines,
    need_known_labels,
    read_file_bytes,
    trigger_labels,
)
from annotator.formats.project_json_names import FORMAT
from annotator.formats.project_json_read import export_result, load_json, parse_document
from annotator.formats.meta_keys import DOCCANO_FORM
from annotator.formats.regions import Region, build_document
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.formats.told_types import EventUses, told_note, told_schema
from annotator.importing import IncomingDocument, IncomingEntity, decode_text
from annotator.text_encoding import head_text
from annotator.schema import Schema
from annotator.wording import counted


def read_txt(path: Path) -> IncomingDocument:
    """A .txt file as one document, its text exactly as read (strict UTF-8; a BOM is noted and dropped)."""
    data = read_file_bytes(path)
    text, bom = decode_text(data, str(path))
    if blank_text(text):  # an empty document, as an empty file would be: skipped by the import with this reason
        raise ImportFileError(str(path), "empty file (spaces and line breaks alone, no text)")
    return IncomingDocument(text=text, name=path.name, bom=bom, source_path=str(path))


def _span_objects(value: Any) -> bool:
    """displaCy's manual form of entities (``"ents": [{"start", "end", "label"}, ...]``, character offsets, as
    ``displacy.render(..., manual=True)`` takes them and tutorials save them): session 31, they went to the meta and
    the entities were lost without a word."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(x, dict) and "start" in x and "end" in x and "label" in x for x in value)
    )


def _cluener(value: Any) -> bool:
    """CLUENER2020's form of entities (``"label": {"name": {"叶老桂": [[9, 11]]}, ...}``: each label's mentions by their
    words, each a list of ``[start, end]`` character offsets, both ends inclusive; the shape of its ``train.json``, JSON
    lines, and of the Chinese NER sets converted to it): session 32, it went to the meta and the entities were lost
    without a word."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(
            isinstance(label, str)
            and isinstance(said, dict)
            and all(isinstance(w, str) and isinstance(at, list) and bool(at) for w, at in said.items())
            for label, said in value.items()
        )
    )


def _cluener_spans(value: dict[str, Any], text: str, path: str, line: int) -> list[dict[str, Any]]:
    """CLUENER's mentions as spans, end exclusive; a mention whose offsets do not hold its words refuses the line."""
    spans = []
    for label, said in value.items():
        for words, places in said.items():
            for at in places:
                ok = isinstance(at, list) and len(at) == 2 and all(type(x) is int for x in at)
                ok = ok and 0 <= at[0] <= at[1] < len(text) and text[at[0] : at[1] + 1] == words
                need(ok, path, line, f"label {label!r}: {words!r} is not at {at!r} (CLUENER's offsets, end inclusive)")
                spans.append({"start": at[0], "end": at[1] + 1, "label": label})
    return sorted(spans, key=lambda x: (x["start"], x["end"]))


def _triples(value: Any) -> bool:
    """spaCy's training JSONL form of entities: ``[[start, end, label], ...]`` (our export's are objects)."""
    return isinstance(value, list) and all(isinstance(x, list) and len(x) == 3 for x in value)


# a line of the project's own JSONL export has these (a training line with "entities": [] has none of them)
EXPORT_KEYS = ("events", "sha256", "status", "comments")
OWN_KEYS = ("text", "name", "id", "meta", "spans", "entities")
SPAN_EVENTS = (
    "{path}: {events} with the trigger as a [start, end] list and arguments as spans (events-dev's and M2E2's shape) "
    "not made events (an argument span names no entity label); the texts came in, each document's events kept as "
    "they were in its meta 'events' (docs/formats.md: 'Events as spans')"
)
DYGIEPP_LINE = (
    "a DyGIE++ line (doc_key, sentences of tokens), not the project's JSONL: import it without --format (it is told "
    "from its content) or with --format dygiepp"
)
SPACY_V2_JSON = (
    "spaCy v2's JSON training format (paragraphs of sentences of tokens), not the project's JSONL: import it without "
    "--format (it is told from its content) or with --format spacy"
)
DOCCANO_LABELS = ("task_type", "background_color", "suffix_key")  # a label of doccano's "Export Labels" file
PATTERNS = (
    "a line of match patterns (label, pattern: spaCy's EntityRuler, Prodigy's --patterns), not a document: they find "
    "spans in texts; import the texts to annotate"
)


def _doccano_label_list(obj: Any) -> str:
    """The refusal of a label of doccano's label list (a project's label types, not a document)."""
    return (
        f"doccano's label list (label {obj.get('text')!r}, {obj.get('task_type')}), not documents: import doccano's "
        "dataset export (its JSONL, whose labels come with its texts), or give the project a schema with these labels"
    )


def span_events(obj: Any) -> int:
    """How many events a line gives in events-dev's (M2E2's converted) shape: each a trigger as ``[start, end]``, its
    arguments as spans without an entity (0 when it has none, or events of another shape). Such a line is read for
    its text, name and entities; its events, which name no entity label for an argument to point at, go to the
    document's meta (``events``) as they were, nothing lost, and the file's import says so once."""
    events = obj.get("events") if isinstance(obj, dict) else None
    if not isinstance(events, list) or not events or any(k in obj for k in ("sha256", "status", "comments")):
        return 0
    shaped = all(isinstance(v, dict) and isinstance(v.get("trigger"), list) for v in events)
    return len(events) if shaped else 0


def as_read(obj: dict[str, Any]) -> dict[str, Any]:
    """A line's object as it is read: events-dev's events (``span_events``) moved to its meta, kept as they were."""
    if not span_events(obj):
        return obj
    return {k: v for k, v in obj.items() if k != "events"} | {
        "meta": {**(obj.get("meta") or {}), "events": obj["events"]}
    }


def export_line(obj: dict[str, Any]) -> bool:
    """Is ``obj`` (``as_read``) a line of the project's JSONL export (its labels checked once the roles' are told)?"""
    triples = not any(k in obj for k in EXPORT_KEYS) and _triples(obj.get("entities"))
    return ("entities" in obj or "events" in obj) and not triples


def parse_jsonl_object(obj: Any, path: str, line: int, names: SchemaNames | None = None) -> IncomingDocument:
    """One line of the simple JSONL input: text, optional name/id, meta, spans or ``entities`` as
    ``[start, end, label]`` lists (spaCy's training JSONL); or a line of the project's JSONL export (its labels
    checked by the caller, ``_parsed``, once the labels the roles lack are told). With ``names`` (the project's schema)
    the ``entities`` lists are built as the other tools' spans are (``regions.build_document``: labels as the schema
    names them, event types as triggers, unknown labels refused counted)."""
    need(isinstance(obj, dict), path, line, "each line must be a JSON object")
    need("text" in obj or "sentences" not in obj or "doc_key" not in obj, path, line, DYGIEPP_LINE)
    need("text" in obj or not isinstance(obj.get("paragraphs"), list), path, line, SPACY_V2_JSON)
    need(not all(k in obj for k in DOCCANO_LABELS), path, line, _doccano_label_list(obj))
    need("text" in obj or "pattern" not in obj or "label" not in obj, path, line, PATTERNS)
    obj = as_read(obj)
    if export_line(obj):
        return parse_document(obj, path, line)  # its labels checked by ``_parsed`` once the roles' are told
    triples = _triples(obj.get("entities"))
    text = obj.get("text")
    need(isinstance(text, str) and text != "", path, line, "'text' must be a non-empty string")
    name = obj.get("name", obj.get("id"))
    name = str(name) if name is not None else f"{Path(path).name}:{line}"
    meta = obj.get("meta", {})
    need(isinstance(meta, dict), path, line, "'meta' must be an object")
    if "id" in obj:
        meta = {**meta, "id": obj["id"]}
    displacy = "spans" not in obj and not triples and _span_objects(obj.get("ents"))  # displaCy's manual input
    cluener = "spans" not in obj and not triples and _cluener(obj.get("label"))
    own = (*OWN_KEYS, "ents") if displacy else (*OWN_KEYS, "label") if cluener else OWN_KEYS
    # what the line has and the project has no field for (doccano's and spaCy's "cats", ...) is kept in meta
    meta = {**meta, **{k: v for k, v in obj.items() if k not in own and k not in meta}}
    ents = []
    spans = obj.get("spans", [])
    need(isinstance(spans, list), path, line, "'spans' must be a list")
    what = "span"
    if triples:
        need("spans" not in obj, path, line, "give 'spans' or 'entities', not both")
        spans, what = [{"start": a, "end": b, "label": c} for a, b, c in obj["entities"]], "entity"
    elif displacy:
        spans, what = obj["ents"], "ent"
    elif cluener:
        spans, what = _cluener_spans(obj["label"], text, path, line), "label"
    for k, s in enumerate(spans):
        need(isinstance(s, dict), path, line, f"span {k} must be an object")
        start, end, label = s.get("start"), s.get("end"), s.get("label")
        need(
            type(start) is int and type(end) is int and 0 <= start < end <= len(text),
            path,
            line,
            f"{what} {k} has bad offsets {start!r}, {end!r} (text has {counted(len(text), 'character')})",
        )
        need(isinstance(label, str) and label != "", path, line, f"{what} {k} needs a label")
        ents.append(IncomingEntity(k, start, end, label))
    # doccano's intent detection and slot filling lines (slots as lists, "cats" a list of names): the doccano export
    # writes them back in that shape, their labels as the line spelt them (session 38: its relation shape)
    intent = not cluener and ("entities" not in obj or triples) and intent_categories(obj)
    if (triples or cluener) and names is not None:
        regions = [Region(e.key, e.start, e.end, e.label) for e in ents]
        doc = build_document(text, name, regions, [], names.schema, Path(path), line, [], meta=meta, names=names)
        spelt = given_spellings(names)  # asked each line: a line keeps its own spellings
        if intent:
            doc.meta[DOCCANO_FORM] = {"entity_lists": True, **spelt}
        return doc
    if intent:
        meta = {**meta, DOCCANO_FORM: {"entity_lists": True}}
    return IncomingDocument(text=text, name=name, meta=meta, source_path=path, entities=ents)


def _parsed(items: Any, path: Path, schema: Schema | None) -> ReadResult:
    """The documents of (number, object) ``items``, each numbered by its line or place; with ``schema``, the labels
    it lacks refused once for the whole file, naming them all, and the names matched to its own said in a note."""
    names = SchemaNames(schema) if schema is not None else None
    unknown = LabelTally(path)
    docs = []
    as_spans = 0
    uses = EventUses()  # events of types the schema lacks, and their attributes' values it lacks: told from them
    own: list[tuple[int, IncomingDocument]] = []  # the lines of the project's JSONL: labels checked after the telling
    duee = placed = 0  # DuEE's lines, and their arguments placed by their words alone
    blank: list[int] = []  # the lines whose text is spaces alone: left out, as an empty file is
    for number, obj in items:
        if isinstance(obj, dict) and blank_text(obj.get("text")):
            blank.append(number)
            continue
        if is_duee_line(obj):  # made a line of the project's JSONL (its types told from the events)
            obj, by_words = duee_as_line(obj, str(path), number)
            duee, placed = duee + 1, placed + by_words
        as_spans += span_events(obj)
        with unknown.collect():
            doc = parse_jsonl_object(obj, str(path), number, names)
            doc.source_line = number
            docs.append(doc)
            if schema is None or not export_line(as_read(obj)):
                continue
            own.append((number, doc))
            labels = {e.key: e.label for e in doc.entities}
            for v in doc.events:
                uses.attributes(schema, v.attributes)
                filled = [(r, labels.get(key)) for r, key in v.arguments]
                if schema.event_type(v.type) is not None:  # a label its roles lack (a schema's own Person, Place)
                    uses.lacking(schema, v.type, filled)
                else:  # it was refused, naming the JSON export as the way in
                    uses.add(v.type, [(r, x if x and schema.label(x) else None) for r, x in filled])
    need(
        bool(docs) or not blank,
        path,
        None,
        "no documents in file: every text is spaces and line breaks alone (or none)",
    )
    told = told_schema(schema, uses, path, "lines without a schema") if schema is not None else None
    use = told or schema
    known = trigger_labels(use) | set(use.label_names) if use is not None else set()
    for number, doc in own:  # tallied as other files' labels are (a new project's import adds those left)
        if any(e.label not in known for e in doc.entities):
            with unknown.collect():
                need_known_labels(use, (e.label for e in doc.entities), path, number)  # type: ignore[arg-type]
    unknown.check()
    warnings = [SPAN_EVENTS.format(path=path, events=counted(as_spans, "event"))] if as_spans else []
    notes = names.notes(str(path)) if names is not None else []
    notes += blank_lines_note(path, blank)
    if duee:
        notes.append(duee_note(path, duee, placed))
    if told is None or schema is None:
        return ReadResult(docs, None, warnings, notes)
    how = (
        "(and labels, roles, attributes) told from their events' arguments (the lines bring no schema; the project's "
        "JSON export carries it)"
    )
    notes.append(told_note(path, schema, how))
    said = "its events' types and attributes (told from the events: the lines bring no schema) are types"
    # the project's own labels filling the roles of the schema's types (Person, Place for PERSON, GPE): kept as the
    # lines spell them, added as the labels of lines without events are (``labels_added``), the roles taking them
    added = () if uses.per_type else tuple(uses.new_labels)
    return ReadResult(docs, told, warnings, notes, schema_from=said, told=True, labels_added=added)


def read_jsonl(path: Path, schema: Schema | None = None) -> ReadResult:
    """The whole file or nothing: the first bad line names the file and line (``schema``: ``parse_jsonl_object``)."""
    said: list[str] = []  # objects written over several lines: said once the file is read
    first = next(iter_jsonl(path, []), None)
    if first is not None and isinstance(first[1], dict) and first[1].get("format") == FORMAT:
        # the project's JSON export under a .jsonl name (export -f json -o out.jsonl): it was read as lines, its one
        # object a document without a text ("'text' must be a non-empty string")
        return read_json(path, schema)
    result = _parsed(iter_jsonl(path, said), path, schema)
    if not result.documents:
        raise ImportFileError(str(path), "no documents in file")
    result.notes[:0] = said
    return result


def _json_lines(data: bytes) -> bool:
    """Whether a file that is not one JSON value holds JSON lines: its first two lines that are not blank are JSON
    objects each."""
    import json

    lines = [x for x in head_text(data[: 1 << 20]).split("\n", 50)[:50] if x.strip()][:2]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(x), dict) for x in lines)
    except ValueError:
        return False


def read_json(path: Path, schema: Schema | None = None) -> ReadResult:
    """A ``.json`` file: the project's JSON export, or a list of documents as the JSONL input gives them one a line
    (``[{"text": ...}, ...]``: ``json.dump`` of a list, pandas' ``to_json(orient="records")``; it was "not an
    annotator JSON export"), the number in its messages an item's place in the list."""
    data = read_file_bytes(path)
    try:
        obj = load_json(data, path)
    except ImportFileError:
        if not _json_lines(data) and not objects_over_lines(head_text(data[: 1 << 16])):
            raise
        # JSONL under a .json name (session 29: "unexpected content after document"), or documents written over
        # several lines one after another (session 34: refused as the JSON export)
        return read_jsonl(path, schema)
    if isinstance(obj, dict) and isinstance(obj.get("text"), str) and "format" not in obj:
        return _parsed([(1, obj)], path, schema)  # one document, as a JSONL line gives it (session 34: refused)
    if not isinstance(obj, list):
        return export_result(obj, path)
    need(bool(obj), path, None, "no documents in the list")
    return _parsed(enumerate(obj, start=1), path, schema)
