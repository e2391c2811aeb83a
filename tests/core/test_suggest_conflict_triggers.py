"""Trigger rules of Conflict:Attack, Conflict:Demonstrate, Justice:Arrest-Jail and Life:Die on short made-up
sentences parsed by the default pipeline (sessions 29 and 30; earlier sessions' in test_suggest_rules.py)."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, suggested_events, suggested_triggers


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


@pytest.mark.slow
def test_a_finite_verb_tells_its_event_again_without_a_participant_read(nlp, suggester):
    # a later mention is a noun phrase referring back ("the attack"); a finite verb asserts an occurrence of its own,
    # even where the parse finds none of its participants ("At least 12 were killed": a number, no role's label)
    for text, kind in [
        ("Troops killed two militants near the border on Monday. At least 12 were killed.", "Life:Die"),
        ("Police arrested two men in Lagos on Monday. Dozens more were arrested.", "Justice:Arrest-Jail"),
    ]:
        got = suggested_triggers(nlp, text, suggester)
        assert [t for t in got if t[1] == kind] == [(text.split()[1], kind)] * 2, got


@pytest.mark.slow
def test_a_later_noun_mention_without_participants_stays_out(nlp, suggester):
    # the guard: a noun told again with no participant is a reference to the event already suggested
    text = "Militants attacked a police post in Kano on Monday. The attack was condemned."
    got = suggested_triggers(nlp, text, suggester)
    assert ("attacked", "Conflict:Attack") in got
    assert ("attack", "Conflict:Attack") not in got, got


@pytest.mark.slow
def test_a_wh_infinitive_is_an_open_question_and_tells_no_event(nlp, suggester):
    # "how to attack", "where to arrest": what is asked about is not told as done (ACE: modality Other), as a
    # "whether" clause is not (session 30)
    for text in ["The question is how to attack the militants.", "The officers asked where to arrest the suspects."]:
        assert suggested_triggers(nlp, text, suggester) == [], text
    # with participants enough to stay suggested, it is still no asserted event
    asked = suggested_events(nlp, "The generals argued over how to attack the rebels in Mosul.", suggester)
    assert [(e.type, e.attributes.get("modality")) for e in asked] == [("Conflict:Attack", "Other")]
    # the guard: the act told as done
    got = suggested_triggers(nlp, "Soldiers attacked the militants in Mosul.", suggester)
    assert got == [("attacked", "Conflict:Attack")], got


@pytest.mark.slow
def test_a_vigil_is_a_protest_only_with_support(nlp, suggester):
    # a vigil is held to mourn or pray as often as to protest (ACE's Demonstrate: to protest or demand official
    # action): a weak word, a protest with a cue or a protester (session 30)
    assert suggested_triggers(nlp, "Families held a vigil at the stadium to honor the players.", suggester) == []
    got = suggested_triggers(nlp, "Protesters held a vigil outside the embassy against the executions.", suggester)
    assert got == [("vigil", "Conflict:Demonstrate")], got


@pytest.mark.slow
def test_one_of_a_run_of_events_is_no_occurrence_told(nlp, suggester):
    # "a series of attacks", "a string of bombings": several occurrences told as one class, none singled out, as a
    # kind in a list of things (the `listed` term, session 30); the same noun told on its own stays
    text = "Officials blamed the rebels for a series of attacks on army posts in Kano."
    assert suggested_triggers(nlp, text, suggester) == []
    got = suggested_triggers(nlp, "Police blamed the rebels for the attacks on army posts in Kano.", suggester)
    assert got == [("attacks", "Conflict:Attack")], got


@pytest.mark.slow
def test_a_force_of_nature_striking_a_place_is_no_attack(nlp, suggester):
    # ACE's Attack is a violent act by an attacker: a storm, an earthquake or a famine that strikes or hits a place
    # attacks nothing (a blocker `subj:nature` on the subject the frame reads, a relative clause's noun too; session 31)
    for text in [
        "The earthquake struck the city on Monday.",
        "A powerful storm hit the coast of Florida.",
        "The famine that struck the region lasted three years.",
        "Typhoon Haiyan struck the Philippines in 2013.",
    ]:
        assert suggested_triggers(nlp, text, suggester) == [], text
    # the guard: a weapon or a doer striking
    for text, word in [("Rockets hit a school in Gaza.", "hit"), ("Militants struck a checkpoint in Kano.", "struck")]:
        assert suggested_triggers(nlp, text, suggester) == [(word, "Conflict:Attack")], text


@pytest.mark.slow
def test_holding_ones_own_is_no_arrest(nlp, suggester):
    # "holds her baby": one's own held in one's arms, a photo caption's commonest "hold"; ACE's Arrest-Jail is a
    # person's movement constrained by a state actor (a blocker `obj:own` on a weak word with no cue; session 31)
    for text in ["A mother holds her son at a hospital in Aleppo.", "A man holds his daughter at the border."]:
        assert suggested_triggers(nlp, text, suggester) == [], text
    # the guard: a cue of the type, or someone else's held
    for text in ["Police held his son for two days.", "Militants held the pilot for a month."]:
        assert suggested_triggers(nlp, text, suggester) == [("held", "Justice:Arrest-Jail")], text


@pytest.mark.slow
def test_a_dead_body_held_is_no_arrest(nlp, suggester):
    # a body kept by the police or at a morgue: no person whose movement is constrained (ACE's Arrest-Jail), whatever
    # the cue (a blocker `obj:body`: the object, the passive subject, the noun a participle describes; session 31)
    for text in [
        "Police held the bodies of the victims for a week.",
        "The bodies were held at the morgue.",
        "Relatives asked for the bodies of the gunmen being held by police.",
    ]:
        assert [t for t in suggested_triggers(nlp, text, suggester) if t[1] == "Justice:Arrest-Jail"] == [], text
    # the guard: a living person held
    for text in ["Police held the suspect for a week.", "The men were held by police for a week."]:
        assert suggested_triggers(nlp, text, suggester) == [("held", "Justice:Arrest-Jail")], text


@pytest.mark.slow
def test_no_persons_death_is_no_die(nlp, suggester):
    # ACE's Life:Die is the end of a person's life: an animal dying, or a bill or a deal "killed" (stopped), is none
    # (a blocker `obj:no_one` on who undergoes the verb, through a count's "of"; session 31)
    for text in [
        "The dog died on Monday.",
        "Hundreds of fish died in the lake last week.",
        "Republicans killed the bill in the Senate on Tuesday.",
        "The board killed the deal with Google.",
    ]:
        assert [t for t in suggested_triggers(nlp, text, suggester) if t[1] == "Life:Die"] == [], text
    # the guard: people dying or killed, counted too
    for text, word in [
        ("Gunmen killed hundreds of villagers in Borno on Monday.", "killed"),
        ("Two soldiers died in the blast in Kabul.", "died"),
    ]:
        assert (word, "Life:Die") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_a_clash_over_a_topic_is_a_dispute(nlp, suggester):
    # "clashed over the budget": a clash in words about a topic, no violent act (ACE's Attack is physical); "clash"
    # joins "attack" as a figurative trigger, and an "over"/"about" phrase on a topic noun tells the words (session 31)
    assert suggested_triggers(nlp, "Lawmakers clashed over the budget on Tuesday.", suggester) == []
    # the guard: a time or a place after "over", or who with whom
    for text in [
        "Police clashed with protesters over the weekend in Paris.",
        "Protesters clashed with police in Paris on Saturday.",
    ]:
        assert ("clashed", "Conflict:Attack") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_an_event_prevented_did_not_happen(nlp, suggester):
    # "foiled an attack", "called off the protest": a verb of preventing says its object never took place (ACE:
    # Polarity Negative, scored as a negation; session 31)
    for text in ["Organisers called off the protest in Paris.", "Police thwarted a bombing at the airport in Lagos."]:
        assert suggested_triggers(nlp, text, suggester) == [], text
    foiled = suggested_events(nlp, "Security forces foiled an attack on the embassy in Kabul.", suggester)
    assert [e.attributes.get("polarity") for e in foiled] == ["Negative"], foiled
    # the guard: the same event told as done, and a verb that names it ("called the attack a crime")
    for text in ["Protesters staged a protest in Paris.", "Police called the attack on the embassy in Kabul a crime."]:
        got = suggested_events(nlp, text, suggester)
        assert got and all(e.attributes.get("polarity") != "Negative" for e in got), text


@pytest.mark.slow
def test_who_commits_suicide_is_its_victim(nlp, suggester):
    # an act one does to oneself: the subject of "commit" is the one who died (session 31)
    text = "The prisoner committed suicide in his cell on Monday."
    (die,) = [e for e in suggested_events(nlp, text, suggester) if e.type == "Life:Die"]
    assert [text[a.start : a.end] for a in die.arguments if a.role == "Victim"] == ["prisoner"], die.arguments


@pytest.mark.slow
def test_a_police_raid_is_a_search_no_attack(nlp, suggester):
    # a raid told with the police or the authorities, or an arrest, in its sentence and no armed force is a search by
    # law enforcement, no violent act causing harm (ACE's Attack; a blocker `raid:police`, session 32)
    for text in [
        "Police arrested five men after a raid on a nightclub in Lagos.",
        "Police seized weapons and drugs in the raid.",
        "Drugs were found in a raid on his home in Lagos, police said.",
        "Officers raided the offices of the company in Lagos on Monday.",
    ]:
        assert [t for t in suggested_triggers(nlp, text, suggester) if t[1] == "Conflict:Attack"] == [], text
    # the guard: an armed force raiding, with or beside the police
    for text, word in [
        ("Soldiers killed ten militants in a raid on a rebel camp in Borno.", "raid"),
        ("Commandos raided a militant camp in Borno on Monday.", "raided"),
        ("Police and soldiers raided the camp with rifles.", "raided"),
    ]:
        assert (word, "Conflict:Attack") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_a_rule_or_an_animal_is_no_attack_s_target(nlp, suggester):
    # ACE's Attack harms people, places and things; a law or a rule "struck down" (a court's ruling) or an animal shot
    # is none (the blocker `obj:no_one` of Life:Die on Attack too, a rule, a policy, a ban among the things put forward
    # or agreed; session 32)
    for text in [
        "A federal judge struck down the rules for protesters.",
        "The Supreme Court struck down the law on Monday.",
        "Poachers shot two elephants in the park.",
    ]:
        assert [t for t in suggested_triggers(nlp, text, suggester) if t[1] == "Conflict:Attack"] == [], text
    # the guard: people and places attacked
    for text, word in [("Gunmen attacked the police station.", "attacked"), ("Soldiers shot two protesters.", "shot")]:
        assert (word, "Conflict:Attack") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_a_place_taken_is_no_arrest(nlp, suggester):
    # ACE's Arrest-Jail constrains a person's movement: a place or a thing captured, seized or held by the police
    # (blockers `obj:FAC`, `obj:PRODUCT` on Arrest-Jail, the object's label guessed from its noun), an event held
    # (`obj:event`) or one held liable or responsible, judged (`oprd:liable`, ...), is none (session 32)
    for text in [
        "Police captured the airport after clashes with militants.",
        "Police held the city center for hours.",
        "Police held a news conference on Monday.",
        "The company was held liable for the damage.",
    ]:
        assert [t for t in suggested_triggers(nlp, text, suggester) if t[1] == "Justice:Arrest-Jail"] == [], text
    # the guard: a person taken
    for text, word in [
        ("Police seized the suspect at the airport.", "seized"),
        ("Rebels captured two soldiers near the border.", "captured"),
        ("Zielinski, 58, was arrested by officers at his home in Krakow.", "arrested"),
        ("The pilot was held captive for a month.", "held"),
    ]:
        assert (word, "Justice:Arrest-Jail") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_a_blaze_or_an_illness_battled_and_a_law_as_the_doer_are_no_attack(nlp, suggester):
    # ACE's Attack is a violent act by an attacker (a person, an organization, a state) harming people, places or
    # things: a force of nature or an illness battled (a blocker `obj:nature`), or a law or a rule as the doer (a
    # blocker `subj:no_one`), is none (session 32)
    for text in [
        "Firefighters battled the blaze for hours.",
        "Doctors battled the epidemic in Liberia.",
        "The new law targets undocumented immigrants.",
        "The policy attacks the poor, the senator said.",
    ]:
        assert [t for t in suggested_triggers(nlp, text, suggester) if t[1] == "Conflict:Attack"] == [], text
    # the guard: an armed side attacking or battling
    for text, word in [
        ("Militants targeted the police station.", "targeted"),
        ("Troops battled the rebels for hours in Mosul.", "battled"),
    ]:
        assert (word, "Conflict:Attack") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_who_kills_himself_is_the_victim(nlp, suggester):
    # "killed himself" (session 31's lead, true on main: Agent the man, no Victim): a reflexive object is the subject,
    # the one who died, as "committed suicide" gives it; a pronoun subject with no one named before it fills nothing
    text = "The former minister, John Abbott, killed himself at his home in Leeds on Tuesday, police said."
    (die,) = [e for e in suggested_events(nlp, text, suggester) if e.type == "Life:Die"]
    assert [text[a.start : a.end] for a in die.arguments if a.role == "Victim"] == ["John Abbott"], die.arguments
    text = "A soldier shot himself at a base in Texas on Friday."
    (shot,) = [e for e in suggested_events(nlp, text, suggester) if e.type == "Conflict:Attack"]
    assert [text[a.start : a.end] for a in shot.arguments if a.role == "Target"] == ["soldier"], shot.arguments


@pytest.mark.slow
def test_a_clash_at_an_event_of_speech_is_a_dispute(nlp, suggester):
    # candidates or senators clashing during a debate or at a hearing clash in words (ACE's Attack is physical);
    # with police or an armed force on a side, or at a summit (which draws crowds outside), it may be blows (session 33)
    for text in [
        "The candidates clashed during the debate.",
        "The two candidates clashed during Tuesday's televised debate.",
        "The senators clashed at the hearing on Thursday.",
        "The ministers clashed during the cabinet meeting.",
    ]:
        assert ("clashed", "Conflict:Attack") not in suggested_triggers(nlp, text, suggester), text
    for text in [
        "Protesters clashed with police during the meeting.",
        "Police clashed with protesters during the summit.",
        "Rebels clashed with soldiers during the talks.",
        "Protesters clashed with police during the march.",
    ]:
        assert ("clashed", "Conflict:Attack") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_a_market_rally_is_no_protest(nlp, suggester):
    # a price's move: a thing traded as the subject, or an amount of change told (ACE's Demonstrate is people
    # gathering in public); people rallying stay a protest (session 33)
    for text in [
        "Stocks rallied on Wall Street on Friday.",
        "Shares rallied in Tokyo against the yen.",
        "Shares of Apple rallied 5 percent.",
    ]:
        assert [t for t in suggested_triggers(nlp, text, suggester) if t[1] == "Conflict:Demonstrate"] == [], text
    for text in [
        "Thousands of protesters rallied in the capital.",
        "Supporters rallied outside the courthouse against the verdict.",
        "Oil workers rallied outside the ministry.",
    ]:
        assert ("rallied", "Conflict:Demonstrate") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_what_has_no_life_does_not_die(nlp, suggester):
    # a hope, talks, a company or an engine "dies" with no life ending (ACE's Life:Die); people die (session 33)
    for text in [
        "Her dream of a title died on Sunday.",
        "The talks died last year.",
        "The company died in 2008.",
        "The engine died on the highway.",
        "It died in committee.",
    ]:
        assert ("died", "Life:Die") not in suggested_triggers(nlp, text, suggester), text
    for text in [
        "The soldier died in the hospital.",
        "Three children died in the fire.",
        "The crew died when the plane crashed.",
        "The passengers died in the crash.",
    ]:
        assert ("died", "Life:Die") in suggested_triggers(nlp, text, suggester), text
    assert ("killed", "Life:Die") in suggested_triggers(nlp, "It killed 20 people in the market.", suggester)


@pytest.mark.slow
def test_an_attack_from_a_weapon_or_a_vehicle_has_it_as_instrument(nlp, suggester):
    # "airstrikes from Russian warplanes", "shelling from government tanks": what an attack comes from, a weapon or a
    # vehicle, is its Instrument (ACE), a participant that tells the attack singled out (session 33)
    for text, word, instrument in [
        ("Rebels in Aleppo were backed by relentless airstrikes from Russian warplanes.", "airstrikes", "warplanes"),
        ("Villagers fled the shelling from government tanks.", "shelling", "tanks"),
    ]:
        events = [e for e in suggested_events(nlp, text, suggester) if e.type == "Conflict:Attack"]
        assert [text[e.trigger_start : e.trigger_end] for e in events] == [word], text
        assert any(
            a.role == "Instrument" and text[a.start : a.end].endswith(instrument) for a in events[0].arguments
        ), text
    # a "from" phrase of people stays the Attacker
    got = suggested_events(nlp, "Airstrikes from the coalition killed ten militants.", suggester)
    attack = next(e for e in got if e.type == "Conflict:Attack")
    assert [
        (a.role, "Airstrikes from the coalition killed ten militants."[a.start : a.end]) for a in attack.arguments
    ] == [("Attacker", "coalition")]


@pytest.mark.slow
def test_a_work_a_price_or_a_game_attacks_no_one(nlp, suggester):
    # ACE's Attack is a violent act by an attacker: an editorial or a statement attacks in words, a price "shoots up",
    # a team beats another by a score or in a final (session 33)
    for text in [
        "The editorial attacked the government on Monday.",
        "The statement attacked the rebels.",
        "Oil prices shot up 10 percent on Monday.",
        "Germany beat Brazil 7-1 in the semi-final.",
        "The Yankees hammered the Red Sox 10-2.",
        "Nadal crushed Federer in the final.",
    ]:
        assert [t for t in suggested_triggers(nlp, text, suggester) if t[1] == "Conflict:Attack"] == [], text
    for text, word in [
        ("Police beat protesters in the square.", "beat"),
        ("Soldiers beat the prisoners during the match.", "beat"),
        ("Fans attacked the referee during the match.", "attacked"),
        ("Gunmen attacked the stadium during the match.", "attacked"),
        ("Rebels attacked the town in 2014-2015.", "attacked"),
        ("Rebels hit 40 percent of the targets.", "hit"),  # a share of things, no price's move
    ]:
        assert (word, "Conflict:Attack") in suggested_triggers(nlp, text, suggester), text


@pytest.mark.slow
def test_a_cardiac_arrest_holds_no_one_and_a_song_does_not_die(nlp, suggester):
    # the heart or the breath stopping is no Arrest-Jail; a work "dies out" with no life ending (session 33)
    assert suggested_triggers(nlp, "He suffered a cardiac arrest at his home.", suggester) == []
    assert ("died", "Life:Die") not in suggested_triggers(nlp, "The song died out in the 1990s.", suggester)
    got = suggested_triggers(nlp, "Police made an arrest at his home.", suggester)
    assert ("arrest", "Justice:Arrest-Jail") in got, got
