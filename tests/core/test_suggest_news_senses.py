"""Senses of event words common in business, sport and politics news that name no event of the word's type (session
34, ``annotator/suggest/figurative.py``), each beside the real event it must not hide, on short made-up sentences
parsed by the default pipeline."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


@pytest.mark.slow
def test_a_party_killed_off_or_killed_at_the_polls_is_no_death(nlp, suggester):
    # "killed off", "died off": a sense of its own, said of a party, a product or a movement as of people; a life ends
    # only where people are named. A body undone in or at a vote has no life to end (ACE's Life:Die ends a person's)
    for text in [
        "The Liberal party was killed off in the election.",
        "The party was killed off at the polls in 2015.",
        "Voters killed off the Green party in the election.",
        "The company killed off its oldest product line.",
        "The movement died off after the election.",
    ]:
        assert triggers_of_type(nlp, suggester, text, "Life:Die") == [], text
    for text, word in [
        ("Gunmen killed off the witnesses in the village.", "killed"),
        ("Three people were killed at the polls in Lagos.", "killed"),
        ("The rebels died off in the mountains.", "died"),
        ("The party leader was killed in the bombing.", "killed"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Life:Die") == [(word, "Life:Die")], text


@pytest.mark.slow
def test_a_killing_made_on_a_market_is_a_profit(nlp, suggester):
    for text in ["Traders made a killing on the stock market.", "Investors made a killing on the deal."]:
        assert triggers_of_type(nlp, suggester, text, "Life:Die") == [], text
    got = triggers_of_type(nlp, suggester, "The killing of the journalist was condemned.", "Life:Die")
    assert got == [("killing", "Life:Die")], got


@pytest.mark.slow
def test_a_shot_or_a_strike_in_a_ball_game_is_no_attack(nlp, suggester):
    # sport told without a score: a ball struck, a player struck by the ball, a shot gone wide (ACE's Attack is a
    # violent act by an attacker); a player shot or struck outside the game stays
    for text in [
        "The striker shot wide in the second half.",
        "Messi shot wide from ten yards.",
        "The player was struck by the ball during the match.",
        "He struck the ball into the net.",
    ]:
        assert triggers_of_type(nlp, suggester, text, "Conflict:Attack") == [], text
    for text, word in [
        ("The gunman shot the player outside the stadium.", "shot"),
        ("Police shot the striker during the riot.", "shot"),
        ("Ronaldo was shot outside the stadium.", "shot"),
        ("Soldiers fired high over the crowd in Cairo.", "fired"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Conflict:Attack") == [(word, "Conflict:Attack")], text


@pytest.mark.slow
def test_a_raid_on_funds_or_shares_and_an_attack_on_a_budget_harm_no_one(nlp, suggester):
    for text in [
        "Investors staged a dawn raid on the company's shares.",
        "The government raided the pension fund to pay for the war.",
        "The opposition attacked the budget.",
    ]:
        assert triggers_of_type(nlp, suggester, text, "Conflict:Attack") == [], text
    for text, word in [
        ("Troops raided the market in Mosul.", "raided"),
        ("Thieves raided the bank in Kabul.", "raided"),
        ("Rebels attacked the plant on Monday.", "attacked"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Conflict:Attack") == [(word, "Conflict:Attack")], text
    got = triggers_of_type(nlp, suggester, "An airstrike hit a market in Aleppo.", "Conflict:Attack")
    assert ("hit", "Conflict:Attack") in got, got


@pytest.mark.slow
def test_a_plan_met_with_criticism_is_no_meeting(nlp, suggester):
    # a reception: no entities come together face to face (ACE's Meet); a party met, or people greeting, stay
    for text in [
        "The plan met with opposition in parliament.",
        "The king was greeted with cheers in Riyadh.",
    ]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [], text
    for text, word in [
        ("The president met with union leaders in Paris.", "met"),
        ("The minister met with the opposition in Kiev.", "met"),
        ("The president was greeted with applause by the troops in Kabul.", "greeted"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [(word, "Contact:Meet")], text


@pytest.mark.slow
def test_a_firm_moving_its_office_moves_no_one(nlp, suggester):
    # ACE's Transport moves a person, a weapon or a vehicle: a firm's seat or work moved is none; its people moved,
    # or a visit to its headquarters (the place gone to), stay
    for text in [
        "The company moved to a new office in Boston.",
        "The firm moved its headquarters to Texas.",
        "The bank relocated its headquarters to Frankfurt.",
    ]:
        assert triggers_of_type(nlp, suggester, text, "Movement:Transport") == [], text
    for text, word in [
        ("Google moved its staff to a new building.", "moved"),
        ("The delegation visited the company's headquarters in Tokyo.", "visited"),
        ("The army moved troops to the border.", "moved"),
        ("The company flew its engineers to Houston.", "flew"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Movement:Transport") == [(word, "Movement:Transport")], text


@pytest.mark.slow
def test_a_summit_climbed_and_a_project_met_with_success_are_no_meetings(nlp, suggester):
    for text in [
        "The expedition reached the summit of Everest on Monday.",
        "The climbers reached the summit of the mountain.",
        "The project met with success in its first year.",
    ]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [], text
    for text, word in [
        ("The summit of the African Union opened in Addis Ababa.", "summit"),
        ("The minister met with survivors of the accident.", "met"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [(word, "Contact:Meet")], text


@pytest.mark.slow
def test_a_bill_heading_to_the_senate_moves_no_one(nlp, suggester):
    assert triggers_of_type(nlp, suggester, "The bill now heads to the Senate.", "Movement:Transport") == []
    for text, word in [
        ("The delegation heads to Geneva on Monday.", "heads to"),
        ("Troops headed to the border.", "headed to"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Movement:Transport") == [(word, "Movement:Transport")], text


@pytest.mark.slow
def test_words_a_target_of_the_economy_and_a_game_lost_are_no_attack_nor_death(nlp, suggester):
    # bombarded with questions (no weapon), a bank's inflation target (no one harmed), a team "massacred" by a score or
    # a party "slaughtered" at the polls (no life ended), a side marching into a final (no protest)
    for text, kind in [
        ("The minister was bombarded with questions.", "Conflict:Attack"),
        ("The central bank targets inflation of 2 percent.", "Conflict:Attack"),
        ("The team was massacred 6-0 by Germany.", "Life:Die"),
        ("The opposition was slaughtered at the polls.", "Life:Die"),
        ("The team marched into the final.", "Conflict:Demonstrate"),
    ]:
        assert triggers_of_type(nlp, suggester, text, kind) == [], text
    for text, word, kind in [
        ("Police attacked the protesters with tear gas.", "attacked", "Conflict:Attack"),
        ("Rebels targeted the convoy near Kabul.", "targeted", "Conflict:Attack"),
        ("Soldiers massacred 30 villagers in the town.", "massacred", "Life:Die"),
        ("Protesters marched to the square in Cairo.", "marched", "Conflict:Demonstrate"),
    ]:
        assert triggers_of_type(nlp, suggester, text, kind) == [(word, kind)], text


@pytest.mark.slow
def test_dying_to_do_something_is_a_wish(nlp, suggester):
    assert triggers_of_type(nlp, suggester, "He was dying to see the show.", "Life:Die") == []
    for text in ["The soldier died trying to save his comrades.", "Two men died fighting the fire."]:
        assert triggers_of_type(nlp, suggester, text, "Life:Die") == [("died", "Life:Die")], text


@pytest.mark.slow
def test_sides_meeting_in_a_final_play_a_game(nlp, suggester):
    for text in ["The champions met Barcelona in the final.", "Federer meets Nadal in the semifinal."]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [], text
    for text in [
        "Putin met Macron at the World Cup final in Moscow.",
        "The leaders met in the final round of talks.",
        "The president met the players in the dressing room after the match.",
    ]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [("met", "Contact:Meet")], text


@pytest.mark.slow
def test_health_and_business_senses_of_attack_die_and_arrest(nlp, suggester):
    # a dose of a medicine, a probe by regulators, a contest of law or money, cells or bacteria killed, an illness
    # arrested: no one attacked, killed or held (ACE); the real events beside them stay
    for text, kind in [
        ("Millions got a flu shot last year.", "Conflict:Attack"),
        ("The nurse gave him a booster shot.", "Conflict:Attack"),
        ("The company was targeted by regulators.", "Conflict:Attack"),
        ("The two firms are locked in a takeover battle.", "Conflict:Attack"),
        ("The drug killed the cancer cells in the lab.", "Life:Die"),
        ("Her cancer was arrested by the new treatment.", "Justice:Arrest-Jail"),
    ]:
        assert triggers_of_type(nlp, suggester, text, kind) == [], text
    for text, word, kind in [
        ("A single shot killed him.", "shot", "Conflict:Attack"),
        ("Police targeted the protesters with tear gas.", "targeted", "Conflict:Attack"),
        ("The inspector was shot by gunmen.", "shot", "Conflict:Attack"),
        ("Rebels were locked in a fierce battle with troops.", "battle", "Conflict:Attack"),
        ("The gunmen killed the doctor in the lab.", "killed", "Life:Die"),
        ("The striker was arrested for drink driving.", "arrested", "Justice:Arrest-Jail"),
    ]:
        assert triggers_of_type(nlp, suggester, text, kind) == [(word, kind)], text


@pytest.mark.slow
def test_places_that_join_are_no_meeting(nlp, suggester):
    for text in ["The two rivers meet at Khartoum.", "The road meets the highway near the border."]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [], text
    for text, word in [
        ("Iran and Iraq met in Geneva on Monday.", "met"),
        ("The delegations met at the border.", "met"),
        ("The committee met at the hotel on Monday.", "met"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [(word, "Contact:Meet")], text


@pytest.mark.slow
def test_a_gathering_addressed_is_the_audience_of_a_speech(nlp, suggester):
    for text in [
        "The minister spoke on Monday, addressing a security conference in Munich.",
        "The president addressed the meeting of NATO leaders in Brussels.",
    ]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [], text
    for text, word in [
        ("The ministers held a conference in Paris on Monday.", "conference"),
        ("The minister spoke at the meeting of NATO leaders in Brussels.", "meeting"),
    ]:
        assert triggers_of_type(nlp, suggester, text, "Contact:Meet") == [(word, "Contact:Meet")], text
