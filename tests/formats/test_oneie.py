"""OneIE's JSON lines (ACE05-E, ERE-EN as OneIE's preprocessing writes them, and DEGREE, TextEE and others after it:
a sentence a line with ``doc_id``, ``tokens``, ``sentence``, ``entity_mentions``, ``relation_mentions`` and
``event_mentions`` whose arguments name their entity by ``entity_id``). Such a file could not be imported at all: a
``.json`` was "not valid JSON" (several objects) and a ``.jsonl`` was taken for Prodigy's (its ``tokens``) and refused
("'text' must be a non-empty string"). Our own lines, in the shape of the public files."""

from __future__ import annotations

import json

import orjson
import pytest

from project_support import new_project
from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.oneie import read_oneie
from annotator.store import Project

T1 = ["Rebels", "attacked", "a", "convoy", "near", "Kabul", "on", "Monday", "."]
T2 = ["Two", "soldiers", "were", "killed", "."]


def _ent(eid: str, tokens: list[str], start: int, end: int, etype: str, mention: str = "NOM") -> dict:
    text = " ".join(tokens[start:end])
    return {"id": eid, "text": text, "entity_type": etype, "mention_type": mention, "start": start, "end": end}


def _lines(sentence_2: str = "Two soldiers were killed.") -> list[dict]:
    e1 = [
        {**_ent("D1-E1-1", T1, 0, 1, "PER"), "entity_subtype": "Group"},
        _ent("D1-E2-1", T1, 3, 4, "VEH"),
        _ent("D1-E3-1", T1, 5, 6, "GPE", "NAM"),
    ]
    arg = [{"entity_id": "D1-E2-1", "text": "convoy", "role": "Arg-1"}, {"entity_id": "D1-E3-1", "role": "Arg-2"}]
    attack = {
        "id": "D1-EV1-1",
        "event_type": "Conflict:Attack",
        "trigger": {"text": "attacked", "start": 1, "end": 2},
        "arguments": [
            {"entity_id": "D1-E1-1", "text": "Rebels", "role": "Attacker"},
            {"entity_id": "D1-E2-1", "text": "convoy", "role": "Target"},
            {"entity_id": "D1-E3-1", "text": "Kabul", "role": "Place"},
        ],
    }
    die = {
        "id": "D1-EV2-1",
        "event_type": "Life:Die",
        "trigger": {"text": "killed", "start": 3, "end": 4},
        "arguments": [{"entity_id": "D1-E4-1", "text": "Two soldiers", "role": "Victim"}],
    }
    return [
        {
            "doc_id": "D1",
            "sent_id": "D1-0",
            "tokens": T1,
            "pieces": [t.lower() for t in T1],
            "token_lens": [1] * len(T1),
            "sentence": "Rebels attacked a convoy near Kabul on Monday.",
            "entity_mentions": e1,
            "relation_mentions": [{"id": "D1-R1-1", "relation_type": "PHYS", "arguments": arg}],
            "event_mentions": [attack],
        },
        {
            "doc_id": "D1",
            "sent_id": "D1-1",
            "tokens": T2,
            "sentence": sentence_2,
            "entity_mentions": [_ent("D1-E4-1", T2, 0, 2, "PER")],
            "relation_mentions": [],
            "event_mentions": [die],
        },
    ]


def _write(path, lines) -> None:
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))


@pytest.mark.parametrize("name", ["train.oneie.json", "dev.jsonl"])
def test_a_oneie_file_is_told_and_comes_in_with_its_events_on_its_sentences_text(tmp_path, capsys, name):
    src = tmp_path / name
    _write(src, _lines())
    assert detect_format(src) == "oneie"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    assert "read as OneIE" in err and "mention types (NAM, NOM, PRO) (4)" not in err  # kept now: they were lost
    assert "the mention types (NAM, NOM, PRO) and entity subtypes of 4 entities are kept for the OneIE export" in err
    assert "names matched to the schema's (news): PER -> PERSON (2), VEH -> PRODUCT (1)" in err
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        doc = project.document(doc_id)
        assert (doc.name, doc.text) == (
            "D1",
            "Rebels attacked a convoy near Kabul on Monday.\nTwo soldiers were killed.",
        )
        ents = {e.id: (doc.text[e.start : e.end], e.label, e.state, e.source) for e in project.entities(doc_id)}
        events = sorted(
            (
                v.type,
                doc.text[v.trigger_start : v.trigger_end],
                sorted((a.role, ents[a.entity_id][0]) for a in v.arguments),
            )
            for v in project.events(doc_id)
        )
        assert doc.meta["dygiepp"]["relations"] == [
            {"type": "PHYS", "from": [18, 24, "PRODUCT"], "to": [30, 35, "GPE"]}
        ]
    assert sorted(ents.values()) == [
        ("Kabul", "GPE", "accepted", "oneie"),
        ("Rebels", "PERSON", "accepted", "oneie"),
        ("Two soldiers", "PERSON", "accepted", "oneie"),
        ("convoy", "PRODUCT", "accepted", "oneie"),
    ]
    assert events == [
        ("Conflict:Attack", "attacked", [("Attacker", "Rebels"), ("Place", "Kabul"), ("Target", "convoy")]),
        ("Life:Die", "killed", [("Victim", "Two soldiers")]),
    ]


def test_a_sentence_whose_tokens_are_not_in_its_text_is_made_of_its_tokens_and_it_is_said(tmp_path):
    src = tmp_path / "a.oneie.json"
    _write(src, _lines(sentence_2="Two soldiers were shot."))  # its tokens changed on the way: not its text
    got = read_oneie(src)
    (doc,) = got.documents
    assert doc.text == "Rebels attacked a convoy near Kabul on Monday.\nTwo soldiers were killed ."
    assert any("1 sentence of 2 kept their own text ('sentence')" in n for n in got.notes), got.notes


def test_an_argument_naming_no_entity_of_its_line_refuses_the_file_with_its_line(tmp_path):
    lines = _lines()
    lines[1]["event_mentions"][0]["arguments"][0]["entity_id"] = "D1-E9-9"
    src = tmp_path / "a.oneie.json"
    _write(src, lines)
    with pytest.raises(ImportFileError, match=r"a\.oneie\.json:2: event_mentions 0 argument 0: no entity 'D1-E9-9'"):
        read_oneie(src)


def test_a_oneie_file_goes_out_to_dygiepp_with_its_relation(tmp_path):
    src = tmp_path / "train.oneie.json"
    _write(src, _lines())
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(out), "--option", "names=aliases"]) == 0
    (line,) = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert line["sentences"] == [T1, T2]
    assert line["ner"] == [[[0, 0, "PER"], [3, 3, "VEH"], [5, 5, "GPE"]], [[9, 10, "PER"]]]
    assert line["events"] == [
        [[[1, "Conflict.Attack"], [0, 0, "Attacker"], [3, 3, "Target"], [5, 5, "Place"]]],
        [[[12, "Life.Die"], [9, 10, "Victim"]]],
    ]
    assert line["relations"] == [[[3, 3, 5, 5, "PHYS"]], []]


def _shape(lines: list[dict]) -> list[tuple]:
    """What a OneIE line says, ids resolved away: its tokens and text, mentions, events and relations."""
    out = []
    for x in lines:
        words = {m["id"]: m["text"] for m in x["entity_mentions"]}
        out.append(
            (
                x["doc_id"],
                x["sent_id"],
                x["tokens"],
                x["sentence"],
                sorted((m["start"], m["end"], m["entity_type"]) for m in x["entity_mentions"]),
                sorted(
                    (
                        v["event_type"],
                        v["trigger"]["start"],
                        v["trigger"]["end"],
                        sorted((a["role"], words[a["entity_id"]]) for a in v["arguments"]),
                    )
                    for v in x["event_mentions"]
                ),
                sorted(
                    (r["relation_type"], *(words[a["entity_id"]] for a in r["arguments"]))
                    for r in x["relation_mentions"]
                ),
            )
        )
    return out


def test_a_oneie_file_goes_out_to_oneie_as_it_came_and_again_the_same(tmp_path, capsys):
    src = tmp_path / "train.oneie.json"
    _write(src, _lines())
    p, q = tmp_path / "p.annotator", tmp_path / "q.annotator"
    out, again = tmp_path / "out.oneie.json", tmp_path / "again.oneie.json"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "oneie", "-o", str(out), "--option", "names=aliases"]) == 0
    back = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert _shape(back) == _shape(_lines())  # ACE's names back: PER, VEH; Conflict:Attack as the schema spells it
    # each mention's type and subtype back (they went out as UNK, the subtype dropped)
    kinds = [(m["text"], m["mention_type"], m.get("entity_subtype")) for x in back for m in x["entity_mentions"]]
    assert kinds == [
        ("Rebels", "NOM", "Group"),
        ("convoy", "NOM", None),
        ("Kabul", "NAM", None),
        ("Two soldiers", "NOM", None),
    ]
    assert main(["import", str(q), str(out)]) == 0
    assert main(["export", str(q), "-f", "oneie", "-o", str(again), "--option", "names=aliases"]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_what_oneie_cannot_hold_is_left_out_and_said(tmp_path):
    from annotator.formats.oneie_out import write_oneie
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents

    text = "Rebels attacked Kabul. Two soldiers died there."
    at = text.index
    with new_project(tmp_path / "p.annotator", annotator="t") as project:
        import_documents(
            project,
            [
                IncomingDocument(
                    text=text,
                    name="d",
                    entities=[
                        IncomingEntity(1, 0, 6, "PERSON"),
                        IncomingEntity(2, at("Kabul"), at("Kabul") + 5, "GPE"),
                        IncomingEntity(3, at("Kabul"), at("Two") + 3, "GPE"),  # across the sentence end
                        IncomingEntity(4, at("Two"), at("Two") + 12, "PERSON"),
                    ],
                    events=[IncomingEvent("Life:Die", at("died"), at("died") + 4, {}, [("Victim", 4), ("Place", 2)])],
                )
            ],
        )
        report = write_oneie(project, tmp_path / "out.oneie.json")
    first, second = [orjson.loads(x) for x in (tmp_path / "out.oneie.json").read_bytes().splitlines()]
    assert (first["sentence"], second["sentence"]) == ("Rebels attacked Kabul.", "Two soldiers died there.")
    assert [m["text"] for m in first["entity_mentions"]] == ["Rebels", "Kabul"]
    (die,) = second["event_mentions"]
    assert [(a["role"], a["text"]) for a in die["arguments"]] == [("Victim", "Two soldiers")]
    summary = report.summary()
    assert "1 span left out (cross a sentence boundary)" in summary
    assert "1 argument left out (outside the trigger's sentence)" in summary


def test_a_textee_line_with_its_text_and_lang_comes_in_on_its_text_and_goes_back_with_them(tmp_path):
    """TextEE's processed data (the same lines, ``wnd_id``, the instance's plain ``text`` and ``lang`` in place of
    ``sentence``; both required by its loader): its text was rebuilt from the tokens (``Google .``) and the export
    wrote neither ``text`` nor ``lang``, so TextEE could not read it back."""
    from annotator.formats.oneie_out import write_oneie

    tokens = ["James", "will", "start", "his", "first", "job", "at", "Google", "in", "June", "."]
    line = {
        "doc_id": "DOC101",
        "wnd_id": "DOC101-2",
        "text": "James will start his first job at Google in June.",
        "lang": "en",
        "tokens": tokens,
        "entity_mentions": [
            {"id": "DOC101-2-E0", "entity_type": "PER", "text": "James", "start": 0, "end": 1},
            {"id": "DOC101-2-E1", "entity_type": "ORG", "text": "Google", "start": 7, "end": 8},
        ],
        "event_mentions": [
            {
                "id": "DOC101-2-EV0",
                "event_type": "Personnel:Start-Position",
                "trigger": {"text": "start", "start": 2, "end": 3},
                "arguments": [
                    {"entity_id": "DOC101-2-E0", "role": "Person", "text": "James", "start": 0, "end": 1},
                    {"entity_id": "DOC101-2-E1", "role": "Entity", "text": "Google", "start": 7, "end": 8},
                ],
            }
        ],
        "relation_mentions": [],
    }
    src = tmp_path / "train.json"
    _write(src, [line])
    with new_project(tmp_path / "p.annotator", annotator="t") as project:
        from annotator.formats.loading import import_format

        import_format(project, "oneie", [src])
        (doc_id,) = project.document_ids()
        assert project.document(doc_id).text == line["text"]
        write_oneie(project, tmp_path / "out.json")
    (back,) = [orjson.loads(x) for x in (tmp_path / "out.json").read_bytes().splitlines()]
    assert (back["wnd_id"], back["text"], back["lang"], back["tokens"]) == ("DOC101-2", line["text"], "en", tokens)
    (event,) = back["event_mentions"]
    assert [(a["role"], a["text"]) for a in event["arguments"]] == [("Person", "James"), ("Entity", "Google")]


@pytest.mark.parametrize("fmt", ["oneie", "dygiepp"])
def test_a_training_file_past_one_documents_limit_is_read_as_the_file_it_is(tmp_path, fmt):
    """A file of many documents is held to the file's limit (200 M characters, as the project's own JSONL), each
    document to its own: a 20.6 MB OneIE export of 1,000 documents (bench/formats.py's) was refused as "too large:
    20,586,552 characters (the limit is 20,000,000)", the limit of one document's text, and so was any DyGIE++,
    Prodigy, doccano, Label Studio, CoNLL or WebAnno file past it. Here a line whose word pieces, not kept, pass it."""
    from annotator.formats.dygiepp import read_dygiepp
    from annotator.importing import MAX_TEXT_CHARS

    line = (
        {**_lines()[1], "pieces": ["x" * (MAX_TEXT_CHARS + 1)]}
        if fmt == "oneie"
        else {
            "doc_key": "d",
            "sentences": [T2],
            "ner": [[[0, 1, "PER"]]],
            "_sentence_start": "x" * (MAX_TEXT_CHARS + 1),
        }
    )
    src = tmp_path / f"big.{fmt}.json"
    _write(src, [line])
    (doc,) = (read_oneie if fmt == "oneie" else read_dygiepp)(src).documents
    assert doc.text.replace("\n", " ").startswith("Two soldiers were killed")


def test_an_ace2005_preprocessing_file_comes_in_with_its_events(tmp_path, capsys):
    """nlpcl-lab/ace2005-preprocessing writes a JSON array of sentences with ``golden_entity_mentions`` and
    ``golden_event_mentions`` (types ``PER:Individual``, arguments by their span; its sample ends a one-token mention
    inclusively, ``"He"`` 0-0, a longer one exclusively): it was "not an annotator JSON export". Our own sentence in
    that shape."""
    tokens = ["She", "met", "the", "two", "ministers", "."]
    sentence = {
        "sentence": "She met the two ministers.",
        "tokens": tokens,
        "pos-tag": ["PRP", "VBD", "DT", "CD", "NNS", "."],
        "golden_entity_mentions": [
            {"text": "She", "entity_type": "PER:Individual", "start": 0, "end": 0},
            {"text": "the two ministers", "entity_type": "PER:Group", "start": 2, "end": 5},
        ],
        "golden_event_mentions": [
            {
                "trigger": {"text": "met", "start": 1, "end": 1},
                "arguments": [
                    {"role": "Entity", "entity_type": "PER:Individual", "text": "She", "start": 0, "end": 0},
                    {"role": "Entity", "entity_type": "PER:Group", "text": "the two ministers", "start": 2, "end": 5},
                ],
                "event_type": "Contact:Meet",
            }
        ],
        "parse": "(ROOT (S (NP (PRP She)) (VP (VBD met))))",
    }
    src = tmp_path / "sample.json"
    src.write_text(json.dumps([sentence], indent=2), encoding="utf-8")
    assert detect_format(src) == "oneie"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    assert "part-of-speech tags and parses (pos-tag, parse) (1)" in err and "entity subtypes (" not in err
    assert "entity subtypes of 2 entities are kept for the OneIE export" in err  # Individual, Group: were lost
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        text = project.document(doc_id).text
        ents = {e.id: (text[e.start : e.end], e.label) for e in project.entities(doc_id)}
        (event,) = project.events(doc_id)
    assert text == "She met the two ministers."
    assert (event.type, text[event.trigger_start : event.trigger_end]) == ("Contact:Meet", "met")
    assert sorted(ents[a.entity_id] for a in event.arguments) == [("She", "PERSON"), ("the two ministers", "PERSON")]


def test_an_argument_span_with_no_entity_names_oneies_own_key_of_entities(tmp_path):
    """The reason an argument on no entity is not kept named DyGIE++'s key ('no entity of 'ner' there') in a OneIE
    file, which has none of that name."""
    from annotator.schema import default_schema

    line = {
        "doc_id": "d",
        "sent_id": "d-0",
        "tokens": ["Police", "arrested", "Roh", "."],
        "entity_mentions": [{"id": "d-0-E0", "entity_type": "PER", "start": 0, "end": 1}],
        "event_mentions": [
            {
                "event_type": "Justice:Arrest-Jail",
                "trigger": {"start": 1, "end": 2, "text": "arrested"},
                "arguments": [{"role": "Person", "start": 2, "end": 3}],
            }
        ],
    }
    path = tmp_path / "train.oneie.json"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = read_oneie(path, default_schema())
    (how,) = [n for n in result.notes if "'Roh'" in n]  # kept as a new PERSON entity, the role's one label
    assert "no entity of 'entity_mentions' there" in how and "'ner'" not in how
