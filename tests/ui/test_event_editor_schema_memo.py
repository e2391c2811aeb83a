"""The event editor's memos (``_shown_at`` and ``_shown``) are keyed by the schema's ``id()``: a schema replaced with
no reload of the document (``Project.set_schema``: the revision of the held rows does not move) is shown at the next
refresh, however often its memory is given again: the editor holds the schema it keyed (an id is unique among the
objects alive), where before only its type boxes and least-width memos happened to hold it (session 40; the status
line's ``id()`` memos were stale, session 39). Whether a freed schema's memory goes to the next is the allocator's:
the case is made twenty times. A memo that leaves the schema out fails it."""

from __future__ import annotations

import dataclasses
import gc

from ui_helpers import find
from ui_support import DOC_A

ROUNDS = 20


def test_a_schema_replaced_without_a_reload_is_the_one_the_editor_shows(qtbot, window, db):
    from annotator.schema_model import EventType
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    w, c = window, window.controller
    with db.transaction():
        write_events(
            db,
            db.document_ids()[0],
            [EventSuggestion("Conflict:Attack", *find(DOC_A, "attacked"), 0.5)],
            "rules:test@1",
            WriteCounts(),
        )
    c.check_outside_changes()
    (attacked,) = c.events.values()
    w.edit_actions.select_event(attacked)
    ed = w.event_editor
    qtbot.waitUntil(lambda: ed.event_id == attacked.id and not w._panel_timer.isActive())
    revision, base = c.revision, c.schema
    # what the process made before this point left out of the collections below (``gc.freeze``; put back after):
    # each full pass walked every object of the process (spaCy's, Qt's wrappers), ~75 ms, 20 of them the test's
    # largest cost; the schemas made in the loop are after the freeze, so the one let go is collected as before
    gc.freeze()
    try:
        for k in range(ROUNDS):
            # another schema object each round, the one before let go (its memory free for the next)
            c.project.set_schema(dataclasses.replace(base, events=(*base.events, EventType(f"Round:R{k}"))))
            gc.collect()
            ed.refresh()
            shown = [ed.type_combo.itemText(i) for i in range(ed.type_combo.count())]
            assert shown == list(c.schema.event_type_names)
            assert shown[-1] == f"Round:R{k}"
    finally:
        gc.unfreeze()
    assert c.revision == revision  # no reload moved the memo's other key
