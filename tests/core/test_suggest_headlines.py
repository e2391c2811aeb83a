"""A title-case headline at the top of an article (session 29): where it ends, and its verb-shaped words the tagger
took for names read as triggers by their base forms."""

from __future__ import annotations

import pytest

from annotator.suggest.event_lexicon import Lexicon
from annotator.suggest.headlines import headline_end
from spacy_support import english_sentences, news_suggester, suggested_triggers


def _end(text: str) -> str:
    doc = english_sentences()(text)
    return doc[: headline_end(doc)].text


def test_a_headline_run_into_the_first_sentence_ends_before_that_sentence_s_first_word():
    assert (
        _end("Rebels Attack Army Base Near Town Rebels stormed a base on Monday.")
        == "Rebels Attack Army Base Near Town"
    )
    assert _end("Army Chief Heading to Moscow for Talks The chief will meet officials.") == (
        "Army Chief Heading to Moscow for Talks"
    )


def test_a_hyphenated_compound_s_second_word_stays_in_the_headline():
    assert _end("US-backed Forces Take Control of Airport Iraqi forces retook the airport.") == (
        "US-backed Forces Take Control of Airport"
    )


def test_a_headline_on_a_line_of_its_own_ends_at_the_line_break():
    assert _end("Army Chief Heading to Moscow for Talks\nThe chief will meet officials.") == (
        "Army Chief Heading to Moscow for Talks"
    )


def test_a_sentence_in_sentence_case_has_no_headline():
    assert _end("Rebels attacked an army base near the town on Monday.") == ""
    assert _end("President Barack Obama met the leaders.") == ""  # three capitalised words: a name, no headline
    assert _end("") == ""


def test_a_word_is_read_as_a_verb_by_its_shape_only():
    lexicon = news_suggester().lexicon
    assert isinstance(lexicon, Lexicon)
    assert {p.type for p in lexicon.candidates_of_verb("Attacked")} >= {"Conflict:Attack"}
    assert any(p.phrase == "head to" for p in lexicon.candidates_of_verb("Heading"))
    assert lexicon.candidates_of_verb("Attack") == []  # no shape of a verb: a noun as often
    assert lexicon.candidates_of_verb("Talks") == []


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


@pytest.mark.slow
def test_a_headline_s_verb_the_tagger_took_for_a_name_is_a_trigger(nlp, suggester):
    # en_core_web_sm tags "Heading" a proper noun and the NER runs "Abu Khalid Killed" into one PERSON: on main both
    # were skipped as parts of names
    text = "Army Chief Heading to Moscow for Talks The army chief will meet Russian officials on Tuesday."
    assert ("Heading to", "Movement:Transport") in suggested_triggers(nlp, text, suggester)
    text = "Rebel Commander Abu Khalid Killed in Syria The commander died in an air strike on Sunday, the group said."
    assert ("Killed", "Life:Die") in suggested_triggers(nlp, text, suggester)


@pytest.mark.slow
def test_a_headline_s_words_of_no_verb_shape_and_names_below_it_stay_out(nlp, suggester):
    # the guard: "Meet" and "Talks" in a title-case line are nouns or verbs as often (no shape tells), "Heading" with
    # no "to" is leading, and below the headline a name is a name
    text = "Leaders Meet in Geneva for Peace Talks Leaders of both sides met in Geneva on Monday."
    got = suggested_triggers(nlp, text, suggester)
    assert ("Meet", "Contact:Meet") not in got and ("Talks", "Contact:Meet") not in got, got
    text = "Police Chief Heading Inquiry Resigns The police chief who led the inquiry resigned on Monday."
    assert not any(t == "Heading" or t.startswith("Heading ") for t, _ in suggested_triggers(nlp, text, suggester))
    text = "The minister spoke on Monday. Rebel Commander Abu Khalid Killed Brigade was named after him."
    assert not any(t == "Killed" for t, _ in suggested_triggers(nlp, text, suggester))
