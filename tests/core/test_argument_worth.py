"""What a thing given or sold is worth ("a loan worth $3 billion to India", "sold weapons worth $1 billion"): the sum is
the transfer's Money or the sale's Price, and the phrases the parse hangs on "worth" are the noun's (annotator/suggest/
noun_frame.py and event_args.py, slot ``worth``, a role of Money and Price in ``role_slots``)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _roles(nlp, text: str, kind: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(a.role, text[a.start : a.end]) for s in suggested_events(nlp, text) if s.type == kind for a in s.arguments}


@pytest.mark.slow
def test_what_a_loan_is_worth_is_its_money_and_to_whom_its_recipient(nlp):
    got = _roles(nlp, "Japan announced a loan worth $3 billion to India.", "Transaction:Transfer-Money")
    assert ("Money", "$3 billion") in got and ("Recipient", "India") in got, got


@pytest.mark.slow
def test_what_weapons_sold_are_worth_is_the_sale_s_price(nlp):
    got = _roles(nlp, "Russia sold weapons worth $1 billion to Egypt.", "Transaction:Transfer-Ownership")
    assert ("Price", "$1 billion") in got, got
