"""The label of a span a person makes for a role (``annotator.span_label``, session 33): the words' own evidence
before the role's first label. A role key on "Central Anti-Corruption Bureau" (no span) for an Agent made it a
PERSON, the Agent's first label; a noun of the sentence the role keys offer ("team") the same. Fails on main."""

from __future__ import annotations

from annotator.model import Entity
from annotator.span_label import label_for_span

TEXT = (
    "Zielinski was arrested by officers of the Central Anti-Corruption Bureau in Krakow. A surgical team was sent to "
    "the market near Evin Prison. The Ministry of Justice said the officials of the Foreign Office met. Judge Anna "
    "Kowalczyk of the Court of Appeal spoke. Smith arrived."
)
AGENT = ("PERSON", "ORG", "GPE", "NORP")
PLACE = ("GPE", "LOC", "FAC")


def _span(words: str) -> tuple[int, int]:
    at = TEXT.index(words)
    return at, at + len(words)


def _ent(i: int, words: str, label: str, state: str = "suggested") -> Entity:
    return Entity(i, 1, *_span(words), label, state, "t", None)


def test_a_name_ending_in_an_organisation_s_word_is_an_org_and_its_head_before_of_counts():
    assert label_for_span([], TEXT, _span("Central Anti-Corruption Bureau"), AGENT) == "ORG"  # main: PERSON
    assert label_for_span([], TEXT, _span("the Central Anti-Corruption Bureau"), AGENT) == "ORG"
    assert label_for_span([], TEXT, _span("Ministry of Justice"), AGENT) == "ORG"  # main: PERSON
    assert label_for_span([], TEXT, _span("Foreign Office"), AGENT) == "ORG"  # a name's Office: a body, not a room


def test_a_common_noun_takes_its_class_when_the_role_takes_it_else_the_role_s_first_label():
    assert label_for_span([], TEXT, _span("team"), AGENT) == "ORG"  # main: PERSON
    assert label_for_span([], TEXT, _span("officials"), ("ORG", "PERSON")) == "PERSON"  # main: ORG
    assert label_for_span([], TEXT, _span("market"), PLACE) == "FAC"  # main: GPE
    assert label_for_span([], TEXT, _span("Evin Prison"), PLACE) == "FAC"  # main: GPE
    assert label_for_span([], TEXT, _span("team"), ("PERSON", "NORP")) == "PERSON"  # no ORG taken: the first
    assert label_for_span([], TEXT, _span("market"), AGENT) == "PERSON"  # a market is no GPE: the first label
    assert label_for_span([], TEXT, _span("Smith"), AGENT) == "PERSON"  # no class: the first label


def test_a_span_sharing_the_last_word_gives_its_label_before_the_words_class():
    inner = [_ent(1, "Anti-Corruption Bureau", "ORG")]  # the pipeline's name inside the made one
    assert label_for_span(inner, TEXT, _span("Central Anti-Corruption Bureau"), AGENT) == "ORG"
    gpe = [_ent(1, "Anti-Corruption Bureau", "GPE")]  # the pipeline's word beats the class
    assert label_for_span(gpe, TEXT, _span("Central Anti-Corruption Bureau"), AGENT) == "GPE"
    gone = [_ent(1, "Anti-Corruption Bureau", "GPE", "rejected")]  # a rejected span is no evidence
    assert label_for_span(gone, TEXT, _span("Central Anti-Corruption Bureau"), AGENT) == "ORG"
    longer = [_ent(1, "the Court of Appeal", "ORG"), _ent(2, "Appeal", "PERSON")]  # the longer name first
    assert label_for_span(longer, TEXT, _span("Court of Appeal"), AGENT) == "ORG"
