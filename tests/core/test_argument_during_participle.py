"""Who is at a protest when the parse hangs its "during" on a participle said of the object ("Women chant slogans
condemning terrorism during an anti-terror rally", "Protesters carry placards denouncing the government during a
demonstration"): the act done during it is the clause's, so its doer is there (annotator/suggest/noun_frame.py,
``_present``, session 32's "during" reading)."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers


def _entities(nlp, text: str) -> set[str]:  # noqa: ANN001
    return role_fillers(nlp, text, "Conflict:Demonstrate", "Entity")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "protesters"),
    [
        ("Women chant slogans condemning terrorism during an anti-terror rally in Lahore.", "Women"),
        ("Protesters carry placards denouncing the government during a demonstration in Caracas.", "Protesters"),
    ],
)
def test_who_acts_during_a_protest_through_a_participle_is_there(nlp, text, protesters):
    assert protesters in _entities(nlp, text), _entities(nlp, text)
