"""doccano's intent detection and slot filling lines (``{"text", "entities": [[start, end, "LABEL"]], "cats":
["flight"]}``, its ``intent/example.jsonl`` shape) imported without ``--format`` are read as spaCy's training lines
(session 14); the doccano export wrote them in its relation shape (entity objects, ``"relations": []``), which
doccano's intent import does not read, and a label the schema matched (``date`` for DATE) as the schema spells it
(doccano's labels are case-sensitive). Beside relation lines (a file told as doccano), an intent line without slots
(``"cats"`` alone) went back as a text classification's ``label``. Session 38 (s38-real)."""

from __future__ import annotations

import orjson

from annotator.cli import main

INTENT = [
    {"text": "Book a flight to Paris tomorrow", "entities": [[17, 22, "City"], [23, 31, "date"]], "cats": ["flight"]},
    {"text": "What is the weather", "entities": [], "cats": ["weather"]},
]
RELATION = {
    "id": 7,
    "text": "Barack Obama visited Paris.",
    "entities": [
        {"id": 10, "label": "PERSON", "start_offset": 0, "end_offset": 12},
        {"id": 11, "label": "GPE", "start_offset": 21, "end_offset": 26},
    ],
    "relations": [{"id": 5, "from_id": 10, "to_id": 11, "type": "visited"}],
}


def _round_trip(tmp_path, lines, *how):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    p = tmp_path / "p.annotator"
    assert main(["import", *how, str(p), str(src)]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "doccano", "-o", str(out)]) == 0
    return [orjson.loads(x) for x in out.read_bytes().splitlines()]


def _shape(line):
    return line["text"], line.get("entities"), line.get("cats"), line.get("label"), line.get("relations")


def test_intent_lines_read_as_training_lines_go_back_in_doccanos_intent_shape(tmp_path):
    got = _round_trip(tmp_path, INTENT)
    assert [_shape(x) for x in got] == [
        ("Book a flight to Paris tomorrow", [[17, 22, "City"], [23, 31, "date"]], ["flight"], None, None),
        ("What is the weather", [], ["weather"], None, None),
    ]
    back = tmp_path / "back"
    back.mkdir()
    again = _round_trip(back, [{k: x[k] for k in ("text", "entities", "cats")} for x in got])  # read back: the same
    assert [_shape(x) for x in again] == [_shape(x) for x in got]
    # spaCy's training lines give "cats" as scores: not doccano's intents, they go out in its relation shape as before
    spacy = tmp_path / "spacy"
    spacy.mkdir()
    lines = [{"text": "Book a flight to Paris", "entities": [[17, 22, "GPE"]], "cats": {"flight": 1.0}}]
    assert _round_trip(spacy, lines)[0]["entities"] == [{"id": 1, "label": "GPE", "start_offset": 17, "end_offset": 22}]


def test_an_intent_line_without_slots_beside_relation_lines_keeps_its_cats(tmp_path):
    lines = [RELATION, {"text": "What is the weather", "cats": ["weather"]}, INTENT[0]]
    got = _round_trip(tmp_path, lines, "--format", "doccano")
    assert [_shape(x) for x in got] == [
        (
            "Barack Obama visited Paris.",
            [
                {"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 12},
                {"id": 2, "label": "GPE", "start_offset": 21, "end_offset": 26},
            ],
            None,
            None,
            [{"id": 1, "from_id": 1, "to_id": 2, "type": "visited"}],
        ),
        ("What is the weather", [], ["weather"], None, None),
        ("Book a flight to Paris tomorrow", [[17, 22, "City"], [23, 31, "date"]], ["flight"], None, None),
    ]
