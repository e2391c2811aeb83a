"""The project's JSON export written under a ``.jsonl`` name (``annotator export p.annotator -f json -o out.jsonl``, as
a script names its outputs) was refused by the import: read as JSON lines, its one object was a document without a
text ("out.jsonl:1: 'text' must be a non-empty string"). Now read as the export it is, its schema with it."""

from __future__ import annotations

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project

TEXT = "Rebels attacked Kabul on Monday."


def test_the_json_export_under_a_jsonl_name_is_read_back(tmp_path, capsys):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="alice") as p:
        doc = IncomingDocument(TEXT, "story.txt")
        doc.entities.append(IncomingEntity("Kabul", 16, 21, "GPE"))
        import_documents(p, [doc])
    assert main(["export", str(path), "-f", "json", "-o", str(tmp_path / "out.jsonl")]) == 0
    assert main(["import", str(tmp_path / "q.annotator"), str(tmp_path / "out.jsonl")]) == 0, capsys.readouterr().err
    with Project(tmp_path / "q.annotator", create=False) as q:
        (got,) = q.document_ids()
        assert [(TEXT[e.start : e.end], e.label) for e in q.entities(got)] == [("Kabul", "GPE")]
        assert q.document(got).name == "story.txt"
