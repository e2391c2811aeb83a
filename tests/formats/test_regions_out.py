"""doccano and Label Studio out: what their imports read comes back, relations between entities included
(import -> export -> import keeps them; they were kept nowhere and there was no export to write them)."""

from __future__ import annotations

import json

import orjson
import pytest

from project_support import new_project
from annotator import edits
from annotator.formats import writers
from annotator.errors import ImportFileError
from annotator.formats.loading import import_format, import_paths
from annotator.importing import IncomingDocument, import_documents
from annotator.offsets import Utf16Map
from annotator.store import Project
from text_support import word_span

TEXT = "Angela Merkel met Emmanuel Macron in Paris \U0001f600 on Friday. Macron lives in Paris."


def at(needle: str, nth: int = 0) -> tuple[int, int]:
    return word_span(TEXT, needle, nth)


ENTS = [
    (1, "Angela Merkel", 0, "PERSON"),
    (2, "Emmanuel Macron", 0, "PERSON"),
    (3, "Paris", 0, "GPE"),
    (4, "met", 0, "Contact:Meet"),
    (5, "Macron", 1, "PERSON"),
    (6, "Paris", 1, "GPE"),
]
# entity -> entity (knows, lives_in: no place in the project), trigger -> entity (arguments)
RELS = [(1, 2, "knows"), (4, 1, "Entity"), (4, 2, "Entity"), (4, 3, "Place"), (5, 6, "lives_in")]
BETWEEN_ENTITIES = {
    ("knows", "Angela Merkel", "Emmanuel Macron"),
    ("lives_in", "Macron", "Paris"),
}


def doccano_file(tmp_path):
    row = {
        "id": 17,
        "text": TEXT,
        "entities": [
            {"id": k, "label": lab, "start_offset": at(w, n)[0], "end_offset": at(w, n)[1]} for k, w, n, lab in ENTS
        ],
        "relations": [{"id": k, "from_id": a, "to_id": b, "type": t} for k, (a, b, t) in enumerate(RELS)],
        "Comments": ["check the date"],
        "source": "wire",
    }
    path = tmp_path / "in.jsonl"
    path.write_bytes(orjson.dumps(row) + b"\n")
    return path


def label_studio_file(tmp_path):
    u16 = Utf16Map(TEXT)
    result = []
    for k, w, n, lab in ENTS:
        s, e = at(w, n)
        value = {"start": u16.to_utf16(s), "end": u16.to_utf16(e), "text": w, "labels": [lab]}
        result.append({"id": f"x{k}", "from_name": "label", "to_name": "text", "type": "labels", "value": value})
    for a, b, t in RELS:
        result.append({"from_id": f"x{a}", "to_id": f"x{b}", "type": "relation", "direction": "right", "labels": [t]})
    result.append(
        {"id": "c", "from_name": "notes", "to_name": "text", "type": "textarea", "value": {"text": ["check the date"]}}
    )
    task = {"id": 42, "data": {"text": TEXT, "source": "wire"}, "annotations": [{"result": result}]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps([task]))
    return path


def between(project: Project, doc_id: int, key: str) -> set[tuple[str, str, str]]:
    kept = project.document(doc_id).meta.get(key, {}).get("relations", [])
    return {(r["type"], TEXT[r["from"][0] : r["from"][1]], TEXT[r["to"][0] : r["to"][1]]) for r in kept}


def annotations(project: Project, doc_id: int) -> tuple[set, set]:
    ents = {e.id: (TEXT[e.start : e.end], e.start, e.label) for e in project.entities(doc_id)}
    events = {
        (v.type, v.trigger_start, tuple(sorted((a.role, ents[a.entity_id]) for a in v.arguments)))
        for v in project.events(doc_id)
    }
    return set(ents.values()), events


def round_trip(tmp_path, fmt: str, source) -> None:  # noqa: ANN001
    key = {"doccano": "doccano", "label_studio": "label_studio"}[fmt]
    first = new_project(tmp_path / "a.annotator", annotator="t")
    report = import_format(first, fmt, [source])
    doc = report.imported[0][1]
    assert between(first, doc, key) == BETWEEN_ENTITIES
    out = tmp_path / f"out.{fmt}"
    writers()[fmt](first, out)
    second = new_project(tmp_path / "b.annotator", annotator="t")
    again = import_format(second, fmt, [out]).imported[0][1]
    assert between(second, again, key) == BETWEEN_ENTITIES
    assert annotations(second, again) == annotations(first, doc)
    assert second.document(again).meta["source"] == "wire"
    assert [c.text for c in second.comments(again)] == [c.text for c in first.comments(doc)] == ["check the date"]
    out2 = tmp_path / f"out2.{fmt}"
    writers()[fmt](second, out2)
    assert out2.read_bytes() == out.read_bytes()  # from then on the same file
    first.close()
    second.close()


def test_doccano_import_export_import_keeps_relations_between_entities(tmp_path):
    round_trip(tmp_path, "doccano", doccano_file(tmp_path))
    line = orjson.loads((tmp_path / "out.doccano").read_bytes().splitlines()[0])
    assert line["id"] == 17 and line["name"] == "17" and line["Comments"] == ["check the date"]
    spans = {r["id"]: TEXT[r["start_offset"] : r["end_offset"]] for r in line["entities"]}  # code points
    assert {(spans[r["from_id"]], spans[r["to_id"]], r["type"]) for r in line["relations"]} >= {
        ("Angela Merkel", "Emmanuel Macron", "knows"),
        ("met", "Paris", "Place"),
    }


def test_label_studio_import_export_import_keeps_relations_between_entities(tmp_path):
    round_trip(tmp_path, "label_studio", label_studio_file(tmp_path))
    (task,) = orjson.loads((tmp_path / "out.label_studio").read_bytes())
    assert task["id"] == 42 and task["data"]["source"] == "wire"
    regions = [r for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    u16 = Utf16Map(TEXT)
    after_emoji = next(r for r in regions if r["value"]["text"] == "Macron")
    assert after_emoji["value"]["start"] == u16.to_utf16(at("Macron", 1)[0]) == at("Macron", 1)[0] + 1  # UTF-16
    relations = [r for r in task["annotations"][0]["result"] if r["type"] == "relation"]
    assert len(relations) == len(RELS) and {r["direction"] for r in relations} == {"right"}


def test_event_attributes_go_through_label_studio(tmp_path):
    first = new_project(tmp_path / "a.annotator", annotator="t")
    doc = import_format(first, "label_studio", [label_studio_file(tmp_path)]).imported[0][1]
    (event,) = first.events(doc)
    edits.set_event_attribute(first, event.id, "polarity", "Negative")
    writers()["label_studio"](first, tmp_path / "out.json")
    second = new_project(tmp_path / "b.annotator", annotator="t")
    again = import_format(second, "label_studio", [tmp_path / "out.json"]).imported[0][1]
    assert second.events(again)[0].attributes == first.events(doc)[0].attributes
    assert second.events(again)[0].attributes["polarity"] == "Negative"
    first.close()
    second.close()


def test_a_relation_whose_end_was_deleted_is_left_out_and_reported(tmp_path):
    project = new_project(tmp_path / "a.annotator", annotator="t")
    doc = import_format(project, "doccano", [doccano_file(tmp_path)]).imported[0][1]
    merkel = next(e for e in project.entities(doc) if e.start == 0)
    edits.delete_entity(project, merkel.id)
    report = writers()["doccano"](project, tmp_path / "out.jsonl")
    assert "1 relation between entities left out (an end is gone): 17: knows" in report.summary()
    line = orjson.loads((tmp_path / "out.jsonl").read_bytes())
    assert "knows" not in {r["type"] for r in line["relations"]}
    assert "lives_in" in {r["type"] for r in line["relations"]}
    project.close()


def test_label_studio_a_document_of_suggestions_only_is_a_prediction(tmp_path):
    project = new_project(tmp_path / "a.annotator", annotator="t")
    doc = import_documents(project, [IncomingDocument("Kabul was calm.", "k.txt")]).imported[0][1]
    edits.add_entity(project, doc, 0, 5, "GPE", state="suggested", source="ner")
    writers()["label_studio"](project, tmp_path / "out.json")
    (task,) = orjson.loads((tmp_path / "out.json").read_bytes())
    assert task["annotations"] == [] and task["predictions"][0]["result"][0]["value"]["labels"] == ["GPE"]
    other = new_project(tmp_path / "b.annotator", annotator="t")
    again = import_format(other, "label_studio", [tmp_path / "out.json"]).imported[0][1]
    assert [(e.label, e.state) for e in other.entities(again)] == [("GPE", "suggested")]
    project.close()
    other.close()


def test_label_studio_relations_drawn_without_a_label_go_back(tmp_path):
    # Label Studio draws a relation without a label when the config has no <Relations> labels (coreference, as in
    # kiji-proxy's sample_predictions.json): it was "has no label; not kept", so an export lost every such link
    text = "Ana met Luis in Paris. She greeted him."

    def region(rid, word, label, n=1):
        start = -1
        for _ in range(n):
            start = text.index(word, start + 1)
        value = {"start": start, "end": start + len(word), "text": word, "labels": [label]}
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}

    result = [
        region("a", "Ana", "PERSON"),
        region("b", "Luis", "PERSON"),
        region("c", "She", "PERSON"),
        region("d", "met", "Contact:Meet"),
        {"from_id": "c", "to_id": "a", "type": "relation", "direction": "right"},
        {"from_id": "d", "to_id": "b", "type": "relation", "direction": "right", "labels": []},
    ]
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([{"id": 5, "data": {"text": text}, "annotations": [{"result": result}]}]))
    first = new_project(tmp_path / "a.annotator", annotator="t")
    report = import_format(first, "label_studio", [src])
    doc = report.imported[0][1]
    assert first.document(doc).meta["label_studio"]["relations"] == [
        {"type": None, "from": [23, 26, "PERSON"], "to": [0, 3, "PERSON"]}
    ]
    assert [w for w in report.warnings if "has no label" in w] == [f"{src}:1: relation d->b has no label"]
    out = tmp_path / "out.json"
    writers()["label_studio"](first, out)
    (task,) = orjson.loads(out.read_bytes())
    (rel,) = [r for r in task["annotations"][0]["result"] if r["type"] == "relation"]
    assert "labels" not in rel
    second = new_project(tmp_path / "b.annotator", annotator="t")
    import_format(second, "label_studio", [out])
    writers()["label_studio"](second, tmp_path / "out2.json")
    assert (tmp_path / "out2.json").read_bytes() == out.read_bytes()
    doccano = writers()["doccano"](first, tmp_path / "out.jsonl")
    assert "1 relation without a label left out" in doccano.summary()
    assert orjson.loads((tmp_path / "out.jsonl").read_bytes())["relations"] == []
    first.close()
    second.close()


def test_label_studio_task_goes_back_under_its_own_names(tmp_path):
    # a config <Text name="dialogue"/> <Labels name="entities" toName="dialogue"/>, a task meta and a list in data:
    # the text was copied into the meta (stored twice) and written back under "text" with "label"/"text" names the
    # project's config does not have; the task's meta and the list were dropped without a word
    text = "Angela Merkel met Macron in Paris."
    region = {"start": 0, "end": 13, "text": "Angela Merkel", "labels": ["PERSON"]}
    task = {
        "id": 9,
        "data": {"dialogue": text, "source": "wire", "tags": ["a", "b"]},
        "meta": {"batch": "b1"},
        "annotations": [
            {"result": [{"id": "x", "from_name": "entities", "to_name": "dialogue", "type": "labels", "value": region}]}
        ],
    }
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([task]))
    first = new_project(tmp_path / "a.annotator", annotator="t")
    doc = import_format(first, "label_studio", [src]).imported[0][1]
    assert text not in first.document(doc).meta.values()  # the text once, as the text
    out = tmp_path / "out.json"
    writers()["label_studio"](first, out)
    (back,) = orjson.loads(out.read_bytes())
    assert back["data"] == {"dialogue": text, "name": "task 9", "source": "wire", "tags": ["a", "b"]}
    assert back["meta"] == {"batch": "b1"}
    (res,) = back["annotations"][0]["result"]
    assert (res["from_name"], res["to_name"], res["value"]["labels"]) == ("entities", "dialogue", ["PERSON"])
    second = new_project(tmp_path / "b.annotator", annotator="t")
    import_format(second, "label_studio", [out])
    writers()["label_studio"](second, tmp_path / "out2.json")
    assert (tmp_path / "out2.json").read_bytes() == out.read_bytes()
    first.close()
    second.close()


def test_doccano_sequence_labelling_lines_go_back_in_their_shape(tmp_path):
    # doccano's sequence-labelling export ("label": [[start, end, LABEL]]) went back in the relation shape
    # ("entities" objects), which a sequence-labelling project's import does not read: every label was lost there;
    # offsets doccano counted in UTF-16 units (emoji before a span) went back as code points, one off per emoji
    text = "Go 🎉 Angela Merkel in Paris"
    start = text.index("Angela")
    u16 = Utf16Map(text)
    rows = [
        {"id": 1, "text": text, "label": [[u16.to_utf16(start), u16.to_utf16(start + 13), "PERSON"]]},
        {"id": 2, "text": "Paris and Berlin", "labels": [[0, 5, "GPE"], [10, 16, "GPE"]], "Comments": ["ok"]},
    ]
    src = tmp_path / "seq.jsonl"
    src.write_bytes(b"\n".join(map(orjson.dumps, rows)) + b"\n")
    first = new_project(tmp_path / "a.annotator", annotator="t")
    report = import_format(first, "doccano", [src])
    doc = report.imported[0][1]
    assert [(e.start, e.end) for e in first.entities(doc)] == [(start, start + 13)]  # read as UTF-16 units
    out = tmp_path / "out.jsonl"
    writers()["doccano"](first, out)
    lines = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert lines[0]["label"] == rows[0]["label"] and "entities" not in lines[0]
    assert lines[1]["labels"] == rows[1]["labels"] and lines[1]["Comments"] == ["ok"]
    second = new_project(tmp_path / "b.annotator", annotator="t")
    import_format(second, "doccano", [out])
    writers()["doccano"](second, tmp_path / "out2.jsonl")
    assert (tmp_path / "out2.jsonl").read_bytes() == out.read_bytes()
    first.close()
    second.close()


def test_a_doccano_export_whose_first_text_has_no_spans_is_read_as_doccano(tmp_path):
    """Without --format, a first line with "entities": [] and "relations": [] was taken for spaCy's training JSONL
    and the whole file refused at the next line ("bad entity offsets None, None")."""
    from annotator.formats.detect import detect_format
    from annotator.formats.loading import import_paths

    project = new_project(tmp_path / "a.annotator", annotator="t")
    import_documents(project, [IncomingDocument("Nothing here.", "empty.txt")])
    import_format(project, "doccano", [doccano_file(tmp_path)])
    out = tmp_path / "out.jsonl"
    writers()["doccano"](project, out)
    assert orjson.loads(out.read_bytes().splitlines()[0])["entities"] == []
    assert detect_format(out) == "doccano"
    other = new_project(tmp_path / "b.annotator", annotator="t")
    import_paths(other, [out])
    doc = next(d for d in other.document_ids() if other.document(d).name == "17")
    assert between(other, doc, "doccano") == BETWEEN_ENTITIES
    project.close()
    other.close()


def test_doccano_spans_with_their_text(tmp_path):
    # [start, end, "LABEL", "text"] (Chinese NER sets converted to doccano's shape): the line was not told as doccano
    # and came in as a plain document with no entity, its spans left in the meta; the text now checks the offsets
    # (code points, else UTF-16 units) and goes back out with each span
    text = "店埠河上游 🌊 属巢湖水系南淝河"
    start = text.index("南淝河")
    u16 = Utf16Map(text)
    rows = [
        {
            "id": "t1",
            "text": text,
            "labels": [[0, 3, "GPE", "店埠河"], [u16.to_utf16(start), u16.to_utf16(start) + 3, "GPE", "南淝河"]],
        }
    ]
    src = tmp_path / "cn.jsonl"
    src.write_bytes(b"\n".join(map(orjson.dumps, rows)) + b"\n")
    first = new_project(tmp_path / "a.annotator", annotator="t")
    report = import_paths(first, [src])
    (doc,) = first.document_ids()
    assert [(text[e.start : e.end], e.label) for e in first.entities(doc)] == [("店埠河", "GPE"), ("南淝河", "GPE")]
    assert any("UTF-16" in n for n in report.notes)
    out = tmp_path / "out.jsonl"
    writers()["doccano"](first, out)
    assert orjson.loads(out.read_bytes())["labels"] == rows[0]["labels"]
    rows[0]["labels"][0][3] = "店埠"
    src.write_bytes(orjson.dumps(rows[0]) + b"\n")
    second = new_project(tmp_path / "b.annotator", annotator="t")
    with pytest.raises(ImportFileError, match="offsets 0, 3 do not hold '店埠'"):
        import_format(second, "doccano", [src])
    first.close()
    second.close()
