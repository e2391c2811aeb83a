"""Adjudication: differences between sets, settled into "main" one undoable Change at a time."""

from __future__ import annotations

import pytest

from annotator import edits
from annotator.errors import AnnotatorError, ValidationError
from annotator.importing import IncomingDocument, import_documents
from annotator.recorder import redo, undo
from annotator.store import Project
from annotator.teams import adjudication as adj
from annotator.teams.differences import differences
from annotator.teams.sets import human_spans
from teams_data import DOC1, at
from text_support import argument_words


def _doc1(p: Project) -> int:
    return p.db.conn.execute("SELECT id FROM documents WHERE name = 'doc1.txt'").fetchone()[0]


def _by_text(diffs, text, words):
    s, e = at(text, words)
    return next(d for d in diffs if d.start <= s and e <= d.end)


def _main(p: Project, doc: int):
    return [(DOC1[s.start : s.end], s.label) for s in human_spans(p, doc, "main")]


def test_differences_of_two_annotators(team):
    doc = _doc1(team)
    diffs = differences(team, doc)
    summary = [(d.kind, DOC1[d.start : d.end], d.status) for d in diffs]
    assert summary == [
        ("entity", "John Smith", "same"),
        ("event", "visited", "arguments"),
        ("entity", "Paris", "same"),
        ("entity", "Berlin", "same"),
        ("event", "with", "only"),
        ("entity", "Acme Corp", "boundary"),
        ("entity", "yesterday", "only"),
    ]
    only = _by_text(diffs, DOC1, "yesterday")
    assert only.option("alice") is None and only.option("bob").label == "DATE"
    assert [d.id for d in differences(team, doc)] == [d.id for d in diffs]  # stable ids
    assert not any(d.settled for d in diffs)
    assert _by_text(diffs, DOC1, "Acme Corp").can_take_both and not _by_text(diffs, DOC1, "with").can_take_both


def test_settle_a_whole_document(team):
    doc = _doc1(team)
    ch = adj.take_all_agreed(team, doc)
    assert _main(team, doc) == [("John Smith", "PERSON"), ("Paris", "GPE"), ("Berlin", "GPE")]
    assert {team.entity(i).annotator for i in ch.ids("entities")} == {"rita"}
    diffs = differences(team, doc)
    assert sum(d.settled for d in diffs) == 3 and team.document(doc).status != "reviewed"

    adj.take(team, _by_text(diffs, DOC1, "Acme Corp"), "alice", reviewer="vera")
    adj.take(team, _by_text(diffs, DOC1, "yesterday"), "alice", reviewer="vera")  # alice: nothing there
    with pytest.raises(AnnotatorError, match="only entity spans"):
        adj.take_both(team, _by_text(diffs, DOC1, "with"))
    adj.take(team, _by_text(diffs, DOC1, "visited"), "bob", reviewer="vera")
    (ev,) = team.events(doc, "main")
    args = dict(argument_words(DOC1, ev.arguments, team.entity))
    assert (ev.type, args) == ("Movement:Transport", {"Artifact": "John Smith", "Destination": "Berlin"})
    assert team.document(doc).status != "reviewed"
    last = adj.take(team, _by_text(diffs, DOC1, "with"), "alice", reviewer="vera")  # no Meet event
    assert team.document(doc).status == "reviewed"
    assert len(team.events(doc, "main")) == 1
    assert _main(team, doc) == [("John Smith", "PERSON"), ("Paris", "GPE"), ("Berlin", "GPE"), ("Acme Corp", "ORG")]
    # the change log keeps who decided what
    log = team.change_log(doc)
    decided = [r for r in log if r["action"] == "adjudicate"]
    assert [r["annotator"] for r in decided] == ["rita", "vera", "vera", "vera", "vera"]
    meta = team.document(doc).meta["adjudication"]
    assert {v["take"] for v in meta.values()} == {"agreed", "alice", "bob"}
    assert {v["by"] for v in meta.values()} == {"rita", "vera"}
    assert any(r["action"] == "set_status" and r["annotator"] == "vera" for r in log)
    # the annotators' own sets are untouched
    assert len(human_spans(team, doc, "alice")) == 4 and len(human_spans(team, doc, "bob")) == 5
    # undo the last decision: the event difference is open again and the document no longer reviewed
    undo(team, last)
    assert team.document(doc).status == "in_progress"
    assert not _by_text(differences(team, doc), DOC1, "with").settled
    redo(team, last)
    assert team.document(doc).status == "reviewed"
    assert _by_text(differences(team, doc), DOC1, "with").settled


def test_take_b_then_change_mind_and_undo(team):
    doc = _doc1(team)
    acme = _by_text(differences(team, doc), DOC1, "Acme Corp")
    first = adj.take(team, acme, "bob")
    assert _main(team, doc) == [("Acme", "ORG")]
    second = adj.take(team, acme, "alice")  # the reviewer changes their mind
    assert _main(team, doc) == [("Acme Corp", "ORG")]
    undo(team, second)
    assert _main(team, doc) == [("Acme", "ORG")]
    undo(team, first)
    assert _main(team, doc) == [] and not _by_text(differences(team, doc), DOC1, "Acme Corp").settled
    redo(team, first)
    assert _main(team, doc) == [("Acme", "ORG")]


def _two_sets(project: Project, text: str, a: list, b: list) -> int:
    doc = import_documents(project, [IncomingDocument(text=text, name="t")]).imported[0][1]
    for name, spans in (("a", a), ("b", b)):
        project.annotation_set, project.annotator = name, name
        for words, label in spans:
            edits.add_entity(project, doc, *at(text, words), label)
    project.annotation_set, project.annotator = "main", "rita"
    return doc


def test_take_both_keeps_two_labels(project):
    text = "Acme Corp hired Mary in Washington"
    doc = _two_sets(project, text, [("Washington", "GPE")], [("Washington", "PERSON")])
    (d,) = differences(project, doc)
    assert d.status == "label" and d.can_take_both
    adj.take_both(project, d)
    assert sorted(s.label for s in human_spans(project, doc, "main")) == ["GPE", "PERSON"]
    assert project.document(doc).status == "reviewed"


def test_settling_reuses_model_suggestions_in_main(project):
    text = "Acme Corp hired Mary in Washington on Monday"
    doc = _two_sets(
        project, text, [("Acme Corp", "ORG"), ("Washington", "GPE")], [("Acme Corp", "ORG"), ("Washington", "LOC")]
    )
    sugg = {}
    for words, label in (("Acme Corp", "ORG"), ("Washington", "PERSON"), ("Monday", "DATE")):
        sugg[words] = edits.add_entity(
            project, doc, *at(text, words), label, state="suggested", source="spacy:x"
        ).result_id
    adj.take_all_agreed(project, doc)
    assert project.entity(sugg["Acme Corp"]).state == "accepted"  # the suggestion itself was accepted
    wash = next(d for d in differences(project, doc) if d.status == "label")
    ch = adj.take(project, wash, "a")
    e = project.entity(sugg["Washington"])
    assert (e.label, e.state, e.source) == ("GPE", "accepted", "spacy:x")  # relabelled, not duplicated
    # the last difference settled: the suggestion no annotator kept is rejected, the document reviewed
    assert project.entity(sugg["Monday"]).state == "rejected"
    assert project.document(doc).status == "reviewed"
    undo(project, ch)
    assert project.entity(sugg["Monday"]).state == "suggested"
    assert project.entity(sugg["Washington"]).label == "PERSON"


def test_mark_edited_and_finish(project):
    text = "Acme Corp hired Mary"
    doc = _two_sets(project, text, [("Acme Corp", "ORG")], [("Acme", "ORG")])
    (d,) = differences(project, doc)
    with pytest.raises(AnnotatorError, match="not settled"):
        adj.finish(project, doc)
    project.annotator = "vera"
    edits.add_entity(project, doc, 0, 9, "ORG")  # the reviewer's own span
    adj.mark_edited(project, d)
    assert differences(project, doc)[0].decision["take"] == "edit"
    assert project.document(doc).status == "reviewed"


def test_take_refuses_unknown_set(team):
    d = differences(team, _doc1(team))[0]
    with pytest.raises(AnnotatorError, match="not one of"):
        adj.take(team, d, "carol")


def test_three_annotators(project):
    text = "Acme Corp hired Mary in Washington"
    doc = import_documents(project, [IncomingDocument(text=text, name="t")]).imported[0][1]
    versions = {
        "a": [("Acme Corp", "ORG"), ("Mary", "PERSON")],
        "b": [("Acme Corp", "ORG"), ("Mary", "PERSON")],
        "c": [("Acme", "ORG")],
    }
    for name, spans in versions.items():
        project.annotation_set, project.annotator = name, name
        for words, label in spans:
            edits.add_entity(project, doc, *at(text, words), label)
    project.annotation_set, project.annotator = "main", "rita"
    diffs = differences(project, doc)
    assert [(d.status, d.aspects) for d in diffs] == [("boundary", ("boundary",)), ("only", ("only",))]
    assert diffs[0].option("c") == type(diffs[0].option("a"))(0, 4, "ORG")
    assert [n for n, o in diffs[1].options if o is None] == ["c"]
    adj.take(project, diffs[1], "c")  # c: no Mary
    adj.take(project, diffs[0], "b")
    assert [(text[s.start : s.end], s.label) for s in human_spans(project, doc, "main")] == [("Acme Corp", "ORG")]
    assert project.document(doc).status == "reviewed"


def test_the_last_decision_does_not_mark_reviewed_while_a_final_event_lacks_a_required_role(project):
    """A final event without its required role (there B's label took its filler out): settling the last difference
    marked the document reviewed and ``validate`` said so afterwards. It settles, unmarked; ``finish`` refuses in the
    same words until the role is filled."""
    text = "Mary won the election"
    doc = _two_sets(project, text, [("Mary", "PERSON")], [("Mary", "ORG")])
    project.annotator = "vera"
    ev = edits.add_event(project, doc, "Personnel:Elect", *at(text, "election")).result_id
    (d,) = differences(project, doc)
    adj.take(project, d, "b")
    assert differences(project, doc)[0].settled and project.document(doc).status != "reviewed"
    with pytest.raises(AnnotatorError, match="without a required role: .*needs Person"):
        adj.finish(project, doc)
    mary = next(e for e in project.entities(doc, "main") if e.label == "ORG")
    edits.relabel_entity(project, mary.id, "PERSON")
    edits.add_argument(project, ev, "Person", mary.id)
    adj.finish(project, doc)
    assert project.document(doc).status == "reviewed"


def test_finish_refuses_with_a_typed_error_that_holds_what_is_left(project):
    """Session 26's lead (checked in session 27): ``finish`` refused with a plain AnnotatorError, its reason only in
    its words. It raises ``NotReviewable`` (a ValidationError) holding the differences left or the events lacking a
    role, the document's status unchanged."""
    text = "Mary won the election"
    doc = _two_sets(project, text, [("Mary", "PERSON")], [("Mary", "ORG")])
    project.annotator = "vera"
    edits.add_event(project, doc, "Personnel:Elect", *at(text, "election"))
    (d,) = differences(project, doc)
    with pytest.raises(adj.NotReviewable) as refused:
        adj.finish(project, doc)
    assert isinstance(refused.value, ValidationError)
    assert [x.id for x in refused.value.left] == [d.id] and refused.value.lacking == []
    adj.take(project, d, "b")  # ORG: the event's Person (PERSON) stays empty
    with pytest.raises(adj.NotReviewable) as refused:
        adj.finish(project, doc)
    assert refused.value.left == [] and [p.kind for p in refused.value.lacking] == ["missing_role"]
    assert project.document(doc).status != "reviewed"
