"""Who did it to whom told in the passive: a named person as the passive subject and a named party in the "by"
phrase ("Obama was greeted by Abe at the airport", "Erdogan was received by Putin"), the same two parties the active
gives ("Abe greeted Obama", which ``trigger_clues.named_subject_and_object`` reads). A word with other senses told so
has its support as the active has. Read from the parse and the entity labels; no word of any development text."""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.trigger_clues import NON_CORE
from annotator.suggest.types import ArgumentSuggestion

_BY_SLOTS = ("agent", "prep:by")  # the doer of a passive verb, as the frame names its slot


def named_passive_pair(pairs: Sequence[tuple[str, Any]], args: Sequence[ArgumentSuggestion]) -> bool:
    """A passive subject the NER names a PERSON and a named doer after "by" taken as a participant (a role's filler
    named by the NER, score >= 0.8), two different parties: "Obama was greeted by Abe"; not "Obama was greeted by
    cheering crowds" (no name), nor "the governor was greeted by the mayor" (no name: the active needs them too)."""
    undergoing = [t for slot, t in pairs if slot == "subjpass" and t.ent_type_ == "PERSON"]
    if not undergoing:
        return False
    doers = [
        a
        for slot, t in pairs
        if slot in _BY_SLOTS
        for a in args
        if a.start <= t.idx < a.end and a.score >= 0.8 and a.role not in NON_CORE
    ]
    return any(not (a.start <= u.idx < a.end) for a in doers for u in undergoing)
