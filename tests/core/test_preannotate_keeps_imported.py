"""Pre-annotation of new documents (the app's automatic one after an open or an import, `preannotate --only-new`)
leaves alone a document that came with suggestions: a Label Studio prediction's spans and scores were replaced by the
pipeline's as soon as the app opened the project or imported the file."""

from __future__ import annotations

from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate

PREDICTED = "Sergey Lavrov met Antony Blinken in Moscow."
PLAIN = "Maria Lopez visited Paris."
PATTERNS = [{"label": "GPE", "pattern": "Moscow"}, {"label": "GPE", "pattern": "Paris"}]


def test_only_new_leaves_a_document_with_an_imports_suggestions_as_it_came(project):
    lavrov = IncomingEntity(0, 0, 13, "PERSON", "suggested", "label-studio:m1", score=0.9)
    import_documents(
        project,
        [IncomingDocument(PREDICTED, "predicted.txt", entities=[lavrov]), IncomingDocument(PLAIN, "plain.txt")],
    )
    predicted, plain = project.document_ids()
    report = preannotate(project, ruler_pipeline(PATTERNS), only_new=True)
    assert [(e.label, e.source, e.score) for e in project.entities(predicted)] == [("PERSON", "label-studio:m1", 0.9)]
    assert [PLAIN[e.start : e.end] for e in project.entities(plain)] == ["Paris"]
    assert report.documents == 1 and report.kept_imported == 1
    assert "1 new document kept the suggestions it came with (an import's predictions;" in report.summary()
    # asked for every document, the run replaces undecided suggestions as it always has
    preannotate(project, ruler_pipeline(PATTERNS))
    assert [(e.label, e.source) for e in project.entities(predicted)] == [("GPE", "spacy:en_blank_en_ruler@0.0.0")]
