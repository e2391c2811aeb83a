"""Who claims responsibility for an act did it, as far as a reader is told ("Islamic State claimed responsibility for
the attack on the police station", "The Taliban took responsibility for the bombing in Kabul"): the subject of a verb
of owning up is the Attacker of the act its "responsibility for" names; not of one it denies (annotator/suggest/
noun_frame.py, ``_claimed_by``, slot ``gov_subj``)."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers


def _attackers(nlp, text: str) -> set[str]:  # noqa: ANN001
    return role_fillers(nlp, text, "Conflict:Attack", "Attacker")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Boko Haram claimed responsibility for the attack on the police station in Maiduguri.", "Boko Haram"),
        ("The Taliban took responsibility for the bombing in Kabul.", "Taliban"),
        ("Al-Shabab has claimed responsibility for Saturday's attack on a hotel in Mogadishu.", "Al-Shabab"),
    ],
)
def test_who_claims_an_attack_is_its_attacker(nlp, text, attacker):
    got = _attackers(nlp, text)
    assert any(attacker in g for g in got), got


@pytest.mark.slow
def test_who_denies_an_attack_is_not(nlp):
    got = _attackers(nlp, "Israel denied responsibility for the airstrike in Gaza.")
    assert not any("Israel" in g for g in got), got
