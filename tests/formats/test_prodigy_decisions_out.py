"""A document's decisions go out to Prodigy and come back whoever reviewed it: the export answered ``accept`` only for
reviewed (and, since session 14, fully decided annotated) documents, so the accepted and hand-made entities of a
document still in progress went out as a task without an answer and came back as suggestions nobody decided. Now a
document with a decision answers ``accept`` with its decided spans alone (Prodigy reads an answer's spans as its
annotations), what nobody decided rides beside them in ``suggestions`` (a rejected one too, where the export takes
rejected ones) and an undecided event is marked in ``events``; a document nobody touched stays a task to do."""

from __future__ import annotations

import orjson

from annotator.formats.loading import import_format
from annotator.formats.prodigy_out import write_prodigy
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project
from text_support import word_span as at

TEXT = "Gunmen attacked Mosul on Friday, police in Baghdad said."


def entity(key: str, needle: str, label: str, state: str, score: float | None = None) -> IncomingEntity:
    s, e = at(TEXT, needle)
    return IncomingEntity(key, s, e, label, state, score=score)


def documents() -> list[IncomingDocument]:
    s, e = at(TEXT, "attacked")
    touched = IncomingDocument(
        TEXT,
        "touched.txt",
        status="in_progress",
        entities=[
            entity("gun", "Gunmen", "PERSON", "accepted"),
            entity("mos", "Mosul", "GPE", "added"),
            entity("fri", "Friday", "DATE", "suggested", 0.75),
            entity("bag", "Baghdad", "GPE", "rejected", 0.5),
        ],
        events=[IncomingEvent("Conflict:Attack", s, e, {}, [("Attacker", "gun")], state="suggested")],
    )
    untouched = IncomingDocument(
        TEXT.replace("Gunmen", "Robbers"),
        "untouched.txt",
        status="new",
        entities=[entity("fri", "Friday", "DATE", "suggested", 0.75)],
    )
    return [touched, untouched]


def states(project: Project, doc_id: int) -> list[tuple[str, str, float | None]]:
    return sorted((e.label, e.state, e.score) for e in project.entities(doc_id))


def test_decisions_of_a_document_in_progress_go_out_answered_and_come_back(tmp_path):
    everything = ("suggested", "accepted", "added", "rejected")
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, documents())
        write_prodigy(project, tmp_path / "out.jsonl", states=everything)
    tasks = {t["meta"]["name"]: t for t in map(orjson.loads, (tmp_path / "out.jsonl").read_bytes().splitlines())}
    t = tasks["touched.txt"]
    assert t["answer"] == "accept"  # it went out unanswered: its decisions were lost
    assert sorted((s["label"], TEXT[s["start"] : s["end"]]) for s in t["spans"]) == [
        ("GPE", "Mosul"),
        ("PERSON", "Gunmen"),
    ]
    assert [(s["label"], s["state"], s.get("score")) for s in t["suggestions"]] == [
        ("DATE", "suggested", 0.75),
        ("GPE", "rejected", 0.5),
    ]
    assert [(v["type"], v.get("state")) for v in t["events"]] == [("Conflict:Attack", "suggested")]
    assert t["relations"] == []  # an undecided event is no annotation
    u = tasks["untouched.txt"]
    assert "answer" not in u and "suggestions" not in u  # a task still to do: its suggestions are its spans
    assert [(s["label"], s.get("score")) for s in u["spans"]] == [("DATE", 0.75)]

    with Project(tmp_path / "b.annotator") as back:
        got = dict(import_format(back, "prodigy", [tmp_path / "out.jsonl"]).imported)
        assert states(back, got["touched.txt"]) == [
            ("DATE", "suggested", 0.75),
            ("GPE", "accepted", None),  # hand-made: kept, as accepted (sources are not written)
            ("GPE", "rejected", 0.5),
            ("PERSON", "accepted", None),
        ]
        assert [(v.type, v.state) for v in back.events(got["touched.txt"])] == [("Conflict:Attack", "suggested")]
        assert back.document(got["touched.txt"]).status == "in_progress"
        assert states(back, got["untouched.txt"]) == [("DATE", "suggested", 0.75)]
        assert back.document(got["untouched.txt"]).status == "new"
        write_prodigy(back, tmp_path / "again.jsonl", states=everything)
    assert (tmp_path / "again.jsonl").read_bytes() == (tmp_path / "out.jsonl").read_bytes()  # out and in: the same
