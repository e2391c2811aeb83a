"""A pronoun is a party of a call (ACE: pronouns are entity mentions, and a Phone-Write needs two parties specified):
the subject of the verb a call is told "in" ("He told his mother in a phone call") or of a verb of doing it ("They held
a phone call with the prime minister") counts as one, though no role takes the pronoun itself (the project's entity
spans and its hand-written gold leave pronouns out: the filler is what a pronoun stands for in the sentence, where the
sentence names it). ``trigger_clues.PARTY_SLOTS``. And the "to" the parse takes for a verb's dative is the "to" phrase
of the noun that verb governs ("gave compensation to the victims": its Recipient; ``frame_preps.dative_to``)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _events(nlp, text: str, kind: str) -> list[set[tuple[str, str]]]:  # noqa: ANN001
    return [
        {(a.role, text[a.start : a.end]) for a in s.arguments} for s in suggested_events(nlp, text) if s.type == kind
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("He told his mother in a phone call that he was safe.", "mother"),
        ("She told reporters in a telephone call that she would resign.", "reporters"),
        ("They held a phone call with the prime minister.", "minister"),
        ("He had a phone conversation with Merkel.", "Merkel"),
    ],
)
def test_a_pronoun_subject_is_a_party_of_the_call(nlp, text, other):
    (got,) = _events(nlp, text, "Contact:Phone-Write")
    assert ("Entity", other) in got, got
    assert not any(words.lower() in ("he", "she", "they") for _, words in got), got  # no pronoun as a filler


@pytest.mark.slow
def test_a_call_with_one_party_named_stays_none(nlp):
    """A guard: "confirmed in an email" names no second party, a pronoun or not (ACE's two parties)."""
    assert _events(nlp, "The ministry confirmed the figures in an email.", "Contact:Phone-Write") == []


@pytest.mark.slow
def test_the_parse_s_dative_to_is_the_noun_s_to_phrase(nlp):
    text = "The government gave compensation to the victims."
    (got,) = _events(nlp, text, "Transaction:Transfer-Money")
    assert ("Recipient", "victims") in got and ("Giver", "government") in got, got
