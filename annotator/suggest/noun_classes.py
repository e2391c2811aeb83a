"""Entity labels for common nouns that are not named entities ("protesters", "police", "the market", "a rocket").

Event arguments are often plain noun phrases. A role accepts a span only when its label fits, so a noun's label is
guessed from its lemma: people, organisations (bodies of people), places and facilities, weapons and vehicles.
The labels are OntoNotes names; a schema without them simply never sees these guesses fit a role.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from annotator.suggest.per_doc import PerDoc
from annotator.suggest.shared_parts import of_objects

if TYPE_CHECKING:  # pragma: no cover: spaCy loads with the pipeline, not with this module
    from spacy.tokens import Token

PERSON = frozenset(
    """people person man woman men women child kid boy girl baby civilian soldier troop trooper officer policeman
    policemen policewoman militant rebel fighter insurgent gunman gunmen attacker assailant protester protestor
    demonstrator activist student worker resident villager official minister president leader diplomat envoy
    delegate delegation journalist reporter member suspect prisoner detainee captive hostage refugee migrant
    immigrant victim family passenger pilot crew citizen supporter opponent guard commander general colonel
    captain sergeant lieutenant marine sailor jihadist extremist terrorist bomber sniper killer murderer thief
    robber criminal gang smuggler trafficker dissident opposition lawmaker legislator senator congressman
    politician candidate voter governor mayor chief head director spokesman spokeswoman spokesperson ambassador
    king queen prince princess emperor monarch premier chancellor secretary counterpart host guest visitor
    tourist traveler traveller pilgrim patient doctor nurse farmer fisherman teacher priest cleric imam monk nun
    pope bishop judge lawyer attorney prosecutor defendant plaintiff witness mother father son daughter brother
    sister wife husband parent relative friend neighbor neighbour youth teenager adult elder survivor casualty
    body corpse owner employee executive chairman founder partner investor donor crowd mob dictator ruler
    tyrant warlord ceo boss manager staff agent spy informant worshipper mourner motorist driver bystander
    serviceman servicemen personnel dad mom uncle aunt fan ally trucker exiles""".split()
)  # "exiles" in the plural: people in exile ("Libyan exiles in Egypt"); "exile", "in exile", the state, is no one
ORG = frozenset(
    """police army military government regime administration ministry militia force navy airforce coalition
    group organization organisation party authority agency council parliament congress court tribunal cabinet
    company firm bank unit brigade battalion division squad faction movement alliance committee commission
    junta opposition network cell team board jury""".split()
)
FAC = frozenset(
    """market square street road highway building house home school university hospital clinic mosque church
    temple synagogue shrine airport airbase base camp prison jail station office headquarters compound
    checkpoint palace hotel bridge port harbor harbour stadium restaurant cafe shop store mall factory plant
    facility site embassy consulate barracks post tower apartment residence courthouse
    pipeline refinery mine tunnel bases center centre""".split()
)
LOC = frozenset(
    """area region zone border frontier territory coast sea ocean river lake mountain valley desert island
    neighborhood neighbourhood district quarter outskirts suburb countryside field""".split()
)
GPE = frozenset("""city town village country state province capital nation county municipality""".split())
PRODUCT = frozenset(
    """bomb missile rocket gun rifle weapon explosive grenade mortar shell bullet drone tank plane aircraft jet
    airplane airliner warplane helicopter ship vessel boat car truck vehicle bus train submarine warship carrier frigate
    destroyer artillery knife machete cannon munition ammunition warhead device ied landmine mine satellite
    convoy motorbike motorcycle bicycle bike taxi van ambulance minibus ferry yacht sedan jeep lorry scooter dinghy
    barge""".split()
)
WEAPONS = frozenset(
    """bomb missile rocket gun rifle weapon explosive grenade mortar shell bullet artillery knife machete cannon munition
    ammunition warhead ied landmine acid pistol revolver shotgun sword axe dagger bayonet firebomb teargas""".split()
)
VEHICLES = frozenset(
    """drone tank plane aircraft jet airplane airliner warplane helicopter ship vessel boat car truck vehicle bus train
    submarine warship carrier frigate destroyer convoy motorbike motorcycle bicycle bike taxi van ambulance minibus
    ferry yacht sedan jeep lorry scooter dinghy barge""".split()
)
# forces of nature and illnesses, which strike, hit or batter a place with no one attacking it ("the famine that struck
# North Korea", "an earthquake struck the city"; ACE's Attack is a violent act by an attacker), and which one battles
# with no one harmed ("firefighters battled the blaze", "battled cancer")
NATURAL_FORCES = frozenset(
    """earthquake quake aftershock tremor storm hurricane typhoon cyclone tornado flood flooding famine drought
    tsunami wildfire blaze avalanche landslide mudslide blizzard heatwave epidemic pandemic disease outbreak illness
    cancer virus infection comet asteroid meteor meteorite""".split()
)
# nouns naming a part of what their "of" phrase names ("the east of Ukraine", "parts of Syria", "the rest of the
# country"): a part of a place is a place, a region of it
PARTS = frozenset("part rest east west north south northeast northwest southeast southwest side half".split())
_PLACES = frozenset(("GPE", "LOC", "FAC"))  # pipeline_names.PLACE_LABELS, which imports this package: not taken
# living beings that are no person: an animal's death is no Life:Die (ACE: the life of a PERSON ends; "the dog died",
# "cattle were killed")
ANIMALS = frozenset(
    """animal dog cat horse cow cattle bull ox sheep goat pig hog chicken poultry bird fish whale dolphin shark elephant
    lion tiger bear wolf deer camel donkey mule monkey ape rat mouse livestock wildlife herd flock cell bacterium
    bacteria germ microbe parasite insect mosquito pest weed""".split()
)  # and what lives without being an animal: "the drug killed the cancer cells", "the heat killed the bacteria"
# what grows and dies without being a person or an animal ("the trees died", "the frost killed the crops"; ACE's
# Life:Die ends a person's life)
PLANTS = frozenset(
    """plant tree crop flower grass forest vine shrub bush seedling orchard vineyard coral moss harvest""".split()
)
# what is drafted, put forward, agreed or decided, which one "kills" in the sense of stopping it ("killed the bill",
# "killed the deal"): no one's life; nor what a court "strikes down" ("struck down the rules"): no target harmed
PROPOSALS = frozenset(
    """bill law legislation measure proposal plan motion amendment resolution reform project idea scheme initiative
    deal agreement treaty accord contract merger bid rule regulation provision policy ban ruling decision sanction
    budget strategy agenda stance approach""".split()
)
# who raids or clashes to harm: an armed force ("soldiers killed ten militants in a raid"), not the police searching a
# home nor politicians in a debate
ARMED = frozenset("soldier troop army military commando militant rebel gunman insurgent fighter jihadist".split())
# what is traded and priced on a market, which rallies, climbs or tumbles with no one gathering ("stocks rallied",
# "the dollar rallied against the euro"; ACE's Demonstrate is people gathering in public)
TRADED = frozenset(
    """stock share equity bond currency dollar euro yen pound yuan renminbi peso rupee ruble rouble franc lira won price
    market index indices oil gold silver copper commodity futures yield bitcoin""".split()
)
# events of speech, where people clash in words ("clashed during the debate", "clashed at the hearing"; ACE's Attack is
# physical); not those that draw a crowd outside (a summit, a speech: "protesters clashed with police during the summit")
TALK_EVENTS = frozenset(
    """debate hearing interview meeting session talks discussion negotiation dialogue panel exchange conversation
    briefing""".split()
)
# contests of sport or of votes, where a side beats, hammers or crushes another with no violence ("beat Federer in the
# final"; ACE's Attack is physical)
CONTESTS = frozenset(
    """match game final semifinal semi-final quarterfinal quarter-final tournament championship league cup playoff
    race contest""".split()
)
# what is written, said or shown, which attacks or targets someone in words and has no life to end ("the editorial
# attacked the government", "the song died out")
WORKS = frozenset(
    """editorial article report letter statement ad advert advertisement commercial book film movie documentary song
    video speech tweet comment remark essay""".split()
)
# what has no life to end: a hope, an undertaking, an institution, a machine ("his hopes died", "the company died",
# "the engine died"; ACE's Life:Die ends a person's life)
LIFELESS = frozenset(
    """hope dream ambition aspiration chance prospect career spirit momentum tradition romance friendship marriage
    relationship dynasty company firm business industry brand newspaper magazine engine battery motor phone computer
    light signal""".split()
)
# what a shot is a dose of, with no one fired at ("a flu shot", "a booster shot", "a shot of vaccine"; ACE's Attack)
MEDICINES = frozenset(
    """flu vaccine vaccination booster insulin botox allergy antibiotic covid measles polio tetanus cortisone steroid
    hormone vitamin""".split()
)
# who oversees, audits or prosecutes, which "targets" or "raids" a firm with no violence ("the company was targeted by
# regulators"; ACE's Attack); the police are read by ``is_police`` and left out (a police raid may be an attack)
OVERSEERS = frozenset(
    """regulator prosecutor investigator auditor watchdog inspector examiner ombudsman taxman supervisor""".split()
)
# votes, where a party or a candidate is "killed off" or "crushed" with no one's life ended ("the party was killed off in
# the election", "killed at the polls"; ACE's Life:Die ends a person's life)
VOTES = frozenset("election poll vote ballot referendum primary runoff caucus".split())
# what a ball game is played with and at, which a player strikes, shoots at or is struck by with no one attacked ("the
# striker shot wide", "struck the woodwork", "was struck by the ball"; ACE's Attack is a violent act by an attacker)
BALL_GAME = frozenset("ball puck crossbar goalpost woodwork upright shuttlecock basket hoop".split())
# a game's clock, by which what a side does is told as play ("attacked from the first whistle", "fired in overtime";
# session 42)
GAME_CLOCK = frozenset("whistle kickoff kick-off halftime half-time overtime inning innings".split())
# money kept or invested, which one "raids" or "hits" with no one harmed ("raided the pension fund", "a dawn raid on the
# company's shares"), with the things traded (``TRADED``) less "market", which is also a place ("an airstrike hit a
# market")
FUNDS = frozenset("fund coffers treasury savings pension account kitty piggybank".split())
# how people greet a plan or a decision, or what befalls it, which "meets with" it or is "greeted with" it face to face
# with no one ("the plan met with criticism", "was greeted with applause", "met with success"; ACE's Meet brings
# entities together); "opposition"
# with a determiner is a party met ("met with the opposition"), so it counts only bare ("met with fierce opposition")
REACTIONS = frozenset(
    """criticism opposition resistance skepticism scepticism disapproval approval applause praise anger outrage
    silence derision condemnation hostility indifference enthusiasm dismay alarm concern doubt suspicion scorn
    ridicule acclaim backlash protest cheer jeer boo disbelief dismissal rejection support success failure accident
    disaster""".split()
)
# what is asked, said or sent in words, which one is "bombarded" or "attacked" with, no weapon ("bombarded with
# questions"; ACE's Attack is physical)
ASKINGS = frozenset(
    """question query request complaint email e-mail message call demand insult abuse accusation inquiry letter
    petition""".split()
)
# measures of an economy, which a bank "targets", a crisis "hits" or a policy "kills" with no one harmed ("the central
# bank targets inflation of 2 percent"; ACE's Attack harms people, places and things, its Life:Die ends a life)
ECONOMY = frozenset("inflation growth unemployment deficit output sales revenue profit earnings economy".split())
# firms, whose moving to a new office is no Transport ("the company moved to a new office in Boston"; ACE's Transport
# moves a person, a weapon or a vehicle) - the people of a firm moved are ("moved its staff to Boston")
FIRMS = frozenset(
    """company firm business corporation bank retailer startup start-up studio insurer lender carmaker automaker
    manufacturer maker brand chain conglomerate publisher broadcaster newspaper exchange""".split()
)
# a firm's seat and what it does there, which it moves with no person, weapon or vehicle moved ("moved its headquarters
# to Texas", "moved production to China")
FIRM_SEATS = frozenset(
    """headquarters hq office offices operation production manufacturing factory plant listing registration domicile
    job""".split()
)
# a count of something, whose "of" phrase names what is counted ("hundreds of cattle")
QUANTITIES = frozenset("dozen hundred thousand million billion score number lot handful".split())
_NOT_PEOPLE = frozenset(
    "number paper order border matter center centre quarter water power letter other horror terror error factor sector"
    " mirror floor door color colour corridor interior meteor rumor rumour favor favour labor labour"
    # words in "-ee" that name no one done to (employee, detainee, refugee do): things, acts and bodies
    " coffee toffee decree degree pedigree guarantee committee jubilee spree levee settee marquee"
    # words in "-man" or "-men" that name a thing or an animal, not one who does a job or comes from somewhere
    " talisman ottoman caiman dolman specimen abdomen regimen acumen bitumen albumen stamen".split()
)
# the endings of a compound that names a person by what they do or where they are from ("businessman", "tribesmen",
# "congresswoman", "spokesperson", "townspeople"); ``guess_label`` reads them after its word lists
_PERSON_ENDINGS = ("man", "men", "woman", "women", "person", "persons", "people")


def lemma_of(token: Token) -> str:
    """A token's lemma in lower case, as the word lists hold their words."""
    return token.lemma_.lower()


def counted(token: Token, counts: Collection[str] = QUANTITIES) -> Token:
    """What a count names: the first noun of its "of" phrase ("hundreds of cattle": the cattle), a count being a
    number or a word of ``counts`` (by its lemma); else the token itself."""
    if lemma_of(token) in counts or token.like_num:
        of = of_objects(token)
        return of[0] if of else token
    return token


_GUESSED = PerDoc()  # a token's label: asked ~3 times a token (its kind, a side's, a filler's, a frame's)


def guess_label(token: Token) -> str | None:
    """The OntoNotes label a common noun most likely names, or None."""
    kept = _GUESSED.of(token.doc)
    i = token.i
    if i in kept:
        return kept[i]
    label = kept[i] = _guess_label(token)
    return label


def _guess_label(token: Token) -> str | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = lemma_of(token)
    forms = {lemma, token.lower_}
    if token.pos_ == "PROPN" and token.lower_.endswith("s"):  # "Rebels" at the start of a headline
        forms.add(token.lower_[:-1])
    label = _label_of(forms)
    if label is not None:
        return label
    if lemma in PARTS:  # "the east of Ukraine", "other parts of the country": a part of a place is a place
        whole = next(iter(of_objects(token)), None)
        if whole is not None and (whole.ent_type_ or _label_of({lemma_of(whole), whole.lower_})) in _PLACES:
            return "LOC"
    if token.pos_ == "NOUN" and len(lemma) > 5 and lemma not in _NOT_PEOPLE:
        if lemma.endswith(("ist", "ian", "ee")) or (lemma.endswith(("er", "or")) and token.tag_ == "NNS"):
            return "PERSON"
        if token.lower_.endswith(_PERSON_ENDINGS) and token.lower_ not in _NOT_PEOPLE:  # "specimen": "speciman"
            return "PERSON"  # "businessmen", "tribesman", "militiamen", "congresswoman", "chairperson"
    return None


def noun_kind(token: Token) -> str | None:
    """A noun's kind: its entity label, named by the pipeline, else the label its word is guessed to name
    (``guess_label``: "officials" a PERSON, "the market" a FAC), or None."""
    return token.ent_type_ or guess_label(token)


def _label_of(forms: set[str]) -> str | None:
    """The label of the first word class that has one of ``forms``, most specific first."""
    for label, words in (
        ("PRODUCT", PRODUCT),
        ("FAC", FAC),
        ("LOC", LOC),
        ("GPE", GPE),
        ("ORG", ORG),
        ("PERSON", PERSON),
    ):
        if forms & words:
            return label
    return None


def guess_label_of_word(word: str) -> str | None:
    """``guess_label`` for a word without a parse (the last word of an imported span): the word lists, looked up
    with its lower case and its singular forms ("soldiers", "militias", "gunmen")."""
    w = word.lower()
    forms = {w}
    if w.endswith("ies"):
        forms.add(w[:-3] + "y")
    if w.endswith("es"):
        forms.add(w[:-2])
    if w.endswith("s"):
        forms.add(w[:-1])
    return _label_of(forms)


# the last words of an organisation's name ("the Central Anti-Corruption Bureau", "the Foreign Office", "Acme Corp."):
# a name's head, capitalised, names a body where the same word in lower case may name a place ("office") or none
ORG_NAME_HEADS = ORG | frozenset(
    """bureau office department ministry agency institute institution service services corporation corp inc ltd llc
    plc co union association foundation federation league fund council commission committee university college
    academy assembly senate front brigades guards forces directorate secretariat inspectorate""".split()
)


_NAME_JOINS = frozenset("the of for and on de du des la le al el".split())  # the small words inside a name
_NAME_OF = frozenset(("of", "for", "on"))  # "Ministry of Justice": its head is before "of"


def guess_label_of_name(words: list[str]) -> str | None:
    """``guess_label_of_word`` for the words of a span a person made: a name (a capital first, its other words
    capitalised or small joining words) whose head is an organisation's (``ORG_NAME_HEADS``: "Central Anti-Corruption
    Bureau", "the Ministry of Justice": the word before "of") is an ORG; else the class of its last word ("Evin
    Prison": FAC; "officials": PERSON); None when neither says."""
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return None
    if words[0][0].isupper() and all(w[0].isupper() or w.lower() in _NAME_JOINS for w in words):
        head = next((words[i - 1] for i, w in enumerate(words) if i and w.lower() in _NAME_OF), words[-1])
        if head.lower() in ORG_NAME_HEADS:
            return "ORG"
    return guess_label_of_word(words[-1])


# who judges and who prosecutes, a closed class of English the Justice types' roles tell apart: a court is never the
# prosecutor nor a prosecutor the adjudicator, whichever slot of the parse they come in
ADJUDICATORS = frozenset("court tribunal jury judge magistrate".split())
PROSECUTORS = frozenset("prosecutor prosecution".split())
# who arrests and holds people: the police and the authorities, a closed class of English as the courts are
POLICE = frozenset("police policeman policemen policewoman officer authority".split())


# what one is charged with, tried, convicted or sentenced for: English's names of crimes, a closed class as the
# weapons are; a crime is no entity the NER names, and the schema's Crime takes LAW or EVENT (OntoNotes has no label
# of its own for one)
CRIMES = frozenset(
    """corruption bribery fraud embezzlement extortion racketeering laundering smuggling trafficking murder manslaughter
    homicide assassination rape assault robbery burglary theft kidnapping abduction terrorism espionage spying treason
    sedition subversion blasphemy arson genocide perjury incitement insurrection rebellion desertion crime""".split()
)


def is_crime(token: Token) -> bool:
    """Whether a common noun names a crime ("charged with corruption", "convicted of murder")."""
    return token.pos_ == "NOUN" and lemma_of(token) in CRIMES


def court_role(token: Token) -> str | None:
    """ "Adjudicator" for a noun (or a name's head) naming who judges ("the court", "the Warsaw Regional Court", "a
    jury", "Judge Kowalczyk"'s title aside), "Prosecutor" for who prosecutes, else None."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    words = {lemma_of(token), token.lower_}
    if words & ADJUDICATORS:
        return "Adjudicator"
    if words & PROSECUTORS or token.lower_ == "prosecutors":
        return "Prosecutor"
    return None


# nouns of one sex: "she" stands for no boy, "he" for no aunt (English pronouns agree with the noun they stand for)
FEMALE = frozenset(
    """woman women girl mother daughter sister wife aunt niece grandmother widow queen princess nun policewoman
    spokeswoman actress mom""".split()
)
MALE = frozenset(
    """man men boy father son brother husband uncle nephew grandfather widower king prince monk policeman policemen
    spokesman congressman dad fisherman serviceman servicemen gunman gunmen""".split()
)


def agrees(pronoun: str, token: Token) -> bool:
    """Whether a personal pronoun ("she", "his") may stand for a noun, by the noun's sex where its lemma tells one."""
    lemma = lemma_of(token)
    if pronoun in ("she", "her", "hers"):
        return lemma not in MALE
    return pronoun not in ("he", "him", "his") or lemma not in FEMALE


def is_police(token: Token) -> bool:
    """Whether a common noun names the police or the authorities ("police", "officers", "the authorities")."""
    return token.pos_ == "NOUN" and lemma_of(token) in POLICE


def is_weapon(token: Token) -> bool:
    """Whether a common noun names a weapon (what is fired, thrown or dropped), not a vehicle."""
    return token.pos_ == "NOUN" and lemma_of(token) in WEAPONS


class PersonNouns:
    """The nouns one document uses of a person (lowercase lemmas; see ``names_person``), read from the whole
    document once, at the first question: one per document, never shared by two."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self._lemmas: frozenset[str] | None = None

    def __contains__(self, lemma: str) -> bool:
        if self._lemmas is None:
            from annotator.suggest.token_arrays import person_noun_lemmas

            self._lemmas = person_noun_lemmas(self._doc, _WHO)
        return lemma in self._lemmas


def names_person(token: Token, person_nouns: PersonNouns | None = None) -> bool:
    """Whether a common noun is used of a person: a word for one (``guess_label``), or a noun the document itself
    uses so somewhere, as a title in front of a person's name ("striker John Smith"), with a name in apposition ("the
    striker, John Smith") or with a "who" clause ("the striker who missed the penalty"). ``person_nouns``: the
    token's document's, when asked more than once (each question otherwise reads the whole document)."""
    if guess_label(token) == "PERSON":
        return True
    if token.pos_ != "NOUN":
        return False
    return lemma_of(token) in (person_nouns if person_nouns is not None else PersonNouns(token.doc))


_WHO = frozenset(("who", "whom", "whose"))


def is_natural_force(token: Token) -> bool:
    """Whether a noun names a force of nature: a common noun ("a storm", "the famine", "an epidemic") or a name with
    one in front of it ("Typhoon Haiyan", "Hurricane Harvey")."""
    if token.pos_ == "PROPN":
        return any(c.dep_ == "compound" and c.lower_ in NATURAL_FORCES for c in token.children)
    return token.pos_ == "NOUN" and lemma_of(token) in NATURAL_FORCES


def is_vehicle(token: Token) -> bool:
    """Whether a common noun names a vehicle (what carries people or things, or is driven or flown)."""
    return token.pos_ == "NOUN" and lemma_of(token) in VEHICLES


def alternative_labels(label: str) -> tuple[str, ...]:
    """Labels a guessed noun may also take when a role does not accept the first guess."""
    return {
        "PERSON": ("PERSON", "NORP"),
        "ORG": ("ORG", "PERSON"),  # a body of people ("forces withdrew", "police were killed") fills a role for people
        "GPE": ("GPE", "LOC", "FAC"),
        "LOC": ("LOC", "GPE", "FAC"),
        "FAC": ("FAC", "LOC", "GPE"),
        "PRODUCT": ("PRODUCT",),
    }.get(label, (label,))


def label_taken(kind: str, labels: Collection[str], places_apart: bool = True) -> str | None:
    """The label a noun of ``kind`` (a guessed noun's: ``guess_label``, ``guess_label_of_word``) fills a role of
    ``labels`` with: its kind, else the first other one the rule suggester lets it take (``alternative_labels``: a
    body of people fills a role for people), or None. A place's other kinds fill a role whose every label is a
    place's alone (``places_apart``: "the airport" may be a Place or a Destination, not a GPE-like party); the
    DyGIE++ reader, naming a label for an argument the file gives, and the police an arrest is by let them fill any
    role (``places_apart=False``)."""
    if kind in labels:
        return kind
    if places_apart and kind in _PLACES and not set(labels) <= _PLACES:
        return None
    return next((lab for lab in alternative_labels(kind) if lab in labels), None)
