"""CoNLL and the Hugging Face token classification lines hold entities alone: their export counted the events of
the documents it read as written ("wrote corpus.conll: 4 documents, 13 entities, 4 events"), though the file has none.
It now counts none and says which it left out, as it says of overlapping entities."""

from __future__ import annotations

import pytest

from annotator.formats.conll import write_conll
from annotator.formats.hf_tokens import write_hf


@pytest.mark.parametrize("write", [write_conll, write_hf])
def test_the_events_a_token_format_cannot_hold_are_said_not_counted(sample, tmp_path, write):
    project, _ = sample
    n_events = sum(len(project.events(d)) for d in project.document_ids())
    assert n_events > 0
    report = write(project, tmp_path / "out")
    assert report.events == 0
    left = [m for kind, m in report.problems if kind == "events left out (the format holds entities alone)"]
    assert len(left) == n_events
    assert any(m.startswith("kabul.txt: Life:Die [") for m in left)
    assert "0 events" in report.summary() and f"{n_events} events left out" in report.summary()
