"""The project's JSON/JSONL export: its JSON Schema, its filters, reading it back, and a property-based round trip."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
import pytest
from core_helpers import add_document
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotator import edits
from annotator.errors import AnnotatorError, ImportFileError
from annotator.formats import readers_by_suffix, writers
from annotator.formats.project_json import iter_document_records, write_json, write_jsonl
from annotator.formats.project_json_read import read_json
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.formats.loading import import_paths
from annotator.model import STATES, STATUSES
from annotator.resources_path import resource_path
from annotator.schema import default_schema
from annotator.store import Project

SCHEMA = json.loads(resource_path("export.schema.json").read_text(encoding="utf-8"))
FILE_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
LINE_VALIDATOR = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": "#/$defs/document"})


def validate_json_export(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    FILE_VALIDATOR.validate(data)
    return data


def validate_jsonl_export(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw == b"" or raw.endswith(b"\n")
    lines = [json.loads(x) for x in raw.decode("utf-8").split("\n") if x]
    for line in lines:
        LINE_VALIDATOR.validate(line)
    return lines


def test_json_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


TEXT = "Sergey Lavrov met Antony Blinken in Moscow 🇷🇺 on Monday."


def at(text, word):
    i = text.index(word)
    return i, i + len(word)


@pytest.fixture
def filled(project):
    d1 = add_document(project, TEXT, "a.txt")
    d2 = add_document(project, "Paris is quiet today.", "b.txt")
    d3 = add_document(project, "Nothing to see.", "c.txt")
    lavrov = edits.add_entity(project, d1, *at(TEXT, "Sergey Lavrov"), "PERSON").result_id
    blinken = edits.add_entity(
        project, d1, *at(TEXT, "Antony Blinken"), "PERSON", state="suggested", source="spacy:x@1"
    ).result_id
    moscow = edits.add_entity(project, d1, *at(TEXT, "Moscow"), "GPE", state="suggested", source="spacy:x@1").result_id
    flag = edits.add_entity(project, d1, *at(TEXT, "🇷🇺"), "NORP").result_id
    meet = edits.add_event(project, d1, "Contact:Meet", *at(TEXT, "met"), {"tense": "Past"}).result_id
    edits.add_argument(project, meet, "Entity", lavrov)
    edits.add_argument(project, meet, "Entity", blinken)
    edits.add_argument(project, meet, "Place", moscow)
    edits.reject_entity(project, blinken)
    edits.add_comment(project, d1, "check the flag")
    edits.set_status(project, d1, "annotated")
    edits.add_entity(project, d2, 0, 5, "GPE")
    edits.set_status(project, d2, "reviewed")
    return project, {
        "d1": d1,
        "d2": d2,
        "d3": d3,
        "lavrov": lavrov,
        "blinken": blinken,
        "moscow": moscow,
        "flag": flag,
        "meet": meet,
    }


def test_json_export_content(filled, tmp_path):
    project, ids = filled
    out = tmp_path / "out.json"
    report = write_json(project, out)
    data = validate_json_export(out)
    assert data["format"] == "annotator-json" and data["version"] == 7 and data["annotation_set"] == "main"
    assert data["schema"] == project.schema.to_dict()
    assert [d["name"] for d in data["documents"]] == ["a.txt", "b.txt", "c.txt"]
    d1 = data["documents"][0]
    assert d1["text"] == TEXT and d1["status"] == "annotated" and d1["meta"] == {}
    assert d1["sha256"] == project.document(ids["d1"]).sha256
    # rejected spans are left out by default, and so is the argument that pointed at one
    assert [(e["text"], e["label"], e["state"]) for e in d1["entities"]] == [
        ("Sergey Lavrov", "PERSON", "added"),
        ("Moscow", "GPE", "accepted"),
        ("🇷🇺", "NORP", "added"),
    ]
    lav = d1["entities"][0]
    assert lav == {
        "id": ids["lavrov"],
        "start": 0,
        "end": 13,
        "label": "PERSON",
        "text": "Sergey Lavrov",
        "state": "added",
        "source": "human",
        "annotator": "tester",
        "edited": False,
        "score": None,
    }
    for e in d1["entities"]:
        assert TEXT[e["start"] : e["end"]] == e["text"]  # code point offsets, astral flag included
    (ev,) = d1["events"]
    assert ev["type"] == "Contact:Meet" and ev["trigger"] == {"start": 14, "end": 17, "text": "met"}
    assert ev["attributes"] == {
        "polarity": "Positive",
        "modality": "Asserted",
        "tense": "Past",
        "genericity": "Specific",
    }
    assert ev["arguments"] == [
        {"role": "Entity", "entity_id": ids["lavrov"]},
        {"role": "Place", "entity_id": ids["moscow"]},
    ]
    assert ev["annotator"] == "tester"
    assert [c["text"] for c in d1["comments"]] == ["check the flag"] and d1["comments"][0]["author"] == "tester"
    assert report.documents == 3 and report.entities == 4 and report.events == 1
    assert len(report.dropped_arguments) == 1 and "1 argument left out" in report.summary()
    assert report.bytes == out.stat().st_size


def test_states_and_status_filters(filled, tmp_path):
    project, ids = filled
    out = tmp_path / "all.json"
    write_json(project, out, states=STATES)
    data = validate_json_export(out)
    d1 = data["documents"][0]
    assert {e["state"] for e in d1["entities"]} == {"added", "accepted", "rejected"}  # using a suggestion accepts it
    assert len(d1["events"][0]["arguments"]) == 3
    write_json(project, out, states=["added"])
    data = validate_json_export(out)
    assert {e["state"] for d in data["documents"] for e in d["entities"]} == {"added"}
    write_json(project, out, statuses=["reviewed", "annotated"])
    data = validate_json_export(out)
    assert [d["name"] for d in data["documents"]] == ["a.txt", "b.txt"]
    write_json(project, out, statuses=["in_progress"])
    assert validate_json_export(out)["documents"] == []


def test_jsonl_export_same_documents(filled, tmp_path):
    project, _ = filled
    write_json(project, tmp_path / "x.json")
    report = write_jsonl(project, tmp_path / "x.jsonl")
    lines = validate_jsonl_export(tmp_path / "x.jsonl")
    assert lines == json.loads((tmp_path / "x.json").read_text())["documents"]
    assert report.documents == 3
    write_jsonl(project, tmp_path / "none.jsonl", statuses=["in_progress"])
    assert validate_jsonl_export(tmp_path / "none.jsonl") == []


def test_text_with_line_separators_survives_jsonl(project, tmp_path):
    text = "One\u2028two\u2029three\x85four\r\nfive\x0bsix\x0cseven 𝄞"
    add_document(project, text)
    write_jsonl(project, tmp_path / "x.jsonl")
    (line,) = validate_jsonl_export(tmp_path / "x.jsonl")
    assert line["text"] == text
    with Project(tmp_path / "b.annotator") as other:
        report = import_paths(other, [tmp_path / "x.jsonl"])
        assert report.skipped == [] and other.document(report.imported[0][1]).text == text


def test_export_is_atomic(filled, tmp_path):
    project, _ = filled
    out = tmp_path / "out.json"
    out.write_text("old content")

    def boom(done):
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_json(project, out, progress=boom)
    assert out.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"] or all(
        not p.name.endswith(".part") for p in tmp_path.iterdir()
    )
    with pytest.raises(AnnotatorError, match="is a folder"):
        write_json(project, tmp_path)
    with pytest.raises(AnnotatorError, match="no such folder"):
        write_json(project, tmp_path / "missing" / "x.json")


def test_registry():
    assert set(writers()) >= {"json", "jsonl"}
    assert ".json" in readers_by_suffix()


# -- reading exports back -------------------------------------------------------------------------
def test_reimport_json_and_jsonl(filled, tmp_path):
    project, _ = filled
    write_json(project, tmp_path / "x.json", states=STATES)
    write_jsonl(project, tmp_path / "x.jsonl", states=STATES)
    first = list(iter_document_records(project, STATES))
    for name in ("x.json", "x.jsonl"):
        with Project(tmp_path / f"{name}.annotator", annotator="someone") as other:
            report = import_paths(other, [tmp_path / name])
            assert report.skipped == [] and len(report.imported) == 3
            assert normalise(list(iter_document_records(other, STATES))) == normalise(first)


@pytest.mark.parametrize(
    "change,reason",
    [
        (lambda d: d.update(format="other"), "not an annotator JSON export"),
        (lambda d: d.update(version=99), "newer than this annotator reads"),
        (lambda d: d.update(documents={}), "'documents' must be a list"),
        (lambda d: d["documents"][0]["entities"][0].update(end=10_000), "bad entity offsets"),
        (lambda d: d["documents"][0]["entities"][0].update(text="Someone"), "text does not match its offsets"),
        (lambda d: d["documents"][0]["events"][0]["arguments"][0].update(entity_id=12345), "which the document lacks"),
        (lambda d: d["documents"][0]["entities"][1].update(id=d["documents"][0]["entities"][0]["id"]), "used twice"),
        (lambda d: d["documents"][0].update(text=""), "'text' must be a non-empty string"),
        (lambda d: d["documents"][0]["events"][0].update(trigger=None), "has no trigger"),
    ],
)
def test_bad_export_files_are_reported(filled, tmp_path, change, reason):
    project, _ = filled
    write_json(project, tmp_path / "x.json")
    data = json.loads((tmp_path / "x.json").read_text())
    change(data)
    (tmp_path / "x.json").write_text(json.dumps(data))
    with pytest.raises(ImportFileError, match=reason):
        read_json(tmp_path / "x.json")


def test_not_json_at_all(tmp_path):
    f = tmp_path / "x.json"
    f.write_text("{ nope")
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read_json(f)


# -- property-based round trip --------------------------------------------------------------------
NEWS = default_schema()
LABELS = NEWS.label_names
TYPES = list(NEWS.event_type_names)
text_chars = st.one_of(
    st.characters(max_codepoint=0x7F, blacklist_categories=("Cs",)),
    st.characters(min_codepoint=0x80, max_codepoint=0x2FFF, blacklist_categories=("Cs",)),
    st.characters(min_codepoint=0x10000, max_codepoint=0x1FFFF, blacklist_categories=("Cs", "Cn")),
    st.sampled_from(["\r\n", "\n", "\t", " ", "\u2028", "😀", "👩‍👩‍👧", "e\u0301"]),
)
names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=12)
annotators = st.one_of(st.none(), st.sampled_from(["ann", "bob", "Zoë"]))
meta_values = st.one_of(st.integers(-1000, 1000), st.text(max_size=8), st.booleans(), st.none())


@st.composite
def a_span(draw, n):
    start = draw(st.integers(0, n - 1))
    end = draw(st.integers(start + 1, min(n, start + 20)))
    return start, end


@st.composite
def a_document(draw, index):
    text = f"{index}:" + draw(st.lists(text_chars, min_size=1, max_size=80).map("".join))
    n = len(text)
    ents = []
    for k in range(draw(st.integers(0, 8))):
        s, e = draw(a_span(n))
        ents.append(
            IncomingEntity(
                k,
                s,
                e,
                draw(st.sampled_from(LABELS)),
                draw(st.sampled_from(STATES)),
                draw(st.sampled_from(["human", "import", "spacy:en_core_web_sm@3.8.0"])),
                draw(annotators),
                score=draw(st.none() | st.floats(allow_nan=False, allow_infinity=False)),
            )
        )
    events = []
    for _ in range(draw(st.integers(0, 3))):
        etype = NEWS.event_type(draw(st.sampled_from(TYPES)))
        s, e = draw(a_span(n))
        attrs = {a.name: draw(st.sampled_from(a.values)) for a in NEWS.attributes}
        args = []
        for ent in ents:
            fitting = [r.name for r in etype.roles if ent.label in r.labels]
            if fitting and draw(st.booleans()):
                args.append((draw(st.sampled_from(fitting)), ent.key))
        events.append(IncomingEvent(etype.name, s, e, attrs, args, draw(annotators)))
    comments = [
        {
            "author": draw(annotators),
            "text": draw(st.text(min_size=1, max_size=20)),
            "created_at": "2025-01-02T03:04:05.000+00:00",
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    return IncomingDocument(
        text=text,
        name=draw(names),
        meta=draw(st.dictionaries(st.text(max_size=5), meta_values, max_size=3)),
        status=draw(st.sampled_from(STATUSES)),
        entities=ents,
        events=events,
        comments=comments,
        keep_annotators=True,
    )


@st.composite
def documents(draw):
    return [draw(a_document(i)) for i in range(draw(st.integers(1, 4)))]


def normalise(records: list[dict]) -> list[dict]:
    """Export records without database ids: entities by position, arguments by their entity's position."""
    out = []
    for r in records:
        pos = {e["id"]: k for k, e in enumerate(r["entities"])}
        out.append(
            {
                **{k: v for k, v in r.items() if k not in ("id", "entities", "events")},
                "entities": [{k: v for k, v in e.items() if k != "id"} for e in r["entities"]],
                "events": [
                    {
                        **{k: v for k, v in ev.items() if k not in ("id", "arguments")},
                        "arguments": sorted((a["role"], pos[a["entity_id"]]) for a in ev["arguments"]),
                    }
                    for ev in r["events"]
                ],
            }
        )
    return out


def _entity_key(e: tuple) -> tuple:
    """Sort key for entity tuples whose last item (the annotator) may be None."""
    return (*e[:-1], e[-1] or "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents(), st.sampled_from(["json", "jsonl"]))
@example(
    [
        IncomingDocument(
            text="0:ab",
            name="d",
            keep_annotators=True,
            entities=[  # once failed: None < "ann"
                IncomingEntity(0, 0, 1, "ORG", "accepted", "human", None),
                IncomingEntity(1, 0, 1, "ORG", "accepted", "human", "ann"),
            ],
        )
    ],
    "json",
)
@pytest.mark.slow  # hypothesis, many projects (~20 s)
def test_round_trip_export_import(docs, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Project(tmp / "a.annotator", annotator="origin", synchronous="OFF") as a:
            report = import_documents(a, docs)
            assert len(report.imported) == len(docs)
            out = tmp / f"export.{fmt}"
            writers()[fmt](a, out, states=STATES)
            if fmt == "json":
                validate_json_export(out)
            else:
                validate_jsonl_export(out)
            exported = list(iter_document_records(a, STATES))
        # the export holds exactly what was generated
        for doc, rec in zip(docs, exported):
            assert rec["text"] == doc.text and rec["name"] == doc.name and rec["status"] == doc.status
            assert rec["meta"] == doc.meta
            assert sorted(
                ((e["start"], e["end"], e["label"], e["state"], e["source"], e["annotator"]) for e in rec["entities"]),
                key=_entity_key,
            ) == sorted(
                ((e.start, e.end, e.label, e.state, e.source, e.annotator) for e in doc.entities), key=_entity_key
            )
            assert sorted(
                (v["type"], v["trigger"]["start"], v["trigger"]["end"], len(v["arguments"])) for v in rec["events"]
            ) == sorted((v.type, v.trigger_start, v.trigger_end, len(v.arguments)) for v in doc.events)
        with Project(tmp / "b.annotator", annotator="someone else", synchronous="OFF") as b:
            report = import_paths(b, [out])
            assert report.skipped == [] and len(report.imported) == len(docs)
            again = list(iter_document_records(b, STATES))
        assert normalise(again) == normalise(exported)
