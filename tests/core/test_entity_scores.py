"""Entity suggestions keep their scores: the migration, pre-annotation (a span categorizer's scores, none from
``ner``), the project's JSON (exact values, byte-identical to the records' dump, older versions read)."""

from __future__ import annotations

import sqlite3

import numpy
import orjson
import pytest
from core_helpers import add_document

from annotator import migrations
from annotator.errors import ImportFileError
from annotator.formats import json_split
from annotator.formats.project_json import iter_document_records, write_json, write_jsonl
from annotator.formats.project_json_read import read_json
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.nlp import Pipeline, blank_pipeline_with_patterns
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate
from annotator.store import Project

TEXT = "Sergey Lavrov met Antony Blinken in Moscow."
# awkward values: SQLite's own JSON would write 0.3, 0.666666666666667 and 1.0e-07 for them
SCORES = [0.1 + 0.2, 2 / 3, 1e-7, 0.9, None]
IN_TEXT_ORDER = [0.1 + 0.2, 0.9, 2 / 3, None, 1e-7]  # Sergey Lavrov, met, Antony Blinken, in, Moscow


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def scored_document(name: str = "d.txt", annotator: str | None = "ann") -> IncomingDocument:
    words = ["Sergey Lavrov", "Antony Blinken", "Moscow", "met", "in"]
    labels = ["PERSON", "PERSON", "GPE", "ORG", "ORG"]
    ents = [
        IncomingEntity(k, *at(w), lab, "suggested", "label-studio:m1", annotator, score=sc)
        for k, (w, lab, sc) in enumerate(zip(words, labels, SCORES))
    ]
    return IncomingDocument(text=TEXT + " " + name, name=name, entities=ents)


def test_migration_gives_old_spans_no_score(tmp_path, at_format):
    path = tmp_path / "old.annotator"
    with at_format(6), Project(path) as p:
        doc = add_document(p, TEXT)
        p.db.conn.execute(
            "INSERT INTO entities (document_id, start, end, label, state, source) VALUES (?, 0, 13, 'PERSON', "
            "'suggested', 'spacy:x@1')",
            (doc,),
        )
    with Project(path) as p:
        (ent,) = p.entities(doc)
        assert (ent.label, ent.state, ent.score) == ("PERSON", "suggested", None)
        assert migrations.user_version(p.db.conn) == migrations.LATEST >= 7
    conn = sqlite3.connect(path)
    assert "score" in {r[1] for r in conn.execute("PRAGMA table_info(entities)")}
    conn.close()


def test_import_keeps_scores_and_json_round_trips_them_exactly(project, tmp_path):
    import_documents(project, [scored_document()])
    (doc_id,) = project.document_ids()
    got = {TEXT[e.start : e.end]: e.score for e in project.entities(doc_id)}
    assert got == {"Sergey Lavrov": 0.1 + 0.2, "Antony Blinken": 2 / 3, "Moscow": 1e-7, "met": 0.9, "in": None}
    out = tmp_path / "out.json"
    write_json(project, out)
    data = orjson.loads(out.read_bytes())
    assert data["version"] == 7
    assert [e["score"] for e in data["documents"][0]["entities"]] == IN_TEXT_ORDER
    with Project(tmp_path / "back.annotator") as back:
        import_documents(back, read_json(out))
        (bid,) = back.document_ids()
        assert sorted((e.start, e.score or -1) for e in back.entities(bid)) == sorted(
            (e.start, e.score or -1) for e in project.entities(doc_id)
        )


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("processes", ["one", "two"])
def test_streamed_export_writes_scores_as_the_records_hold_them(project, tmp_path, monkeypatch, fmt, processes):
    # a '%' in an annotator's name takes the export's slower way of filling in the texts: scores go in there too
    import_documents(project, [scored_document("a.txt"), scored_document("b.txt", annotator="50% sure")])
    import_documents(project, [IncomingDocument(text="No scores here.", name="c.txt")])
    monkeypatch.setattr(json_split, "MIN_DOCUMENTS", 0 if processes == "two" else 10**9)
    out = tmp_path / f"out.{fmt}"
    (write_json if fmt == "json" else write_jsonl)(project, out)
    records = list(iter_document_records(project, ("suggested", "accepted", "added")))
    lines = out.read_bytes().splitlines() if fmt == "jsonl" else None
    docs = [orjson.loads(x) for x in lines] if lines else orjson.loads(out.read_bytes())["documents"]
    assert docs == records
    assert lines is None or lines == [orjson.dumps(r) for r in records]  # byte for byte
    assert [e["score"] for e in docs[1]["entities"]] == IN_TEXT_ORDER


def test_version_2_file_imports_without_scores_and_bad_scores_are_refused(project, tmp_path):
    old = {
        "format": "annotator-json",
        "version": 2,
        "documents": [
            {
                "name": "v2.txt",
                "text": TEXT,
                "entities": [{"id": 1, "start": 0, "end": 13, "label": "PERSON", "state": "suggested"}],
            }
        ],
    }
    path = tmp_path / "v2.json"
    path.write_bytes(orjson.dumps(old))
    import_documents(project, read_json(path))
    (doc_id,) = project.document_ids()
    assert [(e.label, e.state, e.score) for e in project.entities(doc_id)] == [("PERSON", "suggested", None)]
    old["documents"][0]["entities"][0]["score"] = "high"
    path.write_bytes(orjson.dumps(old))
    with pytest.raises(ImportFileError, match="'score' must be a number, not 'high'"):
        read_json(path)


def test_incoming_score_that_is_not_finite_is_refused(project):
    doc = IncomingDocument(
        text=TEXT, name="x.txt", entities=[IncomingEntity(0, 0, 13, "PERSON", "suggested", score=float("nan"))]
    )
    with pytest.raises(ImportFileError, match="not a finite number"):
        import_documents(project, [doc])
    assert project.document_ids() == []


def spancat_pipeline() -> Pipeline:
    """A blank pipeline with an entity ruler (no scores, as ``ner``) and a component that writes a span group with
    ``attrs["scores"]`` as spaCy's spancat does."""
    from spacy.language import Language
    from spacy.tokens import SpanGroup

    pipe = blank_pipeline_with_patterns([{"label": "PERSON", "pattern": "Sergey Lavrov"}], "scored")

    if not Language.has_factory("test_fake_spancat"):

        @Language.component("test_fake_spancat")
        def fake_spancat(doc):  # type: ignore[no-untyped-def]
            group = SpanGroup(
                doc,
                name="sc",
                spans=[
                    doc.char_span(*at("Antony Blinken"), label="PERSON"),
                    doc.char_span(*at("Moscow"), label="GPE"),
                ],
            )
            group.attrs["scores"] = numpy.array([0.875, 0.5], dtype="float32")
            doc.spans["sc"] = group
            doc.spans["ruler"] = SpanGroup(doc, name="ruler", spans=[doc.char_span(0, 6, label="PERSON")])
            return doc

    pipe.nlp.add_pipe("test_fake_spancat")
    return pipe


def test_preannotation_keeps_a_span_categorizers_scores_and_none_for_ner(project):
    doc = add_document(project, TEXT)
    preannotate(project, spancat_pipeline())
    got = {(TEXT[e.start : e.end], e.label, e.state, e.score) for e in project.entities(doc)}
    assert got == {
        ("Sergey Lavrov", "PERSON", "suggested", None),  # the ruler's entity: no score
        ("Antony Blinken", "PERSON", "suggested", 0.875),
        ("Moscow", "GPE", "suggested", 0.5),
    }  # the 'ruler' group has no scores: its span is not a suggestion


def test_preannotation_without_a_span_categorizer_stores_no_score(project):
    doc = add_document(project, TEXT)
    preannotate(project, ruler_pipeline([{"label": "GPE", "pattern": "Moscow"}]))
    assert [(e.label, e.score) for e in project.entities(doc)] == [("GPE", None)]
