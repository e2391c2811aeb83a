"""A verb told in the passive under another ("were filmed being shot", "avoided being arrested", "hope to be paid",
"were accused of being bribed") shares the other's subject as the one it is done to, not as its doer: the rule
suggester read that shared subject as the doer ("men filmed being shot dead": the men the Attacker; events-dev has one
such sentence, half B, unmarked), and lost the "by" phrase's doer beside it. ACE: the one shot is the Target, the one
paid the Recipient; where the governing verb has an object, that object ("ordered the prisoners to be shot")
(``event_args._done_to_under``, session 42). Made-up sentences of
``tests/data/news_sentences.jsonl``'s session 42 rows."""

from __future__ import annotations

import pytest

from annotator.nlp import pipeline_entities
from spacy_support import news_suggester


def _roles(nlp, text: str, kind: str) -> set[tuple[str, str]]:  # noqa: ANN001
    doc = nlp(text)
    (event,) = [e for e in news_suggester().suggest(doc, pipeline_entities(doc)) if e.type == kind]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "wanted"),
    [
        (
            "Two journalists were filmed being beaten by soldiers in the capital.",
            "Conflict:Attack",
            {("Target", "journalists"), ("Attacker", "soldiers")},
        ),
        ("The men were filmed being shot dead.", "Conflict:Attack", {("Target", "men")}),
        ("The general ordered the prisoners to be shot.", "Conflict:Attack", {("Target", "prisoners")}),
        (
            "Several soldiers were reported to have been attacked by a mob in the market.",
            "Conflict:Attack",
            {("Target", "soldiers"), ("Attacker", "mob")},
        ),
        (
            "The farmers hope to be paid by the government before the harvest.",
            "Transaction:Transfer-Money",
            {("Recipient", "farmers"), ("Giver", "government")},
        ),
        (
            "Local officials were accused of being bribed by the company.",
            "Transaction:Transfer-Money",
            {("Recipient", "officials"), ("Giver", "company")},
        ),
    ],
)
def test_a_passive_under_another_verb_is_done_to_their_subject(nlp, text, kind, wanted):
    assert _roles(nlp, text, kind) == wanted


@pytest.mark.slow
def test_an_active_verb_under_another_keeps_its_subject_the_doer(nlp):
    """Guards: "were seen attacking", "tried to attack", "accused of paying": the shared subject does it."""
    assert _roles(nlp, "The militants were seen attacking a police station.", "Conflict:Attack") == {
        ("Attacker", "militants"),
        ("Target", "police station"),
    }
    assert ("Attacker", "rebels") in _roles(nlp, "The rebels tried to attack the airport.", "Conflict:Attack")
    assert ("Attacker", "Police") in _roles(nlp, "Police were filmed beating a protester.", "Conflict:Attack")
