"""A project whose schema names the pipeline's place and amount labels otherwise (``Place`` for spaCy's ``GPE`` and
``LOC``, ``Measure`` for its ``QUANTITY``: the schema's aliases, matched by ``pipeline_names.AdoptedNames``) gets the
one suggestion on a wider place or a refilled amount that a news project gets (annotator/suggest/writer.py,
``held_for_arguments``): the writer read the labels as spaCy spells them, and wrote the pipeline's "Mombasa" and
"Kenya" beside the event's Place "Mombasa, Kenya", its "500,000 zlotys" twice."""

from __future__ import annotations

import pytest

from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate
from annotator.schema import parse_schema
from annotator.store import Project
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
from core_helpers import add_document
from text_support import argument_words

SCHEMA = """
[schema]
name = "own"
version = 1

[[entity]]
name = "Place"
aliases = ["GPE", "LOC"]

[[entity]]
name = "Money"

[[entity]]
name = "Measure"
aliases = ["QUANTITY"]

[[event]]
name = "Conflict:Attack"
triggers = ["attacked"]
  [[event.role]]
  name = "Place"
  labels = ["Place"]

[[event]]
name = "Justice:Fine"
triggers = ["fined"]
  [[event.role]]
  name = "Money"
  labels = ["Money"]
"""

TEXT = "Three men attacked a police station in Mombasa, Kenya, on Monday. A court fined them 500,000 zlotys."


def at(words: str) -> tuple[int, int]:
    return TEXT.index(words), TEXT.index(words) + len(words)


class Suggests:
    """A stand-in event suggester in the project's names: the attack's Place "Mombasa, Kenya", the fine's Money
    "500,000 zlotys", as the rule suggester gives them (``place_spans.with_regions``, ``amounts.is_money``)."""

    source = "fake:own@1"

    def suggest(self, doc, entities):  # type: ignore[no-untyped-def]
        place = ArgumentSuggestion("Place", *at("Mombasa, Kenya"), "Place", 0.8)
        money = ArgumentSuggestion("Money", *at("500,000 zlotys"), "Money", 0.8)
        return [
            EventSuggestion("Conflict:Attack", *at("attacked"), 0.8, (place,)),
            EventSuggestion("Justice:Fine", *at("fined"), 0.8, (money,)),
        ]


@pytest.fixture(scope="module")
def pipe():
    return ruler_pipeline(
        [
            {"label": "GPE", "pattern": "Mombasa"},
            {"label": "GPE", "pattern": "Kenya"},
            {"label": "QUANTITY", "pattern": "500,000 zlotys"},
        ]
    )


def test_a_schema_that_renames_the_place_and_amount_labels_gets_one_suggestion_per_argument(tmp_path, pipe):
    with Project(tmp_path / "own.annotator", schema=parse_schema(SCHEMA, "own.toml")) as project:
        doc = add_document(project, TEXT)
        preannotate(project, pipe, event_suggester=Suggests())
        got = sorted((TEXT[e.start : e.end], e.label, e.state) for e in project.entities(doc))
        assert got == [("500,000 zlotys", "Money", "suggested"), ("Mombasa, Kenya", "Place", "suggested")]
        ents = {e.id: e for e in project.entities(doc)}
        filled = sorted(pair for v in project.events(doc) for pair in argument_words(TEXT, v.arguments, ents))
        assert filled == [("Money", "500,000 zlotys"), ("Place", "Mombasa, Kenya")]
