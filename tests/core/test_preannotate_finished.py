"""Pre-annotating all documents leaves finished ones (annotated, reviewed) as their annotators decided, unless asked
(``finished=True``, ``--finished``), and says how many it left; a suggestion over words a person settled under
another label is not offered again (round 11b: seed 006, "Sunday" beside her "Sunday evening" TIME)."""

from __future__ import annotations

import pytest
from core_helpers import add_document

from annotator import edits
from annotator.cli import main
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate

TEXT = "Protesters marched in Alimosho and Ikorodu on Sunday evening."
PATTERNS = [
    {"label": "ORG", "pattern": "Alimosho and Ikorodu"},
    {"label": "DATE", "pattern": "Sunday"},
]


@pytest.fixture(scope="module")
def pipe():
    return ruler_pipeline(PATTERNS, name="seed6")


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def settle(project, doc: int) -> None:
    """As she did on seed 006: "Sunday" DATE resized to "Sunday evening" and relabelled TIME; the ORG cut into two
    GPEs (the suggestion rejected, each place added)."""
    by_text = {TEXT[e.start : e.end]: e.id for e in project.entities(doc)}
    edits.resize_entity(project, by_text["Sunday"], *at("Sunday evening"))
    edits.relabel_entity(project, by_text["Sunday"], "TIME")
    edits.reject_entity(project, by_text["Alimosho and Ikorodu"])
    edits.add_entity(project, doc, *at("Alimosho"), "GPE")
    edits.add_entity(project, doc, *at("Ikorodu"), "GPE")


def undecided(project, doc: int) -> set[tuple[str, str]]:
    return {(TEXT[e.start : e.end], e.label) for e in project.entities(doc) if e.state == "suggested"}


def test_a_suggestion_over_words_she_relabelled_is_not_offered_again(project, pipe):
    doc = add_document(project, TEXT)
    preannotate(project, pipe)
    settle(project, doc)
    report = preannotate(project, pipe)  # the document is still in progress: it is pre-annotated
    assert report.documents == 1
    assert undecided(project, doc) == set()  # main offered "Sunday" DATE again beside her "Sunday evening" TIME
    assert report.kept_human == 2 and report.suggestions == 0


def test_pre_annotating_all_leaves_finished_documents_unless_asked(project, pipe):
    finished = add_document(project, TEXT, "finished.txt")
    reviewed = add_document(project, TEXT.replace("Protesters", "Crowds"), "reviewed.txt")
    open_one = add_document(project, TEXT.replace("Protesters", "People"), "open.txt")
    preannotate(project, pipe)
    edits.set_status(project, finished, "annotated")
    edits.set_status(project, reviewed, "reviewed")
    rows = {
        d: sorted((e.id, e.start, e.end, e.label, e.state) for e in project.entities(d)) for d in (finished, reviewed)
    }

    report = preannotate(project, pipe)
    assert report.documents == 1 and report.kept_finished == 2 and report.replaced == 2
    assert "2 finished documents (annotated or reviewed) left as they were" in report.summary()
    for d in (finished, reviewed):  # none replaced, none new: the very rows
        assert sorted((e.id, e.start, e.end, e.label, e.state) for e in project.entities(d)) == rows[d]
    assert len(undecided(project, open_one)) == 2

    report = preannotate(project, pipe, doc_ids=[finished], finished=True)  # asked for: it is pre-annotated
    assert report.documents == 1 and report.kept_finished == 0 and report.replaced == 2
    assert "finished document" not in report.summary()


def test_cli_leaves_finished_documents_and_finished_asks_for_them(tmp_path, capsys, project, pipe):
    path = tmp_path / "ruler"
    pipe.nlp.to_disk(path)
    doc = add_document(project, TEXT)
    other = add_document(project, TEXT.replace("Protesters", "Crowds"), "other.txt")
    preannotate(project, pipe)
    edits.set_status(project, doc, "annotated")
    before = sorted((e.id, e.label, e.state) for e in project.entities(doc))
    project.close()

    assert main(["preannotate", str(project.path), "--model", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 document," in out and "1 finished document (annotated or reviewed) left as it was" in out
    assert "(--finished pre-annotates them too)" in out

    assert main(["preannotate", str(project.path), "--model", str(path), "--finished"]) == 0
    out = capsys.readouterr().out
    assert "2 documents," in out and "finished document" not in out
    from annotator.store import Project

    with Project(project.path) as p:
        assert {e.id for e in p.entities(other)} and sorted((e.id, e.label, e.state) for e in p.entities(doc)) != before
