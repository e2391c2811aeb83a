"""TACRED's relation examples (and Re-TACRED's, TACREV's: a JSON list of ``id``, ``docid``, ``relation``, ``token``,
``subj_start``/``subj_end``/``obj_start``/``obj_end`` inclusive token indices, ``subj_type``, ``obj_type`` and CoreNLP's
tags). Session 32: such a file was refused as "'text' must be a non-empty string", naming neither what it is nor a way
in. Our own examples, in that shape."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project

ONE = "Boris Johnson , the prime minister of Britain -LRB- UK -RRB- , met Merkel .".split()
TWO = "Acme Corp was founded by Jan Kowalski in 1990 .".split()


def _example(i: str, docid: str, relation: str, tokens: list[str], subj, obj, types) -> dict:
    n = len(tokens)
    return {
        "id": i,
        "docid": docid,
        "relation": relation,
        "token": tokens,
        "subj_start": subj[0],
        "subj_end": subj[1],
        "obj_start": obj[0],
        "obj_end": obj[1],
        "subj_type": types[0],
        "obj_type": types[1],
        "stanford_pos": ["NNP"] * n,
        "stanford_ner": ["O"] * n,
        "stanford_head": [0] * n,
        "stanford_deprel": ["dep"] * n,
    }


EXAMPLES = [
    _example("e1", "APW_ENG_1", "per:title", ONE, (0, 1), (4, 5), ("PERSON", "TITLE")),
    _example("e2", "APW_ENG_1", "no_relation", ONE, (0, 1), (13, 13), ("PERSON", "PERSON")),  # the same sentence
    _example("e3", "NYT_2", "org:founded_by", TWO, (0, 1), (5, 6), ("ORGANIZATION", "PERSON")),
]


def test_tacred_examples_come_in_a_document_a_sentence_with_their_entities_and_relations(tmp_path, capsys):
    src = tmp_path / "train.json"
    src.write_text(json.dumps(EXAMPLES, indent=2), encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    assert "TACRED examples of no relation (its 'no_relation': their two entities kept, no relation) (1)" in err, err
    assert "TACRED examples of a sentence read before (another pair of its entities), added to its document (1)" in err
    assert "TACRED's part-of-speech tags, named entity tags and parses" in err
    with Project(p, create=False) as project:
        got = []
        for doc_id in project.document_ids():
            doc = project.document(doc_id)
            got.append((doc.name, doc.text, [(doc.text[e.start : e.end], e.label) for e in project.entities(doc_id)]))
    assert got == [
        (
            "e1",
            "Boris Johnson , the prime minister of Britain ( UK ) , met Merkel .",
            [("Boris Johnson", "PERSON"), ("prime minister", "TITLE"), ("Merkel", "PERSON")],
        ),
        ("e3", " ".join(TWO), [("Acme Corp", "ORG"), ("Jan Kowalski", "PERSON")]),
    ]
    out = tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "oneie", "-o", str(out)]) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    words = [{m["id"]: m["text"] for m in x["entity_mentions"]} for x in lines]
    assert [
        [(r["relation_type"], *(w[a["entity_id"]] for a in r["arguments"])) for r in x["relation_mentions"]]
        for x, w in zip(lines, words)
    ] == [[("per:title", "Boris Johnson", "prime minister")], [("org:founded_by", "Acme Corp", "Jan Kowalski")]]


def test_a_tacred_span_outside_its_tokens_refuses_the_file_with_its_line(tmp_path, capsys):
    bad = _example("e9", "X", "per:title", TWO, (0, 1), (9, 12), ("PERSON", "TITLE"))
    src = tmp_path / "train.json"
    src.write_text(json.dumps([EXAMPLES[0], bad]), encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 1
    err = capsys.readouterr().err
    assert "train.json:1: 'obj_start', 'obj_end' 9, 12 are not a span of the 10 tokens" in err, err  # its line
