"""Events of made-up news English the rules missed, fixed as classes of ACE's definitions (session 43, helper
s43-trig; each class's sentences are in ``tests/data/news_sentences.jsonl``): money passed from hand to hand ("handed
the money to an accomplice", "accepted $50,000 from the smugglers") is money given and received (ACE's Transfer-Money:
the giving or receiving of money), while a trophy handed over or an offer accepted is none.
Short made-up sentences parsed by the default pipeline, each class beside the sentences it must leave alone."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type

MONEY = "Transaction:Transfer-Money"


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


@pytest.mark.slow
def test_money_handed_or_accepted_is_money_given(nlp, suggester):
    for text, word in [
        ("The bank robber handed the money to an accomplice.", "handed"),
        ("She handed the driver $200 and walked away.", "handed"),
        ("The minister was filmed handing cash to a businessman in a hotel car park.", "handing"),
        ("The customs officer accepted $50,000 from the smugglers.", "accepted"),
        ("The mayor is accused of accepting cash from property developers.", "accepting"),
    ]:
        assert triggers_of_type(nlp, suggester, text, MONEY) == [(word, MONEY)], text
    for text in [
        "The referee handed the trophy to the captain.",
        "The court handed him a five-year sentence.",
        "The company accepted the offer on Friday.",
        "The actor accepted the award on behalf of his late father.",
        "Local police handed the suspect to federal agents.",
        "The minister accepted responsibility for the failure.",
    ]:
        assert triggers_of_type(nlp, suggester, text, MONEY) == [], text
    # the noun names the money given, the verb only takes it: one event, on the noun
    text = "The charity accepted a donation of $2 million from the foundation."
    assert triggers_of_type(nlp, suggester, text, MONEY) == [("donation", MONEY)], text
