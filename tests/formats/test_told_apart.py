"""A file given to the wrong reader says what it is and how to import it (session 10 QA: ``import --format
prodigy`` of the project's own JSON export said only "'text' must be a non-empty string")."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project


@pytest.fixture
def exported(tmp_path, capsys):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        doc = IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")
        doc.entities.append(IncomingEntity("m", 0, 11, "PERSON"))
        import_documents(p, [doc])
    for suffix in ("json", "jsonl"):
        assert main(["export", str(path), "-o", str(tmp_path / f"out.{suffix}")]) == 0
    capsys.readouterr()
    return tmp_path


def _error(capsys) -> str:
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("annotator: error: "), err
    return err


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "dygiepp", "conll", "webanno", "spacy"])
def test_the_json_export_given_to_another_reader_is_named(exported, capsys, fmt):
    new = exported / "new.annotator"
    assert main(["import", str(new), str(exported / "out.json"), "--format", fmt]) == 1
    err = _error(capsys)
    assert "this is the project's own JSON export; import it without --format" in err, err
    assert not new.exists()


def test_the_jsonl_export_given_to_dygiepp_is_named(exported, capsys):
    assert main(["import", str(exported / "new.annotator"), str(exported / "out.jsonl"), "--format", "dygiepp"]) == 1
    assert "this is the project's own JSONL export; import it without --format" in _error(capsys)


def test_another_tools_file_given_to_the_wrong_reader_names_its_format(exported, capsys):
    dygie = exported / "train.jsonl"
    doc = {"doc_key": "d1", "sentences": [["Maria", "Lopez", "met", "officials", "."]], "ner": [[[0, 1, "PER"]]]}
    dygie.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    assert main(["import", str(exported / "new.annotator"), str(dygie), "--format", "prodigy"]) == 1
    assert "(not Prodigy: this is a DyGIE++ file; import it with --format dygiepp)" in _error(capsys)


def test_a_file_of_the_named_format_with_a_fault_is_not_told_otherwise(exported, capsys):
    dygie = exported / "train.jsonl"
    dygie.write_text(json.dumps({"doc_key": "d1", "sentences": [["A"]], "ner": [[[0, 5, "PER"]]]}) + "\n")
    assert main(["import", str(exported / "new.annotator"), str(dygie), "--format", "dygiepp"]) == 1
    assert "this is" not in _error(capsys)


@pytest.mark.parametrize("fmt", ["doccano", "label_studio"])
def test_the_jsonl_export_given_to_a_reader_that_reads_it_in_part_is_refused(exported, capsys, fmt):
    """The JSONL export imported with --format doccano or label_studio: its texts came in without their entity (said in
    a note since session 10, the documents stored all the same); now refused as the other readers refuse it."""
    new = exported / "new.annotator"
    assert main(["import", str(new), str(exported / "out.jsonl"), "--format", fmt]) == 1
    err = _error(capsys)
    assert "out.jsonl: this is the project's own JSONL export, which the " in err, err
    assert "import it without --format (nothing was imported)" in err
    assert not new.exists()
    assert main(["import", str(new), str(exported / "out.jsonl")]) == 0  # as the message says: read whole
    with Project(new, create=False) as project:
        (doc,) = project.document_ids()
        assert [e.label for e in project.entities(doc)] == ["PERSON"]


def test_a_file_of_the_named_format_gets_no_such_note(exported, capsys):
    doccano = exported / "d.jsonl"
    doccano.write_text(json.dumps({"text": "Maria Lopez left.", "label": [[0, 11, "PERSON"]]}) + "\n")
    assert main(["import", str(exported / "new.annotator"), str(doccano), "--format", "doccano"]) == 0
    assert "this is" not in capsys.readouterr().err


def _line(tmp_path, name: str, obj: dict) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(obj) + "\n", encoding="utf-8")
    return str(path)


def test_displacy_s_manual_input_given_to_the_prodigy_reader_is_refused_naming_it(tmp_path, capsys):
    """Session 31, a new user: ``-f prodigy`` on displaCy's manual input imported its text and lost its ``ents``
    without a word (read without --format they are entities)."""
    line = _line(
        tmp_path,
        "d.jsonl",
        {"text": "Maria Lopez met officials.", "ents": [{"start": 0, "end": 11, "label": "PERSON"}]},
    )
    new = tmp_path / "new.annotator"
    assert main(["import", str(new), line, "--format", "prodigy"]) == 1
    err = _error(capsys)
    assert "this is displaCy's manual input" in err and "import it without --format" in err, err
    assert not new.exists()
    assert main(["import", str(new), line]) == 0
    assert "1 entity" in capsys.readouterr().out


def test_doc_to_json_output_is_named_as_such_not_as_a_docbin(tmp_path, capsys):
    """Session 31, a new user: Doc.to_json() lines read with ``-f prodigy`` were said to be "a spaCy DocBin file"."""
    words = [(0, 5), (6, 11), (12, 15), (16, 25), (25, 26)]  # spaCy 3.8's Doc.to_json() of a blank pipeline's Doc
    tokens = [{"id": k, "start": a, "end": b} for k, (a, b) in enumerate(words)]
    obj = {"text": "Maria Lopez met officials.", "ents": [{"start": 0, "end": 11, "label": "PERSON"}], "tokens": tokens}
    line = _line(tmp_path, "docs.jsonl", obj)
    assert main(["import", str(tmp_path / "new.annotator"), line, "--format", "prodigy"]) == 0
    err = capsys.readouterr().err
    assert "this is spaCy's Doc.to_json() output, read as Prodigy" in err and "DocBin" not in err, err
