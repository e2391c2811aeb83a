"""doccano's own intent detection and slot filling export (session 41): every line it writes has the example's ``id``
and its ``Comments`` column beside ``cats`` and the slots as ``[start, end, label]`` lists (``create_formatter`` in
``doccano/doccano``'s ``backend/data_export/pipeline/factories.py``, read with the search tool). Imported without
``--format`` such a file was read as spaCy's training lines: its ``id`` and ``Comments`` kept as meta values, the
comment not a comment, and the doccano export wrote ids from 1 and said it left both keys out. Now told as doccano's
by its ``Comments``: ids and comments kept, the lines written back as they came. Our own lines in that shape."""

from __future__ import annotations

import orjson

from annotator import api
from annotator.formats.detect import detect_format
from annotator.store import Project

LINES = [
    {
        "id": 30,
        "text": "Book a flight from Kabul to Dubai tomorrow.",
        "cats": ["book_flight"],
        "entities": [[19, 24, "City"], [28, 33, "City"]],
        "Comments": ["two cities"],
    },
    {"id": 31, "text": "Will it rain in Herat?", "cats": ["weather"], "entities": [], "Comments": []},
]


def test_doccanos_intent_export_is_told_and_written_back_as_it_came(tmp_path):
    src = tmp_path / "admin.jsonl"
    src.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in LINES))
    assert detect_format(src) == "doccano"
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src])
    report = api.export(project, tmp_path / "out.jsonl", format="doccano")
    project.close()
    assert not report.problems
    out = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    # as they came (the export adds the document's name), the line without slots too, not in the relation shape
    assert [{k: v for k, v in x.items() if k != "name"} for x in out] == LINES
    with Project(tmp_path / "p.annotator", create=False) as again:
        first = min(again.document_ids())
        assert [c.text for c in again.comments(first)] == ["two cities"]
