"""General classes of false triggers in news (session 38, helper s38-trig): a scheme run or words said "attacked"
(an attack in words, no one harmed). Short made-up sentences parsed by the default pipeline, each beside the real
event it must keep."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


ATTACK = "Conflict:Attack"


@pytest.mark.slow
def test_a_scheme_or_words_attacked_is_an_attack_in_words(nlp, suggester):
    # ACE's Attack is a physical act; a programme run or remarks made are attacked in words
    for text in [
        "The Vice President personally attacked a UN program focused on refugees.",
        "The senator attacked the minister's remarks on immigration.",
        "The opposition leader attacked the government's record on housing.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "Gunmen attacked a UN food programme convoy near the border.",
        "Rebels attacked the army base with rockets.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("attacked", ATTACK)], text
