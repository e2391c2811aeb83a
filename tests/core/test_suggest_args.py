"""Arguments of suggested events on short sentences (the default pipeline): which token of the parse fills a role,
and which span it stands for."""

from __future__ import annotations


import pytest

from annotator.schema import load_schema
from annotator.resources_path import resource_path
from annotator.suggest.nearest_setting import SentenceEntities
from annotator.suggest.event_rules import RuleEventSuggester

NEWS = resource_path("schemas/news.toml")


@pytest.fixture(scope="module")
def suggester():
    return RuleEventSuggester(load_schema(NEWS))


def args_of(nlp, suggester, text: str, trigger: str, type_: str) -> set[tuple[str, str]]:
    """(role, text) of the arguments of the one suggestion of ``type_`` on ``trigger``."""
    doc = nlp(text)
    found = [
        s
        for s in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        if text[s.trigger_start : s.trigger_end] == trigger and s.type == type_
    ]
    assert len(found) == 1, found
    return {(a.role, text[a.start : a.end]) for a in found[0].arguments}


def test_a_verb_with_words_of_its_own_shares_no_object_with_the_next(nlp, suggester):
    # "killing and wounding scores" share the object; "arrived in Paris and has a car" do not
    got = args_of(nlp, suggester, "The man arrived in Paris and has a car.", "arrived", "Movement:Transport")
    assert ("Artifact", "man") in got and not any(t == "car" for _, t in got)
    got = args_of(nlp, suggester, "She arrived in Paris in May and bought a house.", "arrived", "Movement:Transport")
    assert ("Destination", "Paris") in got and not any(t == "house" for _, t in got)
    got = args_of(nlp, suggester, "Rebels attacked and burned the village.", "attacked", "Conflict:Attack")
    assert ("Target", "village") in got


def test_the_noun_of_a_where_or_when_clause_is_a_setting_not_a_participant(nlp, suggester):
    got = args_of(nlp, suggester, "Villagers fled the valley where soldiers killed two farmers.", "killed", "Life:Die")
    assert {("Victim", "farmers"), ("Agent", "soldiers"), ("Place", "valley")} <= got
    got = args_of(nlp, suggester, "He visited Syria in 1990, when thousands of people died.", "died", "Life:Die")
    assert ("Victim", "people") in got and not any(r == "Agent" for r, _ in got)


def test_whose_stands_for_the_noun_the_clause_modifies(nlp, suggester):
    got = args_of(nlp, suggester, "They mourned a boy whose death shocked the town.", "death", "Life:Die")
    assert ("Victim", "boy") in got
    # the possessor of the one arrested is not arrested himself
    text = "The family of Ahmed, whose son was arrested in Cairo, spoke."
    got = args_of(nlp, suggester, text, "arrested", "Justice:Arrest-Jail")
    assert ("Person", "son") in got and not any(t == "Ahmed" for _, t in got)


@pytest.mark.parametrize(
    "text, trigger, type_, arg",
    [
        ("Thousands of people fled the Mosul area.", "fled", "Movement:Transport", ("Origin", "Mosul")),
        (
            "Police arrested two dozen protesters in the St. Louis suburb of Ferguson.",
            "arrested",
            "Justice:Arrest-Jail",
            ("Place", "St. Louis"),
        ),
        # a country's or a province's name in front is the place's own, the name after "of" the one it lies in
        ("Rebels attacked a base in the Anbar province of Iraq.", "attacked", "Conflict:Attack", ("Place", "Anbar")),
        # the NER calls Kos an organisation: "the island of" says it is a place
        (
            "Boats carrying migrants to the Greek island of Kos capsized.",
            "carrying",
            "Movement:Transport",
            ("Destination", "Kos"),
        ),
    ],
)
def test_a_place_noun_stands_for_the_place_it_names(nlp, suggester, text, trigger, type_, arg):
    assert arg in args_of(nlp, suggester, text, trigger, type_)


@pytest.mark.parametrize(
    "text, trigger, arg",
    [
        ("The army moved troops to the Gulf state of Qatar.", "moved", ("Destination", "Qatar")),
        # the NER reads Lampedusa as a person: "the island of" says it is a place
        (
            "Hundreds of migrants sailed to the Mediterranean island of Lampedusa.",
            "sailed",
            ("Destination", "Lampedusa"),
        ),
    ],
)
def test_a_region_in_front_of_a_place_noun_with_a_name_after_of_is_where_it_lies(nlp, suggester, text, trigger, arg):
    assert arg in args_of(nlp, suggester, text, trigger, "Movement:Transport")


@pytest.mark.parametrize(
    "text, trigger, arg",
    [
        ("The United States shipped rifles to Ukraine last year.", "shipped", ("Destination", "Ukraine")),
        ("Officials withdrew the ambassador from Iran.", "withdrew", ("Origin", "Iran")),
        # where the one moved is from, a passive's subject or an intransitive one
        ("Trucks from the port were sent to the capital.", "sent", ("Origin", "port")),
        ("Migrants from Eritrea arrived in Italy.", "arrived", ("Origin", "Eritrea")),
    ],
)
def test_where_the_one_moved_goes_to_or_comes_from_is_the_movements(nlp, suggester, text, trigger, arg):
    """The parse hangs the verb's "to" or "from" on the one moved: where it goes or comes from all the same, a filler
    suggested with a score below what counts as evidence of the trigger (0.5)."""
    doc = nlp(text)
    found = [
        s
        for s in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        if text[s.trigger_start : s.trigger_end] == trigger and s.type == "Movement:Transport"
    ]
    assert len(found) == 1, found
    scores = {(a.role, text[a.start : a.end]): a.score for a in found[0].arguments}
    assert arg in scores and scores[arg] < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Officers arrived at dawn to take the suspects into custody.",
        "Officers stormed the house and took the suspects into custody.",
    ],
)
def test_a_noun_trigger_after_to_takes_the_doer_of_the_chain_its_verb_hangs_from(nlp, suggester, text):
    """ "took the suspects into custody" with no subject of its own: those who arrived or stormed took them; a filler
    read from another clause, suggested below what counts as evidence of the trigger (0.5)."""
    doc = nlp(text)
    (found,) = [
        s
        for s in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        if text[s.trigger_start : s.trigger_end] == "custody"
    ]
    scores = {(a.role, text[a.start : a.end]): a.score for a in found.arguments}
    assert ("Person", "suspects") in scores
    assert ("Agent", "Officers") in scores and scores[("Agent", "Officers")] < 0.5


def test_the_by_of_a_participle_of_doing_it_after_a_noun_trigger_is_its_doer(nlp, suggester):
    """ "a protest organized by the students": the students protest, a filler read through the participle, suggested
    below what counts as evidence of the trigger (0.5)."""
    text = "The protest organized by the students ended peacefully."
    doc = nlp(text)
    (found,) = [
        s
        for s in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        if text[s.trigger_start : s.trigger_end] == "protest"
    ]
    assert [(a.role, text[a.start : a.end], a.score < 0.5) for a in found.arguments] == [("Entity", "students", True)]


def test_the_sides_between_which_a_fight_is_are_its_attackers(nlp, suggester):
    """ "the battle between the army and the rebels": its sides attack, which one the words leave open (of coordinated
    ones the last, as for any role of one), suggested below what counts as evidence of the trigger (0.5)."""
    text = "The battle between the army and the rebels lasted three days."
    doc = nlp(text)
    (found,) = [
        s
        for s in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        if text[s.trigger_start : s.trigger_end] == "battle"
    ]
    assert [(a.role, text[a.start : a.end], a.score < 0.5) for a in found.arguments] == [("Attacker", "rebels", True)]


def test_a_person_described_and_named_is_the_name(nlp, suggester):
    text = "Prominent political activist and commentator Kem Ley was shot dead in Phnom Penh."
    assert ("Target", "Kem Ley") in args_of(nlp, suggester, text, "shot", "Conflict:Attack")


def test_a_name_takes_the_label_it_has_most_often_in_the_document(nlp, suggester):
    text = "Trump spoke to reporters. Trump left early. Later Trump arrived in Paris."
    doc = nlp(text)
    at = [i for i in range(len(text)) if text.startswith("Trump", i)]
    # the NER read the third "Trump" as a place: the document says a person
    entities = [(at[0], at[0] + 5, "PERSON"), (at[1], at[1] + 5, "PERSON"), (at[2], at[2] + 5, "GPE")]
    entities.append((text.index("Paris"), text.index("Paris") + 5, "GPE"))
    found = [s for s in suggester.suggest(doc, entities) if text[s.trigger_start : s.trigger_end] == "arrived"]
    assert len(found) == 1
    assert ("Artifact", at[2], at[2] + 5, "PERSON") in {(a.role, a.start, a.end, a.label) for a in found[0].arguments}


@pytest.mark.parametrize(
    "text, trigger, type_, place",
    [
        # where the object is: the attack happened there
        (
            "Taliban gunmen stormed a military-run school in the northwestern Pakistani city of Peshawar on Tuesday.",
            "stormed",
            "Conflict:Attack",
            "Peshawar",
        ),
        # what a participle tells the outcome of happened there too
        (
            "Taliban gunmen stormed a military-run school in the northwestern Pakistani city of Peshawar, killing 141.",
            "killing",
            "Life:Die",
            "Peshawar",
        ),
        # where the one shot was sitting when it happened
        ("The activist was shot while sitting in a coffee shop.", "shot", "Conflict:Attack", "shop"),
    ],
)
def test_the_setting_of_the_object_or_of_a_while_clause_is_the_place(nlp, suggester, text, trigger, type_, place):
    assert ("Place", place) in args_of(nlp, suggester, text, trigger, type_)


def test_the_one_spoken_with_on_the_phone_is_a_party(nlp, suggester):
    # the parse hangs "with ..." on "telephone"; the call is between the two
    text = "President Donald Trump speaks on the telephone with Australian Prime Minister Malcolm Turnbull."
    got = args_of(nlp, suggester, text, "speaks", "Contact:Phone-Write")
    assert {("Entity", "Donald Trump"), ("Entity", "Malcolm Turnbull")} <= got


def test_a_full_name_counts_for_its_surname(nlp, suggester):
    text = (
        "Jason Van Dyke was charged. Jason Van Dyke spoke. Jason Van Dyke left. Van Dyke quit. Van Dyke was arrested."
    )
    doc = nlp(text)
    full = [i for i in range(len(text)) if text.startswith("Jason Van Dyke", i)]
    short = [i for i in range(len(text)) if text.startswith("Van Dyke", i) and text[i - 6 : i] != "Jason "]
    # the NER read both short mentions as an organisation
    entities = [(i, i + 14, "PERSON") for i in full] + [(i, i + 8, "ORG") for i in short]
    found = [s for s in suggester.suggest(doc, entities) if text[s.trigger_start : s.trigger_end] == "arrested"]
    assert len(found) == 1
    assert ("Person", short[1], short[1] + 8, "PERSON") in {
        (a.role, a.start, a.end, a.label) for a in found[0].arguments
    }


def test_he_may_stand_for_a_person_told_by_nationality(nlp, suggester):
    got = args_of(nlp, suggester, "The Iraqi attacked two soldiers before he was shot.", "shot", "Conflict:Attack")
    assert ("Target", "Iraqi") in got


def test_a_description_said_of_a_name_is_the_name(nlp, suggester):
    text = "Ahmed Karimi, who was the militia's commander until he was killed in 2010, was buried in Herat."
    assert ("Victim", "Ahmed Karimi") in args_of(nlp, suggester, text, "killed", "Life:Die")


@pytest.mark.parametrize(
    "text, trigger, type_, arg",
    [
        ("Rebels fired rockets at the base.", "fired", "Conflict:Attack", ("Instrument", "rockets")),
        (
            "The navy fired a barrage of cruise missiles at the port.",
            "fired",
            "Conflict:Attack",
            ("Instrument", "missiles"),
        ),
        # a weapon moved or sold is what is moved or sold
        ("The army shipped rifles to the rebels.", "shipped", "Movement:Transport", ("Artifact", "rifles")),
    ],
)
def test_a_weapon_fired_is_the_instrument(nlp, suggester, text, trigger, type_, arg):
    assert arg in args_of(nlp, suggester, text, trigger, type_)


def test_a_facility_named_in_front_of_its_noun_is_the_name(nlp, suggester):
    got = args_of(nlp, suggester, "Police arrested him at the Ritz-Carlton hotel.", "arrested", "Justice:Arrest-Jail")
    assert ("Place", "Ritz-Carlton") in got
    # a city in front of a facility names where the facility is, not the facility
    got = args_of(nlp, suggester, "Rebels attacked the Damascus airport.", "attacked", "Conflict:Attack")
    assert ("Target", "airport") in got


def test_the_body_of_a_person_is_the_person(nlp, suggester):
    got = args_of(
        nlp,
        suggester,
        "Police officers carried the body of a young girl to the hospital.",
        "carried",
        "Movement:Transport",
    )
    assert ("Artifact", "girl") in got


@pytest.mark.parametrize(
    "text, trigger, type_, role, filler",
    [
        # coordinated objects of an arrest: Person takes one or more fillers, the suggestion one of them
        (
            "Police arrested Ahmed Ali and Omar Hassan in Cairo on Monday.",
            "arrested",
            "Justice:Arrest-Jail",
            "Person",
            "Omar Hassan",
        ),
        # a chain of three names: "C" hangs on "B", not on "A"; the subject is a party of its own
        (
            "John Kerry met Sergei Lavrov, Wang Yi and Laurent Fabius in Geneva.",
            "met",
            "Contact:Meet",
            "Entity",
            "Laurent Fabius",
        ),
    ],
)
def test_a_role_that_takes_several_gets_the_last_of_coordinated_fillers(
    nlp, suggester, text, trigger, type_, role, filler
):
    """Session 31: one filler of a coordination, the last, even where the role takes several: the data marks one
    filler a role in every event (events-dev half A: 0 of 352 with two), the later conjunct more often; every one of
    them before (half A argument F1 0.4857 -> 0.4880, half B 0.3429 -> 0.3446). Fails on main: all of them."""
    got = args_of(nlp, suggester, text, trigger, type_)
    assert [t for r, t in got if r == role and t != "John Kerry"] == [filler], got


@pytest.mark.parametrize(
    "text, trigger, type_, role",
    [
        ("Ahmed Ali and Omar Hassan were killed in Cairo on Monday.", "killed", "Life:Die", "Victim"),
        ("The troops were moved to Germany, Poland and Romania.", "moved", "Movement:Transport", "Destination"),
        ("Rebels attacked a school and a hospital in Aleppo.", "attacked", "Conflict:Attack", "Target"),
    ],
)
def test_a_role_the_schema_fills_once_gets_one_suggested_filler(nlp, suggester, text, trigger, type_, role):
    """Accepted, a second filler would break the schema's multiplicity: a hand could not add it, review would flag it."""
    got = args_of(nlp, suggester, text, trigger, type_)
    assert len([t for r, t in got if r == role]) == 1, got


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, type_, role, filler",
    [
        ("Ahmed Ali and Omar Hassan were killed in Cairo on Monday.", "killed", "Life:Die", "Victim", "Omar Hassan"),
        ("Rebels attacked a school and a hospital in Aleppo.", "attacked", "Conflict:Attack", "Target", "hospital"),
        (
            "The troops were moved to Germany, Poland and Romania.",
            "moved",
            "Movement:Transport",
            "Destination",
            "Romania",
        ),
    ],
)
def test_a_role_the_schema_fills_once_takes_the_last_of_coordinated_fillers(
    nlp, suggester, text, trigger, type_, role, filler
):
    """Session 18: of coordinated fillers a role that takes one gets the last (the data's convention: it marks one
    filler per role, the later conjunct more often, 26 to 16 on half A); it got the first."""
    got = args_of(nlp, suggester, text, trigger, type_)
    assert [t for r, t in got if r == role] == [filler], got


def test_by_after_an_of_phrase_is_the_nouns_agent(nlp, suggester):
    # the parse hangs "by security forces" on "protested"; it names who killed, not who protested
    text = "Thousands protested over the killing of a student, Burhan Wani, by security forces."
    assert ("Agent", "forces") in args_of(nlp, suggester, text, "killing", "Life:Die")
    assert not any(t == "forces" for _, t in args_of(nlp, suggester, text, "protested", "Conflict:Demonstrate"))
    text = "Protests marked the anniversary of the death of an unarmed man by a police officer."
    assert ("Agent", "police officer") in args_of(nlp, suggester, text, "death", "Life:Die")


def test_the_agent_of_a_verb_of_doing_it_is_the_nouns(nlp, suggester):
    # "carried out" is doing the attack: its "by" names the attacker; "condemned" is not, its "by" names no one in it
    text = "The attack was carried out by Islamic State militants."
    assert any(
        r == "Attacker" and "militants" in t for r, t in args_of(nlp, suggester, text, "attack", "Conflict:Attack")
    )
    low = RuleEventSuggester(load_schema(NEWS), threshold=0.0)
    text = "The attack was condemned by the United Nations."
    assert not any(r == "Attacker" for r, _ in args_of(nlp, low, text, "attack", "Conflict:Attack"))


def test_a_possessive_pronoun_refers_to_its_clauses_subject_first(nlp, suggester):
    # "her" is Maria Lopez, the subject of the clause the pronoun is in, not the officer named nearer to it
    text = "Maria Lopez was led away by a police officer following her arrest in Madrid."
    got = args_of(nlp, suggester, text, "arrest", "Justice:Arrest-Jail")
    assert ("Person", "Maria Lopez") in got and ("Person", "police officer") not in got, got


@pytest.mark.slow
def test_a_length_of_time_is_no_time_it_happened_a_point_is(nlp, suggester):
    for text, trigger, type_ in [
        ("Protesters marched through the capital for three days.", "marched", "Conflict:Demonstrate"),
        ("Police detained the activist for two weeks.", "detained", "Justice:Arrest-Jail"),
        ("The rebels ended a two-year siege of the city.", "siege", "Conflict:Attack"),
        ("He was held for 48 hours before police released him.", "held", "Justice:Arrest-Jail"),
        # the parse's reading missed these (events-dev's): a length said of a thing, told without "for" (session 20)
        ("Anwar Ibrahim is serving a five year jail term for sodomy.", "term", "Justice:Sentence"),
        ("The protesters took a bus for the half-hour journey to the square.", "journey", "Movement:Transport"),
    ]:
        assert not any(role == "Time" for role, _ in args_of(nlp, suggester, text, trigger, type_)), text
    got = args_of(nlp, suggester, "Police arrested the man on Tuesday.", "arrested", "Justice:Arrest-Jail")
    assert ("Time", "Tuesday") in got
    got = args_of(nlp, suggester, "Rebels attacked the town in May 2023.", "attacked", "Conflict:Attack")
    assert ("Time", "May 2023") in got
    got = args_of(
        nlp, suggester, "Police arrested the man just days after the vote.", "arrested", "Justice:Arrest-Jail"
    )
    assert ("Time", "just days") in got  # a length measured from a point is one


@pytest.mark.slow
def test_the_name_before_a_noun_with_an_of_phrase_is_not_the_one_it_is_done_to(nlp, suggester):
    # the "of" phrase of an event noun names the one it is done to (its object); the name before the noun is not
    # that one too: "the army's killing of civilians" made the army the Victim, "the police detention of the activist"
    # the police one detained (session 18)
    got = args_of(nlp, suggester, "The army's killing of civilians in Aleppo shocked the world.", "killing", "Life:Die")
    assert ("Victim", "civilians") in got and not any(t == "army" for _, t in got), got
    text = "The police detention of the activist drew criticism."
    got = args_of(nlp, suggester, text, "detention", "Justice:Arrest-Jail")
    assert [t for role, t in got if role == "Person"] == ["activist"], got
    got = args_of(nlp, suggester, "Russia's invasion of Ukraine shocked Europe.", "invasion", "Conflict:Attack")
    assert {("Attacker", "Russia"), ("Target", "Ukraine")} <= got, got  # a role of the doer still takes it


@pytest.mark.slow
def test_an_age_is_no_time_it_happened(nlp, suggester):
    # spaCy's NER makes an age a DATE; it tells how long one has lived, not when the event was (session 18)
    text = "The police shot the suspect, a 20-year-old man, in Chicago."
    got = args_of(nlp, suggester, text, "shot", "Conflict:Attack")
    assert ("Target", "suspect") in got and not any(role == "Time" for role, _ in got), got
    got = args_of(
        nlp, suggester, "Police arrested the 18-year old suspect on Monday.", "arrested", "Justice:Arrest-Jail"
    )
    assert [t for role, t in got if role == "Time"] == ["Monday"], got


@pytest.mark.slow
def test_an_age_told_in_apposition_is_no_time_it_happened(nlp, suggester):
    # "Zielinski, 58, was arrested" (seed 004): spaCy's DATE "58", the sentence's only DATE, was the arrest's Time
    # (session 20); with a date in the sentence ("in February 2023") the date is
    text = "Zielinski, 58, was arrested by officers at his home in Krakow."
    got = args_of(nlp, suggester, text, "arrested", "Justice:Arrest-Jail")
    assert ("Person", "Zielinski") in got or ("Agent", "officers") in got, got
    assert not any(role == "Time" for role, _ in got), got
    got = args_of(nlp, suggester, text.replace(".", " in February 2023."), "arrested", "Justice:Arrest-Jail")
    assert [t for role, t in got if role == "Time"] == ["February 2023"], got


@pytest.mark.slow
def test_the_length_of_a_sentence_is_its_sentence(nlp, suggester):
    got = args_of(nlp, suggester, "The judge gave him a sentence of five years.", "sentence", "Justice:Sentence")
    assert ("Sentence", "five years") in got and not any(role == "Time" for role, _ in got)


@pytest.mark.slow
def test_an_outcome_takes_the_weapon_of_what_caused_it(nlp, suggester):
    # "..., killing two officers" tells what the firing did: the rifle fired is what they were killed with
    text = "The gunman fired his rifle into the crowd, killing two police officers."
    got = args_of(nlp, suggester, text, "killing", "Life:Die")
    assert {("Instrument", "rifle"), ("Victim", "officers"), ("Agent", "gunman")} <= got, got
    # a vehicle driven is no weapon: no instrument is said
    got = args_of(nlp, suggester, "He drove a truck into the crowd, killing 80 people.", "killing", "Life:Die")
    assert not any(role == "Instrument" for role, _ in got), got


@pytest.mark.slow
def test_where_a_place_left_is_left_for_is_the_destination(nlp, suggester):
    # the parse hangs "for Medellin" on "Bolivia"; a place takes no "for" of its own: it is where the plane went
    got = args_of(nlp, suggester, "The plane had left Bolivia for Medellin.", "left", "Movement:Transport")
    assert {("Origin", "Bolivia"), ("Destination", "Medellin")} <= got, got


@pytest.mark.slow
def test_who_is_killed_in_an_attack_is_its_target(nlp, suggester):
    # the death is told as happening in the attack: its victim is what the attack hit (ACE: intended or not)
    text = "Three civilians died in a rocket attack on Monday."
    assert ("Target", "civilians") in args_of(nlp, suggester, text, "attack", "Conflict:Attack")
    text = "The journalist was killed during clashes in the city."
    assert ("Target", "journalist") in args_of(nlp, suggester, text, "clashes", "Conflict:Attack")


@pytest.mark.slow
def test_what_is_fired_into_is_the_target(nlp, suggester):
    # "into" after a verb of attacking names what is hit, as "at" and "on" do
    got = args_of(nlp, suggester, "The army fired shells into Syria on Friday.", "fired", "Conflict:Attack")
    assert ("Target", "Syria") in got and ("Instrument", "shells") in got, got


@pytest.mark.slow
def test_a_plural_noun_tagged_as_a_verb_is_read_as_the_noun_its_slot_shows(nlp, suggester):
    # the tagger takes "airstrikes" after "in" for a verb (VBZ); the object of a preposition is a noun phrase, so its
    # compound and the nationality said of it are who did it
    text = "Two people died in Saudi coalition airstrikes."
    assert ("Attacker", "Saudi") in args_of(nlp, suggester, text, "airstrikes", "Conflict:Attack")


@pytest.mark.slow
def test_the_nationality_of_a_noun_in_front_of_the_trigger_is_the_party(nlp, suggester):
    # the parse hangs "Russian and Syrian" on "government": the government in front of the noun is named by them,
    # the last of the two as a role that takes one gets the last of coordinated fillers
    text = "The town was hit by Russian and Syrian government bombings."
    assert args_of(nlp, suggester, text, "bombings", "Conflict:Attack") == {("Attacker", "Syrian")}


@pytest.mark.slow
def test_a_participle_coordinated_with_a_passive_is_passive_too(nlp, suggester):
    # "was arrested and charged": "charged" shares the auxiliary of "arrested", so the subject is the one charged,
    # not the one charging
    text = "The activist was arrested on Monday and charged with murder."
    assert ("Defendant", "activist") in args_of(nlp, suggester, text, "charged", "Justice:Charge-Indict")


@pytest.mark.slow
def test_a_name_read_as_often_a_place_as_a_nationality_is_the_place(nlp, suggester):
    # the NER read "Mombasa" as a city once and as a nationality (NORP) in front of "attack": a tie, and a
    # nationality has a word of its own ("Kenyan"), so the name in front of the attack is where it happened
    text = "Police in Mombasa were on alert. Officials said the Mombasa attack killed two officers."
    at = [i for i in range(len(text)) if text.startswith("Mombasa", i)]
    entities = [(at[0], at[0] + 7, "GPE"), (at[1], at[1] + 7, "NORP")]
    doc = nlp(text)
    found = [
        s
        for s in suggester.suggest(doc, entities)
        if text[s.trigger_start : s.trigger_end] == "attack" and s.type == "Conflict:Attack"
    ]
    assert len(found) == 1, found
    got = {(a.role, a.start, a.label) for a in found[0].arguments}
    assert ("Place", at[1], "GPE") in got and not any(role == "Attacker" for role, _, _ in got), got


@pytest.mark.slow
def test_the_nationality_of_a_place_noun_without_a_name_is_the_place(nlp, suggester):
    # "Kurdish towns" names no town: the nationality says which places, as the data marks them; a name after "of"
    # still comes first ("the Greek island of Kos": Kos)
    got = args_of(nlp, suggester, "The soldiers withdrew from Kurdish towns.", "withdrew", "Movement:Transport")
    assert ("Origin", "Kurdish") in got, got
    text = "Boats carried the migrants to the Greek island of Kos."
    assert ("Destination", "Kos") in args_of(nlp, suggester, text, "carried", "Movement:Transport")


@pytest.mark.slow
def test_a_common_noun_filler_keeps_the_nationality_in_front_of_it(nlp, suggester):
    # "Italian authorities" are who arrested: the nationality says which authorities, part of the phrase
    got = args_of(nlp, suggester, "Italian authorities arrested two smugglers.", "arrested", "Justice:Arrest-Jail")
    assert ("Agent", "Italian authorities") in got, got


@pytest.mark.slow
def test_who_has_a_detained_person_in_hand_detained_them(nlp, suggester):
    # an attributive participle on an object: the verb's subject did what the participle says was done to it
    got = args_of(
        nlp, suggester, "Police officers led a detained woman through the crowd.", "detained", "Justice:Arrest-Jail"
    )
    assert ("Agent", "officers") in got and ("Person", "woman") in got, got


@pytest.mark.slow
def test_the_place_a_noun_inside_the_trigger_is_of_is_the_place(nlp, suggester):
    # "the streets of Chicago": the place is told inside the phrase "took to the streets", not after it
    text = "Protesters took to the streets of Chicago for the second night."
    got = args_of(nlp, suggester, text, "took to the streets", "Conflict:Demonstrate")
    assert ("Place", "Chicago") in got, got


@pytest.mark.slow
def test_a_name_the_ner_reads_as_a_person_in_front_of_a_place_noun_names_the_place(nlp, suggester):
    # "Nad Ali district": the NER reads the name as a PERSON, but a name in front of "district" is the district's
    got = args_of(nlp, suggester, "Afghan troops arrive in Nad Ali district.", "arrive", "Movement:Transport")
    assert ("Destination", "Nad Ali") in got, got


@pytest.mark.slow
def test_the_one_at_whose_hands_it_happened_did_it(nlp, suggester):
    # "at the hands of police": the police are the doer, whichever preposition the parse hangs "hands" on
    text = "Several black men have been killed at the hands of police."
    assert ("Agent", "police") in args_of(nlp, suggester, text, "killed", "Life:Die")


@pytest.mark.slow
def test_a_participle_hung_on_a_noun_further_back_is_done_by_the_object_before_it(nlp, suggester):
    # the pipeline hangs "shooting" on "video" in "the release of video that showed officer ... shooting ..." (a
    # long sentence of events-dev); the parse is written out here so that the test does not hang on the model's
    # choice: the object right before the participle is who shoots, not the video
    from spacy.tokens import Doc

    words = ["Protesters", "saw", "video", "that", "showed", "officer", "Tom", "Brown", "shooting", "a", "boy", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 4, 2, 7, 7, 4, 2, 10, 8, 1],
        deps=["nsubj", "ROOT", "dobj", "nsubj", "relcl", "compound", "compound", "dobj", "acl", "det", "dobj", "punct"],
        pos=["NOUN", "VERB", "NOUN", "PRON", "VERB", "NOUN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["NNS", "VBD", "NN", "WDT", "VBD", "NN", "NNP", "NNP", "VBG", "DT", "NN", "."],
        lemmas=["protester", "see", "video", "that", "show", "officer", "Tom", "Brown", "shoot", "a", "boy", "."],
        ents=["O"] * 6 + ["B-PERSON", "I-PERSON"] + ["O"] * 4,
    )
    events = [
        e
        for e in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        if e.type == "Conflict:Attack"
    ]
    got = {(a.role, doc.text[a.start : a.end]) for e in events for a in e.arguments}
    assert ("Attacker", "Tom Brown") in got and ("Target", "boy") in got, got


@pytest.mark.slow
def test_names_coordinated_are_of_one_kind(nlp, suggester):
    # the NER reads "Isa Ipek" after "Serdar Kazar and" as a place: coordinated names are of one kind, and a role that
    # takes one filler gets the last of them
    text = "Police carried the coffin of officers Serdar Kazar and Isa Ipek, killed in an attack by rebels."
    assert ("Victim", "Isa Ipek") in args_of(nlp, suggester, text, "killed", "Life:Die")


@pytest.mark.slow
def test_a_participle_after_a_phrase_is_said_of_the_noun_in_it_that_names_someone(nlp, suggester):
    # the parse hangs "killed" on "the coffin", which names no one a role takes: the noun right before it in the
    # coffin's phrase, the officer, is the one killed (the parse written out, as the pipeline gives it in a longer
    # sentence of events-dev)
    from spacy.tokens import Doc

    doc = Doc(
        nlp.vocab,
        words=["Police", "carried", "the", "coffin", "of", "the", "officer", ",", "killed", "in", "an", "attack", "."],
        heads=[1, 1, 3, 1, 3, 6, 4, 3, 3, 8, 11, 9, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct", "acl", "prep", "det", "pobj", "punct"],
        pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        tags=["NNS", "VBD", "DT", "NN", "IN", "DT", "NN", ",", "VBN", "IN", "DT", "NN", "."],
        lemmas=["police", "carry", "the", "coffin", "of", "the", "officer", ",", "kill", "in", "an", "attack", "."],
        ents=["O"] * 13,
    )
    got = {
        (a.role, doc.text[a.start : a.end])
        for e in suggester.suggest(doc, [])
        if e.type == "Life:Die"
        for a in e.arguments
    }
    assert ("Victim", "officer") in got, got


@pytest.mark.slow
def test_an_amount_in_a_currency_the_pipeline_reads_as_a_quantity_is_the_money(nlp, suggester):
    # seed 004: spaCy's QUANTITY for "500,000 zlotys"; Justice:Fine's Money takes MONEY alone and was left empty
    text = "The court also fined him 500,000 zlotys and barred him from holding public office for ten years."
    got = args_of(nlp, suggester, text, "fined", "Justice:Fine")
    assert ("Money", "500,000 zlotys") in got and not any(role == "Time" for role, _ in got), got


@pytest.mark.slow
def test_one_shot_dead_dies_where_the_shooting_happened(nlp, suggester):
    # "shot dead while sitting in a cafe": the death told by the adjective happened where the verb's clause says
    text = "The activist was shot dead while sitting in a cafe."
    assert ("Place", "cafe") in args_of(nlp, suggester, text, "dead", "Life:Die")


@pytest.mark.slow
def test_what_a_participle_right_after_an_attack_noun_is_done_to_is_its_target(nlp, suggester):
    # "an explosion targeting one of their bases": the bases were attacked; the one killed in the explosion is the
    # target only where nothing else is told
    text = "Rebels said the commander was killed in an explosion targeting one of their bases."
    got = args_of(nlp, suggester, text, "explosion", "Conflict:Attack")
    assert ("Target", "bases") in got and ("Target", "commander") not in got, got


@pytest.mark.slow
def test_the_one_given_a_sentence_is_its_defendant(nlp, suggester):
    # seed 004: a noun trigger given to someone ("was given", "received") has the one given it as its Defendant, also
    # through a passive coordinated with the verb whose subject he is
    text = "The mayor testified against his partner and was later given a suspended sentence of two years."
    assert ("Defendant", "mayor") in args_of(nlp, suggester, text, "sentence", "Justice:Sentence")
    text = "Smith received a life sentence for the murder."
    assert ("Defendant", "Smith") in args_of(nlp, suggester, text, "life sentence", "Justice:Sentence")


@pytest.mark.slow
def test_a_chain_of_quantities_stands_for_the_thing_counted(nlp, suggester):
    # "millions of rounds of ammunition": the ammunition was carried, through both measures
    text = "The ship carried millions of rounds of ammunition to the port."
    assert ("Artifact", "ammunition") in args_of(nlp, suggester, text, "carried", "Movement:Transport")


def test_sentence_entities_keep_the_given_order_within_a_sentence():
    # the nearest Place or Time is looked for among the sentence's entities only, in the order given (a tie goes to
    # the first given, as when all the document's entities were looked through; session 21)
    class Sent:
        def __init__(self, lo, hi):
            self.start_char, self.end_char = lo, hi

    entities = [(30, 35, "GPE"), (5, 9, "DATE"), (12, 20, "GPE"), (40, 48, "LOC"), (20, 20, "GPE"), (18, 41, "ORG")]
    by_sentence = SentenceEntities(entities)
    assert by_sentence.of(Sent(0, 20)) == [(5, 9, "DATE"), (12, 20, "GPE"), (20, 20, "GPE")]
    assert by_sentence.of(Sent(21, 50)) == [(30, 35, "GPE"), (40, 48, "LOC")]
    assert by_sentence.of(Sent(50, 60)) == []


def test_a_day_and_a_length_of_time_the_ner_ran_together_are_two_phrases():
    # spaCy's one DATE "Tuesday to eight years" ("was sentenced on Tuesday to eight years"): a day, then a term
    from annotator.suggest.time_spans import point_and_length

    assert point_and_length("Tuesday to eight years") == ((0, 7), (11, 22))
    assert point_and_length("2019 for five years") == ((0, 4), (9, 19))
    for one in ("2004 to 2007", "one to three years", "March 2009 to April 2015", "July 18 to 21", "up to five years"):
        assert point_and_length(one) is None, one


@pytest.mark.slow
def test_a_sentence_told_after_the_day_is_the_sentence_and_the_day_its_time(nlp, suggester):
    # seed 004: "was sentenced on Tuesday to eight years in prison", the NER's DATE across both phrases: the Time was
    # "Tuesday to eight years" and the Sentence empty; pre-annotation keeps the two phrases as two entities
    from annotator.nlp import to_parsed

    text = "The former minister was sentenced on Tuesday to eight years in prison."
    doc = nlp(text)
    ents = to_parsed(doc).entities
    assert {text[s:e] for s, e, label in ents if label == "DATE"} == {"Tuesday", "eight years"}
    got = [s for s in suggester.suggest(doc, ents) if text[s.trigger_start : s.trigger_end] == "sentenced"]
    assert len(got) == 1 and got[0].type == "Justice:Sentence", got
    args = {(a.role, text[a.start : a.end]) for a in got[0].arguments}
    assert {("Sentence", "eight years"), ("Time", "Tuesday"), ("Defendant", "minister")} <= args, args


def test_a_day_and_a_part_of_it_side_by_side_are_one_time():
    # spaCy reads "Saturday morning" as a DATE and a TIME (seed 002): one time, as OntoNotes marks it
    from annotator.suggest.time_spans import day_and_part

    assert day_and_part("Saturday", "DATE", " ", "morning", "TIME")
    assert day_and_part("yesterday", "DATE", " ", "10:30 a.m.", "TIME")
    assert not day_and_part("Saturday", "DATE", " at ", "10:30 a.m.", "TIME")  # a preposition between: two
    assert not day_and_part("three days", "DATE", " ", "that night", "TIME")  # a length, no day
    assert not day_and_part("2019", "DATE", " ", "morning", "TIME")
    assert not day_and_part("Saturday", "TIME", " ", "morning", "DATE")


@pytest.mark.slow
def test_an_events_time_is_the_day_and_the_part_of_it_whole(nlp, suggester):
    # seed 002: "killed ... on Saturday morning", the NER's DATE "Saturday" and TIME "morning": the Time was half of it
    from annotator.nlp import to_parsed

    text = "At least 14 people were killed when an airstrike hit a market on Saturday morning."
    doc = nlp(text)
    ents = to_parsed(doc).entities
    assert {(text[s:e], label) for s, e, label in ents if label in ("DATE", "TIME")} == {("Saturday morning", "TIME")}
    got = [s for s in suggester.suggest(doc, ents) if text[s.trigger_start : s.trigger_end] == "killed"]
    assert len(got) == 1, got
    args = {(a.role, text[a.start : a.end]) for a in got[0].arguments}
    assert ("Time", "Saturday morning") in args, args


@pytest.mark.slow
def test_who_judges_is_the_adjudicator_and_never_the_prosecutor(nlp, suggester):
    # Trial-Hearing and Charge-Indict list the Prosecutor first, and both take a "by" agent or a subject: "tried by a
    # court" made the court the Prosecutor; a jury had no label and judged nothing
    got = args_of(nlp, suggester, "He was tried in absentia by a court in Tehran.", "tried", "Justice:Trial-Hearing")
    assert ("Adjudicator", "court") in got and not any(r == "Prosecutor" for r, _ in got), got
    got = args_of(
        nlp, suggester, "A court indicted the mayor on corruption charges.", "indicted", "Justice:Charge-Indict"
    )
    assert {("Adjudicator", "court"), ("Defendant", "mayor")} <= got, got
    got = args_of(nlp, suggester, "A federal jury convicted the man of terrorism.", "convicted", "Justice:Convict")
    assert ("Adjudicator", "jury") in got, got
    # who prosecutes stays the Prosecutor
    got = args_of(nlp, suggester, "Prosecutors charged the mayor with corruption.", "charged", "Justice:Charge-Indict")
    assert ("Prosecutor", "Prosecutors") in got, got


@pytest.mark.slow
def test_a_crime_named_by_a_common_noun_is_the_crime(nlp, suggester):
    # the Crime takes LAW or EVENT, which no crime the NER reads has: "charged with corruption" left it empty
    got = args_of(nlp, suggester, "The mayor was charged with corruption.", "charged", "Justice:Charge-Indict")
    assert {("Defendant", "mayor"), ("Crime", "corruption")} <= got, got
    got = args_of(nlp, suggester, "Police arrested two men for drug trafficking.", "arrested", "Justice:Arrest-Jail")
    assert ("Crime", "drug trafficking") in got, got
    got = args_of(nlp, suggester, "The general was acquitted of war crimes.", "acquitted", "Justice:Acquit")
    assert ("Crime", "war crimes") in got, got


@pytest.mark.slow
def test_the_one_along_with_a_participant_takes_part_too(nlp, suggester):
    # seed 004: "Zielinski was arrested ... along with businessman Piotr Nowicki": Nowicki was arrested too; the
    # "along with" ("together with") phrase hangs on the verb or on the noun
    got = args_of(
        nlp, suggester, "The mayor was arrested on Monday along with two officials.", "arrested", "Justice:Arrest-Jail"
    )
    assert {("Person", "mayor"), ("Person", "officials")} <= got, got
    got = args_of(nlp, suggester, "The president, along with his wife, visited Paris.", "visited", "Movement:Transport")
    assert {("Artifact", "president"), ("Artifact", "wife")} <= got, got
    got = args_of(nlp, suggester, "The minister fled to Russia together with his family.", "fled", "Movement:Transport")
    assert {("Artifact", "minister"), ("Artifact", "family")} <= got, got


@pytest.mark.slow
def test_a_when_clause_on_the_last_of_coordinated_verbs_tells_where_and_when_both_happened(nlp, suggester):
    # "were killed and ten injured when ...": the clause hangs on "injured"; the deaths happened there and then too
    text = "Five people were killed and ten injured when a bomb exploded at a market in Kabul on Monday."
    got = args_of(nlp, suggester, text, "killed", "Life:Die")
    assert {("Victim", "people"), ("Place", "market"), ("Time", "Monday")} <= got
    # where the clause's object is, as for the verb's own object
    text = "Two soldiers were killed and three wounded when rebels attacked a checkpoint in Mosul."
    assert ("Place", "Mosul") in args_of(nlp, suggester, text, "killed", "Life:Die")


@pytest.mark.slow
def test_a_noun_event_doing_what_a_verb_of_its_type_says_takes_the_verbs_arguments(nlp, suggester):
    # "an airstrike hit a market": one attack told twice, the noun as the verb's subject
    text = "An airstrike hit a crowded market in the town of Tawila on Sunday, witnesses said."
    got = args_of(nlp, suggester, text, "airstrike", "Conflict:Attack")
    assert {("Target", "market"), ("Place", "Tawila")} <= got
    # a verb of another type is no retelling: "the attack prompted" says nothing of what was attacked
    text = "The attack on the base prompted the president to order strikes."
    got = args_of(nlp, suggester, text, "attack", "Conflict:Attack")
    assert not any(t == "president" for _, t in got)


@pytest.mark.slow
def test_the_one_found_guilty_is_the_defendant_and_who_finds_the_adjudicator(nlp, suggester):
    # the parse makes the one found guilty the subject of "guilty" (a small clause); he is the verb's object
    got = args_of(nlp, suggester, "Judge Maria Nowak found Tomas Berg guilty of bribery.", "found", "Justice:Convict")
    assert {("Defendant", "Tomas Berg"), ("Adjudicator", "Maria Nowak")} <= got
    got = args_of(nlp, suggester, "A jury found the former mayor guilty of fraud.", "found", "Justice:Convict")
    assert {("Defendant", "mayor"), ("Adjudicator", "jury")} <= got


def test_a_name_the_ner_ran_into_the_weekday_after_it_is_the_name_and_the_day():
    # spaCy reads "heading to Kyiv Monday" as one WORK_OF_ART; news writes the day bare after a place
    from annotator.suggest.time_spans import name_and_weekday

    assert name_and_weekday("Kyiv Monday", "WORK_OF_ART") == 5
    assert name_and_weekday("Kabul Tuesday", "GPE") == 6
    assert name_and_weekday("Palm Sunday Mass", "ORG") is None  # a day inside a name
    assert name_and_weekday("Bloody Sunday", "EVENT") is None
    assert name_and_weekday("next Monday", "DATE") is None
    assert name_and_weekday("May Monday", "WORK_OF_ART") is None


@pytest.mark.slow
def test_the_place_before_a_bare_weekday_is_where_one_goes_and_the_day_when(nlp, suggester):
    from annotator.nlp import pipeline_entities

    # the name read as a place elsewhere in the document (twice, against the once the NER ran it into the day)
    text = (
        "Kerry will be heading to Kyiv Monday for talks. He was in Kyiv, Ukraine, in May and in Kyiv, Ukraine, in June."
    )
    doc = nlp(text)
    found = [s for s in suggester.suggest(doc, pipeline_entities(doc)) if s.type == "Movement:Transport"]
    assert len(found) == 1
    got = {(a.role, text[a.start : a.end]) for a in found[0].arguments}
    assert {("Destination", "Kyiv"), ("Time", "Monday")} <= got


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, other, trigger, destination",
    [
        (
            "Ukraine withdrew its vessels from two ports in Crimea and moved them to other bases.",
            "Ukraine withdrew its vessels from two ports in Crimea and its allies moved theirs to other bases.",
            "withdrew",
            "bases",
        ),
        (
            "The minister left Kabul on Monday and flew to Dubai.",
            "The minister left Kabul on Monday and his staff flew to Dubai.",
            "left",
            "Dubai",
        ),
    ],
)
def test_a_movement_ends_where_the_verb_coordinated_after_it_goes_to(nlp, suggester, text, other, trigger, destination):
    assert ("Destination", destination) in args_of(nlp, suggester, text, trigger, "Movement:Transport")
    # a verb with a subject of its own is a clause of its own: another one's going (and a weak "left" with its
    # Origin alone is no suggestion)
    doc = nlp(other)
    told = [
        (a.role, other[a.start : a.end])
        for s in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        if other[s.trigger_start : s.trigger_end] == trigger
        for a in s.arguments
    ]
    assert ("Destination", destination) not in told


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, country",
    [
        ("The two presidents held talks on Syria in Geneva.", "talks", "Syria"),
        ("Leaders held a meeting on Ukraine in March.", "meeting", "Ukraine"),
        ("The foreign ministers met on Syria.", "met", "Syria"),
    ],
)
def test_a_country_an_event_is_on_is_what_it_is_about_not_where(nlp, suggester, text, trigger, country):
    # one is in a country, on a street, an island or a border: talks on Syria are about Syria, wherever they are
    got = args_of(nlp, suggester, text, trigger, "Contact:Meet")
    assert ("Place", country) not in got and ("Entity", country) not in got, got
    if "Geneva" in text:
        assert ("Place", "Geneva") in got


@pytest.mark.slow
def test_a_thing_in_ee_is_no_person_and_fills_no_role_of_people(nlp, suggester):
    from annotator.suggest.noun_classes import guess_label

    # "-ee" names the one done to after a verb (employee, detainee, refugee), not coffee, a decree or a degree
    doc = nlp("The employee drank coffee, read the decree and got a degree.")
    assert [guess_label(t) for t in doc if t.pos_ == "NOUN"] == ["PERSON", None, None, None]
    got = args_of(nlp, suggester, "The gunman was drinking coffee and shot him.", "shot", "Conflict:Attack")
    assert not any(t == "coffee" for _, t in got), got


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, place",
    [
        ("Angry at an execution in Riyadh, protesters set fire to the embassy in Tehran.", "set fire", "Tehran"),
        ("After a trial in Cairo, rebels fired rockets at the old police station in Kandahar.", "fired", "Kandahar"),
    ],
)
def test_an_attack_happens_where_what_it_is_aimed_at_is(nlp, suggester, text, trigger, place):
    # where the thing "to", "at" or "against" which the act is aimed is, as where its object is ("stormed a school in
    # the city"); not the place of another event before it in the sentence
    got = args_of(nlp, suggester, text, trigger, "Conflict:Attack")
    assert ("Place", place) in got, got


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, type_, role, name",
    [
        ("Other activists such as John Smith were shot.", "shot", "Conflict:Attack", "Target", "John Smith"),
        ("Soldiers killed journalists such as Ann Lee and Maria Lopez.", "killed", "Life:Die", "Victim", "Maria Lopez"),
    ],
)
def test_a_noun_stands_for_the_names_it_is_given_such_as(nlp, suggester, text, trigger, type_, role, name):
    # "nationalists such as Chea Vichea and Chut Wutty were shot": the ones named were shot, the last of several
    got = args_of(nlp, suggester, text, trigger, type_)
    assert (role, name) in got, got


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, type_, place",
    [
        (
            "Three men attacked a police station in Mombasa, Kenya, on Monday.",
            "attacked",
            "Conflict:Attack",
            "Mombasa, Kenya",
        ),
        (
            "Hundreds of women protested in Havana, Cuba, on Sunday.",
            "protested",
            "Conflict:Demonstrate",
            "Havana, Cuba",
        ),
    ],
)
def test_a_place_with_the_region_it_is_in_after_a_comma_is_one_place(nlp, suggester, text, trigger, type_, place):
    # ACE's mention of the city runs over ", Kenya": the data marks the city, the country or both
    got = args_of(nlp, suggester, text, trigger, type_)
    assert ("Place", place) in got, got
    # a list of places is no place with its region
    listed = "Protesters marched in Paris, Berlin and Rome on Sunday."
    got = args_of(nlp, suggester, listed, "marched", "Conflict:Demonstrate")
    assert not any(r == "Place" and "," in t for r, t in got), got


@pytest.mark.slow
def test_a_name_read_as_an_organization_told_as_where_fills_a_place_role_as_a_place(nlp, suggester):
    # the NER read "Kharkiv" as an ORG: after "to" it is where the going ends, and the Destination (places only) takes
    # it as a place (the writer's suggestion relabels it); a role that takes organizations keeps it one
    text = "The army sent the soldiers to Kharkiv on Monday."
    k = text.index("Kharkiv")
    found = [
        s
        for s in suggester.suggest(nlp(text), [(k, k + 7, "ORG")])
        if text[s.trigger_start : s.trigger_end] == "sent" and s.type == "Movement:Transport"
    ]
    assert len(found) == 1, found
    assert ("Destination", k, "GPE") in {(a.role, a.start, a.label) for a in found[0].arguments}, found
    text = "The convoy came under attack from Hezbollah on Monday."
    h = text.index("Hezbollah")
    found = [s for s in suggester.suggest(nlp(text), [(h, h + 9, "ORG")]) if s.type == "Conflict:Attack"]
    assert ("Attacker", h, "ORG") in {(a.role, a.start, a.label) for a in found[0].arguments}, found


@pytest.mark.slow
def test_the_subject_of_a_verb_of_receiving_is_the_one_given_to(nlp, suggester):
    # "Hamas received millions of dollars from Qatar": Hamas is given the money (Recipient), Qatar gives it; the
    # subject of "receive" is no Giver, as the subject of "give" is
    text = "Hamas received $50 million from Qatar last year."
    got = args_of(nlp, suggester, text, "received", "Transaction:Transfer-Money")
    assert ("Recipient", "Hamas") in got and ("Giver", "Qatar") in got, got
    assert ("Giver", "Hamas") not in got, got
    text = "Qatar gave Hamas $50 million last year."
    got = args_of(nlp, suggester, text, "gave", "Transaction:Transfer-Money")
    assert ("Giver", "Qatar") in got, got


def test_the_object_a_parse_hangs_on_the_participle_s_object_is_the_verb_s(nlp, suggester):
    # the parse makes "protester" a modifier of "slogans", the object of "arrest"
    text = "Turkish police arrest a protester chanting slogans in Istanbul."
    got = args_of(nlp, suggester, text, "arrest", "Justice:Arrest-Jail")
    assert ("Person", "protester") in got


def test_the_subject_of_a_verb_of_reaching_with_an_object_is_the_one_who_moves(nlp, suggester):
    # "visited the front lines": where the movement ends, not a thing moved, so the senator is no Agent moving it
    text = "The senator visited the front lines in Donbas."
    got = args_of(nlp, suggester, text, "visited", "Movement:Transport")
    assert ("Artifact", "senator") in got and not any(r == "Agent" for r, _ in got)
