"""Trigger rules of Contact:Meet, Contact:Phone-Write, Movement:Transport and Transaction:Transfer-Money on short
made-up sentences parsed by the default pipeline (session 28; the other types' in test_suggest_rules.py)."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, suggested_events, suggested_triggers


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


@pytest.mark.slow
def test_a_phone_call_or_a_letter_needs_two_parties_named(nlp, suggester):
    # ACE's Phone-Write: "limited to written or telephone communication where at least two parties are specified";
    # a channel of one speaker's words names one party ("confirmed in an email", "said during a telephone call")
    for text in [
        "The spokesman confirmed the new figures in an email to reporters.",
        "The minister said during a telephone call that the border would stay closed.",
    ]:
        assert not [
            t for _, t in suggested_triggers(nlp, suggester=suggester, text=text) if t == "Contact:Phone-Write"
        ], text
    for text, trigger in [
        ("The president spoke by phone with the Turkish prime minister on Friday.", "spoke"),
        ("Merkel and Putin spoke by telephone on Monday.", "spoke by telephone"),  # coordinated: two parties
    ]:
        assert (trigger, "Contact:Phone-Write") in suggested_triggers(nlp, suggester=suggester, text=text), text


@pytest.mark.slow
def test_money_paid_for_a_thing_is_a_purchase(nlp, suggester):
    # ACE's Transfer-Money gives money "when it is not in the context of purchasing something": paid for a thing
    # (a common noun of no label in the singular, or a weapon or a vehicle) is a purchase; paid for people is not
    for text, trigger in [
        ("The city received $50 million in federal grants to pay for equipment.", "pay"),
        ("The government paid $3 million for new trucks.", "paid"),
    ]:
        assert (trigger, "Transaction:Transfer-Money") not in suggested_triggers(nlp, suggester=suggester, text=text), (
            text
        )
    text = "The charity paid $2 million for the victims of the storm."
    assert ("paid", "Transaction:Transfer-Money") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_an_event_noun_said_of_a_subject_describes_it(nlp, suggester):
    # a noun trigger after "be" says what the subject is ("this is the first meeting", "the money was a donation"),
    # as a word in front of a noun does: scored as the `modifier` term, no event told with nothing more
    for text, trigger in [
        ("This is the first face-to-face meeting between the two leaders since the election.", "meeting"),
        ("The money was a personal donation from the king.", "donation"),
    ]:
        assert trigger not in {t for t, _ in suggested_triggers(nlp, suggester=suggester, text=text)}, text
    held = suggested_triggers(nlp, suggester=suggester, text="The two leaders held a meeting in Paris on Monday.")
    assert ("meeting", "Contact:Meet") in held


@pytest.mark.slow
def test_a_going_named_in_a_form_of_no_tense_with_no_place_is_an_activity(nlp, suggester):
    # ACE's Transport moves a person or a thing from one place to another; a base form or a gerund tells no
    # movement as having happened, and with no place it starts or ends at and no cue of the type it names an
    # activity: the score's `placeless_verb`, as a noun's `placeless_noun`
    for text, trigger in [
        ("Russian warplanes flying daily sorties pounded the town.", "flying"),
        ("The two men were convicted of smuggling illegal immigrants.", "smuggling"),
        ("The governor once spoke of deporting all undocumented immigrants.", "deporting"),
    ]:
        assert (trigger, "Movement:Transport") not in suggested_triggers(nlp, suggester=suggester, text=text), text
    for text, trigger in [
        ("The two men were convicted of smuggling illegal immigrants into Italy.", "smuggling"),  # a place
        ("The soldiers boarding the helicopter waved at the crowd.", "boarding"),  # a cue of the type
        ("Reporters traveling with the minister to Kabul asked about the budget.", "traveling"),
        ("The jet dropped two bombs on the market before flying north.", "flying"),  # a direction, no place named
    ]:
        assert (trigger, "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text), text


@pytest.mark.slow
def test_a_complement_stands_for_each_of_its_conjuncts(nlp, suggester):
    # "urged them to stop shelling and to resume talks": what is urged is each of the coordinated verbs, the second
    # with a "to" of its own as well (session 25 read a bare second verb so); ACE: modality Other, scored as
    # "urged them to resume talks"
    for text, trigger in [
        ("The mayor urged the rebels to stop shelling the city and to resume talks with the government.", "talks"),
        ("The senator asked donors to consider volunteering or making a donation to the charity.", "donation"),
    ]:
        assert trigger not in {t for t, _ in suggested_triggers(nlp, suggester=suggester, text=text)}, text
    told = suggested_triggers(
        nlp, suggester=suggester, text="The rebels stopped shelling the city and resumed talks with the government."
    )
    assert ("talks", "Contact:Meet") in told


@pytest.mark.slow
def test_a_verb_whose_object_is_a_place_done_to_no_place_is_another_sense(nlp, suggester):
    # "leave", "flee", "enter", "visit", ... take the place gone from or to as their object (role_slots): done to a
    # person's pronoun or an amount they mean leaving someone in a state or something behind, no movement (ACE's
    # Transport moves someone from one place to another)
    for text, trigger in [
        ("The soldiers left them with nothing in the village.", "left"),
        ("Little was left inside the airport after the fighting.", "left"),
    ]:
        assert (trigger, "Movement:Transport") not in suggested_triggers(nlp, suggester=suggester, text=text), text
    for text, trigger in [
        ("The former minister left the country in March.", "left"),
        ("The refugees left their homes in the city on Monday.", "left"),
    ]:
        assert (trigger, "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text), text


@pytest.mark.slow
def test_peace_talks_name_a_negotiation_not_one_meeting(nlp, suggester):
    # "peace talks" name a process of negotiation between sides, over months and places, not one coming together
    # at a single location (ACE's Meet): the blocker "peace" on Contact:Meet; talks held somewhere stay a meeting
    for text in [
        "The Geneva peace talks between the government and the rebels stalled last week.",
        "The mediator spoke about the Syrian peace talks outside the hotel in Geneva.",
    ]:
        assert ("talks", "Contact:Meet") not in suggested_triggers(nlp, suggester=suggester, text=text), text
    held = suggested_triggers(
        nlp, suggester=suggester, text="The two foreign ministers held talks in Geneva on Monday."
    )
    assert ("talks", "Contact:Meet") in held  # one event, on the noun (session 37: "hold talks" no trigger of its own)


@pytest.mark.slow
def test_aid_is_money_given_only_with_money_told(nlp, suggester):
    # aid is goods, arms or help as often as money; ACE's Transfer-Money gives money: "aid" counts with an object (or
    # an "of" phrase) of money only (`object_triggers`), and a verb of giving money stays one
    text = "Kerry encouraged aiding the new government in Tripoli after the meeting."
    assert ("aiding", "Transaction:Transfer-Money") not in suggested_triggers(nlp, suggester=suggester, text=text)
    text = "The EU granted $5 million in aid to the flood victims."
    assert ("granted", "Transaction:Transfer-Money") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_a_participle_joined_by_a_hyphen_describes_a_thing(nlp, suggester):
    # "well-funded", "state-funded": a compound adjective describing a noun, no event told, whatever the parse makes
    # of it (here it hangs "funded" on "organized" and "network" on the verb); the verb itself stays one
    text = "Investigators found that a vast, organized and well-funded network fuels the migration."
    assert ("funded", "Transaction:Transfer-Money") not in suggested_triggers(nlp, suggester=suggester, text=text)
    text = "The government funded the program with $5 million last year."
    assert ("funded", "Transaction:Transfer-Money") in suggested_triggers(nlp, suggester=suggester, text=text)
    # a prefix that makes another verb is no compound adjective: "self-deported" is still a going
    text = "Many families self-deported last year rather than face arrest."
    assert ("deported", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_exiles_in_the_plural_are_people(nlp, suggester):
    # "exiles" name people in exile, as "refugees" and "migrants" do: a noun naming a person is no trigger; "exile",
    # the state, stays a word of the going ("returned from exile")
    text = "Thousands of Cuban exiles in Miami celebrated on Monday."
    assert ("exiles", "Movement:Transport") not in suggested_triggers(nlp, suggester=suggester, text=text)
    text = "The opposition leader returned from exile in London on Monday."
    assert ("returned", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_a_return_to_a_state_is_no_movement(nlp, suggester):
    # a bare common noun of no kind after "to" ("power", "constitutional rule") is a state gone back to, no place
    # (ACE's Transport moves someone to a place): the blocker "to:state", as "sent him to prison"
    for text, trigger in [
        ("The former president returned to power after the disputed vote in March.", "returned"),
        ("The bloc will organize elections to ensure a return to constitutional rule.", "return"),
    ]:
        assert (trigger, "Movement:Transport") not in suggested_triggers(nlp, suggester=suggester, text=text), text
    for text in ["The minister returned to the city on Monday.", "The refugees returned to Syria last week."]:
        assert ("returned", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text), text
    # a going away from a place is a movement whatever state it ends in
    text = "Thousands of civilians fled to safety across the border on Monday."
    assert ("fled", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_a_recurring_time_tells_a_habit(nlp, suggester):
    # a unit of time with "every" or "each" on the clause, or "as usual", says the event happens as a rule (ACE:
    # genericity Generic), as "often" or "usually" does: scored down as a habit, no one occurrence told
    text = "As usual, the police arrived."
    assert ("arrived", "Movement:Transport") not in suggested_triggers(nlp, suggester=suggester, text=text)
    assert ("arrived", "Movement:Transport") in suggested_triggers(
        nlp, suggester=suggester, text="The police arrived on Sunday."
    )
    for text, genericity in [
        ("The delegates travel to Geneva every week.", "Generic"),
        ("Every Sunday the women arrive by bus.", "Generic"),
        ("The delegates traveled to Geneva last week.", None),
    ]:
        told = suggested_events(nlp, text, suggester)
        assert [e.attributes.get("genericity") for e in told if e.type == "Movement:Transport"] == [genericity], text


@pytest.mark.slow
def test_a_recurring_time_in_the_clause_s_own_phrases_tells_a_habit(nlp, suggester):
    # the recurring time may sit inside one of the clause's phrases ("along the same route as every week", "on every
    # weekend"), not only as its adverb; one in a clause of its own is that clause's ("where he preached every week")
    text = "They returned to the square along the same route as every week."
    assert ("returned", "Movement:Transport") not in suggested_triggers(nlp, suggester=suggester, text=text)
    for text, genericity in [
        ("The police arrived at the camp on every weekend.", "Generic"),
        ("He returned to the city where he preached every week.", None),
        ("They returned to the square along the same route as last week.", None),
    ]:
        told = suggested_events(nlp, text, suggester)
        assert [e.attributes.get("genericity") for e in told if e.type == "Movement:Transport"] == [genericity], text


@pytest.mark.slow
def test_a_part_of_a_place_is_a_place(nlp, suggester):
    # "the east of Ukraine", "other parts of the country": a noun naming a part of a place its "of" phrase names is a
    # place, where a going starts or ends (ACE's Origin and Destination), and no misfit of the verb when the role
    # takes the name; with who goes, a weak going passes on its two roles
    for text, trigger in [
        ("Rebel fighters entered other parts of the country on Monday.", "entered"),
        ("Hundreds of families escaped to the south of the province.", "escaped"),
        ("The families left the north of Syria last week.", "left"),
    ]:
        assert (trigger, "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text), text
    text = "The company entered the second part of the plan."  # a part of no place: no going
    assert "entered" not in {t for t, _ in suggested_triggers(nlp, suggester=suggester, text=text)}


@pytest.mark.slow
def test_a_vehicle_goes_by_is_the_vehicle(nlp, suggester):
    # ACE's Transport has a Vehicle, "the vehicle used to transport the person or artifact": a motorbike, a taxi, an
    # ambulance or a ferry is one as a car or a boat is (noun_classes.VEHICLES), a role filled, so a weak going with
    # it and where it ends passes on two roles
    text = "The vendor drove it by motorbike to his house."
    assert ("drove", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text)
    text = "The farmer brought the wounded man by taxi to the clinic."
    brought = [e for e in suggested_events(nlp, suggester=suggester, text=text) if e.type == "Movement:Transport"]
    assert brought and ("Vehicle", "taxi") in [(a.role, text[a.start : a.end]) for a in brought[0].arguments]


@pytest.mark.slow
def test_the_noun_a_participle_is_said_of_does_what_it_tries(nlp, suggester):
    # "two men trying to escape to Spain": the participle's noun tries, and so escapes (subject control down the
    # participle's "to" complement); who goes and where to, the weak going passes on its two roles
    text = "The police caught two men trying to escape to Spain."
    escape = [e for e in suggested_events(nlp, suggester=suggester, text=text) if e.type == "Movement:Transport"]
    assert escape and ("Artifact", "men") in [(a.role, text[a.start : a.end]) for a in escape[0].arguments]


@pytest.mark.slow
def test_the_rest_of_a_group_are_its_members(nlp, suggester):
    # "the rest of her family" are family members, as "hundreds of migrants" are migrants (arg_spans.QUANTITY_HEADS):
    # the Artifact a going moves, no object of another sense
    text = "The woman brought the rest of her family to Canada last year."
    brought = [e for e in suggested_events(nlp, suggester=suggester, text=text) if e.type == "Movement:Transport"]
    assert brought and ("Artifact", "family") in [(a.role, text[a.start : a.end]) for a in brought[0].arguments]


@pytest.mark.slow
def test_a_journey_saying_how_far_a_place_lies_is_no_movement(nlp, suggester):
    # ACE's Transport moves someone or something from one place to another; a journey's noun said of a place with a
    # "from" or an "away" tells how far the place lies (session 33)
    for text in [
        "The camp is in Libya, just a short boat ride from southern Europe.",
        "Libya lies just a short boat ride from southern Europe.",
    ]:
        assert "ride" not in {t for t, _ in suggested_triggers(nlp, suggester=suggester, text=text)}, text
    text = "The refugees took a boat ride from Libya to Italy on Monday."
    assert ("ride", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_money_told_per_a_unit_or_as_a_range_is_a_price(nlp, suggester):
    # ACE's Transfer-Money is money given by a giver to a recipient; a sum told per hour, per day or as a range is a
    # wage, a price or a market figure, what is paid as a rule (session 33)
    for text, trigger in [
        ("The company pays its workers $5 an hour.", "pays"),
        ("The agency paid the drivers $30 per day.", "paid"),
        ("Most families paid between $2,000 and $3,000 to the smugglers.", "paid"),
    ]:
        assert (trigger, "Transaction:Transfer-Money") not in suggested_triggers(nlp, suggester=suggester, text=text), (
            text
        )
    text = "The government paid the workers $5 million on Friday."
    assert ("paid", "Transaction:Transfer-Money") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_an_event_noun_told_as_an_amount_is_a_figure(nlp, suggester):
    # what rises or falls, what is counted: a market figure or a statistic, the sum of many events, no one event
    # (ACE: Transfer-Money gives money from a giver to a recipient, Transport moves someone); session 33
    for text, trigger in [
        ("Foreign investment in Ukraine fell 20 percent last year.", "investment"),
        ("Payments to Ukraine rose to $3 billion in 2015.", "Payments"),
        ("Arrivals of migrants in Italy fell by half in June.", "Arrivals"),
        ("The number of arrivals in Greece dropped to 2,000 last month.", "arrivals"),
        ("Twenty percent of the arrivals in Greece were Syrians.", "arrivals"),
        ("Turkish Airlines runs 300 flights a day to Istanbul.", "flights"),
    ]:
        assert trigger not in {t for t, _ in suggested_triggers(nlp, suggester=suggester, text=text)}, text
    # a noun subject of a verb done to something is a cause, no amount
    text = "The minister's arrival in Kyiv on Monday raised hopes."
    assert ("arrival", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_an_event_postponed_did_not_take_place(nlp, suggester):
    # postponed, put off or shelved as cancelled or called off: not at the time told (ACE: Polarity Negative);
    # session 33
    text = "The two leaders postponed their talks in Geneva."
    assert "talks" not in {t for t, _ in suggested_triggers(nlp, suggester=suggester, text=text)}
    text = "The two leaders held their talks in Geneva on Monday."
    assert ("talks", "Contact:Meet") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_a_meeting_held_online_is_not_face_to_face(nlp, suggester):
    # ACE's Meet: two or more come together at a single location and interact face to face; session 33
    for text, trigger in [
        ("Biden held a virtual meeting with Xi on Monday.", "meeting"),
        ("Merkel held an online summit with Macron.", "summit"),
        ("Biden and Xi met by videoconference on Monday.", "met"),
    ]:
        assert (trigger, "Contact:Meet") not in suggested_triggers(nlp, suggester=suggester, text=text), text
    text = "Biden held a meeting with Xi in Bali on Monday."
    assert ("meeting", "Contact:Meet") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_money_moved_is_no_transport(nlp, suggester):
    # ACE's Transport moves a weapon, a vehicle or a person; a sum of money sent back or moved is no Artifact
    # (session 33)
    for text, trigger in [
        ("He returned $5 million to the donors.", "returned"),
        ("Smugglers moved $2 billion to offshore accounts.", "moved"),
    ]:
        assert (trigger, "Movement:Transport") not in suggested_triggers(nlp, suggester=suggester, text=text), text
    text = "The army moved 300 soldiers to the border."
    assert ("moved", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_money_paid_back_is_a_transfer_of_money(nlp, suggester):
    # ACE's Transfer-Money: giving, receiving, borrowing or lending money; a loan repaid is money given back
    # (session 33)
    text = "Greece repaid 750 million euros to the IMF on Monday."
    assert ("repaid", "Transaction:Transfer-Money") in suggested_triggers(nlp, suggester=suggester, text=text)
    text = "Ukraine faces huge debt repayments."  # a plural with no one paying: no one payment
    assert "repayments" not in {t for t, _ in suggested_triggers(nlp, suggester=suggester, text=text)}
