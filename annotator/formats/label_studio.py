"""Label Studio JSON import (the JSON export: a list of tasks; a .jsonl file of tasks also works).

A JSON-MIN export (a flat object a task) is read as the full export it comes from (``label_studio_forms``:
``from_json_min``); so is the CSV (or TSV) export, JSON-MIN's rows with list and object values written as JSON text
(``iter_csv_tasks``).

Per task (a task without ``data`` is its own data, as Label Studio takes it): the text is ``data[KEY]`` where KEY is the ``to_name`` its results point at when ``data`` has
such a key, else ``data.text``; a task whose text is elsewhere, or is a URL or file reference (tasks of
``valueType="url"`` configs: ``https://...``, ``s3://...``, ``/data/upload/...``) is refused with a message
naming the task. Which annotations and predictions come in, and into which annotation set, is
``label_studio_pick``'s rule (one annotator's: the import's set; several annotators': a set each; predictions as
suggestions). Results: ``labels`` regions (one entity or trigger
per label; a region's notes ``meta.text`` become comments on it), ``relation`` (from a trigger: an argument
whose role is the relation's label, one for each of its labels; ``direction: "left"`` reads it the other way, ``"bi"`` from whichever end is a trigger), per-region
``choices`` whose ``from_name`` is an attribute of the schema (event attributes), ``choices``, ``taxonomy`` and ``rating``
of the whole text (a text classification: the document's categories, ``common.CATEGORIES``, their tags' names kept;
``label_studio_classes``), document ``textarea``
(comments). Other results are reported. Offsets are checked against ``value.text`` and read as UTF-16
units when that is what fits; regions without ``value.text`` (real exports often omit it) go through the
same check as doccano's offsets (``reading.looks_utf16``) for the whole task. Any part of the wrong shape is
an ImportFileError naming the file, the task and the line where the task starts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from annotator.categories import CATEGORIES
from annotator.formats.set_meta_kept import OWN, own_meta, undecided
from annotator.errors import ImportFileError
from annotator.formats.label_studio_config import (
    SUFFIX as CONFIG_SUFFIX,
    EVENT_COLORS,
    config_alone,
    config_beside,
)
from annotator.formats.label_studio_declared import declared_events, relation_types
from annotator.formats.reading import (
    LabelTally,
    blank_lines_note,
    blank_text,
    categories_note,
    ReadResult,
    is_key,
    iter_json_array,
    iter_jsonl,
    listed,
    need,
    trigger_labels,
)
from annotator.formats.utf16_spans import fit_span, looks_utf16, task_reads_utf16, utf16_said_once
from annotator.formats.label_studio_classes import KINDS as CLASS_KINDS, classes_of, region_class
from annotator.formats.label_studio_hypertext import KINDS as HYPERTEXT, SHAPE_KEY as HYPERTEXT_SHAPE, hypertext_of
from annotator.formats.label_studio_forms import (
    CSV_SUFFIXES,
    TASK_KEYS,
    from_json_min,
    iter_csv_tasks,
    min_regions,
    min_tasks,
)
from annotator.formats.label_studio_names import (
    ANNOTATION_KEYS,
    CHOICES_TAG,
    PREDICTION_SCORES,
    REGION_CHOICES,
    TASK_ID,
)
from annotator.formats.label_studio_paragraphs import KIND, SHAPE_KEY, paragraphs_of
from annotator.formats.label_studio_task import (
    REFERENCE,
    result_score,
    status_left_as,
    storable,
    task_shape,
    text_of,
)
from annotator.formats.label_studio_pick import (
    Reading,
    prediction_scores,
    once_per_span,
    readings,
    undecided_beside,
)
from annotator.formats.regions import Region, build_document
from annotator.formats.label_studio_told import tell_task
from annotator.formats.meta_keys import EVENT_TYPES, LABEL_STUDIO, LABEL_STUDIO_TASK
from annotator.formats.told_types import EventUses, read_with_told_types
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.importing import IncomingDocument
from annotator.offsets import Utf16Map
from annotator.schema import Schema, default_schema
from annotator.wording import counted


def _texted(results: list[Any]) -> Iterator[tuple[Any, Any, str | None]]:
    """The offsets and text of each region result that gives its text (``task_reads_utf16``)."""
    for r in results:
        value = r.get("value") if isinstance(r, dict) and r.get("type") == "labels" else None
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            yield value.get("start"), value.get("end"), value["text"]


def _document(
    task: dict[str, Any],
    reading: Reading,
    who: str,
    path: Path,
    line: int,
    schema: Schema,
    warnings: list[str],
    notes: list[str],
    names: SchemaNames,
) -> IncomingDocument:
    """The document a task's annotation or prediction (``reading``) makes, in the annotation set it names; its labels,
    event types and roles as the schema names them (``names``)."""
    results, state, author, source = reading.results, reading.state, reading.author, reading.source
    names.tell(task.get("data"))  # our export's record of the names it spelt (brat's Attack for Conflict:Attack)
    paragraphs = paragraphs_of(task.get("data"), results)  # a dialogue: the text as a list of paragraphs
    page = hypertext_of(task.get("data"), results) if paragraphs is None else None  # HTML: its text, by XPath
    if page is not None and REFERENCE.match(page.html.strip()):
        page = None  # a URL, refused as for a text
    if page is not None:
        text, text_key = page.text, page.key
        results = [
            page.as_labels(r, who, path, line) if isinstance(r, dict) and r.get("type") in HYPERTEXT else r
            for r in results
        ]
    elif paragraphs is None:
        text, text_key = text_of(task.get("data"), results, who, path, line)
    else:
        text, text_key = paragraphs.text, paragraphs.key
        results = [
            paragraphs.as_labels(r, who, path, line) if isinstance(r, dict) and r.get("type") == KIND else r
            for r in results
        ]
    regions: list[Region] = []
    relations, comments, choices = [], [], []
    untexted: list[tuple[int, int, int, int]] = []  # regions without value.text: first index, count, start, end
    region_notes: list[tuple[int, list[str]]] = []
    both_ways: list[int] = []  # relations drawn with direction "bi"
    categories: dict[str, str] = {}  # the text's choices (text classification): category -> its Choices tag's name
    kept_classes: dict[str, dict[str, list[Any]]] = {}  # taxonomy and rating categories: category -> [tag, given]
    region_texts: list[tuple[Any, list[str]]] = []  # textarea results: (id, texts)
    utf16 = task_reads_utf16(text, _texted(results))  # a region that fits both ways is read as the others are
    for k, r in enumerate(results):
        need(isinstance(r, dict), path, line, f"{who}: result {k} must be an object")
        kind, value = r.get("type"), r.get("value")
        if kind in ("labels", "choices", "textarea"):
            value = {} if value is None else value
            need(isinstance(value, dict), path, line, f"{who}: result {k} ({kind}): 'value' must be an object")
        if kind == "labels":
            labels = value.get("labels")
            need(isinstance(labels, list) and bool(labels), path, line, f"{who}: result {k} has no labels")
            need(all(isinstance(x, str) for x in labels), path, line, f"{who}: result {k}: labels must be strings")
            rid = r.get("id", k)
            need(is_key(rid), path, line, f"{who}: result {k}: 'id' must be a string or a number")
            said = value.get("text") if isinstance(value.get("text"), str) else None
            start, end = value.get("start"), value.get("end")
            if said is None:
                need(
                    type(start) is int and type(end) is int,
                    path,
                    line,
                    f"{who}: result {k} ({rid}) has offsets {start!r}, {end!r} that are not whole numbers",
                )
                untexted.append((len(regions), len(labels), start, end))
                got = (start, end, "")
            else:
                got = fit_span(text, start, end, said, utf16_first=utf16)
                need(
                    got is not None,
                    path,
                    line,
                    f"{who}: result {k} ({rid}) has offsets {start!r}, {end!r} that do "
                    f"not fit the text (expected {said!r})",
                )
                if got[2]:
                    notes.append(f"{path}:{line}: result {rid} offsets read as UTF-16 units")
            # several models (or an annotation and the undecided predictions beside it): its own model and state
            model, own, state_of = reading.origins[k] if reading.origins else (None, reading.score, None)
            score = result_score(r, value, own)
            for lab in labels:
                regions.append(
                    Region(rid, got[0], got[1], names.region(lab), score=score, source=model, state=state_of)
                )
            meta = r.get("meta")
            said_notes = meta.get("text") if isinstance(meta, dict) else None
            said_notes = [said_notes] if isinstance(said_notes, str) else said_notes
            if isinstance(said_notes, list):
                region_notes.append(
                    (len(regions) - len(labels), [t for t in said_notes if isinstance(t, str) and t.strip()])
                )
        elif kind == "relation" and "from_id" not in r and "to_id" not in r:  # a script's, its ends given elsewhere
            named = r.get("labels") or (value.get("labels") if isinstance(value, dict) else None) or []
            shown = ", ".join(x for x in named if isinstance(x, str)) if isinstance(named, list) else ""
            warnings.append(
                f"{path}:{line}: result {k}: a relation that names no regions (no 'from_id' and 'to_id', by which "
                f"Label Studio draws one between two regions){': ' + shown if shown else ''}"
            )
        elif kind == "relation":
            labels = listed(r.get("labels"), f"{who}: result {k} (relation): 'labels'", path, line)
            need(
                all(isinstance(x, str) for x in labels),
                path,
                line,
                f"{who}: result {k} (relation): labels must be strings",
            )
            need(
                is_key(r.get("from_id")) and is_key(r.get("to_id")),
                path,
                line,
                f"{who}: result {k} (relation): 'from_id' and 'to_id' must be strings or numbers",
            )
            frm, to = r["from_id"], r["to_id"]
            if r.get("direction") == "left":  # drawn from to_id to from_id
                frm, to = to, frm
            for label in labels or [None]:  # a relation of several labels: one each; drawn without one: None
                if r.get("direction") == "bi":  # an arrow at both ends: from whichever end is a trigger
                    both_ways.append(len(relations))
                relations.append((frm, to, label))
        elif kind == "choices" and "id" in r and schema.attribute(str(r.get("from_name"))):
            picked = listed(value.get("choices"), f"{who}: result {k} (choices): 'choices'", path, line)
            need(all(isinstance(x, str) for x in picked), path, line, f"{who}: result {k}: choices must be strings")
            choices.append((r["id"], r["from_name"], picked, k, kind))
        elif kind == "choices" and "id" in r and "start" in value:  # of a region: kept for the export (an entity's)
            picked = listed(value.get("choices"), f"{who}: result {k} (choices): 'choices'", path, line)
            need(all(isinstance(x, str) for x in picked), path, line, f"{who}: result {k}: choices must be strings")
            choices.append((r["id"], str(r.get("from_name")), picked, k, kind))
        elif kind in CLASS_KINDS and "id" in r and isinstance(value, dict) and "start" in value:  # of a region
            choices.append((r["id"], str(r.get("from_name")), region_class(kind, value, who, k, path, line), k, kind))
        elif kind == "choices" and "start" not in value:  # of the whole text (text classification): categories
            picked = listed(value.get("choices"), f"{who}: result {k} (choices): 'choices'", path, line)
            need(all(isinstance(x, str) for x in picked), path, line, f"{who}: result {k}: choices must be strings")
            tag = r.get("from_name") if isinstance(r.get("from_name"), str) else CHOICES_TAG
            categories.update({c: tag for c in picked if c not in categories})
        elif kind in CLASS_KINDS and isinstance(value, dict) and "start" not in value:  # taxonomy, rating
            for c, tag, given in classes_of(kind, r, value, who, k, path, line):
                categories.setdefault(c, tag)
                kept_classes.setdefault(kind, {}).setdefault(c, [tag, given])
        elif kind == "textarea":
            said = value.get("text")
            said = listed(
                [said] if isinstance(said, str) else said, f"{who}: result {k} (textarea): 'text'", path, line
            )
            need(all(isinstance(t, str) for t in said), path, line, f"{who}: result {k}: texts must be strings")
            region_texts.append((r.get("id"), [t for t in said if t.strip()]))  # perRegion: the region's id
        else:
            warnings.append(f"{path}:{line}: result {k} of type {kind!r} ({r.get('from_name')})")
    if untexted:  # no span text to check against: the reading that puts the spans on clean words wins
        if looks_utf16(text, [(s_, e_) for _, _, s_, e_ in untexted]):
            u16 = Utf16Map(text)
            for i, count, s_, e_ in untexted:
                for g in regions[i : i + count]:
                    g.start, g.end = u16.to_codepoint(s_), u16.to_codepoint(e_)
            notes.append(
                f"{path}:{line}: {who}: offsets without value.text read as UTF-16 units (they fit the words that way)"
            )
        for i, _, _, _ in untexted:
            g = regions[i]
            need(
                0 <= g.start < g.end <= len(text),
                path,
                line,
                f"{who}: region {g.key!r} ({g.label}) has offsets {g.start}, {g.end} outside the text "
                f"({counted(len(text), 'character')}) or empty",
            )
    for i, said_notes in region_notes:
        g = regions[i]
        comments += [f"[on {g.label} {g.start}-{g.end}] {t}" for t in said_notes]
    for rid, said in region_texts:  # a TextArea per region is a note on it; one for the task, a comment
        g = next((g for g in regions if rid is not None and g.key == rid), None)
        comments += [f"[on {g.label} {g.start}-{g.end}] {t}" if g else t for t in said]
    triggers = trigger_labels(schema)
    region_choices: list[dict[str, Any]] = []  # an entity's choices (no place in the project): kept for the export
    for rid, name, value, k, kind in choices:
        targets = [g for g in regions if g.key == rid]
        need(bool(targets), path, line, f"{who}: result {k} ({name}) points at unknown region {rid!r}")
        for g in targets:
            if g.label not in triggers:  # choices as they came; a taxonomy's paths, a rating's value with their type
                given = {"choices": value} if kind == "choices" else {"type": kind, kind: value}
                region_choices.append({"on": [g.start, g.end, g.label], "from_name": name, **given})
            elif kind == "choices" and schema.attribute(name):  # an event attribute: its first choice
                g.attributes[name] = (value or [None])[0]
            else:
                warnings.append(f"{path}:{line}: result {k} of type {kind!r} ({name}) on the trigger {g.label}")
    data = task.get("data")
    name = data.get("name") or (f"task {task['id']}" if "id" in task else f"{path.name}:{line}")
    meta = {  # the text once, as the text; objects and lists as they are (our export writes the meta's there)
        k: storable(v) for k, v in data.items() if k not in (text_key, "name", EVENT_TYPES)
    }
    if "id" in task:
        given = task["id"]  # an id is a value: an object or a list as its JSON
        meta[TASK_ID] = json.dumps(given, ensure_ascii=False) if isinstance(given, (list, dict)) else storable(given)
    shape = task_shape(task, text_key, results)
    if scores := prediction_scores(task):  # written back on each model's prediction
        shape[PREDICTION_SCORES] = scores
    if paragraphs is not None:  # the paragraphs' other keys (the authors) and places, for the export
        shape[SHAPE_KEY] = paragraphs.shape
    if reading.given:  # a task's one annotation: its id, lead time and ground truth, written back while it is hers
        shape[ANNOTATION_KEYS] = reading.given
    if page is not None:  # the HTML, written back by the export with each span's XPaths
        shape[HYPERTEXT_SHAPE] = page.shape
    if categories:  # the document's categories, as a doccano or Prodigy text classification's
        meta[CATEGORIES] = list(categories)
        choices_tags = {c: t for c, t in categories.items() if not any(c in x for x in kept_classes.values())}
        if set(choices_tags.values()) - {CHOICES_TAG}:  # the Choices tags' names, for the export
            shape["choices"] = choices_tags
        shape.update(kept_classes)  # taxonomy paths and ratings as they came
    if shape:
        meta[LABEL_STUDIO_TASK] = shape
    if region_choices:
        meta[REGION_CHOICES] = region_choices
        notes.append(
            f"{path}:{line}: {counted(len(region_choices), 'choice')} on entities ({', '.join(sorted({c['from_name'] for c in region_choices}))}) "
            "kept for the export to Label Studio (the app does not show them)"
        )
    if reading.covers:
        meta["annotation_sets"] = reading.covers  # teams.sets.META_KEY: the sets that cover the document
    if reading.origins:  # several models: one suggestion per span and label, the relations onto the one kept
        regions, alias, merged = once_per_span(regions)
        relations = [(alias.get(a, a), alias.get(b, b), lab) for a, b, lab in relations]
        if merged and not undecided_beside(task):  # beside an annotation: a decided region's copy (the export's)
            notes.append(
                f"{path}:{line}: {who}: {counted(merged, 'region')} of a span and label an earlier model gave kept as "
                "that model's suggestion (one suggestion there)"
            )
    trigger_keys = {g.key for g in regions if g.label in triggers}
    for i in both_ways:
        frm, to, label = relations[i]
        if to in trigger_keys and frm not in trigger_keys:
            relations[i] = (to, frm, label)
    doc = build_document(
        text,
        str(name),
        regions,
        relations,
        schema,
        path,
        line,
        warnings,
        state=state,
        status=status_left_as(task, reading.status),
        source=source,
        annotator=author,
        meta=meta,
        comments=comments,
        keep_as=LABEL_STUDIO,
        notes=notes,
        both_ways=set(both_ways),
        names=names,
        # our export's task (it records the event types) gives every value its events have, as per-region choices:
        # an attribute an event lacks stays without one (a brat Binding came back with the news schema's polarity)
        fill_defaults=EVENT_TYPES not in data,
    )
    # PER for PERSON, attacker for Attacker: written back as the Label Studio project's config names them
    spelt = given_spellings(names)
    if spelt:
        doc.meta.setdefault(LABEL_STUDIO_TASK, {}).update(spelt)
    doc.annotation_set = reading.annotation_set
    return doc


def read_label_studio(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """The tasks of a Label Studio export; the event types they record (our export's) and ``schema`` lacks told from
    their regions and relations (``label_studio_told``), as a Prodigy file's are from its events: the file read again
    with the schema grown by them (``ReadResult.told``)."""
    path, base = Path(path), schema or default_schema()
    if path.name.endswith(CONFIG_SUFFIX):  # the config given for its tasks: said what it is
        raise ImportFileError(str(path), config_alone(path))
    return read_with_told_types(
        path,
        base,
        base,
        lambda s, uses: _read(path, s or base, uses, base),
        "a Label Studio file",
        "tasks",
        "a Label Studio task",
    )


def _read(path: Path, schema: Schema, uses: EventUses | None, base: Schema | None = None) -> ReadResult | None:
    """The file read with ``schema``; with ``uses``, the events of types its tasks record and ``schema`` lacks put
    there, and None when there are any (they are to be told first); ``base``: the project's schema, which ``schema``
    grows by the types told (a config's roles no task uses join the types told, not the project's own)."""
    seen = SchemaNames(schema)  # the record's look of its own: the reader's counts are for the documents' names
    warnings: list[str] = []
    notes: list[str] = []
    docs = []
    unknown = LabelTally(path)
    names = SchemaNames(schema)  # PER as the news schema's PERSON (its alias), attack as its Conflict:Attack
    suffix = path.suffix.lower()
    tag_names: set[str] = set()  # a CSV export's columns of regions: a row without regions has "[]" there
    if suffix in CSV_SUFFIXES:
        rows = list(iter_csv_tasks(path))
        tag_names = {k for _, t in rows for k, v in t.items() if min_regions(v)}
        items: Iterator[tuple[int, Any]] = iter(rows)
    else:
        items = iter_jsonl(path) if suffix == ".jsonl" else iter_json_array(path)
    blank: list[int] = []  # the lines of the tasks whose text is spaces alone
    for n, (line, task) in enumerate(min_tasks(items, tag_names), start=1):
        need(isinstance(task, dict), path, line, f"task number {n}: each task must be a JSON object")
        who = f"task {task['id']!r}" if is_key(task.get("id")) else f"task number {n}"
        task = from_json_min(task, tag_names) or task
        if "data" not in task:  # Label Studio takes a task without "data" as its own data ({"text": ...})
            task = {
                **{k: v for k, v in task.items() if k in TASK_KEYS},
                "data": {k: v for k, v in task.items() if k not in TASK_KEYS},
            }
        if uses is not None:
            tell_task(task, uses, schema, seen)
        task_readings = readings(task, who, path, line, warnings, notes)
        decided = any(r.annotation_set is None and r.state == "accepted" for r in task_readings)
        for reading in task_readings:
            with unknown.collect():  # labels the schema lacks: named all at once, after the whole file
                doc = _document(task, reading, who, path, line, schema, warnings, notes, names)
                if reading.covers and reading.annotation_set in reading.covers:  # her relations and choices: her set's
                    reading.covers[reading.annotation_set][OWN] = own_meta(doc.meta)  # (every set's document holds it)
                    if not decided:  # the document's (the final set's) are nobody's yet, not the first annotator's
                        doc.meta = undecided(doc.meta)
                if blank_text(doc.text):  # spaces alone: left out, as an empty file is
                    blank.append(line)
                else:
                    docs.append(doc)
    if uses is not None and uses.any_told():
        return None
    unknown.check()
    need(bool(docs) or not blank, path, None, "no tasks in the file: every text is spaces and line breaks alone")
    need(bool(docs), path, None, "no tasks in the file")
    notes += blank_lines_note(path, blank)
    notes = utf16_said_once(path, notes, "result", why="the regions' texts fit them that way")
    notes += categories_note(path, docs, "the text's choices")
    notes += names.notes(str(path))
    config, said = config_beside(path)  # our export's config beside the tasks: its labels a new project takes too
    if config is None:
        return ReadResult(docs, None, warnings, notes + said)
    for doc in docs if config.event_colors else ():  # no place in the schema: kept for the export's config
        doc.meta.setdefault(LABEL_STUDIO_TASK, {})[EVENT_COLORS] = dict(config.event_colors)
    declared = tuple(x for x in config.entity_labels() if schema.label(seen.region(x)) is None)
    takes = [seen.region(x) for x in config.entity_labels()]  # what its roles take, as the schema names them
    events, roles = declared_events(config, schema, base or schema, relation_types(docs), takes)
    return ReadResult(
        docs,
        None,
        warnings,
        notes + said,
        declared_labels=declared,
        declared_events=events,
        declared_roles=roles,
        type_colors=dict(config.event_colors),
        label_colors=config.colors,
    )
