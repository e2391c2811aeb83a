"""What a Label Studio task's data and results say beside its regions, for the reader (``label_studio``): the text
and the key it is under (or the media a result names), the task's shape to write back (``task_shape``: the tags'
names, the text key, the other tags of labels and text areas), the status an export left it as, a meta value as
the store can hold it, a result's score (whether a value is a region id: ``reading.is_key``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annotator.db import is_score
from annotator.formats.label_studio_names import LEFT_AS, PREDICTIONS_OF, UNDECIDED_BESIDE
from annotator.formats.reading import need, whole_number
from annotator.model import UNFINISHED

REFERENCE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S+|/data/(?:upload|local-files)/\S+|/?\S+\?d=\S+)$", re.I)


def media_of(results: list) -> dict[str, str]:
    """The ``to_name`` of each object the results mark as an image or a video (a region's ``value`` with ``x`` and
    ``y`` or ``points``: ``rectanglelabels``, ``polygonlabels``, ``keypointlabels``, ...), with the first such kind."""
    out: dict[str, str] = {}
    for r in results:
        value = r.get("value") if isinstance(r, dict) else None
        if isinstance(value, dict) and ({"x", "y"} <= value.keys() or "points" in value):
            if isinstance(r.get("to_name"), str):
                out.setdefault(r["to_name"], str(r.get("type")))
    return out


def text_of(data: Any, results: list, who: str, path: Path, line: int) -> tuple[str, str]:
    """The task's text and its key in ``data``: the key its results point at (``to_name``), else ``text``; never a
    URL."""
    need(isinstance(data, dict), path, line, f"{who} has no 'data' object")
    named = [r.get("to_name") for r in results if isinstance(r, dict) and isinstance(r.get("to_name"), str)]
    media = media_of(results)
    key = next((k for k in named if k not in media and isinstance(data.get(k), str)), "text")
    if key not in data and media:  # only an image's (or a video's) regions: that data value is no text
        k, kind = next(iter(media.items()))
        lists = [x for x, v in data.items() if isinstance(v, list)]
        what = (  # a Repeater's object (page_0 over data['images']) is no key of the data
            f"data[{k!r}]"
            if k in data or not lists
            else f"{k!r} (a Repeater's object over data[{lists[0]!r}], no key of the data)"
        )
        need(
            False,
            path,
            line,
            f"{who}: {what} is what its {kind} results mark (an image or video region: x, y, width, height), not "
            "a text; only text tasks can be imported",
        )
    text = data.get(key)
    if not isinstance(text, str) or not text:
        keys = ", ".join(repr(k) for k in data) or "none"
        need(
            False,
            path,
            line,
            f"{who} has no text under {key!r} in 'data' (its keys: {keys}); the text must sit under "
            "the key of the labelling config's text tag",
        )
    need(
        not REFERENCE.match(text.strip()),
        path,
        line,
        f"{who}: data[{key!r}] is a URL or file reference ({text.strip()[:60]!r}), not the text; import the text "
        "files themselves, or export the tasks with the text inlined",
    )
    return text, key


def status_left_as(task: dict[str, Any], status: str) -> str:
    """The document's status: as the task's annotations tell it (``status``), but a task the export wrote for an
    unfinished document (``meta.status`` ``new`` or ``in_progress``: Label Studio shows its decisions as a submitted
    annotation) comes back as it left, unless a review has judged it since."""
    left = task["meta"].get(LEFT_AS) if isinstance(task.get("meta"), dict) else None
    return left if status == "annotated" and left in UNFINISHED else status


def task_shape(task: dict[str, Any], key: str, results: list) -> dict[str, Any]:
    """What the Label Studio export needs to write a task the same project takes back, where it is not the default:
    the text's key in ``data`` (``text``), the names of the labelling tag and of the text tag its regions give
    (``label``, the text's key) and of its TextArea (``comment``; of a second one, the notes it held), the task's
    ``meta`` (the ``data`` values other than the text are the document's meta, objects and lists too)."""
    shape: dict[str, Any] = {}
    if key != "text":
        shape["text_key"] = key
    first = next((r for r in results if isinstance(r, dict) and r.get("type") == "labels"), None)
    if first is not None and isinstance(first.get("from_name"), str) and first["from_name"] != "label":
        shape["from_name"] = first["from_name"]
    if first is not None and isinstance(first.get("to_name"), str) and first["to_name"] != key:
        shape["to_name"] = first["to_name"]
    if tags := other_labels_tags(results, first):
        shape["labels_tags"] = tags
    for key_, on_region in (("textarea", False), ("region_textarea", True)):  # the TextArea tags' names, for the export
        notes = next((r for r in results if is_textarea(r) and ("start" in r["value"]) == on_region), None)
        if notes is not None and isinstance(notes.get("from_name"), str) and notes["from_name"] != "comment":
            shape[key_] = notes["from_name"]
    if others := other_textareas(results, shape):
        shape["textarea_tags"] = others
    ours = (LEFT_AS, *UNDECIDED_BESIDE, PREDICTIONS_OF)
    own = {k: v for k, v in task["meta"].items() if k not in ours} if isinstance(task.get("meta"), dict) else {}
    if own:  # the task's meta but the status and the mark of undecided predictions our export wrote in it
        shape["meta"] = own
    return shape


def other_labels_tags(results: list, first: dict[str, Any] | None) -> dict[str, str]:
    """The labels given by a Labels tag other than the first's (a config's ``objects`` and ``events`` tags): {the
    label as the file spells it: its tag}, so that the export writes each under the tag it came from (session 33: they
    went out under the first one's name, which a Label Studio project with both tags does not take them from)."""
    main = first.get("from_name") if first is not None else None
    out: dict[str, str] = {}
    for r in results:
        if not (isinstance(r, dict) and r.get("type") == "labels" and isinstance(r.get("from_name"), str)):
            continue
        picked = r.get("value", {}).get("labels") if isinstance(r.get("value"), dict) else None
        if r["from_name"] != main and isinstance(picked, list) and picked and isinstance(picked[0], str):
            out.setdefault(picked[0], r["from_name"])
    return out


def other_textareas(results: list, shape: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The notes of a TextArea tag other than the first of its kind (a second one of the whole text, or of a region):
    {"task" or "region": {the note: its tag}}, so that the export writes each under the tag it came from (they went
    out under the first one's name)."""
    out: dict[str, dict[str, str]] = {}
    for r in results:
        if not is_textarea(r) or not isinstance(r.get("from_name"), str):
            continue
        on_region = "start" in r["value"]
        if r["from_name"] == shape.get("region_textarea" if on_region else "textarea", "comment"):
            continue
        said = r["value"].get("text")
        for t in [said] if isinstance(said, str) else said if isinstance(said, list) else []:
            if isinstance(t, str) and t.strip():
                out.setdefault("region" if on_region else "task", {})[t] = r["from_name"]
    return out


def is_textarea(r: Any) -> bool:
    return isinstance(r, dict) and r.get("type") == "textarea" and isinstance(r.get("value"), dict)


def storable(value: Any) -> Any:
    """``value`` for the document's meta: a whole number past 64 bits (JSON allows it, the store does not) becomes
    text, at any depth of an object or a list (kept as they are: the export writes them back into the task's data)."""
    if whole_number(value) and not -(2**63) <= value < 2**64:
        return str(value)
    if isinstance(value, list):
        return [storable(v) for v in value]
    if isinstance(value, dict):
        return {k: storable(v) for k, v in value.items()}
    return value


def result_score(result: dict[str, Any], value: dict[str, Any], default: float | None = None) -> float | None:
    """A region's score: Label Studio's ``score`` on the result, else the ``confidence`` John Snow Labs' Annotation
    Lab writes in its ``value`` (a number, or in its predictions a number as text: ``"0.9524"``), else ``default``
    (the prediction's own ``score``)."""
    for x in (result.get("score"), value.get("confidence")):
        if isinstance(x, str):
            try:
                x = float(x)
            except ValueError:
                continue
        if is_score(x):
            return float(x)
    return default
