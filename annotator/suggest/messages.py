"""The parties of a message or a call (ACE's Contact:Phone-Write: two or more people engage in discussion that is not
face-to-face): who a call or a letter comes "from", and what a verb of taking or answering a call says of its
object. Read from the parse and the entity labels; no word of any development text."""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.arg_spans import PLACE_LABELS
from annotator.suggest.frame_preps import preps
from annotator.suggest.noun_classes import noun_kind, lemma_of

# what a "from" phrase names when it is where one speaks from, not who speaks ("speaking by phone from Oman")
_WHERE_LABELS = frozenset(PLACE_LABELS) | {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def senders(pairs: Sequence[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """The "from" phrases of the frame that name who a thing comes from, not where (slot ``sender``: "a phone call
    from a child", "a letter from the president", "calls from kids"; not "from Oman", "from the embassy", "from
    Monday"): a party of a call or a message, read by the roles that name ``sender`` in their slots."""
    out = []
    for slot, tok in pairs:
        if slot != "prep:from":
            continue
        label = noun_kind(tok)
        if label in _WHERE_LABELS or (not label and tok.pos_ != "PROPN"):
            continue  # a place, a time, an amount; or a common noun of no kind a person is ("from the heart")
        out.append(("sender", tok))
    return out


def split_object_phrases(doc: Any, extra: Sequence[int]) -> list[tuple[str, Any]]:
    """The phrases of a trigger's second word that stands apart as the verb's object ("answering phone calls from
    kids", "took a call from the president": the call's "from" is who the call is with), as a noun trigger's own
    phrases are its event's."""
    out: list[tuple[str, Any]] = []
    for i in extra:
        tok = doc[i]
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
            out += [(s, t) for s, t in preps(tok) if s.startswith("prep:")]
    return out


def object_words(doc: Any, extra: Sequence[int]) -> set[int]:
    """The words in front of a trigger's object noun standing apart ("phone" of "answering phone calls"): with the
    noun, the trigger's own, no second trigger ("phone calls")."""
    out: set[int] = set()
    for i in extra:
        tok = doc[i]
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
            out.update(c.i for c in tok.lefts if c.dep_ == "compound")
    return out


CALLING_VERBS = frozenset(("call", "phone", "ring", "telephone"))
# what may follow the one called when "call" is a phone call, not a naming ("called the prime minister on Saturday",
# "called Merkel to discuss the crisis", "called him."): a preposition, "to", an adverb, a conjunction, a stop; a
# naming goes on with what the one called is called ("called Putin a threat", "calling immigrants rapists", "called
# him “a true professional”")
_AFTER_CALL_TAGS = frozenset(("IN", "TO", "RB", "CC", ".", ",", ":"))
_PERSON_PRONOUNS = frozenset(("him", "her", "them", "me", "us"))


def person_phoned(head: Any) -> bool:
    """Whether a verb of calling is done to a person and ends there, a phone call with a doer ("Trump called the
    Australian prime minister on Saturday", "the president called Angela Merkel to discuss the crisis"): the weak
    "call" with a person as its object and nothing said of that person after it, no complement (a naming: "called
    Putin a threat", "called the deal dumb", "calling Mexican immigrants rapists"), no "for" ("called for talks")."""
    if head.pos_ != "VERB" or lemma_of(head) not in CALLING_VERBS:
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"] or _object_read_as_complement(head)
    if any(c.dep_ in ("oprd", "ccomp", "attr", "acomp", "dative") and c not in objects for c in head.children):
        return False
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    if len(objects) != 1 or not doers:
        return False
    obj = objects[0]
    if not (noun_kind(obj) == "PERSON" or obj.lower_ in _PERSON_PRONOUNS):
        return False
    after = obj.right_edge.i + 1
    if after >= len(obj.doc) or obj.doc[after].sent != obj.sent:
        return True
    nxt = obj.doc[after]
    return nxt.tag_ in _AFTER_CALL_TAGS or nxt.ent_type_ in ("DATE", "TIME")


def _object_read_as_complement(head: Any) -> list[Any]:
    """The one called, where the small parse read a title after "called" as what someone is called ("Trump called the
    Australian prime minister on Saturday": "minister" an ``oprd``, no object): a complement naming a person with
    "the" in front, the verb active with no object of its own, so nothing else can be the one named ("called him the
    best minister", "was called the greatest president" keep their naming)."""
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in head.children):
        return []
    said = [c for c in head.children if c.dep_ == "oprd"]
    if len(said) != 1 or noun_kind(said[0]) != "PERSON":
        return []
    return said if any(c.dep_ == "det" and c.lower_ == "the" for c in said[0].children) else []


def called_object(head: Any) -> list[tuple[str, Any]]:
    """The one called as the verb's object (slot ``obj``) where the parse read it as a complement and the call is a
    phone call (``person_phoned``): "Trump called the Australian prime minister on Saturday"; none otherwise."""
    if head.pos_ != "VERB" or lemma_of(head) not in CALLING_VERBS or not person_phoned(head):
        return []
    return [("obj", c) for c in _object_read_as_complement(head)]


_PARTY_LABELS = frozenset(("PERSON", "ORG", "GPE", "NORP"))


def wrote_to_party(head: Any) -> bool:
    """Whether "write" is done "to" a party with nothing written as its object, a letter sent ("the mayor wrote to the
    governor asking for more money", "the prime minister wrote to the European Commission"): two parties in touch not
    face to face; "wrote in a report", "wrote a book", "written to a high standard" (no party) are no letter."""
    if head.pos_ != "VERB" or lemma_of(head) != "write":
        return False
    if any(c.dep_ in ("dobj", "ccomp", "nsubjpass") for c in head.children):
        return False
    if not any(c.dep_ == "nsubj" for c in head.children):
        return False
    return any(
        g.dep_ == "pobj" and (noun_kind(g) in _PARTY_LABELS or g.lower_ in _PERSON_PRONOUNS)
        for c in head.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in c.children
    )
