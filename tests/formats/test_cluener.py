"""CLUENER2020's lines (its ``train.json``: JSON lines of ``text`` and ``label``, each label's mentions by their words,
each a list of ``[start, end]`` character offsets, end inclusive; the Chinese NER sets converted to its shape).
Session 32: the ``label`` object went to the meta and every entity was lost without a word. Our own lines, in that
shape."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.store import Project

LINES = [
    {
        "text": "浙商银行企业信贷部叶老桂博士则从另一个角度进行了解读。",
        "label": {"name": {"叶老桂": [[9, 11]]}, "company": {"浙商银行": [[0, 3]]}},
    },
    {
        "text": "Anna Berg met Jan Kowalski in Berlin, then Anna Berg left.",
        "label": {
            "name": {"Anna Berg": [[0, 8], [43, 51]], "Jan Kowalski": [[14, 25]]},
            "address": {"Berlin": [[30, 35]]},
        },
    },
]


@pytest.mark.parametrize("name", ["train.json", "train.jsonl"])
def test_cluener_labels_come_in_as_entities(tmp_path, capsys, name):
    src = tmp_path / name
    src.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in LINES))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    assert "added to the new project's schema: company, name, address" in capsys.readouterr().err
    with Project(p, create=False) as project:
        got = []
        for doc_id in project.document_ids():
            doc = project.document(doc_id)
            assert "label" not in doc.meta
            got.append([(doc.text[e.start : e.end], e.label) for e in project.entities(doc_id)])
    assert got == [
        [("浙商银行", "company"), ("叶老桂", "name")],
        [("Anna Berg", "name"), ("Jan Kowalski", "name"), ("Berlin", "address"), ("Anna Berg", "name")],
    ]


def test_a_cluener_mention_whose_offsets_do_not_hold_its_words_refuses_the_file_with_its_line(tmp_path, capsys):
    bad = {"text": "Anna Berg met Jan Kowalski.", "label": {"name": {"Jan Kowalski": [[14, 26]]}}}  # exclusive end
    src = tmp_path / "train.json"
    src.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in [LINES[0], bad]))
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 1
    err = capsys.readouterr().err
    assert "train.json:2: label 'name': 'Jan Kowalski' is not at [14, 26] (CLUENER's offsets, end inclusive)" in err, (
        err
    )
