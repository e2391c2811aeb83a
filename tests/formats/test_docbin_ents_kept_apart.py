"""Session 40: a DocBin whose ``doc.ents`` and span groups differ (a spancat corpus beside an NER one: ``Kabul`` GPE
in ``doc.ents``, ``Kabul office`` FAC and ``United Nations`` ORG in ``doc.spans["sc"]`` alone, ``Monday`` in a group
``dates``) went out with the export's own choice of ``doc.ents``: the longer ``Kabul office`` instead of ``Kabul``
(said as "kept only in doc.spans" though it was the file's entity), and ``United Nations`` and ``Monday`` added, so an
NER model trained on it learnt spans the file's ``doc.ents`` never had. The reader keeps which spans were not
``doc.ents`` (``spacy_docbin``'s ``spans_only``) and the export leaves them in ``doc.spans`` alone. Our own Doc."""

from __future__ import annotations

import spacy
from spacy.tokens import DocBin, Span

from annotator import api

TEXT = "Barack Obama visited the Kabul office of the United Nations on Monday."


def _docbin(path) -> None:  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 5, "GPE")]
    doc.spans["sc"] = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 6, "FAC"), Span(doc, 8, 10, "ORG")]
    doc.spans["dates"] = [Span(doc, 11, 12, "DATE")]
    db = DocBin(store_user_data=True)
    db.add(doc)
    db.to_disk(path)


def _read(path):  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    (doc,) = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [(e.text, e.label_) for e in doc.ents], sorted((s.text, s.label_) for s in doc.spans["sc"])


def test_the_files_doc_ents_go_back_as_they_were(tmp_path):
    _docbin(tmp_path / "in.spacy")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [tmp_path / "in.spacy"])
    report = api.export(project, tmp_path / "out.spacy", "spacy")
    ents, sc = _read(tmp_path / "out.spacy")
    assert ents == [("Barack Obama", "PERSON"), ("Kabul", "GPE")]
    assert sc == sorted(
        [("Barack Obama", "PERSON"), ("Kabul", "GPE"), ("Kabul office", "FAC"), ("United Nations", "ORG"),
         ("Monday", "DATE")]
    )  # fmt: skip
    assert not [k for k, _ in report.problems if k.startswith("overlapping entities")], report.problems
    again = api.new_project(tmp_path / "q.annotator")  # out and in again: the same
    api.import_files(again, [tmp_path / "out.spacy"])
    api.export(again, tmp_path / "out2.spacy", "spacy")
    assert _read(tmp_path / "out2.spacy") == (ents, sc)


def test_an_entity_added_since_goes_into_doc_ents(tmp_path):
    _docbin(tmp_path / "in.spacy")
    project = api.new_project(tmp_path / "p.annotator", annotator="t")
    api.import_files(project, [tmp_path / "in.spacy"])
    (doc,) = project.document_ids()
    start = TEXT.index("Obama visited the") + len("Obama ")  # none there: 'visited' as an event word
    from annotator.edits import add_entity

    add_entity(project, doc, start, start + len("visited"), "EVENT")
    api.export(project, tmp_path / "out.spacy", "spacy")
    ents, _ = _read(tmp_path / "out.spacy")
    assert ents == [("Barack Obama", "PERSON"), ("visited", "EVENT"), ("Kabul", "GPE")]
