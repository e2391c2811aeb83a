"""Text categories into spaCy's DocBin (``doc.cats``, what ``spacy train`` reads for a textcat): spaCy's training JSONL
with ``cats`` (explosion/projects' textcat assets: ``{"text", "cats": {"baking": 1.0, "bread": 0.0}, "meta"}``, our own
lines) and the categories of a text classification (Prodigy's textcat answers, doccano's labels). Session 13 found the
DocBin export writing every ``doc.cats`` empty, and the DocBin import saying them not kept."""

from __future__ import annotations

import orjson
from spacy.tokens import DocBin

from spacy_support import english_vocab, english_words
from annotator.cli import main
from annotator.store import Project

LINES = [
    {"text": "How can I get chewy cookies?", "cats": {"baking": 1.0, "bread": 0.0}, "meta": {"id": "1"}},
    {"text": "Node.js: produce docs files", "cats": {"DOCUMENTATION": 0.0}},
]
# a Prodigy textcat answer with its tokens: stored tokens, so the export's array path writes it
TASK = {
    "text": "Rates rose again.",
    "label": "ECONOMY",
    "answer": "accept",
    "tokens": [
        {"text": "Rates", "start": 0, "end": 5, "id": 0, "ws": True},
        {"text": "rose", "start": 6, "end": 10, "id": 1, "ws": True},
        {"text": "again", "start": 11, "end": 16, "id": 2, "ws": False},
        {"text": ".", "start": 16, "end": 17, "id": 3, "ws": False},
    ],
    "_input_hash": 1,
}


def cats_of(path) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    docs = DocBin().from_disk(path).get_docs(english_vocab())
    return {d.text: dict(d.cats) for d in docs}


def test_cats_and_categories_go_into_the_docbin_and_back(tmp_path):
    (tmp_path / "train.jsonl").write_bytes(b"\n".join(orjson.dumps(x) for x in LINES) + b"\n")
    (tmp_path / "answers.jsonl").write_bytes(orjson.dumps(TASK) + b"\n")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "train.jsonl"), str(tmp_path / "answers.jsonl")]) == 0
    assert main(["export", str(p), "-f", "spacy", "-o", str(tmp_path / "out.spacy")]) == 0
    assert cats_of(tmp_path / "out.spacy") == {  # they were all {}
        "How can I get chewy cookies?": {"baking": 1.0, "bread": 0.0},
        "Node.js: produce docs files": {"DOCUMENTATION": 0.0},
        "Rates rose again.": {"ECONOMY": 1.0},
    }
    q = tmp_path / "q.annotator"
    assert main(["import", str(q), str(tmp_path / "out.spacy")]) == 0
    assert main(["export", str(q), "-f", "spacy", "-o", str(tmp_path / "again.spacy")]) == 0
    assert cats_of(tmp_path / "again.spacy") == cats_of(tmp_path / "out.spacy")
    with Project(q, create=False) as project:
        metas = {project.document(d).text: project.document(d).meta for d in project.document_ids()}
    assert metas["How can I get chewy cookies?"]["cats"] == {"baking": 1.0, "bread": 0.0}
    assert "cats" not in metas["Rates rose again."]  # its category came back as what it was (our own meta)


def test_another_tools_docbin_keeps_its_cats(tmp_path):
    doc = english_words()("Great price.")
    doc.cats = {"positive": 0.9, "negative": 0.1}
    DocBin(docs=[doc]).to_disk(tmp_path / "theirs.spacy")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "theirs.spacy")]) == 0
    with Project(p, create=False) as project:
        (d,) = project.document_ids()
        assert project.document(d).meta["cats"] == {"positive": 0.9, "negative": 0.1}  # was "not kept"
