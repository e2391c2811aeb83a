"""A Label Studio labeling config beside its tasks (``tasks.label_config.xml``) declares event types and roles no task
uses: a new project's schema takes them with its labels, as a user who set the labels up expects (session 35: only the
entity labels came in). A Relation is any region's in Label Studio, so a declared type takes every declared role and
a role no task uses joins the file's own types, each optional, taking the config's entity labels; a Label's
``background`` colours the label. A project holding documents is told of them, not changed. Our own config and task."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.schema import default_schema
from annotator.store import Project

TEXT = "Farmers protested outside the ministry on Monday."

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="Group" background="#FF0000"/>
    <Label value="Venue" background="#00aa00"/>
  </Labels>
  <Labels name="events" toName="text">
    <Label value="Protest"/>
    <Label value="Boycott"/>
  </Labels>
  <Relations>
    <Relation value="organizer"/>
    <Relation value="venue"/>
    <Relation value="target"/>
    <Relation value="allied_with"/>
  </Relations>
</View>
"""


def _region(rid: str, start: int, end: int, tag: str, label: str) -> dict:
    value = {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}
    return {"id": rid, "from_name": tag, "to_name": "text", "type": "labels", "value": value}


def _tasks() -> list[dict]:
    results = [
        _region("g", 0, 7, "label", "Group"),
        _region("p", 8, 17, "events", "Protest"),
        _region("u", 25, 37, "label", "Group"),
        {"from_id": "p", "to_id": "g", "type": "relation", "direction": "right", "labels": ["organizer"]},
        {"from_id": "g", "to_id": "u", "type": "relation", "direction": "right", "labels": ["allied_with"]},
    ]
    return [{"id": 1, "data": {"text": TEXT}, "annotations": [{"id": 1, "result": results}]}]


def _write(tmp_path) -> str:
    tasks = tmp_path / "tasks.json"
    tasks.write_text(json.dumps(_tasks()), encoding="utf-8")
    (tmp_path / "tasks.label_config.xml").write_text(CONFIG, encoding="utf-8")
    return str(tasks)


def test_a_new_project_takes_the_declared_types_and_roles(tmp_path, capsys):
    tasks = _write(tmp_path)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), tasks, "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["events"] == 1
    (note,) = [n for n in said["notes"] if "its config declares" in n]
    assert "event type Boycott" in note and "role venue" in note and "role target" in note
    with Project(project, annotator="t") as p:
        schema = p.schema
        boycott = schema.event_type("Boycott")
        assert boycott is not None and [r.name for r in boycott.roles] == ["organizer", "venue", "target"]
        assert all(r.multiplicity == "any" and set(r.labels) == {"Group", "Venue"} for r in boycott.roles)
        protest = schema.event_type("Protest")
        assert {r.name for r in protest.roles} == {"organizer", "venue", "target"}
        assert protest.role("organizer").labels == ("Group",)  # told from its use
        assert all(schema.event_type(t).role("allied_with") is None for t in ("Protest", "Boycott"))  # a relation
        assert schema.label("Venue") is not None and schema.label("Venue").color == "#00aa00"
        assert schema.label("Group").color == "#ff0000"
        news = default_schema()  # the news schema's own types, as they were
        assert schema.event_type("Conflict:Attack").roles == news.event_type("Conflict:Attack").roles


def test_a_project_holding_documents_takes_them_with_add_types_and_is_told_without(tmp_path, capsys):
    tasks = _write(tmp_path)
    project = tmp_path / "p.annotator"
    (tmp_path / "other.txt").write_text("Another text.", encoding="utf-8")
    assert main(["import", str(project), str(tmp_path / "other.txt")]) == 0
    assert main(["import", str(project), tasks, "--add-types"]) == 0
    with Project(project, annotator="t") as p:
        assert p.schema.event_type("Boycott") is not None and p.schema.event_type("Protest").role("target")
    plain = [{"id": 2, "data": {"text": TEXT}, "annotations": [{"result": [_region("n", 0, 7, "label", "NORP")]}]}]
    (tmp_path / "tasks.json").write_text(json.dumps(plain), encoding="utf-8")
    other = tmp_path / "q.annotator"
    assert main(["import", str(other), str(tmp_path / "other.txt")]) == 0
    capsys.readouterr()
    assert main(["import", str(other), tasks, "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    (note,) = [n for n in said["notes"] if "its config declares" in n]
    assert "not added" in note and "event type Boycott" in note and "Venue" in note
    with Project(other, annotator="t") as p:
        assert p.schema.event_type("Boycott") is None and p.schema.label("Venue") is None


def test_a_declared_event_type_no_task_uses_joins_the_schema_when_no_label_is_declared_with_it(tmp_path, capsys):
    """Session 38: the config's unused `Boycott` was said "added to the project's schema" and then "declared without a
    match, used by no document (not kept)", and was not added, when the config declared no entity label the schema
    lacks (the told schema went through schema_match, which kept the used types only): in a new project and with
    --add-types into one holding documents."""
    config = CONFIG.replace('<Label value="Venue" background="#00aa00"/>', "").replace(
        '<Label value="Boycott"/>', '<Label value="Boycott" background="#00aaff"/>'
    )
    tasks = _write(tmp_path)
    (tmp_path / "tasks.label_config.xml").write_text(config, encoding="utf-8")
    new, holding = tmp_path / "new.annotator", tmp_path / "holding.annotator"
    (tmp_path / "other.txt").write_text("Another text.", encoding="utf-8")
    assert main(["import", str(holding), str(tmp_path / "other.txt")]) == 0
    capsys.readouterr()
    assert main(["import", str(new), tasks]) == 0
    assert main(["import", str(holding), tasks, "--add-types"]) == 0
    said = capsys.readouterr().err
    assert "not kept" not in said, said
    for path in (new, holding):
        with Project(path, annotator="t") as p:
            boycott = p.schema.event_type("Boycott")
            assert boycott is not None and [r.name for r in boycott.roles] == ["organizer", "venue", "target"], path
