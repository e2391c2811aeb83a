"""What the app works out about the open document without Qt: tokens to snap and move by, spans under a
position, the next document to work on, and which selection survives a reload or an edit."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass

from annotator.stand_ins import stand_in
from annotator.model import Entity, Event
from annotator.offsets import snap_to_tokens, token_index_at
from annotator import tokens as fallback
from annotator.tokens import word_tokens


@dataclass(frozen=True)
class Tokens:
    """Token starts and ends (code points, sorted) of one document."""

    starts: Sequence[int]
    ends: Sequence[int]

    @classmethod
    def of(cls, text: str, stored: tuple[Sequence[int], Sequence[int]] | None) -> "Tokens | LocalTokens":
        """The stored tokens of pre-annotation, else the one fallback (``annotator.tokens``: words and punctuation),
        which the exports and agreement use too, worked out only where it is asked for (``LocalTokens``)."""
        if stored and stored[0]:
            return cls(stored[0], stored[1])
        return LocalTokens(text)

    def snap(self, start: int, end: int) -> tuple[int, int]:
        return snap_to_tokens(self.starts, self.ends, start, end)

    def within(self, lo: int, hi: int) -> tuple[list[int], list[int]]:
        """(starts, ends) of the tokens inside ``[lo, hi)`` (a sentence's: ``name_span.name_around`` reads them)."""
        i, j = bisect_left(self.starts, lo), bisect_right(self.ends, hi)
        return list(self.starts[i:j]), list(self.ends[i:j])

    def at(self, cp: int) -> tuple[int, int] | None:
        """The token holding code point ``cp``, or None (a space)."""
        i = token_index_at(self.starts, cp)
        if i >= 0 and cp < self.ends[i]:
            return self.starts[i], self.ends[i]
        return None

    def move(self, offset: int, direction: int, edge: str) -> int:
        """The next token boundary from ``offset`` (edge 'start' or 'end') in ``direction`` (-1 or +1)."""
        bounds = self.starts if edge == "start" else self.ends
        if not bounds:
            return offset
        if direction > 0:
            i = bisect_left(bounds, offset + 1)
            return bounds[i] if i < len(bounds) else offset
        i = bisect_left(bounds, offset) - 1
        return bounds[i] if i >= 0 else offset


def edge_moved(
    tokens: "Tokens | LocalTokens", text: str, start: int, end: int, edge: str, direction: int
) -> tuple[int, int]:
    """[start, end) with its ``edge`` ('start' or 'end') moved by one token in ``direction`` (-1 or +1); ``start >=
    end`` when the move would leave no token. A span inside one token of the pipeline's that the fallback cuts
    (``annotator.tokens``: spaCy's "--Algerians", "Yemenis--") moves by the fallback's pieces within it, so the keys
    can make it "Algerians" (round 12, docs/keyboard.md: Shift+Right said "A span keeps at least one token"). A token
    of spaces or a line break (the pipeline keeps them as tokens) is moved over, never an edge: Ctrl+Shift+Right after
    "votes." made the span end with the line break, in the file and every export (session 32)."""
    moved = _edge_moved_once(tokens, text, start, end, edge, direction)
    while moved[0] < moved[1] and text[moved[0] if edge == "start" else moved[1] - 1].isspace():
        again = _edge_moved_once(tokens, text, *moved, edge, direction)
        if again == moved:
            break
        moved = again
    return moved


def _edge_moved_once(
    tokens: "Tokens | LocalTokens", text: str, start: int, end: int, edge: str, direction: int
) -> tuple[int, int]:
    moved = (
        (tokens.move(start, direction, "start"), end)
        if edge == "start"
        else (start, tokens.move(end, direction, "end"))
    )
    if moved[0] < moved[1]:
        return moved
    pieces = Tokens(*word_tokens(text, start, end))
    if len(pieces.starts) < 2:
        return moved
    if edge == "start":
        return pieces.move(start, direction, "start"), end
    return start, pieces.move(end, direction, "end")


def snapped(tokens: "Tokens | LocalTokens", text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) snapped to the tokens it touches (``offsets.snap_to_tokens``: a partial token widens). A selection
    inside one token of the pipeline's that takes its word and leaves out the dash run the pipeline kept with the word
    (spaCy's "--Algerians", "Yemenis--") snaps to the fallback's pieces within the token, as ``edge_moved`` moves by
    them: a drag over "Algerians" is "Algerians" (it was "--Algerians", round 12's Left). Only dashes: a drag that
    leaves out the last full stop of "U.S." still takes the whole token."""
    a, b = tokens.snap(start, end)
    if a >= b or (a, b) == (start, end) or tokens.at(start) != (a, b):
        return a, b  # no token, one already whole, or several: as the tokens say
    pieces = Tokens(*word_tokens(text, a, b))
    if len(pieces.starts) < 2:
        return a, b
    inner = pieces.snap(start, end)
    left_out = text[a : inner[0]] + text[inner[1] : b]
    if not left_out or not all(unicodedata.category(ch) == "Pd" for ch in left_out):
        return a, b
    if not all(unicodedata.category(text[i])[0] in "LNM" for i in (inner[0], inner[1] - 1)):
        return a, b  # a dash of the run taken, not all of it ("-Algerians"): the token whole
    return inner


def without_edge_space(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the spaces and line breaks at its edges (as it is when it holds nothing else): a span never
    starts or ends with one. Shift+Down from the end of a line took its line break, a token of the pipeline's, and a
    label key made "\\nThe planned" an ORG (seed 000, session 31)."""
    words = text[start:end]
    a, b = start + len(words) - len(words.lstrip()), start + len(words.rstrip())
    return (a, b) if a < b else (start, end)


SENTENCE_REACH = 16_384  # code points each side of a place within which LocalTokens.sentence looks for its sentence


def _sentence_in(
    starts: Sequence[int], ends: Sequence[int], known: Sequence[int], cp: int, to_end: bool
) -> tuple[int, int] | None:
    """The range of the sentence holding ``cp`` when the sentence starts ``known`` (token indices) hold one at or
    before its token and one after it (or ``to_end``: the tokens go to the text's end), else None."""
    tok = max(0, token_index_at(starts, cp))  # before the first token: the first
    i = bisect_right(known, tok)
    if i == 0 or (i == len(known) and not to_end):
        return None
    last = known[i] - 1 if i < len(known) else len(starts) - 1
    return starts[known[i - 1]], ends[last]


_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")  # the last whitespace before endpos
_SPACE = re.compile(r"\s")
_STEP = 256


class LocalTokens:
    """The fallback tokens of a document, tokenised around the place asked about instead of all at once.

    A fallback token never holds whitespace, so tokenising from just after a whitespace character gives the
    same tokens as tokenising from the start: a 20-million-character document answers the first label key at
    once (tokenising all of it took seconds). ``starts`` and ``ends`` tokenise the whole text (once) when asked.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._all: Tokens | None = None
        self._sentences: list[int] | None = None  # the whole text's, when a sentence was longer than SENTENCE_REACH

    def _whole(self) -> "Tokens":
        if self._all is None:
            self._all = Tokens(*word_tokens(self.text))
        return self._all

    @property
    def starts(self) -> Sequence[int]:
        return self._whole().starts

    @property
    def ends(self) -> Sequence[int]:
        return self._whole().ends

    def _after_space_before(self, pos: int) -> int:
        """Just after the last whitespace before ``pos`` (0 if none)."""
        step = _STEP
        while True:
            lo = max(0, pos - step)
            m = _LAST_SPACE.search(self.text, lo, pos)
            if m:
                return m.end()
            if lo == 0:
                return 0
            step *= 4

    def _space_after(self, pos: int) -> int:
        """The first whitespace at or after ``pos`` (the text's end if none)."""
        m = _SPACE.search(self.text, pos)
        return m.start() if m else len(self.text)

    def _window(self, lo: int, hi: int) -> "Tokens":
        a, b = self._after_space_before(max(0, lo)), self._space_after(min(len(self.text), hi))
        return Tokens(*fallback.word_tokens(self.text, a, b))

    def snap(self, start: int, end: int) -> tuple[int, int]:
        return self._window(start, end).snap(start, end)

    def within(self, lo: int, hi: int) -> tuple[list[int], list[int]]:
        return self._window(lo, hi).within(lo, hi)

    def at(self, cp: int) -> tuple[int, int] | None:
        return self._window(cp, cp + 1).at(cp)

    def sentence(self, cp: int) -> tuple[int, int]:
        """The code-point range of the fallback sentence holding ``cp`` (``annotator.tokens.sentence_starts``, as
        ``keyflow.sentence_bounds`` finds it in the whole text's tokens), worked out from the tokens around ``cp``: a
        document never pre-annotated had no sentences, so Alt+N ranked every span of it as the trigger's sentence.

        A window's sentence starts are the whole text's, except that its first token may start one or not (it
        depends on the tokens before it): the window widens until a start it knows lies at or before ``cp``'s token
        and one after it (or the text ends there). A text with no sentence end within ``SENTENCE_REACH`` of ``cp``
        (a transcript, Thai) has its sentences found whole, once."""
        n = len(self.text)
        reach = 4 * _STEP if self._sentences is None else 2 * SENTENCE_REACH  # found whole once: bisected since
        while reach <= SENTENCE_REACH:
            lo = 0 if cp <= reach else self._after_space_before(cp - reach)
            hi = n if cp + reach >= n else self._space_after(cp + reach)
            starts, ends = fallback.word_tokens(self.text, lo, hi)
            known = fallback.sentence_starts(self.text, starts, ends)[0 if lo == 0 else 1 :]
            found = _sentence_in(starts, ends, known, cp, hi == n)
            if found is not None or (lo == 0 and hi == n):
                return found or (0, n)
            reach *= 4
        whole = self._whole()
        if self._sentences is None:
            self._sentences = fallback.sentence_starts(self.text, list(whole.starts), list(whole.ends))
        return _sentence_in(whole.starts, whole.ends, self._sentences, cp, True) or (0, n)

    def move(self, offset: int, direction: int, edge: str) -> int:
        n = len(self.text)
        reach = _STEP
        while True:
            lo, hi = (offset, offset + reach) if direction > 0 else (offset - reach, offset)
            found = self._window(lo, hi).move(offset, direction, edge)
            if found != offset or (hi >= n if direction > 0 else lo <= 0):
                return found
            reach *= 4


def word_at(tokens: "Tokens | LocalTokens", text: str, cp: int) -> tuple[int, int] | None:
    """The word a caret at ``cp`` is on: the token holding ``cp``, or the word ending at ``cp`` when that token is
    punctuation or there is none (a caret at the end of "workers." is on "workers", not on the full stop)."""
    here = tokens.at(cp)
    if cp > 0 and (here is None or not _WORDY.search(text, here[0], here[1])):
        before = tokens.at(cp - 1)
        if before is not None and before[1] == cp and _WORDY.search(text, before[0], before[1]):
            return before
    return here


_WORDY = re.compile(r"\w")


def reading_key(e: Entity) -> tuple[int, int, int]:
    """The reading order of spans: by start, outer before inner, then by id."""
    return e.start, -e.end, e.id


def visible_entities(entities: Iterable[Entity], show_rejected: bool = False) -> list[Entity]:
    """Entities in reading order (outer before inner), rejected ones only when asked for."""
    return sorted((e for e in entities if show_rejected or e.state != "rejected"), key=reading_key)


def entities_at(entities: Iterable[Entity], cp: int, show_rejected: bool = False) -> list[Entity]:
    """Entities covering code point ``cp``, innermost (shortest) first."""
    hits = [e for e in entities if e.start <= cp < e.end and (show_rejected or e.state != "rejected")]
    return sorted(hits, key=lambda e: (e.end - e.start, e.id))


def events_at(events: Iterable[Event], cp: int) -> list[Event]:
    """The events whose trigger covers ``cp``, in text order (Tab's: trigger start, end, id)."""
    hits = [v for v in events if v.trigger_start <= cp < v.trigger_end]
    return sorted(hits, key=lambda v: (v.trigger_start, v.trigger_end, v.id))


def next_open(open_ids: Sequence[int], current: int | None) -> int | None:
    """The next of ``open_ids`` (sorted) after ``current``, wrapping; None when there is no other."""
    if not open_ids:
        return None
    cur = current if current is not None else -1
    later = [i for i in open_ids if i > cur]
    nxt = (later or open_ids)[0]
    return None if nxt == cur else nxt


def next_open_in(order: Sequence[int], open_ids: Container[int], current: int | None) -> int | None:
    """The next document of ``order`` (the document list as sorted and filtered) after ``current`` that is in
    ``open_ids``, wrapping (from the top when ``current`` is not in ``order``); None when there is no other. A filter
    that hides a document keeps it out: Ctrl+Enter opened the next not done by id, hidden or not."""
    at = order.index(current) + 1 if current in order else 0
    for doc_id in [*order[at:], *order[:at]]:
        if doc_id != current and doc_id in open_ids:
            return doc_id
    return None


def still_there(selected: int | None, present: Container[int]) -> int | None:
    """A selection survives a reload or an edit only while what it names is still there."""
    return selected if selected is not None and selected in present else None


def landed_as(selected: int | None, row: Entity | None, entities: dict[int, Entity]) -> int | None:
    """The span a selected stand-in (``stand_ins.stand_in``: a span made by an edit kept while another program writes)
    became when its edit landed: the file's span on its words, of its label first, the newest; None when ``selected``
    is no stand-in gone, or no such span is there (its edit refused). The stand-in's id goes at the landing, and the
    selection with it: the next role key then took the words, not the span (round 19, docs/keyboard.md)."""
    if selected is None or row is None or selected in entities or not stand_in(selected):
        return None
    there = [e for e in entities.values() if (e.start, e.end) == (row.start, row.end) and not stand_in(e.id)]
    return max(there, key=lambda e: (e.label == row.label, e.id)).id if there else None


class SpanIndex:
    """The spans of a document by start, to find those nearest a place without a pass over all of them (a role's
    fill list read all 8,000 spans of a long document at every key). It holds offsets and ids only: a span's label
    and state are read from ``entities`` when asked, so it stays right while only those change."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        rows = sorted((e.start, e.end, e.id) for e in entities)
        self.starts = [r[0] for r in rows]
        self.rows = rows
        self.longest = max((e - s for s, e, _ in rows), default=0)

    def within(self, entities: dict[int, Entity], fits: Callable[[Entity], bool], lo: int, hi: int) -> list[Entity]:
        """The spans that ``fits`` (the caller's rule: a role's, ``keyflow.role_fits``) inside [lo, hi), by start."""
        rows = self.rows[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
        return [e for _, end, i in rows if end <= hi and (e := entities.get(i)) is not None and fits(e)]

    def at(self, entities: dict[int, Entity], cp: int, show_rejected: bool = False) -> list[Entity]:
        """The spans covering code point ``cp``, innermost (shortest) first: ``entities_at`` without a pass over all
        of them (the status line asks at each caret move while an event is selected, ``ui.caret_note``)."""
        rows = self.rows[bisect_left(self.starts, cp - self.longest) : bisect_right(self.starts, cp)]
        hits = [
            e
            for _, _, i in rows
            if (e := entities.get(i)) is not None and e.start <= cp < e.end and (show_rejected or e.state != "rejected")
        ]
        return sorted(hits, key=lambda e: (e.end - e.start, e.id))

    def covers(self, entities: dict[int, Entity], start: int, end: int) -> bool:
        """Whether a span (not rejected) holds all of [start, end): the word is one of a name's."""
        rows = self.rows[bisect_left(self.starts, start - self.longest) : bisect_right(self.starts, start)]
        return any(stop >= end and (e := entities.get(i)) is not None and e.state != "rejected" for _, stop, i in rows)

    def nearest(
        self, entities: dict[int, Entity], fits: Callable[[Entity], bool], start: int, end: int, most: int
    ) -> list[Entity]:
        """Up to ``most`` spans that ``fits`` nearest to [start, end), nearest first (ties: the
        earlier start, then the smaller id): the same as sorting every span by that distance, looking only at a window around it."""

        def distance(e: Entity) -> tuple[int, int, int]:
            if e.end <= start:
                return start - e.end, e.start, e.id
            if e.start >= end:
                return e.start - end, e.start, e.id
            return 0, e.start, e.id

        reach = 2_000
        while True:
            lo = bisect_left(self.starts, start - reach - self.longest)
            hi = bisect_left(self.starts, end + reach + 1)
            found = [e for _, _, i in self.rows[lo:hi] if (e := entities.get(i)) is not None and fits(e)]
            best = sorted(found, key=distance)[:most]
            whole = lo == 0 and hi == len(self.rows)
            if whole or (len(best) == most and distance(best[-1])[0] <= reach):
                return best  # every span nearer than the last one kept lies inside the window
            reach *= 4
