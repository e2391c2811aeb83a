"""Prodigy answers imported into the project their tasks came from: every answered document was skipped as a
duplicate (its text is there, its set has suggestions), so a person who annotated in Prodigy and brought the answers
back lost them unless she named another set (session 16's leftover). The answers are decisions on the documents they
came from now (``answers_onto``): what she kept is accepted, what she added comes in, what the answers do not hold is
left undecided (the task may have gone out without it), said in the summary line. The answers are our own, in the
shape Prodigy's ner.manual and rel.manual give back: the task as sent, its spans as she left them, ``answer``."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project
from text_support import word_span as at

TEXT = "Gunmen attacked Mosul on Friday, police in Baghdad said after the bombing."


def _suggested(key: str, word: str, label: str) -> IncomingEntity:
    s, e = at(TEXT, word)
    return IncomingEntity(key, s, e, label, "suggested", source="spacy:en@1", score=0.8)


def _project(tmp_path):  # type: ignore[no-untyped-def]
    """A pre-annotated document: Mosul, Friday, Baghdad and the attack (its Place Mosul) suggested; out to Prodigy."""
    p = tmp_path / "p.annotator"
    s, e = at(TEXT, "attacked")
    attack = IncomingEvent(
        "Conflict:Attack", s, e, state="suggested", arguments=[("Place", "m")], source="rules:news@1", score=0.6
    )
    doc = IncomingDocument(
        TEXT,
        "a.txt",
        entities=[
            _suggested("m", "Mosul", "GPE"),
            _suggested("f", "Friday", "DATE"),
            _suggested("b", "Baghdad", "GPE"),
        ],
        events=[attack],
    )
    with Project(p) as project:
        import_documents(project, [doc])
    out = tmp_path / "tasks.jsonl"
    assert main(["export", str(p), "-f", "prodigy", "-o", str(out)]) == 0
    return p, json.loads(out.read_text(encoding="utf-8").splitlines()[0])


def _answer(task: dict) -> dict:
    """As she left it in Prodigy: Baghdad's span taken out, Gunmen added as a PERSON, accepted."""
    spans = [sp for sp in task["spans"] if TEXT[sp["start"] : sp["end"]] != "Baghdad"]
    s, e = at(TEXT, "Gunmen")
    spans.append({"start": s, "end": e, "token_start": 0, "token_end": 0, "label": "PERSON"})
    return {**task, "spans": spans, "answer": "accept", "_annotator_id": "tasks-alice", "_session_id": "tasks-alice"}


def _states(project: Project, doc: int) -> dict[str, str]:
    return {TEXT[e.start : e.end]: e.state for e in project.entities(doc)} | {
        TEXT[v.trigger_start : v.trigger_end]: v.state for v in project.events(doc)
    }


def test_answers_brought_back_are_decisions_on_the_documents_they_came_from(tmp_path, capsys):
    p, task = _project(tmp_path)
    answers = tmp_path / "answers.jsonl"
    answers.write_text(json.dumps(_answer(task)) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(p), str(answers)]) == 0
    line = capsys.readouterr().out.strip()
    assert "1 document answered" in line and "1 suggestion they do not hold left undecided" in line, line
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        assert _states(project, doc) == {
            "Mosul": "accepted",
            "Friday": "accepted",
            "Baghdad": "suggested",  # not in the answer: left undecided, not taken for a rejection
            "Gunmen": "accepted",
            "attacked": "accepted",
        }
        (attack,) = project.events(doc)
        assert [a.role for a in attack.arguments] == ["Place"]
        assert project.document(doc).status == "annotated"
    assert main(["import", str(p), str(answers)]) == 0  # again: nothing new, a duplicate
    assert "0 imported, 1 duplicate skipped" in capsys.readouterr().out
