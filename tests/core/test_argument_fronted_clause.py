"""A subject the parse ran into a fronted participle's clause (annotator/suggest/event_args.py,
``_after_fronted_clause``): in "Comparing this war to ..., rebel fighters and their allies attacked the town" the small
pipeline makes "Comparing" the verb's clausal subject and the fighters a conjunct of the city before the comma, so
the attack had no Attacker; the noun after the clause's last comma, hung on a word before it, is the subject."""

from __future__ import annotations

import pytest

from annotator.resources_path import resource_path
from annotator.schema import load_schema
from annotator.suggest.event_rules import RuleEventSuggester

TEXT = "Comparing this war to the recent war in the Libyan city of Sirte, rebel fighters and their allies attacked the town."


@pytest.mark.slow
def test_the_subject_after_a_fronted_participle_s_clause_is_the_attacker(nlp):
    doc = nlp(TEXT)
    assert [t.dep_ for t in doc if t.text in ("Comparing", "fighters")] == [
        "csubj",
        "conj",
    ]  # the premise: the misparse
    suggester = RuleEventSuggester(load_schema(resource_path("schemas/news.toml")))
    found = suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    (attack,) = [
        s for s in found if s.type == "Conflict:Attack" and TEXT[s.trigger_start : s.trigger_end] == "attacked"
    ]
    got = {(a.role, TEXT[a.start : a.end]) for a in attack.arguments}
    assert ("Target", "town") in got
    assert ("Attacker", "allies") in got  # of coordinated fillers of a role of one, the last (session 18)


@pytest.mark.slow
def test_a_participle_s_own_clause_before_its_subject_is_left_as_it_is(nlp):
    """A guard: where the parse reads the fronted clause as a clause, the subject is the verb's own."""
    text = "Citing the report, Syrian troops attacked the town."
    doc = nlp(text)
    suggester = RuleEventSuggester(load_schema(resource_path("schemas/news.toml")))
    (attack,) = suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    assert ("Attacker", "troops") in {(a.role, text[a.start : a.end]) for a in attack.arguments}
