"""A decided document's undecided suggestions in a Label Studio export: they went out inside its annotation's
``result`` and came back ``accepted``, a suggestion nobody decided back as a decision. They go out as the task's
``predictions`` (where Label Studio keeps a model's suggestions, one a model), the task's ``meta`` saying so, and the
reader takes them back as suggestions beside the annotation's decisions: export -> import -> export is the same file.

And the task ids of one export: a document that never came from Label Studio took its project id, which could be a
task id another document kept from Label Studio: two tasks of one id. The kept ids stay; the others are unique."""

from __future__ import annotations

import orjson

from annotator.formats.label_studio import read_label_studio
from annotator.formats.records import ExportRequest
from annotator.formats.regions_out import write_label_studio
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project
from text_support import word_span as at

TEXT = "Gunmen attacked Mosul on Friday, police in Baghdad said after the bombing."


def entity(key: str, word: str, label: str, state: str) -> IncomingEntity:
    s, e = at(TEXT, word)
    score = 0.75 if state == "suggested" else None
    return IncomingEntity(key, s, e, label, state, source="spacy:en@1" if score else "import", score=score)


def event(word: str, state: str, args: list[tuple[str, str]]) -> IncomingEvent:
    s, e = at(TEXT, word)
    score = 0.6 if state == "suggested" else None
    source = "rules:news@1" if score else "import"
    return IncomingEvent("Conflict:Attack", s, e, state=state, arguments=args, source=source, score=score)


def decided_document(status: str = "annotated") -> IncomingDocument:
    """Mosul and the attack decided (its Time, Friday, still a suggestion, as an import may bring it); Friday, Baghdad
    and the bombing (its Place Mosul, decided) still suggested."""
    return IncomingDocument(
        TEXT,
        "mixed.txt",
        status=status,
        entities=[
            entity("mosul", "Mosul", "GPE", "accepted"),
            entity("friday", "Friday", "DATE", "suggested"),
            entity("baghdad", "Baghdad", "GPE", "suggested"),
        ],
        events=[
            event("attacked", "accepted", [("Place", "mosul"), ("Time", "friday")]),
            event("bombing", "suggested", [("Place", "mosul"), ("Time", "friday")]),
        ],
    )


def states(doc: IncomingDocument) -> set[tuple[str, str]]:
    return {(TEXT[e.start : e.end], e.state) for e in doc.entities} | {
        (TEXT[v.trigger_start : v.trigger_end], v.state) for v in doc.events
    }


def test_undecided_suggestions_of_a_decided_document_go_out_as_predictions_and_come_back_undecided(tmp_path):
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, [decided_document()])
        write_label_studio(project, tmp_path / "out.json")
    (task,) = orjson.loads((tmp_path / "out.json").read_bytes())
    (annotation,) = task["annotations"]
    said = {x["value"]["text"] for x in annotation["result"] if x.get("type") == "labels"}
    assert said == {"Mosul", "attacked"}  # the decisions alone
    predicted = {x["value"]["text"] for p in task["predictions"] for x in p["result"] if x.get("type") == "labels"}
    assert {"Friday", "Baghdad", "bombing"} <= predicted
    (doc,) = read_label_studio(tmp_path / "out.json").documents
    assert doc.status == "annotated"
    assert states(doc) == {
        ("Mosul", "accepted"),
        ("attacked", "accepted"),
        ("Friday", "suggested"),
        ("Baghdad", "suggested"),
        ("bombing", "suggested"),
    }
    bombing = next(v for v in doc.events if v.state == "suggested")
    assert bombing.score == 0.6 and bombing.source == "label-studio:annotator"
    for v in doc.events:  # each event's arguments, on the right entities whatever their state
        roles = {r: TEXT[e.start : e.end] for r, k in v.arguments for e in doc.entities if e.key == k}
        assert roles == {"Place": "Mosul", "Time": "Friday"}


def test_export_import_export_of_a_decided_document_with_suggestions_is_the_same_file(tmp_path):
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, [decided_document("reviewed"), decided_document("in_progress")])
        write_label_studio(project, tmp_path / "one.json")
    with Project(tmp_path / "b.annotator") as project:
        import_documents(project, read_label_studio(tmp_path / "one.json").documents)
        write_label_studio(project, tmp_path / "two.json")
    assert (tmp_path / "two.json").read_bytes() == (tmp_path / "one.json").read_bytes()


def test_states_accepted_added_leave_the_predictions_out(tmp_path):
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, [decided_document()])
        write_label_studio(project, tmp_path / "out.json", ExportRequest(states=("accepted", "added")))
    (task,) = orjson.loads((tmp_path / "out.json").read_bytes())
    assert "predictions" not in task and "meta" not in task
    (doc,) = read_label_studio(tmp_path / "out.json").documents
    assert states(doc) == {("Mosul", "accepted"), ("attacked", "accepted")}


def test_predictions_beside_an_annotation_from_label_studio_itself_are_still_not_kept(tmp_path):
    """In Label Studio's own workflow a prediction beside the submitted annotation is what the annotator started
    from: a region of it that the annotation lacks was taken out. Only our export's task says its predictions are
    undecided suggestions."""
    s, e = at(TEXT, "Mosul")
    region = {"from_name": "label", "to_name": "text", "type": "labels"}
    mosul = {**region, "id": "a", "value": {"start": s, "end": e, "text": "Mosul", "labels": ["GPE"]}}
    s, e = at(TEXT, "Baghdad")
    baghdad = {**region, "id": "p", "value": {"start": s, "end": e, "text": "Baghdad", "labels": ["GPE"]}}
    task = {
        "id": 3,
        "data": {"text": TEXT},
        "annotations": [{"id": 9, "completed_by": 2, "result": [mosul]}],
        "predictions": [{"model_version": "m1", "result": [mosul, baghdad]}],
    }
    (tmp_path / "tasks.json").write_bytes(orjson.dumps([task]))
    got = read_label_studio(tmp_path / "tasks.json")
    assert states(got.documents[0]) == {("Mosul", "accepted")}
    assert any("not kept beside the annotation" in w for w in got.warnings)


def test_task_ids_of_one_export_are_unique_and_the_kept_ones_stay(tmp_path):
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, [IncomingDocument(f"Text number {n}.", f"d{n}.txt") for n in range(1, 4)])
        ids = project.document_ids()
        kept = IncomingDocument("A task from Label Studio.", "task.txt", meta={"label_studio_id": ids[1]})
        import_documents(project, [kept, IncomingDocument("One more.", "more.txt", meta={"label_studio_id": "x"})])
        write_label_studio(project, tmp_path / "out.json")
    tasks = orjson.loads((tmp_path / "out.json").read_bytes())
    got = {t["data"]["name"]: t["id"] for t in tasks}
    assert got["task.txt"] == ids[1] and got["more.txt"] == "x"  # as Label Studio gave them
    assert len(set(got.values())) == len(got)  # d2.txt took its project id, the same as task.txt's kept one
    assert all(isinstance(i, int) for n, i in got.items() if n != "more.txt")


def test_doccano_line_ids_of_one_export_are_unique_and_the_kept_ones_stay(tmp_path):
    """doccano's line ids the same way (its JSONL and its CSV): a kept one stays, a document's own that clashes moves."""
    import csv

    from annotator.formats.doccano_out import write_doccano

    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, [IncomingDocument(f"Text number {n}.", f"d{n}.txt") for n in range(1, 4)])
        ids = project.document_ids()
        import_documents(project, [IncomingDocument("A line from doccano.", "line.txt", meta={"doccano_id": ids[2]})])
        write_doccano(project, tmp_path / "out.jsonl")
        write_doccano(project, tmp_path / "out.csv")
    lines = {x["name"]: x["id"] for x in map(orjson.loads, (tmp_path / "out.jsonl").read_bytes().splitlines())}
    assert lines["line.txt"] == ids[2] and len(set(lines.values())) == len(lines)
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as fh:
        rows = {r["name"]: r["id"] for r in csv.DictReader(fh)}
    assert rows == {k: str(v) for k, v in lines.items()}


def test_the_command_line_does_not_say_label_studio_writes_suggestions_as_annotations(tmp_path, capsys):
    """The note that undecided suggestions are in the file, where a training tool takes them for annotations, is
    for the formats that mix them in: a Label Studio export keeps them apart, as predictions (its converter reads the
    annotations alone), as the project's own JSON keeps their states."""
    from annotator.cli import main

    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, [decided_document()])
    for fmt, said in (("label_studio", False), ("conll", True)):
        assert main(["export", str(tmp_path / "a.annotator"), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}")]) == 0
        assert ("suggestions nobody decided are in it" in capsys.readouterr().err) is said, fmt
