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


@pytest.mark.slow
def test_a_long_document_is_saved_in_a_batch_of_its_own_so_a_ctrl_c_after_it_keeps_it(tmp_path):
    """Session 27 (s27-qab): a corpus whose first two documents are 1 MB each; `annotator preannotate` Ctrl+C'd after
    two minutes said "0 documents were pre-annotated and saved": a batch was 64 documents whatever their size, and the
    command line's Ctrl+C loses the batch under way. A batch is saved once it holds BATCH_CHARS characters too."""
    from spacy.language import Language

    if not Language.has_factory("s27qab_interrupt_on_later"):

        def interrupt(doc):
            if doc.text.startswith("Later"):
                raise KeyboardInterrupt
            return doc

        Language.component("s27qab_interrupt_on_later", func=interrupt)
    pipe = blank_pipeline_with_patterns([{"label": "GPE", "pattern": "Paris"}])
    pipe.nlp.add_pipe("s27qab_interrupt_on_later", first=True)
    sentence = "Maria Lopez met officials in Paris.\n"
    long_text = sentence * 3_000  # 108,000 characters: more than a batch holds (BATCH_CHARS)
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument(long_text, "long.txt"), IncomingDocument("Later in Paris.", "later.txt")])
        with pytest.raises(KeyboardInterrupt):
            preannotate(p, pipe, batch_size=64, suggest_events=False)
        assert p.tokens(1) is not None, "the long document parsed before the Ctrl+C was lost"
        assert len(p.entities(1)) == long_text.count("Paris")
        assert p.tokens(2) is None
