"""DyGIE++ arguments on tokens no ``ner`` entity covers (session 10): kept as new entities when their label is told,
as the event suggester tells a plain noun's (the role's one label, or the label its last word names), else reported
with the exact reason. They were all reported "no entity of 'ner' there" and lost."""

from __future__ import annotations

import orjson

from annotator.formats.dygiepp import read_dygiepp
from annotator.schema import default_schema
from annotator.suggest.noun_classes import guess_label_of_word

LINE = {
    "doc_key": "d1",
    "sentences": [
        [
            "Three",
            "soldiers",
            "were",
            "killed",
            "by",
            "the",
            "explosive",
            "charge",
            "in",
            "the",
            "city",
            "on",
            "Monday",
        ],
        ["The", "gunmen", "attacked", "the", "plan", "."],
    ],
    "ner": [[[12, 12, "DATE"]], []],
    "events": [
        [[[3, "Life.Die"], [0, 1, "Victim"], [5, 7, "Instrument"], [9, 10, "Place"], [12, 12, "Time-Within"]]],
        [[[15, "Conflict.Attack"], [13, 14, "Attacker"], [16, 17, "Target"]]],
    ],
}


def _read(tmp_path, line=LINE):
    path = tmp_path / "ace.jsonl"
    path.write_bytes(orjson.dumps(line) + b"\n")
    return read_dygiepp(path, default_schema())


def test_arguments_on_no_entity_are_kept_as_new_entities_when_their_label_is_told(tmp_path):
    result = _read(tmp_path)
    (doc,) = result.documents
    got = sorted((doc.text[e.start : e.end], e.label, e.state) for e in doc.entities)
    assert got == [
        ("Monday", "DATE", "accepted"),
        ("The gunmen", "PERSON", "accepted"),  # 'gunmen' is a person's word
        ("Three soldiers", "PERSON", "accepted"),
        ("the city", "GPE", "accepted"),
        ("the explosive charge", "PRODUCT", "accepted"),  # the role's one label ('charge' is in no word list)
    ]
    die, attack = doc.events
    assert [role for role, _ in die.arguments] == ["Victim", "Instrument", "Place", "Time"]
    assert [role for role, _ in attack.arguments] == ["Attacker"]
    notes = "\n".join(result.notes)
    assert (
        "argument Instrument of Life:Die on tokens 5-7 ('the explosive charge'): no entity of 'ner' there; kept "
        "as a new PRODUCT entity (the role's one label)" in notes
    ), notes
    assert "kept as a new PERSON entity (its last word 'soldiers' told PERSON" in notes, notes


def test_an_argument_whose_label_is_not_told_is_reported_with_why(tmp_path):
    (warning,) = _read(tmp_path).warnings
    assert warning.endswith(
        "argument Target of Conflict:Attack on tokens 16-17 ('the plan': no entity of 'ner' there, and the role takes "
        "PERSON, NORP, ORG, FAC, PRODUCT, GPE, LOC and its last word 'plan' tells no label (the event suggester's word "
        "lists lack it))"
    ), warning


def test_a_predicted_events_new_argument_entity_is_a_suggestion(tmp_path):
    """A model's events without any entity in the file were refused whole: 'the schema needs at least one [[entity]]
    label' (the schema told from the file had none)."""
    line = {
        "doc_key": "p",
        "sentences": [["Rebels", "attacked", "the", "base", "."]],
        "predicted_ner": [[]],
        "predicted_events": [[[[1, "Conflict.Attack", 3.1, 0.9], [2, 3, "Target", 2.0, 0.8]]]],
    }
    (doc,) = _read(tmp_path, line).documents
    assert [(doc.text[e.start : e.end], e.label, e.state) for e in doc.entities] == [("the base", "FAC", "suggested")]


def test_a_word_without_a_parse_is_told_by_its_singular_forms():
    assert [guess_label_of_word(w) for w in ("Soldiers", "militias", "gunmen", "cities", "plan")] == [
        "PERSON",
        "ORG",
        "PERSON",
        "GPE",
        None,
    ]
