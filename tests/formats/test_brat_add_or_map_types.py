"""A brat folder whose types a project with documents neither has nor matches (a ``Report`` entity, a ``Statement``
event in a news project) was refused with "import it into a new project": the user can now add them to the project's
schema (``add_types``, ``--add-types``) or take them as the project's names (``mapped``, ``--map Report=ORG``); without
either the refusal names both ways, typed (``SchemaLacksError``), nothing imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator import api
from annotator.cli import main
from annotator.errors import ImportFileError, SchemaLacksError

TEXT = "The minister said on Monday that the report of the commission was late."
CONF = """[entities]
Person
Report
[relations]
[events]
Statement\tSpeaker:Person
[attributes]
"""


def folder(tmp_path: Path, events: bool = True) -> Path:
    out = tmp_path / ("with_events" if events else "entities")
    out.mkdir()
    (out / "annotation.conf").write_text(CONF, encoding="utf-8")
    (out / "d1.txt").write_text(TEXT, encoding="utf-8")
    lines = ["T1\tPerson 4 12\tminister", "T2\tReport 37 43\treport"]
    if events:
        lines += ["T3\tStatement 13 17\tsaid", "E1\tStatement:T3 Speaker:T1"]
    (out / "d1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def test_refused_naming_both_ways_and_nothing_imported(busy, tmp_path):
    with pytest.raises(SchemaLacksError) as got:
        api.import_files(busy, [folder(tmp_path)], format="brat")
    assert got.value.lacks == ["label Report", "event type Statement"]
    reason = got.value.reason
    assert "--add-types" in reason and "--map Report=NAME" in reason and "nothing was imported" in reason
    assert len(busy.document_ids()) == 1 and "Report" not in busy.schema.label_names


def test_add_types_gives_the_project_its_label_and_event_type(busy, tmp_path):
    report = api.import_files(busy, [folder(tmp_path)], add_types=True)  # told as brat from the folder
    assert report.types_added == ["label Report", "event type Statement"]
    assert "added to the project's schema (--add-types): label Report, event type Statement" in report.summary()
    assert "Report" in busy.schema.label_names and "PERSON" in busy.schema.label_names
    (speaker,) = busy.schema.event_type("Statement").roles
    assert (speaker.name, speaker.labels) == ("Speaker", ("PERSON",))  # the file's Person is the project's PERSON
    doc = busy.document_ids()[-1]
    assert sorted(e.label for e in busy.entities(doc)) == ["PERSON", "Report"]
    (event,) = busy.events(doc)
    assert event.type == "Statement" and [a.role for a in event.arguments] == ["Speaker"]
    api.export(busy, tmp_path / "back", format="brat")
    assert (tmp_path / "back" / "d1.ann").read_text(encoding="utf-8").splitlines()[:2] == [
        "T1\tPerson 4 12\tminister",
        "T2\tReport 37 43\treport",
    ]


def test_map_takes_them_as_the_projects_names_and_the_export_spells_them_back(busy, tmp_path):
    with pytest.raises(ImportFileError, match="no label or event type of that name"):
        api.import_files(busy, [folder(tmp_path, events=False)], format="brat", mapped={"Report": "NOPE"})
    api.import_files(busy, [tmp_path / "entities"], format="brat", mapped={"Report": "ORG"})
    doc = busy.document_ids()[-1]
    assert sorted(e.label for e in busy.entities(doc)) == ["ORG", "PERSON"]
    assert "Report" not in busy.schema.label_names
    api.export(busy, tmp_path / "back", format="brat")
    assert "T2\tReport 37 43\treport" in (tmp_path / "back" / "d1.ann").read_text(encoding="utf-8")


def test_the_command_line_offers_and_takes_them(busy, tmp_path, capsys):
    path = str(busy.path)
    busy.close()
    src = str(folder(tmp_path))
    assert main(["import", path, src]) == 1
    assert "--add-types" in capsys.readouterr().err
    assert main(["import", path, src, "--map", "Report"]) == 2
    assert "NAME=THE_PROJECT'S_NAME" in capsys.readouterr().err
    assert main(["import", path, src, "--add-types"]) == 0
    assert "added to the project's schema (--add-types): label Report" in capsys.readouterr().out


def test_add_types_takes_the_labels_of_a_label_studio_file_too(busy, tmp_path):
    """The readers without a schema of their own (doccano, Label Studio, Prodigy, CoNLL) refused a project with
    documents the labels it lacks, saying only "give the project a schema that has them"."""
    text = "BRCA1 binds p53 in the nucleus."
    task = {
        "data": {"text": text},
        "annotations": [
            {
                "result": [
                    {
                        "id": "g",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": 0, "end": 5, "text": "BRCA1", "labels": ["GENE"]},
                    },
                ]
            }
        ],
    }
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([task]), encoding="utf-8")
    report = api.import_files(busy, [src])
    assert not report.imported and report.schema_lacks == [(str(src), ["label GENE"])]
    assert "--add-types" in report.skipped[0][1]
    report = api.import_files(busy, [src], add_types=True)
    assert len(report.imported) == 1 and "GENE" in busy.schema.label_names
