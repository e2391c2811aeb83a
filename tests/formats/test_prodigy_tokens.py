"""A Prodigy task's own tokens are the document's tokens (they were not stored: the token exports cut such a document
again with the fallback, ``'s`` as ``'``, ``s``, and ``U.S.`` as ``U``, ``.``, ``S``, ``.``), as CoNLL's and a
DocBin's are. The task is our own, in the shape of Explosion's ner_manual answers (tokens with ``ws``)."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.formats.prodigy import read_prodigy
from annotator.store import Project

TEXT = "Merkel's U.S. visit ended.\nIt rained."


def tokens_of(text: str, words: list[str]) -> list[dict]:
    out, at = [], 0
    for k, w in enumerate(words):
        s = text.index(w, at)
        at = s + len(w)
        out.append({"text": w, "start": s, "end": at, "id": k, "ws": text[at : at + 1] == " "})
    return out


WORDS = ["Merkel", "'s", "U.S.", "visit", "ended", ".", "\n", "It", "rained", "."]
TASK = {
    "text": TEXT,
    "tokens": tokens_of(TEXT, WORDS),
    "spans": [
        {"start": 0, "end": 6, "label": "PERSON", "token_start": 0, "token_end": 0},
        {"start": 9, "end": 13, "label": "GPE", "token_start": 2, "token_end": 2},
    ],
    "answer": "accept",
    "_input_hash": 1,
    "_task_hash": 2,
}


def test_the_tasks_tokens_go_back_out_as_they_came(tmp_path):
    src = tmp_path / "answers.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        assert project.tokens(doc)[:2] == ([t["start"] for t in TASK["tokens"]], [t["end"] for t in TASK["tokens"]])
    assert main(["export", str(p), "-f", "prodigy", "-o", str(tmp_path / "out.jsonl")]) == 0
    (task,) = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert [(t["text"], t["start"], t["end"], t["ws"]) for t in task["tokens"]] == [
        (t["text"], t["start"], t["end"], t["ws"]) for t in TASK["tokens"]
    ]
    assert main(["export", str(p), "-f", "conll", "-o", str(tmp_path / "out.conll")]) == 0
    conll = (tmp_path / "out.conll").read_text()
    assert "'s -X- _ O\nU.S. -X- _ B-GPE\n" in conll
    assert "ended -X- _ O\n. -X- _ O\n\nIt -X- _ O\n" in conll  # the sentences cut after the full stop


def test_tokens_that_do_not_fit_the_text_are_said_and_cut_again(tmp_path):
    bad = {**TASK, "tokens": [{**t, "start": t["start"] + 1} if k == 3 else t for k, t in enumerate(TASK["tokens"])]}
    src = tmp_path / "answers.jsonl"
    src.write_bytes(orjson.dumps(bad) + b"\n")
    result = read_prodigy(src)
    (doc,) = result.documents
    assert doc.tokens is None
    assert any("token 3 does not fit the text" in w for w in result.warnings)


def test_an_option_chosen_for_a_span_is_said_as_such_not_as_a_category(tmp_path):
    # Prodigy's entity-linking answers (explosion/projects tutorials/nel_emerson's emerson_annotated_text.jsonl): one
    # span, options of knowledge-base ids, the chosen one in "accept"; it was reported as "document category 'Q1'"
    task = {
        "text": "Emerson won the cup.",
        "spans": [{"start": 0, "end": 7, "text": "Emerson", "label": "PERSON"}],
        "options": [{"id": "Q1", "html": "a tennis player"}, {"id": "Q2", "html": "a poet"}],
        "accept": ["Q1"],
        "answer": "accept",
        "_input_hash": 5,
    }
    src = tmp_path / "nel.jsonl"
    src.write_bytes(orjson.dumps(task) + b"\n")
    result = read_prodigy(src)
    assert not result.warnings  # session 20: kept for the Prodigy export (tests/formats/test_prodigy_entity_links.py)
    assert [n.split(": ", 1)[1] for n in result.notes if "entity link" in n] == [
        "'Q1' chosen for PERSON [0, 7) (an entity link) kept for the Prodigy export (the app does not show it)"
    ]
    assert [(e.start, e.end, e.label) for e in result.documents[0].entities] == [(0, 7, "PERSON")]


def test_a_span_text_its_tokens_contradict_is_kept_by_its_offsets(tmp_path):
    # vidosuba/slovak-NER prodigy/prodigy-data/annotations_06.jsonl: spans converted from a BERT model's output keep
    # the word piece as their "text" ("Zulu" on the token "Zuluovia", 399-407); Prodigy places a span by its offsets
    # and tokens, and the whole file (hundreds of articles) was refused over it. Our own task in that shape.
    text = "Zuluovia left Natal."
    words = ["Zuluovia", "left", "Natal", "."]
    task = {
        "text": text,
        "tokens": tokens_of(text, words),
        "spans": [
            {"text": "Zulu", "start": 0, "end": 8, "token_start": 0, "token_end": 0, "label": "NORP"},
            {"text": "Natal", "start": 14, "end": 19, "token_start": 2, "token_end": 2, "label": "GPE"},
        ],
        "answer": "accept",
        "_input_hash": 7,
    }
    src = tmp_path / "answers.jsonl"
    src.write_bytes(orjson.dumps(task) + b"\n")
    result = read_prodigy(src)
    assert [(e.start, e.end, e.label) for e in result.documents[0].entities] == [(0, 8, "NORP"), (14, 19, "GPE")]
    assert any("its text 'Zulu' is not the text at its offsets 'Zuluovia'" in n for n in result.notes)
    # without tokens that confirm them, such offsets are still refused, the file whole
    for wrong in ({"token_end": 1}, {"end": 7, "token_end": 0}):
        bad = {**task, "spans": [{**task["spans"][0], **wrong}, task["spans"][1]]}
        src.write_bytes(orjson.dumps(bad) + b"\n")
        assert main(["import", str(tmp_path / f"p{len(wrong)}{bad['spans'][0]['end']}.annotator"), str(src)]) == 1
