"""Training parses the finished documents as pre-annotation parses them (session 41)."""

from __future__ import annotations

import pytest

from annotator import edits
from annotator.errors import TrainingCancelled
from annotator.importing import IncomingDocument, import_documents
from annotator.learn import train
from annotator.learn.train import TrainOptions, train_project
from annotator.nlp import load_pipeline
from learn_support import tiny_project

# a headline with no full stop on its own line, then the article's first sentence
HEADLINE = "Doctors prescribe aspirin in Paris\nDr. Anna Smith gave aspirin to the patient."


@pytest.mark.slow  # the real spaCy pipeline loaded and one quick pass of the entity update: ~5 s
def test_training_reads_a_headline_line_as_the_sentence_pre_annotation_reads(tmp_path, monkeypatch):
    """Training parsed the finished documents with spaCy's pipeline as loaded, without pre-annotation's line
    component: the headline ran into the next sentence (one sentence) in the documents the event suggester learnt
    from, while pre-annotation, and every suggestion the trained version makes, reads two."""
    project = tiny_project(tmp_path / "tiny.annotator", 2)
    doc_id = import_documents(project, [IncomingDocument(text=HEADLINE, name="headline.txt")]).imported[0][1]
    drug = HEADLINE.index("aspirin")
    edits.add_entity(project, doc_id, drug, drug + len("aspirin"), "DRUG")
    edits.set_status(project, doc_id, "reviewed")
    learnt: list = []

    def caught(examples, *args, **kwargs):  # type: ignore[no-untyped-def]
        learnt.extend(doc for doc, _entities, _gold in examples)
        raise TrainingCancelled()  # what the event suggester was given is all this test reads

    monkeypatch.setattr(train, "train_event_model", caught)
    with pytest.raises(TrainingCancelled):
        train_project(project, TrainOptions(ner_epochs=1, event_epochs=1))
    project.close()
    read = [[s.text for s in doc.sents] for doc in learnt if doc.text == HEADLINE]
    expected = [s.text for s in load_pipeline(None, events=True).nlp(HEADLINE).sents]
    assert expected == ["Doctors prescribe aspirin in Paris\n", "Dr. Anna Smith gave aspirin to the patient."]
    assert read and all(sents == expected for sents in read), read  # on main: the two lines one sentence
