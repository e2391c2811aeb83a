"""doccano's intent detection and slot filling lines give their slots as ``"entities": [[start, end, "LABEL"]]`` beside
``cats`` (its ``backend/data_import/tests/data/intent/example.jsonl``). Read as doccano (``--format doccano``, the
way ``--skip-bad`` asks for), such a line was left out: "entities 0 must be an object" (the relation form's
objects were the only ones read under ``entities``)."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.store import Project

LINES = [
    {"text": "Book a flight to Paris", "entities": [[17, 22, "LOC"]], "cats": ["book_flight"]},
    {"text": "Weather please", "cats": ["weather"]},
    {"text": "Trains to Oslo and Bergen", "entities": [[10, 14, "LOC"], [19, 25, "LOC", "Bergen"]]},
    {"text": "Nothing here"},
    {"entities": [[0, 1, "LOC"]], "cats": ["positive"]},
]


def test_intent_slots_are_read_as_doccano_with_bad_lines_skipped(tmp_path):
    src = tmp_path / "intent.jsonl"
    src.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in LINES))
    p = tmp_path / "p.annotator"
    assert main(["import", "--format", "doccano", "--skip-bad", str(p), str(src)]) == 0
    with Project(p, create=False) as project:
        got = {}
        for d in project.document_ids():
            doc = project.document(d)
            got[doc.text] = sorted((doc.text[e.start : e.end], e.label) for e in project.entities(d))
    assert got == {
        "Book a flight to Paris": [("Paris", "LOC")],
        "Weather please": [],
        "Trains to Oslo and Bergen": [("Bergen", "LOC"), ("Oslo", "LOC")],
        "Nothing here": [],
    }


def test_a_listed_slot_whose_text_does_not_fit_is_refused_in_one_line(tmp_path, capsys):
    src = tmp_path / "intent.jsonl"
    src.write_bytes(orjson.dumps({"text": "Trains to Oslo", "entities": [[10, 14, "LOC", "Bergen"]]}) + b"\n")
    assert main(["import", "--format", "doccano", str(tmp_path / "p.annotator"), str(src)]) == 1
    said = capsys.readouterr().err.strip().splitlines()
    assert any("intent.jsonl:1" in x and "Bergen" in x for x in said), said


def test_intent_lines_go_back_out_as_they_came(tmp_path):
    src = tmp_path / "intent.jsonl"
    src.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in LINES[:3]))
    p = tmp_path / "p.annotator"
    assert main(["import", "--format", "doccano", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "doccano", "-o", str(tmp_path / "d.jsonl")]) == 0
    out = [orjson.loads(x) for x in (tmp_path / "d.jsonl").read_bytes().splitlines()]
    assert [(x["text"], x.get("entities"), x.get("cats"), x.get("label")) for x in out] == [
        ("Book a flight to Paris", [[17, 22, "LOC"]], ["book_flight"], None),
        ("Weather please", [], ["weather"], None),  # an intent without slots: "cats" as it came (session 38: "label")
        # one slot came with its text: each goes out with its own, as label lists do
        ("Trains to Oslo and Bergen", [[10, 14, "LOC", "Oslo"], [19, 25, "LOC", "Bergen"]], None, None),
    ]
