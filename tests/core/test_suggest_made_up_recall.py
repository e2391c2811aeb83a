"""Events of made-up news English the rules missed, fixed as classes of ACE's definitions (session 43, helper
s43-trig; each class's sentences are in ``tests/data/news_sentences.jsonl``): money passed from hand to hand ("handed
the money to an accomplice", "accepted $50,000 from the smugglers") is money given and received (ACE's Transfer-Money:
the giving or receiving of money), while a trophy handed over or an offer accepted is none; a fight that "broke out"
or "erupted" "between" two sides is one occurrence with its sides told ("Fighting broke out between government forces
and rebels"), while a price war, a trade war or a war of words is a contest of no violence (ACE's Attack is physical);
a rally or a march "to demand" something is a protest (ACE's Demonstrate: people come together "to protest or demand
some sort of official action"), while one who gathers others or things ("gathered her advisers") gathers no protest;
a letter written to a party "to request" or "to ask" something is a letter all the same (ACE's Phone-Write: the purpose
of writing to someone is what the letter says), while writing "to pass the time" is none.
Short made-up sentences parsed by the default pipeline, each class beside the sentences it must leave alone."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type

MONEY = "Transaction:Transfer-Money"
ATTACK = "Conflict:Attack"
PROTEST = "Conflict:Demonstrate"
WRITE = "Contact:Phone-Write"


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


@pytest.mark.slow
def test_a_fight_that_broke_out_between_two_sides_is_an_attack(nlp, suggester):
    for text, word in [
        ("Fighting broke out between government forces and rebels in the east.", "Fighting"),
        ("Heavy fighting broke out between Kurdish fighters and Islamic State militants near the town.", "fighting"),
        ("Fighting broke out between the two rival gangs in the prison.", "Fighting"),
        ("Violence erupted between police and protesters outside parliament.", "Violence"),
        ("A fight broke out between police and fans outside the stadium.", "fight"),
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [(word, ATTACK)], text
    for text in [
        "A price war broke out between the two companies.",
        "A trade war broke out between the United States and China.",
        "The trade war between the two countries escalated.",
        "A war of words broke out between the two leaders.",
        "The war of words between Washington and Pyongyang escalated.",
        "A dispute broke out between the two companies over the patent.",
        "Tensions flared between the two neighbours.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text


@pytest.mark.slow
def test_people_come_together_to_demand_something_protest(nlp, suggester):
    for text, word in [
        ("Farmers staged a rally in Warsaw to demand lower fuel prices.", "rally"),
        ("Thousands of nurses held a rally outside the ministry to demand better pay.", "rally"),
        ("Students gathered in the main square on Sunday, demanding the release of their classmates.", "gathered"),
        # "outside" read as an adjective and "parliament" as the object: a place, no one gathered by another
        ("Thousands gathered outside parliament in Kyiv on Sunday.", "gathered"),
    ]:
        assert triggers_of_type(nlp, suggester, text, PROTEST) == [(word, PROTEST)], text
    for text in [
        "The minister gathered her advisers to demand answers.",
        "The coach gathered his players to demand more effort.",
        "Detectives gathered evidence for months to build the case.",
    ]:
        assert triggers_of_type(nlp, suggester, text, PROTEST) == [], text


@pytest.mark.slow
def test_a_letter_written_to_a_party_for_a_purpose_is_a_letter(nlp, suggester):
    for text in [
        "The prime minister wrote to the European Commission to request an extension.",
        "The mayor wrote to the governor to ask for more money.",
        "Residents wrote to the council to complain about the noise.",
    ]:
        assert triggers_of_type(nlp, suggester, text, WRITE) == [("wrote", WRITE)], text
    for text in [
        "The author wrote to a high standard to impress the critics.",
        "He wrote to pass the time in prison.",
        "The journalist wrote to expose corruption in the ministry.",
    ]:
        assert triggers_of_type(nlp, suggester, text, WRITE) == [], text
