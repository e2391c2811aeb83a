"""Model quality: the pipeline's original suggestions against the final set of reviewed documents."""

from __future__ import annotations

import orjson
import pytest

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.recorder import undo
from annotator.teams.model_quality import format_model_quality, model_quality, model_spans
from teams_data import DOC1, DOC2, at

SRC = "spacy:en_core_web_sm"


def _suggest(p, doc, text, words, label):
    return edits.add_entity(p, doc, *at(text, words), label, state="suggested", source=SRC).result_id


@pytest.fixture
def reviewed(project):
    """doc1 reviewed after decisions on 7 suggestions; doc2 not reviewed; doc3 reviewed, never pre-annotated;
    doc4 reviewed, pre-annotated (tokens stored) with no suggestion."""
    p = project
    ids = dict(
        import_documents(
            p,
            [
                IncomingDocument(text=t, name=n)
                for n, t in (
                    ("doc1", DOC1),
                    ("doc2", "Mary went to Rome"),
                    ("doc3", "Acme hired Mary"),
                    ("doc4", "Mary slept"),
                )
            ],
        ).imported
    )
    d1 = ids["doc1"]
    edits.accept_entity(p, _suggest(p, d1, DOC1, "John Smith", "PERSON"))  # right
    edits.accept_entity(p, _suggest(p, d1, DOC1, "Paris", "GPE"))  # right
    berlin = _suggest(p, d1, DOC1, "Berlin", "PERSON")  # wrong label, relabelled twice
    edits.relabel_entity(p, berlin, "LOC")
    edits.relabel_entity(p, berlin, "GPE")
    edits.resize_entity(p, _suggest(p, d1, DOC1, "Acme", "ORG"), *at(DOC1, "Acme Corp"))  # wrong boundary
    edits.reject_entity(p, _suggest(p, d1, DOC1, "yesterday", "DATE"))  # wrong
    edits.delete_entity(p, _suggest(p, d1, DOC1, "and", "CARDINAL"))  # wrong, deleted
    _suggest(p, d1, DOC1, "visited", "PRODUCT")  # nobody decided: not final
    edits.set_status(p, d1, "reviewed")
    _suggest(p, ids["doc2"], "Mary went to Rome", "Rome", "PERSON")  # doc2 is not reviewed
    edits.add_entity(p, ids["doc3"], *at("Acme hired Mary", "Acme"), "ORG")
    edits.set_status(p, ids["doc3"], "reviewed")
    with p.transaction():
        p.db.conn.execute(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) "
            "VALUES (?, ?, '[0, 5]', '[4, 10]', '[0]')",
            (ids["doc4"], SRC),
        )
    edits.add_entity(p, ids["doc4"], 0, 4, "PERSON")  # the model missed Mary
    edits.set_status(p, ids["doc4"], "reviewed")
    return p, ids


def test_original_suggestions_are_recovered(reviewed):
    p, ids = reviewed
    got = {(DOC1[s:e], label) for s, e, label, _ in model_spans(p, ids["doc1"])}
    assert got == {
        ("John Smith", "PERSON"),
        ("Paris", "GPE"),
        ("Berlin", "PERSON"),
        ("Acme", "ORG"),
        ("yesterday", "DATE"),
        ("and", "CARDINAL"),
        ("visited", "PRODUCT"),
    }


def test_precision_recall_f1_by_hand(reviewed):
    p, _ = reviewed
    r = model_quality(p)
    assert (r["documents"], r["skipped_documents"]) == (2, 1)  # doc1 and doc4; doc3 never pre-annotated
    assert r["pipelines"] == {SRC: 7}
    ov = r["entities"]["overall"]
    # final: John Smith PERSON, Paris GPE, Berlin GPE, Acme Corp ORG (doc1) + Mary PERSON (doc4) = 5
    # model: 7 original suggestions on doc1, 2 of them right
    assert (ov["tp"], ov["a"], ov["b"]) == (2, 5, 7)
    assert ov["precision"] == pytest.approx(2 / 7)
    assert ov["recall"] == pytest.approx(2 / 5)
    assert ov["f1"] == pytest.approx(2 * 2 / (5 + 7))
    by = r["entities"]["by_label"]
    # PERSON: model John Smith + Berlin, final John Smith + Mary -> P 1/2, R 1/2
    assert (by["PERSON"]["precision"], by["PERSON"]["recall"], by["PERSON"]["f1"]) == (0.5, 0.5, 0.5)
    # GPE: model Paris, final Paris + Berlin -> P 1, R 1/2, F1 2/3
    assert (by["GPE"]["precision"], by["GPE"]["recall"]) == (1.0, 0.5)
    assert by["GPE"]["f1"] == pytest.approx(2 / 3)
    assert by["ORG"]["f1"] == 0.0 and by["DATE"]["recall"] is None and by["CARDINAL"]["precision"] == 0.0
    assert r["confusions"] == [{"model": "PERSON", "final": "GPE", "count": 1}]
    text = format_model_quality(r)
    assert "PERSON -> GPE: 1" in text and "0.333" in text and "never pre-annotated" in text


def test_an_undone_edit_is_the_model_again(project):
    doc = import_documents(project, [IncomingDocument(text=DOC1, name="d")]).imported[0][1]
    e = _suggest(project, doc, DOC1, "Paris", "PERSON")
    ch = edits.relabel_entity(project, e, "GPE")
    undo(project, ch)
    edits.relabel_entity(project, e, "LOC")
    assert [(DOC1[s:t], label) for s, t, label, _ in model_spans(project, doc)] == [("Paris", "PERSON")]


def test_no_reviewed_documents(project):
    """Session 26 (from the README): 'stats --model' on a project pre-annotated and not reviewed yet said "model
    quality on 0 reviewed documents (no suggestions)" over a table of zeros, when it held 357 suggestions."""
    _suggest(
        project, import_documents(project, [IncomingDocument(text=DOC1, name="d")]).imported[0][1], DOC1, "Paris", "GPE"
    )
    r = model_quality(project)
    assert r["documents"] == 0 and r["entities"]["overall"]["f1"] is None
    text = format_model_quality(r)
    assert "0 reviewed documents" in text and "no suggestions" not in text, text
    assert "nothing to score" in text and "Mark reviewed" in text and len(text.splitlines()) == 1, text
    assert orjson.dumps(r)  # JSON-ready


def _alice_with_model(path):
    """alice's own file: the model's 5 suggestions on doc1, then her relabel, resize, delete, accept; reviewed."""
    from annotator.store import Project

    p = Project(path, annotator="alice")
    d1 = import_documents(p, [IncomingDocument(text=DOC1, name="doc1")]).imported[0][1]
    edits.accept_entity(p, _suggest(p, d1, DOC1, "John Smith", "PERSON"))
    edits.relabel_entity(p, _suggest(p, d1, DOC1, "Paris", "PERSON"), "GPE")
    edits.resize_entity(p, _suggest(p, d1, DOC1, "Acme", "ORG"), *at(DOC1, "Acme Corp"))
    edits.delete_entity(p, _suggest(p, d1, DOC1, "and", "CARDINAL"))
    edits.reject_entity(p, _suggest(p, d1, DOC1, "yesterday", "DATE"))
    edits.add_entity(p, d1, *at(DOC1, "Berlin"), "GPE")
    edits.set_status(p, d1, "reviewed")
    p.close()
    return path


def test_merged_set_scores_the_models_original_suggestions(tmp_path):
    from annotator.store import Project
    from annotator.teams.merge import merge_projects

    src = _alice_with_model(tmp_path / "alice.annotator")
    with Project(src, create=False) as p:
        own = model_quality(p)
    # her file: model Paris PERSON, Acme ORG, and CARDINAL, yesterday DATE, John Smith PERSON (1 right of 5);
    # final John Smith, Paris GPE, Acme Corp ORG, Berlin GPE
    assert (own["entities"]["overall"]["tp"], own["entities"]["overall"]["a"], own["entities"]["overall"]["b"]) == (
        1,
        4,
        5,
    )
    team = Project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(team, [src])
    merged = model_quality(team, "alice")
    assert merged["documents"] == 1
    assert merged["entities"] == own["entities"] and merged["confusions"] == own["confusions"]
    team.close()


def test_a_set_merged_without_the_models_originals_says_it_cannot_tell(tmp_path):
    from annotator.errors import AnnotatorError
    from annotator.store import Project
    from annotator.teams.merge import merge_projects

    src = _alice_with_model(tmp_path / "alice.annotator")
    team = Project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(team, [src])
    with team.transaction():  # a set merged by an older annotator: its record names the file and nothing more
        (meta,) = team.db.conn.execute("SELECT meta FROM documents").fetchone()
        meta = orjson.loads(meta)
        meta["annotation_sets"]["alice"] = {
            k: meta["annotation_sets"]["alice"][k] for k in ("source", "source_document_id", "status", "merged_at")
        }
        team.db.conn.execute("UPDATE documents SET meta = ?", (orjson.dumps(meta).decode(),))
        team.db.conn.execute("DELETE FROM merged_suggestions")
    with pytest.raises(AnnotatorError, match="cannot tell"):
        model_quality(team, "alice")
    team.close()


def test_it_counts_the_documents_merged_without_the_originals_not_their_files(tmp_path):
    """Two reviewed documents from one file were '1 of its reviewed documents were merged from ...': the count was
    of the files."""
    from annotator.errors import AnnotatorError
    from annotator.store import Project
    from annotator.teams.merge import merge_projects

    src = _alice_with_model(tmp_path / "alice.annotator")
    with Project(src, create=False, annotator="alice") as p:
        d2 = import_documents(p, [IncomingDocument(text=DOC2, name="doc2")]).imported[0][1]
        edits.set_status(p, d2, "reviewed")
    team = Project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(team, [src])
    with team.transaction():  # merged by an older annotator: each record names the file and nothing more
        for doc_id, meta in team.db.conn.execute("SELECT id, meta FROM documents").fetchall():
            meta = orjson.loads(meta)
            alice = meta["annotation_sets"]["alice"]
            meta["annotation_sets"]["alice"] = {
                k: alice[k] for k in ("source", "source_document_id", "status", "merged_at")
            }
            team.db.conn.execute("UPDATE documents SET meta = ? WHERE id = ?", (orjson.dumps(meta).decode(), doc_id))
        team.db.conn.execute("DELETE FROM merged_suggestions")
    with pytest.raises(AnnotatorError, match="2 of its reviewed documents were merged from"):
        model_quality(team, "alice")
    team.close()
