"""A noun trigger in the "of" phrase of a noun naming the acts as a whole ("waged a campaign of bombings", "held a new
round of talks", "mounted a series of attacks") is done by the one who does the whole: the verb of doing the whole
names the trigger's doer, as "waged attacks" names the attackers (``noun_frame._whole_of``, session 43)."""

from __future__ import annotations

import pytest

from annotator.nlp import pipeline_entities
from spacy_support import news_suggester


def _events(nlp, text: str, kind: str) -> list[set[tuple[str, str]]]:  # noqa: ANN001
    doc = nlp(text)
    return [
        {(a.role, text[a.start : a.end]) for a in e.arguments if a.role != "Time"}
        for e in news_suggester().suggest(doc, pipeline_entities(doc))
        if e.type == kind
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "role", "doer"),
    [
        ("The militia waged a campaign of bombings against the army.", "Conflict:Attack", "Attacker", "militia"),
        ("Israel launched a campaign of airstrikes on Gaza.", "Conflict:Attack", "Attacker", "Israel"),
        ("Rebels mounted a series of attacks on army posts.", "Conflict:Attack", "Attacker", "Rebels"),
        ("The senator led a campaign of protests against the new law.", "Conflict:Demonstrate", "Entity", "senator"),
        ("A new round of talks was held by the two governments in Vienna.", "Contact:Meet", "Entity", "governments"),
    ],
)
def test_the_doer_of_the_whole_does_each_act(nlp, text, kind, role, doer):
    (roles,) = _events(nlp, text, kind)
    assert (role, doer) in roles


@pytest.mark.slow
def test_one_who_speaks_of_the_whole_does_none_of_it(nlp):
    """Guard: the subject of a verb that speaks of the whole ("condemned a campaign of arrests") takes no part."""
    text = "Amnesty International condemned the campaign of airstrikes on Gaza."
    assert all(("Attacker", "Amnesty International") not in roles for roles in _events(nlp, text, "Conflict:Attack"))
