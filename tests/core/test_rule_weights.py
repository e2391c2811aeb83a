"""The rule suggester's score as named terms (annotator/suggest/rule_weights.py): the hand weights give exactly the
scores of the hand-written formula they replaced, and other weights change the scores, not the evidence."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from annotator.errors import SchemaError
from annotator.schema import load_schema
from annotator.resources_path import resource_path
from annotator.suggest import rule_weights
from annotator.suggest.event_rules import RuleEventSuggester
from annotator.suggest.rule_weights import CONTEXT_TERMS, HAND, TERMS, read_weights, score

ROOT = Path(__file__).resolve().parents[2]
NEWS = resource_path("schemas/news.toml")
SEED = ROOT / "seeds" / "000_c5086996ec44ef81.txt"
_CONTEXT = {"negated": 0.25, "denied": 0.25, "future": 0.15, "modal": 0.2, "irrealis": 0.2, "alternative": 0.15}
_CONTEXT |= {"conditional": 0.2, "generic_det": 0.15, "ongoing": 0.2}  # "ongoing": session 17
_CONTEXT |= {"open_clause": 0.25}  # session 20
_CONTEXT |= {"habitual": 0.25}  # session 23
_CONTEXT |= {"unfulfilled": 0.25}  # session 43
_FORMS = {"VB": 0.1, "VBG": 0.05, "NNS": 0.05}


def formula(t: dict) -> float:
    """The score as event_rules.py wrote it by hand before it was split into terms (fifth round's code)."""
    penalty = 0.0
    for sign in CONTEXT_TERMS:
        if t.get(sign):
            penalty += _CONTEXT[sign]
    s = 0.55 + 0.1 * min(t.get("core", 0), 2) + 0.08 * min(t.get("cue", 0), 2) - penalty
    if t.get("named"):
        s += 0.05
    if t.get("time"):
        s += 0.05
    s -= 0.15 * t.get("misfit_object", 0) + 0.1 * t.get("misfit_subject", 0)
    if t.get("no_participant"):
        s -= 0.1
        if t.get("bare_form"):
            s -= 0.1
    if t.get("generic_noun"):
        s -= 0.1
    if t.get("known_event"):
        s -= 0.1
    s -= next((_FORMS[f] for f in _FORMS if t.get(f"form_{f}")), 0.0)
    if t.get("modifier"):  # 0.2 until session 25
        s -= 0.3
    if t.get("listed"):  # session 26
        s -= 0.3
    if t.get("weak"):
        s -= 0.05
    if t.get("later_mention"):
        s -= 0.1
    if t.get("given"):
        s -= 0.1
    elif t.get("definite_object"):
        s -= 0.1
    if t.get("placeless_noun"):  # session 24
        s -= 0.3
    if t.get("placeless_verb"):  # session 28
        s -= 0.3
    return max(0.0, min(1.0, s))


def _random_terms(rng: random.Random) -> dict:
    t: dict = {"core": rng.choice((0, 1, 2)), "cue": rng.choice((0, 1, 2))}
    for name in TERMS[3:]:
        if rng.random() < 0.3:
            t[name] = 1
    forms = [f for f in ("form_VB", "form_VBG", "form_NNS") if t.pop(f, None)]
    if forms:  # one tag per word
        t[forms[0]] = 1
    if t.get("given"):
        t.pop("definite_object", None)
    if not t.get("no_participant"):
        t.pop("bare_form", None)
    if t.get("placeless_noun"):  # a noun's or a verb's, never both
        t.pop("placeless_verb", None)
    return t


def test_hand_weights_give_the_hand_formula_bit_for_bit():
    rng = random.Random(7)
    for _ in range(20000):
        t = _random_terms(rng)
        assert score(t, HAND) == formula(t), t  # exact: the same sums in the same order


@pytest.mark.slow
def test_every_candidate_of_a_seed_document_scores_as_the_formula(nlp):
    suggester = RuleEventSuggester(load_schema(NEWS))
    suggester.trace = []
    doc = nlp(SEED.read_bytes().decode("utf-8"))
    suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    assert len(suggester.trace) >= 18
    assert {k for *_, terms, _ in suggester.trace for k, v in terms.items() if v} >= {"core", "named", "weak"}
    for _type, _start, _end, terms, got in suggester.trace:
        assert set(terms) <= set(TERMS)
        assert got == formula(terms), terms


def test_weights_weigh_kinds_of_evidence_not_words(nlp):
    """Other weights move the scores of the same candidates (the same evidence), and the threshold decides."""
    schema = load_schema(NEWS)
    text = "Rebels attacked the town on Monday. Police arrested two men in Cairo."
    doc = nlp(text)
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    hand = RuleEventSuggester(schema).suggest(doc, ents)
    louder = dict(HAND, core=0.2)
    other = RuleEventSuggester(schema, weights=louder).suggest(doc, ents)
    assert [(e.type, e.trigger_start) for e in hand] == [(e.type, e.trigger_start) for e in other]
    assert all(o.score > h.score or o.score == 1.0 for h, o in zip(hand, other))
    assert RuleEventSuggester(schema, weights=dict(HAND, bias=0.0)).suggest(doc, ents) == []


def test_shipped_weights_name_every_term_and_their_provenance():
    path = Path(rule_weights.__file__).with_name("rule_weights.json")
    if not path.exists():  # the hand weights are in use: nothing shipped
        assert rule_weights.WEIGHTS is HAND
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(TERMS)
    assert {"script", "date", "data", "two_fold"} <= set(data["provenance"])


def test_weights_file_is_read_with_its_link_and_threshold_and_unknown_terms_refused(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"link": "logistic", "threshold": 0.3, "weights": {"bias": -1.0, "core": 2.0}}))
    weights, link, threshold = read_weights(path)
    assert (link, threshold, weights["core"], weights["modifier"]) == ("logistic", 0.3, 2.0, 0.0)
    assert score({"core": 1}, weights, link) > 0.7 > 0.3 > score({}, weights, link)
    path.write_text(json.dumps({"threshold": 0.3, "weights": {"bias": 0.5, "lemma=attack": 1.0}}))
    with pytest.raises(SchemaError, match="lemma=attack"):
        read_weights(path)
