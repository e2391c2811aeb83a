"""Events of the 8 scored types as other news tells them (session 36, helper s36-trig): a person called on the phone,
read on the made-up news sentences (``tests/data/news_sentences.jsonl``), each beside the sense it must not take.
Short made-up sentences parsed by the default pipeline."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


PHONE = "Contact:Phone-Write"


@pytest.mark.slow
def test_a_person_called_and_nothing_said_of_them_is_a_phone_call(nlp, suggester):
    # ACE's Phone-Write: two parties in touch not face to face; the weak "call" with a person as its object that ends
    # there is a call, one that goes on with what the person is called a naming
    for text in [
        "Obama called the Australian prime minister on Saturday.",
        "The president called Angela Merkel on Tuesday to discuss the crisis.",
        "She called her mother from the hospital.",
    ]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [("called", PHONE)], text
    for text in [
        "Obama called Putin a threat to the United States.",
        "He called them liars.",
        "The senator called the deal dumb.",
        "The union called a strike for Monday.",
        "Protesters called for the resignation of the minister.",
    ]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [], text


@pytest.mark.slow
def test_one_who_wrote_to_a_party_sent_a_letter(nlp, suggester):
    for text in [
        "The mayor wrote to the governor asking for more money for schools.",
        "He wrote to the mayor in 1952.",
    ]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [("wrote", PHONE)], text
    for text in [
        "The law firm wrote in a report that sales would grow.",
        "He wrote a book about the war in 1952.",
        "The report was written to a high standard.",
    ]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [], text


MONEY = "Transaction:Transfer-Money"


@pytest.mark.slow
def test_a_thing_given_or_received_is_no_money(nlp, suggester):
    # ACE's Transfer-Money gives money: a weak word of giving with a thing as its object gives none
    for text in [
        "The senator received hundreds of letters from angry voters.",
        "The king gave the soldier a medal.",
        "The charity sent blankets to the refugees in the camp.",
    ]:
        assert triggers_of_type(nlp, suggester, text, MONEY) == [], text
    for text, word in [
        ("The United States gave Ukraine $1 billion in military aid.", "gave"),
        ("The museum received a $10 million gift from a local family.", "received"),
        ("The city received a loan from the World Bank.", "loan"),
    ]:
        assert (word, MONEY) in triggers_of_type(nlp, suggester, text, MONEY), text


@pytest.mark.slow
def test_a_flag_flown_and_a_slide_arrested_are_no_going_nor_arrest(nlp, suggester):
    text = "The company flew its flag at half-mast after the founder's death."
    assert triggers_of_type(nlp, suggester, text, "Movement:Transport") == [], text
    text = "The party arrested its slide in the polls."
    assert triggers_of_type(nlp, suggester, text, "Justice:Arrest-Jail") == [], text
    text = "The air force flew the troops to the front."
    assert triggers_of_type(nlp, suggester, text, "Movement:Transport") == [("flew", "Movement:Transport")], text
    text = "Police arrested the suspect in his home on Friday."
    assert triggers_of_type(nlp, suggester, text, "Justice:Arrest-Jail") == [("arrested", "Justice:Arrest-Jail")], text


@pytest.mark.slow
def test_blows_money_poured_in_and_a_life_taken(nlp, suggester):
    # words the schema lacked for ACE's senses: blows with the body (Attack), money poured or pumped into a party
    # (Transfer-Money), one's own life taken (Die)
    for text, word, kind in [
        ("The referee was punched by a player after the match.", "punched", "Conflict:Attack"),
        ("The police officer slapped the woman.", "slapped", "Conflict:Attack"),
        ("Investors poured $300 million into the startup last year.", "poured", MONEY),
        ("The government pumped billions of dollars into the banks.", "pumped", MONEY),
        ("The singer took his own life in 1994.", "took", "Life:Die"),
    ]:
        assert (word, kind) in triggers_of_type(nlp, suggester, text, kind), text
    for text, kind in [
        ("The boxer punched above his weight.", "Conflict:Attack"),
        ("The striker kicked the ball into the net.", "Conflict:Attack"),
        ("She poured water on the fire.", MONEY),
        ("The company pumped oil from the well.", MONEY),
    ]:
        assert triggers_of_type(nlp, suggester, text, kind) == [], text
