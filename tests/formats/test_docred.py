"""DocRED's documents (and Re-DocRED's: a JSON list of ``title``, ``sents`` of tokens, ``vertexSet`` (each entity the
list of its mentions ``{name, pos, sent_id, type}``) and ``labels`` (``{h, t, r, evidence}`` between entities)).
Session 32: such a file was refused as "'text' must be a non-empty string". Our own document, in that shape."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project

SENTS = ["Anna Berg founded Acme Corp in Berlin .".split(), "She left Acme in 1999 .".split()]


def _mention(name: str, sent: int, start: int, end: int, etype: str) -> dict:
    return {"name": name, "pos": [start, end], "sent_id": sent, "type": etype}


DOC = {
    "title": "Anna Berg",
    "sents": SENTS,
    "vertexSet": [
        [_mention("Anna Berg", 0, 0, 2, "PER"), _mention("She", 1, 0, 1, "PER")],
        [_mention("Acme Corp", 0, 3, 5, "ORG"), _mention("Acme", 1, 2, 3, "ORG")],
        [_mention("Berlin", 0, 6, 7, "LOC")],
        [_mention("1999", 1, 4, 5, "TIME")],
    ],
    "labels": [{"h": 1, "t": 0, "r": "P112", "evidence": [0]}, {"h": 1, "t": 2, "r": "P159", "evidence": [0]}],
}


def test_a_docred_document_comes_in_with_its_mentions_chains_and_relations(tmp_path, capsys):
    src = tmp_path / "train_annotated.json"
    src.write_text(json.dumps([DOC]), encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    assert "DocRED's entities of several mentions (2) kept as 2 coreference links" in err, err
    assert "DocRED relations between entities of several mentions, kept between their first mentions (2)" in err
    assert "DocRED relations' evidence (the sentences each rests on) (2)" in err
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        doc = project.document(doc_id)
        assert doc.name == "Anna Berg"
        assert doc.text == "Anna Berg founded Acme Corp in Berlin .\nShe left Acme in 1999 ."
        assert [(doc.text[e.start : e.end], e.label) for e in project.entities(doc_id)] == [
            ("Anna Berg", "PERSON"),
            ("Acme Corp", "ORG"),
            ("Berlin", "LOC"),
            ("She", "PERSON"),
            ("Acme", "ORG"),
            ("1999", "TIME"),
        ]
    out = tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(out)]) == 0
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    tokens = [t for s in line["sentences"] for t in s]
    said = lambda a, b: " ".join(tokens[a : b + 1])  # noqa: E731
    assert [[said(*m) for m in c] for c in line["clusters"]] == [["Anna Berg", "She"], ["Acme Corp", "Acme"]]
    assert [(said(a, b), said(c, d), r) for a, b, c, d, r in line["relations"][0]] == [
        ("Acme Corp", "Anna Berg", "P112"),
        ("Acme Corp", "Berlin", "P159"),
    ]


def test_a_docred_mention_outside_its_sentence_refuses_the_file_with_its_line(tmp_path, capsys):
    bad = json.loads(json.dumps(DOC))
    bad["vertexSet"][3][0]["pos"] = [4, 9]
    src = tmp_path / "train_annotated.json"
    src.write_text(json.dumps([bad]), encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 1
    err = capsys.readouterr().err
    assert "vertexSet 3 mention 0: 'pos' [4, 9] is not a span of sentence 1's 6 tokens" in err, err
