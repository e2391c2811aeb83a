"""The names the Label Studio import and the doccano and Label Studio exports (``regions_out``) share: the document
meta's keys the import keeps and the export writes back, the tags and task keys the export writes, and how an
annotation set's name goes out as an annotation's author (``author_keys``; ``label_studio_pick.author`` reads it
back). The reader is ``label_studio``; the writer imports this module, never the reader."""

from __future__ import annotations

import math
import re
from typing import Any

REGION_CHOICES = (
    "label_studio_choices"  # the meta key of the choices on entity regions: [{"on", "from_name", "choices"}]
)
CHOICES_TAG = "category"  # the name of the Choices tag the export writes a document's categories under by default


TASK_ID = "label_studio_id"  # the document meta's key of the task id the import kept (the export writes it back)
LEFT_AS = "status"  # the task meta's key of the status an unfinished document left with (the export writes it)

# the task meta our export writes beside a decided document's annotation: its predictions are the document's
# suggestions nobody decided (in Label Studio's own workflow a prediction beside an annotation is where the annotator
# started from, a region it lacks taken out: not kept)
UNDECIDED_BESIDE = {"predictions": "undecided"}
# the task meta our export writes where annotators' sets have suggestions nobody decided: a list beside the task's
# predictions, each the annotation set (an annotation's ``completed_by``) whose suggestions it holds, None for the
# exported set's (inside her annotation they came back as her decisions)
PREDICTIONS_OF = "predictions_of"

# the kinds of result besides labels and choices, read by the import's modules of each kind and written back by
# label_studio_kinds_out, with the keys of the task meta that keeps what each needs to go out as it came
PARAGRAPH_LABELS = "paragraphlabels"  # the Paragraphs tag's result type and its value's key of labels
PARAGRAPHS_SHAPE = "paragraphs"  # in meta["label_studio_task"]: {"key", "text_key", "others", "starts"}
PARAGRAPH_TEXT_KEY = "text"  # the Paragraphs tag's default textKey
HYPERTEXT_LABELS = "hypertextlabels"  # the HyperText tag's result type and its value's key of labels
HYPERTEXT_KINDS = (
    HYPERTEXT_LABELS,
    "htmllabels",
)  # Label Studio 0.x named it htmllabels (HyperTextRegion's toStateJSON)
HYPERTEXT_SHAPE = "hypertext"  # in meta["label_studio_task"]: {"key", "html"}
# in meta["label_studio_task"]: a task's one annotation's own keys Label Studio's import keeps (``id``, ``lead_time``,
# ``ground_truth``), written back on it while it is still its annotator's (``final_author``)
ANNOTATION_KEYS = "annotation"
PREDICTION_SCORES = "prediction_scores"  # in meta["label_studio_task"]: {model_version: its prediction's own score}
CLASS_KINDS = ("taxonomy", "rating")  # classifications of the whole text (or a region) besides choices

MEMBER = "label-studio user "  # a set read from a member's number (``completed_by: 7``), named so by ``label_studio_pick.author``
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def author_keys(name: str) -> dict[str, Any]:
    """The keys that name whose annotation it is (a set's ``name``), ``label_studio_pick.author`` the other way, as Label Studio's import
    takes them: it resolves ``completed_by`` as a member's number or an object with her ``email`` and refuses the
    whole file for anything else (a plain name: "not a valid annotator's email or ID"). A set read from a member's
    number (``label-studio user 7``) goes out as the number, one named by an e-mail address as ``{"email": ...}``;
    another name as ``created_username``, which that import passes over (the annotation is the importing user's)
    and ``author`` reads back."""
    number = name[len(MEMBER) :]
    if name.startswith(MEMBER) and number.isdigit() and number.isascii():
        return {"completed_by": int(number)}
    if EMAIL.fullmatch(name):
        return {"completed_by": {"email": name}}
    return {"created_username": name}


def lead_time(annotation: dict[str, Any]) -> dict[str, float]:
    """An annotation's ``lead_time`` (the seconds its annotator spent on it, which Label Studio's import keeps) where it
    is a number of seconds, for the set's record (``annotation_sets``) and the export to write back."""
    x = annotation.get("lead_time")
    ok = isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) and x >= 0
    return {"lead_time": x} if ok else {}


def set_annotation(record: Any) -> dict[str, Any]:
    """The keys of an annotator's annotation her set's record kept from the Label Studio file it came from (its
    ``id``, which Label Studio's import keeps as ``import_id``, and ``lead_time``), as the export writes them back."""
    if not isinstance(record, dict):
        return {}
    given = record.get("annotation_id")
    ok = isinstance(given, str) or type(given) is int  # an id, not a bool
    return {**({"id": given} if ok else {}), **lead_time(record)}


def kept_keys(shape: dict[str, Any]) -> dict[str, Any]:
    """The keys of a task's one annotation its import kept (``ANNOTATION_KEYS``), those of the right kind."""
    given = shape.get(ANNOTATION_KEYS)
    if not isinstance(given, dict):
        return {}
    out = {**set_annotation({"annotation_id": given.get("id"), **lead_time(given)})}
    if isinstance(given.get("ground_truth"), bool):
        out["ground_truth"] = given["ground_truth"]
    return out


def final_author(decided: list[dict[str, Any]]) -> dict[str, Any]:
    """The keys naming the author of a task's one annotation (the final set's, no annotator's set beside it) when every
    decision in it is one Label Studio user's as its import recorded her (``label-studio user 7`` from a member's
    number, or an e-mail address): written back, Label Studio's import gives the annotation to her again, where it
    went to the importing user; none for a person of this app, for several, or for none."""
    names = {x.get("annotator") for x in decided}
    if len(names) != 1:
        return {}
    name = names.pop()
    if not isinstance(name, str) or not (name.startswith(MEMBER) or EMAIL.fullmatch(name)):
        return {}
    keys = author_keys(name)
    return keys if "completed_by" in keys else {}
