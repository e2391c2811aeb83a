"""Label Studio and doccano exports in the shapes those projects publish: spans on the right text or a clear refusal."""

from __future__ import annotations

import json

import pytest

from project_support import new_project
from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.doccano import read_doccano
from annotator.formats.label_studio import read_label_studio
from annotator.formats.loading import import_format
from format_helpers import labels_region

TEXT = "I \U0001f600 love Tim Cook and Apple."


def _write(tmp_path, tasks) -> object:
    f = tmp_path / "export.json"
    f.write_text(json.dumps(tasks, ensure_ascii=False, indent=2))
    return f


def test_label_studio_without_value_text_reads_utf16_offsets_on_the_right_words(tmp_path):
    # Label Studio counts UTF-16 units: after the emoji every offset is one more than the code points
    s16, e16 = TEXT.index("Tim Cook") + 1, TEXT.index("Tim Cook") + 1 + len("Tim Cook")
    a16 = TEXT.index("Apple") + 1
    task = {
        "id": 7,
        "data": {"text": TEXT},
        "annotations": [{"result": [labels_region("a", s16, e16, "PERSON"), labels_region("b", a16, a16 + 5, "ORG")]}],
    }
    result = read_label_studio(_write(tmp_path, [task]))
    assert sorted(TEXT[e.start : e.end] for e in result.documents[0].entities) == ["Apple", "Tim Cook"]
    assert result.notes and not result.warnings  # how the offsets were read is a note, not a loss


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "https://example.org/files/story.txt"}, "is a URL or file reference"),
        ({"text": "/data/upload/3/story.txt"}, "is a URL or file reference"),
        ({"body": TEXT}, "no text under 'text'"),
    ],
)
def test_label_studio_text_that_is_not_there_is_refused_naming_the_task(tmp_path, data, message):
    task = {"id": 12, "data": data, "annotations": [{"result": [labels_region("a", 0, 1, "PERSON")]}]}
    with pytest.raises(ImportFileError, match=message) as info:
        read_label_studio(_write(tmp_path, [task]))
    assert "task 12" in str(info.value)


def test_label_studio_text_under_the_key_its_results_name(tmp_path):
    region = labels_region("a", 0, 5, "PERSON")
    region["to_name"] = "dialogue"
    task = {
        "id": 1,
        "data": {"title": "Ignored title", "dialogue": "Alice spoke."},
        "annotations": [{"result": [region]}],
    }
    doc = read_label_studio(_write(tmp_path, [task])).documents[0]
    assert doc.text == "Alice spoke." and [doc.text[e.start : e.end] for e in doc.entities] == ["Alice"]


def test_label_studio_left_relations_and_region_notes(tmp_path):
    text = "Gunmen killed three soldiers."
    trigger = labels_region("t", 7, 13, "Life:Die", meta={"text": ["check the tense"]})
    victim = labels_region("v", 14, 28, "PERSON")
    # drawn from the victim to the trigger, with the arrow pointing left: the relation goes trigger -> victim
    rel = {"from_id": "v", "to_id": "t", "type": "relation", "direction": "left", "labels": ["Victim"]}
    task = {"id": 3, "data": {"text": text}, "annotations": [{"result": [trigger, victim, rel]}]}
    doc = read_label_studio(_write(tmp_path, [task])).documents[0]
    (event,) = doc.events
    assert event.type == "Life:Die" and [role for role, _ in event.arguments] == ["Victim"]
    assert [c["text"] for c in doc.comments] == ["[on Life:Die 7-13] check the tense"]


def test_doccano_comment_objects_and_pretty_printed_json(tmp_path):
    rows = [
        {
            "id": 1,
            "text": "Alice met Bob.",
            "entities": [{"id": 10, "start_offset": 0, "end_offset": 5, "label": "PERSON"}],
            "relations": [],
            "Comments": [{"id": 4, "comment": "double-check Bob"}],
        }
    ]
    f = tmp_path / "sample.json"
    f.write_text(json.dumps(rows, indent=4))
    doc = read_doccano(f).documents[0]
    assert [c["text"] for c in doc.comments] == ["double-check Bob"]
    assert [(e.start, e.end) for e in doc.entities] == [(0, 5)]


def test_doccano_bad_line_refuses_the_file_unless_asked_to_skip(tmp_path, capsys):
    f = tmp_path / "d.jsonl"
    f.write_text(
        json.dumps({"text": "Alice met Bob.", "label": [[0, 5, "PERSON"]]})
        + "\n{broken\n"
        + json.dumps({"text": "Carol left.", "label": [[0, 5, "PERSON"]]})
        + "\n"
    )
    project = new_project(tmp_path / "p.annotator", annotator="t")
    with pytest.raises(ImportFileError, match="d.jsonl:2"):
        import_format(project, "doccano", [f])
    assert not project.document_ids()
    report = import_format(project, "doccano", [f], skip_bad=True)
    assert len(report.imported) == 2 and any("d.jsonl:2" in w for w in report.warnings)
    project.close()
    assert main(["import", str(tmp_path / "q.annotator"), str(f), "--format", "doccano", "--skip-bad"]) == 0
    assert "d.jsonl:2" in capsys.readouterr().err


def test_label_studio_tasks_without_data_are_their_own_data(tmp_path):
    # the shape of Label Studio's own samples (text_with_2_tasks.json, tasks_annotations_predictions.json)
    f = _write(tmp_path, [{"text": "Example 1"}, {"data": {"text": "Example 2", "int_field": 1}, "annotations": []}])
    docs = read_label_studio(f).documents
    assert [d.text for d in docs] == ["Example 1", "Example 2"]


KILLED = "Gunmen killed three soldiers."


def _reused_label_studio(tmp_path, second: tuple[int, int]):
    results = [
        labels_region("a", 0, 6, "PERSON"),
        labels_region("a", *second, "PERSON"),
        labels_region("b", 7, 13, "Life:Die"),
        {"from_id": "b", "to_id": "a", "type": "relation", "direction": "right", "labels": ["Victim"]},
    ]
    return _write(tmp_path, [{"id": 3, "data": {"text": KILLED}, "annotations": [{"result": results}]}])


def _reused_doccano(tmp_path):
    entities = [
        {"id": 1, "start_offset": 0, "end_offset": 6, "label": "PERSON"},
        {"id": 1, "start_offset": 14, "end_offset": 28, "label": "PERSON"},
        {"id": 2, "start_offset": 7, "end_offset": 13, "label": "Life:Die"},
    ]
    f = tmp_path / "d.jsonl"
    f.write_text(
        json.dumps({"text": KILLED, "entities": entities, "relations": [{"from_id": 2, "to_id": 1, "type": "Victim"}]})
    )
    return f


@pytest.mark.parametrize(
    "make, reader, rid", [(_reused_label_studio, read_label_studio, "'a'"), (_reused_doccano, read_doccano, "1")]
)
def test_a_region_id_used_for_two_spans_that_a_relation_names_is_refused_for_what_it_is(tmp_path, make, reader, rid):
    """It was refused as 'the same entity fills Victim twice': the relation went to both spans under one key."""
    path = make(tmp_path, (14, 28)) if make is _reused_label_studio else make(tmp_path)
    with pytest.raises(ImportFileError) as info:
        reader(path)
    assert info.value.line == (2 if reader is read_label_studio else 1), info.value
    assert info.value.reason == (
        f"relation 0 points at region {rid}, an id used for more than one span ([0, 6) and [14, 28)); "
        "which one is meant cannot be told"
    )


def test_a_region_given_twice_whole_is_one_region(tmp_path):
    """The same id, span and label twice is one region: the relation to it fills its role once."""
    doc = read_label_studio(_reused_label_studio(tmp_path, (0, 6))).documents[0]
    assert [(a[0], doc.entities[0].start) for a in doc.events[0].arguments] == [("Victim", 0)]


def test_label_studio_a_relation_both_ways_goes_from_its_trigger(tmp_path):
    """direction "bi" (an arrow at both ends) drawn from the victim to the trigger was read victim -> trigger and
    reported as not kept ("does not go from a trigger to an entity")."""
    trigger = labels_region("t", 7, 13, "Life:Die")
    victim = labels_region("v", 14, 28, "PERSON")
    rel = {"from_id": "v", "to_id": "t", "type": "relation", "direction": "bi", "labels": ["Victim"]}
    task = {"id": 4, "data": {"text": KILLED}, "annotations": [{"result": [rel, trigger, victim]}]}
    result = read_label_studio(_write(tmp_path, [task]))
    (event,) = result.documents[0].events
    assert [role for role, _ in event.arguments] == ["Victim"] and not result.warnings


def _doccano_lines(tmp_path):
    rows = [
        {"text": "Ann can weld.", "label": [[0, 3, "PERSON"], [8, 12, "Skill"]]},
        {"text": "Bo can code.", "label": [[7, 11, "Skill"]]},
        {"text": "A wrench.", "label": [[2, 8, "Tool"]]},
    ]
    f = tmp_path / "skills.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return f


def _label_studio_tasks(tmp_path):
    rows = [
        ("Ann can weld.", [labels_region("a", 0, 3, "PERSON"), labels_region("b", 8, 12, "Skill")]),
        ("Bo can code.", [labels_region("c", 7, 11, "Skill")]),
        ("A wrench.", [labels_region("d", 2, 8, "Tool")]),
    ]
    tasks = [{"id": k, "data": {"text": t}, "annotations": [{"result": r}]} for k, (t, r) in enumerate(rows, 1)]
    f = tmp_path / "skills.jsonl"
    f.write_text("\n".join(json.dumps(t) for t in tasks) + "\n")
    return f


@pytest.mark.parametrize("make, reader", [(_doccano_lines, read_doccano), (_label_studio_tasks, read_label_studio)])
def test_labels_the_schema_lacks_are_named_all_at_once(tmp_path, make, reader):
    """The first unknown label refused the file ("region 0: label 'Skill' is not in the project's schema"): a
    user fixing the schema met the next one only on the next try. Now one refusal names them all, with counts."""
    with pytest.raises(ImportFileError) as info:
        reader(make(tmp_path))
    assert info.value.line == 1
    assert info.value.reason == (
        "labels not in the project's schema 'news': Skill (2), Tool (1); "
        "give the project a schema that has them (a new project: annotator import PROJECT FILE --schema SCHEMA.toml), "
        "or import it again with --add-types (the project's schema takes them) or --map Skill=LABEL (LABEL one the "
        "project has)"
    )


def test_label_studio_a_per_region_textarea_is_a_note_on_its_region(tmp_path):
    """A TextArea with perRegion gives its result the region's id: its text was kept as a plain document comment,
    away from the span it is about (a brat export put it on the document's first annotation)."""
    note = {"id": "v", "from_name": "why", "to_name": "text", "type": "textarea", "value": {"text": ["a soldier?"]}}
    general = {"id": "zz9", "from_name": "notes", "to_name": "text", "type": "textarea", "value": {"text": ["ok"]}}
    results = [labels_region("v", 14, 28, "PERSON"), note, general]
    task = {"id": 5, "data": {"text": KILLED}, "annotations": [{"result": results}]}
    doc = read_label_studio(_write(tmp_path, [task])).documents[0]
    assert sorted(c["text"] for c in doc.comments) == ["[on PERSON 14-28] a soldier?", "ok"]


@pytest.mark.parametrize(
    "completed_by, who", [({"id": 3, "email": "ann@x.org"}, "ann@x.org"), (7, "label-studio user 7")]
)
def test_label_studio_the_annotation_used_says_whose_it_is(tmp_path, completed_by, who):
    """completed_by (an object with the email in some exports, the user's number in others) was dropped: every span
    came in as the importing user's, though the report said whose annotation was used only by its place."""
    trigger, victim = labels_region("t", 7, 13, "Life:Die"), labels_region("v", 14, 28, "PERSON")
    rel = {"from_id": "t", "to_id": "v", "type": "relation", "direction": "right", "labels": ["Victim"]}
    first = {"completed_by": completed_by, "result": [trigger, victim, rel]}
    other = {"completed_by": 99, "result": [labels_region("v", 14, 28, "ORG")]}
    task = {"id": 6, "data": {"text": KILLED}, "annotations": [first, other]}
    doc = read_label_studio(_write(tmp_path, [task])).documents[0]
    assert {e.annotator for e in doc.entities} == {who} and [v.annotator for v in doc.events] == [who]


def test_label_studio_json_min_annotator_is_the_annotator(tmp_path):
    task = {
        "id": 8,
        "text": KILLED,
        "label": [{"start": 14, "end": 28, "text": "three soldiers", "labels": ["PERSON"]}],
    }
    task.update(annotator="bo@x.org", annotation_id=3, lead_time=2.5)
    doc = read_label_studio(_write(tmp_path, [task])).documents[0]
    assert [e.annotator for e in doc.entities] == ["bo@x.org"]
