"""The events list's missing roles in the error's ink: how many characters of the Arguments cell name them is the
length the cell was made with, not found again by reading the cell's words (``missing_length`` looked for "missing "
at its start and the first "; ": a role named "missing persons" filled, with nothing missing, was inked as missing,
and a missing role whose name holds "; " was inked only in part)."""

from __future__ import annotations

from annotator.model import Argument, Entity, Event
from annotator.schema import parse_schema
from ui.panels.events import ARGUMENTS, MISSING_ROLE, EventTableModel

SCHEMA = """
[[entity]]
name = "PERSON"
[[entity]]
name = "GPE"

[[event]]
name = "Justice:Search"
[[event.role]]
name = "missing persons"
labels = ["PERSON"]
[[event.role]]
name = "Place; Time"
labels = ["GPE"]
multiplicity = "one"
[[event.role]]
name = "Searcher"
labels = ["PERSON"]
multiplicity = "one"
"""
TEXT = "Police searched Basra for Ali and Omar."


def _entity(entity_id: int, word: str, label: str) -> Entity:
    start = TEXT.index(word)
    return Entity(entity_id, 1, start, start + len(word), label, "added", "human", None)


ENTITIES = {e.id: e for e in (_entity(1, "Police", "PERSON"), _entity(2, "Basra", "GPE"), _entity(3, "Ali", "PERSON"))}


def _inked(arguments: tuple[Argument, ...]) -> tuple[str, str]:
    """The Arguments cell and the part of it in the error's ink."""
    model = EventTableModel()
    event = Event(7, 1, "Justice:Search", 7, 15, {}, None, arguments)
    model.set_events(parse_schema(SCHEMA), [event], ENTITIES, TEXT)
    cell = model.index(0, ARGUMENTS)
    said = cell.data()
    return said, said[: cell.data(MISSING_ROLE)]


def test_a_filled_role_named_missing_something_is_not_inked_as_missing(qapp):
    said, inked = _inked(
        (Argument(1, 7, "Searcher", 1), Argument(2, 7, "Place; Time", 2), Argument(3, 7, "missing persons", 3))
    )
    assert said == "missing persons: Ali; Place; Time: Basra; Searcher: Police" and inked == ""


def test_a_missing_role_whose_name_holds_a_semicolon_is_inked_whole(qapp):
    said, inked = _inked((Argument(3, 7, "missing persons", 3),))
    assert said.startswith("missing Place; Time, Searcher; ") and inked == "missing Place; Time, Searcher"
