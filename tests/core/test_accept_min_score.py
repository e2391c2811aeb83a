"""Accept all suggestions with a minimum score: in the core (one edit, undone as any), and `annotator accept`."""

from __future__ import annotations

import pytest

from annotator import edits
from annotator.cli import main
from annotator.errors import ValidationError
from annotator.history import Step
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project

TEXT = "Sergey Lavrov met Antony Blinken in Moscow on Friday."


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def scored(name: str = "d.txt", text: str = TEXT) -> IncomingDocument:
    ents = [
        IncomingEntity(k, *at(w), label, "suggested", "label-studio:m", score=sc)
        for k, (w, label, sc) in enumerate(
            [("Sergey Lavrov", "PERSON", 0.95), ("Antony Blinken", "PERSON", 0.8), ("Moscow", "GPE", 0.4)]
            + [("Friday", "DATE", None)]
        )
    ]
    events = [
        IncomingEvent("Contact:Meet", *at("met"), state="suggested", source="m", score=0.9),
        IncomingEvent("Contact:Meet", *at("in"), state="suggested", source="m", score=0.2),
    ]
    return IncomingDocument(text=text, name=name, entities=ents, events=events)


def states(project: Project, doc: int) -> dict[str, str]:
    return {TEXT[e.start : e.end]: e.state for e in project.entities(doc)}


def test_accept_all_with_a_minimum_takes_only_those_scored_at_least_it_and_undoes(project):
    import_documents(project, [scored()])
    (doc,) = project.document_ids()
    step = Step(edits.accept_all, doc, min_score=0.8)
    change = step.do(project)
    assert change.ids("entities") == {e.id for e in project.entities(doc) if e.score is not None and e.score >= 0.8}
    assert states(project, doc) == {
        "Sergey Lavrov": "accepted",
        "Antony Blinken": "accepted",  # at the minimum: taken
        "Moscow": "suggested",  # below it
        "Friday": "suggested",  # no score: a minimum cannot vouch for it
    }
    step.undo(project)
    assert set(states(project, doc).values()) == {"suggested"}
    step.redo(project)
    assert states(project, doc)["Sergey Lavrov"] == "accepted"
    edits.accept_all(project, doc)  # without a minimum: every one, as before
    assert set(states(project, doc).values()) == {"accepted"}


def test_accept_all_events_with_a_minimum(project):
    import_documents(project, [scored()])
    (doc,) = project.document_ids()
    edits.accept_all_events(project, doc, min_score=0.5)
    assert sorted((TEXT[v.trigger_start : v.trigger_end], v.state) for v in project.events(doc)) == [
        ("in", "suggested"),
        ("met", "accepted"),
    ]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "0.8", True])
def test_a_minimum_that_is_no_number_is_refused(project, bad):
    import_documents(project, [scored()])
    (doc,) = project.document_ids()
    with pytest.raises(ValidationError, match="the minimum score must be a number"):
        edits.accept_all(project, doc, min_score=bad)
    assert set(states(project, doc).values()) == {"suggested"}


def test_cli_accept_with_min_score(tmp_path, capsys):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [scored("a.txt"), scored("b.txt", TEXT + " Again.")])
    assert main(["stats", str(path)]) == 0
    assert "undecided suggestions with a score: 6 entities, 4 events" in capsys.readouterr().out
    assert main(["accept", str(path), "--docs", "a.txt", "--min-score", "0.8"]) == 0
    assert capsys.readouterr().out.strip() == (
        "2 entity suggestions scored at least 0.8 accepted in 1 document; 2 left undecided, 1 of them with no score "
        "(their suggester gives no score: accept without --min-score takes them)"
    )
    with Project(path, create=False) as p:
        a, b = p.document_ids()
        assert states(p, a)["Antony Blinken"] == "accepted" and states(p, a)["Moscow"] == "suggested"
        assert set(states(p, b).values()) == {"suggested"}
        assert [r["action"] for r in p.change_log() if r["document_id"] == a][-1] == "accept_all"
    assert main(["stats", str(path), "--json"]) == 0
    assert '"scored_suggestions": {\n    "entities": 4,\n    "events": 4\n  }' in capsys.readouterr().out
    assert main(["accept", str(path), "--all"]) == 0
    # without --min-score the events too, as the app's Accept all suggestions (session 30)
    assert capsys.readouterr().out.strip() == "6 entity suggestions and 4 event suggestions accepted in 2 documents"
    assert main(["accept", str(path), "--all", "--min-score", "high"]) == 2
    assert "invalid score: 'high'" in capsys.readouterr().err
