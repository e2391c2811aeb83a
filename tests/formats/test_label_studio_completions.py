"""Label Studio before 1.0 named a task's annotations ``completions`` (its examples keep one task a file, as
``examples/named_entity/completions/0.json``; John Snow Labs' Annotation Lab still exports them so, with the author in
``created_username``), and a cancelled one ``skipped``; Label Studio's own converter reads both. Such a file was not
told as Label Studio ('not an annotator JSON export') and, read with ``--format label_studio``, came in as a bare
text: every span and relation dropped without a word. Our own task, in that shape."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.formats.detect import detect_format
from annotator.store import Project
from format_helpers import labels_region

TEXT = "Rebels attacked the convoy near Kabul on Monday."


def _region(rid: str, word: str, label: str) -> dict:
    s = TEXT.index(word)
    return labels_region(rid, s, s + len(word), label, word, tag="ner", source="$text")


def _task() -> dict:
    skipped = {"id": 1, "skipped": True, "result": [_region("z", "Monday", "DATE")]}
    done = {
        "id": 2,
        "created_username": "eric",
        "lead_time": 82,
        "result": [
            _region("a", "Rebels", "PERSON"),
            _region("b", "attacked", "Conflict:Attack"),
            _region("c", "Kabul", "GPE"),
            {"from_id": "b", "to_id": "a", "type": "relation", "direction": "right", "labels": ["Attacker"]},
            {"from_id": "b", "to_id": "c", "type": "relation", "direction": "right", "labels": ["Place"]},
        ],
    }
    return {"completions": [skipped, done], "data": {"text": TEXT}, "id": 0, "task_path": "../tasks.json"}


def test_a_task_with_completions_is_told_and_read_with_its_spans_and_event(tmp_path, capsys):
    path = tmp_path / "0.json"
    path.write_text(json.dumps(_task(), indent=4), encoding="utf-8")
    assert detect_format(path) == "label_studio"
    assert main(["import", str(tmp_path / "p.annotator"), str(path)]) == 0
    assert "read as Label Studio" in capsys.readouterr().err
    with Project(tmp_path / "p.annotator") as p:
        (doc_id,) = p.document_ids()
        ents = {e.id: (TEXT[e.start : e.end], e.label, e.annotator) for e in p.entities(doc_id)}
        (event,) = p.events(doc_id)
    assert sorted(ents.values()) == [("Kabul", "GPE", "eric"), ("Rebels", "PERSON", "eric")]  # not the skipped one
    assert (event.type, TEXT[event.trigger_start : event.trigger_end], event.annotator) == (
        "Conflict:Attack",
        "attacked",
        "eric",
    )
    assert sorted((a.role, ents[a.entity_id][0]) for a in event.arguments) == [
        ("Attacker", "Rebels"),
        ("Place", "Kabul"),
    ]


def test_annotation_labs_confidence_is_the_regions_score(tmp_path):
    """Annotation Lab writes a region's confidence in its ``value`` (``"confidence": 0.9524``; in its predictions as
    text, ``"0.9524"``), where Label Studio has ``score`` beside it: it was dropped, so ``accept --min-score`` saw
    no score on such suggestions."""
    from annotator.formats.label_studio import read_label_studio

    def predicted(rid: str, word: str, label: str, confidence: object) -> dict:
        region = _region(rid, word, label)
        region["value"]["confidence"] = confidence
        return region

    task = {
        "id": 5,
        "data": {"text": TEXT},
        "predictions": [
            {
                "created_username": "SparkNLP Pre-annotation",
                "result": [
                    predicted("a", "Rebels", "PERSON", "0.9524"),
                    predicted("c", "Kabul", "GPE", 0.904775),
                    predicted("d", "Monday", "DATE", "n/a"),
                ],
            }
        ],
    }
    path = tmp_path / "alab.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    (doc,) = read_label_studio(path).documents
    got = sorted((TEXT[e.start : e.end], e.state, e.score) for e in doc.entities)
    assert got == [("Kabul", "suggested", 0.904775), ("Monday", "suggested", None), ("Rebels", "suggested", 0.9524)]
