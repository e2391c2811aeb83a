"""Label Studio's reviews (Enterprise: ``reviews`` on an annotation, each ``accepted`` true or false, ``created_by``
the reviewer) and drafts (a snapshot export's ``drafts``: unsubmitted work, ``user``, ``annotation``), as its task
format guide describes them. They were not read: a rejected annotation came in as any other, the task ``new``, and a
draft of someone who had submitted nothing was lost without a word. The tasks are our own."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.formats.label_studio import read_label_studio
from annotator.store import Project
from tests.formats.conftest import cli_round_trip

TEXT = "Rebels attacked Kabul on Friday."


def region(rid: str, word: str, label: str) -> dict:
    start = TEXT.index(word)
    value = {"start": start, "end": start + len(word), "text": word, "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def reviewed(accepted: bool, at: str = "2026-01-02T10:00:00Z") -> dict:
    return {"id": 1, "created_by": {"id": 4, "email": "rita@example.org"}, "accepted": accepted, "created_at": at}


def read(tmp_path, *tasks: dict):  # type: ignore[no-untyped-def]
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps(list(tasks)))
    return read_label_studio(path)


def test_an_annotation_accepted_in_review_makes_the_task_reviewed(tmp_path):
    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [
            {"id": 10, "completed_by": 3, "result": [region("a", "Kabul", "GPE")], "reviews": [reviewed(True)]}
        ],
    }
    result = read(tmp_path, task)
    (doc,) = result.documents
    assert doc.status == "reviewed"
    assert [(TEXT[e.start : e.end], e.label, e.state) for e in doc.entities] == [("Kabul", "GPE", "accepted")]
    assert any("accepted in review (by rita@example.org)" in n for n in result.notes)


def test_the_latest_review_counts_and_a_rejected_annotation_leaves_the_task_in_progress(tmp_path):
    task = {
        "id": 2,
        "data": {"text": TEXT},
        "annotations": [
            {
                "id": 11,
                "completed_by": 3,
                "result": [region("a", "Rebels", "PERSON")],
                "reviews": [reviewed(True, "2026-01-01T00:00:00Z"), reviewed(False, "2026-01-03T00:00:00Z")],
            }
        ],
    }
    result = read(tmp_path, task)
    (doc,) = result.documents
    assert doc.status == "in_progress" and len(doc.entities) == 1  # nothing lost: the annotator's work is there
    assert any("rejected in review" in n and "in progress" in n for n in result.notes)


def test_of_several_annotators_the_one_accepted_in_review_is_the_imports_sets(tmp_path):
    task = {
        "id": 3,
        "data": {"text": TEXT},
        "annotations": [
            {
                "id": 12,
                "completed_by": {"email": "alice@example.org"},
                "result": [region("a", "Kabul", "GPE")],
                "reviews": [reviewed(True)],
            },
            {
                "id": 13,
                "completed_by": {"email": "bob@example.org"},
                "result": [region("b", "Kabul", "ORG")],
                "reviews": [reviewed(False)],
            },
        ],
    }
    result = read(tmp_path, task)
    by_set = {d.annotation_set: [e.label for e in d.entities] for d in result.documents}
    assert by_set == {None: ["GPE"], "alice@example.org": ["GPE"], "bob@example.org": ["ORG"]}
    assert {d.status for d in result.documents} == {"reviewed"}
    assert any("alice@example.org's, accepted in review" in n for n in result.notes)


def test_a_draft_of_someone_who_submitted_nothing_is_read_and_the_task_is_in_progress(tmp_path):
    task = {
        "id": 4,
        "data": {"text": TEXT},
        "annotations": [],
        "drafts": [{"id": 7, "user": 5, "annotation": None, "result": [region("d", "Kabul", "GPE")]}],
    }
    result = read(tmp_path, task)
    (doc,) = result.documents
    assert doc.status == "in_progress"
    assert [(e.label, e.annotator) for e in doc.entities] == [("GPE", "label-studio user 5")]
    assert any("1 draft (by label-studio user 5" in n and "in progress" in n for n in result.notes)


def test_a_draft_of_a_submitted_annotation_is_said_and_the_submitted_one_kept(tmp_path):
    task = {
        "id": 5,
        "data": {"text": TEXT},
        "annotations": [{"id": 14, "completed_by": 5, "result": [region("a", "Kabul", "GPE")]}],
        "drafts": [{"id": 8, "user": 5, "annotation": 14, "result": [region("d", "Friday", "DATE")]}],
    }
    p = tmp_path / "p.annotator"
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([task]))
    assert main(["import", str(p), str(path)]) == 0
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        assert [e.label for e in project.entities(doc_id)] == ["GPE"]
        assert project.document(doc_id).status == "annotated"  # submitted (it came in new: test_answered_in_the_tool)
    result = read_label_studio(path)
    assert any("1 draft of a submitted annotation (by label-studio user 5) not read" in w for w in result.warnings)


@pytest.mark.slow
def test_a_reviewed_document_goes_out_with_an_accepting_review_and_comes_back_reviewed(tmp_path):
    task = {
        "id": 6,
        "data": {"text": TEXT},
        "annotations": [
            {"id": 15, "completed_by": 3, "result": [region("a", "Kabul", "GPE")], "reviews": [reviewed(True)]}
        ],
    }
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([task]))
    out, p2, again = cli_round_trip(tmp_path, path, "label_studio")
    (got,) = orjson.loads(out.read_bytes())
    assert got["annotations"][0]["reviews"] == [{"accepted": True}]
    with Project(p2, create=False) as project:
        (doc_id,) = project.document_ids()
        assert project.document(doc_id).status == "reviewed"
    assert again.read_bytes() == out.read_bytes()
