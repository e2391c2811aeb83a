"""WikiEvents' document lines (``doc_id``, ``tokens``, ``text``, ``sentences`` as ``[[[token, start, end], ...], text]``
pairs, ``entity_mentions`` and ``event_mentions`` by the document's token indices, arguments by ``entity_id``, KAIROS's
three-level event types). They were read as a OneIE line of one sentence: the text the line's ``text``, its sentences
run together ("Friday.\"Four"), said as "each sentence's text is its own ('sentence'), a line each"; every event type
told as a new one (``Life.Die.Unspecified`` beside the schema's ``Life:Die``); the whole ``sentences`` array kept in
the document's meta. Our own document, in the shape of the public files (gen-arg's ``data/wikievents``)."""

from __future__ import annotations

import re

import orjson
import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.oneie import read_oneie
from annotator.schema import parse_schema
from annotator.store import Project

SENTENCES = [
    "Gunmen attacked a police station in Mosul on Friday.",
    '"Four officers died in the blast," a spokesman said.',
    "The governor condemned the attack.",
]
GAP = 4  # the article's characters between two sentences, which the file does not hold


def _texts(day: str) -> list[str]:
    return [SENTENCES[0].replace("Friday", day), *SENTENCES[1:]]


def _document(doc_id: str, day: str = "Friday") -> dict:
    tokens: list[str] = []
    sentences = []
    at = 0
    for s in _texts(day):
        found = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", s)]
        sentences.append([[[t, at + a, at + b] for t, a, b in found], s])
        tokens += [t for t, _, _ in found]
        at += len(s) + GAP

    def where(word: str) -> int:
        return tokens.index(word)

    def ent(k: int, word: str, etype: str, sent: int) -> dict:
        s = where(word)
        return {
            "id": f"{doc_id}-T{k}",
            "sent_idx": sent,
            "start": s,
            "end": s + 1,
            "entity_type": etype,
            "mention_type": "UNK",
            "text": word,
        }

    def event(k: int, etype: str, word: str, sent: int, args: list[tuple[int, str, str]]) -> dict:
        s = where(word)
        arguments = [{"entity_id": f"{doc_id}-T{e}", "role": role, "text": text} for e, role, text in args]
        trigger = {"start": s, "end": s + 1, "text": word, "sent_idx": sent}
        return {"id": f"{doc_id}-E{k}", "event_type": etype, "trigger": trigger, "arguments": arguments}

    entities = [
        ent(1, "Gunmen", "PER", 0),
        ent(2, "station", "FAC", 0),
        ent(3, "Mosul", "GPE", 0),
        ent(4, "Four", "VAL", 1),
        ent(5, "officers", "PER", 1),
        ent(6, "spokesman", "PER", 1),
        ent(7, "governor", "PER", 2),
    ]
    events = [
        event(1, "Conflict.Attack.Unspecified", "attacked", 0, [(1, "Attacker", "Gunmen"), (3, "Place", "Mosul")]),
        event(2, "Life.Die.Unspecified", "died", 1, [(5, "Victim", "officers"), (3, "Place", "Mosul")]),
        event(3, "Conflict.Attack.DetonateExplode", "blast", 1, [(5, "Target", "officers")]),
        event(4, "Contact.Contact.Broadcast", "said", 1, [(6, "Communicator", "spokesman")]),
        # its attacker two sentences before it: WikiEvents' arguments are the document's
        event(5, "Conflict.Attack.Unspecified", "attack", 2, [(1, "Attacker", "Gunmen"), (2, "Target", "station")]),
    ]
    return {
        "doc_id": doc_id,
        "tokens": tokens,
        "text": "".join(_texts(day)),
        "sentences": sentences,
        "entity_mentions": entities,
        "relation_mentions": [],
        "event_mentions": events,
    }


def _write(path, docs: list[dict]) -> None:
    path.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))


def test_a_wikievents_document_comes_in_a_sentence_a_line_its_types_by_their_first_two_levels(tmp_path, capsys):
    src = tmp_path / "test.jsonl"
    _write(src, [_document("wiki_d1"), _document("wiki_d2", "Monday")])
    assert detect_format(src) == "oneie"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    said = (
        "event types read by their first two levels (the schema has none of all three; the third level kept for the OneIE and WikiEvents exports): "
        "Conflict.Attack.DetonateExplode (2), Conflict.Attack.Unspecified (4), Life.Die.Unspecified (2)"
    )
    assert err.count(said) == 1, err  # once a file
    assert "each sentence's text is its own ('sentences'), a line each; WikiEvents documents (2)" in err
    assert "Conflict.Attack -> Conflict:Attack (6), Life.Die -> Life:Die (2)" in err
    with Project(p, create=False) as project:
        names = []
        for doc_id, day in zip(project.document_ids(), ("Friday", "Monday")):
            doc = project.document(doc_id)
            names.append(doc.name)
            assert doc.text == "\n".join(_texts(day))
            assert "sentences" not in doc.meta
            ents = {e.id: (doc.text[e.start : e.end], e.label) for e in project.entities(doc_id)}
            assert sorted(ents.values()) == [
                ("Four", "VAL"),
                ("Gunmen", "PERSON"),
                ("Mosul", "GPE"),
                ("governor", "PERSON"),
                ("officers", "PERSON"),
                ("spokesman", "PERSON"),
                ("station", "FAC"),
            ]
            events = sorted(
                (
                    v.type,
                    doc.text[v.trigger_start : v.trigger_end],
                    sorted((a.role, ents[a.entity_id][0]) for a in v.arguments),
                )
                for v in project.events(doc_id)
            )
            assert events == [
                ("Conflict:Attack", "attack", [("Attacker", "Gunmen"), ("Target", "station")]),
                ("Conflict:Attack", "attacked", [("Attacker", "Gunmen"), ("Place", "Mosul")]),
                ("Conflict:Attack", "blast", [("Target", "officers")]),
                ("Contact.Contact.Broadcast", "said", [("Communicator", "spokesman")]),  # no Contact:Contact: told
                ("Life:Die", "died", [("Place", "Mosul"), ("Victim", "officers")]),
            ]
        assert names == ["wiki_d1", "wiki_d2"]
        assert project.schema.event_type("Contact.Contact.Broadcast") is not None


def test_a_schema_with_the_three_level_type_keeps_it(tmp_path):
    schema = parse_schema(
        """[schema]
name = "kairos"
version = 1
[[entity]]
name = "PER"
[[entity]]
name = "FAC"
[[entity]]
name = "GPE"
[[entity]]
name = "VAL"
[[event]]
name = "Conflict.Attack.Unspecified"
  [[event.role]]
  name = "Attacker"
  labels = ["PER"]
  [[event.role]]
  name = "Target"
  labels = ["FAC"]
"""
    )
    src = tmp_path / "test.jsonl"
    doc = _document("wiki_d1")
    doc["event_mentions"] = doc["event_mentions"][-1:]
    _write(src, [doc])
    got = read_oneie(src, schema)
    (read,) = got.documents
    assert read.text == "\n".join(SENTENCES)  # a sentence a line, with a schema of its own too
    assert [v.type for v in read.events] == ["Conflict.Attack.Unspecified"]
    assert not any("first two levels" in n for n in got.notes), got.notes


def test_sentences_that_are_not_the_lines_tokens_refuse_the_file_with_its_line(tmp_path):
    doc = _document("wiki_d1")
    doc["sentences"][1][0] = doc["sentences"][1][0][1:]  # a token left out of its sentence
    src = tmp_path / "test.jsonl"
    _write(src, [_document("wiki_d0"), doc])
    with pytest.raises(ImportFileError, match=r"test\.jsonl:2: 'sentences' must hold the line's 'tokens', in order"):
        read_oneie(src)


def _lines(path) -> list[dict]:
    return [orjson.loads(x) for x in path.read_bytes().splitlines()]


def _mentions(doc: dict) -> tuple[list, list]:
    """A WikiEvents line's entities and events, ids replaced by the spans they name."""
    at = {m["id"]: (m["start"], m["end"]) for m in doc["entity_mentions"]}
    ents = sorted((m["sent_idx"], m["start"], m["end"], m["entity_type"], m["text"]) for m in doc["entity_mentions"])
    events = sorted(
        (v["event_type"], v["trigger"]["sent_idx"], v["trigger"]["start"], v["trigger"]["end"],
         sorted((a["role"], at[a["entity_id"]]) for a in v["arguments"]))
        for v in doc["event_mentions"]
    )  # fmt: skip
    return ents, events


def test_the_third_level_goes_back_out_and_the_wikievents_export_keeps_arguments_across_sentences(tmp_path, capsys):
    # session 30: the third level was lost (the OneIE export wrote Conflict:Attack) and there was no WikiEvents export:
    # the OneIE export's sentence lines leave out the arguments in another sentence than the trigger, which is what
    # WikiEvents is for (document-level argument extraction)
    from annotator.edits import set_event_type

    src, p = tmp_path / "test.jsonl", tmp_path / "p.annotator"
    given = [_document("wiki_d1"), _document("wiki_d2", "Monday")]
    _write(src, given)
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "oneie", "-o", str(tmp_path / "o.json")]) == 0
    types = sorted({v["event_type"] for x in _lines(tmp_path / "o.json") for v in x["event_mentions"]})
    assert types == [
        "Conflict.Attack.DetonateExplode",
        "Conflict.Attack.Unspecified",
        "Contact.Contact.Broadcast",
        "Life.Die.Unspecified",
    ]
    capsys.readouterr()
    assert main(["export", str(p), "-f", "wikievents", "-o", str(tmp_path / "w.jsonl")]) == 0
    out = _lines(tmp_path / "w.jsonl")
    assert [x["doc_id"] for x in out] == ["wiki_d1", "wiki_d2"]
    for x, y in zip(given, out):
        assert y["tokens"] == x["tokens"]
        assert [s[1] for s in y["sentences"]] == [s[1] for s in x["sentences"]]
        assert all(y["text"][a:b] == t for s in y["sentences"] for t, a, b in s[0])  # offsets into its own text
        assert _mentions(y) == _mentions(x)  # the attacker two sentences before 'attack' too
    assert "outside the trigger's sentence" not in capsys.readouterr().out
    q = tmp_path / "q.annotator"  # read back (by the OneIE reader) and out again: the same file
    assert main(["import", str(q), str(tmp_path / "w.jsonl")]) == 0
    assert main(["export", str(q), "-f", "wikievents", "-o", str(tmp_path / "w2.jsonl")]) == 0
    assert (tmp_path / "w2.jsonl").read_bytes() == (tmp_path / "w.jsonl").read_bytes()
    with Project(p, create=False) as project:  # an event given another type goes out as that type
        first = project.document_ids()[0]
        blast = next(v for v in project.events(first) if v.trigger_end - v.trigger_start == len("blast"))
        set_event_type(project, blast.id, "Conflict:Demonstrate")
    assert main(["export", str(p), "-f", "wikievents", "-o", str(tmp_path / "w3.jsonl")]) == 0
    types = sorted(v["event_type"] for v in _lines(tmp_path / "w3.jsonl")[0]["event_mentions"])
    assert types == [
        "Conflict.Attack.Unspecified",
        "Conflict.Attack.Unspecified",
        "Conflict:Demonstrate",  # the schema's name, as the OneIE export writes it
        "Contact.Contact.Broadcast",
        "Life.Die.Unspecified",
    ]
