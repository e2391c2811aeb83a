"""Session 33 (s33-real): DyGIE++'s arguments name tokens (``[start, end, role]``), not an entity. Our export of
"Russian forces" an ORG and a PERSON, the PERSON an Artifact, read back gave the argument the ORG (the first entity
on those tokens) and grew the schema by an ORG Artifact; OneIE's was fixed by its entity_id in session 32. The
reader now takes the entity there the role takes; two of the same words elsewhere in the sentence are told apart by
their tokens."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.store import Project


def _round_trip(tmp_path, capsys, line: dict, into_news: bool) -> tuple[dict[str, tuple[str, str]], dict]:
    source, first = tmp_path / "in.jsonl", tmp_path / "p.annotator"
    back, out = tmp_path / "back.annotator", tmp_path / "out.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["import", str(first), str(source)]) == 0
    assert main(["export", str(first), "-f", "dygiepp", "-o", str(out)]) == 0
    if into_news:
        assert main(["init", str(back)]) == 0
    capsys.readouterr()
    assert main(["import", str(back), str(out), "-f", "dygiepp", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    with Project(back, create=False) as p:
        [doc] = p.document_ids()
        text = p.document(doc).text
        ents = {e.id: e for e in p.entities(doc)}
        [event] = p.events(doc)
        roles = {
            a.role: (ents[a.entity_id].label, text[ents[a.entity_id].start : ents[a.entity_id].end])
            for a in event.arguments
        }
        starts = {a.role: ents[a.entity_id].start for a in event.arguments}
    data["starts"] = starts
    return roles, data


@pytest.mark.parametrize("into_news", [False, True])
def test_an_argument_on_words_two_entities_share_takes_the_one_its_role_takes(tmp_path, capsys, into_news):
    line = {
        "text": "Russian forces entered Ukraine.",
        "name": "a.txt",
        "entities": [
            {"id": 1, "start": 0, "end": 14, "label": "ORG", "state": "accepted"},
            {"id": 2, "start": 0, "end": 14, "label": "PERSON", "state": "accepted"},
            {"id": 3, "start": 23, "end": 30, "label": "GPE", "state": "accepted"},
        ],
        "events": [
            {
                "type": "Movement:Transport",
                "trigger": {"start": 15, "end": 22},
                "state": "accepted",
                "arguments": [{"role": "Artifact", "entity_id": 2}, {"role": "Destination", "entity_id": 3}],
            }
        ],
    }
    roles, data = _round_trip(tmp_path, capsys, line, into_news)
    assert roles == {"Artifact": ("PERSON", "Russian forces"), "Destination": ("GPE", "Ukraine")}, roles
    assert data["types_told"] == [], data["summary"]


def test_the_same_words_twice_in_a_sentence_are_told_apart_by_their_tokens(tmp_path, capsys):
    line = {
        "text": "Smith met Smith in Paris.",
        "name": "b.txt",
        "entities": [
            {"id": 1, "start": 0, "end": 5, "label": "PERSON", "state": "accepted"},
            {"id": 2, "start": 10, "end": 15, "label": "PERSON", "state": "accepted"},
            {"id": 3, "start": 19, "end": 24, "label": "GPE", "state": "accepted"},
        ],
        "events": [
            {
                "type": "Contact:Meet",
                "trigger": {"start": 6, "end": 9},
                "state": "accepted",
                "arguments": [{"role": "Entity", "entity_id": 2}, {"role": "Place", "entity_id": 3}],
            }
        ],
    }
    roles, data = _round_trip(tmp_path, capsys, line, True)
    assert roles == {"Entity": ("PERSON", "Smith"), "Place": ("GPE", "Paris")}, roles
    assert data["starts"]["Entity"] == 10, data["starts"]
