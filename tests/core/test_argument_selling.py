"""Who sells is the Seller and whom to the Buyer ("Russia sold weapons to Egypt": Russia was the Buyer, the subject slot
being the Buyer's for any verb of Transaction:Transfer-Ownership): a verb of selling's subject, its passive's "by" and
the subject of a verb governing it are the Seller's, its "to" phrase the Buyer's (``role_slots.SELLING_SLOTS``, read by
``event_args.frame``)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _roles(nlp, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    (event,) = [s for s in suggested_events(nlp, text) if s.type == "Transaction:Transfer-Ownership"]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_who_sells_is_the_seller_and_whom_to_the_buyer(nlp):
    got = _roles(nlp, "Russia sold weapons to Egypt.")
    assert ("Seller", "Russia") in got and ("Buyer", "Egypt") in got and ("Buyer", "Russia") not in got, got


@pytest.mark.slow
def test_by_whom_a_thing_is_sold_is_the_seller(nlp):
    got = _roles(nlp, "The weapons were sold to Iraq by a Belgian firm.")
    assert ("Seller", "Belgian firm") in got and ("Buyer", "Iraq") in got, got


@pytest.mark.slow
def test_who_buys_stays_the_buyer(nlp):
    """A guard: a verb of buying's subject is the Buyer, its "from" the Seller, as before."""
    got = _roles(nlp, "Egypt bought fighter jets from France.")
    assert ("Buyer", "Egypt") in got and ("Seller", "France") in got, got
