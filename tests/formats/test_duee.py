"""DuEE's event lines (DuEE 1.0's ``train.json``: JSON lines of ``text``, ``id``, ``event_list`` with each event's
``event_type``, ``trigger`` and ``trigger_start_index``, its ``arguments`` by ``argument_start_index``, ``role`` and
``argument``; DuEE-Fin's arguments without their index). Session 32: the ``event_list`` went to the meta and every event
was lost without a word. Our own lines, in that shape."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.store import Project

CN = "消失的“外企光环”，5月份在华裁员900余人，香饽饽变“臭”了"
EN = "Gunmen attacked a police station in Mosul on Friday. Police said Gunmen fled."


def _arg(role: str, words: str, start: int | None) -> dict:
    got = {"role": role, "argument": words, "alias": []}
    return got | ({"argument_start_index": start} if start is not None else {})


LINES = [
    {
        "text": CN,
        "id": "cba11b50",
        "event_list": [
            {
                "event_type": "组织关系-裁员",
                "trigger": "裁员",
                "trigger_start_index": 15,
                "arguments": [_arg("裁员人数", "900余人", 17), _arg("时间", "5月份", 10)],
                "class": "组织关系",
            }
        ],
    },
    {
        "text": EN,
        "id": "en1",
        "event_list": [
            {
                "event_type": "Conflict-Attack",
                "trigger": "attacked",
                "trigger_start_index": 7,
                "arguments": [_arg("Attacker", "Gunmen", None), _arg("Place", "Mosul", 36)],  # DuEE-Fin: no index
                "class": "Conflict",
            }
        ],
    },
]


def _write(path, lines: list[dict]) -> None:
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))


@pytest.mark.parametrize("name", ["train.json", "train.jsonl"])
def test_duee_events_come_in_with_their_arguments_as_entities_labelled_by_role(tmp_path, capsys, name):
    src = tmp_path / name
    _write(src, LINES)
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    assert "DuEE's event lines (2): each argument an entity labelled by its role" in err, err
    assert "1 placed by their words, nearest the trigger (no 'argument_start_index')" in err
    with Project(p, create=False) as project:
        got = []
        for doc_id in project.document_ids():
            doc = project.document(doc_id)
            assert "event_list" not in doc.meta
            words = {e.id: doc.text[e.start : e.end] for e in project.entities(doc_id)}
            labels = sorted((doc.text[e.start : e.end], e.label) for e in project.entities(doc_id))
            events = [
                (
                    v.type,
                    doc.text[v.trigger_start : v.trigger_end],
                    sorted((a.role, words[a.entity_id]) for a in v.arguments),
                )
                for v in project.events(doc_id)
            ]
            got.append((doc.name, labels, events))
    assert got == [
        (
            "cba11b50",
            [("5月份", "时间"), ("900余人", "裁员人数")],
            [("组织关系-裁员", "裁员", [("时间", "5月份"), ("裁员人数", "900余人")])],
        ),
        (
            "en1",
            [("Gunmen", "Attacker"), ("Mosul", "Place")],  # the first Gunmen, nearest the trigger
            [("Conflict:Attack", "attacked", [("Attacker", "Gunmen"), ("Place", "Mosul")])],
        ),
    ]


def test_duee_words_not_at_their_offset_refuse_the_file_with_their_line(tmp_path, capsys):
    bad = {
        "text": EN,
        "id": "x",
        "event_list": [{"event_type": "A-B", "trigger": "attacked", "trigger_start_index": 8}],
    }
    src = tmp_path / "train.json"
    _write(src, [LINES[0], bad])
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 1
    err = capsys.readouterr().err
    assert "train.json:2: event 0 trigger: 'attacked' is not at 8 (DuEE's offsets, characters of the text)" in err, err
