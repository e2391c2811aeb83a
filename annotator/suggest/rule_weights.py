"""The weights of the rule suggester's score: each candidate event carries its evidence as named terms (a small
feature vector: kinds of evidence, never words), and its score is their weighted sum, clamped to [0, 1].

``HAND`` are the weights written by hand (docs/suggestions.md, "Score"). The terms are summed in ``GROUPS`` order,
each group summed first and then added, so that the hand weights give exactly the scores of the formula they came
from (floating point sums depend on their order). ``bench/fit_rule_weights.py`` fits other weights to data and
measures them on articles they were not fitted on.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Mapping

from annotator.errors import SchemaError

# What the words around the trigger say (annotator/suggest/event_context.py), each sign a term of its own.
CONTEXT_TERMS = (
    "negated",  # "not", "no" in the clause
    "denied",  # what "denied" denies
    "future",  # "will"
    "modal",  # "could", "may", ...
    "irrealis",  # "plans to", "threatened to", "the right to", "called for talks", "plans an attack"
    "alternative",  # one of words joined by "or"
    "conditional",  # "if", "unless"
    "generic_det",  # "any", "every", "no", "such" attack
    "ongoing",  # "has been fighting": an activity going on over a stretch of time, not one occurrence
    "open_clause",  # "whether", "if", "unless", "lest" here or above: "would determine whether an attack caused it"
    "habitual",  # "militants sometimes throw grenades", "every Sunday", "as usual": what happens as a rule
    "unfulfilled",  # "had planned to pay", "had hoped to meet": an intention told in the past perfect (with irrealis)
)

# (term, hand weight) in the order the score adds them; a tuple of several is one group, summed on its own first
GROUPS: tuple[tuple[tuple[str, float], ...], ...] = (
    (("bias", 0.55), ("core", 0.1), ("cue", 0.08)),  # participants in core roles (up to 2), cue words (up to 2)
    tuple(
        (name, w)
        for name, w in zip(
            CONTEXT_TERMS, (-0.25, -0.25, -0.15, -0.2, -0.2, -0.15, -0.2, -0.15, -0.2, -0.25, -0.25, -0.25)
        )
    ),
    (("named", 0.05),),  # a named participant in a core role
    (("time", 0.05),),  # a Time argument the parse gives (not the sentence's nearest date): a specific event
    (("misfit_object", -0.15), ("misfit_subject", -0.1)),  # a noun no role takes as object / intransitive subject
    (("no_participant", -0.1),),  # no core participant, no place or time of its own
    (("bare_form", -0.1),),  # ... and a base-form verb, gerund, plural noun or adjective
    (("generic_noun", -0.1),),  # ... and a noun without a determiner
    (("known_event", -0.1),),  # ... and a possessive pronoun ("his death")
    (("form_VB", -0.1),),  # the word's tag
    (("form_VBG", -0.05),),
    (("form_NNS", -0.05),),
    (("modifier", -0.3),),  # a word describing a thing ("an investment company", "the dead soldier")
    (("listed", -0.3),),  # a noun in a list of things ("roadside bombs, snipers and hit-and-run attacks")
    (("weak", -0.05),),  # a weak trigger (a word with other common senses)
    (("later_mention", -0.1),),  # the same word and type suggested before, no core participant
    (("given", -0.1),),  # a bare noun where given information goes, after an event of its type
    (("definite_object", -0.1),),  # a definite noun object without participants, after an event of its type
    (("placeless_noun", -0.3),),  # a noun of a going (Origin, Destination) with neither, and under two roles
    (("placeless_verb", -0.3),),  # ... a base-form verb or gerund of a going with neither, and no cue of it
)
TERMS: tuple[str, ...] = tuple(name for group in GROUPS for name, _ in group)
HAND: dict[str, float] = {name: w for group in GROUPS for name, w in group}
CONTEXT_HAND: dict[str, float] = {name: -HAND[name] for name in CONTEXT_TERMS}  # as penalties (positive)


_ORDER = {name: (k, j) for k, group in enumerate(GROUPS) for j, (name, _) in enumerate(group)}
LINKS = ("clamp", "logistic")  # the hand weights' sum clamped to [0, 1], or a fitted logistic model's probability
FITTED = Path(__file__).with_name("rule_weights.json")  # fitted weights shipped as data, if any


def score(features: Mapping[str, float], weights: Mapping[str, float], link: str = "clamp") -> float:
    """The weighted sum of a candidate's terms (``bias`` is always 1), clamped to [0, 1] or through the logistic
    function; a term missing from ``features`` is 0."""
    total, group, part = 0.0, 0, weights["bias"]
    for name in sorted((n for n, x in features.items() if x), key=_ORDER.__getitem__):
        k = _ORDER[name][0]
        if k != group:  # a group's sum is added when the next group starts
            if part:
                total += part
            group, part = k, 0.0
        part += weights[name] * features[name]
    if part:
        total += part
    if link == "logistic":
        return 1.0 / (1.0 + math.exp(-total))
    return max(0.0, min(1.0, total))


def read_weights(path: Path) -> tuple[dict[str, float], str, float]:
    """Weights written by ``bench/fit_rule_weights.py``: (weights, link, threshold); a term they lack weighs 0."""
    data = json.loads(path.read_text(encoding="utf-8"))
    link = data.get("link", "clamp")
    if link not in LINKS:
        raise SchemaError(f"{path.name}: unknown link {link!r} (one of {', '.join(LINKS)})")
    unknown = set(data["weights"]) - set(TERMS)
    if unknown:
        raise SchemaError(f"{path.name}: unknown terms {', '.join(sorted(unknown))}")
    return {name: float(data["weights"].get(name, 0.0)) for name in TERMS}, link, float(data["threshold"])


HAND_THRESHOLD = 0.45
# the weights the suggester uses: fitted ones when shipped (read once, here), else the hand weights
WEIGHTS, LINK, THRESHOLD = read_weights(FITTED) if FITTED.exists() else (HAND, "clamp", HAND_THRESHOLD)
