"""MAVEN-ERE's training and validation documents (``train.jsonl``, ``valid.jsonl``: ``tokens`` a list a sentence,
``sentences`` their texts, ``events`` as coreference chains of ``mention`` s with a ``type``, ``TIMEX``,
``temporal_relations``, ``causal_relations``, ``subevent_relations``). Session 31: such a line was refused as the
project's own JSONL ("'text' must be a non-empty string") though MAVEN-ERE's test lines were read. Our own document,
in the shape THU-KEG/MAVEN-ERE's README gives."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.formats.detect import detect_format
from annotator.store import Project

TOKENS = [
    ["The", "army", "attacked", "the", "town", "in", "1912", "."],
    ["The", "attack", "killed", "ten", "people", "and", "ended", "the", "war", "."],
]


def _line() -> dict:
    def mention(k: str, word: str, sent: int) -> dict:
        at = TOKENS[sent].index(word)
        return {"id": k, "trigger_word": word, "sent_id": sent, "offset": [at, at + 1]}

    return {
        "id": "f28bce27",
        "title": "Siege of the town",
        "tokens": TOKENS,
        "sentences": ["The army attacked the town in 1912.", "The attack killed ten people and ended the war."],
        "events": [
            {
                "id": "EVENT_a",
                "type": "Attack",
                "type_id": 1,
                "mention": [mention("m1", "attacked", 0), mention("m2", "attack", 1)],
            },
            {"id": "EVENT_b", "type": "Killing", "type_id": 2, "mention": [mention("m3", "killed", 1)]},
            {"id": "EVENT_c", "type": "Process_end", "type_id": 3, "mention": [mention("m4", "ended", 1)]},
        ],
        "TIMEX": [{"id": "TIME_1", "mention": "1912", "type": "DATE", "sent_id": 0, "offset": [6, 7]}],
        "temporal_relations": {"BEFORE": [["EVENT_a", "EVENT_c"]], "CONTAINS": [["TIME_1", "EVENT_a"]], "OVERLAP": []},
        "causal_relations": {"CAUSE": [["EVENT_a", "EVENT_b"]], "PRECONDITION": []},
        "subevent_relations": [["EVENT_a", "EVENT_b"]],
    }


def test_a_maven_ere_document_comes_in_as_mavens_with_its_timex_and_relations_kept(tmp_path, capsys):
    path = tmp_path / "train.jsonl"
    path.write_bytes(orjson.dumps(_line()) + b"\n")
    assert detect_format(path) == "omnievent"  # None: taken for the project's own JSONL
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    err = capsys.readouterr().err
    assert (
        "1 MAVEN-ERE document read as MAVEN's, each TIMEX an entity of its type; 4 temporal, causal or subevent "
        "relations between events kept in the document's meta"
    ) in err, err
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        doc = project.document(doc_id)
        assert doc.text == "The army attacked the town in 1912 .\nThe attack killed ten people and ended the war ."
        events = sorted((v.type, doc.text[v.trigger_start : v.trigger_end]) for v in project.events(doc_id))
        assert events == [
            ("Conflict:Attack", "attack"),
            ("Conflict:Attack", "attacked"),
            ("Killing", "killed"),
            ("Process_end", "ended"),
        ]
        assert [(doc.text[e.start : e.end], e.label) for e in project.entities(doc_id)] == [("1912", "DATE")]
        assert doc.meta["causal_relations"] == {"CAUSE": [["EVENT_a", "EVENT_b"]], "PRECONDITION": []}
        assert doc.meta["title"] == "Siege of the town"
