"""The Label Studio export's labeling config gives the event types' ``Label``s a ``background``, so Label Studio shows
the triggers as the app does (each in the app's trigger colour) or, for a file that came from Label Studio, as its
config had them; a config's event-type colours are kept by the import (the app draws every trigger in one colour) and
written back. Session 36: the events tag's labels went out with no colour (Label Studio gave them its own) and a
config's event-type colours were dropped without a word. Our own config and task."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from annotator import api
from annotator.schema_model import TRIGGER_COLOR
from format_helpers import labels_region

TEXT = "Farmers protested outside the ministry on Monday."

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="Group" background="#FF0000"/>
  </Labels>
  <Labels name="events" toName="text">
    <Label value="Protest" background="#AA00FF"/>
    <Label value="Boycott" background="#00aaff"/>
  </Labels>
  <Relations>
    <Relation value="organizer"/>
  </Relations>
</View>
"""


def _region(rid: str, start: int, end: int, tag: str, label: str) -> dict:
    return labels_region(rid, start, end, label, TEXT[start:end], tag)


def _backgrounds(config_path, tag: str) -> dict[str, str | None]:
    root = ElementTree.parse(config_path).getroot()
    (labels,) = [x for x in root.iter("Labels") if x.get("name") == tag]
    return {x.get("value"): x.get("background") for x in labels}


def _protest_tasks(tmp_path):  # type: ignore[no-untyped-def]
    """A folder ``in`` holding tasks.json: Group organised a Protest (a relation), its config left to the test."""
    given = tmp_path / "in"
    given.mkdir()
    results = [
        _region("g", 0, 7, "label", "Group"),
        _region("p", 8, 17, "events", "Protest"),
        {"from_id": "p", "to_id": "g", "type": "relation", "direction": "right", "labels": ["organizer"]},
    ]
    tasks = [{"id": 1, "data": {"text": TEXT}, "annotations": [{"id": 1, "result": results}]}]
    (given / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    return given


def test_the_export_s_event_types_have_the_app_s_trigger_colour(tmp_path):
    project = api.new_project(tmp_path / "p.annotator")
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    api.import_files(project, [tmp_path / "d.txt"])
    api.export(project, tmp_path / "tasks.json", format="label_studio")
    events = _backgrounds(tmp_path / "tasks.label_config.xml", "events")
    assert events and set(events.values()) == {TRIGGER_COLOR}, events
    assert all(v and v != TRIGGER_COLOR for v in _backgrounds(tmp_path / "tasks.label_config.xml", "label").values())


def test_a_config_s_event_colours_are_kept_and_written_back(tmp_path):
    given = _protest_tasks(tmp_path)
    (given / "tasks.label_config.xml").write_text(CONFIG, encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [given / "tasks.json"])
    (note,) = [n for n in report.notes if "labeling config" in n and "read:" in n]
    assert "event types' colours kept" in note, note
    api.export(project, tmp_path / "out.json", format="label_studio")
    events = _backgrounds(tmp_path / "out.label_config.xml", "events")
    assert events["Protest"] == "#aa00ff", events
    assert events["Conflict:Attack"] == TRIGGER_COLOR  # the project's own types: as the app shows them
    assert _backgrounds(tmp_path / "out.label_config.xml", "label")["Group"] == "#ff0000"


def test_a_config_s_event_colours_are_the_project_s_for_a_document_of_another_file_exported_alone(tmp_path):
    """Session 38: the colours were kept on the file's documents alone; exported without them (``--docs`` of the
    project's earlier document, after ``--add-types`` into a project holding it) every type read the app's trigger
    colour, Protest's and Boycott's lost."""
    given = _protest_tasks(tmp_path)
    config = CONFIG.replace('"Group" background="#FF0000"/>', '"Group" background="#FF0000"/><Label value="Venue"/>')
    (given / "tasks.label_config.xml").write_text(config, encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    (tmp_path / "earlier.txt").write_text("An earlier text.", encoding="utf-8")
    api.import_files(project, [tmp_path / "earlier.txt"])
    api.import_files(project, [given / "tasks.json"], add_types=True)
    assert project.schema.event_type("Boycott") is not None
    (earlier,) = project.documents_named(["earlier.txt"])
    api.export(project, tmp_path / "out.json", format="label_studio", documents=[earlier])
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))[0]["data"]["text"] == "An earlier text."
    events = _backgrounds(tmp_path / "out.label_config.xml", "events")
    assert (events["Protest"], events["Boycott"]) == ("#aa00ff", "#00aaff"), events
    assert events["Conflict:Attack"] == TRIGGER_COLOR
