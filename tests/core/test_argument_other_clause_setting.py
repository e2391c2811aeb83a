"""A place or a date told in a clause the trigger is not in is that clause's setting, not the trigger's: the nearest
Place or Time the suggester falls back on (annotator/suggest/nearest_setting.py, ``in_another_clause``) skips what a
relative, adverbial or complement clause of another verb says ("Kerry, who arrived in Cairo on Sunday, met Sisi":
where and when he arrived, not where they met)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_roles


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "not_a_setting"),
    [
        ("Kerry, who arrived in Cairo on Sunday, met Sisi to discuss aid.", "Contact:Meet", {"Cairo", "Sunday"}),
        ("The minister, who was born in Paris in 1950, died on Tuesday.", "Life:Die", {"Paris"}),
        ("The protesters, who gathered in Cairo, were attacked by police in Giza.", "Conflict:Attack", {"Cairo"}),
        ("The president met the families before he flew to Berlin on Friday.", "Contact:Meet", {"Friday"}),
    ],
)
def test_a_setting_of_another_clause_is_not_the_events(nlp, text, event_type, not_a_setting):
    got = {words for role, words in suggested_roles(nlp, text, event_type) if role in ("Place", "Time")}
    assert not got & not_a_setting, got


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "setting"),
    [
        ("Kerry, who arrived in Cairo on Sunday, met Sisi to discuss aid.", "Movement:Transport", ("Time", "Sunday")),
        ("The minister, who was born in Paris in 1950, died on Tuesday.", "Life:Die", ("Time", "Tuesday")),
        ("Militants killed two soldiers in Kandahar on Monday.", "Life:Die", ("Place", "Kandahar")),
    ],
)
def test_a_setting_of_the_triggers_own_clause_stays(nlp, text, event_type, setting):
    assert setting in suggested_roles(nlp, text, event_type)
