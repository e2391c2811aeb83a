"""Issue 9, point 9 (core): a long document's pre-annotation is cancellable between its pieces."""

from __future__ import annotations

import pytest

from annotator.importing import IncomingDocument, import_documents
from annotator.nlp import blank_pipeline_with_patterns
from annotator.preannotate import CHUNK_CHARS, preannotate
from annotator.store import Project


@pytest.mark.slow
def test_cancel_stops_a_long_document_between_pieces_and_stores_nothing_of_it(tmp_path):
    from spacy.language import Language

    seen: list[int] = []
    if not Language.has_factory("issue9_piece_counter"):
        Language.component("issue9_piece_counter", func=lambda doc: (seen.append(len(doc.text)), doc)[1])
    pipe = blank_pipeline_with_patterns([{"label": "GPE", "pattern": "Paris"}])
    pipe.nlp.add_pipe("issue9_piece_counter", first=True)
    sentence = "Maria Lopez met officials in Paris.\n"
    long_text = sentence * (CHUNK_CHARS * 10 // len(sentence))  # about ten pieces
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(
            p, [IncomingDocument("A short one about Paris.", "short.txt"), IncomingDocument(long_text, "long.txt")]
        )
        report = preannotate(p, pipe, batch_size=1, cancelled=lambda: len(seen) >= 3, suggest_events=False)
        assert report.cancelled
        assert len(seen) <= 4, f"{len(seen)} pieces parsed after the cancel"  # read-ahead of at most a batch
        assert p.tokens(1) is not None and p.tokens(2) is None  # the finished document is kept, the long one not
        assert p.entities(2) == []
