"""CoNLL-2012's OntoNotes files (``*.gold_conll``): ``#begin document (ID); part N``, a token a line in columns split by
spaces, the word 4th, the named entities 11th in brackets (``(PERSON*`` ... ``*)``, ``(GPE)``), Penn Treebank's
escapes (``-LRB-``, ``/.``). Session 30: ``.gold_conll`` was "unknown kind of file", and a ``.conll`` copy was refused
("no column of IOB tags"). Our own two documents, in the shape of the shared task's files."""

from __future__ import annotations

import json
import re

import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.conll_read import read_conll
from annotator.formats.detect import detect_format
from annotator.store import Project

# the columns: document, part, word number, word, POS, parse, lemma, frameset, sense, speaker, names, an SRL, coreference
ROWS = [
    ("Pierre", "(PERSON*", "(0"),
    ("Vinken", "*)", "0)"),
    (",", "*", "-"),
    ("61", "(DATE*", "-"),
    ("years", "*", "-"),
    ("old", "*)", "-"),
    ("-LRB-", "*", "-"),
    ("Dutch", "(NORP)", "-"),
    ("-RRB-", "*", "-"),
    ("joined", "*", "-"),
    ("Elsevier", "(ORG)", "-"),
    ("/.", "*", "-"),
]


def _document(doc: str, rows: list[tuple[str, str, str]]) -> str:
    lines = [f"#begin document ({doc}); part 000"]
    for k, (w, names, coref) in enumerate(rows):
        lines.append(f"{doc}   0   {k}   {w}   NN   *   -   -   -   -   {names}   *   {coref}")
    return "\n".join([*lines, "", "#end document", ""])


def _file(tmp_path, name: str = "wsj_0001.gold_conll"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    second = [("Mosul", "(GPE)", "-"), ("fell", "*", "-"), (".", "*", "-")]
    path.write_text(_document("nw/wsj/00/wsj_0001", ROWS) + _document("bn/cnn/01/cnn_0102", second), "utf-8")
    return path


@pytest.mark.parametrize("name", ["wsj_0001.gold_conll", "wsj_0001.v4_gold_conll", "train.conll", "train.txt"])
def test_an_ontonotes_file_comes_in_with_its_names_and_documents(tmp_path, capsys, name):
    path = _file(tmp_path, name)
    assert detect_format(path) == "conll"  # .gold_conll: None, "unknown kind of file"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    err = capsys.readouterr().err
    assert "read as CoNLL-2012 (OntoNotes)" in err and "predicate argument columns" in err
    with Project(p, create=False) as project:
        docs = [project.document(d) for d in project.document_ids()]
        assert [d.name for d in docs] == ["nw/wsj/00/wsj_0001 part 000", "bn/cnn/01/cnn_0102 part 000"]
        assert docs[0].text == "Pierre Vinken , 61 years old ( Dutch ) joined Elsevier ."  # the escapes read
        got = [
            [(d.text[e.start : e.end], e.label) for e in project.entities(doc_id)]
            for doc_id, d in zip(project.document_ids(), docs)
        ]
    assert got == [
        [("Pierre Vinken", "PERSON"), ("61 years old", "DATE"), ("Dutch", "NORP"), ("Elsevier", "ORG")],
        [("Mosul", "GPE")],
    ]


def test_a_name_that_does_not_close_refuses_the_file_with_its_line(tmp_path):
    path = tmp_path / "bad.gold_conll"
    rows = [("Pierre", "(PERSON*", "-"), ("Vinken", "*", "-"), ("Acme", "(ORG*", "-"), ("Corp", "*)", "-")]
    path.write_text(_document("d", rows), "utf-8")
    with pytest.raises(ImportFileError, match=r"bad\.gold_conll:4: a name opens inside 'PERSON'"):
        read_conll(path)


def test_the_coreference_column_s_chains_among_named_entities_are_kept(tmp_path, capsys):
    """Session 30 left the last column unread ("coreference columns" not kept): OntoNotes' chains of names ("Pierre
    Vinken" ... "Vinken") went to no export. Now the chains among named entities are kept as the project keeps chains
    (out as DyGIE++'s clusters), the mentions that are no name said."""
    rows = [
        ("Pierre", "(PERSON*", "(0"),
        ("Vinken", "*)", "0)"),
        ("joined", "*", "-"),
        ("Elsevier", "(ORG)", "(1)"),
        (".", "*", "-"),
        ("Vinken", "(PERSON)", "(0)"),
        ("said", "*", "-"),
        ("he", "*", "(0)"),
        ("liked", "*", "-"),
        ("the", "*", "(1|(2"),
        ("firm", "*", "1)|2)"),
        ("/.", "*", "-"),
    ]
    path = tmp_path / "wsj_0001.gold_conll"
    path.write_text(_document("nw/wsj/00/wsj_0001", rows), "utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    err = capsys.readouterr().err
    assert (
        "which mentions corefer (CoNLL-2012's coreference column, among the named entities) kept as 1 coreference link"
        in err
    ), err
    assert "3 coreference mentions on words that are no named entity" in err
    assert "coreference columns" not in err
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(tmp_path / "d.jsonl")]) == 0
    line = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8"))
    tokens = [t for s in line["sentences"] for t in s]
    assert [[" ".join(tokens[a : b + 1]) for a, b in c] for c in line["clusters"]] == [["Pierre Vinken", "Vinken"]]


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("(0", ":3: a coreference mention of chain 0 not closed"),
        ("0)", ":2: a coreference mention of chain 0 closes, never opened"),
        ("x0", ":2: the coreference column's 'x0' is not '(N', 'N)', '(N)' or '-'"),
        ("7", ":2: the coreference column's '7' has no bracket"),
    ],
)
def test_a_coreference_cell_that_cannot_be_read_refuses_the_file_with_its_line(tmp_path, cell, said):
    path = tmp_path / "bad.gold_conll"
    path.write_text(_document("d", [("Pierre", "(PERSON)", cell)]), "utf-8")
    with pytest.raises(ImportFileError, match=re.escape(said)):
        read_conll(path)
