"""UIE's and Text2Event's sentence lines (``universal-ie/UIE``'s ``docs/DATASETS.md``: ``text``, ``tokens``, ``entity``,
``relation``, ``event`` by token ``offset`` lists, and the training targets ``record``, ``spot``, ``asoc``,
``spot_asoc``; JSON lines under a ``.json`` name). Session 32: a ``.jsonl`` was read as Prodigy, its entities,
relations and events dropped without a word; a ``.json`` skipped as "not an annotator JSON export". Our own lines, in
that shape."""

from __future__ import annotations

import json

import orjson

from annotator.cli import main
from annotator.formats.detect import detect_format
from annotator.store import Project

TOKENS = "Gunmen attacked a police station in Mosul on Friday , killing four officers .".split()


def _line(tokens: list[str] = TOKENS) -> dict:
    def at(*ks: int) -> dict:
        return {"offset": list(ks), "text": " ".join(tokens[k] for k in ks)}

    return {
        "text": " ".join(tokens),
        "tokens": tokens,
        "record": "<extra_id_0> <extra_id_0> attack <extra_id_5> attacked ...",
        "entity": [
            {"type": "person", **at(0)},
            {"type": "facility", **at(3, 4)},
            {"type": "geographical social political", **at(6)},
            {"type": "person", **at(12)},
        ],
        "relation": [{"type": "physical", "args": [{"type": "person", **at(0)}, {"type": "facility", **at(3, 4)}]}],
        "event": [
            {"type": "attack", **at(1), "args": [{"type": "attacker", **at(0)}, {"type": "place", **at(6)}]},
            {"type": "die", **at(10), "args": [{"type": "victim", **at(12)}, {"type": "time", **at(8)}]},
        ],
        "spot": ["attack", "die", "person"],
        "asoc": ["attacker", "place", "victim"],
        "spot_asoc": [{"span": "attacked", "label": "attack", "asoc": [["attacker", "Gunmen"]]}],
    }


def _write(path, lines: list[dict]) -> None:
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))


def test_uie_lines_come_in_with_their_entities_relations_and_events_under_either_name(tmp_path, capsys):
    for name in ("train.json", "train.jsonl"):
        src = tmp_path / name
        _write(src, [_line(), _line(["Rebels", *TOKENS[1:]])])
        assert detect_format(src) == "oneie"
        p = tmp_path / f"{name}.annotator"
        assert main(["import", str(p), str(src)]) == 0
        err = capsys.readouterr().err
        assert "UIE's training targets ('record', 'spot', 'asoc', 'spot_asoc'" in err, err
        assert "1 UIE argument span" not in err
        assert "UIE argument spans of no entity of their line, labelled by their role (2)" in err
        assert "geographical social political -> geographical_social_political (2)" in err
        with Project(p, create=False) as project:
            first = project.document_ids()[0]
            doc = project.document(first)
            assert doc.text == " ".join(TOKENS)
            ents = {e.id: (doc.text[e.start : e.end], e.label) for e in project.entities(first)}
            assert sorted(ents.values()) == [
                ("Friday", "TIME"),  # an argument of no entity: labelled by its role (matched to the schema's)
                ("Gunmen", "PERSON"),
                ("Mosul", "geographical_social_political"),
                ("officers", "PERSON"),
                ("police station", "FAC"),
            ]
            got = {
                (doc.text[v.trigger_start : v.trigger_end], v.type): sorted(
                    (a.role, ents[a.entity_id][0]) for a in v.arguments
                )
                for v in project.events(first)
            }
            assert got == {
                ("attacked", "attack"): [("attacker", "Gunmen"), ("place", "Mosul")],
                ("killing", "die"): [("time", "Friday"), ("victim", "officers")],
            }
    # out to OneIE: the same entities, events and relation
    out = tmp_path / "out.oneie.jsonl"
    assert main(["export", str(tmp_path / "train.json.annotator"), "-f", "oneie", "-o", str(out)]) == 0
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert [(m["entity_type"], m["text"]) for m in line["entity_mentions"]][:2] == [
        ("person", "Gunmen"),  # the file's spellings, as for any OneIE file
        ("facility", "police station"),
    ]
    assert [r["relation_type"] for r in line["relation_mentions"]] == ["physical"]
    assert [(v["event_type"], v["trigger"]["text"]) for v in line["event_mentions"]] == [
        ("attack", "attacked"),
        ("die", "killing"),
    ]


def test_a_uie_offset_outside_the_tokens_refuses_the_file_with_its_line(tmp_path, capsys):
    bad = _line()
    bad["event"][0]["args"][0]["offset"] = [99]
    src = tmp_path / "train.json"
    _write(src, [_line(), bad])
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 1
    err = capsys.readouterr().err
    assert "train.json:2: event 0 argument 0: 'offset' [99] is no list of indices of the line's 14 tokens" in err, err
    assert not (tmp_path / "p.annotator").exists()
