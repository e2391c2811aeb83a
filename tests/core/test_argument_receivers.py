"""The one who receives or gets what a noun trigger names ("the families received compensation from the state"): the
subject of "receive" or "get" is the Recipient of the transfer, the verb's "from" phrase its Giver
(annotator/suggest/noun_frame.py, slot ``~receiver``: read as no evidence of the trigger, so no trigger is added or
lost by it)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _roles(nlp, text: str, kind: str = "Transaction:Transfer-Money") -> set[tuple[str, str]]:  # noqa: ANN001
    (event,) = [s for s in suggested_events(nlp, text) if s.type == kind]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_who_receives_a_payment_is_its_recipient_and_the_from_its_giver(nlp):
    got = _roles(nlp, "The families received compensation from the state.")
    assert ("Recipient", "families") in got and ("Giver", "state") in got, got
    assert ("Giver", "families") not in got, got


@pytest.mark.slow
def test_who_condemns_a_payment_is_no_recipient(nlp):
    """A guard: the subject of another verb is someone speaking of the transfer, not given it."""
    got = _roles(nlp, "The opposition condemned the $5 million payment to the militants.")
    assert not any(text == "opposition" for _, text in got), got


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "recipient", "giver"),
    [
        ("The minister accepted a bribe from a businessman.", "minister", "businessman"),
        ("The senator accepted a donation of $5,000 from a lobbyist.", "senator", "lobbyist"),
    ],
)
def test_who_accepts_a_payment_is_its_recipient(nlp, text, recipient, giver):
    """Who accepts a bribe or a donation is given it, as who receives it is ("accept" a verb of getting:
    ``noun_frame.GETTING_VERBS``, session 43), the "from" phrase its Giver."""
    got = _roles(nlp, text)
    assert ("Recipient", recipient) in got and ("Giver", giver) in got, got


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "host", "guest"),
    [
        ("The king received the envoy at his palace in Riyadh.", "king", "envoy"),
        ("Pope Francis received the Argentine president at the Vatican on Monday.", "Francis", "president"),
    ],
)
def test_who_receives_a_visitor_meets_them(nlp, text, host, guest):
    """ACE's Meet has both parties as Entity: who receives a visitor hosts them, the verb's subject as any verb's (not
    the ``receiver`` of a thing given; ``event_args``, session 43), the one received the other."""
    got = _roles(nlp, text, "Contact:Meet")
    assert ("Entity", host) in got and ("Entity", guest) in got, got
