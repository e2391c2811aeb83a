"""A Label Studio export writes its labeling config beside it (``tasks.json`` -> ``tasks.label_config.xml``): every tag
its results name (the events' triggers under ``events``, as session 33's reader takes them), with the schema's labels,
event types, roles and attribute values; the import reads it back with the tasks (a label it declares that the schema
lacks joins a new project's schema) and takes it for what it is when given, or found in a folder, alone. Session 34:
no config was written, so a user rebuilt it by hand in Label Studio."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project

TEXT = 'Gunmen killed three soldiers near Kabul; "Ali <the> rebel" fled.'


def _project(tmp_path):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        doc = IncomingDocument(TEXT, "kabul.txt")
        doc.entities += [IncomingEntity("gun", 0, 6, "PERSON"), IncomingEntity("kab", 34, 39, "GPE")]
        doc.events.append(IncomingEvent("Conflict:Attack", 7, 13, {"tense": "Past"}, [("Attacker", "gun")]))
        import_documents(p, [doc])
    return path


def _export(tmp_path, capsys):
    out = tmp_path / "tasks.json"
    assert main(["export", str(_project(tmp_path)), "-f", "label_studio", "-o", str(out), "--json"]) == 0
    return out, json.loads(capsys.readouterr().out)


def test_the_config_is_written_beside_and_declares_every_tag_the_tasks_use(tmp_path, capsys):
    out, said = _export(tmp_path, capsys)
    config = tmp_path / "tasks.label_config.xml"
    assert said["files"] == [str(out), str(config)]
    view = ElementTree.fromstring(config.read_text(encoding="utf-8"))
    assert view.tag == "View" and [t.get("name") for t in view.iter("Text")] == ["text"]
    tags = {t.get("name"): [x.get("value") for x in t] for t in view.iter("Labels")}
    assert {"PERSON", "GPE", "ORG"} <= set(tags["label"]) and {"Conflict:Attack", "Life:Die"} <= set(tags["events"])
    relations = [x.get("value") for x in view.iter("Relation")]
    assert "Attacker" in relations and "Victim" in relations
    tense = next(t for t in view.iter("Choices") if t.get("name") == "tense")
    assert tense.get("perRegion") == "true" and "Past" in [x.get("value") for x in tense]
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    used = {(r["type"], r.get("from_name")) for r in task["annotations"][0]["result"]}
    declared = {t.get("name") for t in view if t.get("name")}
    assert {name for kind, name in used if name} <= declared
    trigger = next(r for r in task["annotations"][0]["result"] if r["type"] == "labels" and r["value"]["start"] == 7)
    assert trigger["from_name"] == "events"


def test_read_back_with_its_tasks_and_a_declared_label_joins_a_new_project(tmp_path, capsys):
    out, _ = _export(tmp_path, capsys)
    config = tmp_path / "tasks.label_config.xml"
    text = config.read_text(encoding="utf-8")
    gpe = '<Label value="GPE" background="#f4ac70" />'  # in the colour the app shows it (session 35)
    assert gpe in text
    config.write_text(text.replace(gpe, gpe + '<Label value="WEAPON" background="#123456" />'), "utf-8")
    again = tmp_path / "again.annotator"
    assert main(["import", str(again), str(out), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["labels_added"] == ["WEAPON"] and got["events"] == 1 and got["entities"] == 2
    assert any("its labeling config tasks.label_config.xml read" in n for n in got["notes"])
    with Project(again, annotator="t") as p:
        assert p.schema.label("WEAPON") is not None and p.schema.label("WEAPON").color == "#123456"
        (doc,) = p.document_ids()
        (event,) = p.events(doc)
        assert event.type == "Conflict:Attack"


def test_a_folder_of_tasks_and_config_reads_both_with_or_without_format(tmp_path, capsys):
    out, _ = _export(tmp_path, capsys)
    folder = tmp_path / "ls"
    folder.mkdir()
    for f in (out, tmp_path / "tasks.label_config.xml"):
        f.rename(folder / f.name)
    for extra in ([], ["-f", "label_studio"]):
        again = tmp_path / f"again{len(extra)}.annotator"
        assert main(["import", str(again), str(folder), "--json", *extra]) == 0
        got = json.loads(capsys.readouterr().out)
        assert got["skipped"] == [] and got["events"] == 1


def test_the_config_given_alone_says_what_it_is(tmp_path, capsys):
    _export(tmp_path, capsys)
    config = tmp_path / "tasks.label_config.xml"
    assert main(["import", str(tmp_path / "a.annotator"), str(config)]) == 1
    assert "a Label Studio labeling config, read with its tasks: import tasks.json" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "b.annotator"), str(config), "-f", "label_studio"]) == 1
    assert "a Label Studio labeling config, read with its tasks" in capsys.readouterr().err


def test_to_standard_output_the_tasks_alone_and_the_config_said(tmp_path, capsysbinary, monkeypatch):
    project = _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(project), "-f", "label_studio", "-o", "-"]) == 0
    got = capsysbinary.readouterr()
    assert json.loads(got.out)[0]["data"]["text"] == TEXT
    err = got.err.decode()
    assert "NAME.label_config.xml, written beside a file NAME.json, was not" in err and "files:" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.annotator"]
