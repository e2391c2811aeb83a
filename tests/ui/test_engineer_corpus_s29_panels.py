"""Session 29, the engineer's corpus (helper s29-qab): a 1 MB document open in the app while `annotator preannotate`
wrote its 22,380 suggestions and 2,433 events. The window froze for about a minute at load 11 when they came (the
clicks and keys typed meanwhile replayed after it): each new row went into the side lists one at a time, and each
lookup of a row after an insert indexed every row again, 22,380 times (bench: 19.2 s of CPU for the poll that
brought them, 276 s wall of it in that index under the profiler)."""

from __future__ import annotations

from annotator.model import Entity, Event
from annotator.navigation import reading_key
from ui.panels.entities import EntityTableModel
from ui.panels.events import EventTableModel, list_order

TEXT = "Troops attacked the town. " * 400


def _entity(i: int, start: int) -> Entity:
    return Entity(i, 1, start, start + 6, "ORG", "suggested", "spacy", None)


def _signals(model):  # type: ignore[no-untyped-def]
    seen = {"reset": 0, "inserted": 0, "removed": 0}
    model.modelReset.connect(lambda: seen.__setitem__("reset", seen["reset"] + 1))
    model.rowsInserted.connect(lambda *_: seen.__setitem__("inserted", seen["inserted"] + 1))
    model.rowsRemoved.connect(lambda *_: seen.__setitem__("removed", seen["removed"] + 1))
    return seen


def test_thousands_of_spans_arriving_at_once_fill_the_entity_list_in_one_step(qapp):
    model = EntityTableModel()
    kept = [_entity(i, 26 * i) for i in range(1, 6)]
    model.set_entities(kept, TEXT)
    seen = _signals(model)
    arriving = [_entity(100 + i, 26 * i + 7) for i in range(400)]
    gone = kept[2]
    model.update([(e.id, e) for e in arriving] + [(gone.id, None)])
    assert seen == {"reset": 1, "inserted": 0, "removed": 0}
    assert model.rows == sorted([*(e for e in kept if e is not gone), *arriving], key=reading_key)
    assert model.row_of(arriving[10].id) == model.rows.index(arriving[10])
    # a few, as an edit brings: each row in its place, the rest of the list as it was
    seen.update(reset=0)
    one = _entity(9000, 3)
    model.update([(one.id, one)])
    assert seen == {"reset": 0, "inserted": 1, "removed": 0} and model.rows[0] is one


def test_thousands_of_events_arriving_at_once_fill_the_event_list_in_one_step(qapp):
    model = EventTableModel()
    model.set_events(None, [], {}, TEXT)
    seen = _signals(model)
    arriving = [Event(10 + i, 1, "Conflict:Attack", 26 * i + 7, 26 * i + 15, {}, None) for i in range(400)]
    made = model.update(None, [(v.id, v) for v in reversed(arriving)], {}, TEXT)
    assert seen == {"reset": 1, "inserted": 0, "removed": 0} and len(made) == 400
    assert model.rows == sorted(arriving, key=list_order) and len(model.cells) == len(model.missing) == 400
    assert model.row_of(arriving[5].id) == 5 and model.cells[5][0]
