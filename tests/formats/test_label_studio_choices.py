"""Label Studio's text classification and relation templates (our own task in their shapes): ``choices`` of the
whole text are the document's categories, as doccano's and Prodigy's text classifications keep them, and go back out
under their Choices tag's name; a relation drawn with several labels keeps each, and one drawn both ways its
direction. Session 13 found the choices said
not kept and a relation's second label dropped without a word (``["lives_in", "works_in"]`` went out as
``["lives_in"]``)."""

from __future__ import annotations

import json

from annotator.categories import CATEGORIES
from annotator.formats.label_studio import read_label_studio
from tests.formats.conftest import cli_round_trip

TASK = {
    "id": 7,
    "data": {"text": "Acme hired Lee in Oslo."},
    "annotations": [
        {
            "result": [
                {
                    "id": "r1",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": 0, "end": 4, "text": "Acme", "labels": ["ORG"]},
                },
                {
                    "id": "r2",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": 11, "end": 14, "text": "Lee", "labels": ["PERSON"]},
                },
                {
                    "id": "r3",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": 18, "end": 22, "text": "Oslo", "labels": ["GPE"]},
                },
                {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "right", "labels": ["employs"]},
                {
                    "from_id": "r2",
                    "to_id": "r3",
                    "type": "relation",
                    "direction": "bi",
                    "labels": ["lives_in", "works_in"],
                },
                {
                    "id": "t1",
                    "from_name": "topic",
                    "to_name": "text",
                    "type": "choices",
                    "value": {"choices": ["Business", "Local"]},
                },
            ]
        }
    ],
}


def test_the_texts_choices_are_categories_and_every_relation_label_is_kept(tmp_path):
    (tmp_path / "tasks.json").write_text(json.dumps([TASK]), encoding="utf-8")
    result = read_label_studio(tmp_path / "tasks.json")
    (doc,) = result.documents
    assert doc.meta[CATEGORIES] == ["Business", "Local"]
    assert not any("choices" in w for w in result.warnings)  # it was "result 5 of type 'choices' (topic)" not kept
    kept = [(r["from"][2], r["type"], r["to"][2]) for r in doc.meta["label_studio"]["relations"]]
    assert kept == [("ORG", "employs", "PERSON"), ("PERSON", "lives_in", "GPE"), ("PERSON", "works_in", "GPE")]


def test_they_go_back_out_the_same(tmp_path):
    (tmp_path / "tasks.json").write_text(json.dumps([TASK]), encoding="utf-8")
    out, _, again = cli_round_trip(tmp_path, tmp_path / "tasks.json", "label_studio")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    result = task["annotations"][0]["result"]
    relations = [(x["labels"], x["direction"]) for x in result if x["type"] == "relation"]
    assert relations == [(["employs"], "right"), (["lives_in", "works_in"], "bi")]  # "bi" went out as "right"
    (choices,) = [x for x in result if x["type"] == "choices"]
    assert (choices["from_name"], choices["value"]) == ("topic", {"choices": ["Business", "Local"]})
    assert CATEGORIES not in task["data"]
    assert again.read_bytes() == out.read_bytes()


def test_choices_on_an_entity_region_are_kept_for_the_export(tmp_path):
    """A Choices tag with perRegion on a span (``sentiment`` of ``Acme``): said not kept in session 12; one whose name
    is a schema attribute set an attribute entities do not have, so it was lost without a word."""
    regions = [
        {
            "id": "r1",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": 0, "end": 4, "text": "Acme", "labels": ["ORG"]},
        },
        {
            "id": "r1",
            "from_name": "sentiment",
            "to_name": "text",
            "type": "choices",
            "value": {"start": 0, "end": 4, "text": "Acme", "choices": ["Positive"]},
        },
        {
            "id": "r1",
            "from_name": "polarity",
            "to_name": "text",
            "type": "choices",
            "value": {"start": 0, "end": 4, "text": "Acme", "choices": ["Negative"]},
        },
    ]
    task = {"id": 8, "data": {"text": "Acme hired Lee."}, "annotations": [{"result": regions}]}
    (tmp_path / "tasks.json").write_text(json.dumps([task]), encoding="utf-8")
    result = read_label_studio(tmp_path / "tasks.json")
    assert not any("choices" in w for w in result.warnings)
    out, _, again = cli_round_trip(tmp_path, tmp_path / "tasks.json", "label_studio")
    (got,) = json.loads(out.read_text(encoding="utf-8"))
    kept = [(x["from_name"], x["value"]) for x in got["annotations"][0]["result"] if x["type"] == "choices"]
    assert kept == [
        ("sentiment", {"start": 0, "end": 4, "text": "Acme", "choices": ["Positive"]}),
        ("polarity", {"start": 0, "end": 4, "text": "Acme", "choices": ["Negative"]}),
    ]
    assert again.read_bytes() == out.read_bytes()
