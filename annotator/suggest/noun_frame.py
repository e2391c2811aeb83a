"""The frame of a noun trigger ("the attack on the base", "the killing of a student by the police", "X launched an
attack", "shot to death"): the (slot, token) pairs around it, as ``event_args.frame`` reads a verb's."""

from __future__ import annotations

from typing import Any

from annotator.suggest.call_channels import channel_parties
from annotator.suggest.frame_preps import dative_to, preps
from annotator.suggest.hosting import guests
from annotator.suggest.money_parties import given_for
from annotator.suggest.noun_classes import noun_kind, is_police, lemma_of
from annotator.suggest.shared_parts import chain_subjects, titled
from annotator.suggest.trigger_clues import RUN_NOUNS, put_in
from annotator.suggest.travel_means import goers

# verbs whose subject takes part in the event their object names ("launched an attack", "held talks", "paid a
# visit"); the subject of any other verb is someone speaking of it ("condemned the attack", "announced his arrival")
SUPPORT_VERBS = {
    "launch",
    "carry",
    "conduct",
    "stage",
    "hold",
    "make",
    "mount",
    "wage",
    "lead",
    "join",
    "attend",
    "host",
    "organize",
    "organise",
    "begin",
    "start",
    "continue",
    "resume",
    "pay",
    "commit",
    "perpetrate",
    "undertake",
    "have",
    "do",
    "take",
    "give",
    "complete",
    "finish",
    "end",
    "escalate",
    "intensify",
    "step",
    "plan",
    "order",
    "claim",
    "execute",
    "perform",
    "unleash",
    "open",
    "embark",
    "chair",
    "convene",
    "write",  # "the senator wrote a letter to the president": the one who writes it (session 41)
    "send",  # "sent a letter", "sent an email": the one who sends it
}

_PLACES = ("GPE", "LOC", "FAC")
# verbs that tell their subject happened ("the protest erupted in Cairo"): where and when are its
_HAPPENING = frozenset({"occur", "happen", "erupt", "unfold", "flare"})
# verbs of owning up to an act ("claimed responsibility for the attack"): their subject did it
_OWNING_UP = frozenset({"claim", "take", "accept", "admit", "assume", "bear"})

# nouns naming acts as a whole, done as the acts are ("waged a campaign of bombings", "held a round of talks",
# "carried out a series of raids"): the verb of doing the whole does each act (``trigger_clues.RUN_NOUNS`` and these)
CARRIER_NOUNS = RUN_NOUNS | {"campaign", "round", "barrage", "volley", "flurry"}

# event nouns of an act one does to oneself: the doer is the one it is done to ("committed suicide")
SELF_DONE = {"suicide", "self-immolation"}


# verbs whose subject gets what their object names ("secured a loan", "obtained a grant"; "took out a loan" with its
# particle): the one given, not the giver
GETTING_VERBS = frozenset({"receive", "get", "obtain", "secure", "accept"})  # "accepted a donation": session 43


def _gets(verb: Any) -> bool:
    """Whether ``verb`` says its subject gets its object: a verb of getting, or "take out" ("took out a loan")."""
    lemma = lemma_of(verb)
    return (
        lemma in GETTING_VERBS or lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    )


def _next_word(tok: Any) -> Any | None:
    """The first token after ``tok`` that is no punctuation, or None."""
    for t in tok.doc[tok.i + 1 :]:
        if not t.is_punct:
            return t
    return None


def of_noun_before(by: Any) -> Any | None:
    """The noun whose "of" phrase ends just before a "by" ("the killing of a student by the police"; commas between
    may close an apposition: "of a commander, Burhan Wani, by forces"), or None."""
    i = by.i - 1
    while i >= 0 and by.doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    for t in by.doc[i].ancestors:
        if t.dep_ == "prep" and t.lower_ == "of" and t.head.pos_ == "NOUN":
            return t.head
        if t.dep_ not in ("pobj", "appos", "compound", "amod", "conj") and t.pos_ != "NOUN":
            return None
    return None


def supporting(verb: Any) -> bool:
    """Whether ``verb`` is one of doing the noun it governs (``SUPPORT_VERBS``), by its lemma or, where the small
    pipeline's lemmatizer took a stem ending in "e" for one without ("staged" read "stag", "waged" "wag": English
    drops the "e" before "-ed"), by that stem: "students staged a protest", "the rebels waged attacks"."""
    lemma = lemma_of(verb)
    return lemma in SUPPORT_VERBS or (verb.lower_ == lemma + "ed" and lemma + "e" in SUPPORT_VERBS)


def noun_frame(n: Any) -> list[tuple[str, Any]]:
    """The (slot, token) pairs around a noun trigger's head token ``n``."""
    out: list[tuple[str, Any]] = []
    said_owner: list[tuple[str, Any]] = []
    # "the killing of a student by the police": the "by" after its "of" phrase, wherever the parse hangs it
    if n.n_rights:
        after = _next_word(n.right_edge)
        for by in [t for t in n.subtree if t.i > n.i] + ([after] if after is not None else []):
            if by.lower_ == "by" and by.head.i != n.i and (owner := of_noun_before(by)) is not None and owner.i == n.i:
                out += [("agent", g) for g in by.children if g.dep_ == "pobj"]
    for c in n.children:
        if _stance(c):
            continue  # "an anti-India rally", "pro-Trump rallies": what the event is for or against, no participant
        if c.dep_ == "poss" and c.lower_ in ("its", "their"):
            # "cooperated in their fight": the clause's subject, read through a pronoun (``arg_spans.resolve``): no
            # evidence of the trigger, after the noun's own slots
            said_owner = [("~poss", c)]
        elif c.dep_ == "poss":
            out.append(("poss", c))
        elif c.dep_ in ("compound", "nmod") and c.i < n.i:
            # "Syrian government airstrikes", "U.S. military strikes": the nationality of a common noun in front of
            # the trigger names the party that noun describes, as a name in front of "area" names the place
            out += [("compound", g) for g in _nationalities(c) or [c]]
            # "the Putin-Modi summit": the first name of a hyphenated pair hangs on the second
            out += [
                ("compound", g)
                for g in c.children
                if g.dep_ == "compound"
                and g.pos_ == "PROPN"
                and c.pos_ == "PROPN"
                and g.i < c.i
                and any(x.text == "-" for x in c.doc[g.i : c.i])
            ]
        elif c.dep_ == "amod" and c.lower_ == "worth":
            # "a loan worth $3 billion to India": the sum is what is given or paid (slot ``worth``: Money, Price), and
            # the phrases the parse hangs on "worth" are the noun's
            out += [("worth", g) for g in c.children if g.ent_type_ == "MONEY"]
            out += [(s, t) for s, t in preps(c) if s.startswith("prep:")]
        elif c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"):
            out.append(("compound", c))
        elif c.dep_ == "nummod" and c.ent_type_ == "MONEY":
            out.append(("nummod", c))
        elif c.dep_ == "acl" and c.tag_ == "VBG" and c.i == n.i + 1:
            # "an explosion targeting one of its bases": the event does to the participle's object what the
            # participle says, so that object is the one the noun's event is done to (right after the noun: further
            # on, the parse hangs another noun's participle on it, "clashes between youth and forces firing bullets")
            out += [("acl_obj", g) for g in c.children if g.dep_ in ("dobj", "obj")]
        elif c.dep_ == "acl" and c.tag_ == "VBN" and supporting(c):
            # "airstrikes carried out by a Saudi-led coalition": who does the noun's event
            out += [("~agent", t) for s, t in preps(c) if s == "agent"]
    out += guests(n)  # "hosted a dinner for Obama": the guest of a meal or a reception hosted
    out += given_for(n)  # "a bailout for Greece": whom the money goes to
    own = preps(n)
    out += goers(n, own)  # "visits by Russian naval ships": who goes, before the "by" is read as a doer
    out += own  # and "clashes between police and protesters": the sides, which one attacks left open
    # "the return of refugees from Lebanon": where the one of the noun is from is where it starts (as "migrants from
    # Syria arrived"; slot ``obj_origin``, read after the noun's own "from" and no evidence of the trigger)
    out += [
        ("obj_origin", g)
        for s, t in own
        if s == "prep:of"
        for s2, g in preps(t)
        if s2 == "prep:from" and noun_kind(g) in _PLACES
    ]
    out += [("~sides", t) for s, t in own if s == "prep:between"]
    n_dep, head = n.dep_, n.head
    if (whole := _whole_of(n)) is not None:
        # "waged a campaign of bombings", "a round of talks was held": the noun whose "of" phrase the trigger is names
        # the acts as a whole, so the verb that does the whole does the trigger's (who wages the campaign bombs)
        n_dep, head = whole.dep_, whole.head
    if n_dep in ("dobj", "attr", "obj") and head.pos_ in ("VERB", "AUX"):
        getting = _gets(head)  # "took out a loan": who takes it out gets it, no doer of the noun's event
        if not getting and (n_dep == "attr" or supporting(head)):  # "X launched an attack", not "X condemned it"
            # an act done to oneself: who did it undergoes it ("he committed suicide": the one who died)
            slot = "subjpass" if lemma_of(n) in SELF_DONE else "gov_subj"
            out += [(slot, c) for c in head.children if c.dep_ == "nsubj"]
        # "X was given a suspended sentence", "gave him a fine", "received a life sentence": the one given a penalty
        # is its defendant (slot ``given``)
        if lemma_of(head) == "give":
            out += [("given", c) for c in head.children if c.dep_ in ("nsubjpass", "dative")]
            # "China gave Kenya a $1 billion loan": the one given the money (Recipient's slot ``dative``)
            out += [("dative", c) for c in head.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
            if (
                head.dep_ == "conj"
                and any(c.dep_ == "auxpass" for c in head.children)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
            ):  # "Nowicki testified and was later given a suspended sentence": the subject of both
                out += [("given", c) for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif getting:
            # "the families received compensation", "got a loan", "took out a loan from the IMF", "secured a loan
            # from China": the one given a penalty or the money (``receiver``: Recipient's, not Giver's; the verb's
            # "from" phrase below is the Giver's)
            out += [(s, c) for c in head.children if c.dep_ == "nsubj" for s in ("given", "~receiver")]
        out += [(s, t) for s, t in preps(head) if s.startswith("prep:") or s == "npadvmod"]
        # "gave compensation to the victims": the "to" the parse takes for the verb's dative is a "to" phrase too
        out += [("prep:to", g) for g in dative_to(head)]
    elif n_dep == "nsubj" and occurs(head):
        # "a protest broke out in Hong Kong on Sunday", "the meeting took place in Singapore": where and when the event
        # happened are the verb of its happening's
        out += [(s, t) for s, t in preps(head) if s.startswith("prep:") or s == "npadvmod"]
        out += [(s, t) for p in head.children if p.dep_ == "prt" for s, t in preps(p) if s.startswith("prep:")]
    elif n_dep == "nsubjpass" and head.pos_ == "VERB":  # "talks were held in Moscow"
        # the agent of a verb of doing it is the noun's ("the attack was carried out by militants"), not of another
        # verb ("the attack was condemned by the UN")
        support = supporting(head)
        out += [(s, t) for s, t in preps(head) if s != "agent" or support]
        out += [(s, t) for p in head.children if p.dep_ == "prt" and support for s, t in preps(p)]
    elif (claimer := _claimed_by(n)) is not None:
        # "Islamic State claimed responsibility for the attack": who claims an act as its own did it
        out += [("gov_subj", c) for c in claimer.children if c.dep_ == "nsubj"]
    elif n.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_ in ("come", "be"):
        # "the camps came under attack": the subject is what is attacked
        out += [("subjpass", c) for c in head.head.children if c.dep_ == "nsubj"]
        out += [(s, t) for s, t in preps(head.head) if s.startswith("prep:") and s != "prep:under"]
    elif n.dep_ == "pobj" and (head.lower_ in ("to", "into") or put_in(n, head)) and head.head.pos_ == "VERB":
        # "shot to death", "took a man into custody", "put Clinton in jail": the verb's patient undergoes the event
        verb = head.head
        vkids = list(verb.children)
        objs = [c for c in vkids if c.dep_ in ("dobj", "obj")]
        out += [("obj", c) for c in objs] + [("subjpass", c) for c in vkids if c.dep_ == "nsubjpass"]
        out += [("subj", c) for c in vkids if c.dep_ == "nsubj" and objs]
        if objs and not any(c.dep_ in ("nsubj", "nsubjpass") for c in vkids):
            out += [("~subj", c) for c in chain_subjects(verb)]  # "police arrived to take them to jail": the police
        if verb.dep_ == "acl" and verb.tag_ == "VBN" or verb.dep_ == "acl" and verb.tag_ == "VBG" and not objs:
            out.append(("subjpass", verb.head))  # "a teenager being shot to death"
        out += [(s, t) for s, t in preps(verb) if s.startswith("prep:") and s != "prep:to"]
    return out + said_owner + _present(n) + channel_parties(n)  # "told X in a phone call": the call's parties


def _whole_of(n: Any) -> Any | None:
    """The noun naming acts as a whole (``CARRIER_NOUNS``) whose "of" phrase a noun trigger is, where that noun is a
    verb's object or passive subject ("waged a campaign of bombings", "a new round of talks was held"), or None."""
    of = n.head
    if n.dep_ != "pobj" or of.lower_ != "of":
        return None
    whole = of.head
    if (
        whole.pos_ != "NOUN"
        or whole.dep_ not in ("dobj", "obj", "attr", "nsubjpass")
        or lemma_of(whole) not in CARRIER_NOUNS
    ):
        return None
    return whole if whole.head.pos_ in ("VERB", "AUX") else None


def occurs(verb: Any) -> bool:
    """Whether a verb tells that its subject happened ("occurred", "broke out", "erupted", "took place")."""
    if verb.pos_ != "VERB":
        return False
    lemma = lemma_of(verb)
    if lemma == "take":
        return any(c.dep_ in ("dobj", "obj") and c.lower_ == "place" for c in verb.children)
    if lemma == "break":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in _HAPPENING


def _claimed_by(n: Any) -> Any | None:
    """The verb of owning up whose "responsibility for" phrase names the noun trigger ("claimed responsibility for
    the attack", "took responsibility for the bombing"), or None (not "denied responsibility for the airstrike")."""
    head = n.head
    if n.dep_ != "pobj" or head.lower_ != "for" or lemma_of(head.head) != "responsibility":
        return None
    noun = head.head
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB" or lemma_of(verb) not in _OWNING_UP:
        return None
    return verb


def _present(n: Any) -> list[tuple[str, Any]]:
    """Who is there when a noun trigger is the time or place of another act ("a protester carries a poster during a
    demonstration", "Kerry asked Sharif during a meeting"): the person that act is done to, or where it is done to
    no one, its doer (slot ``~during``: read from another clause, no evidence of the trigger); and its doer alone
    (``~during_doer``), the one a visit or a journey is of. Of an act done "for" a noun trigger ("flew to Amman for
    talks"), the doer alone (``~during``)."""
    head = n.head
    if n.dep_ != "pobj" or head.lower_ not in ("during", "for") or head.head.pos_ != "VERB":
        return []
    act = head.head
    if act.dep_ == "acl" and act.head.dep_ in ("dobj", "obj") and act.head.head.pos_ == "VERB":
        # "Women chant slogans condemning terrorism during a rally": the parse hangs "during" on the participle said
        # of the object; the act done during the rally is the clause's (who chants)
        act = act.head.head
    # (the slot's token, the person it names: "OAS Secretary-General Luis Almagro addresses": Almagro, the body's title)
    people = [(c, t) for c in act.children if noun_kind(t := titled(c)) == "PERSON"]
    done_to = [t for c, t in people if c.dep_ in ("dobj", "obj") and t.ent_type_]  # "posters": no guess of a person
    # the police at a protest or a meeting keep order ("police officers take a man into custody during a march")
    doers = [t for c, t in people if c.dep_ == "nsubj" and not is_police(t)]
    if head.lower_ == "for":  # "Abbas flew to Amman for talks with King Abdullah": who goes or comes for it is there
        return [("~during", c) for c in doers]
    # one who goes somewhere ("During his visit to Moscow, the minister met Putin") is its doer alone (``~during_doer``)
    return [("~during", c) for c in done_to or doers] + [("~during_doer", c) for c in doers]


def _stance(mod: Any) -> bool:
    """Whether a modifier says what its noun is for or against ("anti-India", "pro-Russian": "anti" or "pro" and a
    hyphen in front of it, one token or three)."""
    low = mod.lower_
    if low.startswith(("anti-", "pro-")):
        return True
    doc = mod.doc
    if low in ("anti", "pro") and mod.i + 1 < len(doc) and doc[mod.i + 1].text == "-":
        return True
    return mod.i >= 2 and doc[mod.i - 1].text == "-" and doc[mod.i - 2].lower_ in ("anti", "pro")


def _nationalities(noun: Any) -> list[Any]:
    """The nationality or country adjective of a common noun with no name of its own; of coordinated ones ("Russian
    and Syrian government") the last, as ``frame`` puts it first: they are one party, not a second role's."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return []
    out = []
    for g in noun.children:
        if g.dep_ in ("amod", "compound") and g.i < noun.i and g.ent_type_ in ("NORP", "GPE"):
            out += [[g, *(c for c in g.children if c.dep_ == "conj" and c.ent_type_ in ("NORP", "GPE"))][-1]]
    return out
