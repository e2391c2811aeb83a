"""`train` learns from finished documents that still hold suggestions nobody decided, and says how many (s30-eng's
lead 2): an event suggestion nobody accepted is no event to it, as the `status` and export notes say of theirs."""

from __future__ import annotations

import pytest

from annotator.cli import main as cli_main
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.learn.data import finished_documents
from annotator.learn.train import TrainOptions, TrainReport, train_project
from annotator.store import Project
from learn_support import tiny_project, tiny_text


def _with_undecided(path) -> Project:
    """8 finished documents decided throughout, and 2 more whose entities are accepted and whose event is an
    undecided suggestion, one with an undecided entity suggestion too (what `status annotated` leaves on a
    document nobody went through to the end)."""
    project = tiny_project(path, 8, "annotated")
    incoming = []
    for k in (0, 1):
        text, ents, trig = tiny_text(k)
        text += " Again."  # another text than document k's
        entities = [IncomingEntity(j, s, e, label, state="accepted") for j, (s, e, label) in enumerate(ents)]
        if k == 0:
            s = text.index("patient")
            entities.append(IncomingEntity(len(entities), s, s + len("patient"), "PERSON", state="suggested"))
        incoming.append(
            IncomingDocument(
                text=text,
                name=f"again{k}.txt",
                status="annotated",
                entities=entities,
                events=[IncomingEvent("Medicate", *trig, state="suggested")],
            )
        )
    import_documents(project, incoming)
    return project


def test_the_finished_documents_count_their_undecided_event_suggestions_and_the_summary_names_them(tmp_path):
    project = _with_undecided(tmp_path / "p.annotator")
    docs = [d for d in finished_documents(project) if d.decided]
    assert len(docs) == 10
    assert sum(d.undecided_events for d in docs) == 2 and sum(d.undecided for d in docs) == 3
    project.close()
    line = TrainReport(version=1, documents=10, held_out=3, folds=3, undecided=(1, 2)).summary().split("\n")[0]
    assert "the 10 documents learnt from hold 1 entity and 2 event suggestions nobody decided" in line
    assert "annotator accept" in line
    assert "nobody decided" not in TrainReport(version=1, documents=10, held_out=3, folds=3).summary()


@pytest.mark.slow
def test_annotator_train_says_how_many_suggestions_nobody_decided_it_learnt_beside(tmp_path, capsys):
    project = _with_undecided(tmp_path / "p.annotator")
    report = train_project(project, TrainOptions(ner_epochs=1, event_epochs=1, rehearsal_words=0))
    assert report.documents == 10 and report.undecided == (1, 2)
    project.close()
    assert cli_main(["train", str(tmp_path / "p.annotator"), "--ner-epochs", "1", "--event-epochs", "1"]) == 0
    out = capsys.readouterr().out
    assert "hold 1 entity and 2 event suggestions nobody decided" in out.split("\n")[0]
