"""spaCy's training JSONL lines (doccano's intent shape: ``"entities": [[start, end, "LABEL"]]``, ``"cats"``) take the
schema's names as doccano's and CoNLL's spans do: ``PER`` is the news schema's ``PERSON`` (its alias), said in a note;
a label the schema lacks grows a new project's schema, and is refused by a project with documents, naming every such
label of the file at once. It was refused line by line: "label 'PER' is not in the schema ..."."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.cli import main
from annotator.formats.loading import import_paths
from annotator.formats.plain import read_json, read_jsonl
from annotator.importing import IncomingDocument, import_documents
from annotator.schema import default_schema
from annotator.store import Project

TEXT = "Obama visited Paris."


def write_lines(path: Path, *lines: dict) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def labelled(project: Project) -> list[tuple[str, str]]:
    return [
        (project.document(d).text[e.start : e.end], e.label)
        for d in project.document_ids()
        for e in project.entities(d)
    ]


def test_an_alias_of_the_schema_is_its_label_with_a_note(tmp_path):
    f = write_lines(
        tmp_path / "intent.jsonl",
        {"text": TEXT, "entities": [[0, 5, "PER"], [14, 19, "LOC"]], "cats": ["politics"]},
    )
    with Project(tmp_path / "p.annotator") as p:
        import_documents(p, [IncomingDocument("Maria met John.", "a.txt")])  # not new: nothing may be added
        report = import_paths(p, [f])
        assert report.skipped == []
        assert labelled(p)[-2:] == [("Obama", "PERSON"), ("Paris", "LOC")]
        assert p.schema.label("PER") is None
        assert any("PER -> PERSON (1)" in n for n in report.notes)
        (doc,) = [p.document(d) for d in p.document_ids() if p.document(d).text == TEXT]
        # doccano's intent line: its shape and spellings kept for the doccano export (session 38)
        assert doc.meta == {"cats": ["politics"], "doccano_form": {"entity_lists": True, "labels": {"PERSON": "PER"}}}


def test_labels_the_schema_lacks_grow_a_new_project_as_doccanos_do(tmp_path, capsys):
    f = write_lines(
        tmp_path / "train.jsonl",
        {"text": "BRCA1 binds p53.", "entities": [[0, 5, "GENE"], [12, 15, "GENE"]]},
        {"text": TEXT, "entities": [[0, 5, "PER"]]},
    )
    code = main(["import", str(tmp_path / "p.annotator"), str(f)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "labels added to the project's schema: GENE" in out
    with Project(tmp_path / "p.annotator", create=False) as p:
        assert p.schema.label("GENE") is not None and p.schema.label("PER") is None
        assert sorted(labelled(p)) == [("BRCA1", "GENE"), ("Obama", "PERSON"), ("p53", "GENE")]


def test_a_project_with_documents_refuses_them_all_at_once_and_keeps_nothing(tmp_path):
    f = write_lines(
        tmp_path / "train.jsonl",
        {"text": "BRCA1 binds p53.", "entities": [[0, 5, "GENE"]]},
        {"text": "Aspirin helps.", "entities": [[0, 7, "CHEMICAL"]]},
    )
    with Project(tmp_path / "p.annotator") as p:
        import_documents(p, [IncomingDocument("Maria met John.", "a.txt")])
        report = import_paths(p, [f])
        ((path, why),) = report.skipped
        assert path == str(f) and "GENE (1)" in why and "CHEMICAL (1)" in why
        assert len(p.document_ids()) == 1 and p.schema.label("GENE") is None


def test_the_readers_take_the_schema_for_json_lists_too(tmp_path):
    line = {"text": TEXT, "entities": [[0, 5, "per"]]}
    got = read_jsonl(write_lines(tmp_path / "a.jsonl", line), default_schema())
    assert [e.label for e in got.documents[0].entities] == ["PERSON"]
    listed = tmp_path / "a.json"
    listed.write_text(json.dumps([line]), encoding="utf-8")
    assert [e.label for e in read_json(listed, default_schema()).documents[0].entities] == ["PERSON"]


def test_the_projects_own_jsonl_lines_are_read_as_they_were(tmp_path):
    """The export's lines (entities as objects) keep their labels as given: a label the schema lacks is refused."""
    own = {
        "name": "x",
        "text": TEXT,
        "entities": [{"start": 0, "end": 5, "label": "PER"}],
        "events": [],
        "status": "new",
    }
    with Project(tmp_path / "p.annotator") as p:
        import_documents(p, [IncomingDocument("Maria met John.", "a.txt")])
        report = import_paths(p, [write_lines(tmp_path / "own.jsonl", own)])
        assert len(report.skipped) == 1 and "PER" in report.skipped[0][1]


def test_doccanos_own_shapes_take_the_schemas_names_too(tmp_path):
    """doccano's ``label`` triples and ``entities`` objects: ``PER`` was added to a new news project's schema beside
    ``PERSON``, the label it is an alias of."""
    f = write_lines(
        tmp_path / "doccano.jsonl",
        {"text": TEXT, "label": [[0, 5, "PER"], [14, 19, "LOC"]]},
        {"text": TEXT + " Again.", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5, "label": "PER"}]},
    )
    with Project(tmp_path / "p.annotator") as p:
        report = import_paths(p, [f])
        assert report.skipped == [] and report.labels_added == []
        assert p.schema.label("PER") is None
        assert sorted(labelled(p)) == [("Obama", "PERSON"), ("Obama", "PERSON"), ("Paris", "LOC")]
        assert any("PER -> PERSON (2)" in n for n in report.notes)
