"""An adjective of the outcome right after its verb ("Soldiers shot dead two protesters"): said of the verb's object,
as "left 55 civilians dead" is, not of its subject (annotator/suggest/event_args.py, ``frame``: the parse may hang
"dead" on the verb as a clause of its own, and the chain rule gave the Die the shooters as Victim)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_roles


def _die(nlp, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return suggested_roles(nlp, text, "Life:Die")


@pytest.mark.slow
def test_who_is_shot_dead_is_the_victim_and_who_shoots_the_agent(nlp):
    got = _die(nlp, "Soldiers shot dead two protesters during a rally in Conakry, Guinea.")
    assert ("Victim", "protesters") in got and ("Victim", "Soldiers") not in got, got
    assert ("Agent", "Soldiers") in got, got


@pytest.mark.slow
def test_who_dies_in_a_passive_is_still_its_subject(nlp):
    got = _die(nlp, "A policeman was shot dead during an operation in the town.")
    assert ("Victim", "policeman") in got, got
