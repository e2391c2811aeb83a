"""A label the schema's rules refuse, grown into a new project's schema from a file (INCEpTION's suite has
``testTokenBoundedBioLookAlike``: a span layer's values ``B-NOTBIO!``; our own file in that shape): the refusal named
a line of the grown schema's text as if of the file (``skipped a.tsv: ...: news + a.tsv:1214: entity label ...``)."""

from __future__ import annotations

import re

from annotator.cli import main

TSV = (
    "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n#Text=Go now .\n"
    "1-1\t0-2\tGo\tB-WOW!\t\n1-2\t3-6\tnow\tI-WOW!\t\n1-3\t7-8\t.\t_\t\n"
)


def test_a_label_the_schema_refuses_is_named_without_a_line_of_the_schema(tmp_path, capsys):
    (tmp_path / "a.tsv").write_text(TSV, encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(tmp_path / "a.tsv")]) == 1  # nothing imported
    err = capsys.readouterr()
    said = err.out + err.err
    assert "'B-WOW!', 'I-WOW!' (a label may hold only letters, digits, _ - : .)" in said
    assert not re.search(r"a\.tsv:\d{3,}", said), said  # no line of the grown schema's text, as if of the file
