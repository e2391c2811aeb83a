"""doccano JSONL import, both forms:

- ``{"text": ..., "label": [[start, end, "LABEL"], ...]}`` (also ``labels``; ``entities`` as such lists beside
  ``cats``, doccano's intent detection and slot filling);
- ``{"text": ..., "entities": [{"id", "start_offset", "end_offset", "label"}], "relations": [{"id",
  "from_id", "to_id", "type"}]}``; doccano 1.x's ``"annotations"`` objects are read as ``entities`` (one that gives its
  label as a number, doccano's label id, refuses the file: the name is not in it).

Offsets may be UTF-16 units (doccano runs in a browser): doccano gives no span text, so for texts with
characters outside the BMP the reading that puts the spans on clean word edges wins (ties: code points),
and the choice is reported. ``id``/``name`` name the document; other keys go to its meta; document categories (a
text classification project's ``"label": ["positive"]``, doccano 1.x's ``annotations`` without offsets) to its meta's
``doccano_categories``, which the doccano export writes back (``label``, or ``cats`` beside ``entities``); ``Comments``
(strings, or ``{"id", "comment"}`` objects as doccano's relation-mode export writes them) become comments.
A ``.json`` file (one object or an array, pretty-printed or not, as doccano's samples are) is read too, and doccano's
text classification uploads that are not JSON, its CSV and fastText files (``formats.doccano_tables``). Labels are
named as the schema names them (``formats.schema_names``: ``PER`` is the news schema's ``PERSON``, its alias). A bad
line refuses the whole file unless the reader is asked to skip bad lines (``skip_bad``, ``--skip-bad``). A label naming an event type is a trigger; relations from it are arguments.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.errors import ImportFileError, UnknownLabelsError
from annotator.categories import CATEGORIES
from annotator.formats.doccano_seq2seq import kept_as_targets
from annotator.formats.reading import (
    LabelTally,
    blank_lines_note,
    blank_text,
    categories_note,
    ReadResult,
    iter_json_array,
    iter_json_values,
    json_array_text,
    need,
    read_text_file,
    whole_number,
)
from annotator.formats.utf16_spans import (
    CODE_POINTS,
    GRAPHEMES,
    READ_AS_GRAPHEMES,
    UTF16,
    fit_span,
    graphemes_fit,
    offsets_reading,
    task_reads_utf16,
    utf16_said_once,
)
from annotator.formats.doccano_names import DOCCANO_ID, intent_categories
from annotator.formats.event_attributes_record import by_region
from annotator.formats.meta_keys import DOCCANO, DOCCANO_FORM, EVENT_ATTRIBUTES, EVENT_TYPES
from annotator.formats.regions import Region, build_document
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.formats.told_types import (
    EventUses,
    add_regions,
    nothing_to_tell,
    read_with_told_types,
    recorded_types,
)
from annotator.offsets import Utf16Map
from annotator.schema import Schema, default_schema
from annotator.wording import counted


def line_text(obj: dict[str, Any]) -> Any:
    """A line's text: ``text``, or ``data`` where a line has no ``text`` and ``data`` is a string: doccano 1.4's and
    1.5's sequence-labelling download wrote ``{"id", "data", "label": [[start, end, LABEL]]}`` (doccano issue 1522),
    which was refused as "'text' must be a non-empty string" (session 34)."""
    return obj.get("text", obj["data"] if isinstance(obj.get("data"), str) else None)


RESERVED = ("text", "label", "labels", "entities", "annotations", "relations", "Comments", "comments", "id", "name")


def _listed_span(
    x: Any, k: int, key: str, path: Path, line: int, spans: list[tuple], said: dict[Any, str], warnings: list[str]
) -> None:
    """One ``[start, end, "LABEL"]`` (or ``[start, end, "LABEL", "its text"]``) of a line's ``label`` or ``entities``
    list into ``spans`` (the same span and label twice is one entity, said in ``warnings``)."""
    need(
        isinstance(x, list) and len(x) in (3, 4) and isinstance(x[2], str) and isinstance(x[-1], str),
        path,
        line,
        f'{key} {k} must be [start, end, "LABEL"] or [start, end, "LABEL", "its text"]',
    )
    first = next((j for j, s_, e_, lab in spans if (s_, e_, lab) == (x[0], x[1], x[2])), None)
    if first is not None:  # the same span and label twice (doccano's example_overlapping.jsonl): one entity
        warnings.append(f"{path}:{line}: {key} {k}, a second {x[2]} on {x[0]}-{x[1]} ({key} {first} is it)")
        return
    spans.append((k, x[0], x[1], x[2]))
    if len(x) == 4:
        said[k] = x[3]


def _regions(
    obj: dict[str, Any], path: Path, line: int, warnings: list[str], categories: list[str]
) -> tuple[list[tuple], list[tuple], dict[Any, str]]:
    """The line's spans (key, start, end, label), relations (from, to, type) and the span texts it gives (by key:
    ``[start, end, "LABEL", "text"]``, as Chinese NER sets converted to doccano's shape write them, or an entity
    object's ``text``); its document categories (a text classification project's labels: strings in ``label``, or
    ``annotations`` objects without offsets) go to ``categories``."""
    spans, relations, said = [], [], {}
    key = "entities" if "entities" in obj else "annotations" if "annotations" in obj else None
    if key is not None:  # doccano 1.x's download writes "annotations" objects, each label by its id
        need(isinstance(obj[key], list), path, line, f"'{key}' must be a list")
        for k, e in enumerate(obj[key]):
            if isinstance(e, list):  # doccano's intent detection and slot filling: [start, end, "LABEL"] slots
                _listed_span(e, k, key, path, line, spans, said, warnings)
                continue
            need(isinstance(e, dict), path, line, f'{key} {k} must be an object or [start, end, "LABEL"]')
            label = e.get("label")
            if "start_offset" not in e and isinstance(label, str):  # a category of the document (text classification)
                categories.append(label)
                continue
            if "start_offset" not in e and label is not None:
                warnings.append(f"{path}:{line}: document category {label!r}")
                continue
            need(
                not whole_number(label),
                path,
                line,
                f"{key} {k} gives label {label!r}, a doccano label id, not its name (doccano 1.x's download); "
                "export the project again as JSONL with label names, or put the names in place of the ids",
            )
            need(isinstance(label, str), path, line, f"{key} {k} needs a label")
            spans.append((e.get("id", k), e.get("start_offset"), e.get("end_offset"), label))
            if isinstance(e.get("text"), str):  # its text, as PaddleNLP's doccano exports give it: checks the offsets
                said[e.get("id", k)] = e["text"]
        rels = obj.get("relations") or []
        need(isinstance(rels, list), path, line, "'relations' must be a list")
        for k, r in enumerate(rels):
            need(isinstance(r, dict) and isinstance(r.get("type"), str), path, line, f"relation {k} needs a type")
            relations.append((r.get("from_id"), r.get("to_id"), r["type"]))
        # categories beside entities, as this project's doccano export wrote them until session 15
        labels = obj.get("label")
        if isinstance(labels, list) and all(isinstance(x, str) for x in labels):
            categories += labels
    else:
        labels = obj.get("label", obj.get("labels", []))
        need(isinstance(labels, list), path, line, "'label' must be a list")
        for k, x in enumerate(labels):
            if isinstance(x, str):  # a category of the document (text classification)
                categories.append(x)
                continue
            _listed_span(x, k, "label", path, line, spans, said, warnings)
    for key, s, e, _ in spans:
        need(
            type(s) is int and type(e) is int,
            path,
            line,
            f"span {key!r}: offsets must be whole numbers, got {s!r}, {e!r}",
        )
    return spans, relations, said


def _comments(obj: dict[str, Any]) -> list[str]:
    """``Comments`` as strings, or as doccano's relation-mode objects ``{"id", "comment"}`` (also ``text``)."""
    out = []
    for c in obj.get("Comments", obj.get("comments", [])) or []:
        if isinstance(c, dict):
            c = c.get("comment", c.get("text"))
        if isinstance(c, str) and c.strip():
            out.append(c)
    return out


def _document(  # type: ignore[no-untyped-def]
    obj: Any,
    path: Path,
    line: int,
    schema: Schema | None,
    warnings: list[str],
    notes: list[str],
    names: SchemaNames | None,
):
    need(isinstance(obj, dict), path, line, "each line must be a JSON object")
    text = line_text(obj)
    need(isinstance(text, str) and text != "", path, line, "'text' must be a non-empty string")
    if names is not None:
        names.tell(obj)  # our export's record of the names it spelt (brat's Attack for Conflict:Attack)
    categories: list[str] = []
    spans, relations, said = _regions(obj, path, line, warnings, categories)
    attributes = by_region(spans, obj.get(EVENT_ATTRIBUTES), relations)  # our export's, on the triggers' regions
    form: dict[str, Any] = {}  # how the line was written, for the doccano export to write it the same way
    if "entities" not in obj and "label" not in obj and "labels" not in obj and intent_categories(obj):
        form["entity_lists"] = True  # an intent line without slots ("cats" alone): written back so, not as "label"
    elif "entities" not in obj:
        form["labels_key"] = "labels" if "labels" in obj and "label" not in obj else "label"
    elif (
        isinstance(obj["entities"], list)
        and all(isinstance(e, list) for e in obj["entities"])
        and (obj["entities"] or intent_categories(obj) and "relations" not in obj)
    ):
        form["entity_lists"] = True  # an intent line's slots (none: "entities": [] beside its cats), written back so
    as_graphemes, reading = None, CODE_POINTS
    if said:  # a span whose text fits neither as code points nor as UTF-16 units: grapheme clusters, all of them?
        u16 = Utf16Map(text)
        if any(fit_span(text, s, e, said[k], u16) is None for k, s, e, _ in spans if k in said):
            as_graphemes = graphemes_fit(text, [(s, e, said.get(k)) for k, s, e, _ in spans])
        how = "the spans' texts fit them that way"
    elif (reading := offsets_reading(text, [(s, e) for _, s, e, _ in spans])) == GRAPHEMES:
        as_graphemes = graphemes_fit(text, [(s, e, None) for _, s, e, _ in spans], told=True)
        how = "they fit the words that way"
    if as_graphemes is not None:  # doccano's "Count grapheme clusters as one character" (grapheme_mode)
        spans = [(k, s, e, lab) for (k, _, _, lab), (s, e) in zip(spans, as_graphemes)]
        form["graphemes"] = True
        if said:
            form["texts"] = True
        notes.append(f"{path}:{line}: {READ_AS_GRAPHEMES} ({how})")
    elif said:  # the spans' own texts say how the offsets count (code points, else UTF-16 units), as Label Studio's
        utf16 = task_reads_utf16(text, [(s, e, said[k]) for k, s, e, _ in spans if k in said])
        fitted = []
        for k, s, e, lab in spans:
            got = fit_span(text, s, e, said[k], u16, utf16) if k in said else (s, e, "")
            need(got is not None, path, line, f"span {k} ({lab}): offsets {s}, {e} do not hold {said.get(k)!r}")
            assert got is not None
            fitted.append((k, got[0], got[1], lab))
            if got[2]:
                form["utf16"] = True
        spans = fitted
        form["texts"] = True
        if form.get("utf16"):
            notes.append(f"{path}:{line}: offsets read as UTF-16 units (the spans' texts fit them that way)")
    elif reading == UTF16:
        u16 = Utf16Map(text)
        spans = [(k, u16.to_codepoint(s), u16.to_codepoint(e), lab) for k, s, e, lab in spans]
        notes.append(f"{path}:{line}: offsets read as UTF-16 units (they fit the words that way)")
        form["utf16"] = True
    regions = []
    for key, s, e, label in spans:
        need(
            0 <= s < e <= len(text),
            path,
            line,
            f"span {key!r} ({label}) has offsets {s}, {e} outside the text ({counted(len(text), 'character')}) or empty",
        )
        regions.append(Region(key, s, e, label, dict(attributes.get(key, {}))))
    name = obj.get("name", obj.get("id"))
    meta = {k: v for k, v in obj.items() if k not in (*RESERVED, EVENT_TYPES, EVENT_ATTRIBUTES)}
    if "text" not in obj:  # doccano 1.4's and 1.5's download: the text under "data", not its meta (session 34)
        meta.pop("data", None)
    if "id" in obj:
        meta[DOCCANO_ID] = obj["id"]
    if form:
        meta[DOCCANO_FORM] = form
    if categories:  # kept for the doccano export to write back (the project has no place for them)
        meta[CATEGORIES] = categories
    doc = build_document(
        text,
        str(name) if name is not None else f"{path.name}:{line}",
        regions,
        relations,
        schema,
        path,
        line,
        warnings,
        source="doccano",
        meta=meta,
        keep_as=DOCCANO,
        notes=notes,
        comments=_comments(obj),
        names=names,
        fill_defaults=EVENT_ATTRIBUTES not in obj,  # our export records every value its events have
    )
    spelt = given_spellings(names)  # PER for PERSON, attacker for Attacker: written back as the file spelt them
    if spelt:
        doc.meta.setdefault(DOCCANO_FORM, {}).update(spelt)
    return doc


def _lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line, object or the ImportFileError of a line that is not JSON) for each non-blank line."""
    for number, raw in enumerate(read_text_file(path).split("\n"), start=1):
        if raw.strip():
            try:
                yield number, orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield number, ImportFileError(str(path), f"not valid JSON ({exc}); is the line cut short?", number)


def _items(path: Path) -> Iterator[tuple[int, Any]]:
    """The file's objects with their lines: a JSON array, doccano's CSV or fastText upload (as the lines of its JSONL),
    else JSONL."""
    from annotator.formats.doccano_tables import csv_items, fasttext_items, is_fasttext, is_tab_table

    suffix = path.suffix.lower()
    if suffix == ".json":
        return iter_json_array(path)
    if suffix in (".csv", ".tsv"):
        return csv_items(path)
    text = read_text_file(path).lstrip("\ufeff")
    if suffix == ".txt" and is_tab_table(text.split("\n", 1)[0]):
        return csv_items(path)  # a sheet Excel saved as "Unicode Text" or "Text (Tab delimited)"
    if suffix != ".jsonl" and is_fasttext(text.split("\n", 200)[:200]):
        return fasttext_items(path)
    first = next((x for x in text.split("\n", 50) if x.strip()), "")
    if first.strip() == "{" or json_array_text(text):  # objects over several lines (doccano's export dialog's example)
        return iter_json_values(path)  # or one array (session 29: refused at line 1 under a .jsonl name)
    return _lines(path)


def _tell_line(obj: Any, uses: EventUses, schema: Schema, names: SchemaNames) -> None:
    """The events of a relation export's line whose types it records (our export's ``event_types``) and ``schema``
    lacks, in ``uses`` (``told_types.add_regions``): doccano's relations have no place for an event, so its trigger
    came in as an entity label, its arguments as relations between entities."""
    types = recorded_types(obj.get(EVENT_TYPES)) if isinstance(obj, dict) else []
    entities, relations = (obj.get("entities"), obj.get("relations")) if types else (None, None)  # none: done
    given = [e.get("label") for e in entities if isinstance(e, dict)] if isinstance(entities, list) else []
    if nothing_to_tell(schema, types, given):  # a news project's own export: one look at its names
        return
    types = [names.region(x) for x in types]  # those the schema lacks told; its own told the labels they lack
    labels: dict[Any, list[str]] = {}
    for e in entities if isinstance(entities, list) else ():
        if isinstance(e, dict) and isinstance(e.get("id"), (int, str)) and isinstance(e.get("label"), str):
            labels.setdefault(e["id"], []).append(names.region(e["label"]))
    drawn = [
        (r.get("from_id"), r.get("to_id"), r.get("type"))
        for r in (relations if isinstance(relations, list) else ())
        if isinstance(r, dict) and all(isinstance(r.get(k), (int, str)) for k in ("from_id", "to_id"))
    ]
    if labels:
        spans = [
            (e.get("id"), e.get("start_offset"), e.get("end_offset"), e.get("label"))
            for e in entities  # type: ignore[union-attr]
            if isinstance(e, dict)
        ]
        add_regions(uses, schema, types, labels, drawn, by_region(spans, obj.get(EVENT_ATTRIBUTES), drawn))


def read_doccano(path: str | Path, schema: Schema | None = None, skip_bad: bool = False) -> ReadResult:
    """A doccano JSONL export (or a ``.json`` file holding one object or an array of them, pretty-printed or not).

    A bad line refuses the whole file, unless ``skip_bad``: then it is left out and reported, and the other lines
    are read. The event types its lines record (our export's) and ``schema`` lacks are told from their entities and
    relations, as a Label Studio file's (``ReadResult.told``): the file read again with the schema grown by them.
    """
    path = Path(path)
    base = schema or default_schema()
    return read_with_told_types(
        path,
        schema,
        base,
        lambda s, uses: _read(path, s, skip_bad, uses),
        "a doccano file",
        "lines",
        "a doccano line",
    )


def _read(path: Path, schema: Schema | None, skip_bad: bool, uses: EventUses | None) -> ReadResult | None:
    """The file read with ``schema``; with ``uses``, the events of types its lines record and the schema lacks put
    there, and None when there are any (they are to be told first)."""
    seen = SchemaNames(schema or default_schema())  # the record's look of its own: ``names`` counts the documents'
    warnings: list[str] = []
    notes: list[str] = []
    docs = []
    unknown = LabelTally(path)  # labels the schema lacks: named all at once, after the whole file
    names = SchemaNames(schema) if schema is not None else None  # PER as the news schema's PERSON (its alias)
    items = _items(path)
    blank: list[int] = []  # the lines whose text is spaces alone: left out, as an empty file is
    for line, obj in items:
        try:
            if isinstance(obj, ImportFileError):
                raise obj
            if isinstance(obj, dict) and blank_text(line_text(obj)):
                blank.append(line)
                continue
            if uses is not None:
                _tell_line(obj, uses, schema or default_schema(), seen)
            docs.append(_document(obj, path, line, schema, warnings, notes, names))
        except UnknownLabelsError as exc:
            if not skip_bad:
                unknown.add(exc)
                continue
            warnings.append(f"{path}:{line}: {exc.reason}; the line was left out (skip bad lines)")
        except ImportFileError as exc:
            if not skip_bad:
                raise
            warnings.append(f"{path}:{line}: {exc.reason}; the line was left out (skip bad lines)")
    if uses is not None and uses.any_told():
        return None
    unknown.check()
    need(bool(docs) or not blank, path, None, "no documents in the file: every text is spaces and line breaks alone")
    need(bool(docs), path, None, "no documents in the file")
    notes += blank_lines_note(path, blank)
    notes = utf16_said_once(path, notes, "line", unit="line")
    notes = utf16_said_once(path, notes, "line", unit="line", reading=READ_AS_GRAPHEMES)
    notes += kept_as_targets(path, docs)  # a sequence-to-sequence export's texts, not categories
    notes += categories_note(path, docs, "a text classification's labels")
    notes += names.notes(str(path)) if names is not None else []
    return ReadResult(docs, None, warnings, notes)
