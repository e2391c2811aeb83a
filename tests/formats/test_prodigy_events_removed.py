"""Session 17's engineer's round trip: a pre-annotated document sent to Prodigy shows its events as trigger spans and
relations (our export's ``events`` key rides along, Prodigy keeps a task's keys as they are). She took out a trigger's
span with its relations, and a relation of another event, and accepted: the import read the events from the ``events``
key alone, so the event she took out came back accepted, and the argument she took out too. An event shown as spans
is what the answer's spans and relations keep of it now: its trigger gone, it is not in the answer (left undecided
when the answer goes onto its document, as a suggestion the answer does not hold); a relation gone, that argument."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project
from text_support import argument_words, word_span as at

TEXT = "Gunmen attacked Mosul on Friday and killed two guards, police in Baghdad said."


def _project(tmp_path):  # type: ignore[no-untyped-def]
    """Two suggested events, the attack (Place Mosul, Time Friday) and the killing (Victim the guards), out to do."""

    def ent(key: str, word: str, label: str) -> IncomingEntity:
        s, e = at(TEXT, word)
        return IncomingEntity(key, s, e, label, "suggested", source="spacy:en@1", score=0.8)

    def event(word: str, etype: str, args: list) -> IncomingEvent:
        s, e = at(TEXT, word)
        return IncomingEvent(etype, s, e, state="suggested", arguments=args, source="rules:news@1", score=0.6)

    doc = IncomingDocument(
        TEXT,
        "a.txt",
        entities=[ent("m", "Mosul", "GPE"), ent("f", "Friday", "DATE"), ent("g", "two guards", "PERSON")],
        events=[
            event("attacked", "Conflict:Attack", [("Place", "m"), ("Time", "f")]),
            event("killed", "Life:Die", [("Victim", "g")]),
        ],
    )
    p = tmp_path / "p.annotator"
    with Project(p) as project:
        import_documents(project, [doc])
    out = tmp_path / "tasks.jsonl"
    assert main(["export", str(p), "-f", "prodigy", "-o", str(out)]) == 0
    return p, json.loads(out.read_text(encoding="utf-8").splitlines()[0])


def _answer(task: dict) -> dict:
    """As she left it: the killing's trigger span and its relation taken out, the attack's Time relation too."""
    s, e = at(TEXT, "killed")
    spans = [sp for sp in task["spans"] if (sp["start"], sp["end"]) != (s, e)]
    relations = [
        r
        for r in task["relations"]
        if (r["head_span"]["start"], r["head_span"]["end"]) != (s, e)
        and TEXT[r["child_span"]["start"] : r["child_span"]["end"]] != "Friday"
    ]
    assert len(spans) == len(task["spans"]) - 1 and len(relations) == len(task["relations"]) - 2
    return {**task, "spans": spans, "relations": relations, "answer": "accept"}


def test_an_event_taken_out_in_prodigy_is_not_accepted(tmp_path):
    p, task = _project(tmp_path)
    answers = tmp_path / "answers.jsonl"
    answers.write_text(json.dumps(_answer(task)) + "\n", encoding="utf-8")
    assert main(["import", str(p), str(answers)]) == 0
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        got = {TEXT[v.trigger_start : v.trigger_end]: v for v in project.events(doc)}
        assert got["killed"].state == "suggested"  # taken out: not in the answer, left undecided
        assert got["attacked"].state == "accepted"
        roles = dict(argument_words(TEXT, got["attacked"].arguments, project.entity))
        assert roles["Place"] == "Mosul"


def test_a_new_project_takes_the_answer_without_what_she_took_out(tmp_path):
    _, task = _project(tmp_path)
    answers = tmp_path / "answers.jsonl"
    answers.write_text(json.dumps(_answer(task)) + "\n", encoding="utf-8")
    q = tmp_path / "q.annotator"
    assert main(["import", str(q), str(answers)]) == 0
    with Project(q, create=False) as project:
        (doc,) = project.document_ids()
        (attack,) = project.events(doc)
        assert TEXT[attack.trigger_start : attack.trigger_end] == "attacked"
        assert [a.role for a in attack.arguments] == ["Place"]


def test_an_argument_taken_out_in_prodigy_is_removed_from_its_event(tmp_path, capsys):
    """The attack's Time relation taken out, the span of Friday left: the argument goes, the entity stays (session 17
    left it on the event: an answer only added)."""
    p, task = _project(tmp_path)
    answers = tmp_path / "answers.jsonl"
    answers.write_text(json.dumps(_answer(task)) + "\n", encoding="utf-8")
    assert main(["import", str(p), str(answers)]) == 0
    assert "1 argument they took out removed" in capsys.readouterr().out
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        attack = next(v for v in project.events(doc) if v.type == "Conflict:Attack")
        words = {e.id: TEXT[e.start : e.end] for e in project.entities(doc)}
        assert sorted((a.role, words[a.entity_id]) for a in attack.arguments) == [("Place", "Mosul")]
        assert "Friday" in words.values()
