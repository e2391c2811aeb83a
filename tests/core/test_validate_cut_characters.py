"""A span that begins or ends inside one character a reader sees is a problem validation names (session 34, the lead;
s34-graph's "Left": spans stored before migration 12, or made through the core API, are not widened). Half a flag
made a GPE, a name cut before its combining accent, a trigger cut inside an emoji: `validate` and `annotator
validate` said "no problems" on main; they name the span and the whole character's span now. A rejected span is
no annotation and is not named; ASCII text and whole characters are never named."""

from __future__ import annotations

import json

from core_helpers import add_document

from annotator import edits
from annotator.cli import main
from annotator.store import Project
from annotator.validation import validate

FLAG = "\U0001f1fb\U0001f1f3"  # Vietnam's flag: two regional indicators, one character
TEXT = f"Flag {FLAG} here, and Zoe\u0301 met Ana in Hue\u0301 \U0001f44d\U0001f3fd today."


def _at(words: str) -> int:
    return TEXT.index(words)


def test_half_a_flag_and_a_name_without_its_accent_are_named_with_their_whole_span(project):
    doc = add_document(project, TEXT)
    flag = edits.add_entity(project, doc, _at(FLAG), _at(FLAG) + 1, "GPE").result_id
    zoe = edits.add_entity(project, doc, _at("Zoe"), _at("Zoe") + 3, "PERSON").result_id
    ana = edits.add_entity(project, doc, _at("Ana"), _at("Ana") + 3, "PERSON").result_id  # ASCII, whole
    hue = edits.add_entity(project, doc, _at("Hue"), _at("Hue") + 4, "GPE").result_id  # with its accent: whole
    found = {(p.kind, p.entity_id): p for p in validate(project, doc)}
    assert set(found) == {("cut_character", flag), ("cut_character", zoe)}
    start = _at(FLAG)
    assert f"whole, it is [{start}, {start + 2}) “{FLAG}”" in found["cut_character", flag].message
    assert f"entity {flag} " in found["cut_character", flag].message
    z = _at("Zoe")
    assert f"whole, it is [{z}, {z + 4})" in found["cut_character", zoe].detail
    assert ana not in {p.entity_id for p in found.values()} and hue not in {p.entity_id for p in found.values()}


def test_a_rejected_span_is_not_named_and_a_cut_trigger_is(project):
    doc = add_document(project, TEXT)
    flag = edits.add_entity(project, doc, _at(FLAG), _at(FLAG) + 1, "GPE").result_id
    edits.reject_entity(project, flag)
    thumb = _at("\U0001f44d")
    ev = edits.add_event(project, doc, "Contact:Meet", thumb, thumb + 1).result_id  # the thumb without its skin tone
    met = edits.add_event(project, doc, "Contact:Meet", _at("met"), _at("met") + 3).result_id
    found = [(p.kind, p.event_id, p.entity_id) for p in validate(project, doc) if p.kind == "cut_character"]
    assert found == [("cut_character", ev, None)]
    assert met not in {e for _, e, _ in found}


def test_annotator_validate_names_the_cut_span_and_exits_1(tmp_path, capsys):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        doc = add_document(p, TEXT)
        edits.add_entity(p, doc, _at(FLAG), _at(FLAG) + 1, "GPE")
    assert main(["validate", str(path), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(x["kind"], x["document"]) for x in problems] == [("cut_character", doc)]
    with Project(path, annotator="t") as p:
        edits.set_entity_state(p, p.entities(doc)[0].id, "rejected")
    assert main(["validate", str(path)]) == 0
