"""Which filler of a role Ctrl+Shift+1…9 selects (docs/keyboard.md, round 31): a suggested event's filler of another
extent than the one wanted ("police officer" where "officer" is meant, "Kyiv" where "Kyiv's airport" is) is put right
by its edges' keys once it is the selected span; reaching it took Find to its words and Space (about five keys), or
Tab past the undecided items between. This names it from the event and the role alone."""

from __future__ import annotations

from collections.abc import Mapping

from annotator.model import Argument, Entity, Event


def arguments_in_order(event: Event, role: str, entities: Mapping[int, Entity]) -> list[Argument]:
    """The arguments of ``role`` in ``event`` in the text's order of their fillers, as the event editor lists them and
    Ctrl+Shift+N steps through them (session 38: the editor listed them as they were put); one whose span is not
    known last, as put."""
    args = [a for a in event.arguments if a.role == role]
    far = (float("inf"), float("inf"), 0)
    return sorted(args, key=lambda a: (e.start, e.end, e.id) if (e := entities.get(a.entity_id)) else far)


def fillers_in_order(event: Event, role: str, entities: Mapping[int, Entity]) -> list[Entity]:
    """The fillers of ``role`` in ``event``, in the text's order (one whose span is not known left out)."""
    return [entities[a.entity_id] for a in arguments_in_order(event, role, entities) if a.entity_id in entities]


def filler_to_select(event: Event, role: str, entities: Mapping[int, Entity], selected: int | None) -> Entity | None:
    """The filler of ``role`` in ``event`` that the role's Ctrl+Shift+digit selects: the first in the text; with one
    of them ``selected`` already, the one after it (a role of several fillers: again, the next; after the last, the
    first). None: the role is empty."""
    fillers = fillers_in_order(event, role, entities)
    if not fillers:
        return None
    ids = [e.id for e in fillers]
    return fillers[(ids.index(selected) + 1) % len(ids)] if selected in ids else fillers[0]
