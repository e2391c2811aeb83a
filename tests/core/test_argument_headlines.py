"""A title-case headline run into the first sentence is no part of that sentence's events (session 30): the sentence's
nearest Place or Time is looked for on the trigger's side of the headline's end ("Tensions Rise in Baghdad Protesters
marched on Monday": the march's place is not the headline's Baghdad), and a headline word the parse made the subject of
the sentence's verb is none of its participants."""

from __future__ import annotations

import pytest

from spacy_support import english_vocab, news_suggester, suggested_events


def _args(nlp, text: str, word: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    (event,) = [s for s in suggested_events(nlp, text) if text[s.trigger_start : s.trigger_end] == word]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_a_place_the_headline_names_is_no_place_of_the_sentence_run_into_it(nlp):
    got = _args(nlp, "Tensions Rise in Baghdad Protesters marched on Monday.", "marched")
    assert ("Place", "Baghdad") not in got, got
    assert ("Time", "Monday") in got, got


@pytest.mark.slow
def test_a_place_the_sentence_itself_names_is_still_its_nearest(nlp):
    got = _args(
        nlp, "Tensions Rise Across the Region Protesters marched on Monday, residents in Baghdad said.", "marched"
    )
    assert ("Place", "Baghdad") in got, got


@pytest.mark.slow  # the suggester's first build and spaCy's import: about 2 s alone
def test_a_headline_word_the_parse_made_the_sentences_subject_is_no_participant():
    """The small pipeline's parse of "Kerry Heading to Kyiv John Kerry will be heading to Kyiv on Monday." (the
    headline's "Heading" the subject of "heading", the sentence's own "John Kerry" in apposition to it), built by
    hand so that the parse is the one read."""
    from spacy.tokens import Doc

    words = "Kerry Heading to Kyiv John Kerry will be heading to Kyiv on Monday .".split()
    doc = Doc(
        english_vocab(),
        words=words,
        spaces=[True] * 12 + [False, False],
        heads=[1, 8, 1, 2, 5, 1, 8, 8, 8, 8, 9, 8, 11, 8],
        deps="compound nsubj prep pobj compound appos aux aux ROOT prep pobj prep pobj punct".split(),
        pos="PROPN PROPN ADP PROPN PROPN PROPN AUX AUX VERB ADP PROPN ADP PROPN PUNCT".split(),
        tags="NNP NNP IN NNP NNP NNP MD VB VBG IN NNP IN NNP .".split(),
        lemmas="Kerry Heading to Kyiv John Kerry will be head to Kyiv on Monday .".split(),
        ents="B-PERSON I-PERSON O B-GPE B-PERSON I-PERSON O O O O B-GPE O B-DATE O".split(),
    )
    text = doc.text
    events = news_suggester().suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    (heading,) = [e for e in events if text[e.trigger_start : e.trigger_end] == "heading to"]
    got = {(a.role, text[a.start : a.end]) for a in heading.arguments}
    assert ("Artifact", "Kerry Heading") not in got, got
    assert ("Destination", "Kyiv") in got, got
