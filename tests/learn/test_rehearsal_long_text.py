"""Session 27, the engineer's corpus (helper s27-qab): `annotator train --ner-epochs 1 --event-epochs 1` on a corpus
of 1,498 documents whose first is 1,006,824 characters (nobody annotated it) ended in a traceback, spaCy's "[E088]
Text of length 1006824 exceeds maximum of 1000000": the rehearsal (the original pipeline's entities on documents
nobody finished, up to 10,000 words) took that first document whole."""

from __future__ import annotations

import pytest
import spacy

from annotator.importing import IncomingDocument, import_documents
from annotator.learn.train import _rehearsal
from annotator.store import Project


@pytest.mark.slow
def test_the_rehearsal_takes_the_first_words_of_a_text_longer_than_spacy_takes(tmp_path):
    sentence = "Maria Lopez met officials in Paris.\n"
    long_text = sentence * (1_000_001 // len(sentence) + 1)
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument(long_text, "long.txt"), IncomingDocument("Later in Rome.", "b.txt")])
        docs = _rehearsal(p, spacy.blank("en"), set(), {"PERSON", "GPE"}, 60)
    assert [d.text for d in docs] == [long_text[: len(sentence) * 10 - 1]]  # its first 60 words: the budget spent


@pytest.mark.slow
def test_a_finished_document_longer_than_spacy_takes_is_learnt_in_pieces(tmp_path, monkeypatch):
    """A finished document of more than 1,000,000 characters stopped `train` in spaCy ("[E088] Text of length …
    exceeds maximum of 1000000", a traceback); then it was left out, its decisions unlearnt, and with one other
    finished document training refused ("1 finished document … needs at least 2"). It is cut into pieces as
    pre-annotation parses it and learnt, said in the line. The limits made small here: the same path, seconds."""
    from annotator import edits
    from annotator.learn import train as train_module
    from annotator.learn.options import TrainOptions
    from annotator.learn.train import train_project

    monkeypatch.setattr(train_module, "SPACY_MAX_CHARS", 3_000)
    monkeypatch.setattr(train_module, "CHUNK_CHARS", 1_000)
    sentence = "Maria Lopez met officials in Paris.\n"
    long_text = sentence * (3_001 // len(sentence) + 1)
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        imported = import_documents(p, [IncomingDocument(long_text, "long.txt"), IncomingDocument(sentence, "b.txt")])
        for _name, doc_id in imported.imported:
            edits.add_entity(p, doc_id, 29, 34, "GPE")
            edits.set_status(p, doc_id, "annotated")
        report = train_project(p, TrainOptions(ner_epochs=1, event_epochs=1))
    assert report.version == 1 and report.documents == 2 and report.held_out == 2  # documents, not pieces
    assert report.cut == ["long.txt"]
    assert "1 finished document longer than spaCy's 3,000 characters learnt in pieces: long.txt" in report.summary()
