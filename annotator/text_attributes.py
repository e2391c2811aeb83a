"""What the text says about a new event's attributes (tense, polarity, modality) just before its trigger, or, for a
noun trigger, in the verb right after it: the cues a key's new event starts with (``attribute_cues``)."""

from __future__ import annotations

import re

from annotator.keyflow import IRREGULAR_FORMS
from annotator.rules import takes_value
from annotator.schema import Schema

_FUTURE = {"will", "shall", "'ll", "going"}
_OTHER_MODALITY = {
    "will",
    "shall",
    "would",
    "could",
    "may",
    "might",
    "can",
    "should",
    "must",
    "expected",
    "planned",
    "plan",
    "plans",
    "hope",
    "hopes",
    "upcoming",
    "impending",
    "planning",
    "intends",
    "intend",
    "likely",
    "possible",
    "proposed",
    "would-be",
}
_NEGATION = {"not", "n't", "never", "no", "without"}
_PERFECT = {"has", "have", "had", "was", "were"}


def attribute_cues(
    schema: Schema, text: str, trigger_start: int, trigger_end: int, sentence_start: int = 0
) -> dict[str, str]:
    """Attributes of a new event from what the text says just before its trigger (in its sentence); where the
    text says nothing, ``Unspecified`` when the attribute has that value, else the schema's default."""
    before = [
        w.lower() for w in re.findall(r"\w+|n't|'ll", text[max(sentence_start, trigger_start - 60) : trigger_start])
    ]
    near = before[-4:]
    trig = text[trigger_start:trigger_end].lower()
    future = any(w in _FUTURE for w in near) or any(w == "upcoming" or w == "impending" for w in near)
    negated = any(w in _NEGATION for w in near[-3:])
    other = any(w in _OTHER_MODALITY for w in near)
    past = (not future and (trig.endswith("ed") or trig in IRREGULAR_FORMS) and not near[-1:] == ["to"]) or (
        bool(near) and near[-1] in _PERFECT and trig.endswith("ed")
    )
    present = not future and not past and bool(near) and near[-1] in ("is", "are") and trig.endswith("ing")
    if not (future or past or present):  # a noun trigger's tense is its verb's, told after it
        future, past, present = _tense_after(text, trigger_end)
    cues: dict[str, str] = {}
    if future:
        cues["tense"] = "Future"
    elif past:
        cues["tense"] = "Past"
    elif present:
        cues["tense"] = "Present"
    if negated:
        cues["polarity"] = "Negative"
    if other:
        cues["modality"] = "Other"
    out: dict[str, str] = {}
    for attr in schema.attributes:
        value = cues.get(attr.name)
        if value is None or not takes_value(attr, value):
            value = "Unspecified" if takes_value(attr, "Unspecified") else attr.default
        out[attr.name] = value
    return out


_ARRANGED = {"planned", "scheduled", "expected", "due", "set", "slated"}


def _tense_after(text: str, trigger_end: int) -> tuple[bool, bool, bool]:
    """(future, past, present) as the verb right after a noun trigger says it, in its sentence: "The strike took
    place", "the meeting was held" (past), "the talks will resume", "protests are planned" (future), "the fighting is
    spreading" (present); nothing when the next word is no verb of these kinds."""
    clause = re.split(r"[.;:!?\n]", text[trigger_end : trigger_end + 60], maxsplit=1)[0]
    after = [w.lower() for w in re.findall(r"\w+|n't|'ll", clause)][:2]
    if not after:
        return False, False, False
    first, second = after[0], (after[1] if len(after) > 1 else "")
    if first in _FUTURE or (first in ("is", "are") and second in _ARRANGED):
        return True, False, False
    if first in ("is", "are") and second.endswith("ing"):
        return False, False, True
    if first in ("was", "were", "had") or first in IRREGULAR_FORMS or (first.endswith("ed") and len(first) > 4):
        return False, True, False
    return False, False, False
