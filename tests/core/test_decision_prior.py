"""Pre-annotation learns from the decisions already made, without a training run: an event type people rejected
again and again and never kept is no longer suggested in the undecided documents (annotator/learn/decision_prior.py)."""

from __future__ import annotations

import pytest
from core_helpers import add_document

from spacy_support import ruler_pipeline
from annotator import edits
from annotator.learn.decision_prior import LEAST_REJECTED, types_nobody_keeps
from annotator.preannotate import preannotate
from annotator.schema import parse_schema
from annotator.store import Project
from annotator.suggest.types import EventSuggestion

TEXT = "Paris met Moscow. They left."


@pytest.fixture(scope="module")
def pipe():
    return ruler_pipeline([{"label": "GPE", "pattern": "Paris"}, {"label": "GPE", "pattern": "Moscow"}])


class Words:
    """A stand-in event suggester: each word of ``words`` is a trigger of its type (no arguments)."""

    source = "fake:words@1"

    def __init__(self, words: dict[str, str], alternatives: tuple[str, ...] = ()) -> None:
        self.words, self.alternatives = words, alternatives

    def suggest(self, doc, entities):  # type: ignore[no-untyped-def]
        return [
            EventSuggestion(self.words[t.text], t.idx, t.idx + len(t.text), 0.8, (), self.alternatives)
            for t in doc
            if t.text in self.words
        ]


def six_documents(project: Project) -> list[int]:
    """Six documents, each TEXT and a line of its own (the same text twice is one document)."""
    return [add_document(project, f"{TEXT}\nNote {i}.", f"d{i}.txt") for i in range(6)]


def decide(project: Project, docs: list[int], type_: str, how: str) -> None:
    """Reject (or accept) the suggested event of ``type_`` in each of ``docs``."""
    for d in docs:
        (event,) = [v for v in project.events(d) if v.type == type_ and v.state == "suggested"]
        (edits.reject_event if how == "reject" else edits.accept_event)(project, event.id)


def events_of(project: Project, doc: int) -> set[tuple[str, str, str, str]]:
    return {(TEXT[v.trigger_start : v.trigger_end], v.type, v.state, v.source) for v in project.events(doc)}


WORDS = {"met": "Contact:Meet", "left": "Movement:Transport"}


def test_a_type_rejected_again_and_again_and_never_kept_is_not_suggested_again(project, pipe):
    docs = six_documents(project)
    suggester = Words(WORDS)
    preannotate(project, pipe, event_suggester=suggester)
    decide(project, docs[:LEAST_REJECTED], "Movement:Transport", "reject")
    decide(project, docs[:LEAST_REJECTED], "Contact:Meet", "accept")
    before = {d: {v.id: v for v in project.events(d)} for d in docs[:LEAST_REJECTED]}

    report = preannotate(project, pipe, event_suggester=suggester)
    assert events_of(project, docs[5]) == {("met", "Contact:Meet", "suggested", "fake:words@1+decisions")}
    assert report.event_source == "fake:words@1+decisions" and report.types_left_out == ("Movement:Transport",)
    assert "event types nobody kept (rejected 5 times or more, none accepted or added) not suggested: " in (
        report.summary()
    )
    for d in docs[:LEAST_REJECTED]:  # the decisions are never touched
        assert {v.id: v for v in project.events(d)} == before[d]
    assert project.db.event_type_decisions("main") == [("Contact:Meet", 5, 0), ("Movement:Transport", 0, 5)]


def test_fewer_rejections_move_nothing(project, pipe):
    docs = six_documents(project)
    suggester = Words(WORDS)
    preannotate(project, pipe, event_suggester=suggester)
    decide(project, docs[: LEAST_REJECTED - 1], "Movement:Transport", "reject")
    report = preannotate(project, pipe, event_suggester=suggester)
    assert report.event_source == "fake:words@1" and not report.types_left_out
    assert ("left", "Movement:Transport", "suggested", "fake:words@1") in events_of(project, docs[5])


def test_one_event_of_the_type_kept_brings_it_back(project, pipe):
    docs = six_documents(project)
    suggester = Words(WORDS)
    preannotate(project, pipe, event_suggester=suggester)
    decide(project, docs[:LEAST_REJECTED], "Movement:Transport", "reject")
    i = TEXT.index("They")
    edits.add_event(project, docs[0], "Movement:Transport", i, i + 4)  # she marks one by hand after all
    report = preannotate(project, pipe, event_suggester=suggester)
    assert not report.types_left_out
    assert ("left", "Movement:Transport", "suggested", "fake:words@1") in events_of(project, docs[5])


def test_a_left_out_type_is_no_alternative_either(project, pipe):
    docs = six_documents(project)
    suggester = Words({"met": "Contact:Meet"}, alternatives=("Contact:Phone-Write",))
    preannotate(project, pipe, event_suggester=suggester)
    for d in docs[:LEAST_REJECTED]:  # she makes each a phone call, then rejects it
        (event,) = project.events(d)
        edits.set_event_type(project, event.id, "Contact:Phone-Write")
        edits.reject_event(project, event.id)
    preannotate(project, pipe, event_suggester=suggester)
    (meet,) = project.events(docs[5])
    assert meet.type == "Contact:Meet" and meet.alternatives == ()


OWN = """
[schema]
name = "desk"

[[entity]]
name = "CITY"

[[event]]
name = "Visit"
triggers = ["met"]

[[event]]
name = "Departure"
triggers = ["left"]
"""


def test_a_schema_of_her_own_works_the_same_way(tmp_path):
    pipe = ruler_pipeline([{"label": "CITY", "pattern": "Paris"}])
    with Project(tmp_path / "desk.annotator", schema=parse_schema(OWN, "desk.toml"), annotator="vera") as p:
        docs = six_documents(p)
        suggester = Words({"met": "Visit", "left": "Departure"})
        preannotate(p, pipe, event_suggester=suggester)
        decide(p, docs[:LEAST_REJECTED], "Departure", "reject")
        report = preannotate(p, pipe, event_suggester=suggester)
        assert report.types_left_out == ("Departure",)
        assert {(v.type, v.state) for v in p.events(docs[5])} == {("Visit", "suggested")}


def test_types_nobody_keeps_needs_evidence():
    counts = [("A", 0, LEAST_REJECTED), ("B", 1, 40), ("C", 0, LEAST_REJECTED - 1)]
    assert types_nobody_keeps(counts) == {"A"}
    assert types_nobody_keeps(counts, least=1) == {"A", "C"}


def test_stats_names_the_types_pre_annotation_no_longer_suggests(project, pipe):
    from annotator.stats import format_stats, project_stats

    docs = six_documents(project)
    preannotate(project, pipe, event_suggester=Words(WORDS))
    decide(project, docs[:LEAST_REJECTED], "Movement:Transport", "reject")
    stats = project_stats(project)
    assert stats["event_types_not_suggested"] == ["Movement:Transport"]
    assert (
        "event types nobody kept (rejected 5 times or more, none accepted or added), no longer suggested by "
        "pre-annotation: Movement:Transport" in format_stats(stats)
    )
    edits.accept_event(project, next(v.id for v in project.events(docs[5]) if v.type == "Movement:Transport"))
    assert project_stats(project)["event_types_not_suggested"] == []
