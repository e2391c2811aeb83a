"""Every reader of labelled spans names labels, event types and roles as the schema does (``SchemaNames``, passed to
``regions.build_document`` by doccano, Label Studio, CoNLL and the training lines; Prodigy's and the DocBin's readers
use the same matcher): ``PER`` is the news schema's ``PERSON`` (its alias), ``conflict_attack``, ``CONFLICT.ATTACK`` and
``Conflict.Attack`` its ``Conflict:Attack``, ``attacker`` its ``Attacker``; ``Conflict.Attack`` a schema's own ``Attack``. Label Studio, Prodigy and DocBin files
added ``PER`` to a new project's schema beside ``PERSON``; a trigger spelt ``conflict-attack`` became an entity label of
that name in doccano and every other reader, its arguments lost. The fixtures are our own, in each tool's shape."""

from __future__ import annotations

import json

from annotator.formats.loading import import_format, import_paths
from spacy_support import english_words
from annotator.formats.schema_names import SchemaNames
from annotator.schema import default_schema, parse_schema
from annotator.store import Project
from text_support import argument_words

TEXT = "Rebels attacked Obama in Kabul."  # Rebels 0-6, attacked 7-15, Obama 16-21, Kabul 25-30

OWN = """[schema]
name = "maven-like"
version = 1
[[entity]]
name = "PERSON"
aliases = ["PER"]
[[event]]
name = "Attack"
  [[event.role]]
  name = "Attacker"
  labels = ["PERSON"]
  multiplicity = "optional"
"""


def spans_and_events(p: Project) -> tuple[list[tuple[str, str]], list[tuple[str, str, list[tuple[str, str]]]]]:
    spans, events = [], []
    for d in p.document_ids():
        text = p.document(d).text
        ents = {e.id: e for e in p.entities(d)}
        spans += [(text[e.start : e.end], e.label) for e in ents.values()]
        for v in p.events(d):
            args = sorted(argument_words(text, v.arguments, ents))
            events.append((text[v.trigger_start : v.trigger_end], v.type, args))
    return sorted(spans), sorted(events)


def label_studio_task(trigger: str, role: str) -> list[dict]:
    def region(rid: str, s: int, e: int, label: str) -> dict:
        return {
            "id": rid,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": s, "end": e, "text": TEXT[s:e], "labels": [label]},
        }

    results = [
        region("r1", 0, 6, "PER"),
        region("r2", 7, 15, trigger),
        region("r3", 16, 21, "per"),
        region("r4", 25, 30, "GPE"),
        {"type": "relation", "from_id": "r2", "to_id": "r1", "labels": [role], "direction": "right"},
    ]
    return [{"id": 1, "data": {"text": TEXT}, "annotations": [{"id": 10, "result": results}]}]


def prodigy_task(trigger: str, role: str) -> dict:
    def span(s: int, e: int, label: str) -> dict:
        return {"start": s, "end": e, "text": TEXT[s:e], "label": label}

    return {
        "text": TEXT,
        "spans": [span(0, 6, "PER"), span(7, 15, trigger), span(16, 21, "PER"), span(25, 30, "GPE")],
        "relations": [{"head_span": span(7, 15, trigger), "child_span": span(0, 6, "PER"), "label": role}],
        "answer": "accept",
        "_input_hash": 1,
    }


EXPECTED = (
    [("Kabul", "GPE"), ("Obama", "PERSON"), ("Rebels", "PERSON")],
    [("attacked", "Conflict:Attack", [("Attacker", "Rebels")])],
)


def test_label_studio_matches_aliases_event_types_and_roles(tmp_path):
    f = tmp_path / "tasks.json"
    f.write_text(json.dumps(label_studio_task("Conflict.Attack", "attacker")), encoding="utf-8")
    with Project(tmp_path / "p.annotator") as p:  # a new project: PER was added to its schema
        report = import_format(p, "label_studio", [f])
        assert report.skipped == [] and report.labels_added == []
        assert p.schema.label("PER") is None and p.schema.label("per") is None
        assert spans_and_events(p) == EXPECTED
        (note,) = [n for n in report.notes if "names matched" in n]
        assert "PER -> PERSON (1)" in note and "per -> PERSON (1)" in note
        assert "Conflict.Attack -> Conflict:Attack (1)" in note and "attacker -> Attacker (1)" in note


def test_prodigy_matches_aliases_event_types_and_roles(tmp_path):
    f = tmp_path / "answers.jsonl"
    f.write_text(json.dumps(prodigy_task("CONFLICT.ATTACK", "ATTACKER")) + "\n", encoding="utf-8")
    with Project(tmp_path / "p.annotator") as p:
        report = import_format(p, "prodigy", [f])
        assert report.skipped == [] and report.labels_added == []
        assert p.schema.label("PER") is None
        assert spans_and_events(p) == EXPECTED
        assert any("CONFLICT.ATTACK -> Conflict:Attack (" in n and "PER -> PERSON (" in n for n in report.notes)


def test_doccano_takes_an_event_type_spelt_another_way(tmp_path):
    line = {
        "text": TEXT,
        "entities": [
            {"id": 1, "start_offset": 0, "end_offset": 6, "label": "PER"},
            {"id": 2, "start_offset": 7, "end_offset": 15, "label": "conflict-attack"},
            {"id": 3, "start_offset": 16, "end_offset": 21, "label": "PERSON"},
            {"id": 4, "start_offset": 25, "end_offset": 30, "label": "GPE"},
        ],
        "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "Attacker"}],
    }
    f = tmp_path / "doccano.jsonl"
    f.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with Project(tmp_path / "p.annotator") as p:
        report = import_format(p, "doccano", [f])
        assert report.skipped == [] and report.labels_added == [] and p.schema.label("conflict-attack") is None
        assert spans_and_events(p) == EXPECTED


def test_training_lines_take_a_trigger_by_its_type_spelt_another_way(tmp_path):
    f = tmp_path / "train.jsonl"
    f.write_text(json.dumps({"text": TEXT, "entities": [[0, 6, "PER"], [7, 15, "conflict_attack"]]}) + "\n")
    with Project(tmp_path / "p.annotator") as p:
        report = import_paths(p, [f])
        assert report.skipped == [] and report.labels_added == []
        assert spans_and_events(p) == ([("Rebels", "PERSON")], [("attacked", "Conflict:Attack", [])])


def test_a_docbin_of_another_corpus_takes_the_aliases(tmp_path):
    from spacy.tokens import DocBin

    doc = english_words()(TEXT)
    doc.ents = [doc.char_span(0, 6, label="PER"), doc.char_span(25, 30, label="GPE")]
    f = tmp_path / "train.spacy"
    DocBin(docs=[doc]).to_disk(f)
    with Project(tmp_path / "p.annotator") as p:
        report = import_format(p, "spacy", [f])
        assert report.skipped == [] and report.labels_added == [] and p.schema.label("PER") is None
        assert spans_and_events(p) == ([("Kabul", "GPE"), ("Rebels", "PERSON")], [])
        assert any("PER -> PERSON (1)" in n for n in report.notes)


def test_a_schemas_own_types_take_ace_spellings_by_their_last_part():
    names = SchemaNames(parse_schema(OWN))
    assert [names.region(n) for n in ("Conflict.Attack", "attack", "ATTACK", "Conflict:Attack")] == ["Attack"] * 4
    assert names.region("per") == "PERSON"
    # a file of events with roles (DyGIE++, OmniEvent, WebAnno) keeps its own type of another whole name
    assert names.event_type("Conflict.Attack") == "Conflict.Attack" and names.event_type("ATTACK") == "Attack"
    news = SchemaNames(default_schema())
    assert [news.region(n) for n in ("conflict.attack", "LIFE_BE-BORN")] == ["Conflict:Attack", "Life:Be-Born"]
    # a bare word is no last part of a schema's type: an entity label of that name is more likely
    assert [news.region(n) for n in ("attack", "Transport", "Sentence")] == ["attack", "Transport", "Sentence"]


def test_a_last_part_two_types_share_matches_neither():
    two = OWN + '[[event]]\nname = "Cyber:Attack"\n'
    names = SchemaNames(parse_schema(two.replace('name = "Attack"', 'name = "Conflict:Attack"')))
    assert names.region("Military.Attack") == "Military.Attack"  # a last part is matched to whole names only
    assert names.region("conflict.attack") == "Conflict:Attack"  # the whole name tells them apart
    raid = OWN + '[[event]]\nname = "Raid"\naliases = ["attack"]\n'  # Attack, and Raid's alias: one key, two types
    names = SchemaNames(parse_schema(raid))
    assert names.region("Conflict.Attack") == "Conflict.Attack" and names.region("ATTACK") == "ATTACK"
    assert names.unmatched[("label", "ATTACK")] == 1


def test_doccano_with_a_schema_of_its_own_takes_conflict_attack_for_attack(tmp_path):
    line = {
        "text": TEXT,
        "label": [[0, 6, "PER"], [7, 15, "Conflict.Attack"]],
    }
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with Project(tmp_path / "p.annotator", schema=parse_schema(OWN)) as p:
        report = import_format(p, "doccano", [f])
        assert report.skipped == []
        assert spans_and_events(p) == ([("Rebels", "PERSON")], [("attacked", "Attack", [])])


def test_the_label_studio_export_writes_the_labels_as_the_task_spelt_them(tmp_path):
    """Matched to the schema's names in the project, a task's labels and roles go back to Label Studio as its config
    names them (``PER``, ``Conflict.Attack``, ``attacker``; one spelling a name, the first the file gave: its ``per``
    goes back as ``PER``): the export wrote ``PERSON``, ``Conflict:Attack`` and ``Attacker``, which the Label Studio
    project's config does not have."""
    from tests.formats.conftest import cli_round_trip

    f = tmp_path / "tasks.json"
    f.write_text(json.dumps(label_studio_task("Conflict.Attack", "attacker")), encoding="utf-8")
    out, p2, again = cli_round_trip(tmp_path, f, "label_studio")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    written = sorted(
        (x["value"]["text"], x["value"]["labels"][0]) for x in task["annotations"][0]["result"] if x["type"] == "labels"
    )
    assert written == [("Kabul", "GPE"), ("Obama", "PER"), ("Rebels", "PER"), ("attacked", "Conflict.Attack")]
    assert [x["labels"] for x in task["annotations"][0]["result"] if x["type"] == "relation"] == [["attacker"]]
    assert again.read_bytes() == out.read_bytes()
    with Project(p2, create=False) as p:
        assert spans_and_events(p) == EXPECTED
