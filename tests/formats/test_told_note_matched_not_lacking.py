"""Session 40 (s40-real's Left): the DuEE and Prodigy readers' own note named a type told from the events as one "the
schema 'news' lacks" ("...: Conflict-Attack") just before the match's note said it was the schema's ("Conflict-Attack
-> Conflict:Attack"). What the project lacks and what it matched is said by the import alone (``schema_match``'s rule,
with ``--map``): the readers' note says the types were told from the events and names none. Our own line and task,
in DuEE 1.0's shape and our Prodigy export's."""

from __future__ import annotations

import orjson

from annotator import api

TEXT = "Rebels shelled the airport in Goma on Sunday."
DUEE = {
    "text": TEXT,
    "id": "g1",
    "event_list": [
        {
            "event_type": "Conflict-Attack",
            "trigger": "shelled",
            "trigger_start_index": 7,
            "arguments": [
                {"role": "Attacker", "argument": "Rebels", "argument_start_index": 0},
                {"role": "Target", "argument": "the airport", "argument_start_index": 15},
            ],
            "class": "Conflict",
        }
    ],
}
PRODIGY = {
    "text": TEXT,
    "spans": [
        {"start": 0, "end": 6, "label": "ORG"},
        {"start": 7, "end": 14, "label": "attack"},
        {"start": 30, "end": 34, "label": "GPE"},
    ],  # the trigger shown as a span, as our export writes it
    "events": [
        {
            "type": "attack",
            "start": 7,
            "end": 14,
            "attributes": {"Hedged": "yes"},
            "arguments": [
                {"role": "Attacker", "start": 0, "end": 6, "label": "ORG"},
                {"role": "Place", "start": 30, "end": 34, "label": "GPE"},
            ],
        }
    ],
    "meta": {"name": "g.txt"},
    "answer": "accept",
}


def _import(tmp_path, obj, fmt):  # type: ignore[no-untyped-def]
    src = tmp_path / "in.jsonl"
    src.write_bytes(orjson.dumps(obj) + b"\n")
    project = api.new_project(tmp_path / "p.annotator")
    return project, api.import_files(project, [src], format=fmt)


def _lacking_notes(notes: list[str], name: str) -> list[str]:
    return [n for n in notes if "lacks" in n and name in n]


def test_a_duee_type_the_schema_matches_is_not_said_lacking(tmp_path):
    project, report = _import(tmp_path, DUEE, None)
    assert any("Conflict-Attack -> Conflict:Attack" in n for n in report.notes), report.notes
    assert _lacking_notes(report.notes, "Conflict-Attack") == []
    assert any("told from their events' arguments" in n for n in report.notes), report.notes
    said = report.summary()
    assert "added to the project's schema (told from the file's annotations): label Attacker, label Target" in said, (
        said
    )
    assert "role Conflict:Attack:Attacker (takes Attacker)" in said
    assert [v.type for v in project.events(project.document_ids()[0])] == ["Conflict:Attack"]


def test_a_prodigy_type_the_schema_matches_is_not_said_lacking(tmp_path):
    project, report = _import(tmp_path, PRODIGY, "prodigy")
    assert any("attack -> Conflict:Attack" in n for n in report.notes), report.notes
    assert _lacking_notes(report.notes, "attack") == []
    assert any("told from their events' arguments" in n for n in report.notes), report.notes
    assert "added to the project's schema (told from the file's annotations): attribute Hedged" in report.summary()
    (event,) = project.events(project.document_ids()[0])
    assert (event.type, event.attributes["Hedged"]) == ("Conflict:Attack", "yes")


def test_a_doccano_and_a_label_studio_records_type_the_schema_matches_is_not_said_lacking(tmp_path):
    """Their readers' note ("event types the schema 'news' lacks, told from those its lines record: Attack") had the
    same contradiction: our own brat file's ``Attack`` (the news schema's ``Conflict:Attack``) out and in again."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "g.txt").write_text(TEXT + "\n", encoding="utf-8")
    (corpus / "g.ann").write_text(
        "T1\tORG 0 6\tRebels\nT2\tGPE 30 34\tGoma\nT3\tAttack 7 14\tshelled\nE1\tAttack:T3 Attacker:T1 Place:T2\n",
        encoding="utf-8",
    )
    first = api.new_project(tmp_path / "first.annotator")
    api.import_files(first, [corpus])
    for fmt, name in [("doccano", "out.jsonl"), ("label_studio", "out.json")]:
        api.export(first, tmp_path / name, format=fmt)
        project = api.new_project(tmp_path / f"{fmt}.annotator")
        report = api.import_files(project, [tmp_path / name], format=fmt)
        assert any("Attack -> Conflict:Attack" in n for n in report.notes), report.notes
        assert _lacking_notes(report.notes, "Attack") == [], report.notes
        assert any("event types told from those its" in n for n in report.notes), report.notes
        (event,) = project.events(project.document_ids()[0])
        assert event.type == "Conflict:Attack"
