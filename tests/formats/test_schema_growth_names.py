"""A label the schema's rules refuse, grown into a new project's schema from a file (INCEpTION's suite has
``testTokenBoundedBioLookAlike``: a span layer's values ``B-NOTBIO!``; our own file in that shape): the refusal named
a line of the grown schema's text as if of the file (``skipped a.tsv: ...: news + a.tsv:1214: entity label ...``).
Since session 14 a WebAnno TSV value that is no label name comes in as one (``B-WOW!`` as ``B-WOW``, written back as
it was: ``test_webanno_own_layers``), so the refusal is shown with a doccano line's labels."""

from __future__ import annotations

import re

from annotator.cli import main

LINE = '{"text": "Go now .", "label": [[0, 2, "B-WOW!"], [3, 6, "I-WOW!"]]}\n'


def test_a_label_the_schema_refuses_is_named_without_a_line_of_the_schema(tmp_path, capsys):
    (tmp_path / "a.jsonl").write_text(LINE, encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(tmp_path / "a.jsonl")]) == 1  # nothing imported
    err = capsys.readouterr()
    said = err.out + err.err
    assert "'B-WOW!', 'I-WOW!' (a label may hold only letters, digits, _ - : .)" in said
    assert not re.search(r"a\.jsonl:\d{3,}", said), said  # no line of the grown schema's text, as if of the file
