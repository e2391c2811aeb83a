"""A line of its own ends a sentence: a headline, a subhead, a byline or a caption with no final stop.

News is laid out in lines: a headline ("Two killed in Kabul blast") stands on its own line with no full stop, and
so do subheads, datelines and captions. spaCy's parser reads sentences by punctuation, so such a line runs into the
next sentence ("Two killed in Kabul blast\\nA car bomb exploded outside a ministry"): one parse over both, the
headline's words taken for the sentence's subject, the event words of each given the other's participants.

A line break ends a sentence where the line before it ends in a word or a number (no stop, no closing quote, no
comma or colon: the parser reads a line that ends as a sentence does, or that goes on, itself) and the next line
starts as a sentence does (not with a lower-case letter). Text
wrapped at a fixed width (an e-mail, a plain-text book) breaks lines inside its sentences: where at least a quarter of
its line breaks go on with a lower-case word, the document is read as wrapped and only a blank line ends a sentence
there. A subhead whose line break was lost in copying ("Border dispute The two countries have argued") ends where
a capitalised word that opens sentences (a determiner, a conjunction, a pronoun) follows a word in lower case
(``run_in_starts``). The marks are set before the parser, which keeps them (spaCy's parser respects sentence starts set before
it) and finds the other sentences itself; with no parser they are added to the sentencizer's.
"""

from __future__ import annotations

from typing import Any

COMPONENT = "line_sentences"
WRAPPED_SHARE = 0.25  # a document whose line breaks go on in lower case this often (or more) is wrapped text


def line_sentence_starts(doc: Any) -> list[int]:
    """The indices of ``doc``'s tokens that start a sentence by the layout: the first word of a line after a line
    that ends in a word or a number, where it starts as a sentence does (see the module's docstring); after a blank
    line only, in wrapped text."""
    starts: list[int] = []
    blank: list[int] = []
    breaks = lower = 0
    for tok in doc[2:]:
        before = doc[tok.i - 1]
        if tok.is_space or not before.is_space or "\n" not in before.text:
            continue
        paragraph = before.text.count("\n") >= 2
        breaks += not paragraph
        if tok.text[:1].islower():
            lower += not paragraph  # a sentence going on past a line break
        elif doc[tok.i - 2].text[-1:].isalnum():  # the line ends with no stop, no comma, no colon
            (blank if paragraph else starts).append(tok.i)
    if breaks and lower >= WRAPPED_SHARE * breaks:
        return blank
    return sorted(blank + starts)


# the tags of words that open a sentence and are written in lower case inside one (the tagger's, before the parser)
OPENER_TAGS = frozenset(("DT", "PDT", "CC", "PRP", "PRP$", "EX"))


def run_in_starts(doc: Any) -> list[int]:
    """Where a subhead runs into its paragraph with its line break lost ("Ukraine-IMF talks A Ukrainian Central Bank
    official has voiced optimism"): a capitalised word of a kind that opens a sentence (a determiner, a conjunction,
    a pronoun; not "I", nor "The" or "Our" in front of a name: "in The Hague", "Our Lady") right after a word in
    lower case."""
    out = []
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if tok.tag_ not in OPENER_TAGS or not tok.text[:1].isupper() or tok.text == "I":
            continue
        if not (before.text[:1].isalpha() and before.text[:1].islower()):
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.tag_ in ("DT", "PRP$") and tok.lower_ != "a" and after is not None and after.text[:1].isupper():
            continue
        out.append(tok.i)
    return out


def mark_line_sentences(doc: Any) -> Any:
    """``doc`` with its layout's sentence starts (``line_sentence_starts``, ``run_in_starts``) set: a spaCy
    component."""
    for i in line_sentence_starts(doc) + run_in_starts(doc):
        doc[i].is_sent_start = True
    return doc


def add_line_sentences(nlp: Any) -> None:
    """Put the component into ``nlp`` (a spaCy Language) where its marks hold: before the parser, or after the
    sentence splitter that has none (a ``sentencizer`` or ``senter``); not at all without either, or twice."""
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=mark_line_sentences)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    elif splitters := [p for p in ("senter", "sentencizer") if p in nlp.pipe_names]:
        nlp.add_pipe(COMPONENT, after=splitters[-1])
