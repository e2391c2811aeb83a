"""Figurative and non-event senses of event words, told by who takes part and where the word is said: a clash in
words at a debate, a market's rally, a death of what has no life. Each reads ACE's definition of its type: an Attack
is a physical act, a Demonstrate people gathering in public, a Life:Die the end of a living being's life. Pure
functions of spaCy tokens, for the rule-based event suggester (``trigger_sides.kinds_of_sides``, ``event_rules``).
"""

from __future__ import annotations

import re
from typing import AbstractSet, Any, Sequence

from annotator.suggest.kind_tests import KindTests
from annotator.role_slots import LEAVING_VERBS, REACHING_VERBS
from annotator.suggest.pastimes import pastime_kinds
from annotator.suggest.noun_classes import (
    ANIMALS,
    ARMED,
    ASKINGS,
    BALL_GAME,
    GAME_CLOCK,
    CONTESTS,
    FIRM_SEATS,
    FIRMS,
    FUNDS,
    LIFELESS,
    MEDICINES,
    NATURAL_FORCES,
    OVERSEERS,
    PLANTS,
    PROPOSALS,
    REACTIONS,
    TALK_EVENTS,
    TRADED,
    VOTES,
    WORKS,
    guess_label,
    is_police,
    noun_kind,
    lemma_of,
)

SETTING_PREPS = frozenset({"during", "in", "at"})  # where or when an act is told as done ("during the debate")
CHANGE_LABELS = frozenset({"PERCENT", "MONEY"})  # how far a price moved ("rallied 5 percent", "rose to $40")
MOVE_PREPS = frozenset({"by", "to", "from"})  # "rallied by 5 percent", "to $40", "from $30"
GAME_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")  # a game's score ("7-1", "10-2"), no date nor range of years
NAMED_SIDES = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # who plays a game by name: a player, a team, a country
UNDERGOER_SLOTS = ("obj", "subjpass", "subj_intrans")  # who undergoes a verb: what the frame reads as done to
PERSONAL = frozenset("he she they we i him her them us me you who whom".split())  # said of people
NO_PERSON = ANIMALS | PROPOSALS  # who or what a noun of dying is of with no person's life ("the killing of the bill")
MISSED_WIDE = frozenset(("wide", "high"))  # a shot gone past the goal ("shot wide", "fired high"), with no one hit
HIT_DEPS = frozenset(("dobj", "nsubjpass"))  # what a verb is done to
HIT_PREPS = frozenset(("on", "of", "against"))  # what a noun of attacking is done to ("a raid on the shares")
WON = frozenset(("victory", "win", "title"))  # what a side marches or storms to in a contest ("marched to victory")
CLIMBS = frozenset(("climb", "scale", "ascend", "conquer"))  # what one does to a mountain's summit
GOALS_WON = CONTESTS | WON
PLACE_OBJECT_VERBS = LEAVING_VERBS | REACHING_VERBS  # verbs whose object is the place gone to or from
MONEY_HIT = (FUNDS | TRADED) - {"market"}  # "market" is also a place ("an airstrike hit a market")
SAID_THINGS = ASKINGS | WORKS | REACTIONS


def over_topic(head: Any) -> bool:
    """Whether a word has an "over" or "about" phrase on a common noun that names no person, place, thing or time
    ("clashed over the budget", "attacked the government over its budget"): what a dispute is about, a clash in words
    (ACE's Attack is physical); "clashed over the weekend" (a time), "over the border" (a place) are not."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("over", "about")
        and g.dep_ == "pobj"
        and g.pos_ == "NOUN"
        and noun_kind(g) is None
        for c in head.children
        for g in c.children
    )


def in_talk(head: Any) -> bool:
    """Whether a word is told as done during, in or at an event of speech (``TALK_EVENTS``: "the candidates clashed
    during the debate", "the senators clashed at the hearing") with no police nor armed force on either side ("with
    police during the meeting" may be blows): a clash in words, no violent act."""
    talk = any(
        c.dep_ == "prep" and c.lower_ in SETTING_PREPS and g.dep_ == "pobj" and g.pos_ == "NOUN" and _talk(g)
        for c in head.children
        for g in c.children
    )
    return talk and not any(is_police(t) or lemma_of(t) in ARMED for t in _sides(head))


def _sides(head: Any) -> list[Any]:
    """Who takes part in a word's act: its subjects, its objects and its "with" phrase's nouns."""
    kids = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    kids += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return kids + [k for t in kids for k in t.conjuncts]


def in_game(head: Any) -> bool:
    """Whether a word is told with a game's score ("Germany beat Brazil 7-1", "hammered the Red Sox 10-2") or during,
    in or at a contest done to a named side (``CONTESTS``: "beat Federer in the final"), with no police nor armed
    force on either side: a contest won, no violent act (ACE's Attack). A blocker ``in:game`` rules a type out
    there."""
    kids = list(head.children)
    near = kids + [g for c in kids if c.dep_ in ("prep", "agent") for g in c.children]
    score = any(_score(t) for t in near) or _ball_game(head, near) or _into_contest(head)
    if not score:
        contest = any(
            t.dep_ == "pobj" and lemma_of(t) in CONTESTS and t.pos_ == "NOUN" and t.head.lower_ in SETTING_PREPS
            for t in near
        )
        # at a contest, the side beaten is named (a team, a player, a country): "fans attacked the referee during the
        # match" is no game
        objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")] if contest else []
        if not objects or not all(o.ent_type_ in NAMED_SIDES for o in objects):
            return False
    return not any(is_police(t) or lemma_of(t) in ARMED for t in _sides(head))


def _ball_game(head: Any, near: Sequence[Any]) -> bool:
    """Whether a word is told of a ball game with no score: done to, by or at a ball or the goal's frame (``BALL_GAME``:
    "struck the woodwork", "was struck by the ball", "attacked the basket"), or at a time of the game's clock
    (``GAME_CLOCK``: "attacked from the first whistle"; session 42) with nothing done to ("attacked the referee at
    halftime", "a player was shot at halftime" stay), or, with nothing done to, gone wide or high ("the striker shot
    wide")."""
    if any(t.pos_ == "NOUN" and not t.ent_type_ and lemma_of(t) in BALL_GAME for t in near):
        return True
    if any(t.pos_ == "NOUN" and lemma_of(t) in GAME_CLOCK for t in near) and not any(
        c.dep_ in HIT_DEPS for c in head.children
    ):
        return True
    return (
        head.pos_ == "VERB"
        and not any(c.dep_ in HIT_DEPS for c in head.children)
        and any(c.dep_ in ("advmod", "acomp", "oprd") and c.lower_ in MISSED_WIDE for c in head.children)
    )


def in_match(head: Any) -> bool:
    """Whether a verb is told as done in a contest ("met Barcelona in the final", "Federer meets Nadal in the
    semifinal"), with no police nor armed force on a side: a game played, no meeting (ACE's Meet: entities come
    together to interact). Only "in": one meets another at a final as a spectator ("Putin met Macron at the World Cup
    final"). A blocker ``in:match`` rules a type out there."""
    played = any(
        c.dep_ == "prep" and c.lower_ == "in" and g.dep_ == "pobj" and lemma_of(g) in CONTESTS
        for c in head.children
        for g in c.children
    )
    return played and head.pos_ == "VERB" and not any(is_police(t) or lemma_of(t) in ARMED for t in _sides(head))


def _into_contest(head: Any) -> bool:
    """Whether a word is told as going into a contest or to a win ("marched into the final", "stormed to victory")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("into", "to")
        and g.dep_ == "pobj"  # a noun whatever its tag ("into the final": the tagger's JJ)
        and lemma_of(g) in GOALS_WON
        for c in head.children
        for g in c.children
    )


def _score(tok: Any) -> bool:
    """A game's score at a token: one token ("7-1") or three, a number, a dash and a number ("7", "-", "1")."""
    if not tok.text[:1].isdigit():
        return False
    if GAME_SCORE.match(tok.text):
        return True
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and GAME_SCORE.match(tok.text + doc[tok.i + 1].text + doc[tok.i + 2].text) is not None
        and not doc[tok.i].whitespace_
    )


def told_in_words(head: Any) -> bool:
    """Whether a figurative word (an attack, a clash) is told as a dispute: about a topic (``over_topic``) or at an
    event of speech (``in_talk``). ``event_rules`` reads it for a figurative word told with no cue of its type."""
    return over_topic(head) or in_talk(head)


def market_move(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether a verb tells a price's move: its subject is a thing traded (``TRADED``: "stocks rallied", "the dollar
    rallied against the euro") or it is told with an amount of change ("rallied 5 percent", "rallied to $40"): no
    people gathering (ACE's Demonstrate). A blocker ``subj:market`` rules a type out there."""
    if head.pos_ != "VERB":
        return False
    if any(slot in ("subj", "subj_intrans") and _traded(tok) for slot, tok in pairs):
        return True
    # how far it moved: an amount as an adverb or after "by", "to" or "from", no share of a thing ("destroyed 80
    # percent of the city")
    moved = [c for c in head.children if c.dep_ == "npadvmod"]
    moved += [g for c in head.children if c.dep_ == "prep" and c.lower_ in MOVE_PREPS for g in c.children]
    return any(t.ent_type_ in CHANGE_LABELS and not any(c.lower_ == "of" for c in t.children) for t in moved)


def _traded(tok: Any) -> bool:
    """A common noun naming a thing traded, or one in the "of" phrase of a price or a share ("shares of Apple")."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and lemma_of(tok) in TRADED


def lifeless_undergoing(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether who undergoes a verb (its object, its passive subject, the subject of an intransitive one) has no life
    to end: "it", a hope, an undertaking, an institution or a machine (``LIFELESS``), an event of speech, a force of
    nature, a plant (``PLANTS``), a thing made or a building ("his hopes died", "the talks died", "the company died",
    "the engine died", "the trees died"); of a noun, its "of" phrase, or an animal or a thing put forward there
    (``NO_PERSON``: "the death of the newspaper", "the killing of the bill", "the killing of the dog"). A
    blocker ``obj:lifeless`` rules a type out there (ACE's Life:Die ends a living being's life)."""
    if head.pos_ == "NOUN":  # "the death of the newspaper", "the killing of the bill": of what has no life
        return any(_lifeless(tok) or lemma_of(tok) in NO_PERSON for tok in _of_phrase(head))
    if head.pos_ != "VERB":
        return False
    undergoers = [tok for slot, tok in pairs if slot in UNDERGOER_SLOTS]
    counted = [g for tok in undergoers if tok.ent_type_ == "CARDINAL" for g in _of_phrase(tok)]  # "thousands of trees"
    if any(_lifeless(tok) for tok in undergoers + counted):
        return True
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children):
        # "killed off", "died off": a sense of its own, said of a party, a product, a character as of people; a life
        # ends only where a person is named ("gunmen killed off the witnesses")
        return bool(undergoers) and not any(_living(tok) for tok in undergoers)
    return _at_the_polls(head) and any(_body(tok) for tok in undergoers)


def _of_phrase(tok: Any) -> list[Any]:
    return [g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _living(tok: Any) -> bool:
    """A person or people: a name, a nationality, a noun of people, a personal pronoun, a number ("killed off 20"), or
    a part of them ("most of the villagers")."""
    if tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in PERSONAL or tok.pos_ == "NUM":
        return True
    if guess_label(tok) == "PERSON":
        return True
    return any(c.lower_ == "of" and any(_living(g) for g in c.children if g.dep_ == "pobj") for c in tok.children)


def _at_the_polls(head: Any) -> bool:
    """Whether a verb is told in or at a vote ("killed at the polls", "crushed in the election": ``VOTES``)."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and g.dep_ == "pobj" and lemma_of(g) in VOTES
        for c in head.children
        for g in c.children
    )


def _body(tok: Any) -> bool:
    """An organisation, named or a common noun of one ("the Liberal party", "the party")."""
    return tok.ent_type_ == "ORG" or (not tok.ent_type_ and tok.pos_ == "NOUN" and guess_label(tok) == "ORG")


def _lifeless(tok: Any) -> bool:
    if tok.lower_ == "it":  # a thing or a fact: English says "he" or "she" of a person who dies
        return True
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    lemma = lemma_of(tok)
    if lemma in LIFELESS or lemma in WORKS or lemma in NATURAL_FORCES or lemma in PLANTS or _talk(tok):
        return True
    return guess_label(tok) in ("PRODUCT", "FAC")


def _talk(tok: Any) -> bool:
    """A common noun naming an event of speech, by its lemma or its form ("the talks", lemma "talk")."""
    return lemma_of(tok) in TALK_EVENTS or tok.lower_ in TALK_EVENTS


def words_subject(pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether the subject the frame reads is a work written, said or shown (``WORKS``: "the editorial attacked the
    government", "a campaign ad attacks Clinton"): an attack in words, by no attacker (ACE's Attack is a violent act).
    A blocker ``subj:words`` rules a type out there."""
    return any(
        slot in ("subj", "subj_intrans") and tok.pos_ == "NOUN" and not tok.ent_type_ and lemma_of(tok) in WORKS
        for slot, tok in pairs
    )


def funds_hit(head: Any) -> bool:
    """Whether what a word of attacking is done to is money kept or a thing traded (``FUNDS``, ``TRADED`` less
    "market", also a place): its object or passive subject, or a noun's "on", "of" or "against" phrase ("raided the
    pension fund", "a dawn raid on the company's shares"): money taken or bought, no one harmed (ACE's Attack). A
    blocker ``obj:funds`` rules a type out there."""
    hit = [c for c in head.children if c.dep_ in HIT_DEPS]
    hit += [g for c in head.children if c.dep_ == "prep" and c.lower_ in HIT_PREPS for g in c.children]
    return any(t.pos_ == "NOUN" and not t.ent_type_ and lemma_of(t) in MONEY_HIT for t in hit)


def reaction_met(head: Any) -> bool:
    """Whether a verb of meeting or greeting is told with how people took something (``REACTIONS``: "the plan met with
    criticism", "was greeted with applause", "met with fierce opposition"): a reception, no one met face to face (ACE's
    Meet). "opposition" with a determiner or a possessive is a party ("met with the opposition"), and people named by
    "by" are met ("was greeted with applause by the troops"). A blocker ``with:reaction`` rules a type out there."""
    if head.pos_ != "VERB" or any(_living(g) for c in head.children if c.dep_ == "agent" for g in c.children):
        return False  # "was greeted with applause by the troops": people met all the same
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and g.dep_ == "pobj"
        and lemma_of(g) in REACTIONS
        and not (lemma_of(g) == "opposition" and any(d.dep_ in ("det", "poss") for d in g.children))
        for c in head.children
        for g in c.children
    )


def firm_moves(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether a going is a firm's move: what is moved is its seat or its work (``FIRM_SEATS``: "moved its headquarters
    to Texas", "relocated production to China") or, with nothing moved, the firm itself (``FIRMS``: "the company moved
    to a new office"): no person, weapon or vehicle moved (ACE's Transport). A blocker ``move:firm`` rules a type out
    there; "moved its staff to Boston" and "visited the company's headquarters" (the place gone to) stay."""
    moved = [tok for slot, tok in pairs if slot == "obj"]
    if moved and lemma_of(head) in PLACE_OBJECT_VERBS:
        return False  # "visited the headquarters", "left the office": the object is the place gone to or from
    if moved:
        return all(t.pos_ == "NOUN" and lemma_of(t) in FIRM_SEATS for t in moved)
    return any(
        slot in ("subj", "subj_intrans") and tok.pos_ == "NOUN" and not tok.ent_type_ and lemma_of(tok) in FIRMS
        for slot, tok in pairs
    )


def words_with(head: Any) -> bool:
    """Whether a word is told with what is asked, said or sent in words as what it is done with (``ASKINGS``,
    ``WORKS``, ``REACTIONS``: "bombarded with questions", "attacked him with insults"): no weapon, no violent act (ACE's
    Attack), or a noun told as made "of" words ("a war of words", "a battle of insults": a quarrel; session 43). A
    blocker ``with:words`` rules a type out there; "pelted with stones" stays."""
    return any(
        c.dep_ == "prep"
        and (c.lower_ == "with" or c.lower_ == "of" and head.pos_ == "NOUN")
        and g.dep_ == "pobj"
        and g.pos_ == "NOUN"
        and (lemma_of(g) in SAID_THINGS or c.lower_ == "of" and lemma_of(g) == "word")
        for c in head.children
        for g in c.children
    )


def mountain_summit(head: Any) -> bool:
    """Whether a summit is a mountain's top: its "of" phrase is a mountain or a place of the land ("the summit of
    Everest", "the summit of the mountain") or it is climbed ("climbed the summit"): no meeting (ACE's Meet). A blocker
    ``summit:peak`` rules a type out there; "the summit of the African Union" stays."""
    if lemma_of(head) != "summit" or head.pos_ != "NOUN":
        return False
    if head.dep_ == "dobj" and lemma_of(head.head) in CLIMBS:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and g.dep_ == "pobj" and noun_kind(g) == "LOC"
        for c in head.children
        for g in c.children
    )


def made_gain(head: Any) -> bool:
    """Whether a noun is what one "makes" with "a" and no "of" phrase ("made a killing on the market"): a profit made,
    no one killed. A blocker ``made:gain`` rules a type out there (Life:Die's; "made a visit" is a Transport all the
    same)."""
    return (
        head.pos_ == "NOUN"
        and head.dep_ == "dobj"
        and lemma_of(head.head) == "make"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    )


def longing(head: Any) -> bool:
    """Whether a verb in the progressive governs a "to" infinitive ("he was dying to see the show", "fans are dying to
    meet the band"): a wish, no death. A blocker ``to:longing`` rules a type out there; "died trying to save his
    comrades", "died fighting the fire" stay."""
    return (
        head.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in head.children
        )
    )


def dose(head: Any) -> bool:
    """Whether a noun is a dose of a medicine (``MEDICINES``: "a flu shot", "a booster shot", "a shot of vaccine"): no
    one fired at (ACE's Attack). A blocker ``shot:dose`` rules a type out there; "a single shot killed him" stays."""
    kinds = [c for c in head.children if c.dep_ in ("compound", "amod")]
    kinds += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return head.pos_ == "NOUN" and any(lemma_of(t) in MEDICINES or t.lower_ in MEDICINES for t in kinds)


def overseen(pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether who does a verb is one who oversees, audits or prosecutes (``OVERSEERS``: "the company was targeted by
    regulators", "prosecutors targeted the firm"): a probe, no violent act (ACE's Attack). A blocker ``subj:overseer``
    rules a type out there; the police are none of them ("police targeted the protesters with tear gas" stays)."""
    return any(
        slot in ("subj", "subj_intrans", "agent") and tok.pos_ == "NOUN" and lemma_of(tok) in OVERSEERS
        for slot, tok in pairs
    )


def places_meeting(pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether every side the frame reads as doing (its subjects, its objects) is a place of the land or a thing built,
    a common noun or a named LOC ("the two rivers meet at Khartoum", "the road meets the highway"): places that join, no
    entities interacting (ACE's Meet: people, bodies, states). A blocker ``subj:place`` rules a type out there; a named
    state meets through its envoys ("Iran and Iraq met in Geneva" stays)."""
    sides = [tok for slot, tok in pairs if slot in ("subj", "subj_intrans", "obj")]
    return bool(sides) and all(_land(tok) for tok in sides)


def _land(tok: Any) -> bool:
    if tok.ent_type_:
        return tok.ent_type_ == "LOC"
    return tok.pos_ == "NOUN" and guess_label(tok) in ("LOC", "FAC")


def addressed(head: Any) -> bool:
    """Whether a noun of meeting is what one addresses or speaks to ("addressing a counter-terrorism conference", "a
    video address to the meeting"): the speaker's address told, the gathering its audience (the data leaves such
    gatherings unmarked, on both halves). A blocker ``to:audience`` rules a type out there; "spoke at the meeting",
    "the leaders met at the summit" stay."""
    gov = head.head
    if head.dep_ == "dobj" and lemma_of(gov) == "address":
        return True
    return head.dep_ == "pobj" and gov.lower_ == "to" and lemma_of(gov.head) in ("address", "speech", "speak")


def figurative_kinds(
    head: Any, pairs: Sequence[tuple[str, Any]], wanted: AbstractSet[str] | None = None
) -> frozenset[str]:
    """The blocker kinds of a word's figurative senses read on who takes part: ``subj:market`` (``market_move``),
    ``subj:words`` (``words_subject``), ``in:game`` (``in_game``), ``obj:lifeless`` (``lifeless_undergoing``),
    ``obj:funds`` (``funds_hit``), ``with:reaction`` (``reaction_met``), ``move:firm`` (``firm_moves``),
    ``made:gain`` (``made_gain``), ``with:words`` (``words_with``), ``summit:peak`` (``mountain_summit``), ``to:longing`` (``longing``), ``in:match`` (``in_match``), ``shot:dose`` (``dose``), ``subj:overseer``
    (``overseen``), ``subj:place`` (``places_meeting``) and ``to:audience`` (``addressed``); and those of the arts,
    sport and public life (``pastimes.pastime_kinds``).
    ``wanted``: the kinds asked for (None: all); the others are not read, their tests not run."""
    return _FIGURATIVE.kinds(wanted, head, pairs) | pastime_kinds(head, pairs, wanted)


_FIGURATIVE = KindTests(
    ("subj:market", lambda head, pairs: market_move(head, pairs)),
    ("subj:words", lambda head, pairs: words_subject(pairs)),
    ("in:game", lambda head, pairs: in_game(head)),
    ("obj:lifeless", lambda head, pairs: lifeless_undergoing(head, pairs)),
    ("obj:funds", lambda head, pairs: funds_hit(head)),
    ("with:reaction", lambda head, pairs: reaction_met(head)),
    ("move:firm", lambda head, pairs: firm_moves(head, pairs)),
    ("made:gain", lambda head, pairs: made_gain(head)),
    ("with:words", lambda head, pairs: words_with(head)),
    ("summit:peak", lambda head, pairs: mountain_summit(head)),
    ("to:longing", lambda head, pairs: longing(head)),
    ("in:match", lambda head, pairs: in_match(head)),
    ("shot:dose", lambda head, pairs: dose(head)),
    ("subj:overseer", lambda head, pairs: overseen(pairs)),
    ("subj:place", lambda head, pairs: places_meeting(pairs)),
    ("to:audience", lambda head, pairs: addressed(head)),
)
