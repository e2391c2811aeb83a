"""Pure helpers of the keyboard flow (no Qt): sentences, role candidates, other occurrences and trigger types (what the
text says about a new event's attributes: ``text_attributes``)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from bisect import bisect_left
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from annotator.model import Entity
from annotator.offsets import token_index_at
from annotator.pipeline_names import SPACY_KINDS, LabelKinds
from annotator.rules import can_fill, takes
from annotator.role_slots import PREPOSITIONS, role_slots
from annotator.schema import EventType, Role, Schema
from annotator.candidate_names import JUDGE_ROLE, bare_before_the, names_judge
from annotator.suggest.time_spans import is_length_of_time

if TYPE_CHECKING:
    from annotator.navigation import SpanIndex

_WORD = re.compile(r"\w+")
_PIECE = re.compile(r"\w+|[^\w\s]")  # words and single marks: a comma stops a look back
SOURCE_SLOT = "prep:from"  # a role filled from "from" is a source: Giver, Seller, Origin, Attacker
SOURCE_WORDS = 3  # words looked back from a name for "from": "from two construction firms"
AGENT_SLOT = "agent"  # a passive's "by": "was arrested by officers", "was invaded by Iraq"
# a few irregular verb forms of the kind trigger words take (the rest is handled by dropping suffixes)
IRREGULAR_FORMS = {
    "met": "meet",
    "fought": "fight",
    "went": "go",
    "gone": "go",
    "took": "take",
    "taken": "take",
    "paid": "pay",
    "sold": "sell",
    "bought": "buy",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "flew": "fly",
    "flown": "fly",
    "struck": "strike",
    "shot": "shoot",
    "left": "leave",
    "led": "lead",
    "began": "begin",
    "begun": "begin",
    "held": "hold",
    "won": "win",
    "lost": "lose",
    "came": "come",
    "became": "become",
    "died": "die",
    "dead": "die",
    "death": "die",
    "born": "bear",
    "wed": "wed",
    "quit": "quit",
    "ran": "run",
    "sent": "send",
    "built": "build",
    "brought": "bring",
    "made": "make",
    "told": "tell",
}
_WHERE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout"}
# words between a preposition of place and the place ("in the town of Kabkabiya"); a name's words (capitals) too
_ON_THE_WAY = {"the", "a", "an", "of", "s", "'s", "town", "city", "village", "capital", "province", "region", "state"}
_ON_THE_WAY |= {"district", "county", "area", "port", "camp", "suburb", "neighborhood", "neighbourhood", "northern"}
_ON_THE_WAY |= {"southern", "eastern", "western", "central", "north", "south", "east", "west", "nearby"}
_WHOSE = re.compile(r"['’]s\b")  # a name told as a possessor: whose, not where (``_candidate_rank``)


def stem(word: str) -> str:
    """A rough lemma for matching trigger words: lower case, irregular forms mapped, common suffixes dropped."""
    w = word.lower().strip()
    if w in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[w]
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                w += "y"
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # "planned" -> "plann" -> "plan"
        w = w[:-1]
    return w.rstrip("e")


@functools.lru_cache(maxsize=4096)
def phrase_key(text: str) -> tuple[str, ...]:
    """Rough lemmas (``stem``) of a phrase's words, by which trigger words and the text are matched (``trigger_types``,
    ``trigger_phrase``); kept: each call of ``trigger_types`` asks again of every trigger word of the schema."""
    return tuple(stem(w) for w in _WORD.findall(text))


def _around_object(phrase: tuple[str, ...], key: tuple[str, ...]) -> bool:
    """Whether the words ``key`` are the trigger phrase ``phrase`` of two or more words with its object between
    its first word and the rest: "found Marek Zielinski guilty" (find guilty), "shot it down", "set the depot on
    fire" (words a person selected: E names their type as for "found guilty")."""
    return len(phrase) >= 2 and len(key) > len(phrase) and key[0] == phrase[0] and key[-len(phrase) + 1 :] == phrase[1:]


def trigger_types(schema: Schema, trigger: str, weak: bool = True) -> list[str]:
    """Event types whose trigger words match ``trigger`` (by rough lemma, whole phrase), best first: exact
    trigger words, then the same lemma, then a phrase with its object between its words; then (``weak``) a type's
    weak (ambiguous) trigger words and its words that need an object of a kind (``object_triggers``: "throwing") the
    same way."""
    key = phrase_key(trigger)
    if not key:
        return []
    word = trigger.strip().lower()
    out: list[str] = []

    def weak_words(t: EventType) -> tuple[str, ...]:  # a word with other senses, or one that needs an object of a kind
        return (*getattr(t, "weak_triggers", ()), *(w for w, _ in getattr(t, "object_triggers", ()))) if weak else ()

    for words_of in (lambda t: t.triggers, weak_words):
        for same in (
            lambda x: x.lower() == word,
            lambda x: phrase_key(x) == key,
            lambda x: len(key) > 2 and _around_object(phrase_key(x), key),  # three words or more (N's: one)
        ):
            out += [t.name for t in schema.events if t.name not in out and any(same(x) for x in words_of(t))]
    return out


def sentence_bounds(
    starts: Sequence[int], ends: Sequence[int], sentence_starts: Sequence[int], text_len: int, cp: int
) -> tuple[int, int]:
    """The code-point range of the sentence holding ``cp`` (the whole text when sentences are unknown)."""
    if not starts or not sentence_starts:
        return 0, text_len
    tok = max(0, token_index_at(starts, cp))  # no copy of the lists: 100,000 tokens each, at every Alt+N
    i = max(0, token_index_at(sentence_starts, tok))  # the sentence holding the token
    first = sentence_starts[i]
    last = (sentence_starts[i + 1] - 1) if i + 1 < len(sentence_starts) else len(starts) - 1
    return starts[first], ends[last]


SENTENCE_ENDS = ".!?…"  # a line ending in one of these (closing quotes and brackets aside) ends its sentence too


def within_line(text: str, bounds: tuple[int, int], cp: int) -> tuple[int, int]:
    """``bounds`` (a sentence holding ``cp``) cut at the line breaks in it that end a sentence: after a blank line, or
    after a line ending in a full stop, question or exclamation mark (quotes and brackets aside). The parser's
    sentence ran on past "…after pleading guilty." into the next paragraph (seed 004), and Alt+N offered its names
    before those of the trigger's own sentence; a hard-wrapped line ending mid-sentence is not cut. Only the line
    breaks between ``cp`` and the cuts are looked at (the whole text is the sentence when sentences are unknown)."""
    start, end = bounds
    at = text.rfind("\n", start, cp)
    while at != -1 and not _ends_sentence(text, start, at):
        at = text.rfind("\n", start, at)
    at_end = text.find("\n", cp, end)
    while at_end != -1 and not _ends_sentence(text, start, at_end):
        at_end = text.find("\n", at_end + 1, end)
    return (at + 1 if at != -1 else start), (at_end if at_end != -1 else end)


def _ends_sentence(text: str, start: int, at: int) -> bool:
    """Whether the line break at ``at`` ends a sentence (``within_line``): a blank line, or a line's last mark (quotes
    and brackets aside) a full stop, question or exclamation mark."""
    if at <= start:
        return False
    before = text[max(start, at - 8) : at].rstrip(" \t\r\"'”’)]»")
    return not before or before[-1] in SENTENCE_ENDS or text[at - 1] == "\n"


def role_candidates(
    entities: Iterable[Entity],
    role: Role,
    trigger: tuple[int, int],
    sentence: tuple[int, int],
    exclude: Iterable[int] = (),
    used: Iterable[int] = (),
    text: str = "",
    source: int = 0,
    agent: int = 0,
    kinds: LabelKinds = SPACY_KINDS,
) -> list[Entity]:
    """Entities ``role`` accepts (``rules.takes`` their label, ``rules.can_fill`` their state; not ``exclude``): those in the trigger's sentence nearest first,
    then the rest of the document nearest first; entities that already fill another role of the event (``used``)
    come last, as one entity rarely plays two roles (``kinds``: the pipeline's kinds of label in the project's names,
    ``pipeline_names.label_kinds``, spaCy's by default). A role that takes places only (``kinds.places``) takes those
    after the trigger in its sentence first: a place is told after the event ("met ... in Geneva"): of the 1,046
    filled roles of events-dev, a place came after its trigger 7 times in 8, and the first candidate offered was
    the right one 353 times instead of 335. A role that takes places among other labels (Entity: PERSON, ORG,
    GPE...) takes a place of its sentence told as where ("in Moscow", "at the UN", "in the town of Kabkabiya":
    ``text`` before it) after every other candidate, the rest of the document's too: that is the event's Place
    (356 instead of 353; Agent of "killed ... in the town of Kabkabiya" offered Kabkabiya, the sentence's only
    other places being told as where too). A name of the sentence told after "from" ("accepting … from two construction
    firms") goes first for a role filled from "from" and after the sentence's others for another role of its type
    (``source``: ``source_order``'s answer; the Giver of seed 004's "accepting" was offered third, after Marek Zielinski
    and the court: on events-dev 708 -> 703 keys, on the seeds 82 -> 80). A role that takes times only is offered no
    length of time nor age ("barred him ... for ten years", "Zielinski, 58, was arrested":
    ``time_spans.is_length_of_time``), which the pipeline labels DATE and which is no time of the event. A role of one amount's label takes the sentence's undecided suggestions of
    another amount's label after its own (``kin_fits``: the Money of seed 004's "fined", "500,000 zlotys" QUANTITY:
    the role key relabels it as it fills)."""
    judge = role.name == JUDGE_ROLE
    rank = _candidate_rank(role.labels, trigger, sentence, used, text, source, subject_side(role), agent, kinds, judge)
    ts, te = trigger
    skip = set(exclude)
    fits = role_fits(role)
    kin = kin_fits(role, kinds)
    ages = bool(text) and bool(role.labels) and set(role.labels) <= kinds.times
    ok = [
        e
        for e in entities
        if (fits(e) or (kin(e) and sentence[0] <= e.start and e.end <= sentence[1]))
        and e.id not in skip
        and not (e.start == ts and e.end == te)
        and not (ages and is_length_of_time(text, e.start, e.end))
    ]
    return bare_before_the(sorted(ok, key=rank), text)


def role_fits(role: Role) -> Callable[[Entity], bool]:
    """Whether an entity can fill ``role``, as the rule module says: ``rules.takes`` its label, ``rules.can_fill`` its
    state (the candidates' test, and the span index's, which knows no rule of its own)."""
    return lambda e: takes(role, e.label) and can_fill(e.state)


def kin_fits(role: Role, kinds: LabelKinds = SPACY_KINDS) -> Callable[[Entity], bool]:
    """Whether an entity can fill ``role`` once its label is put right, as the role key puts it when it fills
    (``label_to_fill``): for a role that takes one label of an amount (Justice:Fine's Money: MONEY), an undecided
    suggestion of another amount's label (``kinds.amounts``: "500,000 zlotys", QUANTITY). ``role_candidates`` offers
    those of the trigger's sentence after the sentence's spans of the role's own label."""
    if len(role.labels) != 1 or role.labels[0] not in kinds.amounts:
        return lambda e: False
    own = role.labels[0]
    return lambda e: e.state == "suggested" and e.label in kinds.amounts and e.label != own


def _candidate_rank(
    labels: Sequence[str],
    trigger: tuple[int, int],
    sentence: tuple[int, int],
    used: Iterable[int],
    text: str,
    source: int = 0,
    lean: int = 0,
    agent: int = 0,
    kinds: LabelKinds = SPACY_KINDS,
    judge: bool = False,
) -> Callable[[Entity], tuple]:
    """The order of ``role_candidates`` as a key: (filling another role, group, judged, told after "from", whose, place side,
    typical, distance, start, id); group 0 the trigger's sentence, 1 the rest of the document, 2 the sentence's places
    told as where; told after "from": ``source`` for a name of the sentence told so, else 0; whose: for a role of
    places only, a place of the sentence told as a possessor ("Venezuela's President", "London's Tower Bridge":
    ``_WHOSE``) after its other places (on events-dev 646 -> 640 keys: half A 349 -> 348, B 297 -> 292; the
    seeds 70 as before; session 24); side: a place's before its trigger last, and for a role filled from the subject (``lean``: ``subject_side``) a name after its trigger;
    a name inside a trigger phrase after its first word counts as told after it (its object: "found Marek Zielinski
    guilty"); typical: in the trigger's sentence, a name of the role's first label (the schema lists a role's typical filler
    first, the label a new span for it takes: ``label_for_span``) before the others, for a role that takes other
    kinds than places (a place's order is where it is told); for the role of who judges (``judge``), a name of the
    sentence that is a court's or a judge's (``names_judge``) before the sentence's others (``judged``, after the
    group): a judge is a PERSON, and the sentence's ORG (the Adjudicator's first label: "the Bureau") went first
    (session 34)."""
    ts, te = trigger
    late = set(used)
    places_only = set(labels) <= kinds.places
    where_too = bool(set(labels) & kinds.places) and not places_only and bool(text)

    def rank(e: Entity) -> tuple:
        if e.end <= ts:
            distance = ts - e.end
        elif e.start >= te:
            distance = e.start - te
        else:
            distance = 0
        side = after_from = whose = judged = 0
        if sentence[0] <= e.start and e.end <= sentence[1]:
            group = 0
            if judge:
                judged = 0 if names_judge(text, e.start, e.end) else 1
            if source or agent:
                told = told_after(text, e.start)
                after_from = source if told == "from" else agent if told == "by" else 0
            if places_only:
                side = 0 if e.start >= te else 1  # a place is told after the event
                whose = int(_WHOSE.match(text, e.end) is not None)  # told as a possessor: "Venezuela's President"
            elif where_too and e.label in kinds.places and _told_as_where(text, e.start):
                group = 2
            elif lean:  # a name inside a trigger phrase ("found Marek Zielinski guilty") is its object: after it
                side = 0 if (e.start > ts) == (lean > 0) else 1
        else:
            group = 1
        typical = 1 if group == 0 and not places_only and e.label != labels[0] else 0
        return (e.id in late, group, judged, after_from, whose, side, typical, distance, e.start, e.id)

    return rank


def first_role_candidates(
    entities: dict[int, Entity],
    index: "SpanIndex",
    role: Role,
    trigger: tuple[int, int],
    sentence: tuple[int, int],
    exclude: Iterable[int] = (),
    used: Iterable[int] = (),
    text: str = "",
    source: int = 0,
    agent: int = 0,
    kinds: LabelKinds = SPACY_KINDS,
    most: int = 50,
) -> tuple[list[Entity], bool]:
    """The first of ``role_candidates`` (the trigger's sentence and at least the ``most`` nearest others) found by the
    document's span index, without a pass over every span of a long document (Alt+N took 15 ms of its 26 there);
    True when that is the whole list. The list is the same as the start of ``role_candidates``'s."""
    skip = set(exclude)
    ts, te = trigger
    fits, kin = role_fits(role), kin_fits(role, kinds)
    inside = index.within(entities, lambda e: fits(e) or kin(e), sentence[0], sentence[1])
    ask = most + len(inside) + len(skip) + 1
    while True:
        near = index.nearest(entities, fits, ts, te, ask)
        pool = {e.id: e for e in [*inside, *near]}
        found = role_candidates(pool.values(), role, trigger, sentence, skip, used, text, source, agent, kinds)
        complete = len(near) < ask  # every span the role takes is in the pool
        judge = role.name == JUDGE_ROLE
        rank = _candidate_rank(
            role.labels, trigger, sentence, used, text, source, subject_side(role), agent, kinds, judge
        )
        first = [e for e in found if rank(e)[:2] in ((False, 0), (False, 1))]
        if complete:
            return found, True
        if sum(1 for e in first if rank(e)[1] == 1) >= most:  # the nearest others are a prefix of theirs
            return first, False
        ask *= 4


def subject_side(role: Role) -> int:
    """-1 when ``role`` is filled from the subject and never from the object (``role_slots``: Adjudicator, Agent,
    Attacker, Buyer...): its names of the trigger's sentence told before the trigger come first
    (``role_candidates``' ``lean``), as an active sentence tells its subject ("the court found ..."); else 0. On
    events-dev (bench/role_keys.py) 703 -> 694 keys (half A 377 -> 372, B 326 -> 322), the seeds 80 -> 78; the
    object's roles put after the trigger first cost keys (703 -> 711, the seeds 80 -> 82), and both 702 and 80."""
    slots = set(role_slots(role))
    return -1 if slots & {"subj", "agent"} and not slots & {"obj", "subjpass"} else 0


def source_order(etype: EventType | None, role: Role) -> int:
    """Where ``role``'s candidates told after "from" go among their sentence's (``role_candidates``' ``source``): -1
    first when the role is filled from "from" (``role_slots``: Giver, Seller, Origin, Attacker), 1 after the others
    when another role of the type is and this one is not (a Recipient's "from X" is the Giver), else 0. Of the
    prepositions, "from" alone paid on events-dev: each role's own ("to" a Recipient's, "of" a Victim's) put first
    cost keys (+3 and +15), the parse's objects of those being other roles' as often."""
    if SOURCE_SLOT in role_slots(role):
        return -1
    if etype is not None and any(SOURCE_SLOT in role_slots(r) for r in etype.roles if r.name != role.name):
        return 1
    return 0


def agent_order(etype: EventType | None, role: Role) -> int:
    """Where ``role``'s candidates told after "by" go among their sentence's (``role_candidates``' ``agent``), as
    ``source_order`` for "from": -1 first when the role is filled from a passive's agent and never from the object
    (``role_slots``: Agent, Attacker, Adjudicator, Buyer... "was arrested by officers"), 1 after the others when
    another role of the type is and this one takes neither the agent nor "by" (the Person of "arrested by", the
    Target of "invaded by"), else 0 (Entity, filled from both sides)."""
    slots = set(role_slots(role))
    if AGENT_SLOT in slots and not slots & {"obj", "subjpass"}:
        return -1
    if slots & {AGENT_SLOT, "prep:by"}:
        return 0
    if etype is not None and any(AGENT_SLOT in role_slots(r) for r in etype.roles if r.name != role.name):
        return 1
    return 0


def told_after(text: str, start: int) -> str | None:
    """The preposition that leads to ``start`` over at most a few words ("from two construction firms", "by
    officers of the bureau"), no punctuation and no other preposition between, lower-cased; None if none does."""
    for piece in reversed(_PIECE.findall(text[max(0, start - 60) : start])[-SOURCE_WORDS:]):
        word = piece.lower()
        if word in PREPOSITIONS:
            return word
        if not piece[0].isalnum():
            return None
    return None


def _told_as_where(text: str, start: int) -> bool:
    """Whether a preposition of place ("in", "at", "near"...) leads to ``start`` over at most a few words of
    a place's name: "in Moscow", "in the town of Kabkabiya", "in Sudan's North Darfur"."""
    for word in reversed(_WORD.findall(text[max(0, start - 40) : start])[-5:]):
        if word.lower() in _WHERE:
            return True
        if word.lower() not in _ON_THE_WAY and not word[0].isupper():
            return False
    return False


def other_occurrences(text: str, start: int, end: int, spans: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Every other place the text of [start, end) occurs as whole words (case-sensitive), in text order; one that
    lies in or across another of ``spans`` (the document's spans) is left out: "Treasury" of "The U.S. Treasury
    Department" is a word of that organisation's name, not a mention of its own (A put an ORG inside the ORG)."""
    needle = text[start:end]
    if not needle.strip():
        return []
    taken = sorted(spans)
    starts = [a for a, _ in taken]
    longest = max((b - a for a, b in taken), default=0)
    out = []
    for m in re.finditer(re.escape(needle), text):
        a, b = m.start(), m.end()
        if (a, b) == (start, end):
            continue
        if (a > 0 and text[a - 1].isalnum() and needle[0].isalnum()) or (
            b < len(text) and text[b].isalnum() and needle[-1].isalnum()
        ):
            continue
        # the spans that start before this place ends and late enough to reach it (none is longer than ``longest``)
        near = range(bisect_left(starts, a - longest), bisect_left(starts, b))
        if any(taken[i][1] > a and taken[i] != (a, b) for i in near):
            continue
        out.append((a, b))
    return out


@dataclass
class Places:
    """The places Label every occurrence (A) was given, sorted: ``new`` get the label; ``held`` counts, by label, the
    places that hold a span already (of this label, or of another: left as they are); ``rejected`` the places where
    this label was rejected (they stay rejected, as pre-annotation leaves them)."""

    new: list[tuple[int, int]] = field(default_factory=list)
    held: Counter[str] = field(default_factory=Counter)
    rejected: int = 0


def sort_places(entities: Iterable[Entity], spans: Iterable[tuple[int, int]], label: str) -> Places:
    """Which of ``spans`` take ``label`` (A): not those already holding a span that is not rejected (this label, or
    another: the person's decision or a suggestion to decide there), nor those where ``label`` was rejected."""
    held: dict[tuple[int, int], str] = {}
    rejected: set[tuple[int, int]] = set()
    for e in entities:
        if e.state != "rejected":
            if held.get((e.start, e.end)) != label:  # this label first: it is "already there"
                held[(e.start, e.end)] = e.label
        elif e.label == label:
            rejected.add((e.start, e.end))
    out = Places()
    for span in sorted(set(spans)):
        if span in held:
            out.held[held[span]] += 1
        elif span in rejected:
            out.rejected += 1
        else:
            out.new.append(span)
    return out


def trigger_words(schema: Schema, text: str, starts: Sequence[int], ends: Sequence[int]) -> list[tuple[int, int]]:
    """Tokens of ``text`` that are (strong) trigger words of some event type, in text order."""
    keys: set[tuple[str, ...]] = set()
    for t in schema.events:
        keys.update(phrase_key(x) for x in t.triggers)
    known: dict[str, bool] = {}  # each distinct word looked at once (N's first press on 100,000 words took 130 ms)
    out = []
    for a, b in zip(starts, ends):
        word = text[a:b]
        hit = known.get(word)
        if hit is None:
            hit = known[word] = phrase_key(word) in keys
        if hit:
            out.append((a, b))
    return out
