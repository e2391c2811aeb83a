"""Label Studio JSON out, and what it shares with doccano's JSONL out (``doccano_out``, which writes the lines): the
export side of ``regions`` (what their readers read, written back).

Both tools know labelled regions and relations between them, so a document becomes:

- a region per entity span, and one per event trigger (labelled with the event type; each event its own region, so
  events sharing a trigger stay apart);
- a relation from each event's trigger region to each argument's entity, labelled with the role (as the readers
  take them: a relation from a trigger is an argument);
- the relations between entities an import of the same format kept in the document's meta (``meta["doccano"]`` or
  ``meta["label_studio"]``, each end by its span), written back between the regions of those spans (by either
  writer): so import -> export -> import keeps them. One whose end was deleted meanwhile is left out and reported.

doccano: one line a document, ``{"id", "name", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [{"id", "from_id", "to_id", "type"}], "Comments": [...]}`` and the document's meta as its other keys
(doccano's relation export), the events' attributes among them (``event_attributes``, by their trigger's region:
doccano keeps a line's other keys; ``event_attributes_record``). Offsets in code points (the reader's guess keeps code
points on a tie). Lost: entity and event states and sources.

Label Studio: a JSON list of tasks, ``{"id", "data": {"text", "name", meta...}, "annotations": [{"result": [...]}]}``
(the meta's objects and lists in ``data`` as they are, the relations of two spans inside one written as relations
instead: ``kept_relations.unwritten``)
(a document whose exported annotations are all undecided suggestions: ``predictions`` instead, which the reader takes
as suggestions; a decided document's undecided ones: ``predictions`` beside its annotation, the task's ``meta`` saying
so, ``label_studio_names.UNDECIDED_BESIDE``). Task and line ids unique in one export (``records.KeptIds``). Results: ``labels`` regions with ``value.text`` and UTF-16 offsets (what Label Studio, a browser
tool, counts in), ``relation`` results (``direction: "right"``), per-region ``choices`` for event attributes (their
``from_name`` the attribute's name), a ``textarea`` holding the document's comments. Lost: states and sources but
suggested-or-not per document.

Both record the event types a document's regions name (``event_types`` in the line and the task's data,
``recorded_event_types``): their relations have no place for an event, and a reader whose schema lacks the type tells
it from them (``told_types.add_regions``) instead of taking the trigger for an entity.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, TypeVar

import orjson

from annotator.db import is_score
from annotator.exporting import atomic_output
from annotator.formats.common import kept_type_colors
from annotator.categories import CATEGORIES, document_categories
from annotator.formats.label_studio_config import (
    ENTITIES_TAG,
    EVENTS_TAG,
    ConfigGather,
    config_path,
    kept_event_colors,
)
from annotator.formats.writing import FormatExportReport
from annotator.formats.label_studio_names import (
    CLASS_KINDS,
    HYPERTEXT_LABELS,
    PARAGRAPH_LABELS,
    CHOICES_TAG,
    LEFT_AS,
    PREDICTION_SCORES,
    PREDICTIONS_OF,
    REGION_CHOICES,
    TASK_ID,
    UNDECIDED_BESIDE,
    author_keys,
    final_author,
    kept_keys,
    set_annotation,
)
from annotator.formats.kept_relations import unwritten, from_words, kept_relations
from annotator.formats.meta_keys import BRAT, DOCCANO, EVENT_TYPES, LABEL_STUDIO, LABEL_STUDIO_TASK, PRODIGY
from annotator.formats.label_studio_kinds_out import (
    class_results,
    html_data,
    hypertext_value,
    paragraph_data,
    paragraph_value,
)
from annotator.formats.region_attributes import brat_choices, without_choices
from annotator.formats.records import (
    SETS_KEY,
    ExportRequest,
    KeptIds,
    covering_set_records,
    export_writer,
    request_records,
)
from annotator.formats.schema_names import GivenSpellings
from annotator.formats.webanno_tsv import SOURCE
from annotator.model import UNFINISHED
from annotator.offsets import Utf16Map
from annotator.store import Project


@dataclass
class OutRegion:
    number: int  # 1, 2, ... in the document: the region's id in the output
    start: int
    end: int
    label: str
    attributes: dict[str, Any]
    score: float | None = None  # a suggestion's confidence (Label Studio's per-region score)
    source: str | None = None  # who made it (a Label Studio prediction's model: ``label-studio:MODEL_VERSION``)
    undecided: bool = False  # a suggestion nobody decided (a Label Studio prediction, beside the annotation)


KEPT = (DOCCANO, LABEL_STUDIO)  # where the two imports keep relations between entities (the same shape)
ALSO_KEPT = (
    SOURCE,
)  # a WebAnno TSV import (meta["webanno"]) keeps them in that shape too: written by these exports as well

End = TypeVar("End")


def kept_end(stacks: Mapping[tuple[int, int, str], Sequence[End]], end: Any, nth: Any) -> End | None:
    """A kept relation's end, ``[start, end, label]``, among the written spans of each ``(start, end, label)`` in the
    document's order: the ``nth`` (a WebAnno TSV import's ``stacked``: which of stacked spans alike it was), the
    first when there are not so many (one taken out since); None when none is written."""
    got = stacks.get(tuple(end)) if isinstance(end, list) else None
    if not got:
        return None
    return got[nth] if isinstance(nth, int) and 0 <= nth < len(got) else got[0]


def kept_ends(r: dict[str, Any], stacks: Mapping[tuple[int, int, str], Sequence[End]]) -> list[End | None]:
    """A kept relation's two ends (``kept_end``), by its ``stacked`` places where it has them."""
    nth = r.get("stacked") if isinstance(r.get("stacked"), list) else []
    return [kept_end(stacks, x, k) for x, k in zip((r.get("from"), r.get("to")), [*nth, 0, 0][:2])]


def regions_and_relations(
    rec: dict[str, Any], report: FormatExportReport, both_ways: set[tuple[int, int]] | None = None
) -> tuple[list[OutRegion], list[tuple[int, int, str | None]]]:
    """A document record's regions (entities, then one trigger per event) and relations (from, to, label), the
    entity-to-entity relations a doccano or Label Studio import kept (``meta[KEPT]``) among them; ``both_ways`` gets
    the (from, to) of those drawn with an arrow at both ends (Label Studio's ``direction: "bi"``)."""
    regions: list[OutRegion] = []
    by_entity: dict[int, OutRegion] = {}
    stacks: dict[tuple[int, int, str], list[OutRegion]] = {}
    for e in rec["entities"]:
        r = OutRegion(
            len(regions) + 1,
            e["start"],
            e["end"],
            e["label"],
            {},
            e.get("score"),
            e.get("source"),
            e["state"] == "suggested",
        )
        regions.append(r)
        by_entity[e["id"]] = r
        stacks.setdefault((r.start, r.end, r.label), []).append(r)
    relations: list[tuple[int, int, str | None]] = []
    for v in rec["events"]:
        t = v["trigger"]
        head = OutRegion(
            len(regions) + 1,
            t["start"],
            t["end"],
            v["type"],
            v["attributes"],
            v.get("score"),
            v.get("source"),
            v["state"] == "suggested",
        )
        regions.append(head)
        relations += [(head.number, by_entity[a["entity_id"]].number, a["role"]) for a in v["arguments"]]
    for _, r in kept_relations(rec["meta"], (*KEPT, *ALSO_KEPT, PRODIGY, BRAT)):
        ends = kept_ends(r, stacks)
        if from_words(r):
            report.problem("relations from words that are no entity left out", f"{rec['name']}: {r.get('type')}")
            continue
        if ends[0] is None or ends[1] is None:
            report.problem("relations between entities left out (an end is gone)", f"{rec['name']}: {r.get('type')}")
            continue
        label = r.get("type")  # None: drawn without a label in Label Studio
        relations.append((ends[0].number, ends[1].number, label if label is None else str(label)))
        if r.get("direction") == "bi" and both_ways is not None:
            both_ways.add((ends[0].number, ends[1].number))
    return regions, list(dict.fromkeys(relations))


def beside(key: str, value: Any) -> Any:
    """A meta value as a line or task carries it: an object without the relations of two spans it holds, which the
    export writes as its own relations (``kept_relations.unwritten``)."""
    return unwritten(key, value) if isinstance(value, dict) else value


def meta_without(rec: dict[str, Any], own: tuple[str, ...]) -> dict[str, Any]:
    """The document's meta without the keys this format's import sets itself."""
    return {k: v for k, v in rec["meta"].items() if k not in own}


def recorded_event_types(rec: dict[str, Any]) -> dict[str, list[str]]:
    """The record of the event types the document's regions name, as written (``meta_keys.EVENT_TYPES``: a line's or
    a task's data's key), for a reader whose schema lacks one to tell its triggers from entities; {}: no event."""
    spelt = GivenSpellings.of_meta(rec["meta"])
    types = sorted({spelt.label(e["type"]) for e in rec["events"]})
    return {EVENT_TYPES: types} if types else {}


def _shape(rec: dict[str, Any]) -> dict[str, Any]:
    shape = rec["meta"].get(LABEL_STUDIO_TASK)
    return shape if isinstance(shape, dict) else {}


Item = tuple[str | None, bool, dict[str, Any]]  # a result's region's source, whether it is undecided, the result
# a comment the Label Studio reader made of a perRegion TextArea: "[on LABEL start-end] text" (label_studio.py)
REGION_NOTE = re.compile(r"\[on (\S+) (\d+)-(\d+)\] (.*)", re.DOTALL)


def _result_items(rec: dict[str, Any], report: FormatExportReport) -> list[Item]:
    """``label_studio_result``'s items, each with the source of the region it is about (a relation: its from-region's;
    the comments: None), for the predictions of several models, and whether it is about an undecided suggestion (a
    relation: either end), for the predictions beside a decided document's annotation."""
    both_ways: set[tuple[int, int]] = set()
    regions, relations = regions_and_relations(rec, report, both_ways)
    text = rec["text"]
    shape = _shape(rec)
    to_name = shape.get("to_name", shape.get("text_key", "text"))
    u16 = Utf16Map(text)
    rid = {r.number: f"r{r.number}" for r in regions}
    source = {r.number: r.source for r in regions}
    undecided = {r.number: r.undecided for r in regions}
    spelt = GivenSpellings.of_meta(rec["meta"])  # the import's spellings of the schema's names (Person for PERSON)
    triggers = {r.number for r in regions[len(rec["entities"]) :]}  # the events' regions: their relations are roles
    kept_choices: dict[tuple[int, int, str], list[dict[str, Any]]] = {}
    given = rec["meta"].get(REGION_CHOICES)
    given = [*(given if isinstance(given, list) else []), *brat_choices(rec["meta"])]  # brat's attributes on entities
    for c in given:
        on = c.get("on") if isinstance(c, dict) else None
        kind = c.get("type", "choices") if isinstance(c, dict) else None  # choices; a taxonomy's, a rating's
        if isinstance(on, list) and len(on) == 3 and kind in ("choices", *CLASS_KINDS) and c.get(kind) is not None:
            kept_choices.setdefault((on[0], on[1], on[2]), []).append(c)
    result: list[Item] = []
    kind = "labels"
    for r in regions:
        where = {"start": u16.to_utf16(r.start), "end": u16.to_utf16(r.end), "text": text[r.start : r.end]}
        placed = paragraph_value(shape, text, r.start, r.end)  # a dialogue's span: by paragraph, as it came
        if placed is not None:
            where, kind = {**placed, "text": text[r.start : r.end]}, PARAGRAPH_LABELS
        in_html = hypertext_value(shape, text, r.start, r.end) if placed is None else None  # HTML: by XPath
        if in_html is not None:
            where, kind = {**in_html, "text": text[r.start : r.end]}, HYPERTEXT_LABELS
        label = spelt.label(r.label)
        default = EVENTS_TAG if r.number in triggers and "from_name" not in shape else ENTITIES_TAG  # the config's
        tag = shape.get("labels_tags", {}).get(label, shape.get("from_name", default))  # the Labels tag it came from
        base = {"id": rid[r.number], "from_name": tag, "to_name": to_name}
        scored = {"score": r.score} if r.score is not None else {}  # a suggestion's confidence, as a prediction has it
        result.append((r.source, r.undecided, {**base, "type": kind, "value": {**where, kind: [label]}, **scored}))
        result += [
            (
                r.source,
                r.undecided,
                {**base, "from_name": name, "type": "choices", "value": {**where, "choices": [value]}},
            )
            for name, value in r.attributes.items()
            if value is not None
        ]
        result += [  # an entity's choices the import kept (a Choices tag with perRegion)
            (
                r.source,
                r.undecided,
                {
                    **base,
                    "from_name": str(c["from_name"]),
                    "type": c.get("type", "choices"),
                    "value": {**where, c.get("type", "choices"): c[c.get("type", "choices")]},
                },
            )
            for c in kept_choices.get((r.start, r.end, r.label), [])
        ]
    spans = {(r.start, r.end, r.label) for r in regions}
    for on, lost in kept_choices.items():
        if on not in spans:  # the entity was deleted or changed since the import
            for c in lost:
                report.problem(
                    "Label Studio choices left out (their entity is gone)", f"{rec['name']}: {c['from_name']}"
                )
    labelled: dict[tuple[int, int], list[str]] = {}  # one relation result a pair of regions, with all its labels
    for a, b, label in relations:
        labelled.setdefault((a, b), [])
        if label is not None:
            labelled[(a, b)].append(spelt.role(label) if a in triggers else label)
    result += [
        (
            source[a],
            undecided[a] or undecided[b],
            {
                "from_id": rid[a],
                "to_id": rid[b],
                "type": "relation",
                "direction": "bi" if (a, b) in both_ways else "right",
            }
            | ({"labels": labels} if labels else {}),
        )
        for (a, b), labels in labelled.items()
    ]
    result += [(None, False, item) for item in _choices(rec, to_name)]
    at_region = {(r.start, r.end, spelt.label(r.label)): r for r in regions} | {
        (r.start, r.end, r.label): r for r in regions
    }
    tags = shape.get("textarea_tags") if isinstance(shape.get("textarea_tags"), dict) else {}
    on_task: dict[str, list[str]] = {}  # the whole text's notes by the TextArea tag each came from
    for c in rec["comments"]:
        note = REGION_NOTE.fullmatch(c["text"])  # a perRegion TextArea the import read: back on its region
        r = at_region.get((int(note[2]), int(note[3]), note[1])) if note else None
        if note is None or r is None:
            tag = tags.get("task", {}).get(c["text"], shape.get("textarea", "comment"))
            on_task.setdefault(tag, []).append(c["text"])
            continue
        where = {"start": u16.to_utf16(r.start), "end": u16.to_utf16(r.end)}
        item = {
            "id": rid[r.number],
            "from_name": tags.get("region", {}).get(note[4], shape.get("region_textarea", "comment")),
            "to_name": to_name,
            "type": "textarea",
        }
        result.append((r.source, r.undecided, {**item, "value": {**where, "text": [note[4]]}}))
    for k, (tag, texts) in enumerate(on_task.items()):  # the TextArea tag the task's notes came from, one result each
        comments = {
            "id": "comments" if k == 0 else f"comments_{k + 1}",
            "from_name": tag,
            "to_name": to_name,
            "type": "textarea",
            "value": {"text": texts},
        }
        result.append((None, False, comments))
    return result


def _choices(rec: dict[str, Any], to_name: str) -> list[dict[str, Any]]:
    """The document's categories as ``choices`` results of the whole text, one a Choices tag (the names the import
    kept, ``meta["label_studio_task"]["choices"]``, else ``category``); those a ``taxonomy`` or ``rating`` result
    brought as such results again (``label_studio_kinds_out``)."""
    categories, classes = class_results(document_categories(rec["meta"]), _shape(rec), to_name)  # taxonomy, rating
    tags = _shape(rec).get("choices")
    tags = tags if isinstance(tags, dict) else {}
    by_tag: dict[str, list[str]] = {}
    for c in categories:
        by_tag.setdefault(str(tags.get(c, CHOICES_TAG)), []).append(c)
    return [
        {"id": f"choices-{tag}", "from_name": tag, "to_name": to_name, "type": "choices", "value": {"choices": cats}}
        for tag, cats in by_tag.items()
    ] + classes


def _predictions(
    items: list[Item], every: list[Item] | None = None, scores: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Undecided suggestions as Label Studio predictions: one per model (``label-studio:MODEL_VERSION`` sources, in
    the order their first region comes), its ``model_version`` the model's; suggestions of another source (our own
    pipeline's) are ``annotator``'s; a relation's region of another model (a span two models gave, one suggestion),
    or of the annotation (``every``: the document's items, the decided ones among them; an undecided event's
    argument that is decided), is written in the relation's prediction too, as Label Studio wants a prediction's
    relations between its own regions; items of no region (the comments) go with the first. ``scores``: the
    predictions' own scores the import kept by model (``PREDICTION_SCORES``), each on its model's prediction."""
    by_model: dict[str, list[dict[str, Any]]] = {}
    for source, _, item in items:
        if source is None:
            continue
        model = source[len("label-studio:") :] if source.startswith("label-studio:") else "annotator"
        by_model.setdefault(model, []).append(item)
    if not by_model:
        by_model["annotator"] = []
    regions: dict[str, list[dict[str, Any]]] = {}  # a region's id -> its labels and choices items
    for _, _, item in every if every is not None else items:
        if item.get("type") in ("labels", PARAGRAPH_LABELS, HYPERTEXT_LABELS, "choices"):
            regions.setdefault(item["id"], []).append(item)
    for result in by_model.values():  # a relation to another model's region (one suggestion two models gave), or
        ids = {
            x["id"] for x in result if x.get("type") in ("labels", PARAGRAPH_LABELS, HYPERTEXT_LABELS)
        }  # a decided one: here too
        at = next((k for k, x in enumerate(result) if x.get("type") == "relation"), len(result))
        ends = [x[end] for x in result if x.get("type") == "relation" for end in ("from_id", "to_id")]
        result[at:at] = [x for rid in dict.fromkeys(ends) if rid not in ids for x in regions.get(rid, [])]
    first = next(iter(by_model.values()))
    first += [item for source, _, item in items if source is None]
    scores = scores or {}
    return [
        {"model_version": model, **({"score": scores[model]} if is_score(scores.get(model)) else {}), "result": result}
        for model, result in by_model.items()
    ]


def label_studio_task(
    rec: dict[str, Any],
    report: FormatExportReport,
    others: dict[str, dict[str, Any]] | None = None,
    ids: KeptIds | None = None,
) -> dict[str, Any]:
    """A document as a task of Label Studio's JSON export (``from_name`` ``label``, ``to_name`` and the text's key
    ``text``, or the names and key the task came in with: ``meta["label_studio_task"]``, ``label_studio_task.task_shape``).
    ``others``: the records of the annotators' sets that cover the document (``meta["annotation_sets"]``), each
    written as an annotation of its own (named as Label Studio's import takes it: ``label_studio_names.author_keys``), the exported set's marked ``ground_truth``
    when it has a decision: the import reads them back into the same sets. ``ids``: the export's task ids
    (``records.KeptIds``; without it, the kept one, else the document's)."""
    items = _result_items(rec, report)
    result = [item for _, _, item in items]
    shape = _shape(rec)
    data: dict[str, Any] = {shape.get("text_key", "text"): rec["text"], "name": rec["name"]}
    own = (*KEPT, TASK_ID, LABEL_STUDIO_TASK, CATEGORIES, REGION_CHOICES, SETS_KEY, EVENT_TYPES)
    for k, v in (meta_without(rec, own) | recorded_event_types(rec)).items():
        if k in data:
            report.problem("meta values left out (the task's own keys)", f"{rec['name']}: {k}")
            continue
        v = beside(k, v)  # its relations between two spans are written as the task's relations
        v = without_choices(v) if k == BRAT and isinstance(v, dict) else v  # its entity attributes: choices
        if v != {}:  # an object or a list as it is (a task's data holds any JSON; the import reads it back)
            data[k] = v
    for k, v in (shape.get("data") or {}).items():  # lists and objects of the task's data, as they came
        data.setdefault(k, v)
    dialogue = paragraph_data(shape, rec["text"])  # a dialogue: the text as the list of paragraphs it came as
    if dialogue is not None:
        data[dialogue[0]] = dialogue[1]
    page = html_data(shape)  # HTML: as it came, its text the document's
    if page is not None:
        data[page[0]] = page[1]
    task: dict[str, Any] = {"id": (ids or KeptIds(TASK_ID)).of(rec, report)}
    task["data"] = data
    if isinstance(shape.get("meta"), dict):
        task["meta"] = shape["meta"]
    decided = [x for x in rec["entities"] + rec["events"] if x["state"] != "suggested"]
    of_sets = {name: _result_items(r, report) for name, r in (others or {}).items()}
    scores = shape.get(PREDICTION_SCORES) if isinstance(shape.get(PREDICTION_SCORES), dict) else None
    # each annotator's decisions in her annotation; her undecided suggestions predictions of the task (the meta names
    # her set): inside her annotation they came back as her decisions
    # her annotation's id and lead time as her set's record kept them; never the ground truth (Label Studio's import
    # takes an annotation without the key for one: every annotator's was; session 43)
    records = rec["meta"].get(SETS_KEY) if isinstance(rec["meta"].get(SETS_KEY), dict) else {}
    theirs = [
        {
            **set_annotation(records.get(name)),
            **author_keys(name),
            "result": [x for _, u, x in got if not u],
            "ground_truth": False,
        }
        for name, got in of_sets.items()
    ]
    her_predictions = [
        (name, p)
        for name, got in of_sets.items()
        if any(u for _, u, _ in got)
        for p in _predictions([x for x in got if x[1]], got, scores)
    ]
    suggested = bool(rec["entities"] or rec["events"]) or not _choices(rec, "")  # categories are no suggestions
    if result and not decided and suggested:  # undecided suggestions only: a prediction a model, read back as such
        task["annotations"], task["predictions"] = theirs, _predictions(items, scores=scores)
    elif theirs and not decided:  # the annotators' alone: no decision yet
        task["annotations"] = theirs
    else:
        truth = {"ground_truth": True} if theirs else {}
        review = {"reviews": [{"accepted": True}]} if rec["status"] == "reviewed" else {}  # read back as reviewed
        decisions = [item for _, undecided, item in items if not undecided]
        author = {} if theirs else final_author(decided)  # a task one Label Studio user did: back to her
        given = kept_keys(shape) if author else {}  # and its id, lead time and ground truth with it (session 43)
        truth = {"ground_truth": given.pop("ground_truth")} if "ground_truth" in given else truth
        ident = {"id": given.pop("id")} if "id" in given else {}
        task["annotations"] = [{**ident, **author, "result": decisions, **truth, **given, **review}] + theirs
        if rec["status"] in UNFINISHED:  # a submitted annotation reads as done: not yet (status_left_as)
            task["meta"] = {**task.get("meta", {}), LEFT_AS: rec["status"]}
        undecided = [x for x in items if x[1]]
        if undecided:  # beside the decisions, where Label Studio keeps a model's suggestions; the meta says so
            task["predictions"] = _predictions(undecided, items, scores)
            task["meta"] = {**task.get("meta", {}), **UNDECIDED_BESIDE}
    if her_predictions:  # which set each prediction is of: the exported set's (None) first
        own = task.get("predictions", [])
        task["predictions"] = own + [p for _, p in her_predictions]
        of = [None] * len(own) + [name for name, _ in her_predictions]
        task["meta"] = {**task.get("meta", {}), PREDICTIONS_OF: of}
    return task


def write_documents(
    project: Project,
    out: str | Path,
    request: ExportRequest,
    fmt: str,
    render: Callable[[dict[str, Any], FormatExportReport], dict[str, Any]],
    array: bool,
) -> FormatExportReport:
    report = FormatExportReport(format=fmt)
    with atomic_output(out) as fh:
        if array:
            fh.write(b"[")
        for k, rec in enumerate(request_records(project, request, report)):
            if array:
                fh.write(b",\n" if k else b"\n")
            fh.write(orjson.dumps(render(rec, report), option=0 if array else orjson.OPT_APPEND_NEWLINE))
        if array:
            fh.write(b"\n]\n")
        report.bytes = fh.tell()
    report.files = [str(out)]
    return report


@export_writer("label_studio")
def write_label_studio(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """Label Studio's JSON export: a list of tasks, each annotator's set of a document an annotation of its own; its
    labeling config beside it (``label_studio_config``: ``tasks.json`` -> ``tasks.label_config.xml``)."""
    ids = KeptIds(TASK_ID, project)
    config = ConfigGather(event_colors=kept_type_colors(project))  # the inputs' own, whichever documents go out

    def task(rec: dict[str, Any], report: FormatExportReport) -> dict[str, Any]:
        got = label_studio_task(rec, report, covering_set_records(project, request, rec), ids)
        config.event_colors.update(kept_event_colors(_shape(rec)))  # a config's own, as it came (the app's: one)
        return config.seen(got, _shape(rec).get("text_key", "text"))

    report = write_documents(project, out, request, "label_studio", task, array=True)
    config.with_schema(project.schema)
    with atomic_output(config_path(out)) as fh:
        fh.write(config.xml().encode("utf-8"))
    report.files.append(str(config_path(out)))
    return report
