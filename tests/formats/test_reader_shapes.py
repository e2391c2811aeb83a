"""Malformed shapes the readers' fuzzing found crashing (RELIABILITY_SCALE=20, new inputs): each is now the reader's
one-line refusal, naming the line, or is read with the malformed part ignored where it decides nothing."""

from __future__ import annotations

import copy

import orjson
import pytest

from annotator.errors import ImportFileError
from annotator.formats.label_studio import read_label_studio
from annotator.formats.omnievent import read_omnievent
from annotator.schema import default_schema

TEXT = "Anna Berg met Reuters in Paris ."
MAVEN = {
    "id": "m",
    "content": [{"sentence": TEXT, "tokens": TEXT.split()}],
    "events": [
        {"id": "e1", "type": "Meet", "mention": [{"id": "m1", "trigger_word": "met", "sent_id": 0, "offset": [2, 3]}]}
    ],
    "negative_triggers": [],
}
MAVEN_ARG = {
    "id": "a",
    "document": TEXT,
    "events": [
        {
            "id": "E1",
            "type": "Meet",
            "mention": [{"id": "m1", "trigger_word": "met", "offset": [10, 13]}],
            "argument": {"Place": [{"entity_id": "P"}]},
        }
    ],
    "entities": [{"id": "P", "type": "GPE", "mention": [{"id": "p1", "mention": "Paris", "offset": [25, 30]}]}],
}


def _with(obj: dict, path: tuple, value: object) -> dict:
    out = copy.deepcopy(obj)
    at = out
    for key in path[:-1]:
        at = at[key]
    at[path[-1]] = value
    return out


@pytest.mark.parametrize(
    ("base", "path", "value", "said"),
    [
        (MAVEN, ("events",), 3, "'events' must be a list, not int"),
        (MAVEN, ("events", 0, "mention"), 3, "events 0: 'mention' must be a list, not int"),
        (MAVEN, ("negative_triggers",), 3, "'negative_triggers' must be a list, not int"),
        (MAVEN, ("candidates",), 1.5, "'candidates' must be a list, not float"),
        (MAVEN_ARG, ("entities",), True, "'entities' must be a list, not bool"),
        (MAVEN_ARG, ("entities", 0, "id"), ["P"], "entities 0: 'id' must be a string or a number"),
        (MAVEN_ARG, ("events", 0, "mention"), 1.5, "events 0: 'mention' must be a list, not float"),
    ],
)
def test_maven_shapes_are_one_line_refusals(tmp_path, base, path, value, said):
    file = tmp_path / "train.jsonl"
    file.write_bytes(orjson.dumps(_with(base, path, value)) + b"\n")
    with pytest.raises(ImportFileError) as exc:
        read_omnievent(file, default_schema())
    assert exc.value.line == 1 and said in str(exc.value)


def test_a_maven_arg_argument_naming_a_list_is_no_entity(tmp_path):
    file = tmp_path / "train.jsonl"
    file.write_bytes(orjson.dumps(_with(MAVEN_ARG, ("events", 0, "argument", "Place", 0, "entity_id"), ["P"])) + b"\n")
    with pytest.raises(ImportFileError) as exc:
        read_omnievent(file, default_schema())
    assert exc.value.line == 1 and "no entity ['P'] with a mention in the document" in str(exc.value)


def test_label_studio_annotation_and_draft_ids_that_are_lists_match_nothing(tmp_path):
    region = {
        "id": "a",
        "type": "labels",
        "from_name": "label",
        "to_name": "text",
        "value": {"start": 0, "end": 9, "text": "Anna Berg", "labels": ["PERSON"]},
    }
    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [{"id": [11], "completed_by": 2, "result": [region]}],
        "drafts": [{"user": 4, "annotation": [11], "result": [{**region, "id": "d"}]}],
    }
    file = tmp_path / "tasks.json"
    file.write_bytes(orjson.dumps([task]))
    docs = read_label_studio(file, default_schema()).documents  # the draft's author submitted nothing: read too
    assert [(d.annotation_set, [(e.start, e.end, e.label) for e in d.entities]) for d in docs] == [
        ("label-studio user 2", [(0, 9, "PERSON")]),
        ("label-studio user 4", [(0, 9, "PERSON")]),
    ]
