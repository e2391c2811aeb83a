"""annotator.api: the project from Python (docs/api.md), and the document's own examples run as a script."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import api, edits
from annotator.errors import AnnotatorError, ImportFileError, ProjectFileError
from core_helpers import two_documents

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_api_loads_nothing_heavy():
    code = "import sys, annotator.api; print(sorted(m for m in ('spacy', 'sqlite_utils', 'annotator.formats') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_new_project_imports_and_reads_records_back(tmp_path):
    corpus = two_documents(tmp_path)
    with api.new_project(tmp_path / "p.annotator", annotator="pipeline") as project:
        report = api.import_files(project, [corpus])
        assert [name for name, _ in report.imported] == ["a.txt", "b.txt"]
        a = project.document_ids()[0]
        text = project.document(a).text
        edits.add_entity(project, a, text.index("Paris"), text.index("Paris") + 5, "GPE")
    with api.open_project(tmp_path / "p.annotator") as project:
        recs = list(api.records(project))
        assert [r["name"] for r in recs] == ["a.txt", "b.txt"]
        (ent,) = recs[0]["entities"]
        assert (recs[0]["text"][ent["start"] : ent["end"]], ent["label"], ent["state"]) == ("Paris", "GPE", "added")
        assert list(api.records(project, states=("suggested",)))[0]["entities"] == []
        assert list(api.records(project, statuses=["reviewed"])) == []


def test_open_project_is_read_only_unless_told(tmp_path):
    with api.new_project(tmp_path / "p.annotator") as project:
        api.import_files(project, [two_documents(tmp_path)])
    with api.open_project(tmp_path / "p.annotator") as project:
        assert project.read_only
        with pytest.raises(AnnotatorError):
            edits.set_status(project, project.document_ids()[0], "annotated")
    with api.open_project(tmp_path / "p.annotator", write=True, annotator="bot") as project:
        edits.set_status(project, project.document_ids()[0], "annotated")
        assert project.document(project.document_ids()[0]).status == "annotated"


def test_bad_calls_are_refused_in_one_line(tmp_path):
    with pytest.raises(ProjectFileError, match="no such project file"):
        api.open_project(tmp_path / "missing.annotator")
    with api.new_project(tmp_path / "p.annotator") as project:
        with pytest.raises(AnnotatorError, match="options go with a format"):
            api.import_files(project, [tmp_path], options={"scheme": "iob"})
        with pytest.raises(AnnotatorError, match="no documents to export"):
            api.export(project, tmp_path / "out.json")
        (tmp_path / "bad.jsonl").write_text('{"text": "Paris", "label": [[0, 5, "GPE"]]}\n{"text": ', encoding="utf-8")
        with pytest.raises(ImportFileError):
            api.import_files(project, [tmp_path / "bad.jsonl"], format="doccano")
        assert project.document_ids() == []
        api.import_files(project, [two_documents(tmp_path)])
        with pytest.raises(AnnotatorError, match="unknown format 'xml'"):
            api.export(project, tmp_path / "out.json", format="xml")
        with pytest.raises(AnnotatorError, match="model and version"):
            api.preannotate(project, model="original", version=1)
    with pytest.raises(AnnotatorError, match="a file is there already"):
        api.new_project(tmp_path / "p.annotator")
    assert not (tmp_path / "out.json").exists()


def test_export_tells_the_format_from_the_name(tmp_path):
    with api.new_project(tmp_path / "p.annotator") as project:
        api.import_files(project, [two_documents(tmp_path)])
        report = api.export(project, tmp_path / "out.jsonl")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["name"] for line in lines] == ["a.txt", "b.txt"]
    assert report.documents == 2


@pytest.mark.slow
def test_spacy_docs_hold_what_the_docbin_export_holds(tmp_path):
    pytest.importorskip("spacy")
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    with api.new_project(tmp_path / "p.annotator") as project:
        api.import_files(project, [two_documents(tmp_path)])
        a = project.document_ids()[0]
        text = project.document(a).text
        police = edits.add_entity(project, a, 0, 6, "ORG").result_id
        men = edits.add_entity(project, a, text.index("two men"), text.index("two men") + 7, "PERSON").result_id
        ev = edits.add_event(project, a, "Justice:Arrest-Jail", text.index("arrested"), text.index("arrested") + 8)
        edits.add_argument(project, ev.result_id, "Agent", police)
        edits.add_argument(project, ev.result_id, "Person", men)
        edits.add_entity(project, a, text.index("Paris") + 1, text.index("Paris") + 5, "GPE")  # not on token edges
        docs = list(api.spacy_docs(project))
        skipped = list(api.spacy_docs(project, misaligned="skip"))
        api.export(project, tmp_path / "out.spacy")
    theirs = list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(Vocab()))
    assert [[(e.text, e.label_) for e in d.ents] for d in docs] == [
        [(e.text, e.label_) for e in d.ents] for d in theirs
    ]
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Police", "ORG"), ("two men", "PERSON"), ("Paris", "GPE")]
    assert [(e.text, e.label_) for e in skipped[0].ents] == [("Police", "ORG"), ("two men", "PERSON")]
    (trigger,) = docs[0].spans["triggers"]
    (event,) = docs[0].spans["triggers"].attrs["events"]
    assert (trigger.text, trigger.label_) == ("arrested", "Justice:Arrest-Jail")
    assert sorted(arg["role"] for arg in event["arguments"]) == ["Agent", "Person"]
    with pytest.raises(AnnotatorError, match="misaligned='contract'"):
        with api.open_project(tmp_path / "p.annotator") as project:
            list(api.spacy_docs(project, misaligned="contract"))


@pytest.mark.slow
def test_the_examples_of_docs_api_md_run(tmp_path):
    """docs/api.md's blocks, in order, as one script in an empty folder, with the default pipeline."""
    pytest.importorskip("spacy")
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 4
    script = tmp_path / "example.py"
    script.write_text("\n".join(blocks), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=work, env=env)
    assert out.returncode == 0, out.stderr
    assert "2 imported" in out.stdout
    assert "Justice:Arrest-Jail" in out.stdout and "('Paris', 'GPE')" in out.stdout
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    trained = list(DocBin().from_disk(work / "train.spacy").get_docs(Vocab()))
    assert len(trained) == 2 and all(d.ents for d in trained)
    assert len((work / "corpus.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert sorted(p.name for p in (work / "brat_out").iterdir())[:2] == ["a.ann", "a.txt"]
