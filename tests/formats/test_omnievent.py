"""OmniEvent's unified JSONL (``omnievent``), in and out, and MAVEN's own files in: fixtures of our own in the shapes
OmniEvent's conversions write (its data_processing README's TAC KBP line, the ACE2005-DyGIE/OneIE conversions'
``mention_id`` and ``"id": "NA"``, the MAVEN conversion's document id on every sentence)."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.errors import ImportFileError, OptionError
from annotator.formats.detect import detect_format
from annotator.formats.omnievent import read_omnievent
from annotator.schema import default_schema
from annotator.store import Project

from tests.formats.conftest import TEXTS, cli_export, places_exported, places_imported_back
from text_support import word_span

KBP_TEXT = "In 1997 , Chun was sentenced to life in prison and Roh to 17 years ."


def pos(text: str, word: str, nth: int = 0) -> list[int]:
    return list(word_span(text, word, nth))


def mention(text: str, word: str, mid: str, nth: int = 0) -> dict:
    return {"id": mid, "mention": word, "position": pos(text, word, nth)}


def negatives(text: str, skip: set[str]) -> list[dict]:
    words = [w for w in text.split() if w not in skip]
    out, at = [], 0
    for k, w in enumerate(words):
        at = text.index(w, at)
        out.append({"id": k, "trigger_word": w, "position": [at, at + len(w)]})
        at += len(w)
    return out


# a TAC KBP sentence as OmniEvent's README shows one: ACE's dotted types, PER, lower-case roles; "Roh" is an argument
# with no entity under it
KBP = {
    "id": "NYT_ENG_20130910.0002-6",
    "text": KBP_TEXT,
    "events": [
        {
            "type": "Justice.Sentence",
            "triggers": [
                {
                    "id": "em-2342",
                    "trigger_word": "sentenced",
                    "position": pos(KBP_TEXT, "sentenced"),
                    "arguments": [
                        {"role": "defendant", "mentions": [mention(KBP_TEXT, "Chun", "m-291")]},
                        {"role": "defendant", "mentions": [mention(KBP_TEXT, "Roh", "m-292")]},
                        {"role": "time-within", "mentions": [mention(KBP_TEXT, "1997", "m-290")]},
                    ],
                }
            ],
        }
    ],
    "negative_triggers": negatives(KBP_TEXT, {"sentenced"}),
    "entities": [
        {"type": "PER", "mentions": [mention(KBP_TEXT, "Chun", "m-291")]},
        {"type": "DATE", "mentions": [mention(KBP_TEXT, "1997", "m-290")]},
    ],
}

# ACE2005-DyGIE as OmniEvent converts it: "id" "NA" on every line, entity mentions with "mention_id", argument
# mentions without an id; an Instrument (one label, PRODUCT) with no entity under it
ACE_TEXT = "Rebels fired rockets at the base ."
ACE = {
    "id": "NA",
    "text": ACE_TEXT,
    "events": [
        {
            "type": "Conflict.Attack",
            "triggers": [
                {
                    "id": "NA",
                    "trigger_word": "fired",
                    "position": pos(ACE_TEXT, "fired"),
                    "arguments": [
                        {"role": "Attacker", "mentions": [{"mention": "Rebels", "position": pos(ACE_TEXT, "Rebels")}]},
                        {
                            "role": "Instrument",
                            "mentions": [{"mention": "rockets", "position": pos(ACE_TEXT, "rockets")}],
                        },
                    ],
                }
            ],
        }
    ],
    "entities": [
        {
            "id": "entity-0",
            "type": "PER",
            "mentions": [{"mention_id": "mention_0", "mention": "Rebels", "position": pos(ACE_TEXT, "Rebels")}],
        }
    ],
}


def write_lines(path, objs) -> None:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def spans(doc) -> list[tuple[str, str]]:
    return sorted((doc.text[e.start : e.end], e.label) for e in doc.entities)


def test_a_kbp_line_comes_in_with_the_schemas_names(tmp_path):
    path = tmp_path / "train.unified.jsonl"
    write_lines(path, [KBP])
    result = read_omnievent(path, default_schema())
    (doc,) = result.documents
    assert doc.text == KBP_TEXT and doc.name == "NYT_ENG_20130910.0002-6"
    assert result.schema is None  # the project's schema has every type once the names are matched
    assert spans(doc) == [("1997", "DATE"), ("Chun", "PERSON")]
    (event,) = doc.events
    assert (doc.text[event.trigger_start : event.trigger_end], event.type, event.state) == (
        "sentenced",
        "Justice:Sentence",
        "accepted",
    )
    keys = {e.key: doc.text[e.start : e.end] for e in doc.entities}
    assert sorted((role, keys[key]) for role, key in event.arguments) == [("Defendant", "Chun"), ("Time", "1997")]
    # "Roh" has no entity under it and its label cannot be told (the role takes four): the reason is given
    (why,) = [w for w in result.warnings if "'Roh'" in w]
    assert "argument Defendant of Justice:Sentence" in why and "the role takes PERSON, ORG, GPE, NORP" in why
    assert "no entity of 'entities' there" in why
    # negative triggers are not events, nor anything else: said in a note
    assert len(doc.events) == 1 and len(doc.entities) == 2
    assert any("15 negative triggers" in n and "not imported" in n for n in result.notes)
    # the tokens are the words (each negative trigger is one)
    starts, ends, sent_starts = doc.tokens
    assert [KBP_TEXT[s:e] for s, e in zip(starts, ends)] == KBP_TEXT.split() and sent_starts == [0]


def test_an_argument_with_no_entity_becomes_one_when_its_label_is_told(tmp_path):
    path = tmp_path / "train.unified.jsonl"
    write_lines(path, [ACE, ACE])
    result = read_omnievent(path, default_schema())
    assert len(result.documents) == 2  # "NA" names no document: each line is one
    doc = result.documents[0]
    assert doc.name == "train.unified.jsonl:1"
    assert spans(doc) == [("Rebels", "PERSON"), ("rockets", "PRODUCT")]
    (event,) = doc.events
    assert event.type == "Conflict:Attack" and sorted(r for r, _ in event.arguments) == ["Attacker", "Instrument"]
    assert any("'rockets'" in n and "kept as a new PRODUCT entity (the role's one label)" in n for n in result.notes)


def test_lines_of_one_id_are_one_document_and_coreference_is_reported(tmp_path):
    first, second = "Troops attacked the town .", "The attack killed two ."
    maven_like = [
        {
            "id": "doc1",
            "text": first,
            "events": [
                {
                    "type": "Attack",
                    "triggers": [{"id": "doc1-a", "trigger_word": "attacked", "position": pos(first, "attacked")}],
                }
            ],
            "negative_triggers": negatives(first, {"attacked"}),
        },
        {
            "id": "doc1",
            "text": second,
            "events": [
                {
                    "type": "Attack",  # MAVEN's coreferent mentions of one event: two triggers
                    "triggers": [
                        {"id": "doc1-b", "trigger_word": "attack", "position": pos(second, "attack")},
                        {"id": "doc1-c", "trigger_word": "killed", "position": pos(second, "killed")},
                    ],
                }
            ],
            "negative_triggers": negatives(second, {"attack", "killed"}),
        },
        {
            "id": "doc2",
            "text": "Nothing happened .",
            "events": [],
            "negative_triggers": negatives("Nothing happened .", set()),
        },
    ]
    path = tmp_path / "valid.unified.jsonl"
    write_lines(path, maven_like)
    result = read_omnievent(path, default_schema())
    doc1, doc2 = result.documents
    assert (doc1.name, doc1.text) == ("doc1", f"{first}\n{second}")
    assert doc1.tokens[2] == [0, len(first.split())]  # a sentence a line
    assert sorted(doc1.text[v.trigger_start : v.trigger_end] for v in doc1.events) == ["attack", "attacked", "killed"]
    assert result.schema is not None and list(result.schema.event_type_names) == ["Attack"]  # told from the file
    assert any("events of several triggers" in w and "(1)" in w for w in result.warnings)
    assert doc2.name == "doc2" and not doc2.events
    # each line its own document, or ids DOC-N joined
    assert len(read_omnievent(path, default_schema(), options={"documents": "line"}).documents) == 3
    numbered = [{**obj, "id": f"NYT-{k}"} for k, obj in enumerate(maven_like)]
    write_lines(path, numbered)
    assert len(read_omnievent(path, default_schema()).documents) == 3
    (joined,) = read_omnievent(path, default_schema(), options={"documents": "prefix"}).documents
    assert joined.name == "NYT" and joined.text.count("\n") == 2
    with pytest.raises(OptionError):
        read_omnievent(path, default_schema(), options={"documents": "sentence"})
    with pytest.raises(OptionError) as exc:  # the one wording every reader and the command line give
        read_omnievent(path, default_schema(), options={"sentences": "1"})
    assert str(exc.value).startswith("OmniEvent import takes the options documents, not 'sentences'")


def test_a_maven_document_is_read_as_its_unified_lines(tmp_path):
    maven = {
        "id": "2a0fde3d",
        "title": "Battle of Hastings",
        "content": [
            {"sentence": "The battle began at dawn.", "tokens": ["The", "battle", "began", "at", "dawn", "."]},
            {"sentence": "Harold was killed.", "tokens": ["Harold", "was", "killed", "."]},
        ],
        "events": [
            {
                "id": "e1",
                "type": "Attack",
                "type_id": 7,
                "mention": [
                    {"id": "m1", "trigger_word": "battle", "sent_id": 0, "offset": [1, 2]},
                    {"id": "m2", "trigger_word": "killed", "sent_id": 1, "offset": [2, 3]},
                ],
            }
        ],
        "negative_triggers": [{"id": "n1", "trigger_word": "dawn", "sent_id": 0, "offset": [4, 5]}],
    }
    path = tmp_path / "train.jsonl"
    write_lines(path, [maven])
    assert detect_format(path) == "omnievent"
    result = read_omnievent(path, default_schema())
    (doc,) = result.documents
    assert doc.name == "2a0fde3d" and doc.text == "The battle began at dawn .\nHarold was killed ."
    assert [doc.text[v.trigger_start : v.trigger_end] for v in doc.events] == ["battle", "killed"]
    assert doc.meta.get("title") == "Battle of Hastings"
    maven["events"][0]["mention"][1]["offset"] = [2, 9]
    write_lines(path, [maven])
    with pytest.raises(ImportFileError) as exc:
        read_omnievent(path, default_schema())
    assert "events 0 mention 1: 'offset' [2, 9] is not a token span of sentence 1 (4 tokens)" in str(exc.value)


def test_a_maven_arg_document_comes_in_with_its_arguments(tmp_path):
    text = "The tour supported her first two albums . It toured the United States and Canada ."
    doc_arg = {
        "id": "10e2",
        "title": "The Tour",
        "document": text,
        "events": [
            {
                "id": "EVENT_1",
                "type": "Supporting",
                "type_id": 42,
                "mention": [{"id": "m1", "trigger_word": "supported", "offset": pos(text, "supported")}],
                "argument": {
                    "Agent": [{"content": "The tour", "offset": pos(text, "The tour")}],
                    "Location": [{"entity_id": "ENTITY_us"}],
                    "Content": [],
                },
            }
        ],
        "entities": [
            {
                "id": "ENTITY_us",
                "type": "Location",
                "mention": [
                    {"id": "u1", "mention": "United States", "offset": pos(text, "United States")},
                    {"id": "u2", "mention": "Canada", "offset": pos(text, "Canada")},
                ],
            }
        ],
    }
    path = tmp_path / "train.jsonl"
    write_lines(path, [doc_arg])
    assert detect_format(path) == "omnievent"
    result = read_omnievent(path, default_schema())
    (doc,) = result.documents
    assert doc.name == "10e2" and doc.text == text and doc.meta.get("title") == "The Tour"
    # "The tour" is no entity: in the schema told from the file its role, filled by no entity, takes a label of its
    # name, so it comes in as an entity of it (session 12: it was left out, "the role takes no entity label");
    # MAVEN's Location is the news schema's LOC, which declares the word as an alias (session 21)
    assert spans(doc) == [("Canada", "LOC"), ("The tour", "Agent"), ("United States", "LOC")]
    (event,) = doc.events
    keys = {e.key: doc.text[e.start : e.end] for e in doc.entities}
    # the entity's mention nearest the trigger is the argument
    assert sorted((role, keys[key]) for role, key in event.arguments) == [
        ("Agent", "The tour"),
        ("Location", "United States"),
    ]
    assert any("'The tour'" in n and "kept as a new Agent entity" in n for n in result.notes)
    assert any("entity of several mentions (its mention nearest the trigger taken) (1)" in w for w in result.warnings)
    (how,) = [n for n in result.notes if "each document's text" in n]
    assert "1 MAVEN-ARG document: its 'document' text, one line" in how and "MAVEN document" not in how


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda o: o["events"][0]["triggers"][0].update(position=[18, 27]), "[18, 27] holds ' sentence'"),
        (lambda o: o["entities"][0]["mentions"][0].update(position=[60, 90]), "is not a span of the text"),
        (lambda o: o["events"][0]["triggers"][0].update(position=19), "'position' must be [start, end]"),
        (lambda o: o.update(events={"type": "x"}), "'events' must be a list"),
        (lambda o: o["events"][0].pop("type"), "events 0 needs a 'type'"),
        (lambda o: o.update(text=""), "'text' must be a non-empty string"),
    ],
)
def test_bad_lines_are_one_line_errors_naming_the_line(tmp_path, change, said):
    bad = json.loads(json.dumps(KBP))
    change(bad)
    path = tmp_path / "train.unified.jsonl"
    write_lines(path, [KBP, bad])
    with pytest.raises(ImportFileError) as exc:
        read_omnievent(path, default_schema())
    assert exc.value.line == 2 and said in str(exc.value) and "\n" not in str(exc.value)


def test_detected_and_told_apart_from_the_projects_own_export(tmp_path):
    path = tmp_path / "train.unified.jsonl"
    write_lines(path, [KBP])
    assert detect_format(path) == "omnievent"
    listed = tmp_path / "test.json"
    listed.write_text(json.dumps([ACE]), encoding="utf-8")
    assert detect_format(listed) == "omnievent"
    own = tmp_path / "own.jsonl"
    write_lines(
        own, [{"id": 1, "name": "a", "text": "x", "sha256": "0", "status": "new", "entities": [], "events": []}]
    )
    assert detect_format(own) is None


def export(project_path, out, *extra: str) -> str:  # type: ignore[no-untyped-def]
    return cli_export(project_path, "omnievent", out, *extra)


def test_export_writes_a_sentence_a_line_with_every_other_token_a_negative(sample, tmp_path):
    project, _ = sample
    project.close()
    out = tmp_path / "train.unified.jsonl"
    export(project.path, out)
    got = lines(out)
    kabul = [line for line in got if line["id"] == "kabul.txt"]
    assert len(kabul) == 2  # a sentence a line, each carrying its document's id
    first = kabul[0]
    text = first["text"]
    # the tokens, a space between them, as OmniEvent's conversions write a text (its models count words by split())
    assert text == "Gunmen killed three soldiers near Kabul on Friday \U0001f642 , officials said ."
    for line in got:  # every word is a negative trigger or in a trigger, and each negative is one word
        words = line["text"].split()
        negs = [n["trigger_word"] for n in line["negative_triggers"]]
        in_triggers = {tuple(t["position"]): t["trigger_word"] for v in line["events"] for t in v["triggers"]}
        assert sorted(negs + [w for t in in_triggers.values() for w in t.split()]) == sorted(words), line["text"]
        for n in line["negative_triggers"]:
            assert line["text"][slice(*n["position"])] == n["trigger_word"] and " " not in n["trigger_word"]
    killed = [t for v in first["events"] for t in v["triggers"]]
    assert {v["type"] for v in first["events"]} == {"Life:Die", "Conflict:Attack"}
    assert all(text[slice(*t["position"])] == t["trigger_word"] == "killed" for t in killed)
    die = next(v for v in first["events"] if v["type"] == "Life:Die")["triggers"][0]
    args = {a["role"]: [m["mention"] for m in a["mentions"]] for a in die["arguments"]}
    assert args == {"Agent": ["Gunmen"], "Victim": ["three soldiers"], "Place": ["Kabul"], "Time": ["Friday"]}
    for m in (m for e in first["entities"] for m in e["mentions"]):
        assert text[slice(*m["position"])] == m["mention"]
    words = [n["trigger_word"] for n in first["negative_triggers"]]
    assert "killed" not in words and words[:3] == ["Gunmen", "three", "soldiers"]
    assert [n["id"] for n in first["negative_triggers"]] == list(range(len(words)))
    second = kabul[1]
    assert second["text"].startswith("The attack") and second["events"][0]["triggers"][0]["position"] == [4, 10]
    assert second["negative_triggers"][0] == {"id": 0, "trigger_word": "The", "position": [0, 3]}


def test_export_unit_document_and_split(sample, tmp_path):
    project, _ = sample
    project.close()
    out = tmp_path / "docs.jsonl"
    export(project.path, out, "--option", "unit=document")
    got = {line["id"]: line for line in lines(out)}
    assert set(got) == set(TEXTS)
    meeting = got["meeting.txt"]
    assert meeting["text"] == " ".join(meeting["text"].split())  # both sentences in one line, a space between words
    assert meeting["text"].startswith("Angela Merkel met") and meeting["text"].endswith("$ 2 billion .")
    pay = next(v for v in meeting["events"] if v["type"] == "Transaction:Transfer-Money")["triggers"][0]
    assert meeting["text"][slice(*pay["position"])] == "pay"
    export(project.path, tmp_path / "s.jsonl", "--option", "split=train=0.5,dev=0.5", "--option", "seed=1")
    parts = sorted(p.name for p in tmp_path.glob("s.*.jsonl"))
    assert parts == ["s.dev.jsonl", "s.train.jsonl"]


@pytest.mark.slow
def test_export_then_import_into_a_new_project_round_trips(sample, tmp_path, capsys):
    project, _ = sample
    project.close()
    out = tmp_path / "a.jsonl"
    export(project.path, out)
    p2 = tmp_path / "p2.annotator"
    assert main(["import", str(p2), str(out)]) == 0  # told from the content
    again = tmp_path / "b.jsonl"
    export(p2, again)
    assert again.read_bytes() == out.read_bytes()
    with Project(p2, create=False) as p:
        assert sorted(p.document(d).name for d in p.document_ids()) == sorted(TEXTS)


def test_our_export_comes_back_onto_its_documents(tmp_path, capsys):
    p, doc, out = places_exported(tmp_path, "omnievent")
    assert [line["text"] for line in lines(out)] == [
        "Rebels attacked the convoy near Mosul .",
        "Troops moved to Safwan .",
    ]
    assert places_imported_back(p, doc, out) == [("Mosul", "added"), ("Safwan", "suggested")]


def test_positions_in_utf16_units_are_read_where_only_that_fits(tmp_path):
    text = "\U0001f642 Rebels attacked ."
    line = {
        "id": "t",
        "text": text,
        "events": [{"type": "Attack", "triggers": [{"id": "a", "trigger_word": "attacked", "position": [10, 18]}]}],
        "negative_triggers": [{"id": 0, "trigger_word": "Rebels", "position": [3, 9]}],
    }
    path = tmp_path / "u.unified.jsonl"
    write_lines(path, [line])
    result = read_omnievent(path, default_schema())
    (doc,) = result.documents
    (event,) = doc.events
    assert doc.text[event.trigger_start : event.trigger_end] == "attacked"
    assert any("2 positions read as UTF-16 units" in n for n in result.notes)


def test_a_token_holding_a_space_is_written_as_its_words():
    from annotator.formats.writing import FormatExportReport
    from annotator.formats.omnievent_out import record_to_omnievent
    from annotator.formats.tokens import DocTokens

    text = "New York  sleeps"
    toks = DocTokens([0, 8, 10], [8, 10, 16], [False, False, False], [0], True)  # "New York", a gap, "sleeps"
    entity = {"id": 1, "label": "GPE", "start": 0, "end": 8}
    rec = {"name": "d", "text": text, "entities": [entity], "events": [], "meta": {}}
    (line,) = record_to_omnievent(rec, toks, FormatExportReport(format="omnievent"))
    assert line["text"] == "New York sleeps"
    assert [n["trigger_word"] for n in line["negative_triggers"]] == ["New", "York", "sleeps"]
    assert line["negative_triggers"][2]["position"] == [9, 15]
    assert line["entities"][0]["mentions"][0] == {"id": "d-E0", "mention": "New York", "position": [0, 8]}


def test_a_reader_that_refuses_it_says_it_is_an_omnievent_file(tmp_path):
    from annotator.formats.detect import told_apart

    path = tmp_path / "train.unified.jsonl"
    write_lines(path, [KBP])
    assert told_apart(path) == ("an OmniEvent file", "--format omnievent")
