"""A personal pronoun stands for a noun of its sex (annotator/suggest/arg_spans.py, ``resolve``;
annotator/suggest/noun_classes.py, ``agrees``): "the aunt of a drowned boy says she hopes to bring her family" —
she is the aunt, not the boy nearer before it; a noun that tells no sex ("a student") and a name stay open to
either pronoun."""

from __future__ import annotations

import pytest

from annotator.suggest.noun_classes import agrees
from spacy_support import suggested_events


def _roles(nlp, text: str, etype: str) -> set[tuple[str, str]]:  # noqa: ANN001
    (event,) = [s for s in suggested_events(nlp, text) if s.type == etype]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_she_stands_for_no_boy(nlp):
    got = _roles(nlp, "The aunt of a drowned boy says she hopes to bring her family to Canada.", "Movement:Transport")
    assert ("Agent", "aunt") in got and ("Agent", "boy") not in got, got


@pytest.mark.slow
def test_he_stands_for_no_woman(nlp):
    got = _roles(nlp, "The brother of a detained woman said he was arrested in Cairo.", "Justice:Arrest-Jail")
    assert ("Person", "brother") in got and ("Person", "woman") not in got, got


def test_a_noun_of_no_sex_agrees_with_either_pronoun(nlp):
    doc = nlp("A student and a boy and a mother.")
    student, boy, mother = doc[1], doc[4], doc[7]
    assert agrees("she", student) and agrees("he", student)
    assert agrees("he", boy) and not agrees("she", boy)
    assert agrees("her", mother) and not agrees("his", mother)
