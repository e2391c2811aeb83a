"""The exports whose format has no place for a document's categories (brat, CoNLL, the Hugging Face tokens,
DyGIE++, OneIE, OmniEvent, WebAnno TSV) left them out without a word: a text classification's label brought by a
Label Studio task (the sentence-level ``choices`` of PaddleNLP UIE's guide), sent to brat and read back, was gone, the
summary silent. Each says the ones it leaves out, by document; the exports that hold them (doccano, Label Studio,
Prodigy, the DocBin, JSON) say nothing and write them (session 24, s24-realb). Our own task."""

from __future__ import annotations

import json

import pytest

from annotator import api
from annotator.formats.writing import CATEGORIES_LEFT_OUT_KIND

TEXT = "The service was good, but the price was too high."


@pytest.fixture
def project(tmp_path):  # type: ignore[no-untyped-def]
    value = {"start": 30, "end": 35, "text": "price", "labels": ["PRODUCT"]}
    result = [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": value},
        {"id": "c1", "from_name": "sentence", "to_name": "text", "type": "choices", "value": {"choices": ["negative"]}},
    ]
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [{"id": 2, "result": result}]}]))
    p = api.new_project(tmp_path / "p.annotator")
    api.import_files(p, [src], format="label_studio")
    return p


@pytest.mark.parametrize("fmt", ["brat", "conll", "hf", "dygiepp", "oneie", "wikievents", "omnievent", "webanno"])
def test_an_export_without_a_place_for_categories_says_it_left_them_out(project, tmp_path, fmt):
    report = api.export(project, tmp_path / f"out_{fmt}", fmt)
    assert [m for k, m in report.problems if k == CATEGORIES_LEFT_OUT_KIND] == ["task 1: negative"]
    assert "1 document category left out (the format has no place for them)" in report.summary()
    held = api.export(project, tmp_path / "out.jsonl", "doccano")  # one that writes them says nothing
    assert not [m for k, m in held.problems if k == CATEGORIES_LEFT_OUT_KIND]
