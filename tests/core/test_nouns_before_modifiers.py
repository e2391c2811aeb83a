"""Session 41 (s41-look): a role key's cycle offers a noun of the role's kind before the word just before it that
names its kind, an entity ("Kurdish rebels") or a stored noun ("government forces") (``role_heads.cycle_with_heads``,
``nouns_before_their_modifiers``); fails on main (the modifier came first, the noun after the sentence's entities)."""

from __future__ import annotations

from annotator.role_heads import cycle_with_heads


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_the_noun_comes_before_the_entity_naming_its_kind():
    """Made up, as news says it: the clashes' Attacker is "rebels", not the NORP "Kurdish" before it; "Ankara", no
    modifier of a noun, keeps its place."""
    text = "Turkey has seen clashes between Ankara and Kurdish rebels in recent weeks."
    trigger, sentence = _at(text, "clashes"), (0, len(text))
    turkey, ankara, kurdish, rebels, weeks = (_at(text, w) for w in ("Turkey", "Ankara", "Kurdish", "rebels", "weeks"))
    cycle = cycle_with_heads(
        ["turkey", "ankara", "kurdish"], [turkey, ankara, kurdish], ([rebels], [weeks]), sentence, text, trigger, -1
    )
    assert cycle == ["turkey", "ankara", rebels, "kurdish", weeks]  # main: rebels after "kurdish"


def test_a_chain_of_modifiers_ends_with_its_last_noun_first():
    """ "Indian government forces": "forces" (the head), then "government" (a stored compound), then "Indian"; a noun
    of no kind known ("curfew") is never moved."""
    text = "Protests followed the killing of a commander by Indian government forces despite a curfew."
    trigger, sentence = _at(text, "killing"), (0, len(text))
    commander, indian, government, forces, curfew = (
        _at(text, w) for w in ("commander", "Indian", "government", "forces", "curfew")
    )
    cycle = cycle_with_heads(["indian"], [indian], ([government, forces], [curfew]), sentence, text, trigger, -1)
    assert cycle[:3] == [forces, government, "indian"], cycle
    assert cycle[-1] == curfew
    assert commander not in cycle
