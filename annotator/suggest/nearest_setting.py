"""The Place or Time of an event from its sentence when the parse gives none (and a role of the slot ``police``, the
police or the authorities named nearest): the nearest entity of a fitting label within NEAR_CHARS of the trigger, a Place only where it is named as where something happens ("in Kabul"), a Time
never a bare length of time nor one a clause the trigger is not in tells, and on the trigger's side of a headline run into the first sentence; and a document's
entities by sentence, which that looks through."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from weakref import WeakKeyDictionary
from typing import Any, Iterable, Sequence

from annotator.suggest.headlines import headline_end
from annotator.suggest.noun_classes import is_police, noun_kind
from annotator.suggest.time_spans import is_duration

NEAR_CHARS = 50  # a Place or Time further from the trigger is too often another event's
TIME_LABELS = ("DATE", "TIME")
_PLACES = ("GPE", "LOC", "FAC")
OTHER_CLAUSES = ("relcl", "advcl", "ccomp")  # a clause of its own verb: what it says of a place or a time is its own
SETTING_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "on", "within"}


class SentenceEntities:
    """A document's entities by sentence, each sentence's in the order given: what ``fill_roles`` looks through for
    the nearest Place or Time (all of a document's entities for each role looked for made a long document's cost
    grow with the square of its length). One per document: sentences are told apart by their offsets."""

    def __init__(self, entities: Sequence[tuple[int, int, str]]) -> None:
        self._entities = entities
        self._order = sorted(range(len(entities)), key=lambda i: entities[i][0])
        self._starts = [entities[i][0] for i in self._order]
        self._of: dict[tuple[int, int], list[tuple[int, int, str]]] = {}

    def of(self, sentence: Any) -> list[tuple[int, int, str]]:
        """The entities within ``sentence`` (a Span), in the order given."""
        lo, hi = sentence.start_char, sentence.end_char
        got = self._of.get((lo, hi))
        if got is None:
            within = self._order[bisect_left(self._starts, lo) : bisect_right(self._starts, hi)]
            got = self._of[lo, hi] = [self._entities[i] for i in sorted(within) if self._entities[i][1] <= hi]
        return got


def takes_times(role: Any) -> bool:
    """Whether a role takes only times (the schema's Time, or a role of one's own with DATE/TIME labels)."""
    return bool(role.labels) and set(role.labels) <= set(TIME_LABELS)


def nearest(
    sentence: Any,
    entities: Iterable[tuple[int, int, str]],
    labels: list[str],
    trigger: tuple[int, int],
    used: set[tuple[int, int]],
    setting: bool = False,
) -> tuple[int, int, str] | None:
    """The entity of ``labels`` nearest the trigger in the sentence (within NEAR_CHARS); with ``setting``, only one
    named as where something happens ("in Kabul"), not a party ("Syria said", "India's opposition")."""
    entities = list(entities)
    lo, hi = side_of_headline(sentence, entities, trigger)
    best = None
    for s, e, lab in entities:
        if lab not in labels or s < lo or e > hi or (s, e) in used:
            continue
        if s < trigger[1] and trigger[0] < e:  # "an airstrike 10 days ago" (a DATE): the trigger is no time of itself
            continue
        dist = trigger[0] - e if e <= trigger[0] else s - trigger[1]
        if dist > NEAR_CHARS:  # first: the tests below read the parse
            continue
        if setting and not _is_setting(sentence.doc, s, e):
            continue
        if in_another_clause(sentence.doc, s, e, trigger):
            continue
        if set(labels) <= set(TIME_LABELS) and is_duration(sentence.doc, s, e):
            continue  # "ended a trial that lasted almost two years": the trial's length is no time of the ending
        if best is None or dist < best[0]:
            best = (dist, (s, e, lab))
    return best[1] if best else None


# each Doc's headline end (a pass over its first line's words), once a document: a trigger's roles ask for it for each
# type the trigger may be; weakly held, so no Doc is kept alive by it
_HEADLINE_ENDS: WeakKeyDictionary = WeakKeyDictionary()


def _headline_end(doc: Any) -> int:
    top = _HEADLINE_ENDS.get(doc)
    if top is None:
        top = _HEADLINE_ENDS[doc] = headline_end(doc)
    return top


def side_of_headline(
    sentence: Any, entities: Sequence[tuple[int, int, str]], trigger: tuple[int, int]
) -> tuple[int, int]:
    """The part of ``sentence`` (its character offsets) on the trigger's side of a title-case headline the first
    sentence ran into ("Tensions Rise in Baghdad Protesters marched on Monday": the march's place is none the
    headline names; `headlines.headline_end`), the whole sentence where there is none. The headline's end is told by
    a capitalised word alone: a name of ``entities`` across it begins the sentence ("... Policy The United States")."""
    lo, hi = sentence.start_char, sentence.end_char
    top = _headline_end(sentence.doc)
    if sentence.start < top < sentence.end:
        cut = sentence.doc[top].idx
        cut = min([cut] + [s for s, e, _ in entities if s < cut < e])
        if lo < cut:
            return (lo, cut) if trigger[0] < cut else (cut, hi)
    return lo, hi


def on_topic(prep: str, label: str) -> bool:
    """Whether a place of ``label`` after the preposition ``prep`` is what the event is about, not where it happens:
    a country or a city "on" ("talks on Syria", "a meeting on Ukraine"): one is in a country, on a street, an island or
    a border."""
    return prep == "on" and label == "GPE"


def _is_setting(doc: Any, start: int, end: int) -> bool:
    """Whether the span is a place something happens in: the object of a locative preposition ("in Aleppo"), or a
    name beside one ("in Jalalabad, Afghanistan")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in ("appos", "conj", "compound", "npadvmod") and tok.head.i != tok.i:
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and noun_kind(tok.head) not in _PLACES:
            return False  # "received $1 billion in U.S. aid", "died in U.S. custody": a name in front of a thing
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPS


def in_another_clause(doc: Any, start: int, end: int, trigger: tuple[int, int]) -> bool:
    """Whether the span lies in a relative, adverbial or complement clause the trigger is not in: that clause's
    setting, not the trigger's ("Kerry, who arrived in Cairo on Sunday, met Sisi": where and when he arrived; "met the
    families before he flew to Berlin on Friday": when he flew)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ not in OTHER_CLAUSES:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    first, last = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return not (first <= trigger[0] and trigger[1] <= last)


def nearest_police(sentence: Any, trigger: tuple[int, int], lo: int, hi: int) -> Any | None:
    """The noun naming the police or the authorities nearest the trigger in ``sentence`` (within NEAR_CHARS, between
    the character offsets ``lo`` and ``hi``), or None: who arrested someone where the parse ties no one to the arrest
    ("escorted by an armed police officer following his arrest", "taken into custody after a shootout with police")."""
    best = None
    for tok in sentence:
        if not is_police(tok) or tok.idx < lo or tok.idx >= hi or trigger[0] <= tok.idx < trigger[1]:
            continue
        end = tok.idx + len(tok.text)
        dist = trigger[0] - end if end <= trigger[0] else tok.idx - trigger[1]
        if dist <= NEAR_CHARS and (best is None or dist < best[0]):
            best = (dist, tok)
    return best[1] if best else None
