"""What the words around a trigger say about the event: negated, future, hypothetical or generic.

Only what the text states becomes an attribute (ACE 2005: "not" -> Negative polarity; "will" -> Future tense and
Other modality; "may", "could", "plans to", "threatened to" -> Other modality; "often", "sometimes", "any attack",
"no attack" -> Generic genericity). The same signs lower the score:
annotated news marks mostly specific events that happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.suggest.rule_weights import CONTEXT_HAND
from annotator.suggest.token_arrays import lower_forms, open_clause_heads
from annotator.suggest.noun_classes import lemma_of

FUTURE = {"will", "shall", "'ll", "wo"}
MODALS = {"would", "could", "may", "might", "should", "can", "must", "ca"}
# verbs whose complement is not (yet) real: "plan to visit", "threatened to attack", "called for talks"
IRREALIS_HEADS = {
    "plan",
    "want",
    "threaten",
    "vow",
    "seek",
    "try",
    "intend",
    "aim",
    "hope",
    "refuse",
    "agree",
    "decide",
    "expect",
    "propose",
    "promise",
    "urge",
    "call",
    "demand",
    "ask",
    "order",
    "consider",
    "prepare",
    "wish",
    "need",
    "prevent",
    "avoid",
    "fear",
    "warn",
    "pledge",
    "offer",
    "suggest",
    "plot",
    "attempt",
    "push",
    "press",
    "allow",
    "request",
    "appeal",
    "bid",
    "proposal",
}
# verbs of an intention whose past perfect tells it went unfulfilled ("had planned to pay", "had hoped to reopen an
# embassy": English says so with the past perfect of an intention, where "planned to pay" leaves it open; session 43)
INTENTION_HEADS = {"plan", "intend", "hope", "want", "mean", "expect"}
# verbs that say their complement did not happen: "denied that he received payments", "denied targeting civilians"
DENIAL_HEADS = {"deny", "refute", "dismiss", "reject"}
# verbs that say the event their object names was stopped before it took place: "foiled an attack", "the rally was
# cancelled", "called off the protest" (ACE: Polarity Negative, an event that did not happen); not "stopped", "halted",
# "ended", whose object had begun; "postponed the talks", "put off the visit", "shelved the trip" (not yet, and not
# at the time told: not "delayed", "the flight was delayed" took off later); "missed a payment", "skipped the summit"
# (the subject's part of it did not happen)
PREVENTED_HEADS = {"foil", "thwart", "avert", "cancel", "abort", "scrap", "postpone", "shelve", "miss", "skip"}
NAMING_HEADS = {"call", "press"}  # "called the attack a crime", "pressed the attack": the event is real
# nouns whose "to" complement is not (yet) real: "the right to invade", "an effort to attack"
IRREALIS_NOUNS = {"right", "ability", "effort", "decision", "intention", "threat", "chance", "opportunity", "power"}
REFERENCE_PREPS = {"for", "with", "since", "because", "before", "about", "despite", "against", "over"}
# adverbs of frequency: the event happens often or as a rule ("traffickers often held migrants hostage"); not
# "repeatedly", "twice", which count the occurrences of one event ("shot him repeatedly")
HABITUAL = {
    "sometimes",
    "often",
    "usually",
    "regularly",
    "routinely",
    "frequently",
    "typically",
    "generally",
    "occasionally",
    "normally",
    "habitually",
}
# a unit of time said of every one of its kind ("every Sunday", "each year"), or "as usual": what happens as a rule
TIME_UNITS = {"day", "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "time"}
TIME_UNITS |= {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
GENERIC_DETS = {"any", "no", "every", "each", "such"}
# ... of which these speak of no one occurrence (ACE: genericity Generic); "each attack" goes through a finite set of
# occurrences one by one, which ACE counts as Specific ("a singular occurrence ..., or a finite set of such occurrences")
GENERIC_KIND_DETS = GENERIC_DETS - {"each"}
FUTURE_NOUN_MODS = {"planned", "upcoming", "future", "possible", "potential", "proposed", "impending", "next"}
FUTURE_TIME_MODS = {"planned", "upcoming", "future", "proposed", "impending", "next"}  # said to lie ahead


@dataclass
class Context:
    signs: list[str] = field(default_factory=list)  # the signs read, in order (rule_weights.CONTEXT_TERMS)
    generic_noun: bool = False
    given: bool = False  # a bare noun where given information goes (subject, "since the war"): maybe a later mention
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def penalty(self) -> float:
        """The signs' hand-weighted penalty, summed in the order they were read."""
        total = 0.0
        for sign in self.signs:
            total += CONTEXT_HAND[sign]
        return total


def read_context(head: Any, purpose_of: Any = None) -> Context:
    """The signs and attributes of the event ``head`` tells; ``purpose_of``, a verb of going the trigger is the
    purpose of ("will head to Kyiv for talks": the caller knows the verbs of going), is the clause it takes them from."""
    ctx = Context()
    kids = list(head.children)
    lemmas = {c.lower_ for c in kids}
    clause = head
    if purpose_of is not None:  # "will be heading to Kyiv for discussions": the talks lie as far ahead as the going
        clause = purpose_of
    # a noun trigger takes the modality of the verb it is the object of ("will hold talks")
    elif (
        head.pos_ in ("NOUN", "PROPN")
        and head.dep_ in ("dobj", "nsubjpass", "attr", "nsubj")
        and head.head.pos_ in ("VERB", "AUX")
    ):
        clause = head.head
    elif head.tag_ == "VB":  # "would provide security and escort us back": the second verb shares the first's "would"
        clause = _first_conjunct(head)
    ckids = list(clause.children) if clause is not head else kids
    aux = {c.lower_ for c in ckids if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in ckids) or any(c.dep_ == "det" and c.lower_ == "no" for c in kids):
        ctx.attributes["polarity"] = "Negative"
        ctx.signs.append("negated")
    if _denied(clause):
        ctx.attributes["polarity"] = "Negative"
        ctx.signs.append("denied")
    if "negated" not in ctx.signs and _prevented(head):  # "foiled an attack", "called off the protest"
        ctx.attributes["polarity"] = "Negative"
        ctx.signs.append("negated")
    if aux & FUTURE:
        ctx.attributes["tense"] = "Future"
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("future")
    elif aux & MODALS:
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("modal")
    if "to" in aux and clause.dep_ in ("xcomp", "ccomp") and clause.head.pos_ in ("VERB", "AUX"):
        tense = _tense_under_to(clause)
        if tense is not None:
            ctx.attributes.setdefault("tense", tense)
    comp = _complement_of_conjuncts(clause)  # "urged them to cease bombing and to renew talks": "renew" as "cease"
    if (
        ("to" in aux or clause.tag_ == "VBG" or "being" in aux)  # "plans to attack", "avoided launching airstrikes",
        # "avoid being hit": a gerund, active or passive
        and comp.dep_ in ("xcomp", "ccomp")
        and lemma_of(comp.head) in IRREALIS_HEADS
    ):
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("irrealis")
        if _unfulfilled(comp.head):  # "had planned to pay 2,000 euros": a plan given up, no event
            ctx.signs.append("unfulfilled")
    elif "to" in aux and clause.dep_ == "acl" and lemma_of(clause.head) in IRREALIS_HEADS | IRREALIS_NOUNS:
        ctx.attributes["modality"] = "Other"  # "the right to invade", "a plan to attack": not (yet) real
        ctx.signs.append("irrealis")
    elif "to" in aux and clause.dep_ in ("advcl", "relcl", "acl"):  # "troops sent to attack the town": a purpose
        ctx.attributes["modality"] = "Other"
    elif (
        head.pos_ in ("NOUN", "PROPN")
        and head.dep_ == "pobj"
        and head.head.lower_ == "for"
        and lemma_of(head.head.head) in IRREALIS_HEADS
    ):  # "called for talks"
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("irrealis")
    elif (
        head.pos_ == "NOUN"
        and head.dep_ == "dobj"
        and head.head.pos_ == "VERB"
        and lemma_of(head.head) in IRREALIS_HEADS - NAMING_HEADS
    ):  # "plans an attack", "to avoid deportation": the object of a wish, a plan or a fear
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("irrealis")
    if "irrealis" not in ctx.signs and _under_irrealis(comp):  # "urged the government to cease bombing PKK bases"
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("irrealis")
    if _alternative(head):  # "whether an airstrike, missile attack or artillery bombardment": one of them, if any
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("alternative")
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in ckids) or recurring(ckids):
        # "militants sometimes throw grenades", "they march every Sunday", "as usual, the police arrived"
        ctx.attributes["genericity"] = "Generic"  # ACE: what happens often or as a rule is generic, no one occurrence
        ctx.signs.append("habitual")
    if _ongoing(head):  # ACE marks events that happen; "has been fighting" tells a state of affairs
        ctx.signs.append("ongoing")
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in ckids):
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("conditional")
    elif _in_open_clause(clause):  # "would determine whether an airstrike had caused the blast"
        ctx.attributes["modality"] = "Other"
        ctx.signs.append("open_clause")
    if head.pos_ in ("NOUN", "PROPN"):
        if lemmas & FUTURE_NOUN_MODS:  # "the planned meeting": one particular event, not yet real
            ctx.attributes["modality"] = "Other"
            if lemmas & FUTURE_TIME_MODS:  # ... and one ahead of the time of writing (ACE: Future tense)
                ctx.attributes["tense"] = "Future"
            else:  # "a possible attack", "a potential strike": one that may never be, planned for no time (ACE's
                ctx.signs.append("irrealis")  # hypothetical), scored as "plans an attack" is; "the planned meeting"
                # and "the upcoming talks" are one event set for a time ahead, marked as such
        # a noun subject is mostly given information (a later mention: "the attack killed ..."); an event named
        # as a reason or a reference point is mostly one told elsewhere ("since the war", "responsibility for the attack")
        bare = all(c.dep_ in ("det", "punct") for c in kids)  # "the attack", not "the planned meeting in Moscow"
        ctx.given = bare and (
            head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ in REFERENCE_PREPS)
        )
        dets = [c for c in kids if c.dep_ in ("det", "poss")]
        if any(c.lower_ in GENERIC_DETS for c in dets):
            ctx.signs.append("generic_det")
            if any(c.lower_ in GENERIC_KIND_DETS for c in dets):  # "any attack", "no attack", "every attack"
                ctx.attributes["genericity"] = "Generic"
        ctx.generic_noun = not dets and head.tag_ in ("NNS", "NN")
    return ctx


NOW_OR_LATER_AUX = FUTURE | {"is", "are", "am", "'s", "'re", "has", "have", "'ve"}


def _first_conjunct(verb: Any) -> Any:
    """The first of verbs coordinated with ``verb`` whose auxiliaries, subject and place under a governor it shares: a
    base form with no subject, auxiliary or marker of its own shares them ("would provide us security and escort us
    back", "urged children to go to the streets and murder Jews": the escort is as hypothetical as the provision);
    ``verb`` itself when it is no such conjunct."""
    x = verb
    while (
        x.dep_ == "conj"
        and x.tag_ == "VB"
        and x.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in x.children)
    ):
        x = x.head
    return x


def _complement_of_conjuncts(verb: Any) -> Any:
    """The first of verbs coordinated with ``verb`` that has no subject of its own: a complement of a governor stands
    for each of its conjuncts ("urged the government to cease bombing and to renew peace talks": the renewal is urged
    as the ceasing is); ``verb`` itself when it is no such conjunct."""
    x = verb
    while (
        x.dep_ == "conj"
        and x.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children)
    ):
        x = x.head
    return x


def _tense_under_to(clause: Any) -> str | None:
    """The tense of an event told by a to-infinitive under a verb (``clause``, the parse's xcomp or ccomp with "to"):
    the infinitive has no tense of its own, so the event's is read from its governor, whatever verb it is ("vowed to
    release", "hopes to bring", "was told to withdraw"): ``_tense_after_governor``. A perfect infinitive ("is believed
    to have been killed", "appear to have died") tells an event before the governor's time: None, the default (Past)
    stands."""
    if any(c.dep_ == "aux" and lemma_of(c) == "have" for c in clause.children):
        return None
    return _tense_after_governor(clause.head)


def _tense_after_governor(verb: Any) -> str:
    """The tense of an event under "promise/plan/agree/expect to" (``verb``): it lies after the governing verb, so
    never Past. Future when the governor speaks of now or later ("plans to meet", "is expected to visit", "have agreed
    to attack", "will try to"); a past governor ("promised to meet", "agreed to meet") leaves untold whether it has
    happened by the time of writing: Unspecified (the schema's default, Past, was given before)."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & NOW_OR_LATER_AUX or (not aux and verb.tag_ in ("VBZ", "VBP")):
        return "Future"
    return "Unspecified"


def _ongoing(head: Any) -> bool:
    """A verb in the perfect progressive ("has been fighting", "had been battling for years") or the present
    progressive ("they are attacking everything", "he is consulting with lawyers"; session 21): an activity going on
    over a stretch of time up to a point or now, told as a state of affairs rather than as one occurrence ("will be
    heading" is a future, "were fleeing" a past one's setting: neither)."""
    aux = [c for c in head.children if c.dep_ == "aux"]
    if head.tag_ != "VBG":
        return False
    if any(c.lower_ == "been" for c in aux) and any(lemma_of(c) == "have" for c in aux):
        return True
    return any(c.lower_ in _PRESENT_BE for c in aux) and not any(c.tag_ == "MD" for c in aux)


_PRESENT_BE = {"is", "are", "am", "'s", "'re", "'m"}  # "be" in the present


OPEN_MARKS = frozenset({"if", "unless", "whether", "lest"})  # a clause they open is supposed, asked or feared, not told
# wh-words that make a "to" infinitive an open question ("how to combat IS", "what to do", "where to go"): what is
# asked about is not told as done
WH_WORDS = frozenset({"how", "what", "where", "when", "which", "who", "whom"})
WH_DEPS = frozenset({"advmod", "dobj", "nsubj", "pobj", "attr"})  # a wh-word's dependencies that open the question


def _in_open_clause(clause: Any) -> bool:
    """The trigger's clause or one above it is a condition, an open question or a fear ("the probe would determine
    whether an airstrike, missile attack or artillery bombardment had caused the blast", "unless ministers attend a
    session", "lest he arrive"):
    the event is not told as having happened (ACE: hypothetical, modality Other; the data marks events that happen).
    The walk up stops at a relative clause (told as given: "if they find the man who was extradited") and at a clause
    coordinated with another (told on its own); coordinated nouns share their place. Which tokens open a clause (a
    marker of OPEN_MARKS, or a "to" infinitive with a wh-word of its own before it: "the focus was how to combat IS",
    "decide what to do") is read once per Doc (``open_clause_heads``): a set lookup a step, and no walk in a Doc with none."""
    opening = open_clause_heads(clause.doc, OPEN_MARKS, WH_WORDS, WH_DEPS)
    if not opening:
        return False
    tok = clause
    while True:
        if tok.i in opening:
            return True
        if tok.dep_ == "relcl" or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")) or tok.head.i == tok.i:
            return False
        tok = tok.head


def _prevented(head: Any) -> bool:
    """A noun trigger is what a verb of preventing is done to, its object or its passive subject ("foiled an attack",
    "the rally was cancelled", "called off the protest"): an event that did not take place."""
    if head.pos_ != "NOUN" or head.dep_ not in ("dobj", "nsubjpass") or head.head.pos_ != "VERB":
        return False
    verb = head.head
    lemma = lemma_of(verb)
    particle = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return lemma in PREVENTED_HEADS or (lemma in ("call", "put") and "off" in particle)


def _denied(clause: Any) -> bool:
    """The clause is what a denial denies: its complement ("denied that he received"), or the clause of a claim
    the denial is about ("denied a claim that they shot it down")."""
    if clause.dep_ not in ("ccomp", "xcomp", "pcomp", "acl"):
        return False
    gov = clause.head
    if clause.dep_ == "acl" and gov.pos_ == "NOUN" and gov.dep_ in ("dobj", "pobj"):  # "a claim that ..."
        gov = gov.head if gov.dep_ == "dobj" else gov.head.head
    return lemma_of(gov) in DENIAL_HEADS


def _alternative(head: Any) -> bool:
    """The trigger is one of words joined by "or" ("an airstrike, missile attack or artillery bombardment")."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    # the conjuncts of the first word and of the trigger (the trigger's subtree is within the first's)
    chain = [first, *(t for w in {first.i: first, head.i: head}.values() for t in w.children if t.dep_ == "conj")]
    return any(c.dep_ == "cc" and c.lower_ == "or" for t in chain for c in t.children)


def _unfulfilled(verb: Any) -> bool:
    """Whether ``verb``, a verb of intention an event is the complement of, is told in the past perfect ("he had planned
    to pay", "they had hoped to meet him", "had been expected to arrive"): English tells an intention that went
    unfulfilled so, where "planned to pay" leaves open whether it was done."""
    if lemma_of(verb) not in INTENTION_HEADS or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _under_irrealis(clause: Any, depth: int = 3) -> bool:
    """Whether the event's clause is the complement of a verb that is itself the complement of a wish, a plan, a
    call or a fear ("urged the government to cease bombing", "vowing to make Mexico pay", "wants to help the police
    conduct raids"): what is not yet real is not asserted further down either (ACE: modality Other). The direct
    governor is read by ``read_context`` (with "to": "plans to attack"); this reads the chain above it, up to
    ``depth`` complements."""
    x = clause
    for _ in range(depth):
        if x.dep_ not in ("xcomp", "ccomp") or x.head.pos_ not in ("VERB", "AUX"):
            return False
        x = x.head
        if x.dep_ in ("xcomp", "ccomp") and lemma_of(x.head) in IRREALIS_HEADS:
            return True
    return False


def recurring(ckids: list[Any]) -> bool:
    """A recurring time on the clause: a unit of time with "every" or "each" among the clause's own phrases ("they
    march every Sunday", "each year the camp fills", "along the same route as every week"; not in a clause of its
    own, "the city where he preached every week"), or "as usual" ("as usual, the police arrived"): the event happens
    as a rule (ACE: genericity Generic), as an adverb of frequency tells."""
    if not ckids or lower_forms(ckids[0].doc).isdisjoint(_RECURRING_WORDS):
        return False  # the document has none of the words it takes
    for c in ckids:
        if c.dep_ == "prep" and c.lower_ == "as" and any(d.lower_ == "usual" for d in c.children):
            return True
        if c.dep_ not in CLAUSE_DEPS and any(_every_time(t) for t in _own_words(c)):
            return True
    return False


_RECURRING_WORDS = frozenset(("every", "each", "usual"))  # what ``recurring`` reads, one of them at least
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "parataxis", "pcomp"}


def _own_words(tok: Any) -> list[Any]:
    """``tok`` and the words under it, short of a clause of its own ("the route they take every week": not "take")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in CLAUSE_DEPS:
            out += _own_words(c)
    return out


def _every_time(tok: Any) -> bool:
    """A unit of time with "every" or "each" ("every Sunday", "each year")."""
    return lemma_of(tok) in TIME_UNITS and any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in tok.children)
