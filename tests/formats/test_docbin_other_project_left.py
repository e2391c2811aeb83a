"""A DocBin another project's engineer hands over (an entity linker's ``kb_id`` on ``doc.ents``, a span group of a name
of its own beside ``sc``, ``doc.user_data`` keys of its own): a span given in ``doc.ents`` as PERSON and in a group as
PER is one entity, not two; what no document keeps is said in one line with its numbers. Session 35: the span came in
twice (two PERSON entities on the same words) and the ids, the group's name and the keys were lost without a word.
Our own Docs."""

from __future__ import annotations

import json

from spacy.tokens import Doc, DocBin, Span

from spacy_support import english_vocab
from annotator.cli import main
from annotator.store import Project


def _docbin(path) -> None:
    words = ["Barack", "Obama", "visited", "Kabul", "with", "the", "Red", "Cross", "."]
    doc = Doc(english_vocab(), words=words, spaces=[True] * 7 + [False, False])
    doc.ents = [Span(doc, 0, 2, "PERSON", kb_id="Q76"), Span(doc, 3, 4, "GPE")]
    doc.spans["sc"] = [Span(doc, 0, 2, "PERSON"), Span(doc, 6, 8, "ORG")]
    doc.spans["people"] = [Span(doc, 0, 2, "PER")]
    doc.user_data["source"] = "wire"
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    bin_.to_disk(path)


def test_a_span_spelt_two_ways_is_one_entity_and_what_is_lost_is_said(tmp_path, capsys):
    given = tmp_path / "linked.spacy"
    _docbin(given)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    with Project(project, annotator="t") as p:
        (doc,) = p.document_ids()
        spans = sorted((e.start, e.end, e.label) for e in p.entities(doc))
    assert spans == [(0, 12, "PERSON"), (21, 26, "GPE"), (36, 45, "ORG")]
    (line,) = [w for w in said["not_kept"] if "kb_id" in w]
    assert "of 1 entity" in line and "people (1 span)" in line and "doc.user_data's own keys (source)" in line
