"""What the status line says of the span under the caret while an event is selected and no span is (a mixin's helper
of ``WindowFlow``). The line named the event only: at seed 001's "travelling" (its Destination "office"), the caret
moved by Ctrl+Right onto "Yongsan" read "event Movement:Transport (accepted): travelling" still, and a person could
not tell what the keys there act on (session 29's lead, seen in session 30): the span is named, with the key that
selects it (Space: ``EditActions.select_at_caret``, whose choice this is). Another event's trigger under the caret
is named the same way (session 33: "sentenced" selected, Ctrl+Left onto "fined", and Enter accepted "sentenced"). A
plain word (no span, no trigger) is named with what E does there: a new event on the word (session 38; it changed the
selected event's type from session 34 on, ``ui.e_key``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from annotator.model import Entity, Event

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.document_view import DocumentView


class PlainWord(NamedTuple):
    """A word under the caret that is no span and no event's trigger, while an event is selected."""

    start: int
    end: int


def event_alone(c: "Controller", view: "DocumentView") -> Event | None:
    """The selected event while no span is selected and no words are: the event the caret note speaks of, and the one
    E changes the type of unless the caret is on a plain word (``e_key.retyped_by_e``)."""
    if c.current_event is None or c.current_entity is not None or view.selection_cp() is not None:
        return None
    return c.events.get(c.current_event)


def caret_span(c: "Controller", view: "DocumentView") -> Entity | Event | PlainWord | None:
    """The span Space would select at the caret, while an event is selected, no span is and no words are, else the
    other event whose trigger it stands on (Space selects that where no span is); None otherwise, and when the caret
    stands on the event's own trigger (``]`` puts it there)."""
    ev = event_alone(c, view)
    if ev is None or c.doc is None:
        return None
    pos = view.caret_cp()
    if ev.trigger_start <= pos <= ev.trigger_end:
        return None
    shown, index = view.highlighter.show_rejected, c.span_index()  # the index: 8,000 spans read at each key (bench)
    hits = index.at(c.entities, pos, shown) or (index.at(c.entities, pos - 1, shown) if pos > 0 else [])
    if hits:
        return hits[0]
    events = c.events_at(pos) or (c.events_at(pos - 1) if pos > 0 else [])  # as Space finds them
    if events:
        return events[0] if events[0].id != ev.id else None
    word = c.word_at(pos)  # the word E makes a new event on (``EventActions.trigger_span``)
    return PlainWord(*word) if word is not None and any(ch.isalnum() for ch in c.doc.text[word[0] : word[1]]) else None


def caret_key(under: Entity | Event | PlainWord | None) -> tuple[str, int] | None:
    """What the line last named at the caret, told apart by kind (an entity's id and an event's may be equal)."""
    if isinstance(under, PlainWord):
        return ("word", under.start)
    return None if under is None else ("event" if isinstance(under, Event) else "span", under.id)


def caret_note(c: "Controller", e: Entity | Event | PlainWord | None, most: int = 40) -> str:
    """The words the line adds for the caret's span ``e`` ("" for none): its label, words (the first ``most`` code
    points, "…" where cut) and state, the role it fills in the selected event, and Space; for another event's
    trigger, its type, words and state; for a plain word, that E makes a new event on it."""
    if e is None:
        return ""
    if isinstance(e, PlainWord):
        return f"; the caret is on “{c.span_said(e.start, e.end, 40)}” (E: a new event on it)"
    if isinstance(e, Event):
        words = c.span_said(e.trigger_start, e.trigger_end, most) + (
            "…" if e.trigger_end - e.trigger_start > most else ""
        )
        return f"; the caret is on event {e.type} “{words}” ({e.state}; Space selects it)"
    ev = c.events.get(c.current_event) if c.current_event is not None else None
    role = next((a.role for a in ev.arguments if a.entity_id == e.id), None) if ev is not None else None
    its = f", its {role}" if role else ""
    words = c.span_said(e.start, e.end, most) + ("…" if e.end - e.start > most else "")
    return f"; the caret is on {e.label} “{words}” ({e.state}{its}; Space selects it)"
