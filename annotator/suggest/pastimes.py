"""Senses of conflict words in the arts, sport and public life that name no Attack, Arrest-Jail or Demonstrate (ACE's
Conflict:Attack is a violent physical act; Justice:Arrest-Jail constrains a person's movement; Conflict:Demonstrate
gathers people to protest or demand): a film shot, a side held to a draw, a band marching in a parade. Each is read
on who takes part and what is done, as ``figurative`` reads the figurative senses; pure functions of spaCy tokens for
``trigger_sides.kinds_of_sides`` (through ``figurative.figurative_kinds``). The word classes are ordinary English's, none from the development texts."""

from __future__ import annotations

from typing import AbstractSet, Any, Sequence

from annotator.suggest.kind_tests import KindTests
from annotator.suggest.arg_spans import PLACE_LABELS
from annotator.suggest.noun_classes import ECONOMY, REACTIONS, WORKS, lemma_of, noun_kind
from annotator.suggest.shared_parts import of_objects

# what is filmed or photographed: a work made with a camera, or the picture taken ("shot a film", "shot the scene")
FILMED = WORKS | frozenset(
    """footage scene photo photograph picture portrait snapshot selfie episode series sequence clip trailer
    music-video advert campaign close-up""".split()
)
# one whose work is filming or photographing: as the doer of "shoot", a camera's shot ("the photographer shot the
# wedding"); as the one shot, a victim ("the photographer was shot")
FILMERS = frozenset(
    """photographer cameraman camerawoman filmmaker film-maker cinematographer videographer photojournalist""".split()
)
SHOOT_LEMMAS = frozenset(("shoot", "shot", "shooting"))
# what one rises to, fast: a state of renown, no place nor death ("shot to fame", "shot to the top of the charts")
RENOWN = frozenset("fame stardom prominence notoriety celebrity popularity top success glory power".split())
# what grows or spreads as an "explosion" does: a quantity, a feeling, a kind of activity ("an explosion of interest")
SURGES = (
    ECONOMY
    | REACTIONS
    | frozenset(
        """interest demand popularity creativity colour color activity joy emotion growth population cases
        traffic investment spending content information data""".split()
    )
)
SURGE_WORDS = frozenset(("explosion", "blast"))
# what is seized as goods or evidence, no person held ("police seized the drugs", "seized 200 kilograms of cocaine")
GOODS = frozenset(
    """drug cocaine heroin cannabis marijuana narcotic methamphetamine opium cash money banknote goods cargo contraband
    shipment consignment document passport property asset land house home car truck computer laptop phone evidence
    ivory gold""".split()
)
# what one dies "of" in hyperbole, no death ("dying of laughter", "died of embarrassment"; "died of cancer" stays)
FEELINGS = frozenset("laughter boredom embarrassment shame curiosity envy jealousy fright".split())
# where a march is a show watched by a crowd, no protest ("marched in the parade", "during the festival")
SHOWS = frozenset(
    """parade festival carnival ceremony celebration pageant jubilee homecoming graduation inauguration""".split()
)
SHOW_PREPS = frozenset(("in", "during", "at"))
# the people a march of protest is told of; with them, a parade or a festival is where a protest is held
PROTESTERS = frozenset(("protester", "protestor", "demonstrator", "activist", "marcher", "striker", "picketer"))


def filmed(head: Any) -> bool:
    """Whether a word of shooting tells a film or a picture taken: its object (or its noun's "of" phrase: "the
    shooting of the film") a work or a picture (``FILMED``: "shot a film in Paris", "shot a video of the
    protest"), or its doer one whose trade is the camera (``FILMERS``: "the photographer shot the wedding"). No one
    is fired at; "gunmen shot the cameraman", "the photographer was shot", "soldiers shot a protester" stay."""
    if lemma_of(head) not in SHOOT_LEMMAS and head.lower_ not in SHOOT_LEMMAS:
        return False
    done_to = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    done_to += of_objects(head)
    if head.pos_ == "NOUN":  # "the film's shooting": a noun's possessor is what it is of
        done_to += [c for c in head.children if c.dep_ == "poss"]
    if any(lemma_of(t) in FILMED for t in done_to):
        return True
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    return head.pos_ == "VERB" and any(lemma_of(t) in FILMERS for t in doers)


def rose_to_renown(head: Any) -> bool:
    """Whether "shoot" tells a rise to renown (``RENOWN``: "the singer shot to fame", "shot to the top of the
    charts"): no one fired at; "shot to death", "shot to pieces" stay (ACE's Attack)."""
    if lemma_of(head) not in SHOOT_LEMMAS or head.pos_ != "VERB":
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and lemma_of(g) in RENOWN for g in c.children)
        for c in head.children
    )


def surge_of(head: Any) -> bool:
    """Whether an "explosion" is of a quantity, a feeling or an activity (``SURGES``: "an explosion of interest",
    "a population explosion" told with "of"): a sudden growth, no blast; "the explosion of a car bomb", "an explosion
    of gunfire" stay."""
    if head.pos_ != "NOUN" or lemma_of(head) not in SURGE_WORDS:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and lemma_of(g) in SURGES for g in c.children)
        for c in head.children
    )


def seized_goods(head: Any) -> bool:
    """Whether what a word of arresting is done to is goods or evidence (``GOODS``; through a count's "of": "200
    kilograms of cocaine"): a seizure, no person's movement constrained (ACE's Arrest-Jail); "police seized the
    suspect", "seized the smugglers and their cargo" (a person first) stay."""
    done_to = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    done_to += [g for t in done_to if t.pos_ == "NUM" or lemma_of(t) in _MEASURES for g in of_objects(t)]
    nouns = [t for t in done_to if t.pos_ in ("NOUN", "PROPN") and lemma_of(t) not in _MEASURES]
    return bool(nouns) and lemma_of(nouns[0]) in GOODS  # "two tonnes of cocaine": the goods, not the measure


_MEASURES = frozenset("kilogram kilo kg ton tonne pound gram bag packet crate container".split())


def died_of_feeling(head: Any) -> bool:
    """Whether dying is told "of" a feeling (``FEELINGS``: "he was dying of laughter", "died of embarrassment"): a
    hyperbole, no life ended; "died of cancer", "died of his wounds" stay (ACE's Life:Die)."""
    return head.pos_ == "VERB" and any(lemma_of(t) in FEELINGS for t in of_objects(head))


def shown(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether "demonstrate" tells a thing shown or proved: a direct object that is no feeling (``REACTIONS``:
    "the minister demonstrated the new system") with no protester doing it. ACE's Demonstrate gathers people to
    protest; "protesters demonstrated their anger", "thousands demonstrated in the capital" stay. And "gather" told
    with a direct object, people or things brought together by the subject ("the minister gathered her advisers",
    "gathered evidence"; session 43): "thousands gathered in the square" stays, and so does a place the parse takes for
    the object ("gathered outside parliament", "outside" read as an adjective)."""
    if head.pos_ != "VERB":
        return False
    lemma = lemma_of(head)
    if lemma == "gather":
        return any(c.dep_ == "dobj" and noun_kind(c) in (None, "PERSON") for c in head.children)
    if lemma != "demonstrate":
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if not objects or any(lemma_of(o) in REACTIONS for o in objects):
        return False
    return not any(lemma_of(t) in PROTESTERS for slot, t in pairs if slot in ("subj", "subj_intrans"))


def held_to_result(head: Any) -> bool:
    """Whether "hold" tells a result one is held to, no place one is kept in: its "to" phrase names no place ("the
    team was held to a draw", "held to account", "held to a 1-1 draw"). ACE's Arrest-Jail keeps a person somewhere;
    "held in prison", "held at a police station", "held by police" stay."""
    if lemma_of(head) != "hold" or head.pos_ != "VERB":
        return False
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            ends = [g for g in c.children if g.dep_ == "pobj"]
            if ends and not any(_place(g) for g in ends):
                return True
    return False


def marched_in_show(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether a march is told in, during or at a show watched by a crowd (``SHOWS``: "veterans marched in the
    Memorial Day parade", "the band marched during the festival") and none of those marching is named as protesting
    (``PROTESTERS``). ACE's Demonstrate is a protest or a demand; "protesters marched during the festival",
    "thousands marched to the parliament" stay."""
    if lemma_of(head) != "march":
        return False
    shown = any(
        c.dep_ == "prep"
        and c.lower_ in SHOW_PREPS
        and any(g.dep_ == "pobj" and lemma_of(g) in SHOWS for g in c.children)
        for c in head.children
    )
    if not shown:
        return False
    return not any(lemma_of(t) in PROTESTERS for slot, t in pairs if slot in ("subj", "subj_intrans", "gov_subj"))


def _place(tok: Any) -> bool:
    return noun_kind(tok) in PLACE_LABELS


def pastime_kinds(
    head: Any, pairs: Sequence[tuple[str, Any]], wanted: AbstractSet[str] | None = None
) -> frozenset[str]:
    """The blocker kinds of these senses: ``obj:filmed`` (``filmed``), ``to:result`` (``held_to_result``),
    ``in:show`` (``marched_in_show``), ``to:renown`` (``rose_to_renown``), ``of:surge`` (``surge_of``), ``obj:goods``
    (``seized_goods``), ``of:feeling`` (``died_of_feeling``) and ``obj:shown`` (``shown``).
    ``wanted``: the kinds asked for (None: all); the others are not read, their tests not run."""
    return _PASTIMES.kinds(wanted, head, pairs)


_PASTIMES = KindTests(
    ("obj:filmed", lambda head, pairs: filmed(head)),
    ("to:result", lambda head, pairs: held_to_result(head)),
    ("in:show", lambda head, pairs: marched_in_show(head, pairs)),
    ("to:renown", lambda head, pairs: rose_to_renown(head)),
    ("of:surge", lambda head, pairs: surge_of(head)),
    ("obj:goods", lambda head, pairs: seized_goods(head)),
    ("of:feeling", lambda head, pairs: died_of_feeling(head)),
    ("obj:shown", lambda head, pairs: shown(head, pairs)),
)
