"""Trigger words of a schema, compiled for matching on spaCy lemmas: one- and multi-word patterns per event type.

A schema writes triggers in any inflected form ("killed", "met", "took over"). Each word is turned into the set of
base forms it may have (a small English de-inflector plus the common irregular verbs), and a token matches a word
when its lowercase text or its lemma is one of them: "met", "meets" and "meeting" all match "meet" or "met".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.suggest.noun_classes import lemma_of

if TYPE_CHECKING:  # pragma: no cover: spaCy loads with the pipeline, not with this module
    from spacy.tokens import Token

    from annotator.schema import Schema

# irregular past forms and participles of verbs that name events (and their base forms)
IRREGULAR = {
    "met": "meet",
    "flew": "fly",
    "flown": "fly",
    "struck": "strike",
    "stricken": "strike",
    "took": "take",
    "taken": "take",
    "held": "hold",
    "sold": "sell",
    "bought": "buy",
    "wrote": "write",
    "written": "write",
    "won": "win",
    "fought": "fight",
    "shot": "shoot",
    "slain": "slay",
    "slew": "slay",
    "fled": "flee",
    "led": "lead",
    "sent": "send",
    "brought": "bring",
    "came": "come",
    "went": "go",
    "gone": "go",
    "left": "leave",
    "drove": "drive",
    "driven": "drive",
    "rode": "ride",
    "ridden": "ride",
    "spoke": "speak",
    "spoken": "speak",
    "told": "tell",
    "paid": "pay",
    "gave": "give",
    "given": "give",
    "lent": "lend",
    "beat": "beat",
    "beaten": "beat",
    "hit": "hit",
    "hurt": "hurt",
    "blew": "blow",
    "blown": "blow",
    "born": "bear",
    "bore": "bear",
    "wed": "wed",
    "split": "split",
    "quit": "quit",
    "fell": "fall",
    "fallen": "fall",
    "threw": "throw",
    "thrown": "throw",
    "stole": "steal",
    "stolen": "steal",
    "shut": "shut",
    "set": "set",
    "put": "put",
    "sought": "seek",
    "swore": "swear",
    "sworn": "swear",
    "ran": "run",
    "hung": "hang",
    "froze": "freeze",
    "frozen": "freeze",
    "tried": "try",
    "died": "die",
    "dying": "die",
    "lay": "lie",
    "dead": "dead",
    "chose": "choose",
    "chosen": "choose",
    "overthrew": "overthrow",
    "overthrown": "overthrow",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "arose": "arise",
}
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class Word:
    """One word of a trigger: the forms any token may have, and base forms only a verb may have.

    "phoned" matches the verb "phone" (any tense) but not the noun "phone"; a word written in the plural matches
    nouns only: "talks" (negotiations) is not the verb "talk" ("talked about the economy").
    """

    forms: frozenset[str]
    verb_forms: frozenset[str] = frozenset()
    noun_only: bool = False


def base_forms(word: str) -> Word:
    """The forms a trigger word may stand for: itself, and its plausible base forms (lemmas)."""
    w = word.lower()
    out = {w}
    verbal: set[str] = set()
    if w in IRREGULAR:
        verbal.add(IRREGULAR[w])
    if w.endswith("ied"):
        verbal.add(w[:-3] + "y")
    if w.endswith("ies"):
        out.add(w[:-3] + "y")
    if w.endswith("ing"):
        stem = w[:-3]
        verbal.update((stem, stem + "e"))
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            verbal.add(stem[:-1])
    if w.endswith("ed") and not w.endswith("ied"):
        stem = w[:-2]
        verbal.update((stem, w[:-1]))
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            verbal.add(stem[:-1])
    if w.endswith("es") and not w.endswith("ies"):
        out.add(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and not w.endswith("ies"):
        out.add(w[:-1])
    out = {c for c in out if len(c) >= 3 or c == w}
    plural = w.endswith("s") and not w.endswith("ss") and len(out) > 1 and not verbal
    return Word(frozenset(out), frozenset(c for c in verbal if len(c) >= 3) - out, plural)


@dataclass(frozen=True)
class Pattern:
    """One trigger of one event type: the base forms each of its words may take."""

    type: str
    words: tuple[Word, ...]
    phrase: str
    weak: bool = False  # counts only when the context supports the type (a cue word or a fitting argument)
    objects: tuple[str, ...] = ()  # counts only with an object of one of these kinds (the schema's object_triggers)
    figurative: bool = False  # also names the act done in words between people (the schema's figurative_triggers)

    @property
    def length(self) -> int:
        return len(self.words)


def token_forms(token: Token) -> tuple[str, str]:
    return token.lower_, lemma_of(token)


def matches(word: Word, token: Token) -> bool:
    lower, lemma = token_forms(token)
    if word.noun_only and token.pos_ not in ("NOUN", "PROPN"):
        return False
    if lower in word.forms or lemma in word.forms:
        return True
    return token.pos_ in ("VERB", "AUX") and lemma in word.verb_forms


class Lexicon:
    """Patterns of every event type, indexed by the forms of their first word."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.by_first: dict[str, list[Pattern]] = {}
        for p in patterns:
            for form in p.words[0].forms | p.words[0].verb_forms:
                bucket = self.by_first.setdefault(form, [])
                if p not in bucket:
                    bucket.append(p)
        for bucket in self.by_first.values():
            bucket.sort(key=lambda p: -p.length)

    @classmethod
    def from_schema(cls, schema: Schema) -> "Lexicon":
        patterns = []
        for t in schema.events:
            weak = set(getattr(t, "weak_triggers", ()))
            figurative = set(getattr(t, "figurative_triggers", ()))
            for phrase in list(t.triggers) + sorted(weak - set(t.triggers)):
                words = tuple(base_forms(w) for w in phrase.replace("-", " - ").split())
                if words:
                    patterns.append(Pattern(t.name, words, phrase, phrase in weak, figurative=phrase in figurative))
            for phrase, kinds in getattr(t, "object_triggers", ()):
                words = tuple(base_forms(w) for w in phrase.replace("-", " - ").split())
                if words:
                    patterns.append(Pattern(t.name, words, phrase, objects=kinds))
        return cls(patterns)

    def candidates_of_verb(self, word: str) -> list[Pattern]:
        """The patterns whose first word ``word`` may be as a verb by its shape, whatever the tagger took it for: read
        by the base forms of its lower case ("Attacked" is "attack", "Heading" "head"; "Attack" has no shape of a
        verb), longest first."""
        found: list[Pattern] = []
        for key in sorted(base_forms(word).verb_forms):
            for p in self.by_first.get(key, []):
                if p not in found:
                    found.append(p)
        return sorted(found, key=lambda p: -p.length)

    def candidates(self, token: Token) -> list[Pattern]:
        lower, lemma = token_forms(token)
        found = self.by_first.get(lower, []) + self.by_first.get(lemma, [])
        seen: list[Pattern] = []
        for p in found:
            if p not in seen and matches(p.words[0], token):
                seen.append(p)
        return seen
