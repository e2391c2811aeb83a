"""INCEpTION's project export keeps each annotator's TSV as ``annotation/DOC/USER.tsv`` and the curated version as
``curation/DOC/CURATION_USER.tsv`` (its user guide; the scripts that read such exports walk that layout). Each file
was read as a document of its own named ``annotation/story.txt/alice``, and all but the first were "duplicates":
only the first annotator's work came in, never the curated version. The TSV files here are our own export's."""

from __future__ import annotations

import shutil

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project
from annotator.teams.agreement import agreement

TEXT = "Rebels attacked Kabul on Monday."


def _tsv(tmp_path, name: str, spans: list[tuple[str, str]]):
    """A WebAnno TSV file of TEXT with ``spans`` ((word, label)), as our export writes it."""
    path = tmp_path / f"{name}.annotator"
    with Project(path, annotator=name) as p:
        doc = IncomingDocument(TEXT, "story.txt")
        doc.entities += [IncomingEntity(w, TEXT.index(w), TEXT.index(w) + len(w), label) for w, label in spans]
        import_documents(p, [doc])
    assert main(["export", str(path), "-f", "webanno", "-o", str(tmp_path / f"{name}_tsv")]) == 0
    (tsv,) = (tmp_path / f"{name}_tsv").glob("*.tsv")
    return tsv


def _export(tmp_path, curated: bool):
    root = tmp_path / "inception-export"
    for part, user, spans in [
        ("annotation", "alice", [("Kabul", "GPE")]),
        ("annotation", "bob", [("Kabul", "ORG"), ("Monday", "DATE")]),
        *([("curation", "CURATION_USER", [("Kabul", "GPE"), ("Monday", "DATE")])] if curated else []),
    ]:
        (root / part / "story.txt").mkdir(parents=True, exist_ok=True)
        shutil.copy(_tsv(tmp_path, user, spans), root / part / "story.txt" / f"{user}.tsv")
    return root


def _spans(project: Project, doc: int, aset: str) -> list[tuple[str, str]]:
    return sorted((TEXT[e.start : e.end], e.label) for e in project.entities(doc, aset))


def test_the_curated_version_is_the_final_set_and_each_annotator_has_a_set(tmp_path, capsys):
    root = _export(tmp_path, curated=True)
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(root)]) == 0
    said = capsys.readouterr()
    assert "0 duplicates skipped" in said.out and "duplicate:" not in said.err
    assert "2 annotators (alice, bob) are kept each in an annotation set of its own; the curated version" in said.err
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        assert (project.document(doc).name, project.document(doc).status) == ("story.txt", "reviewed")
        assert _spans(project, doc, "main") == [("Kabul", "GPE"), ("Monday", "DATE")]
        assert _spans(project, doc, "alice") == [("Kabul", "GPE")]
        assert _spans(project, doc, "bob") == [("Kabul", "ORG"), ("Monday", "DATE")]
        assert {e.annotator for e in project.entities(doc, "bob")} == {"bob"}
        pair = agreement(project)["pairs"][0]
        assert (pair["a"], pair["b"], pair["documents"]) == ("alice", "bob", 1)


def test_without_a_curated_version_the_final_set_waits_and_one_annotator_is_the_final(tmp_path, capsys):
    root = _export(tmp_path, curated=False)
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(root)]) == 0
    assert "the import's set has no decision yet" in capsys.readouterr().err
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        assert _spans(project, doc, "main") == [] and _spans(project, doc, "alice") == [("Kabul", "GPE")]
    shutil.rmtree(root / "annotation" / "story.txt")
    (root / "annotation" / "story.txt").mkdir()
    shutil.copy(_tsv(tmp_path, "carol", [("Rebels", "PERSON")]), root / "annotation" / "story.txt" / "carol.tsv")
    q = tmp_path / "q.annotator"
    assert main(["import", str(q), str(root)]) == 0
    with Project(q, create=False) as project:
        (doc,) = project.document_ids()
        assert project.document(doc).name == "story.txt"  # it was 'annotation/story.txt/carol'
        assert _spans(project, doc, "main") == [("Rebels", "PERSON")]
