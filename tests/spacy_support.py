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
def english_words() -> Any:
    """spaCy's English tokenizer alone (``spacy.blank("en")``), made once per test process: tests run it, never
    change it (a test that adds a pipe makes its own)."""
    import spacy

    return spacy.blank("en")


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


@functools.cache
def news_suggester() -> Any:
    """The rule suggester of the default news schema, made once per test process: tests run it, never change it."""
    from annotator.resources_path import resource_path
    from annotator.schema import load_schema
    from annotator.suggest.event_rules import RuleEventSuggester

    return RuleEventSuggester(load_schema(resource_path("schemas/news.toml")))


def suggested_events(nlp: Any, text: str, suggester: Any = None) -> list:
    """The event suggestions ``suggester`` (the news schema's by default) makes on ``text`` parsed by ``nlp``, with
    the pipeline's entities."""
    doc = nlp(text)
    return (suggester or news_suggester()).suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])


def suggested_triggers(nlp: Any, text: str, suggester: Any = None) -> list[tuple[str, str]]:
    """The (trigger words, event type) pairs of the event suggestions made on ``text``."""
    return [(text[e.trigger_start : e.trigger_end], e.type) for e in suggested_events(nlp, text, suggester)]


def triggers_of_type(nlp: Any, suggester: Any, text: str, kind: str) -> list[tuple[str, str]]:
    """The (trigger words, event type) pairs of ``text``'s event suggestions of type ``kind``."""
    return [t for t in suggested_triggers(nlp, text, suggester) if t[1] == kind]


def suggested_roles(nlp: Any, text: str, event_type: str | None = None) -> set[tuple[str, str]]:
    """The (role, words) pairs of the event suggestions made on ``text`` (of ``event_type`` alone, if given)."""
    return {
        (a.role, text[a.start : a.end])
        for s in suggested_events(nlp, text)
        if event_type is None or s.type == event_type
        for a in s.arguments
    }


def role_fillers(nlp: Any, text: str, event_type: str | None, role: str) -> set[str]:
    """The words filling ``role`` in the event suggestions made on ``text`` (of ``event_type`` alone, if given)."""
    return {words for got, words in suggested_roles(nlp, text, event_type) if got == role}
