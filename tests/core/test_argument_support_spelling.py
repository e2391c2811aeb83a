"""A verb of doing a noun trigger ("staged a protest", "waged attacks") names its doer however the small pipeline's
lemmatizer reads it: it takes "staged" for "stag" and "waged" for "wag" (an "e" English drops before "-ed"), so the
students who staged a protest were no Entity of it, the rebels who waged attacks no Attacker
(``noun_frame.supporting``, session 42)."""

from __future__ import annotations

import pytest

from annotator.nlp import pipeline_entities
from spacy_support import news_suggester


def _roles(nlp, text: str, kind: str) -> set[tuple[str, str]]:  # noqa: ANN001
    doc = nlp(text)
    (event,) = [e for e in news_suggester().suggest(doc, pipeline_entities(doc)) if e.type == kind]
    return {(a.role, text[a.start : a.end]) for a in event.arguments if a.role != "Time"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "doer"),
    [
        ("Teachers staged a protest outside the education ministry in Madrid.", "Conflict:Demonstrate", "Teachers"),
        ("Protests were staged by students in Santiago on Thursday.", "Conflict:Demonstrate", "students"),
        ("Workers staged a walkout at the car plant in Detroit.", "Conflict:Demonstrate", "Workers"),
        ("Rebels waged attacks on army posts across the province.", "Conflict:Attack", "Rebels"),
        ("The army waged a war against the rebels in the north.", "Conflict:Attack", "army"),
    ],
)
def test_the_doer_of_a_staged_or_waged_event(nlp, text, kind, doer):
    verb = next(t for t in nlp(text) if t.lower_ in ("staged", "waged"))
    assert verb.lemma_ in ("stag", "wag")  # the lemmatizer's reading, which this reads past
    role = "Entity" if kind == "Conflict:Demonstrate" else "Attacker"
    assert (role, doer) in _roles(nlp, text, kind)


@pytest.mark.slow
def test_a_show_or_a_comeback_staged_is_no_event(nlp):
    """Guards: a play and a comeback are staged too; no event of the 8 types."""
    for text in ("The theatre staged a new production of Hamlet.", "The team staged a late comeback to win the final."):
        doc = nlp(text)
        assert not news_suggester().suggest(doc, pipeline_entities(doc))
