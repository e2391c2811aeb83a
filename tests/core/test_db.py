"""annotator.db: the named reads and writes the app, imports, edits and pre-annotation share."""

from __future__ import annotations

from core_helpers import add_document

from annotator import edits
from annotator.db import ENTITY_COLUMNS, span_row
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.model import Entity
from annotator.suggest.writer import write_entities, WriteCounts

TEXT = "Anna Berg met Reuters in Paris."


def bookkeeping(project, entity_id):  # type: ignore[no-untyped-def]
    row = project.row("entities", entity_id)
    return row["edited"], row["created_at"] == row["updated_at"], row["annotator"]


def test_every_new_span_gets_the_same_bookkeeping(project):
    """An edit, an import and a pre-annotation make their spans through span_row: not edited, created = updated."""
    doc = add_document(project, TEXT)
    by_edit = edits.add_entity(project, doc, 0, 9, "PERSON").result_id
    report = import_documents(
        project, [IncomingDocument("Bob flew.", "b", entities=[IncomingEntity(1, 0, 3, "PERSON")])]
    )
    (by_import,) = [e.id for e in project.entities(report.imported[0][1])]
    with project.transaction():
        write_entities(project, doc, [(25, 30, "GPE")], "spacy:test@1", WriteCounts())
    (by_model,) = [e.id for e in project.entities(doc) if e.state == "suggested"]
    assert bookkeeping(project, by_edit) == (0, True, "tester")
    assert bookkeeping(project, by_import) == (0, True, "tester")
    assert bookkeeping(project, by_model) == (0, True, None)  # a model is nobody


def test_span_row_and_insert_span(project):
    doc = add_document(project, TEXT)
    row = span_row(doc, "main", 14, 21, "ORG", "added", "human", "ann", at="2026-01-02T03:04:05.000+00:00")
    assert tuple(row) == ENTITY_COLUMNS and row["edited"] == 0 and row["created_at"] == row["updated_at"]
    with project.transaction():
        new = project.db.insert_span(row)
        assert project.db.insert_spans([{**row, "start": 25, "end": 30, "label": "GPE"}]) == 1
    assert project.entity(new) == Entity(new, doc, 14, 21, "ORG", "added", "human", "ann", "main")
    assert [e.label for e in project.entities(doc)] == ["ORG", "GPE"]


def test_document_state_progress_and_documents_without_tokens(project):
    a = add_document(project, TEXT, "a")
    b = add_document(project, "Another one.", "b")
    assert project.db.document_state(a)[1] == "new" and project.db.document_state(999) is None
    assert project.db.progress() == (0, 2)
    edits.set_status(project, b, "reviewed")
    assert project.db.progress() == (1, 2) and project.db.document_state(b)[1] == "reviewed"
    assert project.db.documents_without_tokens() == [a, b]
    with project.transaction():
        project.db.conn.execute(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?, 'x', '[]', '[]', '[]')",
            (a,),
        )
    assert project.db.documents_without_tokens() == [b]


def test_new_documents_hold_back_those_that_came_with_suggestions(project):
    """What only-new pre-annotation (the command's and the app's after an open) takes and leaves, read one way."""
    plain = add_document(project, TEXT, "plain")
    report = import_documents(
        project,
        [IncomingDocument("Bob flew.", "predicted", entities=[IncomingEntity(1, 0, 3, "PERSON", state="suggested")])],
    )
    predicted = report.imported[0][1]
    assert project.db.new_documents("main") == ([plain], [predicted])
    assert project.db.new_documents("other") == ([plain, predicted], [])  # its suggestions are main's


def test_every_new_event_gets_the_same_bookkeeping(project):
    """An edit, an import and a suggestion make their events through event_row: state and source as given,
    not edited, created = updated, attributes and alternatives as JSON."""
    from annotator.db import event_row

    from annotator.importing import IncomingEvent

    doc = add_document(project, TEXT)
    by_edit = edits.add_event(project, doc, "Contact:Meet", 10, 13).result_id
    report = import_documents(
        project, [IncomingDocument("Bob met Ann.", "b", events=[IncomingEvent("Contact:Meet", 4, 7)])]
    )
    (by_import,) = [v.id for v in project.events(report.imported[0][1])]
    with project.transaction():
        by_model = project.db.insert_event(
            event_row(
                doc,
                "main",
                "Movement:Transport",
                14,
                21,
                {},
                None,
                state="suggested",
                source="rules:news@1",
                score=0.5,
                alternatives=["Contact:Meet"],
            )
        )
    for event_id, state, source in (
        (by_edit, "added", "human"),
        (by_import, "accepted", "import"),
        (by_model, "suggested", "rules:news@1"),
    ):
        row = project.row("events", event_id)
        assert (row["state"], row["source"], row["edited"]) == (state, source, 0), row
        assert row["created_at"] == row["updated_at"]
    assert project.event(by_model).alternatives == ("Contact:Meet",) and project.event(by_model).score == 0.5


def test_entities_read_by_columns_are_the_rows_as_models(project):
    """Project.entities selects the model's columns (no dict per row): each is what Entity.from_row makes of its
    whole row, in (start, end, id) order, for the asked annotation set only."""
    doc = add_document(project, TEXT)
    for s, e, label in ((25, 30, "GPE"), (0, 9, "PERSON"), (0, 4, "PERSON"), (14, 21, "ORG")):
        edits.add_entity(project, doc, s, e, label)
    got = project.entities(doc)
    assert [(e.start, e.end) for e in got] == [(0, 4), (0, 9), (14, 21), (25, 30)]
    assert got == [Entity.from_row(project.row("entities", e.id)) for e in got]
    assert project.entities(doc, "another set") == []


def test_named_reads_of_documents_and_project_values(project):
    """The reads edits, exports, merges and training share instead of each its own SQL."""
    a = add_document(project, TEXT, "a")
    b = add_document(project, "Another one.", "b")
    assert project.db.document_text(a) == TEXT and project.db.document_text(999) is None
    assert project.db.text_named("b") == "Another one." and project.db.text_named("zz") is None
    assert sorted(project.db.all_texts()) == sorted([TEXT, "Another one."])
    assert set(project.db.document_digests()) == {a, b} and all(
        len(v) == 64 for v in project.db.document_digests().values()
    )
    assert project.db.sets_with_rows(a) == set()
    edits.add_entity(project, a, 0, 9, "PERSON")
    assert project.db.sets_with_rows(a) == {"main"}
    assert project.db.project_value("k") is None
    with project.transaction():
        project.db.set_project_value("k", "v1")
        project.db.set_project_value("k", "v2")
    assert project.db.project_value("k") == "v2"
