"""The noun heads a role key offers are of a kind the role takes (``annotator.role_heads.heads_of_kind``, session 34):
"deal" is no organisation, "market" no attacker; "officials" a PERSON, "team" an ORG are offered, "team" to a role
for people too (``noun_classes.alternative_labels``, as the rule suggester reads a guessed noun)."""

from __future__ import annotations

from annotator.role_heads import heads_of_kind

TEXT = "The team and officials of the market signed a deal in the town."


def _heads(*words: str) -> list[tuple[int, int]]:
    return [(TEXT.index(w), TEXT.index(w) + len(w)) for w in words]


def _words(heads: list[tuple[int, int]]) -> list[str]:
    return [TEXT[s:e] for s, e in heads]


def test_a_noun_is_offered_only_to_a_role_that_takes_its_kind():
    heads = _heads("team", "officials", "market", "deal", "town")
    assert _words(heads_of_kind(heads, TEXT, ["ORG"])) == ["team"]
    assert _words(heads_of_kind(heads, TEXT, ["PERSON", "ORG", "GPE", "NORP"])) == ["team", "officials", "town"]
    assert _words(heads_of_kind(heads, TEXT, ["GPE", "LOC", "FAC"])) == ["market", "town"]
    # a body of people fills a role for people, as the rule suggester lets it ("sent a team": Transport's Artifact)
    assert _words(heads_of_kind(heads, TEXT, ["PERSON", "NORP", "PRODUCT"])) == ["team", "officials"]
    assert heads_of_kind(heads, TEXT, ["DATE", "TIME"]) == []


def test_a_noun_of_no_kind_known_is_offered_only_when_asked():
    heads = _heads("deal", "officials")
    assert _words(heads_of_kind(heads, TEXT, ["ORG", "PERSON"], unknown=True)) == ["deal", "officials"]


def test_a_guessed_noun_s_label_is_its_kind_or_one_it_may_take():
    """``noun_classes.label_taken``, the one answer of the rule suggester, the role heads' offer and the DyGIE++
    reader: its kind first, a body of people a person, a place's other kinds in a role of places alone unless the
    caller lets them fill any role (the DyGIE++ reader names a label for an argument the file gives)."""
    from annotator.suggest.noun_classes import label_taken

    assert label_taken("ORG", ["PERSON", "ORG"]) == "ORG"
    assert label_taken("ORG", ["PERSON", "NORP"]) == "PERSON"
    assert label_taken("FAC", ["GPE", "LOC"]) == "LOC"
    assert label_taken("FAC", ["PERSON", "ORG", "GPE"]) is None  # "the airport" is no attacker
    assert label_taken("FAC", ["PERSON", "ORG", "GPE"], places_apart=False) == "GPE"
    assert label_taken("PRODUCT", ["PERSON"]) is None
