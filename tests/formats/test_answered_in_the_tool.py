"""The NLP engineer's round trip through an annotation tool: pre-annotated documents go out to Prodigy or Label
Studio as tasks still to do, people answer them there, and the answers come back finished (``annotated``), so
``annotator train`` learns from them. A Prodigy answer came back ``new`` (the export's ``meta.status`` of the task
it left as, kept by Prodigy, beat the ``accept``), and so did every Label Studio task with a submitted annotation
(the reader made such a task ``new``): a corpus labelled in either tool taught ``train`` nothing. A document that
went out unfinished (in progress, or new with decisions on it) still comes back as it went."""

from __future__ import annotations

import orjson
import pytest

from annotator.formats.label_studio import read_label_studio
from annotator.formats.prodigy import read_prodigy
from annotator.formats.prodigy_out import write_prodigy
from annotator.formats.regions_out import write_label_studio
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project
from text_support import word_span as at

TEXT = "Gunmen attacked Mosul on Friday, police in Baghdad said."


def entity(key: str, needle: str, label: str, state: str) -> IncomingEntity:
    s, e = at(TEXT, needle)
    return IncomingEntity(key, s, e, label, state, score=0.75 if state == "suggested" else None)


def documents() -> list[IncomingDocument]:
    """Four documents, one of each way a document leaves: suggestions only, decisions on a new document, in
    progress, annotated."""
    made = []
    for n, (status, state) in enumerate(
        [("new", "suggested"), ("new", "accepted"), ("in_progress", "accepted"), ("annotated", "accepted")]
    ):
        made.append(
            IncomingDocument(
                TEXT.replace("Friday", f"Friday {n}"),
                f"{status}-{state}.txt",
                status=status,
                entities=[entity("mos", "Mosul", "GPE", state)],
            )
        )
    return made


def exported(tmp_path, write) -> None:  # type: ignore[no-untyped-def]
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, documents())
        write(project, tmp_path / "out")


def test_a_prodigy_task_answered_in_prodigy_comes_back_annotated(tmp_path):
    exported(tmp_path, write_prodigy)
    tasks = [orjson.loads(line) for line in (tmp_path / "out").read_bytes().splitlines()]
    todo = [t for t in tasks if "answer" not in t]
    assert [t["meta"]["name"] for t in todo] == ["new-suggested.txt"]
    # Prodigy saves the task it showed with the person's answer, its meta as it came (ner.correct: the spans kept)
    answered = [{**t, "answer": "accept", "_annotator_id": "news-ann", "_session_id": "news-ann"} for t in todo]
    (tmp_path / "answers.jsonl").write_bytes(b"\n".join(orjson.dumps(t) for t in answered))
    (doc,) = read_prodigy(tmp_path / "answers.jsonl").documents
    assert doc.status == "annotated"  # it was new: the status the task left with beat the answer
    assert [(e.label, e.state) for e in doc.entities] == [("GPE", "accepted")]


def test_prodigy_tasks_not_answered_there_come_back_as_they_left(tmp_path):
    exported(tmp_path, write_prodigy)
    got = {d.name: d.status for d in read_prodigy(tmp_path / "out").documents}
    assert got == {
        "new-suggested.txt": "new",
        "new-accepted.txt": "new",
        "in_progress-accepted.txt": "in_progress",
        "annotated-accepted.txt": "annotated",
    }


def ls_region(rid: str, needle: str, label: str) -> dict:
    s, e = at(TEXT, needle)
    value = {"start": s, "end": e, "text": needle, "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def test_a_label_studio_task_with_a_submitted_annotation_comes_back_annotated(tmp_path):
    task = {
        "id": 3,
        "data": {"text": TEXT},
        "annotations": [{"id": 9, "completed_by": 2, "result": [ls_region("a", "Mosul", "GPE")]}],
        "predictions": [{"model_version": "m1", "result": [ls_region("p", "Mosul", "GPE")]}],
    }
    (tmp_path / "tasks.json").write_bytes(orjson.dumps([task]))
    (doc,) = read_label_studio(tmp_path / "tasks.json").documents
    assert doc.status == "annotated"  # submitted: done, as an accepted Prodigy answer is (it came in new)


@pytest.mark.parametrize("cancelled", [True, False])
def test_a_label_studio_task_without_a_submitted_annotation_stays_new(tmp_path, cancelled):
    annotations = [{"id": 9, "was_cancelled": True, "result": []}] if cancelled else []
    preds = [{"model_version": "m1", "result": [ls_region("p", "Mosul", "GPE")]}]
    task = {"id": 3, "data": {"text": TEXT}, "annotations": annotations, "predictions": preds}
    (tmp_path / "tasks.json").write_bytes(orjson.dumps([task]))
    (doc,) = read_label_studio(tmp_path / "tasks.json").documents
    assert doc.status == "new"


def test_label_studio_tasks_come_back_as_they_left(tmp_path):
    exported(tmp_path, write_label_studio)
    tasks = orjson.loads((tmp_path / "out").read_bytes())
    # what Label Studio has no word for goes in the task's meta, which it keeps: unfinished work it shows as submitted
    assert [t.get("meta") for t in tasks] == [None, {"status": "new"}, {"status": "in_progress"}, None]
    got = {d.name: d.status for d in read_label_studio(tmp_path / "out").documents}
    assert got == {
        "new-suggested.txt": "new",
        "new-accepted.txt": "new",
        "in_progress-accepted.txt": "in_progress",
        "annotated-accepted.txt": "annotated",
    }
    again = {d.name: d.meta for d in read_label_studio(tmp_path / "out").documents}
    assert all("label_studio_task" not in m for m in again.values())  # the status is no task meta of its own


def test_every_label_studio_task_has_an_id_as_its_converter_reads_it(tmp_path):
    """label-studio-sdk 2.1.2's ``Converter`` (JSON_MIN, CSV, CONLL2003 from a JSON export) reads ``task["id"]`` of
    every task (``Converter.get_data``) and failed with ``KeyError: 'id'`` on our export of documents that did not come
    from Label Studio: the task's id is the one an import kept, else the document's, as doccano's line id is."""
    exported(tmp_path, write_label_studio)
    tasks = orjson.loads((tmp_path / "out").read_bytes())
    ids = [t.get("id") for t in tasks]
    assert all(isinstance(i, int) for i in ids) and len(set(ids)) == len(ids)
    task = {"id": 41, "data": {"text": TEXT}, "annotations": [{"result": [ls_region("a", "Mosul", "GPE")]}]}
    (tmp_path / "tasks.json").write_bytes(orjson.dumps([task]))
    with Project(tmp_path / "b.annotator") as project:
        import_documents(project, read_label_studio(tmp_path / "tasks.json").documents)
        write_label_studio(project, tmp_path / "again")
    assert [t["id"] for t in orjson.loads((tmp_path / "again").read_bytes())] == [41]  # the kept one
