"""Turns of phrase that make a word of attacking name no Attack, as news of every kind uses them: a side that "bombed
out" of a cup, a minister who "hit out at" a rival, a candidate who "shot back at" his critics, a senator who "took a
shot at" the president, a doctor "struck off" the register, sales that "exploded", a cyclist "hit by a car", hackers
who "attacked" computer systems, researchers who "attacked the problem", a politician who "attacked a UN program", a senator who "blasted" the president, students who "occupied" a square, a laser "shot at" a crystal, an attack "in
an advertisement", a plan that "came under attack". ACE's Conflict:Attack is a violent physical act causing harm or
damage; each of these harms no one, and each is told by the words around the trigger, never by the trigger alone.

Read on made-up sentences of ordinary news (``tests/data/news_sentences.jsonl``, session 36, helper s36-trig), not on
the development articles; the word classes are ordinary English's. Pure functions of spaCy tokens, for
``trigger_sides.kinds_of_sides``: each gives a blocker kind the schema's Conflict:Attack lists.
"""

from __future__ import annotations

from typing import AbstractSet, Any, Sequence

from annotator.suggest.kind_tests import KindTests
from annotator.suggest.noun_classes import (
    ARMED,
    ECONOMY,
    POLICE,
    PROPOSALS,
    WORKS,
    is_weapon,
    lemma_of,
    noun_kind,
)

# the verbs of attacking these turns are said with (lemmas)
ATTACK_VERBS = frozenset("attack hit strike shoot bomb blast fire explode hammer".split())
# a verb of attacking with "out": a side gone out of a contest ("bombed out of the cup") or a word thrown at someone
# ("hit out at", "lashed out"); "shot out the windows" is read by its object, which no rule here takes
OUT = frozenset(("out",))
# a verb of attacking "off" a list: removed from it ("struck off the medical register", "struck off the roll")
LISTS = frozenset("register list roll ballot books record records roster agenda".split())
# a piece of words an attack on someone may be made in ("launched an attack on its rival in a new advertisement",
# "attacked the minister in an op-ed"); not a statement, a report or a video, where a real attack is told or claimed
# ("the rebels said they attacked the base in a statement": the parse may hang the "in" on the attack)
IN_WORDS = frozenset(
    """advertisement ad advert commercial campaign speech interview op-ed editorial column essay article book blog
    podcast tweet""".split()
)
# what is shot that is no missile: a beam or a look ("shot a laser at the crystal", "shot a glance at her")
BEAMS = frozenset("laser beam ray glance look smile grin photon light".split())
# what a mind works on: a problem attacked is a problem tackled ("attacked the problem from a new angle")
TASKS = frozenset("problem issue question task challenge puzzle mystery backlog".split())
# what is run or said, which one attacks in words ("attacked a UN program on refugees", "attacked the minister's
# remarks"): as a thing put forward (``noun_classes.PROPOSALS``, the blocker ``obj:no_one``), no one harmed
SCHEMES_AND_WORDS = frozenset("program programme remark comment record rhetoric".split())
# what hackers harm: machines and the data on them ("attacked the bank's computer systems", "attacked the website")
COMPUTING = frozenset("computer server website network database software email account data".split())
HACKERS = frozenset(("hacker", "hackers"))
# vehicles of the road and the rail whose hitting someone is an accident (a tank or a warplane may attack)
ROAD_VEHICLES = frozenset(
    "car truck bus train taxi van tram lorry motorcycle motorbike bicycle bike scooter ambulance vehicle".split()
)
# how far and how fast a quantity grows: what "explodes" with no one hurt ("sales exploded", "prices exploded")
QUANTITIES = ECONOMY | frozenset(
    """sale price cost demand interest population number rate traffic spending debt market popularity""".split()
)
# who strikes by stopping work, and what for ("workers struck for higher pay", "the teachers struck over pensions")
WORKERS = frozenset(
    """worker employee staff teacher nurse doctor driver pilot miner docker union member crew labourer laborer""".split()
)
WAGES = frozenset("pay wage wages salary salaries pension pensions staffing conditions contract hours".split())
# "take a shot at", "take a swipe at", "take aim at": a try or a jibe, no gunshot, unless an armed doer takes it
JABS = frozenset("shot swipe jab dig potshot aim".split())
# doers who might fire in earnest (ARMED and the police; "a sniper took a shot at the patrol")
SHOOTERS = ARMED | POLICE | frozenset("sniper gunman gunmen assassin attacker shooter".split())
# what is put before an audience or a market and may fail there: a work, a show, a launch, a performer ("the film
# bombed at the box office", "the share offering bombed")
FLOPPERS = WORKS | frozenset(
    """show play musical comedy drama sitcom series sequel album single tour concert performance production premiere
    launch release offering ipo product gadget novel comedian comic performer act debut rollout sale""".split()
)
# goods put on the market, which bomb as a show does ("the new phone bombed in stores", "its latest tablet bombed";
# session 41): things made to be sold to people, no weapon nor vehicle, which a bomb may strike
GOODS = frozenset(
    """phone smartphone handset tablet laptop computer console app software game toy perfume fragrance model brand
    line gizmo""".split()
)


def _attack_word(head: Any) -> bool:
    return lemma_of(head) in ATTACK_VERBS or head.lower_ in ("shot", "struck")


def _pobjs(head: Any, preps: frozenset[str]) -> list[Any]:
    return [
        g
        for c in head.children
        if c.dep_ in ("prep", "agent") and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _doer(pairs: Sequence[tuple[str, Any]]) -> Any:
    return next((t for s, t in pairs if s in ("subj", "subj_intrans", "agent")), None)


def gone_out(head: Any) -> bool:
    """A verb of attacking with "out" (a particle or a preposition): "bombed out of the cup", "hit out at
    Washington"; no Attack. "blew up", "shot down" keep their particles."""
    return (
        head.pos_ == "VERB"
        and _attack_word(head)
        and any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in OUT for c in head.children)
    )


def retort(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """A verb of attacking "back" done by a person who bears no arms and with no weapon: "the candidate shot back at
    his critics", "the minister hit back"; "the soldiers shot back", "police fired back", "Israel hit back with
    airstrikes" (a country, no person) stay."""
    if head.pos_ != "VERB" or not _attack_word(head):
        return False
    if not any(c.dep_ in ("advmod", "prt") and c.lower_ == "back" for c in head.children):
        return False
    doer = _doer(pairs)
    if doer is None or noun_kind(doer) != "PERSON" or lemma_of(doer) in SHOOTERS:
        return False
    return not any(is_weapon(t) for t in head.sent)


def jab_taken(head: Any) -> bool:
    """ "took a shot at", "took a swipe at": the noun the object of "take" with an "at" phrase and a doer who bears
    no arms ("the senator took a shot at the president"); "a sniper took a shot at the patrol" stays."""
    if head.pos_ != "NOUN" or head.lower_ not in JABS or head.dep_ != "dobj" or lemma_of(head.head) != "take":
        return False
    verb = head.head
    if not (_pobjs(head, frozenset({"at"})) or _pobjs(verb, frozenset({"at"}))):
        return False
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return not (doer is not None and lemma_of(doer) in SHOOTERS) and not any(is_weapon(t) for t in head.sent)


def struck_off_list(head: Any) -> bool:
    """A verb of attacking "off" a list ("the surgeon was struck off the medical register"): removed, no one hurt;
    "struck a ship off the coast" stays."""
    return _attack_word(head) and any(lemma_of(g) in LISTS for g in _pobjs(head, frozenset({"off"})))


def grew_fast(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """ "explode" said of a quantity or of one rising to view: its subject a quantity ("sales exploded", "demand
    exploded"; the subject's own word, not its "of" phrase) or an "onto"/"on to" phrase ("exploded onto the scene");
    "a bomb exploded", "the car exploded" stay."""
    if lemma_of(head) != "explode" or head.pos_ != "VERB":
        return False
    if any(s == "subj_intrans" and lemma_of(t) in QUANTITIES and not t.ent_type_ for s, t in pairs):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("onto", "on") for c in head.children)


def hit_by_vehicle(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """A verb of hitting whose doer is a vehicle of the road or the rail ("the cyclist was hit by a car", "a truck
    struck the pedestrian"): an accident; "hit by a car bomb" (its head a bomb), "a tank hit the building" stay."""
    if head.pos_ != "VERB" or lemma_of(head) not in ("hit", "strike"):
        return False
    return any(s in ("agent", "subj") and lemma_of(t) in ROAD_VEHICLES and not t.ent_type_ for s, t in pairs) or any(
        lemma_of(g) in ROAD_VEHICLES for g in _pobjs(head, frozenset({"by"}))
    )


def computers_attacked(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """An attack done by hackers or to machines and data ("hackers attacked the bank's computer systems", "the
    website was attacked"): no physical harm (ACE's Attack); "attacked the computer store with firebombs" has a
    weapon."""
    if not _attack_word(head) and lemma_of(head) != "attack":
        return False
    if any(is_weapon(t) for t in head.sent):
        return False
    for s, t in pairs:
        if s in ("subj", "agent") and t.lower_ in HACKERS:
            return True
        if s in ("obj", "subjpass") and (
            lemma_of(t) in COMPUTING or any(c.dep_ == "compound" and lemma_of(c) in COMPUTING for c in t.children)
        ):
            return True
    return False


def task_tackled(pairs: Sequence[tuple[str, Any]]) -> bool:
    """What is attacked is a problem to solve ("the researchers attacked the problem from a new angle")."""
    return any(s in ("obj", "subjpass") and lemma_of(t) in TASKS and not t.ent_type_ for s, t in pairs)


def words_attacked(pairs: Sequence[tuple[str, Any]]) -> bool:
    """What is attacked is a scheme run or words said ("the vice president attacked a UN program", "the senator
    attacked the minister's remarks"): an attack in words; "attacked a UN food programme convoy" (the convoy) stays."""
    return any(s in ("obj", "subjpass") and lemma_of(t) in SCHEMES_AND_WORDS and not t.ent_type_ for s, t in pairs)


# verbs of hitting hard that news also uses of harsh words ("the senator blasted the president", "the opposition
# hammered the minister"); "attack" keeps its own reading (``event_rules._in_words``: a named person, nothing physical)
HARSH_WORDS = frozenset(("blast", "hammer"))
PARTIES = frozenset(("PERSON", "ORG", "NORP"))


def harsh_words(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """A verb of hitting hard done by a person or a body who bears no arms to a person, a body or a thing put forward,
    with no weapon in the sentence and no "with" phrase ("the party blasted the Arab legislators", "the Labour leader
    hammered the prime minister"): criticism. "Troops blasted the rebel positions", "warplanes blasted Gaza",
    "police blasted the crowd with water cannon" stay."""
    if head.pos_ != "VERB" or lemma_of(head) not in HARSH_WORDS or _pobjs(head, frozenset({"with"})):
        return False
    doer = _doer(pairs)
    named = doer is not None and doer.pos_ == "PROPN" and not doer.ent_type_  # a name the NER missed
    if doer is None or not (named or noun_kind(doer) in PARTIES) or lemma_of(doer) in SHOOTERS:
        return False
    undergoers = [t for s, t in pairs if s in ("obj", "subjpass")]
    if not undergoers or not all(
        noun_kind(t) in PARTIES or lemma_of(t) in PROPOSALS | SCHEMES_AND_WORDS for t in undergoers
    ):
        return False
    return not any(is_weapon(t) for t in head.sent)


# who occupies a place to protest: people of no arms who make demands ("students occupied the square", "protesters
# occupied the parliament building": a sit-in, ACE's Demonstrate); soldiers, rebels or a state occupying is an attack
PROTESTERS = frozenset(
    """protester protestor demonstrator student activist campaigner worker striker picketer occupier supporter""".split()
)


def sit_in(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """ "occupy" done by protesters, students, activists or workers with no weapon in the sentence: a sit-in, no
    attack ("Students occupied the main square to demand reforms"); "Rebels occupied the town", "Gunmen occupied the
    building", "Israel occupied the West Bank" stay."""
    if head.pos_ != "VERB" or lemma_of(head) != "occupy":
        return False
    doer = _doer(pairs)
    return doer is not None and lemma_of(doer) in PROTESTERS and not any(is_weapon(t) for t in head.sent)


def beam_shot(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """What is shot is a beam or a look ("shot a laser at the crystal", "shot a glance at her")."""
    return lemma_of(head) == "shoot" and any(s == "obj" and lemma_of(t) in BEAMS for s, t in pairs)


def told_in_words(head: Any) -> bool:
    """An attack told "in" a piece of words, on the trigger or on the verb it is the object of ("launched an attack
    on its rival in a new advertisement", "attacked the minister in an interview"): an attack in words."""
    where = _pobjs(head, frozenset({"in"}))
    if head.dep_ == "dobj":
        where += _pobjs(head.head, frozenset({"in"}))
    return any(lemma_of(g) in IN_WORDS for g in where) and not any(is_weapon(t) for t in head.sent)


def proposal_under_attack(head: Any) -> bool:
    """A proposal that "came under attack" or "is under attack" ("the tax plan came under attack from both
    parties"): criticism; "the convoy came under attack" stays."""
    if lemma_of(head) != "attack" or head.dep_ != "pobj" or head.head.lower_ != "under":
        return False
    verb = head.head.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (lemma_of(subject) in PROPOSALS or lemma_of(subject) in TASKS)


def labour_strike(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """ "strike" with no object done by those who work, or "for" pay ("workers struck for higher pay", "the nurses
    struck over staffing"): a labour strike, ACE's Demonstrate, no Attack; "gunmen struck the village" (an object),
    "the militants struck at dawn" (no workers) stay."""
    if head.pos_ != "VERB" or lemma_of(head) != "strike" or any(s == "obj" for s, _ in pairs):
        return False
    doer = _doer(pairs)
    if doer is not None and lemma_of(doer) in WORKERS:
        return True
    return any(lemma_of(g) in WAGES for g in _pobjs(head, frozenset({"for", "over"})))


def flopped(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """ "bomb" with nothing bombed, said of a work, a show, a product put on the market or a performer: a failure
    ("the film bombed at the box office", "his comedy bombed on Broadway", "the share offering bombed", "the comedian
    bombed in front of a tough crowd"). No Attack: "bomb" with no object and no doer told by "by", whose subject (or
    the noun the small parse hangs it on as a participle: "The film bombed" read as "the film [that was] bombed") is
    one of ``FLOPPERS``, in a sentence that tells no weapon; "warplanes bombed overnight", "Hospital bombed in Idlib",
    "they bombed the bridge" stay."""
    if head.pos_ != "VERB" or lemma_of(head) != "bomb":
        return False
    if any(c.dep_ in ("dobj", "obj", "agent", "auxpass") for c in head.children):
        return False
    doer = _doer(pairs) or next((t for s, t in pairs if s == "subjpass"), None)
    if doer is None and head.dep_ == "acl":
        doer = head.head
    if doer is None and head.dep_ == "pobj" and head.head.dep_ == "prep":  # "The launch of the new phone bombed",
        doer = head.head.head  # parsed as the launch of "the new phone bombed": the noun the phrase hangs on
    if doer is None or doer.pos_ not in ("NOUN", "ADJ", "PROPN", "NUM"):
        return False
    # "sales of the electric scooter bombed", parsed as the scooter [that was] bombed: the noun the "of" hangs on
    owner = doer.head if doer.dep_ == "pobj" and doer.head.lower_ == "of" else None
    if not (_put_on_market(doer) or (owner is not None and _put_on_market(owner.head))):
        return False
    return not any(is_weapon(t) for t in head.sent if t.i != head.i)  # the verb's own "bomb" tells none


def _put_on_market(noun: Any) -> bool:
    """A work, a show, a launch, a performer or goods for sale (``FLOPPERS``, ``GOODS``), or a product or a work the
    pipeline names ("The iPhone 5c bombed"), no weapon: what may bomb as a failure."""
    if _named_thing(noun):
        return True
    if noun.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    lemma = lemma_of(noun)
    if lemma in FLOPPERS or (noun.pos_ == "NOUN" and lemma in GOODS):
        return True
    named = noun.ent_type_ or next((k.ent_type_ for k in noun.children if k.dep_ == "compound"), "")
    return named in ("PRODUCT", "WORK_OF_ART") and not is_weapon(noun)


# the labels of those who may bomb (a person, a people, a body, a country) and of places, which may be bombed
PARTIES_AND_PLACES = frozenset("PERSON NORP ORG GPE LOC FAC".split())


def _named_thing(noun: Any) -> bool:
    """A name with the definite article that the pipeline reads as no one and nowhere: a product or a work the NER
    does not label ("The iPhone 5c", "The Galaxy Fold", "The new Zune", "The Xbox One"; session 42). News puts no
    "the" before a person's name, and a people, a body, a country or a place the NER labels (or a plural: "the
    Houthis") stays one that may bomb or be bombed."""
    if noun.tag_ in ("NNS", "NNPS") or noun_kind(noun) in PARTIES_AND_PLACES:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    return noun.pos_ == "PROPN" or (
        noun.pos_ in ("NOUN", "NUM") and any(k.dep_ == "compound" and k.pos_ == "PROPN" for k in noun.children)
    )


def turn_kinds(head: Any, pairs: Sequence[tuple[str, Any]], wanted: AbstractSet[str] | None = None) -> frozenset[str]:
    """The blocker kinds of these turns: ``turn:out`` (``gone_out``), ``turn:back`` (``retort``), ``turn:jab``
    (``jab_taken``), ``off:list`` (``struck_off_list``), ``subj:quantity`` (``grew_fast``), ``by:vehicle``
    (``hit_by_vehicle``), ``obj:computer`` (``computers_attacked``), ``obj:task`` (``task_tackled``), ``obj:words``
    (``words_attacked``), ``turn:harsh`` (``harsh_words``), ``turn:sit_in``
    (``sit_in``), ``obj:beam``
    (``beam_shot``), ``in:words`` (``told_in_words``), ``under:proposal`` (``proposal_under_attack``) and
    ``struck:labour`` (``labour_strike``) and ``bomb:flop`` (``flopped``). ``wanted``: the kinds asked for (None: all); the others are not read."""
    return _TURNS.kinds(wanted, head, pairs)


_TURNS = KindTests(
    ("turn:out", lambda head, pairs: gone_out(head)),
    ("turn:back", lambda head, pairs: retort(head, pairs)),
    ("turn:jab", lambda head, pairs: jab_taken(head)),
    ("off:list", lambda head, pairs: struck_off_list(head)),
    ("subj:quantity", lambda head, pairs: grew_fast(head, pairs)),
    ("by:vehicle", lambda head, pairs: hit_by_vehicle(head, pairs)),
    ("obj:computer", lambda head, pairs: computers_attacked(head, pairs)),
    ("obj:task", lambda head, pairs: task_tackled(pairs)),
    ("obj:words", lambda head, pairs: words_attacked(pairs)),
    ("turn:harsh", lambda head, pairs: harsh_words(head, pairs)),
    ("turn:sit_in", lambda head, pairs: sit_in(head, pairs)),
    ("obj:beam", lambda head, pairs: beam_shot(head, pairs)),
    ("in:words", lambda head, pairs: told_in_words(head)),
    ("under:proposal", lambda head, pairs: proposal_under_attack(head)),
    ("struck:labour", lambda head, pairs: labour_strike(head, pairs)),
    ("bomb:flop", lambda head, pairs: flopped(head, pairs)),
)
