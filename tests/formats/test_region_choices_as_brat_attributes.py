"""Label Studio's choices on an entity region (a Choices tag with ``perRegion``: PaddleNLP UIE's guide's sentiment on an
aspect, ``正向``) and brat's attributes on an entity (``A1  Confidence T1 High``) are one thing, a named value on a span.
The brat export left the first out of the ``.ann`` (kept for the Label Studio export alone), and the Label Studio
export wrote the second into the task's data, not as a choice on its region. Each goes out as the other's now, and
comes back. Our own text and files, in their shapes."""

from __future__ import annotations

import orjson

from annotator import api

TEXT = "Rebels attacked the town of Kobani on Monday."
RESULT = [
    {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
     "value": {"start": 0, "end": 6, "text": "Rebels", "labels": ["PERSON"]}},
    {"id": "c", "from_name": "label", "to_name": "text", "type": "labels",
     "value": {"start": 28, "end": 34, "text": "Kobani", "labels": ["GPE"]}},
    {"id": "c", "from_name": "sentiment", "to_name": "text", "type": "choices",
     "value": {"start": 28, "end": 34, "text": "Kobani", "choices": ["negative"]}},
    {"id": "a", "from_name": "topics", "to_name": "text", "type": "choices",
     "value": {"start": 0, "end": 6, "text": "Rebels", "choices": ["war", "politics"]}},
]  # fmt: skip


def tasks(tmp_path):  # type: ignore[no-untyped-def]
    src = tmp_path / "tasks.json"
    src.write_bytes(orjson.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [{"result": RESULT}]}]))
    return src


def test_a_region_choice_goes_out_to_brat_as_an_attribute_and_comes_back(tmp_path):
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [tasks(tmp_path)], format="label_studio")
    report = api.export(first, tmp_path / "out", "brat")
    (ann,) = (tmp_path / "out").glob("*.ann")
    lines = [x.split("\t") for x in ann.read_text().splitlines()]
    ids = {text: tid for tid, _, text in (x for x in lines if x[0].startswith("T"))}
    assert [x[1] for x in lines if x[0].startswith("A")] == [f"sentiment {ids['Kobani']} negative"]
    assert "sentiment\tArg:<ENTITY>, Value:negative" in (tmp_path / "out" / "annotation.conf").read_text()
    said = "1 Label Studio choice on entities left out (not one value without spaces, which a brat attribute holds): task 1: topics"
    assert said in report.summary(), report.summary()
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "out"])
    api.export(second, tmp_path / "t.json", "label_studio")
    (task,) = orjson.loads((tmp_path / "t.json").read_bytes())
    choices = [r for r in task["annotations"][0]["result"] if r["type"] == "choices"]
    assert [(c["from_name"], c["value"]["text"], c["value"]["choices"]) for c in choices] == [
        ("sentiment", "Kobani", ["negative"])
    ]
    assert "brat" not in task["data"], task["data"]  # the attribute went out as the choice, not twice


def test_a_brat_entity_attribute_goes_out_to_label_studio_as_a_region_choice_and_comes_back(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "doc.txt").write_text("Maria Lopez visited Lyon on Monday.\n")
    (src / "doc.ann").write_text(
        "T1\tPerson 0 11\tMaria Lopez\nT2\tCity 20 24\tLyon\nA1\tConfidence T1 High\nA2\tNegated T2\n"
    )
    (src / "annotation.conf").write_text(
        "[entities]\nPerson\nCity\n[relations]\n[events]\n[attributes]\n"
        "Confidence\tArg:<ENTITY>, Value:High|Low\nNegated\tArg:<ENTITY>\n"
    )
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src])
    api.export(first, tmp_path / "t.json", "label_studio")
    (task,) = orjson.loads((tmp_path / "t.json").read_bytes())
    choices = [r for r in task["annotations"][0]["result"] if r["type"] == "choices"]
    assert [(c["from_name"], c["value"]["text"], c["value"]["choices"]) for c in choices] == [
        ("Confidence", "Maria Lopez", ["High"])
    ]
    assert [a["name"] for a in task["data"]["brat"]["attributes"]] == ["Negated"]  # binary: brat's, in the data
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "t.json"], format="label_studio")
    api.export(second, tmp_path / "back", "brat")
    ann = (tmp_path / "back" / "doc.ann").read_text()
    assert sorted(x.split("\t")[1] for x in ann.splitlines() if x.startswith("A")) == [
        "Confidence T1 High",
        "Negated T2",
    ], ann


def test_brats_attribute_on_an_entity_renamed_on_the_way_comes_back(tmp_path):
    """brat's news tutorial (``A4  Individual T1`` on a ``Person``; nlplab/brat ``example-data/tutorials/news``) through
    Label Studio into a news project: ``Person`` is its ``PERSON`` there, and the binary attribute, kept in brat's meta
    by the span and brat's label, was "left out (their annotation is gone)" by the brat export; the one span there is
    its annotation."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "doc.txt").write_text("Somebody twitted that YouTube may merge with Google.\n")
    (src / "doc.ann").write_text("T1\tPerson 0 8\tSomebody\nT2\tOrganization 22 29\tYouTube\nA1\tIndividual T1\n")
    (src / "annotation.conf").write_text(
        "[entities]\nPerson\nOrganization\n[relations]\n[events]\n[attributes]\nIndividual\tArg:<ENTITY>\n"
    )
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src])
    api.export(first, tmp_path / "t.json", "label_studio")
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "t.json"], format="label_studio")
    (doc,) = second.document_ids()
    assert {e.label for e in second.entities(doc)} >= {"PERSON"}  # the news schema's name for it
    report = api.export(second, tmp_path / "back", "brat")
    assert "left out" not in report.summary(), report.summary()
    ann = (tmp_path / "back" / "doc.ann").read_text()
    ids = {x.split("\t")[2]: x.split("\t")[0] for x in ann.splitlines() if x.startswith("T")}
    assert f"Individual {ids['Somebody']}" in [x.split("\t")[1] for x in ann.splitlines() if x.startswith("A")], ann
