"""What the parse says around a candidate trigger, for the rule-based event suggester (``event_rules``): a place
noun naming a state one is put in, the means of an event word, a person undergoing it, a purpose clause, a caption's
side, a cited term in short quotation marks, pronouns and definite objects, named subjects and objects, participants
that fit no slot, and the cue words near the trigger. Who does the act and what it is done to, as the blockers read
them, is ``trigger_sides``'. Pure functions of spaCy tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from annotator.role_slots import LEAVING_VERBS, REACHING_VERBS
from annotator.suggest.frame_preps import GOAL_SLOTS
from annotator.rules import takes
from annotator.suggest.noun_classes import guess_label, noun_kind, lemma_of
from annotator.suggest.trigger_sides import objects_of
from annotator.suggest.types import ArgumentSuggestion
from annotator.suggest.shared_parts import of_objects

if TYPE_CHECKING:  # pragma: no cover
    from annotator.suggest.token_arrays import QuoteMarks

NON_CORE = {"Time", "Place"}  # roles no participant of the event fills


STATE_PREPS = {"to", "in", "into", "behind"}


def state_of(tok: Any) -> bool:
    """A place noun without a determiner after "to", "in", "into" or "behind" names a state one is put in, not the
    building: "took them to jail", "kept in prison" (but "attacked the jail", "a jail in Sanaa")."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in STATE_PREPS
        and guess_label(tok) == "FAC"
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children)
    )


def put_in(noun: Any, prep: Any) -> bool:
    """A state one is put in (``state_of``: "jail", "prison") after "in" or "behind" on a verb with an object: "put
    Hillary Clinton in jail", "threw the reporter in prison" say what "took him into custody" says, the object undergoes
    it (ACE's Arrest-Jail); with no object it is where one is ("died while in police custody")."""
    return (
        prep.lower_ in ("in", "behind")
        and state_of(noun)
        and any(c.dep_ in ("dobj", "obj") for c in prep.head.children)
    )


def state_in(noun: Any) -> bool:
    """A noun after "in" or "behind" on a verb that has no object and no passive subject, or on no verb at all: the
    state one is in, not the act that put one there ("died while in police custody", "wait in coast guard detention",
    "remained behind bars"; ACE's Arrest-Jail is the act constraining a person: "took him into custody", "put him in
    jail", "was held in detention"). A blocker ``in:state`` rules a type out there."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "behind"):
        return False
    gov = noun.head.head
    return gov.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ in ("dobj", "obj", "nsubjpass", "dative") for c in gov.children
    )


BODY_LABELS = ("ORG", "NORP", "GPE")  # a body of people: an organisation, a group, forces, a state


def what_a_body_does(head: Any) -> bool:
    """A present participle describing a body of people (an ORG, NORP or GPE noun, named or guessed: "a militant group
    fighting Indian rule", "units fighting separatists", "terrorist groups targeting neighbouring countries"): it says
    what the body does, a description of it, no one occurrence (ACE's generic). A person's participle is left alone
    ("video showing the officer shooting the teenager": what was seen)."""
    noun = head.head
    return (
        head.dep_ == "acl" and head.tag_ == "VBG" and noun.pos_ in ("NOUN", "PROPN") and noun_kind(noun) in BODY_LABELS
    )


def bare_state(noun: Any) -> bool:
    """A common noun with no determiner, no possessive, no number and no kind of its own (no entity label, named or
    guessed) after "to" or "into": a state or a condition gone back to, no place ("a return to constitutional rule",
    "returned to power", "went into hiding"); a place has a name or a determiner ("returned to the city"). A going away
    from a place (``LEAVING_VERBS``: "fled to safety", "were evacuated to safety") is a movement all the same, and
    ``put_in_state`` does not read this there."""
    return (
        noun.pos_ == "NOUN"
        and noun.tag_ == "NN"
        and noun_kind(noun) is None
        and not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in noun.children)
        and not any(t.ent_type_ for t in noun.subtree)
    )


def put_in_state(head: Any, span: Any) -> bool:
    """Whether the trigger puts someone in a state (``state_of``: "jail", "prison", "custody" without a determiner)
    by a preposition on it or inside a trigger of several words: "to"/"into" ("sent him to prison") or, on a verb
    with an object, "in"/"behind" (``put_in``: "the cesium that landed Grossu in jail"). ACE's Transport moves a
    person to a place; one put in jail is arrested or jailed (Arrest-Jail), not moved: a blocker "to:state"."""
    preps = [c for c in head.children if c.dep_ in ("prep", "dative")]
    preps += [t for t in span if t.dep_ == "prep" and t != head]
    leaving = lemma_of(head) in LEAVING_VERBS  # "fled to safety", "evacuated to safety": away from a place
    return any(
        g.dep_ == "pobj"
        and ((p.lower_ in ("to", "into") and (state_of(g) or (bare_state(g) and not leaving))) or put_in(g, p))
        for p in preps
        for g in p.children
    )


MEANS_PREPS = {"by", "via"}
# "on" and "over" name a means only with a line of speech at a distance after them ("talked on the phone", "spoke
# over the telephone", "met over video"): ACE's Phone-Write, no one face to face; any other "on" is a time or a topic
# ("talked on Monday", "talks on trade")
CHANNEL_PREPS = {"on", "over"}
CHANNELS = frozenset("phone telephone cellphone videophone video videolink webcam".split())
# "in" names a means only with a call or a conversation on such a line after it ("talked in a telephone call", "spoke
# to her in a phone call"): the call is how the talk was held; any other "in" is a place or a time ("talked in Paris")
LINE_PREPS = frozenset(("in", "on", "over"))
LINE_TALKS = frozenset(("call", "conversation", "chat"))
# a call whose compound tells it is held on a line though it names no device: "a conference call" (session 42)
LINE_COMPOUNDS = CHANNELS | {"conference"}
# the slots of the parties a talk is held between: who talks, and to or with whom
TALK_SLOTS = frozenset(("subj", "subj_intrans", "prep:to", "prep:with"))


def means(head: Any) -> frozenset[str]:
    """Lemmas of what the event is done by or via ("talked by phone", "spoke via video link"), or on or over when it
    is a line of speech at a distance (``CHANNELS``: "talked with Lavrov on the phone"), or in, on or over a call on such
    a line (``line_talk``: "talked in a telephone call"): a blocker there rules a type out as one of the trigger's own
    modifiers does."""
    # "talked by telephone": the parse may take an active verb's "by" for a passive's agent
    deps = ("prep",) if any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) else ("prep", "agent")
    found: set[str] = set()
    calls: list[Any] = []  # the calls on a line told as the means (session 42)
    verb = head.pos_ == "VERB"
    for c in head.children:
        if c.dep_ not in deps:
            continue
        low = c.lower_
        if low in MEANS_PREPS or low in LINE_PREPS:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                talk = low in LINE_PREPS and line_talk(g)
                if low in MEANS_PREPS or (low in CHANNEL_PREPS and lemma_of(g) in CHANNELS) or talk:
                    found.add(lemma_of(g))
                    found.update(lemma_of(k) for k in g.children if k.dep_ == "compound")
                if talk:
                    calls.append(g)
        elif verb and low in PARTY_PREPS and c.dep_ == "prep":
            calls += _calls_on_party(c)
    # a call on a line is named as its words are ("a conference call": a blocker of Meet, a cue of Phone-Write), also
    # where the parse hangs it on the talk's party ("spoke to analysts on a conference call"; session 42)
    for g in calls:
        for k in g.children:
            if k.dep_ == "compound" and lemma_of(k) in LINE_COMPOUNDS:
                found.update((lemma_of(g), lemma_of(k), f"{lemma_of(k)} {lemma_of(g)}"))
    return frozenset(found)


def line_talk(noun: Any) -> bool:
    """A call or a conversation on a line of speech at a distance ("a phone call", "a telephone conversation", "a video
    call", "a conference call"): a noun of ``LINE_TALKS`` with a compound of ``LINE_COMPOUNDS``."""
    return lemma_of(noun) in LINE_TALKS and any(
        k.dep_ == "compound" and lemma_of(k) in LINE_COMPOUNDS for k in noun.children
    )


def party_line_calls(head: Any) -> list[Any]:
    """The calls on a line told "in", "on" or "over" on the "to" or "with" party of a verb of talking, where the parse
    hangs them ("spoke to analysts on a conference call": the call is the talk's means, not a kind of analyst; session
    42)."""
    if head.pos_ != "VERB":
        return []
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS for g in _calls_on_party(c)]


PARTY_PREPS = frozenset(("to", "with"))  # the prepositions of those a talk is held with


def _calls_on_party(prep: Any) -> list[Any]:
    """The calls on a line told "in", "on" or "over" on the object of ``prep`` (a verb's "to" or "with")."""
    return [
        g
        for party in prep.children
        if party.dep_ == "pobj"
        for p in party.children
        if p.dep_ == "prep" and p.lower_ in LINE_PREPS
        for g in p.children
        if g.dep_ == "pobj" and line_talk(g)
    ]


def held_on_line(head: Any) -> bool:
    """A talk said to be held in, on or over a call on a line ("spoke to analysts on a conference call", "talked
    with the mayor over a video call", "talked to the player in a telephone conversation"): the call tells the talk
    was at a distance, so those it is held between are its parties whoever they are (``parties``)."""
    return bool(party_line_calls(head)) or any(
        g.dep_ == "pobj" and line_talk(g)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in LINE_PREPS
        for g in c.children
    )


def for_duration(head: Any) -> bool:
    """Whether every "for" phrase of the trigger is a stretch of time ("talked for an hour", "spoke for 20 minutes"):
    how long, no thing asked for ("called for talks": the blocker ``for`` of a word of calling)."""
    fors = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"]
    return bool(fors) and all(
        any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children) for c in fors
    )


# verbs whose object is the place gone from or to (``role_slots``: "fled Ukraine", "visited the front lines"), less
# those whose object may be the people moved ("evacuated the residents") or a thing given up ("abandoned the plan")
PLACE_OBJECT_VERBS = (LEAVING_VERBS | REACHING_VERBS) - {"evacuate", "abandon", "quit"}
AMOUNTS = {"little", "much", "nothing", "something", "everything", "all"}


def unplaced_object(head: Any, span: Any) -> bool:
    """A verb whose object is the place left or reached (``PLACE_OBJECT_VERBS``) done to a personal pronoun or an
    amount ("little", "nothing"), which name no place: another sense of the verb, no movement from or to a place
    ("left them with nothing", "little was left inside"). A noun is left alone: a person's may be a meeting's
    ("visited the pope"), but the data marks such goings too, and a noun of no kind may be a place the word lists do
    not know ("left the east of Ukraine"). A blocker ``obj:unplaced`` rules a type out there."""
    if head.pos_ != "VERB" or lemma_of(head) not in PLACE_OBJECT_VERBS:
        return False
    return any(o.lower_ in PERSONAL or o.lower_ in AMOUNTS or o.pos_ in ("ADJ", "NUM") for o in objects_of(head, span))


# prefixes that make another verb, no compound adjective ("re-entered", "counter-attacked", "co-hosted")
BOUND_PREFIXES = {
    "re",
    "pre",
    "co",
    "un",
    "non",
    "de",
    "mis",
    "over",
    "under",
    "out",
    "counter",
    "cross",
    "self",
    "inter",
}


def describes_noun(head: Any) -> bool:
    """A word in front of a noun describing it ("an investment company", "the dead soldier"), or a participle joined
    by a hyphen to a word before it, a compound adjective ("a well-funded network", "state-funded media", "Iran-backed
    militias"), whatever the parse makes of it."""
    if head.dep_ in ("amod", "compound", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
        return True
    if head.tag_ not in ("VBN", "VBD", "JJ") or head.i < 2:
        return False
    hyphen, before = head.doc[head.i - 1], head.doc[head.i - 2]
    return (
        hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_ and before.lower_ not in BOUND_PREFIXES
    )


def person_undergoing(head: Any, args: Sequence[ArgumentSuggestion]) -> bool:
    """A verb in the passive whose subject, a person, fills a core role: something done to someone by a doer the
    passive leaves implicit ("the pilot was being held", "the suspect was picked up"), who did what to whom as two
    roles tell, one of them unsaid."""
    if head.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in head.children):
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and any(
        a.start <= subj.idx < a.end and a.label == "PERSON" and a.role not in NON_CORE for a in args
    )


def purpose_of(head: Any) -> list[Any] | None:
    """The words of what a verb with no object is said to be done for: a "for" phrase ("gathered for the weekly
    market"; not a duration or a name: "for two hours", "fought for Mosul") or a "to" infinitive ("gathered to see him speak"); None without one.
    ACE: a word with several senses takes the sense of the event only when its stated purpose is one."""
    if head.pos_ != "VERB" or any(c.dep_ in ("dobj", "dative") for c in head.children):
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("NOUN", "ADJ") and not objs[0].ent_type_:  # not "for two hours", "for Mosul"
                return list(c.subtree)
        if c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX"):
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return list(c.subtree)
    return None


def caption_side(tok: Any) -> bool:
    """The word "left" or "right" set off by commas or brackets after a name, as photo captions place people."""
    doc = tok.doc
    return (
        tok.lower_ in ("left", "right")
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].text in (",", "(")
        and doc[tok.i + 1].text in (",", ")")
    )


SHORT_QUOTE = 3  # words at most between quotation marks for a cited term, a slogan or a title


def in_short_quote(tok: Any, sent: Any, quotes: QuoteMarks) -> bool:
    """Whether the word stands between quotation marks with at most SHORT_QUOTE words in all (a term, slogan or title
    cited, not reported speech); ``quotes``: its document's."""
    inside = quotes.words_quoted(tok.i, sent.start, sent.end)
    return inside is not None and inside <= SHORT_QUOTE


PERSONAL = {"he", "she", "they", "we", "i", "him", "her", "them", "us", "me", "his", "their", "our", "my"}


def person_pronoun(pairs: Sequence[tuple[str, Any]]) -> bool:
    return any(tok.lower_ in PERSONAL for slot, tok in pairs if slot in ("subj", "subj_intrans", "obj", "subjpass"))


def pronoun_sides(pairs: Sequence[tuple[str, Any]]) -> bool:
    """A personal pronoun as the subject and another as the object: "they hit us", who did it to whom."""
    subj = {tok.lower_ for slot, tok in pairs if slot == "subj" and tok.lower_ in PERSONAL}
    obj = {tok.lower_ for slot, tok in pairs if slot == "obj" and tok.lower_ in PERSONAL}
    return bool(subj and obj)


# who talks or writes: a verb trigger's own slots, and a noun trigger's from the verb it is done or told by ("they held
# a phone call with ...", "he told his mother in a phone call": ``gov_subj``, ``receiver``) or who it comes from
PARTY_SLOTS = frozenset(
    ("subj", "subj_intrans", "obj", "subjpass", "dative", "prep:with", "prep:to", "gov_subj", "sender", "receiver")
)
NO_PARTY = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
# what a common noun in a talk's slot names that cannot talk: a place, a building, a thing made, an event; the word
# lists know few people's nouns ("analysts", "the coach"), so a noun of no kind counts
NO_PARTY_KINDS = NO_PARTY | {"FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
# verbs of talking with one another, whose object is what is talked about: a plural subject names both sides
TALKING_TOGETHER = frozenset("discuss confer converse chat talk".split())


def parties(
    etype: Any, args: Sequence[ArgumentSuggestion], pairs: Sequence[tuple[str, Any]], doc: Any, head: Any = None
) -> int:
    """How many parties the event's own words name: its fillers of roles that take a person (ACE's parties, a
    person, a body or a country), a proper noun or a person pronoun in its subject, object, "with" or "to" slot, or
    the subject of the verb a noun trigger is done or told by, that no role took ("Trump spoke with Putin", the NER
    reading no "Trump"; "we spoke by phone"; "he told his mother in a phone call": a pronoun is an entity mention in
    ACE, a party, though no role takes the pronoun itself), the words coordinated
    with them ("Merkel and Putin spoke"), and two for a plural subject of a verb with no object ("the two leaders
    talked": each with the other). ACE's Phone-Write is marked only where at least two parties are specified ("spoke
    to her brothers by phone"; not "confirmed in an email", "speaking by phone from Oman"): a blocker ``one_party``
    rules a type out with fewer. ``head``: the trigger, whose talk held on a line (``held_on_line``) counts the
    people named by common nouns in its slots of talking too."""
    roles = {r.name for r in etype.roles if takes(r, "PERSON")}
    heads = []
    for a in args:
        span = doc.char_span(a.start, a.end, alignment_mode="expand") if a.role in roles else None
        if span is not None:
            heads.append(span.root)
    taken = {t.i for h in heads for t in (h, *h.conjuncts)}
    # a talk held on a line between people named by common nouns ("the chief executive spoke to analysts on a
    # conference call"): the call tells the talk is at a distance, and the people talking are its parties (session 42;
    # a common noun counted in every talk's slots (session 41) took "wrote a letter to the president" too)
    on_line = head is not None and held_on_line(head)
    for slot, tok in pairs:
        if slot in PARTY_SLOTS and tok.i not in taken and tok.ent_type_ not in NO_PARTY:
            if (
                tok.pos_ == "PROPN"
                or tok.lower_ in PERSONAL
                or (on_line and slot in TALK_SLOTS and tok.pos_ == "NOUN" and noun_kind(tok) not in NO_PARTY_KINDS)
            ):
                heads.append(tok)
                taken.update(t.i for t in (tok, *tok.conjuncts))
    # "the two leaders talked", "the ministers held a phone call": a plural doing it with no one else named; with a
    # verb of talking together, whatever its object ("the two presidents discussed trade by telephone": a topic)
    reciprocal = any(
        (slot in ("subj_intrans", "gov_subj") or (slot == "subj" and lemma_of(tok.head) in TALKING_TOGETHER))
        and tok.tag_ in ("NNS", "NNPS")
        and tok.i in taken
        for slot, tok in pairs
    )
    return len(taken) + int(reciprocal)


DEFINITE_DETS = {"the", "this", "that", "these", "those"}


def definite_object(head: Any) -> bool:
    """A noun trigger with "the" (or "this", "that"), as the object of a verb or a preposition."""
    return (
        head.pos_ == "NOUN"
        and head.dep_ in ("dobj", "pobj")
        and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in head.children)
    )


def listed_with_things(head: Any, names_event: Callable[[Any], bool]) -> bool:
    """A noun trigger coordinated with a common noun that names no event (``names_event`` false: no trigger word of
    the schema): "roadside bombs, snipers and hit-and-run attacks", "airstrikes, artillery fire and Apache
    helicopters", "the negation of all rights and a dramatic assault": a list holds things of one kind, so the event
    word names a kind of hazard or a means, no occurrence told ("the killing and the arrest": two events, kept)."""
    if head.pos_ != "NOUN":
        return False
    of_kinds = {noun_kind(o) for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children} - {
        None
    }
    # "the execution of Minister Hyon and three other officials": a noun of the kind of the "of" phrase's is that
    # phrase's conjunct, which the parse hung on the event noun (the nearer of two nouns of one kind is coordinated)
    return any(c.pos_ == "NOUN" and not names_event(c) and noun_kind(c) not in of_kinds for c in head.conjuncts)


# nouns naming a run of events told as one ("a series of police shootings", "a string of terror attacks")
RUN_NOUNS = frozenset({"series", "string", "spate", "wave", "rash", "spree", "succession"})


def in_a_run(head: Any) -> bool:
    """A noun trigger (or a conjunct of one) in the "of" phrase of a noun naming a run of events ("a series of police
    shootings and deadly assaults", "a string of terror attacks by Islamic State"): several occurrences told as one
    class, none of them singled out, as a kind is in a list of things."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return (
        head.pos_ == "NOUN"
        and first.dep_ == "pobj"
        and first.head.lower_ == "of"
        and lemma_of(first.head.head) in RUN_NOUNS
    )


def possessive_pronoun(head: Any) -> bool:
    return head.pos_ == "NOUN" and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)


def own_against(head: Any) -> bool:
    """A noun with a possessive pronoun and an "against" phrase: "its war against the government", "their fight
    against the Taliban"; the pronoun is the one doing it and "against" the opponent, the two sides a role of each
    would tell (the caller counts the opponent's role as filled)."""
    return possessive_pronoun(head) and any(c.dep_ == "prep" and c.lower_ == "against" for c in head.children)


def named_subject_and_object(pairs: Sequence[tuple[str, Any]], args: Sequence[ArgumentSuggestion]) -> bool:
    """A named subject and a named person as object both taken as participants (in one role or two): one party
    doing something to or with another, as two roles tell ("Putin hosted Erdogan"); not two parties after "to"
    or "with" ("speaks to his supporters")."""

    def named(tok: Any) -> ArgumentSuggestion | None:
        return next((a for a in args if a.start <= tok.idx < a.end and a.score >= 0.8 and a.role not in NON_CORE), None)

    subj = [a for slot, t in pairs if slot in ("subj", "subj_intrans") and (a := named(t)) is not None]
    obj = [a for slot, t in pairs if slot == "obj" and (a := named(t)) is not None and a.label == "PERSON"]
    return bool(subj and obj and subj[0] != obj[0])


NUMBER_LABELS = {"CARDINAL", "QUANTITY"}
DEMONSTRATIVES = {"this", "that"}  # a pronoun of a thing or a fact told ("as this showed"): no one taking part


def misfits(pairs: Sequence[tuple[str, Any]], args: Sequence[ArgumentSuggestion], slots: tuple[str, ...]) -> int:
    """Nouns in ``slots`` of the frame that no role took, and "this" or "that" standing alone, a thing or a fact told
    ("as this demonstrated"); other pronouns and numbers aside ("left dozens dead", "killed hundreds" count people, no
    other sense of the word)."""
    n = 0
    for slot, tok in pairs:
        if (
            slot in slots
            and (tok.pos_ == "NOUN" or (tok.tag_ == "DT" and tok.lower_ in DEMONSTRATIVES))  # "as this demonstrated"
            and tok.ent_type_ not in NUMBER_LABELS
            and not any(a.start <= t.idx < a.end for a in args for t in (tok, *of_objects(tok)))
            and not _way_to_a_goal(slot, tok, pairs)
        ):
            n += 1
    return min(n, 1)


def _way_to_a_goal(slot: str, tok: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether ``tok`` is a place crossed on the way to one the frame names ("crossed the border into Turkey": the
    border, no misfit of the going; ``frame_preps.goal_before_object`` gives the role to the goal)."""
    return slot == "obj" and noun_kind(tok) in ("GPE", "LOC", "FAC") and any(s in GOAL_SLOTS for s, _ in pairs)


def cue_words(cue: str) -> tuple[str, ...]:
    """A cue's words as the tokenizer splits them: lowercase, a hyphen a word of its own ("face - to - face")."""
    return tuple(cue.lower().replace("-", " - ").split())


def cue_phrases(cues: Any) -> dict[str, list[tuple[str, ...]]]:
    """Cues of several words, by their last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        words = cue_words(cue)
        if len(words) > 1:
            out.setdefault(words[-1], []).append(words)
    return out


def neighbour_lemmas(
    head: Any, phrases: dict[str, list[tuple[str, ...]]], leave_out: range = range(0)
) -> frozenset[str]:
    """Words close to the trigger in the parse (its head, children, grandchildren and siblings), each as its lemma
    and its lowercase form ("troops", "thousands": a cue written in the plural), and a cue of several words
    (``phrases``, by last word) that ends on one of them ("tear gas", "at least"); the tokens of ``leave_out`` (a
    weak trigger's own words: "years in prison") are not read."""
    near = [head.head]
    for c in head.children:
        near.append(c)
        for g in c.children:
            near.append(g)
            if c.dep_ in ("prep", "agent") or g.lower_ == "of":  # "by phone call", "a barrage of missiles"
                near.extend(g.children)
    near.extend(s for s in head.head.children if s.i != head.i)
    doc = head.doc
    out = set()
    for t in near:
        if t.i in leave_out:
            continue
        low = t.lower_
        out.add(lemma_of(t))
        out.add(low)
        for words in phrases.get(low, ()):
            n = len(words)
            if t.i + 1 >= n and all(doc[t.i - n + 1 + k].lower_ == words[k] for k in range(n - 1)):
                out.add(" ".join(words))
    return frozenset(out)
