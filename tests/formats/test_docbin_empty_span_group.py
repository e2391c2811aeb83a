"""Session 40 (s40-real's Left): a DocBin's empty span group (a spancat corpus's group an annotator looked at and
found without spans, ``doc.spans["claims"] = []``) was dropped without a word: the DocBin export had no ``claims``,
so a span categorizer trained on it read the Doc as one whose group was never annotated. It is kept in the
document's meta, said in the kept note, and written back empty. Our own Doc."""

from __future__ import annotations

import spacy
from spacy.tokens import DocBin, Span

from annotator import api

TEXT = "Aid reached Goma on Tuesday after the road reopened."


def _docbin(path) -> None:  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    doc.ents = [Span(doc, 2, 3, "GPE")]
    doc.spans["sc"] = [Span(doc, 2, 3, "GPE")]
    doc.spans["claims"] = []
    doc.spans["dates"] = [Span(doc, 4, 5, "DATE")]
    db = DocBin(store_user_data=True)
    db.add(doc)
    db.to_disk(path)


def _groups(path) -> dict[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    (doc,) = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
    return {k: [(s.text, s.label_) for s in g] for k, g in doc.spans.items() if k in ("claims", "dates")}


def test_an_empty_span_group_is_kept_said_and_written_back_empty(tmp_path):
    _docbin(tmp_path / "in.spacy")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [tmp_path / "in.spacy"])
    said = [n for n in report.notes if "empty span groups claims" in n]
    assert len(said) == 1 and "\n" not in said[0], report.notes
    api.export(project, tmp_path / "out.spacy", "spacy")
    assert _groups(tmp_path / "out.spacy") == {"claims": [], "dates": [("Tuesday", "DATE")]}
    again = api.new_project(tmp_path / "q.annotator")  # out and in again: the same
    api.import_files(again, [tmp_path / "out.spacy"])
    api.export(again, tmp_path / "out2.spacy", "spacy")
    assert _groups(tmp_path / "out2.spacy") == _groups(tmp_path / "out.spacy")
