"""brat's nested events (nlplab/brat ``example-data/tutorials/news/090-event_structures``: ``E2  Report:T5
Reporter-Arg:T4 Event-Arg:E1``, the ``Merge-org`` event an argument of the ``Report``) through Label Studio or doccano
into a project of the same schema: the exports write the nested event's trigger region and, beside it, the region that
stands for it as the argument (an entity span labelled ``Merge-org``, as the schema declares a label for each type an
``<EVENT>`` role takes). The readers took that region for a trigger too: a second ``Merge-org`` event, and the
``Event-Arg`` "does not go from a trigger to an entity", lost. Prodigy's export writes that region as one span with
the trigger's (the same offsets and label, its ``source`` the brat import's mark): a new project refused the file
("label 'Merge-org' is not in the schema": the told ``Report`` did not take the stand-in's label, as
``told_types.add_regions`` has it take it for Label Studio and doccano), and a project of its schema read the span as
the trigger alone, so the brat export wrote ``Event-Arg:T4`` on a second ``Merge-org`` span. WebAnno TSV's export
writes it as a ``NamedEntity`` of that label on the trigger's row, which the ``Event-Arg`` slot points at: read back, an
entity of its own, the same ``Event-Arg:T4``. Our own text, in the tutorial's shape."""

from __future__ import annotations

import pytest

from annotator import api
from tests.formats.brat_nested_news import ANN, CONF, imported

FORMATS = [("label_studio", "t.json"), ("doccano", "d.jsonl"), ("prodigy", "p.jsonl"), ("webanno", "wa")]


@pytest.mark.parametrize("fmt, out", FORMATS)
@pytest.mark.parametrize("into", ["its schema", "a new project"])
def test_a_nested_event_comes_back_through_label_studio_and_doccano(tmp_path, fmt, out, into):
    """Into a new (news) project the ``Report`` is told from the record (``test_event_types_through_regions``), and
    its ``Event-Arg`` takes the label that stands for the nested type (``Business:Merge-Org``, the news schema's)."""
    first = imported(tmp_path, ANN, CONF)
    (tmp_path / "s.toml").write_text(first.schema.source or "")
    api.export(first, tmp_path / out, fmt)
    schema = tmp_path / "s.toml" if into == "its schema" else None
    second = api.new_project(tmp_path / "b.annotator", schema=schema)
    report = api.import_files(second, [tmp_path / out], format=fmt)
    assert not report.warnings, report.warnings
    (doc,) = second.document_ids()
    merge = "Merge-org" if into == "its schema" else "Business:Merge-Org"  # the news schema's name for it
    assert sorted(v.type for v in second.events(doc)) == sorted([merge, "Report"])
    api.export(second, tmp_path / "back", "brat")
    lines = (tmp_path / "back" / "doc.ann").read_text().splitlines()
    events = sorted(x.split("\t")[1].split()[0].split(":")[0] for x in lines if x.startswith("E"))
    assert events == ["Merge-org", "Report"], lines  # written as the file spelt it
    (report_line,) = [x for x in lines if x.startswith("E") and "Report:" in x]
    assert "Event-Arg:E" in report_line, lines
