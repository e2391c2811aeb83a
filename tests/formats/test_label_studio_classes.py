"""Label Studio's ``taxonomy`` and ``rating`` results of the whole text (the Taxonomy and Rating templates; our own
task in their shapes): the document's categories, as ``choices`` of the whole text are, and written back as the
results they came as. Sessions 13 found both said and not kept ("result 1 of type 'taxonomy' (taxonomy)")."""

from __future__ import annotations

import json

import pytest

from annotator.errors import ImportFileError
from annotator.categories import CATEGORIES, document_cats
from annotator.formats.label_studio import read_label_studio
from tests.formats.conftest import cli_round_trip

RESULTS = [
    {
        "id": "tx",
        "from_name": "taxonomy",
        "to_name": "text",
        "type": "taxonomy",
        "value": {"taxonomy": [["Eukarya", "Human"], ["Archaea"]]},
    },
    {"id": "st", "from_name": "stars", "to_name": "text", "type": "rating", "value": {"rating": 4}},
    {"id": "tp", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["Science"]}},
]
TASK = {"id": 3, "data": {"text": "Cells divide."}, "annotations": [{"result": RESULTS}]}


def _write(tmp_path, task):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    return path


def test_taxonomy_paths_and_a_rating_are_the_documents_categories(tmp_path):
    result = read_label_studio(_write(tmp_path, TASK))
    (doc,) = result.documents
    assert doc.meta[CATEGORIES] == ["Eukarya / Human", "Archaea", "stars=4", "Science"]
    assert not any("taxonomy" in w or "rating" in w for w in result.warnings)  # they were said not kept
    assert document_cats(doc.meta) == {"Eukarya / Human": 1.0, "Archaea": 1.0, "stars=4": 1.0, "Science": 1.0}


def test_they_go_back_out_as_taxonomy_and_rating(tmp_path):
    out, _, again = cli_round_trip(tmp_path, _write(tmp_path, TASK), "label_studio")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    got = {x["type"]: (x["from_name"], x["value"]) for x in task["annotations"][0]["result"]}
    assert got == {
        "choices": ("topic", {"choices": ["Science"]}),
        "taxonomy": ("taxonomy", {"taxonomy": [["Eukarya", "Human"], ["Archaea"]]}),
        "rating": ("stars", {"rating": 4}),
    }
    assert again.read_bytes() == out.read_bytes()


def test_a_taxonomy_path_that_is_not_a_list_of_names_is_refused_with_the_task(tmp_path):
    bad = {**TASK, "annotations": [{"result": [{**RESULTS[0], "value": {"taxonomy": ["Eukarya"]}}]}]}
    with pytest.raises(ImportFileError) as info:
        read_label_studio(_write(tmp_path, bad))
    assert "(taxonomy): each path must be a list of names" in str(info.value)
    bad = {**TASK, "annotations": [{"result": [{**RESULTS[1], "value": {"rating": "four"}}]}]}
    with pytest.raises(ImportFileError) as info:
        read_label_studio(_write(tmp_path, bad))
    assert "(rating): 'rating' must be a number, not 'four'" in str(info.value)


def test_per_region_taxonomy_and_rating_are_kept_on_their_entity_and_written_back(tmp_path):
    """A Taxonomy or Rating tag with ``perRegion`` on a span: said and not kept ("result 1 of type 'taxonomy'")."""
    where = {"start": 0, "end": 5, "text": "Cells"}
    regions = [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": {**where, "labels": ["ORG"]}},
        {
            "id": "r1",
            "from_name": "kind",
            "to_name": "text",
            "type": "taxonomy",
            "value": {**where, "taxonomy": [["Eukarya", "Human"]]},
        },
        {"id": "r1", "from_name": "trust", "to_name": "text", "type": "rating", "value": {**where, "rating": 2}},
    ]
    task = {"id": 4, "data": {"text": "Cells divide."}, "annotations": [{"result": regions}]}
    result = read_label_studio(_write(tmp_path, task))
    assert not any("taxonomy" in w or "rating" in w for w in result.warnings)
    out, _, again = cli_round_trip(tmp_path, _write(tmp_path, task), "label_studio")
    (got,) = json.loads(out.read_text(encoding="utf-8"))
    kept = [(x["type"], x["from_name"], x["value"]) for x in got["annotations"][0]["result"] if x["type"] != "labels"]
    assert kept == [
        ("taxonomy", "kind", {**where, "taxonomy": [["Eukarya", "Human"]]}),
        ("rating", "trust", {**where, "rating": 2}),
    ]
    assert again.read_bytes() == out.read_bytes()
