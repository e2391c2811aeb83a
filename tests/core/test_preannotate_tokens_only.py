"""A gold corpus imported as annotated has no stored tokens, so the token exports cut it with the fallback
(``Merkel's`` as ``Merkel``, ``'``, ``s``); pre-annotating it with ``finished`` would add suggestions to what its
annotators settled. ``tokens_only`` stores the pipeline's tokens and sentences and suggests nothing."""

from __future__ import annotations

import pytest

from annotator.formats.conll import write_conll
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate

TEXT = "Merkel's visit to Kabul's market ended on Monday. Police closed the road."


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


@pytest.fixture
def gold(project):
    ents = [IncomingEntity(k, *at(w), lab) for k, (w, lab) in enumerate([("Merkel", "PERSON"), ("Kabul", "GPE")])]
    import_documents(project, [IncomingDocument(text=TEXT, name="gold.txt", status="annotated", entities=ents)])
    import_documents(project, [IncomingDocument(text="Already cut, by CoNLL.", name="cut.txt")])
    (doc, cut) = project.document_ids()
    project.db.insert_tokens(cut, "conll", "[0, 8, 13, 15, 21]", "[7, 12, 15, 21, 22]", "[0]")
    project.db.conn.commit()
    return project, doc, cut


def _words(path) -> list[str]:
    return [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line and " " in line][1:]


@pytest.mark.slow  # loads spaCy (a blank English pipeline)
def test_tokens_only_stores_the_pipelines_tokens_and_suggests_nothing(gold, tmp_path):
    project, doc, cut = gold
    before = write_conll(project, tmp_path / "before.conll")
    assert "gold.txt" in before.tokenized and "preannotate --tokens-only" in before.summary()  # the way, said
    assert _words(tmp_path / "before.conll")[:3] == ["Merkel", "'", "s"]
    # a pipeline that would suggest 'Monday' and 'Police': nothing suggested all the same
    pipe = ruler_pipeline([{"label": "DATE", "pattern": "Monday"}, {"label": "ORG", "pattern": "Police"}])
    report = preannotate(project, pipe, tokens_only=True)
    assert report.documents == 1 and report.suggestions == 0  # the CoNLL-cut document keeps its own tokens
    assert "nothing suggested" in report.summary()
    assert [(e.label, e.state) for e in project.entities(doc)] == [("PERSON", "accepted"), ("GPE", "accepted")]
    assert project.document(doc).status == "annotated"
    assert project.tokens(cut)[0] == [0, 8, 13, 15, 21]
    after = write_conll(project, tmp_path / "after.conll")
    assert after.tokenized == []
    words = _words(tmp_path / "after.conll")
    assert words[:2] == ["Merkel", "'s"] and "Kabul" in words and words[words.index("Kabul") + 1] == "'s"
    again = preannotate(project, pipe, tokens_only=True)  # nothing left without tokens
    assert again.documents == 0
