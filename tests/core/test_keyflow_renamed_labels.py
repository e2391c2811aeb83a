"""The role keys in a project whose schema names the pipeline's place, time and amount labels otherwise (``Place`` for
spaCy's ``GPE``, ``LOC`` and ``FAC``, ``Cash`` for ``MONEY``, ``Measure`` for ``QUANTITY``, ``Clock`` for ``TIME``: the
schema's aliases) order and label as in a news project: keyflow read a role's labels against spaCy's names of its own
(``PLACE_LABELS``, ``AMOUNT_LABELS``, "TIME"), so such a Place role got the nearest place first, not the one told after
the trigger; a participant role got a place told as where first; a Cash role no Measure suggestion to relabel; a new
span "Saturday morning" its first label. The kinds are the one owner's (``pipeline_names.label_kinds``)."""

from __future__ import annotations

from annotator.keyflow import kin_fits, role_candidates
from annotator.span_label import label_for_span
from annotator.model import Entity
from annotator.pipeline_names import SPACY_KINDS, label_kinds
from renamed_labels_support import SCHEMA


def ent(i: int, start: int, end: int, label: str, state: str = "suggested") -> Entity:
    return Entity(i, 1, start, end, label, state, "x", None)


def role(etype: str, name: str):  # type: ignore[no-untyped-def]
    return next(r for r in SCHEMA.event_type(etype).roles if r.name == name)


def test_the_pipelines_kinds_of_label_are_read_in_the_schemas_names():
    kinds = label_kinds(SCHEMA)
    assert kinds.places == {"Place"} and kinds.times == {"Day", "Clock"} and kinds.clock == "Clock"
    assert {"Cash", "Measure"} <= kinds.amounts and "MONEY" not in kinds.amounts
    assert label_kinds(None) == SPACY_KINDS


def test_a_place_role_of_renamed_labels_takes_the_place_after_its_trigger_first():
    text = "Lavrov, in Moscow, said he met Blinken in Geneva."

    def at(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    lavrov, moscow, geneva = (
        ent(1, *at("Lavrov"), "Person"),
        ent(2, *at("Moscow"), "Place"),
        ent(3, *at("Geneva"), "Place"),
    )
    kinds = label_kinds(SCHEMA)
    got = role_candidates([moscow, geneva], role("Contact:Meet", "Place"), at("met"), (0, len(text)), kinds=kinds)
    assert [e.id for e in got] == [3, 2]  # Geneva, told after "met", first (as GPE's in a news project)
    ents = [lavrov, moscow, geneva]
    got = role_candidates(ents, role("Contact:Meet", "Entity"), at("met"), (0, len(text)), text=text, kinds=kinds)
    assert [e.id for e in got] == [1, 2, 3]  # places told as where ("in Moscow", "in Geneva") after Lavrov


def test_an_amount_role_of_renamed_labels_offers_another_amounts_suggestion_and_a_new_span_a_clock_label():
    text = "The court fined him 500,000 zlotys. It was on Saturday morning."
    at = text.index("500,000 zlotys")
    zlotys = ent(1, at, at + len("500,000 zlotys"), "Measure")
    money = role("Justice:Fine", "Money")
    kinds = label_kinds(SCHEMA)
    assert kin_fits(money, kinds)(zlotys)
    fined = (text.index("fined"), text.index("fined") + 5)
    got = role_candidates([zlotys], money, fined, (0, text.index(".") + 1), text=text, kinds=kinds)
    assert [e.id for e in got] == [1]
    morning = text.index("Saturday morning")
    span = (morning, morning + len("Saturday morning"))
    assert label_for_span([], text, span, role("Contact:Meet", "Time").labels, kinds) == "Clock"
