"""An annotator's set written as a Label Studio annotation of its own (``completed_by`` the set's name) carried that
set's undecided suggestions in its ``result``: they came back ``accepted`` in her set, a suggestion nobody decided
back as a decision (session 16's leftover). They go out as predictions of the task, the task's ``meta`` naming the
set each prediction is of (``predictions_of``), and come back as her set's suggestions beside her decisions."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.formats.label_studio import read_label_studio
from annotator.importing import import_documents
from annotator.store import Project
from tests.formats.test_label_studio_undecided import TEXT, decided_document


def states(project: Project, doc: int, name: str) -> set[tuple[str, str]]:
    return {(TEXT[e.start : e.end], e.state) for e in project.entities(doc, name)} | {
        (TEXT[v.trigger_start : v.trigger_end], v.state) for v in project.events(doc, name)
    }


MIXED = {
    ("Mosul", "accepted"),
    ("attacked", "accepted"),
    ("Friday", "suggested"),
    ("Baghdad", "suggested"),
    ("bombing", "suggested"),
}


def team(tmp_path):
    """A team project of alice's and bob's files, each a decided document with suggestions nobody decided."""
    for name in ("alice", "bob"):
        with Project(tmp_path / f"{name}.annotator", annotator=name) as project:
            import_documents(project, [decided_document()])
    t = tmp_path / "team.annotator"
    assert main(["merge", str(t), str(tmp_path / "alice.annotator"), str(tmp_path / "bob.annotator")]) == 0
    return t


def test_an_annotators_undecided_suggestions_come_back_undecided_in_her_set(tmp_path):
    t = team(tmp_path)
    out = tmp_path / "out.json"
    assert main(["export", str(t), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = orjson.loads(out.read_bytes())
    for annotation in task["annotations"]:  # her decisions alone in her annotation
        said = {x["value"]["text"] for x in annotation["result"] if x.get("type") == "labels"}
        assert said <= {"Mosul", "attacked"}, annotation.get("completed_by")
    assert sorted(task["meta"]["predictions_of"]) == ["alice", "bob"]
    assert len(task["predictions"]) == 2
    (doc,) = [d for d in read_label_studio(out).documents if d.annotation_set == "alice"]
    assert {(TEXT[e.start : e.end], e.state) for e in doc.entities} >= {("Friday", "suggested")}
    q = tmp_path / "back.annotator"
    assert main(["import", str(q), str(out)]) == 0
    with Project(q, create=False) as project:
        (d,) = project.document_ids()
        assert states(project, d, "alice") == MIXED
        assert states(project, d, "bob") == MIXED
        bombing = next(v for v in project.events(d, "alice") if v.state == "suggested")
        assert {r for r, _ in [(a.role, a.entity_id) for a in bombing.arguments]} == {"Place", "Time"}
    again = tmp_path / "again.json"
    assert main(["export", str(q), "-f", "label_studio", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_a_set_with_suggestions_alone_writes_an_empty_annotation_and_its_predictions(tmp_path):
    for name in ("alice", "bob"):
        with Project(tmp_path / f"{name}.annotator", annotator=name) as project:
            doc = decided_document()
            doc.entities = [e for e in doc.entities if e.state == "suggested"]
            doc.events = [v for v in doc.events if v.state == "suggested"]
            doc.events[0].arguments = [("Time", "friday")]
            import_documents(project, [doc])
    t = tmp_path / "team.annotator"
    assert main(["merge", str(t), str(tmp_path / "alice.annotator"), str(tmp_path / "bob.annotator")]) == 0
    out = tmp_path / "out.json"
    assert main(["export", str(t), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = orjson.loads(out.read_bytes())
    assert [a["result"] for a in task["annotations"]] == [[], []]
    q = tmp_path / "back.annotator"
    assert main(["import", str(q), str(out)]) == 0
    with Project(q, create=False) as project:
        (d,) = project.document_ids()
        assert {s for _, s in states(project, d, "alice")} == {"suggested"}
        assert len(project.entities(d, "alice")) == 2
