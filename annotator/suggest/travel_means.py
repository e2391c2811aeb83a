"""How one goes: "fled by car", "arrived by train in Munich", "traveled by boat to Lesbos". The parse reads the "by"
of an active verb as a passive's doer (spaCy's ``agent``), so the vehicle named filled no role (ACE's Vehicle takes
the "by" phrase, the Agent a passive's doer), and it hangs the verb's place on the vehicle ("by train in Munich"),
where no role of the verb reads it."""

from __future__ import annotations

from typing import Any

from annotator.suggest.frame_preps import preps
from annotator.suggest.noun_classes import lemma_of, noun_kind

# verbs of going that take no object, so have no passive: their "by" is never who did it ("Migrants traveled by boat",
# which the parse may make a participle of the noun)
SELF_GOINGS = frozenset(("travel", "arrive", "depart", "journey", "migrate", "emigrate", "immigrate", "go", "come"))
WHERE_WORDS = ("prep:to", "prep:into", "prep:toward", "prep:towards", "prep:in", "prep:at", "prep:from")


def means_of_travel(verb: Any, pairs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """``pairs`` (the verb's own slots) with a vehicle after the "by" of an active verb read as the means
    (``prep:by``, not ``agent``), and the place phrases the parse hung on that vehicle read as the verb's."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if passive or (verb.tag_ == "VBN" and lemma_of(verb) not in SELF_GOINGS):
        return pairs
    out: list[tuple[str, Any]] = []
    for slot, tok in pairs:
        if slot == "agent" and noun_kind(tok) == "PRODUCT":
            out.append(("prep:by", tok))
            out += [(s, g) for s, g in preps(tok) if s in WHERE_WORDS]
        elif slot == "prep:by" and noun_kind(tok) == "PRODUCT":
            out.append((slot, tok))
            out += [(s, g) for s, g in preps(tok) if s in WHERE_WORDS]
        else:
            out.append((slot, tok))
    return out


# nouns of going whose doer goes itself: their "by" phrase names who (or what) goes ("a visit by President Obama",
# "regular visits by Russian naval ships": ACE's Artifact, the one moved), unless it is a bare vehicle ("arrival by boat")
SELF_GOING_NOUNS = frozenset(
    ("visit", "tour", "trip", "journey", "voyage", "arrival", "departure", "return", "stopover", "pilgrimage")
)


def goers(noun: Any, pairs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """The one a noun of going (``SELF_GOING_NOUNS``) says goes, from its "by" phrase in ``pairs`` (slot ``goer``,
    read before the phrase itself; a bare vehicle, "by boat", is the means and none)."""
    if lemma_of(noun) not in SELF_GOING_NOUNS:
        return []
    return [("goer", g) for s, g in pairs if s == "prep:by" and not _bare_vehicle(g)]


def _bare_vehicle(tok: Any) -> bool:
    """Whether the noun is a vehicle told with no word before it ("by boat", "by air"): the means, not who goes."""
    return not any(c.i < tok.i for c in tok.children) and (noun_kind(tok) == "PRODUCT" or tok.lower_ in ("air", "sea"))
