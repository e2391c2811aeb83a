"""An export that writes each document's own spellings (the Hugging Face tokens, CoNLL, ...) says when one label goes
out two ways in one file: a CoNLL-2003 file's ``PER`` beside a document whose ``PERSON`` came as the schema names it;
a tagger trained on the file learns two classes for one thing, without a word. Our own files."""

from __future__ import annotations

import json

from annotator.cli import main
from cli_support import two_spellings_project


def test_a_label_written_two_ways_in_one_file_is_said(tmp_path, capsys):
    p = two_spellings_project(tmp_path)
    capsys.readouterr()
    assert main(["export", str(p), "-f", "hf", "-o", str(tmp_path / "out.jsonl")]) == 0
    said = capsys.readouterr().err
    assert "note: PERSON is written PER (1 document) and PERSON (1 document)" in said, said
    tags = {t for line in (tmp_path / "out.jsonl").read_text().splitlines() for t in json.loads(line)["ner_tags"]}
    assert {"B-PER", "B-PERSON"} <= tags  # each document as it came: said, not changed
    assert main(["export", str(p), "-f", "jsonl", "-o", str(tmp_path / "own.jsonl")]) == 0
    said = capsys.readouterr().err
    assert "is written" not in said, said  # the project's own JSONL writes the schema's names: one way
