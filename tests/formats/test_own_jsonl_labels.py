"""The project's own JSONL export of a project with labels of its own (a Label Studio or Annotation Lab file's
``MedicalCondition``, ``Pathogen``) imported into a new project was refused ("label 'MedicalCondition' is not in the
schema (PERSON, ORG, ...)"), with ``--add-types`` too, and the line named no way in: the lines carry no schema header,
and their labels were checked only when stored. They are now tallied as the other readers tally them: a new project
takes them (``labels_added``), one with documents refuses the file naming them all with ``--add-types`` and ``--map``,
and takes them with either. And doccano's label list (its "Export Labels" file: ``text``, ``task_type``, colours) was
read as documents whose texts were the label names; it is refused in one line saying what it is."""

from __future__ import annotations

import json

import pytest

from annotator import api
from annotator.errors import ImportFileError
from annotator.formats.plain import read_jsonl
from annotator.importing import IncomingDocument, import_documents

TEXT = "Outbreaks of cholera were traced to Vibrio cholerae in the river."


def exported_jsonl(tmp_path):
    """A project whose labels are its own (a Label Studio file's), exported to the project's JSONL."""
    src = tmp_path / "ls.json"
    region = lambda word, label: {  # noqa: E731
        "value": {"start": TEXT.index(word), "end": TEXT.index(word) + len(word), "text": word, "labels": [label]},
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
    }
    task = {
        "data": {"text": TEXT},
        "annotations": [{"result": [region("cholera", "MedicalCondition"), region("Vibrio cholerae", "Pathogen")]}],
    }
    src.write_text(json.dumps([task]), encoding="utf-8")
    first = api.new_project(tmp_path / "first.annotator")
    api.import_files(first, [src])
    out = tmp_path / "out.jsonl"
    api.export(first, out, format="jsonl")
    return out


def labels_of(project) -> list[str]:
    return sorted(e.label for d in project.document_ids() for e in project.entities(d))


def test_a_new_project_takes_the_labels_of_its_own_jsonl(tmp_path):
    out = exported_jsonl(tmp_path)
    again = api.new_project(tmp_path / "again.annotator")
    report = api.import_files(again, [out])
    assert report.labels_added == ["MedicalCondition", "Pathogen"]
    assert labels_of(again) == ["MedicalCondition", "Pathogen"]


def test_a_project_with_documents_names_them_and_the_ways_in(project, tmp_path):
    out = exported_jsonl(tmp_path)
    import_documents(project, [IncomingDocument(text="A text already here.", name="seed.txt")])
    report = api.import_files(project, [out])
    ((_, reason),) = report.skipped
    assert "labels not in the project's schema 'news': MedicalCondition (1), Pathogen (1)" in reason
    assert "--add-types" in reason and "--map MedicalCondition=LABEL" in reason
    assert len(project.document_ids()) == 1
    api.import_files(project, [out], add_types=True)
    assert labels_of(project) == ["MedicalCondition", "Pathogen"]


def test_doccanos_label_list_is_refused_saying_what_it_is(project, tmp_path):
    labels = tmp_path / "label_config.json"
    labels.write_text(
        json.dumps(
            [
                {"id": 1, "text": "Vehicle", "prefix_key": None, "suffix_key": "v", "background_color": "#22AA00",
                 "text_color": "#ffffff", "task_type": "Span"},
                {"id": 2, "text": "Sports", "prefix_key": None, "suffix_key": "s", "background_color": "#FF0000",
                 "text_color": "#ffffff", "task_type": "Category"},
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    report = api.import_files(project, [labels])
    ((_, reason),) = report.skipped
    assert "doccano's label list" in reason and "Vehicle" in reason and len(reason.splitlines()) == 1
    assert not project.document_ids()


def test_spacys_v2_json_training_file_is_read(project, tmp_path):
    """It was "'text' must be a non-empty string", which said nothing of what the file is or how to bring it in; then
    refused naming ``spacy convert``; since session 22 read (``tests/formats/test_spacy_v2_json.py``). The reader of the
    project's JSONL lines, given one, refuses it naming the way in."""
    token = {"id": 0, "orth": "Apple", "tag": "NNP", "head": 0, "dep": "ROOT", "ner": "U-ORG"}
    doc = {"id": 0, "paragraphs": [{"raw": "Apple", "sentences": [{"tokens": [token]}]}]}
    path = tmp_path / "train.json"
    path.write_text(json.dumps([doc]), encoding="utf-8")
    report = api.import_files(project, [path])
    assert not report.skipped and [e.label for d in project.document_ids() for e in project.entities(d)] == ["ORG"]
    lines = tmp_path / "train.jsonl"
    lines.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="spaCy v2's JSON training format.*--format spacy"):
        read_jsonl(lines)


def test_a_patterns_file_is_refused_saying_what_it_is(project, tmp_path):
    """explosion/projects' ner-drugs/drugs_patterns.jsonl shape (our own lines): "'text' must be a non-empty string"."""
    path = tmp_path / "drugs_patterns.jsonl"
    path.write_text('{"label":"DRUG","pattern":[{"lower":"aspirin"}]}\n{"label":"DRUG","pattern":"ibuprofen"}\n')
    report = api.import_files(project, [path])
    ((_, reason),) = report.skipped
    assert "match patterns" in reason and "EntityRuler" in reason and not project.document_ids()
