"""The spans and events a document's open reads (``Project.entities``, ``Project.events``: read as value rows, no dict
per row, session 27) are what the rows one by one (``from_row``) make, in the same order."""

from __future__ import annotations

import dataclasses

import pytest
from core_helpers import add_document

from annotator import edits
from annotator.model import Argument, Entity, Event
from annotator.store import Project

TEXT = "Lavrov met Blinken in Moscow on Monday; Blinken left Moscow for Kyiv."


def by_rows(project: Project, doc: int) -> tuple[list[Entity], list[Event]]:
    """The document's spans and events from its rows, one dict each, as they were read before."""
    conn = project.db.conn

    def rows(sql: str, params: tuple = ()) -> list[dict]:
        cur = conn.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    ents = [Entity.from_row(r) for r in rows("SELECT * FROM entities WHERE document_id = ?", (doc,))]
    ents.sort(key=lambda e: (e.start, e.end, e.id))
    args: dict[int, list[Argument]] = {}
    for r in rows("SELECT * FROM arguments ORDER BY id"):
        args.setdefault(r["event_id"], []).append(Argument.from_row(r))
    evs = [
        Event.from_row(r, tuple(args.get(r["id"], ())))
        for r in rows("SELECT * FROM events WHERE document_id = ? ORDER BY trigger_start, id", (doc,))
    ]
    return ents, evs


@pytest.fixture
def doc(project: Project) -> int:
    d = add_document(project, TEXT)

    def at(word: str, nth: int = 0) -> tuple[int, int]:
        s = -1
        for _ in range(nth + 1):
            s = TEXT.index(word, s + 1)
        return s, s + len(word)

    # added out of their order in the text; ties on start (and on start and end) broken by id
    ids = {}
    for key, (start, end), label, state in [
        ("kyiv", at("Kyiv"), "GPE", "suggested"),
        ("moscow2", at("Moscow", 1), "GPE", "added"),
        ("moscow2org", at("Moscow", 1), "ORG", "suggested"),
        ("lavrov", at("Lavrov"), "PERSON", "suggested"),
        ("blinken_left", (at("Blinken", 1)[0], at("left")[1]), "PERSON", "suggested"),
        ("blinken2", at("Blinken", 1), "PERSON", "rejected"),
        ("blinken", at("Blinken"), "PERSON", "added"),
        ("moscow", at("Moscow"), "GPE", "suggested"),
        ("monday", at("Monday"), "DATE", "added"),
    ]:
        source = "human" if state == "added" else "spacy:x@1"
        ids[key] = edits.add_entity(project, d, start, end, label, state=state, source=source).result_id
    left = edits.add_event(project, d, "Movement:Transport", *at("left")).result_id
    met = edits.add_event(project, d, "Contact:Meet", *at("met")).result_id
    edits.add_argument(project, met, "Entity", ids["blinken"])
    edits.add_argument(project, met, "Entity", ids["lavrov"])
    edits.add_argument(project, met, "Place", ids["moscow"])
    edits.add_argument(project, left, "Artifact", ids["blinken_left"])
    with project.db.conn:  # a suggester's score, alternatives and a person's edit, as suggestions have them
        project.db.conn.execute(
            "UPDATE events SET state = 'suggested', source = 'rules:news@1', score = 0.625, "
            'alternatives = \'["Conflict:Attack", "Contact:Phone-Write"]\', edited = 1 WHERE id = ?',
            (left,),
        )
        project.db.conn.execute("UPDATE entities SET score = 0.875 WHERE id = ?", (ids["kyiv"],))
    return d


def test_the_spans_read_are_the_rows_in_start_end_id_order(project: Project, doc: int) -> None:
    want, _ = by_rows(project, doc)
    got = project.entities(doc)
    assert got == want
    assert [repr(e) for e in got] == [repr(e) for e in want]  # every field, the score and the set too
    assert [hash(e) for e in got] == [hash(e) for e in want]
    assert [(e.start, e.end) for e in got] == sorted((e.start, e.end) for e in want)
    assert any(e.score == 0.875 for e in got)


def test_a_span_read_stays_frozen_and_replaceable(project: Project, doc: int) -> None:
    e = project.entities(doc)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.label = "ORG"  # type: ignore[misc]
    moved = dataclasses.replace(e, end=e.end + 1)
    assert (moved.id, moved.start, moved.end, moved.label) == (e.id, e.start, e.end + 1, e.label)


def test_the_events_read_are_the_rows_with_their_arguments(project: Project, doc: int) -> None:
    _, want = by_rows(project, doc)
    got = project.events(doc)
    assert got == want
    assert [repr(v) for v in got] == [repr(v) for v in want]
    suggested = next(v for v in got if v.state == "suggested")
    assert suggested.alternatives == ("Conflict:Attack", "Contact:Phone-Write")
    assert (suggested.score, suggested.edited, suggested.source) == (0.625, True, "rules:news@1")
    met = next(v for v in got if v.type == "Contact:Meet")
    assert [a.role for a in met.arguments] == ["Entity", "Entity", "Place"]


def test_another_annotation_set_s_rows_are_not_read(project: Project, doc: int) -> None:
    assert project.entities(doc, "other") == [] and project.events(doc, "other") == []
