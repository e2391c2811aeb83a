"""Whom a sum is given for ("Donors pledged $2 billion for Syrian refugees"): the parse hangs the verb's "for" on the
sum, its object; the "for" of a sum given is the transfer's Beneficiary (annotator/suggest/event_args.py, slot
``~prep:for``: no evidence of the trigger)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _roles(nlp, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    (event,) = [s for s in suggested_events(nlp, text) if s.type == "Transaction:Transfer-Money"]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_whom_a_sum_is_pledged_for_is_the_beneficiary(nlp):
    got = _roles(nlp, "Donors pledged $2 billion for Syrian refugees.")
    assert ("Beneficiary", "refugees") in got and ("Giver", "Donors") in got, got


@pytest.mark.slow
def test_the_to_of_a_payment_stays_the_recipient(nlp):
    """A guard: the one paid is the Recipient, no Beneficiary."""
    got = _roles(nlp, "The United States paid $5 million to the Taliban.")
    assert ("Recipient", "Taliban") in got and not any(r == "Beneficiary" for r, _ in got), got
