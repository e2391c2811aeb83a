"""Session 39 (s39-keys): the noun of a role's kind beside the trigger is the role key's first candidate
(``role_heads.head_beside``, ``cycle_with_heads``); fails on main (no such functions: the nouns came after the
sentence's entities)."""

from __future__ import annotations

from annotator.role_heads import cycle_with_heads, head_beside


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_the_noun_beside_the_trigger_within_three_words_and_no_mark():
    text = "Police on Monday arrested two protesters, and the army later detained the other students at the port."
    trigger = _at(text, "arrested")
    police, protesters, army, students = (_at(text, w) for w in ("Police", "protesters", "army", "students"))
    assert head_beside([police, protesters], text, trigger) == protesters  # "two" between: the nearer one
    assert head_beside([police], text, trigger) == police  # "on Monday": two words between
    assert head_beside([army], text, trigger) is None  # a comma between: another clause
    assert head_beside([students], text, trigger) is None  # far past the trigger
    detained = _at(text, "detained")
    assert head_beside([students, army], text, detained) == army  # "later" between; "the other" two


def test_the_cycle_puts_the_noun_beside_first_and_the_other_nouns_after_the_sentence():
    text = "Police arrested Marek Zielinski in Warsaw, the Polish Interior Ministry said. Officials in Kyiv agreed."
    trigger, sentence = _at(text, "arrested"), (0, text.index(" Officials"))
    police, lawyer = _at(text, "Police"), _at(text, "Ministry")
    ministry, kyiv = _at(text, "the Polish Interior Ministry"), _at(text, "Kyiv")
    cycle = cycle_with_heads(["ministry", "kyiv"], [ministry, kyiv], ([police, lawyer], []), sentence, text, trigger)
    assert cycle == [police, "ministry", lawyer, "kyiv"]
    none_beside = cycle_with_heads(
        ["ministry", "kyiv"], [ministry, kyiv], ([lawyer], [police]), sentence, text, trigger
    )
    assert none_beside == ["ministry", lawyer, police, "kyiv"]  # a noun of no kind known is never put first


def test_a_subjects_role_looks_before_the_trigger_an_objects_after():
    """The Agent of "sent" is not offered "team", its object (seed 002: "Médecins Sans Frontières said it had sent a
    surgical team"); the Person of "arrested" is not offered the subject "police"; a Meet's Entity either."""
    from annotator.resources_path import resource_path
    from annotator.role_heads import noun_side
    from annotator.schema import load_schema

    schema = load_schema(resource_path("schemas/news.toml"))
    sides = {
        (t, r): noun_side(schema.event_type(t).role(r))  # type: ignore[union-attr]
        for t, r in [("Movement:Transport", "Agent"), ("Justice:Arrest-Jail", "Person"), ("Contact:Meet", "Entity")]
    }
    assert sides == {
        ("Movement:Transport", "Agent"): -1,
        ("Justice:Arrest-Jail", "Person"): 1,
        ("Contact:Meet", "Entity"): 0,
    }
    text = "MSF said it had sent a surgical team. Police arrested protesters."
    sent, team = _at(text, "sent"), _at(text, "team")
    assert head_beside([team], text, sent, -1) is None and head_beside([team], text, sent) == team
    arrested, police, protesters = _at(text, "arrested"), _at(text, "Police"), _at(text, "protesters")
    assert head_beside([police, protesters], text, arrested, 1) == protesters
    assert head_beside([police, protesters], text, arrested, -1) == police


def test_a_passive_turns_the_sides_a_by_phrase_the_subjects_the_noun_before_be_the_objects():
    """Session 40 (s40-keys): "captured by Islamic State militants": the Agent's noun is the "by" phrase's, after the
    trigger (main: none after it for a subject's role); "protesters were arrested": the Person's noun is before it
    (main: none before it for an object's role, and the Agent was offered "protesters"); "police are investigating"
    is no passive."""
    text = "Two protesters were arrested by riot police near the square. Police are investigating the guards."
    arrested, protesters, police = _at(text, "arrested"), _at(text, "protesters"), _at(text, "police")
    assert head_beside([protesters, police], text, arrested, -1) == police  # the Agent: the "by" phrase's
    assert head_beside([protesters, police], text, arrested, 1) == protesters  # the Person: before "were"
    assert head_beside([protesters, police], text, arrested) == protesters  # either side: the nearer
    investigating, cops, guards = _at(text, "investigating"), _at(text, "Police"), _at(text, "guards")
    assert head_beside([cops, guards], text, investigating, -1) == cops  # "are …ing": active
    assert head_beside([cops, guards], text, investigating, 1) == guards
    far = "Two protesters were arrested by the newly formed city police."  # four words after "by": too far
    assert head_beside([_at(far, "police")], far, _at(far, "arrested"), -1) is None


def test_after_the_trigger_the_phrases_head_comes_before_the_noun_naming_its_kind():
    """Session 40: "army" of "army bases" is stored too (a compound); the Target's noun beside "attacked" is "bases",
    the phrase's head (main: "army", the nearer)."""
    text = "Jets attacked army bases near the city."
    army, bases, attacked = _at(text, "army"), _at(text, "bases"), _at(text, "attacked")
    assert head_beside([army, bases], text, attacked, 1) == bases
    assert head_beside([army], text, attacked, 1) == army  # alone: as before
    jets = _at(text, "Jets")
    assert head_beside([jets, army, bases], text, attacked, -1) == jets  # before the trigger: the nearest, as before
