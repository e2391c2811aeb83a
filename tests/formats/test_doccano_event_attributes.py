"""Event attributes through doccano: its spans carry a label alone and its relations a type, so the export left them
out without a word and the import filled the schema's defaults (brat's news tutorial's ``Negation`` on a nested
``Merge-org`` lost, a news event's ``polarity Negative`` back as ``Positive``). doccano keeps a line's other keys on
import and writes them back on export (an example's meta), so the export records each event's attributes there by its
trigger's region (``event_attributes``) and the reader puts them back. Our own text, in the tutorial's shape."""

from __future__ import annotations

import json

import pytest

from annotator import api
from tests.formats.brat_nested_news import ANN as NESTED_ANN
from tests.formats.brat_nested_news import CONF as NESTED_CONF
from tests.formats.brat_nested_news import assert_attributes_back, imported
from tests.formats.conftest import negative_attack_through

ANN = NESTED_ANN + "A1\tNegation E1\nA2\tConfidence E2 Low\n"
CONF = NESTED_CONF + "Negation\tArg:<EVENT>\nConfidence\tArg:<EVENT>, Value:High|Low\n"


def _as_doccano_writes_it_back(path):
    """The line as doccano's own export gives it after an import: its ids renumbered, the entities in another order;
    the keys doccano does not know kept."""
    line = json.loads(path.read_text())
    ids = {e["id"]: 100 + k for k, e in enumerate(reversed(line["entities"]))}
    line["entities"] = [{**e, "id": ids[e["id"]]} for e in reversed(line["entities"])]
    line["relations"] = [
        {**r, "id": 50 + k, "from_id": ids[r["from_id"]], "to_id": ids[r["to_id"]]}
        for k, r in enumerate(line["relations"])
    ]
    path.write_text(json.dumps(line) + "\n")


@pytest.mark.parametrize("into", ["its schema", "a new project"])
def test_brats_event_attributes_come_back_through_doccano(tmp_path, into):
    first = imported(tmp_path, ANN, CONF)
    (tmp_path / "s.toml").write_text(first.schema.source or "")
    report = api.export(first, tmp_path / "d.jsonl", "doccano")
    assert not report.problems, report.problems
    _as_doccano_writes_it_back(tmp_path / "d.jsonl")
    second = api.new_project(tmp_path / "b.annotator", schema=tmp_path / "s.toml" if into == "its schema" else None)
    report = api.import_files(second, [tmp_path / "d.jsonl"], format="doccano")
    assert not report.warnings, report.warnings
    (doc,) = second.document_ids()
    got = {v.type.split(":")[-1].lower(): v.attributes for v in second.events(doc)}
    assert got["merge-org"].get("Negation") == "true", got
    assert got["report"].get("Confidence") == "Low", got
    assert got["report"].get("Negation") != "true", got
    assert_attributes_back(second, tmp_path / "back")


def test_a_news_events_polarity_comes_back_through_doccano(tmp_path):
    """A news project's own event: its ``polarity Negative`` was the default ``Positive`` after doccano."""
    _, got = negative_attack_through(tmp_path, "doccano", "d.jsonl")
    assert got.type == "Conflict:Attack"
    assert got.attributes.get("polarity") == "Negative", got.attributes
