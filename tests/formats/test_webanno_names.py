"""A WebAnno TSV export named each file by the document's name without ``.txt`` (``story.tsv``), and the reader names
a document by its file without ``.tsv``: ``story.txt`` came back ``story``, so an export and import lost every
document's name as the user knew it (session 16's leftover). The file keeps the whole name: ``story.txt.tsv``."""

from __future__ import annotations

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project


def test_a_documents_name_comes_back_with_its_txt(tmp_path):
    text = "Rebels attacked Kabul on Monday."
    with Project(tmp_path / "p.annotator") as project:
        import_documents(
            project,
            [
                IncomingDocument(text, "story.txt", entities=[IncomingEntity("k", 16, 21, "GPE", "accepted")]),
                IncomingDocument("A note without a suffix.", "note"),
            ],
        )
    out, q = tmp_path / "out", tmp_path / "q.annotator"
    assert main(["export", str(tmp_path / "p.annotator"), "-f", "webanno", "-o", str(out)]) == 0
    assert sorted(f.name for f in out.iterdir()) == ["note.tsv", "story.txt.tsv"]
    assert main(["import", str(q), str(out), "--format", "webanno"]) == 0
    with Project(q, create=False) as project:
        assert sorted(project.document(d).name for d in project.document_ids()) == ["note", "story.txt"]
