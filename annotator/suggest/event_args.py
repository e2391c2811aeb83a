"""Arguments of a trigger from the dependency parse: syntactic slots around the trigger, filled into roles.

A trigger's *frame* lists (slot, token) pairs: ``subj`` (subject of a transitive verb), ``subj_intrans`` (subject
when there is no object, or the object is a place), ``obj``, ``subjpass``, ``agent`` ("by" of a passive), ``poss``,
``compound`` (nouns and nationality adjectives in front of a noun trigger), ``gov_subj`` (the subject of the verb
governing a noun trigger: "X launched an attack"), ``acl_obj`` (the object of a participle right after a noun trigger:
"an explosion targeting a base"), ``given`` (the one a noun trigger is given to: "was given a sentence"), ``receiver``
(the subject of a verb of receiving: "Hamas received millions"), ``prep:<word>`` (prepositional attachments). Each role
lists the slots it takes (``slots`` in the schema, or the defaults below by ACE role name); the first role of the event
type (in schema order) that takes the slot and accepts the candidate's label gets it. A slot written ``~slot`` is one
read from another clause (``HEARSAY_SLOTS``): its filler is suggested, and is no evidence of the trigger.
"""

from __future__ import annotations

from typing import Any, Sequence

from annotator.role_slots import (
    LEAVING_VERBS,
    REACHING_VERBS,
    RECEIVING_VERBS,
    SELLING_SLOTS,
    SELLING_VERBS,
    role_slots,
)
from annotator.rules import has_room, takes
from annotator.suggest.amounts import COUNTS, is_money
from annotator.suggest.frame_preps import goal_before_object, preps
from annotator.suggest.indirect_objects import misread_datives
from annotator.suggest.money_parties import money_recipients
from annotator.suggest.travel_means import means_of_travel
from annotator.suggest.person_objects import is_person_word, visited_person
from annotator.suggest.headlines import subject_before_verb
from annotator.suggest.noun_frame import noun_frame, of_noun_before
from annotator.suggest.shared_parts import along_with, conjuncts, first_conjunct
from annotator.suggest.arg_spans import PLACE_LABELS, WH, resolve, span_of
from annotator.suggest.noun_classes import court_role, is_crime, is_weapon, label_taken, noun_kind, lemma_of
from annotator.suggest.nearest_setting import (
    SETTING_PREPS,
    TIME_LABELS,
    nearest,
    nearest_police,
    on_topic,
    side_of_headline,
    takes_times,
)
from annotator.suggest.time_spans import is_duration
from annotator.suggest.types import ArgumentSuggestion

_WHILE = {"while", "when", "as"}
# verbs done with another side ("protesters clashed with police"): the side "with" names is what it is done to
_RECIPROCAL = frozenset("clash fight battle skirmish scuffle brawl grapple tussle".split())
_SIDES = ("PERSON", "ORG", "NORP", "GPE")
_PARTY_PREPS = ("prep:with", "prep:between", "prep:among")  # the sides an event is done with
_SAID_OF = ("acomp", "oprd", "xcomp", "ccomp")  # an adjective said of someone through a verb ("is dead")
WHERE_PREPS = SETTING_PREPS | {"to", "into", "from", "toward", "towards"}  # a phrase that tells where
_AIMED = ("prep:to", "prep:at", "prep:on", "prep:against", "prep:into")
REFLEXIVES = {"himself", "herself", "themselves", "themself", "oneself", "myself", "yourself", "ourselves"}
# the slots only a noun phrase fills: a word there is a noun, whatever its tag
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "obj", "pobj")
# slots of a reading the parse does not give outright, and any slot "~slot" (read from another clause, "~subj", or in
# a role the words leave open, "~sides"): fillers suggested as no evidence of the trigger (a score below 0.5, what
# ``event_rules`` counts; its own reading of the frame does not see "~subj" as a subject either)
HEARSAY_SLOTS = frozenset({"obj_to", "obj_origin"})
# the subjects of an active verb: where a headline runs into the first sentence, the parse makes a headline word the
# subject of the sentence's verb ("Kerry Heading to Ukraine ... John Kerry will be heading": "Heading" the subject)
ACTIVE_SUBJECTS = frozenset({"subj", "subj_intrans", "receiver"})


def frame(trigger: Any) -> list[tuple[str, Any]]:
    """The (slot, token) pairs around a trigger's head token."""
    out: list[tuple[str, Any]] = []
    pos = trigger.pos_
    if pos == "VERB" and trigger.tag_ == "VBZ" and trigger.dep_ in NOMINAL_DEPS:
        pos = "NOUN"  # "killed in government airstrikes": a plural noun the tagger took for a verb, as its slot shows
    if pos == "ADJ" and trigger.head.pos_ in ("VERB", "AUX") and (trigger.dep_ in _SAID_OF or _resultative(trigger)):
        out += _predicate_frame(trigger)
    elif pos in ("VERB", "AUX") or (pos == "ADJ" and trigger.dep_ in ("acomp", "ROOT", "conj", "advcl")):
        out += _verb_frame(trigger)
        if lemma_of(trigger) in SELLING_VERBS:  # "Russia sold weapons to Egypt": the seller and the buyer
            out = [(SELLING_SLOTS.get(s, s), t) for s, t in out]
    elif pos == "ADJ":
        if trigger.dep_ == "amod":
            out.append(("subjpass", trigger.head))
        out += _verb_frame(trigger)
    else:
        out += noun_frame(trigger)
    expanded = []
    for slot, tok in out:
        # the last conjunct first: a role that takes one filler gets it ("Odessa and Mariupol": Mariupol), as the
        # data marks one filler a role, the later more often (docs/suggestions.md, session 18)
        group = [*reversed(conjuncts(tok)), tok]
        # "the three lawmakers, A, B and C, met": a noun given a list of names in apposition stands for them; the later
        # ones first, as for coordinated fillers (``fill_roles`` takes one filler of a coordination)
        if tok.pos_ == "NOUN":
            group = [g for a in tok.children if a.dep_ == "appos" for g in reversed(conjuncts(a))] + group
        if tok.pos_ == "NOUN" and not tok.ent_type_:  # "activist and commentator Kem Ley": the name first
            group.sort(key=lambda t: t.ent_type_ not in ("PERSON", "ORG", "GPE"))
        else:  # "Poonam Dass and her family migrated": a name before a description, the one the data marks
            group.sort(key=lambda t: t.pos_ == "NOUN" and not t.ent_type_)
        # "the president, along with his wife, visited": the one along with it takes part as it does, after it
        expanded += [(slot, t) for t in group + along_with(tok)]
    return expanded


def phrase_parties(head: Any, span: Any) -> list[tuple[str, Any]]:
    """The sides a noun inside a trigger of several words is said with ("held talks with Putin", "shook hands with
    Erdogan"): the verb heads the trigger and the parse hangs the phrase on the noun, but it is the event's."""
    return [
        (slot, g)
        for t in span
        if t.i != head.i and t.pos_ == "NOUN"
        for slot, g in preps(t)
        if slot in _PARTY_PREPS and g.i >= span.end
    ]


def _resultative(adj: Any) -> bool:
    """An adjective of the outcome right after its verb, which the parse hung on it as a clause of its own ("Soldiers
    shot dead two protesters": "dead" said of the protesters, as in "left 55 civilians dead")."""
    return adj.dep_ == "advcl" and adj.i == adj.head.i + 1


def phrase_settings(head: Any, span: Any) -> list[tuple[str, Any]]:
    """The place a noun inside a trigger of several words is of or in ("took to the streets of Chicago"): a setting
    of the event, as the trigger's own "in" phrase would be."""
    return [
        ("setting", g)
        for t in span
        if t.i != head.i and t.pos_ == "NOUN"
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in ("of", "in") and c.i >= span.end
        for g in c.children
        if g.dep_ == "pobj" and noun_kind(g) in PLACE_LABELS
    ]


def _predicate_frame(adj: Any) -> list[tuple[str, Any]]:
    """An adjective said of someone through a verb ("is dead", "was shot dead", "left 55 civilians dead"): the one
    it is said of is the verb's object, or its subject when there is none; a subject beside an object is the agent."""
    verb = adj.head
    kids = list(verb.children)
    objs = [c for c in kids if c.dep_ in ("dobj", "obj")]
    out: list[tuple[str, Any]] = [("obj", c) for c in objs]
    out += [("subjpass", c) for c in kids if c.dep_ == "nsubjpass"]
    out += [("subj" if objs else "subj_intrans", c) for c in kids if c.dep_ == "nsubj"]
    # "was shot dead while sitting in a coffee shop": one dies where the verb's clause says it happened
    return out + preps(verb) + preps(adj) + _settings(verb, objs)


def _done_to_under(v: Any, kids: list) -> list:
    """Who a passive verb under another is done to ("avoided being arrested", "were filmed being shot dead", "men
    filmed being shot dead", "wanted to be transferred"): the subject the two verbs share, the governing verb's subject
    (active or passive), its object where it has one ("ordered the prisoners to be shot"), or the noun a governing
    participle is said of, and the same of a passive after a preposition ("were accused of being bribed"); none when ``v`` is no passive complement. The subject is the one the act is done
    to, not its doer (ACE: "the men" are the Target of "shot", not the Attacker)."""
    governor = v.head.head if v.dep_ == "pcomp" else v.head
    if v.dep_ not in ("xcomp", "pcomp") or not any(c.dep_ == "auxpass" for c in kids):
        return []
    if governor.pos_ not in ("VERB", "AUX"):
        return []
    told = [c for c in governor.children if c.dep_ in ("dobj", "obj")]
    if told:  # "ordered the prisoners to be shot": the governing verb's object is who it is done to
        return told
    shared = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not shared and governor.dep_ in ("acl", "amod") and governor.tag_ in ("VBN", "VBG"):
        return [governor.head]  # "men filmed being shot dead", "a journalist seen being beaten": the noun of both
    return shared


def _nearest_labelled(v: Any) -> Any:
    """The noun a participle after a noun phrase is said of: its head, or when the head names nothing a role takes
    ("the coffin of officers Serdar Kazar and Isa Ipek, killed in an attack") the noun right before it in the head's
    phrase that does."""
    head = v.head
    if v.i < head.i or noun_kind(head) is not None:
        return head
    i = v.i - 1
    while i > head.i and v.doc[i].is_punct:
        i -= 1
    near = v.doc[i]
    if near.i != head.i and near.pos_ in ("NOUN", "PROPN") and noun_kind(near) is not None and head in near.ancestors:
        return near
    return head


def _verb_frame(v: Any) -> list[tuple[str, Any]]:
    kids = list(v.children)
    subj = [c for c in kids if c.dep_ == "nsubj"]
    subj = [_after_fronted_clause(c, v) for c in subj] or [
        s for c in kids if c.dep_ == "csubj" and (s := _after_fronted_clause(c, v)) is not c
    ]
    subjpass = [c for c in kids if c.dep_ == "nsubjpass"]
    # "police arrest a protester chanting slogans": the parse may take the participle's object for the verb's
    objs = [_misread_object(c) for c in kids if c.dep_ in ("dobj", "obj")]
    # "killing and wounding scores": the object of both verbs, when the first ends at "and" (not "arrived in May and
    # bought a house")
    if not objs and not subjpass and all(c.dep_ in ("cc", "conj", "punct") for c in v.rights):
        objs = [
            g
            for c in kids
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and c.tag_ == v.tag_
            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
            for g in c.children
            if g.dep_ in ("dobj", "obj")
        ]  # not "was attacked and Saudi Arabia severed ties" (a clause of its own), nor "arrived and has a car"
    out: list[tuple[str, Any]] = []
    late: list[tuple[str, Any]] = []  # after the clause's own attachments: "where" is less precise than "in the town"
    # a participle or relative clause takes its noun as subject or object
    if v.dep_ in ("acl", "amod") and v.tag_ == "VBN":  # "a detained woman", "people killed in the attack"
        subjpass.append(_nearest_labelled(v))
        if v.dep_ == "amod" and v.head.dep_ in ("dobj", "obj") and v.head.head.pos_ == "VERB":
            # "officers lead a detained woman": those who have her in hand are who detained her
            late += [("agent", c) for c in v.head.head.children if c.dep_ == "nsubj"]
    elif v.dep_ == "acl" and v.tag_ == "VBG":
        # "a video that showed officer Van Dyke shooting McDonald": the parse may hang the participle on a noun
        # further back; the noun right before it, an object, is who does it
        before = v.doc[v.i - 1] if v.i > 0 else None
        near = (
            before is not None
            and before.i != v.head.i
            and before.dep_ in ("dobj", "obj")
            and before.pos_ in ("NOUN", "PROPN")
        )
        subj.append(before if near else v.head)
    elif v.dep_ == "relcl":
        wh = [c for c in kids if c.lower_ in WH]
        adverb = next((c.lower_ for c in kids if c.dep_ == "advmod" and c.lower_ in ("where", "when")), None)
        if wh and wh[0].dep_ in ("nsubj",):
            subj = [v.head]
        elif wh and wh[0].dep_ == "nsubjpass":
            subjpass = [v.head]
        elif adverb:  # "the valley where soldiers killed": the noun is where (or when) it happened, no participant
            late.append(("prep:in" if adverb == "where" else "when", v.head))
        elif any(g.lower_ == "whose" for c in kids for g in c.children):
            pass  # "Ahmed, whose son was arrested": Ahmed is the possessor of a participant, no participant himself
        elif wh or not objs:  # "the man (that) police arrested": the noun is the object
            objs.append(v.head)
    # a verb in a chain ("began to attack", "attacked and killed") shares its head's subject
    governor = v.head
    if v.dep_ == "pcomp" and governor.head.pos_ in ("VERB", "AUX"):  # "accused of shooting": the accused shoots
        governor = governor.head
    done_to = _done_to_under(v, kids) if not subj and not subjpass else []
    if done_to:  # "were filmed being shot dead", "avoided being arrested": the one it is done to
        subjpass = done_to
    elif (
        not subj and not subjpass and v.dep_ in ("xcomp", "conj", "advcl", "pcomp") and governor.pos_ in ("VERB", "AUX")
    ):
        hk = list(governor.children)
        subj = [c for c in hk if c.dep_ == "nsubj"]
        if v.dep_ == "pcomp" and v.head.lower_ in ("for", "of"):  # "thanked the pope for visiting": the pope visits
            subj = [c for c in hk if c.dep_ in ("dobj", "obj")] or subj
        if not subj and v.dep_ == "xcomp" and governor.dep_ == "acl" and governor.tag_ == "VBG":
            subj = [governor.head]  # "defectors trying to escape": the noun a participle is said of tries and escapes
        shared = [c for c in hk if c.dep_ == "nsubjpass"]
        if v.dep_ == "conj" and (
            any(c.dep_ == "auxpass" for c in kids)  # "was shot and was killed"
            or (  # "was shot and wounded", "were arrested and jailed": a participle sharing a passive's auxiliary
                v.tag_ == "VBN"
                and shared
                and not objs
                and not any(c.dep_ in ("aux", "auxpass") for c in kids)
                and any(c.dep_ == "auxpass" for c in hk)
            )
        ):
            subjpass = shared
        elif not subj:  # "was ousted and fled", "is accused of shooting": the subject of both
            subj = shared
    # "Abbott killed himself", "the guard shot herself": a reflexive object is the subject, the one it was done to (a
    # suicide's Victim, as "committed suicide" gives it: session 31); the pronoun itself names no one to a reader
    objs = [subj[0] if c.lower_ in REFLEXIVES and subj else c for c in objs]
    # the object of a verb of leaving is where the movement starts ("fled Ukraine", "left Kabul")
    obj_slot = "obj_from" if lemma_of(v) in LEAVING_VERBS else "obj"
    # the object of a verb of reaching is where the movement ends, whatever it is ("visited the front lines",
    # "entered the building"): no thing moved, and its subject the one who moves
    reaching = lemma_of(v) in REACHING_VERBS
    for c in objs:  # a person visited is met, no place: the object all the same ("visited Trump")
        if noun_kind(c) in PLACE_LABELS or not reaching or visited_person(v, c):
            out.append((obj_slot if noun_kind(c) in PLACE_LABELS else "obj", c))
    transitive = not reaching and any(noun_kind(c) not in PLACE_LABELS for c in objs)
    # "left Bolivia for Medellin": a place takes no "for" or "to" of its own; the parse hangs the verb's on it
    out += [
        (s, g)
        for c in objs
        if noun_kind(c) in PLACE_LABELS
        for s, g in preps(c)
        if s in ("prep:for", "prep:to", "prep:toward", "prep:towards", "prep:into")
    ]
    # "shipped rifles to Ukraine", "received arms supplies from Damascus": the parse hangs the verb's "to" or "from" on
    # its object; where the thing goes or comes from (slots ``obj_to``, a Destination's, and ``obj_origin``, an
    # Origin's; read after the verb's own, and no evidence of the trigger: ``HEARSAY_SLOTS``)
    out += [
        ("obj_origin" if s == "prep:from" else "obj_to", g)
        for c in objs
        if noun_kind(c) not in PLACE_LABELS
        for s, g in preps(c)
        if s in ("prep:to", "prep:into", "prep:toward", "prep:towards", "prep:from") and noun_kind(g) in PLACE_LABELS
    ]
    # "sold weapons worth $1 billion", "sent aid worth $2 billion": the sum the thing is worth (slot ``worth``)
    out += [
        ("worth", g)
        for c in objs
        for w in c.children
        if w.dep_ == "amod" and w.lower_ == "worth"
        for g in w.children
        if g.ent_type_ == "MONEY"
    ]
    # "pledged $2 billion for Syrian refugees": the parse hangs the verb's "for" on the sum given; whom it is for (read
    # as hearsay: no evidence of the trigger)
    out += [("~prep:for", g) for c in objs if c.ent_type_ == "MONEY" for s, g in preps(c) if s == "prep:for"]
    # "committed $1.3 billion in aid to Ukraine", "deposited into the account of Najib Razak": whom the money goes to
    out += money_recipients(v, objs + subjpass)
    # "vessels from the Crimean ports had been moved to Odessa", "migrants from Syria arrived": where the one moved is
    # from is where it started
    out += [
        ("obj_origin", g)
        for c in subjpass + ([] if transitive else subj)
        for s, g in preps(c)
        if s == "prep:from" and noun_kind(g) in PLACE_LABELS
    ]
    # "was arrested along with his partner", "fled together with his family": the one along with the verb's subject
    # undergoes or does it too (with an object, "arrested the mayor along with two aides", either may be meant)
    along = along_with(v) if subjpass or not transitive else []
    # who receives someone hosts them ("the king received the envoy": a party of the meeting, the subject as any
    # verb's, session 43); who receives a thing is given it (slot ``receiver``)
    receiving = lemma_of(v) in RECEIVING_VERBS and not any(is_person_word(c) for c in objs)
    subj_slot = "receiver" if receiving else "subj" if transitive else "subj_intrans"
    out += [(subj_slot, c) for c in subj]
    out += [("subj_intrans", g) for g in along if not subjpass and subj]
    for c in subjpass:
        out.append(("subjpass", c))
    out += [("subjpass", g) for g in along if subjpass]
    out += [("dative", g) for g in misread_datives(v, objs)]  # "lent Greece 10 billion euros": Greece, a modifier
    for c in kids:
        if c.dep_ == "dative" and c.pos_ == "ADP":  # "paid millions to the militants": the parse's dative "to"
            out += [(f"~prep:{c.lower_}", g) for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "dative":
            out.append(("dative", c))
        elif c.dep_ == "oprd":
            out.append(("oprd", c))
        elif c.dep_ == "prt":
            out += preps(c)
    # a "by" the parse hangs on an active verb after a noun's "of" phrase is that noun's ("protested the killing of
    # a student by the police": not protested by the police)
    own = [
        (s, t)
        for s, t in preps(v)
        if not (s in ("agent", "prep:by") and v.tag_ != "VBN" and of_noun_before(t.head) is not None)
    ]
    own = means_of_travel(v, own)
    if lemma_of(v) in _RECIPROCAL:  # "protesters clashed with police": the other side, what it is done to
        own = [("~obj" if s == "prep:with" and noun_kind(t) in _SIDES else s, t) for s, t in own]
    # "spoke on the phone with Putin": the parse hangs "with" on the phone; the one spoken with is the verb's
    late += [
        ("prep:with", g)
        for slot, t in own
        if t.n_rights and slot.startswith("prep:") and slot != "prep:with"
        for s2, g in preps(t)
        if s2 == "prep:with"
    ]
    # "fired his gun, killing the man": what the outcome's cause was done with is the outcome's instrument too
    if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.pos_ == "VERB":
        late += [("weapon", c) for c in v.head.children if c.dep_ in ("dobj", "obj") and is_weapon(c)]
    # "withdrew its vessels from two ports and moved them to other bases", "left Kabul and flew to Dubai": a movement
    # goes on in the verb coordinated after it (of the same subject: no clause of its own), and ends where that one's
    # "to" says, after the verb's own
    late += [
        ("then_to", g)
        for c in kids
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        for s, g in preps(c)
        if s in ("prep:to", "prep:into", "prep:toward", "prep:towards")
    ]
    # "set fires to the Saudi embassy in Tehran": where what it is done to is, as for an object
    aimed = [t for s, t in own if s in _AIMED]
    return out + own + late + _settings(v, objs + aimed)


def _after_fronted_clause(subj: Any, v: Any) -> Any:
    """The subject a parse ran into a fronted participle's clause ("Comparing this to the battle for Aleppo, Syrian
    forces attacked civilians": the participle the verb's subject, the forces a conjunct of Aleppo): the noun after
    the clause's last comma, hung on a word before it; else ``subj``."""
    if subj.tag_ != "VBG" or subj.i > v.i:
        return subj
    commas = [t.i for t in subj.subtree if t.text == "," and t.i < v.i]
    if not commas:
        return subj
    after = [t for t in subj.subtree if commas[-1] < t.i < v.i and t.head.i < commas[-1]]
    return after[0] if len(after) == 1 and after[0].pos_ in ("NOUN", "PROPN") else subj


def _misread_object(obj: Any) -> Any:
    """The verb's object a parse read as a modifier of the participle's ("arrest a protester chanting slogans": a
    noun with its own determiner hung on "slogans" before the participle hung there too), or ``obj`` itself."""
    for g in obj.lefts:
        if (
            g.dep_ == "amod"
            and g.pos_ == "NOUN"
            and any(d.dep_ == "det" for d in g.children)
            and any(w.dep_ == "amod" and w.tag_ == "VBG" and g.i < w.i for w in obj.lefts)
        ):
            return g
    return obj


def _settings(v: Any, objs: list[Any]) -> list[tuple[str, Any]]:
    """Where the object is ("stormed a school in the city"; ``objs`` holds too what "to", "at", "on" or "against" the
    act is aimed at, "set fire to the embassy in Tehran"), where the clause telling when it happened is ("shot
    while sitting in a coffee shop"), or where what a participle tells the outcome of happened ("stormed a school in
    Peshawar, killing 141"): a setting of the event, for a Place the clause's own words leave empty."""
    clauses = _while_clauses(v)
    if not clauses:  # "were killed and 37 injured when an airstrike hit": the clause on the last verb is both verbs'
        clauses = [w for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" for w in _while_clauses(c)]
    # where the clause's object is too ("when rebels attacked a checkpoint in Mosul")
    heads = objs + clauses + [o for w in clauses for o in w.children if o.dep_ in ("dobj", "obj")]
    if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.pos_ == "VERB":  # "stormed a school in Peshawar, killing 141"
        heads += [v.head] + [c for c in v.head.children if c.dep_ in ("dobj", "obj")]
    places = [
        ("setting", g)
        for h in heads
        if h.n_rights
        for c in h.rights
        if c.dep_ == "prep" and c.lower_ in SETTING_PREPS
        for g in c.children
        if g.dep_ == "pobj" and (kind := noun_kind(g)) in PLACE_LABELS and not on_topic(c.lower_, kind)
    ]
    # "killed when an airstrike hit the market on Saturday morning": when the clause happened, the event did
    times = [("when", t) for _, t in _preps_and_dates(clauses) if t.ent_type_ in TIME_LABELS]
    return places + times


def _preps_and_dates(heads: list[Any]) -> list[tuple[str, Any]]:
    """The prepositional objects and bare dates ("late Monday") of each of ``heads``."""
    return [(s, t) for h in heads for s, t in preps(h) if s.startswith("prep:") or s == "npadvmod"]


def _while_clauses(v: Any) -> list[Any]:
    """The clauses telling when ``v`` happened ("... when an airstrike hit", "while sitting in a coffee shop")."""
    return [c for c in v.children if c.dep_ == "advcl" and any(m.lower_ in _WHILE for m in c.children)]


def _coordination(tok: Any) -> Any:
    """The token a coordination of fillers is told by: its first conjunct, or for a list of names in apposition the
    noun they are given to ("the three lawmakers, A, B and C": the lawmakers, which stand for them)."""
    first = first_conjunct(tok)
    return first.head if first.dep_ == "appos" and first.head.pos_ == "NOUN" else first


def fill_roles(
    event_type: Any,
    pairs: Sequence[tuple[str, Any]],
    ents: dict[int, tuple[int, int, str]],
    trigger_span: tuple[int, int],
    sentence: Any,
    entities: Sequence[tuple[int, int, str]],
    read: dict[int, tuple[Any, Any]] | None = None,
) -> list[ArgumentSuggestion]:
    """Roles of ``event_type`` filled from the frame, then Place and Time from the sentence when still empty.
    ``read``: each filler's token index -> what it stands for and its span (``resolve``, ``span_of``), kept between
    calls with the same ``ents`` (the suggester's, one a document: a filler is read again by the next trigger)."""
    roles = _slots_of(event_type)
    if any(r.name == "Destination" for r in event_type.roles):
        pairs = goal_before_object(pairs)  # "crossed the border into Turkey": Turkey, the border its way
    out: list[ArgumentSuggestion] = []
    used: set[tuple[int, int]] = set()
    topics: set[tuple[int, int]] = set()  # what the event is about: no Place, from the sentence either
    filled: dict[str, int] = {}
    # "the U.S. attack on a base": with a target named, a country before the noun is the attacker, not the place
    targeted = any(slot in ("prep:on", "prep:against") and t.ent_type_ not in TIME_LABELS for slot, t in pairs)
    # "the police detention of the activist", "the army's killing of civilians": the "of" phrase of a noun names the
    # one it is done to, so the name before the noun is not that one too
    has_of = any(slot == "prep:of" for slot, _ in pairs)
    lo, hi = side_of_headline(sentence, entities, trigger_span)  # a headline run into the sentence is apart from it
    # "attacks on the Marine barracks and the French embassy": coordinated fillers of a slot are of one role, and the
    # role takes one of them; another fills no other role ("the Marine barracks" was the Place, the embassy the Target)
    group_role: dict[tuple[str, int], str] = {}
    for slot, tok in pairs:
        hearsay = slot.startswith("~") or slot in HEARSAY_SLOTS
        slot = slot.removeprefix("~")
        group = (slot, _coordination(tok).i)
        if group in group_role:
            # "pastors and activists were convicted", "rifles and millions of rounds of ammunition": one filler of a
            # coordination, the first found (its last conjunct: ``frame``), even in a role that takes several, as the
            # data marks (one filler a role in every event of events-dev's half A; docs/suggestions.md, session 31)
            continue
        verb = tok.head
        tok, got = _filler(tok, ents, read)
        if tok is None or got is None:
            continue
        start, end, label = got
        if slot in ACTIVE_SUBJECTS and (start < lo or end > hi):
            # a subject across a headline's end: the parse ran the headline into the sentence; the sentence's own
            # subject is what stands right before the verb ("... Crimea Secretary of State John Kerry will be heading")
            tok = subject_before_verb(verb, lo)
            got = span_of(tok, ents) if tok is not None else None
            if got is None or got[0] < lo or got[1] > hi:
                continue
            start, end, label = got
        if label is None and tok.i not in ents and is_crime(tok):
            label = "EVENT"  # "charged with corruption": the crime, an EVENT where the schema's Crime takes one
        if label is None or (start, end) in used or (start < trigger_span[1] and trigger_span[0] < end):
            continue
        options = (label,) if tok.i in ents else None  # None: a guessed noun's, the noun classes' (label_taken)
        if tok.i in ents and label == "ORG" and tok.pos_ == "PROPN" and slot[5:] in WHERE_PREPS:
            options = (label, "GPE")  # "moved to Odessa and Mariupol": a name told as where, read as an ORG
        if label in COUNTS and is_money(label, tok.doc.char_span(start, end, alignment_mode="expand").text):
            options = (label, "MONEY")  # "fined him 500,000 zlotys": spaCy's QUANTITY, a sum of money by its words
        if (
            slot == "obj"
            and label == "PRODUCT"
            and is_weapon(tok.doc.char_span(start, end, alignment_mode="expand")[-1])
        ):
            slot = "weapon"  # a weapon fired or dropped ("a barrage of missiles") is the instrument of an attack
        order = roles
        if slot == "compound" and label in PLACE_LABELS and not targeted:
            order = sorted(roles, key=lambda rs: rs[0].name != "Place")  # "the Moscow meeting": a place, not a party
        elif slot == "compound" and label == "PRODUCT":
            order = sorted(roles, key=lambda rs: rs[0].name != "Instrument")  # "bomb attacks", "rocket fire"
        # "was tried by a court", "a court indicted him": who judges is the Adjudicator, never the Prosecutor, and who
        # prosecutes never the Adjudicator, where the schema puts the Prosecutor first
        judges = court_role(tok)
        if judges is not None:
            order = [rs for rs in order if rs[0].name != _OTHER_SIDE[judges]]
        for role, slots in order:
            if slot not in slots or group_role.get(group, role.name) != role.name:
                continue
            if has_of and slot in ("poss", "compound") and "prep:of" in slots:
                continue
            if not has_room(role, filled.get(role.name, 0)):
                continue  # the schema's multiplicity holds for suggestions too: a hand could not add a second one
            if options is None:
                fit = label_taken(label, role.labels)  # "the airport" a Place or a Destination, no GPE-like party
            else:
                fit = next((lab for lab in options if takes(role, lab)), None)
            if fit is None:
                continue
            if role.name == "Place" and slot.startswith("prep:") and on_topic(slot[5:], fit):
                topics.add((start, end))  # "a meeting on Ukraine", "talks on Syria": what it is about, not where
                continue
            if takes_times(role) and is_duration(tok.doc, start, end):
                continue  # "for three days", "a two-year war": a length of time is no time it happened
            score = 0.8 if tok.i in ents else 0.6
            if hearsay:
                score = 0.45  # below what counts as a participant or a setting in the trigger's decision
            out.append(ArgumentSuggestion(role.name, start, end, fit, score))
            group_role.setdefault(group, role.name)
            used.add((start, end))
            filled[role.name] = filled.get(role.name, 0) + 1
            break
    for role, slots in roles:
        if filled.get(role.name):
            continue
        if "police" in slots:  # an arrest's Agent: the police named nearest, where the parse ties no one to it
            police = nearest_police(sentence, trigger_span, lo, hi)
            got = span_of(police, ents) if police is not None else None
            fit = label_taken(got[2] or "ORG", role.labels, places_apart=False) if got else None
            if got is not None and fit is not None and (got[0], got[1]) not in used:
                out.append(ArgumentSuggestion(role.name, got[0], got[1], fit, 0.4))
                used.add((got[0], got[1]))
            continue
        wanted = PLACE_LABELS if role.name == "Place" else TIME_LABELS if role.name == "Time" else None
        if wanted is None or not set(wanted) & set(role.labels):
            continue
        labels = [lab for lab in wanted if takes(role, lab)]
        near = nearest(sentence, entities, labels, trigger_span, used | topics, role.name == "Place")
        if near is not None:
            out.append(ArgumentSuggestion(role.name, near[0], near[1], near[2], 0.4))
            used.add((near[0], near[1]))
    return out


_SLOTS_OF: dict[int, tuple[Any, tuple[tuple[Any, tuple[str, ...]], ...]]] = {}  # id -> (the type, its roles' slots)


def _slots_of(event_type: Any) -> tuple[tuple[Any, tuple[str, ...]], ...]:
    """Each role of ``event_type`` with its slots (``role_slots``), kept per type (a schema's types are frozen: an
    id taken again by another object is told by the object kept)."""
    kept = _SLOTS_OF.get(id(event_type))
    if kept is None or kept[0] is not event_type:
        if len(_SLOTS_OF) > 1000:  # schemas loaded again and again (tests): none kept for long
            _SLOTS_OF.clear()
        kept = _SLOTS_OF[id(event_type)] = (event_type, tuple((r, role_slots(r)) for r in event_type.roles))
    return kept[1]


def _filler(tok: Any, ents: dict[int, tuple[int, int, str]], read: dict[int, tuple[Any, Any]] | None) -> tuple:
    """What a filler stands for (``resolve``) and its span (``span_of``; None where it stands for nothing), kept in
    ``read`` when given."""
    kept = read.get(tok.i) if read is not None else None
    if kept is None:
        who = resolve(tok, ents)
        kept = (who, span_of(who, ents) if who is not None else None)
        if read is not None:
            read[tok.i] = kept
    return kept


_OTHER_SIDE = {"Adjudicator": "Prosecutor", "Prosecutor": "Adjudicator"}
