"""The one given to, told as a name between the verb of giving and a sum ("The bank lent Greece 10 billion euros"):
the parse reads the name as a modifier of the sum; it is the verb's indirect object, the Recipient, as in "gave
Ukraine $500 million" (annotator/suggest/indirect_objects.py, read by event_args as slot ``dative``)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_roles


def _roles(nlp, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return suggested_roles(nlp, text, "Transaction:Transfer-Money")


@pytest.mark.slow
def test_a_name_before_a_sum_lent_is_its_recipient(nlp):
    got = _roles(nlp, "The bank lent Greece 10 billion euros.")
    assert ("Recipient", "Greece") in got and ("Giver", "bank") in got, got


@pytest.mark.slow
def test_a_place_of_the_sum_is_no_recipient(nlp):
    got = _roles(nlp, "The company paid 10 million euros in Greece.")
    assert ("Recipient", "Greece") not in got, got


@pytest.mark.slow
def test_a_name_right_before_a_sum_given_is_its_recipient(nlp):
    got = _roles(nlp, "Russia has given Syria billions of dollars in loans.")
    assert ("Recipient", "Syria") in got and ("Money", "billions of dollars") in got, got
