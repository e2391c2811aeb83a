"""Standard input holding a CSV (doccano's text classification upload, Label Studio's CSV export) or doccano's fastText
lines (session 29): its kind was told from its first line as JSON or else a plain text, so ``cat labelled.csv |
annotator import P -`` stored the CSV itself as one document, and ``-f doccano`` refused it as "not valid JSON"
(the spool was named ``stdin.jsonl``). Our own rows."""

from __future__ import annotations

import io
import json
import sys

import pytest

from annotator.categories import CATEGORIES
from annotator.formats.stdin_spool import stdin_suffix
from annotator.store import Project

CSV = 'text;label\r\n"Zoë won; then left.";sport\r\nBoris Johnson met Zoë.;politics\r\n'


@pytest.mark.parametrize("given", [[], ["-f", "doccano"]])
def test_a_doccano_csv_on_standard_input_is_read_as_its_rows(tmp_path, capsys, monkeypatch, given):
    from annotator.cli import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("\ufeff" + CSV).encode("utf-8"))))
    target = tmp_path / "p.annotator"
    assert main(["import", str(target), "-", *given]) == 0, capsys.readouterr().err
    with Project(target, create=False) as p:
        docs = [p.document(d) for d in p.document_ids()]
        assert [d.text for d in docs] == ["Zoë won; then left.", "Boris Johnson met Zoë."]  # main: the CSV itself
        assert [d.meta.get(CATEGORIES) for d in docs] == [["sport"], ["politics"]]


def test_the_suffix_told_from_the_first_line():
    assert stdin_suffix(b"text,label\n") == ".csv"
    assert stdin_suffix(b"\xef\xbb\xbftext\tlabel\n") == ".csv"
    assert stdin_suffix(b"text, as it came in\n") == ".txt"  # a plain text's first words: no label column
    assert stdin_suffix(b"id,text,annotator\n", "doccano") == ".csv"  # named: a text column is enough
    assert stdin_suffix(b"__label__pet dog cat\n", "doccano") == ".txt"  # its fastText upload
    assert stdin_suffix(b'{"text": "a", "label": []}\n', "doccano") == ".jsonl"
    assert stdin_suffix(b"id,review,annotator\n", "label_studio") == ".csv"  # it reads JSON or CSV
    assert stdin_suffix(b'\xef\xbb\xbf[{"data": {"text": "a"}}]\n', "label_studio") == ".json"


def test_label_studio_tasks_as_json_lines_on_standard_input_are_all_read(tmp_path, capsys, monkeypatch):
    """-f label_studio names the spool .json, read as one array or one object: JSON lines gave their first task."""
    from annotator.cli import main

    tasks = [{"data": {"text": t}} for t in ("Boris Johnson met Zoë.", "Paris is big.", "Acme hired Ann.")]
    lines = "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode("utf-8"))))
    target = tmp_path / "p.annotator"
    assert main(["import", str(target), "-", "-f", "label_studio"]) == 0, capsys.readouterr().err
    with Project(target, create=False) as p:
        assert len(p.document_ids()) == 3
