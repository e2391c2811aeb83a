"""Where the moving keys go: N (Shift+N back) to the next trigger word of the schema that no event has, [ and ] to
the previous and next event in text order, each from where the person is. The event keys (``ui.event_actions``) make
and fill the events; these only select."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Callable

from annotator.keyflow import trigger_types, trigger_words
from annotator.noun_modifiers import NounModifiers

if TYPE_CHECKING:  # pragma: no cover
    from annotator.model import Event
    from ui.controller import Controller
    from ui.document_view import DocumentView
    from ui.event_actions import EventActions


def same_objects(kept: tuple[object, ...], key: tuple[object, ...]) -> bool:
    """Whether a cache's key holds the very objects of ``key``: an ``id()`` or a document's id matched another
    project's once the first was closed (its first document is 1 too; a freed object's id is given again)."""
    return len(kept) == len(key) and all(a is b for a, b in zip(kept, key))


class EventMoves:
    """N, Shift+N, [ and ]: one selection per key, nothing written."""

    def __init__(self, events: "EventActions") -> None:
        self.events = events
        self.edit = events.edit
        self.c: "Controller" = events.c
        self.view: "DocumentView" = events.view

    def current(self) -> "Event | None":
        return self.events.current()

    def likely_types(self, span: tuple[int, int]) -> list[str]:
        return self.events.likely_types(span)

    def names_type(self, word: str) -> bool:
        """Whether ``word`` is a trigger word of the schema, weak ones too (``keyflow.trigger_types``): Alt+E in Find's
        bar goes to the next match of such a word (``trigger_reach``). Each word asked once per schema."""
        schema = self.c.schema
        if schema is None:
            return False
        if getattr(self, "_typed_schema", None) is not schema:
            self._typed: dict[str, bool] = {}
            self._typed_schema = schema
        if word not in self._typed:
            self._typed[word] = bool(trigger_types(schema, word))
        return self._typed[word]

    def trigger_words(self) -> list[tuple[int, int]]:
        """Words of the document that are trigger words of the schema (cached per document)."""
        c = self.c
        # the objects themselves, held (the text is kept by a change of status): another project's are others
        key = (c.doc.text if c.doc else None, c.schema)
        if not same_objects(getattr(self, "_words_key", ()), key):
            toks = c.tokens()
            starts, ends = toks.starts, toks.ends
            self._words = trigger_words(c.schema, c.doc.text, starts, ends) if c.doc and c.schema else []
            self._words_key = key
        return self._words

    def n_stops(self) -> list[tuple[int, int]]:
        """Trigger words of the schema that are no event's trigger yet, nor a word of a trigger of several ("found" of
        "found Marek Zielinski guilty"), a rejected event's too (seed 002's "buy"), nor a word of a span's name
        ("Appeal" of "the Court of Appeal"; on events-dev 6 of the 109 trigger words inside spaCy's entities are gold
        triggers, in headlines it took for names; 440 of 2,033 outside), nor a word naming the kind of the noun after
        it ("transport minister", "payment channels": ``noun_modifiers``, session 35)."""
        stops = self._stop_test()
        return [w for w in self.trigger_words() if stops(w)]

    def _stop_test(self) -> Callable[[tuple[int, int]], bool]:
        """Whether N stops at a trigger word (``n_stops``), asked of the few words N looks at: a press over every
        word of a long document took twice the time."""
        c = self.c
        taken = {(v.trigger_start, v.trigger_end) for v in c.events.values()}
        # a word inside a trigger of several ("found" of "found Marek Zielinski guilty", "phone" of "phone call"): N
        # stopped there as if no event had it (session 23)
        wide = [(a, b) for a, b in taken if " " in c.doc.text[a:b]] if c.doc is not None else []
        index, ents, kinds = c.span_index(), c.entities, self.noun_modifiers()
        return lambda w: (
            w not in taken
            and not index.covers(ents, *w)
            and not any(a <= w[0] < b for a, b in wide)
            and not kinds.modifies(w)
        )

    def noun_modifiers(self) -> NounModifiers:
        """The document's trigger words that name the kind of the noun after them (``noun_modifiers``), from its stored
        noun heads (none stored: none such), made once per document and schema."""
        c = self.c
        heads = c.held.noun_heads(c.project)
        key = (c.doc.text if c.doc else None, c.schema, heads)
        if not same_objects(getattr(self, "_kinds_key", ()), key):
            self._kinds = NounModifiers(c.doc.text if c.doc else "", heads, self.names_type)
            self._kinds_key = key
        return self._kinds

    def next_trigger_word(self, direction: int) -> None:
        """N (Shift+N back): select the next trigger word of the schema that N stops at (``n_stops``), round the end
        of the document (the line says so)."""
        words, stops = self.trigger_words(), self._stop_test()
        here = self.start_point()
        # the first word past ``here`` (a word on a span's own offsets counts as before it, going back)
        if direction > 0:
            at = bisect_right(words, here[:2])
        else:
            at = (bisect_right if here[2] >= 0 else bisect_left)(words, here[:2]) - 1
        n = len(words)
        step = next((k for k in range(n) if stops(words[(at + k * direction) % n])), None)
        if step is None:
            self.c.report_status("No other trigger word in this document.")
            return
        a, b = words[(at + step * direction) % n]
        # past the end (the start, going back): said, as Find's "1 of 5" after "5 of 5" says it; it went on unsaid
        went_round = not 0 <= at + step * direction < n
        round_said = ("Round to the first: " if direction > 0 else "Round to the last: ") if went_round else ""
        self.c.select_entity(None)
        self.c.select_event(None)
        self.view.select_cp(a, b)
        self.view.ensureCursorVisible()
        likely, word = self.likely_types((a, b)), self.c.span_said(a, b)
        if self.events.without_picker and len(likely) == 1:
            self.c.report_status(f"{round_said}“{word}”: E makes a {likely[0]} event (N: the next trigger word)")
        elif self.events.without_picker and likely:
            self.c.report_status(
                f"{round_said}“{word}”: E makes a {likely[0]} event, then Shift+E a {likely[1]} (N: the next trigger word)"
            )
        else:  # what E's picker puts first (it said only how many suggestions were left)
            self.c.report_status(f"{round_said}“{word}”: E picks its type ({', '.join(likely[:3]) or 'any'} first)")

    # -- moving between events ----------------------------------------------------------------------------
    def start_point(self) -> tuple[int, int, int]:
        """Where N and [ ] go on from, as a text-order key: the words selected when they are no span (Find's match, N's
        word: ] after Find went on from the event selected before it, far from the words found); the event filled when
        the span selected is the filler a role key left selected (] went on from the filler, found paragraphs further
        on, past the events between); else where the user is (``anchor``: the selected span, event or the caret)."""
        sel = self.view.selection_cp()
        if sel is not None and self.edit.current() is None:
            return sel[0], sel[1], -1
        ev, cur = self.current(), self.edit.current()
        if ev is not None and cur is not None and cur.id == self.events.left():  # a filler a role key left selected
            return ev.trigger_start, ev.trigger_end, ev.id  # the event is where the person is ("Halvorsen" of 005)
        return self.edit.anchor()

    def step(self, direction: int) -> None:
        """Select the next (or previous) event in text order from where the user is: of those the text shows (a
        rejected one only while rejected annotations are shown, as Tab goes; ] selected one hidden in the text, a key
        lost, and the editor showed it as if it were there)."""
        c = self.c
        shown = self.view.highlighter.show_rejected
        evs = sorted(
            (v for v in c.events.values() if shown or v.state != "rejected"),
            key=lambda v: (v.trigger_start, v.trigger_end, v.id),
        )
        if not evs:
            return
        here = self.start_point()
        keys = [(v.trigger_start, v.trigger_end, v.id) for v in evs]
        if direction > 0:
            nxt = next((v for k, v in zip(keys, evs) if k > here), evs[0])
        else:
            nxt = next((v for k, v in zip(reversed(keys), reversed(evs)) if k < here), evs[-1])
        self.edit.select_event(nxt)
