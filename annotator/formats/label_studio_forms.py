"""Label Studio's flat exports read as the full export's tasks: a JSON-MIN task (the data's keys, each tag's regions
under its name) as a task of the full export (``from_json_min``), and the CSV (or TSV) export, JSON-MIN's rows with
list and object values written as JSON text (``iter_csv_tasks``); the keys a task of the full export has
(``TASK_KEYS``), for telling one from data. The reader of the tasks is ``label_studio``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

from annotator.errors import ImportFileError
from annotator.formats.label_studio_names import CLASS_KINDS
from annotator.formats.reading import iter_csv_rows

TASK_KEYS = {
    "id",
    "annotations",
    "completions",  # Label Studio before 1.0 (and John Snow Labs' Annotation Lab): the annotations' old name
    "predictions",
    "meta",
    "created_at",
    "updated_at",
    "project",
    "drafts",
    "inner_id",
    "total_annotations",
    "cancelled_annotations",
    "total_predictions",
    "file_upload",
}
MIN_KEYS = {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time"}  # JSON-MIN's own keys
# the keys every row of JSON-MIN and of the CSV export has, annotated or not (a task without annotations: each null, or
# an empty cell), and the CSV's annotation ``history``: the annotation's, never the task's data
ROW_KEYS = MIN_KEYS - {"id"}
ANNOTATION_KEYS = MIN_KEYS | {"history"}


def min_regions(value: Any) -> bool:
    """A JSON-MIN tag's regions: a list of objects with ``start``, ``end`` and a list of ``labels``."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(r, dict) and "start" in r and "end" in r and isinstance(r.get("labels"), list) for r in value
        )
    )


def _min_media(value: Any) -> str | None:
    """The kind of a JSON-MIN tag's image or video regions (objects with ``x`` and ``y``: ``rectanglelabels``,
    ``polygonlabels``, ...: the key that holds their labels), so that the task is refused as an image's; None for
    anything else."""
    if isinstance(value, list) and value and all(isinstance(r, dict) and {"x", "y"} <= r.keys() for r in value):
        return next((k for k in value[0] if k.endswith("labels")), "rectangle")
    return None


def _min_class(value: Any) -> str | None:
    """The kind of a JSON-MIN tag's classification of the whole text, as its converter (``prettify_result``) writes
    them: ``[{"taxonomy": [["A", "B"]]}]``, ``[{"rating": 4}]``, several choices as ``{"choices": ["A", "B"]}``
    (one choice is a bare string, which data is too: left as data); None for anything else."""
    if isinstance(value, dict) and set(value) == {"choices"} and isinstance(value["choices"], list):
        return "choices"
    if isinstance(value, list) and value and all(isinstance(x, dict) and len(x) == 1 for x in value):
        kind = next(iter(value[0]))
        if kind in CLASS_KINDS and all(kind in x for x in value):
            return kind
    return None


def from_json_min(task: dict[str, Any], tag_names: frozenset[str] | set[str] = frozenset()) -> dict[str, Any] | None:
    """A task of Label Studio's JSON-MIN export (flat: the data's keys, each tag's regions under its name, and
    ``annotator``, ``annotation_id``, ``lead_time``) as a task of the full export, or None if it is not one. The text
    is the data key whose string the regions' ``text`` fits (else the only string, else ``text``). ``tag_names``: keys
    known to be tags (a CSV export's columns that hold regions in some row), taken even where a task has none (``[]``).
    A tag's ``taxonomy``, ``rating`` or several ``choices`` of the whole text (``_min_class``) are its results too; a
    task of such tags alone is JSON-MIN when it has the export's ``annotation_id``. An image's regions (``x``, ``y``)
    are its results too, for the reader to refuse the task as an image's (``_min_media``)."""
    if not isinstance(task, dict) or "data" in task or "annotations" in task or "predictions" in task:
        return None
    # a tag's column of the CSV export is empty ("") in a row of a task without annotations
    tags = {k: v for k, v in task.items() if min_regions(v) or (k in tag_names and v in ([], ""))}
    classes = {k: kind for k, v in task.items() if k not in tags and (kind := _min_class(v))}
    media = {k: kind for k, v in task.items() if k not in tags and (kind := _min_media(v))}
    unannotated = ROW_KEYS <= task.keys() and task["annotation_id"] in (None, "")
    if not tags and not media and not (classes and "annotation_id" in task) and not unannotated:
        return None
    data = {
        k: v
        for k, v in task.items()
        if k not in tags and k not in classes and k not in media and k not in ANNOTATION_KEYS
    }
    strings = [k for k, v in data.items() if isinstance(v, str)]
    said = [r for rs in tags.values() for r in rs if isinstance(r.get("text"), str)]

    def fits(key: str) -> bool:
        text = data[key]
        return all(
            type(r["start"]) is int and type(r["end"]) is int and text[r["start"] : r["end"]] == r["text"] for r in said
        )

    key = next((k for k in strings if said and fits(k)), strings[0] if len(strings) == 1 else "text")
    result = (
        [
            {"id": f"{tag}-{i}", "from_name": tag, "to_name": key, "type": "labels", "value": r}
            for tag, regions in tags.items()
            for i, r in enumerate(regions)
        ]
        + [
            {"from_name": tag, "to_name": key, "type": kind, "value": v}
            for tag, kind in classes.items()
            for v in ([task[tag]] if kind == "choices" else task[tag])
        ]
        + [
            {"from_name": tag, "to_name": key, "type": kind, "value": r}
            for tag, kind in media.items()
            for r in task[tag]
        ]
    )
    if unannotated and not result:  # a row of a task no one annotated: its data alone (the values said none)
        return {"id": task["id"], "data": data, "annotations": []} if "id" in task else {"data": data}
    annotation = {"result": result, **({"completed_by": task["annotator"]} if "annotator" in task else {})}
    # the row's annotation's own id and times, which tell one annotator's newest where a task has several rows
    annotation |= {k: task[k] for k in ("created_at", "updated_at", "lead_time") if k in task}
    if "annotation_id" in task:
        annotation["id"] = task["annotation_id"]
    return {
        **{k: task[k] for k in ("id", "created_at", "updated_at") if k in task},
        "data": data,
        "annotations": [annotation],
    }


def min_tasks(items: Iterable[tuple[int, Any]], tag_names: set[str]) -> Iterator[tuple[int, Any]]:
    """(line, task) of a file's tasks with JSON-MIN's (and the CSV's) rows read as the full export's tasks
    (``from_json_min``), the rows of one task joined: those exports write a row per annotation, one after the other
    (several annotators', newest first), so each row of the same ``id`` and data after the first is that task's next
    annotation. They were read as tasks of their own, every annotation after the first "a duplicate skipped"."""
    held: tuple[int, dict[str, Any]] | None = None
    for line, raw in items:
        task = from_json_min(raw, tag_names) if isinstance(raw, dict) else None
        if task is not None and held is not None and "id" in task and held[1].get("id") == task["id"]:
            if held[1]["data"] == task["data"]:
                held[1]["annotations"] += task["annotations"]
                continue
        if held is not None:
            yield held
            held = None
        if task is None:
            yield line, raw
        else:
            held = (line, task)
    if held is not None:
        yield held


CSV_SUFFIXES = (".csv", ".tsv")


def _csv_value(key: str, value: str) -> Any:
    """A CSV cell as the JSON-MIN value it was written from: lists and objects are JSON text, ids whole numbers, the
    lead time a number of seconds."""
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in ("id", "annotation_id") and value.isdigit():
        return int(value)
    if key == "lead_time" and re.fullmatch(r"\d+(\.\d+)?", value):  # seconds, as Label Studio's import keeps them
        return float(value)
    return value


def iter_csv_tasks(path: Path, text: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line where it starts, task) for each row of Label Studio's CSV or TSV export (JSON-MIN's rows under a header
    of their keys; a tab in the header line makes it TSV)."""
    for line, row in iter_csv_rows(path, text, "a CSV file Label Studio wrote"):
        yield line, {k: _csv_value(k, v) for k, v in row.items()}


def csv_first_task(path: Path, head: str) -> dict[str, Any] | None:
    """The first row of a CSV export as a task, from the start of the file (``head``), or None."""
    try:
        for _, task in iter_csv_tasks(path, head.rsplit("\n", 1)[0] if "\n" in head else head):
            return task
    except ImportFileError:
        return None
    return None
