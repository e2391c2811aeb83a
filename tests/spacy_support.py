"""spaCy for tests without building its English tokenizer again for each: ``spacy.blank("en")`` takes ~70 ms of CPU
(~1,400 special cases loaded), and the inner loop made it ~100 times (docs/performance.md, session 21)."""

from __future__ import annotations

import functools
import json
from typing import Any


def english_vocab() -> Any:
    """A new, empty English vocabulary (``spacy.blank("en").vocab`` without its tokenizer): to read a DocBin into,
    which brings the strings it needs itself."""
    from spacy.lang.en import English
    from spacy.vocab import create_vocab

    return create_vocab("en", English.Defaults)


@functools.cache
def english_sentences() -> Any:
    """spaCy's English tokenizer and a sentencizer (``spacy.blank("en")`` with ``sentencizer``), made once per test
    process: tests run it, never change it."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def ruler_pipeline(patterns: list[dict], name: str = "blank_en_ruler") -> Any:
    """``annotator.nlp.blank_pipeline_with_patterns(patterns, name)``, made once per test process for the same
    patterns and name: pre-annotation runs a pipeline and never changes it (a test of what it changes makes its own)."""
    return _ruler_pipeline(json.dumps(patterns, sort_keys=True), name)


@functools.cache
def _ruler_pipeline(patterns: str, name: str) -> Any:
    from annotator.nlp import blank_pipeline_with_patterns

    return blank_pipeline_with_patterns(json.loads(patterns), name)
