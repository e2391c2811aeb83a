"""spaCy's ``Doc.to_json()`` output, as people dump a pipeline's Docs (a line each, or one list): ``text``, ``tokens``
of character ``start``/``end`` without their text, ``ents``, ``sents``, ``spans`` groups, ``cats``. Session 31: a line
of them was read as a Prodigy task (for its ``tokens``) and a list as the project's own documents: the texts in, every
entity lost without a word. Our own Docs, made with spaCy's ``Doc.to_json``."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.spacy_read import read_spacy
from annotator.store import Project

TEXT = "Angela Merkel visited Paris on Monday. She met Macron."


def _doc_json(**extra: object) -> dict:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    words = ["Angela", "Merkel", "visited", "Paris", "on", "Monday", ".", "She", "met", "Macron", "."]
    spaces = [True, True, True, True, True, False, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, sent_starts=[True] + [False] * 6 + [True] + [False] * 3)
    doc.ents = [Span(doc, 0, 2, "PER"), Span(doc, 3, 4, "GPE"), Span(doc, 5, 6, "DATE"), Span(doc, 9, 10, "PERSON")]
    doc.cats = {"POLITICS": 1.0}
    return {**doc.to_json(), **extra}


@pytest.mark.parametrize("name", ["docs.jsonl", "docs.json"])
def test_docs_as_to_json_writes_them_come_in_with_their_entities_and_sentences(tmp_path, capsys, name):
    path = tmp_path / name
    one = _doc_json()
    path.write_bytes(orjson.dumps(one) + b"\n" if name.endswith("l") else orjson.dumps([one]))
    assert one["text"] == TEXT
    assert detect_format(path) == "spacy"  # prodigy (its tokens), or None: the project's own
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}: read as spaCy Docs (Doc.to_json)" in err, err
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        got = [(TEXT[e.start : e.end], e.label) for e in project.entities(doc_id)]
        assert got == [("Angela Merkel", "PERSON"), ("Paris", "GPE"), ("Monday", "DATE"), ("Macron", "PERSON")]
        assert project.document(doc_id).meta["cats"] == {"POLITICS": 1.0}
        tokens = project.tokens(doc_id)
    assert tokens is not None and tokens[2] == [0, 7]  # the Doc's own sentences, kept as its tokens


def test_custom_attributes_are_said_and_a_bad_doc_refuses_with_its_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(orjson.dumps(_doc_json(_={"source": "x"})) + b"\n")
    result = read_spacy(path)
    assert any("the custom attributes ('_') of 1 Doc" in w for w in result.warnings), result.warnings
    bad = _doc_json()
    bad["ents"] = [{"start": 0, "end": 3, "label": "PER"}]  # not on the tokens' edges
    path.write_bytes(orjson.dumps(_doc_json()) + b"\n" + orjson.dumps(bad) + b"\n")
    with pytest.raises(ImportFileError, match=r"docs\.jsonl:2: not a spaCy Doc as Doc\.to_json\(\) writes it"):
        read_spacy(path)


def test_a_prodigy_task_with_tokens_stays_prodigy(tmp_path):
    path = tmp_path / "tasks.jsonl"
    token = {"text": "Anna", "start": 0, "end": 4, "id": 0}
    path.write_bytes(orjson.dumps({"text": "Anna", "tokens": [token], "spans": [], "answer": "accept"}) + b"\n")
    assert detect_format(path) == "prodigy"


@pytest.mark.parametrize("name", ["displacy.jsonl", "displacy.json"])
def test_displacys_manual_ents_come_in_as_entities(tmp_path, name):
    # displaCy's manual input ({"text", "ents": [{"start", "end", "label"}], "title"}), as tutorials save what they
    # render: the ents went to the meta and the entities were lost without a word
    path = tmp_path / name
    one = {
        "text": "But Google is starting from behind.",
        "ents": [{"start": 4, "end": 10, "label": "ORG"}],
        "title": None,
    }
    path.write_bytes(orjson.dumps(one) + b"\n" if name.endswith("l") else orjson.dumps([one]))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        assert [(e.start, e.end, e.label) for e in project.entities(doc_id)] == [(4, 10, "ORG")]
        assert "ents" not in project.document(doc_id).meta
