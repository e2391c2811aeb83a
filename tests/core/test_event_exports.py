"""Suggested events outside the editor: JSON/JSONL exports (state, source, score; --states), older exports,
the other formats, `annotator stats` and `annotator validate`."""

from __future__ import annotations

import json

import orjson
import pytest
from core_helpers import add_document
from test_project_json import validate_json_export, validate_jsonl_export

from annotator import edits
from annotator.formats import writers
from annotator.formats.project_json import write_json, write_jsonl
from annotator.formats.project_json_read import read_json
from annotator.importing import import_documents
from annotator.model import STATES
from annotator.stats import format_stats, project_stats
from annotator.store import Project
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
from annotator.suggest.writer import WriteCounts, write_events
from annotator.validation import validate
from spacy_support import english_vocab

TEXT = "Sergey Lavrov met Antony Blinken in Moscow. Protesters attacked the embassy. Lavrov left on Monday."
SOURCE = "rules:test@1"


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


@pytest.fixture
def world(project):
    """One document: Meet (accepted with its fillers), Attack (suggested, a new suggested PERSON span), Transport
    (rejected), Die (made by a person)."""
    doc = add_document(project, TEXT)
    lavrov = edits.add_entity(project, doc, *at("Sergey Lavrov"), "PERSON").result_id
    edits.add_entity(project, doc, *at("Antony Blinken"), "PERSON", state="suggested", source="spacy:x@1")
    counts = WriteCounts()
    with project.transaction():
        write_events(
            project,
            doc,
            [
                EventSuggestion(
                    "Contact:Meet",
                    *at("met"),
                    0.9,
                    (ArgumentSuggestion("Entity", *at("Antony Blinken"), "PERSON"),),
                    ("Contact:Phone-Write",),
                ),
                EventSuggestion(
                    "Conflict:Attack",
                    *at("attacked"),
                    0.6,
                    (ArgumentSuggestion("Attacker", *at("Protesters"), "PERSON"),),
                ),
                EventSuggestion("Movement:Transport", *at("left"), 0.4),
            ],
            SOURCE,
            counts,
        )
    ids = {v.type: v.id for v in project.events(doc)}
    edits.accept_event(project, ids["Contact:Meet"])
    edits.reject_event(project, ids["Movement:Transport"])
    die = edits.add_event(project, doc, "Life:Die", *at("Lavrov left")).result_id
    edits.add_argument(project, die, "Victim", lavrov)
    return project, doc, ids


def events_by_type(record) -> dict[str, dict]:
    return {v["type"]: v for v in record["events"]}


def test_json_export_carries_state_source_score_and_validates(world, tmp_path):
    project, _, ids = world
    out = tmp_path / "x.json"
    report = write_json(project, out)
    data = validate_json_export(out)
    assert data["version"] == 7
    evs = events_by_type(data["documents"][0])
    assert set(evs) == {"Contact:Meet", "Conflict:Attack", "Life:Die"}  # rejected left out by default
    meet, attack, die = evs["Contact:Meet"], evs["Conflict:Attack"], evs["Life:Die"]
    assert (meet["state"], meet["source"], meet["score"], meet["alternatives"], meet["annotator"]) == (
        "accepted",
        SOURCE,
        0.9,
        ["Contact:Phone-Write"],
        "tester",
    )
    assert (attack["state"], attack["source"], attack["score"], attack["annotator"]) == ("suggested", SOURCE, 0.6, None)
    assert (die["state"], die["source"], die["score"], die["alternatives"]) == ("added", "human", None, [])
    ents = {e["id"]: e for e in data["documents"][0]["entities"]}
    (attacker,) = attack["arguments"]
    assert ents[attacker["entity_id"]]["text"] == "Protesters" and ents[attacker["entity_id"]]["source"] == SOURCE
    assert report.events == 3
    report = write_jsonl(project, tmp_path / "x.jsonl")
    (line,) = validate_jsonl_export(tmp_path / "x.jsonl")
    assert line == data["documents"][0]


def test_states_filter_events_as_entities(world, tmp_path):
    project, _, _ = world
    out = tmp_path / "x.json"
    write_json(project, out, states=["accepted", "added"])
    doc = validate_json_export(out)["documents"][0]
    assert {v["type"]: v["state"] for v in doc["events"]} == {"Contact:Meet": "accepted", "Life:Die": "added"}
    assert {e["state"] for e in doc["entities"]} <= {"accepted", "added"}
    write_json(project, out, states=STATES)
    doc = validate_json_export(out)["documents"][0]
    assert {v["state"] for v in doc["events"]} == set(STATES)
    write_json(project, out, states=["suggested"])
    doc = validate_json_export(out)["documents"][0]
    assert [(v["type"], len(v["arguments"])) for v in doc["events"]] == [("Conflict:Attack", 1)]


def test_round_trip_keeps_suggestions(world, tmp_path):
    project, _, _ = world
    out = tmp_path / "x.json"
    write_json(project, out, states=STATES)
    with Project(tmp_path / "copy.annotator") as copy:
        (doc,) = [d for _, d in import_documents(copy, read_json(out)).imported]
        got = {(v.type, v.state, v.source, v.score, v.alternatives, len(v.arguments)) for v in copy.events(doc)}
    want = {(v.type, v.state, v.source, v.score, v.alternatives, len(v.arguments)) for v in project.events(1)}
    assert got == want


def test_an_older_export_still_imports(world, tmp_path):
    """A version 1 file (events without state, source, score) imports: its events count as accepted imports."""
    project, _, _ = world
    out = tmp_path / "x.json"
    write_json(project, out, states=["accepted", "added"])
    data = json.loads(out.read_text())
    data["version"] = 1
    for d in data["documents"]:
        for v in d["events"]:
            for key in ("state", "source", "score", "alternatives"):
                del v[key]
    out.write_bytes(orjson.dumps(data))
    with Project(tmp_path / "copy.annotator") as copy:
        (doc,) = [d for _, d in import_documents(copy, read_json(out)).imported]
        assert {(v.type, v.state, v.source, v.score) for v in copy.events(doc)} == {
            ("Contact:Meet", "accepted", "import", None),
            ("Life:Die", "accepted", "import", None),
        }


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"state": "maybe"}, "unknown event state 'maybe'"),
        ({"score": "high"}, "'score' must be a number"),
        ({"alternatives": "Life:Die"}, "'alternatives' must be a list"),
    ],
)
def test_bad_event_suggestion_fields_are_refused(world, tmp_path, bad, message):
    project, _, _ = world
    out = tmp_path / "x.json"
    write_json(project, out)
    data = json.loads(out.read_text())
    data["documents"][0]["events"][0].update(bad)
    out.write_bytes(orjson.dumps(data))
    with Project(tmp_path / "copy.annotator") as copy, pytest.raises(Exception, match=message):
        import_documents(copy, read_json(out))


def test_other_formats_treat_undecided_events_as_undecided_entities(world, tmp_path):
    project, _, _ = world
    write = writers()
    write["brat"](project, tmp_path / "all")
    write["brat"](project, tmp_path / "decided", states=["accepted", "added"])
    ann = lambda folder: next((tmp_path / folder).glob("*.ann")).read_text()  # noqa: E731
    entity_texts = lambda text: {line.split("\t")[2] for line in text.splitlines() if line.startswith("T")}  # noqa: E731
    assert "attacked" in entity_texts(ann("all")) and "attacked" not in entity_texts(ann("decided"))
    assert "Protesters" in entity_texts(ann("all")) and "Protesters" not in entity_texts(ann("decided"))
    assert "left" not in entity_texts(ann("all"))  # the rejected event, as rejected entities
    # the spaCy DocBin keeps states for events as it does for entities
    from spacy.tokens import DocBin

    write["spacy"](project, tmp_path / "x.spacy")
    (doc,) = DocBin().from_disk(tmp_path / "x.spacy").get_docs(english_vocab())
    states = {v["type"]: (v["state"], v["source"]) for v in doc.spans["triggers"].attrs["events"]}
    assert states == {
        "Contact:Meet": ("accepted", SOURCE),
        "Conflict:Attack": ("suggested", SOURCE),
        "Life:Die": ("added", "human"),
    }


def test_stats_count_events_by_state(world):
    project, _, _ = world
    stats = project_stats(project)
    assert stats["events_by_state"] == {"accepted": 1, "added": 1, "rejected": 1, "suggested": 1}
    assert stats["events"] == 4 and stats["events_by_type"]["Conflict:Attack"] == 1
    assert stats["events_by_type_and_state"]["Movement:Transport"] == {"rejected": 1}
    text = format_stats(stats)
    assert "events: 4 (accepted 1, added 1, rejected 1, suggested 1)" in text
    assert "Conflict:Attack" in text and "suggested 1" in text


def test_validate_reports_decided_events_with_undecided_or_rejected_fillers(world):
    project, doc, ids = world
    # a suggested event's suggested fillers are decided with it; a rejected event is no annotation; nor is a
    # suggestion lacking a required role (it is settled by deciding on it)
    with project.transaction():
        write_events(project, doc, [EventSuggestion("Contact:Meet", *at("embassy"), 0.2)], SOURCE, WriteCounts())
    bare = next(v.id for v in project.events(doc) if v.state == "suggested" and v.type == "Contact:Meet")
    assert validate(project, doc) == []
    edits.accept_event(project, bare)
    assert [(p.kind, p.event_id) for p in validate(project, doc)] == [("missing_role", bare)]
    edits.reject_event(project, bare)
    blinken = next(e for e in project.entities(doc) if TEXT[e.start : e.end] == "Antony Blinken")
    project.db.conn.execute("UPDATE entities SET state = 'suggested' WHERE id = ?", (blinken.id,))  # as an import could
    (p,) = validate(project, doc)
    assert (p.kind, p.event_id, p.role, p.entity_id) == (
        "undecided_argument",
        ids["Contact:Meet"],
        "Entity",
        blinken.id,
    )
    assert "nobody decided on" in p.message
    edits.reject_entity(project, blinken.id)
    assert [(p.kind, p.role) for p in validate(project, doc)] == [("rejected_argument", "Entity")]


def test_using_a_suggestion_as_an_argument_accepts_it(world):
    project, doc, ids = world
    moscow = edits.add_entity(project, doc, *at("Moscow"), "GPE", state="suggested", source="spacy:x@1").result_id
    edits.add_argument(project, ids["Contact:Meet"], "Place", moscow)
    assert project.entity(moscow).state == "accepted"
    assert validate(project, doc) == []
