"""Who does the act a candidate trigger names and what it is done to, as a schema's blockers and ``object_triggers``
read them (for the rule-based event suggester, ``event_rules``, through ``trigger_clues``): the trigger's objects
and their kinds ("obj:product", a weapon, a cue), a dead body held, an animal or a bill killed, a force of nature as
the subject or the object, a law as the subject, a raid by the police. Pure functions of spaCy tokens."""

from __future__ import annotations

from typing import AbstractSet, Any, Sequence

from annotator.suggest.kind_tests import KindTests
from annotator.suggest.figurative import figurative_kinds
from annotator.suggest.aimless_fire import fired_in_air
from annotator.suggest.market_targets import market_targeted
from annotator.suggest.seated import sat_alone
from annotator.suggest.service_routes import routes_served
from annotator.suggest.turns_of_phrase import turn_kinds
from annotator.suggest.noun_classes import (
    ANIMALS,
    ARMED,
    ECONOMY,
    PROPOSALS,
    counted,
    is_natural_force,
    is_police,
    is_weapon,
    noun_kind,
    lemma_of,
)
from annotator.suggest.shared_parts import of_objects


def object_labels(head: Any, span: Any) -> frozenset[str]:
    """ "obj:LABEL" (lowercase) for what a verb trigger is done to (its object outside the trigger) or a noun trigger
    is of ("donation of arms"), by its entity label or the label its noun is guessed to name: a blocker
    "obj:product" rules a type out where the thing given is a weapon or a vehicle (ACE: a Transfer-Money gives
    money; "donated weapons" is a transfer of ownership). A passive verb's subject is what it is done to as well
    ("shots were fired"), and a common noun with no label is "obj:thing", neither a person nor any named kind of
    thing ("fired tear gas": no one dismissed)."""
    return frozenset(f"obj:{label.lower()}" for o in objects_of(head, span) if (label := _object_kind(o)))


def object_kinds(obj: Any, cues: frozenset[str], phrases: dict[str, list[tuple[str, ...]]]) -> frozenset[str]:
    """The kinds a schema's ``object_triggers`` may ask of what a trigger is done to (``objects_of``): its entity
    label, named or guessed from its noun, or "thing" for a common noun of no label (as ``object_labels``);
    "weapon" (``noun_classes.is_weapon``); "cue" when it is a cue word of the type (``cues``), or ends a cue of
    several words (``phrases``, by last word: "tear gas"); "named_person" when the pipeline names it a PERSON (a
    visitor received, not "refugees" guessed a PERSON from the noun)."""
    out = set()
    label = _object_kind(obj)
    if label:
        out.add(label)
    if obj.ent_type_ == "PERSON":
        out.add("named_person")
    if is_weapon(obj) or of_weapons(obj):
        out.add("weapon")
    low, doc = obj.lower_, obj.doc
    if low in cues or lemma_of(obj) in cues:
        out.add("cue")
    for words in phrases.get(low, ()):
        n = len(words)
        if (
            " ".join(words) in cues
            and obj.i + 1 >= n
            and all(doc[obj.i - n + 1 + k].lower_ == words[k] for k in range(n - 1))
        ):
            out.add("cue")
    return frozenset(out)


def of_weapons(noun: Any) -> bool:
    """Whether a noun is a thing made of weapons, by its compound ("arms supplies", "weapons shipments", "missile
    deliveries"; "arms", the plural, names weapons only): weapons moved, whatever the head noun (a trigger word of
    another type, "supplies", names no event here)."""
    return any(c.dep_ == "compound" and (is_weapon(c) or c.lower_ == "arms") for c in noun.children)


def objects_of(head: Any, span: Any) -> list[Any]:
    """What a verb trigger is done to (its object or its passive subject, outside the trigger) or a noun trigger is
    of ("donation of arms")."""
    if head.pos_ == "VERB":
        return [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and not span.start <= c.i < span.end]
    if head.pos_ == "NOUN":
        return of_objects(head)
    return []


def nature_subject(pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether the subject the frame reads (a relative clause's noun too) is a force of nature ("the famine that struck
    North Korea", "an earthquake hit the city"): no attacker (ACE's Attack is a violent act by one). A blocker
    ``subj:nature`` rules a type out there."""
    return any(slot in ("subj", "subj_intrans") and is_natural_force(tok) for slot, tok in pairs)


def nature_moving(head: Any) -> bool:
    """Whether a verb's own subject is a force of nature or an illness ("the storm headed to the coast", "the virus
    arrived in Europe"): nothing carried and no one going (ACE's Transport moves a person, a weapon or a vehicle). Its
    own subject only: "the hurricane forced thousands to flee" has people fleeing. A blocker ``mover:nature`` rules a
    type out there."""
    return head.pos_ == "VERB" and any(c.dep_ == "nsubj" and is_natural_force(c) for c in head.children)


def nature_object(pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether what the frame reads as done to (the object, the passive subject) is a force of nature or an illness
    ("firefighters battled the blaze", "doctors battled the epidemic", "battled cancer"): no one harmed (ACE's Attack
    harms people, places and things). A blocker ``obj:nature`` rules a type out there."""
    return any(slot in ("obj", "subjpass") and is_natural_force(tok) for slot, tok in pairs)


def proposal_subject(pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether the subject the frame reads is a thing put forward or agreed (``PROPOSALS``: "the new law targets
    immigrants", "new rules target migrants", "the policy attacks the poor"): what it does is done in words, by no
    attacker (ACE's Attacker is a person, an organization or a state). A blocker ``subj:no_one`` rules a type out
    there."""
    return any(
        slot in ("subj", "subj_intrans") and tok.pos_ == "NOUN" and lemma_of(tok) in PROPOSALS for slot, tok in pairs
    )


def own_object(head: Any, span: Any) -> bool:
    """Whether a verb's object is a noun with a possessive pronoun ("holds her baby", "held his son"): one's own, held
    in one's arms. A blocker ``obj:own`` rules a type out there for a weak word told with no cue of the type: the
    movement of a person constrained by a state actor (ACE's Arrest-Jail) is told otherwise ("police held his son")."""
    return head.pos_ == "VERB" and any(
        o.dep_ == "dobj" and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in o.children)
        for o in objects_of(head, span)
    )


# a dead person's body: no one whose movement is constrained ("the bodies were held at the morgue")
DEAD_BODIES = frozenset({"body", "corpse", "remains"})


def held_body(head: Any, span: Any) -> bool:
    """Whether what a verb is done to (its object, its passive subject, the noun a participle describes) is a dead
    body or a noun in the "of" phrase of one ("police held the bodies of the victims", "the bodies of 10 assailants
    being held by police"): a thing kept, no person arrested or jailed (ACE's Arrest-Jail constrains a person's
    movement). A blocker ``obj:body`` rules a type out there."""
    done_to = objects_of(head, span) + ([head.head] if head.dep_ == "acl" else [])
    return head.pos_ == "VERB" and any(
        lemma_of(t) in DEAD_BODIES
        or (t.dep_ == "pobj" and t.head.lower_ == "of" and lemma_of(t.head.head) in DEAD_BODIES)
        for t in done_to
    )


def no_one_undergoing(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether who undergoes a verb (its object, its passive subject, the subject of an intransitive one, through a
    count's "of") is an animal or a thing put forward or agreed ("the dog died", "hundreds of cattle were killed",
    "killed the bill", "killed the deal"): no person's life ends (ACE's Life:Die), no person, place or thing is harmed
    ("struck down the rules", "shot two elephants": ACE's Attack). A blocker ``obj:no_one`` rules a type out there."""
    return head.pos_ == "VERB" and any(
        slot in ("obj", "subjpass", "subj_intrans")
        and (t := counted(tok)).pos_ == "NOUN"
        and not t.ent_type_
        and lemma_of(t) in ANIMALS | PROPOSALS | ECONOMY
        for slot, tok in pairs
    )


SEARCHES = frozenset({"raid"})  # a search by the police as often as an attack ("a police raid")


ARRESTS = frozenset({"arrest", "detain", "apprehend"})  # what the police do at a search


def police_search(head: Any) -> bool:
    """Whether a raid is told with the police or the authorities, or an arrest, in its sentence and with no armed
    force there: a search by law enforcement ("arrested 25 men after a raid on a perfume shop", "found in a raid of his
    home, according to police", "police seized weapons in the raid"), no violent act causing harm (ACE's Attack);
    "soldiers killed ten militants in a raid", "police and soldiers raided the camp" stay. A blocker ``raid:police``
    rules a type out there."""
    if lemma_of(head) not in SEARCHES:
        return False
    police = any(is_police(t) or (t.pos_ == "VERB" and lemma_of(t) in ARRESTS) for t in head.sent)
    return police and not any(t.pos_ == "NOUN" and lemma_of(t) in ARMED for t in head.sent)


def kinds_of_sides(
    head: Any, span: Any, pairs: Sequence[tuple[str, Any]], wanted: AbstractSet[str] | None = None
) -> frozenset[str]:
    """The blocker kinds read on who does the act and who undergoes it: ``subj:nature`` (``nature_subject``),
    ``mover:nature`` (``nature_moving``),
    ``obj:body`` (``held_body``), ``obj:no_one`` (``no_one_undergoing``), ``raid:police`` (``police_search``),
    ``route:served`` (``service_routes.routes_served``), ``air:aimless`` (``aimless_fire.fired_in_air``),
    ``obj:market`` (``market_targets.market_targeted``), ``sit:alone`` (``seated.sat_alone``) and
    the figurative senses' (``figurative.figurative_kinds``) and the turns of phrase's (``turns_of_phrase.turn_kinds``).
    ``wanted``: the kinds asked for (None: all); the others are not read, their tests not run."""
    return (
        _SIDES.kinds(wanted, head, span, pairs)
        | figurative_kinds(head, pairs, wanted)
        | turn_kinds(head, pairs, wanted)
    )


_SIDES = KindTests(
    ("subj:nature", lambda head, span, pairs: nature_subject(pairs)),
    ("obj:nature", lambda head, span, pairs: nature_object(pairs)),
    ("mover:nature", lambda head, span, pairs: nature_moving(head)),
    ("subj:no_one", lambda head, span, pairs: proposal_subject(pairs)),
    ("obj:body", lambda head, span, pairs: held_body(head, span)),
    ("obj:no_one", lambda head, span, pairs: no_one_undergoing(head, pairs)),
    ("raid:police", lambda head, span, pairs: police_search(head)),
    ("route:served", lambda head, span, pairs: routes_served(head, pairs)),
    ("air:aimless", lambda head, span, pairs: fired_in_air(head)),
    ("obj:market", lambda head, span, pairs: market_targeted(head, pairs)),
    ("sit:alone", lambda head, span, pairs: sat_alone(head)),
)


def _object_kind(obj: Any) -> str | None:
    """What a trigger is done to is of: its noun's kind (``noun_classes.noun_kind``), or "thing" for a common noun
    of none."""
    return noun_kind(obj) or ("thing" if obj.pos_ == "NOUN" else None)
