"""Where Tab and Shift+Tab go: the shown spans and events in text order, the undecided ones first, from where the
person is; and what selecting one there does (the text scrolled to it). Nothing is written."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from annotator.model import Entity, Event

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.document_view import DocumentView

UNDECIDED = "suggested"


def _text_order(item: tuple[int, int, int, object]) -> tuple[int, int, int]:
    """(start, end, id) of a (start, end, id, span or event) item: the order Tab goes in."""
    return item[0], item[1], item[2]


class TabOrder:
    """Tab, Shift+Tab and the selections they make: one selection per key."""

    def __init__(self, controller: "Controller", view: "DocumentView") -> None:
        self.c = controller
        self.view = view

    def anchor(self) -> tuple[int, int, int]:
        """Where the user is, as a text-order key: the selected span, else the selected event, else the caret."""
        c = self.c
        cur = c.entities.get(c.current_entity) if c.current_entity is not None else None
        if cur is not None:
            return cur.start, cur.end, cur.id
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        if ev is not None:
            return ev.trigger_start, ev.trigger_end, ev.id
        sel = self.view.selection_cp()
        pos = sel[0] if sel else self.view.caret_cp()
        return pos, pos, -1

    def cycle_order(self) -> list[Entity]:
        """Every shown span in text order."""
        ents = self.c.visible_entities(self.view.highlighter.show_rejected)
        ents.sort(key=lambda e: (e.start, e.end, e.id))
        return ents

    def tab_items(self) -> list[tuple[int, int, int, Entity | Event]]:
        """Spans and events (by trigger) as shown, in text order: (start, end, id, item)."""
        show_rejected = self.view.highlighter.show_rejected
        items: list[tuple[int, int, int, Entity | Event]] = [(e.start, e.end, e.id, e) for e in self.cycle_order()]
        items += [
            (v.trigger_start, v.trigger_end, v.id, v)
            for v in self.c.events.values()
            if show_rejected or v.state != "rejected"
        ]
        items.sort(key=_text_order)
        return items

    def cycle(self, step: int) -> None:
        """Select the next (previous) undecided span or event after (before) where the user is, wrapping; when
        none is left undecided, the next one of any state."""
        show_rejected = self.view.highlighter.show_rejected

        def shown(state: str) -> bool:
            return show_rejected or state != "rejected"

        c = self.c
        here = self.anchor()
        # the undecided ones (the tallies hold their ids: no pass over every span), those with a decision kept passed
        # over, else any shown
        kept_spans, kept_events = c.kept.decided_ids()
        evs = [c.events[i] for i in c.event_tally.ids(UNDECIDED) if i not in kept_events]
        ents = self._next_undecided_spans(here, step, kept_spans) if c.entity_tally.count(UNDECIDED) else []
        if not ents and not evs:
            ents = [e for e in c.entities.values() if shown(e.state)]
            evs = [v for v in c.events.values() if shown(v.state)]
        pool: list[tuple[int, int, int, Entity | Event]] = [(e.start, e.end, e.id, e) for e in ents]
        pool += [(v.trigger_start, v.trigger_end, v.id, v) for v in evs]
        if not pool:
            self.c.select_entity(None)
            return
        # tab_items' order without sorting them all (a long document's 7,000 spans were sorted twice a key)
        if step > 0:
            nxt = min((t for t in pool if t[:3] > here), key=_text_order, default=None) or min(pool, key=_text_order)
        else:
            nxt = max((t for t in pool if t[:3] < here), key=_text_order, default=None) or max(pool, key=_text_order)
        item = nxt[3]
        if isinstance(item, Entity):
            self.select(item)
        else:
            self.select_event(item)

    def _next_undecided_spans(self, here: tuple[int, int, int], step: int, kept: set[int]) -> list[Entity]:
        """The undecided spans Tab may go to from ``here``: the first one after it in text order and the first of
        the document (to wrap to), or for ``step`` < 0 the last one before it and the last of the document; found
        by walking the spans by start from ``here`` (not a pass over the 4,000 undecided spans of a long
        document at every Enter); those in ``kept`` (a decision kept) passed over."""
        c = self.c
        rows = c.span_index().rows  # (start, end, id), in text order

        def undecided(r: tuple[int, int, int]) -> Entity | None:
            e = c.entities.get(r[2])
            return e if e is not None and e.state == UNDECIDED and e.id not in kept else None

        at = bisect_right(rows, here) if step > 0 else bisect_left(rows, here)
        ahead = range(at, len(rows)) if step > 0 else range(at - 1, -1, -1)
        wrap = range(len(rows)) if step > 0 else range(len(rows) - 1, -1, -1)
        out = []
        for order in (ahead, wrap):
            found = next((e for k in order if (e := undecided(rows[k])) is not None), None)
            if found is not None:
                out.append(found)
        return out

    def select(self, e: Entity) -> None:
        self.c.select_entity(e.id)  # a selected event stays selected: its roles are filled from here
        self.view.show_cp(e.start, e.end)

    def select_event(self, v: Event) -> None:
        self.view.clear_selection()
        self.c.select_entity(None)
        self.c.select_event(v.id)
        self.view.show_cp(v.trigger_start, v.trigger_end)
